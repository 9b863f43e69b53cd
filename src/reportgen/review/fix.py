"""`check --fix`: the safe rules' corrections, placed in a copy of the file in its own format.

    corrected_copy(read, checked) → CorrectedCopy   the copy's name and bytes, and what it corrects
    chosen_fixes(findings) → [(start, end, new)]     a paragraph's safe fixes, none overlapping

A Word file's copy is the same package with only the corrected characters changed in the w:t
text of its runs (fix_docx); a page's copy is the same source with only those characters
changed in its text (fix_html); a text file, and the text a profile renders, get the text copy
(title, then paragraphs). The reader says where each line came from (RawLine.source); a
paragraph's text is lined up with the file's characters, and a paragraph that does not line up
is left alone and reported, never guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportgen.reader.lines import RawLine
from reportgen.reader.model import ReadReport
from reportgen.review.model import Checked, Correction, Finding

SAFE_RULES = frozenset({"P1", "P2", "P4"})  # width, straight quotes, doubled marks: never change meaning
# Where one character is in the file: (w:t element, index) in a .docx, (start, end) in a page's source.
Origin = Any
# A line → its text as the file holds it and each character's origin (None: put in by the reader).
CharMap = Callable[[RawLine], tuple[str, list[Origin]] | None]
# What the reader drops or collapses: blanks (a page's line breaks, a title's letter spacing) and BOM/ZWSP.
_INVISIBLE = frozenset("\ufeff\u200b")


@dataclass(frozen=True)
class CorrectedCopy:
    """A copy to write beside the input: its file name, its bytes (None when nothing was corrected)."""

    name: str
    data: bytes | None
    corrections: tuple[Correction, ...]
    left: tuple[Correction, ...] = ()
    of_profile: bool = False


def corrected_copy(read: ReadReport, checked: Checked) -> CorrectedCopy:
    """The copy of `read.source` with the safe corrections made."""
    plan = plan_corrections(read, checked)
    source = read.source
    if read.kind == "docx":
        from reportgen.review.fix_docx import docx_copy

        suffix = source.suffix if source.suffix.lower() in (".docx", ".docm") else ".docx"
        data, placed, left = docx_copy(read, plan)
    elif read.kind == "html":
        from reportgen.review.fix_html import html_copy

        suffix = source.suffix if source.suffix.lower() in (".html", ".htm", ".xhtml") else ".html"
        data, placed, left = html_copy(read, plan)
    else:
        suffix, placed, left = ".txt", [c for number in sorted(plan) for c in plan[number]], []
        data = text_copy(read, plan).encode("utf-8") if placed else None
    return CorrectedCopy(f"{source.stem}.改正{suffix}", data, tuple(placed), tuple(left), read.kind == "profile")


def chosen_fixes(findings: list[Finding]) -> list[tuple[int, int, str]]:
    """The safe rules' fixes in one paragraph, left to right; of two that overlap, the first."""
    fixes = sorted({fix for finding in findings if finding.rule in SAFE_RULES for fix in finding.safe_fixes})
    chosen: list[tuple[int, int, str]] = []
    for fix in fixes:
        if not chosen or fix[0] >= chosen[-1][1]:
            chosen.append(fix)
    return chosen


def plan_corrections(read: ReadReport, checked: Checked) -> dict[int, list[Correction]]:
    """Paragraph number (0: the title) → the corrections to make in it, left to right, none overlapping."""
    by_paragraph: dict[int, list[Finding]] = {}
    for finding in checked.findings:
        by_paragraph.setdefault(finding.paragraph, []).append(finding)
    plan = {}
    for number, findings in sorted(by_paragraph.items()):
        text = read.title if number == 0 else read.paragraphs[number - 1].text
        corrections = [Correction(number, text, start, end, new) for start, end, new in chosen_fixes(findings)]
        if corrections:
            plan[number] = corrections
    return plan


def text_copy(read: ReadReport, plan: dict[int, list[Correction]]) -> str:
    """The report's text (title, a blank line, then one paragraph a line) with the corrections made."""
    texts = [read.title, *(paragraph.text for paragraph in read.paragraphs)]
    lines = [_corrected(text, plan.get(number, [])) for number, text in enumerate(texts)]
    return "\n".join([lines[0], "", *lines[1:]]) + "\n"


def _corrected(text: str, corrections: list[Correction]) -> str:
    for correction in reversed(corrections):
        text = text[: correction.start] + correction.replacement + text[correction.end :]
    return text


def placed_edits(
    read: ReadReport, plan: dict[int, list[Correction]], lines: list[RawLine], char_map: CharMap
) -> tuple[list[tuple[Origin, str]], list[Correction], list[Correction]]:
    """Each corrected character's origin → what it becomes (the first of a span its replacement,
    the others nothing); the corrections so placed; those in paragraphs that did not line up."""
    edits: list[tuple[Origin, str]] = []
    placed: list[Correction] = []
    left: list[Correction] = []
    for number, corrections in sorted(plan.items()):
        origins = _paragraph_origins(read, number, lines, char_map)
        spots = [origins[c.start : c.end] for c in corrections] if origins is not None else []
        if not spots or any(not spot or None in spot for spot in spots):
            left += corrections
            continue
        for correction, spot in zip(corrections, spots, strict=True):
            edits += [(spot[0], correction.replacement), *((origin, "") for origin in spot[1:])]
        placed += corrections
    return edits, placed, left


def _paragraph_origins(read: ReadReport, number: int, lines: list[RawLine], char_map: CharMap) -> list[Origin] | None:
    if number == 0:
        text, positions = read.title, read.title_positions
    else:
        text, positions = read.paragraphs[number - 1].text, (read.paragraphs[number - 1].line,)
    chars, origins = "", []
    for position in positions:
        mapped = char_map(lines[position - 1]) if 0 < position <= len(lines) else None
        if mapped is None:
            return None
        chars += mapped[0]
        origins += mapped[1]
    return align(text, chars, origins) if positions else None


def align(text: str, chars: str, origins: list[Origin]) -> list[Origin] | None:
    """The origin of each character of `text` (the reader's), found in `chars` (the file's), or None
    when they differ in more than the blanks the reader strips, collapses or squeezes out. A blank
    that stands for a different one (a page's line break read as a space) has no origin."""
    found: list[Origin] = []
    at = 0
    for char in text:
        if _blank(char):
            if at == len(chars) or not _blank(chars[at]):
                return None
            found.append(origins[at] if chars[at] == char else None)
            at += 1
            continue
        while at < len(chars) and _blank(chars[at]):
            at += 1
        if at == len(chars) or chars[at] != char:
            return None
        found.append(origins[at])
        at += 1
    return found if all(_blank(rest) for rest in chars[at:]) else None


def _blank(char: str) -> bool:
    return char.isspace() or char in _INVISIBLE
