"""`reportgen build` and `reportgen templates` as a clerk and a maintainer use them."""

from __future__ import annotations

import io
import shutil

import docx
import pytest

from conftest import MINIMAL, PROFILES
from reportgen.cli.commands import main


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_build_writes_docx_and_html_named_after_the_jurisdiction(capsys, tmp_path):
    code, out = run(capsys, "build", str(PROFILES / "托克逊县-2024.yaml"), "-o", str(tmp_path))
    assert code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["托克逊县-2024-法治政府建设年度报告.docx", "托克逊县-2024-法治政府建设年度报告.html"]
    assert "已写入" in out and "托克逊县-2024-法治政府建设年度报告.docx" in out
    word = docx.Document(io.BytesIO((tmp_path / names[0]).read_bytes()))
    assert word.paragraphs[0].text == "托克逊县2024年度法治政府建设工作报告"
    assert any(p.style.name == "Heading 1" and p.text == "一、工作开展情况" for p in word.paragraphs)


def test_build_lists_the_placeholders_for_review(capsys, tmp_path):
    code, out = run(capsys, "build", str(PROFILES / "托克逊县-2024.yaml"), "-o", str(tmp_path), "--format", "txt")
    assert code == 0
    assert (
        "[待填写] 三、党政主要负责人履行推进法治建设第一责任人职责情况："
        "【待填写：党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况】"
        "（报告中以黄色突出显示），请在资料中补写\n" in out
    )
    assert "【待填写：党政主要负责人" in (tmp_path / "托克逊县-2024-法治政府建设年度报告.txt").read_text(
        encoding="utf-8"
    )


def test_final_refuses_a_report_with_placeholders_and_writes_nothing(capsys, tmp_path, write_profile):
    profile = write_profile(MINIMAL)
    out_dir = tmp_path / "out"
    code, out = run(capsys, "build", str(profile), "-o", str(out_dir), "--final")
    assert code == 1
    for prompt in ("【待填写：存在的不足和原因】", "【待填写：署名机关】", "【待填写：成文日期】"):
        assert prompt in out
    assert "--final 要求报告中没有任何“待填写”占位，还有 " in out
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_final_builds_a_complete_report(capsys, tmp_path, write_profile):
    complete = (PROFILES / "土城子乡-2022.yaml").read_text(encoding="utf-8") + (
        "\nleader_duties:\n  text: 乡党委书记、乡长带头履行推进法治建设第一责任人职责。\n"
    )
    profile = write_profile(complete)
    code, out = run(capsys, "build", str(profile), "-o", str(tmp_path / "out"), "--final", "--format", "txt")
    assert code == 0, out
    assert "[待填写]" not in out
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_an_invalid_profile_is_refused_and_nothing_is_written(capsys, tmp_path, write_profile):
    profile = write_profile(MINIMAL.replace("level: 乡镇", "level: 村"))
    out_dir = tmp_path / "out"
    code, out = run(capsys, "build", str(profile), "-o", str(out_dir))
    assert code == 1
    assert "层级 (jurisdiction.level)" in out and "[未生成]" in out
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_a_folder_builds_every_profile(capsys, tmp_path):
    code, _ = run(capsys, "build", str(PROFILES), "-o", str(tmp_path), "--format", "html")
    assert code == 0
    assert len(list(tmp_path.glob("*.html"))) == 5


def test_an_existing_report_is_replaced_whole(capsys, tmp_path):
    target = tmp_path / "托克逊县-2024-法治政府建设年度报告.txt"
    target.write_text("旧版本\n", encoding="utf-8")
    run(capsys, "build", str(PROFILES / "托克逊县-2024.yaml"), "-o", str(tmp_path), "--format", "txt")
    assert target.read_text(encoding="utf-8").startswith("托克逊县2024年度法治政府建设工作报告")
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "rtf"], "格式“rtf”无效"),
        (["--template-dir", "/无此文件夹"], "模板文件夹 /无此文件夹 不存在"),
        (
            ["-o", str(PROFILES / "托克逊县-2024.yaml")],
            "托克逊县-2024.yaml 是一个文件，不是文件夹；-o 请给出报告要写入的文件夹",
        ),
    ],
)
def test_bad_build_options_exit_2_in_chinese(capsys, tmp_path, args, message):
    code, out = run(capsys, "build", str(PROFILES / "托克逊县-2024.yaml"), "-o", str(tmp_path), *args)
    assert code == 2 and message in out


