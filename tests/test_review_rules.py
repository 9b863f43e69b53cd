"""The dictionary rules (F1 outdated form, F2 slip from a canonical formulation) on a corpus
built from formulations.yaml itself, and the year-on-year recomputation (A3)."""

from __future__ import annotations

import random
import time

import pytest

from reportgen.review.arithmetic import check_arithmetic
from reportgen.review.formulations import _distance, check_formulations, formulations

ENTRIES = formulations()
PHRASES = [entry.phrase for entry in ENTRIES]


def found(text: str) -> list[tuple[str, str, str]]:
    """(rule, the span found, the correction) for each finding of the dictionary rules."""
    return [(f.rule, text[f.start : f.end], f.correction) for f in check_formulations(1, text)]


def _other(char: str) -> str:
    return "甲" if char == "某" else "某"


def _broken(phrase: str) -> list[str]:
    """Every variant with one interior character replaced, deleted, or one inserted."""
    inner = range(1, len(phrase) - 1)
    return [
        *(phrase[:i] + _other(phrase[i]) + phrase[i + 1 :] for i in inner),
        *(phrase[:i] + phrase[i + 1 :] for i in inner),
        *(phrase[:i] + "某" + phrase[i:] for i in range(1, len(phrase))),
    ]


SLIPS = [
    (entry.phrase, broken)
    for entry in ENTRIES
    for broken in dict.fromkeys(_broken(entry.phrase))
    if broken not in entry.distinct
]


def test_the_dictionary_is_well_formed():
    assert len(ENTRIES) >= 8
    for entry in ENTRIES:
        assert entry.phrase and entry.source, entry
        assert len(entry.phrase) >= 6, "the near-miss anchors need three characters at each end"
        assert entry.max_slips in (1, 2)
        for old in entry.outdated:
            assert old.form not in entry.phrase and old.current and old.why
        for slip in entry.misspelt:
            assert 0 < _distance(slip.form, slip.current) <= 2
        for form in entry.distinct:
            assert 0 < _distance(form, entry.phrase) <= entry.max_slips


@pytest.mark.parametrize("phrase", PHRASES)
def test_the_exact_phrase_is_not_reported(phrase):
    assert found(f"我们{phrase}，{phrase}。") == []


@pytest.mark.parametrize(("phrase", "broken"), SLIPS)
def test_a_one_character_slip_is_reported_with_the_canonical_wording(phrase, broken):
    assert found(f"认真落实{broken}有关要求。") == [("F2", broken, phrase)]


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_shorter_quotation_is_not_a_slip(phrase):
    half = len(phrase) // 2
    assert found(f"落实{phrase[:half]}要求，{phrase[half:]}。") == []


@pytest.mark.parametrize(
    "text",
    [
        "职能科学、权责法定",  # the goal quoted in part
        "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信",
        "学习习近平经济思想和习近平新时代中国特色社会主义思想。",
        "县政府主要负责人履行推进法治建设第一责任人职责情况。",
        "各级党政主要领导带头履行党政主要负责人推进法治建设第一责任人职责。",  # seed 001
        "开展党政主要负责人履行法治建设第一责任人职责情况督察。",  # seed 001: a whole word left out
        "落实《托克逊县法治政府建设实施方案(2021-2025年)》要求。",  # seed 000
        "印发法治政府建设实施方案（2021—2025年）。",
        "对照《法治政府建设实施纲要（2015—2020年）》总结评估。",
        "对照《法治社会建设实施纲要（2020—2025年）》。",
        "《法治政府建设实施纲要(2021—2025年)》",  # width is P1's business
        "keywords：法治政府建设,年度报告",
        "某县2024年度法治政府建设工作报告",
        "坚持严格规范文明执法。",
        "法治政府建设与责任落实督察工作",
    ],
)
def test_legitimately_different_text_is_not_reported(text):
    assert found(text) == []


