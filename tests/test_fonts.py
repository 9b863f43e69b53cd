"""Fonts by role: the kind of face each family name says, fontconfig through the shipped fonts.conf, the
stand-ins' installation, `reportgen fonts`, and the PDF build's warning and --final refusal."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

import reportgen.writers.fonts
import reportgen.writers.pdf
from conftest import PROFILES
from reportgen.cli.commands import main
from reportgen.document.model import FontNames
from reportgen.writers.fonts import (
    DEBIAN_PACKAGES,
    FONTS_CONF,
    FontProblem,
    RoleFont,
    check_fonts,
    face_kind,
    install_commands,
    install_fonts,
    is_right_kind,
)


@pytest.fixture(autouse=True)
def _fresh_checks():
    check_fonts.cache_clear()
    yield
    check_fonts.cache_clear()


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# ---------------------------------------------------------------- kinds of face, by family name


def test_every_role_of_the_layout_has_a_kind_of_face():
    assert list(reportgen.writers.fonts.ROLE_KINDS) == [field.name for field in dataclasses.fields(FontNames)]


@pytest.mark.parametrize(
    ("families", "kind"),
    [
        (("仿宋_GB2312",), "fangsong"),
        (("FangSong",), "fangsong"),
        (("FandolFang", "FandolFang R"), "fangsong"),
        (("华文仿宋", "STFangsong"), "fangsong"),
        (("楷体_GB2312",), "kai"),
        (("FandolKai",), "kai"),
        (("AR PL UKai CN",), "kai"),
        (("LXGW WenKai",), "kai"),
        (("黑体", "SimHei"), "hei"),
        (("FandolHei",), "hei"),
        (("Noto Sans CJK SC",), "hei"),
        (("WenQuanYi Zen Hei", "文泉驿正黑"), "hei"),
        (("方正小标宋简体", "FZXiaoBiaoSong-B05S"), "song"),
        (("宋体", "SimSun"), "song"),
        (("FandolSong",), "song"),
        (("Noto Serif CJK SC",), "song"),
        (("AR PL UMing CN",), "song"),
        (("Times New Roman",), "times"),
        (("Liberation Serif",), "times"),
        (("DejaVu Sans",), None),
        (("DejaVu Serif",), None),
    ],
)
def test_the_kind_of_face_a_family_name_says(families, kind):
    assert face_kind(families) == kind


@pytest.mark.parametrize(
    ("kind", "families", "style", "weight", "requested", "right"),
    [
        ("fangsong", ("FandolFang",), "Regular", 80, "仿宋_GB2312", True),
        ("fangsong", ("AR PL UMing CN",), "Regular", 80, "仿宋_GB2312", False),  # a Ming face, not FangSong
        ("fangsong", ("Noto Serif CJK SC",), "Regular", 80, "仿宋_GB2312", False),
        ("hei", ("Noto Sans CJK JP",), "Regular", 80, "黑体", False),  # Japanese glyph forms
        ("hei", ("Noto Sans CJK SC",), "Regular", 80, "黑体", True),
        ("kai", ("AR PL UKai TW",), "Regular", 80, "楷体_GB2312", False),  # Traditional forms
        ("title_song", ("FandolSong",), "Bold", 200, "方正小标宋简体", True),
        ("title_song", ("Noto Serif CJK SC",), "Bold", 200, "方正小标宋简体", True),
        ("title_song", ("FandolSong",), "Regular", 80, "方正小标宋简体", False),  # 小标宋 is a heavy Song
        ("title_song", ("方正小标宋简体",), "Regular", 80, "方正小标宋简体", True),  # the font itself
        ("title_song", ("宋体", "SimSun"), "Regular", 80, "宋体", True),  # a layout that asks for 宋体 gets it
        ("title_song", ("Noto Sans CJK SC",), "Bold", 200, "方正小标宋简体", False),
        ("song", ("FandolFang",), "Regular", 80, "宋体", False),  # a FangSong is no Song
        ("times", ("Liberation Serif",), "Regular", 80, "Times New Roman", True),
        ("times", ("DejaVu Serif",), "Book", 80, "Times New Roman", False),  # wider digits
    ],
)
def test_the_right_kind_of_face_for_a_role(kind, families, style, weight, requested, right):
    assert is_right_kind(kind, families, style, weight, requested=requested) is right


def test_each_role_is_asked_of_fontconfig_and_judged(monkeypatch):
    answers = {
        "方正小标宋简体": (("FandolSong",), "Bold", 200),
        "黑体": (("FandolHei",), "Regular", 80),
        "楷体_GB2312": (("Noto Sans CJK JP",), "Regular", 80),
        "仿宋_GB2312": (("DejaVu Sans",), "Book", 80),
        "宋体": (("FandolSong",), "Regular", 80),
        "Times New Roman": (("Liberation Serif",), "Regular", 80),
    }
    monkeypatch.setattr(reportgen.writers.fonts, "_fc_match", lambda name, latin: answers[name])
    assert check_fonts(FontNames()) == (
        RoleFont("title", "方正小标宋简体", "FandolSong", "Bold", ok=True),
        RoleFont("heading1", "黑体", "FandolHei", "Regular", ok=True),
        RoleFont("heading2", "楷体_GB2312", "Noto Sans CJK JP", "Regular", ok=False),
        RoleFont("body", "仿宋_GB2312", "DejaVu Sans", "Book", ok=False),
        RoleFont("page_number", "宋体", "FandolSong", "Regular", ok=True),
        RoleFont("latin", "Times New Roman", "Liberation Serif", "Regular", ok=True),
    )
    assert [font.role for font in reportgen.writers.fonts.wrong_roles(FontNames())] == ["heading2", "body"]


def test_without_fontconfig_nothing_is_judged(monkeypatch):
    monkeypatch.setattr(reportgen.writers.fonts.shutil, "which", lambda name: None)
    fonts = check_fonts(FontNames())
    assert [(font.requested, font.family, font.ok) for font in fonts] == [
        (name, None, None)
        for name in ("方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "宋体", "Times New Roman")
    ]
    assert reportgen.writers.fonts.wrong_roles(FontNames()) == []


def test_names_are_escaped_for_fc_match():
    assert reportgen.writers.fonts._escape("FZXiaoBiaoSong-B05S") == "FZXiaoBiaoSong\\-B05S"
    assert reportgen.writers.fonts._escape("a,b:c\\d") == "a\\,b\\:c\\\\d"


# ---------------------------------------------------------------- the shipped fonts.conf


def _conf() -> etree._Element:
    return etree.parse(str(FONTS_CONF)).getroot()


def test_fonts_conf_is_package_data_and_keeps_the_systems_configuration_first():
    root = _conf()
    assert FONTS_CONF.parent.name == "writers" and FONTS_CONF.parent.parent.name == "reportgen"
    first = next(child for child in root if isinstance(child.tag, str))
    assert (first.tag, first.text) == ("include", "/etc/fonts/fonts.conf")


def test_fonts_conf_gives_every_default_name_stand_ins_after_it():
    """Each font the default layout names has free faces *accepted* (appended after the name), so an installed
    Windows font still wins; the title's are asked for in bold."""
    root = _conf()
    accepted = {
        alias.findtext("family"): [f.text for f in alias.find("accept").iter("family")] for alias in root.iter("alias")
    }
    titles = {
        match.find("test/string").text: [s.text for s in match.find("edit[@name='family']").iter("string")]
        for match in root.iter("match")
        if match.get("target") == "pattern"
    }
    defaults = FontNames()
    assert titles[defaults.title] == ["FandolSong", "Noto Serif CJK SC"]
    assert {
        match.find("edit[@name='family']").get("mode")
        for match in root.iter("match")
        if match.get("target") == "pattern"
    } == {"append"}
    assert accepted[defaults.body] == ["FandolFang", "Noto Serif CJK SC"]
    assert accepted[defaults.heading1] == ["FandolHei", "Noto Sans CJK SC"]
    assert accepted[defaults.heading2][0] == "FandolKai"
    assert accepted[defaults.page_number] == ["FandolSong", "Noto Serif CJK SC"]
    assert accepted[defaults.latin] == ["Liberation Serif"]
    assert not [name for names in (*accepted.values(), *titles.values()) for name in names if "JP" in name]


