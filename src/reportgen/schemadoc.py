"""The schema described for people and editors: JSON Schema and a Markdown reference.

Both are generated from the models; `reportgen schema` writes them and a test fails when
the committed copies are stale.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from reportgen.schema import AREAS, Profile
from reportgen.schema.base import AtMost, IndicatorGroup, RateOf, SumOf
from reportgen.schema.indicators import INDICATOR_GROUPS
from reportgen.schema.introspect import unwrap_annotation
from reportgen.schema.jurisdiction import LEVEL_ALIASES, Jurisdiction, Level
from reportgen.schema.layout import Fonts, Layout
from reportgen.schema.profile import LastYear
from reportgen.schema.publication import Publication
from reportgen.schema.sections import (
    Achievements,
    Area,
    Block,
    Measure,
    Plans,
    Shortcoming,
    Shortcomings,
    SubItem,
)

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    schema = Profile.model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


_SECTION_MODELS: list[tuple[str, type[BaseModel]]] = [
    ("资料文件（最外层）", Profile),
    ("jurisdiction 单位", Jurisdiction),
    ("publication 发布信息", Publication),
    ("achievements 主要举措和成效", Achievements),
    ("areas[] 工作领域", Area),
    ("measures[] 举措", Measure),
    ("items[] 子项", SubItem),
    ("shortcomings 存在的不足和原因", Shortcomings),
    ("shortcomings.items[] 不足", Shortcoming),
    ("leader_duties、other_matters、effects、suggestions 一节文字", Block),
    ("plans 下一年度工作安排", Plans),
    ("last_year 上一年度", LastYear),
    ("layout 版式", Layout),
    ("layout.fonts 字体", Fonts),
]


def markdown_reference() -> str:
    lines = [
        "# 资料文件字段参考",
        "",
        "<!-- 本文件由 `reportgen schema --format markdown -o docs/schema-reference.md` 生成，请勿手改。 -->",
        "",
        "资料文件（YAML）的每个字段：键、中文名、类型和说明。填写方法见 [填写指南](clerk-guide.md)。",
        "",
    ]
    for heading, model in _SECTION_MODELS:
        lines += _model_table(heading, model)
    lines += _levels()
    lines += _areas()
    lines += ["## figures 数字（标准指标）", ""]
    lines += [
        "数字写在所属的领域（`areas[].figures`）或举措（`measures[].figures`）下。"
        "计数可写约数（`3000余`）或用“万”（`8.9万`）；比率只在报告没有给出计算它的数字时填写。",
        "“写成句子”是 `in_text` 不为 true 时系统叙述这个数字的说法：N 为所填数字，"
        "“全县”按单位换成全乡、全地区、本局等（jurisdiction.scope）。",
        "",
    ]
    for key, group in INDICATOR_GROUPS.items():
        lines += _group_table(key, group)
    return "\n".join(lines).rstrip() + "\n"


def _model_table(heading: str, model: type[BaseModel]) -> list[str]:
    lines = [f"## {heading}", "", "| 键 | 中文名 | 类型 | 说明 |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        required = "（必填）" if info.is_required() else ""
        lines.append(
            f"| `{name}` | {info.title}{required} | {_type_name(info.annotation)} | {_cell(info.description)} |"
        )
    return [*lines, ""]


def _type_name(annotation: Any) -> str:
    core = unwrap_annotation(annotation)
    name = getattr(core, "__name__", str(core))
    if getattr(core, "__origin__", None) is list:
        inner = unwrap_annotation(core.__args__[0])
        return f"列表（{_type_name(inner)}）"
    return {
        "str": "文字",
        "int": "整数",
        "Level": "层级",
        "StandardArea": "标准领域键",
        "date": "日期",
        "Path": "文件路径",
        "Figures": "数字",
        "PageNumbers": "页码样式",
        "bool": "true 或 false",
    }.get(name, name if not issubclass_safe(core, BaseModel) else "一组字段")


def issubclass_safe(value: Any, cls: type) -> bool:
    return isinstance(value, type) and issubclass(value, cls)


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _levels() -> list[str]:
    lines = ["## 层级（jurisdiction.level）", "", "| 键 | 含义 | 也可写作 |", "|---|---|---|"]
    for level in Level:
        aliases = [alias for alias, value in LEVEL_ALIASES.items() if value is level and alias != level.value]
        lines.append(f"| `{level.value}` | {level.title} | {'、'.join(aliases)} |")
    return [*lines, ""]


def _areas() -> list[str]:
    lines = [
        "## 标准领域（areas[].area）",
        "",
        "《法治政府建设实施纲要（2021—2025年）》的十个方面。",
        "",
        "| 键 | 标准标题 | 常用数字 |",
        "|---|---|---|",
    ]
    for area, info in AREAS.items():
        groups = "、".join(f"`{key}`" for key in info.indicator_groups)
        lines.append(f"| `{area.value}` | {info.full_title} | {groups} |")
    return [*lines, ""]


def _group_table(key: str, group: type[IndicatorGroup]) -> list[str]:
    lines = [
        f"### `{key}` {group.group_title()}",
        "",
        "| 键 | 中文名 | 单位 | 说明 | 写成句子 |",
        "|---|---|---|---|---|",
    ]
    for name, info in group.model_fields.items():
        unit = group.unit(name)
        phrase = group.phrase(name)
        said = phrase.fill(f"N{unit}", "全县") if phrase else ""
        lines.append(f"| `{name}` | {info.title} | {unit} | {_cell(info.description)} | {_cell(said)} |")
    rules = [_rule_text(group, rule) for rule in group.RULES]
    if rules:
        lines += ["", "校验与计算：", ""] + [f"- {rule}" for rule in rules]
    return [*lines, ""]


def _rule_text(group: type[IndicatorGroup], rule: AtMost | SumOf | RateOf) -> str:
    def title(name: str) -> str:
        return group.model_fields[name].title or name

    if isinstance(rule, AtMost):
        return f"{title(rule.part)} ≤ {title(rule.whole)}"
    if isinstance(rule, SumOf):
        parts = " + ".join(title(name) for name in rule.parts)
        return f"{title(rule.whole)} ≥ {parts}（各项都填写时相等；分项都填写而总数未填时自动合计）"
    return f"{title(rule.rate)} = {rule.definition or title(rule.numerator[0])} × 100%（自动计算）"
