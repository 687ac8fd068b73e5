"""The 政府预算支出经济分类 side of a 收支总表 (西安 表1: 政府预算支出经济分类科目（按大类） beside the
functional side and the departmental 部门预算支出经济分类 side): the same spending classified a
second way, 501 机关工资福利支出 … 599 其他支出, each 类 printed by name with its amount.

Read from the table's layout (the column whose header names 政府 … 经济分类) into
``record.government_economic_subjects``, a list of its own: the 30x rows of the departmental
classification stay in ``economic_subjects``, so neither's totals count the other's. Only the
classes the table prints a figure for are kept, in the table's own unit converted exactly to the
record's, with provenance."""
from __future__ import annotations

import re

from kg.extract.grid import analyse, cell_text, is_numbering_row
from kg.extract.model import EconomicSubject, Provenance, Record
from kg.extract.profiles.vocabulary import government_economic_class_code
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.text_normalize import is_money, parse_money

_GOVERNMENT_SIDE_RE = re.compile(r"政府.*经济")


def read_government_economic(table, record: Record) -> None:
    """The government-classification classes of a two-sided 收支总表 (the first table printing them)."""
    if record.government_economic_subjects:
        return
    layout = analyse(table.lines)
    if layout is None or len(layout.blocks) < 2:
        return
    side = _government_side(table.lines, layout)
    if side is None:
        return
    block = layout.blocks[side]
    figures = layout.figure_columns(side)
    if not figures:
        return
    out: list[EconomicSubject] = []
    for line in table.lines:
        if line.cells is None or layout.is_header(line) or is_numbering_row(line.cells):
            continue
        label = _label(line, block, layout)
        code = government_economic_class_code(label) if label else None
        column = figures[0].index
        text = cell_text(line.cells[column]) if column < len(line.cells) else ""
        if code is None or not is_money(text) or any(s.code == code for s in out):
            continue
        name = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])", "", label)
        out.append(EconomicSubject(code=code, name=name, total=in_record_unit(parse_money(text), table, record),
                                   provenance=Provenance(file=record.source, page=line.page, line=line.lineno,
                                                         table=table.label, row=label, unit=printed_unit(table, record))))
    record.government_economic_subjects = out


def _label(line, block, layout) -> str:
    return "".join(cell_text(line.cells[i]) for i in block if i < len(line.cells) and layout.role(i) == "label")


def _government_side(lines, layout) -> int | None:
    """The block whose header names 政府 … 经济分类, else (a header whose words overlap in print,
    西安 2019) the block whose row labels are the government classification's own classes
    (机关工资福利支出, 机关商品和服务支出 …: no other classification prints 机关…支出)."""
    for n, block in enumerate(layout.blocks):
        if any(_GOVERNMENT_SIDE_RE.search("".join(layout.columns[i].path)) for i in block):
            return n
    for n, block in enumerate(layout.blocks[1:], start=1):
        codes = {government_economic_class_code(_label(line, block, layout)) for line in lines
                 if line.cells is not None}
        if len(codes & {"501", "502", "503", "504"}) >= 2:
            return n
    return None
