"""Parts a question enumerates or implies, through the real pipeline on the real documents:
两个方向的排名 in one clause, a change asked after a total's parts, …呢 after a subject's change, 各 over
rows named one by one (their total), a project's 其中 lines asked after it, 占全部预算, figures
enumerated beside a subject, projects citing a named document, time targets filed as 质量指标,
a topic found in a project's description and the parts of its money it names, a source's subject
rows ranked. Expected figures are as printed in the documents named in each test."""
from __future__ import annotations

from decimal import Decimal

from tests.nlp_support import reply_numbers as numbers


def rows(reply: dict) -> list[tuple]:
    return [(a["label"], a.get("value")) for a in reply["answers"]]


def test_most_and_least_in_one_clause_are_two_ranks(ask_national) -> None:
    """长春市信访局本级 2026 项目支出表 (p.14): 驻京经费 312.00 the largest, 临聘人员经费 16.56 the smallest."""
    reply = ask_national("长春市信访局几个项目里，哪个钱最多、哪个最少？")
    # (the frame's JSON leaves out what is false: a rank from the smallest has no "descending")
    assert [p["frame"]["operation"].get("descending", False) for p in reply["parts"]] == [True, False]
    got = rows(reply)
    assert ("2026驻京经费", "312.00") in got and ("信访局临聘人员经费", "16.56") in got


def test_a_change_after_the_parts_of_a_total_is_the_totals(ask_national) -> None:
    """湖州市财政局 2026 说明: 三公 9.30万元; asked with its parts in between, the change is the total's."""
    reply = ask_national("湖州财政局26年三公经费多少？出国、接待、公车各多少？比上年少了多少？")
    assert reply["parts"][-1]["frame"]["measures"] == ["three_public.total"]


def test_each_of_two_named_subjects_and_their_total(ask_national) -> None:
    """重庆市人民政府办公厅 2026 表二 (p.12): 2010301 行政运行 6,342.71, 2010302 一般行政管理事务 8,220.69."""
    reply = ask_national("重庆政府办公厅“行政运行”和“一般行政管理事务”两个科目各安排多少？")
    assert {d["label"]: d["value"] for d in reply["derived"]} == {"合计": "14563.40"}


def test_another_subject_with_ne_repeats_the_change_asked(ask_national) -> None:
    """西安市审计局汇总 2026 说明七（二） (p.12): 审计业务 比上年减少181.13万元; 行政运行 增加126.15万元."""
    reply = ask_national("西安审计局审计业务这个科目今年多少钱？比去年少了多少？行政运行呢？")
    assert "126.15" in reply["parts"][-1]["text"] and "2338.24" in reply["parts"][-1]["text"]


def test_a_projects_funds_asked_after_it(ask_national) -> None:
    """国家信访局 2026 信息化运行维护 绩效目标表 (p.30): 年度资金总额 2,134.87，其中财政拨款 1,384.87，上年结转 750.00."""
    reply = ask_national("国家信访局的信息化运行维护项目26年安排了多少钱？里面上年结转的有多少，新拨的财政拨款多少？")
    assert {Decimal("2134.87"), Decimal("1384.87"), Decimal("750.00")} <= numbers(reply)
    assert "上年结转结余2254.12" not in reply["text"]  # not the department's carry-over


def test_a_share_of_the_whole_budget(ask_national) -> None:
    """重庆市人民政府办公厅 2026 表一: 收入总计 19,230.18, 事业收入 812.48 → 4.23%."""
    reply = ask_national("重庆政府办公厅26年事业收入多少？占全部预算几成？")
    assert [d["value"] for d in reply["derived"]] == ["4.23"]


def test_figures_enumerated_beside_a_subject(ask_national) -> None:
    """深圳市财政局 2026 说明 (p.7): 在职人员经费 8,009.83、公用经费 1,466.93、对个人和家庭的补助 1,066.96."""
    reply = ask_national("深圳财政局本级的钱里，人员经费、公用经费、对个人和家庭补助各多少？")
    assert {Decimal("8009.83"), Decimal("1466.93"), Decimal("1066.96")} <= numbers(reply)


