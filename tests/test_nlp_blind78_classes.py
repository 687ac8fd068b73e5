"""The classes of question blind batches 78 and 81 (session 26, each read after its first look) showed the
service missing, through the real extraction and pipeline on the real documents of ../shared (the national
graph, or the corpus and realdocs one; skipped where absent), each asked here in words of its own:

- the year a figure is compared with (2026年…比2025年) is no year a later part asks;
- a number that names a service (12345热线) is a word of the topic; each enumerated item finds its indicators;
- 买的政府服务 is 政府购买服务, and 哪三类 asks three of them;
- a set named by its size and a word of its departments' names (三份生态环境文件) is those departments;
- 各自 after a list of units that turns out empty is no figure of the department's;
- two checks asked together (加起来等于总数吗？增减额对得上吗) are both answered;
- 年末财政拨款结转和结余 and 年末还剩多少 are the 决算's year-end carry-over;
- 平均一辆多少钱 is the purchase money over the vehicles it buys;
- an economic subject's statement (委托业务费财政拨款预算…比2025年预算增加) gives its previous year;
- 国有资本经营预算收入 is the income, not the spending subject of that name;
- 三大类支出各多少 lists the classes; 哪类在减少 chooses them by their stated change;
- 机动 among 基本、项目 is the 单位预留机动经费;
- counts of things no budget counts (审结了多少案件, 站点数量) are missing, never the total;
- (batch 80) 买警车 is the vehicle purchase; 单位车辆多少 counts vehicles; …跟2024年实际花的比呢 sets the first
  part's figure against that year's; 哪项变了 gives every part of 三公 with its change; the halves of a budget
  that carries money to next year are shares of 本年支出合计; 专项占多大比例 after 专项业务经费 is its share;
  依据哪些文件 after projects found by a topic is of those projects; 说明里列的几个项目加起来，和项目支出对得上吗 checks
  the narrative's own list; shares of two parts say the rest of the whole; 增加主要因为什么项目 is the stated
  reason of the change just asked;
- (batch 84) places enumerated in brackets after the organisation word (三个信访局（国家、长沙、长春）); 分别比上年涨了
  多少 after figures asked one by one is each one's change; a row of the all-funds table is said beside its
  一般公共预算 row where that differs; a subject's statement gives its rate; 去年实际执行了多少 after a subject is its
  year before; an address or floor area is no budget figure; 其他…等支出 is said without 等;
- (batch 83) money given to each 区县 is a split no budget prints; 收入里除了财政拨款还有什么 lists the sources; an
  indicator named by the words whose name they cover most, also where a project found by them has none; the sum
  of rows asked with their shares is a share of the same whole; why a budget's 收支总计 rose says the changes of
  its 基本支出 and 项目支出 too; 收入还有哪些非财政拨款 after the carry-over is the income's sources;
- (batch 85) 不是财政拨款，是单位自己的资金 is 单位资金 (and the projects it pays for); 这几个信访局 asks of every one of
  them, never back which; 权重呢 after an indicator asked is that indicator's weight; expense subjects enumerated
  beside a 三公 member (公务接待费、会议费和培训费) are a part of their own, each of its own year;
- (batch 82, held out until the end, then read) 三公经费和公车运行费各多少 asks the whole and the part; a count before
  departments (长沙和长春两个市信访局) names the set, not how many are ranked; a 决算's year-start and year-end
  carry-over are joined by the year's income and spending."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.nlp_support import reply_numbers as numbers

pytestmark = pytest.mark.shared


def test_the_year_compared_with_is_not_asked_later(ask_national) -> None:
    """北京市财政局 2026 (the only year held): 因公出国（境）费 127.74 — of 2026, not of the 2025 compared with."""
    reply = ask_national("北京市财政局2026年三公经费比2025年降了多少？出国费安排了多少？")
    assert Decimal("127.74") in numbers(reply)
    assert "北京市财政局2026年：因公出国（境）费127.74万元" in reply["text"]


def test_a_service_number_and_each_enumerated_item_find_their_indicators(ask_national) -> None:
    """重庆市人民政府办公厅: 民呼我为（“12345”）咨询一次性解答率 >=70% and （“互联网+督查”）诉求工单问题解决率 >=85%."""
    reply = ask_national("重庆市政府办公厅给“互联网+督查”和12345定的指标分别是什么？")
    labels = " ".join(a["label"] for a in reply["answers"])
    assert "12345" in labels and "互联网+督查" in labels


def test_services_bought_ranked_by_a_counted_few(ask_national) -> None:
    """北京市财政局 预算11表: 公共信息系统开发与维护服务 4869.26, 行业职业资格准入和水平评价管理服务 1469.27, then 959.63."""
    reply = ask_national("北京市财政局花钱买的政府服务中，哪两类最多？")
    assert {Decimal("4869.26"), Decimal("1469.27")} <= numbers(reply)
    assert Decimal("959.63") not in numbers(reply)


def test_a_set_named_by_its_size_and_a_word_of_its_names(ask) -> None:
    """The corpus' 生态环境局 of 克州 (三公 32.00, 2024) and 昌吉州 (6.39, 2025); no other department of the graph."""
    reply = ask("两份生态环境预算里，谁的三公经费多？")
    assert {Decimal("32.00"), Decimal("6.39")} <= numbers(reply)
    assert "全部" not in reply["text"]


