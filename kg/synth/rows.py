"""The classification rows every template prints, derived once from a Budget.

Templates differ in which columns they print (Xinjiang: 合计/基本支出/项目支出; Jiangsu: one 金额)
but not in the rows: every 类, 款 and 项 with money, each parent the sum of its children.
"""
from __future__ import annotations

from decimal import Decimal

from kg.synth.budget import ZERO, Budget


def add_up(values) -> Decimal | None:
    """Σ of the printed parts; None (a blank cell) where every part is blank."""
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


def functional_rows(budget: Budget, general_only: bool) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """(code, basic, project) of every 类, 款 and 项 of 表3 (or 表5 with ``general_only``), in
    the order the table prints them."""
    leaves = {}
    for item in budget.items():
        basic = budget.basic.get(item)
        project = budget.item_project(item, general_only)
        if basic is None and project is None:
            continue
        leaves[item] = (basic, project)
    rows = []
    for cls in sorted({c[:3] for c in leaves}):
        members = {c: v for c, v in leaves.items() if c.startswith(cls)}
        rows.append((cls, add_up(b for b, _ in members.values()), add_up(p for _, p in members.values())))
        for kuan in sorted({c[:5] for c in members}):
            kids = {c: v for c, v in members.items() if c.startswith(kuan)}
            rows.append((kuan, add_up(b for b, _ in kids.values()), add_up(p for _, p in kids.values())))
            rows += [(c, b, p) for c, (b, p) in sorted(kids.items())]
    return rows


def economic_rows(budget: Budget) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """(code, personnel, public) of every economic 类 and 款 of 表6."""
    rows = []
    for cls in sorted({c[:3] for c, _, _ in budget.economic}):
        kids = [r for r in budget.economic if r[0].startswith(cls)]
        rows.append((cls, add_up(p for _, p, _ in kids), add_up(q for _, _, q in kids)))
        rows += kids
    return rows


