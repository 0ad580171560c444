"""Document → report record. Pure: no file, database or network access here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..document import Document
from ..formats import FormatSpec, load_formats
from ..outcome import ParseResult, Status
from ..record import Note, Report, Source
from .indicators import parse_indicators
from .meta import find_agency, find_sections, find_title, find_year
from .tables import TableResult, parse_flat_grid, parse_grid, parse_proactive
from .tokens import Token, detect_format, route_tokens

__all__ = ["document_to_record"]


def _unpack(result: Any, attr: str) -> tuple[object, dict, list[Note]]:
    """(the table's value for the record, provenance, notes) of any table stage's result."""
    return getattr(result, attr), result.provenance, result.notes


def _best_applications(tokens: list[Token], chosen: FormatSpec) -> TableResult:
    """Table 三 read with each format's row set; the one that finds more rows wins.

    Real 2021-format reports sometimes keep the 2019 table 三 (one （六）其他处理 row)."""
    assert chosen.applications is not None
    best = parse_grid(tokens, chosen.applications, "applications")
    if best.matched == len(chosen.applications.rows):
        return best
    for spec in load_formats().values():
        if spec is not chosen and spec.applications is not None:
            other = parse_grid(tokens, spec.applications, "applications")
            if other.matched > best.matched:
                best = other
    return best


def document_to_record(doc: Document) -> ParseResult:
    """Read the record out of a document; a document that is no annual report fails with
    a sentence saying what was missing."""
    file = doc.origin.filename
    if not doc.blocks:
        if doc.origin.layout == "ocr":
            return ParseResult(file, Status.FAILURE, problems=["没有文字层（扫描件或图片），OCR 也未识别出任何文字"])
        return ParseResult(file, Status.FAILURE, problems=["文件为空，没有任何文字"])
    title, _ = find_title(doc)
    year = find_year(title, doc)
    routed = route_tokens(doc)
    spec = detect_format(routed, year)
    found = {k for k, toks in routed.items() if toks}
    if spec is None or not found:
        what = "未找到标题" if title is None else f"标题为“{title}”"
        return ParseResult(
            file,
            Status.FAILURE,
            problems=[f"不是政府信息公开工作年度报告：{what}，且未找到统计表（二、三、四或统计指标表）"],
        )
    report = Report(
        title=title,
        agency=find_agency(title),
        year=year,
        template=spec.id,
        source=Source(
            file=file,
            sha256=doc.origin.sha256,
            mimetype=doc.origin.mimetype,
            encoding=doc.origin.encoding,
            layout=doc.origin.layout,
        ),
    )
    notes: list[Note] = []
    if title is None:
        notes.append(Note(field="title", message="未找到报告标题"))
    if year is None:
        notes.append(Note(field="year", message="未能确定报告年度"))
    report.sections = find_sections(doc.paragraphs, spec.parts)
    problems: list[str] = []

    stages: dict[str, Callable[[list[Token]], tuple[object, dict, list[Note]]]] = {
        "proactive": lambda t: _unpack(parse_proactive(t, spec), "rows"),
        "applications": lambda t: _unpack(_best_applications(t, spec), "values"),
        "review_litigation": lambda t: _unpack(parse_flat_grid(t, spec.review_litigation, "review_litigation"), "values"),
        "indicators": lambda t: _unpack(parse_indicators(t, spec), "rows"),
    }
    for table, stage in stages.items():
        if getattr(spec, table) is None:
            continue
        if not routed[table]:
            problems.append(f"缺少表格“{getattr(spec, table).title}”")
            continue
        value, provenance, table_notes = stage(routed[table])
        setattr(report, table, value)
        report.provenance.update(provenance)
        notes.extend(table_notes)
    for p in problems:
        notes.append(Note(field=None, message=p, code="table-missing"))
    report.notes = notes
    return ParseResult(file, Status.PARTIAL if problems else Status.SUCCESS, record=report, problems=problems)
