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

from kg.extract.model import Provenance, Record, UnitExpenditure
from kg.extract.tables.classification import FUNCTIONAL, in_record_unit, printed_unit
from kg.extract.tables.columns import resolve
from kg.extract.tables.income import INCOME, by_unit, columns_of_row, is_unit_header, sources_of_row, unit_rows
from kg.extract.tables.rows import Row, read_rows
from kg.extract.text_normalize import compact_name
from kg.extract.tables import register

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


# A table of one kind of spending printed by unit, each unit's row above its own breakdown (广东 表11
# 部门预算基本支出预算表: 广州市统计局（本级） 5,673.23 over 工资福利支出 …; 表12 部门预算项目支出及其他支出
# 预算表: a unit over its projects): the kind its title names.
_KIND_OF_TITLE = (("basic", re.compile(r"基本支出")), ("project", re.compile(r"项目支出|专项业务经费")))
_UNIT_COLUMN_RE = re.compile(r"单位")
_AMOUNT_COLUMN_RE = re.compile(r"^(?:总计|合计)$")
_SUM_RE = re.compile(r"^(?:合计|总计)$")
_OWN_SUFFIX_RE = re.compile(r"[（(]本级[)）]$")
_TOTAL_OF_KIND = {"basic": "basic_expenditure", "project": "project_expenditure"}
_KIND_WORDS = {"basic": "基本支出", "project": "项目支出"}


def read_units_of_kind(table, record: Record) -> list:
    """The unit rows of a table of one kind of spending (基本支出 / 项目支出) printed by unit, each unit
    over the rows that make it up, into ``record.unit_expenditure`` — one ``UnitExpenditure`` per unit
    and table, its ``kinds`` the one kind, so each figure keeps its own table's provenance. A unit
    row is a row named like a unit (``kg.extract.project_cells.is_unit_name``: …局, …中心, never a
    purpose such as 经费); the identities it promises — each unit the sum of its rows, the table's
    合计 the sum of its units, and that 合计 the department's figure of the kind — are returned
    (``Identity``: ``children_sum``, ``same_figure``) for the table's checks. Read from ruled cells (a
    text extraction gives none); a table of the department's own row alone lists no units."""
    from kg.extract.project_cells import is_unit_name, source_columns
    from kg.extract.tables.contracts import Identity
    from kg.extract.text_normalize import cell_money
    from kg.names.department import canonical_key

    kind = next((k for k, rx in _KIND_OF_TITLE if rx.search(compact_name(table.title or ""))), None)
    lines = [line for line in table.lines if line.cells is not None]
    if kind is None or not lines or any(kind in row.kinds for row in record.unit_expenditure):
        return []  # a kind the expenditure table by unit already printed is read once
    header = [[compact_name(c or "") for c in line.cells] for line in lines
              if not any(re.search(r"\d", c or "") for c in line.cells)]
    if not header or not _UNIT_COLUMN_RE.search(header[0][0]):
        return []
    amount = next((k for row in header for k, c in enumerate(row) if _AMOUNT_COLUMN_RE.match(c)), None)
    if amount != 1:
        return []  # the units and their rows share the first column, the figures follow it (not 单位名称 | 项目名称 | …)
    own_key = canonical_key(record.department) if record.department else None
    funds_of = source_columns(header, amount, None)  # 财政拨款 | 一般公共预算 | … | 财政专户拨款 | 其他资金
    total: Decimal | None = None
    total_line = None
    units: list[tuple[str, bool, Decimal, object, list[Decimal]]] = []  # name, own, figure, line, its rows
    breakdown: list[tuple[int, str, Decimal, dict[str, Decimal], object]] = []  # unit index, row, 总计, funds, line
    for line in lines:
        cells = [compact_name(c or "") for c in line.cells]
        value = cell_money(cells, amount) if cells and cells[0] else None
        if value is None:
            continue
        value = in_record_unit(value, table, record)
        if _SUM_RE.match(cells[0]):
            total, total_line = (value, line) if total is None else (total, total_line)
        elif is_unit_name(cells[0]):
            bare = _OWN_SUFFIX_RE.sub("", cells[0])
            own = bare != cells[0] or (own_key is not None and canonical_key(bare) == own_key)
            units.append((cells[0], own, value, line, []))
        elif units:
            units[-1][4].append(value)
            funds = {key: in_record_unit(v, table, record) for col, key in funds_of.items()
                     if (v := cell_money(cells, col)) is not None}
            breakdown.append((len(units) - 1, cells[0], value, funds, line))
    if not units or (len(units) == 1 and units[0][1]):
        return []
    unit = printed_unit(table, record)

    def where(line, row: str) -> Provenance:
        return Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label, row=row, unit=unit)

    identities_of_rows = _economic_rows(table, record, kind, units, breakdown, where)

    identities = [Identity("children_sum", f"{table.label} {name}", sum(rows, Decimal(0)), value, where(line, name))
                  for name, _, value, line, rows in units if rows]
    if total is not None:
        identities.append(Identity("children_sum", f"{table.label} 合计", sum((u[2] for u in units), Decimal(0)),
                                   total, where(total_line, "合计")))
        # the table's 合计 is the department's 基本支出 / 项目支出 the summary tables print
        key = _TOTAL_OF_KIND[kind]
        figure = getattr(record.totals, key)
        if figure is not None:
            against = record.totals.provenance.get(key)
            identities.append(Identity("same_figure", f"{table.label} 合计 vs {against.table + ' ' if against and against.table else ''}"
                                       f"{_KIND_WORDS[kind]}", figure, total, where(total_line, "合计")))
    record.unit_expenditure.extend(UnitExpenditure(name=name, own=own, kinds={kind: value}, provenance=where(line, name))
                                   for name, own, value, line, _ in units)
    return identities + identities_of_rows


