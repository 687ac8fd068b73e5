"""The vehicles a budget says it holds or plans to buy against the money it sets for them: no vehicle held
(车辆0辆) beside a 公务用车运行费, no vehicle to buy beside a 公务用车购置费 — two places of one document that do
not fit each other. Both figures are shown with where each stands; the document's own reason, where it
gives none, is not guessed.

Read from the graph's ``bkg:AssetHolding`` rows (held on a date, or planned) and the 三公 figures
(``three_public.vehicle_operation`` / ``vehicle_purchase``): any budget disclosing both is checked.
"""
from __future__ import annotations

import re

from nlp.execute.base import Context, Result, item_of, who
from nlp.graph import Row
from nlp.reply import Item
from nlp.sparql import Constraints

# Words asking about vehicles and their money together (没车却有运行费, 车和公车费用对得上吗).
ASKED = r"车"
_COSTS = (("three_public.vehicle_operation", False, "运行"), ("three_public.vehicle_purchase", True, "购置"))


def _vehicles(rows: list[Row], planned: bool) -> Row | None:
    """The budget's count of all its vehicles, held (on a date) or planned: the row of the kind 车辆 itself,
    not one kind of car."""
    mine = [r for r in rows if r.attrs.get("planned") == planned and r.amount is not None and r.unit == "辆"]
    whole = [r for r in mine if re.fullmatch(r"(?:公务用?)?车辆?(?:总数)?", r.label or "")]
    return (whole or [None])[0]


def audit_vehicle_costs(ctx: Context, budgets) -> Result:
    """Each budget whose 三公 sets money for running (buying) vehicles while it says it holds (plans to buy)
    none."""
    items: list[Item] = []
    parts: list[str] = []
    for b in budgets:
        assets = ctx.rows("assets", [b])
        figures = {r.key: r for r in ctx.rows("figures", [b], Constraints(items=[k for k, _, _ in _COSTS]))
                   if r.amount is not None}
        for key, planned, word in _COSTS:
            count, cost = _vehicles(assets, planned), figures.get(key)
            if count is None or cost is None or count.amount != 0 or not cost.amount:
                continue
            when = "计划购置" if planned else (f"截至{count.attrs['as_of']}" if count.attrs.get("as_of") else "现有")
            items.append(item_of(count, f"{when}车辆数"))
            items.append(item_of(cost, ctx.vocab.label(key)))
            parts.append(f"{who(b.department, b.year)}：资产情况写{when}车辆0辆，而“三公”经费中{ctx.vocab.label(key)}"
                         f"{items[-1].value}万元——没有车辆却安排公务用车{word}的钱，两处不相符（图谱中没有文件对此的解释）")
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", [], [])
