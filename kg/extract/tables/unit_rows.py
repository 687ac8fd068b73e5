"""The department's rows of a subject table printed unit by unit: one row per code.

Why: a table of one kind of funds by subject (一般公共预算支出表 by 功能 or 经济分类) may list its subjects
once per budget unit — 西安 表5/表6 under a ``125001 西安市安全生产监督管理局`` row for each unit, 北京
预算05表 in two unlabelled blocks — so one code is printed several times, each time one unit's part.
Kept as they are, those rows are several figures for the one department-level subject (the graph's
observation of that subject and column took two to four amounts). The department's figure is their
sum, and the table's own 合计 row says whether that reading is the right one:

* the top-level rows (类 where the table prints 类, else the shortest codes it prints) all counted
  add up to the 合计 → each code's rows are summed column by column (exactly, Decimal), the
  provenance the first printing's with the row marked as a sum of the units' rows;
* the rows counted once per distinct printing add up to it → the repeats are the same rows printed
  again (after a page break) and are dropped;
* neither (or no 合计 printed: 长春's two subjects printed under one code) → the rows stay as printed,
  said in a warning, and the graph gives each its own observation (``kg.rdf.mapping._row_keys``:
  ``code~2``) — never two figures on one node.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace
from decimal import Decimal
from typing import Sequence, TypeVar

from kg.extract.model import EconomicSubject, FunctionalSubject, Record

Subject = TypeVar("Subject", FunctionalSubject, EconomicSubject)
ZERO = Decimal(0)


def _money_fields(subject) -> list[str]:
    return [f.name for f in fields(subject) if f.name in ("total", "basic", "project", "personnel", "public")]


def _figures(subject) -> tuple:
    return tuple(getattr(subject, name) for name in _money_fields(subject))


def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return b if a is None else a if b is None else a + b


def _summed(rows: list[Subject]) -> Subject:
    """One code's rows as one: each money column the sum of the rows that print it."""
    first = rows[0]
    values = {name: None for name in _money_fields(first)}
    for row in rows:
        for name in values:
            values[name] = _add(values[name], getattr(row, name))
    prov = first.provenance
    if prov is not None:
        prov = replace(prov, row=f"{first.code}（{len(rows)}个单位之和）")
    merged = replace(first, provenance=prov, **values)
    if isinstance(first, EconomicSubject):
        merged.government = [g for row in rows for g in row.government]
    return merged


def _key(s: Subject) -> str:
    """A row's subject: its code, or a code-less row's path and name (``公共安全支出/监狱/行政运行``)."""
    return s.code or "/".join((*getattr(s, "path", ()), s.name))


def _depth(s: Subject) -> int:
    """How deep a row stands: its code's length; a code-less row below every coded one."""
    return len(s.code) if s.code else 8 + len(getattr(s, "path", ()))


def department_rows(subjects: Sequence[Subject], printed_total: Decimal | None, record: Record,
                    table_label: str) -> list[Subject]:
    """``subjects`` with every code once (see the module's docstring); unchanged where no code repeats."""
    counts = Counter(_key(s) for s in subjects)
    if not subjects or max(counts.values()) == 1:
        return list(subjects)
    top = min(_depth(s) for s in subjects)
    tops = [s for s in subjects if _depth(s) == top]
    all_sum = sum((s.total or ZERO for s in tops), ZERO)
    distinct = list({(_key(s), _figures(s)): s for s in tops}.values())
    distinct_sum = sum((s.total or ZERO for s in distinct), ZERO)
    out: list[Subject] = []
    seen: set[str] = set()
    if printed_total is not None and all_sum == printed_total:
        for s in subjects:
            if _key(s) not in seen:
                seen.add(_key(s))
                out.append(_summed([r for r in subjects if _key(r) == _key(s)]) if counts[_key(s)] > 1 else s)
        return out
    if printed_total is not None and distinct_sum == printed_total:
        keys: set[tuple] = set()
        for s in subjects:
            key = (_key(s), _figures(s))
            if key not in keys:
                keys.add(key)
                out.append(s)
        if max(Counter(_key(s) for s in out).values()) == 1:
            return out
    repeated = sorted(code for code, n in counts.items() if n > 1)
    record.warnings.append(f"{table_label}: codes printed more than once whose rows do not add up to the table's "
                           f"合计 kept as printed, each row its own: {', '.join(repeated)}")
    return list(subjects)
