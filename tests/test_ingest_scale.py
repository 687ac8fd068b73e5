"""Ingest at scale: batches, the bulk loader, ``--jobs``, progress, and the Dask executor.

Every way of ingesting one small synthetic corpus (``budgetkg synth`` into a tmp folder) must give
the same graph, quad for quad, as the plain ``--jobs 1`` transactional ingest: ``--jobs 2`` with
the bulk loader into an empty store, a run killed during its bulk load and resumed, and the Dask
path on a LocalCluster of 2 workers. The derived graphs written once per batch must equal a full
rebuild from the documents. Real stores (oxigraph on disk), real workers; no timings asserted.
"""
from __future__ import annotations

import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.graph.ingest import FAILED, LOADED, SKIPPED, IngestOptions, ingest_paths
from kg.graph.links import links_graph
from kg.graph.registry import registry_graph
from kg.store import open_store
from kg.synth.corpus import CorpusOptions, write_corpus
from tests.ingest_support import budgetkg_command, run_cli, validate

LOADED_RE = re.compile(r"^(.+): .+ -> <([^>]+)> \((\d+) triples")


def _graph(url: str) -> tuple[set, int]:
    """Every quad of the project's graphs, and the size of the union (the default graph)."""
    store = open_store(url, read_only=True)
    try:
        union = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].toPython()
        return set(store.quads()), union
    finally:
        store.close()


def _derived_match_rebuild(url: str) -> None:
    """The registry and links written batch by batch equal a rebuild from all documents."""
    from kg.graph.links import GRAPH_LINKS
    from kg.graph.registry import GRAPH_DEPARTMENTS

    store = open_store(url, read_only=True)
    try:
        registry = {(s, p, o) for s, p, o, _ in store.quads(GRAPH_DEPARTMENTS)}
        links = {(s, p, o) for s, p, o, _ in store.quads(GRAPH_LINKS)} if GRAPH_LINKS in store.graphs() else set()
        assert registry and registry == set(registry_graph(store))
        assert links == set(links_graph(store))
    finally:
        store.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """4 departments × 2 years of text documents (continuing projects: the links graph is not empty)."""
    out = tmp_path_factory.mktemp("scale_corpus")
    write_corpus(CorpusOptions(out=out, departments=4, years=range(2023, 2025), seed=5))
    return out


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[str, set, int]:
    """The corpus ingested one document at a time in transactions (``--jobs 1 --batch 1 --no-bulk``)."""
    url = f"oxigraph:{tmp_path_factory.mktemp('scale_ref') / 'db'}"
    store = open_store(url)
    try:
        summary = ingest_paths(store, [str(corpus)], IngestOptions(jobs=1, batch=1, bulk=False))
    finally:
        store.close()
    assert summary.ok and summary.count(LOADED) == 8 and summary.tally.commits == 8
    quads, union = _graph(url)
    return url, quads, union


def test_jobs2_bulk_batches_give_the_same_graph(corpus, reference, tmp_path):
    """``--jobs 2`` into an empty store: bulk-loaded batches (1, 2, 4, 1 documents), the same quads
    and union as the reference; derived graphs as a rebuild; a second run skips everything."""
    _, quads, union = reference
    url = f"oxigraph:{tmp_path / 'db'}"
    result = run_cli("ingest", str(corpus), "--store", url, "--jobs", "2", "--progress")
    assert result.returncode == 0, result.stderr
    loaded = [LOADED_RE.match(line) for line in result.stdout.splitlines()]
    assert all(loaded) and len(loaded) == 8
    assert sorted(Path(m.group(1)).name for m in loaded) == sorted(p.name for p in corpus.glob("*.txt"))
    summary = [line for line in result.stderr.splitlines() if " loaded, " in line]
    assert summary == [f"budgetkg ingest: 8 loaded, 0 failed, 0 skipped as unchanged, 0 kept (stored version "
                       f"better); {summary[0].split('; ')[1].split(' pages')[0]} pages read, "
                       f"{sum(int(m.group(3)) for m in loaded)} triples written in 4 commits; "
                       + summary[0].split("commits; ")[1]]
    assert "budgetkg ingest: 8/8 documents" in result.stderr
    assert _graph(url) == (quads, union)
    _derived_match_rebuild(url)
    validate(url)

    again = run_cli("ingest", str(corpus), "--store", url, "--jobs", "2")
    assert again.returncode == 0 and again.stderr == ""
    assert len(again.stdout.splitlines()) == 8 and all(" skipped as unchanged " in x for x in again.stdout.splitlines())
    assert _graph(url) == (quads, union)


