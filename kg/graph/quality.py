"""What a stored document has of a budget, read back from its graph in the terms of
``kg.extract.quality`` (identity, totals, tables, garbled figures).

Why: the ingest lets a new version of a budget replace the stored one unless the new one lacks
something the stored one has. The stored record is gone by then; its graph is what is left, and
these questions can be asked of it cheaply (each is one lookup inside one named graph).
"""
from __future__ import annotations

from kg.extract.quality import GARBLED, IDENTITY, MIN_CHECKS_FOR_GARBLED, TABLES, TOTALS
from kg.rdf import iris
from kg.vocabulary.namespaces import BKG
from kg.graph.queries import in_graph


def stored_problems(store, graph: str) -> frozenset[str]:
    """The problem keys of the document stored in ``graph``."""
    g = f"<{graph}>"
    problems = set()
    if not _ask(store, in_graph(graph, f"{g} <{BKG.department}> ?d ; <{BKG.fiscalYear}> ?y ; <{BKG.documentKind}> ?k")):
        problems.add(IDENTITY)
    totals = " || ".join(f"?i = <{iris.item(k)}>" for k in ("income_total", "expenditure_total"))
    if not _ask(store, in_graph(graph, f"?o <{BKG.item}> ?i FILTER({totals})")):
        problems.add(TOTALS)
    if not _ask(store, in_graph(graph, f"{{ ?o <{BKG.subject}> ?s }} UNION {{ ?p a <{BKG.Project}> }}")):
        problems.add(TABLES)
    rows = store.query(f"SELECT ?n (COUNT(DISTINCT ?f) AS ?failed) WHERE {{ "
                       f"{in_graph(graph, f'{g} <{BKG.checkCount}> ?n OPTIONAL {{ {g} <{BKG.hasFinding}> ?f }}')} "
                       f"}} GROUP BY ?n").rows
    for n, failed in rows:
        checks, failures = int(n.toPython()), int(failed.toPython()) if failed is not None else 0
        if checks >= MIN_CHECKS_FOR_GARBLED and failures >= checks:
            problems.add(GARBLED)
    return frozenset(problems)


def _ask(store, pattern: str) -> bool:
    return bool(store.query(f"ASK {{ {pattern} }}").boolean)
