#!/usr/bin/env python3
"""Score a questions file on the real question service; prints a line per miss, the score by kind
and the overall score.

    python scripts/score_questions.py QUESTIONS.json [--store URL | --url http://HOST/api/ask]
                                      [--verbose] [--min 0.9] [--json OUT.json]

Every question goes through ``budgetkg ask --json -`` (one process, the questions on standard
input, as ``../shared/tools/score_answers.py --cmd`` runs it) on ``--store`` (default: the
``BUDGETKG_STORE`` environment variable, else ``oxigraph:./data/store``), or to a running server's
``/api/ask`` with ``--url``. Each reply is judged by ``tests/questions/judge.py``: questions in the
shared layout by the shared scorer's own ``judge``, hand-checked ones by their exact rows. Nothing
is asserted: the figures are printed (and written to ``--json`` for ``bench/QUESTIONS.md``).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.questions.judge import judge, kind_of  # noqa: E402


def ask_cli(questions: list[str], store: str) -> list[dict]:
    cmd = [sys.executable, "-m", "kg.cli", "ask", "--json", "-", "--store", store]
    proc = subprocess.run(cmd, input="\n".join(q.replace("\n", " ") for q in questions) + "\n", cwd=REPO,
                          capture_output=True, text=True, timeout=3600)
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip().startswith("{")]
    if len(lines) != len(questions):
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"expected {len(questions)} JSON lines, got {len(lines)}")
    return [json.loads(ln) for ln in lines]


def ask_url(questions: list[str], url: str) -> list[dict]:
    out = []
    for q in questions:
        with urllib.request.urlopen(f"{url}?q={urllib.parse.quote(q)}", timeout=120) as resp:
            out.append(json.load(resp))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions")
    parser.add_argument("--store", default=os.environ.get("BUDGETKG_STORE", "oxigraph:./data/store"))
    parser.add_argument("--url")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--min", type=float)
    parser.add_argument("--json", help="write the results (score by kind, misses) to this file")
    args = parser.parse_args()
    data = json.loads(Path(args.questions).read_text(encoding="utf-8"))
    cases = data["questions"] if isinstance(data, dict) else data
    start = time.perf_counter()
    replies = ask_url([c["question"] for c in cases], args.url) if args.url else \
        ask_cli([c["question"] for c in cases], args.store)
    elapsed = time.perf_counter() - start
    by_kind: dict[str, list[int]] = {}
    misses = []
    for case, reply in zip(cases, replies):
        ok, why = judge(case, reply)
        row = by_kind.setdefault(kind_of(case), [0, 0])
        row[0] += 1
        row[1] += ok
        if not ok or args.verbose:
            print(f"{'ok  ' if ok else 'MISS'} {case.get('id', '')} [{kind_of(case)}] {case['question']}  {why}")
            if not ok:
                misses.append({"id": case.get("id"), "question": case["question"], "why": why,
                               "text": (reply.get("text") or "")[:300]})
                if args.verbose:
                    print("     text:", (reply.get("text") or "")[:200])
    right = sum(r for _, r in by_kind.values())
    for kind, (n, r) in sorted(by_kind.items()):
        print(f"  {kind:22s} {r}/{n}")
    score = right / len(cases) if cases else 0.0
    print(f"{len(cases)} questions in {elapsed:.1f} s")
    print(f"score: {score:.4f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"file": args.questions, "score": round(score, 4),
                                               "by_kind": {k: {"right": r, "of": n} for k, (n, r) in by_kind.items()},
                                               "misses": misses}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if args.min is not None and score < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
