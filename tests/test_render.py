"""Profile → document: structure, wording from figures, placeholders, numbering shapes, profile text as data."""

from __future__ import annotations

import re

from conftest import MINIMAL, RECONSIDERATION, indented
from reportgen.document import Enumeration, Heading, Paragraph, Signature
from reportgen.render.context import render_document
from reportgen.writers.text import write_text

COUNTY = MINIMAL.replace("土城子乡", "托克逊县").replace("level: 乡镇", "level: 县")

REPORT = (
    COUNTY
    + """\
preamble: 2024年，托克逊县全面推进法治政府建设。现将有关情况报告如下：
publication:
  signed_on: 2025-03-12
  signatories: [托克逊县人民政府]
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
"""
    + indented(RECONSIDERATION, 12)
    + """\
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
layout:
  numbering: [一、, （一）, 一是]
"""
)
DEFAULT_NUMBERING = REPORT.replace("layout:\n  numbering: [一、, （一）, 一是]\n", "")


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
    assert (
        "健全行政复议审理机制。收到行政复议申请14件，受理10件，不予受理2件，告知申请人向有管辖权的机关申请2件，" in text
    )
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


def test_a_missing_required_part_is_a_marked_placeholder_never_stock_prose(validate_text):
    document = render(
        validate_text, REPORT.replace("leader_duties:\n  text: 县委、县政府主要负责同志带头履行第一责任人职责。\n", "")
    )
    assert [p.text for p in document.placeholder_paragraphs] == [
        "【待填写：党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况】"
    ]
    assert document.placeholders()[0][0] == "三、党政主要负责人履行推进法治建设第一责任人职责情况"
    for stock in ("亲自部署", "认真履行", "不断提升法治政府建设水平", "有待进一步"):
        assert stock not in write_text(document)


def test_every_missing_part_and_the_signature_become_placeholders(validate_text):
    bare = COUNTY + "achievements:\n  areas:\n    - area: law_enforcement\n      text: 推行三项制度。\n"
    document = render(validate_text, bare)
    assert [prompt for _, prompt in document.placeholders()] == [
        "【待填写：开头段落（本年度法治政府建设的总体情况）】",
        "【待填写：存在的不足和原因】",
        "【待填写：党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况】",
        "【待填写：2025年推进法治政府建设的主要安排】",
        "【待填写：署名机关】",
        "【待填写：成文日期】",
    ]
    assert "托克逊县人民政府" not in write_text(document)  # never a signature the tool chose


def test_an_explicitly_unsigned_report_has_no_signature_and_no_placeholder(validate_text):
    document = render(
        validate_text,
        REPORT.replace("  signatories: [托克逊县人民政府]\n", "  signatories: []\n").replace(
            "  signed_on: 2025-03-12\n", ""
        ),
    )
    assert not any(
        isinstance(b, Signature) and (b.bodies or b.missing_bodies or b.missing_date) for b in document.blocks
    )
    assert document.placeholders() == []


def test_the_default_numbering_numbers_measures_1_2(validate_text):
    text = write_text(render(validate_text, DEFAULT_NUMBERING))
    assert "1.健全行政复议审理机制。" in text and "2.加强和规范行政应诉工作。" in text
    assert "1.依法行政制度的落实有待提升。" in text  # a part's items are numbered like the measures


def test_a_county_numbered_one_arabic_yi_shi(validate_text):
    document = render(validate_text, REPORT.replace("numbering: [一、, （一）, 一是]", "numbering: [一、, 1., 一是]"))
    assert headings(document)[:3] == ["一、主要举措和成效", "1.健全行政执法工作体系", "2.健全突发事件应对体系"]
    text = write_text(document)
    assert "一是健全行政复议审理机制。" in text and "二是加强和规范行政应诉工作。" in text


def test_a_township_runs_yi_shi_directly_under_its_parts(validate_text):
    township = (
        MINIMAL
        + """\
achievements:
  measures:
    - title: 深入推进“放管服”改革
      text: 实行权责清单制度。
    - title: 加强行政调解工作
      text: 化解矛盾纠纷。
layout:
  numbering: [一、, 一是]
"""
    )
    document = render(validate_text, township)
    assert headings(document)[0] == "一、主要举措和成效"
    text = write_text(document)
    assert "一是深入推进“放管服”改革。实行权责清单制度。\n二是加强行政调解工作。化解矛盾纠纷。" in text


def test_sub_items_run_into_their_measure_or_each_get_a_paragraph(validate_text):
    items = """\
        - title: 加强和规范行政应诉工作
          text: 认真执行行政机关负责人出庭应诉制度。
          items:
            - title: 落实出庭应诉
              text: 负责人出庭应诉。
            - title: 加强府院联动
              text: 召开联席会议。
"""
    one = REPORT.replace(
        "        - title: 加强和规范行政应诉工作\n          text: 认真执行行政机关负责人出庭应诉制度。\n", items
    )
    text = write_text(render(validate_text, one))
    assert (
        "二是加强和规范行政应诉工作。认真执行行政机关负责人出庭应诉制度。（1）落实出庭应诉。负责人出庭应诉。（2）加强府院联动。召开联席会议。\n"
        in text
    )
    separate = one.replace("          items:\n", "          items_as_paragraphs: true\n          items:\n")
    text = write_text(render(validate_text, separate))
    assert (
        "认真执行行政机关负责人出庭应诉制度。\n（1）落实出庭应诉。负责人出庭应诉。\n（2）加强府院联动。召开联席会议。\n"
        in text
    )


def test_the_addressee_follows_the_title_ending_in_a_colon(validate_text):
    document = render(
        validate_text, REPORT.replace("  signed_on:", "  addressee: 中共吐鲁番市委、吐鲁番市人民政府\n  signed_on:")
    )
    assert document.addressee == "中共吐鲁番市委、吐鲁番市人民政府："
    assert write_text(document).split("\n")[:3] == [
        "托克逊县2024年法治政府建设年度报告",
        "",
        "中共吐鲁番市委、吐鲁番市人民政府：",
    ]


def test_a_year_on_year_reference_in_the_text_is_filled_in(validate_text):
    text = REPORT.replace("认真执行行政机关负责人出庭应诉制度。", "收到申请{received}，{同比:received}。") + (
        "last_year:\n  figures:\n    administrative_reconsideration:\n      received: 10\n"
    )
    assert "收到申请14件，同比增长40%。" in write_text(render(validate_text, text))


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
    assert "收到行政复议申请14件，同比增长40%，受理10件" in write_text(render(validate_text, text))


def test_figures_already_in_the_text_are_not_repeated(validate_text):
    text = REPORT.replace("          figures:\n", "          figures:\n            in_text: true\n")
    assert "收到行政复议申请" not in write_text(render(validate_text, text))


def test_a_custom_first_level_like_di_yi_bu_fen_is_numbered_on(validate_text):
    document = render(
        validate_text, REPORT.replace("numbering: [一、, （一）, 一是]", "numbering: [第一部分　, 一、, 一是]")
    )
    assert headings(document)[:2] == ["第一部分　主要举措和成效", "一、健全行政执法工作体系"]
    assert headings(document)[-1] == "第四部分　2025年工作安排"
