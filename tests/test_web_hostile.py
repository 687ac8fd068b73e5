"""The real server (``budgetkg serve`` on a loopback port, a real oxigraph store) under hostile
requests: it makes no outbound request a caller asks for, answers bad parameters with 400, bounds
each query's memory and nesting, and keeps pages, the question API and static files serving while
other clients hammer ``/sparql``. Also ``budgetkg sparql`` (a real subprocess) on the same guard."""
from __future__ import annotations

import json
import socket
import subprocess
import threading
import urllib.parse

import pytest

pytest.importorskip("flask")
pytest.importorskip("waitress")
pytest.importorskip("pyoxigraph")

from tests.test_web_sparql import fetch  # noqa: E402
from tests.web_support import build_oxigraph_store  # noqa: E402
from web.server_process import ServerProcess, budgetkg_command, query_workers  # noqa: E402

TOKEN = "hostile-test-token"
DEEP = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000


class Listener:
    """A TCP listener on a free loopback port that records every connection it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.connections: list[tuple] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, addr = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections.append(addr)
            conn.close()

    def close(self) -> list[tuple]:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()
        return self.connections


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    return build_oxigraph_store(tmp_path_factory.mktemp("store") / "oxi")


@pytest.fixture(scope="module")
def server(store_url):
    srv = ServerProcess(store_url, "--query-timeout", "30", "--query-memory", "200", "--sparql-workers", "1",
                        "--allow-updates", env={"BUDGETKG_UPDATE_TOKEN": TOKEN})
    yield srv
    srv.stop()


def sparql(server, query: str):
    return fetch(f"{server.url}/sparql?" + urllib.parse.urlencode({"query": query}))


def service_queries(url: str) -> list[str]:
    """SERVICE in every form a caller could write it (case, comments, subqueries, prefixes, escapes)."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SELECT * WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ SERVICE # a comment\n <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{url.rsplit('/', 1)[0]}/> SELECT * WHERE {{ SERVICE r:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p 1.SERVICE<{url}>{{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    ]


# Honest queries that merely mention the words: never refused.
HARMLESS = [
    'SELECT ?service WHERE { BIND("SERVICE <http://127.0.0.1:1/> LOAD" AS ?service) }',
    "PREFIX ex: <http://example.org/> SELECT * WHERE { OPTIONAL { ?s ex:service ?o } } # SERVICE <http://x/>",
    "SELECT * WHERE { OPTIONAL { ?s <http://example.org/SERVICE/LOAD> ?o } }",
    "SELECT ?load WHERE { VALUES ?load { 'load' } }",
]


