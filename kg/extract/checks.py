"""Recompute every arithmetic identity the tables promise. Findings, never corrections.

Each check recomputes ``expected`` with Decimal from the parts as printed and compares it with
the ``printed`` figure; ``where`` names the place in the style ``表3 21101 项目支出``. Rules:

* ``children_sum``   a total = Σ its parts (总计 = Σ 类, 类 = Σ 款, 款 = Σ 项, per column;
                     表1 本年收入 = Σ its items; 表10 合计 = Σ 三公 items; 表11 总计 = Σ items)
* ``row_sum``        inside one row, a column = Σ the columns it totals (表2 总计 = 小计 + …)
* ``basic_plus_project`` / ``personnel_plus_public``  合计 = 基本 + 项目; 基本 = 人员 + 公用
* ``income_equals_expenditure``  表1 收入总计 = 支出总计
* ``same_figure``    one figure printed in two tables (表3 总计 vs 表1 支出总计, …)

Tables keep their parsed rows (``TableSection.rows``); nothing is re-read here. The narrative's
own checks (说明, 绩效目标表) come from ``kg.extract.narrative.checks.narrative_checks``.
"""
from __future__ import annotations

import re

from decimal import Decimal
from typing import Iterable

from kg.extract.model import CARRYOVER_BY_SOURCE, Check, Provenance, Record
from kg.extract.rules import CENT, CHECK_SETS, grade, precision, register_checks, register_rule
from kg.extract.tables.contracts import (CarryoverData, ClassificationData, ProjectTableData, SummaryData,
                                         TableData)
from kg.units import convert

ZERO = Decimal(0)

# the identities the tables promise (ids as the records print them since the first version)
register_rule("children_sum", "合计等于各分项之和",
              "a total row (总计, 类, 款, 小计) against the sum of the rows under it, column by column")
register_rule("row_sum", "行内合计等于各栏之和", "inside one row, a total column against the columns it adds up")
register_rule("basic_plus_project", "合计等于基本支出加项目支出", "合计 = 基本支出 + 项目支出 in one row")
register_rule("personnel_plus_public", "基本支出等于人员经费加公用经费", "基本支出 = 人员经费 + 公用经费 in one row")
register_rule("income_equals_expenditure", "收入总计等于支出总计", "the summary table's two grand totals")
register_rule("same_figure", "同一数字前后一致",
              "one figure printed twice (two tables, a table and the narrative, two files of one budget)")
register_rule("code_misprint", "科目编码印错", "a row printed under a misprinted subject code (a table reader's finding)")

COLUMN_TITLES: dict[str, dict[str, str]] = {
    "functional": {"basic": "基本支出", "project": "项目支出", "basic_personnel": "基本支出 人员经费",
                   "basic_public": "基本支出 公用经费", "reserve": "预留机动经费", "of_which": "其中"},
    "economic": {"personnel": "人员经费", "public": "公用经费"},
    "carryover": {"fiscal": "财政拨款 合计", "fiscal_basic": "财政拨款 基本支出",
                  "fiscal_personnel": "财政拨款 人员经费", "fiscal_public": "财政拨款 公用经费",
                  "fiscal_project": "财政拨款 项目支出", "nonfiscal": "非财政拨款 合计",
                  "nonfiscal_basic": "非财政拨款 基本支出", "nonfiscal_personnel": "非财政拨款 人员经费",
                  "nonfiscal_public": "非财政拨款 公用经费", "nonfiscal_project": "非财政拨款 项目支出"},
}


def column_title(titles: dict[str, str], col: str) -> str:
    """A column's name for people: the table's own title for it, else any table's, else the key —
    an audit line never shows ``basic_personnel`` where it can say 基本支出 人员经费."""
    if col in titles:
        return titles[col]
    for group in COLUMN_TITLES.values():
        if col in group:
            return group[col]
    return col


