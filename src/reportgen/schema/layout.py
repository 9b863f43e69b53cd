"""Layout settings: the variants real jurisdictions use on top of GB/T 9704-2012.

They live in the profile (`layout:`), typed and validated like every other field, so a
bureau can keep one layout block and copy it into each jurisdiction's profile.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from reportgen import messages
from reportgen.document.model import FontNames
from reportgen.document.numbering import DEFAULT_TOKENS, RUN_IN_SUFFIX, numbering_format
from reportgen.schema.base import Name, ProfileModel, empty_list, field


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


def _font_name(name: str) -> str:
    """A font name goes into the DOCX as an XML attribute and must name an installed font:
    an invisible character (a control character, a full-width space) can do neither."""
    names = list(dict.fromkeys(found for char in name if (found := messages.character_name(char))))
    if names:
        raise PydanticCustomError(
            "rg_font_name",
            messages.CUSTOM["rg_font_name"],
            {"names": "、".join(names), "shown": messages.show_value(name)},
        )
    return name


FontName = Annotated[Name, AfterValidator(_font_name)]


class Fonts(ProfileModel):
    """字体：按 GB/T 9704 的要求默认为各地 Windows 电脑常见的字体名。"""

    title: FontName = field("标题字体", "2号小标宋体（GB/T 9704 7.3.1）", default=_DEFAULT.title)
    heading1: FontName = field("一级标题字体", "“一、”级标题，黑体（7.3.3）", default=_DEFAULT.heading1)
    heading2: FontName = field("二级标题字体", "“（一）”级标题，楷体（7.3.3）", default=_DEFAULT.heading2)
    body: FontName = field("正文字体", "正文及“1.”“（1）”级标题，3号仿宋体（5.2.2）", default=_DEFAULT.body)
    page_number: FontName = field("页码字体", "4号半角宋体阿拉伯数字（7.5）", default=_DEFAULT.page_number)
    latin: FontName = field("西文字体", "数字和西文字母的字体（地方惯例）", default=_DEFAULT.latin)


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
        default_factory=empty_list,
        title="标题分行",
        description="标题较长时按意思分行（GB/T 9704 7.3.1），每行一项，连起来须与标题一致（可按惯例写成“报  告”，"
        "字间空格不计）；不填则不分行",
    )
    numbering: list[str] = Field(
        default_factory=lambda: list(DEFAULT_TOKENS),
        title="编号样式",
        description="各级编号的样子，自上而下：部分、工作领域、举措、子项。默认 [一、, （一）, 1., （1）]"
        "（GB/T 9704 7.3.3）；举措写成“一是……二是……”时如 [一、, （一）, 一是]；领域用“1.”时如 [一、, 1., 一是]；"
        "举措直接列在部分之下（没有领域）时如 [一、, 一是]。“一是”之后最多再写一级（子项）。"
        "存在的不足、工作安排等部分的各项与举措编号相同。编号由系统生成，正文和标题中不要写编号",
    )

    @field_validator("numbering", mode="before")
    @classmethod
    def _numbering(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value  # pydantic reports the wrong type
        tokens = []
        for token in value:
            text = _token_text(token)
            if not text or numbering_format(text) is None or len(text) > 8:
                raise PydanticCustomError(
                    "rg_numbering_token", messages.CUSTOM["rg_numbering_token"], {"shown": messages.show_value(token)}
                )
            tokens.append(text)
        problem = _numbering_problem([numbering_format(token) or "" for token in tokens])
        if problem:
            raise PydanticCustomError("rg_numbering_shape", messages.CUSTOM["rg_numbering_shape"], {"problem": problem})
        return tokens

    @field_validator("page_numbers", mode="before")
    @classmethod
    def _page_numbers(cls, value: Any) -> PageNumbers:
        if isinstance(value, str) and value.strip() in _PAGE_NUMBER_ALIASES:
            return _PAGE_NUMBER_ALIASES[value.strip()]
        raise PydanticCustomError(
            "rg_page_numbers", messages.CUSTOM["rg_page_numbers"], {"shown": messages.show_value(value)}
        )


def _numbering_problem(formats: list[str]) -> str:
    """Why a list of number formats cannot number a report, or ""."""
    if not 1 <= len(formats) <= 4:
        return f"应写 1 到 4 级，实为 {len(formats)} 级"
    if len(set(formats)) != len(formats):
        return "各级编号不能相同"
    if formats[0].endswith(RUN_IN_SUFFIX):
        return "第一级是各部分的标题，不能用“一是”"
    if any(fmt.endswith(RUN_IN_SUFFIX) for fmt in formats[:-2]):
        return "“一是”之后最多再有一级（举措下的子项）"
    return ""


def _token_text(token: Any) -> str:
    """A level as typed: YAML reads an unquoted 1. as the number 1, which here means "1."."""
    if isinstance(token, str):
        return token.strip(" \t")  # a full-width space after "第一部分" is part of the style
    if not isinstance(token, bool) and isinstance(token, int | float | Decimal) and token == 1:
        return "1."
    return ""
