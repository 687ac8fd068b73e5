"""The change a document states beside each figure an answer gives.

A budget's 说明 states most of its figures with their change against the year before (收入总计…
比上年增加608.71万元，增长…%，主要原因是…). A reader asking 总预算多少 expects that sentence with the
figure — the analyst compares years, the journalist asks why — so a part that looks a figure up
carries the change its document states for it, with the year before derived from it (倒推). Only
what the document states is added: no change is computed between budgets here, and a figure whose
document states none is left as it was. A question that already asks for the change (比上年多了多少,
增长率) is answered by its own part and gets nothing more.

A budget's two totals are also said with what they are made of (收入总计 by source, 支出总计 by 基本支出 and
项目支出), where the question asks the total alone: the split is how every budget presents its total.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from nlp import lexicon as L
from nlp.execute import Context, Result
from nlp.execute.base import money
from nlp.execute.figures import change, figures_by_key
from nlp.frames import Filters, Frame, Operation, Ref

# the operations whose figures are looked up as printed, and so shown with their stated change
_LOOKED_UP = ("lookup", "list", "share")
# the operations that already answer the change, in any part of the question
_CHANGE_ASKED = ("change", "growth", "derive")
_MAX_SUBJECTS = 5  # subjects named in one part, each said with its stated change
_MAX_DEPARTMENTS = 2  # a change beside each figure of a comparison of many departments would bury the answer


def _change_asked(frames: list[Frame], of: Frame | None = None) -> bool:
    """Whether a part of the question asks a change (比上年多了多少, 增长率, 去年是多少) — of the figures of part
    ``of`` where given: that part answers the change itself, so it is not said again beside the figure. A change
    asked of other figures (三公经费多少？出国费和接待费各比上年怎么变) leaves this figure's own to be said."""
    def asks(f: Frame) -> bool:
        return f.operation.name in _CHANGE_ASKED or bool(set(f.operation.also) & set(_CHANGE_ASKED)) or f.derive_previous

    def same(f: Frame) -> bool:
        mine = [m for m in (of.named_measures or of.measures) if m in of.measures] if of is not None else []
        return of is None or f is of or f.focus != "figures" or f.measures_guessed or bool(set(f.measures) & set(mine))
    return any(asks(f) and same(f) for f in frames)


def _changed_elsewhere(frame: Frame, frames: list[Frame]) -> set[str]:
    """The figures another part asks the change of (出国费和接待费各比上年怎么变): not said again beside this one."""
    return {m for f in frames if f is not frame and (f.operation.name in _CHANGE_ASKED
                                                     or set(f.operation.also) & set(_CHANGE_ASKED)) for m in f.measures}


def wants_stated_change(frame: Frame, frames: list[Frame]) -> bool:
    """Whether a part's figures are shown with the change their document states: a figures part
    that looks figures up, for one or two departments, in a question none of whose parts asks for
    a change or a year other than the budget's."""
    if frame.focus != "figures" or frame.derived_only or frame.measures_guessed or frame.of_previous:
        return False
    one_sum = frame.operation.name == "sum" and len(frame.measures) == 1  # 预算总共多少: the figure itself
    if frame.operation.name not in _LOOKED_UP and not one_sum or "yesno" in frame.operation.also:
        return False  # (a yes/no figure question states the change itself: ``figures``)
    if not 1 <= len(frame.filters.departments) <= _MAX_DEPARTMENTS or len(frame.filters.years) > 1:
        return False
    if frame.filters.budget_unit is not None:
        return False  # a unit's row: the department's change is not the unit's
    plain = [m for m in frame.measures if not m.startswith("word:")]
    if not plain:
        return False
    return not _change_asked(frames, frame)


def stated_change_of(frame: Frame, frames: list[Frame], ctx: Context) -> Result | None:
    """The change the document states for a looked-up part's figures (``change`` with no whole in
    place of an unstated one), or None where the part is not one to add it to or nothing is stated."""
    if not wants_stated_change(frame, frames):
        return None
    elsewhere = _changed_elsewhere(frame, frames)
    plain = [m for m in frame.measures if not m.startswith("word:") and m not in elsewhere]
    if not plain:
        return None
    stated = change(replace(frame, measures=plain, operation=Operation("change")), ctx, whole_if_unstated=False)
    if not stated.items or "比上年" not in stated.text or "没有相应" in stated.text:
        return None
    return stated


# what each total is made of, as budgets print it
_MADE_OF = {"income_total": [k for k in L.INCOME_BY_SOURCE if k != "income_total"],
            "expenditure_total": ["basic_expenditure", "project_expenditure"]}


