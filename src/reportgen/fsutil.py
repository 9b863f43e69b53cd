"""Atomic writes: a user's file is replaced whole or not at all; a report's files together.

Every file is first written to a hidden temporary sibling, ".<name>.XXXXXXXX.tmp", in the
same folder (so os.replace is a rename on one file system, as pip's adjacent_tmp_file),
flushed to disk, and only then renamed over the target. A run killed in between leaves
such a sibling behind; the next build into that folder removes it
(`remove_stale_temp_files`).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from reportgen import messages
from reportgen.errors import FileProblem

# What a temporary sibling adds to the target's name: "." before it and, for the backup of an
# old file, ".XXXXXXXX.old.tmp" after it (mkstemp's random part is 8 characters).
TEMP_NAME_EXTRA = len(".") + len(".XXXXXXXX.old.tmp")
_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}(?:\.old)?\.tmp$")
# A temp file this old is no longer being written: the write it belongs to was interrupted.
STALE_SECONDS = 60


def user_cache_folder(name: str) -> Path | None:
    """~/.cache/reportgen/<name> (or under $XDG_CACHE_HOME), made if missing; None when it cannot
    be (a read-only home, a file in the way): callers then work without a cache."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "reportgen" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write one file: to a temp sibling, flushed to disk, then renamed over `path`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return write_together(path.parent, {path.name: payload})[0]


def write_together(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write several files into `folder`: either each replaces its old version, or none does.

    All are written in full to temp siblings first; only then are they renamed into place.
    Should a rename fail, those already renamed are put back from backups of the old files
    (hard links, or copies where the file system has none), so the folder is as it was.
    """
    targets = [_inside(folder, name) for name in files]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileProblem(messages.folder_not_writable(folder, exc)) from exc
    temps: list[str] = []
    try:
        for target, data in zip(targets, files.values(), strict=True):
            _write_temp(target, data, temps)
        _replace_all(list(zip(temps, targets, strict=True)))
    finally:
        _remove_quietly(temps)  # those renamed into place are no longer there
    return targets


def _inside(folder: Path, name: str) -> Path:
    """`folder / name`, refused unless it is a plain name inside `folder` (output names are made
    safe before they get here: this guard keeps a mistake in that from writing elsewhere).

    A plain name cannot leave the folder, however the folder itself resolves; and a symbolic
    link already at `folder / name` is replaced by the rename, never written through."""
    target = folder / name
    separators = {os.sep, os.altsep or os.sep, "\0"}
    if name in ("", ".", "..") or target.parent != folder or any(mark in name for mark in separators):
        raise FileProblem(messages.name_leaves_folder(name, folder))
    return target


def _write_temp(target: Path, data: bytes, temps: list[str]) -> None:
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise FileProblem(messages.write_failed(target, exc)) from exc
    temps.append(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, _mode_for(target))
    except OSError as exc:
        raise FileProblem(messages.write_failed(target, exc)) from exc


def _replace_all(pairs: list[tuple[str, Path]]) -> None:
    replaced: list[tuple[Path, str | None]] = []  # (target, backup of its old version)
    backups: list[str] = []
    try:
        for index, (temp, target) in enumerate(pairs):
            # The last rename needs no backup: if it fails, nothing after it has changed.
            backup = _backup(target) if index < len(pairs) - 1 else None
            if backup:
                backups.append(backup)
            try:
                os.replace(temp, target)
            except OSError as exc:
                raise FileProblem(messages.write_failed(target, exc)) from exc
            replaced.append((target, backup))
    except BaseException:
        _put_back(replaced)
        raise
    finally:
        _remove_quietly(backups)


def _backup(target: Path) -> str | None:
    """A hidden second name (or a copy) for the old file at `target`; None when there is none."""
    try:
        mode = target.lstat().st_mode
    except OSError:
        return None  # nothing there yet
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        return None  # a folder: its rename fails, and nothing of it needs putting back
    backup = str(target.with_name(f".{target.name}.{secrets.token_hex(4)}.old.tmp"))
    try:
        try:
            os.link(target, backup, follow_symlinks=False)
        except (OSError, NotImplementedError):  # FAT, some network shares, Windows' os.link: copy instead
            shutil.copy2(target, backup, follow_symlinks=False)
    except OSError as exc:
        raise FileProblem(messages.write_failed(target, exc)) from exc
    return backup


def _put_back(replaced: list[tuple[Path, str | None]]) -> None:
    for target, backup in reversed(replaced):
        with contextlib.suppress(OSError):
            if backup is None:
                os.unlink(target)
            else:
                os.replace(backup, target)


def _remove_quietly(names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(name)


def _mode_for(path: Path) -> int:
    """mkstemp makes 0600 files; keep the mode of the file replaced, or the umask default."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_stale_temp_files(folder: Path, is_ours: Callable[[str], bool], *, now: float | None = None) -> list[Path]:
    """Remove the temp siblings an interrupted run left in `folder`: those whose target name
    `is_ours`, that belong to this user and have not been written to for STALE_SECONDS
    (a younger one may be another run's write in progress)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    cutoff = (time.time() if now is None else now) - STALE_SECONDS
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or not is_ours(match["target"]):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and _owned(info) and info.st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _owned(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()
