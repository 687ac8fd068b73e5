"""Projects: named ones and their attributes (amount, funding source, current or carried over,
responsible unit and person, use of funds), and sets of them — by topic, funding, category,
person, policy document, functional subject, amount bound — listed, counted, summed, ranked.
Also the persons responsible for projects."""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from decimal import Decimal

from kg.names.department import same_department
from kg.rdf.topics import has_environment_context, topic_rules
from nlp import derive as D
from nlp import lexicon as L
from nlp.execute.subitems import ranked_sub_items
from nlp.execute.reason_projects import projects_named_in_reasons
from nlp.execute.subjects import subjects_stated_for
from nlp.execute.described_targets import stated_targets
from nlp.execute.carried_projects import asks_carried, carried_line, carried_projects, carried_said, department_carryover, the_projects_just_named
from nlp.execute.base import (Context, Result, amount_sum, derived_item, executor, figure_input, item_of,
                              project_phrase, who, with_note)
from nlp.frames import EXECUTION_ATTRIBUTES, Filters, Frame, Operation, Ref, BOUND_WORDS
from nlp.link import short_form_of
from nlp.numbers import Amount, find_amounts
from nlp.names import split_place
from nlp.normalize import cites_number, document_numbers, fold
from nlp.pieces import GENERIC_TOPIC as _GENERIC_TOPIC, head_named_nowhere, pieces as _pieces, pieces_where as _pieces_where, within as _within
from nlp.topic_index import Pool
from nlp.graph import Budget, Row
from nlp.reply import Item, money
from nlp import topic_index
from nlp import topic_texts as TT
from nlp.sparql import Constraints, build as build_queries
from nlp.vocabulary import WAN

NONFISCAL = ("unit_funds", "carryover_nonfiscal")
# The weight of a project whose description (not its name) names the synonym the question typed: more
# than half of a name naming it (2), so it stands beside those, less than a name naming two themes.
DESCRIBED_NARROW = 1.5


def _constraints(frame: Frame) -> Constraints:
    f = frame.filters
    c = Constraints(descending=frame.operation.descending)
    if len(f.categories) == 1 and f.categories[0] in ("carryover", "current"):
        c.category = [f.categories[0]]
    if f.funding == "transfer":
        c.funding = ["upper_level_transfer"]
    if f.person is not None:
        c.person = f.person.name
    if f.unit is not None:
        c.unit = f.unit.iri
    if f.policy is not None:
        c.policy = f.policy.iri
    if f.subjects and f.subjects[0].kind == "functional_subject" and f.subjects[0].code:
        c.project_code_prefix = f.subjects[0].code
    if f.bound is not None:
        c.bound = (f.bound.op, f.bound.low, f.bound.high)
    return c


def _python_filters(frame: Frame, rows: list[Row]) -> list[Row]:
    """What SPARQL did not express: 财政拨款 (current, no unit funds) and 单位资金 projects."""
    # a 专项 as a whole (its targets' table) is no further project of a set: its money is its projects'
    rows = [r for r in rows if not _an_aggregate(r.attrs.get("category"))]
    return _narrowed(frame, rows) if narrows(frame) else rows


def _an_aggregate(category: str | None) -> bool:
    """A 专项 as a whole (its targets' table), not a project of a set."""
    return category == "aggregate"


def _not_an_aggregate(category: str | None) -> bool:
    return not _an_aggregate(category)


def narrows(frame: Frame) -> bool:
    """Whether ``_narrowed`` has anything to do for the frame: a test of each of its branches' own
    conditions (a branch added there runs only once its condition is named here too). A frame that
    narrows nothing can be answered from the stored project texts (``nlp.topic_index``), which
    hold a project's category but not its money, units or scores."""
    f = frame.filters
    return bool("unit_funds" in f.categories or f.funding in ("unit_funds", "fiscal") or f.funding in L.SPLIT_FUNDING
                or f.own_unit or f.without_units or f.other_units or f.self_evaluated or f.score_bound is not None or
                (f.rate_bound is not None and "execution_rate" in frame.measures))


def _narrowed(frame: Frame, rows: list[Row]) -> list[Row]:
    """The rows kept by the frame's conditions SPARQL did not express (``narrows`` names them)."""
    f = frame.filters
    if "unit_funds" in f.categories or f.funding == "unit_funds":
        rows = [r for r in rows if r.attrs.get("category") == "unit_funds" or
                (r.attrs.get("funding") and all(x in NONFISCAL for x in r.attrs["funding"])) or
                ((r.attrs.get("funds") or {}).get("other") or 0) > 0 or  # its 其他资金 column (珠海 表12)
                ((r.attrs.get("funds") or {}).get("unit_funds") or 0) > 0]  # its 其他资金 line (绩效目标表)
        if re.search(L.WHOLLY, frame.clause):  # 全用其他资金安排的: none of its money from the budget's appropriation
            rows = [r for r in rows if r.attrs.get("category") == "unit_funds" or
                    (r.attrs.get("funding") and all(x in NONFISCAL for x in r.attrs["funding"])) or
                    ((r.attrs.get("funds") or {}).get("unit_funds") == r.amount)]
    if f.funding == "fiscal":  # (上年结转的财政拨款项目: the carried-over ones paid by the 财政拨款's carry-over)
        kinds = ("current", "carryover") if "carryover" in f.categories else ("current",)
        rows = [r for r in rows if r.attrs.get("category") in kinds and
                not any(x in NONFISCAL for x in r.attrs.get("funding") or [])]
    if f.funding in L.SPLIT_FUNDING:  # 哪些项目花的是政府性基金: paid (at least in part) by that source
        rows = [r for r in rows if f.funding in (r.attrs.get("funding") or []) or
                ((r.attrs.get("funds") or {}).get(f.funding) or 0) > 0]
    if f.own_unit:  # 局本级自己占了几个: the projects the department carries out itself
        rows = [r for r in rows if (r.attrs.get("unit") or r.department) == r.department
                or re.search(r"本级|机关本部", r.attrs.get("unit") or "")]
    if f.without_units:  # 不含监狱、法援中心: the projects those units carry out are out of the set
        rows = [r for r in rows if not any(w in (r.attrs.get("unit") or "") for w in f.without_units)]
    if f.other_units:  # 其中几个是下属中心承担的: carried out by a unit other than the department itself
        rows = [r for r in rows if (r.attrs.get("unit") or r.department) != r.department
                and not re.search(r"本级|机关本部", r.attrs.get("unit") or "")]
    if f.self_evaluated or (f.rate_bound is not None and "execution_rate" in frame.measures):
        # a 绩效自评表's projects (or a list of their 自评分数 alone)
        rows = [r for r in rows if r.attrs.get("executed") is not None or
                (f.self_evaluated and r.attrs.get("score") is not None)]
        if f.self_evaluated and any(r.attrs.get("score") is not None for r in rows):
            # 公开自评结果的项目: where the 自评表 print scores, a project without one was evaluated otherwise
            # (a 绩效评价报告's project states its execution too) and is no 自评 project
            rows = [r for r in rows if r.attrs.get("score") is not None]
    if f.rate_bound is not None and "execution_rate" in frame.measures:  # 执行率没到90%的
        rows = [r for r in rows if f.rate_bound.admits(r.attrs.get("execution_rate"))]
    if f.score_bound is not None:  # 自评没拿到100分的: the projects whose 自评 score the bound admits
        rows = [r for r in rows if f.score_bound.admits(r.attrs.get("score"))]
    return rows


def _percent(value: Decimal) -> str:
    return f"{value:f}"


def execution_said(frame: Frame, r: Row, items: list[Item]) -> str:
    """What a 决算's 绩效自评表 prints of a project, where the frame asks any of it (年初预算数,
    全年预算数, 全年执行数, 执行率, 自评得分) or the table's 其中 lines (财政拨款 / 上年结转 / 其他资金):
    the phrase, and one answer row per figure (with the project's source)."""
    asked = set(frame.measures)
    said: list[str] = []
    if asked & set(EXECUTION_ATTRIBUTES):
        if r.attrs.get("executed") is None and r.attrs.get("score") is None:
            return "文件未列示其全年执行数和执行率（没有绩效自评表）"
        figures = (("年初预算数", r.attrs.get("initial_budget"), WAN), ("全年预算数", r.amount, WAN),
                   ("全年执行数", r.attrs.get("executed"), WAN), ("执行率", r.attrs.get("execution_rate"), "%"),
                   ("自评得分", r.attrs.get("score"), "分"))
        for label, value, unit in figures:
            if value is None:
                continue
            shown = money(value) if unit == WAN else _percent(value)
            if frame.filters.rate_bound is None or label == "执行率":
                # (执行率不到80%的项目: the rate that sets them apart is each one's row, the rest said)
                items.append(Item(label, shown, unit, r.department, r.year, r.source, {"project": r.label}))
            said.append(f"{label}{shown}{'万元' if unit == WAN else unit}")
    if "funds" in asked:
        if not r.attrs.get("funds"):
            said.append("其绩效目标表未列示资金构成")
        said += funds_lines(r, items)
    return "，".join(said)


# the 其中 lines of a project's 绩效目标表 (kg.rdf.mapping's funds parts), as the table names them
# (a project table's columns by source, 杭州 表10's 一般公共预算 | 单位资金, map to the same parts)
FUNDS_LINES = (("fiscal", "财政拨款"), ("general_public_budget", "一般公共预算"), ("government_fund", "政府性基金预算"),
               ("state_capital", "国有资本经营预算"), ("fiscal_special_account", "财政专户管理资金"),
               ("carryover_total", "上年结转"), ("unit_funds", "其他资金"))


# the words a question names one of a project's lines by (结转占几成: its 上年结转 line)
FUNDS_LINE_WORDS = (("carryover_total", r"结转"), ("unit_funds", r"其他资金|单位资金|自筹|自有资金"),
                    ("government_fund", r"政府性基金"), ("general_public_budget", r"一般公共预算"),
                    ("fiscal", r"财政拨款|财政资金"))


def funds_line_share(clause: str, r: Row) -> D.Derived | None:
    """The share of a project's money one of its 其中 lines is, the line named by ``clause`` (信息化运行维护
    2,134.87 of which 上年结转 750.00: 结转占几成 → 35.13%); None where no printed line is named."""
    funds = r.attrs.get("funds") or {}
    key = next((k for k, rx in FUNDS_LINE_WORDS if re.search(rx, clause) and funds.get(k) is not None), None)
    if key is None or r.amount is None:
        return None
    label = dict(FUNDS_LINES)[key]
    part = D.Input(f"{r.label}{label}", funds[key], WAN, r.department, r.year, r.source)
    return D.share(part, figure_input(r, r.label), f"{label}占{r.label}比重")


def _money_lines(r: Row) -> list[tuple[str, str, Decimal]]:
    """A project's 其中 lines (财政拨款, 上年结转, 其他资金) or source columns, as (key, label, amount), in
    ``FUNDS_LINES`` order. (A source printed as 0.00 beside others is not a line of the project's money —
    财政拨款 excepted, whose 0 answers 是财政拨款吗.)"""
    funds = r.attrs.get("funds") or {}
    return [(key, label, funds[key]) for key, label in FUNDS_LINES
            if funds.get(key) is not None and (funds[key] or key == "fiscal")]


def funds_lines(r: Row, items: list[Item]) -> list[str]:
    """A project's money by its table's 其中 lines (财政拨款, 上年结转, 其他资金) or by its project table's
    source columns (一般公共预算, 政府性基金预算 …, 其他资金), each an item of the answer."""
    said = []
    for _key, label, amount in _money_lines(r):
        # the row names its project: in a list of several, a bare 其中一般公共预算 is nobody's
        items.append(Item(f"{r.label} 其中{label}", money(amount), WAN, r.department, r.year, r.source,
                          {"project": r.label}))
        said.append(f"{label}{money(amount)}万元")
    return said


def _funds_said(r: Row) -> str:
    """A project's money by its 其中 lines, in words only (its rows stay the project), where two lines
    or more carry money: the split a reader weighs the amount by. Empty for a project paid one way."""
    lines = [(label, amount) for _key, label, amount in _money_lines(r) if amount]
    if len(lines) < 2:
        return ""
    return "，其中" + "、".join(f"{label}{money(v)}万元" for label, v in lines)


