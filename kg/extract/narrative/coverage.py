"""预算绩效目标设置情况说明: how much of the budget is under performance-target management.

The 说明 states it in one clause per scope, worded differently by every province:

* the projects: ``本部门共7个项目纳入绩效目标管理，涉及财政性资金合计339.5万元`` (Suzhou, Wuxi),
  ``项目均实行绩效目标管理，共计7个一级项目，涉及资金1266.75万元`` (Zhejiang),
  ``全面实施绩效目标管理，涉及一级预算项目6个，预算资金3056.57万元`` (Shandong),
  ``对项目支出全面实施绩效目标管理，涉及预算拨款39,560.87万元`` (a count not stated),
  ``共0个项目实行绩效目标管理，涉及财政性资金合计0万元`` (0 stated as 0),
  ``编报绩效目标的项目共25个，涉及项目预算资金11381.60万元`` (Shanghai);
* the department as a whole: ``实行整体支出绩效目标管理，涉及财政性资金合计37188.34万元``,
  ``绩效目标管理全覆盖，涉及当年一般公共预算拨款4005.29万元``,
  ``纳入2026年部门整体支出绩效目标的金额为1935.36万元``.

A clause is read where it names 绩效目标 with a word of coverage (实行, 实施, 纳入, 全覆盖, 编报) and
states a count or an amount; the scope is ``projects`` where 项目 is named before 绩效目标 (and not
整体), else ``department``. Prose that only mentions the practice (a 职能 list, a self-evaluation's
``绩效目标管理有待提高``) states neither and is left alone.
"""
from __future__ import annotations

import re

from kg.extract.model import PerformanceCoverage
from kg.extract.narrative.text import make_span, money, prov
from kg.extract.source import Line
from kg.extract.rules import register_checks, register_rule
from kg.units import convert

register_rule("coverage_amount", "绩效覆盖金额等于项目支出",
              "a performance coverage said to be 100% of the project spending against the 项目支出 total")

_CLAUSE_RE = re.compile(r"[^。；;]+")
_COVER_RE = re.compile(r"(?:实行|实施|纳入|全覆盖|编报)")
_COUNT_RE = re.compile(r"(?:共计?|涉及)?(\d+)个(?:一级)?(?:预算)?项目|项目(?:共|共计)?(\d+)个")
_AMOUNT_RE = re.compile(r"(?:涉及|金额为|预算资金|资金合计)[^\d，,。；;]{0,16}?(\d[\d,]*(?:\.\d+)?)(万元|元)")


def read_coverage(lines: list[Line], file: str, unit: str | None) -> list[PerformanceCoverage]:
    """Every stated coverage, in the order printed, the amount in the record's ``unit`` (exactly);
    one per scope (the first statement of each: a later one restates it)."""
    span = make_span(lines)
    out: list[PerformanceCoverage] = []
    for m in _CLAUSE_RE.finditer(span.text):
        clause = m.group(0)
        at = clause.find("绩效目标")
        if at < 0 or not _COVER_RE.search(clause):
            continue
        count_m = _COUNT_RE.search(clause)
        amount_m = _AMOUNT_RE.search(clause)
        if amount_m is None and count_m is None:
            continue
        head = clause[:at]
        scope = "projects" if ("项目" in head and "整体" not in head) or (count_m and "整体" not in head) \
            else "department"
        if any(c.scope == scope for c in out):
            continue
        count = int(next(g for g in count_m.groups() if g is not None)) if count_m else None
        amount = None
        if amount_m is not None:
            value = money(amount_m.group(1))
            amount = convert(value, amount_m.group(2), unit or "万元") if value is not None else None
        where = span.line_at(m.start() + at)
        out.append(PerformanceCoverage(scope=scope, projects=count, amount=amount, text=clause,
                                       provenance=prov(file, where, None, "绩效目标管理")))
    out += _evaluations(span, file, unit)
    return out


# a 决算's evaluations of its projects (the central template's ``全面开展绩效自评，其中，一级项目7个、二级
# 项目16个，共涉及资金5105.75万元`` and ``…等3个项目开展了部门评价，涉及一般公共预算支出1639.34万元``)
_SELF_EVALUATION_RE = re.compile(r"绩效自评|自评工作")
_DEPARTMENT_EVALUATION_RE = re.compile(r"(\d+)个项目(?:开展|进行)了?(?:部门|重点|第三方)?(?:绩效)?评价")
# the levels counted either way round: 一级项目7个 (central) or 等82个一级项目的绩效自评结果 (西安)
_LEVEL_RE = re.compile(r"(一|二)级项目(\d+)个|(\d+)个(一|二)级项目")
_EVALUATED_AMOUNT_RE = re.compile(r"涉及[^\d，,。；;]{0,12}?(\d[\d,]*(?:\.\d+)?)(万元|元)")
# the evaluated projects counted as a whole (佛山: 对7个一般公共预算项目支出开展绩效自评)
_SELF_COUNT_RE = re.compile(r"(\d+)个[^，,。；;\d]{0,12}?项目(?:支出)?开展了?绩效自评")
# the share of a total the evaluated money is said to be (占部门预算项目支出总额的65.9%)
_EVALUATED_SHARE_RE = re.compile(r"^[，,]?占[^，,。；;%％\d]{0,30}?(\d+(?:\.\d+)?)[%％]")


