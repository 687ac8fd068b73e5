"""A project's performance indicators (绩效目标表) and the policy documents it cites, both ways."""
from __future__ import annotations

from nlp.handlers.base import Context, Result, handler, project_item, project_phrase, with_note
from nlp.handlers.projects import linked_projects
from nlp.intents import Intent
from nlp.reply import Item


@handler("indicators")
def indicators(intent: Intent, ctx: Context) -> Result:
    """Indicators of the named project(s), of the kinds asked; says so when the project has none of them."""
    rows = linked_projects(intent, ctx)
    if not rows:
        return Result()
    every = ctx.graph.indicators([p.iri for p in rows])
    kinds = intent.indicator_kinds
    inds = every
    if kinds:
        inds = [i for i in inds if any(k in i.kinds or (i.level2 and k[:2] in i.level2) for k in kinds)]
    if not inds:
        names = "、".join(f"“{p.name}”" for p in rows)
        if every:
            have = "、".join(dict.fromkeys(i.level2 or i.level1 or "" for i in every))
            return Result(text=f"{names}没有{'、'.join(kinds)}；它的绩效目标表列有：{have}。")
        return Result(text=f"图谱中没有{names}的绩效目标表。")
    by_proj = {p.iri: p for p in rows}
    items = []
    parts: dict[str, list[str]] = {}
    for i in inds:
        p = by_proj.get(i.project)
        items.append(Item(i.name, None, None, p.department if p else None, p.year if p else None, i.source,
                          {"target": i.target, "weight": str(i.weight) if i.weight is not None else None,
                           "level2": i.level2, "project": p.name if p else None}))
        parts.setdefault(i.project, []).append(
            f"{i.level2 or ''}“{i.name}”：{i.target or '未列明'}" +
            (f"（权重{i.weight.normalize():f}）" if i.weight is not None else ""))
    what = "、".join(kinds) if kinds else "绩效指标"
    if intent.details.get("how_many"):
        items.append(Item("指标个数", str(len(inds)), "个", rows[0].department, rows[0].year))
    text = (f"共{len(inds)}个{what}。" if intent.details.get("how_many") else "") + "。".join(f"{project_phrase(by_proj[iri])}的{what}：" + "；".join(ps)
                    for iri, ps in parts.items() if iri in by_proj)
    return Result(items, text + "。")


@handler("policy_basis")
def policy_basis(intent: Intent, ctx: Context) -> Result:
    """The documents a project cites, or the projects citing a document (or any document)."""
    rows = linked_projects(intent, ctx)
    if rows and not (intent.policy and not intent.details.get("project_exact")):
        docs = ctx.graph.policies_of([p.iri for p in rows])
        items, parts = [], []
        for p in rows:
            mine = docs.get(p.iri, [])
            for d in mine:
                label = d.title or d.number or ""
                items.append(Item(label, None, None, p.department, p.year, p.source,
                                  {"number": d.number, "project": p.name}))
            if mine:
                parts.append(f"{project_phrase(p)}的设立依据：" + "；".join(
                    (d.title + (f"（{d.number}）" if d.number and d.number != d.title else "")) if d.title
                    else (d.number or "") for d in mine))
        if items:
            return Result(items, "。".join(parts) + "。")
        return Result()
    policies = [intent.policy] if intent.policy else []
    if not policies:  # "哪些项目依据了政策文件": every project that cites one, in the budgets asked about
        budgets, note = ctx.scope(intent)
        keep = {b.iri for b in budgets}
        projects = [p for p in ctx.graph.projects_citing([], every=True)
                    if any(b.department == p.department and b.year == p.year for b in budgets)]
        if not projects or not keep:
            return Result()
        text = f"共{len(projects)}个项目写明了政策依据：" + "；".join(project_phrase(p) for p in projects) + "。"
        return Result([project_item(p) for p in projects], with_note(text, note))
    projects = ctx.graph.projects_citing([p.iri for p in policies])
    if not projects:
        return Result()
    text = f"引用{policies[0].name}的项目：" + "；".join(project_phrase(p) for p in projects) + "。"
    return Result([project_item(p) for p in projects], text)
