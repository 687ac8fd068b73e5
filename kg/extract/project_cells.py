"""Project tables without functional codes (项目支出表 by name), read from ruled cells.

表7-style project tables print a functional code per project and are read by
``kg.extract.tables.project``. Many templates print projects by name only:

* a hierarchy ``类型 | 一级项目 | 二级项目 | 项目单位 | 合计 …`` (长春): the project is the deepest
  name column, its unit the 项目单位 column;
* units and their projects in one column, ``单位（项目）名称`` or ``支出项目类别（资金使用单位）``
  (西安, 珠海): a row with a 单位编码, or named like a unit (…局, …中心), opens the projects of
  that unit, which is each following project's 实施单位.

The header is recognised by its words (a name column and an amount column, and no functional
code column, whose tables are the coded reader's); the amount is the 合计 / 项目金额 / 预算数 column,
converted exactly from the table's printed unit (or the unit its heading names, ``预算数（万元）``)
into the record's. A 重点项目 table (``二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标``, 深圳)
is one of them: its 绩效目标 column is kept as the project's description.

A project table's own text column — 绩效目标, or what the project is (项目简介 / 项目说明 / 项目概况 …,
西安 表10 专项业务经费支出表: a long cell of many lines with the name and amount printed beside its
middle) — is the project's description, and every policy document that text cites (``《关于做好…的通知》
（市纪发〔2016〕8号）``) is one the project cites, with the page and line of the row. Where such a column
stands, a bare ``项目`` heading is the name column too (珠海 重点项目预算绩效目标情况: 项目 | 预算数（单位：
万元） | 绩效目标), and a table without a title of its own is one (the text column says what it is).
Such a table that names no unit (no unit column, no unit rows) standing in a chapter of the 说明 is
that chapter's account of projects the project table lists: its rows carry the chapter (``说明七``) as
their place, so the merge joins each to the project table's row of that name and amount (or name,
reporting the other amount) instead of counting it twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.model import FUNDS_KEYS, PolicyDocument, Project, ProjectFunds, Provenance
from kg.extract.narrative.policy import find_policy_documents
from kg.extract.narrative.text import chapter_labels
from kg.extract.project_hierarchy import leaf_rows
from kg.extract.source import Line
from kg.extract.text_normalize import parse_money, without_spaces
from kg.units import convert

_NAME_HEADERS = ("二级项目", "项目名称", "一级项目名称", "单位（项目）名称", "单位(项目)名称",
                 "支出项目类别（资金使用单位）", "支出项目类别(资金使用单位)", "支出项目类别")
# a name column listing units above their projects, the unit said in the heading (单位（项目）名称) or
# not (广东's 支出项目类别: 深圳市财政局（本级） over its projects)
_MIXED_HEADER_RE = re.compile(r"单位|^支出项目类别")
_LEAF_HEADERS = ("二级项目", "三级项目")
_AMOUNT_HEADERS = ("合计", "总计", "项目金额", "金额", "预算数", "本年预算")
_UNIT_HEADERS = ("项目单位", "实施单位", "单位名称", "预算单位", "预算单位名称", "二级预算单位名称")
# a 重点项目 table's 绩效目标 column (深圳: 二级预算单位名称 | 一级项目名称 | 预算数（万元） | 绩效目标)
_GOAL_HEADERS = ("绩效目标", "年度绩效目标", "项目绩效目标")
GOAL_LABEL = "绩效目标："  # heads the description taken from that column (``merge`` joins it to the narrative's)
# a column saying what the project is and what its money is for (西安 表10 ``项目简介``): the description as printed
_ABOUT_HEADERS = ("项目简介", "项目说明", "项目概况", "项目概述", "项目内容", "主要内容", "资金用途", "项目用途",
                  "用途", "项目情况")
# the bare name heading of a table that also prints a text column (珠海: 项目 | 预算数（单位：万元） | 绩效目标)
_BARE_NAME_HEADERS = ("项目",)
# a unit printed in the amount heading (``预算数（万元）``, ``预算数（单位：万元）``): the column's unit,
# the heading without it
_HEADER_UNIT_RE = re.compile(r"[（(](?:单位[：:])?(万元|元)[)）]$")
_UNIT_CODE_HEADERS = ("单位编码", "单位代码")
_CODED_HEADERS = ("科目编码", "功能分类", "科目代码", "功能科目", "类", "款", "项")
_TOTAL_RE = re.compile(r"^(?:合计|小计|总计|本级|汇总|[*＊]+)$")
_ORG_RE = re.compile(r"(?:局|中心|委员会|办公室|办公厅|站|院|所|队|馆|学校|厅|委|会|处)(?:[（(]本级[)）])?$")
# what names a spending purpose, never a unit (``辅助人员补助经费-珠海边检总站`` ends like a unit)
_PURPOSE_RE = re.compile(r"经费|费|资金|补助|补贴|慰问|项目|工程|建设|[-—－]")
_TABLE_UNIT_RE = re.compile(r"单位[：:]\s*(万元|元)")
TABLE = "项目支出表"  # the place a row of these tables names


@dataclass
class _Columns:
    name: int
    amount: int
    unit: int | None
    unit_code: int | None
    mixed: bool  # units and projects share the name column
    goal: int | None = None  # the 绩效目标 or 项目简介 text, kept as the project's description
    goal_label: str = GOAL_LABEL  # what heads that text in the description ("" for a 项目简介)
    printed_unit: str | None = None  # the unit the amount heading names, where it names one
    sources: dict[int, str] = field(default_factory=dict)  # column -> ProjectFunds key (the funds that pay)




def _header(rows: list[list[str]]) -> _Columns | None:
    """Columns of a project table's header rows (one or two rows of cells)."""
    first = rows[0]
    amount = next((k for k, c in enumerate(first) if _HEADER_UNIT_RE.sub("", c) in _AMOUNT_HEADERS), None)
    if amount is None:
        return None
    goal, label = _text_column(first, amount)
    names = _NAME_HEADERS + (_BARE_NAME_HEADERS if goal is not None else ())
    name = next((k for k, c in enumerate(first) if c in names), None)
    if name is None or amount <= name:
        return None
    if any(c in _CODED_HEADERS for row in rows for c in row):
        return None
    for row in rows[1:]:
        leaf = next((k for k, c in enumerate(row) if c in _LEAF_HEADERS), None)
        if leaf is not None and leaf < amount:
            name = max(name, leaf)
    unit = next((k for row in rows for k, c in enumerate(row) if c in _UNIT_HEADERS and k != name), None)
    code = next((k for k, c in enumerate(first) if c in _UNIT_CODE_HEADERS), None)
    mixed = bool(_MIXED_HEADER_RE.search(first[name]))
    printed = _HEADER_UNIT_RE.search(first[amount])
    return _Columns(name, amount, unit, code, mixed, goal, label, printed.group(1) if printed else None,
                    _source_columns(rows, amount, goal))


