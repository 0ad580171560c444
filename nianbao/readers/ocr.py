"""Scanned PDFs and images → document, by OCR (optional extra ``nianbao[ocr]``:
rapidocr-onnxruntime, whose wheel carries its models, so nothing is downloaded).

Text boxes are grouped into lines by their vertical centres; a line with two or more boxes,
one of them a number, is a table row (its boxes the cells, left to right), any other line a
paragraph. That is all the label → values parser needs: a merged label printed
vertically (三、本年度办理结果) leaves stray one-character labels at the left of rows,
which match no row and are passed over. Every value carries ``ocr: true``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..document import Cell, Document, Origin, Paragraph, Prov, Table
from ..errors import ReadError
from ..labels import read_cell
from .text import _PAGE_NUMBER, _TOP_HEADING, _split_numbers

DPI = 200


def ocr_available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def _boxes(image: Any, scale: float) -> list[tuple[float, float, float, float, str]]:
    result, _ = _engine()(image)
    out = []
    for points, text, _score in result or []:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        out.append((min(xs) / scale, min(ys) / scale, max(xs) / scale, max(ys) / scale, text))
    return out


def _lines(boxes: list[tuple[float, float, float, float, str]]) -> list[list[tuple[float, float, float, float, str]]]:
    boxes = sorted(boxes, key=lambda b: (b[1] + b[3]) / 2)
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for b in boxes:
        mid, h = (b[1] + b[3]) / 2, b[3] - b[1]
        if lines:
            last = lines[-1]
            lmid = sum((x[1] + x[3]) / 2 for x in last) / len(last)
            lh = sum(x[3] - x[1] for x in last) / len(last)
            if abs(mid - lmid) <= 0.5 * min(h, lh):
                last.append(b)
                continue
        lines.append([b])
    return [sorted(line, key=lambda b: b[0]) for line in lines]


def images_to_document(pages: list[tuple[Any, float]], origin: Origin) -> Document:
    """OCR each (image, pixels-per-point) page; boxes come back in PDF points."""
    blocks: list[Paragraph | Table] = []
    for pno, (image, scale) in enumerate(pages, 1):
        table: Table | None = None
        for line in _lines(_boxes(image, scale)):
            texts = [b[4] for b in line]
            bbox = (min(b[0] for b in line), min(b[1] for b in line), max(b[2] for b in line), max(b[3] for b in line))
            if len(line) >= 2 and any(read_cell(t).kind == "number" for t in texts):
                cells = []
                for b in line:
                    for part in _split_numbers(b[4]):
                        cells.append(Cell(part, Prov(page=pno, col=len(cells), bbox=b[:4], ocr=True)))
                if table is None:
                    table = Table([], Prov(page=pno, bbox=bbox, ocr=True))
                table.rows.append(cells)
                continue
            text = "".join(texts)
            if _PAGE_NUMBER.match(text):
                continue
            heading = bool(_TOP_HEADING.match(text)) and len(text) > 8
            if table is not None and len(text) <= 30 and not text.endswith("。") and not heading:
                table.rows.append([Cell(text, Prov(page=pno, bbox=bbox, ocr=True))])  # a header or label line
                continue
            if table is not None:
                blocks.append(table)
                table = None
            blocks.append(Paragraph(text, Prov(page=pno, bbox=bbox, ocr=True)))
        if table is not None:
            blocks.append(table)
    origin.layout = "ocr"
    return Document(blocks=blocks, origin=origin)


def ocr_pdf(data: bytes, origin: Origin) -> Document:
    if not ocr_available():
        raise ReadError("PDF 没有文字层（扫描件或图片），需要 OCR 才能读取：pip install 'nianbao[ocr]'")
    import pypdfium2 as pdfium

    scale = DPI / 72
    pdf = pdfium.PdfDocument(data)
    try:
        pages = [(page.render(scale=scale).to_numpy(), scale) for page in pdf]
    finally:
        pdf.close()
    return images_to_document(pages, origin)


def ocr_image(data: bytes, origin: Origin) -> Document:
    if not ocr_available():
        raise ReadError("图片需要 OCR 才能读取：pip install 'nianbao[ocr]'")
    import io

    import numpy as np
    from PIL import Image

    try:
        image = np.array(Image.open(io.BytesIO(data)).convert("RGB"))
    except Exception as exc:
        raise ReadError(f"图片已损坏或无法打开（{type(exc).__name__}）") from None
    return images_to_document([(image, DPI / 72)], origin)
