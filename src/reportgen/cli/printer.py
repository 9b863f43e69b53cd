"""Everything the CLI prints: diagnostics, summaries, figure tables.

Lines go through click.secho (Click is loaded anyway; colour only on a terminal). Rich
draws the tables and is imported only by the commands that print one, which keeps it off
the start-up path of `validate` and `build`. User text is never markup in either.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import messages
from reportgen.errors import Diagnostic

if TYPE_CHECKING:
    from rich.console import Console

    from reportgen.api import BuildTally, BuiltReport
    from reportgen.derive import Figure, Report
    from reportgen.validate import ValidationResult
    from reportgen.writers.fonts import RoleFont

# click.secho keyword arguments per kind of line.
_ERROR = {"fg": "red", "bold": True}
_WARNING = {"fg": "yellow"}
_GOOD = {"fg": "green"}
_STYLES = {"error": _ERROR, "warning": _WARNING}


# What a profile's text must not send to a terminal: control characters (ESC starts colour, cursor and
# title sequences; BEL, backspace, carriage return rewrite what is shown), C1 controls, and the
# bidirectional overrides that reorder a line (U+202E makes "txt.exe" read "exe.txt").
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` safe to print: each control or direction character shown by its name, as messages name
    it (‹控制字符 U+001B›), never acted on. Newlines and tabs stay (`templates show` prints lines)."""
    from reportgen.messages.values import character_name

    return _UNPRINTABLE.sub(lambda match: f"‹{character_name(match.group()) or hex(ord(match.group()))}›", text)


def _line(text: str, style: dict[str, object] | None = None, *, err: bool = False) -> None:
    import click

    click.secho(printable(text), err=err, **(style or {}))


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


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    import click

    for diagnostic in diagnostics:
        kind = diagnostic.severity.value
        label = click.style(f"[{messages.SEVERITY_LABELS[kind]}]", **_STYLES[kind])  # type: ignore[arg-type]
        click.echo(f"{label} {printable(diagnostic_line(diagnostic))}")


def print_results(results: list[ValidationResult]) -> None:
    for result in results:
        if not result.diagnostics:
            _line(f"{messages.PASSED} {display_path(result.path)}", _GOOD)
        print_diagnostics(result.diagnostics)
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    style = _ERROR if errors else (_WARNING if warnings else {**_GOOD, "bold": True})
    _line(messages.summary(len(results), errors, warnings), style)


def print_figures(report: Report, out: Console) -> None:
    from rich.table import Table

    from reportgen.render.filters import change_text, figure_text
    from reportgen.schema.indicators import INDICATOR_GROUPS

    for group in report.groups:
        cls = INDICATOR_GROUPS[group.key]
        title = printable(group.title + (f"（{group.kind}）" if group.kind else ""))
        table = Table(title=title, title_justify="left", show_lines=False)
        table.add_column("指标")
        table.add_column("数值", justify="right")
        table.add_column("来源")
        for name, figure in group.figures.items():
            table.add_row(cls.figure_title(name), figure_text(figure), printable(_source_text(figure)))
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
    return messages.figure_computed(figure.formula) if figure.computed else messages.FIGURE_TYPED


def print_built(report: BuiltReport) -> None:
    """One profile of a build: its diagnostics, the placeholders still to fill in, and the files
    written, or why none were."""
    result = report.result
    print_diagnostics(result.diagnostics)
    for place, prompt in report.placeholders:
        _line(messages.placeholder_left(place, prompt), _ERROR if report.refused else _WARNING)
    if report.refused:
        _line(messages.final_refused(display_path(result.path), len(report.placeholders)), _ERROR)
    elif report.failure is not None:
        _line(messages.build_failed(display_path(result.path), report.failure), _ERROR)
    elif not report.written:
        _line(messages.not_built(display_path(result.path)), _ERROR)
    for path in report.written:
        _line(f"{messages.WRITTEN} {display_path(path)}", _GOOD)
    for notice in report.notices:
        _line(f"{messages.WARNING_LABEL} {notice}", _WARNING)
    if report.proofread:
        _print_proofread(report)


def _print_proofread(report: BuiltReport) -> None:
    """The text rules of `reportgen check` on what was written, as `check` shows them."""
    from reportgen.cli.review import finding_lines

    _line(messages.proofread_header(display_path(report.result.path), len(report.proofread)), _WARNING)
    for finding in report.proofread:
        for line in finding_lines(finding):
            _line(f"  {line}", _WARNING)


