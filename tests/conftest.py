"""Shared pytest fixtures. Several engineers extend this file: add fixtures, do not replace it."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``<repo>/../shared`` (corpus, realdocs, gold); skips the test where it is absent."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"../shared not present: {path} is where the corpus, realdocs and gold live")
    return path


# Knowledge-graph fixtures (stores over every backend, a private Virtuoso): tests/graph_fixtures.py
from tests.graph_fixtures import store, virtuoso_endpoint  # noqa: E402,F401


# Question-answering graphs (tests/test_nlp_*.py): tests/nlp_support.py
@pytest.fixture(scope="session")
def nlp_corpus_store(shared_dir):
    """The corpus graph: ../shared/corpus through the real extractor, in a memory oxigraph store."""
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, nlp_support.corpus_records(shared_dir))
    return store


@pytest.fixture(scope="session")
def nlp_small_store():
    """A small graph the tests build themselves (fictional 青山市 budgets): no ../shared needed."""
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, nlp_support.small_records())
    return store


# Hostile-input and ingest-safety tests (tests/ingest_support.py): one on-disk store holding four
# good budgets, built once by the real CLI; each test works on a copy of it.
@pytest.fixture(scope="session")
def stocked_store_template(tmp_path_factory):
    from tests.ingest_support import build_stocked_store

    return build_stocked_store(tmp_path_factory.mktemp("stocked"))
# The national disclosures (../shared/national): one extraction of every file per test session,
# each file on its own (not combined) so every document's own figures can be checked.
@pytest.fixture(scope="session")
def national_extraction(shared_dir):
    """(records by path relative to ../shared/national, failures) of every national document."""
    from kg.extract.pipeline import extract_paths

    folder = shared_dir / "national"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    import os

    records, failures = extract_paths([str(folder)], combine=False, jobs=os.cpu_count() or 1)
    by_file = {}
    for record in records:
        path = next(p for p in folder.rglob(record.source))
        by_file[str(path.relative_to(folder))] = record
    return by_file, failures


# The corpus and the real PDFs of ../shared/realdocs in one graph (questions, analytics): one
# extraction and one ingest per session.
@pytest.fixture(scope="session")
def corpus_realdocs_store(shared_dir):
    from kg.extract.pipeline import extract_paths
    from tests import nlp_support

    records, _failures = extract_paths([str(shared_dir / "corpus"), str(shared_dir / "realdocs")])
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, records)
    return store


# Every national disclosure (../shared/national) in one graph, from the session's extraction.
@pytest.fixture(scope="session")
def national_store(national_extraction):
    from tests import nlp_support

    by_file, _failures = national_extraction
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [by_file[k] for k in sorted(by_file)])
    return store
