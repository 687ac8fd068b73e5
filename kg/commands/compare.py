"""``budgetkg compare``: a department year over year, or departments of a kind side by side."""
from __future__ import annotations

import argparse
import sys

from kg.commands.analytics_common import add_scope_arguments, emit_rows, run_on_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="year over year (--department) or peers (--kind)",
                       description="With --department: the department's latest document against the "
                                   "year before (or its narrative's stated changes when only one year is "
                                   "held). With --kind (or nothing): departments whose name contains KIND, "
                                   "on totals, 基本/项目 shares and per-staff 三公/机关运行经费, outliers marked.")
    p.add_argument("--kind", metavar="NAME", help="peers: departments whose name contains NAME")
    add_scope_arguments(p, ("table", "json", "csv"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.analytics.peers import MEASURES, peers
    from kg.analytics.yoy import year_over_year

    def body(select) -> int:
        if args.department and not args.kind:
            y = year_over_year(select, args.department, args.phase or "budget")
            if y.mode == "none":
                print(f"budgetkg compare: nothing to compare for {args.department!r}", file=sys.stderr)
                return 1
            if y.mode == "documents":
                emit_rows(["item", "previous", "current", "change", "percent"],
                          [[f.item, f.previous, f.current, f.change, f.percent] for f in y.figures], args.format)
            else:
                emit_rows(["subject", "previous", "current", "change", "direction", "reason"],
                          [[c.subject, c.previous, c.current, c.amount, c.direction, c.reason] for c in y.stated],
                          args.format)
            return 0
        group = peers(select, args.kind or args.region, args.year, args.phase or "budget")
        emit_rows(["department", "year", *MEASURES, "outliers"],
                  [[p.label, p.year, *(p.values[m] for m in MEASURES), ",".join(p.outliers)] for p in group],
                  args.format)
        return 0

    return run_on_store(args, "compare", body)
