#!/usr/bin/env python3
"""What the materialised union graph costs, and whether oxigraph's own union could replace it.

    .venv/bin/python bench/union.py STORE_PATH --work DIR [--timeout 60] [--json OUT]

The store keeps every document triple twice: in the document's named graph and in the default
graph, which ingest maintains as the *set* union of the documents (``kg.store.base.union_cleanup``
says why: oxigraph's ``use_default_graph_as_union`` is a bag). From an ingested store this
measures, never asserts:
- quads in named graphs and triples in the default graph;
- the size on disk of the same content bulk-loaded into a fresh store with and without the
  default graph (each compacted);
- every ``ontology/queries/*.rq`` (parameters bound as ``bench/scale.py`` binds them) on the store
  with the union, as the project runs them, and on the store without it with oxigraph's union of
  the named graphs as the default graph (``use_default_graph_as_union=True``): time and rows,
  and whether the rows are the same (as lists after sorting: a row repeated is a difference).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def copy_store(source, target: Path, with_default: bool) -> dict:
    """Bulk-load ``source``'s quads into a fresh store at ``target`` (without the default graph
    unless ``with_default``), compact it; its size and quad count."""
    import pyoxigraph as ox

    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    store = ox.Store(str(target))
    quads = (q for q in source.quads_for_pattern(None, None, None)
             if with_default or not isinstance(q.graph_name, ox.DefaultGraph))
    store.bulk_extend(quads)
    store.flush()
    store.optimize()
    seconds = time.perf_counter() - started
    count = len(store)
    del store
    return {"quads": count, "bytes": du(target), "seconds": round(seconds, 1)}


def _child(path: str, text: str, as_union: bool, out) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(path)
    started = time.perf_counter()
    res = store.query(text, use_default_graph_as_union=as_union)
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        rows = sorted(tuple("" if s[n] is None else str(s[n]) for n in names) for s in res)
    else:
        rows = [(str(bool(res)),)]
    out.put({"ms": round((time.perf_counter() - started) * 1000, 1), "rows": rows})


def run(path: Path, text: str, as_union: bool, timeout: float) -> dict:
    """One query in a process of its own, stopped after ``timeout`` s (a bag union can explode)."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    proc = ctx.Process(target=_child, args=(str(path), text, as_union, out), daemon=True)
    proc.start()
    try:
        result = out.get(timeout=timeout)
    except Exception:  # noqa: BLE001 - queue.Empty: over the time allowed
        result = {"ms": None, "rows": None, "error": f"stopped after {timeout:g} s"}
    proc.kill()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> int:
    import pyoxigraph as ox

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", help="an oxigraph store folder built by budgetkg ingest")
    ap.add_argument("--work", required=True)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--json", default=None)
    ap.add_argument("--no-queries", action="store_true", help="only the counts and the sizes")
    args = ap.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    source = ox.Store.read_only(args.store)
    default = sum(1 for _ in source.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    total = len(source)
    result: dict = {"store": args.store, "quads_total": total, "default_graph_triples": default,
                    "named_graph_quads": total - default}
    with_union, without = work / "with_union", work / "without_union"
    result["with_union"] = copy_store(source, with_union, True)
    result["without_union"] = copy_store(source, without, False)
    del source
    print(json.dumps(result, ensure_ascii=False), flush=True)
    if args.no_queries:
        if args.json:
            Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        return 0

    from kg.store import open_store
    from scale import bound_queries

    s = open_store(f"oxigraph:{with_union}", read_only=True)
    try:
        queries = bound_queries(s)
    finally:
        s.close()
    rows = []
    for name, text in queries.items():
        a = run(with_union, text, False, args.timeout)
        b = run(without, text, True, args.timeout)
        same = None if a["rows"] is None or b["rows"] is None else a["rows"] == b["rows"]
        same_set = None if same is None else set(a["rows"]) == set(b["rows"])
        rows.append({"query": name, "union_ms": a["ms"], "union_rows": None if a["rows"] is None else len(a["rows"]),
                     "bag_ms": b["ms"], "bag_rows": None if b["rows"] is None else len(b["rows"]),
                     "same_rows": same, "same_distinct_rows": same_set,
                     "error": a.get("error") or b.get("error")})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    result["queries"] = rows
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print("| query | materialised union ms | rows | oxigraph union (bag) ms | rows | same rows |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        same = "—" if r["same_rows"] is None else ("yes" if r["same_rows"] else
                                                   ("no (same distinct rows)" if r["same_distinct_rows"] else "NO"))
        print(f"| {r['query']} | {r['union_ms']} | {r['union_rows']} | {r['bag_ms']} | {r['bag_rows']} | "
              f"{same}{' — ' + r['error'] if r['error'] else ''} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
