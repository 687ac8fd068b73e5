"""The JSON API (``/api/…``), documented by ``/api/openapi.json`` and the page ``/api/``.

Every endpoint returns the same data function's output as its HTML page, as JSON.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request

from web.data.answer import AnswerUnavailable, answer
from web.params import department_param, int_param, iri_param, year_param
from web.render import json_response

bp = Blueprint("api", __name__)

# What each endpoint documents about itself: ``openapi_document`` reads these together with the
# app's URL rules, so the description follows the views (a new endpoint documents itself here).
API_DOCS: dict[str, dict] = {}


def documented(summary: str, description: str, params: list[tuple[str, str, bool, str | None]] = (),
               formats: tuple[str, ...] = ("application/json",)):
    """Record an endpoint's summary, parameters ``(name, description, required, example)`` and
    response media types for the OpenAPI description."""
    def wrap(fn):
        API_DOCS[fn.__name__] = {"summary": summary, "description": description, "params": list(params),
                                 "formats": formats}
        return fn
    return wrap


def ctx():
    return current_app.extensions["budgetkg"]


@bp.route("/ask")
@documented("回答中文问题", "与 `budgetkg ask --json` 相同的对象：question, intent, entities, sparql, answers, text；另加 links（实体页面）。", [("q", "问题", True, "青山市生态环境局2025年的收入总计是多少？")])
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
@documented("实体自动补全", "名称包含 q 的实体：iri, label, type, url；部门与项目排在数据点之前。", [("q", "名称片段", True, "监测"), ("limit", "最多条数 (≤100)", False, "20")])
def api_search():
    from web.data.search import search

    return json_response(search(ctx(), request.args.get("q", ""), int_param("limit", 20, 1, 100)))


@bp.route("/entity")
@bp.route("/entity/<path:local>")
@documented("实体", "实体的事实、出入边、各年金额及来源。", [("iri", "完整 IRI（/api/entity 时）", False, None)])
def api_entity(local: str | None = None):
    from web.data.entity import entity
    from web.views_pages import _entity_iri

    data = entity(ctx(), _entity_iri(local))
    if data is None:
        abort(404)
    return json_response(data)


@bp.route("/flows")
@documented("资金流向（桑基图数据）", "一个部门、一个年度的资金来源 → 部门 → 功能科目 → 项目：nodes（label, kind, iri, value 万元）与 links（source, target, value 万元）。不指定部门时取资金最多的部门的最新年度；format=graphml|gexf 返回图文件。", [("department", "部门 IRI 或名称", False, "生态环境局"), ("year", "年度（默认最新）", False, "2025"), ("format", "json | graphml | gexf", False, "graphml")], ("application/json", "application/graphml+xml", "application/gexf+xml"))
def api_flows():
    """JSON, or the projection itself with ``format=graphml|gexf`` (never JSON in disguise)."""
    from web.data.flows import flow_graph_of, flows
    from web.render import graph_response, wanted_format

    fmt = wanted_format(None, ("json", "graphml", "gexf"))
    if fmt in ("graphml", "gexf"):
        return graph_response(flow_graph_of(ctx(), department_param(), year_param()), fmt, "flows")
    return json_response(flows(ctx(), department_param(), year_param()))


@bp.route("/dependencies")
@documented("项目与政策文件依赖网络", "二分布局坐标、依据关系（含项目金额）与各文件的影响范围（项目数、部门数、金额、金额加权中心性）；format=graphml|gexf 返回图文件。", [("department", "部门", False, None), ("year", "年度", False, "2025"), ("policy", "只看一个政策文件（IRI）", False, None), ("cluster", "只看一个关联群（序号）", False, "1"), ("format", "json | graphml | gexf", False, "gexf")], ("application/json", "application/graphml+xml", "application/gexf+xml"))
def api_dependencies():
    from web.data.dependency import dependency_graph_of, dependency_network
    from web.render import graph_response, wanted_format

    fmt = wanted_format(None, ("json", "graphml", "gexf"))
    if fmt in ("graphml", "gexf"):
        return graph_response(dependency_graph_of(ctx(), department_param(), year_param()), fmt, "dependencies")
    return json_response(dependency_network(ctx(), department_param(), year_param(), iri_param("policy"),
                                            int_param("cluster", 0, 0, 10000) or None))


@bp.route("/aggregate")
@documented("按维度汇总（OpenSpending 风格）", "功能分类支出按维度切分（cut）与下钻（drilldown）；subject 下钻给出所切科目的下一级；不同年度、预算与决算从不相加。", [("cut", "维度:值，可重复：year:2025、phase:budget、department:名称或IRI、subject:211", False, "year:2025"), ("drilldown", "year、phase、department、subject，可重复", False, "subject")])
def api_aggregate():
    """Expenditure by functional subject, cut and drilled down by dimension (OpenSpending style)."""
    from web.data.aggregate import aggregate, parse

    cut, drilldown = parse(request.args.getlist("cut"), request.args.getlist("drilldown"))
    return json_response(aggregate(ctx(), tuple(sorted(cut.items())), drilldown))


@bp.route("/audit")
@documented("算术核对未通过项", "每个文件未通过的算术核对，分实质差异与四舍五入尾差，并附汇总。")
def api_audit():
    from web.data.audit import audit_findings

    return json_response(audit_findings(ctx()))


@bp.route("/overview")
@documented("图谱概况", "各类实体数量、文件、年度，以及每个年度分别的金额（不跨年度相加）。")
def api_overview():
    from web.data.overview import overview

    return json_response(overview(ctx()))


@bp.route("/queries")
@documented("示例查询", "ontology/queries/*.rq。")
def api_queries():
    from web.data.queries import example_queries

    return json_response(example_queries())


@bp.route("/openapi.json")
def openapi():
    return json_response(openapi_document())


@bp.route("/")
def docs():
    return render_template("api.html", spec=openapi_document())


def _openapi_path(rule: str) -> str:
    """``/api/entity/<path:local>`` → ``/api/entity/{id}``."""
    import re

    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: "{id}" if m.group(1) == "local" else "{" + m.group(1) + "}", rule)


ERRORS = {"400": {"description": "参数错误"}, "404": {"description": "未找到"},
          "503": {"description": "服务暂不可用 / 查询繁忙"}, "504": {"description": "查询超时"}}


def openapi_document() -> dict:
    """OpenAPI 3.1 description generated from the app's ``/api/`` URL rules and the endpoints'
    own documentation (:data:`API_DOCS`), with example values; plus the SPARQL endpoint."""
    from flask import current_app

    paths: dict[str, dict] = {}
    for rule in sorted(current_app.url_map.iter_rules(), key=lambda r: r.rule):
        name = rule.endpoint.rsplit(".", 1)[-1]
        doc = API_DOCS.get(name)
        if not rule.endpoint.startswith("api.") or doc is None:
            continue
        path = _openapi_path(rule.rule)
        params = [{"name": n, "in": "query", "required": req, "description": d, "schema": {"type": "string"},
                   **({"example": ex} if ex else {})} for n, d, req, ex in doc["params"]
                  if not (n == "iri" and "{id}" in path)]
        if "{id}" in path:
            params.insert(0, {"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
                              "description": "https://budgetkg.org/id/ 之后的部分", "example": "department/青山市生态环境局"})
        example_query = "&".join(f"{n}={ex}" for n, _d, _r, ex in doc["params"] if ex)
        paths[path] = {"get": {
            "summary": doc["summary"], "description": doc["description"], "operationId": name, "parameters": params,
            "x-example-request": path + ("?" + example_query if example_query else ""),
            "responses": {"200": {"description": "OK", "content": {m: {} for m in doc["formats"]}}, **ERRORS}}}
    paths["/sparql"] = {
        "get": {"summary": "SPARQL 1.1 Protocol 查询（自动加上项目的前缀）", "parameters": [
            {"name": "query", "in": "query", "required": True, "schema": {"type": "string"},
             "example": "SELECT ?d ?l WHERE { ?d a bkg:Department ; rdfs:label ?l } LIMIT 10"},
            {"name": "format", "in": "query", "required": False, "schema": {
                "type": "string", "enum": ["json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld"]}}],
            "responses": {"200": {"description": "结果（截断时 head.truncated / X-Result-Truncated）"},
                          "400": {"description": "查询语法错误"}, "403": {"description": "更新被拒绝"},
                          "406": {"description": "不支持的格式"}, "413": {"description": "请求过大"},
                          "503": {"description": "繁忙"}, "504": {"description": "超时"}}},
        "post": {"summary": "SPARQL 查询或更新（表单、application/sparql-query、application/sparql-update）",
                 "responses": {"200": {"description": "结果"}, "204": {"description": "更新完成"},
                               "403": {"description": "更新需要 --allow-updates 与令牌"}}}}
    return {"openapi": "3.1.0",
            "info": {"title": "budgetkg API", "version": "0.2.0",
                     "description": "预算知识图谱的 JSON 接口。金额单位：万元，以精确十进制字符串表示。"},
            "paths": paths}
