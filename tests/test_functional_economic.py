"""Functional × economic cross tables: the economic rows under each functional row, read from the real
document, added up against the functional table, and asked of the real graph.

Of the templates in ../shared (corpus, realdocs, national), only 北京 prints such a table: 北京市财政局
_2026部门预算_附件2报表.pdf p.5–6 预算03表 支出总表, 86 rows ``支出功能分类科目 | 政府支出经济分类科目 |
部门支出经济分类科目 | 合计 | 基本支出 | 项目支出``, e.g. ``2010607-信息化建设 | 50209-维修（护）费 |
30213-维修（护）费 | 4,233.401500 | | 4,233.401500``; its functional rows stand in 预算05表 (2010607
信息化建设 6,918.431100; 2010601 行政运行 printed once per unit, 10,096.054007 and 7,239.974050).
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.national_support import documents_named

pytestmark = pytest.mark.shared

FILES = {"beijing": "beijing/北京市财政局_2026部门预算_附件2报表.pdf"}


@pytest.fixture(scope="module")
def beijing(national):
    return documents_named(national, FILES)["beijing"]


def test_cells_as_printed(beijing) -> None:
    cells = beijing.functional_economic
    assert len(cells) == 86
    it = {(c.economic_code, c.economic_name, c.government_code): (c.total, c.basic, c.project)
          for c in cells if c.functional_code == "2010607"}
    assert it == {("30214", "租赁费", "50201"): (D("1416.929600"), None, D("1416.929600")),
                  ("30227", "委托业务费", "50205"): (D("31.000000"), None, D("31.000000")),
                  ("30213", "维修（护）费", "50209"): (D("4233.401500"), None, D("4233.401500")),
                  ("31007", "信息网络及软件购置更新", "50306"): (D("1237.100000"), None, D("1237.100000"))}
    repair = next(c for c in cells if c.functional_code == "2010607" and c.economic_code == "30213")
    assert str(repair.total) == "4233.401500"  # every printed digit
    assert (repair.provenance.table, repair.provenance.page) == ("预算03表", 5)
    training = [c for c in cells if c.functional_code == "2050803" and c.government_code == "50203"]
    assert [(c.total, c.basic, c.project) for c in training] == [(D("152.341000"), D("100.821000"), D("51.520000"))]


def test_cells_add_up_to_the_functional_rows(beijing) -> None:
    checks = [c for c in beijing.checks if c.rule == "functional_economic_sum"]
    assert len(checks) == 29 and all(c.ok for c in checks)
    # 行政运行: its cells against the two unit rows of 预算05表 (10,096.054007 + 7,239.974050)
    run = next(c for c in checks if c.where == "预算03表 2010601 按经济分类之和 vs 预算05表 2010601 合计")
    assert run.expected == run.printed == D("17336.028057")


def test_questions_reach_the_cells(national_store) -> None:
    from nlp import answer

    reply = answer("北京市财政局信息化建设科目下的钱按经济分类花在哪，维修（护）费多少？", national_store).to_json()
    values = {a["label"]: a["value"] for a in reply["answers"] if "value" in a}
    assert values["2010607 信息化建设 · 30213 维修（护）费"] == "4233.4015"
    assert values["2010607 信息化建设 · 30214 租赁费"] == "1416.9296"
    assert values["2010607 信息化建设 · 30227 委托业务费"] == "31.00"
    reply = answer("北京市财政局2026年信息化建设（2010607）预算多少？按经济科目拆开看呢", national_store).to_json()
    assert "1237.10" in {a.get("value") for a in reply["answers"]}
