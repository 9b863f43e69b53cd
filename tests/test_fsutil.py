"""Atomic writes: the old file survives a failed write, and no temp file is left."""

from __future__ import annotations

import os

import pytest

from reportgen.errors import FileProblem
from reportgen.fsutil import write_atomic


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
