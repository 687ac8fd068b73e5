"""``oxigraph:PATH``: pyoxigraph's on-disk store (RocksDB), the default backend.

Why the update text for replacing a graph: pyoxigraph runs one SPARQL UPDATE request in one
transaction, so ``DROP GRAPH; INSERT DATA`` either happens whole or not at all. The store's
default graph is kept as the set union of the named graphs in the same transaction and queries run
on it (oxigraph's own union-of-named-graphs is a bag: see ``base.union_cleanup``). Only one process
may open the folder for writing at a time.
"""
from __future__ import annotations

import os
from decimal import Decimal
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.store.base import (GRAPHS_QUERY, Quad, QueryResult, StoreError, Triple, is_project_graph,
                           replace_update, union_cleanup)


def to_rdflib(term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value if term.datatype else None
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt) if dt else None)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unexpected oxigraph term {term!r}")


_DECIMAL_TYPES = {"http://www.w3.org/2001/XMLSchema#decimal", "http://www.w3.org/2001/XMLSchema#double",
                  "http://www.w3.org/2001/XMLSchema#float"}
_INTEGER_TYPES = {"http://www.w3.org/2001/XMLSchema#integer", "http://www.w3.org/2001/XMLSchema#int",
                  "http://www.w3.org/2001/XMLSchema#long", "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"}


def python_value(term):
    """An oxigraph term as a Python value: IRIs and strings as str, integers as int, decimals
    (and doubles, through their printed form) as exact Decimal."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        if dt in _DECIMAL_TYPES:
            return Decimal(term.value)
        if dt in _INTEGER_TYPES:
            return int(term.value)
        return term.value
    return term.value


class OxigraphStore:
    def __init__(self, path: str | None = None) -> None:
        """``path`` None: an in-memory oxigraph store (tests); else a folder, created if needed."""
        self.path = path
        self.url = f"oxigraph:{path}" if path else "oxigraph:"
        if path:
            os.makedirs(path, exist_ok=True)
            try:
                self.store = ox.Store(path)
            except OSError as exc:
                raise StoreError(f"cannot open oxigraph store at {path}: {exc}") from exc
        else:
            self.store = ox.Store()

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        text = replace_update(graph, list(triples))
        try:
            self.store.update(text)
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"update failed: {exc}") from exc

    def drop_graph(self, graph: str) -> bool:
        node = ox.NamedNode(graph)
        if not self.store.contains_named_graph(node):
            return False
        self.store.update(f"{union_cleanup(graph, None)} ;\nDROP SILENT GRAPH <{graph}>")
        return True

    def graphs(self) -> list[str]:
        names = {n.value for n in self.store.named_graphs()}
        # a graph emptied by DROP may still be listed: keep only graphs with triples
        out = []
        for name in names:
            if is_project_graph(name) and next(iter(self.store.quads_for_pattern(
                    None, None, None, ox.NamedNode(name))), None) is not None:
                out.append(name)
        return sorted(out)

    def query(self, sparql: str) -> QueryResult:
        try:
            res = self.store.query(sparql)
        except (SyntaxError, OSError, ValueError, TypeError) as exc:
            raise StoreError(f"query failed: {exc}") from exc
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            rows = [tuple(to_rdflib(sol[i]) for i in range(len(names))) for sol in res]
            return QueryResult(kind="select", vars=names, rows=rows)
        g = Graph()
        for t in res:
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return QueryResult(kind="graph", graph=g)

    def select_values(self, sparql: str) -> list[dict]:
        """SELECT rows as plain Python values (str, int, exact Decimal), without building rdflib
        terms: the question service reads thousands of values per question and needs no terms."""
        try:
            res = self.store.query(sparql)
        except (SyntaxError, OSError, ValueError, TypeError) as exc:
            raise StoreError(f"query failed: {exc}") from exc
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("select_values needs a SELECT query")
        names = [v.value for v in res.variables]
        return [{n: python_value(sol[i]) for i, n in enumerate(names)} for sol in res]

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        for name in ([graph] if graph else self.graphs()):
            for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
                yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), URIRef(name)

    def count(self, graph: str | None = None) -> int:
        return sum(sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
                   for g in ([graph] if graph else self.graphs()))

    def close(self) -> None:
        try:
            self.store.flush()
        except Exception:  # noqa: BLE001 - nothing to flush for an in-memory store
            pass
        del self.store


__all__ = ["OxigraphStore", "GRAPHS_QUERY"]
