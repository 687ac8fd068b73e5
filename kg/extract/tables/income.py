"""表2 部门收入总体情况表: income by functional subject and by source (12 columns).

Its text rows print 3–6 of 12 columns, so placement leans on the identities (总计 = 财政拨款小计
+ 财政专户 + 单位资金 + 财政拨款结转 + 非财政拨款结转结余; 小计 = its six parts), on 表1's figures
for the 总计 row (the same figures printed twice), and on parent = Σ children below it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from kg.extract.model import Provenance, Record, SubjectIncome, UnitIncome
from kg.extract.tables import register
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.tables.columns import Schema, resolve
from kg.extract.tables.contracts import ClassificationData, SummaryData
from kg.extract.tables.rows import Row, read_rows
from kg.extract.text_normalize import compact_name
from kg.names.department import canonical_key

INCOME = Schema(
    columns=["total", "fiscal_subtotal", "general_budget", "upper_general", "fund", "upper_fund",
             "state_capital", "upper_state_capital", "fiscal_special", "unit_funds",
             "carryover_fiscal", "carryover_nonfiscal"],
    sums=[("total", ["fiscal_subtotal", "fiscal_special", "unit_funds", "carryover_fiscal",
                     "carryover_nonfiscal"]),
          ("fiscal_subtotal", ["general_budget", "upper_general", "fund", "upper_fund",
                               "state_capital", "upper_state_capital"]),
          ("unit_funds", ["unit_business", "unit_operating", "unit_upper", "unit_affiliated", "unit_other"])],
    header_patterns=[("of_which", r"^其中"),  # 其中：专项资金列入部门预算项目: a part of a part, not a source
                     ("general_budget", r"^(?:小计|合计)$", r"一般公共预算|公共预算拨款"),
                     ("carryover_nonfiscal", r"非财政拨款结转|实户资金余额"),
                     ("carryover_fiscal", r"财政拨款结转|上年结转"),
                     ("upper_general", r"上级一般公共预算"), ("upper_fund", r"上级政府性基金"),
                     ("upper_state_capital", r"上级国有资本"), ("general_budget", r"一般公共预算"),
                     ("fund", r"政府性基金"), ("state_capital", r"国有资本经营"), ("fiscal_special", r"财政专户"),
                     ("unit_funds", r"单位资金"), ("unit_business", r"^事业收入"),
                     ("unit_operating", r"事业单位经营收入|^经营收入"), ("unit_upper", r"上级补助收入"),
                     ("unit_affiliated", r"附属单位上缴"), ("unit_other", r"^其他(?:收入|资金)"),
                     ("fiscal_subtotal", r"^财政拨款"), ("total", r"^(?:合计|总计|收入合计|金额|小计|本年收入合计)$")],
    header_only=["unit_business", "unit_operating", "unit_upper", "unit_affiliated", "unit_other", "of_which"],
    # 财政专户 (education fees) and the fund / state-capital columns are seldom used
    rarity={"upper_general": 1, "unit_funds": 1, "carryover_nonfiscal": 1, "fund": 2, "state_capital": 2,
            "fiscal_special": 3, "upper_fund": 3, "upper_state_capital": 3})

COLUMN_TITLES = {"total": "总计", "fiscal_subtotal": "财政拨款（补助）小计", "general_budget": "一般公共预算",
                 "upper_general": "上级一般公共预算安排的转移支付", "fund": "政府性基金预算",
                 "upper_fund": "上级政府性基金安排的转移支付", "state_capital": "国有资本经营预算",
                 "upper_state_capital": "上级国有资本经营预算安排的转移支付", "fiscal_special": "财政专户",
                 "unit_funds": "单位资金", "carryover_fiscal": "财政拨款结转",
                 "carryover_nonfiscal": "非财政拨款结转结余", "unit_business": "事业收入",
                 "unit_operating": "事业单位经营收入", "unit_upper": "上级补助收入",
                 "unit_affiliated": "附属单位上缴收入", "unit_other": "其他收入"}


def _hints(parts) -> dict[str, Decimal]:
    """表1's income items for the columns of 表2's 总计 row."""
    summary = parts.table("summary") if parts is not None else None
    if summary is None:
        return {}
    items = summary.data.by_key if isinstance(summary.data, SummaryData) else {}
    mapping = {"general_own": "general_budget", "upper_general": "upper_general",
               "government_fund": "fund", "state_capital": "state_capital",
               "fiscal_special": "fiscal_special", "unit_funds": "unit_funds",
               "carryover_fiscal": "carryover_fiscal", "carryover_nonfiscal": "carryover_nonfiscal",
               "income_total": "total"}
    out = {}
    for key, col in mapping.items():
        if items.get(key) is not None:
            out[col] = items[key]
    if "general_budget" not in out and items.get("general_public_budget") is not None:
        out["general_budget"] = items["general_public_budget"]
    return out


@register("income")
def parse_income(table, record: Record, parts) -> None:
    rows = read_rows(table.lines, coded=True)
    resolve(rows, INCOME, hints=_hints(parts), unit=table.unit or record.unit, year=record.year)
    table.rows = rows
    table.data = ClassificationData(schema=INCOME)
    if not record.functional_income:  # the first income table by subject (a 单位 version after it is not the department's)
        record.functional_income = subject_income(rows, table, record)
    if not record.unit_income and by_unit(table):
        record.unit_income = unit_income(rows, table, record)


# the table's columns -> the record's income source keys (``kg.extract.model.INCOME_SOURCE_KEYS``)
SOURCE_OF_COLUMN = {"total": "total", "fiscal_subtotal": "fiscal", "general_budget": "general_public_budget",
                    "upper_general": "upper_level_transfer", "fund": "government_fund", "upper_fund": "upper_fund",
                    "state_capital": "state_capital", "upper_state_capital": "upper_state_capital",
                    "fiscal_special": "fiscal_special_account", "unit_funds": "unit_funds",
                    "unit_business": "unit_business", "unit_operating": "unit_operating", "unit_upper": "unit_upper",
                    "unit_affiliated": "unit_affiliated", "unit_other": "unit_other",
                    "carryover_fiscal": "carryover_fiscal", "carryover_nonfiscal": "carryover_nonfiscal"}


def subject_income(rows, table, record: Record) -> list[SubjectIncome]:
    """Every coded row of an income table as a ``SubjectIncome`` in the record's unit: the
    columns the row prints, by source (a row of which only the 合计 was placed is left out: its
    sources are unknown, not blank). Where the table prints 上级一般公共预算安排的转移支付 in a
    column of its own, its 一般公共预算 column is the 本级 part only (``general_public_budget_own``):
    the transfer is not inside it, as it is inside the department's 一般公共预算拨款."""
    split = any(row.get("upper_general") is not None for row in rows)
    unit = printed_unit(table, record)
    out: list[SubjectIncome] = []
    for row in rows:
        if not row.code:
            continue
        sources = {}
        for column, value in row.values.items():
            key = SOURCE_OF_COLUMN.get(column)
            if key is None or value is None:
                continue
            if key == "general_public_budget" and split:
                key = "general_public_budget_own"
            sources[key] = in_record_unit(value, table, record)
        if set(sources) - {"total"}:  # a row whose source columns were not read says nothing of its sources
            prov = replace(row.provenance(record.source, table.label), unit=unit)
            out.append(SubjectIncome(code=row.code, name=row.name, sources=sources, provenance=prov))
    return out


