"""Click, speaking Chinese: help headings, the help option, and usage errors.

Click's own strings are English (gettext, no zh catalogue); a clerk must never see them.
We override the few places they are written and translate usage errors from the
exception's structured fields (option name, command name), never from its English text.
"""

from __future__ import annotations

from typing import Any

import click

HELP_TEXT = "显示本帮助并退出"


class ChineseFormatter(click.HelpFormatter):
    def write_heading(self, heading: str) -> None:
        # Click writes "Options:"; Chinese headings take a full-width colon.
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


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
