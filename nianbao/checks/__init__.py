"""Record → findings. Pure functions; every rule of shared/spec/checks.md by its id.

``check_report`` runs the one-report rules, ``check_reports`` adds the cross-year rules
for the same agency's consecutive reports, ``rollup_findings`` compares a parent with its units.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..formats import get_format
from ..record import Report
from . import tables as _tables  # noqa: F401  (registers its rules)
from . import text as _text  # noqa: F401
from .crossyear import agency_key, pair_findings, rollup_findings, same_agency, series_findings
from .finding import SEVERITIES, Finding
from .registry import REPORT_RULES, RULES, Rule

__all__ = [
    "RULES",
    "SEVERITIES",
    "Finding",
    "Rule",
    "agency_key",
    "check_report",
    "check_reports",
    "pair_findings",
    "rollup_findings",
    "same_agency",
]


def check_report(report: Report, file: str | None = None, disable: Iterable[str] = ()) -> list[Finding]:
    """Every one-report rule not in ``disable``, errors first."""
    off = set(disable)
    spec = get_format(report.template or "2021")
    out: list[Finding] = []
    for fn in REPORT_RULES.values():
        for f in fn(report, spec):
            if f.rule not in off:
                f.file = file
                out.append(f)
    out.sort(key=lambda f: SEVERITIES.index(f.severity))
    return out


def check_reports(reports: list[tuple[str | None, Report]], disable: Iterable[str] = ()) -> list[Finding]:
    """One-report rules on each, then X-* rules on every agency's consecutive years."""
    off = set(disable)
    out: list[Finding] = []
    for file, report in reports:
        out.extend(check_report(report, file, off))
    for file, f in series_findings(reports):
        if f.rule not in off:
            f.file = file
            out.append(f)
    return out
