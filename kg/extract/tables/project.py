"""表7 一般公共预算项目支出情况表: one project per 项 row that names a project.

A project row prints ``code subject-name project-name 合计 economic-columns…``; the subject name
is told from the project name by the subject names the document prints for that code (表3/表5,
or 表7's own rows), never by a fixed list. The amount is the row's first figure (项目支出合计).

Funding source: 表7 is the general public budget's; a project whose amount is exactly what 表2
prints for its 项 under 上级一般公共预算安排的转移支付 is that transfer (``upper_level_transfer``).
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import Project, Record
from kg.extract.tables import register
from kg.extract.tables.classification import in_record_unit
from kg.extract.tables.unit_expenditure import read_units_of_kind
from kg.extract.tables.contracts import ProjectTableData
from kg.extract.tables.rows import Row, read_rows
from kg.extract.text_normalize import compact_name


def subject_names(parts) -> dict[str, str]:
    """code -> subject name, from every functional table read so far."""
    names: dict[str, str] = {}
    for table in parts.tables:
        if table.kind in ("expenditure", "general_budget_expenditure", "income", "fiscal_expenditure",
                          "government_fund", "state_capital"):
            for row in table.rows:
                if getattr(row, "code", None) and getattr(row, "name", None):
                    names.setdefault(row.code, row.name)
    return names


def split_project_name(row: Row, known: dict[str, str]) -> str:
    """The project name of a 表7 row (``""`` where the row names only its subject)."""
    full = row.name
    subject = known.get(row.code or "")
    if subject and full.startswith(subject):
        return full[len(subject):]
    # the first line ``211 01 02 一般行政管理事务 机关运行补助经费 57.00``: subject is one token
    first = row.lines[0].text.split() if row.lines else []
    words = [w for w in first if not re.fullmatch(r"\d{1,3}", w)]
    if len(words) >= 2 and full.startswith(compact_name(words[0])):
        return full[len(compact_name(words[0])):]
    return "" if subject == full else full


def _upper_transfer_by_code(parts) -> dict[str, Decimal]:
    income = parts.table("income")
    out: dict[str, Decimal] = {}
    if income is None:
        return out
    for row in income.rows:
        value = row.get("upper_general") if hasattr(row, "get") else None
        if row.code and value:
            out[row.code] = value
    return out


def _first_figure(row: Row):
    """The row's 合计: its first figure. A PDF row (cells) counts from the first cell under a
    figure header, so a blank 项目名称 cell (a 类/款 row) is not taken for a blank 合计."""
    if row.positional and row.extra.get("paths"):
        paths = row.extra["paths"]
        for index, value in row.extra.get("cell_figures", []):
            word = (paths.get(index) or ("",))[-1]
            if re.search(r"名称|项目$|^项目名称", word) and value is None:
                continue
            return value
    return row.figures[0] if row.figures else None


@register("project_expenditure")
def parse_projects(table, record: Record, parts) -> None:
    rows = read_rows(table.lines, coded=True)
    for row in rows:
        row.values = {"total": _first_figure(row)}
    table.rows = rows
    own = {r.code: r.name for r in rows if r.code and len(r.code) < 7}
    known = {**own, **subject_names(parts)}
    # a 项 printed once without a project beside it gives its name too
    projects: list[tuple[Row, str]] = []
    for row in rows:
        if not row.code or len(row.code) != 7:
            continue
        name = split_project_name(row, known)
        if not name:
            known.setdefault(row.code, row.name)
            continue
        projects.append((row, name))
    table.data = ProjectTableData(projects=projects)
    # a table printing each unit over its projects (广东 表12): each unit's 项目支出
    table.data.identities.extend(read_units_of_kind(table, record))
    if not any(row.code for row in rows):
        # projects named in a hierarchy of names only (西安 专项业务经费: 通用项目 over 大型活动 …):
        # which row is a group and which a project the sums alone cannot tell; nothing to check
        table.rows = []
    upper = _upper_transfer_by_code(parts)
    for row, name in projects:
        amount = in_record_unit(row.get("total"), table, record)
        source = "general_public_budget"
        if row.code in upper and row.get("total") == upper[row.code]:
            source = "upper_level_transfer"
        record.projects.append(Project(
            name=name, amount=amount, category="current", functional_code=row.code,
            funding_source=source, provenance=[row.provenance(record.source, table.label)]))
        record.projects[-1].provenance[0] = record.projects[-1].provenance[0].__class__(
            **{**record.projects[-1].provenance[0].__dict__, "row": f"{row.code} {name}"})
