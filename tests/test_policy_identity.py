"""One IRI per policy document: bracket and glyph styles of a 文号 meet, and a title cited without
its 文号 merges into the numbered form of the same title (kg/extract/text_normalize.py)."""
from __future__ import annotations

from rdflib import RDF, Graph

from kg.extract.model import PolicyDocument, Project, Record
from kg.extract.text_normalize import policy_key
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG


def test_bracket_and_glyph_styles_of_a_number_meet():
    forms = ["普投资规范（2023）1号", "普投资规范〔2023〕1号", "普投资规范【2023】1号", "普投资规范[2023]1号",
             "普投资规范(2023)1号", "普投资规范［２０２３］１号"]
    assert {policy_key(None, f) for f in forms} == {"no:普投资规范[2023]1号"}
    # a year with 年 in round brackets is part of an order's number, not the 文号's year
    assert policy_key(None, "生态环境部部令第29号（2023年）") == "no:生态环境部部令第29号(2023年)"


def test_title_only_mention_merges_into_the_numbered_form():
    numbered = PolicyDocument("《青山市水污染防治工作方案》", "青政办〔2022〕7号")
    record = Record(source="x.txt", department="青山市生态环境局", year=2025, kind="部门预算", unit="万元",
                    policy_documents=[numbered],
                    projects=[Project(name="水源地保护", policy_documents=[PolicyDocument("《青山市水污染防治工作方案》")])])
    _doc, g = record_to_graph(record)
    assert set(g.subjects(RDF.type, BKG.PolicyDocument)) == {iris.policy(numbered.key())}


def test_shared_documents_have_one_node_per_number(shared_records):
    g = Graph()
    for record in shared_records:
        g += record_to_graph(record)[1]
    numbers: dict[str, set] = {}
    for node in g.subjects(RDF.type, BKG.PolicyDocument):
        for number in g.objects(node, BKG.documentNumber):
            numbers.setdefault(policy_key(None, str(number)), set()).add(node)
    assert all(len(nodes) == 1 for nodes in numbers.values())
    node = iris.policy("no:普投资规范[2023]1号")
    # printed as （2023）1号 in one place and 〔2023〕1号 in another: one node (the record keeps the first form)
    assert sorted(str(n) for n in g.objects(node, BKG.documentNumber)) == ["普投资规范〔2023〕1号"]
    assert len(list(g.subjects(RDF.type, BKG.PolicyDocument))) == 55


def test_title_only_mention_in_another_budget_is_the_numbered_document():
    """Across budgets, in either order: a 《title》 one budget cites without its 文号 is the numbered
    document another budget cites (owl:sameAs in the links graph); the dependency projection
    counts it once, and the link goes when the numbered budget is dropped."""
    from kg.analytics.policy import dependency_graph, policy_reach
    from kg.analytics.source import store_select
    from kg.graph.load import drop_documents, ingest_records
    from kg.store.oxigraph import OxigraphStore

    title = "《青山市水污染防治工作方案》"

    def budget(dept, projects, policies=()):
        return Record(source=f"{dept}.txt", department=dept, year=2025, kind="部门预算", unit="万元",
                      policy_documents=list(policies), projects=projects)

    titled = budget("青山市水务局", [Project(name="河道整治", amount=None, policy_documents=[PolicyDocument(title)])])
    numbered = budget("青山市生态环境局", [Project(name="水源地保护", policy_documents=[PolicyDocument(title, "青政办〔2022〕7号")])])
    for order in ([titled, numbered], [numbered, titled]):
        store = OxigraphStore(None)
        loaded = ingest_records(store, order)
        g = dependency_graph(store_select(store))
        policies = [n for n, k in g.nodes(data="kind") if k == "policy"]
        assert policies == [str(iris.policy(PolicyDocument(title, "青政办〔2022〕7号").key()))]
        (reach,) = policy_reach(g)
        assert (reach.projects, reach.departments, reach.number) == (2, 2, "青政办〔2022〕7号")
        drop_documents(store, [str(x.graph) for x in loaded if x.record is numbered])
        g = dependency_graph(store_select(store))
        assert [n for n, k in g.nodes(data="kind") if k == "policy"] == [str(iris.policy(PolicyDocument(title).key()))]
