"""Canonical formulations that have been replaced, kept as data with their sources."""

from __future__ import annotations

from reportgen import messages
from reportgen.review.model import Finding

# (what old text says, what to write now, where the current wording comes from)
OUTDATED: tuple[tuple[str, str, str], ...] = (
    # 2015 纲要's goal: "职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信"
    ("廉洁高效、守法诚信", "智能高效、廉洁诚信、人民满意", "《法治政府建设实施纲要（2021—2025年）》总体目标"),
    ("智能科学、权责法定", "职能科学、权责法定", "《法治政府建设实施纲要（2021—2025年）》总体目标"),
    # named 习近平法治思想 at the 中央全面依法治国工作会议, November 2020
    ("习近平新时代中国特色社会主义法治思想", "习近平法治思想", "中央全面依法治国工作会议（2020年11月）"),
)


def check_formulations(number: int, text: str) -> list[Finding]:
    findings = []
    for old, new, _source in OUTDATED:
        start = text.find(old)
        while start >= 0:
            end = start + len(old)
            findings.append(
                Finding("F1", "hint", number, text, start, end, messages.outdated_formulation(old, new), new)
            )
            start = text.find(old, end)
    return findings
