"""Where each functional subject's money comes from: the income table by subject (部门收入总表,
收入预算总表) read into ``functional_income`` (one row per 类/款/项, its printed sources), mapped
as one observation per subject × source (``bkg:incomeStructure``), and reached by questions.

Every figure below is read off the document itself (the page and line are named beside it), not
taken from the system's output."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from rdflib.namespace import PROV

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, QB

pytestmark = pytest.mark.shared

CHANGJI = "昌吉回族自治州生态环境局"
WELFARE = "上海市普陀区社会福利院"


def _row(record, code):
    return next(r for r in record.functional_income if r.code == code)


def test_xinjiang_income_table_by_subject(corpus_records):
    # corpus 000, 表2 部门收入总体情况表, line 295: "211 03 01 大气 2,013.10 1,072.00 63.70 1,008.30 941.10"
    # — 总计, 财政拨款小计, 一般公共预算 (本级), 上级一般公共预算安排的转移支付, 财政拨款结转
    rec = next(r for r in corpus_records if r.department == CHANGJI and r.year == 2025)
    air = _row(rec, "2110301")
    assert air.sources == {"total": D("2013.10"), "fiscal": D("1072.00"), "general_public_budget_own": D("63.70"),
                           "upper_level_transfer": D("1008.30"), "carryover_fiscal": D("941.10")}
    assert (air.name, air.provenance.table, air.provenance.line) == ("大气", "表2", 295)
    # line 283: "211 01 02 一般行政管理事务 117.00 87.00 87.00 30.00" — 30.00 非财政拨款结转结余
    assert _row(rec, "2110102").sources["carryover_nonfiscal"] == D("30.00")
    assert len(rec.functional_income) == 29  # every 类/款/项 row of 表2
    assert record_from_json(record_json(rec)).functional_income == rec.functional_income


def test_leaves_placed_by_the_printed_total(corpus_records):
    # corpus 001 (昌吉州环境污染监控中心 2023), 表2 部门收入总体情况表. Its 合计 row, line 409:
    # "合 计 1172.66 405.68 734.86 32.12" — 总计, 一般公共预算, 财政拨款结转, 非财政拨款结转结余 (表1
    # prints the same three). The 类 row 211 prints "1151.88 1151.88", one figure for three sources;
    # the 项 rows below print their parts: line 372 "其他污染防治支出 92.00 75.14 16.86", line 385
    # "生态环境监测与信息 331.38 299.26 32.12", "大气 718.00 718.00", "减排专项支出 10.50 10.50".
    # Only one placement of the 项 rows adds up to every column of the 合计: 一般公共预算 20.78 (208,
    # 210, 221) + 75.14 + 299.26 + 10.50 = 405.68; 结转 718.00 + 16.86 = 734.86; 非财政 32.12.
    rec = next(r for r in corpus_records if r.department == "昌吉州环境污染监控中心")
    assert _row(rec, "2110399").sources == {"total": D("92.00"), "general_public_budget": D("75.14"),
                                            "carryover_fiscal": D("16.86")}
    assert _row(rec, "2111101").sources == {"total": D("331.38"), "general_public_budget": D("299.26"),
                                            "carryover_nonfiscal": D("32.12")}
    assert _row(rec, "2110301").sources == {"total": D("718.00"), "carryover_fiscal": D("718.00")}
    assert _row(rec, "2111103").sources == {"total": D("10.50"), "general_public_budget": D("10.50")}
    # 211's one figure cannot be any one column of the rows below it: where it stands is unknown,
    # so the class row gives no source (its rows do)
    assert {r.code for r in rec.functional_income} & {"211", "21103", "21111"} == set()
    assert _row(rec, "2080505").sources == {"total": D("7.37"), "general_public_budget": D("7.37")}


def test_shanghai_income_table_in_yuan(realdocs_records):
    # 上海市普陀区社会福利院2024年单位预算.pdf p.8, 收入预算总表 (元):
    # "208 10 05 社会福利事业单位 9,584,796 6,964,796 2,620,000" — 合计, 财政拨款收入, 事业收入
    rec = next(r for r in realdocs_records.values() if r.department == WELFARE)
    row = _row(rec, "2081005")
    assert row.sources == {"total": D("9584796"), "fiscal": D("6964796"), "unit_business": D("2620000")}
    assert row.provenance.page == 8
    # "221 02 01 住房公积金 335,816 335,816": all of it 财政拨款
    assert _row(rec, "2210201").sources == {"total": D("335816"), "fiscal": D("335816")}

    doc, graph = record_to_graph(rec)
    cells = iris.inside(doc, "dataset", "income")
    assert graph.value(cells, QB.structure) == BKG.incomeStructure
    obs = iris.inside(doc, "obs", "income", "2081005", "unit_business")
    assert graph.value(obs, BKG.amount).toPython() == D("262.0000")  # 2,620,000 元 = 262 万元 exactly
    assert graph.value(obs, BKG.incomeSource) == iris.funding_source("unit_business")
    assert graph.value(obs, BKG.fundingSource) == iris.funding_source("unit_business")
    assert graph.value(obs, QB.dataSet) == cells
    fiscal = iris.inside(doc, "obs", "income", "2081005", "fiscal")
    assert graph.value(fiscal, BKG.amount).toPython() == D("696.4796")
    assert graph.value(fiscal, BKG.amountScope) == iris.amount_scope("fiscal")
    location = graph.value(fiscal, PROV.wasDerivedFrom)
    assert (str(graph.value(fiscal, BKG.printedValue)), str(graph.value(location, BKG.printedUnit))) == \
        ("6964796.00", "元")  # the figure as the page prints it


def test_chongqing_income_table_by_subject(national):
    # 重庆市人民政府办公厅_2026部门预算情况说明.pdf p.10, 表二 部门收入总体情况表 (万元):
    # "2010350 事业运行 80.18 77.70 2.48" and "2010399 其他政府办公厅（室）… 1,315.37 505.37 810.00"
    # — 总计, 一般公共预算拨款收入, 事业收入
    rec = national["chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"]
    assert _row(rec, "2010350").sources == {"total": D("80.18"), "general_public_budget": D("77.70"),
                                            "unit_business": D("2.48")}
    assert _row(rec, "2010399").sources == {"total": D("1315.37"), "general_public_budget": D("505.37"),
                                            "unit_business": D("810.00")}
    assert _row(rec, "2010399").provenance.page == 10


def test_income_cells_satisfy_the_data_cube_constraints(shared_graph_store):
    from kg.rdf.cube_constraints import violated_constraints

    assert not any(violated_constraints(shared_graph_store).values())


def _values(reply) -> list[str]:
    return [a.get("value") for a in reply["answers"]]


def test_sources_of_a_named_subject(ask):
    reply = ask("普陀区社会福利院24年“社会福利事业单位”这一项一共多少钱？财政拨款和事业收入各出多少？")
    # p.8: 9,584,796 元 合计, 6,964,796 元 财政拨款收入, 2,620,000 元 事业收入
    labels = {a["label"]: a.get("value") for a in reply["answers"]}
    assert labels["社会福利事业单位（2081005）财政拨款"] == "696.48"
    assert labels["社会福利事业单位（2081005）事业收入"] == "262.00"
    assert "958.48" in _values(reply)


def test_where_a_subjects_money_comes_from(ask):
    reply = ask("昌吉州生态环境局2025年大气科目的钱从哪来？")
    # 表2 line 295: 本级一般公共预算 63.70, 上级转移支付 1,008.30, 财政拨款结转 941.10 (合计 2,013.10)
    funding = {a.get("funding"): a.get("value") for a in reply["answers"]}
    assert funding == {"合计": "2013.10", "本级一般公共预算": "63.70", "上级转移支付": "1008.30",
                       "上年财政拨款结转": "941.10"}


def test_subjects_a_source_pays_for(ask_national):
    reply = ask_national("重庆府办2026年那812万多事业收入，用在哪些科目上？")
    # 表二 p.10: 事业收入 812.48 = 2010350 事业运行 2.48 + 2010399 其他…事务支出 810.00
    rows = [(a.get("code"), a.get("value")) for a in reply["answers"] if a.get("code")]
    assert rows == [("2010350", "2.48"), ("2010399", "810.00")]
    assert "事业收入812.48万元" in reply["text"]


def test_subjects_of_a_fund_from_the_fund_table(ask_national):
    # 福州市民政局本级_2026单位预算.pdf: its 收入预算总表 is by unit; the 政府性基金预算支出表 prints
    # 2296002 用于社会福利的彩票公益金支出 75.00
    reply = ask_national("福州民政局本级26年的政府性基金有多少？用在什么科目上？")
    rows = [(a.get("code"), a["label"], a.get("value")) for a in reply["answers"] if a.get("code")]
    assert rows == [("2296002", "用于社会福利的彩票公益金支出", "75.00")]


def test_fiscal_part_of_a_subject_from_the_general_budget_table(ask_national):
    # 无锡市交通运输局本级_2026单位预算.pdf: 公开03表 2149901 公共交通运营补助 54,760.00 (p.17);
    # 公开05表 一般公共预算 4,360.00 (p.21); the rest 50,400.00 is not appropriated
    reply = ask_national("无锡交通局本级的公共交通运营补助一共多少？财政拨款出了多少，剩下的是什么钱？")
    values = _values(reply)
    assert "54760.00" in values and "4360.00" in values and "50400.00" in values


def test_project_expenditure_split_by_source(ask):
    # 上海市普陀区社会福利院2024年单位预算.pdf p.11, 一般公共预算支出功能分类预算表: 合计 9,501,164 元,
    # all of it 基本支出 (项目支出 column blank); p.7: 项目支出 2,620,000 元, 事业收入 2,620,000 元,
    # 财政拨款收入 9,501,164 元
    reply = ask("普陀社会福利院24年那262万项目支出是财政拨的吗？")
    answers = {a["label"]: a.get("value") for a in reply["answers"]}
    assert answers["项目支出"] == "262.00"
    assert answers["项目支出中财政拨款"] == "0.00"
    assert answers["项目支出中财政拨款以外的资金"] == "262.00"
    assert answers["事业收入"] == "262.00"
    assert "项目支出262.00万元不是财政拨款" in reply["text"]


def test_which_subjects_use_a_source(ask_national):
    # 表二 p.10: the two rows printing 事业收入 are 2010350 (2.48) and 2010399 (810.00)
    reply = ask_national("重庆市政府办公厅2026年哪些科目用了事业收入？")
    assert [(a.get("code"), a.get("value")) for a in reply["answers"] if a.get("code")] == \
        [("2010350", "2.48"), ("2010399", "810.00")]


def test_a_second_source_asked_of_the_same_subject(ask):
    # corpus 000 表2 line 293: "211 03 污染防治 2,196.08 1,216.00 207.70 1,008.30 980.08" — 财政拨款
    # 小计 1,216.00, 财政拨款结转 980.08
    reply = ask("昌吉州生态环境局2025年污染防治里财政拨款多少，上年结转多少？")
    answers = {a["label"]: a.get("value") for a in reply["answers"]}
    assert answers["污染防治（21103）财政拨款"] == "1216.00"
    assert answers["污染防治（21103）上年结转"] == "980.08"


def test_final_account_income_by_subject(national, ask_national):
    # 国家信访局_2024部门决算.pdf p.8, 公开02表 收入决算表: "2014003 机关服务 839.13 229.19 609.94" —
    # 本年收入合计, 财政拨款收入, 其他收入 (p.7 收入支出决算总表: 八、其他收入 878.44; p.17: 其他收入878.44万元)
    rec = national["central/国家信访局_2024部门决算.pdf"]
    assert _row(rec, "2014003").sources == {"total": D("839.13"), "fiscal": D("229.19"), "unit_other": D("609.94")}
    reply = ask_national("国家信访局2024年其他收入用在了哪些科目？")
    # the rows printing 其他收入: 2014001 行政运行 268.50 and 2014003 机关服务 609.94 (Σ 878.44)
    assert [(a.get("code"), a.get("value")) for a in reply["answers"] if a.get("code")] == \
        [("2014001", "268.50"), ("2014003", "609.94")]
    assert "其他收入878.44万元" in reply["text"]


def test_the_project_money_of_a_budget_that_names_no_project(ask):
    # 普陀区社会福利院 2024 names no project (its 项目支出 2,620,000 元 is one performance-target
    # project of 262.00 万元, unnamed): the question about "that project" is its 项目支出, split by source
    reply = ask("普陀区社会福利院24年那262万的项目，钱是财政给的还是自己的收入？")
    assert reply["text"].startswith(f"{WELFARE}的预算未列出具体项目，以下按全部项目支出回答")
    answers = {a["label"]: a.get("value") for a in reply["answers"]}
    assert (answers["项目支出"], answers["项目支出中财政拨款"], answers["事业收入"]) == ("262.00", "0.00", "262.00")
    # 克州 2024 (corpus 004) names its projects: a funding question about them is never the whole 项目支出
    other = ask("克州生态环境局24年财政拨款项目和非财政拨款项目各有几个？各涉及多少钱")
    assert "未列出具体项目" not in other["text"]
