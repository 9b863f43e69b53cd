"""Numbers for headings (一、（一）1.（1）) and inline enumerations (一是、二是), computed once.

Computed from the structure, never typed: removing an area, a measure or a problem
leaves no gap. The style of each level is a setting (`NumberingStyle`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from reportgen.document.model import Block, Enumeration, Heading

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (reports never need more)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    prefix = "" if tens == 1 else _DIGITS[tens]
    return f"{prefix}十{_DIGITS[ones] if ones else ''}"


@dataclass(frozen=True)
class NumberingStyle:
    """Format of each heading level; {cn} is the Chinese numeral, {n} the Arabic one.

    GB/T 9704-2012 7.3.3: 第一层为“一、”，第二层为“（一）”，第三层为“1.”，第四层为“（1）”.
    """

    levels: tuple[str, str, str, str] = ("{cn}、", "（{cn}）", "{n}.", "（{n}）")
    # Inline enumerations by the style a template asks for.
    enumerations: tuple[tuple[str, str], ...] = (("是", "{cn}是"), ("1.", "{n}."), ("(1)", "（{n}）"))

    def heading_number(self, level: int, n: int) -> str:
        return self.levels[level - 1].format(cn=chinese_numeral(n), n=n)

    def item_number(self, style: str, n: int) -> str:
        formats = dict(self.enumerations)
        return formats.get(style, formats["是"]).format(cn=chinese_numeral(n), n=n)


DEFAULT_STYLE = NumberingStyle()


def number_blocks(blocks: list[Block | NumberingStyle], style: NumberingStyle = DEFAULT_STYLE) -> tuple[Block, ...]:
    """Fill in every heading's number and anchor and every enumeration item's number.

    A NumberingStyle among the blocks (a template's numbering() setting) applies from there on.
    """
    counters = [0, 0, 0, 0]
    items_so_far: dict[str, int] = {}  # per enumeration style, since the last heading
    numbered: list[Block] = []
    for block in blocks:
        if isinstance(block, NumberingStyle):
            style = block
            continue
        if isinstance(block, Heading):
            counters[block.level - 1] += 1
            counters[block.level :] = [0] * (4 - block.level)
            anchor = "s" + "-".join(str(c) for c in counters[: block.level])
            number = style.heading_number(block.level, counters[block.level - 1])
            block = dataclasses.replace(block, number=number, anchor=block.anchor or anchor)
            items_so_far.clear()
        elif isinstance(block, Enumeration):
            block = _number_items(block, style, items_so_far)
        numbered.append(block)
    return tuple(numbered)


def _number_items(block: Enumeration, style: NumberingStyle, items_so_far: dict[str, int]) -> Enumeration:
    start = items_so_far.get(block.style, 0)
    items = tuple(
        dataclasses.replace(item, number=style.item_number(block.style, start + offset))
        for offset, item in enumerate(block.items, start=1)
    )
    # An inline sub-list （1）（2） belongs to one measure: the next one starts again at （1）.
    items_so_far[block.style] = 0 if block.inline else start + len(block.items)
    return dataclasses.replace(block, items=items)
