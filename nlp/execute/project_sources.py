"""Which kind of budget a named project's money comes from, where its own table says only 财政拨款.

People ask of a project "走的哪本预算、什么科目、比上年多了多少" (菜篮子工程的钱是哪类预算出的). A project table
rarely prints the 预算 kind; the department's tables do: its 政府性基金 (or 国有资本经营) appropriation and the
subject rows of that fund's own spending table. Where the project's amount is exactly the whole of such a
fund's appropriation, the document has put the project's money there — the answer says so as an inference
(the amounts are equal), with the fund's subject rows and the change the 说明 states for that fund's
spending. Nothing is said where no fund matches: the project's own lines stay the answer.
"""
from __future__ import annotations

import re
from dataclasses import replace

from nlp import derive as D
from nlp.execute.base import Context, Result, derived_item, item_of, who
from nlp.frames import Frame
from kg.rdf.escape import iri
from nlp.graph import Row
from nlp.reply import Item, money
from nlp.vocabulary import PREFIXES
from nlp.sparql import Constraints

# a question asking which kind of budget (and subject) a project's money comes through
SOURCE_OF_PROJECT = (r"哪本预算|哪类预算|什么预算|哪种预算|哪(?:一)?块(?:钱|预算|资金)|什么(?:资金|钱)|哪类(?:财政)?资金|"
                     r"从哪(?:类|块|本)|(?:钱|资金|经费)(?:是)?从哪(?:儿|里)?来|走的?(?:是)?(?:什么|哪)|什么科目|哪个科目|哪项科目|"
                     # 是一般预算还是基金: the two kinds put side by side
                     r"(?:一般(?:公共)?预算|财政拨款|政府性基金|基金)(?:的钱)?还是(?:一般(?:公共)?预算|财政拨款|政府性基金|基金)")
# the funds whose whole appropriation a project may be (the general budget pays for many things at once)
FUNDS = (("government_fund", "政府性基金预算", "government_fund_expenditure"),
         ("state_capital", "国有资本经营预算", "state_capital_expenditure"))


def source_of_project(frame: Frame, ctx: Context, result: Result) -> Result | None:
    """The fund a single project's money is the whole of, with that fund's subject rows and stated change
    (None where the clause does not ask, the answer is not about one project, or no fund's whole equals it)."""
    if frame.focus != "projects" or not re.search(SOURCE_OF_PROJECT, frame.clause):
        return None
    projects = [r for r in result.rows if "/project/" in str(r.iri or "") and r.amount]
    if len({r.iri for r in projects}) != 1:
        return None
    project = projects[0]
    budgets = [b for b in ctx.budgets() if (b.department, b.year) == (project.department, project.year)]
    if not budgets:
        return None
    figures = {r.key: r for r in ctx.rows("figures", budgets) if r.amount is not None}
    for key, name, spending in FUNDS:
        whole = figures.get(key)
        if whole is None or whole.amount != project.amount:
            continue
        subjects = [r for r in ctx.rows("subjects", budgets, Constraints(amount_scope=key))
                    if r.amount and r.attrs.get("column") in (None, "total") and len(r.key or "") == 7]
        changes = [r for r in ctx.rows("changes", budgets) if r.amount is not None
                   and re.search(name[:5], r.label) and re.search(r"支出", r.label)]
        items = [item_of(whole, name + "拨款")]
        text = (f"“{project.label}”{money(project.amount)}万元与{who(project.department, project.year)}"
                f"{name}拨款{money(whole.amount)}万元相等，即该项目的钱出自{name}（由金额相等推断，项目表未写明预算类别）")
        if subjects:
            items += [item_of(r) for r in subjects]
            text += f"；{name}支出列在" + "、".join(f"{r.key} {r.label}{money(r.amount)}万元" for r in subjects)
        derived = []
        if changes:
            c = changes[0]
            items.append(item_of(c, f"{c.label}比上年增减"))
            rate = c.attrs.get("percent")
            text += f"；{c.label}比上年{'增加' if c.amount > 0 else '减少'}{money(abs(c.amount))}万元" + \
                (f"，{'增长' if rate > 0 else '下降'}{abs(rate)}%" if rate is not None else "")
            if c.attrs.get("reason"):
                text += f"（{c.attrs['reason']}）"
            current = c.attrs.get("current") or whole.amount
            previous = D.previous_from_change(D.Input(f"{project.year}年{c.label}", current, "万元", project.department,
                                                      project.year, c.source), c.amount, c.label, project.year - 1)
            derived.append(previous)
            items.append(derived_item(previous))
        return Result(result.items + items, result.text + text + "。", result.derived + derived,
                      result.rows + [whole] + subjects)
    return None


