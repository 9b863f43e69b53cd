"""Publication metadata as government sites require it (DOMAIN_NOTES §3.2, §5)."""

from __future__ import annotations

import re

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, error, warning

# 托政发〔2025〕3号: issuer code, year in 六角括号 (U+3014/3015), serial, 号.
_DOCUMENT_NUMBER = re.compile(r"^\S+〔\d{4}〕\d+号$")
# 000014349/2017-00110, 11620300013909010R/2025-48086: 前段码/年份-序号.
_INDEX_NUMBER = re.compile(r"^[0-9A-Z]{6,20}/\d{4}-\d{3,8}$")


def check_document_number(context: CheckContext) -> list[Finding]:
    value = context.report.profile.publication.document_number
    if value is None or _DOCUMENT_NUMBER.match(value):
        return []
    return [warning(("publication", "document_number"), messages.bad_document_number(value))]


def check_index_number(context: CheckContext) -> list[Finding]:
    value = context.report.profile.publication.index_number
    if value is None or _INDEX_NUMBER.match(value):
        return []
    return [warning(("publication", "index_number"), messages.bad_index_number(value))]


def check_title_lines(context: CheckContext) -> list[Finding]:
    """Title lines break the title by meaning; joined, they must be the title itself. Spaces do not
    count: a last line "报  告" is spaced by convention (the letter space of a two-character line)."""
    profile = context.report.profile
    lines = profile.layout.title_lines
    if not lines or _unspaced("".join(lines)) == _unspaced(profile.title):
        return []
    return [error(("layout", "title_lines"), messages.title_lines_mismatch("".join(lines), profile.title))]


def _unspaced(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def check_signature_given(context: CheckContext) -> list[Finding]:
    """The tool never chooses a signature: without signatories the report shows a placeholder."""
    profile = context.report.profile
    if profile.publication.signatories is not None:
        return []
    return [warning(("publication", "signatories"), messages.signature_not_given(profile.jurisdiction.government_name))]
