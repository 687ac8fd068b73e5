"""``budgetkg flows``: the money of one scope (department, year, phase, region) as a graph:
funding sources → department → functional subjects → projects, one year and phase at a time."""
from __future__ import annotations

import argparse
import sys

from kg.commands.analytics_common import add_scope_arguments, emit_graph, run_on_store, scope_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("flows", help="funding flows of a department/year as a graph (table, json, csv, graphml, gexf)",
                       description="Sources → department → functional subjects (类) → projects for one "
                                   "fiscal year and phase (the latest when --year is not given), amounts in "
                                   "万元 exactly as printed. Conservation gaps are reported on stderr.")
    add_scope_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analytics.conservation import conservation
    from kg.analytics.flows import flow_graph, total

    def body(select) -> int:
        g = flow_graph(select, scope_of(args))
        if g.number_of_edges() == 0:
            print("budgetkg flows: no funding flows in this scope", file=sys.stderr)
            return 1
        emit_graph(g, args.format)
        print(f"{g.graph['year']} {g.graph['phase'] or ''}: {total(g):,} 万元 from "
              f"{sum(1 for _, k in g.nodes(data='kind') if k == 'funding')} sources", file=sys.stderr)
        for gap in conservation(g):
            print(f"conservation: {gap.label} receives {gap.inflow} but passes on {gap.outflow} "
                  f"(difference {gap.difference})", file=sys.stderr)
        return 0

    return run_on_store(args, "flows", body)
