"""Where a report's title is: its first lines, before any sentence, possibly split over
several lines (GB/T 9704 7.3.1: 梯形 or 菱形) and letter-spaced ("报  告")."""

from __future__ import annotations

import re

from reportgen.reader.numbering import leading_numbering

# What a title of this kind of report says, and how it ends (DOMAIN_NOTES §2.5).
_SUBJECT = re.compile("法治政府|依法行政|法治建设|法治.{0,6}建设")
_ENDING = re.compile("(?:报告|总结|汇报|情况)$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_MARKS = re.compile("[。；！？!?;]")
_MAX_LINE = 40
_MAX_LINES = 4
_LETTER_SPACE = re.compile(r"(?:(?<=^\S)|(?<=[\s\u3000]\S))[\s\u3000]+|[\s\u3000]+(?=\S(?:$|[\s\u3000]))")


def squeeze(text: str) -> str:
    """A title line without its letter spacing ("报  告" → "报告", "情况的报 告" → "情况的报告"); a space
    between words stays ("中共青山县委 青山县人民政府")."""
    return _LETTER_SPACE.sub("", text.strip())


def find_title(lines: list[str]) -> tuple[int, int] | None:
    """(first, end) of the title's lines in `lines`, or None. The title comes before the first
    sentence or numbered heading; it names the subject and ends in 报告, 总结 or 情况."""
    for first, line in enumerate(lines):
        if _ends_search(line):
            return None
        for end in range(first + 1, min(first + _MAX_LINES, len(lines)) + 1):
            if _ends_search(lines[end - 1]):
                break
            if _is_title(lines[first:end]):
                return _without_site_name(lines, first, end), end
    return None


def _is_title(lines: list[str]) -> bool:
    joined = "".join(squeeze(part) for part in lines)
    return bool(_SUBJECT.search(joined) and _ENDING.search(joined))


def _without_site_name(lines: list[str], first: int, end: int) -> int:
    """Where the title starts when the lines above it may be the site's name ("托克逊县人民政府"):
    the last start from which the lines still make a whole title with its year. A title's
    "关于……" line is never its start: the issuing bodies above it belong to it."""
    for start in range(end - 1, first, -1):
        joined = "".join(squeeze(part) for part in lines[start:end])
        if _is_title(lines[start:end]) and _YEAR.search(joined) and not joined.startswith("关于"):
            return start
    return first


def _ends_search(line: str) -> bool:
    """A sentence, a long line or a numbered heading: the title is above it or not there at all."""
    return len(line) > _MAX_LINE or bool(_SENTENCE_MARKS.search(line)) or leading_numbering(line) is not None
