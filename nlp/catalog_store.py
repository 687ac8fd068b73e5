"""The question catalogue kept in the store, so that ``ask``, ``serve`` and the web app load it
instead of rebuilding it.

Why: building what the pipeline needs at start — the catalogue of names (``nlp.catalog``), the
budgets (``nlp.graph.Graph.budgets``) and the vocabulary rows (``nlp.vocabulary``) — is a dozen
queries over the whole graph, seconds at 1,000 documents, paid by every ``budgetkg ask`` process
and every freshly started server. The ingest builds it once at the end of a run
that committed anything (``kg.graph.ingest``) and writes it, as one JSON literal, into a named graph of its own
(``CATALOG_GRAPH``: machinery like the union graph, outside the default graph and outside
``Store.graphs()``); readers load it in one query.

A stored catalogue is used only while it is *fresh*: it carries the fingerprint of what it was
built from, and a reader recomputes that fingerprint (one query on the content-hash index, the
list of document graphs, the size of the ontology graph, and a digest of the code that builds
the catalogue) and builds afresh when they differ — after a write that did not refresh it
(``budgetkg drop``, a library call), with other code, or when a document graph carries no
content hash (then nothing proves its content unchanged, so the catalogue is never stored).
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg.vocabulary.namespaces import BASE, GRAPH_ONTOLOGY
from kg.store.base import CATALOG_GRAPH, ntriples_term
from kg.store.results import select_values
from nlp.catalog import Catalog, Entity, catalog_from_graph
from nlp.graph import Budget, Graph

log = logging.getLogger(__name__)

_FINGERPRINT = BASE + "ontology#catalogueFingerprint"
_DATA = BASE + "ontology#catalogueData"
_BUDGET_DOCUMENT = BASE + "ontology#BudgetDocument"
_CONTENT_HASH = BASE + "ontology#contentHash"
_FORMAT = 3  # 3: budgets carry their collection

# The code whose output the stored catalogue is: a change to any of these files makes every stored
# catalogue stale (read afresh from the graph) until the next ingest writes a new one.
_CODE = ("nlp/catalog.py", "nlp/catalog_store.py", "nlp/names.py", "nlp/normalize.py", "nlp/graph.py",
         "nlp/vocabulary.py", "kg/names")


@dataclass
class StartData:
    """What a pipeline reads from the store when it is built: everything kept in the artefact."""

    catalog: Catalog
    budgets: list[Budget]
    vocabulary_rows: list[dict]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the source of the modules that build the catalogue."""
    return source_digest(_FORMAT, _CODE)


