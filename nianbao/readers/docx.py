"""Word .docx → document, in body order, tables as true grids.

python-docx returns a merged cell once per grid position it covers (the same ``<w:tc>``
for a ``gridSpan`` to the right or a ``vMerge`` below); the top-left position keeps the
text, the covered ones become empty cells, as the text reader and the parser expect.
Text in text boxes is kept; a line break inside a paragraph splits it.
"""

from __future__ import annotations

import io

from ..document import Cell, Document, Origin, Paragraph, Prov, Table
from ..errors import ReadError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p_el: object) -> str:
    parts: list[str] = []
    for el in p_el.iter():  # type: ignore[attr-defined]
        tag = el.tag
        if tag == f"{_W}t":
            parts.append(el.text or "")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}tab":
            parts.append("\t")
    return "".join(parts)


def docx_to_document(data: bytes, origin: Origin | None = None) -> Document:
    try:
        import docx
        from docx.table import Table as DocxTable
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ReadError("读取 .docx 需要 python-docx") from exc
    origin = origin or Origin()
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ReadError(f".docx 文件已损坏或无法打开（{type(exc).__name__}）") from None
    blocks: list[Paragraph | Table] = []
    para_no = 0
    for el in d.element.body.iterchildren():
        if el.tag == f"{_W}p":
            para_no += 1
            for line in _para_text(el).split("\n"):
                if line.strip():
                    blocks.append(Paragraph(line.strip(), Prov(line=para_no)))
        elif el.tag == f"{_W}tbl":
            para_no += 1
            blocks.extend(_table(DocxTable(el, d), para_no))
    origin.layout = "docx"
    return Document(blocks=blocks, origin=origin)


def _table(table: object, block_no: int) -> list[Paragraph | Table]:
    """The grid of one Word table; tables nested in its cells follow it as tables of their own."""
    rows: list[list[Cell]] = []
    nested: list[Paragraph | Table] = []
    above: list[object] = []
    for r, row in enumerate(table.rows):  # type: ignore[attr-defined]
        out: list[Cell] = []
        tcs = [c._tc for c in row.cells]
        for c, cell in enumerate(row.cells):
            tc = tcs[c]
            covered = (c > 0 and tcs[c - 1] is tc) or (c < len(above) and above[c] is tc)
            if covered:
                out.append(Cell("", Prov(line=block_no, row=r, col=c)))
                continue
            text = "\n".join(_para_text(p._p) for p in cell.paragraphs).strip()
            out.append(Cell(text, Prov(line=block_no, row=r, col=c)))
            for inner in cell.tables:
                nested.extend(_table(inner, block_no))
        rows.append(out)
        above = tcs
    return [Table(rows, Prov(line=block_no)), *nested]
