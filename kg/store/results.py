"""QueryResult -> the standard SPARQL 1.1 result formats (JSON, CSV) and a readable table.

Why here: ``budgetkg sparql``, the web app's SPARQL endpoint and the NLP answers all print results;
the JSON is the W3C "SPARQL 1.1 Query Results JSON Format" so any client can read it.
"""
from __future__ import annotations

import csv
import io
import unicodedata

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.store.base import QueryResult


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
