"""The figures found so far, so that each is written once (a profile states a figure once),
in the first item that states it, and grouped as `figures:` blocks with `in_text: true`."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from reportgen import messages
from reportgen.importer.figures import Found, computed_rates, find_figures
from reportgen.importer.yamlmap import after
from reportgen.schema.indicators import INDICATOR_GROUPS


class FigureLedger:
    def __init__(self) -> None:
        self.seen: set[tuple[str, str, str]] = set()
        self.count = 0
        self.last_year: dict[str, dict[str, Any]] = {}

    def block(self, text: str) -> CommentedMap | None:
        """The `figures:` block for one item's words, or None when it states none not seen before."""
        groups: dict[str, Any] = {}
        for found in find_figures(text):
            key = (found.group, found.kind if found.group == "mediation" else "", found.field)
            if key in self.seen:
                continue
            self.seen.add(key)
            if found.group == "mediation":
                _add_mediation(groups.setdefault("mediation", []), found)
            else:
                groups.setdefault(found.group, {})[found.field] = found.value
            if found.last_year is not None:
                self.last_year.setdefault(found.group, {}).setdefault(found.field, found.last_year)
        if not groups:
            return None
        block = CommentedMap(in_text=True)
        for group in INDICATOR_GROUPS:  # catalogue order
            if group in groups:
                block[group] = _group_map(group, groups[group])
        self.count += sum(_count(value) for key, value in block.items() if key != "in_text")
        after(block, "in_text", messages.figures_note())
        return block

    def last_year_block(self) -> CommentedMap | None:
        if not self.last_year:
            return None
        figures = CommentedMap()
        for group in INDICATOR_GROUPS:
            if group in self.last_year:
                figures[group] = CommentedMap(self.last_year[group])
        return figures


def _add_mediation(entries: list[dict[str, Any]], found: Found) -> None:
    """Mediation may be stated for several kinds (人民调解, 行业性专业性调解 …): a figure already
    given, or another kind, starts the next entry."""
    current = entries[-1] if entries else None
    other_kind = current is not None and found.kind and current.get("kind") not in (None, found.kind)
    if current is None or found.field in current or other_kind:
        current = {}
        entries.append(current)
    if found.kind and "kind" not in current:
        current["kind"] = found.kind
    current[found.field] = found.value


def _group_map(group: str, values: Any) -> Any:
    if isinstance(values, list):
        maps = [_ordered(group, entry) for entry in values]
        if len(maps) == 1:
            return maps[0]
        return CommentedSeq(maps)
    return _ordered(group, values)


def _ordered(group: str, values: dict[str, Any]) -> CommentedMap:
    """Fields in the catalogue's order, without the rates reportgen computes from counts given."""
    for rate, counts in computed_rates(group):
        if rate in values and all(name in values for name in counts):
            del values[rate]
    fields = INDICATOR_GROUPS[group].model_fields
    return CommentedMap((name, values[name]) for name in fields if name in values)


def _count(value: Any) -> int:
    if isinstance(value, list):
        return sum(_count(entry) for entry in value)
    return sum(1 for key in value if key != "kind")
