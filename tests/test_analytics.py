"""kg/analytics on real graphs: the small 青山市 graph (no ../shared needed), the corpus, the
real PDFs of realdocs and the national disclosures. Exact figures, as printed; the projections
are read by SPARQL for the scope asked; every export loads back with the same nodes, edges and
amounts (also through the real CLI on an on-disk store)."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D

import pytest

from kg.analytics import export
from kg.analytics.conservation import conservation, recorded_gaps
from kg.analytics.flows import flow_graph, total
from kg.analytics.peers import peers
from kg.analytics.policy import by_centrality, dependency_graph, policy_reach
from kg.analytics.related import related_projects
from kg.analytics.source import Scope, store_select
from kg.analytics.trace import resolve, trace
from kg.analytics.yoy import year_over_year
from kg.names.department import department_kind


@pytest.fixture(scope="module")
def small(nlp_small_store):
    return store_select(nlp_small_store)


def edges_by_label(g) -> dict[tuple[str, str], D]:
    return {(g.nodes[a]["label"], g.nodes[b]["label"]): amount for a, b, amount in g.edges(data="amount")}


# ---------------------------------------------------------------- the small graph (a bare clone)
def test_flows_of_one_department_take_its_latest_year_only(small):
    g = flow_graph(small, Scope(department="青山市生态环境局"))
    assert (g.graph["year"], g.graph["phase"]) == ("2025", "budget")
    assert total(g) == D("3528.45")  # = 收入总计: 上级转移支付 flows inside 一般公共预算, not twice
    assert (g.number_of_nodes(), g.number_of_edges()) == (20, 22)
    edges = edges_by_label(g)
    assert edges[("一般公共预算拨款", "青山市生态环境局")] == D("1706.71")
    assert edges[("上级转移支付", "一般公共预算拨款")] == D("1008.30")
    assert edges[("青山市生态环境局", "节能环保支出")] == D("3416.32")
    assert edges[("节能环保支出", "基本支出")] == D("305.36")
    assert edges[("节能环保支出", "生态环境监测网络运维")] == D("1791.74")
    assert edges[("一般公共服务支出", "“美丽青山”宣传活动经费")] == D("20.00")
    earlier = flow_graph(small, Scope(department="青山市生态环境局", year=2024))
    assert (earlier.graph["year"], total(earlier), earlier.number_of_nodes()) == ("2024", D("3106.60"), 17)


def test_region_projection_holds_every_department_of_the_region_for_one_year(small):
    g = flow_graph(small, Scope(region="青山"))
    assert g.graph["year"] == "2025" and total(g) == D("5372.13")
    assert sorted(g.nodes[n]["label"] for n, k in g.nodes(data="kind") if k == "department") == \
        ["青山市教育局", "青山市生态环境局"]


def test_trace_lists_every_path_from_a_source_to_the_projects(small):
    g = flow_graph(small, Scope(department="青山市生态环境局"))
    assert len(trace(g)) == 36  # 4 sources × 9 projects
    (transfer,) = resolve(g, "上级转移支付")
    paths = trace(g, transfer)
    assert len(paths) == 9
    first = paths[0]
    assert first.labels == ("上级转移支付", "一般公共预算拨款", "青山市生态环境局", "节能环保支出", "生态环境监测网络运维")
    assert first.amounts == (D("1008.30"), D("1706.71"), D("3416.32"), D("1791.74")) and first.reaching == D("1791.74")


def test_conservation_holds_for_the_department_and_reports_a_subject_that_passes_on_more(small):
    g = flow_graph(small, Scope(department="青山市生态环境局"))
    (gap,) = conservation(g)  # the department balances: 3,528.45 in and out
    assert (gap.label, gap.kind, gap.inflow, gap.outflow, gap.difference) == \
        ("节能环保支出", "subject", D("3416.32"), D("3514.96"), D("-98.64"))


def test_year_over_year_compares_two_documents_and_checks_the_narrative(small):
    y = year_over_year(small, "青山市生态环境局")
    assert y.mode == "documents" and (y.previous.year, y.current.year) == ("2024", "2025")
    figures = {f.item: (f.previous, f.current, f.change, f.percent) for f in y.figures}
    assert figures["expenditure_total"] == (D("3106.60"), D("3528.45"), D("421.85"), D("13.58"))
    assert figures["three_public.total"] == (D("6.45"), D("6.39"), D("-0.06"), D("-0.93"))
    assert figures["procurement.total"] == (D("1315.75"), D("1592.30"), D("276.55"), D("21.02"))
    # the narrative says 一般公共预算 1,586.21 → 1,706.71; the 2024 table printed 1,456.35
    stated = {s.subject: s for s in y.stated}
    assert set(stated) == {"一般公共预算", "机关运行经费"}
    general = stated["一般公共预算"]
    assert (general.previous, general.current, general.confirmed) == (D("1586.21"), D("1706.71"), False)
    operating = stated["机关运行经费"]
    assert (operating.previous, operating.current, operating.amount, operating.reason) == \
        (D("120.76"), D("123.96"), D("3.20"), "办公楼取暖面积增加")


def test_policy_reach_and_peers(small):
    (reach,) = policy_reach(dependency_graph(small))
    assert (reach.label, reach.projects, reach.departments, reach.money, reach.centrality) == \
        ("《排放源统计调查制度》", 1, 1, D("30.00"), 0.5)
    group = {p.label: p for p in peers(small)}
    assert group["青山市生态环境局"].values == {
        "expenditure_total": D("3528.45"), "basic_share": D("11.27"), "project_share": D("88.73"),
        "three_public_per_staff": D("0.1253"), "operating_per_staff": D("2.4306")}
    assert group["青山市教育局"].values["operating_per_staff"] == D("2.3500")
    assert all(not p.outliers for p in group.values())  # two peers: no fences


def test_related_projects_share_subjects_topics_and_units(small):
    (project,) = small("SELECT ?p WHERE { ?p a bkg:Project ; rdfs:label '排放源统计年报审核' ; "
                       "bkg:fiscalYear/bkg:year 2025 }")
    related = related_projects(small, project["p"])
    assert len(related) == 15
    top = related[0]
    assert (top.label, top.year, top.score) == ("排放源统计年报审核", "2024", 3)
    assert top.shared == {"subject": ["一般行政管理事务"], "topic": ["生态环境统计"], "unit": ["青山市生态环境局"]}


@pytest.mark.parametrize("fmt", ["json", "csv", "graphml", "gexf"])
def test_exports_load_back_with_the_same_nodes_edges_and_amounts(small, fmt):
    for g in (flow_graph(small, Scope(department="青山市生态环境局")), dependency_graph(small)):
        text = export.write(g, fmt)
        back = export.read(text, fmt, g.is_directed())
        assert set(back.nodes) == set(g.nodes)
        assert export.edge_amounts(back) == export.edge_amounts(g)
        assert all(isinstance(a, D) for a in export.edge_amounts(back).values() if a is not None)
        if fmt == "csv":
            assert text.startswith("\ufeff")


def test_cli_writes_graphml_and_csv_that_load_back(tmp_path):
    from tests.web_support import build_oxigraph_store

    url = build_oxigraph_store(tmp_path / "oxi")

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kg.cli", *args, "--store", url],
                              capture_output=True, text=True, timeout=120)

    out = cli("flows", "--department", "青山市生态环境局", "--format", "graphml")
    assert out.returncode == 0, out.stderr
    g = export.read(out.stdout, "graphml")
    assert edges_by_label(g) == {
        ("一般公共预算拨款", "青山市生态环境局"): D("1000.00"), ("上级转移支付", "一般公共预算拨款"): D("200.00"),
        ("上年财政拨款结转", "青山市生态环境局"): D("300.00"), ("青山市生态环境局", "节能环保支出"): D("1500.00"),
        ("节能环保支出", "基本支出"): D("600.00"), ("节能环保支出", "空气质量自动监测站运维费"): D("500.00"),
        ("节能环保支出", "大气污染源排放清单编制"): D("200.00"), ("节能环保支出", "河流断面水质监测"): D("200.00")}
    # this invented budget prints 收入总计 1,500 but sources of 1,000 + 300: the gap is reported
    assert "conservation: 青山市生态环境局 receives 1300.00 but passes on 1500.00" in out.stderr
    deps = cli("deps", "--format", "csv")
    assert deps.returncode == 0 and deps.stdout.startswith("\ufeffpolicy,number,projects")
    assert "《青山市大气污染防治行动计划》,青政发〔2023〕12号,3,1,900.00" in deps.stdout
    gexf = cli("deps", "--format", "gexf")
    assert export.read(gexf.stdout, "gexf", directed=False).number_of_edges() == 5
    missing = cli("trace", "--department", "青山市生态环境局", "--source", "国债")
    assert missing.returncode == 1 and "sources: " in missing.stderr


# ---------------------------------------------------------------- ../shared


@pytest.mark.shared
def test_corpus_flows_policy_reach_and_narrative(nlp_corpus_store):
    select = store_select(nlp_corpus_store)
    g = flow_graph(select, Scope(department="克孜勒苏"))
    assert (g.graph["year"], total(g), g.number_of_nodes(), g.number_of_edges()) == ("2024", D("2448.62"), 14, 14)
    edges = edges_by_label(g)
    assert edges[("单位资金", "克孜勒苏柯尔克孜自治州生态环境局")] == D("260.00")
    assert edges[("节能环保支出", "2024年环保业务经费")] == D("71.00")
    # the unit-funds projects print no subject; 行政运行's 项目 column (260.00) places both, and
    # the 项 (bkg:functionalItem of their flows) is a node between the 类 and them
    assert edges[("节能环保支出", "行政运行")] == D("260.00")
    assert edges[("行政运行", "其他资金收入经费项目")] == D("230.00")
    assert edges[("行政运行", "2023年结余资金")] == D("30.00")
    assert ("节能环保支出", "其他资金收入经费项目") not in edges
    assert len(trace(g)) == 14
    assert conservation(g) == []  # 2,448.62 in, 2,448.62 out, every subject passes on what it receives
    changji = flow_graph(select, Scope(department="昌吉州生态环境局"))
    assert [(gap.label, gap.difference) for gap in conservation(changji)] == \
        [("节能环保支出", D("-0.02")), ("昌吉回族自治州生态环境局", D("0.01"))]
    # the same rounding gaps the graph records as findings of the document
    assert [(r["where"], r["expected"], r["printed"]) for r in recorded_gaps(select, Scope(department="昌吉州生态环境局"))] == [
        ("昌吉回族自治州生态环境局 资金流入合计 = 收入总计", D("4678.71"), D("4678.70"))]
    reach = policy_reach(dependency_graph(select))
    assert len(reach) == 33 and (reach[0].label, reach[0].money) == ("《“十四五”生态环境监测规划》", D("1008.30"))
    central = by_centrality(reach)[0]
    assert (central.label, central.projects, central.centrality) == ("关于执法能力建设项目预算的通知", 2, 0.027027)
    y = year_over_year(select, "克孜勒苏")
    assert y.mode == "narrative" and len(y.stated) == 16


@pytest.mark.shared
def test_realdocs_peers_mark_outliers(corpus_realdocs_store):
    group = peers(store_select(corpus_realdocs_store))
    by_name = {p.label: p for p in group}
    assert len(group) == 9
    assert by_name["江苏省人大常委会办公厅"].values == {
        "expenditure_total": D("13649.07"), "basic_share": D("56.17"), "project_share": D("42.89"),
        "three_public_per_staff": D("2.4590"), "operating_per_staff": D("16.5761")}
    assert by_name["江苏省人大常委会办公厅"].outliers == ["operating_per_staff"]
    assert by_name["江苏省高级人民法院"].outliers == ["expenditure_total"]
    assert by_name["上海市普陀区商务委员会"].values["expenditure_total"] == D("37151.4655")


@pytest.mark.shared
def test_national_flows_and_peers(national_store):
    select = store_select(national_store)
    g = flow_graph(select, Scope(department="长沙市信访局"))
    assert (g.graph["year"], total(g)) == ("2026", D("1935.36"))
    group = {p.label: p.values for p in peers(select, "信访")}
    assert group["国家信访局"]["expenditure_total"] == D("50616.94")
    assert (group["长沙市信访局"]["basic_share"], group["长沙市信访局"]["project_share"]) == (D("78.43"), D("21.57"))
    assert group["长春市信访局（本级）"]["expenditure_total"] == D("1682.76")


@pytest.mark.shared
def test_national_peers_of_a_department_kind(national_store):
    """Peers by kind: every 财政局 wherever it sits (市, 区, 本级), every 信访局 (国家 or 市)."""
    select = store_select(national_store)
    assert sorted(p.label for p in peers(select, same_kind_as="湖州市财政局")) == [
        "北京市财政局", "深圳市财政局（本级）", "湖州市财政局", "烟台市财政局"]
    assert sorted(p.label for p in peers(select, same_kind_as="国家信访局")) == [
        "国家信访局", "长春市信访局（本级）", "长沙市信访局"]


def test_department_kind_ignores_place_level_and_scope():
    assert {department_kind(n) for n in ("昌吉回族自治州生态环境局", "上海市环保局", "江苏省生态环境厅")} == {"生态环境"}
    assert (department_kind("国家信访局"), department_kind("长春市信访局（本级）")) == ("信访", "信访")
    assert department_kind("上海市普陀区社会福利院") == "社会福利院"
    assert department_kind("上海市普陀区商务委员会") == "商务"
