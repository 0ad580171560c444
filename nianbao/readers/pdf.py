"""PDF with a text layer → document: ruled tables as cell grids (pdfplumber), the rest as
lines of text, in reading order, each with its page and bounding box.

Some PDFs draw every line of prose on its own background rectangle, which a table finder
takes for a one-column table: such rows go back to being paragraphs. Page numbers are
dropped; Kangxi radicals (⼀ U+2F00 for 一), which some Word/WPS exports emit, are folded.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

from ..document import Cell, Document, Origin, Paragraph, Prov, Table
from ..errors import ReadError
from .text import _TOP_HEADING

_KANGXI = re.compile("[\u2f00-\u2fd5\u2e80-\u2ef3]")


def _unkangxi(text: str) -> str:
    return _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def _inside(top: float, bottom: float, box: tuple[float, float, float, float]) -> bool:
    mid = (top + bottom) / 2
    return box[1] - 1 <= mid <= box[3] + 1


def _prose_row(cells: list[str | None]) -> bool:
    """A row with one filled cell that is a line of prose or a part heading, not a table row."""
    filled = [c for c in cells if c]
    if len(filled) != 1 or not cells[0]:
        return False
    text = filled[0].strip()
    return len(text) >= 16 or bool(_TOP_HEADING.match(text) and len(text) > 6)


def pdf_to_document(data: bytes, origin: Origin | None = None) -> Document:
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ReadError("读取 PDF 需要 pdfplumber") from exc
    origin = origin or Origin()
    ordered: list[Any] = []
    chars = 0
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise ReadError(f"PDF 文件已损坏或无法打开（{type(exc).__name__}）") from None
    with pdf:
        for pno, page in enumerate(pdf.pages, 1):
            chars += len(page.chars)
            items: list[tuple[float, Any]] = []
            tables = []
            for t in page.find_tables():
                grid = t.extract()
                if not grid or max(len(r) for r in grid) < 2:
                    continue  # one column: prose on background rectangles
                tables.append((t, grid))
            boxes = []
            for t, grid in tables:
                rows: list[list[Cell]] = []
                row_objs = t.rows
                for r, (cells, robj) in enumerate(zip(grid, row_objs, strict=False)):
                    if _prose_row(cells):  # prose inside a ruled frame goes back to the text
                        text = _unkangxi(cells[0] or "").replace("\n", "")
                        items.append((robj.bbox[1], ("line", text, pno, tuple(robj.bbox))))
                        continue
                    row = []
                    for c, text in enumerate(cells):
                        bbox = robj.cells[c] if c < len(robj.cells) else None
                        row.append(
                            Cell(
                                _unkangxi(text or ""),
                                Prov(page=pno, row=r, col=c, bbox=tuple(bbox) if bbox else None),
                            )
                        )
                    rows.append(row)
                    items.append((robj.bbox[1], ("row", row, pno, tuple(robj.bbox))))
                boxes.append(t.bbox)
            for text, bbox in _text_lines(page, boxes):
                items.append((bbox[1], ("line", _unkangxi(text), pno, bbox)))
            items.sort(key=lambda it: it[0])
            ordered.extend(item for _, item in items)
    blocks = _assemble(ordered)
    if chars == 0:
        from .ocr import ocr_pdf

        return ocr_pdf(data, origin)
    origin.layout = "pdf"
    return Document(blocks=blocks, origin=origin)


def _text_lines(page: Any, boxes: list[tuple[float, float, float, float]]) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The page's text outside ruled tables, line by line, with a wide horizontal gap between
    words written as a column gap: a borderless table (三线表) comes out as space-aligned
    rows, which the text reader reads like any other."""
    words = [
        w
        for w in page.extract_words(x_tolerance=1.5, y_tolerance=2, extra_attrs=["size"])
        if not any(_inside(w["top"], w["bottom"], b) for b in boxes)
    ]
    words.sort(key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for w in words:
        if lines:
            last = lines[-1]
            mid, lmid = (w["top"] + w["bottom"]) / 2, (last[0]["top"] + last[0]["bottom"]) / 2
            if abs(mid - lmid) <= 0.4 * min(w["size"], last[0]["size"]):
                last.append(w)
                continue
        lines.append([w])
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        parts = [line[0]["text"]]
        for a, b in zip(line, line[1:], strict=False):
            gap = b["x0"] - a["x1"]
            if gap > 1.2 * min(a["size"], b["size"]):
                parts.append("    ")
            elif gap > 0.15 * min(a["size"], b["size"]) and a["text"][-1].isascii() and b["text"][0].isascii():
                parts.append(" ")  # between Latin words; CJK text has no spaces, only font changes
            parts.append(b["text"])
        bbox = (
            min(w["x0"] for w in line),
            min(w["top"] for w in line),
            max(w["x1"] for w in line),
            max(w["bottom"] for w in line),
        )
        out.append(("".join(parts), bbox))
    return out


def _assemble(ordered: list[Any]) -> list[Paragraph | Table]:
    """Ruled-table rows become tables; each stretch of text lines between them is read by
    the text reader (paragraphs, borderless tables, page numbers dropped), its provenance
    mapped back to page and box."""
    from .text import text_to_document

    blocks: list[Paragraph | Table] = []
    run: list[tuple[str, int, tuple[float, float, float, float]]] = []
    table: Table | None = None

    def flush_run() -> None:
        if not run:
            return
        doc = text_to_document("\n".join(t for t, _, _ in run))
        for block in doc.blocks:
            if isinstance(block, Paragraph):
                _, pno, bbox = run[(block.prov.line or 1) - 1]
                blocks.append(Paragraph(block.text, Prov(page=pno, bbox=bbox)))
            else:
                rows = []
                for r, row in enumerate(block.rows):
                    cells = []
                    for c, cell in enumerate(row):
                        _, pno, bbox = run[(cell.prov.line or 1) - 1]
                        cells.append(Cell(cell.text, Prov(page=pno, row=r, col=c, bbox=bbox)))
                    rows.append(cells)
                first = run[(block.prov.line or 1) - 1]
                blocks.append(Table(rows, Prov(page=first[1], bbox=first[2])))
        run.clear()

    for item in ordered:
        if item[0] == "line":
            if table is not None:
                blocks.append(table)
                table = None
            run.append((item[1], item[2], item[3]))
        else:
            flush_run()
            _, row, pno, bbox = item
            if table is None:
                table = Table([], Prov(page=pno, bbox=bbox))
            table.rows.append(row)
    flush_run()
    if table is not None:
        blocks.append(table)
    return blocks
