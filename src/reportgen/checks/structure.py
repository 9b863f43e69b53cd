"""The shape of the achievements part: each standard area once, no empty area."""

from __future__ import annotations

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, error, warning
from reportgen.document.numbering import NumberingScheme
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


def check_numbering_fits(context: CheckContext) -> list[Finding]:
    """Areas are headings: the second level of layout.numbering must not be a run-in 一是."""
    profile = context.report.profile
    scheme = NumberingScheme.from_tokens(profile.layout.numbering)
    if not profile.achievements.areas or not scheme.is_run_in(2):
        return []
    return [error(("layout", "numbering"), messages.numbering_too_shallow_for_areas(profile.layout.numbering[1]))]
