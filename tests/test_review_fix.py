"""`reportgen check --fix`: a corrected copy in the input's own format, only the safe marks changed."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import PROFILES, SEEDS
from reportgen.api import check_documents
from reportgen.cli.commands import main
from reportgen.reader import ReadReport, read_report
from reportgen.review import check_file, fixed_copy

TITLE = "某县2024年度法治政府建设工作报告"
SAFE = {"P1", "P2", "P4"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def safe_findings(path: Path) -> list[str]:
    _, checked = check_file(path)
    return [f"{finding.rule}@{finding.paragraph}" for finding in checked.findings if finding.rule in SAFE]


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def runs(path: Path) -> list[list[tuple[str, bool | None]]]:
    """Each body paragraph's runs as (text, bold)."""
    return [[(run.text, run.bold) for run in paragraph.runs] for paragraph in docx.Document(str(path)).paragraphs]


def write_report_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("2024年,我县召开会议3次。")
    split = document.add_paragraph()
    split.add_run("全年办理案件12件，")
    split.add_run("，").bold = True  # the doubled mark is split across two runs, the second bold
    split.add_run('学习"宪法"。')
    document.add_paragraph("一、主要工作", style="Heading 1")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "行政复议"
    table.cell(0, 1).text = "受理14件;办结10件"
    document.save(str(path))


def test_docx_copy_changes_only_the_marks_in_the_runs(capsys, tmp_path):
    source = tmp_path / "报告.docx"
    write_report_docx(source)
    before = source.read_bytes()
    code, out = run(capsys, "check", "--fix", str(source))
    copy = tmp_path / "报告.改正.docx"
    assert code == 1
    assert source.read_bytes() == before
    assert [paragraph.text for paragraph in read_report(copy).paragraphs] == [
        "2024年，我县召开会议3次。",
        "全年办理案件12件，学习“宪法”。",
        "一、主要工作",
        "行政复议  受理14件；办结10件",
    ]
    assert runs(copy)[2] == [("全年办理案件12件，", None), ("", True), ("学习“宪法”。", None)]
    assert [len(paragraph) for paragraph in runs(copy)] == [len(paragraph) for paragraph in runs(source)]
    styles = [paragraph.style.name for paragraph in docx.Document(str(copy)).paragraphs]
    assert styles == [paragraph.style.name for paragraph in docx.Document(str(source)).paragraphs]
    original, corrected = members(source), members(copy)
    assert list(corrected) == list(original)
    assert [name for name in original if original[name] != corrected[name]] == ["word/document.xml"]
    assert safe_findings(copy) == []
    assert f"已改正 5 处标点，改正后的副本写在 {copy}（原文件未改动）" in out
    assert "  第 1 段：“,”改为“，”  2024年【,】我县召开会议3次。" in out
    assert '  第 2 段：“，，”改为“，”  全年办理案件12件【，，】学习"宪法"。' in out


def test_a_split_text_element_is_edited_where_the_mark_is(capsys, tmp_path):
    source = tmp_path / "报告.docx"
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("全年办理案件12件;学习法律5部。")
    document.save(str(source))
    xml = members(source)["word/document.xml"].decode("utf-8")
    split = xml.replace(
        "<w:t>全年办理案件12件;学习法律5部。</w:t>", "<w:t>全年办理案件12件;</w:t><w:t>学习法律5部。</w:t>"
    )
    assert split != xml
    rewrite_member(source, "word/document.xml", split.encode("utf-8"))
    run(capsys, "check", "--fix", str(source))
    corrected = members(tmp_path / "报告.改正.docx")["word/document.xml"].decode("utf-8")
    assert "<w:t>全年办理案件12件；</w:t><w:t>学习法律5部。</w:t>" in corrected


