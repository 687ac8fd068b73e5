"""One line that says whether two oxigraph stores hold the same graph: the count and the sha256
of their sorted quads (N-Quads text of each, the question catalogue left out: it carries the
code's digest), with the sizes of the graphs a reader compares first.

    .venv/bin/python bench/store_digest.py /tmp/store_a /tmp/store_b
"""
from __future__ import annotations

import hashlib
import json
import sys


def digest(path: str) -> dict:
    import pyoxigraph as ox

    from kg.graph.links import GRAPH_LINKS
    from kg.graph.registry import GRAPH_DEPARTMENTS
    from kg.store.base import CATALOG_GRAPH
    from kg.vocabulary.namespaces import GRAPH_ONTOLOGY

    store = ox.Store.read_only(path)
    lines: list[str] = []
    sizes = {"departments": 0, "links": 0, "ontology": 0, "union_default": 0, "document_graphs": 0}
    named = {GRAPH_DEPARTMENTS: "departments", GRAPH_LINKS: "links", str(GRAPH_ONTOLOGY): "ontology"}
    for q in store:
        graph = q.graph_name
        if isinstance(graph, ox.NamedNode) and graph.value == CATALOG_GRAPH:
            continue
        if isinstance(graph, ox.DefaultGraph):
            sizes["union_default"] += 1
        elif isinstance(graph, ox.NamedNode) and graph.value in named:
            sizes[named[graph.value]] += 1
        elif isinstance(graph, ox.NamedNode) and "/id/document/" in graph.value:
            sizes["document_graphs"] += 1
        lines.append(f"{q.subject} {q.predicate} {q.object} {'' if isinstance(graph, ox.DefaultGraph) else graph} .")
    lines.sort()
    sha = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return {"store": path, "quads": len(lines), "sha256": sha, **sizes}


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(json.dumps(digest(path), ensure_ascii=False))
