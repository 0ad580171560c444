"""Rules on the statistics tables: the identities the format data declares (T3-*, T4-*),
pre-2019 sums, number validity, empty cells and missing tables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..formats import FormatSpec, GridTable, IndicatorNode, grid_for
from ..labels import squeeze
from ..parse.indicators import IndicatorMatcher
from ..record import Number, Report
from .finding import Finding
from .registry import finding, register

_NUMBERING = re.compile(r"^[一二三四五六七八九十]+、")


def short(label: str) -> str:
    """A row label short enough for an arithmetic line: ``一、本年新收政府信息公开申请数量`` →
    ``一、本年新收政府信息…``; a numbered item keeps its number and its first words."""
    label = squeeze(label).split("（区分")[0]
    return label if len(label) <= 12 else label[:11] + "…"


def _source(report: Report, paths: list[str]) -> list[dict[str, object]]:
    out = []
    for p in paths:
        prov = report.provenance.get(p)
        if prov:
            out.append({"field": p, **prov})
    return out


def _fmt(v: Number | None) -> str:
    if v is None:
        return "空"
    if isinstance(v, float) and v == int(v):
        v = int(v)
    return str(round(v, 4)) if isinstance(v, float) else str(v)


def _close(a: Number, b: Number) -> bool:
    return abs(a - b) < 1e-6


def identity_findings(report: Report, grid: GridTable, table: str) -> Iterator[Finding]:
    """Every ``Σ sum = Σ equals`` identity of ``grid``, row by row or column by column."""
    values = getattr(report, table) or {}
    rows = {r.key: r for r in grid.rows}
    cols = {c.key: (i, c) for i, c in enumerate(grid.columns)}
    for ident in grid.identities:
        if ident.for_each == "row":
            outer = [(r.key, r.label) for r in grid.rows if r.key in values]

            def cell(o: str, k: str) -> tuple[Number | None, str]:
                i = cols[k][0]
                vals = values.get(o) or []
                return (vals[i] if i < len(vals) else None), f"{table}.{o}[{i}]"

            def name(k: str) -> str:
                return cols[k][1].label
        else:
            outer = [(c.key, c.label) for c in grid.columns]

            def cell(o: str, k: str) -> tuple[Number | None, str]:
                i = cols[o][0]
                vals = values.get(k) or []
                return (vals[i] if i < len(vals) else None), f"{table}.{k}[{i}]"

            def name(k: str) -> str:
                return (rows[k].short or short(rows[k].label)) if k in rows else k

        for okey, olabel in outer:
            if ident.for_each == "row" and okey in rows and rows[okey].short:
                olabel = rows[okey].short
            lhs = [(k, *cell(okey, k)) for k in ident.sum]
            rhs = [(k, *cell(okey, k)) for k in ident.equals]
            if any(v is None for _, v, _ in lhs + rhs):
                continue  # an empty cell is CELL-EMPTY's business, not arithmetic
            expected = sum(v for _, v, _ in lhs)  # type: ignore[misc]
            found = sum(v for _, v, _ in rhs)  # type: ignore[misc]
            if _close(expected, found):
                continue
            shown = [(k, v) for k, v, _ in lhs if v or len(lhs) <= 6]
            left = " + ".join(f"{name(k)}({_fmt(v)})" for k, v in shown) or "0"
            right = " + ".join(f"{name(k)}({_fmt(v)})" for k, v, _ in rhs)
            left_en = " + ".join(f"{k}({_fmt(v)})" for k, v in shown) or "0"
            right_en = " + ".join(f"{k}({_fmt(v)})" for k, v, _ in rhs)
            where_title = f"{short(olabel)}行" if ident.for_each == "row" else f"{olabel}列"
            row_key, col_key = (okey, ident.equals[0]) if ident.for_each == "row" else (ident.equals[0], okey)
            yield finding(
                ident.rule,
                f"{_NUMBERING.sub('', grid.title)}，{where_title}：{left} = {_fmt(expected)} ≠ {right} = {_fmt(found)}",
                f"{table}, {'row' if ident.for_each == 'row' else 'column'} {okey}: {left_en} = {_fmt(expected)} ≠ {right_en} = {_fmt(found)}",
                where={"table": table, "row": row_key, "column": col_key},
                expected=expected,
                found=found,
                source=_source(report, [p for _, _, p in lhs + rhs]),
            )


@register("T3-ROW-SUM")
def _t3(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    """T3-ROW-SUM, T3-BALANCE and T3-OUTCOME-SUM all come from the identities of table 三."""
    grid = grid_for("applications", list(report.applications or {}), spec)
    if grid is not None and report.applications:
        yield from identity_findings(report, grid, "applications")


@register("T4-TOTAL")
def _t4(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    grid = spec.review_litigation
    if grid is not None and report.review_litigation:
        yield from identity_findings(report, grid, "review_litigation")


def _cells(report: Report, spec: FormatSpec) -> Iterator[tuple[str, dict[str, str], str, Number | None, bool, bool]]:
    """Every statistics value: (path, where, printed label, value, is money, may be negative)."""
    for table in ("applications", "review_litigation"):
        values = getattr(report, table) or {}
        grid = grid_for(table, list(values), spec)
        if grid is None:
            continue
        labels = {r.key: r.label for r in grid.rows}
        for key, vals in values.items():
            for i, v in enumerate(vals):
                col = grid.columns[i] if i < len(grid.columns) else None
                label = f"{short(labels.get(key, key))}行{col.label if col else i}列"
                where = {"table": table, "row": key, "column": col.key if col else str(i)}
                yield f"{table}.{key}[{i}]", where, label, v, False, False
    if spec.proactive is not None:
        cols = {(b.article, c.key): c for b in spec.proactive.blocks for c in b.columns}
        for r in report.proactive or []:
            for k, v in r.values.items():
                col = cols.get((r.article, k))
                where = {"table": "proactive", "row": f"{r.article} {r.item}", "column": k}
                label = f"第二十条“{r.item}”行“{col.label if col else k}”列"
                yield f"proactive[{r.article} {r.item}].{k}", where, label, v, bool(col and col.money), bool(col and col.signed)
    for i, ind in enumerate(report.indicators or []):
        where = {"table": "indicators", "row": ind.label, "column": "value"}
        yield f"indicators[{i}]", where, f"统计表“{ind.label}”", ind.value, (ind.unit or "").endswith("元"), False


@register("NUM-INVALID")
def _num_invalid(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    for path, where, label, v, money, signed in _cells(report, spec):
        if v is None:
            continue
        if (v < 0 and not signed) or (not money and v != int(v)):
            what = "负数" if v < 0 else "非整数"
            yield finding(
                "NUM-INVALID",
                f"{label}为{what}（{_fmt(v)}），{'金额' if money else '件数'}不能是{what}",
                f"{path} is {'negative' if v < 0 else 'not a whole number'} ({_fmt(v)})",
                where=where,
                expected="≥ 0" if v < 0 else "整数",
                found=v,
                source=_source(report, [path]),
            )


_EMPTY_CODES = {"cell-empty", "dash", "unreadable"}


@register("CELL-EMPTY")
def _cell_empty(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    missing_rows = {n.field for n in report.notes if n.code == "row-missing"}
    notes = {n.field: n for n in report.notes if n.code in _EMPTY_CODES}
    for path, where, label, v, _, _ in _cells(report, spec):
        if v is not None or path.rsplit("[", 1)[0] in missing_rows or path.rsplit(".", 1)[0] in missing_rows:
            continue
        note = notes.get(path)
        why = note.message if note else "单元格为空"
        yield finding(
            "CELL-EMPTY",
            f"{label}没有数字：{why}（空白不等于 0，请填写数字）",
            f"{path} holds no number ({'a dash' if note and note.code == 'dash' else 'empty'})",
            where=where,
            expected="数字",
            found=None,
            source=[{"field": path, "line": note.line}] if note and note.line else _source(report, [path]),
        )


@register("TABLE-MISSING")
def _table_missing(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    for table in ("proactive", "applications", "review_litigation"):
        if getattr(spec, table) is None:
            continue
        title = getattr(spec, table).title
        values = getattr(report, table)
        if values is None:
            yield finding("TABLE-MISSING", f"缺少表格“{title}”", f"table {table} is missing", where={"table": table})
            continue
        if table == "proactive":
            continue
        grid = grid_for(table, list(values), spec)
        assert grid is not None
        noted = {n.field for n in report.notes if n.code == "row-missing"}
        for row in grid.rows:
            if row.key not in values or f"{table}.{row.key}" in noted:
                yield finding(
                    "TABLE-MISSING",
                    f"表格“{title}”缺少“{row.label}”行",
                    f"table {table} has no row {row.key}",
                    where={"table": table, "row": row.key},
                )
    for note in report.notes:
        if note.code == "row-missing" and (note.field or "").startswith("proactive"):
            yield finding(
                "TABLE-MISSING", note.message, f"{note.field}: row missing", where={"table": "proactive", "row": note.field}
            )
    if spec.indicators is not None and not report.indicators:
        yield finding(
            "TABLE-MISSING",
            "缺少《政府信息公开情况统计表》",
            "the statistics table (统计表) is missing",
            where={"table": "indicators"},
        )


# ------------------------------------------------------------------------- pre-2019 统计表


def _indicator_nodes(report: Report, spec: FormatSpec) -> dict[int, IndicatorNode]:
    """Record indicator index → the format-tree row it is, matched as the parser matches."""
    matcher = IndicatorMatcher(spec.id)
    out: dict[int, IndicatorNode] = {}
    for i, ind in enumerate(report.indicators or []):
        hit = matcher.match(ind.label)
        if hit is not None:
            out[i] = hit[0]
    return out


@register("PRE2019-SUM")
def _pre2019_sum(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    if spec.indicators is None or not report.indicators:
        return
    matched = _indicator_nodes(report, spec)
    by_node = {id(node): i for i, node in matched.items()}
    for i, node in matched.items():
        if not node.sum_of_children:
            continue
        parent = report.indicators[i]
        kids = [by_node.get(id(c)) for c in node.children]
        present = [report.indicators[k] for k in kids if k is not None]
        if parent.value is None or not present or any(p.value is None for p in present):
            continue
        total = sum(p.value for p in present)  # type: ignore[misc]
        if _close(total, parent.value):
            continue
        parts = " + ".join(f"{short(p.label)}({_fmt(p.value)})" for p in present)
        yield finding(
            "PRE2019-SUM",
            f"统计表“{parent.label}”为 {_fmt(parent.value)}，但其分项 {parts} = {_fmt(total)}",
            f"statistics table: {parent.label} is {_fmt(parent.value)} but its parts add up to {_fmt(total)}",
            where={"table": "indicators", "row": parent.label, "column": "value"},
            expected=total,
            found=parent.value,
            source=_source(report, [f"indicators[{i}]"] + [f"indicators[{k}]" for k in kids if k is not None]),
        )


@register("PRE2019-CHANNELS")
def _pre2019_channels(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    if spec.indicators is None or not report.indicators:
        return
    matched = _indicator_nodes(report, spec)
    node_of = matched
    for ident in spec.identities:
        if ident.kind != "children_at_least":
            continue
        total_i = next((i for i, n in node_of.items() if n.key == ident.than), None)
        group = next((n for n in node_of.values() if n.key == ident.node), None)
        group = group or next((n for n, _ in spec.indicators.nodes() if n.key == ident.node), None)
        if total_i is None or group is None:
            continue
        child_ids = {id(c) for c in group.children}
        parts = [
            report.indicators[i] for i, n in node_of.items() if id(n) in child_ids and report.indicators[i].value is not None
        ]
        total = report.indicators[total_i]
        if not parts or total.value is None:
            continue
        s = sum(p.value for p in parts)  # type: ignore[misc]
        if s < total.value:
            yield finding(
                ident.rule,
                f"各渠道公开政府信息数之和 {_fmt(s)} 小于“{short(total.label)}” {_fmt(total.value)}，渠道数可能漏填",
                f"channel counts add up to {_fmt(s)}, less than the {_fmt(total.value)} items published",
                where={"table": "indicators", "row": total.label, "column": "value"},
                expected=f"≥ {_fmt(total.value)}",
                found=s,
            )
