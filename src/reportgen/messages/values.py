"""Values quoted back to the user, and the words every message shares."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

YAML_SYNTAX_TITLE = "YAML 语法"
FILE_TITLE = "文件"

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


def show_value(value: Any) -> str:
    """How a value the clerk typed is quoted back in a message (the 实为 part)."""
    from ruamel.yaml.comments import TaggedScalar  # local: only needed for odd input

    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        return str(value)
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:30] + "…"
        return f"“{shown}”"
    if isinstance(value, TaggedScalar):
        return f"带标签 {value.tag} 的值"
    if isinstance(value, Mapping):
        return "一组“键: 值”"
    if isinstance(value, list | tuple):
        return "一个列表"
    return f"“{value}”"


def expected_actual(expected: str, value: Any) -> str:
    # A space between Chinese and a Latin word or number, as the messages write "实为 14".
    space = " " if expected[:1].isascii() else ""
    return f"应为{space}{expected}，实为 {show_value(value)}"
