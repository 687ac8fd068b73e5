"""One project, two printed amounts: the places that print a project's money must agree.

A project is printed in several places — a project table, the 说明, its 绩效目标表 — and each place
states the same measure, the year's money for the project. The merge (``kg.extract.merge``) makes one
entry of them and keeps the first place's amount; where another place prints a different one, that
is a finding about the document naming both places, never silently dropped. Why a check of its own:
西安市审计局 2026 prints 审计专项补助经费 1,000,000.00元 in 表10 and 198.18万元 in its 绩效目标表 (表14, and
表15's task line) — the difference is the row 表10 prints beside it, 审计专项补助经费（结转） 981,827.50元.

Severity: two figures equal once printed in the coarser unit (0.01万元) agree; a difference that a
carried-over row of the same project (its name with 结转) makes up is a ``notice`` (the other place
counts the carry-over in); any other difference is ``material``.
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.merge import AmountPlaces, name_similarity
from kg.extract.model import Check, Project, Provenance, Record
from kg.extract.rules import register_checks, register_rule
from kg.units import convert

RULE = "project_amount_places"
register_rule(RULE, "同一项目各处金额一致",
              "a project's amount printed in two places (project table, 说明, 绩效目标表) against each other")

_CARRYOVER_WORD = "结转"


def _place(at: Provenance | None) -> str:
    """A place as people read it: 表10（第32页）."""
    if at is None:
        return "未注明位置"
    page = f"（第{at.page}页）" if at.page else (f"（第{at.line}行）" if at.line else "")
    return f"{at.table or '说明'}{page}"


def _money(value: Decimal, unit: str) -> str:
    return f"{value:,.2f}{unit}"


def _carried_sibling(project: Project, gap: Decimal, projects: list[Project], tolerance: Decimal) -> Project | None:
    """The carried-over row of the same project (its name with 结转, 审计专项补助经费（结转）) whose
    amount is the gap between the two places."""
    for other in projects:
        if other is project or other.amount is None or _CARRYOVER_WORD not in (other.name or ""):
            continue
        base = (other.name or "").replace(_CARRYOVER_WORD, "")
        if name_similarity(base, project.name) >= 0.9 and abs(other.amount - gap) <= tolerance:
            return other
    return None


def amount_check(places: AmountPlaces, record: Record) -> Check:
    """The check for one project printed with two amounts."""
    unit = record.unit or "万元"
    tolerance = convert(Decimal("0.01"), "万元", unit) if unit in ("元", "千元", "万元") else Decimal("0.01")
    gap = places.other - places.kept
    project = places.project
    ok = abs(gap) <= tolerance
    where = f"项目“{project.name}” {_place(places.kept_at)} 与 {_place(places.other_at)}"
    check = Check(RULE, where, places.other, places.kept, ok, places.kept_at, tolerance=tolerance)
    if ok:
        return check
    note = (f"项目“{project.name}”在{_place(places.kept_at)}列{_money(places.kept, unit)}，"
            f"在{_place(places.other_at)}列{_money(places.other, unit)}，相差{_money(abs(gap), unit)}")
    sibling = _carried_sibling(project, gap, record.projects, tolerance) if gap > 0 else None
    if sibling is not None:
        check.severity = "notice"
        where_sibling = _place(sibling.provenance[0] if sibling.provenance else None)
        note += (f"；{where_sibling}另列“{sibling.name}”{_money(sibling.amount, unit)}，两者之和与"
                 f"{_place(places.other_at)}相符，该处金额含上年结转")
    else:
        check.severity = "material"
    check.note = note
    return check


@register_checks("projects.places", "项目金额各处一致")
def project_amount_checks(parts, record: Record) -> list[Check]:
    """One check per project two places print with different amounts (the merge found them)."""
    return [amount_check(places, record) for places in getattr(parts, "project_amounts", [])]
