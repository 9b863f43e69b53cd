"""`reportgen init`: a starter profile with a Chinese comment above every field.

The comments are the schema's own titles and descriptions, so they cannot drift from it.
The file validates as written, with warnings for the parts still empty.
"""

from __future__ import annotations

import json
import re

from pydantic import BaseModel

from reportgen.schema import AREAS, Profile
from reportgen.schema.indicators import INDICATOR_GROUPS
from reportgen.schema.jurisdiction import LEVEL_TITLES, Jurisdiction, Level, parse_level
from reportgen.schema.profile import LastYear
from reportgen.schema.publication import Publication
from reportgen.schema.sections import Achievements, Area, Block, Measure, Plans, Shortcomings

_PLAIN = re.compile(r"^[\w\u4e00-\u9fff（）、·.-]+$")
_LIST_FIELDS = {"items", "measures", "signatories", "parents", "areas"}


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
    out.section(Profile, "publication", Publication, {"signatories": [government]})
    out.blank()
    out.field(Profile, "preamble", None, 0)
    _achievements(out)
    out.section(Profile, "shortcomings", Shortcomings, {}, skip={"effects", "suggestions"})
    out.section(Profile, "leader_duties", Block, {})
    out.section(Profile, "plans", Plans, {})
    out.section(Profile, "other_matters", Block, {})
    out.blank()
    with out.commented():
        out.comment(Profile, "last_year", 0)
        out.line(0, "last_year:")
        out.field(LastYear, "profile", starter_file_name(name, year - 1), 1)
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
        out.field(Area, "measures", [], 3)
        with out.commented():
            if index == 0:
                _measure_example(out, 3)
            if info.indicator_groups:
                _figures_example(out, info.indicator_groups, 3)


def _measure_example(out: _Writer, depth: int) -> None:
    out.line(depth, "measures:")
    out.line(depth + 1, "- title: 此处写举措标题")
    out.comment(Measure, "title", depth + 2)
    out.line(depth + 2, "text: 此处写举措正文")
    out.comment(Measure, "text", depth + 2)


def _figures_example(out: _Writer, groups: tuple[str, ...], depth: int) -> None:
    out.comment(Area, "figures", depth)
    out.line(depth, "figures:")
    for key in groups:
        group = INDICATOR_GROUPS[key]
        out.line(depth + 1, f"{key}:  # {group.group_title()}")
        for name, info in group.model_fields.items():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            unit = f"（{extra['unit']}）" if "unit" in extra else ""
            out.line(depth + 2, f"{name}:  # {info.title}{unit}")


class _Writer:
    """Accumulates indented YAML lines; inside `commented()` every line is prefixed "# "."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._commenting = False

    def line(self, depth: int, text: str) -> None:
        prefix = "# " if self._commenting and not text.startswith("#") else ""
        self.lines.append(f"{'  ' * depth}{prefix}{text}")

    def blank(self) -> None:
        self.lines.append("")

    def comment(self, model: type[BaseModel], name: str, depth: int) -> None:
        info = model.model_fields[name]
        self.line(depth, f"# {info.title}：{info.description}")

    def field(self, model: type[BaseModel], name: str, value: object, depth: int) -> None:
        self.comment(model, name, depth)
        self.line(depth, f"{name}:{_yaml_value(value)}")

    def section(
        self, parent: type[BaseModel], name: str, model: type[BaseModel], values: dict,
        skip: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        self.blank()
        self.comment(parent, name, 0)
        self.line(0, f"{name}:")
        for key in model.model_fields:
            if key not in skip:
                self.field(model, key, values.get(key, [] if key in _LIST_FIELDS else None), 1)

    def commented(self) -> _Commenting:
        return _Commenting(self)


class _Commenting:
    def __init__(self, writer: _Writer) -> None:
        self.writer = writer

    def __enter__(self) -> None:
        self.writer._commenting = True

    def __exit__(self, *exc: object) -> None:
        self.writer._commenting = False


def _yaml_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " [" + ", ".join(_yaml_scalar(item) for item in value) + "]"
    return " " + _yaml_scalar(value)


def _yaml_scalar(value: object) -> str:
    text = str(value)
    return text if _PLAIN.match(text) and not text.isdigit() or isinstance(value, int) else json.dumps(text, ensure_ascii=False)
