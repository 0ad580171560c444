"""The library's front door: each function here is one CLI command's whole job."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .errors import NianbaoError
from .outcome import ParseResult, Status
from .parse import document_to_record
from .readers import bytes_to_document, read_document
from .record import Report


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


_SKIP_SUFFIXES = {".db", ".sqlite", ".sqlite3", ".pyc"}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders walked (sorted, hidden files and databases left out)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and f.suffix.lower() not in _SKIP_SUFFIXES
            )
        else:
            out.append(p)
    return out


def load_record(path: str | Path) -> ParseResult:
    """A report in any format nianbao reads, or a record JSON as ``parse --json`` prints it."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(p.read_bytes())
            if not isinstance(data, dict) or not ({"title", "applications", "indicators", "template"} & data.keys()):
                raise ValueError("不是年报记录")
            return ParseResult(str(p), Status.SUCCESS, record=Report.model_validate(data))
        except OSError as exc:
            return ParseResult(str(p), Status.FAILURE, problems=[f"无法读取文件（{exc.strerror or exc}）"])
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            return ParseResult(str(p), Status.FAILURE, problems=[f"不是有效的年报记录 JSON（{first}）"])
    return parse(p)


@dataclass(slots=True)
class CheckRun:
    """What ``nianbao check`` found: findings for the files it could read, and the files it could not."""

    files: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)  # list[Finding]
    unreadable: list[ParseResult] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)

    @property
    def exit_status(self) -> int:
        return 2 if self.unreadable else 1 if self.count("error") else 0


def check(paths: Iterable[str | Path], disable: Iterable[str] = (), rollup: str | Path | None = None) -> CheckRun:
    """Check reports (files, record JSONs or folders): each on its own, the same agency's
    consecutive years together, and — with ``rollup`` naming the parent report — the
    parent's tables against the sum of the others'."""
    from .checks import check_reports, rollup_findings

    run = CheckRun()
    loaded: list[tuple[str | None, Report]] = []
    for path in expand_paths(paths):
        result = load_record(path)
        if result.record is None:
            run.unreadable.append(result)
            continue
        run.files.append(str(path))
        loaded.append((str(path), result.record))
    off = set(disable)
    run.findings = check_reports(loaded, off)
    if rollup is not None and "ROLLUP" not in off:
        parent = next((r for f, r in loaded if f is not None and Path(f).resolve() == Path(rollup).resolve()), None)
        if parent is None:
            result = load_record(rollup)
            parent = result.record
            if parent is None:
                run.unreadable.append(result)
        if parent is not None:
            units = [r for f, r in loaded if r is not parent]
            for f in rollup_findings(parent, units):
                f.file = str(rollup)
                run.findings.append(f)
    return run
