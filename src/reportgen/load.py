"""Stage 1: read a YAML profile with ruamel.yaml, keeping every value's line and column.

The loader is deliberately defensive: profiles come from clerks' editors and from
e-mail, so size, nesting and alias expansion are bounded, and every YAML error becomes
a Chinese message with line:column (see `messages.yaml_error`).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import MappingNode, SequenceNode

from reportgen import messages
from reportgen.errors import Diagnostic, FileProblem, InvalidProfile, Severity

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


class _ProfileConstructor(RoundTripConstructor):
    """Round-trip constructor with two changes that matter for validation.

    - Floats become Decimal built from the source text, so "98.80" keeps its two
      decimals: a typed rate is compared with its counts at the precision the clerk wrote.
    - Timestamps stay text: ruamel raises a bare ValueError without position for
      "2025-02-30"; as text, the schema parses it and reports line and field.
    """

    def construct_decimal(self, node: Any) -> Any:
        text = str(node.value).replace("_", "")
        try:
            return Decimal(text)
        except InvalidOperation:  # .inf / .nan: let the schema reject them with a position
            return text

    def construct_text(self, node: Any) -> Any:
        return str(node.value)


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
    try:
        if not path.is_file():
            raise FileProblem(messages.file_missing(path))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileProblem(messages.file_too_large(path, size, MAX_FILE_BYTES))
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(messages.file_unreadable(path, exc)) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(messages.file_not_utf8(path, raw, exc)) from exc


# Line starts as ruamel sees them: after \n, \r\n or a lone \r.
_YAML_DIRECTIVE = re.compile(r"(?:\A|(?<=[\r\n]))%YAML[ \t]+(\S*)")
_SUPPORTED_VERSIONS = ("1.1", "1.2")


def parse_profile_text(text: str, path: Path) -> Any:
    """Parse YAML text; every failure becomes InvalidProfile with one positioned diagnostic."""
    directive = _YAML_DIRECTIVE.search(text)
    if directive and directive.group(1) not in _SUPPORTED_VERSIONS:
        # ruamel asserts on other versions (an AssertionError, no position): say it ourselves.
        line = len(re.findall(r"\r\n|\r|\n", text[: directive.start()])) + 1
        raise _invalid(path, _Mark(line - 1, 0), messages.yaml_version(directive.group(1)))
    try:
        with warnings.catch_warnings():
            # A reused anchor name is legal YAML; ruamel's warning would reach the clerk in English.
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            return _make_yaml().load(text)
    except _TooManyAliases as exc:
        raise _invalid(path, exc.mark, messages.yaml_too_many_aliases(MAX_ALIASES)) from None
    except _TooLarge:
        raise _invalid(path, None, messages.yaml_too_large(MAX_EXPANDED_NODES)) from None
    except MarkedYAMLError as exc:
        raise _invalid(path, _where(exc), messages.yaml_error(exc, text)) from None
    except (YAMLError, RecursionError, ValueError) as exc:
        # ruamel raises a few unmarked errors (e.g. deep nesting in the scanner).
        raise _invalid(path, None, messages.yaml_unmarked_error(exc)) from None


def _where(exc: MarkedYAMLError) -> Any:
    """The mark to show: where the problem is, except when ruamel only noticed it at the end
    of the file (an unclosed quote or bracket), where the place it started is more useful."""
    if exc.context_mark is not None and "end of stream" in str(exc.problem or ""):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def _invalid(path: Path, mark: Any, message: str) -> InvalidProfile:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    diagnostic = Diagnostic(
        severity=Severity.ERROR,
        file=path,
        line=line,
        column=column,
        path=(),
        title=messages.YAML_SYNTAX_TITLE,
        message=message,
    )
    return InvalidProfile(message, diagnostics=[diagnostic])
