"""What a build produced, profile by profile, and the batch in numbers (for the CLI's summary)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.validate import ValidationResult


@dataclass(frozen=True)
class BuiltReport:
    """What one profile produced: its validation, the files written, the placeholders left in
    it, or why it was not built."""

    result: ValidationResult
    written: tuple[Path, ...] = ()
    placeholders: tuple[tuple[str, str], ...] = ()  # (heading it sits under, prompt) of each 【待填写】
    notices: tuple[str, ...] = ()  # warnings about the output itself (e.g. fonts missing for the PDF)
    refused: bool = False  # --final: not written, because placeholders remain
    failure: str | None = None  # rendering or writing failed: why, in Chinese
    failure_code: int = 0  # the exit code that failure asks for (1 template, 2 file)

    @property
    def exit_code(self) -> int:
        if self.failure is not None:
            return self.failure_code
        return 1 if self.refused else self.result.exit_code


@dataclass
class BuildTally:
    """A batch in numbers, for the summary line and the exit code."""

    built: int = 0
    warned: int = 0  # built, with warnings (about the profile or the output)
    failed: int = 0
    exit_code: int = 0

    def add(self, report: BuiltReport) -> None:
        if report.written:
            self.built += 1
            self.warned += bool(report.result.warnings or report.notices)
        else:
            self.failed += 1
        self.exit_code = max(self.exit_code, report.exit_code)
