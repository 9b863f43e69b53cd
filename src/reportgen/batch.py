"""What a build produced, profile by profile, and the batch in numbers (for the CLI's summary)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.validate import ValidationResult

if TYPE_CHECKING:
    from reportgen.review.model import Finding as ReviewFinding


@dataclass(frozen=True)
class BuiltReport:
    """What one profile produced: its validation, the files written, the placeholders left in
    it, or why it was not built."""

    result: ValidationResult
    written: tuple[Path, ...] = ()
    placeholders: tuple[tuple[str, str], ...] = ()  # (heading it sits under, prompt) of each 【待填写】
    notices: tuple[str, ...] = ()  # warnings about the output itself (e.g. fonts missing for the PDF)
    proofread: tuple[ReviewFinding, ...] = ()  # what `reportgen check`'s text rules find in the written text
    refused: bool = False  # --final: not written, because placeholders remain
    failure: str | None = None  # rendering or writing failed: why, in Chinese
    failure_code: int = 0  # the exit code that failure asks for (1 template, 2 file)

    @property
    def exit_code(self) -> int:
        if self.failure is not None:
            return self.failure_code
        return 1 if self.refused else self.result.exit_code


@dataclass(frozen=True)
class ProfileOutcome:
    """One line of a batch's summary: a profile, what became of it, and why (for the table and --report)."""

    profile: Path
    status: str  # "built", "warnings" or "failed"
    errors: int
    warnings: int
    files: tuple[Path, ...]
    reason: str  # why it was not built; "" when it was


@dataclass
class BuildTally:
    """A batch in numbers, for the summary line, the table of failed profiles and the exit code."""

    built: int = 0
    warned: int = 0  # built, with warnings (about the profile or the output)
    failed: int = 0
    exit_code: int = 0
    outcomes: list[ProfileOutcome] = field(default_factory=list)

    def add(self, report: BuiltReport) -> None:
        result = report.result
        if report.written:
            self.built += 1
            # A hint (an outdated formulation) is shown, not counted: the report may still be right.
            proofread = [finding for finding in report.proofread if finding.severity != "hint"]
            warned = bool(result.warnings or report.notices or proofread)
            self.warned += warned
            status, reason = ("warnings" if warned else "built"), ""
        else:
            self.failed += 1
            status, reason = "failed", _reason(report)
        self.exit_code = max(self.exit_code, report.exit_code)
        self.outcomes.append(
            ProfileOutcome(
                result.path,
                status,
                len(result.errors),
                len(result.warnings) + len(report.proofread),
                report.written,
                reason,
            )
        )

    @property
    def failures(self) -> list[ProfileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]


def _reason(report: BuiltReport) -> str:
    from reportgen import messages

    if report.failure is not None:
        return report.failure
    if report.refused:
        return messages.reason_placeholders(len(report.placeholders))
    if report.result.file_problem:
        return report.result.diagnostics[0].message if report.result.diagnostics else messages.reason_errors(1)
    return messages.reason_errors(len(report.result.errors))
