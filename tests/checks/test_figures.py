"""Consistency of figures: parts within wholes, sums, typed rates against their counts."""

from __future__ import annotations

from decimal import Decimal

from conftest import MINIMAL, messages_at

FIGURES_AT = "achievements.areas[0].measures[0].figures"


def profile_with(figures_yaml: str) -> str:
    """MINIMAL plus one measure whose `figures:` block is the given YAML (starting at line 10)."""
    body = "\n".join(" " * 12 + line for line in figures_yaml.strip().splitlines())
    return MINIMAL + (
        "achievements:\n"
        "  areas:\n"
        "    - area: dispute_resolution\n"
        "      measures:\n"
        "        - title: 健全行政复议审理机制\n"
        "          figures:\n" + body + "\n"
    )


_figures = profile_with


def test_part_exceeding_whole_is_an_error_naming_both(validate_text):
    result = validate_text(
        _figures("""
administrative_litigation:
  head_required: 80
  head_appeared: 81
""")
    )
    [message] = messages_at(result, f"{FIGURES_AT}.administrative_litigation.head_appeared")
    assert message == ("应不超过“负责人应出庭应诉”（80件），实为 81件；部分不能大于整体，请核对这两个数")
    [diagnostic] = [d for d in result.errors]
    assert (diagnostic.line, diagnostic.title) == (13, "负责人实际出庭应诉")


def test_sum_above_whole(validate_text):
    result = validate_text(
        _figures("""
administrative_reconsideration:
  received: 14
  accepted: 11
  rejected: 2
  referred: 2
""")
    )
    [message] = messages_at(result, f"{FIGURES_AT}.administrative_reconsideration.received")
    assert message == ("应不小于受理、不予受理、告知向有权机关申请之和（15件），实为 14件；请核对各分项与合计")


def test_all_parts_given_must_equal_the_whole(validate_text):
    result = validate_text(
        _figures("""
normative_documents:
  cleaned_up: 266
  retained: 224
  amended: 0
  repealed: 40
  invalidated: 0
""")
    )
    [message] = messages_at(result, f"{FIGURES_AT}.normative_documents.cleaned_up")
    assert message.startswith(
        "应等于清理后保留（继续有效）、清理后修改、清理后废止、清理后宣布失效之和 264件，实为 266件"
    )


def test_parts_below_the_whole_are_fine_while_some_are_missing(validate_text):
    result = validate_text(
        _figures("""
administrative_reconsideration:
  accepted: 10
  concluded: 8
  upheld: 3
""")
    )
    assert result.errors == []


def test_typed_rate_disagreeing_with_counts_shows_the_correct_value(validate_text):
    # 八宿县 2020 stated 91.75%: 6536 / 7123 = 91.759… which rounds (half-up) to 91.76.
    result = validate_text(
        _figures("""
mediation:
  accepted: 7123
  successful: 6536
  success_rate: 91.75
""")
    )
    [message] = messages_at(result, f"{FIGURES_AT}.mediation[0].success_rate")
    assert message == (
        "应为 91.76%（调解成功（化解） 6536 ÷ 受理（排查）矛盾纠纷 7123），实为 91.75%；"
        "比率由数字自动计算，请删除此项，让系统计算"
    )


def test_typed_rate_is_compared_at_the_precision_typed(validate_text):
    # 26162 / 26474 = 98.82…%: "98.8" agrees at one decimal, so it is only redundant.
    result = validate_text(
        _figures("""
mediation:
  accepted: 26474
  successful: 26162
  success_rate: 98.8
""")
    )
    assert result.errors == []
    [message] = messages_at(result, f"{FIGURES_AT}.mediation[0].success_rate")
    assert message.startswith("已由“调解成功（化解）”和“受理（排查）矛盾纠纷”算出 98.8%，无需手填")


def test_trailing_zero_precision_is_kept(validate_text):
    # "80.00" states two decimals; 8/10 = 80.00 agrees; 79.90 would not.
    good = validate_text(
        _figures("administrative_reconsideration:\n  accepted: 10\n  concluded: 8\n  conclusion_rate: 80.00\n")
    )
    bad = validate_text(
        _figures("administrative_reconsideration:\n  accepted: 10\n  concluded: 8\n  conclusion_rate: 79.90\n"),
        "bad.yaml",
    )
    assert good.errors == []
    [message] = messages_at(bad, f"{FIGURES_AT}.administrative_reconsideration.conclusion_rate")
    assert message.startswith("应为 80.00%（审结 8 ÷ 受理 10），实为 79.90%")


def test_at_least_rate_must_hold(validate_text):
    result = validate_text(_figures('study:\n  exam_takers: 100\n  exam_passed: 90\n  exam_pass_rate: "95%以上"\n'))
    [message] = messages_at(result, f"{FIGURES_AT}.study.exam_pass_rate")
    assert message.startswith("应为 90.00%（由数字计算），实为“95%以上”")


def test_rate_without_counts_is_accepted(validate_text):
    result = validate_text(_figures("administrative_reconsideration:\n  correction_rate: 6.41\n"))
    assert result.errors == []
    assert messages_at(result, f"{FIGURES_AT}.administrative_reconsideration.correction_rate") == []


def test_approximate_count_must_be_round(validate_text):
    result = validate_text(_figures("legal_publicity:\n  events: 6余\n  audience: 5000余\n"))
    [message] = messages_at(result, f"{FIGURES_AT}.legal_publicity.events")
    assert message == "“余”只用于整十、整百的约数（如 20余次），实为 6余；请写准确数字或取整"
    assert messages_at(result, f"{FIGURES_AT}.legal_publicity.audience") == []


def test_approximate_counts_are_not_held_to_exact_sums(validate_text):
    result = validate_text(_figures("mediation:\n  accepted: 3000余\n  successful: 3100\n"))
    assert result.errors == []


def test_a_figure_stated_twice_is_an_error_naming_the_first_line(validate_text):
    text = (
        MINIMAL
        + """\
achievements:
  areas:
    - area: dispute_resolution
      figures:
        hotline:
          received: 71
      measures:
        - title: 热线
          figures:
            hotline:
              received: 71
"""
    )
    result = validate_text(text)
    [message] = messages_at(result, "achievements.areas[0].measures[0].figures.hotline.received")
    assert message == (
        "“12345 热线”的“受理（交办）热线工单”已在第 10 行填写过；同一个数字只能填写一次，"
        "请删除其中一处（同一组数字可以分在几项举措中，但每项数字只写一次）"
    )


def test_a_group_spread_over_measures_is_checked_as_one(validate_text):
    # 八宿县 2020 states 行政诉讼 cases in one measure and 出庭 in the next.
    text = (
        MINIMAL
        + """\
achievements:
  areas:
    - area: dispute_resolution
      measures:
        - title: 严管应诉工作
          figures:
            administrative_litigation:
              cases: 137
              concluded: 108
              pending: 30
        - title: 落实出庭应诉制度
          figures:
            administrative_litigation:
              head_required: 80
              head_appeared: 67
"""
    )
    result = validate_text(text)
    [message] = messages_at(result, "achievements.areas[0].measures[0].figures.administrative_litigation.cases")
    assert message.startswith("应不小于一审结案、未结之和（138件），实为 137件")
    [group] = result.report.groups
    assert group.figures["head_appearance_rate"].rounded() == Decimal("83.75")


def test_mediation_kinds_may_each_be_stated_once(validate_text):
    result = validate_text(
        _figures("""
mediation:
  - kind: 行政调解
    accepted: 46
  - kind: 行业性专业性调解
    accepted: 80
    successful: 76
""")
    )
    assert result.errors == []
