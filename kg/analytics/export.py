"""Writers for a projection (table, JSON, CSV, GraphML, GEXF) and the readers that load each back
into networkx with the same nodes, edges and amounts.

Amounts are ``Decimal``; GraphML and GEXF have no decimal type, so ``amount`` is written as its
exact decimal string and read back into ``Decimal`` (a float would change 0.1 + 0.2). Attributes
that are ``None`` are left out (neither format has a null). CSV is UTF-8 with a BOM, so Excel on
Chinese Windows reads it, with one row per edge (the nodes are the edges' ends).
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

import networkx as nx

FORMATS = ("table", "json", "csv", "graphml", "gexf")
BOM = "\ufeff"
CSV_COLUMNS = ["来源", "来源名称", "去向", "去向名称", "金额（万元）"]


def _plain(g: nx.Graph) -> nx.Graph:
    """A copy whose attributes GraphML/GEXF can hold: Decimals as strings, ``None`` dropped."""
    def clean(attrs: dict) -> dict:
        return {k: (format(v, "f") if isinstance(v, Decimal) else v) for k, v in attrs.items()
                if v is not None and isinstance(v, (str, int, float, bool, Decimal))}

    h = g.__class__()
    h.graph.update(clean(g.graph))
    h.add_nodes_from((n, clean(d)) for n, d in g.nodes(data=True))
    h.add_edges_from((a, b, clean(d)) for a, b, d in g.edges(data=True))
    return h


def _decimals(g: nx.Graph) -> nx.Graph:
    for _, _, d in g.edges(data=True):
        if "amount" in d:
            d["amount"] = Decimal(str(d["amount"]))
    for _, d in g.nodes(data=True):
        if "amount" in d:
            d["amount"] = Decimal(str(d["amount"]))
    return g


def to_json(g: nx.Graph) -> str:
    data = nx.node_link_data(_plain(g), edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1)


def to_csv(g: nx.Graph) -> str:
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for a, b, d in g.edges(data=True):
        amount = d.get("amount")
        w.writerow([a, g.nodes[a].get("label", ""), b, g.nodes[b].get("label", ""),
                    "" if amount is None else format(amount, "f")])
    return buf.getvalue()


def to_graphml(g: nx.Graph) -> str:
    return "\n".join(nx.generate_graphml(_plain(g)))


def to_gexf(g: nx.Graph) -> str:
    return "\n".join(nx.generate_gexf(_plain(g)))


def to_table(g: nx.Graph) -> str:
    """Readable lines: ``来源名称 → 去向名称  金额``."""
    lines = []
    for a, b, d in g.edges(data=True):
        amount = d.get("amount")
        money = "" if amount is None else f"{amount:,.2f}" if amount == amount.quantize(Decimal("0.01")) else f"{amount:,}"
        lines.append(f"{g.nodes[a].get('label', a)} → {g.nodes[b].get('label', b)}\t{money}")
    return "\n".join(lines)


def write(g: nx.Graph, fmt: str) -> str:
    """``g`` in ``fmt`` (one of :data:`FORMATS`)."""
    return {"table": to_table, "json": to_json, "csv": to_csv, "graphml": to_graphml, "gexf": to_gexf}[fmt](g)


def read(text: str, fmt: str, directed: bool = True) -> nx.Graph:
    """Load what :func:`write` wrote back into networkx (amounts as ``Decimal``)."""
    if fmt == "json":
        return _decimals(nx.node_link_graph(json.loads(text), edges="links"))
    if fmt == "graphml":
        return _decimals(nx.parse_graphml(text))
    if fmt == "gexf":
        return _decimals(nx.read_gexf(io.BytesIO(text.encode("utf-8"))))
    if fmt == "csv":
        g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
        rows = csv.reader(io.StringIO(text.removeprefix(BOM)))
        next(rows)
        for a, al, b, bl, amount in rows:
            g.add_node(a, label=al)
            g.add_node(b, label=bl)
            g.add_edge(a, b, **({"amount": Decimal(amount)} if amount else {}))
        return g
    raise ValueError(f"cannot read back format {fmt!r}")


def mimetype(fmt: str) -> str:
    return {"json": "application/json", "csv": "text/csv", "graphml": "application/graphml+xml",
            "gexf": "application/gexf+xml", "table": "text/plain"}[fmt]


def edge_amounts(g: nx.Graph) -> dict[tuple[Any, Any], Decimal | None]:
    """``(source, target) → amount`` (for comparing a graph with its read-back copy)."""
    if g.is_directed():
        return {(a, b): d.get("amount") for a, b, d in g.edges(data=True)}
    return {tuple(sorted((a, b))): d.get("amount") for a, b, d in g.edges(data=True)}
