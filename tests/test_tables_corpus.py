"""Table parsers on the real corpus documents: exact rows, totals and projects.

001 has no gold record: its rows below were read by hand from the text (表3, 表6, 表7).
"""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from kg.extract.model import Record
from kg.extract.parse import parse_document
from kg.extract.sections import split
from kg.extract.source import read_text

DOCS = {"000": "000_0f1ed1c99506120d.txt", "001": "001_ed6cd4656d0ac36f.txt", "004": "004_afd15c6fd474ed3f.txt"}


@pytest.fixture(scope="module")
def records(request) -> dict[str, Record]:
    shared_dir = request.getfixturevalue("shared_dir")
    return {key: parse_document(read_text(str(shared_dir / "corpus" / name))) for key, name in DOCS.items()}


def _m(value):
    return None if value is None else D(value)


def test_sections_find_every_xinjiang_table(shared_dir) -> None:
    for key, labels in (("000", [f"表{i}" for i in range(1, 12)]),
                        ("001", [f"表{i}" for i in range(1, 11)]),
                        ("004", [f"表{i}" for i in range(1, 12)])):
        parts = split(read_text(str(shared_dir / "corpus" / DOCS[key])), Record(source=key))
        assert [t.label for t in parts.tables] == labels
        assert [t.kind for t in parts.tables][:7] == [
            "summary", "income", "expenditure", "fiscal_summary", "general_budget_expenditure",
            "basic_economic", "project_expenditure"]
        assert all(t.unit == "万元" for t in parts.tables)
        # the narrative's mention (…政府性基金预算支出情况表为空表。) is not a table
        assert len(parts.tables_of("government_fund")) == 1


@pytest.mark.parametrize("key", ["000", "004"])
def test_rows_equal_the_gold(records, shared_dir, key: str) -> None:
    gold = json.loads((shared_dir / "gold" / f"{key}.json").read_text(encoding="utf-8"))
    record = records[key]
    got = [(r.code, r.name, r.total, r.basic, r.project) for r in record.functional_subjects]
    assert got == [(g["code"], g["name"], _m(g["total"]), _m(g["basic"]), _m(g["project"]))
                   for g in gold["functional_subjects"]]
    got = [(r.code, r.name, r.total, r.personnel, r.public) for r in record.economic_subjects]
    assert got == [(g["code"], g["name"], _m(g["total"]), _m(g["personnel"]), _m(g["public"]))
                   for g in gold["economic_subjects"]]


def test_totals_000(records) -> None:
    t = records["000"].totals
    assert (t.income_total, t.expenditure_total, t.current_year_income, t.general_public_budget,
            t.upper_level_transfer, t.government_fund, t.state_capital) == (
        D("4678.70"), D("4678.70"), D("1744.68"), D("1744.68"), D("1008.30"), None, None)
    assert (t.carryover_total, t.carryover_fiscal, t.carryover_nonfiscal) == (D("2934.03"), D("2904.03"), D("30.00"))
    assert (t.basic_expenditure, t.personnel, t.public_expenses, t.project_expenditure) == (
        D("421.68"), D("371.82"), D("49.86"), D("4257.03"))
    assert t.unit_funds == D("0.00") and t.provenance["unit_funds"].table == "说明"  # blank in 表1
    tp = t.three_public
    assert (tp.total, tp.overseas, tp.reception, tp.vehicles, tp.vehicle_purchase, tp.vehicle_operation) == (
        D("6.39"), D("0.00"), D("0.39"), D("6.00"), D("0.00"), D("6.00"))
    assert t.provenance["income_total"].table == "表1" and t.provenance["personnel"].table == "表6"


def test_totals_004(records) -> None:
    t = records["004"].totals
    assert (t.income_total, t.current_year_income, t.general_public_budget, t.unit_funds) == (
        D("2448.62"), D("2448.62"), D("2188.62"), D("260.00"))
    assert t.upper_level_transfer is None and t.carryover_nonfiscal is None
    assert (t.carryover_total, t.carryover_fiscal) == (D("0.00"), D("0.00"))
    assert (t.three_public.total, t.three_public.reception, t.three_public.vehicle_operation) == (
        D("32.00"), D("15.00"), D("17.00"))


def test_projects_000(shared_dir) -> None:
    parts = split(read_text(str(shared_dir / "corpus" / DOCS["000"])), Record(source="000"))
    record = Record(source="000", unit="万元", department="昌吉回族自治州生态环境局")
    from kg.extract.tables import read_tables

    read_tables(parts, record)
    got = [(p.name, p.amount, p.functional_code, p.category, p.funding_source, p.project_code) for p in record.projects]
    assert got[:6] == [
        ("“美丽昌吉”宣传活动经费", D("20.00"), "2013304", "current", "general_public_budget", None),
        ("机关运行补助经费", D("57.00"), "2110102", "current", "general_public_budget", None),
        ("自治州排放源统计年报审核", D("30.00"), "2110102", "current", "general_public_budget", None),
        ("微型环境空气质量监测体系运维费", D("63.70"), "2110301", "current", "general_public_budget", None),
        ("昌州财建【2024】126号提前下达2025年中央大气污染防治资金（昌吉州大气污染防治重点区域加密空气质量自动监测站点建设项目）",
         D("1008.30"), "2110301", "current", "upper_level_transfer", None),
        ("生态环保项目尾款", D("144.00"), "2110399", "current", "general_public_budget", None),
    ]
    carry = got[6:]
    assert len(carry) == 11
    assert carry[0] == ("特定目标04103500", D("2.00"), None, "carryover", "carryover_fiscal", "04103500")
    assert carry[4] == ("特定目标5010003T", D("388.00"), None, "carryover", "carryover_fiscal", "5010003T")
    assert carry[-1] == ("机关运行补助经费", D("30.00"), None, "carryover", "carryover_nonfiscal", None)
    assert sum(p[1] for p in carry) == D("2934.04")  # 表11 prints 2934.03: a check reports it
    assert record.projects[0].provenance[0].table == "表7"


