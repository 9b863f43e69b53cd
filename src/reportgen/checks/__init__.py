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
    """A problem at `path`; `offset`, when given, is the character inside that string value
    the problem is at (counted from its first non-blank character, as the schema strips
    it), so the clerk is sent to that line and column rather than to the key."""

    severity: Severity
    path: ProfilePath
    message: str
    offset: int | None = None


def error(path: ProfilePath, message: str, *, offset: int | None = None) -> Finding:
    return Finding(Severity.ERROR, path, message, offset)


def warning(path: ProfilePath, message: str, *, offset: int | None = None) -> Finding:
    return Finding(Severity.WARNING, path, message, offset)


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at: the derived report, and lines for cross-references."""

    report: Report
    line_of: Callable[[ProfilePath], int | None] = field(default=lambda path: None)


Check = Callable[[CheckContext], list[Finding]]


def all_checks() -> list[Check]:
    from reportgen.checks import (
        figures,
        figures_in_text,
        output_name,
        publication,
        punctuation,
        references,
        regulation,
        structure,
        text,
        typed_numbering,
    )

    return [
        figures.check_parts_within_whole,
        figures.check_sums,
        figures.check_typed_rates,
        figures.check_approximate_counts,
        figures.check_figures_stated_once,
        structure.check_areas,
        structure.check_numbering_fits,
        regulation.check_required_parts,
        regulation.check_causes_given,
        regulation.check_dates,
        publication.check_document_number,
        publication.check_index_number,
        publication.check_title_lines,
        publication.check_signature_given,
        output_name.check_output_name,
        references.check_references,
        figures_in_text.check_figures_in_text,
        text.check_text,
        text.check_paragraph_ends,
        punctuation.check_punctuation,
        typed_numbering.check_numbering,
    ]


def run_checks(context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for check in all_checks():
        findings.extend(check(context))
    return findings