def _text_column(first: list[str], amount: int) -> tuple[int | None, str]:
    """The column after the amount holding the project's own text, and the label its text takes in
    the description: a 绩效目标 column (``绩效目标：…``) or one saying what the project is (as printed)."""
    for k in range(amount + 1, len(first)):
        if first[k] in _GOAL_HEADERS:
            return k, GOAL_LABEL
        if first[k] in _ABOUT_HEADERS:
            return k, ""
    return None, GOAL_LABEL


# The header words of a column of the funds that pay a project (ProjectFunds keys), narrowest first;
# 合计/小计 under a spanning 财政拨款 is that heading's own column.
_SOURCE_HEADERS = (("general_public_budget", r"一般公共预算"), ("government_fund", r"政府性基金"),
                   ("state_capital", r"国有资本经营"), ("fiscal_special", r"财政专户"),
                   ("carryover", r"上年结转|结转|上年结余"), ("other", r"^(?:其他资金|单位资金|其他收入)$"),
                   ("fiscal", r"^财政拨款(?:合计|小计)?$"))


def funds_key(word: str) -> str | None:
    """The ProjectFunds key a column headed ``word`` holds (一般公共预算资金 -> general_public_budget,
    上年结转和结余资金 -> carryover), or ``None`` where the words name no source of funds."""
    return next((key for key, rx in _SOURCE_HEADERS if re.search(rx, word)), None)


def _source_columns(rows: list[list[str]], amount: int, goal: int | None) -> dict[int, str]:
    """Columns after the 合计 that split a project's money by the funds that pay it (广东 表12:
    总计 | 财政拨款 [合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算] | 财政专户拨款 | 其他资金):
    column -> ProjectFunds key. A heading spanning the columns under it (财政拨款 over 合计 …) is read
    for the 合计 beneath it. Only a header whose columns are all sources counts: a project table whose
    later columns are economic subjects (工资福利支出 …) gives none."""
    first = rows[0]
    second = rows[1] if len(rows) > 1 else [""] * len(first)
    out: dict[int, str] = {}
    parent = ""
    for k in range(amount + 1, len(first)):
        if goal is not None and k >= goal:
            break
        top = first[k] if k < len(first) else ""
        sub = second[k] if k < len(second) else ""
        parent = top or parent
        word = sub if sub and not re.fullmatch(r"合计|小计", sub) else (top or parent if sub else top)
        if not word:
            continue
        if sub and re.search(r"结转|结余|单位资金", parent):
            # 财政拨款结转 over 一般公共预算 | 政府性基金预算 … (长春): its parts are carry-over; 单位资金 over
            # 事业收入 | 上级补助收入 | 其他收入 … (深圳 表5): its parts are the unit's own money
            word = parent
        key = next((key for key, rx in _SOURCE_HEADERS if re.search(rx, word)), None)
        if key is None:
            return {}  # a column of something else (an economic subject): not a split by source
        out[k] = key
    return out if len(out) >= 2 else {}


