#!/usr/bin/env python3
"""Conservation of every budget in some folders: a table, one row per budget, held or reported.

    python bench/conservation.py ../shared/corpus ../shared/realdocs ../shared/national [--jobs 2]

Each folder is extracted by the real pipeline (budgets combined as ``budgetkg ingest`` combines
them), each record's money network planned (``kg/rdf/flows.py``) and its ``flow_conservation``
checks printed: 守恒 (every check holds), 有缺口 (each gap with the flows' sum and the printed figure)
or 无资金流 (no totals to balance). Prints figures; asserts nothing (``tests/test_conservation_report.py``
holds the expected rows).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.analytics.budget_conservation import STATUS_LABELS, BudgetConservation, conservation_report  # noqa: E402


def _money(value) -> str:
    return "—" if value is None else f"{value:,.2f}"


def format_table(rows: list[BudgetConservation]) -> str:
    """The report as text: one line per budget, then one indented line per gap, then the counts."""
    lines = [f"{'部门':<22} {'年度':>4} {'类型':<6} {'流入':>14} {'收入总计':>14} {'流出':>14} {'支出总计':>14}  结论"]
    for r in rows:
        lines.append(f"{(r.department or r.source)[:22]:<22} {r.year or '—':>4} {(r.kind or '—'):<6} "
                     f"{_money(r.inflow):>14} {_money(r.income_total):>14} {_money(r.outflow):>14} "
                     f"{_money(r.expenditure_total):>14}  {STATUS_LABELS[r.status]}")
        for gap in r.gaps:
            lines.append(f"    {gap.where}: 资金流 {_money(gap.expected)}，印 {_money(gap.printed)}，"
                         f"差 {_money(gap.difference)}")
    counts = Counter(r.status for r in rows)
    lines.append("合计 " + "，".join(f"{STATUS_LABELS[k]} {counts[k]}" for k in STATUS_LABELS) + f"，共 {len(rows)} 个预算")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    from kg.extract.pipeline import extract_paths

    records = []
    for folder in args.folders:
        found, failures = extract_paths([str(folder)], jobs=args.jobs)
        for failure in failures:
            print(f"未能读取: {failure}", file=sys.stderr)
        records.extend(found)
    print(format_table(conservation_report(records)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
