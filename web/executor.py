"""Running SPARQL with a time limit that really stops the work, a memory limit, bounded concurrency.

pyoxigraph and rdflib cannot be interrupted inside a thread, so for an on-disk store
(``oxigraph:PATH``) each query runs in a worker *process* that opens the store read-only (no write
lock: ``budgetkg ingest`` may write meanwhile); when the time limit passes, the parent kills that
worker (the work stops), answers 504 and starts a fresh one later. Each worker's address space is
capped (``RLIMIT_AS``): a query that needs more is answered 507 and its worker replaced. At most
``workers`` queries run at once; a request that finds them all busy for ``queue_wait`` seconds gets
503, so one expensive query can never stall the server.

Stores that live only in this process (``memory``, or a store object handed to the app by a test
or by ``serve``) cannot be shared with a process: they use :class:`ThreadExecutor`, whose timed-out
thread is abandoned (its slot stays taken until it ends, so concurrency is still bounded) and which
has no memory limit.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
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
    except (QueryError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - any backend failure is reported, not crashed on
        from kg.store.oxigraph import is_file_race

        if is_file_race(exc):  # the files under a read-only handle changed (a writer compacted them)
            raise QueryError(500, "store-io", f"{type(exc).__name__}: {exc}") from None
        cause = exc.__cause__
        if type(exc).__name__ in ("ParseException", "ParseError") or isinstance(cause, SyntaxError) or \
                type(cause).__name__ in ("ParseException", "ParseError"):
            raise QueryError(400, "malformed-query", str(exc)) from None
        raise QueryError(500, "query-failed", f"{type(exc).__name__}: {exc}") from None


# ------------------------------------------------------------------ process workers
MEMORY_LIMIT_STATUS = 507  # see web/README.md: a server-side limit, like 504, not the client's syntax


def memory_limit_error(memory_mb: int | None) -> QueryError:
    return QueryError(MEMORY_LIMIT_STATUS, "memory-limit",
                      f"查询所需内存超过限制 {memory_mb} MB，已终止 (the query needed more than the "
                      f"{memory_mb} MB a query may use; narrow it or add LIMIT)")


class _OpenStore:
    """The worker's read-only handle on the store, reopened only when a writer changed the folder
    (``store_fingerprint``): reopening replays the write-ahead log, which costs more than most
    page queries, and a handle kept open still sees a snapshot, never a half-written graph."""

    def __init__(self, store_url: str) -> None:
        self.store_url = store_url
        self.path = store_url.split(":", 1)[1]
        self._store = None
        self._seen: tuple = ()

    def get(self, fresh: bool = False):
        from kg.store.oxigraph import store_fingerprint

        now = store_fingerprint(self.path)
        if fresh or self._store is None or now != self._seen:
            self.close()
            from kg.store import open_store

            self._store = open_store(self.store_url, read_only=True)
            self._seen = now
        return self._store.store  # the pyoxigraph store: results stream and stop at the row cap

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _limit_memory(memory_mb: int) -> None:  # pragma: no cover - child process
    """Cap this process's address space at what it uses now plus ``memory_mb``: the budget is what
    one query may allocate, whatever the interpreter and the store libraries reserved at start."""
    import resource

    with open("/proc/self/status") as fh:
        vm = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
    limit = vm * 1024 + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _name_process(name: str) -> None:  # pragma: no cover - child process
    """Show the pool's name in ``ps``/``top`` and ``/proc/PID/comm`` (Linux; ignored elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass


