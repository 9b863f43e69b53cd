"""The few raw-XML helpers python-docx lacks, each named after the WordprocessingML element it touches.

They work on python-docx's element classes: `scripts/make_reference_docx.py` builds reference.docx with them
and the tests read the written files back with them. The writer itself does not use python-docx: it
patches the reference's parts with lxml once per layout (`docx_package`) and writes the body as a string
(`docx`).

python-docx's `Font.name` sets only `w:ascii`/`w:hAnsi`, so Chinese text would fall back to the
default East Asian font (python-docx issue #1396); it has no API for `w:lang`, `w:outlineLvl`,
`w:tblHeader`, character spacing, `w:docGrid`, fields or the font table either. New children are
inserted before their schema successors (ECMA-376 Part 1, 17.3.1.26 pPr, 17.3.2.28 rPr, 17.4.82 trPr,
17.6.17 sectPr): Word calls a file with misordered children corrupt.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.section import CT_HdrFtr, CT_SectPr
from docx.oxml.table import CT_Row
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml.etree import SubElement, tostring

# Digits and Latin letters in Times New Roman: a local convention beside GB/T 9704 (DOMAIN_NOTES §1.3).
LATIN_FONT = "Times New Roman"
# The East Asian language of every style and run (w:lang/@w:eastAsia): where Word or LibreOffice substitutes a
# missing font, it picks one with Simplified Chinese glyph forms, not Japanese or Traditional ones.
CHINESE = "zh-CN"

# Theme references beat explicit names in Word, so they are removed wherever names are set.
_THEME_FONT_ATTRIBUTES = tuple(qn(name) for name in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme"))
# w:rFonts attributes, qualified once: set_rFonts runs for every style, footer run and run template.
_LATIN_FONT_ATTRIBUTES = (qn("w:ascii"), qn("w:hAnsi"), qn("w:cs"))
_EAST_ASIA, _HINT = qn("w:eastAsia"), qn("w:hint")

# Schema successors of the elements added here (ECMA-376 Part 1 sequences).
_LANG_SUCCESSORS = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_OUTLINE_LVL_SUCCESSORS = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
_RPR_SPACING_SUCCESSORS = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
_DOC_GRID_SUCCESSORS = ("w:printerSettings", "w:sectPrChange")
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


def append_paragraph(body: BaseOxmlElement, style_id: str | None, texts: Sequence[str], rPr: CT_RPr | None) -> CT_P:
    """A `w:p` at the end of `body` (a `w:body`, `w:ftr` or `w:tc`) in style `style_id`, one `w:r` per text,
    each with a copy of `rPr`.

    Built as elements rather than through python-docx's Paragraph proxies, which have no
    API for fields; children are appended in schema order (pPr, then runs; rPr, then t).
    """
    p = OxmlElement("w:p")
    if style_id is not None:
        pPr = SubElement(p, qn("w:pPr"))
        SubElement(pPr, qn("w:pStyle")).set(qn("w:val"), style_id)
    for text in texts:
        append_run(p, text, rPr)
    sectPr = body.find(qn("w:sectPr"))
    if sectPr is not None:
        sectPr.addprevious(p)  # the body's last child must stay w:sectPr
    else:
        body.append(p)
    return p


def append_run(p: CT_P, text: str, rPr: CT_RPr | None) -> None:
    """A `w:r` holding `text`, with a copy of `rPr`, at the end of `p`."""
    t = _append_run_child(p, rPr, "w:t")
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")  # keep leading or trailing spaces


def append_field(p: CT_P, instruction: str, placeholder: str, rPr: CT_RPr | None) -> None:
    """A field at the end of `p`: runs holding `w:fldChar` begin, `w:instrText`, separate, the result, end.

    The result run keeps `placeholder`, so viewers that never update fields still show
    something sensible; Word and LibreOffice replace it with the field's value.
    """
    _append_run_child(p, rPr, "w:fldChar").set(qn("w:fldCharType"), "begin")
    instr = _append_run_child(p, rPr, "w:instrText")
    instr.text = f" {instruction} "
    instr.set(qn("xml:space"), "preserve")
    _append_run_child(p, rPr, "w:fldChar").set(qn("w:fldCharType"), "separate")
    _append_run_child(p, rPr, "w:t").text = placeholder
    _append_run_child(p, rPr, "w:fldChar").set(qn("w:fldCharType"), "end")


def _append_run_child(p: CT_P, rPr: CT_RPr | None, tag: str) -> BaseOxmlElement:
    r = SubElement(p, qn("w:r"))
    if rPr is not None:
        r.append(copy.deepcopy(rPr))
    return SubElement(r, qn(tag))


def clear_hdrftr(hdrftr: CT_HdrFtr) -> None:
    """Remove every paragraph and table of a header or footer (python-docx's new footer holds an empty one)."""
    for child in list(hdrftr):
        hdrftr.remove(child)


def run_properties(east_asia: str, latin: str = LATIN_FONT) -> CT_RPr:
    """A `w:rPr` naming the run's fonts (see set_rFonts) and its East Asian language, Simplified Chinese,
    to be copied into each run: a run pasted into another document still asks for Chinese glyph forms."""
    rPr = OxmlElement("w:rPr")
    set_rFonts(rPr, east_asia, latin)
    set_lang(rPr, CHINESE)
    return rPr


def set_rFonts(rPr: CT_RPr, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name every script's font in `w:rFonts`: `east_asia` for Chinese, `latin` for the rest.

    `w:hint="eastAsia"` makes characters shared by both scripts (“”, —, ……) use the Chinese font.
    """
    rFonts = rPr.get_or_add_rFonts()
    _remove_theme_attributes(rFonts)
    for name in _LATIN_FONT_ATTRIBUTES:
        rFonts.set(name, latin)
    rFonts.set(_EAST_ASIA, east_asia)
    rFonts.set(_HINT, "eastAsia")


def remove_rFonts_themes(element: BaseOxmlElement) -> None:
    """Remove theme font references from every `w:rFonts` below `element` (docDefaults, styles)."""
    for rFonts in element.iter(qn("w:rFonts")):
        _remove_theme_attributes(rFonts)


def set_lang(rPr: CT_RPr, east_asia: str = CHINESE) -> None:
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


def has_tblHeader(tr: CT_Row) -> bool:
    trPr = tr.trPr
    if trPr is None:
        return False
    header = trPr.find(qn("w:tblHeader"))
    return header is not None and header.get(qn("w:val"), "true") not in ("0", "false", "off")


def set_themeFontLang(settings: BaseOxmlElement, east_asia: str = CHINESE) -> None:
    """Tell Word that East Asian text is Chinese when it resolves theme fonts (python-docx's template says ja-JP)."""
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = settings.insert_element_before(OxmlElement("w:themeFontLang"), *_THEME_FONT_LANG_SUCCESSORS)
    lang.set(qn("w:eastAsia"), east_asia)


def set_pPr_flag(pPr: CT_PPr, tag: str, on: bool) -> None:
    """Set an on/off paragraph property (`w:kinsoku`, `w:snapToGrid`, `w:autoSpaceDE` …) explicitly."""
    flag = pPr.find(qn(tag))
    if flag is None:
        flag = pPr.insert_element_before(OxmlElement(tag), *_PPR_ORDER[_PPR_ORDER.index(tag) + 1 :])
    if on:
        flag.attrib.pop(qn("w:val"), None)
    else:
        flag.set(qn("w:val"), "0")


def get_pPr_flag(pPr: CT_PPr | None, tag: str) -> bool | None:
    flag = None if pPr is None else pPr.find(qn(tag))
    return None if flag is None else flag.get(qn("w:val"), "1") not in ("0", "false", "off")


def set_rPr_spacing(rPr: CT_RPr, twentieths: int) -> None:
    """Character spacing `w:spacing/@w:val` in twentieths of a point (negative condenses). Written even
    when 0, so that a style overrides what it would inherit."""
    spacing = rPr.find(qn("w:spacing"))
    if spacing is None:
        spacing = rPr.insert_element_before(OxmlElement("w:spacing"), *_RPR_SPACING_SUCCESSORS)
    spacing.set(qn("w:val"), str(twentieths))


def get_rPr_spacing(rPr: CT_RPr | None) -> int | None:
    spacing = None if rPr is None else rPr.find(qn("w:spacing"))
    return None if spacing is None else int(spacing.get(qn("w:val")))


def set_docGrid(sectPr: CT_SectPr, grid_type: str, line_pitch: int) -> None:
    """The section's document grid (`w:docGrid`, ECMA 17.6.5): its type and line pitch in twips."""
    grid = sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = sectPr.insert_element_before(OxmlElement("w:docGrid"), *_DOC_GRID_SUCCESSORS)
    grid.attrib.clear()
    grid.set(qn("w:type"), grid_type)
    grid.set(qn("w:linePitch"), str(line_pitch))


def read_fonts(font_table: Part) -> BaseOxmlElement:
    """The `w:fonts` element of the font table part, which python-docx loads as a plain, blob-only Part."""
    return parse_xml(font_table.blob)


def write_fonts(font_table: Part, fonts: BaseOxmlElement) -> None:
    font_table._blob = tostring(fonts, encoding="UTF-8", standalone=True)  # Part has no blob setter


def _remove_theme_attributes(rFonts: BaseOxmlElement) -> None:
    for name in _THEME_FONT_ATTRIBUTES:
        rFonts.attrib.pop(name, None)
