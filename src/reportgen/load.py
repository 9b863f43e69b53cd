"""Stage 1: read a YAML profile with ruamel.yaml, keeping every value's line and column.

The loader is deliberately defensive: profiles come from clerks' editors and from
e-mail, so size, nesting and alias expansion are bounded, and every YAML error becomes
a Chinese message with line:column (see `messages.yaml_error`).
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.parser import ParserError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import ScannerError

from reportgen import messages
from reportgen.errors import Diagnostic, FileProblem, InvalidProfile, Severity
from reportgen.fastyaml import UNDECIDED, parse_fast
from reportgen.sourcemap import SourceText
from reportgen.yaml_lines import LineProblem, find_line_problems, may_have_certain_problems

# A real profile is tens of kilobytes; a megabyte of YAML is not a profile.
MAX_FILE_BYTES = 1024 * 1024
# Bounds against "billion laughs": few aliases, and a small expanded document.
MAX_ALIASES = 100
MAX_EXPANDED_NODES = 200_000
MAX_DEPTH = 64


@dataclass(frozen=True)
class LoadedProfile:
    """A profile as read from disk: its data (ruamel CommentedMap), where it came from, and
    its text, so a check can point inside a value (sourcemap.locate_in_value)."""

    path: Path
    data: Any
    text: str = ""


class _BoundedComposer(Composer):
    """Composer that refuses documents whose aliases expand beyond a sane size."""

    def compose_document(self) -> Any:
        self._alias_count = 0
        node = super().compose_document()
        _check_expanded_size(node)
        _check_nodes(node)
        return node

    def return_alias(self, a: Any) -> Any:
        self._alias_count = getattr(self, "_alias_count", 0) + 1
        if self._alias_count > MAX_ALIASES:
            raise _TooManyAliases(a.start_mark)
        return a


@dataclass(frozen=True)
class _Mark:
    line: int  # 0-based, as ruamel's marks
    column: int


class _TooManyAliases(Exception):
    def __init__(self, mark: Any):
        super().__init__("too many aliases")
        self.mark = mark


class _TooLarge(Exception):
    pass


class _ComplexKey(Exception):
    """A key that is a list or a mapping (`? [a, b]`, `[a, b]: 1`): no profile has one."""

    def __init__(self, mark: Any):
        super().__init__("complex key")
        self.mark = mark


class _LoneSurrogate(Exception):
    """A scalar holding half of a UTF-16 pair (`"\\ud800"`), which no file or report can hold."""

    def __init__(self, node: Any):
        super().__init__("lone surrogate")
        self.node = node


_STR_TAG = "tag:yaml.org,2002:str"
_KEEP_KEY_TAGS = (_STR_TAG, "tag:yaml.org,2002:merge")
# The patterns here serve the round-trip loader and errors, not the fast path: they stay text,
# which re compiles (and keeps) on first use rather than at every start.
_SURROGATE = "[\ud800-\udfff]"


def _check_nodes(root: Any) -> None:
    """Keys are names: a list or mapping as a key is refused, and any other scalar key (1:,
    null:, 2024-01-01:) is read as the text typed, so paths and messages only ever hold text.
    Surrogate escapes that pair up ("\\ud83d\\ude00", as JSON writes them) become the one
    character they spell; a lone one is refused."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    raise _ComplexKey(key.start_mark)
                if key.tag not in _KEEP_KEY_TAGS:
                    key.tag = _STR_TAG
                stack.extend((key, value))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node.value, str) and re.search(_SURROGATE, node.value):
            node.value = _join_surrogates(node)


def _join_surrogates(node: Any) -> str:
    try:
        return str(node.value.encode("utf-16-le", "surrogatepass").decode("utf-16-le"))
    except UnicodeDecodeError:
        raise _LoneSurrogate(node) from None


def _check_expanded_size(root: Any) -> None:
    """Count nodes as if every alias were copied out; memoised, so linear in the graph."""
    sizes: dict[int, int] = {}

    def size(node: Any) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1  # guards against recursive aliases
        total = 1
        if isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        if total > MAX_EXPANDED_NODES:
            raise _TooLarge()
        sizes[key] = total
        return total

    if root is not None:
        size(root)


