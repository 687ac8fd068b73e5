"""The department itself: divisions, staffing, functions; and the 名词解释 of budget terms."""
from __future__ import annotations

from nlp.handlers.base import Context, Result, handler, who, with_note
from nlp.intents import Intent
from nlp.reply import Item


@handler("profile")
def profile(intent: Intent, ctx: Context) -> Result:
    """Divisions, staffing, functions or subordinate units of the department; says plainly when the graph has none."""
    budgets, note = ctx.scope(intent)
    if not budgets:
        return Result()
    profiles = ctx.graph.profiles(budgets)
    items, parts = [], []
    for pr in profiles:
        if intent.aspect == "staffing" and pr.staffing:
            for label, n in pr.staffing.items():
                items.append(Item(label, str(n), "人", pr.department, pr.year, pr.source))
            parts.append(f"{who(pr.department, pr.year)}：" + "，".join(f"{k}{v}人" for k, v in pr.staffing.items()))
        elif intent.aspect == "functions" and pr.functions:
            items.append(Item("主要职能", None, None, pr.department, pr.year, pr.source, {"text": pr.functions}))
            parts.append(f"{who(pr.department, pr.year)}的主要职能：{pr.functions}")
        elif intent.aspect in ("divisions", "subordinate") and pr.divisions and intent.aspect == "divisions":
            for d in pr.divisions:
                items.append(Item(d, None, None, pr.department, pr.year, pr.source))
            items.append(Item("内设科室个数", str(len(pr.divisions)), "个", pr.department, pr.year, pr.source))
            parts.append(f"{who(pr.department, pr.year)}内设{len(pr.divisions)}个科室：" + "、".join(pr.divisions))
        elif intent.aspect == "subordinate" and pr.subordinates:
            for d in pr.subordinates:
                items.append(Item(d, None, None, pr.department, pr.year, pr.source, {"role": "下属单位"}))
            items.append(Item("下属单位个数", str(len(pr.subordinates)), "个", pr.department, pr.year, pr.source))
            parts.append(f"{who(pr.department, pr.year)}有{len(pr.subordinates)}个下属单位：" + "、".join(pr.subordinates))
    if not items:
        names = "、".join(who(b.department, b.year) for b in budgets)
        what = {"staffing": "人员编制情况", "functions": "主要职能", "subordinate": "下属预算单位",
                "divisions": "内设科室"}.get(intent.aspect or "", "这方面的情况")
        return Result(text=f"图谱中没有{names}的{what}。")
    return Result(items, with_note("；".join(parts) + "。", note))


@handler("definition")
def definition(intent: Intent, ctx: Context) -> Result:
    """名词解释 of the terms named, one item per distinct text."""
    terms = intent.details.get("terms") or []
    if not terms:
        return Result()
    rows = ctx.graph.definitions(terms)
    if not rows:
        return Result()
    seen, items, parts = set(), [], []
    for r in rows:
        if r.text in seen:
            continue
        seen.add(r.text)
        items.append(Item(r.term, None, None, r.department, r.year, r.source, {"text": r.text}))
        parts.append(f"{r.term}：{r.text}（见{who(r.department, r.year)}预算名词解释）")
    return Result(items, "；".join(parts))