class Checks:
    """Collects checks; ``add`` skips identities with nothing printed on either side."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.items: list[Check] = []

    def add(self, rule: str, where: str, expected: Decimal | None, printed: Decimal | None,
            provenance: Provenance | None = None, parts: int = 1, table=None) -> None:
        if expected is None and printed is None:
            return
        if rule == "same_figure" and (expected is None or printed is None):
            return  # a figure printed in one table only compares with nothing
        expected_value = expected if expected is not None else ZERO
        ok = printed is not None and expected_value == printed or (printed is None and expected_value == 0)
        tolerance = rounding_tolerance(self.record, table, printed, parts) if not ok else None
        self.items.append(Check(rule, where, expected_value, printed, ok, provenance, tolerance=tolerance))


def rounding_tolerance(record: Record, table, printed: Decimal | None, parts: int = 1) -> Decimal:
    """The gap rounding explains for a sum of ``parts`` printed figures: half a unit of the printed
    place per part, never less than one unit (a table in 万元 inside a 元 record prints to 0.01万元)."""
    table_unit = getattr(table, "unit", None) or record.unit
    if table_unit and record.unit and table_unit != record.unit:
        step = convert(CENT, table_unit, record.unit)
    else:
        step = max(precision(printed), CENT)
    return step * max(1, (parts + 1) // 2)


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


def _prov(record: Record, table, row) -> Provenance | None:
    try:
        return row.provenance(record.source, table.label)
    except AttributeError:
        return None


def _schema(table):
    """The column schema of a table read as subject rows (``ClassificationData``), else None."""
    return table.data.schema if isinstance(table.data, ClassificationData) else None


def _column_titles(table) -> dict[str, str]:
    schema = _schema(table)
    cols = schema.columns if schema else []
    if "basic" in cols:
        return COLUMN_TITLES["functional"]
    if "personnel" in cols:
        return COLUMN_TITLES["economic"]
    if "fiscal_project" in cols:
        return COLUMN_TITLES["carryover"]
    if "fiscal_subtotal" in cols:
        from kg.extract.tables.income import COLUMN_TITLES as income_titles

        return {k: v for k, v in income_titles.items() if k != "total"}
    return {}


def parent_groups(rows: list, root) -> list[tuple[object, list]]:
    """(parent, children) of a classification table: root -> units (where a row per unit is
    printed) or 类; unit -> its 类; 类 -> 款; 款 -> 项 — within each unit's rows."""
    from kg.extract.tables.columns import parent_code, segments

    out: list[tuple[object, list]] = []
    segs = segments(rows)
    heads = [h for h, _ in segs if h is not None]
    if root is not None and heads:
        out.append((root, heads))
    for head, members in segs:
        # a 款/项 printed without a code stands under the row its indentation put it under
        coded = [r for r in members if r.code or r.extra.get("subject_level")]
        known = {r.code for r in coded if r.code}
        tops: list = []
        children: dict[int, list] = {}
        latest: dict[str, object] = {}  # the last row printed with each code, above the current
        for r in coded:
            if not r.code:
                children.setdefault(id(r.extra["subject_parent"]), []).append(r)
                continue
            parent = parent_code(r.code, known)
            if parent is None:
                tops.append(r)
            else:
                # a code printed more than once (one 301 per paired 501/505 subject, 烟台 表6)
                # owns the rows below it up to its next printing
                owner = latest.get(parent) or next(p for p in coded if p.code == parent)
                children.setdefault(id(owner), []).append(r)
            latest[r.code] = r
        top = head if head is not None else (root if not heads else None)
        if top is not None:
            out.append((top, tops))
        out.extend((r, children.get(id(r), [])) for r in coded)
    return out


