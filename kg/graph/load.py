"""Records into a store: each commit replaces documents' graphs *and* the graphs derived from
them, in one transaction (``commit_documents``). A batch of new documents into a store that
already holds documents is one store call too, N-Quads through the transactional loader where its
derived edits only add (``commit_new_documents``: which call when, and why). New documents of an
ingest into an empty store go through the store's bulk loader, content first and hashes last
(``bulk_commit_documents``: not atomic; why, and what it keeps, there).

Why here and not in the command: the tests, the web app and ``budgetkg ingest`` all load the
same way. A record's graph is built completely before the store is touched. The derived graphs
(the department registry, the ``continues`` links, and the union default graph the store keeps)
are brought up to date in the same transaction as the documents that change them, so a process
killed at any moment leaves a store that is consistent — it validates — with each document
either wholly in or wholly as before. Only the departments a commit touches are recomputed, so a
commit costs what its documents cost, not what the corpus costs.

Each document's graph also records the ``sha256`` of every file it was read from
(``bkg:contentHash``): an ingest skips a file whose content is already in the graph, which is
how a run killed half-way resumes without redoing what it committed.
"""
from __future__ import annotations

import hashlib
import io
from itertools import chain
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from rdflib import Graph, Literal, URIRef

from kg.extract.model import Record
from kg.graph.links import GRAPH_LINKS, READS as LINKS_READS, links_changes, links_graph
from kg.rdf.mapping import record_to_graph, record_triples
from kg.vocabulary.namespaces import BKG
from kg.graph.queries import in_graph
from kg.graph.registry import (GRAPH_DEPARTMENTS, READS as REGISTRY_READS, departments_in, departments_of_graphs,
                             registry_changes, registry_graph)
from kg.store import ensure_ontology
from kg.store.base import GraphEdit, Store, StoreError, ntriples_term
from kg.store.union_rule import in_union

HASH_PREFIX = "sha256:"


@dataclass
class Loaded:
    record: Record
    graph: URIRef
    triples: int


@dataclass
class Document:
    """A record ready to commit, with the content hashes of the files it was read from.

    ``shard``: where the record was already mapped elsewhere (a Dask task), the N-Quads file of
    its graph without its hashes (``nquads_lines``), with its triple count and departments; the
    bulk loader then loads that file instead of mapping the record again."""

    record: Record
    hashes: list[str] = field(default_factory=list)
    shard: Shard | None = None
    collection: str | None = None  # the folder it was ingested from (``bkg:collection``)


@dataclass(frozen=True)
class Shard:
    """A document graph mapped by a task: its N-Quads file (``nquads_lines``, no content hashes)."""

    path: str
    graph: str
    triples: int
    departments: frozenset[str] = frozenset()


def write_shard(path: str, record: Record) -> Shard:
    """Map ``record`` and write its graph to ``path`` as N-Quads (atomically: a temporary file
    renamed), for a bulk loader on another machine or later."""
    import os

    iri, triples = record_triples(record)
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.writelines(nquads_lines(str(iri), triples))
    os.replace(tmp, path)
    return Shard(path, str(iri), len(triples), frozenset(departments_in(triples)))


