"""`check --fix` for a Word file: the same package, only the corrected characters changed in the
w:t text of the body's runs; every other part of the package is copied as it is."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from typing import Any

from reportgen.reader.lines import RawLine
from reportgen.reader.model import ReadReport
from reportgen.review.fix import Origin, placed_edits
from reportgen.review.model import Correction

# What python-docx reads as a run's text (CT_R.text), in document order; only w:t is the clerk's text.
_RUN_CONTENT = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"


def docx_copy(
    read: ReadReport, plan: dict[int, list[Correction]]
) -> tuple[bytes | None, list[Correction], list[Correction]]:
    """The corrected package's bytes (None when nothing could be placed), the corrections made, those left."""
    from reportgen.reader.docx import open_lines

    document, lines = open_lines(read.source)
    edits, placed, left = placed_edits(read, plan, lines, _line_chars)
    if not placed:
        return None, placed, left
    by_element: dict[Any, list[tuple[int, str]]] = defaultdict(list)
    for (element, index), replacement in edits:
        by_element[element].append((index, replacement))
    for element, changes in by_element.items():
        _edit_text(element, changes)
    return _package(read, document.part), placed, left


def _line_chars(line: RawLine) -> tuple[str, list[Origin]] | None:
    """A line's text as its w:p elements hold it: a body paragraph's span after Word's number, or a
    table row's cells (each cell's paragraphs joined by line breaks, cells by two spaces)."""
    from reportgen.reader.docx import DocxSource

    source = line.source
    if not isinstance(source, DocxSource):
        return None
    if source.span is not None:
        mapped = _paragraph_chars(source.cells[0][0])
        if mapped is None:
            return None
        start, end = source.span
        return source.label + mapped[0][start:end], [None] * len(source.label) + mapped[1][start:end]
    chars: list[str] = []
    origins: list[Origin] = []
    for cell in source.cells:
        for paragraph in cell:
            mapped = _paragraph_chars(paragraph)
            if mapped is None:
                return None
            chars += [mapped[0], "\n"]
            origins += [*mapped[1], None]
        chars.append("  ")
        origins += [None, None]
    return "".join(chars), origins


def _paragraph_chars(paragraph: Any) -> tuple[str, list[Origin]] | None:
    """A w:p's text as python-docx reads it, each character's (w:t, index); None when the two differ."""
    from docx.oxml.ns import qn

    parts: list[str] = []
    origins: list[Origin] = []
    for run in paragraph.xpath("w:r | w:hyperlink/w:r"):
        for child in run.xpath(_RUN_CONTENT):
            text = str(child)
            parts.append(text)
            if child.tag == qn("w:t"):
                origins += [(child, index) for index in range(len(text))]
            else:
                origins += [None] * len(text)
    chars = "".join(parts)
    return (chars, origins) if chars == paragraph.text else None


def _edit_text(element: Any, changes: list[tuple[int, str]]) -> None:
    """One w:t's characters at `index` replaced, right to left; spaces at its ends kept by xml:space."""
    from docx.oxml.ns import qn

    text = element.text or ""
    for index, replacement in sorted(changes, reverse=True):
        text = text[:index] + replacement + text[index + 1 :]
    element.text = text
    if text != text.strip():
        element.set(qn("xml:space"), "preserve")


def _package(read: ReadReport, part: Any) -> bytes:
    """The input package with the document part replaced, every other member copied unchanged."""
    name = str(part.partname).lstrip("/")
    buffer = io.BytesIO()
    with zipfile.ZipFile(read.source) as original, zipfile.ZipFile(buffer, "w") as copy:
        for info in original.infolist():
            copy.writestr(info, part.blob if info.filename == name else original.read(info))
    return buffer.getvalue()