def classification_checks(c: Checks, table) -> None:
    """Σ children per column for every parent row; the row identities of each row."""
    rows = [r for r in table.rows if hasattr(r, "values") and r.values]
    schema = _schema(table)
    if not rows or schema is None:
        return
    titles = _column_titles(table)
    root = next((r for r in rows if r.is_total), None)
    for parent, kids in parent_groups(rows, root):
        if not kids:
            continue
        where = f"{table.label} {parent.label}"
        prov = _prov(c.record, table, parent)
        for col in schema.all_columns:
            expected = _sum(k.get(col) for k in kids)
            printed = parent.get(col)
            if col != schema.columns[0] and printed is None and not expected:
                continue
            suffix = "" if col == schema.columns[0] else f" {column_title(titles, col)}"
            c.add("children_sum", where + suffix, expected, printed, prov, parts=len(kids), table=table)
    for row in rows:
        where = f"{table.label} {row.label}"
        prov = _prov(c.record, table, row)
        for total, parts in schema.sums:
            if row.get(total) is None:
                continue
            # parts only a PDF header names (单位预留机动经费) count where printed
            required = [row.get(p) for p in parts if p not in schema.header_only]
            printed_parts = required + [row.get(p) for p in parts if p in schema.header_only]
            if "basic" in parts and "project" in parts:
                if any(v is None for v in required):
                    continue
                c.add("basic_plus_project", where, _sum(printed_parts), row.get(total), prov)
            elif "personnel" in parts:
                if any(v is None for v in required):
                    continue
                c.add("personnel_plus_public", where, _sum(printed_parts), row.get(total), prov)
            else:
                if all(v is None for v in printed_parts):
                    # a sum column whose parts are blank: only where a lower sum column covers them
                    nested = [s for s, _ in schema.sums if s in parts and row.get(s) is not None]
                    if not nested:
                        continue
                # parts that are themselves sums stand for their own parts where blank
                values = []
                for p in parts:
                    v = row.get(p)
                    if v is None:
                        sub = next((ps for s, ps in schema.sums if s == p), None)
                        if sub:
                            v = _sum(row.get(q) for q in sub)
                    values.append(v)
                if all(v is None for v in values):
                    continue
                title = titles.get(total, "") if total != schema.columns[0] else ""
                c.add("row_sum", f"{where} {title}".rstrip(), _sum(values), row.get(total), prov)


def summary_checks(c: Checks, table) -> None:
    """表1/表4: 收入总计 = 支出总计; each income heading = Σ its items; 支出总计 = Σ 类."""
    if not isinstance(table.data, SummaryData):
        return
    items = table.data.items
    grand = table.data.grand
    label = table.label
    inc, exp = grand.income_total, grand.expenditure_total
    line = grand.line
    prov = Provenance(file=c.record.source, page=line.page, line=line.lineno, table=label,
                      row="收入总计") if line is not None else None
    if inc is not None and exp is not None:
        c.add("income_equals_expenditure", f"{label} 收入总计 = 支出总计", inc, exp, prov)

    def kids_of(n: int) -> list:
        item = items[n]
        following = []
        for other in items[n + 1:]:
            if other.level <= item.level:
                break
            following.append(other)
        following = [o for o in following if o.level >= 0]
        if not following:
            return []
        level = min(o.level for o in following)
        return [o for o in following if o.level == level]

    def effective(n: int) -> Decimal | None:
        if items[n].value is not None:
            return items[n].value
        return _sum(effective(items.index(k)) for k in kids_of(n))

    tops = [n for n, i in enumerate(items) if i.level == 0]
    if tops and inc is not None:
        c.add("children_sum", f"{label} 收入总计", _sum(effective(n) for n in tops), inc, prov)
    for n, item in enumerate(items):
        if item.level > 1 or item.level < 0 or item.value is None:
            continue
        kids = kids_of(n)
        if not any(k.value is not None for k in kids):
            continue
        if len(kids) == 1 and kids[0].label.startswith("其中"):
            continue  # ``其中：专项资金列入部门预算的项目``: one part named out of the whole, not its parts
        iprov = Provenance(file=c.record.source, page=item.line.page, line=item.line.lineno, table=label,
                           row=item.label)
        from kg.extract.tables.summary import _NUMBER_PREFIX

        name = _NUMBER_PREFIX.sub("", item.label)
        c.add("children_sum", f"{label} {name}", _sum(k.value for k in kids), item.value, iprov)
    right = [r for r in table.rows if getattr(r, "code", None)]
    # the 类 add up to the year's spending: 本年支出合计 where printed (a 决算's 支出总计 adds its
    # 结余分配 and 年末结转和结余), else 支出总计
    current = table.data.expenditure_items.get("current_year_expenditure")
    spent, spent_label = (current.figures[0], current.name) if current is not None and current.figures \
        and current.figures[0] is not None else (exp, "支出总计")
    if right and spent is not None:
        c.add("children_sum", f"{label} {spent_label}", _sum(r.figures[0] if r.figures else None for r in right),
              spent, prov)


