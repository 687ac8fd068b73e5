"""Policy reach: the projects, departments and money resting on each policy document.

The projection is bipartite (projects — policy documents, ``bkg:basedOn``) for one scope. A
project's money rests on every document it cites (not split: "what would be touched if this
document changed"). Documents are ranked by that money and by a money-weighted centrality:
PageRank over the bipartite graph with each edge weighted by the project's amount, so a document
that large projects share with other documents ranks above one cited by small ones alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import networkx as nx

from kg.analytics.source import Scope, Select, as_money, labels, resolve_department


@dataclass(frozen=True)
class Reach:
    policy: str
    label: str
    number: str | None
    projects: int
    departments: int
    money: Decimal
    centrality: float  # money-weighted PageRank, rounded to 6 places


def dependency_graph(select: Select, scope: Scope = Scope()) -> nx.Graph:
    """Projects and the policy documents they rest on (a title cited without its 文号 counts as the
    numbered document of that title, ``owl:sameAs`` in the links graph). Project nodes: ``kind="project"``,
    ``label``, ``amount`` (Decimal or ``None``), ``department``; policy nodes: ``kind="policy"``,
    ``label``, ``number``. Edges: ``amount`` (the project's) where known."""
    scope = resolve_department(select, scope)
    rows = select(f"""
SELECT DISTINCT ?p ?pol ?amount ?dept ?num WHERE {{
  {scope.document_filter()}
  ?doc a bkg:BudgetDocument .
  ?p bkg:mentionedIn ?doc . ?p bkg:basedOn ?cited .
  OPTIONAL {{ ?cited owl:sameAs ?numbered }}
  BIND(COALESCE(?numbered, ?cited) AS ?pol)
  OPTIONAL {{ ?p bkg:amount ?amount }} OPTIONAL {{ ?p bkg:department ?dept }}
  OPTIONAL {{ ?pol bkg:documentNumber ?num }}
}}""")
    g = nx.Graph(scope=scope)
    for r in rows:
        amount = as_money(r["amount"]) if r.get("amount") is not None else None
        g.add_node(r["p"], kind="project", amount=amount, department=r.get("dept"))
        g.add_node(r["pol"], kind="policy", number=r.get("num"))
        g.add_edge(r["p"], r["pol"], amount=amount)
    names = labels(select, list(g.nodes))
    for n, data in g.nodes(data=True):
        data["label"] = names.get(n) or data.get("number") or n.rsplit("/", 1)[-1]
    return g


def policy_reach(g: nx.Graph) -> list[Reach]:
    """Each policy document's reach, ranked by money (then centrality, then name)."""
    if g.number_of_edges() == 0:
        return []
    weighted = nx.Graph()
    weighted.add_nodes_from(g.nodes)
    for a, b, amount in g.edges(data="amount"):
        weighted.add_edge(a, b, weight=float(amount or 0) or 1e-6)  # a weight only, never money
    rank = _pagerank(weighted)
    out = []
    for n, data in g.nodes(data=True):
        if data["kind"] != "policy":
            continue
        projects = list(g.neighbors(n))
        money = sum((g.nodes[p]["amount"] or Decimal(0) for p in projects), Decimal(0))
        depts = {g.nodes[p].get("department") for p in projects} - {None}
        out.append(Reach(n, data["label"], data.get("number"), len(projects), len(depts), money,
                         round(rank[n], 6)))
    return sorted(out, key=lambda r: (-r.money, -r.centrality, r.label))


def by_centrality(reach: list[Reach]) -> list[Reach]:
    return sorted(reach, key=lambda r: (-r.centrality, -r.money, r.label))


def _pagerank(g: nx.Graph) -> dict[str, float]:
    """Weighted PageRank: networkx's (needs SciPy) where SciPy is installed, else networkx's own
    pure-Python iteration (same algorithm and result; SciPy is not a dependency of this project)."""
    try:
        import scipy  # noqa: F401
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(g, weight="weight", tol=1e-10, max_iter=1000)
    return nx.pagerank(g, weight="weight", tol=1e-10, max_iter=1000)
