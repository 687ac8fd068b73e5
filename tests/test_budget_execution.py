"""A 决算's 年初预算 against 决算, as its narrative states them row by row (``BudgetExecution``).

Expected values were read off the PDF pages by hand (``pdftotext -layout``): 国家信访局 2024
部门决算 pages 21–23 (``（三）财政拨款支出决算具体情况``), 西安市卫生健康委员会 2022 部门决算
pages 11–19, 上海市普陀区财政局 2024 年度部门决算 pages 21–22. Each statement keeps both
figures, the rate as printed, the rate recomputed in Decimal, the stated reason and the code the
document's own tables print for the 类/款/项 chain it names; its figures are the row's phased
figures (年初预算数, 决算数), and the graph holds one ``bkg:BudgetExecution`` per statement.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.model import Record

pytestmark = pytest.mark.shared

D = Decimal
CENTRAL = "central/国家信访局_2024部门决算.pdf"
XIAN = "shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"


def _by_code(record: Record) -> dict:
    return {e.code: e for e in record.executions if e.code}


def test_central_whole_and_rows_with_reasons(national):
    record = national[CENTRAL]
    whole = [e for e in record.executions if e.code is None]
    assert [(e.subject, e.budget_phase, e.budget, e.final, e.rate) for e in whole] == \
        [("财政拨款支出", "initial_budget", D("15068.55"), D("13733.8"), D("91.14"))]
    rows = _by_code(record)
    # all 14 项 the section lists, each tied to the code 公开03表 prints for it
    assert sorted(rows) == ["2014001", "2014002", "2014003", "2014004", "2014099", "2050803", "2080501",
                            "2080503", "2080505", "2080506", "2101101", "2210201", "2210202", "2210203"]
    low = rows["2014002"]
    assert (low.budget, low.final, low.rate, low.computed_rate()) == (D("590.53"), D("4.7"), D("0.8"), D("0.80"))
    assert low.reason == "年中按规定将部门机动经费调剂用于其他科目"
    assert (low.provenance.page, low.provenance.table) == (21, "说明")
    # a wrapped statement with the page number printed inside it (``年`` / ``19`` / ``初预算为``)
    assert (rows["2014003"].budget, rows["2014003"].final, rows["2014003"].rate) == (D("222.6"), D("229.19"), D("102.96"))
    # the narrative's older 款 name (行政事业单位离退休) and longer 项 name (归口管理的行政单位离退休)
    assert (rows["2080501"].budget, rows["2080501"].final) == (D("1017.2"), D("1028.48"))
    assert rows["2080505"].reason == "2024年度预算执行中调减了预算，相应减少支出"
    # a budget of 0: no rate printed, none computed
    assert (rows["2101101"].budget, rows["2101101"].final, rows["2101101"].rate,
            rows["2101101"].computed_rate()) == (D("0"), D("497.53"), None, None)
    # every printed rate agrees with the one recomputed from the two figures
    assert all(e.computed_rate() == e.rate.quantize(D("0.01")) for e in record.executions if e.rate is not None)


def test_central_rows_are_phased_figures_with_completion_rates(national):
    record = national[CENTRAL]
    phased = {(f.key, f.phase): f.value for f in record.phased}
    assert phased[("fiscal_expenditure.2014002.total", "initial_budget")] == D("590.53")
    assert phased[("fiscal_expenditure.2014002.total", "final")] == D("4.70")
    rates = {key: (phase, rate) for key, phase, rate in record.completion_rates()}
    assert rates["fiscal_expenditure.2014002.total"] == ("initial_budget", D("0.80"))
    assert rates["fiscal_expenditure.2014001.total"] == ("initial_budget", D("100.71"))
    assert rates["three_public.total"] == ("budget", D("60.46"))  # the 三公 table's own columns stay


def test_xian_general_budget_chapter(national):
    record = national[XIAN]
    whole = [e for e in record.executions if e.code is None]
    assert [(e.subject, e.scope, e.budget, e.final, e.rate) for e in whole] == \
        [("一般公共预算财政拨款支出", "general_public_budget", D("139217.01"), D("296047.75"), D("212.65"))]
    rows = _by_code(record)
    # a 项 name holding a parenthesis of its own: 中医（民族）医院（项）
    assert (rows["2100202"].budget, rows["2100202"].final, rows["2100202"].rate) == \
        (D("4379.61"), D("19028.68"), D("434.48"))
    assert rows["2050201"].reason == "西安市第一实验幼儿园因业务增长追加了业务经费"
    phased = {(f.key, f.phase): f.value for f in record.phased}
    assert phased[("general_budget_expenditure.2100202.total", "initial_budget")] == D("4379.61")


def test_putuo_statements_without_printed_rates(realdocs_records):
    record = realdocs_records["上海市普陀区财政局"]
    whole = [e for e in record.executions if e.code is None]
    # the 三公 sentence (``“三公”经费财政拨款支出年初预算为0.95万元``) is not the whole's
    assert [(e.subject, e.budget, e.final, e.rate) for e in whole] == \
        [("一般公共预算财政拨款支出", D("2993.92"), D("2940.05"), D("98.20"))]
    row = _by_code(record)["2010601"]
    assert (row.budget, row.final, row.rate, row.computed_rate()) == (D("1560.05"), D("1511.89"), None, D("96.91"))
    assert row.reason == "人员进出及退休变化，减少人员经费开支"


def test_records_json_round_trip(national):
    from kg.extract.deserialize import record_from_json
    from kg.extract.serialize import record_json

    data = record_json(national[CENTRAL])
    row = next(e for e in data["executions"] if e["code"] == "2014002")
    assert (row["budget"], row["final"], row["rate"], row["computed_rate"]) == ("590.53", "4.70", "0.8", "0.80")
    assert record_json(record_from_json(data))["executions"] == data["executions"]


def test_graph_holds_the_statements_and_year_end_items(national):
    from kg.rdf.mapping import record_to_graph
    from kg.vocabulary.namespaces import BKG

    _doc, graph = record_to_graph(national[CENTRAL])
    rows = graph.query(
        "SELECT ?code ?budget ?final ?stated ?rate ?why WHERE { ?e a bkg:BudgetExecution ; bkg:budgetAmount ?budget ;"
        " bkg:finalAmount ?final ; bkg:subject/skos:notation ?code ; bkg:reason ?why ;"
        " bkg:statedCompletionRate ?stated ; bkg:completionRate ?rate }",
        initNs={"bkg": BKG, "skos": __import__("rdflib").namespace.SKOS})
    found = {str(r[0]): tuple(D(str(x)) for x in r[1:5]) + (str(r[5]),) for r in rows}
    assert found["2014002"] == (D("590.53"), D("4.70"), D("0.8"), D("0.80"), "年中按规定将部门机动经费调剂用于其他科目")
    items = {str(r[0]).rsplit("/", 1)[-1]: D(str(r[1])) for r in graph.query(
        "SELECT ?item ?amount WHERE { ?o bkg:item ?item ; bkg:amount ?amount ; bkg:budgetPhase ?p . "
        "FILTER(STRENDS(STR(?p), 'final_account')) }", initNs={"bkg": BKG})}
    assert (items["carryover_year_end"], items["current_year_expenditure"]) == (D("7494.06"), D("14572.53"))
