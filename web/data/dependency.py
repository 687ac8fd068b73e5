"""Projects and the policy documents they rest on (``bkg:basedOn``), drawn readably.

The network and the reach of each document come from ``kg.analytics.policy`` (money resting on
it, money-weighted centrality). The layout is bipartite: documents in the left column ordered by
money, projects in the right column ordered by the mean position of their documents (fewer
crossings than a spring layout, and every label has its own line). Edges carry the project's
money (the drawing's line width). A filter keeps one document's neighbourhood or one cluster
(connected component, numbered from 1 by money).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import networkx as nx

from kg.analytics.policy import dependency_graph, policy_reach
from kg.analytics.source import Scope, web_select
from web.cache import cached
from web.render import entity_url

ROW = 22  # pixels per label line


@cached
def dependency_graph_of(ctx: Any, department: str | None = None, year: str | None = None) -> nx.Graph:
    return dependency_graph(web_select(ctx), Scope(department=department, year=year))


def clusters(g: nx.Graph) -> list[set[str]]:
    """Connected components, largest money first (then size)."""
    def money(c: set[str]) -> Decimal:
        return sum((g.nodes[n].get("amount") or Decimal(0) for n in c if g.nodes[n]["kind"] == "project"), Decimal(0))

    return sorted(nx.connected_components(g), key=lambda c: (-money(c), -len(c), min(c)))


@cached
def dependency_network(ctx: Any, department: str | None = None, year: str | None = None,
                       policy: str | None = None, cluster: int | None = None) -> dict:
    full = dependency_graph_of(ctx, department, year)
    parts = clusters(full)
    choice = [{"index": i + 1, "label": _cluster_label(full, c), "size": len(c)} for i, c in enumerate(parts)]
    g = full
    if policy and policy in full:
        g = full.subgraph({policy, *full.neighbors(policy)})
    elif cluster and 1 <= cluster <= len(parts):
        g = full.subgraph(parts[cluster - 1])
    reach = policy_reach(g)
    order = {r.policy: i for i, r in enumerate(reach)}
    policies = sorted((n for n, k in g.nodes(data="kind") if k == "policy"), key=lambda n: order.get(n, 0))
    projects = sorted((n for n, k in g.nodes(data="kind") if k == "project"),
                      key=lambda p: (sum(order.get(d, 0) for d in g.neighbors(p)) / max(g.degree[p], 1),
                                     g.nodes[p]["label"]))
    rows = max(len(policies), len(projects), 1)

    def column(nodes: list[str], x: float) -> dict[str, tuple[float, float]]:
        step = rows * ROW / max(len(nodes), 1)
        return {n: (x, round((i + 0.5) * step, 1)) for i, n in enumerate(nodes)}

    pos = {**column(policies, 0.0), **column(projects, 600.0)}
    by_policy = {r.policy: r for r in reach}
    nodes = []
    for n, d in g.nodes(data=True):
        r = by_policy.get(n)
        nodes.append({"id": n, "iri": n, "url": entity_url(n), "label": d["label"], "kind": d["kind"],
                      "degree": g.degree[n], "centrality": r.centrality if r else 0.0,
                      "money": r.money if r else d.get("amount"), "x": pos[n][0], "y": pos[n][1]})
    ranking = [{"iri": r.policy, "label": r.label, "number": r.number, "projects": r.projects,
                "departments": r.departments, "money": r.money, "centrality": r.centrality} for r in reach]
    stats = {"projects": len(projects), "policies": len(policies), "edges": g.number_of_edges(),
             "components": nx.number_connected_components(g) if g.number_of_nodes() else 0}
    edges = [{"source": a, "target": b, "amount": amount} for a, b, amount in g.edges(data="amount")]
    return {"nodes": nodes, "edges": edges, "ranking": ranking, "stats": stats, "height": rows * ROW + 40,
            "department": department, "year": year, "policy": policy, "cluster": cluster, "clusters": choice,
            "policies": [{"iri": r.policy, "label": r.label} for r in policy_reach(full)]}


def _cluster_label(g: nx.Graph, c: set[str]) -> str:
    """A cluster named by its document with the most money, and its size."""
    best = max((n for n in c if g.nodes[n]["kind"] == "policy"),
               key=lambda n: (sum((g.nodes[p].get("amount") or Decimal(0)) for p in g.neighbors(n)), n), default=None)
    name = g.nodes[best]["label"] if best else "—"
    return f"{name}（{len(c)} 个节点）"
