"""Rows printed with a misprinted subject code (``7 | 11 | 02 事业单位医疗`` under ``210 11``).

Such a row is neither dropped nor corrected silently: it is placed where its printed 款/项 digits
and its parent's sum put it, and the misprint becomes a finding (a failed ``code_misprint``
check: the parent's printed total against what its children add up to without the row).

A row is placed only when both agree: its last two printed groups extend the nearest 款 row
above (``11`` = that 款's last two digits), and the parent's printed total equals the sum of its
children with the row included. Anything else stays unplaced (and out of the record).
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import Check
from kg.extract.tables.rows import Row


def _total(row: Row) -> Decimal | None:
    """The row's 合计: placed where the columns are resolved, else its first printed figure (a
    classification row's 合计 is never blank and comes first)."""
    return row.get("total") if row.values else next((f for f in row.figures if f is not None), None)


def place_misprinted_codes(rows: list[Row], table_label: str, file: str) -> list[Check]:
    """Give each placeable misprinted row its code (in place); one failed check per placed row."""
    findings: list[Check] = []
    for index, row in enumerate(rows):
        groups = row.extra.get("code_groups")
        if row.code or not groups or len(groups) < 3 or any(len(g) != 2 for g in groups[-2:]):
            continue
        parent = next((r for r in reversed(rows[:index]) if r.code and len(r.code) == 5), None)
        if parent is None or parent.code[3:] != groups[-2]:
            continue
        code = parent.code + groups[-1]
        if any(r.code == code for r in rows):
            continue
        siblings = [r for r in rows if r.code and len(r.code) == 7 and r.code.startswith(parent.code)]
        parent_total, own = _total(parent), _total(row)
        if parent_total is None or own is None:
            continue
        without = sum((_total(r) or Decimal(0) for r in siblings), Decimal(0))
        if without + own != parent_total:
            continue
        row.code = code
        row.extra["printed_code"] = " ".join(groups)
        findings.append(Check("code_misprint", f"{table_label} {code} {row.name}：科目编码印为“{' '.join(groups)}”",
                              parent_total, without, False, row.provenance(file, table_label)))
    return findings
