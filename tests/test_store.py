"""The store protocol, one suite over every backend (memory, oxigraph on disk, Virtuoso)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.graph.load import ingest_records
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BASE, BKG, GRAPH_ONTOLOGY, sparql_prefixes
from kg.graph.links import GRAPH_LINKS
from kg.graph.registry import GRAPH_DEPARTMENTS
from kg.store import StoreError, open_store
from kg.store.base import QueryResult, Store
from kg.store.results import to_csv, to_json
from tests.graph_records import record_a, record_b, record_c, small_records

G1 = BASE + "id/document/test/one"
G2 = BASE + "id/document/test/two"
EX = "https://budgetkg.org/id/test/"


def triples(n: int, label: str = "x") -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"{EX}s{i}"), RDFS.label, Literal(f"{label}{i}标签")))
        g.add((URIRef(f"{EX}s{i}"), BKG.amount, Literal("1.10", datatype=XSD.decimal)))
    return g


def test_is_a_store(store):
    assert isinstance(store, Store)
    assert store.graphs() == []
    assert store.count() == 0


def test_replace_graph_and_query_union(store):
    store.replace_graph(G1, triples(3, "a"))
    store.replace_graph(G2, triples(2, "b"))
    assert store.graphs() == [G1, G2]
    assert store.count(G1) == 6 and store.count(G2) == 4 and store.count() == 10
    res = store.query(f"SELECT ?l WHERE {{ <{EX}s1> <{RDFS.label}> ?l }} ORDER BY ?l")
    assert res.kind == "select" and res.vars == ["l"]
    assert res.values() == [("a1标签",), ("b1标签",)]  # the default graph is the union
    res = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{EX}s2> ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{BASE}id/\")) }} GROUP BY ?g")
    assert [str(r[0]) for r in res.rows] == [G1]


def test_replacing_again_gives_no_duplicates(store):
    store.replace_graph(G1, triples(5, "a"))
    store.replace_graph(G1, triples(5, "a"))
    assert store.count(G1) == 10
    store.replace_graph(G1, triples(2, "c"))  # a smaller new version replaces the old one whole
    assert store.count(G1) == 4
    # (Virtuoso answers GRAPH ?g, not GRAPH <iri>, once the default graph is set: filter on ?g)
    res = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{RDFS.label}> ?l }} FILTER(?g = <{G1}>) }}")
    assert res.values() == [(2,)]


def test_failure_halfway_leaves_previous_graph(store):
    store.replace_graph(G1, triples(3, "old"))

    def broken():
        yield from triples(2000, "new")
        raise RuntimeError("extraction died halfway")

    with pytest.raises(RuntimeError):
        store.replace_graph(G1, broken())
    assert store.graphs() == [G1]
    assert store.count(G1) == 6
    res = store.query(f"SELECT ?l WHERE {{ <{EX}s0> <{RDFS.label}> ?l }}")
    assert res.values() == [("old0标签",)]


def test_drop_graph(store):
    store.replace_graph(G1, triples(1))
    store.replace_graph(G2, triples(1))
    assert store.drop_graph(G1) is True
    assert store.drop_graph(G1) is False
    assert store.graphs() == [G2]


def test_ask_and_decimal_and_unicode(store):
    store.replace_graph(G1, triples(1, "大气"))
    assert store.query(f"ASK {{ <{EX}s0> ?p ?o }}").boolean is True
    assert store.query(f"ASK {{ <{EX}nothing> ?p ?o }}").boolean is False
    res = store.query(f'SELECT ?s ?a WHERE {{ ?s <{RDFS.label}> "大气0标签" ; <{BKG.amount}> ?a }}')
    assert res.values() == [(EX + "s0", Decimal("1.10"))]
    assert res.rows[0][1].datatype == XSD.decimal


def test_result_formats(store):
    store.replace_graph(G1, triples(2, "x"))
    res = store.query(f"SELECT ?s ?l WHERE {{ ?s <{RDFS.label}> ?l }} ORDER BY ?s")
    data = to_json(res)
    assert data["head"]["vars"] == ["s", "l"]
    assert data["results"]["bindings"][0] == {"s": {"type": "uri", "value": EX + "s0"},
                                              "l": {"type": "literal", "value": "x0标签"}}
    assert to_csv(res).splitlines() == ["s,l", f"{EX}s0,x0标签", f"{EX}s1,x1标签"]
    json.dumps(data)  # serialisable


def test_bad_query_raises_store_error(store):
    with pytest.raises(StoreError):
        store.query("SELECT ?x WHERE { this is not sparql")


def test_quads_export_roundtrip(store):
    store.replace_graph(G1, triples(2))
    quads = sorted((str(s), str(p), str(o), str(g)) for s, p, o, g in store.quads())
    assert len(quads) == 4 and {q[3] for q in quads} == {G1}


def test_ingest_records_is_idempotent(store):
    records = small_records()
    first = ingest_records(store, records)
    count = store.count()
    graphs = store.graphs()
    second = ingest_records(store, records)
    assert store.count() == count and store.graphs() == graphs
    assert [x.triples for x in first] == [x.triples for x in second]
    # three documents + the global graph + the department registry + the continues links
    assert len(graphs) == 6 and GRAPH_ONTOLOGY in graphs and GRAPH_DEPARTMENTS in graphs
    assert GRAPH_LINKS in graphs
    # every document's graph holds exactly its mapping (the continues links live in GRAPH_LINKS)
    for loaded in second:
        assert store.count(str(loaded.graph)) == loaded.triples


def test_same_counts_on_every_backend(store):
    ingest_records(store, small_records())
    assert store.count() == EXPECTED_SMALL_TRIPLES
    q = sparql_prefixes() + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a bkg:Project }"
    assert store.query(q).values() == [(6,)]


def test_ingest_order_does_not_matter_for_links(store):
    """continues edges appear whichever of the two years is ingested first."""
    ingest_records(store, [record_b()])
    ingest_records(store, [record_a()])
    q = sparql_prefixes() + """SELECT DISTINCT ?later ?earlier WHERE {
      ?l bkg:continues ?e . ?l rdfs:label ?later . ?e rdfs:label ?earlier }"""
    assert store.query(q).values() == [("大气监测项目", "大气污染防治监测项目")]


def test_continues_link_needs_both_years_and_goes_with_either(store):
    """Two budgets of one department: the 2025 carry-over continues the 2024 project, whichever
    year is ingested first, and dropping either year removes the link."""
    from kg.graph.load import drop_documents

    q = sparql_prefixes() + """SELECT DISTINCT ?later ?earlier WHERE {
      ?l bkg:continues ?e . ?l rdfs:label ?later . ?e rdfs:label ?earlier }"""
    expected = [("大气监测项目", "大气污染防治监测项目")]
    for first, second in ((record_a(), record_b()), (record_b(), record_a())):
        (one,) = ingest_records(store, [first])
        assert store.query(q).values() == []  # one year alone: nothing to continue
        (two,) = ingest_records(store, [second])
        assert store.query(q).values() == expected
        for dropped, kept in ((one, two), (two, one)):
            drop_documents(store, [str(dropped.graph)])
            assert store.query(q).values() == []
            ingest_records(store, [dropped.record])
            assert store.query(q).values() == expected
        drop_documents(store, [str(one.graph), str(two.graph)])


def test_drop_removes_one_document_only(store):
    loaded = ingest_records(store, small_records())
    store.drop_graph(str(loaded[2].graph))
    q = sparql_prefixes() + "SELECT DISTINCT ?n WHERE { ?p a bkg:Project ; rdfs:label ?n } ORDER BY ?n"
    names = [r[0] for r in store.query(q).values()]
    assert "执法能力建设项目" not in names and "大气污染防治监测项目" in names


def test_open_store_urls(tmp_path):
    assert open_store("memory").url == "memory"
    s = open_store(f"oxigraph:{tmp_path / 'db'}")
    assert (tmp_path / "db").is_dir()
    s.close()
    assert open_store("sparql:http://127.0.0.1:9/sparql").url == "sparql:http://127.0.0.1:9/sparql"
    with pytest.raises(ValueError):
        open_store("postgres:whatever")
    with pytest.raises(ValueError):
        open_store("sparql:not-a-url")


def test_env_var_chooses_store(monkeypatch):
    monkeypatch.setenv("BUDGETKG_STORE", "memory")
    assert open_store().url == "memory"


def test_oxigraph_persists_on_disk(tmp_path):
    path = tmp_path / "db"
    s = open_store(f"oxigraph:{path}")
    s.replace_graph(G1, triples(2))
    s.close()
    s = open_store(f"oxigraph:{path}")
    assert s.count(G1) == 4
    s.close()


def test_unreachable_server_is_a_store_error():
    s = open_store("sparql:http://127.0.0.1:9/sparql")
    with pytest.raises(StoreError):
        s.query("ASK { ?s ?p ?o }")


def _expected_small_triples() -> int:
    """Triples of the small records' graphs, the global graph, the registry and the links graph,
    computed without a store."""
    from kg.graph.links import continues_triples, record_entries
    from kg.rdf.mapping import project_iris
    from kg.vocabulary.ontology_files import global_graph

    total = len(global_graph()) + 2  # + one preferred label for each of the two departments
    records = small_records()
    entries = [e for r in records for e in record_entries(r, project_iris(r))]
    for r in records:
        _iri, g = record_to_graph(r)
        total += len(g | Graph())
    return total + len(continues_triples(entries))


def _same(a, b) -> bool:
    from kg.rdf.iris import department_key

    return department_key(a.department) == department_key(b.department)


EXPECTED_SMALL_TRIPLES = _expected_small_triples()


def test_query_result_dicts():
    r = QueryResult(kind="select", vars=["a"], rows=[(Literal(1),)])
    assert r.dicts() == [{"a": Literal(1)}] and r.values() == [(1,)]


def test_record_c_exists():  # the 元 record is part of the suite's fixtures
    assert record_c().unit == "元"


def test_default_graph_is_a_set_union(store):
    """A triple two documents assert matches once (a bag would multiply joins: N^k rows)."""
    store.replace_graph(G1, triples(2, "same"))
    store.replace_graph(G2, triples(2, "same"))
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{RDFS.label}> ?l ; <{BKG.amount}> ?a }}"
    assert store.query(q).values() == [(2,)]
    store.drop_graph(G1)
    assert store.query(q).values() == [(2,)]  # still asserted by G2
    store.replace_graph(G2, triples(1, "same"))
    assert store.query(q).values() == [(1,)]
    store.drop_graph(G2)
    assert store.query(q).values() == [(0,)]


def _graph_triples(store, graph: str) -> set:
    return {(s, p, o) for s, p, o, _ in store.quads(graph)} if graph in store.graphs() else set()


def test_commits_keep_derived_graphs_equal_to_a_full_rebuild(store):
    """Each commit updates the registry and the links of the departments it touches only; after
    every ingest and drop they equal what a rebuild from all documents gives."""
    from kg.graph.links import links_graph
    from kg.graph.load import drop_documents
    from kg.graph.registry import registry_graph

    def assert_consistent():
        assert _graph_triples(store, GRAPH_DEPARTMENTS) == set(registry_graph(store))
        assert _graph_triples(store, GRAPH_LINKS) == set(links_graph(store))

    loaded = {}
    for record in (record_b(), record_c(), record_a()):
        (one,) = ingest_records(store, [record])
        loaded[record.source] = one
        assert_consistent()
    assert len(_graph_triples(store, GRAPH_LINKS)) == 1  # the 2025 carry-over continues 2024
    drop_documents(store, [str(loaded["a_2024.txt"].graph)])
    assert_consistent()
    assert _graph_triples(store, GRAPH_LINKS) == set()
    ingest_records(store, [record_a()])
    assert_consistent()
    drop_documents(store, [str(x.graph) for x in loaded.values()])
    assert_consistent()
    assert store.graphs() == [GRAPH_ONTOLOGY]


def test_replace_graphs_is_all_or_nothing(store):
    """Several graphs in one call: a failure anywhere (the triples of one graph cannot be
    produced, or hold an IRI no server accepts) leaves every graph as it was."""
    store.replace_graph(G1, triples(2, "old"))

    def failing():
        yield URIRef(EX + "s"), RDFS.label, Literal("x")
        raise RuntimeError("the mapping failed half-way")

    bad_iri = Graph()
    bad_iri.add((URIRef(EX + "s"), RDFS.label, Literal("x")))
    bad_iri.add((URIRef(EX + "bad iri"), RDFS.label, Literal("y")))
    for bad in [failing()] + ([bad_iri] if store.url != "memory" else []):
        with pytest.raises((StoreError, RuntimeError)):
            store.replace_graphs({G1: triples(3, "new"), G2: bad})
        assert {str(o) for _, _, o, _ in store.quads(G1) if isinstance(o, Literal) and o.datatype is None} == \
            {"old0标签", "old1标签"}
        assert G2 not in store.graphs()
