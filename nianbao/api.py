"""The library's front door: each function here is one CLI command's whole job."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import NianbaoError
from .outcome import ParseResult, Status
from .parse import document_to_record
from .readers import bytes_to_document, read_document


def parse(path: str | Path) -> ParseResult:
    """Parse one report file. Never raises for bad input: a file that cannot be read or is
    not an annual report gives a failed result saying why."""
    try:
        doc = read_document(path)
    except NianbaoError as exc:
        return ParseResult(str(path), Status.FAILURE, problems=[str(exc)])
    return document_to_record(doc)


def parse_bytes(data: bytes, filename: str | None = None) -> ParseResult:
    try:
        doc = bytes_to_document(data, filename)
    except NianbaoError as exc:
        return ParseResult(filename, Status.FAILURE, problems=[str(exc)])
    return document_to_record(doc)


def parse_text(text: str, filename: str | None = None) -> ParseResult:
    """Parse report text that is already decoded."""
    from .document import Origin
    from .readers import text_to_document

    return document_to_record(text_to_document(text, Origin(filename=filename, mimetype="text/plain")))


def parse_many(paths: Iterable[str | Path]) -> Iterator[ParseResult]:
    """Results in the order given; one bad file is one failed result, the rest go on."""
    for path in paths:
        try:
            yield parse(path)
        except Exception as exc:  # a bug of ours must not lose the other 9,999 files
            yield ParseResult(str(path), Status.FAILURE, problems=[f"内部错误：{type(exc).__name__}: {exc}"])