# the header of a table printed by unit: its first column is the unit's name (单位名称 合计 …), not
# the caption ``单位名称：广州市统计局`` above a table by subject; a 序号 column may come first (西安 2022)
_BY_UNIT_RE = re.compile(r"^(?:序号)?(?:单位名称|预算单位(?:名称)?|单位编码单位名称|单位代码单位名称)"
                         r"(?:合计|总计|本年收入|财政拨款|部门预算)")
# the department's own office printed as a unit of its own
_OWN_RE = re.compile(r"本级|机关本部|^本部$")
OWN_UNIT_RE = _OWN_RE  # the one definition, for the other tables by unit (三公 by unit)


def by_unit(table) -> bool:
    """True where the table lists budget units, one row each (a 单位名称 column first)."""
    return any(is_unit_header(line) for line in table.lines)


def is_unit_header(line) -> bool:
    """True for a header row of a table by unit (单位名称 | 合计 | …)."""
    return bool(_BY_UNIT_RE.match(compact_name(line.text)))


def unit_income(rows, table, record: Record) -> list[UnitIncome]:
    """Every unit row of an income table by unit as a ``UnitIncome`` in the record's unit."""
    return [UnitIncome(name=name, own=own, sources=sources, provenance=prov)
            for name, own, sources, prov in unit_rows(rows, table, record, partial(sources_of_row, table=table, record=record))]


# one unit row of a table by unit: (name, own, the figures read of it, provenance)
UnitRow = tuple[str, bool, dict[str, Decimal], Provenance]


def unit_rows(rows: list[Row], table, record: Record, figures: Callable[[Row], dict[str, Decimal]]) -> list[UnitRow]:
    """(unit name, own, figures, provenance) of every unit row of a table by unit (income or
    expenditure), in the order printed; ``figures(row)`` is what the caller reads of a row (its
    sources, its kinds of spending).

    The 合计 row is the department's total, not a unit. A row under the department's name whose
    合计 equals the table's 合计 while units follow (杭州市司法局 99,230.46 above 杭州市司法局
    12,586.47 and 四个监狱; 西安 ``117 西安市审计局`` above ``117001 西安市审计局``) is the
    department's sum line printed once more, not its 本级: left out. A row whose columns were not
    read says nothing and is left out. A table of the department's own row alone lists no units:
    nothing."""
    total = next((row.get("total") for row in rows if row.is_total and row.get("total") is not None), None)
    unit = printed_unit(table, record)
    own_key = canonical_key(record.department) if record.department else None
    candidates = [row for row in rows if not row.code and not row.is_total and row.values]
    out: list[UnitRow] = []
    for row in candidates:
        name = compact_name(row.name)
        if not name:
            continue
        own = bool(_OWN_RE.search(name)) or (own_key is not None and canonical_key(name) == own_key)
        if own and total is not None and row.get("total") == total and len(candidates) > 1:
            continue
        read = figures(row)
        if not read:
            continue
        out.append((name, own, read, replace(row.provenance(record.source, table.label), unit=unit)))
    return out if len(out) > 1 or (out and not out[0][1]) else []


def columns_of_row(row: Row, table, record: Record, keys: dict[str, str]) -> dict[str, Decimal]:
    """The row's printed columns that ``keys`` names (column → record key), in the record's unit."""
    out = {}
    for column, value in row.values.items():
        key = keys.get(column)
        if key is not None and value is not None:
            out[key] = in_record_unit(value, table, record)
    return out


def sources_of_row(row: Row, table, record: Record) -> dict[str, Decimal]:
    """The row's printed source columns, by income source key, in the record's unit."""
    return columns_of_row(row, table, record, SOURCE_OF_COLUMN)
