#!/usr/bin/env python3
"""Question-service latency: prints the figures, never asserts them (machines differ).

    python scripts/bench_questions.py --store oxigraph:PATH [--questions FILE ...] [--rounds N]
    python scripts/bench_questions.py --build PATH      # ingest corpus + realdocs + national first

Three figures, the ones issue 9 sets targets for:
- warm: every question of the files (default: the public examples, the dev sets and any blind
  batch) answered by one in-process pipeline, ``--rounds`` times: median, p95 and max (target p95
  under 100 ms);
- first question on a freshly started ``budgetkg serve`` (the pipeline is built at start-up):
  the time from the server saying it listens to the first answer, and the start-up itself
  (target: first answer under 1 s);
- ``budgetkg ask "问题"`` as a whole process, start to exit (target under 2 s).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def build(path: str) -> str:
    """corpus + realdocs + national ingested into an oxigraph store at ``path`` (as ``budgetkg ingest``)."""
    url = f"oxigraph:{path}"
    folders = [str(SHARED / d) for d in ("corpus", "realdocs", "national") if (SHARED / d).is_dir()]
    subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "--store", url, *folders], cwd=REPO, check=True)
    return url


def questions_of(files: list[str]) -> list[str]:
    out: list[str] = []
    for name in files:
        data = json.loads(Path(name).read_text(encoding="utf-8"))
        out += [q["question"] for q in (data["questions"] if isinstance(data, dict) else data)]
    return out


def warm(store_url: str, questions: list[str], rounds: int) -> None:
    from kg.store import open_store
    from nlp.pipeline import get_pipeline

    store = open_store(store_url, read_only=True)
    t0 = time.perf_counter()
    pipe = get_pipeline(store)
    built = time.perf_counter() - t0
    times: list[float] = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            pipe(q)
            times.append((time.perf_counter() - t) * 1000)
    store.close()
    print(f"pipeline build (once per store): {built * 1000:.0f} ms")
    print(f"warm: {len(times)} answers ({len(questions)} questions x {rounds} rounds)")
    print(f"  median {statistics.median(times):.1f} ms   p95 {percentile(times, 95):.1f} ms   max {max(times):.1f} ms")


def first_question_on_a_fresh_server(store_url: str, question: str, runs: int = 3) -> None:
    from web.testing import ServerProcess

    firsts, starts = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        server = ServerProcess(store_url)
        started = time.perf_counter() - t0
        try:
            t = time.perf_counter()
            with urllib.request.urlopen(f"{server.url}/api/ask?q={urllib.parse.quote(question)}", timeout=60) as r:
                json.load(r)
            firsts.append(time.perf_counter() - t)
            starts.append(started)
        finally:
            server.stop()
    print(f"fresh server ({runs} starts): first answer median {statistics.median(firsts) * 1000:.0f} ms, "
          f"max {max(firsts) * 1000:.0f} ms; start-up (catalogue built) median {statistics.median(starts):.2f} s")


def whole_process(store_url: str, question: str, runs: int = 5) -> None:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg.cli", "ask", question, "--store", store_url], cwd=REPO,
                       capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    print(f"budgetkg ask as a process ({runs} runs): median {statistics.median(times):.2f} s, max {max(times):.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a store URL")
    parser.add_argument("--build", help="ingest corpus + realdocs + national into an oxigraph store at this path")
    parser.add_argument("--questions", nargs="*")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    url = build(args.build) if args.build else args.store
    if not url:
        parser.error("give --store URL or --build PATH")
    files = args.questions or [str(SHARED / "questions" / "examples.json"),
                               *map(str, sorted((REPO / "tests" / "questions").glob("*/*.json")))]
    questions = questions_of(files)
    question = "克州生态环境局2024年的三公经费是多少？"
    warm(url, questions, args.rounds)
    first_question_on_a_fresh_server(url, question)
    whole_process(url, question)
    return 0


if __name__ == "__main__":
    sys.exit(main())
