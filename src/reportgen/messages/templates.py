"""Template errors for maintainers, with file and line."""

from __future__ import annotations

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
