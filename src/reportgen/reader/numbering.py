"""Numbering as reports write it: at a paragraph's start ("（一）", "1.", "一是") and run in
("……一是……二是……"), with the damage real reports have (a numeral lost: "、存在的问题",
"是严格执行……二是……"; half-width brackets; "1．").

The formats are those of document/numbering.py ("（{cn}）", "{n}.", "{cn}是"), so what is read
here can be written back as `layout.numbering`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九"
_CN = "[一二三四五六七八九十]{1,3}"

# (pattern at the start of a paragraph, format). Order matters: "一是" before a lost "是".
_LEADING: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), fmt)
    for pattern, fmt in (
        (rf"第(?P<cn>{_CN})部分[\s\u3000]*[、，,：:]?", "第{cn}部分"),
        (rf"(?P<cn>{_CN})[、]", "{cn}、"),
        (rf"[（(][\s\u3000]*(?P<cn>{_CN})[\s\u3000]*[）)]", "（{cn}）"),
        (r"[（(][\s\u3000]*(?P<n>\d{1,2})[\s\u3000]*[）)]", "（{n}）"),
        (r"(?P<n>\d{1,2})[\s\u3000]*[.．](?![\d.．])", "{n}."),
        (r"(?P<n>\d{1,2})、", "{n}、"),
        (rf"(?P<cn>{_CN})是(?!否)", "{cn}是"),
        (r"[、](?=\S)", "{cn}、"),  # the numeral lost: "、存在的问题及建议"
    )
)
# Run-in items: "一是" … "二是" …; the character before a numeral that makes it part of a word.
_RUN_IN = re.compile(rf"(?P<cn>{_CN})是")
_WORD_BEFORE = set("统唯之第万千百零〇一二三四五六七八九十这就但于还总也正更都若或即则凡")


@dataclass(frozen=True)
class Numbering:
    """The numbering a paragraph starts with."""

    number: str  # as written
    format: str
    ordinal: int | None


def chinese_ordinal(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; None for what is not 1–99."""
    if not text or any(char not in CN_DIGITS + "十" for char in text):
        return None
    if "十" not in text:
        return CN_DIGITS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    value = (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)
    return value


def leading_numbering(text: str) -> Numbering | None:
    """The numbering `text` starts with, or None. A lone "是" counts as a lost "一是" only when
    "二是" follows in the same paragraph (seed 002: "是严格执行……二是强化……")."""
    for pattern, fmt in _LEADING:
        match = pattern.match(text)
        if match is None or match.end() >= len(text.rstrip()):
            continue
        groups = match.groupdict()
        if groups.get("cn"):
            ordinal = chinese_ordinal(groups["cn"])
            if ordinal is None:
                continue
        elif groups.get("n"):
            ordinal = int(groups["n"])
        else:
            ordinal = None
        return Numbering(match.group(), fmt, ordinal)
    if text.startswith("是") and "二是" in text:
        return Numbering("是", "{cn}是", None)
    return None


@dataclass(frozen=True)
class RunIn:
    """One run-in item: where its marker ("二是") starts and ends, and its ordinal."""

    start: int
    end: int
    ordinal: int


def run_in_items(text: str) -> list[RunIn]:
    """The chain 一是 … 二是 … 三是 … in `text`: consecutive ordinals in order of position.

    A chain needs two items. It may start at 二是 when 一是 is missing (seed 000's plans: the
    first item is written without it); the caller decides where that first item starts.
    """
    candidates = [
        RunIn(match.start(), match.end(), ordinal)
        for match in _RUN_IN.finditer(text)
        if (ordinal := chinese_ordinal(match["cn"])) is not None and _stands_alone(text, match.start())
    ]
    best: list[RunIn] = []
    for first in candidates:
        if first.ordinal not in (1, 2):
            continue
        chain = [first]
        for candidate in candidates:
            if candidate.start >= chain[-1].end and candidate.ordinal == chain[-1].ordinal + 1:
                chain.append(candidate)
        if len(chain) >= 2 and (len(chain), chain[0].ordinal == 1) > (len(best), bool(best) and best[0].ordinal == 1):
            best = chain
    return best


def _stands_alone(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] not in _WORD_BEFORE
