"""Query results kept by a pipeline from one question to the next while the store is unchanged.

Why: the questions people ask of a store return to the same few budgets, and each question's
executors read the same per-document rows again (a department's figures, its subject rows, its
projects): on the question sets 88 % of the query time of the slowest tenth of the answers was a
text some question had already run (issue 9). A result is kept by its query text, so what a
question reads is byte for byte what the store returned for that text — answers cannot change by
being served from here — and only while the store's *generation* is the one it was read under.

The generation (``store_generation``) is what tells a store changed, cheaply enough to be asked at
the start of every question:
- a store that says so itself (``store.generation()``: the web app's view of the store, whose
  generation moves when its folder changes or the app updated it);
- an oxigraph store on disk: the names, sizes and times of its data files
  (``kg.store.oxigraph.store_fingerprint``, a stat of a few dozen files — the token the web app's
  page cache uses), with the handle the store reads through (a read-only handle sees the store as it
  was opened, and a reopened one sees later writes). Any write — an ingest, a drop, a SPARQL UPDATE,
  by this process or another — changes the files. (The catalogue's *content* fingerprint,
  ``nlp.catalog_store.content_fingerprint``, would miss an update that leaves every document's
  content hash as it was, and costs two queries a question.)
- any other store (in memory, a remote endpoint): none — nothing is kept across questions
  (``Graph.reading`` still reads a text once within a question).

Bounded: at most ``max_rows`` rows in all (an empty result counting as one), the least recently used result dropped first; a result
larger than an eighth of that is not kept (a store-wide query's rows: the stored figure table and
project index serve those).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable


def store_generation(store) -> Hashable | None:
    """A value that changes whenever the graph ``store`` answers from may have changed, or
    ``None`` where no cheap such value exists (see the module's docstring)."""
    own = getattr(store, "generation", None)
    if callable(own):
        return ("store", own())
    path = getattr(store, "path", None)
    handle = getattr(store, "store", None)
    if path and handle is not None and type(store).__name__ == "OxigraphStore":
        from kg.store.oxigraph import store_fingerprint

        files = store_fingerprint(path)
        return ("oxigraph", id(handle), files) if files else None
    return None


class KeptResults:
    """Query text -> rows, least recently used first, for one generation of the store."""

    def __init__(self, max_rows: int = 60_000) -> None:
        self.max_rows = max_rows
        self.generation: Hashable | None = None
        self._items: OrderedDict[str, list[dict]] = OrderedDict()
        self._rows = 0

    def at(self, generation: Hashable | None) -> "KeptResults | None":
        """This cache for ``generation`` — emptied where the store moved since — or ``None`` where
        the generation is unknown (nothing may be kept)."""
        if generation is None:
            self.clear()
            return None
        if generation != self.generation:
            self.clear()
            self.generation = generation
        return self

    def clear(self) -> None:
        self._items.clear()
        self._rows = 0
        self.generation = None

    def get(self, sparql: str) -> list[dict] | None:
        rows = self._items.get(sparql)
        if rows is not None:
            self._items.move_to_end(sparql)
        return rows

    def put(self, sparql: str, rows: list[dict]) -> None:
        if len(rows) > self.max_rows // 8 or sparql in self._items:
            return
        self._items[sparql] = rows
        self._rows += _weight(rows)
        while self._rows > self.max_rows and self._items:
            _, dropped = self._items.popitem(last=False)
            self._rows -= _weight(dropped)

    def __len__(self) -> int:
        return len(self._items)


def _weight(rows: list[dict]) -> int:
    """What a result counts against the bound: its rows, and an empty one as one (so that the
    number of results kept is bounded too)."""
    return max(1, len(rows))
