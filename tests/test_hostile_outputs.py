"""`reportgen build` on hostile input: every file lands in -o under a safe name, no report
overwrites another, one profile's failure costs only that profile, and Ctrl-C leaves nothing."""

from __future__ import annotations

import errno
import json
import os
import time
from pathlib import Path

import pytest

from conftest import MINIMAL
from reportgen.cli.commands import main
from reportgen.fsutil import STALE_SECONDS

REPORT = "法治政府建设年度报告"

# MINIMAL with every part the regulation asks for: validates without a warning.
COMPLETE = (
    MINIMAL
    + """\
publication:
  signed_on: 2025-03-01
  published_on: 2025-03-10
  signatories: [土城子乡人民政府]
preamble: 现将本乡2024年度法治政府建设情况报告如下。
achievements:
  measures:
    - title: 推进严格规范公正文明执法
      text: 全面推行行政执法三项制度。
shortcomings:
  items:
    - title: 执法人员专业素质有待提高
      cause: 培训不够系统。
leader_duties:
  text: 乡党委书记、乡长带头履行推进法治建设第一责任人职责。
plans:
  intro: 继续推进法治政府建设。
"""
)


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def named(name: str, text: str = MINIMAL) -> str:
    """The profile with `name` as its jurisdiction's name (a JSON string is a YAML double-quoted one)."""
    return text.replace("name: 土城子乡", f"name: {json.dumps(name)}")


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("/srv/x", "srv_x"),
        ("../../x", "x"),
        ("a/b", "a_b"),
        ("~/x", "x"),
        ("土城子\n乡", "土城子 乡"),
        ("土城子\a乡", "土城子乡"),
        ("\u202etxt.exe", "txt.exe"),
        ("土城子\0乡", "土城子乡"),
        ("CON", "CON"),
        ("nul.x", "nul_.x"),
        ("乡" * 300, "乡" * 65),
    ],
)
def test_a_hostile_name_writes_one_safe_file_inside_the_output_folder(capsys, tmp_path, monkeypatch, name, stem):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "work").mkdir()
    profile = tmp_path / "work" / "profile.yaml"
    profile.write_text(named(name), encoding="utf-8")
    code, out = run(capsys, "build", str(profile), "-o", "out", "--format", "txt")
    assert code == 0, out
    assert files_under(tmp_path) == {profile, tmp_path / "out" / f"{stem}-2024-{REPORT}.txt"}
    assert f"已写入 out/{stem}-2024-{REPORT}.txt\n" in out
    if stem != name:  # validate and build agree: the warning names the file written
        assert f"报告文件将命名为“{stem}-2024-{REPORT}.docx”（其他格式同名）\n" in out


