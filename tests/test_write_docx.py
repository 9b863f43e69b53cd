"""write_docx: what a clerk sees on opening the .docx — styles and labels in order, Chinese fonts,
outline levels, table header rows, signature, file properties — read back with python-docx, and the
GB/T 9704 settings pinned in the XML (page, grid, spacing, page-number footers, fonts, layout
variants). tests/test_layout_pdf.py measures what these settings do on the rendered page."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from importlib.resources import files
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.table import Table as WordTable
from lxml import etree

from reportgen.document.model import (
    Document,
    Enumeration,
    EnumerationItem,
    FontNames,
    Heading,
    Metadata,
    PageLayout,
    Paragraph,
    Signature,
    Table,
)
from reportgen.document.signature import text_width
from reportgen.writers import docx_oxml
from reportgen.writers.docx import write_docx

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_reference_docx.py"

# GB/T 9704-2012 7.3.1, 7.3.3: the East Asian font each style must name.
STYLE_FONTS = {
    "Normal": "仿宋_GB2312",
    "Title": "方正小标宋简体",
    "Heading 1": "黑体",
    "Heading 2": "楷体_GB2312",
    "Heading 3": "仿宋_GB2312",
    "Heading 4": "仿宋_GB2312",
    "Caption": "仿宋_GB2312",
    "Table Heading": "黑体",
    "Table Contents": "仿宋_GB2312",
    "Signature": "仿宋_GB2312",
}
BODY_STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption", "Signature")

REPORT = Document(
    title="土城子乡人民政府关于2024年法治政府建设情况的报告",
    title_lines=("土城子乡人民政府关于2024年", "法治政府建设情况的报告"),
    metadata=Metadata(publisher="土城子乡人民政府", keywords=("法治政府", "年度报告")),
    blocks=(
        Paragraph("现将有关情况报告如下："),
        Heading(1, "主要举措和成效", "一、"),
        Heading(2, "健全政府机构职能体系", "（一）"),
        Paragraph("全年梳理权责清单事项236项。", lead="深入推进“放管服”改革。"),
        Heading(3, "规范行政执法", "1."),
        Heading(4, "落实三项制度", "（1）"),
        Enumeration(
            (EnumerationItem("完善制度", "制定执法公示办法。", "一是"), EnumerationItem("", "开展培训3场次。", "二是")),
            intro="主要做法：",
            inline=True,
        ),
        Enumeration(
            (EnumerationItem("强化监督", "开展案卷评查2次", "一是"), EnumerationItem("", "培训45人次。", "二是"))
        ),
        Table("表1  行政复议情况", ("项目", "2023年", "2024年"), (("收案（件）", "12", "9"), ("纠错（件）", "2"))),
        Heading(1, "存在的不足和原因", "二、"),
        Paragraph("执法人员专业能力仍需提升。"),
        Signature(("中共土城子乡委员会", "土城子乡人民政府"), dt.date(2025, 3, 12)),
    ),
)


def open_docx(document: Document) -> WordDocument:
    return docx.Document(io.BytesIO(write_docx(document)))


@pytest.fixture(scope="module")
def report() -> WordDocument:
    return open_docx(REPORT)


def dump(word: WordDocument) -> list[tuple[str, str]]:
    """(style, text) per body paragraph in order; a table as ("table", rows as "a|b|c / …")."""
    lines = []
    for item in word.iter_inner_content():
        if isinstance(item, WordTable):
            lines.append(("table", " / ".join("|".join(cell.text for cell in row.cells) for row in item.rows)))
        else:
            lines.append((item.style.name, item.text))
    return lines


def all_paragraphs(word: WordDocument):
    yield from word.paragraphs
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def effective(paragraph, attribute: str):
    """A paragraph-format value as Word resolves it: direct formatting, then the style chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    return effective_style(paragraph.style, attribute) if value is None else value


