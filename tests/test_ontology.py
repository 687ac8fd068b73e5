"""The ontology files: labels and comments everywhere, shapes for every class, the topic scheme,
and SHACL validation that passes on a good graph and catches a bad one."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.graph.load import ingest_records
from kg.rdf.mapping import project_iris, record_to_graph
from kg.vocabulary.namespaces import BKG, ID, SH
from kg.vocabulary.ontology_files import global_graph, ontology_path, shapes_graph
from kg.graph.queries import list_queries
from kg.rdf.validate import validate_graph, validate_store
from kg.store import open_store
from tests.graph_records import record_a, small_records


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ontology_path("budgetkg.ttl"))
    return g


def _terms(onto: Graph, kinds) -> list[URIRef]:
    out = set()
    for kind in kinds:
        out |= {s for s in onto.subjects(RDF.type, kind) if str(s).startswith(str(BKG))}
    return sorted(out)


def test_every_class_and_property_has_zh_en_labels_and_comment(onto):
    terms = _terms(onto, (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty))
    assert len(terms) > 60
    for t in terms:
        langs = {l.language for l in onto.objects(t, RDFS.label)}
        assert {"zh", "en"} <= langs, t
        assert onto.value(t, RDFS.comment) is not None, t


def test_required_classes(onto):
    for name in ("Department", "BudgetDocument", "FiscalYear", "Project", "FunctionalSubject",
                 "EconomicSubject", "FundingSource", "FundingFlow", "PerformanceIndicator",
                 "PolicyDocument", "Topic", "Finding", "SourceLocation"):
        assert (BKG[name], RDF.type, OWL.Class) in onto, name


def test_standard_vocabularies_reused(onto):
    assert (BKG.Department, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#FormalOrganization")) in onto
    assert (BKG.FunctionalSubject, RDFS.subClassOf, SKOS.Concept) in onto
    assert (BKG.amount, RDF.type, URIRef("http://purl.org/linked-data/cube#MeasureProperty")) in onto
    assert (BKG.Project, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in onto
    assert (BKG.PolicyDocument, RDFS.subClassOf, URIRef("http://data.europa.eu/eli/ontology#LegalResource")) in onto


def test_every_class_has_a_shape(onto):
    shapes = shapes_graph()
    targeted = set(shapes.objects(None, SH.targetClass))
    for cls in _terms(onto, (OWL.Class,)):
        assert cls in targeted, f"no SHACL shape targets {cls}"


def test_topic_scheme():
    g = global_graph()
    topics = set(g.subjects(RDF.type, BKG.Topic))
    for key in ("air", "water", "soil", "solid_waste", "noise", "vehicle_emissions", "monitoring",
                "enforcement", "inspection", "publicity", "informatization", "elderly", "disability",
                "social_assistance", "children", "employment", "legal_services", "commerce"):
        t = ID[f"topic/{key}"]
        assert t in topics, key
        assert list(g.objects(t, SKOS.altLabel)), f"{key} has no synonyms"
        assert list(g.objects(t, BKG.keyword)), f"{key} has no keywords"
    assert (ID["topic/air"], SKOS.prefLabel, Literal("大气污染防治", lang="zh")) in g


def test_global_graph_has_no_blank_nodes():
    """Virtuoso refuses blank nodes in INSERT DATA: the global graph must name everything."""
    from rdflib import BNode

    for triple in global_graph():
        assert not any(isinstance(t, BNode) for t in triple), triple


def test_small_graph_conforms():
    store = open_store("memory")
    ingest_records(store, small_records())
    assert validate_store(store) == []


def test_shacl_catches_violations():
    store = open_store("memory")
    ingest_records(store, small_records())
    data = Graph()
    for s, p, o, _g in store.quads():
        data.add((s, p, o))
    p = project_iris(record_a())[0]
    data.add((p, BKG.amount, Literal("150", datatype=XSD.string)))  # not a decimal
    data.add((p, BKG.responsiblePerson, Literal("周燕13999912345")))  # a phone number
    data.add((p, BKG.fundedBy, ID["topic/air"]))  # not a funding source
    violations = validate_graph(data)
    paths = sorted({v.path for v in violations if v.focus == str(p)})
    assert paths == [str(BKG.amount), str(BKG.fundedBy), str(BKG.responsiblePerson)]
    assert all(v.severity == "Violation" for v in violations)


def test_at_least_twenty_queries_with_titles():
    queries = list_queries()
    assert len(queries) >= 20
    for q in queries:
        assert q.title != q.name, f"{q.name} has no '# title:' line"
        assert "SELECT" in q.text


def test_mapping_uses_only_declared_terms(onto):
    """Every bkg: term the mapping writes is declared in the ontology."""
    declared = set(onto.subjects()) | set(global_graph().subjects())
    _doc, g = record_to_graph(record_a())
    for s, p, o in g:
        for t in (p, o):
            if isinstance(t, URIRef) and str(t).startswith(str(BKG)):
                assert t in declared, t
