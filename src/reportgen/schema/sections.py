"""The report's parts: achievements by area, shortcomings, leader duties, plans, other.

Numbering (一、（一）1.（1）, 一是/二是) is never typed here: order in the lists is the
order in the report, and the renderer numbers it.
"""

from __future__ import annotations

from typing import Any

from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from reportgen import messages
from reportgen.schema.areas import AREAS, StandardArea
from reportgen.schema.base import ProfileModel, Text, empty_list, field
from reportgen.schema.indicators import Figures


class _TitledItem(ProfileModel):
    """An item with a title, a text or both (never neither): a sub-item, a problem."""

    title: Text = None
    text: Text = None

    @model_validator(mode="after")
    def _not_empty(self) -> _TitledItem:
        if not (self.title or self.text):
            raise PydanticCustomError("rg_measure_empty", messages.CUSTOM["rg_measure_empty"])
        return self


class SubItem(_TitledItem):
    """举措下的子项：可有小标题和正文。"""

    title: Text = field("子项标题", "子项的小标题，如 推动解决一批烂尾工程；不写编号")
    text: Text = field("子项正文", "子项的具体内容")


class Measure(ProfileModel):
    """一项举措：小标题、正文，可有子项和数字。"""

    title: Text = field("举措标题", "一句话的小标题，如 深入推进“放管服”改革；不写“1.”“一是”等编号")
    text: Text = field("举措正文", "做了什么、成效如何；数字尽量填在 figures 中，由系统写成句子")
    items: list[SubItem] = field("子项", "举措下再分的几点（如 （1）……（2）……）", default_factory=empty_list)
    items_as_paragraphs: bool = field(
        "子项各自成段",
        "默认 false：子项接在举措正文之后，同在一段；设为 true 时每个子项单独成段",
        default=False,
    )
    figures: Figures | None = field("数字", "这项举措涉及的标准指标，如 行政复议的收到、受理、审结件数")

    @model_validator(mode="after")
    def _not_empty(self) -> Measure:
        if not (self.title or self.text or self.items or self.figures):
            raise PydanticCustomError("rg_measure_empty", messages.CUSTOM["rg_measure_empty"])
        return self


def _parse_area(value: Any) -> Any:
    if value is None or isinstance(value, StandardArea):
        return value
    if isinstance(value, str):
        text = value.strip()
        for area, info in AREAS.items():
            if text in (area.value, info.title, info.full_title):
                return area
    choices = "、".join(area.value for area in StandardArea)
    raise PydanticCustomError(
        "rg_area", messages.CUSTOM["rg_area"], {"choices": choices, "shown": messages.show_value(value)}
    )


class Area(ProfileModel):
    """一个工作领域（纲要的一个方面，或自定义领域）。"""

    area: StandardArea | None = field(
        "标准领域",
        "纲要十个方面之一的键，如 dispute_resolution（矛盾纠纷化解）；自定义领域不写此项",
    )
    title: Text = field("领域标题", "不填时用纲要的标准标题；可改成本单位报告的写法；不写“（一）”等编号")
    text: Text = field("领域概述", "本领域开头的概括性段落")
    measures: list[Measure] = field("举措", "本领域的各项举措，按报告中的顺序", default_factory=empty_list)
    figures: Figures | None = field("数字", "本领域涉及、但不属于某一项举措的标准指标")

    @field_validator("area", mode="before")
    @classmethod
    def _area(cls, value: Any) -> Any:
        return _parse_area(value)

    @model_validator(mode="after")
    def _title_or_area(self) -> Area:
        if self.area is None and not self.title:
            raise PydanticCustomError("rg_area_needs_title", messages.CUSTOM["rg_area_needs_title"])
        return self

    @property
    def heading(self) -> str:
        if self.title:
            return self.title
        assert self.area is not None  # guaranteed by _title_or_area
        return AREAS[self.area].title

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.measures or self.figures)


class Achievements(ProfileModel):
    """主要举措和成效（报告的第一部分）。"""

    title: Text = field("部分标题", "不填时为“主要举措和成效”；可改为本单位的写法，如 工作开展情况")
    intro: Text = field("导语", "这一部分开头的概括性段落")
    areas: list[Area] = field("工作领域", "按报告中的顺序排列的各领域", default_factory=empty_list)
    measures: list[Measure] = field(
        "举措",
        "不分工作领域、直接列在这一部分之下的各项举措（如乡镇报告的“一是……二是……”）；与 areas 二选一",
        default_factory=empty_list,
    )

    @model_validator(mode="after")
    def _areas_or_measures(self) -> Achievements:
        if self.areas and self.measures:
            raise PydanticCustomError("rg_areas_and_measures", messages.CUSTOM["rg_areas_and_measures"])
        return self

    @property
    def is_empty(self) -> bool:
        return not self.measures and all(area.is_empty for area in self.areas)


class Block(ProfileModel):
    """一节文字：标题、正文和若干举措。"""

    title: Text = field("标题", "不填时用该部分的标准标题；不写编号")
    text: Text = field("正文", "这一节的内容")
    measures: list[Measure] = field("分项", "这一节中的各项（如 一是……二是……）", default_factory=empty_list)

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.measures)


class Shortcoming(_TitledItem):
    """一条不足及其原因。"""

    title: Text = field("不足标题", "一句话概括，如 基层执法人员素质参差不齐；不写“一是”等编号")
    text: Text = field("不足说明", "具体表现")
    cause: Text = field("原因", "造成这一不足的原因（督察规定要求写明）")


class Shortcomings(ProfileModel):
    """存在的不足和原因（报告的第二部分）。"""

    title: Text = field("部分标题", "不填时为“存在的不足和原因”；可改为本单位的写法")
    intro: Text = field("导语", "如 2023年……但仍存在一些不足：")
    effects: Block | None = field("工作成效", "有的报告在本部分先总结成效和经验（如“工作成效和存在的问题”），写在这里")
    items_title: Text = field("不足小标题", "本部分分小节时，不足一节的标题，如 存在的问题")
    items: list[Shortcoming] = field("不足", "各条不足，按报告中的顺序", default_factory=empty_list)
    items_inline: bool = field(
        "不足写成一段",
        "设为 true 时导语和各条不足写成一段（“……：一是……；二是……。”）；默认每条不足单独成段",
        default=False,
    )
    suggestions: Block | None = field("意见建议", "向上级提出的意见建议（如有）")


class Plans(ProfileModel):
    """下一年度工作安排（报告的第三部分）。"""

    title: Text = field("部分标题", "不填时为“下一年度工作安排”；可改为本单位的写法，如 2025年工作计划")
    intro: Text = field("导语", "如 2025年，我县将……重点做好以下工作：")
    approach: Text = field("工作思路", "下一年度的工作思路（分“思路、目标、措施”写时）")
    goals: Text = field("目标任务", "下一年度的主要目标任务（分“思路、目标、措施”写时）")
    items_title: Text = field("措施小标题", "分“思路、目标、措施”写时，措施一节的标题")
    items: list[Measure] = field("工作安排", "各项工作安排，按报告中的顺序", default_factory=empty_list)
    item_headings: bool = field(
        "安排作小标题",
        "设为 true 时各项安排作为小标题（（一）（二）……）单独成段；默认写成“一是……二是……”",
        default=False,
    )

    @property
    def is_empty(self) -> bool:
        return not (self.intro or self.approach or self.goals or self.items)
