"""Hostile input (issue 10): every mistake a clerk's editor, a paste or a stray key can make is
a Chinese message at its own file:line:column, with exit 1 (the profile) or 2 (the file),
never "内部出错" (exit 70), never a silently wrong value, never a Python repr."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from conftest import MINIMAL
from reportgen import load
from reportgen.cli.commands import main
from reportgen.errors import Diagnostic, FileProblem
from reportgen.validate import ValidationResult, validate_file


def lines(*text: str) -> str:
    """YAML from explicit lines, so every blank and column is visible in the test."""
    return "\n".join(text) + "\n"


def with_figure(value: str) -> str:
    """MINIMAL plus 行政复议 received: `value` on line 10, column 21."""
    return MINIMAL + textwrap.dedent(f"""\
        achievements:
          areas:
            - area: dispute_resolution
              figures:
                administrative_reconsideration:
                  received: {value}
        """)


RECEIVED = "achievements.areas[0].figures.administrative_reconsideration.received"


def only_error(result: ValidationResult) -> Diagnostic:
    """The result's one error, which must be a profile problem (exit 1)."""
    assert result.exit_code == 1
    assert not result.file_problem
    [error] = result.errors
    return error


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def assert_no_internal_error(out: str) -> None:
    assert "内部出错" not in out
    assert "Traceback" not in out


# ---------------------------------------------------------------- were "内部出错" (exit 70)


@pytest.mark.parametrize(
    ("text", "position", "escape"),
    [
        (MINIMAL + 'preamble: "2024年\\ud800，我乡"\n', (5, 17), "\\ud800"),
        (lines("jurisdiction:", '  name: "土城子乡\\udfff"', "  level: 乡镇", "year: 2024"), (2, 14), "\\udfff"),
        (MINIMAL + '"键\\ud83d": 1\n', (5, 3), "\\ud83d"),
        (MINIMAL + 'preamble: "\\ude00\\ud83d"\n', (5, 12), "\\ude00"),  # a pair the wrong way round
    ],
    ids=["text", "name", "key", "reversed-pair"],
)
def test_lone_surrogate_escape_is_a_profile_error_at_the_escape(validate_text, text, position, escape):
    error = only_error(validate_text(text))

    assert (error.line, error.column, error.title) == (*position, "YAML 语法")
    assert error.message == (
        f"转义“{escape}”是单独的代理项（半个 UTF-16 字符），不是有效的字符，报告中无法保存。请删去这个转义，直接写出要用的字"
    )


def test_surrogate_pair_escapes_as_json_writes_them_are_the_character_they_spell(validate_text):
    result = validate_text(MINIMAL + 'preamble: "笑脸\\ud83d\\ude00。"\n')

    assert not result.errors
    assert result.profile is not None
    assert result.profile.preamble == "笑脸😀。"


def test_lone_surrogate_on_the_command_line_exits_1_without_internal_error(capsys, write_profile):
    path = write_profile(MINIMAL + 'preamble: "\\ud800"\n')

    code, out = cli(capsys, "validate", str(path))

    assert code == 1
    assert_no_internal_error(out)
    assert ":5:12  YAML 语法  转义“\\ud800”是单独的代理项" in out


def test_control_character_in_a_font_name_is_an_error_at_that_font(validate_text):
    error = only_error(validate_text(MINIMAL + lines("layout:", "  fonts:", '    body: "仿宋\\x01_GB2312"')))

    assert (error.line, error.column, error.title) == (7, 11, "正文字体")
    assert error.dotted_path() == "layout.fonts.body"
    assert error.message == (
        "字体名称中不能有不可见的字符（控制字符 U+0001），Word 找不到这样的字体；请删去，只写字体名，如 仿宋_GB2312，"
        "实为 “仿宋‹控制字符 U+0001›_GB2312”"
    )


def test_control_character_in_a_font_name_does_not_reach_the_docx_writer(capsys, write_profile, tmp_path):
    path = write_profile(MINIMAL + lines("layout:", "  fonts:", '    title: "\\x1b[31m黑体"'))

    code, out = cli(capsys, "build", str(path), "-o", str(tmp_path / "out"))

    assert code == 1
    assert_no_internal_error(out)
    assert "标题字体 (layout.fonts.title)  字体名称中不能有不可见的字符（控制字符 U+001B）" in out


