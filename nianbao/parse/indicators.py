"""The pre-2019 统计表 (统计指标 · 单位 · 统计数) from routed tokens.

A row's place (its ``path``) comes from the format's tree when the row is one the tree
knows, else from its numbering: 一、 under nothing, （一） under 一、, 1. under （一）,
``其中：`` under the row above, and the unnumbered rows after a ``其中：`` beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..formats import FormatSpec, IndicatorNode, get_format
from ..labels import core, fold, squeeze
from ..record import Indicator, Note
from .tables import _note
from .tokens import Token

_NOTE = re.compile(r"\([^()]*\)")
_YEAR_CAPTION = re.compile(r"^\(?\d{4}年度?\)?$")
_LEVEL = (
    (re.compile(r"^[一二三四五六七八九十]{1,2}、"), 0),
    (re.compile(r"^\([一二三四五六七八九十]{1,3}\)"), 1),
    (re.compile(r"^\d{1,2}[.、](?!\d)"), 2),
)


def _match_key(label: str) -> str:
    c = _NOTE.sub("", core(label))
    return c.removeprefix("其中:").removeprefix("其中")


def _open_bracket(label: str) -> bool:
    f = fold(label)
    return f.count("(") > f.count(")")


def _continues(first: str, second: str) -> bool:
    """Is ``second`` the rest of a label whose first line was ``first``? Yes when ``first``
    left a bracket open, or when together they make a row the format knows."""
    return _open_bracket(first) or bool(_KNOWN.get(_match_key(first + second)))


_KNOWN: dict[str, bool] = {}


@cache
def _index(format_id: str) -> tuple[list[tuple[IndicatorNode, int]], dict[str, list[int]]]:
    spec = get_format(format_id)
    assert spec.indicators is not None
    flat = spec.indicators.nodes()
    index: dict[str, list[int]] = {}
    for i, (node, _) in enumerate(flat):
        for lab in [node.label, *node.variants]:
            index.setdefault(_match_key(lab), []).append(i)
            _KNOWN[_match_key(lab)] = True
    return flat, index


class IndicatorMatcher:
    """Finds the format-tree row a printed label is, in printed order: of two rows with the
    same words (（二）被依法纠错数 under 行政复议 and under 行政诉讼) the next one is taken."""

    def __init__(self, format_id: str) -> None:
        self.flat, self.index = _index(format_id)
        self.last = -1

    def match(self, label: str) -> tuple[IndicatorNode, int] | None:
        hits = self.index.get(_match_key(label), [])
        hit = next((h for h in hits if h > self.last), hits[0] if hits else None)
        if hit is None:
            return None
        self.last = hit
        return self.flat[hit]


@dataclass(slots=True)
class IndicatorResult:
    rows: list[Indicator] = field(default_factory=list)
    provenance: dict[str, dict[str, object]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


def parse_indicators(tokens: list[Token], spec: FormatSpec) -> IndicatorResult:
    assert spec.indicators is not None
    matcher = IndicatorMatcher(spec.id)
    units = {fold(u) for u in spec.units}
    skip = {fold(c) for c in [*spec.indicators.columns, spec.indicators.title]}
    out = IndicatorResult()
    stack: list[tuple[int, str]] = []  # (level, printed label) of the rows enclosing the next
    pending: str | None = None  # a label's first line, waiting for the line that finishes it
    prev_level = 0
    qizhong_level: int | None = None  # level of the 其中 group being continued
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        f = fold(tok.text)
        if tok.kind != "label" or f in units or f in skip or _YEAR_CAPTION.match(f):
            i += 1
            continue
        j = i + 1
        unit_tok: Token | None = None
        value_tok: Token | None = None
        while j < len(tokens):
            t = tokens[j]
            if t.kind == "label" and fold(t.text) not in units:
                break
            if t.kind == "label":
                unit_tok = unit_tok or t
            elif t.kind in ("number", "dash") and value_tok is None:
                value_tok = t
            j += 1
        label = squeeze(tok.text)
        has_data = unit_tok is not None or value_tok is not None
        numbered = any(rx.match(fold(label)) for rx, _ in _LEVEL) or fold(label).startswith("其中")
        if not numbered and not has_data and out.rows and pending is None and _continues(out.rows[-1].label, label):
            # the second line of the label above (the unit and value sat beside its first line)
            out.rows[-1].label += label
            i = j
            continue
        if pending is not None:
            if not numbered and _continues(pending, label):
                label = pending + label  # the first line of this label stood alone above it
            pending = None
        if numbered and not has_data and _open_bracket(label):
            pending = label  # a header's label cut mid-bracket: its rest is on the next line
            i = j
            continue
        hit = matcher.match(label)
        if hit is not None:
            level = hit[1]
            qizhong_level = None
        else:
            c = fold(label)
            level = next((lv for rx, lv in _LEVEL if rx.match(c)), -1)
            if c.startswith("其中"):
                level = prev_level + 1
                qizhong_level = level
            elif level < 0:
                level = qizhong_level if qizhong_level is not None else prev_level
            else:
                qizhong_level = None
        while stack and stack[-1][0] >= level:
            stack.pop()
        path = [lab for _, lab in stack]
        stack.append((level, label))
        prev_level = level if not fold(label).startswith("其中") else prev_level
        if unit_tok is not None or value_tok is not None:
            idx = len(out.rows)
            value = value_tok.value if value_tok is not None and value_tok.kind == "number" else None
            unit = squeeze(unit_tok.text) if unit_tok is not None else (value_tok.unit if value_tok else None)
            out.rows.append(Indicator(label=label, unit=unit, value=value, path=path))
            out.provenance[f"indicators[{idx}]"] = (value_tok or tok).prov.to_dict()
            if value_tok is None:
                out.notes.append(_note(f"indicators[{idx}]", f"“{label}”的统计数为空", tok, "cell-empty"))
            elif value_tok.kind == "dash" or value_tok.note:
                out.notes.append(
                    _note(
                        f"indicators[{idx}]",
                        value_tok.note or "单元格为横线",
                        value_tok,
                        "dash" if value_tok.kind == "dash" else "annotated",
                    )
                )
        i = j
    return out
