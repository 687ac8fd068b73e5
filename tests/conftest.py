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
def nlp_corpus_store(corpus_records):
    """The corpus graph: ../shared/corpus through the real extractor, in a memory oxigraph store."""
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, corpus_records)
    return store


@pytest.fixture(scope="session")
def nlp_corpus_realdocs_store(shared_records):
    """The graph the project is scored on: ../shared/corpus and ../shared/realdocs through the
    real extractor (the session's one extraction), in one memory oxigraph store (built once)."""
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, shared_records)
    return store


@pytest.fixture(scope="session")
def ask(nlp_corpus_realdocs_store):
    """A question to the service over the corpus + realdocs graph, its reply as ``--json`` gives it."""
    from nlp import answer

    def _ask(question: str) -> dict:
        return answer(question, nlp_corpus_realdocs_store).to_json()
    return _ask


@pytest.fixture(scope="session")
def ask_national(national_store):
    """A question to the service over the national graph (../shared/national), its reply as ``--json``."""
    from nlp import answer

    def _ask(question: str) -> dict:
        return answer(question, national_store).to_json()
    return _ask


@pytest.fixture(scope="session")
def nlp_small_store():
    """A small graph the tests build themselves (fictional 青山市 budgets): no ../shared needed."""
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, nlp_support.small_records())
    return store


# The shared sets, each extracted once per test session (the real pipeline). Tests read these
# fixtures rather than extracting again; a test that changes a record works on a copy.
@pytest.fixture(scope="session")
def corpus_records(shared_dir) -> list:
    """Every ../shared/corpus document through the real pipeline (combined per budget), in order."""
    from kg.extract.pipeline import extract_paths

    folder = shared_dir / "corpus"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    records, failures = extract_paths([str(folder)])
    assert failures == [], failures
    return records


@pytest.fixture(scope="session")
def realdocs_record_list(shared_dir) -> list:
    """Every ../shared/realdocs PDF extracted once per session (combined per budget, the
    whole-budget checks run), in the pipeline's order."""
    from kg.extract.pipeline import extract_paths

    folder = shared_dir / "realdocs"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    found, failures = extract_paths([str(folder)])
    assert failures == [], failures
    return found


@pytest.fixture(scope="session")
def shared_records(corpus_records, realdocs_record_list) -> list:
    """The corpus and the realdocs together (the graph the question and query tests build)."""
    return [*corpus_records, *realdocs_record_list]


@pytest.fixture(scope="session")
def realdocs_records(realdocs_record_list) -> dict:
    """The realdocs records by department; shared by test_realdocs and the narrative tests."""
    return {r.department: r for r in realdocs_record_list}


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
    import os

    from kg.extract.pipeline import extract_paths

    folder = shared_dir / "national"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    records, failures = extract_paths([str(folder)], combine=False, jobs=os.cpu_count() or 1)
    by_file = {}
    for record in records:
        path = next(p for p in folder.rglob(record.source))
        by_file[str(path.relative_to(folder))] = record
    return by_file, failures


@pytest.fixture(scope="session")
def national(national_extraction) -> dict:
    """Every national document's record by its path under ../shared/national (all read)."""
    by_file, failures = national_extraction
    assert failures == []
    return by_file


# The corpus and the real PDFs of ../shared/realdocs in one graph (questions, analytics): one
# extraction and one ingest per session.
@pytest.fixture(scope="session")
def corpus_realdocs_store(nlp_corpus_realdocs_store):
    """The same graph the question tests use (one per session)."""
    return nlp_corpus_realdocs_store


# Every national disclosure (../shared/national) in one graph, from the session's extraction.
@pytest.fixture(scope="session")
def national_store(national_extraction):
    from tests import nlp_support

    by_file, _failures = national_extraction
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [by_file[k] for k in sorted(by_file)])
    return store


# The graph of ``shared_records`` (flows, conservation, Data Cube constraints, exports: tests/test_flows.py …).
@pytest.fixture(scope="session")
def shared_graph_store(shared_records):
    """The graph of ``shared_records`` in a memory oxigraph store (read-only by convention)."""
    from kg.graph.load import ingest_records
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(None)
    ingest_records(store, shared_records)
    return store