def test_a_mark_in_words_own_numbering_is_left_alone_and_said_so(capsys, tmp_path):
    """Word draws "1," itself (numbering.xml): the paragraph's text does not line up with its runs."""
    source = tmp_path / "报告.docx"
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("2024年,我县召开会议3次。")
    document.add_paragraph("健全工作机制;制定年度工作要点。", style="List Number")
    document.save(str(source))
    numbering = members(source)["word/numbering.xml"].decode("utf-8")
    rewrite_member(source, "word/numbering.xml", numbering.replace('w:val="%1."', 'w:val="%1,"').encode("utf-8"))
    assert [p.text for p in read_report(source).paragraphs] == [
        "2024年,我县召开会议3次。",
        "1,健全工作机制;制定年度工作要点。",
    ]
    code, out = run(capsys, "check", "--fix", str(source))
    copy = tmp_path / "报告.改正.docx"
    assert [p.text for p in docx.Document(str(copy)).paragraphs][1:] == [
        "2024年，我县召开会议3次。",
        "健全工作机制;制定年度工作要点。",
    ]
    assert code == 1
    assert f"已改正 1 处标点，改正后的副本写在 {copy}（原文件未改动）" in out
    assert "另有 2 处没有改：第 2 段在文件中的文字与读出的文字对不上" in out


def test_the_readers_text_is_lined_up_with_the_files_blanks_aside():
    from reportgen.review.fix import align

    assert align("学习法律", "学 习\n法律", list(range(6))) == [0, 2, 4, 5]
    assert align("学习法律", "学习法规", list(range(4))) is None
    assert align("学习 法律", "学习\n法律", list(range(5))) == [0, 1, None, 3, 4]
    assert align("学习法律", "学习法律5部", list(range(6))) is None


