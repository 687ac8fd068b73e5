"""The classes of question blind batches 64, 66 and 68–71 (session 24, each read after its first look) showed
the service missing, through the real extraction and pipeline on the real documents of ../shared (the
national graph, or the corpus and realdocs one; skipped where absent), each asked in words of its own:

- a figure looked up is shown with the change its document states for it (the ``beside`` stage), and a
  question that asks the change itself gets it once;
- 其他资金 (江苏's name for 其他收入) is a figure of its own;
- 谁最高 after several figures of several departments ranks them on each;
- 财政和非财政各多少 after the carry-over names both its parts; 结转一共多少 is the carry-over;
- a 款 named with the class it is in lists the 款's rows;
- 多少人次 after a project's targets is one of them, not a headcount;
- a money thing named by a word no table or project of the department prints is not found;
- a share names its whole's amount and the rest of the whole;
- a project paid from two sources says its lines; 三项去年各是多少 asks the parts of the figure just asked;
- a unit printed with a second name in brackets is linked by either name;
- 有哪些X项目 takes in the projects X heads (X-Y);
- one figure looked up says its share of its whole, and a printed share names the whole that gives it;
- 几个满分 after a score ranking counts the projects in that bound;
- 哪些项级科目比上年增长超过N% where the tables print no 项: the narrative's statements within the bound;
- 是哪一项减少了 after a change keeps its part (the parts' changes);
- 财政一分钱都没花 is the projects paid by other funds alone;
- 财政拨款结转和非财政拨款 after the carry-over names both;
- 每家多少 after a detail the documents do not hold is that detail;
- 今年X万元，去年是多少 of a subject asks the year the graph lacks;
- 接待了多少批次 reads the counts the narrative prints beside the expense; 不到八成 is a rate, not a topic;
- 哪些项比上年减少了 / 减少超过200万元 choose rows by their stated change;
- a number an indicator's name holds (12345) picks that indicator;
- 钱主要从哪来 asks the income by source; a total asked alone says what it is made of;
- one subject looked up is said with its stated change;
- 国有资产占用情况 asks the holdings; 能从…算出来吗 is answered by the part before; 其余靠什么 after a whole and
  its part is the whole less the part; 编制和人员情况 asks the staffing; 上年实户资金余额 names a figure, not a year;
- the first few subjects of a ranking are said beside the whole of their level;
- 产出数量和质量指标 names both kinds; 专项业务经费's stated change is 项目支出's;
- 三项里哪项执行得最低 after a completion ranks the parts' completion;
- the units counted are said beside the 内设机构 count the 部门概况 states."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.nlp_support import reply_numbers as numbers

pytestmark = pytest.mark.shared


def test_a_figure_looked_up_comes_with_its_stated_change(ask_national) -> None:
    """福州市商务局 2026: 收入总计 24,995.94, 说明: 比上年增加608.71万元，增长2.5% ⇒ 2025 24,387.23."""
    reply = ask_national("福州市商务局今年收入总计是多少")
    assert {Decimal("24995.94"), Decimal("608.71"), Decimal("24387.23")} <= numbers(reply)
    asked = ask_national("福州市商务局今年收入总计比上年增加了多少？")
    assert asked["text"].count("比上年增加608.71") == 1 and "文件说明" not in asked["text"]


def test_other_funds_is_a_figure_of_its_own(ask) -> None:
    """江苏省政协办公厅 2019 收入预算: 财政拨款 13,297.11, 其他资金 80.00 (总计 13,377.11)."""
    reply = ask("江苏省政协办公厅2019年的财政拨款和其他资金分别有多少？")
    assert {Decimal("13297.11"), Decimal("80.00")} <= numbers(reply)


def test_who_is_highest_after_several_figures_ranks_each(ask_national) -> None:
    """2026 收入总计 and 三公: 上海市审计局 19,577.43 / 237.92, 苏州市审计局 4,651.67 / 10.00,
    西安市审计局（汇总） 4,203.47 / 10.20 — two rankings."""
    reply = ask_national("上海、苏州和西安的审计局，2026年收入总计和“三公”经费各多少？哪个最高？")
    assert {Decimal("19577.43"), Decimal("4651.67"), Decimal("4203.47"),
            Decimal("237.92"), Decimal("10.00"), Decimal("10.20")} <= numbers(reply)
    assert reply["text"].count("从高到低排序") == 2


def test_fiscal_and_nonfiscal_after_the_carry_over(ask) -> None:
    """昌吉州生态环境局 2025: 上年结转结余 2,934.03 = 财政拨款结转 2,904.03 + 非财政拨款结转结余 30.00."""
    reply = ask("昌吉州生态环境局2025年结转结余有多少？财政的和非财政的各多少？")
    assert {Decimal("2934.03"), Decimal("2904.03"), Decimal("30.00")} <= numbers(reply)
    total = ask("昌吉州生态环境局2025年结转的项目有几个？结转一共多少？")
    assert Decimal("2934.03") in numbers(total)
    assert Decimal("4678.70") not in numbers(total)  # (收入总计: not the figure asked)


def test_a_kuan_named_inside_its_class_lists_its_rows(ask) -> None:
    """江苏省高级人民法院 2019: 204 公共安全支出 = 20405 法院 27,488.23 = 2040501 行政运行 17,279.29 + …
    + 2040599 其他法院支出 630.00."""
    reply = ask("江苏省高级人民法院2019年公共安全支出中，法院这一款包括哪些项？")
    assert {Decimal("17279.29"), Decimal("5804.83"), Decimal("630.00")} <= numbers(reply)


def test_person_times_is_a_target_not_a_headcount(ask_national) -> None:
    """长沙市信访局 人民来访接待中心业务专项: 数量指标 接待群众心理咨询、法律咨询人次 >=150人次."""
    reply = ask_national("长沙市信访局人民来访接待中心业务专项的绩效指标有哪些？法律咨询多少人次？")
    assert len(reply["parts"]) == 2 and "150人次" in reply["parts"][1]["text"]
    assert "实有人数" not in reply["text"]


def test_a_money_thing_no_table_prints_is_not_found(ask_national) -> None:
    """长沙市信访局 2026 prints no 驻京 project, subject or figure (长春市信访局 has 2026驻京经费 312.00)."""
    reply = ask_national("长沙市信访局2026年给驻京工作安排的经费是多少？")
    assert reply["answers"] == [] and "没有找到" in reply["text"]
    assert Decimal("1935.36") not in numbers(reply)  # (its 收入总计 never stands in)
    held = ask_national("长春市信访局2026年驻京经费是多少？")
    assert Decimal("312.00") in numbers(held)


def test_a_share_names_its_whole_and_the_rest_of_it(ask_national) -> None:
    """上海市审计局 2026 三公 237.92 = 因公出国（境）201.80 + 公务接待 8.12 + 公务用车购置及运行 28.00."""
    reply = ask_national("上海市审计局2026年公务接待费占三公经费的比重是多少？")
    assert {Decimal("8.12"), Decimal("237.92"), Decimal("3.41"), Decimal("201.80"), Decimal("28.00")} <= numbers(reply)


def test_a_project_paid_two_ways_says_its_lines(ask_national) -> None:
    """国家信访局 2026 信息化运行维护 2,134.87 = 财政拨款 1,384.87 + 上年结转 750.00."""
    reply = ask_national("国家信访局的信息化运行维护项目安排了多少钱？")
    assert {Decimal("2134.87"), Decimal("1384.87"), Decimal("750.00")} <= numbers(reply)


def test_the_parts_of_last_years_figure_after_it(ask_national) -> None:
    """广州市统计局 2026 三公 19.86, 比上年减少22.65 ⇒ 42.51; 出国 5.00 减15.00 ⇒ 20.00; 接待 8.16 减5.35
    ⇒ 13.51; 公务用车运行维护 6.70 减2.30 ⇒ 9.00."""
    reply = ask_national("广州市统计局的三公经费去年是多少？三项去年分别多少？")
    assert {Decimal("42.51"), Decimal("20.00"), Decimal("13.51"), Decimal("9.00")} <= numbers(reply)


def test_a_unit_with_a_bracketed_second_name_is_linked_by_either(ask_national) -> None:
    """广州市统计局 2026 表12: 广州市统计监测中心（广州市统计发展中心） carries one project, 其他运行经费 7.00."""
    reply = ask_national("广州市统计发展中心负责哪些项目？")
    assert Decimal("7.00") in numbers(reply) and "其他运行经费" in reply["text"]
    assert "烟台" not in reply["text"]


def test_projects_a_name_heads_are_among_those_of_that_name(ask_national) -> None:
    """烟台市财政局 2026: 中介服务费 544.54 (局本级), 中介服务费 360.00 (绩效评价中心), 中介服务费-政府项目审查费
    800.00 (评审中心): 1,704.54 in all."""
    reply = ask_national("烟台市财政局的中介服务费项目都有哪些，分别多少钱？")
    assert {Decimal("544.54"), Decimal("360.00"), Decimal("800.00")} <= numbers(reply)


def test_one_figure_says_its_share_of_the_whole(ask_national) -> None:
    """珠海市商务局 2026: 上年结转结余 19,904.01 of 收入总计 66,307.98 = 30.02%."""
    reply = ask_national("珠海市商务局今年上年结转结余是多少？")
    assert {Decimal("19904.01"), Decimal("66307.98"), Decimal("30.02")} <= numbers(reply)


def test_a_printed_share_names_the_whole_that_gives_it(ask) -> None:
    """昌吉州生态环境局 2025: 非财政拨款结转结余 30.00, 说明 占0.64% — of 收入总计 4,678.70, not of the carry-over."""
    reply = ask("昌吉州生态环境局2025年非财政拨款结转结余多少")
    assert "收入总计4678.70万元的0.64%" in reply["text"]


def test_full_marks_counted_after_a_score_ranking(ask_national) -> None:
    """佛山市轨道交通局 2019 决算: 7 projects self-evaluated; four scored 100."""
    reply = ask_national("佛山市轨道交通局2019年哪个自评项目分数最高？有几个拿了满分？")
    assert len(reply["parts"]) == 2
    assert "共4个项目" in reply["parts"][1]["text"] and "合计0.00" not in reply["text"]


def test_subjects_over_a_rate_from_the_narrative(ask_national) -> None:
    """杭州市司法局 2026 说明: 其他司法支出 +785%, 监狱一般行政管理事务 +604.1%, 所政设施建设 +207.4% (no 项 rows in
    its tables); a fall of over 50%: 其他强制隔离戒毒支出 −99.9%."""
    reply = ask_national("杭州市司法局2026年哪些项级科目比上年增加超过200%？")
    assert {Decimal("785"), Decimal("604.1"), Decimal("207.4")} <= numbers(reply)
    fell = ask_national("杭州市司法局2026年哪些项级科目比上年下降超过50%？")
    assert Decimal("99.9") in numbers(fell) and Decimal("785") not in numbers(fell)


def test_which_part_fell_after_a_change(ask_national) -> None:
    """重庆市人民政府办公厅 2026 三公 394.49, 比上年减少2.48: 公务用车运行维护费 200.00 (202.48 the year before)."""
    reply = ask_national("重庆市政府办公厅2026年三公经费少了多少？主要是哪一项减少了？")
    assert {Decimal("2.48"), Decimal("200.00"), Decimal("202.48")} <= numbers(reply)


def test_projects_without_a_cent_of_fiscal_money(ask_national) -> None:
    """泉州市公安局 2026: four projects paid by 其他资金 alone, 110.00 + 90.00 + 85.00 + 80.00 = 365.00."""
    reply = ask_national("泉州市公安局哪些项目财政一分钱都没花？合计多少？")
    assert {Decimal("110.00"), Decimal("90.00"), Decimal("85.00"), Decimal("80.00"), Decimal("365.00")} <= numbers(reply)


def test_fiscal_carry_over_and_the_non_fiscal_rest(ask) -> None:
    """昌吉州环境污染监控中心 2023: 上年结转结余 766.98 = 财政拨款结转 734.86 + 非财政拨款结转结余 32.12."""
    reply = ask("昌吉州环境污染监控中心2023年结转结余多少？其中财政拨款结转和非财政拨款分别是多少？")
    assert {Decimal("766.98"), Decimal("734.86"), Decimal("32.12")} <= numbers(reply)


def test_each_of_a_detail_the_documents_lack(ask_national) -> None:
    """福州市商务局 商务发展资金 11,600.00: no list of the firms it pays."""
    reply = ask_national("福州市商务局商务发展资金补贴了哪些企业？每家补多少？")
    assert reply["answers"] == [] and "没有找到" in reply["text"]


def test_last_year_of_a_subject_given_this_years(ask_national) -> None:
    """苏州市审计局 2026 购房补贴 401.97, 比上年减少245.30 ⇒ 2025 647.27."""
    reply = ask_national("苏州市审计局今年购房补贴401.97万元，去年是多少？")
    assert Decimal("647.27") in numbers(reply)


def test_reception_batches_from_the_narrative(ask_national) -> None:
    """国家信访局 2024 决算 说明: 公务接待费 0.90万元, 公务接待10批次，152人次."""
    reply = ask_national("国家信访局2024年公务接待费决算多少？接待了多少批次？")
    assert {Decimal("0.90"), Decimal("10"), Decimal("152")} <= numbers(reply)


def test_execution_below_a_share_said_in_tenths(ask_national) -> None:
    """国家信访局 2024 自评: 信息化运行维护 1,032.99 of 1,639.34 (63.01%), 信访研究宣传立法专项 413.57 of 536.20."""
    reply = ask_national("国家信访局2024年决算里哪些自评项目的执行率不到八成？")
    assert "信息化运行维护" in reply["text"] and "信访研究宣传立法专项" in reply["text"]
    assert "资产运行维护" not in reply["text"]


def test_rows_chosen_by_their_stated_change(ask) -> None:
    """江苏省高级人民法院 2019 说明: 一般行政管理事务 −245.14, 案件审判 −234.19, 其他法院支出 −280.00, 机关服务 −200.00
    (not over 200), 案件执行 −175.00, 行政运行 +2,421.68."""
    reply = ask("江苏省高院2019年法院这一款里，哪些项比上年压减超过200万元？")
    assert {Decimal("5804.83"), Decimal("1599.11"), Decimal("630.00")} <= numbers(reply)
    assert "机关服务" not in reply["text"] and "案件执行" not in reply["text"]


def test_subjects_that_fell(ask_national) -> None:
    """西安市审计局（汇总） 2026 一般公共预算: 审计业务 −181.13, 培训支出 −17.60, 购房补贴 −38.52; the other 8 rose."""
    reply = ask_national("西安市审计局今年一般公共预算支出中，有哪些项级科目比上年下降了？")
    assert {Decimal("181.13"), Decimal("17.60"), Decimal("38.52")} <= numbers(reply)
    assert "2010801" not in reply["text"]  # 行政运行 rose


def test_a_number_in_an_indicators_name_picks_it(ask_national) -> None:
    """重庆市人民政府办公厅 市政府办公厅业务及日常运行项目: 民呼我为（“12345”）咨询一次性解答率 >=70% (权重15)."""
    reply = ask_national("重庆市政府办公厅的业务及日常运行项目，关于12345的绩效指标是什么？")
    first = reply["parts"][0]["text"]
    assert "12345" in first and ">=70%" in first
    assert first.index("12345") < first.index("网站访问可达率") if "网站访问可达率" in first else True


def test_where_the_money_comes_from_and_a_totals_make_up(ask_national) -> None:
    """无锡市交通运输局（本级） 2026: 一般公共预算 196,278.67, 政府性基金 143,999.00, 国有资本经营 32,640.00, 其他收入
    611,843.20; 苏州市审计局 2026 支出总计 4,651.67 = 基本支出 4,312.17 + 项目支出 339.50."""
    reply = ask_national("无锡交通运输局本级今年的钱主要从哪里来？")
    assert {Decimal("196278.67"), Decimal("143999.00"), Decimal("32640.00")} <= numbers(reply)
    total = ask_national("苏州市审计局2026年支出总计多少？")
    assert {Decimal("4651.67"), Decimal("4312.17"), Decimal("339.50")} <= numbers(total)


def test_one_subject_with_its_stated_change(ask_national) -> None:
    """苏州市审计局 2026 提租补贴 555.50, 比上年增加266.46 ⇒ 2025 289.04."""
    reply = ask_national("苏州市审计局2026年提租补贴安排了多少？")
    assert {Decimal("555.50"), Decimal("266.46"), Decimal("289.04")} <= numbers(reply)


def test_holdings_of_state_assets(ask) -> None:
    """昌吉州生态环境局 2025 (截至2024年底): 房屋 7,824.62 m² 3,680.17, 车辆 2 31.56, 办公家具 53.23, 其他资产 5,248.80."""
    reply = ask("昌吉州生态环境局截至2024年底国有资产占用情况怎样？")
    assert {Decimal("7824.62"), Decimal("31.56"), Decimal("53.23"), Decimal("5248.80")} <= numbers(reply)


def test_can_it_be_derived_is_answered_by_the_derivation(ask) -> None:
    """克州生态环境局 2024: 一般公共预算 2,188.62 比上年增加1,462.25 ⇒ 2023 726.37."""
    reply = ask("克州生态环境局2023年的一般公共预算大概多少？能根据2024年的说明推出来吗？")
    assert Decimal("726.37") in numbers(reply)
    assert len(reply["parts"]) == 1


def test_the_rest_after_a_whole_and_its_part(ask_national) -> None:
    """泉州市公安局 2026 2040220 执法办案: 支出总表 23,682.00, 一般公共预算支出表 12,172.00 ⇒ 11,510.00 otherwise."""
    reply = ask_national("泉州市公安局2026年执法办案科目一共多少？一般公共预算安排了多少？剩下的部分呢？")
    assert {Decimal("23682.00"), Decimal("12172.00"), Decimal("11510.00")} <= numbers(reply)


def test_staffing_asked_as_a_whole_and_a_figure_named_with_last_year(ask, ask_national) -> None:
    """江苏省人大常委会办公厅 2017: 编制 339, 在职 274, 离退休 150; 西安市审计局（汇总） 2026 上年实户资金余额 98.18."""
    staff = ask("江苏省人大常委会办公厅2017年的编制和人员情况怎么样？")
    assert {Decimal("339"), Decimal("274"), Decimal("150")} <= numbers(staff)
    left = ask_national("西安市审计局2026年的上年实户资金余额有多少？")
    assert Decimal("98.18") in numbers(left) and "2025年的预算" not in left["text"]


def test_a_ranking_of_subjects_beside_their_whole(ask) -> None:
    """上海市普陀区商务委员会 2025 项级: 2150899 29,381.00, 2169999 3,136.40, 2060503 1,720.00 of 16 rows, 37,151.47 in all."""
    reply = ask("普陀区商务委2025年哪三个项级科目花钱最多？")
    assert {Decimal("29381.00"), Decimal("3136.40"), Decimal("1720.00"), Decimal("37151.47")} <= numbers(reply)


def test_quantity_and_quality_targets_of_output(ask_national) -> None:
    """西安市审计局（汇总） 审计事务 285.87: 数量指标 提交审计报告和信息 >=150 (6), 审计建议 >=90 (6); 质量指标
    采纳审计建议率 >=95% (7), 审计整改完成率 >=85% (7)."""
    reply = ask_national("西安市审计局审计事务项目的产出数量指标和质量指标分别是什么？")
    first = reply["parts"][0]["text"]
    assert ">=150" in first and ">=90" in first and ">=95%" in first and ">=85%" in first


def test_special_business_funds_change_is_project_expenditures(ask_national) -> None:
    """西安市气象局 2022: 专项业务经费 1,715.97, 比上年增加425.50 ⇒ 2021 1,290.47; 基本支出 183.93 −19.11 ⇒ 203.04."""
    reply = ask_national("西安市气象局2021年基本支出和专项业务经费分别是多少？")
    assert {Decimal("203.04"), Decimal("1290.47")} <= numbers(reply)


def test_the_part_with_the_lowest_completion(ask_national) -> None:
    """国家信访局 2024 决算 三公: 出国 4.69/30.00 = 15.63%, 接待 0.90/5.80 = 15.52%, 用车 40.61/40.63 = 99.95%."""
    reply = ask_national("国家信访局2024年三公经费完成预算多少？其中哪一项完成率最低？")
    assert {Decimal("15.63"), Decimal("15.52"), Decimal("99.95")} <= numbers(reply)
    assert "完成率最低的是公务接待费" in reply["text"]


def test_units_counted_beside_the_divisions(ask_national) -> None:
    """重庆市人民政府办公厅 2026 部门概况: 24个内设机构…下设二级预算单位4个."""
    reply = ask_national("重庆市政府办公厅有几个二级预算单位？")
    assert {Decimal("4"), Decimal("24")} <= numbers(reply)
