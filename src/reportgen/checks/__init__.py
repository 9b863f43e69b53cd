"""Rules beyond the schema: figures that must agree, what the regulation requires, the text.

One module per kind of rule; each rule is a function `(CheckContext) -> list[Finding]`
(the contract is in base.py). To add a check: write the function in the module of its
kind (or a new one), return Findings with a message from reportgen.messages, and list it
in `all_checks` below.
"""

from __future__ import annotations

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
from reportgen.checks.base import Check, CheckContext, Finding, error, warning

__all__ = ["Check", "CheckContext", "Finding", "all_checks", "error", "run_checks", "warning"]


def all_checks() -> list[Check]:
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
