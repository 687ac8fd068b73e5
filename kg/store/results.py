"""QueryResult -> the standard SPARQL 1.1 result formats (JSON, CSV) and a readable table.

Why here: ``budgetkg sparql``, the web app's SPARQL endpoint and the NLP answers all print results;
the JSON is the W3C "SPARQL 1.1 Query Results JSON Format" so any client can read it.
"""
from __future__ import annotations

import csv
import io
import unicodedata

from decimal import Decimal
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.store.base import QueryResult

# Plain values: the one row model of everything that computes with query results (the question
# service's answers, the analytics, the benchmarks): IRIs and strings as ``str``, integers as
# ``int``, decimals (and doubles, through their printed form) as exact ``Decimal`` — never float.
# A backend with a fast path (``OxigraphStore.select_values``) builds the same values itself.
_XSD = "http://www.w3.org/2001/XMLSchema#"
DECIMAL_TYPES = frozenset(_XSD + t for t in ("decimal", "double", "float"))
INTEGER_TYPES = frozenset(_XSD + t for t in ("integer", "int", "long", "nonNegativeInteger"))


def plain_literal(text: str, datatype: str | None) -> Any:
    """A literal's printed form and datatype IRI as a plain value (see above)."""
    if datatype in DECIMAL_TYPES:
        return Decimal(text)
    if datatype in INTEGER_TYPES:
        return int(text)
    return text


def plain_value(term: Any) -> Any:
    """An rdflib term as a plain value (see above); ``None`` stays ``None``."""
    if term is None:
        return None
    if isinstance(term, Literal):
        return plain_literal(str(term), str(term.datatype) if term.datatype else None)
    return str(term)


def select_values(store: Any, sparql: str) -> list[dict[str, Any]]:
    """The rows of a SELECT as dicts of plain values, through the store's fast path where it
    has one (no rdflib terms built), else through :func:`plain_value`."""
    fast = getattr(store, "select_values", None)
    if fast is not None:
        return fast(sparql)
    result = store.query(sparql)
    rows = result.dicts() if hasattr(result, "dicts") else [dict(r) for r in result]
    return [{k: plain_value(v) for k, v in r.items()} for r in rows]


def term_json(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    raise TypeError(f"not an RDF term: {term!r}")


def to_json(result: QueryResult) -> dict:
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    if result.kind != "select":
        raise ValueError("JSON results are for SELECT and ASK queries")
    bindings = [{v: term_json(t) for v, t in zip(result.vars, row) if t is not None}
                for row in result.rows]
    return {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}


def csv_text(variables: list[str], rows: list[list[str]], boolean: bool | None = None) -> str:
    """SPARQL 1.1 CSV results from plain cell strings (ASK where ``boolean`` is given); shared by
    the CLI and the web endpoint, whose term representations differ."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if boolean is not None:
        w.writerow(["boolean"])
        w.writerow(["true" if boolean else "false"])
        return buf.getvalue()
    w.writerow(variables)
    w.writerows(rows)
    return buf.getvalue()


def to_csv(result: QueryResult) -> str:
    if result.kind == "ask":
        return csv_text([], [], bool(result.boolean))
    return csv_text(list(result.vars), [["" if t is None else str(t) for t in row] for row in result.rows])


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    return str(term)


def to_table(result: QueryResult) -> str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        return result.graph.serialize(format="turtle") if result.graph is not None else ""
    header = list(result.vars)
    rows = [[_cell(t) for t in row] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
