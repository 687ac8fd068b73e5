"""Records into a store: map each record, replace its named graph, recompute the derived graphs.

Why here and not in the command: the tests, the web app and ``budgetkg ingest`` all load the
same way. A record's graph is built completely before the store is touched, and the store swaps
it in one step, so a failure leaves the previous graph of that document as it was.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kg.extract.model import Record
from kg.rdf.links import refresh_links
from kg.rdf.mapping import record_to_graph
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
    mapping cannot handle is skipped (its previous graph stays) and reported in ``failures``.
    The derived graphs (department registry, ``continues`` links) are then recomputed."""
    if with_ontology:
        ensure_ontology(store)
    out = []
    for record in records:
        try:
            graph_iri, graph = record_to_graph(record)
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the others
            if failures is None:
                raise
            failures.append(f"{record.source}: cannot be mapped ({type(exc).__name__}: {exc})")
            continue
        store.replace_graph(str(graph_iri), graph)
        out.append(Loaded(record, graph_iri, len(graph)))
    if out:
        refresh_derived(store)
    return out


def drop_documents(store: Store, graphs: list[str]) -> None:
    """Drop documents' graphs and recompute what was derived from them (links, registry)."""
    for g in graphs:
        store.drop_graph(g)
    refresh_derived(store)


def refresh_derived(store: Store) -> None:
    """The graphs computed from all documents together: department labels, continues links."""
    refresh_departments(store)
    refresh_links(store)
