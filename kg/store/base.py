"""The store protocol: what every graph backend offers, and the one result type they return.

Why a protocol: commands, tests, the NLP pipeline and the web app talk to "a store" and never to
rdflib, pyoxigraph or an HTTP endpoint directly, so the same code (and the same test suite) runs
embedded on a laptop or against a SPARQL server. Semantics every backend keeps:

- one named graph per budget document plus ``GRAPH_ONTOLOGY``; ``replace_graph`` swaps a graph's
  whole content in one step, and leaves the old content intact when it fails;
- ``query`` sees the union of all named graphs as its default graph (``GRAPH ?g`` works too),
  but for a fact's provenance, kept in its document's graph only (``kg.store.union_rule``);
- terms come back as rdflib terms (``URIRef``, ``Literal``, ``BNode``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Protocol, runtime_checkable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.store.union_rule import union_filter, union_triples
from kg.vocabulary.namespaces import BASE

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef]


class StoreError(RuntimeError):
    """A backend failed (bad query, server error); the message is one line for the user."""


def refuse_write(store: "Store") -> None:
    """Raise unless ``store`` was opened for writing (``open_store(url, read_only=False)``)."""
    if getattr(store, "read_only", False):
        raise StoreError(f"{store.url} is open read-only: writes need open_store(url, read_only=False)")


@dataclass
class QueryResult:
    """A SPARQL result: SELECT rows, an ASK boolean, or a CONSTRUCT/DESCRIBE graph."""

    kind: str  # "select" | "ask" | "graph"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.vars, row)) for row in self.rows]

    def values(self) -> list[tuple]:
        """Rows as Python values (Decimal, int, str, IRIs as str): handy in tests and templates."""
        return [tuple(to_python(t) for t in row) for row in self.rows]


def to_python(term: Node | None):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


@dataclass
class GraphEdit:
    """Triples one commit removes from a graph, then adds to it (a derived graph changed in a
    few triples, where replacing it whole would cost as much as the corpus)."""

    remove: list[Triple] = field(default_factory=list)
    add: list[Triple] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    url: str
    read_only: bool  # opened for reading only (no write lock); writes raise StoreError

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Make ``graph`` hold exactly ``triples``, atomically."""

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None],
                       edits: Mapping[str, GraphEdit] | None = None) -> None:
        """In one transaction: each graph of ``graphs`` holds exactly its triples afterwards
        (``None``: it is dropped), and each ``GraphEdit`` is applied. All of it or none of it,
        so a process killed at any moment leaves the store as before or as after."""

    def drop_graph(self, graph: str) -> bool:
        """Remove a named graph; True when it existed."""

    def graphs(self) -> list[str]:
        """The project's named graphs (IRIs under ``BASE``), sorted."""

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL 1.1 query over the union of the named graphs."""

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        """Every quad of the project's graphs (or of one graph)."""

    def count(self, graph: str | None = None) -> int:
        """Number of triples in one graph or in all of the project's graphs."""

    def close(self) -> None:
        """Release files or connections."""


UNION_GRAPH = BASE + "graph/union"
STAGING_PREFIX = BASE + "graph/staging/"
# The question catalogue the ingest keeps for ``ask`` and the web app (``nlp.catalog_store``): a
# derived artefact in a named graph of its own, never in the union (the default graph).
CATALOG_GRAPH = BASE + "graph/catalog"


def is_project_graph(iri: str) -> bool:
    """Servers keep their own system graphs (Virtuoso's virtrdf …); the project's are under BASE.
    The materialised union graph, staging graphs and the stored question catalogue are
    machinery, not content."""
    return (iri.startswith(BASE) and iri not in (UNION_GRAPH, CATALOG_GRAPH)
            and not iri.startswith(STAGING_PREFIX))


