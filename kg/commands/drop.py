"""``budgetkg drop DOCUMENT``: remove one document's named graph from the store.

DOCUMENT is the graph IRI (see ``budgetkg stats``), a source file name or path, or the
document's label (e.g. 昌吉回族自治州生态环境局2025年部门预算). Exit 1 when nothing matches.
"""
from __future__ import annotations

import argparse
import sys

from kg.store import add_store_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("drop", help="remove a document's graph from the store",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None)
    p.add_argument("document", metavar="DOCUMENT", help="graph IRI, source file or label")
    add_store_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.graph.stats import resolve_document
    from kg.commands.common import open_store_or_fail
    from kg.store import StoreError

    store = open_store_or_fail(args, "drop")
    try:
        graphs = resolve_document(store, args.document)
        if not graphs:
            print(f"budgetkg drop: no document matches {args.document!r}", file=sys.stderr)
            return 1
        from kg.graph.load import drop_documents

        drop_documents(store, [str(g) for g in graphs])
        for g in graphs:
            print(f"dropped <{g}>")
        return 0
    except StoreError as exc:
        print(f"budgetkg drop: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
