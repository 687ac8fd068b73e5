"""Merge the projects read from every section into one entry per project (name + amount).

The readers append one ``Project`` per section that names a project: 表7 rows (current year,
with the functional code), 表11 rows (carry-over; often only a code such as ``特定目标
5010003T``), the 项目说明 blocks, the 上年结转结余 list and each 项目支出绩效目标表. Here they
become one entry each:

* the 表7 row is the canonical entry; a 项目说明 block joins the current entry with the same name
  (or the same amount and a similar name);
* a performance table states the current year's budget, so it joins a current entry with the same
  amount and a related name, else the only current entry with that amount (the table may name the
  project quite differently), else one with the same name;
* a 上年结转结余 item joins the 表11 row with the same name, else the one with the same amount;
* two projects can share a name (机关运行补助经费 57.00 current and 30.00 carried over): the
  amount and the category keep them apart.

Where two places print one project with different amounts (西安市审计局 2026: 审计专项补助经费 1,000,000.00元
in 表10, 198.18万元 in its 绩效目标表), the entry keeps the first place's amount and the merge reports
both places (``AmountPlaces``) for the check that compares them (``kg.extract.project_amount_checks``).

The other names go to ``aliases``; a name that opens with a 文号 and ends with the project's
own name in brackets (``昌州财建【2024】126号…（…建设项目）``) also gets that bracketed name.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.model import Project, Provenance, Record
from kg.extract.narrative.policy import dedupe

_NUMBER_LEAD_RE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔【\[［(（]\d{4}[〕】\]］)）]第?\d+号")
_TAIL_PAREN_RE = re.compile(r"[（(]([^（）()]{4,})[)）]$")
_CODE_NAME_RE = re.compile(r"^(?:特定目标|项目代码|项目编码)?\s*[0-9A-Za-z]{6,}$")
# a project the year's table names as carried over: 审计专项补助经费（结转）, …（上年结转资金）
_CARRIED_NAME_RE = re.compile(r"[（(](?:上年|以前年度)?结转(?:资金|项目|经费)?[)）]$")


def _kind(project: Project) -> str:
    """Which section a project entry comes from: table7, table11, narrative, carryover, performance."""
    label = project.provenance[0].table if project.provenance and project.provenance[0].table else ""
    if "绩效目标表" in label or label.endswith("绩效表"):  # 绩效目标表, 浙江's 项目支出绩效表
        return "performance"
    if project.category == "carryover":
        if label.startswith("表") or project.project_code or _CODE_NAME_RE.match(project.name or ""):
            return "table11"
        return "carryover"
    if "说明" in label or (not label and project.functional_code is None):
        return "narrative"
    return "table7"


def _norm(name: str | None) -> str:
    return re.sub(r"[\s“”\"'《》〈〉（）()【】〔〕\[\]、，,。]", "", name or "")


def name_similarity(a: str | None, b: str | None) -> float:
    """1.0 for the same name; containment of a 4+ character name scores 0.9; else difflib."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    if min(len(x), len(y)) >= 4 and (x in y or y in x):
        return 0.9
    return difflib.SequenceMatcher(None, x, y).ratio()


def _best_name(project: Project, candidates: list[Project]) -> float:
    return max(name_similarity(n, m) for n in project.all_names() for c in candidates for m in c.all_names())


@dataclass(frozen=True)
class AmountPlaces:
    """One project printed with two amounts: the amount the entry keeps and where, the other and
    where (money in the record's unit)."""

    project: Project
    kept: Decimal
    kept_at: Provenance | None
    other: Decimal
    other_at: Provenance | None


def _absorb(target: Project, other: Project, disagreements: list[AmountPlaces] | None = None) -> None:
    """Fold ``other`` (the same project, another section) into ``target``; two different amounts
    are reported to ``disagreements``."""
    if disagreements is not None and target.amount is not None and other.amount is not None \
            and target.amount != other.amount:
        disagreements.append(AmountPlaces(target, target.amount, target.provenance[0] if target.provenance else None,
                                          other.amount, other.provenance[0] if other.provenance else None))
    for name in other.all_names():
        if name and _norm(name) != _norm(target.name) and all(_norm(name) != _norm(a) for a in target.aliases):
            target.aliases.append(name)
    if target.amount is None:
        target.amount = other.amount
    from kg.extract.project_cells import GOAL_LABEL

    if target.description and other.description and GOAL_LABEL in (target.description + other.description) \
            and other.description not in target.description and target.description not in other.description:
        # what the narrative says the money is for and the table's 绩效目标 are both the project's
        first, second = sorted((target.description, other.description), key=lambda d: d.startswith(GOAL_LABEL))
        target.description = first.rstrip("。") + "。" + second
    for attr in ("category", "functional_code", "funding_source", "responsible_unit", "supervising_department",
                 "responsible_person",
                 "description", "execution_period", "project_code", "executed", "execution_rate",
                 "self_evaluation_score", "initial_budget", "funds"):
        if getattr(target, attr) is None and getattr(other, attr) is not None:
            setattr(target, attr, getattr(other, attr))
    if not target.indicators:
        target.indicators = list(other.indicators)
    target.policy_documents = dedupe(target.policy_documents + other.policy_documents)
    target.provenance.extend(other.provenance)


