"""Shared building blocks of the profile schema: the base model, field helpers, rules.

Every field carries a Chinese `title` and `description`; they are what messages, the
JSON Schema, the starter profile's comments and the schema reference show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from reportgen import messages
from reportgen.schema.values import Count, Percent


def _strip_text(value: Any) -> Any:
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    return value


def _required_text(value: Any) -> Any:
    stripped = _strip_text(value)
    if stripped is None:
        raise PydanticCustomError("rg_blank", messages.CUSTOM["rg_blank"])
    return stripped


# Optional prose: stripped; blank means absent.
Text = Annotated[str | None, BeforeValidator(_strip_text)]
# A short required name: stripped, must not be blank.
Name = Annotated[str, BeforeValidator(_required_text)]


class ProfileModel(BaseModel):
    """Base of every profile model: unknown keys are errors (they are usually typos)."""

    model_config = ConfigDict(
        extra="forbid",
        validate_default=False,
        arbitrary_types_allowed=False,
        use_attribute_docstrings=False,
    )


def field(title: str, description: str, **kwargs: Any) -> Any:
    """A field with its Chinese title and description (and None as default unless given)."""
    if "default_factory" not in kwargs:
        kwargs.setdefault("default", None)
    return Field(title=title, description=description, **kwargs)


def count(title: str, unit: str, description: str = "") -> Any:
    return Field(
        default=None,
        title=title,
        description=description or f"{title}，单位：{unit}。可写约数，如 3000余",
        json_schema_extra={"unit": unit, "kind": "count"},
    )


def percent(title: str, description: str = "") -> Any:
    return Field(
        default=None,
        title=title,
        description=description
        or f'{title}（%）。只在报告只给出比率、没有给出计算它的数字时填写；如 98.5 或 "95%以上"',
        json_schema_extra={"unit": "%", "kind": "rate"},
    )


# ---------------------------------------------------------------- rules between figures


@dataclass(frozen=True)
class AtMost:
    """`part` can never exceed `whole` (受理 ≤ 收到; 实际出庭 ≤ 应出庭)."""

    part: str
    whole: str


@dataclass(frozen=True)
class SumOf:
    """`whole` is the sum of `parts`: never less than the parts given, equal when all are.

    When the parts given already add up to the whole, the missing parts are known to be 0.
    When the whole is missing and every part is given, the whole is computed.
    """

    whole: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class RateOf:
    """`rate` = sum(numerator) ÷ sum(denominator) × 100, computed whenever the counts are known."""

    rate: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    definition: str = ""


class IndicatorGroup(ProfileModel):
    """A group of related figures (行政复议, 调解 …) with the rules that bind them."""

    RULES: ClassVar[tuple[AtMost | SumOf | RateOf, ...]] = ()

    @classmethod
    def group_title(cls) -> str:
        return str(cls.model_config.get("title", cls.__name__))


__all__ = [
    "AtMost",
    "Count",
    "IndicatorGroup",
    "Name",
    "Percent",
    "ProfileModel",
    "RateOf",
    "SumOf",
    "Text",
    "count",
    "field",
    "percent",
]
