"""The expenditure table printed by unit (西安 表3 部门综合预算支出总表: 单位编码 | 单位名称 | 合计 |
公共预算拨款 | … | 上年结转; a 支出总表 whose first column is 单位名称 and whose columns are 基本支出 |
项目支出): each budget unit's spending, read the way the income table by unit is
(``kg.extract.tables.income.unit_rows``: the same unit rows, the same 本级 and sum-line rules).

The columns say what a unit's spending is split by: the funds that pay it (the income table's
columns, ``INCOME``) or the kind of spending (合计 / 基本支出 / 项目支出 / 人员 / 公用, the
functional tables' ``FUNCTIONAL``). Each printed column is kept under its own key; nothing is
derived."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import partial

from kg.extract.model import Record, UnitExpenditure
from kg.extract.tables.classification import FUNCTIONAL
from kg.extract.tables.columns import resolve
from kg.extract.tables.income import INCOME, by_unit, columns_of_row, is_unit_header, sources_of_row, unit_rows
from kg.extract.tables.rows import Row, read_rows
from kg.extract.text_normalize import compact_name

# the functional tables' columns -> the kinds of spending (``EXPENDITURE_KIND_KEYS``)
KIND_OF_COLUMN = {"total": "total", "basic": "basic", "project": "project",
                  "basic_personnel": "personnel", "basic_public": "public"}
_KIND_HEADER_RE = re.compile(r"基本支出|项目支出|人员(?:经费|支出)|公用(?:经费|支出)")


def read_unit_expenditure(table, record: Record) -> None:
    """The unit rows of an expenditure table by unit into ``record.unit_expenditure`` (the first
    such table only: a 单位 version after it is not the department's). Nothing for a table by
    subject."""
    if record.unit_expenditure or not by_unit(table):
        return
    rows = read_rows(table.lines, coded=True)
    by_kind = _split_by_kind(table)
    resolve(rows, FUNCTIONAL if by_kind else INCOME, unit=table.unit or record.unit, year=record.year)
    read = partial(_kinds if by_kind else sources_of_row, table=table, record=record)
    record.unit_expenditure = [
        UnitExpenditure(name=name, own=own, sources={} if by_kind else figures,
                        kinds=figures if by_kind else {}, provenance=prov)
        for name, own, figures, prov in unit_rows(rows, table, record, read)]


def _split_by_kind(table) -> bool:
    """True where the table's header splits spending by kind (基本支出 | 项目支出), not by funds."""
    return any(_KIND_HEADER_RE.search(compact_name(line.text)) for line in table.lines if is_unit_header(line))


def _kinds(row: Row, table, record: Record) -> dict[str, Decimal]:
    """The row's printed kinds of spending, in the record's unit."""
    return columns_of_row(row, table, record, KIND_OF_COLUMN)
