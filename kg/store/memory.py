"""``memory``: an rdflib Dataset in this process. For tests and one-shot pipelines; nothing is
kept when the process ends."""
from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from rdflib import Dataset, Graph, URIRef

import rdflib.plugins.sparql

from kg.vocabulary.namespaces import bind_all
from kg.store.base import GraphEdit, Quad, QueryResult, StoreError, Triple, is_project_graph, refuse_write

# rdflib would fetch (or read from disk) any graph a query names in FROM/FROM NAMED or an update
# names in USING: a caller could make this process request any URL or open any file. Our graphs
# all live in the store, so FROM means "this named graph", as in oxigraph. (LOAD and SERVICE are
# refused before a query gets here: kg.store.guard.)
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


def result_from_rdflib(res) -> QueryResult:
    """rdflib's query Result -> QueryResult."""
    if res.type == "ASK":
        return QueryResult(kind="ask", boolean=bool(res.askAnswer))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        g = Graph()
        for t in res.graph:
            g.add(t)
        return QueryResult(kind="graph", graph=g)
    names = [str(v) for v in (res.vars or [])]
    rows = [tuple(row[i] if i < len(row) else None for i in range(len(names))) for row in res]
    return QueryResult(kind="select", vars=names, rows=rows)


class MemoryStore:
    def __init__(self, read_only: bool = False) -> None:
        self.url = "memory"
        self.read_only = read_only
        self.ds = Dataset(default_union=True)
        bind_all(self.ds)

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        refuse_write(self)
        staged = list(triples)  # materialise first: a failing iterator leaves the store untouched
        iri = URIRef(graph)
        self.ds.remove_graph(self.ds.graph(iri))
        g = self.ds.graph(iri)
        g.addN((s, p, o, g) for s, p, o in staged)

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None],
                       edits: Mapping[str, GraphEdit] | None = None) -> None:
        """All staged first, then applied: nothing outlives this process, so "atomic" means a
        failing iterator leaves the store untouched."""
        refuse_write(self)
        staged = {g: (None if t is None else list(t)) for g, t in graphs.items()}
        for graph, triples in staged.items():
            if triples is None:
                self.drop_graph(graph)
            else:
                self.replace_graph(graph, triples)
        for graph, edit in (edits or {}).items():
            g = self.ds.graph(URIRef(graph))
            for t in edit.remove:
                g.remove(t)
            g.addN((s, p, o, g) for s, p, o in edit.add)

    def drop_graph(self, graph: str) -> bool:
        refuse_write(self)
        iri = URIRef(graph)
        existed = any(True for _ in self.ds.graph(iri).triples((None, None, None)))
        self.ds.remove_graph(self.ds.graph(iri))
        return existed

    def graphs(self) -> list[str]:
        return sorted(str(c.identifier) for c in (self.ds.graphs() if hasattr(self.ds, "graphs") else self.ds.contexts())
                      if is_project_graph(str(c.identifier)) and len(c) > 0)

    def query(self, sparql: str) -> QueryResult:
        try:
            return result_from_rdflib(self.ds.query(sparql))
        except Exception as exc:  # rdflib raises many kinds for a bad query
            raise StoreError(f"query failed: {type(exc).__name__}: {exc}") from exc

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        for name in ([graph] if graph else self.graphs()):
            g = self.ds.graph(URIRef(name))
            for s, p, o in g:
                yield s, p, o, URIRef(name)

    def count(self, graph: str | None = None) -> int:
        return sum(len(self.ds.graph(URIRef(g))) for g in ([graph] if graph else self.graphs()))

    def close(self) -> None:
        pass
