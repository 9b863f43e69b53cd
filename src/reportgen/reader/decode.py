"""Bytes → text for pages and text files: a byte-order mark, the charset a page declares,
UTF-8, then GB18030 (which covers GBK and GB2312, the encodings Chinese Windows saves in)."""

from __future__ import annotations

import codecs
import re

# A page's own declaration: <meta charset="gbk"> or content="text/html; charset=gb2312".
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB18030 is a superset of both; decoding with it reads either the same way.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def declared_charset(raw: bytes) -> str | None:
    match = _DECLARED.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode(raw: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """(text, encoding), or None when no encoding reads it as text (a binary file, or an
    encoding other than UTF-8/UTF-16/GB18030)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _try(raw, encoding)
    candidates = [_SUPERSETS.get(declared, declared)] if declared else []
    for encoding in (*candidates, "utf-8", "gb18030"):
        decoded = _try(raw, encoding)
        if decoded is not None and (encoding == "utf-8" or looks_chinese(decoded[0])):
            return decoded
    return None


def looks_chinese(text: str) -> bool:
    """Text GB18030 read correctly: nearly all of it is in GB2312's common characters. GB18030 decodes
    almost any bytes (UTF-16 without a byte-order mark, Big5, a binary file) into rare characters."""
    sample = [char for char in text[:20_000] if ord(char) > 0x7F]
    if not sample:
        return True
    common = sum(1 for char in sample if _in_gb2312(char))
    return common >= 0.9 * len(sample)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _try(raw: bytes, encoding: str) -> tuple[str, str] | None:
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if "\x00" in text:  # a binary file that happens to decode
        return None
    return text, encoding.removesuffix("-sig")
