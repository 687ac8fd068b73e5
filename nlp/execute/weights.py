"""The weights (分值/权重) of a project's performance-target table added up: 各指标的分值权重加起来是不是90分.

Why: a target table prints each indicator's weight and often the whole it is out of (分值权重（90分）, the
rest kept for the 执行率); people check that the weights add up. The answer is the sum of the weights the
table prints for the project, with its formula, and — where the question states a figure — whether the sum
is that figure. Nothing is answered where the clause asks no sum of weights or the table prints none.
"""
from __future__ import annotations

import re
from decimal import Decimal

from nlp import derive as D
from nlp.execute.base import Context, Result, derived_item
from nlp.frames import Frame
from nlp.lexicon import AUDIT_SUM
from nlp.reply import Item
from nlp.sparql import Constraints

_WEIGHTS = r"权重|分值"
# the figure the question states the weights should come to (是不是90分, 等于100吗)
_STATED_TOTAL = re.compile(r"(\d+(?:\.\d+)?)\s*分")


def weights_added_up(frame: Frame, ctx: Context) -> Result | None:
    """The sum of the weights of the one project the frame names; ``None`` where the clause asks no sum
    of weights, names no single project, or its table prints no weights."""
    clause = frame.clause
    if not (re.search(_WEIGHTS, clause) and re.search(AUDIT_SUM, clause)) or len(frame.filters.projects) != 1:
        return None
    project = frame.filters.projects[0]
    budgets = [b for b in ctx.budgets() if (b.department, b.year) == (project.department, project.year)]
    rows = ctx.rows("indicators", budgets, Constraints(indicator_target=project.iri)) if budgets else []
    weighed = [r for r in rows if r.attrs.get("weight") is not None]
    if not weighed:
        return None
    total = D.total([D.Input(r.label, Decimal(r.attrs["weight"]), "分", r.department, r.year, r.source)
                     for r in weighed], f"“{project.name}”绩效指标权重合计")
    items = [derived_item(total)]
    text = f"“{project.name}”的绩效目标表列出{len(weighed)}个指标的权重，{total.formula}"
    stated = _STATED_TOTAL.search(clause)
    if stated:
        said = Decimal(stated.group(1))
        verdict = "是" if total.value == said else "否"
        items.insert(0, Item("是否", verdict, None, weighed[0].department, weighed[0].year, None))
        text = f"{verdict}。" + text + (f"，与{stated.group(0)}一致" if verdict == "是" else f"，不是{stated.group(0)}")
    if len(weighed) < len(rows):
        text += f"（另有{len(rows) - len(weighed)}个指标未列权重）"
    return Result(items, text + "。", [total], weighed)
