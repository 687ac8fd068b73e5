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
    header_patterns=[("personnel", r"人员经费"), ("public", r"公用经费"),
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


def _read_economic(table, record: Record):
    """The table's rows, placed in 合计/人员经费/公用经费 and kept on the section for the checks."""
    lines, half_totals = _lines(table)
    rows = read_rows(lines, coded=True)
    resolve(rows, ECONOMIC, unit=table.unit or record.unit, year=record.year)
    table.rows = rows
    table.data = EconomicData(schema=ECONOMIC, half_totals=half_totals)
    return rows


@register("basic_economic")
def parse_basic_economic(table, record: Record, parts) -> None:
    rows = _read_economic(table, record)
    if record.economic_subjects:
        return
    for row in rows:
        if not row.code:
            continue
        record.economic_subjects.append(EconomicSubject(
            code=row.code, name=row.name,
            total=in_record_unit(row.get("total"), table, record),
            personnel=in_record_unit(row.get("personnel"), table, record),
            public=in_record_unit(row.get("public"), table, record),
            provenance=row.provenance(record.source, table.label)))
    fill_totals_from_root(root_row(rows), (("personnel", "personnel"), ("public_expenses", "public"),
                                           ("basic_expenditure", "total")), table, record)
    _half_totals(table, record)


@register("fiscal_basic_economic")
def parse_fiscal_basic_economic(table, record: Record, parts) -> None:
    _read_economic(table, record)