def effective_style(style, attribute: str):
    value = None
    while value is None and style is not None:
        value, style = getattr(style.paragraph_format, attribute), style.base_style
    return value


def test_blocks_become_styled_paragraphs_with_labels_in_order(report):
    assert dump(report) == [
        ("Title", "土城子乡人民政府关于2024年\n法治政府建设情况的报告"),
        ("Normal", "现将有关情况报告如下："),
        ("Heading 1", "一、主要举措和成效"),
        ("Heading 2", "（一）健全政府机构职能体系"),
        ("Normal", "深入推进“放管服”改革。全年梳理权责清单事项236项。"),
        ("Heading 3", "1.规范行政执法"),
        ("Heading 4", "（1）落实三项制度"),
        ("Normal", "主要做法：一是完善制度。制定执法公示办法。二是开展培训3场次。"),
        ("Normal", "一是强化监督。开展案卷评查2次"),
        ("Normal", "二是培训45人次。"),
        ("Caption", "表1  行政复议情况"),
        ("table", "项目|2023年|2024年 / 收案（件）|12|9 / 纠错（件）|2|"),
        ("Heading 1", "二、存在的不足和原因"),
        ("Normal", "执法人员专业能力仍需提升。"),
        ("Signature", ""),
        ("Signature", "中共土城子乡委员会"),
        ("Signature", "土城子乡人民政府"),
        ("Signature", "2025年3月12日"),
    ]


def test_title_without_lines_is_one_line():
    word = open_docx(Document(title="2024年法治政府建设年度报告", blocks=()))
    assert dump(word) == [("Title", "2024年法治政府建设年度报告")]


def test_lead_is_its_own_run_and_bold_as_in_the_web_page(report):
    paragraph = next(p for p in report.paragraphs if p.text.startswith("深入推进"))
    assert [run.text for run in paragraph.runs] == ["深入推进“放管服”改革。", "全年梳理权责清单事项236项。"]
    assert [run.bold for run in paragraph.runs] == [True, None]


@pytest.mark.parametrize(("style_name", "font"), STYLE_FONTS.items())
def test_styles_name_their_east_asian_font(report, style_name, font):
    rFonts = report.styles[style_name].element.rPr.rFonts
    assert rFonts.get(qn("w:eastAsia")) == font
    assert rFonts.get(qn("w:ascii")) == rFonts.get(qn("w:hAnsi")) == "Times New Roman"


@pytest.mark.parametrize("style_name", STYLE_FONTS)
def test_styles_are_black_in_their_gbt_9704_size(report, style_name):
    font = report.styles[style_name].font
    size = {"Title": Pt(22), "Table Heading": Pt(14), "Table Contents": Pt(14)}.get(style_name, Pt(16))
    assert (font.size, font.color.rgb, font.bold, font.italic) == (size, RGBColor(0, 0, 0), False, False)


