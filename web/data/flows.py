"""The data behind the Sankey: ``kg.analytics.flows`` (sources → department → functional
subjects → projects) for one department and one year, as ECharts nodes and links.

A Sankey never mixes years: with no year the department's latest is shown, with no department
the one with the most money in its latest year (a picture of "everything" across departments
and years would add figures that cannot be added). Amounts stay Decimal.
"""
from __future__ import annotations

from typing import Any

from kg.analytics.flows import KIND_LABELS, flow_graph, node_totals, total
from kg.analytics.source import Scope, web_select
from web.cache import cached
from web.render import entity_url
from web.vocab import compact

__all__ = ["KIND_LABELS", "flows", "flow_choices", "flow_graph_of"]


def default_department(ctx: Any) -> str | None:
    """The department whose latest year carries the most money into it (the Sankey's default)."""
    rows = web_select(ctx)("""
SELECT ?dept ?year (SUM(?amount) AS ?total) WHERE {
  ?flow a bkg:FundingFlow ; bkg:flowTarget ?dept ; bkg:amount ?amount ; bkg:document ?doc .
  ?dept a bkg:Department . ?doc bkg:fiscalYear/bkg:year ?year .
} GROUP BY ?dept ?year""")
    latest: dict[str, tuple[str, Any]] = {}
    for r in rows:
        year = str(r["year"])
        if r["dept"] not in latest or year > latest[r["dept"]][0]:
            latest[r["dept"]] = (year, r["total"])
    if not latest:
        return None
    return max(latest, key=lambda d: (latest[d][1], d))


@cached
def flow_graph_of(ctx: Any, department: str | None, year: str | None):
    """The projection itself (networkx), for the exports (GraphML, GEXF)."""
    if department is None and year is None:
        department = default_department(ctx)
    return flow_graph(web_select(ctx), Scope(department=department, year=year))


@cached
def flows(ctx: Any, department: str | None = None, year: str | None = None) -> dict:
    """Nodes (id, label, kind, iri, value 万元) and links (source/target node index, value)."""
    g = flow_graph_of(ctx, department, year)
    if department is None and year is None:
        department = next((n for n, k in g.nodes(data="kind") if k == "department"), None)
    index = {n: i for i, n in enumerate(g.nodes)}
    values = node_totals(g)
    nodes = [{"id": n, "iri": d["iri"], "url": entity_url(d["iri"]) if d["iri"] else None,
              "label": d["label"] or compact(n), "kind": d["kind"], "kind_label": d["kind_label"],
              "value": values[n]} for n, d in g.nodes(data=True)]
    links = [{"source": index[a], "target": index[b], "value": amount} for a, b, amount in g.edges(data="amount")]
    return {"department": department, "year": g.graph["year"],
            "phase": g.graph["phase"], "nodes": nodes, "links": links, "total": total(g)}


@cached
def flow_choices(ctx: Any) -> dict:
    """The departments and years that have funding flows (the Sankey's filters)."""
    from web.data.common import labels_for

    rows = ctx.select("""
SELECT DISTINCT ?dept ?year WHERE { ?flow a bkg:FundingFlow .
  OPTIONAL { ?flow bkg:document/bkg:department ?dept } OPTIONAL { ?flow bkg:fiscalYear/bkg:year ?year } } LIMIT 5000""")
    depts = sorted({r["dept"][1] for r in rows if r.get("dept")})
    labels = labels_for(ctx, depts)
    return {"departments": sorted(({"iri": d, "label": labels.get(d) or compact(d)} for d in depts),
                                  key=lambda d: d["label"]),
            "years": sorted({r["year"][1] for r in rows if r.get("year")})}
