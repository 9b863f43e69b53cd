"""The template maintainer's reference, generated from code: variables, helpers, filters,
figure fields and the template files. `reportgen templates doc` writes it; a test keeps the
committed docs/template-reference.md current."""

from __future__ import annotations

from reportgen.render.catalog import list_templates
from reportgen.render.context import CONTEXT_DOC
from reportgen.render.environment import HELPER_DOC
from reportgen.render.filters import FILTER_DOC
from reportgen.schema.indicators import INDICATOR_GROUPS

_VIEWS = [
    (
        "领域（areas 中的每一项）",
        [
            ("key", "标准领域键，自定义领域为空"),
            ("heading", "领域标题"),
            ("text", "领域概述"),
            ("measures", "各项举措"),
            ("groups", "本领域的数字组"),
            ("has_content", "是否有内容"),
        ],
    ),
    (
        "举措（area.measures 中的每一项）",
        [
            ("title", "举措标题"),
            ("text", "举措正文"),
            ("items", "子项（title、text）"),
            ("groups", "本举措的数字组"),
        ],
    ),
    (
        "数字组（groups 中的每一项，在 figures/ 模板中名为 g）",
        [
            ("key", "数字组键，如 administrative_reconsideration"),
            ("kind", "调解类别（kind）"),
            ("title", "数字组中文名"),
            (
                'g.say("字段", …, lead="")',
                "按各字段的说法（见下文“数字组的字段”）写成分句，以“，”连接：第一个说全（“收到行政复议申请14件”），"
                "其后的说短（“受理10件”），所以一次 say 只放同一件事的数字；有去年数字时接“同比……”；"
                "lead 为引导语（如“审结的案件中，”），给出时各项都说短；都没有数字时为空。放进 sentence() 成句",
            ),
            ("g.字段", "一个数字，打印为“14件”“80%”；未填写或推算为 0 时为假，可用 {% if %} 略去"),
            ('g.change("字段")', "与上一年度比较；配合 yoy 过滤器使用"),
        ],
    ),
]


def template_reference() -> str:
    lines = [
        "# 模板参考",
        "",
        "<!-- 本文件由 `reportgen templates doc -o docs/template-reference.md` 生成，请勿手改。 -->",
        "",
        "模板中可用的变量、函数、过滤器和数字，以及全部自带模板。用法见 [模板维护指南](template-guide.md)。",
        "",
    ]
    lines += _table("## 变量", ("名称", "含义"), CONTEXT_DOC.items())
    for heading, rows in _VIEWS:
        lines += _table(f"### {heading}", ("名称", "含义"), rows)
    lines += _table("## 函数", ("函数", "用途"), ((name.split("(")[0], doc) for name, doc in HELPER_DOC.items()))
    lines += _table("## 过滤器", ("过滤器", "用途"), FILTER_DOC.items())
    lines += _figure_fields()
    lines += _table("## 自带模板", ("模板", "用途"), ((e.name, e.purpose) for e in list_templates()))
    return "\n".join(lines).rstrip() + "\n"


def _table(heading: str, columns: tuple[str, str], rows) -> list[str]:
    lines = [heading, "", f"| {columns[0]} | {columns[1]} |", "|---|---|"]
    lines += [f"| `{name}` | {_cell(doc)} |" for name, doc in rows]
    return [*lines, ""]


def _figure_fields() -> list[str]:
    lines = [
        "## 数字组的字段（figures/ 模板中的 g.字段）",
        "",
        "每个字段后是 g.say 用的说法：{value} 为带单位的数字（如 14件、80%），{scope} 为本级称谓（如 全县、本局）；"
        "“其后”是同一次 say 中接在别的数字后面时的短说法。说法定义在 schema/indicators.py，模板中不写单位和说法。",
        "",
    ]
    for key, group in INDICATOR_GROUPS.items():
        lines.append(f"- `figures/{key}.j2` {group.group_title()}：")
        for name, info in group.model_fields.items():
            phrase = group.phrase(name)
            if phrase is None:
                lines.append(f"  - `{name}` {info.title}")
                continue
            short = f"；其后 `{phrase.short}`" if phrase.short else ""
            lines.append(f"  - `{name}` {info.title}：`{phrase.text}`{short}")
    return [*lines, ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
