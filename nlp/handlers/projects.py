"""Questions about projects: amount, carried over or new, lists by amount, counts, top-N, topics,
funding source, responsible unit and person."""
from __future__ import annotations

import re
from decimal import Decimal

from nlp.handlers.base import (CATEGORY_LABELS, WAN, Context, Result, handler, pct, project_item,
                               project_phrase, who, with_note)
from nlp.intents import Intent
from nlp.reply import Item, money
from nlp.rows import ProjectRow


def scoped_projects(intent: Intent, ctx: Context) -> tuple[list[ProjectRow], str]:
    """The projects of the budgets in scope, filtered by the funding category asked (单位资金, 财政拨款 …)."""
    budgets, note = ctx.scope(intent)
    if not budgets:
        return [], note
    projects = ctx.graph.projects(budgets)
    cat = intent.category
    if cat == "unit_funds":
        projects = [p for p in projects if p.category == "unit_funds" or
                    (p.funding and all(f in ("unit_funds", "carryover_nonfiscal") for f in p.funding))]
    elif cat == "fiscal":
        projects = [p for p in projects if p.category == "current" and
                    not any(f in ("unit_funds", "carryover_nonfiscal") for f in p.funding)]
    elif cat == "transfer":
        projects = [p for p in projects if "upper_level_transfer" in p.funding]
    elif cat in ("carryover", "current"):
        projects = [p for p in projects if p.category == cat]
    return projects, note


def linked_projects(intent: Intent, ctx: Context) -> list[ProjectRow]:
    """The projects the question names, within the department and year it names: a project of
    the same name elsewhere is not this one (``intent.details['elsewhere']`` keeps it, for the
    sentence that says so)."""
    if not intent.projects:
        return []
    rows = ctx.graph.projects(None, [e.iri for e in intent.projects])
    kept = [r for r in rows if (not intent.departments or r.department in intent.departments)
            and (not intent.years or r.year in intent.years)]
    if not kept and rows:
        intent.details["elsewhere"] = rows
    return kept


@handler("project_amount")
def project_amount(intent: Intent, ctx: Context) -> Result:
    """The amount of the named project(s); their sum when several are named."""
    rows = linked_projects(intent, ctx)
    if not rows:
        return Result()
    items = [project_item(p) for p in rows]
    text = "；".join(f"{project_phrase(p)}" + (f"，{CATEGORY_LABELS.get(p.category, '')}项目" if p.category else "")
                    for p in rows) + "。"
    if len(rows) > 1 and all(p.amount is not None for p in rows):
        total = sum((p.amount for p in rows), Decimal(0))
        items.append(Item(f"{len(rows)}个项目合计", money(total), WAN))
        text += f"{len(rows)}个项目合计{money(total)}万元。"
    return Result(items, text)


@handler("carryover")
def carryover(intent: Intent, ctx: Context) -> Result:
    """Whether a named project is carried over or new; else every carried-over project."""
    rows = linked_projects(intent, ctx)
    if rows:
        items = []
        parts = []
        for p in rows:
            kind = CATEGORY_LABELS.get(p.category or "", "类别未列明")
            fund = p.funding_labels[0] if p.funding_labels else ""
            items.append(project_item(p, funding=fund or None))
            parts.append(f"{project_phrase(p)}是{kind}项目" + (f"，资金来源为{fund}" if fund else ""))
        return Result(items, "；".join(parts) + "。")
    intent.category = intent.category or "carryover"
    projects, note = scoped_projects(intent, ctx)
    if not projects:
        return Result()
    total = sum((p.amount or Decimal(0) for p in projects), Decimal(0))
    items = [project_item(p) for p in projects]
    items.append(Item("上年结转项目合计", money(total), WAN))
    text = f"共{len(projects)}个{CATEGORY_LABELS.get(intent.category, '')}项目，合计{money(total)}万元：" + \
        "；".join(project_phrase(p) for p in projects) + "。"
    return Result(items, with_note(text, note))


