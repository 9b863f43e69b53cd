"""Arithmetic the text does itself (督察规定 art. 25: a report's figures must be true):
a percentage recomputed from the two counts it is the share of (A1), a change between two
percentages written as "增长 X%" where X is the difference (it is X 个百分点; A2), a
year-on-year change recomputed from this year's and last year's counts (A3), and a part
(审结, 办结 …) larger than its whole (受理, 收到 …; A4).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from reportgen import messages
from reportgen.review.model import Finding
from reportgen.review.text import Joined, is_han, occurrences

_SENTENCE = re.compile(r"[^。；;！？]+")
_COUNT = re.compile(r"(?<![\d.％%])(\d+)(件|人|次|个|家|起|宗|户|场)")
_RATE = re.compile(r"率(?:为|达|达到|是)?(\d+(?:\.\d+)?)[%％]")
_CLAUSE_MARKS = "，、；,;：:"
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
_CHANGE = re.compile(
    r"(\d+(?:\.\d+)?)[%％][^%％。；]{0,12}?(?:提高|提升|增长|上升|下降|降低|减少)(?:至|到)"
    # between the second rate and its change only a comma and a 同比: "，办件量增长3%" is another subject's
    r"(\d+(?:\.\d+)?)[%％][，,]?(?:同比|[较比](?:上年|去年))?(?:提高|提升|增长|上升|下降|降低|减少)了?"
    r"(\d+(?:\.\d+)?)[%％]"
)
# Every change A2, A3 and A5 read names one of these.
_CHANGE_WORD = re.compile("提高|提升|增长|增加|上升|下降|降低|减少")
# A5: the same change given in 个百分点 — its value and direction are checked.
_RISES, _FALLS = ("提高", "提升", "增长", "上升"), ("下降", "降低", "减少")
_POINTS_GIVEN = re.compile(
    r"(\d+(?:\.\d+)?)[%％][^%％。；]{0,12}?(?P<first>提高|提升|增长|上升|下降|降低|减少)(?:至|到)"
    r"(\d+(?:\.\d+)?)[%％][，,]?(?:同比|[较比](?:上年|去年))?(?P<second>提高|提升|增长|上升|下降|降低|减少)了?"
    r"(?P<points>\d+(?:\.\d+)?)个百分点"
)
# A4: what a count is of, by the words of its clause. A whole received or handled, and the parts
# of it concluded; a clause with both ("受理化解矛盾纠纷80件") counts as a whole.
_WHOLES = ("受理", "收到", "办理", "接收", "排查")
_RATE_BASES = ("受理", "办理")  # what 审结率, 办结率 are of: not 收到 (some received are not accepted)
_PARTS = ("审结", "办结", "结案", "化解", "调解成功", "办理完毕", "处理完毕")
_NOT_DONE = ("不予", "未")
# Cases carried over from last year, or included, make a part larger than this year's whole legitimate.
_CARRIED_OVER = ("结转", "上年", "含", "累计")


_DIGIT = re.compile(r"\d")


def _whole_then_part(sentence_ends: str) -> re.Pattern[str]:
    """What an A4 finding needs within one sentence: a whole's word, its count, then a part's word
    and its count (the part's clause starts after the whole's count, or the whole's word would make
    it a whole). Each alternative starts with its own character, so the engine skips, in C, every
    character none starts with. The first digit after the whole's word and the first part's word
    after that are the ones to take (a later one leaves less room for the rest): taken for good
    (possessive, atomic), so that a sentence without the rest is given up at once, not retried
    from every digit and every character after it."""
    inside = f"[^{sentence_ends}]"
    return re.compile(
        "|".join(
            rf"{whole}[^{sentence_ends}\d]*+\d(?>{inside}*?(?:{'|'.join(_PARTS)}))[^{sentence_ends}\d]*+\d"
            for whole in _WHOLES
        )
    )


# Within one paragraph, sentences end as _SENTENCE ends them; across the joined paragraphs of the
# screen (review.text.Joined) a line break ends one too.
_A4_SUSPECT = _whole_then_part("。；;！？")
_A4_SUSPECT_JOINED = _whole_then_part("。；;！？\n")


def check_arithmetic(number: int, text: str) -> list[Finding]:
    if not _DIGIT.search(text):  # every rule here reads counts: most headings and many paragraphs have none
        return []
    # A4 checks a whole and its part, the other rules a percentage: most sentences have neither,
    # and they are asked of each sentence only where the paragraph has them.
    wholes = _A4_SUSPECT.search(text) is not None
    percent = "%" in text or "％" in text
    findings: list[Finding] = []
    previous = ""
    for match in _SENTENCE.finditer(text) if wholes or percent else ():
        base, sentence = match.start(), match.group()
        if wholes and _A4_SUSPECT.search(sentence):
            findings += _part_exceeds_whole(number, text, base, sentence)
        if percent and ("%" in sentence or "％" in sentence):
            findings += _percent_of_counts(number, text, base, sentence, previous)
            if _CHANGE_WORD.search(sentence):  # what A2, A3 and A5 check is a change
                findings += _points(number, text, base, sentence)
                findings += _points_given(number, text, base, sentence)
                findings += _year_on_year(number, text, base, sentence)
        previous = sentence
    return findings


def suspects(joined: Joined) -> set[int]:
    """The paragraphs check_arithmetic may find something in; in the others it cannot: those
    with a percentage (A1–A3, A5), or a sentence with A4's whole and part."""
    percentages = (start for sign in "%％" for start, _ in occurrences(joined.text, sign))
    return joined.holding(percentages) | joined.matching(_A4_SUSPECT_JOINED)


