"""Running SPARQL with a time limit that really stops the work, and bounded concurrency.

pyoxigraph and rdflib cannot be interrupted inside a thread, so for an on-disk store
(``oxigraph:PATH``) each query runs in a worker *process* that opens the store read-only; when the
limit passes, the parent kills that worker (the work stops), answers 504 and starts a fresh one
later. At most ``workers`` queries run at once; a request that finds them all busy for
``queue_wait`` seconds gets 503, so one expensive query can never stall the server.

Stores that live only in this process (``memory``, or a store object handed to the app by a test
or by ``serve``) cannot be shared with a process: they use :class:`ThreadExecutor`, whose timed-out
thread is abandoned (its slot stays taken until it ends, so concurrency is still bounded).
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from typing import Any, Callable

from web.results import Result, result_from_backend


class QueryError(Exception):
    """A query that failed, with the HTTP status and a short machine-readable kind."""

    def __init__(self, status: int, kind: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.message = message

    def to_dict(self) -> dict:
        return {"error": self.kind, "message": self.message, "status": self.status}


def run_on_store(store: Any, query: str, row_cap: int, union: bool = True) -> Result:
    """Execute on a backend object and read at most ``row_cap`` rows; maps syntax errors to 400."""
    try:
        if type(store).__module__.startswith("pyoxigraph"):
            res = store.query(query, use_default_graph_as_union=union)
        else:
            res = store.query(query)
        return result_from_backend(res, row_cap)
    except SyntaxError as exc:
        raise QueryError(400, "malformed-query", str(exc)) from None
    except QueryError:
        raise
    except Exception as exc:  # noqa: BLE001 - any backend failure is reported, not crashed on
        cause = exc.__cause__
        if type(exc).__name__ in ("ParseException", "ParseError") or isinstance(cause, SyntaxError) or \
                type(cause).__name__ in ("ParseException", "ParseError"):
            raise QueryError(400, "malformed-query", str(exc)) from None
        raise QueryError(500, "query-failed", f"{type(exc).__name__}: {exc}") from None


# ------------------------------------------------------------------ process workers
def _open_readonly(store_url: str) -> Any:
    """The store as a worker sees it: read-only, so a query can never change the graph."""
    path = store_url.split(":", 1)[1] if store_url.startswith("oxigraph:") else store_url
    import pyoxigraph

    return pyoxigraph.Store.read_only(path)


def _worker_main(conn, store_url: str, union: bool) -> None:  # pragma: no cover - child process
    """Child loop: receive (query, row_cap), answer ("ok", Result) or ("error", QueryError args)."""
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        query, row_cap = msg
        try:
            store = _open_readonly(store_url)  # re-opened per query (~10 ms): sees fresh ingests
            result = run_on_store(store, query, row_cap, union)
            del store
            conn.send(("ok", result))
        except QueryError as exc:
            conn.send(("error", (exc.status, exc.kind, exc.message)))
        except Exception as exc:  # noqa: BLE001
            conn.send(("error", (500, "store-unavailable", f"{type(exc).__name__}: {exc}")))


class _Worker:
    def __init__(self, ctx, store_url: str, union: bool) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_url, union), daemon=True,
                                name="budgetkg-sparql-worker")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()


class ProcessExecutor:
    """Queries in killable worker processes against an on-disk oxigraph store."""

    def __init__(self, store_url: str, workers: int = 2, timeout: float = 10.0, row_cap: int = 10000,
                 queue_wait: float = 5.0, union: bool = True) -> None:
        self.store_url = store_url
        self.timeout = timeout
        self.row_cap = row_cap
        self.queue_wait = queue_wait
        self.union = union
        self._ctx = multiprocessing.get_context("spawn")
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()

    def _take(self) -> _Worker:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            w = _Worker(self._ctx, self.store_url, self.union)
            with self._lock:
                self._all.add(w)
            return w

    def _discard(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()

    def execute(self, query: str, timeout: float | None = None, row_cap: int | None = None) -> Result:
        timeout = self.timeout if timeout is None else timeout
        row_cap = self.row_cap if row_cap is None else row_cap
        if not self._slots.acquire(timeout=self.queue_wait):
            raise QueryError(503, "busy", "所有查询槽位都在使用中，请稍后再试 (all query workers are busy)")
        try:
            w = self._take()
            try:
                w.conn.send((query, row_cap))
                # the first query of a fresh worker also pays its start-up (imports)
                if not w.conn.poll(timeout + (3.0 if not getattr(w, "warm", False) else 0.0)):
                    self._discard(w)
                    raise QueryError(504, "timeout",
                                     f"查询超过时间限制 {timeout:g} 秒，已终止 (query stopped after {timeout:g} s)")
                status, payload = w.conn.recv()
                w.warm = True
            except (EOFError, OSError, BrokenPipeError):
                self._discard(w)
                raise QueryError(500, "worker-died", "查询进程意外退出 (the query worker died)") from None
            self._idle.put(w)
            if status == "ok":
                return payload
            raise QueryError(*payload)
        finally:
            self._slots.release()

    def warm_up(self) -> None:
        """Start one worker now so the first request does not pay the start-up."""
        try:
            self.execute("ASK {}", timeout=30)
        except QueryError:
            pass

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            try:
                w.conn.send(None)
            except Exception:  # noqa: BLE001
                pass
            w.kill()


# ------------------------------------------------------------------ in-process threads
class ThreadExecutor:
    """Queries in threads against an in-process store object (memory stores, tests, rdflib)."""

    def __init__(self, store: Any, workers: int = 2, timeout: float = 10.0, row_cap: int = 10000,
                 queue_wait: float = 5.0, union: bool = True,
                 runner: Callable[[Any, str, int, bool], Result] = run_on_store) -> None:
        self.store = store
        self.timeout = timeout
        self.row_cap = row_cap
        self.queue_wait = queue_wait
        self.union = union
        self._runner = runner
        self._slots = threading.BoundedSemaphore(workers)

    def execute(self, query: str, timeout: float | None = None, row_cap: int | None = None) -> Result:
        timeout = self.timeout if timeout is None else timeout
        row_cap = self.row_cap if row_cap is None else row_cap
        if not self._slots.acquire(timeout=self.queue_wait):
            raise QueryError(503, "busy", "所有查询槽位都在使用中，请稍后再试 (all query workers are busy)")
        box: dict = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["result"] = self._runner(self.store, query, row_cap, self.union)
            except BaseException as exc:  # noqa: BLE001
                box["error"] = exc
            finally:
                done.set()
                self._slots.release()  # the slot frees when the work really ends

        threading.Thread(target=work, daemon=True, name="budgetkg-sparql").start()
        if not done.wait(timeout):
            raise QueryError(504, "timeout",
                             f"查询超过时间限制 {timeout:g} 秒 (query abandoned after {timeout:g} s)")
        if "error" in box:
            err = box["error"]
            if isinstance(err, QueryError):
                raise err
            raise QueryError(500, "query-failed", f"{type(err).__name__}: {err}")
        return box["result"]

    def close(self) -> None:
        pass


def make_executor(store_url: str | None, store: Any = None, **kw: Any):
    """The right executor for a store: processes for an on-disk oxigraph store, threads otherwise."""
    if store is None and store_url and store_url.startswith("oxigraph:"):
        path = store_url.split(":", 1)[1]
        if os.path.isdir(path):
            return ProcessExecutor(store_url, **kw)
    if store is None:
        store = open_inprocess_store(store_url)
    return ThreadExecutor(store, **kw)


def open_inprocess_store(store_url: str | None) -> Any:
    """The project's store (``kg.store.open_store``)."""
    from kg.store import open_store

    url = store_url or "memory"
    return open_store(url)


