"""The costs a grid's 年度绩效目标 names, as the project's stated items.

A performance grid that lists every project (长春 预算表11) prints each project's objective in a
column: ``1、支付2026年驻京房租费249.8万元。2、报销驻京人员差旅费26万元。3、在京租赁车辆29万元。…``. Those
are items inside the project's money (its amount stays the table's 年度资金总额, 312.00), the same
concept the narrative's ``主要包括：A xx万元、B xx万元`` gives: ``NarrativeFigure`` topic ``subitem``
with the project as ``parent`` — so "驻京经费里房租多少" is answered from them. They list some costs,
not every part: no sum is checked (``checks._goal_checks``).
"""
from __future__ import annotations

import re

from kg.extract.model import NarrativeFigure, Record
from kg.extract.narrative.facts import in_record_unit
from kg.extract.narrative.statements import AMOUNT_RE
from kg.extract.text_normalize import parse_money

# what leads an item's words and is no part of its name: its number, the verb, the year
_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[、.．)）]\s*")
_VERB_RE = re.compile(r"^(?:分两次|按月|全年)?(?:支付|缴纳|报销|购买|用于|安排|完成|开展|实现|计划|支出|发放)*"
                      r"(?:\d{4}年度?)?")
# an amount of the whole, or a clause that is no cost item (资金到账后…支出16.56万元左右)
_WHOLE_RE = re.compile(r"项目资金|总投资|财政资金|其他资金|年度预算|资金总额|预算总额|总额|合计|共计|总计")
_LABEL_MAX = 20


def goal_items(table, record: Record) -> list[NarrativeFigure]:
    """The named costs of one grid project's objective (``table``: a ``PerformanceTable`` read
    from a grid, with its ``goal``), in the record's unit, with the table row's provenance."""
    if not table.in_grid or not table.goal or not table.name:
        return []
    out: list[NarrativeFigure] = []
    last = 0
    text = table.goal
    for m in AMOUNT_RE.finditer(text):
        lead = re.split(r"[；;。，,：:]", text[last:m.start()])[-1]
        last = m.end()
        label = _VERB_RE.sub("", _NUMBER_RE.sub("", lead)).strip()
        value = parse_money(m.group(1))
        unit = m.group(m.lastindex)
        if not label or len(label) > _LABEL_MAX or _WHOLE_RE.search(label) or value is None:
            continue
        converted, in_wan = in_record_unit(value, unit, record.unit), in_record_unit(value, unit, "万元")
        if converted is None or (table.budget is not None and in_wan >= table.budget):  # the table keeps 万元
            continue  # the whole project's money said again, not an item of it
        out.append(NarrativeFigure(topic="subitem", key=label, label=label, value=converted,
                                   printed=m.group(1), printed_unit=unit, parent=table.name,
                                   provenance=table.provenance))
    return out
