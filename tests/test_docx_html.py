"""Word and web reports: written by our renderer (real .docx via python-docx, real HTML with
rowspan/colspan) and read back by the readers."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import GOLD, score
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run
from test_roundtrip import records

import nianbao
from nianbao.record import Report
from nianbao.render import render

GOLDS = sorted(GOLD.glob("*.json"))


def gold_record(path: Path) -> tuple[dict, Report]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data, Report.model_validate(data)


@pytest.mark.parametrize("to", ["docx", "html"])
@pytest.mark.parametrize("gold", GOLDS, ids=[p.stem[:3] for p in GOLDS])
def test_gold_rendered_parses_back(gold: Path, to: str, tmp_path: Path) -> None:
    data, rep = gold_record(gold)
    path = tmp_path / f"{gold.stem}.{to}"
    path.write_bytes(render(rep, to))
    result = nianbao.parse(path)
    assert result.status == nianbao.Status.SUCCESS, result.problems
    assert score(data, result.record.to_dict()) == []
    assert result.record.source.layout == to


def test_docx_table_three_uses_vertical_merges(tmp_path: Path) -> None:
    _, rep = gold_record(GOLDS[0])
    data = render(rep, "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert xml.count("<w:vMerge") >= 20 and 'w:gridSpan w:val="7"' in xml  # 三、本年度办理结果; 申请人情况
    record = nianbao.parse_bytes(data, "merged.docx").record
    assert record.applications["denied_internal_affairs"] == [1, 0, 0, 0, 0, 0, 1]
    assert record.provenance["applications.denied_internal_affairs[0]"]["col"] == 3


def test_gbk_page_declaring_gb2312_with_gbk_only_character(tmp_path: Path) -> None:
    """镕 is in GBK, not in GB2312: a page that declares gb2312 must still be read whole."""
    data, rep = gold_record(GOLDS[2])
    rep.agency = rep.agency.replace("金谷园", "镕喆堃")
    rep.title = rep.title.replace("金谷园", "镕喆堃")
    html = (
        render(rep, "html")
        .decode("utf-8")
        .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    )
    path = tmp_path / "page.shtml"
    path.write_bytes(html.encode("gbk"))
    result = nianbao.parse(path)
    assert result.record.agency == "西工区镕喆堃街道办事处"
    data["title"], data["agency"] = rep.title, rep.agency
    assert score(data, result.record.to_dict()) == []
    assert result.record.source.encoding == "gb18030"


def test_html_navigation_and_scripts_are_dropped(tmp_path: Path) -> None:
    data, rep = gold_record(GOLDS[1])
    html = render(rep, "html").decode("utf-8")
    html = html.replace("<body>", "<body><nav>首页 &gt; 政务公开 &gt; 年度报告</nav><script>var 一、总体情况 = 1;</script>")
    result = nianbao.parse_bytes(html.encode("utf-8"), "page.html")
    assert score(data, result.record.to_dict()) == []


def test_broken_docx_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<not-xml")
    path.write_bytes(buf.getvalue())
    proc = run("parse", str(path))
    assert proc.returncode == 2 and ".docx" in proc.stderr and "Traceback" not in proc.stderr


def test_render_cli_docx_and_refusal(tmp_path: Path) -> None:
    data, rep = gold_record(GOLDS[0])
    src = tmp_path / "r.json"
    src.write_text(rep.to_json(), encoding="utf-8")
    out = tmp_path / "r.docx"
    assert run("render", str(src), "--to", "docx", "-o", str(out)).returncode == 0
    assert score(data, nianbao.parse(out).record.to_dict()) == []
    rep.applications["granted"][0] = 1  # T3-ROW-SUM and T3-OUTCOME-SUM errors
    src.write_text(rep.to_json(), encoding="utf-8")
    proc = run("render", str(src), "--to", "html", "-o", str(tmp_path / "r.html"))
    assert proc.returncode == 1 and "T3-ROW-SUM" in proc.stderr and not (tmp_path / "r.html").exists()
    assert run("render", str(src), "--to", "html", "--force", "-o", str(tmp_path / "r.html")).returncode == 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records(), to=st.sampled_from(["docx", "html"]))
def test_random_records_roundtrip_through_docx_and_html(record: Report, to: str) -> None:
    got = nianbao.parse_bytes(render(record, to), f"r.{to}").record
    assert got is not None
    assert (got.title, got.agency, got.year, got.template) == (record.title, record.agency, record.year, record.template)
    assert got.applications == record.applications
    assert got.review_litigation == record.review_litigation
    assert [(r.item, r.values) for r in got.proactive] == [(r.item, r.values) for r in record.proactive]
