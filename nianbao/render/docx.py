"""Record → Word .docx in the official layout: A4, title in 方正小标宋简体 (黑体 fallback),
text in 仿宋_GB2312, the three tables with their merged cells, numbers centred.

Font names are the ones government documents use; where they are missing (Linux, CI) the
fontconfig aliases that .ci installs map them to Noto CJK.
"""

from __future__ import annotations

import io

from ..record import Report
from .layout import LaidTable, layout_report

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TABLE_FONT = "宋体"


def _font(run: object, name: str, size_pt: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name  # type: ignore[attr-defined]
    run.font.size = Pt(size_pt)  # type: ignore[attr-defined]
    rpr = run._element.get_or_add_rPr()  # type: ignore[attr-defined]
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        rfonts.set(qn(attr), name)


def _three_line(t: object, header_rows: int) -> None:
    """A 三线表: a rule above the table, one under the header, one below; no others."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = t._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if edge in ("top", "bottom") else "nil")
        if edge in ("top", "bottom"):
            el.set(qn("w:sz"), "12")
        borders.append(el)
    tblpr.append(borders)
    if header_rows:
        for cell in t.rows[header_rows - 1].cells:  # type: ignore[attr-defined]
            tcpr = cell._tc.get_or_add_tcPr()
            tcb = OxmlElement("w:tcBorders")
            bottom = OxmlElement("w:bottom")
            bottom.set(qn("w:val"), "single")
            bottom.set(qn("w:sz"), "8")
            tcb.append(bottom)
            tcpr.append(tcb)


def _table(doc: object, table: LaidTable, three_line: bool = False) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    width = max(len(r) for r in table.rows)
    t = doc.add_table(rows=len(table.rows), cols=width)  # type: ignore[attr-defined]
    if not three_line:
        t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    spans = table.spans()
    for (r, c), (rs, cs) in spans.items():
        t.cell(r, c).merge(t.cell(r + rs - 1, c + cs - 1))
    covered = {(r + i, c + k) for (r, c), (rs, cs) in spans.items() for i in range(rs) for k in range(cs)} - set(spans)
    # Label columns wide enough that labels do not wrap into one character a line; Word
    # takes the cells' widths, LibreOffice the grid's, so both are set.
    t.autofit = False
    labels = table.label_cols
    if labels > 1:  # group columns narrow, the row label's own column wide
        label_ws = [1.5] * (labels - 1) + [7.2 - 1.5 * (labels - 1)]
    else:
        label_ws = [5.0] * labels
    rest = (15.6 - sum(label_ws)) / max(1, width - labels)
    widths = [Cm(label_ws[c]) if c < labels else Cm(rest) for c in range(width)]
    for grid_col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        grid_col.set(qn("w:w"), str(int(w.twips)))
    for c, col in enumerate(t.columns):
        for cell in col.cells:
            cell.width = widths[c]
    for r, row in enumerate(table.rows):
        trpr = t.rows[r]._tr.get_or_add_trPr()
        keep = OxmlElement("w:cantSplit")  # a row never breaks across pages
        keep.set(qn("w:val"), "true")
        trpr.append(keep)
        if r < table.header_rows:  # repeat the header rows on each page
            head = OxmlElement("w:tblHeader")
            head.set(qn("w:val"), "true")
            trpr.append(head)
        for c in range(width):
            if (r, c) in covered:
                continue
            text = (row[c] if c < len(row) else "") or ""
            cell = t.cell(r, c)
            cell.text = ""
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), TABLE_FONT, 10.5)
    if three_line:
        _three_line(t, table.header_rows)


def render_docx(report: Report, three_line: bool = False) -> bytes:
    """``three_line``: tables as 三线表 (no vertical rules), as some agencies print them."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    laid = layout_report(report)
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(3.7 - 1.2)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(laid.title), TITLE_FONT, 22)
    headings = {s.heading for s in report.sections.values()}
    for block in laid.blocks:
        if isinstance(block, LaidTable):
            _table(doc, block, three_line)
            continue
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)
        _font(p.add_run(block), HEADING_FONT if block in headings else BODY_FONT, 16)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
