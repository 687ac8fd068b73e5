"""A 政府采购 table read item by item: every purchase with the thing it is for, what is bought, its amount and,
where printed, its money by source.

Templates print the purchases under headings and subtotals, each its own layout:

- 苏州/无锡 公开13表 政府采购支出表: 采购品目大类 | 专项名称 | 经济科目 | 采购品目名称 | 采购组织形式 | 资金来源
  (一般公共预算资金 | 政府性基金 | 其他资金 | 上年结转和结余资金) | 总计; a 货物/服务 heading row, a unit row
  (苏州市水务局), then one row per purchase;
- 江苏 公开12表 政府采购支出预算表: the same columns without the sources; a 专项名称 | 经济科目 row gives the
  group's subtotal, the purchases under it print only 采购物品名称 | 采购组织形式 | 总计 (the 专项 filled down);
- 西安 表12 政府采购（资产配置、购买服务）预算表: 科目编码 (类 款 项) | 单位编码 | 采购项目 | 采购目录 | … | 数量 |
  预算金额, with 全额 and unit subtotal rows above the purchases.

The columns are found by their header words, never by position; a purchase is a row printing what is bought
(采购品目名称 / 采购目录) or how (采购组织形式); a row printing neither is a heading or a subtotal. A table
without a column of things bought (北京 预算10表 by 采购类别, 烟台 公开表12 by functional subject) gives no
items. The purchases added up against the printed 合计 are the table's identity (``children_sum``).
Read from the PDF's ruled cells; a text extraction gives no cells and no items.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import ProcurementItem, ProcurementItems, ProjectFunds, Provenance, Record
from kg.extract.project_cells import funds_key, is_unit_name
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.tables.contracts import Identity
from kg.extract.text_normalize import cell_money, compact_name, is_money

_CATEGORY_HEAD = re.compile(r"采购(?:品目)?(?:大类|类别)|品目大类")
_PROJECT_HEAD = re.compile(r"^(?:专项名称|采购项目|项目名称)$")
_ECONOMIC_HEAD = re.compile(r"^(?:部门)?(?:预算支出)?经济科目(?:编码)?$")
_ITEM_HEAD = re.compile(r"^采购(?:品目|物品)名称$|^采购目录$|^品目名称$")
_METHOD_HEAD = re.compile(r"^采购(?:组织形式|方式)$")
_QUANTITY_HEAD = re.compile(r"^数量$")
_AMOUNT_HEAD = re.compile(r"^(?:总计|预算金额|金额|合计)$")
_CODE_HEAD = re.compile(r"^科目编码$")
_UNIT_CODE_HEAD = re.compile(r"^单位编码$")
_TOTAL_ROW = re.compile(r"^(?:合计|总计)$")
# 一、货物 A / 货物类 / 服务C: the heading of a 品目大类
_CATEGORY_ROW = re.compile(r"^(?:[一二三四五六七八九十]+[、.．])?(货物|工程|服务)(?:类)?[A-C]?$")
# the 政府采购品目分类目录 code a 采购目录 cell prints before its name (C04070100体检服务): A 货物, B 工程, C 服务
_CATALOGUE_CODE = re.compile(r"^([ABC])\d{2,}")
_CATALOGUE_CATEGORY = {"A": "货物", "B": "工程", "C": "服务"}


class _Columns:
    """Where each role stands in the table (``None`` where the table does not print it)."""

    def __init__(self, header: list[list[str]]) -> None:
        width = max(len(r) for r in header)
        spans: list[list[str]] = [[] for _ in range(width)]
        for row in header:
            above = ""
            for k in range(width):
                cell = row[k] if k < len(row) else ""
                above = cell or above  # a heading spanning the columns to its right (部门经济科目 over 类 | 款)
                if above and above not in spans[k]:
                    spans[k].append(above)
        words = [[*texts, "".join(texts)] for texts in spans]  # 采购品目大 | 类 wrapped over two rows

        def first(rx: re.Pattern) -> int | None:
            return next((k for k, ws in enumerate(words) if any(rx.search(w) for w in ws)), None)

        def every(rx: re.Pattern) -> list[int]:
            return [k for k, ws in enumerate(words) if any(rx.search(w) for w in ws)]

        self.category = first(_CATEGORY_HEAD)
        self.project = first(_PROJECT_HEAD)
        self.economic = every(_ECONOMIC_HEAD)
        self.item = first(_ITEM_HEAD)
        self.method = first(_METHOD_HEAD)
        self.quantity = first(_QUANTITY_HEAD)
        self.codes = every(_CODE_HEAD)[:3]
        self.unit_code = first(_UNIT_CODE_HEAD)
        amounts = every(_AMOUNT_HEAD)
        self.amount = amounts[-1] if amounts else None
        self.sources: dict[int, str] = {}
        start = max(k for k in (self.method, self.item, self.project, -1) if k is not None) + 1
        for k in range(start, self.amount if self.amount is not None else 0):
            key = next((funds_key(w) for w in reversed(spans[k]) if funds_key(w)), None)
            if key is not None:
                self.sources[k] = key

    def usable(self) -> bool:
        """A table of purchases item by item: a column of things bought and one of money."""
        return self.amount is not None and (self.item is not None or self.method is not None)


def _cell(cells: list[str], k: int | None) -> str:
    return cells[k] if k is not None and k < len(cells) else ""


def _funds(cells: list[str], cols: _Columns, table, record: Record) -> ProjectFunds | None:
    """The row's figures under the source columns (a blank cell is no figure)."""
    values: dict[str, Decimal] = {}
    for k, key in cols.sources.items():
        value = cell_money(cells, k)
        if value is not None:
            values[key] = values.get(key, Decimal(0)) + in_record_unit(value, table, record)
    return ProjectFunds(**values) if values else None