def _filter_amount(projects: list[ProjectRow], intent: Intent) -> list[ProjectRow]:
    """Projects whose amount satisfies the threshold, largest first."""
    out = []
    for p in projects:
        if p.amount is None:
            continue
        a, lo = p.amount, intent.amount
        ok = {">": a > lo, ">=": a >= lo, "<": a < lo, "<=": a <= lo,
              "between": intent.amount_high is not None and lo <= a <= intent.amount_high}.get(intent.op or ">")
        if ok:
            out.append(p)
    return sorted(out, key=lambda p: p.amount, reverse=True)


@handler("threshold")
def threshold(intent: Intent, ctx: Context) -> Result:
    """Projects above / below / between amounts."""
    projects, note = scoped_projects(intent, ctx)
    hits = _filter_amount(projects, intent)
    if not hits:
        return Result()
    op = {">": "超过", ">=": "不低于", "<": "低于", "<=": "不超过", "between": "介于"}.get(intent.op or ">")
    bound = f"{money(intent.amount)}万元" + (f"至{money(intent.amount_high)}万元" if intent.op == "between" else "")
    text = f"预算{op}{bound}的项目共{len(hits)}个：" + "；".join(project_phrase(p) for p in hits) + "。"
    return Result([project_item(p) for p in hits], with_note(text, note))


@handler("count")
def count(intent: Intent, ctx: Context) -> Result:
    """How many projects (of a category), their list and their total."""
    projects, note = scoped_projects(intent, ctx)
    if intent.amount is not None and intent.op:
        projects = _filter_amount(projects, intent)
    if not projects:
        return Result()
    total = sum((p.amount or Decimal(0) for p in projects), Decimal(0))
    depts = sorted({(p.department, p.year) for p in projects})
    if len(projects) > 12 and len(depts) > 1:  # many: counted per budget rather than listed
        items = []
        for d, y in depts:
            mine = [p for p in projects if (p.department, p.year) == (d, y)]
            items.append(Item(f"{d}{y}年项目个数", str(len(mine)), "个", d, y))
        items += [Item("项目个数", str(len(projects)), "个"), Item("涉及金额合计", money(total), WAN)]
        text = f"共{len(projects)}个项目，合计{money(total)}万元：" + "；".join(
            f"{i.label}{i.value}个" for i in items[:len(depts)]) + "。"
        return Result(items, with_note(text, note))
    items = [project_item(p) for p in projects]
    items.append(Item("项目个数", str(len(projects)), "个"))
    items.append(Item("涉及金额合计", money(total), WAN))
    text = f"共{len(projects)}个项目，合计{money(total)}万元：" + "；".join(project_phrase(p) for p in projects) + "。"
    return Result(items, with_note(text, note))


@handler("top_n")
def top_n(intent: Intent, ctx: Context) -> Result:
    """The N largest (or smallest) projects."""
    projects, note = scoped_projects(intent, ctx)
    projects = [p for p in projects if p.amount is not None]
    if not projects:
        return Result()
    projects.sort(key=lambda p: p.amount, reverse=intent.descending)
    n = intent.top_n or 1
    ranked = list(enumerate(projects[:n], 1))
    if intent.details.get("nth"):  # 排名第二: that one only
        ranked = ranked[-1:] if len(projects) >= n else []
        if not ranked:
            return Result()
    top = [p for _, p in ranked]
    items = [project_item(p, rank=i) for i, p in ranked]
    if intent.share:  # each project's share of its budget's project expenditure
        for p in top:
            budget = next((b for b in ctx.graph.budgets() if b.department == p.department and b.year == p.year), None)
            base = next(iter(ctx.graph.figures([budget], ["project_expenditure"])), None) if budget else None
            share = pct(p.amount, base.amount) if base else None
            if share is not None:
                items.append(Item(f"{p.name}占项目支出比重", str(share), "%", p.department, p.year, base.source))
    word = "最大" if intent.descending else "最小"
    text = f"在{len(projects)}个项目中金额{word}的{len(top)}个：" + "；".join(
        f"{i}. {project_phrase(p)}" for i, p in ranked) + "。"
    if intent.details.get("nth"):
        text = f"在{len(projects)}个项目中金额排第{ranked[0][0]}的是{project_phrase(top[0])}。"
    text += "".join(f"{i.label}{i.value}%。" for i in items if i.unit == "%")
    return Result(items, with_note(text, note))