def scoped_projects(frame: Frame, ctx: Context) -> tuple[list[Row], str, list[Budget]]:
    """The projects of the budgets in scope under the frame's filters."""
    budgets, note = ctx.scope(frame)
    if not budgets:
        return [], note, budgets
    previous = the_projects_just_named(frame, ctx)
    if previous:  # 那个项目一共多少钱 after 安排到哪个项目: the projects the part before answered with
        c = _constraints(frame)
        c.category = []
        rows = [r for r in ctx.rows("projects", budgets, c) if r.iri in previous]
        if rows:
            return rows, note, budgets
    if asks_carried(frame):  # where the carry-over went: its own items, or projects' 上年结转 lines
        c = _constraints(frame)
        c.category = []
        rows, said = carried_projects(frame, ctx, budgets, _python_filters(frame, ctx.rows("projects", budgets, c)))
        return rows, "；".join(x for x in (note, said) if x), budgets
    rows = ctx.rows("projects", budgets, _constraints(frame))
    return _python_filters(frame, rows), note, budgets


def _indexed_pool(frame: Frame, ctx: Context, bounded: bool = False) -> tuple[Pool, str, list[Budget]] | None:
    """The projects ``scoped_projects`` would read for a topic question, as a ``Pool`` of the
    stored project texts (``nlp.topic_index``), where that is the same set: the graph holds a fresh
    index, the budgets in scope are read by one store-wide query, the frame adds no condition to the
    query (``_constraints``; with ``bounded``, none but an amount bound, ``_indexed_bounded``) nor
    one only its rows can test (``narrows``) and continues no earlier part's projects. ``None``
    otherwise: the graph is read."""
    c = _constraints(frame)
    if bounded:
        c = replace(c, bound=None)
    if asks_carried(frame) or narrows(frame) or c != Constraints() or the_projects_just_named(frame, ctx):
        return None
    budgets, note = ctx.scope(frame)
    if not budgets:
        return None
    queries = build_queries("projects", [b.iri for b in budgets], _constraints(frame) if bounded else Constraints(),
                            graph_documents=len(ctx.budgets()))
    if len(queries) != 1 or queries[0].doc is not None:
        return None  # a few budgets: read one by one, fast
    texts = topic_index.of_graph(ctx.graph)
    if texts is None:
        return None
    pool = texts.pool(ctx.graph, budgets, _not_an_aggregate)
    if pool is None:
        return None
    if not bounded:  # (a bounded pool's caller logs it once it answers from it)
        ctx.log.append(queries[0].text)  # the query whose rows the index keeps: the answer's SPARQL as ever
    return pool, note, budgets


def _indexed_bounded(frame: Frame, ctx: Context) -> tuple[list[Row], str, list[Budget]] | None:
    """The projects over an amount bound (2025年预算超过500万元的项目有哪些) of budgets read by one
    store-wide query, from the stored rows (``nlp.topic_index``) instead of that query, where the
    answer is provably the same (``None`` otherwise: the graph is read):
    - the bound is a lower one (超过, 以上) and the order descending: the query keeps a project
      when one of its rows admits the bound and ``Graph.rows`` takes its first row in the order
      ``DESC(?amount)``, its largest amount — the stored row's amount, read first by the same
      order without the bound; so the projects kept and their amounts are the same;
    - the answer is their number alone (``_listed`` of more than ``LISTED_AT_MOST`` projects). A
      row's other fields are not the bounded query's: its first location (出处, 说明 or 项目支出表)
      and the order of projects of equal amount are the order oxigraph evaluates the pattern in,
      another with the bound, so an answer that lists or ranks the rows reads the graph.
    A topic, a category, a funding source, a unit or anything ``narrows`` tests reads the graph."""
    f, op = frame.filters, frame.operation
    if f.bound is None or f.bound.op not in (">", ">=") or not op.descending or f.topics or f.keywords or \
            op.name != "list" or op.nth or op.also or "description" in frame.measures:
        return None
    got = _indexed_pool(frame, ctx, bounded=True)
    if got is None:
        return None
    pool, note, budgets = got
    kept = [k for k in range(len(pool)) if f.bound.admits(pool.amount(k))]
    if len(kept) <= LISTED_AT_MOST:
        return None
    ctx.log.append(build_queries("projects", [b.iri for b in budgets], _constraints(frame),
                                 graph_documents=len(ctx.budgets()))[0].text)  # the query the rows stand for
    return [pool.row(k) for k in kept], note, budgets


def _indexed_rows(frame: Frame, ctx: Context) -> tuple[list[Row], str, list[Budget]] | None:
    """``scoped_projects``' rows for a question over every project of budgets read by one store-wide
    query with nothing added to it (``_indexed_pool``'s conditions: no condition in the query, none
    only its rows can test, no earlier part's projects), from the stored project index: its pool's
    rows are ``Graph.rows``' rows of that very query less the 专项 aggregates, in their order — what
    ``_python_filters`` keeps of them when nothing narrows. A ranking or listing of every 2025
    project at 10,000 documents read them all with their attributes and locations (55 s). ``None``
    otherwise: the graph is read."""
    got = _indexed_pool(frame, ctx)
    if got is None:
        return None
    pool, note, budgets = got
    return [pool.row(k) for k in range(len(pool))], note, budgets


def named_projects(frame: Frame, ctx: Context) -> tuple[list[Row], list[Row]]:
    """The projects the question names, within the department and year it names, and those of
    the same name elsewhere (for the sentence that says so)."""
    f = frame.filters
    c = _constraints(frame)
    c.projects = [p.iri for p in f.projects] + _family(frame, ctx)
    c.bound, c.category, c.funding = None, [], []  # asked of a named project, a condition is a question
    if f.subjects and {s.name for s in f.subjects} & {p.name for p in f.projects}:
        c.project_code_prefix = None  # “审计事务”项目: one name, read both ways; the project is what is named
    rows = ctx.rows("projects", [], c)
    names = {d.name for d in f.departments}
    kept = [r for r in rows if (not names or r.department in names) and (not f.years or r.year in f.years)]
    if names:
        # a name kept nowhere in the scope (信息化运维 beside 信访综合保障经费): the department's own project
        # it is a short form of, the other names' projects kept as found
        found = {r.iri for r in kept}
        missing = [p.name for p in f.projects if p.iri not in found]
        if missing:
            kept += [r for r in _abbreviated_projects(frame, ctx, missing) if r.iri not in found]
    kept = of_named_unit(frame.clause, kept)
    kept = _spelled_out(frame.clause, kept)
    kept = _as_narrowed_before(frame, ctx, kept)
    kept = _of_amount_said(frame.clause, kept)
    kept = _latest_when_no_year(frame, kept)
    cats = {r.attrs.get("category") for r in kept}
    if len(f.categories) == 1 and len(cats) > 1 and f.categories[0] in cats and frame.operation.name != "yesno":
        # 结转那笔钱买什么 of a project named twice (当年 57.00, 上年结转 30.00): the one of that category
        kept = [r for r in kept if r.attrs.get("category") == f.categories[0]]
    return kept, ([] if kept else rows)


def _spelled_out(clause: str, kept: list[Row]) -> list[Row]:
    """Of projects found for the same words, the one whose name the question spells out whole (its
    leading place unsaid): 第四次全国农业普查经费安排了多少 is 广州市第四次全国农业普查经费, not also the
    …普查宣传经费 that shares its words. A project named elsewhere in the question stays."""
    text = fold(clause)
    spans: dict[int, tuple[int, int]] = {}
    spelled: list[str] = []
    for i, r in enumerate(kept):
        for name in (r.label, *r.attrs.get("aliases", [])):
            whole = fold(name)
            for form in (whole, fold(split_place(name)[1] or "")):
                at = text.find(form) if len(form) >= 4 else -1
                if at >= 0:
                    spans[i] = (at, at + len(form))
                    spelled.append(form)
                    break
            if i in spans:
                break
    if not spans or len(spans) == len(kept):
        return kept
    out = []
    for i, r in enumerate(kept):
        if i in spans or any(form in fold(r.label) for form in spelled):
            out.append(r)  # (叫“中介服务费”的项目: 中介服务费-政府项目审查费 is called so too)
            continue
        m = SequenceMatcher(None, text, fold(r.label), autojunk=False).find_longest_match(0, len(text), 0, len(fold(r.label)))
        if not any(m.a < e and s < m.a + m.size for s, e in spans.values()):
            out.append(r)  # its words stand elsewhere in the question: named too
    return out


def _as_narrowed_before(frame: Frame, ctx: Context, kept: list[Row]) -> list[Row]:
    """A project the part before named with its unit (北郊监狱的狱政设施建设多少？钱从哪儿出): this part,
    which does not name it again, asks the one the part before answered, not each of that name."""
    prev = ctx.previous
    if prev is None or len({r.label for r in kept}) != 1 or any(p.name in frame.clause for p in frame.filters.projects):
        return kept  # (two projects named before, 两者差多少: both, not the last one answered)
    before = [r for r in kept if any(r.iri == x.iri for x in prev.rows if x.iri)]
    return before if 0 < len(before) < len(kept) else kept


# Words asking a project across its years (历年, 这几年, 每年, 两年, 变化): every year's kept.
_ACROSS_YEARS = r"历年|这几年|近几年|几年来|每年|各年|逐年|两年|三年|变化|对比|相比|比较|以来"


def _latest_when_no_year(frame: Frame, rows: list[Row]) -> list[Row]:
    """A project named with no year, which a department budgets in several years (国家信访局's
    信息化运行维护 in its 2024 决算 and its 2026 预算): the latest year's, as 今年 would be — unless the
    question asks across years or compares."""
    op = frame.operation
    if frame.filters.years or len({r.year for r in rows}) < 2 or \
            {"growth", "change", "compare", "difference", "derive"} & {op.name, *op.also} or \
            re.search(_ACROSS_YEARS, frame.clause):
        return rows
    latest: dict[str, int] = {}
    for r in rows:
        latest[r.department] = max(latest.get(r.department, 0), r.year or 0)
    return [r for r in rows if (r.year or 0) == latest[r.department]]


def _of_amount_said(clause: str, rows: list[Row]) -> list[Row]:
    """Projects of one name told apart by the amount the question says (那个360万的中介服务费): those of
    that amount, to the precision it is said in; all of them where it names none or matches none."""
    if len(rows) < 2:
        return rows
    said = find_amounts(clause)
    if not said:
        return rows
    mine = [r for r in rows if r.amount is not None and any(_as_said(r.amount, a) for a in said)]
    return mine if mine and len(mine) < len(rows) else rows


def _as_said(amount: Decimal, said: Amount) -> bool:
    """Whether ``amount`` (万元) is the amount said, to the precision it is said in: 360万 is 360.00,
    4.77亿 any of 47,650–47,750万."""
    digits = re.match(r"\d[\d,]*(?:\.(\d+))?", said.text)
    if digits is None:
        return amount == said.value
    number = Decimal(digits.group(0).replace(",", ""))
    step = (said.value / number if number else Decimal(1)) * Decimal(1).scaleb(-len(digits.group(1) or ""))
    return abs(amount - said.value) < step / 2 or amount == said.value


def of_named_unit(clause: str, rows: list[Row]) -> list[Row]:
    """A project of one name carried by several units of the department (日常保障运行 of each
    prison): where the question names one of those units as people say it (北郊监狱), that unit's."""
    from nlp.execute.units import short_names

    units = {r.attrs.get("unit") for r in rows if r.attrs.get("unit") and r.attrs.get("unit") != r.department}
    named = {u for u in units if any(form in clause for form in short_names(u))}
    if not named:
        return rows
    return [r for r in rows if r.attrs.get("unit") in named] or rows


def _family(frame: Frame, ctx: Context) -> list[str]:
    """Where a question adds up or counts the projects of a name (中介服务费一共多少、分别是哪几笔), the
    projects whose names extend it (中介服务费-政府项目审查费) are of that name too."""
    op = frame.operation
    if not ({op.name, *op.also} & {"sum", "count"}):
        return []
    heads = [re.escape(p.name) for p in frame.filters.projects if len(p.name) >= 3]
    if not heads:
        return []
    extends = re.compile(rf"^(?:{'|'.join(heads)})[-—－–（(：:]")
    return [e.iri for e in ctx.catalog.of_kind("project") if extends.match(e.name)]


