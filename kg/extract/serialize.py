"""Record -> JSON-ready dict, exactly in the layout of ``shared/spec/records.md``.

Contract keys come first and keep their names; provenance and other additions are extra keys
that readers of the contract may ignore.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from kg.extract.model import (FUNDS_ALWAYS, THREE_PUBLIC_BESIDE, TOTAL_KEYS, AssetHolding, BudgetExecution, DepartmentSelfEvaluation, FunctionalEconomicCell, PerformanceCoverage, PreviousFigure, Check, EconomicSubject, FunctionalSubject, Indicator,
                              NarrativeFigure, PolicyDocument, Project, Provenance, Record, Staffing, SubjectIncome, UnitCount, UnitExpenditure, UnitIncome, UnitThreePublic, UnitEconomic, PurchasedServices, ProcurementItems,
                              Totals)
from kg.extract.targets import parse_target
from kg.extract.text_normalize import exact_money, format_money, needs_exact


def _prov(p: Provenance | None) -> dict | None:
    if p is None:
        return None
    return {k: v for k, v in asdict(p).items() if v is not None}


def _weight(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def policy_json(doc: PolicyDocument) -> dict:
    """A cited document; where the record knows where it is cited, that place (page/line, table, row)."""
    out = {"title": doc.title, "number": doc.number}
    if doc.provenance is not None:
        out["provenance"] = _prov(doc.provenance)
    return out


def indicator_json(ind: Indicator) -> dict:
    out = {"level1": ind.level1, "level2": ind.level2, "name": ind.name, "target": ind.target,
           "weight": _weight(ind.weight)}
    comparison, value, unit = parse_target(ind.target)
    if value is not None:  # the figure the target states (exact, as a decimal string)
        out["comparison"], out["value"], out["unit"] = comparison, format(value, "f"), unit
    if ind.basis:
        out["basis"] = ind.basis
    if ind.actual:
        out["actual"] = ind.actual
    if ind.nature:
        out["nature"] = ind.nature
    if ind.core is not None:
        out["core"] = ind.core
    if ind.provenance:
        out["provenance"] = _prov(ind.provenance)
    return out


def project_json(p: Project) -> dict:
    out: dict[str, Any] = {
        "name": p.name, "aliases": list(p.aliases), "amount": format_money(p.amount),
        **({"exact": {"amount": exact_money(p.amount)}} if needs_exact(p.amount) else {}),
        "category": p.category, "functional_code": p.functional_code,
        "funding_source": p.funding_source, "responsible_unit": p.responsible_unit,
        "responsible_person": p.responsible_person,
        "policy_documents": [policy_json(d) for d in p.policy_documents],
        "indicators": [indicator_json(i) for i in p.indicators],
    }
    for extra in ("description", "execution_period", "project_code", "supervising_department"):
        if getattr(p, extra):
            out[extra] = getattr(p, extra)
    for figure in ("initial_budget", "executed"):
        if getattr(p, figure) is not None:
            out[figure] = format_money(getattr(p, figure))
    for figure in ("execution_rate", "self_evaluation_score"):
        if getattr(p, figure) is not None:
            out[figure] = str(getattr(p, figure))
    if p.funds is not None and p.funds.any():
        out["funds"] = {k: format_money(v) for k, v in asdict(p.funds).items()
                        if k in FUNDS_ALWAYS or v is not None}
    out["provenance"] = [_prov(x) for x in p.provenance]
    return out


def exact_figures(values: dict[str, Decimal | None]) -> dict[str, str]:
    """The figures two decimals would cut (北京 prints 万元 to six decimals): key -> every digit.
    The contract's keys keep two decimals; readers wanting the printed figure read ``exact``."""
    return {key: exact_money(value) for key, value in values.items() if needs_exact(value)}


def totals_json(t: Totals) -> dict:
    out: dict[str, Any] = {k: format_money(getattr(t, k)) for k in TOTAL_KEYS}
    out["three_public"] = {k: format_money(v) for k, v in asdict(t.three_public).items()
                           if k not in THREE_PUBLIC_BESIDE or v is not None}
    out["procurement"] = {k: format_money(v) for k, v in asdict(t.procurement).items()}
    out["provenance"] = {k: _prov(v) for k, v in sorted(t.provenance.items())}
    exact = exact_figures({**{k: getattr(t, k) for k in TOTAL_KEYS},
                           **{f"three_public.{k}": v for k, v in asdict(t.three_public).items()},
                           **{f"procurement.{k}": v for k, v in asdict(t.procurement).items()}})
    if exact:
        out["exact"] = exact
    return out


