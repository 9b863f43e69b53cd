"""Map a path in the profile (pydantic `loc`, or a check's path) to line and column.

ruamel's CommentedMap/CommentedSeq keep 0-based positions in `.lc`; we print 1-based.
A path may name a key that is absent (a missing field) or a step the YAML does not have
(pydantic's union tags, a single mapping coerced to a list): then the nearest position
that exists is used.
"""

from __future__ import annotations

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
    if isinstance(node, CommentedMap) and step in node:
        value = node[step]
        # Point at the value for scalars (what is wrong), at the key for nested blocks.
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
    if isinstance(node, CommentedMap) and last in node:
        line, col = node.lc.key(last)
        return line + 1, col + 1
    return locate(root, path)
