"""Properties: whatever a file holds, validation ends in diagnostics, never in a traceback."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import MINIMAL
from reportgen import load
from reportgen.errors import Diagnostic, InvalidProfile
from reportgen.load import LoadedProfile
from reportgen.validate import ValidationResult, validate_file, validate_loaded

# Fast enough for every run; no example database written into the repository.
PROPERTY = settings(max_examples=200, deadline=None, database=None)

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of its own (module scope: Hypothesis reruns the test body, not the fixture)."""
    return tmp_path_factory.mktemp("properties")


def validate_yaml(text: str, folder: Path) -> ValidationResult:
    """Parse and validate text as the file folder/profile.yaml; only InvalidProfile may escape parse."""
    path = folder / "profile.yaml"
    try:
        data = load.parse_profile_text(text, path)
    except InvalidProfile as exc:
        assert len(exc.diagnostics) == 1
        return ValidationResult(path, diagnostics=exc.diagnostics)
    return validate_loaded(LoadedProfile(path, data))


def assert_told_in_chinese(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        assert CJK.search(diagnostic.message), diagnostic
        assert CJK.search(diagnostic.title), diagnostic


def dump(data: Any) -> str:
    stream = io.StringIO()
    YAML().dump(data, stream)
    return stream.getvalue()


# ---------------------------------------------------------------- (a) arbitrary text

# Plain st.text() seldom looks like YAML; these pieces make the parser work harder.
YAML_PIECES = [
    "jurisdiction",
    "name",
    "level",
    "year",
    "achievements",
    "areas",
    "figures",
    "received",
    ":",
    ": ",
    "：",
    "\n",
    "  ",
    "\t",
    "- ",
    "---",
    "...",
    "#",
    "&a ",
    "*a",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "|",
    ">",
    "?",
    "!!python/name:os.system",
    "!!binary",
    "%YAML 1.1\n---\n",
    "2024",
    "2025-02-30",
    "十四",
    "14件",
    "乡镇",
    "null",
    "~",
    ".nan",
    "1e5",
    "<<: *a",
]
yamlish_text = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=3), max_size=40).map("".join)


@PROPERTY
@given(text=st.text() | yamlish_text)
def test_any_text_gives_a_result_never_an_exception(folder, text):
    result = validate_yaml(text, folder)

    assert isinstance(result, ValidationResult)
    assert result.ok == (not result.errors)
    assert_told_in_chinese(result.diagnostics)


@PROPERTY
@given(raw=st.binary(max_size=300) | yamlish_text.map(lambda text: text.encode("gbk", "replace")))
def test_any_bytes_in_a_file_give_a_result_never_an_exception(folder, raw):
    path = folder / "bytes.yaml"
    path.write_bytes(raw)

    result = validate_file(path)

    assert result.exit_code in (0, 1, 2)
    assert result.file_problem == (result.exit_code == 2)
    assert_told_in_chinese(result.diagnostics)


# ---------------------------------------------------------------- (b) arbitrary YAML data

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
yaml_data = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=25,
)


@PROPERTY
@given(data=yaml_data)
def test_any_yaml_data_gives_chinese_diagnostics_never_an_exception(folder, data):
    result = validate_yaml(dump(data), folder)

    assert isinstance(result, ValidationResult)
    if not result.ok:
        assert result.errors
    assert_told_in_chinese(result.diagnostics)


# ---------------------------------------------------------------- (c) one value spoiled

VALID = (
    MINIMAL
    + """\
publication:
  signed_on: 2025-03-12
  published_on: 2025年3月20日
  signatories: [中共土城子乡委员会, 土城子乡人民政府]
achievements:
  areas:
    - area: dispute_resolution
      text: 坚持和发展新时代“枫桥经验”。
      measures:
        - title: 健全行政复议审理机制
          text: 依法受理行政复议申请。
          items:
            - title: 推进繁简分流
          figures:
            administrative_reconsideration:
              received: 14
              accepted: 12
              rejected: 2
              concluded: 10
              pending: 2
            mediation:
              - kind: 人民调解
                accepted: 120
                successful: 118
                amount_involved: 2.78万
      figures:
        hotline:
          received: 3000余
          completed: 2990
          satisfaction_rate: 98.5
    - title: 加强基层法治建设
      text: 开展法治乡村建设。
shortcomings:
  items:
    - title: 基层执法人员素质参差不齐
      cause: 培训不够系统。
leader_duties:
  text: 乡党委书记认真履行第一责任人职责。
plans:
  items:
    - title: 持续深化行政复议体制改革
last_year:
  figures:
    administrative_reconsideration:
      received: 10
"""
)


def all_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, child in node.items():
            found += all_paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += all_paths(child, (*prefix, index))
    return found


PATHS = all_paths(YAML().load(VALID))
DELETE = object()
odd_values = st.sampled_from(
    ["十四", "14件", "3000余", "-1", "120", "95%以上", "2025-02-30", "2025年3月12日", "", "  ", "村", "8.9万"]
)
replacements = st.just(DELETE) | odd_values | yaml_data


def test_the_profile_spoiled_below_is_valid_without_any_diagnostic(folder):
    result = validate_yaml(VALID, folder)

    assert result.ok
    assert result.diagnostics == []
    assert len(PATHS) > 50


@PROPERTY
@given(path=st.sampled_from(PATHS), replacement=replacements)
def test_one_spoiled_value_gives_positioned_chinese_diagnostics(folder, path, replacement):
    data = YAML().load(VALID)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if replacement is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    text = dump(data)

    result = validate_yaml(text, folder)

    assert isinstance(result, ValidationResult)
    assert_told_in_chinese(result.diagnostics)
    line_count = len(text.splitlines())
    for diagnostic in result.diagnostics:
        if diagnostic.title != "YAML 语法":
            assert diagnostic.line is not None
            assert 1 <= diagnostic.line <= line_count, diagnostic
            assert diagnostic.column is not None
            assert diagnostic.column >= 1, diagnostic
