"""Outcomes as data: what parsing one file gave, or why it gave nothing.

A batch collects these; one bad file is one failed result among the others, never an
exception that stops the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .record import Report


class Status(StrEnum):
    SUCCESS = "success"  # a record with every table found
    PARTIAL = "partial"  # a record, but some tables or parts are missing (see problems)
    FAILURE = "failure"  # no record: not readable, or not an annual report


@dataclass(slots=True)
class ParseResult:
    file: str | None
    status: Status
    record: Report | None = None
    problems: list[str] = field(default_factory=list)  # Chinese sentences for end users

    @property
    def ok(self) -> bool:
        return self.record is not None

    def describe(self) -> str:
        """One line for stderr: the file and what was wrong."""
        name = self.file or "<stdin>"
        return f"{name}: {'；'.join(self.problems) or self.status.value}"
