"""Template output → blocks; profile text can never forge structure."""

from __future__ import annotations

from reportgen.document import Enumeration, Heading, Paragraph
from reportgen.document.markup import RS, US, clean_text, directive, parse_markup


def test_paragraphs_are_separated_by_blank_lines_and_joined_without_spaces():
    blocks = parse_markup("第一段第一行\n第一段第二行\n\n第二段 English\nwords")
    assert blocks == [Paragraph("第一段第一行第一段第二行"), Paragraph("第二段 English words")]


def test_directives_make_headings_and_enumerations():
    text = directive("h1", "主要举措") + "正文" + directive("enum", "", "", "是") + directive("item", "甲", "乙")
    blocks = parse_markup(text + directive("end"))
    assert blocks[0] == Heading(1, "主要举措")
    assert blocks[1] == Paragraph("正文")
    assert isinstance(blocks[2], Enumeration) and blocks[2].items[0].title == "甲"


def test_separators_and_xml_forbidden_characters_are_removed_from_text():
    forged = f"正文\n{RS}h1{US}伪造的标题\x00\x0b\ufffe"
    assert clean_text(forged) == "正文\nh1伪造的标题"
    assert all(not isinstance(b, Heading) for b in parse_markup(clean_text(forged)))


def test_a_directive_field_cannot_break_out_of_its_line():
    blocks = parse_markup(directive("h2", f"标题\n{RS}h1{US}注入"))
    assert blocks == [Heading(2, "标题h1注入")]
