"""The pipeline on one screen: what every command does, as plain function calls.

    load → validate → derive   (validate_paths)
    schema → starter profile   (create_starter_profile)
    schema → JSON Schema, reference docs

The CLI only parses arguments, calls one function here, and formats the result.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from reportgen import messages
from reportgen.errors import FileProblem
from reportgen.fsutil import write_atomic
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
