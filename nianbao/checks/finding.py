"""A finding: one thing wrong (or worth a look) in a report, as data.

Shape per shared/spec/checks.md; ``message`` is Chinese, ``message_en`` English, and
``source`` lists where the values involved were printed (from the record's provenance).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

SEVERITIES = ("error", "warning", "notice")


class Finding(BaseModel):
    rule: str
    severity: str
    file: str | None = None
    message: str
    message_en: str = ""
    where: dict[str, Any] = Field(default_factory=dict)
    expected: Any = None
    found: Any = None
    source: list[dict[str, Any]] = Field(default_factory=list)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude={"message_en"})
        if lang == "en" and self.message_en:
            data["message"] = self.message_en
        return data
