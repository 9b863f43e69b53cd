"""Character classes and text searches shared by the rules."""

from __future__ import annotations

from reportgen.checks.punctuation import is_chinese

__all__ = ["is_chinese", "is_han", "occurrences"]


def is_han(char: str) -> bool:
    """A CJK ideograph (not punctuation)."""
    code = ord(char)
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF


def occurrences(text: str, part: str) -> list[tuple[int, int]]:
    """The (start, end) of every occurrence of `part` in `text`, overlapping ones included."""
    spans = []
    start = text.find(part)
    while start >= 0:
        spans.append((start, start + len(part)))
        start = text.find(part, start + 1)
    return spans