def test_each_of_an_empty_list_of_units_is_no_total(ask_national) -> None:
    """长沙市信访局 has no 二级预算单位: the money of each of them is missing, not its 收入总计 1935.36."""
    reply = ask_national("长沙市信访局有哪些下属单位？它们各自的预算是多少？")
    assert Decimal("1935.36") not in numbers(reply)


def test_two_checks_asked_together_are_both_answered(ask_national) -> None:
    """苏州市审计局 2026: 2906.63 + 442.09 + 1302.95 = 4651.67 (总计); -17.08 + 31.10 + 33.13 = 47.15 (增加)."""
    reply = ask_national("苏州市审计局2026年三类支出加起来跟总计一致吗？各类的增减额加起来对得上吗？")
    assert {Decimal("4651.67"), Decimal("47.15")} <= numbers(reply)


def test_the_year_end_carry_over_of_a_final_account(ask) -> None:
    """普陀区财政局 2024 决算: 年末结转和结余 55.34, of which 财政拨款 21.63 (non-fiscal 33.71)."""
    fiscal = ask("普陀区财政局2024年决算年末财政拨款结转和结余是多少？")
    assert Decimal("21.63") in numbers(fiscal) and Decimal("55.34") not in numbers(fiscal)
    left = ask("普陀区财政局2024年决算里年初结转结余多少？年末还剩多少？")
    assert Decimal("55.34") in numbers(left)


def test_the_price_of_each_vehicle_bought(ask_national) -> None:
    """杭州市司法局 2026: 公务用车购置支出151.68万元，用于经批准购置的5辆公务用车 → 30.34 each."""
    reply = ask_national("杭州市司法局今年打算买的公务车每辆多少钱？")
    assert Decimal("30.34") in numbers(reply)


def test_an_economic_subjects_statement_gives_its_previous_year(ask_national) -> None:
    """国家信访局 2026: 委托业务费财政拨款预算1,391.68万元，比2025年预算增加333.83万元 → 1057.85."""
    reply = ask_national("国家信访局2025年委托业务费是多少？")
    assert Decimal("1057.85") in numbers(reply)


def test_income_of_a_fund_kind_is_not_its_spending_subject(ask_national) -> None:
    """无锡市交通运输局本级 2026: 国有资本经营预算拨款收入 32640.00 (the spending subject 223 prints the same sum)."""
    reply = ask_national("无锡市交通运输局本级的国有资本经营预算收入是多少？")
    assert Decimal("32640.00") in numbers(reply)
    assert "收入" in reply["answers"][0]["label"]


def test_the_classes_listed_and_chosen_by_the_way_they_moved(ask_national) -> None:
    """苏州市审计局 2026: 一般公共服务支出 2906.63 fell by 17.08 (0.58%); the other two classes rose."""
    listed = ask_national("苏州市审计局2026年几类支出分别多少？")
    assert {Decimal("2906.63"), Decimal("442.09"), Decimal("1302.95")} <= numbers(listed)
    fell = ask_national("苏州市审计局2026年哪一类支出在下降？")
    assert Decimal("17.08") in numbers(fell) and Decimal("442.09") not in numbers(fell)


def test_the_reserve_among_basic_and_project(ask) -> None:
    """江苏省人大办公厅 2017: 基本 7666.68, 项目 5853.96, 单位预留机动经费 128.43."""
    reply = ask("江苏省人大办公厅2017年基本、项目和机动分别是多少？")
    assert {Decimal("7666.68"), Decimal("5853.96"), Decimal("128.43")} <= numbers(reply)


