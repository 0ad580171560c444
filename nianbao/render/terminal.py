"""The statistics tables of a record, printed readably in a terminal (``parse --table``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from ..record import Report
from .layout import LaidTable, layout_report


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console()
    laid = layout_report(report)
    console.print(f"[bold]{laid.title}[/bold]  （{report.year or '?'}年度，{report.template or '?'}格式）")
    for block in laid.blocks:
        if not isinstance(block, LaidTable):
            continue
        width = max(len(r) for r in block.rows)
        t = RichTable(show_header=False, show_lines=False, box=None, pad_edge=False)
        for _ in range(width):
            t.add_column(overflow="fold")
        for i, row in enumerate(block.rows):
            cells = row + [""] * (width - len(row))
            style = "dim" if i < block.header_rows else None
            t.add_row(*cells, style=style)
        console.print(t)
        console.print()
    if report.notes:
        console.print(f"[yellow]{len(report.notes)} 条解析提示[/yellow]")
        for n in report.notes[:20]:
            where = f"（第{n.line}行）" if n.line else ""
            console.print(f"  · {n.field or ''} {n.message}{where}")
