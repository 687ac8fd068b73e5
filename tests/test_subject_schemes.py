"""Which concept a printed subject code stands for (kg/rdf/subject_schemes.py): the national
classification of the document's year, an earlier national version, or the unit's own scheme —
so one IRI never carries two meanings, and one concept has one name."""
from __future__ import annotations

from decimal import Decimal as D

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from kg.extract.model import EconomicSubject, FunctionalSubject, Record
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, ID
from kg.rdf.subject_schemes import economic_concept, functional_concept

NATIONAL = ID["scheme/economic"]
LOCAL = ID["scheme/economic-local"]


def test_national_name_and_its_printed_variants_stay_national():
    c = economic_concept("30213", "维修(护)费", 2026)  # half-width brackets
    assert (c.iri, c.scheme, c.label, c.alt_label) == (iris.economic_subject("30213"), NATIONAL, "维修（护）费", "维修(护)费")
    c = economic_concept("30213", "维护（护）费", 2026)  # one character misprinted
    assert (c.iri, c.label, c.alt_label) == (iris.economic_subject("30213"), "维修（护）费", "维护（护）费")
    c = economic_concept("303", "对个人和家庭补助", 2026)  # 的 left out
    assert (c.iri, c.label) == (iris.economic_subject("303"), "对个人和家庭的补助")
    c = economic_concept("30110", "城镇职工基本医疗保险缴费", 2023)  # the item's earlier name
    assert (c.iri, c.label, c.alt_label) == (iris.economic_subject("30110"), "职工基本医疗保险缴费", "城镇职工基本医疗保险缴费")


def test_a_units_own_code_is_its_own_concept_matched_to_the_national_name():
    water = economic_concept("30203", "水费", 2024)  # nationally 30203 is 咨询费, 水费 is 30205
    assert water.scheme == LOCAL and water.label == "水费" and not water.national
    assert str(water.iri).startswith(str(iris.economic_subject("30203")) + "/local-")
    assert water.close_match == iris.economic_subject("30205")
    assert economic_concept("30203", "水费", 2025).iri == water.iri  # the same code and name: one concept
    assert economic_concept("30203", "咨询费", 2024).iri == iris.economic_subject("30203")
    retired = economic_concept("303", "离退休人员经费", 2024)  # no national subject of that name
    assert retired.scheme == LOCAL and retired.close_match is None
    # 7-digit economic codes are never national: two units' 3010201 are two concepts
    a, b = economic_concept("3010201", "津贴补贴", 2019), economic_concept("3010201", "规范性津补贴", 2026)
    assert a.iri != b.iri and {a.scheme, b.scheme} == {LOCAL} and a.close_match == iris.economic_subject("30102")


def test_earlier_national_versions():
    c = economic_concept("30311", "住房公积金", 2017)  # before the 2018 reform
    assert (str(c.iri), c.scheme, c.label, c.close_match) == (
        "https://budgetkg.org/id/subject/economic/2007/30311", ID["scheme/economic-2007"], "住房公积金",
        iris.economic_subject("30113"))
    assert economic_concept("30311", "代缴社会保险费", 2019).iri == iris.economic_subject("30311")
    old = functional_concept("20805", "行政事业单位离退休", 2019)
    assert (str(old.iri), old.label, old.close_match) == (
        "https://budgetkg.org/id/subject/functional/2019/20805", "行政事业单位离退休", iris.functional_subject("20805"))
    assert functional_concept("20805", "行政事业单位养老支出", 2022).iri == iris.functional_subject("20805")
    assert functional_concept("2110301", "大气", 2025).label == "大气"  # codes the reference does not hold


def test_mapping_keeps_one_name_per_concept_and_parents_follow_the_printed_row():
    """Two documents printing 30203 with two meanings: the national concept keeps 咨询费 alone, the
    other unit's 水费 is its own concept under the same 类; a 2019 document's 20805 children sit
    in the 2019 version of 20805's scheme, one broader each."""
    a = Record(source="a.txt", department="甲单位", year=2024, kind="部门预算", unit="万元",
               economic_subjects=[EconomicSubject("302", "商品和服务支出", D("3.00")),
                                  EconomicSubject("30203", "水费", D("3.00"))])
    b = Record(source="b.txt", department="乙单位", year=2024, kind="部门预算", unit="万元",
               economic_subjects=[EconomicSubject("30203", "咨询费", D("5.00"))],
               functional_subjects=[FunctionalSubject("208", "社会保障和就业支出", D("1.00")),
                                    FunctionalSubject("20805", "行政事业单位离退休", D("1.00")),
                                    FunctionalSubject("2080501", "行政单位离退休", D("1.00"))])
    b.year = 2019
    graph = record_to_graph(a)[1] + record_to_graph(b)[1]
    national = iris.economic_subject("30203")
    assert set(graph.objects(national, SKOS.prefLabel)) == {Literal("咨询费")}
    local = economic_concept("30203", "水费", 2024).iri
    assert set(graph.objects(local, SKOS.prefLabel)) == {Literal("水费")}
    assert (local, SKOS.broader, iris.economic_subject("302")) in graph
    assert (local, SKOS.closeMatch, iris.economic_subject("30205")) in graph
    assert (local, SKOS.notation, Literal("30203")) in graph
    assert any(graph.subjects(BKG.subject, local)) and any(graph.subjects(BKG.subject, national))
    old = URIRef("https://budgetkg.org/id/subject/functional/2019/20805")
    child = URIRef("https://budgetkg.org/id/subject/functional/2019/2080501")  # in its parent's version
    assert (child, SKOS.broader, old) in graph and (child, SKOS.closeMatch, iris.functional_subject("2080501")) in graph
    assert not any(graph.triples((iris.functional_subject("2080501"), None, None)))
    assert (old, SKOS.broader, iris.functional_subject("208")) in graph