def test_every_text_style_names_an_east_asian_font(report):
    text_styles = [style for style in report.styles if style.type != WD_STYLE_TYPE.TABLE]
    unnamed = [
        style.name
        for style in text_styles
        if style.name not in ("Default Paragraph Font", "No List")
        and (style.element.rPr is None or not style.element.rPr.rFonts.get(qn("w:eastAsia")))
    ]
    assert unnamed == []
    assert report.styles["Heading 1 Char"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"


def effective_font(paragraph, run, attribute: str) -> str | None:
    """An w:rFonts attribute as Word resolves it for a run: direct formatting, then the paragraph style chain,
    then the document defaults."""
    rPr = run._element.rPr
    direct = None if rPr is None or rPr.rFonts is None else rPr.rFonts.get(qn(attribute))
    if direct is not None:
        return direct
    style = paragraph.style
    while style is not None:
        rFonts = None if style.element.rPr is None else style.element.rPr.rFonts
        if rFonts is not None and rFonts.get(qn(attribute)) is not None:
            return rFonts.get(qn(attribute))
        style = style.base_style
    defaults = paragraph.part.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    return defaults.rFonts.get(qn(attribute))


def test_every_run_takes_the_east_asian_font_of_its_style(report):
    """Fonts live in the styles, so Word's 修改样式 changes every paragraph of a style: no run names a font."""
    runs = [(p, run) for p in all_paragraphs(report) for run in p.runs]
    assert [run.text for _, run in runs if run._element.rPr.rFonts is not None] == []
    fonts = {(p.style.name, effective_font(p, run, "w:eastAsia")) for p, run in runs}
    assert fonts == {(p.style.name, STYLE_FONTS[p.style.name]) for p, _ in runs}
    assert {p.style.name for p, _ in runs} == set(STYLE_FONTS)  # the sample uses every style
    assert {effective_font(p, run, "w:hint") for p, run in runs} == {"eastAsia"}
    assert {effective_font(p, run, "w:ascii") for p, run in runs} == {"Times New Roman"}


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_heading_styles_are_outline_levels_not_bold_black(report, level):
    style = report.styles[f"Heading {level}"]
    assert docx_oxml.get_outlineLvl(style.element.pPr) == level - 1
    assert style.font.bold is False
    assert style.font.color.rgb == RGBColor(0, 0, 0)
    assert style.font.size == Pt(16)
    assert style.paragraph_format.keep_with_next is True
    assert style.paragraph_format.first_line_indent == Twips(640)


def test_body_and_title_styles_follow_gbt_9704(report):
    normal, title = report.styles["Normal"], report.styles["Title"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.first_line_indent == Twips(640)
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert normal.paragraph_format.line_spacing == Twips(579)  # 22 lines fill the 225 mm type area
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert (title.font.size, title.font.bold) == (Pt(22), False)
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.paragraph_format.first_line_indent == Twips(0)
    # 标题下空一行: one line after the title, on the 28.95 pt pitch like every body line
    assert (title.paragraph_format.line_spacing, title.paragraph_format.space_after) == (Twips(579), Twips(579))


def test_normal_sets_chinese_typesetting(report):
    """Kinsoku and widow control on; out of the line grid (exact spacing keeps the pitch); 16 pt text
    condensed by 0.25 pt a character so that 28 fit the 156 mm line (see make_reference_docx.LINE)."""
    pPr = report.styles["Normal"].element.pPr
    assert docx_oxml.get_pPr_flag(pPr, "w:kinsoku") is True
    assert docx_oxml.get_pPr_flag(pPr, "w:overflowPunct") is None  # the default: see make_reference_docx
    assert docx_oxml.get_pPr_flag(pPr, "w:snapToGrid") is False
    assert report.styles["Normal"].paragraph_format.widow_control is True
    assert docx_oxml.get_rPr_spacing(report.styles["Normal"].element.rPr) == -5


@pytest.mark.parametrize("style_name", BODY_STYLES)
def test_16pt_styles_inherit_the_condensed_pitch_and_exact_lines(report, style_name):
    style = report.styles[style_name]
    assert docx_oxml.get_rPr_spacing(style.element.rPr) == -5
    assert style.base_style is None or style.base_style.name == "Normal"
    assert (effective_style(style, "line_spacing"), effective_style(style, "line_spacing_rule")) == (
        Twips(579),
        WD_LINE_SPACING.EXACTLY,
    )


@pytest.mark.parametrize("style_name", ["Title", "Table Heading", "Table Contents", "Footer"])
def test_other_sizes_are_not_condensed(report, style_name):
    assert docx_oxml.get_rPr_spacing(report.styles[style_name].element.rPr) == 0


def test_no_theme_fonts_left_and_chinese_language(report):
    styles = report.styles.element
    themed = styles.xpath(".//w:rFonts[@w:asciiTheme or @w:eastAsiaTheme or @w:hAnsiTheme or @w:cstheme]")
    assert themed == []
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_every_style_and_run_says_its_text_is_simplified_chinese(report):
    """w:lang/@w:eastAsia zh-CN on each paragraph style, each run and the page numbers: where Word or LibreOffice
    substitutes a missing font, it picks Simplified Chinese glyph forms, not Japanese ones."""
    styles = [s for s in report.styles.element.findall(qn("w:style")) if s.get(qn("w:type")) == "paragraph"]
    assert {s.get(qn("w:styleId")): s.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) for s in styles} == {
        s.get(qn("w:styleId")): "zh-CN" for s in styles
    }
    footers = [report.sections[0].footer.part.element, report.sections[0].even_page_footer.part.element]
    runs = [r for part in (report.element.body, *footers) for r in part.iter(qn("w:r"))]
    assert runs and {r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) for r in runs} == {"zh-CN"}


