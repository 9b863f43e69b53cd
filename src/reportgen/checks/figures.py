"""Consistency of figures: parts within wholes, sums, rates against their counts."""

from __future__ import annotations

from reportgen import messages
from reportgen.checks.base import CheckContext, Finding, error, warning
from reportgen.derive import (
    MergedGroup,
    Report,
    computed_rate,
    round_half_up,
)
from reportgen.schema.base import AtMost, RateOf, SumOf
from reportgen.schema.values import Count


def _merged(report: Report) -> list[MergedGroup]:
    """This year's groups and, when typed inline, last year's: both must be consistent."""
    return [group.merged for group in report.figures] + report.last_year_typed


def check_parts_within_whole(context: CheckContext) -> list[Finding]:
    findings = []
    for group in _merged(context.report):
        cls = type(group.values)
        for rule in cls.RULES:
            if not isinstance(rule, AtMost):
                continue
            part, whole = getattr(group.values, rule.part), getattr(group.values, rule.whole)
            if _exact(part, whole) and part > whole:
                message = messages.part_exceeds_whole(
                    cls.figure_title(rule.part),
                    cls.figure_title(rule.whole),
                    part,
                    whole,
                    cls.unit(rule.part),
                )
                findings.append(error(group.path_of(rule.part), message))
    return findings


def check_sums(context: CheckContext) -> list[Finding]:
    findings = []
    for group in _merged(context.report):
        cls = type(group.values)
        for rule in cls.RULES:
            if isinstance(rule, SumOf):
                findings.extend(_check_sum(group, rule))
    return findings


def _check_sum(group: MergedGroup, rule: SumOf) -> list[Finding]:
    cls = type(group.values)
    whole = getattr(group.values, rule.whole)
    parts = {name: getattr(group.values, name) for name in rule.parts}
    given = {name: value for name, value in parts.items() if value is not None}
    if not given or not _exact(whole, *given.values()):
        return []
    total = sum(given.values())
    titles = [cls.figure_title(name) for name in given]
    unit = cls.unit(rule.whole)
    path = group.path_of(rule.whole)
    if total > whole:
        return [error(path, messages.parts_exceed_whole(cls.figure_title(rule.whole), titles, total, whole, unit))]
    if len(given) == len(parts) and total != whole:
        return [error(path, messages.parts_do_not_add_up(cls.figure_title(rule.whole), titles, total, whole, unit))]
    return []


def check_typed_rates(context: CheckContext) -> list[Finding]:
    """A typed rate must agree with its counts at the precision typed; if it does, it is redundant."""
    findings = []
    for group in _merged(context.report):
        for rule in type(group.values).RULES:
            if isinstance(rule, RateOf) and getattr(group.values, rule.rate) is not None:
                findings.extend(_check_typed_rate(group, rule))
    return findings


def _check_typed_rate(group: MergedGroup, rule: RateOf) -> list[Finding]:
    cls = type(group.values)
    typed = getattr(group.values, rule.rate)
    path = group.path_of(rule.rate)
    numerator = "＋".join(cls.figure_title(name) for name in rule.numerator)
    denominator = "＋".join(cls.figure_title(name) for name in rule.denominator)
    result = computed_rate(group.values, rule)
    if result is None:
        return []
    rate, num, den = result
    correct = round_half_up(rate, typed.decimals)
    if typed.at_least:
        if rate < typed.value:
            return [error(path, messages.rate_at_least_violated(f"{round_half_up(rate, 2)}%", f"{typed.value}%"))]
        return [warning(path, messages.rate_redundant(numerator, denominator, f"{round_half_up(rate, 2)}%"))]
    if correct != typed.value:
        message = messages.rate_disagrees(
            cls.figure_title(rule.rate), f"{correct}%", numerator, denominator, num, den, f"{typed.value}%"
        )
        return [error(path, message)]
    return [warning(path, messages.rate_redundant(numerator, denominator, f"{correct}%"))]


def check_approximate_counts(context: CheckContext) -> list[Finding]:
    """“余” only follows a round number: "20余次" yes, "6余次" or "7094余件" no."""
    findings = []
    for group in _merged(context.report):
        for name, value in vars(group.values).items():  # the fields, in declaration order
            if isinstance(value, Count) and value.approximate and (value < 10 or value % 10):
                findings.append(warning(group.path_of(name), messages.approximate_not_round(int(value))))
    return findings


def check_figures_stated_once(context: CheckContext) -> list[Finding]:
    """A group may be spread over several measures, but each figure is stated once."""
    findings = []
    for group in _merged(context.report):
        cls = type(group.values)
        for name, first, again in group.restated:
            title = cls.group_title() + (f"（{group.kind}）" if group.kind else "")
            message = messages.figure_restated(title, cls.figure_title(name), context.line_of(first))
            findings.append(error(again, message))
    return findings


def _exact(*values: Count | None) -> bool:
    return all(value is not None and not value.approximate for value in values)
