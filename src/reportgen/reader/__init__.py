"""Read a published report — a Word file, a page saved from a government website, or text
copied from one — into its paragraphs as written: title found, web chrome set aside (its
metadata kept as data), each paragraph's numbering recognised but left in its text.

    read_report(path) → ReadReport

Used by `reportgen import` (reportgen.importer maps the paragraphs onto a profile); nothing
here knows about profiles. Every file that cannot be read is a FileProblem with a Chinese
message: an old .doc, an encrypted .docx, a scan, a PDF, an unknown encoding.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import messages
from reportgen.errors import FileProblem
from reportgen.reader.model import Paragraph, ReadReport, Sorted
from reportgen.reader.numbering import leading_numbering
from reportgen.reader.title import find_title

if TYPE_CHECKING:
    from reportgen.reader.lines import RawLine

__all__ = ["Paragraph", "ReadReport", "read_report"]

# A published report is tens of kilobytes of text; a Word file with pictures a few megabytes.
MAX_SOURCE_BYTES = 50 * 1024 * 1024
_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".jsp", ".asp", ".aspx", ".php"}
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<p[\s>])", re.IGNORECASE)
_SHORT_LINE = 40


def read_report(path: Path) -> ReadReport:
    # Imported here: `build`'s proofreading reads its own text through assemble, without them.
    from reportgen.reader.decode import declared_charset, decode
    from reportgen.reader.lines import RawLine

    raw = _read_bytes(path)
    kind = _kind(path, raw)
    if kind == "docx":
        from reportgen.reader.docx import docx_lines

        return assemble(path, kind, docx_lines(path, raw), "docx")
    decoded = decode(raw, declared_charset(raw) if kind == "html" else None)
    if decoded is None:
        raise FileProblem(messages.import_unknown_encoding(path))
    text, encoding = decoded
    if kind == "html":
        from reportgen.reader.html import page_lines

        lines = page_lines(text)
    else:
        lines = [RawLine(line) for line in text.splitlines()]
    if not any(line.text.strip() for line in lines):  # as docx_lines says of an empty .docx
        raise FileProblem(messages.import_empty(path))
    return assemble(path, kind, lines, encoding)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise FileProblem(messages.file_missing(path))
    if not path.is_file():
        raise FileProblem(messages.import_not_a_file(path))
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise FileProblem(messages.import_too_large(path, MAX_SOURCE_BYTES))
        return path.read_bytes()
    except OSError as exc:
        raise FileProblem(messages.file_unreadable(path, exc)) from exc


def _kind(path: Path, raw: bytes) -> str:
    """docx, html or text, by what the file holds first and its name second."""
    suffix = path.suffix.lower()
    if raw.startswith(b"%PDF") or suffix == ".pdf":
        raise FileProblem(messages.import_pdf(path))
    if suffix in _IMAGE_SUFFIXES:
        raise FileProblem(messages.import_scanned(path))
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or suffix in (".docx", ".doc", ".docm", ".wps"):
        return "docx"
    if suffix in _HTML_SUFFIXES or _HTML_START.match(raw[:512].lstrip(b"\xef\xbb\xbf")):
        return "html"
    if suffix in _TEXT_SUFFIXES or suffix not in {".xlsx", ".xls", ".pptx", ".ppt", ".zip", ".rar"}:
        return "text"
    raise FileProblem(messages.import_unsupported(path))


def assemble(source: Path, kind: str, lines: list[RawLine], encoding: str, *, chrome: bool = True) -> ReadReport:
    """Lines → the report: chrome and metadata sorted out, the title found, numbering recognised.
    `chrome=False` for reportgen's own rendered text, which has no web page around it (and a
    short 【待填写：…】 line is a paragraph of it, not a site's control)."""
    texts = [line.text for line in lines]
    if chrome:
        from reportgen.reader.chrome import sort_lines  # its patterns cost a build ~5 ms to compile

        sorted_lines = sort_lines(texts)
    else:
        sorted_lines = _own_lines(texts)
    kept = [(lines[index], text, index + 1) for index, text in sorted_lines.kept]
    chrome = list(sorted_lines.chrome)
    texts = [text for _, text, _ in kept]
    title_lines: tuple[str, ...] = ()
    title_positions: tuple[int, ...] = ()
    span = find_title(texts)
    if span is not None:
        first, end = span
        title_lines = tuple(texts[first:end])
        title_positions = tuple(number for _, _, number in kept[first:end])
        chrome += [text for text in texts[:first] if len(text) <= _SHORT_LINE]
    kept = [kept[index] for index in _body(texts, span)]
    paragraphs = tuple(_paragraph(line, text, number) for line, text, number in kept)
    return ReadReport(
        source=source,
        kind=kind,
        paragraphs=paragraphs,
        title_lines=title_lines,
        title_positions=title_positions,
        metadata=dict(sorted_lines.metadata),
        chrome=tuple(chrome),
        encoding=encoding,
    )


def own_paragraph_texts(lines: list[str]) -> list[str]:
    """The paragraphs' texts of reportgen's own rendered text, as `assemble(…, chrome=False)`
    finds them: for `build`'s proofreading, which reads every paragraph's text but needs its
    numbering and the rest of a ReadReport only when a rule finds something."""
    texts = [text for _, text in _own_lines(lines).kept]
    return [texts[index] for index in _body(texts, find_title(texts))]


def _own_lines(lines: list[str]) -> Sorted:
    kept = [(index, line.strip()) for index, line in enumerate(lines) if line.strip()]
    return Sorted(kept=kept)


def _body(texts: list[str], title: tuple[int, int] | None) -> list[int]:
    """Which of the kept lines are the report's paragraphs: those after the title, and of those
    above it only the long ones (a sentence; a short line is the site's name and column,
    "托克逊县人民政府", not the report's)."""
    if title is None:
        return list(range(len(texts)))
    first, end = title
    return [index for index in range(first) if len(texts[index]) > _SHORT_LINE] + list(range(end, len(texts)))


def _paragraph(line: RawLine, text: str, position: int) -> Paragraph:
    numbering = leading_numbering(text)
    return Paragraph(
        text=text,
        number=numbering.number if numbering else "",
        format=numbering.format if numbering else "",
        ordinal=numbering.ordinal if numbering else None,
        heading_level=line.heading_level,
        style=line.style,
        centered=line.centered,
        line=position,
    )