@pytest.mark.parametrize("question", ["江苏省高院2019年办结了多少起案件？", "克州生态环境局2024年监测站点的数量是多少？"])
def test_counts_of_things_no_budget_counts_are_missing(ask, question: str) -> None:
    """No budget counts cases or monitoring stations: never the department's 收入总计 in their place."""
    reply = ask(question)
    assert reply["answers"] == [] and "没有找到" in reply["text"]


def test_buying_police_cars_is_the_vehicle_purchase(ask_national) -> None:
    """泉州市公安局 2026: 公务用车购置费 495.85, 比上年增加55.85万元."""
    reply = ask_national("泉州市公安局买执法车的钱比上年多了多少？")
    assert Decimal("55.85") in numbers(reply)


def test_how_many_vehicles_without_a_money_word(ask_national) -> None:
    """重庆市人民政府办公厅: 车辆共46辆 (截至2025年12月), not the 公务用车 money 200.00."""
    reply = ask_national("重庆市政府办公厅单位的车辆一共多少？")
    assert Decimal(46) in numbers(reply) and Decimal("200.00") not in numbers(reply)


def test_a_follow_up_against_another_years_final_account(ask_national) -> None:
    """国家信访局 三公: 2026 budget 112.61, 2024 决算 46.21 → 66.40 more."""
    reply = ask_national("国家信访局2026年三公经费多少？和2024年决算实际花的比呢？")
    assert {Decimal("46.21"), Decimal("66.40")} <= numbers(reply)


def test_which_part_of_three_public_changed(ask_national) -> None:
    """重庆市人民政府办公厅 2026 三公 394.49: only 公务用车运行费 moved (200.00, 比上年减少2.48)."""
    reply = ask_national("重庆市政府办公厅三公经费多少？跟上年比哪几项有变化？")
    assert {Decimal("2.48"), Decimal("202.48")} <= numbers(reply)


def test_halves_of_a_budget_carrying_money_forward_are_shares_of_the_years_spending(ask_national) -> None:
    """西安市安全生产监督管理局 2019: 基本 2022.39 + 专项业务经费 1620.98 = 本年支出合计 3643.37 (支出总计 3695.91 holds
    结转下年 52.54): 55.51% and 44.49%; 专项 asked after it is that share."""
    reply = ask_national("西安市安监局2019年专项业务经费多少？专项占多大比重？")
    assert Decimal("44.49") in numbers(reply) and Decimal("43.86") not in numbers(reply)


def test_documents_cited_by_the_projects_just_found(ask_national) -> None:
    """珠海市商务局 2026: the two 冬季促消费专项资金 projects name 粤财工〔2025〕139号 and 168号 — not other projects' bases."""
    reply = ask_national("珠海市商务局冬季促消费的项目有几个？都是按什么文件安排的？")
    text = reply["text"]
    assert "139号" in text and "168号" in text and "查验配套服务费" not in text


def test_the_narratives_own_project_list_checked_against_its_total(ask_national) -> None:
    """长春市信访局 说明八: 116 + 30 + 312 + 15.56 = 473.56 against the 474.56 printed (表 prints 临聘人员经费 16.56)."""
    reply = ask_national("长春市信访局说明中列出的项目加在一起，跟项目支出474.56万元一致吗？")
    assert {Decimal("473.56"), Decimal("474.56")} <= numbers(reply)


def test_shares_of_two_parts_say_the_rest_of_the_whole(ask_national) -> None:
    """国家信访局 2026 收入总计 50616.94: 财政拨款 16474.82 (32.55%), 其他收入 31888.00 (63.00%), 上年结转 2254.12 (4.45%)."""
    reply = ask_national("国家信访局2026年财政拨款和其他收入分别占总收入的多少？")
    assert {Decimal("32.55"), Decimal("63.00"), Decimal("2254.12"), Decimal("4.45")} <= numbers(reply)


def test_the_project_a_change_is_put_down_to(ask_national) -> None:
    """重庆市人民政府办公厅 2026 收入总计 比上年增加2784.38: 一般公共预算 +2781.90 (12345一号通…二期)."""
    reply = ask_national("重庆市政府办公厅2026年收入比上年多了多少？主要是因为哪个项目？")
    assert Decimal("2784.38") in numbers(reply) and "12345一号通" in reply["text"]


