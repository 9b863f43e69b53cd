"""`reportgen check` as a reviewer runs it: exit codes, JSON, --fix, profiles, Chinese help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import PROFILES
from reportgen.cli.commands import main

BROKEN = "某县2024年度法治政府建设工作报告\n2024年,我县召开会议3次，，认真听取听取意见。\n"
CLEAN = "某县2024年度法治政府建设工作报告\n2024年，我县召开会议3次，认真听取意见。\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_help_is_chinese(capsys):
    code, out = run(capsys, "check", "--help")
    assert code == 0
    assert "校对已写好的年度报告" in out


def test_clean_report_exits_0(capsys, tmp_path):
    (tmp_path / "报告.txt").write_text(CLEAN, encoding="utf-8")
    code, out = run(capsys, "check", str(tmp_path / "报告.txt"))
    assert code == 0
    assert out.endswith("没有发现问题。\n")


def test_errors_exit_1_and_each_is_printed(capsys, tmp_path):
    (tmp_path / "报告.txt").write_text(BROKEN, encoding="utf-8")
    code, out = run(capsys, "check", str(tmp_path / "报告.txt"))
    assert code == 1
    assert "错误 P1 半角标点  第 1 段" in out
    assert "  原文：2024年【,】我县召开会议3次，，认真…" in out
    assert out.endswith("共发现 2 处错误、1 处警告、0 处提示。\n")


def test_unreadable_input_exits_2(capsys, tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, _ = run(capsys, "check", str(tmp_path / "scan.pdf"))
    assert code == 2


def test_json_for_tools(capsys, tmp_path):
    (tmp_path / "报告.txt").write_text(BROKEN, encoding="utf-8")
    code, out = run(capsys, "check", "--format", "json", str(tmp_path / "报告.txt"))
    (item,) = json.loads(out)
    assert code == 1
    assert [finding["rule"] for finding in item["findings"]] == ["P1", "P4", "R1"]
    first = item["findings"][0]
    assert (first["severity_label"], first["found"], first["correction"]) == ("错误", ",", "，")
    assert first["source"] == "GB/T 15834-2011《标点符号用法》 第3章"


def test_fix_writes_a_corrected_copy_and_leaves_the_input(capsys, tmp_path):
    source = tmp_path / "报告.txt"
    source.write_text(BROKEN, encoding="utf-8")
    code, out = run(capsys, "check", "--fix", str(source))
    copy = tmp_path / "报告.改正.txt"
    assert code == 1
    assert source.read_text(encoding="utf-8") == BROKEN
    assert copy.read_text(encoding="utf-8") == (
        "某县2024年度法治政府建设工作报告\n\n2024年，我县召开会议3次，认真听取听取意见。\n"
    )
    assert f"已改正 2 处标点，改正后的副本写在 {copy}（原文件未改动）" in out


def test_a_profile_is_checked_on_the_text_it_would_publish(capsys):
    code, out = run(capsys, "check", str(PROFILES / "托克逊县-2024.yaml"))
    assert code == 0
    assert out.endswith("没有发现问题。\n")


def test_no_paths_is_a_usage_problem(capsys):
    assert main(["check"]) == 2


def test_bad_format_is_a_usage_problem(capsys, tmp_path: Path):
    (tmp_path / "报告.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["check", "--format", "xml", str(tmp_path / "报告.txt")]) == 2
