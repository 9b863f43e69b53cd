"""Proofread a report as it would be read: `reportgen check`.

    check_report(read, year) → Checked      the rules over a report's paragraphs
    check_file(path) → (ReadReport, Checked)  a .docx, .html, .txt, or a profile's rendered text
    place_in_profile(path, report, findings)  a profile's findings at its lines and columns
    fixed_copy(read, checked) → text         the safe rules' corrections applied
    corrected_copy(read, checked) → copy     the same, in the file's own format (review.fix)

One module per kind of rule (punctuation, numbering, repeats, arithmetic, formulations,
publication); each rule's Chinese name, explanation and source are in messages.review.RULES.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen import sourcemap
from reportgen.document import Document
from reportgen.review import arithmetic, formulations, punctuation, repeats
from reportgen.review.arithmetic import check_arithmetic
from reportgen.review.formulations import check_formulations
from reportgen.review.model import Checked, Finding, Place
from reportgen.review.punctuation import check_doubled_and_spaces, check_punctuation
from reportgen.review.repeats import check_repeats
from reportgen.review.text import Joined, occurrences

if TYPE_CHECKING:
    from reportgen.derive import Report
    from reportgen.errors import ProfilePath
    from reportgen.load import LoadedProfile
    from reportgen.reader.model import Paragraph, ReadReport

__all__ = [
    "SAFE_RULES",
    "Checked",
    "Finding",
    "check_file",
    "check_report",
    "corrected_copy",
    "fix_text",
    "fixed_copy",
    "place_in_profile",
    "proofread",
]

PROFILE_SUFFIXES = {".yaml", ".yml"}
_PARAGRAPH_RULES = (check_punctuation, check_repeats, check_arithmetic, check_formulations)
# What `build` proofreads in the text it is about to publish: the rules the profile checks do not
# already report at the profile's own line (P1–P3 share their code with checks/punctuation.py and
# checks/text.py, T2 with checks/regulation.py), leaving out numbering and the title's year,
# which the templates generate.
# Each with its screen: the paragraphs it may find something in, found in one pass over them all.
_PUBLISHED_RULES = (
    (check_doubled_and_spaces, punctuation.doubled_or_spaced_suspects),
    (check_repeats, repeats.suspects),
    (check_arithmetic, arithmetic.suspects),
    (check_formulations, formulations.suspects),
)
_HEADING_LEVELS = {"第{cn}部分": 0, "{cn}、": 1, "（{cn}）": 2}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}
# A heading named in a location ends at its first full stop; past this many characters it is cut
# at a comma or other mark, so the location stays one line and no word is cut in half.
_HEADING_LIMIT = 36
_SENTENCE_END = re.compile("[。！？!?]")
_PAUSES = frozenset("，,、：:；;")
# A finding's spot is placed in the clerk's text where this many characters around it agree with
# the paragraph's (fewer where there are fewer): a comma or a "听取" alone occurs in many places.
_CONTEXT = 6
_REACH = 40  # agreeing characters counted each way, at most
# Rules whose spot is a value the templates print in their own form (the date in the signature as
# "2023年4月5日"): placed at that value in the profile.
_PRINTED_VALUES: dict[str, ProfilePath] = {"T2": ("publication", "signed_on")}


def __getattr__(name: str) -> Any:
    """review.fix's names, imported on first use: `build` proofreads without them."""
    if name in ("SAFE_RULES", "corrected_copy"):
        from reportgen.review import fix

        return getattr(fix, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_file(path: Path) -> tuple[ReadReport, Checked]:
    """Read a published report, or render a profile to the text it would publish, and check it
    (a profile's findings placed at its lines: place_in_profile)."""
    if path.suffix.lower() in PROFILE_SUFFIXES:
        read, report = _profile_text(path)
        checked = check_report(read, report.profile.year)
        return read, replace(checked, findings=place_in_profile(path, report, checked.findings))
    from reportgen.reader import read_report

    read = read_report(path)
    return read, check_report(read)


def check_report(read: ReadReport, year: int | None = None) -> Checked:
    from reportgen.review.numbering import check_leading_numbering, check_run_in
    from reportgen.review.publication import (
        check_published_date,
        check_signature_date,
        check_title_year,
        title_year,
    )

    paragraphs = read.paragraphs
    year = year if year is not None else _year_in_text(paragraphs)
    findings = [*check_title_year(read.title, year)]
    findings += [finding for rule in _PARAGRAPH_RULES for finding in rule(0, read.title) if finding.rule != "P5"]
    for number, paragraph in enumerate(paragraphs, start=1):
        findings += [finding for rule in _PARAGRAPH_RULES for finding in rule(number, paragraph.text)]
    findings += check_leading_numbering(paragraphs) + check_run_in(paragraphs)
    stated_year = year if year is not None else title_year(read.title)
    findings += check_signature_date(paragraphs, stated_year) + check_published_date(read.metadata, stated_year)
    headings = _headings(paragraphs)
    located = [_under(finding, headings) for finding in findings]
    located.sort(key=lambda finding: (finding.paragraph, finding.start, finding.rule))
    return Checked(tuple(located), year)


def proofread(path: Path, document: Document) -> tuple[Finding, ...]:
    """`build`'s proofreading of the document it is about to write: paragraphs numbered and placed
    under their headings as `reportgen check` would show them for the same profile."""
    from reportgen.reader import own_paragraph_texts

    lines = _rendered_lines(document)
    joined = Joined(own_paragraph_texts(lines))
    findings = [
        finding
        for rule, suspects in _PUBLISHED_RULES
        for index in sorted(suspects(joined))
        for finding in rule(index + 1, joined.paragraphs[index])
    ]
    if not findings:
        return ()
    headings = _headings(_read_lines(path, lines).paragraphs)  # their numbering, only now needed
    located = [_under(finding, headings) for finding in findings]
    return tuple(sorted(located, key=lambda finding: (finding.paragraph, finding.start, finding.rule)))


def place_in_profile(
    path: Path, report: Report, findings: Sequence[Finding], loaded: LoadedProfile | None = None
) -> tuple[Finding, ...]:
    """`findings` in the text rendered from the profile at `path`, each with its Place: the line
    and column where its spot was written, found by the spot and the characters around it in
    the clerk's texts (references filled in, as the templates print them). The profile is read
    again for its positions, and only when there is something to place."""
    if not findings:
        return tuple(findings)
    from reportgen.errors import ReportgenError
    from reportgen.load import load_profile

    if loaded is None:
        try:
            loaded = load_profile(path)
        except ReportgenError:  # gone or changed since it was checked: the paragraphs still say where
            return tuple(findings)
    texts = _clerk_texts(report)
    source = sourcemap.SourceText(loaded.text)
    return tuple(replace(finding, place=_place(path, finding, texts, loaded.data, source)) for finding in findings)


def _place(path: Path, finding: Finding, texts: list[_ClerkText], data: object, source: sourcemap.SourceText) -> Place:
    if finding.rule in _PRINTED_VALUES:
        field = _PRINTED_VALUES[finding.rule]
        return Place(path, *sourcemap.locate(data, field), field)
    found = _written_in(finding, texts)
    if found is None:
        return Place(path)
    text, offset = found
    written = text.written_offset(offset)
    if text.printed[offset].isspace():
        return Place(path, *_blank_at(data, source, text.path, written), text.path)
    return Place(path, *sourcemap.locate_in_value(data, source, text.path, written), text.path)


def _blank_at(
    data: object, source: sourcemap.SourceText, path: ProfilePath, offset: int
) -> tuple[int | None, int | None]:
    """Where the blank at `offset` of the value is: just after the character before it. (sourcemap
    finds a character by counting it from the value's start, and blanks are also indentation.)
    The value's own start when that character cannot be placed."""
    start = sourcemap.locate(data, path)
    if offset == 0:
        return start
    line, column = sourcemap.locate_in_value(data, source, path, offset - 1)
    return (line, column + 1) if (line, column) != start and column is not None else start


@dataclass(frozen=True)
class _ClerkText:
    """One string of the profile as the templates print it (`{字段}` references filled in), and
    where each filled-in reference stands: (printed start, end, written start, end)."""

    path: ProfilePath
    printed: str
    references: tuple[tuple[int, int, int, int], ...] = ()

    def written_offset(self, offset: int) -> int:
        """Where character `offset` of the printed text is in the text as written; a character of
        a filled-in figure is at the `{` of its reference."""
        shift = 0
        for start, end, written_start, written_end in self.references:
            if offset < start:
                break
            if offset < end:
                return written_start
            shift = written_end - end
        return offset + shift


def _clerk_texts(report: Report) -> list[_ClerkText]:
    """Every string of the profile, in the order the checks walk it (the report's order)."""
    from reportgen.checks.base import CheckContext

    return [_printed(path, text, report) for path, text in CheckContext(report).texts if text]


def _printed(path: ProfilePath, text: str, report: Report) -> _ClerkText:
    """The text with its references filled in as references.expand_text fills them."""
    from reportgen.references import iter_references, resolve

    parts: list[str] = []
    references: list[tuple[int, int, int, int]] = []
    written = printed = 0  # where the text up to here ends, as written and as printed
    for match in iter_references(text) if "{" in text else ():
        resolved = resolve(match, report)
        if resolved.problem:  # left as written (validation reported it)
            continue
        parts += [text[written : match.start()], resolved.text]
        printed += match.start() - written
        references.append((printed, printed + len(resolved.text), match.start(), match.end()))
        printed += len(resolved.text)
        written = match.end()
    return _ClerkText(path, "".join([*parts, text[written:]]), tuple(references))


def _written_in(finding: Finding, texts: list[_ClerkText]) -> tuple[_ClerkText, int] | None:
    """The clerk's text the finding's spot was printed from, and the spot's offset in it: of the
    places the spot occurs, the one whose neighbouring characters agree longest with the
    paragraph's (the first of equals, in the report's order). None when no place agrees for
    _CONTEXT characters (fewer where the paragraph or the text has fewer): template text."""
    paragraph, start, end = finding.text, finding.start, max(finding.end, finding.start + 1)
    spot = paragraph[start:end]
    if not spot:
        return None
    best: tuple[_ClerkText, int] | None = None
    best_agreement = -1
    for text in texts:
        for index, _ in occurrences(text.printed, spot):
            agreement = _agreement(paragraph, start, end, text.printed, index)
            needed = min(_CONTEXT, len(paragraph) - len(spot), len(text.printed) - len(spot))
            if agreement >= needed and agreement > best_agreement:
                best, best_agreement = (text, index), agreement
    return best


def _agreement(paragraph: str, start: int, end: int, text: str, index: int) -> int:
    """How many characters either side of paragraph[start:end] and of its copy at text[index:]
    are the same, counting outwards up to _REACH each way."""
    before = 0
    while before < _REACH and before < min(start, index) and paragraph[start - before - 1] == text[index - before - 1]:
        before += 1
    after, text_end = 0, index + end - start
    while (
        after < _REACH
        and end + after < len(paragraph)
        and text_end + after < len(text)
        and paragraph[end + after] == text[text_end + after]
    ):
        after += 1
    return before + after


def read_rendered(path: Path, document: Document) -> ReadReport:
    """A rendered document read back as a published report's paragraphs (its plain text)."""
    return _read_lines(path, _rendered_lines(document))


def _rendered_lines(document: Document) -> list[str]:
    from reportgen.writers.text import write_text

    return write_text(document).splitlines()


def _read_lines(path: Path, lines: list[str]) -> ReadReport:
    from reportgen.reader import assemble
    from reportgen.reader.lines import RawLine

    return assemble(path, "profile", [RawLine(line) for line in lines], "utf-8", chrome=False)


def _year_in_text(paragraphs: tuple[Paragraph, ...]) -> int | None:
    """The year the report is about, as its opening sentence states it ("2024年，…")."""
    for paragraph in paragraphs[:2]:
        head = paragraph.text[:5]
        if len(head) == 5 and head[:4].isdigit() and head[4] == "年":
            return int(head[:4])
    return None


def _headings(paragraphs: tuple[Paragraph, ...]) -> dict[int, str]:
    """Paragraph number → the heading it sits under: for body text the nearest heading above
    it, for a heading the nearest one of a higher level ("（二）…" sits under "一、…")."""
    headings: dict[int, str] = {}
    open_headings: dict[int, str] = {}  # level → its heading, the innermost last
    for number, paragraph in enumerate(paragraphs, start=1):
        level = _HEADING_LEVELS.get(paragraph.format, paragraph.heading_level)
        if level is None:
            headings[number] = list(open_headings.values())[-1] if open_headings else ""
            continue
        open_headings = {key: value for key, value in open_headings.items() if key < level}
        headings[number] = list(open_headings.values())[-1] if open_headings else ""
        open_headings[level] = _heading_text(paragraph.text)
    return headings


def _heading_text(text: str) -> str:
    """A heading as a location names it: its first sentence ("（一）加强党的领导。一是…" →
    "（一）加强党的领导"); one too long for a location line (a heading run into its text with
    no full stop) is cut after the last comma or other mark within the limit, or at the limit,
    and ends in "…"."""
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0].rstrip("，,、：:；;")
    if len(sentence) <= _HEADING_LIMIT:
        return sentence
    marks = [index for index, char in enumerate(sentence[: _HEADING_LIMIT + 1]) if char in _PAUSES]
    cut = marks[-1] if marks and marks[-1] >= _HEADING_LIMIT // 2 else _HEADING_LIMIT
    return sentence[:cut] + "…"


