"""Query results as plain, picklable data, and their SPARQL 1.1 serialisations.

Why plain data: queries run in worker processes (so the time limit can really stop them), and
whatever crosses the pipe must pickle; the endpoint, the pages and the JSON API then share one
shape whatever the store backend (pyoxigraph, rdflib, a remote endpoint) produced.

A term is a tuple ``(kind, value, datatype, lang)`` with kind ``uri``, ``bnode`` or ``literal``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Term = tuple  # (kind, value, datatype | None, lang | None)


@dataclass
class Result:
    """One query's outcome: ``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    truncated: bool = False
    row_cap: int | None = None

    def records(self) -> list[dict[str, Term | None]]:
        """SELECT rows as dicts keyed by variable name (what the data functions read)."""
        return [dict(zip(self.variables, row)) for row in self.rows]


# ---------------------------------------------------------------- converting backend terms
def term_from_backend(t) -> Term | None:
    """A pyoxigraph or rdflib term as a plain tuple; ``None`` for an unbound variable."""
    if t is None:
        return None
    cls = type(t).__name__
    if type(t).__module__.startswith("pyoxigraph"):
        if cls == "NamedNode":
            return ("uri", t.value, None, None)
        if cls == "BlankNode":
            return ("bnode", t.value, None, None)
        if cls == "Literal":
            if t.language:
                return ("literal", t.value, RDF_LANGSTRING, t.language)
            return ("literal", t.value, t.datatype.value if t.datatype is not None else XSD_STRING, None)
        return ("literal", str(t), None, None)  # RDF-star quoted triple: shown as text
    if cls == "URIRef":
        return ("uri", str(t), None, None)
    if cls == "BNode":
        return ("bnode", str(t), None, None)
    if cls == "Literal":
        if t.language:
            return ("literal", str(t), RDF_LANGSTRING, t.language)
        return ("literal", str(t), str(t.datatype) if t.datatype is not None else XSD_STRING, None)
    return ("literal", str(t), None, None)