@pytest.mark.parametrize("name", ["..", "////", "\u202e", " ~ "])
def test_a_name_with_nothing_usable_is_a_profile_error_and_writes_nothing(capsys, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    Path("profile.yaml").write_text(named(name), encoding="utf-8")
    code, out = run(capsys, "build", "profile.yaml", "-o", "out", "--format", "txt")
    assert code == 1
    assert (
        "[错误] profile.yaml:2:9  名称 (jurisdiction.name)  名称中没有能用作文件名的文字"
        "（去掉路径符号、控制字符和开头结尾的 . ~ - 后什么也不剩），报告无法命名；请写单位简称，如 托克逊县、土城子乡\n"
    ) in out
    assert "[未生成] profile.yaml：资料有错误，请先修正。\n" in out
    assert not Path("out").exists()


# ---------------------------------------------------------------- collisions


def test_two_profiles_writing_one_file_are_both_refused_and_the_rest_built(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("p").mkdir()
    Path("p/2024.yaml").write_text(MINIMAL, encoding="utf-8")
    Path("p/2024-副本.yaml").write_text("# 复制自去年，还没改年度\n" + MINIMAL, encoding="utf-8")
    Path("p/其他.yaml").write_text(MINIMAL.replace("土城子乡", "八仙筒镇"), encoding="utf-8")
    out_dir = Path("out")
    out_dir.mkdir()
    (out_dir / f"土城子乡-2024-{REPORT}.txt").write_text("去年生成的\n", encoding="utf-8")
    code, out = run(capsys, "build", "p", "-o", "out", "--format", "txt")
    assert code == 1
    assert (
        "[错误] p/2024-副本.yaml:3:9  名称 (jurisdiction.name)  与 p/2024.yaml:2 要生成同名的报告"
        f"“土城子乡-2024-{REPORT}”，为免互相覆盖，都没有生成；请核对名称和年度（year，第 5 行）——复制去年的资料后常忘了改年度\n"
    ) in out
    assert (
        "[错误] p/2024.yaml:2:9  名称 (jurisdiction.name)  与 p/2024-副本.yaml:3 要生成同名的报告"
        f"“土城子乡-2024-{REPORT}”，为免互相覆盖，都没有生成；请核对名称和年度（year，第 4 行）——复制去年的资料后常忘了改年度\n"
    ) in out
    assert f"已写入 out/八仙筒镇-2024-{REPORT}.txt\n" in out
    assert out.endswith("共 3 份资料：生成 1 份（其中 1 份有警告），2 份未生成（原因见上）。\n")
    assert sorted(p.name for p in out_dir.iterdir()) == [f"八仙筒镇-2024-{REPORT}.txt", f"土城子乡-2024-{REPORT}.txt"]
    assert (out_dir / f"土城子乡-2024-{REPORT}.txt").read_text(encoding="utf-8") == "去年生成的\n"


def test_names_that_become_one_file_name_collide_too(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(named("教育局/体育局"), encoding="utf-8")
    Path("b.yaml").write_text(named("教育局\\体育局"), encoding="utf-8")
    code, out = run(capsys, "build", "a.yaml", "b.yaml", "-o", "out", "--format", "txt")
    assert code == 1 and out.count("要生成同名的报告“教育局_体育局-2024-法治政府建设年度报告”") == 2
    assert not Path("out").exists()


def test_a_profile_named_twice_is_built_once(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("p").mkdir()
    Path("p/a.yaml").write_text(COMPLETE, encoding="utf-8")
    code, out = run(capsys, "build", "p", "p/a.yaml", "-o", "out", "--format", "txt")
    assert code == 0 and out.endswith("共 1 份资料：生成 1 份。\n")


# ---------------------------------------------------------------- a batch


def test_a_batch_of_200_builds_every_good_profile_whatever_the_broken_ones_do(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = Path("p")
    folder.mkdir()
    for index in range(196):  # half without a warning, half with the regulation's warnings
        text = COMPLETE if index % 2 else MINIMAL
        (folder / f"{index:03d}.yaml").write_text(text.replace("土城子乡", f"第{index:03d}乡"), encoding="utf-8")
    (folder / "bad-yaml.yaml").write_text("jurisdiction: [土城子乡\n", encoding="utf-8")
    (folder / "bad-figure.yaml").write_text(
        named("坏数字乡")
        + "achievements:\n  areas:\n    - area: dispute_resolution\n      figures:\n"
        + "        administrative_reconsideration:\n          received: 十二\n",
        encoding="utf-8",
    )
    (folder / "tpl" / "sections").mkdir(parents=True)
    (folder / "tpl" / "sections" / "plans.j2").write_text("{% if %}\n", encoding="utf-8")
    (folder / "own-templates.yaml").write_text(named("自有模板乡") + "templates: tpl\n", encoding="utf-8")
    (folder / "long-name.yaml").write_text(named("长" * 300, COMPLETE), encoding="utf-8")

    code, out = run(capsys, "build", "p", "-o", "out", "--format", "txt")

    assert code == 1
    assert "[未生成] p/bad-yaml.yaml：资料有错误，请先修正。\n" in out
    assert "[未生成] p/bad-figure.yaml：资料有错误，请先修正。\n" in out
    template = Path("p/tpl/sections/plans.j2").resolve()
    assert f"[未生成] p/own-templates.yaml：模板 {template} 第 1 行：模板语法有误，请对照上下文检查\n" in out
    assert f"已写入 out/{'长' * 65}-2024-{REPORT}.txt\n" in out
    built = sorted(p.name for p in Path("out").iterdir())
    assert len(built) == 197
    assert built[:196] == [f"第{index:03d}乡-2024-{REPORT}.txt" for index in range(196)]
    # 98 MINIMAL profiles warn of missing parts; the long name warns what its file is called.
    assert out.endswith("共 200 份资料：生成 197 份（其中 99 份有警告），3 份未生成（原因见上）。\n")


def test_a_failed_write_leaves_that_profile_old_files_intact_and_builds_the_next(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(COMPLETE, encoding="utf-8")
    Path("b.yaml").write_text(COMPLETE.replace("土城子乡", "八仙筒镇"), encoding="utf-8")
    out_dir = Path("out")
    out_dir.mkdir()
    old = {f"土城子乡-2024-{REPORT}.{extension}": f"旧的 {extension}" for extension in ("docx", "html")}
    for name, text in old.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith(f"土城子乡-2024-{REPORT}.html"):  # after the .docx was renamed into place
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    code, out = run(capsys, "build", "a.yaml", "b.yaml", "-o", "out")
    assert code == 2
    assert (f"[未生成] a.yaml：无法写入 out/土城子乡-2024-{REPORT}.html（磁盘已满）；原有的同名文件没有改动\n") in out
    assert out.endswith("共 2 份资料：生成 1 份，1 份未生成（原因见上）。\n")
    assert {p.name: p.read_text(encoding="utf-8") for p in out_dir.iterdir() if "土城子乡" in p.name} == old
    assert sorted(p.name for p in out_dir.iterdir() if "八仙筒镇" in p.name) == [
        f"八仙筒镇-2024-{REPORT}.docx",
        f"八仙筒镇-2024-{REPORT}.html",
    ]


# ---------------------------------------------------------------- interrupted


def test_ctrl_c_while_writing_leaves_neither_temp_files_nor_a_mixed_report(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(COMPLETE, encoding="utf-8")
    out_dir = Path("out")
    out_dir.mkdir()
    (out_dir / f"土城子乡-2024-{REPORT}.docx").write_text("旧的", encoding="utf-8")
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the .html: the .docx is written to its temp file already
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    code, out = run(capsys, "build", "a.yaml", "-o", "out")
    assert code == 130
    assert out.strip() == "[已中断] 已按 Ctrl-C 停止。没有写完的文件不会留下，之前写好的文件不受影响。"
    assert [(p.name, p.read_text(encoding="utf-8")) for p in out_dir.iterdir()] == [
        (f"土城子乡-2024-{REPORT}.docx", "旧的")
    ]


def test_temp_files_a_killed_build_left_are_removed_by_the_next_build(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(COMPLETE, encoding="utf-8")
    out_dir = Path("out")
    out_dir.mkdir()
    left = out_dir / f".八仙筒镇-2024-{REPORT}.docx.k2j4_x9a.tmp"
    someone_elses = out_dir / ".notes.txt.k2j4_x9a.tmp"
    for path in (left, someone_elses):
        path.write_bytes(b"half a report")
        os.utime(path, (time.time() - STALE_SECONDS - 1,) * 2)
    code, _ = run(capsys, "build", "a.yaml", "-o", "out", "--format", "txt")
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [someone_elses.name, f"土城子乡-2024-{REPORT}.txt"]
