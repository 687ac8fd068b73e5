"""Projects and the policy documents they rest on (``bkg:basedOn``) as a network.

networkx computes the layout (so the browser only draws) and the measures: how many projects
rest on each document (in-degree), degree centrality, the connected components.
"""
from __future__ import annotations

from typing import Any

from web.cache import cached
from web.data.common import LABEL_PATH, iri_ref, literal, pick_label
from web.render import entity_url

EDGE_CAP = 3000


@cached
def dependency_network(ctx: Any, department: str | None = None, year: str | None = None) -> dict:
    import networkx as nx

    filt = ""
    if year:
        filt += f"?p bkg:fiscalYear/bkg:year ?fy . FILTER(STR(?fy) = {literal(str(year).strip())})\n"
    if department:
        if department.startswith(("http://", "https://")):
            filt += f"{{ {iri_ref(department)} bkg:allocates ?p }} UNION {{ ?p bkg:department {iri_ref(department)} }}\n"
        else:
            filt += (f"{{ ?dep bkg:allocates ?p }} UNION {{ ?p bkg:department ?dep }} ?dep {LABEL_PATH} ?dl ."
                     f" FILTER(CONTAINS(STR(?dl), {literal(department.strip())}))\n")
    rows = ctx.select(f"""
SELECT DISTINCT ?p ?pl ?d ?dl ?num WHERE {{
  ?p bkg:basedOn ?d . {filt}
  OPTIONAL {{ ?p {LABEL_PATH} ?pl }} OPTIONAL {{ ?d {LABEL_PATH} ?dl }} OPTIONAL {{ ?d bkg:documentNumber ?num }}
}} LIMIT {EDGE_CAP * 3}""")
    labels: dict[str, list[tuple[str, str | None]]] = {}
    numbers: dict[str, str] = {}
    g = nx.Graph()
    for r in rows:
        p, d = r["p"][1], r["d"][1]
        for node, lab in ((p, r.get("pl")), (d, r.get("dl"))):
            if lab:
                labels.setdefault(node, []).append((lab[1], lab[3]))
        if r.get("num"):
            numbers[d] = r["num"][1]
        g.add_node(p, kind="project")
        g.add_node(d, kind="policy")
        g.add_edge(p, d)
        if g.number_of_edges() >= EDGE_CAP:
            break
    name = {n: pick_label(labels.get(n, [])) or numbers.get(n) or n.rsplit("/", 1)[-1] for n in g.nodes}
    pos = nx.spring_layout(g, seed=7, iterations=80) if g.number_of_nodes() else {}
    centrality = nx.degree_centrality(g) if g.number_of_nodes() > 1 else {n: 0.0 for n in g.nodes}
    nodes = [{"id": n, "iri": n, "url": entity_url(n), "label": name[n], "kind": g.nodes[n]["kind"],
              "degree": g.degree[n], "centrality": round(centrality.get(n, 0.0), 4),
              "x": round(float(pos[n][0]) * 500, 1), "y": round(float(pos[n][1]) * 500, 1)} for n in g.nodes]
    ranking = sorted(({"iri": n["iri"], "label": n["label"], "number": numbers.get(n["iri"]),
                       "projects": n["degree"], "centrality": n["centrality"]}
                      for n in nodes if n["kind"] == "policy"), key=lambda x: (-x["projects"], x["label"]))
    stats = {"projects": sum(1 for n in nodes if n["kind"] == "project"),
             "policies": sum(1 for n in nodes if n["kind"] == "policy"), "edges": g.number_of_edges(),
             "components": nx.number_connected_components(g) if g.number_of_nodes() else 0}
    return {"nodes": nodes, "edges": [{"source": a, "target": b} for a, b in g.edges], "ranking": ranking,
            "stats": stats, "department": department, "year": year}
