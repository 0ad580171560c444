"""Rules across reports: the same agency in consecutive years (X-*), and a parent's table
against the sum of its units' (ROLLUP)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..formats import get_format
from ..labels import squeeze
from ..record import Report
from .finding import Finding
from .registry import finding
from .tables import _fmt, short

_REGION = re.compile(r"^((?:[^省]{2,7}(?:省|自治区))?(?:[^市]{2,7}市)?(?:[^区县旗]{1,7}(?:区|县|旗))?)")


def agency_key(agency: str | None) -> tuple[str, str]:
    """(region, unit): ``北京市朝阳区人民政府东湖街道办事处`` → (``北京市朝阳区``, ``东湖街道``);
    ``东湖街道办事处`` → (``""``, ``东湖街道``); ``淮安市洪泽区人民政府`` → (``淮安市``, ``洪泽区人民政府``)."""
    a = squeeze(agency or "")
    m = _REGION.match(a)
    region = m.group(1) if m else ""
    unit = a[len(region) :].removeprefix("人民政府")
    if not unit:  # the government of the region itself
        last = re.search(r"[^省市]{1,7}(?:区|县|旗|市)$", region)
        unit = (last.group(0) if last else region) + "人民政府"
        region = region[: len(region) - len(unit) + len("人民政府")]
    unit = unit.removesuffix("办事处")
    return region, unit


def same_agency(a: str | None, b: str | None) -> bool:
    (ra, ua), (rb, ub) = agency_key(a), agency_key(b)
    if ua != ub:
        return False
    return not ra or not rb or ra == rb or ra.endswith(rb) or rb.endswith(ra)


def _carry(last: Report, this: Report) -> Iterator[Finding]:
    before = (last.applications or {}).get("carried_forward")
    now = (this.applications or {}).get("carried_over")
    if not before or not now:
        return
    grid = get_format(this.template or "2021").applications
    assert grid is not None
    for i, (b, n) in enumerate(zip(before, now, strict=False)):
        if b is None or n is None or b == n:
            continue
        col = grid.columns[i].label if i < len(grid.columns) else str(i)
        yield finding(
            "X-CARRY",
            f"{this.year}年“二、上年结转”{col}列为 {_fmt(n)}，但{last.year}年报告“四、结转下年度继续办理”为 {_fmt(b)}",
            f"{this.year} carried_over[{i}] is {_fmt(n)} but {last.year} carried_forward[{i}] was {_fmt(b)}",
            where={
                "table": "applications",
                "row": "carried_over",
                "column": grid.columns[i].key if i < len(grid.columns) else str(i),
            },
            expected=b,
            found=n,
            source=[
                {"field": f"applications.carried_over[{i}]", **this.provenance.get(f"applications.carried_over[{i}]", {})},
                {
                    "field": f"{last.year}:applications.carried_forward[{i}]",
                    **last.provenance.get(f"applications.carried_forward[{i}]", {}),
                },
            ],
        )


def _in_force(last: Report, this: Report) -> Iterator[Finding]:
    if last.template != this.template:
        return
    spec = get_format(this.template or "2021")
    if spec.proactive is None:
        return
    keys = {c.key for b in spec.proactive.blocks for c in b.columns}
    if not {"issued", "repealed", "in_force"} <= keys:
        return
    prev = {(r.article, r.item): r.values for r in last.proactive or []}
    for r in this.proactive or []:
        p = prev.get((r.article, r.item))
        v = r.values
        if p is None or any(x is None for x in (p.get("in_force"), v.get("issued"), v.get("repealed"), v.get("in_force"))):
            continue
        expected = p["in_force"] + v["issued"] - v["repealed"]  # type: ignore[operator]
        if expected != v["in_force"]:
            yield finding(
                "X-IN-FORCE",
                f"“{r.item}”现行有效件数为 {_fmt(v['in_force'])}，但上年现行有效({_fmt(p['in_force'])}) + 本年制发({_fmt(v['issued'])}) − 本年废止({_fmt(v['repealed'])}) = {_fmt(expected)}",
                f"{r.item}: in force {_fmt(v['in_force'])}, but last year's {_fmt(p['in_force'])} + issued {_fmt(v['issued'])} − repealed {_fmt(v['repealed'])} = {_fmt(expected)}",
                where={"table": "proactive", "row": f"{r.article} {r.item}", "column": "in_force"},
                expected=expected,
                found=v["in_force"],
            )


def _copy(last: Report, this: Report, threshold: float = 0.9) -> Iterator[Finding]:
    a, b = last.sections.get("5"), this.sections.get("5")
    if a is None or b is None:
        return
    ta, tb = squeeze(a.text), squeeze(b.text)
    if len(ta) < 30 or len(tb) < 30:
        return
    sm = SequenceMatcher(None, ta, tb, autojunk=False)
    if sm.quick_ratio() < threshold:
        return
    ratio = sm.ratio()
    if ratio >= threshold:
        yield finding(
            "X-COPY",
            f"第五部分“存在的主要问题及改进情况”与{last.year}年报告 {ratio:.0%} 相同",
            f"part 5 is {ratio:.0%} the same as the {last.year} report's",
            where={"section": "5"},
            expected=f"< {threshold:.0%}",
            found=round(ratio, 3),
        )


def pair_findings(last: Report, this: Report) -> Iterator[Finding]:
    """X-* rules for one agency's reports on consecutive years (``last.year + 1 == this.year``)."""
    yield from _carry(last, this)
    yield from _in_force(last, this)
    yield from _copy(last, this)


def series_findings(reports: list[tuple[str | None, Report]]) -> Iterator[tuple[str | None, Finding]]:
    """Group reports by agency and run the X-* rules on every consecutive pair of years."""
    groups: list[list[tuple[str | None, Report]]] = []
    for item in reports:
        for g in groups:
            if same_agency(g[0][1].agency, item[1].agency):
                g.append(item)
                break
        else:
            groups.append([item])
    for g in groups:
        by_year = {r.year: (f, r) for f, r in g if r.year is not None}
        for year, (file, report) in sorted(by_year.items()):
            if year - 1 in by_year:
                for f in pair_findings(by_year[year - 1][1], report):
                    yield file, f


def rollup_findings(parent: Report, units: list[Report]) -> Iterator[Finding]:
    """ROLLUP: each cell of tables 三 and 四 of ``parent`` against the sum over ``units``."""
    for table in ("applications", "review_litigation"):
        pvals = getattr(parent, table) or {}
        for key, row in pvals.items():
            for i, v in enumerate(row):
                parts = [(getattr(u, table) or {}).get(key) for u in units]
                cells = [p[i] if p and i < len(p) else None for p in parts]
                if v is None or any(c is None for c in cells):
                    continue
                total = sum(cells)  # type: ignore[arg-type]
                if total != v:
                    yield finding(
                        "ROLLUP",
                        f"汇总报告{table == 'applications' and '表三' or '表四'}“{short(key)}”第{i + 1}列为 {_fmt(v)}，所属 {len(units)} 个单位之和为 {_fmt(total)}",
                        f"{table}.{key}[{i}] is {_fmt(v)} in the parent report, {_fmt(total)} summed over its {len(units)} units",
                        where={"table": table, "row": key, "column": i},
                        expected=total,
                        found=v,
                    )