def _abbreviated_projects(frame: Frame, ctx: Context, asked: list[str]) -> list[Row]:
    """The named department's own projects whose names hold the asked name or a short form of it,
    where the name as asked is another department's project (国家信访局信息化运维: 昌吉's 信息化运维
    is a project of that name, 国家信访局's own is 信息化运行维护; 阿克陶县分局物业费: 福州's 物业费 is
    a project, 克州's is 阿克陶县分局物业费、制冷费项目)."""
    budgets, _note = ctx.scope(frame)
    if not budgets:
        return []
    rows = ctx.rows("projects", budgets, Constraints())
    return [r for r in rows if r.label not in asked and any(
        (len(a) >= 3 and a in r.label) or short_form_of(a, r.label) for a in asked)]


@executor("projects")
def projects(frame: Frame, ctx: Context) -> Result:
    """Projects asked of (named, by unit, person, topic, funding, bound, rank …); those found by the policy
    document they cite (哪个专项是依据市纪发〔2016〕8号文件安排的) with that document named too."""
    by_subject = _money_of_a_subject_named_by_words(frame, ctx)
    if by_subject is not None:
        return by_subject
    result = _projects(frame, ctx)
    if frame.filters.policy is not None and not frame.filters.projects and result.items:
        _with_cited_document(frame.filters.policy, ctx, result)
    return result


def _the_budget_said_by_its_amount(frame: Frame, ctx: Context, budgets: list) -> Result | None:
    """37385.88万元的预算按用途怎么分的: an amount said that no project has but the department's own 收入总计 /
    支出总计 is — the question is about the whole budget: its spending by 基本支出 and 项目支出 (or its
    income by source, where it asks where the money comes from); None where the amount is no total."""
    import copy

    from nlp.execute.figures import figures

    f = frame.filters
    if f.bound is None or f.bound.op != "between" or len(budgets) != 1:
        return None
    totals = [r for r in ctx.rows("figures", budgets, Constraints(items=["income_total", "expenditure_total"]))
              if r.amount is not None and f.bound.low <= r.amount <= f.bound.high]
    if not totals:
        return None
    other = copy.deepcopy(frame)
    income = bool(re.search(r"来源|从哪|来自|收入", frame.clause))
    other.focus, other.filters.bound = "figures", None
    other.measures = list(L.INCOME_BY_SOURCE) if income else ["expenditure_total", "basic_expenditure", "project_expenditure"]
    other.operation = Operation("lookup")
    result = figures(other, ctx)
    if result.items:
        what = "收入、支出总计" if len({r.key for r in totals}) == 2 else ctx.vocab.label(totals[0].key)
        result.text = f"{money(totals[0].amount)}万元是{who(totals[0].department, totals[0].year)}的{what}，" \
                      "不是某个项目：" + result.text
    return result if result.items else None


def _money_of_a_subject_named_by_words(frame: Frame, ctx: Context) -> Result | None:
    """支持中小企业发展的钱有多少 — no project asked (no 项目 word), words of a department's functional subject
    printed in full (其他支持中小企业发展和管理支出): that subject's figure answers, as the subjects' reader
    gives it (its share too where one is asked); None where the words begin no subject of the budget."""
    import copy

    from kg.rdf import iris
    from nlp.execute.subjects import subjects
    from nlp.frames import Ref

    f = frame.filters
    words = [w for w in f.keywords if len(w) >= 5]
    # (a project linked by a few characters its name shares with the words is no project named)
    named_project = any(any(w in p.name for w in words) or p.name in frame.clause for p in f.projects)
    if not words or named_project or f.topics or f.units or f.unit or f.person or f.bound is not None or \
            len(f.departments) != 1 or re.search(r"项目|专项|哪些|哪个|哪几", frame.clause) or \
            not re.search(r"钱|多少|资金|经费|金额|预算", frame.clause):
        return None
    budgets, _ = ctx.scope(frame)
    if not budgets:
        return None
    rows = ctx.rows("subjects", budgets, Constraints(scheme="functional"))
    named = {r.key: r for r in rows if r.key and any(re.sub(r"^其他", "", r.label).startswith(w) for w in words)}
    # (a 款 and its 其他… 项 both begin with the words: the 款, which holds the 项)
    named = {k: r for k, r in named.items() if not any(k != o and k.startswith(o) for o in named)}
    if len(named) != 1:
        return None
    code, row = next(iter(named.items()))
    other = copy.deepcopy(frame)
    other.focus, other.measures = "subjects", ["total"]
    other.filters.keywords, other.filters.topics, other.filters.scheme = [], [], "functional"
    other.filters.projects = []
    other.filters.subjects = [Ref("functional_subject", str(iris.functional_subject(code)), row.label, code)]
    result = subjects(other, ctx)
    return result if result.items else None


def _with_cited_document(policy: Ref, ctx: Context, result: Result) -> None:
    """The document the found projects cite, as the graph holds it (its title and 文号), said after them in the
    sentence: the question named it by its number or its title only. The answer's rows stay the projects."""
    found = [r for r in result.rows if r.iri and "/project/" in r.iri]
    budgets = [b for b in ctx.budgets() if any((b.department, b.year) == (r.department, r.year) for r in found)]
    if not found or not budgets:
        return
    cited = [d for d in ctx.rows("policies", budgets, Constraints(projects=[r.iri for r in found]))
             if d.key == policy.iri or d.iri == policy.iri]
    if not cited:
        return
    d = cited[0]
    number = d.attrs.get("number")
    said = d.label + (f"（{number}）" if number and number != d.label else "")  # (in the sentence: the rows are the projects)
    result.text = result.text.rstrip("。") + f"。所依据的文件：{said}。"


def _projects(frame: Frame, ctx: Context) -> Result:
    f = frame.filters
    op = frame.operation
    if f.projects:
        rows, elsewhere = named_projects(frame, ctx)
        if not rows:
            if elsewhere:
                other = "；".join(f"{p.label}（{p.department}{p.year}年）" for p in elsewhere[:5])
                asked = "、".join(d.name for d in f.departments) + "".join(f"{y}年" for y in f.years)
                return Result(text=f"没有找到：{asked}没有这个项目；图谱中的同名或相近项目属于其他单位或年度：{other}。")
            return Result()
        about = _indicators_named(frame, ctx)
        if about is not None:
            return about
        inside = ranked_sub_items(frame, ctx, rows)  # 那1.88亿里最大的三块: the items it states, ranked
        if inside is not None:
            return inside
        if op.name == "per_capita":
            # 人均经费多少 of a project: per head of the people its text or targets count — where neither counts
            # any, nothing to divide by, said so (never its amount or its description instead)
            counted = [t for r in rows for t in stated_targets(r.attrs.get("description") or "") if t[2] in ("人", "名", "人次")]
            if not counted:
                return Result(text="没有找到：" + "、".join(project_phrase(r) for r in rows) +
                              "的文字说明没有写明人数，无法计算人均。")
        return _attributes(frame, ctx, rows)
    if f.person is not None and op.name not in ("rank", "sort"):
        return person_projects(frame, ctx)
    if f.units:
        return unit_projects(frame, ctx)
    if "unit" in frame.measures and re.search(r"下属", frame.clause) and f.unit is None:
        return subordinate_projects(frame, ctx)
    if (f.self_evaluated or re.search(L.EVALUATED, frame.clause)) and (
            op.name in ("count", "sum") or {"count", "sum"} & set(op.also) or
            re.search(r"(?:部门|重点|第三方)评价", frame.clause)) and \
            f.unit is None and not f.units and f.rate_bound is None and f.bound is None and f.score_bound is None:
        # the document's statement counts every evaluated project: a question narrowed to a unit's or
        # by a rate or amount bound (中心血站的自评项目有几个执行率没到90%) is counted from the projects
        from nlp.execute.documents import stated_evaluations  # documents reads this module's projects

        stated = stated_evaluations(frame, ctx)  # 做绩效自评的项目有多少个: as the 决算 states it
        if stated.items and op.name in ("rank", "sort"):
            # 几个项目做了绩效自评？哪个分最低: the stated count, then the ranking the part also asks
            ranked = _projects(replace(frame, operation=replace(op, also=[a for a in op.also if a != "count"])), ctx)
            if ranked.items:
                return Result(stated.items + ranked.items, stated.text + ranked.text, stated.derived + ranked.derived,
                              stated.rows + ranked.rows)
        if stated.items:
            return stated
    indexed = _indexed_pool(frame, ctx) if (f.topics or f.keywords) else None
    bounded = _indexed_bounded(frame, ctx) if f.bound is not None and indexed is None else None
    every = _indexed_rows(frame, ctx) if indexed is None and f.bound is None else None
    if indexed is not None:  # a topic over many budgets: the stored project texts, not every project read
        pool, note, budgets = indexed
    elif bounded is not None:  # over an amount bound, many budgets: the stored rows, not the bounded query
        rows, note, budgets = bounded
    elif every is not None:  # every project of many budgets (2025年金额最大的三个项目): the stored rows
        rows, note, budgets = every
    else:
        rows, note, budgets = scoped_projects(frame, ctx)
    if not budgets:
        return Result()
    own_level = _own_level_projects(frame, rows) if indexed is None else None
    if own_level is not None:  # 机关本级有几个项目: those the department carries out itself, not its units'
        rows, frame = own_level
        f = frame.filters
    numbers = document_numbers(frame.clause) if f.policy is None else []
    if numbers:  # 哪些项目是按粤财工【2024】156号下达的: a 文号 the graph holds no document of (the policy filter
        # answers those, by the projects citing it) — the projects whose name or text carries it
        texts = {r.iri: " ".join([r.label, *r.attrs.get("aliases", []), r.attrs.get("description") or ""]) for r in rows}
        cited = [r for r in rows if any(cites_number(texts[r.iri], n) for n in numbers)]
        if not cited:
            where = "、".join(dict.fromkeys(b.department for b in budgets))
            return Result(text=f"没有找到：{where}没有名称或说明写明{'、'.join(n[1] for n in numbers)}这一文号的项目。")
        return _listed(frame, ctx, cited, note)
    if f.topics or f.keywords:
        rows, missing = topical(frame, ctx, pool if indexed is not None else rows)
        if missing:
            stated = subjects_stated_for(frame, ctx, budgets, missing)
            if stated is not None:
                return stated
            in_reasons = projects_named_in_reasons(frame, ctx, budgets, missing)
            if in_reasons is not None:  # named only in a change's reason (新增转拨项目A、B 31000万元)
                return in_reasons
            where = "、".join(dict.fromkeys(b.department for b in budgets))
            return Result(text=f"没有找到：{where}没有与“{'”“'.join(missing)}”相关的项目。")
    if not rows and f.subjects and not (f.topics or f.keywords):
        return _subject_rows_instead(frame, ctx)
    if not rows and f.sources and not (f.topics or f.keywords):
        whole = _project_money_by_source(frame, ctx, budgets)
        if whole is not None:
            return whole
    if not rows:
        if f.bound is not None:  # 有没有超过3000万的项目: no, and the largest there is
            whole = _the_budget_said_by_its_amount(frame, ctx, budgets)
            if whole is not None:
                return whole
            everything, _, _ = scoped_projects(_without_bound(frame), ctx)
            top = max((r for r in everything if r.amount is not None), key=lambda r: r.amount, default=None)
            where = "、".join(dict.fromkeys(b.department for b in budgets))
            return Result(text=f"没有找到：{where}没有金额{f.bound.describe()}的项目" +
                               (f"；金额最大的项目是“{top.label}”" if top else "") + "。")
        return Result()
    if op.name in ("rank", "sort") or op.nth or ("rank" in op.also and _rank_key(frame)):
        return _ranked(frame, ctx, rows, note)  # 执行率最低的 (read as a completion rate ranked)
    if op.name == "count" or "count" in op.also and op.name != "sum" or (f.funding and op.name in ("list", "yesno")):
        return _counted(frame, ctx, rows, note)  # projects of one kind of funding: listed and counted
    return _listed(frame, ctx, rows, note)


