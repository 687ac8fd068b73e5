"""What the question pipeline keeps of its query results (``nlp.kept_results``, issue 9).

The pipeline's graph reads a query text once per question and keeps results from one question to
the next while the store's generation is unchanged. These tests hold it to what makes that safe, on
a real document (../shared/corpus's 000, read by the real ``ingest_paths`` into an oxigraph store
on disk) and the real pipeline: a write to the store — a SPARQL UPDATE changing one printed figure,
which leaves the document's content hash, and so the catalogue's content fingerprint, as it was —
is seen by the next question; a store with no cheap generation (in memory) keeps nothing across
questions; within a question each caller gets its own copy of the rows; and the bound holds.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.graph.ingest import LOADED, IngestOptions, ingest_paths
from kg.store import open_store
from kg.store.oxigraph import OxigraphStore
from nlp import catalog_store
from nlp.catalog_store import content_fingerprint
from nlp.kept_results import KeepingGraph, KeptResults, store_generation
from nlp.pipeline import Pipeline
from nlp.vocabulary import ITEM_NS, PREFIXES

DOCUMENT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "000_0f1ed1c99506120d.txt"
QUESTION = "昌吉州生态环境局2025年的三公经费是多少？"
ITEM = ITEM_NS + "three_public.total"


def _document() -> Path:
    if not DOCUMENT.is_file():
        pytest.skip(f"{DOCUMENT} not present (the shared corpus)")
    return DOCUMENT


def _ingest(store) -> None:
    summary = ingest_paths(store, [str(_document())], IngestOptions(jobs=1, after_run=(catalog_store.refresh,)))
    assert summary.ok and summary.count(LOADED) == 1


def _three_public(store) -> Decimal:
    """The document's printed 三公 total, as the graph holds it (one value)."""
    rows = store.select_values(PREFIXES + f"SELECT DISTINCT ?a WHERE {{ ?x bkg:item <{ITEM}> ; bkg:amount ?a }}")
    assert len(rows) == 1, rows
    return rows[0]["a"]


def _set_three_public(store, amount: str) -> None:
    """The figure changed in its document's graph and in the union the queries read (one UPDATE,
    as the web app's authorised updates are)."""
    store.update(PREFIXES + f"""DELETE {{ GRAPH ?g {{ ?x bkg:amount ?a }} ?x bkg:amount ?a }}
INSERT {{ GRAPH ?g {{ ?x bkg:amount {amount} }} ?x bkg:amount {amount} }}
WHERE {{ GRAPH ?g {{ ?x bkg:item <{ITEM}> ; bkg:amount ?a }} }}""")


def _values(answer) -> list[str]:
    return [i["value"] for i in answer.to_json()["answers"] if i.get("value") is not None]


@pytest.fixture()
def disk_store(tmp_path):
    store = open_store(f"oxigraph:{tmp_path / 'db'}")
    _ingest(store)
    yield store
    store.close()


def test_a_write_to_the_store_is_seen_by_the_next_question(disk_store):
    printed = _three_public(disk_store)
    assert printed == Decimal("6.39")  # the document's 三公经费 total
    pipe = Pipeline(disk_store)
    assert isinstance(pipe.graph, KeepingGraph)
    first = pipe(QUESTION)
    assert "6.39" in _values(first)
    again = pipe(QUESTION)
    assert again.to_json() == first.to_json()  # served from the kept results: the same reply
    assert len(pipe.graph.__dict__["_kept"]) > 0, "nothing was kept across questions on an on-disk store"

    fingerprint, generation = content_fingerprint(disk_store), store_generation(disk_store)
    _set_three_public(disk_store, "99.99")
    # the content fingerprint cannot see this write (no content hash changed); the generation does
    assert content_fingerprint(disk_store) == fingerprint
    assert store_generation(disk_store) != generation
    changed = pipe(QUESTION)
    assert "99.99" in _values(changed) and "6.39" not in _values(changed)


def test_a_store_without_a_generation_keeps_nothing_across_questions():
    store = OxigraphStore()  # in memory: no files to tell a write by
    _ingest(store)
    assert store_generation(store) is None
    pipe = Pipeline(store)
    assert "6.39" in _values(pipe(QUESTION))
    assert len(pipe.graph.__dict__.get("_kept") or []) == 0
    _set_three_public(store, "12.34")
    assert "12.34" in _values(pipe(QUESTION))


def test_within_a_question_each_caller_gets_its_own_rows(disk_store):
    graph = KeepingGraph(disk_store)
    text = PREFIXES + f"SELECT ?x ?a WHERE {{ ?x bkg:item <{ITEM}> ; bkg:amount ?a }}"
    log: list[str] = []
    with graph.reading():
        first = graph.run(text, log)
        first[0]["a"] = "changed by a caller"
        first.append({"x": "a row a caller added"})
        second = graph.run(text, log)
    assert log == [text, text]  # each run is logged for its part, read or not
    assert len(second) == 1 and second[0]["a"] == Decimal("6.39")
    assert graph.run(text) == second  # outside a question: read from the store


def test_the_bound_drops_the_least_recently_used():
    kept = KeptResults(max_rows=16)
    assert kept.at(("g", 1)) is kept
    kept.put("a", [{"v": i} for i in range(2)])
    kept.put("b", [{"v": i} for i in range(2)])
    kept.put("too large", [{"v": i} for i in range(3)])  # more than an eighth of the bound
    assert kept.get("too large") is None and kept.get("a") is not None  # "a" used last now
    for name in "cdefghij":  # 20 rows offered: the two used least recently go
        kept.put(name, [{"v": 0}, {"v": 1}])
    assert kept.get("b") is None and kept.get("a") is None
    assert all(kept.get(n) is not None for n in "cdefghij") and len(kept) == 8
    kept.put("empty", [])
    assert kept.get("empty") == []
    assert kept.at(("g", 2)) is kept and len(kept) == 0  # another generation: emptied
    assert kept.at(None) is None and len(kept) == 0