# the one reading of a header by the funds that pay (广东 表11/表12 share it): column -> ProjectFunds key
source_columns = _source_columns


def is_unit_name(name: str) -> bool:
    """A row naming a unit, not a project: ends like an organisation, names no purpose. A trailing
    bracket that is itself a unit's name (``广州市统计监测中心（广州市统计发展中心）``) or 本级 is
    part of the unit's name."""
    m = re.fullmatch(r"(.+?)[（(]([^（）()]*)[)）]", name)
    if m and (m.group(2) == "本级" or _ORG_RE.search(m.group(2))):
        name = m.group(1)
    return bool(_ORG_RE.search(name)) and not _PURPOSE_RE.search(name)


def _respill(cells: list[str], columns: _Columns) -> list[str]:
    """A name too long for its cell spills into the cells either side (``气`` | ``象灾害…业务运`` |
    ``维 6540000``): where the amount cell starts with text before its figure and the code cell
    holds text rather than a code, the pieces go back to the name and the figure stays alone."""
    if columns.amount >= len(cells):
        return cells
    m = re.fullmatch(r"([^\d\s,.-]+)\s*([\d,]+(?:\.\d+)?)", cells[columns.amount] or "")
    if not m:
        return cells
    cells = list(cells)
    before = ""
    if columns.unit_code is not None and columns.unit_code < columns.name and \
            cells[columns.unit_code] and not re.search(r"\d", cells[columns.unit_code]):
        before, cells[columns.unit_code] = cells[columns.unit_code], ""
    cells[columns.name] = before + (cells[columns.name] or "") + m.group(1)
    cells[columns.amount] = m.group(2)
    return cells


def _table_unit(before: list[Line]) -> str:
    for line in reversed(before):
        m = _TABLE_UNIT_RE.search(line.text)
        if m:
            return m.group(1)
    return "万元"


