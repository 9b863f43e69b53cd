"""Atomic writes: a user's file is replaced whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from reportgen.errors import FileProblem


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write to a temp file in the same folder, flush it to disk, then rename over `path`.

    Same folder, so os.replace is a rename on one file system (as pip's adjacent_tmp_file).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileProblem(f"无法在 {folder} 中写入文件（{exc.strerror or exc}）") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, _mode_for(path))
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise FileProblem(f"无法写入 {path}（{exc.strerror or exc}）") from exc
    return path


def _mode_for(path: Path) -> int:
    """mkstemp makes 0600 files; keep the mode of the file replaced, or the umask default."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
