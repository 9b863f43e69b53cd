"""User errors and the Diagnostic every check returns.

Anything else raised is reportgen's own bug: the CLI's one boundary (cli.main) logs it to a
file and tells the clerk so, without a traceback.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


# A path into the profile as YAML keys and list indices, e.g. ("publication", "signatories", 0).
ProfilePath = tuple[str | int, ...]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a profile: where it is, which field, and what is wrong.

    `line` and `column` are 1-based (as printed); None when the problem has no place in
    the file (e.g. the file as a whole). `title` is the field's Chinese title.
    """

    severity: Severity
    file: Path
    line: int | None
    column: int | None
    path: ProfilePath
    title: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def dotted_path(self) -> str:
        return format_path(self.path)


def format_path(path: ProfilePath) -> str:
    """("a", "b", 2, "c") -> "a.b[2].c", the form messages show (a key's invisible
    characters named, as in every value shown: messages.show_text)."""
    from reportgen.messages.values import show_text

    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = show_text(str(part))
            text += f".{key}" if text else key
    return text


class ReportgenError(Exception):
    """A user's mistake or a condition the user can fix: always a Chinese message.

    `exit_code` follows the CLI contract: 1 for an invalid profile, 2 for usage or file
    errors. The CLI catches this class once, at one boundary.
    """

    exit_code = 2

    def __init__(self, message: str, *, diagnostics: list[Diagnostic] | None = None):
        super().__init__(message)
        self.message = message
        self.diagnostics = diagnostics or []


class FileProblem(ReportgenError):
    """The file cannot be read as a profile at all (missing, too large, not UTF-8)."""

    exit_code = 2


class InvalidProfile(ReportgenError):
    """The file was read but is not a valid profile (YAML syntax, schema, figures)."""

    exit_code = 1
