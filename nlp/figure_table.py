"""The figures of every budget, one measure at a time, kept in the store: whole-store comparisons
and rankings read them instead of the graph.

Why: a question comparing or ranking departments on one figure (哪个部门的三公经费最多？,
按一般公共预算拨款的规模给各单位排序) reads that figure of every budget with one store-wide query
(``nlp.sparql.build``: the document a variable). At 10,000 documents that is 10,000+ rows with
their locations through pyoxigraph: 2–4.6 s a question (issue 12, bench/RESULTS.md issue12r), and
no query shape reads them in under 1.5 s.

What is kept: for every measure the question vocabulary knows, the *store-wide figures query*
``nlp.execute.figures`` runs for it (its items as ``fetch_items`` gives them; ``build`` writes the
text) and that query's own result rows, exactly as ``kg.store.results.select_values`` returned
them, in their order. A question's query is served from the table only when its text is one of
those stored, byte for byte; then ``Graph.rows`` converts the stored rows as it converts live ones
(``served``: the same ``Graph``, its ``run`` answering stored texts). So the rows an executor sees —
their first location, their order, ties included — are the graph's own: nothing is re-derived,
and an answer cannot change by being served. Any other query (anchored on one document, another
item set, another focus) reads the graph as before.

Freshness, as the project index (``nlp.topic_index``): the table sits beside the question
catalogue (``kg.store.base.CATALOG_GRAPH``, its own subjects), rebuilt at the end of every ingest
run that committed anything (``refresh``; ``python -m nlp.figure_table --store URL`` on a store
written by older code), and used only while its fingerprint — the catalogue's content fingerprint
(every document graph with its content hashes, the ontology's size) with a digest of this module
and of the code that turns results into values — is the one computed now. A stale, missing or
unreadable table means reading the graph.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import sys
import zlib
from decimal import Decimal
from typing import Iterable

from kg.store.base import CATALOG_GRAPH, ntriples_term
from kg.store.results import select_values
from kg.vocabulary.namespaces import BASE
from nlp.graph import Graph
from nlp.sparql import Constraints, build

log = logging.getLogger(__name__)

_FORMAT = 1
_NODE = CATALOG_GRAPH + "/figure-table"
_FINGERPRINT = BASE + "ontology#figureTableFingerprint"
_QUERY = BASE + "ontology#figureTableQuery"
_ROWS = BASE + "ontology#figureTableRows"
# The code whose output a stored result is: the values ``select_values`` makes of a result
# (``kg.store.oxigraph.python_value``, ``kg.store.results``) and this module's encoding of them.
_CODE = ("nlp/figure_table.py", "kg/store/results.py", "kg/store/oxigraph.py")
_KEPT = 8  # decoded results kept per table (the next question on the same figure reads none)


# ----------------------------------------------------------------------------- which queries
def table_queries(graph: Graph) -> list[str]:
    """The store-wide figures query of every measure of the vocabulary, as ``nlp.execute.figures``
    writes it for a comparison over many budgets (its items as ``fetch_items`` gives them: one bound
    in the pattern, or several joined on their values, ``nlp.sparql``); none where the graph is read
    document by document. (A measure read with others — 财政拨款收入合计 as its three kinds, a
    carry-over with its kinds — was left out while its query filtered the items after reading every
    figure of every budget: minutes at 10,000 documents. As a VALUES join it costs what a one-item
    query does.)"""
    from nlp.execute.figures import fetch_items
    from nlp.vocabulary import vocabulary_from_store

    budgets = graph.budgets()
    if not budgets:
        return []
    vocab = vocabulary_from_store(graph.store)
    keys = [k for k, m in vocab.measures.items() if m.kind == "item"] + ["fiscal_total"]
    texts: list[str] = []
    for key in keys:
        items = fetch_items([key])
        if not items:  # (a measure said in words only reads no item)
            continue
        queries = build("figures", [b.iri for b in budgets], Constraints(items=items), graph_documents=len(budgets))
        if len(queries) == 1 and queries[0].doc is None and queries[0].text not in texts:
            texts.append(queries[0].text)
    return texts


# ----------------------------------------------------------------------------- encoding results
def _cell(value):
    """A result value as JSON keeps it: a Decimal tagged (its exact digits), the plain JSON types
    as they are; anything else cannot be kept (``ValueError``: that query is not stored)."""
    if isinstance(value, Decimal):
        return {"$D": str(value)}
    if value is None or type(value) in (str, int, bool):
        return value
    raise ValueError(f"a result value of type {type(value).__name__} is not kept")


def _uncell(value):
    if isinstance(value, dict):
        return Decimal(value["$D"])
    return value


def encode(rows: list[dict]) -> str:
    """Result rows as one compact literal: the variables once, each row its values in that order,
    JSON, compressed (zlib) and base64 — a result of 10,000 rows is a few hundred kB."""
    names: list[str] = []
    for r in rows:
        for k in r:
            if k not in names:
                names.append(k)
    absent = {"$A": 1}  # a variable a row does not hold (``select_values`` rows may omit unbound ones)
    body = {"format": _FORMAT, "vars": names,
            "rows": [[_cell(r[k]) if k in r else absent for k in names] for r in rows]}
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def decode(text: str) -> list[dict] | None:
    """The rows ``encode`` kept, as ``select_values`` gave them; ``None`` for another format."""
    body = json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))
    if body.get("format") != _FORMAT:
        return None
    names = body["vars"]
    out = []
    for values in body["rows"]:
        row = {}
        for k, v in zip(names, values):
            if isinstance(v, dict) and "$A" in v:
                continue
            row[k] = _uncell(v)
        out.append(row)
    return out


def _same(a: list[dict], b: list[dict]) -> bool:
    """Whether two results are the same rows, values and their types (1 is not True, 1.0 not 1.00)."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if list(x) != list(y):
            return False
        for k, v in x.items():
            w = y[k]
            if type(v) is not type(w) or v != w or (isinstance(v, Decimal) and str(v) != str(w)):
                return False
    return True


