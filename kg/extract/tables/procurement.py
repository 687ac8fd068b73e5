"""政府采购预算表 (Jiangsu 公开12表): the 合计 and the 货物 / 工程 / 服务 totals.

The table lists purchases under three headings, each with its total in the 总计 column::

    合计                 2,247.85
    一、货物 A              59.00
      办公设备购置费 …       59.00
    三、服务 C           2,188.85

The 合计 row and the three heading rows give the totals; the purchases item by item are
``procurement_items`` (``kg.extract.tables.procurement_items``, read from the same table);
a heading the table does not print (no 工程) stays blank. The identity 合计 = 货物 + 工程 + 服务
is recorded for the checks. Rows are read from PDF cells or, for text, from a line's last figure.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import Provenance, Record
from kg.extract.tables.contracts import Identity, ProcurementData
from kg.extract.tables.procurement_items import read_items_into
from kg.extract.tables import register
from kg.extract.text_normalize import compact_name, is_money, parse_money

_HEADINGS = [
    (re.compile(r"^(?:[一二三四五六七八九十]+[、.．])?货物(?:类)?[A-Z]?$"), "goods"),
    (re.compile(r"^(?:[一二三四五六七八九十]+[、.．])?工程(?:类)?[A-Z]?$"), "works"),
    (re.compile(r"^(?:[一二三四五六七八九十]+[、.．])?服务(?:类)?[A-Z]?$"), "services"),
    (re.compile(r"^(?:合计|总计)$"), "total"),
]


def _label_and_value(line) -> tuple[str, Decimal | None]:
    if line.cells is not None:
        texts = [c for c in line.cells if c]
    else:
        texts = line.text.split()
    label = compact_name(next((t for t in texts if not is_money(t)), "") or "")
    figures = [parse_money(t) for t in texts if is_money(t)]
    return label, (figures[-1] if figures else None)


@register("procurement")
def parse_procurement(table, record: Record, parts) -> None:
    from kg.extract.tables.classification import in_record_unit, printed_unit

    found: dict[str, tuple[Decimal | None, object, str]] = {}
    for line in table.lines:
        label, value = _label_and_value(line)
        for pattern, key in _HEADINGS:
            if pattern.match(label) and key not in found:
                found[key] = (value, line, label)
                break
    table.data = ProcurementData(values={key: value for key, (value, _, _) in found.items()})
    read_items_into(table, record, table.data.identities)
    if "total" not in found:
        return
    proc = record.totals.procurement
    if proc.total is not None:
        return  # a figure already read (a second table): the first stands
    for key, (value, line, label) in found.items():
        setattr(proc, key, in_record_unit(value, table, record))
        record.totals.provenance[f"procurement.{key}"] = Provenance(
            file=record.source, page=line.page, line=line.lineno, table=table.label, row=label,
            unit=printed_unit(table, record))
    parts_printed = [found[k][0] for k in ("goods", "works", "services") if k in found and found[k][0] is not None]
    total, line, label = found["total"]
    if total is not None and parts_printed:
        where = Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label, row=label)
        table.data.identities.append(Identity("children_sum", f"{table.label} 政府采购 合计 = 货物 + 工程 + 服务",
                                              sum(parts_printed, Decimal(0)), total, where))
