"""Read a profile's lines as a clerk wrote them, to name the mistakes ruamel.yaml misreads.

Full-width spaces or tabs as indentation, "－" typed for "-", "name:值" without a space, a
quote left open: ruamel.yaml reads past each of them and reports something else, often
lines later ("mapping values are not allowed here"). This module classifies lines (the
structure, or text inside a value) and reports the real mistake at its own line:column.

A problem is `certain` when the line can only be a mistake: load reports it even when ruamel
reads the file (it would otherwise become an odd key or text and a confusing schema error).
Odd indentation is not certain on its own: it explains a parse error at or after its line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field

from reportgen import messages


@dataclass(frozen=True)
class LineProblem:
    line: int  # 0-based, like ruamel's marks
    column: int  # 0-based
    message: str
    certain: bool = True


# The patterns that read the lines, compiled on first use (_compiled): most profiles are never
# read line by line, and compiling them all would cost about a millisecond of every start.

# Line breaks as ruamel's reader counts them, so our line numbers are its line numbers.
_LINE_BREAK = "\r\n|[\r\n\x85\u2028\u2029]"
# What a clerk's editor shows as blank at the start of a line; only " " indents YAML.
_BLANKS = " \t\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff"
_LEAD = f"[{_BLANKS}]*"
_DASHES = r"-(?: +|$)"
# A full-width hyphen, an em dash or an en dash where "- " belongs ("——" is Chinese punctuation).
_LOOKALIKE_MARK = "([－—–])[ \u3000]+(?=[^ \u3000—])"
# A key as YAML reads one: plain text up to the first ":" followed by a blank or the line's end.
_NOT_KEY_START = set(" \t\"'[]{}#&*!|>%@`,")
_KEY_COLON = r":(?=[ \t]|$)"
_QUOTED_KEY = r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'"""
_KEY_AFTER_QUOTE = r"[ \t]*:(?=[ \t]|$)"
# "name:土城子乡": an identifier, a colon, then at once something that is not a blank or a URL's "/".
_NO_SPACE = r"([A-Za-z_][A-Za-z0-9_]*):(?=[^\s/\\:])"
_WIDE_COLON = r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*："
_KEYLIKE_LINE = r"( *)(?:- +)*([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?=[ \t]|$)"
_PROPERTY = r"(?:[&!][^\s]*[ \t]*)+"  # anchors and tags before a value
_BLOCK_SCALAR = r"[|>][-+0-9]*[ \t]*(?:#.*)?$"


@dataclass
class _Previous:
    """The last line that was part of the structure (or the first line of a value)."""

    indent: int  # column of its key (or of its last "- ")
    opens: bool  # ends in "key:" or "-": the next, deeper line is its value
    marked: bool = False  # began with a look-alike list mark: so may the next lines
    text_column: int | None = None  # a value's first line: where its text starts


@dataclass
class _Quote:
    char: str
    line: int
    column: int
    indent: int  # the key's column: a key at or left of it cannot be inside the value
    swallowed: tuple[int, str] | None = None  # first such key line: (0-based line, text)


@dataclass
class _State:
    block_parent: int | None = None  # inside a block scalar (| or >) deeper than this column
    quote: _Quote | None = None
    flow_depth: int = 0
    previous: _Previous | None = None
    levels: list[int] = field(default_factory=lambda: [-1])
    # "? " seen, or a line indented with other blanks: leave indentation verdicts to the parser
    unsure: bool = False


# A superset of the lines that can hold a `certain` problem: a blank other than a space in the
# indentation, a look-alike list mark, a key before "：" or glued to its value. Reading every
# line costs ~1 ms a profile; a clean one skips it.
_ODD_BLANKS = _BLANKS.replace(" ", "")
# Each search starts with one character, which Python's regex engine finds with a fast scan;
# a search led by a character class (or with alternatives) tests every character, ~10× slower.
# " *+" takes all the spaces at once: giving some back cannot help, and would cost more than
# the rest of the search on every indented line.
_SCREENS = (
    f"\n *+[{_ODD_BLANKS}]",  # the first line: _starts_with_odd_blank
    f"\r *+[{_ODD_BLANKS}]",
    "－[ \u3000]",
    "—[ \u3000]",
    "–[ \u3000]",
)
# A key's last letter (and its digits), then "：" or ":" glued to a value; not the whole key, as
# a search from inside a long run of letters would be quadratic. A false alarm ("a9:00") only
# costs the line reading. This search is led by a character class, so it only runs when one of
# the colons (searches led by themselves) has what the key needs just before it: a letter, one
# or two digits after a letter (so not "16:37"), or three digits; for "：", also a blank. (The
# character after ":" is looked at first: after most colons, those of keys, it is a space.)
_GLUED_KEY = r"[A-Za-z_][0-9]*(?:[ \t]*：|:[^\s/\\:])"
_GLUED_KEY_COLONS = (
    r":(?=[^\s/\\:])(?:(?<=[A-Za-z_]:)|(?<=[A-Za-z_][0-9]:)|(?<=[A-Za-z_][0-9]{2}:)|(?<=[0-9]{3}:))",
    "：(?<=[A-Za-z_0-9 \t]：)",
)
_OTHER_BREAKS = "\x85\u2028\u2029"


