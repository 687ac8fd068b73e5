"""``budgetkg stats``: what the graph store holds — documents, triples, instances per class."""
from __future__ import annotations

import argparse
import json
import sys

from kg.store import add_store_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="counts per class, documents and triples in the graph store",
                       description="Print the documents (named graphs) with their triples, the "
                                   "number of instances of each class, and the total triples.")
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_store_argument(p)
    p.set_defaults(run=run)


def _short(iri: str) -> str:
    from kg.vocabulary.namespaces import PREFIXES

    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def run(args: argparse.Namespace) -> int:
    from kg.graph.stats import summary
    from kg.commands.common import open_store_or_fail
    from kg.store import StoreError

    store = open_store_or_fail(args, "stats", read_only=True)
    try:
        data = summary(store)
    except StoreError as exc:
        print(f"budgetkg stats: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"store: {data['store']}")
    print(f"documents: {len(data['documents'])}")
    for d in data["documents"]:
        print(f"  {d['label']}  {d['triples']} triples  <{d['graph']}>  {', '.join(d['files'])}")
    print("instances per class:")
    for c in data["classes"]:
        print(f"  {_short(c['class'])}: {c['count']}")
    print(f"triples: {data['triples']} in {data['graphs']} named graphs")
    return 0
