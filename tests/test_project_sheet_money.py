"""What a project's own sheets say about its money, from the record to the graph to a question.

A 项目支出绩效目标表 splits a project's money (项目资金 其中：财政拨款 / 上年结转 / 其他资金); a 决算's
项目支出绩效自评表 prints 年初预算数, 全年预算数, 全年执行数, 执行率 and 得分, and beside each
indicator's 年度指标值 its 实际完成值. Every value below was read off the PDF by hand (pages are
the PDF's own). Uses the session's extraction of ../shared/national (``national``) and the graph of
it (``ask_national``).
"""
from __future__ import annotations

from decimal import Decimal as D

from kg.extract.deserialize import record_from_json
from kg.extract.model import Project
from kg.extract.serialize import record_json
from tests.national_support import the_project

XIAN_HEALTH = "shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"
PETITIONS_2026 = "central/国家信访局_2026部门预算.pdf"
PETITIONS_2024 = "central/国家信访局_2024部门决算.pdf"



def _funds(p: Project) -> tuple:
    return (p.funds.fiscal, p.funds.carryover, p.funds.other) if p.funds else None


def test_self_evaluation_money_and_actual_values(national):
    """西安卫健委 p.63 采供血专用材料费项目绩效自评表: 年初预算数 8859, 全年预算数 8859, 全年执行数
    8858.95, 执行率 99.99%, 得分 98 of 100; 其中：当年财政拨款 8859, 上年结转资金 and 其他资金 blank (—);
    实施单位 西安市中心血站; 年采供血量增幅: 年度指标值 上涨5%-10%, 实际完成值 上涨6.23%."""
    p = the_project(national[XIAN_HEALTH], "采供血专用材料费项目")
    assert (p.initial_budget, p.amount, p.executed, p.execution_rate, p.self_evaluation_score) == (
        D("8859"), D("8859"), D("8858.95"), D("99.99"), D("98"))
    assert _funds(p) == (D("8859"), None, None)
    assert p.responsible_unit == "西安市中心血站"
    # its goal is the 预期目标（年初设定） cell, not the headings and both texts run together
    assert p.description.startswith("该项目保障采供血业务专用材料费部分。") and "预期目标" not in p.description
    growth = next(i for i in p.indicators if i.name == "年采供血量增幅")
    assert (growth.target, growth.actual) == ("上涨5%-10%", "上涨6.23%")
    # p.60: the 年初预算数 (3800) differs from the 全年预算数 (5166.99) the project's amount is
    staff = the_project(national[XIAN_HEALTH], "采供血人员经费项目")
    assert (staff.initial_budget, staff.amount, staff.executed) == (D("3800"), D("5166.99"), D("5166.99"))


def test_self_evaluation_split_is_of_the_full_year_budget(national):
    """国家信访局 2024 决算 p.30 信访干部培训专项: 年初预算数 180.61, 全年预算数 180.03 = 财政拨款 140.61
    + 上年结转 39.42 (the 全年预算数 column; the 年初 column prints 40.00 for the carry-over)."""
    p = the_project(national[PETITIONS_2024], "信访干部培训专项")
    assert (p.initial_budget, p.amount, p.executed, p.execution_rate) == (
        D("180.61"), D("180.03"), D("180.03"), D("100.00"))
    assert _funds(p) == (D("140.61"), D("39.42"), D("0.00"))
    assert p.funds.fiscal + p.funds.carryover + p.funds.other == p.amount
    # documents cited in the 实际完成情况 beside the goal stay the project's (p.31 信访研究宣传立法专项)
    cited = [d.title for d in the_project(national[PETITIONS_2024], "信访研究宣传立法专项").policy_documents]
    assert "《“十四五”时期信访工作发展规划》" in cited and "《信访工作条例》" in cited


def test_target_table_split_of_a_budget(national):
    """国家信访局 2026 预算 p.30 信息化运行维护绩效目标表: 年度资金总额 2,134.87 = 其中：财政拨款
    1,384.87 + 上年结转 750.00; 其他资金 printed as -."""
    p = the_project(national[PETITIONS_2026], "信息化运行维护")
    assert p.amount == D("2134.87")
    assert _funds(p) == (D("1384.87"), D("750.00"), None)
    assert p.initial_budget is None and p.executed is None  # a budget has no 自评


