"""Schema errors, keyed by pydantic's error `type` and `ctx`, never by its English text;
and the templates of the errors our own validators raise."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from reportgen.messages.values import expected_actual, show_text


def _expect(expected: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda error: expected_actual(expected, error.get("input"))


def _missing(error: Mapping[str, Any]) -> str:
    return "缺少必填项，请补上"


def _extra(error: Mapping[str, Any]) -> str:
    key = error["loc"][-1] if error.get("loc") else ""
    suggestion = (error.get("ctx") or {}).get("suggestion")
    tail = f"；是否想写“{suggestion}”？" if suggestion else "；请检查拼写，或删除这一项"
    return f"不认识的字段“{show_text(str(key))}”" + tail


def _enum(error: Mapping[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    expected = ctx.get("expected", "")
    return expected_actual(f"以下之一：{expected}", error.get("input"))


def _bound(word: str) -> Callable[[Mapping[str, Any]], str]:
    def explain(error: Mapping[str, Any]) -> str:
        ctx = error.get("ctx") or {}
        limit = next(iter(ctx.values()), "")
        return expected_actual(f"{word} {limit} 的数", error.get("input"))

    return explain


def _too_short(error: Mapping[str, Any]) -> str:
    return expected_actual("非空内容", error.get("input"))


def _custom(error: Mapping[str, Any]) -> str:
    # Our own validators raise PydanticCustomError whose template is already Chinese.
    return str(error.get("msg", ""))


_SCHEMA_MESSAGES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "string_type": _expect("文字"),
    "string_too_short": _too_short,
    "too_short": _too_short,
    "int_type": _expect("整数"),
    "int_parsing": _expect("整数（阿拉伯数字，不带单位）"),
    "int_from_float": _expect("整数，不能有小数"),
    "bool_type": _expect("true 或 false"),
    "bool_parsing": _expect("true 或 false"),
    "date_type": _expect("日期，如 2025-03-12 或 2025年3月12日"),
    "date_parsing": _expect("日期，如 2025-03-12 或 2025年3月12日"),
    "date_from_datetime_parsing": _expect("存在的日期，如 2025-03-12 或 2025年3月12日"),
    "date_from_datetime_inexact": _expect("只含日期、不含时刻的值，如 2025-03-12"),
    "enum": _enum,
    "literal_error": _enum,
    "list_type": _expect("一个列表（每项以“- ”开头）"),
    "dict_type": _expect("一组“键: 值”"),
    "model_type": _expect("一组“键: 值”"),
    "model_attributes_type": _expect("一组“键: 值”"),
    "greater_than_equal": _bound("不小于"),
    "greater_than": _bound("大于"),
    "less_than_equal": _bound("不大于"),
    "less_than": _bound("小于"),
    "decimal_type": _expect("数字"),
    "decimal_parsing": _expect("数字"),
    "float_type": _expect("数字"),
    "float_parsing": _expect("数字"),
    "path_type": _expect("文件路径"),
}


def schema_error(error: Mapping[str, Any]) -> str:
    """Chinese text for one entry of pydantic's ValidationError.errors()."""
    kind = error.get("type", "")
    explain = _SCHEMA_MESSAGES.get(kind)
    if explain is not None:
        return explain(error)
    if kind.startswith("rg_"):
        return _custom(error)
    return expected_actual("符合要求的值", error.get("input"))


# PydanticCustomError(type, template, ctx): pydantic fills {name} from ctx, so these are
# the message templates, keyed by the error types our validators raise.

CUSTOM = {
    "rg_count": "应为非负整数，可带“余”表示约数（如 3000余）或用“万”（如 8.9万），实为 {shown}",
    "rg_count_unit": "数字后不要写单位，直接写 {number}；单位“{unit}”由系统补上，实为 {shown}",
    "rg_count_chinese": "请用阿拉伯数字（如 14），实为 {shown}",
    "rg_number_radix": "以“{prefix}”开头是{base}的写法，不是资料中应有的数字；请直接写十进制的阿拉伯数字，实为 {shown}",
    "rg_number_underscore": (
        "数字中有下划线“_”，看不出是哪个数；请去掉下划线直接写数字（千位分隔可写 1,234），实为 {shown}"
    ),
    "rg_number_separator": (
        "数字之间有“{mark}”，看不出是一个数还是几个数；一项只填一个数，千位分隔请用英文逗号（如 1,234），实为 {shown}"
    ),
    "rg_number_grouping": (
        "逗号不在千位分隔的位置（应每三位一个，如 1,234、12,345,678），看不出是哪个数；"
        "小数点请写“.”，或去掉逗号直接写数字，实为 {shown}"
    ),
    "rg_percent": '应为 0 到 100 之间的百分数，如 98.5 或 "98.5%"，可写“95%以上”，实为 {shown}',
    "rg_amount": "应为金额数字（元），可用“万”“亿”（如 2.78万），实为 {shown}",
    "rg_date": "应为存在的日期，如 2025-03-12 或 2025年3月12日，实为 {shown}",
    "rg_level": "应为以下之一：{choices}，实为 {shown}",
    "rg_area": "应为标准领域之一：{choices}；自定义领域请不写 area、只写 title，实为 {shown}",
    "rg_year": "应为四位年份（如 2024），实为 {shown}",
    "rg_blank": "不能为空；如暂时没有内容，请删除这一项",
    "rg_area_needs_title": "自定义领域必须写 title（标题）；标准领域写 area（如 dispute_resolution）",
    "rg_measure_empty": "这条举措既没有标题也没有正文，请补写或删除",
    "rg_last_year_source": "请只写 profile（去年的资料文件）或 figures（去年的数字）中的一项",
    "rg_font_name": (
        "字体名称中不能有不可见的字符（{names}），Word 找不到这样的字体；"
        "请删去，只写字体名，如 仿宋_GB2312，实为 {shown}"
    ),
    "rg_page_numbers": "应为 odd_even（单页码居右、双页码居左）或 centered（居中），实为 {shown}",
    "rg_areas_and_measures": (
        "areas（分工作领域）和 measures（举措直接列在部分之下）只能写一种；请把举措移到各领域中，或删去领域"
    ),
    "rg_numbering_token": "每一级写这一级第一个编号的样子，如 一、 （一） 1. （1） 一是，实为 {shown}",
    "rg_numbering_shape": (
        "{problem}；常见写法：[一、, （一）, 1., （1）]（默认）、[一、, （一）, 一是]、[一、, 1., 一是]、[一、, 一是]"
    ),
}
