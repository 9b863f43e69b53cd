"""A bureau's batch on every core: the same pipeline as api.py, one profile per task in a process pool.

Memory stays flat however long the batch: the parent keeps only slim results (diagnostics and the
output name, never a profile's model, figures or rendered files), and each worker checks, renders and
writes one profile and sends back only what is printed. Before anything is written, a first pass reads
only each profile's name and year (`name_all`), enough to find two profiles that would write one file;
the full check runs once, in the worker that builds the profile.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.batch import BuiltReport
from reportgen.validate import ValidationResult

if TYPE_CHECKING:
    from concurrent.futures import Executor

# Tasks handed to a worker at a time when checking: large enough to keep the pool busy, small
# enough that a progress bar moves.
CHUNK = 8


def default_jobs() -> int:
    """The cores this process may use (the number a bureau's machine has, by default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_all(paths: Sequence[Path], jobs: int) -> list[ValidationResult]:
    """Slim results for every profile, checked on `jobs` processes, in the order of `paths`."""
    from reportgen.api import check_profile

    if jobs <= 1 or len(paths) <= 1:
        return [check_profile(path).slim() for path in paths]
    with _pool(jobs) as pool:
        return list(pool.map(_check_slim, paths, chunksize=CHUNK))


def name_all(paths: Sequence[Path], jobs: int) -> list[ValidationResult]:
    """For each profile, only the name its files would get and where its name and year are (for a
    clash's message); a profile whose name or year cannot be read gets none and is judged in full later."""
    if jobs <= 1 or len(paths) <= 1:
        return [_name_only(path) for path in paths]
    with _pool(jobs) as pool:
        return list(pool.map(_name_only, paths, chunksize=CHUNK))


def _name_only(path: Path) -> ValidationResult:
    from reportgen import sourcemap
    from reportgen.errors import ReportgenError
    from reportgen.outputs import report_base_name, safe_stem
    from reportgen.schema.jurisdiction import Jurisdiction
    from reportgen.schema.profile import Profile
    from reportgen.validate import NAMING_FIELDS

    try:
        data = _name_and_year(path)
        jurisdiction = Jurisdiction.model_validate(data["jurisdiction"])
        year = Profile._year(data["year"])  # the schema's own reading of "2024", "2024年" …
    except (ReportgenError, LookupError, TypeError, ValueError):  # pydantic's ValidationError is a ValueError
        return ValidationResult(path)
    stem = safe_stem(jurisdiction.name, year).text
    positions = {field: sourcemap.locate(data, field) for field in NAMING_FIELDS}
    return ValidationResult(path, positions=positions, base_name=report_base_name(stem, year) if stem else None)


def _name_and_year(path: Path) -> Any:
    """The profile's `jurisdiction` and `year`, with positions: only their lines are parsed (the
    others blanked, so every line keeps its number) when the text is one load_profile reads the
    same way, a tenth of a full load; else the full load."""
    from reportgen import fastyaml, load
    from reportgen.yaml_lines import may_have_certain_problems

    text = load.read_profile_text(path)
    naming = _naming_lines(text)
    if naming is not None and not may_have_certain_problems(naming):
        data = fastyaml.parse_fast(naming, load.MAX_DEPTH, load.MAX_EXPANDED_NODES)
        if data is not fastyaml.UNDECIDED:
            return data
    return load.parse_profile_text(text, path)


_TOP_LEVEL_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*[ \t]*:(?:[ \t]|$)")


def _naming_lines(text: str) -> str | None:
    """`text` with every line outside the top-level `jurisdiction:` and `year:` blocks blanked; None
    when a line at column 0 is anything but a plain key or a comment (a document marker, a
    directive, a list, a flow collection going on), or the line breaks are not plain "\n"."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return None
    lines = text.split("\n")
    kept = [""] * len(lines)
    inside = False
    for index, line in enumerate(lines):
        if line[:1] not in ("", " ", "#"):
            key = _TOP_LEVEL_KEY.match(line)
            if key is None:
                return None
            inside = line[: line.index(":")].rstrip(" \t") in _NAMING_KEYS
        if inside and not line.startswith("#"):
            kept[index] = line
    return "\n".join(kept)


_NAMING_KEYS = frozenset({"jurisdiction", "year"})


def build_all(
    results: Iterable[ValidationResult], jobs: int, build_one: Callable[..., BuiltReport], *arguments: object
) -> Iterator[BuiltReport]:
    """Each profile built by `build_one(result, *arguments)`, yielded as it finishes (any order when
    `jobs` > 1). A profile that cannot be built (invalid, or refused for a shared file name) is
    yielded at once from its slim result, without a worker."""
    buildable, others = [], []
    for result in results:
        (buildable if result.ok else others).append(result)
    yield from (BuiltReport(result) for result in others)
    if jobs <= 1 or len(buildable) <= 1:
        for result in buildable:
            yield _slim_built(build_one(_full(result), *arguments))
        return
    with _pool(jobs) as pool:
        futures = [pool.submit(_build_in_worker, build_one, result.path, *arguments) for result in buildable]
        for future in _as_completed(futures):
            yield future.result()


def _check_slim(path: Path) -> ValidationResult:
    from reportgen.api import check_profile

    return check_profile(path).slim()


def _full(result: ValidationResult) -> ValidationResult:
    """The full result again (model and figures) for a slim one about to be built."""
    from reportgen.api import check_profile

    return check_profile(result.path)


def _build_in_worker(build_one: Callable[..., BuiltReport], path: Path, *arguments: object) -> BuiltReport:
    from reportgen.api import check_profile

    return _slim_built(build_one(check_profile(path), *arguments))


def _slim_built(built: BuiltReport) -> BuiltReport:
    return replace(built, result=built.result.slim())


def _pool(jobs: int) -> Executor:
    # imported here: `reportgen build ONE.yaml` needs default_jobs() but no pool (≈2 ms at start)
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs)


def _as_completed(futures: list) -> Iterator:
    from concurrent.futures import as_completed

    return as_completed(futures)
