#!/usr/bin/env python3
"""Ingestion and queries at scale, side by side, in one run: prints a table, writes JSON.

    .venv/bin/python bench/scale.py [--sizes 100,1000] [--json bench/scale.json] [--work DIR]
                                    [--pdf-departments 2] [--text-docs 40] [--dask-size 100]
                                    [--no-virtuoso] [--query-reps 5] [--questions-per-kind 3]

Measured, never asserted (the machine is described in the output):
- extraction: documents/s and pages/s of budgetkg's reader (worker processes, ``--jobs 1``) on
  generated text and PDF documents, beside pdfplumber's raw speed (``extract_text`` +
  ``extract_tables`` of every page) on the same PDFs, as a ratio;
- for each size (documents of ``budgetkg synth``, text): ``budgetkg ingest --jobs 2`` end to end
  into an empty oxigraph store (wall time, documents/s, peak memory of the whole process tree,
  store size before and after compaction, triples and triples per document); at ``--dask-size``
  the same through ``--executor dask-local`` (a LocalCluster of 2 worker processes);
- loading the resulting N-Quads (the store's dump) into memory (rdflib, only below 1.5 M quads),
  a fresh oxigraph store (bulk loader) and Virtuoso (its bulk loader; a private instance on
  127.0.0.1 started and stopped by ``scripts/virtuoso.sh``): triples/s;
- median and p95 latency of every ``ontology/queries/*.rq`` (its parameters bound to values
  present in the generated graph) on oxigraph and on Virtuoso, and whether both return the same
  rows; median and p95 of questions of every kind through the question pipeline, and the time
  to build that pipeline.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BIN = Path(sys.executable).parent


# ------------------------------------------------------------------ helpers

sys.path.insert(0, str(REPO / "scripts"))
from bench_questions import percentile, time_questions  # noqa: E402 - one definition of both for the benchmarks


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def machine() -> dict:
    import psutil

    try:
        model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    except OSError:
        model = platform.processor()
    return {"cpus": os.cpu_count(), "cpu_model": model, "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


class TreePeak:
    """Peak resident memory of a process and all its descendants (sampled every 0.2 s)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(0.2)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_measured(cmd: list[str], log: Path) -> dict:
    """Run a command; wall time, exit code, peak memory of its process tree, the CPU seconds of the
    command and of the children it reaped (``RUSAGE_CHILDREN``: the readers a forkserver starts
    for ``budgetkg ingest`` are not among them) and the machine's load average at the start and
    the end (the machine is shared: the load says what the wall time means)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        peak = TreePeak(proc.pid)
        code = proc.wait()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": round(wall, 2), "exit": code, "peak_rss_mib": round(peak.stop() / 2**20),
            "cpu_seconds": round(cpu, 1), "load_average": [round(load, 2), round(os.getloadavg()[0], 2)]}


# ------------------------------------------------------------------ extraction

def extraction(work: Path, text_docs: int, pdf_departments: int) -> dict:
    """budgetkg's reader on text and PDF documents, and pdfplumber's raw speed on the PDFs."""
    import pdfplumber

    from kg.extract.worker import read_isolated
    from kg.synth.corpus import CorpusOptions, write_corpus

    out: dict = {}
    txt = work / "extract_txt"
    write_corpus(CorpusOptions(out=txt, departments=max(1, text_docs // 2), years=range(2023, 2025), seed=3))
    pdf = work / "extract_pdf"
    write_corpus(CorpusOptions(out=pdf, departments=pdf_departments, years=range(2023, 2025), format="pdf", seed=3))
    for name, folder, suffix in (("text", txt, ".txt"), ("pdf", pdf, ".pdf")):
        files = sorted(str(p) for p in folder.iterdir() if p.suffix == suffix)
        for jobs in (1, 2):
            started = time.perf_counter()
            outcomes = list(read_isolated(files, jobs=jobs))
            wall = time.perf_counter() - started
            pages = sum(o.pages for o in outcomes)
            out[f"{name}_jobs{jobs}"] = {"documents": len(files), "read": sum(1 for o in outcomes if o.ok),
                                         "pages": pages, "seconds": round(wall, 2),
                                         "docs_per_s": round(len(files) / wall, 2), "pages_per_s": round(pages / wall, 1),
                                         "cpu_s_per_doc": round(sum(o.cpu_seconds for o in outcomes) / len(files), 3)}
    pdfs = sorted(str(p) for p in pdf.iterdir() if p.suffix == ".pdf")
    started = time.perf_counter()
    pages = 0
    for path in pdfs:
        with pdfplumber.open(path) as doc:
            for page in doc.pages:
                page.extract_text()
                page.extract_tables()
                pages += 1
    wall = time.perf_counter() - started
    out["pdfplumber_raw"] = {"documents": len(pdfs), "pages": pages, "seconds": round(wall, 2),
                             "docs_per_s": round(len(pdfs) / wall, 2), "pages_per_s": round(pages / wall, 1)}
    out["pdf_vs_pdfplumber"] = round(out["pdf_jobs1"]["pages_per_s"] / out["pdfplumber_raw"]["pages_per_s"], 2)
    return out


# ------------------------------------------------------------------ ingest

def corpus(work: Path, size: int) -> Path:
    """``size`` text documents: size/5 departments × 5 years (continuing projects)."""
    from kg.synth.corpus import CorpusOptions, write_corpus

    folder = work / f"corpus_{size}"
    if not folder.exists():
        years = 5 if size >= 5 else 1
        write_corpus(CorpusOptions(out=folder, departments=max(1, size // years), years=range(2021, 2021 + years), seed=7))
    return folder


def ingest(work: Path, folder: Path, label: str, *extra: str) -> tuple[dict, Path]:
    store = work / f"store_{label}"
    shutil.rmtree(store, ignore_errors=True)
    cmd = [str(BIN / "budgetkg"), "ingest", str(folder), "--store", f"oxigraph:{store}", "--progress", *extra]
    result = run_measured(cmd, work / f"ingest_{label}.log")
    documents = sum(1 for p in folder.iterdir() if p.suffix == ".txt")
    result.update(documents=documents, docs_per_s=round(documents / result["seconds"], 2),
                  store_bytes=du(store))
    from kg.store.oxigraph import OxigraphStore

    s = OxigraphStore(str(store))
    try:
        result["triples"] = s.count()
        result["union_triples"] = int(s.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].toPython())
        started = time.perf_counter()
        s.optimize()
        result["compaction_seconds"] = round(time.perf_counter() - started, 1)
    finally:
        s.close()
    result["store_bytes_compacted"] = du(store)
    result["triples_per_doc"] = round(result["triples"] / max(1, documents))
    result["log_tail"] = (work / f"ingest_{label}.log").read_text(errors="replace").splitlines()[-2:]
    return result, store


# ------------------------------------------------------------------ loading

def dump(store_path: Path, target: Path) -> int:
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store_path))
    s.dump(output=str(target), format=ox.RdfFormat.N_QUADS)
    return sum(1 for _ in open(target, "rb"))


def load_memory(nq: Path) -> dict:
    from rdflib import Dataset

    started = time.perf_counter()
    ds = Dataset()
    ds.parse(str(nq), format="nquads")
    wall = time.perf_counter() - started
    return {"seconds": round(wall, 2)}


def load_oxigraph(nq: Path, work: Path) -> dict:
    import pyoxigraph as ox

    target = work / "load_oxigraph"
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    s = ox.Store(str(target))
    s.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    s.flush()
    wall = time.perf_counter() - started
    del s
    size = du(target)
    shutil.rmtree(target, ignore_errors=True)
    return {"seconds": round(wall, 2), "store_bytes": size}


class Virtuoso:
    """A private Virtuoso on 127.0.0.1 (scripts/virtuoso.sh), stopped and deleted on close."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        proc = subprocess.run(["bash", str(REPO / "scripts" / "virtuoso.sh"), "start", str(folder)],
                              capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.strip()[-300:])
        self.endpoint = proc.stdout.strip().splitlines()[-1]
        port = (folder / "sql.port").read_text().strip()
        self.url = f"virtuoso:{self.endpoint}#isql=127.0.0.1:{port}&dir={folder}/load"

    def store(self):
        from kg.store import open_store

        return open_store(self.url)

    def close(self) -> None:
        subprocess.run(["bash", str(REPO / "scripts" / "virtuoso.sh"), "stop", str(self.folder)],
                       capture_output=True, text=True, timeout=180)


