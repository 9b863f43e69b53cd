"""Figures against the text that states them.

A `figures:` block marked `in_text: true` says its numbers are already in the prose; the
sentence is not generated, so a figure and its text can drift apart (12971 in the block,
12917 in the text) and only this check notices. Each figure the clerk typed must appear
in its owner's text in one of the forms reports use: 12971, 1.3万 (within the rounding
of the decimals shown), 3000余, 98.8% or 98.8％, 百分之百.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, NamedTuple

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, warning
from reportgen.derive import Figure, MergedGroup
from reportgen.errors import ProfilePath
from reportgen.render.filters import figure_text
from reportgen.schema.profile import Profile

# A number not inside another (no digit or "." just before it): 12917, 12,917, 1.3万, 3000余, 98.8%.
# It starts with its first digit and looks behind only then, so the search skips to the next digit
# instead of trying every character of the text (three times faster on Chinese prose).
_NUMBER = re.compile(
    r"(?P<number>\d(?<![\d.]\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?P<decimals>\.\d+)?"
    r"(?P<scale>万|亿)?(?P<approx>余|多)?(?P<percent>[%％])?"
)
_HUNDRED_PERCENT = re.compile("百分之(?:一)?百")
# Small counts in words: "全乡十二个行政村", "三次"; only before a measure word, so 一是, 统一 are not numbers.
_CHINESE_COUNT = re.compile(
    r"(?P<number>[零一二两三四五六七八九十百千]+)(?P<approx>余|多)?(?=[个件次人场项条份部名家所支起批期])"
)
_CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"": 1, "万": 10_000, "亿": 100_000_000}
# A figure reference in the prose, {受理} or {administrative_reconsideration.accepted}, is filled
# in with the figure (references.py); {同比:…} is the change, not the figure.
_REFERENCE = re.compile(r"\{(?P<name>[^{}\s:：]+)\}")
# Where a number's context stops: the clause it belongs to.
_CLAUSE_ENDS = "，。；：、！？\n"
_CONTEXT_BEFORE, _CONTEXT_AFTER = 6, 3


class Number(NamedTuple):
    """A number as written in the text: "12917", "1.3万", "3000余", "98.8%".
    (A named tuple: a long text holds dozens, and a frozen dataclass is several times slower to make.)"""

    # Exact values; a plain int for a whole number (most are): cheaper to make and to compare.
    value: Fraction | int
    unit_of_rounding: Fraction | int  # what the last digit shown stands for (1.3万 → 1000)
    approximate: bool
    percent: bool
    start: int
    end: int


def numbers_in(text: str) -> tuple[Number, ...]:
    """Every number in a text, in order."""
    found = [_arabic_number(match) for match in _NUMBER.finditer(text)]
    if "百" in text:
        for match in _HUNDRED_PERCENT.finditer(text):
            found.append(Number(100, 1, False, True, *match.span()))
    for match in _CHINESE_COUNT.finditer(text):
        value = chinese_number(match["number"])
        if value is not None:
            found.append(Number(value, 1, bool(match["approx"]), False, *match.span()))
    found.sort(key=_start)
    return tuple(found)


def _arabic_number(match: re.Match[str]) -> Number:
    digits, decimals, scale_word, approx, percent = match.groups()
    whole = digits.replace(",", "")
    scale = _SCALES[scale_word or ""]
    if decimals:  # 1.5万 is 15 × 10000 / 10: one exact Fraction, built from ints
        divisor = 10 ** (len(decimals) - 1)
        value, shown_unit = Fraction(int(whole + decimals[1:]) * scale, divisor), Fraction(scale, divisor)
    else:
        value, shown_unit = int(whole) * scale, scale
    return Number(value, shown_unit, approx is not None, percent is not None, *match.span())


def _start(number: Number) -> int:
    return number.start


def chinese_number(text: str) -> int | None:
    """十二 → 12, 二十 → 20, 一百零五 → 105, 两千 → 2000; None for what is not a number."""
    total, digit = 0, None
    for char in text:
        if char in _CHINESE_DIGITS:
            if digit is not None and digit != 0 and _CHINESE_DIGITS[char] != 0:
                return None  # 一二: not a number
            digit = _CHINESE_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _CHINESE_UNITS[char]
            digit = None
    return total + (digit or 0)


def states(number: Number, figure: Figure) -> bool:
    """Whether a number in the text states this figure."""
    if number.percent != (figure.unit == "%"):
        return False
    if number.value == figure.value:
        return True
    if figure.unit == "%":
        return False
    if number.unit_of_rounding > 1:  # 1.3万 stands for 12500 ≤ x < 13500
        half = Fraction(number.unit_of_rounding, 2)
        return number.value - half <= figure.value < number.value + half
    if number.approximate and not figure.approximate:  # 3000余 for 3012
        return number.value <= figure.value < number.value + _round_unit(number.value)
    return False


def _round_unit(value: Fraction | int) -> int:
    """10 for 20, 1000 for 3000: the place a round number is round to."""
    whole, unit = int(value), 1
    while whole and whole % (unit * 10) == 0:
        unit *= 10
    return unit


def check_figures_in_text(context: CheckContext) -> list[Finding]:
    report = context.report
    findings = []
    # Each owner's texts, found once for all its figures (None: its figures are not `in_text`).
    texts_by_owner: dict[ProfilePath, list[str] | None] = {}
    numbers = NumbersByText()
    for group in report.figures:
        merged = group.merged
        for name, figure in group.derived.figures.items():
            if figure.computed or figure.value == 0:
                continue
            path = merged.path_of(name)
            if "figures" not in path:
                continue
            owner = path[: path.index("figures")]  # a field may be stated in a later measure than its group
            if owner not in texts_by_owner:
                texts_by_owner[owner] = _in_text_texts(report.profile, owner)
            texts = texts_by_owner[owner]
            if texts is None:
                continue
            finding = _check_figure(texts, numbers, merged, name, figure, path)
            if finding is not None:
                findings.append(finding)
    return findings


class NumbersByText(dict[str, tuple[Number, ...]]):
    """numbers_in(text), each text read once per check and only when a figure is looked for in it:
    most figures are found in their measure's own text, before the area's longer one is reached."""

    def __missing__(self, text: str) -> tuple[Number, ...]:
        found = self[text] = numbers_in(text)
        return found


def _written_out(texts: list[str], figure: Figure) -> bool:
    """Whether a text has the figure in plain digits (12971, 98%): most figures are typed as the
    text writes them, and are then found by a string search around its occurrences instead of
    reading every number of the texts. False says only "not this way": `states` decides then.

    An occurrence not just after a digit, "." or "," is the start of a number that numbers_in
    would find the same (a match holding the character before it ends there: only a digit, "."
    or "," go on to a digit), so reading the number there gives the same value and sign.
    """
    value = figure.value
    if value.denominator != 1:
        return False
    whole, percent = value.numerator, figure.unit == "%"  # compared as an int: a Fraction's == is slower
    digits = str(whole)
    for text in texts:
        at = text.find(digits)
        while at >= 0:
            if not at or not (text[at - 1].isdecimal() or text[at - 1] in ",."):
                number = _arabic_number(_NUMBER.match(text, at))  # type: ignore[arg-type]  # a digit: always a match
                if number.value == whole and number.percent == percent:
                    return True
            at = text.find(digits, at + 1)
    return False


def _in_text_texts(profile: Profile, owner: ProfilePath) -> list[str] | None:
    """The owner's texts, or None when its figures are not said to be in the text."""
    node = _node(profile, owner)
    return _owner_texts(profile, owner, node) if node.figures.in_text else None


