"""Folding printed labels and reading printed numbers.

Reports print the same label with full- or half-width brackets, stray spaces, Kangxi
radicals, lost numbering; the same number with full-width digits, thousands separators,
NBSP. Everything that compares or reads printed text goes through here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"', "「": '"', "」": '"'})
# A numbering prefix: 一、 （一） (一) 1. 1、 (1) and stray brackets left when a prefix was cut.
_PREFIX = re.compile(
    r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\(\d{1,2}\)|\d{1,2}[、.](?!\d)|[)）])+"
)
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Comparable form: NFKC (full-width → ASCII, ⼀ → 一), no whitespace, one kind of quote."""
    return _WS.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)


@lru_cache(maxsize=65536)
def core(text: str) -> str:
    """The folded label without its numbering prefix: ``（二）部分公开`` → ``部分公开``."""
    folded = fold(text)
    stripped = _PREFIX.sub("", folded)
    return stripped or folded


def tidy(text: str) -> str:
    """Printed text for display: whitespace collapsed, dropped where it touches CJK."""
    text = _WS.sub(" ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()
    return _SPACE_NEAR_CJK.sub("", text)


def squeeze(text: str) -> str:
    """Printed text with all whitespace removed (labels, headings)."""
    return _WS.sub("", text.replace("\u3000", "").replace("\xa0", ""))


def label_matches(printed: str, candidates: list[str], min_prefix: int = 4) -> bool:
    """Does a printed cell carry one of the candidate labels?

    Equal cores match; so does a printed core that starts with a candidate's core when that
    core is distinctive enough (``部分公开（区分处理的…）`` for ``部分公开``), and a candidate
    whose first eight characters the printed core starts with (wordings that drift later on).
    """
    return core_matches(core(printed), tuple(core(c) for c in candidates), min_prefix)


def core_matches(pc: str, cand_cores: tuple[str, ...], min_prefix: int = 4) -> bool:
    """``label_matches`` for a printed core against candidate cores already computed."""
    for cc in cand_cores:
        if pc == cc:
            return True
        if len(cc) >= min_prefix and pc.startswith(cc):
            return True
        if len(cc) >= 8 and len(pc) >= 8 and pc.startswith(cc[:8]):
            return True
    return False


# ---------------------------------------------------------------------------------- numbers

NumberKind = str  # "number" | "empty" | "dash" | "text"

_DASHES = {"-", "—", "–", "－", "/", "／", "\\", "--", "——", "×", "x", "X", "无", "—-"}
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_ANNOTATED = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*[(（].*[)）]$")
_UNIT_SUFFIX = re.compile(r"^([+-]?\d+(?:\.\d+)?)(万元|元|件|条|个|项|次|人|篇)$")


@dataclass(slots=True, frozen=True)
class CellValue:
    kind: NumberKind
    value: int | float | None = None
    note: str | None = None  # why the value needs a second look (annotation, unit in cell)
    unit: str | None = None


def _to_number(sign: str, whole: str, frac: str | None) -> int | float:
    whole = whole.replace(",", "")
    if frac is not None:
        v: int | float = float(f"{whole}.{frac}")
    else:
        v = int(whole)
    return -v if sign == "-" else v


@lru_cache(maxsize=16384)
def read_cell(text: str) -> CellValue:
    """Classify one table cell: a number, empty, a dash (null with a note) or text."""
    s = unicodedata.normalize("NFKC", text)
    s = _WS.sub("", s)
    if not s:
        return CellValue("empty")
    if s in _DASHES:
        return CellValue("dash", note=f"单元格为“{text.strip()}”")
    s2 = s.replace("，", ",")
    m = _NUMBER.match(s2)
    if m:
        return CellValue("number", _to_number(m.group(1), m.group(2), m.group(3)))
    m = _UNIT_SUFFIX.match(s2)
    if m:
        n = _NUMBER.match(m.group(1))
        if n:
            return CellValue("number", _to_number(n.group(1), n.group(2), n.group(3)), unit=m.group(2))
    m = _ANNOTATED.match(s2)
    if m:
        n = _NUMBER.match(m.group(1))
        if n:
            return CellValue("number", _to_number(n.group(1), n.group(2), n.group(3)), note=f"单元格带注释“{text.strip()}”")
    return CellValue("text")