def test_an_outdated_form_is_a_hint_with_the_current_wording_and_why():
    (finding,) = check_formulations(1, "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。")
    assert (finding.rule, finding.severity, finding.correction) == ("F1", "hint", "智能高效、廉洁诚信、人民满意")
    assert finding.message == (
        "“廉洁高效、守法诚信”是过时的提法，现行表述为“智能高效、廉洁诚信、人民满意”"
        "（《法治政府建设实施纲要（2015—2020年）》的目标，已由2021—2025年纲要取代）"
    )


def test_a_slip_names_each_spot_and_the_source():
    text = "深入学习习近平法制思想，全面贯彻《法治政府建设实施纲要(2021-2025年)》。"
    first, second = check_formulations(1, text)
    assert (first.rule, first.severity) == ("F2", "warning")
    assert first.message == (
        "“习近平法制思想”与规范表述“习近平法治思想”不符：“制”应为“治”（《法治政府建设实施纲要（2021—2025年）》第一部分）"
    )
    assert second.message == (
        "“法治政府建设实施纲要(2021-2025年)”与规范表述“法治政府建设实施纲要（2021—2025年）”不符：“-”应为“—”"
        "（中共中央、国务院，中发〔2021〕33号）"
    )


def test_a_word_left_out_and_a_known_misspelling():
    assert found("法治政府建设与责任落实督察规定") == [
        ("F2", "法治政府建设与责任落实督察规定", "法治政府建设与责任落实督察工作规定")
    ]
    (finding,) = check_formulations(
        1, "全面建设智能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府"
    )
    assert finding.message.startswith("“智能科学、权责法定”与规范表述“职能科学、权责法定”不符：“智”应为“职”")


