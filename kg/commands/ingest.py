"""``budgetkg ingest PATH...``: extract documents and load them into the graph store.

Each budget becomes one named graph; ingesting it again replaces that graph in one step. A file
that cannot be read is reported on stderr (one line) and leaves the store untouched; the exit
code is then 1. ``.json`` files given explicitly are read as saved extraction records
(``budgetkg extract --json`` output, or the gold records) instead of being extracted.
"""
from __future__ import annotations

import argparse
import sys

from kg.store import add_store_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract documents and load them into the graph store",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="PDF or .txt files, folders, or saved records (.json)")
    p.add_argument("--progress", action="store_true",
                   help="print one line per document on stderr as it is read")
    add_store_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.extract.deserialize import load_records
    from kg.extract.pipeline import extract_paths
    from kg.rdf.load import ingest_records
    from kg.commands.common import open_store_or_fail
    from kg.store import StoreError

    json_paths = [p for p in args.paths if p.lower().endswith(".json")]
    doc_paths = [p for p in args.paths if not p.lower().endswith(".json")]
    from kg.commands.common import print_progress

    records, failures = extract_paths(doc_paths, progress=print_progress if args.progress else None) \
        if doc_paths else ([], [])
    failed = [str(f) for f in failures]
    for path in json_paths:
        try:
            records += load_records(path)
        except (OSError, ValueError, KeyError) as exc:
            failed.append(f"{path}: cannot read records ({type(exc).__name__}: {exc})")
    store = open_store_or_fail(args, "ingest")
    try:
        for loaded in ingest_records(store, records, failures=failed):
            r = loaded.record
            print(f"{r.source}: {r.department} {r.year} {r.kind} -> <{loaded.graph}> "
                  f"({loaded.triples} triples)")
    except StoreError as exc:
        print(f"budgetkg ingest: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
        for line in failed:
            print(line, file=sys.stderr)
    return 1 if failed else 0
