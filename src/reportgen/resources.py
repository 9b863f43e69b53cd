"""Where the shipped templates and example profiles are, installed or in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_dir(name: str) -> Path:
    """`templates` or `profiles`: inside the wheel (force-included under reportgen/_shipped),
    or at the top of a source checkout (an editable install has no copy)."""
    installed = Path(str(resources.files("reportgen"))) / "_shipped" / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / name
