"""What an import found and what it did not: the data `reportgen import` prints as its summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class ImportSummary:
    source: Path
    target: Path | None = None
    name: str = ""
    level: str = ""  # its Chinese title: 县（区、市、旗）…
    year: int | None = None
    title: str = ""
    parts: list[tuple[str, str]] = field(default_factory=list)  # (heading as written, the part it fills)
    areas: int = 0
    measures: int = 0
    items: int = 0
    numbering: list[str] = field(default_factory=list)
    figures: int = 0
    stray_paragraphs: int = 0
    not_found: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # guesses taken back because the profile rejected them


@dataclass(frozen=True)
class ImportedProfile:
    """What `reportgen import` wrote, what it found, and the written profile's check."""

    path: Path
    schema: Path
    summary: ImportSummary
    result: Any  # reportgen.validate.ValidationResult


@dataclass(frozen=True)
class NewProfile:
    """What `reportgen new --from` wrote, what the clerk has to do, and its check."""

    path: Path
    todo: NextYearTodo
    result: Any  # reportgen.validate.ValidationResult


@dataclass
class NextYearTodo:
    """What next year's draft leaves to the clerk: counted for the summary `new` prints."""

    texts: int = 0  # texts carried over, marked "去年的内容，请改写"
    figures: int = 0  # figures emptied
    titles_with_year: int = 0  # titles whose year was moved on
