"""Property: any valid record, rendered in any text layout, parses back to itself."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nianbao
from nianbao.formats import get_format
from nianbao.record import ProactiveRow, Report
from nianbao.render import LAYOUTS, render_text

AGENCIES = [
    "北京市朝阳区人民政府东湖街道办事处",
    "交道口街道",
    "洪泽区人民政府",
    "西工区金谷园街道办事处",
    "淮安市生态环境局",
    "上海市科学技术委员会",
    "成都市武侯区教育局",
    "呼和浩特市赛罕区市场监督管理局",
]

counts = st.integers(min_value=0, max_value=5000)
maybe_counts = st.one_of(counts, counts, counts, st.none())


@st.composite
def records(draw: st.DrawFn) -> Report:
    template = draw(st.sampled_from(["2021", "2019"]))
    spec = get_format(template)
    year = draw(st.integers(2021, 2025)) if template == "2021" else draw(st.sampled_from([2019, 2020]))
    agency = draw(st.sampled_from(AGENCIES))
    proactive = []
    for block in spec.proactive.blocks:
        for row in block.rows:
            if row.group:
                continue
            values = {}
            for col in block.columns:
                if col.money:
                    values[col.key] = draw(st.integers(0, 10**7)) / 100
                elif col.signed:
                    values[col.key] = draw(st.integers(-500, 500))
                else:
                    values[col.key] = draw(maybe_counts)
            proactive.append(ProactiveRow(article=block.article, item=row.item, values=values))
    apps = {r.key: [draw(maybe_counts) for _ in spec.applications.columns] for r in spec.applications.rows}
    rl = {r.key: [draw(maybe_counts) for _ in spec.review_litigation.columns] for r in spec.review_litigation.rows}
    return Report(
        title=f"{agency}{year}年政府信息公开工作年度报告",
        agency=agency,
        year=year,
        template=template,
        proactive=proactive,
        applications=apps,
        review_litigation=rl,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), layout=st.sampled_from(LAYOUTS))
def test_render_parse_roundtrip(record: Report, layout: str) -> None:
    result = nianbao.parse_text(render_text(record, layout))
    got = result.record
    assert got is not None, result.problems
    assert (got.title, got.agency, got.year, got.template) == (record.title, record.agency, record.year, record.template)
    assert got.applications == record.applications
    assert got.review_litigation == record.review_litigation
    assert [(r.article, r.item, r.values) for r in got.proactive] == [(r.article, r.item, r.values) for r in record.proactive]
    nulls = sum(v is None for vals in record.applications.values() for v in vals)
    assert sum("applications." in (n.field or "") for n in got.notes) >= nulls  # every null explained
