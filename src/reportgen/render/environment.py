"""Sandboxed Jinja2 environment: loaders (user first, shipped second), helpers, errors.

Profile text only ever enters templates as data: it is never compiled, and every value a
template prints passes `finalize`, which strips the characters that could forge document
structure or break XML. Template mistakes become Chinese messages with file and line, and so
does a template that goes past a limit on size, loops or time (template_limits.py; the
environment that enforces them is template_sandbox.py).
"""

from __future__ import annotations

import functools
import pickle
import sys
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from reportgen import messages
from reportgen.document.markup import ENUMERATION_KINDS, Directive, clean_text, directive
from reportgen.errors import ReportgenError
from reportgen.fsutil import user_cache_folder
from reportgen.render import filters
from reportgen.render import limits as template_limits
from reportgen.render.sandbox import COMPILED_FORMAT, LimitedSandbox
from reportgen.resources import shipped_dir

SHIPPED_PREFIX = "!shipped"
TEMPLATE_SUFFIX = ".j2"


class TemplateProblem(ReportgenError):
    """A template cannot be loaded, parsed or run: a maintainer's error, named with file and line."""

    exit_code = 1


def shipped_templates() -> Path:
    return shipped_dir("templates")


def make_environment(user_dirs: Sequence[Path] = ()) -> SandboxedEnvironment:
    """One environment per set of template folders, kept: Jinja caches compiled templates
    in it (and re-reads a file whose modification time changed)."""
    return _environment(tuple(Path(path).resolve() for path in user_dirs))


@functools.lru_cache(maxsize=16)
def _environment(user_dirs: tuple[Path, ...]) -> SandboxedEnvironment:
    shipped = jinja2.FileSystemLoader(str(shipped_templates()))
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(path) for path in user_dirs]),
            shipped,
            # "!shipped/sections/area.j2" always means the shipped file, so an override can
            # extend or include the file it replaces (as Pelican's "!theme/…").
            jinja2.PrefixLoader({SHIPPED_PREFIX: shipped}, delimiter="/"),
        ]
    )
    env = LimitedSandbox(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        bytecode_cache=_bytecode_cache(),
    )
    env.add_helpers(HELPERS)
    env.filters.update(template_limits.guarded_filters(filters.JINJA_FILTERS))
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (keyed by file and checked against its source),
    so a cold `reportgen build` does not compile every template again."""
    folder = user_cache_folder("templates")
    if folder is None:
        return None  # a read-only home, or a file in the way: work without the cache
    # The generated code's format is in the file name: a cache from before is never loaded.
    return _OptionalBytecodeCache(str(folder), f"{COMPILED_FORMAT}-%s.cache")


class _OptionalBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A cache that never breaks a build: a folder that turns out read-only or full, or a
    damaged file, means compiling again; after a failed write this run stops writing."""

    _writable = True

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if not self._writable:
            return
        try:
            super().dump_bytecode(bucket)
        except OSError:
            self._writable = False


