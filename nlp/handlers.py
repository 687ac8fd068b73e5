"""Stage 6: one small handler per intent turns the slots and the graph's rows into an answer.

Handlers are registered by intent name (``@handler("dept_total")``), read the graph only through
``nlp.graph.Graph`` (typed rows, every SPARQL text logged), and return ``Result``: the items (each
figure with its department, year and source) and a Chinese sentence that names the department
and year. When the department or year is left open they answer for every budget that matches and
say so; when nothing matches they say so and what was understood, never another entity's figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from nlp.reply import Item, money
from nlp.catalog import Catalog
from nlp.intents import METRICS, PROCUREMENT, THREE_PUBLIC, Intent
from nlp.numbers import find_amounts
from nlp.rows import Budget, ProjectRow

WAN = "万元"
METRIC_LABELS = {k: label for k, label, _ in METRICS}
SHARE_BASE = {"basic_expenditure": "expenditure_total", "project_expenditure": "expenditure_total",
              "personnel": "basic_expenditure", "public_expenses": "basic_expenditure",
              "current_year_income": "income_total", "general_public_budget": "income_total",
              "government_fund": "income_total", "state_capital": "income_total", "unit_funds": "income_total",
              "carryover_total": "income_total", "carryover_fiscal": "income_total",
              "carryover_nonfiscal": "income_total", "upper_level_transfer": "general_public_budget"}
CATEGORY_LABELS = {"current": "当年预算", "carryover": "上年结转", "unit_funds": "单位资金"}


@dataclass
class Result:
    items: list[Item] = field(default_factory=list)
    text: str = ""
    entities: list[dict] = field(default_factory=list)


@dataclass
class Context:
    graph: "object"  # nlp.graph.Graph (typed loosely to keep this module free of the store)
    catalog: Catalog

    def scope(self, intent: Intent) -> tuple[list[Budget], str]:
        """The budgets a question is about, and a note saying how open slots were filled."""
        budgets: list[Budget] = self.graph.budgets()
        notes: list[str] = []
        if intent.departments:
            budgets = [b for b in budgets if b.department in intent.departments]
        if intent.years:
            within = [b for b in budgets if b.year in intent.years]
            budgets = within
        if intent.department_open and len({b.department for b in budgets}) > 1:
            notes.append(f"问题未指明部门，以下列出图谱中全部{len({b.department for b in budgets})}个部门的结果")
        if not intent.years and len({b.year for b in budgets}) > 1 and not intent.department_open:
            notes.append("问题未指明年度，以下列出各年度")
        return budgets, "；".join(notes)


HANDLERS: dict[str, Callable[[Intent, Context], Result]] = {}


def handler(name: str):
    """Register a handler for an intent (spaCy-style registry by name)."""
    def wrap(fn: Callable[[Intent, Context], Result]):
        HANDLERS[name] = fn
        return fn
    return wrap


def who(department: str, year: int | None) -> str:
    return f"{department}{year}年" if year else department


def pct(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def project_item(p: ProjectRow, **extra) -> Item:
    return Item(p.name, money(p.amount), WAN if p.amount is not None else None, p.department, p.year,
                p.source, {"category": CATEGORY_LABELS.get(p.category or "", p.category), "iri": p.iri, **extra})


def project_phrase(p: ProjectRow) -> str:
    amount = f"{money(p.amount)}万元" if p.amount is not None else "金额未列明"
    return f"“{p.name}”（{who(p.department, p.year)}，{amount}）"


def _with_note(text: str, note: str) -> str:
    return f"{note}。{text}" if note else text


# ---------------------------------------------------------------------------- department figures
def _figures(intent: Intent, ctx: Context, keys: list[str], labels: dict[str, str],
             prefix: str = "") -> Result:
    budgets, note = ctx.scope(intent)
    if not budgets:
        return Result()
    wanted = [prefix + k for k in keys]
    extra = {SHARE_BASE[k] for k in keys if intent.share and k in SHARE_BASE}
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
            base_key = SHARE_BASE.get(key)
            if intent.share and base_key and (base := by.get((b.department, b.year, prefix + base_key))):
                share = pct(f.amount, base.amount)
                if share is not None:
                    items.append(Item(f"{label}占比", str(share), "%", b.department, b.year, f.source,
                                      {"of": METRIC_LABELS.get(base_key, base_key)}))
                    phrase += f"，占{METRIC_LABELS.get(base_key, base_key)}（{money(base.amount)}万元）的{share}%"
            said.append(phrase)
        if said:
            parts.append(f"{who(b.department, b.year)}：" + "；".join(said))
    if not items:
        return Result()
    return Result(items, _with_note("。".join(parts) + "。", note))


@handler("dept_total")
def dept_total(intent: Intent, ctx: Context) -> Result:
    return _figures(intent, ctx, intent.metrics, METRIC_LABELS)


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
            figures = {f.key: f for f in ctx.graph.figures([doc], metrics)}
            stated = ctx.graph.changes([doc], metrics)
            before = next((b for b in have if b.year == doc.year - 1), None)
            if before is not None:  # both years in the graph: the change is the difference
                prior = {f.key: f for f in ctx.graph.figures([before], metrics)}
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
        return _no_change(intent, ctx, depts, metrics)
    return Result(items, "。".join(parts) + "。")


def _no_change(intent: Intent, ctx: Context, depts: list[str], metrics: list[str]) -> Result:
    """No 比上年 statement to derive from: say so, and give the figures the graph does hold for
    the same department (labelled with their own year), never a guess for the year asked."""
    budgets = [b for b in ctx.graph.budgets() if b.department in depts]
    figs = ctx.graph.figures(budgets, metrics)
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
    budgets, _ = ctx.scope(intent)
    if not intent.years and len({b.department for b in budgets}) > 1:
        latest = {}
        for b in budgets:  # departments compared on their latest budget each
            if b.department not in latest or b.year > latest[b.department].year:
                latest[b.department] = b
        budgets = list(latest.values())
    key = next((m for m in intent.metrics if m not in ("income_side", "expenditure_side")), "income_total")
    figs = ctx.graph.figures(budgets, [key])
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
    years = {f.year for f in figs}
    tail = "（各部门的文件年度不同）" if len(years) > 1 and len({f.department for f in figs}) > 1 else ""
    text = f"按{label}{order}排序：" + "；".join(parts) + "。" + tail
    return Result(items, text)


@handler("sangong")
def sangong(intent: Intent, ctx: Context) -> Result:
    labels = {k: label for k, label, _ in THREE_PUBLIC}
    res = _figures(intent, ctx, intent.metrics, labels, prefix="three_public.")
    if intent.change and res.items:
        budgets, _ = ctx.scope(intent)
        asked = intent.metrics if len(intent.metrics) < 6 else ["total"]
        extra = change(Intent("change", departments=[b.department for b in budgets],
                              years=[b.year for b in budgets], change=True,
                              metrics=["three_public." + m for m in asked]), ctx)
        changed = [i for i in extra.items if "比上年" in i.label or "幅度" in i.label]
        if changed:
            res.items += [i for i in extra.items if "推算" in i.label or i in changed]
            res.text += extra.text
        else:
            res.text += "图谱中没有这项经费的比上年增减数。"
    return res


@handler("operating")
def operating(intent: Intent, ctx: Context) -> Result:
    return _figures(intent, ctx, ["operating_expenses"], {"operating_expenses": "机关运行经费"})


@handler("procurement")
def procurement(intent: Intent, ctx: Context) -> Result:
    labels = {k: label for k, label, _ in PROCUREMENT}
    return _figures(intent, ctx, intent.metrics, labels, prefix="procurement.")


# ---------------------------------------------------------------------------- classifications
def _breakdown(intent: Intent, ctx: Context, scheme: str) -> Result:
    budgets, note = ctx.scope(intent)
    kind = "functional_subject" if scheme == "functional" else "economic_subject"
    parents = [s for s in intent.subjects if s.kind == kind]
    rows = ctx.graph.subjects(budgets, scheme)
    if not rows:
        return Result()
    items: list[Item] = []
    parts: list[str] = []
    column = "total"
    for b in budgets:
        mine = [r for r in rows if r.department == b.department and r.year == b.year and r.column == column]
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
                for r in children:
                    items.append(Item(r.name, money(r.amount), WAN, b.department, b.year, r.source,
                                      {"code": r.code}))
                head = f"{who(b.department, b.year)}{parent.name}" + (
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
    return Result(items, _with_note("；".join(parts) + "。", note))


@handler("functional_breakdown")
def functional_breakdown(intent: Intent, ctx: Context) -> Result:
    return _breakdown(intent, ctx, "functional")


@handler("economic_breakdown")
def economic_breakdown(intent: Intent, ctx: Context) -> Result:
    return _breakdown(intent, ctx, "economic")


# ---------------------------------------------------------------------------- projects
def _scoped_projects(intent: Intent, ctx: Context) -> tuple[list[ProjectRow], str]:
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


def _linked_projects(intent: Intent, ctx: Context) -> list[ProjectRow]:
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
    rows = _linked_projects(intent, ctx)
    if not rows:
        return Result()
    items = [project_item(p) for p in rows]
    text = "；".join(f"{project_phrase(p)}" + (f"，{CATEGORY_LABELS.get(p.category, '')}项目" if p.category else "")
                    for p in rows)
    return Result(items, f"{text}。")


@handler("carryover")
def carryover(intent: Intent, ctx: Context) -> Result:
    rows = _linked_projects(intent, ctx)
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
    projects, note = _scoped_projects(intent, ctx)
    if not projects:
        return Result()
    total = sum((p.amount or Decimal(0) for p in projects), Decimal(0))
    items = [project_item(p) for p in projects]
    items.append(Item("上年结转项目合计", money(total), WAN))
    text = f"共{len(projects)}个{CATEGORY_LABELS.get(intent.category, '')}项目，合计{money(total)}万元：" + \
        "；".join(project_phrase(p) for p in projects) + "。"
    return Result(items, _with_note(text, note))


def _filter_amount(projects: list[ProjectRow], intent: Intent) -> list[ProjectRow]:
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
    projects, note = _scoped_projects(intent, ctx)
    hits = _filter_amount(projects, intent)
    if not hits:
        return Result()
    op = {">": "超过", ">=": "不低于", "<": "低于", "<=": "不超过", "between": "介于"}.get(intent.op or ">")
    bound = f"{money(intent.amount)}万元" + (f"至{money(intent.amount_high)}万元" if intent.op == "between" else "")
    text = f"预算{op}{bound}的项目共{len(hits)}个：" + "；".join(project_phrase(p) for p in hits) + "。"
    return Result([project_item(p) for p in hits], _with_note(text, note))


@handler("count")
def count(intent: Intent, ctx: Context) -> Result:
    projects, note = _scoped_projects(intent, ctx)
    if intent.amount is not None and intent.op:
        projects = _filter_amount(projects, intent)
    if not projects:
        return Result()
    total = sum((p.amount or Decimal(0) for p in projects), Decimal(0))
    items = [project_item(p) for p in projects]
    items.append(Item("项目个数", str(len(projects)), "个"))
    items.append(Item("涉及金额合计", money(total), WAN))
    text = f"共{len(projects)}个项目，合计{money(total)}万元：" + "；".join(project_phrase(p) for p in projects) + "。"
    return Result(items, _with_note(text, note))


@handler("top_n")
def top_n(intent: Intent, ctx: Context) -> Result:
    projects, note = _scoped_projects(intent, ctx)
    projects = [p for p in projects if p.amount is not None]
    if not projects:
        return Result()
    projects.sort(key=lambda p: p.amount, reverse=intent.descending)
    n = intent.top_n or 1
    top = projects[:n]
    items = [project_item(p, rank=i) for i, p in enumerate(top, 1)]
    word = "最大" if intent.descending else "最小"
    text = f"在{len(projects)}个项目中金额{word}的{len(top)}个：" + "；".join(
        f"{i}. {project_phrase(p)}" for i, p in enumerate(top, 1)) + "。"
    return Result(items, _with_note(text, note))


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
        return " ".join([p.name, *p.aliases])

    def rarity(w: str) -> float:
        n = sum(1 for p in projects if w in names(p))
        return 0.0 if not n else 1.0 / n

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
        score += sum(rarity(w) for w in words if len(w) >= 2 and w in text)
        if score:
            scored.append((score, p))
    if not topics and not words:  # "有哪些项目": every project of the budgets asked about
        hits = projects
        if not hits or len(hits) > 40:
            return Result()
        text = f"共{len(hits)}个项目：" + "；".join(project_phrase(p) for p in hits) + "。"
        return Result([project_item(p) for p in hits], _with_note(text, note))
    if scored:
        best = max(s for s, _ in scored)
        hits = [p for s, p in sorted(scored, key=lambda x: -x[0]) if s > best * 0.5]
    else:
        def described(p: ProjectRow) -> int:
            return sum(1 for w in words + typed if len(w) >= 2 and w in (p.description or ""))
        hits = [p for p in projects if p.iri in topical and described(p)] or \
            [p for p in projects if p.iri in topical] or [p for p in projects if described(p) >= 2]
    if not hits or len(hits) > 15:
        return Result()
    text = f"找到{len(hits)}个相关项目：" + "；".join(project_phrase(p) for p in hits) + "。"
    return Result([project_item(p) for p in hits], _with_note(text, note))


@handler("funding_source")
def funding_source(intent: Intent, ctx: Context) -> Result:
    rows = _linked_projects(intent, ctx)
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
    if intent.person is not None:
        projects, note = _scoped_projects(intent, ctx)
        mine = [p for p in projects if p.person == intent.person.name]
        if not mine:
            return Result()
        items = [project_item(p, person=p.person) for p in mine]
        items.append(Item("项目个数", str(len(mine)), "个"))
        text = f"{intent.person.name}是{len(mine)}个项目的负责人：" + "；".join(project_phrase(p) for p in mine) + "。"
        return Result(items, text)
    if intent.aspect == "subordinate":
        projects, note = _scoped_projects(intent, ctx)
        others = [p for p in projects if p.unit and p.unit != p.department]
        if not others:
            return Result(text="没有找到由下属预算单位承担的项目：图谱中这些项目的承担单位都是部门本身。")
        return Result([project_item(p, unit=p.unit) for p in others],
                      "由其他单位承担的项目：" + "；".join(f"{project_phrase(p)}由{p.unit}承担" for p in others) + "。")
    rows = _linked_projects(intent, ctx)
    if not rows:
        return Result()
    items, parts = [], []
    for p in rows:
        if not (p.unit or p.person):
            continue
        items.append(project_item(p, unit=p.unit, person=p.person))
        parts.append(f"{project_phrase(p)}的承担单位是{p.unit or '未列明'}，项目负责人是{p.person or '未列明'}")
    return Result(items, "；".join(parts) + "。") if items else Result()


# ---------------------------------------------------------------------------- indicators, policy
@handler("indicators")
def indicators(intent: Intent, ctx: Context) -> Result:
    rows = _linked_projects(intent, ctx)
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
    parts = []
    for i in inds:
        p = by_proj.get(i.project)
        items.append(Item(i.name, None, None, p.department if p else None, p.year if p else None, i.source,
                          {"target": i.target, "weight": str(i.weight) if i.weight is not None else None,
                           "level2": i.level2, "project": p.name if p else None}))
        parts.append(f"{i.level2 or ''}“{i.name}”：{i.target or '未列明'}" +
                     (f"（权重{i.weight.normalize():f}）" if i.weight is not None else ""))
    names = "、".join(f"“{p.name}”" for p in rows)
    what = "、".join(kinds) if kinds else "绩效指标"
    return Result(items, f"{names}的{what}：" + "；".join(parts) + "。")


@handler("policy_basis")
def policy_basis(intent: Intent, ctx: Context) -> Result:
    rows = _linked_projects(intent, ctx)
    if rows and not (intent.policy and not intent.details.get("project_exact")):
        docs = ctx.graph.policies_of([p.iri for p in rows])
        items, parts = [], []
        for p in rows:
            mine = docs.get(p.iri, [])
            for d in mine:
                label = d.title or d.number or ""
                items.append(Item(label, None, None, p.department, p.year, None,
                                  {"number": d.number, "project": p.name}))
            if mine:
                parts.append(f"{project_phrase(p)}的设立依据：" + "；".join(
                    (d.title or "") + (f"（{d.number}）" if d.number and d.number != d.title else "") for d in mine))
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
        return Result([project_item(p) for p in projects], _with_note(text, note))
    projects = ctx.graph.projects_citing([p.iri for p in policies])
    if not projects:
        return Result()
    text = f"引用{policies[0].name}的项目：" + "；".join(project_phrase(p) for p in projects) + "。"
    return Result([project_item(p) for p in projects], text)


# ---------------------------------------------------------------------------- profile, audit, terms
@handler("profile")
def profile(intent: Intent, ctx: Context) -> Result:
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
    if not items:
        names = "、".join(who(b.department, b.year) for b in budgets)
        what = {"staffing": "人员编制情况", "functions": "主要职能", "subordinate": "下属预算单位",
                "divisions": "内设科室"}.get(intent.aspect or "", "这方面的情况")
        return Result(text=f"图谱中没有{names}的{what}。")
    return Result(items, _with_note("；".join(parts) + "。", note))


def _table_no(table: str) -> int:
    m = re.search(r"\d+", table or "")
    return int(m.group()) if m else 0


_TOTAL_ROWS = re.compile(r"^(收入总计|支出总计|总计|收支总计)$")


def _finding_groups(findings) -> list[tuple[str, list]]:
    """Failed checks grouped by the figure they are about: the same subject code or total in
    several tables is one finding naming every table."""
    groups: dict[tuple, list] = {}
    for f in findings:
        m = re.match(r"^(表\d+)\s+(.*)$", f.where)
        table, rest = (m.group(1), m.group(2)) if m else ("", f.where)
        code = re.match(r"^(\d{3,7})(?:\s|$)", rest)
        if code and rest.strip() == code.group(1):
            key = ("code", code.group(1), str(f.printed))
        elif _TOTAL_ROWS.match(rest.replace("收入方", "").strip()):
            key = ("total", "收支总计", str(f.printed))
        else:
            key = ("other", f.where, str(f.printed))
        groups.setdefault(key, []).append((table, f))
    return [(k, v) for k, v in groups.items()]


@handler("audit")
def audit(intent: Intent, ctx: Context) -> Result:
    rows = _linked_projects(intent, ctx)
    if rows:
        return _audit_projects(rows, ctx)
    budgets, note = ctx.scope(intent)
    if not budgets:
        return Result()
    findings = ctx.graph.findings(budgets)
    names = {}
    for r in ctx.graph.subjects(budgets, "functional"):
        names[r.code] = r.name
    items, parts = [], []
    for key, members in _finding_groups(findings):
        f0 = members[0][1]
        members.sort(key=lambda m: _table_no(m[0]))
        tables = "、".join(dict.fromkeys(t for t, _ in members if t))
        if key[0] == "code":
            label = f"{key[1]} {names.get(key[1], '')}（{tables}）".replace(" （", "（")
        elif key[0] == "total" and len(members) > 1:
            rows = "、".join(dict.fromkeys(f.where.replace(" ", "") for _, f in members))
            label = f"收支总计（{rows}）"
        else:
            label = f0.where
        items.append(Item(label, None, None, f0.department, f0.year, f0.source,
                          {"printed": money(f0.printed), "expected": money(f0.expected), "rule": f0.rule}))
        parts.append(f"{label}：印{money(f0.printed)}，分项之和为{money(f0.expected)}")
    if not items:
        names = "、".join(who(b.department, b.year) for b in budgets)
        return Result(text=f"{names}的预算表中没有发现合计数与分项之和对不上的地方（图谱中没有核对未通过的记录）。")
    by = {(i.department, i.year) for i in items}
    head = "、".join(who(d, y) for d, y in sorted(by))
    return Result(items, _with_note(f"{head}的预算表中有{len(items)}处合计数与分项之和不符：" + "；".join(parts) + "。", note))


def _audit_projects(rows: list[ProjectRow], ctx: Context) -> Result:
    """A project's own arithmetic: the amounts its allocation details list, added up, against
    its budget; plus any failed check of the document that names it."""
    items, parts = [], []
    budgets = [b for b in ctx.graph.budgets() if any(b.department == p.department and b.year == p.year
                                                      for p in rows)]
    findings = ctx.graph.findings(budgets)
    for p in rows:
        amounts = [a.value for a in find_amounts(p.description or "")]
        if p.amount is not None and len(amounts) >= 2:
            total = sum(amounts, Decimal(0))
            detail = "+".join(f"{a.normalize():f}" for a in amounts)
            ok = total == p.amount
            items.append(Item(p.name, money(p.amount), WAN, p.department, p.year, p.source,
                              {"label_amount": "预算安排规模"}))
            items.append(Item(f"资金分配明细合计（{detail}）", money(total), WAN, p.department, p.year, p.source,
                              {"description": p.description}))
            parts.append(f"{project_phrase(p)}的资金分配明细合计{money(total)}万元（{detail}），"
                         + ("与预算一致" if ok else f"与预算{money(p.amount)}万元{'不符' if not ok else ''}"))
        for f in findings:
            if p.name in f.where or any(a in f.where for a in p.aliases if len(a) >= 4):
                items.append(Item(f.where, None, None, f.department, f.year, f.source,
                                  {"printed": money(f.printed), "expected": money(f.expected)}))
                parts.append(f"{f.where}：印{money(f.printed)}，应为{money(f.expected)}")
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。")


@handler("definition")
def definition(intent: Intent, ctx: Context) -> Result:
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
