"""Numbers for headings (一、（一）1.（1）) and items (一是、1.、（1）), computed once.

Computed from the structure, never typed: removing an area, a measure or a problem
leaves no gap. Which number style each level takes is a profile setting
(`layout.numbering`, e.g. ["一、", "（一）", "1.", "（1）"] or ["一、", "1.", "一是"]),
turned here into a `NumberingScheme`:

- headings take the style of their depth (part → 1, area → 2, a sub-heading → its depth);
- the achievements' measures take the style of the depth at which they sit (3 under
  areas, 2 without); a measure's sub-items the style one deeper;
- the items of the other parts (problems, plans — "一是……" paragraphs) take "一是" when the
  profile uses it at any level, as real reports do, and the measures' style otherwise;
- a level whose style is "一是" is never a heading line: a heading there runs into the
  paragraph that follows it ("一是加强学习。……").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.document.model import Block, Enumeration, EnumerationItem, Heading, Paragraph

_DIGITS = "零一二三四五六七八九"

# GB/T 9704-2012 7.3.3: 第一层为“一、”，第二层为“（一）”，第三层为“1.”，第四层为“（1）”.
DEFAULT_TOKENS = ("一、", "（一）", "1.", "（1）")
RUN_IN_SUFFIX = "是"
# The rank (GB/T 9704 level, which decides the font) of the conventional styles.
_RANKS = {"{cn}、": 1, "（{cn}）": 2, "{n}.": 3, "{n}、": 3, "（{n}）": 4}
# What clerks type that means the same: half-width brackets, a full-width full stop.
_NORMALISE = str.maketrans({"(": "（", ")": "）", "．": "."})


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (reports never need more)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    prefix = "" if tens == 1 else _DIGITS[tens]
    return f"{prefix}十{_DIGITS[ones] if ones else ''}"


def numbering_format(token: str) -> str | None:
    """A style as the clerk writes it (its first number) → a format: "（一）" → "（{cn}）",
    "1." → "{n}.", "一是" → "{cn}是", "第一部分" → "第{cn}部分"; None without a 一 or a 1."""
    text = token.strip(" \t").translate(_NORMALISE)
    match = re.search("[一1]", text)
    if match is None:
        return None
    placeholder = "{cn}" if match.group() == "一" else "{n}"
    return text[: match.start()] + placeholder + text[match.end() :]


@dataclass(frozen=True)
class NumberingScheme:
    """The number format of each depth, and the depth of the achievements' measures."""

    formats: tuple[str, ...] = ("{cn}、", "（{cn}）", "{n}.", "（{n}）")
    item_depth: int = 3  # 3 under areas; 2 when the measures stand directly under the part

    @classmethod
    def from_tokens(cls, tokens: tuple[str, ...] | list[str], *, has_areas: bool = True) -> NumberingScheme:
        formats = tuple(numbering_format(token) or "" for token in (tokens or DEFAULT_TOKENS))
        return cls(formats=formats, item_depth=3 if has_areas else 2)

    def format_at(self, depth: int) -> str:
        """The format of a depth; past the levels the profile lists, GB/T 9704's."""
        if 1 <= depth <= len(self.formats) and self.formats[depth - 1]:
            return self.formats[depth - 1]
        defaults = NumberingScheme.formats
        return defaults[min(max(depth, 1), len(defaults)) - 1]

    def is_run_in(self, depth: int) -> bool:
        return self.format_at(depth).endswith(RUN_IN_SUFFIX)

    def rank(self, depth: int) -> int:
        """GB/T 9704 level of a heading's style (1 黑体, 2 楷体, 3–4 仿宋); others by depth."""
        return _RANKS.get(self.format_at(depth), min(max(depth, 1), 4))

    def item_format(self, kind: str) -> str:
        measure = self.format_at(self.item_depth)
        if kind == "sub":
            below = self.format_at(self.item_depth + 1)
            return below if below != measure else "（{n}）"
        if kind == "item":
            return next((fmt for fmt in self.formats if fmt.endswith(RUN_IN_SUFFIX)), measure)
        return measure

    @staticmethod
    def number(fmt: str, n: int) -> str:
        return fmt.format(cn=chinese_numeral(n), n=n)


DEFAULT_SCHEME = NumberingScheme()


