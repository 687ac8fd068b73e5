"""Typed rows read from the graph: what the answer stage composes sentences from.

The SPARQL templates (``sparql_templates.py``) return raw bindings; ``graph.py`` turns them into
these dataclasses, money as ``Decimal`` in 万元. Keeping them separate means the answer logic
never sees the vocabulary and the vocabulary never sees the answer logic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Budget:
    """One budget document in the graph: a department's budget (or final account) of a year."""

    iri: str
    department: str
    department_iri: str
    year: int
    kind: str | None = None
    source: str | None = None


@dataclass
class Figure:
    """A department-level figure (an item of ``totals``)."""

    key: str
    label: str
    amount: Decimal
    department: str
    year: int
    source: str | None = None


@dataclass
class SubjectRow:
    """One row of a classification table (功能分类 / 经济分类)."""

    code: str
    name: str
    column: str  # total | basic | project | personnel | public
    amount: Decimal
    department: str
    year: int
    source: str | None = None


@dataclass
class ProjectRow:
    """A project with what the graph says about it."""

    iri: str
    name: str
    department: str
    year: int
    amount: Decimal | None = None
    category: str | None = None
    funding: list[str] = field(default_factory=list)
    funding_labels: list[str] = field(default_factory=list)
    unit: str | None = None
    person: str | None = None
    functional_code: str | None = None
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    source: str | None = None


@dataclass
class IndicatorRow:
    """One row of a project's 绩效目标表."""
    project: str
    name: str
    level1: str | None
    level2: str | None
    target: str | None
    weight: Decimal | None
    kinds: list[str] = field(default_factory=list)
    department: str | None = None
    year: int | None = None
    source: str | None = None


@dataclass
class PolicyRow:
    """A cited policy document: title and/or 文号."""
    iri: str
    title: str | None
    number: str | None


@dataclass
class FindingRow:
    """A failed arithmetic check: where, the recomputed and the printed figure."""
    rule: str
    where: str
    expected: Decimal | None
    printed: Decimal | None
    department: str
    year: int
    source: str | None = None


@dataclass
class ProfileRow:
    """What 部门概况 says: staffing counts, divisions, functions."""
    department: str
    year: int
    staffing: dict[str, int] = field(default_factory=dict)
    divisions: list[str] = field(default_factory=list)
    functions: str | None = None
    source: str | None = None
    subordinates: list[str] = field(default_factory=list)


@dataclass
class DefinitionRow:
    """One 名词解释 entry of one budget."""
    term: str
    text: str
    department: str
    year: int
    source: str | None = None
