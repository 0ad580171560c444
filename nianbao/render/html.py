"""Record → one self-contained HTML page in the official layout (merged cells as
rowspan/colspan), with print CSS so it prints on A4 as the report."""

from __future__ import annotations

from html import escape

from ..record import Report
from .layout import LaidTable, layout_report

_CSS = """
@page { size: A4; margin: 2.5cm 2.2cm; }
body { font-family: "FangSong", "仿宋", "仿宋_GB2312", "Noto Serif CJK SC", "SimSun", serif; font-size: 16pt;
       line-height: 1.6; max-width: 46em; margin: 2em auto; color: #000; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimHei", "黑体", "Noto Sans CJK SC", sans-serif;
     font-size: 22pt; font-weight: normal; text-align: center; }
p { text-indent: 2em; margin: 0.2em 0; }
p.part { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 10.5pt; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
"""


def _table_html(table: LaidTable) -> str:
    spans = table.spans()
    covered = {(r + i, c + k) for (r, c), (rs, cs) in spans.items() for i in range(rs) for k in range(cs)} - set(spans)
    width = max(len(r) for r in table.rows)
    out = ["<table>"]
    for r, row in enumerate(table.rows):
        if r == 0 and table.header_rows:
            out.append("<thead>")
        cells = []
        tag = "th" if r < table.header_rows else "td"
        for c in range(width):
            if (r, c) in covered:
                continue
            text = row[c] if c < len(row) else ""
            rs, cs = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            cells.append(f"<{tag}{attrs}>{escape(text or '')}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
        if r == table.header_rows - 1:
            out.append("</thead><tbody>")
    out.append("</tbody></table>" if table.header_rows else "</table>")
    return "\n".join(out)


def render_html(report: Report) -> str:
    laid = layout_report(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(laid.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(laid.title)}</h1>",
    ]
    headings = {s.heading for s in report.sections.values()}
    for block in laid.blocks:
        if isinstance(block, LaidTable):
            parts.append(_table_html(block))
        else:
            cls = ' class="part"' if block in headings else ""
            parts.append(f"<p{cls}>{escape(block)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
