"""Inside a part: the report's numbered levels as a tree, whatever numbering it used.

Levels are the numbering formats in the order they first appear ("（一）" then "1." then
"一是"); run-in items ("……一是……二是……" in one paragraph) are children of the paragraph's
node. Two kinds of damage are repaired, each with a note for the clerk: headings written
without their number where the numbers around them leave exactly that gap (seed 000's
（一）……（五） with three unnumbered areas between), and a list whose 一是 is missing
(its first item is then the last sentence before 二是). A paragraph the structure cannot
place stays, as written, in the text of the nearest item above it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from reportgen import messages
from reportgen.importer.text import Split, last_sentence_start, split_heading, split_run_in
from reportgen.reader import Paragraph
from reportgen.reader.numbering import run_in_items

RUN_IN = "{cn}是"


@dataclass
class Node:
    """A heading or item of the report and what belongs to it."""

    format: str = ""  # "" for a part's root
    ordinal: int | None = None
    title: str = ""
    text: list[str] = field(default_factory=list)  # its own paragraphs, as written
    children: list[Node] = field(default_factory=list)
    inline: bool = False  # a run-in item: "……一是……二是……" within one paragraph
    own_line: bool = False  # its heading stood on a line of its own
    follows_text: bool = False  # the first run-in item after words of the same paragraph ("……：一是……")
    notes: list[str] = field(default_factory=list)  # for the clerk: what was repaired or guessed
    stray: int = 0  # paragraphs added to its text that no heading introduced

    def flattened_text(self) -> list[str]:
        """Its text with everything below it, numbering kept as written: for a level the profile
        has no place for."""
        paragraphs = list(self.text)
        for child in self.children:
            head = child.label() + child.title
            child_text = child.flattened_text()
            if child_text and head:
                child_text[0] = head + ("" if head.endswith(("。", "：", "；")) else "。") + child_text[0]
            elif head:
                child_text = [head]
            if child.inline and paragraphs and child_text:
                paragraphs[-1] += child_text[0]
                paragraphs += child_text[1:]
            else:
                paragraphs += child_text
        return paragraphs

    def label(self) -> str:
        from reportgen.document.numbering import NumberingScheme

        return NumberingScheme.number(self.format, self.ordinal or 1) if self.format else ""


def parse_part(paragraphs: list[Paragraph]) -> tuple[Node, list[str]]:
    """The part's tree and its levels (numbering formats, outermost first)."""
    parser = _Parser()
    for paragraph in _unnumbered_headings(_promote_unnumbered(paragraphs)):
        parser.add(paragraph)
    return parser.root, parser.levels


class _Parser:
    def __init__(self) -> None:
        self.root = Node()
        self.levels: list[str] = []
        self.stack: list[Node] = [self.root]

    def add(self, paragraph: Paragraph) -> None:
        if paragraph.format:
            self._heading(paragraph)
        else:
            self._paragraph(paragraph.text, self.stack[-1])

    def _heading(self, paragraph: Paragraph) -> None:
        depth = self._depth(paragraph.format)
        run_in = paragraph.format == RUN_IN
        if run_in and self._run_in_paragraph(paragraph, depth):
            return
        body = paragraph.body
        split = split_run_in(body) if run_in else split_heading(body)
        node = Node(paragraph.format, paragraph.ordinal, split.title, own_line=not split.text and not run_in)
        node.notes += _notes(paragraph, split)
        del self.stack[depth:]
        self.stack[-1].children.append(node)
        self.stack.append(node)
        if split.text:
            self._paragraph(split.text, node, introduced=True)

    def _run_in_paragraph(self, paragraph: Paragraph, depth: int) -> bool:
        """A paragraph that starts a run-in list ("一是……二是……"): its items are siblings under
        the node above them. A lost numeral ("是严格执行……二是……") still starts item one."""
        text = paragraph.text
        if paragraph.ordinal is None:
            text = "一" + text  # the numeral the report lost; the note says so
        runs = run_in_items(text)
        if not runs or runs[0].start != 0:
            return False
        del self.stack[depth:]
        items = self._paragraph(text, self.stack[-1], introduced=True)
        if paragraph.ordinal is None and items:
            items[0].notes.append(messages.broken_number_note(paragraph.number))
        return True

    def _depth(self, fmt: str) -> int:
        if fmt not in self.levels:
            self.levels.append(fmt)
        return min(self.levels.index(fmt) + 1, len(self.stack))

    def _paragraph(self, text: str, owner: Node, *, introduced: bool = False) -> list[Node]:
        """A paragraph of `owner`'s: its text, and the run-in items in it as children. Returns the items."""
        runs = run_in_items(text)
        if not runs:
            # A heading on a line of its own introduces the paragraph after it; any other is unplaced.
            first_after_heading = owner.own_line and not (owner.text or owner.children)
            if not introduced and owner is not self.root and not first_after_heading:
                owner.stray += 1
            owner.text.append(text)
            return []
        lead = text[: runs[0].start].strip()
        items: list[Node] = []
        if runs[0].ordinal == 2:  # 一是 missing: the first item is the last sentence before 二是
            cut = last_sentence_start(lead)
            first = lead[cut:].strip()
            lead = lead[:cut].strip()
            if first:
                items.append(self._run_in_item(first, 1, [messages.MISSING_FIRST_ITEM]))
        for run, following in zip(runs, [*runs[1:], None], strict=True):
            body = text[run.end : following.start if following else len(text)]
            items.append(self._run_in_item(body, run.ordinal, []))
        if lead:
            owner.text.append(lead)
            items[0].follows_text = True
        depth = self.stack.index(owner) + 1 if owner in self.stack else len(self.stack)
        if RUN_IN not in self.levels:
            self.levels.append(RUN_IN)
        owner.children += items
        del self.stack[depth:]
        self.stack.append(items[-1])
        return items

    @staticmethod
    def _run_in_item(body: str, ordinal: int, notes: list[str]) -> Node:
        split = split_run_in(body.strip())
        node = Node(RUN_IN, ordinal, split.title, inline=True, notes=notes)
        if split.text:
            node.text.append(split.text)
        return node


