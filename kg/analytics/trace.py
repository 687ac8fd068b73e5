"""Every path by which money from a funding source reaches projects.

On the layered projection (``kg.analytics.flows``) a path is source → department → subject →
project; each path carries the amounts of its edges and the amount that reaches the project along
it (the last edge: a project's money arrives through exactly one subject). Paths are listed, not
summed: a source feeding a department feeds every project below it, and the table says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import networkx as nx


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    labels: tuple[str, ...]
    amounts: tuple[Decimal, ...]  # one per edge, 万元

    @property
    def reaching(self) -> Decimal:
        """What reaches the path's end along it (its last edge)."""
        return self.amounts[-1]


def sources(g: nx.DiGraph) -> list[str]:
    return sorted(n for n, k in g.nodes(data="kind") if k == "funding")


def resolve(g: nx.DiGraph, name: str) -> list[str]:
    """Funding-source nodes whose IRI equals ``name`` or whose label contains it."""
    return [n for n in sources(g) if n == name or name in (g.nodes[n].get("label") or "")]


def trace(g: nx.DiGraph, source: str | None = None) -> list[Path]:
    """Every simple path from ``source`` (a funding-source node; all sources when ``None``) to a
    project, ordered by source, then the amount reaching the project (largest first)."""
    starts = [source] if source else sources(g)
    projects = [n for n, k in g.nodes(data="kind") if k == "project"]
    out: list[Path] = []
    for s in starts:
        if s not in g:
            continue
        for p in projects:
            for nodes in nx.all_simple_paths(g, s, p):
                amounts = tuple(g.edges[a, b]["amount"] for a, b in zip(nodes, nodes[1:]))
                out.append(Path(tuple(nodes), tuple(g.nodes[n]["label"] for n in nodes), amounts))
    return sorted(out, key=lambda p: (p.nodes[0], -p.reaching, p.labels))