def read_project_cell_tables(lines: list[Line], file: str, unit: str | None,
                             department: str | None = None) -> list[Project]:
    """Every name-only project table of the document as Projects (amount in ``unit``)."""
    projects: list[Project] = []
    seen: dict[tuple[str, object, str | None], Project] = {}
    chapters = chapter_labels(lines)
    tables: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.cells is not None and line.table is not None:
            tables.setdefault(line.table, []).append(i)
    for number, indexes in tables.items():
        rows = [[without_spaces(c) for c in lines[i].cells] for i in indexes]
        columns = None
        start = 0
        for h in range(min(2, len(rows))):
            columns = _header(rows[h:h + 2])
            if columns is not None:
                start = h
                break
        if columns is None:
            continue
        body_from = start + 1
        while body_from < len(rows) and rows[body_from][columns.amount] in _AMOUNT_HEADERS + ("",) and \
                not re.search(r"\d", "".join(rows[body_from][columns.amount + 1:])):
            body_from += 1
        title = "".join(without_spaces(l.text) for l in lines[max(0, indexes[0] - 4):indexes[0]] if l.cells is None)
        if "基本支出" in title or "收入" in title or \
                not (re.search(r"项目|专项", title) or columns.mixed or columns.goal is not None):
            continue  # only a table titled as a project table; 基本支出 by unit lists economic subjects
        printed_unit = columns.printed_unit or _table_unit(lines[max(0, indexes[0] - 4):indexes[0]])
        # the 说明's own account of projects (see the module docstring): the chapter is the place
        chapter = chapters.get(lines[indexes[0]].lineno) \
            if columns.goal is not None and columns.unit is None and not columns.mixed else None
        current_unit: str | None = None
        total: Decimal | None = None
        found: list[tuple[str, Decimal, str | None, Provenance]] = []
        funds: list[ProjectFunds | None] = []  # each found row's money by the funds that pay it
        # each found row's 绩效目标 / 项目简介 text, row by row as printed (continued on the next page's first row)
        goal_rows: list[list[tuple[Line, str]]] = []
        for r in range(body_from, len(rows)):
            cells = _respill(rows[r], columns)
            if columns.name >= len(cells) or columns.amount >= len(cells):
                continue
            name = cells[columns.name]
            try:
                amount = parse_money(cells[columns.amount]) if cells[columns.amount] else None
            except ValueError:
                amount = None
            if amount is not None and any(_TOTAL_RE.match(c or "") and c != "本级" and c != "汇总"
                                          for c in cells[:columns.amount]) and total is None:
                total = amount  # the table's 合计 (in the name column or the code column before it)
            goal = cells[columns.goal] if columns.goal is not None and columns.goal < len(cells) else ""
            if not name and amount is None and goal and found and not any(cells[:columns.goal]):
                goal_rows[-1].append((lines[indexes[r]], goal))
                continue
            if not name or _TOTAL_RE.match(name) or amount is None:
                continue
            coded = columns.unit_code is not None and columns.unit_code < len(cells) and \
                re.fullmatch(r"\d{3,}", cells[columns.unit_code] or "")
            if columns.mixed and (coded or (columns.unit_code is None and is_unit_name(name))):
                current_unit = name
                continue
            responsible = (cells[columns.unit] if columns.unit is not None and columns.unit < len(cells) else "") \
                or current_unit  # none printed: the merge gives the department (after a 绩效目标表's 实施单位)
            line = lines[indexes[r]]
            found.append((name, amount, responsible or None,
                          Provenance(file=file, page=line.page, line=line.lineno, table=chapter or TABLE, row=name)))
            goal_rows.append([(line, goal)] if goal else [])
            funds.append(_funds(cells, columns))
        # 一级/二级项目 printed as rows of the same column: only the projects under them count
        leaves = leaf_rows([f[1] for f in found], total) if columns.mixed else None
        for k, (name, amount, responsible, where) in enumerate(found):
            if leaves is not None and k not in leaves:
                continue
            value = convert(amount, printed_unit, unit or "万元")
            key = (name, value, responsible)
            split = _in_unit(funds[k], printed_unit, unit or "万元")
            if key in seen:  # the same project in another of the document's project tables (一般公共预算
                seen[key].provenance.append(where)  # 项目支出表 beside 项目支出表): one project, both places
                if seen[key].funds is None and split is not None:  # the one splitting it by source (深圳 表5
                    seen[key].funds = split  # beside its 重点项目 table) gives its funds
                    seen[key].funding_source = _FUNDING_OF_SPLIT.get(split.only_source() or "")
                continue
            seen[key] = Project(name=name, amount=value, category="current", responsible_unit=responsible,
                                description=_description(goal_rows[k], columns.goal_label), provenance=[where],
                                policy_documents=_cited(goal_rows[k], file, name, where.table),
                                funds=split, funding_source=_FUNDING_OF_SPLIT.get(split.only_source() or "")
                                if split else None)
            projects.append(seen[key])
    return projects


def _description(parts: list[tuple[Line, str]], label: str) -> str | None:
    """The project's text as printed (its rows joined), headed by the column's label."""
    text = "".join(part for _, part in parts)
    return label + text if text else None


def _cited(parts: list[tuple[Line, str]], file: str, name: str, table: str | None) -> list[PolicyDocument]:
    """The policy documents a project's own text cites (the text read whole: a citation can run over
    a page break), each at the page and line of the row printing the part of the text that names it."""
    text = "".join(part for _, part in parts)
    if not text:
        return []

    def where(doc: PolicyDocument) -> Provenance:
        words = [without_spaces(w) for w in (doc.number, doc.title) if w]
        line = next((row for row, part in parts if any(w in part for w in words)), parts[0][0])
        return Provenance(file=file, page=line.page, line=line.lineno, table=table, row=name)

    return [PolicyDocument(doc.title, doc.number, where(doc)) for doc in find_policy_documents(text)]


# the funding concept (records.md ``funding_source``) of a project one printed source pays whole; one the
# 一般公共预算 pays is left to the merge, which tells an upper-level transfer inside it by the project's name
_FUNDING_OF_SPLIT = {"government_fund": "government_fund",
                     "state_capital": "state_capital", "fiscal_special": "fiscal_special_account",
                     "other": "unit_funds"}


def _funds(cells: list[str], columns: _Columns) -> ProjectFunds | None:
    """A row's figures under the source columns (a blank cell is no figure)."""
    if not columns.sources:
        return None
    values: dict[str, Decimal] = {}
    for k, key in columns.sources.items():
        if k < len(cells) and cells[k]:
            try:
                value = parse_money(cells[k])
            except ValueError:
                continue
            if value is not None:  # the parts of one source printed in columns of their own add up
                values[key] = values.get(key, Decimal(0)) + value
    return ProjectFunds(**values) if values else None


def _in_unit(funds: ProjectFunds | None, printed: str, unit: str) -> ProjectFunds | None:
    if funds is None:
        return None
    return ProjectFunds(**{key: convert(getattr(funds, key), printed, unit) if getattr(funds, key) is not None
                           else None for key in FUNDS_KEYS})
