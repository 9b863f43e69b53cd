"""`reportgen check`: the rules' names, explanations and sources, and every line it prints."""

from __future__ import annotations

from pathlib import Path

REVIEW_SEVERITY = {"error": "错误", "warning": "警告", "hint": "提示"}

_GB15834 = "GB/T 15834-2011《标点符号用法》"
_GB9704 = "GB/T 9704-2012《党政机关公文格式》"
_DUCHA = "《法治政府建设与责任落实督察工作规定》第二十四条"  # the one article number confirmed (DOMAIN_NOTES §2)
_RATES = "数字表述惯例：比率由分子、分母算出，四舍五入到文中的小数位数"
_POINTS = "数字表述惯例：两个比率之差用“个百分点”"
_CHANGES = "数字表述惯例：用“%”表示的变化是相对变化，即（本年−上年）÷上年，四舍五入到文中的小数位数"
# GB/T 9704 7.3.3 sets the levels 一、（一）1.（1）; 一是/二是 is a drafting habit it does not cover.
_LISTS = "公文写作惯例：段内列举“一是、二是……”依次编号"
_GANGYAO = "《法治政府建设实施纲要（2021—2025年）》"
_PARTS = "数字表述惯例：部分不大于总数（办结、审结件数不超过受理件数，上年结转的除外）"

# rule id → (title, explanation, source)
RULES: dict[str, tuple[str, str, str]] = {
    "P1": (
        "半角标点",
        "中文句子中应使用全角标点“，：；（）！？”，半角标点多由网页复制或输入法状态造成。",
        f"{_GB15834} 第3章",
    ),
    "P2": ("直引号", "中文文本应使用弯引号“”‘’，不用直引号 \" '。", f"{_GB15834} 4.1"),
    "P3": (
        "成对标点不配对",
        "书名号《》、引号“”‘’、括号（）、方头括号【】应成对出现，缺少一半说明漏写或多写（英文词中的撇号“’”不算）。",
        f"{_GB15834} 4.1、4.8、4.9",
    ),
    "P4": (
        "标点重复",
        "两个标点连写（，，。。、、“。，”“；，”“,，”）是录入错误，只保留第一个；省略号“……”、破折号“——”"
        "和“？！”“！？”除外。",
        f"{_GB15834} 第4章",
    ),
    "P5": ("中文之间的空格", "两个汉字之间不应有空格，多由排版或复制造成（标题的字距除外）。", "校对常规"),
    "N1": (
        "编号不连续",
        "同一层级的序号应连续：一、二、三……，（一）（二）（三）……，1. 2. 3.……，缺号、重号或倒序都要改正。",
        f"{_GB9704} 7.3.3",
    ),
    "N2": (
        "“一是”后没有“二是”",
        "列举只有“一是”而没有“二是”，不成列举：要么补全，要么删去“一是”。",
        _LISTS,
    ),
    "N3": ("列举编号不连续", "段内列举“一是、二是、三是……”应连续，不缺号、不重号。", _LISTS),
    "N4": (
        "同级编号写法不一",
        "同一层级的序号应使用同一种写法：前面用“1.”，后面就不应写成“2、”（反之亦然）。",
        f"{_GB9704} 7.3.3",
    ),
    "R1": (
        "字词重复",
        "同一个词连写两次（“听取听取”“的的”），或同一个分句在逗号、顿号后原样重复（“坚持依法行政，坚持依法行政，”），"
        "多为录入或修改时的遗留；“常常”“层层”“一件一件”“不了了之”等正常的叠用不算。",
        "校对常规",
    ),
    "A1": ("百分比与数字不符", "同一句话中给出了分子和分母，按它们重新计算的百分比与文中写的不一致。", _RATES),
    "A2": (
        "比率的变化应写“个百分点”",
        "两个百分比之差应写“提高／下降 X 个百分点”，写成“增长 X%”是把差值误作增长率。",
        _POINTS,
    ),
    "A3": (
        "同比增减与两年的数字不符",
        "同一句话中写明了本年和上年的数字以及同比增长（下降）的百分比时，按（本年−上年）÷上年重新计算，"
        "按文中的小数位数四舍五入后应与文中一致；本年少于上年应写“下降”“减少”，多于上年应写“增长”“增加”。",
        _CHANGES,
    ),
    "A4": (
        "部分多于总数",
        "同一句话中办结、审结、化解等的件数不应多于受理、收到、办理的件数；句中写明含上年结转或累计数的除外。",
        _PARTS,
    ),
    "A5": (
        "百分点与两个比率不符",
        "比率由 a% 变为 b% 时，变化是两者之差 |b−a| 个百分点，方向与两个比率的高低一致。",
        _POINTS,
    ),
    "F1": ("过时的提法", "提法已被新的文件取代，应使用现行表述。", f"{_GANGYAO}等（每条的出处见说明）"),
    "F2": (
        "规范表述有误",
        "纲要的目标、文件名称等固定提法应与原文一字不差；与规范表述只差一两个字的，多为笔误或记错。",
        f"{_GANGYAO}等文件的原文（每条的出处见说明）",
    ),
    "T1": (
        "标题年份与报告年度不符",
        "标题中报告的年份（“2024年度”“2024年法治政府建设”）应与报告所写的年度一致；"
        "标题中有几个年份而看不出哪个是报告年度时不作判断。",
        _DUCHA,
    ),
    "T2": (
        "日期晚于报送期限",
        "年度报告应于每年4月1日之前通过报刊、网站等向社会公开，落款的成文日期和网页的发布日期应早于次年4月1日（4月1日当天已晚）。",
        _DUCHA,
    ),
}


