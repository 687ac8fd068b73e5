"""会议费 and 培训费 as the 三公 table prints them beside the 三公 (江苏 公开09表, 西安 表13 "三公"经费及会议费、
培训费): a question about 会议费 / 培训费 gets that table's figure, said with the table it stands in, where the
document prints one (``three_public.meetings`` / ``three_public.training``); where it prints none the question is
left to the economic subject 30215 / 30216 of the expenditure tables, as before. 三公 with 会议费 and 培训费 added
up (三公经费和会议费、培训费一共多少) is the table's 合计 where it prints one (``three_public.with_meetings_training``).

Only a plain lookup of the figure is taken: its change, its events (几场培训), its share or its economic code
stay with the readers of those.
"""
from __future__ import annotations

import re

from nlp import derive as D
from nlp.execute.base import Context, Result, derived_item, figure_input, item_of, who, with_note
from nlp.frames import Frame
from nlp.graph import Row
from nlp.sparql import Constraints

_COLUMNS = (("three_public.meetings", r"会议费", "会议费"), ("three_public.training", r"培训费", "培训费"))
_TOGETHER = "three_public.with_meetings_training"
_ADDED_UP = r"合计|一共|总共|加起来|加在一起|总额|总计|共计"
# what another reader answers: a change, a reason, the events, a share, the economic subject, 三公 parts
_ELSEWHERE = (r"增|减|变化|比上年|上年|去年|为什么|原因|明细|[几哪每各第][一]?[场次期]|人数|多少人|占|比例|几成|"
              r"\d{5}|科目|经济分类|基本支出|项目支出|决算|完成|执行")


def _asked(clause: str, three_public_part: bool = False) -> list[tuple[str, str]]:
    """The columns the clause asks (key, label): 合计 of the three where it names 三公 and both and adds up;
    a clause naming 三公 beside 会议费、培训费 (三公、会议费、培训费各多少) asks those columns in its part of
    them — the 三公 part itself is the 三公's."""
    if re.search(r"三公", clause) and re.search(r"会议", clause) and re.search(r"培训", clause) \
            and re.search(_ADDED_UP, clause):
        return [(_TOGETHER, "“三公”经费、会议费、培训费合计")]
    if three_public_part:  # (公务接待费、会议费和培训费各多少: the 接待费 part is the 接待费's; the others have theirs)
        return []
    return [(key, label) for key, rx, label in _COLUMNS if re.search(rx, clause)]


def three_public_columns(frame: Frame, ctx: Context) -> Result | None:
    """The 三公 table's 会议费 / 培训费 (or their 合计 with the 三公) of every budget asked, where each prints
    it; ``None`` where the clause asks something else or a budget asked prints no such column."""
    from nlp.execute.units import asks_units

    clause = frame.clause
    if asks_units(frame) or frame.filters.by_unit:
        return None  # 各单位会议费各多少: the units' rows of the table (``units_answer``)
    if frame.operation.name not in ("lookup", "list") or frame.filters.bound is not None or re.search(_ELSEWHERE, clause):
        return None
    asked = _asked(clause, any(m.startswith("three_public.") for m in frame.measures))
    if not asked:
        return None
    budgets, note = ctx.scope(frame)
    if not budgets or not set(frame.filters.years) <= {b.year for b in budgets}:
        return None  # a year no budget is of (2016年会议费, derived from the next budget): not this table's
    rows: list[Row] = ctx.rows("figures", budgets, Constraints(items=[key for key, _ in asked]))
    printed = {(r.department, r.year) for r in rows if r.amount is not None}
    if len(printed) != len({(b.department, b.year) for b in budgets}):
        return None  # a budget asked prints no such column: its economic subject answers instead
    items, parts = [], []
    labels = dict(asked)
    stated = _stated(ctx, budgets)
    for r in sorted(rows, key=lambda r: (r.department or "", r.year or 0, [k for k, _ in asked].index(r.key))):
        table = (r.source or "").split(" ")
        where = next((t for t in table if re.search(r"表", t)), "")
        items.append(item_of(r, labels[r.key]))
        name = labels[r.key].split("（")[0]
        parts.append(f"{who(r.department, r.year)}{name}{items[-1].value}万元（“三公”经费表{where}所列）")
        said = stated.get((r.department, r.year, r.key))
        if said is not None and said.amount != r.amount:
            # the 说明 states another figure for it (西安市气象局 2022: 表13 prints 0, the text 0.24): both said,
            # the contradiction is the document's
            items.append(item_of(said, f"{name}（文字说明）"))
            parts[-1] += f"，文字说明列为{items[-1].value}万元（与表不一致）"
    derived = _gaps(frame, rows, labels)
    items += [derived_item(d) for d in derived]
    text = "；".join(parts) + "。" + "".join(f"{d.formula}。" for d in derived)
    return Result(items, with_note(text, note), derived, rows)


def _gaps(frame: Frame, rows: list[Row], labels: dict[str, str]) -> list[D.Derived]:
    """哪家多，多多少 of two departments' column: the larger less the smaller, per column asked."""
    op = frame.operation
    if not ({"difference", "compare"} & {op.name, *op.also}):
        return []
    out = []
    for key in labels:
        pair = sorted((r for r in rows if r.key == key and r.amount is not None), key=lambda r: r.amount, reverse=True)
        if len(pair) == 2 and pair[0].department != pair[1].department:
            name = labels[key].split("（")[0]
            out.append(D.difference(figure_input(pair[0], f"{pair[0].department}{name}"),
                                    figure_input(pair[1], f"{pair[1].department}{name}")))
    return out


def _stated(ctx: Context, budgets) -> dict[tuple, Row]:
    """The 说明's own statement of 会议费 / 培训费 (this year's), by budget and column key."""
    topics = {"meetings": "three_public.meetings", "training": "three_public.training"}
    out: dict[tuple, Row] = {}
    for r in ctx.rows("stated", budgets):
        key = topics.get(r.attrs.get("topic") or "")
        if key and r.key == "current" and r.attrs.get("figure_key") in (None, "total") and r.amount is not None:
            out.setdefault((r.department, r.year, key), r)
    return out
