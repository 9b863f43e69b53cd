"""Stage 3: compute what can be computed — totals, rates, year-on-year changes.

Nothing here is typed by the clerk: a total whose parts are all given is summed, a rate
whose counts are known is divided, and last year's figures give 同比 (counts, relative)
and 个百分点 (rates). Values are exact (Fraction) until a writer rounds them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from reportgen.errors import ProfilePath
from reportgen.schema.base import IndicatorGroup, RateOf, SumOf
from reportgen.schema.indicators import INDICATOR_GROUPS, Figures
from reportgen.schema.profile import Profile
from reportgen.schema.values import Count, Percent

DEFAULT_RATE_DECIMALS = 2


@dataclass(frozen=True)
class StatedGroup:
    """One figure group as written in the profile, and where."""

    key: str
    values: IndicatorGroup
    path: ProfilePath

    @property
    def kind(self) -> str | None:
        # Only a mediation has a kind; looking in the fields' dict spares the other groups
        # pydantic's __getattr__, which every missing attribute goes through (slow).
        return vars(self.values).get("kind")

    @property
    def identity(self) -> tuple[str, str | None]:
        return self.key, self.kind


@dataclass
class MergedGroup:
    """One figure group with every field stated for it, wherever in the profile.

    Reports often state parts of one group in different measures (诉讼 cases in one,
    出庭 in the next); rules and rates apply to the whole group, and each field is
    stated once. `paths` says where each field was stated, for messages.
    """

    key: str
    kind: str | None
    values: IndicatorGroup
    path: ProfilePath
    paths: dict[str, ProfilePath] = field(default_factory=dict)
    restated: list[tuple[str, ProfilePath, ProfilePath]] = field(default_factory=list)

    def path_of(self, name: str) -> ProfilePath:
        return self.paths.get(name, (*self.path, name))


def merge_groups(stated: list[StatedGroup]) -> list[MergedGroup]:
    """Merge the statements of each group (by key and kind), in order of first statement."""
    merged: dict[tuple[str, str | None], MergedGroup] = {}
    fields: dict[tuple[str, str | None], dict[str, Any]] = {}
    statements: dict[tuple[str, str | None], int] = {}
    for group in stated:
        identity = group.identity
        entry = merged.get(identity)
        if entry is None:
            entry = merged[identity] = MergedGroup(group.key, identity[1], group.values, group.path)
            fields[identity] = {}
        statements[identity] = statements.get(identity, 0) + 1
        values = fields[identity]
        for name, value in vars(group.values).items():  # the fields, in declaration order
            if value is None:
                continue
            if name in values and name != "kind":
                entry.restated.append((name, entry.path_of(name), (*group.path, name)))
                continue
            values[name] = value
            entry.paths.setdefault(name, (*group.path, name))
    for identity, entry in merged.items():
        # A group stated once is its own merge (most are): only several statements need a new model.
        if statements[identity] > 1:
            entry.values = type(entry.values).model_construct(**fields[identity])
    return list(merged.values())


@dataclass(frozen=True)
class Figure:
    """A figure's value: stated by the clerk or computed (with the formula it came from)."""

    value: Fraction
    unit: str
    computed: bool = False
    approximate: bool = False
    at_least: bool = False
    formula: str = ""
    scale: str = ""  # "万"/"亿" when the clerk wrote the count that way

    def rounded(self, decimals: int = DEFAULT_RATE_DECIMALS) -> Decimal:
        return round_half_up(self.value, decimals)


@dataclass
class DerivedGroup:
    key: str
    kind: str | None
    title: str
    path: ProfilePath
    figures: dict[str, Figure] = field(default_factory=dict)

    @property
    def identity(self) -> tuple[str, str | None]:
        return self.key, self.kind


@dataclass(frozen=True)
class Change:
    """Year-on-year change of one figure. Rates change in 个百分点, counts in % as well."""

    group: str
    kind: str | None
    name: str
    title: str
    unit: str
    this_year: Figure
    last_year: Figure

    @property
    def difference(self) -> Fraction:
        return self.this_year.value - self.last_year.value

    @property
    def relative(self) -> Fraction | None:
        """Relative change in % (counts only; a rate's change is in 个百分点)."""
        if self.unit == "%" or self.last_year.value == 0:
            return None
        return self.difference / self.last_year.value * 100


@dataclass
class FigureGroup:
    """One figure group as the rest of the pipeline reads it, computed once: what was stated
    (and where), the derived figures, where its sentence belongs, and its year-on-year changes."""

    merged: MergedGroup
    derived: DerivedGroup
    owner: ProfilePath  # the area or measure whose `figures:` first states it
    in_text: bool  # that `figures:` says its numbers are already in the prose
    changes: dict[str, Change] = field(default_factory=dict)  # by field name

    @property
    def key(self) -> str:
        return self.derived.key


