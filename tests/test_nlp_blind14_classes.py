"""The classes of question blind batch 14 showed the service missing, through the real pipeline on the
real documents of ../shared/national (skipped where absent): a unit's short name resolved within the
department named, who carries a project out, words of how a question is asked that are no topic,
holdings at last year's end, a worth no document prints, 公用经费's items named with its amount, cars
asked beside units, 排一下 with its direction, 人员和公用经费, targets asked as 控制在多少以内, a 决算's
evaluations, a comparison with something left out, 单位资金's lines, each part's change, a subject row's
stated uses, a division count stated without a list. Expected figures are as printed in the document
named in each test."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.nlp_support import reply_numbers as numbers, reply_labels as labels

pytestmark = pytest.mark.shared



def test_a_units_short_name_is_the_named_departments(ask_national) -> None:
    """烟台市财政局 2026 绩效目标表 (pp.41-42): 烟台市财政预算评审中心 carries 中介服务费-政府项目审查费 800.00 and
    财政工作专项经费 23.00 — not 北京市财政局's 预算评审中心."""
    reply = ask_national("烟台财政局的项目里，哪些是财政预算评审中心负责实施的？各多少钱，加起来多少？")
    assert "北京" not in reply["text"]
    assert {Decimal("800.00"), Decimal("23.00"), Decimal("823.00")} <= numbers(reply)


def test_who_carries_a_project_out_is_no_topic(ask_national) -> None:
    """福州市商务局 2026 绩效目标表 (pp.38-39): 福州市商务发展促进中心 carries 房屋租金 14.74 and 物业费 1.89."""
    reply = ask_national("福州商务局哪些项目是下属的商务发展促进中心来实施的？")
    assert labels(reply)[:2] == ["房屋租金", "物业费"] and Decimal("16.63") in numbers(reply)


def test_how_a_question_is_asked_is_no_topic(ask_national) -> None:
    """珠海市商务局 2026 表12: six projects of 5,000万元 or more (辅助人员补助经费-拱北海关 7,672.50 the largest)."""
    reply = ask_national("珠海商务局26年单项5000万以上的项目有几个？分别是啥？")
    assert "共6个项目" in reply["text"] and "7672.50" in reply["text"]


def test_a_project_no_document_names_is_not_found(ask_national) -> None:
    """广州市统计局 2026 prints no 经济普查 project (only 农业普查): nothing, never every project."""
    reply = ask_national("广州统计局26年给第五次全国经济普查安排了多少经费？")
    assert reply["answers"] == [] and "没有找到" in reply["text"]


def test_a_worth_no_document_prints_is_missing(ask_national) -> None:
    """西安市审计局汇总 2026 说明十一: 车辆4辆、设备14台（套） as at the end of 2025, no value of its assets."""
    reply = ask_national("西安市审计局截至去年底固定资产总值是多少？房屋有多大面积？")
    assert reply["answers"] == [] and "没有列示资产的价值" in reply["text"] and "2025年的预算" not in reply["text"]


def test_the_items_of_a_figure_named_with_its_amount(ask_national) -> None:
    """长春市信访局本级 2026 预算表6: of 公用经费 211.00, 30239 其他交通费用 54.08 is the largest economic row."""
    reply = ask_national("长春信访局26年公用经费211万，花得最多的是哪三项？")
    assert reply["parts"][0]["frame"]["focus"] == "subjects" and "30239 其他交通费用54.08" in reply["text"]


def test_cars_asked_beside_units_are_the_cars_held(ask_national) -> None:
    """无锡市交通运输局本级 2026 说明十四: 共有车辆0辆."""
    reply = ask_national("无锡交通局本级内设哪些处室？一共几个？有没有下属单位和公车？")
    assert reply["parts"][-1]["frame"]["focus"] == "assets" and "车辆共0辆" in reply["text"]


def test_a_sort_asked_by_itself_keeps_its_direction(ask_national) -> None:
    """收入总计 2026: 上海市审计局 19,577.43 > 苏州市审计局 4,651.67 > 西安市审计局（汇总） 4,203.47; 三公 least 苏州 10.00."""
    reply = ask_national("上海、苏州、西安三个市审计局26年的预算分别多少？按盘子从大到小排一下，三公经费谁最少？")
    assert "按收入总计从高到低排序：1. 上海市审计局" in reply["text"]
    assert "1. 苏州市审计局（2026年）10.00万元" in reply["text"]


def test_a_target_asked_as_a_limit(ask_national) -> None:
    """北京市财政局 2026 预算12表 评审工作经费: 委托评审服务费预算控制数 <=819万元."""
    reply = ask_national("北京财政局那个评审工作经费839万，数量指标定了多少？委托评审服务费控制在多少以内？")
    assert "委托评审服务费预算控制数" in reply["text"] and "<=819万元" in reply["text"]


def test_a_final_accounts_evaluations(ask_national) -> None:
    """国家信访局 2024 决算 说明十一: 一级项目7个、二级项目16个，共涉及资金5105.75万元; 3个项目开展了部门评价，1639.34万元."""
    reply = ask_national("国家信访局24年做绩效自评的项目有多少个？一级二级各几个、涉及多少钱？另外做了几个部门评价？")
    assert {Decimal("7"), Decimal("16"), Decimal("5105.75"), Decimal("3"), Decimal("1639.34")} <= numbers(reply)