def test_projects_citing_a_named_document(ask) -> None:
    """克州生态环境局 2024 (corpus 004): 克财预[2024]001号 is cited by 2024年环保业务经费 71.00 and
    执法能力建设项目 15.00."""
    reply = ask("克州生态环境局24年有哪些项目是根据克财预[2024]001号安排的？")
    assert reply["parts"][0]["frame"]["focus"] == "projects"
    assert {("2024年环保业务经费", "71.00"), ("执法能力建设项目", "15.00")} <= set(rows(reply))


def test_time_targets_filed_under_quality(ask_national) -> None:
    """国家信访局 2026 信息化运行维护 (p.30) files 前端运维问题响应时间≤10分钟, 设备/系统故障恢复时间≤4小时,
    系统软件反应速度≤4秒 under 质量指标."""
    reply = ask_national("国家信访局26年信息化运行维护项目定了哪些时效方面的指标？")
    labels = {a["label"] for a in reply["answers"]}
    assert {"前端运维问题响应时间", "设备/系统故障恢复时间", "系统软件反应速度"} <= labels
    assert "设备完好率" not in labels


def test_a_topic_in_a_projects_description_and_its_parts(ask) -> None:
    """上海市普陀区商务委员会 2025 贸易高质量发展专项 (p.26): 区级支持总部经济1106.00万，市级支持总部经济1262.00万."""
    reply = ask("普陀商务委哪些专项是支持总部经济的？给了多少？")
    assert {d["value"] for d in reply["derived"]} >= {"2368.00"}
    assert ("贸易高质量发展专项（政策资金）：区级支持总部经济", "1106.00") in rows(reply)


def test_who_does_the_projects_found(ask_national) -> None:
    """国家信访局 2026 信访业务培训 118.01 (p.32), 实施单位 国家信访局本级."""
    reply = ask_national("国家信访局26年有没有专门搞培训的项目？多少钱，谁来办？")
    assert "承担单位是国家信访局" in reply["text"] and "118.01" in reply["text"]
    assert "收入总计" not in reply["text"]


def test_a_sources_subject_rows_ranked(ask_national) -> None:
    """泉州市公安局 2026 表5: 一般公共预算 2040201 行政运行 34,148.58, 2040220 执法办案 12,172.00,
    2040250 事业运行 4,825.87 the three largest 项 rows."""
    reply = ask_national("泉州公安26年一般公共预算的项级科目里，排前三的是哪三个？")
    assert rows(reply) == [("行政运行", "34148.58"), ("执法办案", "12172.00"), ("事业运行", "4825.87")]


def test_shares_of_parts_with_different_bases_are_of_one_whole(ask_national) -> None:
    """湖州市财政局 2026: 人员经费 4,944.99、公用经费 626.67、项目支出 1,266.75 of 支出总计 6,838.41 —
    asked together, each is a share of the whole (72.31%, 9.16%, 18.52%), not 人员 of 基本支出."""
    reply = ask_national("湖州市财政局26年人员经费、公用经费、项目支出各占多少？")
    assert [d["value"] for d in reply["derived"]] == ["72.31", "9.16", "18.52"]


def test_the_share_of_the_money_under_performance_targets(ask_national) -> None:
    """苏州市审计局 2026 说明十五 (p.30): 7个项目…涉及财政性资金合计339.5万元; 支出总计 4,651.67 → 7.30%."""
    reply = ask_national("苏州审计局26年有几个项目纳入了绩效目标管理？一共多少钱？占部门预算几成？")
    assert [d["value"] for d in reply["derived"]] == ["7.30"]


def test_the_largest_items_inside_public_expenses(ask) -> None:
    """江苏省政协办公厅 2019 公开08表: 302 商品和服务支出 1,130.74 — 30211 差旅费 200.00, 30299 其他商品和服务
    支出 175.50, 30239 其他交通费用 168.64 the three largest."""
    reply = ask("江苏省政协办公厅19年公用经费里花得最多的三项是什么？")
    assert [(a["label"], a["value"]) for a in reply["answers"]][-3:] == \
        [("差旅费", "200.00"), ("其他商品和服务支出", "175.50"), ("其他交通费用", "168.64")]


def test_a_stated_rate_implies_the_previous_figure(ask) -> None:
    """上海市普陀区司法局 2026 编制说明: 其他司法支出 3,845.49万元，比2025年预算执行数增加17.62% — the rate
    implies 3,845.49 ÷ 1.1762 = 3,269.42 for 2025 (the 说明 prints 43,269.3)."""
    reply = ask("普陀区司法局26年预算编制说明里，各科目和25年执行数比的增幅，有没有写错的？")
    assert "按所写增幅倒推，上年应为3269.42万元" in reply["text"]