# Words too general to tell projects apart (a question's 监测/建设/费用 names no particular one).
_GENERIC_TOPIC = re.compile(r"^(监测|建设|费用|资金|经费|项目|工作|运行|维护|服务|管理|保障|专项|支出|活动|能力|"
                            r"安排|用于|多少|哪些|方面|相关|有关|开展|实施|环境|生态|治理|防治)$")


@handler("topic_projects")
def topic_projects(intent: Intent, ctx: Context) -> Result:
    """Projects about a theme. A project's name counts first: one point per theme the question
    links (two where the name holds the very words the user typed), plus the question's other
    content words weighted by rarity (a word in most names says little). Only when no name
    matches do the graph's bkg:concerns links and the descriptions decide."""
    budgets, note = ctx.scope(intent)
    if not budgets:
        return Result()
    projects = ctx.graph.projects(budgets)
    topics = list(intent.details.get("topics", []))
    typed = intent.details.get("topic_text", [])
    topic_words = {t.iri: [t.name, *t.aliases, *ctx.catalog.topic_keywords.get(t.iri, [])] for t in topics}
    words = [w for w in intent.keywords if not any(w in ws for ws in topic_words.values())]
    topical = set(ctx.graph.topic_projects([t.iri for t in topics], budgets)) if topics else set()

    def names(p: ProjectRow) -> str:
        """A project's name and aliases, as one string to search (lower case, as the question is)."""
        return " ".join([p.name, *p.aliases]).lower()

    def within(w: str, text: str) -> bool:
        """``w`` in ``text``, also with one character between two of its own (柴油车 in 柴油货车)."""
        if w in text:
            return True
        return len(w) >= 3 and any(re.search(re.escape(w[:i]) + r"[\u4e00-\u9fff]" + re.escape(w[i:]), text)
                                   for i in range(1, len(w)))

    def rarity(w: str) -> float:
        """1/n for a word found in n project names (0 when in none)."""
        n = sum(1 for p in projects if within(w, names(p)))
        return 0.0 if not n else 1.0 / n

    # a specific word of the question found in no project of the budgets asked about (辐射 of
    # 辐射监测项目): the graph holds no such project, whatever the other words match
    everything = " ".join(names(p) for p in projects)
    missing = [w for w in words if len(w) >= 2 and not _GENERIC_TOPIC.match(w) and not within(w, everything)]
    for t in topics:  # a theme the question names that no project of these budgets is about
        words_t = [w for w in topic_words[t.iri] if len(w) >= 2]
        if not any(any(w.lower() in names(p) or w in (p.description or "") for w in words_t) for p in projects) \
                and not ctx.graph.topic_projects([t.iri], budgets):
            missing.append(next((m for m in typed if m in words_t), t.name))
    if missing:
        return Result(text=f"没有找到：{'、'.join(dict.fromkeys(b.department for b in budgets))}"
                           f"没有与“{'”“'.join(missing)}”相关的项目。")

    scored = []
    for p in projects:
        text = names(p)
        score = 0.0
        for iri, ws in topic_words.items():
            narrow = [w for w in typed if w in ws and w != ws[0]]  # a synonym, not the broad label
            if any(w in text for w in narrow):
                score += 2.0
            elif any(len(w) >= 2 and w in text for w in ws):
                score += 1.0
        score += sum(rarity(w) for w in words if len(w) >= 2 and within(w, text))
        if score:
            scored.append((score, p))
    if not topics and not words:  # "有哪些项目": every project of the budgets asked about
        hits = projects
        if not hits or len(hits) > 40:
            return Result()
        text = f"共{len(hits)}个项目：" + "；".join(project_phrase(p) for p in hits) + "。"
        return Result([project_item(p) for p in hits], with_note(text, note))
    if scored:
        best = max(s for s, _ in scored)
        hits = [p for s, p in sorted(scored, key=lambda x: -x[0]) if s > best * 0.5]
    else:
        def described(p: ProjectRow) -> int:
            """How many of the question's words the project's description holds."""
            return sum(1 for w in words + typed if len(w) >= 2 and w in (p.description or ""))
        hits = [p for p in projects if p.iri in topical and described(p)] or \
            [p for p in projects if p.iri in topical] or [p for p in projects if described(p) >= 2]
    if not hits or len(hits) > 15:
        return Result()
    text = f"找到{len(hits)}个相关项目：" + "；".join(project_phrase(p) for p in hits) + "。"
    return Result([project_item(p) for p in hits], with_note(text, note))


