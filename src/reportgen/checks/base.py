"""The check contract: what a check looks at (CheckContext) and what it returns (Findings).

A check is a function `(CheckContext) -> list[Finding]`. A Finding names a path in the
profile (and, for text, the character inside it); validate.py turns it into a Diagnostic
with file, line, column and field title. Checks never print and never raise for a user's
mistake.
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
