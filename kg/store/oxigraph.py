"""``oxigraph:PATH``: pyoxigraph's on-disk store (RocksDB), the default backend.

Why the update text for replacing a graph: pyoxigraph runs one SPARQL UPDATE request in one
transaction, so ``DROP GRAPH; INSERT DATA`` either happens whole or not at all. The store's
default graph is kept as the set union of the named graphs in the same transaction and queries run
on it (oxigraph's own union-of-named-graphs is a bag: see ``base.union_cleanup``).

Locks: only one process may open the folder for writing at a time (RocksDB's ``LOCK``). Readers
open it read-only (``read_only=True``: no lock), so queries, ``stats`` or the web app never stop an
ingest and an ingest never stops them. A read-only handle sees the store as it was when opened;
reopen it to see later writes (the web app's query workers reopen when the folder changed).
"""
from __future__ import annotations

import os
import time
from typing import BinaryIO, Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.store.base import (GRAPHS_QUERY, GraphEdit, Quad, QueryResult, StoreError, Triple, is_project_graph,
                           refuse_write, replace_graphs_update, replace_update, union_cleanup)
from kg.store.results import plain_literal


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


def python_value(term):
    """An oxigraph term as a plain value (``kg.store.results.plain_value``'s model: IRIs and
    strings as str, integers as int, decimals and doubles as exact Decimal)."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.Literal):
        return plain_literal(term.value, term.datatype.value if term.datatype else None)
    return term.value


# The files a write changes: the write-ahead logs, the tables, the manifest and its pointer. (Not
# RocksDB's own info ``LOG``, which a read-only open may touch.)
_DATA_FILE_SUFFIXES = (".log", ".sst")
_DATA_FILE_PREFIXES = ("MANIFEST-", "CURRENT")


def store_fingerprint(path: str) -> tuple:
    """A value that changes whenever a writer changes the store at ``path`` (names, sizes and
    modification times of its data files). Readers compare it to know when to reopen and when
    what they derived from the graph (page caches, the question catalogue) is stale; a stat of a
    few dozen files, far cheaper than any query."""
    out = []
    try:
        with os.scandir(path) as entries:
            for e in entries:
                if e.name.endswith(_DATA_FILE_SUFFIXES) or e.name.startswith(_DATA_FILE_PREFIXES):
                    try:
                        st = e.stat()
                    except OSError:
                        continue
                    out.append((e.name, st.st_size, st.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(out))


def is_file_race(exc: BaseException) -> bool:
    """Whether ``exc`` is a read-only handle meeting files a concurrent writer replaced: RocksDB
    deletes table files after a compaction, so a reader that read the old manifest (or opens
    tables lazily) finds them gone and reports an IO error or "Corruption" (pyoxigraph raises
    OSError or RuntimeError). Reopening reads the new manifest and succeeds."""
    text = str(exc)
    return isinstance(exc, OSError) or (isinstance(exc, RuntimeError) and (
        "IO error" in text or "Corruption" in text or "No such file" in text))


def open_read_only(path: str, attempts: int = 8) -> "ox.Store":
    """``pyoxigraph.Store.read_only(path)``, retried with a growing pause (≈ 5 s in all) while a
    writer is swapping files under it (:func:`is_file_race`); :class:`StoreError` after that."""
    delay, last = 0.02, None
    for _ in range(attempts):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError) as exc:
            if not is_file_race(exc):
                raise StoreError(f"cannot open oxigraph store at {path} for reading: {exc}") from exc
            last = exc
        time.sleep(delay)
        delay *= 2
    raise StoreError(f"cannot open oxigraph store at {path} for reading (a writer kept changing it): {last}")


class OxigraphStore:
    def __init__(self, path: str | None = None, read_only: bool = False) -> None:
        """``path`` None: an in-memory oxigraph store (tests); else a folder, created if needed
        for writing. Read-only, a folder holding no store yet reads as an empty graph (as it did
        when every reader opened it for writing), and nothing is created on disk."""
        self.path = path
        self.url = f"oxigraph:{path}" if path else "oxigraph:"
        self.read_only = bool(read_only and path)
        if path and self.read_only:
            if not os.path.exists(os.path.join(path, "CURRENT")):
                self.store = ox.Store()
                return
            self.store = open_read_only(path)
        elif path:
            os.makedirs(path, exist_ok=True)
            try:
                self.store = ox.Store(path)
            except OSError as exc:
                raise StoreError(f"cannot open oxigraph store at {path}: {exc}") from exc
        else:
            self.store = ox.Store()

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        refuse_write(self)
        text = replace_update(graph, list(triples))
        try:
            self.store.update(text)
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"update failed: {exc}") from exc

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None],
                       edits: Mapping[str, GraphEdit] | None = None) -> None:
        refuse_write(self)
        text = replace_graphs_update({g: (None if t is None else list(t)) for g, t in graphs.items()}, edits)
        if not text:
            return
        try:
            self.store.update(text)
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"update failed: {exc}") from exc

    def load_nquads(self, data: bytes | str | BinaryIO, bulk: bool = False) -> None:
        """Add N-Quads (lines without a graph go to the default graph, the union), given whole or
        as a binary stream the loader reads in chunks. ``bulk``:
        oxigraph's bulk loader — it writes sorted table files straight to disk, several times
        faster than a transaction and without the logs and tombstones a transaction leaves, but
        not atomic (a process killed during it leaves part of the input in the store). Without
        ``bulk``, one transaction."""
        refuse_write(self)
        try:
            if bulk:
                self.store.bulk_load(data, ox.RdfFormat.N_QUADS)
            else:
                self.store.load(data, ox.RdfFormat.N_QUADS)
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"loading N-Quads failed: {exc}") from exc

    def optimize(self) -> None:
        """Compact the store on disk (RocksDB's full compaction): what a store reopened later
        would do in the background, done now so its size is its real size."""
        refuse_write(self)
        self.store.optimize()

    def drop_graph(self, graph: str) -> bool:
        refuse_write(self)
        node = ox.NamedNode(graph)
        if not self.store.contains_named_graph(node):
            return False
        self.store.update(f"{union_cleanup(graph, None)} ;\nDROP SILENT GRAPH <{graph}>")
        return True

    def graphs(self) -> list[str]:
        try:
            return self._graphs()
        except (OSError, RuntimeError) as exc:  # files replaced by a concurrent writer: one clear line
            raise StoreError(f"reading {self.url} failed: {exc}") from exc

    def _graphs(self) -> list[str]:
        names = {n.value for n in self.store.named_graphs()}
        # a graph emptied by DROP may still be listed: keep only graphs with triples
        out = []
        for name in names:
            if is_project_graph(name) and next(iter(self.store.quads_for_pattern(
                    None, None, None, ox.NamedNode(name))), None) is not None:
                out.append(name)
        return sorted(out)

    def query(self, sparql: str) -> QueryResult:
        """Run a query; read-only, a query that met files a writer just replaced is run once more
        on a fresh handle (:func:`is_file_race`)."""
        try:
            return self._query(sparql)
        except (OSError, RuntimeError) as exc:
            if not (self.read_only and is_file_race(exc)):
                raise StoreError(f"query failed: {exc}") from exc
            self.store = open_read_only(self.path)
            try:
                return self._query(sparql)
            except (SyntaxError, OSError, RuntimeError, ValueError, TypeError) as exc2:
                raise StoreError(f"query failed: {exc2}") from exc2
        except (SyntaxError, ValueError, TypeError) as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def _query(self, sparql: str) -> QueryResult:
        res = self.store.query(sparql)
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
        terms: the question service reads thousands of values per question and needs no terms.
        Retried on a fresh handle like :meth:`query` when a writer replaced the files."""
        try:
            return self._select_values(sparql)
        except (OSError, RuntimeError) as exc:
            if not (self.read_only and is_file_race(exc)):
                raise StoreError(f"query failed: {exc}") from exc
            self.store = open_read_only(self.path)
            try:
                return self._select_values(sparql)
            except (SyntaxError, OSError, RuntimeError, ValueError, TypeError) as exc2:
                raise StoreError(f"query failed: {exc2}") from exc2
        except (SyntaxError, ValueError, TypeError) as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def _select_values(self, sparql: str) -> list[dict]:
        res = self.store.query(sparql)
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("select_values needs a SELECT query")
        names = [v.value for v in res.variables]
        return [{n: python_value(sol[i]) for i, n in enumerate(names)} for sol in res]

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        try:
            for name in ([graph] if graph else self.graphs()):
                for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
                    yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), URIRef(name)
        except (OSError, RuntimeError) as exc:  # files replaced by a concurrent writer: one clear line
            raise StoreError(f"reading {self.url} failed: {exc}") from exc

    def count(self, graph: str | None = None) -> int:
        try:
            return sum(sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
                       for g in ([graph] if graph else self.graphs()))
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"reading {self.url} failed: {exc}") from exc

    def update(self, sparql: str) -> None:
        """One SPARQL UPDATE request, in one transaction (the web app's authorised updates)."""
        refuse_write(self)
        self.store.update(sparql)

    def close(self) -> None:
        if self.read_only:
            del self.store
            return
        try:
            self.store.flush()
        except Exception:  # noqa: BLE001 - nothing to flush for an in-memory store
            pass
        del self.store


__all__ = ["OxigraphStore", "GRAPHS_QUERY", "store_fingerprint"]
