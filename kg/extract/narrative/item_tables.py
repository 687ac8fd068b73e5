"""Tables of the meetings and trainings a budget plans (西安 会议费明细表 / 培训费明细表: 序号 | 培训名称 |
时间 | 人数 | 金额 | 备注): each row one item of the 会议费 or 培训费 it details.

Every row becomes a ``subitem`` fact (``NarrativeFigure``) of its whole — the same concept the records
use for a project's or a subject's stated parts — with its amount in the record's unit, the 人数 / 天数
it prints as counts, the date it prints (时间) as printed, and its provenance. The table is recognised by its header words (a 会议/培训 name
column and a 金额 column), whatever it is numbered or titled.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import NarrativeFigure, Provenance, StatedCount
from kg.extract.source import Line
from kg.extract.text_normalize import cell_money, without_spaces
from kg.units import convert

# the name column's heading -> the whole its rows detail (the narrative's words for 会议费 / 培训费)
WHOLES = (("培训", "培训费"), ("会议", "会议费"))
_NAME_RE = re.compile(r"^(培训|会议)(?:项目)?名称$")
_AMOUNT_RE = re.compile(r"^(?:金额|预算金额|预算数|经费)(?:[（(](万元|元)[)）])?$")
_COUNT_HEADINGS = (("人数", "人"), ("天数", "天"), ("期数", "期"))
# the column saying when the item takes place (时间, 日期, 培训时间, 会议时间, 举办时间)
_DATE_RE = re.compile(r"^(?:培训|会议|举办|召开)?(?:时间|日期)$")
_TABLE_UNIT_RE = re.compile(r"单位[：:]\s*(万元|元)")




def unit_before(lines: list[Line], first: int) -> str:
    """The unit a 说明's own table states in the lines just above it (单位：万元 / 单位：元), 万元 where none."""
    for line in reversed(lines[max(0, first - 4):first]):
        m = _TABLE_UNIT_RE.search(line.text)
        if m:
            return m.group(1)
    return "万元"


def read_item_tables(lines: list[Line], file: str, unit: str | None) -> list[NarrativeFigure]:
    """Every meeting or training item table of the document, one fact per row."""
    tables: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.cells is not None and line.table is not None:
            tables.setdefault(line.table, []).append(i)
    out: list[NarrativeFigure] = []
    for indexes in tables.values():
        header = [without_spaces(c) for c in lines[indexes[0]].cells]
        name = next((k for k, c in enumerate(header) if _NAME_RE.match(c)), None)
        amount = next((k for k, c in enumerate(header) if _AMOUNT_RE.match(c)), None)
        if name is None or amount is None:
            continue
        whole = dict(WHOLES)[_NAME_RE.match(header[name]).group(1)]
        printed_in = _AMOUNT_RE.match(header[amount]).group(1) or unit_before(lines, indexes[0])
        counts = [(k, label, count_unit) for label, count_unit in _COUNT_HEADINGS
                  for k, c in enumerate(header) if c == label]
        date = next((k for k, c in enumerate(header) if _DATE_RE.match(c)), None)
        for i in indexes[1:]:
            cells = [without_spaces(c) for c in lines[i].cells]
            if name >= len(cells) or not cells[name] or re.fullmatch(r"合计|小计|总计", cells[name]):
                continue
            value = cell_money(cells, amount)
            if value is None:
                continue
            line = lines[i]
            where = Provenance(file=file, page=line.page, line=line.lineno, table=f"{whole}明细表", row=cells[name])
            stated = [StatedCount(label=label, count=Decimal(cells[k]), unit=count_unit, provenance=where)
                      for k, label, count_unit in counts if k < len(cells) and re.fullmatch(r"\d+", cells[k])]
            out.append(NarrativeFigure(topic="subitem", key=cells[name], label=cells[name],
                                       value=convert(value, printed_in, unit or "万元"), printed=cells[amount],
                                       printed_unit=printed_in, parent=whole, provenance=where, counts=stated,
                                       date=cells[date] if date is not None and date < len(cells) and cells[date]
                                       else None))
    return out
