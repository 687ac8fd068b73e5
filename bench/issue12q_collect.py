#!/usr/bin/env python3
"""Collect issue12q's raw figures (bench/issue12q.json) from the measurement files the session
left under a folder (default /tmp/wtA18_m): one cold ``budgetkg ask`` process a question
(``/usr/bin/time -v`` output, ``uptime`` before and after: ``TAG_qN.time``/``.load``/``.out``,
written by ``bench/cold_asks.sh``) and ``scripts/bench_questions.py --kinds --json`` files.

    python bench/issue12q_collect.py [FOLDER] > bench/issue12q.json
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path


def cold(folder: Path, tag: str, questions: list[str]) -> list[dict]:
    out = []
    for i, q in enumerate(questions, 1):
        time_text = (folder / f"{tag}_q{i}.time").read_text(encoding="utf-8", errors="replace")
        load = (folder / f"{tag}_q{i}.load").read_text().strip().splitlines()
        answer = (folder / f"{tag}_q{i}.out").read_bytes()

        def field(name: str) -> str:
            m = re.search(rf"{re.escape(name)}: (.+)", time_text)
            return m.group(1).strip() if m else ""
        out.append({"question": q, "user_s": float(field("User time (seconds)") or 0),
                    "system_s": float(field("System time (seconds)") or 0),
                    "wall": field("Elapsed (wall clock) time (h:mm:ss or m:ss)"),
                    "max_rss_kb": int(field("Maximum resident set size (kbytes)") or 0),
                    "load_before": load[0].split("average: ")[-1] if load else "",
                    "load_after": load[-1].split("average: ")[-1] if load else "",
                    "answer_sha256": hashlib.sha256(answer).hexdigest()[:16]})
    return out


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/wtA18_m")
    q10k = (folder / "questions_b10k.txt").read_text(encoding="utf-8").splitlines()
    q1k = (folder / "questions_1k.txt").read_text(encoding="utf-8").splitlines()
    runs = {
        "10k_main_stale_catalogue": ("b10k", q10k[:2], "main e8e8fd6, the store's catalogue stale (as found)"),
        "10k_main_stale_catalogue_breakdowns": ("b10kmain", q10k[2:], "main e8e8fd6, catalogue stale"),
        "10k_main": ("m10k", q10k, "main e8e8fd6, catalogue refreshed"),
        "10k_branch": ("f10k", q10k, "issue12q final, catalogue and project texts refreshed"),
        "1k_main": ("m1k", q1k, "main e8e8fd6"),
        "1k_branch": ("f1k", q1k, "issue12q final, project texts built by python -m nlp.topic_index"),
    }
    data = {"cold_asks": {}, "kinds": {}}
    for key, (tag, qs, code) in runs.items():
        if (folder / f"{tag}_q1.time").exists():
            data["cold_asks"][key] = {"code": code, "runs": cold(folder, tag, qs)}
    for name in sorted(folder.glob("kinds_*.json")):
        entry = json.loads(name.read_text(encoding="utf-8"))
        load = folder / (name.stem + ".load")
        if load.exists():
            entry["load"] = load.read_text().strip().splitlines()
        data["kinds"][name.stem] = entry
    refreshes = {}
    for name in ("refresh10k.log", "refresh10k_2.log"):  # the index (and catalogue) refreshed on the 10k store
        path = folder / name
        if path.exists():
            text = path.read_text(encoding="utf-8", errors="replace")
            refreshes[name] = {k: (m.group(1).strip() if (m := re.search(rf"{re.escape(k)}: (.+)", text)) else None)
                               for k in ("User time (seconds)", "Elapsed (wall clock) time (h:mm:ss or m:ss)",
                                         "Maximum resident set size (kbytes)")}
            refreshes[name]["printed"] = [ln for ln in text.splitlines() if ln.startswith(("catalogue", "project texts"))]
    data["refreshes_10k"] = refreshes
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