def load_virtuoso(nq: Path, virtuoso: Virtuoso) -> dict:
    s = virtuoso.store()
    load_dir = virtuoso.folder / "load"
    load_dir.mkdir(exist_ok=True)
    target = load_dir / "dump.nq"
    shutil.copyfile(nq, target)
    started = time.perf_counter()
    from kg.store.base import UNION_GRAPH

    s.sql(f"ld_add('{target}', '{UNION_GRAPH}'); rdf_loader_run(); checkpoint;")
    wall = time.perf_counter() - started
    target.unlink()
    db = virtuoso.folder / "virtuoso.db"
    return {"seconds": round(wall, 2), "db_bytes": db.stat().st_size if db.exists() else None}


# ------------------------------------------------------------------ queries and questions

def query_bindings(store) -> dict:
    """Parameter values present in the generated graph (the queries' defaults name real departments)."""
    from kg.vocabulary.namespaces import sparql_prefixes

    def first(q: str):
        rows = store.query(sparql_prefixes() + q).rows
        return rows[0][0] if rows else None

    return {k: v for k, v in {
        "name": first("SELECT ?l WHERE { ?p a bkg:Project ; rdfs:label ?l ; bkg:amount ?a } ORDER BY DESC(?a) LIMIT 1"),
        "person": first("SELECT ?n WHERE { ?p bkg:responsiblePerson ?n } LIMIT 1"),
        "dept": first("SELECT ?d WHERE { ?d a bkg:Department } ORDER BY ?d LIMIT 1"),
        "number": first("SELECT ?n WHERE { ?d a bkg:PolicyDocument ; bkg:documentNumber ?n } LIMIT 1"),
    }.items() if v is not None}