@lru_cache(maxsize=8)
def source_digest(version: int, names: tuple[str, ...]) -> str:
    """A digest of a stored artefact's format ``version`` and of the source of the modules (files or
    folders, relative to the repository) whose output it is: one definition for every artefact the
    store keeps beside the documents (the catalogue, the project index, the figure table), so each is
    known stale when its code changes."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(str(version).encode())
    for name in names:
        path = root / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            h.update(f.relative_to(root).as_posix().encode())
            try:
                h.update(f.read_bytes())
            except OSError:
                h.update(b"?")
    return h.hexdigest()[:16]


def content_fingerprint(store) -> str | None:
    """What the catalogue of ``store`` is built from, as one digest: every budget document's
    graph with the content hashes of its files, the size of the ontology graph, and the code.
    ``None`` when a document graph has no content hash (written by a library call, not by
    ``ingest``): its content cannot be told from its name, so no stored catalogue may stand for
    it. Two index lookups (documents by type, hashes by predicate), never a scan of the graph:
    it is paid by every ``budgetkg ask``."""
    hashes: dict[str, set[str]] = {}
    rows = select_values(store, f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?d a <{_BUDGET_DOCUMENT}> "
                                f"OPTIONAL {{ ?d <{_CONTENT_HASH}> ?h }} }} }}")
    for r in rows:
        known = hashes.setdefault(str(r["g"]), set())
        if r.get("h") is not None:
            known.add(str(r["h"]))
    if not hashes or not all(hashes.values()):
        return None
    ontology = select_values(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_ONTOLOGY}> {{ ?s ?p ?o }} }}")
    h = hashlib.sha256(code_digest().encode())
    h.update(f"ontology {ontology[0]['n'] if ontology else 0}\n".encode())
    for g in sorted(hashes):
        h.update(f"{g} {' '.join(sorted(hashes[g]))}\n".encode())
    return h.hexdigest()


# ----------------------------------------------------------------------------- (de)serialising
def _entity_json(e: Entity) -> list:
    return [e.kind, e.iri, e.name, list(e.aliases), e.department, e.year, e.code]


def _budget_json(b: Budget) -> list:
    return [b.iri, b.department, b.department_iri, b.year, b.kind, b.source, b.collection]


def dumps(data: StartData) -> str:
    """The artefact as one JSON text (the entities as built, aliases and places included)."""
    c = data.catalog
    position = {id(e): i for i, e in enumerate(c.entities)}
    return json.dumps({
        "format": _FORMAT,
        "entities": [_entity_json(e) for e in c.entities],
        # the index by folded name, as positions: folding every name again (OpenCC) is most of a build
        "by_key": {key: [position[id(e)] for e in ents] for key, ents in c.by_key.items()},
        "years": c.years,
        "dept_years": c.dept_years,
        "topic_keywords": c.topic_keywords,
        "budgets": [_budget_json(b) for b in data.budgets],
        "vocabulary": data.vocabulary_rows,
    }, ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> StartData:
    raw = json.loads(text)
    entities = [Entity(k, iri, name, tuple(aliases), dept, year, code)
                for k, iri, name, aliases, dept, year, code in raw["entities"]]
    by_key = {key: [entities[i] for i in positions] for key, positions in raw["by_key"].items()}
    catalog = Catalog(entities, sorted(set(raw["years"])), by_key)
    catalog.dept_years = {d: list(ys) for d, ys in raw["dept_years"].items()}
    catalog.topic_keywords = {t: list(ks) for t, ks in raw["topic_keywords"].items()}
    budgets = [Budget(*row) for row in raw["budgets"]]
    return StartData(catalog, budgets, raw["vocabulary"])


# ----------------------------------------------------------------------------- build, save, load
def build(store) -> StartData:
    """Everything the pipeline reads at start, read from the graph (the slow path)."""
    from nlp.vocabulary import vocabulary_rows

    graph = Graph(store)
    return StartData(catalog_from_graph(graph), graph.budgets(), vocabulary_rows(store))


def stored(store, fingerprint: str | None = None) -> StartData | None:
    """The stored artefact when it is fresh (its fingerprint equals ``fingerprint``, computed here
    when not given), else ``None``. Never raises for a missing or unreadable artefact."""
    try:
        fingerprint = fingerprint or content_fingerprint(store)
        if fingerprint is None:
            return None
        rows = select_values(store, f"SELECT ?f WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{CATALOG_GRAPH}> <{_FINGERPRINT}> ?f }} }}")
        if [r["f"] for r in rows] != [fingerprint]:
            return None
        rows = select_values(store, f"SELECT ?d WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{CATALOG_GRAPH}> <{_DATA}> ?d }} }}")
        return loads(rows[0]["d"]) if len(rows) == 1 else None
    except Exception:  # noqa: BLE001 - a broken artefact only means building afresh
        log.warning("the stored question catalogue cannot be read; building it from the graph", exc_info=True)
        return None


def start_data(store) -> StartData:
    """The stored artefact when fresh, else built from the graph."""
    return stored(store) or build(store)


def refresh(store) -> bool:
    """Build the artefact from the graph and store it with its fingerprint (one update). Done by
    the ingest once at the end of a run that committed anything. False, changing nothing, where the store takes no SPARQL
    update (the in-memory store) or its documents carry no content hashes."""
    update = getattr(store, "update", None)
    if not callable(update) or getattr(store, "read_only", False):
        return False
    fingerprint = content_fingerprint(store)
    node = f"<{CATALOG_GRAPH}>"
    # the catalogue's own triples only: the project index and the figure table share its graph under
    # subjects of their own (``nlp.topic_index``, ``nlp.figure_table``) and are kept — each is used
    # only while its own fingerprint is current, so one left stale by this refresh is never read, and
    # one still fresh (the documents unchanged) is not lost (a DROP of the graph removed both)
    clear = f"DELETE WHERE {{ GRAPH {node} {{ {node} ?p ?o }} }}"
    if fingerprint is None:
        text = clear
    else:
        data = dumps(build(store))
        from rdflib import Literal

        text = (f"{clear} ;\nINSERT DATA {{ GRAPH {node} {{ {node} <{_FINGERPRINT}> "
                f"{ntriples_term(Literal(fingerprint))} ; <{_DATA}> {ntriples_term(Literal(data))} }} }}")
    update(text)
    return fingerprint is not None


def refresh_command(prog: str, description: str, refresh, stored: str, not_stored: str,
                    argv: Iterable[str] | None = None) -> int:
    """``python -m PROG --store URL``: one stored artefact built and stored by its ``refresh`` (the project index,
    the figure table), for a store written by code that did not — one command line for each artefact."""
    import argparse

    from kg.store import open_store

    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--store", required=True)
    args = parser.parse_args(list(argv) if argv is not None else None)
    store = open_store(args.store)
    try:
        done = refresh(store)
    finally:
        store.close()
    print(stored if done else not_stored)
    return 0
