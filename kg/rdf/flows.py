"""A budget's money as flows that conserve amounts: one pure function from a Record.

Why a plan before triples: the flows of a budget are a small balanced network (sources →
department → functional 类 → projects and shares), and whether it balances is a fact worth
checking on its own — so the network is computed here, checked here, and ``mapping.py`` only
writes it. Every amount is a printed figure (or the difference of two printed figures, named as
such); nothing is counted twice:

* **income**: each funding source → the department, the printed income by source.
  上级转移支付 is *part of* 一般公共预算拨款, so it flows into that source (``upper_level_transfer →
  general_public_budget``), never a second time into the department. 上年结转 flows as its
  fiscal / non-fiscal parts where printed, else as one ``carryover_total``.
* **expenditure**: department → each functional 类 (its 合计); 类 → 基本支出 (its 基本 column),
  类 → each project the tables place under the 类 (its functional code), 类 → the share of its
  项目 column no named project explains (``未细化到项目``). A named project printed without a
  subject (most carried-over ones) is placed under the 项 whose 项目 column it explains where the
  tables allow — the 项's project money less the projects printed under it is matched exactly by
  one and only one grouping of the unplaced projects (``place_by_items``; the flow names the 项,
  ``item``); the others draw from one ``未细化到科目`` share. Where the classification table
  covers a narrower scope than the whole budget (一般公共预算 only), the rest is an explicit
  ``outside_scope`` share from the department.
  A 决算's 年末结转和结余 and 结余分配 are shares of their own (支出总计 = 本年支出 + 年末结转和结余
  + 结余分配). Where the 说明 states a 单位预留机动经费, the part of each 类 its 基本 and 项目
  columns leave (total − 基本 − 项目) flows to the ``预留机动经费`` share.
  A 类 printed in several blocks of one table (a 汇总 budget's table, one block per unit) is one
  flow: the blocks' sum.
* **conservation** (``Check`` objects, rule ``flow_conservation``): inflow of the department =
  income total; outflow = expenditure total; the projects without a subject do not exceed the
  project money the 类 leave for them (the rest flows on to ``未细化到项目``) together with the
  ``outside_scope`` money the classification table does not cover.
  A gap is a finding like any arithmetic check — exact, so a rounding cent is one too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.model import Check, FunctionalSubject, NarrativeFigure, Provenance, Record
from kg.extract.project_aggregates import AGGREGATE

ZERO = Decimal(0)
ROUNDING = Decimal("0.01")

# income sources that flow straight into the department (upper_level_transfer is inside gpb)
DIRECT_SOURCES = ("general_public_budget", "government_fund", "state_capital", "fiscal_special_account",
                  "unit_funds")
CARRYOVER_PARTS = ("carryover_fiscal", "carryover_nonfiscal")

# the scopes a classification table may cover, tried in this order against Σ 类
SCOPE_TOTALS = (("all_funds", "expenditure_total"), ("current_year", "current_year_expenditure"),
                ("fiscal", "fiscal_total"), ("general_public_budget", "general_public_budget"))

# share nodes (inside the document): key -> Chinese label
SHARES = {"basic": "基本支出", "unassigned_subject": "未细化到科目", "unassigned_project": "未细化到项目",
          "outside_scope": "未按功能科目列示的资金", "carryover_year_end": "年末结转和结余",
          "surplus_distribution": "结余分配", "reserve": "预留机动经费"}


@dataclass(frozen=True)
class Node:
    """One end of a flow: ``kind`` is source | department | subject | project | share; ``key`` the
    funding-source key, the subject code, the project's index in ``record.projects`` or the share key."""

    kind: str
    key: str


@dataclass(frozen=True)
class PlannedFlow:
    key: str  # stable, unique inside the document (its IRI part)
    kind: str  # income | transfer | carryover | subject | basic | project | unassigned | outside_scope | carryover_year_end | surplus_distribution | reserve
    source: Node
    target: Node
    amount: Decimal  # in the record's unit
    funding: str | None = None  # funding-source key, where the flow is one source's money
    provenance: Provenance | None = None
    item: str | None = None  # the 项 a project without a printed subject was placed under (place_by_items)


@dataclass
class FlowPlan:
    flows: list[PlannedFlow] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    scope: str | None = None  # the scope of the functional table (SCOPE_TOTALS keys), None unknown

    def total(self, source: Node | None = None, target: Node | None = None) -> Decimal:
        return sum((f.amount for f in self.flows
                    if (source is None or f.source == source) and (target is None or f.target == target)), ZERO)


