"""Punctuation (GB/T 15834-2011): half-width marks and straight quotes in Chinese text,
unbalanced 《》“”‘’（）【】, doubled marks, and a space between two Chinese characters.

Half-width marks and straight quotes are found by the profile check's own logic
(checks/punctuation.py), so a report and a profile are judged alike; 3,000, 9:00, URLs and
English names are left alone there. One finding per paragraph and rule, at the first spot,
carrying every spot for --fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from reportgen import messages
from reportgen.checks.punctuation import _half_width_marks, _straight_quotes
from reportgen.review.model import Finding
from reportgen.review.text import CLAUSE_MARKS, MARK, Joined, is_han, occurrences

PAIRS = (("《", "》"), ("“", "”"), ("‘", "’"), ("（", "）"), ("【", "】"))
_MARKS = {opening: re.compile(f"[{opening}{closing}]") for opening, closing in PAIRS}
# Two or more marks in a row, of one kind or not, either width: "，，" "。，" "。," ",，".
_DOUBLED = re.compile(f"[{CLAUSE_MARKS}]{{2,}}")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_EXCLAMATIONS = frozenset("！？")  # "？！" and "！？" are a question exclaimed, not a slip
_SENTENCE = re.compile(r"[。，；]")
_BLANKS = (" ", "\u3000", "\u00a0")


def check_punctuation(number: int, text: str) -> list[Finding]:
    return [
        *_width(number, text),
        *_quotes(number, text),
        *_unbalanced(number, text),
        *_doubled(number, text),
        *_spaces(number, text),
    ]


def check_doubled_and_spaces(number: int, text: str) -> list[Finding]:
    """P4 and P5 only: what `build` adds to the profile checks, which report P1–P3 at the profile's line."""
    return [*_doubled(number, text), *_spaces(number, text)]


def doubled_or_spaced_suspects(joined: Joined) -> set[int]:
    """The paragraphs check_doubled_and_spaces may find something in; in the others it cannot:
    those with two marks in a row (P4's marks are the clause marks), or a blank."""
    found = (occurrences(joined.marked, part) for part in (MARK * 2, *_BLANKS))
    return joined.holding(start for spans in found for start, _ in spans)


def _width(number: int, text: str) -> list[Finding]:
    return _wrong_marks("P1", number, text, _half_width_marks(text), messages.half_width_found)


def _quotes(number: int, text: str) -> list[Finding]:
    return _wrong_marks("P2", number, text, _straight_quotes(text), messages.straight_quote_found)


def _wrong_marks(
    rule: str, number: int, text: str, found: Iterable[tuple[int, str, str]], message: Callable[[str, str, int], str]
) -> list[Finding]:
    """One finding at the first of the marks found (offset, mark, its correct form), fixing them all."""
    marks = sorted(found)
    if not marks:
        return []
    offset, mark, correct = marks[0]
    fixes = tuple((at, at + 1, right) for at, _, right in marks)
    return [
        Finding(
            rule,
            "error",
            number,
            text,
            offset,
            offset + 1,
            message(mark, correct, len(marks)),
            correct,
            safe_fixes=fixes,
        )
    ]


def _unbalanced(number: int, text: str) -> list[Finding]:
    findings = []
    for opening, closing in PAIRS:
        spot = _first_unmatched(text, opening, closing)
        if spot is not None:
            message = messages.unbalanced_found(opening, closing, text.count(opening), text.count(closing))
            findings.append(Finding("P3", "error", number, text, spot, spot + 1, message))
    return findings


def _first_unmatched(text: str, opening: str, closing: str) -> int | None:
    """The first closing mark with nothing open, else the first opening mark never closed."""
    open_at: list[int] = []
    for match in _MARKS[opening].finditer(text):  # only the marks, not every character
        if match.group() == "’" and _apostrophe(text, match.start()):
            continue
        if match.group() == opening:
            open_at.append(match.start())
        elif not open_at:
            return match.start()
        else:
            open_at.pop()
    return open_at[0] if open_at else None


def _apostrophe(text: str, offset: int) -> bool:
    """’ between two ASCII letters ("It’s") is an apostrophe, not a closing quote."""
    return (
        0 < offset < len(text) - 1
        and (text[offset - 1] + text[offset + 1]).isascii()
        and (text[offset - 1].isalpha() and text[offset + 1].isalpha())
    )


def _doubled(number: int, text: str) -> list[Finding]:
    findings = []
    for match in _DOUBLED.finditer(text):
        marks = match.group()
        folded = {_FULL.get(mark, mark) for mark in marks}
        if len(folded) > 1 and folded <= _EXCLAMATIONS:
            continue
        first = _FULL.get(marks[0], marks[0])
        message = messages.doubled_found(marks) if len(folded) == 1 else messages.marks_run_found(marks, first)
        fixes = _keep_first(*match.span(), marks[0], first)
        findings.append(
            Finding("P4", "error", number, text, match.start(), match.end(), message, first, safe_fixes=fixes)
        )
    return findings


def _keep_first(start: int, end: int, written: str, first: str) -> tuple[tuple[int, int, str], ...]:
    """The run becomes its first mark, full width. A half-width first mark is also P1's fix at
    (start, start + 1), which --fix would take before a fix of the whole run: then the full-width
    mark and the deletions of the rest, one by one, so P1's fixes inside the run give way."""
    if written == first:
        return ((start, end, first),)
    return ((start, start + 1, first), *((at, at + 1, "") for at in range(start + 1, end)))


def _spaces(number: int, text: str) -> list[Finding]:
    """A blank between two ideographs inside a sentence; a line without sentence punctuation
    (a signature "中共某乡委员会  某乡人民政府", a spaced heading) and a quoted name are left alone."""
    if not _SENTENCE.search(text):
        return []
    return [
        Finding("P5", "warning", number, text, match.start(), match.end(), messages.space_found(), "")
        for match in re.finditer(r"[ \u3000\u00a0]+", text)
        if match.start() > 0
        and match.end() < len(text)
        and is_han(text[match.start() - 1])
        and is_han(text[match.end()])
        and not _inside_quotes(text, match.start())
    ]


def _inside_quotes(text: str, offset: int) -> bool:
    """A slogan or activity name in “…” may be spaced into phrases (“学习贯彻 建设更高水平”)."""
    return text.count("“", 0, offset) > text.count("”", 0, offset)
