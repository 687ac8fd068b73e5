"""表11 上年结转结余情况明细表: the carried-over items, fiscal vs non-fiscal.

Rows are label rows: ``总计``, a unit's name (its subtotal), then items, often printed only as a
code (``特定目标 5010003T``: the code goes to ``project_code``; the narrative's named list is
paired with it by amount in the merge step). Columns: 总计 | 财政拨款 合计, 基本支出 (人员, 公用),
项目支出 | 非财政拨款 合计, 基本支出 (人员, 公用), 项目支出 — placed by the identities and by the
items adding up to their unit's subtotal.
"""
from __future__ import annotations

import re

from kg.extract.model import Project, Provenance, Record
from kg.extract.tables import register
from kg.extract.tables.classification import fill_totals_from_root, in_record_unit
from kg.extract.tables.columns import Schema, _choose, placements
from kg.extract.tables.contracts import CarryoverData
from kg.extract.tables.rows import Row, read_rows
from kg.names.department import same_department

CARRYOVER = Schema(
    columns=["total", "fiscal", "fiscal_basic", "fiscal_personnel", "fiscal_public", "fiscal_project",
             "nonfiscal", "nonfiscal_basic", "nonfiscal_personnel", "nonfiscal_public", "nonfiscal_project"],
    sums=[("total", ["fiscal", "nonfiscal"]),
          ("fiscal", ["fiscal_basic", "fiscal_project"]),
          ("fiscal_basic", ["fiscal_personnel", "fiscal_public"]),
          ("nonfiscal", ["nonfiscal_basic", "nonfiscal_project"]),
          ("nonfiscal_basic", ["nonfiscal_personnel", "nonfiscal_public"])])

_CODE_RE = re.compile(r"([0-9A-Z]{8})")


def _is_group(row: Row, record: Record, root: Row | None) -> bool:
    if same_department(row.name, record.department):
        return True
    return root is not None and row.figures == root.figures and bool(re.search(r"(局|厅|委|院|中心|办|部|处|站|所|队|会|室)$", row.name))


def _column(table, pattern: str) -> int | None:
    """The index of the header cell matching ``pattern`` in a ruled table's header rows."""
    for line in table.lines:
        for i, cell in enumerate(line.cells or ()):
            if cell and re.search(pattern, re.sub(r"\s+", "", cell)):
                return i
    return None


def listed_item(item: Row, table) -> tuple[str, str | None]:
    """A carried-over item's name and functional code where the table lists each item with its unit, its
    subjects and its kind in columns of their own (西安 表11 财拨结转支出表: 单位名称 | 预算项目名称 | 金额 |
    功能分类科目代码 | … | 项目类别 | 资金性质): the 项目名称 cell, not the row's text read whole (which is all of
    them). A table without such a header keeps the row's name and no code."""
    cells = next((line.cells for line in item.lines if line.cells), None)
    name_at, code_at = _column(table, r"项目名称"), _column(table, r"功能分类科目代码|功能科目代码")
    name = re.sub(r"\s+", "", cells[name_at] or "") if cells and name_at is not None and name_at < len(cells) else ""
    code = re.sub(r"\s+", "", cells[code_at] or "") if cells and code_at is not None and code_at < len(cells) else ""
    return (name or item.name), (code if re.fullmatch(r"\d{3}(?:\d{2}){0,2}", code) else None)


@register("carryover")
def parse_carryover(table, record: Record, parts) -> None:
    rows = [r for r in read_rows(table.lines, coded=False) if r.figures]
    table.rows = rows
    table.data = CarryoverData(schema=CARRYOVER)
    root = next((r for r in rows if r.is_total), None)
    groups: list[tuple[Row | None, list[Row]]] = []
    current: tuple[Row | None, list[Row]] = (root, [])
    for row in rows:
        if row is root:
            continue
        if _is_group(row, record, root):
            if current[1] or current[0] is not root:
                groups.append(current)
            current = (row, [])
        else:
            current[1].append(row)
    groups.append(current)
    if root is not None:
        root.values = {c: root.get(c) for c in CARRYOVER.columns}
        place = placements(root, CARRYOVER)[0][1]
        root.values = {c: place.get(c) for c in CARRYOVER.columns}
    for head, items in groups:
        parent_place = {}
        if head is not None:
            parent_place = {k: v for k, v in placements(head, CARRYOVER)[0][1].items()}
            head.values = {c: parent_place.get(c) for c in CARRYOVER.columns}
        if not items:
            continue
        options = [placements(item, CARRYOVER) for item in items]
        chosen = _choose(parent_place, options, CARRYOVER) if parent_place else [o[0][1] for o in options]
        for item, place in zip(items, chosen):
            item.values = {c: place.get(c) for c in CARRYOVER.columns}
    table.data.groups = [(h, its) for h, its in groups]
    items_all = [item for _, its in groups for item in its]
    table.data.items = items_all
    fiscal_table = "财政拨款" in (table.title or "") and "非财政" not in (table.title or "")
    for item in items_all:
        m = _CODE_RE.search(item.name)
        code = m.group(1) if m else None
        fiscal = fiscal_table or (item.get("fiscal") is not None and item.get("fiscal") != 0)
        first = item.lines[0]
        name, functional_code = listed_item(item, table)
        record.projects.append(Project(
            name=name, amount=in_record_unit(item.get("total"), table, record), category="carryover",
            functional_code=functional_code,
            funding_source="carryover_fiscal" if fiscal else "carryover_nonfiscal",
            project_code=code,
            provenance=[Provenance(file=record.source, page=first.page, line=first.lineno,
                                   table=table.label, row=name)]))
    fill_totals_from_root(root, (("carryover_total", "total"), ("carryover_fiscal", "fiscal"),
                                 ("carryover_nonfiscal", "nonfiscal")), table, record)
