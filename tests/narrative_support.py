"""Helpers for the narrative tests: the corpus documents read once per session."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.extract.source import SourceDocument, read_source

CORPUS = {"000": "000_0f1ed1c99506120d.txt", "001": "001_ed6cd4656d0ac36f.txt",
          "004": "004_afd15c6fd474ed3f.txt"}


@lru_cache(maxsize=None)
def corpus_doc(shared: str, key: str) -> SourceDocument:
    """A corpus text document (``shared`` is the ../shared path as a string, for the cache)."""
    return read_source(str(Path(shared) / "corpus" / CORPUS[key]))


@lru_cache(maxsize=None)
def corpus_record(shared: str, key: str):
    """The full extraction record of a corpus document (the real pipeline)."""
    from kg.extract.parse import parse_document

    return parse_document(corpus_doc(shared, key))


def national_record(national_extraction, relpath: str):
    """The session's record of one national document (``national_extraction`` in conftest), named
    by its path under ../shared/national (a leading ``national/`` is allowed)."""
    by_file, _failures = national_extraction
    return by_file[relpath.removeprefix("national/")]
