"""Arithmetic the text does itself (督察规定 art. 25: a report's figures must be true):
a percentage recomputed from the two counts in the same sentence, and a change between two
percentages written as "增长 X%" where X is the difference (it is X 个百分点).
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
    findings: list[Finding] = []
    for sentence in _SENTENCE.finditer(text):
        findings += _percent_of_counts(number, text, sentence.start(), sentence.group())
        findings += _points(number, text, sentence.start(), sentence.group())
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
