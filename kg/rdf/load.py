"""Records into a store: map each record, add the cross-document links, replace its named graph.

Why here and not in the command: the tests, the web app and ``budgetkg ingest`` all load the
same way. A record's graph is built completely before the store is touched, and the store swaps
it in one step, so a failure leaves the previous graph of that document as it was.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kg.extract.model import Record
from kg.rdf import iris
from kg.rdf.links import continues_triples, record_entries, store_entries
from kg.rdf.mapping import project_iris, record_to_graph
from kg.rdf.registry import refresh_departments
from kg.store import ensure_ontology
from kg.store.base import Store


@dataclass
class Loaded:
    record: Record
    graph: URIRef
    triples: int


def ingest_records(store: Store, records: list[Record], with_ontology: bool = True,
                   failures: list[str] | None = None) -> list[Loaded]:
    """Load every record (one named graph each); returns what was loaded, in order. A record the
    mapping cannot handle is skipped (its previous graph stays) and reported in ``failures``."""
    if with_ontology:
        ensure_ontology(store)
    mapped = []
    for record in records:
        try:
            graph_iri, graph = record_to_graph(record)
            entries = record_entries(record, project_iris(record))
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the others
            if failures is None:
                raise
            failures.append(f"{record.source}: cannot be mapped ({type(exc).__name__}: {exc})")
            continue
        mapped.append((record, graph_iri, graph, entries))
    out = []
    for record, graph_iri, graph, own in mapped:
        others = []
        for r2, g2, _g, entries in mapped:
            if g2 != graph_iri and r2.department and record.department and \
                    _same_department(r2, record):
                others += entries
        if record.department and record.year:
            others += [e for e in store_entries(store, iris.department(record.department))
                       if e.iri not in {o.iri for o in own}]
        for triple in continues_triples(own, others):
            graph.add(triple)
        store.replace_graph(str(graph_iri), graph)
        out.append(Loaded(record, graph_iri, len(graph)))
    if out:
        refresh_departments(store)
    return out


def _same_department(a: Record, b: Record) -> bool:
    return iris.department_key(a.department or "") == iris.department_key(b.department or "")