def test_records_keep_the_new_fields_through_json(national):
    record = national[PETITIONS_2024]
    data = record_json(record)
    row = next(p for p in data["projects"] if p["name"] == "信访干部培训专项")
    assert (row["initial_budget"], row["funds"]) == (
        "180.61", {"fiscal": "140.61", "carryover": "39.42", "other": "0.00"})
    assert record_json(record_from_json(data)) == data
    actual = next(i for i in row["indicators"] if i.get("actual"))
    assert actual["provenance"]["page"] >= 30


def test_graph_holds_the_split_and_the_initial_budget(national):
    from kg.rdf.mapping import record_to_graph
    from kg.vocabulary.namespaces import BKG

    _doc, graph = record_to_graph(national[PETITIONS_2024])
    rows = graph.query(
        "SELECT ?initial ?source ?amount WHERE { ?p a bkg:Project ; rdfs:label '信访干部培训专项' ;"
        " bkg:initialBudgetAmount ?initial ; bkg:fundsPart ?f . ?f a bkg:ProjectFunds ;"
        " bkg:fundingSource ?source ; bkg:amount ?amount }",
        initNs={"bkg": BKG, "rdfs": __import__("rdflib").namespace.RDFS})
    found = {str(r[1]).rsplit("/", 1)[-1]: D(str(r[2])) for r in rows}
    assert found == {"fiscal": D("140.61"), "carryover_total": D("39.42"), "unit_funds": D("0.00")}
    assert {D(str(r[0])) for r in rows} == {D("180.61")}
    actual = {str(r[0]) for r in graph.query(
        "SELECT ?a WHERE { ?i a bkg:PerformanceIndicator ; bkg:actualValue ?a }", initNs={"bkg": BKG})}
    assert actual


def _numbers(reply: dict) -> set[str]:
    return {a.get("value") for a in reply["answers"]}


def test_a_units_project_execution_asked(ask_national):
    """A unit with no budget of its own (the 实施单位 西安市中心血站) names its department's projects;
    the 自评 figures of one are asked (p.64 采供血专用设备类项目: 1413.84, 1318.72, 93.27%)."""
    reply = ask_national("西安市中心血站2022年的采供血专用设备类项目执行率是多少？")
    assert {"1413.84", "1318.72", "93.27"} <= _numbers(reply), reply["text"]
    assert "没有找到" not in reply["text"]


def test_projects_of_a_unit_counted(ask_national):
    """pp.60–69: ten 自评表 name 西安市中心血站 as their 实施单位."""
    reply = ask_national("西安卫健委2022年决算的自评项目中，实施单位为西安市中心血站的一共几个？")
    assert "共10个项目" in reply["text"], reply["text"]


def test_projects_under_an_execution_rate(ask_national):
    """Of the 中心血站's ten, three spent under 90%: 81.47%, 89.55%, 89.96% (pp.61, 62, 67)."""
    reply = ask_national("西安市中心血站2022年执行率低于90%的项目有哪些？")
    assert {"81.47", "89.55", "89.96"} <= _numbers(reply), reply["text"]
    assert "共3个" in reply["text"] or "3个" in reply["text"], reply["text"]
    assert "93.27" not in _numbers(reply)


def test_lowest_execution_rate_ranked(ask_national):
    """国家信访局 2024 决算: of its four 自评 projects 信息化运行维护 spent least of its budget (63.01%)."""
    reply = ask_national("国家信访局2024年执行率最低的项目是哪个？")
    assert "信息化运行维护" in reply["text"] and "63.01" in _numbers(reply), reply["text"]


def test_a_projects_carryover_part_asked(ask_national):
    """国家信访局 2026 p.31 信访综合保障经费: 其中 上年结转 90.00 of 2,706.79."""
    reply = ask_national("国家信访局2026年信访综合保障经费里有多少是上年结转的？")
    assert "90.00" in _numbers(reply), reply["text"]


def test_a_count_after_a_demonstrative_names_the_set_not_the_rank(ask_national):
    """那4个项目…最低的是哪个: the four are the set ranked; one project is asked (国家信访局 2024 决算)."""
    reply = ask_national("国家信访局2024年做了绩效自评的那4个项目，执行率最低的是哪个？")
    assert "执行率最低的1个" in reply["text"] and "63.01" in _numbers(reply), reply["text"]
    assert "77.13" not in _numbers(reply)
