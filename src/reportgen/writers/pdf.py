"""DOCX → PDF through LibreOffice, for `reportgen build --format pdf`.

Each conversion uses its own temporary LibreOffice user profile, so parallel builds do not
collide on a shared profile lock, and a time limit, so a hung office never hangs the build.
Its temporary folder is removed on every way out, and the next run removes one a killed
run left behind. LibreOffice finds its fonts through the shipped fonts.conf (reportgen.writers.fonts), so a
machine without the Windows fonts the layout names sets each level in a free face of the same kind.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path

from reportgen import messages
from reportgen.errors import ReportgenError

CONVERSION_SECONDS = 180
WORK_PREFIX = "reportgen-pdf-"
# A work folder this old outlived its run (killed with kill -9, or the power went): the
# longest conversion is CONVERSION_SECONDS.
STALE_WORK_SECONDS = 3600


class PdfProblem(ReportgenError):
    exit_code = 2


def find_office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_office() -> str:
    office = find_office()
    if office is None:
        raise PdfProblem(messages.libreoffice_missing())
    return office


def docx_to_pdf(docx: bytes, timeout: float = CONVERSION_SECONDS) -> bytes:
    """Convert in a temporary folder that is removed on every way out (an error, a time-out,
    Ctrl-C); one left by a killed run is removed by the next (remove_stale_work_folders)."""
    office = require_office()
    remove_stale_work_folders()
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, ignore_cleanup_errors=True) as work:
        folder = Path(work)
        source = folder / "report.docx"
        source.write_bytes(docx)
        command = [
            office, "--headless", "--norestore", "--nologo",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to", "pdf", "--outdir", str(folder), str(source),
        ]  # fmt: skip
        _run(command, timeout)
        target = folder / "report.pdf"
        if not target.is_file():
            raise PdfProblem(messages.pdf_failed())
        return target.read_bytes()


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice in a process group of its own, killed whole if we stop waiting (time-out,
    Ctrl-C): soffice starts soffice.bin, which would otherwise live on, writing into a folder
    being removed."""
    from reportgen.writers.fonts import fontconfig_env

    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=fontconfig_env(),
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise PdfProblem(messages.pdf_timeout(int(timeout))) from None
    except BaseException:
        _kill(process)
        raise


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    process.wait()


@functools.cache
def remove_stale_work_folders() -> None:
    """Once per run: remove this user's work folders older than STALE_WORK_SECONDS."""
    cutoff = time.time() - STALE_WORK_SECONDS
    for folder in Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*"):
        with contextlib.suppress(OSError):
            info = folder.lstat()
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if stat.S_ISDIR(info.st_mode) and mine and info.st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
