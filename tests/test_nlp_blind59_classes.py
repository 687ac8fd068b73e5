"""The classes of question blind batches 59 and 60 (session 22, each read after its first look) showed the
service missing, through the real extraction and pipeline on the real documents of ../shared (the
national graph, or the corpus and realdocs one; skipped where absent), each asked in words of its own:

- an economic row printed in a 基本支出 table and a 项目支出 table: its whole is the two added, its columns
  asked after it are its own, and its change is the narrative's statement about it;
- a figure only the narrative states (年末结转和结余) beside the tables' figures asked with it;
- 加得上 asks a check; 那一栏 / 按项目分 / 换算成 are how a question is asked, not what about;
- 收支执行数 the totals; 能从次年的预算推出来吗 folds into the derivation the part before made;
- money to subordinate units of a body that has none: said, no figure;
- the weights of the indicators listed add up; 年度目标 shows the goals the project's text states;
  费用标准 asks the 成本指标."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.nlp_support import reply_labels as labels
from tests.nlp_support import reply_numbers as numbers
from tests.nlp_support import reply_part as _part

pytestmark = pytest.mark.shared


def test_an_economic_row_of_two_tables_is_their_sum_then_its_columns_then_its_change(ask_national) -> None:
    """广州市统计局 2026 委托业务费: 表6 基本 25.30 + 表7 项目 208.00 = 233.30; 说明六 比上年减少116.61 (33.3%)."""
    reply = ask_national("广州统计局今年的委托业务费总共安排了多少？基本支出、项目支出中分别是多少？跟去年比呢？")
    assert len(reply["parts"]) == 3
    assert Decimal("233.30") in numbers(_part(reply, 1))
    assert {Decimal("25.30"), Decimal("208.00")} <= numbers(_part(reply, 2))
    assert Decimal("8401.67") not in numbers(_part(reply, 2))  # not the department's 基本支出
    assert {Decimal("116.61"), Decimal("33.3")} <= numbers(_part(reply, 3))


def test_a_stated_only_figure_beside_the_tables(ask_national) -> None:
    """国家信访局 2024 决算: 年初结转和结余 1,615.24 (表) and 年末结转和结余 7,494.06 (说明 only)."""
    reply = ask_national("国家信访局2024年决算的年初结转结余和年末结转和结余分别是多少？")
    assert {Decimal("1615.24"), Decimal("7494.06")} <= numbers(_part(reply, 1))


def test_added_up_asks_a_check(ask_national) -> None:
    """国家信访局 2024 公开09表: 三公 printed 46.21, its parts add up to 46.20."""
    reply = ask_national("国家信访局2024年三公经费的几个分项加得上合计数吗？")
    assert {Decimal("46.20"), Decimal("46.21"), Decimal("0.01")} <= numbers(reply)


def test_words_of_asking_are_no_topics(ask_national) -> None:
    """珠海市商务局 2026: the 政府性基金预算 column holds two 以旧换新 projects, 19.10 + 78.70 = 97.80; 上海市审计局
    2026 审计事务 by its 项 (11,447.99 + 158.30 + 1,652.70 + 175.00 = 13,433.99)."""
    funds = ask_national("珠海商务局哪些项目的资金填在政府性基金预算这一栏里？")
    assert {Decimal("19.10"), Decimal("78.70"), Decimal("97.80")} <= numbers(funds)
    items = ask_national("上海市审计局审计事务这一款按项目分各是多少？请换算成万元")
    assert {Decimal("11447.99"), Decimal("1652.70"), Decimal("13433.99")} <= numbers(items)
    assert "没有找到" not in items["text"]


def test_actual_totals_of_the_year_before_and_the_source_year_folded(ask_national) -> None:
    """杭州市司法局 2026 收入 99,230.46 比上年执行数增加7,331.92: 2025 = 91,898.54, one part."""
    reply = ask_national("杭州市司法局2025年的收支执行数是多少？可以从2026年的预算倒推吗？")
    assert len(reply["parts"]) == 1
    assert {Decimal("91898.54"), Decimal("7331.92")} <= numbers(reply)


def test_money_to_units_a_body_does_not_have(ask) -> None:
    """昌吉州环境污染监控中心 2023 说明: 无下属预算单位 — no figure answers what it gave them."""
    reply = ask("昌吉州环境污染监控中心2023年对下属单位的补助经费是多少？")
    assert reply["answers"] == []
    assert "没有下属预算单位" in reply["text"]


def test_weights_listed_add_up(ask_national) -> None:
    """重庆市人民政府办公厅 2026 部门整体绩效目标表: six core indicators weighing 10+15+15+10+15+15 = 80."""
    reply = ask_national("重庆市政府办公厅部门整体绩效的核心指标各占多少权重？")
    assert Decimal("80") in numbers(reply)
    assert "权重合计" in reply["text"]


def test_yearly_goals_and_cost_standards(ask_national) -> None:
    """福州市商务局 菜篮子工程建设专项资金's text: 年储备活体生猪10.8万头…叶类菜种植1200亩以上; 西安市审计局 购买中介
    机构审计服务's 成本指标: 注册会计师 ≤1200 元/人/天 … 造价员 ≤550."""
    goals = ask_national("福州商务局的菜篮子工程专项资金年度目标是什么？")
    assert {Decimal("10.8"), Decimal("2000"), Decimal("1200")} <= numbers(goals)
    costs = ask_national("西安审计局购买中介机构审计服务这个项目，各类人员的收费标准定了多少？")
    assert {Decimal("1200"), Decimal("800"), Decimal("500"), Decimal("550")} <= numbers(costs)
    assert any("注册会计师" in label for label in labels(costs))


