"""Records -> RDF: stable IRIs, exact amounts, flows, dependency edges, topics, provenance,
findings and the privacy rule, on small hand-made records (no ../shared needed)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.extract.deserialize import load_records, record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.flows import plan_flows
from kg.rdf.mapping import parse_target, policy_issued_year, project_iris, record_to_graph, to_wan
from kg.vocabulary.namespaces import BKG, ID, QB
from kg.rdf.privacy import contains_phone, scrub
from kg.store import open_store
from kg.graph.load import ingest_records
from tests.graph_records import DEPT_A_LONG, DEPT_A_SHORT, DEPT_C, record_a, record_b, record_c


@pytest.fixture(scope="module")
def graph_a() -> tuple[URIRef, Graph]:
    return record_to_graph(record_a())


def amount(g: Graph, node) -> Decimal:
    values = list(g.objects(node, BKG.amount))
    assert len(values) == 1, values
    assert values[0].datatype == XSD.decimal
    return Decimal(str(values[0]))


def test_department_aliases_meet():
    assert iris.department(DEPT_A_LONG) == iris.department(DEPT_A_SHORT)
    assert iris.department_key("克孜勒苏柯尔克孜自治州生态环境局") == iris.department_key("克孜勒苏州生态环境局")
    assert iris.department(DEPT_A_LONG) != iris.department(DEPT_C)
    assert iris.department(" 昌吉州 生态环境局 ") == iris.department(DEPT_A_SHORT)


def test_subject_and_year_iris():
    assert iris.functional_subject("2110301") == ID["subject/functional/2110301"]
    assert iris.economic_subject("30101") == ID["subject/economic/30101"]
    assert iris.year(2025) == ID["year/2025"]
    assert iris.parent_code("2110301") == "21103" and iris.parent_code("21103") == "211"
    assert iris.parent_code("211") is None


def test_policy_iri_by_normalised_number_else_title():
    a = record_a().policy_documents[0]
    b = record_b().projects[0].policy_documents[0]  # 国发[2013]37号 with other brackets and title
    assert iris.policy(a.key()) == iris.policy(b.key())
    t1 = record_a().policy_documents[1]
    from kg.extract.model import PolicyDocument

    assert iris.policy(t1.key()) == iris.policy(PolicyDocument("环境宣传教育行动纲要", None).key())


def test_project_iris_stable_and_distinct():
    a1, a2 = project_iris(record_a()), project_iris(record_a())
    assert a1 == a2 and len(set(a1)) == 3
    # same name, current and carried over in one document: two projects
    r = record_a()
    r.projects[2].name = r.projects[0].name
    r.projects[2].category = "carryover"
    assert len(set(project_iris(r))) == 3


def test_document_is_its_graph(graph_a):
    doc, g = graph_a
    assert doc == iris.document(DEPT_A_SHORT, 2024, "部门预算", "whatever")
    assert (doc, RDF.type, BKG.BudgetDocument) in g
    assert (doc, BKG.department, iris.department(DEPT_A_LONG)) in g
    assert (doc, BKG.fiscalYear, iris.year(2024)) in g
    assert (doc, BKG.budgetPhase, ID["phase/budget"]) in g
    assert (doc, BKG.authorizedStaff, Literal(20)) in g
    assert (doc, BKG.actualStaff, Literal(30)) in g
    assert (doc, BKG.checkCount, Literal(2)) in g
    assert set(g.objects(doc, BKG.sourceFile)) == {Literal("a_2024.txt")}


def test_department_node(graph_a):
    _doc, g = graph_a
    d = iris.department(DEPT_A_LONG)
    # one label, the title's; the other printed form (a project's 实施单位 昌吉州生态环境局) is an alias
    assert set(g.objects(d, RDFS.label)) == {Literal(DEPT_A_LONG)}
    assert {Literal(DEPT_A_LONG), Literal(DEPT_A_SHORT)} <= set(g.objects(d, SKOS.altLabel))
    assert set(g.objects(d, SKOS.prefLabel)) == set()  # one per department: the registry graph
    units = sorted(str(g.value(u, RDFS.label)) for u in g.objects(d, URIRef("http://www.w3.org/ns/org#hasUnit")))
    assert units == ["办公室", "大气环境科"]


def test_totals_observations_exact(graph_a):
    doc, g = graph_a
    obs = iris.inside(doc, "obs", "item", "general_public_budget")
    assert (obs, RDF.type, QB.Observation) in g
    assert (obs, BKG.item, ID["item/general_public_budget"]) in g
    assert (obs, BKG.fundingSource, ID["funding/general_public_budget"]) in g
    assert (obs, QB.dataSet, iris.inside(doc, "dataset")) in g
    assert amount(g, obs) == Decimal("450.00")
    tp = iris.inside(doc, "obs", "item", "three_public.total")
    assert amount(g, tp) == Decimal("5.00")
    loc = g.value(tp, PROV.wasDerivedFrom)
    assert (loc, BKG.table, Literal("表10")) in g and (loc, BKG.line, Literal(120)) in g
    assert (tp, BKG.printedValue, Literal("5.00")) in g and (loc, BKG.printedUnit, Literal("万元")) in g
    # blank figures are not in the graph; printed zeros are
    assert (iris.inside(doc, "obs", "item", "government_fund"), None, None) not in g
    assert amount(g, iris.inside(doc, "obs", "item", "unit_funds")) == Decimal("0")


def test_subject_rows(graph_a):
    doc, g = graph_a
    s = iris.functional_subject("2110301")
    assert (s, SKOS.broader, iris.functional_subject("21103")) in g
    assert (iris.functional_subject("21103"), SKOS.broader, iris.functional_subject("211")) in g
    assert (s, SKOS.notation, Literal("2110301")) in g and (s, BKG.level, Literal(3)) in g
    assert (s, SKOS.prefLabel, Literal("大气")) in g
    total = iris.inside(doc, "obs", "functional", "2110301", "total")
    assert amount(g, total) == Decimal("200.00")
    assert (total, BKG.expenditureKind, ID["expenditure-kind/total"]) in g
    assert (iris.inside(doc, "obs", "functional", "2110301", "basic"), None, None) not in g
    assert amount(g, iris.inside(doc, "obs", "economic", "30101", "personnel")) == Decimal("250.00")


def test_project_edges(graph_a):
    doc, g = graph_a
    p = project_iris(record_a())[0]
    dept = iris.department(DEPT_A_LONG)
    assert amount(g, p) == Decimal("150.00")
    assert (p, BKG.category, ID["category/current"]) in g
    assert (p, BKG.classifiedAs, iris.functional_subject("2110301")) in g
    assert (p, BKG.fundedBy, ID["funding/general_public_budget"]) in g
    assert (p, BKG.responsibleUnit, dept) in g  # the short name resolves to the department
    assert (dept, BKG.allocates, p) in g
    assert (p, BKG.basedOn, iris.policy(record_a().policy_documents[0].key())) in g
    assert (p, SKOS.altLabel, Literal("大气监测项目")) in g
    assert set(g.objects(p, BKG.concerns)) == {ID["topic/air"], ID["topic/monitoring"]}
    p2 = project_iris(record_a())[1]
    assert set(g.objects(p2, BKG.concerns)) == {ID["topic/publicity"]}
    assert (p2, BKG.fundedBy, ID["funding/upper_level_transfer"]) in g


def test_funding_flows(graph_a):
    """The flows conserve amounts: 上级转移支付 flows into 一般公共预算拨款 (the part inside it), never
    a second time into the department; the department's money goes to its functional 类, the 类
    to 基本支出, to the project placed under it and to the 未细化到科目 share the projects without a
    subject draw from. No source -> project flow (that is the project's bkg:fundedBy)."""
    doc, g = graph_a
    flows = {}
    for f in g.subjects(RDF.type, BKG.FundingFlow):
        flows[(g.value(f, BKG.flowSource), g.value(f, BKG.flowTarget))] = Decimal(str(g.value(f, BKG.amount)))
        assert (f, BKG.document, doc) in g and (f, BKG.fiscalYear, iris.year(2024)) in g
        assert (f, BKG.budgetPhase, iris.phase("budget")) in g and (f, BKG.unitMultiplier, Literal(4)) in g
    dept = iris.department(DEPT_A_LONG)
    p1, p2, p3 = project_iris(record_a())
    subject, share = iris.functional_subject("211"), iris.inside(doc, "share", "unassigned_subject")
    assert flows == {
        (ID["funding/general_public_budget"], dept): Decimal("450.00"),
        (ID["funding/upper_level_transfer"], ID["funding/general_public_budget"]): Decimal("100.00"),
        (ID["funding/carryover_fiscal"], dept): Decimal("50.00"),
        (dept, subject): Decimal("500.00"), (subject, iris.inside(doc, "share", "basic")): Decimal("300.00"),
        (subject, p1): Decimal("150.00"), (subject, share): Decimal("50.00"),
        (share, p2): Decimal("50.00"), (share, p3): Decimal("50.00"),
    }  # unit_funds 0.00 makes no flow
    # the fictional record's projects (250) exceed its 项目支出 column (200): the share's gap is a finding
    findings = {str(g.value(f, BKG.where)): (Decimal(str(g.value(f, BKG.expectedAmount))),
                                             Decimal(str(g.value(f, BKG.printedAmount))))
                for f in g.subjects(RDF.type, BKG.Finding) if str(g.value(f, BKG.rule)) == "flow_conservation"}
    assert findings == {f"{DEPT_A_LONG} 未细化到科目 项目合计 ≤ 科目项目支出余额": (Decimal("100.00"), Decimal("50.00"))}


def test_indicators(graph_a):
    doc, g = graph_a
    p = project_iris(record_a())[0]
    rows = {}
    for i in g.subjects(BKG.measures, p):
        rows[str(g.value(i, RDFS.label))] = (
            str(g.value(i, BKG.target)), g.value(i, BKG.comparison), Decimal(str(g.value(i, BKG.targetValue))),
            g.value(i, BKG.targetUnit), Decimal(str(g.value(i, BKG.weight))),
            sorted(str(k).rsplit("/", 1)[-1] for k in g.objects(i, BKG.indicatorKind)))
    assert rows == {
        "监测站点数": (">=10个", Literal(">="), Decimal("10"), Literal("个"),
                   Decimal("20"), ["quantity"]),
        "公众知晓率": (">=90%", Literal(">="), Decimal("90"), Literal("%"),
                   Decimal("10"), ["benefit", "social_benefit"]),
        "群众满意度": (">=95%", Literal(">="), Decimal("95"), Literal("%"),
                   Decimal("10"), ["satisfaction"]),
    }
    dept_ind = list(g.subjects(BKG.measures, iris.department(DEPT_A_LONG)))
    assert [str(g.value(i, RDFS.label)) for i in dept_ind] == ["监测报告数量"]


def test_parse_target():
    assert parse_target(">=160个") == (">=", Decimal("160"), "个")
    assert parse_target("=100%") == ("=", Decimal("100"), "%")
    assert parse_target("<=32.3万元") == ("<=", Decimal("32.3"), "万元")
    assert parse_target("2025年12月10日前") == (None, None, None)
    assert parse_target("有效提升") == (None, None, None)


def test_policy_documents(graph_a):
    doc, g = graph_a
    pol = iris.policy(record_a().policy_documents[0].key())
    assert (pol, RDF.type, BKG.PolicyDocument) in g
    assert (pol, DCTERMS.title, Literal("《大气污染防治行动计划》")) in g
    assert (pol, BKG.documentNumber, Literal("国发〔2013〕37号")) in g
    assert (pol, DCTERMS.issued, Literal("2013", datatype=XSD.gYear)) in g
    assert (doc, BKG.cites, pol) in g
    assert policy_issued_year("生态环境部部令第29号（2023年）") == 2023
    assert policy_issued_year("HJ212-2017") == 2017  # a standard's number ends with its year
    assert (pol, BKG.issuerName, Literal("国务院")) in g  # 国发: a national prefix of the table
    assert (pol, BKG.issuerBasis, Literal("prefix-table")) in g
    assert (pol, BKG.policyKind, iris.policy_kind("plan")) in g


@pytest.mark.parametrize("number, title, year, issuer, basis, kind", [
    ("环办监测函〔2021〕218号", "《关于印发〈监测网络能力建设方案〉的通知》", 2021, "生态环境部办公厅", "prefix-table", "notice"),
    ("新环办便函〔2023〕25号", "《关于开展…工作的通知》", 2023, None, None, "notice"),  # provincial: not read
    ("昌州财建【2024】126号", None, 2024, None, None, None),  # a local prefix is never guessed
    ("财行〔2007〕179号", "《财政部、司法部关于进一步加强人民调解经费保障的意见》", 2007, "财政部、司法部", "title", "opinion"),
    ("生态环境部部令第29号（2023年）", "《生态环境统计管理办法》", 2023, "生态环境部", "number", "order"),
    ("HJ 212-2017", "《污染物在线监控（监测）系统数据传输标准》", 2017, None, None, "standard"),
    ("GB/T39786-2021", None, 2021, None, None, "standard"),
    (None, "《“十四五”生态环境监测规划》", None, None, None, "plan"),
    (None, "《昌吉州新污染物治理工作实施方案》", None, None, None, "programme"),
    (None, "《“美丽中国，志愿有我”生态环境志愿服务实施方案（2025-2027年）》", None, None, None, "programme"),
])
def test_policy_facts(number, title, year, issuer, basis, kind):
    from kg.rdf.policy import facts

    f = facts(number, title)
    assert (f.year, f.issuer, f.issuer_basis, f.kind) == (year, issuer, basis, kind)


def test_findings_are_the_failed_checks(graph_a):
    doc, g = graph_a
    findings = [f for f in g.objects(doc, BKG.hasFinding)  # the flow gap: test_funding_flows
                if g.value(f, BKG.rule) != Literal("flow_conservation")]
    assert len(findings) == 1
    f = findings[0]
    assert (f, BKG.where, Literal("表3 211")) in g and (f, BKG.rule, Literal("children_sum")) in g
    assert Decimal(str(g.value(f, BKG.expectedAmount))) == Decimal("500.01")
    assert Decimal(str(g.value(f, BKG.printedAmount))) == Decimal("500.00")
    assert (g.value(f, PROV.wasDerivedFrom), BKG.table, Literal("表3")) in g


def test_definitions(graph_a):
    doc, g = graph_a
    d = g.value(doc, BKG.defines)
    assert (d, BKG["term"], Literal("三公经费")) in g


def test_yuan_converted_exactly():
    doc, g = record_to_graph(record_c())
    assert amount(g, iris.inside(doc, "obs", "item", "general_public_budget")) == Decimal("203.862")
    obs = iris.inside(doc, "obs", "item", "three_public.total")
    assert amount(g, obs) == Decimal("1.234567")
    loc = g.value(obs, PROV.wasDerivedFrom)
    assert (obs, BKG.printedValue, Literal("12345.67")) in g and (loc, BKG.printedUnit, Literal("元")) in g
    p = project_iris(record_c())[0]
    assert amount(g, p) == Decimal("15")
    f = g.value(doc, BKG.hasFinding)
    assert Decimal(str(g.value(f, BKG.expectedAmount))) == Decimal("218.862001")
    assert to_wan(Decimal("1.00"), "元") == Decimal("0.0001")


def test_no_phone_numbers_anywhere():
    for record in (record_a(), record_b(), record_c()):
        _doc, g = record_to_graph(record)
        for o in g.objects():
            if isinstance(o, Literal) and isinstance(o.value, str):
                assert not contains_phone(str(o)), o
    _doc, g = record_to_graph(record_a())
    p = project_iris(record_a())[0]
    assert set(g.objects(p, BKG.responsiblePerson)) == {Literal("周燕")}
    assert set(g.objects(p, BKG.description)) == {Literal("用于大气监测站运维")}


def test_scrub():
    assert scrub("周燕 13999912345") == "周燕"
    assert scrub("张汉平（联系电话：0994-2345678）") == "张汉平"
    for keep in ("昌州财建【2024】126号", "HJ212-2017", "1008.30万元", "2025年12月10日前", "环办监测函〔2021〕218号"):
        assert scrub(keep) == keep


def test_same_record_same_graph():
    _d1, g1 = record_to_graph(record_a())
    _d2, g2 = record_to_graph(record_a())
    assert set(g1) == set(g2)


def test_every_node_has_provenance(graph_a):
    doc, g = graph_a
    for cls in (QB.Observation, BKG.FundingFlow, BKG.PerformanceIndicator, BKG.Finding, BKG.Project):
        for node in g.subjects(RDF.type, cls):
            loc = g.value(node, PROV.wasDerivedFrom)
            assert loc is not None and (loc, BKG.document, doc) in g, node


def test_continues_link_across_documents():
    store = open_store("memory")
    ingest_records(store, [record_a(), record_b()])
    carried = project_iris(record_b())[1]
    earlier = project_iris(record_a())[0]
    res = store.query(f"ASK {{ <{carried}> <{BKG.continues}> <{earlier}> }}")
    assert res.boolean is True


@pytest.mark.parametrize("later, earlier, similar", [
    ("2024年环保业务经费", "2024年环保业务经费", True),
    ("大气监测项目", "大气监测", True),
    ("昌吉州160套环境空气微型站点设备运行维护技术服务项目", "昌吉州160套环境空气微型站点设备运行维护技术服务", True),
    ("执法能力建设项目", "执法装备购置项目", False),
    ("机关运行补助经费", "机构运行保障经费", False),
])
def test_carryover_name_similarity(later, earlier, similar):
    from kg.graph.links import MIN_SIMILARITY, similarity

    assert (similarity(later, earlier) >= MIN_SIMILARITY) is similar


def test_continues_link_matches_a_differently_printed_name():
    """The 2025 carry-over prints the 2024 project without its year and suffix; the other
    project of 2024 does not match; a project of another department never does."""
    from dataclasses import replace

    store = open_store("memory")
    a = record_a()
    a.projects[0] = replace(a.projects[0], name="2024年大气污染防治监测项目经费", aliases=[])
    b = record_b()
    b.projects[1] = replace(b.projects[1], name="大气污染防治监测")
    c = replace(record_c(), year=2025, projects=[replace(p, category="carryover", name="大气污染防治监测")
                                                  for p in record_c().projects][:1])
    ingest_records(store, [b, c, a])
    q = f"SELECT ?l ?e WHERE {{ ?l <{BKG.continues}> ?e }}"
    assert {(str(x), str(y)) for x, y in store.query(q).values()} == \
        {(str(project_iris(b)[1]), str(project_iris(a)[0]))}


def test_department_registry_gives_one_preferred_label():
    store = open_store("memory")
    ingest_records(store, [record_b()])
    q = f"SELECT ?l WHERE {{ <{iris.department(DEPT_A_SHORT)}> <{SKOS.prefLabel}> ?l }}"
    assert len(store.query(q).values()) == 1
    ingest_records(store, [record_a()])  # the long, formal name wins once a document prints it
    assert store.query(q).values() == [(DEPT_A_LONG,)]


def test_json_roundtrip_of_records():
    r = record_a()
    again = record_from_json(record_json(r))
    assert set(record_to_graph(again)[1]) == set(record_to_graph(r)[1]) - _extras_lost(r)


def _extras_lost(r) -> set:
    """serialize.py does not write ``description``-less extras differently; nothing is lost."""
    return set()


def test_gold_records_map(shared_dir):
    for name in ("000.json", "004.json"):
        (record,) = load_records(str(shared_dir / "gold" / name))
        doc, g = record_to_graph(record)
        assert len(list(g.subjects(RDF.type, BKG.Project))) == len(record.projects)
        failed = [c for c in [*record.checks, *plan_flows(record).checks] if not c.ok]
        assert len(list(g.objects(doc, BKG.hasFinding))) == len(failed)


# --------------------------------------------------------------------------- topics, hand-checked

def test_topics_of_every_shared_project_match_the_hand_table(shared_records):
    """Precision and recall 1.0 on tests/graph_topics_table.py, through the mapping itself."""
    from tests.graph_topics_table import EXCEPTIONS, EXPECTED_TOPICS

    got: dict[tuple, set[str]] = {}
    for record in shared_records:
        _doc, g = record_to_graph(record)
        for p, node in zip(record.projects, project_iris(record)):
            key = (record.department, record.year, p.category, p.name)
            got[key] = {str(t).rsplit("/", 1)[-1] for t in g.objects(node, BKG.concerns)}
    assert set(got) == set(EXPECTED_TOPICS)  # every project of the shared documents is judged
    pairs_got = {(k, t) for k, ts in got.items() for t in ts if k not in EXCEPTIONS}
    pairs_expected = {(k, t) for k, ts in EXPECTED_TOPICS.items() for t in ts if k not in EXCEPTIONS}
    assert pairs_got - pairs_expected == set(), "false topics (precision < 1)"
    assert pairs_expected - pairs_got == set(), "missed topics (recall < 1)"
    assert len(pairs_expected) == 33


def test_topic_assignment_records_its_evidence(shared_records):
    (record,) = [r for r in shared_records if r.year == 2025 and "昌吉" in (r.department or "")]
    doc, g = record_to_graph(record)
    i = [p.name for p in record.projects].index("生态环保项目尾款")
    node = project_iris(record)[i]
    (qualified,) = list(g.objects(node, BKG.topicAssignment))
    assert g.value(qualified, BKG.topic) == ID["topic/air"]
    assert {str(e) for e in g.objects(qualified, BKG.evidence)} == {"description", "citation"}
    assert g.value(qualified, BKG.strength) == Literal("3.0", datatype=XSD.decimal)
    assert {"颗粒物", "挥发性有机物", "重污染天气", "蓝天"} <= {str(k) for k in g.objects(qualified, BKG.matchedKeyword)}


@pytest.mark.parametrize("names, code, description, titles, department, expected", [
    (["办公经费"], None, "办公费、宣传费、印刷费", ["《宣传工作方案》"], "某某生态环境局", set()),  # one desc keyword
    (["水源地保护项目"], None, "饮用水水源地水质监测、污水管网", ["《水污染防治行动计划》"], "某某生态环境局", {"water"}),
    (["污水处理厂建设"], None, None, ["《大气污染防治行动计划》"], "某某生态环境局", {"water"}),  # cited air plan alone: no
    (["普法宣传项目"], None, "法治宣传", [], "某某区司法局", {"legal_services"}),  # 宣传 outside an environmental context: no publicity
    (["生态环境宣传项目"], None, None, [], "某某区司法局", {"publicity"}),
    (["专项经费"], "2110301", None, [], None, {"air"}),  # the functional subject alone
])
def test_topic_rule_weights(names, code, description, titles, department, expected):
    from kg.rdf.topics import topic_evidence

    got = {e.key for e in topic_evidence(names, code, description, titles, department)}
    assert got == expected


@pytest.mark.parametrize("targets, description, expected", [
    (["宣传次数", "宣传知晓率", "办公设备数量", "及时率"], "办公费、宣传费", {"publicity"}),  # half the targets
    (["宣传次数", "办公设备数量", "维修次数"], "办公费、宣传费", set()),  # a third: no
    (["宣传次数", "宣传知晓率"], "办公费", set()),  # the description must name it too
])
def test_topic_rule_output_targets(targets, description, expected):
    from kg.rdf.topics import topic_evidence

    got = {e.key for e in topic_evidence(["单位资金"], None, description, [], "某生态环境局", targets)}
    assert got == expected
