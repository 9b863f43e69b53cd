"""The jurisdiction's own word in sentences (全县, 全地区, 本局): from the name, or as given."""

from __future__ import annotations

import pytest

from reportgen.schema.jurisdiction import Jurisdiction, Level, scope_from_name


@pytest.mark.parametrize(
    ("name", "level", "scope"),
    [
        ("土城子乡", Level.TOWNSHIP, "全乡"),
        ("城关镇", Level.TOWNSHIP, "全镇"),
        ("新华街道", Level.TOWNSHIP, "全街道"),
        ("托克逊县", Level.COUNTY, "全县"),
        ("奈曼旗", Level.COUNTY, "全旗"),
        ("天河区", Level.COUNTY, "全区"),
        ("喀什地区", Level.PREFECTURE, "全地区"),  # not 全区: the longer ending wins
        ("吐鲁番市", Level.PREFECTURE, "全市"),
        ("博尔塔拉蒙古自治州", Level.PREFECTURE, "全州"),
        ("阿拉善盟", Level.PREFECTURE, "全盟"),
        ("新疆维吾尔自治区", Level.PROVINCE, "全区"),
        ("陕西省", Level.PROVINCE, "全省"),
        ("托克逊县司法局", Level.DEPARTMENT, "本局"),  # a department: not 全县 from 县
        ("紫阳县发展和改革委员会", Level.DEPARTMENT, "本委"),
        ("县人民政府办公室", Level.DEPARTMENT, "本办"),
        ("县政务服务中心", Level.DEPARTMENT, "本单位"),
    ],
)
def test_the_scope_word_follows_the_names_ending(name, level, scope):
    assert scope_from_name(name, level) == scope


def test_a_name_without_a_known_ending_falls_back_on_the_level():
    assert scope_from_name("某某", Level.COUNTY) == "全县"


def test_a_scope_written_in_the_profile_wins():
    assert Jurisdiction(name="托克逊县司法局", level="部门", scope="全县").scope_word == "全县"
    assert Jurisdiction(name="托克逊县司法局", level="部门", scope="  ").scope_word == "本局"
