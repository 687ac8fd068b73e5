"""Documents and records files into a store: what ``budgetkg ingest`` does, as a library.

The promises, each kept by one mechanism:
- **Every document within limits.** Each file is checked by ``os.stat`` first (FIFOs, devices,
  unreadable or oversized files are refused by name) and read in a worker process of its own
  under ``ReadLimits`` (``kg.extract.worker``); a failure is one line and the run goes on.
- **Resumable.** Each batch of budgets is committed together with the graphs derived from it,
  in one store call (``kg.graph.load.commit_documents``, or ``commit_new_documents`` for a batch of
  new graphs into a store that holds documents; the bulk loader into an empty store writes the
  hashes last instead), and each graph records the sha256 of the files it was read from. A file
  whose hash is already in the store is "skipped as unchanged", so a run killed at any moment,
  run again, redoes nothing it committed.
- **Nothing good lost.** A new version of a budget replaces the stored one only when it lacks
  nothing the stored one has (identity, totals, tables: ``kg.extract.quality``); a text whose
  every figure fails its arithmetic is not ingested at all. Otherwise the run says why it kept
  the stored graph and fails; ``force`` overrides both.
- **Records files are input too.** A ``.json`` file is checked against the records contract
  (``kg.extract.deserialize.read_records_file``) and refused by name when it breaks it.

Budgets published as several files (a narrative PDF and a tables PDF) are combined as
``extract`` combines them; a file of a budget committed earlier in the run, or stored and
skipped as unchanged, is read again so the combined graph never loses its companion's part.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from kg.extract.combine import combine_records, same_budget
from kg.extract.deserialize import RecordsError, read_records_file
from kg.extract.errors import ExtractionError
from kg.extract.limits import DEFAULT_LIMITS, ReadLimits, check_path
from kg.extract.model import Record
from kg.extract.pipeline import expand_paths
from kg.extract.quality import Quality, assess
from kg.extract.worker import DocumentOutcome, read_ahead, read_isolated
from kg.graph.load import (Document, Shard, bulk_commit_documents, commit_documents, commit_new_documents,
                         content_hash, graph_exists, stored_hashes, supports_bulk)
from kg.graph.links import DOCUMENT_GRAPHS
from kg.rdf.mapping import document_iri
from kg.graph.quality import stored_problems
from kg.store import ensure_ontology
from kg.store.base import Store


@dataclass(frozen=True)
class IngestOptions:
    """How an ingest run reads and decides."""

    limits: ReadLimits = DEFAULT_LIMITS
    jobs: int = 1          # documents read at once, each in its own worker process
    force: bool = False    # replace a stored budget with a poorer version; ingest garbled figures
    reread: bool = False   # read files whose content is already in the store
    batch: int = 64        # documents committed together at most (the first commits are smaller)
    bulk: bool = True      # oxigraph's loaders: bulk into a store holding no document yet, else N-Quads
                           # transactions for batches of new graphs (False: every batch one UPDATE)
    # Derived artefacts of other layers rebuilt once, at the end of a run that committed anything
    # (the question service's catalogue: ``nlp.catalog_store.refresh``). Passed in by the caller,
    # so this layer never imports the layers built on it. Not after every batch: the catalogue is
    # built from the whole graph, so rebuilding it per batch made a run's cost grow with the
    # square of the store (5–7 s a batch at 1,000 documents); a reader meanwhile finds it stale by
    # its fingerprint and builds its own, so nothing reads a wrong one.
    after_run: tuple[Callable[[Store], object], ...] = ()

    def __post_init__(self) -> None:
        for name in ("jobs", "batch"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")


LOADED, SKIPPED, FAILED, KEPT = "loaded", "skipped", "failed", "kept"


@dataclass
class Event:
    """One line of the run's report: ``PATH: TEXT``."""

    kind: str
    path: str
    text: str
    graph: str | None = None

    def __str__(self) -> str:
        """One line whatever a name holds: line breaks and other control characters are shown
        escaped, never printed."""
        return f"{_printable(self.path)}: {_printable(self.text)}"


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


