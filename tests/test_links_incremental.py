"""The derived graphs brought up to date batch by batch (issue 12k) equal a full rebuild.

Why: ``links_changes`` now reads only what a batch touches — a department's projects and their
stored ``continues`` links by IRI, the ``owl:sameAs`` of the policies the batch cites and of
those sharing their titles — instead of the whole store. These tests hold that narrowing to the
full recomputation (``links_graph``, ``registry_graph``) and to a corpus loaded at once, quad
for quad, on real oxigraph stores: the generated corpus's truth records (mapped and written as
the ingest writes them) loaded in two halves — the first through the bulk loader, the second in
transactions — against all at once; and policy identity across budgets through cites, an
ambiguous second 文号, replacements and drops, on both write paths. No timings asserted.
"""
from __future__ import annotations

import json
import os
import random
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib.namespace import OWL

from kg.extract.deserialize import record_from_json
from kg.extract.model import PolicyDocument, Record
from kg.extract.text_normalize import policy_key
from kg.graph.links import GRAPH_LINKS, links_graph
from kg.graph.load import Document, bulk_commit_documents, commit_documents, commit_new_documents, drop_documents
from kg.graph.registry import GRAPH_DEPARTMENTS, registry_graph
from kg.rdf import iris
from kg.rdf.mapping import document_iri
from kg.store import ensure_ontology, open_store
from kg.store.base import StoreError
from kg.synth.corpus import CorpusOptions, write_corpus
from kg.vocabulary.namespaces import BKG


def _records(folder: Path) -> list[Record]:
    return [record_from_json(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("[0-9]*_*.json"))]


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> list[Record]:
    """12 departments × 3 years of generated budgets (their truth records): carried-over
    projects continue the year before, so the links graph holds ``continues`` links."""
    out = tmp_path_factory.mktemp("links_corpus")
    write_corpus(CorpusOptions(out=out, departments=int(os.environ.get("LINKS_TEST_DEPARTMENTS", "12")),
                               years=range(2022, 2025), seed=12))
    return _records(out)


def _store(path: Path):
    store = open_store(f"oxigraph:{path}")
    ensure_ontology(store)
    return store


def _triples(store, graph: str) -> set:
    return {(s, p, o) for s, p, o, _ in store.quads(graph)}


def _assert_derived_rebuild(store) -> None:
    """The registry and links written incrementally equal a rebuild from every document."""
    assert _triples(store, GRAPH_DEPARTMENTS) == set(registry_graph(store))
    assert _triples(store, GRAPH_LINKS) == set(links_graph(store))


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _one_update(store, documents) -> None:
    commit_documents(store, documents)


def _nquads_transaction(store, documents) -> None:
    commit_new_documents(store, documents)