def test_places_enumerated_after_the_organisation_word(ask_national) -> None:
    """国家信访局 112.61, 长沙市信访局 8.00, 长春市信访局（本级） 7.61 (2026 三公)."""
    reply = ask_national("这三个信访局（国家、长沙和长春）的三公经费谁最多？")
    assert {Decimal("112.61"), Decimal("8.00"), Decimal("7.61")} <= numbers(reply)


def test_each_change_of_figures_asked_one_by_one(ask_national) -> None:
    """泉州市公安局 2026: 购置 495.85 (+55.85), 运行 1188.00 (+168.00)."""
    reply = ask_national("泉州市公安局今年公务用车购置费多少？运行费呢？两项各比上年增加多少？")
    assert {Decimal("55.85"), Decimal("168.00")} <= numbers(reply)


def test_a_row_of_all_funds_beside_its_general_budget_row(ask_national) -> None:
    """泉州市公安局 2026 2040220 执法办案: 23682.00 in the 支出总表, 12172.00 in the 一般公共预算支出表."""
    reply = ask_national("泉州市公安局执法办案科目安排了多少钱？")
    assert {Decimal("23682.00"), Decimal("12172.00")} <= numbers(reply)


def test_a_subjects_year_before_with_its_stated_rate(ask_national) -> None:
    """西安市审计局 2026 审计业务 635.87, 较上年减少181.13万元、下降22.17% → 2025 817.00."""
    reply = ask_national("西安市审计局审计业务2025年是多少？降幅多少？")
    assert {Decimal("817.00"), Decimal("22.17")} <= numbers(reply)


def test_last_years_execution_of_a_subject_just_asked(ask) -> None:
    """普陀区司法局 2026 信息化建设 227.88, 2025年执行数 60.41 (增长277.22%)."""
    reply = ask("普陀区司法局的信息化建设今年安排多少？上年实际执行多少？")
    assert {Decimal("227.88"), Decimal("60.41")} <= numbers(reply)


def test_an_address_or_a_floor_area_is_no_budget_figure(ask_national) -> None:
    """长春市信访局 驻京经费 312.00: the budget prints no address or area of what it rents."""
    reply = ask_national("长春市信访局驻京经费租的房子在哪个小区？")
    assert reply["answers"] == [] and "没有找到" in reply["text"]


def test_a_subject_said_without_its_deng(ask) -> None:
    """普陀区商务委员会 2025: 21699 其他商业服务业等支出 3136.40."""
    reply = ask("普陀区商务委2025年其他商业服务业支出是多少？")
    assert Decimal("3136.40") in numbers(reply)


@pytest.mark.parametrize("question", ["西安市安监局2019年给每个区县的执法补助分别是多少？", "西安市安监局2019年给各区县拨的补贴各有多少？"])
def test_money_given_to_each_district_is_no_budget_figure(ask_national, question: str) -> None:
    """西安市安全生产监督管理局 2019 prints no allocation by 区县: never its 收入总计 3695.91 or a project list."""
    reply = ask_national(question)
    assert reply["answers"] == [] and "没有找到" in reply["text"]


def test_income_sources_beside_fiscal_money(ask) -> None:
    """普陀区社会福利院 2024: 收入 1212.12 = 财政拨款 950.12 + 事业收入 262.00."""
    reply = ask("普陀区社会福利院2024年的收入里除了财政拨款还有什么？")
    assert {Decimal("950.12"), Decimal("262.00")} <= numbers(reply)


def test_an_indicator_named_by_words_covering_its_name(ask_national) -> None:
    """西安市气象局 2022: 作业次数 (飞机增雨10次/年；火箭增雨12次/年) and 增雨作业飞机租赁 (140万元/年)."""
    reply = ask_national("西安市气象局2022年人工增雨作业次数的目标是多少？")
    assert "飞机增雨10次/年" in reply["text"]


def test_the_sum_of_rows_asked_with_their_shares(ask_national) -> None:
    """福州市民政局本级 一般公共预算支出 2144.92: 行政运行 993.77 + 其他民政管理事务支出 613.28 = 1607.05, 74.92%."""
    reply = ask_national("福州市民政局本级一般公共预算里行政运行和其他民政管理事务支出各占多少？两者合计占多少？")
    assert {Decimal("1607.05"), Decimal("74.92")} <= numbers(reply)


