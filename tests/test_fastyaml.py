"""The libyaml fast path builds exactly what ruamel's round-trip loader builds, or steps aside."""

from __future__ import annotations

import gc
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from reportgen import fastyaml, load
from reportgen.errors import InvalidProfile
from test_properties import PROPERTY, dump, yaml_data, yamlish_text

PROFILES = sorted((Path(__file__).parent.parent / "profiles").glob("*.yaml"))


def fast(text: str) -> Any:
    return fastyaml.parse_fast(text, load.MAX_DEPTH, load.MAX_EXPANDED_NODES)


def round_trip(text: str) -> Any:
    return load._parse_round_trip(text, Path("profile.yaml"))


def differences(fast_data: Any, slow_data: Any, where: str = "") -> list[str]:
    """Every place where the two readings differ: type, value, flow style or any line:column."""
    if type(fast_data) is not type(slow_data):
        return [f"{where}: {type(fast_data).__name__} != {type(slow_data).__name__}"]
    if isinstance(fast_data, CommentedMap | CommentedSeq):
        found = []
        if (fast_data.lc.line, fast_data.lc.col) != (slow_data.lc.line, slow_data.lc.col):
            found.append(f"{where}: at {fast_data.lc!r} != {slow_data.lc!r}")
        if fast_data.fa.flow_style() != slow_data.fa.flow_style():
            found.append(f"{where}: flow style differs")
        if list(fast_data.lc.data or {}) != list(slow_data.lc.data or {}) or any(
            fast_data.lc.data[step] != slow_data.lc.data[step] for step in slow_data.lc.data or {}
        ):
            found.append(f"{where}: positions {fast_data.lc.data} != {slow_data.lc.data}")
        steps = list(fast_data) if isinstance(fast_data, CommentedMap) else range(len(fast_data))
        if list(fast_data) != list(slow_data) and isinstance(fast_data, CommentedMap):
            return [*found, f"{where}: keys {list(fast_data)} != {list(slow_data)}"]
        if len(fast_data) != len(slow_data):
            return [*found, f"{where}: {len(fast_data)} items != {len(slow_data)}"]
        for step in steps:
            found.extend(differences(fast_data[step], slow_data[step], f"{where}/{step}"))
        return found
    same = fast_data == slow_data and (not isinstance(fast_data, Decimal) or str(fast_data) == str(slow_data))
    return [] if same else [f"{where}: {fast_data!r} != {slow_data!r}"]


def assert_same_or_undecided(text: str) -> None:
    fast_data = fast(text)
    if fast_data is fastyaml.UNDECIDED:
        return
    slow_data = round_trip(text)  # the fast path decided, so ruamel must read the text too
    assert differences(fast_data, slow_data) == []


@pytest.mark.parametrize("path", PROFILES, ids=lambda path: path.stem)
def test_example_profiles_take_the_fast_path_with_every_position_of_the_round_trip_loader(path):
    text = load.read_profile_text(path)
    fast_data = fast(text)
    assert fast_data is not fastyaml.UNDECIDED
    assert differences(fast_data, round_trip(text)) == []


def test_load_profile_reads_the_examples_without_the_round_trip_loader(monkeypatch):
    def refuse(text: str, path: Path) -> Any:
        raise AssertionError(f"round-trip loader used for {path}")

    monkeypatch.setattr(load, "_parse_round_trip", refuse)
    loaded = [load.load_profile(path) for path in PROFILES]
    assert [type(profile.data) for profile in loaded] == [CommentedMap] * len(PROFILES)


NUMBERS_AND_FRIENDS = """\
plain: 12
negative: -3
signed: +7
decimal: 98.80
short: .5
hex: 0x10
octal: 0o17
underscore: 1_000
comma: 12,34
exponent: 1e5
infinity: .inf
not_a_number: .nan
sexagesimal: 1:30
yes_word: yes
true_word: true
upper: TRUE
nothing:
tilde: ~
blank_then_key:


last_of_block:
null_word: null
date: 2024-01-31
bad_date: 2025-02-30
timestamp: 2024-01-31 10:00:00
quoted_number: "12"
single: '98.80'
1: one
null: key
2024-01-01: dated key
"""

SHAPES = """\
# a comment
title: 法治政府建设年度报告
list:
  - 一
  - 二  # trailing comment
  -
  - - nested
    - again
flow: [a, 😀, {k: v, n: 1}]
empty_flow: []
empty_map: {}
literal: |
  第一行
  第二行
keep: |+
  kept

strip: >-
  folded
  text

  para
multi: a plain
  scalar over lines
inner:
  empty:
  after: 1
  ends:
outer: 2
'quoted key': "escaped \\u4e2d \\t tab"
"""


