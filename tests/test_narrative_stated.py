"""The narrative's facts stated only in prose, end to end: 政府采购 and 会议费/培训费 written in a
filled-in template (长沙: each figure in a box of its own, read as prose, not as one-row tables),
机关运行经费 and its listed items (长春), the counts printed with an expense (人数, 批次, 人次),
every stated change with its amount, percentage, baseline and reason (三公 parts, 机关运行经费,
结转结余), and the counts in the graph.

Every expected value was read by hand off the documents (``pdftotext -layout`` of the PDFs); the
page of each statement is noted beside it. Real national documents, read once per session
(``national_extraction``).
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph

from kg.extract.model import Record
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, bind_all
from tests.narrative_support import national_record

pytestmark = pytest.mark.shared

D = Decimal
CHANGSHA = "hunan_changsha/长沙市信访局_2026部门预算.pdf"
CHANGCHUN = "jilin_changchun/长春市信访局本级_2026部门预算.pdf"
HANGZHOU = "zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"
FOSHAN = "guangdong_foshan/佛山市轨道交通局_2019部门决算.pdf"
CENTRAL_FINAL = "central/国家信访局_2024部门决算.pdf"




def _fact(record: Record, topic: str, key: str, period: str = "current"):
    found = [f for f in record.narrative if f.topic == topic and f.key == key and f.period == period]
    assert found, (topic, key, period)
    return found[0]


def _counts(fact) -> list[tuple[str, Decimal, str]]:
    return [(c.label, c.count, c.unit) for c in fact.counts]


def _change(record: Record, key: str, amount: str) -> dict:
    """The stated change of ``key`` by ``amount`` (records.md strings, as the JSON prints them)."""
    return next(c for c in record.changes if c.get("key") == key and c.get("amount") == amount)


def test_boxed_fields_are_read_as_the_sentence_they_stand_in(national_extraction) -> None:
    """长沙市信访局 p.9 （四）: 政府采购预算总额 43.9 万元，货物类 25.4、工程类 0、服务类 18.5 — every
    figure drawn in a box of its own; the narrative states them only there (no 政府采购 table)."""
    record = national_record(national_extraction, CHANGSHA)
    p = record.totals.procurement
    assert (p.total, p.goods, p.works, p.services) == (D("43.90"), D("25.40"), D("0.00"), D("18.50"))
    assert record.totals.provenance["procurement.total"].page == 9
    # p.7: 基本支出预算数 1517.95, 项目支出预算 417.41 — not the year glued to them
    assert _fact(record, "expenditure", "basic_expenditure").value == D("1517.95")
    assert _fact(record, "expenditure", "project_expenditure").value == D("417.41")


def test_meetings_and_training_with_the_people_they_pay_for(national_extraction) -> None:
    """长沙市信访局 p.8–9 （三）: 会议费预算 5.6 万元 … 人数约 400 人; 培训费预算 10 万元 … 人数约 800 人."""
    record = national_record(national_extraction, CHANGSHA)
    meetings, training = _fact(record, "meetings", "total"), _fact(record, "training", "total")
    assert (meetings.value, _counts(meetings)) == (D("5.60"), [("人数", D(400), "人")])
    assert (training.value, _counts(training)) == (D("10.00"), [("人数", D(800), "人")])


def test_changes_of_three_public_and_operating_expenses_with_reasons(national_extraction) -> None:
    """长沙 p.8: 机关运行经费 122.98 万元，比上年预算增加 7.20 万元，上升 6.22%，主要是人员增加…;
    “三公”经费预算较 2025 年减少 1.75 万元，主要是厉行节约，压减预算."""
    record = national_record(national_extraction, CHANGSHA)
    operating = _change(record, "total", "7.20")
    assert (operating["direction"], operating["percent"], operating["current"]) == ("increase", "6.22", "122.98")
    assert operating["reason"] == "人员增加，经费较上年增加"
    three = _change(record, "total", "1.75")
    assert (three["direction"], three["reason"], three["baseline_year"]) == ("decrease", "厉行节约，压减预算", 2025)


def test_operating_expenses_stated_in_prose_with_its_items(national_extraction) -> None:
    """长春市信访局本级 p.18 九: 机关运行经费预算总计 211 万元，占基本支出经费的 17.46%，其中主要支出为办公费
    34.82 万元，其他交通费 54.08 万元 … 物业费 36.18 万元 … 取暖费 23.37 万元; p.18 七: “三公经费”预算数
    7.61 万元，2025 年预算数为 9.23 万元，和 2025 年相比预算减少 1.62 万元; 公务接待费 0.86 万元，和 2025 年
    相比预算减低 0.27 万元，主要原因是过紧日子."""
    record = national_record(national_extraction, CHANGCHUN)
    operating = _fact(record, "operating_expenses", "total")
    assert (operating.value, operating.share) == (D("211.00"), D("17.46"))
    items = {f.key: f.value for f in record.narrative if f.topic == "subitem" and f.parent == operating.label}
    assert (items["办公费"], items["其他交通费"], items["物业费"], items["取暖费"]) == \
        (D("34.82"), D("54.08"), D("36.18"), D("23.37"))
    three = _change(record, "total", "1.62")
    assert (three["direction"], three["current"], three["baseline"]) == ("decrease", "7.61", "9.23")
    reception = _change(record, "reception", "0.27")
    assert (reception["direction"], reception["current"], reception["reason"]) == ("decrease", "0.86", "过紧日子")


def test_vehicle_purchase_and_operation_changes(national_extraction) -> None:
    """杭州市司法局 p.14 (七)3: 公务用车购置支出 151.68 万元（含购置税等附加费用），…比上年预算数增加 27.78 万元，
    增长 22.4%，主要原因是市西郊监狱本年度拟更新购置大客车，购置费用较高；公务用车运行维护费支出 188.00 万元，
    …比上年预算数减少 13.60 万元，下降 6.7%，主要原因是新能源汽车数量占比提高，运行维护费低于燃油车辆."""
    record = national_record(national_extraction, HANGZHOU)
    purchase = _change(record, "vehicle_purchase", "27.78")
    assert (purchase["direction"], purchase["percent"], purchase["current"]) == ("increase", "22.4", "151.68")
    assert purchase["reason"] == "市西郊监狱本年度拟更新购置大客车，购置费用较高"
    operation = _change(record, "vehicle_operation", "13.60")
    assert (operation["direction"], operation["percent"], operation["current"]) == ("decrease", "6.7", "188.00")
    assert operation["reason"] == "新能源汽车数量占比提高，运行维护费低于燃油车辆"
    assert _fact(record, "three_public", "vehicle_purchase").value == D("151.68")


def test_reception_counts_after_the_amount_and_in_their_item(national_extraction) -> None:
    """佛山市轨道交通局 2019 决算 p.27: 公务接待费支出 0.16 万元 … 接待国外来访团组 0 个，来访外宾 0 人次；发生国内
    接待 1 次，接待人数共 13 人. 国家信访局 2024 决算 p.25 3.公务接待情况: 公务接待 10 批次、152 人次 (the amount,
    0.9 万元, stated in the summary on p.25 above); 1.因公出国（境）情况: 团组数 1 个，累计 1 人次."""
    foshan = next(f for f in national_record(national_extraction, FOSHAN).narrative
                  if f.topic == "three_public" and f.key == "reception" and f.counts)
    assert (foshan.value, foshan.provenance.page) == (D("0.16"), 27)
    assert _counts(foshan) == [("接待国外来访团组", D(0), "个"), ("来访外宾", D(0), "人次"),
                               ("发生国内接待", D(1), "次"), ("接待人数", D(13), "人")]
    central = national_record(national_extraction, CENTRAL_FINAL)
    reception = next(f for f in central.narrative if f.topic == "three_public" and f.key == "reception" and f.counts)
    assert reception.value == D("0.90")
    assert [(c.count, c.unit) for c in reception.counts] == [(D(10), "批次"), (D(152), "人次")]
    assert reception.counts[0].provenance.page == 25
    overseas = next(f for f in central.narrative if f.topic == "three_public" and f.key == "overseas" and f.counts)
    assert [(c.count, c.unit) for c in overseas.counts] == [(D(1), "个"), (D(1), "人次")]


def test_final_account_carryover_changes(national_extraction) -> None:
    """国家信访局 2024 决算 p.17: 年初结转和结余 1615.24 万元，为…的资金，…比 2023 年度决算数减少 754.91 万元，
    降低 31.85%; 年末结转和结余 7494.06 万元 … 增加 5878.82 万元，增长 363.96%."""
    record = national_record(national_extraction, CENTRAL_FINAL)
    start = _change(record, "carryover_total", "754.91")
    assert (start["direction"], start["percent"], start["current"], start["baseline_kind"]) == \
        ("decrease", "31.85", "1615.24", "上年决算")
    end = _change(record, "carry_forward", "5878.82")
    assert (end["direction"], end["percent"], end["current"]) == ("increase", "363.96", "7494.06")


def test_counts_in_the_graph(national_extraction) -> None:
    """The counts reach the graph as bkg:StatedCount of their figure, with their page."""
    by_file, _failures = national_extraction
    _doc, g = record_to_graph(by_file[CHANGSHA])
    bind_all(g)
    rows = sorted((str(r[0]), r[1].toPython(), r[2].toPython(), str(r[3]), r[4].toPython()) for r in g.query(
        f"PREFIX bkg: <{BKG}> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        """SELECT ?topic ?amount ?n ?unit ?page WHERE { ?doc bkg:statesFigure ?f . ?f bkg:figureTopic ?topic ;
           bkg:amount ?amount ; bkg:statesCount ?c . ?c bkg:countValue ?n ; bkg:countUnit ?unit ;
           prov:wasDerivedFrom/bkg:page ?page }"""))
    assert rows == [("meetings", D("5.60"), D(400), "人", 8), ("training", D("10.00"), D(800), "人", 9)]


def test_questions_read_the_counts(national_store) -> None:
    """The question service answers how many times and people an expense paid for from the counts
    printed with it (佛山 2019 决算 p.27; 长沙 2026 p.8–9), not from the department's staffing."""
    from nlp import answer

    def figures(question: str) -> dict[str, str]:
        reply = answer(question, national_store).to_json()
        return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}

    reception = figures("佛山轨道交通局19年国内公务接待了几次、多少人？外宾呢？")
    assert (reception["公务接待费支出发生国内接待"], reception["公务接待费支出接待人数"],
            reception["公务接待费支出来访外宾"]) == ("1", "13", "0")
    bought = figures("杭州司法局26年买几辆公车？")  # p.14: 公务用车购置支出 151.68 万元，…经批准购置的 5 辆公务用车
    assert (bought["计划购置车辆"], bought["公务用车购置支出主要用于经批准购置"]) == ("6", "5")
    meetings = figures("长沙市信访局今年会议费和培训费各预算多少？")
    assert (meetings["会议费预算"], meetings["会议费预算人数"], meetings["培训费预算人数"]) == ("5.60", "400", "800")


