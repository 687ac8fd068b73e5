"""Fixtures of the knowledge-graph tests: the three store backends and a private Virtuoso.

``BACKENDS`` parametrises one store test suite over memory (rdflib), oxigraph (on disk, in a
temporary folder) and Virtuoso (a real SPARQL server on loopback, started once per session by
``scripts/virtuoso.sh`` when ``virtuoso-t`` is installed, or taken from
``$BUDGETKG_TEST_VIRTUOSO``). Without Virtuoso its parametrisation skips with the reason.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BACKENDS = ["memory", "oxigraph", "virtuoso"]
VIRTUOSO_ENV = "BUDGETKG_TEST_VIRTUOSO"
VIRTUOSO_DIR_ENV = "BUDGETKG_TEST_VIRTUOSO_DIR"  # the instance's folder (sql.port; its bulk loader reads there)


@pytest.fixture(scope="session")
def virtuoso_endpoint():
    """The SPARQL endpoint URL of a private Virtuoso, or a skip with the reason."""
    url = os.environ.get(VIRTUOSO_ENV)
    if url:
        yield url
        return
    if not shutil.which("virtuoso-t"):
        pytest.skip("Virtuoso not installed (apt-get install virtuoso-opensource, or "
                    "scripts/virtuoso.sh install); set $BUDGETKG_TEST_VIRTUOSO to use a running one")
    folder = tempfile.mkdtemp(prefix="budgetkg-virtuoso-")
    proc = subprocess.run(["bash", str(REPO / "scripts" / "virtuoso.sh"), "start", folder],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"scripts/virtuoso.sh start failed: {proc.stderr.strip()[-500:]}")
    url = proc.stdout.strip().splitlines()[-1]
    os.environ[VIRTUOSO_ENV] = url
    os.environ[VIRTUOSO_DIR_ENV] = folder
    try:
        yield url
    finally:
        os.environ.pop(VIRTUOSO_ENV, None)
        os.environ.pop(VIRTUOSO_DIR_ENV, None)
        subprocess.run(["bash", str(REPO / "scripts" / "virtuoso.sh"), "stop", folder],
                       capture_output=True, text=True, timeout=120)


def make_store(backend: str, request, folder: Path):
    """A fresh, empty store of one backend (the Virtuoso server is emptied of project graphs)."""
    from kg.store import open_store

    if backend == "memory":
        return open_store("memory")
    if backend == "oxigraph":
        return open_store(f"oxigraph:{folder / 'oxigraph'}")
    if backend == "virtuoso":
        url = request.getfixturevalue("virtuoso_endpoint")
        from kg.store.base import UNION_GRAPH

        store = open_store(f"sparql:{url}")
        for g in store.graphs():
            store.drop_graph(g)
        store.update(f"DROP SILENT GRAPH <{UNION_GRAPH}>")  # leftovers of an interrupted run
        return store
    raise ValueError(backend)


def store_url(backend: str, request, folder: Path) -> str:
    """The --store option of a backend that persists across processes (CLI tests)."""
    if backend == "oxigraph":
        return f"oxigraph:{folder / 'oxigraph'}"
    if backend == "virtuoso":
        url = request.getfixturevalue("virtuoso_endpoint")
        make_store("virtuoso", request, folder).close()
        return f"sparql:{url}"
    raise ValueError(backend)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """An empty store, once per backend."""
    s = make_store(request.param, request, tmp_path)
    yield s
    s.close()