def functional_json(row: FunctionalSubject) -> dict:
    out = {"code": row.code, "name": row.name, "total": format_money(row.total),
           "basic": format_money(row.basic), "project": format_money(row.project),
           "provenance": _prov(row.provenance)}
    if row.path:  # a row printed without a code: its ancestors' names and its level
        out["path"] = list(row.path)
        out["level"] = row.level
    exact = exact_figures({"total": row.total, "basic": row.basic, "project": row.project})
    if exact:
        out["exact"] = exact
    if row.previous:  # written only where the table prints the year before beside the row
        out["previous"] = [previous_json(p) for p in row.previous]
    for key in ("personnel", "public"):  # written only where the table prints the 基本支出's parts
        if getattr(row, key) is not None:
            out[key] = format_money(getattr(row, key))
            if needs_exact(getattr(row, key)):
                out.setdefault("exact", {})[key] = exact_money(getattr(row, key))
    return out


def previous_json(p: PreviousFigure) -> dict:
    """A row's year before (``model.PreviousFigure``): money as records.md strings, the printed
    增减额 and 增减(%) signed as printed, ``excluding`` only where the columns leave something out."""
    out = {"amount": format_money(p.amount), "kind": p.kind, "year": p.year, "current": format_money(p.current),
           "change": format_money(p.change), "percent": str(p.percent) if p.percent is not None else None}
    if p.excluding:
        out["excluding"] = p.excluding
    return out


def unit_income_json(row: UnitIncome) -> dict:
    """A unit row of the income table by unit: the unit's printed sources."""
    return _sources_json({"name": row.name, "own": row.own}, row)


def unit_expenditure_json(row: UnitExpenditure) -> dict:
    """A unit row of the expenditure table by unit: the unit's printed columns, by the funds that
    pay it (``sources``) and by kind of spending (``kinds``)."""
    out = unit_income_json(row)
    out["kinds"] = {key: format_money(value) for key, value in row.kinds.items()}
    exact = exact_figures(dict(row.kinds))
    if exact:
        out["exact_kinds"] = exact
    return out


def purchased_services_json(services: PurchasedServices) -> dict:
    """A 政府购买服务 table: its 合计 and every row with the 指导性目录 classes it prints (a printed
    six-decimal figure keeps every digit under ``exact``)."""
    def row_json(r) -> dict:
        out = {"name": r.name, "amount": format_money(r.amount),
               "classes": [{"code": code, "name": name} for code, name in r.classes],
               **({"project": r.project} if r.project else {}), "provenance": _prov(r.provenance)}
        if needs_exact(r.amount):
            out["exact"] = {"amount": exact_money(r.amount)}
        return out
    return _itemised_json(services.total, services.provenance, [row_json(r) for r in services.rows])


def procurement_items_json(items: ProcurementItems) -> dict:
    """A 政府采购 table item by item: its 合计 and every purchase with what the table prints of it (its money
    by source under ``funds``, the ProjectFunds keys)."""
    def row_json(r) -> dict:
        out = {"project": r.project, "item": r.item, "amount": format_money(r.amount)}
        for key in ("category", "economic", "method", "unit", "functional_code", "quantity"):
            if getattr(r, key) is not None:
                out[key] = getattr(r, key)
        if r.funds is not None and r.funds.any():
            out["funds"] = {k: format_money(v) for k, v in asdict(r.funds).items() if v is not None}
        if needs_exact(r.amount):
            out["exact"] = {"amount": exact_money(r.amount)}
        out["provenance"] = _prov(r.provenance)
        return out
    return _itemised_json(items.total, items.provenance, [row_json(r) for r in items.rows])


def _itemised_json(total, provenance, rows: list[dict]) -> dict:
    """An item-by-item table: its printed 合计 (every digit under ``exact`` where it prints more than two
    decimals), where it stands, and its rows."""
    out = {"total": format_money(total), "provenance": _prov(provenance), "rows": rows}
    if needs_exact(total):
        out["exact"] = {"total": exact_money(total)}
    return out


def income_json(row: SubjectIncome) -> dict:
    """A functional row of the income table: its printed sources."""
    return _sources_json({"code": row.code, "name": row.name}, row)


