"""A bureau's batch on every core: the same pipeline as api.py, one profile per task in a process pool.

Memory stays flat however long the batch: the parent keeps only slim results (diagnostics and the
output name, never a profile's model, figures or rendered files), and each worker checks, renders and
writes one profile and sends back only what is printed. The profiles are checked twice (once to find
the files two profiles would share before anything is written, once in the worker that builds it):
checking is the cheap stage, and sending a checked model to a worker would cost as much.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from reportgen.batch import BuiltReport
from reportgen.validate import ValidationResult

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
    return ProcessPoolExecutor(max_workers=jobs)


def _as_completed(futures: list) -> Iterator:
    from concurrent.futures import as_completed

    return as_completed(futures)
