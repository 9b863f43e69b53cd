"""What the reader gives back: a report's paragraphs as written, and its web-page metadata.

Data only (no I/O). A paragraph keeps its text exactly as written; the numbering it starts
with ("（一）", "1.", "一是", a lost numeral "、") is recognised, never removed from `text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the report, in reading order."""

    text: str  # as written; only the blanks at its ends removed
    number: str = ""  # the numbering it starts with, as written: "（一）", "(一)", "1.", "一是", "、"
    format: str = ""  # that numbering as a format: "（{cn}）", "{n}.", "{cn}是"; "" when none
    ordinal: int | None = None  # 1 for 一 and 1; None when the numeral is lost ("、存在的问题")
    heading_level: int | None = None  # Word "Heading 1"/"标题 1", HTML <h1>…<h6>; None in plain text
    style: str = ""  # Word style name or HTML tag
    centered: bool = False
    line: int = 0  # 1-based position in the source (line of a text file, paragraph of a document)

    @property
    def body(self) -> str:
        """The text after its numbering."""
        return self.text[len(self.number) :].strip()


@dataclass(frozen=True)
class ReadReport:
    """A report as read from .docx, .html or .txt: paragraphs without the web page's chrome."""

    source: Path
    kind: str  # "docx", "html" or "text"
    paragraphs: tuple[Paragraph, ...]  # after the title
    title_lines: tuple[str, ...] = ()  # the title as its lines are written ("报  告" spacing kept)
    title_positions: tuple[int, ...] = ()  # each title line's position in the source, as Paragraph.line
    # The 政府信息公开 block and page header, label → value: 索引号, 文号, 发布机构, 发布日期, 来源 …
    metadata: dict[str, str] = field(default_factory=dict)
    chrome: tuple[str, ...] = ()  # lines removed as the web page's own (打印, 字号, 浏览次数 …)
    encoding: str = "utf-8"

    @property
    def title(self) -> str:
        """The title on one line, without letter spacing ("报  告" → "报告")."""
        from reportgen.reader.title import squeeze

        return "".join(squeeze(line) for line in self.title_lines)

    @property
    def text(self) -> str:
        return "\n".join(paragraph.text for paragraph in self.paragraphs)


@dataclass
class Sorted:
    """Lines sorted into the report's own (with their index), metadata, and chrome."""

    kept: list[tuple[int, str]] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    chrome: list[str] = field(default_factory=list)
