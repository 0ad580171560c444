"""Tables 二 (proactive), 三 (applications) and 四 (review_litigation) from routed tokens.

Rows are found by their labels from the format data, in the order the format prints them;
the values of a row are the cells between its label and the next label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise

from ..formats import Column, FormatSpec, GridTable, ProactiveBlock
from ..labels import core, core_matches, fold, label_matches, squeeze
from ..record import Note, ProactiveRow
from .tokens import Token

Value = int | float | None


@dataclass(slots=True)
class TableResult:
    """What one table parse found, and the doubts it had, ready to merge into a record."""

    values: dict[str, list[Value]] = field(default_factory=dict)
    provenance: dict[str, dict[str, object]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    matched: int = 0


def _note(field_: str | None, message: str, token: Token | None, code: str | None = None) -> Note:
    prov = token.prov if token else None
    return Note(field=field_, message=message, code=code, line=prov.line if prov else None, page=prov.page if prov else None)


def _cell_code(token: Token | None) -> str:
    if token is None:
        return "cell-empty"
    if token.kind == "dash":
        return "dash"
    return "unit" if token.unit else "annotated"


def align(values: list[Token], n: int, pad_first: str = "left") -> tuple[list[Token | None], str | None]:
    """Place the value cells after a label into ``n`` columns.

    Exactly ``n`` filled cells: those, in order (empty cells were layout). Fewer: the run of
    cells, trimmed of surplus empty cells, gives each filled cell its column; the rest are
    empty. Surplus blanks are layout first on the ``pad_first`` side: table 三 leaves blank
    the label columns a merged label spans (left); table 二 pads its narrow sub-tables
    (right). More filled cells than columns: the first ``n``, with a note.
    """
    filled = [t for t in values if t.kind != "empty"]
    if len(filled) == n:
        return list(filled), None
    if len(filled) > n:
        return list(filled[:n]), f"多出 {len(filled) - n} 个数值，只取前 {n} 个"
    run = list(values)
    ends = (0, -1) if pad_first == "left" else (-1, 0)
    for end in ends:
        while len(run) > n and run and run[end].kind == "empty":
            run.pop(end)
    if len(run) == n:
        return [t if t.kind != "empty" else None for t in run], None
    placed: list[Token | None] = [t if t.kind != "empty" else None for t in run[:n]]
    placed += [None] * (n - len(placed))
    return placed, f"只读到 {len(filled)} 个数值，应有 {n} 个，无法确定其余单元格"


def _values_after(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """The value cells of the label at ``i``: the rest of its row up to the next label; when
    its row holds no value (a label on a line of its own), the cells up to the next label."""
    row = tokens[i].row
    j = i + 1
    filled = False
    while j < len(tokens) and tokens[j].kind != "label" and tokens[j].row == row:
        filled = filled or tokens[j].kind != "empty"
        j += 1
    if not filled:
        while j < len(tokens) and tokens[j].kind != "label":
            j += 1
    return tokens[i + 1 : j], j


def _store(
    result: TableResult,
    table: str,
    key: str,
    placed: list[Token | None],
    label: Token,
    columns: list[Column],
) -> list[Value]:
    row: list[Value] = []
    for c, tok in enumerate(placed):
        path = f"{table}.{key}[{c}]"
        if tok is None:
            row.append(None)
            result.notes.append(_note(path, f"“{columns[c].label}”列为空", label, "cell-empty"))
            continue
        if tok.kind == "dash":
            row.append(None)
            result.notes.append(_note(path, tok.note or "单元格为横线", tok, "dash"))
        else:
            row.append(tok.value)
            if tok.note:
                result.notes.append(_note(path, tok.note, tok, _cell_code(tok)))
        result.provenance[path] = tok.prov.to_dict()
    return row


def _garbled(pc: str, cand_cores: tuple[str, ...], numbered: bool) -> bool:
    """A printed label that is the start of a candidate (``3.补正`` cut by a page break), or
    close enough to a long one to be it with a few characters lost (``其他法律行政止公开``
    for ``其他法律行政法规禁止公开``)."""
    if (numbered or len(pc) >= 4) and any(len(pc) >= 2 and len(cc) > len(pc) and cc.startswith(pc) for cc in cand_cores):
        return True  # the label's end went onto the next page or line
    return len(pc) >= 6 and any(len(cc) >= 6 and SequenceMatcher(None, pc, cc).ratio() >= 0.8 for cc in cand_cores)


def parse_grid(tokens: list[Token], grid: GridTable, table: str) -> TableResult:
    """Rows of a named-row table (三), matched in printed order.

    A label two characters long (``其他``, ``总计``) is only taken for a row at most two
    rows ahead of the last one found, so header cells never claim data rows.
    """
    result = TableResult()
    rows = grid.rows
    n = len(grid.columns)
    row_cores = [tuple(core(lab) for lab in r.labels) for r in rows]
    weak = [len(core(r.label)) < 4 for r in rows]
    cur = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind != "label":
            i += 1
            continue
        hit = None
        pc = core(tok.text)
        numbered = pc != fold(tok.text)
        for k in range(cur, len(rows)):
            # a two-character label (其他, 总计) names a row only with its numbering (3.其他,
            # （七）总计): bare, it is a column header, repeated after a page break
            if weak[k] and (k > cur + 2 or not numbered):
                continue
            if core_matches(pc, row_cores[k]):
                hit = k
                break
        if hit is None and cur < len(rows) and _garbled(pc, row_cores[cur], numbered):
            hit = cur  # the row expected next, printed with characters lost or wrong
        if hit is None:
            i += 1
            continue
        row = rows[hit]
        values, j = _values_after(tokens, i)
        placed, problem = align(values, n)
        if problem:
            result.notes.append(_note(f"{table}.{row.key}", f"“{squeeze(tok.text)}”行：{problem}", tok, "row-values"))
        result.values[row.key] = _store(result, table, row.key, placed, tok, grid.columns)
        result.provenance[f"{table}.{row.key}"] = tok.prov.to_dict()
        result.matched += 1
        cur = hit + 1
        i = j
    for row in rows:
        if row.key not in result.values:
            result.values[row.key] = [None] * n
            result.notes.append(_note(f"{table}.{row.key}", f"未找到“{row.label}”行", None, "row-missing"))
    result.values = {r.key: result.values[r.key] for r in rows}
    return result


def _best_run(tokens: list[Token]) -> list[Token]:
    """The run of value cells between labels that holds the most numbers (the first, on a tie)."""
    best: list[Token] = []
    run: list[Token] = []
    for t in [*tokens, None]:
        if t is None or t.kind == "label":
            if sum(x.kind != "empty" for x in run) > sum(x.kind != "empty" for x in best):
                best = run
            run = []
        else:
            run.append(t)
    return best


def parse_flat_grid(tokens: list[Token], grid: GridTable, table: str) -> TableResult:
    """Table 四: one data row of rows × columns values after the column headers, or, when a
    report prints the groups as row labels, one row per group."""
    row_cores = tuple(core(lab) for r in grid.rows for lab in r.labels)
    labelled_rows = any(
        a.kind == "label" and b.kind == "number" and core_matches(core(a.text), row_cores) for a, b in pairwise(tokens)
    )
    if labelled_rows:
        by_rows = parse_grid(tokens, grid, table)
        if by_rows.matched == len(grid.rows) and all(
            sum(v is not None for v in vals) >= len(grid.columns) - 1 for vals in by_rows.values.values()
        ):
            return by_rows
    result = TableResult()
    header_labels = [lab for c in grid.columns for lab in c.labels] + [lab for r in grid.rows for lab in [*r.labels, *r.groups]]
    last_header = -1
    for i, tok in enumerate(tokens):
        if tok.kind == "label" and label_matches(tok.text, header_labels):
            last_header = i
    if last_header < 0 and not any(t.kind == "number" for t in tokens):
        for row in grid.rows:
            result.values[row.key] = [None] * len(grid.columns)
        result.notes.append(_note(table, "未找到表格", None, "table-missing"))
        return result
    n = len(grid.columns)
    values = _best_run(tokens[last_header + 1 :] if last_header >= 0 else tokens)
    if last_header >= 0 and sum(t.kind != "empty" for t in values) < n * len(grid.rows) // 2:
        # headers printed around the numbers (text extracted from a PDF): the fullest run of numbers
        first = next(i for i, t in enumerate(tokens) if t.kind == "label" and label_matches(t.text, header_labels))
        values = _best_run(tokens[first:])
    placed, problem = align(values, n * len(grid.rows))
    anchor = tokens[last_header] if last_header >= 0 else (tokens[0] if tokens else None)
    if problem:
        result.notes.append(_note(table, problem, anchor, "row-values"))
    for r, row in enumerate(grid.rows):
        part = placed[r * n : (r + 1) * n]
        label = anchor or Token(row.label, "label", None, tokens[0].prov)
        result.values[row.key] = _store(result, table, row.key, part, label, grid.columns)
    result.matched = len(grid.rows) if any(p is not None for p in placed) else 0
    return result


# ------------------------------------------------------------------------------ table 二

_BRACKETS = re.compile(r"[()（）]")


def _heading_key(text: str) -> str:
    return _BRACKETS.sub("", fold(text))


@dataclass(slots=True)
class ProactiveResult:
    rows: list[ProactiveRow] = field(default_factory=list)
    provenance: dict[str, dict[str, object]] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)


def _money_unit(header: str | None, cell_unit: str | None) -> str | None:
    text = (cell_unit or "") + (header or "")
    if "万元" in text:
        return "万元"
    if "元" in text:
        return "元"
    return None


def parse_proactive(tokens: list[Token], spec: FormatSpec) -> ProactiveResult:
    """Table 二: sub-tables by 第二十条 item; rows the format names, custom rows a report
    adds (kept as printed, under the group row above them, e.g. 其他对外管理服务事项)."""
    assert spec.proactive is not None
    blocks = spec.proactive.blocks
    out = ProactiveResult()
    headings = {_heading_key(b.heading): b for b in blocks}
    block: ProactiveBlock | None = None
    parent: str | None = None
    headers: dict[str, str] = {}  # column key → printed header of the current block
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind != "label":
            i += 1
            continue
        hk = _heading_key(tok.text)
        if hk in headings or any(hk.startswith(h) for h in headings):
            block = headings.get(hk) or next(b for h, b in headings.items() if hk.startswith(h))
            parent, headers = None, {}
            i += 1
            continue
        if label_matches(tok.text, [spec.proactive.label_column]):
            i += 1
            continue
        column = next((c for b in ([block] if block else blocks) for c in b.columns if label_matches(tok.text, c.labels)), None)
        if column is not None:
            headers[column.key] = tok.text
            i += 1
            continue
        known = None
        for b in ([block] if block else []) + [b for b in blocks if b is not block]:
            known = next((r for r in b.rows if label_matches(tok.text, r.labels, min_prefix=99)), None)
            if known:
                if b is not block:
                    block, headers = b, {}
                break
        if block is None:
            i += 1
            continue
        values, j = _values_after(tokens, i)
        filled = [t for t in values if t.kind != "empty"]
        if not filled and j < len(tokens) and (known is None or known.group):
            parent = squeeze(tok.text)  # a group row heading the custom rows below it
            i = j
            continue
        if known is not None:
            parent = None
        item = squeeze(tok.text)
        placed, problem = align(values, len(block.columns), pad_first="right")
        base = f"proactive[{block.article} {item}]"
        if problem:
            out.notes.append(_note(base, f"“{item}”行：{problem}", tok, "row-values"))
        row_values: dict[str, int | float | None] = {}
        for col, cell in zip(block.columns, placed, strict=False):
            path = f"{base}.{col.key}"
            if cell is None or cell.kind == "dash":
                row_values[col.key] = None
                out.notes.append(
                    _note(path, (cell.note if cell else None) or f"“{col.label}”列为空", cell or tok, _cell_code(cell))
                )
                if cell is not None:
                    out.provenance[path] = cell.prov.to_dict()
                continue
            value = cell.value
            if cell.note:
                out.notes.append(_note(path, cell.note, cell, _cell_code(cell)))
            if col.money and _money_unit(headers.get(col.key), cell.unit) == "元" and value is not None:
                value = round(value / 10000, 6)
                out.notes.append(_note(path, f"金额以元填报（{cell.text.strip()}），已换算为万元", cell, "unit"))
            row_values[col.key] = value
            out.provenance[path] = cell.prov.to_dict()
        out.rows.append(
            ProactiveRow(
                article=block.article,
                item=item,
                parent=parent if known is None else None,
                values=row_values,
            )
        )
        out.provenance[base] = tok.prov.to_dict()
        i = j
    for b in blocks:
        for r in b.rows:
            if r.group:
                continue
            if not any(row.article == b.article and label_matches(row.item, r.labels, min_prefix=99) for row in out.rows):
                out.notes.append(
                    _note(f"proactive[{b.article} {r.item}]", f"未找到第二十条表格中的“{r.item}”行", None, "row-missing")
                )
    return out
