"""Stages 2 and 4: a loaded profile against the schema, then every check — as Diagnostics.

All problems are gathered, never only the first. Schema errors come from pydantic
(all fields at once); the figure and regulation checks need a valid model and the
derived figures, so they run after derive (reportgen.api.check_profile puts them in order).
"""

from __future__ import annotations

import dataclasses
import os
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reportgen import messages, sourcemap
from reportgen.checks import CheckContext, Finding, run_checks
from reportgen.derive import Report, StatedGroup, iter_figures, iter_stated_groups
from reportgen.errors import Diagnostic, ProfilePath, ReportgenError, Severity
from reportgen.load import LoadedProfile
from reportgen.schema import Profile
from reportgen.schema.introspect import field_title, model_at, suggest_key

# The fields the output file is named after (outputs.py).
NAMING_FIELDS: tuple[ProfilePath, ...] = (("jurisdiction", "name"), ("year",))


@dataclass
class ValidationResult:
    """The outcome for one file: the model and report when valid, and all diagnostics."""

    path: Path
    profile: Profile | None = None
    report: Report | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    file_problem: bool = False
    # line, column of the fields that name the output file (NAMING_FIELDS), for a problem
    # found across profiles after validation: two profiles that would write one file.
    positions: dict[ProfilePath, tuple[int | None, int | None]] = field(default_factory=dict)
    # The base name its files are written under, kept when a slim copy drops the model (outputs.py).
    base_name: str | None = None
    # The file as read (text and positions): build places proofreading findings with it.
    loaded: LoadedProfile | None = None

    def slim(self) -> ValidationResult:
        """This result without the model and figures: what a batch keeps of each profile, and what a
        worker process sends back (a thousand full results would hold ~100 MB)."""
        from reportgen.outputs import output_base_name

        name = output_base_name(self.profile) if self.ok and self.profile is not None else self.base_name
        return dataclasses.replace(self, profile=None, report=None, base_name=name, loaded=None)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    @property
    def ok(self) -> bool:
        return not self.file_problem and not self.errors

    @property
    def exit_code(self) -> int:
        if self.file_problem:
            return 2
        return 1 if self.errors else 0


def validate_file(path: Path, *, follow_last_year: bool = True) -> ValidationResult:
    """Load and validate one profile file: the pipeline's first four stages (reportgen.api.check_profile)."""
    from reportgen.api import check_profile

    return check_profile(path, follow_last_year=follow_last_year)


def failed_load(path: Path, exc: ReportgenError) -> ValidationResult:
    """The result for a file that could not be read as YAML: its problem as diagnostics."""
    diagnostics = exc.diagnostics or [
        Diagnostic(Severity.ERROR, path, None, None, (), messages.FILE_TITLE, exc.message)
    ]
    return ValidationResult(path, diagnostics=diagnostics, file_problem=exc.exit_code == 2)


def validate_schema(loaded: LoadedProfile) -> ValidationResult:
    """The profile model, or every schema error with its line and column."""
    result = ValidationResult(loaded.path, loaded=loaded)
    if not isinstance(loaded.data, Mapping):
        message = messages.empty_profile() if loaded.data is None else messages.root_not_mapping(loaded.data)
        result.diagnostics.append(_diagnostic(loaded, Severity.ERROR, (), message))
        return result
    try:
        result.profile = Profile.model_validate(plain_data(loaded.data))
    except ValidationError as exc:
        result.diagnostics.extend(_schema_diagnostic(loaded, error) for error in exc.errors())
        return _sorted(result)
    result.positions = {path: sourcemap.locate(loaded.data, path) for path in NAMING_FIELDS}
    return result


# Values plain_data would return as they are: kept without a call (most of a profile's values).
_PLAIN_SCALARS = frozenset({str, int, bool, type(None)})


def plain_data(data: Any) -> Any:
    """ruamel's CommentedMap/CommentedSeq/ScalarString as dict/list/str: pydantic validates
    plain containers three times faster than Mapping subclasses, more than the copy costs.
    Positions stay on `loaded.data` for the diagnostics."""
    if isinstance(data, dict):
        # A CommentedMap's own items() and a CommentedSeq's iteration run in Python, one call per
        # entry; OrderedDict's and list's, in C, give the same entries in the same order.
        items = OrderedDict.items(data) if isinstance(data, OrderedDict) else data.items()
        return {key: value if type(value) in _PLAIN_SCALARS else plain_data(value) for key, value in items}
    if isinstance(data, list):
        return [item if type(item) in _PLAIN_SCALARS else plain_data(item) for item in list.__iter__(data)]
    if isinstance(data, str):
        return str(data)
    return data