# the funds columns a row splits into, as the table adds them up: 总计 = 财政拨款 + 财政专户 + 其他资金,
# 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营
_FUND_SUMS = (("total", ("fiscal", "fiscal_special", "other")),
              ("fiscal", ("general_public_budget", "government_fund", "state_capital")))
_FUND_SUM_WORDS = {"total": "总计（各资金之和）", "fiscal": "财政拨款（三本预算之和）"}


def _economic_rows(table, record: Record, kind: str, units: list, breakdown: list, where) -> list:
    """The rows under each unit that are economic 类 (广东 表11 基本支出: 工资福利支出 …) into
    ``record.unit_economic`` — how each unit's spending of the kind is made up, with its funds — and
    each row's own arithmetic across its funds columns (``row_identity``). Rows that are not economic
    类 by name (a project under its unit in 表12) are left to the project readers: none is kept
    unless most rows of the table name a 类."""
    from kg.extract.model import UnitEconomic
    from kg.extract.profiles.vocabulary import economic_class_code
    from kg.extract.tables.contracts import Identity

    coded = [economic_class_code(name) for _, name, _, _, _ in breakdown]
    if not breakdown or sum(1 for c in coded if c) * 2 <= len(breakdown):
        return []
    identities = []
    for (index, name, value, funds, line), code in zip(breakdown, coded):
        unit_name, own = units[index][0], units[index][1]
        prov = where(line, f"{unit_name}/{name}")
        record.unit_economic.append(UnitEconomic(unit=unit_name, name=name, own=own, kind=kind, code=code,
                                                 total=value, funds=funds, provenance=prov))
        row = {"total": value, **funds}
        for whole, parts in _FUND_SUMS:
            if row.get(whole) is not None and any(p in row for p in parts):
                identities.append(Identity("row_sum", f"{table.label} {unit_name}/{name} {_FUND_SUM_WORDS[whole]}",
                                           sum((row.get(p, Decimal(0)) for p in parts), Decimal(0)), row[whole], prov))
    return identities


@register("basic_expenditure_economic")
def parse_basic_by_unit(table, record: Record, parts) -> None:
    """基本支出预算表 of all funds (广东 表11, 深圳 表4): its rows by economic subject are not read
    here (表6 gives them); where it prints each unit over its rows, each unit's 基本支出."""
    from kg.extract.tables.contracts import TableData

    identities = read_units_of_kind(table, record)
    if identities:
        table.data = TableData(identities=identities)
