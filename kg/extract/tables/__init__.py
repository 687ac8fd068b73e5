"""Table parsers, one per table kind, registered by name (``@register("expenditure")``).

A parser reads one ``TableSection`` into the Record and keeps its parsed rows on the section
(``table.rows``) and its typed reading (``table.data``, a class of ``contracts``) for the checks. Parsers run in ``ORDER`` (not document order):
later tables use earlier ones (表7 takes subject names from 表3/表5 and the transfer column of
表2). Kinds not listed in ``ORDER`` run afterwards in document order.

Parser signature: ``parser(table: TableSection, record: Record, parts: Parts) -> None``.
Which table is which kind is the template profiles' vocabulary (``kg.extract.profiles``).
"""
from __future__ import annotations

from typing import Any, Callable

from kg.extract.model import Record

TableParser = Callable[[Any, Record, Any], None]
PARSERS: dict[str, TableParser] = {}

ORDER = ["summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
         "fiscal_expenditure", "basic_economic", "fiscal_basic_economic", "government_fund",
         "state_capital", "project_expenditure", "three_public", "carryover"]


def register(kind: str) -> Callable[[TableParser], TableParser]:
    def wrap(fn: TableParser) -> TableParser:
        PARSERS[kind] = fn
        return fn
    return wrap


def read_tables(parts, record: Record) -> None:
    """Run the registered parser of every recognised table, then fill what the tables left
    blank from the income statements of the narrative (``summary.fill_from_narrative``)."""
    rank = {kind: i for i, kind in enumerate(ORDER)}
    ordered = sorted(enumerate(parts.tables), key=lambda it: (rank.get(it[1].kind, len(ORDER)), it[0]))
    for _, table in ordered:
        parser = PARSERS.get(table.kind)
        if parser is not None:
            parser(table, record, parts)
    from kg.extract.tables.classification import classes_from_summary
    from kg.extract.tables.summary import fill_from_narrative

    classes_from_summary(parts, record)
    fill_from_narrative(parts, record)


# parser modules register themselves on import
from kg.extract.tables import (carryover, classification, economic, income, project,  # noqa: E402,F401
                               summary, three_public)
from kg.extract.tables import procurement  # noqa: E402,F401  (政府采购预算表, other templates)
from kg.extract.tables import project_objectives  # noqa: E402,F401  (浙江 表11 项目支出绩效表)
from kg.extract.tables import purchased_services  # noqa: E402,F401  (北京 预算11表 政府购买服务明细表)
