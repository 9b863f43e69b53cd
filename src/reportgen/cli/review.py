"""`reportgen check`'s output: findings as Chinese lines for a reader, or JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from reportgen import messages
from reportgen.review.model import CheckedFile, Correction, Finding, FixedCopy


def finding_lines(finding: Finding) -> list[str]:
    title, _, source = messages.RULES[finding.rule]
    severity = messages.REVIEW_SEVERITY[finding.severity]
    lines = [f"{severity} {finding.rule} {title}  {location(finding)}", f"  {finding.message}"]
    lines.append(f"  {messages.CHECK_TEXT_LABEL}：{finding.excerpt}")
    if finding.correction:
        lines.append(f"  {messages.CHECK_FIX_LABEL}：{finding.correction}")
    lines.append(f"  {messages.CHECK_SOURCE_LABEL}：{source}")
    return lines


def location(finding: Finding) -> str:
    """The paragraph (and the heading it is under); for a profile's text, also the line and column
    it was written at, or that the templates wrote it."""
    where = messages.check_location(finding.paragraph, finding.heading) if finding.paragraph else _outside(finding)
    place = finding.place
    if place is None:
        return where
    if place.line is None:
        return messages.written_by_template(where)
    from reportgen.cli.printer import display_path

    return messages.written_at(where, display_path(place.file), place.line, place.column)


def _outside(finding: Finding) -> str:
    """Where a finding outside the paragraphs is: the title, or the page's 发布日期 above it."""
    return finding.heading or "标题"


def file_lines(item: CheckedFile) -> list[str]:
    lines = [messages.check_file_header(item.path)]
    if item.checked is None:
        return [*lines, item.problem]
    for finding in item.checked.findings:
        lines += finding_lines(finding)
    counts = (item.checked.count(severity) for severity in ("error", "warning", "hint"))
    lines.append(messages.check_summary(*counts))
    if item.fix is not None:
        lines += fix_lines(item.path, item.fix)
    return lines


def fix_lines(path: Path, fix: FixedCopy) -> list[str]:
    """What --fix did: the copy and each correction in it, what it left alone, or why no copy."""
    lines = []
    if fix.problem:
        lines.append(fix.problem)
    elif fix.path is not None:
        lines.append(messages.check_fixed(fix.path, len(fix.corrections)))
        lines += [messages.fix_change(c.paragraph, c.found, c.replacement, c.excerpt) for c in fix.corrections]
    elif not fix.left:
        lines.append(messages.fix_nothing())
    if fix.left:
        paragraphs = sorted({correction.paragraph for correction in fix.left})
        lines.append(messages.fix_left(paragraphs, len(fix.left)))
    if fix.of_profile and fix.path is not None:
        lines.append(messages.fix_profile_note(path))
    return lines


def json_text(items: Sequence[CheckedFile]) -> str:
    return json.dumps([_file_json(item) for item in items], ensure_ascii=False, indent=2)


def _file_json(item: CheckedFile) -> dict[str, object]:
    findings = item.checked.findings if item.checked else ()
    return {
        "path": str(item.path),
        "problem": item.problem or None,
        "year": item.checked.year if item.checked else None,
        "exit_code": item.exit_code,
        "fixed": str(item.fixed) if item.fixed else None,
        "changes": item.changes,
        "fix": _fix_json(item.fix) if item.fix else None,
        "findings": [_finding_json(finding) for finding in findings],
    }


def _fix_json(fix: FixedCopy) -> dict[str, object]:
    return {
        "copy": str(fix.path) if fix.path else None,
        "problem": fix.problem or None,
        "of_profile": fix.of_profile,
        "corrections": [_correction_json(correction) for correction in fix.corrections],
        "not_fixed": [_correction_json(correction) for correction in fix.left],
    }


def _correction_json(correction: Correction) -> dict[str, object]:
    return {
        "paragraph": correction.paragraph,
        "start": correction.start,
        "end": correction.end,
        "found": correction.found,
        "replacement": correction.replacement,
        "excerpt": correction.excerpt,
    }


def _finding_json(finding: Finding) -> dict[str, object]:
    title, explanation, source = messages.RULES[finding.rule]
    return {
        "rule": finding.rule,
        "title": title,
        "severity": finding.severity,
        "severity_label": messages.REVIEW_SEVERITY[finding.severity],
        "paragraph": finding.paragraph,
        "heading": finding.heading,
        "location": location(finding),
        "line": finding.place.line if finding.place else None,
        "column": finding.place.column if finding.place else None,
        "field": finding.place.field or None if finding.place else None,
        "start": finding.start,
        "end": finding.end,
        "found": finding.text[finding.start : finding.end],
        "excerpt": finding.excerpt,
        "message": finding.message,
        "correction": finding.correction,
        "explanation": explanation,
        "source": source,
    }