def test_the_stand_ins_come_from_the_packages_installed():
    assert DEBIAN_PACKAGES == ("fonts-liberation", "fonts-noto-cjk", "texlive-lang-chinese")
    assert "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol" in [d.text for d in _conf().iter("dir")]


NEEDS_FONTCONFIG = pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig (fc-match) is not installed")


@NEEDS_FONTCONFIG
def test_an_installed_font_of_the_name_asked_for_wins_over_the_stand_ins(tmp_path, monkeypatch):
    """A machine that has 仿宋_GB2312 sets the body in it, not in FandolFang: here a copy of a font of any kind is
    renamed 仿宋_GB2312 as fontconfig scans it, in a configuration that includes the shipped one."""
    source = subprocess.run(["fc-match", "--format", "%{file}", "serif"], capture_output=True, text=True).stdout
    if not source:
        pytest.skip("fontconfig finds no font to copy")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(source, fonts / Path(source).name)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>
        <include>{FONTS_CONF}</include><dir>{fonts}</dir><cachedir>{tmp_path / "cache"}</cachedir>
        <match target="scan"><test name="file"><string>{fonts / Path(source).name}</string></test>
        <edit name="family" mode="assign"><string>仿宋_GB2312</string></edit></match></fontconfig>""",
        encoding="utf-8",
    )
    monkeypatch.setattr(reportgen.writers.fonts, "FONTS_CONF", conf)
    body = check_fonts(FontNames())[3]
    assert (body.requested, body.family, body.ok) == ("仿宋_GB2312", "仿宋_GB2312", True)


FANDOL_INSTALLED = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf").is_file()


@NEEDS_FONTCONFIG
@pytest.mark.skipif(not FANDOL_INSTALLED, reason="the Fandol fonts are not installed: reportgen fonts --install")
def test_with_the_stand_ins_installed_every_role_has_its_kind_of_face():
    """Each role in its free stand-in (or in the font asked for, on a machine that has it)."""
    stand_ins = {
        "title": ("FandolSong", "Bold"),
        "heading1": ("FandolHei", "Regular"),
        "heading2": ("FandolKai", "Regular"),
        "body": ("FandolFang", "Regular"),
        "page_number": ("FandolSong", "Regular"),
        "latin": ("Liberation Serif", "Regular"),
    }
    for font in check_fonts(FontNames()):
        assert font.ok, font
        assert font.family == font.requested or (font.family, font.style) == stand_ins[font.role]


# ---------------------------------------------------------------- installing them


@pytest.fixture
def commands_run(monkeypatch) -> list[list[str]]:
    ran: list[list[str]] = []

    def fake_run(command, **kwargs):
        ran.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(reportgen.writers.fonts.subprocess, "run", fake_run)
    monkeypatch.setattr(reportgen.writers.fonts.shutil, "which", lambda name: f"/usr/bin/{name}")
    return ran


def test_install_runs_apt_get_then_indexes_the_fonts_as_root(commands_run, monkeypatch):
    monkeypatch.setattr(reportgen.writers.fonts, "_is_root", lambda: True)
    announced: list[str] = []
    install_fonts(announced.append)
    assert commands_run == [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", *DEBIAN_PACKAGES],
        ["env", f"FONTCONFIG_FILE={FONTS_CONF}", "fc-cache"],
    ]
    assert announced[1] == "apt-get install -y --no-install-recommends " + " ".join(DEBIAN_PACKAGES)


def test_install_goes_through_sudo_for_another_user(commands_run, monkeypatch):
    monkeypatch.setattr(reportgen.writers.fonts, "_is_root", lambda: False)
    install_fonts(lambda command: None)
    assert {command[0] for command in commands_run} == {"sudo"}
    assert install_commands()[0] == ["sudo", "apt-get", "update"]


def test_install_stops_at_a_failing_command(monkeypatch):
    monkeypatch.setattr(reportgen.writers.fonts, "_is_root", lambda: True)
    monkeypatch.setattr(reportgen.writers.fonts.shutil, "which", lambda name: f"/usr/bin/{name}")
    ran: list[list[str]] = []
    monkeypatch.setattr(
        reportgen.writers.fonts.subprocess,
        "run",
        lambda command, **kwargs: ran.append(command) or subprocess.CompletedProcess(command, 100),
    )
    with pytest.raises(FontProblem) as raised:
        install_fonts(lambda command: None)
    assert ran == [["apt-get", "update"]]
    assert raised.value.message == (
        "命令 apt-get update 没有成功（退出码 100），字体没有装好；请检查网络和软件源（apt-get update 的输出）后重试"
    )


def test_install_elsewhere_says_which_fonts_to_install(capsys, monkeypatch):
    monkeypatch.setattr(reportgen.writers.fonts.shutil, "which", lambda name: None)
    code, out = run(capsys, "fonts", "--install")
    assert code == 2
    assert out.startswith("[错误] 本机没有 apt-get（不是 Debian 或 Ubuntu），无法自动安装字体。")
    assert "FandolFang、FandolKai、FandolHei、FandolSong（TeX Live 的 fandol 字体）" in out


def test_install_without_root_or_sudo_names_the_commands(capsys, monkeypatch):
    monkeypatch.setattr(reportgen.writers.fonts, "_is_root", lambda: False)
    monkeypatch.setattr(
        reportgen.writers.fonts.shutil, "which", lambda name: None if name == "sudo" else f"/usr/bin/{name}"
    )
    code, out = run(capsys, "fonts", "--install")
    assert code == 2
    assert "安装字体需要管理员权限，本机没有 sudo。请以 root 身份运行：apt-get update；apt-get install -y" in out


# ---------------------------------------------------------------- reportgen fonts


def _answers(monkeypatch, body_family: str) -> None:
    faces = {"仿宋": "FandolFang", "仿宋_GB2312": body_family}

    def fake(name, latin):
        if latin:
            return ("Liberation Serif",), "Regular", 80
        if name in faces:
            return (faces[name],), "Regular", 80
        family = {"方正小标宋简体": "FandolSong", "黑体": "FandolHei", "楷体_GB2312": "FandolKai", "宋体": "FandolSong"}
        return (
            (family[name],),
            "Bold" if name == "方正小标宋简体" else "Regular",
            200 if name == "方正小标宋简体" else 80,
        )

    monkeypatch.setattr(reportgen.writers.fonts, "_fc_match", fake)


def test_fonts_lists_each_role_and_says_all_are_right(capsys, monkeypatch):
    _answers(monkeypatch, "FandolFang")
    code, out = run(capsys, "fonts")
    assert code == 0
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in out.splitlines() if line.startswith("│")]
    assert rows == [
        ["标题", "方正小标宋简体", "FandolSong Bold", "是（粗宋体类）"],
        ["一级标题", "黑体", "FandolHei", "是（黑体类）"],
        ["二级标题", "楷体_GB2312", "FandolKai", "是（楷体类）"],
        ["正文", "仿宋_GB2312", "FandolFang", "是（仿宋类）"],
        ["页码", "宋体", "FandolSong", "是（宋体类）"],
        ["西文数字", "Times New Roman", "Liberation Serif", "是（Times 同宽西文）"],
    ]
    assert out.splitlines()[-1].startswith("各用途都有合适的字体：")


def test_fonts_names_a_wrong_face_and_the_command_that_installs_the_right_one(capsys, monkeypatch):
    _answers(monkeypatch, "DejaVu Sans")
    code, out = run(capsys, "fonts")
    assert code == 1
    assert "│ 正文     │ 仿宋_GB2312     │ DejaVu Sans      │ 否，应为仿宋类" in out
    assert out.splitlines()[-1] == (
        "正文没有合适的字体，生成的 PDF 中这些文字会是别的字形。在 Debian/Ubuntu 上运行 reportgen fonts --install "
        "安装免费的同类字体（需要管理员权限，下载约 170 MB），或安装版式要求的字体"
    )


def test_fonts_of_a_profile_are_its_layouts(capsys, monkeypatch, write_profile):
    _answers(monkeypatch, "DejaVu Sans")
    profile = write_profile(
        """\
        jurisdiction:
          name: 土城子乡
          level: 乡镇
        year: 2024
        layout:
          fonts:
            body: 仿宋
        """
    )
    code, out = run(capsys, "fonts", str(profile))
    assert code == 0 and "│ 正文     │ 仿宋            │ FandolFang" in out


def test_fonts_without_fontconfig_says_word_uses_them_directly(capsys, monkeypatch):
    monkeypatch.setattr(reportgen.writers.fonts.shutil, "which", lambda name: None)
    code, out = run(capsys, "fonts")
    assert code == 0
    assert "│ 正文     │ 仿宋_GB2312     │ （Word 直接使用） │ 无法判断" in out
    assert out.splitlines()[-1].startswith("本机没有 fontconfig（如 Windows）：Word 直接使用上表中的字体")


# ---------------------------------------------------------------- the PDF build


def test_final_pdf_is_refused_while_a_role_lacks_its_kind_of_face(capsys, tmp_path, monkeypatch, write_profile):
    complete = (PROFILES / "土城子乡-2022.yaml").read_text(encoding="utf-8") + (
        "\nleader_duties:\n  text: 乡党委书记、乡长带头履行推进法治建设第一责任人职责。\n"
    )  # no placeholder left: only the fonts stand in the way
    wrong = [
        RoleFont("title", "方正小标宋简体", "DejaVu Sans", "Book", ok=False),
        RoleFont("body", "仿宋_GB2312", "DejaVu Sans", "Book", ok=False),
    ]
    monkeypatch.setattr(reportgen.writers.fonts, "wrong_roles", lambda names: wrong)
    monkeypatch.setattr(reportgen.writers.pdf, "find_office", lambda: "soffice")
    monkeypatch.setattr(reportgen.writers.pdf, "docx_to_pdf", lambda docx: b"%PDF-1.7 stub for this test")
    out_dir = tmp_path / "out"
    code, out = run(
        capsys, "build", str(write_profile(complete)), "-o", str(out_dir), "--format", "docx,pdf", "--final"
    )
    assert code == 1
    assert (
        "：--final 要求 PDF 中各级文字都用对字体，本机标题、正文没有合适的字体（见 reportgen fonts），没有生成。"
        "请先运行 reportgen fonts --install 安装免费的同类字体（或安装版式要求的字体），再生成定稿" in out
    )
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_final_pdf_is_built_when_every_role_has_its_kind_of_face(capsys, tmp_path, monkeypatch, write_profile):
    complete = (PROFILES / "土城子乡-2022.yaml").read_text(encoding="utf-8") + (
        "\nleader_duties:\n  text: 乡党委书记、乡长带头履行推进法治建设第一责任人职责。\n"
    )
    monkeypatch.setattr(reportgen.writers.fonts, "wrong_roles", lambda names: [])
    monkeypatch.setattr(reportgen.writers.pdf, "find_office", lambda: "soffice")
    monkeypatch.setattr(reportgen.writers.pdf, "docx_to_pdf", lambda docx: b"%PDF-1.7 stub for this test")
    code, out = run(capsys, "build", str(write_profile(complete)), "-o", str(tmp_path), "--format", "pdf", "--final")
    assert code == 0, out
    assert "[警告] PDF" not in out