# ----------------------------------------------------------------------------- freshness, save, load
def code_digest() -> str:
    """A digest of the source of the modules whose output a stored result is (``nlp.catalog_store.source_digest``)."""
    from nlp.catalog_store import source_digest

    return source_digest(_FORMAT, _CODE)


def fingerprint(store) -> str | None:
    """The table's fingerprint: the question catalogue's content fingerprint with this code's
    digest; ``None`` where a document carries no content hash (nothing proves the graph unchanged)."""
    from nlp.catalog_store import content_fingerprint

    content = content_fingerprint(store)
    return None if content is None else hashlib.sha256(f"{content} {code_digest()}".encode()).hexdigest()


def _node(text: str) -> str:
    return f"{_NODE}/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}"


class FigureTable:
    """The stored results of a store: which query texts it holds (read at once, a few kB), each
    result read and decoded when a question first runs its query, the last ``_KEPT`` kept."""

    def __init__(self, store, nodes: dict[str, str]) -> None:
        self.store = store
        self.nodes = nodes  # query text -> its node in the catalogue graph
        self._results: dict[str, list[dict]] = {}

    def __contains__(self, sparql: str) -> bool:
        return sparql in self.nodes

    def result(self, sparql: str) -> list[dict] | None:
        """The stored rows of ``sparql`` (a new list; the rows themselves are shared, never
        changed by ``Graph``'s conversions), or ``None`` where it is not stored or unreadable."""
        node = self.nodes.get(sparql)
        if node is None:
            return None
        rows = self._results.get(sparql)
        if rows is None:
            try:
                got = select_values(self.store, f"SELECT ?d WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{node}> <{_ROWS}> ?d }} }}")
                rows = decode(got[0]["d"]) if len(got) == 1 else None
            except Exception:  # noqa: BLE001
                log.warning("a stored figure result cannot be read; reading the graph", exc_info=True)
                rows = None
            if rows is None:
                return None
            if len(self._results) >= _KEPT:
                self._results.pop(next(iter(self._results)))
            self._results[sparql] = rows
        return list(rows)


def stored(store) -> FigureTable | None:
    """The stored table when it is fresh, else ``None`` (never raises)."""
    try:
        rows = select_values(store, f"SELECT ?f WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{_NODE}> <{_FINGERPRINT}> ?f }} }}")
        if len(rows) != 1:
            return None
        current = fingerprint(store)
        if current is None or rows[0]["f"] != current:
            return None
        rows = select_values(store, f"SELECT ?n ?q WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?n <{_QUERY}> ?q }} }}")
        return FigureTable(store, {str(r["q"]): str(r["n"]) for r in rows})
    except Exception:  # noqa: BLE001
        log.warning("the stored figure table cannot be read; reading the graph", exc_info=True)
        return None


def stored_texts(store) -> frozenset[str]:
    """The query texts the store's table holds, fresh or not (one light query, no fingerprint): a
    query not among them reads the graph without the table's freshness being checked — a cold
    topic question (a store-wide project query) does not pay that check (0.4–2.8 s at 10,000
    documents)."""
    try:
        rows = select_values(store, f"SELECT ?q WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?n <{_QUERY}> ?q }} }}")
        return frozenset(str(r["q"]) for r in rows)
    except Exception:  # noqa: BLE001
        log.warning("the stored figure table cannot be read; reading the graph", exc_info=True)
        return frozenset()


