"""Department-level figures: totals with shares, 三公经费, 机关运行经费, 政府采购, comparisons of
departments, and changes against the year before (stated in the narrative, or the difference of
two budgets in the graph, or — for a year the graph lacks — derived from the next year's statement).
"""
from __future__ import annotations

from decimal import Decimal

from nlp.handlers.base import (METRIC_LABELS, SHARE_BASE, WAN, Context, Result, handler, pct, who,
                               with_note)
from nlp.intents import PROCUREMENT, THREE_PUBLIC, Intent
from nlp.reply import Item, money
from nlp.rows import Budget


def _figures(intent: Intent, ctx: Context, keys: list[str], labels: dict[str, str],
             prefix: str = "", share_base: dict[str, str] | None = None) -> Result:
    """Figures ``keys`` (with ``prefix``) of every budget in scope, each with its share of its base when asked."""
    budgets, note = ctx.scope(intent)
    if not budgets:
        return Result()
    share_base = SHARE_BASE if share_base is None else share_base
    wanted = [prefix + k for k in keys]
    extra = {share_base[k] for k in keys if intent.share and k in share_base}
    if "fiscal_total" in keys:
        extra |= {"general_public_budget", "government_fund", "state_capital"}
    figs = ctx.graph.figures(budgets, wanted + [prefix + k for k in extra])
    by = {(f.department, f.year, f.key): f for f in figs}
    items: list[Item] = []
    parts: list[str] = []
    for b in budgets:
        said: list[str] = []
        for key in keys:
            if key == "fiscal_total":
                comps = [by.get((b.department, b.year, k)) for k in
                         ("general_public_budget", "government_fund", "state_capital")]
                comps = [c for c in comps if c is not None]
                if not comps:
                    continue
                value = sum((c.amount for c in comps), Decimal(0))
                items.append(Item("财政拨款收入合计", money(value), WAN, b.department, b.year,
                                  comps[0].source))
                said.append(f"财政拨款收入{money(value)}万元")
                continue
            f = by.get((b.department, b.year, prefix + key))
            if f is None:
                continue
            label = labels.get(key, f.label)
            items.append(Item(label, money(f.amount), WAN, b.department, b.year, f.source))
            phrase = f"{label}{money(f.amount)}万元"
            base_key = share_base.get(key)
            if intent.share and base_key and (base := by.get((b.department, b.year, prefix + base_key))):
                share = pct(f.amount, base.amount)
                base_label = labels.get(base_key) or METRIC_LABELS.get(base_key, base_key)
                if share is not None:
                    items.append(Item(f"{label}占比", str(share), "%", b.department, b.year, f.source,
                                      {"of": base_label}))
                    phrase += f"，占{base_label}（{money(base.amount)}万元）的{share}%"
            said.append(phrase)
        if said:
            parts.append(f"{who(b.department, b.year)}：" + "；".join(said))
    if not items:
        return Result()
    return Result(items, with_note("。".join(parts) + "。", note))


@handler("dept_total")
def dept_total(intent: Intent, ctx: Context) -> Result:
    """收支总预算, 收入, 支出, 基本/项目支出, 财政拨款 … of a department and year (and the difference
    of two of them when asked: 项目支出比基本支出多多少)."""
    res = _figures(intent, ctx, intent.metrics, METRIC_LABELS)
    figs = [i for i in res.items if i.unit == WAN]
    if intent.details.get("difference") and len(figs) == 2 and figs[0].department == figs[1].department:
        a, b = (Decimal(figs[0].value), figs[0].label), (Decimal(figs[1].value), figs[1].label)
        hi, lo = (a, b) if a[0] >= b[0] else (b, a)
        res.items.append(Item(f"{hi[1]}比{lo[1]}多", money(hi[0] - lo[0]), WAN, figs[0].department,
                              figs[0].year, None))
        res.text += f"{hi[1]}比{lo[1]}多{money(hi[0] - lo[0])}万元。"
    return res


