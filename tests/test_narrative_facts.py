"""The narrative's facts, read from real documents of several templates: staffing by kind, vehicles
and other assets by type, divisions and subordinate units, every stated change with its baseline,
percentage and reason, the parts a change or a total lists, the income and expenditure lines,
单位预留机动经费, 会议费/培训费, 决算 execution, and the totals a narrative-only file states.

Every expected value was read by hand off the documents' text (``pdftotext`` of the PDFs, the
corpus texts as they are), never copied from the extractor's output; the page of each statement
is noted beside it.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.model import Record
from tests.narrative_support import corpus_record, national_record

pytestmark = pytest.mark.shared

D = Decimal
BEIJING_NARRATIVE = "national/beijing/北京市财政局_2026部门预算_附件1情况说明.pdf"
CHONGQING = "national/chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"
CENTRAL = "national/central/国家信访局_2026部门预算.pdf"
XIAN_AUDIT = "national/shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"
SUZHOU_AUDIT = "national/jiangsu_suzhou/苏州市审计局_2026部门预算.pdf"




def _facts(record: Record, topic: str, key: str, period: str = "current") -> list:
    return [f for f in record.narrative if f.topic == topic and f.key == key and f.period == period]


def _fact(record: Record, topic: str, key: str, period: str = "current"):
    found = _facts(record, topic, key, period)
    assert found, (topic, key, period)
    return found[0]


def _asset(record: Record, kind: str, planned: bool = False):
    return next(a for a in record.assets if a.kind == kind and a.planned == planned)


def _change(record: Record, subject: str, parent: str | None = None) -> dict:
    return next(c for c in record.changes if c["subject"] == subject and c.get("parent") == parent)


# --- a narrative published alone (Beijing 附件1): the totals it states, with provenance ---------

def test_narrative_only_file_states_its_totals(national_extraction) -> None:
    """附件1 p.6–9: 收入预算 44169.36, 支出预算 44169.36, 基本支出 28016.26, 项目支出 16153.10,
    一般公共预算拨款收入 44156.64, 上年结转结余 12.72; 三公 223.80 = 127.74 + 11.64 + 84.42
    (44.92 + 39.50); 政府采购 12948.49 = 716.98 + 0 + 12231.51; 机关运行经费 1158.60."""
    record = national_record(national_extraction, BEIJING_NARRATIVE)
    assert (record.department, record.year, record.kind, record.unit) == ("北京市财政局", 2026, "部门预算", "万元")
    t = record.totals
    assert (t.income_total, t.expenditure_total, t.basic_expenditure, t.project_expenditure) == (
        D("44169.36"), D("44169.36"), D("28016.26"), D("16153.10"))
    assert (t.general_public_budget, t.carryover_total, t.operating_expenses) == (
        D("44156.64"), D("12.72"), D("1158.60"))
    three = t.three_public
    assert (three.total, three.overseas, three.reception, three.vehicles, three.vehicle_purchase,
            three.vehicle_operation) == (D("223.80"), D("127.74"), D("11.64"), D("84.42"), D("44.92"), D("39.50"))
    p = t.procurement
    assert (p.total, p.goods, p.works, p.services) == (D("12948.49"), D("716.98"), D("0"), D("12231.51"))
    where = t.provenance["income_total"]
    assert (where.file, where.page, where.table) == ("北京市财政局_2026部门预算_附件1情况说明.pdf", 6, "说明二")
    assert t.provenance["three_public.overseas"].page == 8


def test_beijing_income_and_expenditure_lines(national_extraction) -> None:
    """二、收入预算情况说明 lists every income line (p.6), 三、支出 the other expenditure (p.7)."""
    record = national_record(national_extraction, BEIJING_NARRATIVE)
    lines = {key: _fact(record, "income", key).value for key in (
        "fiscal_total", "general_public_budget", "government_fund", "state_capital", "other_funds",
        "fiscal_special", "service_income", "upper_grant", "affiliates", "business_income", "other_income",
        "carryover_total")}
    assert lines == {"fiscal_total": D("44156.64"), "general_public_budget": D("44156.64"), "government_fund": 0,
                     "state_capital": 0, "other_funds": 0, "fiscal_special": 0, "service_income": 0,
                     "upper_grant": 0, "affiliates": 0, "business_income": 0, "other_income": 0,
                     "carryover_total": D("12.72")}
    basic = _fact(record, "expenditure", "basic_expenditure")
    assert (basic.value, basic.share, basic.provenance.page) == (D("28016.26"), D("63.43"), 7)
    assert _fact(record, "expenditure", "project_expenditure").share == D("36.57")
    for key in ("business_expenditure", "upper_remit", "affiliate_subsidy", "carry_forward"):
        assert _fact(record, "expenditure", key).value == 0


def test_beijing_changes_profile_and_assets(national_extraction) -> None:
    """``2026 年度收入预算 44169.36 万元，比 2025 年年初预算数 44021.20 万元增加 148.16 万元，增长
    0.34%。主要原因是人员增加，基本经费预算有所增长。`` (p.6); 三公 ``减少 32.23 万元，下降 12.59%``
    (p.8); ``共有车辆 27 台，单位价值 100 万元以上的设备 4 台（套）`` (p.9); 32 内设机构 and 12
    直属事业单位 (p.5–6)."""
    record = national_record(national_extraction, BEIJING_NARRATIVE)
    income = _change(record, "收入预算")
    assert {k: income[k] for k in ("direction", "amount", "percent", "current", "baseline", "baseline_kind",
                                   "baseline_year", "reason", "key")} == {
        "direction": "increase", "amount": "148.16", "percent": "0.34", "current": "44169.36",
        "baseline": "44021.20", "baseline_kind": "年初预算", "baseline_year": 2025,
        "reason": "人员增加，基本经费预算有所增长", "key": "income_total"}
    assert income["provenance"]["page"] == 6
    three = next(c for c in record.changes if c.get("key") == "total" and "三公" in c["subject"])
    assert (three["direction"], three["amount"], three["percent"], three["current"]) == (
        "decrease", "32.23", "12.59", "223.80")
    assert three["reason"] == "落实过紧日子要求，严控“三公”经费预算"
    cars = _asset(record, "车辆")
    assert (cars.count, cars.count_unit, cars.as_of) == (D(27), "台", "2025年底")
    equipment = next(a for a in record.assets if a.kind == "设备" and not a.planned)
    assert (equipment.count, equipment.threshold) == (D(4), "单位价值100万元以上")
    assert _asset(record, "设备", planned=True).count == 0
    assert len(record.profile.divisions) == 32
    assert record.profile.divisions[:3] == ["办公室", "研究室", "综合处"]
    assert record.profile.divisions[-1] == "离退干部处"
    units = record.profile.subordinate_units
    assert len(units) == 12 and units[0] == "北京市财政监督检查分局" and units[-1] == "北京市财政局综合事务中心"


# --- Chongqing 情况说明 (表一… in the same file) ----------------------------------------------------

def test_chongqing_income_lines_changes_and_parts(national_extraction) -> None:
    """p.2: ``收入预算。2026 年年初预算数 19,230.18 万元，其中：一般公共预算拨款 18,417.70 万元，事业收入
    812.48 万元，收入比 2025 年增加 2,784.38 万元，其中：一般公共预算财政拨款增加 2,781.90 万元，主要是
    增加了重庆市“12345 一号通”政务服务便民热线运营项目二期预算；事业收入增加 2.48 万元`` and p.3
    ``支出比 2025 年增加 2,784.38 万元，主要是基本支出增加 362.10 万元，项目支出增加 2,422.28 万元``."""
    record = national_record(national_extraction, CHONGQING)
    assert _fact(record, "income", "general_public_budget").value == D("18417.70")
    assert _fact(record, "income", "service_income").value == D("812.48")
    income = _change(record, "收入预算")
    assert (income["amount"], income["current"], income["baseline_year"]) == ("2784.38", "19230.18", 2025)
    part = _change(record, "一般公共预算财政拨款", parent="收入预算")
    assert (part["direction"], part["amount"]) == ("increase", "2781.90")
    assert part["reason"] == "增加了重庆市“12345一号通”政务服务便民热线运营项目二期预算"
    assert _change(record, "事业收入", parent="收入预算")["amount"] == "2.48"
    spending = [c for c in record.changes if c.get("parent") == "支出预算"]
    assert [(c["subject"], c["amount"]) for c in spending] == [("基本支出", "362.10"), ("项目支出", "2422.28")]
    parts_sum = next(c for c in record.checks if c.rule == "change_parts_sum" and "支出预算" in c.where)
    assert (parts_sum.expected, parts_sum.printed, parts_sum.ok) == (D("2784.38"), D("2784.38"), True)
    reception = _change(record, "公务接待费")
    assert (reception["direction"], reception["current"], reception["amount"]) == ("flat", "10.00", None)


def test_chongqing_vehicles_units_and_other_figures(national_extraction) -> None:
    """p.4: ``共有车辆 46 辆，其中机要通信用车 2 辆，应急保障用车 15 辆，其他按照规定配备的公务用车
    29 辆。2026 年一般公共预算安排购置车辆 0 辆``; p.1 four 二级预算单位 (the office itself,
    ``（本级）``, left out); ``委托业务费涉及财政拨款资金 6,265.73 万元``; 三公 394.49 (p.3)."""
    record = national_record(national_extraction, CHONGQING)
    held = {a.kind: a.count for a in record.assets if not a.planned and a.count_unit == "辆"}
    assert held == {"车辆": 46, "机要通信用车": 2, "应急保障用车": 15, "其他按照规定配备的公务用车": 29}
    assert _asset(record, "车辆", planned=True).count == 0
    assert _asset(record, "车辆").as_of == "2025年12月"
    assert record.profile.subordinate_units == ["重庆市人民政府电子政务中心", "重庆市人民政府办公厅文印中心",
                                                "重庆市政府机关服务中心"]
    assert _fact(record, "entrusted", "total").value == D("6265.73")
    three = {key: _fact(record, "three_public", key).value for key in
             ("total", "overseas", "reception", "vehicle_operation", "vehicle_purchase")}
    assert three == {"total": D("394.49"), "overseas": D("184.49"), "reception": D("10"),
                     "vehicle_operation": D("200.00"), "vehicle_purchase": 0}
    assert _fact(record, "operating_expenses", "total").value == D("1815")


# --- the central department (国家信访局 2026): 执行数 baselines, shares, vehicles by type ------------

def test_central_shares_execution_baselines_and_vehicles(national_extraction) -> None:
    """p.16: ``一般公共预算拨款收入 16,474.82 万元，占 32.55%；其他收入 31,888.00 万元，占 63.0%；上年结转
    2,254.12 万元，占 4.45%``; p.21 ``行政运行（项）2026 年预算数为 5,826.21 万元，比 2025 年执行数增加
    271.14 万元，增幅 4.88%，主要是财政核定经费增加``; p.25 ``实有车辆 15 辆，其中，部级领导干部用车 1 辆、
    机要通信用车 2 辆、应急保障用车 2 辆、其他用车 10 辆``."""
    record = national_record(national_extraction, CENTRAL)
    shares = {key: (_fact(record, "income", key).value, _fact(record, "income", key).share)
              for key in ("general_public_budget", "other_income", "carryover_total")}
    assert shares == {"general_public_budget": (D("16474.82"), D("32.55")),
                      "other_income": (D("31888.00"), D("63.0")), "carryover_total": (D("2254.12"), D("4.45"))}
    change = _change(record, "一般公共服务支出（类）信访事务（款）行政运行（项）")
    assert {k: change[k] for k in ("direction", "amount", "percent", "current", "baseline_kind", "baseline_year",
                                   "reason")} == {
        "direction": "increase", "amount": "271.14", "percent": "4.88", "current": "5826.21",
        "baseline_kind": "上年执行数", "baseline_year": 2025, "reason": "财政核定经费增加"}
    held = {a.kind: a.count for a in record.assets if not a.planned and a.count_unit == "辆"}
    assert held == {"车辆": 15, "部级领导干部用车": 1, "机要通信用车": 2, "应急保障用车": 2, "其他用车": 10}
    assert _asset(record, "车辆").as_of == "2025年7月31日"
    p = record.totals.procurement
    assert (p.total, p.goods, p.works, p.services) == (D("4308.39"), D("2315.5"), D("417.8"), D("1575.09"))


# --- Xi'an: staffing by kind, 会议费 and 培训费 (a record in 元) --------------------------------------

def test_xian_staffing_meetings_training(national_extraction) -> None:
    """p.3–4: ``人员编制125人，其中行政编制111人，事业编制14人；实有人员119人，其中行政108人，事业11人。
    单位管理的离退休人员104人。``; p.17: ``会议费预算支出2.00万元，较上年无增减``, ``培训费预算支出21.00
    万元，较上年减少17.60万元，下降45.60%``. The record is in 元: 2.00万元 is 20000.00."""
    record = national_record(national_extraction, XIAN_AUDIT)
    assert record.unit == "元"
    s = record.profile.staffing
    assert (s.authorized, s.actual, s.retirees) == (125, 119, 104)
    assert s.by_kind == {"编制数": {"行政": 111, "事业": 14}, "实有人数": {"行政": 108, "事业": 11}}
    meetings, training = _fact(record, "meetings", "total"), _fact(record, "training", "total")
    assert (meetings.value, meetings.printed, meetings.printed_unit) == (D("20000.00"), "2.00", "万元")
    assert training.value == D("210000.00")
    change = next(c for c in record.changes if c.get("key") == "total" and "培训费" in c["subject"])
    assert (change["direction"], change["amount"], change["percent"]) == ("decrease", "176000.00", "45.60")
    assert change["reason"].startswith("落实政府机关过“紧日子”要求")


def test_suzhou_meetings_training_and_vehicle_types(national_extraction) -> None:
    """p.27: ``会议费预算支出10万元，比上年预算减少7万元``, ``培训费预算支出43万元，比上年预算减少21.73
    万元``; ``本部门共有车辆1辆，其中，副部（省）级及以上领导用车0辆、…、其他用车1辆``."""
    record = national_record(national_extraction, SUZHOU_AUDIT)
    assert (_fact(record, "meetings", "total").value, _fact(record, "training", "total").value) == (D(10), D(43))
    meeting_change = next(c for c in record.changes if "会议费" in c["subject"])
    assert (meeting_change["direction"], meeting_change["amount"]) == ("decrease", "7.00")
    held = {a.kind: a.count for a in record.assets if not a.planned and a.count_unit == "辆"}
    assert held == {"车辆": 1, "副部（省）级及以上领导用车": 0, "主要负责人用车": 0, "机要通信用车": 0,
                    "应急保障用车": 0, "执法执勤用车": 0, "特种专业技术用车": 0, "离退休干部用车": 0, "其他用车": 1}


# --- realdocs: Jiangsu staffing by kind and 预留机动经费, Shanghai execution, a 决算 ------------------

def test_jiangsu_npc_staffing_reserve_meetings(realdocs_records) -> None:
    """p.4: ``编制339名，其中行政编制199名、行政附属编制104名、事业编制36名。实际在编在职人员274名，
    离退休人员150名。``; p.26 ``单位预留机动经费128.43万元，占0.94%``; p.28 ``会议费预算支出1305.25万元，
    本年数小于上年预算数403.75万元``, ``培训费预算支出403.75万元，比上年预算增加403.75万元``."""
    record = realdocs_records["江苏省人大常委会办公厅"]
    s = record.profile.staffing
    assert (s.authorized, s.active, s.retirees) == (339, 274, 150)
    assert s.by_kind == {"编制数": {"行政": 199, "行政附属": 104, "事业": 36}}
    reserve = {(f.value, f.share) for f in _facts(record, "expenditure", "reserve")}
    assert reserve == {(D("128.43"), None), (D("128.43"), D("0.94"))}  # p.26 and p.27
    assert _fact(record, "meetings", "total").value == D("1305.25")
    meetings = next(c for c in record.changes if "会议费" in c["subject"])
    assert (meetings["direction"], meetings["amount"], meetings["baseline_kind"]) == ("decrease", "403.75", "上年预算")
    training = next(c for c in record.changes if "培训费" in c["subject"])
    assert (training["direction"], training["amount"]) == ("increase", "403.75")


def test_change_opening_its_sentence_is_about_the_figure_before(realdocs_records) -> None:
    """江苏省高级人民法院2019 p.18: ``基本支出预算数为 21968 万元。与上年相比增加 3397.18万元，增长 18.29%。``
    and ``项目支出预算数为 10208.94 万元。与上年相比减少 1134.33 万元``: each change is about the figure
    ending the sentence before, not the 住房保障（类） item heading the paragraph."""
    record = realdocs_records["江苏省高级人民法院"]
    by_amount = {c["amount"]: c for c in record.changes if c["amount"] in ("3397.18", "1134.33")
                 and c["provenance"]["page"] == 18}
    basic, project = by_amount["3397.18"], by_amount["1134.33"]
    assert (basic["key"], basic["current"], basic["direction"], basic["percent"]) == \
        ("basic_expenditure", "21968.00", "increase", "18.29")
    assert (project["key"], project["current"], project["direction"]) == \
        ("project_expenditure", "10208.94", "decrease")
    assert not any(c["subject"].startswith("住房保障") and c["amount"] == "3397.18" for c in record.changes)


def test_shanghai_justice_prior_execution_in_yuan(realdocs_records) -> None:
    """p.8: ``1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。…2025年当年预算执行数为
    1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：部分人员退休。``
    The record is in 元: each 万元 figure ×10000 exactly."""
    record = realdocs_records["上海市普陀区司法局"]
    change = _change(record, "公共安全支出（204类）司法（06款）行政运行（01项）")
    assert {k: change[k] for k in ("direction", "amount", "percent", "current", "baseline", "baseline_kind",
                                   "baseline_year", "reason")} == {
        "direction": "decrease", "amount": None, "percent": "1.07", "current": "16726700.00",
        "baseline": "16906900.00", "baseline_kind": "上年执行数", "baseline_year": 2025, "reason": "部分人员退休"}
    three = _fact(record, "three_public", "total")
    assert (three.value, three.printed, three.printed_unit) == (D("108100.00"), "10.81", "万元")
    assert {a.kind: a.count for a in record.assets if not a.planned and a.count_unit == "辆"}["执法执勤用车"] == 3


def test_final_account_execution_figures(realdocs_records) -> None:
    """决算 p.21: ``上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少
    56.95万元，下降1.87%``; ``一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，
    完成年初预算的98.20%``."""
    record = realdocs_records["上海市普陀区财政局"]
    assert _fact(record, "total", "income_and_expenditure").value == D("2995.39")
    gpb = "general_public_budget_expenditure"
    assert _fact(record, "expenditure", gpb, "initial_budget").value == D("2993.92")
    assert D("2940.05") in {f.value for f in _facts(record, "expenditure", gpb)}
    total = _change(record, "收入支出总计")
    assert (total["direction"], total["amount"], total["percent"], total["current"], total["baseline_kind"],
            total["baseline_year"]) == ("decrease", "56.95", "1.87", "2995.39", "上年决算", 2023)
    completion = next(c for c in record.checks if c.rule == "completion_rate")
    assert (completion.expected, completion.printed, completion.ok) == (D("98.20"), D("98.20"), True)


# --- the corpus (Xinjiang text extractions) ----------------------------------------------------

def test_corpus_income_lines_assets_subitems(shared_dir) -> None:
    """000 lines 839–871: the income lines with their shares; lines 1492–1500: 房屋 7,824.62平方米 价值
    3,680.17万元, 车辆 2辆 价值 31.56万元 (一般公务用车 0, 执法执勤用车 0, 其他车辆 2); lines 912–919: 节能
    环保支出 1,608.36万元 主要用于 人员经费 255.5、公用经费 49.86、机关运行补助经费 57、… 自治州排放源
    统计年报审核 30."""
    record = corpus_record(str(shared_dir), "000")
    shares = {key: (_fact(record, "income", key).value, _fact(record, "income", key).share) for key in
              ("general_public_budget", "upper_general", "unit_funds", "carryover_fiscal", "carryover_nonfiscal")}
    assert shares == {"general_public_budget": (D("736.38"), D("15.74")),
                      "upper_general": (D("1008.30"), D("21.55")), "unit_funds": (D("0.00"), D("0.00")),
                      "carryover_fiscal": (D("2904.03"), D("62.07")),
                      "carryover_nonfiscal": (D("30.00"), D("0.64"))}
    house = _asset(record, "房屋")
    assert (house.count, house.count_unit, house.value, house.as_of) == (D("7824.62"), "平方米", D("3680.17"),
                                                                         "2024年底")
    vehicles = {a.kind: (a.count, a.value) for a in record.assets if a.count_unit == "辆" and not a.planned}
    assert vehicles == {"车辆": (D(2), D("31.56")), "一般公务用车": (D(0), D("0.00")),
                        "执法执勤用车": (D(0), D("0.00")), "其他车辆": (D(2), D("31.56"))}
    # 说明十二（三）: 2025年部门预算未安排购置车辆经费 — a planned purchase of none
    assert [(a.kind, a.count) for a in record.assets if a.count_unit == "辆" and a.planned] == [("车辆", D(0))]
    subitems = {(f.label, f.value) for f in record.narrative if f.topic == "subitem" and f.parent == "节能环保支出"}
    assert subitems == {("机关运行补助经费", D("57")),
                        ("昌吉州大气污染防治区域加密空气质量自动监测站点建设项目", D("1008.3")),
                        ("生态环保尾款", D("144")), ("微型环境空气质量监测体系运维费", D("63.7")),
                        ("自治州排放源统计年报审核", D("30"))}


def test_corpus_changes_with_parts_and_reasons(shared_dir) -> None:
    """000 lines 859–863: ``单位资金 0.00万元，占 0.00%，比上年预算减少 113.00万元，下降 100.00%，主要
    原因是上年预算 113万元在单位资金反映…``; lines 1282–1292: the 三公 change and its four parts."""
    record = corpus_record(str(shared_dir), "000")
    unit_funds = _change(record, "单位资金")
    assert (unit_funds["direction"], unit_funds["amount"], unit_funds["percent"], unit_funds["current"]) == (
        "decrease", "113.00", "100.00", "0.00")
    assert unit_funds["reason"].startswith("上年预算113万元在单位资金反映")
    parts = [(c["subject"], c["amount"], c["percent"]) for c in record.changes
             if c.get("parent") == "财政拨款“三公”经费预算"]
    assert parts == [("因公出国（境）费", "0.00", "0.00"), ("公务用车购置费", "0.00", "0.00"),
                     ("公务用车运行费", "0.00", "0.00"), ("公务接待费", "0.00", "0.00")]
