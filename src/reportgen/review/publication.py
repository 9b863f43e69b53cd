"""Publication (督察规定 art. 25: published by 1 April of the next year): the title's year
against the report's, and a signature date after that deadline."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from reportgen import messages
from reportgen.reader.model import Paragraph
from reportgen.review.model import Finding

_YEAR = re.compile(r"(20\d\d)年")
_DATE_LINE = re.compile(r"^(20\d\d)年(\d{1,2})月(\d{1,2})日$")
_SIGNATURE_LINES = 4  # the date sits among the report's last lines


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
        if date > deadline:
            message = messages.date_after_deadline(paragraph.text, year)
            findings.append(Finding("T2", "warning", index, paragraph.text, 0, len(paragraph.text), message))
    return findings
