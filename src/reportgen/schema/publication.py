"""Publication data: the 政府信息公开 metadata, the signature and the dates."""

from __future__ import annotations

from reportgen.schema.base import Name, ProfileModel, Text, field
from reportgen.schema.values import Date


class Publication(ProfileModel):
    """发布信息：标题、索引号、文号、发布机构、日期与署名。"""

    title: Text = field("标题", "不填时为“名称 + 年份 + 年法治政府建设年度报告”，如 托克逊县2024年法治政府建设年度报告")
    addressee: Text = field(
        "主送机关",
        "报告的主送机关，如 中共××市委、××市人民政府；排在标题下一行，居左顶格，末尾的全角冒号由系统补上"
        "（GB/T 9704 7.2.4）。没有主送机关不填",
    )
    index_number: Text = field("索引号", "政府信息公开目录的索引号，如 000014349/2025-00110")
    document_number: Text = field("发文字号", "如 托政发〔2025〕3号；年份用六角括号〔〕；没有文号不填")
    publisher: Text = field("发布机构", "在政府网站发布的机构全称；不填时为政府全称")
    topic: Text = field("主题分类", "政府信息公开的主题分类，如 综合政务\\政务公开")
    signed_on: Date | None = field("成文日期", "落款日期，如 2025-03-12 或 2025年3月12日")
    published_on: Date | None = field("发布日期", "在政府网站公开的日期，应在次年4月1日之前")
    signatories: list[Name] | None = field(
        "署名机关",
        "落款的机关全称，每行一个；党委、政府联合署名时党委在前。不填时落款处为醒目的“待填写”占位，"
        "系统不会替您选定署名；确实不落款（如只在网上发布）时写 []",
    )
