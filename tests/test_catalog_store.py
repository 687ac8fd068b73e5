"""The question catalogue kept in the store (``nlp.catalog_store``).

The ingest writes, after each committed batch, what the question pipeline reads at start (the
catalogue of names, the budgets, the vocabulary); ``ask``, ``serve`` and the web app load it
instead of building it. These tests hold it to what it promises: the stored artefact equals a
fresh build from the graph, it is refreshed by the next ingest, it is ignored once stale (a write
that did not refresh it), and it never shows up as content. A small synthetic corpus, real
ingest into a real oxigraph store on disk.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph.ingest import LOADED, IngestOptions, ingest_paths
from kg.graph.load import drop_documents
from kg.store import open_store
from kg.store.base import CATALOG_GRAPH
from kg.synth.corpus import CorpusOptions, write_corpus
from nlp import catalog_store
from nlp.pipeline import Pipeline
from nlp.vocabulary import vocabulary_of_rows


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    """3 departments × 1 year of text documents."""
    out = tmp_path_factory.mktemp("catalog_corpus")
    write_corpus(CorpusOptions(out=out, departments=3, years=range(2024, 2025), seed=11))
    files = sorted(out.glob("*.txt"))
    assert len(files) == 3
    return files


def _same(stored: catalog_store.StartData, fresh: catalog_store.StartData) -> None:
    """Every part of the artefact equal to the fresh build (the vocabulary's rows come back from
    the store in any order; the vocabulary made of them is what must be equal)."""
    assert stored.catalog.entities == fresh.catalog.entities
    assert stored.catalog.by_key == fresh.catalog.by_key
    assert stored.catalog.years == fresh.catalog.years
    assert stored.catalog.dept_years == fresh.catalog.dept_years
    assert stored.catalog.topic_keywords == fresh.catalog.topic_keywords
    assert stored.budgets == fresh.budgets
    assert vocabulary_of_rows(stored.vocabulary_rows) == vocabulary_of_rows(fresh.vocabulary_rows)


def _departments(data: catalog_store.StartData) -> set[str]:
    return {e.name for e in data.catalog.departments()}


def test_stored_catalogue_equals_a_fresh_build_and_follows_the_ingest(documents, tmp_path):
    url = f"oxigraph:{tmp_path / 'db'}"
    store = open_store(url)
    try:
        summary = ingest_paths(store, [str(p) for p in documents[:2]], IngestOptions(jobs=1, after_run=(catalog_store.refresh,)))
        assert summary.ok and summary.count(LOADED) == 2
    finally:
        store.close()

    reader = open_store(url, read_only=True)  # what ``ask`` opens
    try:
        first = catalog_store.stored(reader)
        assert first is not None, "the ingest left no fresh catalogue in the store"
        fresh = catalog_store.build(reader)
        _same(first, fresh)
        assert len(_departments(first)) == 2 and len(first.budgets) == 2
        pipe = Pipeline(reader)  # loads the stored artefact: the same catalogue and budgets
        assert pipe.catalog.entities == fresh.catalog.entities and pipe.graph.budgets() == fresh.budgets
        pipe.warm()  # what ``budgetkg serve`` does at start-up: the linker's fuzzy index is made, nothing answered
        from nlp.link import FUZZY_KINDS
        assert set(FUZZY_KINDS) <= set(pipe.linker._fuzzy_names)
        # machinery, not content: neither a project graph nor in the union (the default graph)
        assert CATALOG_GRAPH not in reader.graphs()
        leaked = reader.query(f"ASK {{ <{CATALOG_GRAPH}> ?p ?o }}").boolean
        assert leaked is False
    finally:
        reader.close()

    store = open_store(url)
    try:  # the next ingest refreshes it: the third department is in it
        summary = ingest_paths(store, [str(p) for p in documents], IngestOptions(jobs=1, after_run=(catalog_store.refresh,)))
        assert summary.count(LOADED) == 1
        second = catalog_store.stored(store)
        assert second is not None
        _same(second, catalog_store.build(store))
        assert len(_departments(second)) == 3 and _departments(first) < _departments(second)

        # a write that does not refresh it (dropping a document): stale, so not used; the
        # pipeline builds afresh and no longer names the dropped department
        dropped = next(b for b in second.budgets)
        drop_documents(store, [dropped.iri])
        assert catalog_store.stored(store) is None
        pipe = Pipeline(store)
        assert dropped.department not in {e.name for e in pipe.catalog.departments()}
        _same(catalog_store.start_data(store), catalog_store.build(store))
    finally:
        store.close()


def test_no_stored_catalogue_where_documents_carry_no_content_hash(corpus_records):
    """Records written by a library call carry no content hash: nothing proves a graph of the same
    name holds the same content, so no catalogue is stored and the pipeline always builds it."""
    from kg.graph.load import ingest_records

    store = open_store("oxigraph:")
    try:
        ingest_records(store, corpus_records[:1])
        assert catalog_store.content_fingerprint(store) is None
        assert catalog_store.refresh(store) is False
        assert catalog_store.stored(store) is None
    finally:
        store.close()
