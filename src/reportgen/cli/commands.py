"""The command line: parse, call reportgen.api, print, set the exit code.

Exit codes: 0 valid, 1 invalid profile, 2 usage or file error, 130 Ctrl-C. User errors
(ReportgenError) are caught once, in `main`; anything else is our bug and is logged.
Heavy modules are imported inside commands so `reportgen --help` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from reportgen import __version__, messages
from reportgen.cli.chinese import ChineseGroup, usage_error_text
from reportgen.errors import FileProblem, ReportgenError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _profile_paths() -> Callable:
    return click.argument("paths", nargs=-1, metavar="资料文件或文件夹…", type=click.Path(path_type=Path))


def _jobs() -> Callable:
    return click.option(
        "-j",
        "--jobs",
        "jobs",
        metavar="N",
        type=click.IntRange(min=1, max=64),
        default=None,
        help="同时处理几份资料（几个进程）；默认为本机的处理器核数。一个文件夹有很多份资料时更快",
    )


def _template_dirs(help_text: str) -> Callable:
    return click.option(
        "--template-dir",
        "template_dirs",
        metavar="文件夹",
        multiple=True,
        type=click.Path(path_type=Path),
        help=help_text,
    )


def _output_file() -> Callable:
    return click.option(
        "-o", "--output", "output", metavar="文件", type=click.Path(path_type=Path), help="写入文件；不给则输出到屏幕"
    )


def _profile_output(where: str, default: Path | None = None) -> Callable:
    """-o and --force of the commands that write a profile (init, import, new): never over a file unless asked."""

    def decorate(command: Callable) -> Callable:
        command = click.option("--force", is_flag=True, help="目标文件已存在时覆盖它")(command)
        return click.option(
            "-o",
            "--output",
            "output",
            metavar="路径",
            type=click.Path(path_type=Path),
            default=default,
            help=f"写到哪个文件或文件夹（默认{where}，文件名为“名称-年度.yaml”）",
        )(command)

    return decorate


def _emit(text: str, output: Path | None) -> None:
    """Generated text to the screen, or atomically to a file."""
    from reportgen.cli import printer as terminal
    from reportgen.fsutil import write_atomic

    if output is None:
        terminal.stdout_write(text)
    else:
        terminal.print_written([write_atomic(output, text)])


@click.group(
    cls=ChineseGroup,
    context_settings=CONTEXT,
    help="reportgen：由年度资料（YAML）生成法治政府建设年度报告。\n\n先用 init 生成资料模板，填写后用 validate 检查。",
)
@click.version_option(__version__, "-V", "--version", message="reportgen %(version)s", help="显示版本号并退出")
def app() -> None:
    pass


@app.command(
    "validate",
    short_help="检查资料文件，列出全部错误和警告",
    help="检查资料文件（或文件夹中的全部 .yaml 文件），一次列出全部错误和警告，"
    "每条注明文件、行、列和字段。\n\n"
    "退出码：0 通过（可有警告），1 有错误，2 文件或用法错误。",
)
@_profile_paths()
@_jobs()
def validate_command(paths: tuple[Path, ...], jobs: int | None) -> None:
    from reportgen import api, parallel
    from reportgen.cli import printer as terminal

    if not paths:
        raise FileProblem(messages.validate_needs_paths())
    results = api.validate_paths(paths, jobs=jobs or parallel.default_jobs())
    terminal.print_results(results)
    sys.exit(max((result.exit_code for result in results), default=0))


@app.command(
    "figures",
    short_help="列出资料中的数字及自动计算的比率、合计、同比",
    help="列出资料文件中的全部数字：填写的、自动计算的（比率、合计）以及与上一年度的同比。",
)
@click.argument("path", metavar="资料文件", type=click.Path(path_type=Path))
def figures_command(path: Path) -> None:
    from reportgen import api
    from reportgen.cli import printer as terminal

    if path.is_dir():
        raise FileProblem(
            f"{path} 是文件夹；figures 一次查看一个资料文件，如：reportgen figures profiles/托克逊县-2024.yaml"
        )
    [result] = api.validate_paths([path])
    if result.report is None:
        terminal.print_results([result])
        sys.exit(result.exit_code)
    terminal.print_figures(result.report, terminal.console())
    if result.errors:
        terminal.print_results([result])
    sys.exit(result.exit_code)


@app.command(
    "init",
    short_help="生成一份带中文说明的资料模板",
    help="为指定单位和年度生成资料模板：每个字段上方都有中文说明，生成即可通过检查"
    "（尚未填写的部分给出警告）。同时在旁边写入 reportgen.schema.json，供编辑器补全和提示。\n\n"
    "例：reportgen init --name 土城子乡 --level 乡镇 --year 2024",
)
@click.option("--name", "name", metavar="名称", help="单位简称，如 土城子乡、托克逊县")
@click.option("--level", "level", metavar="层级", help="乡镇、县、地区、省 或 部门")
@click.option("--year", "year", metavar="年度", help="报告年度，如 2024")
@_profile_output("当前文件夹", Path("."))
def init_command(name: str | None, level: str | None, year: str | None, output: Path, force: bool) -> None:
    from reportgen import api
    from reportgen.cli import printer as terminal
    from reportgen.schema.jurisdiction import LEVEL_ALIASES
    from reportgen.schema.profile import MAX_YEAR, MIN_YEAR

    missing = [flag for flag, value in (("--name", name), ("--level", level), ("--year", year)) if not value]
    if missing:
        raise FileProblem(messages.init_missing_options(missing))
    assert name and level and year
    if level.strip() not in LEVEL_ALIASES:
        raise FileProblem(messages.init_unknown_level(level))
    if not (year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR):  # the schema's range
        raise FileProblem(messages.init_bad_year(year, MIN_YEAR, MAX_YEAR))
    written = api.create_starter_profile(name.strip(), level.strip(), int(year), output, force=force)
    terminal.print_written(written)


@app.command(
    "schema",
    short_help="输出资料文件的 JSON Schema 或字段参考文档",
    help="输出资料文件的结构说明：JSON Schema（供编辑器补全、悬停提示）或 Markdown 字段参考。",
)
@click.option("--format", "output_format", metavar="格式", default="json", help="json（默认）或 markdown")
@_output_file()
def schema_command(output_format: str, output: Path | None) -> None:
    from reportgen import api

    generators = {"json": api.json_schema_text, "markdown": api.schema_reference_text}
    if output_format not in generators:
        raise FileProblem(messages.schema_bad_format(output_format))
    _emit(generators[output_format](), output)


@app.command(
    "build",
    short_help="生成报告：Word（.docx）和网页（.html）",
    help="先检查资料，再生成报告。资料有错误时不生成，并列出错误。\n\n"
    "文件名为“名称-年度-法治政府建设年度报告”，如 托克逊县-2024-法治政府建设年度报告.docx。"
    "由模板默认文字补上的段落会列出，便于审核。",
)
@_profile_paths()
@click.option(
    "-o",
    "--output",
    "output",
    metavar="文件夹",
    type=click.Path(path_type=Path),
    default=Path("."),
    help="报告写到哪个文件夹（默认当前文件夹）",
)
@click.option(
    "--format",
    "formats",
    metavar="格式",
    default="docx,html",
    help="docx、html、pdf（需要 LibreOffice）、txt（纯文本，便于校对），可用逗号组合；默认 docx,html",
)
@_template_dirs("自己的模板文件夹：其中与自带模板同名的文件优先使用；可给多次")
@click.option(
    "--fragment", is_flag=True, help="网页只生成正文部分（样式限定在 .reportgen 内），便于粘贴到网站内容管理系统"
)
@click.option(
    "--toc/--no-toc",
    "toc",
    default=None,
    help="网页是否带目录；不指定时较长的报告（一、（一）级标题多于 12 个）自动带目录",
)
@click.option(
    "--final",
    is_flag=True,
    help="定稿：报告中还有“待填写”占位（如缺少某一部分、署名或成文日期）时拒绝生成，并列出各处。发布前请用此项",
)
@_jobs()
@click.option(
    "--report",
    "report_path",
    metavar="文件",
    type=click.Path(path_type=Path),
    default=None,
    help="把每份资料的结果（已生成、有警告、未生成及原因）另存为 .json 或 .csv，便于司法局汇总",
)
def build_command(
    paths: tuple[Path, ...],
    output: Path,
    formats: str,
    template_dirs: tuple[Path, ...],
    fragment: bool,
    toc: bool | None,
    final: bool,
    jobs: int | None,
    report_path: Path | None,
) -> None:
    from reportgen import api, messages, parallel
    from reportgen.cli import printer as terminal

    if not paths:
        raise FileProblem(messages.build_needs_paths())
    chosen = [name.strip() for name in formats.split(",") if name.strip()]
    if not chosen or any(name not in api.FORMATS for name in chosen):
        raise FileProblem(messages.build_bad_formats(formats))
    for folder in template_dirs:
        if not folder.is_dir():
            raise FileProblem(messages.template_folder_missing(folder))
    if output.exists() and not output.is_dir():
        raise FileProblem(messages.output_not_a_folder(output))
    if report_path is not None and report_path.suffix.lower() not in api.SUMMARY_FORMATS:
        raise FileProblem(messages.summary_bad_suffix(report_path))
    count = len(api.collect_profile_paths(paths))
    built = api.build_reports(
        paths, output, chosen, template_dirs, fragment=fragment, toc=toc, final=final,
        jobs=jobs or parallel.default_jobs(),
    )  # fmt: skip
    tally = terminal.print_batch(built, count)  # each profile as it is done, with progress on a terminal
    if report_path is not None:
        terminal.print_written([api.write_build_summary(report_path, tally)])
    sys.exit(tally.exit_code)


@app.command(
    "fonts",
    short_help="查看各级文字在本机用什么字体；安装免费的替代字体",
    help="列出标题、一级标题、二级标题、正文、页码、西文数字各用什么字体：版式要求的（资料的 layout.fonts，"
    "不给资料时为默认），本机实际使用的（生成 PDF 时），以及是否为同类字体。\n\n"
    "--install 在 Debian/Ubuntu 上安装免费的同类字体（需要管理员权限），装好后生成的 PDF 中"
    "标题为粗宋体、正文为仿宋、一级标题为黑体、二级标题为楷体。\n\n"
    "退出码：0 都合适（或无法判断），1 有用途没有合适的字体，2 文件、用法或安装出错。",
)
@click.argument("path", metavar="[资料文件]", required=False, type=click.Path(path_type=Path))
@click.option("--install", is_flag=True, help="安装免费的替代字体（Debian/Ubuntu，用 apt-get）")
def fonts_command(path: Path | None, install: bool) -> None:
    from reportgen import api, messages
    from reportgen.cli import printer as terminal

    names = None
    if path is not None:
        result, names = api.layout_fonts(path)
        if names is None:
            terminal.print_results([result])
            sys.exit(result.exit_code)
    if install:
        api.install_fonts(lambda command: terminal.print_note(messages.fonts_install_running(command)))
    checks = api.check_fonts(names)
    terminal.print_fonts(checks, terminal.console())
    sys.exit(1 if any(font.ok is False for font in checks) else 0)


@app.group(
    "templates",
    short_help="查看、复制模板（供模板维护人员使用）",
    help="模板决定报告各部分的措辞。list 列出全部模板，show 显示一个模板，"
    "copy 把自带模板复制到自己的模板文件夹中以便修改（生成时用 --template-dir 指定该文件夹）。",
)
def templates_group() -> None:
    pass


@templates_group.command(
    "list", short_help="列出全部模板及其用途", help="列出全部模板：名称、来源（自带或自己的）和用途。"
)
@_template_dirs("同时列出这个文件夹中的模板，并标出哪些覆盖了自带模板")
def templates_list(template_dirs: tuple[Path, ...]) -> None:
    from reportgen.cli import printer as terminal
    from reportgen.render import catalog as template_catalog

    terminal.print_templates(template_catalog.list_templates(template_dirs), terminal.console())


@templates_group.command(
    "show", short_help="显示一个模板的内容", help="显示一个模板的内容，如：reportgen templates show sections/plans.j2"
)
@click.argument("name", metavar="模板名")
@_template_dirs("先在这个文件夹中找")
def templates_show(name: str, template_dirs: tuple[Path, ...]) -> None:
    from reportgen.cli import printer as terminal
    from reportgen.render import catalog as template_catalog

    terminal.stdout_write(template_catalog.read_template(name, template_dirs))


@templates_group.command(
    "copy",
    short_help="把自带模板复制出来修改",
    help="把自带模板复制到自己的模板文件夹（保持相同的相对路径），之后修改复制出的文件，"
    "生成时加 --template-dir 该文件夹即可。已存在的文件不会被覆盖。",
)
@click.argument("name", metavar="模板名")
@click.option(
    "--to",
    "target",
    metavar="文件夹",
    type=click.Path(path_type=Path),
    default=Path("我的模板"),
    help="复制到哪个文件夹（默认“我的模板”）",
)
def templates_copy(name: str, target: Path) -> None:
    from reportgen.cli import printer as terminal
    from reportgen.render import catalog as template_catalog

    terminal.print_written([template_catalog.copy_template(name, target)])


@templates_group.command(
    "doc", short_help="输出模板参考文档", help="输出模板中可用的变量、函数、过滤器、数字和全部自带模板（Markdown）。"
)
@_output_file()
def templates_doc(output: Path | None) -> None:
    from reportgen.render.reference import template_reference

    _emit(template_reference(), output)


@app.command(
    "import",
    short_help="由已发布的报告（Word、网页、文字）生成资料文件",
    help="读取去年已发布的年度报告，生成资料文件：Word 文档（.docx）、从政府网站保存的网页（.html），"
    "或从网页复制后保存的文字（.txt，GBK 编码也可以）。\n\n"
    "正文照录原文；标题、单位、年度、各部分、工作领域、举措、编号、落款和正文中的数字由程序识别，"
    "每处都注有“# 自动识别，请核对”。网页上的索引号、文号、发布机构、发布日期填入 publication，"
    "其余网页内容（浏览次数、字号、打印、分享等）不录入。最后列出识别出的内容和没有找到的内容。\n\n"
    "例：reportgen import 托克逊县2024年报告.docx -o 托克逊县-2024.yaml",
)
@click.argument("source", metavar="报告文件", required=False, type=click.Path(path_type=Path))
@_profile_output("写在报告旁边")
def import_command(source: Path | None, output: Path | None, force: bool) -> None:
    from reportgen import api, messages
    from reportgen.cli import printer as terminal

    if source is None:
        raise FileProblem(messages.import_missing())
    imported = api.import_report(source, output, force=force)
    terminal.print_note(messages.import_summary(imported.summary))
    terminal.print_diagnostics(imported.result.errors)
    terminal.print_note(messages.import_check_line(len(imported.result.errors), len(imported.result.warnings)))
    terminal.print_written([imported.path, imported.schema])
    sys.exit(imported.result.exit_code)


@app.command(
    "new",
    short_help="由去年的资料文件生成今年的初稿",
    help="由去年的资料文件生成下一年度的初稿：结构、标题和版式沿用去年（标题中的年份顺延一年）；"
    "去年的文字保留，标有“# 去年的内容，请改写”；数字清空，标有“# 今年的数字，请填写”；"
    "last_year 指向去年的资料，用于计算同比；成文日期、发布日期、文号和索引号清除。\n\n"
    "例：reportgen new --from 托克逊县-2024.yaml --year 2025",
)
@click.option("--from", "source", metavar="去年的资料文件", type=click.Path(path_type=Path), help="去年的资料文件")
@click.option("--year", "year", metavar="年度", help="今年的报告年度（默认为去年的年度加一）")
@_profile_output("写在去年的资料旁边")
def new_command(source: Path | None, year: str | None, output: Path | None, force: bool) -> None:
    from reportgen import api, messages
    from reportgen.cli import printer as terminal

    if source is None:
        raise FileProblem(messages.new_from_missing())
    from reportgen.schema.profile import MAX_YEAR, MIN_YEAR

    if year is not None and not (year.strip().isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR):  # the schema's range
        raise FileProblem(messages.new_from_bad_year(year))
    created = api.new_from(source, int(year) if year is not None else None, output, force=force)
    todo = created.todo
    terminal.print_note(messages.new_from_summary(created.path, todo.texts, todo.figures, todo.titles_with_year))
    terminal.print_diagnostics(created.result.diagnostics)
    sys.exit(created.result.exit_code)


@app.command(
    "check",
    short_help="校对报告：标点、编号、重复字词、计算、提法、年份",
    help="校对已写好的年度报告（Word .docx、网页 .html、文字 .txt）或资料文件（.yaml，校对它将生成的正文）。"
    "逐条列出问题：规则编号、严重程度（错误／警告／提示）、第几段及所在标题、原文（问题处用【】标出）、"
    "建议的改法和依据。\n\n"
    "没有错误时退出码为 0，有错误为 1，文件无法读取（或改正后的副本无法写入）为 2。"
    "--fix 只改正不改变意思的标点问题（半角标点、直引号、重复标点），另存一份同样格式的副本"
    "（“原名.改正.docx”“原名.改正.html”；文字文件和资料文件为“原名.改正.txt”），原文件不动，"
    "并列出改了哪些地方。副本已存在时不覆盖，除非加 --force。\n\n"
    "例：reportgen check 托克逊县2024年报告.docx",
)
@click.argument("paths", metavar="文件…", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", metavar="格式", default="text", help="text（默认）或 json（供其他程序读取）")
@click.option("--fix", is_flag=True, help="另存一份改正了标点的副本，格式与原文件相同（原文件不动）")
@click.option("--force", is_flag=True, help="与 --fix 一起用：改正后的副本已存在时覆盖它")
def check_command(paths: tuple[Path, ...], output_format: str, fix: bool, force: bool) -> None:
    from reportgen import api, messages
    from reportgen.cli import review

    if not paths:
        raise FileProblem(messages.check_needs_paths())
    if output_format not in ("text", "json"):
        raise FileProblem(messages.check_bad_format(output_format))
    checked = api.check_documents(list(paths), fix=fix, force=force)
    if output_format == "json":
        click.echo(review.json_text(checked))
    else:
        for item in checked:
            click.echo("\n".join(review.file_lines(item)))
    codes = [item.exit_code for item in checked]
    sys.exit(2 if 2 in codes else max(codes))


def main(argv: list[str] | None = None) -> int:
    """Entry point: one boundary where user errors become Chinese messages and exit codes."""
    from reportgen.cli import printer as terminal

    try:
        app.main(args=argv, prog_name="reportgen", standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except click.exceptions.NoArgsIsHelpError as help_:
        click.echo(help_.ctx.get_help())
        return 0
    except click.UsageError as error:
        terminal.print_error(usage_error_text(error))
        return 2
    except click.exceptions.Abort as abort:
        if isinstance(abort.__cause__, KeyboardInterrupt):  # Click turns Ctrl-C into Abort
            return interrupted()
        terminal.print_error(messages.CANCELLED)
        return 2
    except KeyboardInterrupt:  # Ctrl-C outside a command (parsing the arguments)
        return interrupted()
    except ReportgenError as error:
        terminal.print_error(error.message)
        return error.exit_code
    except Exception:  # our bug, not the user's: keep the traceback out of their way
        return _internal_error()
    return 0


def interrupted() -> int:
    """Ctrl-C: one line, exit 130 (128 + SIGINT, as a shell reports it). Every file is written
    atomically (fsutil), so the line can promise that nothing half-written is left."""
    from reportgen import messages

    sys.stderr.write(f"{messages.interrupted()}\n")
    sys.stderr.flush()
    return 130


def _internal_error() -> int:
    import tempfile
    import traceback

    from reportgen import messages
    from reportgen.cli import printer as terminal

    with tempfile.NamedTemporaryFile("w", prefix="reportgen-error-", suffix=".log", delete=False) as log:
        traceback.print_exc(file=log)
    terminal.print_error(messages.internal_error(Path(log.name)))
    return 70
