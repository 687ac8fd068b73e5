"""``budgetkg sparql QUERY|@file.rq``: run a SPARQL query on the graph store.

The project prefixes (bkg:, id:, qb:, skos:, prov:, dct:, org:, rdfs:, xsd: …) are declared for
you. The default graph is the union of all documents' graphs (but for a fact's provenance — source
location, ``prov:wasDerivedFrom``, ``bkg:printedValue`` — kept in its document's graph only:
``kg.store.union_rule``). ``--format json`` prints the
standard SPARQL 1.1 Query Results JSON, ``csv`` the SPARQL 1.1 CSV, ``table`` an aligned table.
Exit code 1 when the query fails or is refused: ``SERVICE`` (a request to another server) unless
its endpoint is given with ``--allow-service``, and nesting deeper than ``--max-depth``. The store
is opened read-only, so queries run while ``budgetkg ingest`` writes.
"""
from __future__ import annotations

import argparse
import json
import sys

from kg.store import add_store_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sparql", help="run a SPARQL query on the graph store",
                       description=__doc__.split("\n\n", 1)[1] if __doc__ else None)
    p.add_argument("query", metavar="QUERY|@file.rq",
                   help="the query text, or @ and a file holding it (e.g. @ontology/queries/01_projects_by_topic.rq)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--allow-service", action="append", default=[], metavar="IRI",
                   help="an endpoint SERVICE may query (repeatable; none by default)")
    p.add_argument("--max-depth", type=int, default=None, metavar="N",
                   help="deepest nesting of { ( [ accepted (default 64)")
    add_store_argument(p)
    p.set_defaults(run=run)


def read_query(arg: str) -> str:
    if arg.startswith("@"):
        with open(arg[1:], encoding="utf-8") as fh:
            return fh.read()
    return arg


def policy_from_args(args: argparse.Namespace):
    """The guard's policy from ``--allow-service``/``--max-depth`` (a bad value: usage error)."""
    from kg.store.guard import DEFAULT_MAX_DEPTH, QueryPolicy

    try:
        return QueryPolicy(frozenset(args.allow_service),
                           args.max_depth if args.max_depth is not None else DEFAULT_MAX_DEPTH)
    except ValueError as exc:
        print(f"budgetkg sparql: {exc}", file=sys.stderr)
        from kg.commands.common import CommandFailed

        raise CommandFailed(2) from None


def run(args: argparse.Namespace) -> int:
    from kg.commands.common import open_store_or_fail
    from kg.vocabulary.namespaces import sparql_prefixes
    from kg.store import StoreError
    from kg.store.guard import QueryRefused, check_query
    from kg.store.results import to_csv, to_json, to_table

    try:
        text = read_query(args.query)
    except OSError as exc:
        print(f"budgetkg sparql: {exc}", file=sys.stderr)
        return 2
    text = sparql_prefixes() + text
    try:
        check_query(text, policy_from_args(args))  # before any parser: no crash, no outbound request
    except QueryRefused as exc:
        print(f"budgetkg sparql: refused ({exc.kind}): {exc.message}", file=sys.stderr)
        return 1
    store = open_store_or_fail(args, "sparql", read_only=True)
    try:
        result = store.query(text)
    except StoreError as exc:
        print(f"budgetkg sparql: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if result.kind == "graph":
        sys.stdout.write(result.graph.serialize(format="nt" if args.format != "table" else "turtle"))
    elif args.format == "json":
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(to_csv(result))
    else:
        print(to_table(result))
    return 0
