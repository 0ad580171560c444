"""The statistics tables of a record, printed readably in a terminal (``parse --table``).

Unlike the official layout, each table is printed as label + one column per value, with
the labels taken from the format data, so it reads in an 80-column terminal too.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from ..formats import GridTable, get_format, grid_for
from ..record import Report
from .layout import fmt_number


def _grid(title: str, grid: GridTable, values: dict[str, list]) -> RichTable:
    t = RichTable(title=title, title_justify="left", show_lines=False)
    t.add_column("", overflow="fold", max_width=28)
    for c in grid.columns:
        t.add_column(c.label, justify="right", overflow="fold")
    for row in grid.rows:
        if row.key in values:
            t.add_row(row.label, *[fmt_number(v) or "" for v in values[row.key]])
    return t


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console(width=None if Console().is_terminal else 160)
    spec = get_format(report.template or "2021")
    console.print(f"[bold]{report.title or report.agency or '（无标题）'}[/bold]  （{report.year or '?'}年度，{spec.name}）")
    if report.proactive is not None and spec.proactive is not None:
        t = RichTable(title=spec.proactive.title, title_justify="left")
        for head in ("条款", "信息内容", "数值"):
            t.add_column(head, overflow="fold")
        columns = {b.article: b.columns for b in spec.proactive.blocks}
        for r in report.proactive:
            labels = {c.key: c.label for c in columns.get(r.article, [])}
            values = "；".join(f"{labels.get(k, k)} {fmt_number(v) or '空'}" for k, v in r.values.items())
            item = f"{r.parent}·{r.item}" if r.parent else r.item
            t.add_row(r.article, item, values)
        console.print(t)
    for table in ("applications", "review_litigation"):
        values = getattr(report, table)
        grid = grid_for(table, list(values or {}), spec)
        if values is not None and grid is not None:
            console.print(_grid(grid.title, grid, values))
    if report.indicators is not None:
        t = RichTable(title="政府信息公开情况统计表", title_justify="left")
        for head, just in (("统计指标", "left"), ("单位", "left"), ("统计数", "right")):
            t.add_column(head, justify=just, overflow="fold")  # type: ignore[arg-type]
        for ind in report.indicators:
            t.add_row("  " * len(ind.path) + ind.label, ind.unit or "", fmt_number(ind.value) or "")
        console.print(t)
    if report.notes:
        console.print(f"[yellow]{len(report.notes)} 条解析提示[/yellow]")
        for n in report.notes[:20]:
            where = f"（第{n.line}行）" if n.line else ""
            console.print(f"  · {n.field or ''} {n.message}{where}")
