"""The ground truth of a generated document: the Record its pages promise, and its JSON.

``truth_record`` builds the Record an exact reader must produce from a generated document —
the figures as printed (a planted misprint included), the projects under the names the document
gives them, and in ``checks`` the findings the planted errors cause. ``truth_json`` is that
Record in the layout of ``budgetkg extract --json`` (``kg.extract.serialize``), restricted to the
keys the generator vouches for (``TRUTH_KEYS``): the contract keys of ``records.md``, without
provenance and the reader's own additions.
"""
from __future__ import annotations

from kg.extract.model import (EconomicSubject, FunctionalSubject, Procurement, Profile, Project, Record,
                              Totals, ThreePublic)
from kg.extract.serialize import record_json
from kg.synth.budget import ZERO, Budget
from kg.synth.subjects import ECONOMIC_NAMES, FUNCTIONAL_NAMES
from kg.synth.templates import template
from kg.synth.rows import add_up, economic_rows, functional_rows

TRUTH_KEYS = ("source", "department", "year", "kind", "unit", "profile", "totals", "functional_subjects",
              "economic_subjects", "projects", "department_indicators", "policy_documents", "checks")
PROJECT_KEYS = ("name", "aliases", "amount", "category", "functional_code", "funding_source", "responsible_unit",
                "responsible_person", "policy_documents", "indicators", "project_code")
INDICATOR_KEYS = ("level1", "level2", "name", "target", "weight")


def _or_none(value):
    return value if value else None


def truth_record(b: Budget, source: str) -> Record:
    """The Record ``b``'s document promises (its template's own reading where it has one)."""
    own = template(b.department.template).truth
    if own is not None:
        return own(b, source)
    d = b.department
    t = b.three_public
    totals = Totals(
        income_total=b.total, expenditure_total=b.total, current_year_income=b.general_public_budget,
        general_public_budget=b.general_public_budget, upper_level_transfer=_or_none(b.upper_level_transfer),
        carryover_total=b.carryover_total,  # 0.00 where the narrative says there is none
        carryover_fiscal=_or_none(b.carryover_fiscal),
        carryover_nonfiscal=_or_none(b.carryover_nonfiscal),
        # the summary table prints each carry-over under its kind: 其中：一般公共预算拨款, 单位资金
        carryover_general_public_budget=_or_none(b.carryover_fiscal),
        carryover_unit_funds=_or_none(b.carryover_nonfiscal), basic_expenditure=b.basic_total,
        personnel=b.personnel, public_expenses=b.public_expenses, project_expenditure=b.project_total,
        operating_expenses=b.public_expenses,
        three_public=ThreePublic(total=b.printed("表10", "total", "total", b.three_public_total),
                                 overseas=t["overseas"], reception=t["reception"],
                                 vehicles=t["vehicle_purchase"] + t["vehicle_operation"],
                                 vehicle_purchase=t["vehicle_purchase"], vehicle_operation=t["vehicle_operation"]),
        procurement=Procurement(total=sum(b.procurement.values(), ZERO), goods=b.procurement["goods"],
                                works=b.procurement["works"], services=b.procurement["services"]),
    )
    functional = [FunctionalSubject(code, FUNCTIONAL_NAMES[code],
                                    total=b.printed("表3", code, "total", add_up([bas, proj])),
                                    basic=b.printed("表3", code, "basic", bas),
                                    project=b.printed("表3", code, "project", proj))
                  for code, bas, proj in functional_rows(b, general_only=False)]
    economic = [EconomicSubject(code, ECONOMIC_NAMES[code], total=add_up([p, q]), personnel=p, public=q)
                for code, p, q in economic_rows(b)]
    projects = []
    for p in b.projects:
        current = p.category == "current"
        projects.append(Project(
            name=p.name, amount=p.amount, category=p.category, functional_code=p.item if current else None,
            funding_source=p.funding_source, responsible_unit=d.name, responsible_person=p.person if current else None,
            policy_documents=[p.policy] if p.policy else [], indicators=list(p.indicators) if current else [],
            project_code=p.project_code))
    policies, seen = [], set()
    for p in b.projects:
        if p.policy is not None and p.policy.key() not in seen:
            seen.add(p.policy.key())
            policies.append(p.policy)
    return Record(source=source, department=d.name, year=b.year, kind="部门预算", unit=template(d.template).unit,
                  profile=Profile(divisions=list(d.divisions), staffing=b.staffing,
                                  subordinate_units=list(d.subordinate_units)),
                  totals=totals, functional_subjects=functional, economic_subjects=economic, projects=projects,
                  department_indicators=list(b.department_goals), policy_documents=policies,
                  checks=list(b.findings), files=[source])


def truth_json(record: Record) -> dict:
    """The record as ``budgetkg extract --json`` prints it, restricted to what the generator vouches for."""
    full = record_json(record)
    out = {k: full[k] for k in TRUTH_KEYS}
    out["totals"] = {k: v for k, v in full["totals"].items() if k != "provenance"}
    out["functional_subjects"] = [{k: v for k, v in r.items() if k != "provenance"} for r in full["functional_subjects"]]
    out["economic_subjects"] = [{k: v for k, v in r.items() if k != "provenance"} for r in full["economic_subjects"]]
    out["projects"] = [_project(p) for p in full["projects"]]
    out["department_indicators"] = [{k: i[k] for k in INDICATOR_KEYS} for i in full["department_indicators"]]
    out["checks"] = [{k: v for k, v in c.items() if k != "provenance"} for c in full["checks"]]
    return out


def _project(p: dict) -> dict:
    out = {k: p.get(k) for k in PROJECT_KEYS}
    out["indicators"] = [{k: i[k] for k in INDICATOR_KEYS} for i in p["indicators"]]
    return out
