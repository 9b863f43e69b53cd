"""The catalogue of standard indicators: the figures reports state, each with one title,
one unit and one phrase (how a sentence states it, see base.Phrase; templates/figures/*.j2
only order the phrases, through GroupView.say).

Rates are declared as RateOf rules and computed from their counts (derive.py); a rate
field is typed only where a report states a rate without counts. Part/whole rules are
checked in checks/figures.py. Definitions follow ../shared/DOMAIN_NOTES.md §4.
"""

from __future__ import annotations

from typing import Annotated, Any, get_args

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
    phrase_extra,
)
from reportgen.schema.values import Amount


class Study(IndicatorGroup):
    model_config = ConfigDict(title="学法")

    standing_meeting_sessions: Count | None = count("常务会议学法次数", "次", phrase="常务会议学法{value}")
    laws_studied: Count | None = count(
        "常务会议学习法律法规数", "部", phrase="常务会议学习法律法规{value}", short="学习法律法规{value}"
    )
    lectures: Count | None = count(
        "法治讲座场次",
        "场次",
        "举办或组织干部参加的法治讲座（如“逢九必讲”法治专题讲座）场次；"
        "集中培训、专题学习会议等不是法治讲座，写在正文中。单位：场次",
        phrase="开展法治讲座{value}",
    )
    lecture_attendance: Count | None = count(
        "法治讲座参加人次", "人次", phrase="参加法治讲座{value}", short="参加{value}"
    )
    exam_takers: Count | None = count(
        "任前考法人数",
        "人",
        "参加任前法律知识考试的新提拔干部人数",
        phrase="新提拔干部参加任前法律知识考试{value}",
    )
    exam_passed: Count | None = count(
        "任前考法合格人数", "人", phrase="任前法律知识考试合格{value}", short="合格{value}"
    )
    exam_participation_rate: Percent | None = percent(
        "任前考法参考率", phrase="任前法律知识考试参考率{value}", short="参考率{value}"
    )
    exam_pass_rate: Percent | None = percent(
        "任前考法合格率",
        "合格人数 ÷ 参考人数，有人数时自动计算",
        phrase="任前法律知识考试合格率{value}",
        short="合格率{value}",
    )
    online_study_rate: Percent | None = percent("国家工作人员在线学法率", phrase="国家工作人员在线学法率{value}")
    annual_exam_participation_rate: Percent | None = percent(
        "年度学法考试参考率", phrase="年度学法考试参考率{value}", short="参考率{value}"
    )
    annual_exam_pass_rate: Percent | None = percent(
        "年度学法考试及格率", phrase="年度学法考试及格率{value}", short="及格率{value}"
    )

    RULES = (
        AtMost("exam_passed", "exam_takers"),
        RateOf("exam_pass_rate", ("exam_passed",), ("exam_takers",), "合格人数 ÷ 参考人数"),
    )


class GovernmentServices(IndicatorGroup):
    model_config = ConfigDict(title="政务服务")

    items: Count | None = count(
        "政务服务事项数", "项", "本级政务服务事项清单中的事项数。单位：项", phrase="{scope}政务服务事项共{value}"
    )
    cases_handled: Count | None = count("政务服务办件量", "件", phrase="办理政务服务事项{value}")
    cases_on_time: Count | None = count(
        "按期办结件数", "件", phrase="按期办结政务服务事项{value}", short="按期办结{value}"
    )
    on_time_rate: Percent | None = percent(
        "按期办结率",
        "按期办结件数 ÷ 办件量，有件数时自动计算",
        phrase="政务服务事项按期办结率{value}",
        short="按期办结率{value}",
    )
    reviews: Count | None = count("“好差评”评价数", "条", phrase="收到政务服务“好差评”评价{value}")
    positive_reviews: Count | None = count(
        "好评数", "条", phrase="政务服务“好差评”好评{value}", short="其中好评{value}"
    )
    positive_rate: Percent | None = percent(
        "好评率",
        "好评数 ÷ 评价数，有条数时自动计算",
        phrase="政务服务“好差评”好评率{value}",
        short="好评率{value}",
    )
    cross_province_items: Count | None = count("跨省通办事项数", "项", phrase="可跨省通办的政务服务事项{value}")
    cross_province_cases: Count | None = count("跨省通办办件量", "件", phrase="办理跨省通办事项{value}")

    RULES = (
        AtMost("cases_on_time", "cases_handled"),
        AtMost("positive_reviews", "reviews"),
        RateOf("on_time_rate", ("cases_on_time",), ("cases_handled",), "按期办结件数 ÷ 办件量"),
        RateOf("positive_rate", ("positive_reviews",), ("reviews",), "好评数 ÷ 评价数"),
    )


