"""A title's phrases: the only places a line of the title may break."""

from __future__ import annotations

import pytest

from reportgen.document.title import title_phrases


@pytest.mark.parametrize(
    ("title", "phrases"),
    [
        # the five examples
        ("托克逊县2024年度法治政府建设工作报告", ("托克逊县", "2024年度", "法治政府建设", "工作报告")),
        ("土城子乡2022年法治政府建设年度报告", ("土城子乡", "2022年", "法治政府建设", "年度报告")),
        ("喀什地区2023年法治政府建设年度报告", ("喀什地区", "2023年", "法治政府建设", "年度报告")),
        ("八宿县2020年法治政府建设工作报告", ("八宿县", "2020年", "法治政府建设", "工作报告")),
        ("紫阳县2023年法治政府建设工作总结", ("紫阳县", "2023年", "法治政府建设", "工作总结")),
        # titles as sites publish them
        (
            "中共土城子乡委员会土城子乡人民政府关于2022年法治政府建设情况的报告",
            ("中共土城子乡委员会", "土城子乡人民政府", "关于", "2022年", "法治政府建设", "情况的报告"),
        ),
        (
            "托克逊县人民政府关于2024年度法治政府建设工作情况的报告",
            ("托克逊县人民政府", "关于", "2024年度", "法治政府建设", "工作情况的报告"),
        ),
        (
            "新疆维吾尔自治区巴音郭楞蒙古自治州2023年法治政府建设情况报告",
            ("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "2023年", "法治政府建设", "情况报告"),
        ),
        ("湖南省司法厅二〇二三年度法治政府建设报告", ("湖南省", "司法厅", "二〇二三年度", "法治政府建设", "报告")),
        ("某某县2024年度报告", ("某某县", "2024年度", "报告")),
        (
            "中共湖南省委湖南省人民政府关于2023年度法治政府建设情况的报告",
            ("中共湖南省委", "湖南省", "人民政府", "关于", "2023年度", "法治政府建设", "情况的报告"),
        ),
    ],
)
def test_title_breaks_between_name_year_subject_and_kind_of_report(title, phrases):
    assert title_phrases(title) == phrases


@pytest.mark.parametrize("title", ["", "年度报告", "法治政府建设", "2024年", "关于", "某某县人民政府"])
def test_a_title_that_is_one_phrase_is_not_cut(title):
    assert title_phrases(title) == ((title,) if title else ())


@pytest.mark.parametrize(
    "title",
    [
        "法治政府建设年度报告2024年",
        "关于关于2024年2025年度",
        "<script>alert(1)</script>某某县2024年法治政府建设年度报告",
        "市场监督管理局法治政府建设工作情况",
    ],
)
def test_phrases_give_the_title_back_and_are_never_empty(title):
    phrases = title_phrases(title)

    assert "".join(phrases) == title
    assert all(phrases)


def test_words_that_merely_contain_a_boundary_word_stay_whole():
    # 市 is not a boundary (市场), and 报告 after 情况的 or 年度 belongs to the phrase before it.
    assert title_phrases("某市市场监督管理局工作情况的报告") == ("某市市场监督管理局", "工作情况的报告")
    # 省 ends a name, but not inside 省级 or 省直; 县委 does, but not inside 县委员会.
    assert title_phrases("某某省级示范") == ("某某省级示范",)
    assert title_phrases("中共某某县委员会某某县人民政府") == ("中共某某县委员会", "某某县人民政府")
