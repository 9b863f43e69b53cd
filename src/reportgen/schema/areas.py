"""The ten areas of 《法治政府建设实施纲要（2021—2025年）》, as standard area keys.

Source: DOMAIN_NOTES.md §2.4 (中发〔2021〕33号). `title` is the heading reports use (the
first clause); `full_title` the whole part title of the 纲要. `indicator_groups` are the
figures that usually belong to the area (used by the starter profile).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class StandardArea(enum.StrEnum):
    RULE_OF_LAW_THOUGHT = "rule_of_law_thought"
    GOVERNMENT_FUNCTIONS = "government_functions"
    INSTITUTIONS = "institutions"
    DECISION_MAKING = "decision_making"
    LAW_ENFORCEMENT = "law_enforcement"
    EMERGENCY_RESPONSE = "emergency_response"
    DISPUTE_RESOLUTION = "dispute_resolution"
    OVERSIGHT = "oversight"
    DIGITAL_GOVERNMENT = "digital_government"
    PARTY_LEADERSHIP = "party_leadership"


@dataclass(frozen=True)
class AreaInfo:
    title: str
    full_title: str
    indicator_groups: tuple[str, ...]


AREAS: dict[StandardArea, AreaInfo] = {
    StandardArea.RULE_OF_LAW_THOUGHT: AreaInfo(
        "深入学习贯彻习近平法治思想",
        "深入学习贯彻习近平法治思想，努力实现法治政府建设全面突破",
        ("study",),
    ),
    StandardArea.GOVERNMENT_FUNCTIONS: AreaInfo(
        "健全政府机构职能体系",
        "健全政府机构职能体系，推动更好发挥政府作用",
        ("government_services",),
    ),
    StandardArea.INSTITUTIONS: AreaInfo(
        "健全依法行政制度体系",
        "健全依法行政制度体系，加快推进政府治理规范化程序化法治化",
        ("normative_documents",),
    ),
    StandardArea.DECISION_MAKING: AreaInfo(
        "健全行政决策制度体系",
        "健全行政决策制度体系，不断提升行政决策公信力和执行力",
        ("major_decisions", "legality_review", "legal_advisers"),
    ),
    StandardArea.LAW_ENFORCEMENT: AreaInfo(
        "健全行政执法工作体系",
        "健全行政执法工作体系，全面推进严格规范公正文明执法",
        ("law_enforcement",),
    ),
    StandardArea.EMERGENCY_RESPONSE: AreaInfo(
        "健全突发事件应对体系",
        "健全突发事件应对体系，依法预防处置重大突发事件",
        ("emergency_management",),
    ),
    StandardArea.DISPUTE_RESOLUTION: AreaInfo(
        "健全社会矛盾纠纷行政预防调处化解体系",
        "健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义",
        ("administrative_reconsideration", "administrative_litigation", "mediation"),
    ),
    StandardArea.OVERSIGHT: AreaInfo(
        "健全行政权力制约和监督体系",
        "健全行政权力制约和监督体系，促进行政权力规范透明运行",
        ("government_transparency", "hotline"),
    ),
    StandardArea.DIGITAL_GOVERNMENT: AreaInfo(
        "健全法治政府建设科技保障体系",
        "健全法治政府建设科技保障体系，全面建设数字法治政府",
        (),
    ),
    StandardArea.PARTY_LEADERSHIP: AreaInfo(
        "加强党的领导，完善法治政府建设推进机制",
        "加强党的领导，完善法治政府建设推进机制",
        ("legal_publicity",),
    ),
}
