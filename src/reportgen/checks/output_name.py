"""The report's file name, made from the jurisdiction's name: said before `build` writes it.

`validate` and `build` use the same function (outputs.safe_stem), so the name a warning
announces is the name written.
"""

from __future__ import annotations

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, error, warning
from reportgen.outputs import report_base_name, safe_stem

_NAME = ("jurisdiction", "name")


def check_output_name(context: CheckContext) -> list[Finding]:
    profile = context.report.profile
    stem = safe_stem(profile.jurisdiction.name, profile.year)
    if not stem.text:
        return [error(_NAME, messages.output_name_empty())]
    if not stem.changes:
        return []
    file_name = f"{report_base_name(stem.text, profile.year)}.docx"
    return [warning(_NAME, messages.output_name_changed(file_name, [change.value for change in stem.changes]))]
