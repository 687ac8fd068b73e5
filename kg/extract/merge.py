"""Merge the projects read from every section into one entry per project (name + amount).

STUB: to be completed (see the extraction issue).
"""
from __future__ import annotations

from kg.extract.model import Record


def merge_projects(record: Record) -> None:
    return None
