"""What `reportgen check` finds: data only (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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

    @property
    def excerpt(self) -> str:
        """The spot marked 【…】 with a few characters either side."""
        before = self.text[max(0, self.start - 12) : self.start]
        after = self.text[self.end : self.end + 12]
        lead = "…" if self.start > 12 else ""
        tail = "…" if self.end + 12 < len(self.text) else ""
        return f"{lead}{before}【{self.text[self.start : self.end]}】{after}{tail}"


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
    fixed: Path | None = None  # the corrected copy written with --fix
    changes: int = 0
    problem: str = ""  # the Chinese reason it could not be read
    problem_exit: int = 2

    @property
    def exit_code(self) -> int:
        if self.checked is None:
            return self.problem_exit
        return self.checked.exit_code
