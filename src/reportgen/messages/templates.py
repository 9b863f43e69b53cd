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


# A template stopped at a limit (reportgen.render.limits): what went past which limit, and
# what to look at. {amount} is the limit's size.
_TEMPLATE_LIMITS = {
    "value": "生成的文字或列表过长（一项最多 {amount}个字符或项），已停止；"
    "请检查这一行的重复（*）、拼接（~、+、join）或宽度",
    "output": "生成的报告过长（最多 {amount}个字符），已停止；请检查这一行所在的循环",
    "made": "生成的内容总量过大（一份报告最多 {amount}个字符或项），已停止；请检查这一行所在的循环",
    "loops": "循环次数过多（一份报告最多 {amount}次），已停止；请检查这一行所在的循环",
    "range": "range() 的项数过多（一次最多 {amount}项）",
    "number": "数字过大（最多 {amount}位），已停止；请检查这一行的乘方（**）、乘法或小数位数",
    "time": "生成一份报告超过 {amount}秒仍未完成，已停止；请检查这一行所在的循环或宏",
    "work": "这一步的计算量过大，已停止；请检查这一行处理的文字是否过长",
    "depth": "嵌套过深，已停止：可能是宏调用了自己，或模板 include 了自己（直接或间接）",
    "memory": "内存不足，已停止；请检查这一行生成的内容是否过多",
}


def template_limit(name: str, line: int | None, limit: str, amount: float = 0) -> str:
    where = f"模板 {name} 第 {line} 行" if line else f"模板 {name}"
    return f"{where}：" + _TEMPLATE_LIMITS[limit].format(amount=_amount(amount))


def _amount(amount: float) -> str:
    """Followed by its unit: 2000000 → "200 万", 1000 → "1000 ", 10.0 → "10 ", 0.5 → "0.5 "."""
    whole = int(amount)
    if whole >= 10_000 and whole % 10_000 == 0:
        return f"{whole // 10_000} 万"
    return f"{whole if whole == amount else amount} "
