"""validate says what the report's file will be called when the name cannot be used as it is."""

from __future__ import annotations

from conftest import MINIMAL, messages_at
from reportgen.cli.printer import diagnostic_line


def _named(name: str) -> str:
    return MINIMAL.replace("name: 土城子乡", f"name: {name}")


def test_a_changed_name_is_a_warning_naming_the_file(validate_text):
    result = validate_text(_named('"../../土城子乡"'))
    assert result.ok
    assert messages_at(result, "jurisdiction.name") == [
        "名称不能原样用作文件名（路径符号 / 或 \\ 改为 _；开头和结尾的 . ~ - _ 已去掉），"
        "报告文件将命名为“土城子乡-2024-法治政府建设年度报告.docx”（其他格式同名）"
    ]


def test_control_and_direction_characters_are_named_in_the_warning(validate_text):
    result = validate_text(_named('"土城子\\a乡\\u202e"'))
    assert messages_at(result, "jurisdiction.name") == [
        "名称不能原样用作文件名（换行改为空格，其他控制字符已去掉；看不见的格式字符（如文字方向控制符）已去掉），"
        "报告文件将命名为“土城子乡-2024-法治政府建设年度报告.docx”（其他格式同名）"
    ]


def test_a_name_with_nothing_usable_is_an_error_at_its_line(validate_text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = validate_text(_named('"////"'))
    assert not result.ok
    [error] = [d for d in result.errors if d.dotted_path() == "jurisdiction.name"]
    assert diagnostic_line(error) == (
        "profile.yaml:2:9  名称 (jurisdiction.name)  名称中没有能用作文件名的文字"
        "（去掉路径符号、控制字符和开头结尾的 . ~ - 后什么也不剩），报告无法命名；请写单位简称，如 托克逊县、土城子乡"
    )


def test_an_ordinary_name_says_nothing(validate_text):
    assert messages_at(validate_text(MINIMAL), "jurisdiction.name") == []
