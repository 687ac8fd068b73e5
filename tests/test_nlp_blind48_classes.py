"""The classes of question blind batches 45, 48 and 49 showed the service missing (each read after its
first look), through the real extraction and pipeline on the real documents of ../shared (skipped where
absent), each asked in words of its own rather than the batches':

- 谁多，多出多少 of a column the 三公 table prints (会议费 of two departments): the gap too;
- a rate target named by its words after a project (分档精准率要求多少): that indicator;
- 一般公共预算基本支出中人员经费、公用经费: the parts after 中…分别 are asked, not the scope before them;
- 实行绩效目标管理的项目…占比多少: the share of that money, in the coverage's own sentence;
- 计划检查多少家X of a project: the count its description states of that thing;
- a year asked after a fund's figure and its subjects: the fund's spending side, derived from its change;
- 一般公共预算支出表里呢 after a subject row: that table's row of the subject;
- 这两个指标权重 after two indicator parts: those two, not the whole table;
- a project named by its telling words (菜篮子那笔钱); 第二、第三呢 of a ranking;
- 部门收入总计 after one project found with no department named: that project's department only;
- 得分最低的是哪个 beside a stated count of evaluated projects; 其中哪一项最多 of 公用经费;
- 车辆运维费 where cars are bought in the same question; 那1800万是做什么用的: the project of that amount;
- 主要用在哪个功能科目: the classes; a stated change of a scoped table's row derives from that row;
- 指标权重合计 of a project's target table; 另外哪些项目 names no topic; a split by payee is not printed;
- the cited document named beside the projects found by it; a 决算's 一般公共预算财政拨款支出 预算/决算."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.nlp_support import reply_labels as labels
from tests.nlp_support import reply_numbers as numbers
from tests.nlp_support import reply_part as _part

pytestmark = pytest.mark.shared


def test_the_gap_of_a_three_public_table_column(ask_national) -> None:
    """会议费: 苏州市审计局 10.00 (公开09表), 西安市审计局 2.00 (表13): 8.00 more."""
    reply = ask_national("苏州市审计局和西安市审计局2026年的会议费各是多少？谁多，多出多少？")
    assert {Decimal("10.00"), Decimal("2.00"), Decimal("8.00")} <= numbers(reply)


def test_a_rate_target_named_by_its_words(ask_national) -> None:
    """长沙市信访局 基层及其他信访业务工作经费专项 (35.78): 经费分档精准率 ≥95%."""
    reply = ask_national("长沙市信访局的基层及其他信访业务工作经费专项花多少钱？分档精准率要求多少？")
    assert "经费分档精准率" in _part(reply, 2)["text"]
    assert Decimal("95") in numbers(_part(reply, 2))


def test_parts_asked_within_a_scoped_whole(ask_national) -> None:
    """国家信访局 2026 部门公开表6: 人员经费 7,504.62, 公用经费 2,376.26 — not the 一般公共预算拨款收入 16,474.82."""
    reply = ask_national("国家信访局2026年一般公共预算基本支出中人员经费、公用经费分别是多少？")
    assert {Decimal("7504.62"), Decimal("2376.26")} <= numbers(reply)
    assert Decimal("16474.82") not in numbers(reply)


def test_a_share_of_the_parts_own_table(ask_national) -> None:
    """公用经费 2,376.26 of the 部门公开表6 whole 9,880.88 = 24.05% (not of an all-funds 基本支出 11,056.07: 21.49%)."""
    reply = ask_national("国家信访局2026年一般公共预算基本支出里人员经费和公用经费分别多少？公用经费占基本支出多少？")
    assert {Decimal("9880.88"), Decimal("24.05")} <= numbers(reply)
    assert Decimal("21.49") not in numbers(reply)


def test_the_share_of_the_money_under_performance_targets(ask_national) -> None:
    """苏州市水务局 2026: 21 projects, 90,448.39 of 92,596.24 = 97.68%."""
    reply = ask_national("苏州市水务局有多少项目实行绩效目标管理？资金多少？占整体支出比例多少？")
    assert {Decimal("21"), Decimal("90448.39"), Decimal("97.68")} <= numbers(reply)


def test_a_count_of_things_in_a_projects_description(ask_national) -> None:
    """西安市安全生产监督管理局 2019 安全生产业务费: 计划对…230余家道路交通运输企业."""
    reply = ask_national("西安市安全生产监督管理局2019年安全生产业务费多少钱？计划检查多少家道路交通运输企业？")
    assert Decimal("230") in numbers(_part(reply, 2))
    assert "余家" in _part(reply, 2)["text"]


def test_a_year_asked_after_a_fund_and_its_subjects(ask_national) -> None:
    """无锡市交通运输局（本级）: 政府性基金 支出 143,999 up 31,183.05 → 2025 112,815.95 (not the income side's 18,000)."""
    reply = ask_national("无锡市交通运输局本级2026年政府性基金预算支出是多少？按科目看安排在哪？上一年是多少？")
    assert Decimal("112815.95") in numbers(_part(reply, 3))
    assert Decimal("18000.00") not in numbers(_part(reply, 3))


def test_a_subject_row_in_a_scoped_table(ask_national) -> None:
    """珠海市商务局 2011399 其他商贸事务支出: 25,713.45 (表3), 24,909.72 in the 一般公共预算支出表."""
    reply = ask_national("珠海市商务局2026年其他商贸事务支出多少？一般公共预算支出表里呢？")
    assert Decimal("25713.45") in numbers(_part(reply, 1))
    assert Decimal("24909.72") in numbers(_part(reply, 2))


def test_the_two_indicators_just_named(ask_national) -> None:
    """西安市审计局 审计事务: 提交审计报告和信息 权重6, 促进财政增收节支 权重15 — only those two in the last part."""
    reply = ask_national("西安市审计局审计事务项目要提交多少篇审计报告？促进财政增收节支的目标是多少？这两个指标权重分别多少？")
    last = reply["parts"][-1]["text"]
    assert "权重6" in last and "权重15" in last
    assert "被审计单位满意度”：" not in last


def test_a_project_named_by_its_telling_words(ask_national) -> None:
    """福州市商务局 菜篮子工程建设专项资金 1,800.00 — not the 收入总计 24,995.94."""
    reply = ask_national("福州市商务局菜篮子那笔钱有多少？")
    assert Decimal("1800.00") in numbers(reply)
    assert Decimal("24995.94") not in numbers(reply)


def test_the_second_and_third_of_a_ranking(ask_national) -> None:
    """广州市统计局 2026: 534.72, then 195.19 and 100.00."""
    reply = ask_national("广州市统计局哪个项目钱最多？第二、第三呢？")
    assert Decimal("195.19") in numbers(_part(reply, 2))
    assert Decimal("100.00") in numbers(_part(reply, 3))


def test_the_department_of_the_one_project_found(ask_national) -> None:
    """妇女健康促进项目暨两癌项目 is 西安市卫生健康委员会's: its 收入总计 2,480,372.70 only, not every department's."""
    reply = ask_national("妇女健康促进项目暨两癌项目执行得怎么样？部门收入总计多少？")
    assert Decimal("2480372.70") in numbers(_part(reply, 2))
    assert "全部" not in _part(reply, 2)["text"]


def test_the_lowest_score_beside_the_stated_count(ask_national) -> None:
    """佛山市轨道交通局 2019: 7 projects evaluated; the lowest 2019年度聘请专家人员经费 96.53."""
    reply = ask_national("佛山市轨道交通局2019年开展绩效自评的项目有几个？得分最低的是哪个？")
    assert {Decimal("7"), Decimal("96.53")} <= numbers(reply)
    assert "聘请专家人员经费" in reply["text"]


def test_the_largest_row_inside_a_column(ask_national) -> None:
    """苏州市审计局 公用经费 395.60; its largest 款 30299 其他商品和服务支出 82.84."""
    reply = ask_national("苏州市审计局公用经费是多少？其中哪一项最多？")
    assert Decimal("82.84") in numbers(_part(reply, 2))


def test_running_costs_where_cars_are_bought(ask_national) -> None:
    """杭州市司法局 2026 公务用车运行维护费 188.00, 比上年预算数减少13.60."""
    reply = ask_national("杭州市司法局今年买几辆车？车辆运维费比上年减少多少？")
    assert {Decimal("188.00"), Decimal("13.60")} <= numbers(reply)


def test_the_project_of_an_amount_said(ask_national) -> None:
    """福州市商务局: 1,800.00 is 菜篮子工程建设专项资金, with what its text says it is for."""
    reply = ask_national("福州市商务局那1800万是做什么用的？")
    assert "菜篮子工程建设专项资金" in reply["text"] and "资金用途" in reply["text"]


def test_where_the_money_mainly_goes_by_class(ask_national) -> None:
    """无锡市交通运输局（本级）: the classes (212 城乡社区支出 842,090.31 first), not the 项 rows."""
    reply = ask_national("无锡市交通运输局本级的钱主要用在哪个功能科目？")
    assert "类级" in reply["text"]
    assert Decimal("842090.31") in numbers(reply)
    assert "2120399" not in reply["text"]


def test_a_stated_change_of_a_scoped_row(ask_national) -> None:
    """国家信访局 其他信访事务支出: 3,623.98 (一般公共预算支出表) + 21,519.26 = 25,143.24 (not 36,230.56 + …)."""
    reply = ask_national("国家信访局2026年其他信访事务支出比2025年执行数减少多少？2025年执行了多少？")
    assert {Decimal("21519.26"), Decimal("25143.24")} <= numbers(reply)
    assert Decimal("57749.82") not in numbers(reply)


def test_the_weights_of_a_target_table_added_up(ask_national) -> None:
    """西安市审计局 购买中介机构审计服务: 14 weights adding up to 90."""
    reply = ask_national("西安市审计局购买中介机构审计服务项目的指标权重合计多少分？")
    assert "90分" in reply["text"]
    assert "14个指标" in reply["text"]


def test_besides_names_no_topic(ask_national) -> None:
    """珠海市商务局: 其他资金 pays 0.84 and 0.80 — 另外 is no word of a project."""
    reply = ask_national("珠海市商务局哪些项目用政府性基金？另外哪些项目用其他资金？")
    assert {Decimal("0.84"), Decimal("0.80")} <= numbers(_part(reply, 2))


def test_a_split_by_payee_is_not_printed(ask) -> None:
    """江苏省高级人民法院 2019 prints no money by 基层法院: nothing stands in (not the 法院 subject rows)."""
    reply = ask("江苏省高级人民法院2019年给各个基层法院分了多少钱？")
    assert reply["text"].startswith("没有找到")
    assert not numbers(reply) - {Decimal("2019")}


def test_the_cited_document_beside_its_projects(ask) -> None:
    """普陀区商务委 2025: 科技创新专项 and 贸易高质量发展专项 cite 《普陀区服务企业发展工作实施意见》."""
    reply = ask("普陀区商务委有哪些专项依据普投资规范〔2023〕1号立项？")
    assert "《普陀区服务企业发展工作实施意见》" in reply["text"]
    assert {Decimal("1720.00"), Decimal("2921.00")} <= numbers(reply)


def test_a_final_accounts_general_budget_spending(ask) -> None:
    """上海市普陀区财政局 2024 决算: 年初预算 2,993.92, 决算 2,940.05, 98.20%."""
    reply = ask("普陀区财政局2024年一般公共预算财政拨款支出预算是多少？决算是多少？")
    assert {Decimal("2993.92"), Decimal("2940.05"), Decimal("98.20")} <= numbers(reply)


def test_units_a_word_names_counted(ask_national) -> None:
    """珠海市商务局: 7 of its 9 units are 口岸分局 (拱北, 九洲港, 高栏港, 湾仔, 香洲, 港珠澳大桥珠海公路, 青茂)."""
    reply = ask_national("珠海市商务局下面一共有多少个口岸分局？")
    assert "7个口岸分局" in reply["text"]
    assert "会议展览局" not in reply["text"]


def test_the_subjects_of_a_funds_spending(ask_national) -> None:
    """苏州市水务局 2026 政府性基金 44,003.26: 2120803 城市建设支出 31,003.26, 2121401 污水处理设施建设和运营 13,000."""
    reply = ask_national("苏州市水务局政府性基金预算支出安排在哪几个科目上？")
    assert {Decimal("31003.26"), Decimal("13000.00")} <= numbers(reply)


def test_a_stated_change_of_a_quoted_subject(ask) -> None:
    """上海市普陀区社会福利院 2024: “…社会福利事业单位（项）”738.66万元, 比2023年预算执行数增加3.84% → 711.34."""
    reply = ask("普陀区社会福利院2024年社会福利事业单位这一项比上年涨了多少？上年是多少？")
    assert {Decimal("738.66"), Decimal("3.84"), Decimal("711.34")} <= numbers(reply)


def test_the_one_ranked_second(ask_national) -> None:
    """广州市统计局 2026: second by amount 统计专项经费 195.19."""
    reply = ask_national("广州市统计局哪个项目预算最多？排第二的是哪个？")
    assert "统计专项经费" in _part(reply, 2)["text"]
    assert Decimal("195.19") in numbers(_part(reply, 2))


def test_a_share_of_the_whole_listed_with_its_parts(ask_national) -> None:
    """国家信访局 2026: 公用经费 2,376.26 of the 基本支出 listed with it (部门公开表6 whole 9,880.88) = 24.05%, not of 支出总计."""
    reply = ask_national("国家信访局2026年基本支出中人员经费、公用经费各多少？公用经费占多少？")
    assert Decimal("24.05") in numbers(_part(reply, 2))
    assert "支出总计" not in _part(reply, 2)["text"]


def test_projects_citing_no_document(ask_national) -> None:
    """长春市信访局（本级）2026: none of its 4 projects names a document — not the budget's own 《信访工作条例》."""
    reply = ask_national("长春市信访局的项目是依据哪些文件立项的？")
    assert reply["text"].startswith("没有找到")
    assert "信访工作条例" not in reply["text"]


def test_more_by_a_rate_between_two_departments(ask_national) -> None:
    """烟台市财政局 9,069.47 against 湖州市财政局 6,838.41: 2,231.06 more, 32.63% of 湖州's."""
    reply = ask_national("烟台市财政局和湖州市财政局2026年收入总计谁高？烟台比湖州高出百分之几？")
    assert {Decimal("2231.06"), Decimal("32.63")} <= numbers(_part(reply, 2))


def test_a_level_named_over_a_funds_subjects(ask_national) -> None:
    """国家信访局 2026 一般公共预算拨款 16,474.82: the largest 类 201 一般公共服务支出 13,144.37, 79.78%."""
    reply = ask_national("国家信访局2026年一般公共预算拨款里哪个类级科目最多？占多少比例？")
    assert {Decimal("13144.37"), Decimal("79.78")} <= numbers(reply)
    assert "行政运行" not in reply["text"]


def test_a_subjects_share_of_the_appropriations(ask_national) -> None:
    """上海市审计局 2026 221 住房保障支出 3,130.00 of 财政拨款 19,577.43 = 15.99%."""
    reply = ask_national("上海市审计局住房保障支出是多少？占财政拨款的比重多少？")
    assert Decimal("15.99") in numbers(_part(reply, 2))


def test_published_self_evaluations_under_a_rate(ask_national) -> None:
    """国家信访局 2024 决算: 信息化运行维护 63.01%, 信访研究宣传立法专项 77.13% under 80%."""
    reply = ask_national("国家信访局2024年公开自评结果的项目里，哪些执行率低于80%？")
    assert "信息化运行维护" in reply["text"] and "信访研究宣传立法专项" in reply["text"]


def test_each_parts_stated_change(ask) -> None:
    """克州生态环境局 2024: 基本支出 up 1,422.05, 项目支出 up 264.30 (支出预算情况说明)."""
    reply = ask("克州生态环境局2024年基本支出和项目支出各是多少？各比上年增加多少？")
    assert {Decimal("1422.05"), Decimal("264.30")} <= numbers(_part(reply, 2))


def test_a_final_accounts_part_with_its_plan(ask) -> None:
    """上海市普陀区财政局 2024 prints no 财政拨款支出 total: its 一般公共预算 part, 2,993.92 planned, 98.20%."""
    reply = ask("普陀区财政局2024年财政拨款支出的年初预算是多少？决算完成了多少？")
    assert {Decimal("2993.92"), Decimal("98.20")} <= numbers(reply)


def test_a_codeless_subject_named_with_its_level(ask_national) -> None:
    """杭州市司法局 表3 prints 监狱 (款) without a code: its 项 — 行政运行 48,375.27, 狱政设施建设 1,673.16 …"""
    reply = ask_national("杭州市司法局监狱这一款下面都有哪些项，各多少钱？")
    assert {Decimal("48375.27"), Decimal("1673.16")} <= numbers(reply)


def test_a_share_within_a_whole_named_with_its_subject(ask) -> None:
    """上海市普陀区社会福利院 2024: 物业管理费 120.60 of 公用经费 212.10 = 56.86% (the whole named is no row asked)."""
    reply = ask("普陀区社会福利院物业管理费是多少？在公用经费（商品和服务支出）中占多大比例？")
    assert Decimal("56.86") in numbers(_part(reply, 2))


def test_a_totals_change_from_its_spending_statement(ask) -> None:
    """上海市普陀区商务委员会 2025: 支出 all 财政拨款, its 财政拨款支出预算 up 24,491.71 (收入's statement says 24,558.18)."""
    reply = ask("普陀区商务委2025年支出总计比上年增加多少？")
    assert Decimal("24491.71") in numbers(reply)
    assert Decimal("24558.18") not in numbers(reply)


def test_targets_stated_in_words(ask_national) -> None:
    """杭州市司法局 表11 gives 法律援助's targets as a sentence: 民事案件200件, 刑事案件510件, 行政案件30件, 满意率95%以上."""
    reply = ask_national("杭州的法律援助项目计划办多少件法援案件？满意率目标是多少？")
    assert {Decimal("200"), Decimal("510"), Decimal("30")} <= numbers(_part(reply, 1))
    assert Decimal("95") in numbers(_part(reply, 2))


def test_a_target_no_indicator_names_from_the_projects_text(ask_national) -> None:
    """福州市商务局 菜篮子工程建设专项资金: 冻猪肉储备量 ≥1000吨 (indicator), 年储备活体生猪10.8万头 (its text)."""
    reply = ask_national("福州市商务局菜篮子工程建设专项资金有多少？打算储备多少生猪和冻猪肉？")
    assert {Decimal("10.8"), Decimal("1000")} <= numbers(_part(reply, 2))


def test_an_indicator_named_by_its_words_and_another_after(ask_national) -> None:
    """重庆市人民政府办公厅: 民呼我为（“12345”）咨询一次性解答率 >=70% (权重15); 市政府网络可用率 >=99.5% (权重5)."""
    reply = ask_national("重庆市府办12345咨询一次性解答率目标多少？市政府网络可用率呢？")
    assert "一次性解答率" in _part(reply, 1)["text"] and Decimal("70") in numbers(_part(reply, 1))
    assert Decimal("99.5") in numbers(_part(reply, 2))


def test_a_count_of_indicators_shows_the_number(ask_national) -> None:
    """重庆市人民政府办公厅 市政府办公厅业务及日常运行项目: 11 indicators — one row for the number, not eleven."""
    reply = ask_national("重庆市府办业务及日常运行项目的绩效目标表有几个指标？")
    assert Decimal("11") in numbers(reply)
    assert len(reply["answers"]) <= 3


def test_a_count_of_people_is_no_items_money(ask_national) -> None:
    """深圳市财政局 prints the 贷款贴息 money (10,000) but not how many households it reaches."""
    reply = ask_national("深圳市财政局的个人消费贷款贴息能惠及多少户居民？")
    assert reply["text"].startswith("没有找到")


def test_a_kind_of_department_with_its_places(ask_national) -> None:
    """两个信访局（长沙、长春）: 长沙市信访局 8.00, 长春市信访局（本级）7.61 — not 国家信访局's 112.61."""
    reply = ask_national("长沙和长春两个信访局的三公经费谁多？多多少？")
    assert {Decimal("8.00"), Decimal("7.61"), Decimal("0.39")} <= numbers(reply)
    assert Decimal("112.61") not in numbers(reply)


def test_economic_classes_as_people_say_them(ask_national) -> None:
    """长春市信访局（本级）2026 基本支出: 301 工资福利 911.21, 302 商品和服务 211.00, 303 对个人和家庭的补助 85.98."""
    reply = ask_national("长春市信访局基本支出里工资福利、商品和服务、对个人家庭补助分别是多少？")
    assert {Decimal("911.21"), Decimal("211.00"), Decimal("85.98")} <= numbers(reply)
