"""Numbering typed by the clerk: reportgen numbers headings and items itself.

"一是加强学习" as a title prints as "一是一是加强学习"; "（一）" before an area title as
"（一）（一）…". The style (一、（一）1.（1）, 一是) is the writers' (DOMAIN_NOTES §2.5, §5),
so typed numbering is an error, in a title or at the start of an untitled item's text.
Numbering inside a paragraph ("……一是……二是……") is the clerk's prose and is fine.
"""

from __future__ import annotations

import re

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, error
from reportgen.checks.text import is_title
from reportgen.schema.sections import Measure, Shortcoming, SubItem

_CN = "[一二三四五六七八九十]{1,3}"
_NUMBERING = re.compile(
    "|".join(
        (
            rf"{_CN}是",  # 一是
            rf"{_CN}[、.．]",  # 一、
            rf"第{_CN}[，、,：:]",  # 第一，(not 第一责任人)
            rf"[（(]{_CN}[）)]",  # （一）
            r"[（(]\d{1,2}[）)]",  # （1）
            r"\d{1,2}(?:[、．]|\.(?!\d))",  # 1. 1、 1．(not 1.5万 or 2023年)
            r"\d{1,2}[）)]",  # 1）
            "[\u2460-\u2473]",  # ①–⑳
        )
    )
)
# Items printed after a generated number (一是, 1., （1）) when they have no title.
_NUMBERED_ITEMS = (Measure, SubItem, Shortcoming)


def typed_numbering(text: str) -> str | None:
    """The numbering a text starts with, if any: "一是", "1.", "（一）" …"""
    match = _NUMBERING.match(text)
    return match.group() if match else None


def check_numbering(context: CheckContext) -> list[Finding]:
    findings = []
    for path, text in context.texts:
        found = typed_numbering(text) if is_title(path) else None
        if found:
            findings.append(error(path, messages.numbering_in_title(found), offset=0))
    for path, item in context.models:
        if isinstance(item, _NUMBERED_ITEMS) and not item.title and item.text:
            found = typed_numbering(item.text)
            if found:
                findings.append(error((*path, "text"), messages.numbering_in_untitled_text(found), offset=0))
    return findings