def _project_money_by_source(frame: Frame, ctx: Context, budgets: list[Budget]) -> Result | None:
    """那262万的项目，钱是财政给的还是自己的收入 of a budget that names no project at all: its 项目支出
    (within the amount the question states) split by source — the project money as a whole, said
    to be so. None where the budget names projects (the question is about one of them) or its
    项目支出 is not the amount stated."""
    from dataclasses import replace

    from nlp.execute.figures import figures

    f = frame.filters
    plain = replace(frame, filters=Filters(departments=list(f.departments), years=list(f.years), phase=f.phase))
    everything, _, _ = scoped_projects(plain, ctx)  # every project of the budget, whatever the question's conditions
    if everything:
        return None
    asked = replace(frame, focus="figures", measures=["project_expenditure"], filters=frame.filters.copy())
    asked.filters.bound = None
    result = figures(asked, ctx)
    money_rows = [r for r in result.rows if r.key == "project_expenditure" and r.amount is not None]
    if not money_rows or (frame.filters.bound is not None and not any(frame.filters.bound.admits(r.amount)
                                                                     for r in money_rows)):
        return None
    where = "、".join(dict.fromkeys(b.department for b in budgets))
    result.text = f"{where}的预算未列出具体项目，以下按全部项目支出回答：" + result.text
    return result


def _indicators_named(frame: Frame, ctx: Context) -> Result | None:
    """打算买几台无人机, 执法检查频次定的多少次 of a named project: words of the question that name
    its performance indicators ask for those indicators (their targets), not the project's amount."""
    import copy

    from nlp.execute.documents import indicators

    if not frame.filters.keywords or frame.operation.name in ("rank", "sort", "sum") or \
            set(frame.measures) - {"amount", "description"} or not re.search(L.TARGET_ASK, frame.clause) or \
            re.search(L.MONEY_ASK, frame.clause):
        return None
    other = copy.deepcopy(frame)
    other.focus, other.measures = "indicators", []
    other.operation.name = "list"
    result = indicators(other, ctx)
    if not result.items and result.text.startswith("没有找到") and frame.filters.projects:
        return result  # 要补助多少人 of a project whose targets are not in the graph: said so, not its amount
    if not result.items or (result.relaxed and not frame.filters.indicator_kinds):
        return None  # (a kind named — 费用标准 of its 成本指标 — asks every indicator of that kind the words name none of)
    return result


def _subject_rows_instead(frame: Frame, ctx: Context) -> Result:
    """审计事务下面几个项目各多少: no project is classified under that subject in the graph, so the
    items people mean are the subject's own rows (its 项) — answered as such, and said so."""
    import copy

    from nlp.execute.subjects import subjects

    other = copy.deepcopy(frame)
    other.focus, other.measures = "subjects", ["total"]
    if other.operation.name == "count":
        other.operation.also = list(dict.fromkeys(other.operation.also + ["count"]))
    result = subjects(other, ctx)
    if not result.items:
        return Result()
    names = "、".join(s.name for s in frame.filters.subjects)
    result.text = f"图谱中没有归入“{names}”的项目；以下是这一科目下的各项科目：" + result.text
    return result


def _scored_among(frame: Frame, ctx: Context) -> str:
    """How many projects print a 自评 score in the scope, said before the ones a score bound keeps (7个项目做了
    自评，其中没拿到满分的…): the set the question takes its subset of."""
    import copy

    every = copy.deepcopy(frame)
    every.filters.score_bound, every.filters.self_evaluated = None, True
    scored = [r for r in scoped_projects(every, ctx)[0] if r.attrs.get("score") is not None]
    b = frame.filters.score_bound
    return f"有自评得分的项目{len(scored)}个，其中得分{BOUND_WORDS[b.op]}{b.low.normalize():f}分的" if scored else ""


def _without_bound(frame: Frame) -> Frame:
    import copy

    other = copy.deepcopy(frame)
    other.filters.bound = None
    return other


def _category_label(frame: Frame, ctx: Context) -> str:
    cats = frame.filters.categories
    return ctx.vocab.categories.get(cats[0], "") if len(cats) == 1 else ""


# More projects than this are not listed: their number is the answer (``_listed``).
LISTED_AT_MOST = 40


def _listed(frame: Frame, ctx: Context, rows: list[Row], note: str) -> Result:
    if len(rows) > LISTED_AT_MOST:
        return Result(text=f"找到{len(rows)}个项目，太多，无法逐一列出；请指明部门、年度或主题。")
    if rows and all(r.attrs.get("carried_part") for r in rows):
        return _carried_listed(frame, ctx, rows, note)
    rows = sorted(rows, key=lambda r: (r.department or "", r.year or 0, -(r.amount or 0)))
    items = [_project_item(ctx, r) for r in rows]
    derived = []
    cat = _category_label(frame, ctx)
    topical_ = bool(frame.filters.topics or frame.filters.keywords)
    op = frame.operation
    wants_total = cat or op.name == "sum" or "sum" in op.also or "share" in op.also or \
        (frame.filters.policy is not None and len(rows) > 1)
    bounded = frame.filters.bound is not None and not cat  # a category's list says its own total below
    total = None
    carried = frame.filters.unit is not None or frame.filters.own_unit  # 由X实施的项目: a set of its own
    if bounded or topical_ or carried:
        # a set the question defines (by a bound or a topic): its count and total in the sentence,
        # the total's formula among the derived figures (the rows stay the projects themselves)
        priced = [figure_input(r, r.label) for r in rows if r.amount is not None]
        total = D.total(priced, f"{len(rows)}个项目合计") if len(priced) > 1 else None
        if total is not None:
            derived.append(total)
        head = (f"预算{frame.filters.bound.describe()}的项目共{len(rows)}个" if frame.filters.bound is not None else
                f"由{frame.filters.unit.name if frame.filters.unit else '部门本级'}承担实施的项目共{len(rows)}个"
                if carried and not topical_ else f"找到{len(rows)}个相关项目") + \
            (f"，合计{money(total.value)}万元" if total is not None else "") + "："
    else:
        head = f"共{len(rows)}个{cat}项目：" if cat else f"共{len(rows)}个项目："
    if frame.filters.score_bound is not None:  # 自评里哪些没拿到满分: the bound's set among all the scored ones
        head = _scored_among(frame, ctx) + head
    text = head + "；".join(_phrase(frame, r, items) for r in rows) + "。"
    if topical_:
        text += _topic_in_parts(frame, rows, items, derived) + TT.said_text(rows)
    if "description" in frame.measures and len(rows) <= 3:
        split = _split_said(rows, items)  # 有没有…的钱？多少，怎么分的: each project's parts as its text lists them
        said_amount = frame.filters.bound is not None and frame.filters.bound.said is not None  # 那120万是干嘛用的
        said = [f"{project_phrase(r)}的资金用途：{r.attrs['description'].rstrip('。')}" for r in rows
                if r.attrs.get("description") and (topical_ or said_amount) and not split]
        text += split or ("；".join(said) + "。" if said else "")  # 有没有…的项目？怎么补: what each one's text says
    if bounded and total is not None:
        text += _total_share(frame, ctx, rows, total, items, derived)
    if wants_total and len(rows) >= 1 and not topical_ and not bounded:
        d = D.total([figure_input(r, r.label) for r in rows if r.amount is not None],
                    f"{cat}项目合计" if cat else f"{len(rows)}个项目合计")
        derived.append(d)
        items.append(Item(d.label, money(d.value), WAN, None, None, None, {"formula": d.formula}))
        text = (f"共{len(rows)}个{cat}项目，合计{money(d.value)}万元：" if cat else text[:-1] + f"；合计{money(d.value)}万元。") + \
            ("；".join(project_phrase(r) for r in rows) + "。" if cat else "")
        text += _total_share(frame, ctx, rows, d, items, derived)
    if re.search(L.UNITS_OF_PROJECTS, frame.clause):
        text += _units_carrying(rows, items)
    return Result(items, with_note(text, note), derived, rows)


def _units_carrying(rows: list[Row], items: list[Item]) -> str:
    """涉及几个单位: the units the projects' tables name as carrying them out (the department's own office
    where none is named), each with its count and money."""
    groups: dict[str, list[Row]] = {}
    for r in rows:
        groups.setdefault(str(r.attrs.get("unit") or r.department), []).append(r)
    if not groups:
        return ""
    first = rows[0]
    items.append(Item("承担项目的单位个数", str(len(groups)), "个", first.department, first.year, None))
    said = []
    for name, mine in groups.items():
        amount = sum((r.amount for r in mine if r.amount is not None), Decimal(0))
        items.append(Item(f"{name}承担的项目金额", money(amount), WAN, first.department, first.year, None,
                          {"projects": len(mine)}))
        said.append(f"{name}{len(mine)}个、{money(amount)}万元")
    return f"这些项目由{len(groups)}个单位承担：" + "；".join(said) + "。"


def sub_item(r: Row, name: str, value: Decimal) -> Item:
    """One part of a project's money its description lists, as an answer's row (项目：部分)."""
    return Item(f"{r.label}：{name}", money(value), WAN, r.department, r.year, r.source, {"project": r.label})


def _split_said(rows: list[Row], items: list[Item]) -> str:
    """How each project's money is split, as its description lists the parts (其中支持企业规模化发展
    870.00万，…): every part an item of the answer; nothing where a description lists none."""
    said = []
    for r in rows:
        subs = sub_items(r.attrs.get("description") or "")
        if len(subs) < 2:
            continue
        for name, value in subs:
            items.append(sub_item(r, name, value))
        said.append(f"{project_phrase(r)}分为" + "、".join(f"{name}{money(value)}万元" for name, value in subs))
    return "；".join(said) + "。" if said else ""


def _topic_in_parts(frame: Frame, rows: list[Row], items: list[Item], derived: list) -> str:
    """A project found by its description (区级支持总部经济1106.00万，市级支持总部经济1262.00万): the
    parts of its money that the question's words name, with their total where there are several."""
    words = [w for w in frame.filters.keywords if len(w) >= 2]
    said: list[str] = []
    for r in rows:
        if not words or any(_within(w, r.label) for w in words):
            continue
        named = [(name, value) for name, value in sub_items(r.attrs.get("description") or "")
                 if any(_within(w, name) for w in words)]
        if not named:
            continue
        for name, value in named:
            items.append(sub_item(r, name, value))
        sentence = f"{project_phrase(r)}中" + "、".join(f"{name}{money(value)}万元" for name, value in named)
        if len(named) >= 2:
            d = D.total([D.Input(name, value, WAN, r.department, r.year, r.source) for name, value in named],
                        f"{r.label}中{'、'.join(name for name, _ in named)}合计")
            derived.append(d)
            items.append(derived_item(d))
            sentence += f"，{d.formula}"
        said.append(sentence)
    return "；".join(said) + "。" if said else ""


def _total_share(frame: Frame, ctx: Context, rows: list[Row], total: D.Derived | D.Input, items: list[Item],
                 derived: list[D.Derived]) -> str:
    """占项目支出的比重 of a total just listed or counted, or of one named project's amount (驻京经费多少？
    占全部项目支出多少): the figure named as the base, of the same budget."""
    op = frame.operation
    if not ("share" in op.also or op.name == "share") or not op.base \
            or len({(r.department, r.year) for r in rows}) != 1:
        return ""
    budget = next((b for b in ctx.budgets() if (b.department, b.year) == (rows[0].department, rows[0].year)), None)
    base = ctx.rows("figures", [budget], Constraints(items=[op.base])) if budget is not None else []
    if not base:
        return ""
    s = D.share(D.Input(total.label, total.value, WAN, budget.department, budget.year),
                figure_input(base[0], ctx.vocab.label(op.base)), f"{total.label}占{ctx.vocab.label(op.base)}比重")
    if s is None:
        return ""
    derived.append(s)
    items.append(derived_item(s))
    return s.formula + "。"