def test_operating_expenses_of_the_units_a_sentence_names(national_extraction) -> None:
    """湖州市财政局 p.11 （十）1: …本级1家行政单位以及…3家参公事业单位的机关运行经费财政拨款预算 598.67 万元，比上年
    预算增加 66.73 万元，增长 12.5%; 杭州市司法局 p.15 （十）1: …6家行政单位以及…1家参公事业单位的机关运行经费
    财政拨款预算 12,237.94 万元，比上年预算数增加 151.68 万元，增长 1.3% — neither prints a 机关运行经费 table."""
    huzhou = national_record(national_extraction, "zhejiang_huzhou/湖州市财政局_2026部门预算.pdf")
    assert huzhou.totals.operating_expenses == D("598.67")
    assert huzhou.totals.provenance["operating_expenses"].page == 11
    change = _change(huzhou, "total", "66.73")
    assert (change["percent"], change["current"]) == ("12.5", "598.67")
    assert national_record(national_extraction, HANGZHOU).totals.operating_expenses == D("12237.94")


def test_questions_read_a_stated_carryover_change(national_store) -> None:
    """国家信访局 2024 决算 p.17: 年初结转和结余 1615.24 万元，…比 2023 年度决算数减少 754.91 万元，降低 31.85%."""
    from nlp import answer

    reply = answer("国家信访局24年初结转结余多少？年初的比23年少了多少？", national_store).to_json()
    values = {a["value"] for a in reply["answers"] if "value" in a}
    assert {"1615.24", "754.91", "31.85"} <= values


def test_a_purchase_of_no_vehicles_said_in_words(national_extraction) -> None:
    """国家信访局 2026 p.26: 2026年部门预算未安排购置车辆和单位价值100万元以上设备; 湖州市财政局 p.12:
    2026年部门预算未安排购置车辆 — a planned purchase of 0 vehicles."""
    for relpath, page in (("central/国家信访局_2026部门预算.pdf", 26), ("zhejiang_huzhou/湖州市财政局_2026部门预算.pdf", 12)):
        planned = [a for a in national_record(national_extraction, relpath).assets if a.planned and a.count_unit == "辆"]
        assert [(a.kind, a.count, a.provenance.page) for a in planned] == [("车辆", D(0), page)]