def _similarity(project: Project, other: Project) -> float:
    return max(name_similarity(n, m) for n in project.all_names() for m in other.all_names())


def _by_name_and_amount(project: Project, pool: list[Project]) -> Project | None:
    """The entry with the same amount and a related name (the most similar one)."""
    same_amount = [c for c in pool if project.amount is not None and c.amount == project.amount]
    scored = sorted(((_similarity(project, c), i, c) for i, c in enumerate(same_amount)), key=lambda t: (-t[0], t[1]))
    return scored[0][2] if scored and scored[0][0] >= 0.5 else None


def _by_name(project: Project, pool: list[Project]) -> Project | None:
    """The only entry with the same name, else the only one with a very similar name."""
    exact = [c for c in pool if any(_norm(n) == _norm(m) for n in project.all_names() for m in c.all_names())]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    close = [c for c in pool if _similarity(project, c) >= 0.8]
    return close[0] if len(close) == 1 else None


def _match(project: Project, pool: list[Project], by_amount_alone: bool) -> Project | None:
    """The entry of ``pool`` that is the same project: name and amount, then the fallbacks."""
    hit = _by_name_and_amount(project, pool)
    if hit is not None:
        return hit
    same_amount = [c for c in pool if project.amount is not None and c.amount == project.amount]
    if by_amount_alone and len(same_amount) == 1:
        return same_amount[0]
    return _by_name(project, pool)


def _match_performance(project: Project, current: list[Project], carried: list[Project]) -> Project | None:
    """A performance table's project: the current entry with its amount and a related name, a
    carried-over one likewise, the only current entry with its amount (the table may name the
    project quite differently), then by name alone."""
    for step in (lambda: _by_name_and_amount(project, current), lambda: _by_name_and_amount(project, carried)):
        hit = step()
        if hit is not None:
            return hit
    same_amount = [c for c in current if project.amount is not None and c.amount == project.amount]
    if len(same_amount) == 1:
        return same_amount[0]
    return _by_name(project, current) or _by_name(project, carried)


def _bracket_alias(project: Project) -> None:
    """``昌州财建【2024】143号关于…的通知（昌吉州管控尺度PM2.5精准溯源项目）`` -> alias the bracketed name."""
    if not _NUMBER_LEAD_RE.match(project.name or ""):
        return
    m = _TAIL_PAREN_RE.search(project.name)
    if m and all(_norm(m.group(1)) != _norm(a) for a in project.aliases):
        project.aliases.append(m.group(1))


def _funding(project: Project, record: Record, in_budget_table: bool) -> None:
    """Funding source where no section stated it: from the category, the transfer total, and the
    table the project is a row of (表7 lists 一般公共预算 projects); else it stays unknown."""
    if project.funding_source is not None:
        return
    if project.funds is not None and project.funds.only_source() == "carryover":
        # paid whole by the carry-over column of its table (深圳 表5's 上年结余、结转): fiscal or not as the
        # department's carry-over is all one or the other; else it stays unknown
        nonfiscal, fiscal = record.totals.carryover_nonfiscal, record.totals.carryover_fiscal
        project.funding_source = "carryover_fiscal" if nonfiscal == 0 and fiscal else \
            "carryover_nonfiscal" if fiscal == 0 and nonfiscal else None
        return
    if project.category == "unit_funds":
        project.funding_source = "unit_funds"
    elif project.category == "current":
        transfer = record.totals.upper_level_transfer
        name = project.name or ""
        paid_down = re.search(r"对(?:区|县|下级?|市县|各区|区县)[^，。]{0,8}转移支付", name)  # 市对区专项转移支付: money paid out
        if (re.search(r"提前下达|转移支付|上级.{0,8}资金|中央.{0,12}资金", name) and not paid_down) or (
                transfer and transfer > Decimal(0) and project.amount == transfer):
            project.funding_source = "upper_level_transfer"
        elif in_budget_table:
            project.funding_source = "general_public_budget"


