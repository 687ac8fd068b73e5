"""The functional 类 a 财政拨款收支总表 prints on its expenditure side, as the record's rows of the
``fiscal`` amount scope.

Every template's 财政拨款收支总表 (财政拨款收入支出决算总表, 财政拨款收支预算总表) lists the year's
appropriated spending by functional 类 (``一、一般公共服务支出 9,846.82``; 国家信访局, 福州, 西安 …):
the only table that says how the 财政拨款 — not all funds — split over the classes. ``summary``
keeps those lines for the checks (Σ 类 = 本年支出合计, each 类 against the 支出总表); this module
keeps them as ``FunctionalSubject`` rows of ``record.scoped_functional["fiscal"]``, so the graph
holds them in a data set of that scope (``kg.rdf.mapping._scoped_subject_rows``) and a question
asked of 财政拨款 by subject reads them. Only the 类 printed with a figure are kept (a blank line of
the national list of 类 is no figure); the first such table of a record stands (a 单位 version
after it is not the department's).
"""
from __future__ import annotations

from kg.extract.model import FunctionalSubject, Provenance, Record
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.tables.contracts import SummaryData

FISCAL_SCOPE = "fiscal"


def fiscal_class_rows(table, record: Record) -> list[FunctionalSubject]:
    """The functional 类 of ``table``'s expenditure side (its ``SummaryData.right``) that print a
    figure: code, name as printed, the side's amount (its first figure column: 合计 or 金额) in the
    record's unit, and the line's provenance."""
    data = table.data
    if not isinstance(data, SummaryData):
        return []
    rows: list[FunctionalSubject] = []
    seen: set[str] = set()
    for right in data.right:
        code = right.code or ""
        value = right.figures[0] if right.figures else None
        if len(code) != 3 or not code.isdigit() or value is None or code in seen:
            continue
        seen.add(code)
        line = right.line
        rows.append(FunctionalSubject(
            code=code, name=right.name, total=in_record_unit(value, table, record),
            provenance=Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label,
                                  row=f"{code} {right.name}", unit=printed_unit(table, record))))
    return rows


def keep_fiscal_classes(table, record: Record) -> None:
    """Store the 财政拨款收支总表's 类 rows under the ``fiscal`` scope, unless a table before it did."""
    if FISCAL_SCOPE in record.scoped_functional:
        return
    rows = fiscal_class_rows(table, record)
    if rows:
        record.scoped_functional[FISCAL_SCOPE] = rows
