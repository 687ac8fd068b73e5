#!/usr/bin/env python3
"""Two sides written by bench/ask_all_s.sh compared (issue12s): the MISS lines of every file, the
score line, and every reply's whole JSON (SPARQL lists included).

    python bench/issue12s_equality.py BASE_DIR MINE_DIR
"""
import glob
import json
import os
import sys

B, M = sys.argv[1], sys.argv[2]
files = replies = identical = miss_b = miss_m = 0
problems = []
for sf in sorted(glob.glob(f"{B}/*.score")):
    b = os.path.basename(sf)[:-6]
    mf = f"{M}/{b}.score"
    if not os.path.getsize(sf) or not os.path.exists(mf) or not os.path.getsize(mf):
        problems.append(f"incomplete {b}")
        continue
    files += 1
    lb, lm = open(sf).read().splitlines(), open(mf).read().splitlines()
    mb, mm = [l for l in lb if l.startswith("MISS")], [l for l in lm if l.startswith("MISS")]
    miss_b += len(mb)
    miss_m += len(mm)
    if mb != mm:
        problems.append(f"MISS lines differ in {b}: {len(mb)} / {len(mm)}")
    sb, sm = [l for l in lb if l.startswith("score:")], [l for l in lm if l.startswith("score:")]
    if sb != sm:
        problems.append(f"score differs in {b}: {sb} / {sm}")
    jb, jm = open(f"{B}/{b}.jsonl").read().splitlines(), open(f"{M}/{b}.jsonl").read().splitlines()
    if len(jb) != len(jm):
        problems.append(f"reply count differs in {b}")
        continue
    for x, y in zip(jb, jm):
        replies += 1
        if x == y:
            identical += 1
        else:
            a, c = json.loads(x), json.loads(y)
            problems.append(f"reply differs in {b}: {a.get('question', '')[:40]} | keys {[k for k in a if a.get(k) != c.get(k)]}")
print(f"files {files}; MISS lines {miss_b} / {miss_m}; replies {replies}, byte-identical {identical}")
for p in problems:
    print(p)
