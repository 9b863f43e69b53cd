"""Figure references in the clerk's prose: `{字段}` and `{同比:字段}` filled in from derived figures.

A clerk who keeps a figure in the text (`in_text: true`) can still ask for a computed value where the
sentence needs it — "出庭应诉率由79.39%提高至96.91%，{同比:head_appearance_rate}。" — so the report
states the computed year-on-year change instead of a number typed (and often mis-computed) by hand.
A reference names a field by its key (`head_appearance_rate`), by group and key
(`administrative_litigation.head_appearance_rate`) or by its Chinese title (`负责人出庭应诉率`).

This is a lookup, not a template: nothing in the profile is ever executed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from reportgen.derive import Change, Figure, Report
from reportgen.errors import ProfilePath
from reportgen.schema.indicators import INDICATOR_GROUPS
from reportgen.schema.introspect import text_fields

YEAR_ON_YEAR = "同比"
# {字段} or {同比:字段}; a name is a key, group.key, or a Chinese title (no spaces or braces).
REFERENCE = re.compile(r"\{(?:(同比)\s*[:：]\s*)?([A-Za-z_][A-Za-z_.]*|[\u4e00-\u9fff“”（）、]+)\}")


@dataclass(frozen=True)
class Resolved:
    text: str = ""
    problem: str = ""  # why the reference cannot be filled in (for the check's message)


def iter_references(text: str) -> Iterator[re.Match[str]]:
    return REFERENCE.finditer(text)


def resolve(match: re.Match[str], report: Report) -> Resolved:
    """The text a reference stands for, or the reason it has none."""
    from reportgen import messages
    from reportgen.render.filters import figure_text, yoy

    wants_change, name = bool(match.group(1)), match.group(2)
    found = _find(name, report)
    if not found:
        return Resolved(problem=messages.reference_unknown(name))
    if len(found) > 1:
        return Resolved(problem=messages.reference_ambiguous(name, [f"{g}.{f}" for g, f, _ in found]))
    group, field, figure = found[0]
    if not wants_change:
        return Resolved(text=figure_text(figure))
    change = _change(report, group, field)
    if change is None:
        return Resolved(problem=messages.reference_without_last_year(name))
    return Resolved(text=yoy(change))


def _find(name: str, report: Report) -> list[tuple[str, str, Figure]]:
    """(group key, field, figure) of every derived figure the name can mean."""
    group_key, _, field = name.rpartition(".")
    found = []
    for group in report.groups:
        if group_key and group.key != group_key:
            continue
        fields = INDICATOR_GROUPS[group.key].model_fields
        for key, figure in group.figures.items():
            if name in (key, f"{group.key}.{key}") or field == key or fields[key].title == name:
                found.append((group.key, key, figure))
    return found


def _change(report: Report, group: str, field: str) -> Change | None:
    return next((c for c in report.changes if c.group == group and c.name == field), None)


def expand_text(text: str, report: Report) -> str:
    """Every reference that resolves replaced by its text (validation has reported the others)."""

    def replace(match: re.Match[str]) -> str:
        resolved = resolve(match, report)
        return resolved.text if not resolved.problem else match.group(0)

    return REFERENCE.sub(replace, text)


def expand_profile(report: Report) -> Report:
    """The report with references in every prose field of its profile filled in."""
    profile = _expand_model(report.profile, report)
    return dataclasses.replace(report, profile=profile)


def _expand_model(model: BaseModel, report: Report) -> Any:
    updates = {}
    for name in text_fields(type(model)):
        value = getattr(model, name)
        # Most fields are unset or text without a reference: settled here, without a call.
        if value is None or (type(value) is str and "{" not in value):
            continue
        expanded = _expand_value(value, report)
        if expanded is not value:
            updates[name] = expanded
    return model.model_copy(update=updates) if updates else model


def _expand_value(value: Any, report: Report) -> Any:
    if isinstance(value, str):
        if "{" not in value:
            return value
        expanded = expand_text(value, report)
        return expanded if expanded != value else value
    if isinstance(value, BaseModel):
        return _expand_model(value, report)
    if isinstance(value, list):
        items = [_expand_value(item, report) for item in value]
        return items if any(new is not old for new, old in zip(items, value, strict=True)) else value
    return value


def reference_problems(texts: Iterator[tuple[ProfilePath, str]], report: Report) -> Iterator[tuple[ProfilePath, str]]:
    """(path, message) of every reference that cannot be filled in."""
    for path, text in texts:
        if "{" not in text:  # most prose refers to nothing: no scan for the pattern
            continue
        for match in iter_references(text):
            problem = resolve(match, report).problem
            if problem:
                yield path, problem
