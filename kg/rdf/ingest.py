"""Documents and records files into a store: what ``budgetkg ingest`` does, as a library.

The promises, each kept by one mechanism:
- **Every document within limits.** Each file is checked by ``os.stat`` first (FIFOs, devices,
  unreadable or oversized files are refused by name) and read in a worker process of its own
  under ``ReadLimits`` (``kg.extract.worker``); a failure is one line and the run goes on.
- **Resumable.** Each budget is committed on its own, together with the graphs derived from it,
  in one transaction (``kg.rdf.load.commit_documents``), and its graph records the sha256 of the
  files it was read from. A file whose hash is already in the store is "skipped as unchanged",
  so a run killed at any moment, run again, redoes nothing it committed.
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
from dataclasses import dataclass, field
from typing import Callable, Iterable

from kg.extract.combine import combine_records, same_budget
from kg.extract.deserialize import RecordsError, read_records_file
from kg.extract.errors import ExtractionError
from kg.extract.limits import DEFAULT_LIMITS, ReadLimits, check_path
from kg.extract.model import Record
from kg.extract.pipeline import expand_paths
from kg.extract.quality import Quality, assess
from kg.extract.worker import read_isolated
from kg.rdf.load import Document, commit_documents, content_hash, graph_exists, stored_hashes
from kg.rdf.mapping import document_iri
from kg.rdf.quality import stored_problems
from kg.store import ensure_ontology
from kg.store.base import Store


@dataclass(frozen=True)
class IngestOptions:
    """How an ingest run reads and decides."""

    limits: ReadLimits = DEFAULT_LIMITS
    jobs: int = 1          # documents read at once, each in its own worker process
    force: bool = False    # replace a stored budget with a poorer version; ingest garbled figures
    reread: bool = False   # read files whose content is already in the store

    def __post_init__(self) -> None:
        if isinstance(self.jobs, bool) or not isinstance(self.jobs, int) or self.jobs < 1:
            raise ValueError(f"jobs must be a whole number of at least 1, not {self.jobs!r}")


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
class IngestSummary:
    events: list[Event] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for e in self.events if e.kind == kind)

    @property
    def ok(self) -> bool:
        """No document failed and no stored budget was kept against a new version."""
        return not any(e.kind in (FAILED, KEPT) for e in self.events)


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
    def __init__(self, store: Store, options: IngestOptions, report: Callable[[Event], None]) -> None:
        self.store = store
        self.options = options
        self.summary = IngestSummary()
        self._report = report
        self.known = stored_hashes(store)          # content hash -> graphs holding it
        self.skipped: dict[str, str] = {}           # content hash -> path skipped as unchanged
        self.committed: list[_Budget] = []
        self.held: list[_Budget] = []               # poorer than the stored version: kept out

    def emit(self, kind: str, path: str, text: str, graph: str | None = None) -> None:
        event = Event(kind, path, text, graph)
        self.summary.events.append(event)
        self._report(event)

    # -- documents -----------------------------------------------------------------------
    def documents(self, paths: list[str]) -> None:
        files, failures = expand_paths(paths)
        for failure in failures:
            self.emit(FAILED, failure.path, failure.reason)
        to_read: list[str] = []
        hashes: dict[str, str] = {}
        for path in files:
            try:
                check_path(path, self.options.limits)
                hashes[path] = content_hash(path)
            except ExtractionError as exc:
                self.emit(FAILED, exc.path, exc.reason)
                continue
            except OSError as exc:
                self.emit(FAILED, path, f"cannot read: {exc.strerror}")
                continue
            graphs = self.known.get(hashes[path])
            if graphs and not self.options.reread:
                self.skipped[hashes[path]] = path
                self.emit(SKIPPED, path, f"skipped as unchanged (in <{min(graphs)}>)", min(graphs))
                continue
            to_read.append(path)
        for outcome in read_isolated(to_read, self.options.limits, self.options.jobs):
            if outcome.record is None:
                self.emit(FAILED, outcome.path, outcome.reason or "not read")
                continue
            self.offer(outcome.record, [outcome.path], [hashes[outcome.path]])

    def offer(self, record: Record, paths: list[str], hashes: list[str]) -> None:
        """A record just read: combined with the other files of its budget, then decided on. A
        garbled one is refused on its own, never combined into another file's budget."""
        if self._garbled(record, paths):
            return
        committed = [b for b in self.committed if same_budget(b.record, record)]
        held = [b for b in self.held if same_budget(b.record, record)]
        graph = str(document_iri(record))
        # files to read again: those committed with it earlier in this run, and its stored
        # files this run skipped as unchanged (a combined graph must keep every file's part)
        again = [p for b in committed for p in b.paths]
        again += [p for h, p in self.skipped.items() if graph in self.known.get(h, ()) and p not in again]
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
            self.committed.remove(b)
        for b in held:
            self.held.remove(b)
        merged = record
        if len(records) > 1:
            # the combined record that took this file in (two table sets of one identity stay apart)
            merged = next(r for r in combine_records(records) if set(record.files) <= set(r.files))
        new_graph = str(document_iri(merged))
        drop = [b.graph for b in committed if b.graph != new_graph]
        self.decide(merged, all_paths, all_hashes, drop)

    def decide(self, record: Record, paths: list[str], hashes: list[str], drop: list[str]) -> None:
        """Commit the record, unless it is garbled or poorer than the stored version of it."""
        where = " + ".join(paths)
        quality = assess(record)
        graph = str(document_iri(record))
        if self._garbled(record, paths, quality):
            return
        if not self.options.force and graph_exists(self.store, graph):
            lost = quality.problem_keys - stored_problems(self.store, graph)
            if lost:
                self.held.append(_Budget(record, paths, hashes, graph, frozenset(lost), quality))
                return
        try:
            (loaded,) = commit_documents(self.store, [Document(record, hashes)], drop=drop)
        except Exception as exc:  # noqa: BLE001 - one document the store refuses must not stop the run
            self.emit(FAILED, where, f"cannot be stored ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")
            return
        for h in hashes:
            self.known.setdefault(h, set()).add(graph)
        self.committed.append(_Budget(_identity(record), paths, hashes, graph))
        r = loaded.record
        files = f", {len(paths)} files combined" if len(paths) > 1 else ""
        self.emit(LOADED, r.source, f"{r.department} {r.year} {r.kind} -> <{loaded.graph}> "
                                    f"({loaded.triples} triples{files})", graph)

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
            self.emit(FAILED, path, f"cannot read records: {exc}")
            return
        except OSError as exc:
            self.emit(FAILED, path, f"cannot read records: {exc.strerror}")
            return
        for record in records:
            graph = str(document_iri(record))
            if not self.options.reread and graph in self.known.get(file_hash, ()):
                self.emit(SKIPPED, f"{path} [{record.source}]", f"skipped as unchanged (in <{graph}>)", graph)
                continue
            self.decide(record, [path], [file_hash], [])

    def finish(self) -> IngestSummary:
        for b in self.held:
            label = f"{b.record.department} {b.record.year} {b.record.kind}"
            poorer = b.quality.describe(b.lost) if b.quality else "less"
            summary = f"{b.quality.summary()}; " if b.quality else ""
            self.emit(KEPT, " + ".join(b.paths),
                      f"kept the stored {label} <{b.graph}>: the new version reads worse ({poorer}; "
                      f"the stored one has them) ({summary}--force replaces it)", b.graph)
        self.held.clear()
        return self.summary


def _identity(record: Record) -> Record:
    """A light stand-in for a committed record (what ``same_budget`` compares), so the run does
    not keep every record it has read in memory."""
    tables = [{"kind": t.get("kind")} for t in record.tables if t.get("kind") not in (None, "other")][:1]
    return Record(source=record.source, department=record.department, year=record.year, kind=record.kind,
                  files=list(record.files), tables=tables)


def ingest_paths(store: Store, paths: Iterable[str], options: IngestOptions = IngestOptions(),
                 report: Callable[[Event], None] = lambda event: None) -> IngestSummary:
    """Ingest documents (files and folders) and records files (``.json`` given by name) into
    ``store``; ``report`` receives each event as it happens."""
    paths = list(paths)
    ensure_ontology(store)
    run = _Run(store, options, report)
    records_files = [p for p in paths if p.lower().endswith(".json") and not os.path.isdir(p)]
    documents = [p for p in paths if p not in records_files]
    if documents:
        run.documents(documents)
    for path in records_files:
        run.records_file(path)
    return run.finish()
