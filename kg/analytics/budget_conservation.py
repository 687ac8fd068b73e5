"""Conservation of one budget, as a row of a report: does the money network of a record balance?

Why beside ``conservation.py``: that module checks a projection read back from the graph; this one
checks a budget as extracted (the flow plan of ``kg/rdf/flows.py`` and its ``flow_conservation``
checks), so a report can cover every document of a folder — corpus, realdocs, national — before or
without a store. A budget either *holds* (every check passes), is *reported* (a check fails: the
gap is named with both figures) or has *no flows* (no department or no income/expenditure totals
printed), and the report says which, per budget.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Record
from kg.rdf.flows import DEPARTMENT, plan_flows

STATUS_LABELS = {"held": "守恒", "reported": "有缺口（已记为发现）", "no_flows": "无资金流（未印收支总计）"}


@dataclass(frozen=True)
class BudgetGap:
    where: str  # the check's wording without the department name
    expected: Decimal  # what the flows sum to
    printed: Decimal | None  # what the document prints

    @property
    def difference(self) -> Decimal | None:
        return None if self.printed is None else self.expected - self.printed


@dataclass(frozen=True)
class BudgetConservation:
    source: str
    department: str | None
    year: int | None
    kind: str | None
    flows: int
    inflow: Decimal  # into the department
    outflow: Decimal  # out of the department
    income_total: Decimal | None
    expenditure_total: Decimal | None
    checks: int
    gaps: tuple[BudgetGap, ...]

    @property
    def status(self) -> str:
        if not self.checks:
            return "no_flows"
        return "reported" if self.gaps else "held"


def budget_conservation(record: Record) -> BudgetConservation:
    """The conservation row of ``record`` (its flow plan and that plan's checks)."""
    plan = plan_flows(record)
    prefix = f"{record.department} " if record.department else ""
    gaps = tuple(BudgetGap(c.where.removeprefix(prefix), c.expected, c.printed) for c in plan.checks if not c.ok)
    return BudgetConservation(
        source=record.source, department=record.department, year=record.year, kind=record.kind,
        flows=len(plan.flows), inflow=plan.total(target=DEPARTMENT), outflow=plan.total(source=DEPARTMENT),
        income_total=record.totals.income_total, expenditure_total=record.totals.expenditure_total,
        checks=len(plan.checks), gaps=gaps)


def conservation_report(records: list[Record]) -> list[BudgetConservation]:
    """One row per budget, in the order of ``records``."""
    return [budget_conservation(r) for r in records]