def three_public_checks(c: Checks, table) -> None:
    rows = {r.key: r for r in table.rows}
    label = table.label

    def val(key: str) -> Decimal | None:
        row = rows.get(key)
        return row.value if row is not None else None

    def prov(row) -> Provenance:
        line = row.lines[0]
        return Provenance(file=c.record.source, page=line.page, line=line.lineno, table=label, row=row.label)

    def effective(key: str) -> Decimal | None:
        # a blank 公务用车购置及运行费（小计） stands for its two parts (its own check reports it)
        if key == "vehicles" and val(key) is None:
            return _sum([val("vehicle_purchase"), val("vehicle_operation")])
        return val(key)

    three = ["overseas", "reception", "vehicles"]
    if "subtotal" in rows:
        c.add("children_sum", f"{label} {rows['subtotal'].label}", _sum(effective(k) for k in three),
              val("subtotal"), prov(rows["subtotal"]))
        if "total" in rows:
            c.add("children_sum", f"{label} {rows['total'].label}",
                  _sum([val("subtotal"), val("meetings"), val("training")]), val("total"), prov(rows["total"]))
    elif "total" in rows:
        c.add("children_sum", f"{label} {rows['total'].label}",
              _sum(effective(k) for k in three + ["meetings", "training"]), val("total"), prov(rows["total"]))
    if "vehicles" in rows and ("vehicle_purchase" in rows or "vehicle_operation" in rows):
        c.add("children_sum", f"{label} {rows['vehicles'].label}",
              _sum([val("vehicle_purchase"), val("vehicle_operation")]), val("vehicles"), prov(rows["vehicles"]))


def project_checks(c: Checks, table, parts) -> None:
    """表7: 总计 = Σ 类; 类 = Σ 款; 款 = Σ 项 rows; and per 项, Σ projects = 表5's 项目支出."""
    rows = table.rows
    if not rows:
        return
    from kg.extract.tables.columns import segments

    root = next((r for r in rows if r.is_total), None)
    projects = table.data.projects if isinstance(table.data, ProjectTableData) else []
    project_rows = {id(r) for r, _ in projects}
    segs = segments(rows)
    heads = [h for h, _ in segs if h is not None]

    def tree_checks(top, members) -> None:
        coded = [r for r in members if r.code]
        tops = [r for r in coded if len(r.code) == 3]
        if top is not None and top.get("total") is not None:
            in_scope = tops or [r for r in members if id(r) in project_rows]
            if in_scope:
                c.add("children_sum", f"{table.label} {top.label}", _sum(r.get("total") for r in in_scope),
                      top.get("total"), _prov(c.record, table, top))
        for parent in coded:
            if len(parent.code) == 7:
                continue
            size = len(parent.code) + 2
            kids = [r for r in coded if len(r.code) == size and r.code.startswith(parent.code)]
            if kids:
                c.add("children_sum", f"{table.label} {parent.code}", _sum(k.get("total") for k in kids),
                      parent.get("total"), _prov(c.record, table, parent), parts=len(kids), table=table)

    if root is not None and heads and root.get("total") is not None:
        c.add("children_sum", f"{table.label} {root.label}", _sum(h.get("total") for h in heads),
              root.get("total"), _prov(c.record, table, root))
    for head, members in segs:
        tree_checks(head if head is not None else (root if not heads else None), members)
    general = parts.table("general_budget_expenditure")
    if general is None or not projects:
        return
    by_code: dict[str, list] = {}
    for row, _ in projects:
        by_code.setdefault(row.code, []).append(row)
    g_rows = {r.code: r for r in general.rows if getattr(r, "code", None)}
    for code, prow in by_code.items():
        g = g_rows.get(code)
        if g is None:
            continue
        c.add("same_figure", f"{table.label} {code} vs {general.label} {code} 项目支出",
              g.get("project"), _sum(r.get("total") for r in prow), _prov(c.record, table, prow[0]))
    g_root = next((r for r in general.rows if getattr(r, "is_total", False)), None)
    if root is not None and g_root is not None and g_root.get("project") is not None:
        c.add("same_figure", f"{table.label} {root.label} vs {general.label} {g_root.label} 项目支出",
              g_root.get("project"), root.get("total"), _prov(c.record, table, root))