def _check_figure(
    texts: list[str], numbers: NumbersByText, merged: MergedGroup, name: str, figure: Figure, path: ProfilePath
) -> Finding | None:
    if _written_out(texts, figure):
        return None
    cls = type(merged.values)
    if any(states(number, figure) for text in texts for number in numbers[text]):
        return None
    names = {name, f"{merged.key}.{name}", cls.figure_title(name)}
    if any(match["name"] in names for text in texts for match in _REFERENCE.finditer(text)):
        return None  # the text asks for the figure itself: {received}
    group = cls.group_title() + (f"（{merged.kind}）" if merged.kind else "")
    closest = _closest(texts, numbers, figure)
    message = messages.figure_not_in_text(
        group, cls.figure_title(name), figure_text(figure), closest, figure.unit == "%"
    )
    return warning(path, message)


def _owner_texts(profile: Profile, owner: ProfilePath, node: Any) -> list[str]:
    """A measure's title, text and sub-items, then its area's text. An area's figures may be
    stated anywhere in the area: its text and all its measures (a group stated in several
    measures is written once, on the area). `node` is the owner itself."""
    if "measures" in owner:
        # An area, or the part itself (no areas); read from its fields' dict, as a field the
        # model lacks (an area's intro) would go through pydantic's slow __getattr__.
        parent = vars(_node(profile, owner[: owner.index("measures")]))
        texts = [*_measure_texts(node), parent.get("text") or parent.get("intro") or ""]
    else:
        texts = [node.title or "", node.text or ""]
        for measure in node.measures:
            texts += _measure_texts(measure)
    return [text for text in texts if text]


def _measure_texts(measure: Any) -> list[str]:
    texts = [measure.title or "", measure.text or ""]
    for item in measure.items:
        texts += [item.title or "", item.text or ""]
    return texts


def _closest(texts: list[str], numbers: NumbersByText, figure: Figure) -> tuple[str, str] | None:
    """(the number as written, a few characters around it) nearest in value, if any."""
    best: tuple[Fraction, str, str] | None = None
    for text in texts:
        for number in numbers[text]:
            if number.percent != (figure.unit == "%"):
                continue
            distance = abs(number.value - figure.value)
            if best is None or distance < best[0]:
                best = (distance, text[number.start : number.end], _context(text, number))
    return None if best is None else best[1:]


def _context(text: str, number: Number) -> str:
    start = number.start
    while start > max(0, number.start - _CONTEXT_BEFORE) and text[start - 1] not in _CLAUSE_ENDS:
        start -= 1
    end = number.end
    while end < min(len(text), number.end + _CONTEXT_AFTER) and text[end] not in _CLAUSE_ENDS:
        end += 1
    return text[start:end]


def _node(profile: Profile, path: ProfilePath) -> Any:
    node: Any = profile
    for step in path:
        node = node[step] if isinstance(step, int) else getattr(node, step)
    return node