@handler("change")
def change(intent: Intent, ctx: Context) -> Result:
    """Changes against last year as the narrative states them (比上年增加/减少), and the previous
    year's figure derived from them when the question asks for a year the graph has no budget of."""
    budgets = ctx.graph.budgets()
    depts = intent.departments or sorted({b.department for b in budgets})
    metrics = [m for m in intent.metrics if m not in ("income_side", "expenditure_side")] or ["income_total"]
    if intent.years and not intent.change and all(any(b.year == y and b.department in depts for b in budgets)
                                                   for y in intent.years):
        return _figures(intent, ctx, metrics, METRIC_LABELS)  # the year asked is in the graph itself
    items: list[Item] = []
    parts: list[str] = []
    for dept in depts:
        have = [b for b in budgets if b.department == dept]
        asked = intent.years or [b.year for b in have]
        docs: list[Budget] = []
        for year in asked:
            doc = next((b for b in have if b.year == year), None) or \
                next((b for b in have if b.year == year + 1), None)
            if doc is not None and doc not in docs:
                docs.append(doc)
        for doc in docs:
            figures = {f.key: f for f in ctx.graph.figures([doc], [m for m in metrics if ':' not in m])}
            stated, seen = [], set()
            for c in ctx.graph.changes([doc], metrics):  # one statement printed in two sections: once
                if (c["key"], c["delta"], c["current"]) not in seen:
                    seen.add((c["key"], c["delta"], c["current"]))
                    stated.append(c)
            before = next((b for b in have if b.year == doc.year - 1), None)
            if before is not None:  # both years in the graph: the change is the difference
                prior = {f.key: f for f in ctx.graph.figures([before], [m for m in metrics if ':' not in m])}
                stated += [{"key": k, "label": figures[k].label, "current": figures[k].amount,
                            "delta": figures[k].amount - prior[k].amount,
                            "percent": pct(figures[k].amount - prior[k].amount, prior[k].amount),
                            "source": f"{figures[k].source or ''}；{prior[k].source or ''}"}
                           for k in figures if k in prior and not any(c["key"] == k for c in stated)]
            for c in stated:
                cur = c["current"] if c["current"] is not None else \
                    (figures[c["key"]].amount if c["key"] in figures else None)
                delta, label = c["delta"], c["label"]
                word = "增加" if delta >= 0 else "减少"
                src = c.get("source")
                if cur is not None:
                    items.append(Item(f"{doc.year}年{label}", money(cur), WAN, dept, doc.year, src))
                items.append(Item(f"{doc.year}年{label}比上年{word}", money(abs(delta)), WAN, dept, doc.year, src))
                phrase = f"{dept}{doc.year}年{label}" + (f"{money(cur)}万元，" if cur is not None else "") + \
                    f"比上年{word}{money(abs(delta))}万元"
                if c.get("percent") is not None:
                    rate = abs(c["percent"])
                    items.append(Item(f"{'增长' if delta >= 0 else '下降'}幅度", str(rate), "%", dept,
                                      doc.year, src))
                    phrase += f"，{'增长' if delta >= 0 else '下降'}{rate}%"
                if cur is not None and before is None:  # the year before is not in the graph: derive it
                    prev = cur - delta
                    items.append(Item(f"{doc.year - 1}年{label}（推算）", money(prev), WAN, dept, doc.year - 1, src))
                    phrase += f"；据此推算{doc.year - 1}年为{money(prev)}万元"
                parts.append(phrase)
    if not items:
        if intent.details.get("derive_only"):
            return Result()
        return _no_change(intent, ctx, depts, metrics)
    return Result(items, "。".join(parts) + "。")


def _no_change(intent: Intent, ctx: Context, depts: list[str], metrics: list[str]) -> Result:
    """No 比上年 statement to derive from: say so, and give the figures the graph does hold for
    the same department (labelled with their own year), never a guess for the year asked."""
    budgets = [b for b in ctx.graph.budgets() if b.department in depts]
    figs = ctx.graph.figures(budgets, [m for m in metrics if ":" not in m])
    if not figs:
        return Result()
    missing = [y for y in intent.years if not any(b.year == y for b in budgets)]
    head = (f"图谱中没有{'、'.join(depts)}{'、'.join(str(y) for y in missing)}年的预算，"
            f"也没有可据以推算的比上年增减数" if missing else "图谱中没有相应的比上年增减数")
    items = [Item(f"{f.year}年{f.label}", money(f.amount), WAN, f.department, f.year, f.source) for f in figs]
    text = head + "；图谱中有的是：" + "；".join(f"{who(f.department, f.year)}{f.label}{money(f.amount)}万元"
                                             for f in figs) + "。"
    return Result(items, text)


