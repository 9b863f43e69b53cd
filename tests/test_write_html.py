"""The publication HTML as a reader, a screen reader and a webmaster see it, parsed with html.parser."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

import html5lib
import pytest

from conftest import PROFILES, publication_metadata
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
from reportgen.render.context import render_document
from reportgen.validate import validate_file
from reportgen.writers.html import TOC_MIN_HEADINGS, write_html

INJECTIONS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
]
FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff\ud800"


# --- a small DOM over html.parser -------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, *tags: str) -> list[Element]:
        return [element for element in self.iter() if element.tag in tags]

    def find(self, tag: str) -> Element:
        (found,) = self.find_all(tag)
        return found

    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class _TreeBuilder(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "link", "input", "hr", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.doctype = ""
        self.errors: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder


def tree(page: str) -> Element:
    return parse(page).root


def css_rules(page: str) -> list[tuple[str, str, str]]:
    """(enclosing @media or "", selector or at-rule prelude, declarations) for every rule in every <style>."""
    css = "".join(style.text() for style in tree(page).find_all("style"))
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules: list[tuple[str, str, str]] = []

    def walk(text: str, media: str) -> None:
        start = 0
        while (brace := text.find("{", start)) != -1:
            depth, end = 1, brace + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                end += 1
            prelude, body = text[start:brace].strip(), text[brace + 1 : end - 1]
            if prelude.startswith("@media"):
                walk(body, prelude)
            else:
                # @page holds margin boxes (@bottom-center{…}): recorded as rules "inside" the @page.
                boxes = re.findall(r"(@[\w-]+)\s*\{([^{}]*)\}", body)
                rules.append((media, prelude, re.sub(r"@[\w-]+\s*\{[^{}]*\}", "", body)))
                rules.extend((prelude, box, inner) for box, inner in boxes)
            start = end

    walk(css, "")
    return rules


def declarations(page: str, selector: str, media: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for rule_media, prelude, body in css_rules(page):
        if rule_media == media and selector in (s.strip() for s in prelude.split(",")):
            for declaration in body.split(";"):
                name, _, value = declaration.partition(":")
                if name.strip():
                    found[name.strip()] = value.strip()
    return found


# --- documents ---------------------------------------------------------------------------------


def report(**changes: object) -> Document:
    """A small numbered report with every kind of block."""
    blocks = (
        Paragraph("2024年，我乡坚持以习近平法治思想为指导。现将有关情况报告如下："),
        Heading(1, "主要举措和成效", number="一、", anchor="s1"),
        Heading(2, "健全政府机构职能体系", number="（一）", anchor="s1-1"),
        Paragraph("全年办理行政许可事项120件。", lead="深化“放管服”改革。"),
        Heading(3, "规范性文件管理", number="1.", anchor="s1-1-1"),
        Heading(4, "清理情况", number="（1）", anchor="s1-1-1-1"),
        Enumeration(
            (
                EnumerationItem("强化组织领导", "成立领导小组", number="一是"),
                EnumerationItem("加强学法", "开展常务会学法4次", number="二是"),
            ),
            intro="主要做法：",
            inline=True,
        ),
        Table("行政复议案件情况", ("项目", "件数"), (("受理", "12"), ("办结", "11"))),
        Heading(1, "存在的不足和原因", number="二、", anchor="s2"),
        Enumeration(
            (
                EnumerationItem("法治意识有待提高", "部分干部学法不够深入。", number="一是"),
                EnumerationItem("", "执法力量薄弱。", number="二是"),
            ),
            intro="主要有两方面：",
        ),
        Signature(("中共土城子乡委员会", "土城子乡人民政府"), dt.date(2025, 3, 12)),
    )
    metadata = publication_metadata("土城子乡", "土", keywords=("法治政府", "年度报告"))
    document = Document("土城子乡2024年法治政府建设年度报告", blocks, metadata)
    return replace(document, **changes)


def meta_content(root: Element, name: str) -> str | None:
    values = [m.attrs.get("content") for m in root.find_all("meta") if m.attrs.get("name") == name]
    assert len(values) <= 1
    return values[0] if values else None


# --- the page shell ----------------------------------------------------------------------------


def test_page_is_a_chinese_utf8_document_that_parses_cleanly() -> None:
    page = write_html(report())
    parsed = parse(page)

    assert page.startswith("<!DOCTYPE html>")
    assert parsed.errors == []
    assert parsed.stack == [parsed.root]  # every element closed
    assert parsed.root.find("html").attrs["lang"] == "zh-CN"
    metas = parsed.root.find_all("meta")
    assert metas[0].attrs == {"charset": "utf-8"}
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in [m.attrs for m in metas]
    (article,) = parsed.root.find_all("article")
    assert article.classes() == ["reportgen"]
    assert article in parsed.root.find("main").children
    assert parsed.root.find("main") in parsed.root.find("body").children


def strict_parse_errors(markup: str, *, fragment: bool = False) -> list[str]:
    """Errors of html5lib's strict parser, which raises on the first one (an HTML5 validator's parse step)."""
    parser = html5lib.HTMLParser(strict=True)
    try:
        parser.parseFragment(markup) if fragment else parser.parse(markup)
    except html5lib.html5parser.ParseError as error:
        return [str(error)]
    return []


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_page_and_fragment_parse_without_error_in_html5libs_strict_mode(fragment: bool) -> None:
    evil = "".join(INJECTIONS)
    blocks = (Heading(1, evil, number="一、", anchor=evil), Table(evil, (evil,), ((evil,),)), Paragraph(evil))
    injected = Document(evil, blocks, Metadata(publisher=evil, keywords=(evil,)), title_lines=(evil, evil))

    assert strict_parse_errors(write_html(report(), fragment=fragment, toc=True), fragment=fragment) == []
    assert strict_parse_errors(write_html(injected, fragment=fragment, toc=True), fragment=fragment) == []
    assert strict_parse_errors("<p><div></p>", fragment=fragment)  # the parser does report errors


def test_the_page_forbids_loading_and_running_anything_by_content_security_policy() -> None:
    head = tree(write_html(report())).find("head")

    elements = [child for child in head.children if not isinstance(child, str)]
    policy = [e for e in elements if e.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert [e.attrs["content"] for e in policy] == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert elements.index(policy[0]) < elements.index(head.find("style"))  # in force before the styles
    assert "Content-Security-Policy" not in write_html(report(), fragment=True)  # the CMS page sets its own


def test_head_carries_title_publisher_date_description_and_keywords_for_site_search() -> None:
    root = tree(write_html(report(title="关于2024年法治政府建设情况的报告")))

    assert root.find("title").text() == "关于2024年法治政府建设情况的报告"
    assert meta_content(root, "ArticleTitle") == "关于2024年法治政府建设情况的报告"
    assert meta_content(root, "PubDate") == "2025-03-20"
    assert meta_content(root, "ContentSource") == "土城子乡人民政府"
    assert meta_content(root, "author") == "土城子乡人民政府"
    assert meta_content(root, "description") == "土城子乡2024年法治政府建设年度报告"
    assert meta_content(root, "keywords") == "法治政府,年度报告"


def test_head_leaves_out_meta_tags_without_a_value() -> None:
    root = tree(write_html(report(metadata=Metadata(publisher="土城子乡人民政府", signed_on=dt.date(2025, 3, 12)))))

    assert meta_content(root, "description") is None
    assert meta_content(root, "keywords") is None
    assert meta_content(root, "PubDate") is None  # the 成文日期 is not a publication date
    assert meta_content(root, "author") == meta_content(root, "ContentSource") == "土城子乡人民政府"


def test_exactly_one_h1_with_the_title_lines_broken_by_br_and_their_phrases_by_wbr() -> None:
    lines = ("中共土城子乡委员会 土城子乡人民政府", "关于2024年法治政府建设情况的报告")
    root = tree(write_html(report(title_lines=lines)))

    (h1,) = root.find_all("h1")
    assert [child if isinstance(child, str) else child.tag for child in h1.children] == [
        *("中共土城子乡委员会", "wbr", " 土城子乡人民政府", "wbr", "br"),
        *("关于", "wbr", "2024年", "wbr", "法治政府建设", "wbr", "情况的报告"),
    ]
    assert root.find("title").text() == "土城子乡2024年法治政府建设年度报告"


def test_a_letter_spaced_last_line_keeps_its_spaces_and_never_breaks_at_them() -> None:
    page = write_html(report(title_lines=("土城子乡2024年法治政府建设年度", "报  告")))

    (h1,) = tree(page).find_all("h1")
    assert h1.children[-1].tag == "span"
    assert (h1.children[-1].classes(), h1.children[-1].text()) == (["spaced"], "报  告")
    assert declarations(page, ".reportgen h1 .spaced") == {"white-space": "pre"}


def test_the_title_breaks_only_at_its_wbr_and_the_clerks_lines_only_where_a_printed_line_fits() -> None:
    page = write_html(report())

    assert [c if isinstance(c, str) else c.tag for c in tree(page).find("h1").children] == [
        *("土城子乡", "wbr", "2024年", "wbr", "法治政府建设", "wbr", "年度报告"),
    ]
    h1 = declarations(page, ".reportgen h1")
    assert (h1["word-break"], h1["overflow-wrap"]) == ("keep-all", "anywhere")  # anywhere: a phrase wider than a line
    # 20 字 of 1.75rem plus 2rem padding is 37em: narrower screens drop the clerk's <br> (the <wbr> before it stays)
    assert declarations(page, ".reportgen h1 br", media="@media screen and (max-width:37em)") == {"display": "none"}


# --- body --------------------------------------------------------------------------------------


def test_heading_levels_become_h2_to_h5_with_anchor_ids_and_labels_in_order() -> None:
    root = tree(write_html(report()))

    headings = [(h.tag, h.attrs.get("id"), h.text()) for h in root.find_all("h2", "h3", "h4", "h5")]
    assert headings == [
        ("h2", "s1", "一、主要举措和成效"),
        ("h3", "s1-1", "（一）健全政府机构职能体系"),
        ("h4", "s1-1-1", "1.规范性文件管理"),
        ("h5", "s1-1-1-1", "（1）清理情况"),
        ("h2", "s2", "二、存在的不足和原因"),
    ]


def test_headings_without_anchor_get_unique_ids_from_their_position() -> None:
    blocks = (
        Heading(1, "甲", number="一、"),
        Heading(2, "乙", number="（一）"),
        Heading(2, "丙", number="（二）"),
        Heading(3, "丁", number="1."),
        Heading(1, "戊", number="二、", anchor="s1"),  # a given anchor wins over a generated one
        Heading(1, "己", number="三、", anchor="s1"),  # a repeated anchor is not repeated as an id
    )
    root = tree(write_html(report(blocks=blocks)))

    ids = [h.attrs["id"] for h in root.find_all("h2", "h3", "h4")]
    assert ids == ["s1_2", "s1-1", "s1-2", "s1-2-1", "s1", "s3"]


def test_paragraph_keeps_its_lead_as_a_run_in_span() -> None:
    root = tree(write_html(report()))

    (paragraph,) = [p for p in root.find_all("p") if p.text().startswith("深化")]
    assert paragraph.text() == "深化“放管服”改革。全年办理行政许可事项120件。"
    assert paragraph.find("span").classes() == ["lead"]
    assert paragraph.find("span").text() == "深化“放管服”改革。"


def test_inline_enumeration_is_one_paragraph_and_others_one_paragraph_per_item() -> None:
    texts = [p.text() for p in tree(write_html(report())).find_all("p")]

    assert "主要做法：一是强化组织领导。成立领导小组。二是加强学法。开展常务会学法4次。" in texts
    start = texts.index("主要有两方面：")
    assert texts[start + 1 : start + 3] == ["一是法治意识有待提高。部分干部学法不够深入。", "二是执法力量薄弱。"]


def test_inline_enumeration_closes_items_with_semicolons_and_the_last_with_a_full_stop() -> None:
    items = (
        EnumerationItem("", "推动学习，组织学习5次。", number="一是"),
        EnumerationItem("", "召开会议2次；", number="二是"),
        EnumerationItem("", "开展督察。", number="三是"),
    )
    blocks = (Enumeration(items, intro="主要做法：", inline=True),)
    texts = [p.text() for p in tree(write_html(report(blocks=blocks))).find_all("p")]

    assert texts == ["主要做法：一是推动学习，组织学习5次；二是召开会议2次；三是开展督察。"]


def test_inline_items_holding_sentences_each_close_with_a_full_stop_never_a_semicolon() -> None:
    items = (
        EnumerationItem("推动学习", "印发方案。组织学习5次。", number="（1）"),
        EnumerationItem("坚持问题导向：", "召开会议2次；", number="（2）"),
        EnumerationItem("开展督察", "", number="（3）"),
    )
    blocks = (Enumeration(items, inline=True, kind="sub"),)
    [paragraph] = tree(write_html(report(blocks=blocks))).find_all("p")

    assert paragraph.text() == "（1）推动学习。印发方案。组织学习5次。（2）坚持问题导向：召开会议2次。（3）开展督察。"
    assert [span.text() for span in paragraph.find_all("span")] == [
        "（1）推动学习。",
        "（2）坚持问题导向：",
        "（3）开展督察。",
    ]


def test_lead_phrases_are_bold_for_every_item_of_a_list_or_for_none() -> None:
    titled = (EnumerationItem("甲", "正文。", number="一是"), EnumerationItem("乙", "正文。", number="二是"))
    mixed = (EnumerationItem("丙", "正文。", number="一是"), EnumerationItem("", "只有正文。", number="二是"))
    blocks = (Enumeration(titled), Paragraph("间隔。"), Enumeration(mixed))
    paragraphs = tree(write_html(report(blocks=blocks))).find_all("p")

    leads = [[span.text() for span in p.find_all("span")] for p in paragraphs]
    assert leads == [["一是甲。"], ["二是乙。"], [], [], []]


def test_a_placeholder_is_marked_and_the_addressee_stands_flush_left_under_the_title() -> None:
    blocks = (Paragraph("【待填写：存在的不足和原因】", placeholder=True),)
    root = tree(write_html(report(blocks=blocks, addressee="中共土城子乡委员会：")))

    assert [m.text() for m in root.find_all("mark")] == ["【待填写：存在的不足和原因】"]
    children = [child for child in root.find("article").children if isinstance(child, Element)]
    after_title = children[[child.tag for child in children].index("h1") + 1]
    assert after_title.tag == "p" and after_title.classes() == ["addressee"]
    assert after_title.text() == "中共土城子乡委员会："


def test_table_has_caption_column_headers_and_a_scrolling_wrapper() -> None:
    root = tree(write_html(report()))

    table = root.find("table")
    assert table.find("caption").text() == "行政复议案件情况"
    assert [(th.attrs.get("scope"), th.text()) for th in table.find_all("th")] == [("col", "项目"), ("col", "件数")]
    assert [[td.text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")] == [
        ["受理", "12"],
        ["办结", "11"],
    ]
    (wrapper,) = [div for div in root.find_all("div") if table in div.iter()]
    assert wrapper.classes() == ["table-wrap"]
    assert declarations(write_html(report()), ".reportgen .table-wrap")["overflow-x"] == "auto"


def test_signature_is_the_last_block_bodies_in_order_then_the_date() -> None:
    page = write_html(report())
    article = tree(page).find("article")

    blocks = [child for child in article.children if not isinstance(child, str)]
    assert blocks[-1].tag == "div"
    assert blocks[-1].classes() == ["signature"]
    assert [p.text() for p in blocks[-1].find_all("p")] == ["中共土城子乡委员会", "土城子乡人民政府", "2025年3月12日"]
    assert declarations(page, ".reportgen .signature p")["text-align"] == "right"


def signature_styles(signature: Signature) -> tuple[str | None, str | None]:
    divs = tree(write_html(report(blocks=(signature,)))).find_all("div")
    (block,) = [div for div in divs if "signature" in div.classes()]
    dates = [p for p in block.find_all("p") if "date" in p.classes()]
    return block.attrs.get("style"), dates[0].attrs.get("style") if dates else None


def test_signature_keeps_2_characters_at_the_right_and_the_date_starts_2_right_of_the_signature() -> None:
    """GB/T 9704-2012 7.3.5.2; the browser tests measure it. The date may reach into the right space."""
    page = write_html(report())

    assert signature_styles(Signature(("中共土城子乡委员会", "土城子乡人民政府"), dt.date(2025, 3, 12))) == (
        "padding-right:2em",
        "margin-left:2em;margin-right:-2em",
    )
    assert declarations(page, ".reportgen .signature")["width"] == "fit-content"
    assert declarations(page, ".reportgen .signers")["width"] == "fit-content"  # its left edge: the first character
    assert declarations(page, ".reportgen .signature .date")["text-align"] == "left"


def test_a_date_longer_than_the_signature_keeps_its_own_2_characters_at_the_right() -> None:
    """如成文日期长于发文机关署名，应当使成文日期右空二字编排: decided as for Word (Word's spacing of digits)."""
    date_longer = Signature(("托克逊县司法局",), dt.date(2025, 12, 31))
    assert signature_styles(date_longer)[1] == "margin-left:2em;margin-right:0"
    assert signature_styles(Signature((), dt.date(2025, 12, 31)))[1] == "margin-left:2em;margin-right:0"
    assert signature_styles(Signature(("托克逊县人民政府",), None)) == ("padding-right:2em", None)


def test_a_missing_body_or_date_shows_its_highlighted_prompt_in_its_place() -> None:
    signature = Signature((), None, missing_bodies="【待填写：署名机关】", missing_date="【待填写：成文日期】")
    root = tree(write_html(report(blocks=(signature,))))

    (block,) = [div for div in root.find_all("div") if "signature" in div.classes()]
    marks = [(p.classes(), p.find("mark").classes(), p.text()) for p in block.find_all("p")]
    assert marks == [([], ["placeholder"], "【待填写：署名机关】"), (["date"], ["placeholder"], "【待填写：成文日期】")]


def test_no_signature_block_without_bodies_or_date() -> None:
    root = tree(write_html(report(blocks=(Signature((" ",), None),))))

    assert [div for div in root.find_all("div") if "signature" in div.classes()] == []


# --- table of contents ------------------------------------------------------------------------


def outline(level1: int, level2_each: int = 0) -> tuple[Heading, ...]:
    blocks: list[Heading] = []
    for i in range(1, level1 + 1):
        blocks.append(Heading(1, f"部分{i}", number=f"{i}、", anchor=f"s{i}"))
        blocks += [Heading(2, f"小节{i}.{j}", number=f"（{j}）", anchor=f"s{i}-{j}") for j in range(1, level2_each + 1)]
        blocks.append(Heading(3, "细目", number="1.", anchor=f"s{i}-x"))  # never in the table of contents
    return tuple(blocks)


def test_toc_is_on_by_default_only_above_the_heading_threshold() -> None:
    assert TOC_MIN_HEADINGS == 12
    at_threshold = tree(write_html(report(blocks=outline(4, 2))))  # 4 + 8 = 12 headings of levels 1 and 2
    above = tree(write_html(report(blocks=outline(13))))

    assert at_threshold.find_all("nav") == []
    assert above.find("nav").attrs == {"class": "toc", "aria-label": "目录"}


def test_toc_can_be_forced_on_or_off() -> None:
    assert tree(write_html(report(), toc=True)).find("nav")
    assert tree(write_html(report(blocks=outline(13)), toc=False)).find_all("nav") == []


def test_toc_links_every_level_1_and_2_heading_by_its_id_nested_in_order() -> None:
    page = write_html(report(blocks=outline(2, 2)), toc=True)
    root = tree(page)
    nav = root.find("nav")

    top = [li for li in nav.find_all("li") if li in nav.find_all("ol")[0].children]
    assert [li.children[0].text() for li in top] == ["1、部分1", "2、部分2"]
    assert [a.text() for a in top[0].find("ol").find_all("a")] == ["（1）小节1.1", "（2）小节1.2"]
    ids = {h.attrs["id"]: h.text() for h in root.find_all("h2", "h3")}
    assert [(a.attrs["href"], a.text()) for a in nav.find_all("a")] == [(f"#{i}", text) for i, text in ids.items()]
    assert nav.find("summary").text() == "目录"


def test_toc_is_folded_in_a_closed_details_on_every_screen() -> None:
    nav = tree(write_html(report(blocks=outline(2, 2)), toc=True)).find("nav")

    details = nav.find("details")
    assert "open" not in details.attrs  # the first screen shows the report; 目录 is one click or Enter away
    assert details.children[1] is details.find("summary")  # the first child, after the newline
    assert details.find_all("ol")[0] in details.children


def test_toc_sits_between_the_title_and_the_body_and_is_not_printed() -> None:
    page = write_html(report(), toc=True)
    article = tree(page).find("article")

    tags = [child.tag for child in article.children if not isinstance(child, str)]
    assert tags[:4] == ["dl", "h1", "nav", "p"]
    assert declarations(page, ".reportgen .toc", media="@media print") == {"display": "none"}


# --- the 政府信息公开 metadata block ---------------------------------------------------------------


def metadata_rows(page: str) -> list[tuple[str, str]]:
    (block,) = tree(page).find_all("dl")
    return [(row.find("dt").text(), row.find("dd").text()) for row in block.find_all("div")]


def test_metadata_block_lists_the_fields_in_page_order_with_iso_dates() -> None:
    assert metadata_rows(write_html(report())) == [
        ("索引号", "11620300013909010R/2025-48086"),
        ("主题分类", "综合政务\\政务公开"),
        ("发布机构", "土城子乡人民政府"),
        ("成文日期", "2025-03-12"),
        ("发文字号", "土政发〔2025〕3号"),
        ("发布日期", "2025-03-20"),
    ]


def test_metadata_block_leaves_out_empty_fields() -> None:
    metadata = Metadata(index_number="000014349/2025-00110", document_number="  ", published_on=dt.date(2025, 3, 2))
    page = write_html(report(metadata=metadata))

    assert metadata_rows(page) == [("索引号", "000014349/2025-00110"), ("发布日期", "2025-03-02")]


def test_no_metadata_block_at_all_when_nothing_is_known() -> None:
    root = tree(write_html(report(metadata=Metadata())))

    assert root.find_all("dl") == []
    assert root.find("article").find_all("h1")


def test_metadata_block_comes_before_the_title_and_is_hidden_in_print() -> None:
    page = write_html(report())
    article = tree(page).find("article")

    tags = [child.tag for child in article.children if not isinstance(child, str)]
    assert tags[:2] == ["dl", "h1"]
    assert declarations(page, ".reportgen .meta", media="@media print") == {"display": "none"}
    assert article.find("dl").classes() == ["meta"]


# --- safety: no requests, no script, everything escaped ---------------------------------------


def test_page_makes_no_request_and_runs_no_script() -> None:
    page = write_html(report())
    elements = list(tree(page).iter())

    assert "<script" not in page.lower()
    assert not [e.tag for e in elements if e.tag in {"script", "link", "img", "iframe", "object", "embed"}]
    assert not [(e.tag, name) for e in elements for name in e.attrs if name.lower().startswith("on")]
    assert "http://" not in page
    assert "https://" not in page
    for needle in ("url(", "@import", "@font-face"):
        assert needle not in page


@pytest.mark.parametrize("evil", INJECTIONS)
def test_injected_markup_renders_as_literal_text_everywhere(evil: str) -> None:
    blocks = (
        Heading(1, evil, number="一、", anchor=evil),
        Paragraph(evil, lead=evil),
        Enumeration((EnumerationItem(evil, evil, number="一是"),), intro=evil, inline=True),
        Table(evil, (evil,), ((evil,),)),
        Signature((evil,), dt.date(2025, 3, 12)),
    )
    metadata = Metadata(index_number=evil, publisher=evil, keywords=(evil,), description=evil)
    page = write_html(Document(evil, blocks, metadata, title_lines=(evil, evil)), toc=True)
    root = tree(page)

    assert not [e.tag for e in root.iter() if e.tag in {"script", "img"}]
    assert not [name for e in root.iter() for name in e.attrs if name.startswith("on")]
    assert root.find("title").text() == evil
    names = ("description", "keywords", "author", "ArticleTitle", "ContentSource")
    assert [meta_content(root, name) for name in names] == [evil] * len(names)
    assert root.find("nav").find("a").text() == "一、" + evil
    assert root.find("nav").find("a").attrs["href"] == "#" + root.find("h2").attrs["id"]
    assert root.find("h1").text() == evil + evil
    assert root.find("h2").text() == "一、" + evil
    assert root.find("h2").attrs["id"] == re.sub(r"\s+", "-", evil)  # an id has no spaces
    texts = [p.text() for p in root.find("article").find_all("p")]
    assert texts[:2] == [evil + evil, f"{evil}一是{evil}。{evil}。"]
    assert root.find("caption").text() == evil
    assert root.find("th").text() == root.find("td").text() == evil
    assert ("索引号", evil) in metadata_rows(page)


def test_template_syntax_is_not_evaluated() -> None:
    root = tree(write_html(report(title="{{ 7*7 }}{% raw %}")))

    assert root.find("h1").text() == root.find("title").text() == "{{ 7*7 }}{% raw %}"
    assert "49" not in root.find("article").text()


def test_characters_html_forbids_are_removed_everywhere() -> None:
    blocks = (
        Heading(1, f"主要{FORBIDDEN}举措", number="一、", anchor=f"s{FORBIDDEN}1"),
        Paragraph(f"正文{FORBIDDEN}内容"),
        Signature((f"土城子乡{FORBIDDEN}人民政府",), dt.date(2025, 3, 12)),
    )
    metadata = Metadata(publisher=f"土城子乡{FORBIDDEN}人民政府", description=f"摘{FORBIDDEN}要")
    page = write_html(Document(f"年度{FORBIDDEN}报告", blocks, metadata))
    root = tree(page)

    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", page)
    page.encode("utf-8")  # strict: a lone surrogate would raise here
    assert root.find("title").text() == root.find("h1").text() == "年度报告"
    assert (root.find("h2").attrs["id"], root.find("h2").text()) == ("s1", "一、主要举措")
    assert "正文内容" in [p.text() for p in root.find_all("p")]
    assert meta_content(root, "author") == "土城子乡人民政府"


def test_a_surrogate_pair_split_in_two_is_joined_not_dropped() -> None:
    page = write_html(report(title="报告\ud83d\ude00"))

    assert tree(page).find("h1").text() == "报告\U0001f600"


# --- the fragment for a CMS --------------------------------------------------------------------


def test_fragment_is_only_a_style_and_the_article() -> None:
    fragment = write_html(report(), fragment=True)
    root = tree(fragment)

    assert "<!doctype" not in fragment.lower()
    assert [child.tag for child in root.children if not isinstance(child, str)] == ["style", "article"]
    assert not root.find_all("html", "head", "body", "title", "meta")
    assert root.find("article").text() == tree(write_html(report())).find("article").text()


def test_fragment_styles_touch_nothing_outside_the_article() -> None:
    rules = css_rules(write_html(report(), fragment=True))

    selectors = [s.strip() for _, prelude, _ in rules for s in prelude.split(",")]
    assert len(selectors) > 10
    assert [s for s in selectors if not re.match(r"\.reportgen(?![\w-])", s)] == []


def test_standalone_page_sets_a4_print_margins_of_gb_t_9704_and_its_page_number() -> None:
    page = write_html(report())

    assert declarations(page, "@page") == {"size": "A4", "margin": "37mm 26mm 35mm 28mm"}
    assert declarations(page, "@bottom-center", media="@page")["content"] == '"— " counter(page) " —"'
    assert "@page" not in write_html(report(), fragment=True)


def test_print_keeps_headings_with_what_follows_in_fangsong_16pt_and_prints_no_urls() -> None:
    page = write_html(report(), toc=True)

    assert declarations(page, ".reportgen", media="@media print")["font-size"] == "16pt"
    assert "仿宋" in declarations(page, ".reportgen", media="@media print")["font-family"]
    for heading in ("h1", "h2", "h3", "h4", "h5"):
        assert declarations(page, f".reportgen {heading}", media="@media print")["break-after"] == "avoid"
    assert declarations(page, ".reportgen a", media="@media print")["text-decoration"] == "none"
    assert "attr(" not in page  # no a[href]::after{content:attr(href)}


# --- reading comfort ---------------------------------------------------------------------------


def test_body_text_is_large_spaced_indented_and_in_a_readable_column() -> None:
    page = write_html(report())
    article = declarations(page, ".reportgen")

    assert float(article["font-size"].removesuffix("rem")) >= 1  # ≥ 16 px and scales with the reader's setting
    assert float(article["line-height"]) >= 1.8
    assert 36 <= float(article["max-width"].removesuffix("em")) <= 46
    assert article["margin"] == "0 auto"
    assert article["font-family"].startswith('"FangSong","仿宋","STFangsong"')
    assert declarations(page, ".reportgen p")["text-indent"] == "2em"
    assert declarations(page, ".reportgen .r1")["font-family"].startswith('"SimHei","黑体"')
    assert declarations(page, ".reportgen .r2")["font-family"].startswith('"KaiTi","楷体"')


def _luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_text_colour_has_contrast_of_at_least_4_5_on_every_background() -> None:
    rules = css_rules(write_html(report()))
    colours = {name: set() for name in ("color", "background")}
    for _, _, body in rules:
        for name, value in re.findall(r"(?:^|;)\s*(color|background)\s*:\s*(#[0-9a-fA-F]{3,6})", body):
            colours[name].add(value)

    assert colours["color"]
    assert colours["background"]
    for text in colours["color"]:
        for background in colours["background"] | {"#fff"}:
            lighter, darker = sorted((_luminance(text), _luminance(background)), reverse=True)
            assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (text, background)


def test_a_typical_report_page_stays_small() -> None:
    paragraph = "全年共办理行政许可事项7094件，组织现场踏勘575次，按期办结率100%，好评率100%。" * 5
    blocks = [Heading(1, f"第{n}部分", number=f"{n}.") for n in range(1, 4)]
    blocks += [Paragraph(paragraph) for _ in range(40)]  # about 8,000 characters, a long report
    page = write_html(report(blocks=tuple(blocks)))

    text_bytes = len(paragraph.encode()) * 40
    assert len(page.encode()) < 60_000
    assert len(page.encode()) - text_bytes < 8_000  # markup and stylesheet


@pytest.mark.parametrize("profile", sorted(PROFILES.glob("*.yaml")), ids=lambda path: path.stem)
def test_every_example_page_is_under_60_kb_and_parses_strictly(profile) -> None:
    result = validate_file(profile)
    assert result.report is not None
    page = write_html(render_document(result.report))

    assert len(page.encode()) < 60_000
    assert strict_parse_errors(page) == []


def test_titles_with_no_text_after_them_are_content_not_bold_leads() -> None:
    items = (EnumerationItem("基层力量薄弱", "", number="一是"), EnumerationItem("经费保障不足", "", number="二是"))
    blocks = (Enumeration(items, intro="存在一些薄弱环节：", inline=True),)
    [paragraph] = tree(write_html(report(blocks=blocks))).find_all("p")
    assert paragraph.text() == "存在一些薄弱环节：一是基层力量薄弱；二是经费保障不足。"
    assert paragraph.find_all("span") == []
