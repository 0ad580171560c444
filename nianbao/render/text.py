"""Reports as plain text in each layout the text reader reads (see readers/text.py)."""

from __future__ import annotations

from ..record import Report
from .layout import LaidTable, layout_report

LAYOUTS = ("cells", "tabs", "pipes", "spaces")


def _table_lines(table: LaidTable, layout: str) -> list[str]:
    if layout == "tabs":
        return ["\t".join(row) for row in table.rows]
    if layout == "pipes":
        lines = []
        for i, row in enumerate(table.rows):
            lines.append("| " + " | ".join(row) + " |")
            if i == max(0, table.header_rows - 1):
                lines.append("|" + "|".join("---" for _ in row) + "|")
        return lines
    if layout == "spaces":
        # empty cells keep their column with a lone full stop so the columns stay countable
        return ["    ".join(c if c else "　" for c in row).rstrip() for row in table.rows]
    lines = []
    for row in table.rows:
        lines.extend("\t" + c for c in row)
        lines.append("")
    return lines


def render_text(report: Report, layout: str = "tabs") -> str:
    """The report as text with its tables in ``layout`` (cells, tabs, pipes or spaces)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; one of {', '.join(LAYOUTS)}")
    laid = layout_report(report)
    lines = [laid.title, ""]
    for block in laid.blocks:
        if isinstance(block, LaidTable):
            lines.extend(_table_lines(block, layout))
            lines.append("")
        else:
            lines.append(block)
    return "\n".join(lines) + "\n"
