"""A table of the services a budget buys (政府购买服务: 北京 预算11表 财政拨款政府购买服务明细表 —
指导性目录 一级 | 二级 | 三级 | 预算金额): each row a ``PurchasedService`` with the classes of the
政府购买服务指导性目录 it prints, its amount and provenance; the table's 合计 kept beside them so the
table checks add the rows up against it (``children_sum``).

The columns are found by their header words, whatever the table is numbered: the class levels
(一级 / 二级 / 三级, 一级目录 …, 服务类别), a project column (项目名称), a service column
(服务内容, 购买服务项目 …) and the amount (预算金额, 金额, 合计 …). A class printed with its code
(``0115-公共信息与宣传服务``) keeps both. Read from the PDF's ruled cells; a text extraction gives no
cells and no rows (the table is then only recognised)."""
from __future__ import annotations

import re

from kg.extract.model import Provenance, PurchasedService, PurchasedServices, Record
from kg.extract.tables import register
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.tables.contracts import Identity, TableData
from kg.extract.text_normalize import cell_money, without_spaces

_LEVEL_RE = re.compile(r"^(?:[一二三四]级(?:目录|分类|类别)?|(?:服务)?(?:类别|分类))$")
_PROJECT_RE = re.compile(r"^项目(?:名称)?$")
_SERVICE_RE = re.compile(r"^(?:购买)?服务(?:内容|名称|项目)$|^购买服务(?:内容|事项)$")
_AMOUNT_RE = re.compile(r"^(?:预算)?(?:金额|数)(?:[（(]万元[)）])?$|^合计$|^预算数$")
_TOTAL_RE = re.compile(r"^(?:合计|总计)$")
_CODED_RE = re.compile(r"^([A-Z]?\d{1,6})\s*[-－—.、]\s*(.+)$")




def _columns(header: list[list[str]]) -> tuple[list[int], int | None, int | None, int] | None:
    """(class level columns, project column, service column, amount column) of the header rows,
    or ``None`` where they do not head a table of purchased services."""
    levels: list[int] = []
    project = service = amount = None
    for row in header:
        for k, cell in enumerate(row):
            if _LEVEL_RE.match(cell) and k not in levels:
                levels.append(k)
            elif _PROJECT_RE.match(cell) and project is None:
                project = k
            elif _SERVICE_RE.match(cell) and service is None:
                service = k
            elif _AMOUNT_RE.match(cell) and amount is None:
                amount = k
    if amount is None or not (levels or service is not None):
        return None
    return sorted(levels), project, service, amount


def _class(cell: str) -> tuple[str | None, str]:
    """``0115-公共信息与宣传服务`` -> ("0115", "公共信息与宣传服务"); a name alone keeps no code."""
    m = _CODED_RE.match(cell)
    return (m.group(1), m.group(2)) if m else (None, cell)


def read_purchased_services(table, record: Record) -> PurchasedServices | None:
    """The table's rows and its 合计 in the record's unit, or ``None`` where its cells are not a table
    of purchased services."""
    lines = [line for line in table.lines if line.cells is not None]
    if not lines:
        return None
    rows = [[without_spaces(c) for c in line.cells] for line in lines]
    head = 0
    while head < len(rows) and not any(re.search(r"\d", c) for c in rows[head]):
        head += 1
    found = _columns(rows[:head])
    if found is None:
        return None
    levels, project, service, amount = found
    out = PurchasedServices()
    unit = printed_unit(table, record)
    for line, cells in zip(lines[head:], rows[head:]):
        value = cell_money(cells, amount)
        if value is None:
            continue
        value = in_record_unit(value, table, record)
        first = next((c for c in cells[:amount] if c), "")
        if _TOTAL_RE.match(first):
            if out.total is None:
                out.total = value
                out.provenance = Provenance(file=record.source, page=line.page, line=line.lineno,
                                            table=table.label, row=first, unit=unit)
            continue
        classes = [_class(cells[k]) for k in levels if k < len(cells) and cells[k]]
        own = cells[service] if service is not None and service < len(cells) else ""
        name = own or (classes.pop()[1] if classes else "")
        if not name:
            continue
        where = Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label, row=name, unit=unit)
        out.rows.append(PurchasedService(name=name, amount=value, classes=classes,
                                         project=(cells[project] or None) if project is not None and project < len(cells)
                                         else None, provenance=where))
    return out if out.rows else None


@register("purchased_services")
def parse_purchased_services(table, record: Record, parts) -> None:
    """政府购买服务明细表: every service row (the first such table only: a 单位 version after it is
    not the department's); the rows added up against the printed 合计 are the table's identity
    (``children_sum``), recomputed by the table checks."""
    if record.purchased_services is not None:
        return
    services = read_purchased_services(table, record)
    record.purchased_services = services
    identity = Identity.rows_against_total(f"{table.label} 合计", [r.amount for r in services.rows],
                                           services.total, services.provenance) if services is not None else None
    if identity is not None:
        table.data = TableData(identities=[identity])
