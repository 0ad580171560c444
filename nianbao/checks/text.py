"""Rules on the prose: the six parts, format vs year, years, numbers the text states, fees."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..formats import FormatSpec, format_for_year
from ..labels import core, fold
from ..record import Report
from .finding import Finding
from .registry import finding, register

_CN_NUM = {"零": 0, "〇": 0, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUM = r"(\d+|[零〇一二两三四五六七八九十]{1,3})"


def _to_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 2 and text[0] == "十":
        return 10 + _CN_NUM.get(text[1], 0)
    if len(text) == 2 and text[1] == "十":
        return _CN_NUM.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_NUM.get(text[0], 0) * 10 + _CN_NUM.get(text[2], 0)
    return _CN_NUM.get(text) if len(text) == 1 else None


@register("PARTS")
def _parts(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    if not spec.parts:
        return
    lines = [report.sections[p.number].line for p in spec.parts if p.number in report.sections]
    for part in spec.parts:
        section = report.sections.get(part.number)
        if section is None:
            yield finding(
                "PARTS",
                f"缺少第{part.heading.split('、')[0]}部分“{part.heading}”",
                f"part {part.number} ({part.heading}) is missing",
                where={"section": part.number},
                expected=part.heading,
                found=None,
            )
            continue
        printed = section.heading
        if fold(printed) != fold(part.heading):
            same_words = core(printed) == core(part.heading)
            why = "编号不规范（应为汉字序号“一、”…“六、”）" if same_words else "标题与官方格式不一致"
            why_en = "numbered differently" if same_words else "worded differently"
            yield finding(
                "PARTS",
                f"第{part.heading.split('、')[0]}部分标题“{printed}”{why}，官方格式为“{part.heading}”",
                f"part {part.number} heading “{printed}” is {why_en} from the official “{part.heading}”",
                where={"section": part.number},
                expected=part.heading,
                found=printed,
                source=[{"field": f"sections.{part.number}.heading", "line": section.line}] if section.line else [],
            )
    known = [x for x in lines if x is not None]
    if known != sorted(known):
        yield finding("PARTS", "六个部分的顺序与官方格式不一致", "the six parts are out of order", where={"section": "order"})


@register("TEMPLATE-YEAR")
def _template_year(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    if report.year is None:
        return
    want = format_for_year(report.year)
    if want.id != spec.id:
        yield finding(
            "TEMPLATE-YEAR",
            f"{report.year}年度报告应使用{want.name}格式，本报告使用的是{spec.name}格式",
            f"a report on {report.year} should use the {want.id} format, this one uses {spec.id}",
            where={"field": "template"},
            expected=want.id,
            found=spec.id,
        )


_PERIOD = re.compile(r"自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_REPORT_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?:政府信息公开|政务公开)?(?:工作)?年度?报告")


def _all_text(report: Report) -> str:
    return unicodedata.normalize("NFKC", "\n".join(s.text for s in report.sections.values()))


@register("YEAR-MISMATCH")
def _year_mismatch(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    if report.year is None:
        return
    text = _all_text(report)
    for rx, what, what_en in (
        (_PERIOD, "统计期限", "statistics period"),
        (_REPORT_YEAR, "正文所称报告年度", "report year named in the text"),
    ):
        for m in rx.finditer(text):
            y = int(m.group(1))
            if y != report.year:
                yield finding(
                    "YEAR-MISMATCH",
                    f"标题年度为{report.year}年，但{what}为{y}年（“{m.group(0)}”）",
                    f"the title says {report.year} but the {what_en} says {y}",
                    where={"field": "year"},
                    expected=report.year,
                    found=y,
                )
                return


def _stated(text: str) -> dict[str, tuple[int, str]]:
    """Numbers part 一 states, by what they count: key → (number, the words that say it)."""
    out: dict[str, tuple[int, str]] = {}
    patterns = [
        (
            "new_received",
            rf"(?:新收|共收到|收到|新增|受理)[^。；;，,]{{0,16}}?(?:政府信息公开|依申请公开)?(?:申请|依申请)[^。；;，,\d零〇一二两三四五六七八九十]{{0,6}}?{_NUM}\s*件",
        ),
        ("new_received", rf"(?:新收|共收到|收到)[^。；;，,\d]{{0,16}}?{_NUM}\s*件[^。；;，,]{{0,8}}?(?:政府信息公开)?申请"),
        ("carried_over", rf"上年(?:度)?结转[^。；;，,\d]{{0,20}}?{_NUM}\s*件"),
        ("carried_forward", rf"结转(?:至|到)?下(?:一)?年度?[^。；;，,\d]{{0,16}}?{_NUM}\s*件"),
        ("granted", rf"(?<!不)(?<!部分)予以公开(?!及|和|、)[^。；;，,\d]{{0,6}}?{_NUM}\s*件"),
        ("granted+partially_granted", rf"予以公开(?:及|和|、)部分公开[^。；;，,\d]{{0,6}}?{_NUM}\s*件"),
        ("review", rf"行政复议[^。；;，,\d]{{0,10}}?{_NUM}\s*(?:件|起)"),
        ("litigation", rf"行政诉讼[^。；;，,\d]{{0,10}}?{_NUM}\s*(?:件|起)"),
    ]
    for key, rx in patterns:
        m = re.search(rx, text)
        if m and key not in out:
            n = _to_int(m.group(1))
            if n is not None:
                out[key] = (n, m.group(0))
    zero = [
        ("new_received", r"(?:未|没有)(?:收到|受理)[^。；;，,]{0,12}(?:依申请|政府信息公开申请|申请)"),
        ("review", r"(?:未|没有)(?:发生|收到|出现)[^。；;]{0,20}行政复议"),
        ("litigation", r"(?:未|没有)(?:发生|收到|出现)[^。；;]{0,30}行政诉讼"),
    ]
    for key, rx in zero:
        m = re.search(rx, text)
        if m and key not in out:
            out[key] = (0, m.group(0))
    return out


def _table_total(report: Report, key: str) -> tuple[int | float | None, list[str]]:
    apps = report.applications or {}
    rl = report.review_litigation or {}
    if key == "review":
        vals = rl.get("review") or []
        return (vals[-1] if vals else None), ["review_litigation.review[4]"]
    if key == "litigation":
        a, b = (rl.get("litigation_direct") or [None])[-1], (rl.get("litigation_after_review") or [None])[-1]
        return (None if a is None or b is None else a + b), [
            "review_litigation.litigation_direct[4]",
            "review_litigation.litigation_after_review[4]",
        ]
    total = 0
    paths = []
    for k in key.split("+"):
        vals = apps.get(k) or []
        if not vals or vals[-1] is None:
            return None, []
        total += vals[-1]
        paths.append(f"applications.{k}[6]")
    return total, paths


_TEXT_NAMES = {
    "new_received": ("本年新收申请", "new requests"),
    "carried_over": ("上年结转申请", "requests carried over"),
    "carried_forward": ("结转下年度继续办理", "requests carried forward"),
    "granted": ("予以公开", "granted"),
    "granted+partially_granted": ("予以公开及部分公开", "granted or partly granted"),
    "review": ("行政复议", "administrative reviews"),
    "litigation": ("行政诉讼", "lawsuits"),
}


@register("TEXT-TABLE")
def _text_table(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    if spec.applications is None or report.applications is None:
        return
    section = report.sections.get("1")
    if section is None or not section.text:
        return
    text = unicodedata.normalize("NFKC", section.text)
    for key, (n, words) in _stated(text).items():
        value, paths = _table_total(report, key)
        if value is None or _agrees(report, key, n, value):
            continue
        zh, en = _TEXT_NAMES[key]
        table = "review_litigation" if key in ("review", "litigation") else "applications"
        row = {"review": "review", "litigation": "litigation_direct"}.get(key, key.split("+")[0])
        yield finding(
            "TEXT-TABLE",
            f"正文称“{words}”（{zh} {n} 件），表格中为 {value} 件",
            f"the text says {n} {en} (“{words}”), the table says {value}",
            where={"table": table, "row": row, "column": "total"},
            expected=value,
            found=n,
            source=[
                {"field": "sections.1.text", "line": section.line},
                *[{"field": p, **report.provenance.get(p, {})} for p in paths],
            ],
        )


def _agrees(report: Report, key: str, n: int, value: int | float) -> bool:
    if n == value:
        return True
    if key == "new_received":  # "收到申请 N 件" often counts last year's carried-over requests too
        carried, _ = _table_total(report, "carried_over")
        return carried is not None and n == value + carried
    return False


_FEES = re.compile(r"信息处理费|收费通知|收取[^。]{0,10}(?:费|金额)|收费|费用")


@register("FEES-UNREPORTED")
def _fees(report: Report, spec: FormatSpec) -> Iterator[Finding]:
    if spec.fee_part is None:
        return
    six = report.sections.get(spec.fee_part)
    if six is not None and _FEES.search(six.text):
        return
    if report.sections and not any(s.text for s in report.sections.values()):
        return  # a record that keeps headings only (a gold record) says nothing either way
    said = (
        f"只写了“{six.text.strip()[:20]}”" if six is not None and six.text.strip() else "没有内容" if six is not None else "缺失"
    )
    yield finding(
        "FEES-UNREPORTED",
        f"第六部分{said}，未说明是否收取信息处理费（发出收费通知件数、金额、实际收取金额）",
        "part 6 does not say whether information processing fees were charged",
        where={"section": "6"},
        expected="信息处理费收取情况",
        found=six.text.strip()[:40] if six is not None else None,
    )
