"""write_docx: what a clerk sees on opening the .docx — styles and labels in order, Chinese fonts,
outline levels, table header rows, signature, file properties — read back with python-docx."""

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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.table import Table as WordTable
from lxml import etree

from reportgen import docx_oxml
from reportgen.document.model import (
    Document,
    Enumeration,
    EnumerationItem,
    Heading,
    Metadata,
    Paragraph,
    Signature,
    Table,
)
from reportgen.write_docx import write_docx

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

REPORT = Document(
    title="土城子乡人民政府关于2024年法治政府建设情况的报告",
    title_lines=("土城子乡人民政府关于2024年", "法治政府建设情况的报告"),
    metadata=Metadata(publisher="土城子乡人民政府", keywords=("法治政府", "年度报告")),
    blocks=(
        Paragraph("现将有关情况报告如下：", stock=True),
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
    style = paragraph.style
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
        ("Normal", "主要做法：一是完善制度。制定执法公示办法；二是开展培训3场次。"),
        ("Normal", "一是强化监督。开展案卷评查2次"),
        ("Normal", "二是培训45人次。"),
        ("Caption", "表1  行政复议情况"),
        ("table", "项目|2023年|2024年 / 收案（件）|12|9 / 纠错（件）|2|"),
        ("Heading 1", "二、存在的不足和原因"),
        ("Normal", "执法人员专业能力仍需提升。"),
        ("Normal", ""),
        ("Signature", "中共土城子乡委员会"),
        ("Signature", "土城子乡人民政府"),
        ("Signature", "2025年3月12日"),
    ]


def test_title_without_lines_is_one_line():
    word = open_docx(Document(title="2024年法治政府建设年度报告", blocks=()))
    assert dump(word) == [("Title", "2024年法治政府建设年度报告")]


def test_lead_is_its_own_run_and_not_bold(report):
    paragraph = next(p for p in report.paragraphs if p.text.startswith("深入推进"))
    assert [run.text for run in paragraph.runs] == ["深入推进“放管服”改革。", "全年梳理权责清单事项236项。"]
    assert [run.bold for run in paragraph.runs] == [None, None]


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


def test_every_run_names_the_east_asian_font_of_its_style(report):
    runs = [(p.style.name, run) for p in all_paragraphs(report) for run in p.runs]
    fonts = {(style, run._element.rPr.rFonts.get(qn("w:eastAsia"))) for style, run in runs}
    assert fonts == {(style, STYLE_FONTS[style]) for style, _ in runs}
    assert {style for style, _ in runs} == set(STYLE_FONTS)  # the sample uses every style
    assert {run._element.rPr.rFonts.get(qn("w:hint")) for _, run in runs} == {"eastAsia"}


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
    assert normal.paragraph_format.line_spacing == Pt(28)
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert (title.font.size, title.font.bold) == (Pt(22), False)
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.paragraph_format.first_line_indent == Twips(0)


def test_no_theme_fonts_left_and_chinese_language(report):
    styles = report.styles.element
    themed = styles.xpath(".//w:rFonts[@w:asciiTheme or @w:eastAsiaTheme or @w:hAnsiTheme or @w:cstheme]")
    assert themed == []
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_page_is_a4_with_gbt_9704_margins(report):
    section = report.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert margins == (Twips(2098), Twips(1984), Twips(1588), Twips(1474))


def test_signature_is_right_aligned_after_a_blank_line(report):
    blank, *signature = report.paragraphs[-4:]
    assert (blank.text, [p.text for p in signature]) == (
        "",
        ["中共土城子乡委员会", "土城子乡人民政府", "2025年3月12日"],
    )
    assert {effective(p, "alignment") for p in signature} == {WD_ALIGN_PARAGRAPH.RIGHT}
    assert {effective(p, "right_indent") for p in signature} == {Twips(640)}
    assert effective(blank, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY


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
    shipped = files("reportgen").joinpath("reference.docx")
    assert shipped.is_file()
    spec = importlib.util.spec_from_file_location("make_reference_docx", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)  # dataclasses look their module up there
    spec.loader.exec_module(script)
    fresh, committed = script.build_reference(), docx.Document(io.BytesIO(shipped.read_bytes()))
    for part in (lambda d: d.styles.element, lambda d: d.sections[0]._sectPr, lambda d: d.settings.element):
        assert etree.tostring(part(fresh), method="c14n") == etree.tostring(part(committed), method="c14n")