def carryover_checks(c: Checks, table) -> None:
    """表11: 总计 = Σ items per column; each unit subtotal = Σ its items; row identities."""
    from kg.extract.tables.carryover import CARRYOVER

    if not isinstance(table.data, CarryoverData):
        return
    items = table.data.items
    groups = table.data.groups
    root = next((r for r in table.rows if r.is_total), None)
    titles = COLUMN_TITLES["carryover"]

    def compare(parent, kids, where_base):
        for col in CARRYOVER.columns:
            printed = parent.get(col)
            expected = _sum(k.get(col) for k in kids)
            if col != "total" and printed is None and not expected:
                continue
            suffix = "" if col == "total" else f" {titles[col]}"
            c.add("children_sum", where_base + suffix, expected, printed, _prov(c.record, table, parent),
                  parts=len(kids), table=table)

    if root is not None and items:
        compare(root, items, f"{table.label} {root.label}")
    heads = [h for h, its in groups if h is not None and h is not root and its]
    if len(heads) > 1:
        for head, its in groups:
            if head is not None and head is not root and its:
                compare(head, its, f"{table.label} {head.label}")


def _headed_current(table, word: str) -> bool:
    """True where a PDF table's header names its total column ``word`` (本年收入合计)."""
    if table is None:
        return False
    from kg.extract.text_normalize import compact_name

    return any(line.cells and any(cell and compact_name(cell) == word for cell in line.cells)
               for line in table.lines[:8])


def _current_year_lines(summary) -> tuple[Decimal | None, Decimal | None]:
    """The summary's 本年收入合计 and 本年支出合计 figures where it prints them."""
    if summary is None:
        return None, None
    if not isinstance(summary.data, SummaryData):
        return None, None
    current_in = summary.data.by_key.get("current_year_income")
    row = summary.data.expenditure_items.get("current_year_expenditure")
    current_out = row.figures[0] if row is not None and row.figures else None
    return current_in, current_out


def _total_vs_summary(c: Checks, record: Record, table, row, summary, side: str, current: Decimal | None,
                      grand: Decimal | None) -> None:
    """表2/表3's 合计 against 表1: its 本年收入/支出合计 line where the table's total column is the
    year's own (the 决算 template), else its 收入/支出总计."""
    if row is None:
        return
    if _headed_current(table, f"本年{side}合计") and current is not None:
        c.add("same_figure", f"{table.label} {row.label} vs {summary.label} 本年{side}合计",
              current, row.get("total"), _prov(record, table, row))
    elif grand is not None:
        c.add("same_figure", f"{table.label} {row.label} vs {summary.label} {side}总计",
              grand, row.get("total"), _prov(record, table, row))