FUNCTIONAL_001 = [
    ("208", "社会保障和就业支出", "11.05", "11.05", None),
    ("20805", "行政事业单位养老支出", "11.05", "11.05", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "7.37", "7.37", None),
    ("2080506", "机关事业单位职业年金缴费支出", "3.68", "3.68", None),
    ("210", "卫生健康支出", "3.94", "3.94", None),
    ("21011", "行政事业单位医疗", "3.94", "3.94", None),
    ("2101102", "事业单位医疗", "3.68", "3.68", None),
    ("2101103", "公务员医疗补助", "0.23", "0.23", None),
    ("2101199", "其他行政事业单位医疗支出", "0.02", "0.02", None),
    ("211", "节能环保支出", "1151.88", "299.26", "852.62"),
    ("21103", "污染防治", "810.00", None, "810.00"),
    ("2110301", "大气", "718", None, "718"),
    ("2110399", "其他污染防治支出", "92.00", None, "92.00"),
    ("21111", "污染减排", "341.88", "299.26", "42.62"),
    ("2111101", "生态环境监测与信息", "331.38", "299.26", "32.12"),
    ("2111103", "减排专项支出", "10.50", None, "10.50"),
    ("221", "住房保障支出", "5.79", "5.79", None),
    ("22102", "住房改革支出", "5.79", "5.79", None),
    ("2210201", "住房公积金", "5.79", "5.79", None),
]

ECONOMIC_001 = [
    ("301", "工资福利支出", "10.11", "310.11", None),  # printed so: the lost digit is a failed check
    ("30101", "基本工资", "19.43", "19.43", None), ("30102", "津贴补贴", "5.82", "5.82", None),
    ("30103", "奖金", "6.56", "6.56", None), ("30107", "绩效工资", "14.63", "14.63", None),
    ("30108", "机关事业单位基本养老保险缴费", "7.37", "7.37", None), ("30109", "职业年金缴费", "3.68", "3.68", None),
    ("30110", "城镇职工基本医疗保险缴费", "3.68", "3.68", None), ("30111", "公务员医疗补助缴费", "0.23", "0.23", None),
    ("30112", "其他社会保障缴费", "0.34", "0.34", None), ("30113", "住房公积金", "5.79", "5.79", None),
    ("30199", "其他工资福利支出", "242.58", "242.58", None),
    ("302", "商品和服务支出", "9.93", None, "9.93"), ("30201", "办公费", "0.40", None, "0.40"),
    ("30211", "差旅费", "2.50", None, "2.50"), ("30213", "维修(护)费", "0.10", None, "0.10"),
    ("30226", "劳务费", "0.15", None, "0.15"), ("30228", "工会经费", "0.87", None, "0.87"),
    ("30229", "福利费", "0.78", None, "0.78"), ("30231", "公务用车运行维护费", "4.60", None, "4.60"),
    ("30299", "其他商品和服务支出", "0.52", None, "0.52"),
]


def test_functional_rows_001(records) -> None:
    got = [(r.code, r.name, r.total, r.basic, r.project) for r in records["001"].functional_subjects]
    assert got == [(c, n, _m(t), _m(b), _m(p)) for c, n, t, b, p in FUNCTIONAL_001]


def test_economic_rows_001(records) -> None:
    got = [(r.code, r.name, r.total, r.personnel, r.public) for r in records["001"].economic_subjects]
    assert got == [(c, n, _m(t), _m(a), _m(b)) for c, n, t, a, b in ECONOMIC_001]


def test_projects_and_totals_001(records) -> None:
    record = records["001"]
    table7 = sorted((p.name, p.amount, p.functional_code) for p in record.projects
                    if any(x.table == "表7" for x in p.provenance))
    names = {n for p in record.projects for n in p.all_names()}
    assert {"环境监控运转经费", "链路及通讯费用", "信息化运维", "重型柴油车OBD远程在线监控"} <= names
    assert any(n.startswith("污染源监控系统运行维护") for n in names)
    assert (D("40.00"), "2110399") in {(a, c) for _, a, c in table7}
    assert (D("10.50"), "2111103") in {(a, c) for _, a, c in table7}
    assert sum(a for _, a, _ in table7) == D("85.64")
    t = record.totals
    assert (t.income_total, t.current_year_income, t.carryover_total, t.carryover_fiscal, t.carryover_nonfiscal) == (
        D("1172.66"), D("405.68"), D("766.98"), D("734.86"), D("32.12"))
    assert (t.basic_expenditure, t.project_expenditure, t.personnel, t.public_expenses) == (
        D("320.04"), D("852.62"), D("310.11"), D("9.93"))
    assert (t.three_public.total, t.three_public.vehicle_operation) == (D("4.60"), D("4.60"))
