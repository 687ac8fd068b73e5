"""Facts the records now keep, read exactly off the real documents of ../shared/national (skipped where
absent): 单位资金 line by line where the summary table prints its lines, a second comparison of a figure
with something left out, a 决算's evaluations of its projects, and a sub-item's whole name."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.narrative.coverage import read_coverage
from kg.extract.narrative.text import make_span
from kg.extract.source import Line

pytestmark = pytest.mark.shared


def test_unit_fund_lines_where_the_summary_table_prints_them(national) -> None:
    """西安市卫生健康委员会汇总_2022部门决算 公开01表 (p.146): 事业收入 1,110,972.11, 其他收入 98,870.55 (万元);
    重庆市人民政府办公厅 2026 表1 (p.9): 五、事业收入资金 812.48; 国家信访局 2026 部门公开表1: 五、其他收入 31,888.00."""
    wjw = national["shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"].totals
    assert (wjw.unit_business, wjw.unit_other) == (Decimal("1110972.11"), Decimal("98870.55"))
    assert wjw.provenance["unit_business"].page == 146
    cq = national["chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"].totals
    assert (cq.unit_business, cq.unit_funds) == (Decimal("812.48"), Decimal("812.48"))
    assert cq.provenance["unit_business"].row == "五、事业收入资金"
    assert national["central/国家信访局_2026部门预算.pdf"].totals.unit_other == Decimal("31888.00")


def test_a_second_comparison_with_something_left_out(national) -> None:
    """国家信访局 2026 说明五（一） (p.20): …减少20,766.6万元，下降55.76%，扣除中央基建后比2025年执行数增加2,775.6万元，增幅20.26%."""
    changes = national["central/国家信访局_2026部门预算.pdf"].changes
    left_out = [c for c in changes if c.get("excluding")]
    assert [(c["subject"], c["amount"], c["direction"], c["percent"], c["excluding"]) for c in left_out] == [
        ("一般公共预算当年财政拨款（扣除中央基建后）", "2775.60", "increase", "20.26", "中央基建")]
    plain = next(c for c in changes if c["subject"] == "一般公共预算当年财政拨款")
    assert plain["key"] == left_out[0]["key"] and plain["amount"] == "20766.60"


def test_a_final_accounts_evaluations(national) -> None:
    """国家信访局 2024 决算 说明十一（一） (pp.26-27): 一级项目7个、二级项目16个，共涉及资金5105.75万元; 等3个项目开展了
    部门评价，涉及一般公共预算支出1639.34万元."""
    got = {c.scope: c for c in national["central/国家信访局_2024部门决算.pdf"].performance_coverage}
    own = got["self_evaluation"]
    assert (own.projects, own.first_level, own.second_level, own.amount) == (None, 7, 16, Decimal("5105.75"))
    dept = got["department_evaluation"]
    assert (dept.projects, dept.amount, dept.provenance.page) == (3, Decimal("1639.34"), 27)


def test_evaluations_in_any_wording() -> None:
    """The 决算 template's sentences as another department prints them (counts in words of its own)."""
    lines = [Line(page=3, lineno=9, text="组织对8个一般公共预算项目支出开展绩效自评，其中一级项目6个，二级项目2个，共涉及资金940.15万元。"),
             Line(page=3, lineno=10, text="组织对“甲项目”等2个项目开展了部门评价，涉及一般公共预算支出120.5万元。")]
    got = {c.scope: (c.projects, c.first_level, c.second_level, c.amount) for c in read_coverage(lines, "x.pdf", "万元")}
    # the whole count as printed (对8个…项目支出开展绩效自评), beside the levels (never their sum)
    assert got == {"self_evaluation": (8, 6, 2, Decimal("940.15")),
                   "department_evaluation": (2, None, None, Decimal("120.5"))}


def test_a_sub_items_whole_name(national) -> None:
    """湖州市财政局 2026 说明二（五）3（4） (p.8): 其他财政事务支出（项）1153.00万元，主要用于局本级会计管理和人才培养、
    财政事务综合管理经费、解决改制历史遗留经费等支出652.00万元；市财政项目预算审核中心…371.00万元."""
    items = {n.label: n.value for n in national["zhejiang_huzhou/湖州市财政局_2026部门预算.pdf"].narrative
             if n.topic == "subitem"}
    assert items["局本级会计管理和人才培养、财政事务综合管理经费、解决改制历史遗留经费等支出"] == Decimal("652.00")
    assert items["市财政项目预算审核中心市级预算项目评审经费支出"] == Decimal("371.00")
    shenzhen = {n.label for n in national["guangdong_shenzhen/深圳市财政局_2026部门预算.pdf"].narrative
                if n.topic == "subitem"}
    assert "增人增资" in shenzhen and "深圳市承担的个人消费贷款财政贴息、服务业经营主体贷款贴息资金" in shenzhen


def test_objectives_wrapped_around_their_rows() -> None:
    """A long-text column printed vertically centred on its row (浙江 表11): lines above, on and below a
    row's line are its cell; a cell that begins on the row's line stands alone."""
    from types import SimpleNamespace

    from kg.extract.tables.project_objectives import read_objectives

    texts = ["单位名称 项目名称 金额 项目总体绩效目标", "1,266.75",
             "2026年，通过设立垫付窗口，实现救助基金抢救费用垫付“", "甲中心 甲项目 120.00", "一件事”办理。",
             "乙局 乙项目 69.00 推进行政立法工作科学高效", "坚持源头治理、依法治理，加快打造现代", "乙局 丙项目 990.04",
             "化标杆城市。", "注：本套报表金额单位转换时存在尾数误差"]
    table = SimpleNamespace(lines=[Line(page=1, lineno=i, text=t) for i, t in enumerate(texts, 1)])
    assert [(names, amount, text) for names, amount, text, _ in read_objectives(table)] == [
        ("甲中心 甲项目", "120.00", "2026年，通过设立垫付窗口，实现救助基金抢救费用垫付“一件事”办理。"),
        ("乙局 乙项目", "69.00", "推进行政立法工作科学高效"),
        ("乙局 丙项目", "990.04", "坚持源头治理、依法治理，加快打造现代化标杆城市。")]


def test_zhejiang_project_objectives(national) -> None:
    """湖州市财政局 2026 表11 (p.32): 湖州市绿色财政研究服务中心 财政服务综合业务管理 120.00, its objective about
    道路交通事故社会救助基金; 杭州市司法局 2026 表11: 法治社会建设 990.04 (a cell wrapped around its row)."""
    huzhou = {p.name: p for p in national["zhejiang_huzhou/湖州市财政局_2026部门预算.pdf"].projects}
    service = huzhou["财政服务综合业务管理"]
    assert (service.amount, service.responsible_unit) == (Decimal("120.00"), "湖州市绿色财政研究服务中心")
    assert service.description.startswith("2026年，通过设立交警事故大队垫付窗口，实现道路交通事故社会救助基金")
    assert service.description.endswith("切实维护交通事故社会救助人的权益.")
    assert len(huzhou) == 7 and all(p.description for p in huzhou.values())
    hangzhou = {(p.responsible_unit, p.name): p for p in national["zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"].projects}
    assert hangzhou[("杭州市司法局", "法治社会建设")].description == \
        "坚持源头治理、依法治理、基层治理同步推进，助力提升，加快打造全市域社会治理现代化标杆城市。"
    assert len(hangzhou) == 31
