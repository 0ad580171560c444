"""The official-format data files: they load, they say what the notes say, and the parser
does not second-guess them with code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import nianbao
from nianbao.formats import format_for_year, get_format, load_formats
from nianbao.labels import core, label_matches, read_cell

PACKAGE = Path(nianbao.__file__).parent


def test_every_format_file_loads_and_validates() -> None:
    assert set(load_formats()) == {"2021", "2019", "pre2019"}


def test_table_shapes() -> None:
    f21, f19 = get_format("2021"), get_format("2019")
    assert len(f21.applications.rows) == 25 and len(f21.applications.columns) == 7
    assert len(f19.applications.rows) == 23
    assert [c.key for c in f21.review_litigation.columns] == ["upheld", "corrected", "other", "pending", "total"]
    assert f19.review_litigation == f21.review_litigation  # inherited through `base`
    assert [b.article for b in f19.proactive.blocks] == ["20.1", "20.5", "20.6", "20.8", "20.9"]
    assert [b.article for b in f21.proactive.blocks] == ["20.1", "20.5", "20.6", "20.8"]


def test_identities_cover_the_printed_balance() -> None:
    rules = {i.rule: i for i in get_format("2021").applications.identities}
    assert rules["T3-BALANCE"].sum == ["new_received", "carried_over"]
    assert rules["T3-BALANCE"].equals == ["total_processed", "carried_forward"]
    assert len(rules["T3-OUTCOME-SUM"].sum) == 21


@pytest.mark.parametrize(
    ("year", "fmt"), [(2015, "pre2019"), (2018, "pre2019"), (2019, "2019"), (2020, "2019"), (2021, "2021"), (2025, "2021")]
)
def test_format_for_year(year: int, fmt: str) -> None:
    assert format_for_year(year).id == fmt


def test_parser_has_no_format_year_branches() -> None:
    """Format differences live in the data files, not in `if template == "2021"` code."""
    pattern = re.compile(r"""(==|!=)\s*["'](2019|2021|pre2019)["']|year\s*[<>=]=?\s*20\d\d""")
    for path in (PACKAGE / "parse").glob("*.py"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    ("printed", "label"),
    [
        ("）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("（三）不予公开", "（三）不予公开"),
        ("3. 危及\u201c三安全一稳定\u201d", "3.危及“三安全一稳定”"),
        ("⼀、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),  # Kangxi radical ⼀
        ("总 计", "（七）总计"),
    ],
)
def test_label_variants_match(printed: str, label: str) -> None:
    assert label_matches(printed, [label])


def test_close_labels_do_not_match() -> None:
    assert not label_matches("（三）不予公开", ["（一）予以公开"])
    assert not label_matches("（六）其他处理", ["3.其他"])
    assert core("（七）总计") == "总计"


@pytest.mark.parametrize(
    ("cell", "kind", "value"),
    [
        ("１２８０", "number", 1280),
        ("1,280", "number", 1280),
        ("\xa0\u30005\xa0", "number", 5),
        ("+35", "number", 35),
        ("－38", "number", -38),
        ("166.3700", "number", 166.37),
        ("", "empty", None),
        ("—", "dash", None),
        ("/", "dash", None),
        ("22（其中修订16件）", "number", 22),
        ("行政许可", "text", None),
    ],
)
def test_read_cell(cell: str, kind: str, value: object) -> None:
    cv = read_cell(cell)
    assert (cv.kind, cv.value) == (kind, value)


def test_demo_runs_and_parses_everything_back(tmp_path: Path) -> None:
    from nianbao.demo import run_demo, summary

    rows = run_demo(tmp_path, n=7)
    assert [r.wrong for r in rows] == [0] * 7
    assert {r.template for r in rows} == {"2019", "2021"}
    assert len(summary(tmp_path)) == 7
