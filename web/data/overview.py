"""What the graph holds (the home page): counts by class, documents, years, total amounts."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from web.cache import cached
from web.data.common import LABEL_PATH, labels_for, money
from web.vocab import compact, data_ns, ontology_ns

# The classes the home page names, in this order, when the ontology has them (local names).
HEADLINE_CLASSES = ["BudgetDocument", "Department", "FiscalYear", "Project", "FunctionalSubject",
                    "EconomicSubject", "PolicyDocument", "PerformanceIndicator", "Indicator"]


@cached
def overview(ctx: Any) -> dict:
    """Counts of every class, the documents (named graphs) with their year, the sum of totals."""
    rows = ctx.select("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c "
                      "ORDER BY DESC(?n) LIMIT 200")
    labels = labels_for(ctx, [r["c"][1] for r in rows])
    classes = [{"iri": r["c"][1], "label": labels.get(r["c"][1]) or compact(r["c"][1]),
                "count": int(r["n"][1])} for r in rows]
    ns = ontology_ns()
    by_local = {c["iri"][len(ns):]: c for c in classes if c["iri"].startswith(ns)}
    headline = [by_local[n] for n in HEADLINE_CLASSES if n in by_local]
    docs = documents(ctx)
    years = sorted({d["year"] for d in docs if d["year"]})
    return {"classes": classes, "headline": headline, "documents": docs, "years": years,
            "totals_by_year": totals_by_year(docs), "document_count": len(docs)}


def totals_by_year(docs: list[dict]) -> list[dict]:
    """支出总计 summed per year and phase (latest first): figures of different years, or a budget
    and a 决算 of one year, are never added together."""
    out: dict[tuple[str, str], dict] = {}
    for d in docs:
        if d["total"] is None or not d["year"]:
            continue
        key = (d["year"], d["phase"])
        entry = out.setdefault(key, {"year": d["year"], "phase": d["phase"], "amount": Decimal(0), "documents": 0})
        entry["amount"] += d["total"]
        entry["documents"] += 1
    return [out[k] for k in sorted(out, reverse=True)]


def documents(ctx: Any) -> list[dict]:
    """Every budget document: its named graph, label, department, year and total (万元)."""
    rows = ctx.select(f"""
SELECT ?doc ?label ?year ?dept ?deptLabel ?total ?issued ?phase WHERE {{
  ?doc a bkg:BudgetDocument .
  OPTIONAL {{ ?doc bkg:budgetPhase ?phase }}
  OPTIONAL {{ ?doc {LABEL_PATH} ?label }}
  OPTIONAL {{ ?doc bkg:fiscalYear|bkg:year ?y . BIND(IF(isLiteral(?y), STR(?y), REPLACE(STR(?y), "^.*/", "")) AS ?year) }}
  OPTIONAL {{ ?doc bkg:department|bkg:publishedBy|dct:publisher ?dept . OPTIONAL {{ ?dept {LABEL_PATH} ?deptLabel }} }}
  OPTIONAL {{ ?obs bkg:document ?doc ; bkg:item <{data_ns()}item/expenditure_total> ; bkg:amount ?total }}
  OPTIONAL {{ ?doc dct:issued|dct:created|prov:generatedAtTime ?issued }}
}} LIMIT 2000""")
    seen: dict[str, dict] = {}
    for r in rows:
        iri = r["doc"][1]
        d = seen.setdefault(iri, {"iri": iri, "label": None, "year": None, "department": None,
                                  "total": None, "issued": None, "phase": "预算"})
        if r.get("phase") and r["phase"][1].endswith("/final"):
            d["phase"] = "决算"
        d["label"] = d["label"] or (r["label"][1] if r.get("label") else None)
        d["year"] = d["year"] or (r["year"][1][:4] if r.get("year") else None)
        if r.get("dept") and not d["department"]:
            d["department"] = {"iri": r["dept"][1],
                               "label": r["deptLabel"][1] if r.get("deptLabel") else compact(r["dept"][1])}
        if r.get("total") and d["total"] is None:
            d["total"] = money(r["total"])
        d["issued"] = d["issued"] or (r["issued"][1] if r.get("issued") else None)
    out = list(seen.values())
    for d in out:
        d["label"] = d["label"] or compact(d["iri"])
    out.sort(key=lambda d: (d["issued"] or "", d["year"] or "", d["label"]), reverse=True)
    return out


@cached
def holdings(ctx: Any, limit: int = 12) -> dict:
    """What the graph does hold, for a "nothing found" answer: departments (with their years)
    and the years and phases of its documents."""
    docs = documents(ctx)
    by_dept: dict[str, dict] = {}
    for d in docs:
        if d["department"]:
            entry = by_dept.setdefault(d["department"]["iri"], {**d["department"], "years": set()})
            if d["year"]:
                entry["years"].add(d["year"])
    depts = sorted(by_dept.values(), key=lambda d: d["label"])[:limit]
    return {"departments": [{**d, "years": sorted(d["years"])} for d in depts], "department_count": len(by_dept),
            "periods": [f"{t['year']} 年{t['phase']}" for t in totals_by_year(docs)]}
