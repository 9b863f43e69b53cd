"""Every sentence the user reads, in Simplified Chinese, in one place.

Schema errors are keyed by pydantic's error `type` and `ctx`, never by its English text.
YAML syntax errors have no such key in ruamel.yaml, so they are classified by exception
class and the stable `problem` phrase ruamel uses (see `_YAML_PROBLEMS`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

YAML_SYNTAX_TITLE = "YAML 语法"
FILE_TITLE = "文件"

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


# ---------------------------------------------------------------- values shown to the user


def show_value(value: Any) -> str:
    """How a value the clerk typed is quoted back in a message (the 实为 part)."""
    from ruamel.yaml.comments import TaggedScalar  # local: only needed for odd input

    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | float):
        return str(value)
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:30] + "…"
        return f"“{shown}”"
    if isinstance(value, TaggedScalar):
        return f"带标签 {value.tag} 的值"
    if isinstance(value, Mapping):
        return "一组“键: 值”"
    if isinstance(value, list | tuple):
        return "一个列表"
    return f"“{value}”"


def expected_actual(expected: str, value: Any) -> str:
    # A space between Chinese and a Latin word or number, as the messages write "实为 14".
    space = " " if expected[:1].isascii() else ""
    return f"应为{space}{expected}，实为 {show_value(value)}"


# ---------------------------------------------------------------- files


def file_missing(path: Path) -> str:
    return f"找不到文件 {path}，请检查路径和文件名是否正确"


def file_too_large(path: Path, size: int, limit: int) -> str:
    return (
        f"文件 {path} 有 {size // 1024} KB，超过资料文件的上限 {limit // 1024} KB，不像是一份年度资料；请确认选对了文件"
    )


def file_unreadable(path: Path, exc: OSError) -> str:
    reason = exc.strerror or "无法读取"
    return f"无法读取文件 {path}（{reason}），请检查文件权限"


def file_not_utf8(path: Path, raw: bytes, exc: UnicodeDecodeError) -> str:
    hint = "请用记事本或 VS Code 将其“另存为”UTF-8 编码"
    try:
        raw.decode("gb18030")
        hint = "文件似乎是 GBK/GB18030 编码，" + hint
    except UnicodeDecodeError:
        pass
    return f"文件 {path} 不是 UTF-8 编码（第 {exc.start + 1} 个字节无法识别）；{hint}"


def no_profiles_in_folder(path: Path) -> str:
    return f"文件夹 {path} 中没有 .yaml 或 .yml 资料文件"


def refuse_overwrite(path: Path) -> str:
    return f"{path} 已存在，为免覆盖您填写的内容，没有写入；如确需重新生成，请加 --force"


def not_a_profile_path(path: Path) -> str:
    return f"{path} 不是 .yaml/.yml 文件，也不是文件夹"


# ---------------------------------------------------------------- YAML syntax

# (exception class name, phrase in ruamel's `problem`) -> (explanation, hint)
_YAML_PROBLEMS: list[tuple[str, str, str, str]] = [
    (
        "ScannerError",
        "'\\t'",
        "这一行用了 Tab 键缩进，YAML 只认空格",
        "把行首的 Tab 换成空格（每级两个空格）；编辑器里可打开“显示空白字符”查看",
    ),
    (
        "ScannerError",
        "mapping values are not allowed here",
        "这一行的值里有未加引号的英文冒号“: ”，被当成了新的键",
        '把整个值用英文双引号括起来，如 title: "标题: 副标题"，或改用中文冒号“：”',
    ),
    (
        "DuplicateKeyError",
        "duplicate key",
        "同一层里出现了重复的键",
        "删除或合并重复的一项；同一层的每个键只能出现一次",
    ),
    (
        "ScannerError",
        "while scanning a quoted scalar",
        "引号没有成对闭合",
        "检查这一行起的引号，确保以同样的引号结束",
    ),
    (
        "ParserError",
        "expected <block end>",
        "缩进不一致：这一行与上下文的层级对不上",
        "同一层的键必须左对齐，下一层多缩进两个空格；列表项以“- ”开头并对齐",
    ),
    (
        "ScannerError",
        "could not find expected ':'",
        "这一行缺少英文冒号“:”，或冒号后少了空格",
        "写成“键: 值”，冒号是英文半角，冒号后留一个空格",
    ),
    (
        "ComposerError",
        "but found another document",
        "文件里有多个文档（出现了单独一行的“---”）",
        "一个资料文件只写一份资料，删除多余的“---”及其后的内容或拆成两个文件",
    ),
    (
        "ComposerError",
        "undefined alias",
        "引用了未定义的锚点（“*名称”）",
        "先用“&名称”定义锚点再引用；如果“*”只是正文，请给整个值加引号",
    ),
    (
        "ParserError",
        "while parsing a flow",
        "方括号 [ ] 或花括号 { } 没有成对闭合",
        "补全括号；如果括号只是正文内容，请给整个值加引号",
    ),
    (
        "ScannerError",
        "that cannot start any token",
        "值以 YAML 的保留符号开头（如 @、`、%）",
        "给整个值加上英文双引号",
    ),
    (
        "ScannerError",
        "while scanning an alias",
        "值以“*”开头，被当成了锚点引用",
        "给整个值加上英文双引号",
    ),
    (
        "ScannerError",
        "while scanning an anchor",
        "值以“&”开头，被当成了锚点定义",
        "给整个值加上英文双引号",
    ),
]


def yaml_error(exc: Any, text: str) -> str:
    """Explain a marked ruamel.yaml error in Chinese, with a hint of the fix."""
    kind = type(exc).__name__
    where = f"{exc.context or ''} {exc.problem or ''}"
    for cls_name, phrase, explanation, hint in _YAML_PROBLEMS:
        if kind == cls_name and phrase in where:
            return f"{explanation}。{_fullwidth_colon_hint(exc, text) or hint}"
    return "YAML 格式有误，无法读取此处。" + (_fullwidth_colon_hint(exc, text) or "请对照上下文检查缩进、冒号和引号")


def _fullwidth_colon_hint(exc: Any, text: str) -> str | None:
    """Clerks often type the key separator as a full-width colon; say so when we see it."""
    lines = text.splitlines()
    for mark in (exc.problem_mark, exc.context_mark):
        if mark is None:
            continue
        for number in (mark.line - 1, mark.line):
            if 0 <= number < len(lines) and _looks_like_fullwidth_key(lines[number]):
                return f"第 {number + 1} 行的键后用了中文冒号“：”，请改为英文冒号加空格“: ”"
    return None


def _looks_like_fullwidth_key(line: str) -> bool:
    stripped = line.strip().lstrip("- ")
    head = stripped.split("：", 1)[0]
    return "：" in stripped and ":" not in head and head.replace("_", "").isascii() and bool(head)


def yaml_version(version: str) -> str:
    return f"不支持的 YAML 版本声明“%YAML {version}”；资料文件不需要这一行，请删除它（或写 %YAML 1.2）"


def yaml_unmarked_error(exc: BaseException) -> str:
    return "YAML 格式有误或嵌套过深，无法读取。请检查缩进、引号和括号"


def yaml_too_many_aliases(limit: int) -> str:
    return f"锚点引用（“*名称”）超过 {limit} 处；资料文件不需要这么多引用，请直接写出内容"


def yaml_too_large(limit: int) -> str:
    return f"文件展开后超过 {limit} 个值（可能是锚点层层引用），出于安全考虑拒绝读取"


def empty_profile() -> str:
    return "资料文件是空的；请运行 reportgen init 生成一份带说明的模板，再逐项填写"


def root_not_mapping(value: Any) -> str:
    return (
        "资料文件的最外层应为一组“键: 值”（如 jurisdiction:、year:），实为 "
        + show_value(value)
        + "；请从 reportgen init 生成的模板开始填写"
    )


# ---------------------------------------------------------------- schema errors


def _expect(expected: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda error: expected_actual(expected, error.get("input"))


def _missing(error: Mapping[str, Any]) -> str:
    return "缺少必填项，请补上"


def _extra(error: Mapping[str, Any]) -> str:
    key = error["loc"][-1] if error.get("loc") else ""
    suggestion = (error.get("ctx") or {}).get("suggestion")
    tail = f"；是否想写“{suggestion}”？" if suggestion else "；请检查拼写，或删除这一项"
    return f"不认识的字段“{key}”" + tail


def _enum(error: Mapping[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    expected = ctx.get("expected", "")
    return expected_actual(f"以下之一：{expected}", error.get("input"))


def _bound(word: str) -> Callable[[Mapping[str, Any]], str]:
    def explain(error: Mapping[str, Any]) -> str:
        ctx = error.get("ctx") or {}
        limit = next(iter(ctx.values()), "")
        return expected_actual(f"{word} {limit} 的数", error.get("input"))

    return explain


def _too_short(error: Mapping[str, Any]) -> str:
    return expected_actual("非空内容", error.get("input"))


def _custom(error: Mapping[str, Any]) -> str:
    # Our own validators raise PydanticCustomError whose template is already Chinese.
    return str(error.get("msg", ""))


_SCHEMA_MESSAGES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "string_type": _expect("文字"),
    "string_too_short": _too_short,
    "too_short": _too_short,
    "int_type": _expect("整数"),
    "int_parsing": _expect("整数（阿拉伯数字，不带单位）"),
    "int_from_float": _expect("整数，不能有小数"),
    "bool_type": _expect("true 或 false"),
    "bool_parsing": _expect("true 或 false"),
    "date_type": _expect("日期，如 2025-03-12 或 2025年3月12日"),
    "date_parsing": _expect("日期，如 2025-03-12 或 2025年3月12日"),
    "date_from_datetime_parsing": _expect("存在的日期，如 2025-03-12 或 2025年3月12日"),
    "date_from_datetime_inexact": _expect("只含日期、不含时刻的值，如 2025-03-12"),
    "enum": _enum,
    "literal_error": _enum,
    "list_type": _expect("一个列表（每项以“- ”开头）"),
    "dict_type": _expect("一组“键: 值”"),
    "model_type": _expect("一组“键: 值”"),
    "model_attributes_type": _expect("一组“键: 值”"),
    "greater_than_equal": _bound("不小于"),
    "greater_than": _bound("大于"),
    "less_than_equal": _bound("不大于"),
    "less_than": _bound("小于"),
    "decimal_type": _expect("数字"),
    "decimal_parsing": _expect("数字"),
    "float_type": _expect("数字"),
    "float_parsing": _expect("数字"),
    "path_type": _expect("文件路径"),
}


def schema_error(error: Mapping[str, Any]) -> str:
    """Chinese text for one entry of pydantic's ValidationError.errors()."""
    kind = error.get("type", "")
    explain = _SCHEMA_MESSAGES.get(kind)
    if explain is not None:
        return explain(error)
    if kind.startswith("rg_"):
        return _custom(error)
    return expected_actual("符合要求的值", error.get("input"))


