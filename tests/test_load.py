"""Stage 1, reading a profile: YAML syntax and file errors become one positioned Chinese diagnostic."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import time
from pathlib import Path

import pytest

from conftest import MINIMAL, messages_at
from reportgen import load
from reportgen.errors import Diagnostic, InvalidProfile, Severity
from reportgen.validate import validate_file

PATH = Path("profile.yaml")
CJK = re.compile(r"[\u4e00-\u9fff]")


def lines(*text: str) -> str:
    """YAML from explicit lines, so tabs and column numbers are visible in the test."""
    return "\n".join(text) + "\n"


def syntax_error(text: str) -> Diagnostic:
    """The one diagnostic parse_profile_text raises for broken YAML."""
    with pytest.raises(InvalidProfile) as caught:
        load.parse_profile_text(text, PATH)
    error = caught.value
    assert error.exit_code == 1
    assert len(error.diagnostics) == 1
    diagnostic = error.diagnostics[0]
    assert error.message == diagnostic.message
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.file == PATH
    assert diagnostic.path == ()
    assert diagnostic.title == "YAML 语法"
    return diagnostic


# ---------------------------------------------------------------- YAML syntax

SYNTAX_ERRORS = [
    pytest.param(
        lines("jurisdiction:", "\tname: 托克逊县", "  level: 县"),
        (2, 1),
        "这一行用了 Tab 键缩进，YAML 只认空格。把行首的 Tab 换成空格（每级两个空格）；编辑器里可打开“显示空白字符”查看",
        id="tab-indentation",
    ),
    pytest.param(
        lines(
            "jurisdiction:",
            "  name: 托克逊县",
            "  level: 县",
            "year: 2024",
            "publication:",
            "  title: 标题: 副标题",
        ),
        (6, 12),
        "这一行的值里有未加引号的英文冒号“: ”，被当成了新的键。"
        '把整个值用英文双引号括起来，如 title: "标题: 副标题"，或改用中文冒号“：”',
        id="colon-in-value",
    ),
    pytest.param(
        lines("jurisdiction:", "  name: 托克逊县", "  name: 鄯善县", "  level: 县"),
        (3, 3),
        "同一层里出现了重复的键。删除或合并重复的一项；同一层的每个键只能出现一次",
        id="duplicate-key",
    ),
    pytest.param(
        lines("jurisdiction:", "    name: 托克逊县", "  level: 县"),
        (3, 3),
        "缩进不一致：这一行缩进 2 个空格，而上下文各层的缩进是 0、4 个空格。同一层的键必须左对齐，下一层比上一层多缩进两个空格",
        id="inconsistent-indentation",
    ),
    pytest.param(
        lines("year: 2024", "---", "year: 2025"),
        (2, 1),
        "文件里有多个文档（出现了单独一行的“---”）。"
        "一个资料文件只写一份资料，删除多余的“---”及其后的内容或拆成两个文件",
        id="second-document",
    ),
    pytest.param(
        lines("jurisdiction:", "  name: *托克逊", "  level: 县"),
        (2, 9),
        "引用了未定义的锚点（“*名称”）。先用“&名称”定义锚点再引用；如果“*”只是正文，请给整个值加引号",
        id="undefined-alias",
    ),
]


@pytest.mark.parametrize(("text", "position", "message"), SYNTAX_ERRORS)
def test_yaml_syntax_error_is_explained_in_chinese_at_its_line_and_column(text, position, message):
    diagnostic = syntax_error(text)

    assert (diagnostic.line, diagnostic.column) == position
    assert diagnostic.message == message


def test_yaml_syntax_error_reaches_validate_file_as_a_profile_error_not_a_file_problem(write_profile):
    result = validate_file(write_profile(lines("jurisdiction:", "\tname: 托克逊县")))

    assert not result.ok
    assert not result.file_problem
    assert result.exit_code == 1
    assert [(d.line, d.column, d.title) for d in result.diagnostics] == [(2, 1, "YAML 语法")]
    assert result.diagnostics[0].message.startswith("这一行用了 Tab 键缩进")


def test_unclosed_quote_at_the_end_is_explained_with_its_hint():
    diagnostic = syntax_error(lines("jurisdiction:", "  level: 县", '  name: "托克逊县'))

    assert diagnostic.message == "引号没有成对闭合。检查这一行起的引号，确保以同样的引号结束"


def test_unclosed_quote_points_at_the_opening_quote():
    diagnostic = syntax_error(lines("jurisdiction:", '  name: "托克逊县', "  level: 县"))

    assert (diagnostic.line, diagnostic.column) == (2, 9)
    assert diagnostic.message == (
        '这一行的英文双引号 " 没有闭合，第 3 行的“level: …”等内容都被当成了引号里的文字。'
        '请在这段文字末尾补上 "；如果它是正文中的引号，请改用中文引号“”'
    )


def test_a_bracket_left_open_points_at_the_bracket_not_at_the_line_that_ran_into_it():
    diagnostic = syntax_error(lines("jurisdiction:", "  parents: [内蒙古自治区, 通辽市", "  level: 乡镇"))

    assert (diagnostic.line, diagnostic.column) == (2, 12)
    assert (
        diagnostic.message == "方括号 [ ] 或花括号 { } 没有成对闭合。补全括号；如果括号只是正文内容，请给整个值加引号"
    )


def test_fullwidth_colon_key_inside_a_mapping_is_named_at_its_colon():
    text = lines("jurisdiction:", "  name：托克逊县", "  level: 县", "year: 2024")

    diagnostic = syntax_error(text)

    # The parser only notices at the next "key: " (line 3); the line itself says where.
    assert (diagnostic.line, diagnostic.column) == (2, 7)
    assert diagnostic.message == "键“name”后用了中文冒号“：”，YAML 只认英文冒号。请改为英文冒号加空格：name: 托克逊县"


def test_fullwidth_colon_key_at_the_end_of_a_mapping_is_named_at_its_colon():
    text = lines("jurisdiction:", "  name: 托克逊县", "  level：县", "year: 2024")

    diagnostic = syntax_error(text)

    assert (diagnostic.line, diagnostic.column) == (3, 8)
    assert diagnostic.message == "键“level”后用了中文冒号“：”，YAML 只认英文冒号。请改为英文冒号加空格：level: 县"


def test_fullwidth_colon_after_a_key_the_schema_does_not_know_keeps_the_parsers_hint():
    # Under "jurisdiction:" the line may be its text; only a key the schema knows is certain.
    text = lines("jurisdiction:", "  grade：县", "  level: 县", "year: 2024")

    diagnostic = syntax_error(text)

    assert diagnostic.line == 3
    assert diagnostic.message.endswith("第 2 行的键后用了中文冒号“：”，请改为英文冒号加空格“: ”")


def test_fullwidth_colon_hint_is_not_given_when_there_is_none():
    diagnostic = syntax_error(lines("jurisdiction:", "  name: 托克逊县", "  name: 鄯善县"))

    assert "中文冒号“：”，请改为" not in diagnostic.message


def test_reused_anchor_name_gives_no_python_warning(validate_text):
    result = validate_text(
        lines("jurisdiction:", "  name: &n 土城子乡", "  level: &n 乡镇", "  parents: [*n]", "year: 2024")
    )

    # YAML allows redefining an anchor; the later definition wins.
    assert result.ok
    assert result.profile is not None
    assert result.profile.jurisdiction.parents == ["乡镇"]
    assert all(CJK.search(d.message) for d in result.diagnostics)


@pytest.mark.parametrize("version", ["1.0", "1.3"])
def test_unsupported_yaml_version_directive_is_a_syntax_error(version):
    diagnostic = syntax_error(lines(f"%YAML {version}", "---", "year: 2024"))

    assert (diagnostic.line, diagnostic.column) == (1, 1)
    assert diagnostic.message.startswith(f"不支持的 YAML 版本声明“%YAML {version}”")


def test_unsupported_yaml_version_directive_after_a_cr_line_break_is_a_syntax_error():
    diagnostic = syntax_error("# 旧式 Mac 换行\r%YAML 1.0\r---\ryear: 2024\r")

    assert diagnostic.line == 2
    assert diagnostic.message.startswith("不支持的 YAML 版本声明“%YAML 1.0”")


def test_deep_nesting_is_one_syntax_error_not_a_recursion_error():
    diagnostic = syntax_error("x: " + "[" * 500 + "]" * 500 + "\n")

    assert diagnostic.line == 1
    assert diagnostic.column is not None
    assert diagnostic.message


# ---------------------------------------------------------------- dates stay text for the schema


def test_impossible_date_is_a_schema_error_on_its_field(validate_text):
    result = validate_text(MINIMAL + lines("publication:", "  signed_on: 2025-02-30"))

    assert not result.ok
    assert result.exit_code == 1
    [error] = result.errors
    assert (error.line, error.column, error.title) == (6, 14, "成文日期")
    assert error.path == ("publication", "signed_on")
    assert "2025-02-30" in error.message
    assert error.message == "应为存在的日期，如 2025-03-12 或 2025年3月12日，实为 “2025-02-30”"


@pytest.mark.parametrize("written", ["2025年3月12日", "2025-03-12", "2025-3-12"])
def test_dates_as_clerks_write_them_are_accepted(validate_text, written):
    result = validate_text(MINIMAL + lines("publication:", f"  signed_on: {written}"))

    assert result.ok
    assert messages_at(result, "publication.signed_on") == []
    assert result.profile is not None
    assert result.profile.publication.signed_on == dt.date(2025, 3, 12)


# ---------------------------------------------------------------- alias limits


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    text = "a0: &a0 [" + ", ".join(['"lol"'] * width) + "]\n"
    for level in range(1, levels):
        text += f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]\n"
    return text


def test_alias_bomb_is_refused_quickly_as_one_error(write_profile):
    text = billion_laughs()
    # Few aliases, so this is the expanded-size guard at work, not the alias count.
    assert text.count("*") < load.MAX_ALIASES
    path = write_profile(text)

    started = time.perf_counter()
    result = validate_file(path)
    elapsed = time.perf_counter() - started

    assert elapsed < 5
    assert not result.file_problem
    assert result.exit_code == 1
    assert len(result.diagnostics) == 1
    [error] = result.diagnostics
    assert error.is_error
    assert (error.line, error.column, error.title) == (None, None, "YAML 语法")
    assert error.message == "文件展开后超过 200000 个值（可能是锚点层层引用），出于安全考虑拒绝读取"


def profile_with_aliases(count: int) -> str:
    return lines(
        "jurisdiction:",
        "  name: &n 土城子乡",
        "  level: 乡镇",
        "  parents:",
        *["    - *n"] * count,
        "year: 2024",
    )


def test_more_aliases_than_the_limit_are_refused():
    diagnostic = syntax_error(profile_with_aliases(load.MAX_ALIASES + 1))

    # Positioned at the anchor whose references went over the limit.
    assert (diagnostic.line, diagnostic.column) == (2, 9)
    assert diagnostic.message == ("锚点引用（“*名称”）超过 100 处；资料文件不需要这么多引用，请直接写出内容")


def test_aliases_up_to_the_limit_are_accepted(validate_text):
    result = validate_text(profile_with_aliases(load.MAX_ALIASES))

    assert result.ok
    assert result.profile is not None
    assert result.profile.jurisdiction.parents == ["土城子乡"] * load.MAX_ALIASES


# ---------------------------------------------------------------- file problems


def assert_one_file_problem(result) -> Diagnostic:
    assert not result.ok
    assert result.file_problem
    assert result.exit_code == 2
    assert len(result.diagnostics) == 1
    [diagnostic] = result.diagnostics
    assert diagnostic.is_error
    assert (diagnostic.line, diagnostic.column, diagnostic.path) == (None, None, ())
    assert diagnostic.title == "文件"
    return diagnostic


def test_file_larger_than_the_limit_is_a_file_problem_in_kilobytes(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes(MINIMAL.encode() + b"#" * load.MAX_FILE_BYTES + b"\n")
    size = path.stat().st_size

    diagnostic = assert_one_file_problem(validate_file(path))

    assert "KB" in diagnostic.message
    assert diagnostic.message == (
        f"文件 {path} 有 {size // 1024} KB，超过资料文件的上限 1024 KB，不像是一份年度资料；请确认选对了文件"
    )


def test_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "profile.yaml"
    padding = load.MAX_FILE_BYTES - len(MINIMAL.encode()) - len("#\n")
    path.write_bytes(MINIMAL.encode() + b"#" + b"x" * padding + b"\n")
    assert path.stat().st_size == load.MAX_FILE_BYTES

    result = validate_file(path)

    assert not result.file_problem
    assert result.ok


@pytest.mark.parametrize("size_hint", [0, 10, 100_000, 300_000])
def test_the_whole_file_is_read_whatever_size_it_first_had(tmp_path, size_hint):
    """The read is sized from fstat, but a file may grow, or say 0 (as /proc files do)."""
    path = tmp_path / "profile.yaml"
    content = bytes(range(256)) * 1000
    path.write_bytes(content)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert load._read_at_most(fd, 200_001, size_hint) == content[:200_001]
    finally:
        os.close(fd)


def test_missing_file_is_a_file_problem(tmp_path):
    path = tmp_path / "不存在.yaml"

    diagnostic = assert_one_file_problem(validate_file(path))

    assert diagnostic.message == f"找不到文件 {path}，请检查路径和文件名是否正确"


def test_gbk_encoded_file_is_a_file_problem_that_names_gbk(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes(MINIMAL.encode("gbk"))

    diagnostic = assert_one_file_problem(validate_file(path))

    assert "GBK" in diagnostic.message
    # "jurisdiction:\n  name: " is 22 bytes; the 23rd is the first GBK byte of 土.
    assert diagnostic.message == (
        f"文件 {path} 不是 UTF-8 编码（第 23 个字节无法识别）；"
        "文件似乎是 GBK/GB18030 编码，请用记事本或 VS Code 将其“另存为”UTF-8 编码"
    )


def test_undecodable_file_that_is_not_gbk_does_not_claim_gbk(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"year: 2024\n\xff\n")

    diagnostic = assert_one_file_problem(validate_file(path))

    assert "GBK" not in diagnostic.message
    assert diagnostic.message == (
        f"文件 {path} 不是 UTF-8 编码（第 12 个字节无法识别）；请用记事本或 VS Code 将其“另存为”UTF-8 编码"
    )


def test_utf8_with_bom_is_read(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())

    result = validate_file(path)

    assert result.ok
    assert result.profile is not None
    assert result.profile.jurisdiction.name == "土城子乡"


@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n"], ids=["empty", "blank-lines", "comment-only"])
def test_empty_file_is_a_profile_error(write_profile, text):
    result = validate_file(write_profile(text))

    assert not result.ok
    assert not result.file_problem
    assert result.exit_code == 1
    assert [d.message for d in result.errors] == [
        "资料文件是空的；请运行 reportgen init 生成一份带说明的模板，再逐项填写"
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [("- 托克逊县\n- 2024\n", "一个列表"), ("托克逊县\n", "“托克逊县”")],
    ids=["list", "scalar"],
)
def test_root_that_is_not_a_mapping_is_a_profile_error(write_profile, text, shown):
    result = validate_file(write_profile(text))

    assert not result.file_problem
    assert result.exit_code == 1
    [error] = result.diagnostics
    assert error.is_error
    assert (error.line, error.column, error.path) == (1, 1, ())
    assert error.message == (
        f"资料文件的最外层应为一组“键: 值”（如 jurisdiction:、year:），实为 {shown}；"
        "请从 reportgen init 生成的模板开始填写"
    )


# ---------------------------------------------------------------- no code runs from YAML


def touch_command(marker: Path) -> str:
    return "touch " + shlex.quote(str(marker))


@pytest.mark.skipif(os.name != "posix", reason="the payload uses the POSIX touch command")
@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system", "!!python/object/new:os.system"],
)
def test_python_tags_are_never_executed(write_profile, tmp_path, tag):
    control, marker = tmp_path / "control", tmp_path / "hacked"
    os.system(touch_command(control))
    assert control.exists(), "the payload itself must work, or this test proves nothing"
    path = write_profile(MINIMAL + f'preamble: {tag} ["{touch_command(marker)}"]\n')

    result = validate_file(path)

    assert not marker.exists()
    assert not result.ok
    assert result.exit_code == 1
    [error] = result.errors
    assert (error.line, error.path, error.title) == (5, ("preamble",), "开头段落")
    assert error.message == "应为文字，实为 一个列表"
