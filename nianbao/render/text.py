"""Reports as plain text in each layout the text reader reads (see readers/text.py)."""

from __future__ import annotations

from ..record import Report
from .layout import LaidTable, layout_report

LAYOUTS = ("cells", "tabs", "pipes", "spaces")


def _spaced(row: list[str | None]) -> str:
    """Space-aligned text loses blank cells, so an empty value prints as a dash (read back
    as null) and blank layout cells are left out."""
    return "    ".join("—" if c is None else c for c in row if c != "")


def _table_lines(table: LaidTable, layout: str) -> list[str]:
    if layout == "spaces":
        return [_spaced(row) for row in table.rows]
    rows = [[c or "" for c in row] for row in table.rows]
    if layout == "tabs":
        return ["\t".join(row) for row in rows]
    if layout == "pipes":
        lines = []
        for i, row in enumerate(rows):
            lines.append("| " + " | ".join(row) + " |")
            if i == max(0, table.header_rows - 1):
                lines.append("|" + "|".join("---" for _ in row) + "|")
        return lines
    lines = []
    for row in rows:
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


def render_markdown(report: Report) -> str:
    """Markdown: the title as a heading, the parts as second-level headings, pipe tables."""
    laid = layout_report(report)
    headings = {s.heading for s in report.sections.values()}
    lines = [f"# {laid.title}", ""]
    for block in laid.blocks:
        if isinstance(block, LaidTable):
            lines.extend(_table_lines(block, "pipes"))
        elif block in headings:
            lines.append(f"## {block}")
        else:
            lines.append(block)
        lines.append("")
    return "\n".join(lines)
