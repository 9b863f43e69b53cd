"""A line as a format reader finds it, before chrome, title and numbering are sorted out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawLine:
    text: str
    heading_level: int | None = None
    style: str = ""
    centered: bool = False