@dataclass
class Tally:
    """Where a run stands, for a progress display: updated as documents are read and written."""

    total: int = 0          # documents (files) the run will look at, once known
    done: int = 0           # of them: read and decided on, failed or skipped
    loaded: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0          # pages read
    triples: int = 0        # triples written
    commits: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


@dataclass
class IngestSummary:
    events: list[Event] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)

    def count(self, kind: str) -> int:
        return sum(1 for e in self.events if e.kind == kind)

    def describe(self) -> list[str]:
        """The end-of-run summary: counts, time, and every failure with its reason."""
        t = self.tally
        rate = t.done / t.seconds if t.seconds > 0 else 0.0
        lines = [f"{self.count(LOADED)} loaded, {self.count(FAILED)} failed, {self.count(SKIPPED)} skipped as "
                 f"unchanged, {self.count(KEPT)} kept (stored version better); {t.pages} pages read, "
                 f"{t.triples} triples written in {t.commits} commits; {t.seconds:.1f} s ({rate:.2f} documents/s)"]
        lines += [f"failed: {e}" for e in self.events if e.kind == FAILED]
        lines += [f"kept: {e}" for e in self.events if e.kind == KEPT]
        return lines

    @property
    def ok(self) -> bool:
        """No document failed and no stored budget was kept against a new version."""
        return not any(e.kind in (FAILED, KEPT) for e in self.events)


@dataclass
class _Pending:
    """A budget decided on and waiting for its batch to be committed."""

    record: Record
    paths: list[str]
    hashes: list[str]
    graph: str
    drop: list[str]
    new: bool          # its graph is not in the store (the bulk loader may write it)
    shard: Shard | None = None  # its graph already mapped by a task (``kg.graph.distributed``)


@dataclass
class _Budget:
    """A budget of this run: its record (committed, or held back), files and their hashes."""

    record: Record
    paths: list[str]
    hashes: list[str]
    graph: str
    lost: frozenset[str] = frozenset()
    quality: Quality | None = None


