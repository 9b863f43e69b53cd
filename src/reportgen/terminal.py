"""Everything the CLI prints: diagnostics, summaries, figure tables (Rich, imported lazily).

User text is always passed as rich.text.Text, never as markup, so "[x]" in a profile
prints as typed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import messages
from reportgen.errors import Diagnostic

if TYPE_CHECKING:
    from rich.console import Console

    from reportgen.derive import Figure, Report
    from reportgen.validate import ValidationResult

_STYLES = {"error": "bold red", "warning": "yellow"}


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def display_path(path: Path) -> str:
    """Paths relative to the working directory when possible, as editors link them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def diagnostic_line(diagnostic: Diagnostic) -> str:
    """`文件:行:列  字段中文名 (path)  message` — the plain form, also used in tests."""
    where = display_path(diagnostic.file)
    if diagnostic.line is not None:
        where += f":{diagnostic.line}:{diagnostic.column}"
    field = diagnostic.title
    if diagnostic.path:
        field += f" ({diagnostic.dotted_path()})"
    return f"{where}  {field}  {diagnostic.message}"


def print_diagnostics(diagnostics: Iterable[Diagnostic], out: Console) -> None:
    from rich.text import Text

    for diagnostic in diagnostics:
        kind = diagnostic.severity.value
        line = Text(f"[{messages.SEVERITY_LABELS[kind]}] ", style=_STYLES[kind])
        line.append(diagnostic_line(diagnostic))
        out.print(line)


def print_results(results: list[ValidationResult], out: Console) -> None:
    from rich.text import Text

    for result in results:
        if not result.diagnostics:
            out.print(Text(f"[通过] {display_path(result.path)}", style="green"))
        print_diagnostics(result.diagnostics, out)
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    style = "bold red" if errors else ("yellow" if warnings else "bold green")
    out.print(Text(messages.summary(len(results), errors, warnings), style=style))


def print_figures(report: Report, out: Console) -> None:
    from rich.table import Table

    from reportgen.derive import field_title
    from reportgen.filters import change_text, figure_text
    from reportgen.schema.indicators import INDICATOR_GROUPS

    for group in report.groups:
        cls = INDICATOR_GROUPS[group.key]
        title = group.title + (f"（{group.kind}）" if group.kind else "")
        table = Table(title=title, title_justify="left", show_lines=False)
        table.add_column("指标")
        table.add_column("数值", justify="right")
        table.add_column("来源")
        for name, figure in group.figures.items():
            table.add_row(field_title(cls, name), figure_text(figure), _source_text(figure))
        out.print(table)
    if report.changes:
        table = Table(title="同比", title_justify="left")
        for column in ("指标", "今年", "去年", "变化"):
            table.add_column(column)
        for change in report.changes:
            table.add_row(
                f"{change.title}",
                figure_text(change.this_year),
                figure_text(change.last_year),
                change_text(change),
            )
        out.print(table)


def _source_text(figure: Figure) -> str:
    return f"计算：{figure.formula}" if figure.computed else "填写"


def print_build(built: list, out: Console) -> None:
    """Per profile: its diagnostics, the files written, and the paragraphs of stock text."""
    from rich.text import Text

    for report in built:
        result = report.result
        print_diagnostics(result.diagnostics, out)
        if not report.outputs:
            out.print(Text(f"[未生成] {display_path(result.path)}：资料有错误，请先修正。", style="bold red"))
            continue
        for path in report.outputs:
            out.print(Text(f"已写入 {display_path(path)}", style="green"))
        for place in report.stock:
            out.print(Text(f"[模板文字] {place}：资料中没有填写，使用了模板的默认文字，请审核。", style="yellow"))


def print_templates(entries: list, out: Console) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    table.add_column("模板", no_wrap=True)
    table.add_column("来源", no_wrap=True)
    table.add_column("用途")
    for entry in entries:
        source = entry.source + ("（覆盖自带）" if entry.overrides else "")
        table.add_row(entry.name, source, entry.purpose)
    out.print(table)


def print_error(message: str) -> None:
    from rich.text import Text

    console(stderr=True).print(Text(f"[错误] {message}", style="bold red"))


def print_written(paths: Iterable[Path]) -> None:
    from rich.text import Text

    out = console()
    for path in paths:
        out.print(Text(f"已写入 {display_path(path)}", style="green"))


def stdout_write(text: str) -> None:
    sys.stdout.write(text)
