"""The indicator catalogue describes itself: groups read off the Figures model, figure fields off the schema."""

from __future__ import annotations

from reportgen.schema.base import IndicatorGroup
from reportgen.schema.indicators import INDICATOR_GROUPS, AdministrativeReconsideration, Figures, Mediation


def test_every_figures_field_but_in_text_is_a_known_group():
    assert set(INDICATOR_GROUPS) == set(Figures.model_fields) - {"in_text"}
    assert INDICATOR_GROUPS["mediation"] is Mediation  # a list of groups (one per kind) is found too
    assert all(issubclass(group, IndicatorGroup) for group in INDICATOR_GROUPS.values())


def test_a_group_lists_its_figures_with_title_unit_kind_and_phrase():
    fields = AdministrativeReconsideration.figure_fields()
    received = fields["received"]
    assert (received.title, received.unit, received.kind) == ("收到行政复议申请", "件", "count")
    assert received.phrase is not None and "{value}" in received.phrase.text
    assert fields["conclusion_rate"].kind == "rate" and fields["conclusion_rate"].unit == "%"
    assert "kind" not in Mediation.figure_fields()  # the type of mediation is text, not a figure


def test_every_rule_names_figures_of_its_own_group():
    for group in INDICATOR_GROUPS.values():
        names = set(group.figure_fields())
        for rule in group.RULES:
            mentioned = {
                value for value in vars(rule).values() if isinstance(value, str) and value in group.model_fields
            }
            mentioned |= {name for value in vars(rule).values() if isinstance(value, tuple) for name in value}
            assert mentioned <= names, (group.__name__, rule)
