"""What a heading is about, by its wording: which of the regulation's five parts a part is
(DOMAIN_NOTES §2.3), and which of the 纲要's ten areas an area is (§2.4)."""

from __future__ import annotations

import re

from reportgen.schema.areas import StandardArea

# The five parts the 督察规定 requires (DOMAIN_NOTES §2.3; its article number is unverified),
# as profile keys, with the words their headings use.
# Checked in this order: "工作成效和存在的问题" is the shortcomings part, "2025年工作计划" the plans.
_PART_WORDS: tuple[tuple[str, str], ...] = (
    ("leader_duties", "第一责任人|主要负责人履行|履行推进法治建设|履职情况"),
    ("other_matters", "其他需要报告|其他事项|其他情况|其他工作"),
    ("shortcomings", "不足|问题|短板|差距|薄弱|困难|弱项"),
    ("plans", "下一年度|下一步|下步|明年|来年|工作计划|工作安排|工作打算|打算|工作思路|计划|安排|展望|重点工作"),
    (
        "achievements",
        "举措|成效|开展情况|主要工作|建设情况|工作情况|主要内容|做法|进展|成绩|总体情况|基本情况|推进情况",
    ),
)
PARTS = tuple(role for role, _ in _PART_WORDS)


def part_role(title: str, year: int | None) -> str | None:
    """The part a heading names ("工作开展情况" → achievements), or None when its words do not say."""
    if year is not None and f"{year + 1}年" in title and not re.search(_PART_WORDS[2][1], title):
        return "plans"
    for role, words in _PART_WORDS:
        if re.search(words, title):
            return role
    return None


# Each area's words: strong ones name it (the 纲要's own phrases), weak ones suggest it.
_AREA_WORDS: dict[StandardArea, tuple[str, str]] = {
    StandardArea.RULE_OF_LAW_THOUGHT: ("习近平法治思想", "学法|法治思想|理论学习"),
    StandardArea.GOVERNMENT_FUNCTIONS: ("政府机构职能|履行政府职能|政府职能", "放管服|营商环境|政务服务|职能"),
    StandardArea.INSTITUTIONS: ("依法行政制度|制度建设|规范性文件", "制度"),
    StandardArea.DECISION_MAKING: ("行政决策", "决策"),
    StandardArea.LAW_ENFORCEMENT: ("行政执法|文明执法", "执法"),
    StandardArea.EMERGENCY_RESPONSE: ("突发事件", "应急|安全生产"),
    StandardArea.DISPUTE_RESOLUTION: ("矛盾纠纷|行政复议|调处化解", "纠纷|复议|调解|社会治理|应诉|化解"),
    StandardArea.OVERSIGHT: ("制约和监督|权力监督|监督体系", "监督|督察|政务公开|透明"),
    StandardArea.DIGITAL_GOVERNMENT: ("科技保障|数字法治政府|数字政府", "数字|信息化|智慧|网上"),
    StandardArea.PARTY_LEADERSHIP: ("党的领导|党对法治政府建设|推进机制|组织领导", "领导|组织保障|队伍建设|人才"),
}


def area_keys(titles: list[str]) -> list[StandardArea | None]:
    """The standard area of each title, each area given at most once (a profile may hold it only
    once): the strongest match first, in reading order among equals; None where none fits."""
    scored = []
    for index, title in enumerate(titles):
        for area, (strong, weak) in _AREA_WORDS.items():
            strength = 2 if re.search(strong, title) else 1 if re.search(weak, title) else 0
            if strength:
                scored.append((-strength, index, list(_AREA_WORDS).index(area), area))
    keys: list[StandardArea | None] = [None] * len(titles)
    taken: set[StandardArea] = set()
    for _, index, _, area in sorted(scored):
        if keys[index] is None and area not in taken:
            keys[index] = area
            taken.add(area)
    return keys
