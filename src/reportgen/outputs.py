"""Output file names, safe on any jurisdiction name, and profiles that would share one.

The name is "<jurisdiction>-<year>-法治政府建设年度报告.<format>"; the jurisdiction part is
whatever the clerk typed, so it is made safe here, in one place, for `validate` (a warning
saying what the file will be called, or an error when nothing usable is left) and for
`build` (the name written). The rules, in order:

- Path separators (/ \\) and the characters Windows forbids (< > : " | ? *) are *replaced*
  by "_", so "教育局/体育局" stays readable as two words.
- Control characters are *dropped*, except line breaks and tabs, which become a space
  (a name pasted across two lines keeps its word break). Invisible format characters
  (bidirectional overrides U+202A–202E and U+2066–2069, marks U+200E/F, zero-width
  characters, BOM) and lone surrogates are *dropped*: the clerk never saw them.
  Private-use and not-yet-assigned characters are kept: rare place-name characters live
  there in older fonts, or in CJK blocks newer than this Python's Unicode tables.
- Dots, tildes, dashes, underscores and spaces are stripped from both ends: a leading
  "." hides the file, "~" means the home folder to a shell, "-" reads as an option, and
  ".." is the parent folder. Whatever is left of a name like ".." or "////" is empty:
  `validate` reports that as an error.
- A Windows device name (CON, NUL, COM1 …) before the first dot gets "_" appended
  ("CON.x" → "CON_.x"). Plain "CON" is kept: "CON-2024-…docx" is not a device name.
- The whole file name stays within MAX_NAME_BYTES of UTF-8, the jurisdiction part
  shortened on a character boundary.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportgen import messages
from reportgen.errors import Diagnostic, ProfilePath, Severity
from reportgen.fsutil import TEMP_NAME_EXTRA
from reportgen.schema import Profile
from reportgen.schema.introspect import field_title

if TYPE_CHECKING:
    from reportgen.validate import ValidationResult

REPORT_WORDS = "法治政府建设年度报告"
FORMATS = ("docx", "html", "txt", "pdf")
# ext4, NTFS, APFS: 255 bytes a file name. The temporary sibling written first
# (".<name>.XXXXXXXX.old.tmp") must fit as well.
MAX_NAME_BYTES = 255 - TEMP_NAME_EXTRA

_REPORT_FILE = re.compile(rf"^.+-\d+-{REPORT_WORDS}\.(?:{'|'.join(FORMATS)})$")
_NAME: ProfilePath = ("jurisdiction", "name")
_YEAR: ProfilePath = ("year",)
_REPLACED = frozenset('/\\<>:"|?*')
_EDGES = re.compile(r"^[\s._~-]+|[\s._~-]+$")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"]
)


class Change(enum.Enum):
    """Why a jurisdiction name was changed to become a file name (messages say it in Chinese)."""

    SEPARATOR = "separator"
    WINDOWS = "windows"
    CONTROL = "control"
    INVISIBLE = "invisible"
    EDGES = "edges"
    RESERVED = "reserved"
    TOO_LONG = "too_long"


@dataclasses.dataclass(frozen=True)
class SafeStem:
    """The jurisdiction part of the file name ("" when nothing usable is left) and why it
    differs from the name typed."""

    text: str
    changes: tuple[Change, ...] = ()


def is_report_file_name(name: str) -> bool:
    """Whether `name` is a report file ("…-2024-法治政府建设年度报告.docx"): the only temp files a
    build cleans up are those of such files."""
    return _REPORT_FILE.match(name) is not None


def report_base_name(stem: str, year: int) -> str:
    """托克逊县-2024-法治政府建设年度报告 (the file name without its extension)."""
    return f"{stem}-{year}-{REPORT_WORDS}"


def safe_stem(name: str, year: int) -> SafeStem:
    """The jurisdiction name made safe as the first part of a file name (rules above)."""
    changes: list[Change] = []
    text = _clean_characters(unicodedata.normalize("NFC", name), changes)
    text = _strip_edges(text, changes)
    text = _avoid_device_name(text, changes)
    budget = MAX_NAME_BYTES - len(report_base_name("", year).encode()) - len(".") - max(map(len, FORMATS))
    if len(text.encode("utf-8")) > budget:
        text = _strip_edges(_shorten(text, budget), [])
        changes.append(Change.TOO_LONG)
    return SafeStem(text, tuple(dict.fromkeys(changes)))


def _clean_characters(name: str, changes: list[Change]) -> str:
    kept: list[str] = []
    for char in name:
        category = unicodedata.category(char)
        if char in _REPLACED:
            kept.append("_")
            changes.append(Change.SEPARATOR if char in "/\\" else Change.WINDOWS)
        elif category in ("Cc", "Zl", "Zp"):
            kept.append(" " if char.isspace() else "")
            changes.append(Change.CONTROL)
        elif category in ("Cf", "Cs"):
            changes.append(Change.INVISIBLE)
        else:
            kept.append(char)
    return "".join(kept)


def _strip_edges(text: str, changes: list[Change]) -> str:
    stripped = _EDGES.sub("", text)
    if stripped != text.strip():
        changes.append(Change.EDGES)
    return stripped


def _avoid_device_name(text: str, changes: list[Change]) -> str:
    head, dot, rest = text.partition(".")
    if dot and head.rstrip(" ").upper() in _RESERVED:
        changes.append(Change.RESERVED)
        return f"{head}_{dot}{rest}"
    return text


def _shorten(text: str, budget: int) -> str:
    encoded = text.encode("utf-8")[:budget]
    return encoded.decode("utf-8", errors="ignore")  # drops a character cut in half


# ---------------------------------------------------------------- one run, many profiles


def clashes(base_names: Sequence[str | None]) -> dict[int, list[int]]:
    """For each position whose base name another position shares: those other positions.
    (None: the profile writes nothing and claims no name.)

    Names are compared after NFC and case folding: on Windows and macOS "ABC" and "abc"
    are one file, and an output folder is often copied there.
    """
    by_key: dict[str, list[int]] = {}
    for index, name in enumerate(base_names):
        if name is not None:
            by_key.setdefault(unicodedata.normalize("NFC", name).casefold(), []).append(index)
    return {
        index: [other for other in group if other != index]
        for group in by_key.values()
        if len(group) > 1
        for index in group
    }


def output_base_name(profile: Profile) -> str | None:
    """The base name this profile's files are written under; None when its name leaves
    nothing usable (checks.output_name reports that as an error)."""
    stem = safe_stem(profile.jurisdiction.name, profile.year).text
    return report_base_name(stem, profile.year) if stem else None


def _base_name(result: ValidationResult) -> str | None:
    if not result.ok:
        return None
    return output_base_name(result.profile) if result.profile is not None else result.base_name


def refuse_shared_names(results: Sequence[ValidationResult]) -> list[ValidationResult]:
    """The results, where each valid profile that would write the same file as another gets an
    error at its `jurisdiction.name` naming the others: none of them is written (the usual
    cause is a copy of last year's profile whose year was not changed yet)."""
    names = [_base_name(result) for result in results]
    shared = clashes(names)
    return [
        _refused(result, names[index] or "", [results[other] for other in shared[index]]) if index in shared else result
        for index, result in enumerate(results)
    ]


def _refused(result: ValidationResult, base_name: str, others: list[ValidationResult]) -> ValidationResult:
    line, column = result.positions.get(_NAME, (None, None))
    year_line = result.positions.get(_YEAR, (None, None))[0]
    places = [f"{other.path}:{other.positions.get(_NAME, (None, None))[0]}" for other in others]
    message = messages.same_output(base_name, places, year_line)
    clash = Diagnostic(Severity.ERROR, result.path, line, column, _NAME, field_title(Profile, _NAME), message)
    diagnostics = sorted([*result.diagnostics, clash], key=lambda d: (d.line or 0, d.column or 0, not d.is_error))
    return dataclasses.replace(result, diagnostics=diagnostics)
