"""Two sides written by bench/ask_all.sh compared (issue12r): MISS lines per file, and every reply's
JSON — identical, or identical but for its SPARQL lists (and whether those differ only by the
`policies` FILTER(sameTerm(?x, …)) written VALUES ?x { … }).

    python bench/reply_equality.py BASE_DIR MINE_DIR
"""
import json, glob, os, re, sys
B, M = sys.argv[1], sys.argv[2]
tot = same = same_but_sparql = 0; miss_b = miss_m = 0; files = 0; other = []
sp_diff_kinds = {}
for qf in sorted(glob.glob(f"{B}/*.q")):
    b = os.path.basename(qf)[:-2]
    if not os.path.exists(f"{M}/{b}.score") or not os.path.getsize(f"{M}/{b}.score") or not os.path.getsize(f"{B}/{b}.score"):
        print("incomplete", b); continue
    files += 1
    mb = [l for l in open(f"{B}/{b}.score") if "MISS" in l]; mm = [l for l in open(f"{M}/{b}.score") if "MISS" in l]
    miss_b += len(mb); miss_m += len(mm)
    if mb != mm: print("MISS lines differ", b, len(mb), len(mm))
    sb = [l for l in open(f"{B}/{b}.score") if l.startswith(("score", "Score", "overall", "TOTAL")) or "score" in l.lower()[:20]]
    qs = open(qf).read().splitlines()
    jb = [json.loads(l) for l in open(f"{B}/{b}.jsonl") if l.startswith("{")]
    jm = [json.loads(l) for l in open(f"{M}/{b}.jsonl") if l.startswith("{")]
    assert len(jb) == len(jm) == len(qs), (b, len(jb), len(jm), len(qs))
    for q, x, y in zip(qs, jb, jm):
        tot += 1
        if x == y: same += 1; continue
        def strip(d):
            d = dict(d); sp = [d.pop("sparql", "")]
            if "parts" in d:
                parts = []
                for p in d["parts"]:
                    p = dict(p); v = p.pop("sparql", ""); sp.append(v if isinstance(v, str) else "\n\n".join(v)); parts.append(p)
                d["parts"] = parts
            return d, "\n\n".join(s for s in sp if s)
        xs, a = strip(x); ys, c = strip(y)
        if xs == ys:
            same_but_sparql += 1
            qa, qc = a.split("\n\n"), c.split("\n\n")
            key = "order/same set" if sorted(qa) == sorted(qc) else "differs"
            def norm(s): return re.sub(r"VALUES \?x \{ (.*?) \}\n", r"FILTER(sameTerm(?x, \1))\n", s)
            if [norm(s) for s in qc] == qa or norm(c) == a: key = "VALUES for FILTER only"
            sp_diff_kinds.setdefault(key, []).append(q)
        else:
            other.append((b, q, [k for k in x if x[k] != y.get(k)]))
print(f"files {files}; questions {tot}; identical {same}; identical but SPARQL {same_but_sparql}; other {len(other)}; MISS lines base {miss_b} mine {miss_m}")
for k, v in sp_diff_kinds.items(): print(" sparql:", k, len(v), v[:3])
for o in other[:20]: print(" DIFF", o)
