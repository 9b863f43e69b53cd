"""What reaches the terminal: a profile's text never acts on it."""

from __future__ import annotations

from conftest import MINIMAL
from reportgen.cli.commands import main
from reportgen.cli.printer import printable


def test_control_and_direction_characters_are_shown_not_acted_on():
    assert printable("托克逊\x1b[2J县\x07\u202etxt.exe") == (
        "托克逊‹控制字符 U+001B›[2J县‹控制字符 U+0007›‹文字方向控制符 U+202E›txt.exe"
    )
    assert printable("第一行\n\t第二行") == "第一行\n\t第二行"


def test_an_escape_sequence_in_a_profile_never_reaches_the_terminal(capsys, write_profile):
    # In a double-quoted YAML string "\e" is ESC: a clerk's copy-paste can carry one.
    profile = write_profile(MINIMAL + 'preamble: "开头\\e]0;标题\\a\\e[31m段落"\n')
    code = main(["validate", str(profile)])
    out = capsys.readouterr()
    assert code in (0, 1)
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    assert (
        "（…0;标题‹控制字符 U+0007›‹控制字符 U+001B›[31m段落）" in out.out
    )  # the excerpt still shows where the problem is