def half_width_found(mark: str, correct: str, count: int) -> str:
    more = f"（本段共 {count} 处，--fix 可一并改正）" if count > 1 else ""
    return f"中文句子中的半角“{mark}”应为全角“{correct}”{more}"


def straight_quote_found(mark: str, correct: str, count: int) -> str:
    more = f"（本段共 {count} 处）" if count > 1 else ""
    return f"直引号 {mark} 应为弯引号“{correct}”{more}"


def unbalanced_found(opening: str, closing: str, openings: int, closings: int) -> str:
    return f"本段“{opening}”{openings} 个、“{closing}”{closings} 个，不配对"


def doubled_found(marks: str) -> str:
    return f"标点“{marks}”重复"


def marks_run_found(marks: str, first: str) -> str:
    return f"标点“{marks}”连用，应只保留“{first}”"


def space_found() -> str:
    return "两个汉字之间有空格"


def numbering_gap(expected: str, found: str) -> str:
    return f"应为“{expected}”，写的是“{found}”（缺号）"


def numbering_repeat(found: str) -> str:
    return f"“{found}”重复"


def numbering_backwards(expected: str, found: str) -> str:
    return f"应为“{expected}”，写的是“{found}”（顺序倒退）"


def numbering_lost(expected: str, found: str) -> str:
    return f"序号缺少数字：写的是“{found}”，应为“{expected}”"


def numbering_first(expected: str, found: str) -> str:
    return f"同级第一项应为“{expected}”，写的是“{found}”"


def lone_first_item() -> str:
    return "有“一是”而没有“二是”"


def numbering_mixed(first: str, found: str) -> str:
    return f"同级序号写法不一：前面写作“{first}”，这里写作“{found}”"


def run_in_gap(expected: str, found: str) -> str:
    return f"列举应为“{expected}”，写的是“{found}”"


def repeated_word(word: str) -> str:
    return f"“{word}”连写了两次"


def part_over_whole_found(part: str, whole: str) -> str:
    return f"“{part}”多于“{whole}”：办结、审结的不应多于受理的（含上年结转的请写明）"


def percent_disagrees(written: str, computed: str, part: str, whole: str) -> str:
    return f"按 {part}÷{whole} 计算为 {computed}，文中写的是 {written}"


def points_not_percent(before: str, after: str, written: str, points: str) -> str:
    return f"由 {before} 到 {after} 是 {points} 个百分点的变化，写成了“{written}”"


def points_disagree(before: str, after: str, written: str, correct: str) -> str:
    return f"由 {before} 到 {after} 应为“{correct}”，文中写的是“{written}”"


def year_on_year_disagrees(before: str, after: str, this: str, last: str, computed: str, written: str) -> str:
    return f"由 {before} 到 {after}，按（{this}−{last}）÷{last} 计算为{computed}，文中写的是{written}"


def outdated_formulation(old: str, new: str, why: str = "") -> str:
    because = f"（{why}）" if why else ""
    return f"“{old}”是过时的提法，现行表述为“{new}”{because}"


def formulation_slip(found: str, canonical: str, changes: list[tuple[str, str]], source: str) -> str:
    """`changes`: (as written, as the canonical wording has it) for each spot that differs."""
    spots = "，".join(_slip_spot(written, right) for written, right in changes)
    return f"“{found}”与规范表述“{canonical}”不符：{spots}（{source}）"


def _slip_spot(written: str, right: str) -> str:
    if not written:
        return f"少了“{right}”"
    if not right:
        return f"多了“{written}”"
    return f"“{written}”应为“{right}”"


def title_year_mismatch(title_year: int, year: int) -> str:
    return f"标题写的是 {title_year} 年，报告年度是 {year} 年"


def date_after_deadline(date: str, year: int) -> str:
    return f"日期“{date}”不在 {year + 1} 年4月1日之前，晚于报告公开的期限"


def check_location(paragraph: int, heading: str) -> str:
    under = f"（“{heading}”下）" if heading else ""
    return f"第 {paragraph} 段{under}"


CHECK_TEXT_LABEL = "原文"
CHECK_FIX_LABEL = "改为"
CHECK_SOURCE_LABEL = "依据"


def check_summary(errors: int, warnings: int, hints: int) -> str:
    if not errors + warnings + hints:
        return "没有发现问题。"
    return f"共发现 {errors} 处错误、{warnings} 处警告、{hints} 处提示。"


def proofread_header(profile: str, count: int) -> str:
    return (
        f"{profile}：写出的正文经校对还有 {count} 处问题（与 reportgen check 的规则相同；"
        "半角标点、引号和成对符号已在上面按资料文件的行列列出）："
    )


def check_file_header(path: Path) -> str:
    return f"== {path}"


def check_fixed(path: Path, changes: int) -> str:
    return f"已改正 {changes} 处标点，改正后的副本写在 {path}（原文件未改动）"


def check_needs_paths() -> str:
    return "请给出要校对的文件：reportgen check 报告.docx（也可以是 .html、.txt 或资料文件 .yaml）"


def check_bad_format(value: str) -> str:
    return f"不认识的输出格式“{value}”：可用 text（默认）或 json"


def check_profile_invalid(path: Path, errors: int) -> str:
    return f"{path} 有 {errors} 处错误，无法生成报告正文来校对；请先运行 reportgen validate {path}"