def test_page_is_a4_with_gbt_9704_margins(report):
    section = report.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert margins == (Twips(2098), Twips(1984), Twips(1588), Twips(1474))
    assert section.footer_distance == Twips(1434)  # puts the 一字线 7 mm below the type area (measured)


def test_line_grid_of_22_lines(report):
    """A line grid of 28.95 pt, which Word's page setup shows as 每页22行; no character grid, which
    LibreOffice cannot narrow to 28 characters (see make_reference_docx.LINE)."""
    (grid,) = report.sections[0]._sectPr.findall(qn("w:docGrid"))
    assert dict(grid.attrib) == {qn("w:type"): "lines", qn("w:linePitch"): "579"}
    assert 22 * 579 <= 12756 < 23 * 579  # the type area: 297 − 37 − 35 = 225 mm


def footer_paragraph(footer):
    (p,) = footer.paragraphs
    return p


def field_runs(paragraph) -> list[tuple[str, str]]:
    """(kind, value) per run: ("t", text), ("fldChar", type) or ("instrText", instruction)."""
    runs = []
    for r in paragraph._p.findall(qn("w:r")):
        (child,) = [c for c in r if c.tag != qn("w:rPr")]
        tag = etree.QName(child).localname
        value = child.get(qn("w:fldCharType")) if tag == "fldChar" else child.text
        runs.append((tag, value))
    return runs


PAGE_NUMBER_RUNS = [
    ("t", "— "),
    ("fldChar", "begin"),
    ("instrText", " PAGE "),
    ("fldChar", "separate"),
    ("t", "1"),  # shown by viewers that do not update fields
    ("fldChar", "end"),
    ("t", " —"),
]


def test_page_numbers_odd_right_even_left_with_one_char_space(report):
    """GB/T 9704-2012 7.5: "— 1 —", 单页码居右空一字，双页码居左空一字."""
    section = report.sections[0]
    assert report.settings.odd_and_even_pages_header_footer is True  # w:evenAndOddHeaders
    odd, even = footer_paragraph(section.footer), footer_paragraph(section.even_page_footer)
    assert [field_runs(odd), field_runs(even)] == [PAGE_NUMBER_RUNS, PAGE_NUMBER_RUNS]
    assert (odd.alignment, odd.paragraph_format.right_indent) == (WD_ALIGN_PARAGRAPH.RIGHT, Twips(280))
    assert (even.alignment, even.paragraph_format.left_indent) == (WD_ALIGN_PARAGRAPH.LEFT, Twips(280))
    assert {odd.style.name, even.style.name} == {"Footer"}
    assert report.styles["Footer"].font.size == Pt(14)
    fonts = {
        (rFonts.get(qn("w:ascii")), rFonts.get(qn("w:eastAsia")))
        for p in (odd, even)
        for rFonts in p._p.iter(qn("w:rFonts"))
    }
    assert fonts == {("宋体", "宋体")}  # 半角宋体阿拉伯数字: the digits in 宋体 too


