"""Numbering as written (GB/T 9704-2012 7.3.3: 一、 → （一） → 1. → （1））: gaps, repeats and
steps back at each level (N1), one level written two ways ("1." then "2、", N4), and run-in
一是 / 二是 chains that skip or stop at 一是 (N2, N3).

The reader recognises each paragraph's leading numbering and run-in markers
(reader/numbering.py); here they are only counted. A higher level restarts the levels below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportgen import messages
from reportgen.reader.model import Paragraph
from reportgen.reader.numbering import CN_DIGITS, chinese_ordinal
from reportgen.review.model import Finding

# Leading formats by level; 1. and 1、 are the same level written two ways.
LEVELS = {"第{cn}部分": 0, "{cn}、": 1, "（{cn}）": 2, "{n}.": 3, "{n}、": 3, "（{n}）": 4}
RUN_IN_FORMAT = "{cn}是"
_RUN_IN = re.compile(
    r"(?<![统唯之第万千百零〇一二三四五六七八九十这就但于还总也正更都若或即则凡])([一二三四五六七八九十])是(?!否)"
)


def chinese_numeral(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三."""
    if value < 10:
        return CN_DIGITS[value - 1]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else CN_DIGITS[tens - 1]) + "十" + (CN_DIGITS[ones - 1] if ones else "")


def show(fmt: str, ordinal: int) -> str:
    return fmt.replace("{cn}", chinese_numeral(ordinal)).replace("{n}", str(ordinal))


def check_leading_numbering(paragraphs: Sequence[Paragraph]) -> list[Finding]:
    findings: list[Finding] = []
    last: dict[int, int] = {}
    styles: dict[int, str] = {}  # level → the format its first item was written in
    for index, paragraph in enumerate(paragraphs, start=1):
        level = LEVELS.get(paragraph.format)
        if level is None:
            continue
        previous = last.get(level, 0)
        style = styles.setdefault(level, paragraph.format) if previous else paragraph.format
        ordinal = paragraph.ordinal if paragraph.ordinal is not None else previous + 1
        if paragraph.ordinal is None:  # the numeral lost: "、下一步工作打算"
            message = messages.numbering_lost(show(paragraph.format, ordinal), paragraph.number)
        else:
            message = _step_message(paragraph.format, previous, ordinal, paragraph.number)
        if message:
            end = len(paragraph.number)
            findings.append(
                Finding("N1", "error", index, paragraph.text, 0, end, message, show(paragraph.format, previous + 1))
            )
        elif style != paragraph.format:
            findings.append(_mixed(index, paragraph, style, ordinal))
        last = {key: value for key, value in last.items() if key < level}
        last[level] = ordinal
        styles = {key: value for key, value in styles.items() if key < level}
        styles[level] = style
    return findings


def _mixed(index: int, paragraph: Paragraph, style: str, ordinal: int) -> Finding:
    """ "1.学习" then "2、培训": one level, two ways of writing it; the first way is kept."""
    message = messages.numbering_mixed(show(style, 1), paragraph.number)
    return Finding("N4", "warning", index, paragraph.text, 0, len(paragraph.number), message, show(style, ordinal))


def _step_message(fmt: str, previous: int, ordinal: int, written: str) -> str:
    expected = show(fmt, previous + 1)
    if ordinal == previous + 1:
        return ""
    if previous == 0:
        return messages.numbering_first(expected, written)
    if ordinal > previous + 1:
        return messages.numbering_gap(expected, written)
    if ordinal == previous:
        return messages.numbering_repeat(written)
    return messages.numbering_backwards(expected, written)


def check_run_in(paragraphs: Sequence[Paragraph]) -> list[Finding]:
    """一是 … 二是 … within a paragraph, or over consecutive paragraphs that start with them."""
    findings: list[Finding] = []
    chain: list[tuple[int, int, int]] = []  # (paragraph index, offset, ordinal)
    for index, paragraph in enumerate(paragraphs, start=1):
        if paragraph.format != RUN_IN_FORMAT:
            findings += _close(chain, paragraphs)
            chain = []
        for match in _RUN_IN.finditer(paragraph.text):
            ordinal = chinese_ordinal(match.group(1))
            if ordinal is None:
                continue
            if ordinal == 1:
                findings += _close(chain, paragraphs)
                chain = []
            elif ordinal != (chain[-1][2] if chain else 0) + 1:
                expected = show(RUN_IN_FORMAT, (chain[-1][2] if chain else 0) + 1)
                message = messages.run_in_gap(expected, match.group())
                findings.append(
                    Finding("N3", "warning", index, paragraph.text, match.start(), match.end(), message, expected)
                )
            chain.append((index, match.start(), ordinal))
    return findings + _close(chain, paragraphs)


def _close(chain: list[tuple[int, int, int]], paragraphs: Sequence[Paragraph]) -> list[Finding]:
    if len(chain) != 1 or chain[0][2] != 1:
        return []
    index, offset, _ = chain[0]
    text = paragraphs[index - 1].text
    return [Finding("N2", "warning", index, text, offset, offset + 2, messages.lone_first_item())]
