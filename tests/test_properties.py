"""Properties: whatever a file holds, validation ends in diagnostics, never in a traceback.

Run with more examples in CI than locally: .ci/run runs with CI=true, which loads the
"properties-ci" settings (this file stays under a minute on two cores there).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import MINIMAL
from reportgen import load
from reportgen.api import check_loaded
from reportgen.errors import Diagnostic, InvalidProfile
from reportgen.load import LoadedProfile
from reportgen.messages import character_name
from reportgen.validate import ValidationResult, validate_file

# No example database written into the repository, and no deadline: a slow CI machine is not a bug.
settings.register_profile("properties", max_examples=200, deadline=None, database=None)
settings.register_profile(
    "properties-ci",
    max_examples=750,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROPERTY = settings(settings.get_profile("properties-ci" if os.environ.get("CI") else "properties"))

CJK = re.compile(r"[\u4e00-\u9fff]")
# What a message must never show: Python's own spelling of what ruamel.yaml built.
PYTHON_REPR = re.compile(
    r"ordereddict|odict_|Commented[A-Z]|Decimal\(|TaggedScalar|Scalar[A-Z]|object at 0x|\bb'|set\(\["
)


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
        assert exc.diagnostics
        assert exc.message == exc.diagnostics[0].message
        assert all(d.title == "YAML 语法" and d.is_error for d in exc.diagnostics)
        return ValidationResult(path, diagnostics=exc.diagnostics)
    return check_loaded(LoadedProfile(path, data, text))


def assert_told_in_chinese(diagnostics: list[Diagnostic]) -> None:
    """Chinese words; no Python repr; every invisible character named (messages.show_text)."""
    for diagnostic in diagnostics:
        assert CJK.search(diagnostic.message), diagnostic
        assert CJK.search(diagnostic.title), diagnostic
        for shown in (diagnostic.message, diagnostic.title, diagnostic.dotted_path()):
            assert not PYTHON_REPR.search(shown), diagnostic
            assert not [char for char in shown if character_name(char)], diagnostic


def assert_positioned(diagnostics: list[Diagnostic], text: str) -> None:
    line_count = len(text.splitlines()) or 1
    for diagnostic in diagnostics:
        if diagnostic.line is None:
            assert diagnostic.column is None, diagnostic
            continue
        assert 1 <= diagnostic.line <= line_count + 1, diagnostic
        assert diagnostic.column is not None and diagnostic.column >= 1, diagnostic


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
    # what clerks' editors and paste put in (issue 10): look-alike blanks, marks and numbers
    "\u3000",
    "\u3000\u3000",
    "\u00a0",
    "\u200b",
    "－ ",
    "— ",
    "name:值",
    "? [a, b]\n: 1\n",
    '"\\ud800"',
    '"\\udc00\\ud83d"',
    "12,34",
    "14，15",
    "0x10",
    "0o17",
    "1_000",
    "\x01",
]
yamlish_text = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=3), max_size=40).map("".join)


@PROPERTY
@given(text=st.text() | yamlish_text)
def test_any_text_gives_a_result_never_an_exception(folder, text):
    result = validate_yaml(text, folder)

    assert isinstance(result, ValidationResult)
    assert result.ok == (not result.errors)
    assert_told_in_chinese(result.diagnostics)
    assert_positioned(result.diagnostics, text)


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


# ---------------------------------------------------------------- (d) hostile lines (issue 10)

VALID_LINES = VALID.splitlines()
KEY_LINE = re.compile(r"( *)([a-z_0-9]+): (\S.*)$")  # "  name: 土城子乡", a key with a value
LIST_LINE = re.compile(r"( *)- ")
INDENTED = [index for index, line in enumerate(VALID_LINES) if line.startswith(" ")]
WITH_VALUE = [index for index, line in enumerate(VALID_LINES) if KEY_LINE.search(line)]
LIST_ITEMS = [index for index, line in enumerate(VALID_LINES) if LIST_LINE.match(line)]
NUMBERS = [index for index, line in enumerate(VALID_LINES) if re.search(r": \d+(\.\d+)?$", line)]
PLAIN_KEYS = [index for index, line in enumerate(VALID_LINES) if re.match(r" *[a-z_0-9]+:", line)]

WIDE_BLANKS = ["\u3000", "\u00a0", "\t"]
LOOKALIKE_MARKS = ["－", "—", "–"]
AMBIGUOUS_NUMBERS = ["12,34", "14，15", "14、15", "0x10", "0o17", "0b11", "1_000", "1,2345", "98,5"]


def indent_with(line: str, blank: str, count: int) -> str:
    """`line` with `count` of its leading spaces (from the right) replaced by `blank`."""
    spaces = len(line) - len(line.lstrip(" "))
    count = min(count, spaces)
    return " " * (spaces - count) + blank * count + line[spaces:]


@st.composite
def one_hostile_line(draw: st.DrawFn) -> tuple[str, int, int, str]:
    """VALID with one mistake; (text, 1-based line, column, start of the message naming it)."""
    lines = list(VALID_LINES)
    kind = draw(st.sampled_from(["indent", "mark", "glue", "number", "surrogate", "complex"]))
    if kind == "indent":
        index, blank = draw(st.sampled_from(INDENTED)), draw(st.sampled_from(WIDE_BLANKS))
        count = draw(st.integers(1, 2))
        lines[index] = indent_with(lines[index], blank, count)
        spaces = len(VALID_LINES[index]) - len(VALID_LINES[index].lstrip(" "))
        expected = (index + 1, spaces - min(count, spaces) + 1, "这一行用")
    elif kind == "mark":
        index, mark = draw(st.sampled_from(LIST_ITEMS)), draw(st.sampled_from(LOOKALIKE_MARKS))
        column = lines[index].index("- ")
        lines[index] = lines[index][:column] + mark + lines[index][column + 1 :]
        expected = (index + 1, column + 1, f"这一行用{'全角连字符' if mark == '－' else ''}")
    elif kind == "glue":
        index = draw(st.sampled_from(WITH_VALUE))
        match = KEY_LINE.search(lines[index])
        assert match is not None
        lines[index] = lines[index][: match.start(3) - 1] + lines[index][match.start(3) :]
        expected = (index + 1, match.end(2) + 1, f"键“{match.group(2)}”的冒号后面少了一个空格")
    elif kind == "number":
        index, number = draw(st.sampled_from(NUMBERS)), draw(st.sampled_from(AMBIGUOUS_NUMBERS))
        column = lines[index].index(": ") + 2
        lines[index] = lines[index][:column] + number
        expected = (index + 1, column + 1, "")
    elif kind == "surrogate":
        index = draw(st.sampled_from(WITH_VALUE))
        code = draw(st.integers(0xD800, 0xDFFF))
        match = KEY_LINE.search(lines[index])
        assert match is not None
        lines[index] = lines[index][: match.start(3)] + f'"前\\u{code:04x}后"'
        expected = (index + 1, match.start(3) + 3, f"转义“\\u{code:04x}”是单独的代理项")
    else:
        index = draw(st.sampled_from(PLAIN_KEYS))
        indent = " " * (len(lines[index]) - len(lines[index].lstrip(" ")))
        lines[index:index] = [f"{indent}? [a, b]", f"{indent}: 1"]
        expected = (index + 1, len(indent) + 3, "这里的键是一个列表")
    return "\n".join(lines) + "\n", *expected


@PROPERTY
@given(case=one_hostile_line())
def test_one_hostile_line_is_named_at_its_own_line_and_column(folder, case):
    text, line, column, start = case

    result = validate_yaml(text, folder)

    assert not result.ok
    assert_told_in_chinese(result.diagnostics)
    assert_positioned(result.diagnostics, text)
    assert [(d.line, d.column) for d in result.errors if d.message.startswith(start)][:1] == [(line, column)], (
        result.diagnostics
    )


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """VALID with several mistakes at once, some of which hide each other."""
    text = VALID
    for _ in range(draw(st.integers(2, 5))):
        lines = text.splitlines()
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        kind = draw(st.sampled_from(["blank", "mark", "glue", "quote", "deeper", "number", "escape", "complex"]))
        if kind == "blank":
            line = indent_with(line, draw(st.sampled_from([*WIDE_BLANKS, "\u200b", "\ufeff"])), draw(st.integers(1, 3)))
        elif kind == "mark":
            line = line.replace(
                "- ", draw(st.sampled_from(LOOKALIKE_MARKS)) + draw(st.sampled_from([" ", "\u3000"])), 1
            )
        elif kind == "glue":
            line = line.replace(": ", draw(st.sampled_from([":", "：", ": \u3000"])), 1)
        elif kind == "quote":
            line = line.replace(": ", draw(st.sampled_from([': "', ": '", ': "“'])), 1)
        elif kind == "deeper":
            line = " " * draw(st.integers(1, 3)) + line
        elif kind == "number":
            line = re.sub(r"\d+$", draw(st.sampled_from(AMBIGUOUS_NUMBERS)), line)
        elif kind == "escape":
            line = line.replace(": ", f': "\\u{draw(st.integers(0xD000, 0xE000)):04x}', 1) + '"'
        else:
            line = draw(st.sampled_from(["? [a, b]", "[a]: 1", "{a: b}: 1", "? - a"])) + "\n" + line
        lines[index] = line
        text = "\n".join(lines) + "\n"
    return text


@PROPERTY
@given(text=hostile_text())
def test_several_hostile_lines_give_positioned_chinese_diagnostics(folder, text):
    result = validate_yaml(text, folder)

    assert isinstance(result, ValidationResult)
    assert_told_in_chinese(result.diagnostics)
    assert_positioned(result.diagnostics, text)