def test_the_units_the_budget_covers_asked(ask_national) -> None:
    """泉州市公安局 2026 (p.5): 7个下属单位, listed when the units the budget covers are asked."""
    reply = ask_national("泉州市公安局纳入26年部门预算的单位有哪些？")
    assert reply["parts"][0]["frame"]["focus"] == "subordinates"
    assert "泉州市看守所" in reply["text"]


def test_two_figures_of_two_departments_and_each_gap(ask_national) -> None:
    """长沙市信访局 2026: 收支 1,935.36, 三公 8.00; 长春市信访局（本级）2026: 收入总计 1,682.76, 三公 7.61.
    总预算 is the 收入总计; 三公 beside another figure is its total only; each figure's gap is said."""
    reply = ask_national("长沙和长春两个市信访局，26年总预算和三公经费各是多少？哪个多，差多少？")
    assert reply["parts"][0]["frame"]["measures"] == ["income_total", "three_public.total"]
    assert sorted(d["value"] for d in reply["derived"]) == ["0.39", "252.60"]


def test_projects_of_two_kinds_of_funding_counted_apart(ask) -> None:
    """克州生态环境局 2024 (corpus 004) 说明十二（四）: 当年财政拨款项目5个136.20万元，非财政拨款项目2个260.00万元."""
    reply = ask("克州生态环境局24年财政拨款项目和非财政拨款项目各有几个？各涉及多少钱？")
    assert "财政拨款项目5个，合计136.20万元" in reply["text"] and "非财政拨款项目2个，合计260.00万元" in reply["text"]
    assert len(reply["parts"]) == 1  # 各涉及多少钱 asks what the counts already show


def test_a_statement_compared_with_the_wrong_year(ask) -> None:
    """上海市普陀区司法局 2026 编制说明 (p.8): 财政拨款收入…比2026年预算增加793.14万元 — a 2026 budget compares
    with 2025; the finding is in the graph with its years."""
    reply = ask("普陀司法局26年预算说明里“比上年增加793.14万元”那句，比较的年份写对了吗？")
    assert "财政拨款收入 比较年度：印2026年，应为2025年" in reply["text"]


def test_one_kind_of_funds_by_functional_class(ask_national) -> None:
    """国家信访局 2026 一般公共预算支出表: 201 一般公共服务支出 13,144.37, 205 教育支出 118.01, 208 社会保障和就业
    支出 2,156.86, 221 住房保障支出 1,055.58 (16,474.82 in all)."""
    reply = ask_national("国家信访局26年一般公共预算当年拨款按功能分类各类多少？")
    assert [(a["label"], a["value"]) for a in reply["answers"] if a.get("code")] == [
        ("一般公共服务支出", "13144.37"), ("教育支出", "118.01"), ("社会保障和就业支出", "2156.86"),
        ("住房保障支出", "1055.58")]


def test_economic_classes_named_one_by_one_are_each_own_figure(ask_national) -> None:
    """西安市审计局汇总 2026 表6 (the whole general budget, asked without 基本支出): 301 工资福利支出 2,981.28,
    302 956.41 (with its 专项业务经费; 表8's basic 305.54 only where 基本支出 is asked), 303 57.60 (对个人和家庭的
    补助: the departmental row, not the government classification's 509 of the same name), 310 10.00 — each
    class's figure, not its 款 rows."""
    reply = ask_national("西安审计局今年钱按经济分类看，工资福利、商品服务、对个人家庭补助、资本性支出各多少？")
    got = {a["code"]: a["value"] for a in reply["answers"] if a.get("code")}
    assert got == {"301": "2981.28", "302": "956.41", "303": "57.60", "310": "10.00"}


def test_held_then_planned_assets(ask_national) -> None:
    """西安市审计局汇总 2026 说明十一 (p.18): 车辆4辆、单价20万元以上设备14台（套）; 当年购置车辆0辆、设备0台（套）.
    买不买 asks a question of its own: the purchases planned of the kinds just asked."""
    reply = ask_national("西安审计局手里有几辆车、多少台20万以上的设备？今年买不买？")
    assert len(reply["parts"]) == 2
    assert "车辆共4辆" in reply["parts"][0]["text"] and "14台（套）" in reply["parts"][0]["text"]
    assert "计划购置车辆共0辆" in reply["parts"][1]["text"]


