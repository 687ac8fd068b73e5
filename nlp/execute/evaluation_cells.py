"""Questions about two table kinds the other executors do not read:

* a 决算's 部门整体支出绩效自评 (``bkg:DepartmentSelfEvaluation``: the table and the narrative's
  statement): 全年预算多少、执行多少、完成率多少、自评得了多少分; its 年度主要任务 (``bkg:SelfEvaluationTask``),
  listed, bounded by their 执行率 (哪些任务执行率低于60%) or ranked;
* the cells of a functional × economic table (``bkg:FunctionalEconomicCell``, 北京 预算03表): the money of
  one functional subject by economic subject (X科目下的钱按经济分类花在哪), or of one pair (X的维修（护）费多少;
  also the economic subject asked in the part after the one that named the functional subject).

Why it wraps the executors of the foci these questions are parsed to (figures, subjects, projects)
instead of adding a focus: the parser already reads such a question's department, year, subjects,
rate bound and operation; what tells it apart is its words (整体/任务 beside 自评/执行率; 经济分类/花在哪
beside a functional subject) and whether the graph holds such rows for the budgets asked. Where it does
not, the focus's own executor answers exactly as before — so no question answered before changes.
"""
from __future__ import annotations

import re
from decimal import Decimal

from nlp import derive as D
from nlp.execute.base import EXECUTORS, Context, Result, who, with_note
from nlp.frames import Frame
from nlp.graph import Row
from nlp.reply import Item, money
from nlp.vocabulary import WAN

# the department's whole evaluation (整体), or its task rows (任务), named beside a word of evaluation
WHOLE = r"整体|部门自评|年度(?:主要)?任务|主要任务|哪些任务|哪几(?:项|个)任务|任务"
EVALUATION = r"自评|执行率|完成率|执行数|执行了?多少|执行(?:得|情况)|得分|多少分|全年预算"
TASKS = r"任务"
LOWEST, HIGHEST = r"最低|最少|最差|垫底", r"最高|最多|最好"
# a functional subject's money asked by economic subject
BY_ECONOMIC = r"经济分类|经济科目|花在|花到|用在|用到|用于哪|用途|哪些方面|怎么花|花了?哪些|按经济|拆开|拆分|细分"


def _number(value: Decimal | None) -> str:
    return format(value.normalize(), "f") if value is not None else "未列示"


def _amount(value: Decimal | None) -> str | None:
    """万元 as the graph holds it: every printed digit where it has more than two (北京's six)."""
    if value is None:
        return None
    return money(value) if value == value.quantize(Decimal("0.01")) else format(value.normalize(), "f")


# --- 部门整体支出绩效自评 ----------------------------------------------------------------------------

def asks_self_evaluation(frame: Frame) -> bool:
    """A question about the department's own self-evaluation, not a project's."""
    return not frame.filters.projects and bool(re.search(WHOLE, frame.clause)) and \
        bool(re.search(EVALUATION, frame.clause))


def self_evaluation(frame: Frame, ctx: Context) -> Result:
    """The department's self-evaluation (its summary, or its tasks where asked); empty where the
    budgets asked print none."""
    budgets, note = ctx.scope(frame)
    rows = ctx.rows("self_evaluation", budgets) if budgets else []
    if not rows:
        return Result()
    tasks_asked = bool(re.search(TASKS, frame.clause)) or frame.filters.rate_bound is not None
    if tasks_asked and any(r.attrs.get("task") for r in rows):
        return _tasks(frame, rows, note)
    return _summary(rows, note)


