"""Generate src/reportgen/writers/reference.docx, the reference document whose styles and page write_docx uses.

Run with the project's environment from the repository root, then commit the .docx:

    python scripts/make_reference_docx.py [output.docx]

Starts from python-docx's default template and declares every style the writer uses from scratch,
with the page, the type area and the page-number footers (GB/T 9704-2012 5.2, 7.3, 7.5). Font names
here are the defaults: write_docx puts the names a profile's `layout.fonts` configures into these
styles and footers and declares them, with fallbacks, in the font table; for the centred page-number
variant it keeps one centred footer.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import KW_ONLY, dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.section import _Footer
from docx.shared import Length, Pt, RGBColor, Twips
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle

from reportgen.document.model import FontNames
from reportgen.writers import docx_oxml

TARGET = Path(__file__).resolve().parents[1] / "src" / "reportgen" / "writers" / "reference.docx"

# GB/T 9704-2012 5.2.2, 7.3.1, 7.3.3: 标题 小标宋, 正文 仿宋, levels 黑体 / 楷体 / 仿宋 / 仿宋;
# 7.5: page numbers in 4号半角宋体. The names are the document model's defaults.
_FONTS = FontNames()
XIAOBIAOSONG = _FONTS.title
FANGSONG = _FONTS.body
HEITI = _FONTS.heading1
KAITI = _FONTS.heading2
SONGTI = _FONTS.page_number

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号

# GB/T 9704-2012 5.2.3: 一般每面排22行，每行排28个字，并撑满版心 — in the 156 × 225 mm type area.
# Lines: an exact 28.95 pt (579 twips) line; 22 × 579 = 12738 twips fill the 12756-twip type area
# (22 × 580 would not fit, and the 28 pt of many templates leaves 7.7 mm empty at the foot).
# Characters: 28 full-width characters of 16 pt are 448 pt, wider than the 442.2 pt type area; each
# needs 15.79 pt. Word's way is a linesAndChars grid with w:charSpace = (15.79 − 16) × 4096 = −849,
# which Word applies by narrowing every character. LibreOffice (7.4, which makes the PDF) never
# narrows characters for a grid: with a negative charSpace its grid cell is 15.76 pt, and each 16 pt
# character takes two cells (measured: 14 characters a line); with charSpace ≥ 0, or with the
# paragraphs opted out of the grid, it sets 27 and ignores character spacing. So the body is
# condensed by 0.25 pt a character instead (w:spacing −5 twentieths, the smallest step at which 28
# fit: 28 × 15.75 = 441 pt; −0.2 pt gives 442.4), which both Word and LibreOffice honour, and the
# grid is a line grid: Word's page setup shows 每页22行, 跨度28.95磅. The styles opt out of snapping
# (w:snapToGrid 0): their exact spacing already keeps the pitch, and LibreOffice would otherwise
# centre each line in its grid cell instead of putting the baseline at 80 % of the exact line, as it
# does without a grid. Measured on the rendered PDF by tests/test_layout_pdf.py.
LINE = Twips(579)
CONDENSED = -5  # twentieths of a point: 16 pt characters on a 15.75 pt pitch, 28 to the line
TWO_CHARS = Twips(640)  # 2 × 16 pt: 首行缩进二字 (7.3.3), 右空二字 (7.3.5.2)
ONE_PAGE_NUMBER_CHAR = Twips(280)  # one 4号 (14 pt) character: 单页码居右空一字，双页码居左空一字 (7.5)
EM_DASH = "\u2014"  # 一字线: "— 1 —"
# 7.5: 一字线上距版心下边缘7mm. The footer distance runs from the paper's lower edge to the foot of the
# footer's line (an exact 20 pt, so that the dash's height does not depend on the font's ascent and
# descent): 1434 twips (25.3 mm) put the dash 7 mm below the type area, measured in the PDF.
FOOTER_DISTANCE = Twips(1434)
FOOTER_LINE = Pt(20)
NONE = Twips(0)
BLACK = RGBColor(0, 0, 0)  # 5.2.4
CENTER = WD_ALIGN_PARAGRAPH.CENTER

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style, declared in full (nothing is inherited from python-docx's template)."""

    name: str
    east_asia: str
    _: KW_ONLY
    size: Length = SIZE_3
    alignment: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_line_indent: Length = TWO_CHARS
    right_indent: Length = NONE
    line_spacing: Length | float = LINE
    space_after: Length = NONE
    outline_level: int | None = None
    keep_with_next: bool = False
    latin: str = docx_oxml.LATIN_FONT
    condensed: int = CONDENSED  # character spacing, twentieths of a point; 16 pt text only


TABLE_TEXT = {"size": SIZE_4, "alignment": CENTER, "first_line_indent": NONE, "line_spacing": 1.0, "condensed": 0}

