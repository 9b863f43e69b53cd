"""Where a report's title may break across lines without splitting a word: its phrases.

GB/T 9704-2012 7.3.1 asks that a title broken across lines keep every word whole (回行时要做到词意完整).
On paper the clerk breaks it by hand (`layout.title_lines`); a phone's narrow screen needs more breaks, and
they may only fall between the phrases a report title is made of:

    托克逊县 | 2024年度 | 法治政府建设 | 工作报告
    中共土城子乡委员会 | 土城子乡人民政府 | 关于 | 2022年 | 法治政府建设 | 情况的报告

that is before and after a year (2024年, 2024年度), before 关于, before and after 法治政府建设, before the
closing 年度报告 / 工作报告 / 工作总结 / 工作情况 / 情况 / 报告, and after the name of an issuing body
(人民政府, 委员会, 行政公署, 县委 and the like) or of a region a longer name goes on from (省, 自治区, 自治州).
Spaces already allow a break.
The rules look only at the title's words, not at the profile, so a title the clerk wrote freely still splits.
"""

from __future__ import annotations

import itertools
import re

# A break is allowed where one of these starts (and is not at the title's start)…
_BREAK_BEFORE = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"  # the year
    r"|关于"
    r"|法治政府建设"
    r"|(?:年度|工作)报告|工作总结|(?:工作)?情况(?:的报告)?|(?<![年度作况的])报告"  # the report's kind
)  # (a bare 报告 after 年度, 工作, 情况 or 的 belongs to the phrase before it)
# …and where one of these ends (and is not at the title's end).
_BREAK_AFTER = re.compile(
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年度?"
    r"|法治政府建设"
    r"|人民政府|委员会|行政公署|[省市县区州旗地]委(?!员)"  # 中共托克逊县委 | 托克逊县人民政府
    r"|省(?![级委直])|自治区|自治州"  # not inside 省级, 省委, 省直
)


def title_phrases(title: str) -> tuple[str, ...]:
    """`title` cut at every place a line may break (see the module docstring); "".join() gives it back."""
    cuts = {match.start() for match in _BREAK_BEFORE.finditer(title)}
    cuts |= {match.end() for match in _BREAK_AFTER.finditer(title)}
    bounds = [0, *sorted(cut for cut in cuts if 0 < cut < len(title)), len(title)]
    return tuple(title[start:end] for start, end in itertools.pairwise(bounds) if start < end)
