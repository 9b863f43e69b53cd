"""The jurisdiction a report is about: name, level, and the bodies that sign for it."""

from __future__ import annotations

import enum
from typing import Any

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from reportgen import messages
from reportgen.schema.base import Name, ProfileModel, Text, empty_list, field


class Level(enum.StrEnum):
    """Administrative level; the value is the key written in the profile."""

    TOWNSHIP = "township"
    COUNTY = "county"
    PREFECTURE = "prefecture"
    PROVINCE = "province"
    DEPARTMENT = "department"

    @property
    def title(self) -> str:
        return LEVEL_TITLES[self]


LEVEL_TITLES = {
    Level.TOWNSHIP: "乡镇",
    Level.COUNTY: "县（区、市、旗）",
    Level.PREFECTURE: "地区（市、州、盟）",
    Level.PROVINCE: "省",
    Level.DEPARTMENT: "政府部门",
}

# What clerks write: the English key or the Chinese word for their level.
LEVEL_ALIASES: dict[str, Level] = {
    **{level.value: level for level in Level},
    **{title: level for level, title in LEVEL_TITLES.items()},
    **dict.fromkeys(("乡", "镇", "街道", "苏木", "乡镇街道"), Level.TOWNSHIP),
    **dict.fromkeys(("县", "区", "县级市", "旗", "县区", "县级"), Level.COUNTY),
    **dict.fromkeys(("地区", "市", "地级市", "州", "自治州", "盟", "地市"), Level.PREFECTURE),
    **dict.fromkeys(("省级", "自治区", "直辖市"), Level.PROVINCE),
    **dict.fromkeys(("部门", "局", "委办局"), Level.DEPARTMENT),
}


# How a report names its own jurisdiction inside a sentence ("全县共有……", "本局……"), by the
# ending of its name; the longest ending that matches wins (喀什地区 → 全地区, not 全区).
_SCOPE_BY_ENDING = {
    "自治区": "全区",
    "街道": "全街道",
    "地区": "全地区",
    "苏木": "全苏木",
    "省": "全省",
    "市": "全市",
    "区": "全区",
    "州": "全州",
    "盟": "全盟",
    "县": "全县",
    "旗": "全旗",
    "乡": "全乡",
    "镇": "全镇",
}
_DEPARTMENT_SCOPE_BY_ENDING = {
    "委员会": "本委",
    "办公室": "本办",
    "局": "本局",
    "委": "本委",
    "办": "本办",
    "厅": "本厅",
}
_SCOPE_BY_LEVEL = {
    Level.TOWNSHIP: "全乡",
    Level.COUNTY: "全县",
    Level.PREFECTURE: "全市",
    Level.PROVINCE: "全省",
    Level.DEPARTMENT: "本单位",
}


def scope_from_name(name: str, level: Level) -> str:
    """The jurisdiction's own word for itself in a sentence, from its name and level."""
    endings = _DEPARTMENT_SCOPE_BY_ENDING if level is Level.DEPARTMENT else _SCOPE_BY_ENDING
    for ending in sorted(endings, key=len, reverse=True):
        if name.endswith(ending):
            return endings[ending]
    return _SCOPE_BY_LEVEL[level]


def parse_level(value: Any) -> Level:
    if isinstance(value, str) and value.strip() in LEVEL_ALIASES:
        return LEVEL_ALIASES[value.strip()]
    choices = "、".join(f"{level.value}（{level.title}）" for level in Level)
    raise PydanticCustomError(
        "rg_level", messages.CUSTOM["rg_level"], {"choices": choices, "shown": messages.show_value(value)}
    )


class Jurisdiction(ProfileModel):
    """行政区划或单位：报告的主体。"""

    name: Name = field("名称", "行政区划或单位的简称，如 托克逊县、土城子乡、喀什地区", default=...)
    level: Level = field(
        "层级",
        "township（乡镇）、county（县、区、市、旗）、prefecture（地区、市、州、盟）、"
        "province（省）、department（政府部门）；也可直接写“乡镇”“县”等中文",
        default=...,
    )
    government: Text = field("政府全称", "如 托克逊县人民政府、喀什地区行政公署；不填时为“名称 + 人民政府”")
    party_committee: Text = field("党委全称", "如 中共土城子乡委员会；党委、政府联合署名时用到")
    parents: list[Name] = field("上级行政区划", "自上而下，如 [新疆维吾尔自治区, 吐鲁番市]", default_factory=empty_list)
    scope: Text = field(
        "本级称谓",
        "句子中指本单位范围的说法，如 全县、全乡、全镇、全市、全区、全旗、全地区、本局；不填时由名称推断",
    )

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: Any) -> Level:
        return parse_level(value)

    @property
    def scope_word(self) -> str:
        """How sentences name the jurisdiction itself ("全县共有行政执法人员……"): as given,
        or from the name's ending (县 → 全县, 地区 → 全地区, 局 → 本局)."""
        return self.scope or scope_from_name(self.name, self.level)

    @property
    def government_name(self) -> str:
        """The government's full name, defaulted the way reports write it."""
        if self.government:
            return self.government
        if self.level is Level.DEPARTMENT:
            return self.name
        return f"{self.name}人民政府"
