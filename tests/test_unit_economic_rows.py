"""A table of one kind of spending printed by unit, each unit over its economic 类 rows (issue 9,
"every fact askable" — rows ``bench/unread_figures.py`` found no record holding): 广东 表11
部门预算基本支出预算表 (万元). 广州市统计局 2026 p.20: 合计 8,401.67; 广州市统计局（本级） 5,673.23 over
工资福利支出 4,785.53 | 商品和服务支出 381.91 | 对个人和家庭的补助 497.79 | 资本性支出 8.00; 广州市统计普查中心
1,373.74 over 1,155.76 | 102.93 | 111.04 | 4.00; 广州市统计监测中心（广州市统计发展中心） 1,354.71 over
1,190.37 | 71.63 | 92.21 | 0.50 — each row 总计 | 财政拨款 合计 | 一般公共预算 | 政府性基金预算 |
国有资本经营预算 | 财政专户拨款 | 其他资金. 珠海市商务局 2026 p.21 prints 工资和福利支出 (the same 类 301).

Read here: each unit's rows as ``unit_economic`` (code by name, 总计 and funds, provenance), their
arithmetic checked, mapped as ``bkg:UnitEconomicCell`` and answered by unit. Figures read off the
PDF pages (pdfplumber's tables)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, QB
from rdflib.namespace import RDF, RDFS, SKOS

pytestmark = pytest.mark.shared

GUANGZHOU = "guangdong_guangzhou/广州市统计局_2026部门预算.pdf"
ZHUHAI = "guangdong_zhuhai/珠海市商务局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def records(national) -> dict:
    """The two documents' records from the session's one extraction of ../shared/national (skipped where absent)."""
    return {name: national[name] for name in (GUANGZHOU, ZHUHAI)}


def test_rows_under_each_unit(records):
    rows = records[GUANGZHOU].unit_economic
    assert [(r.unit, r.code, r.name, r.total) for r in rows if r.unit == "广州市统计普查中心"] == [
        ("广州市统计普查中心", "301", "工资福利支出", D("1155.76")),
        ("广州市统计普查中心", "302", "商品和服务支出", D("102.93")),
        ("广州市统计普查中心", "303", "对个人和家庭的补助", D("111.04")),
        ("广州市统计普查中心", "310", "资本性支出", D("4.00"))]
    own = [r for r in rows if r.own]
    assert {r.unit for r in own} == {"广州市统计局（本级）"} and own[0].kind == "basic"
    assert own[0].funds == {"fiscal": D("4785.53"), "general_public_budget": D("4785.53"),
                            "government_fund": D("0.00"), "state_capital": D("0.00"),
                            "fiscal_special": D("0.00"), "other": D("0.00")}
    assert (own[0].provenance.page, own[0].provenance.table, own[0].provenance.row) == \
        (20, "表11", "广州市统计局（本级）/工资福利支出")
    # the units' 工资福利支出 add up to the department's 301 of its economic table (7,131.66)
    assert sum(r.total for r in rows if r.code == "301") == D("7131.66")


def test_a_spelling_of_the_class_gets_its_code(records):
    rows = records[ZHUHAI].unit_economic
    wages = next(r for r in rows if r.own and r.name == "工资和福利支出")
    assert (wages.code, wages.total) == ("301", D("4250.28"))


def test_checks(records):
    checks = [c for c in records[GUANGZHOU].checks if c.rule == "row_sum" and c.where.startswith("表11 ")]
    assert len(checks) == 24 and all(c.ok for c in checks)  # 12 rows × (总计, 财政拨款)
    units = [c for c in records[GUANGZHOU].checks if c.rule == "children_sum" and c.where == "表11 广州市统计普查中心"]
    # the document's own rounding: 1,155.76 + 102.93 + 111.04 + 4.00 = 1,373.73 under a printed 1,373.74
    assert [(c.expected, c.printed, c.ok) for c in units] == [(D("1373.73"), D("1373.74"), False)]


def test_json_round_trip(records):
    data = record_json(records[GUANGZHOU])
    first = data["unit_economic"][0]
    assert (first["unit"], first["code"], first["total"]) == ("广州市统计局（本级）", "301", "4785.53")
    again = record_from_json(data)
    assert again.unit_economic == records[GUANGZHOU].unit_economic


def test_graph(records):
    doc, graph = record_to_graph(records[GUANGZHOU])
    census = iris.department("广州市统计普查中心")
    cells = [c for c in graph.subjects(RDF.type, BKG.UnitEconomicCell) if graph.value(c, BKG.budgetUnit) == census
             and graph.value(c, BKG.fundingSource) == iris.funding_source("total")]
    by_code = {str(graph.value(graph.value(c, BKG.economicSubject), SKOS.notation)): c for c in cells}
    assert sorted(by_code) == ["301", "302", "303", "310"]
    cell = by_code["301"]
    assert graph.value(cell, BKG.amount).toPython() == D("1155.76")
    assert graph.value(cell, BKG.expenditureKind) == iris.expenditure_kind("basic")
    assert str(graph.value(cell, RDFS.label)) == "工资福利支出"
    assert graph.value(cell, BKG.subject) is None  # never read as the department's economic figure
    assert (cell, RDF.type, QB.Observation) not in graph


def test_asked_by_unit(records):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[GUANGZHOU]])
    reply = answer("广州市统计局各单位工资福利支出各多少", store).to_json()
    text = reply["text"] if isinstance(reply, dict) and "text" in reply else str(reply)
    assert "1. 广州市统计局（本级）4785.53万元（占67.10%）；2. 广州市统计普查中心1155.76万元" in text
    assert "7,131.66万元" in text
