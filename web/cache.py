"""Data-function results kept until the graph changes: pages cost one dictionary look-up.

Why: a page is several queries (labels, figures, provenance) whose answers change only when a
document is ingested, dropped, or an authorised update runs. The cache is keyed by the data
function and its arguments and emptied when the store's *generation* changes: for an on-disk
oxigraph store, the fingerprint of its data files (``kg.store.oxigraph.store_fingerprint``, so an
ingest by another process is noticed on the next request); for a store living in this process, a
counter the app bumps after its own updates. Failures are never cached.

Cached values are shared between requests: callers must not mutate them (views copy before adding
keys).
"""
from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")


class GraphCache:
    """An LRU of at most ``maxsize`` results, valid for one generation of the graph."""

    def __init__(self, generation: Callable[[], Hashable], maxsize: int = 1024) -> None:
        self._generation = generation
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._seen: Hashable = None
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def current(self) -> Hashable:
        """The graph's generation now; empties the cache when it moved."""
        gen = self._generation()
        with self._lock:
            if gen != self._seen:
                self._items.clear()
                self._seen = gen
        return gen

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        gen = self.current()
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
        value = compute()
        with self._lock:
            if self._seen == gen:  # the graph did not change while we computed
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.maxsize:
                    self._items.popitem(last=False)
        return value


def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """Cache a data function ``fn(ctx, *args)`` in ``ctx.cache`` (when the context has one) by
    its name and positional arguments."""
    @functools.wraps(fn)
    def wrapper(ctx: Any, *args: Hashable) -> T:
        cache = getattr(ctx, "cache", None)
        if cache is None:
            return fn(ctx, *args)
        return cache.get((fn.__module__, fn.__qualname__, args), lambda: fn(ctx, *args))

    return wrapper
