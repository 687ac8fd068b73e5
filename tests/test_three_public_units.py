"""The 三公 table printed by unit (issue 9, "every fact askable"): 杭州 and 湖州 print the
一般公共预算“三公”经费预算表 with a 单位名称 column — a 合计 row, then the department's own row and one
row per budget unit. Each unit's row is a ``unit_three_public`` record row, added up against the
合计, mapped as ``bkg:unitThreePublicStructure`` cells and answered by unit (哪个单位三公经费最多).

Every figure below is read off the PDF itself (page and line of the text extraction named beside
it): 杭州市司法局 2026 p.34 表7 市级部门一般公共预算三公经费预算表 (万元), lines 770–777; 湖州市财政局 2026
p.28 表07 (万元), lines 556–561. The documents are read here, one graph of three budgets built from
them (the third, 西安市审计局 2026, prints its 三公 table by unit with its own row alone: no units)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, QB

pytestmark = pytest.mark.shared

HANGZHOU = "zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"
HUZHOU = "zhejiang_huzhou/湖州市财政局_2026部门预算.pdf"
XIAN = "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"
XIAN_2019 = "shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf"
SHENZHEN = "guangdong_shenzhen/深圳市财政局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def records(shared_dir) -> dict:
    from kg.extract.pipeline import extract_file

    national = shared_dir / "national"
    if not national.is_dir():
        pytest.skip(f"{national} not present (the national documents of ../shared)")
    return {name: extract_file(str(national / name)) for name in (HANGZHOU, HUZHOU, XIAN, XIAN_2019, SHENZHEN)}


@pytest.fixture(scope="module")
def store(records):
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [records[k] for k in (HANGZHOU, HUZHOU, XIAN)])
    return store


@pytest.fixture(scope="module")
def ask(store):
    from nlp import answer

    return lambda question: answer(question, store).to_json()


def test_graph_query(store):
    # the question service's SPARQL of the cells by unit (``unit_items``) over the ingested store
    from nlp.graph import Graph

    graph = Graph(store)
    budget = next(b for b in graph.budgets() if b.department == "杭州市司法局")
    rows = graph.rows("unit_items", [budget], None, [])
    purchase = {r.label: r.amount for r in rows if r.key == "three_public.vehicle_purchase"}
    assert purchase == {"杭州市东郊监狱": D("28.00"), "杭州市西郊监狱": D("49.00"), "杭州市南郊监狱": D("27.50"),
                        "杭州市北郊监狱": D("27.40"), "杭州市富春强制隔离戒毒所": D("19.78")}
    own = [r for r in rows if r.attrs["own"]]
    assert {(r.label, r.key, r.amount) for r in own} == {("杭州市司法局", "three_public.total", D("17.00")),
                                                         ("杭州市司法局", "three_public.reception", D("17.00"))}
    assert "第773行" in next(r.source for r in rows if r.label == "杭州市西郊监狱")
    # a budget whose 三公 table lists no units has no such cells
    xian = next(b for b in graph.budgets() if b.department.startswith("西安市审计局"))
    assert graph.rows("unit_items", [xian], None, []) == []


def test_rows_by_unit_hangzhou(records):
    rec = records[HANGZHOU]
    # line 771 "杭州市司法局 17.00 17.00" (合计, 公务接待费); line 773 "杭州市西郊监狱 101.60 86.60 49.00 37.60 15.00"
    assert [(u.name, u.own, u.parts.get("total")) for u in rec.unit_three_public] == [
        ("杭州市司法局", True, D("17.00")), ("杭州市东郊监狱", False, D("89.60")), ("杭州市西郊监狱", False, D("101.60")),
        ("杭州市南郊监狱", False, D("79.30")), ("杭州市北郊监狱", False, D("70.10")),
        ("杭州市富春强制隔离戒毒所", False, D("54.08")), ("杭州市法律援助中心", False, D("2.00"))]
    own, west = rec.unit_three_public[0], rec.unit_three_public[2]
    assert own.parts == {"total": D("17.00"), "reception": D("17.00")}  # blank cells are no figures
    assert west.parts == {"total": D("101.60"), "vehicles": D("86.60"), "vehicle_purchase": D("49.00"),
                          "vehicle_operation": D("37.60"), "reception": D("15.00")}
    assert (west.provenance.page, west.provenance.line, west.provenance.table, west.provenance.row) == (
        34, 773, "表7", "杭州市西郊监狱")
    # the department's figures stay the 合计 row's (line 770: 413.68 339.68 151.68 188.00 74.00)
    tp = rec.totals.three_public
    assert (tp.total, tp.vehicles, tp.vehicle_purchase, tp.vehicle_operation, tp.reception) == (
        D("413.68"), D("339.68"), D("151.68"), D("188.00"), D("74.00"))
    # the units add up to the 合计, column by column
    sums = {c.where: (c.expected, c.printed, c.ok) for c in rec.checks if "各单位之和" in c.where}
    assert sums["表7 合计 三公经费合计（各单位之和）"] == (D("413.68"), D("413.68"), True)
    assert sums["表7 合计 公务用车购置及运行费/公务用车购置费（各单位之和）"] == (D("151.68"), D("151.68"), True)
    assert sums["表7 合计 公务接待费（各单位之和）"] == (D("74.00"), D("74.00"), True)
    assert len(sums) == 5  # 因公出国（境）费用 is blank in every row: nothing to add up
    back = record_from_json(record_json(rec))
    assert back.unit_three_public == rec.unit_three_public


def test_rows_by_unit_huzhou_and_none_elsewhere(records):
    rec = records[HUZHOU]
    # line 557 "湖州市财政局 7.50 3.50 3.50 4.00" (no 购置费); lines 558–561 four centres of 0.45 公务接待费 each
    assert [(u.name, u.own, u.parts) for u in rec.unit_three_public[:2]] == [
        ("湖州市财政局", True, {"total": D("7.50"), "vehicles": D("3.50"), "vehicle_operation": D("3.50"),
                             "reception": D("4.00")}),
        ("湖州市市级财政国库支付中心", False, {"total": D("0.45"), "reception": D("0.45")})]
    assert sum(u.parts["total"] for u in rec.unit_three_public) == D("9.30") == rec.totals.three_public.total
    # a 三公 table by unit printing the department's sum line and its own row alone (西安 2026 表13: 117 and
    # 117001 西安市审计局) lists no units, and the record writes no such key
    assert records[XIAN].unit_three_public == []
    assert "unit_three_public" not in record_json(records[XIAN])
    # 深圳 表9 prints 预算单位 | 年度: one unit's 2025年 | 2026年 | 增减变化金额 rows, no units
    assert records[SHENZHEN].unit_three_public == []


def test_rows_by_unit_xian_2019(records):
    # p.32 表13 (万元), 2018年 | 2019年 | 增减 groups by 单位编码 | 单位名称: line 618 "125 西安市安全生产监督管理局" is
    # the department's sum line (the 合计's figures) — left out —, lines 619–622 its 本级 and three units
    rec = records[XIAN_2019]
    assert [(u.name, u.own, u.parts.get("total"), u.provenance.line) for u in rec.unit_three_public] == [
        ("西安市安全生产监督管理局", True, D("10.00"), 619), ("西安市安全生产宣传教育中心", False, D("12.00"), 620),
        ("西安市安全生产执法监察支队", False, D("4.38"), 621), ("西安市安全生产应急救援中心", False, D("2.00"), 622)]
    assert rec.unit_three_public[2].parts["reception"] == D("0.38")
    # the 2019 columns are read (2018年 is the year before): the units add up to the 2019 合计
    assert sum(u.parts["total"] for u in rec.unit_three_public) == D("28.38") == rec.totals.three_public.total
    assert all(c.ok for c in rec.checks if "各单位之和" in c.where)


def test_graph(records):
    doc, graph = record_to_graph(records[HANGZHOU])
    cells = iris.inside(doc, "dataset", "unit-three-public")
    assert graph.value(cells, QB.structure) == BKG.unitThreePublicStructure
    west = iris.department("杭州市西郊监狱")
    obs = iris.inside(doc, "obs", "unit-three-public", iris.department_key("杭州市西郊监狱"), "vehicle_purchase")
    assert graph.value(obs, BKG.amount).toPython() == D("49.00")
    assert graph.value(obs, BKG.budgetUnit) == west
    assert graph.value(obs, BKG.unitItem) == iris.item("three_public.vehicle_purchase")
    assert graph.value(obs, BKG.item) is None  # never read as the department's own figure
    assert graph.value(obs, QB.dataSet) == cells
    # the department's 三公 total is one observation, the 合计's
    totals = [o for o in graph.subjects(BKG.item, iris.item("three_public.total"))]
    assert [graph.value(o, BKG.amount).toPython() for o in totals] == [D("413.68")]
    units = {graph.value(o, BKG.budgetUnit) for o in graph.subjects(QB.dataSet, cells)}
    assert len(units) == 7 and iris.department("杭州市司法局") in units


def test_questions_by_unit(ask):
    text = ask("杭州市司法局系统里哪个单位三公经费最多？前三名各多少？")["text"]
    assert "按单位列示的三公经费表" in text
    first, second, third = (text.index(n) for n in ("西郊监狱", "东郊监狱", "南郊监狱"))
    assert first < second < third
    assert "101.60" in text and "89.60" in text and "79.30" in text
    assert "图谱中没有" not in text
    each = ask("杭州市司法局各单位公务接待费各多少？")["text"]
    assert all(f in each for f in ("17.00", "15.00", "10.00", "9.50", "5.50", "2.00"))
    one = ask("杭州市司法局西郊监狱的公车购置费多少？")["text"]
    assert "49.00" in one and "151.68" not in one.split("共有")[0]
    # one unit's 三公 as its row prints it, part by part (line 775: 70.10 60.60 27.40 33.20 9.50)
    north = ask("杭州市司法局北郊监狱三公经费多少？")["text"]
    assert "70.10" in north and "公务接待费9.50" in north and "60.60" in north
    assert "公务用车购置费27.40" in north and "公务用车运行费33.20" in north
    assert "413.68" not in north.split("共有")[0]  # the department's figure never stands in


def test_no_table_by_unit_answers_as_before(ask):
    # 西安市审计局 2026 prints its 三公 table without units: the department's figure, said to be so
    text = ask("西安市审计局系统里哪个单位三公经费最多？")["text"]
    assert "按单位列示的三公经费表" not in text
