"""The budget units inside a department: the unit rows of an income table printed by unit
(收入总体情况表 / 收入预算总表 whose first column is 单位名称) read into ``unit_income`` (one row per
unit, its printed sources), mapped as the unit (a department node, linked to its department) and
one observation per unit × source (``bkg:unitIncomeStructure``), and reached by questions naming
the units as people say them.

Every figure below is read off the PDF itself (page and line named beside it), not taken from the
system's output."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from rdflib.namespace import ORG

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, QB

pytestmark = pytest.mark.shared

HANGZHOU = "zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"
GUANGZHOU = "guangdong_guangzhou/广州市统计局_2026部门预算.pdf"
ZHUHAI = "guangdong_zhuhai/珠海市商务局_2026部门预算.pdf"


def _unit(record, name):
    return next(u for u in record.unit_income if u.name == name)


def test_hangzhou_prisons_by_unit(national):
    # p.25 表2 2026年市级部门收入预算总表, line 567: "杭州市北郊监狱 24,308.97 24,308.97 22,462.39 1,846.58"
    # (总计, 本年收入小计, 一般公共预算, 其他收入); line 562 "杭州市司法局 99,230.46 …" equals the 合计
    # row and is the department's sum printed again, line 563 "杭州市司法局 12,586.47 …" its 本级
    rec = national[HANGZHOU]
    assert [u.name for u in rec.unit_income] == [
        "杭州市司法局", "杭州市东郊监狱", "杭州市西郊监狱", "杭州市南郊监狱", "杭州市北郊监狱",
        "杭州市富春强制隔离戒毒所", "杭州市法律援助中心"]
    north = _unit(rec, "杭州市北郊监狱")
    assert north.sources == {"total": D("24308.97"), "general_public_budget": D("22462.39"),
                             "unit_other": D("1846.58")}
    assert (north.own, north.provenance.page, north.provenance.line, north.provenance.table) == (False, 25, 567, "表2")
    own = _unit(rec, "杭州市司法局")
    assert (own.own, own.sources["total"], own.provenance.line) == (True, D("12586.47"), 563)
    assert _unit(rec, "杭州市法律援助中心").sources == {"total": D("1112.70"), "general_public_budget": D("1112.70")}
    assert record_from_json(record_json(rec)).unit_income == rec.unit_income


def test_zhuhai_carryover_by_unit_and_graph(national):
    # p.8 表2 收入总体情况表, lines 143–145: 上年结转结余 (last column) 19,900.58 / 3.16 / 0.27
    rec = national[ZHUHAI]
    assert [(u.name, u.own, u.sources["total"], u.sources["carryover_fiscal"]) for u in rec.unit_income] == [
        ("珠海市商务局", True, D("64704.94"), D("19900.58")),
        ("珠海市贸易服务中心", False, D("1090.13"), D("3.16")),
        ("珠海市会议展览局", False, D("512.90"), D("0.27"))]
    doc, graph = record_to_graph(rec)
    cells = iris.inside(doc, "dataset", "unit-income")
    assert graph.value(cells, QB.structure) == BKG.unitIncomeStructure
    centre = iris.department("珠海市贸易服务中心")
    assert (iris.department("珠海市商务局"), ORG.hasSubOrganization, centre) in graph
    obs = iris.inside(doc, "obs", "unit-income", iris.department_key("珠海市贸易服务中心"), "carryover_fiscal")
    assert graph.value(obs, BKG.amount).toPython() == D("3.16")
    assert graph.value(obs, BKG.budgetUnit) == centre
    assert graph.value(obs, BKG.incomeSource) == iris.funding_source("carryover_fiscal")
    assert graph.value(obs, QB.dataSet) == cells
    own = iris.inside(doc, "obs", "unit-income", iris.department_key("珠海市商务局"), "total")
    assert graph.value(own, BKG.budgetUnit) == iris.department("珠海市商务局")  # 本级: the department itself


def test_table_by_subject_has_no_units(national):
    # 表3 本年支出总体情况表 and every table by subject: no unit rows; a single-unit department none
    rec = national["jiangsu_suzhou/苏州市审计局_2026部门预算.pdf"]
    assert rec.unit_income == []


def test_four_prisons_ranked(ask_national):
    # p.25 lines 564–567: 东郊 18,764.53, 西郊 19,347.38, 南郊 18,190.36, 北郊 24,308.97
    reply = ask_national("杭州市司法局下面四个监狱，26年谁的预算最多？按多少排一下。")
    text = reply["text"]
    order = [text.index(n) for n in ("北郊监狱", "西郊监狱", "东郊监狱", "南郊监狱")]
    assert order == sorted(order)
    assert "24308.97" in text and "18190.36" in text
    assert "戒毒所" not in text and "法律援助中心" not in text  # only the four prisons asked


def test_own_office_and_two_centres_shares(ask_national):
    # p.8 表2 lines 125–128: 合计 9,483.72; 广州市统计局 6,748.28; 普查中心 1,373.74; 监测中心 1,361.71
    reply = ask_national("广州统计局26年预算9483.72万元，局本级和两个下属中心各占多少？")
    text = reply["text"]
    for figure in ("6748.28", "1373.74", "1361.71"):
        assert figure in text
    shares = {d["label"]: d["value"] for d in reply["derived"] if d["unit"] == "%"}
    assert shares["广州市统计局（本级）占比"] == "71.16"  # 6,748.28 ÷ 9,483.72
    assert "相差0.01万元" in text  # the units add up to 9,483.73, the table prints 9,483.72


def test_carryover_falls_on_units(ask_national):
    reply = ask_national("珠海商务局26年的预算里有多少是上年结转结余？占全部收入的几成？分别落在哪几个单位？")
    text = reply["text"]
    assert "19900.58" in text and "3.16" in text and "0.27" in text
    assert "30.02%" in text


def test_a_unit_named_as_people_say_it(ask_national):
    reply = ask_national("杭州北郊监狱26年预算多少？")
    assert "杭州市北郊监狱的收入总计24308.97万元" in reply["text"]
    # the department itself stays the department's figure (p.23 表1 收入总计 99,230.46)
    assert "99230.46" in ask_national("杭州市司法局26年预算多少？")["text"]


def test_a_project_of_one_unit(ask_national):
    # p.40 line 862 项目支出表: 杭州市北郊监狱 日常保障运行 2,836.98 — each prison prints a project of that
    # name (东郊 371.10 line 847, 西郊 1,179.00 line 852); the question names 北郊监狱
    reply = ask_national("杭州北郊监狱的日常保障运行项目，钱从哪来？")
    first = reply["parts"][0]["text"] if reply["parts"] else reply["text"]
    assert "2836.98" in first
    assert "1179.00" not in first and "371.10" not in first
