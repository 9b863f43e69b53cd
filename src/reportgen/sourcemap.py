"""Map a path in the profile (pydantic `loc`, or a check's path) to line and column.

ruamel's CommentedMap/CommentedSeq keep 0-based positions in `.lc`; we print 1-based.
A path may name a key that is absent (a missing field) or a step the YAML does not have
(pydantic's union tags, a single mapping coerced to a list): then the nearest position
that exists is used. A check may also point at one character inside a string value
(`locate_in_value`), for which the profile's text is needed.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq


def locate(root: Any, path: Sequence[str | int]) -> tuple[int | None, int | None]:
    """1-based (line, column) of the value at `path`, or of its nearest existing ancestor."""
    node = root
    position = _start(root)
    for step in path:
        child_position, child = _step(node, step)
        if child_position is None:
            continue  # a step the YAML does not have: stay at the nearest known place
        position, node = child_position, child
    return position


def _start(node: Any) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return (1, 1) if node is not None else (None, None)
    return lc.line + 1, lc.col + 1


def _step(node: Any, step: str | int) -> tuple[tuple[int, int] | None, Any]:
    if isinstance(node, CommentedMap) and step in node and step in node.lc.data:
        value = node[step]
        # Point at the value for scalars (what is wrong), at the key for nested blocks.
        # (A key merged in with `<<: *anchor` has no position of its own: not this branch.)
        line, col = node.lc.value(step) if _is_scalar(value) else node.lc.key(step)
        return (line + 1, col + 1), value
    if isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
        line, col = node.lc.item(step)
        return (line + 1, col + 1), node[step]
    return None, node


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, CommentedMap | CommentedSeq)


def key_position(root: Any, path: Sequence[str | int]) -> tuple[int | None, int | None]:
    """Position of the key itself (for "unknown field" messages that point at the key)."""
    if not path:
        return _start(root)
    parent_path, last = list(path[:-1]), path[-1]
    node = root
    for step in parent_path:
        _, node = _step(node, step)
    if isinstance(node, CommentedMap) and last in node and last in node.lc.data:
        line, col = node.lc.key(last)
        return line + 1, col + 1
    return locate(root, path)


# ---------------------------------------------------------------- inside a string value

# Line breaks as ruamel's reader counts them, so our lines are its lines.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# How many significant characters either side must agree before a place is trusted.
_CONFIRM = 3


class SourceText:
    """A profile's text with its line starts: index ↔ 0-based (line, column)."""

    def __init__(self, text: str):
        self.text = text
        if _OTHER_BREAKS.search(text):
            self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        else:  # only "\n": five times faster than the regex with alternatives
            self._starts = list(itertools.accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))

    def index(self, line: int, column: int) -> int | None:
        if not 0 <= line < len(self._starts):
            return None
        index = self._starts[line] + column
        return index if index < len(self.text) else None

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) of a character index."""
        line = bisect.bisect_right(self._starts, index) - 1
        return line + 1, index - self._starts[line] + 1

    def next_line(self, index: int) -> int:
        line = bisect.bisect_right(self._starts, index)
        return self._starts[line] if line < len(self._starts) else len(self.text)


def locate_in_value(
    root: Any, source: SourceText, path: Sequence[str | int], offset: int
) -> tuple[int | None, int | None]:
    """1-based (line, column) of character `offset` of the string at `path`.

    `offset` counts from the value's first non-blank character (the schema strips text).
    ruamel only knows where the value starts; inside a block scalar (`|-`), a folded or a
    quoted one, the characters are not where simple arithmetic puts them. So the k-th
    occurrence of that character after the value's start is taken, and trusted only if
    the significant characters around it agree with the value's; otherwise the value's
    own position is the answer.
    """
    fallback = locate(root, path)
    found = _value_node(root, path)
    if found is None or not source.text:
        return fallback
    value, (line, column) = found
    start = source.index(line, column)
    lead = len(value) - len(value.lstrip())
    offset += lead
    if start is None or not 0 <= offset < len(value):
        return fallback
    style = source.text[start]
    content = source.next_line(start) if style in "|>" else start + 1 if style in "'\"" else start
    char = value[offset]
    needle = _raw_form(char, style)
    index = _nth_occurrence(source.text, content, needle, value[:offset].count(char))
    if index is None or not _agrees(source.text, content, index, index + len(needle), style, value, offset):
        return fallback
    return source.position(index)


def _value_node(root: Any, path: Sequence[str | int]) -> tuple[str, tuple[int, int]] | None:
    """The string at `path` and its 0-based start, when every step of the path exists."""
    node, position = root, None
    for step in path:
        if isinstance(node, CommentedMap) and step in node and step in node.lc.data:
            position, node = node.lc.value(step), node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            position, node = node.lc.item(step), node[step]
        else:
            return None
    if not isinstance(node, str) or position is None or position[0] is None:
        return None
    return str(node), position


# How a quoted scalar writes the characters it must escape.
_ESCAPES = {"'": {"'": "''"}, '"': {'"': '\\"', "\\": "\\\\"}}


def _raw_form(char: str, style: str) -> str:
    """How a character of the value is written in the file in this scalar style."""
    return _ESCAPES.get(style, {}).get(char, char)


def _nth_occurrence(text: str, start: int, needle: str, n: int) -> int | None:
    """Index of the (n+1)-th `needle` from `start`, occurrences not overlapping."""
    index = start - len(needle)
    for _ in range(n + 1):
        index = text.find(needle, index + len(needle))
        if index < 0:
            return None
    return index


def _agrees(text: str, content: int, start: int, end: int, style: str, value: str, offset: int) -> bool:
    """Whether the significant characters either side of text[start:end] are the value's."""
    before = _significant(value[:offset])[-_CONFIRM:]
    after = _significant(value[offset + 1 :])[:_CONFIRM]
    window = 4 * _CONFIRM + 80  # room for indentation and escapes
    raw_before = _significant(_unescape(text[max(content, start - window) : start], style))
    raw_after = _significant(_unescape(text[end : end + window], style))
    return raw_before.endswith(before) and raw_after.startswith(after)


def _unescape(raw: str, style: str) -> str:
    for char, escaped in _ESCAPES.get(style, {}).items():
        raw = raw.replace(escaped, char)
    return raw


def _significant(text: str) -> str:
    return "".join(text.split())