def test_a_codeless_class_named_with_its_level_in_brackets(ask_national) -> None:
    """杭州市司法局 2026 表5 (一般公共预算, names only): 强制隔离戒毒 4,119.77 = 行政运行 3,901.76 + … + 3.18,
    not the 支出总表's 4,282.07 (with 单位资金)."""
    reply = ask_national("杭州市司法局“强制隔离戒毒（款）”的一般公共预算拨款都安排在哪几项上？")
    assert {Decimal("3901.76"), Decimal("143.47"), Decimal("19.40"), Decimal("4119.77")} <= numbers(reply)
    assert Decimal("178.17") not in numbers(reply)


def test_money_for_words_a_subject_is_named_by(ask) -> None:
    """上海市普陀区商务委员会 2025: 21508 支持中小企业发展和管理支出 29,381.00 of 37,151.47 (79.08%), not the
    贸易高质量发展专项 (2,921.00) whose text mentions small firms."""
    reply = ask("普陀区商务委2025年用于支持中小企业发展的资金是多少？占总预算多少？")
    assert {Decimal("29381.00"), Decimal("79.08")} <= numbers(reply)
    assert Decimal("2921.00") not in numbers(reply)


def test_per_head_of_a_project_that_counts_no_people(ask) -> None:
    """上海市普陀区司法局 2026 人民调解项目 795.00: its text counts no 调解员 — no figure per head."""
    reply = ask("普陀区司法局的人民调解项目，平均每个调解员多少钱？")
    assert reply["answers"] == []
    assert "人均" in reply["text"] or "人数" in reply["text"]


def test_the_non_fiscal_part_used_where(ask) -> None:
    """昌吉回族自治州生态环境局 2025: 上年结转结余 2,934.03 = 财政拨款 2,904.03 + 非财政 30.00, the 30.00 the
    机关运行补助经费 单位资金 project."""
    reply = ask("昌吉州生态环境局2025年上年结转结余里财政和非财政的各多少？非财政的那30万用到哪了？")
    assert {Decimal("2904.03"), Decimal("30.00")} <= numbers(reply)
    assert any("机关运行补助经费" in label for label in labels(_part(reply, len(reply["parts"]))))


def test_each_units_three_public_split(ask_national) -> None:
    """湖州市财政局 2026 按单位列示的三公经费表: 本级 7.50 = 接待 4.00 + 车 3.50; each centre 0.45 of 接待."""
    reply = ask_national("湖州市财政局三公经费在各个单位之间是怎么分配的？")
    assert {Decimal("7.50"), Decimal("4.00"), Decimal("3.50"), Decimal("0.45")} <= numbers(reply)
    assert reply["text"].count("其中公务接待费") >= 5


def test_year_end_asked_again_after_another_part(ask_national) -> None:
    """国家信访局 2024 决算: 年末结转和结余 7,494.06, 比2023年度增加5,878.82 (363.96%) — asked after a part about
    the 财政拨款 ones, the year-end of the first part; said once, not from the table and the narrative both."""
    reply = ask_national("国家信访局2024年年初、年末结转结余分别多少？财政拨款的呢？年末怎么涨这么多？")
    assert _part(reply, 1)["text"].count("7494.06") == 1
    assert {Decimal("5878.82"), Decimal("363.96")} <= numbers(_part(reply, len(reply["parts"])))


def test_each_part_of_a_whole_changed(ask_national) -> None:
    """泉州市公安局 2026 说明六: 公务用车运行费 比上年增加168.00, 购置费 增加55.85 (not their sum 223.85 only)."""
    reply = ask_national("泉州公安局公车的两项费用各是多少，分别比去年多了多少？")
    assert {Decimal("168.00"), Decimal("55.85"), Decimal("1188.00"), Decimal("495.85")} <= numbers(reply)


