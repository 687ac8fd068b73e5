"""Money units: the one place where an amount changes unit.

Disclosures print 元, 万元 and (rarely) 千元 or 亿元, often several in one document (上海 and 西安
print their tables in 元 and their 三公 table in 万元); the graph holds 万元; questions name 万 and
亿. Every conversion — a table in another unit than its record, a narrative figure, a graph
literal, an amount in a question — goes through ``convert``: exact Decimal arithmetic, never a
float, never rounded, so converting back gives the printed figure to the last digit.
"""
from __future__ import annotations

from decimal import Decimal

# How many 万元 one of each unit is (the short forms questions use included).
IN_WAN: dict[str, Decimal] = {
    "元": Decimal("0.0001"), "千元": Decimal("0.1"), "万元": Decimal(1), "万": Decimal(1),
    "亿元": Decimal(10000), "亿": Decimal(10000),
}


def convert(value: Decimal | None, from_unit: str, to_unit: str) -> Decimal | None:
    """``value`` printed in ``from_unit``, in ``to_unit``: exact (``Decimal``), ``None`` stays
    ``None``; an unknown unit raises ``ValueError`` rather than guessing."""
    if value is None or from_unit == to_unit:
        return value
    try:
        factor = IN_WAN[from_unit] / IN_WAN[to_unit]
    except KeyError:
        raise ValueError(f"unknown units {from_unit} -> {to_unit}") from None
    return value * factor


def scale(unit: str | None) -> Decimal:
    """How many of ``unit`` make one 万元 (the size of a rounding gap, a tolerance, in that unit)."""
    if not unit or unit not in IN_WAN:
        return Decimal(1)
    return Decimal(1) / IN_WAN[unit]
