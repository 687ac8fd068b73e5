"""The published PDFs of ``../shared/realdocs`` (Shanghai 普陀, Jiangsu, a 决算), end to end.

Every expected value below was read by hand off the PDF pages (rendered with pdftoppm), not
copied from the program's output: department, year, kind, unit, totals, a few functional rows,
the 三公 figures and the projects the documents print. Shanghai prints its tables in 元 and the
三公 table and the narrative in 万元: the record is in 元 and those figures are converted exactly.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.model import Record
from kg.extract.serialize import record_json
from tests.audit_support import identity_failures

pytestmark = pytest.mark.shared

SHANGHAI_JUSTICE = "上海市普陀区司法局"
SHANGHAI_COMMERCE = "上海市普陀区商务委员会"
SHANGHAI_WELFARE = "上海市普陀区社会福利院"
SHANGHAI_FINANCE = "上海市普陀区财政局"
JIANGSU_NPC = "江苏省人大常委会办公厅"
JIANGSU_CPPCC = "江苏省政协办公厅"
JIANGSU_COURT = "江苏省高级人民法院"


@pytest.fixture(scope="module")
def records(realdocs_records: dict[str, Record]) -> dict[str, Record]:
    """Every realdocs PDF extracted (and combined per budget) once per session, by department."""
    assert len(realdocs_records) == 7
    return realdocs_records


def D(text: str) -> Decimal:
    return Decimal(text)


def _subject(record: Record, code: str):
    return next(s for s in record.functional_subjects if s.code == code)


def _project(record: Record, name: str):
    return next(p for p in record.projects if p.name == name or name in p.aliases)


# --- what every document is --------------------------------------------------------------------

@pytest.mark.parametrize("department, year, kind, unit", [
    (SHANGHAI_JUSTICE, 2026, "部门预算", "元"),
    (SHANGHAI_COMMERCE, 2025, "部门预算", "元"),
    (SHANGHAI_WELFARE, 2024, "单位预算", "元"),
    (SHANGHAI_FINANCE, 2024, "部门决算", "万元"),
    (JIANGSU_NPC, 2017, "部门预算", "万元"),
    (JIANGSU_CPPCC, 2019, "部门预算", "万元"),
    (JIANGSU_COURT, 2019, "部门预算", "万元"),
])
def test_identity(records: dict[str, Record], department: str, year: int, kind: str, unit: str) -> None:
    record = records[department]
    assert (record.department, record.year, record.kind, record.unit) == (department, year, kind, unit)


def test_jiangsu_narrative_and_tables_pdfs_are_one_record(records: dict[str, Record]) -> None:
    record = records[JIANGSU_CPPCC]
    assert sorted(record.files) == ["江苏省政协办公厅2019年度部门预算.pdf", "江苏省政协办公厅2019年预算公开表.pdf"]


# --- Shanghai 普陀区司法局 2026 (元; 三公 in 万元) ---------------------------------------------------

def test_shanghai_justice_totals(records: dict[str, Record]) -> None:
    t = records[SHANGHAI_JUSTICE].totals
    assert t.income_total == t.expenditure_total == D("96282213.44")
    assert t.general_public_budget == D("96282213.44")
    assert t.government_fund == D("0.00") and t.state_capital == D("0.00")
    assert t.basic_expenditure == D("25741666.44")
    assert t.project_expenditure == D("70540547.00")
    assert t.operating_expenses == D("2178300")  # 217.83 万元


def test_shanghai_justice_functional_rows(records: dict[str, Record]) -> None:
    record = records[SHANGHAI_JUSTICE]
    s = _subject(record, "204")
    assert (s.name, s.total, s.basic, s.project) == ("公共安全支出", D("87267272.44"), D("16726725.44"), D("70540547.00"))
    s = _subject(record, "2040604")
    assert (s.name, s.total, s.basic, s.project) == ("基层司法业务", D("21703947.00"), D("0.00"), D("21703947.00"))
    s = _subject(record, "2080505")
    assert (s.name, s.total, s.basic) == ("机关事业单位基本养老保险缴费支出", D("1839485.00"), D("1839485.00"))
    assert s.provenance is not None and s.provenance.page in (12, 15)


def test_shanghai_justice_three_public_in_yuan(records: dict[str, Record]) -> None:
    tp = records[SHANGHAI_JUSTICE].totals.three_public
    assert tp.total == D("108100")  # 10.81 万元
    assert tp.overseas == D("0")
    assert tp.reception == D("8300")  # 0.83 万元
    assert tp.vehicles == D("99800") and tp.vehicle_operation == D("99800")
    assert tp.vehicle_purchase == D("0")


def test_shanghai_justice_project_sheet(records: dict[str, Record]) -> None:
    project = _project(records[SHANGHAI_JUSTICE], "人民调解项目")
    assert project.amount == D("7950000")  # 795万元
    assert project.execution_period == "2025年1月1日-2025年12月31日"
    assert "沪司规〔2015〕6号" in [d.number for d in project.policy_documents]


# --- Shanghai 普陀区商务委员会 2025 ---------------------------------------------------------------

def test_shanghai_commerce_totals(records: dict[str, Record]) -> None:
    t = records[SHANGHAI_COMMERCE].totals
    assert t.income_total == t.expenditure_total == D("371514655.00")
    assert t.general_public_budget == D("371514655.00")
    assert t.basic_expenditure == D("19830655.00")
    assert t.project_expenditure == D("351684000.00")
    assert t.operating_expenses == D("1710100")  # 171.01 万元
    assert t.three_public.total == D("10000") and t.three_public.reception == D("10000")


def test_shanghai_commerce_functional_rows(records: dict[str, Record]) -> None:
    record = records[SHANGHAI_COMMERCE]
    s = _subject(record, "2150899")
    assert (s.name, s.total, s.basic, s.project) == ("其他支持中小企业发展和管理支出", D("293810000.00"), None,
                                                      D("293810000.00"))
    s = _subject(record, "2101102")
    assert (s.name, s.total, s.basic, s.project) == ("事业单位医疗", D("249862.00"), D("249862.00"), None)
    s = _subject(record, "2210203")
    assert (s.name, s.total) == ("购房补贴", D("1488000.00"))


def test_shanghai_commerce_projects(records: dict[str, Record]) -> None:
    record = records[SHANGHAI_COMMERCE]
    amounts = {name: _project(record, name).amount for name in
               ("科技创新专项", "生命健康专项（政策资金）", "商业创新专项（政策资金）", "贸易高质量发展专项（政策资金）")}
    assert amounts == {"科技创新专项": D("17200000"), "生命健康专项（政策资金）": D("11700000"),
                       "商业创新专项（政策资金）": D("14100000"), "贸易高质量发展专项（政策资金）": D("29210000")}


# --- Shanghai 普陀区社会福利院 2024 单位预算 ----------------------------------------------------------

def test_shanghai_welfare_totals(records: dict[str, Record]) -> None:
    t = records[SHANGHAI_WELFARE].totals
    assert t.income_total == t.expenditure_total == D("12121164")
    assert t.general_public_budget == D("9501164")
    assert t.basic_expenditure == D("9501164")
    assert t.personnel == D("7380214") and t.public_expenses == D("2120950")
    assert t.project_expenditure == D("2620000")
    tp = t.three_public
    assert (tp.total, tp.vehicles, tp.vehicle_operation) == (D("64000"), D("64000"), D("64000"))  # 6.4 万元
    assert tp.overseas == D("0") and tp.reception == D("0")


def test_shanghai_welfare_functional_rows(records: dict[str, Record]) -> None:
    record = records[SHANGHAI_WELFARE]
    s = _subject(record, "2081005")
    assert (s.name, s.total, s.basic, s.project) == ("社会福利事业单位", D("9584796"), D("6964796"), D("2620000"))
    s = _subject(record, "2080502")
    assert (s.name, s.total, s.basic, s.project) == ("事业单位离退休", D("538440"), D("538440"), None)


# --- Shanghai 普陀区财政局 2024 部门决算 (万元; 决算 columns) -------------------------------------------

def test_final_account_totals(records: dict[str, Record]) -> None:
    t = records[SHANGHAI_FINANCE].totals
    assert t.current_year_income == D("2946.25")
    assert t.general_public_budget == D("2940.05")
    assert t.income_total == t.expenditure_total == D("2995.39")
    assert t.basic_expenditure == D("2336.91") and t.project_expenditure == D("603.14")


def test_final_account_functional_rows_hold_the_final_figures(records: dict[str, Record]) -> None:
    record = records[SHANGHAI_FINANCE]
    s = _subject(record, "2010601")
    assert (s.name, s.total, s.basic, s.project) == ("行政运行", D("1511.89"), D("1503.52"), D("8.37"))
    s = _subject(record, "2010602")
    assert (s.name, s.total, s.basic, s.project) == ("一般行政管理事务", D("10.00"), None, D("10.00"))
    s = _subject(record, "221")
    assert (s.name, s.total, s.basic) == ("住房保障支出", D("445.69"), D("445.69"))


def test_final_account_three_public_takes_the_final_column(records: dict[str, Record]) -> None:
    """The 决算 三公 table prints 预算数 0.95 and leaves every 决算数 blank."""
    tp = records[SHANGHAI_FINANCE].totals.three_public
    assert tp.total is None and tp.reception is None


# --- Jiangsu ---------------------------------------------------------------------------------------

def test_jiangsu_npc(records: dict[str, Record]) -> None:
    record = records[JIANGSU_NPC]
    t = record.totals
    assert t.income_total == t.expenditure_total == D("13649.07")
    assert t.general_public_budget == D("13649.07")
    assert t.basic_expenditure == D("7666.68") and t.project_expenditure == D("5853.96")
    assert t.operating_expenses == D("5619.31")
    tp = t.three_public  # the 三公 total is the 小计 833.60, not the 合计 2,542.60 with 会议费/培训费
    assert (tp.total, tp.overseas, tp.reception, tp.vehicles, tp.vehicle_purchase, tp.vehicle_operation) == (
        D("833.60"), D("222.50"), D("427.50"), D("183.60"), D("0"), D("183.60"))
    assert _subject(record, "2010101").total == D("4545.94")
    assert _subject(record, "2210202").name == "提租补贴"


def test_jiangsu_cppcc_combined(records: dict[str, Record]) -> None:
    record = records[JIANGSU_CPPCC]
    t = record.totals
    assert t.income_total == t.expenditure_total == D("13377.11")
    assert t.general_public_budget == D("13297.11")
    assert t.basic_expenditure == D("6522.75") and t.project_expenditure == D("4968.34")
    tp = t.three_public
    assert (tp.total, tp.overseas, tp.reception, tp.vehicles, tp.vehicle_operation) == (
        D("660.10"), D("106.00"), D("397.50"), D("156.60"), D("156.60"))
    assert tp.vehicle_purchase == D("0")  # blank in 公开09表; the narrative: 公务用车购置费 0万元
    assert t.procurement.total == D("1624.42")
    assert _subject(record, "2010201").total == D("5223.22")


def test_jiangsu_court(records: dict[str, Record]) -> None:
    record = records[JIANGSU_COURT]
    t = record.totals
    assert t.income_total == t.expenditure_total == D("37188.34")
    assert t.basic_expenditure == D("21968.00") and t.project_expenditure == D("10208.94")
    tp = t.three_public
    assert (tp.total, tp.overseas, tp.reception, tp.vehicles, tp.vehicle_operation) == (
        D("513.75"), D("160.00"), D("86.95"), D("266.80"), D("266.80"))
    assert t.operating_expenses == D("3580.05")
    assert _subject(record, "2040501").total == D("17279.29")
    assert _subject(record, "204").total == D("27488.23")


# --- the record as JSON -------------------------------------------------------------------------------

def test_money_serialises_with_two_decimals_in_yuan(records: dict[str, Record]) -> None:
    data = record_json(records[SHANGHAI_JUSTICE])
    assert data["totals"]["three_public"]["total"] == "108100.00"
    assert data["unit"] == "元"


# --- the audit: real discrepancies only -----------------------------------------------------------

def test_budgets_whose_tables_add_up_fail_no_check(records: dict[str, Record]) -> None:
    """No identity of the tables (nor of the narrative's figures against them) fails; what the
    narrative's own percentages say is ``test_narrative_audit_realdocs``."""
    for department in (SHANGHAI_JUSTICE, SHANGHAI_COMMERCE, JIANGSU_NPC, JIANGSU_CPPCC, JIANGSU_COURT):
        record = records[department]
        assert record.checks, department
        assert identity_failures(record) == [], department


def test_final_account_fails_exactly_its_printed_rounding_gaps(records: dict[str, Record]) -> None:
    """Recomputed by hand from the 决算 PDF: Σ类 of 支出决算表 is 2,940.06 where 合计 prints 2,940.05
    (and 基本支出 2,336.92 vs 2,336.91, in 表3 and 表5 alike); 收入决算表 2,946.26 vs 2,946.25; the 301
    款 rows add up to 2,082.86 (printed 2,082.85), the 302 rows to 171.09 (171.07); the narrative's
    政府采购 4.79 + 0 + 246.47 = 251.26 against 251.25; 表1 (p.6) prints 社会保障和就业支出 326.71 where
    表3 (p.10) prints 208 326.72; and the narrative (p.21) 财政拨款收入支出总计0.3万元 against 表4's 总计
    2,961.68 (p.13) — the one material finding."""
    failed = sorted((c.expected, c.printed) for c in identity_failures(records[SHANGHAI_FINANCE]))
    assert failed == sorted([
        (D("2946.26"), D("2946.25")), (D("2940.06"), D("2940.05")), (D("2940.06"), D("2940.05")),
        (D("2940.06"), D("2940.05")), (D("2336.92"), D("2336.91")), (D("2336.92"), D("2336.91")),
        (D("2082.86"), D("2082.85")), (D("171.09"), D("171.07")), (D("251.26"), D("251.25")),
        (D("326.72"), D("326.71")), (D("2961.68"), D("0.3"))])


def test_welfare_misprinted_code_is_placed_and_reported(records: dict[str, Record]) -> None:
    """表3 (p.9) and 表5 (p.11) print ``7 11 02 事业单位医疗 503,724`` under ``210 11 行政事业单位医疗
    503,724`` (表2 on p.8 prints ``210 11 02``): the row is kept as 2101102 (its 款 digits and its
    parent's sum place it) and the misprint is failed once per table. The 说明's own list of 财政拨款
    支出 (p.6: 53.84 + 76.76 + 38.38 + 738.66 + 50.37 + 33.58 = 991.59 against 950.12) is the one other
    failed check: its 738.66 is not the table's 696.48 (6,964,796 元)."""
    record = records[SHANGHAI_WELFARE]
    s = _subject(record, "2101102")
    assert (s.name, s.total, s.basic, s.project) == ("事业单位医疗", D("503724"), D("503724"), None)
    assert s.provenance is not None and s.provenance.page == 9
    failed = [c for c in record.checks if not c.ok]
    assert sorted((c.rule, c.provenance.table, c.expected, c.printed) for c in failed) == [
        ("code_misprint", "表3", D("503724"), D("0")), ("code_misprint", "表5", D("503724"), D("0")),
        ("narrative_sum", "单位预算编制说明", D("9915900"), D("9501200"))]
    assert all("7 11 02" in c.where for c in failed if c.rule == "code_misprint")


# --- unit funds: the non-fiscal income lines of the summary table (read off the PDFs) ----------------

@pytest.mark.parametrize("department, unit_funds", [
    (SHANGHAI_JUSTICE, D("0.00")),        # 二、事业收入 0.00 三、事业单位经营收入 0.00 四、其他收入 0.00
    (SHANGHAI_COMMERCE, None),            # the three lines printed blank
    (SHANGHAI_WELFARE, D("2620000")),     # 二、事业收入 2,620,000; the other two blank
    (SHANGHAI_FINANCE, D("6.20")),        # 决算: 四、上级补助收入 … 八、其他收入 6.20, the rest blank
    (JIANGSU_NPC, None),                  # 二、财政专户管理资金 and 三、其他资金 blank
    (JIANGSU_CPPCC, D("80.00")),          # 三、其他资金 80.00
    (JIANGSU_COURT, None),                # 三、其他资金 blank (公开02表: 其他资金 小计 blank)
])
def test_unit_funds_from_the_summary_table(records: dict[str, Record], department: str, unit_funds) -> None:
    t = records[department].totals
    assert t.unit_funds == unit_funds
    if unit_funds is not None:
        assert t.provenance["unit_funds"].table in ("表1", "公开01表")


def test_blank_summary_lines_stay_blank(records: dict[str, Record]) -> None:
    """商务委 and the 决算 print 政府性基金 / 国有资本经营 lines without a figure; 司法局 prints 0.00."""
    commerce, finance, justice = (records[d].totals for d in (SHANGHAI_COMMERCE, SHANGHAI_FINANCE, SHANGHAI_JUSTICE))
    assert commerce.government_fund is None and commerce.state_capital is None
    assert finance.government_fund is None and finance.state_capital is None
    assert finance.carryover_total == D("49.14")  # 年初结转和结余
    assert justice.government_fund == D("0.00") and justice.state_capital == D("0.00")
    assert commerce.current_year_income is None and commerce.carryover_total is None  # not printed


def test_blank_three_public_cells_stay_blank(records: dict[str, Record]) -> None:
    """商务委's 三公 table prints only 合计 1.00 and 公务接待费 1.00 (万元); its narrative says 0万元 for the
    others, which is compared with the table (checks), not written over its blank cells."""
    t = records[SHANGHAI_COMMERCE].totals
    tp = t.three_public
    assert (tp.total, tp.reception) == (D("10000"), D("10000"))
    assert (tp.overseas, tp.vehicles, tp.vehicle_purchase, tp.vehicle_operation) == (None, None, None, None)
    assert t.provenance["three_public.overseas"].table == "表9"
    narrative = [c for c in records[SHANGHAI_COMMERCE].checks if c.where.startswith("说明一 “三公”经费")]
    assert narrative and all(c.ok for c in narrative)
    welfare = records[SHANGHAI_WELFARE].totals.three_public  # 购置费 blank, 运行费 6.4 (万元)
    assert (welfare.vehicle_purchase, welfare.vehicle_operation) == (None, D("64000"))


# --- the profile (部门概况 / 机构设置 / 人员): every province's wording -----------------------------------

def test_profile_shanghai(records: dict[str, Record]) -> None:
    commerce = records[SHANGHAI_COMMERCE].profile
    assert commerce.divisions == ["办公室", "综合调研科", "商业发展科", "市场秩序科（粮食和物资储备科）", "产业发展科",
                                  "企业服务科", "经济运行科", "外经促进科", "贸易发展科"]
    assert commerce.subordinate_units == ["上海市普陀区中小企业服务中心"]
    assert commerce.functions.startswith("上海市普陀区商务委员会是主管全区产业经济的区政府工作部门")
    welfare = records[SHANGHAI_WELFARE].profile
    assert welfare.divisions == ["院长室", "办公室", "财务室", "后勤部", "护理部"]
    justice = records[SHANGHAI_JUSTICE].profile
    assert justice.divisions == [] and justice.subordinate_units == ["普陀区法律援助中心"]
    finance = records[SHANGHAI_FINANCE].profile  # the 决算's 单位构成 table: 序号 单位名称 备注
    assert finance.subordinate_units == ["上海市普陀区财政局财政所", "上海市普陀区国库收付中心"]


def test_profile_jiangsu(records: dict[str, Record]) -> None:
    npc = records[JIANGSU_NPC].profile
    assert npc.divisions == ["办公厅", "研究室", "3个专门委员会", "8个工作委员会"]
    # 编制 339名 … 实际在编在职人员 274 名，离退休人员 150名 (离退休 is neither 退休 nor 离休 alone)
    s = npc.staffing
    assert (s.authorized, s.actual, s.active, s.retired, s.retired_veteran) == (339, None, 274, None, None)
    cppcc = records[JIANGSU_CPPCC].profile
    assert cppcc.divisions == ["省政协办公厅", "研究室", "10个专门委员会"]
    assert cppcc.subordinate_units == ["江苏省政协联谊俱乐部", "江苏省政协文史资料编辑部", "南京中国近代史遗址博物馆管理建设办公室"]
    court = records[JIANGSU_COURT].profile  # a numbered list under （一）机关内设机构
    assert len(court.divisions) == 27
    assert court.divisions[:3] == ["办公室", "组织人事处", "法官管理处"] and court.divisions[-1] == "司法警察总队"
    assert court.subordinate_units == ["江苏省法官培训学院", "徐州铁路运输法院"]


def test_jiangsu_personnel_and_public_expenses_from_the_narrative(records: dict[str, Record]) -> None:
    """Jiangsu's 基本支出 tables print no 人员经费/公用经费 columns; the 说明 states them
    (``（一）人员经费 6080.72 万元`` …) and they add up to the 一般公共预算基本支出预算表's 合计."""
    npc, court = records[JIANGSU_NPC], records[JIANGSU_COURT]
    assert (npc.totals.personnel, npc.totals.public_expenses) == (D("6080.72"), D("1585.96"))
    assert (court.totals.personnel, court.totals.public_expenses) == (D("18387.95"), D("3580.05"))
    assert npc.totals.provenance["personnel"].page == 26
    for record, total in ((npc, D("7666.68")), (court, D("21968.00"))):
        check = next(c for c in record.checks if "人员经费 + 公用经费" in c.where)
        assert (check.expected, check.printed, check.ok) == (total, total, True)
