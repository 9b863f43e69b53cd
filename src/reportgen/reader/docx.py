"""A Word report (.docx) → its lines, with heading levels from the styles and the numbers
Word draws itself (automatic numbering is not in the text: it is computed here from the
numbering part, as Word would show it).

Files that are not a readable .docx are told apart before python-docx opens them: an
encrypted document and an old .doc are both OLE compound files, a scan has pictures and no text.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen import messages
from reportgen.errors import FileProblem
from reportgen.reader.lines import RawLine
from reportgen.reader.numbering import CN_DIGITS

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream an encrypted Office Open XML file keeps its package in (its name is UTF-16 in the directory).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_HEADING_STYLE = re.compile(r"(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "标题"}


@dataclass(frozen=True)
class DocxSource:
    """The w:p elements a line was read from, for `check --fix`: a body paragraph's one w:p with the
    `span` of its text the line is (Word's own number `label` put before it), or a table row's
    cells, each the tuple of its w:p."""

    cells: tuple[tuple[Any, ...], ...]
    span: tuple[int, int] | None = None
    label: str = ""


def docx_lines(path: Path, raw: bytes) -> list[RawLine]:
    """The lines of a .docx, or FileProblem saying why it cannot be read."""
    if raw.startswith(_OLE_SIGNATURE):
        encrypted = _ENCRYPTED_STREAM in raw
        raise FileProblem(messages.import_encrypted_docx(path) if encrypted else messages.import_old_doc(path))
    if not zipfile.is_zipfile(path):
        raise FileProblem(messages.import_bad_docx(path))
    _, lines = open_lines(path)
    if not lines:
        pictures = any(name.startswith("word/media/") for name in zipfile.ZipFile(path).namelist())
        raise FileProblem(messages.import_scanned(path) if pictures else messages.import_empty(path))
    return lines


def open_lines(path: Path) -> tuple[Any, list[RawLine]]:
    """The python-docx document and its lines, each with its DocxSource."""
    document = _open(path)
    return document, _document_lines(document)


def _open(path: Path) -> Any:
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # a damaged package fails in zipfile, lxml or python-docx: all the clerk's file
        raise FileProblem(messages.import_bad_docx(path)) from exc


def _document_lines(document: Any) -> list[RawLine]:
    from docx.table import Table

    numbers = _AutoNumbers(document)
    lines: list[RawLine] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(RawLine(text, style="table", source=source) for text, source in _table_rows(block))
        else:
            lines.extend(_paragraph_lines(block, numbers))
    return lines


def _paragraph_lines(paragraph: Any, numbers: _AutoNumbers) -> list[RawLine]:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    style = paragraph.style.name if paragraph.style is not None else ""
    level = _heading_level(style)
    alignment = paragraph.alignment
    if alignment is None and paragraph.style is not None:
        alignment = paragraph.style.paragraph_format.alignment
    centered = alignment == WD_ALIGN_PARAGRAPH.CENTER
    label = numbers.label(paragraph)
    lines = []
    for text, span in _parts(paragraph.text):
        source = DocxSource(((paragraph._p,),), span, label if not lines else "")
        text = source.label + text
        lines.append(RawLine(text, heading_level=level, style=style, centered=centered, source=source))
    return lines


def _parts(text: str) -> list[tuple[str, tuple[int, int]]]:
    """A paragraph's non-blank lines, stripped, with where each is in `text`: a line break
    (Shift+Enter) splits a title over lines, each a line of its own."""
    parts, offset = [], 0
    for segment in text.split("\n"):
        stripped = segment.strip()
        if stripped:
            start = offset + len(segment) - len(segment.lstrip())
            parts.append((stripped, (start, start + len(stripped))))
        offset += len(segment) + 1
    return parts


def _heading_level(style: str) -> int | None:
    if style.strip().lower() in _TITLE_STYLES:
        return 0
    match = _HEADING_STYLE.search(style.strip())
    return int(match.group(1)) if match else None


def _table_rows(table: Any) -> list[tuple[str, DocxSource]]:
    rows = []
    for row in table.rows:
        cells, sources, seen = [], [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
            sources.append(tuple(paragraph._p for paragraph in cell.paragraphs))
        text = "  ".join(cell for cell in cells if cell)
        if text:
            rows.append((text, DocxSource(tuple(sources))))
    return rows


class _AutoNumbers:
    """Word's automatic numbers ("一、", "（一）", "1.") for paragraphs that have them, counted as Word does:
    one counter per list and level, deeper levels restarting when a shallower one moves on."""

    def __init__(self, document: Any):
        try:
            self._numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self._numbering = None
        self._counters: dict[str, list[int]] = {}

    def label(self, paragraph: Any) -> str:
        if self._numbering is None or not paragraph.text.strip():
            return ""
        num_id, level = self._num_pr(paragraph)
        if num_id is None or num_id == "0":
            return ""
        levels = self._levels(num_id)
        if level not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * 9)
        starts = {lvl: int(info[2]) for lvl, info in levels.items()}
        counters[level] = counters[level] + 1 if counters[level] else starts.get(level, 1)
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        text = levels[level][1]
        for index in range(level + 1):
            fmt = levels.get(index, ("decimal", "", 1))[0]
            text = text.replace(f"%{index + 1}", _format_number(counters[index] or starts.get(index, 1), fmt))
        return "" if levels[level][0] in ("bullet", "none") else text

    @staticmethod
    def _num_pr(paragraph: Any) -> tuple[str | None, int]:
        for p_pr in (paragraph._p.pPr, paragraph.style.element.pPr if paragraph.style is not None else None):
            num_pr = p_pr.numPr if p_pr is not None else None
            if num_pr is not None and num_pr.numId is not None:
                level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
                return str(num_pr.numId.val), int(level)
        return None, 0

    def _levels(self, num_id: str) -> dict[int, tuple[str, str, int]]:
        """Level → (numFmt, lvlText, start) of a list."""
        abstract_ids = self._numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract_ids:
            return {}
        from docx.oxml.ns import qn

        def value(lvl: Any, child: str, default: str) -> str:
            element = lvl.find(qn(child))
            return element.get(qn("w:val"), default) if element is not None else default

        levels = {}
        for lvl in self._numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract_ids[0]}"]/w:lvl'):
            level = int(lvl.get(qn("w:ilvl"), "0"))
            start = value(lvl, "w:start", "1")
            fmt, text = value(lvl, "w:numFmt", "decimal"), value(lvl, "w:lvlText", "")
            levels[level] = (fmt, text, int(start) if start.isdigit() else 1)
        return levels


def _format_number(n: int, fmt: str) -> str:
    if fmt.startswith(("chinese", "ideographDigital", "japaneseCounting", "taiwaneseCounting")) and 0 < n < 100:
        tens, ones = divmod(n, 10)
        prefix = "" if tens <= 1 else CN_DIGITS[tens - 1]
        return (f"{prefix}十" if tens else "") + (CN_DIGITS[ones - 1] if ones else "")
    if fmt == "decimalEnclosedCircle" and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)