# Numbers as a clerk means them: digits, maybe a sign and a decimal point. Everything else
# YAML would read as a number (0x10, 0o17, 0b11, 1_000, 1e5, 1:30, .inf) stays the text typed,
# so the schema shows it back as typed instead of silently using 16, 15, 3, 1000 …
_PLAIN_INT = r"[-+]?[0-9]+"
_PLAIN_DECIMAL = r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)"


class _ProfileConstructor(RoundTripConstructor):
    """Round-trip constructor with three changes that matter for validation.

    - Only plain decimal numbers become numbers; other number forms stay text (above).
    - Floats become Decimal built from the source text, so "98.80" keeps its two
      decimals: a typed rate is compared with its counts at the precision the clerk wrote.
    - Timestamps stay text: ruamel raises a bare ValueError without position for
      "2025-02-30"; as text, the schema parses it and reports line and field.
    """

    def construct_plain_int(self, node: Any) -> Any:
        text = str(node.value)
        return int(text) if re.fullmatch(_PLAIN_INT, text) else text

    def construct_decimal(self, node: Any) -> Any:
        text = str(node.value)
        return Decimal(text) if re.fullmatch(_PLAIN_DECIMAL, text) else text

    def construct_text(self, node: Any) -> Any:
        return str(node.value)


_ProfileConstructor.add_constructor("tag:yaml.org,2002:int", _ProfileConstructor.construct_plain_int)
_ProfileConstructor.add_constructor("tag:yaml.org,2002:float", _ProfileConstructor.construct_decimal)
_ProfileConstructor.add_constructor("tag:yaml.org,2002:timestamp", _ProfileConstructor.construct_text)


def _make_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _BoundedComposer
    yaml.Constructor = _ProfileConstructor
    yaml.allow_duplicate_keys = False
    yaml.max_depth = MAX_DEPTH
    return yaml


def load_profile(path: Path) -> LoadedProfile:
    """Read and parse one profile file. Raises FileProblem or InvalidProfile, in Chinese."""
    text = read_profile_text(path)
    return LoadedProfile(path=path, data=parse_profile_text(text, path), text=text)