class _Run:
    def __init__(self, store: Store, options: IngestOptions, report: Callable[[Event], None],
                 progress: Callable[[Tally], None]) -> None:
        self.store = store
        self.options = options
        self.summary = IngestSummary()
        self._report = report
        self._progress = progress
        self.known = stored_hashes(store)          # content hash -> graphs holding it
        self.skipped: dict[str, dict[str, str]] = {}  # graph -> content hash -> file skipped as unchanged
        # budgets committed by this run, by (year, kind): ``same_budget`` needs both equal, so
        # a new record is compared with its year's budgets only, not with the whole run
        self.committed: dict[tuple, list[_Budget]] = {}
        self.held: list[_Budget] = []               # poorer than the stored version: kept out
        self.pending: list[_Pending] = []           # decided on, not committed yet
        self.batch_limit = 1                        # doubles after each commit up to options.batch
        self.collections: dict[str, str] = {}       # file -> the folder it was ingested from
        # a store with no document yet is filled by its bulk loader, batch after batch
        self.bulk = options.bulk and supports_bulk(store) and not any(
            g.startswith(DOCUMENT_GRAPHS) for g in store.graphs())
        # otherwise a batch of new graphs is one N-Quads transaction where the store takes one
        # (``commit_new_documents``), a batch that replaces or drops a graph one UPDATE
        self.transactional_loader = options.bulk and supports_bulk(store)

    def emit(self, kind: str, path: str, text: str, graph: str | None = None) -> None:
        event = Event(kind, path, text, graph)
        self.summary.events.append(event)
        tally = self.summary.tally
        if kind == FAILED:
            tally.failed += 1
        elif kind == SKIPPED:
            tally.skipped += 1
        elif kind == LOADED:
            tally.loaded += 1
        self._report(event)
        self._progress(tally)

    # -- batches -------------------------------------------------------------------------
    def flush(self) -> None:
        """Commit the pending budgets: one bulk load (new graphs into a store that had no
        document) or one transaction; when the store refuses the batch, each budget alone, so
        one bad document fails only itself."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            loaded = self._write(batch)
        except Exception:  # noqa: BLE001 - find the budget the store refuses, commit the others
            if len(batch) == 1:
                loaded = None
            else:
                for item in batch:
                    self.pending = [item]
                    self.flush()
                return
        if loaded is None:
            (item,) = batch
            try:
                loaded = self._write(batch)
            except Exception as exc:  # noqa: BLE001 - one document the store refuses must not stop the run
                self.emit(FAILED, " + ".join(item.paths),
                          f"cannot be stored ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")
                return
        self.summary.tally.commits += 1
        self.batch_limit = min(self.options.batch, self.batch_limit * 2)
        for item, done in zip(batch, loaded):
            for h in item.hashes:
                self.known.setdefault(h, set()).add(item.graph)
            self.committed.setdefault(_budget_slot(item.record), []).append(
                _Budget(_identity(item.record), item.paths, item.hashes, item.graph))
            self.summary.tally.triples += done.triples
            r = done.record
            files = f", {len(item.paths)} files combined" if len(item.paths) > 1 else ""
            self.emit(LOADED, r.source, f"{r.department} {r.year} {r.kind} -> <{done.graph}> "
                                        f"({done.triples} triples{files})", item.graph)

    def _write(self, batch: list[_Pending]):
        documents = [Document(item.record, item.hashes, item.shard,
                              next((self.collections[p] for p in item.paths if p in self.collections), None))
                     for item in batch]
        if all(item.new and not item.drop for item in batch):
            if self.bulk:
                return bulk_commit_documents(self.store, documents)
            if self.transactional_loader:
                return commit_new_documents(self.store, documents)
        drop = [g for item in batch for g in item.drop]
        return commit_documents(self.store, documents, drop=drop)

    def _flush_if(self, record: Record | None = None, graph: str | None = None) -> None:
        """Commit first when a budget about to be decided on concerns a pending one (another
        file of it, or the same graph): the decision needs the stored state."""
        if any((record is not None and same_budget(p.record, record)) or p.graph == graph for p in self.pending):
            self.flush()

    # -- documents -----------------------------------------------------------------------
    def documents(self, paths: list[str], reader: Reader | None = None) -> None:
        """Read the files (``reader``: worker processes here by default, or tasks elsewhere)
        and decide on each record as it comes."""
        files, failures = expand_paths(paths)
        self.collections.update(collections_of(paths, files))
        self.summary.tally.total += len(files) + len(failures)
        for failure in failures:
            self.summary.tally.done += 1
            self.emit(FAILED, failure.path, failure.reason)
        to_read: list[str] = []
        hashes: dict[str, str] = {}
        for path in files:
            try:
                check_path(path, self.options.limits)
                hashes[path] = content_hash(path)
            except ExtractionError as exc:
                self.summary.tally.done += 1
                self.emit(FAILED, exc.path, exc.reason)
                continue
            except OSError as exc:
                self.summary.tally.done += 1
                self.emit(FAILED, path, f"cannot read: {exc.strerror}")
                continue
            graphs = self.known.get(hashes[path])
            if graphs and not self.options.reread:
                for g in graphs:
                    self.skipped.setdefault(g, {})[hashes[path]] = path
                self.summary.tally.done += 1
                self.emit(SKIPPED, path, f"skipped as unchanged (in <{min(graphs)}>)", min(graphs))
                continue
            to_read.append(path)
        reader = reader or local_reader(self.options)
        for outcome, shard in reader(to_read, hashes):
            self.summary.tally.done += 1
            self.summary.tally.pages += outcome.pages
            self._progress(self.summary.tally)  # read; its LOADED event comes with its batch
            if outcome.record is None:
                self.emit(FAILED, outcome.path, outcome.reason or "not read")
                continue
            self.offer(outcome.record, [outcome.path], [hashes[outcome.path]], shard)
        self.flush()

    def offer(self, record: Record, paths: list[str], hashes: list[str], shard: Shard | None = None) -> None:
        """A record just read: combined with the other files of its budget, then decided on. A
        garbled one is refused on its own, never combined into another file's budget."""
        if self._garbled(record, paths):
            return
        self._flush_if(record, str(document_iri(record)))
        slot = self.committed.get(_budget_slot(record), [])
        committed = [b for b in slot if same_budget(b.record, record)]
        held = [b for b in self.held if same_budget(b.record, record)]
        graph = str(document_iri(record))
        # files to read again: those committed with it earlier in this run, and its stored
        # files this run skipped as unchanged (a combined graph must keep every file's part)
        again = [p for b in committed for p in b.paths]
        again += [p for p in self.skipped.get(graph, {}).values() if p not in again]
        records = [record] + [b.record for b in held]
        all_paths, all_hashes = list(paths), list(hashes)
        for b in held:
            all_paths += [p for p in b.paths if p not in all_paths]
            all_hashes += [h for h in b.hashes if h not in all_hashes]
        for outcome in read_isolated([p for p in again if p not in all_paths], self.options.limits, self.options.jobs):
            if outcome.record is None:
                continue  # it was read before; if it cannot be now, the budget goes on without it
            records.append(outcome.record)
            all_paths.append(outcome.path)
            all_hashes.append(content_hash(outcome.path))
        for b in committed:
            slot.remove(b)
        for b in held:
            self.held.remove(b)
        merged = record
        if len(records) > 1:
            # the combined record that took this file in (two table sets of one identity stay apart)
            merged = next(r for r in combine_records(records) if set(record.files) <= set(r.files))
        new_graph = str(document_iri(merged))
        drop = [b.graph for b in committed if b.graph != new_graph]
        self.decide(merged, all_paths, all_hashes, drop, shard if merged is record else None)

    def decide(self, record: Record, paths: list[str], hashes: list[str], drop: list[str],
               shard: Shard | None = None) -> None:
        """Commit the record (with its batch), unless it is garbled or poorer than the stored
        version of it."""
        quality = assess(record)
        graph = str(document_iri(record))
        if self._garbled(record, paths, quality):
            return
        self._flush_if(record, graph)
        exists = graph_exists(self.store, graph)
        if not self.options.force and exists:
            lost = quality.problem_keys - stored_problems(self.store, graph)
            if lost:
                self.held.append(_Budget(record, paths, hashes, graph, frozenset(lost), quality))
                return
        if shard is not None and shard.graph != graph:
            shard = None
        self.pending.append(_Pending(record, paths, hashes, graph, drop, not exists, shard))
        if len(self.pending) >= self.batch_limit:
            self.flush()

    def _garbled(self, record: Record, paths: list[str], quality: Quality | None = None) -> bool:
        """Refuse (and report) a record whose every figure fails its arithmetic, unless forced."""
        quality = quality or assess(record)
        if quality.garbled and not self.options.force:
            self.emit(FAILED, " + ".join(paths), f"not ingested: {quality.describe({'garbled'})} "
                                                 f"(--force ingests it anyway)")
            return True
        return False

    # -- records files -------------------------------------------------------------------
    def records_file(self, path: str) -> None:
        try:
            records = read_records_file(path, self.options.limits)
            file_hash = content_hash(path)
        except RecordsError as exc:
            self.summary.tally.total += 1
            self.summary.tally.done += 1
            self.emit(FAILED, path, f"cannot read records: {exc}")
            return
        except OSError as exc:
            self.summary.tally.total += 1
            self.summary.tally.done += 1
            self.emit(FAILED, path, f"cannot read records: {exc.strerror}")
            return
        self.summary.tally.total += len(records)
        for record in records:
            self.summary.tally.done += 1
            graph = str(document_iri(record))
            if not self.options.reread and graph in self.known.get(file_hash, ()):
                self.emit(SKIPPED, f"{path} [{record.source}]", f"skipped as unchanged (in <{graph}>)", graph)
                continue
            self.decide(record, [path], [file_hash], [])

    def finish(self) -> IngestSummary:
        self.flush()
        for b in self.held:
            label = f"{b.record.department} {b.record.year} {b.record.kind}"
            poorer = b.quality.describe(b.lost) if b.quality else "less"
            summary = f"{b.quality.summary()}; " if b.quality else ""
            self.emit(KEPT, " + ".join(b.paths),
                      f"kept the stored {label} <{b.graph}>: the new version reads worse ({poorer}; "
                      f"the stored one has them) ({summary}--force replaces it)", b.graph)
        self.held.clear()
        return self.summary


