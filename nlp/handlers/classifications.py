"""Breakdowns by functional (功能分类: 类/款/项) and economic (经济分类: 类/款) subject."""
from __future__ import annotations

from nlp.handlers.base import WAN, Context, Result, handler, pct, who, with_note
from nlp.intents import Intent
from nlp.reply import Item, money


def _breakdown(intent: Intent, ctx: Context, scheme: str) -> Result:
    """The children of the named subjects at the level asked (a leaf: its own row), or every subject of a level."""
    budgets, note = ctx.scope(intent)
    kind = "functional_subject" if scheme == "functional" else "economic_subject"
    parents = [s for s in intent.subjects if s.kind == kind]
    rows = ctx.graph.subjects(budgets, scheme)
    if not rows:
        return Result()
    items: list[Item] = []
    parts: list[str] = []
    column = intent.details.get("column", "total")
    wording = {"project": "项目支出", "basic": "基本支出"}.get(column, "")
    for b in budgets:
        mine = [r for r in rows if r.department == b.department and r.year == b.year and r.column == column]
        if not mine:  # that column is blank in this table: the totals
            mine = [r for r in rows if r.department == b.department and r.year == b.year and r.column == "total"]
            wording = ""
        if not mine:
            continue
        if parents:
            for parent in parents:
                code = parent.code or ""
                top = next((r for r in mine if r.code == code), None)
                want = {1: 3, 2: 5, 3: 7}.get(intent.level or 0) or len(code) + 2
                if want <= len(code):
                    want = len(code) + 2
                if scheme == "economic":
                    want = min(want, 5)
                children = [r for r in mine if r.code.startswith(code) and len(r.code) == want and r.code != code]
                deeper = [r for r in mine if r.code.startswith(code) and len(r.code) == want + 2]
                if len(children) == 1 and deeper and not intent.level:  # one 款: show its 项 instead
                    want, children = want + 2, deeper
                if not children and top is None:
                    continue
                lvl = {3: "类", 5: "款", 7: "项"}.get(want, "")
                if not children and top is not None:  # a leaf subject: its own figure
                    items.append(Item(top.name, money(top.amount), WAN, b.department, b.year, top.source,
                                      {"code": top.code}))
                    parts.append(f"{who(b.department, b.year)}：{top.code} {top.name}{money(top.amount)}万元")
                    continue
                if top is not None:
                    items.append(Item(f"{top.name}合计（{top.code}）", money(top.amount), WAN, b.department,
                                      b.year, top.source, {"code": top.code}))
                    if intent.share and scheme == "functional":
                        total = next(iter(ctx.graph.figures([b], ["expenditure_total"])), None)
                        share = pct(top.amount, total.amount) if total else None
                        if share is not None:
                            items.append(Item(f"{top.name}占支出总计比重", str(share), "%", b.department,
                                              b.year, top.source))
                            parts.append(f"{who(b.department, b.year)}{top.name}{money(top.amount)}万元，"
                                         f"占支出总计（{money(total.amount)}万元）的{share}%")
                for r in children:
                    items.append(Item(r.name, money(r.amount), WAN, b.department, b.year, r.source,
                                      {"code": r.code}))
                head = f"{who(b.department, b.year)}{top.name if top is not None else parent.name}{wording}" + (
                    f"（{code}）合计{money(top.amount)}万元" if top is not None else "")
                body = "、".join(f"{r.code} {r.name}{money(r.amount)}万元" for r in children)
                parts.append(f"{head}，由{len(children)}个{lvl}级科目构成：{body}" if children else head)
        else:
            want = {1: 3, 2: 5, 3: 7}.get(intent.level or 1, 3)
            level_rows = [r for r in mine if len(r.code) == want]
            for r in level_rows:
                items.append(Item(r.name, money(r.amount), WAN, b.department, b.year, r.source, {"code": r.code}))
            parts.append(f"{who(b.department, b.year)}按{'功能' if scheme == 'functional' else '经济'}分类：" +
                         "、".join(f"{r.code} {r.name}{money(r.amount)}万元" for r in level_rows))
    if not items:
        return Result()
    return Result(items, with_note("；".join(parts) + "。", note))


@handler("functional_breakdown")
def functional_breakdown(intent: Intent, ctx: Context) -> Result:
    """功能分类: 类 → 款 → 项."""
    return _breakdown(intent, ctx, "functional")


@handler("economic_breakdown")
def economic_breakdown(intent: Intent, ctx: Context) -> Result:
    """经济分类 of the basic expenditure: 类 → 款."""
    return _breakdown(intent, ctx, "economic")