DEPARTMENT = Node("department", "")


def _sum_money(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, ZERO) if known else None


def level1_subjects(record: Record) -> list[FunctionalSubject]:
    """The 类 of the functional table, one per code: a code printed in several blocks (a 汇总
    budget's table, one block per unit) is the sum of its blocks, with the first block's place."""
    by_code: dict[str, list[FunctionalSubject]] = {}
    for s in record.functional_subjects:
        if s.level == 1 and s.total is not None:
            by_code.setdefault(s.code, []).append(s)
    out = []
    for code, blocks in by_code.items():
        first = blocks[0]
        if len(blocks) == 1:
            out.append(first)
            continue
        out.append(FunctionalSubject(code, first.name, _sum_money([b.total for b in blocks]),
                                     _sum_money([b.basic for b in blocks]), _sum_money([b.project for b in blocks]),
                                     first.provenance))
    return out


def reserve_fact(record: Record) -> NarrativeFigure | None:
    """The first statement of the 单位预留机动经费 the 说明 makes for this budget (Jiangsu: spending
    is 基本 + 项目 + 单位预留机动经费), or ``None`` where it states none."""
    return next((f for f in record.narrative if f.topic == "expenditure" and f.key == "reserve" and f.value
                 and f.period in (None, "current")), None)


def stated_reserve(record: Record) -> Decimal | None:
    """The 单位预留机动经费 the 说明 states for this budget (``None`` where it states none)."""
    fact = reserve_fact(record)
    return fact.value if fact is not None else None


def functional_scope(record: Record) -> str | None:
    """Which funds the functional-classification table covers, read from the figures: the scope
    whose printed total equals Σ 类 合计 (江苏省政协's 公开07表 sums to 财政拨款, not 支出总计)."""
    level1 = [s.total for s in level1_subjects(record)]
    if not level1:
        return None
    total = sum(level1, ZERO)
    tolerance = ROUNDING * len(level1)  # each printed 类 may be rounded by one unit of the last place
    for exact in (True, False):
        for scope, key in SCOPE_TOTALS:
            printed = getattr(record.totals, key)
            if printed is not None and (printed == total if exact else abs(printed - total) <= tolerance):
                return scope
    return None


# how many partial groupings place_by_items tries before it gives up (the tables then do not allow)
PLACEMENT_SEARCH_LIMIT = 20000


def item_residuals(record: Record) -> dict[str, Decimal]:
    """Each 项's project money that the projects printed under it leave unexplained (> 0 only).

    A 项 printed in several blocks (a 汇总 budget's table) counts as the sum of its blocks."""
    printed: dict[str, Decimal] = {}
    for s in record.functional_subjects:
        if s.level == 3 and s.code and s.project is not None:  # projects name 项 by code only
            printed[s.code] = printed.get(s.code, ZERO) + s.project
    for p in record.projects:
        if p.amount is not None and p.functional_code in printed:
            printed[p.functional_code] -= p.amount
    return {code: v for code, v in printed.items() if v > 0}


def place_by_items(record: Record, unplaced: list[int]) -> dict[int, str]:
    """The 项 of each project printed without a subject, where the tables allow it.

    Why exact and unique: a placement is a claim the document does not print, so it is made only
    when the 项 project columns force it — every unplaced project falls into some 项, each 项
    that receives projects is filled to the cent, and no other grouping does the same. Otherwise
    (two groupings, none, or a search too large) nothing is placed and the projects stay under
    ``未细化到科目``."""
    bins = item_residuals(record)
    order = sorted((i for i in unplaced if record.projects[i].amount and record.projects[i].amount > 0),
                   key=lambda i: (-record.projects[i].amount, i))
    if not bins or not order or len(order) != len(unplaced):
        return {}
    codes = sorted(bins)
    left = dict(bins)
    touched: dict[str, int] = {}
    choice: dict[int, str] = {}
    found: list[dict[int, str]] = []
    budget = [PLACEMENT_SEARCH_LIMIT]
    suffix = [ZERO] * (len(order) + 1)
    for k in range(len(order) - 1, -1, -1):
        suffix[k] = suffix[k + 1] + record.projects[order[k]].amount

    def search(k: int) -> None:
        if len(found) > 1 or budget[0] <= 0:
            return
        budget[0] -= 1
        if sum((left[c] for c in touched), ZERO) > suffix[k]:
            return  # the 项 already opened need more than the projects still to place
        if k == len(order):
            if all(left[c] == 0 for c in touched):
                found.append(dict(choice))
            return
        i = order[k]
        amount = record.projects[i].amount
        for code in codes:
            if left[code] >= amount:
                left[code] -= amount
                touched[code] = touched.get(code, 0) + 1
                choice[i] = code
                search(k + 1)
                del choice[i]
                touched[code] -= 1
                if not touched[code]:
                    del touched[code]
                left[code] += amount

    search(0)
    return found[0] if len(found) == 1 and budget[0] > 0 else {}


