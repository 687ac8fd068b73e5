"""Conservation on every budget of ../shared/national, held or reported per budget
(kg/analytics/budget_conservation.py, the rows bench/conservation.py prints). The corpus and
realdocs budgets are checked the same way in tests/test_flows.py."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.analytics.budget_conservation import conservation_report
from kg.rdf.flows import plan_flows

# the gaps of the national budgets: rounding cents, and what the reader does not get right yet
# (福州民政局: its 绩效目标表 amounts read as projects) — reported, never hidden
NATIONAL_GAPS = {
    ("国家信访局", 2024, "资金流出合计 = 支出总计"): (D("22066.60"), D("22066.59")),
    ("重庆市人民政府办公厅", 2026, "资金流出合计 = 支出总计"): (D("19230.19"), D("19230.18")),
    # the document's own: its 24 项目支出绩效目标表 (pp.28–52; e福州留守困境儿童关爱帮扶专栏 printed twice,
    # one project) state 资金总额 40,460.33 of 专项资金 the 局 administers; its 项目支出 is 798.28 (p.25)
    ("福州市民政局(本级)", 2026, "未细化到科目 项目合计 ≤ 科目项目支出余额"): (D("40460.33"), D("798.28")),
    ("佛山市轨道交通局", 2019, "资金流入合计 = 收入总计"): (D("1668.15"), D("1668.14")),
    # the document's own cent: 表12's rows under 珠海市商务局 add up to 58,446.22, its row prints 58,446.21
    ("珠海市商务局", 2026, "未细化到科目 项目合计 ≤ 科目项目支出余额"): (D("58788.55"), D("58788.54")),
    ("长春市信访局（本级）", 2026, "资金流出合计 = 支出总计"): (D("1682.75"), D("1682.76")),
    ("西安市卫生健康委员会（汇总）", 2022, "资金流入合计 = 收入总计"): (D("2480372.71"), D("2480372.70")),
    ("西安市卫生健康委员会（汇总）", 2022, "资金流出合计 = 支出总计"): (D("2480372.69"), D("2480372.70")),
    # 表10's projects are its 专项业务经费 1,620.98 to the cent; 表11's two 财政拨款结转 projects (9.00 + 2.61,
    # 类 215, p.29) are spent beside them, and the 类 of 表5 print only this year's money
    ("西安市安全生产监督管理局", 2019, "未细化到科目 项目合计 ≤ 科目项目支出余额"): (D("1632.59"), D("1620.98")),
    ("杭州市司法局", 2026, "资金流出合计 = 支出总计"): (D("99230.47"), D("99230.46")),
    # the document's own cent: 表10's 31 project rows (pp.37–38) add up to 28,506.18, its 合计 prints 28,506.17
    ("杭州市司法局", 2026, "未细化到科目 项目合计 ≤ 科目项目支出余额"): (D("28506.18"), D("28506.17")),
    # the session reads every national file on its own: 北京市财政局's 报表 without its 情况说明, whose
    # 市对区专项转移支付 (5,612.00) flows on its own (combined, as ingest and bench/conservation.py read
    # them, the budget holds)
    ("北京市财政局", 2026, "资金流出合计 = 支出总计"): (D("33628.26"), D("44169.36")),
}


@pytest.mark.shared
def test_every_national_budget_holds_or_is_reported(national_extraction):
    by_file, _failures = national_extraction
    rows = conservation_report([by_file[k] for k in sorted(by_file)])
    gaps = {(r.department, r.year, g.where): (g.expected, g.printed) for r in rows for g in r.gaps}
    assert gaps == NATIONAL_GAPS
    for r in rows:  # a budget with totals is checked; every row says which
        assert r.status == ("reported" if r.gaps else "held" if r.checks else "no_flows"), r.source
        if r.income_total is not None and r.inflow:
            assert r.checks
    assert sum(1 for r in rows if r.status == "held") == 15


@pytest.mark.shared
def test_final_account_surplus_distribution_is_a_flow(national_extraction):
    """结余分配 is part of a 决算's 支出总计: without its share the flows came 6,374.89 short."""
    by_file, _ = national_extraction
    plan = plan_flows(by_file["shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"])
    assert {f.target.key: f.amount for f in plan.flows if f.kind in ("surplus_distribution", "carryover_year_end")} \
        == {"surplus_distribution": D("6374.88"), "carryover_year_end": D("399035.80")}


@pytest.mark.shared
def test_a_subject_printed_in_several_unit_blocks_is_one_flow(national_extraction):
    """西安市安全生产监督管理局's 表5 prints each 类 once per unit: one flow per 类, their sum."""
    by_file, _ = national_extraction
    plan = plan_flows(by_file["shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf"])
    keys = [f.key for f in plan.flows]
    assert len(keys) == len(set(keys))
    assert {f.target.key: f.amount for f in plan.flows if f.kind == "subject"} == {
        "208": D("183.60"), "210": D("30.81"), "221": D("157.42"), "224": D("3271.54")}