def refresh_derived(store: Store, refreshers: Iterable[Callable[[Store], object]]) -> None:
    """Rebuild the artefacts other layers derive from the graph (``IngestOptions.after_run``),
    once at the end of a run that committed anything. Not in any batch's transaction: an artefact
    left stale (by a run killed before its end, or a failure here) is detected by its reader (the
    question catalogue by its fingerprint) and built afresh, so it costs time, never correctness."""
    for refresh in refreshers:
        try:
            refresh(store)
        except Exception as exc:  # noqa: BLE001 - a derived artefact must never fail the ingest
            import logging

            logging.getLogger(__name__).warning("%s was not refreshed: %s",
                                                getattr(refresh, "__qualname__", refresh), exc)


def collections_of(paths: Iterable[str], files: Iterable[str]) -> dict[str, str]:
    """Each file's collection: the name of the folder given to the ingest that holds it (the
    deepest one), else the name of the file's own folder. Why: budgets read together are a set
    people refer to as one (“这三家单位”), and only the ingest knows which files came together."""
    folders = sorted((os.path.abspath(p) for p in paths if os.path.isdir(p)), key=len, reverse=True)
    out: dict[str, str] = {}
    for f in files:
        full = os.path.abspath(f)
        folder = next((d for d in folders if full.startswith(d.rstrip(os.sep) + os.sep)), os.path.dirname(full))
        name = os.path.basename(folder.rstrip(os.sep))
        if name:
            out[f] = name
    return out


