"""A word written twice in a row ("听取听取", "的的"): left over from typing or editing.

Reduplication is ordinary Chinese (层层、常常、天天、一一, 家家户户), so one character written
twice is reported only for function words that never double; two to four characters
written twice always are.
"""

from __future__ import annotations

import re

from reportgen import messages
from reportgen.review.model import Finding

_WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_PARTICLE_TWICE = re.compile(r"([的了和与在对为把被将及])\1")


def check_repeats(number: int, text: str) -> list[Finding]:
    found = [*_WORD_TWICE.finditer(text)]
    found += [match for match in _PARTICLE_TWICE.finditer(text) if not _reduplicated(text, match.start(), match.end())]
    return [
        Finding(
            "R1",
            "warning",
            number,
            text,
            match.start(),
            match.end(),
            messages.repeated_word(match.group(1)),
            match.group(1),
        )
        for match in sorted(found, key=lambda match: match.start())
    ]


def _reduplicated(text: str, start: int, end: int) -> bool:
    """AABB: 实实在在, 的的确确, 和和美美 — the pair next to another pair."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (len(before) == 2 and before[0] == before[1]) or (len(after) == 2 and after[0] == after[1])
