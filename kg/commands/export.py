"""``budgetkg export``: dump the graph store (all named graphs, or one with --graph).

``nq`` (N-Quads) and ``jsonld`` keep the named graphs (one per document); ``ttl`` merges them
into one Turtle graph; ``fdp`` writes a Fiscal Data Package into OUT_DIR (datapackage.json, the
budget figures and the funding flows as CSV, UTF-8 with BOM; ``kg.graph.fdp``).
"""
from __future__ import annotations

import argparse
import sys

from kg.store import add_store_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="dump the graph as Turtle, N-Quads or JSON-LD",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None)
    p.add_argument("--format", choices=("ttl", "nq", "jsonld", "fdp"), default="ttl")
    p.add_argument("out_dir", nargs="?", metavar="OUT_DIR", help="the folder of a Fiscal Data Package (--format fdp)")
    p.add_argument("--graph", metavar="IRI", help="only this named graph")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_store_argument(p)
    p.set_defaults(run=run)


def export_text(store, fmt: str, graph: str | None = None) -> str:
    from rdflib import Dataset, Graph

    from kg.vocabulary.namespaces import bind_all

    if fmt == "ttl":
        g = Graph()
        bind_all(g)
        for s, p, o, _c in store.quads(graph):
            g.add((s, p, o))
        return g.serialize(format="turtle")
    ds = Dataset()
    bind_all(ds)
    for s, p, o, c in store.quads(graph):
        ds.add((s, p, o, ds.graph(c)))
    return ds.serialize(format="nquads" if fmt == "nq" else "json-ld")


def run(args: argparse.Namespace) -> int:
    from kg.commands.common import open_store_or_fail
    from kg.store import StoreError

    if args.format == "fdp" and not args.out_dir:
        print("budgetkg export: --format fdp needs OUT_DIR (the folder to write the package into)", file=sys.stderr)
        return 2
    store = open_store_or_fail(args, "export", read_only=True)
    if args.format == "fdp":
        from kg.graph.fdp import export_fdp

        try:
            summary = export_fdp(store, args.out_dir)
        except (StoreError, OSError) as exc:
            print(f"budgetkg export: {exc}", file=sys.stderr)
            return 1
        finally:
            store.close()
        print(f"budgetkg export: {summary.figures} figures and {summary.flows} flows written to {summary.folder}")
        return 0
    try:
        text = export_text(store, args.format, args.graph)
    except StoreError as exc:
        print(f"budgetkg export: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0
