"""``nianbao demo``: the whole job on built-in data, on a fresh machine.

Makes a handful of reports of made-up agencies with our own renderer (every text layout,
UTF-8 and GB18030), parses them back, compares every value with the ground truth written
beside each file, stores the records in an embedded SQLite database and prints a summary.
"""

from __future__ import annotations

import json
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .api import parse
from .record import Report
from .render import LAYOUTS, render_text
from .synth import synth_record


@dataclass(slots=True)
class DemoRow:
    file: Path
    agency: str
    year: int
    template: str
    layout: str
    values: int
    wrong: int


def _values(report: Report) -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, vals in (report.applications or {}).items():
        for i, v in enumerate(vals):
            flat[f"applications.{key}[{i}]"] = v
    for key, vals in (report.review_litigation or {}).items():
        for i, v in enumerate(vals):
            flat[f"review_litigation.{key}[{i}]"] = v
    for row in report.proactive or []:
        for k, v in row.values.items():
            flat[f"proactive[{row.article} {row.item}].{k}"] = v
    for k in ("title", "agency", "year", "template"):
        flat[k] = getattr(report, k)
    return flat


def run_demo(out: Path, n: int = 8, seed: int = 2024) -> list[DemoRow]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    db = sqlite3.connect(out / "nianbao.db")
    db.execute(
        "CREATE TABLE IF NOT EXISTS reports (file TEXT PRIMARY KEY, agency TEXT, year INTEGER, "
        "template TEXT, record TEXT NOT NULL)"
    )
    rows = []
    for i in range(n):
        truth = synth_record(rng, year=[2019, 2020, 2021, 2022, 2023, 2024, 2025][i % 7])
        layout = LAYOUTS[i % len(LAYOUTS)]
        path = out / f"report-{i + 1:02d}-{layout}.txt"
        path.write_bytes(render_text(truth, layout).encode("gb18030" if i % 3 == 2 else "utf-8"))
        path.with_suffix(".json").write_text(truth.to_json(), encoding="utf-8")
        result = parse(path)
        assert result.record is not None, result.describe()
        want, got = _values(truth), _values(result.record)
        wrong = sum(got.get(k) != v for k, v in want.items())
        db.execute(
            "INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?, ?)",
            (path.name, result.record.agency, result.record.year, result.record.template, result.record.to_json(None)),
        )
        rows.append(DemoRow(path, truth.agency or "", truth.year or 0, truth.template or "", layout, len(want), wrong))
    db.commit()
    db.close()
    return rows


def summary(out: Path) -> list[tuple[str, int, int]]:
    """Applications received per agency and year, as the database holds them."""
    with sqlite3.connect(out / "nianbao.db") as db:
        return [
            (agency, year, json.loads(rec)["applications"]["new_received"][-1])
            for agency, year, rec in db.execute("SELECT agency, year, record FROM reports ORDER BY year, agency")
        ]