def _percent_of_counts(number: int, text: str, base: int, sentence: str, previous: str) -> list[Finding]:
    """One rate, its part (the count whose clause names the rate: 审结8件 … 审结率) and its whole
    (the other count of that unit in the sentence, or the previous sentence's 受理10件): part ÷ whole,
    rounded as written. Without the rate's name by the part ("其中女性干部40人，合格率95%")
    the two counts need not be its part and whole, and nothing is said."""
    rates = list(_RATE.finditer(sentence))
    if len(rates) != 1:
        return []
    rate = rates[0]
    name = sentence[max(0, rate.start() - 2) : rate.start()]
    if len(name) != 2 or not all(is_han(char) for char in name):
        return []
    counts = _counts(sentence[: rate.start()])
    parts = [count for count in counts if name in _clause(sentence, count.start())]
    if len(parts) != 1:
        return []
    part = parts[0]
    if len(counts) == 2:
        whole = next(count for count in counts if count is not part)
    elif len(counts) == 1:
        whole = _whole_before(previous, part.group(2))
    else:
        return []
    if whole is None or whole.group(2) != part.group(2):
        return []
    return _compare(number, text, base, rate, Decimal(part.group(1)), Decimal(whole.group(1)))


def _compare(number: int, text: str, base: int, rate: re.Match[str], part: Decimal, whole: Decimal) -> list[Finding]:
    written = Decimal(rate.group(1))
    if whole == 0 or part > whole:  # a part larger than its whole is A4's
        return []
    places = Decimal(1).scaleb(-(len(rate.group(1).partition(".")[2])))
    computed = (part / whole * 100).quantize(places, rounding=ROUND_HALF_UP)
    if computed == written:
        return []
    start, end = base + rate.start(1), base + rate.end(1)
    message = messages.percent_disagrees(f"{written}%", f"{computed}%", str(part), str(whole))
    return [Finding("A1", "error", number, text, start, end, message, str(computed))]


def _counts(text: str) -> list[re.Match[str]]:
    """The counts in `text` outside brackets: "8件（终止5件，维持3件）" is one count, broken down."""
    bracketed = {offset for match in _BRACKETED.finditer(text) for offset in range(*match.span())}
    return [count for count in _COUNT.finditer(text) if count.start() not in bracketed]


def _clause(sentence: str, end: int) -> str:
    """The clause a count ends: from the last ，、；: before it (or the sentence's start) to it."""
    start = max(sentence.rfind(mark, 0, end) for mark in _CLAUSE_MARKS) + 1
    return sentence[start:end]


def _whole_before(previous: str, unit: str) -> re.Match[str] | None:
    """The previous sentence's last count of `unit` accepted or handled ("收到申请14件，受理10件。")."""
    wholes = [count for count in _counts(previous) if count.group(2) == unit and _is_base(previous, count)]
    return wholes[-1] if wholes else None


def _is_base(sentence: str, count: re.Match[str]) -> bool:
    clause = _clause(sentence, count.start())
    return _is_whole(clause) and any(word in clause for word in _RATE_BASES)


