"""Record → the official layout as plain rows of cell texts, from the format data.

Every writer (text layouts now, .docx/.html later) draws these same rows, so a report
looks the same in each and parses back the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats import FormatSpec, GridTable, get_format, grid_for
from ..record import Number, Report


@dataclass(slots=True)
class LaidTable:
    """Rows of cell texts; ``header_rows`` leading rows are column headers. ``None`` is a
    value cell left empty, ``""`` a cell the layout leaves blank (merged, padding)."""

    rows: list[list[str | None]]
    header_rows: int = 0
    kind: str = ""
    label_cols: int = 1  # leading columns of data rows that hold labels

    def spans(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Merged cells as the official layout prints them: (row, col) → (rowspan, colspan).

        In data rows, a group label (三、本年度办理结果, （三）不予公开) runs down over the
        rows of its group, and a row label runs right over the label columns it leaves
        blank. In header rows, a label runs right over blank cells and down over blank
        cells below it."""
        rows, out = self.rows, {}
        covered: set[tuple[int, int]] = set()
        n = self.header_rows
        for r in range(n):
            for c, text in enumerate(rows[r]):
                if not text or (r, c) in covered:
                    continue
                cs = 1
                while c + cs < len(rows[r]) and rows[r][c + cs] == "" and (r, c + cs) not in covered:
                    cs += 1
                rs = 1
                while r + rs < n and all(c + k >= len(rows[r + rs]) or rows[r + rs][c + k] == "" for k in range(cs)):
                    rs += 1
                if rs > 1 or cs > 1:
                    out[(r, c)] = (rs, cs)
                    covered.update((r + i, c + k) for i in range(rs) for k in range(cs))
        for r in range(n, len(rows)):
            for c in range(self.label_cols):
                text = rows[r][c]
                if not text or (r, c) in covered:
                    continue
                group = c + 1 < self.label_cols and bool(rows[r][c + 1])
                if group:
                    rs = 1
                    while (
                        r + rs < len(rows)
                        and rows[r + rs][c] == ""
                        and any(rows[r + rs][k] for k in range(c + 1, self.label_cols))
                    ):
                        rs += 1
                    span = (rs, 1)
                else:
                    cs = 1
                    while c + cs < self.label_cols and rows[r][c + cs] == "":
                        cs += 1
                    span = (1, cs)
                if span != (1, 1):
                    out[(r, c)] = span
                    covered.update((r + i, c + k) for i in range(span[0]) for k in range(span[1]))
        return out


@dataclass(slots=True)
class LaidOut:
    title: str
    blocks: list[str | LaidTable] = field(default_factory=list)


def fmt_number(value: Number | None, signed: bool = False) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    else:
        text = str(value)
    if signed and value > 0:
        text = "+" + text
    return text


def report_title(report: Report) -> str:
    if report.title:
        return report.title
    return f"{report.agency or ''}{report.year or ''}年政府信息公开工作年度报告"


def _proactive(report: Report, spec: FormatSpec) -> LaidTable:
    assert spec.proactive is not None
    width = 1 + max(len(b.columns) for b in spec.proactive.blocks)
    rows: list[list[str | None]] = []
    by_article: dict[str, list] = {}
    for r in report.proactive or []:
        by_article.setdefault(r.article, []).append(r)
    for block in spec.proactive.blocks:
        rows.append([block.heading] + [""] * (width - 1))
        rows.append([spec.proactive.label_column] + [c.label for c in block.columns] + [""] * (width - 1 - len(block.columns)))
        parent = None
        for r in by_article.get(block.article, []):
            if r.parent and r.parent != parent:
                rows.append([r.parent] + [""] * (width - 1))
            parent = r.parent
            cells = [fmt_number(r.values.get(c.key), c.signed) for c in block.columns]
            rows.append([r.item, *cells] + [""] * (width - 1 - len(cells)))
    return LaidTable(rows, kind="proactive")