def _carried_by_name(project: Project, record: Record) -> None:
    """A project whose printed name says it is carried over (西安市审计局 2026 表10: 审计专项补助经费（结转）
    beside 审计专项补助经费) is last year's money spent again, whichever table lists it: a carry-over
    project, fiscal or not as the department's carry-over is all one or the other (else unknown)."""
    if project.category not in (None, "current") or not _CARRIED_NAME_RE.search(project.name or ""):
        return
    project.category = "carryover"
    if project.funding_source is None:
        nonfiscal, fiscal = record.totals.carryover_nonfiscal, record.totals.carryover_fiscal
        project.funding_source = "carryover_fiscal" if not nonfiscal and fiscal else \
            "carryover_nonfiscal" if not fiscal and nonfiscal else None


def _categorise_unmatched(projects: list[Project], record: Record) -> None:
    """Category of projects known only from a performance table.

    A table funded only by 其他资金 is a 单位资金 project. Where no current section names the
    others, the carry-over totals decide: performance tables whose budgets add up exactly to
    财政拨款结转 (or one equal to 非财政拨款结转结余) are the carried-over projects the year
    spends again; the rest are current.
    """
    totals = record.totals
    fiscal = [p for p in projects if p.category != "unit_funds" and p.amount is not None]
    nonfiscal_total = totals.carryover_nonfiscal
    nonfiscal = [p for p in fiscal if nonfiscal_total and p.amount == nonfiscal_total]
    if len(nonfiscal) == 1:
        rest = [p for p in fiscal if p is not nonfiscal[0]]
        if totals.carryover_fiscal and sum((p.amount for p in rest), Decimal(0)) == totals.carryover_fiscal:
            nonfiscal[0].category, nonfiscal[0].funding_source = "carryover", "carryover_nonfiscal"
            fiscal = rest
    if fiscal and totals.carryover_fiscal and sum((p.amount for p in fiscal), Decimal(0)) == totals.carryover_fiscal:
        for p in fiscal:
            p.category, p.funding_source = "carryover", "carryover_fiscal"
    for p in projects:
        p.category = p.category or "current"


def _same_printed(a: Project, b: Project) -> bool:
    """Two readings of one printed project: same name, amount and 实施单位."""
    return a.name == b.name and a.amount == b.amount and a.responsible_unit == b.responsible_unit


def merge_projects(record: Record) -> list[AmountPlaces]:
    """Replace ``record.projects`` by one entry per project (see the module docstring); returns the
    projects two places print with different amounts."""
    disagreements: list[AmountPlaces] = []
    groups: dict[str, list[Project]] = {k: [] for k in ("table7", "table11", "narrative", "carryover", "performance")}
    for project in record.projects:
        groups[_kind(project)].append(project)
    current: list[Project] = list(groups["table7"])
    from_table7 = {id(p) for p in current}
    for project in current:
        project.category = project.category or "current"
    for project in groups["narrative"]:
        hit = _match(project, current, by_amount_alone=False)
        if hit is not None:
            _absorb(hit, project, disagreements)
        else:
            project.category = project.category or "current"
            current.append(project)
    carried: list[Project] = []
    table11 = list(groups["table11"])
    for project in groups["carryover"]:
        hit = _match(project, table11, by_amount_alone=True)
        if hit is not None:
            table11.remove(hit)
            keep_name = project.name
            _absorb(project, hit, disagreements)
            project.aliases = [a for a in project.aliases if not _CODE_NAME_RE.match(a)]
            project.name = keep_name
            # the narrative's stated 财政/非财政 split, where it decided, outranks a text table
            # whose columns had to be guessed
            project.funding_source = project.funding_source or hit.funding_source
        carried.append(project)
    carried.extend(table11)
    unmatched: list[Project] = []
    for project in groups["performance"]:
        pool = [c for c in current if c.category in (None, "current", "unit_funds")]
        hit = _match_performance(project, pool, carried)
        if hit is not None:
            _absorb(hit, project, disagreements)
            if project.category == "unit_funds" and hit.category is None:
                hit.category = "unit_funds"
        else:
            twin = next((u for u in unmatched if _same_printed(u, project)), None)
            if twin is not None:  # one 绩效目标表 printed twice (福州市民政局 2026's 26th table = its 1st)
                _absorb(twin, project)
            else:
                unmatched.append(project)
    _categorise_unmatched(unmatched, record)
    merged = current + unmatched + carried
    for project in merged:
        if not project.responsible_unit:
            project.responsible_unit = record.department
        _bracket_alias(project)
        _carried_by_name(project, record)
        _funding(project, record, id(project) in from_table7)
        project.policy_documents = dedupe(project.policy_documents)
    record.projects = merged
    return disagreements
