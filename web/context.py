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
