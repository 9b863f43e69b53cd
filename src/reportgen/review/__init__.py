"""Proofread a report as it would be read: `reportgen check`.

    check_report(read, year) → Checked      the rules over a report's paragraphs
    check_file(path) → (ReadReport, Checked)  a .docx, .html, .txt, or a profile's rendered text
    fixed_copy(read, checked) → text         the safe rules' corrections applied
    corrected_copy(read, checked) → copy     the same, in the file's own format (review.fix)

One module per kind of rule (punctuation, numbering, repeats, arithmetic, formulations,
publication); each rule's Chinese name, explanation and source are in messages.review.RULES.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportgen.document import Document
from reportgen.reader.model import Paragraph, ReadReport
from reportgen.review.arithmetic import check_arithmetic
from reportgen.review.fix import SAFE_RULES, chosen_fixes, corrected_copy, plan_corrections, text_copy
from reportgen.review.formulations import check_formulations
from reportgen.review.model import Checked, Finding
from reportgen.review.numbering import check_leading_numbering, check_run_in
from reportgen.review.publication import check_published_date, check_signature_date, check_title_year, title_year
from reportgen.review.punctuation import check_doubled_and_spaces, check_punctuation
from reportgen.review.repeats import check_repeats

__all__ = [
    "SAFE_RULES",
    "Checked",
    "Finding",
    "check_file",
    "check_report",
    "corrected_copy",
    "fix_text",
    "fixed_copy",
    "proofread",
]

PROFILE_SUFFIXES = {".yaml", ".yml"}
_PARAGRAPH_RULES = (check_punctuation, check_repeats, check_arithmetic, check_formulations)
# What `build` proofreads in the text it is about to publish: the rules the profile checks do not
# already report at the profile's own line (P1–P3 share their code with checks/punctuation.py and
# checks/text.py, T2 with checks/regulation.py), leaving out numbering and the title's year,
# which the templates generate.
_PUBLISHED_RULES = (check_doubled_and_spaces, check_repeats, check_arithmetic, check_formulations)
_HEADING_LEVELS = {"第{cn}部分": 0, "{cn}、": 1, "（{cn}）": 2}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}


def check_file(path: Path) -> tuple[ReadReport, Checked]:
    """Read a published report, or render a profile to the text it would publish, and check it."""
    if path.suffix.lower() in PROFILE_SUFFIXES:
        read, year = _profile_text(path)
        return read, check_report(read, year)
    from reportgen.reader import read_report

    read = read_report(path)
    return read, check_report(read)


def check_report(read: ReadReport, year: int | None = None) -> Checked:
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
    paragraphs = read_rendered(path, document).paragraphs
    findings = [
        finding
        for number, paragraph in enumerate(paragraphs, start=1)
        for rule in _PUBLISHED_RULES
        for finding in rule(number, paragraph.text)
    ]
    if not findings:
        return ()
    headings = _headings(paragraphs)
    located = [_under(finding, headings) for finding in findings]
    return tuple(sorted(located, key=lambda finding: (finding.paragraph, finding.start, finding.rule)))


def read_rendered(path: Path, document: Document) -> ReadReport:
    """A rendered document read back as a published report's paragraphs (its plain text)."""
    from reportgen.reader import assemble
    from reportgen.reader.lines import RawLine
    from reportgen.writers.text import write_text

    lines = [RawLine(line) for line in write_text(document).splitlines()]
    return assemble(path, "profile", lines, "utf-8", chrome=False)


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
        open_headings[level] = paragraph.text.split("。")[0][:20]
    return headings


def _under(finding: Finding, headings: dict[int, str]) -> Finding:
    if not finding.paragraph:  # the title, or the page's 发布日期 (named in `heading` already)
        return finding
    return replace(finding, heading=headings.get(finding.paragraph, ""))


def fix_text(text: str, findings: list[Finding]) -> tuple[str, int]:
    """`text` with the safe rules' corrections applied, right to left; and how many."""
    chosen = chosen_fixes(findings)
    for start, end, replacement in reversed(chosen):
        text = text[:start] + replacement + text[end:]
    return text, len(chosen)


def fixed_copy(read: ReadReport, checked: Checked) -> tuple[str, int]:
    """The report's text (title, then paragraphs) with the safe corrections; the count made."""
    plan = plan_corrections(read, checked)
    return text_copy(read, plan), sum(len(corrections) for corrections in plan.values())


def severity_rank(finding: Finding) -> int:
    return _SEVERITY_ORDER[finding.severity]


def _profile_text(path: Path) -> tuple[ReadReport, int]:
    """A profile → the text its report would publish, read back as a report's paragraphs."""
    from reportgen import messages
    from reportgen.api import check_profile
    from reportgen.errors import FileProblem, InvalidProfile
    from reportgen.render import render_document

    result = check_profile(path)
    if result.file_problem:
        raise FileProblem(result.diagnostics[0].message)
    if result.report is None or result.errors:
        raise InvalidProfile(messages.check_profile_invalid(path, len(result.errors)), diagnostics=result.errors)
    return read_rendered(path, render_document(result.report)), result.report.profile.year
