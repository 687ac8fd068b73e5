"""The check of a 会议费明细表 / 培训费明细表: its items added up against the figure they itemise.

A detail table lists the meetings or trainings one by one (西安市审计局 2026 说明十: four trainings, 3.65 +
8.70 + 2.65 + 6.00 = 21.00, the 培训费 budget the same chapter states). Why a check of its own: a list
that does not add up to the figure it details is either partial or misprinted, and a question adding
the items up (培训一共花多少) must be able to say which. The figure itemised is the one the 说明 states
for that expense (``meetings`` / ``training`` ``total`` of this year), else the column the 三公 table
prints beside the 三公 (``totals.three_public.meetings`` / ``training``); none printed, no check.
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import Check, NarrativeFigure, Provenance, Record
from kg.extract.narrative.item_tables import WHOLES
from kg.extract.rules import precision, register_checks, register_rule
from kg.units import convert

register_rule("item_table_sum", "明细表各项之和等于所列费用",
              "the meetings or trainings a 会议费明细表 / 培训费明细表 lists, added up, against the 会议费 / 培训费 "
              "the 说明 (or the 三公 table) states")

# the whole a detail table itemises -> (its narrative topic, its column of the 三公 table)
_WHOLE_FIGURES = {"会议费": ("meetings", "meetings"), "培训费": ("training", "training")}


def _stated_whole(record: Record, whole: str) -> tuple[Decimal, Provenance | None, str] | None:
    """The figure the items detail: the 说明's statement of this year's expense, else the 三公 table's
    column; with where it is printed and in which words."""
    topic, column = _WHOLE_FIGURES[whole]
    stated = next((f for f in record.narrative if f.topic == topic and f.key == "total" and f.period == "current"),
                  None)
    if stated is not None:
        return stated.value, stated.provenance, "说明"
    value = getattr(record.totals.three_public, column, None)
    if value is not None:
        return value, record.totals.provenance.get(f"three_public.{column}"), "三公经费表"
    return None


def _items(record: Record, whole: str) -> list[NarrativeFigure]:
    """The rows of the detail table of one whole, in printed order."""
    return [f for f in record.narrative if f.topic == "subitem" and f.parent == whole and f.provenance is not None
            and f.provenance.table == f"{whole}明细表"]


def _printed(f: NarrativeFigure) -> Decimal:
    """The item's figure as printed (``1,000.00`` -> 1000.00)."""
    return Decimal(f.printed.replace(",", ""))


@register_checks("narrative.item_tables", "会议费、培训费明细表")
def item_table_checks(parts, record: Record) -> list[Check]:
    """item_table_sum, one per detail table whose whole the document states: the items' sum against it,
    within what the printed places of the items allow (each item printed to its last place)."""
    out: list[Check] = []
    for _word, whole in WHOLES:
        items = _items(record, whole)
        if not items:
            continue
        stated = _stated_whole(record, whole)
        if stated is None:
            continue
        value, where, said = stated
        total = sum((f.value for f in items), Decimal(0))
        note = " + ".join(f"{f.label}{f.printed}" for f in items) + f"（{items[0].printed_unit}）"
        check = Check("item_table_sum", f"说明 {whole}明细表 合计 vs {said}{whole}", total, value, total == value,
                      items[0].provenance if where is None else where, note=note)
        if not check.ok:
            # each item is printed rounded to its last place: half a place each is what rounding explains
            places = sum((precision(_printed(f)) for f in items), Decimal(0)) / 2
            check.tolerance = convert(places, items[0].printed_unit, record.unit or "万元")
        out.append(check)
    return out