def _grid_label_cells(grid: GridTable, depth: int) -> list[list[str]]:
    """Label columns for each row: a group's label only on its first row (as a merged cell
    prints), the row's own label last."""
    out: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    for row in grid.rows:
        cells = [""] * depth
        for level, g in enumerate(row.groups):
            key = tuple(row.groups[: level + 1])
            if key not in seen:
                cells[level] = g
                seen.add(key)
        cells[len(row.groups)] = row.label
        out.append(cells)
    return out


def _applications(report: Report, grid: GridTable) -> LaidTable:
    depth = 1 + max(len(r.groups) for r in grid.rows)
    cols = grid.columns
    width = depth + len(cols)
    second: list[str | None] = [""] * depth
    third: list[str | None] = [""] * depth
    placed: set[str] = set()
    for c in cols:
        group = next((g for g in grid.column_groups if c.key in g.columns), None)
        if group is None:
            second.append(c.label)
            third.append("")
        else:
            second.append("" if group.label in placed else group.label)
            placed.add(group.label)
            third.append(c.label)
    header: list[list[str | None]] = [
        [grid.note or "", *([""] * (depth - 1)), grid.header_group or "", *([""] * (width - depth - 1))],
        second,
        third,
    ]
    values = report.applications or {}
    rows = [
        labels + [fmt_number(v) for v in (values.get(row.key) or [None] * len(cols))]
        for row, labels in zip(grid.rows, _grid_label_cells(grid, depth), strict=False)
    ]
    return LaidTable(header + rows, header_rows=3, kind="applications", label_cols=depth)


def _review(report: Report, grid: GridTable) -> LaidTable:
    n = len(grid.columns)
    top: list[str] = []
    second: list[str] = []
    third: list[str] = []
    for row in grid.rows:
        if not row.groups:
            top += [row.label] + [""] * (n - 1)
            second += [c.label for c in grid.columns]
            third += [""] * n
        else:
            if row.groups[0] not in top:
                top += [row.groups[0]] + [""] * (n - 1)
            else:
                top += [""] * n
            second += [row.label] + [""] * (n - 1)
            third += [c.label for c in grid.columns]
    values = report.review_litigation or {}
    data = [fmt_number(v) for row in grid.rows for v in (values.get(row.key) or [None] * n)]
    return LaidTable([top, second, third, data], header_rows=3, kind="review_litigation", label_cols=0)


def _indicators(report: Report, spec: FormatSpec) -> LaidTable:
    assert spec.indicators is not None
    rows: list[list[str | None]] = [list(spec.indicators.columns)]
    open_path: list[str] = []
    for ind in report.indicators or []:
        common = 0
        while common < min(len(open_path), len(ind.path)) and open_path[common] == ind.path[common]:
            common += 1
        for label in ind.path[common:]:
            rows.append([label, "", ""])
        open_path = [*ind.path, ind.label]
        rows.append([ind.label, ind.unit or "", fmt_number(ind.value)])
    return LaidTable(rows, header_rows=1, kind="indicators")


def layout_report(report: Report) -> LaidOut:
    spec = get_format(report.template or "2021")
    out = LaidOut(report_title(report))
    out.blocks.append("依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。")
    tables: dict[str, LaidTable] = {}
    if spec.proactive is not None and report.proactive is not None:
        tables["2"] = _proactive(report, spec)
    if spec.applications is not None and report.applications is not None:
        grid = grid_for("applications", list(report.applications), spec)
        assert grid is not None
        tables["3"] = _applications(report, grid)
    if spec.review_litigation is not None and report.review_litigation is not None:
        tables["4"] = _review(report, spec.review_litigation)
    for part in spec.parts:
        section = report.sections.get(part.number)
        if section is not None or not report.sections:  # never invent a part the record lacks
            out.blocks.append(section.heading if section else part.heading)
        if section and section.text:
            out.blocks.extend(line for line in section.text.split("\n") if line.strip())
        if part.number in tables:
            out.blocks.append(tables[part.number])
    if spec.indicators is not None and report.indicators is not None:
        out.blocks.append("附表")
        out.blocks.append(_indicators(report, spec))
    return out
