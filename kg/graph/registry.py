"""The department registry graph: one skos:prefLabel per department across all documents.

Why a graph of its own: documents name one department differently (昌吉州生态环境局 in one year,
昌吉回族自治州生态环境局 in another). Each document's graph keeps the names it printed
(rdfs:label, skos:altLabel); the registry, recomputed after every ingest or drop from all of
them, gives each department exactly one preferred label — its longest (most formal) name — so
queries that show ``skos:prefLabel`` return one row per department.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.vocabulary.namespaces import BASE, BKG, sparql_prefixes
from kg.graph.queries import in_graph

GRAPH_DEPARTMENTS = BASE + "graph/departments"
DOCUMENT_GRAPHS = BASE + "id/document/"
# What ``registry_changes`` reads of a new (not yet stored) document graph: keep it in step with
# that function (``kg.graph.load.derived_view`` passes it only these triples).
READS: frozenset[str] = frozenset({str(RDF.type), str(RDFS.label)})


def canonical_name(names: set[str]) -> str:
    return max(names, key=lambda n: (len(n), n))


def refresh_departments(store) -> int:
    """Recompute the registry graph; returns the number of departments."""
    g = registry_graph(store)
    if len(g):
        store.replace_graph(GRAPH_DEPARTMENTS, g)
    else:
        store.drop_graph(GRAPH_DEPARTMENTS)
    return len(g)


def registry_graph(store) -> Graph:
    """The registry recomputed from every document graph of the store (a full rebuild)."""
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
    return g


def departments_in(graph: Graph | Iterable[tuple]) -> set[str]:
    """The departments a document graph names (its own, its units, responsible units); a Graph
    or the triples ``kg.rdf.mapping.record_triples`` gives."""
    if isinstance(graph, Graph):
        return {str(d) for d in graph.subjects(RDF.type, BKG.Department)}
    kind, department = RDF.type, BKG.Department
    # the text compared first (C code), rdflib's ``==`` (Python, and it tells an IRI from a
    # literal of the same text) only for the few triples that pass it
    return {str(s) for s, p, o in graph
            if str.__eq__(o, department) and str.__eq__(p, kind) and p == kind and o == department}


def departments_of_graphs(store, graphs: Iterable[str]) -> set[str]:
    """The departments the stored versions of these graphs name."""
    out: set[str] = set()
    for g in graphs:
        q = f"SELECT DISTINCT ?d WHERE {{ {in_graph(g, f'?d a <{BKG.Department}>')} }}"
        out |= {str(row[0]) for row in store.query(q).rows if row[0] is not None}
    return out


def registry_changes(store, departments: Iterable[str], new_graphs: Mapping[str, Graph],
                     replaced: set[str]) -> tuple[list, list]:
    """(remove, add) for the registry once ``new_graphs`` replace ``replaced`` (graphs in
    ``replaced`` but not in ``new_graphs`` are dropped): only the named departments change, so
    a commit costs what its documents cost, not what the corpus costs."""
    remove, add = [], []
    for d in sorted(departments):
        node = URIRef(d)
        q = f"""SELECT DISTINCT ?g ?name WHERE {{ GRAPH ?g {{ <{d}> a <{BKG.Department}> ; <{RDFS.label}> ?name }}
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}")) }}"""
        names = {str(name) for g, name in store.query(q).rows if str(g) not in replaced}
        for graph in new_graphs.values():
            if (node, RDF.type, BKG.Department) in graph:
                names |= {str(n) for n in graph.objects(node, RDFS.label)}
        old = store.query(f"SELECT ?l WHERE {{ {in_graph(GRAPH_DEPARTMENTS, f'<{d}> <{SKOS.prefLabel}> ?l')} }}").rows
        old_triples = {(node, SKOS.prefLabel, row[0]) for row in old}
        new_triples = {(node, SKOS.prefLabel, Literal(canonical_name(names)))} if names else set()
        remove += sorted(old_triples - new_triples)
        add += sorted(new_triples - old_triples)
    return remove, add
