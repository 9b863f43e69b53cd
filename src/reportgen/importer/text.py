"""The report's own words, made fit for a profile without changing them: a heading split from
the text it runs into, numbering taken off (reportgen generates it), and half-width
punctuation made full-width only where it is unambiguous (next to Chinese characters).

Punctuation between digits ("3,000", "16:37", "7*24") and straight quotes (whose direction
is a guess) are left as written; `reportgen validate` points at those that remain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLE_MAX = 40  # a heading longer than this is a sentence, not a title
_SENTENCE_END = "。！？!?"
_TRAILING_MARKS = "。．.；;：:，,、 \u3000"
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》〈〉【】…—]")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


@dataclass(frozen=True)
class Split:
    """A heading's title and the text after it in the same paragraph."""

    title: str
    text: str
    by_comma: bool = False  # no full stop after the title in the original: split at its first comma


def split_run_in(body: str) -> Split:
    """A run-in item ("一是完善制度。……"): its first sentence is its title when short; otherwise
    it has no title and the whole is text (printed as written after its number)."""
    body = body.strip()
    first, rest = first_sentence(body)
    if not rest:
        if len(first.rstrip(_TRAILING_MARKS)) <= TITLE_MAX and not _inner_mark(first):
            return Split(first.rstrip(_TRAILING_MARKS), "")
        return Split("", body)
    if len(first) - 1 <= TITLE_MAX:
        return Split(first.rstrip(_TRAILING_MARKS), rest)
    return Split("", body)


def split_heading(body: str) -> Split:
    """A heading paragraph ("（一）加强组织领导。……" or a line of its own): its title and the
    text that runs on. A first sentence too long to be a title is cut at its first comma
    (seed 000 runs "……全面领导充分发挥……" together with no mark between)."""
    body = body.strip()
    first, rest = first_sentence(body)
    if not rest and len(first) <= TITLE_MAX + 20 and not re.search(f"[{_SENTENCE_END}]", first.rstrip(_SENTENCE_END)):
        return Split(first.rstrip(_TRAILING_MARKS), "")
    if len(first) - 1 <= TITLE_MAX:
        return Split(first.rstrip(_TRAILING_MARKS), rest)
    clause = re.match(rf"[^，,]{{4,{TITLE_MAX}}}[，,]", first)
    if clause:
        return Split(clause.group().rstrip(_TRAILING_MARKS), body[clause.end() :].strip(), by_comma=True)
    return Split(first.rstrip(_TRAILING_MARKS), rest)


def first_sentence(text: str) -> tuple[str, str]:
    """(the first sentence with its mark, the rest). Closing quotes and brackets after the mark
    stay with the sentence."""
    match = re.search(f"[{_SENTENCE_END}][”’）)》]*", text)
    if match is None:
        return text, ""
    return text[: match.end()], text[match.end() :].strip()


def last_sentence_start(text: str) -> int:
    """Where the last sentence of `text` starts (0 when it has one sentence)."""
    ends = [match.end() for match in re.finditer(f"[{_SENTENCE_END}][”’）)》]*", text.rstrip())]
    ends = [end for end in ends if end < len(text.rstrip())]
    return ends[-1] if ends else 0


def _inner_mark(text: str) -> bool:
    return bool(re.search(f"[{_SENTENCE_END}]", text.rstrip(_SENTENCE_END)))


def full_width(text: str) -> str:
    """Half-width , ; : ! ? ( ) made full-width where a Chinese character or mark is next to them;
    between digits or Latin letters they stay ("3,000", "16:37", "(a)")."""
    chars = list(text)
    opened: list[bool] = []
    for index, char in enumerate(chars):
        before = chars[index - 1] if index else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        if char in _FULL_WIDTH:
            if (_is_cjk(before) or _is_cjk(after)) and not (before.isdigit() and after.isdigit()):
                chars[index] = _FULL_WIDTH[char]
        elif char == "(":
            chinese = _is_cjk(before) or _is_cjk(after) or _encloses_cjk(text, index)
            opened.append(chinese)
            if chinese:
                chars[index] = "（"
        elif char == ")":
            chinese = opened.pop() if opened else (_is_cjk(before) or _is_cjk(after))
            if chinese:
                chars[index] = "）"
    return "".join(chars)


def _is_cjk(char: str) -> bool:
    return bool(char) and bool(_CJK.match(char))


def _encloses_cjk(text: str, start: int) -> bool:
    end = text.find(")", start)
    return end > 0 and any(_is_cjk(char) for char in text[start:end])


# Numbering typed at the start of a title or an untitled item: reportgen prints its own there, so what
# the report typed would be printed twice ("一是一是……"). The forms of checks/typed_numbering.py.
_CN_NUMERAL = "[一二三四五六七八九十]{1,3}"
_TYPED_NUMBERING = re.compile(
    rf"(?:{_CN_NUMERAL}是|{_CN_NUMERAL}[、.．]|第{_CN_NUMERAL}[，、,：:]|[（(]{_CN_NUMERAL}[）)]|[（(]\d{{1,2}}[）)]"
    r"|\d{1,2}(?:[、．]|\.(?!\d))|\d{1,2}[）)]|[\u2460-\u2473])[\s\u3000]*"
)


def without_numbering(text: str) -> str:
    """`text` without the numbering it starts with, repeated numbering too ("一、（一）"); "" when it
    is nothing but numbering."""
    while match := _TYPED_NUMBERING.match(text):
        if not match.end():
            break
        text = text[match.end() :]
    return text


def clean_title(text: str) -> str:
    """A title without numbering at its start or punctuation at its end."""
    return full_width(without_numbering(text.strip()).rstrip(_TRAILING_MARKS).strip())