@handler("funding_source")
def funding_source(intent: Intent, ctx: Context) -> Result:
    """Where a project's money comes from (its funding source, with the source's other names)."""
    rows = linked_projects(intent, ctx)
    if not rows:
        return Result()
    items = []
    parts = []
    for p in rows:
        labels = p.funding_labels or ([CATEGORY_LABELS.get(p.category or "", "")] if p.category else [])
        if not labels:
            parts.append(f"{project_phrase(p)}的资金来源文件中未列明")
            continue
        label = labels[0] + (f"（{labels[1]}）" if len(labels) > 1 else "")
        items.append(Item(label, money(p.amount), WAN if p.amount is not None else None, p.department, p.year,
                          p.source, {"project": p.name, "also_called": labels[1:] or None}))
        parts.append(f"{project_phrase(p)}的资金来自{label}")
    return Result(items, "；".join(parts) + "。")


@handler("responsible")
def responsible(intent: Intent, ctx: Context) -> Result:
    """A person's projects, a project's unit and person, or projects given to subordinate units."""
    if intent.person is not None:
        projects, note = scoped_projects(intent, ctx)
        mine = [p for p in projects if p.person == intent.person.name]
        if not mine:
            return Result()
        items = [project_item(p, person=p.person) for p in mine]
        items.append(Item("项目个数", str(len(mine)), "个"))
        text = f"{intent.person.name}是{len(mine)}个项目的负责人：" + "；".join(project_phrase(p) for p in mine) + "。"
        return Result(items, text)
    if intent.aspect == "subordinate":
        projects, note = scoped_projects(intent, ctx)
        others = [p for p in projects if p.unit and p.unit != p.department]
        if not others:
            return Result(text="没有找到由下属预算单位承担的项目：图谱中这些项目的承担单位都是部门本身。")
        return Result([project_item(p, responsible_unit=p.unit) for p in others],
                      "由其他单位承担的项目：" + "；".join(f"{project_phrase(p)}由{p.unit}承担" for p in others) + "。")
    rows = linked_projects(intent, ctx)
    if not rows and not intent.projects:  # "项目负责人都有谁": every person named in the budgets asked about
        projects, note = scoped_projects(intent, ctx)
        people: dict[str, list] = {}
        for p in projects:
            if p.person:
                people.setdefault(p.person, []).append(p)
        if not people:
            return Result()
        items = [Item(name, str(len(ps)), "个", ps[0].department, ps[0].year, None,
                      {"projects": [p.name for p in ps]}) for name, ps in people.items()]
        text = "；".join(f"{name}负责{len(ps)}个项目（" + "；".join(
            f"{who(d, y)}：" + "、".join(p.name for p in ps if (p.department, p.year) == (d, y))
            for d, y in dict.fromkeys((p.department, p.year) for p in ps)) + "）" for name, ps in people.items())
        return Result(items, with_note(text + "。", note))
    items, parts = [], []
    for p in rows:
        if not (p.unit or p.person):
            continue
        items.append(project_item(p, responsible_unit=p.unit, person=p.person))
        parts.append(f"{project_phrase(p)}的承担单位是{p.unit or '未列明'}，项目负责人是{p.person or '未列明'}")
    return Result(items, "；".join(parts) + "。") if items else Result()
