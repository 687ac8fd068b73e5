"""Files and folders in, records and failures out: the one entry point for extraction.

Every file is read on its own and within ``ReadLimits`` (``kg.extract.limits``); one bad file
becomes a ``Failure`` and the others go on. With ``isolate=True`` (what the CLI uses) each file
is read in a worker process of its own (``kg.extract.worker``), so memory, CPU and wall-clock
limits hold and a file that breaks them cannot take the run down. Folders that cannot be read
are failures too, never silently skipped. Two documents of the same department, year and kind
(a narrative PDF and a tables PDF, as Jiangsu publishes) are combined into one Record
(``combine.combine_records``); the checks that need the whole budget (the template's required
tables) run on the combined record (``finish_checks``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from kg.extract.errors import ExtractionError
from kg.extract.limits import DEFAULT_LIMITS, ReadLimits, check_path
from kg.extract.model import Record

DOCUMENT_SUFFIXES = (".pdf", ".txt")


@dataclass
class Failure:
    """A file that could not be read, with the reason in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def expand_paths(paths: Iterable[str], suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES
                 ) -> tuple[list[str], list[Failure]]:
    """Folders expanded (recursively, sorted) into their document files; files taken as given.

    A folder (or sub-folder) that cannot be listed is a Failure naming it: a user who points
    the reader at a folder must learn that part of it was not read.
    """
    files: list[str] = []
    failures: list[Failure] = []
    for path in paths:
        if not os.path.isdir(path):
            files.append(path)
            continue
        if not os.access(path, os.R_OK | os.X_OK) or not _listable(path):
            failures.append(Failure(path, "cannot read folder: permission denied"))
            continue

        def refused(exc: OSError) -> None:
            where = exc.filename or path
            failures.append(Failure(where, f"cannot read folder: {(exc.strerror or str(exc)).lower()}"))

        for root, dirs, names in os.walk(path, onerror=refused):
            dirs.sort()
            for name in sorted(names):
                if name.lower().endswith(suffixes):
                    files.append(os.path.join(root, name))
    return files, failures


def _listable(path: str) -> bool:
    try:
        os.listdir(path)
    except OSError:
        return False
    return True


def extract_file(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> Record:
    """Read one file into a Record; raises ExtractionError with a one-line reason."""
    return extract_file_pages(path, limits)[0]


def extract_file_pages(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> tuple[Record, int]:
    """``extract_file`` and the number of pages the file has (1 for a text without page marks):
    what a progress display counts besides documents."""
    from kg.extract.parse import parse_document
    from kg.extract.source import read_source

    size = check_path(path, limits)
    doc = read_source(path, limits, size)
    pages = len({line.page for line in doc.lines if line.page is not None}) or 1
    try:
        return parse_document(doc), pages
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError(path, "document structure too deeply nested") from None
    except MemoryError:
        raise
    except Exception as exc:  # a parser bug must not take the other files down with it
        raise ExtractionError(path, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


@dataclass(frozen=True)
class Progress:
    """One file done: its place in the run, what came of it and how long it took."""

    index: int
    total: int
    path: str
    seconds: float
    record: Record | None = None
    failure: Failure | None = None

    def line(self) -> str:
        """``[3/25] path: 部门 2026 部门预算 (2.3s)`` or ``[3/25] path: FAILED reason``."""
        head = f"[{self.index}/{self.total}] {self.path}"
        if self.failure is not None:
            return f"{head}: FAILED {self.failure.reason}"
        r = self.record
        return f"{head}: {r.department} {r.year} {r.kind} ({self.seconds:.1f}s)" if r else head


def _read_in_pool(files: list[str], limits: ReadLimits, jobs: int) -> Iterator:
    """Outcomes of ``files`` read ``jobs`` at a time in a plain process pool (no per-document
    limits beyond the file's own checks: tests and benchmarks that read trusted documents)."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from kg.extract.worker import read_document

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        yield from pool.map(partial(read_document, limits=limits), files)


def extract_paths(paths: Iterable[str], combine: bool = True, limits: ReadLimits = DEFAULT_LIMITS,
                  isolate: bool = False, jobs: int = 1,
                  progress: Callable[[Progress], None] | None = None) -> tuple[list[Record], list[Failure]]:
    """Read every file; return the records (combined per budget) and the failures.

    ``isolate``: read each file in a worker process under the memory, CPU and time limits (the
    CLI); otherwise in this process, where only the checks of the file itself apply (tests).
    ``jobs`` > 1 reads that many files at once in worker processes (reading a PDF is CPU-bound);
    records keep the files' order. ``progress`` hears of every file as soon as it is done.
    """
    from kg.extract.worker import read_document, read_isolated

    files, failures = expand_paths(paths)
    records: list[Record] = []
    if isolate:
        outcomes = read_isolated(files, limits, jobs)
    elif jobs > 1 and len(files) > 1:
        outcomes = _read_in_pool(files, limits, jobs)
    else:
        outcomes = (read_document(f, limits) for f in files)
    for index, outcome in enumerate(outcomes, start=1):
        failure = None
        if outcome.record is not None:
            records.append(outcome.record)
        else:
            failure = Failure(outcome.path, outcome.reason or "not read")
            failures.append(failure)
        if progress is not None:
            progress(Progress(index, len(files), outcome.path, outcome.seconds, outcome.record, failure))
    if combine:
        from kg.extract.combine import combine_records

        records = combine_records(records)
    for record in records:
        finish_checks(record)
    return records, failures


def finish_checks(record: Record) -> None:
    """The checks that need the whole budget (its files combined): the template's required tables;
    then every check graded by its rule (``kg.extract.rules``)."""
    from kg.extract.completeness import publication_checks
    from kg.extract.rules import grade

    record.checks.extend(publication_checks(record))
    for check in record.checks:
        grade(check)