def _worker_main(conn, store_url: str, union: bool, memory_mb: int | None = None,
                 nice: int = 0, name: str = "") -> None:  # pragma: no cover - child process
    """Child loop: receive (query, row_cap), answer ("ok", Result) or ("error", QueryError args).
    Past its memory limit a query fails inside the store library (the process aborts: the parent
    sees it die) or in Python (MemoryError, answered here); either way the parent replaces it."""
    if name:
        _name_process(name)
    if nice:
        os.nice(nice)
    handle = _OpenStore(store_url)
    try:
        handle.get()  # open once before the limit, so the limit measures queries, not start-up
    except Exception:  # noqa: BLE001 - reported with the first query
        pass
    if memory_mb:
        _limit_memory(memory_mb)
    conn.send(("ready", None))  # the parent times queries from here: start-up is not query time
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            handle.close()
            return
        query, row_cap = msg
        try:
            try:
                result = run_on_store(handle.get(), query, row_cap, union)
            except QueryError as exc:
                if exc.kind != "store-io":
                    raise
                # a writer may have compacted files away under the open handle: reopen, retry once
                result = run_on_store(handle.get(fresh=True), query, row_cap, union)
            conn.send(("ok", result))
        except MemoryError:
            result = None
            err = memory_limit_error(memory_mb)
            conn.send(("error", (err.status, err.kind, err.message)))
        except QueryError as exc:
            conn.send(("error", (exc.status, exc.kind, exc.message)))
        except Exception as exc:  # noqa: BLE001
            conn.send(("error", (500, "store-unavailable", f"{type(exc).__name__}: {exc}")))


class _Worker:
    START_TIMEOUT = 60.0  # seconds a fresh worker may take to import and open the store

    def __init__(self, ctx, store_url: str, union: bool, memory_mb: int | None, nice: int,
                 name: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_url, union, memory_mb, nice, name),
                                daemon=True, name=name)
        self.proc.start()
        child.close()
        self.ready = False
        self._kill_lock = threading.Lock()
        self._killed = False

    def wait_ready(self) -> bool:
        """Block until the worker said it is ready (once); False when it did not start."""
        if not self.ready:
            try:
                if self.conn.poll(self.START_TIMEOUT):
                    self.ready = self.conn.recv()[0] == "ready"
            except (EOFError, OSError):
                return False
        return self.ready

    def kill(self) -> None:
        """Kill the process and close its pipe, once. The pool's ``close`` and a background
        start-up thread may both kill the same worker; ``Connection.close`` is not thread-safe
        (two closes of one descriptor raise EBADF), hence the lock."""
        with self._kill_lock:
            if self._killed:
                return
            self._killed = True
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            try:
                self.conn.close()
            except OSError:  # already closed by the other side of the race
                pass


