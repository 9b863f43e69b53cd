"""Who the report is about, from its title ("中共××县委 ××县人民政府关于2024年……的报告"), its
signing bodies, the page's 发布机构, or — failing all — the place name its text repeats most."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reportgen.schema.jurisdiction import Level

# Name endings → level (LEVEL_ALIASES in schema/jurisdiction.py); the longest ending wins.
_ENDINGS: dict[str, Level] = {
    "街道办事处": Level.TOWNSHIP,
    "街道": Level.TOWNSHIP,
    "苏木": Level.TOWNSHIP,
    "乡": Level.TOWNSHIP,
    "镇": Level.TOWNSHIP,
    "自治县": Level.COUNTY,
    "自治旗": Level.COUNTY,
    "县": Level.COUNTY,
    "旗": Level.COUNTY,
    "区": Level.COUNTY,
    "地区": Level.PREFECTURE,
    "自治州": Level.PREFECTURE,
    "州": Level.PREFECTURE,
    "盟": Level.PREFECTURE,
    "市": Level.PREFECTURE,
    "自治区": Level.PROVINCE,
    "省": Level.PROVINCE,
}
_DEPARTMENT_ENDINGS = ("局", "委员会", "办公室", "厅", "委", "办", "中心", "署")
_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{2,20}?)(人民政府|行政公署)")
_PARTY = re.compile(
    r"中共[\u4e00-\u9fff]{2,20}?(?:委员会|工作委员会|委)(?=[\s\u3000、]|[\u4e00-\u9fff]{2,}(?:人民政府|行政公署)|$)"
)
_PLACE = re.compile(
    r"(?<![全我本该各两其])([\u4e00-\u9fff]{2,8}?(?:自治县|自治旗|自治州|街道|苏木|地区|县|旗|区|市|州|盟|乡|镇))"
)
_NAME = re.compile(r"[\u4e00-\u9fff（）·]{2,20}")
_YEAR_OR_SUBJECT = re.compile(r"(?:19|20)\d\d|关于|法治政府|年度")


@dataclass(frozen=True)
class Who:
    name: str
    level: Level
    government: str = ""
    party_committee: str = ""
    source: str = ""  # where it was found: 标题, 落款, 发布机构, 正文


def guess_jurisdiction(title: str, signatories: list[str], publisher: str, text: str) -> Who | None:
    for source, candidate in (("标题", _title_prefix(title)), ("落款", " ".join(signatories)), ("发布机构", publisher)):
        who = _from_names(candidate, source)
        if who is not None:
            return _with_signing_bodies(who, signatories)
    who = _most_named_place(text)
    return _with_signing_bodies(who, signatories) if who is not None else None


def _with_signing_bodies(who: Who, signatories: list[str]) -> Who:
    """The party committee and government full names from the signature, when the title did not give them."""
    party, government = who.party_committee, who.government
    for body in signatories:
        if not party and body.startswith(f"中共{who.name}") and body.endswith(("委", "委员会")):
            party = body
        elif not government and body.startswith(who.name) and body.endswith(("人民政府", "行政公署")):
            government = body
    return Who(who.name, who.level, government, party, who.source)


def _title_prefix(title: str) -> str:
    """What a title says before its year or subject: the issuing bodies or the place."""
    match = _YEAR_OR_SUBJECT.search(title)
    return title[: match.start()].strip() if match else ""


def _from_names(names: str, source: str) -> Who | None:
    names = names.strip()
    if not names:
        return None
    party = _PARTY.search(names)
    government = _GOVERNMENT.search(names, party.end() if party else 0)
    if government:
        name = government.group(1).removeprefix("中共")
        level = _level(name)
        if level is not None:
            return Who(name, level, government.group(), party.group() if party else "", source)
    if party:  # a party committee alone: 中共××乡委员会
        name = re.sub(r"^中共|(?:工作)?委员会$|委$", "", party.group())
        level = _level(name)
        if level is not None:
            return Who(name, level, "", party.group(), source)
    plain = re.split(r"[\s\u3000、]", names)[-1]
    if not _NAME.fullmatch(plain):  # a name, not a sentence or a path: it also names the profile's file
        return None
    if plain.endswith(_DEPARTMENT_ENDINGS) and len(plain) >= 4:
        return Who(plain, Level.DEPARTMENT, "", "", source)
    level = _level(plain)
    return Who(plain, level, "", "", source) if level is not None and 2 <= len(plain) <= 12 else None


def _level(name: str) -> Level | None:
    for ending in sorted(_ENDINGS, key=len, reverse=True):
        if name.endswith(ending) and len(name) > len(ending):
            return _ENDINGS[ending]
    return None


def _most_named_place(text: str) -> Who | None:
    counts = Counter(match.group(1) for match in _PLACE.finditer(text[:3000]))
    for name, count in counts.most_common(5):
        level = _level(name)
        if level is not None and count >= 2:
            return Who(name, level, "", "", "正文")
    return None
