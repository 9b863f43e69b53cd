"""Numbers are computed from the structure: contiguous whatever is removed."""

from __future__ import annotations

import pytest

from reportgen.document import Enumeration, EnumerationItem, Heading, Paragraph
from reportgen.document.numbering import NumberingScheme, chinese_numeral, number_blocks


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五")])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


def labels(blocks):
    return [b.label for b in blocks if isinstance(b, Heading)]


def test_four_levels_follow_gb_t_9704():
    blocks = number_blocks([Heading(1, "甲"), Heading(2, "乙"), Heading(3, "丙"), Heading(4, "丁")])
    assert labels(blocks) == ["一、甲", "（一）乙", "1.丙", "（1）丁"]


def test_lower_levels_restart_under_a_new_parent():
    blocks = number_blocks([Heading(1, "a"), Heading(2, "b"), Heading(2, "c"), Heading(1, "d"), Heading(2, "e")])
    assert labels(blocks) == ["一、a", "（一）b", "（二）c", "二、d", "（一）e"]


def test_removing_a_heading_leaves_no_gap():
    full = [Heading(1, "举措"), Heading(2, "甲"), Heading(2, "乙"), Heading(2, "丙"), Heading(1, "不足")]
    without_second = [block for block in full if block.text != "乙"]
    assert labels(number_blocks(without_second)) == ["一、举措", "（一）甲", "（二）丙", "二、不足"]


def test_anchors_are_stable_ids_from_the_position():
    blocks = number_blocks([Heading(1, "a"), Heading(2, "b"), Heading(1, "c")])
    assert [b.anchor for b in blocks] == ["s1", "s1-1", "s2"]


def items(*titles, kind="item", inline=False):
    return Enumeration(tuple(EnumerationItem(t, "") for t in titles), kind=kind, inline=inline)


def item_numbers(blocks):
    return [i.number for b in blocks if isinstance(b, Enumeration) for i in b.items]


def scheme(*tokens, has_areas=True):
    return NumberingScheme.from_tokens(list(tokens), has_areas=has_areas)


def test_items_count_on_within_a_section_and_restart_after_a_heading():
    blocks = [Heading(1, "a"), items("x", "y"), Paragraph("p"), items("z"), Heading(1, "b"), items("w")]
    numbered = number_blocks(blocks, scheme("一、", "（一）", "一是"))
    assert item_numbers(numbered) == ["一是", "二是", "三是", "一是"]


def test_the_default_numbers_measures_1_and_sub_items_1_in_brackets():
    numbered = number_blocks([Heading(1, "a"), Heading(2, "b"), items("m1", "m2"), items("s1", kind="sub")])
    assert [b.label for b in numbered if isinstance(b, Heading)] == ["一、a", "（一）b"]
    assert item_numbers(numbered) == ["1.", "2.", "（1）"]


def test_sub_items_restart_for_each_measure_and_run_into_its_paragraph():
    blocks = [
        Heading(1, "a"),
        items("m1"),
        items("s1", "s2", kind="sub", inline=True),
        items("m2"),
        items("s3", kind="sub", inline=True),
    ]
    numbered = number_blocks(blocks, scheme("一、", "（一）", "一是"))
    [measures] = [b for b in numbered if isinstance(b, Enumeration)][:1]
    assert [i.number for i in measures.items] == ["一是"]
    paragraphs = [
        "".join(t for t, _ in runs) for b in numbered if isinstance(b, Enumeration) for runs in b.paragraph_runs()
    ]
    assert paragraphs == ["一是m1。（1）s1；（2）s2。", "二是m2。（1）s3。"]


def test_a_county_numbered_one_then_arabic_then_yi_shi():
    blocks = [Heading(1, "举措"), Heading(2, "学法"), items("甲", "乙"), Heading(1, "安排"), items("丙")]
    numbered = number_blocks(blocks, scheme("一、", "1.", "一是"))
    headings = [b for b in numbered if isinstance(b, Heading)]
    assert [h.label for h in headings] == ["一、举措", "1.学法", "二、安排"]
    assert [h.style_level for h in headings] == [1, 3, 1]  # 1. is set like GB/T 9704's third level (仿宋)
    assert item_numbers(numbered) == ["一是", "二是", "一是"]


def test_measures_directly_under_a_part_take_the_second_level():
    numbered = number_blocks([Heading(1, "举措"), items("甲", "乙")], scheme("一、", "一是", has_areas=False))
    assert item_numbers(numbered) == ["一是", "二是"]


def test_a_heading_at_a_yi_shi_level_runs_into_its_paragraph():
    blocks = [Heading(1, "不足"), Heading(2, "存在的问题"), Paragraph("基层力量薄弱。")]
    numbered = number_blocks(blocks, scheme("一、", "一是", has_areas=False))
    assert numbered[1] == Paragraph("基层力量薄弱。", lead="一是存在的问题。")


def test_clerks_may_type_half_width_brackets_and_a_full_width_stop():
    assert NumberingScheme.from_tokens(["一、", "(一)", "1．"]).formats == ("{cn}、", "（{cn}）", "{n}.")


def test_a_parts_items_take_yi_shi_wherever_the_profile_uses_it():
    # 土城子乡: measures 1., their sub-items and the problems under 二、 一是 (its reference's shape).
    blocks = [
        Heading(1, "举措"),
        Heading(2, "领域"),
        items("m", kind="measure"),
        items("s", kind="sub"),
        Heading(1, "不足"),
        items("p", "q"),
    ]
    numbered = number_blocks(blocks, scheme("一、", "（一）", "1.", "一是"))
    assert item_numbers(numbered) == ["1.", "一是", "一是", "二是"]


def _all_fields_set(cls):  # type: ignore[no-untyped-def]
    """An instance whose every field differs from its default, so a copy that drops one shows."""
    import dataclasses

    values = {"level": 2, "rank": 3, "run_in": True, "inline": True, "items": (EnumerationItem("题", "文"),)}
    fields = {f.name: values.get(f.name, f"{f.name}!") for f in dataclasses.fields(cls)}
    fields["tail"] = (("尾", True),) if "tail" in fields else None
    return cls(**{name: value for name, value in fields.items() if value is not None})


def test_numbering_copies_keep_every_other_field():
    """Heading.numbered, EnumerationItem.numbered and Enumeration.with_items are dataclasses.replace
    written out: a field added later must not fall back to its default when a report is numbered."""
    import dataclasses

    heading = _all_fields_set(Heading)
    assert heading.numbered("一、", "a1", 1, False) == dataclasses.replace(
        heading, number="一、", anchor="a1", rank=1, run_in=False
    )
    item = _all_fields_set(EnumerationItem)
    assert item.numbered("一是") == dataclasses.replace(item, number="一是")
    enumeration = _all_fields_set(Enumeration)
    assert enumeration.with_items(()) == dataclasses.replace(enumeration, items=())