@dataclass
class Report:
    """A validated profile with everything computed from it.

    `figures` is this year's groups; `last_year_typed` last year's figures when typed inline
    in this profile (`last_year.figures`), merged once so checks can hold them to the same
    rules.
    """

    profile: Profile
    figures: list[FigureGroup]
    last_year_typed: list[MergedGroup] = field(default_factory=list)

    @property
    def groups(self) -> list[DerivedGroup]:
        return [group.derived for group in self.figures]

    @property
    def changes(self) -> list[Change]:
        return [change for group in self.figures for change in group.changes.values()]


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """Round an exact value half-up (never truncate: 91.759… → 91.76)."""
    quantum = Decimal(1).scaleb(-decimals)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- collecting


def iter_stated_groups(profile: Profile) -> Iterator[StatedGroup]:
    """Every figure group in the profile, in document order, with its path."""
    for a, area in enumerate(profile.achievements.areas):
        base: ProfilePath = ("achievements", "areas", a)
        yield from iter_figures(area.figures, (*base, "figures"))
        for m, measure in enumerate(area.measures):
            yield from iter_figures(measure.figures, (*base, "measures", m, "figures"))
    for m, measure in enumerate(profile.achievements.measures):
        yield from iter_figures(measure.figures, ("achievements", "measures", m, "figures"))


def iter_figures(figures: Figures | None, path: ProfilePath) -> Iterator[StatedGroup]:
    if figures is None:
        return
    for key in INDICATOR_GROUPS:
        value = getattr(figures, key)
        if value is None:
            continue
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield StatedGroup(key, item, (*path, key, index))
        else:
            yield StatedGroup(key, value, (*path, key))


# ---------------------------------------------------------------- deriving one group


def known_count(group: IndicatorGroup, name: str) -> Count | None:
    """A count as given, or summed from its parts, or 0 when the parts given fill the whole."""
    value = getattr(group, name)
    if value is not None:
        return value
    for rule in _sums_involving(type(group), name):
        if rule.whole == name:
            parts = [getattr(group, part) for part in rule.parts]
            if all(part is not None for part in parts) and not any(p.approximate for p in parts):
                return Count(sum(parts))
        if name in rule.parts and _parts_fill_whole(group, rule):
            return Count(0)
    return None


class KnownCounts(dict[str, Count | None]):
    """known_count for the fields of one group, each worked out once per derivation: a rate asks
    again for counts already derived (a correction rate for ten, each missing one summed again)."""

    def __init__(self, group: IndicatorGroup) -> None:
        super().__init__()
        self.group = group

    def __missing__(self, name: str) -> Count | None:
        count = self[name] = known_count(self.group, name)
        return count


@functools.cache
def _sums_involving(group: type[IndicatorGroup], name: str) -> tuple[SumOf, ...]:
    """The group's SumOf rules with `name` as the whole or a part, in the order declared
    (read off the class once: most fields are in no rule, and are then done at once)."""
    return tuple(rule for rule in group.RULES if isinstance(rule, SumOf) and (rule.whole == name or name in rule.parts))


@functools.cache
def _summed_fields(group: type[IndicatorGroup]) -> frozenset[str]:
    """The group's fields that a SumOf rule can give when they are not typed: wholes and parts."""
    return frozenset(name for rule in group.RULES if isinstance(rule, SumOf) for name in (rule.whole, *rule.parts))


@functools.cache
def _rates_of(group: type[IndicatorGroup], name: str) -> tuple[RateOf, ...]:
    """The group's RateOf rules that compute the rate `name`, in the order declared."""
    return tuple(rule for rule in group.RULES if isinstance(rule, RateOf) and rule.rate == name)


def _parts_fill_whole(group: IndicatorGroup, rule: SumOf) -> bool:
    whole = getattr(group, rule.whole)
    if whole is None or whole.approximate:  # most often: the parts are not read
        return False
    given = [getattr(group, part) for part in rule.parts if getattr(group, part) is not None]
    if any(part.approximate for part in given):
        return False
    return bool(given) and sum(given) == whole


def computed_rate(
    group: IndicatorGroup, rule: RateOf, counts: KnownCounts | None = None
) -> tuple[Fraction, int, int] | None:
    """(rate in %, numerator, denominator) when every count is known and exact; `counts`, the
    group's counts already worked out, if any."""
    known = KnownCounts(group) if counts is None else counts
    numerator = [known[name] for name in rule.numerator]
    denominator = [known[name] for name in rule.denominator]
    both = numerator + denominator
    if any(c is None for c in both) or any(c.approximate for c in both):  # type: ignore[union-attr]
        return None
    num, den = sum(numerator), sum(denominator)  # type: ignore[arg-type]
    if den == 0:
        return None
    return Fraction(num * 100, den), int(num), int(den)


