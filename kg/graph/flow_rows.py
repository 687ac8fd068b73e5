"""The flows of one department, year and phase as typed rows, read from the graph by SPARQL.

Why a small API: the CLI (``budgetkg flows``), the analytics (``kg/analytics``), the web Sankey
and the tests all need the same rows; one query here, bound with VALUES, answers them on every
backend without copying the store into memory. Amounts stay ``Decimal`` in 万元.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import URIRef

from kg.rdf import iris
from kg.rdf.mapping import phase_key
from kg.vocabulary.namespaces import sparql_prefixes
from kg.store.base import ntriples_term

ZERO = Decimal(0)

_FLOWS = """
SELECT ?flow ?kind ?source ?target ?amount ?funding ?document
       (SAMPLE(?sl) AS ?sourceLabel) (SAMPLE(?tl) AS ?targetLabel) WHERE {
  VALUES ?department { %(department)s }
  VALUES ?phase { %(phase)s }
  ?flow a bkg:FundingFlow ; bkg:department ?department ; bkg:fiscalYear ?y ; bkg:budgetPhase ?phase ;
        bkg:flowKind ?kind ; bkg:flowSource ?source ; bkg:flowTarget ?target ; bkg:amount ?amount ;
        bkg:document ?document .
  ?y bkg:year %(year)d .
  OPTIONAL { ?flow bkg:fundingSource ?funding }
  OPTIONAL { ?source skos:prefLabel|rdfs:label ?sl FILTER(LANG(?sl) IN ("zh", "")) }
  OPTIONAL { ?target skos:prefLabel|rdfs:label ?tl FILTER(LANG(?tl) IN ("zh", "")) }
} GROUP BY ?flow ?kind ?source ?target ?amount ?funding ?document
ORDER BY ?document ?kind STR(?flow)
"""


@dataclass(frozen=True)
class FlowRow:
    """One funding flow: from ``source`` to ``target`` (IRIs, with a Chinese label each)."""

    flow: str
    kind: str  # income | transfer | carryover | subject | basic | project | unassigned | outside_scope | carryover_year_end
    source: str
    source_label: str | None
    target: str
    target_label: str | None
    amount: Decimal  # 万元
    funding: str | None  # the funding-source IRI where the flow is one source's money
    document: str


def department_flows(store, department: str, year: int, phase: str = "budget") -> list[FlowRow]:
    """The flows of ``department`` (a name or alias, or its IRI) for one year and phase
    (``budget`` / ``final_account``, or a document kind such as 部门决算)."""
    dept = URIRef(department) if department.startswith("http") else iris.department(department)
    phase_iri = iris.phase(phase if phase in ("budget", "final_account") else phase_key(phase))
    text = sparql_prefixes() + _FLOWS % {"department": ntriples_term(dept), "phase": ntriples_term(phase_iri),
                                         "year": int(year)}
    rows = []
    for r in store.query(text).dicts():
        rows.append(FlowRow(flow=str(r["flow"]), kind=str(r["kind"]), source=str(r["source"]),
                            source_label=_text(r.get("sourceLabel")), target=str(r["target"]),
                            target_label=_text(r.get("targetLabel")), amount=Decimal(str(r["amount"])),
                            funding=_text(r.get("funding")), document=str(r["document"])))
    return rows


def node_balance(rows: list[FlowRow]) -> dict[str, tuple[Decimal, Decimal]]:
    """(inflow, outflow) of every node of the rows: a node in the middle of the network (the
    department, a 类, the 未细化到科目 share) conserves where the two are equal."""
    inflow: dict[str, Decimal] = defaultdict(lambda: ZERO)
    outflow: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for r in rows:
        outflow[r.source] += r.amount
        inflow[r.target] += r.amount
    return {n: (inflow[n], outflow[n]) for n in sorted(set(inflow) | set(outflow))}


def _text(term) -> str | None:
    return None if term is None else str(term)
