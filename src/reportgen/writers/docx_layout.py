"""Preparing a layout's fixed .docx parts: the shipped reference.docx patched with lxml.

docx_package.layout_package keeps the result (in memory, and in the user's cache folder), so a
report is written without importing lxml at all once its layout has been prepared on this machine.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from reportgen.document.model import FontNames, PageLayout
from reportgen.writers.docx_package import (
    APP,
    APP_XML,
    CONTENT_TYPES,
    CORE,
    DOCUMENT,
    DOCUMENT_RELS,
    LayoutPackage,
    entry,
    reference_bytes,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"

# The font role (a FontNames field) of each style, by style id; a role's name goes into w:eastAsia, Latin
# letters and digits take FontNames.latin, except in page numbers (7.5: 半角宋体阿拉伯数字). The character
# style Word links to a paragraph style (Heading1Char …) gets the same fonts.
STYLE_FONTS = {
    "Normal": "body",
    "Title": "title",
    "Heading1": "heading1",
    "Heading2": "heading2",
    "Heading3": "body",
    "Heading4": "body",
    "Caption": "body",
    "Salutation": "body",
    "TableHeading": "heading1",
    "TableContents": "body",
    "Signature": "body",
    "Footer": "page_number",
}
# What a machine lacking a role's font shows instead (w:altName), and the kind of face it belongs
# to (w:family: roman = serif, swiss = sans, script = brush). Windows 10 and later ship 仿宋 and 楷体
# but not the _GB2312 fonts clerks' templates name; 宋体 stands in for 小标宋, a heavier Song face.
FALLBACK_FACES = {
    "title": ("宋体", "roman"),
    "heading1": ("黑体", "swiss"),
    "heading2": ("楷体", "script"),
    "body": ("仿宋", "roman"),
    "page_number": ("宋体", "roman"),
}
ENGLISH_NAMES = {"宋体": "SimSun", "黑体": "SimHei", "楷体": "KaiTi", "仿宋": "FangSong"}
_CHARSET_GB2312 = "86"

_BODY = re.compile(rb"<w:body>.*</w:body>", re.DOTALL)


def prepare(layout: PageLayout) -> LayoutPackage:
    """The fixed parts for `layout`: the reference document's, patched and deflated."""
    parts = _reference_parts()
    del parts[CORE]  # each report writes its own
    document = parts.pop(DOCUMENT)
    parts[APP] = APP_XML
    styles = etree.fromstring(parts["word/styles.xml"])
    _set_style_fonts(styles, layout)
    parts["word/styles.xml"] = _serialize(styles)
    parts["word/fontTable.xml"] = _serialize(_font_table(etree.fromstring(parts["word/fontTable.xml"]), layout.fonts))
    _apply_page_numbers(parts, layout)
    sect_pr = etree.fromstring(document).find(f"{_w('body')}/{_w('sectPr')}")
    if layout.page_numbers == "centered":
        _drop_even_footer(sect_pr, parts)
    start, end = _BODY.split(document)
    return LayoutPackage(
        fixed_zip=_deflated(parts),
        document_start=start.decode() + "<w:body>",
        document_end=_strip_namespaces(etree.tostring(sect_pr, encoding="unicode")) + "</w:body>" + end.decode(),
        type_width=_type_width(sect_pr),
        condensed=_signature_spacing(styles),
    )