def _unanchored(sparql: str) -> bool:
    """Whether a query may be a stored one: a store-wide query binds no document IRI to ``?doc``
    (``nlp.sparql.build`` anchors a document's query with ``BIND(<doc> AS ?doc)``)."""
    return " AS ?doc)" not in sparql and "?x bkg:document ?doc" in sparql


class _Served(Graph):
    """The same ``Graph`` (its state shared: budgets, cached look-ups), whose ``run`` answers a
    query the table holds from it. The stored texts are read at the first store-wide query, and the
    table's freshness checked at the first query among them, so a question reading a few
    documents, or a store-wide query of another shape, never pays that check."""

    __slots__ = ("_graph", "_table", "_texts")

    def __init__(self, graph: Graph) -> None:  # noqa: D107 - shares the graph's state, builds nothing
        self.__dict__ = graph.__dict__
        self._graph = graph
        self._table: FigureTable | None | bool = False  # False: not looked for yet
        self._texts: frozenset[str] | None = None

    def texts(self) -> frozenset[str]:
        if self._texts is None:
            self._texts = stored_texts(self.store)
        return self._texts

    def table(self) -> FigureTable | None:
        if self._table is False:
            self._table = stored(self.store)
        return self._table  # type: ignore[return-value]

    def run(self, sparql: str, log: list[str] | None = None) -> list[dict]:
        table = self.table() if _unanchored(sparql) and sparql in self.texts() else None
        rows = table.result(sparql) if table is not None else None
        if rows is None:
            return self._graph.run(sparql, log)
        if log is not None:
            log.append(sparql)
        return rows


def served(graph: Graph) -> Graph:
    """``graph`` reading the stored figure table where it holds a query's result (one view per
    ``Graph``, kept in its state: a pipeline keeps one graph, and its table is checked for
    freshness once)."""
    if isinstance(graph, _Served):
        return graph
    view = graph.__dict__.get("_figure_view")
    if view is None:
        view = graph.__dict__["_figure_view"] = _Served(graph)
    return view


# ----------------------------------------------------------------------------- building
def build_table(store) -> dict[str, str] | None:
    """Every query of ``table_queries`` run on the graph, its result encoded: query text ->
    literal. A result whose values cannot be kept exactly is left out (that query reads the graph)."""
    graph = Graph(store)
    texts = table_queries(graph)
    if not texts:
        return None
    out: dict[str, str] = {}
    for text in texts:
        rows = select_values(store, text)
        try:
            data = encode(rows)
        except ValueError:
            log.warning("a figure result holds a value that cannot be kept; not stored")
            continue
        if not _same(decode(data) or [], rows):
            log.warning("a figure result does not come back as read; not stored")
            continue
        out[text] = data
    return out


def refresh(store) -> bool:
    """Build the table from the graph and store it with its fingerprint, or remove it where none
    can stand (no content hashes, no budgets, a graph read document by document). Run by
    ``budgetkg ingest`` after the question catalogue at the end of a run that committed anything.
    False, changing nothing, where the store takes no SPARQL update."""
    update = getattr(store, "update", None)
    if not callable(update) or getattr(store, "read_only", False):
        return False
    from rdflib import Literal

    clear_nodes = (f"DELETE {{ GRAPH <{CATALOG_GRAPH}> {{ ?n ?p ?o }} }} WHERE {{ GRAPH <{CATALOG_GRAPH}> "
                   f"{{ ?n <{_QUERY}> ?q ; ?p ?o }} }}")
    clear_top = f"DELETE WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{_NODE}> ?p ?o }} }}"
    update(clear_top)
    update(clear_nodes)
    current = fingerprint(store)
    table = build_table(store) if current is not None else None
    if not table:
        return False
    for text, data in table.items():  # one update a result: a few hundred kB each at 10,000 documents
        update(f"INSERT DATA {{ GRAPH <{CATALOG_GRAPH}> {{ <{_node(text)}> <{_QUERY}> {ntriples_term(Literal(text))} ; "
               f"<{_ROWS}> {ntriples_term(Literal(data))} }} }}")
    # the fingerprint last: a run stopped halfway leaves no fingerprint, so no table is used
    update(f"INSERT DATA {{ GRAPH <{CATALOG_GRAPH}> {{ <{_NODE}> <{_FINGERPRINT}> {ntriples_term(Literal(current))} }} }}")
    return True


def main(argv: Iterable[str] | None = None) -> int:
    """``python -m nlp.figure_table --store URL``: build and store the figure table of a store
    written by code that did not (the documents, the catalogue and the project index untouched)."""
    from nlp.catalog_store import refresh_command

    return refresh_command("python -m nlp.figure_table", main.__doc__, refresh, "figure table stored",
                           "no figure table stored (no content hashes, or no budgets)", argv)


if __name__ == "__main__":
    sys.exit(main())
