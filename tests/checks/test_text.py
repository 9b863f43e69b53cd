"""Typography of the clerk's prose: defects copied from the reference reports."""

from __future__ import annotations

from conftest import MINIMAL, messages_at


def _with_preamble(text: str) -> str:
    return MINIMAL + f"preamble: '{text}'\n"


def test_unbalanced_title_marks_are_a_warning(validate_text):
    # 八宿县 2020: 下发了关于做好2020年度法治政府建设重点工作的通知》
    result = validate_text(_with_preamble("下发了关于做好2020年度法治政府建设重点工作的通知》。"))
    assert messages_at(result, "preamble") == ["“《”与“》”不成对（“《”0 个，“》”1 个）；请补全或删除多余的一个"]


def test_half_width_punctuation_in_chinese_text_is_a_warning(validate_text):
    # 土城子乡 2022, as published: half-width commas after NFKC normalisation.
    result = validate_text(_with_preamble("2022年,土城子乡人民政府以习近平法治思想为指导。"))
    assert messages_at(result, "preamble") == ["中文正文中有半角标点“,”（…2022年,土城子乡人民政府…），应为全角“，”"]


def test_half_width_punctuation_between_latin_and_digits_is_fine(validate_text):
    result = validate_text(_with_preamble("建成“1+1+N”帮办代办团队，面积11,000平方米（约）。"))
    assert messages_at(result, "preamble") == []


def test_outdated_goal_formula_is_a_warning(validate_text):
    # 喀什地区 2023 wrote 智能科学 for 职能科学.
    result = validate_text(_with_preamble("全面建设智能科学、权责法定、执法严明的法治政府。"))
    [message] = messages_at(result, "preamble")
    assert message.startswith("“智能科学、权责法定”是旧纲要（2015—2020年）或误写的目标表述")


def test_every_text_field_is_checked_with_its_own_position(validate_text):
    text = (
        MINIMAL
        + """\
achievements:
  areas:
    - area: oversight
      measures:
        - title: 全面主动落实政务公开
          items:
            - text: 公开(受理条件)清单。
"""
    )
    result = validate_text(text)
    marks = [d for d in result.warnings if d.dotted_path().endswith("items[0].text")]
    assert [(d.line, d.column, d.title) for d in marks] == [(11, 23, "子项正文"), (11, 28, "子项正文")]


# ---------------------------------------------------------------- paragraphs end like sentences

DATED = MINIMAL + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-03-20\n"


def endings(result, dotted_path: str) -> list[tuple[int | None, int | None, str]]:
    return [
        (d.line, d.column, d.message)
        for d in result.diagnostics
        if d.dotted_path() == dotted_path and "没有以句号" in d.message
    ]


def test_a_shortcoming_without_its_full_stop_is_a_warning_at_its_end(validate_text):
    # 紫阳县 2023: both shortcomings were published without 。
    text = (
        DATED
        + "shortcomings:\n"
        + "  items:\n"
        + "    - title: 基层执法人员素质参差不齐\n"
        + "      text: 行政执法整体水平与人民群众的期待尚有距离\n"
    )
    result = validate_text(text)
    assert endings(result, "shortcomings.items[0].text") == [
        (11, 32, "这一段没有以句号等标点结束（…与人民群众的期待尚有距离）；请在末尾补上“。”")
    ]
    assert endings(result, "shortcomings.items[0].title") == []  # a title is a heading, not a sentence


def test_each_line_of_a_block_scalar_is_a_paragraph_with_its_own_line(validate_text):
    text = (
        DATED
        + "leader_duties:\n"
        + "  text: |-\n"
        + "    乡党委书记认真履行第一责任人职责。\n"
        + "    主持召开专题会议研究法治建设\n"
        + "    开展“法治进乡村”活动：\n"
        + "    建立健全“三项制度”。”\n"
        + "    印发《土城子乡行政执法公示办法（试行）》\n"
    )
    result = validate_text(text)
    assert endings(result, "leader_duties.text") == [
        (11, 18, "这一段没有以句号等标点结束（…召开专题会议研究法治建设）；请在末尾补上“。”"),
        (14, 24, "这一段没有以句号等标点结束（…政执法公示办法（试行）》）；请在末尾补上“。”"),
    ]


def test_a_preamble_ending_in_a_colon_is_closed(validate_text):
    result = validate_text(DATED + "preamble: 现将有关情况报告如下：\n")
    assert endings(result, "preamble") == []