def _finalize(value: Any) -> Any:
    """Every printed value: directives pass; text is cleaned, each line its own paragraph.
    Each is measured before it becomes text and counted in the report's budget."""
    template_limits.current().tick()  # also where a report stopped for its length ends
    if isinstance(value, Directive):
        return template_limits.made(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        template_limits.check_digits(template_limits.digits(value))
        template_limits.check_size(template_limits.text_size(value))
    return template_limits.made(clean_text(value).replace("\n", "\n\n"))


# ---------------------------------------------------------------- helpers templates call


def heading(level: int, text: object) -> Directive:
    return directive(f"h{int(level)}", text)


def paragraph(text: object, lead: object = "") -> str:
    """A paragraph, optionally with a run-in lead (a measure's title)."""
    lines = [line for line in clean_text(text or "").split("\n") if line.strip()]
    if not lead:
        return "\n\n".join(lines)
    first, rest = (lines[0], lines[1:]) if lines else ("", [])
    return directive("lead", _with_stop(lead), first) + "\n\n".join(rest)


def enumeration(items: Iterable[Any], intro: object = "", inline: bool = False, kind: str = "item") -> Directive:
    """一是……二是……: items have `title` and `text` (objects or mappings; either may be empty).
    Numbers follow the profile's `layout.numbering` by `kind`: "item" (a part's items: problems,
    plans …), "measure" (the achievements' measures) or "sub" (a measure's sub-items); counting
    goes on across the enumerations of one section and restarts after each heading. `inline`
    runs the intro and all items into one paragraph."""
    if kind not in ENUMERATION_KINDS:
        raise ValueError(f"enumeration(kind=...) takes one of {', '.join(ENUMERATION_KINDS)}")
    body = "".join(directive("item", _field(i, "title"), _field(i, "text")) for i in items)
    if not body:
        return Directive("")
    return Directive(directive("enum", intro, "inline" if inline else "", kind) + body + directive("end"))


def _field(item: Any, name: str) -> str:
    value = item.get(name) if isinstance(item, dict) else getattr(item, name, "")
    return str(value or "")


PLACEHOLDER = "【待填写：{}】"


def placeholder(what: object) -> Directive:
    """A visible, marked gap where the profile supplies nothing: 【待填写：……】. Highlighted in the
    DOCX and the web page, listed by `build`; `build --final` refuses while one remains."""
    return directive("placeholder", PLACEHOLDER.format(clean_text(what).strip()))


def signature(bodies: Iterable[object] | None, date: Any = None) -> Directive:
    """落款: the signing bodies and the date. Bodies None (not given) and a missing date become
    placeholders; an empty list means the report is deliberately unsigned."""
    names = [] if bodies is None else [body for body in bodies if str(body or "").strip()]
    missing_bodies = PLACEHOLDER.format("署名机关") if bodies is None else ""
    missing_date = PLACEHOLDER.format("成文日期") if date is None and (bodies is None or names) else ""
    return directive("sign", missing_bodies, missing_date, date.isoformat() if date else "", *names)


def table(caption: object, header: Sequence[object], rows: Sequence[Sequence[object]]) -> Directive:
    import json

    cells = [[clean_text(cell) for cell in row] for row in rows]
    return directive("table", caption, json.dumps([clean_text(h) for h in header]), json.dumps(cells))


def sentence(*clauses: object) -> str:
    """Join the clauses that are present with "，" and end with "。"; nothing if none is."""
    present = [str(clause) for clause in clauses if clause]
    return "，".join(present) + "。" if present else ""


def _with_stop(title: object) -> str:
    text = clean_text(title).strip()
    return text if text.endswith(("。", "！", "？", "：")) else text + "。"


# The helpers as a maintainer reads about them (docs/template-reference.md).
HELPER_DOC = {
    "heading": "heading(级别, 文字)：标题，级别 1–4；编号（一、（一）1.（1））自动生成，不要写进文字",
    "paragraph": "paragraph(正文, lead=小标题)：一段正文；给了 lead 时小标题在段首",
    "enumeration": 'enumeration(各项, intro=导语, inline=false, kind="item")：逐项编号（一是、1. 等，按资料 '
    "layout.numbering）；各项须有 title、text；kind 为 item（各部分的条目）、measure（举措）或 sub（举措的子项）；"
    "inline=true 时导语和各项写成一段",
    "placeholder": "placeholder(说明)：资料没有填写时的醒目占位“【待填写：说明】”（Word 中黄色突出显示）；"
    "生成时列出，--final 时拒绝生成。不要用固定套话代替资料内容",
    "signature": "signature(署名机关列表, 日期)：落款；署名机关未填写（None）或缺成文日期时为占位，空列表表示不落款",
    "table": "table(标题, 表头, 各行)：表格",
    "sentence": "sentence(分句, 分句, …)：把有内容的分句用“，”连起来并以“。”结束；都没有内容时什么也不写",
}

HELPERS = {
    "heading": heading,
    "paragraph": paragraph,
    "enumeration": enumeration,
    "placeholder": placeholder,
    "signature": signature,
    "table": table,
    "sentence": sentence,
}


# ---------------------------------------------------------------- rendering and errors


def render_template(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render one report, within the limits of template_limits (size, loops, time)."""
    try:
        with template_limits.metered():
            return env.get_template(name).render(context)
    except template_limits.LimitExceeded as exc:
        raise TemplateProblem(messages.template_limit(*_template_frame(), exc.limit, exc.amount)) from None
    except RecursionError:
        raise TemplateProblem(messages.template_limit(*_template_frame(), "depth")) from None
    except MemoryError:
        raise TemplateProblem(messages.template_limit(*_template_frame(), "memory")) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(
            messages.template_syntax(_where(exc.filename or exc.name), exc.lineno, exc.message)
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(messages.template_missing(exc.name)) from None
    except jinja2.UndefinedError as exc:
        raise TemplateProblem(messages.template_undefined(*_template_frame(), exc.message or "")) from None
    except jinja2.exceptions.SecurityError:
        raise TemplateProblem(messages.template_forbidden(*_template_frame())) from None
    except (TypeError, ValueError, AttributeError, LookupError, ArithmeticError) as exc:
        raise TemplateProblem(messages.template_runtime(*_template_frame(), type(exc).__name__)) from None


def _template_frame() -> tuple[str, int | None]:
    """File and line of the innermost template frame (Jinja rewrites tracebacks to point there)."""
    found: tuple[str, int | None] = ("（未知模板）", None)
    for frame, line in traceback.walk_tb(sys.exc_info()[2]):
        filename = frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIX):
            found = (_where(filename), line)
    return found


def _where(filename: str | None) -> str:
    """Show shipped templates by their name, a user's by their path."""
    if not filename:
        return "（未知模板）"
    path = Path(filename)
    try:
        return str(path.relative_to(shipped_templates()))
    except ValueError:
        return str(path)
