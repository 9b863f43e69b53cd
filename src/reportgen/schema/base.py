"""Shared building blocks of the profile schema: the base model, field helpers, rules.

Every field carries a Chinese `title` and `description`; they are what messages, the
JSON Schema, the starter profile's comments and the schema reference show.
"""

from __future__ import annotations

import functools
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


def empty_list() -> list[Any]:
    """The default of a list field. Not `default_factory=list`: pydantic reads every default
    factory's signature when it builds a model, and for the builtin `list` that takes ~0.3 ms
    to fail (3 ms of the schema's import over its nine list fields; a function's takes 10 µs)."""
    return []


def field(title: str, description: str, **kwargs: Any) -> Any:
    """A field with its Chinese title and description (and None as default unless given)."""
    if "default_factory" not in kwargs:
        kwargs.setdefault("default", None)
    return Field(title=title, description=description, **kwargs)


PLACEHOLDER_VALUE = "{value}"
PLACEHOLDER_SCOPE = "{scope}"


@dataclass(frozen=True)
class Phrase:
    """How a sentence states one figure: its one meaning, in its one unit.

    `{value}` is the figure as printed with its unit ("14件", "80%", "3000余份", "2.78万元");
    `{scope}` is the jurisdiction's own word (全县, 全乡, 本局). `text` says everything on its
    own ("受理行政复议申请{value}"); `short` leaves out the subject for when a figure on the
    same subject comes just before it in the same sentence ("受理{value}").
    """

    text: str
    short: str = ""

    def fill(self, value: str, scope: str, short: bool = False) -> str:
        template = self.short if short and self.short else self.text
        return template.replace(PLACEHOLDER_SCOPE, scope).replace(PLACEHOLDER_VALUE, value)


def count(title: str, unit: str, description: str = "", *, phrase: str, short: str = "") -> Any:
    """A count field. `phrase` is how a sentence states it (see Phrase), in this unit."""
    return Field(
        default=None,
        title=title,
        description=description or f"{title}，单位：{unit}。可写约数，如 3000余",
        json_schema_extra=phrase_extra({"unit": unit, "kind": "count"}, phrase, short),
    )


def percent(title: str, description: str = "", *, phrase: str, short: str = "") -> Any:
    """A rate field (%). `phrase` is how a sentence states it (see Phrase)."""
    return Field(
        default=None,
        title=title,
        description=description
        or f'{title}（%）。只在报告只给出比率、没有给出计算它的数字时填写；如 98.5 或 "95%以上"',
        json_schema_extra=phrase_extra({"unit": "%", "kind": "rate"}, phrase, short),
    )


def phrase_extra(extra: dict[str, Any], phrase: str, short: str = "") -> dict[str, Any]:
    """A figure field's schema extras with its phrase; a phrase without {value} is our bug."""
    for text in (phrase, short):
        if text and PLACEHOLDER_VALUE not in text:
            raise ValueError(f"phrase {text!r} has no {PLACEHOLDER_VALUE}")
    if not phrase:
        raise ValueError("a figure field needs a phrase")
    return {**extra, "phrase": phrase, **({"short": short} if short else {})}


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


@dataclass(frozen=True)
class FigureField:
    """One figure of a group as its schema declares it: key, Chinese title, unit, kind and phrase."""

    name: str
    title: str
    unit: str
    kind: str  # "count", "rate" or "amount"
    phrase: Phrase | None


class IndicatorGroup(ProfileModel):
    """A group of related figures (行政复议, 调解 …) with the rules that bind them.

    The schema's metadata is read here, once: derive, checks, render, the starter profile and
    the docs ask the group for its figure fields instead of unpacking json_schema_extra.
    """

    RULES: ClassVar[tuple[AtMost | SumOf | RateOf, ...]] = ()

    @classmethod
    def group_title(cls) -> str:
        return str(cls.model_config.get("title", cls.__name__))

    @classmethod
    def figure_fields(cls) -> dict[str, FigureField]:
        """The group's figures by key, in declaration order (not `kind`, which names a mediation's type)."""
        return _figure_fields(cls)

    @classmethod
    def figure_title(cls, name: str) -> str:
        """The Chinese title of one of the group's fields (the figure's name in messages)."""
        return cls.model_fields[name].title or name

    @classmethod
    def unit(cls, name: str) -> str:
        figure = cls.figure_fields().get(name)
        return figure.unit if figure else ""

    @classmethod
    def phrase(cls, name: str) -> Phrase | None:
        """How a sentence states this figure; None for a field that is not a figure (kind)."""
        figure = cls.figure_fields().get(name)
        return figure.phrase if figure else None


@functools.cache
def _figure_fields(group: type[IndicatorGroup]) -> dict[str, FigureField]:
    fields = {}
    for name, info in group.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if "kind" not in extra:
            continue
        phrase = Phrase(str(extra["phrase"]), str(extra.get("short", ""))) if "phrase" in extra else None
        fields[name] = FigureField(name, info.title or name, str(extra.get("unit", "")), str(extra["kind"]), phrase)
    return fields


__all__ = [
    "AtMost",
    "Count",
    "FigureField",
    "IndicatorGroup",
    "Name",
    "Percent",
    "Phrase",
    "ProfileModel",
    "RateOf",
    "SumOf",
    "Text",
    "count",
    "empty_list",
    "field",
    "percent",
    "phrase_extra",
]
