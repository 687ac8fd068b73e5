"""A 专项 as a whole: a performance-target table filled for the money of a whole project table.

Some templates (西安's 专项业务经费绩效目标表 / 专项资金整体支出绩效目标表) print one target table for
the department's 专项 as a whole: its name (其他履职经费, 安全生产专项资金) is no project of the project
table and its amount is that table's total (1715.97 = 654.00 + 493.65 + … , the six projects of
西安市气象局's 专项业务经费支出表). It stays a project of the record — its targets are asked by its
name — but of category ``aggregate``: its money is its projects' money, so it is no further project
to rank, count, add up or fund (``kg.rdf.flows``).
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import Project, Record

AGGREGATE = "aggregate"
PERFORMANCE_TABLE = "绩效目标表"
_MIN_PARTS = 2  # a whole of one project is that project under another name, not an aggregate


def _only_in_performance_tables(project: Project) -> bool:
    return bool(project.provenance) and all(p.table == PERFORMANCE_TABLE for p in project.provenance)


def _table_totals(projects: list[Project]) -> list[Decimal]:
    """The sum of the amounts of each table's projects (by the table of their first provenance)."""
    sums: dict[str, list[Decimal]] = {}
    for p in projects:
        if p.amount is not None and p.provenance and p.provenance[0].table not in (None, PERFORMANCE_TABLE):
            sums.setdefault(p.provenance[0].table, []).append(p.amount)
    return [sum(amounts, Decimal(0)) for amounts in sums.values() if len(amounts) >= _MIN_PARTS]


def mark_aggregates(record: Record) -> None:
    """Set category ``aggregate`` on each project known only from a performance-target table, with
    indicators, whose amount is exactly the total of one table's projects."""
    totals = _table_totals(record.projects)
    for p in record.projects:
        if p.amount is not None and p.indicators and _only_in_performance_tables(p) and p.amount in totals:
            p.category = AGGREGATE
