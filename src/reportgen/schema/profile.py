"""The root of a profile: one jurisdiction's facts and figures for one year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ConfigDict, field_validator, model_validator
from pydantic_core import PydanticCustomError

from reportgen import messages
from reportgen.schema.base import ProfileModel, Text, field
from reportgen.schema.indicators import Figures
from reportgen.schema.jurisdiction import Jurisdiction
from reportgen.schema.layout import Layout
from reportgen.schema.publication import Publication
from reportgen.schema.sections import Achievements, Block, Plans, Shortcomings

MIN_YEAR, MAX_YEAR = 2000, 2100


class LastYear(ProfileModel):
    """上一年度的数字，用于计算同比。"""

    profile: Path | None = field("去年的资料文件", "去年的资料文件路径（相对于本文件），如 托克逊县-2023.yaml")
    figures: Figures | None = field("去年的数字", "没有去年的资料文件时，直接填写去年的标准指标")

    @model_validator(mode="after")
    def _one_source(self) -> LastYear:
        if (self.profile is None) == (self.figures is None):
            raise PydanticCustomError("rg_last_year_source", messages.CUSTOM["rg_last_year_source"])
        return self


class Profile(ProfileModel):
    """法治政府建设年度报告的资料文件。"""

    model_config = ConfigDict(title="法治政府建设年度报告资料")

    jurisdiction: Jurisdiction = field("单位", "报告主体：行政区划或政府部门", default=...)
    year: int = field("报告年度", "报告所总结的年度，如 2024（在2025年第一季度发布）", default=...)
    publication: Publication = field("发布信息", "标题、索引号、文号、日期和署名", default_factory=Publication)
    preamble: Text = field("开头段落", "报告开头的总述，如 2024年，我县坚持以……现将有关情况报告如下：")
    achievements: Achievements = field(
        "主要举措和成效", "督察规定第1项：上一年度推进法治政府建设的主要举措和成效", default_factory=Achievements
    )
    shortcomings: Shortcomings = field(
        "存在的不足和原因", "督察规定第2项：存在的不足和原因", default_factory=Shortcomings
    )
    leader_duties: Block = field(
        "党政主要负责人履行第一责任人职责情况",
        "督察规定第3项：党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        default_factory=Block,
    )
    plans: Plans = field("下一年度工作安排", "督察规定第4项：下一年度推进法治政府建设的主要安排", default_factory=Plans)
    other_matters: Block = field(
        "其他需要报告的情况", "督察规定第5项：其他需要报告的情况（没有可不填）", default_factory=Block
    )
    last_year: LastYear | None = field("上一年度", "用于计算同比：去年的资料文件或去年的数字")
    layout: Layout = field("版式", "页码样式、三级标题加粗、字体和标题分行；一般不用填写", default_factory=Layout)
    templates: Path | None = field(
        "模板文件夹",
        "本单位自己的模板文件夹（相对于本文件）；其中与自带模板同名的文件优先使用。一般不用填写",
    )

    @field_validator("templates", mode="before")
    @classmethod
    def _templates(cls, value: Any) -> Any:
        # "templates:" left blank means none; that the folder exists is checked by validate,
        # which knows the profile's own folder (schema models do no I/O).
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: Any) -> int:
        text = str(value).strip().removesuffix("年度").removesuffix("年") if value is not None else ""
        if not isinstance(value, bool) and text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR:
            return int(text)
        raise PydanticCustomError("rg_year", messages.CUSTOM["rg_year"], {"shown": messages.show_value(value)})

    @property
    def title(self) -> str:
        return self.publication.title or f"{self.jurisdiction.name}{self.year}年法治政府建设年度报告"

    @property
    def signatories(self) -> list[str] | None:
        """The signing bodies the clerk gave; None when not given (the report shows a placeholder)."""
        return self.publication.signatories

    @property
    def publisher(self) -> str:
        return self.publication.publisher or self.jurisdiction.government_name
