"""Shared fixtures: an isolated HOME, and small profiles written to a temp folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reportgen.document import Metadata
from reportgen.validate import ValidationResult, validate_file

REPO = Path(__file__).resolve().parents[1]
PROFILES = REPO / "profiles"
SEEDS = REPO.parent / "shared" / "seeds"

# The smallest profile that validates without errors (the regulation warnings aside).
MINIMAL = """\
jurisdiction:
  name: 土城子乡
  level: 乡镇
year: 2024
"""

# The 行政复议 figures several tests state: 14 received, 10 accepted, 8 concluded …
RECONSIDERATION = """\
administrative_reconsideration:
  received: 14
  rejected: 2
  referred: 2
  accepted: 10
  concluded: 8
  pending: 2
  terminated: 5
  upheld: 3
"""


def indented(yaml_text: str, spaces: int) -> str:
    """YAML lines shifted right, to sit under a key at that depth."""
    return "".join(" " * spaces + line if line.strip() else line for line in yaml_text.splitlines(keepends=True))


def publication_metadata(name: str, code: str, **changes: object) -> Metadata:
    """政府信息公开 metadata of a made-up report of `name` (发文字号 `code`政发〔2025〕3号)."""
    metadata = Metadata(
        index_number="11620300013909010R/2025-48086",
        topic="综合政务\\政务公开",
        publisher=f"{name}人民政府",
        document_number=f"{code}政发〔2025〕3号",
        signed_on=dt.date(2025, 3, 12),
        published_on=dt.date(2025, 3, 20),
        keywords=("法治政府建设", "年度报告"),
        description=f"{name}2024年法治政府建设年度报告",
    )
    return dataclasses.replace(metadata, **changes)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def write_profile(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text (dedented) to a file in tmp_path and return its path."""

    def write(text: str, name: str = "profile.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def validate_text(write_profile: Callable[..., Path]) -> Callable[..., ValidationResult]:
    def validate(text: str, name: str = "profile.yaml") -> ValidationResult:
        return validate_file(write_profile(text, name))

    return validate


def messages_at(result: ValidationResult, dotted_path: str) -> list[str]:
    """The messages of all diagnostics at one path (e.g. "publication.signed_on")."""
    return [d.message for d in result.diagnostics if d.dotted_path() == dotted_path]
