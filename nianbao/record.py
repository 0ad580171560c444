"""The report record of shared/spec/report-json.md, as typed models with JSON in and out.

Values stay plain (numbers or null); where each came from is kept beside them in
``provenance`` (keyed by the value's path, e.g. ``applications.granted[6]``), and every
doubt the parser had is a ``Note``. Neither is ever mixed into the values.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

Number = int | float


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Section(_Model):
    heading: str
    text: str = ""
    line: int | None = None


class ProactiveRow(_Model):
    article: str
    item: str
    parent: str | None = None
    values: dict[str, Number | None] = Field(default_factory=dict)


class Indicator(_Model):
    label: str
    unit: str | None = None
    value: Number | None = None
    path: list[str] = Field(default_factory=list)


class Note(_Model):
    """A doubt about one value or part: why it is null, or why it needs a second look."""

    field: str | None = None
    message: str
    code: str | None = None  # cell-empty, dash, annotated, unit, extra-values, few-values, row-missing, table-missing
    line: int | None = None
    page: int | None = None


class Source(_Model):
    file: str | None = None
    sha256: str | None = None
    mimetype: str | None = None
    encoding: str | None = None
    layout: str | None = None


class Report(_Model):
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    template: str | None = None
    sections: dict[str, Section] = Field(default_factory=dict)
    proactive: list[ProactiveRow] | None = None
    applications: dict[str, list[Number | None]] | None = None
    review_litigation: dict[str, list[Number | None]] | None = None
    indicators: list[Indicator] | None = None
    provenance: dict[str, dict[str, Any]] = Field(default_factory=dict)
    notes: list[Note] = Field(default_factory=list)
    source: Source | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as report-json.md lays it out: absent tables are absent, not null."""
        data = self.model_dump(mode="json")
        for key in ("proactive", "applications", "review_litigation", "indicators", "source"):
            if data.get(key) is None:
                data.pop(key, None)
        for row in data.get("proactive") or []:
            if row.get("parent") is None:
                row.pop("parent", None)
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        return cls.model_validate(json.loads(text))

    def value_at(self, field: str) -> Any:
        """The value at a provenance-style path such as ``applications.granted[6]``."""
        table, _, rest = field.partition(".")
        key, _, idx = rest.partition("[")
        rows = getattr(self, table)
        if rows is None:
            return None
        values = rows.get(key)
        if values is None:
            return None
        i = int(idx.rstrip("]"))
        return values[i] if i < len(values) else None
