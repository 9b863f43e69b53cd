"""F2 on a slip in a canonical phrase's first or last character (review/formulations.py)."""

from __future__ import annotations

import pytest

from reportgen.review.formulations import check_formulations

GOAL = "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意"


def slips(text: str) -> list[tuple[str, str, str]]:
    return [
        (finding.rule, finding.text[finding.start : finding.end], finding.correction)
        for finding in check_formulations(1, text)
    ]


@pytest.mark.parametrize(
    ("text", "written", "phrase"),
    [
        (f"全面建设{GOAL[:-1]}义的法治政府。", GOAL[:-1] + "义", GOAL),
        (f"全面建设只{GOAL[1:]}的法治政府。", "只" + GOAL[1:], GOAL),
        ("深入学习习近平法治思相。", "习近平法治思相", "习近平法治思想"),
        ("坚持严格规范公正文明执罚。", "严格规范公正文明执罚", "严格规范公正文明执法"),
        ("按时报送法治政府建设年度报吿。", "法治政府建设年度报吿", "法治政府建设年度报告"),
        ("严格执行重大执法决定法制审査制度。", "重大执法决定法制审査", "重大执法决定法制审核"),
    ],
)
def test_a_slip_in_the_first_or_last_character_is_found(text, written, phrase):
    assert slips(text) == [("F2", written, phrase)]


@pytest.mark.parametrize(
    "text",
    [
        "深入学习贯彻习近平法治思想的重要论述。",
        "运用法治思维和法治方式推进工作。",
        "召开年度报告会，审议法治政府建设年度报告。",
        "召开法治政府建设年度报告会。",
        f"全面建设{GOAL}的法治政府。",
        "严格规范公正文明执法，推进重大执法决定法制审核。",
        "落实《法治政府建设实施纲要（2021—2025年）》。",
        "制定《法治政府建设实施方案（2021—2025年）》。",  # a distinct form, never a slip
    ],
)
def test_correct_and_ordinary_text_is_left_alone(text):
    assert slips(text) == []


def test_a_different_word_after_the_phrases_opening_is_not_a_slip_of_its_end():
    """Only the end character may differ: "…督察工作方案" is a plan of its own, not a slip of "规定"."""
    assert slips("印发法治政府建设与责任落实督察工作方案。") == []
    assert slips("印发法治政府建设与责任落实督察工作规则。") == [
        ("F2", "法治政府建设与责任落实督察工作规则", "法治政府建设与责任落实督察工作规定")
    ]


def test_a_slip_at_an_end_is_reported_once_with_its_correction():
    (finding,) = check_formulations(3, "深入学习习近平法治思相。")
    assert (finding.paragraph, finding.start, finding.end, finding.severity) == (3, 4, 11, "warning")
    assert finding.message == (
        "“习近平法治思相”与规范表述“习近平法治思想”不符：“相”应为“想”（《法治政府建设实施纲要（2021—2025年）》第一部分）"
    )
