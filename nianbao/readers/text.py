"""Plain text → document.

Text reports lay their tables out in several ways, often mixed in one file:

* ``cells``  — one cell per line, each starting with a tab; a blank line ends a row; a line
  without the tab continues the cell above (``\\t商业`` + ``企业``; ``\\t `` + ``0``).
* ``tabs``   — one row per line, cells separated by tabs (Word "save as text").
* ``pipes``  — ``| a | b |`` rows (HTML-to-text, Markdown), empty where cells were merged.
* ``spaces`` — columns aligned with runs of spaces.

Page numbers (``— 3 —``, ``第 3 页 共 9 页``), running headers that repeat the title, and
converter artefacts (``[bookmark: _GoBack]``) are dropped before anything else looks at a line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document import Cell, Document, Origin, Paragraph, Prov, Table
from ..labels import fold, read_cell

_ARTEFACT = re.compile(r"\[(?:bookmark|image|footnote|endnote|comment)[^\]]*\]", re.I)
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:"
    r"[-—–－_~·•]+\s*\d{1,4}\s*[-—–－_~·•]+"  # — 3 —   - 3 -
    r"|第\s*\d{1,4}\s*页\s*(?:[,，/／]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页 共 9 页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3 / 9
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r")\s*$",
    re.I,
)
_TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]")
_PART_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*、")  # 五、 or 5、 (5. numbers an item)
# what starts a label of its own rather than continuing the one above
_ITEM_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|其中)")
_COLUMN_GAP = re.compile(r"(?:[ \u00a0]{2,}|\t|\u3000)+")
_MD_HEADING = re.compile(r"^#{1,6}\s+")  # Markdown (and HTML-to-text) heading marks
_PIPE_SEPARATOR = re.compile(r"^[\s|:+\-=—]+$")
_TRAILING_NUMBERS = re.compile(r"^(.*?[^\d\s.,+\-])\s+((?:[+-]?[\d.,]+\s*)+)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?: \d{3})+$")

_TABLE_KINDS = ("cell", "tabs", "pipes", "spaces")


@dataclass(slots=True)
class _Line:
    number: int  # 1-based
    kind: str  # blank | text | cell | tabs | pipes | spaces | separator
    text: str  # stripped text for text/cell lines
    cells: list[str]


def _clean(line: str) -> str:
    line = _INVISIBLE.sub("", _ARTEFACT.sub("", line))
    return line.rstrip("\r\n")


def _split_numbers(part: str) -> list[str]:
    """``0 0 5`` in a space-aligned row is three cells; ``1 280`` is one number."""
    words = part.split()
    if len(words) > 1 and all(read_cell(w).kind in ("number", "dash") for w in words):
        if _THOUSANDS.match(part.strip()):
            return [part.replace(" ", "")]
        return words
    m = _TRAILING_NUMBERS.match(part)
    if m and len(m.group(1).strip()) >= 2:
        nums = m.group(2).split()
        if all(read_cell(w).kind == "number" for w in nums):
            return [m.group(1).strip(), *nums]
    return [part]


def _space_cells(stripped: str) -> list[str] | None:
    parts = [p for p in _COLUMN_GAP.split(stripped) if p]
    cells: list[str] = []
    for p in parts:
        cells.extend(_split_numbers(p))
    if len(cells) < 2:
        return None
    numeric = sum(read_cell(c).kind in ("number", "dash") for c in cells)
    if numeric and all(len(c) <= 60 for c in cells):
        return cells
    if len(cells) >= 3 and all(len(c) <= 30 for c in cells) and not any(c.endswith(("。", "，", "；")) for c in cells):
        return cells
    return None


def _classify(number: int, raw: str) -> _Line:
    line = _clean(raw)
    stripped = line.strip()
    if not stripped:
        # a tab-led line with nothing after it is an empty cell, whose number may follow
        return _Line(number, "cell", "", [""]) if line.startswith("\t") else _Line(number, "blank", "", [])
    if "|" in stripped and (stripped.count("|") >= 2 or len(stripped) <= 80):
        if _PIPE_SEPARATOR.match(stripped):
            return _Line(number, "separator", "", [])
        body = stripped
        if body.startswith("|"):
            body = body[1:]
        if body.endswith("|"):
            body = body[:-1]
        return _Line(number, "pipes", stripped, [c.strip() for c in body.split("|")])
    if "\t" in line.lstrip("\t").rstrip() or (line.endswith("\t") and not line.startswith("\t")):
        return _Line(number, "tabs", stripped, [c.strip() for c in line.split("\t")])
    if line.startswith("\t"):
        return _Line(number, "cell", stripped, [stripped])
    stripped = _MD_HEADING.sub("", stripped)
    cells = _space_cells(stripped)
    if cells is not None:
        return _Line(number, "spaces", stripped, cells)
    return _Line(number, "text", stripped, [])


def _repeated_headers(lines: list[_Line]) -> set[str]:
    """Folded texts of running headers: the title repeated further down, or a short line
    (not a heading, not a number) that recurs three times or more."""
    texts = [ln for ln in lines if ln.kind == "text"]
    drop: set[str] = set()
    title: list[str] = []
    for ln in texts[:4]:
        title.append(ln.text)
        if "报告" in ln.text:
            break
    if title and any("报告" in t for t in title):
        joined = fold("".join(title))
        drop.add(joined)
        drop.update(fold(t) for t in title if len(fold(t)) >= 6)
    counts = Counter(fold(ln.text) for ln in texts)
    for text, n in counts.items():
        if n >= 3 and 6 <= len(text) <= 40 and not _TOP_HEADING.match(text) and read_cell(text).kind == "text":
            drop.add(text)
    return drop


def _is_continuation(line: _Line, prev: _Line | None, gap: int) -> bool:
    """A text line that finishes the cell above rather than starting a paragraph."""
    if prev is None or prev.kind != "cell":
        return False
    if _TOP_HEADING.match(line.text) and len(line.text) > 6:
        return False
    if gap == 0:
        return len(line.text) <= 60
    return gap == 1 and len(line.text) <= 6


def _split_lines(text: str) -> list[str]:
    # splitlines() also breaks on \x1c-\x1e, \x85 and \u2028; reports only mean \r, \n, \f.
    return re.split(r"\r\n|\r|\n|\f", text)


def text_to_document(text: str, origin: Origin | None = None) -> Document:
    """Pure: decoded report text → paragraphs and tables, each with its line number."""
    raw_lines = _split_lines(text)
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    lines = [_classify(i, raw) for i, raw in enumerate(raw_lines, 1)]
    headers = _repeated_headers(lines)
    first_text = next((i for i, ln in enumerate(lines) if ln.kind == "text"), 0)
    kept: list[_Line] = []
    seen_text = 0
    after_break = False
    for i, ln in enumerate(lines):
        if ln.kind in ("text", "spaces"):
            seen_text += 1
            is_title_zone = seen_text <= 4 and i <= first_text + 8
            if _PAGE_NUMBER.match(ln.text) or (not is_title_zone and ln.kind == "text" and fold(ln.text) in headers):
                # a page break: the blank lines around it are the break's, not the text's
                while kept and kept[-1].kind == "blank":
                    kept.pop()
                after_break = True
                continue
        if after_break and ln.kind == "blank":
            continue
        after_break = False
        kept.append(ln)

    blocks: list[Paragraph | Table] = []
    table: Table | None = None
    row: list[Cell] | None = None
    prev: _Line | None = None  # previous non-blank line
    gap = 0
    kinds: Counter[str] = Counter()

    def end_table() -> None:
        nonlocal table, row
        if table is not None:
            table.rows = [r for r in table.rows if r]
            if any(c.text for r in table.rows for c in r):
                blocks.append(table)
        table, row = None, None

    # next_is_row[k]: a table row follows line k, with at most four short text lines between
    # (a label wrapped onto several lines around its numbers).
    next_is_row = [False] * len(kept)
    following, short_text = False, 0
    for k in range(len(kept) - 1, -1, -1):
        next_is_row[k] = following
        ln = kept[k]
        if ln.kind in _TABLE_KINDS:
            following, short_text = True, 0
        elif ln.kind == "text":
            short_text += 1
            following = following and short_text <= 4 and len(ln.text) <= 30

    for k, ln in enumerate(kept):
        if ln.kind in ("blank", "separator"):
            gap += ln.kind == "blank"
            if ln.kind == "blank" and table is not None and row:
                row = None  # cells layout: a blank line ends the row
            continue
        if ln.kind == "text" and _is_continuation(ln, prev, gap) and table is not None and table.rows:
            last_row = table.rows[-1]
            last = last_row[-1]
            last_row[-1] = Cell(last.text + ln.text, last.prov)
            row = last_row if gap == 0 else row
            prev, gap = prev, 0
            continue
        if (
            ln.kind == "text"
            and table is not None
            and gap == 0
            and prev is not None
            and prev.kind in ("tabs", "pipes", "spaces")
            and read_cell(ln.text).kind in ("number", "dash")
        ):
            # a number pushed onto its own line after a row
            table.rows[-1].append(Cell(ln.text, Prov(line=ln.number, col=len(table.rows[-1]))))
            prev, gap = ln, 0
            continue
        if (
            ln.kind == "text"
            and table is not None
            and gap == 0
            and next_is_row[k]
            and prev is not None
            and prev.kind in ("tabs", "pipes", "spaces", "label-line")
            and len(ln.text) <= 60
            and not (_PART_NUMBER.match(ln.text) and len(ln.text) > 12)
        ):
            # a label alone on its line between two rows: a row of one cell; its second line
            # (a label wrapped above its numbers) joins it
            last_row = table.rows[-1]
            if prev.kind == "label-line" and len(last_row) == 1 and not _ITEM_START.match(ln.text):
                last_row[0] = Cell(last_row[0].text + ln.text, last_row[0].prov)
            else:
                table.rows.append([Cell(ln.text, Prov(line=ln.number, row=len(table.rows), col=0))])
            prev, gap = _Line(ln.number, "label-line", ln.text, [ln.text]), 0
            continue
        if ln.kind == "text":
            end_table()
            blocks.append(Paragraph(ln.text, Prov(line=ln.number)))
            prev, gap = ln, 0
            continue
        kinds[ln.kind] += 1
        if table is None:
            table = Table([], Prov(line=ln.number))
        if ln.kind == "cell":
            if row is None:
                row = []
                table.rows.append(row)
            row.append(Cell(ln.text, Prov(line=ln.number, row=len(table.rows) - 1, col=len(row))))
        else:
            r = len(table.rows)
            table.rows.append([Cell(c, Prov(line=ln.number, row=r, col=j)) for j, c in enumerate(ln.cells)])
            row = None
        prev, gap = ln, 0
    end_table()

    origin = origin or Origin()
    if kinds:
        origin.layout = kinds.most_common(1)[0][0].replace("cell", "cells")
    return Document(blocks=blocks, origin=origin)
