"""``budgetkg validate``: check the graph store against the SHACL shapes (ontology/shapes.ttl)
with pySHACL; print every violation, one a line. Exit 1 when the graph does not conform."""
from __future__ import annotations

import argparse
import sys

from kg.store import add_store_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="SHACL-validate the graph store",
                       description=__doc__.split("\n", 1)[0] if __doc__ else None)
    p.add_argument("--limit", type=int, default=200, help="print at most this many violations")
    add_store_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.rdf.validate import validate_store
    from kg.commands.common import open_store_or_fail
    from kg.store import StoreError

    store = open_store_or_fail(args, "validate", read_only=True)
    try:
        violations = validate_store(store)
        triples = store.count()
    except StoreError as exc:
        print(f"budgetkg validate: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    for v in violations[: args.limit]:
        print(v)
    if len(violations) > args.limit:
        print(f"… and {len(violations) - args.limit} more")
    if violations:
        print(f"{len(violations)} SHACL violations in {triples} triples", file=sys.stderr)
        return 1
    print(f"conforms: {triples} triples, no SHACL violations")
    return 0
