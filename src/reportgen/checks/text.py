"""Typography of the clerk's prose: paired brackets, closed paragraphs, stale formulas.

These are the defects the reference reports publish most (DOMAIN_NOTES §5): unbalanced
《》, paragraphs left without their 。, and the 2015—2020 纲要's goal formula in reports
on later years. Half-width marks are in checks/punctuation.py, typed numbering in numbering.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, warning
from reportgen.errors import ProfilePath

PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("〔", "〕"))
_PAIR_MARKS = re.compile("[" + "".join(opening + closing for opening, closing in PAIRS) + "]")
# 2015—2020 formula (or its common misspelling) instead of 职能科学…智能高效、廉洁诚信、人民满意.
_OUTDATED_GOALS = re.compile(r"廉洁高效、守法诚信|智能科学、权责法定")

# The parts of the report: their `title`/`items_title` are headings, the rest is prose.
SECTIONS = ("achievements", "shortcomings", "leader_duties", "plans", "other_matters")
TITLE_FIELDS = ("title", "items_title")
PROSE_FIELDS = ("preamble", "intro", "text", "cause", "approach", "goals")
# A paragraph ends in one of these, possibly followed by closing quotes or brackets.
_PARAGRAPH_ENDS = "。！？；：…!?;:"  # half-width ones are reported by checks/punctuation.py
_PARAGRAPH_END_MARKS = tuple(_PARAGRAPH_ENDS)  # str.endswith takes a tuple of endings
_CLOSING_WRAPPERS = "”’）》」』】〕)\"'"
_ENDING_SHOWN = 12


def is_title(path: ProfilePath) -> bool:
    """A heading of the report (areas, measures, sub-items, shortcomings, plans, blocks)."""
    return bool(path) and path[0] in SECTIONS and path[-1] in TITLE_FIELDS


def is_prose(path: ProfilePath) -> bool:
    """Paragraphs of the report: the preamble and the text fields of its parts."""
    return path == ("preamble",) or (bool(path) and path[0] in SECTIONS and path[-1] in PROSE_FIELDS)


def check_text(context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for path, text in context.texts:
        findings.extend(_check_pairs(path, text))
        match = _OUTDATED_GOALS.search(text)
        if match:
            findings.append(warning(path, messages.outdated_goal_formula(match.group()), offset=match.start()))
    return findings


def _check_pairs(path: ProfilePath, text: str) -> list[Finding]:
    if not _PAIR_MARKS.search(text):  # most fields have none: one scan instead of eight counts
        return []
    return [
        warning(path, messages.unbalanced_pair(opening, closing, text.count(opening), text.count(closing)))
        for opening, closing in PAIRS
        if text.count(opening) != text.count(closing)
    ]


def check_paragraph_ends(context: CheckContext) -> list[Finding]:
    """Each line of a prose field is a paragraph of the report, and ends like a sentence."""
    findings: list[Finding] = []
    for path, text in context.texts:
        if not is_prose(path):
            continue
        for last, paragraph in _paragraph_ends(text):
            if not paragraph.rstrip(_CLOSING_WRAPPERS).endswith(_PARAGRAPH_END_MARKS):
                shown = paragraph[-_ENDING_SHOWN:]
                message = messages.paragraph_not_closed(("…" if len(paragraph) > len(shown) else "") + shown)
                findings.append(warning(path, message, offset=last))
    return findings


def _paragraph_ends(text: str) -> Iterator[tuple[int, str]]:
    """(offset of its last character, paragraph) for every non-blank line."""
    start = 0
    for line in text.split("\n"):
        paragraph = line.rstrip()
        if paragraph.strip():
            yield start + len(paragraph) - 1, paragraph.strip()
        start += len(line) + 1
