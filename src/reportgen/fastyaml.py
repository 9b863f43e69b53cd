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
import gc
import re
from collections import OrderedDict
from decimal import Decimal
from typing import Any, Final

from ruamel.yaml.comments import CommentedMap, CommentedSeq, Format, LineCol
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

UNDECIDED: Final = object()

# Deeper than this (an upper bound, counted on the text) and libyaml's recursive C composer
# could exhaust a thread's stack (it crashes at about 60,000 levels on an 8 MB stack); ruamel
# refuses anything over load.MAX_DEPTH with a message anyway.
_MAX_NESTING_BOUND = 200
_LONG_LEAD = 100
_LONG_LEAD_FIRST_LINE = re.compile(f"[ ?:-]{{{_LONG_LEAD}}}")
_LONG_LEAD_LINE = re.compile(f"\n[ ?:-]{{{_LONG_LEAD}}}")

# What the fast path leaves to ruamel, seen on the text (_undecided_text): a directive, an
# anchor, alias, tag or explicit key (`?`) where a token starts, a tab, a byte-order mark inside
# the text, and the line breaks YAML 1.1 and 1.2 count differently (NEL, LS, PS). False alarms
# only cost speed.
_UNDECIDED_CHARS = "\t\ufeff\x85\u2028\u2029"
# An indicator where a token starts: at the text's start, or after a blank or a flow character.
# Each is searched for on its own, led by the indicator (and only when `in` finds it in the
# text): one search with a look-behind first and alternatives tests every character and takes
# ~0.5 ms on a profile with one "*" in a comment.
_TOKEN_INDICATORS = "&*!?"
_AFTER_TOKEN_BREAK = r"{0}(?<=[\s\[\]{{}},]{0})"

# The patterns of rarer paths stay text: re compiles (and keeps) them on first use, not at every start.
_PLAIN_INT = r"[-+]?[0-9]+"
_PLAIN_DECIMAL = r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)"
_TAG = "tag:yaml.org,2002:"
_BLANK = r"[ \r\n]*"
_BREAK = r"\r\n|\r|\n"


_set_item = OrderedDict.__setitem__


class _Undecided(Exception):
    pass


# How the composer tags a node (the loader's resolve()): a plain scalar, which _plain reads, or
# anything else. The builder compares tags by identity: a tag written in the text is a new
# string, never one of these.
_PLAIN = "plain"
_OTHER = "other"
_BLOCK_STYLES = ("|", ">")


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
    scalar_node = yaml.ScalarNode

    class _Composer(CParser):  # type: ignore[misc]
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return _PLAIN if kind is scalar_node and implicit[0] else _OTHER

        def descend_resolver(self, parent: Any, index: Any) -> None:  # no path resolvers
            pass

        def ascend_resolver(self) -> None:
            pass

    return _Composer


@functools.cache
def _resolvers() -> dict[Any, list[tuple[str, Any]]]:
    """ruamel's implicit resolvers for YAML 1.2 (its default), by first character."""
    from ruamel.yaml.resolver import VersionedResolver

    return VersionedResolver(version=(1, 2)).versioned_resolver  # type: ignore[no-any-return]


@functools.cache
def _resolvers_by_first() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    """ruamel's VersionedResolver.resolve for a plain scalar, by its first character ("" when
    empty; None for any character no resolver names): the resolvers to try, in its order, as short
    tags ("int") and the compiled patterns themselves (ruamel keeps each behind a proxy,
    util.LazyEval, that costs a call every use). Read off ruamel's table once, not per character
    seen, so it holds no more than that table."""
    table = _resolvers()
    generic = list(table.get(None, []))

    def unwrapped(resolvers: list[Any]) -> list[tuple[str, re.Pattern[str]]]:
        return [(tag.removeprefix(_TAG), _unwrapped(regexp)) for tag, regexp in resolvers]

    by_first = {first: unwrapped(list(resolvers) + generic) for first, resolvers in table.items() if first is not None}
    by_first[None] = unwrapped(generic)
    return by_first


def _unwrapped(regexp: Any) -> re.Pattern[str]:
    """The pattern behind the proxy, compiled by the proxy itself: compiling `regexp.pattern`
    again would compile it twice (its flags read back differ from those it was made with)."""
    if type(regexp) is re.Pattern:
        return regexp
    lazy_self = getattr(regexp, "lazy_self", None)
    return lazy_self() if lazy_self is not None else re.compile(regexp.pattern, regexp.flags)


