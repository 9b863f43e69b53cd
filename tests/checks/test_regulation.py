"""What 《法治政府建设与责任落实督察工作规定》 requires: the parts and the deadline."""

from __future__ import annotations

import datetime as dt

from conftest import MINIMAL, messages_at
from reportgen.checks.regulation import working_days_between

COMPLETE = (
    MINIMAL
    + """\
achievements:
  areas:
    - area: law_enforcement
      text: 全面推行行政执法三项制度。
shortcomings:
  items:
    - title: 基层执法力量薄弱
      cause: 编制不足
leader_duties:
  text: 党政主要负责人切实履行第一责任人职责。
plans:
  items:
    - title: 深化综合行政执法改革
"""
)


def test_a_complete_profile_has_no_regulation_warning(validate_text):
    result = validate_text(COMPLETE)
    assert result.diagnostics == []


def test_each_missing_part_is_a_warning_naming_the_rule(validate_text):
    result = validate_text(MINIMAL)
    assert result.errors == []
    assert messages_at(result, "leader_duties") == [
        "缺少“党政主要负责人履行推进法治建设第一责任人职责情况”。"
        "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）规定年度报告应包括此项（第3项内容）"
    ]
    for part in ("achievements", "shortcomings", "plans"):
        [message] = messages_at(result, part)
        assert "《法治政府建设与责任落实督察工作规定》" in message
    assert messages_at(result, "other_matters") == []  # item 5: only when there is something


def test_shortcomings_without_causes_are_a_warning(validate_text):
    result = validate_text(COMPLETE.replace("      cause: 编制不足\n", ""))
    assert messages_at(result, "shortcomings.items") == [
        "1 条不足中有 1 条未写原因（cause）。《法治政府建设与责任落实督察工作规定》要求报告“存在的不足和原因”"
    ]


def test_publication_after_first_of_april_is_a_warning(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-04-01\n")
    [message] = messages_at(result, "publication.published_on")
    assert message.startswith("发布日期 2025年4月1日 晚于 2025年4月1日。")
    assert "第二十四条" in message
    [diagnostic] = [d for d in result.diagnostics if d.dotted_path() == "publication.published_on"]
    assert diagnostic.line == 20


def test_publication_on_the_last_day_of_march_is_in_time(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-03-31\n")
    assert result.diagnostics == []


def test_published_before_signed_is_an_error(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-03-02\n")
    assert [d.message for d in result.errors] == [
        "发布日期 2025年3月2日 早于成文日期 2025年3月12日；报告须先成文后发布，请核对"
    ]


def test_signed_before_the_year_reported_is_a_warning(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2023年12月30日\n")
    assert messages_at(result, "publication.signed_on") == [
        "成文日期 2023年12月30日 早于报告年度 2024 年的开始，请核对年份"
    ]


def test_publication_long_after_signing_is_a_warning():
    # Signed Friday 2021-01-15; the 20th working day after it is Friday 2021-02-12.
    assert working_days_between(dt.date(2021, 1, 15), dt.date(2021, 2, 12)) == 20
    assert working_days_between(dt.date(2021, 1, 15), dt.date(2021, 2, 15)) == 21


def test_document_number_with_square_brackets_is_a_warning(validate_text):
    result = validate_text(COMPLETE + "publication:\n  document_number: 托政发[2025]3号\n")
    [message] = messages_at(result, "publication.document_number")
    assert message.startswith("发文字号“托政发[2025]3号”格式不规范")
    ok = validate_text(COMPLETE + "publication:\n  document_number: 托政发〔2025〕3号\n", "ok.yaml")
    assert ok.diagnostics == []


def test_empty_document_number_brackets_are_a_warning(validate_text):
    # Seed 000's web page shows "文号 〔〕号": the failure this check exists for.
    result = validate_text(COMPLETE + "publication:\n  document_number: 〔〕号\n")
    assert messages_at(result, "publication.document_number") != []


def test_malformed_index_number_is_a_warning(validate_text):
    result = validate_text(COMPLETE + "publication:\n  index_number: 2025-001\n")
    assert messages_at(result, "publication.index_number")[0].startswith("索引号“2025-001”不符合")
    ok = validate_text(COMPLETE + "publication:\n  index_number: 000014349/2025-00110\n", "ok.yaml")
    assert ok.diagnostics == []


def test_a_standard_area_twice_is_an_error(validate_text):
    text = COMPLETE.replace(
        "      text: 全面推行行政执法三项制度。\n",
        "      text: 全面推行行政执法三项制度。\n    - area: law_enforcement\n      text: 又一段。\n",
    )
    result = validate_text(text)
    assert messages_at(result, "achievements.areas[1].area") == [
        "标准领域“健全行政执法工作体系”已在第 7 行出现过，同一领域只能写一次；请合并"
    ]