def outline_positions(levels: list[int]) -> list[tuple[int, ...]]:
    """Each heading's place in the outline: (2,) for the second part, (2, 1) for its first area."""
    counters, places = [0, 0, 0, 0], []
    for level in levels:
        depth = min(max(level, 1), 4)
        counters[depth - 1] += 1
        counters[depth:] = [0] * (4 - depth)
        places.append(tuple(counters[:depth]))
    return places


def anchor_of(place: tuple[int, ...]) -> str:
    """A stable id from a heading's place: "s2" for the second part, "s2-1" for its first area."""
    return "s" + "-".join(map(str, place))


def outline_anchors(levels: list[int]) -> list[str]:
    return [anchor_of(place) for place in outline_positions(levels)]


def number_blocks(blocks: list[Block], scheme: NumberingScheme = DEFAULT_SCHEME) -> tuple[Block, ...]:
    """Fill in every heading's number, rank and anchor and every item's number."""
    places = iter(outline_positions([block.level for block in blocks if isinstance(block, Heading)]))
    # Each depth's style and each kind's format, worked out once rather than for every block.
    styles = {depth: (scheme.format_at(depth), scheme.rank(depth), scheme.is_run_in(depth)) for depth in range(1, 5)}
    item_formats: dict[str, str] = {}
    items_so_far: dict[str, int] = {}  # per kind (item, measure, sub-item), since the last heading
    numbered: list[Block] = []
    # The two rewrites below are skipped when a report has nothing for them (most have not).
    runs_in = sub_items_run_in = False
    for block in blocks:
        if isinstance(block, Heading):
            depth, place = min(max(block.level, 1), 4), next(places)
            fmt, rank, run_in = styles[depth]
            block = block.numbered(scheme.number(fmt, place[-1]), block.anchor or anchor_of(place), rank, run_in)
            runs_in = runs_in or run_in
            items_so_far.clear()
        elif isinstance(block, Enumeration):
            fmt = item_formats.get(block.kind) or item_formats.setdefault(block.kind, scheme.item_format(block.kind))
            block = _number_items(block, fmt, items_so_far)
            sub_items_run_in = sub_items_run_in or (block.inline and block.sub)
        numbered.append(block)
    if runs_in:
        numbered = _run_in_headings(numbered)
    if sub_items_run_in:
        numbered = _attach_sub_items(numbered)
    return tuple(numbered)


def _number_items(block: Enumeration, fmt: str, items_so_far: dict[str, int]) -> Enumeration:
    start = items_so_far.get(block.kind, 0)
    number = NumberingScheme.number
    items = [item.numbered(number(fmt, start + offset)) for offset, item in enumerate(block.items, start=1)]
    # Sub-items belong to one measure: the next measure's start again at （1）.
    items_so_far[block.kind] = 0 if block.sub else start + len(items)
    return block.with_items(tuple(items))


def _run_in_headings(blocks: list[Block]) -> list[Block]:
    """A heading at a "一是" level becomes the lead of the paragraph after it (or a paragraph of its own)."""
    result: list[Block] = []
    pending: Heading | None = None
    for block in blocks:
        if pending is not None:
            text = block.text if isinstance(block, Paragraph) and not block.lead and not block.placeholder else ""
            result.append(Paragraph(text=text, lead=pending.label + _stop(pending.text)))
            pending = None
            if text:
                continue
        if isinstance(block, Heading) and block.run_in:
            pending = block
            continue
        result.append(block)
    if pending is not None:
        result.append(Paragraph(text="", lead=pending.label + _stop(pending.text)))
    return result


def _stop(title: str) -> str:
    return "" if title.endswith(("。", "！", "？", "；", "：")) else "。"


def _attach_sub_items(blocks: list[Block]) -> list[Block]:
    """Inline sub-items (（1）……；（2）……) run on in the paragraph of the measure they follow, so a
    measure and its sub-items are one paragraph, never half and half."""
    result: list[Block] = []
    for block in blocks:
        previous = result[-1] if result else None
        if isinstance(block, Enumeration) and block.sub and block.inline and _can_take_tail(previous):
            assert isinstance(previous, Enumeration)
            runs = [run for runs in block.paragraph_runs() for run in runs]
            last = previous.items[-1]
            last = EnumerationItem(last.title, last.text, last.number, (*last.tail, *runs))
            result[-1] = previous.with_items((*previous.items[:-1], last))
            continue
        result.append(block)
    return result


def _can_take_tail(block: Block | None) -> bool:
    return isinstance(block, Enumeration) and not block.sub and not block.inline and bool(block.items)