def union_cleanup(graph: str, union: str | None) -> str:
    """Update text removing from the union (default graph when ``union`` is None) the triples of
    ``graph`` that no other content graph holds; run it before dropping or replacing ``graph``.

    Why a materialised union: oxigraph's and Virtuoso's "union of all named graphs" is a bag, so a
    triple asserted by N documents matches N times and a join of k shared triples multiplies rows
    by N^k (a 10-document corpus ran out of memory). The materialised union is a set. Only the
    triples the union holds (``union_rule``) are looked for there.
    """
    exclude = f"?x != <{graph}> && ?x != <{UNION_GRAPH}> && !STRSTARTS(STR(?x), \"{STAGING_PREFIX}\")"
    target = f"GRAPH <{union}> {{ ?s ?p ?o }}" if union else "?s ?p ?o"
    return (f"DELETE {{ {target} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER({union_filter('?s', '?p')}) "
            f"FILTER NOT EXISTS {{ GRAPH ?x {{ ?s ?p ?o }} FILTER({exclude}) }} }}")


def ntriples_term(term: Node) -> str:
    """A term in N-Triples / SPARQL syntax."""
    if isinstance(term, URIRef):
        return "<" + str(term).replace("\\", "\\\\").replace(">", "%3E") + ">"
    if isinstance(term, BNode):
        return "_:b" + "".join(ch if ch.isalnum() else "_" for ch in str(term))
    if isinstance(term, Literal):
        text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r"))
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    raise TypeError(f"not an RDF term: {term!r}")


def ntriples_lines(triples: Iterable[Triple]) -> Iterator[str]:
    for s, p, o in triples:
        yield f"{ntriples_term(s)} {ntriples_term(p)} {ntriples_term(o)} ."


def replace_update(graph: str, triples: Iterable[Triple]) -> str:
    """One SPARQL UPDATE request that replaces a graph's content and keeps the default graph the
    set union of the content graphs (oxigraph; what it holds: ``union_rule``)."""
    return replace_graphs_update({graph: triples})


def replace_graphs_update(graphs: Mapping[str, Iterable[Triple] | None],
                          edits: Mapping[str, GraphEdit] | None = None) -> str:
    """One SPARQL UPDATE request (one transaction on oxigraph) replacing or dropping several
    graphs and editing others, keeping the default graph the set union of the content graphs."""
    parts: list[str] = []
    for graph, triples in graphs.items():
        parts.append(union_cleanup(graph, None))
        parts.append(f"DROP SILENT GRAPH <{graph}>")
        if triples is not None:
            triples = list(triples)
            body = "\n".join(ntriples_lines(triples))
            if body:
                parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
            union = "\n".join(ntriples_lines(union_triples(triples)))
            if union:
                parts.append(f"INSERT DATA {{\n{union}\n}}")
    for graph, edit in (edits or {}).items():
        parts.extend(edit_updates(graph, edit, None))
    return " ;\n".join(parts)


def edit_updates(graph: str, edit: GraphEdit, union: str | None) -> list[str]:
    """The update operations applying ``edit`` to ``graph`` and to the union (the default graph
    when ``union`` is None): a removed triple leaves the union only where no other content graph
    still holds it."""
    parts: list[str] = []
    if edit.remove:
        body = "\n".join(ntriples_lines(edit.remove))
        parts.append(f"DELETE DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
        exclude = f"?x != <{UNION_GRAPH}> && !STRSTARTS(STR(?x), \"{STAGING_PREFIX}\")"
        for line in ntriples_lines(union_triples(edit.remove)):
            triple = line[:-2]  # without the final " ."
            target = f"GRAPH <{union}> {{ {triple} }}" if union else triple
            parts.append(f"DELETE {{ {target} }} WHERE {{ FILTER NOT EXISTS {{ GRAPH ?x {{ {triple} }} "
                         f"FILTER({exclude}) }} }}")
    if edit.add:
        body = "\n".join(ntriples_lines(edit.add))
        parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
        body = "\n".join(ntriples_lines(union_triples(edit.add)))
        if body:
            parts.append(f"INSERT DATA {{ GRAPH <{union}> {{\n{body}\n}} }}" if union else f"INSERT DATA {{\n{body}\n}}")
    return parts


GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
