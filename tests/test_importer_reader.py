"""reportgen.reader: paragraphs as written, numbering recognised, web chrome set aside, the
title found — from text, an HTML page and a Word file."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_formats import as_html, write_docx
from reportgen.reader import read_report
from reportgen.reader.chrome import is_chrome, metadata_fields
from reportgen.reader.numbering import leading_numbering, run_in_items
from reportgen.reader.title import find_title, squeeze

TESTDATA = Path(__file__).parent / "testdata" / "importer"


@pytest.mark.parametrize(
    ("text", "number", "fmt", "ordinal"),
    [
        ("一、工作开展情况", "一、", "{cn}、", 1),
        ("(一)加强党的领导", "(一)", "（{cn}）", 1),
        ("（十）不断培育孵化法治人才队伍", "（十）", "（{cn}）", 10),
        ("1.深入推进“放管服”改革", "1.", "{n}.", 1),
        ("2．持续优化营商环境", "2．", "{n}.", 2),
        ("（3）法制审核", "（3）", "（{n}）", 3),
        ("三是加强规范性文件三统一管理", "三是", "{cn}是", 3),
        ("第二部分　存在的不足", "第二部分　", "第{cn}部分", 2),
        ("、存在的问题及建议", "、", "{cn}、", None),  # seed 004: the numeral lost
        ("是严格执行重大行政决策程序。二是强化管理", "是", "{cn}是", None),  # seed 002
    ],
)
def test_numbering_as_written(text: str, number: str, fmt: str, ordinal: int | None) -> None:
    found = leading_numbering(text)
    assert found is not None
    assert (found.number, found.format, found.ordinal) == (number, fmt, ordinal)


@pytest.mark.parametrize("text", ["2023年以来，全县……", "1.5万人次参加", "一是否需要", "12345热线", "是否"])
def test_not_numbering(text: str) -> None:
    assert leading_numbering(text) is None


def test_run_in_items_are_a_chain_of_consecutive_ordinals() -> None:
    text = "统一是前提。一是完善制度，二是加强学习。三是严格执法。"
    assert [(item.ordinal, text[item.start : item.end]) for item in run_in_items(text)] == [
        (1, "一是"),
        (2, "二是"),
        (3, "三是"),
    ]


def test_a_chain_may_start_at_er_shi_when_yi_shi_is_missing() -> None:
    # seed 000's plans: the first item is written without 一是
    assert [item.ordinal for item in run_in_items("见效。统筹推进评估。二是深入实施，三是强化，四是推进")] == [2, 3, 4]


def test_one_item_is_not_a_list() -> None:
    assert run_in_items("一是加强学习。") == []


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("索\xa0引\xa0号 发布机构", [("索引号", ""), ("发布机构", "")]),
        ("文  号 〔〕号 有效性", [("文号", "〔〕号"), ("有效性", "")]),
        ("发布时间: 2025-03-12     浏览次数:    【字体:", [("发布日期", "2025-03-12"), ("浏览次数", ""), ("字号", "")]),
        ("时间:2024-03-04 16:37来源:紫阳县司法局", [("发布日期", "2024-03-04 16:37"), ("来源", "紫阳县司法局")]),
        ("字号：大 中 小", [("字号", "大 中 小")]),
    ],
)
def test_metadata_lines_are_read_by_label(line: str, fields: list[tuple[str, str]]) -> None:
    assert metadata_fields(line) == fields


@pytest.mark.parametrize(
    "line",
    ["附件下载:", "相关链接:", "【打印本页】【关闭窗口】", "政府信息公开", "大 中 小", "分享到：微信 微博 QQ空间",
     "首页 > 政府信息公开 > 法治政府建设年度报告", "扫一扫在手机打开当前页", "主办单位：青山县人民政府办公室"],
)  # fmt: skip
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line", ["时间节点明确，任务到人。", "来源于群众的意见建议", "中共土城子乡委员会", "2022年11月25日", "一、主要内容"]
)
def test_report_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)
    assert metadata_fields(line) is None


def test_title_over_several_lines_with_a_letter_spaced_last_line() -> None:
    lines = ["中共青山县委 青山县人民政府", "关于2024年度法治政府建设", "情况的报 告", "中共青山市委、青山市人民政府："]
    assert find_title(lines) == (0, 3)
    assert (
        "".join(squeeze(line) for line in lines[:3]) == "中共青山县委 青山县人民政府关于2024年度法治政府建设情况的报告"
    )


def test_the_sites_name_above_the_title_is_not_part_of_it() -> None:
    assert find_title(["托克逊县人民政府", "托克逊县2024年度法治政府建设工作报告", "2024年，托克逊县坚持……。"]) == (
        1,
        2,
    )


def test_no_title_before_the_first_sentence() -> None:
    # seed 001 starts with its preamble; "一、2023年法治政府建设情况" is a part, not the title
    assert find_title(["2023年以来，喀什地区深入学习贯彻习近平法治思想。", "一、2023年法治政府建设情况"]) is None


def test_text_file_seed_000_keeps_its_metadata_and_drops_its_chrome() -> None:
    read = read_report(Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_3a6de6dfb520c28b.txt")
    assert read.title_lines == ("托克逊县2024年度法治政府建设工作报告",)
    assert read.metadata == {"文号": "〔〕号", "发布日期": "2025-03-12"}
    assert "托克逊县人民政府" in read.chrome
    assert read.paragraphs[0].text.startswith("2024年,托克逊县坚持")
    assert [p.number for p in read.paragraphs if p.format == "{cn}、"] == ["一、", "二、", "三、"]


def test_gbk_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes((TESTDATA / "城关镇-2024.txt").read_text(encoding="utf-8").encode("gb18030"))
    read = read_report(path)
    assert read.encoding == "gb18030"
    assert read.title == "城关镇2024年法治政府建设工作报告"


def test_html_page_without_its_chrome(tmp_path: Path) -> None:
    text = (TESTDATA / "青山县-联合-2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.html"
    path.write_text(as_html(text, title_lines=2), encoding="utf-8")
    read = read_report(path)
    assert read.title == "中共青山县委 青山县人民政府关于2024年度法治政府建设情况的报告"
    assert read.metadata["索引号"] == "11620300013909010R/2025-00110"
    assert read.metadata["文号"] == "青政发〔2025〕3号"
    assert read.metadata["发布日期"] == "2025-03-12 09:18"
    body = read.text
    for chrome in ("统计代码", "首页", "浏览次数", "分享到", "打印本页", "网站标识码", "ICP"):
        assert chrome not in body
    assert read.paragraphs[0].text == "中共青山市委、青山市人民政府："
    assert read.paragraphs[-1].text == "2025年2月20日"


def test_gbk_page_declares_its_charset(tmp_path: Path) -> None:
    text = (TESTDATA / "城关镇-2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.htm"
    path.write_bytes(as_html(text, charset="gb2312").encode("gb18030"))
    assert read_report(path).title == "城关镇2024年法治政府建设工作报告"


def test_docx_title_with_line_breaks_and_heading_styles(tmp_path: Path) -> None:
    text = (TESTDATA / "青山县-联合-2024.txt").read_text(encoding="utf-8")
    read = read_report(write_docx(text, tmp_path / "report.docx", title_lines=2, heading_parts=True))
    assert read.title_lines == ("中共青山县委 青山县人民政府", "关于2024年度法治政府建设情况的报告")
    parts = [p for p in read.paragraphs if p.heading_level == 1]
    assert [p.number for p in parts] == ["一、", "二、", "三、", "四、", "五、"]


def test_docx_automatic_numbers_are_read_as_written(tmp_path: Path) -> None:
    """Word's own numbering ("List Number") is not in the text: the reader puts it back."""
    import docx

    document = docx.Document()
    document.add_paragraph("青山县司法局2024年法治政府建设年度报告")
    document.add_paragraph("一、主要举措和成效")
    for text in ("健全工作机制。制定年度工作要点。", "推进法治督察。开展法治督察3次。"):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    paragraphs = read_report(path).paragraphs
    assert [(p.number, p.body) for p in paragraphs[1:]] == [
        ("1.", "健全工作机制。制定年度工作要点。"),
        ("2.", "推进法治督察。开展法治督察3次。"),
    ]