def unit_economic_json(row: UnitEconomic) -> dict:
    """An economic 类 row under a unit (广东 表11): the unit, the row as printed, its 总计 and funds."""
    out: dict[str, Any] = {"unit": row.unit, "own": row.own, "kind": row.kind, "code": row.code, "name": row.name,
                           "total": format_money(row.total),
                           "funds": {key: format_money(value) for key, value in row.funds.items()},
                           "provenance": _prov(row.provenance)}
    exact = exact_figures({"total": row.total, **row.funds})
    if exact:
        out["exact"] = exact
    return out


def unit_three_public_json(row: UnitThreePublic) -> dict:
    """A unit row of a 三公 table by unit: the unit's printed 三公 figures (``totals.three_public``'s keys)."""
    out: dict[str, Any] = {"name": row.name, "own": row.own,
                           "parts": {key: format_money(value) for key, value in row.parts.items()},
                           "provenance": _prov(row.provenance)}
    exact = exact_figures(dict(row.parts))
    if exact:
        out["exact"] = exact
    for key, figures in (("previous", row.previous), ("change", row.change)):
        if figures:
            out[key] = {k: format_money(v) for k, v in figures.items()}
            exact = exact_figures(dict(figures))
            if exact:
                out[f"exact_{key}"] = exact
    return out


def _sources_json(head: dict, row: SubjectIncome | UnitIncome) -> dict:
    """A row of an income table after its ``head`` keys: its sources with two decimals (every digit
    in ``exact`` where two would cut) and its provenance."""
    out = {**head, "sources": {key: format_money(value) for key, value in row.sources.items()},
           "provenance": _prov(row.provenance)}
    exact = exact_figures(dict(row.sources))
    if exact:
        out["exact"] = exact
    return out


def economic_json(row: EconomicSubject) -> dict:
    out = {"code": row.code, "name": row.name, "total": format_money(row.total),
           "personnel": format_money(row.personnel), "public": format_money(row.public),
           "provenance": _prov(row.provenance)}
    figures = {"total": row.total, "personnel": row.personnel, "public": row.public}
    for key in ("basic", "project"):  # a table of the whole general budget: its 基本支出 / 专项业务经费 columns
        if getattr(row, key) is not None:
            out[key] = format_money(getattr(row, key))
            figures[key] = getattr(row, key)
    exact = exact_figures(figures)
    if exact:
        out["exact"] = exact
    if row.government:  # the 政府经济分类 subjects printed beside the row
        out["government_subjects"] = [{"code": g.code, "name": g.name, "total": format_money(g.total)}
                                      for g in row.government]
    return out


def check_json(c: Check) -> dict:
    from kg.extract.rules import grade, rule_of

    out = {"rule": c.rule, "where": c.where, "expected": _figure(c.expected, c.unit),
           "printed": _figure(c.printed, c.unit), "ok": c.ok, "provenance": _prov(c.provenance),
           "name": rule_of(c.rule).name, "severity": grade(c)}
    for extra in ("unit", "note", "place"):
        if getattr(c, extra):
            out[extra] = getattr(c, extra)
    if c.tolerance is not None and not c.ok:
        out["tolerance"] = format(c.tolerance.normalize(), "f") if c.unit else format_money(c.tolerance)
    if c.unit is None:
        exact = exact_figures({"expected": c.expected, "printed": c.printed})
        if exact:
            out["exact"] = exact
    return out


def _figure(value: Decimal | None, unit: str | None) -> str | None:
    """Money as records.md prints it; a percentage or a count as printed (``"11.88"``, ``"1"``)."""
    if value is None:
        return None
    if unit is None:
        return format_money(value)
    return format(value, "f")


def execution_json(e: BudgetExecution) -> dict:
    """A stated 预算 vs 决算 comparison: money as records.md strings, the printed rate beside the
    one recomputed from the two figures (Decimal, two places)."""
    computed = e.computed_rate()
    return {"subject": e.subject, "code": e.code, "scope": e.scope, "budget_phase": e.budget_phase,
            "budget": format_money(e.budget), "final": format_money(e.final),
            "rate": format(e.rate, "f") if e.rate is not None else None,
            "computed_rate": f"{computed:.2f}" if computed is not None else None,
            "reason": e.reason, "provenance": _prov(e.provenance)}


