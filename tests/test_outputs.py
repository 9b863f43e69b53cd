"""Output file names: whatever the jurisdiction's name, the file lands in the output folder."""

from __future__ import annotations

import pytest

from reportgen.fsutil import TEMP_NAME_EXTRA
from reportgen.outputs import (
    MAX_NAME_BYTES,
    Change,
    clashes,
    is_report_file_name,
    report_base_name,
    safe_stem,
)

SEPARATOR, WINDOWS, CONTROL, INVISIBLE, EDGES, RESERVED, TOO_LONG = (
    Change.SEPARATOR,
    Change.WINDOWS,
    Change.CONTROL,
    Change.INVISIBLE,
    Change.EDGES,
    Change.RESERVED,
    Change.TOO_LONG,
)


@pytest.mark.parametrize(
    ("name", "stem", "changes"),
    [
        ("托克逊县", "托克逊县", ()),
        ("/srv/x", "srv_x", (SEPARATOR, EDGES)),
        ("../../x", "x", (SEPARATOR, EDGES)),
        ("a/b", "a_b", (SEPARATOR,)),
        ("教育局\\体育局", "教育局_体育局", (SEPARATOR,)),
        ("~/x", "x", (SEPARATOR, EDGES)),
        (".隐藏", "隐藏", (EDGES,)),
        ("-rf", "rf", (EDGES,)),
        ("托克逊\n县", "托克逊 县", (CONTROL,)),
        ("托克逊\x07县", "托克逊县", (CONTROL,)),
        ("托克逊\x00县", "托克逊县", (CONTROL,)),
        ("\u202etxt.exe", "txt.exe", (INVISIBLE,)),
        ("托克逊\u2066县\u200f", "托克逊县", (INVISIBLE,)),
        ("托克逊\ud800县", "托克逊县", (INVISIBLE,)),
        ('甲<乙>:丙"丁|戊?己*', "甲_乙__丙_丁_戊_己", (WINDOWS, EDGES)),
        ("CON.局", "CON_.局", (RESERVED,)),
        ("nul .x", "nul _.x", (RESERVED,)),
        ("com1.2024", "com1_.2024", (RESERVED,)),
        # "CON-2024-法治政府建设年度报告.docx" is not a device name: only the part before the first dot counts.
        ("CON", "CON", ()),
        # A rare character in a block newer than this Python's Unicode tables (CJK Extension H,
        # Unicode 15), or in a private-use area as older fonts put them, is kept.
        ("\U00031350村", "\U00031350村", ()),
        ("\ue000乡", "\ue000乡", ()),
    ],
)
def test_unsafe_characters_never_reach_the_file_name(name, stem, changes):
    result = safe_stem(name, 2024)
    assert (result.text, result.changes) == (stem, changes)


@pytest.mark.parametrize("name", ["..", "////", ".", "~", "\u202e\u202c", "\x07\x00", " . _ - ~ "])
def test_nothing_usable_is_an_empty_stem(name):
    assert safe_stem(name, 2024).text == ""


def test_a_long_name_is_shortened_on_a_character_boundary_to_fit_the_file_system():
    stem = safe_stem("托克逊县" * 75, 2024)  # 300 characters, 900 bytes
    assert stem.changes == (TOO_LONG,)
    assert stem.text == ("托克逊县" * 75)[: len(stem.text)] and len(stem.text) == 65
    longest = f"{report_base_name(stem.text, 2024)}.docx"
    assert len(longest.encode("utf-8")) <= MAX_NAME_BYTES
    # The temporary sibling written first (".<name>.XXXXXXXX.old.tmp") fits in 255 bytes as well.
    assert len(longest.encode("utf-8")) + TEMP_NAME_EXTRA <= 255


def test_shortening_never_ends_the_stem_with_a_separator_character():
    assert safe_stem("甲" * 65 + " ._" + "乙" * 10, 2024).text == "甲" * 65


def test_names_that_differ_in_case_or_normal_form_clash():
    names = [
        "Abc-2024-法治政府建设年度报告",
        "土城子乡-2024-法治政府建设年度报告",
        None,
        "abc-2024-法治政府建设年度报告",
        None,
    ]
    assert clashes(names) == {0: [3], 3: [0]}
    assert clashes(["e\u0301-2024", "\u00e9-2024", "e-2024"]) == {0: [1], 1: [0]}


@pytest.mark.parametrize(
    ("name", "ours"),
    [
        ("托克逊县-2024-法治政府建设年度报告.docx", True),
        ("a b-1999-法治政府建设年度报告.pdf", True),
        ("托克逊县-2024.yaml", False),
        ("法治政府建设年度报告.docx", False),
        ("托克逊县-2024-法治政府建设年度报告.docx.bak", False),
    ],
)
def test_report_file_names_are_recognised(name, ours):
    assert is_report_file_name(name) is ours
