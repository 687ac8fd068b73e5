"""Table readings behind the national audit's material findings (issue 10): each was a reading
error, not the document's. Every expected value was read by hand off the PDF pages.

* 烟台 公开表6 prints each 部门经济分类 subject beside its 政府经济分类 pair (``301 01 基本工资 | 501 01
  工资奖金津补贴``), 301 once per pair (501 and 505): the pair is not part of the code or name, and a
  repeated 301 owns the rows below it;
* 杭州 表6 prints names only: codes come from the national economic classification;
* the central and 西安 决算 print 公开06表 in three parts side by side (人员经费 | 公用经费 | 公用经费);
* 杭州 and 北京 spend the carried-over general budget in 表5;
* 深圳 表8 is 一般公共预算支出表（按经济分类）, 西安气象局 表4 prints one ``其中`` line under an income;
* 长春's narrative prints ``预算支出1682.76元`` beside 1682.76万元 in every table (a unit-word slip).

Uses the session's extraction of ../shared/national (``national_extraction`` in conftest.py).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.model import Record

pytestmark = pytest.mark.shared

D = Decimal
YANTAI = "shandong_yantai/烟台市财政局_2026部门预算.pdf"
HANGZHOU = "zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"
CENTRAL_FINAL = "central/国家信访局_2024部门决算.pdf"
CENTRAL_BUDGET = "central/国家信访局_2026部门预算.pdf"
XIAN_HEALTH = "shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"
XIAN_WEATHER = "shaanxi_xian/西安市气象局_2022部门综合预算.pdf"
BEIJING = "beijing/北京市财政局_2026部门预算_附件2报表.pdf"
SHENZHEN = "guangdong_shenzhen/深圳市财政局_2026部门预算.pdf"
CHANGCHUN = "jilin_changchun/长春市信访局本级_2026部门预算.pdf"


def _subjects(record: Record) -> dict[str, tuple]:
    return {s.code: (s.name, s.total, s.personnel, s.public) for s in record.economic_subjects}


def _checks(record: Record, rule: str, where: str) -> list:
    return [c for c in record.checks if c.rule == rule and c.where.startswith(where)]


def _material(record: Record) -> list[str]:
    return sorted(c.where for c in record.checks if c.severity == "material")


def test_yantai_paired_classification(national) -> None:
    record = national[YANTAI]
    subjects = _subjects(record)
    # names as printed in the 部门经济分类 column, never joined with the 政府经济分类 pair
    assert subjects["30101"][0] == "基本工资"
    assert subjects["30239"][0] == "其他交通费用"
    assert "3010101" not in subjects and "3021207" not in subjects
    # 301 printed twice (beside 501 3,479.46 and beside 505 1,423.81): one subject of the
    # department's classification; 30302 退休费 printed once
    assert subjects["301"][1] == D("3479.46") + D("1423.81")
    assert subjects["30101"][1] == D("830.34") + D("349.22")
    assert subjects["30302"][1:3] == (D("427.37"), D("427.37"))
    # 合计 6,012.90 | 人员支出 5,355.29 | 日常公用支出 657.61
    assert (record.totals.basic_expenditure, record.totals.personnel, record.totals.public_expenses) == \
        (D("6012.90"), D("5355.29"), D("657.61"))
    # each printed 301 against its own rows: 830.34+…+295.57 = 3,479.45 (尾差 of the print)
    first = [c for c in _checks(record, "children_sum", "公开表6 301") if c.where == "公开表6 301"]
    assert [(c.expected, c.printed, c.severity) for c in first] == [
        (D("3479.45"), D("3479.46"), "rounding"), (D("1423.80"), D("1423.81"), "rounding")]
    # 专项经费总额 ≤23万元 beside its part 专家工资支出 ≤18万元: the whole is the cost
    costs = [c for c in record.checks if c.where == "绩效目标表 财政工作专项经费 成本指标"]
    # (the table prints several projects of this name; this one's 年度预算资金总额 is 23.00)
    assert (D("23.00"), D("23.00"), True) in [(c.expected, c.printed, c.ok) for c in costs]
    assert all(c.ok for c in costs)
    assert _material(record) == []


def test_hangzhou_names_only_economic_table(national) -> None:
    record = national[HANGZHOU]
    subjects = _subjects(record)
    assert subjects["301"] == ("工资福利支出", D("55121.30"), D("55121.30"), None)
    assert subjects["30101"] == ("基本工资", D("6878.71"), D("6878.71"), None)
    assert subjects["30213"] == ("维修(护)费", D("570.68"), None, D("570.68"))
    assert subjects["303"] == ("对个人和家庭的补助", D("3900.08"), D("3365.06"), D("535.03"))
    # Σ 类 = 70,724.30 against 合计 70,724.29: a 尾差 of the print, no longer every row counted twice
    root = [c for c in _checks(record, "children_sum", "表6 合计") if c.where == "表6 合计"]
    assert {(c.expected, c.printed, c.severity) for c in root} <= {
        (D("70724.30"), D("70724.29"), "rounding"), (D("70724.29"), D("70724.29"), "ok")}
    assert root
    # 表5 合计 91,842.80 = 一般公共预算 91,495.48 + 上年结转 一般公共预算 347.32 (表4)
    spent = _checks(record, "same_figure", "表5 合计 vs 表4 一般公共预算")
    assert [(c.expected, c.printed, c.ok) for c in spent] == [(D("91842.80"), D("91842.80"), True)]
    # the document's two real slips, and nothing else: 说明二（五）'s 当年拨款 91,842.80 counts the 上年结转
    # 347.32 in (表1 一般公共预算 91,495.48); 说明二（七） buys 5 vehicles where 说明二（十） plans 6
    assert _material(record) == sorted(["说明二（五） 一般公共预算当年拨款 vs 表1 一般公共预算拨款收入",
                                        "说明二（七） 公务用车购置辆数 vs 说明二（十） 购置车辆"])


def test_beijing_table5_spends_the_carryover(national) -> None:
    record = national[BEIJING]
    spent = _checks(record, "same_figure", "预算05表 合计 vs 预算04表 一般公共预算")
    # 44,156.640120 + 12.717412 = 44,169.357532, printed 44,169.357532
    assert [(c.expected, c.ok) for c in spent] == [(D("44169.357532"), True)]
    assert _material(record) == []


@pytest.mark.parametrize("path, personnel, public, rows, material", [
    # (国家信访局: 说明一's 收入总计 up 5,834.37 printed 35.74%; of 22,066.59 − 5,834.37 = 16,232.22 it is 35.94%)
    (CENTRAL_FINAL, D("7967.72"), D("2266.65"),
     {"30101": ("基本工资", D("1857.40")), "302": ("商品和服务支出", D("2239.41")),
      "310": ("资本性支出", D("27.24")), "31002": ("办公设备购置", D("24.67")), "30309": ("奖励金", D("1.09"))},
     ["说明 收入总计 增减幅度"]),
    (XIAN_HEALTH, D("96513.21"), D("2093.08"),
     {"303": ("对个人和家庭的补助", D("3677.23")), "302": ("商品和服务支出", D("2085.91")),
      "31002": ("办公设备购置", D("7.17")), "30231": ("公务用车运行维护费", D("450.96"))}, []),
], ids=["国家信访局决算", "西安卫健委决算"])
def test_final_basic_table_in_three_parts(national, path, personnel, public, rows, material) -> None:
    record = national[path]
    subjects = _subjects(record)
    assert {code: subjects[code][:2] for code in rows} == rows
    assert (record.totals.personnel, record.totals.public_expenses) == (personnel, public)
    # 公用经费合计 (label in the second part or the third) totals the 302/307/310/399 parts
    total = _checks(record, "children_sum", "公开06表 公用经费合计")
    assert [c.severity for c in total] == ["ok"]
    assert _material(record) == material


def test_final_narrative_budget_column_and_share(national) -> None:
    record = national[CENTRAL_FINAL]
    # ``“三公”经费财政拨款支出预算为76.43万元，…支出决算为46.21万元``
    three = _checks(record, "same_figure", "说明 “三公”经费 合计")
    assert [(c.expected, c.printed, c.ok) for c in three] == [(D("46.21"), D("46.21"), True)]
    # ``财政拨款支出13733.8万元，占总支出94.24%``: of 本年支出合计 14,572.53, not 支出总计
    share = _checks(record, "share_percent", "说明 财政拨款支出 占总支出的比例")
    assert share and share[0].ok


def test_table6_against_table3_only_where_general_budget_is_all(national) -> None:
    record = national[CENTRAL_BUDGET]
    # 部门公开表6 合计 9,880.88 is the general budget's; 表3 基本支出 11,056.07 every source's
    assert _checks(record, "same_figure", "部门公开表6 合计 vs 部门公开表3") == []
    assert [c.where for c in record.checks if c.severity == "material"] == [
        "说明八（三） 委托业务费财政拨款预算 增减幅度",  # 333.83 ÷ 1,057.85 = 31.56%, printed 31.35%
        "说明五 其他信访事务支出 占部门支出总额的比例",  # p.19 3,623.98 ÷ 50,616.94 = 7.16%, printed 22.00%
        "说明四 财政拨款收支总预算 vs 部门公开表4 财政拨款收支总表"]  # p.18 18,728.91; 表4 (p.9) 总计 18,728.94


def test_shenzhen_economic_general_budget_table(national) -> None:
    record = national[SHENZHEN]
    tables = {t["label"]: t["kind"] for t in record.tables}
    assert (tables["表7"], tables["表8"]) == ("general_budget_expenditure", "general_budget_economic")
    assert _material(record) == []


def test_xian_single_of_which_line_is_not_the_parts(national) -> None:
    record = national[XIAN_WEATHER]
    # 1、一般公共预算拨款 18,999,011.66 over ``其中：专项资金列入部门预算的项目 0.00``
    assert _checks(record, "children_sum", "表4 一般公共预算拨款") == []
    # no table misread; the document's own slips only: the 说明's year-on-year table (p.10) prints
    # 2022年专项业务费 1535.82 where its text and 表1 say 1715.97, and 说明六 (p.13) states 三公 0.27、会议费 0.24、
    # 培训费 0.71万元 where 表13 (p.30) prints 0 for 2022
    assert _material(record) == ["说明 对比表 2022年专项业务费", "说明 对比表 2022年总收入支出", "说明 对比表 专项业务费变化",
                                 "说明六 “三公”经费 vs 表13", "说明六 会议费 vs 表13", "说明六 培训费 vs 表13"]


def test_changchun_unit_word_slip_is_a_notice(national) -> None:
    record = national[CHANGCHUN]
    slip = _checks(record, "same_figure", "说明一 支出总计 vs 预算表1")
    assert [(c.expected, c.severity) for c in slip] == [(D("1682.76"), "notice")]
    assert "单位字样疑误印" in slip[0].note


def test_percentage_columns_are_neither_names_nor_amounts(national) -> None:
    """国家信访局 部门公开表5 (page 10) prints 增减额 and 增减(%) beside each row
    (``201 一般公共服务支出 … -20,442.30 -60.86% 3,099.90 30.86%``): the percentages are a ratio
    column, never part of the subject's name."""
    record = national[CENTRAL_BUDGET]
    rows = {s.code: (s.name, s.total, s.basic, s.project) for s in record.scoped_functional["general_public_budget"]}
    assert rows["201"] == ("一般公共服务支出", D("13144.37"), D("6668.44"), D("6475.93"))
    assert rows["2014002"] == ("一般行政管理事务", D("737.29"), None, D("737.29"))
    assert rows["2014099"] == ("其他信访事务支出", D("3623.98"), None, D("3623.98"))
    assert not [name for name, *_ in rows.values() if "%" in name]


