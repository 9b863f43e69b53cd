"""Document → .docx: the document model in WordprocessingML, over the shipped reference document's styles.

Each block becomes paragraphs in one named style (Title, Heading 1–4, Normal, Caption, Table Heading,
Table Contents, Signature); the page, the type area, the fonts and all other formatting live in the
styles of `reference.docx` (`docx_package` applies the document's layout settings to them, once per
layout). A run carries only what differs from its style — bold for a lead phrase, yellow for a
placeholder — and its language, so that 修改样式 in Word changes every paragraph of a style. The one
thing a style cannot hold, the indents of signature and date (7.3.5.2, computed in
`document.signature`, which the web page shares), is set on those paragraphs. The writer prints
labels and never computes numbers.

`word/document.xml` is written as a string, straight from the model: the report's text enters only
through `_text`, which removes what XML cannot hold and escapes the rest.
"""

from __future__ import annotations

from reportgen.document.markup import XML_FORBIDDEN
from reportgen.document.model import (
    Block,
    Document,
    Enumeration,
    Heading,
    Paragraph,
    Signature,
    Table,
)
from reportgen.document.signature import signature_indents
from reportgen.writers.docx_package import LayoutPackage, assemble, core_xml, layout_package

SUBJECT = "法治政府建设年度报告"
LANGUAGE = "zh-CN"
KEYWORD_SEPARATOR = "；"
_CORE_PROPERTY_LIMIT = 255  # what Word's property dialog and python-docx accept

# How a run is emphasised: body text, a bold lead phrase (一是加强学习。), a highlighted placeholder.
# Every run says its East Asian text is Simplified Chinese: where Word or LibreOffice substitutes a
# missing font, it picks Simplified Chinese glyph forms, also for a run pasted into another document.
_LANG = '<w:lang w:eastAsia="zh-CN"/>'
_PLAIN, _BOLD, _HIGHLIGHT = (
    f"<w:rPr>{_LANG}</w:rPr>",
    f"<w:rPr><w:b/><w:bCs/>{_LANG}</w:rPr>",
    f'<w:rPr><w:highlight w:val="yellow"/>{_LANG}</w:rPr>',
)
_EMU_PER_TWIP = 635


def write_docx(document: Document) -> bytes:
    """The report as .docx bytes, styled by the shipped reference document."""
    package = layout_package(document.layout)
    writer = _Writer(package)
    writer.title(document.title_lines or (document.title,))
    writer.addressee(document.addressee)
    for block in document.blocks:
        writer.block(block)
    return assemble(package, writer.document_xml(), _core_properties(document))


def _clean(text: str) -> str:
    """`text` without the characters XML cannot hold (control characters, U+FFFE/U+FFFF, lone surrogates)."""
    if text.isprintable():  # nearly every text: what XML forbids is unprintable, and this scan is quicker
        return text
    return XML_FORBIDDEN.sub("", text)


