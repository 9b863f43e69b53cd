"""Half-width punctuation and straight quotes in Chinese text, each at its own place.

Text pasted from web pages is often NFKC-normalised (DOMAIN_NOTES §5): full-width
，；：！？（） become , ; : ! ? ( ), and “三重一大” is typed as "三重一大". Every such mark
is reported with the character it should be, at its line and column, so the clerk can
fix them one by one; a pasted page is capped at a few findings and one summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, warning
from reportgen.errors import ProfilePath

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
CURLY = {'"': ("“", "”"), "'": ("‘", "’")}
# Marks reported one by one per field; the rest are counted in one more finding.
MAX_MARKS_PER_FIELD = 10
# A figure reference such as {同比:head_appearance_rate} is markup, not prose: its ":" stays.
_REFERENCE = re.compile(r"\{[^{}\s]*\}")
_EXCERPT = 8
_CANDIDATES = re.compile(r"""[,;:!?()"']""")


def is_chinese(char: str) -> bool:
    """CJK ideographs, and the full-width punctuation and quotes of Chinese text."""
    code = ord(char)
    return (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or char in "“”‘’…—"
    )


def check_punctuation(context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for path, text in context.texts:
        findings.extend(_field_findings(path, text))
    return findings


def _field_findings(path: ProfilePath, text: str) -> list[Finding]:
    if not _CANDIDATES.search(text):
        return []
    markup = {offset for match in _REFERENCE.finditer(text) for offset in range(*match.span())}
    marks = sorted(mark for mark in _half_width_marks(text) + _straight_quotes(text) if mark[0] not in markup)
    findings = [
        warning(path, _message(text, offset, mark, correct), offset=offset)
        for offset, mark, correct in marks[:MAX_MARKS_PER_FIELD]
    ]
    if len(marks) > MAX_MARKS_PER_FIELD:
        offset = marks[MAX_MARKS_PER_FIELD][0]
        findings.append(warning(path, messages.more_half_width_marks(len(marks) - MAX_MARKS_PER_FIELD), offset=offset))
    return findings


def _message(text: str, offset: int, mark: str, correct: str) -> str:
    excerpt = text[max(0, offset - _EXCERPT) : offset + 1 + _EXCERPT].replace("\n", " ")
    if mark in CURLY:
        return messages.straight_quote(mark, correct, excerpt)
    return messages.half_width_punctuation(mark, correct, excerpt)


def _touches_chinese(text: str, offset: int) -> bool:
    before = text[offset - 1] if offset > 0 else ""
    after = text[offset + 1] if offset + 1 < len(text) else ""
    return any(is_chinese(char) for char in (before, after) if char)


def _half_width_marks(text: str) -> list[tuple[int, str, str]]:
    """, ; : ! ? next to Chinese, not in 3,000 or 16:37; ( ) as pairs (see _chinese_brackets)."""
    brackets = _chinese_brackets(text)
    return [
        (offset, char, FULL_WIDTH[char])
        for offset, char in enumerate(text)
        if char in FULL_WIDTH and (offset in brackets if char in "()" else _touches_chinese(text, offset))
    ]


def _chinese_brackets(text: str) -> set[int]:
    """Offsets of ( and ) in Chinese text. A matched pair is Chinese when either bracket
    touches Chinese or it encloses Chinese, so "(LBG)，" has both brackets reported and
    a(1).html neither; an unmatched bracket when it touches Chinese."""
    found: set[int] = set()
    open_at: list[int] = []
    for offset, char in enumerate(text):
        if char == "(":
            open_at.append(offset)
        elif char == ")" and open_at:
            start = open_at.pop()
            pair = (start, offset)
            inside = text[start + 1 : offset]
            if any(_touches_chinese(text, i) for i in pair) or any(is_chinese(c) for c in inside):
                found.update(pair)
        elif char == ")" and _touches_chinese(text, offset):
            found.add(offset)
    found.update(offset for offset in open_at if _touches_chinese(text, offset))
    return found


def _straight_quotes(text: str) -> list[tuple[int, str, str]]:
    """Straight quotes " and ' in Chinese text, paired within a line: the first of a pair
    opens (“), the second closes (”). A pair counts as Chinese when either quote touches
    Chinese or it encloses Chinese, so "Law-based Government" in a Latin aside is left alone."""
    found = []
    for mark, (opening, closing) in CURLY.items():
        for line_start, line in _lines(text):
            quotes = [i for i, char in enumerate(line) if char == mark and not _apostrophe(line, i)]
            for k in range(0, len(quotes), 2):
                pair = quotes[k : k + 2]
                inside = line[pair[0] + 1 : pair[-1]] if len(pair) == 2 else ""
                if any(_touches_chinese(line, i) for i in pair) or any(is_chinese(c) for c in inside):
                    shapes = (opening, closing) if len(pair) == 2 else (_lone_shape(line, pair[0], opening, closing),)
                    found += [(line_start + i, mark, shape) for i, shape in zip(pair, shapes, strict=True)]
    return found


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _apostrophe(line: str, index: int) -> bool:
    """' between two Latin letters (it's, don't) is an apostrophe, not a quote."""
    return (
        line[index] == "'"
        and 0 < index < len(line) - 1
        and line[index - 1].isascii()
        and line[index - 1].isalpha()
        and line[index + 1].isascii()
        and line[index + 1].isalpha()
    )


def _lone_shape(line: str, index: int, opening: str, closing: str) -> str:
    """An unpaired quote opens when nothing, a space or an opening mark precedes it."""
    before = line[index - 1] if index else ""
    return opening if not before or before.isspace() or before in "（《“‘([，。；：、" else closing
