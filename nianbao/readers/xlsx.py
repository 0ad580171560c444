"""Excel workbooks (some agencies publish the statistics tables as a workbook) → document:
one table per sheet, merged ranges keeping their value in the top-left cell."""

from __future__ import annotations

import io

from ..document import Cell, Document, Origin, Paragraph, Prov, Table
from ..errors import ReadError


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_to_document(data: bytes, origin: Origin | None = None) -> Document:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ReadError("读取 .xlsx 需要 openpyxl") from exc
    origin = origin or Origin()
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as exc:
        raise ReadError(f".xlsx 文件已损坏或无法打开（{type(exc).__name__}）") from None
    blocks: list[Paragraph | Table] = []
    for pno, ws in enumerate(wb.worksheets, 1):
        rows: list[list[Cell]] = []
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            cells = [Cell(_text(v), Prov(page=pno, row=r, col=c)) for c, v in enumerate(row)]
            filled = [c for c in cells if c.text.strip()]
            if len(filled) == 1 and len(filled[0].text) > 12 and not rows:
                blocks.append(Paragraph(filled[0].text.strip(), Prov(page=pno, row=r)))  # a title above the table
                continue
            rows.append(cells)
        if any(c.text for r in rows for c in r):
            blocks.append(Table(rows, Prov(page=pno)))
    origin.layout = "xlsx"
    return Document(blocks=blocks, origin=origin)
