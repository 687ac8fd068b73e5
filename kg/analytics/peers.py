"""Peers: departments of a kind compared on totals, 基本/项目 shares, and 三公经费 and
机关运行经费 per staff member, outliers marked.

"Of a kind" is a name fragment (``生态环境``, ``教育局``), the kind of a named department
(``kg.names.department.department_kind``: 生态环境 for every 生态环境局/厅 wherever it sits) or
all departments; one document per
department (its latest of the year and phase asked). An outlier lies outside the
Tukey fences (quartiles ± 1.5 × IQR) of its measure among at least four peers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.analytics.figures import DocumentFigures, document_figures
from kg.analytics.source import Scope, Select
from kg.names.department import department_kind

MEASURES = {
    "expenditure_total": "支出总计",
    "basic_share": "基本支出占比(%)",
    "project_share": "项目支出占比(%)",
    "three_public_per_staff": "人均三公经费",
    "operating_per_staff": "人均机关运行经费",
}


@dataclass
class Peer:
    department: str
    label: str
    year: str
    document: str
    values: dict[str, Decimal | None] = field(default_factory=dict)
    outliers: list[str] = field(default_factory=list)  # measure keys where this peer is an outlier


def measures(doc: DocumentFigures) -> dict[str, Decimal | None]:
    return {"expenditure_total": doc.figures.get("expenditure_total") or doc.figures.get("income_total"),
            "basic_share": doc.share("basic_expenditure"), "project_share": doc.share("project_expenditure"),
            "three_public_per_staff": doc.per_staff("three_public.total"),
            "operating_per_staff": doc.per_staff("operating_expenses")}


def peers(select: Select, kind: str | None = None, year: str | None = None,
          phase: str | None = "budget", same_kind_as: str | None = None) -> list[Peer]:
    """Departments whose name contains ``kind`` (all when ``None``) — or, with ``same_kind_as``
    (a department's name), the departments of that department's kind — their latest document."""
    latest: dict[str, DocumentFigures] = {}
    wanted = department_kind(same_kind_as) if same_kind_as else None
    for d in document_figures(select, Scope(year=year, phase=phase, region=kind)):
        if wanted is not None and department_kind(d.department_label) != wanted:
            continue
        key = d.department or d.document
        if key not in latest or d.year > latest[key].year:
            latest[key] = d
    out = [Peer(d.department or d.document, d.department_label, d.year, d.document, measures(d))
           for d in latest.values()]
    for m in MEASURES:
        for p in outliers(out, m):
            p.outliers.append(m)
    return sorted(out, key=lambda p: (-(p.values["expenditure_total"] or 0), p.label))


def outliers(group: list[Peer], measure: str) -> list[Peer]:
    """Peers outside the Tukey fences of ``measure`` (none among fewer than four values)."""
    known = sorted((p.values[measure], p) for p in group if p.values.get(measure) is not None)
    if len(known) < 4:
        return []
    values = [v for v, _ in known]
    q1, q3 = _quantile(values, Decimal("0.25")), _quantile(values, Decimal("0.75"))
    fence = (q3 - q1) * Decimal("1.5")
    return [p for v, p in known if v < q1 - fence or v > q3 + fence]


def _quantile(values: list[Decimal], q: Decimal) -> Decimal:
    """Linear-interpolation quantile of sorted ``values`` (exact in Decimal)."""
    pos = (len(values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)