STYLES = (
    StyleSpec("Normal", FANGSONG),
    # 7.3.1: title centred; 7.3.3: one blank line between title and text, as space after.
    StyleSpec(
        "Title", XIAOBIAOSONG, size=SIZE_2, alignment=CENTER, first_line_indent=NONE, space_after=LINE, condensed=0
    ),
    # 7.3.3: 一、 黑体; （一） 楷体; 1. and （1） 仿宋; indented two characters like the body.
    StyleSpec("Heading 1", HEITI, outline_level=0, keep_with_next=True),
    StyleSpec("Heading 2", KAITI, outline_level=1, keep_with_next=True),
    StyleSpec("Heading 3", FANGSONG, outline_level=2, keep_with_next=True),
    StyleSpec("Heading 4", FANGSONG, outline_level=3, keep_with_next=True),
    StyleSpec("Caption", FANGSONG, alignment=CENTER, first_line_indent=NONE, keep_with_next=True),
    # 7.2.4: 主送机关 under the title (its blank line is the title's space after), 居左顶格, 回行时仍顶格.
    StyleSpec("Salutation", FANGSONG, alignment=WD_ALIGN_PARAGRAPH.LEFT, first_line_indent=NONE),
    StyleSpec("Table Heading", HEITI, **TABLE_TEXT),
    StyleSpec("Table Contents", FANGSONG, **TABLE_TEXT),
    # 7.3.5.2: 署名 右空二字; write_docx sets the indents of each line from the lengths of signature and
    # date. The blank line before it, signature and date stay on one page (keep with next).
    StyleSpec(
        "Signature",
        FANGSONG,
        alignment=WD_ALIGN_PARAGRAPH.RIGHT,
        first_line_indent=NONE,
        right_indent=TWO_CHARS,
        keep_with_next=True,
    ),
    # 7.5: page numbers 4号半角宋体阿拉伯数字 (digits in 宋体 too); each footer is aligned directly.
    StyleSpec(
        "Footer", SONGTI, size=SIZE_4, latin=SONGTI, first_line_indent=NONE, line_spacing=FOOTER_LINE, condensed=0
    ),
)


def build_reference() -> Document:
    """The reference document: python-docx's template with GB/T 9704 styles and page, and no content."""
    document = docx.Document()
    for spec in STYLES:
        _configure_style(_paragraph_style(document, spec.name), spec)
    _configure_doc_defaults(document)
    _configure_page(document)
    _configure_font_table(document)
    _configure_page_numbers(document)
    docx_oxml.set_themeFontLang(document.settings.element)
    _drop_template_leftovers(document)
    _drop_unused_styles(document)
    _blank_core_properties(document)
    return document


# The styles write_docx uses, and the defaults Word expects to find.
KEPT_STYLES = {"Default Paragraph Font", "Normal Table", "No List", "Table Grid"}


def _drop_unused_styles(document: Document) -> None:
    """Keep only the styles the writer uses (and what they are based on or linked to).

    python-docx's template defines some 160 styles, and python-docx scans all of them on
    every style assignment; a lean styles part keeps write_docx several times faster. Word
    still offers every built-in style through w:latentStyles.
    """
    styles = document.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    # The XML stores built-in styles under internal names ("heading 1"), as python-docx maps them.
    wanted = {BabelFish.ui2internal(name) for name in {spec.name for spec in STYLES} | KEPT_STYLES}
    keep = {style_id for style_id, style in by_id.items() if _style_name(style) in wanted}
    pending = list(keep)
    while pending:  # follow basedOn / link / next so no kept style points at a dropped one
        style = by_id[pending.pop()]
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(tag))
            target = ref.get(qn("w:val")) if ref is not None else None
            if target in by_id and target not in keep:
                keep.add(target)
                pending.append(target)
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)


def _style_name(style) -> str:
    name = style.find(qn("w:name"))
    return name.get(qn("w:val")) if name is not None else ""


def _paragraph_style(document: Document, name: str) -> ParagraphStyle:
    styles = document.styles
    if name in styles:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    return style


def _configure_style(style: ParagraphStyle, spec: StyleSpec) -> None:
    # Start clean: the template's styles carry blue theme colours, bold, italics and a title rule.
    style.element.remove_all("w:pPr", "w:rPr")
    style.hidden, style.quick_style = False, True  # in Word's style gallery (Heading 4 was semi-hidden)
    paragraph = style.paragraph_format
    paragraph.alignment = spec.alignment
    paragraph.first_line_indent = spec.first_line_indent
    paragraph.right_indent = spec.right_indent
    paragraph.line_spacing = spec.line_spacing
    paragraph.space_before = NONE
    paragraph.space_after = spec.space_after
    if spec.keep_with_next:  # a heading or caption never ends a page (keepNext, keepLines)
        paragraph.keep_with_next = paragraph.keep_together = True
    if spec.outline_level is not None:
        docx_oxml.set_outlineLvl(style.element.get_or_add_pPr(), spec.outline_level)
    font = style.font
    font.size = spec.size
    font.bold = font.cs_bold = False  # 小标宋, 黑体, 楷体 carry their own weight (DOMAIN_NOTES §1.3)
    font.italic = font.cs_italic = False
    font.color.rgb = BLACK
    rPr = style.element.get_or_add_rPr()
    docx_oxml.set_rFonts(rPr, spec.east_asia, spec.latin)
    docx_oxml.set_rPr_spacing(rPr, spec.condensed)
    docx_oxml.set_lang(rPr, docx_oxml.CHINESE)  # each style says its text is Simplified Chinese
    if spec.name == "Normal":
        _configure_typesetting(style)