def may_have_certain_problems(text: str) -> bool:
    """False only when find_line_problems(text) cannot return a `certain` problem, so a
    file that parses can skip the line-by-line reading."""
    if (
        any(char in text for char in _OTHER_BREAKS)
        or _starts_with_odd_blank(text)
        or any(_found(screen, text) for screen in _SCREENS)
        or (any(_found(colon, text) for colon in _GLUED_KEY_COLONS) and _found(_GLUED_KEY, text))
    ):
        return True
    # A quote left open must be the first on its line with no closing one after it: each
    # line holding quotes has them in pairs, with no backslash escape, unless it is reported.
    return any(("\\" in line or line.count('"') % 2 or line.count("'") % 2) for line in _lines_holding_quotes(text))


def _found(pattern: str, text: str) -> bool:
    """Whether the pattern is in the text; one led by a character is not even compiled when
    the character is not there (`in` is faster still than the regex engine's scan)."""
    if pattern[0] != "[" and pattern[0] not in text:
        return False
    return _compiled(pattern).search(text) is not None


def _starts_with_odd_blank(text: str) -> bool:
    first = text.lstrip(" ")[:1]
    return first != "" and first in _ODD_BLANKS


# The line breaks of str.splitlines other than "\n" and _OTHER_BREAKS.
_SPLITLINES_BREAKS = "\r\v\f\x1c\x1d\x1e"


