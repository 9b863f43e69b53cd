"""Figures marked `in_text: true` against the text that states them."""

from __future__ import annotations

import pytest

from conftest import MINIMAL

DATED = MINIMAL + "publication:\n  signed_on: 2025-03-12\n  published_on: 2025-03-20\n"
FIGURES = "achievements.areas[0].measures[0].figures"


def measure(text: str, figures_yaml: str, *, in_text: bool = True, area_text: str = "") -> str:
    """DATED plus one measure with `text` (line 13) and a figures block; its first group is on line 16."""
    figures = "".join(" " * 12 + line + "\n" for line in figures_yaml.strip().splitlines())
    area = f"      text: {area_text}\n" if area_text else ""
    return (
        DATED
        + "achievements:\n  areas:\n    - area: dispute_resolution\n"
        + area
        + "      measures:\n        - title: 健全行政复议审理机制\n"
        + f"          text: {text}\n"
        + "          figures:\n"
        + f"            in_text: {'true' if in_text else 'false'}\n"
        + figures
    )


def figure_warnings(result) -> list[tuple[str, int | None, int | None, str]]:
    return [
        (d.dotted_path().removeprefix(FIGURES + "."), d.line, d.column, d.message)
        for d in result.warnings
        if "正文中却没有这个数" in d.message
    ]


def test_a_number_in_the_text_that_differs_from_the_figure(validate_text):
    result = validate_text(
        measure("全年共审结12917件，按时办结。", "administrative_reconsideration:\n  concluded: 12971")
    )
    assert figure_warnings(result) == [
        (
            "administrative_reconsideration.concluded",
            17,
            26,
            "“行政复议”的“审结”填的是 12971件，正文中却没有这个数；最接近的是 12917（…全年共审结12917件…）。"
            "这组数字标明已写在正文中（in_text: true），请核对数字和正文哪一处有误；"
            "正文没有写这个数时，请删去 in_text，让系统生成叙述数字的句子",
        )
    ]


def test_a_figure_with_no_number_in_the_text(validate_text):
    result = validate_text(measure("依法受理行政复议申请。", "mediation:\n  kind: 人民调解\n  accepted: 120"))
    [(path, line, column, message)] = figure_warnings(result)
    assert (path, line, column) == ("mediation[0].accepted", 18, 25)
    assert message.startswith(
        "“调解（人民调解）”的“受理（排查）矛盾纠纷”填的是 120件，正文中却没有这个数，也没有别的数字。"
    )


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("审结12971件。", "concluded: 12971"),
        ("审结1.3万件。", "concluded: 12971"),
        ("审结1.30万件。", "concluded: 12996"),
        ("审结3000余件。", "concluded: 3000余"),
        ("审结3000余件。", "concluded: 3012"),
        ("审结8.9万件。", "concluded: 8.9万"),
        ("审结十二件。", "concluded: 12"),
        ("纠错率为6.41％。", "correction_rate: 6.41"),
        ("纠错率达到百分之百。", "correction_rate: 100"),
        ("审结12,971件。", "concluded: 12971"),
    ],
)
def test_the_forms_reports_use_are_found(validate_text, text, figure):
    result = validate_text(measure(text, f"administrative_reconsideration:\n  {figure}"))
    assert figure_warnings(result) == []


@pytest.mark.parametrize(
    ("text", "figure", "closest"),
    [
        ("审结1.2万件。", "concluded: 12971", "1.2万（…审结1.2万件…）"),
        ("审结3000余件。", "concluded: 4012", "3000余（…审结3000余件…）"),
        ("纠错率为6.4%。", "correction_rate: 6.41", "6.4%（…纠错率为6.4%…）"),
    ],
)
def test_forms_outside_the_rounding_shown_are_not(validate_text, text, figure, closest):
    result = validate_text(measure(text, f"administrative_reconsideration:\n  {figure}"))
    [(_, _, _, message)] = figure_warnings(result)
    assert f"；最接近的是 {closest}。" in message


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("审结12,971件。", "concluded: 971"),  # the digits end a grouped number
        ("审结1.2971万件。", "concluded: 2971"),  # … are the decimals of another
        ("审结112971件。", "concluded: 12971"),  # … end a longer number
        ("审结12971万件。", "concluded: 12971"),  # … are followed by a scale
        ("占比为12%，审结若干件。", "concluded: 12"),  # … are a percentage, the figure a count
    ],
)
def test_the_figures_digits_inside_another_number_do_not_state_it(validate_text, text, figure):
    # The figure's digits are searched for in the text first (figures_in_text._written_out): only
    # a whole number of the same value and kind states it.
    result = validate_text(measure(text, f"administrative_reconsideration:\n  {figure}"))
    assert len(figure_warnings(result)) == 1


def test_a_measure_figure_stated_in_the_area_text_is_found(validate_text):
    result = validate_text(
        measure(
            "依法受理行政复议申请。", "administrative_reconsideration:\n  received: 14", area_text="全年收到申请14件。"
        )
    )
    assert figure_warnings(result) == []


def test_amounts_in_wan_and_zero_and_computed_figures(validate_text):
    figures = "mediation:\n  kind: 人民调解\n  accepted: 120\n  successful: 118\n  amount_involved: 27800\n  people_involved: 0"
    result = validate_text(measure("受理120件，调解成功118件，涉及金额2.78万元。", figures))
    # 调解成功率 is computed (98.33%), 0 is not looked for: nothing to say.
    assert figure_warnings(result) == []


def test_figures_not_marked_in_text_are_not_looked_for(validate_text):
    result = validate_text(
        measure("全年共审结12917件。", "administrative_reconsideration:\n  concluded: 12971", in_text=False)
    )
    assert figure_warnings(result) == []


@pytest.mark.parametrize("reference", ["{concluded}", "{administrative_reconsideration.concluded}", "{审结}"])
def test_a_figure_the_text_refers_to_is_stated(validate_text, reference):
    result = validate_text(measure(f"全年共审结{reference}件。", "administrative_reconsideration:\n  concluded: 12971"))
    assert figure_warnings(result) == []


def test_figures_of_a_measure_standing_directly_under_the_part_are_found_in_its_text(validate_text):
    township = (
        MINIMAL
        + """\
achievements:
  measures:
    - title: 加强行政调解工作
      text: 全年受理矛盾纠纷46件，调解成功44件。
      figures:
        in_text: true
        mediation:
          accepted: 46
          successful: 44
"""
    )
    result = validate_text(township)
    assert [d for d in result.diagnostics if "figures" in d.dotted_path()] == []
