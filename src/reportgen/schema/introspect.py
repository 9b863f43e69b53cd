"""Read the schema's own metadata: the Chinese title of the field at a path, known keys."""

from __future__ import annotations

import difflib
import functools
import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel


def unwrap_annotation(annotation: Any) -> Any:
    """Strip Annotated and Optional; keep list[...] and models."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return unwrap_annotation(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return unwrap_annotation(options[0]) if len(options) == 1 else annotation
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def field_title(root: type[BaseModel], path: Sequence[str | int]) -> str:
    """The Chinese title of the field at `path`; list items read "举措第2项"."""
    title = str(root.model_config.get("title") or "资料文件")
    current: Any = root
    for step in path:
        if isinstance(step, int) and get_origin(current) is list:
            current = unwrap_annotation(get_args(current)[0])
            title = f"{title}第{step + 1}项"
        elif isinstance(step, str) and _is_model(current) and step in current.model_fields:
            info = current.model_fields[step]
            title = info.title or step
            current = unwrap_annotation(info.annotation)
        # Anything else (a pydantic union tag, an unknown key) keeps the title so far.
    return title


def model_at(root: type[BaseModel], path: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class whose fields live at `path` (None past a scalar)."""
    current: Any = root
    for step in path:
        if isinstance(step, int) and get_origin(current) is list:
            current = unwrap_annotation(get_args(current)[0])
        elif isinstance(step, str) and _is_model(current) and step in current.model_fields:
            current = unwrap_annotation(current.model_fields[step].annotation)
    if get_origin(current) is list:
        current = unwrap_annotation(get_args(current)[0])
    return current if _is_model(current) else None


@functools.cache
def text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` that can hold text or other models — not the figures, dates and
    flags — so a walk over what the clerk wrote skips most of a profile's fields."""
    return tuple(name for name, info in model.model_fields.items() if _may_hold_text(info.annotation))


def _may_hold_text(annotation: Any) -> bool:
    if isinstance(annotation, type):
        if issubclass(annotation, str | BaseModel):
            return True
        if not get_args(annotation):  # int, Decimal, date, bool …
            return False
    if get_origin(annotation) is Literal:
        return any(isinstance(value, str) for value in get_args(annotation))
    arguments = get_args(annotation)
    # Anything unrecognised (Any, a forward reference) may hold text: visiting is always safe.
    return not arguments or any(_may_hold_text(argument) for argument in arguments)


def suggest_key(model: type[BaseModel] | None, key: str) -> str | None:
    """The field a mistyped or Chinese key most likely meant."""
    if model is None:
        return None
    for name, info in model.model_fields.items():
        if key == info.title:
            return name
    close = difflib.get_close_matches(key, list(model.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None