class MajorDecisions(IndicatorGroup):
    model_config = ConfigDict(title="重大行政决策")

    catalogue_items: Count | None = count(
        "列入年度目录的重大行政决策事项", "项", phrase="列入重大行政决策年度目录的事项{value}"
    )
    completed: Count | None = count(
        "已完成程序的事项",
        "项",
        "年度目录事项中已履行完决策程序的事项数。单位：项",
        phrase="已完成决策程序的重大行政决策事项{value}",
        short="已完成决策程序的{value}",
    )

    RULES = (AtMost("completed", "catalogue_items"),)


class NormativeDocuments(IndicatorGroup):
    model_config = ConfigDict(title="行政规范性文件")

    issued: Count | None = count("制定行政规范性文件", "件", phrase="制定行政规范性文件{value}")
    reviewed: Count | None = count(
        "合法性审核行政规范性文件", "件", phrase="合法性审核行政规范性文件{value}", short="合法性审核{value}"
    )
    filed: Count | None = count("报送备案", "件", phrase="报送备案行政规范性文件{value}", short="报送备案{value}")
    filing_rate: Percent | None = percent(
        "报备率",
        "报送备案件数 ÷ 制定件数，有件数时自动计算",
        phrase="行政规范性文件报备率{value}",
        short="报备率{value}",
    )
    cleaned_up: Count | None = count(
        "清理行政规范性文件",
        "件",
        "清理总数；分项都填写时自动合计，不必填写",
        phrase="清理行政规范性文件{value}",
    )
    retained: Count | None = count(
        "清理后保留（继续有效）", "件", phrase="清理后继续有效的行政规范性文件{value}", short="继续有效{value}"
    )
    amended: Count | None = count("清理后修改", "件", phrase="清理后修改的行政规范性文件{value}", short="修改{value}")
    repealed: Count | None = count("清理后废止", "件", phrase="清理后废止的行政规范性文件{value}", short="废止{value}")
    invalidated: Count | None = count(
        "清理后宣布失效", "件", phrase="清理后宣布失效的行政规范性文件{value}", short="宣布失效{value}"
    )

    RULES = (
        AtMost("filed", "issued"),
        RateOf("filing_rate", ("filed",), ("issued",), "报送备案件数 ÷ 制定件数"),
        SumOf("cleaned_up", ("retained", "amended", "repealed", "invalidated")),
    )


class LegalityReview(IndicatorGroup):
    model_config = ConfigDict(title="合法性审查")

    reviews: Count | None = count(
        "合法性审查件数",
        "件",
        "对政府合同、重大决策、涉法事务等进行合法性审查的件数",
        phrase="对政府合同、重大决策等涉法事务进行合法性审查{value}",
    )


class LegalAdvisers(IndicatorGroup):
    model_config = ConfigDict(title="法律顾问与公职律师")

    advisers: Count | None = count("法律顾问人数", "人", phrase="聘请法律顾问{value}")
    public_lawyers: Count | None = count("公职律师人数", "人", phrase="设立公职律师{value}")
    # DOMAIN_NOTES §4 (法律顾问/公职律师): 法律意见 are counted in 条; a report that counts
    # written opinions in 份 (seed 000: 提供法律意见18份) states a different figure.
    legal_opinions: Count | None = count(
        "提出法律意见",
        "条",
        "法律顾问、公职律师提出的法律意见条数。按份统计的书面法律意见填在 written_opinions。单位：条",
        phrase="法律顾问、公职律师提出法律意见{value}",
        short="提出法律意见{value}",
    )
    written_opinions: Count | None = count(
        "出具书面法律意见",
        "份",
        "法律顾问、公职律师出具的书面法律意见（法律意见书）份数。单位：份",
        phrase="法律顾问、公职律师出具书面法律意见{value}",
        short="出具书面法律意见{value}",
    )
    coverage_rate: Percent | None = percent("党政机关法律顾问覆盖率", phrase="党政机关法律顾问覆盖率{value}")


