"""Funding flows that conserve amounts, on the real corpus and realdocs graph (kg/rdf/flows.py,
kg/graph/flow_rows.py): exact figures as the documents print them."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kg.rdf import iris
from kg.graph.flow_rows import department_flows, node_balance
from kg.rdf.flows import functional_scope, plan_flows

CHANGJI = "昌吉州生态环境局"


@pytest.fixture(scope="module")
def changji_rows(shared_graph_store):
    return department_flows(shared_graph_store, CHANGJI, 2025)


def test_changji_sources_no_longer_double_count(changji_rows):
    """The issue's case: the flows out of the sources once summed to 5,687.01 against an income of
    4,678.70, 上级转移支付 counted twice. Now it flows into 一般公共预算拨款, the part inside it."""
    into_dept = {r.source_label: r.amount for r in changji_rows if r.kind in ("income", "carryover")}
    assert into_dept == {"一般公共预算拨款": D("1744.68"), "上年财政拨款结转": D("2904.03"),
                         "上年非财政拨款结转": D("30")}
    assert sum(into_dept.values()) == D("4678.71")  # the printed parts; 表1 prints 4678.70 (a finding)
    (transfer,) = [r for r in changji_rows if r.kind == "transfer"]
    assert (transfer.source_label, transfer.target_label, transfer.amount) == ("上级转移支付", "一般公共预算拨款",
                                                                               D("1008.3"))


def test_changji_expenditure_balances(changji_rows):
    dept = str(iris.department(CHANGJI))
    balance = node_balance(changji_rows)
    assert balance[dept] == (D("4678.71"), D("4678.70"))
    subjects = {r.target_label: r.amount for r in changji_rows if r.kind == "subject"}
    assert subjects == {"一般公共服务支出": D("20"), "社会保障和就业支出": D("62.6"), "卫生健康支出": D("21.49"),
                        "节能环保支出": D("4542.38"), "住房保障支出": D("32.23")}
    # every 类 passes on what it receives (节能环保 by 0.02: its 基本 column 305.36 and its 项's 项目
    # columns 4237.04 — the 类 itself prints 4237.03 — pass on 4542.40)
    for code, (inflow, outflow) in ((c, balance[str(iris.functional_subject(c))]) for c in
                                    ("201", "208", "210", "221")):
        assert inflow == outflow, code
    assert balance[str(iris.functional_subject("211"))] == (D("4542.38"), D("4542.40"))
    projects = [r for r in changji_rows if r.kind == "project"]
    assert len(projects) == 17 and len({r.target for r in projects}) == 17  # one flow per project
    # the 11 carried-over projects print no subject: the 项 columns place every one of them
    assert {r.source_label for r in projects} == {"一般公共服务支出", "节能环保支出"}
    assert not [r for r in changji_rows if r.target_label == "未细化到科目"]


def test_no_project_is_funded_twice(shared_graph_store):
    """No source -> project edge beside the department's: a project has exactly one inflow."""
    rows = shared_graph_store.query("""PREFIX bkg: <https://budgetkg.org/ontology#>
      SELECT ?p (COUNT(?f) AS ?n) WHERE { ?f a bkg:FundingFlow ; bkg:flowTarget ?p . ?p a bkg:Project }
      GROUP BY ?p HAVING (COUNT(?f) > 1)""").values()
    assert rows == []


def test_every_flow_has_year_phase_department_and_unit(shared_graph_store):
    rows = shared_graph_store.query("""PREFIX bkg: <https://budgetkg.org/ontology#>
      SELECT (COUNT(?f) AS ?n) WHERE { ?f a bkg:FundingFlow .
        FILTER NOT EXISTS { ?f bkg:fiscalYear ?y ; bkg:budgetPhase ?ph ; bkg:department ?d ;
                               bkg:unitMultiplier 4 ; bkg:currency ?c } }""").values()
    assert rows == [(0,)]


def test_conservation_of_every_shared_budget(shared_records):
    """Conservation holds or is reported: the gaps are exactly the printed rounding cents."""
    gaps = {}
    for record in shared_records:
        for check in plan_flows(record).checks:
            if not check.ok:
                gaps[(record.department, record.year, check.where.split(" ", 1)[1])] = (check.expected,
                                                                                       check.printed)
    assert len(shared_records) == 10
    assert gaps == {
        ("昌吉回族自治州生态环境局", 2025, "资金流入合计 = 收入总计"): (D("4678.71"), D("4678.70")),
        ("上海市普陀区财政局", 2024, "资金流出合计 = 支出总计"): (D("2995.40"), D("2995.39")),
    }


def test_scope_of_the_functional_table(shared_records, shared_graph_store):
    """江苏省政协's 公开07表 covers 财政拨款 only (Σ类 13297.11 = 财政拨款, not 支出总计 13377.11):
    the graph says so, and the rest is an explicit share."""
    scopes = {(r.department, r.year): functional_scope(r) for r in shared_records}
    assert scopes[("江苏省政协办公厅", 2019)] == "fiscal"
    assert scopes[("上海市普陀区财政局", 2024)] == "current_year"
    assert sum(1 for s in scopes.values() if s == "all_funds") == 8
    rows = department_flows(shared_graph_store, "江苏省政协办公厅", 2019)
    (outside,) = [r for r in rows if r.kind == "outside_scope"]
    assert (outside.target_label, outside.amount) == ("未按功能科目列示的资金", D("80"))
    # the main table's cells; its 一般公共预算支出表 is a data set of its own carrying that scope
    query = """PREFIX bkg: <https://budgetkg.org/ontology#> PREFIX qb: <http://purl.org/linked-data/cube#>
      SELECT DISTINCT ?scope WHERE { ?o bkg:amountScope ?scope ; bkg:department ?d ; bkg:fiscalYear ?y .
        ?y bkg:year 2019 . ?d bkg:key ?k FILTER(CONTAINS(?k, "政协")) %s }"""
    main = shared_graph_store.query(query % "FILTER NOT EXISTS { ?o qb:dataSet/bkg:amountScope ?narrow }").values()
    assert main == [(str(iris.amount_scope("fiscal")),)]
    narrow = shared_graph_store.query(query % "?o qb:dataSet/bkg:amountScope ?scope").values()
    assert narrow == [(str(iris.amount_scope("general_public_budget")),)]


