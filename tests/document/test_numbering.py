"""Numbers are computed from the structure: contiguous whatever is removed."""

from __future__ import annotations

import pytest

from reportgen.document import Enumeration, EnumerationItem, Heading, Paragraph
from reportgen.document.numbering import chinese_numeral, number_blocks


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


def items(*titles, style="是", inline=False):
    return Enumeration(tuple(EnumerationItem(t, "") for t in titles), style=style, inline=inline)


def test_enumerations_count_on_within_a_section_and_restart_after_a_heading():
    blocks = number_blocks([Heading(1, "a"), items("x", "y"), Paragraph("p"), items("z"), Heading(1, "b"), items("w")])
    numbers = [i.number for b in blocks if isinstance(b, Enumeration) for i in b.items]
    assert numbers == ["一是", "二是", "三是", "一是"]


def test_inline_sub_lists_restart_for_each_measure():
    blocks = number_blocks(
        [
            Heading(1, "a"),
            items("m1"),
            items("s1", "s2", style="(1)", inline=True),
            items("m2"),
            items("s3", style="(1)", inline=True),
        ]
    )
    numbers = [i.number for b in blocks if isinstance(b, Enumeration) for i in b.items]
    assert numbers == ["一是", "（1）", "（2）", "二是", "（1）"]


def test_arabic_measure_style():
    blocks = number_blocks([Heading(2, "a"), items("x", "y", style="1.")])
    assert [i.number for i in blocks[1].items] == ["1.", "2."]
