"""Layout settings: the variants real jurisdictions use on top of GB/T 9704-2012.

They live in the profile (`layout:`), typed and validated like every other field, so a
bureau can keep one layout block and copy it into each jurisdiction's profile.
"""

from __future__ import annotations

import enum
from typing import Any

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from reportgen import messages
from reportgen.document.model import FontNames
from reportgen.schema.base import Name, ProfileModel, field


class PageNumbers(enum.StrEnum):
    ODD_EVEN = "odd_even"  # GB/T 9704 7.5: 单页码居右空一字，双页码居左空一字
    CENTERED = "centered"  # many local reports centre every page number


_PAGE_NUMBER_ALIASES = {
    **{value.value: value for value in PageNumbers},
    "单双页": PageNumbers.ODD_EVEN,
    "单页居右双页居左": PageNumbers.ODD_EVEN,
    "居中": PageNumbers.CENTERED,
}


# The defaults are the document model's, so the writer and the schema cannot disagree.
_DEFAULT = FontNames()


class Fonts(ProfileModel):
    """字体：按 GB/T 9704 的要求默认为各地 Windows 电脑常见的字体名。"""

    title: Name = field("标题字体", "2号小标宋体（GB/T 9704 7.3.1）", default=_DEFAULT.title)
    heading1: Name = field("一级标题字体", "“一、”级标题，黑体（7.3.3）", default=_DEFAULT.heading1)
    heading2: Name = field("二级标题字体", "“（一）”级标题，楷体（7.3.3）", default=_DEFAULT.heading2)
    body: Name = field("正文字体", "正文及“1.”“（1）”级标题，3号仿宋体（5.2.2）", default=_DEFAULT.body)
    page_number: Name = field("页码字体", "4号半角宋体阿拉伯数字（7.5）", default=_DEFAULT.page_number)
    latin: Name = field("西文字体", "数字和西文字母的字体（地方惯例）", default=_DEFAULT.latin)


class Layout(ProfileModel):
    """版式设置：页码样式、三级标题加粗、字体、标题分行。"""

    page_numbers: PageNumbers = field(
        "页码样式",
        "odd_even（单页码居右、双页码居左，GB/T 9704 7.5，默认）或 centered（居中）；也可写“单双页”“居中”",
        default=PageNumbers.ODD_EVEN,
    )
    bold_level3: bool = field("三级标题加粗", "“1.”级标题用仿宋加粗（地方习惯，标准未要求）；默认 false", default=False)
    fonts: Fonts = field("字体", "各部分所用字体的名称", default_factory=Fonts)
    title_lines: list[Name] = Field(
        default_factory=list,
        title="标题分行",
        description="标题较长时按意思分行（GB/T 9704 7.3.1），每行一项，连起来须与标题一致；不填则不分行",
    )

    @field_validator("page_numbers", mode="before")
    @classmethod
    def _page_numbers(cls, value: Any) -> PageNumbers:
        if isinstance(value, str) and value.strip() in _PAGE_NUMBER_ALIASES:
            return _PAGE_NUMBER_ALIASES[value.strip()]
        raise PydanticCustomError(
            "rg_page_numbers", messages.CUSTOM["rg_page_numbers"], {"shown": messages.show_value(value)}
        )
