"""Stage 2, schema errors: every mistake at its line:column, with its field title, in Chinese."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from conftest import MINIMAL, messages_at
from reportgen.cli.printer import diagnostic_line
from reportgen.validate import validate_file

RECEIVED = "achievements.areas[0].figures.administrative_reconsideration.received"


def with_figure(key: str, value: str) -> str:
    """MINIMAL plus one standard area whose 行政复议 figure `key` is on line 10, value at column 21+."""
    return MINIMAL + textwrap.dedent(f"""\
        achievements:
          areas:
            - area: dispute_resolution
              figures:
                administrative_reconsideration:
                  {key}: {value}
        """)


def the_error(result, dotted_path: str):
    """The only diagnostic of the result, which must be an error at `dotted_path`."""
    assert not result.ok
    assert result.exit_code == 1
    assert not result.file_problem
    assert [d.dotted_path() for d in result.diagnostics] == [dotted_path]
    [error] = result.diagnostics
    assert error.is_error
    return error


# ---------------------------------------------------------------- counts and percentages


def test_count_in_chinese_numerals_asks_for_arabic_digits(validate_text):
    error = the_error(validate_text(with_figure("received", "十四")), RECEIVED)

    assert (error.line, error.column, error.title) == (10, 21, "收到行政复议申请")
    assert error.message == "请用阿拉伯数字（如 14），实为 “十四”"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("14件", "数字后不要写单位，直接写 14；单位“件”由系统补上，实为 “14件”"),
        ("3000余件", "数字后不要写单位，直接写 3000余；单位“件”由系统补上，实为 “3000余件”"),
    ],
)
def test_count_with_its_unit_says_to_drop_the_unit(validate_text, value, message):
    error = the_error(validate_text(with_figure("received", value)), RECEIVED)

    assert (error.line, error.column) == (10, 21)
    assert error.message == message


@pytest.mark.parametrize("value", ["-3", "1.5"])
def test_negative_or_fractional_count_is_an_error(validate_text, value):
    error = the_error(validate_text(with_figure("received", value)), RECEIVED)

    assert (error.line, error.column) == (10, 21)
    assert error.message == (f"应为非负整数，可带“余”表示约数（如 3000余）或用“万”（如 8.9万），实为 {value}")


@pytest.mark.parametrize(("value", "expected"), [("14", 14), ("3000余", 3000), ("8.9万", 89_000), ("0", 0)])
def test_counts_as_reports_write_them_are_accepted(validate_text, value, expected):
    result = validate_text(with_figure("received", value))

    assert result.ok
    assert messages_at(result, RECEIVED) == []
    assert result.profile is not None
    figures = result.profile.achievements.areas[0].figures
    assert figures is not None
    assert figures.administrative_reconsideration.received == expected


@pytest.mark.parametrize("value", ["120", "100.5", "-1"])
def test_percent_outside_0_to_100_is_an_error(validate_text, value):
    path = "achievements.areas[0].figures.administrative_reconsideration.conclusion_rate"
    error = the_error(validate_text(with_figure("conclusion_rate", value)), path)

    assert (error.line, error.column, error.title) == (10, 28, "审结率")
    assert error.message == (f'应为 0 到 100 之间的百分数，如 98.5 或 "98.5%"，可写“95%以上”，实为 {value}')


@pytest.mark.parametrize("value", ["100", "98.5", "'95%以上'"])
def test_percent_within_0_to_100_is_accepted(validate_text, value):
    result = validate_text(with_figure("conclusion_rate", value))

    assert result.ok


def test_absurdly_large_count_is_rejected(validate_text):
    the_error(validate_text(with_figure("received", "1.0e5000")), RECEIVED)


_VALIDATE_IN_CHILD = """
import json, sys
from pathlib import Path
from reportgen.validate import validate_file
result = validate_file(Path(sys.argv[1]))
print(json.dumps([[d.dotted_path(), d.is_error] for d in result.diagnostics]))
"""


def test_count_with_a_huge_exponent_does_not_hang_validation(write_profile):
    path = write_profile(with_figure("received", "1e9999999"))

    try:
        # A child process, so that the hang can be stopped (subprocess.run kills it).
        completed = subprocess.run(
            [sys.executable, "-c", _VALIDATE_IN_CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=6,
            check=True,
        )
    except subprocess.TimeoutExpired:
        completed = None

    assert completed is not None, "validation did not finish within 6 seconds"
    assert json.loads(completed.stdout) == [[RECEIVED, True]]


# ---------------------------------------------------------------- keys


def test_unknown_key_with_a_typo_suggests_the_field_at_the_key(validate_text):
    result = validate_text(
        """\
        jurisdiction:
          nmae: 土城子乡
          level: 乡镇
        year: 2024
        """
    )

    [unknown] = [d for d in result.errors if d.path == ("jurisdiction", "nmae")]
    assert (unknown.line, unknown.column) == (2, 3)
    assert unknown.title == "单位"
    assert unknown.message == "不认识的字段“nmae”；是否想写“name”？"


def test_unknown_key_in_chinese_suggests_the_field_with_that_title(validate_text):
    result = validate_text(
        """\
        jurisdiction:
          level: 乡镇
          名称: 土城子乡
        year: 2024
        """
    )

    assert messages_at(result, "jurisdiction.名称") == ["不认识的字段“名称”；是否想写“name”？"]
    [unknown] = [d for d in result.errors if d.path == ("jurisdiction", "名称")]
    assert (unknown.line, unknown.column) == (3, 3)


def test_unknown_key_like_no_field_asks_to_check_or_delete(validate_text):
    error = the_error(validate_text(MINIMAL + "zzzz: 1\n"), "zzzz")

    assert (error.line, error.column) == (5, 1)
    assert error.message == "不认识的字段“zzzz”；请检查拼写，或删除这一项"


def test_missing_required_name_is_reported_at_its_parent(validate_text):
    result = validate_text(
        """\
        year: 2024
        jurisdiction:
          level: 乡镇
        """
    )

    error = the_error(result, "jurisdiction.name")
    assert (error.line, error.column, error.title) == (2, 1, "名称")
    assert error.message == "缺少必填项，请补上"


def test_missing_year_is_reported(validate_text):
    error = the_error(validate_text("jurisdiction:\n  name: 土城子乡\n  level: 乡镇\n"), "year")

    assert error.title == "报告年度"
    assert error.message == "缺少必填项，请补上"


# ---------------------------------------------------------------- choices and years


def test_unknown_level_lists_the_choices(validate_text):
    result = validate_text(MINIMAL.replace("level: 乡镇", "level: 村"))

    error = the_error(result, "jurisdiction.level")
    assert (error.line, error.column, error.title) == (3, 10, "层级")
    assert error.message == (
        "应为以下之一：township（乡镇）、county（县（区、市、旗））、prefecture（地区（市、州、盟））、"
        "province（省）、department（政府部门），实为 “村”"
    )


@pytest.mark.parametrize(("value", "shown"), [("24", "24"), ("二〇二四", "“二〇二四”"), ("2101", "2101")])
def test_year_that_is_not_a_four_digit_year_is_an_error(validate_text, value, shown):
    error = the_error(validate_text(MINIMAL.replace("year: 2024", f"year: {value}")), "year")

    assert (error.line, error.column, error.title) == (4, 7, "报告年度")
    assert error.message == f"应为四位年份（如 2024），实为 {shown}"


@pytest.mark.parametrize("value", ["2024年", "2024年度", "'2024'"])
def test_year_written_with_nian_is_accepted(validate_text, value):
    result = validate_text(MINIMAL.replace("year: 2024", f"year: {value}"))

    assert result.ok
    assert result.profile is not None
    assert result.profile.year == 2024


# ---------------------------------------------------------------- sections


def test_empty_measure_is_an_error_at_the_measure(validate_text):
    result = validate_text(
        MINIMAL
        + textwrap.dedent("""\
            achievements:
              areas:
                - area: dispute_resolution
                  measures:
                    - title: 健全行政复议审理机制
                    - title: "  "
                      text:
            """)
    )

    error = the_error(result, "achievements.areas[0].measures[1]")
    assert (error.line, error.column, error.title) == (10, 11, "举措第2项")
    assert error.message == "这条举措既没有标题也没有正文，请补写或删除"


def test_custom_area_without_title_is_an_error(validate_text):
    result = validate_text(
        MINIMAL
        + textwrap.dedent("""\
            achievements:
              areas:
                - area: dispute_resolution
                  text: 概述
                - text: 自定义领域的内容
            """)
    )

    error = the_error(result, "achievements.areas[1]")
    assert (error.line, error.column, error.title) == (9, 7, "工作领域第2项")
    assert error.message == "自定义领域必须写 title（标题）；标准领域写 area（如 dispute_resolution）"


# ---------------------------------------------------------------- all errors, sorted, printed

SEVERAL_ERRORS = """\
publication:
  signed_on: 2025-02-30
