"""The line reading of yaml_lines: its one-pass screen never hides a mistake it would name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen import load, yaml_lines
from test_properties import PROPERTY

PROFILES = sorted((Path(__file__).parent.parent / "profiles").glob("*.yaml"))

# Pieces of lines, including each mistake the line reading names and near misses of them.
LINE_PIECES = [
    "name",
    "year",
    "title",
    "text",
    ":",
    ": ",
    "：",
    "- ",
    "-",
    "－ ",
    "— ",
    "– ",
    "——",
    " ",
    "  ",
    "\u3000",
    "\t",
    "\u00a0",
    "\u200b",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    '"',
    "'",
    "''",
    "\\",
    "|",
    ">",
    "[",
    "]",
    "{",
    "}",
    "#",
    "9:00",
    "16:37",
    "a12",
    "123",
    "_",
    "http://x",
    "土城子乡",
    "2024",
]
line_texts = st.lists(st.sampled_from(LINE_PIECES) | st.text(max_size=2), max_size=30).map("".join)


@PROPERTY
@given(text=line_texts)
def test_a_text_the_screen_passes_has_no_certain_line_problem(text):
    if not yaml_lines.may_have_certain_problems(text):
        problems = yaml_lines.find_line_problems(text, load.schema_keys())
        assert [problem for problem in problems if problem.certain] == []


@pytest.mark.parametrize(
    "text",
    [
        "name: 土城子乡\n\u3000year: 2024\n",
        "items:\n－ 第一项\n",
        "name:土城子乡\n",
        "name：土城子乡\n",
        'title: "未闭合\nyear: 2024\n',
    ],
)
def test_each_certain_mistake_passes_the_screen_and_is_named(text):
    assert yaml_lines.may_have_certain_problems(text)
    assert any(problem.certain for problem in yaml_lines.find_line_problems(text, load.schema_keys()))


def test_the_example_profiles_are_read_without_the_line_by_line_pass(monkeypatch):
    def refuse(text, known_keys=frozenset()):
        raise AssertionError("line-by-line reading of a clean profile")

    monkeypatch.setattr(load, "find_line_problems", refuse)
    assert all(load.load_profile(path).data for path in PROFILES)


def test_odd_indentation_still_explains_a_parse_error_in_a_screened_text():
    text = "name: 土城子乡\nlevel: township\n   year: 2024\n"
    assert not yaml_lines.may_have_certain_problems(text)
    with pytest.raises(load.InvalidProfile) as raised:
        load.parse_profile_text(text, Path("p.yaml"))
    assert "缩进" in str(raised.value.diagnostics[0].message)


@pytest.mark.parametrize(
    ("text", "screened"),
    [
        ("发布时间 2024-03-04 16:37\n", False),  # a time of day is no key
        ("附件1：名单\n", False),
        ("a16:37\n", True),  # a key's letter, then digits: the line reading decides
        ("x9:00\n", True),
        ("key1 ：值\n", True),
        ("名称：“甲”\n", False),
        ('title: "a"\nnote: "b\n', True),  # an odd count on one line of several quoted ones
        ("a: 'it''s'\r\nb: \"x\"\r\n", False),  # other line breaks: read line by line
    ],
)
def test_the_screen_looks_at_colons_and_quotes_as_the_line_reading_does(text, screened):
    assert yaml_lines.may_have_certain_problems(text) is screened
