"""The command line's own sentences: usage mistakes, and the short status lines it prints."""

from __future__ import annotations

from pathlib import Path

PASSED = "[通过]"
WRITTEN = "已写入"
WARNING_LABEL = "[警告]"
ERROR_LABEL = "[错误]"
CANCELLED = "已取消。"
FIGURE_TYPED = "填写"


def figure_computed(formula: str) -> str:
    return f"计算：{formula}"


def validate_needs_paths() -> str:
    return "请给出要检查的资料文件或文件夹，如：reportgen validate profiles/"


def build_needs_paths() -> str:
    return "请给出资料文件或文件夹，如：reportgen build profiles/托克逊县-2024.yaml"


def init_missing_options(missing: list[str]) -> str:
    return f"缺少 {'、'.join(missing)}。例：reportgen init --name 土城子乡 --level 乡镇 --year 2024"


def init_unknown_level(level: str) -> str:
    return f"层级“{level}”无法识别，请写 乡镇、县、地区、省 或 部门"


def init_bad_year(year: str, first: int, last: int) -> str:
    return f"年度“{year}”无效，请写 {first} 到 {last} 之间的四位年份，如 2024"


def schema_bad_format(output_format: str) -> str:
    return f"格式“{output_format}”无效，请写 json 或 markdown"


def build_bad_formats(formats: str) -> str:
    return f"格式“{formats}”无效，请写 docx、html、pdf、txt 或用逗号组合，如 docx,html"


def template_folder_missing(folder: Path) -> str:
    return f"模板文件夹 {folder} 不存在"


def no_such_template(name: str) -> str:
    return f"没有名为 {name} 的模板；运行 reportgen templates list 查看全部模板"


def no_such_shipped_template(name: str) -> str:
    return f"没有名为 {name} 的自带模板；运行 reportgen templates list 查看全部模板"


def template_copy_exists(target: Path) -> str:
    return f"{target} 已存在，为免覆盖您修改过的内容，没有复制"