def test_a_comparison_with_something_left_out(ask_national) -> None:
    """国家信访局 2026 说明五（一）: 比2025年执行数减少20,766.6万元；扣除中央基建后比2025年执行数增加2,775.6万元、增幅20.26%."""
    reply = ask_national("国家信访局26年一般公共预算当年拨款比25年执行数少了多少？扣掉中央基建后又是增是减？")
    first, second = reply["parts"][0]["text"], reply["parts"][1]["text"]
    assert "20766.60" in first and "2775.60" not in first
    assert "扣除中央基建后" in second and "2775.60" in second and "20.26%" in second


def test_the_lines_of_unit_funds(ask_national) -> None:
    """西安市卫生健康委员会汇总 2022 决算 公开01表: 本年收入 2,015,094.22；事业收入 1,110,972.11；其他收入 98,870.55."""
    reply = ask_national("西安卫健委22年决算的本年收入里，财政拨款、事业收入、其他收入各多少？各占多少？")
    assert {"事业收入", "其他收入"} <= set(labels(reply))
    assert [d["value"] for d in reply["derived"] if d["label"].startswith("事业收入")] == ["55.13"]


def test_each_parts_change(ask_national) -> None:
    """广州市统计局 2026 说明: 出国 5.00 比上年减少15.00; 接待 8.16 减少5.35."""
    reply = ask_national("广州统计局三公经费26年砍了一半多？具体每项比去年少多少？去年各是多少？")
    assert {Decimal("15.00"), Decimal("5.35"), Decimal("20.00"), Decimal("13.51")} <= numbers(reply)


def test_what_a_subject_rows_money_is_used_for(ask_national) -> None:
    """湖州市财政局 2026 说明二（五）3（4）: 其他财政事务支出（项）1153.00，主要用于…652.00；…371.00；…10.00；…120.00."""
    reply = ask_national("湖州财政局“其他财政事务支出”1153万都花在哪几块？分别是哪个单位的？")
    assert {Decimal("652.00"), Decimal("371.00"), Decimal("10.00"), Decimal("120.00")} <= numbers(reply)
    assert any(label.startswith("局本级会计管理和人才培养") for label in labels(reply))


def test_a_division_count_without_a_list(ask_national) -> None:
    """泉州市公安局 2026 第一部分二: 包括32个机关行政科室及7个下属单位."""
    reply = ask_national("泉州市公安局有多少个机关科室和下属单位？")
    assert {Decimal("32"), Decimal("7")} <= numbers(reply)


def test_the_projects_the_department_carries_out_itself(ask_national) -> None:
    """湖州市财政局 2026 表10: 7 projects; 4 carried out by 湖州市财政局 itself (765.75)."""
    reply = ask_national("湖州财政局26年一共几个项目？合计多少钱？局本级自己占了几个？")
    assert "共4个项目" in reply["parts"][-1]["text"] and "765.75" in reply["parts"][-1]["text"]


def test_a_bound_with_its_inclusion_in_brackets(ask_national) -> None:
    """广州市统计局 2026 表12: three projects of 100万 or more (534.72, 195.19, 100.00)."""
    reply = ask_national("广州统计局26年的项目里，100万（含）以上的是哪些？")
    assert "不低于100万元的项目共3个" in reply["text"]


def test_subject_rows_ranked_by_their_stated_change(ask_national) -> None:
    """西安市审计局汇总 2026 说明: 行政运行 比上年增加126.15万元（5.7%）, 行政单位离退休 增加32.92万元（163.54%）, 机关事业
    单位基本养老保险缴费支出 增加16.24万元（6.68%）: by amount 行政运行 first, by rate 行政单位离退休 first."""
    by_amount = ask_national("西安审计局26年哪几个项级科目比上年涨得最多？说三个")
    assert [a["label"] for a in by_amount["answers"] if a.get("rank")][:2] == ["行政运行", "行政单位离退休"]
    by_rate = ask_national("西安审计局26年哪个项级科目比上年涨幅最大？")
    assert [a["label"] for a in by_rate["answers"] if a.get("rank")] == ["行政单位离退休"]


def test_the_units_a_subject_rows_uses_name(ask_national) -> None:
    """湖州市财政局 2026 说明二（五）3（4）: 市财政项目预算审核中心…371.00 is 湖州市财政项目预算审核中心's; 局本级… 652.00 the
    department's own."""
    reply = ask_national("湖州财政局的“其他财政事务支出”1153万，分别是给哪些单位用的？各多少？")
    units = {a.get("unit") for a in reply["answers"]}
    assert {"湖州市财政项目预算审核中心", "湖州市财政票据管理中心", "湖州市财政局本级"} <= units


def test_whether_the_listed_projects_fit_the_budget(ask_national) -> None:
    """福州市民政局本级 2026: five projects over 1,000万 add up to 37,810.00 against 支出总计 2,249.92, 项目支出 798.28."""
    reply = ask_national("福州民政局本级的项目绩效表里，资金过千万的项目有哪些？这些钱在本级预算里装得下吗？")
    assert {Decimal("37810.00"), Decimal("2249.92"), Decimal("798.28")} <= numbers(reply)


def test_projects_counted_then_those_the_department_carries_out(ask_national) -> None:
    """烟台市财政局 2026 公开表11: 12 projects, 3,056.57万元; 5 carried out by 烟台市财政局 itself."""
    reply = ask_national("烟台市财政局项目支出表里一共列了多少条项目？合计多少钱？其中实施单位是财政局本级的有几条？")
    assert "共12个项目，合计3056.57万元" in reply["parts"][0]["text"] and "共5个项目" in reply["parts"][-1]["text"]