def _summary(rows: list[Row], note: str) -> Result:
    items: list[Item] = []
    parts: list[str] = []
    derived: list[D.Derived] = []
    used: list[Row] = []
    for key in dict.fromkeys((r.department, r.year) for r in rows):
        mine = [r for r in rows if (r.department, r.year) == key and not r.attrs.get("task")]
        table = next((r for r in mine if r.key == "table"), None)
        stated = next((r for r in mine if r.key == "narrative"), None)
        # the table's 金额合计 is the whole where the evaluation node carries none
        main = table or stated
        if main is None:
            continue
        used.append(main)
        place = "部门整体支出绩效自评表" if main is table else "预算绩效情况说明"
        executed, rate, score = main.attrs.get("executed"), main.attrs.get("rate"), main.attrs.get("score")
        dept, year = main.department, main.year
        for label, value, unit in (("全年预算数", _amount(main.amount), WAN), ("全年执行数", _amount(executed), WAN),
                                   ("执行率（完成预算）", _number(rate) if rate is not None else None, "%"),
                                   ("自评得分", _number(score) if score is not None else None, "分")):
            if value is not None:
                items.append(Item(f"部门整体支出{label}", value, unit, dept, year, main.source))
        text = (f"{who(dept, year)}部门整体支出绩效自评（{place}）：全年预算数{_amount(main.amount)}万元，"
                f"全年执行数{_amount(executed)}万元，执行率{_number(rate)}%，自评得分{_number(score)}分")
        if main.amount and executed is not None:
            d = D.completion(D.Input("全年执行数", executed, WAN, dept, year, main.source),
                             D.Input("全年预算数", main.amount, WAN, dept, year, main.source), "部门整体支出预算")
            if d is not None:
                derived.append(d)
                text += f"（{d.formula}）"
        if table is not None and stated is not None:
            differs = [w for w, a, b in (("全年预算数", table.amount, stated.amount),
                                         ("执行数", table.attrs.get("executed"), stated.attrs.get("executed")),
                                         ("执行率", table.attrs.get("rate"), stated.attrs.get("rate")),
                                         ("得分", table.attrs.get("score"), stated.attrs.get("score")))
                       if a is not None and b is not None and a != b]
            text += ("；说明所述与自评表一致" if not differs else f"；说明所述的{'、'.join(differs)}与自评表不同")
        parts.append(text)
    if not parts:
        return Result()
    return Result(items, with_note("；".join(parts) + "。", note), derived, used)


def _tasks(frame: Frame, rows: list[Row], note: str) -> Result:
    bound = frame.filters.rate_bound
    # in the order printed (the task's number ends its IRI)
    tasks = sorted((r for r in rows if r.attrs.get("task") and not r.attrs.get("total")),
                   key=lambda r: (r.department or "", r.year or 0, int(re.sub(r"\D", "", str(r.iri).rsplit("/", 1)[-1]) or 0)))
    if bound is not None:
        tasks = [r for r in tasks if bound.admits(r.attrs.get("rate"))]
    ranked = ""
    if re.search(LOWEST, frame.clause) or re.search(HIGHEST, frame.clause):
        low = bool(re.search(LOWEST, frame.clause))
        tasks = sorted((r for r in tasks if r.attrs.get("rate") is not None), key=lambda r: r.attrs["rate"],
                       reverse=not low)[:frame.operation.n or 1]
        ranked = "执行率最低的" if low else "执行率最高的"
    items: list[Item] = []
    lines: list[str] = []
    for r in tasks:
        rate = r.attrs.get("rate")
        items.append(Item(f"{r.label}执行率", _number(rate), "%", r.department, r.year, r.source,
                          {"全年预算数": _amount(r.amount), "全年执行数": _amount(r.attrs.get("executed"))}))
        lines.append(f"{r.label}（全年预算数{_amount(r.amount)}万元，执行{_amount(r.attrs.get('executed'))}万元，"
                     f"执行率{_number(rate)}%" + (f"，{r.attrs['status']}" if r.attrs.get("status") else "") + "）")
    depts = "、".join(dict.fromkeys(who(r.department, r.year) for r in rows))
    said = f"执行率{bound.describe(percent=True)}" if bound is not None else ""
    if not tasks:
        return Result([], with_note(f"{depts}部门整体支出绩效自评表中没有{said}的年度主要任务。", note), [], rows)
    total = sum((r.amount or Decimal(0) for r in tasks), Decimal(0))
    executed = sum((r.attrs.get("executed") or Decimal(0) for r in tasks), Decimal(0))
    text = (f"{depts}部门整体支出绩效自评表中{said}{ranked}的年度主要任务共{len(tasks)}项"
            f"（全年预算数合计{_amount(total)}万元，执行{_amount(executed)}万元）：" + "；".join(lines) + "。")
    return Result(items, with_note(text, note), [], tasks)


