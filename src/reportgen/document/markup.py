"""The small line format templates emit, and its parser into document blocks.

A template's output is plain text: paragraphs separated by blank lines. Structure comes
from directive lines made by the template helpers (`heading()`, `enumeration()` …): a
line starting with RS (U+001E), fields separated by US (U+001F). Both are characters XML
forbids, so they are stripped from every value a profile provides (`clean_text`): profile
text can never forge structure, whatever it contains.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from reportgen.document.model import Block, Enumeration, EnumerationItem, Heading, Paragraph, Signature, Table

RS, US = "\x1e", "\x1f"
ENUMERATION_KINDS = ("item", "measure", "sub")
# Characters XML 1.0 does not allow (and our two separators, which are among them): one definition,
# also used by the writers (lxml refuses them deep inside python-docx; HTML calls them parse errors).
XML_FORBIDDEN_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"
XML_FORBIDDEN = re.compile(f"[{XML_FORBIDDEN_CHARACTERS}]")


class Directive(str):
    """A directive line made by a template helper: passed through as it is."""


def clean_text(value: object) -> str:
    """Profile text made safe for the markup: no XML-forbidden characters, no separators."""
    return XML_FORBIDDEN.sub("", str(value))


def directive(kind: str, *fields: object) -> Directive:
    return Directive(f"\n{RS}{kind}{US}{US.join(map(_field_text, fields))}\n")


def _field_text(field: object) -> str:
    """A directive's field on one line: its lines joined like paragraph lines; only ASCII blanks
    at their ends go (a full-width space U+3000 is text, e.g. in "第一部分　")."""
    text = clean_text(field)
    if "\n" not in text:  # most fields: a single line, which _join would return as it is
        return text.strip(" \t\r") if text.strip() else ""
    return _join([line.strip(" \t\r") for line in text.split("\n") if line.strip()])


def parse_markup(text: str) -> list[Block]:
    """Template output → blocks. Plain lines join into paragraphs until a blank line."""
    blocks: list[Block] = []
    lines: list[str] = []
    enumeration: list[EnumerationItem] | None = None
    enum_options: tuple[str, bool, str] = ("", False, "item")

    def flush() -> None:
        paragraph = _join(lines)
        if paragraph:
            blocks.append(Paragraph(paragraph))
        lines.clear()

    for line in text.split("\n"):
        if not line.startswith(RS):
            stripped = line.strip()
            if stripped:
                lines.append(stripped)
            elif lines:  # blank lines outnumber text lines: no flush() for nothing
                flush()
            continue
        if lines:
            flush()
        kind, _, rest = line[1:].partition(US)
        fields = rest.split(US)
        if kind == "enum":
            kind = fields[2] if len(fields) > 2 and fields[2] in ENUMERATION_KINDS else "item"
            enumeration, enum_options = [], (fields[0], fields[1] == "inline", kind)
        elif kind == "item" and enumeration is not None:
            enumeration.append(EnumerationItem(fields[0], fields[1]))  # title, text
        elif kind == "end" and enumeration is not None:
            if enumeration:
                intro, inline, kind = enum_options
                blocks.append(Enumeration(tuple(enumeration), intro, inline, kind))
            enumeration = None
        else:
            block = _block(kind, fields)
            if block is not None:
                blocks.append(block)
    flush()
    return blocks


def _block(kind: str, fields: list[str]) -> Block | None:
    """The block a directive line stands for (None for an empty heading or an unknown kind)."""
    if kind.startswith("h") and kind[1:].isdigit():
        if fields[0].strip():  # never an empty heading, whatever a template asks for
            return Heading(level=min(max(int(kind[1:]), 1), 4), text=fields[0])
    elif kind == "lead":
        return Paragraph(text=fields[1], lead=fields[0])
    elif kind == "placeholder":
        return Paragraph(text=fields[0], placeholder=True)
    elif kind == "sign":
        # fields: missing-bodies prompt, missing-date prompt, date (ISO or ""), then the bodies
        missing_bodies, missing_date, date = fields[0], fields[1], fields[2]
        return Signature(
            bodies=tuple(field for field in fields[3:] if field),
            date=dt.date.fromisoformat(date) if date else None,
            missing_bodies=missing_bodies,
            missing_date=missing_date,
        )
    elif kind == "table":
        caption, header, rows = fields[0], json.loads(fields[1]), json.loads(fields[2])
        return Table(caption=caption, header=tuple(header), rows=tuple(tuple(row) for row in rows))
    return None


def _join(lines: list[str]) -> str:
    """Join wrapped template lines: no space between CJK characters, one between Latin words."""
    text = ""
    for line in lines:
        if text and text[-1].isascii() and text[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            text += " "
        text += line
    return text
