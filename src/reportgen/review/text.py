"""Character classes shared by the rules."""

from __future__ import annotations

from reportgen.checks.punctuation import is_chinese

__all__ = ["is_chinese", "is_han"]


def is_han(char: str) -> bool:
    """A CJK ideograph (not punctuation)."""
    code = ord(char)
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
