"""``merge.merge_projects``: one entry per project over 表7, 说明, 表11, 上年结转结余 and 绩效目标表."""
from __future__ import annotations

from decimal import Decimal

from kg.extract.merge import merge_projects, name_similarity
from kg.extract.model import Indicator, Project, Provenance, Record
from tests.narrative_support import corpus_record


def _p(name, amount, table, **kw):
    return Project(name=name, amount=Decimal(amount), provenance=[Provenance("f", table=table)], **kw)


def test_same_name_different_amount_stays_two_projects():
    record = Record(source="f", department="某局")
    record.projects = [
        _p("机关运行补助经费", "57.00", "表7", category="current", functional_code="2110102"),
        _p("机关运行补助经费", "30.00", "表11", category="carryover", funding_source="carryover_nonfiscal"),
        _p("机关运行补助经费", "57.00", "说明七", responsible_unit="某局"),
        _p("机关运行补助经费", "30.00", "说明十一", category="carryover"),
        _p("机关运行补助经费", "57.00", "绩效目标表", responsible_person="马淑娟",
           indicators=[Indicator("产出指标", "数量指标", "物业人员配备数", ">=5人", Decimal(10))]),
    ]
    merge_projects(record)
    assert [(p.name, p.amount, p.category, p.funding_source) for p in record.projects] == [
        ("机关运行补助经费", Decimal("57.00"), "current", "general_public_budget"),
        ("机关运行补助经费", Decimal("30.00"), "carryover", "carryover_nonfiscal")]
    current = record.projects[0]
    assert current.responsible_person == "马淑娟" and len(current.indicators) == 1
    assert current.functional_code == "2110102" and current.aliases == []
    assert record.projects[1].responsible_unit == "某局" and record.projects[1].indicators == []


def test_performance_table_joins_by_amount_and_code_rows_by_amount():
    record = Record(source="f", department="某局")
    record.projects = [
        _p("微型环境空气质量监测体系运维费", "63.70", "表7", category="current", functional_code="2110301"),
        _p("特定目标5010001K", "64.60", "表11", category="carryover", funding_source="carryover_fiscal",
           project_code="5010001K"),
        _p("昌吉州160套环境空气微型站点设备运行维护技术服务项目", "64.60", "说明十一", category="carryover"),
        _p("昌吉州160套环境空气微型站点设备运行维护技术服务项目", "63.70", "绩效目标表", responsible_person="周燕"),
    ]
    merge_projects(record)
    current, carried = record.projects
    assert current.name == "微型环境空气质量监测体系运维费"
    assert current.aliases == ["昌吉州160套环境空气微型站点设备运行维护技术服务项目"]
    assert current.responsible_person == "周燕"
    assert (carried.amount, carried.project_code, carried.funding_source, carried.aliases) == (
        Decimal("64.60"), "5010001K", "carryover_fiscal", [])


def test_unit_funds_tables_stand_alone():
    record = Record(source="f", department="某局")
    record.projects = [_p("2023年结余资金", "30.00", "绩效目标表", category="unit_funds", funding_source="unit_funds")]
    merge_projects(record)
    assert [(p.category, p.funding_source, p.responsible_unit) for p in record.projects] == [
        ("unit_funds", "unit_funds", "某局")]


def test_name_similarity():
    assert name_similarity("“美丽昌吉”宣传活动经费", "“美丽昌吉”宣传活动") == 0.9
    assert name_similarity("a", None) == 0.0


def test_000_merged(shared_dir):
    record = corpus_record(str(shared_dir), "000")
    assert len(record.projects) == 17
    by_key = {(p.name, p.amount): p for p in record.projects}
    big = by_key[("昌州财建【2024】126号提前下达2025年中央大气污染防治资金（昌吉州大气污染防治重点区域加密空气质量自动监测站点建设项目）",
                  Decimal("1008.30"))]
    assert big.funding_source == "upper_level_transfer" and big.responsible_person == "周燕"
    assert "昌吉州大气污染防治重点区域加密空气质量自动监测站点建设项目" in big.aliases
    assert len(big.indicators) == 9 and len(big.policy_documents) == 3
    tail = by_key[("生态环保项目尾款", Decimal("144.00"))]
    assert tail.aliases == ["州生态环境局尾款项目"] and tail.functional_code == "2110399"
    assert [p.category for p in record.projects].count("carryover") == 11
    assert len(record.policy_documents) == 16


def test_001_performance_only_projects_are_the_carryover(shared_dir):
    record = corpus_record(str(shared_dir), "001")
    cats = {p.name: (p.category, p.funding_source) for p in record.projects}
    assert cats["机构运行保障经费"] == ("carryover", "carryover_nonfiscal")
    assert cats["昌吉州空气质量预警预报能力建设（一期）项目"] == ("carryover", "carryover_fiscal")
    assert cats["环境监控运转经费"] == ("current", "general_public_budget")
    assert len(record.projects) == 10
    assert sum(len(p.indicators) for p in record.projects) == 94


def test_004_merged(shared_dir):
    record = corpus_record(str(shared_dir), "004")
    assert [(p.name, p.category) for p in record.projects][-2:] == [
        ("2023年结余资金", "unit_funds"), ("其他资金收入经费项目", "unit_funds")]
    assert all(p.responsible_person == "李海忠" for p in record.projects)
    assert len(record.department_indicators) == 4


def test_no_phone_numbers_in_records(shared_dir):
    """联系电话 printed beside contact persons never reach the record."""
    import json
    import re

    from kg.extract.serialize import record_json

    for key in ("000", "001", "004"):
        text = json.dumps(record_json(corpus_record(str(shared_dir), key)), ensure_ascii=False, default=str)
        assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text), key
