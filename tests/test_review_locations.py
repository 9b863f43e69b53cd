"""Where `reportgen check` and build's proofreading say a finding is: a profile's line and column
(review.place_in_profile), the heading a paragraph sits under, and inputs with no text at all."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from conftest import MINIMAL
from reportgen.cli.commands import main
from reportgen.reader import assemble
from reportgen.reader.lines import RawLine
from reportgen.review import check_report

MEASURES = """\
achievements:
  measures:
    - title: 强化依法决策意识
      text: 主要负责人作出决策前，认真听取听取法律顾问的意见。
    - title: 加强行政复议工作
      text: |-
        全年收到行政复议申请{received}，认真听取听取申请人意见，
        依法审结 行政复议案件。
      figures:
        in_text: true
        administrative_reconsideration:
          received: 14
"""
# In MINIMAL + MEASURES (1-based): the plain scalar's 听取听取 at line 8, column 13 + 13; the block
# scalar's at line 11, column 9 + 23 (written "{received}", printed "14件"); its blank at line 12.
PLAIN_SPOT = "profile.yaml:8:26"
BLOCK_SPOT = "profile.yaml:11:32"
BLANK_SPOT = "profile.yaml:12:13"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def profile(write_profile, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # paths printed relative to the working folder, as editors link them
    return write_profile(MINIMAL + MEASURES)


# ---------------------------------------------------------------- a profile's line and column


def test_check_places_each_finding_at_the_profiles_line_and_column(capsys, profile):
    code, out = run(capsys, "check", str(profile))

    locations = [line for line in out.splitlines() if line.startswith(("错误", "警告", "提示"))]
    assert code == 0
    assert locations == [
        f"警告 R1 字词重复  第 3 段（“一、主要举措和成效”下），见 {PLAIN_SPOT}",
        f"警告 R1 字词重复  第 4 段（“一、主要举措和成效”下），见 {BLOCK_SPOT}",
        f"警告 P5 中文之间的空格  第 4 段（“一、主要举措和成效”下），见 {BLANK_SPOT}",
    ]


def test_the_places_are_where_the_spots_are_written(profile):
    lines = profile.read_text(encoding="utf-8").splitlines()
    for spot, written in ((PLAIN_SPOT, "听取听取"), (BLOCK_SPOT, "听取听取"), (BLANK_SPOT, " ")):
        _, line, column = spot.split(":")
        assert lines[int(line) - 1][int(column) - 1 :].startswith(written)


def test_build_places_its_proofreading_findings_as_check_does(capsys, profile, tmp_path):
    code, out = run(capsys, "build", str(profile), "-o", str(tmp_path / "out"), "--format", "txt")

    assert code == 0
    assert f"  警告 R1 字词重复  第 3 段（“一、主要举措和成效”下），见 {PLAIN_SPOT}" in out.splitlines()
    assert f"  警告 R1 字词重复  第 4 段（“一、主要举措和成效”下），见 {BLOCK_SPOT}" in out.splitlines()


def test_json_gives_line_column_field_and_the_location_as_printed(capsys, profile):
    _, out = run(capsys, "check", "--format", "json", str(profile))

    first = json.loads(out)[0]["findings"][0]
    assert (first["line"], first["column"], first["field"]) == (8, 26, "achievements.measures.0.text")
    assert first["location"] == f"第 3 段（“一、主要举措和成效”下），见 {PLAIN_SPOT}"


def test_text_the_templates_wrote_has_no_line(capsys, write_profile, tmp_path, monkeypatch):
    """The template's 听取听取 is not the measure's: the characters around it differ."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tpl" / "sections").mkdir(parents=True)
    (tmp_path / "tpl" / "sections" / "preamble.j2").write_text("全年认真听取听取群众意见。\n", encoding="utf-8")
    profile = write_profile(MINIMAL + "templates: tpl\n" + MEASURES)

    _, out = run(capsys, "check", "--format", "json", str(profile))

    first = json.loads(out)[0]["findings"][0]
    assert (first["paragraph"], first["line"], first["column"], first["field"]) == (1, None, None, None)
    assert first["location"] == "第 1 段，这处文字由模板生成（编号、标题或根据数字写出的句子），资料文件中没有"


def test_the_signature_date_is_placed_at_signed_on(capsys, write_profile, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    profile = write_profile(MINIMAL + "publication:\n  signatories: [土城子乡人民政府]\n  signed_on: 2025-04-08\n")

    _, out = run(capsys, "check", str(profile))

    assert "警告 T2 日期晚于报送期限  " in out and "，见 profile.yaml:7:14" in out


def test_a_published_report_has_paragraphs_only(capsys, tmp_path):
    (tmp_path / "报告.txt").write_text("某县2024年度法治政府建设工作报告\n\n认真听取听取意见。\n", encoding="utf-8")

    _, out = run(capsys, "check", "--format", "json", str(tmp_path / "报告.txt"))

    (finding,) = json.loads(out)[0]["findings"]
    assert (finding["location"], finding["line"], finding["column"], finding["field"]) == ("第 1 段", None, None, None)


# ---------------------------------------------------------------- the heading a paragraph sits under

LONG = "（一）坚持党的领导完善制度建设推进依法行政落实各项责任要求持续强化监督考核工作并取得成效"


@pytest.mark.parametrize(
    ("heading", "shown"),
    [
        ("一、年初以来推进法治政府建设的主要举措和成效", "一、年初以来推进法治政府建设的主要举措和成效"),
        ("（一）加强党的领导。一是完善制度", "（一）加强党的领导"),
        (
            "（一）加强党对法治政府建设的全面领导充分发挥法治政府建设的统筹协调力度，大力推进依法行政，逐步形成格局",
            "（一）加强党对法治政府建设的全面领导充分发挥法治政府建设的统筹协调力度…",
        ),
        (LONG, LONG[:36] + "…"),
    ],
)
def test_a_heading_is_named_by_its_first_sentence_or_cut_at_a_mark(heading, shown):
    lines = [RawLine("某县2024年度法治政府建设工作报告"), RawLine(heading), RawLine("认真听取听取意见。")]
    checked = check_report(assemble(Path("报告.txt"), "text", lines, "utf-8"))

    assert [finding.heading for finding in checked.findings if finding.rule == "R1"] == [shown]


# ---------------------------------------------------------------- an input with no text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("空白.txt", b""),
        ("空行.txt", b"\n \n\t\n"),
        ("空白.html", b'<html><body><script>var a="x";</script></body></html>'),
    ],
)
def test_an_input_with_no_text_is_a_file_problem(capsys, tmp_path, name, content):
    (tmp_path / name).write_bytes(content)

    code, out = run(capsys, "check", str(tmp_path / name))

    assert code == 2
    assert f"{tmp_path / name} 中没有文字" in out and "没有发现问题" not in out


def test_an_empty_docx_says_the_same(capsys, tmp_path):
    docx.Document().save(str(tmp_path / "空白.docx"))

    code, out = run(capsys, "check", str(tmp_path / "空白.docx"))

    assert code == 2 and f"{tmp_path / '空白.docx'} 中没有文字" in out
