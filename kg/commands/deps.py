"""``budgetkg deps``: projects and the policy documents they rest on, and each document's reach."""
from __future__ import annotations

import argparse

from kg.commands.analytics_common import GRAPH_FORMATS, add_scope_arguments, emit_graph, emit_rows, run_on_store, scope_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deps", help="policy documents and the projects resting on them (ranking or graph)",
                       description="--format table/json/csv: the policy documents ranked by the money "
                                   "resting on them (projects, departments, money-weighted centrality); "
                                   "--graph with graphml/gexf/json/csv: the bipartite network itself.")
    p.add_argument("--graph", action="store_true", help="write the network instead of the ranking")
    add_scope_arguments(p, GRAPH_FORMATS)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analytics.policy import dependency_graph, policy_reach

    def body(select) -> int:
        g = dependency_graph(select, scope_of(args))
        if args.graph or args.format in ("graphml", "gexf"):
            emit_graph(g, args.format)
            return 0
        rows = [[r.label, r.number, r.projects, r.departments, r.money, r.centrality, r.policy]
                for r in policy_reach(g)]
        emit_rows(["policy", "number", "projects", "departments", "money", "centrality", "iri"], rows, args.format)
        return 0

    return run_on_store(args, "deps", body)
