"""What is in a store: counts per class, the documents with their triples, the total.

Why a module: ``budgetkg stats`` prints it and the web app shows it; both need the same numbers.
Instances are counted in the documents' graphs only (the global graph holds the ontology).
"""
from __future__ import annotations

import os

from kg.vocabulary.namespaces import BASE, sparql_prefixes
from kg.store.base import to_python

DOCUMENT_GRAPHS = BASE + "id/document/"


def class_counts(store) -> list[tuple[str, int]]:
    q = sparql_prefixes() + f"""
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s a ?class }}
  FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPHS}"))
}} GROUP BY ?class ORDER BY ?class"""
    return [(str(c), int(to_python(n))) for c, n in store.query(q).rows]


def documents(store) -> list[dict]:
    q = sparql_prefixes() + """
SELECT ?doc ?label ?file WHERE {
  ?doc a bkg:BudgetDocument ; rdfs:label ?label .
  OPTIONAL { ?doc bkg:sourceFile ?file }
} ORDER BY ?doc ?file"""
    docs: dict[str, dict] = {}
    for doc, label, file in store.query(q).rows:
        entry = docs.setdefault(str(doc), {"graph": str(doc), "label": str(label), "files": []})
        if file is not None and str(file) not in entry["files"]:
            entry["files"].append(str(file))
    for graph, entry in docs.items():
        entry["triples"] = store.count(graph)
    return [docs[k] for k in sorted(docs)]


def summary(store) -> dict:
    graphs = store.graphs()
    docs = documents(store)
    return {
        "store": store.url,
        "graphs": len(graphs),
        "documents": docs,
        "classes": [{"class": c, "count": n} for c, n in class_counts(store)],
        "triples": store.count(),
    }


def resolve_document(store, name: str) -> list[str]:
    """Graph IRIs meant by ``name``: a graph IRI, a source file name or path, or a label."""
    graphs = store.graphs()
    if name in graphs:
        return [name]
    base = os.path.basename(name.rstrip("/"))
    return [d["graph"] for d in documents(store)
            if base in d["files"] or name == d["label"] or base == d["label"]]
