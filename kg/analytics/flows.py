"""The money projection: funding sources → department → functional subjects (类) → projects.

Read from the graph's ``bkg:FundingFlow`` nodes for one scope (department, year, phase, region),
never the whole store. A projection covers one fiscal year and one phase (budget or 决算): sums
across years mean nothing, so when the scope names no year the latest year the scope holds is
taken, and the graph says which (``graph.graph["year"]``).

The department → subject link is the sum of the department's projects under that 类, so every
subject passes on exactly what it receives; a project with no functional subject sits under
"未细化到科目". Where the graph already holds department → subject flows (the issue-11 money
model), they are used as printed. Amounts are ``Decimal`` on every edge (``amount``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import networkx as nx

from kg.analytics.source import Scope, Select, as_money, iri, labels, resolve_department

KIND_LABELS = {"funding": "资金来源", "department": "部门", "subject": "功能分类科目", "project": "项目",
               "share": "未列明项目的资金"}
LAYERS = ("funding", "department", "subject", "share", "project")
UNCLASSIFIED = "urn:budgetkg:unclassified"
UNCLASSIFIED_LABEL = "未细化到科目"
_TYPES = {"FundingSource": "funding", "Department": "department", "Project": "project",
          "FunctionalSubject": "subject", "BudgetShare": "share"}


@dataclass(frozen=True)
class FlowRow:
    """One printed flow: ``amount`` 万元 from ``source`` to ``target`` in one document."""

    flow: str
    source: str
    target: str
    amount: Decimal
    source_kind: str | None
    target_kind: str | None
    year: str | None
    phase: str | None
    document: str | None
    department: str | None
    unit: str = "万元"
    item: str | None = None  # the 项 a 类 → project flow passes through (bkg:functionalItem)


@dataclass
class Choices:
    """The (year, phase) pairs a scope holds, latest first."""

    periods: list[tuple[str, str | None]] = field(default_factory=list)


def periods(select: Select, scope: Scope) -> list[tuple[str, str | None]]:
    """The (year, phase) pairs with flows in ``scope``, latest year first."""
    rows = select(f"""
SELECT DISTINCT ?year ?phase WHERE {{
  {scope.document_filter()}
  ?doc bkg:fiscalYear/bkg:year ?year .
  FILTER EXISTS {{ ?flow bkg:document ?doc . ?flow a bkg:FundingFlow }}
  OPTIONAL {{ ?doc bkg:budgetPhase ?phase }}
}}""")
    out = {(str(r["year"]), _phase(r.get("phase"))) for r in rows}
    return sorted(out, key=lambda p: (p[0], p[1] or ""), reverse=True)


def _phase(value: Any) -> str | None:
    return str(value).rsplit("/", 1)[-1] if value else None


def flow_rows(select: Select, scope: Scope) -> list[FlowRow]:
    """The flows of ``scope`` as typed rows (one per flow node)."""
    rows = select(f"""