@pytest.mark.parametrize(
    ("key", "column"),
    [("? [a, b]\n: 1", 3), ("[a, b]: 1", 1), ("? {a: b}\n: 1", 3), ("{a: b}: 1", 1)],
    ids=["explicit-list", "flow-list", "explicit-mapping", "flow-mapping"],
)
def test_complex_key_is_a_profile_error_at_the_key(validate_text, key, column):
    error = only_error(validate_text(MINIMAL + key + "\n"))

    assert (error.line, error.column, error.title) == (5, column, "YAML 语法")
    assert error.message == (
        "这里的键是一个列表或一组“键: 值”（YAML 的“? ”复杂键），资料文件的键只能是简单的名称，如 name:。"
        "请改为普通的“键: 值”；如果“?”“[”“{”是正文，请给整个值加英文双引号"
    )


@pytest.mark.parametrize(("key", "shown"), [("1", "1"), ("1.5", "1.5"), ("null", "null"), ("2024-01-01", "2024-01-01")])
def test_a_key_that_yaml_reads_as_a_number_or_null_is_shown_as_typed(validate_text, key, shown):
    error = only_error(validate_text(MINIMAL + f"{key}: 值\n"))

    assert (error.line, error.column) == (5, 1)
    assert error.dotted_path() == shown
    assert error.message.startswith(f"不认识的字段“{shown}”")


