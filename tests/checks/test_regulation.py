"""What 《法治政府建设与责任落实督察工作规定》 requires: the parts and the deadline."""

from __future__ import annotations

import datetime as dt

import pytest

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
      cause: 编制不足。
leader_duties:
  text: 党政主要负责人切实履行第一责任人职责。
plans:
  items:
    - title: 深化综合行政执法改革
"""
)


def published(*lines: str) -> str:
    """COMPLETE with a publication block: signed, published in time and signed by the
    government, unless `lines` say otherwise (a key given twice is a YAML error)."""
    given = {line.split(":")[0] for line in lines}
    defaults = ("signed_on: 2025-03-12", "published_on: 2025-03-20", "signatories: [土城子乡人民政府]")
    kept = [line for line in defaults if line.split(":")[0] not in given]
    return COMPLETE + "publication:\n" + "".join(f"  {line}\n" for line in (*lines, *kept) if "~" not in line)


def test_a_complete_profile_has_no_regulation_warning(validate_text):
    result = validate_text(published())
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
    result = validate_text(COMPLETE.replace("      cause: 编制不足。\n", ""))
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
    result = validate_text(published("published_on: 2025-03-31"))
    assert result.diagnostics == []


def test_published_before_signed_is_an_error(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-03-02\n")
    assert [d.message for d in result.errors] == [
        "发布日期 2025年3月2日 早于成文日期 2025年3月12日；报告须先成文后发布，请核对"
    ]


def test_signed_before_the_year_reported_is_an_error(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2023年12月30日\n")
    assert [(d.dotted_path(), d.message) for d in result.errors] == [
        ("publication.signed_on", "成文日期 2023年12月30日 早于报告年度 2024 年的开始，请核对年份")
    ]


def test_signed_with_a_quarter_of_the_year_to_come_is_an_error_that_suggests_the_next_year(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2024-03-12\n")
    assert [(d.dotted_path(), d.message) for d in result.errors] == [
        (
            "publication.signed_on",
            "成文日期为 2024年3月12日，此时报告年度 2024 年还有一个季度以上没有过完，而年度报告总结的是全年的工作，"
            "不可能在此时成文；是否应为 2025年3月12日？年度报告一般在次年第一季度成文（4月1日之前公开）",
        )
    ]


def test_signed_mid_year_is_an_error_without_a_suggestion_past_the_deadline(validate_text):
    result = validate_text(COMPLETE + "publication:\n  signed_on: 2024-06-01\n")
    [error] = result.errors
    assert error.message.endswith(
        "不可能在此时成文；请核对年份和月份。年度报告一般在次年第一季度成文（4月1日之前公开）"
    )


@pytest.mark.parametrize("signed", ["2024-10-01", "2024-12-31"])
def test_signed_in_the_last_quarter_of_the_year_is_a_warning(validate_text, signed):
    # Seed 003 was signed 2022-11-25 on “年初以来”: possible, worth a second look.
    result = validate_text(COMPLETE + f"publication:\n  signed_on: {signed}\n")
    assert result.ok
    [message] = messages_at(result, "publication.signed_on")
    assert message.endswith(
        "早于报告年度 2024 年结束。年度报告总结全年的工作，一般在次年第一季度成文；"
        "如确在年内成文（如写“年初以来”的情况），请核对全年的数字和工作是否都已写入"
    )


def test_publication_long_after_signing_is_a_warning():
    # Signed Friday 2021-01-15; the 20th working day after it is Friday 2021-02-12.
    assert working_days_between(dt.date(2021, 1, 15), dt.date(2021, 2, 12)) == 20
    assert working_days_between(dt.date(2021, 1, 15), dt.date(2021, 2, 15)) == 21


def test_document_number_with_square_brackets_is_a_warning(validate_text):
    result = validate_text(COMPLETE + "publication:\n  document_number: 托政发[2025]3号\n")
    [message] = messages_at(result, "publication.document_number")
    assert message.startswith("发文字号“托政发[2025]3号”格式不规范")
    ok = validate_text(published("document_number: 托政发〔2025〕3号"), "ok.yaml")
    assert ok.diagnostics == []


def test_empty_document_number_brackets_are_a_warning(validate_text):
    # Seed 000's web page shows "文号 〔〕号": the failure this check exists for.
    result = validate_text(COMPLETE + "publication:\n  document_number: 〔〕号\n")
    assert messages_at(result, "publication.document_number") != []


def test_malformed_index_number_is_a_warning(validate_text):
    result = validate_text(COMPLETE + "publication:\n  index_number: 2025-001\n")
    assert messages_at(result, "publication.index_number")[0].startswith("索引号“2025-001”不符合")
    ok = validate_text(published("index_number: 000014349/2025-00110"), "ok.yaml")
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


def test_a_missing_signing_date_is_a_warning_citing_gbt_9704(validate_text):
    result = validate_text(published("signed_on: ~"))
    [diagnostic] = result.diagnostics
    assert (diagnostic.dotted_path(), diagnostic.line, diagnostic.column) == ("publication.signed_on", 18, 1)
    assert diagnostic.message == (
        "未填写成文日期。GB/T 9704—2012 第7.3.5条：落款由发文机关署名和成文日期组成，成文日期用阿拉伯数字"
        "将年、月、日标全（如 2025年3月12日）；不填则报告末尾没有日期，也无法核对是否及时公开"
    )


def test_a_missing_publication_date_is_a_warning_citing_the_first_of_april(validate_text):
    result = validate_text(published("published_on: ~"))
    [diagnostic] = result.diagnostics
    assert (diagnostic.dotted_path(), diagnostic.line, diagnostic.column) == ("publication.published_on", 18, 1)
    assert diagnostic.message == (
        "未填写发布日期。《法治政府建设与责任落实督察工作规定》第二十四条要求年度报告于每年4月1日之前"
        "向社会公开（本报告应在 2025年4月1日 之前）；政府信息公开页面也要显示发布日期。"
        "在网站发布后请补填，以便核对是否按期公开"
    )


def test_without_any_publication_block_both_dates_are_missing_at_the_top(validate_text):
    result = validate_text(COMPLETE)
    dates = [d for d in result.diagnostics if d.dotted_path() in ("publication.signed_on", "publication.published_on")]
    assert [(d.dotted_path(), d.line, d.column) for d in dates] == [
        ("publication.signed_on", 1, 1),
        ("publication.published_on", 1, 1),
    ]


def test_a_deliberately_unsigned_report_needs_no_signing_date(validate_text):
    result = validate_text(published("signed_on: ~", "signatories: []"))
    assert result.diagnostics == []
