"""A line as a format reader finds it, before chrome, title and numbering are sorted out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawLine:
    text: str
    heading_level: int | None = None
    style: str = ""
    centered: bool = False
    # Where the line is in its file, for `check --fix` (reader.docx.DocxSource, reader.html.MappedText);
    # None for plain text.
    source: Any = field(default=None, compare=False, repr=False)
