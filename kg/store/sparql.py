"""``sparql:URL``: any SPARQL 1.1 server, through the standard Query and Update protocols.

Why plain HTTP (urllib) and not rdflib's SPARQLStore: the protocol is two form-encoded POSTs, and
doing them directly keeps control of what some servers get wrong (Virtuoso answers XML unless the
Accept header asks for JSON; large INSERT DATA requests hit its SQL text limits). Replacing a
graph loads the new triples in chunks into a staging graph, then swaps it in with ONE update
request (drop the old graph, copy the staging graph, drop the staging graph): if loading fails
halfway the staging graph is dropped and the old graph was never touched.

``sparql:QUERY_URL`` uses the same URL for updates; ``sparql:QUERY_URL,UPDATE_URL`` separates them.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Iterable, Iterator, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.vocabulary.namespaces import BASE
from kg.store.base import (GRAPHS_QUERY, STAGING_PREFIX, UNION_GRAPH, GraphEdit, Quad, QueryResult, StoreError,
                           Triple, edit_updates, is_project_graph, ntriples_lines, refuse_write,
                           union_cleanup)
from kg.store.union_rule import union_filter

CHUNK = 400  # triples per INSERT DATA request (Virtuoso: "generated SQL text exceeded 10000 lines")
ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
          "application/rdf+xml;q=0.5")


def term_from_json(binding: dict) -> Node:
    """One value of the SPARQL 1.1 Query Results JSON format -> an rdflib term."""
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        dt = binding.get("datatype")
        if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(value, datatype=URIRef(dt))
        return Literal(value)
    raise StoreError(f"unexpected SPARQL JSON binding {binding!r}")


def result_from_json(data: dict) -> QueryResult:
    if "boolean" in data:
        return QueryResult(kind="ask", boolean=bool(data["boolean"]))
    names = list(data.get("head", {}).get("vars", []))
    rows = []
    for b in data.get("results", {}).get("bindings", []):
        rows.append(tuple(term_from_json(b[v]) if v in b else None for v in names))
    return QueryResult(kind="select", vars=names, rows=rows)


def skolemized(triples: Iterable[Triple]) -> Iterator[Triple]:
    """Blank nodes -> stable IRIs: Virtuoso refuses blank nodes in INSERT DATA."""
    def fix(term):
        return URIRef(f"{BASE}.well-known/genid/{term}") if isinstance(term, BNode) else term
    for s, p, o in triples:
        yield fix(s), p, fix(o)


class SparqlStore:
    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = 300.0,
                 read_only: bool = False) -> None:
        self.read_only = read_only
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.timeout = timeout
        self.url = f"sparql:{query_url}" + (f",{update_url}" if update_url else "")

    # -- HTTP -----------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str) -> tuple[str, bytes]:
        data = urllib.parse.urlencode(form).encode("utf-8")
        req = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"{url}: HTTP {exc.code}: {' '.join(detail[:3])[:300]}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{url}: {exc}") from exc

    def update(self, sparql: str) -> None:
        refuse_write(self)
        self._post(self.update_url, {"update": sparql}, "*/*")

    def query(self, sparql: str) -> QueryResult:
        """The default graph is the materialised set union of the content graphs
        (``base.union_cleanup``). Virtuoso then answers ``GRAPH ?g`` but not ``GRAPH <iri>``
        patterns: filter on ?g instead (``GRAPH ?g {…} FILTER(?g = <iri>)``)."""
        return self._query(sparql, {"default-graph-uri": UNION_GRAPH})

    def _query(self, sparql: str, extra: dict[str, str] | None = None) -> QueryResult:
        ctype, body = self._post(self.query_url, {"query": sparql, **(extra or {})}, ACCEPT)
        ctype = ctype.split(";")[0].strip().lower()
        if ctype in ("application/sparql-results+json", "application/json"):
            return result_from_json(json.loads(body.decode("utf-8")))
        fmt = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
               "application/rdf+xml": "xml", "application/x-turtle": "turtle"}.get(ctype)
        if fmt is None:
            raise StoreError(f"unexpected response type {ctype!r} from {self.query_url}")
        g = Graph()
        g.parse(data=body.decode("utf-8"), format=fmt)
        return QueryResult(kind="graph", graph=g)

    # -- graphs ---------------------------------------------------------------------------
    def _stage(self, staging: str, triples: Iterable[Triple]) -> None:
        """Insert ``triples`` into the graph ``staging`` in requests of ``CHUNK`` lines (a server
        refuses one request of a whole budget)."""
        chunk: list[str] = []
        for line in ntriples_lines(skolemized(triples)):
            chunk.append(line)
            if len(chunk) >= CHUNK:
                self._insert(staging, chunk)
                chunk = []
        if chunk:
            self._insert(staging, chunk)

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        staging = STAGING_PREFIX + uuid.uuid4().hex
        try:
            self._stage(staging, triples)
            self.update(f"{union_cleanup(graph, UNION_GRAPH)} ;\n"
                        f"DROP SILENT GRAPH <{graph}> ;\n"
                        f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} ;\n"
                        f"INSERT {{ GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{staging}> {{ ?s ?p ?o }} FILTER({union_filter('?s', '?p')}) }} ;\n"
                        f"DROP SILENT GRAPH <{staging}>")
        except BaseException:
            try:
                self.update(f"DROP SILENT GRAPH <{staging}>")
            except StoreError:
                pass
            raise

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None],
                       edits: Mapping[str, GraphEdit] | None = None) -> None:
        """Every new content staged in a graph of its own first; then one update request swaps
        them all in and applies the edits (as atomic as the server makes one request)."""
        staged: dict[str, str | None] = {}
        try:
            for graph, triples in graphs.items():
                if triples is None:
                    staged[graph] = None
                    continue
                staging = STAGING_PREFIX + uuid.uuid4().hex
                staged[graph] = staging
                self._stage(staging, triples)
            parts: list[str] = []
            for graph, staging in staged.items():
                parts.append(union_cleanup(graph, UNION_GRAPH))
                parts.append(f"DROP SILENT GRAPH <{graph}>")
                if staging is not None:
                    parts.append(f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{staging}> {{ ?s ?p ?o }} }}")
                    parts.append(f"INSERT {{ GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{staging}> {{ ?s ?p ?o }} FILTER({union_filter('?s', '?p')}) }}")
                    parts.append(f"DROP SILENT GRAPH <{staging}>")
            for graph, edit in (edits or {}).items():
                parts.extend(edit_updates(graph, GraphEdit(list(skolemized(edit.remove)), list(skolemized(edit.add))),
                                          UNION_GRAPH))
            if parts:
                self.update(" ;\n".join(parts))
        except BaseException:
            for staging in staged.values():
                if staging is not None:
                    try:
                        self.update(f"DROP SILENT GRAPH <{staging}>")
                    except StoreError:
                        pass
            raise

    def _insert(self, graph: str, lines: list[str]) -> None:
        self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n} }")

    def drop_graph(self, graph: str) -> bool:
        existed = self._query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").boolean
        self.update(f"{union_cleanup(graph, UNION_GRAPH)} ;\nDROP SILENT GRAPH <{graph}>")
        return bool(existed)

    def graphs(self) -> list[str]:
        res = self._query(GRAPHS_QUERY)
        return sorted(str(r[0]) for r in res.rows if r[0] is not None and is_project_graph(str(r[0])))

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        for name in ([graph] if graph else self.graphs()):
            res = self._query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            for s, p, o in res.rows:
                yield s, p, o, URIRef(name)

    def count(self, graph: str | None = None) -> int:
        total = 0
        for name in ([graph] if graph else self.graphs()):
            res = self._query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
            total += int(res.rows[0][0].toPython()) if res.rows and res.rows[0][0] is not None else 0
        return total

    def close(self) -> None:
        pass
