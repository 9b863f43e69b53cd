"""`reportgen check`'s rules: each on broken and correct text, and the five references
against reviewed golden files (tests/testdata/review/<seed>.txt, `pytest --update-golden`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS
from reportgen.cli import review as output
from reportgen.reader import assemble
from reportgen.reader.lines import RawLine
from reportgen.review import check_report, fixed_copy
from reportgen.review.model import CheckedFile

GOLDEN = Path(__file__).parent / "testdata" / "review"
TITLE = "某县2024年度法治政府建设工作报告"


def read(*paragraphs: str, title: str = TITLE):
    lines = [RawLine(title), *(RawLine(text) for text in paragraphs)]
    return assemble(Path("报告.txt"), "text", lines, "utf-8")


def rules(*paragraphs: str, title: str = TITLE, year: int | None = None) -> list[str]:
    return [finding.rule for finding in check_report(read(*paragraphs, title=title), year).findings]


BROKEN = [
    ("2024年,全县受理案件10件。", ["P1"]),
    ('开展"三重一大"集体决策。', ["P2"]),
    ("学习《中华人民共和国行政复议法。", ["P3"]),
    ("学习中华人民共和国行政复议法》。", ["P3"]),
    ("召开会议（研究部署工作。", ["P3"]),
    ("全年召开会议3次，，学习法律5部。", ["P4"]),
    ("全年召开会议3次。。", ["P4"]),
    ("严格执行重大行政决策程序，落实 合法性审查制度。", ["P5"]),
    ("认真听取听取法律顾问意见。", ["R1"]),
    ("这是我们的的工作。", ["R1"]),
    ("受理行政复议案件10件，审结8件，审结率90%。", ["A1"]),
    ("出庭应诉率由79.39%提高至96.91%，同比增长18.56%。", ["A2"]),
    ("出庭应诉率由80%提高至90%，增长10%。", ["A2"]),
    ("建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。", ["F1"]),
    ("以习近平新时代中国特色社会主义法治思想为指导。", ["F1"]),
    ("深入学习贯彻习近平法制思想。", ["F2"]),
    ("受理行政复议案件45件，同比增长15%（上年40件）。", ["A3"]),
    ("加强学习。一是学习宪法。", ["N2"]),
    ("加强学习。一是学习宪法；三是学习民法典。", ["N3"]),
]

CORRECT = [
    "2024年，全县受理案件3,000件，时间9:00至17:00。",
    "落实《法治政府建设实施纲要（2021—2025年）》和2021-2025年规划。",
    "出庭应诉率为96.5%，网址为http://www.example.gov.cn/a(1).html。",
    "邀请 Law-based Government 项目组（LBG）座谈，题为 It's a Plan: Rule of Law。",
    "推进工作取得实实在在成效，层层压实责任，常常开展检查。",
    "受理行政复议案件10件，审结8件，审结率80%。",
    "调解案件26474件，调解成功26162件，调解成功率98.8%。",
    "一审败诉率由30%下降至20%，下降10个百分点。",
    "受理行政复议案件45件，同比增长12.5%（上年40件）。",
    "加强学习。一是学习宪法；二是学习民法典；三是学习行政法。",
    "落实统一是前提，唯一是标准。",
    "……省略号和——破折号不算重复。",
    "建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。",
    "开展“学习贯彻习近平法治思想 建设更高水平法治陕西”主题活动。",
    "中共某乡委员会  某乡人民政府",
]


@pytest.mark.parametrize(("text", "expected"), BROKEN)
def test_each_rule_finds_its_defect(text, expected):
    assert rules(text) == expected


@pytest.mark.parametrize("text", CORRECT)
def test_no_false_alarm_on_correct_text(text):
    assert rules(text) == []


def test_half_width_marks_are_one_finding_per_paragraph_with_every_spot_for_fix():
    checked = check_report(read("2024年,全县受理案件10件,办结9件;开展(专项)检查。"))
    (finding,) = checked.findings
    assert (finding.rule, finding.severity, finding.excerpt) == ("P1", "error", "2024年【,】全县受理案件10件,办结…")
    assert finding.message == "中文句子中的半角“,”应为全角“，”（本段共 5 处，--fix 可一并改正）"


def test_numbering_gaps_repeats_and_steps_back_at_each_level():
    paragraphs = [
        "一、主要工作",
        "（一）学法",
        "（三）用法",
        "1.学习宪法",
        "1.学习民法典",
        "二、存在问题",
        "四、下一步",
    ]
    found = check_report(read(*paragraphs)).findings
    assert [(f.rule, f.paragraph, f.message) for f in found] == [
        ("N1", 3, "应为“（二）”，写的是“（三）”（缺号）"),
        ("N1", 5, "“1.”重复"),
        ("N1", 7, "应为“三、”，写的是“四、”（缺号）"),
    ]
    assert found[0].heading == "一、主要工作"


def test_a_lost_numeral_is_reported_and_counted_as_the_expected_one():
    found = check_report(read("一、主要工作", "、存在问题", "三、下一步")).findings
    assert [(f.rule, f.paragraph, f.message, f.correction) for f in found] == [
        ("N1", 2, "序号缺少数字：写的是“、”，应为“二、”", "二、"),
    ]


def test_a_higher_level_restarts_the_levels_below():
    assert rules("一、主要工作", "（一）学法", "（二）用法", "二、存在问题", "（一）学法不够") == []


def test_run_in_items_continue_over_paragraphs_that_start_with_them():
    assert rules("一是学习宪法。", "二是学习民法典。", "三是学习行政法。") == []
    assert rules("一是学习宪法。", "三是学习民法典。") == ["N3"]


def test_title_year_against_the_year_the_report_is_about():
    assert rules("2023年，我县深入推进法治政府建设。") == ["T1"]
    assert rules("2024年，我县深入推进法治政府建设。") == []
    assert rules("工作开展情况。", year=2025) == ["T1"]


def test_signature_date_after_the_first_of_april():
    assert rules("2024年，我县推进工作。", "某县人民政府", "2025年4月2日") == ["T2"]
    assert rules("2024年，我县推进工作。", "某县人民政府", "2025年4月1日") == ["T2"]  # 4月1日之前
    assert rules("2024年，我县推进工作。", "某县人民政府", "2025年3月31日") == []


def test_a_web_pages_publication_date_on_or_after_the_first_of_april():
    from reportgen.cli.review import finding_lines
    from reportgen.review.publication import check_published_date

    late = check_published_date({"发布日期": "2025-04-01 09:30"}, 2024)
    assert [finding.rule for finding in late] == ["T2"]
    assert finding_lines(late[0])[0] == "警告 T2 日期晚于报送期限  发布日期"
    assert check_published_date({"发布日期": "2025-03-31"}, 2024) == []
    assert check_published_date({"发布日期": "2025年3月4日"}, 2024) == []
    assert check_published_date({}, 2024) == []


def test_fix_corrects_only_the_safe_rules():
    report = read('2024年,开展"三重一大"决策，，认真听取听取意见。', "学习《宪法。")
    text, changes = fixed_copy(report, check_report(report))
    assert text == f"{TITLE}\n\n2024年，开展“三重一大”决策，认真听取听取意见。\n学习《宪法。\n"
    assert changes == 4


def test_finding_printed_with_rule_severity_location_spot_correction_and_source():
    checked = check_report(read("一、主要工作", "全年召开会议3次，，学习法律5部。"))
    assert output.finding_lines(checked.findings[0]) == [
        "错误 P4 标点重复  第 2 段（“一、主要工作”下）",
        "  标点“，，”重复",
        "  原文：全年召开会议3次【，，】学习法律5部。",
        "  改为：，",
        "  依据：GB/T 15834-2011《标点符号用法》 第4章",
    ]


SEED_NAMES = sorted(path.name for path in SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_NAMES, reason=f"the reference reports are not beside the repository ({SEEDS})")
@pytest.mark.parametrize("name", SEED_NAMES)
def test_reference_findings_match_the_reviewed_golden(name, update_golden):
    from reportgen.review import check_file

    _, checked = check_file(SEEDS / name)
    text = "\n".join(output.file_lines(CheckedFile(Path(name), checked))) + "\n"
    golden = GOLDEN / name
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
