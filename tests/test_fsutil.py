"""Atomic writes: the old file survives a failed write, and no temp file is left."""

from __future__ import annotations

import errno
import os
import time

import pytest

from reportgen.errors import FileProblem
from reportgen.fsutil import STALE_SECONDS, remove_stale_temp_files, write_atomic, write_together


def test_write_replaces_whole_file(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("old\n", encoding="utf-8")
    write_atomic(target, "新内容\n")
    assert target.read_text(encoding="utf-8") == "新内容\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_failed_rename_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "a.yaml"
    target.write_text("clerk's work\n", encoding="utf-8")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FileProblem) as raised:
        write_atomic(target, "half")
    assert "无法写入" in raised.value.message
    assert target.read_text(encoding="utf-8") == "clerk's work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_new_files_are_readable_by_others_as_the_umask_allows(tmp_path):
    # mkstemp creates 0600 files; a web page nobody else can read is no use to the webmaster.
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "page.html", "<p>x</p>")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_replacing_keeps_the_files_mode(tmp_path):
    target = tmp_path / "profile.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o640


# ---------------------------------------------------------------- a report's files, together

REPORT = "土城子乡-2024-法治政府建设年度报告"


def test_files_written_together_all_replace_their_old_versions(tmp_path):
    (tmp_path / f"{REPORT}.docx").write_bytes(b"old docx")
    written = write_together(tmp_path, {f"{REPORT}.docx": b"new docx", f"{REPORT}.html": b"new html"})
    assert written == [tmp_path / f"{REPORT}.docx", tmp_path / f"{REPORT}.html"]
    assert [p.read_bytes() for p in written] == [b"new docx", b"new html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{REPORT}.docx", f"{REPORT}.html"]


def test_a_failed_rename_puts_back_the_files_already_replaced(tmp_path, monkeypatch):
    for extension in ("docx", "html", "txt"):
        (tmp_path / f"{REPORT}.{extension}").write_bytes(f"old {extension}".encode())
    real_replace = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # the second file of three: the first is already in place
            raise OSError(errno.EROFS, "Read-only file system")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    files = {f"{REPORT}.{extension}": f"new {extension}".encode() for extension in ("docx", "html", "txt")}
    with pytest.raises(FileProblem) as raised:
        write_together(tmp_path, files)
    assert raised.value.message == f"无法写入 {tmp_path / REPORT}.html（所在磁盘只读）；原有的同名文件没有改动"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        f"{REPORT}.docx": b"old docx",
        f"{REPORT}.html": b"old html",
        f"{REPORT}.txt": b"old txt",
    }


def test_a_failed_write_removes_the_new_file_it_had_put_in_place(tmp_path, monkeypatch):
    real_fsync = os.fsync
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(FileProblem) as raised:
        write_together(tmp_path, {f"{REPORT}.docx": b"docx", f"{REPORT}.html": b"html"})
    assert raised.value.message.endswith("（磁盘已满）；原有的同名文件没有改动")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["../x.docx", "/etc/x.docx", "a/b.docx", "..", ".", "", "a\0b"])
def test_a_name_that_would_leave_the_folder_is_refused(tmp_path, name):
    folder = tmp_path / "out"
    with pytest.raises(FileProblem) as raised:
        write_together(folder, {"ok.txt": b"x", name: b"x"})
    assert raised.value.message == f"文件名“{name}”会写到文件夹 {folder} 以外，没有写入"
    assert not folder.exists() and sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_link_at_the_target_is_replaced_never_written_through(tmp_path, monkeypatch):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not ours\n", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / f"{REPORT}.docx").symlink_to(outside)
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith(".html"):
            raise OSError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(FileProblem):
        write_together(folder, {f"{REPORT}.docx": b"docx", f"{REPORT}.html": b"html"})
    assert (folder / f"{REPORT}.docx").readlink() == outside  # put back as it was
    monkeypatch.setattr(os, "replace", real_replace)
    write_together(folder, {f"{REPORT}.docx": b"docx"})
    assert not (folder / f"{REPORT}.docx").is_symlink() and (folder / f"{REPORT}.docx").read_bytes() == b"docx"
    assert outside.read_text(encoding="utf-8") == "not ours\n"
    assert sorted(p.name for p in folder.iterdir()) == [f"{REPORT}.docx"]


# ---------------------------------------------------------------- what an interrupted run left


def _ours(name: str) -> bool:
    return name.endswith("-法治政府建设年度报告.docx")


def test_stale_temp_files_of_our_reports_are_removed(tmp_path):
    stale = [tmp_path / f".{REPORT}.docx.k2j4_x9a.tmp", tmp_path / f".{REPORT}.docx.0a1b2c3d.old.tmp"]
    young = tmp_path / f".{REPORT}.docx.zzzzzzzz.tmp"  # another run may be writing it now
    others = [tmp_path / ".notes.txt.abcdefgh.tmp", tmp_path / f"{REPORT}.docx", tmp_path / ".hidden"]
    for path in [*stale, young, *others]:
        path.write_bytes(b"x")
    now = time.time()
    for path in [*stale, *others]:
        os.utime(path, (now - STALE_SECONDS - 5, now - STALE_SECONDS - 5))
    assert sorted(remove_stale_temp_files(tmp_path, _ours)) == sorted(stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in [young, *others])


def test_temp_files_of_another_user_are_left_alone(tmp_path, monkeypatch):
    stale = tmp_path / f".{REPORT}.docx.k2j4_x9a.tmp"
    stale.write_bytes(b"x")
    monkeypatch.setattr(os, "getuid", lambda: stale.stat().st_uid + 1)
    assert remove_stale_temp_files(tmp_path, _ours, now=time.time() + 3600) == []
    assert stale.exists()


def test_a_missing_folder_has_nothing_to_clean(tmp_path):
    assert remove_stale_temp_files(tmp_path / "none", _ours) == []
