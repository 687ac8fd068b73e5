"""What the analytics commands (``flows``, ``trace``, ``deps``, ``compare``) share: the scope
options, opening the store read-only, and writing a graph or a table in the asked format."""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import Any, Callable

from kg.store import add_store_argument

GRAPH_FORMATS = ("table", "json", "csv", "graphml", "gexf")


def add_scope_arguments(p: argparse.ArgumentParser, formats: tuple[str, ...] = GRAPH_FORMATS) -> None:
    p.add_argument("--department", metavar="NAME|IRI", help="a department (IRI or part of its name)")
    p.add_argument("--year", metavar="YYYY", help="fiscal year (default: the latest the scope holds)")
    p.add_argument("--phase", choices=("budget", "final"), help="预算 (budget) or 决算 (final)")
    p.add_argument("--region", metavar="NAME", help="departments whose name contains NAME (e.g. 昌吉)")
    p.add_argument("--format", choices=formats, default="table")
    add_store_argument(p)


def scope_of(args: argparse.Namespace):
    from kg.analytics.source import Scope

    return Scope(args.department, args.year, args.phase, args.region)


def run_on_store(args: argparse.Namespace, command: str, body: Callable[[Any], int]) -> int:
    """Open the store read-only, hand ``body`` a Select over it, report a store error in one line."""
    from kg.analytics.source import store_select
    from kg.commands.common import open_store_or_fail
    from kg.store import StoreError

    store = open_store_or_fail(args, command, read_only=True)
    try:
        return body(store_select(store))
    except StoreError as exc:
        print(f"budgetkg {command}: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


def emit_graph(g, fmt: str) -> None:
    from kg.analytics.export import write

    sys.stdout.write(write(g, fmt))
    sys.stdout.write("\n")


def emit_rows(columns: list[str], rows: list[list[Any]], fmt: str) -> None:
    """A table as aligned text, JSON (list of objects; Decimals as exact strings) or CSV with BOM."""
    from kg.analytics.export import BOM

    def text(v: Any) -> str:
        from decimal import Decimal

        return "" if v is None else format(v, "f") if isinstance(v, Decimal) else str(v)

    if fmt == "json":
        print(json.dumps([{c: (text(v) if v is not None else None) for c, v in zip(columns, r)} for r in rows],
                         ensure_ascii=False, indent=1))
    elif fmt == "csv":
        buf = io.StringIO()
        buf.write(BOM)
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(columns)
        w.writerows([[text(v) for v in r] for r in rows])
        sys.stdout.write(buf.getvalue())
    else:
        print("\t".join(columns))
        for r in rows:
            print("\t".join(text(v) for v in r))
