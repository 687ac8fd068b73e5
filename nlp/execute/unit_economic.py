"""A department's economic 类 asked of its units, answered from the table that prints each unit over
its economic rows (广东 表11 部门预算基本支出预算表: 广州市统计局（本级） over 工资福利支出 4,785.53 …;
``bkg:UnitEconomicCell``).

Why: the department's economic table gives one figure per 类 (工资福利支出 7,131.66); where the
budget also prints it unit by unit, 各单位工资福利支出各多少 is a question only that table answers. It is
answered only where the question asks of units (``asks_units`` or a by-unit filter) and names an
economic 类 — a measure and a scope, no phrase: each unit's row of that 类 in the table's order, its
share of the units' sum, and the sum with its formula. Anything else is left to the other readers.
"""
from __future__ import annotations

from decimal import Decimal

from nlp import derive as D
from nlp.execute.base import Context, Result, derived_item, item_of, who, with_note
from nlp.execute.units import asks_units, printed_order
from nlp.frames import Frame
from nlp.graph import Row
from nlp.reply import money
from nlp.vocabulary import WAN

# the kind of spending a table by unit covers, as the answer names it
_KIND_WORDS = {"basic": "基本支出", "project": "项目支出"}


def _economic_classes(frame: Frame) -> list[tuple[str, str]]:
    """The economic 类 (30x, three digits) the question names: (code, name)."""
    return [(s.code, s.name) for s in frame.filters.subjects
            if s.code and len(s.code) == 3 and s.code.startswith("3")]


def unit_economic_answer(frame: Frame, ctx: Context) -> Result | None:
    """Each unit's figure of the 类 asked, from the table printing units over their economic rows;
    None where the question asks no units, names no economic 类 or the budget prints no such table."""
    if len(frame.filters.departments) != 1 or not (asks_units(frame) or frame.filters.by_unit):
        return None
    classes = _economic_classes(frame)
    if not classes:
        return None
    budgets, note = ctx.scope(frame)
    if not budgets:
        return None
    cells: list[Row] = ctx.rows("unit_economic", budgets[-1:])
    items, parts, derived, rows = [], [], [], []
    for code, name in classes:
        picked = sorted((r for r in cells if r.key == code), key=lambda r: printed_order(r.source))
        if not picked:
            continue
        dept, year = picked[0].department, picked[0].year
        inputs = [D.Input(_unit_name(r), r.amount, WAN, dept, year, r.source) for r in picked]
        whole = D.total(inputs, f"{len(picked)}个单位{picked[0].label}合计")
        lines = []
        for rank, (r, given) in enumerate(zip(picked, inputs), 1):
            items.append(item_of(r, given.label, rank=rank, metric=picked[0].label))
            share = D.share(given, D.Input(whole.label, whole.value, WAN, dept, year), f"{given.label}占比")
            said = f"（占{share.value}%）" if share is not None and len(picked) > 1 else ""
            if share is not None and len(picked) > 1:
                derived.append(share)
            lines.append(f"{rank}. {given.label}{money(r.amount)}万元{said}")
        derived.append(whole)
        items.append(derived_item(whole))
        kind = _KIND_WORDS.get(picked[0].attrs.get("kind") or "", "支出")
        parts.append(f"{who(dept, year)}各单位{kind}中的{picked[0].label}（{code}，按单位列示的{kind}表）："
                     + "；".join(lines) + f"。{whole.formula}。")
        rows += picked
    if not items:
        return None
    return Result(items, with_note("".join(parts), note), derived, rows)


def _unit_name(r: Row) -> str:
    """A unit's name as the answer says it: the department's own row marked 本级."""
    unit = r.attrs.get("unit") or ""
    return f"{unit}（本级）" if r.attrs.get("own") and "本级" not in unit else unit
