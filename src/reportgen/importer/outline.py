"""A read report's outline: title, 主送机关, preamble, the parts (一、…) with their roles, the
signing bodies and the 成文日期. Only positions and wording are decided here; what is inside
each part is parsed by importer.tree."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from reportgen.importer.roles import part_role
from reportgen.importer.text import split_heading
from reportgen.reader import Paragraph, ReadReport

# 主送机关: "中共××市委、××市人民政府：", "市委全面依法治市委员会：" (DOMAIN_NOTES §1.6).
_ADDRESSEE = re.compile(r"^(?!\d)[^。；！？，,]{2,40}[：:]$")
_ORGAN_WORDS = re.compile("委|政府|人大|委员会|局|厅|办|公署|政协|党组|同志")
# A signing body: a name ending as organs do, no punctuation (GB/T 9704 7.3.5).
_SIGNATORY = re.compile(
    r"^[\u4e00-\u9fff（）()·]{2,30}(?:委员会|人民政府|行政公署|办事处|政府|党委|党组|县委|区委|市委|旗委|乡委|镇委|"
    r"局|厅|委|办公室|办|中心|院|署|站|所)$"
)
_DATE = re.compile(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
                   r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")  # fmt: skip
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CN_DIGITS = {char: index for index, char in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
PART_FORMATS = ("{cn}、", "第{cn}部分")


@dataclass
class Part:
    """One part of the report: its heading, the role its wording names, and its paragraphs."""

    number: str  # as written: "一、", "、" (numeral lost)
    title: str
    role: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Outline:
    title: str
    title_lines: tuple[str, ...]
    addressee: str
    preamble: list[str]
    parts: list[Part]
    part_format: str
    signatories: list[str]
    signed_on: dt.date | None
    year: int | None


def outline_of(read: ReadReport) -> Outline:
    paragraphs = list(read.paragraphs)
    addressee = ""
    if paragraphs and _is_addressee(paragraphs[0].text):
        addressee = paragraphs.pop(0).text.rstrip("：:")
    paragraphs, signatories, signed_on, trailing = _signature(paragraphs)
    paragraphs += trailing  # after the 成文日期 (附注, 附件): kept, in the last part's text
    year = _year(read.title, paragraphs, signed_on, read.metadata)
    part_format = _part_format(paragraphs, year)
    preamble: list[str] = []
    parts: list[Part] = []
    for paragraph in paragraphs:
        if _is_part_heading(paragraph, part_format):
            split = split_heading(paragraph.body)
            part = Part(paragraph.number, split.title, part_role(split.title, year))
            if split.text:
                part.paragraphs.append(Paragraph(text=split.text, line=paragraph.line))
            parts.append(part)
        elif parts:
            parts[-1].paragraphs.append(paragraph)
        else:
            preamble.append(paragraph.text)
    return Outline(
        title=read.title,
        title_lines=read.title_lines,
        addressee=addressee,
        preamble=preamble,
        parts=parts,
        part_format=part_format,
        signatories=signatories,
        signed_on=signed_on,
        year=year,
    )


def _is_addressee(text: str) -> bool:
    return bool(_ADDRESSEE.match(text) and _ORGAN_WORDS.search(text))


def _signature(
    paragraphs: list[Paragraph],
) -> tuple[list[Paragraph], list[str], dt.date | None, list[Paragraph]]:
    """The signing bodies and 成文日期 at the end: (paragraphs before them, bodies, date, paragraphs after)."""
    end = len(paragraphs)
    date = None
    trailing: list[Paragraph] = []
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 4, -1), -1):
        date = parse_date(paragraphs[index].text)
        if date is not None:
            trailing = [Paragraph(text=p.text, line=p.line) for p in paragraphs[index + 1 :]]
            end = index
            break
    start = end
    while start > 0 and end - start < 4 and _SIGNATORY.match(paragraphs[start - 1].text.replace(" ", "")):
        start -= 1
    if date is None and start == end:
        return paragraphs, [], None, []
    bodies = [p.text.replace(" ", "") for p in paragraphs[start:end]]
    return paragraphs[:start], bodies, date, trailing


def parse_date(text: str) -> dt.date | None:
    """A 成文日期 ("2025年3月12日", "二〇二五年三月十二日") as a date; None for anything else."""
    match = _DATE.match(text.strip())
    if match is None:
        return None
    year, month, day = (_number(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if all(char in _CN_DIGITS for char in text):  # 二〇二五: digit by digit
        return int("".join(str(_CN_DIGITS[char]) for char in text))
    tens, _, ones = text.partition("十")
    if "十" not in text:
        return _CN_DIGITS[text]
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _year(title: str, paragraphs: list[Paragraph], signed_on: dt.date | None, metadata: dict[str, str]) -> int | None:
    """The year reported on: the title's, else the first the report names, else the year before it was
    signed or published."""
    for text in (title, *(p.text for p in paragraphs[:3])):
        match = _YEAR.search(text)
        if match:
            return int(match.group(1))
    if signed_on is not None:
        return signed_on.year - 1
    published = re.match(r"(\d{4})", metadata.get("发布日期", ""))
    return int(published.group(1)) - 1 if published else None


def _part_format(paragraphs: list[Paragraph], year: int | None) -> str:
    """The numbering of the parts: "一、" when the report uses it (GB/T 9704's first level), else
    the numbering whose headings best name the regulation's parts."""
    formats = [p.format for p in paragraphs if p.format]
    for candidate in PART_FORMATS:
        if candidate in formats:
            return candidate
    scores: dict[str, int] = {}
    for paragraph in paragraphs:
        run_in = paragraph.format.endswith("是")
        if paragraph.format and not run_in and part_role(split_heading(paragraph.body).title, year):
            scores[paragraph.format] = scores.get(paragraph.format, 0) + 1
    best = max(scores.items(), key=lambda item: item[1], default=("", 0))
    return best[0] if best[1] >= 2 else ""


def _is_part_heading(paragraph: Paragraph, part_format: str) -> bool:
    if part_format:
        return paragraph.format == part_format
    return paragraph.heading_level == 1  # a Word report with heading styles and no typed numbers
