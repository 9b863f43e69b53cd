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
    ("开展‘法治宣传进万家活动。", ["P3"]),
    ("开展法治宣传进万家’活动。", ["P3"]),
    ("开展【法治宣传进万家活动。", ["P3"]),
    ("全年召开会议3次，，学习法律5部。", ["P4"]),
    ("全年召开会议3次。。", ["P4"]),
    ("审结率为80%。，正在审理2件。", ["P4"]),
    ("审结率为80%。,正在审理2件。", ["P4", "P1"]),  # seed 000; the "," is P1's too
    ("学习宪法,，民法典。", ["P1", "P4"]),
    ("学习宪法；，民法典。", ["P4"]),
    ("严格执行重大行政决策程序，落实 合法性审查制度。", ["P5"]),
    ("认真听取听取法律顾问意见。", ["R1"]),
    ("这是我们的的工作。", ["R1"]),
    ("深入推进推进依法行政。", ["R1"]),
    ("坚持依法行政，坚持依法行政，全面提升水平。", ["R1"]),
    ("加强法治宣传、加强法治宣传、建设法治文化。", ["R1"]),
    ("受理行政复议案件10件，审结8件，审结率90%。", ["A1"]),
    ("收到行政复议申请14件，受理10件。审结行政复议案件8件，审结率为90%。", ["A1"]),
    ("审结行政复议案件8件（终止5件，维持3件），受理10件，审结率90%。", ["A1"]),
    ("受理10件，审结12件。", ["A4"]),
    ("受理12件，办结15件，办结率100%。", ["A4"]),
    ("全县2024年受理行政复议案件45件，2023年受理40件，同比增长15%。", ["A3"]),
    ("全县2023年受理行政复议案件40件，2024年受理45件，同比增长15%。", ["A3"]),
    ("出庭应诉率由79.39%提高至96.91%，同比增长18.56%。", ["A2"]),
    ("出庭应诉率由80%提高至90%，增长10%。", ["A2"]),
    ("复议纠错率由10%下降至8%，较上年下降2%。", ["A2"]),
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
    # A1: two counts that are not the rate's part and whole
    "全年组织新提拔干部162人参加任前考法，其中女性干部40人，合格率95%。",
    "办理行政诉讼案件30件，其中败诉2件，群众满意率98%。",
    "全县12个乡镇，已有10个乡镇建成法治阵地，覆盖率100%。",
    "审结行政复议案件8件（终止5件，维持3件），审结率为80%。",
    "收到行政复议申请14件，受理10件。审结行政复议案件8件，审结率为80%。",
    "收到行政复议申请14件，不予受理4件。审结行政复议案件8件，审结率为80%。",
    "调解案件26474件，调解成功26162件，调解成功率98.8%。",  # seed 001
    # A2: another subject's change after the rate's
    "群众满意率由95%提升至98%，办件量增长3%。",
    # A3: the years stated, right
    "全县2024年受理行政复议案件45件，2023年受理40件，同比增长12.5%。",
    "全县2022年受理行政复议案件40件，2024年受理45件，同比增长15%。",  # not consecutive years
    # A4: parts no larger than the whole, or with last year's carried over
    "受理12件，办结12件，办结率100%。",
    "受理10件，审结12件（含上年结转3件）。",
    "受理行政复议案件10件，累计审结12件。",
    "行业性专业性调解委员会受理化解矛盾纠纷80件，调解成功76件。",  # seed 000
    "受理10件，不予受理12件。",
    # P4: a question exclaimed
    "这难道不是我们的责任吗？！必须抓紧！？",
    # R1: ordinary reduplication and words meeting at a doubled character
    "坚决防止问题整改不了了之。",
    "坚持一件一件抓落实，一项一项抓整改，一步一步推进。",
    "谢谢大家，常常深入基层，天天学法，人人守法，层层压实，处处留心，年年考核，事事有回应。",
    "为了了解情况，以及及时处理群众诉求。",
    "学习，学习，再学习。",  # a clause of under four characters: rhetoric
    # P3: an apostrophe inside an English word
    "邀请Let’s Talk节目组座谈。",
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


def test_one_level_written_two_ways():
    found = check_report(read("1.学习宪法", "2、学习民法典", "3、学习行政法")).findings
    assert [(f.rule, f.severity, f.paragraph, f.message, f.correction) for f in found] == [
        ("N4", "warning", 2, "同级序号写法不一：前面写作“1.”，这里写作“2、”", "2."),
        ("N4", "warning", 3, "同级序号写法不一：前面写作“1.”，这里写作“3、”", "3."),
    ]
    assert rules("1、学习宪法", "2.学习民法典") == ["N4"]
    assert rules("1.学习宪法", "2.学习民法典", "3．学习行政法") == []  # "．" is "." written full width
    # a higher level restarts the style as well as the count
    assert rules("一、学法", "1、学习宪法", "2、学习民法典", "二、用法", "1.依法决策", "2.依法执法") == []


