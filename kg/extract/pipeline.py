"""Files and folders in, records and failures out: the one entry point for extraction.

Every file is read on its own; one bad file becomes a ``Failure`` and the others go on. Two
documents of the same department, year and kind (a narrative PDF and a tables PDF, as Jiangsu
publishes) are combined into one Record (``combine.combine_records``); the checks that need the
whole budget (the template's required tables) run on the combined record (``finish_checks``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Iterator

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


def extract_paths(paths: Iterable[str], combine: bool = True) -> tuple[list[Record], list[Failure]]:
    """Read every file; return the records (combined per budget) and the failures."""
    records: list[Record] = []
    failures: list[Failure] = []
    for path in iter_files(paths):
        try:
            records.append(extract_file(path))
        except ExtractionError as exc:
            failures.append(Failure(exc.path, exc.reason))
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
