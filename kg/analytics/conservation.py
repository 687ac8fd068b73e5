"""Money is conserved: what flows into every inner node of the projection flows out of it.

A department receives from its sources what it passes to its subjects; a subject passes on what
it receives. A gap is a finding (node, in, out, difference), as an arithmetic check's failure
is. The graph's own conservation checks (``kg/rdf/flows.py``: inflow = income total, outflow =
expenditure total, rule ``flow_conservation``) are findings of their documents:
:func:`recorded_gaps` reads them for a scope. Sinks (projects, 基本支出 and the other shares that
pass nothing on) and funding sources (a transfer flows into another source) are not inner nodes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import networkx as nx

from kg.analytics.source import Scope, Select, as_money


@dataclass(frozen=True)
class Gap:
    node: str
    label: str
    kind: str
    inflow: Decimal
    outflow: Decimal

    @property
    def difference(self) -> Decimal:
        return self.inflow - self.outflow


def conservation(g: nx.DiGraph) -> list[Gap]:
    """The inner nodes (departments, and subjects or shares that pass money on) whose in ≠ out."""
    inflow: dict[str, Decimal] = defaultdict(Decimal)
    outflow: dict[str, Decimal] = defaultdict(Decimal)
    for s, t, a in g.edges(data="amount"):
        outflow[s] += a
        inflow[t] += a
    gaps = []
    for n, data in g.nodes(data=True):
        if data["kind"] in ("funding", "project") or (data["kind"] != "department" and not outflow[n]):
            continue
        if inflow[n] != outflow[n]:
            gaps.append(Gap(n, data["label"], data["kind"], inflow[n], outflow[n]))
    return sorted(gaps, key=lambda x: (-abs(x.difference), x.label))


def recorded_gaps(select: Select, scope: Scope = Scope()) -> list[dict]:
    """The conservation findings the graph records for the documents of ``scope``
    (rule ``flow_conservation``): document, where, expected, printed."""
    rows = select(f"""
SELECT ?doc ?where ?expected ?printed WHERE {{
  ?f a bkg:Finding ; bkg:rule "flow_conservation" ; bkg:document ?doc .
  OPTIONAL {{ ?f bkg:where ?where }} OPTIONAL {{ ?f bkg:expectedAmount ?expected }}
  OPTIONAL {{ ?f bkg:printedAmount ?printed }}
  {scope.document_filter()}
}}""")
    return sorted(({"document": r["doc"], "where": r.get("where"),
                    "expected": as_money(r["expected"]) if r.get("expected") is not None else None,
                    "printed": as_money(r["printed"]) if r.get("printed") is not None else None} for r in rows),
                  key=lambda x: (x["document"], x["where"] or ""))
