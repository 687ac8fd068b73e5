#!/usr/bin/env python3
"""Whole-store questions generated from the question vocabulary (issue 12, branch issue12t): for every
measure X of the vocabulary 哪个部门的X最多？, 按X给各部门从低到高排个序。, X最少的三个单位是哪些？, and
rankings, listings and counts of every project of every year — the questions a figure table, a
VALUES join or the project index answers, to compare two trees' replies.

    python bench/issue12t_generate.py CODE_DIR STORE_URL > QUESTIONS.txt
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
from kg.store import open_store  # noqa: E402
from nlp.graph import Graph  # noqa: E402
from nlp.vocabulary import vocabulary_from_store  # noqa: E402

store = open_store(sys.argv[2], read_only=True)
vocab = vocabulary_from_store(store)
labels = list(dict.fromkeys(vocab.label(k) for k, m in vocab.measures.items() if m.kind == "item"))
out = []
for x in labels:
    out += [f"哪个部门的{x}最多？", f"按{x}给各部门从低到高排个序。", f"{x}最少的三个单位是哪些？"]
out += ["各部门的财政拨款收入合计从高到低排个序。", "金额最大的三个项目是哪些？", "哪个项目的预算最多？",
        "一共有多少个项目？", "预算最多的十个项目是哪些？", "金额最小的三个项目是哪些？", "项目金额一共多少？"]
for y in sorted({b.year for b in Graph(store).budgets()}):
    out += [f"{y}年金额最大的三个项目是哪些？", f"{y}年有多少个项目？", f"{y}年预算最多的项目是哪个？"]
print("\n".join(out))
