"""Stage 1, fast path: compose a profile with libyaml (PyYAML's C parser) and build the same
CommentedMap/CommentedSeq, with the same `.lc` positions, as ruamel's round-trip loader.

ruamel.yaml's pure-Python reader takes about 1 µs a character, most of a build. libyaml
gives every node its start line and column too, so for the plain YAML profiles are written
in we build ruamel's data types ourselves, resolving plain scalars with ruamel's own YAML
1.2 table and constructing them as `load._ProfileConstructor` does.

Anything this path is not sure to read exactly as ruamel does — an error, a directive, an
anchor, alias or tag, a merge key, a duplicate key, tabs, odd line breaks, deep nesting, a
huge document, or PyYAML without libyaml — returns `UNDECIDED`, and load.py reads the text
with ruamel instead, so every message and position stays ruamel's. The data built here has
no comments: anything that writes a profile back must use the round-trip loader.
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from decimal import Decimal
from typing import Any, Final

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

UNDECIDED: Final = object()

# Deeper than this (an upper bound, counted on the text) and libyaml's recursive C composer
# could exhaust a thread's stack (it crashes at about 60,000 levels on an 8 MB stack); ruamel
# refuses anything over load.MAX_DEPTH with a message anyway.
_MAX_NESTING_BOUND = 200

# What the fast path leaves to ruamel, seen on the text: a directive, an anchor, alias, tag
# or explicit key (`?`) where a token starts, a tab, a byte-order mark inside the text, and the line breaks YAML
# 1.1 and 1.2 count differently (NEL, LS, PS). False alarms only cost speed.
_UNDECIDED_TEXT = re.compile(r"^%|(?:^|(?<=[\s\[\]{},]))[&*!?]|[\t\ufeff\x85\u2028\u2029]", re.MULTILINE)
# Any character _UNDECIDED_TEXT starts with: a plain character-class search is ~100× faster than
# its look-behind, and most profiles contain none of them.
_UNDECIDED_CHARS = re.compile(r"[&*!?\t\ufeff\x85\u2028\u2029]")

_PLAIN_INT = re.compile(r"[-+]?[0-9]+")
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)")
_TAG = "tag:yaml.org,2002:"
_BLANK = re.compile(r"[ \r\n]*")
_BREAK = re.compile(r"\r\n|\r|\n")


_set_item = OrderedDict.__setitem__
_contains = OrderedDict.__contains__


class _Undecided(Exception):
    pass


@functools.cache
def _loader_class() -> Any:
    """PyYAML's C parser, with scalar resolution left to us (None without libyaml)."""
    try:
        import yaml
        from yaml.cyaml import CParser
    except ImportError:
        return None
    if not getattr(yaml, "__with_libyaml__", False):
        return None

    class _Composer(CParser):  # type: ignore[misc]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            # Only "is it plain?" matters here: _scalar resolves plain values with ruamel's table.
            return "plain" if kind is yaml.ScalarNode and implicit[0] else "other"

        def descend_resolver(self, parent: Any, index: Any) -> None:  # no path resolvers
            pass

        def ascend_resolver(self) -> None:
            pass

    return _Composer


@functools.cache
def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """ruamel's implicit resolvers for YAML 1.2 (its default), by first character."""
    from ruamel.yaml.resolver import VersionedResolver

    return VersionedResolver(version=(1, 2)).versioned_resolver  # type: ignore[no-any-return]


def parse_fast(text: str, max_depth: int, max_nodes: int) -> Any:
    """The profile's data as ruamel's round-trip loader (load._make_yaml) would build it, or
    UNDECIDED where only ruamel can say (including every error)."""
    loader = _loader_class()
    if loader is None or _undecided_text(text) or _nesting_bound(text) > _MAX_NESTING_BOUND:
        return UNDECIDED
    try:
        parser = loader(text)
        try:
            root = parser.get_single_node()
        finally:
            parser.dispose()
    except Exception:  # any libyaml error: ruamel reads it again and explains it
        return UNDECIDED
    if root is None or not isinstance(root.value, list):
        return UNDECIDED  # empty, or a scalar at the root: ruamel's messages say which
    builder = _Builder(text, max_depth, max_nodes)
    try:
        return builder.build(root, 1)
    except _Undecided:
        return UNDECIDED


def _undecided_text(text: str) -> bool:
    directive = text.startswith("%") or "\n%" in text
    return (directive or _UNDECIDED_CHARS.search(text) is not None) and _UNDECIDED_TEXT.search(text) is not None


def _nesting_bound(text: str) -> int:
    """At least as deep as the text can nest: every flow bracket, plus the longest run of
    indentation and block indicators that starts a line, plus two."""
    lead = max(len(line) - len(line.lstrip(" ?:-")) for line in text.split("\n"))
    return text.count("[") + text.count("{") + lead + 2


