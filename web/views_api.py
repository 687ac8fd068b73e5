"""The JSON API (``/api/…``), documented by ``/api/openapi.json`` and the page ``/api/``.

Every endpoint returns the same data function's output as its HTML page, as JSON.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request

from web.data.answer import AnswerUnavailable, answer
from web.params import department_param, int_param, iri_param, year_param
from web.render import json_response

bp = Blueprint("api", __name__)


def ctx():
    return current_app.extensions["budgetkg"]


@bp.route("/ask")
def api_ask():
    q = (request.args.get("q") or "").strip()
    if not q:
        return json_response({"error": "missing-question", "message": "缺少参数 q (no question)", "status": 400}, 400)
    if len(q.encode()) > int(current_app.config["MAX_QUERY_BYTES"]):
        abort(413)
    try:
        return json_response(answer(ctx(), q))
    except AnswerUnavailable as exc:
        return json_response({"error": "answer-unavailable", "message": str(exc), "status": 503}, 503)


@bp.route("/search")
def api_search():
    from web.data.search import search

    return json_response(search(ctx(), request.args.get("q", ""), int_param("limit", 20, 1, 100)))


@bp.route("/entity")
@bp.route("/entity/<path:local>")
def api_entity(local: str | None = None):
    from web.data.entity import entity
    from web.views_pages import _entity_iri

    data = entity(ctx(), _entity_iri(local))
    if data is None:
        abort(404)
    return json_response(data)


@bp.route("/flows")
def api_flows():
    """JSON, or the projection itself with ``format=graphml|gexf`` (never JSON in disguise)."""
    from web.data.flows import flow_graph_of, flows
    from web.render import graph_response, wanted_format

    fmt = wanted_format(None, ("json", "graphml", "gexf"))
    if fmt in ("graphml", "gexf"):
        return graph_response(flow_graph_of(ctx(), department_param(), year_param()), fmt, "flows")
    return json_response(flows(ctx(), department_param(), year_param()))


@bp.route("/dependencies")
def api_dependencies():
    from web.data.dependency import dependency_graph_of, dependency_network
    from web.render import graph_response, wanted_format

    fmt = wanted_format(None, ("json", "graphml", "gexf"))
    if fmt in ("graphml", "gexf"):
        return graph_response(dependency_graph_of(ctx(), department_param(), year_param()), fmt, "dependencies")
    return json_response(dependency_network(ctx(), department_param(), year_param(), iri_param("policy"),
                                            int_param("cluster", 0, 0, 10000) or None))


@bp.route("/audit")
def api_audit():
    from web.data.audit import audit_findings

    return json_response(audit_findings(ctx()))


@bp.route("/overview")
def api_overview():
    from web.data.overview import overview

    return json_response(overview(ctx()))


@bp.route("/queries")
def api_queries():
    from web.data.queries import example_queries

    return json_response(example_queries())


@bp.route("/openapi.json")
def openapi():
    return json_response(openapi_document())


@bp.route("/")
def docs():
    return render_template("api.html", spec=openapi_document())


def _get(summary: str, params: list[tuple[str, str, bool]], desc: str) -> dict:
    return {"get": {
        "summary": summary, "description": desc,
        "parameters": [{"name": n, "in": "query", "required": req, "description": d,
                        "schema": {"type": "string"}} for n, d, req in params],
        "responses": {"200": {"description": "OK", "content": {"application/json": {}}},
                      "400": {"description": "参数错误"}, "404": {"description": "未找到"},
                      "503": {"description": "服务暂不可用 / 查询繁忙"},
                      "504": {"description": "查询超时"}}}}


def openapi_document() -> dict:
    """OpenAPI 3.1 description of the JSON API and the SPARQL endpoint."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "budgetkg API", "version": "0.1.0",
                 "description": "预算知识图谱的 JSON 接口。金额单位：万元，以精确十进制字符串表示。"},
        "paths": {
            "/api/ask": _get("回答中文问题", [("q", "问题", True)],
                             "与 `budgetkg ask --json` 相同的对象：question, intent, entities, sparql, answers, text；另加 links（实体页面）。"),
            "/api/search": _get("实体自动补全", [("q", "名称片段", True), ("limit", "最多条数 (≤100)", False)],
                                "名称包含 q 的实体：iri, label, type, url。"),
            "/api/entity/{id}": {"get": {**_get("实体", [], "实体的事实、出入边、各年金额及来源。")["get"],
                                         "parameters": [{"name": "id", "in": "path", "required": True,
                                                         "description": "https://budgetkg.org/id/ 之后的部分",
                                                         "schema": {"type": "string"}}]}},
            "/api/entity": _get("实体（按完整 IRI）", [("iri", "完整 IRI", True)], "同上。"),
            "/api/flows": _get("资金流向（桑基图数据）", [("department", "部门 IRI 或名称", False), ("year", "年度", False)],
                               "nodes（label, kind, iri, value 万元）与 links（source, target, value 万元）：资金来源 → 部门 → 功能科目 → 项目。"),
            "/api/dependencies": _get("项目与政策文件依赖网络", [("department", "部门", False), ("year", "年度", False)],
                                      "networkx 计算的布局坐标与度量（被最多项目依据的文件）。"),
            "/api/audit": _get("算术核对未通过项", [], "每个文件未通过的算术核对。"),
            "/api/overview": _get("图谱概况", [], "各类实体数量、文件、年度、总金额。"),
            "/api/queries": _get("示例查询", [], "ontology/queries/*.rq。"),
            "/sparql": {
                "get": {"summary": "SPARQL 1.1 Protocol 查询", "parameters": [
                    {"name": "query", "in": "query", "required": True, "schema": {"type": "string"}},
                    {"name": "format", "in": "query", "required": False, "schema": {
                        "type": "string", "enum": ["json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld"]}}],
                    "responses": {"200": {"description": "结果（截断时 head.truncated / X-Result-Truncated）"},
                                  "400": {"description": "查询语法错误"}, "403": {"description": "更新被拒绝"},
                                  "406": {"description": "不支持的格式"}, "413": {"description": "请求过大"},
                                  "503": {"description": "繁忙"}, "504": {"description": "超时"}}},
                "post": {"summary": "SPARQL 查询或更新（表单、application/sparql-query、application/sparql-update）",
                         "responses": {"200": {"description": "结果"}, "204": {"description": "更新完成"},
                                       "403": {"description": "更新需要 --allow-updates 与令牌"}}},
            },
        },
    }
