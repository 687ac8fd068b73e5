"""Recompute every arithmetic identity the tables promise. Findings, never corrections.

STUB: to be completed (see the extraction issue).
"""
from __future__ import annotations

from kg.extract.model import Check, Record


def run_all(parts, record: Record) -> list[Check]:
    return []