def derive_group(merged: MergedGroup) -> DerivedGroup:
    group = merged.values
    cls = type(group)
    derived = DerivedGroup(merged.key, merged.kind, cls.group_title(), merged.path)
    given = vars(group)  # the fields by name: read without pydantic's attribute look-up
    summed = _summed_fields(cls)
    counts = KnownCounts(group)
    for name, declared in cls.figure_fields().items():
        if declared.kind == "rate":
            figure = _rate_figure(group, name, counts)
        elif given[name] is not None:
            figure = _stated_figure(given[name], declared.unit)
        elif name in summed:
            figure = _summed_figure(counts[name], declared.unit)
        else:
            continue  # absent, and in no sum that could give it (most fields)
        if figure is not None:
            derived.figures[name] = figure
    return derived


def _stated_figure(given: Any, unit: str) -> Figure:
    """A count or amount as the clerk typed it."""
    # int(): Fraction takes its fast path for a plain int only (a Count, an Amount's Decimal are slower).
    return Figure(
        Fraction(int(given)) if isinstance(given, int) else Fraction(given),
        unit,
        approximate=getattr(given, "approximate", False),
        scale=getattr(given, "scale", ""),
    )


def _summed_figure(value: Count | None, unit: str) -> Figure | None:
    """A count not typed, when its parts give it."""
    if value is None:
        return None
    # Either the sum of all its parts, or 0 because the other parts already fill the whole.
    formula = "各分项之和" if value else "其余分项已合计满总数"
    return Figure(Fraction(int(value)), unit, computed=True, formula=formula)


def _rate_figure(group: IndicatorGroup, name: str, counts: KnownCounts) -> Figure | None:
    for rule in _rates_of(type(group), name):
        result = computed_rate(group, rule, counts)
        if result is not None:
            rate, num, den = result
            return Figure(rate, "%", computed=True, formula=f"{num} ÷ {den}")
    typed: Percent | None = getattr(group, name)
    if typed is None:
        return None
    return Figure(Fraction(typed.value), "%", at_least=typed.at_least)


# ---------------------------------------------------------------- the whole report


def derive_groups(stated: list[StatedGroup]) -> list[DerivedGroup]:
    return [derive_group(group) for group in merge_groups(stated)]


def derive_report(profile: Profile, last_year: list[StatedGroup] | None = None) -> Report:
    """Stage 3: every figure group merged, derived, placed and compared with last year, once."""
    merged = merge_groups(list(iter_stated_groups(profile)))
    groups = [derive_group(group) for group in merged]
    changes: dict[tuple[str, str | None], dict[str, Change]] = {}
    for change in year_on_year(groups, derive_groups(last_year)) if last_year else []:
        changes.setdefault((change.group, change.kind), {})[change.name] = change
    figures = [
        FigureGroup(stated, derived, owner, _in_text(profile, owner), changes.get(derived.identity, {}))
        for stated, derived in zip(merged, groups, strict=True)
        for owner in [_owner(stated)]
    ]
    typed = profile.last_year.figures if profile.last_year is not None else None
    last_year_typed = merge_groups(list(iter_figures(typed, ("last_year", "figures")))) if typed else []
    return Report(profile=profile, figures=figures, last_year_typed=last_year_typed)


def _owner(group: MergedGroup) -> ProfilePath:
    return group.path[: group.path.index("figures")]


def _in_text(profile: Profile, owner: ProfilePath) -> bool:
    node: Any = profile
    for step in owner:
        node = node[step] if isinstance(step, int) else getattr(node, step)
    return bool(node.figures.in_text)


def year_on_year(this_year: list[DerivedGroup], last_year: list[DerivedGroup]) -> list[Change]:
    """Changes for every figure stated (or computed) in both years, matched by group and kind."""
    previous = {(group.key, group.kind): group for group in last_year}
    changes: list[Change] = []
    for group in this_year:
        before = previous.get((group.key, group.kind))
        if before is None:
            continue
        for name, now in group.figures.items():
            then = before.figures.get(name)
            if then is None or now.approximate or then.approximate or now.at_least or then.at_least:
                continue
            cls = _group_class(group.key)
            changes.append(Change(group.key, group.kind, name, cls.figure_title(name), now.unit, now, then))
    return changes


def _group_class(key: str) -> type[IndicatorGroup]:
    return INDICATOR_GROUPS[key]
