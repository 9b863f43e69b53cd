"""Where the 署名 and the 成文日期 go (GB/T 9704-2012 7.3.5.2), in twips for Word and in 字 (em) for the web.

Pure arithmetic on the text: both writers place the signature by these numbers, so the Word file, the web page
and its print view agree. A 字 is one character of the body text (3号, 16 pt = 320 twips), which on the web page
is 1em of the signature's font size.
"""

from __future__ import annotations

import unicodedata

ONE_CHAR = 320  # 一字: one 3号 (16 pt) character, in twips
RIGHT_SPACE = 2  # 字: 发文机关署名右空二字; also how far the date's first character is right of the signature's


def signature_indents(
    bodies: tuple[str, ...], date: str, type_width: int, condensed: int = 0
) -> tuple[int, int | None, int]:
    """(right indent of every signing body's line, left and right indents of the date's line), in twips,
    per GB/T 9704-2012 7.3.5.2 (unsealed): 发文机关署名右空二字；成文日期首字比发文机关署名首字右移二字；
    如成文日期长于发文机关署名，应当使成文日期右空二字编排，并相应增加发文机关署名右空字数.

    With several bodies (joint reports, 党委 first) every line is right-aligned at the same indent and
    "the signature's first character" is that of the longest body, so the date never starts left of
    a signature. The date is set left-aligned from that character plus two (its left indent), so the
    offset holds whatever the date's rendered width, which Word, LibreOffice and a stand-in for Times
    New Roman each make a little different; its right indent is minus two characters, so a date a
    little wider than computed reaches into the right space instead of breaking before its 日.
    When the date is the longer, the bodies move left by the difference, so that the date ends two
    characters from the right as Word sets it. A date too long for one line at all (a long
    placeholder) is right-aligned with two characters' space instead (left indent None).
    `condensed` is the character spacing of the Signature style, in twips per character.
    """
    two_chars = RIGHT_SPACE * ONE_CHAR
    signature = max((text_width(body, condensed) for body in bodies), default=0)
    date_width = text_width(date, condensed)
    if not date_is_longer(bodies, date, condensed):
        first_char = type_width - two_chars - signature  # of the signature, from the left margin
        return two_chars, first_char + two_chars, -two_chars
    body_right = two_chars + date_width - signature + two_chars
    date_left = type_width - two_chars - date_width
    if date_left < two_chars:
        return body_right, None, two_chars
    return body_right, date_left, -two_chars


def date_is_longer(bodies: tuple[str, ...], date: str, condensed: int = 0) -> bool:
    """Whether 7.3.5.2's second case applies: the date is wider than the longest signing body, so the date,
    not the signature, is the line set two characters from the right."""
    signature = max((text_width(body, condensed) for body in bodies), default=0)
    return text_width(date, condensed) > signature


def text_width(text: str, condensed: int = 0) -> int:
    """Width of one line of 16 pt text in twips as Word sets it: a full-width character is one 字 (320),
    any other half (Times New Roman digits are half an em), `condensed` twips between characters,
    and Word's automatic space between Chinese and Latin letters or digits adds a quarter 字 at each
    change (LibreOffice adds a fifth)."""
    width, previous = condensed * (len(text) - 1) if text else 0, None
    for char in text:
        wide = unicodedata.east_asian_width(char) in "WFA"
        width += ONE_CHAR if wide else ONE_CHAR // 2
        if previous is not None and wide != previous and not char.isspace():
            width += ONE_CHAR // 4
        previous = None if char.isspace() else wide
    return width
