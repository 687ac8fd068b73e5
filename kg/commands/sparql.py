"""``budgetkg sparql QUERY|@file.rq``: run a SPARQL query on the graph store.

The project prefixes (bkg:, id:, qb:, skos:, prov:, dct:, org:, rdfs:, xsd: …) are declared for
you. The default graph is the union of all documents' graphs. ``--format json`` prints the
standard SPARQL 1.1 Query Results JSON, ``csv`` the SPARQL 1.1 CSV, ``table`` an aligned table.
Exit code 1 when the query fails.
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
    add_store_argument(p)
    p.set_defaults(run=run)


def read_query(arg: str) -> str:
    if arg.startswith("@"):
        with open(arg[1:], encoding="utf-8") as fh:
            return fh.read()
    return arg


def run(args: argparse.Namespace) -> int:
    from kg.rdf.namespaces import sparql_prefixes
    from kg.store import StoreError, open_store
    from kg.store.results import to_csv, to_json, to_table

    try:
        text = read_query(args.query)
    except OSError as exc:
        print(f"budgetkg sparql: {exc}", file=sys.stderr)
        return 2
    try:
        store = open_store(args.store)
    except ValueError as exc:
        print(f"budgetkg sparql: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"budgetkg sparql: {exc}", file=sys.stderr)
        return 1
    try:
        result = store.query(sparql_prefixes() + text)
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
