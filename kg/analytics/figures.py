"""A budget document's headline figures (``bkg:item`` observations) and staff counts.

One query for all documents of a scope: the year-over-year and peer comparisons, and the
department dashboard, read their figures here (one definition of "the document's 收入总计").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.analytics.source import Scope, Select, as_money, labels

# The items people compare, in the order they are shown.
HEADLINE = ("income_total", "expenditure_total", "basic_expenditure", "project_expenditure",
            "three_public.total", "operating_expenses", "procurement.total")


@dataclass
class DocumentFigures:
    document: str
    department: str | None
    department_label: str
    year: str
    phase: str | None
    kind: str | None
    figures: dict[str, Decimal] = field(default_factory=dict)  # item key → 万元
    staff: int | None = None  # actual staff (实有人数), else authorised

    def share(self, part: str, whole: str = "expenditure_total") -> Decimal | None:
        """``part`` as a percentage of ``whole`` (two decimals), when both are printed."""
        a, b = self.figures.get(part), self.figures.get(whole)
        if a is None or not b:
            return None
        return (a * 100 / b).quantize(Decimal("0.01"))

    def per_staff(self, item: str) -> Decimal | None:
        """``item`` per staff member in 万元 (four decimals), when both are known."""
        a = self.figures.get(item)
        if a is None or not self.staff:
            return None
        return (a / self.staff).quantize(Decimal("0.0001"))


def item_key(item_iri: str) -> str:
    return item_iri.rsplit("/", 1)[-1]


def document_figures(select: Select, scope: Scope = Scope()) -> list[DocumentFigures]:
    """Every budget document of ``scope`` with its headline figures, by department then year."""
    docs = select(f"""
SELECT ?doc ?dept ?year ?phase ?kind ?actual ?authorized WHERE {{
  {scope.document_filter()}
  ?doc a bkg:BudgetDocument ; bkg:fiscalYear/bkg:year ?year .
  OPTIONAL {{ ?doc bkg:department ?dept }} OPTIONAL {{ ?doc bkg:budgetPhase ?phase }}
  OPTIONAL {{ ?doc bkg:documentKind ?kind }}
  OPTIONAL {{ ?doc bkg:actualStaff ?actual }} OPTIONAL {{ ?doc bkg:authorizedStaff ?authorized }}
}}""")
    out: dict[str, DocumentFigures] = {}
    for r in docs:
        if r["doc"] in out:
            continue
        staff = r.get("actual") if r.get("actual") else r.get("authorized")
        out[r["doc"]] = DocumentFigures(r["doc"], r.get("dept"), "", str(r["year"]),
                                        str(r["phase"]).rsplit("/", 1)[-1] if r.get("phase") else None,
                                        r.get("kind"), staff=int(staff) if staff else None)
    rows = select(f"""
SELECT ?doc ?item ?amount WHERE {{
  {scope.document_filter()}
  ?doc a bkg:BudgetDocument .
  ?o bkg:document ?doc . ?o bkg:item ?item ; bkg:amount ?amount .
  FILTER NOT EXISTS {{ ?o bkg:subject ?s }}
}}""")
    for r in rows:
        doc = out.get(r["doc"])
        if doc is not None:
            doc.figures.setdefault(item_key(r["item"]), as_money(r["amount"]))
    names = labels(select, [d.department for d in out.values() if d.department])
    for d in out.values():
        d.department_label = names.get(d.department or "", "") or (d.department or "").rsplit("/", 1)[-1]
    return sorted(out.values(), key=lambda d: (d.department_label, d.year, d.phase or ""))


def item_labels(select: Select, keys: list[str]) -> dict[str, str]:
    """Chinese names of item keys (``income_total`` → 收入总计) from the items scheme."""
    from kg.rdf import iris

    found = labels(select, [str(iris.item(k)) for k in keys])
    return {k: found.get(str(iris.item(k)), k) for k in keys}
