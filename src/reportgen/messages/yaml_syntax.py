"""YAML syntax errors, classified by ruamel's exception class and stable problem phrase
(ruamel.yaml has no error codes), each with a hint of the fix; and the mistakes the lines
themselves show (yaml_lines.py), named where ruamel would read on and blame a later line."""

from __future__ import annotations

from typing import Any

from reportgen.messages.values import character_name, show_text, show_value

_TAB = (
    "这一行用了 Tab 键缩进，YAML 只认空格",
    "把行首的 Tab 换成空格（每级两个空格）；编辑器里可打开“显示空白字符”查看",
)

# (exception class name, phrase in ruamel's `problem`) -> (explanation, hint)
_YAML_PROBLEMS: list[tuple[str, str, str, str]] = [
    ("ScannerError", "'\\t'", *_TAB),
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


# ---------------------------------------------------------------- what the lines show (yaml_lines.py)

_TAB_INDENT = "。".join(_TAB)
_INDENT_CHARACTERS = {
    "\t": _TAB_INDENT,
    "\u3000": (
        "这一行用全角空格（U+3000）缩进，YAML 只认半角空格。把行首的全角空格换成半角空格（每级两个）；"
        "正文段首的全角空格要写在半角空格缩进之后"
    ),
    "\u00a0": (
        "这一行用不换行空格（U+00A0，常随网页或 Word 中复制的文字带入）缩进，YAML 只认半角空格。"
        "删去行首的空白，重新用半角空格缩进（每级两个）"
    ),
}
_LIST_MARK_LOOKALIKES = {"－": "全角连字符“－”", "—": "破折号“—”", "–": "短横线“–”（U+2013）"}


def indentation_character(char: str) -> str:
    """A line indented with something other than ASCII spaces."""
    if char in _INDENT_CHARACTERS:
        return _INDENT_CHARACTERS[char]
    return (
        f"这一行的缩进里有{character_name(char) or char}，YAML 只认半角空格。"
        "删去行首的空白，重新用半角空格缩进（每级两个）"
    )


def list_mark_lookalike(mark: str) -> str:
    name = _LIST_MARK_LOOKALIKES.get(mark, f"“{mark}”")
    return f"这一行用{name}当作列表符号，YAML 只认半角减号“-”。把它改为半角“-”，后面留一个空格，如“- title: …”"


def colon_without_space(key: str, head: str) -> str:
    """`name:土城子乡`: YAML reads one plain text, not a key and its value."""
    shown = show_text(head)
    return (
        f"键“{key}”的冒号后面少了一个空格，YAML 把“{key}:{shown}”整个当成了文字，而不是“键: 值”。"
        f"在冒号后加一个空格：{key}: {shown}"
    )


def fullwidth_colon(key: str, head: str) -> str:
    return f"键“{key}”后用了中文冒号“：”，YAML 只认英文冒号。请改为英文冒号加空格：{key}: {show_text(head)}"


def odd_indentation(indent: int, levels: list[int]) -> str:
    shown = "、".join(str(level) for level in levels)
    return (
        f"缩进不一致：这一行缩进 {indent} 个空格，而上下文各层的缩进是 {shown} 个空格。"
        "同一层的键必须左对齐，下一层比上一层多缩进两个空格"
    )


def unclosed_quote(quote: str, line: int, swallowed: str) -> str:
    """A quote left open: the lines after it became text, until some later quote closed it."""
    kind = "双" if quote == '"' else "单"
    return (
        f"这一行的英文{kind}引号 {quote} 没有闭合，第 {line} 行的“{show_text(swallowed)}”等内容都被当成了引号里的文字。"
        f"请在这段文字末尾补上 {quote}；如果它是正文中的引号，请改用中文引号“”"
    )


def complex_key() -> str:
    return (
        "这里的键是一个列表或一组“键: 值”（YAML 的“? ”复杂键），资料文件的键只能是简单的名称，如 name:。"
        "请改为普通的“键: 值”；如果“?”“[”“{”是正文，请给整个值加英文双引号"
    )


def lone_surrogate(escape: str) -> str:
    """`"\\ud800"`: an escape that names half of a UTF-16 pair, which is no character at all."""
    return (
        f"转义“{escape}”是单独的代理项（半个 UTF-16 字符），不是有效的字符，报告中无法保存。"
        "请删去这个转义，直接写出要用的字"
    )


def forbidden_character(char: str) -> str:
    """A raw control character, which the YAML reader refuses."""
    return (
        f"这里有{character_name(char) or char}，资料文件中不能有这种不可见的字符（常随从其他软件复制的文字带入）；"
        "请删去它"
    )
