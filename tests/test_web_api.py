"""The JSON API, the entity pages' variants and content negotiation, against the real server with
the on-disk oxigraph store (query worker processes) and with the in-process memory store (query
threads): the same answers from both."""
from __future__ import annotations

import csv
import io
import json
import urllib.parse

import pytest

pytest.importorskip("flask")
pytest.importorskip("waitress")
pytest.importorskip("pyoxigraph")

from tests.test_web_sparql import fetch  # noqa: E402
from tests.web_support import XSS_PROJECT, build_memory_store, build_oxigraph_store  # noqa: E402
from web.server_process import ServerProcess, ThreadServer  # noqa: E402

DEPT = "https://budgetkg.org/id/department/%E9%9D%92%E5%B1%B1%E5%B8%82%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83%E5%B1%80"


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def server(request, tmp_path_factory):
    if request.param == "oxigraph":
        srv = ServerProcess(build_oxigraph_store(tmp_path_factory.mktemp("store") / "oxi"))
    else:
        srv = ThreadServer({"STORE": build_memory_store(), "STORE_URL": "memory"})
    yield srv
    srv.stop()


def get_json(server, path: str, **params):
    url = server.url + path + ("?" + urllib.parse.urlencode(params) if params else "")
    status, headers, body = fetch(url)
    assert headers["Content-Type"].startswith("application/json"), (url, status, body[:200])
    return status, json.loads(body)


def test_search_finds_entities_for_autocomplete(server):
    status, hits = get_json(server, "/api/search", q="监测")
    assert status == 200
    labels = {h["label"] for h in hits}
    assert {"空气质量自动监测站运维费", "河流断面水质监测", "青山市环境监测站"} <= labels
    assert all(h["url"].startswith("/entity/") for h in hits)
    assert get_json(server, "/api/search", q="")[1] == []


def test_entity_json_api_and_page_variants(server):
    status, data = get_json(server, "/api/entity", iri=DEPT)
    assert status == 200 and data["label"] == "青山市生态环境局"
    assert any(t["label"] == "部门" for t in data["types"])
    targets = {e["target"]["label"] for e in data["outgoing"]}
    assert "空气质量自动监测站运维费" in targets  # bkg:allocates
    figures = {(f["year"], f["measure"], f["amount"]) for f in data["figures"]}
    assert ("2025", "收入总计", "1500.00") in figures or any(a == "1500.00" for _, _, a in figures)
    local = DEPT.split("/id/", 1)[1]
    assert get_json(server, f"/api/entity/{local}")[1]["iri"] == DEPT
    assert get_json(server, f"/entity/{local}.json")[1]["iri"] == DEPT
    status, headers, body = fetch(f"{server.url}/entity/{local}.ttl")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    import rdflib

    g = rdflib.Graph().parse(data=body.decode(), format="turtle")
    assert (rdflib.URIRef(DEPT), rdflib.RDFS.label, rdflib.Literal("青山市生态环境局")) in g


