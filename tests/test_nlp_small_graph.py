"""Every intent on a small graph the tests build themselves (fictional 青山市 budgets), so a bare
clone without ../shared tests the whole question pipeline: exact answers asserted."""
from __future__ import annotations

import pytest

from nlp import answer
from tests.nlp_support import reply_labels as labels


@pytest.fixture(scope="module")
def ask(nlp_small_store):
    def _ask(question: str) -> dict:
        return answer(question, nlp_small_store).to_json()
    return _ask


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}



def test_dept_totals_with_shares_and_relative_year(ask):
    r = ask("青山生态环境局去年的基本支出和项目支出各是多少，各占多少比例")
    assert r["intent"] == "dept_total"
    assert figures(r) == {"基本支出": "375.85", "基本支出占比": "12.10", "项目支出": "2730.75",
                          "项目支出占比": "87.90"}
    assert all(a["year"] == 2024 and a["department"] == "青山市生态环境局" for a in r["answers"])
    assert "2024" in r["text"] and "青山市生态环境局" in r["text"]


def test_sangong_parts(ask):
    r = ask("青山市生态环境局2025年的三公经费是多少")
    assert r["intent"] == "sangong"
    assert figures(r)["“三公”经费合计"] == "6.39" and figures(r)["公务接待费"] == "0.39"


def test_operating_and_procurement(ask):
    assert figures(ask("青山市生态环境局2025年机关运行经费"))["机关运行经费"] == "123.96"
    r = ask("青山市教育局2025年的政府采购预算")
    assert figures(r) == {"政府采购预算": "1515.40", "政府采购货物": "320.00", "政府采购工程": "1100.00",
                          "政府采购服务": "95.40"}


def test_functional_and_economic_breakdown(ask):
    r = ask("青山市生态环境局2025年节能环保支出由哪些款级科目构成")
    assert r["intent"] == "functional_breakdown"
    assert figures(r) == {"节能环保支出合计（211）": "3416.32", "环境保护管理事务": "552.57",
                          "污染防治": "1072.00", "污染减排": "1791.74"}
    r = ask("青山市生态环境局2025年工资福利支出明细")
    assert r["intent"] == "economic_breakdown"
    assert figures(r)["基本工资"] == "103.97" and len(r["answers"]) == 5


def test_person_projects_and_count(ask):
    r = ask("李青负责哪些项目")
    assert r["intent"] == "responsible"
    assert set(labels(r)) >= {"生态环境监测网络运维", "微型环境空气质量监测体系运维费"}
    assert figures(r)["项目个数"] == "3"


def test_indicators_of_one_kind(ask):
    r = ask("2025年排放源统计年报审核项目的质量指标和时效指标")
    assert r["intent"] == "indicators"
    assert {a["label"]: a["target"] for a in r["answers"]} == {
        "技术分析报告验收合格率": "=100%", "项目完成时限": "2025年12月10日前"}


def test_policy_basis_both_ways(ask):
    r = ask("排放源统计年报审核的依据是什么文件")
    assert r["intent"] == "policy_basis"
    assert labels(r) == ["《排放源统计调查制度》"] and r["answers"][0]["number"] == "环办综合〔2024〕5号"
    r = ask("引用了环办综合〔2024〕5号的项目有哪些")
    assert labels(r) == ["排放源统计年报审核"]


def test_threshold_top_n_and_count(ask):
    r = ask("青山市生态环境局2025年哪些项目超过一千万元")
    assert r["intent"] == "threshold"
    assert figures(r) == {"生态环境监测网络运维": "1791.74",
                          "青财建【2024】88号提前下达2025年中央大气污染防治资金（青山市加密空气质量自动监测站点建设项目）": "1008.30"}
    r = ask("青山市生态环境局2025年金额最大的三个项目")
    assert r["intent"] == "top_n" and [a["rank"] for a in r["answers"]] == [1, 2, 3]
    assert r["answers"][2]["label"] == "生态环境执法能力建设"
    r = ask("青山市生态环境局2025年有几个只用单位资金的项目")
    assert r["intent"] == "count" and figures(r)["项目个数"] == "1"


