"""The 25 disclosures of ``../shared/national`` (17 cities, 11 provinces, one central department).

Every expected value below was read by hand off the PDF pages (``pdftotext -layout`` page by
page, rendered pages where the layout was unclear), never copied from the program's output, and
compared with two independent blind readings: department, year, kind and unit as printed; 收入总计
and 支出总计; 基本支出 and 项目支出; every functional 类 the document prints with an amount; the 三公
figures (total, 因公出国, 公务接待, 公务用车 and its 购置/运行 parts); a few other totals each
document prints. ``None`` stands for a cell printed blank. Figures are in the document's unit
(元 for 上海 and 西安's 部门综合预算, where the 三公 table in 万元 is converted exactly).

One extraction of the whole folder is shared by the session (``national_extraction`` in
conftest.py); files are read one by one (not combined) so each document answers for itself.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from kg.extract.combine import combine_records

pytestmark = pytest.mark.shared

D = Decimal
WAN, YUAN = "万元", "元"


@dataclass(frozen=True)
class Reading:
    """What one document prints, read by hand."""

    file: str
    department: str
    year: int
    kind: str
    unit: str
    total: Decimal | None                 # 收入总计 = 支出总计
    basic: Decimal | None
    project: Decimal | None
    classes: dict[str, Decimal]           # 类 -> 合计, the 类 printed with an amount other than 0
    three: tuple | None                   # (total, 因公出国, 公务接待, 公务用车, 购置, 运行)
    other: dict[str, Decimal | None] = field(default_factory=dict)  # other Totals keys
    income_total: Decimal | None = None   # where 收入总计 differs from 支出总计 (printed blank)


R = Reading
READINGS = [
    R("beijing/北京市财政局_2026部门预算_附件2报表.pdf", "北京市财政局", 2026, "部门预算", WAN,
      D("44169.357532"), D("28016.258321"), D("16153.099211"),
      {"201": D("37644.195492"), "205": D("162.341000"), "208": D("3514.511928"), "210": D("2055.665112"),
       "229": D("792.644000")},
      (D("223.799250"), D("127.737000"), D("11.642250"), D("84.420000"), D("44.920000"), D("39.500000")),
      {"general_public_budget": D("44156.640120"), "carryover_total": D("12.717412")}),
    R("central/国家信访局_2024部门决算.pdf", "国家信访局", 2024, "部门决算", WAN,
      D("22066.59"), D("11073.11"), D("3499.42"),
      {"201": D("10685.56"), "205": D("180.03"), "208": D("2228.57"), "210": D("497.53"), "221": D("980.85")},
      (D("46.21"), D("4.69"), D("0.90"), D("40.61"), None, D("40.61")),
      {"current_year_income": D("20451.35"), "current_year_expenditure": D("14572.53"),
       "carryover_total": D("1615.24"), "carryover_year_end": D("7494.06"), "surplus_distribution": None,
       "general_public_budget": D("19572.91")}),
    R("central/国家信访局_2026部门预算.pdf", "国家信访局", 2026, "部门预算", WAN,
      D("50616.94"), D("11056.07"), D("39560.87"),
      {"201": D("47179.30"), "205": D("118.01"), "208": D("2208.19"), "221": D("1111.44")},
      (D("112.61"), D("68.50"), D("5.51"), D("38.60"), None, D("38.60")),
      {"general_public_budget": D("16474.82"), "carryover_total": D("2254.12")}),
    R("chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf", "重庆市人民政府办公厅", 2026, "部门预算", WAN,
      D("19230.18"), D("9018.47"), D("10211.71"),
      {"201": D("15958.96"), "205": D("15.26"), "208": D("1595.94"), "210": D("446.95"), "215": D("673.17"),
       "221": D("539.91")},
      (D("394.49"), D("184.49"), D("10.00"), D("200.00"), None, D("200.00")),
      {"general_public_budget": D("18417.70")}),
    R("fujian_fuzhou/福州市商务局_2026部门预算.pdf", "福州市商务局", 2026, "部门预算", WAN,
      D("24995.94"), D("3861.25"), D("21134.69"),
      {"201": D("2943.48"), "208": D("987.77"), "212": D("1800.00"), "216": D("18800.00"), "221": D("464.69")},
      (D("84.10"), D("70.00"), D("6.10"), D("8.00"), D("0.00"), D("8.00")),
      {"general_public_budget": D("23195.94"), "government_fund": D("1800.00")}),
    R("fujian_fuzhou/福州市民政局本级_2026单位预算.pdf", "福州市民政局(本级)", 2026, "单位预算", WAN,
      D("2249.92"), D("1451.64"), D("798.28"),
      {"208": D("2014.77"), "221": D("160.15"), "229": D("75.00")},
      (D("25.05"), D("7.05"), D("8.00"), D("10.00"), D("0.00"), D("10.00")),
      {"general_public_budget": D("2144.92"), "government_fund": D("75.00"), "carryover_total": D("30.00")}),
    R("fujian_quanzhou/泉州市公安局_2026部门预算.pdf", "泉州市公安局", 2026, "部门预算", WAN,
      D("81206.56"), D("51691.74"), D("29514.82"),
      {"204": D("68489.27"), "208": D("5885.48"), "210": D("1671.04"), "221": D("5160.77")},
      (D("1700.17"), D("0.00"), D("16.32"), D("1683.85"), D("495.85"), D("1188.00")),
      {"general_public_budget": D("69059.36")}),
    R("guangdong_foshan/佛山市轨道交通局_2019部门决算.pdf", "佛山市轨道交通局", 2019, "部门决算", WAN,
      D("1668.14"), D("746.39"), D("921.75"),
      {"208": D("76.23"), "214": D("1531.04"), "221": D("60.87")},
      (D("0.16"), D("0.00"), D("0.16"), D("0.00"), D("0.00"), D("0.00")),
      {"current_year_income": D("1668.14"), "current_year_expenditure": D("1668.14"),
       "carryover_total": D("0.00"), "carryover_year_end": D("0.01"), "surplus_distribution": D("0.00"),
       "general_public_budget": D("1668.14")}),
    R("guangdong_guangzhou/广州市统计局_2026部门预算.pdf", "广州市统计局", 2026, "部门预算", WAN,
      D("9483.72"), D("8401.67"), D("1082.05"),
      {"201": D("8295.28"), "208": D("370.17"), "210": D("4.15"), "221": D("764.12"), "229": D("50.00")},
      (D("19.86"), D("5.00"), D("8.16"), D("6.70"), D("0.00"), D("6.70"))),
    R("guangdong_shenzhen/深圳市财政局_2026部门预算.pdf", "深圳市财政局（本级）", 2026, "部门预算", WAN,
      D("37385.88"), D("11024.31"), D("26361.57"),
      {"201": D("20563.76"), "205": D("300.67"), "208": D("1405.31"), "210": D("254.79"), "213": D("2000.00"),
       "217": D("10000.00"), "221": D("2861.35")},
      (D("58.46"), D("41.60"), D("9.46"), D("7.40"), D("0.00"), D("7.40")),
      {"general_public_budget": D("36989.05"), "carryover_total": D("396.83")}),
    R("guangdong_zhuhai/珠海市商务局_2026部门预算.pdf", "珠海市商务局", 2026, "部门预算", WAN,
      D("66307.98"), D("7519.44"), D("58788.54"),
      {"201": D("42753.31"), "208": D("2366.15"), "210": D("185.89"), "215": D("97.80"), "216": D("20904.83")},
      (D("19.84"), D("13.20"), D("6.64"), D("0.00"), D("0.00"), D("0.00")),
      {"current_year_income": D("46403.97"), "carryover_total": D("19904.01")}),
    R("hunan_changsha/长沙市信访局_2026部门预算.pdf", "长沙市信访局", 2026, "部门预算", WAN,
      D("1935.36"), D("1517.95"), D("417.41"), {"201": D("1935.36")},
      (D("8.00"), None, D("3.00"), D("5.00"), None, D("5.00"))),
    R("jiangsu_suzhou/苏州市审计局_2026部门预算.pdf", "苏州市审计局", 2026, "部门预算", WAN,
      D("4651.67"), D("4312.17"), D("339.50"),
      {"201": D("2906.63"), "208": D("442.09"), "221": D("1302.95")},
      (D("10.00"), D("0.00"), D("10.00"), D("0.00"), D("0.00"), D("0.00")),
      {"general_public_budget": D("4651.67")}),
    R("jiangsu_suzhou/苏州市水务局_2026单位预算.pdf", "苏州市水务局", 2026, "单位预算", WAN,
      D("92596.24"), D("2147.85"), D("90448.39"),
      {"208": D("205.39"), "212": D("44003.26"), "213": D("47731.51"), "221": D("656.08")},
      (D("15.00"), D("0.00"), D("15.00"), D("0.00"), D("0.00"), D("0.00")),
      {"general_public_budget": D("48592.98"), "government_fund": D("44003.26")}),
    R("jiangsu_wuxi/无锡市交通运输局本级_2026单位预算.pdf", "无锡市交通运输局（本级）", 2026, "单位预算", WAN,
      D("984760.87"), D("3305.86"), D("981455.01"),
      {"206": D("5000.00"), "208": D("390.07"), "210": D("113.77"), "212": D("842090.31"), "214": D("103827.76"),
       "221": D("698.96"), "223": D("32640.00")},
      (D("2.02"), D("0.00"), D("2.02"), D("0.00"), D("0.00"), D("0.00")),
      {"general_public_budget": D("196278.67"), "government_fund": D("143999.00"), "state_capital": D("32640.00")}),
    R("jilin_changchun/长春市信访局本级_2026部门预算.pdf", "长春市信访局（本级）", 2026, "部门预算", WAN,
      D("1682.76"), D("1208.20"), D("474.56"),
      {"201": D("1378.41"), "208": D("178.42"), "210": D("32.65"), "221": D("93.27")},
      (D("7.61"), D("0.00"), D("0.86"), D("6.75"), D("0.00"), D("6.75")),
      {"general_public_budget": D("1682.76")}),
    R("shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf", "西安市卫生健康委员会（汇总）", 2022, "部门决算", WAN,
      D("2480372.70"), D("1168039.29"), D("906922.72"),
      {"201": D("56.00"), "205": D("5590.29"), "208": D("14994.95"), "210": D("1474833.23"), "221": D("11435.91"),
       "229": D("568051.63")},
      (D("587.55"), None, D("0.11"), D("587.44"), D("136.48"), D("450.96")),
      {"current_year_income": D("2015094.22"), "current_year_expenditure": D("2074962.01"),
       "carryover_total": D("465278.48"), "carryover_year_end": D("399035.80"),
       "surplus_distribution": D("6374.88"), "general_public_budget": D("296030.91"),
       "government_fund": D("509220.66")}),
    R("shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf", "西安市安全生产监督管理局", 2019, "部门预算",
      WAN, D("3695.91"), D("2022.39"), D("1620.98"),
      {"208": D("183.60"), "210": D("30.81"), "221": D("157.42"), "224": D("3271.54")},
      (D("28.38"), None, D("4.38"), D("24.00"), None, D("24.00")),
      {"current_year_income": D("3643.37"), "carryover_year_end": D("52.54")}),
    R("shaanxi_xian/西安市审计局汇总_2026部门预算.pdf", "西安市审计局（汇总）", 2026, "部门预算", YUAN,
      D("42034723.58"), D("33544216.08"), D("8490507.50"),
      {"201": D("29741089.50"), "205": D("210000.00"), "208": D("4635589.86"), "210": D("1862209.16"),
       "221": D("3604007.56")},
      (D("102000.00"), None, D("20000.00"), D("82000.00"), None, D("82000.00")),
      {"current_year_income": D("41052896.08"), "general_public_budget": D("40052896.08")}),
    R("shaanxi_xian/西安市气象局_2022部门综合预算.pdf", "西安市气象局", 2022, "部门预算", YUAN,
      D("18999011.66"), D("1839311.66"), D("17159700.00"),
      {"208": D("44699.18"), "210": D("55279.20"), "220": D("18803323.32"), "221": D("95709.96")},
      (D("0"), D("0"), D("0"), D("0"), D("0"), D("0")),
      {"general_public_budget": D("18999011.66")}),
    R("shandong_yantai/烟台市财政局_2026部门预算.pdf", "烟台市财政局", 2026, "部门预算", WAN,
      D("9069.47"), D("6012.90"), D("3056.57"),
      {"201": D("7231.78"), "205": D("25.00"), "208": D("1060.25"), "210": D("335.69"), "221": D("416.75")},
      (D("23.40"), D("13.00"), D("5.00"), D("5.40"), None, D("5.40"))),
    R("shanghai_city/上海市审计局_2026市级单位预算.pdf", "上海市审计局", 2026, "单位预算", YUAN,
      D("195774300"), D("175071300"), D("20703000"),
      {"201": D("134339860"), "208": D("23992440"), "210": D("6142000"), "221": D("31300000")},
      # the 三公 table prints 万元 (237.92): the record holds 元, converted exactly
      (D("2379200"), D("2018000"), D("81200"), D("280000"), None, D("280000")),
      {"general_public_budget": D("195774300"), "operating_expenses": D("21802600")}),
    R("zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf", "杭州市司法局", 2026, "部门预算", WAN,
      D("99230.46"), D("70724.29"), D("28506.17"),
      {"201": D("12868.19"), "204": D("76468.81"), "208": D("7458.52"), "210": D("2434.95")},
      (D("413.68"), None, D("74.00"), D("339.68"), D("151.68"), D("188.00")),
      {"general_public_budget": D("91495.48"), "carryover_total": D("347.32")}),
    R("zhejiang_huzhou/湖州市财政局_2026部门预算.pdf", "湖州市财政局", 2026, "部门预算", WAN,
      D("6838.41"), D("5571.66"), D("1266.75"),
      {"201": D("5356.01"), "208": D("796.52"), "210": D("265.81"), "221": D("420.07")},
      (D("9.30"), None, D("5.80"), D("3.50"), None, D("3.50")),
      {"general_public_budget": D("6838.41")}),
]
NARRATIVE_ONLY = R("beijing/北京市财政局_2026部门预算_附件1情况说明.pdf", "北京市财政局", 2026, "部门预算", WAN,
                   None, None, None, {}, None)
IDS = [r.file.split("/")[-1].split("_")[0] + ("_附件1" if "附件1" in r.file else "") for r in READINGS]


def test_every_document_is_read(national) -> None:
    assert sorted(national) == sorted([r.file for r in READINGS] + [NARRATIVE_ONLY.file])


@pytest.mark.parametrize("reading", READINGS + [NARRATIVE_ONLY], ids=IDS + ["北京附件1"])
def test_identity(national, reading: Reading) -> None:
    record = national[reading.file]
    assert (record.department, record.year, record.kind, record.unit) == (
        reading.department, reading.year, reading.kind, reading.unit)


@pytest.mark.parametrize("reading", READINGS, ids=IDS)
def test_totals_and_split(national, reading: Reading) -> None:
    t = national[reading.file].totals
    assert t.income_total == (reading.income_total or reading.total)
    assert t.expenditure_total == reading.total
    assert (t.basic_expenditure, t.project_expenditure) == (reading.basic, reading.project)
    for key, value in reading.other.items():
        assert getattr(t, key) == value, key


@pytest.mark.parametrize("reading", READINGS, ids=IDS)
def test_functional_classes(national, reading: Reading) -> None:
    """Every 类 printed with an amount, its total exact; a 类 printed as 0.00 stays 0; where a
    table prints a 类 once per unit (西安 安监局), the units' rows add up to the department's."""
    classes: dict[str, Decimal] = {}
    for subject in national[reading.file].functional_subjects:
        if subject.level == 1 and subject.total is not None:
            classes[subject.code] = classes.get(subject.code, D(0)) + subject.total
    assert {code: total for code, total in classes.items() if total != 0} == reading.classes


@pytest.mark.parametrize("reading", READINGS, ids=IDS)
def test_three_public(national, reading: Reading) -> None:
    tp = national[reading.file].totals.three_public
    assert (tp.total, tp.overseas, tp.reception, tp.vehicles, tp.vehicle_purchase, tp.vehicle_operation) == \
        reading.three


# --- what particular documents print --------------------------------------------------------------

def test_beijing_six_decimals_are_kept_exactly(national) -> None:
    """北京 prints 万元 to six decimals: the record keeps every digit (its JSON keeps two in the
    contract's keys and all of them under ``exact``), so the graph holds the printed figure."""
    from kg.extract.serialize import record_json
    from kg.rdf.mapping import to_wan

    record = national["beijing/北京市财政局_2026部门预算_附件2报表.pdf"]
    out = record_json(record)["totals"]
    assert out["income_total"] == "44169.36" and out["exact"]["income_total"] == "44169.357532"
    assert out["three_public"]["total"] == "223.80" and out["exact"]["three_public.total"] == "223.799250"
    assert to_wan(record.totals.income_total, record.unit) == D("44169.357532")


def test_beijing_narrative_and_tables_are_one_budget(national) -> None:
    records = [copy.deepcopy(national[f]) for f in ("beijing/北京市财政局_2026部门预算_附件1情况说明.pdf",
                                                     "beijing/北京市财政局_2026部门预算_附件2报表.pdf")]
    [combined] = combine_records(records)
    assert sorted(combined.files) == ["北京市财政局_2026部门预算_附件1情况说明.pdf", "北京市财政局_2026部门预算_附件2报表.pdf"]
    assert combined.totals.income_total == D("44169.357532")


def test_final_accounts_keep_budget_and_final_three_public(national) -> None:
    """A 决算's 三公 table prints 预算数 beside 决算数: both kept, 完成率 computed."""
    record = national["central/国家信访局_2024部门决算.pdf"]
    phased = {(f.key, f.phase): f.value for f in record.phased}
    assert phased[("three_public.total", "budget")] == D("76.43")
    assert phased[("three_public.total", "final")] == D("46.21")
    assert phased[("three_public.overseas", "budget")] == D("30.00")
    rates = {key: rate for key, _, rate in record.completion_rates()}
    assert rates["three_public.total"] == D("60.46")  # 46.21 / 76.43
    xian = national["shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"]
    phased = {(f.key, f.phase): f.value for f in xian.phased}
    assert phased[("three_public.total", "budget")] == D("593.46")
    assert phased[("three_public.vehicle_operation", "budget")] == D("455.12")


def test_templates_are_recognised(national) -> None:
    expected = {"beijing": "beijing", "central/国家信访局_2024": "final_account", "central/国家信访局_2026": "central",
                "chongqing": "chongqing", "fujian": "fujian", "guangdong_foshan": "final_account",
                "guangdong_guangzhou": "guangdong", "guangdong_zhuhai": "guangdong", "guangdong_shenzhen": "shenzhen",
                "hunan": "changsha", "jiangsu": "suzhou_wuxi", "jilin": "changchun",
                "shaanxi_xian/西安市卫生": "final_account", "shaanxi_xian/西安市安全": "xian",
                "shaanxi_xian/西安市审计": "xian", "shaanxi_xian/西安市气象": "xian", "shandong": "yantai",
                "shanghai": "shanghai", "zhejiang": "zhejiang"}
    for file, record in national.items():
        family = next(v for k, v in expected.items() if file.startswith(k))
        assert record.template == family, file
