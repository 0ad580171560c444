"""Noise real report text carries, applied to a seed's text in the test itself.

Each function takes the text (and a seeded Random) and returns the noisy text; the parse
must still give every gold field.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from nianbao.document import Table
from nianbao.readers import text_to_document

Noise = Callable[[str, random.Random], str]

_NUMBER_CELL = re.compile(r"^(\t+[\s\u3000\xa0]*)([+-]?\d+(?:\.\d+)?)([\s\u3000\xa0]*)$")
_FULLWIDTH = str.maketrans("0123456789+-", "０１２３４５６７８９＋－")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def crlf(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n")


def fullwidth_digits(text: str, rng: random.Random) -> str:
    """Every digit (title, text, cells) printed full-width, as Word's 全角 input gives."""
    return text.translate(_FULLWIDTH)


def odd_spaces(text: str, rng: random.Random) -> str:
    """NBSP and ideographic spaces around numbers and inside labels."""
    out = []
    for line in _lines(text):
        if line.startswith("\t") or "\t" in line:
            cells = line.split("\t")
            for i, c in enumerate(cells):
                if re.fullmatch(r"\s*\d+\s*", c):
                    cells[i] = rng.choice(["\xa0", "\u3000", " \xa0"]) + c.strip() + rng.choice(["\xa0", "", "\u3000"])
                elif len(c.strip()) >= 4 and rng.random() < 0.3:
                    k = rng.randrange(1, len(c.strip()))
                    c = c.strip()
                    cells[i] = c[:k] + rng.choice(["\u3000", "\xa0", " "]) + c[k:]
            line = "\t".join(cells)
        out.append(line)
    return "\n".join(out)


def numbers_on_own_line(text: str, rng: random.Random) -> str:
    """A number pushed off its cell onto the next line (cells layout: ``\\t`` + ``5``; tab
    rows: the last number wraps)."""
    out = []
    for line in _lines(text):
        m = _NUMBER_CELL.match(line)
        if m and rng.random() < 0.35:
            out.append(m.group(1))
            out.append(m.group(2) + m.group(3))
            continue
        if not line.startswith("\t") and line.count("\t") >= 3 and rng.random() < 0.35:
            body = line.rstrip("\t")
            head, sep, last = body.rpartition("\t")
            if sep and re.fullmatch(r"\d+", last):
                out.append(head + "\t")
                out.append(last)
                continue
        out.append(line)
    return "\n".join(out)


def _title(text: str) -> str:
    doc = text_to_document(text)
    from nianbao.parse.meta import find_title

    return find_title(doc)[0] or "政府信息公开工作年度报告"


def _break_points(lines: list[str]) -> list[int]:
    """Line indexes where a page may break: before a cell or row starts."""
    return [i for i, ln in enumerate(lines) if i > 12 and (ln.startswith("\t") or "\t" in ln or not ln.strip())]


def page_breaks(text: str, rng: random.Random) -> str:
    """Page numbers and the running header (the title again) in the middle of tables."""
    lines = _lines(text)
    title = _title(text)
    points = sorted(rng.sample(_break_points(lines), k=min(8, len(_break_points(lines)))), reverse=True)
    styles = ["— {n} —", "- {n} -", "第 {n} 页 共 9 页", "－{n}－"]
    for k, i in enumerate(points):
        page = styles[k % len(styles)].format(n=k + 2)
        insert = ["", page, ""] if k % 2 else [page]
        if k % 3 == 0:
            insert = insert + [title, ""]
        lines[i:i] = insert
    return "\n".join(lines)


def artefacts(text: str, rng: random.Random) -> str:
    """Converter leftovers at the start of lines: bookmarks, zero-width spaces, BOM chars."""
    out = []
    for line in _lines(text):
        r = rng.random()
        if r < 0.06:
            lead = len(line) - len(line.lstrip("\t"))
            line = line[:lead] + "[bookmark: _GoBack]" + line[lead:]
        elif r < 0.1:
            lead = len(line) - len(line.lstrip("\t"))
            line = line[:lead] + "\u200b" + line[lead:]
        out.append(line)
    return "\n".join(out)


def relayout(layout: str) -> Noise:
    """The seed's own cells re-emitted in another table layout (tabs, pipes, spaces)."""

    def apply(text: str, rng: random.Random) -> str:
        doc = text_to_document(text)
        lines: list[str] = []
        for block in doc.blocks:
            if not isinstance(block, Table):
                lines.append(block.text)
                continue
            for row in block.rows:
                cells = [c.text for c in row]
                if layout == "tabs":
                    lines.append("\t".join(cells))
                elif layout == "pipes":
                    lines.append("| " + " | ".join(cells) + " |")
                else:
                    lines.append("    ".join(c for c in cells if c))
            lines.append("")
        return "\n".join(lines)

    return apply


def everything(text: str, rng: random.Random) -> str:
    for noise in (odd_spaces, numbers_on_own_line, page_breaks, fullwidth_digits, artefacts, crlf):
        text = noise(text, rng)
    return text


TEXT_NOISES: dict[str, Noise] = {
    "crlf": crlf,
    "fullwidth_digits": fullwidth_digits,
    "odd_spaces": odd_spaces,
    "numbers_on_own_line": numbers_on_own_line,
    "page_breaks": page_breaks,
    "artefacts": artefacts,
    "tabs_layout": relayout("tabs"),
    "pipes_layout": relayout("pipes"),
    "spaces_layout": relayout("spaces"),
    "everything": everything,
}

ENCODINGS = {
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "gb18030": lambda t: t.encode("gb18030"),
    "gbk": lambda t: t.replace("\xa0", " ").encode("gbk"),  # GBK has no NBSP
    "utf-16-bom": lambda t: t.encode("utf-16"),
    "utf-16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda t: t.encode("utf-16-be"),
}
