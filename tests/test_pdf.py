"""The PDF's temporary folder: removed on every way out, and after a killed run by the next."""

from __future__ import annotations

import _thread
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

import reportgen.writers.pdf
from reportgen.writers.pdf import STALE_WORK_SECONDS, PdfProblem, docx_to_pdf, remove_stale_work_folders

# The stand-in office is a shell script, and a killed process is looked up in /proc.
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /bin/sh and /proc (Linux)")


@pytest.fixture
def temp_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    remove_stale_work_folders.cache_clear()
    return folder


@pytest.fixture
def hung_office(tmp_path, monkeypatch) -> Path:
    """A stand-in for soffice that starts a child (as soffice starts soffice.bin) and hangs;
    returns the file the child's process id is written to."""
    pid_file = tmp_path / "child.pid"
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {pid_file}\nwait\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(reportgen.writers.pdf, "find_office", lambda: str(script))
    return pid_file


def _gone(pid: int) -> bool:
    """Killed: no such process, or a zombie waiting for whoever adopted it to reap it."""
    for _ in range(100):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def _child(pid_file: Path) -> int:
    for _ in range(100):
        if pid_file.exists() and pid_file.read_text().strip():
            return int(pid_file.read_text())
        time.sleep(0.05)
    raise AssertionError("the stand-in office never started")


def test_a_time_out_kills_the_office_and_removes_the_folder(temp_dir, hung_office):
    with pytest.raises(PdfProblem) as raised:
        docx_to_pdf(b"docx", timeout=1)
    assert raised.value.message.startswith("LibreOffice 转换 PDF 超过 1 秒仍未完成，已停止")
    assert list(temp_dir.iterdir()) == []
    assert _gone(_child(hung_office))  # soffice.bin does not outlive the build


def test_ctrl_c_during_the_conversion_kills_the_office_and_removes_the_folder(temp_dir, hung_office):
    # Ctrl-C arrives in the main thread as KeyboardInterrupt, as interrupt_main delivers it.
    timer = threading.Timer(0.5, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            docx_to_pdf(b"docx", timeout=60)
    finally:
        timer.cancel()
    assert list(temp_dir.iterdir()) == []
    assert _gone(_child(hung_office))


def test_work_folders_a_killed_run_left_are_removed_by_the_next(temp_dir, hung_office):
    old, recent = temp_dir / "reportgen-pdf-k2j4x9a0", temp_dir / "reportgen-pdf-running"
    unrelated = temp_dir / "other-pdf-k2j4x9a0"
    for folder in (old, recent, unrelated):
        (folder / "profile").mkdir(parents=True)
    hours_ago = time.time() - STALE_WORK_SECONDS - 60
    for folder in (old, unrelated):
        os.utime(folder, (hours_ago, hours_ago))
    remove_stale_work_folders()
    assert sorted(p.name for p in temp_dir.iterdir()) == [unrelated.name, recent.name]
