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
from .text import _PAGE_NUMBER, _TOP_HEADING

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
    blocks: list[Paragraph | Table] = []
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
                    if _prose_row(cells):
                        top = robj.bbox[1]
                        items.append(
                            (top, Paragraph(_unkangxi(cells[0] or "").replace("\n", ""), Prov(page=pno, bbox=tuple(robj.bbox))))
                        )
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
                    items.append((robj.bbox[1], ("row", row, robj.bbox)))
                boxes.append(t.bbox)
            for line in page.extract_text_lines(layout=False, strip=True, return_chars=False):
                if any(_inside(line["top"], line["bottom"], b) for b in boxes):
                    continue
                text = _unkangxi(line["text"])
                if _PAGE_NUMBER.match(text):
                    continue
                items.append(
                    (line["top"], Paragraph(text, Prov(page=pno, bbox=(line["x0"], line["top"], line["x1"], line["bottom"]))))
                )
            items.sort(key=lambda it: it[0])
            table: Table | None = None
            for _, item in items:
                if isinstance(item, Paragraph):
                    if table is not None:
                        blocks.append(table)
                        table = None
                    blocks.append(item)
                else:
                    _, row, bbox = item
                    if table is None:
                        table = Table([], Prov(page=pno, bbox=tuple(bbox)))
                    table.rows.append(row)
            if table is not None:
                blocks.append(table)
    if chars == 0:
        from .ocr import ocr_pdf

        return ocr_pdf(data, origin)
    origin.layout = "pdf"
    return Document(blocks=blocks, origin=origin)