def parse_fast(text: str, max_depth: int, max_nodes: int) -> Any:
    """The profile's data as ruamel's round-trip loader (load._make_yaml) would build it, or
    UNDECIDED where only ruamel can say (including every error)."""
    loader = _loader_class()
    if loader is None or _undecided_text(text) or _may_nest_too_deep(text):
        return UNDECIDED
    # libyaml's nodes (thousands of objects, with their marks) all die by reference counting
    # once the data is built: a garbage collection meanwhile would only walk them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compose_and_build(loader, text, max_depth, max_nodes)
    finally:
        if collecting:
            gc.enable()


def _compose_and_build(loader: Any, text: str, max_depth: int, max_nodes: int) -> Any:
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
    if "&" in text and _reaches_a_node_twice(root):
        return UNDECIDED  # an alias: ruamel counts and bounds them
    builder = _Builder(text, max_depth, max_nodes)
    try:
        return builder.build(root, 1)
    except _Undecided:
        return UNDECIDED


def _undecided_text(text: str) -> bool:
    if text.startswith("%") or "\n%" in text or any(char in text for char in _UNDECIDED_CHARS):
        return True
    # A lone "\r" ends a line for libyaml but not for _may_nest_too_deep, which could then let
    # nesting deep enough to overflow libyaml's recursion (a crash, not an error) through.
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return True
    return any(_starts_a_token(char, text) for char in _TOKEN_INDICATORS if char in text)


def _starts_a_token(indicator: str, text: str) -> bool:
    pattern = _AFTER_TOKEN_BREAK.format(re.escape(indicator))
    return text.startswith(indicator) or re.search(pattern, text) is not None


def _may_nest_too_deep(text: str) -> bool:
    """Whether _nesting_bound(text) may exceed _MAX_NESTING_BOUND. Most texts are settled by
    two searches led by a line break, much faster than reading every line: without a line
    that starts with _LONG_LEAD characters, the bound is at most the brackets + _LONG_LEAD + 1."""
    brackets = text.count("[") + text.count("{")
    if brackets + _LONG_LEAD + 1 <= _MAX_NESTING_BOUND and not (
        _LONG_LEAD_FIRST_LINE.match(text) or _LONG_LEAD_LINE.search(text)
    ):
        return False
    return _nesting_bound(text) > _MAX_NESTING_BOUND


def _nesting_bound(text: str) -> int:
    """At least as deep as the text can nest: every flow bracket, plus the longest run of
    indentation and block indicators that starts a line, plus two."""
    lead = max(len(line) - len(line.lstrip(" ?:-")) for line in text.split("\n"))
    return text.count("[") + text.count("{") + lead + 2


