"""Chinese number style for figures: percentages, counts, 万/亿, year-on-year wording.

Used by the CLI and, as Jinja filters, by the templates, so a figure reads the same
everywhere.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from reportgen.derive import Change, Figure, round_half_up

RATE_DECIMALS = 2
_SCALES = {"": 1, "万": 10_000, "亿": 100_000_000}


def plain_number(value: Decimal | Fraction | int, decimals: int = RATE_DECIMALS) -> str:
    """Half-up rounded, trailing zeros dropped: 80.00 → "80", 37.50 → "37.5"."""
    exact = value if isinstance(value, Fraction) else Fraction(value)
    text = str(round_half_up(exact, decimals))
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def scaled(value: Fraction | Decimal | int, scale: str = "") -> str:
    """In 万 or 亿 as Chinese reports write large numbers: 27800, "万" → "2.78万"."""
    return plain_number(Fraction(value) / _SCALES[scale]) + scale


def figure_text(figure: Figure) -> str:
    """ "80%", "95%以上", "3000余份", "14件", "8.9万场次" (as typed), "2.78万元"."""
    if figure.unit == "%":
        return f"{plain_number(figure.value)}%" + ("以上" if figure.at_least else "")
    scale = figure.scale or ("万" if figure.unit == "元" and figure.value >= 10_000 else "")
    return f"{scaled(figure.value, scale)}{'余' if figure.approximate else ''}{figure.unit}"


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


# ---------------------------------------------------------------- Jinja filters


def _number_of(value: object) -> Fraction:
    return Fraction(getattr(value, "value", value))  # a figure view, or a plain number


def wan(value: object) -> str:
    """`{{ x|wan }}`: in 万 from ten thousand, in 亿 from a hundred million: "2.78万"."""
    number = _number_of(value)
    return scaled(number, "亿" if number >= 100_000_000 else "万" if number >= 10_000 else "")


def percent(value: object, decimals: int = RATE_DECIMALS) -> str:
    """`{{ rate|percent(1) }}`: a rate at the given precision, half-up: "98.8%"."""
    return plain_number(_number_of(value), decimals) + "%"


def number(value: object) -> str:
    """`{{ g.received|number }}`: the bare number of a figure, without its unit."""
    return plain_number(_number_of(value))


def yoy(change: Change | None) -> str:
    """`{{ g.change("received")|yoy }}`: "同比增长40%"; rates "同比提高3个百分点"; "" if none."""
    if change is None:
        return ""
    if change.unit == "%":
        return "同比" + change_text(change)
    if not change.difference:
        return "与上年持平"
    word = "增长" if change.difference > 0 else "下降"
    relative = change.relative
    amount = (
        f"{plain_number(abs(relative))}%" if relative is not None else f"{number(abs(change.difference))}{change.unit}"
    )
    return f"同比{word}{amount}"


JINJA_FILTERS = {"wan": wan, "percent": percent, "number": number, "yoy": yoy}

# The filters as a maintainer reads about them (docs/template-reference.md).
FILTER_DOC = {
    "wan": "{{ x|wan }}：以“万”“亿”表示大数，如 27800 → 2.78万",
    "percent": "{{ g.success_rate|percent(1) }}：按指定小数位四舍五入的百分数，如 98.8%",
    "number": "{{ g.received|number }}：只要数字、不带单位，如 14",
    "yoy": '{{ g.change("received")|yoy }}：同比，如“同比增长40%”；比率为“同比提高3个百分点”；没有去年数字时为空',
}
