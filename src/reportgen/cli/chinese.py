"""Click, speaking Chinese: help headings, the help option, and usage errors.

Click's own strings are English (gettext, no zh catalogue); a clerk must never see them.
We override the few places they are written and translate usage errors from the
exception's structured fields (option name, command name), never from its English text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import click

HELP_TEXT = "显示本帮助并退出"


class ChineseFormatter(click.HelpFormatter):
    def write_heading(self, heading: str) -> None:
        # Click writes "Options:"; Chinese headings take a full-width colon.
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        # Click wraps at spaces and counts a Chinese character as one column: lines ran past the
        # terminal and broke anywhere, putting "，" or "。" first on a line.
        indent = " " * self.current_indent
        self.write(wrap_chinese(text, max(self.width - self.current_indent, 20), indent) + "\n")


# A line never starts with these (GB/T 15834's closing marks: 避头点).
_NO_LINE_START = frozenset("，。、；：！？）》”’】〕…—")
_TOKENS = re.compile(r"[!-~]+| +|.")  # an ASCII word (kept whole), a run of spaces, any other character


def wrap_chinese(text: str, width: int, indent: str = "") -> str:
    """Paragraphs (blank-line separated) rewrapped to `width` display columns; a paragraph that
    starts with Click's "\\b" marker keeps its lines."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        if paragraph.lstrip().startswith("\b"):
            lines = paragraph.lstrip()[1:].strip("\n").splitlines()
            paragraphs.append("\n".join(indent + line.strip() for line in lines))
            continue
        joined = " ".join(line.strip() for line in paragraph.splitlines())
        paragraphs.append("\n".join(indent + line for line in _wrapped(joined, width)))
    return "\n\n".join(paragraphs)


def _wrapped(text: str, width: int) -> list[str]:
    lines, line, used = [], "", 0
    for token in _TOKENS.findall(text):
        size = _columns(token)
        fits = used + size <= width or token in _NO_LINE_START  # a closing mark stays on its line
        if not fits and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        if not line and token.isspace():
            continue
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class _ChineseHelp:
    context_class = ChineseContext

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            record
            for param in self.get_params(ctx)  # type: ignore[attr-defined]
            if not isinstance(param, click.Argument) and (record := param.get_help_record(ctx))
        ]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option


class ChineseCommand(_ChineseHelp, click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)


class ChineseGroup(_ChineseHelp, click.Group):
    command_class = ChineseCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = [
            (name, command.get_short_help_str(60))
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)


def usage_error_text(error: click.UsageError) -> str:
    """A Chinese sentence for a Click usage error, built from its structured fields."""
    command = error.ctx.command_path if error.ctx else "reportgen"
    hint = f"运行 {command} --help 查看用法。"
    if isinstance(error, click.NoSuchOption):
        near = f"，是否想用 {'、'.join(error.possibilities)}？" if error.possibilities else "。"
        return f"没有选项 {error.option_name}{near}{hint}"
    if isinstance(error, click.BadOptionUsage):
        return f"选项 {error.option_name} 用法有误（可能缺少它的值）。{hint}"
    if isinstance(error, click.MissingParameter):
        name = error.param.human_readable_name if error.param else "参数"
        return f"缺少 {name}。{hint}"
    if isinstance(error, click.BadParameter):
        name = error.param.human_readable_name if error.param else "参数"
        return f"{name} 的值无效。{hint}"
    command_name = getattr(error, "command_name", None)
    if command_name is not None:
        near = getattr(error, "possibilities", None)
        suggestion = f"，是否想用 {'、'.join(near)}？" if near else "。"
        return f"没有命令 {command_name}{suggestion}运行 reportgen --help 查看全部命令。"
    return f"命令行参数有误。{hint}"