# --- functional × economic cells ------------------------------------------------------------------

def _codes(frame: Frame, scheme: str) -> list[str]:
    return [ref.iri.rsplit("/", 1)[-1] for ref in frame.filters.subjects if f"/{scheme}/" in (ref.iri or "")]


def _previous_functional(ctx: Context) -> list[str]:
    """The functional subjects the part before answered (X科目下…？维修（护）费多少: the 维修（护）费 under X)."""
    previous = ctx.previous
    if previous is None:
        return []
    codes = [r.attrs.get("functional_code") or r.key for r in previous.rows]
    return list(dict.fromkeys(c for c in codes if c and re.fullmatch(r"2\d{2}(?:\d{2}){0,2}", c)))


def cross_cells(frame: Frame, ctx: Context) -> Result:
    """The economic subjects a functional subject's money is spent on, or one pair's money; empty
    where the question names no such pair or the budgets print no cross table."""
    functional = _codes(frame, "functional")
    economic = _codes(frame, "economic")
    if not functional and (economic or re.search(BY_ECONOMIC, frame.clause)):
        functional = _previous_functional(ctx)
    if not functional or not (economic or re.search(BY_ECONOMIC, frame.clause)):
        return Result()
    budgets, note = ctx.scope(frame)
    rows = ctx.rows("cross_cells", budgets) if budgets else []
    rows = [r for r in rows if r.attrs["functional_code"] in functional and r.attrs["column"] == "total"
            and (not economic or r.key in economic)]
    if not rows:
        return Result()
    items: list[Item] = []
    parts: list[str] = []
    for dept, year, fcode in dict.fromkeys((r.department, r.year, r.attrs["functional_code"]) for r in rows):
        cells = [r for r in rows if (r.department, r.year, r.attrs["functional_code"]) == (dept, year, fcode)]
        by_code: dict[str, list[Row]] = {}
        for r in cells:
            by_code.setdefault(r.key, []).append(r)
        fname = cells[0].attrs["functional_name"]
        lines = []
        for code, group in sorted(by_code.items(), key=lambda kv: -sum((r.amount or 0) for r in kv[1])):
            value = sum((r.amount or Decimal(0) for r in group), Decimal(0))
            split = "" if len(group) == 1 else "（其中" + "、".join(
                f"对应{r.attrs.get('government_code') or '未列'} {_amount(r.amount)}万元" for r in group) + "）"
            items.append(Item(f"{fcode} {fname} · {code} {group[0].label}", _amount(value), WAN, dept, year,
                              group[0].source, {"功能分类": f"{fcode} {fname}", "经济分类": f"{code} {group[0].label}"}))
            lines.append(f"{code} {group[0].label}{_amount(value)}万元{split}")
        whole = sum((r.amount or Decimal(0) for r in cells), Decimal(0))
        head = f"{who(dept, year)}支出总表中{fcode} {fname}"
        parts.append(head + (f"按经济分类共{len(by_code)}项，合计{_amount(whole)}万元：" if not economic else "中，")
                     + "；".join(lines))
    return Result(items, with_note("。".join(parts) + "。", note), [], rows)


# --- the wrapper ------------------------------------------------------------------------------------

def _wrap(focus: str) -> None:
    """Answer these questions first where they are asked and the graph holds their rows; the focus's
    own executor otherwise."""
    inner = EXECUTORS.get(focus)
    if inner is None or getattr(inner, "wrapped_by_evaluation_cells", False):
        return

    def run(frame: Frame, ctx: Context) -> Result:
        if asks_self_evaluation(frame):
            answer = self_evaluation(frame, ctx)
            if answer.items or answer.text:
                return answer
        if frame.filters.subjects or re.search(BY_ECONOMIC, frame.clause):
            answer = cross_cells(frame, ctx)
            if answer.items:
                return answer
        return inner(frame, ctx)

    run.wrapped_by_evaluation_cells = True  # type: ignore[attr-defined]
    run.__doc__ = inner.__doc__
    EXECUTORS[focus] = run


for _focus in ("figures", "subjects", "projects"):
    _wrap(_focus)
