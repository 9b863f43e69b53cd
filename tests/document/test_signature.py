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
        (("土城子乡人民政府",), "2020年1月1日", (640, 8844 - 8 * 320, 0)),  # 8 > 5 + 3 + 1: normal case
        (("司法局",), "2020年1月1日", (640 + (6 * 160 + 3 * 320 + 5 * 80) - 3 * 320 + 640, None, 640)),
        ((), "2020年1月1日", (640 + (6 * 160 + 3 * 320 + 5 * 80) + 640, None, 640)),
        (("中共某某县委员会", "某某县人民政府"), "", (640, 8844 - 8 * 320, 0)),
    ],
)
def test_signature_indents(bodies, date, expected):
    assert signature_indents(bodies, date, 8844) == expected


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
    assert (signature_indents(bodies, date, 8844)[1] is None) is longer  # the Word writer's case, too
