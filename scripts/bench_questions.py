#!/usr/bin/env python3
"""Question latency over the example questions on the corpus graph: prints median and p95.

    python scripts/bench_questions.py [--store URL] [--questions FILE] [--rounds N]

Without --store, the corpus (../shared/corpus) is read by the real extractor into an in-memory
store first. Pipeline construction (catalogue, jieba dictionary, spaCy patterns) is timed
separately: it happens once per store. Latency is printed, never asserted (machines differ).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def corpus_store(corpus: Path):
    from kg.extract.pipeline import extract_paths
    from kg.rdf.load import ingest_records
    from kg.store import open_store

    store = open_store("oxigraph:")
    records, failures = extract_paths([str(corpus)])
    for f in failures:
        print(f"warning: {f}", file=sys.stderr)
    ingest_records(store, records)
    return store


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a store URL (default: the corpus read into memory)")
    parser.add_argument("--questions", default=str(REPO.parent / "shared" / "questions" / "examples.json"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = json.loads(Path(args.questions).read_text(encoding="utf-8"))
    questions = [q["question"] for q in (data["questions"] if isinstance(data, dict) else data)]

    from nlp.pipeline import get_pipeline

    if args.store:
        from kg.store import open_store
        store = open_store(args.store, read_only=True)
    else:
        store = corpus_store(REPO.parent / "shared" / "corpus")
    t0 = time.perf_counter()
    pipe = get_pipeline(store)
    build = time.perf_counter() - t0
    times: list[float] = []
    for _ in range(args.rounds):
        for q in questions:
            t = time.perf_counter()
            pipe(q)
            times.append((time.perf_counter() - t) * 1000)
    print(f"pipeline build: {build * 1000:.0f} ms (once per store)")
    print(f"{len(times)} answers ({len(questions)} questions x {args.rounds} rounds)")
    print(f"median: {statistics.median(times):.1f} ms")
    print(f"p95:    {percentile(times, 95):.1f} ms")
    print(f"max:    {max(times):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