# ------------------------------------------------ templates of our own validators' errors
# PydanticCustomError(type, template, ctx): pydantic fills {name} from ctx, so these are
# the message templates, keyed by the error types our validators raise.

CUSTOM = {
    "rg_count": "应为非负整数，可带“余”表示约数（如 3000余）或用“万”（如 8.9万），实为 {shown}",
    "rg_count_unit": "数字后不要写单位，直接写 {number}；单位“{unit}”由系统补上，实为 {shown}",
    "rg_count_chinese": "请用阿拉伯数字（如 14），实为 {shown}",
    "rg_percent": '应为 0 到 100 之间的百分数，如 98.5 或 "98.5%"，可写“95%以上”，实为 {shown}',
    "rg_amount": "应为金额数字（元），可用“万”“亿”（如 2.78万），实为 {shown}",
    "rg_date": "应为存在的日期，如 2025-03-12 或 2025年3月12日，实为 {shown}",
    "rg_level": "应为以下之一：{choices}，实为 {shown}",
    "rg_area": "应为标准领域之一：{choices}；自定义领域请不写 area、只写 title，实为 {shown}",
    "rg_year": "应为四位年份（如 2024），实为 {shown}",
    "rg_blank": "不能为空；如暂时没有内容，请删除这一项",
    "rg_area_needs_title": "自定义领域必须写 title（标题）；标准领域写 area（如 dispute_resolution）",
    "rg_measure_empty": "这条举措既没有标题也没有正文，请补写或删除",
    "rg_last_year_source": "请只写 profile（去年的资料文件）或 figures（去年的数字）中的一项",
    "rg_page_numbers": "应为 odd_even（单页码居右、双页码居左）或 centered（居中），实为 {shown}",
}