def _levels(clause: str) -> dict[str, int]:
    """The projects counted by level in a clause: {"一": 7, "二": 16}."""
    out: dict[str, int] = {}
    for level, n, n2, level2 in _LEVEL_RE.findall(clause):
        out.setdefault(level or level2, int(n or n2))
    return out


def _evaluations(span, file: str, unit: str | None) -> list[PerformanceCoverage]:
    """The 决算's statements of how many projects it evaluated and their money: one per kind (the
    first statement of each)."""
    out: list[PerformanceCoverage] = []
    for m in re.finditer(r"[^。]+", span.text):
        clause = m.group(0)
        levels = _levels(clause)
        counted = _DEPARTMENT_EVALUATION_RE.search(clause)
        if counted and not any(c.scope == "department_evaluation" for c in out):
            scope, count = "department_evaluation", int(counted.group(1))
            tail = clause[counted.end():]
        elif _SELF_EVALUATION_RE.search(clause) and levels and not any(c.scope == "self_evaluation" for c in out):
            # 一级 and 二级 overlap (a 二级 project is part of an 一级 one): a count only where printed whole
            whole = _SELF_COUNT_RE.search(clause)
            scope, count = "self_evaluation", int(whole.group(1)) if whole else None
            tail = clause
        else:
            continue
        amount_m = _EVALUATED_AMOUNT_RE.search(tail)
        amount = share = None
        if amount_m is not None:
            value = money(amount_m.group(1))
            amount = convert(value, amount_m.group(2), unit or "万元") if value is not None else None
            share_m = _EVALUATED_SHARE_RE.search(tail[amount_m.end():])
            share = money(share_m.group(1)) if share_m else None
        where = span.line_at(m.start() + (counted.start() if scope == "department_evaluation" else 0))
        out.append(PerformanceCoverage(scope=scope, projects=count, amount=amount, text=clause.strip(),
                                       provenance=prov(file, where, None, "绩效评价"),
                                       first_level=levels.get("一") if scope == "self_evaluation" else None,
                                       second_level=levels.get("二") if scope == "self_evaluation" else None,
                                       share=share,
                                       named=_named_projects(clause[:counted.start()]) if scope == "department_evaluation" else []))
    return out


def _named_projects(head: str) -> list[str]:
    """The projects a 部门评价 statement names before its count, each quoted (“信息化运行维护费”（一级项目）、…):
    as printed, once each."""
    return list(dict.fromkeys(n.strip() for n in re.findall(r"[“\"]([^”\"]{2,60})[”\"]", head) if n.strip()))


# --- the check: a coverage said to be the whole of the project spending -------------------------------
# ``共涉及资金940.15万元，占一般公共预算项目支出总额的100%``: the amount, then the share of a total of projects
_WHOLE_SHARE_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(万元|元)[，,]?占(?P<base>[^，,。；;%％]{0,24}?项目支出[^，,。；;%％]{0,6}?)"
                             r"的?(?P<pct>\d+(?:\.\d+)?)[%％]")
_SCOPE_NAMES = {"self_evaluation": "绩效自评涉及资金", "department_evaluation": "重点绩效评价涉及资金",
                "projects": "绩效目标管理涉及资金", "department": "整体支出绩效目标涉及资金"}


@register_checks("narrative.coverage", "绩效管理覆盖金额")
def coverage_checks(parts, record) -> list:
    """coverage_amount: a coverage the 说明 says is 100% of the project spending (佛山 2019 决算 p.28: 7个项目
    开展绩效自评，共涉及资金940.15万元，占一般公共预算项目支出总额的100%, where the 决算 spends 921.75 on
    projects) against the record's 项目支出. A statement of one fund's projects (一般公共预算项目支出) may cover
    less than every fund's projects, never more: only an amount above the total is a finding there;
    a statement of all projects must equal it. A 决算's evaluations may be of the projects' 全年预算数, more
    than was spent: an amount above the 决算数 there is a notice, not a material finding."""
    from kg.extract.model import Check

    total = record.totals.project_expenditure
    if total is None:
        return []
    final = (record.kind or "").endswith("决算")
    out = []
    for coverage in record.performance_coverage:
        if coverage.amount is None or not coverage.text:
            continue
        m = _WHOLE_SHARE_RE.search(coverage.text)
        if m is None or money(m.group("pct")) != 100:
            continue
        stated = money(m.group(1))
        if stated is None or convert(stated, m.group(2), record.unit or "万元") != coverage.amount:
            continue  # the 100% is said of another amount of the clause (政府性基金's 0万元 … 0%)
        one_fund = re.search(r"一般公共预算|政府性基金|国有资本", m.group("base")) is not None
        ok = coverage.amount == total if not one_fund else coverage.amount <= total
        source = record.totals.provenance.get("project_expenditure")
        against = source.table if source is not None and source.table else "项目支出"
        name = _SCOPE_NAMES.get(coverage.scope, "绩效管理涉及资金")
        check = Check("coverage_amount", f"说明 {name} vs {against} 项目支出", total, coverage.amount, ok,
                      coverage.provenance, note=f"说明称{coverage.amount}占{m.group('base')}的100%，项目支出{total}")
        if not ok and final and coverage.amount > total:
            # a 决算's evaluations may count the projects' 全年预算数 (the central template does), more than
            # was spent: told, not graded as a wrong figure
            check.severity = "notice"
            check.note += "（决算的自评资金可能按项目全年预算数计，与项目支出决算数口径不同）"
        out.append(check)
    return out
