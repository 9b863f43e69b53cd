"""`reportgen check`'s output: findings as Chinese lines for a reader, or JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportgen import messages
from reportgen.review.model import CheckedFile, Finding


def finding_lines(finding: Finding) -> list[str]:
    title, _, source = messages.RULES[finding.rule]
    severity = messages.REVIEW_SEVERITY[finding.severity]
    location = messages.check_location(finding.paragraph, finding.heading) if finding.paragraph else "标题"
    lines = [f"{severity} {finding.rule} {title}  {location}", f"  {finding.message}"]
    lines.append(f"  {messages.CHECK_TEXT_LABEL}：{finding.excerpt}")
    if finding.correction:
        lines.append(f"  {messages.CHECK_FIX_LABEL}：{finding.correction}")
    lines.append(f"  {messages.CHECK_SOURCE_LABEL}：{source}")
    return lines


def file_lines(item: CheckedFile) -> list[str]:
    lines = [messages.check_file_header(item.path)]
    if item.checked is None:
        return [*lines, item.problem]
    for finding in item.checked.findings:
        lines += finding_lines(finding)
    counts = (item.checked.count(severity) for severity in ("error", "warning", "hint"))
    lines.append(messages.check_summary(*counts))
    if item.fixed is not None:
        lines.append(messages.check_fixed(item.fixed, item.changes))
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
        "findings": [_finding_json(finding) for finding in findings],
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
        "start": finding.start,
        "end": finding.end,
        "found": finding.text[finding.start : finding.end],
        "excerpt": finding.excerpt,
        "message": finding.message,
        "correction": finding.correction,
        "explanation": explanation,
        "source": source,
    }
