"""Character classes and text searches shared by the rules."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property

from reportgen.checks.punctuation import is_chinese

__all__ = ["CLAUSE_MARKS", "MARK", "Joined", "is_chinese", "is_han", "occurrences"]

# The marks that end a clause (two in a row are a doubled mark, P4).
CLAUSE_MARKS = "，、；。！？：,;:!?"
# What each of them is written as in Joined.marked: a line break no paragraph holds (they are lines).
MARK = "\r"


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


class Joined:
    """A report's paragraphs joined by line breaks, so that a rule's screen (its `suspects`) is
    one regex pass over the whole text instead of one call per paragraph, and the rule's full
    scan runs only on the few paragraphs the screen cannot rule out.

    The paragraphs must not contain a line break, MARK's included (they are lines of text), and
    a screen's pattern must not match one: then every match lies within one paragraph."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self.text = "\n".join(paragraphs)
        self._starts: list[int] = []
        start = 0
        for paragraph in paragraphs:
            self._starts.append(start)
            start += len(paragraph) + 1

    @cached_property
    def marked(self) -> str:
        """`text` with every clause mark written as MARK, one character for one: for the screens
        that look at the marks (two in a row, the clauses between them). str.replace per mark
        present is several times faster than a regex finding them in the text."""
        marked = self.text
        for mark in CLAUSE_MARKS:
            if mark in marked:
                marked = marked.replace(mark, MARK)
        return marked

    def holding(self, offsets: Iterable[int]) -> set[int]:
        """The indexes of the paragraphs the offsets of `self.text` fall in."""
        return {bisect_right(self._starts, offset) - 1 for offset in offsets}

    def matching(self, pattern: re.Pattern[str]) -> set[int]:
        """The indexes of the paragraphs in which `pattern` matches."""
        return self.holding(match.start() for match in pattern.finditer(self.text))
