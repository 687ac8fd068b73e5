"""表6 一般公共预算基本支出情况表 (by economic subject): ``economic_subjects`` and the
人员经费 / 公用经费 totals. Jiangsu's 财政拨款基本支出预算表 has the same shape (rows kept)."""
from __future__ import annotations

from kg.extract.model import EconomicSubject, Record
from kg.extract.tables import register
from kg.extract.tables.classification import in_record_unit, root_row
from kg.extract.tables.columns import Schema, resolve
from kg.extract.tables.rows import read_rows

ECONOMIC = Schema(columns=["total", "personnel", "public"], sums=[("total", ["personnel", "public"])])


@register("basic_economic")
def parse_basic_economic(table, record: Record, parts) -> None:
    rows = read_rows(table.lines, coded=True)
    resolve(rows, ECONOMIC)
    table.rows = rows
    table.data["schema"] = ECONOMIC
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
    root = root_row(rows)
    t = record.totals
    if root is not None:
        for key, col in (("personnel", "personnel"), ("public_expenses", "public"),
                         ("basic_expenditure", "total")):
            if getattr(t, key) is None and root.get(col) is not None:
                setattr(t, key, in_record_unit(root.get(col), table, record))
                t.provenance[key] = root.provenance(record.source, table.label)


@register("fiscal_basic_economic")
def parse_fiscal_basic_economic(table, record: Record, parts) -> None:
    rows = read_rows(table.lines, coded=True)
    resolve(rows, ECONOMIC)
    table.rows = rows
    table.data["schema"] = ECONOMIC