# ---------------------------------------------------------------- checks


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


def rate_zero_denominator(denominator: str) -> str:
    return f"“{denominator}”为 0，无法计算比率；请删除此比率或核对数字"


def rate_at_least_violated(correct: str, bound: str) -> str:
    return f"应为 {correct}（由数字计算），实为“{bound}以上”；请删除此项，让系统计算"


def rate_above_hundred(numerator: str, denominator: str) -> str:
    return f"“{numerator}”大于“{denominator}”，比率会超过 100%；请核对这两个数"


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


def published_before_signed(published: str, signed: str) -> str:
    return f"发布日期 {published} 早于成文日期 {signed}；报告须先成文后发布，请核对"


def published_too_late_after_signing(days: int) -> str:
    return (
        f"成文后 {days} 个工作日才发布。《政府信息公开条例》第二十六条：属于主动公开范围的政府信息，"
        "应当自形成或者变更之日起20个工作日内及时公开"
    )


def bad_document_number(value: str) -> str:
    return f"发文字号“{value}”格式不规范；年份应用六角括号“〔〕”，如“托政发〔2025〕3号”，不用 []、()、【】，也不能留空"


def bad_index_number(value: str) -> str:
    return f"索引号“{value}”不符合“前段码/年份-序号”的格式（如 000014349/2025-00110），请与本单位政务公开目录核对"


