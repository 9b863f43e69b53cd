"""The pipeline on one screen: what every command does, as plain function calls.

    load → validate → derive   (validate_paths)
    … → render → write         (build_reports: all validated, then each profile rendered
                                and its files written together, one profile at a time)
    schema → starter profile   (create_starter_profile)
    schema → JSON Schema, reference docs
    layout fonts → faces here  (check_fonts; install_fonts: the free faces that stand in)

The CLI only parses arguments, calls one function here, and formats the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import messages, outputs
from reportgen.document import Document, FontNames
from reportgen.errors import FileProblem, ReportgenError
from reportgen.fsutil import remove_stale_temp_files, write_atomic, write_together
from reportgen.outputs import is_report_file_name, output_base_name, refuse_shared_names
from reportgen.validate import ValidationResult, validate_file

if TYPE_CHECKING:
    from reportgen.fonts import RoleFont

PROFILE_SUFFIXES = (".yaml", ".yml")
SCHEMA_FILE_NAME = "reportgen.schema.json"


def collect_profile_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders expanded to the profiles in them (recursively, sorted); a file
    named twice (itself and through its folder) is taken once."""
    from reportgen.load import path_problem

    collected: list[Path] = []
    for path in paths:
        problem = path_problem(path)  # a symlink loop, a FIFO, a device: named, never read
        if problem:
            raise FileProblem(problem)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in PROFILE_SUFFIXES and p.is_file())
            if not found:
                raise FileProblem(messages.no_profiles_in_folder(path))
            collected.extend(found)
        elif path.suffix in PROFILE_SUFFIXES or path.is_file():
            collected.append(path)
        elif not path.exists():
            raise FileProblem(messages.file_missing(path))
        else:
            raise FileProblem(messages.not_a_profile_path(path))
    unique: dict[Path, Path] = {}
    for path in collected:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def validate_paths(paths: Iterable[Path]) -> list[ValidationResult]:
    """Validate every profile named or found in the folders given."""
    return [validate_file(path) for path in collect_profile_paths(paths)]


def json_schema_text() -> str:
    from reportgen.schemadoc import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_json_schema(path: Path) -> Path:
    return write_atomic(path, json_schema_text())


def schema_reference_text() -> str:
    from reportgen.schemadoc import markdown_reference

    return markdown_reference()


def create_starter_profile(name: str, level: str, year: int, destination: Path, *, force: bool = False) -> list[Path]:
    """Write a commented starter profile (and the JSON Schema beside it); return both paths."""
    from reportgen.starter import starter_file_name, starter_profile_text

    target = destination / starter_file_name(name, year) if destination.is_dir() else destination
    if target.exists() and not force:
        raise FileProblem(messages.refuse_overwrite(target))
    text = starter_profile_text(name, level, year, schema_ref=SCHEMA_FILE_NAME)
    written = [write_atomic(target, text)]
    schema_path = target.parent / SCHEMA_FILE_NAME
    written.append(write_json_schema(schema_path))
    return written


# ---------------------------------------------------------------- fonts


def layout_fonts(path: Path) -> tuple[ValidationResult, FontNames | None]:
    """The fonts a profile's layout asks for, by role; None when the profile cannot be read as one."""
    [result] = validate_paths([path])
    if result.profile is None:
        return result, None
    return result, FontNames(**result.profile.layout.fonts.model_dump())


def check_fonts(names: FontNames | None = None) -> tuple[RoleFont, ...]:
    """Each role's face on this machine, as the PDF gets it (default layout unless `names`)."""
    from reportgen.fonts import check_fonts

    return check_fonts(names or FontNames())


def install_fonts(announce: Callable[[str], None]) -> None:
    """Install the free faces that stand in for the Windows fonts (Debian/Ubuntu), announcing each command."""
    from reportgen.fonts import install_fonts

    install_fonts(announce)


# ---------------------------------------------------------------- build


FORMATS = outputs.FORMATS
DEFAULT_FORMATS = ("docx", "html")


@dataclass(frozen=True)
class BuiltReport:
    """What one profile produced: its validation, the files written, the placeholders left in
    it, or why it was not built."""

    result: ValidationResult
    written: tuple[Path, ...] = ()
    placeholders: tuple[tuple[str, str], ...] = ()  # (heading it sits under, prompt) of each 【待填写】
    notices: tuple[str, ...] = ()  # warnings about the output itself (e.g. fonts missing for the PDF)
    refused: bool = False  # --final: not written, because placeholders remain
    failure: str | None = None  # rendering or writing failed: why, in Chinese
    failure_code: int = 0  # the exit code that failure asks for (1 template, 2 file)

    @property
    def exit_code(self) -> int:
        if self.failure is not None:
            return self.failure_code
        return 1 if self.refused else self.result.exit_code