def _counted(frame: Frame, ctx: Context, rows: list[Row], note: str) -> Result:
    """How many projects, their list (or a count per budget when many) and their total."""
    total = D.total([figure_input(r, r.label) for r in rows if r.amount is not None], "涉及金额合计")
    depts = sorted({(r.department, r.year) for r in rows})
    count_item = Item("项目个数", str(len(rows)), "个")
    total_item = Item("涉及金额合计", money(total.value), WAN, None, None, None, {"formula": total.formula})
    if len(rows) > 12 and len(depts) > 1:
        items = []
        counts = Counter((r.department, r.year) for r in rows)  # (counted per budget by one pass: every
        for d, y in depts:  # row read once per budget took 48 s for 35,827 projects of 10,000 budgets)
            items.append(Item(f"{d}{y}年项目个数", str(counts[(d, y)]), "个", d, y))
        text = f"共{len(rows)}个项目，合计{money(total.value)}万元：" + "；".join(
            f"{i.label}{i.value}个" for i in items) + "。"
        return Result(items + [count_item, total_item], with_note(text, note), [total], rows)
    rows = sorted(rows, key=lambda r: -(r.amount or 0))
    listed = rows
    if frame.operation.name == "count" and len(rows) > L.COUNT_LISTED and "list" not in frame.operation.also \
            and not re.search(L.NAMES_ASKED, frame.clause):
        listed = []  # 一共几个: the count and the total; the names stay in the sentence
    amounts_listed = any(r.amount is not None for r in rows)  # (a 自评表 row may print no amount: no 合计 of none)
    items = [_project_item(ctx, r) for r in listed] + ([count_item, total_item] if amounts_listed else [count_item])
    derived = [total] if amounts_listed else []
    f = frame.filters
    carrier = f"由{f.unit.name}承担实施的" if f.unit is not None else "由部门本级承担实施的" if f.own_unit else \
        "由下属单位承担实施的" if f.other_units else ""
    text = f"{carrier}共{len(rows)}个项目" + (f"，合计{money(total.value)}万元：" if amounts_listed else "：") + \
        "；".join(_phrase(frame, r, items) for r in rows) + "。"
    text += _total_share(frame, ctx, rows, total, items, derived) if amounts_listed else ""
    text += _groups(frame, ctx, rows, items, derived)
    if re.search(L.UNITS_OF_PROJECTS, frame.clause):
        text += _units_carrying(rows, items)
    return Result(items, with_note(text, note), derived, rows)


def _group_of(by: str, row: Row) -> str:
    """The group a project falls in: 财政拨款 or 非财政拨款 (its funding), 当年安排 or 上年结转 (its category)."""
    if by == "funding":
        funding = row.attrs.get("funding") or []
        if not funding:
            return "资金来源未列明"
        return "非财政拨款" if all(f in NONFISCAL for f in funding) else "财政拨款"
    return "上年结转" if row.attrs.get("category") == "carryover" else "当年安排"


def _groups(frame: Frame, ctx: Context, rows: list[Row], items: list[Item], derived: list[D.Derived]) -> str:
    """A count split by funding or category: each group's count and total, with its formula."""
    by = frame.operation.group_by
    if not by:
        return ""
    groups: dict[str, list[Row]] = {}
    for r in rows:
        groups.setdefault(_group_of(by, r), []).append(r)
    order = ("财政拨款", "非财政拨款", "资金来源未列明") if by == "funding" else ("当年安排", "上年结转")
    said = []
    for name in sorted(groups, key=lambda g: order.index(g) if g in order else len(order)):
        mine = groups[name]
        d = D.total([figure_input(r, r.label) for r in mine if r.amount is not None], f"{name}项目金额合计")
        derived.append(d)
        items.append(Item(f"{name}项目个数", str(len(mine)), "个"))
        items.append(derived_item(d))
        said.append(f"{name}项目{len(mine)}个，合计{money(d.value)}万元（" +
                    "、".join(f"“{r.label}”" for r in mine[:6]) + ("等" if len(mine) > 6 else "") + "）")
    return "其中" + "；".join(said) + "。"


def _phrase(frame: Frame, r: Row, items: list[Item]) -> str:
    """A project in a list, with the 绩效自评表 figures or the funds the frame asks beside it."""
    extra = execution_said(frame, r, items) if set(frame.measures) & {"funds", *EXECUTION_ATTRIBUTES} else ""
    said = [extra] if extra else []
    if r.attrs.get("carried_part") and not extra:  # 其中财政拨款1384.87万元、上年结转750.00万元 (carried_projects)
        said.append(carried_said(r))
    part = (r.attrs.get("funds") or {}).get(frame.filters.funding or "")
    if frame.filters.funding in L.SPLIT_FUNDING and part is not None and part != r.amount:
        said.append(f"其中{L.SPLIT_FUNDING[frame.filters.funding]}{money(part)}万元")  # paid in part by it
    if "unit" in frame.measures and r.attrs.get("unit"):  # 有没有培训的项目？谁来办
        said.append(f"承担单位是{r.attrs['unit']}")
    if "person" in frame.measures and r.attrs.get("person"):
        said.append(f"项目负责人是{r.attrs['person']}")
    return project_phrase(r) + (f"：{'，'.join(said)}" if said else "")


def _carried_listed(frame: Frame, ctx: Context, rows: list[Row], note: str) -> Result:
    """The projects the carry-over pays for (``carried_projects``): each with its 其中 lines, and
    the carried parts added up (not the projects' whole amounts)."""
    rows = sorted(rows, key=lambda r: (r.department or "", r.year or 0, -(r.attrs["carried_part"][1])))
    items = [_project_item(ctx, r) for r in rows]
    derived = []
    head = f"用到上年结转的项目共{len(rows)}个"
    if len(rows) > 1:
        d = D.total([figure_input(replace(r, amount=r.attrs["carried_part"][1]), f"{r.label}中{r.attrs['carried_part'][0]}")
                     for r in rows], "上年结转合计")
        derived.append(d)
        items.append(derived_item(d))
        head += f"，其中上年结转合计{money(d.value)}万元"
    text = head + "：" + "；".join(_phrase(frame, r, items) for r in rows) + "。"
    whole, said = department_carryover(frame, ctx)
    if said:
        items += whole
        text += f"（{said}。）"
        carried = sum((r.attrs["carried_part"][1] for r in rows), Decimal(0))
        if len(whole) == 1 and whole[0].value is not None and Decimal(whole[0].value) == carried:
            text += "上年结转结余全部用在这些项目上（项目支出），基本支出没有用上年结转。"  # (用在基本还是项目支出)
    return Result(items, with_note(text, note), derived, rows)


def _rank_key(frame: Frame) -> str | None:
    """A ranking by a 绩效自评表 figure (执行率最低的, 得分最高的) instead of the amount: the first such
    figure the question names (哪个得分最低，执行率多少 ranks by the score, and says the rate)."""
    return next((m for m in frame.measures if m in ("execution_rate", "score", "executed")), None)


def _ranked(frame: Frame, ctx: Context, rows: list[Row], note: str) -> Result:
    op = frame.operation
    by = _rank_key(frame)
    if by is not None:
        rows = [r for r in rows if r.attrs.get(by) is not None]
        rows.sort(key=lambda r: r.attrs[by], reverse=op.descending)
    else:
        rows = [r for r in rows if r.amount is not None]
        rows.sort(key=lambda r: r.amount, reverse=op.descending)
    if not rows:
        return Result()
    n = op.n or (len(rows) if op.name == "sort" else 1)
    ranked = list(enumerate(rows[:n], 1))
    if op.nth:
        ranked = ranked[-1:] if len(rows) >= op.nth else []
        if not ranked:
            return Result(text=f"没有找到：只有{len(rows)}个项目，没有第{op.nth}名。")
    top = [r for _, r in ranked]
    items = [_project_item(ctx, r, rank=i) for i, r in ranked]
    derived = []
    shared = op.name == "share" or "share" in op.also
    summed = ("sum" in op.also or op.name == "sum") and len(top) > 1
    base_key = "project_expenditure"  # (占8个重点项目总额多少: of the projects' own total, not the whole budget)
    base_label = ctx.vocab.label(base_key)

    def base_of(r: Row) -> Row | None:
        budget = next((b for b in ctx.budgets() if b.department == r.department and b.year == r.year), None)
        found = ctx.rows("figures", [budget], Constraints(items=[base_key])) if budget else []
        return found[0] if found else None
    if shared and not summed:  # 各占项目支出多少: each one's share
        for r in top:
            base = base_of(r)
            if base is not None:
                d = D.share(figure_input(r, r.label), figure_input(base, base_label), f"{r.label}占{base_label}比重")
                if d is not None:
                    derived.append(d)
                    items.append(derived_item(d))
    if summed:
        d = D.total([figure_input(r, r.label) for r in top], f"前{len(top)}个项目合计")
        derived.append(d)
        items.append(derived_item(d))
        base = base_of(top[0]) if shared else None
        if base is not None:  # 合计占项目支出多少: the sum's share of the figure named
            s = D.share(D.Input(d.label, d.value, d.unit, d.department, d.year, None), figure_input(base, base_label),
                        f"前{len(top)}个项目合计占{base_label}比重")
            if s is not None:
                derived.append(s)
                items.append(derived_item(s))
    word = "最大" if op.descending else "最小"
    what = {"execution_rate": "执行率", "score": "自评得分", "executed": "全年执行数"}.get(by or "", "金额")
    word = ("最高" if op.descending else "最低") if by in ("execution_rate", "score") else word
    whole = D.total([figure_input(r, r.label) for r in rows if r.amount is not None], f"{len(rows)}个项目合计")
    among = f"在{len(rows)}个项目（合计{money(whole.value)}万元）中" if len(rows) > len(top) and by is None \
        and all(r.amount is not None for r in rows) else f"在{len(rows)}个项目中"
    phrases = [(i, _phrase(frame, r, items)) for i, r in ranked]
    text = f"{among}{what}{word}的{len(top)}个：" + "；".join(f"{i}. {said}" for i, said in phrases) + "。"
    if op.nth:  # 倒数第二: counted from the bottom of what is ranked (自评得分, 金额)
        text = f"在{len(rows)}个项目中{what}{'' if op.descending else '倒数'}第{phrases[0][0]}的是{phrases[0][1]}。"
    elif not summed and by is None and 1 < len(top) < len(rows) and all(r.amount is not None for r in top) \
            and whole.value:
        # the top ones' weight among all, said in the sentence (a reader's next question), not as rows
        head = sum((r.amount for r in top), Decimal(0))
        text += f"前{len(top)}个合计{money(head)}万元，占{len(rows)}个项目合计的" \
                f"{D.percent(head, whole.value)}%。"
    text += "".join(f"{d.formula}。" for d in derived)
    return Result(items, with_note(text, note), derived, top)


def _project_item(ctx: Context, r: Row, **extra) -> Item:
    """A project as an answer row: its name, amount, category, and its other printed names."""
    cat = r.attrs.get("category")
    executed = r.attrs.get("executed")
    return item_of(r, None, category=ctx.vocab.categories.get(cat or "", cat), iri=r.iri,
                   also_called=r.attrs.get("aliases") or None,
                   executed=money(executed) if executed is not None else None, **extra)


def _funding_labels(ctx: Context, r: Row) -> list[str]:
    out: list[str] = []
    for key in r.attrs.get("funding") or []:
        out += [ctx.vocab.funding.get(key, key), *ctx.vocab.funding_aliases.get(key, [])]
    return list(dict.fromkeys(out))


# (an amount with thousands separators, 10,000.00万元, is one amount: never 10 followed by a comma)
_SUB_ITEM = re.compile(r"([\u4e00-\u9fff“”\"《》（）()A-Za-z·]{2,30}?)[:：为约计共]*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                       r"\s*(万元|万|元)?(?=[、，,；;。）)\s]|$)")


# the words before an item's name that say the year and that money is planned for it (年需预算安排…)
_SUB_ITEM_LEAD = r"^(?:年度?)?(?:需|拟|计划)?(?:预算)?(?:安排|投入)?"


def sub_items(text: str) -> list[tuple[str, Decimal]]:
    """What a project's description says its money is split into (工作底图更新14.00万元、…;
    支持引进品牌集聚340、打造示范地标120…): names with exact amounts in 万元 (元 converted)."""
    out: list[tuple[str, Decimal]] = []
    for m in _SUB_ITEM.finditer(text or ""):
        head = m.group(1)
        if m.start(1) > 0 and text[m.start(1) - 1] == "、":
            # 个人消费贷款财政贴息、服务业经营主体贷款贴息资金10,000.00万元: names enumerated before one amount
            before = re.split(r"[：:，,；;。]", text[:m.start(1) - 1])[-1]
            if before and not re.search(r"\d", before):
                head = f"{before}、{head}"
        name = re.sub(r"[“”\"]", "", re.sub(r"^(?:其中|包括|用于|主要用于|含|及|和|与|以及|支持)", "", head)).strip("（）()")
        name = re.sub(_SUB_ITEM_LEAD, "", name)  # 2026年需预算安排城市低保3144万元: the item is 城市低保
        if len(name) < 2 or re.search(r"年|月|日|号|第|共计|合计|总计|预算|金额|万元", name):
            continue
        value = Decimal(m.group(2).replace(",", ""))
        if m.group(3) == "元":
            value = value / Decimal(10000)
        out.append((name, value))
    return out