SELECT ?flow ?src ?tgt ?amount ?srcType ?tgtType ?year ?phase ?doc ?dept ?item WHERE {{
  {scope.document_filter()}
  ?flow bkg:document ?doc .
  ?flow a bkg:FundingFlow ; bkg:flowSource ?src ; bkg:flowTarget ?tgt ; bkg:amount ?amount .
  ?doc bkg:fiscalYear/bkg:year ?year .
  OPTIONAL {{ ?doc bkg:budgetPhase ?phase }}
  OPTIONAL {{ ?doc bkg:department ?dept }}
  OPTIONAL {{ ?flow bkg:functionalItem ?item }}
  OPTIONAL {{ ?src a ?srcType . FILTER(?srcType IN (bkg:FundingSource, bkg:Department, bkg:Project, bkg:FunctionalSubject, bkg:BudgetShare)) }}
  OPTIONAL {{ ?tgt a ?tgtType . FILTER(?tgtType IN (bkg:FundingSource, bkg:Department, bkg:Project, bkg:FunctionalSubject, bkg:BudgetShare)) }}
}}""")
    seen: dict[str, FlowRow] = {}
    for r in rows:
        if r["flow"] in seen:
            continue
        seen[r["flow"]] = FlowRow(
            flow=r["flow"], source=r["src"], target=r["tgt"], amount=as_money(r["amount"]),
            source_kind=_kind(r.get("srcType")), target_kind=_kind(r.get("tgtType")),
            year=str(r["year"]), phase=_phase(r.get("phase")), document=r.get("doc"), department=r.get("dept"),
            item=r.get("item"))
    return sorted(seen.values(), key=lambda f: f.flow)


def _kind(type_iri: Any) -> str | None:
    return _TYPES.get(str(type_iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]) if type_iri else None


def flow_graph(select: Select, scope: Scope = Scope()) -> nx.DiGraph:
    """The layered money graph of ``scope`` for one year and phase (the latest when unnamed).

    Nodes: ``kind`` (funding/department/subject/project), ``label``, ``iri`` (``None`` for the
    "未细化到科目" share). Edges: ``amount`` (Decimal 万元). ``graph.graph`` holds ``year``,
    ``phase``, ``unit`` and the scope."""
    scope = resolve_department(select, scope)
    if scope.year is None or scope.phase is None:
        found = periods(select, scope)
        if found:
            year = scope.year if scope.year is not None else found[0][0]
            phase = scope.phase or next((p for y, p in found if y == str(year)), None)
            scope = Scope(scope.department, year, phase, scope.region)
    rows = [r for r in flow_rows(select, scope) if r.amount > 0]
    g = nx.DiGraph(year=str(scope.year) if scope.year is not None else None, phase=scope.phase, unit="万元",
                   department=scope.department, region=scope.region)
    if any(r.source_kind == "department" and r.target_kind in ("subject", "share") for r in rows):
        edges = _printed_edges(rows)  # the balanced money model (kg/rdf/flows.py): as printed
    else:
        edges = _derived_edges(select, rows)  # graphs ingested before it: the layers rebuilt
    names = labels(select, sorted({n for *_, k, _ in edges for n in k if n != UNCLASSIFIED}))
    for sk, tk, (s, t), amount in sorted(edges, key=lambda e: (LAYERS.index(e[0]), -e[3], e[2])):
        for node, kind in ((s, sk), (t, tk)):
            if node not in g:
                real = node != UNCLASSIFIED
                g.add_node(node, kind=kind, kind_label=KIND_LABELS[kind], iri=node if real else None,
                           label=(names.get(node) or node.rsplit("/", 1)[-1]) if real else UNCLASSIFIED_LABEL)
        g.add_edge(s, t, amount=amount)
    return g


Edge = tuple[str, str, tuple[str, str], Decimal]


def _printed_edges(rows: list[FlowRow]) -> list[Edge]:
    """The flows of the balanced model, summed per (source, target) over the scope's documents; a
    flow that names the 项 it passes through (a carried-over project placed under its 项,
    ``bkg:functionalItem``) becomes two edges, 类 → 项 and 项 → project, so the 项 is a node."""
    sums: dict[tuple[str, str, str, str], Decimal] = defaultdict(Decimal)
    for r in rows:
        if not (r.source_kind and r.target_kind):
            continue
        if r.item and r.item not in (r.source, r.target):  # 类 → 项 → project: the 项 drawn too
            sums[(r.source_kind, "subject", r.source, r.item)] += r.amount
            sums[("subject", r.target_kind, r.item, r.target)] += r.amount
        else:
            sums[(r.source_kind, r.target_kind, r.source, r.target)] += r.amount
    return [(sk, tk, (s, t), v) for (sk, tk, s, t), v in sums.items()]


def _derived_edges(select: Select, rows: list[FlowRow]) -> list[Edge]:
    """Sources → department → 类 → projects rebuilt from the earlier flows (source → department,
    department → project, source → project), counting each project once."""
    fund_dept: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    dept_proj: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    fund_proj: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for r in rows:
        pair = (r.source_kind, r.target_kind)
        if pair == ("funding", "department"):
            fund_dept[(r.source, r.target)] += r.amount
        elif pair == ("department", "project"):
            dept_proj[(r.source, r.target)] += r.amount
        elif pair == ("funding", "project") and r.department:
            fund_proj[(r.department, r.target)] += r.amount
    reached = {p for _, p in dept_proj}
    for key, amount in fund_proj.items():  # a project reached only from its source: via its department
        if key[1] not in reached:
            dept_proj[key] += amount
    subject_of = top_subjects(select, sorted({p for _, p in dept_proj}))
    dept_subj: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    subj_proj: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for (dept, proj), amount in dept_proj.items():
        subj = subject_of.get(proj, UNCLASSIFIED)
        dept_subj[(dept, subj)] += amount
        subj_proj[(subj, proj)] += amount
    return [("funding", "department", k, v) for k, v in fund_dept.items()] + \
        [("department", "subject", k, v) for k, v in dept_subj.items()] + \
        [("subject", "project", k, v) for k, v in subj_proj.items()]


def top_subjects(select: Select, projects: list[str]) -> dict[str, str]:
    """Each project's functional subject at 类 level (the top of its ``skos:broader`` chain)."""
    out: dict[str, str] = {}
    for start in range(0, len(projects), 300):
        chunk = " ".join(iri(p) for p in projects[start:start + 300])
        for r in select(f"""
SELECT ?p ?top WHERE {{ VALUES ?p {{ {chunk} }}
  ?p bkg:classifiedAs ?s . ?s skos:broader* ?top .
  FILTER NOT EXISTS {{ ?top skos:broader ?up }} }}"""):
            out.setdefault(r["p"], r["top"])
    return out


def node_totals(g: nx.DiGraph) -> dict[str, Decimal]:
    """Each node's throughput: the larger of what flows in and what flows out."""
    inflow: dict[str, Decimal] = defaultdict(Decimal)
    outflow: dict[str, Decimal] = defaultdict(Decimal)
    for s, t, a in g.edges(data="amount"):
        outflow[s] += a
        inflow[t] += a
    return {n: max(inflow[n], outflow[n]) for n in g.nodes}


def total(g: nx.DiGraph) -> Decimal:
    """The money entering the departments of the projection (from the funding sources; a
    transfer from one source into another is not counted twice)."""
    return sum((a for s, t, a in g.edges(data="amount")
                if g.nodes[s]["kind"] == "funding" and g.nodes[t]["kind"] == "department"), Decimal(0))