@pytest.mark.parametrize("second_half", [_one_update, _nquads_transaction], ids=["update", "nquads"])
def test_two_halves_equal_all_at_once(records, tmp_path, second_half):
    """Half the corpus bulk-loaded into an empty store, the other half in batches of 8 into the
    non-empty store — each batch one SPARQL UPDATE (``commit_documents``), or one store call
    through ``commit_new_documents`` (N-Quads through oxigraph's transactional loader, content,
    derived additions and hashes together; an UPDATE where a derived triple must go: what
    ``ingest`` does since issue 12a) — in a shuffled order, so a department's years arrive in either order and in both
    halves: every quad of the store — documents, union, registry, links — equals the corpus
    bulk-loaded at once, and the derived graphs equal a rebuild."""
    at_once = _store(tmp_path / "once")
    halves = _store(tmp_path / "halves")
    try:
        for batch in _batches(records, 16):
            bulk_commit_documents(at_once, [Document(r) for r in batch])
        order = records[:]
        random.Random(12).shuffle(order)
        first, second = order[: len(order) // 2], order[len(order) // 2:]
        for batch in _batches(first, 16):
            bulk_commit_documents(halves, [Document(r) for r in batch])
        for batch in _batches(second, 8):
            second_half(halves, [Document(r) for r in batch])
        continues = {t for t in _triples(at_once, GRAPH_LINKS) if t[1] == BKG.continues}
        assert len(continues) >= 12  # the corpus has carried-over projects in every later year
        assert set(halves.quads()) == set(at_once.quads())
        _assert_derived_rebuild(at_once)
        _assert_derived_rebuild(halves)

        # dropping documents takes their links with them, as a rebuild would
        gone = [str(document_iri(r)) for r in order[:5]]
        drop_documents(halves, gone)
        _assert_derived_rebuild(halves)
        assert not any(str(t[0]).startswith(g) or str(t[2]).startswith(g) for g in gone
                       for t in _triples(halves, GRAPH_LINKS))
    finally:
        at_once.close()
        halves.close()


TITLE = "关于加强测试经费管理的通知"


# the title-only document is the one numbered 测财〔2022〕7号 (the IRIs the mapping gives them)
LINK = (str(iris.policy(policy_key(TITLE, None))), str(iris.policy(policy_key(None, "测财〔2022〕7号"))))


def _citing(record: Record, title: str, number: str | None) -> Record:
    """``record`` citing one more policy document (record level: what ``_policies`` maps)."""
    return replace(record, policy_documents=[*record.policy_documents, PolicyDocument(title, number)])


def _same_as(store) -> set:
    return {(str(s), str(o)) for s, p, o in _triples(store, GRAPH_LINKS) if p == OWL.sameAs}


@pytest.fixture(scope="module")
def small(records) -> dict[str, Record]:
    """Four budgets of three departments: A cites the policy with its 文号, B and D by title only
    (one in 《》), C under the same title with another 文号."""
    by_key = {(r.department, r.year): r for r in records}
    depts = sorted({r.department for r in records})[:3]
    return {"A": _citing(by_key[(depts[0], 2023)], f"《{TITLE}》", "测财〔2022〕7号"),
            "B": _citing(by_key[(depts[1], 2023)], TITLE, None),
            "C": _citing(by_key[(depts[2], 2024)], TITLE, "测财〔2023〕9号"),
            "D": _citing(by_key[(depts[2], 2023)], f"《{TITLE}》", None)}


def test_policy_identity_through_transactions(small, tmp_path):
    """A title-only citation is the numbered document of its title (one ``owl:sameAs``), until a
    second 文号 makes the title ambiguous; replacing or dropping a budget brings it back or
    takes it away only where no other budget still holds the citation."""
    store = _store(tmp_path / "db")
    try:
        steps = [
            (lambda: commit_documents(store, [Document(small["A"])]), 0),
            (lambda: commit_documents(store, [Document(small["B"]), Document(small["D"])]), 1),
            (lambda: commit_documents(store, [Document(small["C"])]), 0),  # two 文号 for one title
            (lambda: drop_documents(store, [str(document_iri(small["C"]))]), 1),
            # B replaced by a version without the citation: D still cites the title only
            (lambda: commit_documents(store, [Document(replace(small["B"], policy_documents=small["B"].policy_documents[:-1]))]), 1),
            (lambda: commit_documents(store, [Document(replace(small["D"], policy_documents=small["D"].policy_documents[:-1]))]), 0),
            (lambda: commit_documents(store, [Document(small["D"])]), 1),
            (lambda: drop_documents(store, [str(document_iri(small["A"]))]), 0),  # the numbered one gone
        ]
        for i, (step, links) in enumerate(steps):
            step()
            assert _same_as(store) == ({LINK} if links else set()), f"step {i}"
            _assert_derived_rebuild(store)
    finally:
        store.close()


def test_policy_identity_through_the_bulk_loader(small, tmp_path):
    """The bulk path brings ``owl:sameAs`` up to date as well (before issue 12k its batches
    passed no graph, and the link was missing until a transactional commit touched it)."""
    store = _store(tmp_path / "db")
    try:
        bulk_commit_documents(store, [Document(small["A"])])
        assert _same_as(store) == set()
        bulk_commit_documents(store, [Document(small["B"])])
        assert _same_as(store) == {LINK}
        _assert_derived_rebuild(store)
        bulk_commit_documents(store, [Document(small["C"]), Document(small["D"])])
        assert _same_as(store) == set()
        _assert_derived_rebuild(store)
    finally:
        store.close()


def test_policy_identity_through_one_store_call(small, records, tmp_path):
    """``commit_new_documents`` on both of its calls: B's title-only citation adds the
    ``owl:sameAs`` (insertions only: one N-Quads load), C's second 文号 for the title takes it
    away (a deletion: one UPDATE); the derived graphs equal a rebuild after each."""
    store = _store(tmp_path / "db")
    try:
        commit_new_documents(store, [Document(small["A"])])
        assert _same_as(store) == set()
        commit_new_documents(store, [Document(small["B"])])
        assert _same_as(store) == {LINK}
        _assert_derived_rebuild(store)
        commit_new_documents(store, [Document(small["C"]), Document(small["D"])])
        assert _same_as(store) == set()
        _assert_derived_rebuild(store)
        stored = {document_iri(r) for r in small.values()}
        other = next(r for r in records if document_iri(r) not in stored)
        before = set(store.quads())
        with pytest.raises(StoreError):  # an existing graph is refused, and nothing is written
            commit_new_documents(store, [Document(other), Document(small["A"])])
        assert set(store.quads()) == before
    finally:
        store.close()


def test_a_batch_killed_before_its_hashes_is_replaced_whole(records, tmp_path):
    """The bulk path (into an empty store) writes a batch's content, then its derived graphs,
    then its content hashes. A run killed after the content leaves documents without hashes and
    derived graphs that do not know them; the next run reads those files again and, their graphs existing,
    replaces them in one transaction (``commit_documents``): the store then equals the corpus
    loaded at once, quad for quad, and its derived graphs a rebuild. The killed state is made
    here by writing the content exactly as the path's first step does (``nquads_lines`` through
    the transactional loader), hashes and derived edits left out."""
    from kg.graph.load import nquads_lines
    from kg.rdf.mapping import record_triples

    at_once = _store(tmp_path / "once")
    resumed = _store(tmp_path / "resumed")
    hashes = {id(r): [f"sha256:{i:064x}"] for i, r in enumerate(records)}
    try:
        for batch in _batches(records, 16):
            bulk_commit_documents(at_once, [Document(r, hashes[id(r)]) for r in batch])
        done, killed, rest = records[:16], records[16:24], records[24:]
        bulk_commit_documents(resumed, [Document(r, hashes[id(r)]) for r in done])
        content = []
        for r in killed:
            iri, triples = record_triples(r)
            content.extend(nquads_lines(str(iri), triples))
        resumed.load_nquads("".join(content).encode("utf-8"), bulk=False)
        stored = {str(h) for s, p, h, _ in resumed.quads() if p == BKG.contentHash}
        assert stored == {h for r in done for h in hashes[id(r)]}  # the killed batch counts as not committed
        commit_documents(resumed, [Document(r, hashes[id(r)]) for r in killed])  # the rerun replaces them
        for batch in _batches(rest, 8):
            commit_new_documents(resumed, [Document(r, hashes[id(r)]) for r in batch])
        assert set(resumed.quads()) == set(at_once.quads())
        _assert_derived_rebuild(resumed)
        assert {str(h) for s, p, h, _ in resumed.quads() if p == BKG.contentHash} == {
            h for r in records for h in hashes[id(r)]}
    finally:
        at_once.close()
        resumed.close()
