"""A 决算's 绩效评价报告 read into its named project (``kg.extract.narrative.evaluation_reports``), exactly as
国家信访局_2024部门决算 (../shared/national/central, skipped where absent) prints it on pp.44–45, and asked by
the project's name through the question service."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kg.extract.narrative.evaluation_reports import TABLE, read_evaluation_reports
from kg.extract.pipeline import extract_file
from kg.extract.source import read_source

pytestmark = pytest.mark.shared

NAME = "全国信访信息系统维护费"


@pytest.fixture(scope="module")
def final_2024(shared_dir):
    path = shared_dir / "national" / "central" / "国家信访局_2024部门决算.pdf"
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="module")
def record(final_2024):
    return extract_file(str(final_2024))


def test_the_report_gives_its_project_with_the_money_its_text_states(record) -> None:
    """p.45: 年初预算数 1018.00, 全年预算数 1018.55 (其中当年财政拨款 898.00、上年结转资金 120.55), 实际支出
    760.53, 执行率 74.67% — each figure with the line it stands on (819, 821, 823), the title on line 796."""
    project = next(p for p in record.projects if p.name == NAME)
    assert (project.amount, project.initial_budget, project.executed, project.execution_rate) == \
        (Decimal("1018.55"), Decimal("1018.00"), Decimal("760.53"), Decimal("74.67"))
    assert (project.funds.fiscal, project.funds.carryover, project.funds.other) == \
        (Decimal("898.00"), Decimal("120.55"), None)  # the 全年预算数's split
    assert project.self_evaluation_score is None  # an evaluation report is no 自评
    assert [(p.table, p.page, p.line) for p in project.provenance] == \
        [(TABLE, 44, 796), (TABLE, 45, 821), (TABLE, 45, 819), (TABLE, 45, 823)]


def test_the_self_evaluated_projects_stay_as_the_tables_print_them(record) -> None:
    """The four 自评表 projects keep their own figures; the report adds one project, not a copy of them."""
    scored = sorted((p.name, p.self_evaluation_score) for p in record.projects if p.self_evaluation_score is not None)
    assert scored == [("信息化运行维护", Decimal("90.5")), ("信访干部培训专项", Decimal("98")),
                      ("信访研究宣传立法专项", Decimal("94.7")), ("资产运行维护", Decimal("98"))]
    assert [p.name for p in record.projects if any(v.table == TABLE for v in p.provenance)] == [NAME]


def test_each_split_is_checked_against_the_figure_it_splits(record) -> None:
    """Both 其中 splits of the report add up (898.00 + 120.00 = 1018.00; 898.00 + 120.55 = 1018.55): two
    narrative_sum checks that hold, each at the line of the figure it splits."""
    checks = [c for c in record.checks if c.provenance and c.provenance.table == TABLE]
    assert [(c.rule, c.printed, c.expected, c.ok, c.provenance.line) for c in checks] == \
        [("narrative_sum", Decimal("1018.55"), Decimal("1018.55"), True, 821),
         ("narrative_sum", Decimal("1018.00"), Decimal("1018.00"), True, 819)]


def test_a_split_that_does_not_add_up_is_a_finding_not_the_projects_funds(final_2024) -> None:
    """The same report with its 上年结转资金 printed 120.56: 898.00 + 120.56 = 1018.56 is not 1018.55 — a
    finding at line 821, and the project's funds are the 年初预算数's split that holds (898.00 + 120.00)."""
    doc = read_source(str(final_2024))
    lines = [replace(line, text=line.text.replace("上年结转资金 120.55", "上年结转资金 120.56")) for line in doc.lines]
    assert lines != doc.lines
    checks: list = []
    [project] = read_evaluation_reports(lines, doc.name, "万元", checks)
    assert project.amount == Decimal("1018.55")
    assert (project.funds.fiscal, project.funds.carryover) == (Decimal("898.00"), Decimal("120.00"))
    [wrong] = [c for c in checks if not c.ok]
    assert (wrong.expected, wrong.printed, wrong.provenance.line) == (Decimal("1018.56"), Decimal("1018.55"), 821)


def test_a_budget_without_a_report_gives_none(shared_dir) -> None:
    """国家信访局_2026部门预算 mentions no 绩效评价报告 title: no project is made up."""
    path = shared_dir / "national" / "central" / "国家信访局_2026部门预算.pdf"
    if not path.exists():
        pytest.skip(f"{path} not present")
    doc = read_source(str(path))
    assert read_evaluation_reports(doc.lines, doc.name, "万元") == []


def test_the_project_is_asked_by_its_name(record) -> None:
    """B46-18's question: 全年预算 1018.55, 实际支出 760.53, 执行率 74.67%; and 自评 projects below 80% are
    still the two the 自评表 score (the report's project is not one of them)."""
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [record])
    reply = answer("全国信访信息系统维护费这个项目2024年预算多少、实际花了多少、执行率多少？", store).to_json()
    assert {Decimal("1018.55"), Decimal("760.53"), Decimal("74.67")} <= nlp_support.reply_numbers(reply)
    carried = answer("全国信访信息系统维护费这个项目2024年有多少是上年结转的？", store).to_json()
    assert Decimal("120.55") in nlp_support.reply_numbers(carried)
    low = answer("国家信访局2024年在决算里公开自评结果的项目中，哪些预算执行率不到80%？", store).to_json()
    labels = " ".join(nlp_support.reply_labels(low))
    assert "信息化运行维护" in labels and "信访研究宣传立法专项" in labels and NAME not in labels
