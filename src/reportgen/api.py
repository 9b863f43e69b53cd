"""The pipeline on one screen: what every command does, as plain function calls.

    check_profile:  load → schema → derive → checks       (a ValidationResult: model, figures, diagnostics)
    build_reports:  check every profile, refuse shared output names, then per profile
                    render → write, its files written together
    the rest:       schema → starter profile, JSON Schema, reference docs; fonts for the PDF

Each stage is a module or folder of its own (docs/architecture.md). The CLI only parses
arguments, calls one function here, and prints the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import messages, outputs
from reportgen.batch import BuildTally, BuiltReport
from reportgen.derive import derive_report
from reportgen.document import Document, FontNames
from reportgen.errors import FileProblem, ReportgenError
from reportgen.fsutil import remove_stale_temp_files, write_atomic, write_together
from reportgen.load import LoadedProfile, load_profile
from reportgen.outputs import is_report_file_name, output_base_name, refuse_shared_names
from reportgen.validate import ValidationResult, failed_load, last_year_figures, run_profile_checks, validate_schema
from reportgen.writers import WriteOptions, write

if TYPE_CHECKING:  # `import` and `check` load their modules when they run, not on every build
    from reportgen.importer.summary import ImportedProfile, NewProfile
    from reportgen.reader.model import ReadReport
    from reportgen.review.model import Checked, CheckedFile, FixedCopy
    from reportgen.review.model import Finding as ReviewFinding
    from reportgen.writers.fonts import RoleFont

__all__ = ["BuildTally", "BuiltReport", "WriteOptions"]

PROFILE_SUFFIXES = (".yaml", ".yml")
SCHEMA_FILE_NAME = "reportgen.schema.json"
FORMATS = outputs.FORMATS
DEFAULT_FORMATS = ("docx", "html")
# Past this many profiles a batch keeps only slim results (reportgen.parallel): memory stays flat.
LARGE_BATCH = 50
# Below this many, starting worker processes costs more than it saves.
MIN_PARALLEL = 8


# ---------------------------------------------------------------- check


def check_profile(path: Path, *, follow_last_year: bool = True) -> ValidationResult:
    """Load, validate, derive and check one profile; every user mistake becomes a diagnostic."""
    try:
        loaded = load_profile(path)  # 1 load: YAML with positions, bounded
    except ReportgenError as problem:
        return failed_load(path, problem)
    return check_loaded(loaded, follow_last_year=follow_last_year)


def check_loaded(loaded: LoadedProfile, *, follow_last_year: bool = True) -> ValidationResult:
    result = validate_schema(loaded)  # 2 schema: pydantic, every field at once
    if result.profile is None:
        return result
    last_year, last_year_diagnostics = last_year_figures(result.profile, loaded, follow_last_year)
    result.report = derive_report(result.profile, last_year)  # 3 derive: totals, rates, 同比
    result.diagnostics += last_year_diagnostics
    return run_profile_checks(result, loaded)  # 4 checks: figures, regulation, text, names


def validate_paths(paths: Iterable[Path], jobs: int = 1) -> list[ValidationResult]:
    """Check every profile named or found in the folders given (on `jobs` processes)."""
    found = collect_profile_paths(paths)
    if jobs > 1 and len(found) >= MIN_PARALLEL:
        from reportgen import parallel

        return parallel.check_all(found, jobs)
    return [check_profile(path) for path in found]


# ---------------------------------------------------------------- build


def build_reports(
    paths: Iterable[Path],
    out_dir: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    template_dirs: Sequence[Path] = (),
    *,
    fragment: bool = False,
    toc: bool | None = None,
    final: bool = False,
    jobs: int = 1,
) -> Iterator[BuiltReport]:
    """Check every profile, then render and write them one at a time, yielding each when done.

    Read everything, then write: all profiles are checked first, so two that would write one
    file are both refused before anything is written. Then each profile on its own: all its
    files rendered, then written together (fsutil.write_together); one that fails is reported
    and the rest are built. An invalid profile writes nothing; with `final`, neither does one
    that still holds a placeholder (a report ready to publish has none). With `jobs` > 1, or a
    batch too large to hold every checked model, reportgen.parallel runs the same stages.
    """
    options = WriteOptions(fragment=fragment, toc=toc, final=final)
    if "pdf" in formats:
        from reportgen.writers.pdf import require_office

        require_office()  # missing for one profile is missing for all: say so once
    found = collect_profile_paths(paths)
    if (jobs > 1 and len(found) >= MIN_PARALLEL) or len(found) > LARGE_BATCH:
        from reportgen import parallel

        results = refuse_shared_names(parallel.name_all(found, jobs))
        remove_stale_temp_files(out_dir, is_report_file_name)
        yield from parallel.build_all(results, jobs, _build_one, out_dir, formats, template_dirs, options)
        return
    results = refuse_shared_names([check_profile(path) for path in found])
    remove_stale_temp_files(out_dir, is_report_file_name)
    for result in results:
        yield _build_one(result, out_dir, formats, template_dirs, options)


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
    document = render_document(result.report, [*template_dirs, *own])  # 5 render: templates → document
    placeholders = tuple(document.placeholders())
    if options.final and placeholders:
        return BuiltReport(result, placeholders=placeholders, refused=True)
    wrong_fonts = _wrong_fonts(document, formats)
    if options.final and wrong_fonts:  # a PDF to publish is set in the faces its layout asks for
        refusal = messages.fonts_refused_final([font.role for font in wrong_fonts])
        return BuiltReport(result, failure=refusal, failure_code=1)
    base_name = output_base_name(profile)
    assert base_name is not None  # checks.output_name: a name with nothing usable is an error
    proofread = _proofread(result, document)  # the text rules of `reportgen check`
    files = {f"{base_name}.{extension}": write(document, extension, options) for extension in formats}  # 6 write
    written = write_together(out_dir, files)
    return BuiltReport(result, tuple(written), placeholders, tuple(_notices(wrong_fonts)), proofread=proofread)


def _proofread(result: ValidationResult, document: Document) -> tuple[ReviewFinding, ...]:
    """What `reportgen check` would find in the text, each at the profile's line where it was written."""
    from reportgen.review import place_in_profile, proofread

    assert result.report is not None
    return place_in_profile(result.path, result.report, proofread(result.path, document), result.loaded)


