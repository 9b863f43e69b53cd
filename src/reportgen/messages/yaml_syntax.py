"""YAML syntax errors, classified by ruamel's exception class and stable problem phrase
(ruamel.yaml has no error codes), each with a hint of the fix."""

from __future__ import annotations

from typing import Any

from reportgen.messages.values import show_value

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