def test_final_account_carries_its_year_end_share(shared_graph_store):
    rows = department_flows(shared_graph_store, "上海市普陀区财政局", 2024, "部门决算")
    shares = {r.target_label: r.amount for r in rows if r.kind == "carryover_year_end"}
    assert shares == {"年末结转和结余": D("55.34")}
    assert department_flows(shared_graph_store, "上海市普陀区财政局", 2024, "budget") == []


def test_stated_reserve_is_a_share_of_its_subject():
    """Where the 说明 states a 单位预留机动经费, the part of a 类 its 基本 and 项目 columns leave
    flows to 预留机动经费 (the 类 conserves); without such a statement nothing is invented."""
    from kg.extract.model import FunctionalSubject, NarrativeFigure, Record, Totals

    def record(narrative):
        return Record(source="r.txt", department="青山市生态环境局", year=2025, kind="部门预算", unit="万元",
                      totals=Totals(income_total=D("100"), expenditure_total=D("100"), general_public_budget=D("100")),
                      functional_subjects=[FunctionalSubject("211", "节能环保支出", D("100"), D("60"), D("30"))],
                      narrative=narrative)

    stated = [NarrativeFigure("expenditure", "reserve", "单位预留机动经费", D("10"), "10", "万元")]
    plan = plan_flows(record(stated))
    (reserve,) = [f for f in plan.flows if f.kind == "reserve"]
    assert (reserve.source.key, reserve.target.key, reserve.amount) == ("211", "reserve", D("10"))
    assert all(c.ok for c in plan.checks)
    assert [f for f in plan_flows(record([])).flows if f.kind == "reserve"] == []


def test_carried_over_projects_are_placed_under_their_item(shared_graph_store):
    """昌吉's 表11 prints its 11 carried-over projects without a subject; each 项's 项目 column, less
    the projects 表7 prints under it, is matched by one and only one grouping of them (大气 2013.10
    − 63.70 − 1008.30 = 941.10 = 488.50 + 388.00 + 64.60), so each flow names its 项."""
    rows = shared_graph_store.query(f"""PREFIX bkg: <https://budgetkg.org/ontology#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT ?item ?name ?amount WHERE {{ ?f a bkg:FundingFlow ; bkg:functionalItem ?i ; bkg:amount ?amount ;
        bkg:flowTarget ?p ; bkg:department <{iris.department(CHANGJI)}> .
        ?i skos:notation ?item . ?p rdfs:label ?name }}""").values()
    placed = sorted((str(item), D(str(amount))) for item, _name, amount in rows)
    assert placed == sorted([
        ("2111101", D("1791.74")), ("2110301", D("488.50")), ("2110301", D("388.00")), ("2110301", D("64.60")),
        ("2110199", D("68.64")), ("2110199", D("23.60")), ("2110199", D("6.58")), ("2110399", D("38.98")),
        ("2110107", D("31.40")), ("2110102", D("30.00")), ("2110203", D("2.00"))])
    assert sum(a for _, a in placed) == D("2934.04")
    named = {str(name) for _item, name, _a in rows}
    assert "排污许可证核查与审核" in named and "昌吉州生态环境保护监管能力提升建设项目" in named


def test_placement_only_where_the_tables_force_it():
    """Two 项 leaving the same money for one project: either could hold it, so neither does and the
    project stays under 未细化到科目; a grouping that does not fill its 项 to the cent places nothing."""
    from kg.extract.model import FunctionalSubject, Project, Record, Totals
    from kg.rdf.flows import place_by_items

    def record(items, amounts):
        subjects = [FunctionalSubject("211", "节能环保支出", D("100"), None, D("100"))] + \
            [FunctionalSubject(code, "项", amount, None, amount) for code, amount in items]
        return Record(source="r.txt", department="青山市生态环境局", year=2025, kind="部门预算", unit="万元",
                      totals=Totals(income_total=D("100"), expenditure_total=D("100"), general_public_budget=D("100")),
                      functional_subjects=subjects,
                      projects=[Project(f"结转项目{i}", amount=a, category="carryover") for i, a in enumerate(amounts)])

    forced = record([("2110301", D("60")), ("2110399", D("40"))], [D("25"), D("40"), D("35")])
    assert place_by_items(forced, [0, 1, 2]) == {0: "2110301", 1: "2110399", 2: "2110301"}
    plan = plan_flows(forced)
    assert {f.target.key: f.item for f in plan.flows if f.kind == "project"} == {"0": "2110301", "1": "2110399",
                                                                                  "2": "2110301"}
    assert all(c.ok for c in plan.checks)
    assert place_by_items(record([("2110301", D("50")), ("2110399", D("50"))], [D("50")]), [0]) == {}
    assert place_by_items(record([("2110301", D("60")), ("2110399", D("40"))], [D("59"), D("41")]), [0, 1]) == {}
    unplaced = plan_flows(record([("2110301", D("50")), ("2110399", D("50"))], [D("50")]))
    assert [(f.source.key, f.item) for f in unplaced.flows if f.kind == "project"] == [("unassigned_subject", None)]
