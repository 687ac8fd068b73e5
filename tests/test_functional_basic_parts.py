"""A functional row's 基本支出 split into 人员经费 and 公用经费 where its table prints those columns
(issue 9, "every fact askable" — figures ``bench/unread_figures.py`` found no record holding):
重庆市人民政府办公厅 2026 p.15 表5 2026年一般公共预算支出情况表 (万元): 2026年预算数 合计 | 基本支出 (人员经费 |
公用经费) | 项目支出 — 2010301 行政运行 6,342.71 | 6,342.71 (4,542.97 | 1,799.74); 2010350 事业运行 77.70 |
77.70 (66.76 | 10.94); 2010302 一般行政管理事务 8,220.69, project only. Figures read off the PDF page."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.vocabulary.namespaces import BKG

pytestmark = pytest.mark.shared

CHONGQING = "chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"


@pytest.fixture(scope="module")
def record(national):
    """The document's record from the session's one extraction of ../shared/national (skipped where absent)."""
    return national[CHONGQING]


def _row(record, code: str):
    return next(r for r in record.scoped_functional["general_public_budget"] if r.code == code)


def test_parts_of_the_basic_spending(record):
    run = _row(record, "2010301")
    assert (run.total, run.basic, run.personnel, run.public) == (D("6342.71"), D("6342.71"), D("4542.97"), D("1799.74"))
    assert run.personnel + run.public == run.basic
    service = _row(record, "2010350")
    assert (service.personnel, service.public) == (D("66.76"), D("10.94"))
    affairs = _row(record, "2010302")  # a project-only row prints no parts
    assert (affairs.basic, affairs.personnel, affairs.public) == (None, None, None)


def test_checked(record):
    # the table's row identity: 基本支出 = 人员经费 + 公用经费
    checks = [c for c in record.checks if c.rule == "row_sum" and c.where == "表5 2010301 基本支出"]
    assert [(c.expected, c.printed, c.ok) for c in checks] == [(D("6342.71"), D("6342.71"), True)]


def test_json_only_where_printed(record):
    data = record_json(record)
    rows = {r["code"]: r for r in data["scoped_functional_subjects"]["general_public_budget"]}
    assert (rows["2010301"]["personnel"], rows["2010301"]["public"]) == ("4542.97", "1799.74")
    assert "personnel" not in rows["2010302"]
    again = record_from_json(data)
    assert _row(again, "2010301").public == D("1799.74")


def test_graph(record):
    from kg.rdf.mapping import record_to_graph

    doc, graph = record_to_graph(record)
    kinds = {graph.value(o, BKG.expenditureKind): graph.value(o, BKG.amount).toPython()
             for o in graph.subjects(BKG.amountScope, iris.amount_scope("general_public_budget"))
             if str(graph.value(o, BKG.subject) or "").endswith("2010301") and (o, BKG.amount, None) in graph}
    assert kinds[iris.expenditure_kind("personnel")] == D("4542.97")
    assert kinds[iris.expenditure_kind("public")] == D("1799.74")
    assert kinds[iris.expenditure_kind("basic")] == D("6342.71")


def test_asked(record):
    # the main table (表3) prints no 人员经费 column: the 一般公共预算支出表 that does answers, said to be its
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [record])
    reply = answer("重庆市人民政府办公厅2026年行政运行的人员经费是多少", store).to_json()
    text = reply["text"] if isinstance(reply, dict) and "text" in reply else str(reply)
    assert "以下为一般公共预算支出表的数" in text and "2010301 行政运行人员经费4542.97万元" in text