@dataclass
class BuildTally:
    """A batch in numbers, for the summary line and the exit code."""

    built: int = 0
    warned: int = 0  # built, with warnings (about the profile or the output)
    failed: int = 0
    exit_code: int = 0

    def add(self, report: BuiltReport) -> None:
        if report.written:
            self.built += 1
            self.warned += bool(report.result.warnings or report.notices)
        else:
            self.failed += 1
        self.exit_code = max(self.exit_code, report.exit_code)


def build_reports(
    paths: Iterable[Path],
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template_dirs: Sequence[Path] = (),
    *,
    fragment: bool = False,
    toc: bool | None = None,
    final: bool = False,
) -> Iterator[BuiltReport]:
    """Validate every profile, then render and write them one at a time, yielding each when done.

    Read everything, then write: all profiles are validated first, so two that would write one
    file are both refused before anything is written. Then each profile on its own: all its
    files rendered, then written together (fsutil.write_together); one that fails is reported
    and the rest are built. An invalid profile writes nothing; with `final`, neither does one
    that still holds a placeholder (a report ready to publish has none).
    """
    options = WriteOptions(fragment=fragment, toc=toc, final=final)
    if "pdf" in formats:
        from reportgen.pdf import require_office

        require_office()  # missing for one profile is missing for all: say so once
    results = refuse_shared_names(validate_paths(paths))
    remove_stale_temp_files(out_dir, is_report_file_name)
    for result in results:
        yield _build_one(result, out_dir, formats, template_dirs, options)


@dataclass(frozen=True)
class WriteOptions:
    fragment: bool = False  # HTML: the article only, for pasting into a CMS
    toc: bool | None = None  # HTML table of contents: None lets the writer decide by length
    final: bool = False  # refuse to write a report that still holds a placeholder


def _build_one(
    result: ValidationResult,
    out_dir: Path,
    formats: Sequence[str],
    template_dirs: Sequence[Path],
    options: WriteOptions,
) -> BuiltReport:
    if not result.ok or result.report is None:
        return BuiltReport(result)
    try:
        return _render_and_write(result, out_dir, formats, template_dirs, options)
    except ReportgenError as problem:  # its own templates, its PDF, a full disk: the others still build
        return BuiltReport(result, failure=problem.message, failure_code=problem.exit_code)


def _render_and_write(
    result: ValidationResult,
    out_dir: Path,
    formats: Sequence[str],
    template_dirs: Sequence[Path],
    options: WriteOptions,
) -> BuiltReport:
    from reportgen.render import render_document

    assert result.report is not None
    profile = result.report.profile
    own = [result.path.parent / profile.templates] if profile.templates else []
    document = render_document(result.report, [*template_dirs, *own])
    placeholders = tuple(document.placeholders())
    if options.final and placeholders:
        return BuiltReport(result, placeholders=placeholders, refused=True)
    wrong_fonts = _wrong_fonts(document, formats)
    if options.final and wrong_fonts:  # a PDF to publish is set in the faces its layout asks for
        refusal = messages.fonts_refused_final([font.role for font in wrong_fonts])
        return BuiltReport(result, failure=refusal, failure_code=1)
    base_name = output_base_name(profile)
    assert base_name is not None  # checks.output_name: a name with nothing usable is an error
    files = {f"{base_name}.{extension}": WRITERS[extension](document, options) for extension in formats}
    written = write_together(out_dir, files)
    return BuiltReport(result, tuple(written), placeholders, tuple(_notices(wrong_fonts)))


def _wrong_fonts(document: Document, formats: Sequence[str]) -> list[RoleFont]:
    """The roles the PDF would set in a wrong kind of face on this machine (reportgen.fonts)."""
    if "pdf" not in formats:
        return []
    from reportgen.fonts import wrong_roles

    return wrong_roles(document.layout.fonts)


def _notices(wrong: list[RoleFont]) -> list[str]:
    if not wrong:
        return []
    return [messages.fonts_wrong([(font.role, font.requested, font.family or "", font.kind) for font in wrong])]


def _docx(document: Document, options: WriteOptions) -> bytes:
    from reportgen.write_docx import write_docx

    return write_docx(document)


def _html(document: Document, options: WriteOptions) -> bytes:
    from reportgen.write_html import write_html

    return write_html(document, fragment=options.fragment, toc=options.toc).encode("utf-8")


def _pdf(document: Document, options: WriteOptions) -> bytes:
    from reportgen.pdf import docx_to_pdf

    return docx_to_pdf(_docx(document, options))


def _txt(document: Document, options: WriteOptions) -> bytes:
    from reportgen.write_text import write_text

    return write_text(document).encode("utf-8")


WRITERS: dict[str, Callable[[Document, WriteOptions], bytes]] = {"docx": _docx, "html": _html, "txt": _txt, "pdf": _pdf}