class _Builder:
    """libyaml nodes → CommentedMap/CommentedSeq/scalars, with ruamel's `.lc` positions."""

    def __init__(self, text: str, max_depth: int, max_nodes: int):
        self.text = text
        self.max_depth = max_depth
        self.nodes_left = max_nodes
        self.seen: set[int] = set()

    def build(self, node: Any, depth: int) -> Any:
        self.nodes_left -= 1
        if depth > self.max_depth or self.nodes_left < 0 or id(node) in self.seen:
            raise _Undecided  # too deep, too large, or an alias: ruamel's bounds decide
        self.seen.add(id(node))
        if node.tag == "plain" or node.tag == "other":
            return _scalar(node) if isinstance(node.value, str) else self._collection(node, depth)
        raise _Undecided

    def _collection(self, node: Any, depth: int) -> Any:
        # ruamel's own setters, inlined: CommentedMap.__setitem__ and the .lc property cost
        # more than the rest of the build (keys are known to be new: _key checks).
        mark = node.start_mark
        positions: dict[Any, list[int]] = {}
        if node.id == "mapping":
            data: Any = CommentedMap()
            own_keys = data._ok
            for key_node, value_node in node.value:
                key = self._key(key_node, data)
                _set_item(data, key, self.build(value_node, depth + 1))
                own_keys.add(key)
                key_mark = key_node.start_mark
                positions[key] = [key_mark.line, key_mark.column, *self._value_position(node, value_node)]
        else:
            data = CommentedSeq()
            items = []
            for index, child in enumerate(node.value):
                items.append(self.build(child, depth + 1))
                positions[index] = [child.start_mark.line, child.start_mark.column]
            data.extend(items)
        lc = data.lc
        lc.line, lc.col = mark.line, mark.column
        if positions:
            lc.data = positions
        if data:  # as ruamel's set_collection_style
            if node.flow_style is True:
                data.fa.set_flow_style()
            elif node.flow_style is False:
                data.fa.set_block_style()
        return data

    def _value_position(self, mapping: Any, node: Any) -> tuple[int, int]:
        """Where ruamel places a mapping value. An empty value (`key:`) is the one place the
        parsers differ: libyaml marks the end of the colon, ruamel the start of the next
        token after blank lines; with a comment in between ruamel's choice depends on where
        the comment goes, so that is left to it, as is an empty value inside braces."""
        mark = node.start_mark
        if node.tag != "plain" or node.value or mark.index != node.end_mark.index:
            return mark.line, mark.column
        if mapping.flow_style:
            raise _Undecided
        match = _BLANK.match(self.text, mark.index)
        if self.text.startswith("#", match.end()):
            raise _Undecided
        breaks = _BREAK.findall(match.group())
        if not breaks:
            return mark.line, mark.column + len(match.group())
        return mark.line + len(breaks), len(match.group()) - match.group().rfind(breaks[-1][-1]) - 1

    def _key(self, node: Any, mapping: CommentedMap) -> str:
        """Keys are text as typed (load._check_nodes); a list, an empty key, a block scalar, a
        merge key or a key seen before is left to ruamel."""
        self.nodes_left -= 1
        value = node.value
        if not isinstance(value, str) or not value or node.style in ("|", ">") or _contains(mapping, value):
            raise _Undecided
        if node.tag == "plain" and value == "<<":
            raise _Undecided
        return str(value)


def _scalar(node: Any) -> Any:
    """As load._ProfileConstructor constructs it: plain numbers as typed, the rest as text."""
    value: str = node.value
    if node.tag != "plain":
        if node.style == "|":
            return LiteralScalarString(value)
        if node.style == ">":
            return FoldedScalarString(value)
        return value
    tag = _resolve_plain(value)
    if tag is None:
        return value
    if tag == "int":
        return int(value) if _PLAIN_INT.fullmatch(value) else value
    if tag == "float":
        return Decimal(value) if _PLAIN_DECIMAL.fullmatch(value) else value
    if tag == "null":
        return None
    if tag == "bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "timestamp":
        return value
    raise _Undecided  # merge, value, or a tag this path does not know


@functools.cache
def _resolvers_for(first: str) -> list[tuple[str, re.Pattern[str]]]:
    table = _resolvers()
    return table.get(first, []) + table.get(None, [])  # type: ignore[no-any-return]


def _resolve_plain(value: str) -> str | None:
    """ruamel's VersionedResolver.resolve for a plain scalar: the short tag, None for text."""
    for tag, regexp in _resolvers_for(value[0] if value else ""):
        if regexp.match(value):
            return tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    return None
