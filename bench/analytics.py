#!/usr/bin/env python3
"""Latency of ``flows`` and ``deps`` for one department on a large graph (the scale of issue 10:
a thousand synthetic documents). Prints figures; asserts nothing.

    python bench/analytics.py --store oxigraph:/path/to/store [--department NAME] [--repeat 5]
    python bench/analytics.py --build /tmp/big --departments 200 --years 2021..2025 [--jobs 2]
    python bench/analytics.py --build-records /tmp/big --departments 200 --years 2021..2025

``--build`` writes the corpus with ``budgetkg synth --format txt`` into DIR/txt, ingests it into
``oxigraph:DIR/store`` with ``budgetkg ingest`` (both skipped when already there), then measures.
``--build-records`` skips the reader: the generator's own records (``kg.synth.truth``, the figures
the synthetic documents print) go straight through the mapping into ``oxigraph:DIR/store``, 50
documents a transaction — the same graph shape in minutes instead of the quarter hour extraction
takes on two cores. Each figure is the median and the maximum of ``--repeat`` runs, after one warm-up run, of the
same functions the CLI and the web pages call (``kg.analytics``), on a read-only open of the store.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def budgetkg(*args: str) -> None:
    exe = Path(sys.executable).with_name("budgetkg")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "kg.cli"]
    subprocess.run([*cmd, *args], check=True)


def build(folder: Path, departments: int, years: str, jobs: int) -> str:
    txt = folder / "txt"
    if not txt.is_dir() or not any(txt.rglob("*.txt")):
        t = time.perf_counter()
        budgetkg("synth", "--departments", str(departments), "--years", years, "--out", str(txt),
                 "--format", "txt", "--quiet")
        print(f"synth: {time.perf_counter() - t:.1f} s")
    store = folder / "store"
    if not store.is_dir():
        t = time.perf_counter()
        budgetkg("ingest", str(txt), "--store", f"oxigraph:{store}", "--jobs", str(jobs))
        print(f"ingest: {time.perf_counter() - t:.1f} s")
    return f"oxigraph:{store}"


def build_from_records(folder: Path, departments: int, years: str) -> str:
    """The synthetic corpus's records (no text, no extraction) loaded into ``oxigraph:DIR/store``."""
    store_path = folder / "store"
    url = f"oxigraph:{store_path}"
    if store_path.is_dir():
        return url
    from kg.graph.load import Document, commit_documents, ensure_ontology
    from kg.store import open_store
    from kg.synth.corpus import CorpusOptions, parse_years
    from kg.synth.generate import budget_series
    from kg.synth.generate import departments as synth_departments
    from kg.synth.truth import truth_record

    options = CorpusOptions(departments=departments, years=parse_years(years), out=folder / "unused")
    options.validate()
    t = time.perf_counter()
    store = open_store(url)
    try:
        ensure_ontology(store)
        batch: list = []
        count = 0
        for index, dept in enumerate(synth_departments(departments, options.seed, options.templates)):
            for budget in budget_series(dept, options.years, options.seed):
                batch.append(Document(truth_record(budget, f"{index:05d}_{budget.year}.txt")))
                if len(batch) == 50:
                    commit_documents(store, batch)
                    count += len(batch)
                    batch = []
        if batch:
            commit_documents(store, batch)
            count += len(batch)
    finally:
        store.close()
    print(f"records → store: {count} documents in {time.perf_counter() - t:.1f} s")
    return url


def timed(fn, repeat: int) -> tuple[float, float, object]:
    result = fn()  # warm-up (oxigraph's caches, Python imports)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), max(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store")
    ap.add_argument("--build", type=Path, metavar="DIR")
    ap.add_argument("--build-records", type=Path, metavar="DIR")
    ap.add_argument("--departments", type=int, default=200)
    ap.add_argument("--years", default="2021..2025")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--department", help="part of a department's name (default: the department with the most flows)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not (args.store or args.build or args.build_records):
        ap.error("--store, --build or --build-records is required")
    if args.build_records:
        url = build_from_records(args.build_records, args.departments, args.years)
    else:
        url = build(args.build, args.departments, args.years, args.jobs) if args.build else args.store

    from kg.analytics.flows import flow_graph
    from kg.analytics.policy import dependency_graph, policy_reach
    from kg.analytics.source import Scope, labels, store_select
    from kg.store import open_store

    store = open_store(url, read_only=True)
    try:
        select = store_select(store)
        docs = select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a bkg:BudgetDocument }")[0]["n"]
        triples = store.count()
        department = args.department
        if department is None:
            busiest = select("SELECT ?d (COUNT(?f) AS ?n) WHERE { ?f a bkg:FundingFlow ; bkg:department ?d } "
                             "GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1")
            department = (busiest or select("SELECT ?d WHERE { ?d a bkg:Department } ORDER BY ?d LIMIT 1"))[0]["d"]
        name = labels(select, [department]).get(department, department) if department.startswith("http") else department
        print(f"store: {url}\ndocuments: {docs}  triples: {triples:,}\ndepartment: {name}")
        scope = Scope(department=department)
        rows = []
        median, worst, g = timed(lambda: flow_graph(select, scope), args.repeat)
        rows.append(("flows (latest year)", median, worst, f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"))
        median, worst, d = timed(lambda: policy_reach(dependency_graph(select, scope)), args.repeat)
        rows.append(("deps (reach ranking)", median, worst, f"{len(d)} policy documents"))
        median, worst, d = timed(lambda: dependency_graph(select, Scope()), 1)
        rows.append(("deps (whole graph)", median, worst, f"{d.number_of_nodes()} nodes, {d.number_of_edges()} edges"))
        print(f"{'what':24} {'median ms':>10} {'max ms':>10}  size")
        for what, m, w, size in rows:
            print(f"{what:24} {m * 1000:10.1f} {w * 1000:10.1f}  {size}")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
