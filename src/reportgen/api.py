"""The pipeline on one screen: what every command does, as plain function calls.

    load → validate → derive   (validate_paths)
    … → render → write         (build_reports: templates → document → DOCX, HTML)
    schema → starter profile   (create_starter_profile)
    schema → JSON Schema, reference docs

The CLI only parses arguments, calls one function here, and formats the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportgen import messages
from reportgen.document import Document
from reportgen.errors import FileProblem
from reportgen.fsutil import write_atomic
from reportgen.schema import Profile
from reportgen.validate import ValidationResult, validate_file

PROFILE_SUFFIXES = (".yaml", ".yml")
SCHEMA_FILE_NAME = "reportgen.schema.json"


def collect_profile_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders expanded to the profiles in them (recursively, sorted)."""
    collected: list[Path] = []
    for path in paths:
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
    return collected


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


# ---------------------------------------------------------------- build


FORMATS = ("docx", "html", "txt", "pdf")
DEFAULT_FORMATS = ("docx", "html")


@dataclass(frozen=True)
class BuiltReport:
    """What one profile produced: its validation, its outputs, and the placeholders left in it."""

    result: ValidationResult
    outputs: dict[Path, bytes] = field(default_factory=dict)
    placeholders: tuple[tuple[str, str], ...] = ()  # (heading it sits under, prompt) of each 【待填写】
    notices: tuple[str, ...] = ()  # warnings about the output itself (e.g. fonts missing for the PDF)
    refused: bool = False  # --final: not written, because placeholders remain

    @property
    def exit_code(self) -> int:
        return 1 if self.refused else self.result.exit_code


def output_name(profile: Profile, extension: str) -> str:
    """托克逊县-2024-法治政府建设年度报告.docx"""
    return f"{profile.jurisdiction.name}-{profile.year}-法治政府建设年度报告.{extension}"


def build_reports(
    paths: Iterable[Path],
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template_dirs: Sequence[Path] = (),
    *,
    fragment: bool = False,
    toc: bool | None = None,
    final: bool = False,
) -> list[BuiltReport]:
    """Validate, render and write each profile. An invalid profile writes nothing; with `final`,
    neither does one that still holds a placeholder (a report ready to publish has none).

    Gather, then write: every output of a profile is rendered in memory first, and only
    then written, each file atomically.
    """
    options = WriteOptions(fragment=fragment, toc=toc, final=final)
    built = [_build_one(result, out_dir, formats, template_dirs, options) for result in validate_paths(paths)]
    for report in built:
        for path, data in report.outputs.items():
            write_atomic(path, data)
    return built


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
    from reportgen.render import render_document

    profile = result.report.profile
    own = [result.path.parent / profile.templates] if profile.templates else []
    document = render_document(result.report, [*template_dirs, *own])
    placeholders = tuple(document.placeholders())
    if options.final and placeholders:
        return BuiltReport(result, placeholders=placeholders, refused=True)
    outputs = {
        out_dir / output_name(profile, extension): WRITERS[extension](document, options) for extension in formats
    }
    return BuiltReport(result, outputs, placeholders, tuple(_notices(document, formats)))


def _notices(document: Document, formats: Sequence[str]) -> list[str]:
    if "pdf" not in formats:
        return []
    from reportgen.pdf import missing_fonts

    fonts = document.layout.fonts
    missing = missing_fonts([fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.page_number, fonts.latin])
    return [messages.fonts_missing(missing)] if missing else []


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