def test_centered_page_numbers_variant():
    word = open_docx(Document(title="报告", blocks=(), layout=PageLayout(page_numbers="centered")))
    section = word.sections[0]
    assert word.settings.odd_and_even_pages_header_footer is False
    assert [ref.get(qn("w:type")) for ref in section._sectPr.findall(qn("w:footerReference"))] == ["default"]
    p = footer_paragraph(section.footer)
    assert (field_runs(p), p.alignment) == (PAGE_NUMBER_RUNS, WD_ALIGN_PARAGRAPH.CENTER)
    assert (p.paragraph_format.left_indent, p.paragraph_format.right_indent) == (None, None)


def test_configured_font_names_reach_styles_runs_footers_and_font_table():
    fonts = FontNames(
        title="方正小标宋_GBK",
        heading1="方正黑体_GBK",
        heading2="楷体",
        body="仿宋",
        page_number="SimSun",
        latin="Arial",
    )
    word = open_docx(
        Document(
            title="报告", blocks=(Heading(1, "主要举措", "一、"), Paragraph("正文。")), layout=PageLayout(fonts=fonts)
        )
    )
    east_asia = {
        name: word.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Title", "Heading 1", "Heading 2", "Normal", "Footer")
    }
    assert east_asia == {
        "Title": "方正小标宋_GBK",
        "Heading 1": "方正黑体_GBK",
        "Heading 2": "楷体",
        "Normal": "仿宋",
        "Footer": "SimSun",
    }
    runs = {
        (p.style.name, effective_font(p, run, "w:eastAsia"), effective_font(p, run, "w:ascii"))
        for p in word.paragraphs
        for run in p.runs
    }
    assert runs == {
        ("Title", "方正小标宋_GBK", "Arial"),
        ("Heading 1", "方正黑体_GBK", "Arial"),
        ("Normal", "仿宋", "Arial"),
    }
    footer_fonts = {r.get(qn("w:eastAsia")) for r in word.sections[0].footer.part.element.iter(qn("w:rFonts"))}
    assert footer_fonts == {"SimSun"}
    assert font_table(word)["仿宋"] == ("FangSong", "86", "roman")
    assert font_table(word)["方正黑体_GBK"] == ("黑体", "86", "swiss")


