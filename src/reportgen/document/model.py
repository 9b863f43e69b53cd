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

    @property
    def label(self) -> str:
        return f"{self.number}{self.text}"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `lead` is a run-in heading printed before the text (e.g. a
    measure title: "深入推进“放管服”改革。" followed by its text)."""

    text: str
    lead: str = ""
    stock: bool = False  # conventional wording supplied by a template, not by the clerk


# A title ending in one of these needs no 。 before its text.
TITLE_ENDS = ("。", "！", "？", "；", "：")


@dataclass(frozen=True)
class EnumerationItem:
    title: str
    text: str
    number: str = ""  # filled by numbering: "一是", "二是" …

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
    """Inline enumeration (一是……二是……). `inline` puts all items in one paragraph
    after `intro`; otherwise each item is its own paragraph."""

    items: tuple[EnumerationItem, ...]
    intro: str = ""
    inline: bool = False
    style: str = "是"  # "是" → 一是, "1." → 1., "(1)" → （1）

    @property
    def inline_text(self) -> str:
        """The intro, then the items joined by ；, the last closed by 。: "……一是……；二是……。"."""
        pieces = [item.run_in_text.rstrip("。；;") for item in self.items]
        pieces = [piece for piece in pieces if piece]
        return self.intro.strip() + ("；".join(pieces) + "。" if pieces else "")


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signature:
    """署名 and 成文日期 (GB/T 9704 7.3.5): signing bodies, in order, then the date."""

    bodies: tuple[str, ...]
    date: dt.date | None = None

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

    @property
    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    @property
    def stock_paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph) and block.stock]
