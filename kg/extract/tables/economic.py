"""表6 一般公共预算基本支出情况表 (by economic subject): ``economic_subjects`` and the
人员经费 / 公用经费 totals. Jiangsu's 财政拨款基本支出预算表 has the same shape (rows kept)."""
from __future__ import annotations

from kg.extract.model import EconomicSubject, Record
from kg.extract.tables import register
from kg.extract.tables.classification import fill_totals_from_root, in_record_unit, root_row
from kg.extract.tables.columns import Schema, resolve
from kg.extract.tables.contracts import EconomicData, Identity
from kg.extract.tables.rows import read_rows

ECONOMIC = Schema(
    columns=["total", "personnel", "public"], sums=[("total", ["personnel", "public"])],
    header_patterns=[("personnel", r"人员(?:经费|支出)"), ("public", r"公用(?:经费|支出)"),
                     ("total", r"^(?:合计|总计|小计|金额|预算数|决算数)$")])


def _lines(table) -> tuple[list, dict]:
    """The table's lines, side-by-side halves (the 决算 template) cut into one column, and the
    totals printed at the foot of the halves."""
    from kg.extract.tables.side_by_side import split_halves

    return split_halves(table.lines)


def _half_totals(table, record: Record) -> None:
    """人员经费合计 / 公用经费合计 printed at the foot of the two halves."""
    from kg.extract.model import Provenance

    t = record.totals
    for label, (value, line, parts_sum) in table.data.half_totals.items():
        where = Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label, row=label)
        if parts_sum is not None:
            table.data.identities.append(Identity("children_sum", f"{table.label} {label}", parts_sum, value, where))
        key = "personnel" if label.startswith("人员经费") else "public_expenses" if label.startswith("公用经费") else None
        if key and getattr(t, key) is None:
            setattr(t, key, in_record_unit(value, table, record))
            t.provenance[key] = where


def code_by_names(rows) -> None:
    """A table printing names only (杭州 表6 ``工资福利支出`` over ``基本工资``…) is given its
    codes by the national economic classification: a 类 by its name, a 款 by its name under the
    类 above it. Nothing is done where any row prints a code, or where a name is not a subject
    of the classification (then the table stays as printed)."""
    from kg.extract.profiles.vocabulary import economic_class_code, economic_item_code

    body = [r for r in rows if not r.is_total]
    if not body or any(r.code for r in rows):
        return
    codes: list[str] = []
    current: str | None = None
    for row in body:
        code = economic_class_code(row.name)
        if code is None and current is not None:
            code = economic_item_code(current, row.name)
        if code is None:
            return
        if len(code) == 3:
            current = code
        codes.append(code)
    for row, code in zip(body, codes):
        row.code = code
        row.extra["code_from_name"] = True


def _read_economic(table, record: Record):
    """The table's rows, placed in 合计/人员经费/公用经费 and kept on the section for the checks."""
    lines, half_totals = _lines(table)
    rows = read_rows(lines, coded=True)
    code_by_names(rows)
    resolve(rows, ECONOMIC, unit=table.unit or record.unit, year=record.year)
    table.rows = rows
    table.data = EconomicData(schema=ECONOMIC, half_totals=half_totals)
    return rows


def _add_paired(first: EconomicSubject, again: EconomicSubject) -> None:
    """A subject printed once per paired government subject (烟台 表6: 301 beside 501 and again
    beside 505) is one subject of the department's classification: its figures are the sum of
    its printings (the record keeps one row per code; the table's rows keep each printing)."""
    for key in ("total", "personnel", "public"):
        a, b = getattr(first, key), getattr(again, key)
        if b is not None:
            setattr(first, key, b if a is None else a + b)


@register("basic_economic")
def parse_basic_economic(table, record: Record, parts) -> None:
    rows = _read_economic(table, record)
    if record.economic_subjects:
        return
    by_code: dict[str, EconomicSubject] = {}
    for row in rows:
        if not row.code:
            continue
        subject = EconomicSubject(
            code=row.code, name=row.name,
            total=in_record_unit(row.get("total"), table, record),
            personnel=in_record_unit(row.get("personnel"), table, record),
            public=in_record_unit(row.get("public"), table, record),
            provenance=row.provenance(record.source, table.label))
        if row.code in by_code and "paired_subject" in row.extra:
            _add_paired(by_code[row.code], subject)
            continue
        by_code.setdefault(row.code, subject)
        record.economic_subjects.append(subject)
    fill_totals_from_root(root_row(rows), (("personnel", "personnel"), ("public_expenses", "public"),
                                           ("basic_expenditure", "total")), table, record)
    _half_totals(table, record)


@register("fiscal_basic_economic")
def parse_fiscal_basic_economic(table, record: Record, parts) -> None:
    _read_economic(table, record)
