"""Files and folders in, records and failures out: the one entry point for extraction.

Every file is read on its own; one bad file becomes a ``Failure`` and the others go on. Two
documents of the same department, year and kind (a narrative PDF and a tables PDF, as Jiangsu
publishes) are combined into one Record (``combine.combine_records``).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from kg.extract.errors import ExtractionError
from kg.extract.model import Record

DOCUMENT_SUFFIXES = (".pdf", ".txt")


@dataclass
class Failure:
    """A file that could not be read, with the reason in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders (recursively, sorted) into document files; files are taken as given."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(DOCUMENT_SUFFIXES):
                        yield os.path.join(root, name)
        else:
            yield path


def extract_file(path: str) -> Record:
    """Read one file into a Record; raises ExtractionError with a one-line reason."""
    from kg.extract.parse import parse_document
    from kg.extract.source import read_source

    if not os.path.exists(path):
        raise ExtractionError(path, "no such file")
    doc = read_source(path)
    try:
        return parse_document(doc)
    except ExtractionError:
        raise
    except RecursionError:
        raise ExtractionError(path, "document structure too deeply nested") from None
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


def _reported(results, files: list[str], progress: Callable[[Progress], None] | None):
    """(record, failure) per file in order, telling ``progress`` of each as it comes."""
    for index, (path, (record, failure, seconds)) in enumerate(zip(files, results), start=1):
        if progress is not None:
            progress(Progress(index, len(files), path, seconds, record, failure))
        yield record, failure


def _read_one(path: str) -> tuple[Record | None, Failure | None, float]:
    """One file -> (record, None, seconds) or (None, failure, seconds); what a worker returns
    (a ``Failure`` crosses a process boundary where an exception with two arguments would not)."""
    started = time.perf_counter()
    try:
        return extract_file(path), None, time.perf_counter() - started
    except ExtractionError as exc:
        return None, Failure(exc.path, exc.reason), time.perf_counter() - started


def extract_paths(paths: Iterable[str], combine: bool = True,
                  progress: Callable[[Progress], None] | None = None,
                  jobs: int = 1) -> tuple[list[Record], list[Failure]]:
    """Read every file; return the records (combined per budget) and the failures.

    ``progress`` hears of every file as soon as it is done. ``jobs`` > 1 reads that many files at
    once in worker processes (reading a PDF is CPU-bound); records keep the files' order."""
    records: list[Record] = []
    failures: list[Failure] = []
    files = list(iter_files(paths))
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            results = pool.map(_read_one, files)
            outcomes = list(_reported(results, files, progress))
    else:
        outcomes = list(_reported(map(_read_one, files), files, progress))
    for record, failure in outcomes:
        if record is not None:
            records.append(record)
        if failure is not None:
            failures.append(failure)
    if combine:
        from kg.extract.combine import combine_records

        records = combine_records(records)
    return records, failures
