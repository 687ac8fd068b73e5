#!/usr/bin/env python3
"""The linker's fuzzy ranking of many questions, written out to compare two trees' code (issue 12,
branch issue12t: the candidate index of ``nlp.link.Linker.rank`` must give the same links).

    python bench/link_equality.py CODE_DIR STORE_URL OUT.jsonl QUESTIONS.json|.txt ...

``CODE_DIR`` first on ``sys.path``; the catalogue as the pipeline reads it (stored when fresh, else
built). For every question: its mentions, the ranking ``rank`` gives over the whole question (each
kind: score and IRI, in order) and over each half of it, and the time the linker took (written
apart, so two runs' outputs compare by their ``links`` field alone).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def questions_of(path: str) -> list[str]:
    if path.endswith(".txt"):
        return [q.strip() for q in Path(path).read_text(encoding="utf-8").splitlines() if q.strip()]
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data["questions"] if isinstance(data, dict) else data
    return [q["question"] if isinstance(q, dict) else q for q in items]


def main() -> int:
    code, store_url, out = sys.argv[1:4]
    sys.path.insert(0, str(Path(code).resolve()))
    from kg.store import open_store
    from nlp import catalog_store
    from nlp.link import FUZZY_KINDS, Linker
    from nlp.normalize import Normalizer

    store = open_store(store_url, read_only=True)
    t = time.perf_counter()
    data = catalog_store.start_data(store)
    loaded = time.perf_counter() - t
    linker, normalizer = Linker(data.catalog), Normalizer(data.catalog.latest_year)
    rows, total = [], 0.0
    for path in sys.argv[4:]:
        for q in questions_of(path):
            t = time.perf_counter()
            linked = linker(normalizer(q))
            n = len(linked.question.text)
            ranks = {"all": linked.fuzzy}
            for a, b in ((0, n // 2), (n // 2, n)):
                ranks[f"{a}-{b}"] = linker.rank(linked, (a, b), FUZZY_KINDS)
            took = time.perf_counter() - t
            total += took
            rows.append({"question": q, "ms": round(took * 1000, 2), "links": {
                "mentions": [[m.start, m.end, sorted(e.iri for e in m.entities)] for m in linked.mentions],
                "ranks": {span: {k: [[round(s, 9), e.iri] for s, e in ranked] for k, ranked in r.items()}
                          for span, r in ranks.items()}}})
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    ms = sorted(r["ms"] for r in rows)
    print(f"{len(rows)} questions; catalogue {loaded:.2f} s; linker total {total:.2f} s, median {ms[len(ms) // 2]} ms, "
          f"p95 {ms[int(len(ms) * 0.95)]} ms, max {ms[-1]} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
