"""The document model: what a report is, independent of DOCX or HTML.

Writers translate this model and never see the profile. Numbers of headings and of
inline enumerations are filled in once, by `numbering.number_blocks`; writers only
print `Heading.label` and `EnumerationItem.label`. All text here is plain text (already
free of XML-forbidden characters); writers escape it for their format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A numbered heading, level 1 (一、) to 4 (（1）)."""

    level: int
    text: str
    number: str = ""  # filled by numbering: "一、", "（一）", "1.", "（1）"
    anchor: str = ""  # stable id for links, e.g. "s2" for 二、
    rank: int = 0  # filled by numbering: the GB/T 9704 level of its number style (font), 0 = as `level`
    run_in: bool = False  # numbered "一是": runs into the next paragraph (numbering does that)

    def numbered(self, number: str, anchor: str, rank: int, run_in: bool) -> Heading:
        """This heading with what numbering fills in (dataclasses.replace written out: a report
        numbers some 80 blocks, and replace costs twice a plain construction)."""
        return Heading(self.level, self.text, number, anchor, rank, run_in)

    @property
    def style_level(self) -> int:
        """1 (一、 黑体), 2 (（一） 楷体), 3–4 (1.（1） 仿宋): what writers style it as."""
        return self.rank or self.level

    @property
    def label(self) -> str:
        return f"{self.number}{self.text}"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `lead` is a run-in heading printed before the text (e.g. a
    measure title: "深入推进“放管服”改革。" followed by its text)."""

    text: str
    lead: str = ""
    placeholder: bool = False  # 【待填写：……】: the clerk has not written this yet; highlighted, listed by build


# A title ending in one of these needs no 。 before its text.
TITLE_ENDS = ("。", "！", "？", "；", "：")
# An item ending in one of these closes a sentence: the next item follows without ；.
SENTENCE_ENDS = ("。", "！", "？")


@dataclass(frozen=True)
class EnumerationItem:
    title: str
    text: str
    number: str = ""  # filled by numbering: "一是", "二是" …
    tail: tuple[tuple[str, bool], ...] = ()  # (text, bold) runs after the text: sub-items run in (numbering)

    def numbered(self, number: str) -> EnumerationItem:
        """This item with its number (as Heading.numbered, replace written out)."""
        return EnumerationItem(self.title, self.text, number, self.tail)

    @property
    def label(self) -> str:
        return self.number

    @property
    def head(self) -> str:
        """Label and title as a sentence: "一是完善制度。" (a title is closed by 。 unless it
        already ends in punctuation)."""
        title = self.title.strip()
        if title and not title.endswith(TITLE_ENDS):
            title += "。"
        return f"{self.label}{title}"

    @property
    def run_in_text(self) -> str:
        """The whole item as one run of text: "一是完善制度。……"."""
        return self.head + self.text.strip()


@dataclass(frozen=True)
class Enumeration:
    """Numbered run-in items (一是……二是……, 1.……, （1）……): a part's items (problems, plans …), the
    achievements' measures, or a measure's sub-items — `kind` "item", "measure" or "sub".

    `inline` puts all items in one paragraph after `intro`; otherwise each item is its own
    paragraph. Numbers come from the numbering scheme (document/numbering.py).
    """

    items: tuple[EnumerationItem, ...]
    intro: str = ""
    inline: bool = False
    kind: str = "item"

    def with_items(self, items: tuple[EnumerationItem, ...]) -> Enumeration:
        """This enumeration with other items (as Heading.numbered, replace written out)."""
        return Enumeration(items, self.intro, self.inline, self.kind)

    @property
    def sub(self) -> bool:
        return self.kind == "sub"

    @property
    def bold_leads(self) -> bool:
        """Lead phrases (number and title) are bold when every item has a title that leads into text;
        otherwise none is, so one list never mixes bold and plain leads. Titles with no text after
        them are the content itself ("一是基层力量薄弱；二是……"), not leads: they stay plain."""
        titled = bool(self.items) and all(item.title.strip() for item in self.items)
        return titled and any(item.text.strip() or item.tail for item in self.items)

    @property
    def inline_runs(self) -> list[tuple[str, str]]:
        """The intro and the items as (lead, text) runs of one paragraph: "……（1）……；（2）……。".

        Items are joined by ；, the last closed by 。 — unless an item holds a sentence of its own
        (a 。 inside it, e.g. after its title): then every item closes with its own 。 and none is
        followed by ；.
        """
        items = [item for item in self.items if item.run_in_text.strip()]
        sentences = any(_has_inner_stop(item.run_in_text) for item in items)
        runs: list[tuple[str, str]] = [("", self.intro.strip())] if self.intro.strip() else []
        for index, item in enumerate(items):
            end = "。" if sentences or index == len(items) - 1 else "；"
            head, text = item.head, item.text.strip()
            if text:
                text = _close(text, end)
            else:
                head = _close(head, end)
            runs.append((head, text))
        return runs

    @property
    def inline_text(self) -> str:
        return "".join(lead + text for lead, text in self.inline_runs)

    def item_runs(self, item: EnumerationItem) -> list[tuple[str, bool]]:
        """One item's paragraph as (text, bold) runs: the lead (number and title), the text, any run-in sub-items."""
        return _item_runs(item, self.bold_leads)

    def paragraph_runs(self) -> list[list[tuple[str, bool]]]:
        """Every paragraph of the enumeration as (text, bold) runs: one for inline, else intro and one per item."""
        if self.inline:
            bold = self.bold_leads
            runs = [run for lead, text in self.inline_runs for run in ((lead, bold and lead), (text, False))]
            return [[(text, bool(bold)) for text, bold in runs if text]]
        paragraphs = [[(self.intro.strip(), False)]] if self.intro.strip() else []
        bold = self.bold_leads  # once: it reads every item
        return paragraphs + [runs for runs in (_item_runs(item, bold) for item in self.items) if runs]