def _is_whole(clause: str) -> bool:
    return any(word in clause for word in _WHOLES) and not any(word in clause for word in _NOT_DONE)


def _is_part(clause: str) -> bool:
    return any(word in clause for word in _PARTS) and not any(word in clause for word in (*_WHOLES, *_NOT_DONE))


def _part_exceeds_whole(number: int, text: str, base: int, sentence: str) -> list[Finding]:
    """ "受理10件，审结12件": a part counted after its whole, of the same unit, larger than it."""
    if not any(word in sentence for word in _WHOLES) or any(word in sentence for word in _CARRIED_OVER):
        return []
    findings = []
    whole: dict[str, re.Match[str]] = {}  # unit → the last whole counted before
    for count in _counts(sentence):
        clause = _clause(sentence, count.start())
        unit = count.group(2)
        if _is_whole(clause):
            whole[unit] = count
        elif _is_part(clause) and unit in whole and int(count.group(1)) > int(whole[unit].group(1)):
            received = whole[unit]
            message = messages.part_over_whole_found(
                _clause(sentence, count.start()) + count.group(),
                _clause(sentence, received.start()) + received.group(),
            )
            start, end = base + count.start(), base + count.end()
            findings.append(Finding("A4", "error", number, text, start, end, message))
    return findings


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


def _points_given(number: int, text: str, base: int, sentence: str) -> list[Finding]:
    """ "由79.39%提高至96.91%，提高18.56个百分点": the points are the two rates' difference, rounded
    as written, in the direction the rates moved."""
    findings = []
    for match in _POINTS_GIVEN.finditer(sentence):
        before, after = Decimal(match.group(1)), Decimal(match.group(3))
        written = match.group("points")
        places = Decimal(1).scaleb(-len(written.partition(".")[2]))
        points = abs(after - before).quantize(places, rounding=ROUND_HALF_UP)
        rising = after > before
        direction_ok = after == before or (match.group("second") in _RISES) == rising
        if points == Decimal(written) and direction_ok:
            continue
        verb = match.group("second") if direction_ok else ("提高" if rising else "下降")
        start, end = base + match.start("second"), base + match.end()
        message = messages.points_disagree(f"{before}%", f"{after}%", text[start:end], f"{verb}{points}个百分点")
        findings.append(Finding("A5", "error", number, text, start, end, message, f"{verb}{points}个百分点"))
    return findings


# A3. A count: a whole or decimal number, perhaps in 万/亿, and its measure word; not part of a
# larger number, and not approximate (约、近、逾、超 before it; 余、多 between number and unit fail to match).
# (The digit first, then what may not precede it: a pattern that starts with a digit lets the
# engine skip, in C, to the digits; one that starts with a look-behind is tried at every character.)
_NUMBER = r"\d(?<![\d.约近逾超]\d)\d*(?:\.\d+)?(?:万|亿)?"
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
# "2024年受理45件，2023年受理40件，同比增长12.5%": two years named, the later one's count is this year's.
_TWO_YEARS = re.compile(
    rf"(?P<year1>\d{{4}})年度?[^\d%％，,。；]{{0,12}}?(?P<count1>{_NUMBER}{_UNIT})[，,、]"
    rf"(?P<year2>\d{{4}})年度?[^\d%％，,。；]{{0,12}}?(?P<count2>{_NUMBER}{_UNIT}){_GAP}{_CHANGE_VERB}"
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
    for match, this, last in _comparisons(sentence):
        span = match.span("percent")
        if span in spans or _in_range(sentence, match.start(this)) or _in_range(sentence, match.start(last)):
            continue
        spans.append(span)
        finding = _recompute(number, text, base, match, match.group(this), match.group(last))
        findings += [finding] if finding else []
    return findings


def _comparisons(sentence: str) -> list[tuple[re.Match[str], str, str]]:
    """Each comparison stated, with the names of its groups holding this year's and last year's count."""
    found = [(match, "this", "last") for pattern in _YEAR_ON_YEAR for match in pattern.finditer(sentence)]
    for match in _TWO_YEARS.finditer(sentence):
        first, second = int(match.group("year1")), int(match.group("year2"))
        if abs(first - second) == 1:
            found.append((match, *(("count1", "count2") if first > second else ("count2", "count1"))))
    return found


def _recompute(
    number: int, text: str, base: int, match: re.Match[str], this_written: str, last_written: str
) -> Finding | None:
    this, last = _count(this_written), _count(last_written)
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