def _wrong_fonts(document: Document, formats: Sequence[str]) -> list[RoleFont]:
    """The roles the PDF would set in a wrong kind of face on this machine (reportgen.writers.fonts)."""
    if "pdf" not in formats:
        return []
    from reportgen.writers.fonts import wrong_roles

    return wrong_roles(document.layout.fonts)


def _notices(wrong: list[RoleFont]) -> list[str]:
    if not wrong:
        return []
    return [messages.fonts_wrong([(font.role, font.requested, font.family or "", font.kind) for font in wrong])]


SUMMARY_FORMATS = (".json", ".csv")


def write_build_summary(path: Path, tally: BuildTally) -> Path:
    """A batch's outcome per profile, as JSON or CSV (by the file's suffix), written atomically."""
    if path.suffix.lower() == ".json":
        return _write_json_summary(path, tally)
    rows = [
        [
            str(o.profile),
            messages.SUMMARY_STATUS[o.status],
            o.errors,
            o.warnings,
            "；".join(map(str, o.files)),
            o.reason,
        ]
        for o in tally.outcomes
    ]
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([list(messages.SUMMARY_COLUMNS), *rows])
    return write_atomic(path, "\ufeff" + buffer.getvalue())  # with a BOM: Excel then reads UTF-8


def _write_json_summary(path: Path, tally: BuildTally) -> Path:
    # JSON is for a bureau's tools: English keys and status codes, Chinese reasons as the clerk saw them.
    records = [
        {"profile": str(o.profile), "status": o.status, "errors": o.errors, "warnings": o.warnings,
         "files": [str(f) for f in o.files], "reason": o.reason}
        for o in tally.outcomes
    ]  # fmt: skip
    totals = {"built": tally.built, "with_warnings": tally.warned, "failed": tally.failed}
    return write_atomic(path, json.dumps({"totals": totals, "profiles": records}, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------- profiles and folders


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


# ---------------------------------------------------------------- schema, starter profile, fonts


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
    from reportgen.writers.fonts import check_fonts

    return check_fonts(names or FontNames())


def install_fonts(announce: Callable[[str], None]) -> None:
    """Install the free faces that stand in for the Windows fonts (Debian/Ubuntu), announcing each command."""
    from reportgen.writers.fonts import install_fonts

    install_fonts(announce)


# ---------------------------------------------------------------- import a published report, next year's draft


# Kept beside the two functions that return them, so this section stands on its own.
def import_report(source: Path, output: Path | None = None, *, force: bool = False) -> ImportedProfile:
    """Read a published report (.docx, .html, .txt) and write it as a profile: read → outline →
    profile data → withdraw what the checks reject → write (atomically, never over a file unless
    `force`). The profile is named after the jurisdiction and year it found, beside the report
    unless `output` names a file or folder."""
    from reportgen.importer import import_profile
    from reportgen.importer.settle import settle
    from reportgen.importer.summary import ImportedProfile
    from reportgen.starter import starter_file_name

    data, summary = import_profile(source)
    name = starter_file_name(str(data["jurisdiction"]["name"]), int(data["year"]))
    target = output / name if output is not None and output.is_dir() else output or source.parent / name
    if target.exists() and not force:
        raise FileProblem(messages.refuse_overwrite(target))
    text, _ = settle(data, summary, _check_text)  # checked again once written, for positions in the file
    summary.target = target
    written = write_atomic(target, text)
    schema = write_json_schema(written.parent / SCHEMA_FILE_NAME)
    return ImportedProfile(written, schema, summary, check_profile(written))


def new_from(last: Path, year: int | None = None, output: Path | None = None, *, force: bool = False) -> NewProfile:
    """Next year's draft from last year's profile: structure, titles and settings kept, texts kept and
    marked for rewriting, figures emptied, last year linked for 同比, dates and 文号 cleared."""
    from reportgen.errors import InvalidProfile
    from reportgen.importer.new_year import next_year_text
    from reportgen.importer.summary import NewProfile
    from reportgen.starter import starter_file_name

    previous = check_profile(last)
    if previous.file_problem:
        raise FileProblem(previous.diagnostics[0].message)
    if previous.profile is None or previous.report is None or previous.errors:
        raise InvalidProfile(messages.new_from_invalid(last, len(previous.errors)), diagnostics=previous.errors)
    year = year if year is not None else previous.profile.year + 1
    if year != previous.profile.year + 1:
        raise FileProblem(messages.new_from_wrong_year(last, previous.profile.year, year))
    name = starter_file_name(previous.profile.jurisdiction.name, year)
    target = output / name if output is not None and output.is_dir() else output or last.parent / name
    if target.exists() and not force:
        raise FileProblem(messages.refuse_overwrite(target))
    text, todo = next_year_text(load_profile(last), previous.report, year, target)
    written = write_atomic(target, text)
    return NewProfile(written, todo, check_profile(written))


def _check_text(text: str) -> ValidationResult:
    """A profile's text checked as a file of its own (in a temporary folder), before it is written."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="reportgen-import-") as folder:
        path = Path(folder) / "profile.yaml"
        path.write_text(text, encoding="utf-8")
        return check_profile(path)


def check_documents(paths: Sequence[Path], *, fix: bool = False, force: bool = False) -> list[CheckedFile]:
    """`reportgen check`: each report (.docx, .html, .txt) or profile proofread; with `fix`, a copy
    with the safe punctuation corrections written beside it in its own format, never over the input
    and never over a copy already there unless `force`."""
    from reportgen.review import check_file
    from reportgen.review.model import CheckedFile

    checked_files = []
    for path in paths:
        try:
            read, checked = check_file(path)
        except ReportgenError as error:
            checked_files.append(CheckedFile(path, problem=error.message, problem_exit=error.exit_code))
            continue
        fixed = _write_corrected_copy(path, read, checked, force=force) if fix else None
        checked_files.append(CheckedFile(path, checked, fixed))
    return checked_files


def _write_corrected_copy(path: Path, read: ReadReport, checked: Checked, *, force: bool) -> FixedCopy:
    from dataclasses import replace

    from reportgen.review import corrected_copy
    from reportgen.review.model import FixedCopy

    copy = corrected_copy(read, checked)
    result = FixedCopy(None, copy.corrections, copy.left, copy.of_profile)
    if copy.data is None:
        return result
    target = path.with_name(copy.name)
    problem = _copy_problem(path, target, force)
    if problem:
        return replace(result, problem=problem)
    try:
        return replace(result, path=write_atomic(target, copy.data))
    except ReportgenError as error:
        return replace(result, problem=error.message)


def _copy_problem(source: Path, target: Path, force: bool) -> str:
    """Why the copy may not be written at `target`: it is the input itself, or a file already there."""
    if not (target.exists() or target.is_symlink()):
        return ""
    if _same_file(source, target):
        return messages.fix_copy_is_input(target)
    return "" if force else messages.fix_copy_exists(target)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:  # a dangling link, a file gone meanwhile: not the input
        return False