def plan_flows(record: Record) -> FlowPlan:
    plan = FlowPlan()
    if not record.department:
        return plan
    _income(record, plan)
    _expenditure(record, plan)
    _conservation(record, plan)
    return plan


def _add(plan: FlowPlan, key: str, kind: str, source: Node, target: Node, amount: Decimal | None,
         funding: str | None = None, prov: Provenance | None = None, item: str | None = None) -> None:
    if amount is None or amount == 0:
        return
    plan.flows.append(PlannedFlow(key, kind, source, target, amount, funding, prov, item))


def _income(record: Record, plan: FlowPlan) -> None:
    t = record.totals
    for key in DIRECT_SOURCES:
        _add(plan, f"income/{key}", "income", Node("source", key), DEPARTMENT, getattr(t, key, None), key,
             t.provenance.get(key))
    if t.upper_level_transfer:
        _add(plan, "income/upper_level_transfer", "transfer", Node("source", "upper_level_transfer"),
             Node("source", "general_public_budget"), t.upper_level_transfer, "upper_level_transfer",
             t.provenance.get("upper_level_transfer"))
    if _carryover_inside_sources(t):
        return  # 重庆: 一般公共预算资金 18,417.70 holds the 865.06 carried over; no second inflow of it
    parts = [getattr(t, k) for k in CARRYOVER_PARTS]
    if any(p is not None for p in parts):
        for key in CARRYOVER_PARTS:
            _add(plan, f"income/{key}", "carryover", Node("source", key), DEPARTMENT, getattr(t, key), key,
                 t.provenance.get(key))
    else:
        _add(plan, "income/carryover_total", "carryover", Node("source", "carryover_total"), DEPARTMENT,
             t.carryover_total, "carryover_total", t.provenance.get("carryover_total"))


def _carryover_inside_sources(t) -> bool:
    """Whether the carry-over is already inside the income sources' lines: a summary table whose
    sources alone make its 收入总计 (重庆 表一: 一般公共预算资金 18,417.70 + 事业收入 812.48 = 19,230.18, the
    18,417.70 being 本年 17,552.65 + 上年结转 865.06 by its 财政拨款收支总表) prints no carry-over beside
    them, so the carry-over read elsewhere is no inflow of its own."""
    carried = [getattr(t, k) for k in (*CARRYOVER_PARTS, "carryover_total") if getattr(t, k, None)]
    sources = [getattr(t, k, None) for k in DIRECT_SOURCES]
    known = [v for v in sources if v is not None]
    if not carried or t.income_total is None or not known:
        return False
    return abs(sum(known, ZERO) - t.income_total) <= ROUNDING * len(known)