def test_a_paragraph_is_checked_in_well_under_a_millisecond():
    paragraph = "".join(f"深入学习贯彻习近平法治思想，落实{p[:5]}工作，法治政府建设取得新进展。" for p in PHRASES) * 2
    runs = []
    for _ in range(50):
        start = time.perf_counter()
        check_formulations(1, paragraph)
        runs.append(time.perf_counter() - start)
    assert len(paragraph) > 400
    assert sorted(runs)[len(runs) // 2] < 0.001


YEAR_ON_YEAR_BROKEN = [
    (
        "受理案件45件，同比增长15%（上年40件）。",
        "增长15%",
        "增长13%",
        "由 40件 到 45件，按（45−40）÷40 计算为增长13%，文中写的是增长15%",
    ),
    (
        "受理案件45件，较上年的40件增长11.5%。",
        "增长11.5%",
        "增长12.5%",
        "由 40件 到 45件，按（45−40）÷40 计算为增长12.5%，文中写的是增长11.5%",
    ),
    (
        "行政复议案件由上年的40件增加到45件，增长11.1%。",
        "增长11.1%",
        "增长12.5%",
        "由 40件 到 45件，按（45−40）÷40 计算为增长12.5%，文中写的是增长11.1%",
    ),
    (
        "受理案件36件，同比增长10%（上年40件）。",
        "增长10%",
        "下降10%",
        "由 40件 到 36件，按（36−40）÷40 计算为下降10%，文中写的是增长10%",
    ),
    (
        "投入经费120万元，较去年的100万元增长25%。",
        "增长25%",
        "增长20%",
        "由 100万元 到 120万元，按（120万−100万）÷100万 计算为增长20%，文中写的是增长25%",
    ),
    (
        "办理案件7件，同比增长16.66%（上年6件）。",
        "增长16.66%",
        "增长16.67%",
        "由 6件 到 7件，按（7−6）÷6 计算为增长16.67%，文中写的是增长16.66%",
    ),
    (
        "受理案件1.2万件，同比下降20%，去年同期为1万件。",
        "下降20%",
        "增长20%",
        "由 1万件 到 1.2万件，按（1.2万−1万）÷1万 计算为增长20%，文中写的是下降20%",
    ),
]


@pytest.mark.parametrize(("text", "spot", "correction", "message"), YEAR_ON_YEAR_BROKEN)
def test_year_on_year_change_recomputed_from_both_years(text, spot, correction, message):
    (finding,) = check_arithmetic(1, text)
    assert (finding.rule, finding.severity) == ("A3", "error")
    assert (text[finding.start : finding.end], finding.correction, finding.message) == (spot, correction, message)


@pytest.mark.parametrize(
    "text",
    [
        "受理案件45件，同比增长12.5%（上年40件）。",
        "受理案件45件，较上年的40件增长12.5%。",
        "由40件增加到45件，增长12.5%。",
        "受理案件36件，同比下降10%（上年40件）。",
        "调解纠纷36起，比去年同期的40起减少了10%。",
        "受理案件3件，同比增长200%（上年1件）。",
        "办理案件7件，同比增长16.67%（上年6件）。",
        "受理案件4.5万件，同比增长12.5%，去年同期为4万件。",
        "受理案件40-45件，同比增长20%（上年40件）。",  # a range
        "受理案件约45件，同比增长20%（上年40件）。",  # approximate
        "受理案件45件，同比增长20%（上年40余件）。",
        "出庭应诉率95%，同比提高5%（上年90%）。",  # a rate: A2's business
        "受理案件45件，占全部案件的20%（上年40件）。",  # a share, not a change
        "受理案件45件，办结率增长20%（上年40件）。",
        "受理案件45件，同比增长20%。",  # last year's count not stated
        "受理案件45件，同比增长20%，2025年力争50件。",
        "受理案件45件，同比增长20%（上年40次）。",  # not the same unit
        "一审败诉率同比下降了24.8个百分点。",
    ],
)
def test_year_on_year_no_false_alarm(text):
    assert check_arithmetic(1, text) == []


def spots(text: str) -> list[tuple[str, str, str, str]]:
    """(rule, the span found, the correction, the message) for each arithmetic finding."""
    return [(f.rule, text[f.start : f.end], f.correction, f.message) for f in check_arithmetic(1, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("受理10件，审结8件，审结率90%。", ("A1", "90", "80", "按 8÷10 计算为 80%，文中写的是 90%")),
        (  # the part written before the whole: the part is the count by the rate's name
            "审结行政复议案件8件（终止5件，维持3件），受理10件，审结率90%。",
            ("A1", "90", "80", "按 8÷10 计算为 80%，文中写的是 90%"),
        ),
        (  # the whole in the sentence before: the last count accepted, not the one received
            "收到行政复议申请14件，受理10件。审结行政复议案件8件，审结率为90%。",
            ("A1", "90", "80", "按 8÷10 计算为 80%，文中写的是 90%"),
        ),
        ("行政诉讼案件20件，败诉1件，败诉率10%。", ("A1", "10", "5", "按 1÷20 计算为 5%，文中写的是 10%")),
    ],
)
def test_a_rate_recomputed_from_its_part_and_whole(text, expected):
    assert spots(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "全年组织新提拔干部162人参加任前考法，其中女性干部40人，合格率95%。",
        "办理行政诉讼案件30件，其中败诉2件，群众满意率98%。",
        "行政复议案件20件，其中纠错3件，调解2件，纠错率15%。",  # three counts: which is the whole?
        "收到行政复议申请14件，不予受理4件。审结行政复议案件8件，审结率为80%。",  # 收到 is not what 审结率 is of
        "受理10件。审结8件，其中维持5件，审结率为80%。",  # the rate's sentence has more than its part
        "受理10件，审结8件。审结率为80%。",  # the part is not in the rate's sentence
        "开展培训10场次，参训8人次，参训率80%。",
        "受理10件，审结8件，审结率80%，比上年提高5个百分点。",
    ],
)
def test_a_rate_not_recomputed_from_counts_it_is_not_the_share_of(text):
    assert check_arithmetic(1, text) == []


