"""Generate src/reportgen/reference.docx, the reference document whose styles and page write_docx uses.

Run with the project's environment from the repository root, then commit the .docx:

    python scripts/make_reference_docx.py [output.docx]

Starts from python-docx's default template and declares every style the writer uses from scratch
(GB/T 9704-2012 5.2, 7.3). The document grid, page numbers and kinsoku come with a later issue.
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
from docx.shared import Length, Pt, RGBColor, Twips
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle

from reportgen import docx_oxml

TARGET = Path(__file__).resolve().parents[1] / "src" / "reportgen" / "reference.docx"

# GB/T 9704-2012 5.2.2, 7.3.1, 7.3.3: 标题 小标宋, 正文 仿宋, levels 黑体 / 楷体 / 仿宋 / 仿宋.
XIAOBIAOSONG = "方正小标宋简体"
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
LINE = Pt(28)  # exact 28 pt line pitch, as in the GB/T 9704 templates in use (DOMAIN_NOTES §1.4)
TWO_CHARS = Twips(640)  # 2 × 16 pt: 首行缩进二字 (7.3.3), 右空二字 (7.3.5.2)
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


STYLES = (
    StyleSpec("Normal", FANGSONG),
    # 7.3.1: title centred; 7.3.3: one blank line between title and text, as space after.
    StyleSpec("Title", XIAOBIAOSONG, size=SIZE_2, alignment=CENTER, first_line_indent=NONE, space_after=LINE),
    # 7.3.3: 一、 黑体; （一） 楷体; 1. and （1） 仿宋; indented two characters like the body.
    StyleSpec("Heading 1", HEITI, outline_level=0, keep_with_next=True),
    StyleSpec("Heading 2", KAITI, outline_level=1, keep_with_next=True),
    StyleSpec("Heading 3", FANGSONG, outline_level=2, keep_with_next=True),
    StyleSpec("Heading 4", FANGSONG, outline_level=3, keep_with_next=True),
    StyleSpec("Caption", FANGSONG, alignment=CENTER, first_line_indent=NONE, keep_with_next=True),
    StyleSpec("Table Heading", HEITI, size=SIZE_4, alignment=CENTER, first_line_indent=NONE, line_spacing=1.0),
    StyleSpec("Table Contents", FANGSONG, size=SIZE_4, alignment=CENTER, first_line_indent=NONE, line_spacing=1.0),
    # 7.3.5.2: 署名 and 成文日期 右空二字; exact offsets per signature length come later.
    StyleSpec(
        "Signature", FANGSONG, alignment=WD_ALIGN_PARAGRAPH.RIGHT, first_line_indent=NONE, right_indent=TWO_CHARS
    ),
)


def build_reference() -> Document:
    """The reference document: python-docx's template with GB/T 9704 styles and page, and no content."""
    document = docx.Document()
    for spec in STYLES:
        _configure_style(_paragraph_style(document, spec.name), spec)
    _configure_doc_defaults(document)
    _configure_page(document)
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
    docx_oxml.set_rFonts(style.element.get_or_add_rPr(), spec.east_asia)


def _configure_doc_defaults(document: Document) -> None:
    """Explicit fonts and Chinese language in w:docDefaults; no theme fonts anywhere in the styles."""
    styles = document.styles.element
    docx_oxml.remove_rFonts_themes(styles)
    rPr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    docx_oxml.set_rFonts(rPr, FANGSONG)
    docx_oxml.set_lang(rPr, "zh-CN")


def _configure_page(document: Document) -> None:
    # GB/T 9704-2012 5.2.1: A4; 天头 37 mm, 订口 28 mm; type area 156 × 225 mm (twips in DOMAIN_NOTES §1.2).
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin, section.bottom_margin = Twips(2098), Twips(1984)
    section.left_margin, section.right_margin = Twips(1588), Twips(1474)


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