@pytest.mark.parametrize("path, appropriation, unit_funds", [
    ("guangdong_zhuhai/珠海市商务局_2026部门预算.pdf", D("46402.33"), D("1.64")),
    ("guangdong_guangzhou/广州市统计局_2026部门预算.pdf", D("9433.72"), D("50.00")),
], ids=["珠海商务局", "广州统计局"])
def test_guangdong_budget_appropriation_split_by_table4(national, path, appropriation, unit_funds) -> None:
    """广东 表1 prints 财政拨款 as one line, ``一、预算拨款`` (its note: 一般公共预算、政府性基金预算、
    国有资本经营预算); 表4 财政拨款收支总体情况表 splits it (一般公共预算 = all of it, the other two 0.00).
    Read off pages 6 and 11 of each PDF."""
    t = national[path].totals
    assert (t.fiscal_total, t.general_public_budget, t.government_fund, t.state_capital, t.unit_funds) == (
        appropriation, appropriation, D("0.00"), D("0.00"), unit_funds)
    assert t.provenance["fiscal_total"].table == "表1" and t.provenance["general_public_budget"].table == "表4"
    assert t.fiscal_total + t.unit_funds == t.current_year_income


@pytest.mark.parametrize("path, carryover_fiscal, own_account_balance, income_total", [
    ("shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf", D("11.61"), D("40.93"), D("3695.91")),
    ("shaanxi_xian/西安市审计局汇总_2026部门预算.pdf", None, D("981827.50"), D("42034723.58")),
], ids=["西安安监局", "西安审计局"])
def test_xian_own_account_balance_is_carried_over(national, path, carryover_fiscal, own_account_balance,
                                                  income_total) -> None:
    """西安 表1 prints ``上年实户资金余额`` above ``上年结转`` / ``其中：财政拨款资金结转`` (安监局 page 3,
    万元; 审计局 page 22, 元): the balance is the 非财政拨款结转结余 表2 prints, and with the current
    year's income and the fiscal carry-over it makes up 收入总计."""
    t = national[path].totals
    assert (t.carryover_fiscal, t.carryover_nonfiscal, t.income_total) == (
        carryover_fiscal, own_account_balance, income_total)
    assert t.current_year_income + (t.carryover_fiscal or 0) + t.carryover_nonfiscal == t.income_total


def test_chongqing_income_items_named_as_funds(national) -> None:
    """重庆 表一 (page 9) names its income lines ``…资金``: ``五、事业收入资金 812.48`` is the unit's
    own income, and with ``一、一般公共预算资金 18,417.70`` makes up 合计 19,230.18."""
    t = national["chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"].totals
    assert (t.general_public_budget, t.unit_funds, t.income_total) == (D("18417.70"), D("812.48"), D("19230.18"))
    assert t.provenance["unit_funds"].page == 9


def test_the_carry_forward_line_named_after_its_balance(national) -> None:
    """珠海市商务局 2026 表1 收支总表 (p.7): 上年结转结余 19,904.01 on the income side, ``结转结余下年 0.00`` on the
    expenditure side — the year-end carry-forward, however its words are ordered."""
    record = national["guangdong_zhuhai/珠海市商务局_2026部门预算.pdf"]
    assert (record.totals.carryover_total, record.totals.carryover_year_end) == (Decimal("19904.01"), Decimal("0.00"))