def _parts_of(key: str, ctx: Context) -> tuple[list[str], bool]:
    """The parts a figure is said with, and whether they are shown only where they add up to it: a budget's two
    totals by ``_MADE_OF`` (their printed split, zeros left out); any other figure with parts in the vocabulary
    (“三公”经费, 政府采购, 上年结转结余, 基本支出) by those parts, zeros kept (因公出国（境）费0 says that part is
    gone), and only where the printed parts add up to the printed figure."""
    if key in _MADE_OF:
        return _MADE_OF[key], False
    return [k for k in ctx.vocab.children(key) if k != key], True


def composition_of(frame: Frame, frames: list[Frame], ctx: Context) -> str:
    """A figure asked alone, as itself or as its change: what it is made of — 收入总计 by source (其中一般公共预算
    拨款…、上年结转结余…), 支出总计 by 基本支出 and 项目支出, “三公”经费 by its three parts — in words. Empty where the
    question asks anything beside the figure, its parts are asked by a part of their own, or not printed."""
    # (其他 parts about the same figure — its change, the year before — leave its make-up to be said; a part about
    # another figure makes the question one about more than this figure)
    if frame.focus != "figures" or len(frame.measures) != 1 or frame.measures[0].startswith("word:") \
            or frame.measures_guessed and frame.measures[0] not in _MADE_OF or len(frame.filters.departments) != 1 \
            or frame.filters.budget_unit is not None:
        return ""  # (预算多少 guesses the budget's total: said with its make-up all the same)
    before = frames[:frames.index(frame)] if frame in frames else []
    if any(f.focus == "figures" and f.measures == frame.measures for f in before):
        return ""  # (预算多少？比去年涨了多少: the make-up said once, with the first part about the figure)
    op = frame.operation
    changed = op.name in ("change", "growth") and set(op.also) <= {"change", "growth", "difference", "sum"} \
        or op.name == "difference" and set(op.also) <= {"compare"} and frame.filters.years  # 比25年少多少
    if op.name == "completion" and not op.also:
        return _completion_of_parts(frame, frames, ctx)
    if not (op.name in ("lookup", "sum") and not op.also or changed):
        return ""
    keys, must_add_up = _parts_of(frame.measures[0], ctx)
    if len(keys) < 2:
        return ""
    asked_apart = {m for f in frames if f is not frame and f.focus == "figures" for m in f.measures}
    if set(keys) <= asked_apart:
        return ""  # (its parts are all asked by parts of their own; one asked apart leaves the make-up to say)
    budgets, _ = ctx.scope(frame)
    if not budgets and changed and frame.filters.years:
        # 比25年少多少 where the graph holds 2026 only: the make-up of the budget the change is read from
        names = {d.name for d in frame.filters.departments}
        later = {y + 1 for y in frame.filters.years}
        budgets = [b for b in ctx.budgets() if b.department in names and b.year in later]
    if len(budgets) != 1:
        return ""
    b = budgets[0]
    by = figures_by_key(ctx, budgets, [frame.measures[0], *keys])
    parts = [(k, r.amount) for k in keys for r in [by.get((b.department, b.year, k))] if r is not None]
    whole = by.get((b.department, b.year, frame.measures[0]))
    if must_add_up and (whole is None or not whole.amount or sum(a for _, a in parts) != whole.amount):
        return ""
    if must_add_up:  # (a part with no line of its own, where the others add up to the whole, is 0: said so)
        held = dict(parts)
        parts = [(k, held.get(k, Decimal(0))) for k in keys]
    said = [f"{ctx.vocab.label(k)}{money(a)}万元" for k, a in parts if a or must_add_up]
    when = f"{b.year}年" if frame.filters.years and b.year not in frame.filters.years else ""  # (not the year asked)
    carried = dict(parts).get("carryover_total")
    if frame.measures[0] == "income_total" and carried and len(said) >= 3:
        # 总盘子多少: the year's own income, then what was carried over into it — as the 收支总表 adds them up
        current = figures_by_key(ctx, budgets, ["current_year_income"]).get((b.department, b.year, "current_year_income"))
        if current is not None and current.amount is not None and current.amount + carried == whole.amount:
            own = "、".join(x for x, (k, a) in zip(said, [(k, a) for k, a in parts if a or must_add_up])
                            if k != "carryover_total")
            return (f"其中{when}本年收入合计{money(current.amount)}万元（{own}）、"
                    f"{ctx.vocab.label('carryover_total')}{money(carried)}万元。")
    return f"其中{when}" + "、".join(said) + "。" if len(said) >= 2 else ""


