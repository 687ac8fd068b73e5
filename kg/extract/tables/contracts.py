"""Typed table contracts: what each table parser leaves on its ``TableSection.data``.

A parser reads a table into the record and keeps its reading on the section, so the checks can
recompute every identity from what was read without reading the table again. Each kind of table
has its own typed reading — no dict with implicit keys — and every reading carries the
identities and findings the reader recorded itself (``TableData``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kg.extract.model import Check, Provenance
from kg.extract.source import Line

if TYPE_CHECKING:  # imported for the annotations only: the modules import this one
    from kg.extract.tables.columns import Schema
    from kg.extract.tables.rows import Row
    from kg.extract.tables.summary import Item, RightRow

Money = Decimal | None


@dataclass(frozen=True)
class Identity:
    """An arithmetic identity a reader found printed (合计 = 基本 + 项目 + 预留机动经费 …)."""

    rule: str
    where: str
    expected: Decimal
    printed: Money
    provenance: Provenance | None = None

    @classmethod
    def rows_against_total(cls, where: str, amounts: list[Money], total: Money,
                           provenance: Provenance | None) -> "Identity | None":
        """An item-by-item table's rows added up against its printed 合计 (政府购买服务, 政府采购): rows
        printing no amount count for none; None where no 合计 is printed."""
        if total is None:
            return None
        return cls("children_sum", where, sum((a for a in amounts if a is not None), Decimal(0)), total, provenance)


@dataclass
class TableData:
    """What every reading carries: identities to recompute and findings already made."""

    identities: list[Identity] = field(default_factory=list)
    findings: list[Check] = field(default_factory=list)


@dataclass
class GrandTotals:
    """The 收入总计 / 支出总计 line of a two-sided table (and the line it stands on)."""

    income_total: Money = None
    expenditure_total: Money = None
    expenditure_figures: list[Money] = field(default_factory=list)
    line: Line | None = None


@dataclass
class SummaryData(TableData):
    """收支总表 / 财政拨款收支总表: the income items (left), the expenditure rows (right), the
    grand totals, and the income items by record key; ``expenditure_items`` are the right side's
    labelled lines (本年支出合计, 基本支出, 结转下年, 年末结转和结余, 结余分配) by key."""

    items: list["Item"] = field(default_factory=list)
    right: list["RightRow"] = field(default_factory=list)
    grand: GrandTotals = field(default_factory=GrandTotals)
    by_key: dict[str, Money] = field(default_factory=dict)
    expenditure_items: dict[str, "RightRow"] = field(default_factory=dict)


@dataclass
class ClassificationData(TableData):
    """A table of subject rows (功能/经济分类, 收入 by subject): its rows' columns and identities."""

    schema: "Schema | None" = None
    crossed: bool = False  # rows cross the functional subject with economic ones (北京 支出总表)


@dataclass
class EconomicData(ClassificationData):
    """一般公共预算基本支出表: ``half_totals`` are 人员经费合计 / 公用经费合计 printed at the foot of
    the halves (label -> (figure, line, Σ of that half's 类 rows))."""

    half_totals: dict[str, tuple[Decimal, Line, Money]] = field(default_factory=dict)


@dataclass
class CarryoverData(ClassificationData):
    """上年结转结余明细表: the unit groups (head row, items) and every item."""

    groups: list[tuple[Any, list["Row"]]] = field(default_factory=list)
    items: list["Row"] = field(default_factory=list)


@dataclass
class ProjectTableData(TableData):
    """项目支出表: the rows that name a project, with the project's name."""

    projects: list[tuple["Row", str]] = field(default_factory=list)


@dataclass
class ThreePublicData(TableData):
    """“三公”经费表: the figures by item (``total``, ``overseas``, …, ``meetings``, ``training``)
    for the document's own phase, and every phase's figures where the table prints several
    (预算数 / 决算数 of a 决算: phase -> item -> figure)."""

    values: dict[str, Money] = field(default_factory=dict)
    phases: dict[str, dict[str, Money]] = field(default_factory=dict)


@dataclass
class TotalsRowData(TableData):
    """支出总表 printed as one row of totals (江苏 公开03表): column -> figure."""

    values: dict[str, Money] = field(default_factory=dict)


@dataclass
class ProcurementData(TableData):
    """政府采购表: 合计 and the 货物 / 工程 / 服务 headings read."""

    values: dict[str, Money] = field(default_factory=dict)