def test_why_a_budgets_total_rose_says_where_the_money_goes(ask_national) -> None:
    """烟台市财政局 2026 收支 9069.47, 比上年增加560.66: 基本支出 +385.31, 项目支出 +175.35."""
    reply = ask_national("烟台市财政局今年收支预算为什么增加了？")
    assert {Decimal("560.66"), Decimal("385.31"), Decimal("175.35")} <= numbers(reply)


def test_the_income_sources_after_the_carry_over(ask_national) -> None:
    """泉州市公安局 2026: 上年结转结余 7600.00; 收入 81206.56 = 一般公共预算 69059.36 + 其他（单位资金）4547.20 + 7600.00."""
    reply = ask_national("泉州市公安局上年结转结余多少？收入里还有哪些非财政拨款？")
    assert {Decimal("7600.00"), Decimal("4547.20")} <= numbers(reply)


def test_money_that_is_not_fiscal_is_the_units_own(ask) -> None:
    """克州生态环境局 2024: 单位资金 260.00 — 其他资金收入经费项目 230.00 and 2023年结余资金 30.00. The 财政拨款
    (一般公共预算 2,188.62) is never an answer's row; it may be said beside, as the rest of the income."""
    reply = ask("克州生态环境局有多少钱不是财政拨款的？这些钱安排在哪些项目？")
    assert {Decimal("260.00"), Decimal("230.00"), Decimal("30.00")} <= numbers(reply)
    assert not any(a.get("value") == "2188.62" for a in reply["answers"])
    assert "收入总计2448.62万元，其中一般公共预算拨款收入2188.62万元、单位资金260.00万元" in reply["text"]


def test_a_set_of_departments_named_by_a_short_name_is_not_asked_back(ask_national) -> None:
    """长春 2026信访接待中心运行费 116.00; 长沙 人民来访接待中心业务专项 102.80 and …及特护期运行专项 10.22."""
    reply = ask_national("这几个信访局里有没有给来访接待中心安排的项目？")
    assert "您问的是" not in reply["text"]
    assert {Decimal("116.00"), Decimal("102.80")} <= numbers(reply)


def test_the_weight_of_the_indicator_just_asked(ask_national) -> None:
    """长春市信访局 2026驻京经费: 驻京工作人员人数 <=18人, 权重40 — not every indicator's weight again."""
    reply = ask_national("长春市信访局驻京经费里驻京工作人员人数的指标定了多少？权重呢？")
    assert len(reply["parts"]) == 1 and "权重40" in reply["text"]


def test_expense_subjects_enumerated_beside_a_three_public_member(ask_national) -> None:
    """苏州市审计局 2026: 公务接待费 10.00 (比上年减少3.00), 会议费 10.00 (−7.00), 培训费 43.00 (−21.73): 2025 13.00, 17.00, 64.73."""
    reply = ask_national("苏州市审计局2025年公务接待费、会议费、培训费各是多少？")
    assert {Decimal("13.00"), Decimal("17.00"), Decimal("64.73")} <= numbers(reply)


def test_the_three_public_whole_enumerated_beside_its_part(ask_national) -> None:
    """西安市审计局 2026: 三公 10.20 (较上年减少1.80) and 公务用车运行维护费 8.20 (减少1.80): 2025 12.00 and 10.00."""
    reply = ask_national("西安市审计局2025年三公经费和公务用车运行费各是多少？")
    assert {Decimal("12.00"), Decimal("10.00")} <= numbers(reply)


def test_a_count_before_departments_names_the_set(ask_national) -> None:
    """三公 2026: 国家信访局 112.61, 长沙市信访局 8.00, 长春市信访局（本级） 7.61 — all three ranked."""
    reply = ask_national("国家信访局和长沙、长春两个市信访局的三公经费从高到低排一下")
    assert {Decimal("112.61"), Decimal("8.00"), Decimal("7.61")} <= numbers(reply)


def test_the_carry_over_joined_by_the_years_income_and_spending(ask) -> None:
    """普陀区财政局 2024 决算: 49.14 + 2946.25 − 2940.05 = 55.34."""
    reply = ask("普陀区财政局2024年决算里年初和年末的结转结余各多少？")
    assert {Decimal("49.14"), Decimal("55.34"), Decimal("2946.25"), Decimal("2940.05")} <= numbers(reply)
