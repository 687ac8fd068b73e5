"""Security of the web app against the real server: inert script tags, read-only by default,
updates only with the token, queries stopped by the time limit, oversize requests refused."""
from __future__ import annotations

import json
import urllib.parse

import pytest

pytest.importorskip("flask")
pytest.importorskip("waitress")
pytest.importorskip("pyoxigraph")

from tests.test_web_sparql import fetch, get  # noqa: E402
from tests.web_support import XSS, XSS_PROJECT, build_oxigraph_store  # noqa: E402
from web.server_process import ServerProcess, query_workers  # noqa: E402

# Four independent scans of every triple: far more work than any time limit allows.
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TOKEN = "s3cret-test-token"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    return build_oxigraph_store(tmp_path_factory.mktemp("store") / "oxi")


@pytest.fixture(scope="module")
def server(store_url):
    srv = ServerProcess(store_url, "--query-timeout", "1", "--query-workers", "1", "--sparql-workers", "1")
    yield srv
    srv.stop()


@pytest.fixture()
def writable_server(tmp_path):
    url = build_oxigraph_store(tmp_path / "oxi")
    srv = ServerProcess(url, "--allow-updates", env={"BUDGETKG_UPDATE_TOKEN": TOKEN})
    yield srv
    srv.stop()


def test_script_in_a_label_is_inert_html(server):
    status, _, body = fetch(f"{server.url}/api/search?" + urllib.parse.urlencode({"q": "宣传项目"}))
    hit = json.loads(body)[0]
    assert hit["label"] == XSS_PROJECT
    status, _, body = fetch(server.url + hit["url"])
    html = body.decode()
    assert status == 200
    assert XSS not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;宣传项目" in html


def test_script_in_a_question_is_inert_html(server):
    status, _, body = fetch(f"{server.url}/ask?" + urllib.parse.urlencode({"q": XSS + "收入是多少"}))
    html = body.decode()
    assert XSS not in html and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


def test_update_without_updates_enabled_is_refused(server):
    status, _, body = fetch(f"{server.url}/sparql", data=b'INSERT DATA { <urn:a> <urn:b> "c" }',
                            headers={"Content-Type": "application/sparql-update",
                                     "Authorization": f"Bearer {TOKEN}"})
    assert status == 403 and json.loads(body)["error"] == "update-forbidden"
    form = urllib.parse.urlencode({"update": 'INSERT DATA { <urn:a> <urn:b> "c" }'}).encode()
    status, _, _ = fetch(f"{server.url}/sparql", data=form,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    assert json.loads(get(server, "ASK { <urn:a> ?p ?o }")[2])["boolean"] is False


def test_update_needs_the_token(writable_server):
    update = b'INSERT DATA { GRAPH <https://budgetkg.org/graph/test> { <urn:a> <urn:b> "c" } }'
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        status, _, _ = fetch(f"{writable_server.url}/sparql", data=update,
                             headers={"Content-Type": "application/sparql-update", **headers})
        assert status == 403
    assert json.loads(get(writable_server, "ASK { GRAPH ?g { <urn:a> ?p ?o } }")[2])["boolean"] is False
    status, _, _ = fetch(f"{writable_server.url}/sparql", data=update,
                         headers={"Content-Type": "application/sparql-update",
                                  "Authorization": f"Bearer {TOKEN}"})
    assert status == 204
    assert json.loads(get(writable_server, "ASK { GRAPH ?g { <urn:a> ?p ?o } }")[2])["boolean"] is True


def test_expensive_query_is_stopped_and_the_server_answers_next(server):
    status, headers, body = get(server, EXPENSIVE)
    assert status == 504
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["error"] == "timeout"
    # the next request is answered (the one query worker was killed and replaced) …
    status, _, body = get(server, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True
    # … and the killed worker is really gone: exactly the one configured /sparql worker remains
    assert len(query_workers(server.proc.pid, "sparql")) == 1


def test_oversize_requests_are_refused(server):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 70_000
    status, _, body = fetch(f"{server.url}/sparql", data=big.encode(),
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and json.loads(body)["error"] == "request-too-large"
    status, _, _ = fetch(f"{server.url}/sparql", data=b"x" * 300_000,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413
    status, _, _ = fetch(f"{server.url}/sparql?" + urllib.parse.urlencode({"query": big}))
    assert status in (413, 414, 431)
    status, _, _ = fetch(f"{server.url}/api/ask?" + urllib.parse.urlencode({"q": "问" * 30_000}))
    assert status in (413, 414, 431)
    # and the server is fine afterwards
    assert get(server, "ASK { ?s ?p ?o }")[0] == 200
