"""How analytics read the graph: a :data:`Select` function and the :class:`Scope` of a projection.

Why a function and not a store: the CLI reads a ``kg.store`` store, the web app runs its queries
through its executor (time limits, workers); both hand the analytics the same thing — a SPARQL
SELECT text in, rows of plain Python values out (IRIs as ``str``, numbers as ``Decimal``/``int``,
other literals as ``str``). The project prefixes are assumed (``kg.vocabulary.namespaces``).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from kg.rdf.escape import iri, literal  # the one place a value becomes SPARQL text

Row = dict[str, Any]
Select = Callable[[str], list[Row]]

def store_select(store: Any) -> Select:
    """A :data:`Select` over a ``kg.store`` store (the CLI, the tests, the benchmark)."""
    from kg.vocabulary.namespaces import sparql_prefixes
    from kg.store.results import select_values

    prologue = sparql_prefixes()

    def select(sparql: str) -> list[Row]:
        return select_values(store, prologue + sparql)  # the question service's row model too

    return select


def web_select(ctx: Any) -> Select:
    """A :data:`Select` over the web app's context (its rows are ``(kind, value, datatype, lang)``)."""

    from kg.store.results import plain_literal

    def convert(term: Any) -> Any:
        if term is None:
            return None
        kind, value = term[0], term[1]
        datatype = term[2] if len(term) > 2 else None
        return plain_literal(value, str(datatype) if datatype else None) if kind == "literal" else value

    def select(sparql: str) -> list[Row]:
        return [{k: convert(v) for k, v in row.items()} for row in ctx.select(sparql)]

    return select


LABEL_PATH = "rdfs:label|skos:prefLabel|dct:title|foaf:name"


@dataclass(frozen=True)
class Scope:
    """The part of the graph a projection covers: a department (IRI or a name fragment), a year,
    a phase (``budget``/``final``), a region (a fragment of the department's name, e.g. ``昌吉``).
    All ``None``: everything."""

    department: str | None = None
    year: str | int | None = None
    phase: str | None = None
    region: str | None = None

    def document_filter(self, doc: str = "?doc") -> str:
        """SPARQL patterns restricting ``doc`` (a budget document) to this scope, the most selective
        first (the department, then its region, year and phase): queries put them at the top of
        their WHERE so the store starts from the scope's few documents, not from every flow or
        observation of the graph (bench/analytics.py: 10× at a thousand documents)."""
        out = []
        if self.department:
            dep = self.department.strip()
            if dep.startswith(("http://", "https://")):
                # flows, projects and observations name their department too: keep the documents
                out.append(f"{doc} bkg:department {iri(dep)} . {doc} a bkg:BudgetDocument .")
            else:
                out.append(f"?_dep a bkg:Department . ?_dep {LABEL_PATH}|skos:altLabel ?_dl . FILTER(CONTAINS(STR(?_dl), {literal(dep)})) "
                           f"{doc} bkg:department ?_dep . {doc} a bkg:BudgetDocument .")
        if self.region:
            out.append(f"?_rdep a bkg:Department . ?_rdep {LABEL_PATH}|skos:altLabel ?_rl . FILTER(CONTAINS(STR(?_rl), {literal(self.region.strip())})) "
                       f"{doc} bkg:department ?_rdep . {doc} a bkg:BudgetDocument .")
        if self.year is not None and str(self.year).strip():
            out.append(f"{doc} bkg:fiscalYear/bkg:year ?_fy . FILTER(STR(?_fy) = {literal(str(self.year).strip())})")
        if self.phase:
            out.append(f"{doc} bkg:budgetPhase ?_ph . FILTER(STRENDS(STR(?_ph), {literal('/' + self.phase)}))")
        return "\n".join(out)


def resolve_department(select: Select, scope: Scope) -> Scope:
    """``scope`` with a department named by a fragment replaced by its IRI where exactly one
    department matches: one small query here spares every later query a scan of the labels
    (bench/analytics.py: a flow projection by name 2.2 s → 0.1 s at a thousand documents)."""
    dep = (scope.department or "").strip()
    if not dep or dep.startswith(("http://", "https://")):
        return scope
    found = select(f"SELECT DISTINCT ?d WHERE {{ ?d a bkg:Department . ?d {LABEL_PATH}|skos:altLabel ?l . "
                   f"FILTER(CONTAINS(STR(?l), {literal(dep)})) }} LIMIT 2")
    if len(found) != 1:
        return scope
    return Scope(found[0]["d"], scope.year, scope.phase, scope.region)


def labels(select: Select, iris: list[str]) -> dict[str, str]:
    """Labels of many nodes, 200 per query: Chinese first, then untagged, ``rdfs:label`` before
    the others, the shortest among equals."""
    out: dict[str, str] = {}
    todo = [i for i in dict.fromkeys(iris) if i and i.startswith(("http://", "https://"))]
    for start in range(0, len(todo), 200):
        values = " ".join(iri(i) for i in todo[start:start + 200])
        rows = select(f"SELECT ?s ?l ?p WHERE {{ VALUES ?s {{ {values} }} "
                      f"{{ ?s rdfs:label ?l BIND(0 AS ?k) }} UNION {{ ?s skos:prefLabel|dct:title ?l BIND(1 AS ?k) }} "
                      f'BIND(IF(LANGMATCHES(LANG(?l), "zh"), 0, IF(LANG(?l) = "", 2, 4)) + ?k AS ?p) }}')
        ranked: dict[str, tuple[int, int, str]] = {}
        for r in rows:
            text = str(r["l"])
            cand = (int(r["p"]), len(text), text)
            if r["s"] not in ranked or cand < ranked[r["s"]]:
                ranked[r["s"]] = cand
        out.update({k: v[2] for k, v in ranked.items()})
    return out


def as_money(value: Any) -> Decimal:
    """A 万元 amount as ``Decimal`` with at least two decimals, as the records print money (the
    store may hand back ``1500`` for ``1500.00``); never rounds away a printed digit."""
    d = Decimal(str(value))
    q = d.quantize(Decimal("0.01"))
    return q if q == d else d
