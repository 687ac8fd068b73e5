"""``budgetkg audit FILE...``: a readable report of every identity that does not add up."""
from __future__ import annotations

import argparse
import sys

from kg.extract.limits import add_limit_arguments, limits_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="report where a document's own arithmetic does not add up",
                       description="Recompute every arithmetic identity the tables promise (parent = "
                                   "sum of children, 合计 = 基本 + 项目, income = expenditure, the same "
                                   "figure in two tables …) and print the failures per document. The "
                                   "printed figures are never corrected.")
    p.add_argument("paths", nargs="+", metavar="FILE", help="PDF or .txt files, or folders")
    p.add_argument("--all", action="store_true", help="list the checks that pass as well")
    add_limit_arguments(p)
    p.set_defaults(run=run)


def format_report(record, show_all: bool = False) -> str:
    from kg.extract.text_normalize import format_money

    failed = [c for c in record.checks if not c.ok]
    lines = [f"== {', '.join(record.files)}: {record.department} {record.year} {record.kind} "
             f"(金额单位: {record.unit})",
             f"   {len(record.checks)} checks, {len(failed)} failed"]
    for c in record.checks if show_all else failed:
        where = ""
        if c.provenance is not None:
            p = c.provenance
            where = f"  [{p.file} {'p.' + str(p.page) if p.page else ''}{' line ' + str(p.line) if p.line else ''}]"
        diff = ""
        if c.printed is not None:
            diff = f"  差额 {format_money(c.printed - c.expected)}"
        mark = "OK " if c.ok else "FAIL"
        lines.append(f"   {mark} {c.rule:22s} {c.where}: 应为 {format_money(c.expected)}, "
                     f"印为 {format_money(c.printed)}{diff}{where}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from kg.extract.pipeline import extract_paths

    records, failures = extract_paths(args.paths, limits=limits_from_args(args), isolate=True)
    for record in records:
        print(format_report(record, args.all))
    for failure in failures:
        print(str(failure), file=sys.stderr)
    return 1 if failures else 0
