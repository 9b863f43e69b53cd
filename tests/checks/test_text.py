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
    [diagnostic] = [d for d in result.warnings if d.dotted_path().endswith("items[0].text")]
    assert (diagnostic.line, diagnostic.title) == (11, "子项正文")
