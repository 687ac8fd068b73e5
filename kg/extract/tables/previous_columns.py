"""A subject row's year before, where its table prints it in columns beside the row's own figures.

Some templates print, beside each functional row of a spending table, last year's figure and the
change (中央部门 部门公开表5 一般公共预算支出表: ``2025年执行数`` | ``扣除中央基建投资后执行数`` |
``2026年预算数`` 小计/基本/项目 | ``扣除中央基建投资后预算数`` | ``增减额`` | ``增减(%)`` twice). The
columns are found by what their headers say, never by position or by file:

* a *previous* column: a figure column whose header names the year before (``2025年``, ``上年``)
  and a phase (执行数, 预算数, 决算数) — its kind ``上年执行数`` / ``上年预算`` / ``上年决算``;
* a *change* column: a header of 增减 / 增加额 / 变动 (the amount, a figure column) or the same with
  ``%`` / 率 / 幅 (the rate, a ratio column);
* a *qualifier*: ``扣除X后`` / ``（扣除X）`` on any header of a column pairs a previous column with the
  current column and the change columns carrying the same qualifier; unqualified ones pair with
  the row's 合计.

Each row gets one ``PreviousFigure`` per previous column; ``previous_checks`` recomputes the
printed 增减额 (current − previous) and 增减(%) (÷ previous) of every pair.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.extract.grid import GridColumn, analyse
from kg.extract.model import Check, FunctionalSubject, PreviousFigure, Record
from kg.extract.rules import CENT, precision, register_checks, register_rule
from kg.extract.text_normalize import parse_money

register_rule("previous_year_change", "本年数减上年数等于所列增减额",
              "a subject table's printed 增减额 against its current column minus its previous-year column")
register_rule("previous_year_rate", "所列增减率等于增减额除以上年数",
              "a subject table's printed 增减(%) against its change over its previous-year column")

_YEAR_RE = re.compile(r"(20\d\d)\s*年")
_CHANGE_RE = re.compile(r"增减|增加额|减少额|变动|变化")
_RATE_RE = re.compile(r"[%％]|率|幅")
_CARRIED_RE = re.compile(r"结转|结余")
_QUALIFIER_RE = re.compile(r"扣除(.+?)(?:后|[)）]|$)")
# the phase a previous column holds, by the word its header prints, as ``ChangeStatement.baseline_kind``
_PREVIOUS_KINDS = ((r"执行", "上年执行数"), (r"决算", "上年决算"), (r"预算", "上年预算"))


@dataclass(frozen=True)
class _Column:
    index: int
    qualifier: str | None


@dataclass(frozen=True)
class _PreviousColumn(_Column):
    kind: str
    year: int


def _qualifier(column: GridColumn) -> str | None:
    """What the column's figures leave out (``扣除中央基建投资后执行数`` → ``中央基建投资``)."""
    for text in column.path:
        m = _QUALIFIER_RE.search(text)
        if m and m.group(1):
            return m.group(1)
    return None


def _previous_kind(column: GridColumn, year: int) -> tuple[str, int] | None:
    """The kind and year of a column holding the year before, else None: its headers name that
    year (``2025年执行数`` in a 2026 budget) or ``上年``, and a phase word, and no change."""
    if any(_CHANGE_RE.search(text) or "比" in text or _CARRIED_RE.search(text) for text in column.path):
        return None  # a change, or money carried over from the year before (上年结转): not its figure
    said = None
    for text in column.path:
        years = [int(y) for y in _YEAR_RE.findall(text)]
        if years == [year - 1] or (not years and text.startswith("上年")):
            said = text
    if said is None:
        return None
    words = "".join(column.path)
    for pattern, kind in _PREVIOUS_KINDS:
        if re.search(pattern, words):
            return kind, year - 1
    return None


