"""`reportgen import` and `reportgen new --from`: files that cannot be read as a report, the
comments written into the profile, and the summary printed after."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.importer.summary import ImportSummary

# ---------------------------------------------------------------- files that are not a readable report


def import_not_a_file(path: Path) -> str:
    return f"{path} 不是文件；请给出报告文件（.docx、.html 或 .txt）的路径"


def import_too_large(path: Path, limit: int) -> str:
    return f"文件 {path} 超过 {limit // (1024 * 1024)} MB，不像是一份年度报告；请确认选对了文件"


def import_pdf(path: Path) -> str:
    return (
        f"{path} 是 PDF 文件，reportgen 不读取 PDF（其中的文字常常错行、断字）。请用 Word 打开原报告另存为 .docx，"
        "或在政府网站上打开报告，保存网页（.html）或复制全文保存为 .txt"
    )


def import_old_doc(path: Path) -> str:
    return f"{path} 是旧版 Word 文件（.doc）。请用 Word 或 WPS 打开，“另存为”Word 文档（.docx）后再导入"


def import_encrypted_docx(path: Path) -> str:
    return (
        f"{path} 设置了打开密码，无法读取。请在 Word 中打开，取消密码"
        "（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存，再导入"
    )


def import_bad_docx(path: Path) -> str:
    return f"{path} 不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名。请用 Word 打开后重新“另存为”.docx"


def import_scanned(path: Path) -> str:
    return (
        f"{path} 只有图片（多为扫描件），没有可以读取的文字。请找到报告的文字版本：政府网站上的网页，或原始的 Word 文件"
    )


def import_empty(path: Path) -> str:
    return f"{path} 中没有文字"


def import_unknown_encoding(path: Path) -> str:
    return (
        f"无法识别 {path} 的文字编码（不是 UTF-8、UTF-16 或 GBK/GB18030），也可能不是文本文件。"
        "请用记事本打开，确认文字显示正常后“另存为”UTF-8 编码"
    )


def import_unsupported(path: Path) -> str:
    return f"无法导入 {path}：只能导入 Word 文档（.docx）、网页（.html）和文本文件（.txt）"


def import_not_a_report(path: Path) -> str:
    return (
        f"{path} 不像是一份法治政府建设年度报告：没有找到“法治”等字样，也没有“一、”“二、”等各部分的标题。"
        "请确认选对了文件；如果文字显示为乱码，请先把文件另存为 UTF-8 编码"
    )


# ---------------------------------------------------------------- comments written into the profile

# After every value the importer inferred rather than copied (CLI and docs name it verbatim).
AUTO = "自动识别，请核对"
# Before every text `new --from` carried over from last year's profile.
REWRITE = "去年的内容，请改写"
# On every figure `new --from` emptied.
FILL_IN = "今年的数字，请填写"


def auto_note(*notes: str) -> str:
    """The AUTO comment, with what in particular to check."""
    details = "；".join(note for note in notes if note)
    return f"{AUTO}：{details}" if details else AUTO


def import_header(source: str) -> str:
    return (
        f"由 reportgen import 从“{source}”生成。\n"
        f"正文照录原文；标有“{AUTO}”的内容是程序根据原文推断的（单位、年度、各部分、编号、数字等），请逐项核对。\n"
        "编号（一、（一）1. 一是）已从标题中去掉，由系统生成；中文之间的半角标点已改为全角，其余标点照录，\n"
        "reportgen validate 会指出。"
    )


def no_signature_note() -> str:
    return f"{AUTO}：原文没有落款，照原文不落款；需要落款时在此列出署名机关"


def figures_note() -> str:
    return f"{AUTO}：数字取自正文，已写在正文中（in_text: true）"


def last_year_figures_note() -> str:
    return f"{AUTO}：原文写明的上一年度数字（如“由79.39%提高至96.91%”中的前一个）"


def numbering_note(found: str) -> str:
    return f"{AUTO}：原文各级编号为 {found}"


def part_note(heading: str, part: str) -> str:
    return f"{AUTO}：原文“{heading}”，按措辞归入“{part}”"


def part_merged_note(heading: str) -> str:
    return f"原文“{heading}”不对应督察规定的某一部分，作为一个工作领域放在这里"


def year_missing_note() -> str:
    return f"{AUTO}：原文没有写明报告年度，暂填去年，请改为报告所总结的年度"


def jurisdiction_note(source: str) -> str:
    return f"{AUTO}：取自原文{source}"


def missing_number_note(number: str) -> str:
    return f"原文缺少序号“{number}”"


def broken_number_note(number: str) -> str:
    return f"原文序号不全：“{number}”"


MISSING_FIRST_ITEM = "原文此项缺少“一是”"
SPLIT_AT_COMMA = "原文标题与正文之间没有句号，标题取到第一个逗号"


# ---------------------------------------------------------------- the summary after an import

PART_TITLES = {
    "achievements": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "leader_duties": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "plans": "下一年度工作安排",
    "other_matters": "其他需要报告的情况",
}
NOT_FOUND = {
    "title": "标题",
    "jurisdiction": "单位名称（请填写 jurisdiction.name 和 level）",
    "year": "报告年度",
    "preamble": "开头段落",
    "signatories": "落款（署名机关）",
    "signed_on": "成文日期",
    "published_on": "发布日期",
}


def import_summary(summary: ImportSummary) -> str:
    lines = [f"已读取 {summary.source}" + (f"，写入 {summary.target}：" if summary.target else "：")]
    if summary.name:
        lines.append(f"  单位：{summary.name}（{summary.level}），{summary.year} 年度")
    if summary.title:
        lines.append(f"  标题：{summary.title}")
    if summary.parts:
        lines.append("  各部分：" + "；".join(f"{heading} → {part}" for heading, part in summary.parts))
    else:
        lines.append("  各部分：没有找到“一、”“二、”等各部分的标题，全文放在开头段落中")
    lines.append(
        f"  工作领域 {summary.areas} 个，举措 {summary.measures} 项，子项 {summary.items} 项；"
        f"编号 [{', '.join(summary.numbering)}]"
    )
    lines.append(f"  识别出数字 {summary.figures} 个，已填入 figures（in_text: true，正文照录）")
    lines.append(f"  没有小标题或编号、保留在其上最近一项正文中的段落 {summary.stray_paragraphs} 段")
    for dropped in summary.dropped:
        lines.append(f"  {dropped}")
    if summary.not_found:
        lines.append("  未找到：" + "、".join(summary.not_found))
    lines.append(f"请核对标有“# {AUTO}”的内容，再运行 reportgen validate 检查。")
    return "\n".join(lines)


def dropped_figure(title: str, value: object, reason: str) -> str:
    return f"数字“{title} {value}”与其他数字不符（{reason}），没有填入，仍在正文中"


def dropped_field(title: str, reason: str) -> str:
    return f"“{title}”没有填入（{reason}），请核对原文"


def import_check_line(errors: int, warnings: int) -> str:
    if errors:
        return f"检查：{errors} 个错误、{warnings} 个警告（见上），请改正后再生成报告"
    return f"检查通过：0 个错误，{warnings} 个警告（reportgen validate 可查看全部警告）"


# The title of an area whose heading the importer could not read.
UNTITLED = "（标题）"
# The name written when the report names no jurisdiction the importer can find.
UNKNOWN_NAME = "（单位名称）"
EXTRA_AREA = "主要举措和成效中的一个工作领域"


# ---------------------------------------------------------------- reportgen new --from


def new_from_header(source: str, year: int) -> str:
    return (
        f"{year} 年度初稿，由 reportgen new --from {source} 生成：结构、标题和版式沿用去年；\n"
        f"标有“{REWRITE}”的文字是去年的，请按今年的工作改写；标有“{FILL_IN}”的数字已清空，请填写；\n"
        "成文日期、发布日期、文号和索引号已清除，发布后填写。"
    )


def year_moved_note() -> str:
    return f"{AUTO}：其中的年份已顺延一年"


def last_year_link_note() -> str:
    return "去年的资料文件：由它计算同比"


def new_from_invalid(path: Path, errors: int) -> str:
    return f"{path} 有 {errors} 个错误，请先改正（reportgen validate {path}），再由它生成下一年度的资料"


def new_from_wrong_year(path: Path, last_year: int, year: int) -> str:
    return (
        f"{path} 是 {last_year} 年度的资料，由它只能生成 {last_year + 1} 年度的资料（同比要和上一年比较），"
        f"而 --year 写的是 {year}；请改为 --year {last_year + 1}，或不写 --year"
    )


def new_from_summary(path: Path, texts: int, figures: int, titles: int) -> str:
    lines = [f"已写入 {path}，还需要："]
    if texts:
        lines.append(f"  改写 {texts} 段去年的文字（标有“# {REWRITE}”）")
    if figures:
        lines.append(f"  填写 {figures} 组今年的数字（标有“# {FILL_IN}”；填好后由去年的资料计算同比）")
    if titles:
        lines.append(f"  核对 {titles} 个标题中改过的年份")
    lines.append("  发布后填写成文日期、发布日期（以及文号、索引号，如有）")
    return "\n".join(lines)


def rewrite_expanded_note() -> str:
    return f"{REWRITE}（其中引用的数字“{{字段}}”已换成去年算出的值）"


def new_from_missing() -> str:
    return "请用 --from 给出去年的资料文件，如：reportgen new --from 托克逊县-2024.yaml --year 2025"


def new_from_bad_year(year: str) -> str:
    return f"年度“{year}”无效，请写四位年份，如 2025"


def import_missing() -> str:
    return "请给出已发布的报告文件（.docx、.html 或 .txt），如：reportgen import 托克逊县2024年报告.docx"


LEVEL_WORDS = {"township": "乡镇", "county": "县", "prefecture": "地区", "province": "省", "department": "政府部门"}
UNNUMBERED_HEADING = "原文此标题没有编号，按小标题处理"
