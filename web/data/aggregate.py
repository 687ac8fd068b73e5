"""An aggregate API in the manner of OpenSpending: expenditure by functional subject, cut by
dimension values and drilled down by dimensions.

``cut`` restricts (``year:2025``, ``phase:budget``, ``department:<IRI or part of a name>``,
``subject:<code>``); ``drilldown`` groups (``year``, ``phase``, ``department``, ``subject``).
Drilling down ``subject`` gives the level below the cut subject (类 with no subject cut, its 款
under ``subject:211``, …), so sums never mix levels. Figures of different years or of a budget
and a 决算 are never added: ``year`` and ``phase`` join the drill-down unless cut. Where a
document prints a subject in two tables (一般公共预算 only, all funds), the wider figure counts.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from kg.analytics.source import Scope, as_money, labels, literal, web_select
from web.cache import cached
from web.params import BadParameter

DIMENSIONS = ("year", "phase", "department", "subject")
PHASE_LABELS = {"budget": "预算", "final": "决算"}


def parse(cuts: list[str], drilldowns: list[str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """``["year:2025", …]`` and ``["subject", …]`` checked against :data:`DIMENSIONS`."""
    cut: dict[str, str] = {}
    for c in cuts:
        for part in c.split("|"):
            name, _, value = part.partition(":")
            if name not in DIMENSIONS or not value.strip():
                raise BadParameter("cut", f"应为 维度:值，维度为 {'、'.join(DIMENSIONS)} (e.g. year:2025)")
            cut[name] = value.strip()
    drill = []
    for d in drilldowns:
        for name in d.split("|"):
            if name not in DIMENSIONS:
                raise BadParameter("drilldown", f"维度为 {'、'.join(DIMENSIONS)}")
            drill.append(name)
    for never_summed in ("year", "phase"):
        if never_summed not in cut and never_summed not in drill:
            drill.append(never_summed)
    return cut, tuple(dict.fromkeys(drill))


@cached
def aggregate(ctx: Any, cut_items: tuple[tuple[str, str], ...], drilldown: tuple[str, ...]) -> dict:
    cut = dict(cut_items)
    select = web_select(ctx)
    scope = Scope(department=cut.get("department"), year=cut.get("year"), phase=cut.get("phase"))
    parent = cut.get("subject")
    level = (f"?s skos:broader ?parent . ?parent skos:notation {literal(parent)} ." if parent
             else "FILTER NOT EXISTS { ?s skos:broader ?up }")
    rows = select(f"""
SELECT ?doc ?s ?amount ?year ?phase ?dept WHERE {{
  ?o bkg:document ?doc ; bkg:subject ?s ; bkg:amount ?amount ; bkg:expenditureKind ?ek .
  FILTER(STRENDS(STR(?ek), "/total")) FILTER(CONTAINS(STR(?s), "/subject/functional/"))
  OPTIONAL {{ ?o <http://purl.org/linked-data/cube#dataSet> ?scopedSet . ?scopedSet bkg:amountScope ?narrower }}
  FILTER(!BOUND(?narrower))  # not a 一般公共预算 / 政府性基金 table's cells (an OPTIONAL: NOT EXISTS with a path scanned)
  {level}
  ?doc a bkg:BudgetDocument ; bkg:fiscalYear/bkg:year ?year .
  OPTIONAL {{ ?doc bkg:budgetPhase ?phase }} OPTIONAL {{ ?doc bkg:department ?dept }}
  {scope.document_filter()}
}} LIMIT 200000""")
    widest: dict[tuple[str, str], tuple[Decimal, dict]] = {}
    for r in rows:
        a = as_money(r["amount"])
        key = (r["doc"], r["s"])
        if key not in widest or a > widest[key][0]:
            widest[key] = (a, r)
    cells: dict[tuple, list] = defaultdict(lambda: [Decimal(0), 0])
    for amount, r in widest.values():
        values = {"year": str(r["year"]), "phase": str(r.get("phase") or "").rsplit("/", 1)[-1],
                  "department": r.get("dept") or "", "subject": r["s"]}
        key = tuple(values[d] for d in drilldown)
        cells[key][0] += amount
        cells[key][1] += 1
    names = labels(select, [v for key in cells for d, v in zip(drilldown, key) if d in ("department", "subject") and v])

    def member(dim: str, value: str) -> dict:
        if dim == "phase":
            return {"key": value, "label": PHASE_LABELS.get(value, value)}
        if dim == "year":
            return {"key": value, "label": f"{value} 年"}
        label = names.get(value) or value.rsplit("/", 1)[-1]
        out = {"key": value, "label": label}
        if dim == "subject":
            out["code"] = value.rsplit("/", 1)[-1]
        return out

    out_cells = [{**{d: member(d, v) for d, v in zip(drilldown, key)}, "amount": total, "count": n}
                 for key, (total, n) in cells.items()]
    out_cells.sort(key=lambda c: tuple(c[d]["key"] for d in drilldown if d in ("year", "phase")) + (-c["amount"],))
    return {"cut": cut, "drilldown": list(drilldown), "measure": "支出（功能分类，万元）", "unit": "万元",
            "cells": out_cells, "summary": {"count": sum(c["count"] for c in out_cells)}}
