"""Helpers of the hostile-input and ingest-safety tests: ``budgetkg`` as a real subprocess
(optionally without root's power to read anything), a folder of good budgets, and a snapshot of
what a store holds so a test can prove that a bad run lost nothing.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def budgetkg_command(*args: str, unprivileged: bool = False) -> list[str]:
    """The command line of ``budgetkg ARGS`` as a user runs it (a fresh interpreter). With
    ``unprivileged`` and running as root, the capabilities that let root read any file are
    dropped (``setpriv``), so ``chmod 000`` means for it what it means for everybody else."""
    command = [sys.executable, "-m", "kg.cli", *args]
    if unprivileged and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a path unreadable")
        command = [setpriv, "--inh-caps=-dac_override,-dac_read_search",
                   "--bounding-set=-dac_override,-dac_read_search", *command]
    return command


def run_cli(*args: str, unprivileged: bool = False, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``budgetkg ARGS`` to the end; stdout and stderr as text."""
    return subprocess.run(budgetkg_command(*args, unprivileged=unprivileged), cwd=REPO, capture_output=True,
                          text=True, timeout=timeout)


def stderr_lines(result: subprocess.CompletedProcess) -> dict[str, str]:
    """``{path: reason}`` of the one-line failures a run printed on stderr (no traceback)."""
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-3000:]
    out = {}
    for line in result.stderr.splitlines():
        path, sep, reason = line.partition(": ")
        assert sep, f"not a 'FILE: reason' line: {line!r}"
        out[path] = reason
    return out


def write_budgets(folder: Path) -> dict[str, Path]:
    """Four good budget texts (three years of one department, one other department)."""
    from tests.fixtures.hostile_inputs import budget_text
    from tests.fixtures.records import qingshan_ecology, qingshan_education

    folder.mkdir(parents=True, exist_ok=True)
    records = {"eco_2023.txt": qingshan_ecology(2023), "eco_2024.txt": qingshan_ecology(2024),
               "eco_2025.txt": qingshan_ecology(2025), "edu_2025.txt": qingshan_education(2025)}
    paths = {}
    for name, record in records.items():
        path = folder / name
        path.write_text(budget_text(record), encoding="utf-8")
        paths[name] = path
    return paths


def build_stocked_store(folder: Path) -> Path:
    """An on-disk oxigraph store holding the four budgets of ``write_budgets``, made once per
    session (``budgetkg ingest`` as a subprocess); tests take a copy (``copy_stocked_store``)."""
    budgets = folder / "budgets"
    write_budgets(budgets)
    store = folder / "db"
    result = run_cli("ingest", str(budgets), "--store", f"oxigraph:{store}")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 4, result.stdout + result.stderr
    return folder


def copy_stocked_store(template: Path, tmp_path: Path) -> tuple[str, dict[str, Path]]:
    """(store URL, the budget files it holds): a private copy of the session's stocked store."""
    shutil.copytree(template / "db", tmp_path / "db")
    shutil.copytree(template / "budgets", tmp_path / "earlier")
    return f"oxigraph:{tmp_path / 'db'}", {p.name: p for p in sorted((tmp_path / "earlier").iterdir())}


@dataclass(frozen=True)
class Snapshot:
    """Per document graph: its triple count and its printed totals (收入总计, 支出总计)."""

    triples: dict[str, int]
    totals: dict[tuple[str, str], Decimal]


TOTALS_QUERY = """SELECT ?g ?item ?amount WHERE { GRAPH ?g { ?o bkg:item ?item ; bkg:amount ?amount }
  VALUES ?item { <https://budgetkg.org/id/item/income_total> <https://budgetkg.org/id/item/expenditure_total> } }"""


def snapshot(store_url: str) -> Snapshot:
    """What the store holds now (opened and closed again, so a CLI run can follow)."""
    from kg.store import open_store

    store = open_store(store_url)
    try:
        triples = {g: store.count(g) for g in store.graphs() if "/id/document/" in g}
        totals = {(str(g), str(item).rsplit("/", 1)[-1]): amount.toPython()
                  for g, item, amount in store.query("PREFIX bkg: <https://budgetkg.org/ontology#>\n"
                                                     + TOTALS_QUERY).rows}
    finally:
        store.close()
    return Snapshot(triples, totals)


def assert_nothing_lost(before: Snapshot, after: Snapshot) -> None:
    """Every document graph of ``before`` is still there with the same triples and totals."""
    for graph, count in before.triples.items():
        assert after.triples.get(graph) == count, (graph, count, after.triples.get(graph))
    for key, amount in before.totals.items():
        assert after.totals.get(key) == amount, (key, amount, after.totals.get(key))
    assert len(before.totals) >= 2 * len(before.triples)  # every document had both totals


def validate(store_url: str) -> subprocess.CompletedProcess:
    result = run_cli("validate", "--store", store_url)
    assert result.returncode == 0 and result.stdout.startswith("conforms:"), result.stdout[-2000:] + result.stderr
    return result