def run_profile_checks(result: ValidationResult, loaded: LoadedProfile) -> ValidationResult:
    """Every check (reportgen.checks) on the derived report, as diagnostics placed in the file."""
    assert result.profile is not None and result.report is not None
    context = CheckContext(result.report, line_of=lambda path: sourcemap.locate(loaded.data, path)[0])
    result.diagnostics.extend(_templates_folder(result.profile, loaded))
    findings = run_checks(context)
    # The text's line starts are needed only to place a finding inside a value; most profiles have none.
    source = sourcemap.SourceText(loaded.text) if any(finding.offset is not None for finding in findings) else None
    result.diagnostics.extend(_finding_diagnostic(loaded, source, finding) for finding in findings)
    return _sorted(result)


def _sorted(result: ValidationResult) -> ValidationResult:
    result.diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0, not d.is_error))
    return result


# ---------------------------------------------------------------- diagnostics


def _schema_diagnostic(loaded: LoadedProfile, error: Mapping[str, Any]) -> Diagnostic:
    path: ProfilePath = tuple(error.get("loc", ()))
    if error.get("type") == "extra_forbidden" and path:
        key = str(path[-1])
        suggestion = suggest_key(model_at(Profile, path[:-1]), key)
        error = {**error, "ctx": {"suggestion": suggestion}}
        line, column = sourcemap.key_position(loaded.data, path)
    else:
        line, column = sourcemap.locate(loaded.data, path)
    return Diagnostic(
        Severity.ERROR,
        loaded.path,
        line,
        column,
        path,
        field_title(Profile, path),
        messages.schema_error(error),
    )


def _finding_diagnostic(loaded: LoadedProfile, source: sourcemap.SourceText | None, finding: Finding) -> Diagnostic:
    if finding.offset is None or source is None:
        return _diagnostic(loaded, finding.severity, finding.path, finding.message)
    line, column = sourcemap.locate_in_value(loaded.data, source, finding.path, finding.offset)
    title = field_title(Profile, finding.path)
    return Diagnostic(finding.severity, loaded.path, line, column, finding.path, title, finding.message)


def _diagnostic(loaded: LoadedProfile, severity: Severity, path: ProfilePath, message: str) -> Diagnostic:
    line, column = sourcemap.locate(loaded.data, path)
    return Diagnostic(severity, loaded.path, line, column, path, field_title(Profile, path), message)


def _templates_folder(profile: Profile, loaded: LoadedProfile) -> list[Diagnostic]:
    """`templates:` names a folder relative to the profile's own; a missing one, or a file,
    would otherwise be passed over in silence and the shipped templates used instead."""
    if profile.templates is None:
        return []
    folder = Path(os.path.abspath(loaded.path.parent / profile.templates))  # shown resolved, links kept
    if folder.is_dir():
        return []
    message = messages.templates_not_a_folder(folder) if folder.exists() else messages.templates_missing(folder)
    return [_diagnostic(loaded, Severity.ERROR, ("templates",), message)]


# ---------------------------------------------------------------- last year's figures


def last_year_figures(
    profile: Profile, loaded: LoadedProfile, follow: bool = True
) -> tuple[list[StatedGroup] | None, list[Diagnostic]]:
    """Last year's figure groups (inline, or from last year's profile) for 同比."""
    last_year = profile.last_year
    if last_year is None:
        return None, []
    if last_year.figures is not None:
        return list(iter_figures(last_year.figures, ("last_year", "figures"))), []
    if not follow or last_year.profile is None:
        return None, []
    return _groups_from_last_year_file(profile, loaded, loaded.path.parent / last_year.profile)


def _groups_from_last_year_file(
    profile: Profile, loaded: LoadedProfile, path: Path
) -> tuple[list[StatedGroup] | None, list[Diagnostic]]:
    where: ProfilePath = ("last_year", "profile")
    result = validate_file(path, follow_last_year=False)
    if result.file_problem or result.profile is None:
        message = (
            messages.last_year_unreadable(result.diagnostics[0].message)
            if result.file_problem
            else messages.last_year_invalid(path, len(result.errors))
        )
        return None, [_diagnostic(loaded, Severity.ERROR, where, message)]
    last = result.profile
    diagnostics = []
    if last.year != profile.year - 1:
        diagnostics.append(
            _diagnostic(loaded, Severity.ERROR, where, messages.last_year_wrong_year(last.year, profile.year - 1))
        )
    if last.jurisdiction.name != profile.jurisdiction.name:
        message = messages.last_year_other_jurisdiction(last.jurisdiction.name, profile.jurisdiction.name)
        diagnostics.append(_diagnostic(loaded, Severity.WARNING, where, message))
    if any(d.is_error for d in diagnostics):
        return None, diagnostics
    return list(iter_stated_groups(last)), diagnostics
