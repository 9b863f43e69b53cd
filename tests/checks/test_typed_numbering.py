"""Numbering typed into titles, or at the start of an untitled item: it would print twice."""

from __future__ import annotations

import pytest

from conftest import MINIMAL
from reportgen.checks.typed_numbering import typed_numbering

DATED = MINIMAL + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-03-20\n"


def area_with(measure_yaml: str) -> str:
    """DATED plus one area (title on line 11) whose only measure is `measure_yaml` (line 13 on)."""
    body = "".join(" " * 8 + line + "\n" for line in measure_yaml.strip().splitlines())
    return (
        DATED
        + "achievements:\n  areas:\n    - area: law_enforcement\n      title: 加强执法监督\n      measures:\n"
        + body
    )


def errors(result) -> list[tuple[str, int | None, int | None, str]]:
    return [(d.dotted_path(), d.line, d.column, d.message) for d in result.errors]


@pytest.mark.parametrize(
    ("title", "found"),
    [("一是加强学习", "一是"), ("1.全面推行三项制度", "1."), ("（一）加强执法监督", "（一）"), ("(2)规范执法", "(2)")],
)
def test_numbering_in_a_measure_title_is_an_error(validate_text, title, found):
    result = validate_text(area_with(f"- title: {title}\n  text: 内容。"))
    assert errors(result) == [
        (
            "achievements.areas[0].measures[0].title",
            13,
            18,
            f"标题开头的“{found}”是编号。编号由系统生成（样式由版式设置 layout.numbering 选择），"
            f"写进标题会印出两次（如“一是一是”）；请删去“{found}”",
        )
    ]


def test_numbering_in_area_shortcoming_and_plan_titles(validate_text):
    text = (
        DATED
        + "achievements:\n  areas:\n    - title: 三、夯实法治基础保障\n      text: 内容。\n"
        + "shortcomings:\n  items_title: （二）存在的问题\n  items:\n    - title: 一是基层执法力量薄弱\n"
        + "plans:\n  items:\n    - title: 第一，深化综合行政执法改革\n"
    )
    assert [(path, line, column) for path, line, column, _ in errors(validate_text(text))] == [
        ("achievements.areas[0].title", 10, 14),
        ("shortcomings.items_title", 13, 16),
        ("shortcomings.items[0].title", 15, 14),
        ("plans.items[0].title", 18, 14),
    ]


def test_untitled_item_whose_text_starts_with_numbering_is_an_error(validate_text):
    result = validate_text(area_with("- text: |-\n    2.全面推行行政执法三项制度。"))
    assert errors(result) == [
        (
            "achievements.areas[0].measures[0].text",
            14,
            13,
            "这一项没有标题，正文开头的“2.”是编号。编号由系统生成（样式由版式设置 layout.numbering 选择），"
            "会印出两次；请删去“2.”",
        )
    ]


def test_numbering_inside_a_paragraph_or_after_a_title_is_the_clerks_prose(validate_text):
    result = validate_text(
        area_with("- title: 加强学习\n  text: 一是学习宪法；二是学习民法典。\n- text: 全年开展培训，一是……二是……。")
    )
    assert errors(result) == []


@pytest.mark.parametrize(
    "title",
    ["2023年工作回顾", "第一责任人职责履行情况", "12345热线办理", "1.5万人次参与普法", "十九大精神学习", "一体推进"],
)
def test_titles_that_merely_start_with_a_number_are_not_numbering(title):
    assert typed_numbering(title) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [("一、", "一、"), ("十二是", "十二是"), ("3、", "3、"), ("1）", "1）"), ("①", "①"), ("(一)", "(一)")],
)
def test_the_forms_of_numbering(text, found):
    assert typed_numbering(text + "加强学习") == found
