"""Half-width marks and straight quotes: each one, at its own line and column."""

from __future__ import annotations

from conftest import MINIMAL
from reportgen.checks.punctuation import MAX_MARKS_PER_FIELD

# MINIMAL is four lines; the dates keep the regulation's warnings out of the way.
DATED = MINIMAL + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-03-20\n"


def found(result, dotted_path: str = "preamble") -> list[tuple[int | None, int | None, str]]:
    return [(d.line, d.column, d.message) for d in result.diagnostics if d.dotted_path() == dotted_path]


def test_every_mark_in_a_block_scalar_at_its_own_line_and_column(validate_text):
    # 土城子乡 2022 as published (NFKC-normalised): a comma and a semicolon on different lines.
    result = validate_text(
        DATED
        + "preamble: |-\n"
        + "  2022年,土城子乡人民政府以习近平法治思想为指导。\n"
        + "  深入开展各项工作;较好地完成了本年度的工作目标。\n"
    )
    assert found(result) == [
        (9, 8, "中文正文中有半角标点“,”（…2022年,土城子乡人民政府…），应为全角“，”"),
        (10, 11, "中文正文中有半角标点“;”（…深入开展各项工作;较好地完成了本年…），应为全角“；”"),
    ]


def test_every_mark_of_one_line_is_its_own_finding(validate_text):
    result = validate_text(DATED + "preamble: 公开(受理条件)清单,并及时更新。\n")
    assert [(line, column) for line, column, _ in found(result)] == [(8, 13), (8, 18), (8, 21)]
    assert found(result)[1][2] == "中文正文中有半角标点“)”（…公开(受理条件)清单,并及时更新…），应为全角“）”"


def test_straight_quotes_become_opening_and_closing_quotes(validate_text):
    result = validate_text(DATED + 'preamble: 严格落实"三重一大"决策制度。\n')
    assert found(result) == [
        (8, 15, '中文正文中有英文直引号 "（…严格落实"三重一大"决策制…），此处应为中文前引号 “'),
        (8, 20, '中文正文中有英文直引号 "（…格落实"三重一大"决策制度。…），此处应为中文后引号 ”'),
    ]


def test_single_straight_quotes_inside_a_single_quoted_scalar(validate_text):
    # In '…' YAML writes ' as ''; the columns are those of the file, not of the value.
    result = validate_text(DATED + "preamble: '开展''法律进乡村''活动。'\n")
    assert found(result) == [
        (8, 14, "中文正文中有英文直引号 '（…开展'法律进乡村'活动…），此处应为中文前引号 ‘"),
        (8, 21, "中文正文中有英文直引号 '（…开展'法律进乡村'活动。…），此处应为中文后引号 ’"),
    ]


def test_marks_in_a_folded_and_a_double_quoted_scalar(validate_text):
    text = (
        DATED
        + "achievements:\n"
        + '  intro: "全年办结案件,结案率100%。"\n'
        + "  areas:\n"
        + "    - area: law_enforcement\n"
        + "      text: >\n"
        + "        推行行政执法三项制度\n"
        + "        (公示、全过程记录、法制审核)。\n"
    )
    result = validate_text(text)
    assert [(line, column) for line, column, _ in found(result, "achievements.intro")] == [(9, 17)]
    assert [(line, column) for line, column, _ in found(result, "achievements.areas[0].text")] == [(14, 9), (14, 23)]


def test_digit_grouping_times_apostrophes_and_latin_asides_are_left_alone(validate_text):
    result = validate_text(
        DATED
        + "preamble: |-\n"
        + "  建成面积3,000平方米的服务中心，于16:37发布。\n"
        + '  参考 "Rule of Law Index" 的评价方法，详见 www.gov.cn/a(1).html 页面。\n'
        + "  It's a 中文 aside。\n"
        + '  服务热线 "12345" 全天受理。\n'
    )
    assert found(result) == []


def test_a_pasted_page_is_capped_with_one_summary(validate_text):
    result = validate_text(DATED + "preamble: " + "甲,乙" * (MAX_MARKS_PER_FIELD + 5) + "。\n")
    marks = found(result)
    assert len(marks) == MAX_MARKS_PER_FIELD + 1
    assert marks[-1] == (
        8,
        11 + 3 * MAX_MARKS_PER_FIELD + 1,
        "从这里起还有 5 处半角标点或英文直引号，不再逐一列出；"
        "请用编辑器的“查找和替换”把本段中的 , ; : ! ? ( ) \" ' 一并改为全角",
    )


def test_brackets_around_latin_in_chinese_text_are_reported_as_a_pair(validate_text):
    result = validate_text(DATED + "preamble: 推行公职律师 (PL)，成效明显。\n")
    assert found(result) == [
        (8, 18, "中文正文中有半角标点“(”（…推行公职律师 (PL)，成效明显…），应为全角“（”"),
        (8, 21, "中文正文中有半角标点“)”（…公职律师 (PL)，成效明显。…），应为全角“）”"),
    ]


def test_the_colon_of_a_figure_reference_is_markup_not_prose(validate_text):
    result = validate_text(DATED + "preamble: 出庭应诉率由79.39%提高至96.91%，{同比:head_appearance_rate}。\n")
    assert [message for _, _, message in found(result) if "半角" in message] == []