class LawEnforcement(IndicatorGroup):
    model_config = ConfigDict(title="行政执法")

    # DOMAIN_NOTES §4 (行政执法): 持证人员.
    officers: Count | None = count(
        "持证行政执法人员数",
        "人",
        "持有行政执法证件的行政执法人员人数。单位：人",
        phrase="{scope}共有持证行政执法人员{value}",
    )
    training_sessions: Count | None = count("执法培训场次", "场次", phrase="开展行政执法培训{value}")
    trainees: Count | None = count("执法培训人次", "人次", phrase="培训行政执法人员{value}", short="培训{value}")
    case_files_reviewed: Count | None = count("行政执法案卷评查", "卷", phrase="评查行政执法案卷{value}")
    discretion_standards: Count | None = count(
        "审核备案行政裁量基准",
        "项",
        "经审核并备案的行政裁量基准项数。单位：项",
        phrase="审核备案行政裁量基准{value}",
    )
    supervision_inspections: Count | None = count("行政执法监督检查", "次", phrase="开展行政执法监督检查{value}")


class AdministrativeReconsideration(IndicatorGroup):
    model_config = ConfigDict(title="行政复议")

    received: Count | None = count("收到行政复议申请", "件", phrase="收到行政复议申请{value}")
    accepted: Count | None = count("受理", "件", phrase="受理行政复议申请{value}", short="受理{value}")
    rejected: Count | None = count("不予受理", "件", phrase="不予受理行政复议申请{value}", short="不予受理{value}")
    referred: Count | None = count(
        "告知向有权机关申请",
        "件",
        "告知申请人向有管辖权的机关申请的件数",
        phrase="告知申请人向有管辖权的机关申请{value}",
    )
    concluded: Count | None = count("审结", "件", phrase="审结行政复议案件{value}", short="审结{value}")
    pending: Count | None = count("正在审理", "件", phrase="正在审理的行政复议案件{value}", short="正在审理{value}")
    # Decisions under 行政复议法 (2023) 第六十三–六十九条.
    upheld: Count | None = count("维持", "件", phrase="行政复议维持原行政行为{value}", short="维持{value}")
    dismissed: Count | None = count("驳回", "件", phrase="驳回行政复议请求{value}", short="驳回{value}")
    revoked: Count | None = count("撤销", "件", phrase="行政复议撤销原行政行为{value}", short="撤销{value}")
    varied: Count | None = count("变更", "件", phrase="行政复议变更原行政行为{value}", short="变更{value}")
    confirmed_illegal: Count | None = count(
        "确认违法", "件", phrase="行政复议确认原行政行为违法{value}", short="确认违法{value}"
    )
    ordered_to_perform: Count | None = count(
        "责令履行", "件", phrase="行政复议责令被申请人履行法定职责{value}", short="责令履行{value}"
    )
    mediated: Count | None = count(
        "调解、和解结案", "件", phrase="行政复议调解、和解结案{value}", short="调解、和解结案{value}"
    )
    terminated: Count | None = count("终止", "件", phrase="行政复议终止{value}", short="终止{value}")
    hearings: Count | None = count("听证会", "次", phrase="召开行政复议听证会{value}")
    conclusion_rate: Percent | None = percent(
        "审结率", "审结 ÷ 受理，有件数时自动计算", phrase="行政复议审结率{value}", short="审结率{value}"
    )
    correction_rate: Percent | None = percent(
        "纠错率",
        "（撤销 + 变更 + 确认违法 + 责令履行）÷ 作出实体决定的件数（维持、驳回与上述四项之和）；"
        "有件数时自动计算，否则可直接填写报告所给比率",
        phrase="行政复议纠错率{value}",
        short="纠错率{value}",
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

    # DOMAIN_NOTES §4 (行政诉讼): 一审收案, 审结, 败诉; 败诉率 = 败诉 ÷ 审结.
    cases: Count | None = count(
        "行政诉讼收案",
        "件",
        "本级行政机关作为被告的一审行政诉讼收案数。单位：件",
        phrase="行政诉讼一审收案{value}",
    )
    concluded: Count | None = count("一审结案", "件", phrase="行政诉讼一审结案{value}", short="一审结案{value}")
    pending: Count | None = count("未结", "件", phrase="尚未审结的行政诉讼案件{value}", short="未结{value}")
    revoked: Count | None = count("判决撤销", "件", phrase="法院判决撤销行政行为{value}", short="判决撤销{value}")
    varied: Count | None = count("判决变更", "件", phrase="法院判决变更行政行为{value}", short="判决变更{value}")
    confirmed_illegal: Count | None = count(
        "判决确认违法", "件", phrase="法院判决确认行政行为违法{value}", short="判决确认违法{value}"
    )
    ordered_to_perform: Count | None = count(
        "判决责令履行", "件", phrase="法院判决责令履行法定职责{value}", short="判决责令履行{value}"
    )
    claims_dismissed: Count | None = count(
        "驳回诉讼请求", "件", phrase="法院判决驳回原告诉讼请求{value}", short="判决驳回诉讼请求{value}"
    )
    suit_dismissed: Count | None = count(
        "驳回起诉", "件", phrase="法院裁定驳回起诉{value}", short="裁定驳回起诉{value}"
    )
    withdrawn: Count | None = count("撤诉", "件", phrase="原告撤诉{value}", short="撤诉{value}")
    mediated: Count | None = count("调解结案", "件", phrase="行政诉讼调解结案{value}", short="调解结案{value}")
    transferred: Count | None = count("移送", "件", phrase="移送的行政诉讼案件{value}", short="移送{value}")
    lost: Count | None = count("败诉", "件", phrase="行政诉讼一审败诉{value}", short="败诉{value}")
    loss_rate: Percent | None = percent(
        "败诉率", "败诉 ÷ 一审结案，有件数时自动计算", phrase="行政诉讼一审败诉率{value}", short="败诉率{value}"
    )
    # DOMAIN_NOTES §4: 出庭应诉率 = 负责人出庭案件 ÷ 开庭审理案件.
    head_required: Count | None = count(
        "负责人应出庭应诉",
        "件",
        "开庭审理、依法应当由行政机关负责人出庭应诉的案件数（出庭应诉率的分母）。单位：件",
        phrase="行政机关负责人应出庭应诉的案件{value}",
        short="应出庭应诉{value}",
    )
    head_appeared: Count | None = count(
        "负责人实际出庭应诉", "件", phrase="行政机关负责人出庭应诉{value}", short="实际出庭{value}"
    )
    head_appearance_rate: Percent | None = percent(
        "负责人出庭应诉率",
        "实际出庭 ÷ 应出庭，有件数时自动计算；报告只给比率时直接填写",
        phrase="行政机关负责人出庭应诉率{value}",
        short="出庭应诉率{value}",
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
    committees: Count | None = count("调解委员会", "个", phrase="{scope}共有调解委员会{value}")
    accepted: Count | None = count("受理（排查）矛盾纠纷", "件", phrase="受理矛盾纠纷{value}")
    successful: Count | None = count(
        "调解成功（化解）", "件", phrase="成功调解矛盾纠纷{value}", short="调解成功{value}"
    )
    success_rate: Percent | None = percent(
        "调解成功率", "调解成功 ÷ 受理，有件数时自动计算", phrase="调解成功率{value}"
    )
    people_involved: Count | None = count(
        "涉及人数",
        "人",
        "受理的矛盾纠纷涉及的当事人人数。单位：人",
        phrase="矛盾纠纷涉及当事人{value}",
        short="涉及当事人{value}",
    )
    amount_involved: Amount | None = Field(
        default=None,
        title="涉及金额",
        description="受理的矛盾纠纷涉及的金额（元），可写 2.78万",
        json_schema_extra=phrase_extra(
            {"unit": "元", "kind": "amount"}, "矛盾纠纷涉及金额{value}", short="涉及金额{value}"
        ),
    )

    RULES = (
        AtMost("successful", "accepted"),
        RateOf("success_rate", ("successful",), ("accepted",), "调解成功 ÷ 受理"),
    )


class LegalPublicity(IndicatorGroup):
    model_config = ConfigDict(title="普法")

    events: Count | None = count("普法宣传活动", "场次", phrase="开展普法宣传活动{value}")
    audience: Count | None = count("受众", "人次", phrase="普法宣传受众{value}", short="受众{value}")
    materials: Count | None = count("发放宣传资料", "份", phrase="发放普法宣传资料{value}", short="发放宣传资料{value}")
    consultations: Count | None = count("解答法律咨询", "次", phrase="解答法律咨询{value}")


class GovernmentTransparency(IndicatorGroup):
    model_config = ConfigDict(title="政务公开")

    # Not only the website: 喀什 counts 政务动态 wherever published (seed 001).
    published_items: Count | None = count(
        "发布政务信息",
        "条",
        "通过政府网站、政务新媒体等发布的各类政务信息（含政务动态）条数。单位：条",
        phrase="发布政务信息{value}",
    )
    proactive_disclosures: Count | None = count("主动公开政府信息", "条", phrase="主动公开政府信息{value}")
    requests: Count | None = count(
        "依申请公开",
        "件",
        "办理的政府信息公开申请件数。单位：件",
        phrase="办理政府信息公开申请{value}",
    )


class EmergencyManagement(IndicatorGroup):
    model_config = ConfigDict(title="应急管理")

    master_plans_revised: Count | None = count("修订总体应急预案", "个", phrase="修订总体应急预案{value}")
    special_plans_revised: Count | None = count(
        "修订专项应急预案", "个", phrase="修订专项应急预案{value}", short="专项应急预案{value}"
    )
    rescue_teams: Count | None = count("应急救援队伍", "支", phrase="组建应急救援队伍{value}")
    rescue_members: Count | None = count(
        "应急救援队员",
        "人",
        "应急救援队伍的队员人数。单位：人",
        phrase="应急救援队伍共有队员{value}",
        short="队员{value}",
    )
    drills: Count | None = count("应急演练", "次", phrase="开展应急演练{value}")


class Hotline(IndicatorGroup):
    model_config = ConfigDict(title="12345 热线")

    received: Count | None = count(
        "受理（交办）热线工单",
        "件",
        "本级受理或上级交办的12345热线工单件数。单位：件",
        phrase="受理12345热线工单{value}",
    )
    completed: Count | None = count("办结", "件", phrase="办结12345热线工单{value}", short="办结{value}")
    completion_rate: Percent | None = percent(
        "办结率", "办结 ÷ 受理，有件数时自动计算", phrase="12345热线工单办结率{value}", short="办结率{value}"
    )
    satisfaction_rate: Percent | None = percent("满意率", phrase="12345热线满意率{value}", short="满意率{value}")

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
        description="正文已经写明这些数字时设为 true：系统照样核对和计算，但不再另外生成句子。"
        "不填或为 false 时，系统把这些数字写成句子接在正文之后，"
        "如“收到行政复议申请14件，受理10件，不予受理2件。”",
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
    government_transparency: GovernmentTransparency | None = field("政务公开", "发布政务信息、主动公开与依申请公开")
    emergency_management: EmergencyManagement | None = field("应急管理", "预案修订与救援队伍")
    hotline: Hotline | None = field("12345 热线", "热线工单受理与办结")


def _group_class(annotation: Any) -> type[IndicatorGroup] | None:
    """The IndicatorGroup inside a Figures field's type (`Study | None`, `Annotated[list[Mediation], …] | None`)."""
    if isinstance(annotation, type) and issubclass(annotation, IndicatorGroup):
        return annotation
    for argument in get_args(annotation):
        found = _group_class(argument)
        if found is not None:
            return found
    return None


# The group classes by key, in catalogue order (used by derive, checks, starter, docs): read off
# the Figures model, so a group added there is known everywhere.
INDICATOR_GROUPS: dict[str, type[IndicatorGroup]] = {
    name: group for name, info in Figures.model_fields.items() if (group := _group_class(info.annotation)) is not None
}
