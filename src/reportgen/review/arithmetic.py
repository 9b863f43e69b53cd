"""Arithmetic the text does itself (督察规定 art. 25: a report's figures must be true):
a percentage recomputed from the two counts in the same sentence (A1), a change between two
percentages written as "增长 X%" where X is the difference (it is X 个百分点; A2), and a
year-on-year change recomputed from this year's and last year's counts (A3).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from reportgen import messages
from reportgen.review.model import Finding

_SENTENCE = re.compile(r"[^。；;！？]+")
_COUNT = re.compile(r"(?<![\d.％%])(\d+)(件|人|次|个|家|起|宗|户|场)")
_RATE = re.compile(r"率(?:为|达|达到|是)?(\d+(?:\.\d+)?)[%％]")
_CHANGE = re.compile(
    r"(\d+(?:\.\d+)?)[%％][^%％。；]{0,12}?(?:提高|提升|增长|上升|下降|降低|减少)(?:至|到)"
    r"(\d+(?:\.\d+)?)[%％][^%％。；\d]{0,10}?(?:提高|提升|增长|上升|下降|降低|减少)了?(\d+(?:\.\d+)?)[%％]"
)


def check_arithmetic(number: int, text: str) -> list[Finding]:
    if "%" not in text and "％" not in text:  # every rule here checks a percentage: most paragraphs have none
        return []
    findings: list[Finding] = []
    for sentence in _SENTENCE.finditer(text):
        findings += _percent_of_counts(number, text, sentence.start(), sentence.group())
        findings += _points(number, text, sentence.start(), sentence.group())
        findings += _year_on_year(number, text, sentence.start(), sentence.group())
    return findings


def _percent_of_counts(number: int, text: str, base: int, sentence: str) -> list[Finding]:
    """Exactly two counts of one unit before exactly one rate: part ÷ whole, rounded as written."""
    rates = list(_RATE.finditer(sentence))
    if len(rates) != 1:
        return []
    rate = rates[0]
    counts = list(_COUNT.finditer(sentence[: rate.start()]))
    if len(counts) != 2 or counts[0].group(2) != counts[1].group(2):
        return []
    whole, part = (Decimal(match.group(1)) for match in counts)
    written = Decimal(rate.group(1))
    if whole == 0 or part > whole:
        return []
    places = Decimal(1).scaleb(-(len(rate.group(1).partition(".")[2])))
    computed = (part / whole * 100).quantize(places, rounding=ROUND_HALF_UP)
    if computed == written:
        return []
    start, end = base + rate.start(1), base + rate.end(1)
    message = messages.percent_disagrees(f"{written}%", f"{computed}%", str(part), str(whole))
    return [Finding("A1", "error", number, text, start, end, message, str(computed))]


def _points(number: int, text: str, base: int, sentence: str) -> list[Finding]:
    """ "由79.39%提高至96.91%，同比增长18.56%": the change of a rate is its difference in
    个百分点; left alone only when the % given really is the relative growth."""
    findings = []
    for match in _CHANGE.finditer(sentence):
        before, after, change = (Decimal(group) for group in match.groups())
        points = abs(after - before)
        if before and abs(points / before * 100 - change) <= Decimal("0.015"):
            continue
        start, end = base + match.start(3), base + match.end()
        written = text[start:end]
        message = messages.points_not_percent(f"{before}%", f"{after}%", written, f"{points}")
        findings.append(Finding("A2", "error", number, text, start, end, message, f"{points}个百分点"))
    return findings


# A3. A count: a whole or decimal number, perhaps in 万/亿, and its measure word; not part of a
# larger number, and not approximate (约、近、逾、超 before it; 余、多 between number and unit fail to match).
_NUMBER = r"(?<![\d.约近逾超])\d+(?:\.\d+)?(?:万|亿)?"
_UNIT = r"(?:万元|亿元|元|人次|场次|件|人|次|个|家|起|宗|户|场|条|份|项|部|篇|期|名|所|批)"
_CHANGE_VERB = r"(?P<verb>增长|增加|上升|提高|下降|减少|降低)了?(?P<percent>\d+(?:\.\d+)?)[%％]"
_PREVIOUS = r"(?:上年|去年|上一年度?)(?:同期)?"
_LAST_YEAR = r"(?:上年|去年|上一年度?|\d{4}年度?)(?:同期)?"  # as the base of a comparison ("较2023年的")
_GAP = r"[^\d%％率占]{0,12}?"  # no other figure, rate or share between the count and its change
_YEAR_ON_YEAR = (
    # "由40件增加到45件，增长12.5%"
    re.compile(
        rf"(?:由|从)(?:{_LAST_YEAR}的?)?(?P<last>{_NUMBER}{_UNIT})(?:增加|增长|上升|提高|下降|减少|降低)?(?:到|至)"
        rf"(?:今年|本年度?|\d{{4}}年度?)?的?(?P<this>{_NUMBER}{_UNIT}){_GAP}{_CHANGE_VERB}"
    ),
    # "受理案件45件，较上年的40件增长12.5%"
    re.compile(
        rf"(?P<this>{_NUMBER}{_UNIT}){_GAP}(?:较|比|同比){_LAST_YEAR}的?(?P<last>{_NUMBER}{_UNIT}){_CHANGE_VERB}"
    ),
    # "受理案件45件，同比增长12.5%（上年40件）"
    re.compile(
        rf"(?P<this>{_NUMBER}{_UNIT}){_GAP}{_CHANGE_VERB}[（(，,]?{_PREVIOUS}(?:为|是|的)?(?P<last>{_NUMBER}{_UNIT})"
    ),
)
_SPLIT_COUNT = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?(.+)")
_SCALE = {"": Decimal(1), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
_OPPOSITE = {
    "增长": "下降",
    "增加": "减少",
    "上升": "下降",
    "提高": "降低",
    "下降": "增长",
    "减少": "增加",
    "降低": "提高",
}
_DECLINES = frozenset({"下降", "减少", "降低"})
_RANGE_MARKS = "-—–~～至到"


def _year_on_year(number: int, text: str, base: int, sentence: str) -> list[Finding]:
    """This year's and last year's counts of one unit with the change stated in %: recomputed
    as (this − last) ÷ last, rounded as written, its direction included."""
    findings: list[Finding] = []
    spans: list[tuple[int, int]] = []
    for pattern in _YEAR_ON_YEAR:
        for match in pattern.finditer(sentence):
            span = match.span("percent")
            if span in spans or _in_range(sentence, match.start("this")) or _in_range(sentence, match.start("last")):
                continue
            spans.append(span)
            finding = _recompute(number, text, base, match)
            findings += [finding] if finding else []
    return findings


def _recompute(number: int, text: str, base: int, match: re.Match[str]) -> Finding | None:
    this, last = _count(match.group("this")), _count(match.group("last"))
    if this is None or last is None or this[1] != last[1] or not last[0]:
        return None
    verb, written = match.group("verb"), Decimal(match.group("percent"))
    places = Decimal(1).scaleb(-len(match.group("percent").partition(".")[2]))
    computed = (abs(this[0] - last[0]) / last[0] * 100).quantize(places, rounding=ROUND_HALF_UP)
    declined = this[0] < last[0]
    right_verb = verb if (verb in _DECLINES) == declined or not computed else _OPPOSITE[verb]
    if right_verb == verb and computed == written:
        return None
    start, end = base + match.start("verb"), base + match.end("percent") + 1  # through the % sign
    this_written, last_written = match.group("this"), match.group("last")
    message = messages.year_on_year_disagrees(
        last_written,
        this_written,
        _value(this_written),
        _value(last_written),
        f"{right_verb}{computed}%",
        f"{verb}{written}%",
    )
    return Finding("A3", "error", number, text, start, end, message, f"{right_verb}{computed}%")


def _count(written: str) -> tuple[Decimal, str] | None:
    """The value and measure word of a count: "1.2万件" → (12000, "件")."""
    match = _SPLIT_COUNT.fullmatch(written)
    if match is None:
        return None
    value, scale, unit = match.groups()
    return Decimal(value) * _SCALE[scale or ""], unit


def _value(written: str) -> str:
    """The number as written, without its measure word: "1.2万件" → "1.2万"."""
    match = _SPLIT_COUNT.fullmatch(written)
    return match.group(1) + (match.group(2) or "") if match else written


def _in_range(sentence: str, start: int) -> bool:
    """The count ends a range ("40至45件", "40-45件"): not one figure."""
    return start >= 2 and sentence[start - 1] in _RANGE_MARKS and sentence[start - 2].isdigit()