def narrative_figure_json(f: NarrativeFigure) -> dict:
    out = {"topic": f.topic, "key": f.key, "label": f.label, "value": format_money(f.value), "printed": f.printed,
           "printed_unit": f.printed_unit, "period": f.period, "scope": f.scope}
    if needs_exact(f.value):
        out["exact"] = {"value": exact_money(f.value)}
    if f.share is not None:
        out["share"] = format(f.share, "f")
    if f.parent:
        out["parent"] = f.parent
    if f.date:
        out["date"] = f.date
    if f.events:
        out["events"] = list(f.events)
    if f.counts:
        out["counts"] = [{"label": c.label, "count": format(c.count.normalize(), "f"), "unit": c.unit,
                          "provenance": _prov(c.provenance)} for c in f.counts]
    out["provenance"] = _prov(f.provenance)
    return out


def asset_json(a: AssetHolding) -> dict:
    out = {"kind": a.kind, "count": format(a.count.normalize(), "f") if a.count is not None else None,
           "count_unit": a.count_unit, "value": format_money(a.value), "planned": a.planned}
    if needs_exact(a.value):
        out["exact"] = {"value": exact_money(a.value)}
    for extra in ("threshold", "as_of"):
        if getattr(a, extra):
            out[extra] = getattr(a, extra)
    if a.share is not None:
        out["share"] = format(a.share, "f")
    out["provenance"] = _prov(a.provenance)
    return out


def coverage_json(c: PerformanceCoverage) -> dict:
    out = {"scope": c.scope, "projects": c.projects, "amount": format_money(c.amount), "text": c.text}
    for key in ("first_level", "second_level"):
        if getattr(c, key) is not None:
            out[key] = getattr(c, key)
    if c.share is not None:
        out["share"] = format(c.share, "f")
    if c.named:
        out["named"] = list(c.named)
    if needs_exact(c.amount):
        out["exact"] = {"amount": exact_money(c.amount)}
    out["provenance"] = _prov(c.provenance)
    return out


_TASK_MONEY = ("budget", "budget_fiscal", "budget_other", "executed", "executed_fiscal", "executed_other")


def self_evaluation_json(e: DepartmentSelfEvaluation) -> dict:
    """A 部门整体支出绩效自评 (its table or the narrative's statement): money with two decimals (every
    digit under ``exact``), the rate and score as printed, each task row with its provenance."""
    def number(value: Decimal | None) -> str | None:
        return format(value, "f") if value is not None else None

    def task_json(t) -> dict:
        out = {"name": t.name, **({"content": t.content} if t.content else {}), **({"status": t.status} if t.status else {}),
               **{k: format_money(getattr(t, k)) for k in _TASK_MONEY if getattr(t, k) is not None},
               "weight": number(t.weight), "rate": number(t.rate), "score": number(t.score),
               **({"total": True} if t.total else {}), "provenance": _prov(t.provenance)}
        exact = exact_figures({k: getattr(t, k) for k in _TASK_MONEY})
        if exact:
            out["exact"] = exact
        return out
    out = {"source": e.source, "score": number(e.score), "budget": format_money(e.budget),
           "executed": format_money(e.executed), "rate": number(e.rate)}
    exact = exact_figures({"budget": e.budget, "executed": e.executed})
    if exact:
        out["exact"] = exact
    if e.text:
        out["text"] = e.text
    if e.tasks:
        out["tasks"] = [task_json(t) for t in e.tasks]
    out["provenance"] = _prov(e.provenance)
    return out


def functional_economic_json(c: FunctionalEconomicCell) -> dict:
    """A cell of a functional × economic table: both subjects (and the 50x one beside), its columns."""
    out = {"functional_code": c.functional_code, "functional_name": c.functional_name,
           "economic_code": c.economic_code, "economic_name": c.economic_name,
           **({"government_code": c.government_code, "government_name": c.government_name} if c.government_code else {}),
           "total": format_money(c.total), "basic": format_money(c.basic), "project": format_money(c.project),
           "provenance": _prov(c.provenance)}
    exact = exact_figures({"total": c.total, "basic": c.basic, "project": c.project})
    if exact:
        out["exact"] = exact
    return out


