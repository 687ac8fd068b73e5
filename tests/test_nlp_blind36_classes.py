"""The classes of question blind batches 30, 35, 36 and 37 showed the service missing (each read after its
first look), through the real extraction and pipeline on the real documents of ../shared/national (skipped
where absent), each asked in words of its own:

- 明年 of a department whose latest budget is the year ahead of its writing is that budget's year;
- 占全部项目支出的百分之几 names the base of a project's share; a purchase named like a project is the project's;
- a row's share after a breakdown of one column (基本支出按经济分类…) is of that column's whole;
- projects named by a 文号 their names carry, the graph holding no document of it;
- a kind word beside named departments (同为信访局) adds no department;
- 哪些项目是政府性基金…？哪些是其他资金的: each funding's projects; 不是用财政拨款…而是其他资金 projects;
- 其中A、B和C分别多少 keeps each figure it names; a project's money asked by source one by one;
- 上一年度有多少 repeats the figure just asked, of the year before; 公车购置和运行 are two figures;
- 三公多少？去年多少？降了多少 — the year before's total and the later year's change;
- a source's subjects and then 比上年多了多少: the source's change;
- indicator kinds asked as 数量目标和效益目标; purchase fund rows name their purchase;
- a project the year's table names …（结转） is a carry-over project."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.nlp_support import reply_labels as labels
from tests.nlp_support import reply_numbers as numbers

pytestmark = pytest.mark.shared


def test_next_year_of_the_latest_budget(ask_national) -> None:
    """苏州市审计局 2026 公开09表: 会议费 10.00, 培训费 43.00 — the graph holds no 2027 budget."""
    reply = ask_national("苏州市审计局明年的会议费和培训费各安排多少？")
    assert {Decimal("10.00"), Decimal("43.00")} <= numbers(reply)
    assert "2027" not in reply["text"]


def test_a_projects_share_of_the_base_named(ask_national) -> None:
    """烟台市财政局 2026: 会计工作经费 322.00 of 项目支出 3,056.57 = 10.53%."""
    reply = ask_national("烟台市财政局的会计工作经费占项目支出的百分之几？")
    assert Decimal("10.53") in numbers(reply)


def test_a_project_named_like_a_purchase(ask_national) -> None:
    """西安市审计局 2026 表10: 购买中介机构审计服务 350.00 of 专项业务经费 849.05 = 41.22% (the 政府采购表 lists
    the same name: the project answers)."""
    reply = ask_national("西安市审计局的购买中介机构审计服务项目预算多少？占专项业务经费的比例是多少？")
    assert Decimal("41.22") in numbers(reply)


def test_a_rows_share_of_the_breakdown_just_listed(ask_national) -> None:
    """上海市审计局 2026 基本支出 by economic class: 302 2,101.956 of 17,507.13 = 12.01% (not of 支出总计)."""
    reply = ask_national("上海市审计局2026年基本支出按经济分类分别多少？商品和服务支出占多大比例？")
    assert Decimal("12.01") in numbers(reply)
    assert Decimal("10.74") not in numbers(reply)  # 2,101.96 of 支出总计 19,577.43


def test_projects_by_the_document_number_their_names_carry(ask_national) -> None:
    """珠海市商务局 2026 表12: two rows open with 粤财工【2024】156号 (107.01 and 6.83); none with 999号."""
    reply = ask_national("粤财工〔2024〕156号下达给珠海市商务局的是哪些项目？")
    assert {Decimal("107.01"), Decimal("6.83"), Decimal("113.84")} <= numbers(reply)
    none = ask_national("珠海市商务局有没有按粤财工〔2024〕999号安排的项目？")
    assert none["answers"] == [] and "没有找到" in none["text"]


def test_a_kind_word_beside_named_departments(ask_national) -> None:
    """长沙市信访局 2026 三公 8.00, 长春市信访局（本级）7.61: 同为信访局 does not bring in 国家信访局."""
    reply = ask_national("同为信访局，长春市信访局和长沙市信访局的三公经费哪个高？")
    assert "国家信访局" not in reply["text"]
    assert Decimal("0.39") in numbers(reply)


def test_the_projects_of_each_funding_asked_in_turn(ask_national) -> None:
    """珠海市商务局 2026 表12: 政府性基金 19.10 + 78.70; 其他资金 0.84 (党建工作经费) + 0.80 (东西部协作)."""
    reply = ask_national("珠海市商务局哪些项目用了政府性基金？哪些是用其他资金的？")
    assert {Decimal("19.10"), Decimal("78.70"), Decimal("0.84"), Decimal("0.80")} <= numbers(reply)


def test_figures_named_inside_the_whole(ask_national) -> None:
    """国家信访局 2026: 收入总计 50,616.94 = 一般公共预算拨款 16,474.82 + 其他收入 31,888.00 + 上年结转 2,254.12."""
    reply = ask_national("国家信访局2026年收入总计多少？其中一般公共预算拨款、其他收入、上年结转分别多少？")
    assert {Decimal("16474.82"), Decimal("31888.00"), Decimal("2254.12")} <= numbers(reply)


def test_a_projects_money_asked_source_by_source(ask_national) -> None:
    """福州市民政局（本级）2026 民政系统综合业务管理 180.00 = 财政拨款 150.00 + 其他资金 30.00."""
    reply = ask_national("民政系统综合业务管理这个项目里财政拨款多少、其他资金多少？")
    assert {Decimal("150.00"), Decimal("30.00")} <= numbers(reply)


def test_projects_not_paid_by_the_appropriation(ask_national) -> None:
    """广州市统计局 2026: 上级拨入专项调查经费 50.00 其他资金 only; 泉州市公安局: four such, 365.00."""
    reply = ask_national("广州市统计局哪个项目没有用财政拨款？")
    assert "上级拨入专项调查经费" in labels(reply)
    other = ask_national("泉州市公安局哪些项目不是用财政拨款，而是全靠其他资金的？")
    assert Decimal("365.00") in numbers(other)
    assert len(other["parts"]) == 1


def test_the_year_before_asked_alone(ask_national) -> None:
    """无锡市交通运输局（本级）2026 上年结转结余 0.00, 比上年减少 94,815.95: the year before's, not 收入总计."""
    reply = ask_national("无锡市交通运输局本级今年上年结转结余多少？上一年度有多少？")
    assert Decimal("94815.95") in numbers(reply)
    assert "收入总计" not in reply["text"]


