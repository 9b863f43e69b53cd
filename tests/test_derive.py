"""Computed figures: totals, rates (half-up), inferred zeros, year-on-year."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from conftest import MINIMAL, RECONSIDERATION, indented
from reportgen.derive import round_half_up
from reportgen.render.filters import change_text, figure_text


def _group(result, key):
    [group] = [g for g in result.report.groups if g.key == key]
    return group


PROFILE_2024 = (
    MINIMAL
    + """\
achievements:
  areas:
    - area: dispute_resolution
      figures:
"""
    + indented(RECONSIDERATION, 8)
    + """\
        administrative_litigation:
          head_required: 20
          head_appeared: 19
    - area: institutions
      figures:
        normative_documents:
          retained: 19
          amended: 4
          repealed: 0
          invalidated: 1
"""
)


def test_rates_are_computed_from_counts(validate_text):
    result = validate_text(PROFILE_2024)
    reconsideration = _group(result, "administrative_reconsideration")
    assert figure_text(reconsideration.figures["conclusion_rate"]) == "80%"
    assert reconsideration.figures["conclusion_rate"].formula == "8 ÷ 10"
    assert figure_text(_group(result, "administrative_litigation").figures["head_appearance_rate"]) == "95%"


def test_a_total_is_summed_when_every_part_is_given(validate_text):
    result = validate_text(PROFILE_2024)
    cleaned = _group(result, "normative_documents").figures["cleaned_up"]
    assert (cleaned.value, cleaned.computed) == (24, True)


def test_parts_filling_the_whole_make_the_others_zero(validate_text):
    # 终止5 + 维持3 = 审结8, so no decision was 撤销/变更…: 纠错率 0 ÷ 3 = 0%.
    result = validate_text(PROFILE_2024)
    figures = _group(result, "administrative_reconsideration").figures
    assert figures["revoked"].value == 0 and figures["revoked"].computed
    assert figure_text(figures["correction_rate"]) == "0%"


def test_unknown_counts_stay_unknown(validate_text):
    result = validate_text(
        MINIMAL + "achievements:\n  areas:\n    - area: dispute_resolution\n"
        "      figures:\n        administrative_reconsideration:\n          concluded: 8\n"
        "          upheld: 3\n"
    )
    figures = _group(result, "administrative_reconsideration").figures
    assert "revoked" not in figures and "correction_rate" not in figures


def test_rounding_is_half_up_never_truncated():
    assert round_half_up(Fraction(6536 * 100, 7123), 2) == Decimal("91.76")
    assert round_half_up(Fraction(1, 8) * 100, 1) == Decimal("12.5")
    assert round_half_up(Fraction(125, 1000) * 100, 0) == Decimal("13")


def test_year_on_year_from_last_years_profile(write_profile, validate_text):
    write_profile(
        PROFILE_2024.replace("year: 2024", "year: 2023")
        .replace("received: 14", "received: 10")
        .replace("accepted: 10", "accepted: 6")
        .replace("concluded: 8", "concluded: 4")
        .replace("upheld: 3", "upheld: 4")
        .replace("terminated: 5", "terminated: 0")
        .replace("head_appeared: 19", "head_appeared: 16"),
        "last.yaml",
    )
    result = validate_text(PROFILE_2024 + "last_year:\n  profile: last.yaml\n")
    assert result.errors == []
    changes = {(c.group, c.name): change_text(c) for c in result.report.changes}
    assert changes[("administrative_reconsideration", "received")] == "增长4件（40%）"
    # 80% (8/16… no: 16/20) → 95%: rates change in 个百分点, never in %.
    assert changes[("administrative_litigation", "head_appearance_rate")] == "提高15个百分点"


def test_year_on_year_from_inline_figures(validate_text):
    # 喀什地区 2023: 出庭应诉率由79.39%提高至96.91% is 17.52 个百分点 (the report said 18.56%).
    text = (
        MINIMAL
        + """\
achievements:
  areas:
    - area: dispute_resolution
      figures:
        administrative_litigation:
          head_appearance_rate: 96.91
last_year:
  figures:
    administrative_litigation:
      head_appearance_rate: 79.39
"""
    )
    result = validate_text(text)
    [change] = result.report.changes
    assert change_text(change) == "提高17.52个百分点"


def test_last_year_of_the_wrong_year_is_an_error(write_profile, validate_text):
    write_profile(MINIMAL.replace("2024", "2022"), "old.yaml")
    result = validate_text(MINIMAL + "last_year:\n  profile: old.yaml\n")
    assert [d.message for d in result.errors] == ["去年的资料是 2022 年的，应为 2023 年；同比须与上一年比较"]
    assert result.errors[0].line == 6


def test_missing_last_year_file_is_an_error_not_a_crash(validate_text):
    result = validate_text(MINIMAL + "last_year:\n  profile: nowhere.yaml\n")
    [error] = result.errors
    assert error.message.startswith("无法读取去年的资料文件：找不到文件")
    assert error.title == "去年的资料文件"


def test_counts_fall_and_stay_level():
    from reportgen.derive import Change, Figure

    def change(now, then, unit="件"):
        return Change("g", None, "n", "t", unit, Figure(Fraction(now), unit), Figure(Fraction(then), unit))

    assert change_text(change(9, 12)) == "下降3件（25%）"
    assert change_text(change(5, 5)) == "持平"
    assert change_text(change(3, 0)) == "增长3件"
    assert change_text(change(Fraction(9391, 100), Fraction(9500, 100), "%")) == "降低1.09个百分点"
