"""Value types a clerk types into a profile: counts, percentages, amounts, dates.

Each accepts the forms the reference reports use ("3000余", "8.9万", "95%以上",
"2025年3月12日") and rejects anything else with a Chinese message (messages.CUSTOM).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from reportgen import messages

_NUMBER = r"(?P<number>\d+(?:\.\d+)?)(?P<scale>万|亿)?"
_COUNT_RE = re.compile(rf"^{_NUMBER}(?P<approx>余|多)?$")
_PERCENT_RE = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*%?\s*(?P<atleast>以上)?$")
_UNIT_SUFFIX_RE = re.compile(r"^(?P<number>\d+(?:\.\d+)?(?:万|亿)?余?)(?P<unit>[^\d\s]{1,3})$")
_CN_DATE_RE = re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$")
_ISO_DATE_RE = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$")
_SCALES = {None: 1, "万": 10_000, "亿": 100_000_000}
# No figure in a county report comes near a trillion; bounding first also keeps a typed
# "1e9999999" from turning into a ten-million-digit integer.
MAX_COUNT = Decimal(10) ** 12
_CHINESE_DIGITS = set("零一二三四五六七八九十百千两")


def _error(kind: str, value: Any, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, messages.CUSTOM[kind], {"shown": messages.show_value(value), **ctx})


# ---------------------------------------------------------------- separators inside a number

# "1,234" and "12,345,678.5": thousands grouping, the one separator a number may hold.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_NUMBER_HEAD = re.compile(r"[\d,]*\d(?:\.\d+)?")
_RADIX = re.compile(r"[-+]?0([xob])", re.IGNORECASE)
_RADIX_NAMES = {"x": "十六进制", "o": "八进制", "b": "二进制"}
# Marks that, between two digits, make "14，15" two numbers or one: nobody can tell.
_LIST_MARKS = re.compile(r"\d\s*([，、；;])\s*\d")


def _ungrouped(text: str, original: Any) -> str:
    """`text` without its thousands commas; a number whose separators leave it ambiguous
    ("12,34", "14，15", "0x10", "1_000") is an error that shows it as typed."""
    radix = _RADIX.match(text)
    if radix:
        prefix = radix.group()[-2:]
        raise _error("rg_number_radix", original, prefix=prefix, base=_RADIX_NAMES[prefix[-1].lower()])
    if re.search(r"\d_|_\d", text):
        raise _error("rg_number_underscore", original)
    listed = _LIST_MARKS.search(text)
    if listed:
        raise _error("rg_number_separator", original, mark=listed.group(1))
    if "," not in text:
        return text
    head = _NUMBER_HEAD.match(text)
    if head is None or not _GROUPED.fullmatch(head.group()) or "," in text[head.end() :]:
        raise _error("rg_number_grouping", original)
    return head.group().replace(",", "") + text[head.end() :]


# ---------------------------------------------------------------- counts


class Count(int):
    """A non-negative whole count; `approximate` marks "3000余" (about, at least)."""

    approximate: bool
    scale: str  # "万" or "亿" when written so ("8.9万"), to be printed the same way

    def __new__(cls, value: int, approximate: bool = False, scale: str = "") -> Count:
        obj = super().__new__(cls, value)
        obj.approximate = approximate
        obj.scale = scale
        return obj

    def __repr__(self) -> str:
        return f"Count({int(self)}{', approximate=True' if self.approximate else ''})"

    def __str__(self) -> str:
        return f"{int(self)}{'余' if self.approximate else ''}"

    @classmethod
    def parse(cls, value: Any) -> Count:
        if isinstance(value, Count):
            return value
        if isinstance(value, bool):
            raise _error("rg_count", value)
        if isinstance(value, int):
            if not 0 <= value <= MAX_COUNT:
                raise _error("rg_count", value)
            return cls(value)
        if isinstance(value, Decimal | float):
            number = Decimal(str(value)) if isinstance(value, float) else value
            if number.is_finite() and 0 <= number <= MAX_COUNT and number == number.to_integral_value():
                return cls(int(number))
            raise _error("rg_count", value)
        if isinstance(value, str):
            return cls._parse_text(value.strip(), value)
        raise _error("rg_count", value)

    @classmethod
    def _parse_text(cls, text: str, original: str) -> Count:
        text = _ungrouped(text, original)
        match = _COUNT_RE.match(text)
        if match:
            amount = Decimal(match["number"]) * _SCALES[match["scale"]]
            if amount <= MAX_COUNT and amount == amount.to_integral_value():
                return cls(int(amount), approximate=bool(match["approx"]), scale=match["scale"] or "")
        unit = _UNIT_SUFFIX_RE.match(text)
        if unit:
            raise _error("rg_count_unit", original, number=unit["number"], unit=unit["unit"])
        if text and set(text) <= _CHINESE_DIGITS | set("余多"):
            raise _error("rg_count_chinese", original)
        raise _error("rg_count", original)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(cls.parse)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^\d+(\.\d+)?(万|亿)?(余|多)?$"},
            ]
        }


# ---------------------------------------------------------------- percentages


@dataclass(frozen=True)
class Percent:
    """A percentage as the clerk stated it: 98.8 keeps one decimal; "95%以上" is a bound."""

    value: Decimal
    at_least: bool = False

    @property
    def decimals(self) -> int:
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0

    def __str__(self) -> str:
        return f"{self.value}%{'以上' if self.at_least else ''}"

    @classmethod
    def parse(cls, value: Any) -> Percent:
        if isinstance(value, Percent):
            return value
        if isinstance(value, bool):
            raise _error("rg_percent", value)
        number: Decimal | None = None
        at_least = False
        if isinstance(value, int | Decimal):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(str(value))
        elif isinstance(value, str):
            text = _ungrouped(value.strip().replace("％", "%"), value)
            if text in ("百分之百", "百分之一百"):
                number = Decimal(100)
            match = _PERCENT_RE.match(text)
            if match:
                number, at_least = Decimal(match["number"]), bool(match["atleast"])
        if number is None or not Decimal(0) <= number <= Decimal(100):
            raise _error("rg_percent", value)
        return cls(number, at_least)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(cls.parse)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": r"^\d+(\.\d+)?\s*%?\s*(以上)?$"},
            ]
        }


# ---------------------------------------------------------------- amounts (yuan)


def parse_amount(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _error("rg_amount", value)
    if isinstance(value, int | Decimal):
        amount = Decimal(value)
    elif isinstance(value, str):
        match = re.match(rf"^{_NUMBER}元?$", _ungrouped(value.strip(), value))
        if not match:
            raise _error("rg_amount", value)
        amount = Decimal(match["number"]) * _SCALES[match["scale"]]
    else:
        raise _error("rg_amount", value)
    if not amount.is_finite() or not 0 <= amount <= MAX_COUNT:
        raise _error("rg_amount", value)
    return amount


class _AmountSchema:
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(parse_amount)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": r"^\d+(\.\d+)?(万|亿)?元?$"},
            ]
        }


Amount = Annotated[Decimal, _AmountSchema]


# ---------------------------------------------------------------- dates


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _ISO_DATE_RE.match(text) or _CN_DATE_RE.match(text)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                pass
    raise _error("rg_date", value)


class _DateSchema:
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(parse_date)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": r"^\d{4}(-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)$",
            "examples": ["2025-03-12", "2025年3月12日"],
        }


Date = Annotated[dt.date, _DateSchema]
