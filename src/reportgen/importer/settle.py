"""Guesses the profile rejects are taken back: a figure that breaks a rule between figures
(受理 > 收到), a date the regulation rules out, a duplicated area. Its words stay in the
text; the summary says what was left out and why. What remains is valid (warnings aside)."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from reportgen import messages
from reportgen.errors import Diagnostic, ProfilePath
from reportgen.importer.summary import ImportSummary

MAX_ROUNDS = 8
_WITHDRAWABLE = {
    ("publication", "signed_on"),
    ("publication", "published_on"),
    ("publication", "document_number"),
    ("publication", "index_number"),
    ("layout", "numbering"),
    ("layout", "title_lines"),
}


def dump(data: CommentedMap) -> str:
    yaml = YAML()
    yaml.width = 4096  # prose stays on one line per paragraph, as the clerk will edit it
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def settle(data: CommentedMap, summary: ImportSummary, check: Callable[[str], Any]) -> tuple[str, Any]:
    """The profile's text once every rejected guess is withdrawn, with the last check's result."""
    text = dump(data)
    result = check(text)
    for _ in range(MAX_ROUNDS):
        withdrawn = [d for d in result.errors if _withdraw(data, d, summary)]
        if not withdrawn:
            break
        text = dump(data)
        result = check(text)
    return text, result


def _withdraw(data: CommentedMap, diagnostic: Diagnostic, summary: ImportSummary) -> bool:
    path = diagnostic.path
    if "figures" in path and len(path) > path.index("figures") + 1:
        return _withdraw_figure(data, path, diagnostic, summary)
    if path[:2] in _WITHDRAWABLE or (len(path) == 4 and path[-1] == "area"):
        parent = _at(data, path[:-1])
        if isinstance(parent, dict) and path[-1] in parent:
            del parent[path[-1]]
            summary.dropped.append(messages.dropped_field(diagnostic.title, diagnostic.message))
            return True
    return False


def _withdraw_figure(data: CommentedMap, path: ProfilePath, diagnostic: Diagnostic, summary: ImportSummary) -> bool:
    """Remove the figure at `path`, then any group or figures block left empty."""
    chain = _chain(data, path)
    if chain is None:
        return False
    parent, name = chain[-1]
    value = parent.pop(name)
    summary.dropped.append(messages.dropped_figure(diagnostic.title, value, diagnostic.message))
    summary.figures -= 1
    for container, key in reversed(chain[:-1]):
        child = container[key]
        if _empty(child):
            container.pop(key)
        if key == "figures":
            break
    return True


def _chain(data: Any, path: ProfilePath) -> list[tuple[Any, Any]] | None:
    """(container, key) for each step of `path`. One mediation group is written as a mapping, which the
    profile reads as a list of one: the [0] of its path is then no step at all."""
    chain = []
    for key in path:
        if isinstance(key, int) and isinstance(data, dict) and key == 0:
            continue
        try:
            chain.append((data, key))
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return chain


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return not [key for key in value if key not in ("kind", "in_text")]
    return isinstance(value, list) and not value


def _at(data: Any, path: ProfilePath) -> Any:
    chain = _chain(data, path)
    if chain is None:
        return None
    if not chain:
        return data
    container, key = chain[-1]
    return container[key]
