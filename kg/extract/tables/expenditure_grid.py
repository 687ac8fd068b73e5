"""支出预算总表 printed as one row of totals (Jiangsu 公开03表), read from PDF cells.

Jiangsu's 支出预算总表 has no subject rows: a header ``合计 | 基本支出 | 项目支出 | 单位预留机动经费 |
结转下年资金`` over one row of figures. Spending there is 基本 + 项目 + 单位预留机动经费 (+ 结转下年),
so the identity 合计 = Σ those parts is recorded for the checks (``table.data["identities"]``), and
基本支出 / 项目支出 become the record's totals.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.grid import analyse, cell_text, is_numbering_row
from kg.extract.model import Provenance, Record
from kg.extract.tables.contracts import Identity, TotalsRowData
from kg.extract.text_normalize import compact_name, is_money, parse_money

# header word -> part; the total is 合计/总计
_PARTS = [
    (re.compile(r"^基本支出"), "basic"),
    (re.compile(r"^项目支出"), "project"),
    (re.compile(r"^单位预留机动经费|^预留机动经费|^机动经费"), "reserve"),
    (re.compile(r"^结转下年"), "carry_forward"),
    (re.compile(r"^事业单位经营支出|^经营支出"), "operating"),
    (re.compile(r"^上缴上级支出"), "to_upper"),
    (re.compile(r"^对附属单位补助支出"), "to_affiliated"),
]
_TOTAL = re.compile(r"^(?:合计|总计|支出合计|本年支出合计)$")


def read_totals_row(table, record: Record) -> bool:
    """Read a header-over-one-row 支出预算总表; False where the table has subject rows."""
    from kg.extract.tables.classification import in_record_unit, printed_unit

    layout = analyse(table.lines)
    if layout is None:
        return False
    data_rows = [line for line in table.lines if line.cells is not None and not layout.is_header(line)
                 and not is_numbering_row(line.cells)]
    # one row of figures under the header, naming no subject
    if len(data_rows) != 1 or any(c.role in ("code", "label") and cell_text(data_rows[0].cells[c.index])
                                  and not _TOTAL.match(cell_text(data_rows[0].cells[c.index]))
                                  for c in layout.columns if c.index < len(data_rows[0].cells)):
        return False
    row = data_rows[0]
    header = [c.leaf for c in layout.columns]
    if not any(_TOTAL.match(h) for h in header) or not any(p.match(h) for p, _ in _PARTS for h in header):
        return False
    values: dict[str, Decimal | None] = {}
    total: Decimal | None = None
    for col, word in enumerate(header):
        text = row.cells[col] if col < len(row.cells) else None
        value = parse_money(text) if text and is_money(text) else None
        if _TOTAL.match(word):
            total = value
            continue
        for pattern, key in _PARTS:
            if pattern.match(word):
                values[key] = value
                break
    if total is None and not any(v is not None for v in values.values()):
        return False
    where = Provenance(file=record.source, page=row.page, line=row.lineno, table=table.label, row="合计",
                       unit=printed_unit(table, record))
    data = TotalsRowData()
    t = record.totals
    for key, attr in (("basic", "basic_expenditure"), ("project", "project_expenditure")):
        if values.get(key) is not None and getattr(t, attr) is None:
            setattr(t, attr, in_record_unit(values[key], table, record))
            t.provenance[attr] = where
    if total is not None and t.expenditure_total is None:
        t.expenditure_total = in_record_unit(total, table, record)
        t.provenance["expenditure_total"] = where
    parts = [v for v in values.values() if v is not None]
    if total is not None and parts:
        words = "+".join(w for w in header if w and not _TOTAL.match(w))
        data.identities.append(Identity("children_sum", f"{table.label} 合计 = {words}",
                                        sum(parts, Decimal(0)), total, where))
    data.values = {"total": total, **values}
    table.data = data
    return True
