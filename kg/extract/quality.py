"""How well a record reads as a budget: one function, ``assess(record) -> Quality``.

Why: a new version of a budget replaces the graph of the old one (same department, year and
kind). A degraded file — the same budget flattened to one line, a truncated export, a text whose
figures are garbled — still identifies its department and year, and used to replace a good
graph with one that has no totals. A record *reads as a budget* when it names its
department, year and kind, has its totals, its tables (or rows) were found, and not every one of
its figures fails the arithmetic the document promises (garbled figures). Each shortfall is a
named ``problem`` with a one-line message, so the ingest can compare the new version with the
stored one (``kg.graph.quality`` reads the same problems back from a graph) and say why it kept
the old graph: a new version may replace the old one unless it lacks something the old one
has. ``score`` orders records for messages and reports; decisions rest on the named problems.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.model import Record

# The problems a record can have, by key (the same keys ``kg.graph.quality`` reads from a graph).
IDENTITY, TOTALS, TABLES, GARBLED = "identity", "totals", "tables", "garbled"

# At least this many checks must fail, and none pass, before the figures are called garbled: a
# small document with one or two failed checks is a finding about the document, not garbage.
MIN_CHECKS_FOR_GARBLED = 5


@dataclass(frozen=True)
class Quality:
    """What a record has of a budget, and the one-line reasons it falls short."""

    identity: bool            # department, year and kind read
    totals: bool              # 收入总计 or 支出总计 read
    tables: int               # budget tables found
    rows: int                 # subject rows and projects read
    checks: int
    checks_passed: int
    problems: tuple[tuple[str, str], ...] = field(default=())   # (key, message)

    @property
    def score(self) -> float:
        """0 (nothing of a budget) … 1 (identity, totals, tables, every check passes)."""
        passed = self.checks_passed / self.checks if self.checks else 0.5
        return round(0.25 * self.identity + 0.25 * self.totals + 0.2 * min(self.tables, 5) / 5
                     + 0.1 * min(self.rows, 20) / 20 + 0.2 * passed, 3)

    @property
    def garbled(self) -> bool:
        """Every arithmetic check fails (and there are enough of them to say so)."""
        return self.checks >= MIN_CHECKS_FOR_GARBLED and self.checks_passed == 0

    @property
    def reads_as_budget(self) -> bool:
        return not self.problems

    @property
    def problem_keys(self) -> frozenset[str]:
        return frozenset(key for key, _ in self.problems)

    def describe(self, keys: frozenset[str] | set[str] | None = None) -> str:
        """The problems (all, or those of ``keys``) in one line."""
        return "; ".join(message for key, message in self.problems if keys is None or key in keys)

    def summary(self) -> str:
        return (f"score {self.score:.2f}: {self.tables} tables, {self.rows} rows, "
                f"{self.checks_passed}/{self.checks} checks pass")


def assess(record: Record) -> Quality:
    """The quality of one record (see the module docstring)."""
    identity = bool(record.department and record.year and record.kind)
    t = record.totals
    totals = t.income_total is not None or t.expenditure_total is not None
    tables = len(record.tables or [])
    rows = len(record.functional_subjects) + len(record.economic_subjects) + len(record.projects)
    # the figures' arithmetic: money identities only (a percentage or a completeness check has a
    # ``unit`` and says nothing about whether the figures were read as printed)
    figures = [c for c in record.checks if c.unit is None]
    checks = len(figures)
    passed = sum(1 for c in figures if c.ok)
    problems = []
    if not identity:
        missing = [name for name, value in (("department", record.department), ("year", record.year),
                                            ("kind", record.kind)) if not value]
        problems.append((IDENTITY, f"no {', '.join(missing)}"))
    if not totals:
        problems.append((TOTALS, "no totals"))
    if not tables and not rows:
        problems.append((TABLES, "no budget tables found"))
    quality = Quality(identity, totals, tables, rows, checks, passed)
    if quality.garbled:
        problems.append((GARBLED, f"every figure fails its arithmetic ({checks} checks, none passes): "
                                  f"garbled figures?"))
    return Quality(identity, totals, tables, rows, checks, passed, tuple(problems))
