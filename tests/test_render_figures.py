"""Sentences written from figures (templates/figures/*.j2 through GroupView.say): every field
of every group, at every level, held in reviewed goldens; and the rules of a phrase.

After a deliberate change of wording, refresh with `pytest --update-golden` and read every
line of tests/testdata/golden/figures/ before committing: right scope word, right unit.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL, REPO
from reportgen.document import Heading, Paragraph
from reportgen.render.context import GroupView, render_document
from reportgen.schema.indicators import INDICATOR_GROUPS

GOLDEN = REPO / "tests" / "testdata" / "golden" / "figures"

LEVELS = {
    "township": ("土城子乡", "乡镇"),
    "county": ("托克逊县", "县"),
    "prefecture": ("喀什地区", "地区"),
    "province": ("新疆维吾尔自治区", "省"),
    "department": ("托克逊县司法局", "部门"),
}

# Every count typed; rates typed only where no count gives them (the others are computed).
FIGURES = """\
achievements:
  areas:
    - title: 各项数字
      figures:
        study:
          standing_meeting_sessions: 15
          laws_studied: 15
          lectures: 17
          lecture_attendance: 7000余
          exam_takers: 162
          exam_passed: 160
          exam_participation_rate: "95%以上"
          online_study_rate: 100
          annual_exam_participation_rate: 98
          annual_exam_pass_rate: 100
        government_services:
          items: 911
          cases_handled: 53503
          cases_on_time: 53503
          reviews: 33528
          positive_reviews: 33520
          cross_province_items: 101
          cross_province_cases: 31541
        major_decisions:
          catalogue_items: 6
          completed: 1
        normative_documents:
          issued: 5
          reviewed: 5
          filed: 5
          cleaned_up: 26
          retained: 19
          amended: 4
          repealed: 2
          invalidated: 1
        legality_review:
          reviews: 96
        legal_advisers:
          advisers: 384
          public_lawyers: 100
          legal_opinions: 32
          written_opinions: 18
          coverage_rate: 100
        law_enforcement:
          officers: 5235
          training_sessions: 3
          trainees: 1800余
          case_files_reviewed: 120
          discretion_standards: 3386
          supervision_inspections: 2
        administrative_reconsideration:
          received: 16
          accepted: 12
          rejected: 2
          referred: 2
          concluded: 10
          pending: 2
          upheld: 2
          dismissed: 1
          revoked: 1
          varied: 1
          confirmed_illegal: 1
          ordered_to_perform: 1
          mediated: 2
          terminated: 1
          hearings: 4
        administrative_litigation:
          cases: 137
          concluded: 108
          pending: 29
          revoked: 6
          varied: 1
          confirmed_illegal: 14
          ordered_to_perform: 5
          claims_dismissed: 30
          suit_dismissed: 25
          withdrawn: 24
          mediated: 2
          transferred: 1
          lost: 26
          head_required: 80
          head_appeared: 67
        mediation:
          - kind: 人民调解
            committees: 12
            accepted: 46
            successful: 44
            people_involved: 104
            amount_involved: 2.78万
          - kind: 行政调解
            accepted: 80
            successful: 76
        legal_publicity:
          events: 12
          audience: 5000余
          materials: 3000余
          consultations: 50余
        government_transparency:
          published_items: 1380
          proactive_disclosures: 1580
          requests: 3
        emergency_management:
          master_plans_revised: 1
          special_plans_revised: 6
          rescue_teams: 16
          rescue_members: 2136
          drills: 8
        hotline:
          received: 71
          completed: 71
          satisfaction_rate: 98.5
last_year:
  figures:
    administrative_reconsideration:
      received: 10
    administrative_litigation:
      head_appearance_rate: 79.39
