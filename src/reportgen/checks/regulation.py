"""What 《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号) requires of the report.

The five contents (DOMAIN_NOTES §2.3) and publication before 1 April of the next year
(第二十四条); item 5, 其他需要报告的情况, is needed only when there is something to report.
"""

from __future__ import annotations

import datetime as dt

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, error, warning
from reportgen.schema.profile import Profile

# 《政府信息公开条例》第二十六条: proactive disclosure within 20 working days.
DISCLOSURE_WORKING_DAYS = 20
# The month the report year's last quarter begins: signing earlier cannot sum up the year.
LAST_QUARTER = 10


def check_required_parts(context: CheckContext) -> list[Finding]:
    profile = context.report.profile
    required = [
        (("achievements",), "主要举措和成效", 1, profile.achievements.is_empty),
        (("shortcomings",), "存在的不足和原因", 2, not profile.shortcomings.items),
        (("leader_duties",), "党政主要负责人履行推进法治建设第一责任人职责情况", 3, profile.leader_duties.is_empty),
        (("plans",), "下一年度工作安排", 4, profile.plans.is_empty),
    ]
    return [
        warning(path, messages.missing_required_part(title, item)) for path, title, item, missing in required if missing
    ]


def check_causes_given(context: CheckContext) -> list[Finding]:
    items = context.report.profile.shortcomings.items
    without = sum(1 for item in items if not item.cause)
    if not without:
        return []
    return [warning(("shortcomings", "items"), messages.shortcomings_without_causes(without, len(items)))]


def check_dates(context: CheckContext) -> list[Finding]:
    profile = context.report.profile
    signed, published = profile.publication.signed_on, profile.publication.published_on
    deadline = dt.date(profile.year + 1, 4, 1)
    unsigned = profile.publication.signatories == []  # deliberately no 落款: no 成文日期 either
    findings = _missing_dates(None if unsigned else signed, published, deadline, dated=not unsigned)
    if signed is not None:
        findings.extend(_check_signed(profile, signed, deadline))
    if published is not None and published >= deadline:
        path = ("publication", "published_on")
        findings.append(warning(path, messages.published_after_deadline(_show(published), _show(deadline))))
    if signed is not None and published is not None:
        findings.extend(_check_publication_delay(signed, published))
    return findings


def _missing_dates(
    signed: dt.date | None, published: dt.date | None, deadline: dt.date, *, dated: bool = True
) -> list[Finding]:
    """成文日期 completes the 落款 (GB/T 9704 7.3.5); 发布日期 shows the 4月1日 deadline was met."""
    findings: list[Finding] = []
    if signed is None and dated:
        findings.append(warning(("publication", "signed_on"), messages.signed_on_missing()))
    if published is None:
        findings.append(warning(("publication", "published_on"), messages.published_on_missing(_show(deadline))))
    return findings


def _check_signed(profile: Profile, signed: dt.date, deadline: dt.date) -> list[Finding]:
    """The report sums up the whole year: 成文日期 normally falls in the first quarter of the
    next (DOMAIN_NOTES §2.2). Before the year, or with a quarter of it still to come, the date
    cannot be right (mostly the report year typed for the next one); in the last quarter it
    can (seed 003 signed 2022-11-25 on “年初以来”), so that is only worth a second look."""
    path = ("publication", "signed_on")
    year = profile.year
    if signed < dt.date(year, 1, 1):
        return [error(path, messages.signed_before_year(_show(signed), year))]
    if signed < dt.date(year, LAST_QUARTER, 1):
        meant = _same_day(signed, year + 1)
        suggestion = _show(meant) if meant is not None and meant < deadline else None
        return [error(path, messages.signed_before_year_ends(_show(signed), year, suggestion))]
    if signed.year == year:
        return [warning(path, messages.signed_in_last_quarter(_show(signed), year))]
    if signed >= deadline:
        return [warning(path, messages.signed_after_deadline(_show(signed), _show(deadline)))]
    return []


def _check_publication_delay(signed: dt.date, published: dt.date) -> list[Finding]:
    path = ("publication", "published_on")
    if published < signed:
        return [error(path, messages.published_before_signed(_show(published), _show(signed)))]
    days = working_days_between(signed, published)
    if days > DISCLOSURE_WORKING_DAYS:
        return [warning(path, messages.published_too_late_after_signing(days))]
    return []


def _same_day(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Monday–Friday days after `start` up to and including `end` (public holidays ignored)."""
    days = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


def _show(day: dt.date) -> str:
    # GB/T 9704 7.3.5.4 style: full year, no leading zeros.
    return f"{day.year}年{day.month}月{day.day}日"
