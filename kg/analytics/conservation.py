"""Money is conserved: what flows into every inner node of the projection flows out of it.

A department receives from its sources what it passes to its subjects; a subject passes on what
it receives. A gap is a finding (node, in, out, difference), as an arithmetic check's failure
is. Where the money model of the graph carries its own conservation check
(``kg.rdf.conservation.check`` of issue 11), its findings are used for the document level.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import networkx as nx


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
    """The inner nodes (with both in- and out-flows, or departments) whose in ≠ out."""
    inflow: dict[str, Decimal] = defaultdict(Decimal)
    outflow: dict[str, Decimal] = defaultdict(Decimal)
    for s, t, a in g.edges(data="amount"):
        outflow[s] += a
        inflow[t] += a
    gaps = []
    for n, data in g.nodes(data=True):
        if data["kind"] in ("funding", "project"):
            continue
        if inflow[n] != outflow[n]:
            gaps.append(Gap(n, data["label"], data["kind"], inflow[n], outflow[n]))
    return sorted(gaps, key=lambda x: (-abs(x.difference), x.label))
