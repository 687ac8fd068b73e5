"""The web app over the corpus graph (``../shared``): the three real budgets read by the project's
own extraction, mapped and served. Skipped with the reason where ``../shared`` is absent."""
from __future__ import annotations

import json
import urllib.parse

import pytest

pytest.importorskip("flask")
pytest.importorskip("pyoxigraph")

from tests.test_web_sparql import fetch, get  # noqa: E402
from tests.web_support import build_oxigraph_store  # noqa: E402
from web.server_process import ServerProcess  # noqa: E402

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def server(corpus_records, tmp_path_factory):
    srv = ServerProcess(build_oxigraph_store(tmp_path_factory.mktemp("corpus") / "oxi", corpus_records))
    yield srv
    srv.stop()


def test_home_lists_the_corpus_documents(server, corpus_records):
    status, _, body = fetch(server.url + "/index.json")
    data = json.loads(body)
    assert status == 200
    assert data["document_count"] == len({(r.department, r.year, r.kind) for r in corpus_records})
    departments = {d["department"]["label"] for d in data["documents"] if d["department"]}
    assert any("生态环境局" in d for d in departments)


def test_every_department_and_project_page_resolves(server):
    q = ("PREFIX bkg: <https://budgetkg.org/ontology#> SELECT ?e WHERE { { ?e a bkg:Department } UNION "
         "{ ?e a bkg:Project } UNION { ?e a bkg:PolicyDocument } } LIMIT 15")
    iris = [b["e"]["value"] for b in json.loads(get(server, q)[2])["results"]["bindings"]]
    assert iris
    for iri in iris:
        status, _, body = fetch(server.url + "/api/entity?" + urllib.parse.urlencode({"iri": iri}))
        assert status == 200, iri
        assert json.loads(body)["label"]
        local = iri.split("/id/", 1)[1]
        status, headers, _ = fetch(f"{server.url}/entity/{local}.ttl")
        assert status == 200 and headers["Content-Type"].startswith("text/turtle")


def test_flows_audit_and_dependencies_have_data(server):
    flows = json.loads(fetch(server.url + "/api/flows")[2])
    kinds = {n["kind"] for n in flows["nodes"]}
    assert {"funding", "department", "project"} <= kinds
    assert all(float(link["value"]) > 0 for link in flows["links"])
    audit = json.loads(fetch(server.url + "/api/audit")[2])
    assert audit["documents"]
    deps = json.loads(fetch(server.url + "/api/dependencies")[2])
    assert deps["stats"]["edges"] == len(deps["edges"])


def test_ask_answers_an_example_question(server):
    status, _, body = fetch(server.url + "/api/ask?" + urllib.parse.urlencode(
        {"q": "克孜勒苏柯尔克孜自治州生态环境局2024年“三公”经费是多少？"}))
    data = json.loads(body)
    assert status == 200
    assert set(data) >= {"question", "intent", "entities", "sparql", "answers", "text", "links"}
    assert data["text"]
