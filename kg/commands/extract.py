"""``budgetkg extract FILE... --json``: print the extraction records (records.md layout)."""
from __future__ import annotations

import argparse
import sys

from kg.extract.limits import add_limit_arguments, limits_from_args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="read budget documents into exact records",
                       description="Read budget disclosures (PDF or plain-text extractions; files or "
                                   "folders) into typed records. With --json, print them in the "
                                   "layout of shared/spec/records.md: one object for one file, a list "
                                   "for several. Files that cannot be read are reported on stderr, "
                                   "one line each, and make the exit code 1.")
    p.add_argument("paths", nargs="+", metavar="FILE", help="PDF or .txt files, or folders")
    p.add_argument("--json", action="store_true", help="print the records as JSON (default: a summary)")
    p.add_argument("--no-combine", action="store_true",
                   help="do not combine several files of one budget into one record")
    add_limit_arguments(p)
    p.add_argument("--progress", action="store_true",
                   help="print one line per document on stderr as it is read")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="read N documents at once (worker processes; default 1)")
    p.set_defaults(run=run)


def summary_line(record) -> str:
    t = record.totals
    failed = sum(1 for c in record.checks if not c.ok)
    return (f"{' + '.join(record.files)}: {record.department} {record.year} {record.kind} ({record.unit}) "
            f"收支总计 {t.income_total}/{t.expenditure_total}; 功能科目 {len(record.functional_subjects)} "
            f"经济科目 {len(record.economic_subjects)} 项目 {len(record.projects)} "
            f"政策文件 {len(record.policy_documents)}; checks {len(record.checks)} ({failed} failed)")


def run(args: argparse.Namespace) -> int:
    from kg.commands.common import print_progress
    from kg.extract.pipeline import extract_paths
    from kg.extract.serialize import dumps

    records, failures = extract_paths(args.paths, combine=not args.no_combine,
                                      limits=limits_from_args(args), isolate=True, jobs=max(1, args.jobs),
                                      progress=print_progress if args.progress else None)
    if not args.progress:  # the progress lines named them already
        for failure in failures:
            print(str(failure), file=sys.stderr)
    if args.json:
        single = len(args.paths) == 1 and not failures and len(records) == 1 and not _is_dir(args.paths[0])
        if records or not failures:
            print(dumps(records, single=single))
    else:
        for record in records:
            print(summary_line(record))
    return 1 if failures else 0


def _is_dir(path: str) -> bool:
    import os

    return os.path.isdir(path)
