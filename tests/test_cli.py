"""The command line as a clerk uses it: Chinese output, exit codes 0/1/2, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MINIMAL, PROFILES
from reportgen.cli.commands import main

ENGLISH_CLICK_WORDS = re.compile(r"Usage:|Options|Commands|Show this message|Error:|Try '")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_help_is_chinese(capsys):
    code, out = run(capsys, "--help")
    assert code == 0
    assert out.startswith("用法：reportgen [选项] 命令 [参数]...")
    assert "选项：" in out and "命令：" in out and "显示本帮助并退出" in out
    assert not ENGLISH_CLICK_WORDS.search(out)


@pytest.mark.parametrize("command", ["validate", "init", "schema", "figures"])
def test_every_command_help_is_chinese(capsys, command):
    code, out = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"用法：reportgen {command} [选项]")
    assert not ENGLISH_CLICK_WORDS.search(out)


def test_usage_errors_are_chinese_with_exit_2(capsys):
    assert run(capsys, "valdate") == (
        2,
        "[错误] 没有命令 valdate，是否想用 validate？运行 reportgen --help 查看全部命令。\n",
    )
    code, out = run(capsys, "validate", "--strict")
    assert (code, out) == (2, "[错误] 没有选项 --strict。运行 reportgen validate --help 查看用法。\n")
    code, out = run(capsys, "init", "--name")
    assert code == 2 and "选项 --name 用法有误" in out


def test_valid_example_exits_0(capsys):
    code, out = run(capsys, "validate", str(PROFILES / "土城子乡-2022.yaml"))
    assert code == 0
    assert "没有错误，4 个警告" in out  # no 第一责任人 section, no causes, no 发布日期, signed before the year ended


def test_folder_of_examples_is_validated(capsys):
    code, out = run(capsys, "validate", str(PROFILES))
    assert code == 0
    assert "检查了 5 个文件：没有错误" in out


def test_invalid_profile_exits_1_with_file_line_and_field(capsys, write_profile):
    path = write_profile(MINIMAL.replace("level: 乡镇", "level: 村"))
    code, out = run(capsys, "validate", str(path))
    assert code == 1
    assert re.search(r"\[错误\] \S*profile\.yaml:3:10  层级 \(jurisdiction\.level\)  应为以下之一：", out)
    assert "检查了 1 个文件：1 个错误" in out


def test_missing_file_exits_2(capsys, tmp_path):
    code, out = run(capsys, "validate", str(tmp_path / "无此文件.yaml"))
    assert code == 2
    assert "找不到文件" in out


def test_no_path_exits_2(capsys):
    code, out = run(capsys, "validate")
    assert (code, out) == (2, "[错误] 请给出要检查的资料文件或文件夹，如：reportgen validate profiles/\n")


def test_user_text_is_printed_literally_not_as_markup(capsys, write_profile):
    path = write_profile(MINIMAL.replace("level: 乡镇", "level: '[bold]村[/bold]'"))
    _, out = run(capsys, "validate", str(path))
    assert "“[bold]村[/bold]”" in out


def test_figures_lists_computed_rates_and_year_on_year(capsys):
    code, out = run(capsys, "figures", str(PROFILES / "喀什地区-2023.yaml"))
    assert code == 0
    assert "98.82%" in out and "计算：26162 ÷ 26474" in out
    assert "提高17.52个百分点" in out


def test_init_writes_a_profile_that_validates(capsys, tmp_path):
    code, out = run(capsys, "init", "--name", "土城子乡", "--level", "乡镇", "--year", "2024", "-o", str(tmp_path))
    assert code == 0
    profile = tmp_path / "土城子乡-2024.yaml"
    assert profile.is_file() and (tmp_path / "reportgen.schema.json").is_file()
    assert profile.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=reportgen.schema.json\n")
    code, out = run(capsys, "validate", str(profile))
    assert code == 0
    assert "没有错误" in out


def test_init_never_overwrites_without_force(capsys, tmp_path):
    profile = tmp_path / "土城子乡-2024.yaml"
    profile.write_text("clerk's work\n", encoding="utf-8")
    code, out = run(capsys, "init", "--name", "土城子乡", "--level", "乡镇", "--year", "2024", "-o", str(tmp_path))
    assert code == 2 and "已存在" in out
    assert profile.read_text(encoding="utf-8") == "clerk's work\n"
    code, _ = run(
        capsys, "init", "--name", "土城子乡", "--level", "乡镇", "--year", "2024", "-o", str(tmp_path), "--force"
    )
    assert code == 0 and profile.read_text(encoding="utf-8") != "clerk's work\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "甲乡", "--year", "2024"], "缺少 --level"),
        (["--name", "甲乡", "--level", "村", "--year", "2024"], "层级“村”无法识别"),
        (["--name", "甲乡", "--level", "乡镇", "--year", "二〇二四"], "年度“二〇二四”无效"),
    ],
)
def test_init_rejects_bad_arguments_in_chinese(capsys, tmp_path, args, message):
    code, out = run(capsys, "init", *args, "-o", str(tmp_path))
    assert code == 2 and message in out
    assert list(tmp_path.iterdir()) == []


def test_schema_prints_json_schema_with_chinese_titles(capsys):
    import json

    code, out = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "法治政府建设年度报告资料"
    assert schema["properties"]["year"]["title"] == "报告年度"


def test_schema_rejects_unknown_format(capsys):
    assert run(capsys, "schema", "--format", "xml") == (2, "[错误] 格式“xml”无效，请写 json 或 markdown\n")


def test_an_internal_error_is_logged_not_shown(capsys, monkeypatch):
    import reportgen.api

    def broken(paths, jobs=1):
        raise RuntimeError("bug in reportgen")

    monkeypatch.setattr(reportgen.api, "validate_paths", broken)
    code, out = run(capsys, "validate", "x.yaml")
    assert code == 70
    assert "reportgen 内部出错" in out and "Traceback" not in out and "bug in reportgen" not in out
    log = re.search(r"已写入 (\S+\.log)", out).group(1)
    assert "bug in reportgen" in Path(log).read_text(encoding="utf-8")


def test_figures_of_a_folder_is_a_usage_error(capsys):
    code, out = run(capsys, "figures", str(PROFILES))
    assert code == 2 and "是文件夹；figures 一次查看一个资料文件" in out


@pytest.mark.parametrize("command", ["check", "build", "import", "validate"])
def test_help_wraps_chinese_by_display_width_and_never_starts_a_line_with_a_closing_mark(command, monkeypatch):
    import unicodedata

    from click.testing import CliRunner

    from reportgen.cli.commands import app

    monkeypatch.setenv("COLUMNS", "60")
    text = CliRunner().invoke(app, [command, "--help"], terminal_width=60).output
    for line in text.splitlines():
        assert not line.strip()[:1] or line.strip()[0] not in "，。、；：！？）》”", line
    description = text.split("选项：")[0].splitlines()[2:]  # the wrapped paragraphs, not the option table
    widths = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in description]
    assert max(widths) <= 62  # 60 columns, a closing mark may hang over
