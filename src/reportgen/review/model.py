"""What `reportgen check` finds: data only (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Place:
    """Where a finding's spot was written in the profile a report was rendered from: the file, and
    the 1-based line and column inside the field `path` holds. No line when the spot is text the
    templates wrote (numbering, headings, the sentences made from the figures)."""

    file: Path
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = ()  # the field, as the profile checks name it ("preamble", …)

    @property
    def field(self) -> str:
        return ".".join(map(str, self.path))


@dataclass(frozen=True)
class Finding:
    """One defect at one place: `start:end` is the spot inside the paragraph's text."""

    rule: str  # "P1" … (messages.review.RULES)
    severity: str  # "error", "warning" or "hint"
    paragraph: int  # 1-based, in reading order after the title; 0 for the title itself
    text: str  # the paragraph (or title) as written
    start: int
    end: int
    message: str
    correction: str = ""  # what to write instead of text[start:end]; "" when it needs a person
    heading: str = ""  # the heading the paragraph sits under
    safe_fixes: tuple[tuple[int, int, str], ...] = field(default=(), compare=False)  # for --fix
    place: Place | None = field(default=None, compare=False)  # in the profile, when a profile was checked

    @property
    def excerpt(self) -> str:
        """The spot marked 【…】 with a few characters either side."""
        return excerpt(self.text, self.start, self.end)


def excerpt(text: str, start: int, end: int) -> str:
    """`text[start:end]` marked 【…】 with a few characters either side."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    lead = "…" if start > 12 else ""
    tail = "…" if end + 12 < len(text) else ""
    return f"{lead}{before}【{text[start:end]}】{after}{tail}"


@dataclass(frozen=True)
class Correction:
    """One safe correction --fix makes: `text[start:end]` of a paragraph (0: the title) → `replacement`."""

    paragraph: int
    text: str  # the paragraph as read
    start: int
    end: int
    replacement: str

    @property
    def found(self) -> str:
        return self.text[self.start : self.end]

    @property
    def excerpt(self) -> str:
        return excerpt(self.text, self.start, self.end)


@dataclass(frozen=True)
class FixedCopy:
    """What --fix did with one file: the copy written (None when none was), the corrections in it,
    and the paragraphs left alone because their text could not be found in the file as read."""

    path: Path | None
    corrections: tuple[Correction, ...] = ()
    left: tuple[Correction, ...] = ()  # corrections not made, in paragraphs left alone
    of_profile: bool = False  # the copy is of the text a profile renders: the profile must be corrected
    problem: str = ""  # the Chinese reason no copy was written (one already there, a failed write)


@dataclass(frozen=True)
class Checked:
    """One file checked: its findings, and the year the report is about (None when unknown)."""

    findings: tuple[Finding, ...]
    year: int | None = None

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def exit_code(self) -> int:
        return 1 if self.count("error") else 0


@dataclass(frozen=True)
class CheckedFile:
    """What `reportgen check` did with one file: its findings, or why it could not be read."""

    path: Path
    checked: Checked | None = None
    fix: FixedCopy | None = None  # what --fix did; None without --fix
    problem: str = ""  # the Chinese reason it could not be read
    problem_exit: int = 2

    @property
    def fixed(self) -> Path | None:
        """The corrected copy written with --fix."""
        return self.fix.path if self.fix else None

    @property
    def changes(self) -> int:
        return len(self.fix.corrections) if self.fix and self.fix.path else 0

    @property
    def exit_code(self) -> int:
        if self.checked is None:
            return self.problem_exit
        if self.fix is not None and self.fix.problem:
            return 2  # asked for a copy and none could be written: a file problem, as an unreadable input
        return self.checked.exit_code
