"""Completeness against the template: the required tables and narrative sections, and empty tables
that say they are empty — in the manner of GovBudgetChecker's structure rules (BUD-001 必备报表与
章节, BUD-106 空表说明).

The finance ministry's rules require every 部门预算 to publish eight tables (收支总表, 收入总表,
支出总表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表, 一般公共预算“三公”经费支出表,
政府性基金预算支出表) and every 部门决算 nine (the same, with 国有资本经营预算财政拨款支出决算表),
whatever each province calls or numbers them; tables are matched by the kind ``kg.extract.sections``
recognised, never by a number. A table with no figure at all must say so (``本表无数据``,
``…支出情况表为空表``, ``本部门无政府性基金预算拨款安排``, or one note for all: ``空表表示本部门无相关
收支情况``).

Two producers, because a budget may come as two files (narrative and tables):

* ``publication_checks(record)`` — required tables, on the record *after* the files of one budget
  are combined (``kg.extract.pipeline``); a file with no table at all is one ``notice`` (its tables
  may be published in a companion file), not a finding per table.
* the registered producer ``completeness`` — required narrative sections and empty-table notes, on
  each file (a tables-only file is not asked for a narrative).
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import Check, Provenance, Record
from kg.extract.rules import fixed_judge, register_checks, register_rule
from kg.extract.text_normalize import without_spaces

register_rule("required_table", "必备报表齐全", "a table the template requires is published", fixed_judge("material"))
register_rule("required_section", "必备说明齐全", "a section the template requires is in the narrative",
              fixed_judge("notice"))
register_rule("empty_table_note", "空表应有说明", "a table printed without figures says why", fixed_judge("notice"))

# (table kind as kg.extract.sections names it, its name in the finance ministry's template)
BUDGET_TABLES = [
    ("summary", "部门收支总表"), ("income", "部门收入总表"), ("expenditure", "部门支出总表"),
    ("fiscal_summary", "财政拨款收支总表"), ("general_budget_expenditure", "一般公共预算支出表"),
    ("basic_economic", "一般公共预算基本支出表"), ("three_public", "一般公共预算“三公”经费支出表"),
    ("government_fund", "政府性基金预算支出表"),
]
FINAL_TABLES = [
    ("summary", "收入支出决算总表"), ("income", "收入决算表"), ("expenditure", "支出决算表"),
    ("fiscal_summary", "财政拨款收入支出决算总表"), ("general_budget_expenditure", "一般公共预算财政拨款支出决算表"),
    ("basic_economic", "一般公共预算财政拨款基本支出决算表"), ("three_public", "一般公共预算财政拨款“三公”经费支出决算表"),
    ("government_fund", "政府性基金预算财政拨款收入支出决算表"), ("state_capital", "国有资本经营预算财政拨款支出决算表"),
]
# table kinds that stand in for one another (Jiangsu's 财政拨款支出预算表 beside 一般公共预算支出预算表)
# and 深圳's 一般公共预算支出表（按经济分类）, whose 基本支出 column is the 基本支出 by economic subject
ALTERNATIVES = {"general_budget_expenditure": {"fiscal_expenditure"},
                "basic_economic": {"fiscal_basic_economic", "general_budget_economic"}}

# (section, pattern over the compacted narrative): what a 情况说明 must explain
BUDGET_SECTIONS = [
    ("收支预算总体情况说明", re.compile(r"收支(?:预算)?总(?:体|预算|表)|收入预算|支出预算|收入总计|支出总计")),
    ("“三公”经费情况说明", re.compile(r"三公[”\"]?经费")),
    ("机关运行经费情况说明", re.compile(r"(?:机关|机构|单位)运行经费")),
    ("政府采购情况说明", re.compile(r"政府采购")),
    ("国有资产占有使用情况说明", re.compile(r"国有资产|共有车辆|实有车辆|车辆\d+(?:辆|台)")),
    ("绩效目标情况说明", re.compile(r"绩效目标|绩效管理|预算绩效")),
    ("名词解释", re.compile(r"名词解释|名称解释|专业名词|名词说明|术语解释")),
]
FINAL_SECTIONS = [(name, pattern) for name, pattern in BUDGET_SECTIONS if name != "绩效目标情况说明"] + [
    ("预算绩效情况说明", re.compile(r"绩效"))]

# what an empty table's note says (on the table, or in the narrative about its subject, or once for all)
_EMPTY_NOTE_RE = re.compile(r"本表无数据|无数据|为空表|此表为空|本表为空|空表|无此项|无相关|未安排|没有使用|无.{0,16}安排|不涉及|"
                            r"无.{0,12}(?:收入|支出|收支)")
_GLOBAL_EMPTY_NOTE_RE = re.compile(r"空表(?:表示|说明|即|为)")
_ZERO_STATED_RE = re.compile(r"(?<![\d.,])0(?:\.0+)?(?:万元|元)(?![\d])")  # ``…政府性基金支出预算支出0万元``
_SUBJECT_KEYS = {"政府性基金": ("government_fund",), "国有资本经营": ("state_capital",), "三公": ("three_public",)}
_SUBJECT_WORDS = {"government_fund": "政府性基金", "state_capital": "国有资本经营", "three_public": "三公",
                  "carryover": "结转", "project_expenditure": "项目支出", "procurement": "政府采购",
                  "operating_expenses": "运行经费"}
_FIGURE_RE = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d.])")


def _kind_family(record: Record) -> str:
    return "final" if (record.kind or "").endswith("决算") else "budget"


def publication_checks(record: Record) -> list[Check]:
    """required_table: the template's tables in the (combined) record."""
    required = FINAL_TABLES if _kind_family(record) == "final" else BUDGET_TABLES
    kinds = {table.get("kind") for table in record.tables}
    where_file = record.files[0] if record.files else record.source
    _notes_in_companion(record)
    if not kinds:
        return [Check("required_table", "报表（本文件未含任何报表）", Decimal(len(required)), Decimal(0), False,
                      Provenance(file=where_file), unit="张", severity="notice",
                      note="只含说明部分：报表可能另册公开，须与报表文件一并核对")]
    out: list[Check] = []
    for kind, name in required:
        present = kind in kinds or bool(ALTERNATIVES.get(kind, set()) & kinds)
        out.append(Check("required_table", f"必备报表 {name}", Decimal(1), Decimal(1 if present else 0), present,
                         Provenance(file=where_file, table=name), unit="张",
                         note=None if present else "未找到该表（按表名与内容识别）"))
    return out


