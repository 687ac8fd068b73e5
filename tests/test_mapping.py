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
from kg.rdf.mapping import parse_target, policy_issued_year, project_iris, record_to_graph, to_wan
from kg.rdf.namespaces import BKG, ID, QB
from kg.rdf.privacy import contains_phone, scrub
from kg.store import open_store
from kg.rdf.load import ingest_records
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
    assert set(g.objects(d, RDFS.label)) == {Literal(DEPT_A_LONG), Literal(DEPT_A_SHORT)}  # both printed
    assert Literal(DEPT_A_LONG) in set(g.objects(d, SKOS.altLabel))
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
    assert (loc, BKG.printedValue, Literal("5.00")) in g and (loc, BKG.printedUnit, Literal("万元")) in g
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
    doc, g = graph_a
    flows = {}
    for f in g.subjects(RDF.type, BKG.FundingFlow):
        flows[(g.value(f, BKG.flowSource), g.value(f, BKG.flowTarget))] = Decimal(str(g.value(f, BKG.amount)))
        assert (f, BKG.document, doc) in g and (f, BKG.fiscalYear, iris.year(2024)) in g
    dept = iris.department(DEPT_A_LONG)
    p1, p2, p3 = project_iris(record_a())
    assert flows == {
        (ID["funding/general_public_budget"], dept): Decimal("450.00"),
        (ID["funding/upper_level_transfer"], dept): Decimal("100.00"),
        (ID["funding/carryover_fiscal"], dept): Decimal("50.00"),
        (dept, p1): Decimal("150.00"), (ID["funding/general_public_budget"], p1): Decimal("150.00"),
        (dept, p2): Decimal("50.00"), (ID["funding/upper_level_transfer"], p2): Decimal("50.00"),
        (dept, p3): Decimal("50.00"), (ID["funding/carryover_fiscal"], p3): Decimal("50.00"),
    }  # unit_funds 0.00 makes no flow


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
    assert policy_issued_year("HJ212-2017") is None


def test_findings_are_the_failed_checks(graph_a):
    doc, g = graph_a
    findings = list(g.objects(doc, BKG.hasFinding))
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
    assert (loc, BKG.printedValue, Literal("12345.67")) in g and (loc, BKG.printedUnit, Literal("元")) in g
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
        failed = [c for c in record.checks if not c.ok]
        assert len(list(g.objects(doc, BKG.hasFinding))) == len(failed)
