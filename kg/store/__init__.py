"""Graph stores: one protocol (``base.Store``), three sibling backends, chosen by a URL-like
string: ``memory``, ``oxigraph:PATH`` (the default, ``./data/store``), ``sparql:URL``.

Every command touching the graph takes ``--store`` (after the command name) or reads
``$BUDGETKG_STORE``; ``open_store`` is the one place that turns that string into a backend.
"""
from __future__ import annotations

import argparse
import os

from kg.store.base import QueryResult, Store, StoreError

DEFAULT_STORE = "oxigraph:./data/store"
ENV_VAR = "BUDGETKG_STORE"


def store_url(url: str | None = None) -> str:
    """The explicit option, else $BUDGETKG_STORE, else the default."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_STORE


def open_store(url: str | None = None, read_only: bool = False) -> Store:
    """``memory`` | ``oxigraph:PATH`` | ``sparql:QUERY_URL[,UPDATE_URL]`` |
    ``virtuoso:URL#isql=HOST:PORT&dir=DIR`` (``sparql:`` with Virtuoso's bulk loader); ValueError
    otherwise.

    ``read_only=True`` is how readers open a store (``budgetkg sparql``, ``stats``, ``export``,
    ``validate``, ``ask``, the web app's queries): an on-disk oxigraph store is then opened without
    its write lock, so readers work while ``budgetkg ingest`` writes and never block it; any write
    through a read-only store raises :class:`StoreError`."""
    url = store_url(url)
    scheme, _, rest = url.partition(":")
    if scheme == "memory":
        from kg.store.memory import MemoryStore

        return MemoryStore(read_only=read_only)
    if scheme == "oxigraph":
        from kg.store.oxigraph import OxigraphStore

        return OxigraphStore(rest or None, read_only=read_only)
    if scheme == "sparql":
        if not rest.startswith(("http://", "https://")):
            raise ValueError(f"sparql store needs an http(s) URL: {url!r}")
        from kg.store.sparql import SparqlStore

        query_url, _, update_url = rest.partition(",")
        return SparqlStore(query_url, update_url or None, read_only=read_only)
    if scheme == "virtuoso":
        from kg.store.virtuoso import VirtuosoStore

        return VirtuosoStore.from_url(rest, read_only=read_only)
    raise ValueError(f"unknown store {url!r} (use memory, oxigraph:PATH, sparql:URL or virtuoso:URL#isql=HOST:PORT&dir=DIR)")


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="STORE", default=None,
                        help=f"memory | oxigraph:PATH | sparql:URL | virtuoso:URL#isql=HOST:PORT&dir=DIR (default ${ENV_VAR}, else {DEFAULT_STORE})")


def ensure_ontology(store: Store) -> None:
    """(Re)load the global graph: ontology, fixed concept schemes, topic scheme."""
    from kg.vocabulary.namespaces import GRAPH_ONTOLOGY
    from kg.vocabulary.ontology_files import global_graph

    store.replace_graph(GRAPH_ONTOLOGY, global_graph())


__all__ = ["DEFAULT_STORE", "ENV_VAR", "QueryResult", "Store", "StoreError", "add_store_argument",
           "ensure_ontology", "open_store", "store_url"]
