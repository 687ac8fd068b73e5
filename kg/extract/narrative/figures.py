"""Narrative figures: 三公 经费, 机关运行经费, 政府采购, 人员经费/公用经费 as the 情况说明 prints them.

The tables take precedence (表10 for 三公); these figures fill what the tables leave empty and
are compared with the tables by the checks.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from kg.extract.model import Procurement, Provenance, Record, ThreePublic
from kg.extract.source import Line

@dataclass
class NarrativeFigures:
    """What the narrative prints, with where."""

    three_public: ThreePublic | None = None
    operating_expenses: Decimal | None = None
    procurement: Procurement | None = None
    personnel: Decimal | None = None  # 人员经费 of the 一般公共预算基本支出
    public_expenses: Decimal | None = None  # 公用经费 of the same
    where: dict[str, Provenance] = field(default_factory=dict)


def read_figures(lines: list[Line], file: str, kind: str | None = None) -> NarrativeFigures:
    """三公, 机关运行经费, 政府采购 and the 基本支出's 人员经费/公用经费 as the narrative states them
    (the first statement of each, in 万元 as printed), read through the narrative vocabulary
    (``statements`` -> ``facts``): one definition of what each label names. ``kind`` (部门决算 …)
    tells a 决算's 预算 column from its 决算数."""
    from kg.extract.model import Record
    from kg.extract.narrative.facts import read_facts
    from kg.extract.narrative.statements import read_statements

    facts = [f for f in read_facts(read_statements(lines), Record(source=file, unit="万元", kind=kind)) if f.period == "current"]
    out = NarrativeFigures()

    def first(topic: str, key: str, scope: str | None = None):
        return next((f for f in facts if f.topic == topic and f.key == key and (scope is None or f.scope == scope)),
                    None)

    three = {key: first("three_public", key) for key in ("total", "overseas", "reception", "vehicles",
                                                         "vehicle_purchase", "vehicle_operation")}
    if any(f is not None for key, f in three.items() if key != "total"):
        group = ThreePublic(**{key: f.value if f is not None else None for key, f in three.items()})
        if group.vehicles is None and group.vehicle_purchase is not None and group.vehicle_operation is not None:
            group.vehicles = group.vehicle_purchase + group.vehicle_operation
        out.three_public = group
        anchor = three["total"] or next(f for f in three.values() if f is not None)
        out.where["three_public"] = replace(anchor.provenance, row="“三公”经费")
    operating = first("operating_expenses", "total")
    if operating is not None:
        out.operating_expenses = operating.value
        out.where["operating_expenses"] = replace(operating.provenance, row="机关运行经费")
    procurement = first("procurement", "total")
    if procurement is not None:
        parts = {key: first("procurement", key) for key in ("goods", "works", "services")}
        out.procurement = Procurement(total=procurement.value,
                                      **{key: f.value if f is not None else None for key, f in parts.items()})
        out.where["procurement"] = replace(procurement.provenance, row="政府采购预算")
    for attr, label in (("personnel", "人员经费"), ("public_expenses", "公用经费")):
        fact = first("expenditure", attr, scope="basic")
        if fact is not None:
            setattr(out, attr, fact.value)
            out.where[attr] = replace(fact.provenance, row=label)
    return out


def _in_record_unit(figures: NarrativeFigures, unit: str | None) -> NarrativeFigures:
    """The figures (printed in 万元) in ``unit``."""
    if not unit or unit == "万元":
        return figures
    from kg.units import convert

    def conv(value: Decimal | None) -> Decimal | None:
        return convert(value, "万元", unit)

    out = NarrativeFigures(where=figures.where, operating_expenses=conv(figures.operating_expenses),
                           personnel=conv(figures.personnel), public_expenses=conv(figures.public_expenses))
    if figures.three_public is not None:
        out.three_public = ThreePublic(**{k: conv(v) for k, v in vars(figures.three_public).items()})
    if figures.procurement is not None:
        out.procurement = Procurement(**{k: conv(v) for k, v in vars(figures.procurement).items()})
    return out


def apply_figures(figures: NarrativeFigures, record: Record) -> None:
    """Fill the totals the tables left empty (tables take precedence).

    The narrative prints these figures in 万元; a record kept in 元 (Shanghai) gets them
    converted exactly."""
    totals = record.totals
    figures = _in_record_unit(figures, record.unit)
    # a 三公 table read is what the document prints: its blank cells stay blank (the narrative's
    # figures are compared with it in ``narrative.checks``), the narrative fills only without a table
    has_table = any(key.startswith("three_public.") and not (where.table or "").startswith("说明")
                    for key, where in totals.provenance.items())
    if figures.three_public is not None and not has_table:
        for attr in ("total", "overseas", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"):
            if getattr(totals.three_public, attr) is None and getattr(figures.three_public, attr) is not None:
                setattr(totals.three_public, attr, getattr(figures.three_public, attr))
                totals.provenance.setdefault(f"three_public.{attr}", figures.where["three_public"])
    for key in ("operating_expenses", "personnel", "public_expenses"):
        if getattr(totals, key) is None and getattr(figures, key) is not None:
            setattr(totals, key, getattr(figures, key))
            totals.provenance.setdefault(key, figures.where[key])
    if figures.procurement is not None:
        for attr in ("total", "goods", "works", "services"):
            if getattr(totals.procurement, attr) is None:
                setattr(totals.procurement, attr, getattr(figures.procurement, attr))
                totals.provenance.setdefault(f"procurement.{attr}", figures.where["procurement"])
