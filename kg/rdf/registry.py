"""The department registry graph: one skos:prefLabel per department across all documents.

Why a graph of its own: documents name one department differently (昌吉州生态环境局 in one year,
昌吉回族自治州生态环境局 in another). Each document's graph keeps the names it printed
(rdfs:label, skos:altLabel); the registry, recomputed after every ingest or drop from all of
them, gives each department exactly one preferred label — its longest (most formal) name — so
queries that show ``skos:prefLabel`` return one row per department.
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.rdf.namespaces import BASE, sparql_prefixes

GRAPH_DEPARTMENTS = BASE + "graph/departments"
DOCUMENT_GRAPHS = BASE + "id/document/"


def canonical_name(names: set[str]) -> str:
    return max(names, key=lambda n: (len(n), n))


def refresh_departments(store) -> int:
    """Recompute the registry graph; returns the number of departments."""
    q = sparql_prefixes() + f"""
SELECT DISTINCT ?d ?name WHERE {{
  GRAPH ?g {{ ?d a bkg:Department ; rdfs:label ?name }}
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}}"""
    names: dict[str, set[str]] = {}
    for d, name in store.query(q).rows:
        names.setdefault(str(d), set()).add(str(name))
    g = Graph()
    for d, ns in names.items():
        g.add((URIRef(d), SKOS.prefLabel, Literal(canonical_name(ns))))
    if names:
        store.replace_graph(GRAPH_DEPARTMENTS, g)
    else:
        store.drop_graph(GRAPH_DEPARTMENTS)
    return len(names)
