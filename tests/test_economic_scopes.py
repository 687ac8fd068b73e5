"""Economic rows read with their scope and their paired government subject.

- A document may print the economic classification twice: 西安 表6 一般公共预算支出明细表（按支出
  经济分类科目） covers the whole general budget (人员经费 | 公用经费 | 专项业务经费), 表8 the basic part
  only. Both are kept — the basic table's rows as ``economic_subjects``, the whole budget's under the
  scope ``general_public_budget`` — so "商品和服务支出多少" answers the whole figure and "基本支出中…"
  the basic one.
- The 政府预算支出经济分类 subject (50x) printed beside a 30x row is kept with the row (record and
  graph): 西安 and 烟台 in columns of their own, 北京 预算06表 as crossed coded names.

Every figure is read off the PDF (page named beside it)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, QB

pytestmark = pytest.mark.shared

XIAN_AUDIT = "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"
YANTAI = "shandong_yantai/烟台市财政局_2026部门预算.pdf"
BEIJING_TABLES = "beijing/北京市财政局_2026部门预算_附件2报表.pdf"


def _row(rows, code):
    return next(r for r in rows if r.code == code)


def test_whole_budget_economic_table_beside_the_basic_one(national):
    record = national[XIAN_AUDIT]
    whole = record.scoped_economic["general_public_budget"]
    # p.27 表6: "302 商品和服务支出 9,564,063.68 1,169,532.00 1,885,851.68 6,508,680.00"
    goods = _row(whole, "302")
    assert (goods.total, goods.personnel, goods.public, goods.project) == (
        D("9564063.68"), D("1169532.00"), D("1885851.68"), D("6508680.00"))
    # "30227 委托业务费 50205 委托业务费 3,500,000.00 3,500,000.00" — all of it 专项业务经费
    assert (_row(whole, "30227").total, _row(whole, "30227").project) == (D("3500000.00"), D("3500000.00"))
    # p.30 表8 (basic only): "302 商品和服务支出 3,055,383.68 1,169,532.00 1,885,851.68"
    basic = _row(record.economic_subjects, "302")
    assert (basic.total, basic.personnel, basic.public, basic.project) == (
        D("3055383.68"), D("1169532.00"), D("1885851.68"), None)
    assert record_from_json(record_json(record)).scoped_economic == record.scoped_economic

    doc, graph = record_to_graph(record)
    cells = iris.inside(doc, "dataset", "classification-economic", "general_public_budget")
    assert (cells, BKG.amountScope, iris.amount_scope("general_public_budget")) in graph
    project = iris.inside(doc, "obs", "scoped-economic", "general_public_budget", "302", "project")
    assert graph.value(project, BKG.amount).toPython() == D("650.868")  # 6,508,680.00 元 in 万元
    assert graph.value(project, QB.dataSet) == cells
    own = iris.inside(doc, "obs", "economic", "302", "total")
    assert graph.value(own, BKG.amount).toPython() == D("305.538368")  # the basic table's, its own data set


def test_government_subject_kept_beside_each_row(national):
    # 西安 p.27: "30101 基本工资 50101 工资奖金津补贴 7,059,565.80"
    audit = _row(national[XIAN_AUDIT].economic_subjects, "30101")
    assert [(g.code, g.name) for g in audit.government] == [("50101", "工资奖金津补贴")]
    # 烟台 表6 prints 30101 twice: beside 50101 (830.34) and beside 50501 (349.22)
    yantai = _row(national[YANTAI].economic_subjects, "30101")
    assert yantai.total == D("1179.56")
    assert [(g.code, g.total) for g in yantai.government] == [("50101", D("830.34")), ("50501", D("349.22"))]
    # 北京 预算06表 p.10–11: "50101-工资奖金津补贴 | 30101-基本工资 | 1,721.982000" and
    # "50501-工资福利支出 | 30101-基本工资 | 1,919.140800": one 30101 row of 3,641.122800
    beijing = national[BEIJING_TABLES]
    salary = _row(beijing.economic_subjects, "30101")
    assert (salary.name, salary.total) == ("基本工资", D("3641.122800"))
    assert [(g.code, g.name, g.total) for g in salary.government] == [
        ("50101", "工资奖金津补贴", D("1721.982000")), ("50501", "工资福利支出", D("1919.140800"))]
    assert not any(s.code.startswith("5") for s in beijing.economic_subjects)  # 50x is never the row's own
    # the table's 合计 (p.11): 人员经费 25,934.649992, 公用经费 2,081.608329
    assert sum(s.total for s in beijing.economic_subjects) == D("28016.258321")

    doc, graph = record_to_graph(national[YANTAI])
    obs = iris.inside(doc, "obs", "economic", "30101", "total")
    assert set(graph.objects(obs, BKG.governmentSubject)) == {iris.government_economic_subject("50101"),
                                                              iris.government_economic_subject("50501")}


def test_unqualified_economic_question_reads_the_whole_budget(ask_national):
    reply = ask_national("西安市审计局2026年商品和服务支出多少？")
    assert "956.41万元" in reply["text"] and "委托业务费350.00万元" in reply["text"]
    reply = ask_national("西安市审计局2026年基本支出中商品和服务支出多少？")
    assert "305.54万元" in reply["text"] and "委托业务费" not in reply["text"]


def test_top_rows_of_a_class_in_the_whole_budget(ask_national):
    reply = ask_national("西安审计局26年商品和服务支出里哪三项最多？")
    ranked = [(a.get("code"), a.get("value")) for a in reply["answers"] if a.get("rank")]
    assert ranked == [("30227", "350.00"), ("30211", "280.00"), ("30239", "116.95")]