def cross_table_checks(c: Checks, parts, record: Record) -> None:
    """The same figure printed in two tables."""
    summary = parts.table("summary")
    summary_data = summary.data if summary is not None and isinstance(summary.data, SummaryData) else SummaryData()
    grand = summary_data.grand
    expenditure = parts.table("expenditure")
    general = parts.table("general_budget_expenditure")
    economic = parts.table("basic_economic")
    income = parts.table("income")
    carry = parts.table("carryover")

    def root(table):
        if table is None:
            return None
        return next((r for r in table.rows if getattr(r, "is_total", False)), None)

    r3, r5, r6, r2, r11 = root(expenditure), root(general), root(economic), root(income), root(carry)
    # A table whose total column is 本年收入合计 / 本年支出合计 (the 决算 template) holds the year's
    # figures only: it is compared with the summary's 本年 line, not with 总计 (which adds 结转).
    current_in, current_out = _current_year_lines(summary)
    _total_vs_summary(c, record, expenditure, r3, summary, "支出", current_out, grand.expenditure_total)
    _total_vs_summary(c, record, income, r2, summary, "收入", current_in, grand.income_total)
    by_key = summary_data.by_key
    if r6 is not None and r3 is not None and r3.get("basic") is not None and _general_budget_only(by_key):
        # 表3 is every source's spending, 表6 the general budget's: one figure only where the
        # general budget is the department's only money (表6 is checked against 表5 as well)
        c.add("same_figure", f"{economic.label} {r6.label} vs {expenditure.label} {r3.label} 基本支出",
              r3.get("basic"), r6.get("total"), _prov(record, economic, r6))
    if r6 is not None and r5 is not None and r5.get("basic") is not None:
        c.add("same_figure", f"{economic.label} {r6.label} vs {general.label} {r5.label} 基本支出",
              r5.get("basic"), r6.get("total"), _prov(record, economic, r6))
    if r11 is not None and summary is not None:
        if by_key.get("carryover_total") is not None:
            c.add("same_figure", f"{carry.label} {r11.label} vs {summary.label} 上年结转结余",
                  by_key["carryover_total"], r11.get("total"), _prov(record, carry, r11))
    budget = (record.kind or "").endswith("预算")  # a 决算's income and spending differ by its 结余
    if budget and r3 is not None and r2 is not None and r2.get("total") is not None:
        c.add("same_figure", f"{expenditure.label} {r3.label} vs {income.label} {r2.label}",
              r2.get("total"), r3.get("total"), _prov(record, expenditure, r3))
    if r2 is not None:
        from kg.extract.tables.income import COLUMN_TITLES as income_titles

        for key, col, name in (("carryover_fiscal", "carryover_fiscal", "财政拨款结转"),
                               ("carryover_nonfiscal", "carryover_nonfiscal", "非财政拨款结转结余"),
                               ("unit_funds", "unit_funds", "单位资金"),
                               ("upper_general", "upper_general", "上级一般公共预算安排转移支付")):
            if by_key.get(key) is not None and (r2.get(col) is not None or by_key[key] != 0):
                c.add("same_figure", f"{income.label} {r2.label} {income_titles[col]} vs {summary.label} {name}",
                      by_key[key], r2.get(col), _prov(record, income, r2))
    _class_lines_vs_expenditure(c, record, summary, expenditure)
    fiscal = parts.table("fiscal_summary")
    carried = _general_carryover(fiscal) or _general_carryover(summary)
    if budget and r5 is not None and by_key.get("general_public_budget") is not None and r5.get("total") is not None:
        expected, words = _with_carryover(by_key["general_public_budget"], carried, r5.get("total"))
        c.add("same_figure", f"{general.label} {r5.label} vs {summary.label} 一般公共预算拨款{words}",
              expected, r5.get("total"), _prov(record, general, r5))
    if budget and fiscal is not None and r5 is not None:  # a 决算's income and spending differ by its 结余
        items = fiscal.data.items if isinstance(fiscal.data, SummaryData) else []
        gpb = next((i for i in items if i.key == "general_public_budget"), None)
        if gpb is not None and gpb.value is not None:
            expected, words = _with_carryover(gpb.value, carried, r5.get("total"))
            c.add("same_figure", f"{general.label} {r5.label} vs {fiscal.label} 一般公共预算{words}",
                  expected, r5.get("total"), _prov(record, general, r5))


def _class_lines_vs_expenditure(c: Checks, record: Record, summary, expenditure) -> None:
    """The 收支总表's expenditure lines by functional 类 (208 社会保障和就业支出 326.71) against the
    支出总表's row of the same 类 (326.72): one figure printed twice. A 类 printed in several
    blocks of the 支出总表 (a 汇总 budget's units) is not one row and is left alone."""
    if summary is None or expenditure is None or not isinstance(summary.data, SummaryData):
        return
    rows: dict[str, list] = {}
    for row in expenditure.rows:
        code = getattr(row, "code", None) or ""
        if len(code) == 3 and code.isdigit():
            rows.setdefault(code, []).append(row)
    for line in summary.data.right:
        code = line.code or ""
        printed = next((f for f in line.figures if f is not None), None) if line.figures else None
        if len(code) != 3 or printed is None or len(rows.get(code, [])) != 1:
            continue
        row = rows[code][0]
        where = Provenance(record.source, line.line.page, line.line.lineno, summary.label, f"{code} {line.name}")
        c.add("same_figure", f"{summary.label} {code} {line.name} vs {expenditure.label} {code}",
              row.get("total"), printed, where)


def _general_budget_only(by_key: dict) -> bool:
    """True where 表3's 基本支出 must equal 表6's 合计: the year's income is the general budget
    appropriation alone (as far as the summary prints it); else 表6 answers to 表5 only."""
    general, current = by_key.get("general_public_budget"), by_key.get("current_year_income")
    return general is None or current is None or abs(general - current) <= CENT


