"""Publication (督察规定 第二十四条: made public before 1 April of the next year): the title's
year against the report's, and a signature date or a web page's 发布日期 not before that day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from reportgen import messages
from reportgen.reader.model import Paragraph
from reportgen.review.model import Finding

_YEAR = re.compile(r"(20\d\d)年")
_DATE_LINE = re.compile(r"^(20\d\d)年(\d{1,2})月(\d{1,2})日$")
_SIGNATURE_LINES = 4  # the date sits among the report's last lines
_PUBLISHED = re.compile(r"(20\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})")
PUBLISHED_LABEL = "发布日期"  # as reader/chrome.py names a page's 发布日期/发布时间/公开日期


def title_year(title: str) -> int | None:
    match = _YEAR.search(title)
    return int(match.group(1)) if match else None


def check_title_year(title: str, year: int | None) -> list[Finding]:
    written = title_year(title)
    if year is None or written is None or written == year:
        return []
    match = _YEAR.search(title)
    assert match is not None
    message = messages.title_year_mismatch(written, year)
    return [Finding("T1", "error", 0, title, match.start(1), match.end(1), message, str(year))]


def check_signature_date(paragraphs: Sequence[Paragraph], year: int | None) -> list[Finding]:
    if year is None:
        return []
    deadline = dt.date(year + 1, 4, 1)
    findings = []
    first = max(0, len(paragraphs) - _SIGNATURE_LINES)
    for index, paragraph in enumerate(paragraphs[first:], start=first + 1):
        match = _DATE_LINE.match(paragraph.text.replace(" ", ""))
        if match is None:
            continue
        try:
            date = dt.date(*(int(group) for group in match.groups()))
        except ValueError:
            continue
        if date >= deadline:  # 第二十四条: 每年4月1日之前
            message = messages.date_after_deadline(paragraph.text, year)
            findings.append(Finding("T2", "warning", index, paragraph.text, 0, len(paragraph.text), message))
    return findings


def check_published_date(metadata: Mapping[str, str], year: int | None) -> list[Finding]:
    """The 发布日期 a web page shows above the report (reader/chrome.py), against the same deadline."""
    shown = metadata.get(PUBLISHED_LABEL, "")
    match = _PUBLISHED.search(shown)
    if year is None or match is None:
        return []
    try:
        date = dt.date(*(int(group) for group in match.groups()))
    except ValueError:
        return []
    if date < dt.date(year + 1, 4, 1):
        return []
    text = f"{PUBLISHED_LABEL}：{shown}"
    message = messages.date_after_deadline(shown, year)
    start = len(PUBLISHED_LABEL) + 1
    return [Finding("T2", "warning", 0, text, start, len(text), message, heading=PUBLISHED_LABEL)]