def rewrite_member(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as package:
        contents = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w") as package:
        for info, old in contents:
            package.writestr(info, data if info.filename == name else old)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>报告</title>
<script>var a = "x,y";</script><style>p {{ margin: 0; }}</style></head>
<body><div class="nav">首页 &gt; 政务公开</div>
<h1 style="text-align:center">{title}</h1>
<p class="body">2024年,我县&quot;三重一大&quot;制度落实。。</p>
<p>全年办理案件12件<b>;</b>学习法律5部&nbsp;。</p>
<table><tr><td>行政复议</td><td>受理14件;办结10件</td></tr></table>
</body></html>
"""


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_html_copy_changes_only_the_text(capsys, tmp_path, charset):
    source = tmp_path / "报告.html"
    page = PAGE.format(charset=charset, title=TITLE)
    source.write_bytes(page.encode(charset))
    code, out = run(capsys, "check", "--fix", str(source))
    copy = tmp_path / "报告.改正.html"
    expected = (
        page.replace("2024年,我县&quot;三重一大&quot;制度落实。。", "2024年，我县“三重一大”制度落实。")
        .replace("<b>;</b>", "<b>；</b>")
        .replace("受理14件;办结10件", "受理14件；办结10件")
    )
    assert copy.read_bytes() == expected.encode(charset)
    assert source.read_bytes() == page.encode(charset)
    assert safe_findings(copy) == []
    assert code == 1
    assert f"已改正 6 处标点，改正后的副本写在 {copy}（原文件未改动）" in out


def test_an_existing_copy_is_not_overwritten_without_force(capsys, tmp_path):
    source = tmp_path / "报告.txt"
    source.write_text(f"{TITLE}\n2024年,我县召开会议3次。\n", encoding="utf-8")
    copy = tmp_path / "报告.改正.txt"
    copy.write_text("我改过的副本\n", encoding="utf-8")
    code, out = run(capsys, "check", "--fix", str(source))
    assert code == 2
    assert copy.read_text(encoding="utf-8") == "我改过的副本\n"
    assert f"{copy} 已存在，为免覆盖您在副本中改过的内容，没有写入；如确需重新生成副本，请加 --force" in out
    code, out = run(capsys, "check", "--fix", "--force", str(source))
    assert code == 1
    assert copy.read_text(encoding="utf-8") == f"{TITLE}\n\n2024年，我县召开会议3次。\n"


def test_a_copy_that_is_the_input_is_refused_even_with_force(capsys, tmp_path):
    source = tmp_path / "报告.txt"
    source.write_text(f"{TITLE}\n2024年,我县召开会议3次。\n", encoding="utf-8")
    (tmp_path / "报告.改正.txt").symlink_to(source)
    code, out = run(capsys, "check", "--fix", "--force", str(source))
    assert code == 2
    assert source.read_text(encoding="utf-8") == f"{TITLE}\n2024年,我县召开会议3次。\n"
    assert "就是要校对的文件本身（或指向它），副本不能写在它上面，没有写入" in out


def test_nothing_to_fix_writes_no_copy(capsys, tmp_path):
    source = tmp_path / "报告.txt"
    source.write_text(f"{TITLE}\n2024年，我县召开会议3次。\n", encoding="utf-8")
    code, out = run(capsys, "check", "--fix", str(source))
    assert code == 0
    assert not (tmp_path / "报告.改正.txt").exists()
    assert "没有可以自动改正的标点，没有另存副本。" in out


def test_json_names_the_copy_and_each_correction(capsys, tmp_path):
    source = tmp_path / "报告.docx"
    write_report_docx(source)
    code, out = run(capsys, "check", "--fix", "--format", "json", str(source))
    (item,) = json.loads(out)
    fix = item["fix"]
    assert code == 1
    assert (item["fixed"], fix["copy"], item["changes"]) == (str(tmp_path / "报告.改正.docx"),) * 2 + (5,)
    assert [(c["paragraph"], c["found"], c["replacement"]) for c in fix["corrections"]] == [
        (1, ",", "，"),
        (2, "，，", "，"),
        (2, '"', "“"),
        (2, '"', "”"),
        (4, ";", "；"),
    ]
    assert fix["not_fixed"] == []


def test_a_profiles_copy_is_its_text_and_says_the_profile_must_be_corrected(capsys, tmp_path):
    profile = tmp_path / "托克逊县-2024.yaml"
    text = (PROFILES / "托克逊县-2024.yaml").read_text(encoding="utf-8")
    assert "深入" in text
    profile.write_text(text.replace("深入", "深入,", 1), encoding="utf-8")
    code, out = run(capsys, "check", "--fix", str(profile))
    copy = tmp_path / "托克逊县-2024.改正.txt"
    assert copy.exists()
    assert "深入，" in copy.read_text(encoding="utf-8")
    assert f"资料文件 {profile} 本身没有改动" in out
    assert code in (0, 1)


SEED_NAMES = sorted(path.name for path in SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_NAMES, reason=f"the reference reports are not beside the repository ({SEEDS})")
@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("kind", ["docx", "html"])
def test_reference_reports_as_word_and_page_are_fixed(tmp_path, name, kind):
    """Each seed turned into a .docx (one paragraph a line) and a page (one <p> a line): every
    paragraph lines up with the file, and the copy reads back as the plain text copy."""
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    source = tmp_path / f"seed.{kind}"
    if kind == "docx":
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(str(source))
    else:
        escaped = (line.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;") for line in lines)
        body = "\n".join(f"<p>{line}</p>" for line in escaped)
        source.write_text(f'<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n', "utf-8")
    before = source.read_bytes()
    read, checked = check_file(source)
    expected, changes = fixed_copy(read, checked)
    (item,) = check_documents([source], fix=True)
    copy = tmp_path / f"seed.改正.{kind}"
    assert source.read_bytes() == before
    assert item.fix is not None
    assert (item.fixed, item.changes, item.fix.left) == ((copy if changes else None), changes, ())
    if changes:
        assert text_of(read_report(copy)) == expected  # the same text as the plain copy
        assert len(safe_findings(copy)) < len(safe_findings(source))
    if kind == "docx":
        assert len(docx.Document(str(copy if changes else source)).paragraphs) == len(lines)


def text_of(read: ReadReport) -> str:
    return "\n".join([read.title, "", *(paragraph.text for paragraph in read.paragraphs)]) + "\n"
