#!/usr/bin/env python3
"""Score a questions file and keep every reply (issue12s equality runs): ``scripts/score_questions.py``
of CODE_DIR run as it is, its replies (``budgetkg ask --json -``, asked once) also written to OUT.jsonl.

    python bench/issue12s_score.py CODE_DIR QUESTIONS.json STORE_URL OUT.jsonl > OUT.score
"""
import importlib.util
import json
import sys
from pathlib import Path

code, questions, store, out = sys.argv[1:5]
sys.path.insert(0, str(Path(code).resolve()))
spec = importlib.util.spec_from_file_location("score_questions", Path(code) / "scripts" / "score_questions.py")
sq = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sq)
ask = sq.ask_cli


def ask_and_keep(qs, url):
    replies = ask(qs, url)
    Path(out).write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in replies),
                         encoding="utf-8")
    return replies


sq.ask_cli = ask_and_keep
sys.argv = ["score_questions.py", questions, "--store", store]
sys.exit(sq.main())
