"""Table parsers, one per table kind, registered by name (``@register("functional_expenditure")``).

STUB: to be completed (see the extraction issue).
"""
from __future__ import annotations

from typing import Callable

from kg.extract.model import Record

TableParser = Callable[["object", Record], None]
PARSERS: dict[str, TableParser] = {}


def register(kind: str) -> Callable[[TableParser], TableParser]:
    def wrap(fn: TableParser) -> TableParser:
        PARSERS[kind] = fn
        return fn
    return wrap


def read_tables(parts, record: Record) -> None:
    """Run the registered parser of every recognised table."""
    for table in parts.tables:
        parser = PARSERS.get(table.kind)
        if parser is not None:
            parser(table, record)
