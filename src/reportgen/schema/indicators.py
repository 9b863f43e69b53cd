"""The catalogue of standard indicators: the figures reports state, with title and unit.

Rates are declared as RateOf rules and computed from their counts (derive.py); a rate
field is typed only where a report states a rate without counts. Part/whole rules are
checked in checks/figures.py. Definitions follow ../shared/DOMAIN_NOTES.md §4.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field

from reportgen.schema.base import (
    AtMost,
    Count,
    IndicatorGroup,
    Percent,
    ProfileModel,
    RateOf,
    SumOf,
    Text,
    count,
    field,
    percent,
)
from reportgen.schema.values import Amount


class Study(IndicatorGroup):
    model_config = ConfigDict(title="学法")

    standing_meeting_sessions: Count | None = count("常务会议学法次数", "次")
    laws_studied: Count | None = count("常务会议学习法律法规数", "部")
    lectures: Count | None = count("法治讲座场次", "场次")
    lecture_attendance: Count | None = count("法治讲座参加人次", "人次")
    exam_takers: Count | None = count("任前考法人数", "人", "参加任前法律知识考试的新提拔干部人数")
    exam_passed: Count | None = count("任前考法合格人数", "人")
    exam_participation_rate: Percent | None = percent("任前考法参考率")
    exam_pass_rate: Percent | None = percent("任前考法合格率", "合格人数 ÷ 参考人数，有人数时自动计算")
    online_study_rate: Percent | None = percent("国家工作人员在线学法率")
    annual_exam_participation_rate: Percent | None = percent("年度学法考试参考率")
    annual_exam_pass_rate: Percent | None = percent("年度学法考试及格率")

    RULES = (
        AtMost("exam_passed", "exam_takers"),
        RateOf("exam_pass_rate", ("exam_passed",), ("exam_takers",), "合格人数 ÷ 参考人数"),
    )


class GovernmentServices(IndicatorGroup):
    model_config = ConfigDict(title="政务服务")

    items: Count | None = count("政务服务事项数", "项")
    cases_handled: Count | None = count("政务服务办件量", "件")
    cases_on_time: Count | None = count("按期办结件数", "件")
    on_time_rate: Percent | None = percent("按期办结率", "按期办结件数 ÷ 办件量，有件数时自动计算")
    reviews: Count | None = count("“好差评”评价数", "条")
    positive_reviews: Count | None = count("好评数", "条")
    positive_rate: Percent | None = percent("好评率", "好评数 ÷ 评价数，有条数时自动计算")
    cross_province_items: Count | None = count("跨省通办事项数", "项")
    cross_province_cases: Count | None = count("跨省通办办件量", "件")

    RULES = (
        AtMost("cases_on_time", "cases_handled"),
        AtMost("positive_reviews", "reviews"),
        RateOf("on_time_rate", ("cases_on_time",), ("cases_handled",), "按期办结件数 ÷ 办件量"),
        RateOf("positive_rate", ("positive_reviews",), ("reviews",), "好评数 ÷ 评价数"),
    )


class MajorDecisions(IndicatorGroup):
    model_config = ConfigDict(title="重大行政决策")

    catalogue_items: Count | None = count("列入年度目录的重大行政决策事项", "项")
    completed: Count | None = count("已完成程序的事项", "项")

    RULES = (AtMost("completed", "catalogue_items"),)


class NormativeDocuments(IndicatorGroup):
    model_config = ConfigDict(title="行政规范性文件")

    issued: Count | None = count("制定行政规范性文件", "件")
    reviewed: Count | None = count("合法性审核行政规范性文件", "件")
    filed: Count | None = count("报送备案", "件")
    filing_rate: Percent | None = percent("报备率", "报送备案件数 ÷ 制定件数，有件数时自动计算")
    cleaned_up: Count | None = count("清理行政规范性文件", "件", "清理总数；分项都填写时自动合计，不必填写")
    retained: Count | None = count("清理后保留（继续有效）", "件")
    amended: Count | None = count("清理后修改", "件")
    repealed: Count | None = count("清理后废止", "件")
    invalidated: Count | None = count("清理后宣布失效", "件")

    RULES = (
        AtMost("filed", "issued"),
        RateOf("filing_rate", ("filed",), ("issued",), "报送备案件数 ÷ 制定件数"),
        SumOf("cleaned_up", ("retained", "amended", "repealed", "invalidated")),
    )


class LegalityReview(IndicatorGroup):
    model_config = ConfigDict(title="合法性审查")

    reviews: Count | None = count("合法性审查件数", "件", "对政府合同、重大决策、涉法事务等进行合法性审查的件数")


class LegalAdvisers(IndicatorGroup):
    model_config = ConfigDict(title="法律顾问与公职律师")

    advisers: Count | None = count("法律顾问人数", "人")
    public_lawyers: Count | None = count("公职律师人数", "人")
    legal_opinions: Count | None = count("提供法律意见", "份")
    coverage_rate: Percent | None = percent("党政机关法律顾问覆盖率")


class LawEnforcement(IndicatorGroup):
    model_config = ConfigDict(title="行政执法")

    officers: Count | None = count("行政执法人员数", "人")
    training_sessions: Count | None = count("执法培训场次", "场次")
    trainees: Count | None = count("执法培训人次", "人次")
    case_files_reviewed: Count | None = count("行政执法案卷评查", "卷")
    discretion_standards: Count | None = count("行政裁量基准", "项")
    supervision_inspections: Count | None = count("行政执法监督检查", "次")


class AdministrativeReconsideration(IndicatorGroup):
    model_config = ConfigDict(title="行政复议")

    received: Count | None = count("收到行政复议申请", "件")
    accepted: Count | None = count("受理", "件")
    rejected: Count | None = count("不予受理", "件")
    referred: Count | None = count("告知向有权机关申请", "件", "告知申请人向有管辖权的机关申请的件数")
    concluded: Count | None = count("审结", "件")
    pending: Count | None = count("正在审理", "件")
    upheld: Count | None = count("维持", "件")
    dismissed: Count | None = count("驳回", "件")
    revoked: Count | None = count("撤销", "件")
    varied: Count | None = count("变更", "件")
    confirmed_illegal: Count | None = count("确认违法", "件")
    ordered_to_perform: Count | None = count("责令履行", "件")
    mediated: Count | None = count("调解、和解结案", "件")
    terminated: Count | None = count("终止", "件")
    hearings: Count | None = count("听证会", "次")
    conclusion_rate: Percent | None = percent("审结率", "审结 ÷ 受理，有件数时自动计算")
    correction_rate: Percent | None = percent(
        "纠错率",
        "（撤销 + 变更 + 确认违法 + 责令履行）÷ 作出实体决定的件数（维持、驳回与上述四项之和）；"
        "有件数时自动计算，否则可直接填写报告所给比率",
    )

    RULES = (
        SumOf("received", ("accepted", "rejected", "referred")),
        SumOf("accepted", ("concluded", "pending")),
        SumOf(
            "concluded",
            (
                "upheld",
                "dismissed",
                "revoked",
                "varied",
                "confirmed_illegal",
                "ordered_to_perform",
                "mediated",
                "terminated",
            ),
        ),
        RateOf("conclusion_rate", ("concluded",), ("accepted",), "审结 ÷ 受理"),
        RateOf(
            "correction_rate",
            ("revoked", "varied", "confirmed_illegal", "ordered_to_perform"),
            ("upheld", "dismissed", "revoked", "varied", "confirmed_illegal", "ordered_to_perform"),
            "（撤销 + 变更 + 确认违法 + 责令履行）÷ 实体决定件数",
        ),
    )


class AdministrativeLitigation(IndicatorGroup):
    model_config = ConfigDict(title="行政诉讼")

    cases: Count | None = count("行政诉讼收案", "件")
    concluded: Count | None = count("一审结案", "件")
    pending: Count | None = count("未结", "件")
    revoked: Count | None = count("判决撤销", "件")
    varied: Count | None = count("判决变更", "件")
    confirmed_illegal: Count | None = count("判决确认违法", "件")
    ordered_to_perform: Count | None = count("判决责令履行", "件")
    claims_dismissed: Count | None = count("驳回诉讼请求", "件")
    suit_dismissed: Count | None = count("驳回起诉", "件")
    withdrawn: Count | None = count("撤诉", "件")
    mediated: Count | None = count("调解结案", "件")
    transferred: Count | None = count("移送", "件")
    lost: Count | None = count("败诉", "件")
    loss_rate: Percent | None = percent("败诉率", "败诉 ÷ 一审结案，有件数时自动计算")
    head_required: Count | None = count("负责人应出庭应诉", "件", "依法应当由行政机关负责人出庭应诉的开庭审理案件数")
    head_appeared: Count | None = count("负责人实际出庭应诉", "件")
    head_appearance_rate: Percent | None = percent(
        "负责人出庭应诉率", "实际出庭 ÷ 应出庭，有件数时自动计算；报告只给比率时直接填写"
    )

    RULES = (
        SumOf("cases", ("concluded", "pending")),
        SumOf(
            "concluded",
            (
                "revoked",
                "varied",
                "confirmed_illegal",
                "ordered_to_perform",
                "claims_dismissed",
                "suit_dismissed",
                "withdrawn",
                "mediated",
                "transferred",
            ),
        ),
        AtMost("lost", "concluded"),
        AtMost("head_appeared", "head_required"),
        RateOf("loss_rate", ("lost",), ("concluded",), "败诉 ÷ 一审结案"),
        RateOf("head_appearance_rate", ("head_appeared",), ("head_required",), "实际出庭 ÷ 应出庭"),
    )


class Mediation(IndicatorGroup):
    model_config = ConfigDict(title="调解")

    kind: Text = field(
        "调解类别",
        "如 人民调解、行政调解、行业性专业性调解、矛盾纠纷排查化解；同一报告有多类调解时用来区分",
    )
    committees: Count | None = count("调解委员会", "个")
    accepted: Count | None = count("受理（排查）矛盾纠纷", "件")
    successful: Count | None = count("调解成功（化解）", "件")
    success_rate: Percent | None = percent("调解成功率", "调解成功 ÷ 受理，有件数时自动计算")
    people_involved: Count | None = count("涉及人数", "人")
    amount_involved: Amount | None = Field(
        default=None,
        title="涉及金额",
        description="涉及金额（元），可写 2.78万",
        json_schema_extra={"unit": "元", "kind": "amount"},
    )

    RULES = (
        AtMost("successful", "accepted"),
        RateOf("success_rate", ("successful",), ("accepted",), "调解成功 ÷ 受理"),
    )


class LegalPublicity(IndicatorGroup):
    model_config = ConfigDict(title="普法")

    events: Count | None = count("普法宣传活动", "场次")
    audience: Count | None = count("受众", "人次")
    materials: Count | None = count("发放宣传资料", "份")
    consultations: Count | None = count("解答法律咨询", "次")


class GovernmentTransparency(IndicatorGroup):
    model_config = ConfigDict(title="政务公开")

    published_items: Count | None = count("政府网站发布信息", "条")
    proactive_disclosures: Count | None = count("主动公开政府信息", "条")
    requests: Count | None = count("依申请公开", "件")


class EmergencyManagement(IndicatorGroup):
    model_config = ConfigDict(title="应急管理")

    master_plans_revised: Count | None = count("修订总体应急预案", "个")
    special_plans_revised: Count | None = count("修订专项应急预案", "个")
    rescue_teams: Count | None = count("应急救援队伍", "支")
    rescue_members: Count | None = count("应急救援队员", "人")
    drills: Count | None = count("应急演练", "次")


class Hotline(IndicatorGroup):
    model_config = ConfigDict(title="12345 热线")

    received: Count | None = count("受理（交办）热线工单", "件")
    completed: Count | None = count("办结", "件")
    completion_rate: Percent | None = percent("办结率", "办结 ÷ 受理，有件数时自动计算")
    satisfaction_rate: Percent | None = percent("满意率")

    RULES = (
        AtMost("completed", "received"),
        RateOf("completion_rate", ("completed",), ("received",), "办结 ÷ 受理"),
    )


def _one_or_many(value: Any) -> Any:
    """`mediation:` may be one group or a list of groups (one per kind)."""
    return [value] if isinstance(value, dict) else value


class Figures(ProfileModel):
    """The standard indicators stated in one area or measure."""

    model_config = ConfigDict(title="数字")

    in_text: bool = Field(
        default=False,
        title="数字已写在正文中",
        description="正文已经写明这些数字时设为 true：系统照样核对和计算，但不再另外生成叙述数字的句子",
    )
    study: Study | None = field("学法", "领导干部学法、讲座、任前考法")
    government_services: GovernmentServices | None = field("政务服务", "事项、办件、好差评、跨省通办")
    major_decisions: MajorDecisions | None = field("重大行政决策", "年度目录事项及完成情况")
    normative_documents: NormativeDocuments | None = field("行政规范性文件", "制定、审核、备案、清理")
    legality_review: LegalityReview | None = field("合法性审查", "合法性审查件数")
    legal_advisers: LegalAdvisers | None = field("法律顾问与公职律师", "人数与法律意见")
    law_enforcement: LawEnforcement | None = field("行政执法", "执法人员、培训、评查、裁量基准")
    administrative_reconsideration: AdministrativeReconsideration | None = field("行政复议", "收到、受理、审结及结果")
    administrative_litigation: AdministrativeLitigation | None = field(
        "行政诉讼", "收案、结案及结果、败诉、负责人出庭应诉"
    )
    mediation: Annotated[list[Mediation], BeforeValidator(_one_or_many)] | None = field(
        "调解", "受理与成功件数；有多类调解时写成列表，每项注明 kind"
    )
    legal_publicity: LegalPublicity | None = field("普法", "活动场次与受众人次")
    government_transparency: GovernmentTransparency | None = field("政务公开", "发布信息条数")
    emergency_management: EmergencyManagement | None = field("应急管理", "预案修订与救援队伍")
    hotline: Hotline | None = field("12345 热线", "热线工单受理与办结")


# The group classes by key, in catalogue order (used by derive, checks, starter, docs).
INDICATOR_GROUPS: dict[str, type[IndicatorGroup]] = {
    "study": Study,
    "government_services": GovernmentServices,
    "major_decisions": MajorDecisions,
    "normative_documents": NormativeDocuments,
    "legality_review": LegalityReview,
    "legal_advisers": LegalAdvisers,
    "law_enforcement": LawEnforcement,
    "administrative_reconsideration": AdministrativeReconsideration,
    "administrative_litigation": AdministrativeLitigation,
    "mediation": Mediation,
    "legal_publicity": LegalPublicity,
    "government_transparency": GovernmentTransparency,
    "emergency_management": EmergencyManagement,
    "hotline": Hotline,
}