"""


def _profile(level: str) -> str:
    name, word = LEVELS[level]
    return MINIMAL.replace("土城子乡", name).replace("level: 乡镇", f"level: {word}") + FIGURES


def _figure_fields(key: str) -> set[str]:
    group = INDICATOR_GROUPS[key]
    return {name for name in group.model_fields if group.phrase(name) is not None}


def _figure_paragraphs(document) -> list[str]:
    """The paragraphs of the area "各项数字": nothing but the sentences from its figures."""
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "各项数字")
    paragraphs = []
    for block in blocks[start + 1 :]:
        if isinstance(block, Heading):
            break
        assert isinstance(block, Paragraph), block
        paragraphs.append(block.text)
    return paragraphs


@pytest.mark.parametrize("level", sorted(LEVELS))
def test_every_figure_reads_as_its_golden_sentence(level, validate_text, update_golden):
    result = validate_text(_profile(level))
    assert result.errors == [], [d.message for d in result.errors]
    stated: dict[str, set[str]] = {}
    for group in result.report.groups:
        stated.setdefault(group.key, set()).update(group.figures)
    assert stated == {key: _figure_fields(key) for key in INDICATOR_GROUPS}  # every field, every group
    text = "\n".join(_figure_paragraphs(render_document(result.report))) + "\n"
    golden = GOLDEN / f"{level}.txt"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text
    for slip in ("，。", "。。", "，，", "None", "{", "}"):
        assert slip not in text


def test_the_jurisdictions_own_word_opens_its_counts(validate_text):
    expected = {
        "township": "全乡共有持证行政执法人员",
        "county": "全县共有持证行政执法人员",
        "prefecture": "全地区共有持证行政执法人员",
        "province": "全区共有持证行政执法人员",
        "department": "本局共有持证行政执法人员",
    }
    for level, opening in expected.items():
        document = render_document(validate_text(_profile(level)).report)
        assert any(p.startswith(opening) for p in _figure_paragraphs(document)), level


def test_a_scope_given_in_the_profile_wins(validate_text):
    text = _profile("department").replace("  level: 部门\n", "  level: 部门\n  scope: 全县\n")
    paragraphs = _figure_paragraphs(render_document(validate_text(text).report))
    assert any(p.startswith("全县共有持证行政执法人员5235人。") for p in paragraphs)
    assert not any("本局" in p for p in paragraphs)


def test_every_figure_field_has_a_phrase_stating_its_value():
    for key, group in INDICATOR_GROUPS.items():
        for name, info in group.model_fields.items():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            if extra.get("kind") not in ("count", "rate", "amount"):
                continue
            phrase = group.phrase(name)
            assert phrase is not None, f"{key}.{name} has no phrase"
            assert "{value}" in phrase.text, f"{key}.{name}"
            assert not phrase.short or "{value}" in phrase.short, f"{key}.{name}"
            assert "{scope}" not in phrase.short, f"{key}.{name}: the short form follows another figure"


# ---------------------------------------------------------------- GroupView.say


RECONSIDERATION = (
    MINIMAL.replace("土城子乡", "托克逊县").replace("level: 乡镇", "level: 县")
    + """\
achievements:
  areas:
    - title: 行政复议
      figures:
        administrative_reconsideration:
          accepted: 10
          concluded: 8
          pending: 2
          upheld: 3
          terminated: 5
"""
)


def _view(validate_text, text: str = RECONSIDERATION) -> GroupView:
    result = validate_text(text)
    assert result.errors == [], [d.message for d in result.errors]
    [group] = result.report.groups
    return GroupView(group, {}, result.report.profile.jurisdiction.scope_word)


def test_say_words_the_first_figure_in_full_and_the_rest_short(validate_text):
    g = _view(validate_text)
    # 收到 is not stated: 受理 opens the sentence and says what was accepted.
    assert g.say("received", "accepted", "concluded", "pending") == "受理行政复议申请10件，审结8件，正在审理2件"
    assert g.say("concluded") == "审结行政复议案件8件"


def test_say_with_a_lead_words_every_figure_short(validate_text):
    g = _view(validate_text)
    # 驳回, 撤销 … are 0 only because 维持 + 终止 fill 审结: nobody stated them.
    assert (
        g.say("upheld", "dismissed", "revoked", "terminated", lead="审结的案件中，") == "审结的案件中，维持3件，终止5件"
    )
    assert g.say("dismissed", "revoked", lead="审结的案件中，") == ""


def test_say_adds_the_year_on_year_change(validate_text):
    text = RECONSIDERATION.replace("accepted: 10", "received: 14\n          accepted: 10") + (
        "last_year:\n  figures:\n    administrative_reconsideration:\n      received: 10\n"
    )
    result = validate_text(text)
    [group] = result.report.groups
    [change] = result.report.changes
    g = GroupView(group, {change.name: change}, "全县")
    assert g.say("received", "accepted") == "收到行政复议申请14件，同比增长40%，受理10件"


def test_say_names_an_unknown_figure(validate_text):
    g = _view(validate_text)
    with pytest.raises(ValueError) as raised:
        g.say("recieved")
    assert str(raised.value) == "administrative_reconsideration has no figure named 'recieved'"