def _budget_slot(record: Record) -> tuple:
    return record.year, record.kind


def _identity(record: Record) -> Record:
    """A light stand-in for a committed record (what ``same_budget`` compares), so the run does
    not keep every record it has read in memory."""
    tables = [{"kind": t.get("kind")} for t in record.tables if t.get("kind") not in (None, "other")][:1]
    return Record(source=record.source, department=record.department, year=record.year, kind=record.kind,
                  files=list(record.files), tables=tables)


Reader = Callable[[list[str], dict[str, str]], Iterator[tuple[DocumentOutcome, Shard | None]]]
"""Reads files (paths, with their content hashes) and yields each outcome, with the shard of its
graph where the reader mapped it too. The default reads in local worker processes."""


def local_reader(options: IngestOptions) -> Reader:
    """Files read in worker processes of this machine, ``options.jobs`` at a time."""
    def read(paths: list[str], hashes: dict[str, str]) -> Iterator[tuple[DocumentOutcome, Shard | None]]:
        for outcome in read_ahead(paths, options.limits, options.jobs):
            yield outcome, None
    return read


def ingest_paths(store: Store, paths: Iterable[str], options: IngestOptions = IngestOptions(),
                 report: Callable[[Event], None] = lambda event: None,
                 progress: Callable[[Tally], None] = lambda tally: None,
                 reader: Reader | None = None) -> IngestSummary:
    """Ingest documents (files and folders) and records files (``.json`` given by name) into
    ``store``; ``report`` receives each event as it happens, ``progress`` the run's tally after
    each of them.

    Budgets are committed in batches (1, 2, 4 … up to ``options.batch`` documents: the first
    commits come early, the later ones are cheap), each batch one store call — a SPARQL UPDATE
    (``commit_documents``), or N-Quads through oxigraph's transactional loader for a batch of new
    graphs whose derived edits only add (``commit_new_documents``) — or, into a store that held no
    document when the run began, the store's bulk loader (``kg.graph.load.bulk_commit_documents``,
    not atomic). The derived graphs are brought up to date once per
    batch; the artefacts of other layers (``options.after_run``) once at the end, when anything
    was committed. A document's LOADED event comes after its batch is committed."""
    paths = list(paths)
    ensure_ontology(store)
    run = _Run(store, options, report, progress)
    records_files = [p for p in paths if p.lower().endswith(".json") and not os.path.isdir(p)]
    documents = [p for p in paths if p not in records_files]
    if documents:
        run.documents(documents, reader)
    for path in records_files:
        run.records_file(path)
    summary = run.finish()
    if summary.tally.commits:
        refresh_derived(store, options.after_run)
    return summary
