"""What the views share: the query executor, the in-process store (for ``nlp`` and updates)."""
from __future__ import annotations

import threading
from typing import Any

from web.executor import QueryError, make_executor
from web.results import Result


class WebContext:
    """Per-app access to the graph. Views call :meth:`select`/:meth:`query`, never a store."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self._executor = None
        self._store = config.get("STORE")
        self._lock = threading.Lock()

    @property
    def executor(self):
        with self._lock:
            if self._executor is None:
                self._executor = make_executor(
                    self.config.get("STORE_URL"), self._store,
                    workers=int(self.config["QUERY_WORKERS"]), timeout=float(self.config["QUERY_TIMEOUT"]),
                    row_cap=int(self.config["ROW_CAP"]), queue_wait=float(self.config["QUEUE_WAIT"]),
                    union=bool(self.config["UNION_DEFAULT_GRAPH"]))
            return self._executor

    def query(self, sparql: str, timeout: float | None = None, row_cap: int | None = None) -> Result:
        """Run any query with the configured limits (raises :class:`QueryError`)."""
        return self.executor.execute(sparql, timeout=timeout, row_cap=row_cap)

    def select(self, sparql: str, **kw: Any) -> list[dict]:
        """SELECT rows as dicts of variable → term tuple (or ``None``)."""
        from web.vocab import sparql_prologue

        return self.query(sparql_prologue() + sparql, **kw).records()

    def answer_store(self) -> Any:
        """The store handed to ``nlp.answer``: the in-process store where there is one, else a
        read-only view whose queries run in the worker processes (time limit, no write lock, so
        ``budgetkg ingest`` can still write while the server runs)."""
        from web.executor import ProcessExecutor

        if isinstance(self.executor, ProcessExecutor):
            with self._lock:
                if getattr(self, "_view", None) is None:
                    self._view = ExecutorStore(self)
                return self._view
        return self.store()

    def store(self) -> Any:
        """The in-process store object (for ``nlp.answer`` and updates), opened on first use."""
        with self._lock:
            if self._store is None:
                from web.executor import open_inprocess_store

                self._store = open_inprocess_store(self.config.get("STORE_URL"))
            return self._store

    def update(self, sparql: str) -> None:
        """Run a SPARQL UPDATE on the writable store (callers check the token first)."""
        store = self.store()
        target = store if hasattr(store, "update") else getattr(store, "store", None)
        if target is None or not hasattr(target, "update"):
            raise QueryError(501, "update-unsupported", "此存储不支持 SPARQL 更新 (the store takes no updates)")
        try:
            target.update(sparql)
        except SyntaxError as exc:
            raise QueryError(400, "malformed-update", str(exc)) from None
        except Exception as exc:  # noqa: BLE001
            raise QueryError(500, "update-failed", f"{type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.close()


class ExecutorStore:
    """The project's store protocol (``query`` → ``kg.store.base.QueryResult`` of rdflib terms),
    answered by the app's query executor: read-only, time-limited."""

    row_cap = 200_000  # the question pipeline reads whole catalogs (every label), not pages

    def __init__(self, ctx: WebContext) -> None:
        self._ctx = ctx
        self.url = f"web:{ctx.config.get('STORE_URL')}"

    def query(self, sparql: str):
        from kg.store.base import QueryResult, StoreError

        try:
            res = self._ctx.query(sparql, row_cap=self.row_cap)
        except QueryError as exc:
            raise StoreError(exc.message) from None
        if res.kind == "ask":
            return QueryResult(kind="ask", boolean=res.boolean)
        if res.kind == "select":
            return QueryResult(kind="select", vars=list(res.variables),
                               rows=[tuple(to_rdflib(t) for t in row) for row in res.rows])
        from web.results import to_rdflib_graph

        return QueryResult(kind="graph", graph=to_rdflib_graph(res))

    def graphs(self) -> list[str]:
        res = self._ctx.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0][1] for row in res.rows if row[0])

    def close(self) -> None:
        pass


def to_rdflib(term):
    """A plain result term as an rdflib term (what the store protocol returns)."""
    if term is None:
        return None
    from rdflib import BNode, Literal, URIRef

    kind, value, dt, lang = term
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if lang:
        return Literal(value, lang=lang)
    if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(dt))
    return Literal(value)