def test_service_and_load_make_no_outbound_request(server, store_url):
    listener = Listener()
    try:
        for query in service_queries(listener.url):
            status, headers, body = sparql(server, query)
            assert status == 400, (query, body)
            assert headers["Content-Type"].startswith("application/json")
            assert json.loads(body)["error"] == "remote-request-refused", query
        for query in HARMLESS:
            status, _, body = sparql(server, query)
            assert status == 200, (query, body)
        # an authorised update may not fetch either (LOAD), and the graph is untouched
        for update in (f"LOAD <{listener.url}>", f"load silent <{listener.url}> into graph <urn:x>"):
            status, _, body = fetch(f"{server.url}/sparql", data=update.encode(), headers={
                "Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
            assert status == 400 and json.loads(body)["error"] == "remote-request-refused"
        # budgetkg sparql on the command line goes through the same guard
        proc = subprocess.run(budgetkg_command("sparql", service_queries(listener.url)[0], "--store", store_url),
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1 and "remote-request-refused" in proc.stderr
    finally:
        received = listener.close()
    assert received == []
    assert "Traceback" not in server.log()


HOSTILE_IRIS = ["http://x> } ; DROP ALL ; <http://y", "https://a b", "http://a\"b", "http://a{b}",
                "http://a\\u003e", "http://a\x01b", "https://" + "a" * 5000]
IRI_VIEWS = ["/flows", "/flows.json", "/flows.csv", "/api/flows", "/dependencies", "/dependencies.json",
             "/dependencies.csv", "/api/dependencies"]


def test_hostile_parameters_are_400_never_500(server):
    cases = [(view, "department", value) for view in IRI_VIEWS for value in HOSTILE_IRIS]
    cases += [(view, "year", value) for view in ("/flows.json", "/api/dependencies")
              for value in ('2025" } ; DROP ALL', "abc", "9" * 40)]
    cases += [(view, "iri", value) for view in ("/entity/", "/entity.json", "/entity.ttl", "/api/entity")
              for value in HOSTILE_IRIS + ["not an iri", "javascript"]]
    cases += [("/flows.json", "department", "青山\x00市")]
    for view, name, value in cases:
        status, headers, body = fetch(f"{server.url}{view}?" + urllib.parse.urlencode({name: value}))
        assert status == 400, (view, name, value, status)
        machine = view.startswith("/api/") or view.endswith((".json", ".csv", ".ttl"))
        if machine:
            assert headers["Content-Type"].startswith("application/json"), (view, value)
            data = json.loads(body)
            assert data["error"] == "bad-parameter" and name in data["message"] and data["status"] == 400
        else:
            assert headers["Content-Type"].startswith("text/html") and "参数" in body.decode(), view
    # honest parameters still work
    status, _, body = fetch(f"{server.url}/api/flows?" + urllib.parse.urlencode({"department": "青山", "year": "2025"}))
    assert status == 200 and json.loads(body)["links"]
    assert "Traceback" not in server.log()


def test_query_past_the_memory_limit_is_stopped_and_the_server_goes_on(server):
    status, headers, body = sparql(server, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f")
    assert status == 507, body[:300]
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["error"] == "memory-limit"
    status, _, body = sparql(server, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert len(query_workers(server.proc.pid, "sparql")) == 1  # replaced, not leaked
    assert fetch(f"{server.url}/")[0] == 200


def test_deep_nesting_is_refused_before_parsing(server, store_url):
    for query in (DEEP, "SELECT * WHERE { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }"):
        status, _, body = fetch(f"{server.url}/sparql", data=query.encode(),
                                headers={"Content-Type": "application/sparql-query"})
        assert status == 400 and json.loads(body)["error"] == "query-too-deep"
    nested = "SELECT * WHERE " + "{" * 40 + " ?s ?p ?o " + "}" * 40 + " LIMIT 1"
    assert sparql(server, nested)[0] == 200  # honest nesting passes
    proc = subprocess.run(budgetkg_command("sparql", DEEP, "--store", store_url), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])  # was -11: segmentation fault
    assert "query-too-deep" in proc.stderr
    assert "Traceback" not in server.log()


EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def get_from(server, path: str, source: str, timeout: float = 120.0):
    """GET from the loopback address ``source`` (each client its own address, as distinct clients
    would be): (status, headers)."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=timeout,
                                      source_address=(source, 0))
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        return resp.status, dict(resp.headers)
    finally:
        conn.close()


def test_expensive_sparql_does_not_starve_pages_api_or_static_files(store_url):
    srv = ServerProcess(store_url, "--query-timeout", "2", "--sparql-workers", "1", "--sparql-queue", "4",
                        "--sparql-per-client", "1")
    stop = threading.Event()
    heavy: list[tuple[int, dict]] = []

    def hammer(source: str) -> None:
        for _ in range(40):  # bounded in requests …
            if stop.is_set():
                return
            heavy.append(get_from(srv, "/sparql?" + urllib.parse.urlencode({"query": EXPENSIVE}), source))

    # four clients, each with two connections at once (one over its share of one)
    threads = [threading.Thread(target=hammer, args=(f"127.0.0.{10 + i}",), daemon=True)
               for i in range(4) for _ in range(2)]
    try:
        for t in threads:
            t.start()
        for _ in range(300):  # the endpoint is saturated (a client over its share was refused) …
            if any(s == 503 for s, _ in list(heavy)):
                break
            stop.wait(0.2)
        found = json.loads(fetch(f"{srv.url}/api/search?" + urllib.parse.urlencode({"q": "青山"}))[2])
        entity = "/entity/?" + urllib.parse.urlencode({"iri": found[0]["iri"]})
        polite = ["/", "/api/ask?" + urllib.parse.urlencode({"q": "青山市生态环境局2025年的收入总计是多少？"}),
                  "/static/app.css", entity, "/flows.json", "/api/overview"] * 3
        polite.append("/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))
        # … while another client's cheap requests all succeed (the bound only a starvation bug would hit)
        answers = [(path, get_from(srv, path, "127.0.0.2", timeout=60)[0]) for path in polite]
        assert all(status == 200 for _, status in answers), [a for a in answers if a[1] != 200]
    finally:
        stop.set()
        for t in threads:  # … and in seconds: each request ends within the time limit
            t.join(120)
        srv.stop()
    refused = [h for s, h in heavy if s == 503]
    assert refused, "a client with two queries at once is over its share of one"
    assert all(h.get("Retry-After", "").isdigit() for h in refused)
    assert {s for s, _ in heavy} <= {200, 503, 504}
    assert "Traceback" not in srv.log(), srv.log()[-4000:]