def source_of_previous_project(frame: Frame, ctx: Context, previous: Result | None) -> Result | None:
    """…有没有菜篮子方面的钱？走的什么预算、什么科目: the fund of the one project the part before found, asked
    in a part of its own (which names no subject, project or department of its own)."""
    f = frame.filters
    if previous is None or f.subjects or f.projects or frame.focus not in ("subjects", "figures") \
            or not re.search(SOURCE_OF_PROJECT, frame.clause):
        return None
    found = [r for r in previous.rows if "/project/" in str(r.iri or "") and r.amount]
    if len({r.iri for r in found}) != 1:
        return None
    return source_of_project(replace(frame, focus="projects"), ctx, Result([], "", [], found[:1]))


def with_project_source(frame: Frame, ctx: Context, result: Result) -> Result:
    """``result`` with the fund its one project's money is the whole of, where asked and found."""
    return source_of_project(frame, ctx, result) or result


# a part asking which subject the projects just found are classified under (走的什么科目, 列在哪个科目)
SUBJECT_OF_PROJECTS = r"什么科目|哪个科目|哪些科目|哪(?:一)?项科目|列在哪|科目是"


def subjects_of_previous_projects(frame: Frame, ctx: Context, previous: Result | None) -> Result | None:
    """…有哪些上年结转的项目？各走的什么科目: the functional subject each project the part before found is
    classified under (``bkg:classifiedAs``, as its table prints the code), one line each; None where the
    part names subjects of its own, the part before found no projects (or too many to list), or none of
    them carries a subject."""
    if previous is None or frame.filters.subjects or frame.filters.projects or \
            not re.search(SUBJECT_OF_PROJECTS, frame.clause):
        return None
    found = {r.iri: r for r in previous.rows if "/project/" in str(r.iri or "")}
    if not 0 < len(found) <= 20:
        return None
    rows = ctx.graph.run(PREFIXES + "SELECT ?p ?code ?name WHERE {\n" +
                         f"  VALUES ?p {{ {' '.join(iri(p) for p in found)} }}\n" +
                         "  ?p bkg:classifiedAs ?s . ?s skos:notation ?code . OPTIONAL { ?s skos:prefLabel ?name }\n}",
                         ctx.log)
    if not rows:
        return None
    lines, items = [], []
    for r in rows:
        p = found.get(str(r["p"]))
        if p is None:
            continue
        code, name = str(r["code"]), str(r.get("name") or "")
        items.append(Item(f"{p.label}的功能科目", f"{code} {name}".strip(), None, p.department, p.year, p.source))
        lines.append(f"“{p.label}”列在{code}{(' ' + name) if name else ''}")
    return Result(items, "；".join(lines) + "。", [], list(found.values())) if lines else None


def amounts_of_previous_projects(frame: Frame, ctx: Context, previous: Result | None) -> Result | None:
    """…是按哪几个文件下达的？两批各多少: the money of each project the part before named (two to ten,
    with their amounts) and their sum, where the part asks an amount of nothing it names itself."""
    if previous is None or frame.focus != "figures" or not frame.measures_guessed or \
            frame.filters.subjects or frame.filters.projects or not re.search(r"各|分别|加起来|合计|一共", frame.clause):
        return None
    found = list({r.iri: r for r in previous.rows if "/project/" in str(r.iri or "") and r.amount is not None}.values())
    if not 2 <= len(found) <= 10:
        return None
    total = D.total([D.Input(r.label, r.amount, "万元", r.department, r.year, r.source) for r in found],
                    f"{len(found)}个项目合计")
    items = [item_of(r) for r in found] + [derived_item(total)]
    text = "；".join(f"“{r.label}”{money(r.amount)}万元" for r in found) + f"；{total.formula}。"
    return Result(items, text, [total], found)
