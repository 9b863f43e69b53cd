"""Typography of the clerk's prose: paired brackets, full-width punctuation, stale formulas.

These are the defects the reference reports publish most (DOMAIN_NOTES §5): unbalanced
《》, half-width "," and "(" in Chinese text (often from NFKC-normalised web copies), and
the 2015—2020 纲要's goal formula in reports on later years.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from reportgen import messages
from reportgen.checks import CheckContext, Finding, warning
from reportgen.errors import ProfilePath

PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("〔", "〕"))
_CJK = r"[\u4e00-\u9fff]"
_HALF_WIDTH = re.compile(rf"(?<={_CJK})[,;:!?()]|[,;:!?()](?={_CJK})")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
# 2015—2020 formula (or its common misspelling) instead of 职能科学…智能高效、廉洁诚信、人民满意.
_OUTDATED_GOALS = re.compile(r"廉洁高效、守法诚信|智能科学、权责法定")


def iter_texts(model: BaseModel, path: ProfilePath = ()) -> Iterator[tuple[ProfilePath, str]]:
    """Every string the clerk wrote, with its path (figure groups hold no prose but `kind`)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield from _texts_in(value, (*path, name))


def _texts_in(value: object, path: ProfilePath) -> Iterator[tuple[ProfilePath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from iter_texts(value, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts_in(item, (*path, index))


def check_text(context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for path, text in iter_texts(context.report.profile):
        findings.extend(_check_pairs(path, text))
        findings.extend(_check_half_width(path, text))
        match = _OUTDATED_GOALS.search(text)
        if match:
            findings.append(warning(path, messages.outdated_goal_formula(match.group())))
    return findings


def _check_pairs(path: ProfilePath, text: str) -> list[Finding]:
    return [
        warning(path, messages.unbalanced_pair(opening, closing, text.count(opening), text.count(closing)))
        for opening, closing in PAIRS
        if text.count(opening) != text.count(closing)
    ]


def _check_half_width(path: ProfilePath, text: str) -> list[Finding]:
    found = _HALF_WIDTH.search(text)
    if not found:
        return []
    start = max(0, found.start() - 8)
    excerpt = text[start : found.end() + 8].replace("\n", " ")
    mark = found.group()
    return [warning(path, messages.half_width_punctuation(mark, _FULL_WIDTH[mark], excerpt))]
