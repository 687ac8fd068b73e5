"""PDF reader (pdfplumber). STUB: to be completed (see the extraction issue)."""
from __future__ import annotations

from kg.extract.errors import ExtractionError
from kg.extract.source import SourceDocument


def read_pdf(path: str) -> SourceDocument:
    raise ExtractionError(path, "PDF reading not implemented yet")