def test_examples_after_a_check_are_what_it_checks(ask_national) -> None:
    """国家信访局 2026 说明: 委托业务费 增长31.35% (31.56%), 财政拨款收支总预算 18,728.91 (表4 18,728.94)."""
    reply = ask_national("国家信访局2026年说明里的数跟报表有算不拢的吗？例如财政拨款总额和委托业务费增幅。")
    assert len(reply["parts"]) == 1
    assert {Decimal("31.35"), Decimal("31.56"), Decimal("18728.91"), Decimal("18728.94")} <= numbers(reply)


def test_obvious_errors_asked_is_a_check(ask) -> None:
    """上海市普陀区司法局 2026 编制说明 6: 其他司法支出 3,845.49 比2025年执行数43269.3增加17.62% — 3,269.30 with
    one 4 printed too many."""
    reply = ask("普陀区司法局2026年的预算说明里有哪些明显错的数？")
    assert {Decimal("43269.30"), Decimal("3269.30")} <= numbers(reply)


def test_each_target_of_a_list_just_given(ask) -> None:
    """昌吉州环境污染监控中心 2023 环境监控运转经费: three 数量指标 (≥50次, ≥80次, =365天); 各定了多少 adds no part."""
    reply = ask("监控中心环境监控运转经费有哪几个数量指标？各定了多少？")
    assert len(reply["parts"]) == 1
    assert {Decimal("50"), Decimal("80"), Decimal("365")} <= numbers(reply)


def test_carry_over_used_for_basic_or_project_spending(ask_national) -> None:
    """深圳市财政局（本级）2026: 上年结余结转 396.83 = 341.46 + 55.37 of two projects' lines — all of it project spending."""
    reply = ask_national("深圳财政局本级今年有上年结转资金吗？是用在基本支出还是项目支出上？")
    assert {Decimal("396.83"), Decimal("341.46"), Decimal("55.37")} <= numbers(reply)
    assert "全部用在这些项目上" in reply["text"]


def test_rows_counted_by_the_way_their_stated_change_goes(ask) -> None:
    """江苏省高级人民法院 2019 说明五（一）: under 公共安全支出 five 项 fell (245.14 + 200 + 234.19 + 175 + 280 =
    1,134.33), 行政运行 rose 2,421.68; the table's 一般行政管理事务 is the 说明's 一般行政事务管理 (5,804.83)."""
    reply = ask("江苏省高院2019年公共安全支出的项级科目中，比上年减少的有几个，合计少了多少？")
    assert {Decimal("5"), Decimal("1134.33"), Decimal("245.14")} <= numbers(reply)
    assert "未列示一般行政管理事务" not in reply["text"]


def test_the_projects_a_department_evaluation_names(ask_national) -> None:
    """国家信访局 2024 决算 说明十一: 对“信息化运行维护费”、“全国信访信息系统维护费”、“国家信访信息系统应用拓展项目”
    等3个项目开展了部门评价，涉及1639.34万元 — the three named, read into the graph."""
    reply = ask_national("国家信访局2024年部门评价了哪几个项目？涉及多少资金？")
    assert Decimal("1639.34") in numbers(reply)
    assert {"信息化运行维护费", "全国信访信息系统维护费", "国家信访信息系统应用拓展项目"} <= set(labels(reply))


def test_a_numbered_list_of_parts_goes_on_past_a_nested_one(ask_national) -> None:
    """烟台市财政局 2026 说明: 收支预算增加560.66，其中：1.收入预算增加560.66，其中一般公共预算收入增加560.66。
    2.支出预算增加560.66，其中基本支出增加385.31，项目支出增加175.35 — 2025: 6,012.90 − 385.31 = 5,627.59 and
    3,056.57 − 175.35 = 2,881.22."""
    reply = ask_national("烟台市财政局去年的基本支出和项目支出预算分别是多少？")
    assert {Decimal("5627.59"), Decimal("2881.22")} <= numbers(reply)


def test_an_amount_that_is_the_whole_budget_is_no_project(ask_national) -> None:
    """深圳市财政局（本级）2026: 37,385.88 is its 收入、支出总计 (基本支出 11,024.31, 项目支出 26,361.57); no project has it.
    Its largest project is 预决算管理业务 18,808.16."""
    reply = ask_national("深圳市财政局（本级）2026年那37385.88万元是干什么用的？")
    assert {Decimal("11024.31"), Decimal("26361.57")} <= numbers(reply)
    assert "不是某个项目" in reply["text"]
    largest = ask_national("深圳市财政局本级2026年项目支出里最大的一块是哪个？")
    assert any("预决算管理业务" in label for label in labels(largest))