@pytest.mark.parametrize(
    "text",
    [
        NUMBERS_AND_FRIENDS,
        SHAPES,
        SHAPES.replace("\n", "\r\n"),
        "a: b\n...\n",
        "---\na: 1\n",
        "目录: 中文：值\n单位: 托克逊县  \n",
        "a: 'it''s'\nb: \"x\\\"y\"\n",
        "a: x # 1\nb: 100 %\nc: A&B\n",
    ],
    ids=["numbers", "shapes", "crlf", "document-end", "document-start", "cjk", "quotes", "look-alikes"],
)
def test_fast_path_reads_what_the_round_trip_loader_reads(text):
    assert fast(text) is not fastyaml.UNDECIDED
    assert differences(fast(text), round_trip(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key: ruamel names both places
        "a: &x [1]\nb: *x\n",  # anchors and aliases: ruamel counts and bounds them
        "base: &b {x: 1}\nc:\n  <<: *b\n",
        "c:\n  <<: {x: 1}\n",  # merge key
        "a: !!str 12\n",  # tags
        "a: !python/object:os.system x\n",
        "%YAML 1.1\n---\na: yes\n",  # directive: other resolution rules
        "a:\tb\n",  # tabs
        "a: b\u2028c\n",  # a line break only YAML 1.1 counts
        "a: [1, 2\n",  # any libyaml error
        "a: 1\n---\nb: 2\n",  # two documents
        "a: 1\n---\n",
        "a:\n  # a comment between an empty value and the next key\nb: 1\n",
        "a: {b: , c: 1}\n",  # an empty value inside braces
        "",  # empty
        "just text\n",  # not a mapping
        "? [a, b]\n: 1\n",  # complex key
        'a: "\\ud800"\n',  # lone surrogate escape
        "- " * 70 + "x\n",  # deeper than MAX_DEPTH
    ],
)
def test_fast_path_leaves_to_ruamel_what_only_ruamel_can_say(text):
    assert fast(text) is fastyaml.UNDECIDED


def test_duplicate_keys_are_still_named_with_their_line(tmp_path):
    path = tmp_path / "p.yaml"
    with pytest.raises(InvalidProfile) as caught:
        load.parse_profile_text("单位: 甲\n年度: 2024\n单位: 乙\n", path)
    assert [(d.line, d.column) for d in caught.value.diagnostics] == [(3, 1)]


def test_deep_flow_nesting_never_reaches_libyaml(tmp_path):
    """libyaml's composer recurses in C: 60,000 brackets crash the interpreter, not raise."""
    code = (
        "from pathlib import Path\n"
        "from reportgen import load\n"
        "from reportgen.errors import InvalidProfile\n"
        "try:\n"
        "    load.parse_profile_text('a: ' + '[' * 300000 + ']' * 300000, Path('p.yaml'))\n"
        "except InvalidProfile as exc:\n"
        "    print(exc.diagnostics[0].line)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout) == (0, "1\n")


@pytest.mark.parametrize("line_end", ["\r", "\n\r"])
def test_deep_block_nesting_after_a_lone_carriage_return_never_reaches_libyaml(line_end):
    """libyaml also ends a line at a lone "\r": indentation after one must count as a line's too."""
    code = (
        "from pathlib import Path\n"
        "from reportgen import load\n"
        "from reportgen.errors import InvalidProfile\n"
        "try:\n"
        f"    load.parse_profile_text('a:' + {line_end!r} + '- ' * 200000 + 'x\\n', Path('p.yaml'))\n"
        "except InvalidProfile as exc:\n"
        "    print('refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout) == (0, "refused\n")


def test_windows_line_ends_stay_on_the_fast_path():
    assert fast("单位: 甲\r\n年度: 2024\r\n") == {"单位": "甲", "年度": 2024}


@PROPERTY
@given(text=st.text() | yamlish_text)
def test_any_text_reads_the_same_on_both_paths(text):
    assert_same_or_undecided(text)


@PROPERTY
@given(data=yaml_data)
def test_any_dumped_data_reads_the_same_on_both_paths(data):
    assert_same_or_undecided(dump({"单位": data}))


@pytest.mark.parametrize("text", ["?\n", ": x\n", "a: 1\n? b\n: 2\n"])
def test_explicit_and_empty_keys_are_left_to_ruamel(text):
    """Found by the property above: ruamel and libyaml place an empty key's value apart."""
    assert fast(text) is fastyaml.UNDECIDED


@pytest.mark.parametrize(
    "text",
    [
        '{"a":&x [1], "b":*x}\n',  # anchor and alias where the text screen cannot see them
        '{"a":&x 1, "b":*x}\n',
        "a: 1\nb:\n  c: 2\n  c: 3\n",  # a key seen before, deeper down
    ],
)
def test_aliases_and_repeated_keys_the_text_does_not_show_are_left_to_ruamel(text):
    assert fast(text) is fastyaml.UNDECIDED


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        fast(SHAPES)
        fast("a: [1, 2\n")  # a libyaml error on the way
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
