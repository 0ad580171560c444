"""Every rule of shared/spec/checks.md: a fault planted in a seed's record raises exactly that
finding (rule, where, expected, found); the untouched seeds raise only what their text justifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

import nianbao
from nianbao.checks import RULES, agency_key, check_report, check_reports, rollup_findings, same_agency
from nianbao.record import Report

SEED = {p.stem[:3]: p for p in SEEDS}


def record(seed: str) -> Report:
    return nianbao.parse(SEED[seed]).record.model_copy(deep=True)


def findings(rep: Report, rule: str | None = None, **kw: object) -> list:
    out = check_report(rep, **kw)
    return [f for f in out if rule is None or f.rule == rule]


def one(rep: Report, rule: str, where: dict) -> object:
    hits = [f for f in findings(rep, rule) if f.where == where]
    assert len(hits) == 1, [(f.rule, f.where) for f in findings(rep)]
    return hits[0]


# What each untouched seed raises, and why (from the seed's own text):
EXPECTED = {
    # parts 一–三 are numbered "1、" "2、" "3、" instead of 一、二、三、
    "000": [("PARTS", "1"), ("PARTS", "2"), ("PARTS", "3")],
    "001": [],
    # part 六 says only "无": nothing on 信息处理费
    "002": [("FEES-UNREPORTED", "6")],
    # parts 一–二 are numbered "1、" "2、"
    "003": [("PARTS", "1"), ("PARTS", "2")],
    "004": [],
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_untouched_seed_raises_only_what_its_text_justifies(seed: str) -> None:
    got = [(f.rule, f.where.get("section")) for f in findings(record(seed))]
    assert got == EXPECTED[seed]
    assert not [f for f in findings(record(seed)) if f.severity == "error"]


def test_every_rule_has_an_id_and_a_severity_of_the_spec() -> None:
    spec = (SHARED / "spec" / "checks.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.severity} |" in spec


def test_t3_row_sum() -> None:
    rep = record("000")
    rep.applications["granted"][0] = 1
    f = one(rep, "T3-ROW-SUM", {"table": "applications", "row": "granted", "column": "total"})
    assert (f.expected, f.found) == (1, 0)
    assert "自然人(1)" in f.message and "总计(0)" in f.message
    assert f.source[0]["line"] == 114


def test_t3_balance() -> None:
    rep = record("000")
    rep.applications["new_received"][0] = 6
    rep.applications["new_received"][6] = 6
    f = one(rep, "T3-BALANCE", {"table": "applications", "row": "total_processed", "column": "natural_person"})
    assert (f.expected, f.found) == (6, 5)
    assert (
        f.message
        == "收到和处理政府信息公开申请情况，自然人列：一、本年新收(6) + 二、上年结转(0) = 6 ≠ 三（七）总计(5) + 四、结转下年度(0) = 5"
    )
    one(rep, "T3-BALANCE", {"table": "applications", "row": "total_processed", "column": "total"})


def test_t3_outcome_sum() -> None:
    rep = record("000")
    rep.applications["total_processed"][0] = 6
    rep.applications["total_processed"][6] = 6
    f = one(rep, "T3-OUTCOME-SUM", {"table": "applications", "row": "total_processed", "column": "natural_person"})
    assert (f.expected, f.found) == (5, 6)


def test_t4_total() -> None:
    rep = record("001")
    rep.review_litigation["litigation_after_review"][4] = 2
    f = one(rep, "T4-TOTAL", {"table": "review_litigation", "row": "litigation_after_review", "column": "total"})
    assert (f.expected, f.found) == (0, 2)


def test_t4_total_on_the_real_hongze_2023_record() -> None:
    """洪泽区 2023 really prints 总计 0 for 行政复议 (10 维持 + 1 纠正) and for 复议后起诉 (5 维持)."""
    rep = Report.model_validate(json.loads((SHARED / "real" / "hongze-2023.json").read_text(encoding="utf-8")))
    f = one(rep, "T4-TOTAL", {"table": "review_litigation", "row": "review", "column": "total"})
    assert (f.expected, f.found) == (11, 0)
    assert (
        f.message
        == "政府信息公开行政复议、行政诉讼情况，行政复议行：结果维持(10) + 结果纠正(1) + 其他结果(0) + 尚未审结(0) = 11 ≠ 总计(0) = 0"
    )
    f = one(rep, "T4-TOTAL", {"table": "review_litigation", "row": "litigation_after_review", "column": "total"})
    assert (f.expected, f.found) == (5, 0)
    assert [x.rule for x in findings(rep) if x.severity == "error"] == ["T4-TOTAL", "T4-TOTAL"]


@pytest.mark.parametrize(
    ("value", "table", "row", "col"), [(-1, "applications", "granted", 0), (2.5, "review_litigation", "review", 1)]
)
def test_num_invalid(value: float, table: str, row: str, col: int) -> None:
    rep = record("000")
    getattr(rep, table)[row][col] = value
    column = {0: "natural_person", 1: "corrected"}[col]
    f = one(rep, "NUM-INVALID", {"table": table, "row": row, "column": column})
    assert f.found == value


def test_num_invalid_allows_signed_change_and_money() -> None:
    assert findings(record("001"), "NUM-INVALID") == []  # 本年增/减 -38 is fine
    rep = record("001")
    rep.proactive[-1].values["amount_10k_yuan"] = -3.5
    f = one(rep, "NUM-INVALID", {"table": "proactive", "row": "20.9 政府集中采购", "column": "amount_10k_yuan"})
    assert f.found == -3.5


def test_cell_empty_from_a_dash_in_the_text() -> None:
    text = SEED["001"].read_text(encoding="utf-8").split("\n")
    assert text[172] == "\t2.其他法律行政法规禁止公开" and text[173] == "\t0"  # its 自然人 cell
    text[173] = "\t—"
    rep = nianbao.parse_text("\n".join(text)).record
    f = one(rep, "CELL-EMPTY", {"table": "applications", "row": "denied_law_prohibited", "column": "natural_person"})
    assert f.found is None and "—" in f.message and f.source[0]["line"] == 174


def test_cell_empty_in_a_record() -> None:
    rep = record("003")
    rep.proactive[0].values["issued"] = None
    f = one(rep, "CELL-EMPTY", {"table": "proactive", "row": "20.1 规章", "column": "issued"})
    assert f.expected == "数字"


def test_table_missing_whole_table_never_crashes() -> None:
    rep = record("002")
    rep.review_litigation = None
    rep.applications = None
    got = {(f.rule, f.where.get("table")) for f in findings(rep) if f.severity == "error"}
    assert got == {("TABLE-MISSING", "review_litigation"), ("TABLE-MISSING", "applications")}


def test_table_missing_row() -> None:
    rep = record("002")
    del rep.applications["rejected_duplicate"]
    one(rep, "TABLE-MISSING", {"table": "applications", "row": "rejected_duplicate"})


def test_table_missing_from_text_without_table_four() -> None:
    lines = SEED["000"].read_text(encoding="utf-8").split("\n")
    cut = "\n".join(lines[:363] + lines[419:])  # table 四 removed, its heading kept
    result = nianbao.parse_text(cut)
    assert result.status == nianbao.Status.PARTIAL
    one(result.record, "TABLE-MISSING", {"table": "review_litigation"})


def test_parts_missing_part() -> None:
    rep = record("001")
    del rep.sections["5"]
    f = one(rep, "PARTS", {"section": "5"})
    assert (f.expected, f.found) == ("五、存在的主要问题及改进情况", None)


def test_template_year() -> None:
    rep = record("001")
    rep.year = 2022
    f = one(rep, "TEMPLATE-YEAR", {"field": "template"})
    assert (f.expected, f.found) == ("2021", "2019")


def test_year_mismatch_statistics_period() -> None:
    rep = record("001")  # part 六: 统计期限,自2020年1月1日起
    rep.year = 2019
    f = one(rep, "YEAR-MISMATCH", {"field": "year"})
    assert (f.expected, f.found) == (2019, 2020)


def test_text_table_new_requests() -> None:
    rep = record("000")
    rep.sections["1"].text = rep.sections["1"].text.replace("新收政府信息公开申请5件", "新收政府信息公开申请7件")
    f = one(rep, "TEXT-TABLE", {"table": "applications", "row": "new_received", "column": "total"})
    assert (f.expected, f.found) == (5, 7)


def test_text_table_review_stated_as_none() -> None:
    rep = record("001")  # 未发生因政府信息公开申请行政复议、提起行政诉讼的情况
    rep.review_litigation["review"] = [1, 0, 0, 0, 1]
    f = one(rep, "TEXT-TABLE", {"table": "review_litigation", "row": "review", "column": "total"})
    assert (f.expected, f.found) == (1, 0)


def test_text_table_no_requests_received() -> None:
    rep = record("002")  # 2023 年，我街道未收到依申请公开件。
    rep.applications["new_received"] = [1, 0, 0, 0, 0, 0, 1]
    f = one(rep, "TEXT-TABLE", {"table": "applications", "row": "new_received", "column": "total"})
    assert (f.expected, f.found) == (1, 0)


def test_fees_unreported() -> None:
    rep = record("000")
    rep.sections["6"].text = "无"
    f = one(rep, "FEES-UNREPORTED", {"section": "6"})
    assert f.severity == "notice"


def _indicator(rep: Report, label: str):
    return next(i for i in rep.indicators if i.label == label)


def test_pre2019_sum() -> None:
    rep = record("004")
    _indicator(rep, "（一）收到申请数").value = 6
    f = one(rep, "PRE2019-SUM", {"table": "indicators", "row": "（一）收到申请数", "column": "value"})
    assert (f.expected, f.found) == (5, 6)


def test_pre2019_channels() -> None:
    rep = record("004")
    _indicator(rep, "2.政府网站公开政府信息数").value = 0
    f = one(
        rep,
        "PRE2019-CHANNELS",
        {"table": "indicators", "row": "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "column": "value"},
    )
    assert f.found == 1051


def test_disable_switches_a_rule_off() -> None:
    rep = record("000")
    rep.applications["granted"][0] = 1
    assert findings(rep, "T3-ROW-SUM")
    assert not findings(rep, "T3-ROW-SUM", disable=["T3-ROW-SUM"])
    assert findings(rep, "T3-OUTCOME-SUM", disable=["T3-ROW-SUM"])


# ----------------------------------------------------------------------------- several reports


def next_year(rep: Report) -> Report:
    nxt = rep.model_copy(deep=True)
    nxt.year = rep.year + 1
    nxt.title = rep.title.replace(str(rep.year), str(nxt.year))
    return nxt


def test_x_carry() -> None:
    last = record("000")
    this = next_year(last)
    this.agency = "北京市东城区人民政府交道口街道办事处"  # same agency, named in full
    this.applications["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    got = [f for f in check_reports([("2023", last), ("2024", this)]) if f.rule == "X-CARRY"]
    assert [(f.file, f.where["column"], f.expected, f.found) for f in got] == [
        ("2024", "natural_person", 0, 1),
        ("2024", "total", 0, 1),
    ]


def test_x_rules_need_the_same_agency() -> None:
    last = record("000")
    this = next_year(record("003"))
    this.applications["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    assert not [f for f in check_reports([("a", last), ("b", this)]) if f.rule.startswith("X-")]


def test_x_in_force_on_the_real_hongze_records() -> None:
    real = [
        Report.model_validate(json.loads((SHARED / "real" / f"hongze-{y}.json").read_text(encoding="utf-8")))
        for y in (2023, 2024)
    ]
    pairs = [("2023", real[0]), ("2024", real[1])]
    assert not [f for f in check_reports(pairs) if f.rule.startswith("X-")]  # 5 + 3 − 0 = 8 as printed
    real[1].proactive[1].values["in_force"] = 9
    got = [f for f in check_reports(pairs) if f.rule == "X-IN-FORCE"]
    assert [(f.where["row"], f.expected, f.found) for f in got] == [("20.1 行政规范性文件", 8, 9)]


def test_x_copy() -> None:
    last = record("000")
    this = next_year(last)
    assert [f.rule for f in check_reports([("a", last), ("b", this)]) if f.rule == "X-COPY"] == ["X-COPY"]
    this.sections[
        "5"
    ].text = "2024年存在的问题：一是公开平台整合不到位。二是解读形式单一。今后将开展专题培训，丰富解读形式，并定期检查网站栏目。"
    assert not [f for f in check_reports([("a", last), ("b", this)]) if f.rule == "X-COPY"]


def test_rollup() -> None:
    units = [record("000"), record("003")]
    parent = record("000")
    parent.applications["new_received"] = [6, 0, 0, 0, 0, 0, 6]  # 5 + 1: right
    parent.applications["granted"] = [0, 0, 0, 0, 0, 0, 0]  # units: 0 + 1 = 1
    got = [(f.where["row"], f.where["column"], f.expected, f.found) for f in rollup_findings(parent, units)]
    assert ("granted", 0, 1, 0) in got and ("granted", 6, 1, 0) in got
    assert not [g for g in got if g[0] == "new_received"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("北京市朝阳区人民政府东湖街道办事处", "东湖街道办事处", True),
        ("交道口街道", "北京市东城区人民政府交道口街道办事处", True),
        ("洪泽区人民政府", "淮安市洪泽区人民政府", True),
        ("北京市朝阳区人民政府东湖街道办事处", "武汉市洪山区人民政府东湖街道办事处", False),
        ("北京市通州区政务服务局", "北京市东城区政务服务局", False),
    ],
)
def test_same_agency(a: str, b: str, same: bool) -> None:
    assert same_agency(a, b) is same, (agency_key(a), agency_key(b))


# ------------------------------------------------------------------------------------ the CLI


def test_check_cli_exit_status_and_json(tmp_path: Path) -> None:
    from test_cli import run

    ok = run("check", str(SEEDS[0]), str(SEEDS[1]))
    assert ok.returncode == 0 and "2 个文件，0 个错误，3 个警告，0 个提示" in ok.stdout
    bad = tmp_path / "bad.json"
    rep = record("000")
    rep.applications["granted"][0] = 1
    bad.write_text(rep.to_json(), encoding="utf-8")
    proc = run("check", str(bad), "--json", "--lang", "en")
    assert proc.returncode == 1
    got = json.loads(proc.stdout)
    assert {"T3-ROW-SUM", "T3-OUTCOME-SUM"} <= {f["rule"] for f in got}
    assert all(f["file"] == str(bad) for f in got)
    assert "natural_person(1)" in next(f["message"] for f in got if f["rule"] == "T3-ROW-SUM")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\xff" * 50)
    proc = run("check", str(junk), str(SEEDS[1]))
    assert proc.returncode == 2 and "junk.txt" in proc.stderr and "001_" in proc.stdout
    assert run("check", str(SEEDS[0]), "--disable", "NOPE").returncode == 2


def test_check_cli_walks_a_folder_of_records(tmp_path: Path) -> None:
    from test_cli import run

    for y in (2023, 2024):
        src = SHARED / "real" / f"hongze-{y}.json"
        (tmp_path / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("check", str(tmp_path))
    assert proc.returncode == 1
    assert "T4-TOTAL" in proc.stdout and "2 个文件，2 个错误，0 个警告" in proc.stdout
