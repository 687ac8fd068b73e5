"""``budgetkg trace``: every path by which money from a funding source reaches projects."""
from __future__ import annotations

import argparse
import sys

from kg.commands.analytics_common import add_scope_arguments, emit_rows, run_on_store, scope_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("trace", help="every path from a funding source to the projects it reaches",
                       description="Paths source → department → subject → project in the flows of "
                                   "one scope, with the amount on each step.")
    p.add_argument("--source", metavar="NAME|IRI", help="a funding source (IRI or part of its name); all when absent")
    add_scope_arguments(p, ("table", "json", "csv"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analytics.flows import flow_graph
    from kg.analytics.trace import resolve, sources, trace

    def body(select) -> int:
        g = flow_graph(select, scope_of(args))
        starts = resolve(g, args.source) if args.source else sources(g)
        if not starts:
            known = "、".join(g.nodes[n]["label"] for n in sources(g)) or "无"
            print(f"budgetkg trace: no funding source {args.source!r} in this scope (sources: {known})",
                  file=sys.stderr)
            return 1
        rows = []
        for s in starts:
            for path in trace(g, s):
                rows.append([" → ".join(path.labels), " → ".join(format(a, "f") for a in path.amounts),
                             path.reaching, path.nodes[-1]])
        emit_rows(["path", "amounts", "reaching", "project"], rows, args.format)
        return 0

    return run_on_store(args, "trace", body)
