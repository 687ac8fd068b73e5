"""A table of projects with a long-text column of objectives (浙江 表11 项目支出绩效表: 单位名称 | 项目名称 |
金额 | 项目总体绩效目标): each project's objective as its description.

The objective cell wraps over several lines and is printed vertically centred on its row, so the
text lines of one cell stand above the row's line, on it (after the amount) and below it:

    2026年，通过设立交警事故大队垫付窗口，实现道路交通事故社会救助基金抢救费用垫付“
    湖州市绿色财政研究服务中心 财政服务综合业务管理 120.00
    一件事”办理，保障救助基金管理机构正常运转，切实维护交通事故社会救助人的权益.

A text line belongs to the row after it until that row's line; after a row's line, lines continue
its cell while the cell is not closed by a sentence's end (。.) and no more lines stand below than
above (a centred cell), or — for a cell that began on the row's line — not at all. Each row is a
project with its unit and its objective as its description; the merge joins it to the same project
read from 表10. Text only: no position is needed, so a text extraction of the table reads the same.
"""
from __future__ import annotations

import re

from kg.extract.model import Project, Provenance, Record
from kg.extract.tables import register
from kg.extract.tables.classification import in_record_unit, printed_unit
from kg.extract.text_normalize import parse_money

# a row: the unit and project names, the amount, and what of the objective stands on the row's line
_ROW_RE = re.compile(r"^(?P<names>\S.*?\S)\s+(?P<amount>-?\d{1,3}(?:,\d{3})*(?:\.\d+)|-?\d+\.\d+)(?P<rest>.*)$")
_HEADER_RE = re.compile(r"单位名称|项目名称|绩效目标|金额|单位[:：]|万元$|^表\s*\d|^\*")
_NOTE_RE = re.compile(r"^注[:：]")
_CLOSED_RE = re.compile(r"[。.！!]$")


def _cells(table) -> list[tuple[str, object]]:
    """(kind, payload) per line: ``("row", (names, amount, rest, line))`` or ``("text", line)``."""
    out: list[tuple[str, object]] = []
    for line in table.lines:
        text = line.text.strip()
        if not text or _NOTE_RE.match(text):
            continue
        m = _ROW_RE.match(text)
        if m and not re.fullmatch(r"[\d,.\s*]+", m.group("names")):
            out.append(("row", (m.group("names"), m.group("amount"), m.group("rest").strip(), line)))
        elif not _HEADER_RE.search(text) and not re.fullmatch(r"[\d,.\s*]+", text):
            out.append(("text", line))
    return out


def read_objectives(table) -> list[tuple[str, str, str, object]]:
    """(names, amount as printed, objective, the row's line) per row, in the order printed."""
    cells = _cells(table)
    rows: list[list] = []
    above: list[str] = []
    open_row: list | None = None  # [names, amount, text lines, line, lines above, lines below]
    for kind, payload in cells:
        if kind == "row":
            names, amount, rest, line = payload
            open_row = [names, amount, [*above, *([rest] if rest else [])], line, len(above), 0, bool(rest)]
            rows.append(open_row)
            above = []
            continue
        text = payload.text.strip()
        if open_row is not None:
            lines, n_above, n_below, began_on_row = open_row[2], open_row[4], open_row[5], open_row[6]
            closed = bool(lines) and _CLOSED_RE.search(lines[-1])
            room = n_below < n_above if n_above else (not began_on_row and n_below == 0)
            if not closed and room:
                lines.append(text)
                open_row[5] += 1
                continue
            open_row = None
        above.append(text)
    return [(names, amount, "".join(lines), line) for names, amount, lines, line, *_ in rows]


@register("project_objectives")
def parse_project_objectives(table, record: Record, parts) -> None:
    """Each row a project (its unit, name, amount) with its objective as its description; the
    projects of the same name and unit read elsewhere (表10) are merged with it (``merge``)."""
    unit = printed_unit(table, record)
    for names, amount, objective, line in read_objectives(table):
        printed = parse_money(amount)
        if printed is None:
            continue
        carrier, _, name = names.rpartition(" ")
        name = name or names
        record.projects.append(Project(
            name=name, amount=in_record_unit(printed, table, record), category="current",
            responsible_unit=carrier.strip() or None, description=objective or None,
            provenance=[Provenance(file=record.source, page=line.page, line=line.lineno,
                                   table=f"{table.label} 项目支出绩效表", row=name, unit=unit)]))

