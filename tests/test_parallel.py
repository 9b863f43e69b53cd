"""A bureau's batch: -j N processes give the same reports, --report keeps the outcome per profile."""

from __future__ import annotations

import csv
import json
import sys

import pytest

from conftest import PROFILES
from reportgen.cli import main

BASE = (PROFILES / "土城子乡-2022.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    for index in range(12):
        (profiles / f"p{index:02}.yaml").write_text(
            BASE.replace("name: 土城子乡", f"name: 土城子乡{index:02}"), "utf-8"
        )
    (profiles / "broken.yaml").write_text("jurisdiction: [\n", encoding="utf-8")
    return profiles


def build(capsys, folder, out, *options):
    code = main(["build", str(folder), "-o", str(out), "--format", "txt,docx", *options])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_two_processes_write_what_one_writes(capsys, folder, tmp_path):
    one_code, one_out = build(capsys, folder, tmp_path / "one", "-j", "1")
    two_code, two_out = build(capsys, folder, tmp_path / "two", "-j", "2")
    assert one_code == two_code == 1  # broken.yaml
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir()) and len(names) == 24
    for name in names:
        if name.endswith(".txt"):
            assert (tmp_path / "one" / name).read_text("utf-8") == (tmp_path / "two" / name).read_text("utf-8")
    summary = "共 13 份资料：生成 12 份（其中 12 份有警告），1 份未生成（原因见上）。"
    assert summary in one_out and summary in two_out
    assert "未生成的资料" in two_out and "broken.yaml" in two_out


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_the_report_file_lists_each_profile_with_its_outcome(capsys, folder, tmp_path, suffix):
    report = tmp_path / f"汇总{suffix}"
    code, out = build(capsys, folder, tmp_path / "out", "-j", "2", "--report", str(report))
    assert code == 1 and f"已写入 {report}" in out
    if suffix == ".json":
        data = json.loads(report.read_text("utf-8"))
        assert data["totals"] == {"built": 12, "with_warnings": 12, "failed": 1}
        [broken] = [p for p in data["profiles"] if p["status"] == "failed"]
        assert broken["profile"].endswith("broken.yaml") and broken["reason"] == "资料有 1 个错误"
        assert all(len(p["files"]) == 2 for p in data["profiles"] if p["status"] != "failed")
    else:
        rows = list(csv.reader(report.read_text("utf-8-sig").splitlines()))
        assert rows[0] == ["资料文件", "结果", "错误", "警告", "生成的文件", "原因"]
        assert sorted(row[1] for row in rows[1:]) == ["已生成（有警告）"] * 12 + ["未生成"]


def test_a_report_file_with_another_suffix_is_a_usage_error(capsys, folder, tmp_path):
    code, out = build(capsys, folder, tmp_path / "out", "--report", str(tmp_path / "汇总.txt"))
    assert code == 2 and f"汇总文件 {tmp_path / '汇总.txt'} 应以 .json 或 .csv 结尾" in out


def test_validate_on_two_processes_reports_what_one_reports(capsys, folder):
    assert main(["validate", str(folder), "-j", "1"]) == 1
    one = capsys.readouterr().out
    assert main(["validate", str(folder), "-j", "2"]) == 1
    assert capsys.readouterr().out == one


def test_on_a_terminal_a_batch_shows_progress_and_its_problems(capsys, folder, tmp_path, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out = build(capsys, folder, tmp_path / "out", "-j", "2")
    assert code == 1
    assert "已写入 " not in out  # a thousand 已写入 lines would bury the problems
    assert "生成报告" in out and "/13" in out  # the bar: label and count
    assert "[警告]" in out and "broken.yaml" in out
    assert "共 13 份资料：生成 12 份" in out


def test_two_profiles_that_would_share_a_file_are_refused_on_the_pool_too(capsys, folder, tmp_path):
    (folder / "p99.yaml").write_text(BASE.replace("name: 土城子乡", "name: 土城子乡03"), encoding="utf-8")
    code, out = build(capsys, folder, tmp_path / "out", "-j", "2")
    assert code == 1
    assert "p03.yaml:" in out and "p99.yaml:" in out and "都没有生成" in out
    assert not list((tmp_path / "out").glob("土城子乡03-*"))
    assert "共 14 份资料：生成 11 份" in out


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.yaml")), ids=lambda path: path.stem)
def test_the_first_pass_names_each_profile_as_the_full_check_does(path):
    from reportgen import api, parallel

    named, checked = parallel._name_only(path), api.check_profile(path).slim()

    assert named.base_name == checked.base_name
    assert named.positions == checked.positions


def test_the_first_pass_reads_in_full_a_profile_with_a_line_mistake(tmp_path):
    from reportgen import parallel

    text = sorted(PROFILES.glob("*.yaml"))[0].read_text(encoding="utf-8").replace("\nyear:", "\nyear：", 1)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")

    assert parallel._name_only(tmp_path / "p.yaml").base_name is None  # as load_profile refuses it


def _variants() -> list[tuple[str, str]]:
    text = (PROFILES / "紫阳县-2023.yaml").read_text(encoding="utf-8")
    start = text.index("jurisdiction:")
    end = text.index("\n", text.index("\n  name:", start) + 1)
    block = text[start:end] + "\n"
    return [
        ("document marker", "---\n" + text),
        ("jurisdiction last", text[:start] + text[end + 1 :] + "\n" + block),
        ("comments inside", text.replace("\n  name:", "\n# 名称\n  name:", 1)),
        ("windows line breaks", text.replace("\n", "\r\n")),
    ]


@pytest.mark.parametrize(("kind", "text"), _variants(), ids=[kind for kind, _ in _variants()])
def test_the_first_pass_agrees_with_the_full_check_however_the_profile_is_laid_out(tmp_path, kind, text):
    from reportgen import api, parallel

    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    named, checked = parallel._name_only(path), api.check_profile(path).slim()

    assert (named.base_name, named.positions) == (checked.base_name, checked.positions)
