"""An HTML page saved from a government website → the lines a reader sees, with heading levels.

The standard library's html.parser is enough: only text and a few attributes are needed, and
it never fails on the malformed markup CMS pages are full of. Scripts, styles, navigation,
headers, footers and elements whose class or id names a share bar, a menu or a toolbar are
skipped whole; a table row is one line (the metadata block is usually a table).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from reportgen.reader.lines import RawLine

_SKIPPED_TAGS = {
    "script", "style", "noscript", "head", "nav", "header", "footer", "select", "option",
    "button", "iframe", "svg", "template", "textarea", "object", "embed", "map",
}  # fmt: skip
_VOID_TAGS = {"br", "img", "input", "meta", "link", "hr", "area", "base", "col", "wbr", "source", "param"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "table", "tbody", "thead", "tfoot", "tr", "blockquote", "pre", "dd", "dt", "dl", "center", "form", "body",
    "figure", "figcaption", "address",
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
# class / id of a page's own furniture (not the article): share bars, menus, toolbars, footers.
_CHROME_NAMES = re.compile(
    r"share|bdshare|jiathis|nav|menu|footer|breadcrumb|crumb|toolbar|sidebar|side-bar|pagetool|"
    r"copyright|search|login|topbar|top-bar|qrcode|ewm|wechat|weibo|dibu|daohang|weizhi",
    re.IGNORECASE,
)
_CENTERED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


@dataclass(frozen=True)
class MappedText:
    """A line's text before its blanks were collapsed, and where each character is in the page's
    source text: (start, end), an entity's whole "&quot;"; None for a blank the reader put in."""

    text: str
    spans: tuple[tuple[int, int] | None, ...]


class _PageParser(HTMLParser):
    def __init__(self, *, convert_charrefs: bool = True) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.lines: list[RawLine] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped with its content)
        self._text: list[str] = []
        self._heading: int | None = None
        self._centered = False
        self._tag = ""

    @property
    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _VOID_TAGS:
            if tag == "br":
                self._flush()
            return
        names = f"{values.get('class') or ''} {values.get('id') or ''}"
        skipped = tag in _SKIPPED_TAGS or bool(_CHROME_NAMES.search(names))
        if tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _CELL_TAGS and self._text:
            self._add("  ")
        self._stack.append((tag, skipped))
        if self._skipping:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = int(tag[1])
        if tag in _BLOCK_TAGS:
            self._tag = tag
            style = f"{values.get('style') or ''} align={values.get('align') or ''}"
            self._centered = bool(_CENTERED.search(style)) or "align=center" in style.lower() or tag == "center"

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS or all(open_tag != tag for open_tag, _ in self._stack):
            return  # a stray end tag closes nothing
        if tag in _BLOCK_TAGS and not self._skipping:
            self._flush()
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = None

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._add(data)

    def _add(self, text: str, spans: list[tuple[int, int] | None] | None = None) -> None:
        self._text.append(text)

    def _source(self) -> MappedText | None:
        return None

    def _flush(self) -> None:
        source = self._source()
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self._text)).strip()
        self._text.clear()
        if text:
            line = RawLine(text, heading_level=self._heading, style=self._tag, centered=self._centered, source=source)
            self.lines.append(line)

    def close(self) -> None:
        super().close()
        self._flush()


class _MappedPageParser(_PageParser):
    """The same lines, each with its MappedText: entities are taken one by one (not converted
    with the text around them) so that each character's place in the source is known."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self._markup = markup
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", markup))]
        self._spans: list[tuple[int, int] | None] = []

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_data(self, data: str) -> None:
        start = self._here()
        if not self._skipping:
            known = self._markup.startswith(data, start)
            self._add(data, [(at, at + 1) for at in range(start, start + len(data))] if known else None)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def _reference(self, raw: str) -> None:
        start = self._here()
        if self._markup.startswith(";", start + len(raw)):
            raw += ";"
        text = html.unescape(raw)
        if not self._skipping:
            known = len(text) == 1 and self._markup.startswith(raw, start)
            self._add(text, [(start, start + len(raw))] if known else None)

    def _add(self, text: str, spans: list[tuple[int, int] | None] | None = None) -> None:
        super()._add(text)
        self._spans += spans if spans is not None else [None] * len(text)

    def _source(self) -> MappedText:
        source = MappedText("".join(self._text), tuple(self._spans))
        self._spans = []
        return source


def page_lines(markup: str) -> list[RawLine]:
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    return parser.lines


def mapped_page_lines(markup: str) -> list[RawLine]:
    """page_lines, each line's source a MappedText into `markup` (for `check --fix`)."""
    parser = _MappedPageParser(markup)
    parser.feed(markup)
    parser.close()
    return parser.lines
