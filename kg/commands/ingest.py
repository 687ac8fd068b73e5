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
                   help="where stderr is not a terminal, print a status line (documents, pages, errors, rate, "
                        "time left) every few seconds and a summary at the end; on a terminal a progress bar "
                        "and the summary are always shown")
    add_store_argument(p)
    p.add_argument("--force", action="store_true",
                   help="replace stored budgets even with poorer versions, and ingest garbled figures")
    p.add_argument("--reread", action="store_true",
                   help="read every file again, also those whose content is already in the graph")
    p.add_argument("--jobs", type=_jobs, default=1, metavar="N",
                   help="documents read at once, each in a worker process (default 1)")
    p.add_argument("--batch", type=_jobs, default=64, metavar="N",
                   help="documents committed together at most (default 64; the first commits are smaller)")
    p.add_argument("--no-bulk", dest="bulk", action="store_false",
                   help="every batch one SPARQL UPDATE: neither the store's bulk loader into a store holding no "
                        "document yet nor its N-Quads transactions for new documents")
    p.add_argument("--executor", default=None, metavar="EXECUTOR",
                   help="dask://HOST:PORT (a Dask distributed scheduler) or dask-local: read and map the "
                        "documents as Dask tasks writing N-Quads shards, then bulk-load the shards")
    p.add_argument("--shards", default=None, metavar="DIR",
                   help="with --executor: the folder for the N-Quads shards (default: a temporary folder; "
                        "a Dask cluster of several machines needs a folder they all see)")
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
    from kg.commands.progress import make_progress
    from kg.graph.ingest import FAILED, KEPT, LOADED, SKIPPED, IngestOptions, ingest_paths
    from kg.store import StoreError
    from nlp.catalog_store import refresh as refresh_question_catalogue
    from nlp.figure_table import refresh as refresh_figure_table
    from nlp.topic_index import refresh as refresh_project_texts

    options = IngestOptions(limits=limits_from_args(args), jobs=args.jobs, force=args.force, reread=args.reread,
                            batch=args.batch, bulk=args.bulk,
                            after_run=(refresh_question_catalogue, refresh_project_texts,
                                       refresh_figure_table))
    display = make_progress(args.progress)
    quiet_stdout = display is not None and sys.stdout.isatty()  # the bar counts them

    def report(event) -> None:
        if event.kind in (FAILED, KEPT):
            stream = sys.stderr
        elif quiet_stdout and event.kind in (LOADED, SKIPPED):
            return
        else:
            stream = sys.stdout
        if display is not None and stream is sys.stderr:
            display.print(str(event), stream)
        else:
            print(str(event), file=stream, flush=True)

    def progress(tally) -> None:
        if display is not None:
            display.update(tally)

    store = open_store_or_fail(args, "ingest")
    try:
        if args.executor:
            from kg.graph.distributed import ingest_distributed

            summary = ingest_distributed(store, args.paths, args.executor, options, report, progress,
                                         shard_dir=args.shards)
        else:
            summary = ingest_paths(store, args.paths, options, report, progress)
    except StoreError as exc:
        print(f"budgetkg ingest: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # an executor that cannot be reached or understood
        print(f"budgetkg ingest: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if display is not None:
        display.close(summary.tally)
        for line in summary.describe():
            print(f"budgetkg ingest: {line}", file=sys.stderr, flush=True)
    return 0 if summary.ok else 1
