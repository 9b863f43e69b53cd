"""Figures in the sentences reports use, as standard indicators (schema/indicators.py).

Each rule is a pattern around one number ("收到行政复议申请{N}件") for one field. Short
patterns that several groups share ("受理{N}件", "撤销{N}件") count only under their topic:
the group whose words ("行政复议", "应诉", "调解" …) came last before the number in the same
item's text. A figure is taken once per profile (the first time it is stated), as a profile
may state it only once; a rate is left out when its counts are there (reportgen computes it).
Everything found keeps its text as written: the figures are marked `in_text: true`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportgen.schema.base import RateOf
from reportgen.schema.indicators import INDICATOR_GROUPS

_N = r"(?P<n>\d+(?:\.\d+)?)(?P<scale>万|亿)?(?P<approx>余|多)?"
_P = r"(?:(?P<n>\d+(?:\.\d+)?)\s*[%％](?P<above>以上)?|(?P<hundred>百分之百))"
_L = r"(?P<l>\d+(?:\.\d+)?)\s*[%％]"
_GAP = "[^，,。；;！？\\d]"

# Words that make a group the topic of what follows them.
TOPICS = {
    "study": "学法|常务会议|法治讲座|考法|学习法律",
    "normative_documents": "规范性文件",
    "legal_advisers": "法律顾问|公职律师",
    "administrative_reconsideration": "行政复议|复议",
    "administrative_litigation": "行政诉讼|应诉|诉讼案件|出庭",
    "mediation": "调解|矛盾纠纷|纠纷",
    "legal_publicity": "普法|法治宣传|宣传",
    "hotline": "12345|热线",
}
MEDIATION_KINDS = re.compile("行业性专业性调解|人民调解|行政调解|司法调解")


@dataclass(frozen=True)
class Rule:
    group: str
    fields: tuple[str, ...]
    pattern: re.Pattern[str]
    topic: bool  # counts only where its group is the topic
    context: re.Pattern[str] | None = None  # must appear in the 30 characters before


def _rule(group: str, fields: str, pattern: str, *, topic: bool = False, context: str = "") -> Rule:
    text = pattern.replace("{N}", _N).replace("{P}", _P).replace("{L}", _L).replace("{G}", _GAP)
    return Rule(group, tuple(fields.split()), re.compile(text), topic, re.compile(context) if context else None)


_RECONSIDERATION, _LITIGATION = "administrative_reconsideration", "administrative_litigation"

# One rule a line: the table is read down its columns.
# fmt: off
RULES: tuple[Rule, ...] = (
    # 学法 (第一责任人, 领导干部学法)
    _rule("study", "standing_meeting_sessions", r"常务会议(?:学法)?{N}(?:场次|次)", topic=True),
    _rule("study", "laws_studied", r"学习法律法规{N}部"),
    _rule("study", "lectures", r"法治(?:专题)?讲座{N}场次?"),
    _rule("study", "lecture_attendance", r"法治(?:专题)?讲座\d+场次?[，,]?参加{N}人次"),
    _rule("study", "exam_takers", r"{N}名新提拔(?:领导)?干部参加任前"),
    _rule("study", "exam_participation_rate exam_pass_rate", r"参考率、(?:及格|合格)率均[在达为]{P}", context="任前"),
    _rule("study", "annual_exam_participation_rate", r"参考率(?:达到?|为|在)?{P}", context="年度|在线"),
    _rule("study", "annual_exam_pass_rate", r"(?:及格|合格)率(?:达到?|为|在)?{P}", context="年度|在线"),
    _rule("study", "online_study_rate", r"在线学法率(?:达到?|为)?{P}"),
    # 政务服务
    _rule("government_services", "cases_handled", r"办理政务服务事项{N}件"),
    _rule("government_services", "on_time_rate", r"按期办结率(?:达到?|为)?{P}"),
    _rule("government_services", "reviews", r"好差评”?(?:数|评价)?{N}条"),
    _rule("government_services", "positive_rate", r"好评率(?:达到?|为)?{P}"),
    _rule("government_services", "cross_province_items", r"跨省通办(?:政务服务)?事项共?{N}项"),
    _rule("government_services", "cross_province_cases", r"办结{G}{0,6}跨省通办事项共?{N}件"),
    # 重大行政决策
    _rule("major_decisions", "catalogue_items", r"重大行政决策(?:事项)?目录{N}项"),
    _rule("major_decisions", "completed", r"已完成(?:决策)?程序(?:并实施)?{N}项"),
    # 行政规范性文件
    _rule("normative_documents", "issued", r"制定(?:出台)?(?:行政)?规范性文件{N}件"),
    _rule("normative_documents", "reviewed", r"(?:合法性)?(?:审核|报审|审查)(?:行政)?规范性文件{N}件"),
    _rule("normative_documents", "filed", r"(?:报送)?备案(?:登记|审查)?{N}件", topic=True),
    _rule("normative_documents", "cleaned_up", r"清理{G}{0,8}?规范性文件{N}件"),
    _rule("normative_documents", "retained", r"(?:拟)?保留{N}件", topic=True),
    _rule("normative_documents", "retained", r"继续有效{N}件", topic=True),
    _rule("normative_documents", "amended", r"(?:需)?修改(?:完善)?{N}件", topic=True),
    _rule("normative_documents", "repealed", r"(?:拟)?废止{N}件", topic=True),
    _rule("normative_documents", "invalidated", r"(?:宣布)?失效{N}件", topic=True),
    # 合法性审查
    _rule("legality_review", "reviews", r"合法性(?:审核|审查){N}件"),
    # 法律顾问与公职律师
    _rule("legal_advisers", "advisers", r"(?:聘请|聘任|聘用)(?:了)?(?:常年)?法律顾问{N}(?:人|名)"),
    _rule("legal_advisers", "public_lawyers", r"(?:设立|配备)?公职律师{N}(?:人|名)"),
    _rule("legal_advisers", "legal_opinions", r"法律意见{N}条", topic=True),
    _rule("legal_advisers", "written_opinions", r"法律意见(?:书)?{N}份", topic=True),
    _rule("legal_advisers", "coverage_rate", r"法律顾问(?:覆盖率)?(?:达到?|为)?{P}(?:全)?覆盖"),
    # 行政执法
    _rule("law_enforcement", "officers", r"{N}名(?:持证)?行政执法人员"),
    _rule("law_enforcement", "officers", r"持证(?:行政)?执法人员{N}(?:人|名)"),
    _rule("law_enforcement", "trainees", r"执法人员{N}人次?{G}{0,12}培训"),
    _rule("law_enforcement", "discretion_standards", r"{N}项行政处罚裁量基准"),
    _rule("law_enforcement", "supervision_inspections", r"行政执法监督(?:工作|检查){N}次"),
    _rule("law_enforcement", "case_files_reviewed", r"评查(?:行政执法)?案卷{N}(?:卷|件|份)"),
    # 行政复议
    _rule(_RECONSIDERATION, "received", r"收到(?:行政复议)?申请{N}件"),
    _rule(_RECONSIDERATION, "received", r"新收(?:行政复议)?(?:案件|申请)?{N}件", topic=True),
    _rule(_RECONSIDERATION, "accepted", r"(?<!不予)受理(?:行政复议)?(?:案件|申请)?{N}件", topic=True),
    _rule(_RECONSIDERATION, "rejected", r"不予受理{N}件", topic=True),
    _rule(_RECONSIDERATION, "referred", r"告知(?:管辖权|申请人向有管辖权的机关申请|向有权机关申请){N}件", topic=True),
    _rule(_RECONSIDERATION, "concluded", r"(?:审结|办结)(?:行政复议)?(?:案件)?{N}件", topic=True),
    _rule(_RECONSIDERATION, "pending", r"正在审理{N}件", topic=True),
    _rule(_RECONSIDERATION, "upheld", r"维持(?:原行政行为)?(?:的案件有)?{N}件", topic=True),
    _rule(_RECONSIDERATION, "dismissed", r"驳回(?:复议请求|行政复议申请)?{N}件", topic=True),
    _rule(_RECONSIDERATION, "revoked", r"撤销{N}件", topic=True),
    _rule(_RECONSIDERATION, "varied", r"变更{N}件", topic=True),
    _rule(_RECONSIDERATION, "confirmed_illegal", r"确认违法{N}件", topic=True),
    _rule(_RECONSIDERATION, "ordered_to_perform", r"责令履行{N}件", topic=True),
    _rule(_RECONSIDERATION, "terminated", r"终止(?:案件有)?{N}件", topic=True),
    _rule(_RECONSIDERATION, "mediated", r"调解(?:、和解)?(?:结案)?{N}件", topic=True),
    _rule(_RECONSIDERATION, "hearings", r"听证会{N}次", topic=True),
    _rule(_RECONSIDERATION, "correction_rate", r"纠错率(?:为|达到?)?{P}", topic=True),
    # 行政诉讼
    _rule(_LITIGATION, "cases", r"(?:收|受理|收到)(?:行政)?(?:诉讼|应诉)案件{N}[件起]"),
    _rule(_LITIGATION, "cases", r"行政诉讼(?:一审)?(?:案件|收案){N}[件起]"),
    _rule(_LITIGATION, "cases", r"一审收案{N}件"),
    _rule(_LITIGATION, "concluded", r"一审结案{N}件"),
    _rule(_LITIGATION, "concluded", r"审结{N}件", topic=True),
    _rule(_LITIGATION, "pending", r"未结{N}件", topic=True),
    _rule(_LITIGATION, "revoked", r"撤销{N}件", topic=True),
    _rule(_LITIGATION, "varied", r"变更{N}件", topic=True),
    _rule(_LITIGATION, "confirmed_illegal", r"确认违法{N}件", topic=True),
    _rule(_LITIGATION, "ordered_to_perform", r"责令履行{N}件", topic=True),
    _rule(_LITIGATION, "claims_dismissed", r"驳回(?:诉求|诉讼请求|原告诉讼请求){N}件"),
    _rule(_LITIGATION, "suit_dismissed", r"驳回起诉{N}件"),
    _rule(_LITIGATION, "withdrawn", r"撤诉{N}[件起]", topic=True),
    _rule(_LITIGATION, "mediated", r"调解结案{N}件", topic=True),
    _rule(_LITIGATION, "transferred", r"移送{N}件", topic=True),
    _rule(_LITIGATION, "lost", r"败诉{N}件", topic=True),
    _rule(_LITIGATION, "head_required", r"应出庭(?:应诉)?{N}件"),
    _rule(_LITIGATION, "head_appeared", r"实际出庭(?:应诉)?{N}件"),
    _rule(_LITIGATION, "head_appearance_rate", r"出庭应诉率由{L}(?:提高|上升|提升|增长|增加)(?:到|至){P}"),
    _rule(_LITIGATION, "head_appearance_rate", r"出庭应诉率?(?:为|达到?|达)?{P}"),
    # 调解
    _rule("mediation", "committees", r"(?:人民)?调解委员会{N}个"),
    _rule("mediation", "accepted", r"受理(?:化解)?(?:各类)?(?:矛盾)?纠纷{N}[件起]"),
    _rule("mediation", "accepted", r"(?:受理)?(?:行政)?调解(?:各类)?案件{N}[件起]"),
    _rule("mediation", "accepted", r"排查(?:各类)?(?:矛盾)?纠纷{N}[件起]"),
    _rule("mediation", "successful", r"调解成功{N}[件起]"),
    _rule("mediation", "successful", r"(?:化解|结案){N}[件起]", topic=True),
    _rule("mediation", "success_rate", r"调解(?:成功)?率(?:为|达到?)?{P}"),
    _rule("mediation", "people_involved", r"涉及(?:人数)?{N}人", topic=True),
    _rule("mediation", "amount_involved", r"涉及金额{N}元", topic=True),
    # 普法
    _rule("legal_publicity", "events", r"普法(?:宣传)?(?:活动)?{N}(?:场次|场|次)"),
    _rule("legal_publicity", "events", r"(?:宣传|培训)活动{N}(?:场次|场|次)", topic=True),
    _rule("legal_publicity", "audience", r"(?:受教育|受众)(?:群众)?{N}人次"),
    _rule("legal_publicity", "audience", r"活动\d+(?:\.\d+)?万?余?场次{N}人次", topic=True),
    _rule("legal_publicity", "materials", r"发放(?:普法)?宣传(?:材料|资料){N}份"),
    _rule("legal_publicity", "consultations", r"解答(?:法律)?咨询{N}次"),
    # 政务公开
    _rule("government_transparency", "proactive_disclosures", r"主动公开(?:政府)?信息{N}条"),
    _rule("government_transparency", "published_items", r"发布(?:各类)?(?:政务)?(?:信息|动态){N}条"),
    _rule("government_transparency", "requests", r"(?:依申请公开|政府信息公开申请){N}件"),
    # 应急管理
    _rule("emergency_management", "master_plans_revised", r"修订总体应急预案{N}个"),
    _rule("emergency_management", "special_plans_revised", r"专项(?:应急)?预案{N}个"),
    _rule("emergency_management", "rescue_teams", r"应急救援队伍{N}支"),
    _rule("emergency_management", "rescue_members", r"应急救援队伍\d+支{N}人"),
    _rule("emergency_management", "drills", r"应急演练{N}次"),
    # 12345 热线
    _rule("hotline", "received", r"(?:受理|接收|接听|交办|转办){G}{0,12}?{N}件", topic=True),
    _rule("hotline", "completed", r"办结(?:了)?{G}{0,16}?{N}件", topic=True),
    _rule("hotline", "completion_rate", r"办结率(?:为|达到?)?{P}", topic=True),
    _rule("hotline", "satisfaction_rate", r"满意率(?:为|达到?)?{P}", topic=True),
)
# fmt: on


@dataclass(frozen=True)
class Found:
    """One figure found in a text: where, which indicator, its value as a profile writes it."""

    start: int
    group: str
    field: str
    value: int | float | str
    last_year: int | float | str | None = None  # "由79.39%提高至96.91%": last year's value
    kind: str = ""  # for mediation: 人民调解, 行政调解 … named in the same sentence


def find_figures(text: str) -> list[Found]:
    """Every standard figure stated in `text` (one item's words), in the order stated; where two
    rules read the same number, the one stated more fully (the earlier rule) wins."""
    topics = sorted((match.start(), group) for group, words in TOPICS.items() for match in re.finditer(words, text))
    found: dict[int, Found] = {}
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            start = match.start("n") if match.group("n") else match.start()
            if start in found or not _applies(rule, text, start, topics):
                continue
            value = _value(rule, match)
            if value is None:
                continue
            last = _percent(match["l"], None, False) if "l" in match.groupdict() and match["l"] else None
            kind = _kind(text, start) if rule.group == "mediation" else ""
            for name in rule.fields:
                found[start + rule.fields.index(name) * 1_000_000] = Found(start, rule.group, name, value, last, kind)
    return [found[key] for key in sorted(found, key=lambda key: (found[key].start, key))]


def _applies(rule: Rule, text: str, start: int, topics: list[tuple[int, str]]) -> bool:
    if rule.context is not None and not rule.context.search(text[max(0, start - 30) : start]):
        return False
    if not rule.topic:
        return True
    before = [group for position, group in topics if position < start]
    return bool(before) and before[-1] == rule.group


def _value(rule: Rule, match: re.Match[str]) -> int | float | str | None:
    groups = match.groupdict()
    if "hundred" in groups or "above" in groups:
        return _percent(groups.get("n"), groups.get("hundred"), bool(groups.get("above")))
    number, scale, approx = groups["n"], groups.get("scale") or "", groups.get("approx") or ""
    if "." in number and not scale:
        return None  # a count is whole; "12.319公顷" is not one
    if scale or approx:
        return f"{number}{scale}{'余' if approx else ''}"
    return int(number)


def _percent(number: str | None, hundred: str | None, above: bool) -> int | float | str | None:
    if hundred:
        return 100
    if number is None:
        return None
    value = Decimal(number)
    if above:
        return f"{number}%以上"
    return int(value) if value == value.to_integral_value() else float(number)


def _kind(text: str, start: int) -> str:
    """The kind of mediation named nearest before the figure in its sentence ("行业性专业性调解委员会受理……")."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in "。；;") + 1
    clause_start = max(text.rfind(mark, 0, start) for mark in "，,") + 1
    kinds = list(MEDIATION_KINDS.finditer(text, max(sentence_start, clause_start), start + 1))
    if kinds:
        return kinds[-1].group()
    first = MEDIATION_KINDS.search(text, sentence_start, start + 1)
    return first.group() if first else ""


def computed_rates(group: str) -> list[tuple[str, tuple[str, ...]]]:
    """The rates of a group that reportgen computes, each with the counts it needs."""
    rules = INDICATOR_GROUPS[group].RULES
    return [(rule.rate, (*rule.numerator, *rule.denominator)) for rule in rules if isinstance(rule, RateOf)]