def _deflated(parts: dict[str, bytes]) -> bytes:
    """A zip of `parts`, deflated as tightly as zlib can: this runs once per layout."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(entry(name), data, compresslevel=9)
    return buffer.getvalue()


def _reference_parts() -> dict[str, bytes]:
    """The reference document's parts by name, in its zip order ([Content_Types].xml first)."""
    with zipfile.ZipFile(io.BytesIO(reference_bytes())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _serialize(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _style_fonts(fonts: FontNames, role: str) -> tuple[str, str]:
    """(East Asian font, Latin font) of a font role."""
    return getattr(fonts, role), fonts.page_number if role == "page_number" else fonts.latin


def _set_style_fonts(styles: etree._Element, layout: PageLayout) -> None:
    """The configured fonts into every style that names one and the document defaults; level-3 headings
    bold if asked. Runs carry no fonts of their own, so Word's 修改样式 changes them everywhere."""
    by_id = {style.get(_w("styleId")): style for style in styles.iter(_w("style"))}
    for style_id, role in STYLE_FONTS.items():
        for styled in (style_id, f"{style_id}Char"):
            if styled in by_id:
                _set_rFonts(_child(by_id[styled], "rPr"), *_style_fonts(layout.fonts, role))
    defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    _set_rFonts(defaults, *_style_fonts(layout.fonts, "body"))
    if layout.bold_level3:
        rPr = by_id["Heading3"].find(_w("rPr"))
        for tag in ("b", "bCs"):  # the reference says w:val="0": bold off unless asked
            rPr.find(_w(tag)).attrib.pop(_w("val"), None)


def _child(parent: etree._Element, tag: str) -> etree._Element:
    """`parent`'s child `tag`, appended if missing (w:rPr is the last child a character style has)."""
    found = parent.find(_w(tag))
    return found if found is not None else etree.SubElement(parent, _w(tag))


def _set_rFonts(rPr: etree._Element, east_asia: str, latin: str) -> None:
    """Name every script's font in `w:rFonts` (the first child of `w:rPr`), no theme fonts: `east_asia` for
    Chinese, `latin` for the rest; `w:hint="eastAsia"` gives shared characters (“”, —, ……) the Chinese font."""
    rFonts = rPr.find(_w("rFonts"))
    if rFonts is None:
        rFonts = etree.Element(_w("rFonts"))
        rPr.insert(0, rFonts)
    for theme in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"):  # a theme font beats a name in Word
        rFonts.attrib.pop(_w(theme), None)
    for script in ("ascii", "hAnsi", "cs"):
        rFonts.set(_w(script), latin)
    rFonts.set(_w("eastAsia"), east_asia)
    rFonts.set(_w("hint"), "eastAsia")


def _font_table(fonts: etree._Element, names: FontNames) -> etree._Element:
    """Declare each configured font (`w:font`, ECMA 17.8.3.10) with what a machine lacking it uses instead:
    `w:altName`, the font tried next, and `w:family`, the kind of face an application picks a substitute from.
    Charset 86 is GB2312 (Simplified Chinese)."""
    for role, (alternative, family) in FALLBACK_FACES.items():
        name = getattr(names, role)
        if name == alternative:  # the font is itself the usual fallback: name it in English
            alternative = ENGLISH_NAMES[name]
        for old in fonts.findall(_w("font")):
            if old.get(_w("name")) == name:
                fonts.remove(old)
        font = etree.SubElement(fonts, _w("font"), {_w("name"): name})
        for tag, value in (("altName", alternative), ("charset", _CHARSET_GB2312), ("family", family)):
            etree.SubElement(font, _w(tag), {_w("val"): value})  # in schema order
    return fonts


def _apply_page_numbers(parts: dict[str, bytes], layout: PageLayout) -> None:
    """The reference numbers pages as GB/T 9704-2012 7.5 says: "— 1 —" in a default (odd-page) footer at
    the right and an even-page footer at the left (w:evenAndOddHeaders), both in the page-number font.
    The centred variant keeps one footer, centred, on every page."""
    footers = [name for name in parts if re.fullmatch(r"word/footer\d+\.xml", name)]
    for name in footers:
        footer = etree.fromstring(parts[name])
        for rPr in footer.iter(_w("rPr")):
            _set_rFonts(rPr, *_style_fonts(layout.fonts, "page_number"))
        if layout.page_numbers == "centered":
            for pPr in footer.iter(_w("pPr")):
                _center(pPr)
        parts[name] = _serialize(footer)
    if layout.page_numbers == "centered":
        settings = etree.fromstring(parts["word/settings.xml"])
        for even_and_odd in settings.findall(_w("evenAndOddHeaders")):
            settings.remove(even_and_odd)
        parts["word/settings.xml"] = _serialize(settings)


def _center(pPr: etree._Element) -> None:
    for ind in pPr.findall(_w("ind")):
        pPr.remove(ind)
    pPr.find(_w("jc")).set(_w("val"), "center")


def _drop_even_footer(sect_pr: etree._Element, parts: dict[str, bytes]) -> None:
    """Remove the even-page footer: its reference, relationship, part and content type."""
    even = sect_pr.find(f"{_w('footerReference')}[@{_w('type')}='even']")
    sect_pr.remove(even)
    rels = etree.fromstring(parts[DOCUMENT_RELS])
    (rel,) = [rel for rel in rels if rel.get("Id") == even.get(f"{{{R}}}id")]
    rels.remove(rel)
    parts[DOCUMENT_RELS] = _serialize(rels)
    part_name = "word/" + rel.get("Target")
    del parts[part_name]
    types = etree.fromstring(parts[CONTENT_TYPES])
    for override in types.findall(f"{{{_CT}}}Override"):
        if override.get("PartName") == "/" + part_name:
            types.remove(override)
    parts[CONTENT_TYPES] = _serialize(types)


def _strip_namespaces(xml: str) -> str:
    """An element serialized on its own repeats its namespace declarations; inside document.xml the root
    declares them."""
    return re.sub(r' xmlns:\w+="[^"]*"', "", xml)


def _type_width(sect_pr: etree._Element) -> int:
    page, margins = sect_pr.find(_w("pgSz")), sect_pr.find(_w("pgMar"))
    return int(page.get(_w("w"))) - int(margins.get(_w("left"))) - int(margins.get(_w("right")))


def _signature_spacing(styles: etree._Element) -> int:
    """Character spacing of the Signature style in twips, inherited from Normal when it names none."""
    for style_id in ("Signature", "Normal"):
        spacing = styles.find(f"{_w('style')}[@{_w('styleId')}='{style_id}']/{_w('rPr')}/{_w('spacing')}")
        if spacing is not None:
            return int(spacing.get(_w("val")))
    return 0
