"""`reportgen templates`: what templates exist, where each comes from, and copies to edit."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportgen import messages
from reportgen.errors import FileProblem
from reportgen.fsutil import write_atomic
from reportgen.render.environment import TEMPLATE_SUFFIX, shipped_templates

_PURPOSE = re.compile(r"^\{#-?\s*(.*?)(?:\s*-?#\}|$)", re.S)


@dataclass(frozen=True)
class TemplateEntry:
    name: str  # e.g. "sections/plans.j2"
    source: str  # "自带" or the user's folder
    overrides: bool  # a user's file replacing a shipped one
    purpose: str  # first line of the template's leading comment


def list_templates(user_dirs: Sequence[Path] = ()) -> list[TemplateEntry]:
    shipped = _names(shipped_templates())
    entries: dict[str, TemplateEntry] = {name: _entry(shipped_templates(), name, "自带", False) for name in shipped}
    for folder in reversed(list(user_dirs)):  # the first folder given wins, as in loading
        for name in _names(folder):
            entries[name] = _entry(folder, name, str(folder), name in shipped)
    return [entries[name] for name in sorted(entries)]


def read_template(name: str, user_dirs: Sequence[Path] = ()) -> str:
    for folder in [*user_dirs, shipped_templates()]:
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileProblem(messages.no_such_template(name))


def copy_template(name: str, target_dir: Path) -> Path:
    source = shipped_templates() / name
    if not source.is_file() or not name.endswith(TEMPLATE_SUFFIX):
        raise FileProblem(messages.no_such_shipped_template(name))
    target = target_dir / name
    if target.exists():
        raise FileProblem(messages.template_copy_exists(target))
    return write_atomic(target, source.read_bytes())


def _names(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob(f"*{TEMPLATE_SUFFIX}"))


def _entry(folder: Path, name: str, source: str, overrides: bool) -> TemplateEntry:
    text = (folder / name).read_text(encoding="utf-8")
    match = _PURPOSE.match(text)
    purpose = match.group(1).strip().splitlines()[0] if match and match.group(1).strip() else ""
    return TemplateEntry(name, source, overrides, purpose)
