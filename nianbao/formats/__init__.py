"""The official report formats, loaded from the declarative files in ``data/``.

A new format version is a new YAML file here; ``load_formats`` picks it up.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from .spec import (
    Column,
    FormatSpec,
    GridTable,
    Identity,
    IndicatorNode,
    IndicatorTable,
    Part,
    ProactiveBlock,
    ProactiveTable,
    Row,
)

__all__ = [
    "Column",
    "FormatSpec",
    "GridTable",
    "Identity",
    "IndicatorNode",
    "IndicatorTable",
    "Part",
    "ProactiveBlock",
    "ProactiveTable",
    "Row",
    "format_for_year",
    "grid_for",
    "get_format",
    "load_formats",
]


def _raw_files() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for entry in sorted(resources.files(__package__).joinpath("data").iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".yaml", ".yml")):
            raw = yaml.safe_load(entry.read_text(encoding="utf-8"))
            out[str(raw["id"])] = raw
    return out


def _resolve(raw: dict[str, Any], raws: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Fill the sections a file leaves out from its ``base`` format."""
    base_id = raw.get("base")
    if base_id is None:
        return raw
    merged = dict(_resolve(raws[str(base_id)], raws))
    merged.update({k: v for k, v in raw.items() if k != "base"})
    return merged


@cache
def load_formats() -> dict[str, FormatSpec]:
    """Every known format by id, newest first (by first report year)."""
    raws = _raw_files()
    specs = [FormatSpec.model_validate(_resolve(raw, raws)) for raw in raws.values()]
    specs.sort(key=lambda s: s.years.first or 0, reverse=True)
    return {s.id: s for s in specs}


def get_format(format_id: str) -> FormatSpec:
    try:
        return load_formats()[format_id]
    except KeyError:
        raise KeyError(f"unknown format {format_id!r}; known: {', '.join(load_formats())}") from None


def format_for_year(year: int) -> FormatSpec:
    """The format a report on ``year`` should use (rule TEMPLATE-YEAR)."""
    for spec in load_formats().values():
        if spec.years.covers(year):
            return spec
    return next(iter(load_formats().values()))


def grid_for(table: str, row_keys: list[str], preferred: FormatSpec) -> GridTable | None:
    """The grid layout whose rows a record's table uses: the preferred format's, or another
    format's when the report kept an older table (a 2021 report with the 2019 table 三)."""
    grid = preferred.grid_tables.get(table)
    if grid is None or not row_keys or grid.row_keys == row_keys:
        return grid
    for spec in load_formats().values():
        other = spec.grid_tables.get(table)
        if other is not None and other.row_keys == row_keys:
            return other
    return grid