def test_a_part_larger_than_its_whole():
    assert spots("受理行政复议案件10件，审结12件。") == [
        ("A4", "12件", "", "“审结12件”多于“受理行政复议案件10件”：办结、审结的不应多于受理的（含上年结转的请写明）")
    ]
    (finding,) = check_arithmetic(1, "受理12件，办结15件，办结率100%。")
    assert (finding.rule, finding.severity) == ("A4", "error")


@pytest.mark.parametrize(
    "text",
    [
        "受理10件，审结12件（含上年结转3件）。",
        "受理10件，结转上年案件4件，审结12件。",
        "今年受理10件，累计办结12件。",
        "受理10件。审结12件。",  # another sentence: not said to be of the same cases
        "受理10件，审结12人。",
        "审结12件，受理10件。",  # the part before the whole: not said which is of which
        "受理10件，未审结12件。",
    ],
)
def test_a_part_larger_than_its_whole_where_that_is_legitimate(text):
    assert check_arithmetic(1, text) == []


def test_a_rate_change_written_in_percent_is_found_only_for_that_rate():
    assert [f[0] for f in spots("出庭应诉率由79.39%提高至96.91%，同比增长18.56%。")] == ["A2"]  # seed 001
    assert [f[0] for f in spots("复议纠错率由10%下降至8%，比去年下降2%。")] == ["A2"]
    assert spots("群众满意率由95%提升至98%，办件量增长3%。") == []
    assert spots("群众满意率由95%提升至98%，同比增长3.16%。") == []  # the relative growth, right


def test_year_on_year_with_both_years_named():
    assert spots("2024年受理行政复议案件45件，2023年受理40件，同比增长15%。") == [
        ("A3", "增长15%", "增长13%", "由 40件 到 45件，按（45−40）÷40 计算为增长13%，文中写的是增长15%")
    ]
    assert spots("2023年受理40件，2024年受理36件，同比增长10%。") == [
        ("A3", "增长10%", "下降10%", "由 40件 到 36件，按（36−40）÷40 计算为下降10%，文中写的是增长10%")
    ]
    assert spots("2024年受理行政复议案件45件，2023年受理40件，同比增长12.5%。") == []
    assert spots("2024年受理45件，2021年受理40件，增长15%。") == []  # not consecutive: not 同比


