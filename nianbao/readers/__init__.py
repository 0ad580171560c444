"""Readers: any file → the neutral ``Document``. The file type comes from the bytes
(magic numbers), the extension only breaks ties."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..document import Document, Origin
from ..errors import ReadError, UnsupportedFormat
from .encoding import decode_bytes
from .html import html_to_document, looks_like_html
from .text import text_to_document

__all__ = ["bytes_to_document", "read_document", "sniff", "text_to_document"]

_MAGIC = (
    (b"%PDF", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"{\\rtf", "application/rtf"),
)
_NAMES = {
    "application/pdf": "PDF",
    "application/zip": "docx/xlsx（zip）",
    "application/x-ole-storage": "doc/wps/xls",
    "application/rtf": "RTF",
}


def _zip_has(data: bytes, name: str) -> bool:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return name in z.namelist()
    except zipfile.BadZipFile:
        return False


_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_BOOK = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


def _via_libreoffice(data: bytes, mime: str, origin: Origin) -> Document:
    """Old binary Word/WPS (and RTF) become .docx, Excel/WPS-sheet .xlsx, then are read as such."""
    from ..office import convert
    from .docx import docx_to_document
    from .xlsx import xlsx_to_document

    if mime == "application/rtf" or _OLE_WORD in data:
        origin.mimetype = "application/msword"
        return docx_to_document(convert(data, ".doc" if mime != "application/rtf" else ".rtf", "docx"), origin)
    if any(b in data for b in _OLE_BOOK):
        origin.mimetype = "application/vnd.ms-excel"
        return xlsx_to_document(convert(data, ".xls", "xlsx"), origin)
    raise UnsupportedFormat("无法识别的 OLE 文件（既不是 Word/WPS 文档也不是 Excel 表格）")


def sniff(data: bytes) -> str:
    """The MIME type the bytes say they are; ``text/plain`` when no magic matches."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    return "text/plain"


def bytes_to_document(data: bytes, filename: str | None = None) -> Document:
    """Read a report from its bytes; raises ``ReadError`` with a Chinese sentence."""
    mime = sniff(data)
    origin = Origin(filename=filename, mimetype=mime, sha256=hashlib.sha256(data).hexdigest())
    if mime == "application/pdf":
        from .pdf import pdf_to_document

        return pdf_to_document(data, origin)
    if mime.startswith("image/"):
        from .ocr import ocr_image

        return ocr_image(data, origin)
    if mime == "application/zip" and _zip_has(data, "word/document.xml"):
        from .docx import docx_to_document

        origin.mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return docx_to_document(data, origin)
    if mime == "application/zip" and _zip_has(data, "xl/workbook.xml"):
        from .xlsx import xlsx_to_document

        origin.mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return xlsx_to_document(data, origin)
    if mime in ("application/x-ole-storage", "application/rtf"):
        return _via_libreoffice(data, mime, origin)
    if mime == "text/plain" and looks_like_html(data):
        origin.mimetype = "text/html"
        return html_to_document(data, origin)
    if mime != "text/plain":
        kind = _NAMES.get(mime, mime)
        raise UnsupportedFormat(f"暂不支持读取{kind}格式的文件")
    text, encoding = decode_bytes(data)
    origin.encoding = encoding
    return text_to_document(text, origin)


def read_document(path: str | Path) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise ReadError("这是一个文件夹，不是文件") from None
    except FileNotFoundError:
        raise ReadError("文件不存在") from None
    except OSError as exc:
        raise ReadError(f"无法读取文件（{exc.strerror or exc}）") from None
    return bytes_to_document(data, str(path))
