"""The checks beyond the schema: figures, the regulation, publication data, text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.messages.values import show_text


def part_exceeds_whole(part: str, whole: str, part_value: Any, whole_value: Any, unit: str) -> str:
    return f"应不超过“{whole}”（{whole_value}{unit}），实为 {part_value}{unit}；部分不能大于整体，请核对这两个数"


def parts_exceed_whole(whole: str, parts: list[str], total: Any, whole_value: Any, unit: str) -> str:
    joined = "、".join(parts)
    return f"应不小于{joined}之和（{total}{unit}），实为 {whole_value}{unit}；请核对各分项与合计"


def parts_do_not_add_up(whole: str, parts: list[str], total: Any, whole_value: Any, unit: str) -> str:
    joined = "、".join(parts)
    return f"应等于{joined}之和 {total}{unit}，实为 {whole_value}{unit}；各分项都已填写时，合计必须相等"


def rate_disagrees(title: str, correct: str, numerator: str, denominator: str, num: Any, den: Any, typed: str) -> str:
    return (
        f"应为 {correct}（{numerator} {num} ÷ {denominator} {den}），实为 {typed}；"
        f"比率由数字自动计算，请删除此项，让系统计算"
    )


def rate_redundant(numerator: str, denominator: str, correct: str) -> str:
    return f"已由“{numerator}”和“{denominator}”算出 {correct}，无需手填；请删除此项，以免日后数字改了比率没改"


def rate_at_least_violated(correct: str, bound: str) -> str:
    return f"应为 {correct}（由数字计算），实为“{bound}以上”；请删除此项，让系统计算"


def approximate_not_round(value: Any) -> str:
    return f"“余”只用于整十、整百的约数（如 20余次），实为 {value}余；请写准确数字或取整"


def figure_restated(group_title: str, field_title: str, first_line: int | None) -> str:
    where = f"第 {first_line} 行" if first_line else "别处"
    return (
        f"“{group_title}”的“{field_title}”已在{where}填写过；同一个数字只能填写一次，"
        "请删除其中一处（同一组数字可以分在几项举措中，但每项数字只写一次）"
    )


def missing_required_part(part: str, item: int) -> str:
    return (
        f"缺少“{part}”。《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）"
        f"规定年度报告应包括此项（第{item}项内容）"
    )


def shortcomings_without_causes(count: int, total: int) -> str:
    return (
        f"{total} 条不足中有 {count} 条未写原因（cause）。《法治政府建设与责任落实督察工作规定》"
        "要求报告“存在的不足和原因”"
    )


def published_after_deadline(published: str, deadline: str) -> str:
    return (
        f"发布日期 {published} 晚于 {deadline}。《法治政府建设与责任落实督察工作规定》"
        "第二十四条：年度报告应当于每年4月1日之前向社会公开"
    )


def signed_after_deadline(signed: str, deadline: str) -> str:
    return (
        f"成文日期 {signed} 晚于 {deadline}。《法治政府建设与责任落实督察工作规定》"
        "第二十四条要求每年4月1日之前公开，报告应在第一季度内成文"
    )


def signed_before_year(signed: str, year: int) -> str:
    return f"成文日期 {signed} 早于报告年度 {year} 年的开始，请核对年份"


def signed_before_year_ends(signed: str, year: int, suggestion: str | None) -> str:
    hint = f"是否应为 {suggestion}？" if suggestion else "请核对年份和月份。"
    return (
        f"成文日期为 {signed}，此时报告年度 {year} 年还有一个季度以上没有过完，而年度报告总结的是全年的工作，"
        f"不可能在此时成文；{hint}年度报告一般在次年第一季度成文（4月1日之前公开）"
    )


def signed_in_last_quarter(signed: str, year: int) -> str:
    return (
        f"成文日期 {signed} 早于报告年度 {year} 年结束。年度报告总结全年的工作，一般在次年第一季度成文；"
        "如确在年内成文（如写“年初以来”的情况），请核对全年的数字和工作是否都已写入"
    )


def published_before_signed(published: str, signed: str) -> str:
    return f"发布日期 {published} 早于成文日期 {signed}；报告须先成文后发布，请核对"


def published_too_late_after_signing(days: int) -> str:
    return (
        f"成文后 {days} 个工作日才发布。《政府信息公开条例》第二十六条：属于主动公开范围的政府信息，"
        "应当自形成或者变更之日起20个工作日内及时公开"
    )


def bad_document_number(value: str) -> str:
    return (
        f"发文字号“{show_text(value)}”格式不规范；年份应用六角括号“〔〕”，如“托政发〔2025〕3号”，"
        "不用 []、()、【】，也不能留空"
    )


def bad_index_number(value: str) -> str:
    return (
        f"索引号“{show_text(value)}”不符合“前段码/年份-序号”的格式（如 000014349/2025-00110），"
        "请与本单位政务公开目录核对"
    )


def last_year_wrong_year(last: int, expected: int) -> str:
    return f"去年的资料是 {last} 年的，应为 {expected} 年；同比须与上一年比较"


def last_year_other_jurisdiction(last: str, this: str) -> str:
    return f"去年的资料属于“{show_text(last)}”，与本资料“{show_text(this)}”不是同一单位"


def last_year_invalid(path: Path, errors: int) -> str:
    return f"去年的资料文件 {path} 有 {errors} 处错误，无法计算同比；请先运行 reportgen validate 修正它"


def last_year_unreadable(reason: str) -> str:
    return f"无法读取去年的资料文件：{reason}"


def title_lines_mismatch(joined: str, title: str) -> str:
    return f"标题分行连起来是“{show_text(joined)}”，与标题“{show_text(title)}”不一致；请按标题原文分行"


def area_empty(title: str) -> str:
    return f"工作领域“{show_text(title)}”还没有内容（text 或 measures），生成报告时将略去此节"


def area_duplicated(title: str, first_line: int | None) -> str:
    where = f"第 {first_line} 行" if first_line else "前面"
    return f"标准领域“{title}”已在{where}出现过，同一领域只能写一次；请合并"


def unbalanced_pair(opening: str, closing: str, opened: int, closed: int) -> str:
    return f"“{opening}”与“{closing}”不成对（“{opening}”{opened} 个，“{closing}”{closed} 个）；请补全或删除多余的一个"


def half_width_punctuation(mark: str, full: str, excerpt: str) -> str:
    return f"中文正文中有半角标点“{mark}”（…{show_text(excerpt)}…），应为全角“{full}”"


def outdated_goal_formula(found: str) -> str:
    return (
        f"“{found}”是旧纲要（2015—2020年）或误写的目标表述；《法治政府建设实施纲要（2021—2025年）》"
        "为“职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意”"
    )


def straight_quote(mark: str, correct: str, excerpt: str) -> str:
    side = "前" if correct in "“‘" else "后"
    return f"中文正文中有英文直引号 {mark}（…{show_text(excerpt)}…），此处应为中文{side}引号 {correct}"


def more_half_width_marks(count: int) -> str:
    return (
        f"从这里起还有 {count} 处半角标点或英文直引号，不再逐一列出；"
        "请用编辑器的“查找和替换”把本段中的 , ; : ! ? ( ) \" ' 一并改为全角"
    )


def paragraph_not_closed(ending: str) -> str:
    return f"这一段没有以句号等标点结束（{show_text(ending)}）；请在末尾补上“。”"


def numbering_in_title(found: str) -> str:
    return (
        f"标题开头的“{found}”是编号。编号由系统生成（样式由版式设置 layout.numbering 选择），"
        f"写进标题会印出两次（如“一是一是”）；请删去“{found}”"
    )


def numbering_in_untitled_text(found: str) -> str:
    return (
        f"这一项没有标题，正文开头的“{found}”是编号。编号由系统生成（样式由版式设置 layout.numbering 选择），"
        f"会印出两次；请删去“{found}”"
    )


def figure_not_in_text(group: str, title: str, shown: str, closest: tuple[str, str] | None, rate: bool) -> str:
    head = f"“{group}”的“{title}”填的是 {shown}，正文中却没有这个数"
    if closest is None:
        found = f"，也没有别的{'百分比' if rate else '数字'}"
    else:
        found = f"；最接近的是 {closest[0]}（…{show_text(closest[1])}…）"
    return (
        f"{head}{found}。这组数字标明已写在正文中（in_text: true），"
        "请核对数字和正文哪一处有误；正文没有写这个数时，请删去 in_text，让系统生成叙述数字的句子"
    )


def signed_on_missing() -> str:
    return (
        "未填写成文日期。GB/T 9704—2012 第7.3.5条：落款由发文机关署名和成文日期组成，成文日期用阿拉伯数字"
        "将年、月、日标全（如 2025年3月12日）；不填则报告末尾没有日期，也无法核对是否及时公开"
    )


def published_on_missing(deadline: str) -> str:
    return (
        "未填写发布日期。《法治政府建设与责任落实督察工作规定》第二十四条要求年度报告于每年4月1日之前"
        f"向社会公开（本报告应在 {deadline} 之前）；政府信息公开页面也要显示发布日期。"
        "在网站发布后请补填，以便核对是否按期公开"
    )


def signature_not_given(government: str) -> str:
    return (
        "没有填写署名机关（signatories）：报告落款处是醒目的“待填写”占位，系统不替您选定署名。"
        f"请填写落款的机关全称，如 [{government}]；党委、政府联合署名时党委在前；确实不落款时写 signatories: []"
    )


def numbering_too_shallow_for_areas(style: str) -> str:
    return (
        f"编号样式的第二级是“{style}”，但报告分了工作领域：领域标题需要一级标题编号。"
        "请写如 [一、, （一）, 一是] 或 [一、, 1., 一是]；不分领域时把举措直接写在 achievements.measures 下"
    )


def reference_unknown(name: str) -> str:
    return (
        f"“{{{name}}}”没有对应的数字：花括号中应写本报告 figures 中已有的指标，如 {{head_appearance_rate}} "
        "或 {同比:head_appearance_rate}（也可写中文名称，如 {同比:负责人出庭应诉率}）"
    )


def reference_ambiguous(name: str, choices: list[str]) -> str:
    return f"“{{{name}}}”可以指 {'、'.join(choices)}，请写明是哪一个，如 {{{choices[0]}}}"


def reference_without_last_year(name: str) -> str:
    return f"“{{同比:{name}}}”无法计算：没有这个数字去年的值；请在 last_year 中填写去年的数字或资料文件"
