"""Rules by id. Table identities come from the format data (``identities`` in the YAML
files); every other rule is a small function registered here under its id."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..formats import FormatSpec
from ..record import Report
from .finding import Finding

RuleFn = Callable[[Report, FormatSpec], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: str
    scope: str  # "report" | "pair" (consecutive years) | "rollup"
    summary: str


# The ids and severities of shared/spec/checks.md.
RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule("T3-ROW-SUM", "error", "report", "表三每行：总计 = 各类申请人之和"),
        Rule("T3-BALANCE", "error", "report", "表三每列：一 + 二 = 三(七)总计 + 四"),
        Rule("T3-OUTCOME-SUM", "error", "report", "表三每列：(七)总计 = (一)至(六)各项之和"),
        Rule("T4-TOTAL", "error", "report", "表四：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        Rule("NUM-INVALID", "error", "report", "件数为负数或非整数、金额为负数"),
        Rule("CELL-EMPTY", "warning", "report", "应填数字的单元格为空、横线或无法识别"),
        Rule("TABLE-MISSING", "error", "report", "缺少表二、表三、表四（或统计表）或其中的行"),
        Rule("PARTS", "warning", "report", "六个部分不全、顺序不对或标题不规范"),
        Rule("TEMPLATE-YEAR", "warning", "report", "格式版本与年度不符"),
        Rule("YEAR-MISMATCH", "warning", "report", "标题年度、统计期限与正文年度不一致"),
        Rule("TEXT-TABLE", "warning", "report", "正文所述数字与表格不符"),
        Rule("FEES-UNREPORTED", "notice", "report", "第六部分未说明信息处理费收取情况"),
        Rule("PRE2019-SUM", "error", "report", "旧统计表：合计项 ≠ 分项之和"),
        Rule("PRE2019-CHANNELS", "warning", "report", "旧统计表：各渠道公开数之和小于主动公开政府信息数"),
        Rule("X-CARRY", "error", "pair", "本年上年结转 ≠ 上年结转下年度继续办理"),
        Rule("X-IN-FORCE", "warning", "pair", "现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止"),
        Rule("X-COPY", "warning", "pair", "第五部分与上年几乎相同"),
        Rule("ROLLUP", "warning", "rollup", "汇总报告的表格 ≠ 所属单位表格之和"),
    ]
}

REPORT_RULES: dict[str, RuleFn] = {}


def register(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    """Register a one-report rule function under a rule id of ``RULES``."""

    def deco(fn: RuleFn) -> RuleFn:
        if rule_id not in RULES:
            raise KeyError(f"unknown rule id {rule_id}")
        REPORT_RULES[rule_id] = fn
        return fn

    return deco


def finding(rule_id: str, message: str, message_en: str, **kw: object) -> Finding:
    return Finding(rule=rule_id, severity=RULES[rule_id].severity, message=message, message_en=message_en, **kw)  # type: ignore[arg-type]