def staffing_json(s: Staffing) -> dict:
    """records.md's five counts, then the additions (离退休, counts by kind, provenance)."""
    out: dict[str, Any] = {"编制数": s.authorized, "实有人数": s.actual, "在职": s.active, "退休": s.retired,
                           "离休": s.retired_veteran}
    if s.retirees is not None:
        out["离退休"] = s.retirees
    if s.by_kind:
        out["分类"] = {name: dict(kinds) for name, kinds in s.by_kind.items()}
    if s.changes:
        out["变动"] = dict(s.changes)
    if s.provenance:
        out["provenance"] = {k: _prov(v) for k, v in sorted(s.provenance.items())}
    return out


def unit_count_json(c: UnitCount) -> dict:
    """A count of units the 部门概况 states (``kind``, ``count``, ``covered`` …) with its provenance."""
    return {"kind": c.kind, "count": c.count, "classifier": c.classifier, "covered": c.covered, "text": c.text,
            **({"division": True} if c.division else {}), **({"names": list(c.names)} if c.names else {}),
            "provenance": _prov(c.provenance)}


def record_json(r: Record) -> dict:
    s = r.profile.staffing
    return {
        "source": r.source,
        "department": r.department,
        "year": r.year,
        "kind": r.kind,
        "unit": r.unit,
        "profile": {
            "divisions": list(r.profile.divisions),
            "staffing": staffing_json(s),
            "subordinate_units": list(r.profile.subordinate_units),
            **({"unit_counts": [unit_count_json(c) for c in r.profile.unit_counts]} if r.profile.unit_counts else {}),
        },
        "totals": totals_json(r.totals),
        "functional_subjects": [functional_json(x) for x in r.functional_subjects],
        "scoped_functional_subjects": {scope: [functional_json(x) for x in rows]
                                       for scope, rows in r.scoped_functional.items()},
        **({"scoped_economic_subjects": {scope: [economic_json(x) for x in rows]
                                         for scope, rows in r.scoped_economic.items()}} if r.scoped_economic else {}),
        "economic_subjects": [economic_json(x) for x in r.economic_subjects],
        **({"project_economic_subjects": [economic_json(x) for x in r.project_economic]} if r.project_economic else {}),
        "functional_income": [income_json(x) for x in r.functional_income],
        "unit_income": [unit_income_json(x) for x in r.unit_income],
        "unit_expenditure": [unit_expenditure_json(x) for x in r.unit_expenditure],
        **({"unit_three_public": [unit_three_public_json(x) for x in r.unit_three_public]}
           if r.unit_three_public else {}),
        **({"unit_economic": [unit_economic_json(x) for x in r.unit_economic]} if r.unit_economic else {}),
        **({"purchased_services": purchased_services_json(r.purchased_services)} if r.purchased_services else {}),
        **({"procurement_items": procurement_items_json(r.procurement_items)} if r.procurement_items else {}),
        "government_economic_subjects": [economic_json(x) for x in r.government_economic_subjects],
        "projects": [project_json(p) for p in r.projects],
        "department_indicators": [indicator_json(i) for i in r.department_indicators],
        "policy_documents": [policy_json(d) for d in r.policy_documents],
        "checks": [check_json(c) for c in r.checks],
        "files": list(r.files),
        "tables": list(r.tables),
        "sections": list(r.sections),
        "changes": list(r.changes),
        "narrative": [narrative_figure_json(f) for f in r.narrative],
        "assets": [asset_json(a) for a in r.assets],
        "performance_coverage": [coverage_json(c) for c in r.performance_coverage],
        **({"department_self_evaluation": [self_evaluation_json(e) for e in r.department_self_evaluation]}
           if r.department_self_evaluation else {}),
        **({"functional_economic": [functional_economic_json(c) for c in r.functional_economic]}
           if r.functional_economic else {}),
        "definitions": dict(r.definitions),
        "warnings": list(r.warnings),
        "template": r.template,
        "phased": [{"key": f.key, "phase": f.phase, "value": format_money(f.value), "provenance": _prov(f.provenance),
                    **({"exact": {"value": exact_money(f.value)}} if needs_exact(f.value) else {})}
                   for f in r.phased],
        "completion_rates": [{"key": key, "budget_phase": phase, "rate": f"{rate:.2f}"}
                             for key, phase, rate in r.completion_rates()],
        "executions": [execution_json(e) for e in r.executions],
    }


def dumps(records: list[Record], single: bool) -> str:
    """One object for one file, a list for several (records.md)."""
    data: Any = record_json(records[0]) if single and len(records) == 1 else [record_json(r) for r in records]
    return json.dumps(data, ensure_ascii=False, indent=2)