def _parts_named(frame: Frame, r: Row, subs: list[tuple[str, Decimal]], wanted: list[str],
                 items: list[Item], parts: list[str], derived: list) -> None:
    """The parts of a project's money its description lists (``sub_items``) — those the question's
    words name, each with its share of the project; all of them where no word names one. Several
    parts named by one word are added up where the question sums (区级、市级支持总部经济一共多少)."""
    named = [(name, value) for name, value in subs if not wanted or any(_within(w, name) for w in wanted)]
    for name, value in named:
        items.append(sub_item(r, name, value))
        if wanted and r.amount:
            d = D.share(D.Input(name, value, WAN, r.department, r.year, r.source),
                        figure_input(r, r.label), f"{name}占{r.label}比重")
            if d is not None:
                derived.append(d)
                items.append(derived_item(d))
                parts.append(d.formula)
    op = frame.operation
    if wanted and len(named) >= 2 and (op.name == "sum" or "sum" in op.also):
        d = D.total([D.Input(name, value, WAN, r.department, r.year, r.source) for name, value in named],
                    f"{r.label}中{'、'.join(name for name, _ in named)}合计")
        derived.append(d)
        items.append(derived_item(d))
        parts.append(d.formula)
        if op.name == "yesno" or "yesno" in op.also:  # 加起来是不是16000万: the sum against the amount said
            from nlp.numbers import find_amounts

            for said in find_amounts(frame.clause):
                if said.value == d.value:
                    parts.append(f"是，与所说的{money(said.value)}万元一致")
                    continue
                gap = D.difference(D.Input(d.label, d.value, WAN, r.department, r.year),
                                   D.Input("所说的数", said.value, WAN, r.department, r.year))
                derived.append(gap)
                items.append(derived_item(gap))
                parts.append(f"不是，{gap.formula}")


def _condition_answer(frame: Frame, r: Row, funding_labels: list[str]) -> str:
    """是/不是: whether a named project meets the condition the question asks about (用财政拨款安排,
    上年结转, 单位资金)."""
    f = frame.filters
    if frame.operation.name != "yesno" or not (f.funding or f.categories):
        return ""
    keys = r.attrs.get("funding") or []
    cat = r.attrs.get("category")
    checks = []
    if f.funding == "fiscal":
        checks.append(cat != "unit_funds" and not any(k in NONFISCAL for k in keys) and bool(keys or cat))
    if f.funding == "transfer":
        checks.append("upper_level_transfer" in keys)
    if f.funding == "unit_funds" or "unit_funds" in f.categories:
        checks.append(cat == "unit_funds" or bool(keys) and all(k in NONFISCAL for k in keys))
    for c in f.categories:
        if c in ("carryover", "current"):
            checks.append(cat == c)
    if not checks:
        return ""
    return "是，" if all(checks) else "不是，"


def _attributes(frame: Frame, ctx: Context, rows: list[Row]) -> Result:
    """What the question asks of named projects: their amount (and sum), funding source, whether
    carried over, responsible unit and person, use of funds, execution period."""
    asked = frame.measures or ["amount"]
    op = frame.operation
    items: list[Item] = []
    parts: list[str] = []
    derived = []
    for r in rows:
        cat = r.attrs.get("category")
        cat_label = ctx.vocab.categories.get(cat or "", "类别未列明")
        funding = _funding_labels(ctx, r)
        test = _condition_answer(frame, r, funding)
        start = len(parts)
        if "funding" in asked:
            if not funding and not cat:
                parts.append(f"{project_phrase(r)}的资金来源文件中未列明")
                continue
            label = funding[0] if funding else cat_label
            items.append(item_of(r, label, project=r.label, also_called=funding[1:] or None,
                                 category=cat_label))
            paying = [k for k, v in (r.attrs.get("funds") or {}).items() if k != "fiscal" and v]
            if len(paying) >= 2:  # 一般公共预算 49.00 and 其他资金 1130.00: paid by both, not by the first alone
                said = "和".join(dict(FUNDS_LINES)[k] for k in dict(FUNDS_LINES) if k in paying)
                parts.append(f"{project_phrase(r)}的资金来自{said}" + ("" if not cat else f"，属{cat_label}项目"))
            else:
                parts.append(f"{project_phrase(r)}的资金来自{label}" + (f"（{'、'.join(funding[1:3])}）" if funding[1:] else "")
                             + ("" if not cat else f"，属{cat_label}项目"))
            lines = funds_lines(r, items) if re.search(r"财政|结转|各[出是有]?(?:多少|占)|多少是|哪几块|几部分|从哪|来源|来自|怎么来|哪儿出|哪里出", frame.clause) else []
            if lines:  # 是财政拨款吗: the table's own split says how much is
                parts[-1] += "；其中" + "、".join(lines)
        if "category" in asked:
            items.append(_project_item(ctx, r, funding=funding[0] if funding else None))
            yes = ""
            if op.name == "yesno":
                wants = "carryover" if re.search(r"结转", frame.clause) else "current" if re.search(r"新安排|当年", frame.clause) else None
                if wants:
                    yes = ("是，" if cat == wants else "不是，") if cat else ""
            parts.append(f"{yes}{project_phrase(r)}是{cat_label}项目" + (f"，资金来源为{funding[0]}" if funding else ""))
            carried = carried_line(frame, r)
            if carried is not None and re.search(r"多少|几", frame.clause):  # 里面结转的钱有多少: its 上年结转 line
                items.append(item_of(replace(r, amount=carried), f"{r.label}中上年结转"))
                parts[-1] += f"，其中上年结转{money(carried)}万元"
        if "unit" in asked or "person" in asked:
            if r.attrs.get("unit") or r.attrs.get("person"):
                items.append(_project_item(ctx, r, responsible_unit=r.attrs.get("unit"), person=r.attrs.get("person")))
                said = [f"承担单位是{r.attrs['unit']}" if r.attrs.get("unit") else "文件未列明承担单位"] if "unit" in asked or r.attrs.get("unit") else []
                if "person" in asked or r.attrs.get("person"):  # the person only where printed or asked
                    said.append(f"项目负责人是{r.attrs['person']}" if r.attrs.get("person") else "文件未列明项目负责人")
                parts.append(f"{project_phrase(r)}" + ("的" if r.attrs.get("unit") else "：") + "，".join(said))
                if "amount" not in asked and re.search(r"多少|几", frame.clause) and len(rows) <= 3:
                    parts[-1] += _funds_said(r)  # 谁实施？安排多少: the amount its phrase says, with its split
        if "supervisor" in asked:  # the 主管部门 of its performance sheet, as printed
            items.append(_project_item(ctx, r, responsible_unit=r.attrs.get("unit")))
            sup = r.attrs.get("supervisor")
            parts.append(f"{project_phrase(r)}" + (f"的主管部门是{sup}" if sup else "：文件未列明主管部门")
                         + (f"，实施单位是{r.attrs['unit']}" if r.attrs.get("unit") else ""))
        if "description" in asked:
            text = r.attrs.get("description") or ""
            items.append(_project_item(ctx, r, description=text or None))
            parts.append(f"{project_phrase(r)}的资金用途：{text.rstrip('。') or '文件中未说明资金用途'}")  # parts end in 。
            wanted = [w for w in frame.filters.keywords if len(w) >= 2]
            _parts_named(frame, r, sub_items(text), wanted, items, parts, derived)
        if "period" in asked:
            items.append(_project_item(ctx, r, period=r.attrs.get("period")))
            parts.append(f"{project_phrase(r)}的资金执行时间：{r.attrs.get('period') or '文件中未列明'}")
        if "amount" in asked:
            items.append(_project_item(ctx, r))
            parts.append(project_phrase(r) + (f"，{ctx.vocab.categories.get(cat, '')}项目" if cat else ""))
            carried = carried_line(frame, r)
            if carried is not None:  # 各用了多少结转资金: the 其中 上年结转 line of each
                items.append(item_of(replace(r, amount=carried), f"{r.label}中上年结转"))
                parts[-1] += f"，其中上年结转{money(carried)}万元"
            elif len(rows) <= 3:  # a project paid from two sources or more: how, in the sentence (其中财政拨款…、上年结转…)
                parts[-1] += _funds_said(r)
            if "description" not in asked:  # 里面促消费提质提升给了多少: a part of its money, named
                own = " ".join([r.label, *r.attrs.get("aliases", [])])
                wanted = [w for w in frame.filters.keywords if len(w) >= 2 and not names_own(w, own)]
                if wanted:
                    subs = sub_items(r.attrs.get("description") or "")
                    unlisted = _part_asked_not_listed(frame, subs, wanted)
                    if unlisted:  # 执法能力建设项目里买无人机的钱: no figure of that part, the project's none in its stead
                        items.pop()
                        parts[-1] = (f"没有找到：{project_phrase(r)}，文件没有列出其中“{unlisted}”的金额"
                                     + (f"（列出的部分：{'、'.join(f'{n}{money(v)}万元' for n, v in subs)}）" if subs else ""))
                        continue
                    _parts_named(frame, r, subs, wanted, items, parts, derived)
        if set(asked) & {"funds", *EXECUTION_ATTRIBUTES}:
            if "amount" not in asked:
                items.append(_project_item(ctx, r))
            parts.append(f"{project_phrase(r)}：" + execution_said(frame, r, items))
        if test and len(parts) > start:  # 是/不是 first, then the facts it rests on
            parts[start] = test + parts[start]
    if not items:
        return Result(text="；".join(parts) + "。" if parts else "")
    text = "；".join(parts) + "。"
    carried = [carried_line(frame, r) for r in rows]
    if {"amount", "category"} & set(asked) and len(rows) > 1 and all(c is not None for c in carried):
        # 各含多少结转: the carried lines added up, not the projects' whole amounts
        d = D.total([figure_input(replace(r, amount=c), f"{r.label}中上年结转") for r, c in zip(rows, carried)],
                    f"{len(rows)}个项目上年结转合计")
        derived.append(d)
        items.append(derived_item(d))
        text += f"{d.formula}。"
    elif "amount" in asked and len(rows) > 1 and all(r.amount is not None for r in rows):
        d = D.total([figure_input(r, r.label) for r in rows], f"{len(rows)}个项目合计")
        derived.append(d)
        items.append(derived_item(d))
        text += f"{d.formula}。"
    if "amount" in asked and len(rows) == 1 and rows[0].amount is not None:
        text += _total_share(frame, ctx, rows, figure_input(rows[0], rows[0].label), items, derived)
    elif "amount" in asked and derived and len(rows) > 1 and derived[-1].label == f"{len(rows)}个项目合计":
        text += _total_share(frame, ctx, rows, derived[-1], items, derived)
    if op.name == "difference" and len(rows) == 2 and all(r.amount is not None for r in rows):
        d = D.difference(figure_input(rows[0], rows[0].label), figure_input(rows[1], rows[1].label))
        derived.append(d)
        items.append(derived_item(d))
        text += f"{d.formula}。"
    return Result(items, text, derived, rows)


# ----------------------------------------------------------------------------- topics
# 机关本级 / 局本级 / 本级的: the department's own office, as against the units under it
_OWN_LEVEL = re.compile(r"(?:机关|局|委|办|厅)?本级|机关(?:本身|自己)")