def last_year_wrong_year(last: int, expected: int) -> str:
    return f"去年的资料是 {last} 年的，应为 {expected} 年；同比须与上一年比较"


def last_year_other_jurisdiction(last: str, this: str) -> str:
    return f"去年的资料属于“{last}”，与本资料“{this}”不是同一单位"


def last_year_invalid(path: Path, errors: int) -> str:
    return f"去年的资料文件 {path} 有 {errors} 处错误，无法计算同比；请先运行 reportgen validate 修正它"


def last_year_unreadable(reason: str) -> str:
    return f"无法读取去年的资料文件：{reason}"


def title_lines_mismatch(joined: str, title: str) -> str:
    return f"标题分行连起来是“{joined}”，与标题“{title}”不一致；请按标题原文分行"


def area_empty(title: str) -> str:
    return f"工作领域“{title}”还没有内容（text 或 measures），生成报告时将略去此节"


def area_duplicated(title: str, first_line: int | None) -> str:
    where = f"第 {first_line} 行" if first_line else "前面"
    return f"标准领域“{title}”已在{where}出现过，同一领域只能写一次；请合并"


def unbalanced_pair(opening: str, closing: str, opened: int, closed: int) -> str:
    return f"“{opening}”与“{closing}”不成对（“{opening}”{opened} 个，“{closing}”{closed} 个）；请补全或删除多余的一个"