def content_hash(path: str, chunk: int = 1 << 20) -> str:
    """``sha256:HEX`` of a file's bytes, read in chunks (memory stays flat for any size)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while True:
            block = handle.read(chunk)
            if not block:
                break
            digest.update(block)
    return HASH_PREFIX + digest.hexdigest()


def document_graph(document: Document) -> tuple[URIRef, Graph]:
    """The named graph of one document: its mapping, its collection and its content hashes."""
    iri, graph = record_to_graph(document.record)
    for triple in collection_triples(iri, document):
        graph.add(triple)
    for h in document.hashes:
        graph.add((iri, BKG.contentHash, Literal(h)))
    return iri, graph


def collection_triples(iri: URIRef, document: Document) -> list[tuple]:
    """What the ingest knows of a document beside its record: the collection it was read with."""
    return [(iri, BKG.collection, Literal(document.collection))] if document.collection else []


def commit_documents(store: Store, documents: Sequence[Document], drop: Iterable[str] = ()) -> list[Loaded]:
    """In one transaction: replace each document's graph, drop the graphs in ``drop``, and
    update the registry and the links for the departments concerned. Raises (and changes
    nothing) when a record cannot be mapped or the store refuses the update."""
    graphs: dict[str, Graph] = {}
    loaded: list[Loaded] = []
    for document in documents:
        iri, graph = document_graph(document)
        graphs[str(iri)] = graph
        loaded.append(Loaded(document.record, iri, len(graph)))
    dropped = [g for g in dict.fromkeys(drop) if g not in graphs]
    replaced = set(graphs) | set(dropped)
    departments = departments_of_graphs(store, replaced) | {d for g in graphs.values() for d in departments_in(g)}
    edits = {}
    for name, changes in ((GRAPH_DEPARTMENTS, registry_changes), (GRAPH_LINKS, links_changes)):
        remove, add = changes(store, departments, graphs, replaced)
        if remove or add:
            edits[name] = GraphEdit(remove, add)
    store.replace_graphs({**graphs, **{g: None for g in dropped}}, edits)
    return loaded


def supports_bulk(store: Store) -> bool:
    """Whether ``store`` takes N-Quads through a bulk loader (``OxigraphStore.load_nquads``)."""
    return callable(getattr(store, "load_nquads", None))


def nquads_lines(graph: str, triples: Iterable) -> Iterator[str]:
    """A document graph as N-Quads: each triple in its named graph and, where the union holds its
    family (``kg.store.union_rule``), in the default graph (the store's union, which is a set: a
    triple of two documents is stored there once).

    Each term object is written once (``ntriples_term``) and then looked up: a document's
    subjects, predicates and most objects repeat, and writing them was a fifth of the mapping.
    Looked up by the object's identity, not its value: rdflib hashes and compares terms in Python
    code, which made the look-up cost as much as the writing; two equal terms that are distinct
    objects are written twice, to the same text. ``terms`` holds every object while the loop
    runs, so no identity is reused for another term."""
    name = ntriples_term(URIRef(graph))
    written: dict[int, str] = {}
    kept: dict[tuple[int, int], bool] = {}  # (subject, predicate) -> in the union, by identity as ``written``
    terms = []
    for s, p, o in triples:
        parts = []
        for term in (s, p, o):
            text = written.get(id(term))
            if text is None:
                text = written[id(term)] = ntriples_term(term)
                terms.append(term)
            parts.append(text)
        triple = " ".join(parts)
        yield f"{triple} {name} .\n"
        union = kept.get((id(s), id(p)))
        if union is None:
            union = kept[(id(s), id(p))] = in_union(s, p)
        if union:
            yield f"{triple} .\n"


def derived_edits(store: Store, departments: set[str], written: Iterable[str] = ()) -> dict[str, GraphEdit]:
    """The registry and links changes for ``departments`` and the new graphs ``written``,
    computed from what the store holds now (documents already written). ``written`` names the
    policies whose cross-document identity can change (before issue 12k the bulk path left the
    ``owl:sameAs`` links out: it passed no graph, so ``links_changes`` skipped them)."""
    edits = {}
    written = list(written)
    for name, (remove, add) in ((GRAPH_DEPARTMENTS, registry_changes(store, departments, {}, set())),
                                (GRAPH_LINKS, links_changes(store, departments, {}, set(), written))):
        if remove or add:
            edits[name] = GraphEdit(remove, add)
    return edits


def bulk_commit_documents(store: Store, documents: Sequence[Document]) -> list[Loaded]:
    """Write documents whose graphs are new through oxigraph's bulk loader, then bring the
    derived graphs up to date once for all of them: what an ingest does with each batch of new
    documents into a store that held **no document** when the run began.

    Not atomic, and only for that case: ``Store.bulk_load`` "always writes new files to disk"
    without a transaction, so a kill during it can leave part of the batch. The batch is three
    writes in this order: (1) every document's content and its union triples, without its content
    hashes; (2) registry and links, one transaction; (3) the content hashes, one transaction. A run
    killed before (3) left documents without hashes, which the next run reads again and replaces
    whole (``commit_documents``, which recomputes the derived graphs of their departments); a
    document whose hash is stored is complete. Between (1) and (3) a reader sees a batch's
    documents before their registry and links — acceptable for filling an empty store, not for a
    store people already read: a non-empty store takes new documents through
    ``commit_new_documents`` (one transaction). Raises ``StoreError`` on a graph that already
    exists: replacing needs ``commit_documents``."""
    if not supports_bulk(store):
        raise StoreError(f"{store.url} has no bulk loader")
    loaded: list[Loaded] = []
    content: list[str] = []
    hashes: list[str] = []
    departments: set[str] = set()
    for document in documents:
        if document.shard is not None:
            iri, size = URIRef(document.shard.graph), document.shard.triples
            with open(document.shard.path, encoding="utf-8") as handle:
                content.append(handle.read())
            departments |= document.shard.departments
        else:
            iri, triples = record_triples(document.record)
            size = len(triples)
            content.extend(nquads_lines(str(iri), triples))
            departments |= departments_in(triples)
        extra = collection_triples(iri, document)
        content.extend(nquads_lines(str(iri), extra))
        size += len(extra)
        if graph_exists(store, str(iri)):
            raise StoreError(f"<{iri}> is already in the store: the bulk loader only adds new graphs")
        hashes.extend(nquads_lines(str(iri), [(iri, BKG.contentHash, Literal(h)) for h in document.hashes]))
        loaded.append(Loaded(document.record, iri, size + len(document.hashes)))
    if content:  # every document mapped and checked before the store is touched
        store.load_nquads("".join(content).encode("utf-8"), bulk=True)
    edits = derived_edits(store, departments, [str(item.graph) for item in loaded])
    if edits:
        store.replace_graphs({}, edits)
    if hashes:
        store.load_nquads("".join(hashes).encode("utf-8"), bulk=False)
    return loaded


# The predicates of a document graph that the derived graphs read from a graph not yet stored
# (``registry_changes``: departments and their names; ``links_changes``: projects, their year,
# category and names, cited policy documents): ``derived_view`` keeps only these, so the
# incremental computation gets a small rdflib Graph instead of the whole document's.
DERIVED_READS: frozenset[str] = REGISTRY_READS | LINKS_READS


def derived_view(triples: Iterable[tuple]) -> Graph:
    """The part of a document graph the derived graphs are computed from (``DERIVED_READS``)."""
    view = Graph()
    view.addN((s, p, o, view) for s, p, o in triples if str(p) in DERIVED_READS)
    return view


def commit_new_documents(store: Store, documents: Sequence[Document]) -> list[Loaded]:
    """Documents whose graphs are new, into a store that already holds documents, with
    everything derived from them — content, union triples, collection, content hashes, registry
    and links edits — in **one store call**, so a kill or a reader sees the whole batch or none
    of it (the store validates at any moment) and a stored hash always means a complete
    document with its derived graphs.

    Which call depends on the batch's derived edits, computed first from the store and the new
    graphs (``registry_changes``/``links_changes`` exactly as ``commit_documents`` computes them):
    - **insertions only** (the usual case: a new department's registry entry, a department
      whose preferred label stays, new ``continues`` and ``owl:sameAs`` links) — one
      ``Store.load`` of N-Quads, the batch's content and the added derived triples (and their
      union triples) in one text. Why: oxigraph parses N-Quads at about half the writer CPU and
      memory of the same quads as ``INSERT DATA`` (issue 12m), and pyoxigraph 0.5.13 documents
      ``Store.load`` as "applied in a transactional manner: either the full operation succeeds,
      or nothing is written to the database". Adding a triple the store already holds is a no-op
      (a set), which is what the union needs.
    - **anything to delete** (a department whose preferred label changes because a new document
      prints a longer name; a ``continues`` link superseded by a better-matching project; an
      ``owl:sameAs`` made ambiguous by a second 文号) — one SPARQL UPDATE (``replace_graphs``),
      the same transaction ``commit_documents`` runs: ``Store.load``/``extend`` can only add,
      ``Store.remove`` is one quad outside any transaction, and pyoxigraph offers no transaction
      spanning two calls, so a load followed by a delete would leave, after a kill between
      them, a department with two preferred labels under a stored hash that no rerun revisits.

    Raises ``StoreError`` (and writes nothing) when a graph already exists or appears twice in
    the batch: replacing needs ``commit_documents``. A shard (``Document.shard``) is not read:
    the record is mapped here, because the derived edits need its triples before the write."""
    if not supports_bulk(store):
        raise StoreError(f"{store.url} has no N-Quads loader")
    loaded: list[Loaded] = []
    graphs: dict[str, list[tuple]] = {}
    views: dict[str, Graph] = {}
    departments: set[str] = set()
    for document in documents:
        iri, triples = record_triples(document.record)
        name = str(iri)
        if name in graphs or graph_exists(store, name):
            raise StoreError(f"<{iri}> is already in the store: commit_new_documents only adds new graphs")
        triples = [*triples, *collection_triples(iri, document),
                   *((iri, BKG.contentHash, Literal(h)) for h in dict.fromkeys(document.hashes))]
        graphs[name] = triples
        views[name] = derived_view(triples)
        departments |= departments_in(triples)
        loaded.append(Loaded(document.record, iri, len(triples)))
    if not graphs:
        return loaded
    edits: dict[str, GraphEdit] = {}
    for graph, changes in ((GRAPH_DEPARTMENTS, registry_changes), (GRAPH_LINKS, links_changes)):
        remove, add = changes(store, departments, views, set(graphs))
        if remove or add:
            edits[graph] = GraphEdit(remove, add)
    if any(edit.remove for edit in edits.values()):
        store.replace_graphs(graphs, edits)
        return loaded
    lines = chain.from_iterable([*(nquads_lines(name, triples) for name, triples in graphs.items()),
                                 *(nquads_lines(graph, edit.add) for graph, edit in edits.items())])
    store.load_nquads(io.BufferedReader(LineStream(lines), 1 << 20), bulk=False)
    return loaded


class LineStream(io.RawIOBase):
    """Text lines as a binary stream (UTF-8), encoded as the reader asks for them.

    Why: a batch of 64 documents is ≈ 100 MB of N-Quads; its lines, their join and its bytes were
    three copies of it in the writer at once. Read through this, the loader holds the parsed
    quads of its transaction and the text only a chunk at a time. If producing a line raises,
    the load raises and, being one transaction, writes nothing."""

    def __init__(self, lines: Iterable[str]) -> None:
        super().__init__()
        self._lines = iter(lines)
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = len(buffer)
        parts, length = [self._rest], len(self._rest)
        while length < size:
            line = next(self._lines, None)
            if line is None:
                break
            data = line.encode("utf-8")
            parts.append(data)
            length += len(data)
        chunk = b"".join(parts)
        out, self._rest = chunk[:size], chunk[size:]
        buffer[:len(out)] = out
        return len(out)


def ingest_records(store: Store, records: list[Record], with_ontology: bool = True,
                   failures: list[str] | None = None) -> list[Loaded]:
    """Load every record (one named graph each, one commit each); returns what was loaded, in
    order. A record the mapping or the store cannot handle is skipped (its previous graph
    stays) and reported in ``failures``; the records after it are still loaded."""
    if with_ontology:
        ensure_ontology(store)
    out = []
    for record in records:
        try:
            out += commit_documents(store, [Document(record)])
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the others
            if failures is None:
                raise
            what = "cannot be stored" if isinstance(exc, StoreError) else "cannot be mapped"
            failures.append(f"{record.source}: {what} ({type(exc).__name__}: {_one_line(exc)})")
    return out


def drop_documents(store: Store, graphs: list[str]) -> None:
    """Drop documents' graphs and update what was derived from them (links, registry), in one
    transaction."""
    commit_documents(store, [], drop=graphs)


def refresh_derived(store: Store) -> None:
    """Rebuild the derived graphs from all documents (one transaction): a repair, and the
    reference the incremental commits are tested against."""
    registry, links = registry_graph(store), links_graph(store)
    store.replace_graphs({GRAPH_DEPARTMENTS: registry if len(registry) else None,
                          GRAPH_LINKS: links if len(links) else None})


def stored_hashes(store: Store) -> dict[str, set[str]]:
    """Content hash -> the document graphs that hold it."""
    q = f"SELECT DISTINCT ?g ?h WHERE {{ GRAPH ?g {{ ?d <{BKG.contentHash}> ?h }} }}"
    out: dict[str, set[str]] = {}
    for g, h in store.query(q).rows:
        out.setdefault(str(h), set()).add(str(g))
    return out


def graph_exists(store: Store, graph: str) -> bool:
    return bool(store.query(f"ASK {{ {in_graph(graph, '?s ?p ?o')} }}").boolean)


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