def _general_carryover(table) -> Decimal | None:
    """The 一般公共预算 line printed under a summary's 上年结转（结余） heading: the general budget's
    money carried over from last year, which some templates (杭州, 北京) spend in their 表5."""
    if table is None or not isinstance(table.data, SummaryData):
        return None
    keyed = next((item for item in table.data.items
                  if item.key == CARRYOVER_BY_SOURCE["general_public_budget"] and item.value is not None), None)
    if keyed is not None:  # the line the summary reader keyed (（一）一般公共预算拨款 under 二、上年结转 too)
        return keyed.value
    under_carryover = False
    for item in table.data.items:
        if item.key == "carryover_total" or "结转" in item.label:
            under_carryover = True
            continue
        if under_carryover and item.level <= 0:
            under_carryover = False
        if under_carryover and re.sub(r"^[一二三四五六七八九十]+[、.．]", "", item.label).startswith("一般公共预算"):
            return item.value
    return None


def _with_carryover(appropriated: Decimal, carried: Decimal | None, printed: Decimal | None
                    ) -> tuple[Decimal, str]:
    """表5's total is the year's general budget appropriation, or — where the template spends the
    carried-over general budget in 表5 too and the total says so — the two together."""
    if carried and printed is not None and abs(printed - appropriated) > CENT \
            and abs(printed - appropriated - carried) <= CENT:
        return appropriated + carried, " + 上年结转一般公共预算"
    return appropriated, ""


@register_checks("tables", "报表勾稽")
def table_checks(parts, record: Record) -> list[Check]:
    """Every identity of every recognised table (the parser's rows, nothing re-read)."""
    c = Checks(record)
    for table in parts.tables:
        try:
            if table.kind in ("summary", "fiscal_summary"):
                summary_checks(c, table)
            elif table.kind == "three_public":
                three_public_checks(c, table)
            elif table.kind == "project_expenditure":
                project_checks(c, table, parts)
            elif table.kind == "carryover":
                carryover_checks(c, table)
            elif _schema(table) is not None:
                classification_checks(c, table)
            if isinstance(table.data, TableData):
                # identities a template reader recorded, and findings it made itself (a misprinted code)
                for identity in table.data.identities:
                    c.add(identity.rule, identity.where, identity.expected, identity.printed, identity.provenance)
                c.items.extend(table.data.findings)
        except (AttributeError, KeyError, TypeError) as exc:  # a table read in an unexpected shape
            record.warnings.append(f"checks of {table.label} skipped: {type(exc).__name__}: {exc}")
    return c.items


@register_checks("tables.cross", "表间勾稽")
def cross_checks(parts, record: Record) -> list[Check]:
    """The same figure printed in two tables."""
    from kg.extract.tables.functional_economic import functional_economic_checks

    c = Checks(record)
    cross_table_checks(c, parts, record)
    return c.items + functional_economic_checks(record)


# the producers, in the order their checks are listed; a module registers its producers on import
CHECK_MODULES = ("kg.extract.source_checks", "kg.extract.tables.previous_columns", "kg.extract.project_amount_checks", "kg.extract.narrative.checks", "kg.extract.narrative.audit",
                 "kg.extract.narrative.enumerated_projects", "kg.extract.narrative.evaluation_reports", "kg.extract.narrative.coverage", "kg.extract.narrative.department_self_evaluation", "kg.extract.narrative.vehicle_counts", "kg.extract.narrative.asset_values", "kg.extract.narrative.year_tables", "kg.extract.narrative.item_checks", "kg.extract.completeness")
ORDER = ("tables", "tables.cross", "tables.previous", "tables.sources", "projects.places", "narrative", "narrative.audit", "narrative.projects", "narrative.evaluation_reports",
         "narrative.coverage", "narrative.self_evaluation", "narrative.vehicles", "narrative.assets", "narrative.year_tables", "narrative.item_tables", "completeness")


def producers() -> list:
    """Every registered producer: the known ones in ``ORDER``, any other in registration order."""
    import importlib

    for module in CHECK_MODULES:
        importlib.import_module(module)
    rank = {set_id: i for i, set_id in enumerate(ORDER)}
    return sorted(CHECK_SETS.values(), key=lambda s: rank.get(s.id, len(ORDER)))


def run_all(parts, record: Record) -> list[Check]:
    """Every registered producer's checks, each graded by its rule (``kg.extract.rules``)."""
    checks: list[Check] = []
    for producer in producers():
        checks.extend(producer.run(parts, record))
    for check in checks:
        grade(check)
    return checks
