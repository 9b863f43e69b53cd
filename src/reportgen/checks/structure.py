"""The shape of the achievements part: each standard area once, no empty area."""

from __future__ import annotations

from reportgen import messages
from reportgen.checks import CheckContext, Finding, error, warning
from reportgen.errors import ProfilePath
from reportgen.schema.areas import AREAS, StandardArea


def check_areas(context: CheckContext) -> list[Finding]:
    findings = []
    seen: dict[StandardArea, ProfilePath] = {}
    for index, area in enumerate(context.report.profile.achievements.areas):
        path: ProfilePath = ("achievements", "areas", index)
        if area.area is not None:
            if area.area in seen:
                line = context.line_of(seen[area.area])
                findings.append(error((*path, "area"), messages.area_duplicated(AREAS[area.area].title, line)))
            seen.setdefault(area.area, path)
        if area.is_empty:
            findings.append(warning(path, messages.area_empty(area.heading)))
    return findings
