"""`reportgen new --from`: last year's profile as this year's draft.

Structure, titles and settings are kept (a title's year moves on by one); every text is kept
and marked `# 去年的内容，请改写`; every figure is emptied (its key kept, so the clerk sees what
to fill in) and last year's profile is linked through `last_year` so 同比 is computed; the
publication's dates, 文号 and 索引号 are cleared. Last year's own comments stay where they were.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from reportgen import messages
from reportgen.derive import Report
from reportgen.importer.summary import NextYearTodo
from reportgen.load import LoadedProfile
from reportgen.references import expand_text

TEXT_KEYS = ("preamble", "intro", "text", "approach", "goals", "cause")
TITLE_KEYS = ("title", "items_title")
CLEARED = ("signed_on", "published_on", "document_number", "index_number")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def next_year_text(loaded: LoadedProfile, report: Report, year: int, target: Path) -> tuple[str, NextYearTodo]:
    """The draft's text and what it leaves to the clerk. `loaded` has been checked (no errors) and
    derived as `report`; it is read again with comments, which the checking loader does not keep."""
    data = _yaml().load(loaded.text)
    todo = NextYearTodo()
    last_year = int(data["year"])
    data["year"] = year
    _clear_publication(data.get("publication"), last_year, todo)
    _walk(data, None, None, _Draft(last_year, report, todo))
    _link_last_year(data, loaded.path, target)
    layout = data.get("layout")
    if isinstance(layout, dict) and layout.get("title_lines"):
        lines = layout["title_lines"]
        for index, line in enumerate(lines):
            lines[index] = _next_years(str(line), last_year)
    stream = StringIO()
    _yaml().dump(data, stream)
    return _with_header(stream.getvalue(), loaded.path.name, year), todo


def _clear_publication(publication: Any, last_year: int, todo: NextYearTodo) -> None:
    if not isinstance(publication, dict):
        return
    for key in CLEARED:
        publication.pop(key, None)
    title = publication.get("title")
    if title and _next_years(str(title), last_year) != title:
        publication["title"] = _next_years(str(title), last_year)
        publication.yaml_add_eol_comment(messages.year_moved_note(), "title")
        todo.titles_with_year += 1


@dataclass
class _Draft:
    last_year: int
    report: Report  # last year's, derived: what its {字段} references stood for
    todo: NextYearTodo


def _walk(node: Any, parent: Any, index: Any, draft: _Draft) -> None:
    """Mark the texts, move the titles' years on, empty the figures — everywhere below `node`."""
    if isinstance(node, CommentedSeq):
        for position, item in enumerate(node):
            _walk(item, node, position, draft)
        return
    if not isinstance(node, CommentedMap):
        return
    for key in list(node):
        value = node[key]
        if key == "figures" and isinstance(value, dict):
            draft.todo.figures += _empty_figures(value)
        elif key in ("publication", "layout", "last_year", "jurisdiction"):
            continue
        elif key in TEXT_KEYS and isinstance(value, str) and value.strip():
            _mark(node, key, parent, index, _carried_over(node, key, draft.report))
            draft.todo.texts += 1
        elif key in TITLE_KEYS and isinstance(value, str) and _next_years(value, draft.last_year) != value:
            node[key] = _next_years(value, draft.last_year)
            node.yaml_add_eol_comment(messages.year_moved_note(), key)
            draft.todo.titles_with_year += 1
        else:
            _walk(value, node, key, draft)


def _carried_over(mapping: CommentedMap, key: str, report: Report) -> str:
    """Last year's text stays; a {字段} reference in it becomes what it stood for last year, since
    this year's figures are empty (references.expand_text). Returns the comment to mark it with."""
    value = mapping[key]
    expanded = expand_text(str(value), report)
    if expanded == str(value):
        return messages.REWRITE
    mapping[key] = type(value)(expanded) if isinstance(value, LiteralScalarString) else expanded
    return messages.rewrite_expanded_note()


def _mark(mapping: CommentedMap, key: str, parent: Any, index: Any, comment: str) -> None:
    """A comment line above `key`; above its list item when `key` opens the item (`- text: …`)."""
    column = mapping.lc.key(key)[1] if mapping.lc.data and key in mapping.lc.data else 0
    if isinstance(parent, CommentedSeq) and next(iter(mapping)) == key:
        parent.yaml_set_comment_before_after_key(index, before=comment, indent=max(column - 2, 0))
    else:
        mapping.yaml_set_comment_before_after_key(key, before=comment, indent=column)


def _empty_figures(figures: CommentedMap) -> int:
    """Every figure emptied (`in_text` and the kinds of mediation kept); returns how many groups."""
    groups = 0
    for key in list(figures):
        if key == "in_text":
            continue
        entries = figures[key] if isinstance(figures[key], list) else [figures[key]]
        for entry in entries:
            if isinstance(entry, dict):
                for name in entry:
                    if name != "kind":
                        entry[name] = None
        # Above the key: ruamel cannot end the line of a key whose value already holds comments.
        figures.yaml_set_comment_before_after_key(key, before=messages.FILL_IN, indent=figures.lc.key(key)[1])
        groups += 1
    return groups


def _link_last_year(data: CommentedMap, last: Path, target: Path) -> None:
    """`last_year: profile:` relative to the draft's own folder, before the layout."""
    relative = os.path.relpath(last.resolve(), target.resolve().parent)
    link = CommentedMap(profile=Path(relative).as_posix())
    data.pop("last_year", None)
    position = list(data).index("layout") if "layout" in data else len(data)
    data.insert(position, "last_year", link)
    data.yaml_add_eol_comment(messages.last_year_link_note(), "last_year")


def _next_years(text: str, last_year: int) -> str:
    """Years in a title moved on by one: "2024年度…" → "2025年度…", "2025年工作计划" → "2026年工作计划"."""
    for year in (last_year + 1, last_year):
        text = re.sub(rf"(?<!\d){year}(?=\s*年)", str(year + 1) + "\x00", text)
    return text.replace("\x00", "")


def _with_header(text: str, source: str, year: int) -> str:
    header = "".join(f"# {line}\n" for line in messages.new_from_header(source, year).splitlines())
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith("# yaml-language-server"):
        return lines[0] + header + "".join(lines[1:])
    return header + text
