"""`reportgen init`: a starter profile with a Chinese comment above every field.

The comments are the schema's own titles and descriptions, so they cannot drift from it.
The file validates as written, with warnings for the parts still empty.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator

from pydantic import BaseModel

from reportgen.schema import AREAS, Profile
from reportgen.schema.indicators import INDICATOR_GROUPS
from reportgen.schema.jurisdiction import LEVEL_TITLES, Jurisdiction, Level, parse_level
from reportgen.schema.layout import Layout
from reportgen.schema.profile import LastYear
from reportgen.schema.publication import Publication
from reportgen.schema.sections import Achievements, Area, Block, Measure, Plans, Shortcomings

_PLAIN = re.compile(r"^[\w\u4e00-\u9fff（）、·.-]+$")
# Lists the starter shows as [] to fill in. Not signatories: there [] means "deliberately unsigned".
_LIST_FIELDS = {"items", "measures", "parents", "areas"}


def starter_file_name(name: str, year: int) -> str:
    return f"{name}-{year}.yaml"


def starter_profile_text(name: str, level: str, year: int, *, schema_ref: str) -> str:
    parsed = parse_level(level)
    government = name if parsed is Level.DEPARTMENT else f"{name}人民政府"
    jurisdiction = {"name": name, "level": LEVEL_TITLES[parsed].split("（")[0], "government": government}
    out = _Writer()
    out.lines += [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {name}{year}年法治政府建设年度报告资料",
        "# 以“#”开头的行是说明，不影响内容。填写后运行：reportgen validate 本文件名",
        "# 规则：冒号前的英文键不要改；冒号用英文“: ”；缩进用空格，不用 Tab；",
        "#       编号（一、（一）1. 一是）由系统生成，不要写进标题或正文。",
    ]
    out.section(Profile, "jurisdiction", Jurisdiction, jurisdiction)
    out.blank()
    out.field(Profile, "year", year, 0)
    # No signature is filled in for the clerk: an empty one shows as 【待填写】 until they write it.
    out.section(Profile, "publication", Publication, {})
    out.blank()
    out.field(Profile, "preamble", None, 0)
    _achievements(out)
    out.section(Profile, "shortcomings", Shortcomings, {}, skip={"effects", "suggestions"})
    out.section(Profile, "leader_duties", Block, {})
    out.section(Profile, "plans", Plans, {})
    out.section(Profile, "other_matters", Block, {})
    out.blank()
    out.comment(Profile, "layout", 0)
    with out.commented(0):
        out.line(0, "layout:")
        for key in ("page_numbers", "bold_level3"):  # not `name`: that is the jurisdiction's
            info = Layout.model_fields[key]
            value = info.default.value if hasattr(info.default, "value") else _yaml_scalar(info.default)
            out.line(1, f"{key}: {value}  # {info.title}：{info.description}")
        numbering = Layout.model_fields["numbering"]
        out.line(
            1, f"numbering: [{', '.join(numbering.default_factory())}]  # {numbering.title}：{numbering.description}"
        )
    out.blank()
    out.comment(Profile, "last_year", 0)
    with out.commented(0):
        out.line(0, "last_year:")
        last = starter_file_name(name, year - 1)
        title = LastYear.model_fields["profile"].title
        out.line(1, f"profile: {last}  # {title}：去年用 init 生成的就是 {last}；不在同一文件夹时写相对于本文件的路径")
    return "\n".join(out.lines) + "\n"


def _achievements(out: _Writer) -> None:
    out.blank()
    out.comment(Profile, "achievements", 0)
    out.line(0, "achievements:")
    out.field(Achievements, "title", None, 1)
    out.field(Achievements, "intro", None, 1)
    out.comment(Achievements, "areas", 1)
    out.line(1, "areas:")
    for index, (area, info) in enumerate(AREAS.items()):
        out.line(2, f"# {Area.model_fields['area'].title}：{info.full_title}")
        out.line(2, f"- area: {area.value}")
        out.field(Area, "title", None, 3)
        out.field(Area, "text", None, 3)
        _measure_example(out, 3, explained=index == 0)
        if info.indicator_groups:
            _figures_example(out, info.indicator_groups, 3)


def _measure_example(out: _Writer, depth: int, *, explained: bool) -> None:
    """An example to un-comment (measures default to an empty list, so none is written)."""
    out.comment(Area, "measures", depth)
    if explained:
        out.line(depth, "# 去掉下面各行开头的“# ”即可填写；再加一项就再写一组“- title: … text: …”")
    with out.commented(depth):
        out.line(depth, "measures:")
        title, text = (Measure.model_fields[name] for name in ("title", "text"))
        out.line(depth + 1, f"- title: 此处写举措标题  # {title.title}：{title.description}")
        out.line(depth + 2, f"text: 此处写举措正文  # {text.title}：{text.description}")


def _figures_example(out: _Writer, groups: tuple[str, ...], depth: int) -> None:
    out.comment(Area, "figures", depth)
    with out.commented(depth):
        _figures_lines(out, groups, depth)


def _figures_lines(out: _Writer, groups: tuple[str, ...], depth: int) -> None:
    out.line(depth, "figures:")
    for key in groups:
        group = INDICATOR_GROUPS[key]
        out.line(depth + 1, f"{key}:  # {group.group_title()}")
        for name in group.model_fields:
            unit = f"（{group.unit(name)}）" if group.unit(name) else ""
            out.line(depth + 2, f"{name}:  # {group.figure_title(name)}{unit}")


class _Writer:
    """Accumulates indented YAML lines.

    Inside `commented(depth)` lines become "# " at that depth followed by their own
    indentation, so deleting the "# " leaves valid, correctly indented YAML.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._comment_depth: int | None = None

    def line(self, depth: int, text: str) -> None:
        base = self._comment_depth
        if base is None:
            self.lines.append(f"{'  ' * depth}{text}")
        else:
            self.lines.append(f"{'  ' * base}# {'  ' * (depth - base)}{text}")

    def blank(self) -> None:
        self.lines.append("")

    def comment(self, model: type[BaseModel], name: str, depth: int) -> None:
        info = model.model_fields[name]
        self.line(depth, f"# {info.title}：{info.description}")

    def field(self, model: type[BaseModel], name: str, value: object, depth: int) -> None:
        self.comment(model, name, depth)
        self.line(depth, f"{name}:{_yaml_value(value)}")

    def section(
        self,
        parent: type[BaseModel],
        name: str,
        model: type[BaseModel],
        values: dict,
        skip: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        self.blank()
        self.comment(parent, name, 0)
        self.line(0, f"{name}:")
        for key, info in model.model_fields.items():
            if key not in skip:
                default = info.default if isinstance(info.default, bool) else None
                self.field(model, key, values.get(key, [] if key in _LIST_FIELDS else default), 1)

    @contextlib.contextmanager
    def commented(self, depth: int) -> Iterator[None]:
        self._comment_depth = depth
        try:
            yield
        finally:
            self._comment_depth = None


def _yaml_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " [" + ", ".join(_yaml_scalar(item) for item in value) + "]"
    return " " + _yaml_scalar(value)


def _yaml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    # Plain when unambiguous; otherwise a JSON string, which is valid double-quoted YAML.
    return text if _PLAIN.match(text) and not text.isdigit() else json.dumps(text, ensure_ascii=False)
