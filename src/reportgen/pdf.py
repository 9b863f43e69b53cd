"""DOCX → PDF through LibreOffice, for `reportgen build --format pdf`.

Each conversion uses its own temporary LibreOffice user profile, so parallel builds do not
collide on a shared profile lock, and a time limit, so a hung office never hangs the build.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reportgen import messages
from reportgen.errors import ReportgenError

CONVERSION_SECONDS = 180


class PdfProblem(ReportgenError):
    exit_code = 2


def find_office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, timeout: float = CONVERSION_SECONDS) -> bytes:
    office = find_office()
    if office is None:
        raise PdfProblem(messages.libreoffice_missing())
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work:
        folder = Path(work)
        source = folder / "report.docx"
        source.write_bytes(docx)
        command = [
            office, "--headless", "--norestore", "--nologo",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to", "pdf", "--outdir", str(folder), str(source),
        ]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfProblem(messages.pdf_timeout(int(timeout))) from None
        target = folder / "report.pdf"
        if not target.is_file():
            raise PdfProblem(messages.pdf_failed())
        return target.read_bytes()


def missing_fonts(names: Iterable[str]) -> list[str]:
    """The font families fontconfig does not know (substituted in the PDF); [] if it cannot tell."""
    known = _installed_families()
    if known is None:
        return []
    return [name for name in dict.fromkeys(names) if name.casefold() not in known]


@functools.cache
def _installed_families() -> frozenset[str] | None:
    """Asked once per process: a folder of profiles would otherwise run fc-list for each."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listing = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return frozenset(family.strip().casefold() for line in listing.stdout.splitlines() for family in line.split(","))