def test_vehicle_purchase_and_running_said_short(ask_national) -> None:
    """北京市财政局 2026: 公务用车购置费 44.92, 运行维护费 39.50."""
    reply = ask_national("北京市财政局2026年公车购置和运行各安排多少？")
    assert {Decimal("44.92"), Decimal("39.50")} <= numbers(reply)


def test_the_year_before_and_the_change_of_the_three_public(ask_national) -> None:
    """广州市统计局 2026 三公 19.86, 比上年减少 22.65 (53.3%): 2025 = 42.51, one figure, not six."""
    reply = ask_national("广州市统计局三公经费多少？去年是多少？下降了多少？")
    assert {Decimal("42.51"), Decimal("53.3")} <= numbers(reply)
    assert "2025年因公出国" not in reply["text"]


def test_a_sources_change_after_its_subjects(ask_national) -> None:
    """福州市商务局 2026 政府性基金 1,800.00 (2120815), 比上年增加 1,496.50, 增长 493.08%."""
    reply = ask_national("福州市商务局的政府性基金有多少？花在哪些科目？比上年多了多少？")
    assert {Decimal("1496.50"), Decimal("493.08")} <= numbers(reply)


def test_indicator_kinds_asked_as_targets(ask_national) -> None:
    """福州市民政局（本级）2026 e福州留守困境儿童关爱帮扶专栏: 媒体发稿数量 ≥3篇, 实现“微心愿”数 ≥800个."""
    reply = ask_national("e福州留守困境儿童关爱帮扶专栏的数量目标和效益目标是什么？")
    assert "媒体发稿数量" in labels(reply)
    assert any("微心愿" in label for label in labels(reply))


def test_purchase_fund_rows_name_their_purchase(ask_national) -> None:
    """苏州市水务局 2026 公开13表: 城区污水处理运营服务费 21,290.00 = 一般公共预算 8,290.00 + 政府性基金 13,000.00."""
    reply = ask_national("苏州市水务局政府采购里超过200万元的有哪些？")
    funds = [a for a in reply["answers"] if "其中" in a["label"]]
    assert funds and all(" 其中" in a["label"] and not a["label"].startswith("其中") for a in funds)
    assert any(a["label"].startswith("城区污水处理运营服务费") and a["value"] == "13000.00" for a in funds)


def test_a_project_named_carried_over(national, ask_national) -> None:
    """西安市审计局 2026 表10: 审计专项补助经费（结转） 981,827.50元, paid by the 上年实户资金余额 (非财政拨款)."""
    record = national["shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"]
    carried = [p for p in record.projects if p.name == "审计专项补助经费（结转）"]
    assert [(p.category, p.funding_source, p.amount) for p in carried] == \
        [("carryover", "carryover_nonfiscal", Decimal("981827.50"))]
    assert [p.category for p in record.projects if p.name == "审计专项补助经费"] == ["current"]
    reply = ask_national("西安市审计局有哪些上年结转的项目？")
    assert "审计专项补助经费（结转）" in labels(reply)


def test_a_share_after_the_figures_listed_together(ask_national) -> None:
    """杭州市司法局 2026 按用途: 人员支出 58,486.35 of 支出总计 99,230.46 = 58.94% (not of 基本支出, 82.70%)."""
    reply = ask_national("杭州市司法局2026年人员支出、日常公用支出和项目支出分别多少？人员支出占比多少？")
    assert Decimal("58.94") in numbers(reply)
    assert Decimal("82.70") not in numbers(reply)


def test_named_rows_ranked_by_their_stated_change(ask_national) -> None:
    """西安市审计局 2026 说明: 301 +117.32 (4.1%), 303 +43.10 (297.24%), 310 −7.00, 302 −181.52 — the four
    classes named, ranked, not the 款 inside 301."""
    reply = ask_national("西安市审计局2026年工资福利支出、商品和服务支出、对个人和家庭的补助、资本性支出各多少？哪一类增加得最多？")
    ranked = [a for a in reply["answers"] if a.get("rank")]
    assert [a.get("code") for a in ranked] == ["301", "303", "310", "302"]
    assert {Decimal("117.32"), Decimal("297.24")} <= numbers(reply)


def test_a_bare_department_word_is_the_one_just_named(ask_national) -> None:
    """苏州市水务局 2026 收入总计 92,596.24, 苏州市审计局 4,651.67: 水务局是审计局的 19.91 倍 (审计局 is 苏州's)."""
    reply = ask_national("苏州市水务局和苏州市审计局2026年收入总计各多少？水务局是审计局的几倍？")
    assert Decimal("19.91") in numbers(reply)