def half_width_punctuation(mark: str, full: str, excerpt: str) -> str:
    return f"中文正文中有半角标点“{mark}”（…{excerpt}…），应为全角“{full}”"


def outdated_goal_formula(found: str) -> str:
    return (
        f"“{found}”是旧纲要（2015—2020年）或误写的目标表述；《法治政府建设实施纲要（2021—2025年）》"
        "为“职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意”"
    )


# ---------------------------------------------------------------- templates

# Jinja's syntax messages are English; the common ones, by their stable phrasing.
_TEMPLATE_SYNTAX = [
    ("Encountered unknown tag", "用了不认识的标签（如拼错了 endif、endfor）"),
    ("Unexpected end of template", "模板提前结束：有 {% if %} 或 {% for %} 等没有对应的 {% endif %}/{% endfor %}"),
    ("unexpected end of template", "模板提前结束：有括号或引号没有闭合"),
    ("unexpected '}'", "多了一个“}”，或 {{ }}、{% %} 没有成对"),
    ("unexpected char", "出现了模板语法不认识的字符"),
    ("expected token", "表达式写法有误（检查括号、引号和逗号）"),
    ("tag name expected", "{% %} 中缺少标签名"),
]


def template_syntax(name: str, line: int | None, detail: str) -> str:
    explanation = next(
        (chinese for phrase, chinese in _TEMPLATE_SYNTAX if phrase in detail), "模板语法有误，请对照上下文检查"
    )
    return f"模板 {name} 第 {line} 行：{explanation}"


def template_missing(name: str | None) -> str:
    return f"找不到模板 {name}；运行 reportgen templates list 查看可用的模板"


def template_undefined(name: str, line: int | None, detail: str) -> str:
    import re

    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", detail)
    what = (match.group(2) or match.group(1)) if match else "某个名称"
    return f"模板 {name} 第 {line} 行：使用了未定义的名称“{what}”；可用的变量和函数见模板维护指南"


def template_forbidden(name: str, line: int | None) -> str:
    return f"模板 {name} 第 {line} 行：试图访问模板中不允许使用的内容（出于安全考虑已阻止）"


def template_runtime(name: str, line: int | None, kind: str) -> str:
    return f"模板 {name} 第 {line} 行：运行出错（{kind}），请检查这一行的表达式"


# ---------------------------------------------------------------- PDF


def libreoffice_missing() -> str:
    return (
        "生成 PDF 需要 LibreOffice，本机没有找到。请安装后重试："
        "Debian/Ubuntu 运行 sudo apt-get install libreoffice-writer；Windows 从 libreoffice.org 下载安装"
    )


def pdf_timeout(seconds: int) -> str:
    return f"LibreOffice 转换 PDF 超过 {seconds} 秒仍未完成，已停止；请关闭正在运行的 LibreOffice 后重试"


def pdf_failed() -> str:
    return "LibreOffice 没有生成 PDF；请确认 LibreOffice 能正常打开 Word 文档，或先生成 .docx 再手动另存为 PDF"


def fonts_missing(names: list[str]) -> str:
    return (
        f"本机缺少字体：{'、'.join(names)}。PDF 中这些文字将以其他字体代替，版式可能与 Word 中不同；"
        "请安装这些字体后重新生成（Windows 电脑一般自带）"
    )


# ---------------------------------------------------------------- CLI


def summary(files: int, errors: int, warnings: int) -> str:
    if errors:
        return f"检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告。请修正错误后再生成报告。"
    if warnings:
        return f"检查了 {files} 个文件：没有错误，{warnings} 个警告。"
    return f"检查了 {files} 个文件：全部通过。"


def internal_error(log_path: Path) -> str:
    return f"reportgen 内部出错，这不是您的操作问题。详细信息已写入 {log_path}，请将该文件发给维护人员。"