def _text(text: str) -> str:
    """A `w:t` holding `text` (already cleaned), escaped; leading or trailing spaces kept."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    if text != text.strip():
        return f'<w:t xml:space="preserve">{escaped}</w:t>'
    return f"<w:t>{escaped}</w:t>"


def _pPr(style_id: str | None, ind: str = "", jc: str = "") -> str:
    """A paragraph's properties: its style (none for Normal, the default, as Word writes it), then the
    indents and alignment in schema order; nothing at all for a plain Normal paragraph."""
    style = "" if style_id is None else f'<w:pStyle w:val="{style_id}"/>'
    inner = style + ind + jc
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


def _keep_with_next(paragraph: str) -> str:
    """`paragraph` (a `<w:p>` as written here) with `w:keepNext`, in schema order: after the style."""
    if not paragraph.startswith("<w:p><w:pPr>"):
        return paragraph.replace("<w:p>", "<w:p><w:pPr><w:keepNext/></w:pPr>", 1)
    head, _, rest = paragraph.partition("<w:pPr>")
    style, found, after = rest.partition("/>") if rest.startswith("<w:pStyle") else ("", "", rest)
    return f"{head}<w:pPr>{style}{found}<w:keepNext/>{after}"


class _Writer:
    """Collects `document.xml`'s body, one method per block type."""

    def __init__(self, package: LayoutPackage) -> None:
        self.package = package
        self.parts: list[str] = [package.document_start]

    def document_xml(self) -> str:
        return "".join((*self.parts, self.package.document_end))

    def block(self, block: Block) -> None:
        match block:
            case Heading():
                self.heading(block)
            case Paragraph():
                self.paragraph(block)
            case Enumeration():
                self.enumeration(block)
            case Table():
                self.table(block)
            case Signature():
                self.signature(block)
            case _:
                raise TypeError(f"write_docx cannot write {type(block).__name__}")

    def title(self, lines: tuple[str, ...]) -> None:
        # GB/T 9704-2012 7.3.1: the title may be split by meaning into lines (梯形/菱形), one paragraph
        # with a line break after every line but the last.
        texts = [text for text in map(_clean, lines) if text]
        if texts:
            runs = "<w:br/></w:r><w:r>".join(_PLAIN + _text(text) for text in texts)
            self.parts.append(f"<w:p>{_pPr('Title')}<w:r>{runs}</w:r></w:p>")

    def addressee(self, addressee: str) -> None:
        # GB/T 9704-2012 7.2.4: 主送机关 flush left under the title, in its own style.
        self._paragraph("Salutation", [(addressee, _PLAIN)])

    def heading(self, heading: Heading) -> None:
        # Built-in heading styles carry w:outlineLvl, so Word's navigation pane lists them. The style
        # follows the number's kind (一、 黑体, （一） 楷体, 1. 仿宋), wherever layout.numbering puts it.
        self._paragraph(f"Heading{min(max(heading.style_level, 1), 4)}", [(heading.label, _PLAIN)])

    def paragraph(self, paragraph: Paragraph) -> None:
        if paragraph.placeholder:  # 【待填写：……】 in marker-pen yellow, as a reviewer's eye expects
            self._paragraph(None, [(paragraph.text, _HIGHLIGHT)])
            return
        self._paragraph(None, [(paragraph.lead, _BOLD), (paragraph.text, _PLAIN)])

    def enumeration(self, enumeration: Enumeration) -> None:
        # Lead phrases (一是加强学习。) bold as in the web page, and for all items of a list or none.
        for runs in enumeration.paragraph_runs():
            self._paragraph(None, [(text, _BOLD if bold else _PLAIN) for text, bold in runs])

    def table(self, table: Table) -> None:
        self._paragraph("Caption", [(table.caption, _PLAIN)])
        columns = max([len(table.header), *(len(row) for row in table.rows)], default=0)
        if columns == 0:
            return
        # Equal columns across the type area, as Word's 插入表格 makes them (rounded through EMU like Word).
        width = round(self.package.type_width * _EMU_PER_TWIP // columns / _EMU_PER_TWIP)
        grid = f'<w:gridCol w:w="{width}"/>' * columns
        self.parts.append(
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0"'
            f' w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        )
        # The header row repeats at the top of every page the table spans (w:tblHeader).
        self._row(table.header, columns, width, "TableHeading", "<w:trPr><w:tblHeader/></w:trPr>")
        for row in table.rows:
            self._row(row, columns, width, "TableContents", "")
        self.parts.append("</w:tbl>")

    def _row(self, texts: tuple[str, ...], columns: int, width: int, style_id: str, trPr: str) -> None:
        self.parts.append(f"<w:tr>{trPr}")
        for index in range(columns):  # a short row's empty cells are styled like the others
            text = _clean(texts[index]) if index < len(texts) else ""
            run = f"<w:r>{_PLAIN}{_text(text)}</w:r>" if text else ""
            self.parts.append(
                f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr><w:p>{_pPr(style_id)}{run}</w:p></w:tc>'
            )
        self.parts.append("</w:tr>")

    def signature(self, signature: Signature) -> None:
        # GB/T 9704-2012 7.3.5.2: 正文下空一行, then each signing body on its own line and the date.
        # A missing body or date is a highlighted 【待填写】 in its place: the writer never picks a signature.
        body_emphasis = _HIGHLIGHT if not signature.bodies and signature.missing_bodies else _PLAIN
        bodies = tuple(body for body in map(_clean, signature.bodies or (signature.missing_bodies,)) if body)
        date_emphasis = _HIGHLIGHT if not signature.date_text and signature.missing_date else _PLAIN
        date = _clean(signature.date_text or signature.missing_date)
        if not bodies and not date:
            return
        body_right, date_left, date_right = signature_indents(
            bodies, date, self.package.type_width, self.package.condensed
        )
        if self.parts and self.parts[-1].startswith("<w:p>"):
            # GB/T 9704-2012 7.3.5.5: the 落款 never stands on a page of its own, without body text above it.
            self.parts[-1] = _keep_with_next(self.parts[-1])
        self.parts.append(f"<w:p>{_pPr('Signature')}</w:p>")  # the blank line, kept with the signature
        for body in bodies:
            self._paragraph("Signature", [(body, body_emphasis)], f'<w:ind w:right="{body_right}"/>')
        if not date:
            return
        if date_left is None:  # too long for one line: right-aligned with two characters' space
            self._paragraph("Signature", [(date, date_emphasis)], f'<w:ind w:right="{date_right}"/>')
            return
        # Placed by its first character, two right of the signature's; the negative right indent lets a
        # slightly wider date reach into the right space instead of breaking before its 日.
        ind = f'<w:ind w:right="{date_right}" w:left="{date_left}"/>'
        self._paragraph("Signature", [(date, date_emphasis)], ind, '<w:jc w:val="left"/>')

    def _paragraph(self, style_id: str | None, runs: list[tuple[str, str]], ind: str = "", jc: str = "") -> None:
        """One paragraph of runs, each (text, run properties); none at all when every text is empty."""
        texts = [(text, rPr) for text, rPr in ((_clean(t), r) for t, r in runs) if text]
        if texts:
            body = "".join(f"<w:r>{rPr}{_text(text)}</w:r>" for text, rPr in texts)
            self.parts.append(f"<w:p>{_pPr(style_id, ind, jc)}{body}</w:p>")


def _core_properties(document: Document) -> bytes:
    """File properties (dc:title …) that Word, file managers and web portals show."""
    publisher = _core_text(document.metadata.publisher)
    return core_xml(
        title=_core_text(document.title or "".join(document.title_lines)),
        author=publisher,
        subject=SUBJECT,
        keywords=_core_text(KEYWORD_SEPARATOR.join(document.metadata.keywords)),
        comments=_core_text(document.metadata.description),
        language=LANGUAGE,
    )


def _core_text(text: str) -> str:
    return _clean(text)[:_CORE_PROPERTY_LIMIT]
