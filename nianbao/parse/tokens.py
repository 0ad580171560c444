"""Table cells as a stream of typed tokens, routed to the statistics table they belong to.

Matching rows by their labels in a flat stream, instead of trusting a reconstructed grid,
is what lets one parser read every layout: a row whose cells were merged, split across
lines or pushed past a page break still reads label → values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..document import Document, Prov, Table
from ..formats import FormatSpec, load_formats
from ..labels import core, fold, read_cell

TABLE_KINDS = ("proactive", "applications", "review_litigation", "indicators")


@dataclass(slots=True)
class Token:
    text: str
    kind: str  # label | number | empty | dash
    value: int | float | None
    prov: Prov
    note: str | None = None
    unit: str | None = None
    row: int = 0  # which table row (document-wide) the cell sits in

    @property
    def is_value(self) -> bool:
        return self.kind != "label"


def cell_token(text: str, prov: Prov, row: int = 0) -> Token:
    cv = read_cell(text)
    kind = "label" if cv.kind == "text" else cv.kind
    return Token(text, kind, cv.value, prov, cv.note, cv.unit, row)


@cache
def _label_index() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Folded label cores that say which table a row belongs to: exact cores, and long
    cores that a printed label may extend. Labels two tables share decide nothing."""
    owners: dict[str, set[str]] = {}

    def add(label: str, kind: str) -> None:
        owners.setdefault(core(label), set()).add(kind)

    for spec in load_formats().values():
        if spec.proactive:
            add(spec.proactive.label_column, "proactive")
            for b in spec.proactive.blocks:
                add(b.heading, "proactive")
                for c in b.columns:
                    for lab in c.labels:
                        add(lab, "proactive")
                for r in b.rows:
                    for lab in r.labels:
                        add(lab, "proactive")
        for kind, grid in spec.grid_tables.items():
            for r in grid.rows:
                for lab in [*r.labels, *r.groups]:
                    add(lab, kind)
            for c in grid.columns:
                add(c.label, kind)
            for g in grid.column_groups:
                add(g.label, kind)
            if grid.header_group:
                add(grid.header_group, kind)
            if grid.note:
                add(grid.note, kind)
        if spec.indicators:
            for col in spec.indicators.columns:
                add(col, "indicators")
            for node, _ in spec.indicators.nodes():
                for lab in [node.label, *node.variants]:
                    add(lab, "indicators")
    # a two-character label (其他, 规章) is too common a word to say which table a row is in
    exact = {c: next(iter(k)) for c, k in owners.items() if len(k) == 1 and len(c) >= 3}
    long = [(c, k) for c, k in exact.items() if len(c) >= 6]
    return exact, long


def token_table_kind(token: Token) -> str | None:
    return _text_table_kind(token.text) if token.kind == "label" else None


@lru_cache(maxsize=16384)
def _text_table_kind(text: str) -> str | None:
    exact, long = _label_index()
    c = core(text)
    kind = exact.get(c)
    if kind:
        return kind
    if fold(text).startswith("第二十条"):
        return "proactive"
    for lab, k in long:
        if c.startswith(lab):
            return k
    return None


_PART_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]")


@cache
def _part_tables() -> tuple[tuple[str, tuple[str, ...]], ...]:
    seen: dict[str, set[str]] = {}
    for spec in load_formats().values():
        for part in spec.parts:
            if part.table:
                seen.setdefault(part.table, set()).update(fold(k) for k in part.keys)
    return tuple((t, tuple(sorted(keys, key=len, reverse=True))) for t, keys in seen.items())


def _heading_table(text: str) -> str | None:
    """The table a part heading (二、主动公开… 四、…行政复议、行政诉讼情况) introduces."""
    if len(text) > 40 or not _PART_HEADING.match(text):
        return None
    f = fold(text)
    for table, keys in _part_tables():
        if any(k in f for k in keys):
            return table
    return None


def route_tokens(doc: Document) -> dict[str, list[Token]]:
    """Every table cell of the document as a token, grouped by the statistics table its
    row belongs to. A row with no telling label (a row of numbers, a header fragment)
    belongs to the table of the row before it."""
    routed: dict[str, list[Token]] = {k: [] for k in TABLE_KINDS}
    current: str | None = None
    row_id = 0
    for block in doc.blocks:
        if not isinstance(block, Table):
            current = _heading_table(block.text) or current
            continue
        for row in block.rows:
            row_id += 1
            tokens = [cell_token(c.text, c.prov, row_id) for c in row]
            votes: dict[str, int] = {}
            for t in tokens:
                k = token_table_kind(t)
                if k:
                    votes[k] = votes.get(k, 0) + 1
            if votes:
                current = max(votes, key=lambda k: votes[k])
            if current is not None:
                routed[current].extend(tokens)
    return routed


def detect_format(routed: dict[str, list[Token]], year: int | None) -> FormatSpec | None:
    """The format whose distinctive labels the tables print most; the year decides ties."""
    formats = load_formats()
    text = "\u0001".join(fold(t.text) for toks in routed.values() for t in toks if t.kind == "label")
    scores = {fid: sum(fold(p) in text for p in spec.detect) for fid, spec in formats.items()}
    best = max(scores.values(), default=0)
    if best == 0:
        return None
    tied = [formats[f] for f, s in scores.items() if s == best]
    if len(tied) > 1 and year is not None:
        for spec in tied:
            if spec.years.covers(year):
                return spec
    return tied[0]
