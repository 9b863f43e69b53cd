"""Figure references in prose ({字段}, {同比:字段}) must name a figure the report has."""

from __future__ import annotations

from reportgen.checks.base import CheckContext, Finding, error
from reportgen.references import reference_problems


def check_references(context: CheckContext) -> list[Finding]:
    return [error(path, problem) for path, problem in reference_problems(context.texts, context.report)]
