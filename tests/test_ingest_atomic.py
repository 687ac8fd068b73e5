"""A batch of new documents into a store that holds documents is one store call (issue 12a):
``budgetkg ingest`` killed right after any of its store writes leaves a store that validates,
whose every document graph is complete (its content hash stored, so the rerun skips it) with its
registry entry and links, and whose derived graphs equal a rebuild; the rerun then ends with the
same quads as a run never killed.

How the kill lands between two store calls, not at a random moment: the CLI runs in a child
interpreter whose ``OxigraphStore`` write methods are wrapped to count the writes that returned
and to SIGKILL their own process right after the N-th (``_KILLER``). The store, the ingest and
the kill are real; only the moment is chosen. Every gap is tried: after the ontology, after each
batch (the batches grow 1, 2, 4 …, so eight budgets make four), and before the end-of-run
catalogue refresh.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures import hostile_inputs as hostile
from tests.fixtures.records import qingshan_ecology
from tests.ingest_support import REPO, assert_nothing_lost, copy_stocked_store, run_cli, snapshot, validate

_KILLER = """
import os, signal, sys
from kg.store.oxigraph import OxigraphStore

after = int(os.environ["KILL_AFTER_STORE_WRITES"])
done = [0]


def counted(name):
    original = getattr(OxigraphStore, name)

    def write(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        done[0] += 1
        print(f"store write {done[0]}: {name}", file=sys.stderr, flush=True)
        if done[0] == after:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    setattr(OxigraphStore, name, write)


for name in ("replace_graph", "replace_graphs", "load_nquads", "drop_graph", "update"):
    counted(name)
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""
WRITE_RE = re.compile(r"^store write (\d+): (\w+)$")
NAMES = [("青山市水务局", "water"), ("青山市林业局", "forest"), ("青山市审计局", "audit"), ("青山市统计局", "stats")]


def _ingest_killed_after(writes: int, folder: Path, url: str) -> subprocess.CompletedProcess:
    """``budgetkg ingest FOLDER --store URL`` killed after its ``writes``-th store write (0: never)."""
    env = {**os.environ, "KILL_AFTER_STORE_WRITES": str(writes)}
    return subprocess.run([sys.executable, "-c", _KILLER, "ingest", str(folder), "--store", url], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=600)


def _writes(result: subprocess.CompletedProcess) -> list[str]:
    return [m.group(2) for m in map(WRITE_RE.match, result.stderr.splitlines()) if m]


@pytest.fixture(scope="module")
def budgets(tmp_path_factory) -> Path:
    """Eight budgets of four departments the stocked store has never seen (their registry
    entries and links must come with their first commit)."""
    folder = tmp_path_factory.mktemp("atomic") / "new"
    folder.mkdir()
    for department, short in NAMES:
        for year in (2026, 2027):
            record = qingshan_ecology(year)
            record.department = department
            (folder / f"{short}_{year}.txt").write_text(hostile.budget_text(record), encoding="utf-8")
    return folder


def _quads(url: str) -> set[tuple]:
    """Every quad of the store (union and derived graphs included), the question catalogue left
    out (it carries the code's digest and is rebuilt at the end of a run)."""
    import pyoxigraph as ox

    from kg.store.base import CATALOG_GRAPH

    store = ox.Store.read_only(url.removeprefix("oxigraph:"))
    try:
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store
                if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == CATALOG_GRAPH)}
    finally:
        del store


@pytest.fixture(scope="module")
def never_killed(budgets, stocked_store_template, tmp_path_factory) -> tuple[set, list[str]]:
    """(the quads of the stocked store after the eight budgets in one unbroken run, the store
    writes that run made, in order)."""
    url, _ = copy_stocked_store(stocked_store_template, tmp_path_factory.mktemp("reference"))
    result = _ingest_killed_after(0, budgets, url)
    assert result.returncode == 0, result.stderr[-3000:]
    return _quads(url), _writes(result)


def test_every_batch_is_one_store_write(never_killed):
    """Into a store that holds documents, eight new budgets in batches of 1, 2, 4 and 1: the
    ontology, then one N-Quads transaction a batch (no UPDATE: a new department's registry entry
    and links only add), then the catalogue."""
    _, writes = never_killed
    assert writes[:5] == ["replace_graph", "load_nquads", "load_nquads", "load_nquads", "load_nquads"], writes


@pytest.mark.parametrize("writes", [1, 2, 3, 4, 5], ids=["after_ontology", "after_batch1", "after_batch2",
                                                          "after_batch3", "after_batch4"])
def test_kill_between_store_writes_then_resume(writes, budgets, never_killed, stocked_store_template, tmp_path):
    """Killed right after its ``writes``-th store write: the store validates, every document it
    holds is complete (hash stored) and the derived graphs equal a rebuild; the rerun skips
    exactly those, reads the rest, and the store then equals the unbroken run quad for quad."""
    from kg.graph.links import GRAPH_LINKS, links_graph
    from kg.graph.load import stored_hashes
    from kg.graph.registry import GRAPH_DEPARTMENTS, registry_graph
    from kg.store import open_store

    url, _ = copy_stocked_store(stocked_store_template, tmp_path)
    before = snapshot(url)
    killed = _ingest_killed_after(writes, budgets, url)
    assert killed.returncode == -9 and len(_writes(killed)) == writes, killed.stderr[-3000:]
    validate(url)
    at_kill = snapshot(url)
    assert_nothing_lost(before, at_kill)
    store = open_store(url)
    try:
        documents = {g for g in store.graphs() if "/id/document/" in g}
        hashed = {g for graphs in stored_hashes(store).values() for g in graphs}
        assert documents == hashed  # no document without its hash: the rerun never sees half a batch
        assert {(s, p, o) for s, p, o, _ in store.quads(GRAPH_DEPARTMENTS)} == set(registry_graph(store))
        assert {(s, p, o) for s, p, o, _ in store.quads(GRAPH_LINKS)} == set(links_graph(store))
    finally:
        store.close()
    new_at_kill = set(at_kill.triples) - set(before.triples)
    assert len(new_at_kill) == [0, 1, 3, 7, 8][writes - 1]  # batches of 1, 2, 4 and 1

    rerun = run_cli("ingest", str(budgets), "--store", url)
    assert rerun.returncode == 0, rerun.stderr
    skipped = [line for line in rerun.stdout.splitlines() if "skipped as unchanged" in line]
    assert len(skipped) == len(new_at_kill)
    validate(url)
    quads, _ = never_killed
    assert _quads(url) == quads