def _item_runs(item: EnumerationItem, bold_lead: bool) -> list[tuple[str, bool]]:
    runs = [(item.head, bold_lead), (item.text.strip(), False), *item.tail]
    return [(text, bold) for text, bold in runs if text]


def _has_inner_stop(text: str) -> bool:
    inside = text.strip().rstrip("。；;")
    return any(mark in inside for mark in SENTENCE_ENDS)


def _close(text: str, end: str) -> str:
    """`text` ending in `end` (。 or ；): a sentence that already ends keeps its mark when `end` is 。."""
    if end == "。" and text.rstrip("”’）》").endswith(SENTENCE_ENDS):
        return text
    return text.rstrip("。；;") + end


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signature:
    """署名 and 成文日期 (GB/T 9704 7.3.5): signing bodies, in order, then the date.

    Where the clerk has not given them, `missing_bodies` / `missing_date` hold the
    placeholder prompt the writers print (highlighted) in their place: the tool never
    chooses a signature.
    """

    bodies: tuple[str, ...]
    date: dt.date | None = None
    missing_bodies: str = ""
    missing_date: str = ""

    @property
    def date_text(self) -> str:
        # GB/T 9704 7.3.5.4: Arabic numerals, full year, no leading zeros.
        if self.date is None:
            return ""
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"


Block = Heading | Paragraph | Enumeration | Table | Signature


@dataclass(frozen=True)
class Metadata:
    """政府信息公开 metadata (DOMAIN_NOTES §3.2); empty fields are left out by writers."""

    index_number: str = ""
    topic: str = ""
    publisher: str = ""
    document_number: str = ""
    signed_on: dt.date | None = None
    published_on: dt.date | None = None
    keywords: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class FontNames:
    """Font names by role (GB/T 9704 5.2.2, 7.3.1, 7.3.3, 7.5)."""

    title: str = "方正小标宋简体"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    body: str = "仿宋_GB2312"
    page_number: str = "宋体"
    latin: str = "Times New Roman"


@dataclass(frozen=True)
class PageLayout:
    """Layout settings a writer applies: "odd_even" or "centered" page numbers, bold 1. headings, fonts."""

    page_numbers: str = "odd_even"
    bold_level3: bool = False
    fonts: FontNames = field(default_factory=FontNames)


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)
    title_lines: tuple[str, ...] = ()  # the title broken by meaning, when it is long
    layout: PageLayout = field(default_factory=PageLayout)
    addressee: str = ""  # 主送机关 (GB/T 9704 7.2.4): flush left under the title, ending in "："

    @property
    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def placeholder_paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph) and block.placeholder]

    def placeholders(self) -> list[tuple[str, str]]:
        """(the heading it sits under, the prompt) of every placeholder, in reading order."""
        found, current = [], "开头"
        for block in self.blocks:
            if isinstance(block, Heading):
                current = block.label
            elif isinstance(block, Paragraph) and block.placeholder:
                found.append((current, block.text))
            elif isinstance(block, Signature):
                found.extend(("落款", prompt) for prompt in (block.missing_bodies, block.missing_date) if prompt)
        return found
