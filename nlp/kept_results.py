"""The pipeline's ``Graph``: a query text read once per question, and its result kept from one
question to the next while the store is unchanged.

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
  (``KeepingGraph.reading`` still reads a text once within a question).

Bounded: at most ``max_rows`` rows in all (an empty result counting as one), the least recently
used result dropped first; a result larger than an eighth of that is not kept (a store-wide query's
rows: the stored figure table and project index serve those).

Why a subclass here and not in ``nlp.graph``: the stored catalogue, project index and figure table
are fresh only for the digest of the code that converts rows (``nlp/graph.py`` among it); how often
a text is read changes no row, so it lives outside that code and a store built before stays fresh.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager

from kg.store.results import select_values
from nlp.graph import Graph


def store_generation(store) -> Hashable | None:
    """A value that changes whenever the graph ``store`` answers from may have changed, or
    ``None`` where no cheap such value exists (see the module's docstring)."""
    own = getattr(store, "generation", None)
    if callable(own):
        return ("store", own())
    from kg.store.oxigraph import OxigraphStore, store_fingerprint

    if isinstance(store, OxigraphStore) and store.path:
        files = store_fingerprint(store.path)
        return ("oxigraph", id(store.store), files) if files else None
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


class KeepingGraph(Graph):
    """The graph a pipeline reads through (``Pipeline.graph``): inside ``reading()`` — one question —
    a query text is run once, and a text an earlier question ran is served from the results kept
    while the store's generation is unchanged. Outside ``reading()`` every call reads the store."""

    def run(self, sparql: str, log: list[str] | None = None) -> list[dict]:
        """``Graph.run``: the rows of ``sparql`` (logged where ``log`` is given); within a question
        read from the store at most once, handed out as copies (no caller's change to a row reaches
        another's)."""
        memo: dict[str, list[dict]] | None = self.__dict__.get("_memo")
        if memo is None:
            return super().run(sparql, log)
        if log is not None:
            log.append(sparql)
        rows = memo.get(sparql)
        if rows is None:
            kept: KeptResults | None = self.__dict__.get("_kept_now")
            rows = kept.get(sparql) if kept is not None else None
            if rows is None:
                rows = select_values(self.store, sparql)  # as ``Graph.run`` reads it
                if kept is not None:
                    kept.put(sparql, rows)
            memo[sparql] = rows
        return [dict(r) for r in rows]

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One question's reads. Why: a question's executors ask the same rows again — a figure's
        share and its printed share, the figures executor wrapped by the evaluation cells', a part
        and the part computed on it — and half the query time of the slowest tenth of the question
        sets was such repeats, most of the rest texts other questions had run (issue 9). The
        store's generation is checked here, once per question; a query that fails is not kept.
        Not re-entrant: an inner ``reading`` shares the outer one's rows."""
        if "_memo" in self.__dict__:
            yield
            return
        kept = self.__dict__.get("_kept")
        if kept is None:
            kept = self.__dict__["_kept"] = KeptResults()
        self.__dict__["_kept_now"] = kept.at(store_generation(self.store))
        self.__dict__["_memo"] = {}
        try:
            yield
        finally:
            self.__dict__.pop("_memo", None)
            self.__dict__.pop("_kept_now", None)
