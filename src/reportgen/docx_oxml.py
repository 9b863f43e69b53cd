"""The few raw-XML helpers python-docx lacks, each named after the WordprocessingML element it touches.

python-docx's `Font.name` sets only `w:ascii`/`w:hAnsi`, so Chinese text would fall back to the
default East Asian font (python-docx issue #1396); it has no API for `w:lang`, `w:outlineLvl` or
`w:tblHeader` either. New children are inserted before their schema successors (ECMA-376 Part 1,
17.3.1.26 pPr, 17.3.2.28 rPr, 17.4.82 trPr): Word calls a file with misordered children corrupt.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.document import CT_Body
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import CharacterStyle
from lxml.etree import SubElement

# Digits and Latin letters in Times New Roman: a local convention beside GB/T 9704 (DOMAIN_NOTES §1.3).
LATIN_FONT = "Times New Roman"

# Theme references beat explicit names in Word, so they are removed wherever names are set.
_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")

# Schema successors of the elements added here (ECMA-376 Part 1 sequences).
_LANG_SUCCESSORS = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_OUTLINE_LVL_SUCCESSORS = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_TBL_HEADER_SUCCESSORS = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_THEME_FONT_LANG_SUCCESSORS = (
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def append_paragraph(body: CT_Body, style_id: str | None, texts: Sequence[str], rPr: CT_RPr | None) -> CT_P:
    """A `w:p` at the end of `body` in style `style_id`, one `w:r` per text, each with a copy of `rPr`.

    The report's body paragraphs are built as elements rather than through python-docx's
    Paragraph proxies: the proxy's style setter scans the styles part on every call, and
    its text setter walks the text character by character looking for tabs and breaks,
    which text from the document model never contains. Children are appended in schema
    order (pPr, then runs; rPr, then t).
    """
    p = OxmlElement("w:p")
    if style_id is not None:
        pPr = SubElement(p, qn("w:pPr"))
        SubElement(pPr, qn("w:pStyle")).set(qn("w:val"), style_id)
    for text in texts:
        r = SubElement(p, qn("w:r"))
        if rPr is not None:
            r.append(copy.deepcopy(rPr))
        t = SubElement(r, qn("w:t"))
        t.text = text
        if text != text.strip():
            t.set(qn("xml:space"), "preserve")  # keep leading or trailing spaces
    sectPr = body.sectPr
    if sectPr is not None:
        sectPr.addprevious(p)  # the body's last child must stay w:sectPr
    else:
        body.append(p)
    return p


def run_properties(east_asia: str, latin: str = LATIN_FONT) -> CT_RPr:
    """A `w:rPr` naming the run's fonts (see set_rFonts), to be copied into each run."""
    rPr = OxmlElement("w:rPr")
    set_rFonts(rPr, east_asia, latin)
    return rPr


def set_rFonts(rPr: CT_RPr, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name every script's font in `w:rFonts`: `east_asia` for Chinese, `latin` for the rest.

    `w:hint="eastAsia"` makes characters shared by both scripts (“”, —, ……) use the Chinese font.
    """
    rFonts = rPr.get_or_add_rFonts()
    _remove_theme_attributes(rFonts)
    rFonts.set(qn("w:ascii"), latin)
    rFonts.set(qn("w:hAnsi"), latin)
    rFonts.set(qn("w:cs"), latin)
    rFonts.set(qn("w:eastAsia"), east_asia)
    rFonts.set(qn("w:hint"), "eastAsia")


def rFonts_east_asia(style: CharacterStyle | None) -> str | None:
    """The `w:eastAsia` font a style applies, its own or inherited through `w:basedOn`."""
    while style is not None:
        rPr = style.element.rPr
        name = None if rPr is None or rPr.rFonts is None else rPr.rFonts.get(qn("w:eastAsia"))
        if name:
            return name
        style = style.base_style
    return None


def remove_rFonts_themes(element: BaseOxmlElement) -> None:
    """Remove theme font references from every `w:rFonts` below `element` (docDefaults, styles)."""
    for rFonts in element.iter(qn("w:rFonts")):
        _remove_theme_attributes(rFonts)


def set_lang(rPr: CT_RPr, east_asia: str = "zh-CN") -> None:
    """Set `w:lang/@w:eastAsia`, keeping any Latin and bidi languages already there."""
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = rPr.insert_element_before(OxmlElement("w:lang"), *_LANG_SUCCESSORS)
    lang.set(qn("w:eastAsia"), east_asia)


def set_outlineLvl(pPr: CT_PPr, level: int) -> None:
    """Set `w:outlineLvl` (0 = top level), which Word's navigation pane and outline view read."""
    outline = pPr.find(qn("w:outlineLvl"))
    if outline is None:
        outline = pPr.insert_element_before(OxmlElement("w:outlineLvl"), *_OUTLINE_LVL_SUCCESSORS)
    outline.set(qn("w:val"), str(level))


def get_outlineLvl(pPr: CT_PPr | None) -> int | None:
    outline = None if pPr is None else pPr.find(qn("w:outlineLvl"))
    return None if outline is None else int(outline.get(qn("w:val")))


def set_tblHeader(tr: CT_Row) -> None:
    """Mark a table row as a header row, repeated at the top of each page the table spans."""
    trPr = tr.get_or_add_trPr()
    if trPr.find(qn("w:tblHeader")) is None:
        trPr.insert_element_before(OxmlElement("w:tblHeader"), *_TBL_HEADER_SUCCESSORS)


def has_tblHeader(tr: CT_Row) -> bool:
    trPr = tr.trPr
    if trPr is None:
        return False
    header = trPr.find(qn("w:tblHeader"))
    return header is not None and header.get(qn("w:val"), "true") not in ("0", "false", "off")


def set_themeFontLang(settings: BaseOxmlElement, east_asia: str = "zh-CN") -> None:
    """Tell Word that East Asian text is Chinese when it resolves theme fonts (python-docx's template says ja-JP)."""
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = settings.insert_element_before(OxmlElement("w:themeFontLang"), *_THEME_FONT_LANG_SUCCESSORS)
    lang.set(qn("w:eastAsia"), east_asia)


def _remove_theme_attributes(rFonts: BaseOxmlElement) -> None:
    for name in _THEME_FONT_ATTRIBUTES:
        rFonts.attrib.pop(qn(name), None)