def _lines_holding_quotes(text: str) -> list[str]:
    """The lines (as str.splitlines has them: more breaks than YAML's, so a line with an odd
    count still shows one) that hold a quote. Found from the quotes when only line feeds
    break lines: a profile has hundreds of lines and few quotes, often none."""
    if '"' not in text and "'" not in text:
        return []
    if any(char in text for char in _SPLITLINES_BREAKS + _OTHER_BREAKS):
        return [line for line in text.splitlines() if '"' in line or "'" in line]
    spans = set()
    for quote in "\"'":
        index = text.find(quote)
        while index >= 0:
            start = text.rfind("\n", 0, index) + 1
            end = text.find("\n", index)
            end = len(text) if end < 0 else end
            spans.add((start, end))
            index = text.find(quote, end)
    return [text[start:end] for start, end in spans]


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled on first use (cheaper to look up here than through re's own cache)."""
    return re.compile(pattern)


def split_lines(text: str) -> list[str]:
    return _compiled(_LINE_BREAK).split(text)


def find_line_problems(text: str, known_keys: frozenset[str] = frozenset()) -> list[LineProblem]:
    """Every line-level mistake in `text`; `known_keys` are the schema's keys, to recognise
    "name:值" where a value may also be plain text."""
    state = _State()
    problems: list[LineProblem] = []
    for number, line in enumerate(split_lines(text)):
        problems.extend(_read_line(state, number, line, known_keys))
    if state.quote is not None and state.quote.swallowed is not None:
        problems.append(_unclosed(state.quote))
    return problems


def _read_line(state: _State, number: int, line: str, known_keys: frozenset[str]) -> Iterator[LineProblem]:
    if state.block_parent is not None:
        if not line.strip(" ") or _indent(line) > state.block_parent:
            return
        state.block_parent = None
    if state.quote is not None:
        yield from _inside_quote(state, number, line)
        return
    if state.flow_depth:
        _scan_flow(state, number, line, 0)
        return
    stripped = line.strip(_BLANKS)
    if not stripped or stripped.startswith("#"):
        return
    if line.startswith(("---", "...", "%")):
        state.previous, state.levels = None, [-1]
        return
    yield from _structure_line(state, number, line, known_keys)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# ---------------------------------------------------------------- a line of the structure


def _structure_line(state: _State, number: int, line: str, known_keys: frozenset[str]) -> Iterator[LineProblem]:
    lead = _compiled(_LEAD).match(line)
    assert lead is not None
    position = start = lead.end()
    dashes = []
    while match := _compiled(_DASHES).match(line, position):
        dashes.append(position)
        position = match.end()
    key_end, key_column = _key(line, position)
    previous = state.previous
    if previous is not None and _indent(line) > previous.indent and not dashes and key_end is None:
        # Text of a value: the first line under "key:", or a plain value going on (where a
        # full-width space after the indentation is the text's own, e.g. a paragraph's start).
        if previous.opens or previous.marked:
            yield from _value_start(state, number, line, start, known_keys if previous.opens else None)
        return
    odd_blank = next((i for i, char in enumerate(line[:start]) if char != " "), None)
    if odd_blank is not None:
        yield LineProblem(number, odd_blank, messages.indentation_character(line[odd_blank]))
        state.previous, state.unsure = None, True  # the levels are unknown from here
        return
    # A mapping's line can only be a key; a list item may be text, so only a known key counts there.
    glued_keys = None if key_end is not None else known_keys if dashes else _ANY_KEY
    found = yield from _content_start(line, number, position, glued_keys)
    if found == "mark":  # read on as the list item it was meant to be
        dashes.append(position)
        position = _mark_end(line, position)
        key_end, key_column = _key(line, position)
    elif found == "glued":  # and as the key it was meant to be
        key_column = position
    if line.startswith("?", position):
        state.unsure = True
    first = dashes[0] if dashes else position
    if dashes or key_end is None or _compiled(_IDENTIFIER).fullmatch(line[position:key_end].rstrip(" \t:")):
        yield from _check_level(state, number, first)
    state.levels.extend(dashes[1:] + ([key_column] if key_column is not None and dashes else []))
    _after_key(state, number, line, key_end if key_end is not None else position, key_column, dashes)
    if state.previous is not None:
        state.previous.marked = found == "mark"


def _value_start(
    state: _State, number: int, line: str, start: int, known_keys: frozenset[str] | None
) -> Iterator[LineProblem]:
    """The first line of a value, which may be a mistyped list item or key after all."""
    previous = state.previous
    assert previous is not None
    found = yield from _content_start(line, number, start, known_keys)
    if not found:
        state.previous = _Previous(previous.indent, opens=False, text_column=start)
        return
    yield from _check_level(state, number, start)  # below "key:": the next level starts here
    if found == "mark":
        state.levels.append(_mark_end(line, start))
    indent = _mark_end(line, start) if found == "mark" else start
    state.previous = _Previous(indent, opens=False, marked=found == "mark")


def _mark_end(line: str, position: int) -> int:
    mark = _compiled(_LOOKALIKE_MARK).match(line, position)
    return mark.end() if mark else position


_ANY_KEY = frozenset({"*"})
_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"


def _content_start(
    line: str, number: int, position: int, keys: frozenset[str] | None
) -> Generator[LineProblem, None, str]:
    """Look-alike list marks and "name:值" where a line's content starts. Returns "mark" or
    "glued" for what was found, "" for nothing. `keys`: the keys that may be glued to their
    value here (_ANY_KEY in the structure); None when the line is a proper "key: value"."""
    mark = _compiled(_LOOKALIKE_MARK).match(line, position)
    if mark:
        yield LineProblem(number, position, messages.list_mark_lookalike(mark.group(1)))
        return "mark"
    if keys is None:
        return ""
    wide = _compiled(_WIDE_COLON).match(line, position)
    if wide and (keys is _ANY_KEY or wide.group(1) in keys):
        head = line[wide.end() : wide.end() + 12].strip()
        yield LineProblem(number, wide.end() - 1, messages.fullwidth_colon(wide.group(1), head))
        return "glued"
    glued = _compiled(_NO_SPACE).match(line, position)
    if glued and (keys is _ANY_KEY or glued.group(1) in keys):
        head = line[glued.end() : glued.end() + 12].rstrip()
        yield LineProblem(number, glued.end(1), messages.colon_without_space(glued.group(1), head))
        return "glued"
    return ""


def _key(line: str, position: int) -> tuple[int | None, int | None]:
    """(index after the key's colon, the key's column), or (None, None) when no key starts here."""
    quoted = _compiled(_QUOTED_KEY).match(line, position)
    if quoted:
        after = _compiled(_KEY_AFTER_QUOTE).match(line, quoted.end())
        return (after.end(), position) if after else (None, None)
    if position >= len(line) or line[position] in _NOT_KEY_START:
        return None, None
    # A search, not a pattern that backtracks: long lines stay linear.
    colon = _compiled(_KEY_COLON).search(line, position)
    if colon and " #" not in line[position : colon.start()]:
        return colon.end(), position
    return None, None


def _check_level(state: _State, number: int, column: int) -> Iterator[LineProblem]:
    """Whether a line's first column lines up with an open level, or opens a new one below
    a "key:" or "-" (the line before)."""
    levels = state.levels
    open_levels = [level for level in levels if level >= 0]
    while levels[-1] > column:
        levels.pop()
    if levels[-1] == column:
        return
    previous = state.previous
    if previous is None or state.unsure or (previous.opens and column > previous.indent):
        levels.append(column)
        return
    if previous.text_column == column:
        # "key:" then text, then a key under the text: the text was meant as a key (a
        # full-width colon?) or the key as text; the parser's own message says which.
        levels.append(column)
        return
    yield LineProblem(number, column, messages.odd_indentation(column, open_levels), certain=False)
    levels.append(column)


def _after_key(state: _State, number: int, line: str, position: int, key_column: int | None, dashes: list[int]) -> None:
    """What the rest of the line opens: a nested block, a block scalar, a quote, a flow collection."""
    rest = line[position:].lstrip(" \t")
    start = len(line) - len(rest)
    properties = _compiled(_PROPERTY).match(rest)
    if properties:
        start += properties.end()
        rest = rest[properties.end() :]
    indent = key_column if key_column is not None else (dashes[-1] if dashes else start)
    if not rest or rest.startswith("#"):
        state.previous = _Previous(indent, opens=True)
        return
    state.previous = _Previous(indent, opens=False)
    if _compiled(_BLOCK_SCALAR).match(rest):
        state.block_parent = indent
    elif rest[0] in "\"'":
        _open_quote(state, number, line, start, indent)
    elif rest[0] in "[{":
        _scan_flow(state, number, line, start)


# ---------------------------------------------------------------- quotes and flow collections


def _open_quote(state: _State, number: int, line: str, start: int, indent: int) -> None:
    quote = _Quote(line[start], number, start, indent)
    if _closing(line, start + 1, quote.char) is None:
        state.quote = quote


def _closing(line: str, position: int, char: str) -> int | None:
    """Index just after the closing quote from `position`, or None when the line ends first."""
    while position < len(line):
        found = line[position]
        if char == '"' and found == "\\":
            position += 2
            continue
        if found == char:
            if char == "'" and line.startswith("''", position):
                position += 2
                continue
            return position + 1
        position += 1
    return None


def _inside_quote(state: _State, number: int, line: str) -> Iterator[LineProblem]:
    quote = state.quote
    assert quote is not None
    keylike = _compiled(_KEYLIKE_LINE).match(line)
    if quote.swallowed is None and keylike and len(keylike.group(1)) <= quote.indent:
        quote.swallowed = (number, line[len(keylike.group(1)) : keylike.end()].strip() + " …")
    end = _closing(line, 0, quote.char)
    if end is None:
        return
    state.quote = None
    if quote.swallowed is not None:
        yield _unclosed(quote)
        state.previous, state.unsure = None, True  # the rest of this line follows a stray quote
    elif state.flow_depth:
        _scan_flow(state, number, line, end)


def _unclosed(quote: _Quote) -> LineProblem:
    assert quote.swallowed is not None
    line, text = quote.swallowed
    return LineProblem(quote.line, quote.column, messages.unclosed_quote(quote.char, line + 1, text))


def _scan_flow(state: _State, number: int, line: str, position: int) -> None:
    """Follow brackets (and the quotes inside them) across lines until they close."""
    token_start = True
    while position < len(line):
        char = line[position]
        if char in "\"'" and token_start:
            end = _closing(line, position + 1, char)
            if end is None:
                state.quote = _Quote(char, number, position, indent=-1)  # never judged as swallowing
                return
            position, token_start = end, False
            continue
        if char == "#" and position and line[position - 1] in " \t":
            return
        if char in "[{":
            state.flow_depth += 1
        elif char in "]}":
            state.flow_depth = max(0, state.flow_depth - 1)
            if not state.flow_depth:
                return
        token_start = char in "[{,: \t" or (token_start and char in " \t")
        position += 1
