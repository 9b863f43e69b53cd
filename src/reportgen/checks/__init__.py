"""Rules beyond the schema: figures that must agree, and what the regulation requires.

Each check is a function `(CheckContext) -> list[Finding]`. A Finding names a path in the
profile; validate.py turns it into a Diagnostic with file, line, column and field title.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportgen.derive import Report
from reportgen.errors import ProfilePath, Severity


@dataclass(frozen=True)
class Finding:
    severity: Severity
    path: ProfilePath
    message: str


def error(path: ProfilePath, message: str) -> Finding:
    return Finding(Severity.ERROR, path, message)


def warning(path: ProfilePath, message: str) -> Finding:
    return Finding(Severity.WARNING, path, message)


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at: the derived report, and lines for cross-references."""

    report: Report
    line_of: Callable[[ProfilePath], int | None] = field(default=lambda path: None)


Check = Callable[[CheckContext], list[Finding]]


def all_checks() -> list[Check]:
    from reportgen.checks import figures, publication, regulation, structure, text

    return [
        figures.check_parts_within_whole,
        figures.check_sums,
        figures.check_typed_rates,
        figures.check_approximate_counts,
        figures.check_figures_stated_once,
        structure.check_areas,
        regulation.check_required_parts,
        regulation.check_causes_given,
        regulation.check_dates,
        publication.check_document_number,
        publication.check_index_number,
        publication.check_title_lines,
        text.check_text,
    ]


def run_checks(context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for check in all_checks():
        findings.extend(check(context))
    return findings
