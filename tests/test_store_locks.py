"""Readers never need the write lock of an on-disk oxigraph store, and the server holds it only while
it writes: real processes (``budgetkg serve``, ``budgetkg ingest``, ``budgetkg sparql``/``stats``) on
one real store."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import time
import urllib.parse

import pytest

pytest.importorskip("pyoxigraph")

from kg.extract.serialize import dumps  # noqa: E402
from kg.store import StoreError, open_store  # noqa: E402
from tests.graph_records import small_records  # noqa: E402
from tests.test_web_sparql import fetch  # noqa: E402
from tests.web_support import build_oxigraph_store, sample_records  # noqa: E402
from web.server_process import ServerProcess, budgetkg_command  # noqa: E402

TOKEN = "lock-test-token"


def write_locked(store_dir) -> bool:
    """Whether another process holds the store's write lock (RocksDB's POSIX lock on ``LOCK``),
    asked with F_GETLK, which tests for a lock without taking one."""
    import fcntl
    import struct

    path = os.path.join(store_dir, "LOCK")
    if not os.path.exists(path):
        return False
    with open(path, "rb+") as fh:
        query = struct.pack("hhqqii", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0, 0)
        answer = fcntl.fcntl(fh.fileno(), fcntl.F_GETLK, query)
    return struct.unpack("hhqqii", answer)[0] != fcntl.F_UNLCK


def test_read_only_store_refuses_writes_and_takes_no_lock(tmp_path):
    url = build_oxigraph_store(tmp_path / "oxi")
    writer = open_store(url)  # holds the write lock, as an ingest does
    try:
        with pytest.raises(StoreError):
            open_store(url)  # a second writer is refused …
        reader = open_store(url, read_only=True)  # … a reader is not
        assert reader.read_only and reader.query("ASK { ?s ?p ?o }").boolean is True
        with pytest.raises(StoreError, match="read-only"):
            reader.drop_graph(reader.graphs()[0])
        reader.close()
    finally:
        writer.close()


def test_ingest_while_serving_and_after_an_authorised_update(tmp_path):
    url = build_oxigraph_store(tmp_path / "oxi")
    records = tmp_path / "records.json"
    records.write_text(dumps(small_records(), single=False), encoding="utf-8")
    srv = ServerProcess(url, "--allow-updates", env={"BUDGETKG_UPDATE_TOKEN": TOKEN})
    try:
        before = json.loads(fetch(f"{srv.url}/index.json")[2])["document_count"]
        update = b'INSERT DATA { GRAPH <https://budgetkg.org/graph/note> { <urn:n> <urn:says> "hello" } }'
        status, _, _ = fetch(f"{srv.url}/sparql", data=update, headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 204
        # the server let go of the write lock when the update was done: an ingest can write now
        proc = subprocess.run(budgetkg_command("ingest", str(records), "--store", url), capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-1000:]
        # and the running server sees both writes (pages are not stale: their cache follows the store)
        after = json.loads(fetch(f"{srv.url}/index.json")[2])["document_count"]
        assert after == before + len(small_records())
        ask = "ASK { GRAPH ?g { <urn:n> <urn:says> \"hello\" } }"
        status, _, body = fetch(f"{srv.url}/sparql?" + urllib.parse.urlencode({"query": ask}))
        assert status == 200 and json.loads(body)["boolean"] is True
        # a second authorised update after the ingest works too
        status, _, _ = fetch(f"{srv.url}/sparql", data=update.replace(b"INSERT", b"DELETE"), headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert status == 204
    finally:
        srv.stop()
    assert "Traceback" not in srv.log()


def test_readers_work_during_an_ingest(tmp_path):
    url = build_oxigraph_store(tmp_path / "oxi")
    many = [dataclasses.replace(r, department=f"{r.department}第{i}分局", source=f"{i}_{r.source}")
            for i in range(120) for r in sample_records()]
    records = tmp_path / "many.json"
    records.write_text(dumps(many, single=False), encoding="utf-8")
    ingest = subprocess.Popen(budgetkg_command("ingest", str(records), "--store", url), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    store_dir = tmp_path / "oxi"
    try:
        for _ in range(2400):  # wait (at most 2 minutes) until the ingest holds the write lock
            if write_locked(store_dir) or ingest.poll() is not None:
                break
            time.sleep(0.05)
        assert write_locked(store_dir), "the ingest never took the write lock"
        readers = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for cmd in (
            budgetkg_command("sparql", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a bkg:BudgetDocument }",
                             "--format", "csv", "--store", url),
            budgetkg_command("stats", "--store", url))]
        query, stats = (subprocess.CompletedProcess(r.args, 0, *r.communicate(timeout=300)) for r in readers)
        query.returncode, stats.returncode = (r.returncode for r in readers)
        assert write_locked(store_dir), "the ingest let go of the lock before the readers ended: nothing proven"
        # was: "LOCK: Resource temporarily unavailable", exit 1
        assert query.returncode == 0 and stats.returncode == 0, query.stderr[-500:] + stats.stderr[-500:]
        # the readers saw a consistent store: at least the documents it held before the ingest
        assert int(query.stdout.split()[1]) >= 2
        assert int(stats.stdout.split("documents: ")[1].split()[0]) >= 2
    finally:
        out, err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, err[-1000:]
    assert len(out.splitlines()) == len(many)