def _expenditure(record: Record, plan: FlowPlan) -> None:
    t = record.totals
    classes = level1_subjects(record)
    plan.scope = functional_scope(record)
    reserve = stated_reserve(record)
    placed: dict[str, list[int]] = {}
    unplaced: list[int] = []
    class_codes = {s.code for s in classes}
    for i, p in enumerate(record.projects):
        if p.amount is None or p.category == AGGREGATE:
            continue  # a 专项 as a whole: its money is its projects' (kg.extract.project_aggregates)
        code = (p.functional_code or "")[:3]
        (placed.setdefault(code, []) if code in class_codes else unplaced).append(i)
    items = {i: code for i, code in place_by_items(record, unplaced).items() if code[:3] in class_codes}
    for i in items:
        placed.setdefault(items[i][:3], []).append(i)
    unplaced = [i for i in unplaced if i not in items]
    unassigned = Node("share", "unassigned_subject")
    for s in classes:
        subject = Node("subject", s.code)
        _add(plan, f"subject/{s.code}", "subject", DEPARTMENT, subject, s.total, prov=s.provenance)
        _add(plan, f"subject/{s.code}/basic", "basic", subject, Node("share", "basic"), s.basic, prov=s.provenance)
        named = ZERO
        for i in placed.get(s.code, []):
            p = record.projects[i]
            named += p.amount
            _add(plan, f"project/{i}", "project", subject, Node("project", str(i)), p.amount, p.funding_source,
                 p.provenance[0] if p.provenance else None, items.get(i))
        if reserve and s.basic is not None and s.project is not None and s.total > s.basic + s.project:
            _add(plan, f"subject/{s.code}/reserve", "reserve", subject, Node("share", "reserve"),
                 s.total - s.basic - s.project, prov=s.provenance)
        rest = (s.project if s.project is not None else (s.total - (s.basic or ZERO))) - named
        if s.basic is None and s.project is None:
            rest = ZERO  # a table without 基本/项目 columns says nothing about the rest
        if rest > 0 and unplaced:
            _add(plan, f"subject/{s.code}/unassigned", "unassigned", subject, unassigned, rest, prov=s.provenance)
        elif rest > 0:
            _add(plan, f"subject/{s.code}/unassigned_project", "unassigned", subject,
                 Node("share", "unassigned_project"), rest, prov=s.provenance)
    if not classes:  # no classification table: the department funds its projects directly
        _add(plan, "basic", "basic", DEPARTMENT, Node("share", "basic"), t.basic_expenditure,
             prov=t.provenance.get("basic_expenditure"))
        if unplaced:
            _add(plan, "unassigned", "unassigned", DEPARTMENT, unassigned,
                 sum((record.projects[i].amount for i in unplaced), ZERO))
    for i in unplaced:
        p = record.projects[i]
        _add(plan, f"project/{i}", "project", unassigned, Node("project", str(i)), p.amount, p.funding_source,
             p.provenance[0] if p.provenance else None)
    rest = plan.total(target=unassigned) - plan.total(source=unassigned)
    if rest > 0 and classes:  # the subjects' project money no named project explains
        _add(plan, "unassigned/rest", "unassigned", unassigned, Node("share", "unassigned_project"), rest)
    # 决算: 支出总计 = 本年支出 + 年末结转和结余 + 结余分配
    if plan.scope != "all_funds":
        for key in ("carryover_year_end", "surplus_distribution"):
            _add(plan, key, key, DEPARTMENT, Node("share", key), getattr(t, key), prov=t.provenance.get(key))
    if classes and plan.scope not in (None, "all_funds", "current_year") and t.expenditure_total is not None:
        covered = sum((s.total for s in classes), ZERO) + (t.carryover_year_end or ZERO) + \
            (t.surplus_distribution or ZERO)
        _add(plan, "outside_scope", "outside_scope", DEPARTMENT, Node("share", "outside_scope"),
             t.expenditure_total - covered, prov=t.provenance.get("expenditure_total"))


def _conservation(record: Record, plan: FlowPlan) -> None:
    t = record.totals
    name = record.department

    def check(where: str, expected: Decimal, printed: Decimal | None, key: str | None) -> None:
        ok = printed is not None and expected == printed
        plan.checks.append(Check("flow_conservation", where, expected, printed, ok,
                                 t.provenance.get(key) if key else None))

    inflow = plan.total(target=DEPARTMENT)
    if t.income_total is not None and inflow:
        check(f"{name} 资金流入合计 = 收入总计", inflow, t.income_total, "income_total")
    outflow = plan.total(source=DEPARTMENT)
    if t.expenditure_total is not None and outflow:
        check(f"{name} 资金流出合计 = 支出总计", outflow, t.expenditure_total, "expenditure_total")
    unassigned = Node("share", "unassigned_subject")
    into, out = plan.total(target=unassigned), plan.total(source=unassigned)
    # money the classification table does not cover (一般公共预算 only: 单位资金, 上年结转) may fund
    # projects too — 西安市审计局 2026's 审计专项补助经费 1,000,000 (单位资金) and its 结转 981,827.50
    into += plan.total(target=Node("share", "outside_scope"))
    columns = any(s.basic is not None or s.project is not None for s in level1_subjects(record))
    if out > into and columns:  # the named projects without a subject exceed the money left for them
        check(f"{name} 未细化到科目 项目合计 ≤ 科目项目支出余额", out, into, None)
