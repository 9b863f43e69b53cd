"""Small helpers for building the profile as ruamel round-trip data: prose as `|-` block
scalars, lists in flow style, comments after a key or before a list item."""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from reportgen.importer.text import full_width, without_numbering


def prose(paragraphs: list[str] | str, *, untitled: bool = False) -> LiteralScalarString:
    """Paragraphs as one `|-` block, a blank line between them; half-width marks made full-width
    next to Chinese (importer.text.full_width). The text of an `untitled` item does not start with
    numbering: reportgen prints the item's number before it."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    if untitled and paragraphs:
        paragraphs = [without_numbering(paragraphs[0].strip()), *paragraphs[1:]]
    cleaned = [full_width(re.sub(r"[ \t\r\n]+", " ", paragraph).strip()) for paragraph in paragraphs]
    cleaned = [paragraph for paragraph in cleaned if paragraph]
    return LiteralScalarString("\n\n".join(cleaned))


def flow(values: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def after(mapping: CommentedMap, key: str, comment: str) -> None:
    """A comment at the end of `key`'s line."""
    mapping.yaml_add_eol_comment(comment, key)


def before_item(seq: CommentedSeq, index: int, comment: str, indent: int) -> None:
    """A comment line above list item `index` (its dash at column `indent`)."""
    seq.yaml_set_comment_before_after_key(index, before=comment, indent=indent)


def before_key(mapping: CommentedMap, key: str, comment: str, indent: int) -> None:
    mapping.yaml_set_comment_before_after_key(key, before=comment, indent=indent)


def spaced(seq: CommentedSeq, indent: int) -> None:
    """A blank line between the items of a long list (areas), as the example profiles have."""
    for index in range(1, len(seq)):
        if not _has_comment_before(seq, index):
            seq.yaml_set_comment_before_after_key(index, before="\n", indent=indent)


def _has_comment_before(seq: CommentedSeq, index: int) -> bool:
    return bool(seq.ca.items.get(index))
