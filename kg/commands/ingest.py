"""``budgetkg ingest PATH...``: extract documents and load them into the graph store.

Each budget becomes one named graph, committed with everything derived from it in one step, so
the run can be stopped at any moment and run again: files whose content is already in the graph
are skipped as unchanged, the rest are read. Each file is read in a worker process within the
limits below; a file that cannot be read is reported on stderr (one line) and the others go on.
A new version of a budget that reads worse than the stored one (no totals, no tables, …) does not
replace it, and a text whose every figure fails its arithmetic is not ingested: the run says so
and exits 1 (``--force`` overrides). ``.json`` files given explicitly are read as saved
extraction records (``budgetkg extract --json`` output, or the gold records), checked against
the records contract.
"""
from __future__ import annotations

import argparse
import sys

from kg.extract.limits import add_limit_arguments, limits_from_args
from kg.store import add_store_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract documents and load them into the graph store",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="PDF or .txt files, folders, or saved records (.json)")
    p.add_argument("--progress", action="store_true",
                   help="print one line per document on stderr as it is read")
    add_store_argument(p)
    p.add_argument("--force", action="store_true",
                   help="replace stored budgets even with poorer versions, and ingest garbled figures")
    p.add_argument("--reread", action="store_true",
                   help="read every file again, also those whose content is already in the graph")
    p.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="documents read at once (default 1)")
    add_limit_arguments(p)
    p.set_defaults(run=run)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    from kg.commands.common import open_store_or_fail
    from kg.rdf.ingest import FAILED, KEPT, IngestOptions, ingest_paths
    from kg.store import StoreError

    options = IngestOptions(limits=limits_from_args(args), jobs=args.jobs, force=args.force, reread=args.reread)

    def report(event) -> None:
        stream = sys.stderr if event.kind in (FAILED, KEPT) else sys.stdout
        print(str(event), file=stream, flush=True)

    store = open_store_or_fail(args, "ingest")
    try:
        summary = ingest_paths(store, args.paths, options, report)
    except StoreError as exc:
        print(f"budgetkg ingest: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0 if summary.ok else 1
