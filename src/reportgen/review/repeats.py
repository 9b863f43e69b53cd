"""A word or a clause written twice in a row ("听取听取", "的的", "坚持依法行政，坚持依法行政，"):
left over from typing or editing.

Reduplication is ordinary Chinese (层层、常常、天天、一一, 家家户户, 一件一件), so one character
written twice is reported only for function words that never double, and then not where the
two belong to two words (为了|了解, 不了了之); two to four characters written twice are,
except 一X一X; a clause of four or more characters is when it is repeated after a comma.
"""

from __future__ import annotations

import itertools
import operator
import re
from typing import NamedTuple

from reportgen import messages
from reportgen.review.model import Finding
from reportgen.review.text import CLAUSE_MARKS, MARK, Joined

_WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_PARTICLE_TWICE = re.compile(r"([的了和与在对为把被将及])\1")
# The clauses of a paragraph: text between marks (a clause repeated after ，or 、 is reported).
_CLAUSE = re.compile(rf"[^{CLAUSE_MARKS}]+")
_CLAUSE_JOINS = "，、,"
# A doubled function word where the first closes one word and the second opens the next.
_CLOSES = frozenset(
    (
        "为了",
        "除了",
        "不了",
        "以及",
        "涉及",
        "普及",
        "危及",
        "作为",
        "行为",
        "成为",
        "因为",
        "认为",
        "针对",
        "面对",
        "核对",
        "比对",
        "存在",
        "现在",
        "正在",
        "实在",
        "所在",
        "内在",
        "即将",
        "必将",
        "总和",
        "平和",
        "参与",
        "给与",
        "目的",
        "有的",
        "是的",
    )
)
_OPENS = frozenset(
    (
        "了解",
        "了结",
        "了然",
        "了之",
        "及时",
        "对于",
        "对照",
        "对象",
        "为民",
        "为人",
        "在于",
        "将来",
        "和谐",
        "与会",
        "把关",
        "把握",
        "被告",
        "的确",
    )
)


def check_repeats(number: int, text: str) -> list[Finding]:
    found = [match for match in _WORD_TWICE.finditer(text) if not _one_by_one(match.group(1))]
    found += [
        match
        for match in _PARTICLE_TWICE.finditer(text)
        if not _reduplicated(text, match.start(), match.end()) and not _two_words(text, match.start())
    ]
    found += _clauses_twice(text)
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


def suspects(joined: Joined) -> set[int]:
    """The paragraphs check_repeats may find something in; in the others it cannot."""
    found = joined.matching(_WORD_TWICE) | joined.matching(_PARTICLE_TWICE)  # one alternation is slower
    # The text between single marks and line breaks: a clause repeated after one mark is two
    # equal pieces in a row (finding the clauses themselves is slower).
    pieces = joined.marked.replace("\n", MARK).split(MARK)
    if any(map(operator.eq, pieces, pieces[1:])):  # rare: find where
        starts = list(itertools.accumulate((len(piece) + 1 for piece in pieces), initial=0))
        found |= joined.holding(starts[index] for index in range(len(pieces) - 1) if pieces[index] == pieces[index + 1])
    return found


class _Twice(NamedTuple):
    """A clause written twice, shaped as the regex matches above are used."""

    span: tuple[int, int]
    clause: str

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]

    def group(self, index: int) -> str:
        return self.clause


def _clauses_twice(text: str) -> list[_Twice]:
    """A clause of four or more characters (no blank in it) that the next clause repeats after ，or 、.
    One pass over the clauses: a regex with a back-reference tried at every character is slower."""
    words = _CLAUSE.findall(text)
    if not any(map(operator.eq, words, words[1:])):  # as in most paragraphs: no clause its neighbour's copy
        return []
    found = []
    clauses = list(_CLAUSE.finditer(text))
    for first, second in itertools.pairwise(clauses):
        word = first.group()
        if (
            len(word) >= 4
            and second.group() == word
            and first.end() + 1 == second.start()
            and text[first.end()] in _CLAUSE_JOINS
            and not any(char.isspace() for char in word)
        ):
            found.append(_Twice((first.start(), second.end()), word))
    return found


def _reduplicated(text: str, start: int, end: int) -> bool:
    """AABB: 实实在在, 的的确确, 和和美美 — the pair next to another pair."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (len(before) == 2 and before[0] == before[1]) or (len(after) == 2 and after[0] == after[1])


def _one_by_one(word: str) -> bool:
    """一件一件, 一项一项, 一步一步: 一X一X is "one by one"."""
    return len(word) == 2 and word[0] == "一"


def _two_words(text: str, start: int) -> bool:
    """为了|了解, 以及|及时, 不了|了之: the doubled character is the seam of two words."""
    return start > 0 and text[start - 1 : start + 1] in _CLOSES and text[start + 1 : start + 3] in _OPENS
