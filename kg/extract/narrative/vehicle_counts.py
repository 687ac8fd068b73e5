"""How many vehicles the budget buys, as the 说明 says it in two places.

The 三公 chapter says what the 公务用车购置费 pays for (``公务用车购置支出151.68万元，主要用于经批准购置的5辆
公务用车``: a count on that figure, ``kg.extract.narrative.counts``), and the 国有资产占有使用情况 says
what the budget plans to buy (``2026年部门预算安排购置车辆6辆``: a planned holding,
``kg.extract.narrative.assets``). Both are the vehicles bought with the year's budget, so a document
that prints two numbers contradicts itself: which one is right the document does not say, so the
finding names both places and both numbers.

Only the 三公 purchase count is compared with the planned total of vehicles where both are printed;
a planned purchase stated by type only (no total) is added up from its types.
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import Check, Record
from kg.extract.rules import fixed_judge, register_checks, register_rule

register_rule("vehicle_count", "购置车辆数前后一致",
              "the vehicles the 三公 chapter says the 公务用车购置费 buys against the vehicles the asset chapter plans",
              fixed_judge("material"))

VEHICLE = "辆"


def _purchase_count(record: Record):
    """(count, provenance) of the vehicles the 公务用车购置 figure pays for, where the 说明 says it."""
    for figure in record.narrative:
        if getattr(figure, "topic", None) != "three_public" or getattr(figure, "key", None) != "vehicle_purchase" \
                or getattr(figure, "period", "current") != "current":
            continue
        for count in getattr(figure, "counts", None) or []:
            if count.unit == VEHICLE and count.count:
                return count.count, count.provenance or figure.provenance
    return None


def _planned_vehicles(record: Record):
    """(count, provenance) of the vehicles the asset chapter plans to buy: its total, else its types added."""
    planned = [a for a in record.assets if a.planned and a.count_unit == VEHICLE and a.count is not None]
    total = next((a for a in planned if a.kind == "车辆"), None)
    if total is not None:
        return total.count, total.provenance
    if planned:
        return sum((a.count for a in planned), Decimal(0)), planned[0].provenance
    return None


@register_checks("narrative.vehicles", "购置车辆数核对")
def vehicle_count_checks(parts, record: Record) -> list[Check]:
    """vehicle_count: the 三公 chapter's purchase count against the asset chapter's planned vehicles."""
    bought, planned = _purchase_count(record), _planned_vehicles(record)
    if bought is None or planned is None:
        return []
    (said, where), (plan, plan_where) = bought, planned
    section = where.table if where is not None and where.table else "说明"
    other = plan_where.table if plan_where is not None and plan_where.table else "说明"
    return [Check("vehicle_count", f"{section} 公务用车购置辆数 vs {other} 购置车辆", plan, said, plan == said, where,
                  unit=VEHICLE, note=f"{section}写购置{said}辆公务用车，{other}写安排购置车辆{plan}辆"
                  + (f"（第{plan_where.page}页）" if plan_where is not None and plan_where.page else ""))]