def test_a_long_paragraph_is_checked_well_under_100_ms():
    from pathlib import Path

    from reportgen.reader import assemble
    from reportgen.reader.lines import RawLine
    from reportgen.review import check_report

    sentence = (
        "2024年受理行政复议案件45件，2023年受理40件，同比增长12.5%，审结8件，审结率80%，"
        "坚持依法行政，坚持依法行政，为了了解情况，出庭应诉率由80%提高至90%，增长10%。"
    )
    paragraph = (sentence * (10_000 // len(sentence) + 1))[:10_000]
    report = assemble(
        Path("报告.txt"), "text", [RawLine("某县2024年度法治政府建设工作报告"), RawLine(paragraph)], "utf-8"
    )
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        check_report(report)
        runs.append(time.perf_counter() - start)
    assert sorted(runs)[2] < 0.1


# ---------------------------------------------------------------- A5: a change given in 个百分点


def test_a_wrong_number_of_points_is_corrected_with_the_rates_used():
    (finding,) = [
        f for f in check_arithmetic(1, "出庭应诉率由79.39%提高至96.91%，提高18.56个百分点。") if f.rule == "A5"
    ]
    assert finding.correction == "提高17.52个百分点"
    assert finding.message == "由 79.39% 到 96.91% 应为“提高17.52个百分点”，文中写的是“提高18.56个百分点”"


def test_points_in_the_wrong_direction_are_found():
    (finding,) = [f for f in check_arithmetic(1, "纠错率由10%下降至8%，同比提高2个百分点。") if f.rule == "A5"]
    assert finding.correction == "下降2个百分点"


@pytest.mark.parametrize(
    "sentence",
    [
        "出庭应诉率由79.39%提高至96.91%，同比提高17.52个百分点。",
        "纠错率由10%下降至8%，下降2个百分点。",
        "覆盖率由95.5%提高到98%，提高2.5个百分点。",
        "覆盖率由95.55%提高到98%，提高2.5个百分点。",  # 2.45 rounds to 2.5 at one decimal
    ],
)
def test_correct_points_are_left_alone(sentence):
    assert [f.rule for f in check_arithmetic(1, sentence) if f.rule == "A5"] == []


# ---------------------------------------------------------------- build's screens (review.proofread)


def _variants(phrase: str, seed: int) -> list[str]:
    """The phrase with one to three characters inserted, deleted or replaced, in a little context:
    slips the dictionary rules find, and spans they pass over."""
    rng = random.Random(seed)
    alphabet = phrase + "法治政府建设年度报告的了，、。 ()（）"
    variants = []
    for _ in range(150):
        chars = list(phrase)
        for _ in range(rng.randint(1, 3)):
            at, char = rng.randrange(len(chars)), rng.choice(alphabet)
            chars[at : at + 1] = rng.choice(([char, chars[at]], [], [char]))
        context = ["".join(rng.choices(alphabet, k=rng.randint(0, 4))) for _ in range(2)]
        variants.append((context[0] + "".join(chars) + context[1]).strip())
    return [variant for variant in variants if variant]


SCREENED = [
    "会议，，研究部署。",
    "推进 建设工作，取得成效。",
    "我们要要坚持依法行政，坚持依法行政，推动发展。",
    "听取听取汇报，的的确确。",
    "全年受理案件10件，审结12件。",
    "审结率为95%，受理20件，审结19件。",
    "由40件增加到45件，增长15%。",
    *(form for entry in ENTRIES for replaced in (*entry.outdated, *entry.misspelt) for form in [replaced.form]),
    *(variant for index, phrase in enumerate(PHRASES) for variant in _variants(phrase, index)),
]


def test_screens_rule_out_only_paragraphs_without_findings():
    """proofread runs a rule only on the paragraphs its screen keeps: every paragraph in which
    the rule finds something must be kept, alone or among others (a screen reads them joined)."""
    from reportgen.review import _PUBLISHED_RULES
    from reportgen.review.text import Joined

    joined = Joined(SCREENED)
    for rule, suspects in _PUBLISHED_RULES:
        kept = suspects(joined)
        with_findings = {index for index, text in enumerate(SCREENED) if rule(index + 1, text)}
        assert with_findings <= kept, (rule.__name__, [SCREENED[index] for index in with_findings - kept])
        assert all(suspects(Joined([SCREENED[index]])) == {0} for index in with_findings), rule.__name__


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["听取听取汇报。", "人大、政府、政协各负其责。", "2020年共2020件", "依法行政"],
        ["𠀀𠀀听取汇报。", "坚持依法依法行政。", "有场所、有窗口"],
    ],
)
def test_the_repeats_screen_keeps_the_paragraphs_with_a_word_twice(paragraphs):
    """Paragraphs where characters recur a little later (人大、政府、政协) but no word is written
    twice are ruled out; characters beyond U+FFFF shift nothing."""
    import re

    from reportgen.review.repeats import suspects
    from reportgen.review.text import Joined

    twice = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
    expected = {index for index, text in enumerate(paragraphs) if twice.search(text)}
    assert expected
    assert suspects(Joined(paragraphs)) == expected


def test_a_part_above_its_whole_is_found_across_a_line_break_within_a_paragraph():
    # check_arithmetic's sentences end at 。；！？ only; a line break ends one only where build's
    # screen joins paragraphs with them.
    assert [finding.rule for finding in check_arithmetic(1, "受理案件10件，\n审结12件")] == ["A4"]
