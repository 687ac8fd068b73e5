"""The one exception a reader or parser raises for a document it cannot read.

The CLI turns it into one line ``FILE: reason`` and exit code 1, and goes on with the other
files; nothing else should escape a parser (see ``pipeline.extract_paths``).
"""
from __future__ import annotations


class ExtractionError(Exception):
    """A document that cannot be read: corrupt, encrypted, empty, scanned, not a budget, …"""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