jurisdiction:
  nmae: 土城子乡
  level: 村
year: 1999
achievements:
  areas:
    - area: dispute_resolution
      figures:
        administrative_reconsideration:
          received: 十四
"""


def test_several_errors_are_all_reported_sorted_by_line(validate_text):
    result = validate_text(SEVERAL_ERRORS)

    assert result.exit_code == 1
    assert all(d.is_error for d in result.diagnostics)
    assert [(d.line, d.column, d.dotted_path()) for d in result.diagnostics] == [
        (2, 14, "publication.signed_on"),
        (3, 1, "jurisdiction.name"),
        (4, 3, "jurisdiction.nmae"),
        (5, 10, "jurisdiction.level"),
        (6, 7, "year"),
        (12, 21, RECEIVED),
    ]
    positions = [(d.line, d.column) for d in result.diagnostics]
    assert positions == sorted(positions)


def test_each_printed_line_names_file_position_field_and_path(validate_text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    result = validate_text(SEVERAL_ERRORS)

    printed = [diagnostic_line(d) for d in result.diagnostics]
    for diagnostic, line in zip(result.diagnostics, printed, strict=True):
        assert f"profile.yaml:{diagnostic.line}:{diagnostic.column}" in line
        assert f"{diagnostic.title} ({diagnostic.dotted_path()})" in line
    assert printed == [
        "profile.yaml:2:14  成文日期 (publication.signed_on)  "
        "应为存在的日期，如 2025-03-12 或 2025年3月12日，实为 “2025-02-30”",
        "profile.yaml:3:1  名称 (jurisdiction.name)  缺少必填项，请补上",
        "profile.yaml:4:3  单位 (jurisdiction.nmae)  不认识的字段“nmae”；是否想写“name”？",
        "profile.yaml:5:10  层级 (jurisdiction.level)  应为以下之一：township（乡镇）、county（县（区、市、旗））、"
        "prefecture（地区（市、州、盟））、province（省）、department（政府部门），实为 “村”",
        "profile.yaml:6:7  报告年度 (year)  应为四位年份（如 2024），实为 1999",
        f"profile.yaml:12:21  收到行政复议申请 ({RECEIVED})  请用阿拉伯数字（如 14），实为 “十四”",
    ]


def test_invalid_layout_settings_get_chinese_diagnostics(validate_text):
    result = validate_text(MINIMAL + "layout:\n  page_numbers: 左右\n  bold_level3: 是\n")
    messages = {d.dotted_path(): d.message for d in result.errors}
    assert messages["layout.page_numbers"] == "应为 odd_even（单页码居右、双页码居左）或 centered（居中），实为 “左右”"
    assert messages["layout.bold_level3"] == "应为 true 或 false，实为 “是”"


def test_title_lines_must_join_into_the_title(validate_text):
    result = validate_text(MINIMAL + "layout:\n  title_lines: [土城子乡2024年, 法治建设报告]\n")
    [error] = result.errors
    assert error.dotted_path() == "layout.title_lines"
    assert error.message == (
        "标题分行连起来是“土城子乡2024年法治建设报告”，与标题“土城子乡2024年法治政府建设年度报告”不一致；请按标题原文分行"
    )


def test_page_number_style_accepts_the_chinese_words(validate_text):
    result = validate_text(MINIMAL + "layout:\n  page_numbers: 居中\n")
    assert result.errors == [] and result.profile.layout.page_numbers.value == "centered"


# ---------------------------------------------------------------- a place inside a value


def marks_in_preamble(result) -> list[tuple[int | None, int | None]]:
    return [(d.line, d.column) for d in result.diagnostics if d.dotted_path() == "preamble"]


def test_a_mark_in_a_block_scalar_is_located_through_a_bom_and_crlf_line_ends(tmp_path):
    text = MINIMAL + "preamble: |-\n  第一段。\n\n  第二段,照录原文。\n"
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))

    result = validate_file(path)

    assert marks_in_preamble(result) == [(8, 6)]


def test_a_mark_after_an_escape_that_cannot_be_matched_falls_back_to_the_value(validate_text):
    # "\u4e2d" is 中: the text around the comma differs from the value, so the place is not trusted.
    result = validate_text(MINIMAL + 'preamble: "\\u4e2d,文。"\n')

    assert marks_in_preamble(result) == [(5, 11)]


def test_the_same_mark_twice_in_one_value_gets_two_places(validate_text):
    result = validate_text(MINIMAL + "preamble: >-\n  甲,乙\n  丙,丁。\n")

    assert marks_in_preamble(result) == [(6, 4), (7, 4)]


def test_values_merged_in_with_an_anchor_are_placed_at_the_mapping_that_merges_them(validate_text):
    # ruamel keeps no position for keys merged in with <<: *anchor; this used to be a crash.
    text = MINIMAL + textwrap.dedent("""\
        achievements:
          areas:
            - &first
              title: 推进依法行政
              text: 开展培训,效果良好。
              nmae: 拼错的键
            - <<: *first
              title: 推进严格执法
        """)
    result = validate_text(text)

    assert [(d.dotted_path(), d.line, d.column) for d in result.errors] == [
        ("achievements.areas[0].nmae", 10, 7),
        ("achievements.areas[1].nmae", 11, 7),
    ]
    fixed = validate_text(text.replace("      nmae: 拼错的键\n", ""), "fixed.yaml")
    assert [(d.dotted_path(), d.line, d.column) for d in fixed.warnings if "半角" in d.message] == [
        ("achievements.areas[0].text", 9, 17),
        ("achievements.areas[1].text", 10, 7),
    ]