def result_from_backend(res, row_cap: int) -> Result:
    """Read a pyoxigraph or rdflib query result, stopping after ``row_cap`` rows or triples."""
    name = type(res).__name__
    if name == "QueryBoolean" or isinstance(res, bool):
        return Result(kind="ask", boolean=bool(res))
    if name == "QuerySolutions":
        variables = [v.value for v in res.variables]
        rows, truncated = [], False
        for sol in res:
            if len(rows) >= row_cap:
                truncated = True
                break
            rows.append([term_from_backend(sol[i]) for i in range(len(variables))])
        return Result(kind="select", variables=variables, rows=rows, truncated=truncated, row_cap=row_cap)
    if name == "QueryTriples":
        triples, truncated = [], False
        for tr in res:
            if len(triples) >= row_cap:
                truncated = True
                break
            triples.append((term_from_backend(tr.subject), term_from_backend(tr.predicate),
                            term_from_backend(tr.object)))
        return Result(kind="graph", triples=triples, truncated=truncated, row_cap=row_cap)
    if name == "QueryResult" and hasattr(res, "vars"):  # the project's store protocol (kg.store.base)
        if res.kind == "ask":
            return Result(kind="ask", boolean=bool(res.boolean))
        if res.kind == "select":
            rows = [[term_from_backend(t) for t in row] for row in res.rows[:row_cap]]
            return Result(kind="select", variables=list(res.vars), rows=rows,
                          truncated=len(res.rows) > row_cap, row_cap=row_cap)
        triples = [tuple(term_from_backend(x) for x in tr) for tr in list(res.graph or [])[: row_cap + 1]]
        return Result(kind="graph", triples=triples[:row_cap], truncated=len(triples) > row_cap,
                      row_cap=row_cap)
    if name == "Result" or hasattr(res, "type"):  # rdflib
        if res.type == "ASK":
            return Result(kind="ask", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            variables = [str(v) for v in res.vars]
            rows, truncated = [], False
            for sol in res:
                if len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append([term_from_backend(sol[i]) for i in range(len(variables))])
            return Result(kind="select", variables=variables, rows=rows, truncated=truncated, row_cap=row_cap)
        triples = [tuple(term_from_backend(x) for x in tr) for tr in list(res)[: row_cap + 1]]
        truncated = len(triples) > row_cap
        return Result(kind="graph", triples=triples[:row_cap], truncated=truncated, row_cap=row_cap)
    if isinstance(res, dict):  # SPARQL JSON results from a remote endpoint
        return result_from_json(res, row_cap)
    raise TypeError(f"unknown query result type {name}")


def result_from_json(doc: dict, row_cap: int) -> Result:
    """SPARQL 1.1 JSON results (a remote endpoint's answer) as a :class:`Result`."""
    if "boolean" in doc:
        return Result(kind="ask", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows = []
    bindings = doc.get("results", {}).get("bindings", [])
    for b in bindings[:row_cap]:
        row = []
        for v in variables:
            x = b.get(v)
            if x is None:
                row.append(None)
            elif x["type"] == "uri":
                row.append(("uri", x["value"], None, None))
            elif x["type"] == "bnode":
                row.append(("bnode", x["value"], None, None))
            else:
                row.append(("literal", x["value"], x.get("datatype"), x.get("xml:lang")))
        rows.append(row)
    return Result(kind="select", variables=variables, rows=rows, truncated=len(bindings) > row_cap,
                  row_cap=row_cap)


# ---------------------------------------------------------------- serialising
def _json_term(t: Term) -> dict:
    kind, value, dt, lang = t
    d = {"type": kind, "value": value}
    if kind == "literal":
        if lang:
            d["xml:lang"] = lang
        elif dt and dt != XSD_STRING:
            d["datatype"] = dt
    return d


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON; a truncated result says so in ``head.truncated``."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean})
    head: dict = {"vars": result.variables}
    if result.truncated:
        head["truncated"] = True
        head["rowCap"] = result.row_cap
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                for row in result.rows]
    return json.dumps({"head": head, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_xml(result: Result) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out)
    out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    if result.truncated:
        out.append(f'<link href="urn:budgetkg:truncated:{result.row_cap}"/>')
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>")
        for v, t in zip(result.variables, row):
            if t is None:
                continue
            kind, value, dt, lang = t
            if kind == "uri":
                inner = f"<uri>{escape(value)}</uri>"
            elif kind == "bnode":
                inner = f"<bnode>{escape(value)}</bnode>"
            elif lang:
                inner = f"<literal xml:lang={quoteattr(lang)}>{escape(value)}</literal>"
            elif dt and dt != XSD_STRING:
                inner = f"<literal datatype={quoteattr(dt)}>{escape(value)}</literal>"
            else:
                inner = f"<literal>{escape(value)}</literal>"
            out.append(f"<binding name={quoteattr(v)}>{inner}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out)


def to_csv(result: Result) -> str:
    """SPARQL 1.1 CSV: plain values, one header row of variable names."""
    from kg.store.results import csv_text

    if result.kind == "ask":
        return csv_text([], [], bool(result.boolean))
    return csv_text(list(result.variables),
                    [["" if t is None else (("_:" + t[1]) if t[0] == "bnode" else t[1]) for t in row]
                     for row in result.rows])


def _nt_term(t: Term) -> str:
    kind, value, dt, lang = t
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    lit = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") \
        .replace("\r", "\\r").replace("\t", "\\t") + '"'
    if lang:
        return f"{lit}@{lang}"
    if dt and dt != XSD_STRING:
        return f"{lit}^^<{dt}>"
    return lit


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: terms in Turtle/N-Triples syntax, header of ``?var``."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else _nt_term(t) for t in row))
    return "\n".join(lines) + "\n"


def to_ntriples(result: Result) -> str:
    return "".join(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n" for s, p, o in result.triples)


def to_rdflib_graph(result: Result, prefixes: dict[str, str] | None = None):
    """The triples as an rdflib Graph, for Turtle and JSON-LD output."""
    import rdflib

    g = rdflib.Graph()
    for name, ns in (prefixes or {}).items():
        g.bind(name, ns)

    def conv(t: Term):
        kind, value, dt, lang = t
        if kind == "uri":
            return rdflib.URIRef(value)
        if kind == "bnode":
            return rdflib.BNode(value)
        if lang:
            return rdflib.Literal(value, lang=lang)
        return rdflib.Literal(value, datatype=rdflib.URIRef(dt) if dt and dt != XSD_STRING else None)

    for s, p, o in result.triples:
        g.add((conv(s), conv(p), conv(o)))
    return g


def to_turtle(result: Result, prefixes: dict[str, str] | None = None) -> str:
    return to_rdflib_graph(result, prefixes).serialize(format="turtle")


def to_jsonld(result: Result, prefixes: dict[str, str] | None = None) -> str:
    g = to_rdflib_graph(result, prefixes)
    return g.serialize(format="json-ld", context=dict(prefixes or {}), indent=2)


SELECT_FORMATS = {
    "json": ("application/sparql-results+json", to_json),
    "xml": ("application/sparql-results+xml", to_xml),
    "csv": ("text/csv", to_csv),
    "tsv": ("text/tab-separated-values", to_tsv),
}
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}
FORMAT_ALIASES = {
    "json": "json", "srj": "json", "application/sparql-results+json": "json", "application/json": "json",
    "xml": "xml", "srx": "xml", "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/xml": "xml",
    "csv": "csv", "text/csv": "csv",
    "tsv": "tsv", "text/tab-separated-values": "tsv",
    "turtle": "turtle", "ttl": "turtle", "text/turtle": "turtle", "application/x-turtle": "turtle",
    "ntriples": "ntriples", "nt": "ntriples", "n-triples": "ntriples", "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "jsonld": "jsonld", "json-ld": "jsonld", "application/ld+json": "jsonld",
}


def serialize_graph(result: Result, fmt: str, prefixes: dict[str, str] | None = None) -> str:
    if fmt == "ntriples":
        return to_ntriples(result)
    if fmt == "jsonld":
        return to_jsonld(result, prefixes)
    return to_turtle(result, prefixes)
