"""Profile → document: structure, wording from figures, stock text, profile text as data."""

from __future__ import annotations

import re

from conftest import MINIMAL
from reportgen.document import Enumeration, Heading, Paragraph, Signature
from reportgen.render import render_document
from reportgen.write_text import write_text

COUNTY = MINIMAL.replace("土城子乡", "托克逊县").replace("level: 乡镇", "level: 县")

REPORT = (
    COUNTY
    + """\
preamble: 2024年，托克逊县全面推进法治政府建设。现将有关情况报告如下：
publication:
  signed_on: 2025-03-12
achievements:
  areas:
    - area: law_enforcement
      text: 全面推行行政执法三项制度。
    - area: emergency_response
      text: 修订完善应急预案。
    - area: dispute_resolution
      measures:
        - title: 健全行政复议审理机制
          figures:
            administrative_reconsideration:
              received: 14
              rejected: 2
              referred: 2
              accepted: 10
              concluded: 8
              pending: 2
              terminated: 5
              upheld: 3
        - title: 加强和规范行政应诉工作
          text: 认真执行行政机关负责人出庭应诉制度。
shortcomings:
  items:
    - title: 依法行政制度的落实有待提升
      cause: 培训不足
    - title: 普法责任制重视程度不够
    - title: 法律顾问作用发挥不明显
leader_duties:
  text: 县委、县政府主要负责同志带头履行第一责任人职责。
plans:
  items:
    - title: 统筹推进“一规划两纲要”总结评估
"""
)


def render(validate_text, text, **kwargs):
    result = validate_text(text)
    assert result.errors == [], [d.message for d in result.errors]
    return render_document(result.report, **kwargs)


def headings(document):
    return [b.label for b in document.blocks if isinstance(b, Heading)]


def test_the_report_follows_the_regulations_order(validate_text):
    document = render(validate_text, REPORT)
    assert [h for h in headings(document) if not h.startswith("（")] == [
        "一、主要举措和成效",
        "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2025年工作安排",
    ]
    assert document.blocks[-1] == Signature(("托克逊县人民政府",), document.blocks[-1].date)
    assert document.blocks[-1].date_text == "2025年3月12日"


def test_figures_become_the_sentence_clerks_write(validate_text):
    text = write_text(render(validate_text, REPORT))
    assert "一是健全行政复议审理机制。全年收到行政复议申请14件，受理10件，不予受理2件，告知向有权机关申请2件，" in text
    assert "审结8件，审结率80%，正在审理2件。审结的案件中，维持3件，终止5件。" in text


def test_absent_figures_leave_no_trace(validate_text):
    text = write_text(render(validate_text, REPORT))
    # 纠错率 is computed (0 ÷ 3) but 撤销/变更… were never stated: no "0件", no "None".
    for leftover in ("None", "撤销", "驳回", "纠错率", "，。", "。。"):
        assert leftover not in text
    assert not re.search(r"(?<![\d.])0件", text)


def test_removing_an_area_measure_or_problem_leaves_no_gap(validate_text):
    fewer = (
        REPORT.replace("    - area: emergency_response\n      text: 修订完善应急预案。\n", "")
        .replace(
            "        - title: 健全行政复议审理机制\n", "        - title: 健全行政复议审理机制\n          text: 略。\n"
        )
        .replace("    - title: 普法责任制重视程度不够\n", "")
    )
    document = render(validate_text, fewer)
    assert [h for h in headings(document) if h.startswith("（")] == [
        "（一）健全行政执法工作体系",
        "（二）健全社会矛盾纠纷行政预防调处化解体系",
    ]
    start = document.blocks.index(
        next(b for b in document.blocks if isinstance(b, Heading) and b.level == 1 and "不足" in b.text)
    )
    problems = next(b for b in document.blocks[start:] if isinstance(b, Enumeration))
    assert [i.label + i.title for i in problems.items] == [
        "一是依法行政制度的落实有待提升",
        "二是法律顾问作用发挥不明显",
    ]


def test_empty_areas_get_no_heading(validate_text):
    document = render(validate_text, REPORT.replace("      text: 修订完善应急预案。\n", ""))
    assert "健全突发事件应对体系" not in " ".join(headings(document))


def test_a_cause_is_written_after_its_problem(validate_text):
    text = write_text(render(validate_text, REPORT))
    assert "一是依法行政制度的落实有待提升。主要原因是：培训不足" in text


def test_stock_text_fills_a_missing_required_part_and_is_marked(validate_text):
    document = render(
        validate_text, REPORT.replace("leader_duties:\n  text: 县委、县政府主要负责同志带头履行第一责任人职责。\n", "")
    )
    [stock] = document.stock_paragraphs
    assert stock.text.startswith("托克逊县党政主要负责人认真履行推进法治建设第一责任人职责")
    assert "各乡（镇）、县直各部门" in stock.text  # the county variant's wording


def test_level_variants_word_their_subordinates(validate_text):
    prefecture = REPORT.replace("level: 县", "level: 地区").replace(
        "leader_duties:\n  text: 县委、县政府主要负责同志带头履行第一责任人职责。\n", ""
    )
    [stock] = render(validate_text, prefecture).stock_paragraphs
    assert "各县市、地直各部门" in stock.text


def test_township_measures_are_numbered_1_2(validate_text):
    township = REPORT.replace("托克逊县", "土城子乡").replace("level: 县", "level: 乡镇")
    text = write_text(render(validate_text, township))
    assert "1.健全行政复议审理机制。" in text and "2.加强和规范行政应诉工作。" in text


def test_profile_text_is_printed_literally_never_executed(validate_text):
    hostile = REPORT.replace(
        "text: 全面推行行政执法三项制度。",
        "text: '{{ 7*7 }} {% for x in range(3) %}x{% endfor %} <script>alert(1)</script>'",
    )
    document = render(validate_text, hostile)
    [paragraph] = [b for b in document.blocks if isinstance(b, Paragraph) and "script" in b.text]
    assert paragraph.text == "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} <script>alert(1)</script>"


def test_xml_forbidden_characters_in_profile_text_are_dropped(validate_text):
    document = render(
        validate_text, REPORT.replace("全面推行行政执法三项制度。", '"全面推行\\x0b行政执法\\x1e三项制度。"')
    )
    assert "全面推行行政执法三项制度。" in write_text(document)


def test_year_on_year_is_worded_from_last_years_figures(validate_text):
    text = REPORT + "last_year:\n  figures:\n    administrative_reconsideration:\n      received: 10\n"
    assert "全年收到行政复议申请14件，同比增长40%，受理10件" in write_text(render(validate_text, text))


def test_figures_already_in_the_text_are_not_repeated(validate_text):
    text = REPORT.replace("          figures:\n", "          figures:\n            in_text: true\n")
    assert "全年收到行政复议申请" not in write_text(render(validate_text, text))