def bound_queries(store) -> dict[str, str]:
    from kg.vocabulary.namespaces import sparql_prefixes
    from kg.graph.queries import bind, list_queries

    values = query_bindings(store)
    out = {}
    for q in list_queries():
        text = q.text
        for key in q.params:
            if key in values:
                try:
                    text = bind(text, **{key: values[key]})
                except KeyError:
                    pass
        out[q.name] = sparql_prefixes() + text
    return out


def time_queries(store, queries: dict[str, str], reps: int) -> dict:
    out = {}
    for name, text in queries.items():
        times, rows, error = [], None, None
        for _ in range(reps):
            started = time.perf_counter()
            try:
                result = store.query(text)
                rows = sorted(tuple(str(v) for v in row) for row in result.rows) if result.kind == "select" else result.boolean
            except Exception as exc:  # noqa: BLE001 - reported in the table
                error = " ".join(str(exc).split())[:200]
                break
            times.append(time.perf_counter() - started)
        out[name] = {"median_ms": round(statistics.median(times) * 1000, 1) if times else None,
                     "p95_ms": round(percentile(times, 95) * 1000, 1) if times else None,
                     "rows": len(rows) if isinstance(rows, list) else rows, "error": error, "_rows": rows}
    return out


def _query_child(url: str, text: str, reps: int, out) -> None:
    from kg.store import open_store

    store = open_store(url, read_only=True) if url.startswith("oxigraph:") else open_store(url)
    try:
        out.put(time_queries(store, {"q": text}, reps)["q"])
    finally:
        store.close()


