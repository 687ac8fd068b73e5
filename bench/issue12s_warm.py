#!/usr/bin/env python3
"""Warm-pipeline latency of given questions, as a server answers them (issue 12, branch issue12s).

    python bench/issue12s_warm.py CODE_DIR STORE_URL QUESTIONS_FILE OUT.json [--profile DIR] [--no-warm]

``CODE_DIR``: the tree whose code answers (this worktree, or a ``git archive`` of another branch),
put first on ``sys.path``. One pipeline is built (``Pipeline.warm`` called, as ``budgetkg serve``
does at start unless ``--no-warm``); every question (one a line) is asked ``--asks`` times (3): the first
answer (the question's shapes met cold) and the second and third (warm). Writes the times, the
load average before and after, and each answer's text (to compare code with code). ``--profile``:
the second ask of each question under cProfile, its statistics written there.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("code")
    parser.add_argument("store")
    parser.add_argument("questions")
    parser.add_argument("out")
    parser.add_argument("--profile")
    parser.add_argument("--no-warm", action="store_true")
    parser.add_argument("--asks", type=int, default=3, help="times each question is asked (default 3)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve()))
    from kg.store import open_store
    from nlp.pipeline import Pipeline

    questions = [q.strip() for q in Path(args.questions).read_text(encoding="utf-8").splitlines() if q.strip()]
    load_start = os.getloadavg()
    store = open_store(args.store, read_only=True)
    t0 = time.perf_counter()
    pipe = Pipeline(store)
    built = time.perf_counter() - t0
    warmed = None
    if not args.no_warm:
        t = time.perf_counter()
        pipe.warm()
        warmed = time.perf_counter() - t
    out = []
    for i, q in enumerate(questions, 1):
        times = []
        text = None
        for k in range(args.asks):
            prof = cProfile.Profile() if (args.profile and k == 1) else None
            t = time.perf_counter()
            if prof:
                prof.enable()
            answer = pipe(q)
            if prof:
                prof.disable()
            times.append(round((time.perf_counter() - t) * 1000, 1))
            text = answer.text
            if prof:
                Path(args.profile).mkdir(parents=True, exist_ok=True)
                with open(Path(args.profile) / f"q{i}.txt", "w", encoding="utf-8") as fh:
                    pstats.Stats(prof, stream=fh).sort_stats("cumulative").print_stats(40)
        out.append({"question": q, "first_ms": times[0], "warm_ms": times[1:], "text": text,
                    "load": os.getloadavg()[0]})
        print(" ".join(f"{t:>9}" for t in times) + f"  {q}  | {text[:80]}", flush=True)
    store.close()
    result = {"code": str(Path(args.code).resolve()), "store": args.store, "pipeline_build_s": round(built, 2),
              "warm_s": round(warmed, 2) if warmed is not None else None, "load_start": load_start,
              "load_end": os.getloadavg(), "questions": out}
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