def read_profile_text(path: Path) -> str:
    raw = _read_regular_file(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(messages.file_not_utf8(path, raw, exc)) from exc


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, bounded. Opened without blocking and checked on the open
    file itself, so a FIFO, a device (/dev/zero) or a symlink loop is named, never read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise FileProblem(_open_failure(path, exc)) from exc
    except ValueError:  # a NUL in the path: no such file can exist
        raise FileProblem(messages.file_missing(path)) from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise FileProblem(messages.not_a_regular_file(path, _file_kind(status.st_mode)))
        raw = _read_at_most(fd, MAX_FILE_BYTES + 1, status.st_size)
    except OSError as exc:
        raise FileProblem(messages.file_unreadable(path, exc)) from exc
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        size = max(len(raw), _size(path))
        raise FileProblem(messages.file_too_large(path, size, MAX_FILE_BYTES))
    return raw


def _read_at_most(fd: int, limit: int, size: int) -> bytes:
    """Up to `limit` bytes, to the end of the file. A buffer of the file's size and one more
    byte usually holds it all: a buffer of `limit` bytes costs more than reading the file."""
    chunks = []
    total = 0
    chunk_size = min(size + 1, limit)
    while total < limit:
        chunk = os.read(fd, min(chunk_size, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        chunk_size = 64 * 1024  # the file grew, or gave less than asked
    return b"".join(chunks)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _open_failure(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return messages.file_missing(path)
    if exc.errno == errno.ELOOP:
        return messages.file_symlink_loop(path)
    if exc.errno == errno.ENXIO:  # a socket (or a FIFO opened for writing)
        return messages.not_a_regular_file(path, "套接字")
    return messages.file_unreadable(path, exc)


def path_problem(path: Path) -> str | None:
    """Why a path given as a profile or folder can be neither, before anything is read:
    a symlink loop, a FIFO, a device, a socket. None for files, folders and missing paths
    (those the caller handles)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return messages.file_symlink_loop(path) if exc.errno == errno.ELOOP else None
    except ValueError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return messages.not_a_regular_file(path, _file_kind(mode))


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


# Line starts as ruamel sees them: after \n, \r\n or a lone \r.
_YAML_DIRECTIVE = r"(?:\A|(?<=[\r\n]))%YAML[ \t]+(\S*)"
_SUPPORTED_VERSIONS = ("1.1", "1.2")


def parse_profile_text(text: str, path: Path) -> Any:
    """Parse YAML text; every failure becomes InvalidProfile with positioned diagnostics.

    The lines are read first (yaml_lines): a full-width space, "－" or "name:值" is named
    at its own line, even where ruamel would read on and report something else later. A
    text that cannot hold such a mistake skips that reading unless the parser fails.
    """
    directive = re.search(_YAML_DIRECTIVE, text) if "%YAML" in text else None  # the regex alone costs ~0.3 ms
    if directive and directive.group(1) not in _SUPPORTED_VERSIONS:
        # ruamel asserts on other versions (an AssertionError, no position): say it ourselves.
        line = len(re.findall(r"\r\n|\r|\n", text[: directive.start()])) + 1
        raise _invalid(path, _Mark(line - 1, 0), messages.yaml_version(directive.group(1)))
    problems = find_line_problems(text, schema_keys()) if may_have_certain_problems(text) else None
    try:
        data = _parse(text, path)
    except _ParseFailure as failure:
        if problems is None:  # odd indentation may explain the parser's error
            problems = find_line_problems(text, schema_keys())
        raise _explained(path, failure, problems) from None
    certain = [problem for problem in problems or () if problem.certain]
    if certain:
        raise _from_lines(path, certain, [])
    return data


class _ParseFailure(Exception):
    def __init__(self, diagnostic: Diagnostic, structural: bool = False):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic
        self.structural = structural  # a scanner or parser error, which odd indentation may explain


def _parse(text: str, path: Path) -> Any:
    data = parse_fast(text, MAX_DEPTH, MAX_EXPANDED_NODES)
    if data is not UNDECIDED:
        return data
    return _parse_round_trip(text, path)


def _parse_round_trip(text: str, path: Path) -> Any:
    """ruamel's round-trip loader: the reference reading, and every YAML error's words and place."""
    try:
        with warnings.catch_warnings():
            # A reused anchor name is legal YAML; ruamel's warning would reach the clerk in English.
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            return _make_yaml().load(text)
    except _TooManyAliases as exc:
        failure = _ParseFailure(_diagnostic(path, exc.mark, messages.yaml_too_many_aliases(MAX_ALIASES)))
    except _TooLarge:
        failure = _ParseFailure(_diagnostic(path, None, messages.yaml_too_large(MAX_EXPANDED_NODES)))
    except _ComplexKey as exc:
        failure = _ParseFailure(_diagnostic(path, exc.mark, messages.complex_key()))
    except _LoneSurrogate as exc:
        mark, escape = _surrogate_escape(text, exc.node)
        failure = _ParseFailure(_diagnostic(path, mark, messages.lone_surrogate(escape)))
    except ReaderError as exc:
        mark = _mark_at(text, exc.position) if isinstance(exc.position, int) else None
        char = chr(exc.character) if isinstance(exc.character, int) else "\ufffd"
        failure = _ParseFailure(_diagnostic(path, mark, messages.forbidden_character(char)))
    except MarkedYAMLError as exc:
        structural = isinstance(exc, ScannerError | ParserError)
        failure = _ParseFailure(_diagnostic(path, _where(exc), messages.yaml_error(exc, text)), structural)
    except (YAMLError, RecursionError, ValueError) as exc:
        # ruamel raises a few unmarked errors (e.g. deep nesting in the scanner).
        failure = _ParseFailure(_diagnostic(path, None, messages.yaml_unmarked_error(exc)))
    raise failure


def _explained(path: Path, failure: _ParseFailure, problems: list[LineProblem]) -> InvalidProfile:
    """The parser's error, or what the lines show caused it: a problem on or before the
    line the parser stopped at is the cause, and the parser's own words are dropped."""
    stopped = failure.diagnostic.line
    causes = [
        problem
        for problem in problems
        if (problem.certain or failure.structural) and (stopped is None or problem.line < stopped)
    ]
    certain = [problem for problem in problems if problem.certain and problem not in causes]
    if causes:
        return _from_lines(path, causes + certain, [])
    return _from_lines(path, certain, [failure.diagnostic])


def _from_lines(path: Path, problems: list[LineProblem], diagnostics: list[Diagnostic]) -> InvalidProfile:
    found = diagnostics + [_diagnostic(path, _Mark(p.line, p.column), p.message) for p in problems]
    found.sort(key=lambda d: (d.line or 0, d.column or 0))
    return InvalidProfile(found[0].message, diagnostics=found)


def _surrogate_escape(text: str, node: Any) -> tuple[Any, str]:
    """Where the first unpaired surrogate escape of a double-quoted scalar is, and how it reads.
    (Only an escape can make one: the file itself was decoded as strict UTF-8.)"""
    escapes = list(re.compile(_SURROGATE_ESCAPE).finditer(text, node.start_mark.index, node.end_mark.index))
    index = 0
    while index < len(escapes):
        match = escapes[index]
        following = escapes[index + 1] if index + 1 < len(escapes) else None
        if following is not None and following.start() == match.end() and _is_pair(match, following):
            index += 2  # a pair: one character
            continue
        return _mark_at(text, match.start()), match.group()
    lone = next(char for char in node.value if "\ud800" <= char <= "\udfff")
    return node.start_mark, f"\\u{ord(lone):04x}"


def _is_pair(high: re.Match[str], low: re.Match[str]) -> bool:
    return int(high.group(1), 16) < 0xDC00 <= int(low.group(1), 16)


_SURROGATE_ESCAPE = r"\\(?:u|U0000)([dD][89a-fA-F][0-9a-fA-F]{2})"


def _mark_at(text: str, index: int) -> _Mark:
    line, column = SourceText(text).position(index)
    return _Mark(line - 1, column - 1)


@functools.cache
def schema_keys() -> frozenset[str]:
    """Every key the profile schema knows, to tell "name:值" from text that holds a colon."""
    from pydantic import BaseModel

    from reportgen.schema import Profile

    keys: set[str] = set()
    seen: set[type] = set()
    models: list[type[BaseModel]] = [Profile]
    while models:
        model = models.pop()
        seen.add(model)
        for name, info in model.model_fields.items():
            keys.add(name)
            nested = (t for t in _types_in(info.annotation) if issubclass(t, BaseModel) and t not in seen)
            models.extend(nested)
    return frozenset(keys)


def _types_in(annotation: Any) -> list[type]:
    """The classes named anywhere in a type annotation (list[X | None] → X)."""
    from typing import get_args

    if isinstance(annotation, type) and not get_args(annotation):
        return [annotation]
    found: list[type] = []
    for arg in get_args(annotation):
        found.extend(_types_in(arg))
    return found


def _where(exc: MarkedYAMLError) -> Any:
    """The mark to show: where the problem is, except for what was left open — a quote or bracket
    ruamel only noticed at the end of the file, or a [ ] / { } that a later line ran into — where
    the place it was opened (the context mark) is where the clerk has to close it."""
    context = str(exc.context or "")
    left_open = "end of stream" in str(exc.problem or "") or context.startswith(
        ("while parsing a flow sequence", "while parsing a flow mapping")
    )
    if exc.context_mark is not None and left_open:
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def _invalid(path: Path, mark: Any, message: str) -> InvalidProfile:
    return InvalidProfile(message, diagnostics=[_diagnostic(path, mark, message)])


def _diagnostic(path: Path, mark: Any, message: str) -> Diagnostic:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Diagnostic(
        severity=Severity.ERROR,
        file=path,
        line=line,
        column=column,
        path=(),
        title=messages.YAML_SYNTAX_TITLE,
        message=message,
    )
