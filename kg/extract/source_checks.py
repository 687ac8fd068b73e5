"""Project money by source against the department's money of that source.

A project table printing each project's money by source (广东 表12: 财政拨款 合计 | 一般公共预算 |
政府性基金预算 | 国有资本经营预算 | 财政专户拨款 | 其他资金) promises that the projects paid by one
source spend no more than the department has of it: this year's income of that kind (表1/表4) and,
where printed, that kind's 上年结转结余 (``CARRYOVER_BY_SOURCE``). Why a check of its own: 珠海市商务局
2026 prints 政府性基金预算 0.00 in 表1, 表4 and 表9 while two projects of 表12 (超长期特别国债 money, 19.10 +
78.70) are paid from 政府性基金预算 — the two figures are both printed, and only the carry-over, which
the document prints as one line, can reconcile them. The finding keeps both figures.

Severity: ``notice`` where the projects' excess fits in a 上年结转结余 the document does not split by
kind (the money may be that kind's carry-over, no table says so); ``material`` where even the whole
carry-over (or the kind's own printed carry-over) cannot cover it.
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import CARRYOVER_BY_SOURCE, Check, Record
from kg.extract.rules import register_checks, register_rule

ZERO = Decimal(0)
RULE = "project_sources_within_income"
register_rule(RULE, "项目按资金来源不超过该来源资金",
              "the projects a project table shows paid by one source (一般公共预算, 政府性基金, 国有资本经营) "
              "against the department's income of that source plus that source's 上年结转结余")

# the sources a project table splits 财政拨款 into (``ProjectFunds`` keys, which are ``Totals`` keys too)
SOURCES = {"general_public_budget": "一般公共预算", "government_fund": "政府性基金预算",
           "state_capital": "国有资本经营预算"}


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


@register_checks("tables.sources", "项目资金来源")
def project_source_checks(parts, record: Record) -> list[Check]:
    """One check per source that the projects print a column for and the department a total of.
    The excesses of all sources together are set against the carry-over not split by kind: money
    carried over pays each project once."""
    t = record.totals
    unit = record.unit or "万元"
    out: list[Check] = []
    excesses: list[tuple[Check, Decimal, str, Decimal, Decimal, Decimal | None]] = []
    for source, label in SOURCES.items():
        paid = [p for p in record.projects if p.funds is not None and getattr(p.funds, source) is not None]
        income = getattr(t, source)
        if not paid or income is None:
            continue
        spent = sum((getattr(p.funds, source) for p in paid), ZERO)
        kind_carried = getattr(t, CARRYOVER_BY_SOURCE[source])
        available = income + (kind_carried or ZERO)
        first = next((p for p in paid if getattr(p.funds, source)), paid[0])
        where = f"项目{label}合计 ≤ 部门{label}收入" + ("＋其上年结转" if kind_carried is not None else "")
        check = Check(RULE, where, available, spent, spent <= available,
                      first.provenance[0] if first.provenance else None)
        out.append(check)
        if not check.ok:
            excesses.append((check, spent - available, label, income, spent, kind_carried))
    carried = t.carryover_total
    unsplit = sum((e for _, e, _, _, _, kind in excesses if kind is None), ZERO)
    for check, excess, label, income, spent, kind_carried in excesses:
        within = kind_carried is None and carried is not None and unsplit <= carried
        check.severity = "notice" if within else "material"
        source_where = t.provenance.get(next(k for k, v in SOURCES.items() if v == label))
        key = next(k for k, v in SOURCES.items() if v == label)
        named = [p for p in record.projects if p.funds is not None and getattr(p.funds, key)]
        # a few projects make the excess: named, so a reader sees which money the tables miss
        which = "（" + "、".join(f"{p.name}{_money(getattr(p.funds, key))}" for p in named) + "）" \
            if 0 < len(named) <= 4 else ""
        check.note = (f"项目表中{label}安排的项目合计{_money(spent)}{unit}{which}，部门{label}收入"
                      f"{_money(income)}{unit}（{source_where.table if source_where else '收支总表'}）"
                      + (f"，上年结转其{label}{_money(kind_carried)}{unit}" if kind_carried is not None else "")
                      + f"，差额{_money(excess)}{unit}"
                      + (f"，在未按资金性质列示的上年结转结余{_money(carried)}{unit}之内，或为上年结转的{label}资金"
                         if within else "，超出可用资金"))
    return out
