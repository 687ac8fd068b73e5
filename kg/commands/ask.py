"""``budgetkg ask "问题"``: answer a Chinese question from the graph.

``--json`` prints one object (question, intent, entities, sparql, answers, text, and the parts of
the question with their frames and the derived figures with their formulas: ``nlp.reply``); ``-``
as the question reads one question per line from standard input and prints one JSON object per
line, building the pipeline (catalogue of names, vocabulary, scorer) once.
"""
from __future__ import annotations

import argparse
import io
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    from kg.store import add_store_argument

    p = sub.add_parser("ask", help="answer a Chinese question from the graph",
                       description="Answer a Chinese question about the budgets in the graph: the "
                                   "answer sentence, the figures with their sources, and the SPARQL "
                                   "that produced them. Use - to read one question per line from "
                                   "standard input (with --json: one JSON object per line).")
    p.add_argument("question", help='the question, or - to read questions from standard input')
    p.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    p.add_argument("--sparql", action="store_true", help="also print the SPARQL (text output)")
    add_store_argument(p)
    p.set_defaults(run=run)


def _human(ans, show_sparql: bool) -> str:
    lines = [ans.text]
    for item in ans.items:
        j = item.to_json()
        figure = f" {j['value']}{j.get('unit') or ''}" if "value" in j else ""
        names = {"target": "指标值", "weight": "权重", "number": "文号", "printed": "印出数", "expected": "应为",
                 "code": "科目编码", "formula": "算式"}
        extra = "，".join(f"{names[k]}：{v}" for k, v in j.items() if k in names)
        where = f"  [{j['source']}]" if j.get("source") else ""
        lines.append(f"  - {j['label']}{figure}{('（' + extra + '）') if extra else ''}{where}")
    if show_sparql and ans.sparql:
        lines.append("SPARQL:")
        lines += ans.sparql
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from kg.commands.common import open_store_or_fail
    from kg.store import StoreError

    store = open_store_or_fail(args, "ask", read_only=True)
    from nlp.pipeline import get_pipeline

    try:
        pipe = get_pipeline(store)
    except StoreError as exc:
        print(f"budgetkg ask: {exc}", file=sys.stderr)
        return 1
    # undecodable bytes on stdin become U+FFFD, never a UnicodeDecodeError
    questions = (io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="\n")
                 if args.question == "-" else [args.question])
    for line in questions:
        question = line.rstrip("\n")
        if args.question == "-" and not question.strip() and not args.json:
            continue
        ans = pipe(question)
        if args.json:
            print(json.dumps(ans.to_json(), ensure_ascii=False, default=str), flush=True)
        else:
            print(_human(ans, args.sparql), flush=True)
    return 0