@handler("comparison")
def comparison(intent: Intent, ctx: Context) -> Result:
    """One figure of several departments (each on its latest budget) or years, ranked."""
    budgets, note = ctx.scope(intent)
    if not intent.years and len({b.department for b in budgets}) > 1:
        latest = {}
        for b in budgets:  # departments compared on their latest budget each
            if b.department not in latest or b.year > latest[b.department].year:
                latest[b.department] = b
        budgets = list(latest.values())
    key = next((m for m in intent.metrics if m not in ("income_side", "expenditure_side")), "income_total")
    figs = ctx.graph.figures(budgets, [key])
    bound = ""
    if intent.op and intent.amount is not None:  # only the departments past the bound
        lo, hi = intent.amount, intent.amount_high
        test = {">": lambda a: a > lo, ">=": lambda a: a >= lo, "<": lambda a: a < lo, "<=": lambda a: a <= lo,
                "between": lambda a: hi is not None and lo <= a <= hi}[intent.op]
        figs = [f for f in figs if test(f.amount)]
        word = {">": "超过", ">=": "不低于", "<": "低于", "<=": "不超过", "between": "介于"}[intent.op]
        bound = f"{word}{money(lo)}万元" + (f"至{money(hi)}万元" if intent.op == "between" and hi else "")
    if not figs:
        return Result()
    figs.sort(key=lambda f: f.amount, reverse=intent.descending)
    if intent.top_n and intent.top_n < len(figs) and len(figs) > 3:
        figs = figs[: intent.top_n]
    items = []
    parts = []
    label = METRIC_LABELS.get(key) or figs[0].label
    for rank, f in enumerate(figs, 1):
        items.append(Item(f.department, money(f.amount), WAN, f.department, f.year, f.source,
                          {"rank": rank, "metric": label}))
        parts.append(f"{rank}. {f.department}（{f.year}年）{money(f.amount)}万元")
    order = "从高到低" if intent.descending else "从低到高"
    if note.startswith("问题未指明年度"):
        note = "问题未指明年度，各部门按图谱中其最新一年的预算比较"
    years = {f.year for f in figs}
    tail = "（各部门的文件年度不同）" if len(years) > 1 and len({f.department for f in figs}) > 1 else ""
    text = (f"{label}{bound}的有{len(figs)}个：" if bound else "") + \
        f"按{label}{order}排序：" + "；".join(parts) + "。" + tail
    if intent.details.get("sum") and len(figs) > 1:  # 三家单位的…合计
        total = sum((f.amount for f in figs), Decimal(0))
        items.append(Item(f"{len(figs)}个单位{label}合计", money(total), WAN))
        text += f"{len(figs)}个单位{label}合计{money(total)}万元。"
    return Result(items, with_note(text, note))


@handler("sangong")
def sangong(intent: Intent, ctx: Context) -> Result:
    """“三公”经费 and its parts, with the change against last year when asked."""
    labels = {k: label for k, label, _ in THREE_PUBLIC}
    res = _figures(intent, ctx, intent.metrics, labels, prefix="three_public.",
                   share_base={"overseas": "total", "reception": "total", "vehicles": "total",
                               "vehicle_purchase": "vehicles", "vehicle_operation": "vehicles"})
    if intent.change and res.items:
        asked = intent.metrics if len(intent.metrics) < 6 else ["total"]
        _with_change(intent, ctx, res, ["three_public." + m for m in asked])
    return res


def _with_change(intent: Intent, ctx: Context, res: Result, metrics: list[str]) -> None:
    """Add the 比上年 statements of ``metrics`` to a result (or say the graph has none)."""
    budgets, _ = ctx.scope(intent)
    extra = change(Intent("change", departments=[b.department for b in budgets],
                          years=[b.year for b in budgets], change=True, metrics=metrics), ctx)
    changed = [i for i in extra.items if "比上年" in i.label or "幅度" in i.label]
    if changed:
        res.items += [i for i in extra.items if "推算" in i.label or i in changed]
        res.text += extra.text
    elif intent.details.get("derive_only"):  # the year asked is not in the graph, nor derivable
        years = "、".join(f"{y - 1}年" for y in intent.years)
        res.items.clear()
        res.text = f"没有找到：图谱中没有{'、'.join(dict.fromkeys(b.department for b in budgets))}{years}的预算，" \
                   f"下一年度的预算也没有可据以推算的比上年增减数。"
    else:
        res.text += "图谱中没有这项经费的比上年增减数。"


@handler("operating")
def operating(intent: Intent, ctx: Context) -> Result:
    """机关运行经费 (with the change against last year when asked)."""
    res = _figures(intent, ctx, ["operating_expenses"], {"operating_expenses": "机关运行经费"})
    if intent.change and res.items:
        _with_change(intent, ctx, res, ["operating_expenses"])
    return res


@handler("procurement")
def procurement(intent: Intent, ctx: Context) -> Result:
    """政府采购预算 and its goods / works / services parts."""
    labels = {k: label for k, label, _ in PROCUREMENT}
    return _figures(intent, ctx, intent.metrics, labels, prefix="procurement.",
                    share_base={"goods": "total", "works": "total", "services": "total"})
