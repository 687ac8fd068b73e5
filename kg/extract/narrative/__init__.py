"""Narrative readers: 部门概况, 项目说明, 上年结转结余, 绩效目标表, 三公/采购/运行经费 text,
名词解释, 比上年 changes, every amount the 说明 states (``statements`` -> ``facts``: income lines,
expenditure parts, 三公, 会议费/培训费, 采购 …; the totals a narrative-only file states),
国有资产 (vehicles by type), the parts listed for a total, and the policy documents cited anywhere.

``read_narrative`` appends what the narrative says to the record; projects are appended as they
are printed in each section (one entry per section) and ``kg.extract.merge`` makes one entry per
project. Every reader works from the document's lines with its own anchors (``项目名称：``,
``项目支出绩效目标表``), so it does not depend on how the sections were cut.
"""
from __future__ import annotations

import re

from kg.extract.model import Project, ProjectFunds, Record
from kg.extract.narrative import carryover, performance, projects
from kg.extract.narrative.assets import read_assets
from kg.extract.narrative.audit import narrative_lines
from kg.extract.narrative.changes import read_changes
from kg.extract.narrative.compositions import read_compositions, subitems
from kg.extract.narrative.goal_items import goal_items
from kg.names.department import same_department
from kg.extract.narrative.coverage import read_coverage
from kg.extract.narrative.facts import fill_totals, read_facts
from kg.extract.narrative.statements import read_statements
from kg.extract.narrative.definitions import read_definitions
from kg.extract.narrative.enumerated_projects import read_enumerated_projects
from kg.extract.narrative.execution import phased_from_executions, read_executions
from kg.extract.narrative.figures import apply_figures, read_figures
from kg.extract.narrative.policy import dedupe, find_policy_documents
from kg.extract.narrative.profile import read_profile
from kg.extract.narrative.score_list import read_score_lists
from kg.extract.narrative.text import from_wan, paragraphs, prov, scrub_phones
from kg.extract.narrative.units import in_wan
from kg.extract.source import Line

PERFORMANCE_LABEL = "绩效目标表"


def _lines(parts) -> list[Line]:
    doc = getattr(parts, "doc", None)
    if doc is not None and doc.lines:
        return list(doc.lines)
    return list(getattr(parts, "narrative", []) or [])


def performance_project(table: performance.PerformanceTable, file: str, unit: str | None = None) -> Project:
    """A Project from one 项目支出绩效目标表 (merged later with the other sections); the table
    prints 万元, the amount is converted into the record's ``unit``."""
    unit_funds = table.fiscal == 0 and bool(table.other)
    where = table.provenance or prov(file, None, PERFORMANCE_LABEL, table.name)
    funds = ProjectFunds(fiscal=from_wan(table.fiscal, unit), carryover=from_wan(table.carryover, unit),
                         other=from_wan(table.other, unit))
    return Project(name=table.name or "", amount=from_wan(table.budget, unit), responsible_person=table.person,
                   responsible_unit=table.unit, supervising_department=table.supervisor, executed=from_wan(table.executed, unit),
                   initial_budget=from_wan(table.initial_budget, unit), funds=funds if funds.any() else None,
                   execution_rate=table.execution_rate, self_evaluation_score=table.score,
                   category="unit_funds" if unit_funds else None, project_code=table.code,
                   funding_source="unit_funds" if unit_funds else None,
                   indicators=list(table.indicators),
                   policy_documents=find_policy_documents(" ".join(t for t in (table.goal, table.achieved) if t), where)
                   if table.goal or table.achieved else [],
                   description=scrub_phones(table.goal) or None, provenance=[where])


# a "name" made of a grid's column headings (北京 预算12表: 项目名称 | 项目总额 | 其中： | 绩效目标 …), not a project
_HEADER_WORDS_RE = re.compile(r"项目总额|^其中[：:]|其中[：:]绩效目标|^绩效目标$")