def test_a_higher_level_restarts_the_levels_below():
    assert rules("一、主要工作", "（一）学法", "（二）用法", "二、存在问题", "（一）学法不够") == []


def test_run_in_items_continue_over_paragraphs_that_start_with_them():
    assert rules("一是学习宪法。", "二是学习民法典。", "三是学习行政法。") == []
    assert rules("一是学习宪法。", "三是学习民法典。") == ["N3"]


def test_title_year_against_the_year_the_report_is_about():
    assert rules("2023年，我县深入推进法治政府建设。") == ["T1"]
    assert rules("2024年，我县深入推进法治政府建设。") == []
    assert rules("工作开展情况。", year=2025) == ["T1"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("关于2025年工作计划和2024年法治政府建设情况的报告", []),  # the report's year is not the first
        ("关于2025年工作计划和2023年法治政府建设情况的报告", ["T1"]),  # 2023年法治政府 is the report's
        ("某县2025年工作要点暨2023年度法治政府建设报告", ["T1"]),
        ("某县2023年和2025年工作情况", []),  # several years, none clearly the report's: nothing said
        ("某县落实法治政府建设实施方案（2021—2025年）暨2024年度报告", []),  # a range is not a year reported on
    ],
)
def test_title_year_is_the_year_the_title_reports_on(title, expected):
    assert rules("2024年，我县深入推进法治政府建设。", title=title) == expected


def test_the_title_year_finding_marks_the_report_year_not_the_first():
    title = "关于2025年工作计划和2023年法治政府建设情况的报告"
    (finding,) = check_report(read("2024年，我县推进工作。", title=title)).findings
    assert (title[finding.start : finding.end], finding.correction) == ("2023", "2024")
    assert finding.message == "标题写的是 2023 年，报告年度是 2024 年"


def test_signature_date_after_the_first_of_april():
    assert rules("2024年，我县推进工作。", "某县人民政府", "2025年4月2日") == ["T2"]
    assert rules("2024年，我县推进工作。", "某县人民政府", "2025年4月1日") == ["T2"]  # 4月1日之前
    assert rules("2024年，我县推进工作。", "某县人民政府", "2025年3月31日") == []


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("二〇二五年四月二日", ["T2"]),
        ("二○二五年十二月三十一日", ["T2"]),
        ("二〇二五年三月三十一日", []),
        ("2025.4.15", ["T2"]),
        ("2025-4-15", ["T2"]),
        ("2025/04/15", ["T2"]),
        ("2025.3.15", []),
        ("2025-03-31", []),
        ("2025.4-15", []),  # not one way of writing a date
        ("二〇二五年十三月一日", []),
    ],
)
def test_signature_date_written_in_chinese_numerals_or_figures(date, expected):
    assert rules("2024年，我县推进工作。", "某县人民政府", date) == expected


def test_a_web_pages_publication_date_on_or_after_the_first_of_april():
    from reportgen.cli.review import finding_lines
    from reportgen.review.publication import check_published_date

    late = check_published_date({"发布日期": "2025-04-01 09:30"}, 2024)
    assert [finding.rule for finding in late] == ["T2"]
    assert finding_lines(late[0])[0] == "警告 T2 日期晚于报送期限  发布日期"
    assert check_published_date({"发布日期": "2025-03-31"}, 2024) == []
    assert check_published_date({"发布日期": "2025年3月4日"}, 2024) == []
    assert check_published_date({}, 2024) == []


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("审结率为80%。,正在审理2件。", "审结率为80%。正在审理2件。"),  # seed 000
        ("学习宪法,，民法典。", "学习宪法，民法典。"),
        ("学习宪法,,,民法典。", "学习宪法，民法典。"),
        ("学习宪法，,民法典。", "学习宪法，民法典。"),
        ("学习宪法；，民法典。", "学习宪法；民法典。"),
        ("学习宪法,、民法典。", "学习宪法，民法典。"),
        ("这是责任吗？！", "这是责任吗？！"),
    ],
)
def test_fix_keeps_the_first_of_marks_written_together_in_full_width(written, fixed):
    report = read(written)
    text, _ = fixed_copy(report, check_report(report))
    assert text == f"{TITLE}\n\n{fixed}\n"


def test_marks_of_two_kinds_written_together_are_named_as_such():
    (finding,) = check_report(read("审结率为80%。，正在审理2件。")).findings
    assert (finding.rule, finding.message, finding.correction) == ("P4", "标点“。，”连用，应只保留“。”", "。")


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