def print_build_summary(tally: BuildTally) -> None:
    style = _ERROR if tally.failed else (_WARNING if tally.warned else {**_GOOD, "bold": True})
    _line(messages.build_summary(tally.built, tally.warned, tally.failed), style)


def print_batch(reports: Iterable[BuiltReport], count: int) -> BuildTally:
    """A build's profiles as they finish, then the summary. On a terminal a batch gets a progress bar
    (count, rate, time left) and only the problems are printed above it; to a file or pipe, every
    profile's lines as print_built writes them. The failed profiles are named in a table at the end."""
    from reportgen.batch import BuildTally

    tally = BuildTally()
    if count > 1 and sys.stdout.isatty():
        _with_progress(reports, count, tally)
    else:
        for report in reports:
            print_built(report)
            tally.add(report)
    if count > 1 and tally.failures:
        _failed_table(tally)
    print_build_summary(tally)
    return tally


def _with_progress(reports: Iterable[BuiltReport], count: int, tally: BuildTally) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _rate_column(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console(), transient=True) as progress:
        task = progress.add_task(messages.PROGRESS_LABEL, total=count)
        for report in reports:
            for line in _problem_lines(report):
                progress.console.print(line, markup=False, highlight=False)
            tally.add(report)
            progress.advance(task)


def _rate_column() -> object:
    """Profiles per second, once there is a rate to show."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task):  # type: ignore[no-untyped-def]
            return Text(messages.progress_rate(task.speed) if task.speed else "")

    return RateColumn()


def _problem_lines(report: BuiltReport) -> list[str]:
    """What a progress bar must not hide: a profile's errors and warnings, and why it was not built."""
    result = report.result
    lines = [
        f"[{messages.SEVERITY_LABELS[d.severity.value]}] {printable(diagnostic_line(d))}" for d in result.diagnostics
    ]
    lines += [printable(messages.placeholder_left(place, prompt)) for place, prompt in report.placeholders]
    if report.failure is not None:
        lines.append(printable(messages.build_failed(display_path(result.path), report.failure)))
    elif not report.written:
        lines.append(printable(messages.not_built(display_path(result.path))))
    return lines


def _failed_table(tally: BuildTally) -> None:
    from rich.table import Table

    table = Table(title=messages.FAILED_TABLE_TITLE, title_justify="left")
    table.add_column(messages.SUMMARY_COLUMNS[0])
    table.add_column(messages.SUMMARY_COLUMNS[5])
    for outcome in tally.failures:
        table.add_row(printable(display_path(outcome.profile)), printable(outcome.reason))
    console().print(table)


def print_fonts(checks: Sequence[RoleFont], out: Console) -> None:
    """`reportgen fonts`: each role, the font its layout asks for, the face used here, and whether it is the right kind;
    then what to do about any that is not."""
    from rich.table import Table

    table = Table(show_lines=False)
    for heading in messages.FONTS_TABLE_HEADINGS:
        table.add_column(heading)
    for font in checks:
        used = font.family if font.family is not None else messages.font_used_directly()
        if font.family is not None and font.style not in ("", "Regular", "Book", "Normal", "Medium"):
            used += f" {font.style}"  # Bold: the title's heavy Song
        table.add_row(
            messages.FONT_ROLES[font.role],
            printable(font.requested),
            printable(used),
            messages.font_verdict(font.ok, font.kind),
            style=None if font.ok is not False else "yellow",
        )
    out.print(table)
    wrong = [font.role for font in checks if font.ok is False]
    if wrong:
        _line(messages.fonts_wrong_hint(wrong), _WARNING)
    elif any(font.ok is None for font in checks):
        _line(messages.fonts_no_fontconfig())
    else:
        _line(messages.fonts_all_right(), _GOOD)


def print_note(text: str) -> None:
    _line(text)


def print_templates(entries: list, out: Console) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    table.add_column("模板", no_wrap=True)
    table.add_column("来源", no_wrap=True)
    table.add_column("用途")
    for entry in entries:
        source = entry.source + ("（覆盖自带）" if entry.overrides else "")
        table.add_row(printable(entry.name), printable(source), printable(entry.purpose))
    out.print(table)


def print_error(message: str) -> None:
    _line(f"{messages.ERROR_LABEL} {message}", _ERROR, err=True)


def print_written(paths: Iterable[Path]) -> None:
    for path in paths:
        _line(f"{messages.WRITTEN} {display_path(path)}", _GOOD)


def stdout_write(text: str) -> None:
    """Generated text (a schema, a template) to the screen; to a pipe or file as it is."""
    sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
