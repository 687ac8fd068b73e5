"""A 决算's year-end figure against its own year-start (年末比年初多了多少): the difference of the two
figures of one document, not a change against the year before.

收入支出决算总表 prints 年初结转和结余 on the income side and 年末结转和结余 on the expenditure side;
财政拨款收入支出决算总表 the same of 财政拨款 (``kg.extract.tables.summary``). A change asked against 年初
of one of the year-end figures is the year-end minus its year-start counterpart, with its formula.
"""
from __future__ import annotations

import re

from nlp import derive as D
from nlp import lexicon as L
from nlp.execute.base import Context, Result, derived_item, figure_input, item_of
from nlp.frames import Frame
from nlp.graph import Budget
from nlp.sparql import Constraints

# a year-end figure -> the year-start figure of the same funds (ontology/schemes.ttl items)
YEAR_START_OF = {"carryover_year_end": "carryover_total", "carryover_year_end_fiscal": "carryover_fiscal",
                 "carryover_year_end_nonfiscal": "carryover_nonfiscal"}


def against_year_start(frame: Frame, ctx: Context, budgets: list[Budget]) -> Result | None:
    """The year-end figures asked, each with its year-start one and the difference; None where the
    question does not compare with 年初 or asks no year-end figure."""
    keys = [k for k in frame.measures if k in YEAR_START_OF]
    if not keys or not re.search(L.AGAINST_YEAR_START, frame.clause):
        return None
    wanted = [*keys, *(YEAR_START_OF[k] for k in keys)]
    rows = ctx.rows("figures", budgets, Constraints(items=wanted))
    by = {(r.department, r.year, r.key): r for r in rows}
    items, derived, said = [], [], []
    for b in budgets:
        for key in keys:
            end, start = by.get((b.department, b.year, key)), by.get((b.department, b.year, YEAR_START_OF[key]))
            if end is None or start is None or end.amount is None or start.amount is None:
                continue
            end_label, start_label = ctx.vocab.label(key), "年初" + ctx.vocab.label(YEAR_START_OF[key]).removeprefix("上年")
            d = D.difference(figure_input(end, end_label), figure_input(start, start_label))
            derived.append(d)
            items += [item_of(end, end_label), item_of(start, start_label), derived_item(d)]
            said.append(f"{b.department}{b.year}年{end_label}{D.grouped(end.amount)}万元，{start_label}"
                        f"{D.grouped(start.amount)}万元；{d.formula}")
    if not derived:
        return None
    return Result(items, "。".join(said) + "。", derived, [])
