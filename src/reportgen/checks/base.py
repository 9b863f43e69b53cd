"""The check contract: what a check looks at (CheckContext) and what it returns (Findings).

A check is a function `(CheckContext) -> list[Finding]`. A Finding names a path in the
profile (and, for text, the character inside it); validate.py turns it into a Diagnostic
with file, line, column and field title. Checks never print and never raise for a user's
mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel

from reportgen.derive import Report
from reportgen.errors import ProfilePath, Severity
from reportgen.schema.introspect import text_fields


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

    @cached_property
    def texts(self) -> list[tuple[ProfilePath, str]]:
        """Every string the clerk wrote, with its path (walked once for all the checks)."""
        return self._walked[0]

    @cached_property
    def models(self) -> list[tuple[ProfilePath, BaseModel]]:
        """Every part of the profile that holds text (the profile itself first), with its path."""
        return self._walked[1]

    @cached_property
    def _walked(self) -> tuple[list[tuple[ProfilePath, str]], list[tuple[ProfilePath, BaseModel]]]:
        texts: list[tuple[ProfilePath, str]] = []
        models: list[tuple[ProfilePath, BaseModel]] = []
        _walk(self.report.profile, (), texts, models)
        return texts, models


def _walk(value: object, path: ProfilePath, texts: list, models: list) -> None:  # type: ignore[type-arg]
    if isinstance(value, str):
        texts.append((path, value))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, (*path, index), texts, models)
    elif isinstance(value, BaseModel):
        models.append((path, value))
        for name in text_fields(type(value)):
            child = getattr(value, name)
            # Most optional fields are absent, most others plain text: neither needs another call.
            if isinstance(child, str):
                texts.append(((*path, name), child))
            elif child is not None:
                _walk(child, (*path, name), texts, models)


Check = Callable[[CheckContext], list[Finding]]
