#!/usr/bin/env python3
"""The first questions a freshly started server answers (issue 12): the pipeline built and warmed
as ``budgetkg serve`` does at start (``Pipeline.warm``), then each question once, timed; prints
JSON (seconds). Run it with the code under test on sys.path (from that checkout's directory).

    python bench/warm_first.py [--no-warm] oxigraph:PATH "问题" ...
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))


def main() -> None:
    from kg.store import open_store
    from nlp.pipeline import Pipeline

    args = sys.argv[1:]
    warm = args[0] != "--no-warm"
    args = args if warm else args[1:]
    store = open_store(args[0], read_only=True)
    t = time.perf_counter()
    pipe = Pipeline(store)
    built = time.perf_counter() - t
    t = time.perf_counter()
    if warm:
        pipe.warm()
    warmed = time.perf_counter() - t
    out = {"build_s": round(built, 2), "warm_s": round(warmed, 2), "questions": []}
    for q in args[1:]:
        t = time.perf_counter()
        answer = pipe(q)
        out["questions"].append({"question": q, "s": round(time.perf_counter() - t, 3), "text": answer.text[:80]})
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
