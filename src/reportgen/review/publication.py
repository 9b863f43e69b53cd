"""Publication (督察规定 第二十四条: made public before 1 April of the next year): the title's
year against the report's, and a signature date or a web page's 发布日期 not before that day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from reportgen import messages
from reportgen.reader.model import Paragraph
from reportgen.reader.numbering import chinese_ordinal
from reportgen.review.model import Finding

# A year, not the end of a range ("2021—2025年", "2021年至2025年").
_YEAR = re.compile(r"(?<!\d)(?<!\d[—–\-~～至到])(?<!\d年[—–\-~～至到])(20\d\d)年")
_REPORT_YEAR = ("度", "法治政府")  # "2024年度", "2024年法治政府建设": the year reported on
# A signature date: "2025年1月15日", "2025.1.15", "2025-1-15", "2025/1/15", "二〇二五年一月十五日".
_DATE_LINE = re.compile(r"^(20\d\d)(?:年(\d{1,2})月(\d{1,2})日|([.\-/])(\d{1,2})\4(\d{1,2}))$")
_CN_NUMERAL = "[一二三四五六七八九十]"
_CN_DATE_LINE = re.compile(rf"^([〇○零一二三四五六七八九]{{4}})年({_CN_NUMERAL}{{1,2}})月({_CN_NUMERAL}{{1,3}})日$")
_CN_DIGIT = {char: str(value) for value, chars in enumerate(("〇○零", *"一二三四五六七八九")) for char in chars}
_SIGNATURE_LINES = 4  # the date sits among the report's last lines
_PUBLISHED = re.compile(r"(20\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})")
PUBLISHED_LABEL = "发布日期"  # as reader/chrome.py names a page's 发布日期/发布时间/公开日期


def title_year(title: str) -> int | None:
    """The year the title reports on: its only year, or the one written "2024年度" /
    "2024年法治政府…" ("关于2025年工作计划和2024年法治政府建设情况的报告"); None when unclear."""
    match = _title_year_match(title)
    return int(match.group(1)) if match else None


def _title_year_match(title: str) -> re.Match[str] | None:
    matches = list(_YEAR.finditer(title))
    if len({match.group(1) for match in matches}) > 1:
        matches = [match for match in matches if title.startswith(_REPORT_YEAR, match.end())]
    return matches[0] if len({match.group(1) for match in matches}) == 1 else None


def check_title_year(title: str, year: int | None) -> list[Finding]:
    match = _title_year_match(title)
    mentioned = {int(found.group(1)) for found in _YEAR.finditer(title)}
    if year is None or match is None or year in mentioned:  # the report's year among several: no claim
        return []
    written = int(match.group(1))
    message = messages.title_year_mismatch(written, year)
    return [Finding("T1", "error", 0, title, match.start(1), match.end(1), message, str(year))]


def check_signature_date(paragraphs: Sequence[Paragraph], year: int | None) -> list[Finding]:
    if year is None:
        return []
    deadline = _deadline(year)
    findings = []
    first = max(0, len(paragraphs) - _SIGNATURE_LINES)
    for index, paragraph in enumerate(paragraphs[first:], start=first + 1):
        date = signature_date(paragraph.text)
        if date is not None and date >= deadline:  # 每年4月1日之前: the day itself is late
            message = messages.date_after_deadline(paragraph.text, year)
            findings.append(Finding("T2", "warning", index, paragraph.text, 0, len(paragraph.text), message))
    return findings


def signature_date(line: str) -> dt.date | None:
    """The date a signature line consists of, in figures or in Chinese numerals; None otherwise."""
    line = line.replace(" ", "").replace("\u3000", "")
    match = _DATE_LINE.match(line)
    if match:
        year, month, day = match.group(1), match.group(2) or match.group(5), match.group(3) or match.group(6)
        return _date(int(year), int(month), int(day))
    match = _CN_DATE_LINE.match(line)
    if match is None:
        return None
    year = int("".join(_CN_DIGIT[char] for char in match.group(1)))
    month, day = chinese_ordinal(match.group(2)), chinese_ordinal(match.group(3))
    return _date(year, month, day) if month and day else None


def _deadline(year: int) -> dt.date:
    """第二十四条: a report on `year` is made public before 1 April of the next year."""
    return dt.date(year + 1, 4, 1)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def check_published_date(metadata: Mapping[str, str], year: int | None) -> list[Finding]:
    """The 发布日期 a web page shows above the report (reader/chrome.py), against the same deadline."""
    shown = metadata.get(PUBLISHED_LABEL, "")
    match = _PUBLISHED.search(shown)
    if year is None or match is None:
        return []
    date = _date(*(int(group) for group in match.groups()))
    if date is None or date < _deadline(year):
        return []
    text = f"{PUBLISHED_LABEL}：{shown}"
    message = messages.date_after_deadline(shown, year)
    start = len(PUBLISHED_LABEL) + 1
    return [Finding("T2", "warning", 0, text, start, len(text), message, heading=PUBLISHED_LABEL)]