def _own_level_projects(frame: Frame, rows: list[Row]) -> tuple[list[Row], Frame] | None:
    """The projects a department carries out itself where the question asks its 本级 (杭州市司法局机关本级有几个
    项目) and its project table names who carries each out (承担单位/实施单位): those whose unit is the
    department itself, the 本级 words no topic. ``None`` where the question does not ask so or the table
    names no unit other than the department (then every project is its own)."""
    if not _OWN_LEVEL.search(frame.clause) or frame.filters.units or not rows:
        return None
    with_unit = [r for r in rows if r.attrs.get("unit")]
    own = [r for r in with_unit if same_department(r.attrs["unit"], r.department)]
    if not own or len(own) == len(with_unit):
        return None
    narrowed = dataclasses.replace(frame, filters=frame.filters.copy())
    narrowed.filters.keywords = [w for w in narrowed.filters.keywords if w not in ("机关", "局机关", "机关本级")]
    narrowed.filters.keyword_groups = [[w for w in g if w in narrowed.filters.keywords]
                                       for g in narrowed.filters.keyword_groups]
    narrowed.filters.keyword_groups = [g for g in narrowed.filters.keyword_groups if g]
    return own, narrowed


def _part_asked_not_listed(frame: Frame, subs: list[tuple[str, Decimal]], wanted: list[str]) -> str | None:
    """The word of a part asked inside a named project (项目里买无人机的钱是多少) that no part its
    description lists names — then the project has no figure for it; ``None`` where the clause asks
    no part inside it or a listed part answers."""
    if not re.search(r"多少|几|金额|钱|费用?", frame.clause):
        return None
    for w in wanted:
        inside = re.search(rf"(?:项目|经费|资金)(?:的)?(?:里|中|里面|当中|其中)(?:的)?[^，。？?；]{{0,4}}{re.escape(w)}"
                           rf"(?:的)?(?:钱|费用?|经费|资金|金额|花了|安排了?|是?多少)", frame.clause)
        if inside and not any(_within(w, name) or _within(name, w) for name, _v in subs):
            return w
    return None


def names_own(word: str, own: str) -> bool:
    """Whether a question word names the project itself rather than some of its indicators: it
    stands in the project's name, holds a 4+ character word of it, or every 2+ character piece of it
    stands in the name (涉气企业用电量监控平台 of 昌吉州涉气企业重污染天气用电量监控平台及…), so it
    filters none of the project's indicators."""
    if _within(word, own) or any(_within(x, word) for x in own.split() if len(x) >= 4):
        return True
    found, missing = _pieces(word, own.split() or [own])
    return bool(found) and not missing


# The end of an institution's name (儿童福利院, 老年大学, 救助站): a word inside one names a place, not
# whom the money serves.
_INSTITUTION = r"[\u4e00-\u9fff]{0,4}?(?:院|站|中心|所|局|馆|大学|学校|协会|之家)"


def _serves(word: str, text: str) -> bool:
    """``word`` in ``text`` other than inside an institution's name (市儿童福利院 names a place)."""
    return any(not re.match(_INSTITUTION, text[m.end():]) for m in re.finditer(re.escape(word), text))


def _described(r: Row, typed: list[list[str]]) -> bool:
    """A project whose own description names every word the question typed for one of its themes
    (福蕾行动计划 “为留守困境儿童提供…” of 儿童). ``typed`` holds only the themes that are a group of
    people the money serves (``bkg:servesGroup``): an activity's words (宣传, 整改, 排污许可) occur in
    every kind of description — an office budget mentions 宣传, a 福利院's repairs 消防整改."""
    description = r.attrs.get("description") or ""
    return bool(description) and any(all(_serves(w, description) for w in words) for words in typed)


def _mostly_named(words: list[str], name: str) -> bool:
    """Whether a project's name holds three quarters of a long typed word in one run (来访接待中心运行 asked, 人民来访接待中心
    业务专项 named): about the thing asked, however many other names share that run — rarity weighs a piece
    down for being common, which a phrase this long is only among the projects it describes."""
    for w in words:
        if len(w) < 4:
            continue
        found, _ = _pieces(w, [name])
        if any(len(p) >= 4 and p in name and 4 * len(p) >= 3 * len(w) for p in found):
            return True
    return False


def _own_pieces(words: list[str], text: str) -> list[str]:
    """The pieces of the question's words that stand in one project's name, cut for that name
    (办公用房租金 in 办公楼租金: 办公 and 租金; in 房屋租金: 房租金) — a cut made once over all names would
    give 房屋租金 the 租金 and leave 办公楼租金 only 办公. A word counts for a name only where its pieces
    there make at least half of it."""
    out: list[str] = []
    for w in words:
        found, _ = _pieces(w, [text])
        found = [p for p in found if len(p) >= 2 and not _GENERIC_TOPIC.match(p)]
        if 2 * sum(len(p) for p in found) < len(w):
            continue  # 促消费 holds only 消费 of 消费品以旧换新: a word shared, not the thing asked
        out += [p for p in found if p not in out]
    return out


def topical(frame: Frame, ctx: Context, rows: list[Row] | Pool) -> tuple[list[Row], list[str]]:
    """Projects about the question's topics; an enumeration (柴油车尾气、OBD在线监控) is several
    topics, each choosing its own projects. ``rows``: the projects looked among, or their ``Pool``
    (``nlp.topic_index``: the stored index's, whose rows are the graph's as read)."""
    f = frame.filters
    nowhere = [w for w in f.keywords if head_named_nowhere(w, ctx.catalog)]
    if nowhere:  # 给横琴口岸安排了多少运营或安检经费: nothing of the graph is named 横琴 — no such project
        return [], nowhere
    if isinstance(rows, Pool):
        pool = rows
    else:  # the indicators of the budgets in scope, where those are read budget by budget
        read = TT.indicators_by_project(ctx, ctx.scope(frame)[0])
        pool = Pool.of_rows(rows, {iri: TT.indicator_text(ind) for iri, ind in read.items()})
    by_iri = {t.iri: t for t in f.topics}
    units = [([by_iri[i] for i in topics if i in by_iri], words)
             for topics, words in zip(f.topic_groups, f.keyword_groups) if topics or words]
    if len(units) < 2:
        hits, missing = _topical(frame, ctx, pool, f.keywords, f.topics)
    else:
        hits, missing_all = [], []
        for topics, words in units:
            found, missing = _topical(frame, ctx, pool, words, topics)
            missing_all += missing
            hits = TT.merged(hits, found)
        if not hits and missing_all:
            return [], list(dict.fromkeys(missing_all))
        missing = []
    return hits, missing


def _topical(frame: Frame, ctx: Context, pool: Pool, keywords: list[str],
             topics: list) -> tuple[list[Row], list[str]]:
    """Projects about the question's topic. A project's name counts first: a point per theme the
    question links (two where the name holds the very words typed), plus the question's other
    content words weighted by rarity. Where no name matches, the graph's topic links and the
    descriptions decide. A specific word found in no project of these budgets means the graph
    holds no such project (the second value). Only the projects whose name or description may hold
    a word that scores are scored (``Pool``): the others score nothing."""
    f = frame.filters
    topic_words = {t.iri: [t.name, *ctx.catalog.aliases_of(t.iri), *ctx.catalog.topic_keywords.get(t.iri, [])]
                   for t in topics}
    words = [w for w in keywords if not any(w in ws for ws in topic_words.values())]
    pieces: list[str] = []
    missing: list[str] = []
    classes = TT.class_words(frame.clause, words)  # 这类保供: the examples' class, no project need print it
    told_only: list[str] = []  # words no name holds that the projects' texts do, piece by piece
    for w in words:
        found, gone = _pieces_where(w, pool.name_within)
        specific = [g for g in gone if not _GENERIC_TOPIC.match(g)]
        if specific and not pool.description_within(w) and w not in classes:
            # 会计人才培训: 会计 in a name, 会计人才 and 培训 in a description — the texts hold more of the
            # word at once than any name does; not 经济普查, whose 经济 only a description's 经济社会 holds
            said, unsaid = _pieces_where(w, pool.text_within)
            if [g for g in unsaid if not _GENERIC_TOPIC.match(g)] or \
                    max(map(len, said), default=0) <= max(map(len, found), default=0):
                missing += specific
            else:
                told_only.append(w)
        pieces += [p for p in found if not _GENERIC_TOPIC.match(p)]
    for t in topics:  # a theme no project of these budgets is about
        ws = [w for w in topic_words[t.iri] if len(w) >= 2]
        if not any(pool.name_has(w.lower()) or pool.description_has(w) for w in ws):
            missing.append(t.name)
    if missing:
        return [], list(dict.fromkeys(missing))

    rarities: dict[str, float] = {}

    def rarity(w: str) -> float:
        """1 / how many project names hold the word — counted once a word (at 10,000 documents the count
        over every name, repeated for each row, was most of a topic question's time)."""
        if w not in rarities:
            n = pool.names_within(w)
            rarities[w] = 0.0 if not n else 1.0 / n
        return rarities[w]

    typed = list(keywords)
    # the synonyms the question typed for its themes (儿童 of 儿童福利), not the broad labels: a project
    # whose own description names one is about the theme though its name does not say so
    groups = {str(rule.iri) for rule in topic_rules() if rule.serves_group}
    typed_narrow = [words for iri, ws in topic_words.items() if str(iri) in groups
                    for words in [[w for w in f.topic_text if w in ws and w != ws[0] and len(w) >= 2]] if words]
    # themes of words every department uses (宣传, 监测, 执法 …) count only with an environmental
    # context, as the mapping's topic links do (kg/rdf/topics.py): 信访's 宣传 is not 生态环境宣传教育 —
    # unless the question names the departments, whose own 宣传 is then meant
    gated = set() if f.departments else {str(rule.iri) for rule in topic_rules() if rule.needs_context}
    # the rows that may score: a name holding a theme's word or a piece of another word, or a
    # description holding a typed synonym
    may: set[int] = set()
    for iri, ws in topic_words.items():
        for w in [w for w in f.topic_text if w in ws and w != ws[0]] + [w for w in ws if len(w) >= 2]:
            may.update(pool.names.may_hold(w))
    for w in words:
        may |= pool.names.may_hold_piece_of(w)
    for words_ in typed_narrow:
        may.update(pool.descriptions.may_hold(words_[0]))
    scored = []
    for k in sorted(may):
        r = pool.row(k)
        text = pool.name(k)
        score = 0.0
        context = has_environment_context([r.department, text, r.attrs.get("description")])
        for iri, ws in topic_words.items():
            if str(iri) in gated and not context:
                continue
            narrow = [w for w in f.topic_text if w in ws and w != ws[0]]  # a synonym typed, not the broad label
            if any(w in text for w in narrow):
                score += 2.0
            elif any(len(w) >= 2 and w in text for w in ws):
                # 百岁老人慰问经费 asked as 老年人: its name names the theme, its texts the very word typed
                score += 2.0 if str(iri) in groups and _said_of(pool, k, [w for w in narrow if len(w) >= 2]) else 1.0
        score += sum(rarity(w) for w in _own_pieces(words, text))
        score += _confirmed_by_texts(pool, k, words, text, rarity)
        if not score and typed_narrow and _described(r, typed_narrow):
            score = DESCRIBED_NARROW  # 福蕾行动计划 “为留守困境儿童提供…”: about the topic by what it does
        if score:
            scored.append((score, r))
    said = [] if scored else _by_texts(pool, [w for w in words if w not in classes], classes)
    if scored:
        # (several departments named — 长春和长沙两个信访局跟…有关的项目 — the question asks each of them: a
        # project is weighed against the best of its own department, not of another's budget)
        per_department = len(f.departments) >= 2
        best_of: dict[str, float] = {}
        for sc, r in scored:
            who = r.department if per_department else ""
            best_of[who] = max(best_of.get(who, 0.0), sc)
        hits = [r for sc, r in sorted(scored, key=lambda x: -x[0])
                if sc > best_of[r.department if per_department else ""] * 0.5 or _mostly_named(words, r.label)]
        # 儿童关爱: beside the names saying it, a project whose own texts say every word typed (福蕾行动计划
        # “为留守困境儿童提供…关爱服务”) — after them, a few at most, and only for two words or more
        typed_words = [w for w in words if w not in classes and len(w) >= 2] + \
            [w for w in f.topic_text if len(w) >= 2 and any(w in ws for ws in topic_words.values())]
        if len(set(typed_words)) >= 2:
            found = {r.iri for r in hits}
            hits += [r for r in _by_texts(pool, list(dict.fromkeys(typed_words)), [], at_most=3, names=False,
                                                whole=True, near=24)
                     if r.iri not in found]
    elif said:
        hits = said
    elif told_only:  # its pieces stand in the texts, but no one project's texts hold the word
        return [], told_only
    else:
        # every test below asks a description to hold a word of two or more characters
        told = [w for w in pieces + typed if len(w) >= 2] + [w for ws in topic_words.values() for w in ws if len(w) >= 2]
        maybe: set[int] = set()
        for w in told:
            maybe.update(pool.descriptions.may_hold(w))
        ks = sorted(maybe)

        def described(k: int) -> int:
            return sum(1 for w in pieces + typed if len(w) >= 2 and w in pool.description(k))

        def about_topic(k: int) -> bool:
            context = has_environment_context([pool.departments[k], pool.name(k), pool.description(k) or None])
            return any(len(w) >= 2 and w in pool.description(k)
                       for iri, ws in topic_words.items() if context or str(iri) not in gated for w in ws)
        about = [k for k in ks if about_topic(k)]
        specific = [w for w in typed if len(w) >= 3 and not _GENERIC_TOPIC.match(w)]
        chosen = [k for k in about if described(k)] or about or [k for k in ks if described(k) >= 2] or \
            [k for k in ks if specific and all(w in pool.description(k) for w in specific)]
        # (the last: 哪些专项是支持总部经济的 — a specific phrase the description of one project prints)
        hits = [pool.row(k) for k in chosen]
    if len(hits) > 15:
        return [], []
    return hits, []