def _notes_in_companion(record: Record) -> None:
    """An empty table of one file explained in the budget's other file (its narrative states the
    figure as 0): the empty-table finding is withdrawn on the combined record."""
    if len(record.files) < 2:
        return
    zeros = {(f.topic, f.key) for f in record.narrative if f.value == 0 and f.period == "current"}
    for check in record.checks:
        if check.rule != "empty_table_note" or check.ok:
            continue
        for word, keys in _SUBJECT_KEYS.items():
            if word in check.where and any(k in topic or k in key for topic, key in zeros for k in keys):
                check.ok, check.severity, check.printed = True, "ok", Decimal(1)
                check.note = "另一文件的说明写明为0"
                break




_HEADING_NUMBER_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])$")


def section_checks(parts, record: Record) -> list[Check]:
    """required_section: the narrative explains what the template asks (a file with a narrative)."""
    lines = [line for line in (getattr(parts, "narrative", None) or []) if line.cells is None]
    # a table titled by a heading of the 说明 (``七、重点项目预算绩效目标情况`` over its table, 珠海, 广州) is
    # that section of the 说明 all the same
    headings = [t.title for t in getattr(parts, "tables", []) if _HEADING_NUMBER_RE.match(t.label or "")]
    text = without_spaces("".join(line.text for line in lines) + "".join(headings))
    if not getattr(parts, "has_budget_narrative", False) or len(text) < 400:
        return []  # a tables-only file: its narrative is elsewhere
    required = FINAL_SECTIONS if _kind_family(record) == "final" else BUDGET_SECTIONS
    out: list[Check] = []
    for name, pattern in required:
        present = bool(pattern.search(text))
        out.append(Check("required_section", f"必备说明 {name}", Decimal(1), Decimal(1 if present else 0), present,
                         Provenance(file=record.source), unit="节", note=None if present else "说明中未见该部分"))
    return out


def _figures(table) -> list[Decimal]:
    """The amounts printed in a table's body (codes, years and 栏次 numbers are not amounts)."""
    values: list[Decimal] = []
    for line in table.lines[1:]:
        cells = line.cells if line.cells is not None else (line.text,)
        for cell in cells:
            for m in _FIGURE_RE.finditer(cell or ""):
                try:
                    values.append(Decimal(m.group(1).replace(",", "")))
                except ArithmeticError:
                    continue
    return values


def empty_table_checks(parts, record: Record) -> list[Check]:
    """empty_table_note: a recognised table with no figure (or only zeros) says why."""
    narrative = without_spaces("".join(line.text for line in (getattr(parts, "narrative", None) or [])))
    document = without_spaces("".join(line.text for line in parts.doc.lines)) if getattr(parts, "doc", None) else narrative
    global_note = bool(_GLOBAL_EMPTY_NOTE_RE.search(document))
    out: list[Check] = []
    for table in parts.tables:
        if any(value != 0 for value in _figures(table)):
            continue
        own = without_spaces("".join(line.text for line in table.lines))
        word = _SUBJECT_WORDS.get(table.kind, table.title[:4])
        about = [m.group(0) for m in re.finditer(rf"[^。]*{re.escape(word)}[^。]*。?", narrative)] if word else []
        noted = bool(_EMPTY_NOTE_RE.search(own)) or global_note or \
            any(_EMPTY_NOTE_RE.search(s) or _ZERO_STATED_RE.search(s) for s in about)
        first = table.lines[0] if table.lines else None
        out.append(Check("empty_table_note", f"{table.label} {table.title} 空表说明", Decimal(1),
                         Decimal(1 if noted else 0), noted,
                         Provenance(file=record.source, page=first.page if first else None,
                                    line=first.lineno if first else None, table=table.label),
                         unit="处", note=None if noted else "表内无数据，未见“本表无数据/为空表”等说明"))
    return out


@register_checks("completeness", "完整性（必备说明、空表说明）")
def completeness_checks(parts, record: Record) -> list[Check]:
    """The per-file completeness checks (required tables are checked on the combined record)."""
    return section_checks(parts, record) + empty_table_checks(parts, record)
