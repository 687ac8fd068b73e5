"""Functional × economic cross tables: the money of each functional subject by economic subject.

Some templates print their expenditure table with a row per (functional subject, economic subject)
pair instead of one row per functional subject (北京 预算03表 支出总表: ``2010607-信息化建设 |
50209-维修（护）费 | 30213-维修（护）费 | 4,233.401500 | | 4,233.401500``). The grid reader marks such a
table ``crossed`` (``kg.extract.grid``) and reads each row under its functional code; this module keeps
the economic subjects each row prints — the departmental one (30x, the row's) and the 政府预算支出经济分类
one (50x) beside it — as ``FunctionalEconomicCell``s, so "X科目下的钱按经济分类花在哪" is answerable.

A cell is found by the coded names the row prints (``CODE-名称``), whatever their columns: a 2xx code is
the functional subject, a 3xx one the departmental economic subject, a 5xx one the government's. The
figures are the row's resolved columns (合计 / 基本支出 / 项目支出), in the record's unit with every
printed digit. The check ``functional_economic_sum`` adds each functional subject's cells up against the
row the document prints for that subject in its functional table.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import Check, FunctionalEconomicCell, Record
from kg.extract.rules import register_rule

register_rule("functional_economic_sum", "功能科目按经济分类之和等于该科目",
              "the cells of a functional × economic table added up per functional subject, against the "
              "subject's row in the functional table")

# a coded name as such tables print it: ``2010607-信息化建设``, ``3021101-差旅费``, ``50201-办公经费``
_CODED_RE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*[-－—]\s*(.+)$")


def _coded(row) -> list[tuple[str, str]]:
    """The coded names a row prints, in order (its cells where it has them, else its text)."""
    line = row.lines[0] if row.lines else None
    if line is None:
        return []
    pieces = [c for c in (line.cells or ()) if c] if line.cells else re.split(r"\s{2,}", line.text)
    out = []
    for piece in pieces:
        m = _CODED_RE.match(re.sub(r"\s+", "", piece))
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def read_functional_economic(rows, table, record: Record) -> list[FunctionalEconomicCell]:
    """Every row of a crossed table that names a functional subject and a departmental economic one."""
    from kg.extract.tables.classification import in_record_unit

    out: list[FunctionalEconomicCell] = []
    for row in rows:
        coded = _coded(row)
        functional = next(((c, n) for c, n in coded if c.startswith("2")), None)
        economic = next(((c, n) for c, n in coded if c.startswith("3")), None)
        government = next(((c, n) for c, n in coded if c.startswith("5")), None)
        if functional is None or economic is None:
            continue
        figures = {k: row.get(k) for k in ("total", "basic", "project")}
        if all(v is None for v in figures.values()):
            continue
        out.append(FunctionalEconomicCell(
            functional_code=functional[0], functional_name=functional[1],
            economic_code=economic[0], economic_name=economic[1],
            government_code=government[0] if government else None, government_name=government[1] if government else None,
            **{k: in_record_unit(v, table, record) if v is not None else None for k, v in figures.items()},
            provenance=row.provenance(record.source, table.label)))
    return out


def functional_economic_checks(record: Record) -> list[Check]:
    """Each functional subject's cells added up (合计, 基本, 项目) against its row in the functional
    table; where that table prints the subject once per unit (北京 预算05表: 2010601 行政运行 under each of
    its two units, no unit heading between), the rows of the code added up, as its 合计 adds them."""
    if not record.functional_economic:
        return []
    cells: dict[str, dict[str, Decimal]] = {}
    first: dict[str, FunctionalEconomicCell] = {}
    for cell in record.functional_economic:
        first.setdefault(cell.functional_code, cell)
        for key in ("total", "basic", "project"):
            value = getattr(cell, key)
            if value is not None:
                cells.setdefault(cell.functional_code, {}).setdefault(key, Decimal(0))
                cells[cell.functional_code][key] += value
    printed: dict[str, dict[str, Decimal]] = {}
    names: dict[str, tuple[str, str]] = {}
    for subject in record.functional_subjects:
        if not subject.code:
            continue  # a row printed without a code has no cells of this table
        table = subject.provenance.table if subject.provenance and subject.provenance.table else "功能分类表"
        if names.setdefault(subject.code, (subject.name, table))[1] != table:
            continue  # the same code in another table (a summary's 类 row): the first table's rows only
        for key in ("total", "basic", "project"):
            value = getattr(subject, key)
            if value is not None:
                printed.setdefault(subject.code, {}).setdefault(key, Decimal(0))
                printed[subject.code][key] += value
    out: list[Check] = []
    for code, columns in cells.items():
        if code not in names:
            continue
        name, against = names[code]
        cross = first[code].provenance.table if first[code].provenance else "交叉表"
        for key, word in (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")):
            expected, shown = columns.get(key), printed.get(code, {}).get(key)
            if expected is None and shown is None:
                continue
            expected = expected if expected is not None else Decimal(0)
            shown = shown if shown is not None else Decimal(0)
            out.append(Check("functional_economic_sum", f"{cross} {code} 按经济分类之和 vs {against} {code} {word}",
                             expected, shown, expected == shown, first[code].provenance,
                             note=f"{cross}中{code}{name}各经济分类{word}之和{expected}，{against}列{shown}"))
    return out
