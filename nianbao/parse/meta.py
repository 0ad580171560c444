"""Title, agency, year and the six numbered parts, from the document's paragraphs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..document import Document, Paragraph, Table
from ..formats import Part
from ..labels import fold, squeeze, tidy
from ..record import Section

_SENTENCE = re.compile(r"[。；;：:]|，.*，")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PERIOD = re.compile(r"自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_CAPTION = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）]")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
_TITLE_SUFFIX = re.compile(r"(?:的)?(?:政府|政务)?(?:信息)?(?:与政务)?公开(?:工作)?(?:年度)?(?:报告|年报)$")
_HEADING = re.compile(r"^\s*(?P<num>[一二三四五六七八九十]{1,2}|\d{1,2})\s*(?P<sep>[、.．])\s*(?P<text>.+)$")
_CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10"}


def _leading_paragraphs(doc: Document, limit: int = 6) -> list[Paragraph]:
    out: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            break
        out.append(block)
        if len(out) >= limit:
            break
    return out


def find_title(doc: Document) -> tuple[str | None, int | None]:
    """The title, joined when line breaks split it (``交道口街道2023年政府信息公开`` +
    ``工作年度报告``; a 22-point title wrapped before its last character), and its line."""
    paras = _leading_paragraphs(doc)
    lead: list[Paragraph] = []
    for p in paras:
        if _SENTENCE.search(p.text) or len(p.text) > 40 or _DATE_LINE.match(p.text):
            break
        lead.append(p)
    for start in range(len(lead)):
        joined = ""
        for p in lead[start:]:
            joined += p.text
            if "报告" in joined or "年报" in joined:
                return tidy(joined), lead[start].prov.line
    for p in paras:
        if "报告" in p.text and len(p.text) <= 80 and not _SENTENCE.search(p.text):
            return tidy(p.text), p.prov.line
    return None, None


def find_agency(title: str | None) -> str | None:
    if not title:
        return None
    t = squeeze(unicodedata.normalize("NFKC", title)).removeprefix("关于")
    t = _TITLE_YEAR.sub("", t, count=1)
    t = _TITLE_SUFFIX.sub("", t)
    return t or None


def find_year(title: str | None, doc: Document) -> int | None:
    """The year reported on: the title's, else the statistics period's, else a table caption's."""
    if title:
        m = _YEAR.search(unicodedata.normalize("NFKC", title))
        if m:
            return int(m.group(1))
    for p in doc.paragraphs[:40]:
        m = _PERIOD.search(unicodedata.normalize("NFKC", p.text))
        if m:
            return int(m.group(1))
    for t in doc.tables[:3]:
        for row in t.rows[:6]:
            for c in row:
                m = _CAPTION.search(unicodedata.normalize("NFKC", c.text))
                if m:
                    return int(m.group(1))
    return None


def _heading_number(num: str) -> str:
    return _CN_DIGITS.get(num, num)


def find_sections(paragraphs: Iterable[Paragraph], parts: list[Part]) -> dict[str, Section]:
    """The six parts by their headings, in order; each gets the paragraphs up to the next.

    A heading is a short numbered line whose words name the part (``二、主动公开政府信息情况``,
    ``1、 总体情况``). A line numbered ``五、`` that names nothing we know still counts when
    part 五 is the one expected next.
    """
    sections: dict[str, Section] = {}
    texts: dict[str, list[str]] = {}
    nxt = 0
    current: str | None = None
    for p in paragraphs:
        m = _HEADING.match(p.text)
        hit = None
        if m and len(m.group("text")) <= 40 and not _SENTENCE.search(m.group("text")) and nxt < len(parts):
            words = fold(m.group("text"))
            for k in range(nxt, len(parts)):
                if any(fold(key) in words for key in parts[k].keys):
                    hit = k
                    break
            if hit is None and m.group("sep") == "、" and not m.group("num").isdigit():
                if _heading_number(m.group("num")) == parts[nxt].number and len(words) <= 20:
                    hit = nxt
        if hit is not None:
            part = parts[hit]
            sections[part.number] = Section(heading=squeeze(p.text), line=p.prov.line)
            texts[part.number] = []
            current = part.number
            nxt = hit + 1
            continue
        if current is not None:
            texts[current].append(p.text)
    for number, lines in texts.items():
        sections[number].text = "\n".join(lines)
    return sections