def _under(finding: Finding, headings: dict[int, str]) -> Finding:
    if not finding.paragraph:  # the title, or the page's 发布日期 (named in `heading` already)
        return finding
    return replace(finding, heading=headings.get(finding.paragraph, ""))


def fix_text(text: str, findings: list[Finding]) -> tuple[str, int]:
    """`text` with the safe rules' corrections applied, right to left; and how many."""
    from reportgen.review.fix import chosen_fixes

    chosen = chosen_fixes(findings)
    for start, end, replacement in reversed(chosen):
        text = text[:start] + replacement + text[end:]
    return text, len(chosen)


def fixed_copy(read: ReadReport, checked: Checked) -> tuple[str, int]:
    """The report's text (title, then paragraphs) with the safe corrections; the count made."""
    from reportgen.review.fix import plan_corrections, text_copy

    plan = plan_corrections(read, checked)
    return text_copy(read, plan), sum(len(corrections) for corrections in plan.values())


def severity_rank(finding: Finding) -> int:
    return _SEVERITY_ORDER[finding.severity]


def _profile_text(path: Path) -> tuple[ReadReport, Report]:
    """A profile → the text its report would publish (with its own templates, as `build` renders
    it), read back as a report's paragraphs; and the checked report it was rendered from."""
    from reportgen import messages
    from reportgen.api import check_profile
    from reportgen.errors import FileProblem, InvalidProfile
    from reportgen.render import render_document

    result = check_profile(path)
    if result.file_problem:
        raise FileProblem(result.diagnostics[0].message)
    if result.report is None or result.errors:
        raise InvalidProfile(messages.check_profile_invalid(path, len(result.errors)), diagnostics=result.errors)
    profile = result.report.profile
    own = [path.parent / profile.templates] if profile.templates else []
    return read_rendered(path, render_document(result.report, own)), result.report