def _reaches_a_node_twice(root: Any) -> bool:
    """Whether a node is reached twice (an alias; it may even contain itself)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if node.id == "mapping":
            stack.extend(child for pair in node.value for child in pair)
        elif node.id == "sequence":
            stack.extend(node.value)
    return False


class _Builder:
    """libyaml nodes → CommentedMap/CommentedSeq/scalars, with ruamel's `.lc` positions.

    The loops read plain scalars, most values, with one call and no detour through build():
    a profile has hundreds of nodes, and a Python call costs about as much as reading one."""

    def __init__(self, text: str, max_depth: int, max_nodes: int):
        self.text = text
        self.max_depth = max_depth
        self.nodes_left = max_nodes - 1  # the root

    def build(self, node: Any, depth: int) -> Any:
        """The value of `node`, at nesting `depth` (the root's is 1)."""
        tag = node.tag
        if tag is _PLAIN:
            return _plain(node.value)
        if tag is not _OTHER:
            raise _Undecided  # a tag written in the text
        if isinstance(node.value, str):
            return _quoted_or_block(node)
        if node.value and depth >= self.max_depth:
            raise _Undecided  # its items would be too deep: ruamel's bound decides
        if node.id == "mapping":
            return self._mapping(node, depth + 1)
        return self._sequence(node, depth + 1)

    def _count(self, nodes: int) -> None:
        self.nodes_left -= nodes
        if self.nodes_left < 0:
            raise _Undecided  # too large: ruamel's bound decides

    def _mapping(self, node: Any, depth: int) -> CommentedMap:
        # ruamel's own setters, inlined: CommentedMap.__setitem__ and the .lc property cost
        # more than the rest of the build.
        self._count(2 * len(node.value))
        data = CommentedMap()
        positions = {}
        for key_node, value_node in node.value:
            key = key_node.value
            # Keys are text as typed (load._check_nodes); a list, an empty key, a block scalar
            # or a merge key is left to ruamel (and a key seen before, below).
            if (
                not isinstance(key, str)
                or not key
                or key_node.style in _BLOCK_STYLES
                or (key == "<<" and key_node.tag is _PLAIN)
            ):
                raise _Undecided
            value = _plain(value_node.value) if value_node.tag is _PLAIN else self.build(value_node, depth)
            _set_item(data, key, value)
            key_mark = key_node.start_mark
            if value is None:
                value_line, value_column = self._empty_value_position(node, value_node)
            else:
                value_mark = value_node.start_mark
                value_line, value_column = value_mark.line, value_mark.column
            positions[key] = [key_mark.line, key_mark.column, value_line, value_column]
        if len(positions) < len(node.value):
            raise _Undecided  # a key seen before: ruamel names both places
        data._ok.update(positions)  # the keys of its own, as CommentedMap.__setitem__ records them
        _set_positions(data, node, positions)
        return data

    def _sequence(self, node: Any, depth: int) -> CommentedSeq:
        self._count(len(node.value))
        items = []
        positions = {}
        for index, child in enumerate(node.value):
            items.append(_plain(child.value) if child.tag is _PLAIN else self.build(child, depth))
            mark = child.start_mark
            positions[index] = [mark.line, mark.column]
        data = CommentedSeq(items)
        _set_positions(data, node, positions)
        return data

    def _empty_value_position(self, mapping: Any, node: Any) -> tuple[int, int]:
        """Where ruamel places a mapping value read as None. An empty value (`key:`) is the
        one place the parsers differ: libyaml marks the end of the colon, ruamel the start of
        the next token after blank lines; with a comment in between ruamel's choice depends
        on where the comment goes, so that is left to it, as is an empty value inside braces."""
        mark = node.start_mark
        if node.tag is not _PLAIN or node.value or mark.index != node.end_mark.index:
            return mark.line, mark.column
        if mapping.flow_style:
            raise _Undecided
        match = re.compile(_BLANK).match(self.text, mark.index)
        if self.text.startswith("#", match.end()):
            raise _Undecided
        breaks = re.findall(_BREAK, match.group())
        if not breaks:
            return mark.line, mark.column + len(match.group())
        return mark.line + len(breaks), len(match.group()) - match.group().rfind(breaks[-1][-1]) - 1


def _set_positions(data: CommentedMap | CommentedSeq, node: Any, positions: dict[Any, list[int]]) -> None:
    """The collection's position, its items' and its flow style, as ruamel's constructor sets
    them. Set directly: the .lc and .fa properties each cost a failed hasattr() on first use."""
    mark = node.start_mark
    line_col = LineCol()
    line_col.line, line_col.col = mark.line, mark.column
    if positions:
        line_col.data = positions
    setattr(data, LineCol.attrib, line_col)
    if positions and node.flow_style is not None:  # a non-empty collection, as ruamel's set_collection_style
        style = Format()
        if node.flow_style:
            style.set_flow_style()
        else:
            style.set_block_style()
        setattr(data, Format.attrib, style)


def _quoted_or_block(node: Any) -> str:
    # str.__new__ is what the classes' own __new__ calls (after two Python calls, to set an
    # anchor the fast path never has): a quarter of the cost.
    if node.style == "|":
        return str.__new__(LiteralScalarString, node.value)
    if node.style == ">":
        return str.__new__(FoldedScalarString, node.value)
    return node.value  # type: ignore[no-any-return]


def _plain(value: str) -> Any:
    """As load._ProfileConstructor constructs a plain scalar: numbers as typed, the rest as text."""
    by_first = _resolvers_by_first()
    resolvers = by_first.get(value[:1]) or by_first[None]
    if not resolvers:  # most text: no type YAML infers starts with its first character
        return value
    if value.isdigit() and value.isascii():  # the commonest number: YAML 1.2 reads only an int here
        return int(value)
    tag = next((tag for tag, regexp in resolvers if regexp.match(value)), None)
    if tag is None:
        return value
    if tag == "int":
        return int(value) if re.fullmatch(_PLAIN_INT, value) else value
    if tag == "float":
        return Decimal(value) if re.fullmatch(_PLAIN_DECIMAL, value) else value
    if tag == "null":
        return None
    if tag == "bool":
        return value.lower() in ("true", "yes", "on")
    if tag == "timestamp":
        return value
    raise _Undecided  # merge, value, or a tag this path does not know