def test_template_dir_overrides_a_section(capsys, tmp_path):
    custom = tmp_path / "mine" / "sections"
    custom.mkdir(parents=True)
    (custom / "leader_duties.j2").write_text(
        '{{ heading(1, "第一责任人履职情况") }}\n本县自定义的措辞。\n', encoding="utf-8"
    )
    code, _ = run(
        capsys,
        "build",
        str(PROFILES / "托克逊县-2024.yaml"),
        "-o",
        str(tmp_path),
        "--format",
        "txt",
        "--template-dir",
        str(tmp_path / "mine"),
    )
    text = (tmp_path / "托克逊县-2024-法治政府建设年度报告.txt").read_text(encoding="utf-8")
    assert code == 0 and "三、第一责任人履职情况\n本县自定义的措辞。" in text


def test_a_template_folder_named_in_the_profile_is_used(capsys, tmp_path, write_profile):
    (tmp_path / "tpl" / "sections").mkdir(parents=True)
    (tmp_path / "tpl" / "sections" / "preamble.j2").write_text("资料指定的模板。\n", encoding="utf-8")
    profile = write_profile(MINIMAL + "templates: tpl\n")
    code, _ = run(capsys, "build", str(profile), "-o", str(tmp_path / "out"), "--format", "txt")
    text = (tmp_path / "out" / "土城子乡-2024-法治政府建设年度报告.txt").read_text(encoding="utf-8")
    assert code == 0 and "资料指定的模板。" in text


def test_a_broken_template_is_a_chinese_error_not_a_traceback(capsys, tmp_path):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "plans.j2").write_text("{% if %}\n", encoding="utf-8")
    code, out = run(
        capsys,
        "build",
        str(PROFILES / "托克逊县-2024.yaml"),
        "-o",
        str(tmp_path / "out"),
        "--template-dir",
        str(tmp_path),
    )
    assert code == 1
    assert "sections/plans.j2 第 1 行" in out and "Traceback" not in out
    assert not (tmp_path / "out").exists()


def test_templates_list_show_and_copy(capsys, tmp_path):
    code, out = run(capsys, "templates", "list")
    assert code == 0 and "sections/plans.j2" in out and "figures/administrative_reconsideration.j2" in out
    code, out = run(capsys, "templates", "show", "sections/plans.j2")
    assert code == 0 and out.startswith("{#- 下一年度工作安排")
    code, out = run(capsys, "templates", "copy", "sections/plans.j2", "--to", str(tmp_path))
    copied = tmp_path / "sections" / "plans.j2"
    assert code == 0 and copied.read_text(encoding="utf-8").startswith("{#- 下一年度工作安排")
    code, out = run(capsys, "templates", "list", "--template-dir", str(tmp_path))
    assert "（覆盖自带）" in out
    code, out = run(capsys, "templates", "copy", "sections/plans.j2", "--to", str(tmp_path))
    assert code == 2 and "已存在" in out


def test_templates_show_unknown_name(capsys):
    code, out = run(capsys, "templates", "show", "sections/nothing.j2")
    assert code == 2 and "没有名为 sections/nothing.j2 的模板" in out


@pytest.mark.parametrize(("flag", "has_toc"), [("--toc", True), ("--no-toc", False)])
def test_the_table_of_contents_can_be_forced_on_or_off(capsys, tmp_path, flag, has_toc):
    # 紫阳县 is short (9 一、/（一） headings): no contents unless asked for.
    code, _ = run(capsys, "build", str(PROFILES / "紫阳县-2023.yaml"), "-o", str(tmp_path), "--format", "html", flag)
    page = (tmp_path / "紫阳县-2023-法治政府建设年度报告.html").read_text(encoding="utf-8")
    assert code == 0 and ('aria-label="目录"' in page) is has_toc


