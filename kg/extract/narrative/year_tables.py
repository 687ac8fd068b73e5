"""The small year-on-year tables a 说明 prints beside its text (年度 | 总收入支出 | 专项业务费 | 基本支出, one
row a year and a 变化 row), checked as the table itself promises: each year's parts add up to its
total, and the 变化 row is the later year less the earlier one, column by column.

Where one year's sum and one column's change both fail, the cell where that row and that column
cross is the one misprinted when both identities give it the same figure (2022年专项业务费 印1535.82:
1899.9 − 183.93 = 1715.97, and 1290.47 + 425.5 = 1715.97): that cell is a finding of its own, its
expected figure with both workings.

Rules (ids as the records print them):

* ``year_table_sum``     对比表分项之和等于总数: a year's parts against its total column.
* ``year_table_change``  对比表变化等于两年之差: the 变化/增减 row against later − earlier.
* ``year_table_cell``    对比表单元格: the one cell both failing identities point to.

The table is recognised by its shape (its first column years and a change row, one column whose
heading says 总/合计), whatever its title; its figures are read in the unit printed above it (万元
where none is), the checks keep the record's unit.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kg.extract.model import Check, Provenance, Record
from kg.extract.rules import CENT, precision, register_checks, register_rule
from kg.extract.source import Line
from kg.extract.text_normalize import without_spaces
from kg.units import convert
from kg.extract.narrative.item_tables import unit_before

register_rule("year_table_sum", "对比表分项之和等于总数", "a year's parts in a 说明's year-on-year table against its total")
register_rule("year_table_change", "对比表变化等于两年之差", "the 变化 row of a year-on-year table against later − earlier")
register_rule("year_table_cell", "对比表单元格", "the cell where a failing year's sum and a failing column's change cross")

_YEAR = re.compile(r"^((?:19|20)\d{2})年?度?$")
_CHANGE = re.compile(r"^(?:变化|增减|增减额|增减变化|变动|变动额|差额|增减情况)$")
_TOTAL = re.compile(r"总|合计")
# the word the checks' ``where`` names the table by (its kind, not its caption, which may be printed apart)
TABLE_WORD = "对比表"


def _number(cell: str | None) -> Decimal | None:
    text = re.sub(r"[,，\s]", "", cell or "").replace("＋", "+").replace("－", "-").replace("−", "-")
    if not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", text):
        return None
    try:
        return Decimal(text.lstrip("+"))
    except InvalidOperation:
        return None


def _tables(lines: list[Line]) -> list[list[int]]:
    tables: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.cells is not None and line.table is not None:
            tables.setdefault(line.table, []).append(i)
    return list(tables.values())


def _half_units(values: list[Decimal]) -> Decimal:
    """What the printed roundings of ``values`` may add up to (half a unit of each one's last place)."""
    return sum((precision(v) / 2 for v in values), Decimal(0))


def _check(rule: str, where: str, expected: Decimal, printed: Decimal, tolerance: Decimal, note: str,
           prov: Provenance, unit: str, record_unit: str) -> Check:
    to = record_unit or "万元"
    return Check(rule=rule, where=where, expected=convert(expected, unit, to), printed=convert(printed, unit, to),
                 ok=abs(expected - printed) <= tolerance, provenance=prov, tolerance=convert(max(tolerance, CENT), unit, to),
                 note=note)


def _m(value: Decimal) -> str:
    return f"{value:f}"


def table_checks(lines: list[Line], file: str, record_unit: str) -> list[Check]:
    """The checks of every year-on-year table among ``lines`` (see the module docstring)."""
    out: list[Check] = []
    for rows in _tables(lines):
        header = [without_spaces(c or "") for c in lines[rows[0]].cells]
        totals = [k for k, h in enumerate(header) if k and _TOTAL.search(h)]
        if len(header) < 4 or len(totals) != 1:
            continue
        total = totals[0]
        parts = [k for k in range(1, len(header)) if k != total and header[k]]
        years: dict[int, tuple[int, list[Decimal | None]]] = {}
        change: tuple[int, list[Decimal | None]] | None = None
        for i in rows[1:]:
            cells = [without_spaces(c or "") for c in lines[i].cells]
            if len(cells) != len(header):
                continue
            figures = [_number(c) for c in cells]
            m = _YEAR.match(cells[0])
            if m:
                years[int(m.group(1))] = (i, figures)
            elif _CHANGE.match(cells[0]):
                change = (i, figures)
        if len(years) < 2 or len(parts) < 2:
            continue
        unit = unit_before(lines, rows[0])
        failed_rows: dict[int, Check] = {}
        for year, (i, figures) in sorted(years.items()):
            values = [figures[k] for k in parts]
            if figures[total] is None or any(v is None for v in values):
                continue
            line = lines[i]
            prov = Provenance(file=file, page=line.page, line=line.lineno, table=None, row=f"{year}")
            said = " + ".join(f"{header[k]}{_m(figures[k])}" for k in parts)
            check = _check("year_table_sum", f"说明 {TABLE_WORD} {year}年{header[total]}", sum(values, Decimal(0)),
                           figures[total], _half_units(values + [figures[total]]), said, prov, unit, record_unit)
            out.append(check)
            if not check.ok:
                failed_rows[year] = check
        if change is None:
            continue
        earlier, later = sorted(years)[-2:]
        ci, changes = change
        failed_columns: dict[int, Check] = {}
        for k in [total] + parts:
            a, b, said = years[earlier][1][k], years[later][1][k], changes[k]
            if a is None or b is None or said is None:
                continue
            line = lines[ci]
            prov = Provenance(file=file, page=line.page, line=line.lineno, table=None, row=header[k])
            check = _check("year_table_change", f"说明 {TABLE_WORD} {header[k]}变化", b - a, said,
                           _half_units([a, b, said]), f"{later}年{_m(b)} − {earlier}年{_m(a)}", prov, unit, record_unit)
            out.append(check)
            if not check.ok:
                failed_columns[k] = check
        out += _misprinted_cells(failed_rows, failed_columns, years, change[1], header, total, parts,
                                 (earlier, later), lines, file, unit, record_unit)
    return out


def _misprinted_cells(failed_rows: dict[int, Check], failed_columns: dict[int, Check], years, changes, header,
                      total: int, parts: list[int], pair: tuple[int, int], lines: list[Line], file: str,
                      unit: str, record_unit: str) -> list[Check]:
    """The cell of a failing year's row and a failing part column, where the row's other figures and
    the column's other year with its change give it one figure (within the printed roundings)."""
    out: list[Check] = []
    earlier, later = pair
    for year in failed_rows:
        if year not in pair:
            continue
        i, figures = years[year]
        for k in failed_columns:
            if k == total:
                continue
            by_row = figures[total] - sum((figures[p] for p in parts if p != k), Decimal(0))
            other = years[earlier if year == later else later][1][k]
            by_change = other + changes[k] if year == later else other - changes[k]
            inputs = [figures[total], other, changes[k]] + [figures[p] for p in parts if p != k]
            if abs(by_row - by_change) > _half_units(inputs) + CENT:
                continue
            line = lines[i]
            rest = "".join(f" − {header[p]}{_m(figures[p])}" for p in parts if p != k)
            note = (f"{header[total]}{_m(figures[total])}{rest} = {_m(by_row)}；"
                    f"{earlier if year == later else later}年{_m(other)} {'+' if year == later else '−'} "
                    f"变化{_m(changes[k])} = {_m(by_change)}")
            prov = Provenance(file=file, page=line.page, line=line.lineno, table=None, row=f"{year}")
            out.append(_check("year_table_cell", f"说明 {TABLE_WORD} {year}年{header[k]}", by_row, figures[k],
                              _half_units(inputs), note, prov, unit, record_unit))
    return out


@register_checks("narrative.year_tables", "说明中的年度对比表")
def year_table_checks(parts, record: Record) -> list[Check]:
    """Every year-on-year table of the document's 说明 (see the module docstring)."""
    doc = getattr(parts, "doc", None)
    if doc is None:
        return []
    return table_checks(list(doc.lines), record.source, record.unit or "万元")