def _confirmed_by_texts(pool: Pool, k: int, words: list[str], name: str, rarity) -> float:
    """What a name holding a piece of a word earns more where the project's own texts hold the whole
    word (会计工作经费, whose 年度目标 names 会计高端人才培养, asked 会计人才培养): as much as a name holding the
    word would — less what its pieces already earned. Nothing for a word whose pieces in the name are
    generic, or whose whole the name holds already."""
    extra = 0.0
    for w in words:
        if len(w) < 3 or _within(w, name):
            continue
        found, _ = _pieces(w, [name])
        found = [p for p in found if len(p) >= 2 and not _GENERIC_TOPIC.match(p)]
        if not found or not (_within(w, pool.description(k)) or _within(w, pool.indicator(k))):
            continue
        whole = 1.0 / max(1, pool.names_within(w))
        earned = sum(rarity(p) for p in _own_pieces([w], name))
        extra += max(0.0, whole - earned)
    return extra


def _said_of(pool: Pool, k: int, words: list[str]) -> bool:
    """Whether row ``k``'s description or indicators hold one of ``words`` as a word the money serves
    (not inside an institution's name: ``_serves``)."""
    return any(_serves(w, pool.description(k)) or _serves(w, pool.indicator(k)) for w in words)


def _together(words: list[str], text: str, width: int) -> bool:
    """Whether every word stands within ``width`` characters of one occurrence of the first (儿童…关爱服务
    in one phrase; not 环保 of 机动车环保检验 and 宣传 of 信息宣传 sixty characters apart)."""
    first = [m.start() for m in re.finditer(re.escape(words[0]), text)]
    return any(all(any(abs(m.start() - at) <= width for m in re.finditer(re.escape(w), text)) for w in words[1:])
               for at in first)


def _by_texts(pool: Pool, words: list[str], classes: list[str], at_most: int = 5, names: bool = True,
              whole: bool = False, near: int | None = None) -> list[Row]:
    """The projects no name matches whose own texts — description and indicators — hold every word the
    question looks for (each at least half of it, ``TT.covered``): 生猪 and 冻猪肉储备 in the 年度目标 and
    the indicators of 菜篮子工程建设专项资金. Ranked by how many of the words (and of the class words,
    这类保供) they hold, then how often; the best only, and none where more than a few tie (a word
    every office's text holds is no topic; ``at_most``). ``names``: the name counts as one of the texts
    (where no name matched at all); ``whole``: each word must stand whole (``within``), not only half of
    it (beside name hits, where a half is too little: 机动车 of 机动车尾气 in a PM2.5 project's text). Each row
    carries where the words stand (``topic_said``)."""
    words = [w for w in words if len(w) >= 2]
    if not words:
        return []
    maybe: set[int] | None = None
    for w in words:  # a row must hold a piece of every word
        rows = pool.may_say_piece_of(w) | (pool.names.may_hold_piece_of(w) if names else set())
        maybe = rows if maybe is None else maybe & rows
    ranked = []
    for k in sorted(maybe or ()):
        text = f"{pool.name(k) if names else ''}\n{pool.description(k)}\n{pool.indicator(k)}"
        if not all(_within(w, text) if whole else TT.covered(w, text) for w in words):
            continue
        if near is not None and not any(_together(words, t, near) for t in (pool.description(k), pool.indicator(k))):
            continue  # (beside name hits: the words said together, as one thing the project does)
        told = sum(1 for w in words + classes if TT.covered(w, text))
        often = sum(text.count(p) for w in words for p in TT.covered(w, text))
        ranked.append(((told, often), k))
    if not ranked:
        return []
    best = max(key for key, _ in ranked)[0]
    chosen = [k for key, k in sorted(ranked, key=lambda x: (-x[0][0], -x[0][1], x[1])) if key[0] == best]
    if len(chosen) > at_most:
        return []
    out = []
    for k in chosen:
        r = pool.row(k)
        said = TT.where_said(words + classes, pool.description(k), pool.indicator(k))
        out.append(replace(r, attrs={**r.attrs, "topic_said": said}))
    return out


# ----------------------------------------------------------------------------- persons
@executor("persons")
def persons(frame: Frame, ctx: Context) -> Result:
    """Who is responsible: a named project's unit and person, or every person named in the budgets."""
    f = frame.filters
    if f.projects:
        rows, elsewhere = named_projects(frame, ctx)
        items, parts = [], []
        only_person = bool(re.search(r"负责人|谁负责", frame.clause)) and \
            not re.search(r"承担|实施|执行|哪个单位|哪家单位", frame.clause)
        if only_person and rows and not any(r.attrs.get("person") for r in rows):
            # the person asked is not in the document: say so, and name no one (nor any figure) in their place
            return Result(text="没有找到：文件未列明" + "、".join(f"“{r.label}”" for r in rows) + "的项目负责人。")
        for r in rows:
            if not (r.attrs.get("unit") or r.attrs.get("person")):
                continue
            items.append(_project_item(ctx, r, responsible_unit=r.attrs.get("unit"), person=r.attrs.get("person")))
            parts.append(f"{project_phrase(r)}：" + (f"承担单位是{r.attrs['unit']}，" if r.attrs.get("unit") else "文件未列明承担单位，") +
                         (f"项目负责人是{r.attrs['person']}" if r.attrs.get("person") else "文件未列明项目负责人"))
        return Result(items, "；".join(parts) + "。" if parts else "", [], rows)
    if f.person is not None:  # 项目负责人是周燕的项目有哪些: that person's projects, with their amounts
        return person_projects(frame, ctx)
    rows, note, budgets = scoped_projects(frame, ctx)
    people: dict[str, list[Row]] = {}
    for r in rows:
        if r.attrs.get("person"):
            people.setdefault(r.attrs["person"], []).append(r)
    if not people:
        return Result()
    items = [Item(name, str(len(ps)), "个", ps[0].department, ps[0].year, None, {"projects": [p.label for p in ps]})
             for name, ps in people.items()]
    text = "；".join(f"{name}负责{len(ps)}个项目（" + "；".join(
        f"{who(d, y)}：" + "、".join(p.label for p in ps if (p.department, p.year) == (d, y))
        for d, y in dict.fromkeys((p.department, p.year) for p in ps)) + "）" for name, ps in people.items())
    return Result(items, with_note(text + "。", note), [], rows)


def subordinate_projects(frame: Frame, ctx: Context) -> Result:
    """Projects a department gives to other units to carry out (承担单位 other than itself)."""
    rows, note, budgets = scoped_projects(frame, ctx)
    others = [r for r in rows if r.attrs.get("unit") and r.attrs["unit"] != r.department]
    if not others:
        return Result(text="没有找到由下属预算单位承担的项目：图谱中这些项目的承担单位都是部门本身。")
    return Result([_project_item(ctx, r, responsible_unit=r.attrs["unit"]) for r in others],
                  "由其他单位承担的项目：" + "；".join(f"{project_phrase(r)}由{r.attrs['unit']}承担" for r in others) + "。",
                  [], others)


def unit_projects(frame: Frame, ctx: Context) -> Result:
    """The projects each named unit carries out (its 实施单位/承担单位 in the department's tables), with
    their amounts (and, in a 决算, what was spent of them)."""
    rows, note, budgets = scoped_projects(frame, ctx)
    if not budgets:
        return Result()
    items: list[Item] = []
    texts: list[str] = []
    found: list[Row] = []
    derived: list[D.Derived] = []
    for unit in frame.filters.units:
        mine = sorted((r for r in rows if r.attrs.get("unit") == unit.name), key=lambda r: -(r.amount or 0))
        if not mine:
            where = "、".join(dict.fromkeys(who(r.department, r.year) for r in rows)) or "图谱"
            named = _projects_naming_unit(rows, unit.name)
            if named:  # 给看守所安排了哪些项目, where the tables name no 承担单位: the projects whose names say it
                said = named[0][1]
                mine = sorted((r for r, _ in named), key=lambda r: -(r.amount or 0))
                items += [_project_item(ctx, r) for r in mine]
                texts.append(f"{where}的项目表没有写明由{unit.name}承担实施的项目；名称中提到“{said}”的项目有{len(mine)}个："
                             + "；".join(project_phrase(r) for r in mine))
                priced = [figure_input(r, r.label) for r in mine if r.amount is not None]
                if len(priced) > 1:
                    d = D.total(priced, f"名称中提到“{said}”的{len(priced)}个项目合计")
                    derived.append(d)
                    items.append(derived_item(d))
                    texts[-1] += f"；{d.formula}"
                found += mine
                continue
            texts.append(f"没有找到：{where}的项目中没有由{unit.name}承担实施的项目")
            continue
        where = "、".join(dict.fromkeys(who(r.department, r.year) for r in mine))
        items += [_project_item(ctx, r, responsible_unit=unit.name) for r in mine]
        texts.append(f"{unit.name}承担实施{len(mine)}个项目（{where}）：" + "；".join(project_phrase(r) for r in mine))
        priced = [figure_input(r, r.label) for r in mine if r.amount is not None]
        if len(priced) > 1:  # 各有几个项目、各多少钱: each unit's projects with their sum
            d = D.total(priced, f"{unit.name}的{len(priced)}个项目合计")
            derived.append(d)
            items.append(derived_item(d))
            texts[-1] += f"；{d.formula}"
        found += mine
    return Result(items, with_note("。".join(texts) + "。", note), derived, found)


def _projects_naming_unit(rows: list[Row], unit: str) -> list[tuple[Row, str]]:
    """The projects whose own name names a unit as people say it (泉州市看守所 → 女子看守所保障经费 says
    看守所): where a department's tables print no 承担单位, the name is the only link the document makes
    between a unit and its projects. The shortest form found is the one quoted back."""
    from nlp.execute.units import short_names
    forms = sorted(short_names(unit), key=len)
    out: list[tuple[Row, str]] = []
    for r in rows:
        if r.attrs.get("unit") and r.attrs["unit"] != r.department:
            continue  # a project whose table names another unit belongs to that unit, whatever its name says
        said = next((f for f in forms if f in r.label), None)
        if said:
            out.append((r, said))
    return out


def person_projects(frame: Frame, ctx: Context) -> Result:
    """A person's projects."""
    rows, note, _ = scoped_projects(frame, ctx)
    if not rows:
        return Result()
    rows = sorted(rows, key=lambda r: -(r.amount or 0))
    items = [_project_item(ctx, r, person=r.attrs.get("person")) for r in rows]
    items.append(Item("项目个数", str(len(rows)), "个"))
    total = amount_sum(rows)
    text = f"{frame.filters.person.name}是{len(rows)}个项目的负责人（合计{money(total)}万元）：" + \
        "；".join(project_phrase(r) for r in rows) + "。"
    return Result(items, text, [], rows)


def _zero() -> Decimal:
    return Decimal(0)