# ---------------------------------------------------------------- paths that are not files


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as POSIX makes them")
def test_symlink_loop_given_as_the_path_exits_2_naming_the_loop(capsys, tmp_path):
    loop = tmp_path / "循环.yaml"
    loop.symlink_to(loop)

    code, out = cli(capsys, "validate", str(loop))

    assert code == 2
    assert_no_internal_error(out)
    assert out == (
        f"[错误] {loop} 是循环的符号链接（链接又指回了自己），找不到真正的文件；请检查这个链接，或直接给出资料文件的路径\n"
    )


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as POSIX makes them")
def test_fifo_given_as_the_path_exits_2_without_being_read(capsys, tmp_path):
    fifo = tmp_path / "管道.yaml"
    os.mkfifo(fifo)  # reading it would wait for a writer forever

    code, out = cli(capsys, "validate", str(fifo))

    assert code == 2
    assert out == (
        f"[错误] {fifo} 是管道（FIFO），不是普通文件，不能作为资料文件读取；请给出 .yaml 资料文件或其所在文件夹的路径\n"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_device_given_as_the_path_exits_2_naming_a_device(capsys):
    code, out = cli(capsys, "validate", "/dev/zero")

    assert code == 2
    assert out == (
        "[错误] /dev/zero 是设备文件，不是普通文件，不能作为资料文件读取；请给出 .yaml 资料文件或其所在文件夹的路径\n"
    )


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as POSIX makes them")
@pytest.mark.parametrize("kind", ["loop", "fifo", "device", "folder"])
def test_reading_a_path_that_is_not_a_regular_file_is_a_file_problem_never_a_read(tmp_path, kind):
    path = {"loop": tmp_path / "a.yaml", "fifo": tmp_path / "b.yaml", "device": Path("/dev/zero"), "folder": tmp_path}[
        kind
    ]
    if kind == "loop":
        path.symlink_to(path)
    elif kind == "fifo":
        os.mkfifo(path)
    elif not path.exists():
        pytest.skip("no /dev/zero here")

    with pytest.raises(FileProblem) as caught:
        load.read_profile_text(path)

    what = {"loop": "是循环的符号链接", "fifo": "是管道（FIFO）", "device": "是设备文件", "folder": "是文件夹"}[kind]
    assert caught.value.message.startswith(f"{path} {what}")
    assert caught.value.exit_code == 2


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs as POSIX makes them")
def test_last_years_profile_that_is_a_fifo_is_named_and_not_waited_for(validate_text, tmp_path):
    os.mkfifo(tmp_path / "去年.yaml")

    error = only_error(validate_text(MINIMAL + lines("last_year:", "  profile: 去年.yaml")))

    assert (error.line, error.column, error.dotted_path()) == (6, 12, "last_year.profile")
    assert error.message == (
        f"无法读取去年的资料文件：{tmp_path / '去年.yaml'} 是管道（FIFO），不是普通文件，不能作为资料文件读取；"
        "请给出 .yaml 资料文件或其所在文件夹的路径"
    )


# ---------------------------------------------------------------- numbers that were silently wrong

AMBIGUOUS = [
    (
        "12,34",
        "逗号不在千位分隔的位置（应每三位一个，如 1,234、12,345,678），看不出是哪个数；小数点请写“.”，或去掉逗号直接写数字，实为 “12,34”",
    ),
    (
        "1,2345",
        "逗号不在千位分隔的位置（应每三位一个，如 1,234、12,345,678），看不出是哪个数；小数点请写“.”，或去掉逗号直接写数字，实为 “1,2345”",
    ),
    (
        "14，15",
        "数字之间有“，”，看不出是一个数还是几个数；一项只填一个数，千位分隔请用英文逗号（如 1,234），实为 “14，15”",
    ),
    (
        "14、15",
        "数字之间有“、”，看不出是一个数还是几个数；一项只填一个数，千位分隔请用英文逗号（如 1,234），实为 “14、15”",
    ),
    ("0x10", "以“0x”开头是十六进制的写法，不是资料中应有的数字；请直接写十进制的阿拉伯数字，实为 “0x10”"),
    ("0o17", "以“0o”开头是八进制的写法，不是资料中应有的数字；请直接写十进制的阿拉伯数字，实为 “0o17”"),
    ("0b11", "以“0b”开头是二进制的写法，不是资料中应有的数字；请直接写十进制的阿拉伯数字，实为 “0b11”"),
    ("1_000", "数字中有下划线“_”，看不出是哪个数；请去掉下划线直接写数字（千位分隔可写 1,234），实为 “1_000”"),
    ("1e5", "应为非负整数，可带“余”表示约数（如 3000余）或用“万”（如 8.9万），实为 “1e5”"),
]


@pytest.mark.parametrize(("typed", "message"), AMBIGUOUS, ids=[typed for typed, _ in AMBIGUOUS])
def test_ambiguous_number_is_an_error_showing_it_as_typed(validate_text, typed, message):
    error = only_error(validate_text(with_figure(typed)))

    assert (error.line, error.column, error.dotted_path()) == (10, 21, RECEIVED)
    assert error.message == message


@pytest.mark.parametrize(("typed", "number"), [("1,234", 1234), ("12,345,678", 12_345_678), ("1,234余", 1234)])
def test_thousands_grouping_is_read_as_the_number(validate_text, typed, number):
    result = validate_text(with_figure(typed))

    assert not result.errors
    assert result.profile is not None
    [area] = result.profile.achievements.areas
    assert area.figures is not None
    assert area.figures.administrative_reconsideration is not None
    assert area.figures.administrative_reconsideration.received == number


def test_ambiguous_percent_and_year_are_shown_as_typed(validate_text):
    text = lines("jurisdiction:", "  name: 土城子乡", "  level: 乡镇", "year: 0x7E8") + textwrap.dedent("""\
        achievements:
          areas:
            - area: dispute_resolution
              figures:
                hotline:
                  satisfaction_rate: 98,5
        """)

    result = validate_text(text)

    assert [(d.line, d.column, d.message) for d in result.errors] == [
        (4, 7, "应为四位年份（如 2024），实为 “0x7E8”"),
        (
            10,
            30,
            "逗号不在千位分隔的位置（应每三位一个，如 1,234、12,345,678），看不出是哪个数；"
            "小数点请写“.”，或去掉逗号直接写数字，实为 “98,5”",
        ),
    ]


# ---------------------------------------------------------------- templates: that was ignored


def test_missing_templates_folder_is_an_error_at_the_key_with_the_resolved_path(validate_text, tmp_path):
    error = only_error(validate_text(MINIMAL + "templates: 我的模板\n"))

    assert (error.line, error.column, error.title) == (5, 12, "模板文件夹")
    assert error.message == (
        f"模板文件夹 {tmp_path / '我的模板'} 不存在（templates 的路径相对于资料文件所在的文件夹）；"
        "请检查文件夹名，或删去这一项，使用自带模板"
    )


def test_templates_that_is_a_file_is_an_error_at_the_key(validate_text, tmp_path):
    (tmp_path / "模板.txt").write_text("不是文件夹", encoding="utf-8")

    error = only_error(validate_text(MINIMAL + "templates: ./子目录/../模板.txt\n"))

    assert (error.line, error.column, error.title) == (5, 12, "模板文件夹")
    assert error.message == (
        f"{tmp_path / '模板.txt'} 不是文件夹：templates 应写本单位模板文件夹的路径（相对于资料文件所在的文件夹）；"
        "请改正，或删去这一项，使用自带模板"
    )


def test_templates_folder_that_exists_is_accepted(validate_text, tmp_path):
    (tmp_path / "我的模板").mkdir()

    result = validate_text(MINIMAL + "templates: 我的模板\n")

    assert not result.errors


# ---------------------------------------------------------------- signed before the year was over


def test_report_signed_in_the_middle_of_its_own_year_is_an_error(validate_text):
    error = only_error(validate_text(MINIMAL + lines("publication:", "  signed_on: 2024-06-01")))

    assert (error.line, error.column, error.dotted_path()) == (6, 14, "publication.signed_on")
    assert error.message == (
        "成文日期为 2024年6月1日，此时报告年度 2024 年还有一个季度以上没有过完，而年度报告总结的是全年的工作，"
        "不可能在此时成文；请核对年份和月份。年度报告一般在次年第一季度成文（4月1日之前公开）"
    )


# ---------------------------------------------------------------- what the parser misreads, named

INDENTATION = [
    pytest.param(
        lines("jurisdiction:", "\u3000\u3000name: 土城子乡", "\u3000\u3000level: 乡镇", "year: 2024"),
        [(2, 1), (3, 1)],
        "这一行用全角空格（U+3000）缩进，YAML 只认半角空格。把行首的全角空格换成半角空格（每级两个）；"
        "正文段首的全角空格要写在半角空格缩进之后",
        id="full-width-space",
    ),
    pytest.param(
        lines("jurisdiction:", "  name: 土城子乡", "\u00a0 level: 乡镇", "year: 2024"),
        [(3, 1)],
        "这一行用不换行空格（U+00A0，常随网页或 Word 中复制的文字带入）缩进，YAML 只认半角空格。"
        "删去行首的空白，重新用半角空格缩进（每级两个）",
        id="nbsp",
    ),
    pytest.param(
        lines("jurisdiction:", "  name: 土城子乡", " \tlevel: 乡镇", "year: 2024"),
        [(3, 2)],
        "这一行用了 Tab 键缩进，YAML 只认空格。把行首的 Tab 换成空格（每级两个空格）；编辑器里可打开“显示空白字符”查看",
        id="tab-after-a-space",
    ),
    pytest.param(
        lines("jurisdiction:", "  name: 土城子乡", "   level: 乡镇", "year: 2024"),
        [(3, 4)],
        "缩进不一致：这一行缩进 3 个空格，而上下文各层的缩进是 0、2 个空格。同一层的键必须左对齐，下一层比上一层多缩进两个空格",
        id="three-spaces",
    ),
    pytest.param(
        lines("jurisdiction:", "    name: 土城子乡", "    level: 乡镇", " year: 2024"),
        [(4, 2)],
        "缩进不一致：这一行缩进 1 个空格，而上下文各层的缩进是 0、4 个空格。同一层的键必须左对齐，下一层比上一层多缩进两个空格",
        id="one-space-back",
    ),
    pytest.param(
        MINIMAL
        + lines("plans:", "  items:", "    － title: 持续深化行政复议体制改革", "    － title: 加强执法队伍建设"),
        [(7, 5), (8, 5)],
        "这一行用全角连字符“－”当作列表符号，YAML 只认半角减号“-”。把它改为半角“-”，后面留一个空格，如“- title: …”",
        id="full-width-hyphen",
    ),
    pytest.param(
        MINIMAL + lines("plans:", "  items:", "    — 持续深化行政复议体制改革"),
        [(7, 5)],
        "这一行用破折号“—”当作列表符号，YAML 只认半角减号“-”。把它改为半角“-”，后面留一个空格，如“- title: …”",
        id="em-dash",
    ),
    pytest.param(
        MINIMAL + lines("plans:", "  items:", "    – title: 持续深化"),
        [(7, 5)],
        "这一行用短横线“–”（U+2013）当作列表符号，YAML 只认半角减号“-”。把它改为半角“-”，后面留一个空格，如“- title: …”",
        id="en-dash",
    ),
    pytest.param(
        lines("jurisdiction:", "  name:土城子乡", "  level: 乡镇", "year: 2024"),
        [(2, 7)],
        "键“name”的冒号后面少了一个空格，YAML 把“name:土城子乡”整个当成了文字，而不是“键: 值”。"
        "在冒号后加一个空格：name: 土城子乡",
        id="no-space-after-colon",
    ),
]


@pytest.mark.parametrize(("text", "positions", "message"), INDENTATION)
def test_what_the_parser_misreads_is_named_at_its_own_line(validate_text, text, positions, message):
    result = validate_text(text)

    assert result.exit_code == 1
    assert [(d.line, d.column) for d in result.errors] == positions
    assert {d.message for d in result.errors} == {message}
    assert {d.title for d in result.errors} == {"YAML 语法"}


def test_full_width_spaces_after_the_indentation_are_text_not_a_mistake(validate_text):
    # 段首空两格: the clerk's text, after the YAML indentation.
    result = validate_text(MINIMAL + lines("preamble:", "  \u3000\u30002024年，我乡坚持依法行政。"))

    assert not result.errors
    assert result.profile is not None
    assert result.profile.preamble is not None
    assert result.profile.preamble.endswith("2024年，我乡坚持依法行政。")


def test_block_text_is_never_read_as_structure(validate_text):
    text = MINIMAL + lines("preamble: |-", "  name:值", "  － 不是列表", "  \u3000\u3000段首空两格。", "  a: b")

    result = validate_text(text)

    assert not result.errors


def test_quote_left_open_is_reported_where_it_opens_not_where_the_parser_stops(validate_text):
    body = [f"    - title: 第{n}项举措" for n in range(1, 50)]
    text = lines(
        "jurisdiction:",
        "  name: 土城子乡",
        "  level: 乡镇",
        'preamble: "2024年，我乡坚持依法行政。',
        "year: 2024",
        "plans:",
        "  items:",
        *body,
        '    - title: 落实"谁执法谁普法"责任制',
    )

    result = validate_text(text)

    assert result.exit_code == 1
    assert [(d.line, d.column, d.title) for d in result.errors] == [(4, 11, "YAML 语法")]
    assert result.errors[0].message == (
        '这一行的英文双引号 " 没有闭合，第 5 行的“year: …”等内容都被当成了引号里的文字。'
        '请在这段文字末尾补上 "；如果它是正文中的引号，请改用中文引号“”'
    )


def test_raw_control_character_is_named_at_its_place(write_profile):
    path = write_profile(MINIMAL + "preamble: 2024年\x07，我乡\n")

    error = only_error(validate_file(path))

    assert (error.line, error.column, error.title) == (5, 16, "YAML 语法")
    assert error.message == (
        "这里有控制字符 U+0007，资料文件中不能有这种不可见的字符（常随从其他软件复制的文字带入）；请删去它"
    )


# ---------------------------------------------------------------- values echoed: names, never reprs


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ('"乡镇\\u3000x"', "“乡镇‹全角空格 U+3000›x”"),
        ('"乡\\u00a0镇"', "“乡‹不换行空格 U+00A0›镇”"),
        ('"乡\\u200b镇"', "“乡‹零宽空格 U+200B›镇”"),
        ('"乡\\t镇"', "“乡‹制表符›镇”"),
        ('"乡\\n镇"', "“乡‹换行›镇”"),
        ('"乡\\ufeff镇"', "“乡‹零宽不换行空格（BOM）U+FEFF›镇”"),
        ('"乡\\u202e镇"', "“乡‹文字方向控制符 U+202E›镇”"),
    ],
)
def test_invisible_characters_in_an_echoed_value_are_named(validate_text, typed, shown):
    error = only_error(validate_text(lines("jurisdiction:", "  name: 土城子乡", f"  level: {typed}", "year: 2024")))

    assert error.dotted_path() == "jurisdiction.level"
    assert error.message.endswith(f"实为 {shown}")


def test_invisible_character_in_a_key_is_named_in_the_message_and_the_path(validate_text):
    error = only_error(validate_text(MINIMAL + '"preamble\\u200b": 开头\n'))

    assert error.dotted_path() == "preamble‹零宽空格 U+200B›"
    assert error.message == "不认识的字段“preamble‹零宽空格 U+200B›”；是否想写“preamble”？"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!set {a, b}", "一个集合（!!set）"),
        ("!!omap [a: 1]", "一组“键: 值”"),
        ("!!binary aGVsbG8=", None),  # bytes read as text by pydantic: no error, nothing shown
        ("1.50", "1.50"),
        ("{a: 1}", "一组“键: 值”"),
        ("!custom 值", "带标签 !custom 的值"),
    ],
)
def test_odd_yaml_values_are_described_in_words_never_as_python_reprs(validate_text, value, shown):
    result = validate_text(MINIMAL + f"publication:\n  title: {value}\n")

    messages = [d.message for d in result.errors]
    if shown is None:
        assert messages == []
        return
    assert messages == [f"应为文字，实为 {shown}"]