def read_procurement_items(table, record: Record) -> ProcurementItems | None:
    """The table's purchases and its 合计 in the record's unit, or ``None`` where its cells are not a table
    of purchases item by item."""
    lines = [line for line in table.lines if line.cells is not None]
    rows = [[compact_name(c or "") for c in line.cells] for line in lines]
    head = 0
    while head < len(rows) and not any(is_money(c) for c in rows[head]):
        head += 1
    if head == 0 or head == len(rows):
        return None
    cols = _Columns(rows[:head])
    if not cols.usable():
        return None
    out = ProcurementItems()
    unit_label = printed_unit(table, record)
    category = unit = project = economic = item = None
    for line, cells in zip(lines[head:], rows[head:]):
        if cells in rows[:head]:
            continue  # the header printed again on the next page
        labels = [_cell(cells, k) for k in (cols.category, cols.project, cols.item)]
        amount = cell_money(cells, cols.amount)
        value = in_record_unit(amount, table, record)
        if any(_TOTAL_ROW.match(t) for t in labels) or (cells and _TOTAL_ROW.match(cells[0])):
            if out.total is None and value is not None:
                out.total = value
                out.provenance = Provenance(file=record.source, page=line.page, line=line.lineno,
                                            table=table.label, row="合计", unit=unit_label)
            continue
        head_cell = _cell(cells, cols.category)
        heading = _CATEGORY_ROW.match(head_cell)
        if heading:
            category, project, economic, item = heading.group(1), None, None, None
            continue
        own_item, method = _cell(cells, cols.item), _cell(cells, cols.method)
        if not own_item and not method:
            # a subtotal: a unit's (苏州市水务局; 西安's 单位编码 row), or a 专项 | 经济科目 group
            named = head_cell or _cell(cells, cols.project)
            own_economic = "".join(_cell(cells, k) for k in cols.economic)
            if named and is_unit_name(named):
                unit, project, economic, item = named, None, None, None
            elif own_economic:
                project = _cell(cells, cols.project) or project
                economic, item = own_economic, None
            continue
        item = own_item or item  # a purchase printed in two rows, the second by another method (高院 物业管理服务)
        catalogue = _CATALOGUE_CODE.match(item or "")
        code = "".join(_cell(cells, k) for k in cols.codes)
        quantity = _cell(cells, cols.quantity)
        out.rows.append(ProcurementItem(
            project=_cell(cells, cols.project) or project, item=item or None, amount=value,
            category=category or (_CATALOGUE_CATEGORY[catalogue.group(1)] if catalogue else None),
            economic="".join(_cell(cells, k) for k in cols.economic) or economic, method=method or None,
            unit=unit, functional_code=code if re.fullmatch(r"\d{3}(?:\d{2}){0,2}", code) else None,
            quantity=int(quantity) if quantity.isdigit() else None, funds=_funds(cells, cols, table, record),
            provenance=Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label,
                                  row=_cell(cells, cols.project) or project or item, unit=unit_label)))
    return out if out.rows else None


def read_items_into(table, record: Record, identities: list[Identity]) -> None:
    """The first such table's purchases into ``record.procurement_items`` (a 单位 version after it is not the
    department's), and their sum against the printed 合计 into ``identities`` for the table checks."""
    if record.procurement_items is not None:
        return
    items = read_procurement_items(table, record)
    record.procurement_items = items
    identity = Identity.rows_against_total(f"{table.label} 政府采购 合计 = Σ 采购项目", [r.amount for r in items.rows],
                                           items.total, items.provenance) if items is not None else None
    if identity is not None:
        identities.append(identity)
