"""A 三公 table printed by unit: each budget unit's 三公 figures as printed.

Why: some templates print the 一般公共预算“三公”经费预算表 with a 单位名称 column (杭州, 湖州 表7: a
合计 row, then the department's own row and one row per budget unit — 杭州市司法局 17.00, 杭州市东郊
监狱 89.60 …). The department's figures are the 合计 row (``three_public_grid.read_grid``); the unit
rows are the only place the document says how the 三公 money is split among its units, so each is
kept as a ``UnitThreePublic`` under the keys ``totals.three_public`` uses (total, overseas,
reception, vehicles, vehicle_purchase, vehicle_operation), and the table's promise — the units'
rows add up to its 合计, column by column — is returned as identities for the table's checks.

A table is by unit where the header of its label column names the unit (单位名称, 单位编码, 预算单位):
a table of one row per year (深圳 2025年 | 2026年) or per phase (预算数 | 决算数) is not.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kg.extract.grid import cell_text
from kg.extract.model import THREE_PUBLIC_PARTS, Provenance, Record, UnitThreePublic
from kg.extract.source import Line
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.tables.contracts import Identity
from kg.extract.tables.income import OWN_UNIT_RE
from kg.extract.text_normalize import compact_name, is_money, parse_money

# the header of a label column that lists units (单位名称, 单位编码, 预算单位名称)
_UNIT_HEADER_RE = re.compile(r"单位(?:名称|编码|代码)|预算单位")
_SUM_RE = re.compile(r"^(?:合计|总计)$")
_YEAR_RE = re.compile(r"20\d\d年度?")
ZERO = Decimal(0)


def is_by_unit(layout, paths: list[tuple[str, ...]]) -> bool:
    """True where the table's label column is headed by a unit word (单位名称 …)."""
    return any(layout.role(col) == "label" and any(_UNIT_HEADER_RE.search(compact_name(p)) for p in path)
               for col, path in enumerate(paths))


def _label(line: Line) -> str:
    """The row's name: its first cell that is text, not a figure."""
    for cell in line.cells or ():
        text = compact_name(cell_text(cell)) if cell else ""
        if text and not is_money(text):
            return text
    return ""


def read_units(table, record: Record, layout, paths: list[tuple[str, ...]], rows: list[Line],
               columns: dict[str, int], before: dict[str, int] | None = None,
               change: dict[str, int] | None = None) -> list[Identity]:
    """The unit rows of a 三公 table by unit into ``record.unit_three_public`` (record unit, a blank
    cell no figure), and the identities Σ units = 合计 for every column (printed figures). ``columns``
    maps each key of ``totals.three_public`` (the 三公 parts, and 会议费 / 培训费 / their 合计 where the
    table prints them) to the column the department's figure was read from; ``before`` and
    ``change`` the same keys to the columns of the year before and of the 增减 (西安 表13), read into
    each unit's ``previous`` and ``change`` and checked: Σ units = 合计 for them too, and each
    unit's figure less its year before is its printed change (``previous_year_change``).
    Nothing where the table is not by unit, or lists the department's own row alone."""
    from kg.names.department import canonical_key

    if record.unit_three_public or not is_by_unit(layout, paths):
        return []
    total_line = next((line for line in rows if _SUM_RE.match(_label(line))), None)
    own_key = canonical_key(record.department) if record.department else None
    unit = printed_unit(table, record)

    def printed(line: Line, col: int) -> Decimal | None:
        cells = list(line.cells or ())
        text = cell_text(cells[col]) if col < len(cells) and cells[col] else ""
        return parse_money(text) if text and is_money(text) else None

    def where(line: Line, row: str) -> Provenance:
        return Provenance(file=record.source, page=line.page, line=line.lineno, table=table.label, row=row, unit=unit)

    if any(_YEAR_RE.fullmatch(compact_name(cell_text(c))) for line in rows for c in line.cells or () if c):
        return []  # a row per year (深圳 预算单位 | 年度: 2025年 | 2026年 | 增减变化金额): one unit's years, no units
    before, change = before or {}, change or {}
    totals = {key: printed(total_line, col) for key, col in columns.items()} if total_line is not None else {}
    found: list[tuple[str, bool, dict[str, Decimal], Line]] = []
    # the 合计's figures of every group (this year, the year before, the change), to recognise the
    # department's sum line printed again as a row of its own name
    groups = {**{("now", k): c for k, c in columns.items()}, **{("before", k): c for k, c in before.items()},
              **{("change", k): c for k, c in change.items()}}
    for line in rows:
        name = _label(line)
        if not name or line is total_line or _SUM_RE.match(name):
            continue
        figures = {key: value for key, col in columns.items() if (value := printed(line, col)) is not None}
        if not figures:
            continue
        figures = {**figures, **{g: value for g, col in groups.items() if g[0] != "now"
                                  and (value := printed(line, col)) is not None}}
        own = bool(OWN_UNIT_RE.search(name)) or (own_key is not None and canonical_key(name) == own_key)
        found.append((name, own, figures, line))
    if total_line is not None:
        totals.update({g: printed(total_line, col) for g, col in groups.items() if g[0] != "now"})
    found = _without_sum_line(found, totals)
    if not found or (len(found) == 1 and found[0][1]):
        return []

    def group(figures: dict, name: str) -> dict[str, Decimal]:
        return {k[1]: in_record_unit(v, table, record) for k, v in figures.items()
                if isinstance(k, tuple) and k[0] == name}

    record.unit_three_public = [
        UnitThreePublic(name=name, own=own, provenance=where(line, name),
                        parts={k: in_record_unit(v, table, record) for k, v in figures.items() if isinstance(k, str)},
                        previous=group(figures, "before"), change=group(figures, "change"))
        for name, own, figures, line in found]
    identities = []
    for name, _own, figures, line in found:  # each unit: this year less the year before = its printed change
        for key, col in change.items():
            now, then, delta = figures.get(key), figures.get(("before", key)), figures.get(("change", key))
            if delta is None and (now is None or then is None):
                continue
            header = "/".join(paths[col])
            identities.append(Identity("previous_year_change", f"{table.label} {name} {header}（本年数减上年数）",
                                       (now or ZERO) - (then or ZERO), delta, where(line, f"{name}/{header}")))
    if total_line is None:
        return identities
    for key, col in [*columns.items(), *groups.items()]:
        if isinstance(key, tuple) and key[0] == "now":
            continue
        if totals.get(key) is None and not any(key in f[2] for f in found):
            continue
        header = "/".join(paths[col])
        identities.append(Identity("children_sum", f"{table.label} 合计 {header}（各单位之和）",
                                   sum((f[2].get(key, ZERO) for f in found), ZERO), totals.get(key),
                                   replace(where(total_line, "合计"), row=f"合计/{header}")))
    return identities


def _without_sum_line(found: list, totals: dict[str, Decimal | None]) -> list:
    """The rows without the department's sum line printed once more as a row of its own name (西安
    ``125 西安市安全生产监督管理局`` above ``125001 西安市安全生产监督管理局``; its figures the 合计's): an own
    row equal to the 合计 is that line where another own row follows it, or where another unit
    prints some figure (the 合计 cannot then be the own row alone)."""
    printed = {k: v for k, v in totals.items() if v is not None}
    if not printed:
        return found
    own = [f for f in found if f[1]]
    others_spend = any(v for f in found if not f[1] for v in f[2].values())
    out = []
    for f in found:
        later_own = f[1] and own.index(f) < len(own) - 1
        if f[1] and f[2] == printed and (later_own or others_spend):
            continue
        out.append(f)
    return out