def income_around_part(frame: Frame, frames: list[Frame], ctx: Context) -> str:
    """其他收入有多少，占比多少 / 钱大部分是财政拨款吗: one source of a budget's income asked, said with the
    whole income and every source it is made of — the comparison the question is about. Only for the first
    part of the question that asks a source, only where no part asks the whole income itself."""
    if frame.focus != "figures" or len(frame.measures) != 1 or len(frame.filters.departments) != 1 \
            or frame.filters.budget_unit is not None or frame.operation.name not in ("lookup", "share"):
        return ""
    def of_income(k: str) -> bool:  # a source of the income: 一般公共预算拨款, 财政拨款, 单位资金's 其他收入 …
        return k != "carryover_total" and (k == "fiscal_total" or "income_total" in ctx.vocab.ancestors(k))

    if not of_income(frame.measures[0]):
        return ""
    if any(f.focus == "figures" and "income_total" in f.measures for f in frames):
        return ""
    first = next((f for f in frames if f.focus == "figures" and len(f.measures) == 1 and of_income(f.measures[0])), None)
    if first is not frame:
        return ""
    whole = replace(frame, measures=["income_total"], operation=Operation("lookup"), measures_guessed=False)
    made_of = composition_of(whole, [whole], ctx)
    budgets, _ = ctx.scope(whole)
    if not made_of or len(budgets) != 1:
        return ""
    b = budgets[0]
    total = figures_by_key(ctx, budgets, ["income_total"]).get((b.department, b.year, "income_total"))
    if total is None or total.amount is None:
        return ""
    return f"收入总计{money(total.amount)}万元，" + made_of


def _completion_of_parts(frame: Frame, frames: list[Frame], ctx: Context) -> str:
    """三公经费完成了多少: a 决算's whole asked with its completion rate, each printed part's own 预算数, 决算数
    and rate beside it — the parts are where an under-spent whole was under-spent. Empty where the figure has
    no parts in the vocabulary, its parts are asked apart, or the part columns are not printed."""
    from nlp.execute.figures import figures_of

    keys = [k for k in ctx.vocab.children(frame.measures[0]) if k != frame.measures[0]]
    asked_apart = {m for f in frames if f is not frame and f.focus == "figures" for m in f.measures}
    if len(keys) < 2 or set(keys) <= asked_apart:
        return ""
    parts = figures_of(replace(frame, measures=keys, named_measures=[]), ctx)
    if not any(d.label.endswith("完成率") for d in parts.derived):
        return ""
    return "其中" + parts.text.split("：", 1)[-1]


def whole_of_parts(frame: Frame, frames: list[Frame], ctx: Context) -> str:
    """公务用车购置和运行各多少: two or more figures that are every part of one printed whole, said with that whole
    (合计即公务用车购置及运行费…) and, where that whole is itself part of a larger one with a few parts, the larger
    one's other parts — the line the document prints above the parts asked. Empty where the parts asked are not
    all of one whole's parts, the whole is asked too, or the printed parts do not add up to it."""
    keys = [m for m in frame.measures if not m.startswith("word:")]
    if frame.focus != "figures" or len(keys) < 2 or len(keys) != len(frame.measures) or frame.measures_guessed \
            or len(frame.filters.departments) != 1 or frame.filters.budget_unit is not None \
            or frame.operation.name not in ("lookup", "list"):
        return ""
    parents = {(ctx.vocab.ancestors(k) or [None])[0] for k in keys}
    parent = parents.pop() if len(parents) == 1 else None
    if parent is None or set(keys) != {k for k in ctx.vocab.children(parent) if k != parent}:
        return ""
    if any(parent in f.measures for f in frames):
        return ""
    budgets, _ = ctx.scope(frame)
    if len(budgets) != 1:
        return ""
    b = budgets[0]
    by = figures_by_key(ctx, budgets, [parent, *keys])
    whole = by.get((b.department, b.year, parent))
    parts = [by.get((b.department, b.year, k)) for k in keys]
    if whole is None or whole.amount is None or any(p is None or p.amount is None for p in parts) \
            or sum(p.amount for p in parts) != whole.amount:
        return ""
    text = f"合计即{ctx.vocab.label(parent)}{money(whole.amount)}万元"
    up = (ctx.vocab.ancestors(parent) or [None])[0]
    others = [k for k in ctx.vocab.children(up) if k not in (up, parent)] if up else []
    if up and 0 < len(others) <= 4:
        by_up = figures_by_key(ctx, budgets, [up, *others])
        top = by_up.get((b.department, b.year, up))
        said = [f"{ctx.vocab.label(k)}{money(r.amount)}万元" for k in others
                for r in [by_up.get((b.department, b.year, k))] if r is not None and r.amount is not None]
        if top is not None and top.amount is not None and said:
            text += f"（{ctx.vocab.label(up)}{money(top.amount)}万元，其余为" + "、".join(said) + "）"
    return text + "。"


