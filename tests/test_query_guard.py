"""``kg.store.guard``: the lexical check every caller's query passes before any parser (the web
endpoint and ``budgetkg sparql``; their end-to-end tests are in test_web_hostile.py)."""
from __future__ import annotations

import pytest

from kg.store.guard import QueryPolicy, QueryRefused, check_query, nesting_depth, tokens

REMOTE = [
    "SELECT * WHERE { SERVICE <http://h/> { ?s ?p ?o } }",
    "select * where { service silent <http://h/> {} }",
    "SELECT * WHERE { OPTIONAL { { SELECT * WHERE { SERVICE <http://h/> {} } } } }",
    "SELECT * WHERE { SERVICE#c\n<http://h/> {} }",
    "SELECT * WHERE { SERVICE\t\r\n<http://h/>{} }",
    "SELECT * WHERE {?s ?p 1.SERVICE<http://h/>{}}",
    "SELECT * WHERE { ?s ?p ?o .SERVICE <http://h/> {} }",
    "SELECT * WHERE { \\u0053ERVICE <http://h/> {} }",  # rdflib decodes escapes before parsing
    "SELECT * WHERE { \\U00000053ervice <http://h/> {} }",
    "SELECT * WHERE { ſervice <http://h/> {} }",  # 'ſ'.upper() == 'S': pyparsing's caseless match
    "SELECT * WHERE { BIND(\"\\u0022\" AS ?x) SERVICE <http://h/> {} }",
    "SELECT * WHERE { ?s ?p \"unterminated\n SERVICE <http://h/> {} }",
    "PREFIX h: <http://h/> SELECT * WHERE { SERVICE h:x {} }",
    "SELECT * WHERE { SERVICE ?endpoint {} }",
    "SELECT * WHERE { SERVICE <relative> {} }",
    "LOAD <http://h/data.ttl>",
    "load silent <http://h/data.ttl> into graph <urn:g>",
    "INSERT DATA { <urn:a> <urn:b> 1 } ; LOAD <file:///etc/passwd>",
    'define get:soft "soft" SELECT * FROM <http://h/> { ?s ?p ?o }',
]

HARMLESS = [
    'SELECT ?service WHERE { BIND("SERVICE <http://h/>" AS ?service) }',
    "SELECT * WHERE { ?s ?p '''SERVICE\nLOAD''' }",
    "SELECT * WHERE { ?s <http://h/SERVICE> ?o } # SERVICE <http://h/>",
    "PREFIX service: <http://h/> SELECT * WHERE { ?s service:load ?o ; <http://h/\\u0053ERVICE> ?x }",
    "SELECT * WHERE { ?s ?p \"x\"@service }",
    "SELECT $load WHERE { ?s ?p $load FILTER(?load < 3 && ?load > 1) }",
    "SELECT * WHERE { ?s a:SERVICE ?o }",
]


@pytest.mark.parametrize("query", REMOTE)
def test_remote_requests_are_refused(query):
    with pytest.raises(QueryRefused) as exc:
        check_query(query)
    assert exc.value.kind == "remote-request-refused"


@pytest.mark.parametrize("query", HARMLESS)
def test_the_words_in_strings_iris_comments_and_names_are_harmless(query):
    check_query(query)


def test_allow_list_admits_exactly_the_named_endpoints():
    policy = QueryPolicy(frozenset({"http://h/sparql"}))
    check_query("SELECT * WHERE { SERVICE <http://h/sparql> { ?s ?p ?o } }", policy)
    check_query("PREFIX h: <http://h/> SELECT * WHERE { SERVICE SILENT h:sparql {} }", policy)
    for other in ("<http://h/sparql2>", "<http://H/sparql>", "?e"):
        with pytest.raises(QueryRefused):
            check_query(f"SELECT * WHERE {{ SERVICE {other} {{}} }}", policy)
    with pytest.raises(ValueError):
        QueryPolicy(frozenset({"not an iri"}))


def test_nesting_is_counted_outside_strings_iris_and_comments():
    assert nesting_depth('SELECT * WHERE { { ?s ?p "{{{{(((" } } # {{{{{') == 2
    assert nesting_depth("SELECT * WHERE { FILTER((1)) [] ?p ?o }") == 3
    check_query("SELECT * WHERE " + "{" * 64 + "}" * 64)
    for deep in ("{" * 65, "(" * 5000, "[" * 65, "SELECT * WHERE { " + "{ " * 100):
        with pytest.raises(QueryRefused) as exc:
            check_query(deep)
        assert exc.value.kind == "query-too-deep"
    check_query("{" * 10, QueryPolicy(max_depth=10))
    with pytest.raises(QueryRefused):
        check_query("{" * 11, QueryPolicy(max_depth=10))


def test_tokens_follow_sparql_terminals():
    kinds = [(t.kind, t.text) for t in tokens('PREFIX ex: <http://e/> SELECT ?x WHERE { ex:a\\.b "s"@zh-CN 1.5e3 _:b1 }')]
    assert kinds == [("word", "PREFIX"), ("pname", "ex:"), ("iri", "<http://e/>"), ("word", "SELECT"),
                     ("var", "?x"), ("word", "WHERE"), ("punct", "{"), ("pname", "ex:a\\.b"), ("string", '"s"'),
                     ("lang", "@zh-CN"), ("number", "1.5e3"), ("bnode", "_:b1"), ("punct", "}")]


def test_memory_store_never_fetches_from_graphs():
    """rdflib loads FROM / FROM NAMED graphs from their URLs unless told not to (kg.store.memory)."""
    from kg.store import open_store
    from tests.test_web_hostile import Listener

    listener = Listener()
    store = open_store("memory")
    try:
        for query in (f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}",
                      f"SELECT * FROM NAMED <{listener.url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
            assert store.query(query).rows == []
    finally:
        received = listener.close()
    assert received == []