def font_table(word: WordDocument) -> dict[str, tuple[str, str, str]]:
    """name → (w:altName, w:charset, w:family) of every font the font table declares with an alternative."""
    part = word.part.part_related_by(RT.FONT_TABLE)
    fonts = etree.fromstring(part.blob)
    return {
        font.get(qn("w:name")): tuple(
            font.find(qn(tag)).get(qn("w:val")) for tag in ("w:altName", "w:charset", "w:family")
        )
        for font in fonts.findall(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }


def test_default_fonts_are_declared_with_fallbacks_of_the_same_kind(report):
    """A machine lacking a font shows its w:altName; w:family names the kind of face (serif, sans, brush)."""
    assert font_table(report) == {
        "方正小标宋简体": ("宋体", "86", "roman"),
        "黑体": ("SimHei", "86", "swiss"),
        "楷体_GB2312": ("楷体", "86", "script"),
        "仿宋_GB2312": ("仿宋", "86", "roman"),
        "宋体": ("SimSun", "86", "roman"),
    }


@pytest.mark.parametrize(("bold_level3", "bold"), [(False, False), (True, True)])
def test_bold_level3_setting(bold_level3, bold):
    word = open_docx(Document(title="报告", blocks=(), layout=PageLayout(bold_level3=bold_level3)))
    assert word.styles["Heading 3"].font.bold is bold
    assert word.styles["Heading 4"].font.bold is False


def test_table_has_full_borders(report):
    borders = report.styles["Table Grid"].element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {etree.QName(b).localname: b.get(qn("w:val")) for b in borders} == {
        side: "single" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    }


def test_signature_after_a_blank_line_date_offset_two_chars(report):
    """GB/T 9704-2012 7.3.5.2: bodies 右空二字, right-aligned; the date starts two characters right of the
    longest body's first character (set by its left indent, so its own width does not matter) and may reach
    two characters into the right space, so a slightly wider stand-in for Times New Roman never breaks it."""
    blank, *bodies, date = report.paragraphs[-4:]
    assert (blank.text, [p.text for p in bodies], date.text) == (
        "",
        ["中共土城子乡委员会", "土城子乡人民政府"],
        "2025年3月12日",
    )
    assert blank.style.name == "Signature"  # keeps with the signature (keepNext)
    assert report.styles["Signature"].paragraph_format.keep_with_next is True
    assert {(effective(p, "alignment"), effective(p, "right_indent")) for p in bodies} == {
        (WD_ALIGN_PARAGRAPH.RIGHT, Twips(640))
    }
    signature_width = 9 * 320 - 8 * 5  # 中共土城子乡委员会, condensed 0.25 pt between characters
    first_char = 8844 - 640 - signature_width  # from the left margin
    assert (date.alignment, date.paragraph_format.left_indent, date.paragraph_format.right_indent) == (
        WD_ALIGN_PARAGRAPH.LEFT,
        Twips(first_char + 640),
        Twips(-640),
    )


def test_date_longer_than_signature_keeps_two_chars_and_moves_the_signature():
    """如成文日期长于发文机关署名，应当使成文日期右空二字编排，并相应增加发文机关署名右空字数."""
    word = open_docx(Document(title="", blocks=(Signature(("托克逊县司法局",), dt.date(2025, 12, 31)),)))
    *_, body, date = word.paragraphs
    date_width, body_width = text_width("2025年12月31日", -5), text_width("托克逊县司法局", -5)
    assert date_width > body_width
    assert body.paragraph_format.right_indent == Twips(640 + date_width - body_width + 640)
    # Ends 2 字 from the right as Word sets it, placed by its first character: two right of the body's.
    assert (date.alignment, date.paragraph_format.left_indent, date.paragraph_format.right_indent) == (
        WD_ALIGN_PARAGRAPH.LEFT,
        Twips(8844 - 640 - date_width),
        Twips(-640),
    )


def test_table_header_row_repeats_on_each_page(report):
    (table,) = report.tables
    assert [docx_oxml.has_tblHeader(row._tr) for row in table.rows] == [True, False, False]
    assert [cell.paragraphs[0].style.name for cell in table.rows[0].cells] == ["Table Heading"] * 3
    assert [cell.paragraphs[0].style.name for cell in table.rows[2].cells] == ["Table Contents"] * 3


def test_xml_forbidden_characters_are_removed_not_fatal():
    document = Document(
        title="年度\x0c报告",
        blocks=(Paragraph("执法\x0b人员\x00能力\ud800提升\ufffe。", lead="\x1f"), Heading(1, "不足\x07", "二、")),
        metadata=Metadata(publisher="土城子乡\x01人民政府"),
    )
    word = open_docx(document)
    assert dump(word) == [("Title", "年度报告"), ("Normal", "执法人员能力提升。"), ("Heading 1", "二、不足")]
    assert (word.core_properties.title, word.core_properties.author) == ("年度报告", "土城子乡人民政府")


def test_core_properties(report):
    properties = report.core_properties
    assert properties.title == "土城子乡人民政府关于2024年法治政府建设情况的报告"
    assert properties.subject == "法治政府建设年度报告"
    assert properties.author == properties.last_modified_by == "土城子乡人民政府"
    assert properties.language == "zh-CN"
    assert properties.keywords == "法治政府；年度报告"


def test_empty_document_has_no_paragraphs():
    word = open_docx(Document(title="", blocks=(Signature(()),)))
    assert (dump(word), word.core_properties.author) == ([], "")


def test_reference_is_package_data_and_matches_its_script(monkeypatch):
    shipped = files("reportgen.writers").joinpath("reference.docx")
    assert shipped.is_file()
    spec = importlib.util.spec_from_file_location("make_reference_docx", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)  # dataclasses look their module up there
    spec.loader.exec_module(script)
    fresh, committed = script.build_reference(), docx.Document(io.BytesIO(shipped.read_bytes()))
    parts = (
        lambda d: d.styles.element,
        lambda d: d.sections[0]._sectPr,
        lambda d: d.settings.element,
        lambda d: d.sections[0].footer.part.element,
        lambda d: d.sections[0].even_page_footer.part.element,
        lambda d: etree.fromstring(d.part.part_related_by(RT.FONT_TABLE).blob),
    )
    for part in parts:
        assert etree.tostring(part(fresh), method="c14n") == etree.tostring(part(committed), method="c14n")


def test_a_placeholder_is_highlighted_yellow_and_the_signature_gaps_too():
    word = open_docx(
        Document(
            title="标题",
            blocks=(
                Paragraph("【待填写：存在的不足和原因】", placeholder=True),
                Signature((), None, missing_bodies="【待填写：署名机关】", missing_date="【待填写：成文日期】"),
            ),
        )
    )
    marked = [
        (run.text, run.font.highlight_color)
        for p in word.paragraphs
        for run in p.runs
        if run.font.highlight_color is not None
    ]
    assert [text for text, _ in marked] == [
        "【待填写：存在的不足和原因】",
        "【待填写：署名机关】",
        "【待填写：成文日期】",
    ]
    assert {str(colour) for _, colour in marked} == {"YELLOW (7)"}


def test_the_addressee_is_flush_left_under_the_title():
    word = open_docx(
        Document(title="标题", blocks=(Paragraph("正文。"),), addressee="中共吐鲁番市委、吐鲁番市人民政府：")
    )
    _title, addressee, body = word.paragraphs[:3]
    assert (addressee.style.name, addressee.text) == ("Salutation", "中共吐鲁番市委、吐鲁番市人民政府：")
    assert effective(addressee, "first_line_indent") in (None, 0)
    assert effective(addressee, "alignment") == WD_ALIGN_PARAGRAPH.LEFT
    assert body.text == "正文。"


def test_lead_phrases_are_bold_for_all_items_of_a_list_or_for_none():
    titled = Enumeration((EnumerationItem("甲", "正文。", "一是"), EnumerationItem("乙", "正文。", "二是")))
    mixed = Enumeration((EnumerationItem("丙", "正文。", "一是"), EnumerationItem("", "只有正文。", "二是")))
    word = open_docx(Document(title="标题", blocks=(titled, mixed)))
    bold = [[run.text for run in p.runs if run.bold] for p in word.paragraphs[1:]]
    assert bold == [["一是甲。"], ["二是乙。"], [], []]


def test_a_heading_is_styled_by_its_number_not_its_depth():
    # layout.numbering [一、, 1., 一是]: an area heading at depth 2 numbered "1." is set like GB/T 9704's 1. (仿宋).
    word = open_docx(
        Document(title="标题", blocks=(Heading(1, "举措", "一、", rank=1), Heading(2, "学法", "1.", rank=3)))
    )
    assert [(p.style.name, p.text) for p in word.paragraphs[1:]] == [("Heading 1", "一、举措"), ("Heading 3", "1.学法")]


def test_the_paragraph_before_the_signature_is_kept_with_it():
    # GB/T 9704-2012 7.3.5.5: the 落款 is never alone on a page; Word and LibreOffice move the last lines along.
    word = open_docx(
        Document(title="标题", blocks=(Paragraph("正文。"), Signature(("某县人民政府",), dt.date(2025, 3, 1))))
    )
    body = word.paragraphs[1]
    assert body.text == "正文。" and body.paragraph_format.keep_with_next is True
    assert word.paragraphs[0].paragraph_format.keep_with_next is None  # the title keeps only its own style