def _notes(paragraph: Paragraph, split: Split) -> list[str]:
    notes = []
    if paragraph.format and not paragraph.number and paragraph.ordinal is None:
        notes.append(messages.UNNUMBERED_HEADING)
    elif paragraph.format and not paragraph.number:
        notes.append(messages.missing_number_note(Node(paragraph.format, paragraph.ordinal).label()))
    elif paragraph.ordinal is None:
        notes.append(messages.broken_number_note(paragraph.number))
    if split.by_comma:
        notes.append(messages.SPLIT_AT_COMMA)
    return notes


# GB/T 9704's levels below the parts: what an unnumbered heading is given when the part numbers none.
_DEFAULT_FORMATS = ("（{cn}）", "{n}.", "（{n}）")
_HEADING_LENGTH = 30
_SENTENCE_MARKS = set("。；;！!？?，,：:")


def _unnumbered_headings(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Headings with no number at all: a Word or web heading style, or a short line without any
    punctuation followed by a paragraph. Each takes the numbering of the part's first level (or
    GB/T 9704's for its depth), with no ordinal: a note asks the clerk to check it."""
    numbered = [p.format for p in paragraphs if p.format and p.format != RUN_IN]
    result = list(paragraphs)
    for index, paragraph in enumerate(paragraphs[:-1]):
        if paragraph.format or not _looks_like_heading(paragraph, paragraphs[index + 1]):
            continue
        depth = max((paragraph.heading_level or 2) - 1, 1)
        fmt = numbered[0] if numbered and depth == 1 else _DEFAULT_FORMATS[min(depth, 3) - 1]
        result[index] = dataclasses.replace(paragraph, format=fmt, ordinal=None, number="")
    return result


def _looks_like_heading(paragraph: Paragraph, following: Paragraph) -> bool:
    if paragraph.heading_level is not None and paragraph.heading_level >= 2:
        return True
    text = paragraph.text
    short = len(text) <= _HEADING_LENGTH and not _SENTENCE_MARKS & set(text)
    return short and not following.format and len(following.text) > _HEADING_LENGTH


def _promote_unnumbered(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs that are headings written without their number: where the first level's numbers
    jump (（一）→（五）) and exactly as many unnumbered paragraphs stand in the gap."""
    numbered = [p for p in paragraphs if p.format and p.format != RUN_IN]
    if not numbered:
        return paragraphs
    fmt = numbered[0].format
    result = list(paragraphs)
    positions = [index for index, p in enumerate(result) if p.format == fmt and p.ordinal is not None]
    previous_index, previous_ordinal = -1, 0
    for index in positions:
        ordinal = result[index].ordinal
        assert ordinal is not None
        gap = [i for i in range(previous_index + 1, index) if not result[i].format]
        missing = ordinal - previous_ordinal - 1
        # Before the first numbered heading, only when something numbered precedes the gap's paragraphs' level.
        if missing > 0 and len(gap) == missing and previous_index >= 0:
            for offset, position in enumerate(gap, start=1):
                result[position] = dataclasses.replace(
                    result[position], format=fmt, ordinal=previous_ordinal + offset, number=""
                )
        previous_index, previous_ordinal = index, ordinal
    return result