def test_fragment_writes_the_article_only(capsys, tmp_path):
    code, _ = run(
        capsys, "build", str(PROFILES / "紫阳县-2023.yaml"), "-o", str(tmp_path), "--format", "html", "--fragment"
    )
    page = (tmp_path / "紫阳县-2023-法治政府建设年度报告.html").read_text(encoding="utf-8")
    assert code == 0 and "<html" not in page and 'class="reportgen"' in page


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
def test_pdf_is_built_through_libreoffice(capsys, tmp_path):
    code, _ = run(capsys, "build", str(PROFILES / "紫阳县-2023.yaml"), "-o", str(tmp_path), "--format", "pdf")
    assert code == 0
    assert (tmp_path / "紫阳县-2023-法治政府建设年度报告.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_without_libreoffice_says_what_to_install(capsys, tmp_path, monkeypatch):
    import reportgen.writers.pdf

    monkeypatch.setattr(reportgen.writers.pdf, "find_office", lambda: None)
    code, out = run(capsys, "build", str(PROFILES / "紫阳县-2023.yaml"), "-o", str(tmp_path), "--format", "pdf")
    assert code == 2 and "生成 PDF 需要 LibreOffice" in out and "apt-get install libreoffice-writer" in out
    assert list(tmp_path.iterdir()) == []


def test_a_pdf_role_in_a_wrong_kind_of_face_is_named(capsys, tmp_path, monkeypatch):
    import reportgen.writers.fonts
    import reportgen.writers.pdf

    wrong = [reportgen.writers.fonts.RoleFont("body", "仿宋_GB2312", "DejaVu Sans", "Book", ok=False)]
    monkeypatch.setattr(reportgen.writers.fonts, "wrong_roles", lambda names: wrong)
    monkeypatch.setattr(reportgen.writers.pdf, "find_office", lambda: "soffice")
    monkeypatch.setattr(reportgen.writers.pdf, "docx_to_pdf", lambda docx: b"%PDF-1.7 stub for this test")
    code, out = run(capsys, "build", str(PROFILES / "紫阳县-2023.yaml"), "-o", str(tmp_path), "--format", "pdf")
    assert (
        code == 0 and "[警告] PDF 中有的文字字体不对：正文要求“仿宋_GB2312”（仿宋类），本机只能用“DejaVu Sans”。" in out
    )


# ---------------------------------------------------------------- proofreading what is written


def _with_sentence(sentence: str) -> str:
    """八宿县's profile with `sentence` added to the end of its preamble's first line."""
    text = (PROFILES / "八宿县-2020.yaml").read_text(encoding="utf-8")
    first_line = text.index("\n", text.index("preamble:")) + 1
    end = text.index("\n", first_line)
    return text[:end] + sentence + text[end:]


def test_build_proofreads_the_text_it_writes_as_check_does(capsys, tmp_path, write_profile):
    profile = write_profile(_with_sentence("全年听取听取汇报。全年受理案件10件，审结8件，审结率90%。"))

    code, out = run(capsys, "build", str(profile), "-o", str(tmp_path / "out"))

    assert code == 0  # proofreading lists what to look at; the files are still written
    assert "已写入" in out
    assert "写出的正文经校对还有 2 处问题" in out
    assert "警告 R1 字词重复  第 1 段" in out and "【听取听取】" in out
    assert "错误 A1 百分比与数字不符  第 1 段" in out and "按 8÷10 计算为 80%，文中写的是 90%" in out
    _, checked = run(capsys, "check", str(profile))
    assert "R1 字词重复  第 1 段" in checked and "A1 百分比与数字不符  第 1 段" in checked


def test_build_does_not_report_twice_what_the_profile_checks_place_at_a_line(capsys, tmp_path, write_profile):
    profile = write_profile(_with_sentence("全年召开会议3次,学习法律5部。"))

    code, out = run(capsys, "build", str(profile), "-o", str(tmp_path / "out"))

    assert code == 0
    assert out.count("半角") == 1  # at the profile's line:column, not again by paragraph
    assert "经校对" not in out


def test_of_the_example_profiles_only_the_outdated_formulation_is_proofread(capsys, tmp_path):
    code, out = run(capsys, "build", str(PROFILES), "-o", str(tmp_path))

    assert code == 0
    assert out.count("经校对") == 1  # 土城子乡 (2022) names 习近平新时代中国特色社会主义法治思想
    assert "土城子乡-2022.yaml：写出的正文经校对还有 1 处问题" in out and "提示 F1 过时的提法" in out
    assert "共 5 份资料：生成 5 份" in out


def test_proofreading_findings_count_as_warnings_in_the_summary_file(capsys, tmp_path, write_profile):
    import json

    profile = write_profile(_with_sentence("全年听取听取汇报。"))
    summary = tmp_path / "summary.json"

    run(capsys, "build", str(profile), "-o", str(tmp_path / "out"), "--report", str(summary))

    (outcome,) = json.loads(summary.read_text(encoding="utf-8"))["profiles"]
    assert outcome["status"] == "warnings"
