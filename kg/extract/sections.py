"""Cut a document into its recognised tables and its narrative.

STUB: to be completed (see the extraction issue). Keep the data structures' names.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.model import Record
from kg.extract.source import Line, SourceDocument


@dataclass
class TableSection:
    """One recognised table: its kind (a registry key of ``kg.extract.tables``), its printed
    label (``表3``, ``公开03表``), title, unit, and its lines (header and body)."""

    kind: str
    label: str
    title: str
    unit: str | None
    lines: list[Line] = field(default_factory=list)


@dataclass
class Parts:
    """The document cut up: tables in order, narrative lines, and the document itself."""

    doc: SourceDocument
    tables: list[TableSection] = field(default_factory=list)
    narrative: list[Line] = field(default_factory=list)
    has_budget_narrative: bool = False

    def table(self, kind: str) -> TableSection | None:
        return next((t for t in self.tables if t.kind == kind), None)


def split(doc: SourceDocument, record: Record) -> Parts:
    parts = Parts(doc=doc, narrative=list(doc.lines))
    parts.has_budget_narrative = "预算" in doc.text() or "决算" in doc.text()
    return parts
