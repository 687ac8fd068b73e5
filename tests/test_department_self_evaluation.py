"""部门整体支出绩效自评 (a 决算's self-evaluation of the department's whole spending) and the stated
coverage of its project self-evaluations, read from the real documents and asked of the real graph.

* 西安市卫生健康委员会汇总_2022部门决算.pdf p.30 部门整体支出绩效自评表: 17 task rows (全年预算数 总额 |
  财政拨款 | 其他资金, 全年执行数 the same, 分值, 执行率, 得分), 金额合计 2,495,142.55 | 869,407.93 |
  1625734.62 | 2074962.01 | 869329.38 | 1205632.63 | 10 | 83.16% | 10, p.31 总分 100 | 99.5;
  p.24 the narrative: 部门整体支出自评得分99.5，全年预算数2,495,142.55万元，执行数2074962.01万元，完成预算
  的83.16%; p.23: 反映机场入境人员核酸检测费用等82个一级项目的绩效自评结果，涉及预算资金597650.29万元，
  占部门预算项目支出总额的65.9%.
* 佛山市轨道交通局_2019部门决算.pdf p.28–29: 对7个一般公共预算项目支出开展绩效自评 … 共涉及资金
  940.15万元，占一般公共预算项目支出总额的100%; 部门整体支出绩效自评得分为0分。全年预算数0万元，执行数
  0万元，完成预算的0% (a statement, no table).
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.national_support import documents_named

pytestmark = pytest.mark.shared

FILES = {"xian": "shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf",
         "foshan": "guangdong_foshan/佛山市轨道交通局_2019部门决算.pdf"}


@pytest.fixture(scope="module")
def docs(national) -> dict:
    return documents_named(national, FILES)


def _by_source(record) -> dict:
    return {e.source: e for e in record.department_self_evaluation}


def test_xian_table_rows_exact(docs) -> None:
    table = _by_source(docs["xian"])["table"]
    rows = {t.name: t for t in table.tasks}
    assert len([t for t in table.tasks if not t.total]) == 17
    other = rows["其他教育支出"]  # 3669 | 268 | 3401 | 268 | 268 | 0 | 0.58 | 7.30% | 0.58
    assert (other.budget, other.budget_fiscal, other.budget_other) == (D("3669"), D("268"), D("3401"))
    assert (other.executed, other.executed_fiscal, other.executed_other) == (D("268"), D("268"), D("0"))
    assert (other.weight, other.rate, other.score, other.status) == (D("0.58"), D("7.30"), D("0.58"), "部分任务完成")
    assert other.provenance.page == 30 and other.provenance.table == "部门整体支出绩效自评表"
    hospital = rows["公立医院"]
    assert (hospital.budget, hospital.executed, hospital.rate) == (D("1700895.6"), D("1295897.69"), D("76.19"))
    total = rows["金额合计"]
    assert total.total and (total.budget, total.executed, total.weight, total.score) == (
        D("2495142.55"), D("2074962.01"), D("10"), D("10"))
    assert (table.budget, table.executed, table.rate, table.score) == (
        D("2495142.55"), D("2074962.01"), D("83.16"), D("99.5"))


def test_xian_table_indicators_are_the_departments(docs) -> None:
    """p.31 年度绩效指标完成情况: 20 rows, 一级/二级 filled down, 年度指标值 | 实际完成值 | 分值 (指标8: ≥800人 |
    744人 | 2 | 1.5)."""
    indicators = docs["xian"].department_indicators
    assert len(indicators) == 20
    eighth = next(i for i in indicators if i.name == "指标8：引进高层次人次")
    assert (eighth.level1, eighth.level2, eighth.target, eighth.actual, eighth.weight) == (
        "产出指标", "数量指标", ">=800人", "744人", D("2"))
    last = indicators[-1]
    assert (last.level1, last.level2, last.name, last.target, last.actual) == (
        "满意度指标", "服务对象满意度指标", "指标1：群众满意率", ">=80%", "85%")


def test_xian_statement_and_checks(docs) -> None:
    record = docs["xian"]
    stated = _by_source(record)["narrative"]
    assert (stated.score, stated.budget, stated.executed, stated.rate) == (
        D("99.5"), D("2495142.55"), D("2074962.01"), D("83.16"))
    checks = [c for c in record.checks if c.rule.startswith("self_evaluation")]
    rates = [c for c in checks if c.rule == "self_evaluation_rate"]
    assert len(rates) == 18 and all(c.ok for c in rates)  # 268 ÷ 3669 = 7.30% …, 83.16% of the 合计
    assert all(c.ok for c in checks if c.rule in ("self_evaluation_parts", "self_evaluation_stated"))
    # the 金额合计 is one cent off its rows where the printed rows add to 2,495,142.54 (a 尾差)
    off = {c.where: (c.expected, c.printed, c.severity) for c in checks if not c.ok}
    assert off == {"部门整体支出绩效自评表 金额合计 全年预算数": (D("2495142.54"), D("2495142.55"), "rounding"),
                   "部门整体支出绩效自评表 金额合计 全年预算数其他资金": (D("1625734.61"), D("1625734.62"), "rounding")}


def test_evaluation_coverage_counted_either_way(docs) -> None:
    xian = {c.scope: c for c in docs["xian"].performance_coverage}["self_evaluation"]
    assert (xian.first_level, xian.amount, xian.share) == (82, D("597650.29"), D("65.9"))
    foshan = {c.scope: c for c in docs["foshan"].performance_coverage}["self_evaluation"]
    assert (foshan.projects, foshan.first_level, foshan.second_level, foshan.amount, foshan.share) == (
        7, 6, 1, D("940.15"), D("100"))
    statement = _by_source(docs["foshan"])["narrative"]
    assert (statement.score, statement.budget, statement.executed, statement.rate) == (D("0"), D("0"), D("0"), D("0"))


def _values(reply: dict) -> dict:
    return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}


def test_questions_reach_the_self_evaluation(national_store) -> None:
    from nlp import answer

    reply = answer("西安市卫健委2022年部门整体支出全年预算多少、执行多少、完成率多少、自评得了多少分？",
                   national_store).to_json()
    values = _values(reply)
    assert values["部门整体支出全年预算数"] == "2495142.55" and values["部门整体支出全年执行数"] == "2074962.01"
    assert values["部门整体支出自评得分"] == "99.5" and "83.16" in reply["text"]
    reply = answer("西安卫健委整体自评哪些任务执行率低于60%？", national_store).to_json()
    assert set(_values(reply)) == {"其他教育支出执行率", "其他卫生健康支出执行率"}
    reply = answer("西安市卫生健康委员会2022年决算反映了多少个项目的绩效自评，涉及多少钱？", national_store).to_json()
    values = _values(reply)
    assert "82" in values.values() and "597650.29" in values.values() and "65.9" in values.values()
