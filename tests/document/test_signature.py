"""Signature and date placement (GB/T 9704-2012 7.3.5.2), shared by the Word and the web writer."""

from __future__ import annotations

import pytest

from reportgen.document.signature import date_is_longer, signature_indents, text_width


def test_text_width_counts_full_and_half_width_characters_and_word_autospace():
    assert text_width("土城子乡人民政府") == 8 * 320
    assert text_width("2025年3月12日") == 7 * 160 + 3 * 320 + 5 * 80  # 5 changes between digits and Chinese
    assert text_width("人民政府", -5) == 4 * 320 - 3 * 5
    assert text_width("") == 0


@pytest.mark.parametrize(
    ("bodies", "date", "expected"),
    [
        (("土城子乡人民政府",), "2020年1月1日", (640, 8844 - 8 * 320, -640)),  # 8 > 5 + 3 + 1: normal case
        # The date is longer: the body moves left, the date ends 2 字 from the right (as Word sets it).
        (("司法局",), "2020年1月1日", (640 + (6 * 160 + 3 * 320 + 5 * 80) - 3 * 320 + 640, 5884, -640)),
        ((), "2020年1月1日", (640 + (6 * 160 + 3 * 320 + 5 * 80) + 640, 5884, -640)),
        (("中共某某县委员会", "某某县人民政府"), "", (640, 8844 - 8 * 320, -640)),
        # A date that cannot fit on one line at all (a long placeholder) is right-aligned and may wrap.
        (("司法局",), "【待填写：成文日期】" * 3, (640 + 30 * 320 - 3 * 320 + 640, None, 640)),
    ],
)
def test_signature_indents(bodies, date, expected):
    assert signature_indents(bodies, date, 8844) == expected


# The five examples' own signatures (profiles/: 土城子乡 joint, 八宿县 single; the other three leave theirs to be
# filled in) and a date longer than its body, with the reference document's condensed spacing.
@pytest.mark.parametrize(
    ("bodies", "date"),
    [
        (("中共土城子乡委员会", "土城子乡人民政府"), "2022年11月25日"),
        (("八宿县人民政府",), "2021年1月15日"),
        (("托克逊县司法局",), "2025年12月31日"),
    ],
)
def test_the_date_starts_two_characters_right_of_the_signature_and_may_not_break(bodies, date):
    """7.3.5.2: 成文日期首字比发文机关署名首字右移二字 — by the date's left indent, whatever its rendered width;
    its negative right indent leaves it room to spare rather than a break before 日."""
    body_right, date_left, date_right = signature_indents(bodies, date, 8844, -5)
    signature_first_char = 8844 - body_right - max(text_width(body, -5) for body in bodies)
    assert date_left - signature_first_char == 640
    assert date_right == -640
    assert 8844 - date_right - date_left >= text_width(date, -5) + 640


@pytest.mark.parametrize(
    ("bodies", "date", "longer"),
    [
        (("中共土城子乡委员会", "土城子乡人民政府"), "2022年11月25日", False),  # the longest body: 9 字 against 8¼
        (("土城子乡人民政府",), "2022年11月25日", True),  # 8 字 against 8¼: Word's space around digits counts
        (("托克逊县司法局",), "2025年12月31日", True),
        (("司法局",), "2020年1月1日", True),
        ((), "2020年1月1日", True),
        (("八宿县人民政府",), "", False),
    ],
)
def test_date_is_longer_compares_the_date_with_the_longest_body(bodies, date, longer):
    assert date_is_longer(bodies, date) is longer
    body_right = signature_indents(bodies, date, 8844)[0]
    assert (body_right > 640) is longer  # the Word writer's case, too: the bodies move left
