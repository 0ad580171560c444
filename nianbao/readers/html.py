"""Web page → document: tables as grids from rowspan/colspan, the rest as lines of text.

We decode the bytes ourselves: pages that declare gb2312 but hold GBK-only characters
(镕 喆 堃) are cut short by libxml2 if it decodes them, so gb2312/gbk are read as GB18030.
Scripts, styles and navigation are dropped.
"""

from __future__ import annotations

import re

from ..document import Cell, Document, Origin, Paragraph, Prov, Table
from ..errors import ReadError
from .encoding import decode_bytes

_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_GB = {"gb2312", "gbk", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn"}
_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "iframe", "select", "option", "button", "form", "head", "svg"}
_BLOCK = {
    "p", "div", "section", "article", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "pre", "blockquote", "center", "dd", "dt", "dl", "caption", "tr", "body", "html",
}  # fmt: skip
HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table|div|p)\b", re.I | re.S
)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START.match(head)) or (b"<table" in head.lower() and b"</" in head)


def decode_html(data: bytes) -> tuple[str, str]:
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "ignore").lower() if m else None
    if declared in _GB:
        return data.decode("gb18030", errors="replace"), "gb18030"
    if declared in ("utf-8", "utf8"):
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            pass
    return decode_bytes(data)


def _grid(table_el: object, block_no: int) -> Table:
    rows: list[list[Cell]] = []
    pending: dict[tuple[int, int], bool] = {}  # grid positions covered by a rowspan from above
    for r, tr in enumerate(table_el.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")):  # type: ignore[attr-defined]
        row: list[Cell] = []
        c = 0
        for td in tr.xpath("./td|./th"):
            while pending.pop((r, c), False):
                row.append(Cell("", Prov(line=block_no, row=r, col=c)))
                c += 1
            text = "\n".join(t.strip() for t in td.itertext() if t.strip())
            rs = _span(td.get("rowspan"))
            cs = _span(td.get("colspan"))
            row.append(Cell(text, Prov(line=block_no, row=r, col=c), rowspan=rs, colspan=cs))
            for k in range(1, cs):
                row.append(Cell("", Prov(line=block_no, row=r, col=c + k)))
            for dr in range(1, rs):
                for k in range(cs):
                    pending[(r + dr, c + k)] = True
            c += cs
        while pending.pop((r, c), False):
            row.append(Cell("", Prov(line=block_no, row=r, col=c)))
            c += 1
        rows.append(row)
    return Table(rows, Prov(line=block_no))


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 200))
    except ValueError:
        return 1


def html_to_document(data: bytes, origin: Origin | None = None) -> Document:
    import lxml.html

    origin = origin or Origin()
    text, encoding = decode_html(data)
    origin.encoding = encoding
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:
        raise ReadError(f"无法解析网页（{type(exc).__name__}）") from None
    blocks: list[Paragraph | Table] = []
    buf: list[str] = []
    counter = [0]

    def flush() -> None:
        for line in "".join(buf).split("\n"):
            line = line.strip()
            if line:
                counter[0] += 1
                blocks.append(Paragraph(line, Prov(line=counter[0])))
        buf.clear()

    def walk(el: object) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
        if tag in _SKIP:
            return
        if tag == "table" and not el.xpath(".//table"):  # type: ignore[attr-defined]
            flush()
            counter[0] += 1
            blocks.append(_grid(el, counter[0]))
            return
        if tag in _BLOCK:
            buf.append("\n")
        if tag == "br":
            buf.append("\n")
        if el.text and tag:  # type: ignore[attr-defined]
            buf.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if tag in _BLOCK or tag in ("td", "th"):
            buf.append("\n")

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    origin.layout = "html"
    return Document(
        blocks=[b for b in blocks if not isinstance(b, Table) or any(c.text for r in b.rows for c in r)], origin=origin
    )
