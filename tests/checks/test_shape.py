"""The report's shape as settings: layout.numbering, measures without areas, the addressee, a spaced
title line, a signature the clerk must give, and figure references in the text."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, messages_at

AREA = "achievements:\n  areas:\n    - area: law_enforcement\n      text: 推行三项制度。\n"


@pytest.mark.parametrize(
    "tokens",
    [
        "[一、, （一）, 1., （1）]",
        "[一、, （一）, 一是]",
        "[一、, 1., 一是]",
        "[一、, （一）, 一是, （1）]",
        "[第一部分　, 一、, 一是]",
    ],
)
def test_the_numbering_shapes_of_real_reports_are_accepted(validate_text, tokens):
    result = validate_text(MINIMAL + AREA + f"layout:\n  numbering: {tokens}\n")
    assert messages_at(result, "layout.numbering") == []


@pytest.mark.parametrize(
    ("tokens", "message"),
    [
        ("[一是, 一、]", "第一级是各部分的标题，不能用“一是”"),
        ("[一、, 一是, （一）, 1.]", "“一是”之后最多再有一级（举措下的子项）"),
        ("[一、, 一、]", "各级编号不能相同"),
        ("[一、, （一）, 1., （1）, 1、]", "应写 1 到 4 级，实为 5 级"),
    ],
)
def test_a_numbering_that_cannot_number_a_report_says_why(validate_text, tokens, message):
    [error] = validate_text(MINIMAL + f"layout:\n  numbering: {tokens}\n").errors
    assert error.dotted_path() == "layout.numbering"
    assert error.message == (
        f"{message}；常见写法：[一、, （一）, 1., （1）]（默认）、[一、, （一）, 一是]、[一、, 1., 一是]、[一、, 一是]"
    )


def test_a_level_without_a_number_is_named_with_its_value(validate_text):
    [error] = validate_text(MINIMAL + "layout:\n  numbering: [一、, 甲]\n").errors
    assert error.dotted_path() == "layout.numbering"
    assert error.message == "每一级写这一级第一个编号的样子，如 一、 （一） 1. （1） 一是，实为 “甲”"


def test_yi_shi_as_second_level_cannot_head_areas(validate_text):
    result = validate_text(MINIMAL + AREA + "layout:\n  numbering: [一、, 一是]\n")
    [error] = result.errors
    assert (error.dotted_path(), error.line) == ("layout.numbering", 10)
    assert error.message.startswith("编号样式的第二级是“一是”，但报告分了工作领域")


def test_measures_stand_under_the_part_or_in_areas_not_both(validate_text):
    both = AREA + "  measures:\n    - title: 加强学法\n"
    [error] = validate_text(MINIMAL + both).errors
    assert error.dotted_path() == "achievements"
    assert error.message.startswith("areas（分工作领域）和 measures（举措直接列在部分之下）只能写一种")


def test_a_title_line_spaced_by_convention_joins_into_the_title(validate_text):
    lines = "layout:\n  title_lines: [土城子乡2024年法治政府建设年度, 报  告]\n"
    result = validate_text(MINIMAL + lines.replace("年度, 报  告", "年度报, 告"))
    assert messages_at(result, "layout.title_lines") == []
    result = validate_text(MINIMAL + "layout:\n  title_lines: [土城子乡2024年法治政府建设, 年度报　告]\n")
    assert messages_at(result, "layout.title_lines") == []


def test_a_signature_not_given_is_a_warning_never_chosen_silently(validate_text):
    result = validate_text(MINIMAL)
    assert messages_at(result, "publication.signatories") == [
        "没有填写署名机关（signatories）：报告落款处是醒目的“待填写”占位，系统不替您选定署名。"
        "请填写落款的机关全称，如 [土城子乡人民政府]；党委、政府联合署名时党委在前；确实不落款时写 signatories: []"
    ]
    unsigned = validate_text(MINIMAL + "publication:\n  signatories: []\n")
    assert messages_at(unsigned, "publication.signatories") == []


FIGURES = """\
achievements:
  areas:
    - area: dispute_resolution
      text: 出庭应诉率{head_appearance_rate}，{同比:负责人出庭应诉率}。
      figures:
        in_text: true
        administrative_litigation:
          head_appearance_rate: 96.91
"""


def test_a_figure_reference_needs_last_years_figure_for_a_change(validate_text):
    result = validate_text(MINIMAL + FIGURES)
    assert messages_at(result, "achievements.areas[0].text") == [
        "“{同比:负责人出庭应诉率}”无法计算：没有这个数字去年的值；请在 last_year 中填写去年的数字或资料文件"
    ]
    with_last_year = (
        FIGURES + "last_year:\n  figures:\n    administrative_litigation:\n      head_appearance_rate: 79.39\n"
    )
    result = validate_text(MINIMAL + with_last_year)
    assert [d for d in result.errors if d.dotted_path() == "achievements.areas[0].text"] == []


def test_an_unknown_or_ambiguous_figure_reference_is_an_error_at_its_text(validate_text):
    text = FIGURES.replace("{head_appearance_rate}", "{出庭率}") + (
        "    - title: 热线\n      text: 办结{received}件。\n      figures:\n        in_text: true\n"
        "        hotline:\n          received: 5\n        administrative_reconsideration:\n          received: 3\n"
    )
    result = validate_text(MINIMAL + text)
    unknown = [d.message for d in result.errors if d.dotted_path() == "achievements.areas[0].text"]
    assert unknown[0].startswith("“{出庭率}”没有对应的数字")
    [ambiguous] = [d.message for d in result.errors if d.dotted_path() == "achievements.areas[1].text"]
    assert (
        ambiguous
        == "“{received}”可以指 administrative_reconsideration.received、hotline.received，请写明是哪一个，如 {administrative_reconsideration.received}"
    )