def _layout_columns(table, year: int):
    """The table's previous, qualified-current and change columns (empty where it prints none)."""
    layout = analyse(table.lines)
    if layout is None:
        return [], {}, [], []
    previous: list[_PreviousColumn] = []
    current: dict[str, int] = {}
    changes: list[_Column] = []
    rates: list[_Column] = []
    for column in layout.columns:
        if column.role not in ("figure", "ratio"):
            continue
        qualifier = _qualifier(column)
        if any(_CHANGE_RE.search(text) for text in column.path):
            rate = column.role == "ratio" or _RATE_RE.search(column.leaf)
            (rates if rate else changes).append(_Column(column.index, qualifier))
            continue
        found = _previous_kind(column, year) if column.role == "figure" else None
        if found is not None:
            previous.append(_PreviousColumn(column.index, qualifier, found[0], found[1]))
        elif qualifier and column.role == "figure":
            current.setdefault(qualifier, column.index)
    return previous, current, changes, rates


def _cell(row, index: int) -> str:
    line = row.lines[0] if row.lines else None
    cells = line.cells if line is not None and line.cells is not None else ()
    return (cells[index] or "").strip() if 0 <= index < len(cells) else ""


def _money(row, index: int) -> Decimal | None:
    text = _cell(row, index).replace(" ", "")
    return parse_money(text) if text else None


def _percent(row, index: int) -> Decimal | None:
    text = _cell(row, index).replace(" ", "").rstrip("%％")
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _first(columns: list[_Column], qualifier: str | None) -> int | None:
    return next((c.index for c in columns if c.qualifier == qualifier), None)


def read_previous(rows, table, record: Record, convert) -> dict[int, list[PreviousFigure]]:
    """Each coded row's previous figures (by the row's ``id``), in the record's unit through
    ``convert``; empty where the table prints no previous-year column or is not a PDF grid."""
    if not record.year or not any(row.positional for row in rows):
        return {}
    previous, current, changes, rates = _layout_columns(table, record.year)
    if not previous:
        return {}
    out: dict[int, list[PreviousFigure]] = {}
    for row in rows:
        if not row.code or not row.positional:
            continue
        figures = []
        for column in previous:
            now = row.get("total") if column.qualifier is None else (
                _money(row, current[column.qualifier]) if column.qualifier in current else None)
            then = _money(row, column.index)
            change_at, rate_at = _first(changes, column.qualifier), _first(rates, column.qualifier)
            change = _money(row, change_at) if change_at is not None else None
            percent = _percent(row, rate_at) if rate_at is not None else None
            if then is None and now is None and change is None:
                continue
            figures.append(PreviousFigure(amount=convert(then), kind=column.kind, year=column.year,
                                          current=convert(now),
                                          change=convert(change), percent=percent, excluding=column.qualifier))
        if figures:
            out[id(row)] = figures
    return out


def previous_checks(rows: list[FunctionalSubject], table: str) -> list[Check]:
    """For every previous figure printing its change: current − previous = 增减额 (a blank cell
    is 0: the table prints no money there) and, where a rate is printed and the previous figure is
    not 0, 增减额 ÷ previous × 100 = 增减(%) to its printed places."""
    out: list[Check] = []
    for row in rows:
        for p in row.previous:
            now, then = p.current or Decimal(0), p.amount or Decimal(0)
            label = f"{table} {row.code} 比{p.year}年{p.kind.removeprefix('上年')}" + \
                (f"（扣除{p.excluding}）" if p.excluding else "")
            if p.change is not None:
                expected = now - then
                out.append(Check("previous_year_change", f"{label} 增减额", expected, p.change,
                                 expected == p.change, row.provenance,
                                 note=f"{now} − {then}"))
            if p.percent is not None and then != 0:
                step = precision(p.percent)
                expected = ((now - then) / then * 100).quantize(step)
                out.append(Check("previous_year_rate", f"{label} 增减(%)", expected, p.percent,
                                 expected == p.percent, row.provenance, unit="%",
                                 tolerance=max(step, CENT), note=f"({now} − {then}) ÷ {then} × 100"))
    return out


@register_checks("tables.previous", "上年数与增减额、增减率")
def previous_year_checks(parts, record: Record) -> list[Check]:
    """The checks of every subject row printing its year before (the department's table and the
    tables of one kind of funds), each under its table's label."""
    out: list[Check] = []
    for rows in (record.functional_subjects, *record.scoped_functional.values()):
        printing = [row for row in rows if row.previous]
        if printing:
            table = printing[0].provenance.table if printing[0].provenance else ""
            out.extend(previous_checks(printing, table or ""))
    return out
