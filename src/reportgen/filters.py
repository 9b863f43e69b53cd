"""Chinese number style for figures: percentages, counts, year-on-year wording.

Used by the CLI now and by the templates later, so a figure reads the same everywhere.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from reportgen.derive import Change, Figure, round_half_up

RATE_DECIMALS = 2


def plain_number(value: Decimal | Fraction | int, decimals: int = RATE_DECIMALS) -> str:
    """Half-up rounded, trailing zeros dropped: 80.00 → "80", 37.50 → "37.5"."""
    exact = value if isinstance(value, Fraction) else Fraction(value)
    text = str(round_half_up(exact, decimals))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def figure_text(figure: Figure) -> str:
    """ "80%", "95%以上", "3000余份", "14件"."""
    if figure.unit == "%":
        return f"{plain_number(figure.value)}%" + ("以上" if figure.at_least else "")
    return f"{plain_number(figure.value)}{'余' if figure.approximate else ''}{figure.unit}"


def change_text(change: Change) -> str:
    """Rates change in 个百分点 (提高/降低); counts 增长/下降 by amount and by %."""
    difference = change.difference
    if not difference:
        return "持平"
    if change.unit == "%":
        word = "提高" if difference > 0 else "降低"
        return f"{word}{plain_number(abs(difference))}个百分点"
    word = "增长" if difference > 0 else "下降"
    text = f"{word}{plain_number(abs(difference))}{change.unit}"
    if change.relative is not None:
        text += f"（{plain_number(abs(change.relative))}%）"
    return text