def read_narrative(parts, record: Record) -> None:
    """Read every narrative part of the document into ``record`` (see the module docstring)."""
    lines = _lines(parts)
    if not lines:
        return
    file = record.source
    department = record.department
    profile = read_profile(lines, record.source)
    # the budget units a 汇总 budget lists name the department itself too: it is no unit under itself
    profile.subordinate_units = [u for u in profile.subordinate_units if not same_department(u, department)]
    if not record.profile.divisions and not record.profile.staffing.authorized:
        record.profile = profile
    performance_lines = lines  # targets stay as printed
    lines = in_wan(lines)  # a narrative printed in 元: amounts restated in 万元 (exactly)
    added: list[Project] = []
    for item in projects.read_narrative_projects(lines):
        added.append(projects.to_project(item, file, department, record.unit))
    # Shanghai's one-page project sheets (``…经费情况说明``), amounts in the record's unit
    from kg.extract.project_sheets import read_project_sheets

    added.extend(read_project_sheets(lines, file, record.unit, department))
    # project tables printed by name only (no functional code), read from their ruled cells
    from kg.extract.project_cells import read_project_cell_tables

    added.extend(read_project_cell_tables(performance_lines, file, record.unit, department))
    # a project described under a heading of its own (（四）市对区专项转移支付项目绩效目标情况说明)
    from kg.extract.narrative.heading_projects import read_heading_projects

    added.extend(read_heading_projects(lines, file, record.unit, department))
    section = carryover.read_carryover(lines)
    if section is not None:
        added.extend(carryover.to_projects(section, file, department, record.unit))
    department_done = False
    for table in performance.read_performance_tables(performance_lines, file):
        if table.kind == "project" and table.name and not _HEADER_WORDS_RE.search(table.name):
            added.append(performance_project(table, file, record.unit))
            record.narrative.extend(goal_items(table, record))
        elif table.kind == "department" and not department_done and table.indicators:
            record.department_indicators = list(table.indicators)
            department_done = True
    added.extend(read_score_lists(performance_lines, file))  # 项目名称 / 自评分数 (Guangdong's 决算)
    # a project evaluated in depth (绩效评价报告 attached to a 决算): its money stated in prose only
    from kg.extract.narrative.evaluation_reports import read_evaluation_reports

    parts.evaluation_checks = []  # its 其中 splits against their figures (``evaluation_report_checks``)
    added.extend(read_evaluation_reports(performance_lines, file, record.unit, parts.evaluation_checks))
    # 会议费明细表 / 培训费明细表: each meeting or training an item of its whole
    from kg.extract.narrative.item_tables import read_item_tables

    record.narrative.extend(read_item_tables(performance_lines, file, record.unit))
    record.projects.extend(added)
    apply_figures(read_figures(lines, file, record.kind), record)
    if not record.definitions:
        record.definitions = read_definitions(lines)
    # every amount the 说明 states, typed; the totals the tables left empty; assets; changes
    prose = narrative_lines(parts)
    statements = read_statements(prose, department)
    # a 项目支出 enumerated by project (``项目支出 X万元，具体包括：1.A a万元，主要包括：…``)
    record.projects.extend(read_enumerated_projects(statements, file, record.unit, department))
    facts = read_facts(statements, record)
    record.narrative.extend(facts + subitems(read_compositions(statements), record, statements.span.text))
    fill_totals(facts, record)
    record.assets.extend(read_assets(statements, record))
    if not record.department_self_evaluation:
        from kg.extract.narrative.department_self_evaluation import read_department_self_evaluation

        record.department_self_evaluation = read_department_self_evaluation(performance_lines, file, record.unit)
        table = next((e for e in record.department_self_evaluation if e.indicators), None)
        if table is not None and not record.department_indicators:
            record.department_indicators = list(table.indicators)  # the 自评表's 年度绩效指标 with their 实际完成值
    if not record.performance_coverage:
        # the whole document's prose: a 说明 the section cut counts as a table still states it
        record.performance_coverage = read_coverage([line for line in performance_lines if line.cells is None],
                                                    file, record.unit)
    # the narrative's own statements first (with their reasons and rates); what a table prints of the year
    # before (``kg.extract.tables.previous_year``, read earlier) after them
    record.changes[:0] = read_changes(prose, file, department, narrative=statements, unit=record.unit,
                                      final=(record.kind or "").endswith("决算"))
    # 年初预算 against 决算, row by row, as a 决算's narrative states them (with their reasons)
    executions = read_executions(prose, record)
    record.executions.extend(executions)
    record.phased.extend(phased_from_executions(executions, record))
    # documents cited anywhere in the prose: the narrative lines where the sections are known
    # (a table row joined to the next one would glue a subject name to a 文号)
    prose = list(getattr(parts, "narrative", None) or []) or lines
    everywhere = [doc for para in paragraphs(prose)
                  for doc in find_policy_documents("\n".join(l.text for l in para), prov(file, para[0], None))]
    cited = [doc for project in record.projects for doc in project.policy_documents]
    record.policy_documents = dedupe(record.policy_documents + cited + everywhere)