def test_batches_into_a_stocked_store_are_transactions(corpus, reference, tmp_path):
    """Half the corpus first, then all of it into the now non-empty store (transactions of
    several documents, no bulk loader): the same graph, the first half skipped as unchanged."""
    _, quads, union = reference
    url = f"oxigraph:{tmp_path / 'db'}"
    half = sorted(corpus.glob("*2023.txt"))
    store = open_store(url)
    try:
        first = ingest_paths(store, [str(p) for p in half], IngestOptions(jobs=2))
        second = ingest_paths(store, [str(corpus)], IngestOptions(jobs=2, batch=3))
    finally:
        store.close()
    assert first.count(LOADED) == 4 and second.count(SKIPPED) == 4 and second.count(LOADED) == 4
    assert second.count(FAILED) == 0 and second.tally.commits == 3  # batches of 1, 2, 1
    assert _graph(url) == (quads, union)
    _derived_match_rebuild(url)


def _document_graphs(path: Path) -> int:
    try:
        store = open_store(f"oxigraph:{path}", read_only=True)
    except Exception:  # noqa: BLE001 - not created yet
        return 0
    try:
        return sum(1 for g in store.graphs() if "/id/document/" in g)
    except Exception:  # noqa: BLE001 - files changing under a read-only handle: ask again
        return 0
    finally:
        store.close()


def test_bulk_load_killed_then_resumed(corpus, reference, tmp_path):
    """A first ingest into an empty store (bulk loader) killed with SIGKILL once documents are in
    the store: the rerun skips exactly the documents whose content hash was stored, reads the
    others, and ends with the reference graph — nothing half-written survives."""
    _, quads, union = reference
    db = tmp_path / "db"
    url = f"oxigraph:{db}"
    proc = subprocess.Popen(budgetkg_command("ingest", str(corpus), "--store", url, "--jobs", "1"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and _document_graphs(db) < 1:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    assert len([line for line in out.splitlines() if LOADED_RE.match(line)]) < 8, "killed after the end of the run"

    rerun = run_cli("ingest", str(corpus), "--store", url)
    assert rerun.returncode == 0, rerun.stderr
    lines = rerun.stdout.splitlines()
    skipped = [line for line in lines if " skipped as unchanged " in line]
    assert len(skipped) + len([line for line in lines if LOADED_RE.match(line)]) == 8
    assert _graph(url) == (quads, union)
    _derived_match_rebuild(url)
    validate(url)


def test_dask_local_cluster_gives_the_same_graph(corpus, reference, tmp_path):
    """Reading and mapping as tasks on a LocalCluster of 2 workers, shards bulk-loaded: the
    graph of ``--jobs 1``, and the shard folder holds one N-Quads file per document."""
    from kg.graph.distributed import ingest_distributed

    _, quads, union = reference
    url = f"oxigraph:{tmp_path / 'db'}"
    shards = tmp_path / "shards"
    store = open_store(url)
    try:
        summary = ingest_distributed(store, [str(corpus)], "dask-local", IngestOptions(), shard_dir=str(shards),
                                     local_workers=2, local_processes=False)
    finally:
        store.close()
    assert summary.ok and summary.count(LOADED) == 8
    assert len(list(shards.glob("*.nq"))) == 8
    assert _graph(url) == (quads, union)
    _derived_match_rebuild(url)


def test_virtuoso_bulk_loader_gives_the_same_graph(corpus, reference, request, tmp_path):
    """``virtuoso:URL#isql=…&dir=…``: the bulk loader of a private Virtuoso (``scripts/virtuoso.sh``)
    fed with the N-Quads of each batch: the same quads as oxigraph, the same union size."""
    import os

    from tests.graph_fixtures import VIRTUOSO_DIR_ENV, make_store

    make_store("virtuoso", request, tmp_path).close()  # the private server, emptied of project graphs
    folder = os.environ.get(VIRTUOSO_DIR_ENV)
    if not folder:
        pytest.skip("a Virtuoso given by $BUDGETKG_TEST_VIRTUOSO: its SQL port and load folder are unknown")
    _, quads, union = reference
    sql_port = Path(folder, "sql.port").read_text().strip()
    url = f"virtuoso:{os.environ['BUDGETKG_TEST_VIRTUOSO']}#isql=127.0.0.1:{sql_port}&dir={folder}/load"
    try:
        result = run_cli("ingest", str(corpus), "--store", url, "--jobs", "2")
        assert result.returncode == 0, result.stderr
        store = open_store(url)
        try:
            got = set(store.quads())
            size = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].toPython()
        finally:
            store.close()
        assert (got, size) == (quads, union)
    finally:
        make_store("virtuoso", request, tmp_path).close()


def test_executor_refused_by_name(corpus, tmp_path):
    result = run_cli("ingest", str(corpus), "--store", f"oxigraph:{tmp_path / 'db'}", "--executor", "spark://x:1")
    assert result.returncode == 2
    assert result.stderr == ("budgetkg ingest: unknown executor 'spark://x:1' "
                             "(use dask://HOST:PORT or dask-local)\n")