def test_fund_budgets_said_short_in_an_enumeration(ask_national) -> None:
    """无锡市交通运输局（本级）2026 公开01表: 一般公共预算 196,278.67, 政府性基金 143,999.00, 国有资本经营 32,640.00
    of 984,760.87 — 基金 and 国资 as people say them."""
    reply = ask_national("无锡交通局本级26年一般公共预算、基金、国资和其他收入各多少、各占几成？")
    got = {a["label"]: a["value"] for a in reply["answers"]}
    assert got["政府性基金预算拨款收入"] == "143999.00" and got["国有资本经营预算拨款收入"] == "32640.00"


def test_a_figure_checked_against_a_total_named_after_it(ask_national) -> None:
    """上海市审计局 2026 (p.20): 编报绩效目标的项目共9个，涉及项目预算资金1887.00万元; 项目支出 2,070.30
    (p.11) — 183.30 apart."""
    reply = ask_national("上海市审计局26年有几个项目编了绩效目标？涉及多少钱？和项目支出总额对得上吗？")
    assert [d["value"] for d in reply["derived"]] == ["183.30"]
    assert "不一致" in reply["parts"][-1]["text"]


def test_a_class_total_asked_is_its_own_figure(ask) -> None:
    """上海市普陀区司法局 2026 基本支出经济分类表 (p.19, 元): 302 商品和服务支出 2,141,724.44 元 (214.17万元); its
    rows are listed only where they are asked (排前三的明细: 30299 69.94, 30239 49.53, 30228 26.60)."""
    reply = ask("普陀区司法局26年基本支出里的商品和服务支出总共多少万元？排前三的明细是哪些？")
    first, second = reply["parts"]
    assert [(a["label"], a["value"]) for a in first["answers"]] == [("商品和服务支出", "214.17")]
    assert "1. 30299 其他商品和服务支出69.94万元" in second["text"]


def test_a_budget_against_both_columns_of_an_earlier_final_account(ask_national) -> None:
    """国家信访局 2026 三公 112.61; 2024 决算 公开09表: 预算数 76.43, 决算数 46.21 — 36.18 and 66.40 apart."""
    reply = ask_national("国家信访局26年的三公经费预算，和24年的三公预算、决算比，各差多少？")
    assert sorted(d["value"] for d in reply["derived"] if d["label"] != "“三公”经费合计完成率") == ["36.18", "66.40"]


def test_an_organisation_of_a_place_the_graph_lacks(ask_national) -> None:
    """The graph holds 财政局 of 北京, 深圳, 湖州, 烟台 but none of 广州 (only its 统计局): 广州市财政局 is
    said to be missing, and no other city's 财政局 answers for it."""
    reply = ask_national("广州市财政局26年政府采购预算多少？")
    assert reply["answers"] == [] and "没有找到" in reply["text"] and "广州市财政局" in reply["text"]


def test_the_rows_under_subjects_just_asked(ask) -> None:
    """昌吉州环境污染监控中心 2023 (corpus 001) 表3: 21103 污染防治 810.00 = 2110301 大气 718.00 + 2110399 其他污染
    防治支出 92.00."""
    reply = ask("监控中心23年节能环保支出一共多少？下面污染防治和污染减排各多少，再往下细分是哪些？")
    last = reply["parts"][-1]
    assert "2110301 大气718.00万元" in last["text"] and "2110399 其他污染防治支出92.00万元" in last["text"]


def test_a_figures_own_words_are_no_project(ask_national) -> None:
    """北京市财政局 2026 prints a project 政府采购管理服务; 政府采购预算 asks the 政府采购 figure (12,948.49)."""
    reply = ask_national("北京市财政局26年政府采购预算多少？")
    assert reply["parts"][0]["frame"]["focus"] == "figures" and "12948.49" in reply["text"]


def test_another_target_of_the_project_just_named(ask_national) -> None:
    """长春市信访局本级 2026 绩效目标表: 2026信访专项经费 — 专家评审 >=2次, 信访信息系统运维成本 <=17万元."""
    reply = ask_national("长春信访专项经费的绩效目标里，专家评审要搞几次？信息系统运维成本上限多少？")
    assert "信访信息系统运维成本" in reply["parts"][1]["text"] and "<=17万元" in reply["parts"][1]["text"]