# the figure whose rows a source's breakdown lists (财政拨款按功能科目怎么分: the 财政拨款 total)
_SCOPE_TOTALS = {"fiscal": "fiscal_total", "general_public_budget": "general_public_budget",
                 "government_fund": "government_fund"}


def change_of_listed_whole(frame: Frame, ctx: Context) -> Result | None:
    """财政拨款按功能科目怎么分？比上年少了多少: the breakdown answers the rows; the change asked is of the
    whole they split, as its document states it. None where the part is no such breakdown or nothing is stated."""
    f = frame.filters
    if frame.focus != "subjects" or f.subjects or not ({"growth", "change", "difference"} & set(frame.operation.also)) \
            or len(f.departments) != 1:
        return None
    key = _SCOPE_TOTALS.get(f.amount_scope or "") or \
        (_SCOPE_TOTALS.get(f.sources[0]) if len(f.sources) == 1 else None)
    if key is None and not f.amount_scope and not f.sources and (f.scheme or "functional") == "functional":
        key = "expenditure_total"  # 预算按功能分类分到哪几类？比上年少多少: the whole budget the classes split
    if key is None:
        return None
    whole = Frame("figures", [key], f.copy(), Operation("change"), frame.clause, frame.score)
    whole.filters.amount_scope, whole.filters.sources, whole.filters.level = None, [], None
    stated = change(whole, ctx, whole_if_unstated=False)
    if not stated.items or "比上年" not in stated.text:
        return None
    return stated


def stated_winner_change(frame: Frame, frames: list[Frame], ctx: Context, shown: list) -> Result | None:
    """哪个项级科目钱最多: the one subject a ranking picked, said with the change its document states for it —
    as that subject asked on its own would be (``stated_subject_change``). None where the ranking picked more
    than one row, or nothing is stated."""
    from kg.rdf import iris

    op = frame.operation
    if frame.focus != "subjects" or op.name not in ("rank", "sort") or op.n != 1 or op.nth:
        return None
    ranked = [i for i in shown if i.extra.get("rank") == 1 and i.extra.get("code")]
    if len(ranked) != 1 or len(frame.filters.departments) != 1:
        return None
    code = str(ranked[0].extra["code"])
    scheme = frame.filters.scheme or "functional"
    iri = iris.economic_subject(code) if scheme == "economic" else iris.functional_subject(code)
    label = ranked[0].label.split(" ", 1)[-1]
    f = frame.filters
    plain = Filters(departments=list(f.departments), years=list(f.years), phase=f.phase, phases=list(f.phases),
                    scheme=scheme, subjects=[Ref(f"{scheme}_subject", str(iri), label, code)])
    one = Frame("subjects", ["total"], plain, Operation("lookup"), f"{label}多少", frame.score)
    return stated_subject_change(one, frames, ctx, shown=shown)


def stated_subject_change(frame: Frame, frames: list[Frame], ctx: Context, shown: list | None = None) -> Result | None:
    """One subject looked up (住房公积金多少, 公共安全支出多少): the change the narrative states for it, as the
    subjects executor reads it when a change is asked — its rows stay the answer's, the statement is said
    beside them. None where the part is not one subject of one budget or nothing is stated."""
    from nlp.execute import EXECUTORS

    f = frame.filters
    names = list(dict.fromkeys(s.name for s in f.subjects))
    if frame.focus != "subjects" or frame.operation.name not in ("lookup", "list") \
            or set(frame.operation.also) - {"share", "sum"} \
            or not 1 <= len(names) <= _MAX_SUBJECTS or len(f.departments) != 1 or len(f.years) > 1 \
            or f.level or f.bound or f.rate_bound or f.keywords:
        return None
    if _change_asked(frames):
        return None
    if len(names) > 1:  # 行政运行、一般行政管理事务、机关服务各多少: each subject's own statement, one after another
        each = [stated_subject_change(replace(frame, filters=replace(f, subjects=[s for s in f.subjects if s.name == n])),
                                      frames, ctx, shown) for n in names]
        found = [r for r in each if r is not None]
        if not found:
            return None
        # (each statement without the row it restates: the part's own rows said them just before)
        said = [re.sub(r"^[^；。]*年：\d+ [^；。]*万元；", "", r.text).rstrip("。") for r in found]
        return Result([i for r in found for i in r.items], "；".join(said) + "。",
                      [d for r in found for d in r.derived], [x for r in found for x in r.rows])
    stated = EXECUTORS["subjects"](replace(frame, operation=Operation("change")), ctx)
    if not stated.items or not re.search(r"比上年|比20\d\d年", stated.text) or "文件未列示" in stated.text:
        return None
    if shown is not None and not {i.value for i in stated.items if i.value} & {i.value for i in shown if i.value}:
        return None  # (the part answered from another table — the 三公 table's 会议费 — not this subject's row)
    return stated