class ProcessExecutor:
    """Queries in killable worker processes against an on-disk oxigraph store.

    ``memory_mb``: each worker's address space is capped at its start-up size plus this much
    (``RLIMIT_AS``); a query past it is answered 507 and its worker replaced. ``nice``: the
    workers' scheduling niceness (the public endpoint's pool runs at a lower priority than the
    pages' pool, so an expensive query never takes the CPU from a page)."""

    def __init__(self, store_url: str, workers: int = 2, timeout: float = 10.0, row_cap: int = 10000,
                 queue_wait: float = 5.0, union: bool = True, memory_mb: int | None = None,
                 nice: int = 0, name: str = "budgetkg-sparql-worker") -> None:
        self.store_url = store_url
        self.timeout = timeout
        self.row_cap = row_cap
        self.queue_wait = queue_wait
        self.union = union
        self.memory_mb = memory_mb
        self.nice = nice
        self.name = name
        self.workers = workers
        self._ctx = multiprocessing.get_context("spawn")
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def _reserve(self, only_if_none_idle: bool) -> _Worker | None:
        """A new worker counted in the pool, if the pool is below its size (workers being started
        count), so the pool never grows past ``workers``; else None."""
        with self._lock:
            if len(self._all) < self.workers and not (only_if_none_idle and not self._idle.empty()):
                w = _Worker(self._ctx, self.store_url, self.union, self.memory_mb, self.nice, self.name)
                self._all.add(w)
                return w
        return None

    def _take(self) -> _Worker:
        """An idle worker, else a new one while the pool is below its size, else the next to be
        idle."""
        w = self._reserve(only_if_none_idle=True)
        if w is not None:
            return w
        try:
            return self._idle.get(timeout=_Worker.START_TIMEOUT)
        except queue.Empty:
            w = self._reserve(only_if_none_idle=False)
            if w is None:
                raise QueryError(503, "busy", "没有可用的查询进程 (no query worker became free)") from None
            return w

    def _discard(self, w: _Worker, replace: bool = True) -> None:
        """Kill ``w``; start its replacement in the background, so the next query finds a ready
        worker instead of paying the start-up (its time limit would otherwise include it). The
        replacement is counted in the pool at once, so no request starts another meanwhile."""
        replacement = None
        with self._lock:
            self._all.discard(w)
            if replace and not self._closed:
                replacement = _Worker(self._ctx, self.store_url, self.union, self.memory_mb, self.nice, self.name)
                self._all.add(replacement)
        w.kill()
        if replacement is not None:
            threading.Thread(target=self._prepare, args=(replacement,), daemon=True,
                             name=f"{self.name}-start").start()

    def _prepare(self, w: _Worker) -> None:
        if w.wait_ready():
            self._idle.put(w)
        else:
            self._discard(w, replace=False)

    def _death(self, w: _Worker) -> QueryError:
        """Why a worker died mid-query: an abort under a memory limit is the limit (Rust aborts on
        a failed allocation), anything else a crash."""
        w.proc.join(5)
        code = w.proc.exitcode
        self._discard(w)
        if self.memory_mb and code == -signal.SIGABRT:
            return memory_limit_error(self.memory_mb)
        return QueryError(500, "worker-died", f"查询进程意外退出 (the query worker died, exit {code})")

    def execute(self, query: str, timeout: float | None = None, row_cap: int | None = None) -> Result:
        timeout = self.timeout if timeout is None else timeout
        row_cap = self.row_cap if row_cap is None else row_cap
        if not self._slots.acquire(timeout=self.queue_wait):
            raise QueryError(503, "busy", "所有查询槽位都在使用中，请稍后再试 (all query workers are busy)")
        try:
            w = self._take()
            if not w.wait_ready():
                self._discard(w, replace=False)
                raise QueryError(503, "worker-start-failed", "查询进程无法启动 (a query worker did not start)")
            try:
                w.conn.send((query, row_cap))
                if not w.conn.poll(timeout):
                    self._discard(w)
                    raise QueryError(504, "timeout",
                                     f"查询超过时间限制 {timeout:g} 秒，已终止 (query stopped after {timeout:g} s)")
                status, payload = w.conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                raise self._death(w) from None
            self._idle.put(w)
            if status == "ok":
                return payload
            raise QueryError(*payload)
        finally:
            self._slots.release()

    def warm_up(self) -> None:
        """Start the missing workers now and wait until they are ready, so that the first requests
        do not pay the start-up; safe to run in a thread while requests arrive."""
        started = []
        while (w := self._reserve(only_if_none_idle=False)) is not None:
            started.append(w)
        for w in started:
            self._prepare(w)

    def pids(self) -> list[int]:
        with self._lock:
            return [w.proc.pid for w in self._all if w.proc.pid]

    def close(self) -> None:
        with self._lock:
            self._closed = True
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
    """The right executor for a store: processes for an on-disk oxigraph store, threads otherwise
    (where ``memory_mb``, ``nice`` and ``name`` have no meaning)."""
    if store is None and store_url and store_url.startswith("oxigraph:"):
        path = store_url.split(":", 1)[1]
        if os.path.isdir(path):
            return ProcessExecutor(store_url, **kw)
    for key in ("memory_mb", "nice", "name"):
        kw.pop(key, None)
    if store is None:
        store = open_inprocess_store(store_url)
    return ThreadExecutor(store, **kw)


def open_inprocess_store(store_url: str | None, read_only: bool = True) -> Any:
    """The project's store (``kg.store.open_store``), read-only unless a writer asks."""
    from kg.store import open_store

    return open_store(store_url or "memory", read_only=read_only)
