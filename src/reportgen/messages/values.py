"""Values quoted back to the user, and the words every message shares.

A value is always shown as the clerk typed it, with every invisible or look-alike blank named
(“土城子乡‹全角空格 U+3000›”), and never as a Python repr: whatever ruamel.yaml built
(CommentedMap, a set, bytes, a Decimal) is described in words.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Set
from decimal import Decimal
from typing import Any

YAML_SYNTAX_TITLE = "YAML 语法"
FILE_TITLE = "文件"

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}

# How long an echoed value may be before it is cut ("…").
SHOWN_LENGTH = 30

# Blanks and marks a clerk cannot see, by the name the clerk guide uses.
_NAMED = {
    "\t": "制表符",
    "\n": "换行",
    "\r": "回车",
    "\u3000": "全角空格 U+3000",
    "\u00a0": "不换行空格 U+00A0",
    "\u200b": "零宽空格 U+200B",
    "\u200c": "零宽非连接符 U+200C",
    "\u200d": "零宽连接符 U+200D",
    "\u2060": "零宽不换行符 U+2060",
    "\ufeff": "零宽不换行空格（BOM）U+FEFF",
    "\u00ad": "软连字符 U+00AD",
    "\u0085": "换行 U+0085",
    "\u2028": "行分隔符 U+2028",
    "\u2029": "段分隔符 U+2029",
    "\u202f": "窄不换行空格 U+202F",
    "\u205f": "数学空格 U+205F",
}
_DIRECTION_MARKS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def character_name(char: str) -> str | None:
    """The Chinese name of a character the clerk cannot see (or cannot tell from a space); None
    for an ordinary visible character or the ordinary space."""
    if char in _NAMED:
        return _NAMED[char]
    code = f"U+{ord(char):04X}"
    if char in _DIRECTION_MARKS:
        return f"文字方向控制符 {code}"
    if "\u2000" <= char <= "\u200a":
        return f"特殊宽度空格 {code}"
    category = unicodedata.category(char)
    if category == "Cs":
        return f"无效字符（单独的代理项）{code}"
    if category == "Cc":
        return f"控制字符 {code}"
    if category == "Cf" or (category == "Cn" and (ord(char) & 0xFFFE == 0xFFFE or "\ufdd0" <= char <= "\ufdef")):
        return f"不可见字符 {code}"
    return None


def show_text(text: str) -> str:
    """`text` with each invisible character replaced by its name in ‹›, so a message can quote it."""
    return "".join(f"‹{name}›" if (name := character_name(char)) else char for char in text)


def show_value(value: Any) -> str:
    """How a value the clerk typed is quoted back in a message (the 实为 part)."""
    from ruamel.yaml.comments import TaggedScalar  # local: only needed for odd input
    from ruamel.yaml.scalarbool import ScalarBoolean

    if value is None:
        return "空值"
    if isinstance(value, bool | ScalarBoolean):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= SHOWN_LENGTH else value[:SHOWN_LENGTH] + "…"
        return f"“{show_text(shown)}”"
    if isinstance(value, int):
        return str(value)  # a Count prints as typed: "3000余"
    if isinstance(value, Decimal | float):
        return _show_number(value)
    if isinstance(value, TaggedScalar):
        return f"带标签 {show_text(str(value.tag))} 的值"
    if isinstance(value, dt.date):
        return value.isoformat()
    return _describe(value)


def _show_number(value: Decimal | float) -> str:
    number = Decimal(str(value)) if isinstance(value, float) else value
    if not number.is_finite():
        return "非数字（.nan 或 .inf）"
    # "{:f}" never uses an exponent: 1E+5 reads 100000.
    return f"{number:f}"


def _describe(value: Any) -> str:
    """Containers and odd objects in words: never str() of an object the clerk did not type."""
    if isinstance(value, Mapping):
        return "一组“键: 值”"
    if isinstance(value, list | tuple):
        return "一个列表"
    if isinstance(value, Set):
        return "一个集合（!!set）"
    if isinstance(value, bytes | bytearray):
        return "一段二进制数据（!!binary）"
    return "无法识别的值"


def expected_actual(expected: str, value: Any) -> str:
    # A space between Chinese and a Latin word or number, as the messages write "实为 14".
    space = " " if expected[:1].isascii() else ""
    return f"应为{space}{expected}，实为 {show_value(value)}"
