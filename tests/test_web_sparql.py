"""The SPARQL 1.1 Protocol at /sparql, against the real server (``budgetkg serve``, waitress) on a
free loopback port and a real oxigraph store built from records by the project's mapping."""
from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest

pytest.importorskip("flask")
pytest.importorskip("waitress")
pytest.importorskip("pyoxigraph")

from tests.web_support import build_oxigraph_store  # noqa: E402
from web.server_process import ServerProcess  # noqa: E402

SELECT = ("PREFIX bkg: <https://budgetkg.org/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          "SELECT ?p ?label ?amount WHERE { ?p a bkg:Project ; rdfs:label ?label ; bkg:amount ?amount } "
          "ORDER BY ?label")
ASK = "PREFIX bkg: <https://budgetkg.org/ontology#> ASK { ?d a bkg:Department }"
CONSTRUCT = ("PREFIX bkg: <https://budgetkg.org/ontology#> CONSTRUCT { ?p a bkg:Project } "
             "WHERE { ?p a bkg:Project }")


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    return build_oxigraph_store(tmp_path_factory.mktemp("store") / "oxi")


@pytest.fixture(scope="module")
def server(store_url):
    srv = ServerProcess(store_url, "--row-cap", "50")
    yield srv
    srv.stop()


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) without raising on HTTP errors."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get(server, query: str, accept: str | None = None, **params):
    qs = urllib.parse.urlencode({"query": query, **params})
    return fetch(f"{server.url}/sparql?{qs}", headers={"Accept": accept} if accept else {})


def test_select_json_by_default(server):
    status, headers, body = get(server, SELECT)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["p", "label", "amount"]
    labels = [b["label"]["value"] for b in doc["results"]["bindings"]]
    assert "空气质量自动监测站运维费" in labels
    amounts = {b["label"]["value"]: b["amount"] for b in doc["results"]["bindings"]}
    assert amounts["空气质量自动监测站运维费"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"
    assert float(amounts["空气质量自动监测站运维费"]["value"]) == 500
    assert "truncated" not in doc["head"]


@pytest.mark.parametrize("how", ["accept", "format"])
def test_select_xml_csv_tsv(server, how):
    for fmt, mime in (("xml", "application/sparql-results+xml"), ("csv", "text/csv"),
                      ("tsv", "text/tab-separated-values")):
        status, headers, body = get(server, SELECT, accept=mime) if how == "accept" else \
            get(server, SELECT, format=fmt)
        assert status == 200, (fmt, body)
        assert headers["Content-Type"].startswith(mime)
        text = body.decode("utf-8")
        if fmt == "xml":
            root = ET.fromstring(body)
            ns = {"s": "http://www.w3.org/2005/sparql-results#"}
            assert [v.get("name") for v in root.findall("s:head/s:variable", ns)] == ["p", "label", "amount"]
            assert root.findall("s:results/s:result", ns)
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(text)))
            assert rows[0] == ["p", "label", "amount"]
            assert any(r[1] == "河流断面水质监测" for r in rows[1:])
        else:
            lines = text.splitlines()
            assert lines[0] == "?p\t?label\t?amount"
            assert any('"河流断面水质监测"' in line for line in lines[1:])


def test_ask_in_every_result_format(server):
    assert json.loads(get(server, ASK)[2]) == {"head": {}, "boolean": True}
    assert b"<boolean>true</boolean>" in get(server, ASK, format="xml")[2]
    assert get(server, ASK, format="csv")[2].decode().splitlines()[1] == "true"
    assert get(server, ASK, format="tsv")[2].decode().splitlines()[1] == "true"


def test_construct_as_turtle_ntriples_jsonld(server):
    import rdflib

    counts = set()
    for fmt, mime, parse_as in (("turtle", "text/turtle", "turtle"), ("ntriples", "application/n-triples", "nt"),
                                ("jsonld", "application/ld+json", "json-ld")):
        for how in ("accept", "format"):
            status, headers, body = get(server, CONSTRUCT, accept=mime) if how == "accept" else \
                get(server, CONSTRUCT, format=fmt)
            assert status == 200, body
            assert headers["Content-Type"].startswith(mime)
            g = rdflib.Graph().parse(data=body.decode("utf-8"), format=parse_as)
            counts.add(len(g))
    assert counts == {4}  # the same four projects in every format


def test_describe_defaults_to_turtle(server):
    status, headers, body = get(server, "DESCRIBE <https://budgetkg.org/id/funding/general_public_budget>")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")


def test_post_form_and_direct_query(server):
    data = urllib.parse.urlencode({"query": SELECT}).encode()
    status, _, body = fetch(f"{server.url}/sparql", data=data,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 4
    status, _, body = fetch(f"{server.url}/sparql", data=SELECT.encode(),
                            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and body.decode().startswith("p,label,amount")


def test_row_cap_says_truncated(server):
    q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    status, headers, body = get(server, q)
    doc = json.loads(body)
    assert status == 200
    assert len(doc["results"]["bindings"]) == 50
    assert doc["head"]["truncated"] is True and doc["head"]["rowCap"] == 50
    assert headers["X-Result-Truncated"]


def test_malformed_query_is_a_json_400(server):
    status, headers, body = get(server, "SELEKT ?x WHERE { ?x ?y }")
    assert status == 400
    assert headers["Content-Type"].startswith("application/json")
    doc = json.loads(body)
    assert doc["error"] == "malformed-query" and doc["status"] == 400 and doc["message"]


def test_missing_query_and_unacceptable_format(server):
    status, _, body = fetch(f"{server.url}/sparql", headers={"Accept": "application/json"})
    assert status == 400 and json.loads(body)["error"] == "missing-query"
    status, _, body = get(server, SELECT, accept="image/png")
    assert status == 406 and json.loads(body)["error"] == "not-acceptable"
    status, _, body = get(server, SELECT, format="turtle")  # a SELECT has no Turtle form
    assert status == 406


def test_browser_without_query_gets_the_editor(server):
    status, _, body = fetch(f"{server.url}/sparql", headers={"Accept": "text/html"})
    assert status == 200 and "SPARQL 编辑器" in body.decode()


def test_update_in_query_parameter_is_not_run(server):
    status, _, _ = get(server, 'INSERT DATA { <urn:x> <urn:y> "z" }')
    assert status == 400
    assert json.loads(get(server, "ASK { <urn:x> ?p ?o }")[2])["boolean"] is False


def test_example_queries_run_verbatim(server):
    """The endpoint applies the project's prefixes as ``budgetkg sparql`` does: every example query
    the editor serves (written without PREFIX lines) answers 200 as it is, with its variables."""
    from web.data.queries import example_queries

    examples = example_queries()
    assert len(examples) >= 20
    for q in examples:
        status, _headers, body = get(server, q["query"])
        assert status == 200, (q["name"], body[:300])
        doc = json.loads(body)
        assert doc["head"]["vars"], q["name"]
    # a prefix the caller declares stays the caller's: here rdfs: bound elsewhere finds nothing
    status, _h, body = get(server, "PREFIX rdfs: <http://example.org/x#> "
                                   "SELECT ?p WHERE { ?p a bkg:Project ; rdfs:label ?l }")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, _h, body = get(server, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a bkg:Project }")
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0