def test_comparison_of_departments_on_their_latest_budget(ask):
    r = ask("两个部门的支出总计从高到低排个序")
    assert r["intent"] == "comparison"
    assert [(a["label"], a["value"], a["year"]) for a in r["answers"]] == [
        ("青山市生态环境局", "3528.45", 2025), ("青山市教育局", "1843.68", 2025)]


def test_carryover_and_funding_source(ask):
    r = ask("水源地环境隐患排查整治项目是新安排的还是上年结转的")
    assert r["intent"] == "carryover" and r["answers"][0]["category"] == "上年结转"
    r = ask("单位自有资金运转项目的资金来源是什么")
    assert r["intent"] == "funding_source" and r["answers"][0]["value"] == "30.00"
    assert "单位资金" in r["text"]


def test_profile(ask):
    r = ask("教育局有几个科室")
    assert r["intent"] == "profile" and figures(r)["内设科室个数"] == "5"
    r = ask("青山市生态环境局2025年的编制数和实有人数")
    assert figures(r)["编制数"] == "22" and figures(r)["实有人数"] == "51"


def test_audit_groups_one_figure_over_its_tables(ask):
    r = ask("青山市生态环境局2025年预算表哪些合计数对不上")
    assert r["intent"] == "audit"
    assert labels(r) == ["21101 环境保护管理事务（表2、表3）"]
    assert r["answers"][0]["printed"] == "552.57" and r["answers"][0]["expected"] == "552.58"


def test_project_arithmetic_from_its_description(ask):
    r = ask("排放源统计年报审核的资金分配明细加起来和预算对得上吗")
    assert r["intent"] == "audit"
    assert "资金分配明细合计（12+18）" in labels(r) and "与预算一致" in r["text"]


def test_definition(ask):
    r = ask("什么是三公经费")
    assert r["intent"] == "definition" and "公务接待费" in r["answers"][0]["text"]


def test_change_and_derived_previous_year(ask):
    r = ask("青山市生态环境局2025年一般公共预算比上年增加了多少")
    assert figures(r)["2025年一般公共预算拨款收入比上年增加"] == "120.50"
    r = ask("能否推算青山市生态环境局2023年的一般公共预算")
    assert r["intent"] == "change"
    assert figures(r) == {"2024年一般公共预算拨款收入": "1456.35", "2024年一般公共预算拨款收入比上年增加": "56.35",
                          "增长幅度": "4.03", "2023年一般公共预算拨款收入（推算）": "1400.00"}
    assert [a["year"] for a in r["answers"]][-1] == 2023
    r = ask("青山市教育局2024年的一般公共预算是多少")  # no budget of that year, nothing to derive from
    assert r["answers"] == [] and "没有" in r["text"]


def test_open_department_is_said(ask):
    r = ask("有没有宣传方面的项目")
    assert r["intent"] == "topic_projects"
    assert set(labels(r)) == {"“美丽青山”宣传活动经费"} and len(r["answers"]) == 2
    assert "未指明部门" in r["text"]


@pytest.mark.parametrize("question", [
    "青山市财政局2025年的三公经费是多少",   # a department the graph does not hold
    "白云市生态环境局的基本支出",           # a place it does not hold
    "赵六负责哪些项目",                      # a person it does not hold
    "青山市生态环境局2019年的收入总计",      # a year it does not hold
])
def test_unknown_entities_get_nothing(ask, question):
    r = ask(question)
    assert r["answers"] == [] and "没有" in r["text"]


def test_change_from_two_budgets_in_the_graph(ask):
    r = ask("青山市生态环境局2025年的支出总计比上年增加了多少")
    assert r["intent"] == "change"
    assert figures(r) == {"2025年支出总计": "3528.45", "2025年支出总计比上年增加": "421.85", "增长幅度": "13.58"}
    r = ask("青山市生态环境局2025年三公经费比上年增加了多少")
    assert figures(r)["2025年“三公”经费合计比上年减少"] == "0.06" and figures(r)["下降幅度"] == "0.93"