def _configure_typesetting(normal: ParagraphStyle) -> None:
    """Chinese typesetting on Normal, which every other style is based on."""
    pPr = normal.element.get_or_add_pPr()
    normal.paragraph_format.widow_control = True
    docx_oxml.set_pPr_flag(pPr, "w:kinsoku", True)  # no 。，、） at a line's start, no （“ at its end
    # A comma or full stop due at a line's start hangs at the end of the line before (w:overflowPunct,
    # Word's and LibreOffice's default, left unset: LibreOffice 7.4 reads the setting inverted).
    docx_oxml.set_pPr_flag(pPr, "w:snapToGrid", False)  # see LINE above
    # The small automatic space between Chinese and Latin letters or digits (w:autoSpaceDE/DN) stays
    # on, Word's default: LibreOffice ignores the setting and always adds it, so turning it off would
    # only make the Word file and the PDF break lines differently.


def _configure_doc_defaults(document: Document) -> None:
    """Explicit fonts and Chinese language in w:docDefaults; no theme fonts anywhere in the styles."""
    styles = document.styles.element
    docx_oxml.remove_rFonts_themes(styles)
    rPr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    docx_oxml.set_rFonts(rPr, FANGSONG)
    docx_oxml.set_lang(rPr, docx_oxml.CHINESE)


def _configure_page(document: Document) -> None:
    # GB/T 9704-2012 5.2.1: A4; 天头 37 mm, 订口 28 mm; type area 156 × 225 mm (twips in DOMAIN_NOTES §1.2).
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin, section.bottom_margin = Twips(2098), Twips(1984)
    section.left_margin, section.right_margin = Twips(1588), Twips(1474)
    section.footer_distance = FOOTER_DISTANCE
    docx_oxml.set_docGrid(section._sectPr, "lines", LINE.twips)


def _configure_page_numbers(document: Document) -> None:
    """GB/T 9704-2012 7.5: 4号半角宋体阿拉伯数字, "— 1 —", below the type area; 单页码居右空一字，双页码居左
    空一字 — a default (odd-page) and an even-page footer (w:evenAndOddHeaders), each with a PAGE field.
    write_docx puts the configured font in, or keeps one centred footer for the centred variant."""
    document.settings.odd_and_even_pages_header_footer = True
    section, style_id = document.sections[0], document.styles["Footer"].style_id
    _page_number_footer(section.footer, style_id, WD_ALIGN_PARAGRAPH.RIGHT, right=ONE_PAGE_NUMBER_CHAR)
    _page_number_footer(section.even_page_footer, style_id, WD_ALIGN_PARAGRAPH.LEFT, left=ONE_PAGE_NUMBER_CHAR)


def _page_number_footer(
    footer: _Footer, style_id: str, alignment: WD_ALIGN_PARAGRAPH, *, left: Length = NONE, right: Length = NONE
) -> None:
    footer.is_linked_to_previous = False  # gives the section its own footer part
    ftr = footer.part.element
    docx_oxml.clear_hdrftr(ftr)
    rPr = docx_oxml.run_properties(SONGTI, SONGTI)  # digits in 宋体 too
    p = docx_oxml.append_paragraph(ftr, style_id, (f"{EM_DASH} ",), rPr)
    docx_oxml.append_field(p, "PAGE", "1", rPr)
    docx_oxml.append_run(p, f" {EM_DASH}", rPr)
    p.pPr.jc_val = alignment
    p.pPr.ind_left, p.pPr.ind_right = left, right


def _configure_font_table(document: Document) -> None:
    """Only Times New Roman: write_docx declares the Chinese fonts a report uses, with their fallbacks.
    (The template lists Japanese and Office fonts that nothing here uses.)"""
    part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    fonts = docx_oxml.read_fonts(part)
    for font in fonts.findall(qn("w:font")):
        if font.get(qn("w:name")) != docx_oxml.LATIN_FONT:
            fonts.remove(font)
    docx_oxml.write_fonts(part, fonts)


def _drop_template_leftovers(document: Document) -> None:
    """Drop the template's thumbnail (a picture of another document) and stylesWithEffects, a stale
    copy of the styles that Word 2010 may prefer over the ones configured here."""
    package_rels = document.part.package.rels
    for rId in [rId for rId, rel in package_rels.items() if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL]:
        del package_rels[rId]
    for rId in [rId for rId, rel in document.part.rels.items() if rel.reltype == STYLES_WITH_EFFECTS]:
        document.part.drop_rel(rId)


def _blank_core_properties(document: Document) -> None:
    """No python-docx author or comment; write_docx fills in the report's own properties."""
    properties = document.core_properties
    properties.author = properties.last_modified_by = properties.comments = ""
    properties.title = properties.subject = properties.keywords = ""
    properties.language = "zh-CN"
    properties.created = properties.modified = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    properties.revision = 1


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else TARGET
    build_reference().save(str(target))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
