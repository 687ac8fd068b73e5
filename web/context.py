"""What the views share: the query pools, the endpoint's admission, the guard, the page cache.

Two pools of query workers, so the public endpoint can never starve the site:

- ``pages`` (``QUERY_WORKERS``): the queries the app itself writes for pages, the JSON API and the
  question pipeline (bounded work);
- ``sparql`` (``SPARQL_WORKERS``, lower CPU priority): whatever callers send to ``/sparql``, admitted
  through :class:`web.admission.FairGate` (per-client limit, fair queue).

Every query and update passes :func:`kg.store.guard.check_query` first (no ``SERVICE``/``LOAD`` to
a non-allow-listed endpoint, bounded nesting). The store is opened read-only everywhere except for
the moment an authorised update writes, so ``budgetkg ingest`` runs while the server does.
"""
from __future__ import annotations

import os
import threading
from typing import Any

from kg.store.guard import QueryPolicy, QueryRefused, check_query
from web.admission import FairGate, retry_after_seconds
from web.cache import GraphCache
from web.executor import QueryError, make_executor, open_inprocess_store
from web.results import Result


class WebContext:
    """Per-app access to the graph. Views call :meth:`select`/:meth:`query`, never a store."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self._store = config.get("STORE")
        self._lock = threading.Lock()
        self._pools: dict[str, Any] = {}
        self._local_generation = 0
        self._view: ExecutorStore | None = None
        self._answer_generation: Any = None
        self.policy = QueryPolicy(frozenset(config.get("SERVICE_ALLOWLIST") or ()),
                                  int(config["MAX_QUERY_DEPTH"]))
        timeout = float(config["QUERY_TIMEOUT"])
        slots, waiting = int(config["SPARQL_WORKERS"]), int(config["SPARQL_QUEUE"])
        # a waiting request is served within ⌈waiting/slots⌉ + 1 time limits (fair order) plus the
        # restarts of killed workers, so it is not refused for waiting unless the server is overloaded
        max_wait = (-(-waiting // slots) + 1) * (timeout + 5.0) + 10.0
        self.gate = FairGate(slots=slots, queue=waiting, per_client=int(config["SPARQL_PER_CLIENT"]),
                             max_wait=max_wait, retry_after=retry_after_seconds(timeout))
        self.cache = GraphCache(self.generation, maxsize=512)  # data functions' results
        self.pages = GraphCache(self.generation, maxsize=256)  # rendered responses (web.render.respond)

    # ------------------------------------------------------------------ stores and pools
    def _on_disk_path(self) -> str | None:
        """The folder of an on-disk oxigraph store served through worker processes, else None."""
        url = self.config.get("STORE_URL") or ""
        if self._store is None and url.startswith("oxigraph:") and os.path.isdir(url.split(":", 1)[1]):
            return url.split(":", 1)[1]
        return None

    def _inprocess(self) -> Any:
        """The store object living in this process (a test's, ``memory``, ``sparql:``)."""
        if self._store is None:
            self._store = open_inprocess_store(self.config.get("STORE_URL"), read_only=False)
        return self._store

    def _pool(self, name: str):
        with self._lock:
            if name not in self._pools:
                cfg = self.config
                workers = int(cfg["QUERY_WORKERS"] if name == "pages" else cfg["SPARQL_WORKERS"])
                store = None if self._on_disk_path() else self._inprocess()
                self._pools[name] = make_executor(
                    cfg.get("STORE_URL"), store, workers=workers, timeout=float(cfg["QUERY_TIMEOUT"]),
                    row_cap=int(cfg["ROW_CAP"]), queue_wait=float(cfg["QUEUE_WAIT"]),
                    union=bool(cfg["UNION_DEFAULT_GRAPH"]),
                    memory_mb=int(cfg["QUERY_MEMORY_MB"]) or None,
                    nice=int(cfg["SPARQL_NICE"]) if name == "sparql" else 0,
                    name=f"bkg-{name}-wkr")
            return self._pools[name]

    @property
    def executor(self):
        """The pages' pool (kept under this name for callers that predate the two pools)."""
        return self._pool("pages")

    def generation(self) -> Any:
        """Changes whenever the graph may have changed (see :mod:`web.cache`)."""
        path = self._on_disk_path()
        if path is not None:
            from kg.store.oxigraph import store_fingerprint

            return store_fingerprint(path)
        return self._local_generation

    def warm_up(self) -> None:
        """Start both pools' workers, then build the question pipeline (``budgetkg serve`` runs
        this in a thread as it starts listening), so first requests do not pay for them."""
        for name in ("pages", "sparql"):
            pool = self._pool(name)
            if hasattr(pool, "warm_up"):
                pool.warm_up()
        from web.data.answer import AnswerUnavailable, question_pipeline

        try:
            question_pipeline(self)
        except AnswerUnavailable:
            pass  # the first question reports it

    # ------------------------------------------------------------------ queries
    def _guard(self, text: str) -> None:
        try:
            check_query(text, self.policy)
        except QueryRefused as exc:
            raise QueryError(400, exc.kind, exc.message) from None

    def query(self, sparql: str, timeout: float | None = None, row_cap: int | None = None) -> Result:
        """Run a query of the app's own (pages, API, questions) with the configured limits
        (raises :class:`QueryError`)."""
        self._guard(sparql)
        return self.executor.execute(sparql, timeout=timeout, row_cap=row_cap)

    def public_query(self, sparql: str, client: str) -> Result:
        """Run a caller's query from ``/sparql`` in the endpoint's own pool, admitted fairly
        (raises :class:`QueryError` or :class:`web.admission.AdmissionRefused`)."""
        self._guard(sparql)
        with self.gate.admit(client or "unknown"):
            return self._pool("sparql").execute(sparql)

    def select(self, sparql: str, **kw: Any) -> list[dict]:
        """SELECT rows as dicts of variable → term tuple (or ``None``)."""
        from web.vocab import sparql_prologue

        return self.query(sparql_prologue() + sparql, **kw).records()

    def answer_store(self) -> Any:
        """The store handed to ``nlp.answer``: the in-process store where there is one, else a
        read-only view whose queries run in the pages' workers (time limit, no write lock). The
        question pipeline cached for it (catalogue of names) is rebuilt when the graph changed."""
        gen = self.cache.current()
        with self._lock:
            if self._on_disk_path() is None:
                store = self._inprocess()
            else:
                if self._view is None:
                    self._view = ExecutorStore(self)
                store = self._view
            if self._answer_generation is not None and gen != self._answer_generation:
                import nlp

                nlp.reset(store)
            self._answer_generation = gen
            return store

    def store(self) -> Any:
        """The in-process store object (``nlp.answer`` on in-process stores, updates)."""
        return self._inprocess()

    def update(self, sparql: str) -> None:
        """Run a SPARQL UPDATE (callers check the token first). An on-disk store is opened for
        writing only for this update, so the write lock is free again when it returns."""
        self._guard(sparql)
        path = self._on_disk_path()
        if path is not None:
            from kg.store import StoreError, open_store

            try:
                target = open_store(self.config["STORE_URL"])
            except StoreError as exc:
                raise QueryError(503, "store-locked", f"存储正被其他进程写入，请稍后再试 ({exc})") from None
        else:
            target = self._inprocess()
        if not hasattr(target, "update"):
            raise QueryError(501, "update-unsupported", "此存储不支持 SPARQL 更新 (the store takes no updates)")
        try:
            target.update(sparql)
        except SyntaxError as exc:
            raise QueryError(400, "malformed-update", str(exc)) from None
        except Exception as exc:  # noqa: BLE001
            raise QueryError(500, "update-failed", f"{type(exc).__name__}: {exc}") from None
        finally:
            if path is not None:
                target.close()
            with self._lock:
                self._local_generation += 1

    def close(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()


class ExecutorStore:
    """The project's store protocol (``query`` → ``kg.store.base.QueryResult`` of rdflib terms),
    answered by the app's query executor: read-only, time-limited."""

    row_cap = 200_000  # the question pipeline reads whole catalogs (every label), not pages
    read_only = True

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

    def generation(self) -> Any:
        """The app's generation of the graph (``WebContext.generation``): what the question
        pipeline keeps of its query results (``nlp.kept_results``) is dropped when it moves."""
        return self._ctx.generation()

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
