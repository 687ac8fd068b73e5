"""三公 tables laid out in columns (Shanghai, Jiangsu, the 决算 template), read from PDF cells.

The Xinjiang 表10 lists the 三公 items down its rows; the other templates put them across the
header (合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及运行费: 小计 | 购置费 | 运行费 …) with the
figures in one row below. Each column is named by its header path (the header texts above it,
a horizontally merged group header carried over the columns it spans), then:

* Jiangsu adds 会议费 and 培训费: the 三公 total is then the 三公 小计 column, not 合计;
* the 决算 template splits every item into 预算数 | 决算数: a 决算 record takes 决算数, a
  budget 预算数;
* Shanghai adds 机关运行经费预算数 (the operating expenses);
* a table in 万元 inside a record in 元 is converted exactly (``in_record_unit``).

Only rows with cells (PDF) are read here; text rows are left to ``three_public``.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import Provenance, Record
from kg.extract.source import Line
from kg.extract.text_normalize import compact_name, is_money, parse_money

_QUOTES = str.maketrans("", "", "“”\"'‘’")


def _header_paths(header: list[Line], ncols: int) -> list[list[str]]:
    """Each column's header texts, top to bottom (a blank cell in a row above the last takes
    the group header to its left: a horizontal merge)."""
    paths: list[list[str]] = [[] for _ in range(ncols)]
    for depth, line in enumerate(header):
        cells = list(line.cells or ())
        last_row = depth == len(header) - 1
        carry: str | None = None
        for col in range(ncols):
            text = cells[col] if col < len(cells) else None
            if text:
                carry = text
            elif not last_row:
                text = carry
            if text:
                bare = compact_name(text).translate(_QUOTES)
                if not paths[col] or paths[col][-1] != bare:
                    paths[col].append(bare)
    return paths


def _variant(path: list[str]) -> str | None:
    leaf = path[-1] if path else ""
    if leaf.startswith("决算"):
        return "final"
    if leaf.startswith("预算") or leaf.startswith("年初预算"):
        return "budget"
    return None


def _key(path: list[str]) -> str | None:
    """What a column holds, from its header path."""
    names = [p for p in path if not re.match(r"^(?:预算数|决算数|年初预算数?|全年预算数?)$", p)]
    if not names:
        return None
    leaf = names[-1]
    vehicle_group = any(n.startswith("公务用车") for n in names[:-1])
    if "机关运行经费" in leaf:
        return "operating_expenses"
    if re.match(r"^因公出国", leaf):
        return "overseas"
    if re.match(r"^公务接待", leaf):
        return "reception"
    if re.match(r"^会议费", leaf):
        return "meetings"
    if re.match(r"^培训费", leaf):
        return "training"
    if re.match(r"^(?:公务用车)?购置费?$", leaf) or re.match(r"^公务用车购置费", leaf):
        return "vehicle_purchase"
    if re.match(r"^(?:公务用车)?运行(?:维护)?费$", leaf) or re.match(r"^公务用车运行", leaf):
        return "vehicle_operation"
    if re.match(r"^公务用车购置及运行", leaf):
        return "vehicles"
    if leaf == "小计":
        return "vehicles" if vehicle_group else "subtotal"
    if re.match(r"^(?:合计|总计)", leaf) and not vehicle_group:
        return "total"
    return None


def read_grid(table, record: Record) -> bool:
    """Read a column-layout 三公 table into ``record.totals``; False where it is not one."""
    from kg.extract.tables.classification import in_record_unit

    rows = [line for line in table.lines if line.cells is not None]
    if not rows:
        return False
    first_data = next((i for i, line in enumerate(rows)
                       if any(c and is_money(c) for c in line.cells or ())), None)
    if first_data is None or first_data == 0:
        return False
    header, data = rows[:first_data], rows[first_data]
    ncols = max(len(line.cells or ()) for line in rows)
    paths = _header_paths(header, ncols)
    keys = [_key(p) for p in paths]
    if sum(1 for k in keys if k in ("overseas", "reception", "vehicles", "vehicle_operation")) < 2:
        return False  # the items run down the rows: not a column layout
    variants = [_variant(p) for p in paths]
    wanted = None
    if any(variants):
        wanted = "final" if (record.kind or "").endswith("决算") else "budget"
    values: dict[str, tuple[Decimal | None, int]] = {}
    cells = list(data.cells or ())
    for col, key in enumerate(keys):
        if key is None or (wanted and variants[col] != wanted) or key in values:
            continue
        text = cells[col] if col < len(cells) else None
        value = parse_money(text) if text and is_money(text) else None
        values[key] = (value, col)
    tp = record.totals.three_public
    has_other = "meetings" in values or "training" in values
    total_key = "subtotal" if has_other or "subtotal" in values else "total"
    mapping = {"total": total_key, "overseas": "overseas", "reception": "reception", "vehicles": "vehicles",
               "vehicle_purchase": "vehicle_purchase", "vehicle_operation": "vehicle_operation"}
    for attr, key in mapping.items():
        if key not in values:
            continue
        value, col = values[key]
        setattr(tp, attr, in_record_unit(value, table, record))
        record.totals.provenance[f"three_public.{attr}"] = Provenance(
            file=record.source, page=data.page, line=data.lineno, table=table.label, row="/".join(paths[col]))
    if "operating_expenses" in values and record.totals.operating_expenses is None:
        value, col = values["operating_expenses"]
        if value is not None:
            record.totals.operating_expenses = in_record_unit(value, table, record)
            record.totals.provenance["operating_expenses"] = Provenance(
                file=record.source, page=data.page, line=data.lineno, table=table.label, row=paths[col][-1])
    # the columns as label rows (printed figures, table unit): what ``checks`` recomputes
    from kg.extract.tables.three_public import LabelRow

    table.rows = [LabelRow(key, "/".join(paths[col]), [value], [data])
                  for key, (value, col) in values.items() if key != "operating_expenses"]
    table.data["three_public_grid"] = {key: value for key, (value, _) in values.items()}
    return True