def test_entity_content_negotiation(server):
    if isinstance(server, ThreadServer):
        pytest.skip("negotiation is the same code on both stores; checked on oxigraph only (rdflib is slow)")
    local = DEPT.split("/id/", 1)[1]
    for accept, mime in (("application/json", "application/json"), ("text/turtle", "text/turtle"),
                         ("text/html,application/xhtml+xml,*/*;q=0.8", "text/html")):
        status, headers, _ = fetch(f"{server.url}/entity/{local}", headers={"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(mime), accept
        assert "Accept" in headers.get("Vary", "")


def test_unknown_entity_is_404(server):
    status, data = get_json(server, "/api/entity/department/nowhere")
    assert status == 404 and data["error"] == "not-found"
    status, _, body = fetch(server.url + "/entity/department/nowhere")
    assert status == 404 and "未找到" in body.decode()


def test_flows_api_filters_by_department_and_year(server):
    _, all_flows = get_json(server, "/api/flows")
    kinds = {n["kind"] for n in all_flows["nodes"]}
    assert kinds == {"funding", "department", "subject", "project", "share"}  # share: 基本支出 and the like
    _, one = get_json(server, "/api/flows", department=DEPT, year="2025")
    labels = {n["label"] for n in one["nodes"]}
    assert "青山市生态环境局" in labels and "青山市环境监测站" not in labels and XSS_PROJECT not in labels
    by_label = {n["label"]: n for n in one["nodes"]}
    assert by_label["空气质量自动监测站运维费"]["value"] == "500.00"
    # every subject passes on exactly what it receives
    for n in one["nodes"]:
        if n["kind"] == "subject":
            i = one["nodes"].index(n)
            inflow = sum(float(l["value"]) for l in one["links"] if l["target"] == i)
            outflow = sum(float(l["value"]) for l in one["links"] if l["source"] == i)
            assert inflow == outflow
    _, none = get_json(server, "/api/flows", year="1999")
    assert none["nodes"] == [] and none["links"] == []
    _, by_name = get_json(server, "/api/flows", department="环境监测站")
    assert {n["label"] for n in by_name["nodes"] if n["kind"] == "department"} == {"青山市环境监测站"}


def test_csv_variants_share_the_data(server):
    status, headers, body = fetch(server.url + "/flows.csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert status == 200 and rows[0] == ["source", "target", "value_万元"]
    # the balanced money model (kg/rdf/flows.py): the department passes each 类 its printed 合计
    assert ["青山市生态环境局", "节能环保支出", "1500.00"] in rows
    status, _, body = fetch(server.url + "/audit.csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert ["children_sum", "表3 211", "1500.00", "1499.99", "-0.01"] in [r[1:] for r in rows[1:]]


def test_dependencies_measures(server):
    _, data = get_json(server, "/api/dependencies")
    top = data["ranking"][0]
    assert top["label"] == "《青山市大气污染防治行动计划》" and top["projects"] == 3
    assert data["stats"] == {"projects": 4, "policies": 2, "edges": 5, "components": 1}
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_overview_and_openapi(server):
    _, data = get_json(server, "/api/overview")
    assert data["document_count"] == 2 and data["years"] == ["2024", "2025"]
    # totals are never added across years (or a budget and a 决算): one figure per year and phase
    assert "total_amount" not in data
    assert data["totals_by_year"] == [{"year": "2025", "phase": "预算", "amount": "1500.00", "documents": 1},
                                      {"year": "2024", "phase": "预算", "amount": "300.00", "documents": 1}]
    _, spec = get_json(server, "/api/openapi.json")
    assert spec["openapi"].startswith("3.")
    for path in ("/api/ask", "/api/search", "/api/entity/{id}", "/api/flows", "/api/aggregate", "/sparql"):
        assert path in spec["paths"]
    # generated from the views: every /api/ endpoint is described, with an example request that works
    flows = spec["paths"]["/api/flows"]["get"]
    assert {"application/graphml+xml", "application/gexf+xml"} <= set(flows["responses"]["200"]["content"])
    status, _, _ = fetch(server.url + urllib.parse.quote(spec["paths"]["/api/aggregate"]["get"]["x-example-request"],
                                                          safe="/?&=:"))
    assert status == 200
    status, _, body = fetch(server.url + "/api/")
    assert status == 200 and "/api/flows" in body.decode()


def test_ask_api(server):
    status, data = get_json(server, "/api/ask")
    assert status == 400 and data["error"] == "missing-question"
    status, data = get_json(server, "/api/ask", q="青山市生态环境局2025年的收入总计是多少？")
    assert status == 200, data
    assert set(data) >= {"question", "intent", "entities", "sparql", "answers", "text"}
    assert "1500" in data["text"].replace(",", "")
    assert any(link["iri"] == DEPT for link in data["links"])


def test_graphml_and_gexf_are_what_they_say_and_load_back(server):
    """``format=graphml`` returns GraphML (not JSON in disguise); it loads into networkx with the
    same nodes and amounts as the JSON."""
    from decimal import Decimal

    from kg.analytics.export import read

    _, data = get_json(server, "/api/flows", department=DEPT, year="2025")
    json_edges = {(data["nodes"][l["source"]]["id"], data["nodes"][l["target"]]["id"]): Decimal(l["value"])
                  for l in data["links"]}
    for fmt, mime in (("graphml", "application/graphml+xml"), ("gexf", "application/gexf+xml")):
        status, headers, body = fetch(server.url + "/api/flows?" + urllib.parse.urlencode(
            {"department": DEPT, "year": "2025", "format": fmt}))
        assert status == 200 and headers["Content-Type"].startswith(mime)
        g = read(body.decode("utf-8"), fmt)
        assert {(a, b): d["amount"] for a, b, d in g.edges(data=True)} == json_edges
    status, headers, body = fetch(server.url + "/dependencies.graphml")
    assert status == 200 and read(body.decode("utf-8"), "graphml").number_of_edges() == 5
    status, _, _ = fetch(server.url + "/flows?format=xlsx")
    assert status == 400


def test_aggregate_cuts_and_drills_down_without_adding_years(server):
    _, data = get_json(server, "/api/aggregate")
    assert [(c["year"]["key"], c["amount"]) for c in data["cells"]] == [("2024", "300.00"), ("2025", "1500.00")]
    _, data = get_json(server, "/api/aggregate?cut=year:2025&cut=subject:211&drilldown=subject")
    assert [(c["subject"]["label"], c["subject"]["code"], c["amount"]) for c in data["cells"]] == \
        [("污染防治", "21103", "900.00")]
    status, data = get_json(server, "/api/aggregate?cut=colour:red")
    assert status == 400 and data["error"] == "bad-parameter"


def test_search_ranks_departments_and_projects_first_and_editor_csv_has_a_bom(server):
    _, hits = get_json(server, "/api/search", q="青山")
    assert {h["label"] for h in hits[:2]} == {"青山市生态环境局", "青山市环境监测站"}  # the departments first
    status, headers, body = fetch(server.url + "/sparql?" + urllib.parse.urlencode(
        {"query": "SELECT ?l WHERE { ?d a <https://budgetkg.org/ontology#Department> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }", "format": "csv", "download": "1"}))
    assert status == 200 and body.startswith("\ufeff".encode("utf-8"))
    status, headers, body = fetch(server.url + "/sparql?" + urllib.parse.urlencode(
        {"query": "SELECT ?l WHERE { ?d a <https://budgetkg.org/ontology#Department> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }", "format": "csv"}))
    assert not body.startswith("\ufeff".encode("utf-8"))  # the protocol's CSV stays plain for programs


def test_nothing_found_suggests_what_the_graph_holds(server):
    status, _, body = fetch(server.url + "/ask?" + urllib.parse.urlencode({"q": "北京市公安局2019年的三公经费是多少？"}))
    html = body.decode()
    assert status == 200 and 'id="nothing-found"' in html
    assert "图谱现有 2 个部门的文件（2025 年预算、2024 年预算）" in html
    assert "青山市环境监测站" in html and "青山市生态环境局" in html