def time_queries_bounded(url: str, queries: dict[str, str], reps: int, timeout: float) -> dict:
    """``time_queries`` with each query's runs in a process of its own, stopped after ``timeout``
    seconds (a query that outgrows the corpus must not stall the benchmark)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    out = {}
    for name, text in queries.items():
        results = ctx.Queue()
        proc = ctx.Process(target=_query_child, args=(url, text, reps, results), daemon=True)
        proc.start()
        try:
            out[name] = results.get(timeout=timeout)
        except Exception:  # noqa: BLE001 - queue.Empty: over the time allowed
            out[name] = {"median_ms": None, "p95_ms": None, "rows": None, "_rows": None,
                         "error": f"stopped after {timeout:g} s"}
        proc.kill()
        proc.join()
    return out


# ------------------------------------------------------------------ report

def table(rows: list[list], head: list[str]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join("—" if v is None else str(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def report(results: dict) -> str:
    out = []
    ex = results.get("extraction")
    if ex:
        out.append("### Extraction (budgetkg's reader in worker processes; pdfplumber raw on the same PDFs)\n")
        rows = [[k, v["documents"], v["pages"], v["seconds"], v["docs_per_s"], v["pages_per_s"], v.get("cpu_s_per_doc")]
                for k, v in ex.items() if isinstance(v, dict)]
        out.append(table(rows, ["reader", "docs", "pages", "s", "docs/s", "pages/s", "CPU s/doc"]))
        out.append(f"\nPDF reading at **{ex['pdf_vs_pdfplumber']}×** pdfplumber's raw pages/s.\n")
    out.append("### Ingest into an empty oxigraph store (text documents, end to end)\n")
    rows = []
    for size, r in results["sizes"].items():
        for label, i in r["ingest"].items():
            rows.append([size, label, i["seconds"], i["docs_per_s"], i["peak_rss_mib"], round(i["store_bytes"] / 2**20, 1),
                         round(i["store_bytes_compacted"] / 2**20, 1), i["triples"], i["triples_per_doc"], i["exit"]])
    out.append(table(rows, ["docs", "how", "wall s", "docs/s", "peak MiB (tree)", "store MiB", "compacted MiB",
                            "triples", "triples/doc", "exit"]))
    out.append("\n### Loading the store's N-Quads dump (triples/s)\n")
    rows = []
    for size, r in results["sizes"].items():
        q = r["load"]["quads"]
        for backend in ("memory", "oxigraph", "virtuoso"):
            v = r["load"].get(backend)
            if v and v.get("seconds"):
                rows.append([size, backend, q, v["seconds"], round(q / v["seconds"]), v.get("note", "")])
            elif v:
                rows.append([size, backend, q, None, None, v.get("note", "")])
    out.append(table(rows, ["docs", "store", "quads", "s", "quads/s", "note"]))
    for size, r in results["sizes"].items():
        out.append(f"\n### Example queries at {size} documents (ms; {r['query_reps']} runs each)\n")
        ox, vi = r["queries"].get("oxigraph", {}), r["queries"].get("virtuoso", {})
        rows = []
        for name, v in ox.items():
            w = vi.get(name, {})
            same = None if not vi else ("yes" if w.get("_rows") == v.get("_rows") else "NO")
            rows.append([name, v["median_ms"], v["p95_ms"], v["rows"], w.get("median_ms"), w.get("p95_ms"), same,
                         v["error"] or w.get("error") or ""])
        out.append(table(rows, ["query", "oxigraph median", "p95", "rows", "virtuoso median", "p95", "same rows", "error"]))
        qs = r.get("questions")
        if qs:
            out.append(f"\nQuestions at {size} documents: pipeline build + first answer {qs['build_and_first_answer_s']} s; "
                       f"{qs['n']} answers, median {qs['median_ms']} ms, p95 {qs['p95_ms']} ms\n")
            rows = [[k, v["n"], v["intent"], v["median_ms"], v["p95_ms"]] for k, v in qs["kinds"].items()]
            out.append(table(rows, ["kind", "n", "intent", "median ms", "p95 ms"]))
    return "\n".join(out)


def strip_private(obj):
    if isinstance(obj, dict):
        return {k: strip_private(v) for k, v in obj.items() if not k.startswith("_")}
    if isinstance(obj, list):
        return [strip_private(v) for v in obj]
    return obj


def queries_only(args) -> int:
    """Query and question figures on stores built before: ``SIZE=PATH[,VIRTUOSO_STORE_URL]``."""
    from kg.store import open_store

    size, _, where = args.queries_only.partition("=")
    path, _, virtuoso_url = where.partition(",")
    s = open_store(f"oxigraph:{path}", read_only=True)
    try:
        queries = bound_queries(s)
    finally:
        s.close()
    r: dict = {"ingest": {}, "load": {"quads": None}, "queries": {}, "query_reps": args.query_reps}
    r["queries"]["oxigraph"] = time_queries_bounded(f"oxigraph:{path}", queries, args.query_reps, args.query_timeout)
    print(report({"sizes": {size: {**r, "questions": None}}}), flush=True)
    if virtuoso_url:
        r["queries"]["virtuoso"] = time_queries_bounded(virtuoso_url, queries, args.query_reps, args.query_timeout)
    print(report({"sizes": {size: {**r, "questions": None}}}), flush=True)
    r["questions"] = time_questions(f"oxigraph:{path}", args.questions_per_kind, args.question_budget)
    results = {"machine": machine(), "sizes": {size: r}}
    Path(args.json).write_text(json.dumps(strip_private(results), ensure_ascii=False, indent=1), encoding="utf-8")
    print(report(results))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--json", default=str(REPO / "bench" / "scale.json"))
    ap.add_argument("--work", default=None, help="working folder (default: a temporary one, removed)")
    ap.add_argument("--text-docs", type=int, default=40)
    ap.add_argument("--pdf-departments", type=int, default=2)
    ap.add_argument("--dask-size", type=int, default=100)
    ap.add_argument("--no-virtuoso", action="store_true")
    ap.add_argument("--no-extraction", action="store_true")
    ap.add_argument("--query-reps", type=int, default=5)
    ap.add_argument("--questions-per-kind", type=int, default=3)
    ap.add_argument("--question-budget", type=float, default=300.0, help="seconds of questions per size at most")
    ap.add_argument("--memory-max-quads", type=int, default=1_500_000)
    ap.add_argument("--query-timeout", type=float, default=120.0, help="seconds for all runs of one query")
    ap.add_argument("--ingest-only", action="store_true",
                    help="per size only the ingest figures (no dump, loads, queries or questions)")
    ap.add_argument("--queries-only", metavar="SIZE=OXIGRAPH_PATH[,VIRTUOSO_URL]",
                    help="only the query and question figures, on stores already built (e.g. by an earlier run)")
    args = ap.parse_args(argv)
    if args.queries_only:
        return queries_only(args)

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="budgetkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
                     "sizes": {}}
    virtuoso = None
    try:
        if not args.no_extraction:
            results["extraction"] = extraction(work, args.text_docs, args.pdf_departments)
            print(report({**results, "sizes": {}}), flush=True)
        for size in [int(s) for s in args.sizes.split(",")]:
            if not args.no_virtuoso and shutil.which("virtuoso-t"):
                virtuoso = Virtuoso(work / f"virtuoso_{size}")  # a fresh instance per size
            folder = corpus(work, size)
            r: dict = {"ingest": {}, "load": {}, "queries": {}}
            ing, store_path = ingest(work, folder, f"{size}_jobs2", "--jobs", "2")
            r["ingest"]["--jobs 2"] = ing
            if size == args.dask_size:
                r["ingest"]["dask-local (2 workers)"] = ingest(work, folder, f"{size}_dask", "--executor", "dask-local")[0]
            if args.ingest_only:
                results["sizes"][str(size)] = r
                Path(args.json).write_text(json.dumps(strip_private(results), ensure_ascii=False, indent=1),
                                           encoding="utf-8")
                print(json.dumps(strip_private(r), ensure_ascii=False), flush=True)
                continue
            nq = work / f"dump_{size}.nq"
            quads = dump(store_path, nq)
            r["load"]["quads"] = quads
            r["load"]["memory"] = load_memory(nq) if quads <= args.memory_max_quads else {
                "note": f"skipped: {quads} quads > {args.memory_max_quads} (rdflib in memory)"}
            r["load"]["oxigraph"] = load_oxigraph(nq, work)
            if virtuoso:
                r["load"]["virtuoso"] = load_virtuoso(nq, virtuoso)
            nq.unlink()
            from kg.store import open_store

            s = open_store(f"oxigraph:{store_path}", read_only=True)
            try:
                queries = bound_queries(s)
            finally:
                s.close()
            r["queries"]["oxigraph"] = time_queries_bounded(f"oxigraph:{store_path}", queries, args.query_reps,
                                                            args.query_timeout)
            if virtuoso:
                r["queries"]["virtuoso"] = time_queries_bounded(virtuoso.url, queries, args.query_reps,
                                                                args.query_timeout)
            r["query_reps"] = args.query_reps
            r["questions"] = time_questions(f"oxigraph:{store_path}", args.questions_per_kind, args.question_budget)
            results["sizes"][str(size)] = r
            if virtuoso:
                virtuoso.close()
                virtuoso = None
            Path(args.json).write_text(json.dumps(strip_private(results), ensure_ascii=False, indent=1), encoding="utf-8")
            print(report({**results, "sizes": {str(size): r}}), flush=True)
    finally:
        if virtuoso:
            virtuoso.close()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    Path(args.json).write_text(json.dumps(strip_private(results), ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.ingest_only:
        print()
        print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
