"""Department-level figures: a department's own (收入总计, 基本支出, 三公, 机关运行经费, 政府采购 …)
with shares, differences, sums, per-capita figures and changes against the year before; one
figure compared across departments; staffing counts."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from kg.extract.model import CARRYOVER_BY_SOURCE, UNIT_FUND_LINES
from kg.extract.narrative.changes import LEFT_OUT_WORDS
from kg.extract.narrative.vocabulary import BUDGET_TOTALS, TOTALS_KEYS, classify, quantity_of, side_of
from nlp import derive as D
from nlp import lexicon as L
from nlp.execute.income import expenditure_by_source
from nlp.execute.assets import stated_purchase_count
from nlp.execute.units import MEASURE_ITEMS, asks_units, unit_figure_missing, units_table_missing, units_answer
from nlp.execute.year_start import against_year_start
from nlp.execute.base import (BUDGET_PHASES, Context, Result, amount_sum, budget_column_order, derived_item, executor,
                              figure_input, item_of, pick_budget_columns, who, with_note)
from nlp.frames import Frame, Operation
from nlp.graph import Budget, Row, dec
from nlp.reply import Item, money
from nlp.sparql import Constraints
from nlp.vocabulary import STAFF_PROPERTIES, WAN

FISCAL_PARTS = ("general_public_budget", "government_fund", "state_capital")
# The category a count by kind of post is printed under (bkg:staffCategory), per staffing count.
STAFF_CATEGORY = {"authorizedStaff": "编制数", "actualStaff": "实有人数", "activeStaff": "在职"}
# the printed name of each staffing count (bkg:staffCategory of its stated change, bkg:StaffChange)
STAFF_COUNT_NAMES = {**STAFF_CATEGORY, "retiredStaff": "退休", "retiredVeteranStaff": "离休", "retireeStaff": "离退休"}
FISCAL_LABEL = "财政拨款收入合计"
# the operations a figure asked of a department's units is answered with from its table by unit
UNIT_OPERATIONS = ("lookup", "list", "rank", "sort", "share", "count", "compare", "sum")


# a part said as the whole it belongs to where the document prints no line of its own, labelled so:
# 单位资金's lines (事业收入 …) and 上年结转结余 by kind of funds (上年结转里政府性基金多少)
CARRIED_KINDS = tuple(CARRYOVER_BY_SOURCE.values())
# the kinds the fiscal carry-over (上年财政拨款结转) is made of: the three budgets' carry-over lines
FISCAL_CARRIED_KINDS = tuple(CARRYOVER_BY_SOURCE[k] for k in ("general_public_budget", "government_fund", "state_capital"))
WHOLE_SAID_INSTEAD = {**{k: "unit_funds" for k in UNIT_FUND_LINES},
                      **{k: "carryover_total" for k in CARRYOVER_BY_SOURCE.values()}}


def _label(ctx: Context, key: str) -> str:
    return FISCAL_LABEL if key == "fiscal_total" else ctx.vocab.label(key)


def fetch_items(keys: list[str]) -> list[str]:
    """The measure items ``_fetch`` reads for the figures ``keys`` (``nlp.figure_table`` stores the
    store-wide query of each figure's items, so it asks this one definition)."""
    items = []
    for k in keys:
        items += list(FISCAL_PARTS) if k == "fiscal_total" else [k]
        if k == "fiscal_current_year":  # where no 财政拨款收支总表 prints its 本年收入: the year's appropriations
            items += list(FISCAL_PARTS)
        if k in WHOLE_SAID_INSTEAD:  # said as its whole where the document prints no line of its own
            items.append(WHOLE_SAID_INSTEAD[k])
        if k in CARRIED_KINDS:  # whether the document splits its carry-over at all
            items += list(CARRIED_KINDS)
    return [k for k in dict.fromkeys(items) if not k.startswith("word:")]


def figures_by_key(ctx: Context, budgets: list[Budget], keys: list[str]) -> dict[tuple, Row]:
    """The figures ``keys`` of ``budgets`` by (department, year, key), 财政拨款 summed from its kinds: what another
    executor takes a share of (住房保障支出占财政拨款的比重)."""
    return _fetch(ctx, budgets, keys)


def _fetch(ctx: Context, budgets: list[Budget], keys: list[str]) -> dict[tuple, Row]:
    """The figures ``keys`` of ``budgets`` (财政拨款 as the sum of its three parts), by (department, year, key)."""
    items = fetch_items(keys)
    if not items or not budgets:
        return {}
    rows = ctx.rows("figures", budgets, Constraints(items=items))
    by = {(r.department, r.year, r.key): r for r in rows}
    for b in budgets:
        parts = [by[(b.department, b.year, k)] for k in FISCAL_PARTS if (b.department, b.year, k) in by]
        if "fiscal_total" in keys and parts:
            total = amount_sum(parts)
            by[(b.department, b.year, "fiscal_total")] = Row(FISCAL_LABEL, total, WAN, b.department, b.year,
                                                              parts[0].source, None, "fiscal_total",
                                                              {"parts": parts})
        if "fiscal_current_year" in keys and parts and (b.department, b.year, "fiscal_current_year") not in by:
            # the three appropriations of the year, added up (the 收支总表's 本年收入 lines)
            by[(b.department, b.year, "fiscal_current_year")] = Row(
                ctx.vocab.label("fiscal_current_year"), amount_sum(parts), WAN, b.department, b.year,
                parts[0].source, None, "fiscal_current_year", {"parts": parts})
    return by


def _budget_columns(frame: Frame, ctx: Context, budgets: list[Budget], keys: list[str],
                    own: dict[tuple, Row] | None = None) -> dict[tuple, Row]:
    """The 预算数 a 决算 prints beside its own figures, by (department, year, key), where the
    question names a budget column or asks a completion rate (``budget_column_order``)."""
    finals = [b for b in budgets if b.final_account]
    order = budget_column_order(frame)
    items = [k for k in dict.fromkeys(keys) if k != "fiscal_total" and not k.startswith("word:")]
    if finals and not order and own is not None:
        # a 决算 whose 决算数 of a figure asked is not in the graph: its 预算数 is shown, the 决算数 said
        # to be unlisted — never another figure in its place
        items = [k for k in items if not any((b.department, b.year, k) in own for b in finals)]
        order = list(BUDGET_PHASES) if items else []
    if not finals or not order or not items:
        return {}
    rows = ctx.rows("figures", finals, Constraints(items=items, phases=list(BUDGET_PHASES)))
    return pick_budget_columns(rows, order, lambda r: (r.department, r.year, r.key))


@executor("figures")
def figures(frame: Frame, ctx: Context) -> Result:
    """A department's figures (``figures_of``); a yes/no question (有没有上年结转, 是否安排了…) is
    answered 是/否 from them, with the change the document states for each figure asked or its
    parts (比上年减少35.90万元 …) and the year before derived from it."""
    if frame.measures and all(m.startswith("word:") and re.search(r"批|人次|团组|个团", m) for m in frame.measures):
        # 接待了多少批次 / 几批人: a count the narrative prints beside an expense, not a figure of the tables
        budgets, note = ctx.scope(frame)
        counted = _expense_counts(frame, ctx, budgets)
        if counted is not None:
            return Result(counted[0], with_note(counted[1], note), [], [])
    yes_no = "yesno" in frame.operation.also and frame.operation.name == "lookup"
    of_the_figure = frame.derived_only and frame.operation.name == "share" and frame.operation.base \
        and not asks_units(frame)  # 主要在哪个单位？占全部支出多少: the figure's share, not each unit's again
    counted_word = bool(frame.measures) and frame.measures[0].startswith("word:") \
        and frame.measures[0].endswith(("人数", "的数量"))  # 几个监狱关着多少犯人: a count no unit's row holds
    if len(frame.filters.departments) == 1 and frame.measures and frame.operation.name in UNIT_OPERATIONS \
            and not of_the_figure and not counted_word:
        # 四个监狱谁最多 / 北郊监狱预算多少: the figure of the units the question names
        by_unit = units_answer(frame, ctx, _label(ctx, frame.measures[0]), named_only=not frame.filters.by_unit)
        if by_unit is not None:
            return by_unit
        if frame.filters.budget_unit is not None:  # the unit's row prints no such figure: never the department's
            return unit_figure_missing(frame, ctx, _label(ctx, frame.measures[0]))
        if frame.filters.by_unit and (re.search(L.PER_UNIT_ASKED, frame.clause) or re.match(L.EACH_OF_THEM, frame.clause)):
            # 各直属事业单位分别安排了多少预算, and no table by unit: said so, never the department's total
            return units_table_missing(frame, ctx, _label(ctx, frame.measures[0]))
    if yes_no and re.search(L.ALL_OF, frame.clause) and len(frame.measures) == 1:
        return _all_of(frame, ctx)
    result = figures_of(frame, ctx)
    _carryover_flow(frame, ctx, result)
    if "stated_use" in frame.operation.also and result.rows:  # 三公花了多少？用在哪: what the narrative says of each
        result.text += _stated_uses(ctx, ctx.scope(frame)[0], result.rows)
    if (frame.filters.sources or re.search(L.MONEY_SOURCE_ASKED, frame.clause)) and result.rows:
        # 项目支出是财政拨的吗, 项目支出用的是什么钱: the figure split by source
        split = expenditure_by_source(frame, ctx, result.rows)
        if split is not None:
            result.items += split.items
            result.text += split.text
            result.derived += split.derived
    if not yes_no or not result.rows or not re.search(L.EXISTENCE, frame.clause):
        return result
    asked = [r for r in result.rows if r.key in frame.measures and r.amount is not None]
    if not asked:
        return result
    verdict = "是" if any(r.amount for r in asked) else "否"
    result.text = f"{verdict}。" + result.text
    result.items.insert(0, Item("是否", verdict, None, asked[0].department, asked[0].year, asked[0].source))
    if verdict == "否" and all(m in L.SOURCE_OF_MEASURE for m in frame.measures) and \
            re.search(r"收入(?:里|中|当中|里面|之中)", frame.clause):
        # 收入里有没有事业收入、上年结转: none — and where the money does come from, said beside it
        paid = figures_of(replace(frame, measures=[k for k in L.INCOME_BY_SOURCE[1:] if k not in frame.measures]), ctx)
        nonzero = [r for r in paid.rows if r.amount]
        if nonzero:
            result.text += "收入来自：" + "；".join(f"{_label(ctx, r.key)}{money(r.amount)}万元" for r in nonzero) + "。"
            result.items += [item_of(r, _label(ctx, r.key)) for r in nonzero]
    keys = list(dict.fromkeys(k for m in frame.measures for k in [m, *ctx.vocab.children(m)]))
    stated = change(replace(frame, measures=keys, operation=Operation("change")), ctx)
    if stated.items and "比上年" in stated.text and "没有相应" not in stated.text:
        result.text += "文件说明：" + stated.text
        result.items += stated.items
        result.derived += stated.derived
    return result


def _all_of(frame: Frame, ctx: Context) -> Result:
    """收入全部是一般公共预算吗: the figure's share of what it is part of (收入总计 …), 是 where it is
    the whole of it, with the share's formula."""
    key = frame.measures[0]
    base = ctx.vocab.share_base(key) or ("income_total" if key != "income_total" else None)
    if base is None:
        return figures_of(frame, ctx)
    result = figures_of(replace(frame, operation=Operation("share", base=base)), ctx)
    shares = [d for d in result.derived if d.unit == "%"]
    if shares:
        verdict = "是" if all(d.value == 100 for d in shares) else "否"
        result.text = f"{verdict}。" + result.text
        result.items.insert(0, Item("是否", verdict, None, shares[0].department, shares[0].year, None))
    return result


def figures_of(frame: Frame, ctx: Context) -> Result:
    """A department's figures, with the operation asked (share, difference, sum, per capita,
    completion), or its change against the year before (``change``)."""
    op = frame.operation
    if op.name in ("change", "growth", "derive") or frame.derive_previous:
        return change(frame, ctx)
    budgets, note = ctx.scope(frame)
    if not budgets:
        return Result()
    if frame.of_previous:
        return _share_of_previous(frame, ctx, budgets)
    largest = _largest_part(frame, ctx, budgets, note)
    if largest is not None:
        return largest
    keys = list(frame.measures)
    extra = []
    common = _common_base(ctx, keys) if op.name == "share" and not op.base else None
    if op.name == "share":
        extra = [op.base or common or ctx.vocab.share_base(k) for k in keys]
        extra += [CURRENT_YEAR_WHOLE[k] for k in extra if k in CURRENT_YEAR_WHOLE]
    if "carryover_fiscal" in keys:
        extra += [k for k in FISCAL_CARRIED_KINDS if k not in keys]
    basic_opened = op.name in ("lookup", "list") and "basic_expenditure" in keys and \
        not {"personnel", "public_expenses"} & set(keys)
    if basic_opened:  # 基本支出多少: with its 人员经费 and 公用经费, the two parts every budget prints it in
        extra += ["personnel", "public_expenses"]
    by = _fetch(ctx, budgets, keys + [k for k in extra if k])
    by.update(_parts_of_missing(ctx, budgets, keys, by))
    if op.name == "per_capita":
        return _per_capita(frame, ctx, budgets, by, note)
    planned = _budget_columns(frame, ctx, budgets, keys, by)
    items: list[Item] = []
    derived: list[D.Derived] = []
    printed_said: dict[int, str] = {}  # a derived share's printed counterpart, said after it
    parts: list[str] = []
    rows: list[Row] = []
    for b in budgets:
        said: list[str] = []
        shared: list[tuple[Row, str, Row, str]] = []  # (part, whole key, whole, whole label) of each share said
        last_share = 0
        for key in keys:
            row = by.get((b.department, b.year, key))
            plan = planned.get((b.department, b.year, key))
            label = _label(ctx, key)
            if row is None and plan is not None:  # a 决算 printing the 预算数 and leaving 决算数 blank
                column = ctx.vocab.phase_label(plan.attrs["phase"])
                rows.append(plan)
                items.append(item_of(plan, f"{label}（{column}）"))
                said.append(f"{label}{column}{money(plan.amount)}万元，决算数文件未列示（图谱中没有）")
                continue
            if row is None:
                row = _stated_instead(ctx, b, key)
                if row is not None:
                    label += "（表中未列，取自文字说明）"
                elif key in CARRIED_KINDS and any((b.department, b.year, k) in by for k in CARRIED_KINDS):
                    # the carry-over split by kind, this kind's line blank (北京 04表 二、政府性基金预算拨款):
                    # said so, never the whole in its place
                    said.append(f"{label}文件未列示金额（其上年结转按资金性质分列，该项空白）")
                    continue
                elif _printed_parts(ctx, by, b, key):
                    # 上年结转结余 of a budget printing only its 非财政拨款 part: the parts printed, said so
                    parts_printed = _printed_parts(ctx, by, b, key)
                    part_plans = _budget_columns(frame, ctx, [b], [p.key for p in parts_printed]) if b.final_account else {}
                    for part in parts_printed:
                        rows.append(part)
                        items.append(item_of(part, _label(ctx, part.key)))
                        said.append(f"{_label(ctx, part.key)}{money(part.amount)}万元（文件未列{re.sub(r'合计$', '', label)}合计）")
                        part_plan = part_plans.get((b.department, b.year, part.key))
                        if part_plan is not None:  # 财政拨款支出完成年初预算多少 of a 决算 printing only its part's columns
                            column = ctx.vocab.phase_label(part_plan.attrs["phase"])
                            rows.append(part_plan)
                            items.append(item_of(part_plan, f"{_label(ctx, part.key)}（{column}）"))
                            d = D.completion(figure_input(part, f"{_label(ctx, part.key)}决算数"),
                                             figure_input(part_plan, f"{_label(ctx, part.key)}{column}"), _label(ctx, part.key))
                            said[-1] += f"，{column}{money(part_plan.amount)}万元"
                            if d is not None:
                                derived.append(d)
                                items.append(derived_item(d))
                                said[-1] += f"，完成率{d.value}%"
                    continue
                elif key in WHOLE_SAID_INSTEAD and (b.department, b.year, WHOLE_SAID_INSTEAD[key]) in by:
                    # 事业收入 of a budget printing only 单位资金 (政府性基金's carry-over of one printing only
                    # 上年结转结余): that whole, said to be so, never as the line
                    row = by[(b.department, b.year, WHOLE_SAID_INSTEAD[key])]
                    label = f"{_label(ctx, WHOLE_SAID_INSTEAD[key])}（文件未单列{label}）"
                else:
                    continue
            rows.append(row)
            if key == "fiscal_total":
                d = D.total([figure_input(p, ctx.vocab.label(p.key)) for p in row.attrs["parts"]], FISCAL_LABEL)
                derived.append(d)
            if not frame.derived_only:
                items.append(item_of(row, label))
            phrase = f"{label}{money(row.amount)}万元"
            if (frame.exact_asked or re.search(L.EXACT_FIGURE, frame.clause)) and row.amount is not None \
                    and row.amount != Decimal(money(row.amount)):
                phrase += f"（表中精确数为{format(row.amount.normalize(), 'f')}万元）"  # 报表里精确到多少
            if op.name in ("lookup", "list") and key not in ("income_total", "expenditure_total"):
                # 钱从哪几块来: each part's printed share; 上年结转结余多少: the share the narrative prints beside it
                printed_share = _printed_share_of_part(ctx, b, key, row.amount, whole_said=len(keys) == 1) \
                    if len(keys) >= 3 and key != keys[0] or len(keys) == 1 else ""
                phrase += printed_share or _share_of_whole_shown(ctx, by, b, key, keys, row.amount)
            if key == "carryover_fiscal":
                phrase += _fiscal_carried_kinds(ctx, by, b, keys, rows, items)
            if key == "basic_expenditure" and basic_opened:
                inner = [by.get((b.department, b.year, k)) for k in ("personnel", "public_expenses")]
                if all(x is not None and x.amount is not None for x in inner) and \
                        sum(x.amount for x in inner) == row.amount:  # (only where they make it up exactly)
                    # (said in the sentence: the rows stay the figures asked)
                    phrase += "（其中" + "、".join(f"{_label(ctx, x.key)}{money(x.amount)}万元" for x in inner) + "）"
            if plan is not None:  # a 决算: its 预算数 beside the 决算数, and the completion rate
                column = ctx.vocab.phase_label(plan.attrs["phase"])
                rows.append(plan)
                items.append(item_of(plan, f"{label}（{column}）"))
                phrase = f"{label}{column}{money(plan.amount)}万元，决算数{money(row.amount)}万元"
                d = D.completion(figure_input(row, f"{label}决算数"), figure_input(plan, f"{label}{column}"), label)
                if d is not None:
                    derived.append(d)
                    items.append(derived_item(d))
                    phrase += f"，完成率{d.value}%"
            if op.name == "share" and _carried_inside(key, keys) is None and any(
                    _carried_inside(k, keys) == key for k in keys):
                pass  # the kind its carry-over is a share of (一般公共预算拨款里有多少是上年结转): the whole itself
            elif op.name == "share":
                base_key = _current_year_whole(by, b, key, op.base) if op.base and op.base_of_context else \
                    op.base or _carried_inside(key, keys) or \
                    _current_year_whole(by, b, key, common or ctx.vocab.share_base(key))
                base = by.get((b.department, b.year, base_key)) if base_key else None
                base_label = _label(ctx, base_key) if base_key else ""
                if base is not None and base_key != key:
                    whole = _whole_of_parts_table(ctx, b, key, base_key, base)
                    if whole is not None:  # 公用经费占基本支出 where both are of another table than 基本支出
                        base, base_label = whole.row, whole.label
                        derived.append(whole.derived)
                        phrase += f"（{whole.derived.formula}）"
                    d = D.share(figure_input(row, label), figure_input(base, base_label))
                    if d is not None:
                        shared.append((row, base_key, base, base_label))
                        last_share = len(said)  # (the phrase this share is said in)
                        derived.append(d)
                        items.append(derived_item(d, of=base_label))
                        phrase += f"，占{base_label}（{money(base.amount)}万元）的{d.value}%"
                        printed_said[id(d)] = _printed_share_said(ctx, b, key, row.amount, d.value, label, items)
                        phrase += printed_said[id(d)]
                        if key == "fiscal_total":
                            phrase += _fiscal_kinds_shares(ctx, row, base, base_label, items, derived)
                        elif len(keys) == 1:
                            phrase += _siblings_said(ctx, b, key, base_key, base_label) or \
                                _other_half_said(ctx, b, row, base, base_label)
            said.append(phrase)
        if said and len(shared) >= 2 and len({(x[1], id(x[2])) for x in shared}) == 1:
            said[last_share] += _rest_of_whole_said(ctx, b, [x[0] for x in shared], *shared[0][1:], items, derived)
        if said:
            parts.append(f"{who(b.department, b.year)}：" + "；".join(said))
    if not rows:
        stated = _stated_only(ctx, budgets, [k for k in keys if k.startswith("word:")], note)
        if stated.items or not parts:
            return stated
        return Result([], with_note("。".join(parts) + "。", note), [], [])  # only lines printed blank, said so
    text = "。".join(parts) + "。"
    words = [k for k in keys if k.startswith("word:")]
    stated_beside = _stated_only(ctx, budgets, words, "") if words else Result()
    if any((r.department, r.year, r.amount) == (i.department, i.year, dec(i.value)) for r in rows for i in stated_beside.items):
        stated_beside = Result()  # (a table already printed the figure the narrative states: said once)
    if stated_beside.items:  # 年初和年末的结转结余各多少: the year-end figure only the narrative states, beside the table's
        items += stated_beside.items
        text += stated_beside.text
    compared_two = op.name == "compare" and len(rows) == 2 and len({(r.department, r.year) for r in rows}) == 2
    if compared_two:  # 哪个单位的预算规模更大: the two figures, the larger first, and by how much
        rows = sorted(rows, key=lambda r: r.amount, reverse=True)
    elif op.name == "difference" and len(frame.filters.departments) == 2 and len({r.department for r in rows}) == 2:
        # 烟台比湖州多百分之几: the first named against the second, as the question orders them
        order = [d.name for d in frame.filters.departments]
        rows = sorted(rows, key=lambda r: order.index(r.department) if r.department in order else 2)
    if op.name == "difference" or "difference" in op.also or compared_two:
        by_key: dict[str, list[Row]] = {}
        for r in rows:
            by_key.setdefault(r.key, []).append(r)
        # one figure of two departments (or years) at a time: 总预算和三公各多少？差多少 — each figure's gap
        pairs = [pair for pair in by_key.values() if len(pair) == 2] \
            if len(by_key) > 1 and any(len(pair) == 2 for pair in by_key.values()) else [rows]
        if len(by_key) == 1 and len(rows) > 2 and len({r.year for r in rows}) == 2:
            # 26年的预算和24年的预算、决算比，各差多少: the later figure against each column of the earlier year
            latest = max(rows, key=lambda r: (r.year or 0, r.attrs.get("phase") is None))
            pairs = [[latest, r] for r in rows if r.year != latest.year]
        by_columns = len(by_key) == 1 and len(rows) > 2
        for pair in pairs:
            d = _difference(ctx, pair, columns=by_columns)
            if d is not None:
                derived.append(d)
                items.append(derived_item(d))
                text += (f"{_label(ctx, pair[0].key)}：" if len(pairs) > 1 else "") + d.formula + "。"
                rate = D.percent(pair[0].amount - pair[1].amount, pair[1].amount) \
                    if re.search(r"增长|增幅|涨幅|幅度|百分|几成|率", frame.clause) and pair[1].amount else None
                if rate is not None:  # 年末比年初增长多少: the rate of that gap too, of the figure it is taken from
                    across = pair[0].department != pair[1].department  # 烟台比湖州多百分之几: more, not grown
                    name = ("多出比例" if rate >= 0 else "少的比例") if across else ("增长率" if rate >= 0 else "降幅")
                    r = D.Derived(name, abs(rate), "%",
                                  f"{name} = {D.grouped(pair[0].amount - pair[1].amount)} ÷ "
                                  f"{D.grouped(pair[1].amount)} = {rate}%", d.inputs, d.department, d.year)
                    derived.append(r)
                    items.append(derived_item(r))
                    text += r.formula + "。"
    if (op.name == "sum" or "sum" in op.also) and len(rows) > 1 and not frame.derived_only:
        budgets_seen = {(r.department, r.year) for r in rows}
        keys_seen = {r.key for r in rows}
        if any(set(ctx.vocab.ancestors(k)) & keys_seen for k in keys_seen):
            d = None  # a figure listed with its own parts: the figure is their total
        elif keys_seen == {"income_total", "expenditure_total"}:
            d = None  # 收入和支出总共多少: a budget's two sides of one balance (收支总计), never added together
        elif len(budgets_seen) == 1 and len(keys_seen) > 1:
            d = D.total([figure_input(r, _label(ctx, r.key)) for r in rows], "合计")
        elif len({r.key for r in rows}) == 1:  # one figure of several departments or years
            key = rows[0].key
            d = D.total([figure_input(r, who(r.department, r.year)) for r in rows],
                        f"{len(budgets_seen)}个单位{_label(ctx, key)}合计" if len({r.department for r in rows}) > 1
                        else f"{len(rows)}年{_label(ctx, key)}合计")
        else:
            d = None
        if d is not None:
            derived.append(d)
            items.append(derived_item(d))
            text += d.formula + "。"
    if frame.derived_only:
        text = "；".join(d.formula + printed_said.get(id(d), "") for d in derived) + "。" if derived else ""
        if not derived:
            return Result()
    if op.name == "completion" and not any(d.label.endswith("完成率") for d in derived):
        text += "图谱中没有这些数的预算数与决算数两栏，无法计算完成率。"
    rates = [d for d in derived if d.label.endswith("完成率")]
    if op.name == "completion" and "rank" in op.also and len(rates) >= 2:  # 三项里哪项执行得最低
        pick = (max if op.descending else min)(rates, key=lambda d: d.value)
        text += f"完成率最{'高' if op.descending else '低'}的是{pick.label[:-3]}（{pick.value}%）。"
    return Result(items, with_note(text, note), derived, rows)


def _stated_instead(ctx: Context, budget: Budget, key: str) -> Row | None:
    """A figure the tables leave blank (湖州 三公表's 因公出国（境）费) that the narrative states for the
    current year (安排因公出国（境）费用预算0.00万元): that statement, said to be so; None where it
    states none."""
    topic, _, name = key.rpartition(".")
    for r in ctx.rows("stated", [budget]):
        if r.key != "current":
            continue
        stated = (r.attrs.get("topic"), r.attrs.get("figure_key"))
        if stated == (topic, name) or (not topic and TOTALS_KEYS.get(stated) == key):
            return r
    return None


def _stated_only(ctx: Context, budgets: list[Budget], words: list[str], note: str) -> Result:
    """A figure no table of the graph holds (年末结转和结余 of a 决算), answered from the amount the
    narrative's statement about it prints, said to be so; nothing where no statement names it."""
    if not words or not budgets:
        return Result()
    # the statements that print the figure: a stated change's current amount (年末结转和结余…比上年增加…), then a
    # figure stated with no change (授予中小企业合同金额1820.69万元, its printed share beside it)
    printed = [(r, r.attrs.get("current"), None) for r in ctx.rows("changes", budgets)] + \
        [(r, r.amount, r.attrs.get("share")) for r in ctx.rows("stated", budgets) if r.key == "current"]
    items, parts, rows = [], [], []
    for r, amount, share in printed:
        key = next((w for w in words if w[5:] in r.label), None)
        if key is None or amount is None or any(x.key == key and (x.department, x.year) == (r.department, r.year)
                                                for x in rows):
            continue
        row = Row(key[5:], amount, WAN, r.department, r.year, r.source, r.iri, key)
        rows.append(row)
        items.append(item_of(row))
        parts.append(f"{who(r.department, r.year)}{key[5:]}{money(row.amount)}万元" +
                     (f"（说明所写占比{share}%）" if share is not None else ""))
    if not rows:
        return Result()
    return Result(items, with_note("；".join(parts) + "（数字取自文件的文字说明）。", note), [], rows)


# The year's own money inside a grand total: 支出总计 holds 本年支出合计 and what is carried to next year
# (年末结转和结余), 收入总计 本年收入合计 and the carry-over from the year before.
CURRENT_YEAR_WHOLE = {"expenditure_total": "current_year_expenditure", "income_total": "current_year_income"}
_CURRENT_YEAR_PARTS = {"expenditure_total": ("basic_expenditure", "project_expenditure"),
                       "income_total": ("general_public_budget", "government_fund", "state_capital", "fiscal_total",
                                        "unit_funds", *UNIT_FUND_LINES)}


@dataclass
class _TableWhole:
    """The whole a share is taken of where the parts' own table prints another scope than the named whole."""

    row: Row
    label: str
    derived: D.Derived


def _whole_of_parts_table(ctx: Context, budget: Budget, key: str, base_key: str, base: Row) -> _TableWhole | None:
    """公用经费占基本支出: where the whole's parts (人员经费, 公用经费) are all read from one table that is not the
    whole's (国家信访局: the 一般公共预算基本支出表, beside a 基本支出 of all funds in the 部门支出总表) and they do
    not add up to it, the share is of the parts' own sum — a share never divides one table's scope by another's.
    ``None`` where the parts add up to the whole, stand in the whole's table, or are not all printed."""
    siblings = ctx.vocab.children(base_key)
    if key not in siblings or len(siblings) < 2:
        return None
    fetched = _fetch(ctx, [budget], siblings)
    parts = [fetched.get((budget.department, budget.year, k)) for k in siblings]
    if any(p is None or p.amount is None for p in parts):
        return None
    tables = {_printed_table(p) for p in parts}
    table = next(iter(tables))
    if len(tables) != 1 or table is None or _printed_table(base) == table:
        return None
    total = amount_sum(parts)
    if total == base.amount:
        return None
    label = f"{_label(ctx, base_key)}（{table}合计）"
    d = D.total([figure_input(p, _label(ctx, p.key)) for p in parts], label)
    return _TableWhole(Row(label, total, base.unit, budget.department, budget.year, parts[0].source, None,
                           base_key, {"parts": parts}), label, d)


def _printed_table(row: Row) -> str | None:
    """The table label a figure's place names (``… 第203行 部门公开表6 合计`` → 部门公开表6)."""
    return next((w for w in (row.source or "").split() if re.search(r"表\s*[0-9一二三四五六七八九十]*$", w)), None)


def _current_year_whole(by: dict[tuple, Row], budget: Budget, key: str, base_key: str | None) -> str | None:
    """The whole a share of the year's own money is taken of when the question names none: a 决算's
    基本支出 and 项目支出 are parts of 本年支出合计 (75.99% + 24.01%), not of a 支出总计 that also holds the
    money carried to next year; its 本年收入 lines of 本年收入合计 — and so a budget's that plans money carried
    to next year (西安's 结转下年) splits its 基本支出 and 项目支出 of 本年支出合计. A budget whose grand total is the
    year's own money (nothing carried) keeps the grand total."""
    whole = CURRENT_YEAR_WHOLE.get(base_key or "")
    # (a budget's income is read against its 收入总计, 上年结转 among its parts — only its spending splits the year's own)
    if whole is None or key not in _CURRENT_YEAR_PARTS[base_key] or \
            not budget.final_account and base_key != "expenditure_total":
        return base_key
    total, current = by.get((budget.department, budget.year, base_key)), \
        by.get((budget.department, budget.year, whole))
    if total is None or current is None or current.amount >= total.amount:
        return base_key
    return whole


def _said_as(said: Decimal, amount: Decimal) -> bool:
    """Whether a statement's figure is ``amount`` as printed to its own precision (19,577万元 of
    19,577.43; 4,005.29 of a table's 40,052,896.08元)."""
    if abs(said - amount) >= 1:
        return False
    return said == amount or said == said.to_integral_value() or \
        amount.quantize(Decimal(1).scaleb(said.as_tuple().exponent), rounding=ROUND_HALF_UP) == said


def _total_as_its_only_source(stated: list[dict], others: list[Row], current: dict, dept: str, year: int,
                              metrics: list[str], ctx: Context) -> list[dict]:
    """A grand total the narrative states no change of, where another total's statement is about the
    very same money: 收入预算19,577万元，其中：财政拨款收入19,577万元，比2025年预算减少290万元 — all of
    the income is 财政拨款 (the statement's amount is the total's, to the 万元 it is printed in), so the
    change stated of the one is the change of the other. Said as the source's statement."""
    out: list[dict] = []
    for key in metrics:
        row = current.get((dept, year, key))
        if key not in (*BUDGET_TOTALS, "fiscal_total") or row is None or not row.amount \
                or any(s["key"] == key for s in stated):  # (财政拨款 all 一般公共预算: that kind's change)
            continue
        total_side = {"income_total": "income", "expenditure_total": "expenditure"}.get(key)
        # 支出总计 of a budget all 财政拨款: the statement of its spending (财政拨款支出预算) before that of its
        # income (财政拨款收入), where the narrative states both with different changes
        for r in sorted(others, key=lambda r: side_of(r.label or "") != total_side if total_side else False):
            said = r.attrs.get("current")
            if said is None or not _said_as(said, row.amount):
                continue
            if r.amount is not None and r.amount >= said:
                continue  # 比上年增加1668.14 of 1668.14: nothing the year before (a new office), no total derived
            # the change is of the figure as the statement prints it (19,577万元): the year before derived
            # from it is as exact as the statement, not more
            written = "" if money(said) == money(row.amount) else f"，说明写作{said}万元"
            out.append({"key": key, "label": f"{_label(ctx, key)}（全部为{re.sub(r'合计$', '', r.label)}{written}）",
                        "subject": r.label, "delta": r.amount, "current": said,
                        "percent": r.attrs.get("percent"), "source": r.source, "reason": r.attrs.get("reason")})
            break
    return out


def _parts_of_change(stated: dict, changes: list[Row], shown: list[Item], dept: str, year: int) -> str:
    """Why a change the narrative states without a reason happened: the parts the same sentence gives
    (收入增加2,784.38万元，其中一般公共预算财政拨款增加2,781.90万元，主要是增加了…项目预算), each
    with its own reason, as the phrase's tail and as answer rows."""
    parts = [r for r in changes if stated.get("iri") and r.attrs.get("whole") == stated["iri"] and r.amount is not None]
    said = []
    for r in parts:
        word = "持平" if r.amount == 0 else ("增加" if r.amount > 0 else "减少") + f"{money(abs(r.amount))}万元"
        shown.append(Item(f"{year}年{r.label}比上年{word[:2]}", money(abs(r.amount)), WAN, dept, year, r.source))
        said.append(f"{r.label}{word}" + (f"（{r.attrs['reason']}）" if r.attrs.get("reason") else ""))
    return "，其中" + "、".join(said) if said else ""


def _reasons_of_same_change(stated: list[dict], others: list[Row]) -> None:
    """A total's stated change without a reason takes the reason another total's statement gives for
    the very same change (amount and rate): where all the money is 财政拨款, 说明四 explains the rise of
    财政拨款收入总计 (28997.47, 45.59%) that 说明一 states of 收入预算总计 without a word why."""
    for s in stated:
        if s.get("reason") or s.get("percent") is None:
            continue
        twin = next((r for r in others if r.amount == s["delta"] and r.attrs.get("percent") == s["percent"]
                     and r.attrs.get("reason")), None)
        if twin is not None:
            s["reason"] = twin.attrs["reason"]


def _parts_of_missing(ctx: Context, budgets: list[Budget], keys: list[str], by: dict[tuple, Row]) -> dict[tuple, Row]:
    """The printed parts (``skos:narrower``) of the figures asked that a budget does not print as a
    whole (西安审计局 prints 上年实户资金余额 as its 非财政拨款 carry-over and no 上年结转结余 total)."""
    missing = [k for k in keys if not k.startswith("word:") and ctx.vocab.children(k)
               and any((b.department, b.year, k) not in by for b in budgets)]
    if not missing:
        return {}
    wanted = [c for k in missing for c in ctx.vocab.children(k)]
    return {key: row for key, row in _fetch(ctx, budgets, wanted).items() if key not in by}


def _printed_parts(ctx: Context, by: dict[tuple, Row], budget: Budget, key: str) -> list[Row]:
    return [by[(budget.department, budget.year, c)] for c in ctx.vocab.children(key)
            if (budget.department, budget.year, c) in by and by[(budget.department, budget.year, c)].amount]


def _common_base(ctx: Context, keys: list[str]) -> str | None:
    """人员、公用、项目各占多少: figures of different default bases (人员 of 基本支出, 项目 of 支出总计)
    shared in one answer are shares of one whole — the base every other base is part of."""
    bases = {ctx.vocab.share_base(k) for k in keys} - {None}
    if len(keys) < 2 or len(bases) < 2:
        return None
    return next((b for b in bases if all(o == b or b in ctx.vocab.ancestors(o) for o in bases)), None)


def _fiscal_carried_kinds(ctx: Context, by: dict, b: Budget, keys: list[str], rows: list[Row],
                          items: list[Item]) -> str:
    """The fiscal carry-over's printed kinds said beside it (上年财政拨款结转865.06万元（其中上年结转一般公共预算
    拨款865.06万元）: 重庆 表四), each as an answer of its own; none asked on its own, none blank."""
    printed = [by[(b.department, b.year, k)] for k in FISCAL_CARRIED_KINDS
               if k not in keys and (b.department, b.year, k) in by and by[(b.department, b.year, k)].amount]
    for part in printed:
        rows.append(part)
        items.append(item_of(part, _label(ctx, part.key)))
    return "（其中" + "、".join(f"{_label(ctx, p.key)}{money(p.amount)}万元" for p in printed) + "）" if printed else ""


def _carried_inside(key: str, keys: list[str]) -> str | None:
    """The kind of funds ``key`` is the carry-over of, where the question asks that kind too (一般公共预算
    拨款里有多少是上年结转，占多大比例: the carry-over's share is of the kind, ``parse.carried_kinds``)."""
    kind = next((k for k, carried in L.CARRIED_KIND.items() if carried == key), None)
    return kind if kind in keys else None


def _share_of_previous(frame: Frame, ctx: Context, budgets: list[Budget]) -> Result:
    """多出来的部分占支出总计的多少: the previous part's own derived figure over the base named."""
    prev = ctx.previous.derived[-1] if ctx.previous and ctx.previous.derived else None
    if prev is None and ctx.previous is not None:
        # 纳入绩效管理的项目有几个？涉及多少钱？占总支出几成: the money the part before gave (a stated figure)
        said = next((i for i in reversed(ctx.previous.items) if i.unit == WAN and i.value
                     and not i.extra.get("formula")), None)
        if said is not None:
            prev = D.Input(said.label, Decimal(said.value), WAN, said.department, said.year, said.source)
    stated = prev is not None and not (ctx.previous and ctx.previous.derived)
    base_key = frame.operation.base
    by = _fetch(ctx, budgets, [base_key]) if base_key else {}
    base = next((r for r in by.values() if r.key == base_key), None)
    if prev is None or base is None:
        return Result()
    d = D.share(D.Input(prev.label, prev.value, prev.unit, prev.department, prev.year),
                figure_input(base, _label(ctx, base_key)),
                f"{prev.label}{'' if stated else '的部分'}占{_label(ctx, base_key)}比重")
    if d is None:
        return Result()
    items = [derived_item(d)]
    owner = next((b for b in budgets if (b.department, b.year) == (prev.department, prev.year)), None)
    key = next((r.key for r in (ctx.previous.rows if ctx.previous else []) if r.amount == prev.value), None)
    said = _printed_share_said(ctx, owner, key, prev.value, d.value, prev.label, items) if owner and key else ""
    return Result(items, d.formula + said + "。", [d], [base])


def _printed_share(ctx: Context, budget: Budget, key: str, amount: Decimal) -> Row | None:
    """The narrative's statement of the figure ``key`` with this very amount and a share printed beside
    it (上年结转结余347.32（0.4%）), if any."""
    return next((r for r in ctx.rows("stated", [budget]) if r.attrs.get("share") is not None
                 and r.attrs.get("figure_key") == key and r.amount == amount), None)


def _printed_share_of_part(ctx: Context, budget: Budget, key: str, amount: Decimal, whole_said: bool = False) -> str:
    """A part listed among several (一般公共预算拨款16,474.82万元 …) with the share the narrative prints
    beside it (占32.55%), in words only: the document's own proportion of the whole it composes."""
    printed = _printed_share(ctx, budget, key, amount)
    if printed is None:
        return ""
    share = printed.attrs["share"]
    of = ""
    # the whole the printed share is of, said only where it is the one that gives that share (the 说明 may
    # take 非财政拨款结转 of 收入总计, not of the carry-over it is part of)
    bases = [ctx.vocab.share_base(key), "income_total", "expenditure_total"] if whole_said else []
    wholes = _fetch(ctx, [budget], [k for k in dict.fromkeys(bases) if k]) if bases else {}
    for base in dict.fromkeys(k for k in bases if k):
        whole = wholes.get((budget.department, budget.year, base))
        if whole is not None and whole.amount and amount is not None and \
                (amount * 100 / whole.amount).quantize(share) == share:
            of = f"{_label(ctx, base)}{money(whole.amount)}万元的"
            break
    return f"（说明：占{of}{share:f}%）"


def _fiscal_kinds_shares(ctx: Context, row: Row, base: Row, base_label: str, items: list[Item],
                         derived: list[D.Derived]) -> str:
    """财政拨款占多少 where the 财政拨款 is of two kinds or more (一般公共预算、政府性基金、国有资本经营): each kind's
    amount and its own share of the same whole, since 财政拨款 is a sum a reader asks to see opened."""
    kinds = [p for p in row.attrs.get("parts", []) if p.amount]
    if len(kinds) < 2:
        return ""
    said: list[str] = []
    for part in kinds:
        label = ctx.vocab.label(part.key)
        items.append(item_of(part, label))
        d = D.share(figure_input(part, label), figure_input(base, base_label))
        if d is None:
            continue
        derived.append(d)
        items.append(derived_item(d, of=base_label))
        said.append(f"{label}{money(part.amount)}万元（占{d.value}%）")
    return "（其中" + "、".join(said) + "）" if said else ""


def _share_of_whole_shown(ctx: Context, by: dict, budget: Budget, key: str, keys: list[str],
                          amount: Decimal | None) -> str:
    """基本支出、项目支出各多少: each part's share of the total they split, where the parts are named
    together without it, in words only where the narrative prints none — the proportion a split is read by."""
    base = ctx.vocab.share_base(key)
    # (one figure alone: its share of the whole it is part of — 上年结转结余 of 收入总计 — read the same way)
    # (the whole shown beside many of its parts is read against them: 三公 and its items; a total asked with its
    # two halves — 支出总额、基本和项目支出各多少 — is the split people read in shares)
    whole_and_halves = base in keys and len(keys) == 3 and key != base and \
        all(ctx.vocab.share_base(k) == base for k in keys if k != base)
    if base is None or base in keys and not whole_and_halves \
            or not (len(keys) == 1 or whole_and_halves or all(ctx.vocab.share_base(k) == base for k in keys)):
        return ""
    if any(k != key and (k in ctx.vocab.ancestors(key) or key in ctx.vocab.ancestors(k)) and k != base for k in keys):
        return ""  # a whole beside its own part (财政拨款合计 and 本年财政拨款): not a split of the base
    if not whole_and_halves and CURRENT_YEAR_WHOLE.get(base) and key in _CURRENT_YEAR_PARTS[base]:
        # (基本支出 of a budget or 决算 that carries money to next year: of the year's own spending)
        base = _current_year_whole({**_fetch(ctx, [budget], [base, CURRENT_YEAR_WHOLE[base]]), **by}, budget, key, base)
    whole = by.get((budget.department, budget.year, base)) or \
        _fetch(ctx, [budget], [base]).get((budget.department, budget.year, base))
    if whole is None or not whole.amount or not amount:
        return ""  # (a figure of 0 is no part of its whole to speak of)
    if whole_and_halves:  # (only where the two add up to it: 人员经费 and 公用经费 of one table, 基本支出 of another, do not)
        halves = [by.get((budget.department, budget.year, k)) for k in keys if k != base]
        if any(h is None or h.amount is None for h in halves) or sum(h.amount for h in halves) != whole.amount:
            return ""
    # (the whole's own amount said with it: the share is read against a figure the reader sees)
    return f"（占{_label(ctx, base)}{money(whole.amount)}万元的{D.percent(amount, whole.amount)}%）"


def _carryover_flow(frame: Frame, ctx: Context, result: Result, asked_against_start: bool = False) -> None:
    """年初、年末结转结余各多少 / 年末比年初多了多少 of a 决算: the year's flow that joins the two (年初 + 本年收入合计 −
    本年支出合计 = 年末), where the document's own figures make it up exactly — why the carry-over grew or shrank is the
    year's income against its spending."""
    both = {"carryover_total", "carryover_year_end"} <= set(frame.measures) or \
        asked_against_start and "carryover_year_end" in frame.measures
    if not both or not (result.rows or result.items):
        return
    budgets, _ = ctx.scope(frame)
    for b in budgets:
        if not b.final_account:
            continue
        by = _fetch(ctx, [b], ["carryover_total", "carryover_year_end", "current_year_income", "current_year_expenditure"])
        start, end, income, spent = (by.get((b.department, b.year, k)) for k in
                                     ("carryover_total", "carryover_year_end", "current_year_income",
                                      "current_year_expenditure"))
        if None in (start, end, income, spent) or None in (start.amount, end.amount, income.amount, spent.amount) \
                or start.amount + income.amount - spent.amount != end.amount:
            continue
        # (in the sentence only: the rows stay the carry-over figures asked)
        result.text += (f"{who(b.department, b.year)}的收支：年初{money(start.amount)} + "
                        f"{_label(ctx, income.key)}{money(income.amount)} − {_label(ctx, spent.key)}{money(spent.amount)}，"
                        f"正是{_label(ctx, end.key)}（年末比年初"
                        f"{'多' if end.amount >= start.amount else '少'}{money(abs(end.amount - start.amount))}万元，"
                        f"即本年收入{'多于' if income.amount >= spent.amount else '少于'}本年支出的部分）。")


def _rest_of_whole_said(ctx: Context, budget: Budget, named: list[Row], base_key: str, base: Row, base_label: str,
                        items: list[Item], derived: list[D.Derived]) -> str:
    """财政拨款和其他收入各占多少: what the parts named leave of their whole — the whole's other parts by name where
    they make up the rest exactly (上年结转 2254.12, 4.45%), else the rest as one figure — so the shares asked are
    read beside the whole they split."""
    if base.amount is None or any(r.amount is None for r in named):
        return ""
    rest = base.amount - sum(r.amount for r in named)
    if rest <= 0:
        return ""
    named_keys = {r.key for r in named}
    related = named_keys | {a for k in named_keys for a in ctx.vocab.ancestors(k)}
    siblings = [k for k in ctx.vocab.children(base_key) if k not in related and not set(ctx.vocab.ancestors(k)) & named_keys]
    by = _fetch(ctx, [budget], siblings) if siblings else {}
    others = [r for k in siblings for r in [by.get((budget.department, budget.year, k))] if r is not None and r.amount]
    if others and sum(r.amount for r in others) == rest:
        said = []
        for r in others:  # (in the sentence only: the rows and derived figures stay those asked)
            share = D.percent(r.amount, base.amount)
            if share is not None:
                said.append(f"{_label(ctx, r.key)}{money(r.amount)}万元，占{share}%")
        return "（其余：" + "；".join(said) + "）" if said else ""
    share = D.percent(rest, base.amount)
    return f"（其余{money(rest)}万元，占{share}%）" if share is not None else ""


def _siblings_said(ctx: Context, budget: Budget, key: str, base_key: str, base_label: str) -> str:
    """三公经费里出国费占多少: the other parts of the whole a figure's share is taken of, in words only
    (其余：公务接待费8.12万元、…) — a share is read beside what the rest of the whole is. Only where the
    whole is the figure's own parent and has a few parts."""
    siblings = [k for k in ctx.vocab.children(base_key) if k != key]
    if key not in ctx.vocab.children(base_key) or not siblings or len(siblings) > 5:
        return ""
    by = _fetch(ctx, [budget], siblings)
    said = [f"{_label(ctx, k)}{money(r.amount)}万元" for k in siblings
            for r in [by.get((budget.department, budget.year, k))] if r is not None and r.amount is not None]
    return f"（{base_label}其余部分：" + "、".join(said) + "）" if said else ""


# the two figures a budget splits a whole into, each the other's other half (基本支出 and 项目支出 of 支出)
HALVES = {"basic_expenditure": "project_expenditure", "project_expenditure": "basic_expenditure",
          "personnel": "public_expenses", "public_expenses": "personnel"}


def _other_half_said(ctx: Context, budget: Budget, row: Row, base: Row, base_label: str) -> str:
    """项目支出占几成: the other half of the split with its share, in words — where the two add up to the whole the
    share is taken of (基本支出4312.17 + 项目支出339.50 = 4651.67), so the reader sees the whole split."""
    other_key = HALVES.get(row.key)
    if other_key is None or base.amount is None or row.amount is None:
        return ""
    other = _fetch(ctx, [budget], [other_key]).get((budget.department, budget.year, other_key))
    if other is None or other.amount is None or other.amount + row.amount != base.amount:
        return ""
    share = D.percent(other.amount, base.amount)
    return f"（另一部分{_label(ctx, other_key)}{money(other.amount)}万元，占{share}%）" if share is not None else ""


def _printed_share_said(ctx: Context, budget: Budget, key: str, amount: Decimal, computed: Decimal, label: str,
                        items: list[Item]) -> str:
    """The share the narrative prints beside the same figure (上年结转结余347.32（0.4%）), said after the
    computed one where it differs — rounded to fewer places or taken of another base — and kept as an
    answer of its own: the document's own words stand beside the arithmetic. Empty where none is printed."""
    printed = _printed_share(ctx, budget, key, amount)
    if printed is None or printed.attrs["share"] == computed:
        return ""
    share = printed.attrs["share"]
    items.append(Item(f"{label}占比（说明所印）", f"{share:f}", "%", printed.department, printed.year, printed.source))
    return f"（说明印为{share:f}%）"


def _column_of(ctx: Context, row: Row) -> str:
    """The column a 决算's figure stands in (预算数 / 决算数), where its document prints several."""
    phase = row.attrs.get("phase")
    if phase:
        return ctx.vocab.phase_label(phase)
    return "决算数" if any(b.final_account for b in ctx.budgets() if (b.department, b.year) == (row.department, row.year)) \
        else ""


def _difference(ctx: Context, rows: list[Row], columns: bool = False) -> D.Derived | None:
    """差额 of two figures: two measures of one budget, or one measure of two budgets (``columns``:
    each labelled by the column it stands in, where one year gives several)."""
    if len(rows) != 2:
        return None
    a, b = rows
    if (a.department, a.year) == (b.department, b.year):
        return D.difference(figure_input(a, _label(ctx, a.key)), figure_input(b, _label(ctx, b.key)))
    if a.key == b.key:
        if a.department == b.department and (a.year or 0) < (b.year or 0):
            a, b = b, a  # one figure of two years: the later against the earlier (26年比24年多)
        la = a.department if a.department != b.department else f"{a.year}年" + (_column_of(ctx, a) if columns else "")
        lb = b.department if a.department != b.department else f"{b.year}年" + (_column_of(ctx, b) if columns else "")
        return D.difference(figure_input(a, la), figure_input(b, lb),
                            None if a.department != b.department else None)
    return None


def _vehicle_count(frame: Frame, ctx: Context, budgets: list[Budget]) -> tuple[int, str] | None:
    """平均每辆 with no count stated: the vehicles the department's budget says it holds (or plans to
    buy, where the purchase is asked), from its 国有资产占有使用情况 (``nlp.execute.assets``)."""
    if len(budgets) != 1 or not re.search(r"每辆|一辆", frame.clause):
        return None
    planned = "three_public.vehicle_purchase" in frame.measures and \
        "three_public.vehicle_operation" not in frame.measures
    if planned:
        bought = stated_purchase_count(ctx, budgets[0])  # 经批准购置的5辆: the vehicles that money buys
        if bought:
            return bought, "辆"
    rows = [r for r in ctx.rows("assets", budgets) if r.unit == "辆" and r.attrs["planned"] == planned]
    total = next((r for r in rows if r.key == "车辆"), None)
    count = int(total.amount) if total is not None else int(sum(r.amount for r in rows))
    return (count, "辆") if count else None


def _per_capita(frame: Frame, ctx: Context, budgets: list[Budget], by: dict, note: str) -> Result:
    """人均: each figure ÷ the staff count (实有人数, or 编制数/在职人数 where the question says so);
    平均每辆: ÷ the count the question states."""
    per = frame.operation.per_count or _vehicle_count(frame, ctx, budgets)
    if per:
        count, unit = per
        items, derived, parts, rows = [], [], [], []
        for b in budgets:
            for key in frame.measures:
                row = by.get((b.department, b.year, key))
                d = D.per_unit(figure_input(row, _label(ctx, key)), count, unit) if row is not None else None
                if d is None:
                    continue
                rows.append(row)
                derived.append(d)
                items += [item_of(row, _label(ctx, key)), derived_item(d)]
                parts.append(f"{who(b.department, b.year)}{d.formula}")
        return Result(items, with_note("。".join(parts) + "。", note), derived, rows) if rows else Result()
    staff_key = next((k for k in ("authorizedStaff", "activeStaff", "actualStaff")
                      if k in frame.operation.per_keys), "actualStaff") if frame.operation.per_keys else "actualStaff"
    staff = {(r.department, r.year): r for r in ctx.rows("staff", budgets) if r.key == staff_key}
    items, derived, parts, rows = [], [], [], []
    for b in budgets:
        people = staff.get((b.department, b.year))
        for key in frame.measures:
            row = by.get((b.department, b.year, key))
            if row is None:
                continue
            rows.append(row)
            items.append(item_of(row, _label(ctx, key)))
            if people is None or not people.amount:
                parts.append(f"{who(b.department, b.year)}{_label(ctx, key)}{money(row.amount)}万元；图谱中没有"
                             f"{ctx.vocab.label(staff_key)}，无法计算人均数")
                continue
            items.append(item_of(people, ctx.vocab.label(staff_key)))
            d = D.per_capita(figure_input(row, _label(ctx, key)),
                             D.Input(ctx.vocab.label(staff_key), people.amount, "人", b.department, b.year, people.source))
            if d is not None:
                derived.append(d)
                items.append(derived_item(d))
                parts.append(f"{who(b.department, b.year)}{d.formula}")
    if not rows:
        return Result()
    return Result(items, with_note("。".join(parts) + "。", note), derived, rows)


# ----------------------------------------------------------------------------- changes
def _about(subject: str, key: str) -> bool:
    """Whether a 比上年 statement's subject is about the figure ``key`` (``word:培训费``: a
    statement whose subject names that word)."""
    if key.startswith("word:"):
        return key[5:] in subject
    if key in ("income_total", "expenditure_total") and re.search(r"收入支出总|收支总", subject):
        return True  # 收入支出总计 is both sides' grand total (they are one sum)
    if re.search(r"[（(](类|款|项)[）)]", subject):  # a classification subject's own change
        return False
    words = L.STATEMENT_WORDS.get(key, ())
    if key == "general_public_budget" and "转移支付" in subject:
        return False
    longer = [w2 for k2, ws in L.STATEMENT_WORDS.items() if k2 != key for w2 in ws]
    for w in words:
        if w in subject:
            if any(w in w2 and w2 != w and w2 in subject for w2 in longer):
                continue  # 非财政拨款结转 is another figure than 财政拨款结转 within it
            rest = re.sub(r"\|[\u4e00-\u9fff]{0,3}费", "|", subject.replace(w, "|", 1))  # 用车运行|维护费: its own
            # 一般公共预算拨款安排的会议费预算支出 is about 会议费, not the 一般公共预算 total
            return not re.search(L.NARROWER_EXPENSE, rest)
    # a wording the question's words miss that the extraction's vocabulary reads (预算收入, 部门预算收入)
    return quantity_of(subject, side_of(subject)) == key


_LEFT_OUT = re.compile(rf"[（(](?:{LEFT_OUT_WORDS})(.+?)[）)]")


def _qualified_as_asked(subject: str, excluding: str | None) -> bool:
    """Whether a statement answers a change asked with ``excluding`` left out (扣掉中央基建后): only a
    statement qualified so (一般公共预算当年财政拨款（扣除中央基建后）) where the question leaves
    something out, only an unqualified one where it does not."""
    left_out = _LEFT_OUT.search(subject)
    if excluding is None:
        return left_out is None
    return left_out is not None and (excluding in left_out.group(1) or left_out.group(1) in excluding or
                                     len(set(excluding) & set(left_out.group(1))) >= 2)


def _stated_changes(ctx: Context, doc: Budget) -> tuple[dict[str, Row], set[str]]:
    """The changes a document's 说明 states, by the record quantity each names: the first statement
    with an amount per quantity, and the quantities stated 与上年持平 (a change of 0). What
    ``_from_parts`` and ``_from_whole`` add up or take apart."""
    amounts: dict[str, Row] = {}
    flat: set[str] = set()
    for r in ctx.rows("changes", [doc]):
        named = quantity_of(r.label, side_of(r.label))
        if named is None or named in amounts:
            continue
        if r.amount is not None:
            amounts[named] = r
        elif r.attrs.get("direction") == "flat":
            flat.add(named)
    return amounts, flat


def _from_parts(ctx: Context, doc: Budget, dept: str, metrics: list[str], stated: list[dict]) -> list[dict]:
    """The change of a figure the narrative states nothing about, added up from the changes it states
    for every part of it (江苏高院 2019 三公: 出国 −10、接待 −97、公务用车运行维护费与上年一致 → 三公 −107).
    A part stated 与上年一致 changes by 0; a part with no figure this year and no statement is taken as
    unchanged (said in the answer); a part with a figure and no statement leaves the total unknown."""
    keys = [k for k in metrics if not k.startswith("word:") and ctx.vocab.children(k)
            and not any(s["key"] == k for s in stated)]
    if not keys:
        return []
    family = list(dict.fromkeys(k2 for k in keys for k2 in [k, *_descendants(ctx, k)]))
    now = _fetch(ctx, [doc], family)
    said: dict[str, Decimal] = {s["key"]: s["delta"] for s in stated}
    amounts, unchanged = _stated_changes(ctx, doc)
    said.update({k: r.amount for k, r in amounts.items() if k in family and k not in said})
    flat = {k for k in unchanged if k in family and k not in said}
    assumed: list[str] = []

    def delta_of(key: str) -> Decimal | None:
        if key in said:
            return said[key]
        if key in flat:
            return Decimal(0)
        kids = ctx.vocab.children(key)
        if kids:
            parts = [delta_of(k) for k in kids if k != key]
            return sum(parts, Decimal(0)) if parts and all(p is not None for p in parts) else None
        row = now.get((dept, doc.year, key))
        if row is not None and row.amount == 0:
            assumed.append(_label(ctx, key))
            return Decimal(0)
        return None

    out = []
    for key in keys:
        row = now.get((dept, doc.year, key))
        kids = ctx.vocab.children(key)
        parts = [delta_of(k) for k in kids]
        if row is None or not parts or any(p is None for p in parts) or not any(k in said for k in _descendants(ctx, key)):
            continue
        each = [f"{_label(ctx, k)}{'增加' if d >= 0 else '减少'}{money(abs(d))}万元"
                for k, d in zip(kids, parts) if k != key and k in said and d]
        # (车辆费用比去年涨了多少: the parts' own stated changes, named, then added up)
        note = "由说明所列各分项的增减相加" + (f"：{'，'.join(each)}" if each else "") + \
            (f"，{'、'.join(dict.fromkeys(assumed))}本年为0且未说明增减，按未变计" if assumed else "")
        out.append({"key": key, "label": _label(ctx, key), "subject": _label(ctx, key), "delta": sum(parts, Decimal(0)),
                    "current": row.amount, "percent": None, "source": row.source, "reason": note})
    return out


def _from_whole(ctx: Context, doc: Budget, dept: str, metrics: list[str], stated: list[dict]) -> list[dict]:
    """The change of a part the narrative gives no amount for (湖州 2026 出国费: 0.00, 比上年下降100%), from
    its whole's stated change less its siblings' (三公 −10.00; 接待、公车 与上年持平 → 出国 −10.00). Only
    where every sibling's change is stated (an amount, or 持平 as 0)."""
    keys = [k for k in metrics if not k.startswith("word:") and not any(s["key"] == k for s in stated)
            and ctx.vocab.measures.get(k) is not None and ctx.vocab.measures[k].broader]
    if not keys:
        return []
    said, flat = _stated_changes(ctx, doc)
    out = []
    for key in keys:
        whole = ctx.vocab.measures[key].broader
        siblings = [k for k in ctx.vocab.children(whole) if k != key]
        if whole not in said or key in said or not siblings:
            continue
        deltas = [said[k].amount if k in said else Decimal(0) if k in flat else None for k in siblings]
        if any(d is None for d in deltas):
            continue
        row = _fetch(ctx, [doc], [key]).get((dept, doc.year, key)) or _stated_instead(ctx, doc, key)
        names = "、".join(_label(ctx, k) for k in siblings)
        out.append({"key": key, "label": _label(ctx, key), "subject": _label(ctx, key),
                    "delta": said[whole].amount - sum(deltas, Decimal(0)),
                    "current": row.amount if row is not None else None, "percent": None,
                    "source": said[whole].source,
                    "reason": f"由说明所列{_label(ctx, whole)}的增减减去{names}的增减推算"})
    return out


def _descendants(ctx: Context, key: str) -> list[str]:
    out: list[str] = []
    for k in ctx.vocab.children(key):
        if k != key and k not in out:
            out += [k, *_descendants(ctx, k)]
    return out


def _largest_part(frame: Frame, ctx: Context, budgets: list[Budget], note: str) -> Result | None:
    """哪项最多 / 大头是什么 of one department's figure or figures: its parts (or the figures named)
    ranked by amount, the first n said with the whole. None where the clause ranks anything else
    (several departments, no parts)."""
    op = frame.operation
    if op.name != "rank" or len(frame.filters.departments) != 1 or len(budgets) != 1:
        return None
    keys = [k for k in frame.measures if not k.startswith("word:")]
    if keys == ["project_expenditure"] and not frame.filters.subjects:
        # 项目支出里金额最大的三项: the projects the 项目支出 is spent on, ranked — not the one figure
        from nlp.execute import EXECUTORS
        projects = Frame("projects", ["amount"], frame.filters.copy(), op, frame.clause, frame.score,
                         frame.open_department)
        ranked = EXECUTORS["projects"](projects, ctx)
        if ranked.items:
            return ranked
    whole = keys[0] if len(keys) == 1 and len(ctx.vocab.children(keys[0])) >= 2 else None
    parts = ctx.vocab.children(whole) if whole else keys
    if len(parts) < 2:
        return None
    b = budgets[0]
    by = _fetch(ctx, [b], parts + ([whole] if whole else []))
    rows = [by[(b.department, b.year, k)] for k in parts if (b.department, b.year, k) in by
            and by[(b.department, b.year, k)].amount is not None]
    if len(rows) < 2:
        return None
    rows.sort(key=lambda r: r.amount, reverse=op.descending)
    top = rows[: op.n or 1]
    items = [item_of(r, _label(ctx, r.key), rank=i) for i, r in enumerate(top, 1)]
    said = "；".join(f"{'' if len(top) == 1 else f'{i}. '}{_label(ctx, r.key)}{money(r.amount)}万元"
                    for i, r in enumerate(top, 1))
    of = by.get((b.department, b.year, whole)) if whole else None
    head = f"{who(b.department, b.year)}" + (f"{_label(ctx, whole)}{money(of.amount)}万元，其中" if of is not None else "")
    most = "最多" if op.descending else "最少"
    text = head + f"{most}的{'是' if len(top) == 1 else f'{len(top)}项：'}" + said + "。"
    rest = rows[len(top):]
    if of is not None and rest and len(rest) <= 4:  # (the whole's other parts, in words: where the rest of it went)
        text = text[:-1] + "；其余为" + "、".join(f"{_label(ctx, r.key)}{money(r.amount)}万元" for r in rest) + "。"
    derived: list[D.Derived] = []
    if of is not None and of.amount:  # 大头是哪块: read against the whole it is the bulk of — its share said
        for r in top:
            d = D.share(figure_input(r, _label(ctx, r.key)), figure_input(of, _label(ctx, whole)),
                        f"{_label(ctx, r.key)}占{_label(ctx, whole)}比重")
            if d is not None:
                derived.append(d)
                items.append(derived_item(d))
                text += d.formula + "。"
    if of is not None:
        items.insert(0, item_of(of, _label(ctx, whole)))
    return Result(items, with_note(text, note), derived, top + ([of] if of is not None else []))


def _changes_asked(ctx: Context, doc: Budget, frame: Frame) -> list[Row]:
    """The document's stated changes with an amount; a flat one (与2025年预算持平, no amount printed)
    as a change of nothing where the change itself is asked — not where the year before is derived
    from it, whose figure (a 决算's actual, a budget's plan) the flat statement need not speak of."""
    out = []
    for r in ctx.rows("changes", [doc]):
        if r.amount is not None:
            out.append(r)
        elif r.attrs.get("direction") == "flat" and not frame.derive_previous:
            out.append(dataclasses.replace(r, amount=Decimal("0.00")))
    return out


def _on_the_side_asked(stated: list[dict], asked: str | None) -> list[dict]:
    """政府性基金预算支出…2025年是多少 where the 说明 states the fund's change twice, once of its income and once
    of its spending (无锡: 收入 +125,999.00, 支出 +31,183.05): the statement of the side the question names. A
    figure stated of one side only keeps it."""
    if asked is None:
        return stated
    by_key: dict[str, set] = {}
    for s in stated:
        by_key.setdefault(s["key"], set()).add(side_of(s.get("subject") or ""))
    kept = [s for s in stated
            if not {"income", "expenditure"} <= by_key[s["key"]] or side_of(s.get("subject") or "") in (asked, None)]
    for s in kept:  # the spending side of a figure the graph labels as income is said as spending
        if {"income", "expenditure"} <= by_key[s["key"]] and asked == "expenditure":
            s["label"] = re.sub(r"(?:拨款)?收入$", "支出", s["label"])
    return kept


def change(frame: Frame, ctx: Context, whole_if_unstated: bool = True) -> Result:
    """Changes against the year before as the narrative states them (比上年增加/减少), or as the
    difference of two budgets in the graph; the previous year's figure derived from them where the
    graph has no budget of that year (倒推)."""
    budgets, _ = ctx.scope(frame)
    within = against_year_start(frame, ctx, budgets)  # 年末比年初多了多少: one document's two figures
    if within is not None:
        _carryover_flow(frame, ctx, within, asked_against_start=True)
        return within
    if asks_units(frame) and frame.measures and frame.measures[0] in MEASURE_ITEMS:
        # 各单位三公经费比上年增减多少: each unit's figure with the year before and the change its table
        # prints beside it (西安 表13); the department's change where no unit's cell carries them
        by_unit = units_answer(frame, ctx, _label(ctx, frame.measures[0]))
        if by_unit is not None and any(i.label.endswith(("上年" + _label(ctx, frame.measures[0]), "增减"))
                                       for i in by_unit.items):
            return by_unit
    all_budgets = ctx.budgets()
    names = [d.name for d in frame.filters.departments] or sorted({b.department for b in all_budgets})
    metrics = [m for m in frame.measures] or ["income_total"]
    plain = [m for m in metrics if not m.startswith("word:")]
    items: list[Item] = []
    derived: list[D.Derived] = []
    parts: list[str] = []
    rows: list[Row] = []
    compared: list[tuple] = []  # (key, label, department, year, change) for 谁压得多
    previous: list[tuple[str, D.Derived, int]] = []  # the years before derived: department, figure, year
    for dept in names:
        have = [b for b in all_budgets if b.department == dept]
        asked = frame.filters.years or [b.year for b in have]
        docs: list[Budget] = []
        for year in asked:
            doc = next((b for b in have if b.year == year), None) or next((b for b in have if b.year == year + 1), None)
            if doc is not None and doc not in docs:
                docs.append(doc)
        for doc in docs:
            if frame.derive_previous and frame.filters.phase == "final_account" and not doc.final_account \
                    and doc.year not in asked:
                # 2025年三公实际花了多少（决算数）: a budget's 比上年 compares plans, not what was spent
                parts.append(f"{dept}{doc.year}年预算说明的增减是与上年预算或执行数相比，不能据此推算{doc.year - 1}年的决算数"
                             f"（图谱中没有{dept}{doc.year - 1}年的决算）")
                continue
            current = _fetch(ctx, [doc], plain)
            stated: list[dict] = []
            same_change: list[Row] = []
            seen = set()
            changes = _changes_asked(ctx, doc, frame)
            for r in changes:
                if not _qualified_as_asked(r.label, frame.filters.excluding):
                    continue
                # the figure the extraction's vocabulary names the subject as, where asked (公务用车运行费
                # is vehicle_operation, not the 公务用车 total its first words also name); else by words
                named = quantity_of(r.label, side_of(r.label))
                # …but a subject the vocabulary knows as a figure the records keep apart (当年一般公共预算
                # 培训费预算支出 is 培训费) is never matched to another figure by the words they share
                found = classify(r.label, side_of(r.label))
                if named is None and found is not None and found[0] in ("income", "expenditure", "total") \
                        and found[1] in metrics:
                    named = found[1]  # 财政拨款收入 is fiscal_total, a figure of the graph's totals
                elsewhere = named is None and found is not None and found[0] not in ("income", "expenditure", "total")
                # a total the vocabulary names as another figure of the graph's totals (财政拨款收入总计 is
                # fiscal_total) is not the 收入总计 asked, whatever words the two labels share
                another_total = named is None and found is not None and found[1] not in metrics \
                    and found[1] not in BUDGET_TOTALS
                key = named if named in metrics else \
                    next((m for m in metrics if m.startswith("word:") or not (
                        elsewhere or (another_total and m in BUDGET_TOTALS)) if _about(r.label, m)), None)
                if key is None and (another_total or named is not None):
                    same_change.append(r)  # 财政拨款收入总计 up by the very amount and rate: its reason may be the total's
                if key is not None and (key, r.amount, r.attrs.get("current")) in seen:
                    # the same change printed twice (the table's 增减 column and the 说明's sentence): one, with
                    # the rate and the reason the sentence gives where the first lacks them
                    first = next(s for s in stated if (s["key"], s["delta"], s["current"]) == (key, r.amount, r.attrs.get("current")))
                    for field_, value in (("percent", r.attrs.get("percent")), ("reason", r.attrs.get("reason"))):
                        if first.get(field_) is None and value is not None:
                            first[field_] = value
                    continue
                if key is None:
                    continue
                seen.add((key, r.amount, r.attrs.get("current")))
                label = _label(ctx, key) if not key.startswith("word:") else re.sub(r"预算支出$|支出$", "", r.label)
                left_out = _LEFT_OUT.search(r.label)
                if left_out:  # the qualified comparison says what it leaves out
                    label += left_out.group(0)
                stated.append({"key": key, "label": label, "subject": r.label, "delta": r.amount,
                               "current": r.attrs.get("current"), "iri": r.iri,
                               "percent": r.attrs.get("percent"), "source": r.source, "reason": r.attrs.get("reason")})
            _reasons_of_same_change(stated, same_change)
            stated += _total_as_its_only_source(stated, same_change, current, dept, doc.year, plain, ctx)
            stated = _agreeing(stated, current, dept, doc.year)
            stated = _on_the_side_asked(stated, frame.side_named)  # (a part naming its side keeps both: 收入说…支出又说)
            before = next((b for b in have if b.year == doc.year - 1), None)
            if before is None:
                stated = _from_parts(ctx, doc, dept, metrics, stated) + stated
                stated = _from_whole(ctx, doc, dept, metrics, stated) + stated
            asked_earlier = [d for d in docs if d.year < doc.year]
            if before is None and asked_earlier:
                # 26年预算比24年实际花的多了多少: the years asked compared, not the year before the later one;
                # its statements (比上年) are about another year and stand aside
                before, stated = max(asked_earlier, key=lambda d: d.year), []
            elif before is None and any(d.year > doc.year for d in docs) and len(docs) == 2:
                continue  # the earlier of two years compared: its figure is read with the later one
            if before is not None:
                prior = _fetch(ctx, [before], plain)
                for key in plain:
                    now, then = current.get((dept, doc.year, key)), prior.get((dept, before.year, key))
                    if now is None or then is None or any(s["key"] == key for s in stated):
                        continue
                    stated.append({"key": key, "label": _label(ctx, key), "delta": now.amount - then.amount,
                                   "current": now.amount, "previous": then, "source": now.source})
            for s in stated:
                no_previous = bool(re.search(L.NO_PREVIOUS_YEAR, s.get("reason") or ""))
                if no_previous and frame.derive_previous:
                    # 2019年新成立单位，无2018年决算数: the year asked has no figure, and none is derived
                    parts.append(f"{dept}{doc.year}年的说明称“{s['reason']}”，没有{doc.year - 1}年的数，无法推算")
                    continue
                cur_row = current.get((dept, doc.year, s["key"]))
                cur = s["current"] if s["current"] is not None else (cur_row.amount if cur_row else None)
                delta, label = s["delta"], s["label"]
                word = "增加" if delta >= 0 else "减少"
                src = s.get("source")
                lacking = doc.year not in (frame.filters.years or [doc.year])  # the year asked is the one before
                than = "上年" if before is None or before.year == doc.year - 1 else f"{before.year}年"
                phrase = f"{dept}{doc.year}年{label}" + (f"{money(cur)}万元，" if cur is not None else "") + \
                    f"{'与' if delta == 0 else '比'}{than}" \
                    f"{'（' + money(s['previous'].amount) + '万元）' if s.get('previous') is not None and than != '上年' else ''}" \
                    f"{'持平' if delta == 0 else word + money(abs(delta)) + '万元'}"
                # a part of a family named alone (三公经费 → its parts), its year derived: the derived
                # figure is listed, its inputs are said in the sentence only (the named figures keep all)
                shown = [] if (frame.derive_previous and not frame.next_year_asked and frame.named_measures
                               and s["key"] not in frame.named_measures) else items
                if cur is not None:
                    shown.append(Item(f"{doc.year}年{label}", money(cur), WAN, dept, doc.year, src))
                    rows.append(Row(f"{doc.year}年{label}", cur, WAN, dept, doc.year, src, None, s["key"]))
                if s.get("previous") is not None:
                    prev = s["previous"]
                    if than != "上年":  # an earlier year asked: its figure is one of the answer's
                        shown.append(Item(f"{prev.year}年{label}", money(prev.amount), WAN, dept, prev.year,
                                          prev.source))
                    for d in D.growth(D.Input(f"{doc.year}年{label}", cur, WAN, dept, doc.year, src),
                                      D.Input(f"{prev.year}年{label}", prev.amount, WAN, dept, prev.year, prev.source),
                                      f"{doc.year}年{label}"):
                        derived.append(d)
                        items.append(derived_item(d))
                        if d.unit == "%":
                            phrase += f"，{d.label[:2]}{d.value}%"
                else:
                    shown.append(Item(f"{doc.year}年{label}比上年{word}", money(abs(delta)), WAN, dept, doc.year, src))
                    if s.get("percent") is not None:
                        rate = abs(s["percent"])
                        shown.append(Item(f"{'增长' if delta >= 0 else '下降'}幅度", str(rate), "%", dept, doc.year, src))
                        phrase += f"，{'增长' if delta >= 0 else '下降'}{rate}%"
                    if s.get("reason"):
                        phrase += f"（{s['reason']}）"
                    elif frame.reason_asked or re.search(L.REASON_ASKED, frame.clause):
                        phrase += _parts_of_change(s, changes, shown, dept, doc.year)
                if cur is not None and before is None and not no_previous:
                    d = D.previous_from_change(D.Input(f"{doc.year}年{label}", cur, WAN, dept, doc.year, src),
                                               delta, label, doc.year - 1)
                    derived.append(d)
                    items.append(derived_item(d))
                    previous.append((dept, d, doc.year - 1))
                    phrase += f"；据此推算{doc.year - 1}年为{money(d.value)}万元（{d.formula}）"
                    if s.get("percent") is None and re.search(L.RATE_WORDS, frame.clause):
                        # 增长率多少 where the statement gives the change only: the change over the year derived
                        rate = [g for g in D.growth(D.Input(f"{doc.year}年{label}", cur, WAN, dept, doc.year, src),
                                                    D.Input(d.label, d.value, WAN, dept, doc.year - 1),
                                                    f"{doc.year}年{label}") if g.unit == "%"]
                        for g in rate:
                            derived.append(g)
                            items.append(derived_item(g))
                            phrase += f"，{g.formula}"
                elif lacking and cur is None:
                    continue
                parts.append(phrase)
                compared.append((s["key"], label, dept, doc.year, delta, src))
    if not items:
        if frame.derive_previous:
            return Result(text="。".join(parts) + "。") if parts else Result()
        if not whole_if_unstated:
            return Result()
        whole = _change_of_whole(frame, ctx, plain) or _change_of_parts(frame, ctx, plain, names)
        if whole is not None:
            return whole
        return _no_change(frame, ctx, names, plain)
    text = "。".join(parts) + "。"
    if "compare" in frame.operation.also and len(compared) >= 2:
        text += _changes_compared(frame, compared, items)
    if "compare_previous" in frame.operation.also and len({p[0] for p in previous}) >= 2:
        ranked = sorted(previous, key=lambda p: p[1].value, reverse=True)
        text += f"按推算的{ranked[0][1].label.replace('（推算）', '')}从高到低：" + "；".join(
            f"{i}. {dept}{money(d.value)}万元" for i, (dept, d, _y) in enumerate(ranked, 1)) + "。"
        if len(ranked) == 2:
            (a, da, year), (b, db, _) = ranked
            diff = D.difference(D.Input(a, da.value, WAN, a, year), D.Input(b, db.value, WAN, b, year),
                                f"{year}年{a}比{b}多")
            derived.append(diff)
            items.append(derived_item(diff))
            text += diff.formula + "。"
    text += _parts_behind_change(frame, ctx, plain, names, items)
    return Result(items, text, derived, rows)


def _parts_behind_change(frame: Frame, ctx: Context, plain: list[str], names: list[str], items: list[Item]) -> str:
    """三公为什么翻了一倍多: the change's reason, and the figure's parts this year — where the change sits
    is what a why asks, so the parts' amounts are shown beside the stated change (one figure asked)."""
    where_asked = re.search(r"(?:多|少|增|减|涨|降|压)(?:在|到)了?哪|哪(?:一)?(?:块|项|部分|个)(?:钱|经费)?"
                            r"(?:减|降|少|增|涨|多|压)", frame.clause)
    if len(plain) != 1 or len(names) != 1 or not (
            frame.reason_asked or re.search(L.REASON_ASKED, frame.clause) or where_asked):
        return ""
    children = [k for k in ctx.vocab.children(plain[0]) if k != plain[0]]
    years = set(frame.filters.years)
    # the budget the change was read from: the year asked, or the next one where the year asked is the one before
    budgets = [b for b in ctx.budgets() if b.department == names[0] and (not years or b.year in years)] or \
        [b for b in ctx.budgets() if b.department == names[0] and b.year - 1 in years]
    if not children or len(budgets) != 1:
        return ""
    by = _fetch(ctx, budgets, children)
    rows = [by[k] for k in [(names[0], budgets[0].year, c) for c in children] if k in by]
    if not rows:
        return ""
    # (in the sentence only: the change asked is the answer's row, its parts the context a why reads it by)
    said = f"其中{budgets[0].year}年：" + "；".join(f"{_label(ctx, r.key)}{money(r.amount)}万元" for r in rows) + "。"
    # (少在哪里: the parts whose own change the narrative states, where it states any)
    moved = change(dataclasses.replace(frame, measures=[r.key for r in rows],
                                       filters=dataclasses.replace(frame.filters.copy(), years=[budgets[0].year])),
                   ctx, whole_if_unstated=False)
    if moved.items:
        said += "各项的变化：" + moved.text
    if plain[0] == "income_total":
        # 收支预算为啥涨了: a budget's 收入总计 is its 支出总计 too — where the money goes (基本支出增加385.31万元，
        # 项目支出增加175.35万元, each with its reason) says why as much as where it comes from
        spent = change(dataclasses.replace(frame, measures=["basic_expenditure", "project_expenditure"],
                                           filters=dataclasses.replace(frame.filters.copy(), years=[budgets[0].year])),
                       ctx, whole_if_unstated=False)
        if spent.items:
            said += "支出方面：" + spent.text
    return said


def _changes_compared(frame: Frame, compared: list[tuple], items: list[Item]) -> str:
    """谁压得多 / 哪个减得多: the stated changes ranked in the direction the question asks (压, 减, 降:
    the largest decrease first), each named by what tells it apart (the department where several are
    compared, else the figure's own word: 培训费)."""
    down = bool(re.search(L.FALL_WORDS, frame.clause))
    several = len({c[2] for c in compared}) > 1
    ranked = sorted(compared, key=lambda c: c[4], reverse=not down)
    lines = []
    for rank, (key, label, dept, year, delta, src) in enumerate(ranked, 1):
        name = dept if several else (key[5:] if key.startswith("word:") else label)
        word = "增加" if delta >= 0 else "减少"
        items.append(Item(name, money(abs(delta)), WAN, dept, year, src, {"rank": rank, "metric": f"比上年{word}"}))
        lines.append(f"{rank}. {name}（比上年{word}{money(abs(delta))}万元）")
    top = ranked[0]
    best = top[2] if several else (top[0][5:] if top[0].startswith("word:") else top[1])
    return f"按比上年{'减少' if down else '增加'}的多少排序：" + "；".join(lines) + \
        f"。{'减少' if down else '增加'}最多的是{best}。"


def _agreeing(stated: list[dict], current: dict, dept: str, year: int) -> list[dict]:
    """The stated changes of a measure that speak of the figure the graph holds for it (a statement
    naming two figures and printing another amount than the graph's is about the other one).

    A narrative may state several changes a loose label matches (上年财政拨款结转 and a
    非财政拨款结转 sentence); where one of them states the graph's own figure, the others are about
    another figure and would answer the question twice with different numbers."""
    out: list[dict] = []
    for s in stated:
        row = current.get((dept, year, s["key"]))
        if row is not None and row.amount and s["current"] is not None and s.get("subject") and \
                abs(s["current"] - row.amount) > max(Decimal("0.05"), abs(row.amount) / 1000) and \
                sum(1 for k in L.STATEMENT_WORDS if _about(s["subject"], k)) > 1:
            # 一般公共预算收入预算13,297.11…增长32.04% names two figures and states another amount than
            # 收入总计's 13,377.11: it is about the other one, never shown as this one
            continue
        same_key = [t for t in stated if t["key"] == s["key"]]
        if row is not None and len(same_key) > 1 and s["current"] is not None and s["current"] != row.amount \
                and any(t["current"] == row.amount for t in same_key):
            continue
        out.append(s)
    return out


def _change_of_whole(frame: Frame, ctx: Context, plain: list[str]) -> Result | None:
    """买车的钱有多少？比去年压了多少 where the narrative states no change of 购车费 but one of the
    “三公”经费 it is part of: that whole's change, said to be the whole's — the nearest enclosing
    figure the document states a change of, never a part's change guessed from it."""
    # (基本支出和项目支出各多少？比上年多了多少 — several parts of one whole, none with a change of its own: the
    # whole they make up, said to be the whole's)
    if not plain or len(frame.measures) != len(plain) or frame.filters.phase == "final_account":
        return None
    broader = {(ctx.vocab.measures[k].broader if k in ctx.vocab.measures else None) for k in plain}
    whole = broader.pop() if len(broader) == 1 else None
    asked_label = "、".join(_label(ctx, k) for k in plain)
    while whole is not None:
        one = dataclasses.replace(frame, measures=[whole])
        found = change(one, ctx, whole_if_unstated=False)
        if found.items:
            found.text = f"图谱中没有{asked_label}的比上年增减数；其所属的{_label(ctx, whole)}：{found.text}"
            return found
        parent = ctx.vocab.measures.get(whole)
        whole = parent.broader if parent is not None else None
    return None


def _change_of_parts(frame: Frame, ctx: Context, plain: list[str], names: list[str]) -> Result | None:
    """为什么没有上年结转 where the narrative states no change of 上年结转结余 itself but one of its parts
    (财政拨款结转0.00万元，比上年减少35.90万元，原因是…): the figure asked, then the parts' stated
    changes, each said to be the part's — never a part's change given as the whole's."""
    if len(plain) != 1 or len(frame.measures) != 1 or len(names) != 1:
        return None
    children = [k for k in ctx.vocab.children(plain[0]) if k != plain[0]]
    if not children:
        return None
    moved = change(dataclasses.replace(frame, measures=children), ctx, whole_if_unstated=False)
    if not moved.items:
        return None
    years = set(frame.filters.years)
    budgets = [b for b in ctx.budgets() if b.department == names[0] and (not years or b.year in years)]
    by = _fetch(ctx, budgets, plain)
    own = sorted(by.values(), key=lambda r: r.year)
    head = "；".join(f"{who(r.department, r.year)}{_label(ctx, r.key)}{money(r.amount)}万元" for r in own)
    items = [Item(f"{r.year}年{_label(ctx, r.key)}", money(r.amount), WAN, r.department, r.year, r.source)
             for r in own] + moved.items
    text = (f"{head}。" if head else "") + f"图谱中没有{_label(ctx, plain[0])}本身的比上年增减数；其组成部分：{moved.text}"
    return Result(items, text, moved.derived, own + list(moved.rows))


def _no_change(frame: Frame, ctx: Context, names: list[str], metrics: list[str]) -> Result:
    """No 比上年 statement to derive from: say so, and give the figures the graph does hold for
    the same department (labelled with their own year), never a guess for the year asked."""
    budgets = [b for b in ctx.budgets() if b.department in names]
    if frame.filters.years:
        budgets = [b for b in budgets if b.year in frame.filters.years] or budgets
    by = _fetch(ctx, budgets, metrics)
    figs = sorted(by.values(), key=lambda r: (r.department, r.year))
    if not figs:
        return Result()
    missing = [y for y in frame.filters.years if not any(b.year == y for b in ctx.budgets() if b.department in names)]
    head = (f"图谱中没有{'、'.join(names)}{'、'.join(str(y) for y in missing)}年的预算，也没有可据以推算的比上年增减数"
            if missing else "图谱中没有相应的比上年增减数")
    items = [Item(f"{r.year}年{_label(ctx, r.key)}", money(r.amount), WAN, r.department, r.year, r.source) for r in figs]
    text = head + "；图谱中有的是：" + "；".join(f"{who(r.department, r.year)}{_label(ctx, r.key)}{money(r.amount)}万元"
                                             for r in figs) + "。"
    return Result(items, text, [], figs)


# ----------------------------------------------------------------------------- across departments
def _each_measure(frame: Frame, ctx: Context) -> Result:
    """总盘子、项目支出、三公经费哪个多？差多少: the departments compared on each figure in turn, one
    sentence each; a figure none of them prints is left out."""
    import copy

    out = Result()
    for key in frame.measures:
        one = copy.deepcopy(frame)
        one.measures = [key]
        part = departments(one, ctx)
        if not part.items:
            continue
        out.items += part.items
        out.derived += part.derived
        out.rows += part.rows
        out.text += part.text
    return out


@executor("departments")
def departments(frame: Frame, ctx: Context) -> Result:
    """One figure of several departments (each on its latest budget unless a year is named),
    filtered by a bound, ranked, cut to the top N, summed."""
    f = frame.filters
    if len(frame.measures) > 1 and frame.operation.name != "share":
        return _each_measure(frame, ctx)
    budgets, note = ctx.scope(frame)
    if not f.years and len({b.department for b in budgets}) > 1:
        latest: dict[str, Budget] = {}
        for b in budgets:
            if b.department not in latest or b.year > latest[b.department].year:
                latest[b.department] = b
        budgets = list(latest.values())
    key = frame.measures[0] if frame.measures else "income_total"
    op = frame.operation
    by = _fetch(ctx, budgets, [key])
    rows = [r for r in by.values() if r.key == key]
    if len(f.departments) == 1 and (f.by_unit or re.search(L.UNITS_WITHIN, frame.clause)):
        by_unit = units_answer(frame, ctx, _label(ctx, key))
        if by_unit is not None:
            return by_unit
    if len(f.departments) == 1 and re.search(L.UNITS_WITHIN, frame.clause) and rows:
        # 某局系统里哪个单位最多: the graph holds the department's figure, not each unit's; said so,
        # never the department standing in for its units
        dept = f.departments[0].name
        label = _label(ctx, key)
        shown = [r for r in rows if r.department == dept]
        text = f"图谱中没有{dept}所属各单位分别的{label}，无法在单位之间排序。" + \
            "图谱中有的是部门合计：" + "；".join(f"{who(r.department, r.year)}{label}{money(r.amount)}万元" for r in shown) + "。"
        return Result([item_of(r, f"{r.department}{label}（部门合计）") for r in shown], with_note(text, note), [], shown)
    if op.name == "share" and len(rows) >= 2:  # 谁的基本支出占比高: the departments ranked by that share
        shared = _shares_ranked(frame, ctx, budgets, rows, key)
        if shared is not None:
            return Result(shared.items, with_note(shared.text, note), shared.derived, shared.rows)
    bound = ""
    outside: list[Row] = []
    if f.bound is not None:
        if f.departments:  # the departments named that miss the bound: said with their figure, not dropped
            outside = [r for r in rows if not f.bound.admits(r.amount)]
        rows = [r for r in rows if f.bound.admits(r.amount)]
        bound = f.bound.describe()
    if not rows and not outside:
        return Result()
    if not rows:
        label = _label(ctx, key)
        text = f"没有{label}{f.bound.describe()}的：" + "；".join(
            f"{r.department}（{r.year}年）{money(r.amount)}万元" for r in outside) + "。"
        return Result([], with_note(text, note), [], outside)
    rows.sort(key=lambda r: r.amount, reverse=op.descending)
    every = list(rows)  # 比最少的多多少: the last of all, not of the first few shown
    if op.name == "difference" and len(rows) > 2:
        rows = sorted(rows, key=lambda r: r.amount, reverse=True)
        rows = [rows[0], rows[-1]]
    elif op.nth and op.nth <= len(rows):
        rows = rows[op.nth - 1: op.nth]
    elif op.n and op.n < len(rows) and not (f.set_size and op.n == f.set_size):
        # 最多/最少 without a number: the first few, so the answer shows where the others stand
        rows = rows[: op.n if op.explicit_n else max(op.n, min(5, len(rows)))]
    label = _label(ctx, key)
    items: list[Item] = []
    lines = []
    start = op.nth or 1
    for rank, r in enumerate(rows, start):
        items.append(item_of(r, r.department, rank=rank, metric=label))
        lines.append(f"{rank}. {r.department}（{r.year}年）{money(r.amount)}万元")
    order = "从高到低" if op.descending else "从低到高"
    if note.startswith("问题未指明年度"):
        note = "问题未指明年度，各部门按图谱中其最新一年的预算比较"
    tail = "（各部门的文件年度不同）" if len({r.year for r in rows}) > 1 and len(rows) > 1 else ""
    text = (f"{label}{bound}的有{len(rows)}个：" if bound else "") + f"按{label}{order}排序：" + "；".join(lines) + "。" + tail
    if outside:
        text += "其余不在此列：" + "；".join(f"{r.department}（{r.year}年）{money(r.amount)}万元" for r in outside) + "。"
    named = [d.name for d in f.departments]
    lacking = [n for n in named if n not in {r.department for r in by.values() if r.key == key}]
    if lacking and len(named) > 1:  # a department named but without the figure is said, never dropped silently
        text += f"图谱中没有{'、'.join(lacking)}的{label}，未参加排序。"
    derived = []
    if (op.name == "sum" or "sum" in op.also) and len(rows) > 1:
        d = D.total([figure_input(r, r.department) for r in rows], f"{len(rows)}个单位{label}合计")
        derived.append(d)
        items.append(derived_item(d))
        text += f"{d.formula}。"
    pair_compared = op.name in ("compare", "rank", "sort") and len(rows) == 2 and len(f.departments) == 2
    if (op.name == "difference" or "difference" in op.also or pair_compared) and len(rows) >= 2:
        # 谁多 of two departments: by how much, too
        ranked = sorted(every, key=lambda r: r.amount, reverse=True)
        pair = rows if len(rows) == 2 else [ranked[0], ranked[-1]]  # 比最少的多多少: the first against the last
        d = D.difference(figure_input(pair[0], pair[0].department), figure_input(pair[1], pair[1].department))
        derived.append(d)
        items.append(derived_item(d))
        text += f"{d.formula}。"
    if "ratio" in op.also and len(every) >= 2:  # 最高的是最低的多少倍: the first over the last
        ranked = sorted(every, key=lambda r: r.amount, reverse=True)
        d = D.ratio(figure_input(ranked[0], ranked[0].department), figure_input(ranked[-1], ranked[-1].department))
        if d is not None:
            derived.append(d)
            items.append(derived_item(d))
            text += f"{d.formula}。"
    return Result(items, with_note(text, note), derived, rows)


@executor("staff")
def staff(frame: Frame, ctx: Context) -> Result:
    """人员情况: the staffing counts of 部门概况 (编制数, 实有人数, 在职, 退休, 离休), as a line."""
    budgets, note = ctx.scope(frame)
    counted = _expense_counts(frame, ctx, budgets)
    if counted is not None:
        return Result(counted[0], with_note(counted[1], note), [], [])
    rows = ctx.rows("staff", budgets) if budgets else []
    kinds = ctx.rows("staff_kinds", budgets) if budgets else []
    if not rows and not kinds:
        return Result()
    changes = ctx.rows("staff_changes", budgets)
    items, parts, unstated = [], [], []
    for b in budgets:
        mine = [r for r in rows if (r.department, r.year) == (b.department, b.year)]
        by_kind = [r for r in kinds if (r.department, r.year) == (b.department, b.year)]
        if not mine and not by_kind:
            continue
        missing = _unstated_counts(frame, mine, by_kind)
        if missing:  # 核定的编制是多少: a count the document does not print; no other count stands in for it
            unstated.append(f"{who(b.department, b.year)}的文件未列示{'、'.join(ctx.vocab.label(k) for k in missing)}")
            continue
        said = []
        for r in mine:
            items.append(item_of(r, ctx.vocab.label(r.key)))
            phrase = f"{ctx.vocab.label(r.key)}{int(r.amount)}人"
            of_kind = [k for k in by_kind if STAFF_CATEGORY.get(r.key) == k.key]
            if of_kind:  # 编制数339人（行政199人、行政附属104人、事业36人）
                phrase += "（" + "、".join(f"{k.attrs['kind']}{int(k.amount)}人" for k in of_kind) + "）"
            changed = next((c for c in changes if (c.department, c.year) == (b.department, b.year)
                            and c.key == STAFF_COUNT_NAMES.get(r.key)), None)
            if changed is not None:  # 在职29人，比上年减少3人: the change the document prints beside the count
                if re.search(r"增减|变化|变动|比上年|比去年|增加|减少|多了|少了", frame.clause):
                    items.append(item_of(changed, changed.label))  # (a row where the change is asked; said always)
                phrase += "，比上年" + ("持平" if changed.amount == 0 else
                                      f"{'增加' if changed.amount > 0 else '减少'}{abs(int(changed.amount))}人")
            said.append(phrase)
        shown = {STAFF_CATEGORY.get(r.key) for r in mine}
        for k in by_kind:
            items.append(item_of(k, k.label))
            if k.key not in shown:
                said.append(f"{k.label}{int(k.amount)}人")
        parts.append(f"{who(b.department, b.year)}：" + "，".join(said))
    if not parts:
        return Result(text="没有找到：" + "；".join(unstated) + "（图谱中没有这个数），不能用其他人数代替。")
    text = "；".join(parts + unstated) + "。"
    derived = []
    pair = ["authorizedStaff", "actualStaff"] if {"authorizedStaff", "actualStaff"} <= set(frame.measures) \
        else frame.measures if len(frame.measures) == 2 else []  # 空着几个编: 编制 less 实有, whatever else is asked
    compared = _staff_compared(frame, ctx, rows, items, derived)
    if compared:
        text += compared
    elif frame.operation.name == "difference" and pair:
        got = [next((r for r in rows if r.key == k), None) for k in pair]
        if all(got):
            d = D.difference(D.Input(ctx.vocab.label(got[0].key), got[0].amount, "人"),
                             D.Input(ctx.vocab.label(got[1].key), got[1].amount, "人"))
            derived.append(d)
            items.append(derived_item(d))
            text += d.formula + "。"
    return Result(items, with_note(text, note), derived, rows)


def _staff_compared(frame: Frame, ctx: Context, rows: list[Row], items: list[Item], derived: list) -> str:
    """哪家编制多 of several departments: the one count asked of each, ranked, the first two's gap said —
    a comparison of people, as ``departments`` compares money. Empty where one department or several counts
    are asked, or no comparison."""
    keys = [k for k in frame.measures if k in STAFF_PROPERTIES]
    if len(keys) != 1 or len(frame.filters.departments) < 2 or not (
            frame.operation.name in ("compare", "rank", "sort", "difference")
            or re.search(r"谁|哪(?:个|家|一家)", frame.clause)):
        return ""
    mine = sorted((r for r in rows if r.key == keys[0]), key=lambda r: r.amount, reverse=frame.operation.descending)
    if len(mine) < 2:
        return ""
    label = ctx.vocab.label(keys[0])
    text = f"按{label}从{'多到少' if frame.operation.descending else '少到多'}：" + "；".join(
        f"{i}. {r.department}{int(r.amount)}人" for i, r in enumerate(mine, 1)) + "。"
    a, b = mine[0], mine[1]
    d = D.difference(D.Input(a.department, a.amount, "人"), D.Input(b.department, b.amount, "人"))
    if d is not None:
        derived.append(d)
        items.append(derived_item(d))
        text += d.formula + "。"
    return text


# Staffing counts no other count may stand in for: 编制 is a quota, not a headcount; 退休 / 离休 are
# not the staff in post. (实有 / 在职 are both "how many people", either answers 多少人.)
DISTINCT_STAFF = ("authorizedStaff", "retiredStaff", "retiredVeteranStaff", "retireeStaff")


def _unstated_counts(frame: Frame, mine: list[Row], by_kind: list[Row]) -> list[str]:
    """The staffing counts the question names that one budget prints neither as a figure nor by kind
    of post — where every count named is one no other may stand in for (``DISTINCT_STAFF``)."""
    asked = [k for k in frame.measures if k in DISTINCT_STAFF]
    if frame.measures_guessed or not asked or len(asked) != len([k for k in frame.measures if k in STAFF_PROPERTIES]):
        return []
    have = {r.key for r in mine} | {k for k, cat in STAFF_CATEGORY.items() if any(r.key == cat for r in by_kind)}
    return [] if set(asked) & have else asked


def _expense_counts(frame: Frame, ctx: Context, budgets: list[Budget]) -> tuple[list[Item], str] | None:
    """公务接待了几次、多少人 / 会议…多少人参加: the counts the narrative prints with that expense's figure
    (bkg:StatedCount), where the question names an expense and asks how many; None otherwise."""
    if not budgets or not re.search(L.COUNT_ASKED, frame.clause):
        return None
    named = [word for word, pattern in L.COUNTED_EXPENSES if re.search(pattern, frame.clause)]
    if not named:
        return None
    items: list[Item] = []
    parts: list[str] = []
    for r in ctx.rows("stated", budgets):
        counts = r.attrs.get("counts") or []
        if not counts or not any(word in r.label for word in named):
            continue
        items.append(item_of(r, r.label))
        for label, count, unit in counts:
            items.append(Item(f"{r.label}{label}", f"{count:f}", unit, r.department, r.year, r.source))
        parts.append(f"{who(r.department, r.year)}{r.label}{money(r.amount)}万元：" +
                     "，".join(f"{label}{count:f}{unit}" for label, count, unit in counts))
    if not items:
        return None
    return items, "；".join(parts) + "（数字取自文件的文字说明）。"


def _shares_ranked(frame: Frame, ctx: Context, budgets: list[Budget], rows: list[Row], key: str) -> Result | None:
    """Each department's figure as a share of its own whole (基本支出 of its 支出总计), ranked by the
    share: 谁的占比高 compares proportions, not sizes. None where no whole is printed."""
    base_key = frame.operation.base or ctx.vocab.share_base(key)
    if not base_key or base_key == key:
        return None
    bases = {(r.department, r.year): r for r in _fetch(ctx, budgets, [base_key]).values() if r.key == base_key}
    label, base_label = _label(ctx, key), _label(ctx, base_key)
    shares = []
    for r in rows:
        base = bases.get((r.department, r.year))
        d = D.share(figure_input(r, f"{r.department}{label}"), figure_input(base, f"{r.department}{base_label}"),
                    f"{r.department}{label}占{base_label}比重") if base is not None else None
        if d is not None:
            shares.append((d, r))
    if len(shares) < 2:
        return None
    shares.sort(key=lambda p: p[0].value, reverse=frame.operation.descending)
    items, derived = [], []
    for rank, (d, r) in enumerate(shares, 1):
        items += [item_of(r, r.department, rank=rank, metric=label), derived_item(d)]
        derived.append(d)
    text = f"按{label}占{base_label}比重{'从高到低' if frame.operation.descending else '从低到高'}：" + "；".join(
        f"{i}. {r.department}（{r.year}年）{d.value}%（{d.formula}）" for i, (d, r) in enumerate(shares, 1)) + "。"
    return Result(items, text, derived, [r for _, r in shares])


def _stated_uses(ctx: Context, budgets: list[Budget], shown: list[Row]) -> str:
    """What the narrative says each part of a figure just shown was spent on — the counts it prints
    with that expense (公务接待费支出0.16万元：发生国内接待1次，接待人数13人) — for the parts that
    spent something; the sentence only (the figures are the answer's rows already)."""
    spent = {ctx.vocab.label(r.key) for r in shown if r.amount}
    lines = []
    for r in ctx.rows("stated", budgets) if budgets else []:
        counts = [(label, count, unit) for label, count, unit in (r.attrs.get("counts") or []) if count]
        if counts and r.amount and any(_same_expense(r.label, label) for label in spent):
            lines.append(f"{r.label}{money(r.amount)}万元：" + "，".join(f"{label}{count:f}{unit}" for label, count, unit in counts))
    return ("文件说明：" + "；".join(dict.fromkeys(lines)) + "。") if lines else ""


def _same_expense(stated: str, label: str) -> bool:
    """Whether a narrative's expense (公务接待费支出) is the figure ``label`` (公务接待费)."""
    core = re.sub(r"（[^）]*）|\([^)]*\)|支出$|费$", "", label.replace("“", "").replace("”", ""))
    return len(core) >= 3 and core in stated


def figures_total(rows: list[Row]) -> Decimal:
    return amount_sum(rows)
