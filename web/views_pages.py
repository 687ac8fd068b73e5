"""The HTML pages (and their ``.json``/``.csv``/``.ttl`` variants): one data function each."""
from __future__ import annotations

import os
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, render_template, request

from web.data.answer import KIND_NAMES, AnswerUnavailable, answer, answer_table, example_questions, part_tables
from web.executor import QueryError
from web.params import department_param, int_param, iri_param, year_param
from web.render import json_response, respond, wanted_format
from web.vocab import data_ns, prefixes, sparql_prologue

bp = Blueprint("pages", __name__)


def ctx():
    return current_app.extensions["budgetkg"]


def wants_data() -> bool:
    """Whether the request asked for data (API, ``.json``/``.csv``/``.ttl``, ``format=`` or an
    ``Accept`` of JSON): its errors are JSON then, else the HTML error page."""
    return (request.path.startswith("/api/") or request.path.endswith((".json", ".csv", ".ttl"))
            or request.args.get("format") in ("json", "csv", "ttl")
            or request.accept_mimetypes.best == "application/json")


def error_response(status: int, kind: str, message: str, page_message: str | None = None) -> Response:
    if wants_data():
        return json_response({"error": kind, "message": message, "status": status}, status)
    return Response(render_template("error.html", status=status, message=page_message or message),
                    status=status, mimetype="text/html")


@bp.app_errorhandler(QueryError)
def query_failed(exc: QueryError):
    """A page whose query failed (timeout, busy, store missing) or whose parameter is unusable
    (``web.params.BadParameter``) says so with the status code."""
    return error_response(exc.status, exc.kind, exc.message)


@bp.app_errorhandler(404)
def not_found(_exc):
    return error_response(404, "not-found", "未找到 (not found)", "未找到该页面或实体")


@bp.app_errorhandler(400)
def bad_request(exc):
    return error_response(400, "bad-request", f"请求无效 (bad request: {getattr(exc, 'description', '')})",
                          "请求无效")


@bp.route("/")
@bp.route("/index.<any(json):suffix>")
def home(suffix: str | None = None):
    from web.data.overview import overview

    data = {**overview(ctx()), "examples": example_questions(ctx())}  # cached: never mutate
    return respond(data, "home.html", wanted_format(suffix),
                   table=lambda d: (["document", "department", "year", "total_万元"],
                                    [[x["label"], (x["department"] or {}).get("label"), x["year"], x["total"]]
                                     for x in d["documents"]]), filename="documents.csv")


@bp.route("/ask")
@bp.route("/ask.<any(json, csv):suffix>")
def ask(suffix: str | None = None):
    q = (request.args.get("q") or "").strip()
    fmt = wanted_format(suffix)
    if len(q.encode()) > int(current_app.config["MAX_QUERY_BYTES"]):
        abort(413)
    data: dict = {"question": q, "error": None, "answer": None, "examples": [] if q else example_questions(ctx())}
    status = 200
    if q:
        try:
            data["answer"] = answer(ctx(), q)
        except AnswerUnavailable as exc:
            data["error"], status = str(exc), 503
    if fmt == "json":
        return json_response(data["answer"] or {"question": q, "error": data["error"]}, status)
    if fmt == "csv" and data["answer"]:
        cols, rows = answer_table(data["answer"])
        from web.render import csv_response

        return csv_response(cols, rows, "answer.csv")
    if data["answer"]:
        data["columns"], data["rows"] = answer_table(data["answer"])
        data["parts"] = part_tables(data["answer"])
        data["kind_names"] = KIND_NAMES
        if not data["answer"].get("answers"):
            from web.data.overview import holdings

            data["holds"] = holdings(ctx())
    return Response(render_template("answer.html", **data), status=status, mimetype="text/html")


@bp.route("/editor")
def editor():
    from web.data.queries import example_queries

    return render_template("editor.html", examples=example_queries(), prologue=sparql_prologue(),
                           prefixes=prefixes(), initial=request.args.get("query") or "",
                           entity_base=data_ns())


def _entity_iri(local: str | None) -> str:
    """The entity of ``?iri=`` (checked by ``web.params``) or of the path under the id namespace
    (percent-encoded here, so any path makes a valid IRI)."""
    iri = iri_param("iri")
    if iri:
        return iri
    if not local:
        abort(404)
    return data_ns() + quote(local, safe="/")


def entity_view(local: str | None, suffix: str | None):
    from web.data.entity import entity, entity_turtle

    iri = _entity_iri(local)
    fmt = wanted_format(suffix, ("html", "json", "ttl"))
    data = entity(ctx(), iri)
    if data is None:
        abort(404)
    if fmt == "ttl":
        return Response(entity_turtle(ctx(), iri), mimetype="text/turtle")
    if fmt == "html":
        from web.data.department import department_dashboard, is_department

        dashboard = department_dashboard(ctx(), iri, year_param()) if is_department(ctx(), iri) else None
        if dashboard is not None:
            return respond({**data, "dashboard": dashboard}, "department.html", fmt)  # cached: never mutate
    return respond(data, "entity.html", fmt)


@bp.route("/entity/")
@bp.route("/entity.<any(json, ttl):suffix>")
def entity_by_iri(suffix: str | None = None):
    return entity_view(None, suffix)


@bp.route("/entity/<path:local>")
def entity_page(local: str):
    suffix = None
    for ext in ("json", "ttl"):
        if local.endswith("." + ext):
            local, suffix = local[: -len(ext) - 1], ext
    return entity_view(local, suffix)


FLOW_FORMATS = ("html", "json", "csv", "graphml", "gexf")


@bp.route("/flows")
@bp.route("/flows.<any(json, csv, graphml, gexf):suffix>")
def flows(suffix: str | None = None):
    """The Sankey of one department and year (never mixed years), and its data in every format."""
    from web.data.flows import flow_choices, flow_graph_of, flows as flow_data
    from web.render import GRAPH_FORMATS, graph_response

    fmt = wanted_format(suffix, FLOW_FORMATS)
    if fmt in GRAPH_FORMATS:
        return graph_response(flow_graph_of(ctx(), department_param(), year_param()), fmt, "flows")
    data = flow_data(ctx(), department_param(), year_param())
    if fmt == "html":
        data = {**data, "choices": flow_choices(ctx())}  # cached: never mutate
    return respond(data, "flows.html", fmt,
                   table=lambda d: (["source", "target", "value_万元"],
                                    [[d["nodes"][l["source"]]["label"], d["nodes"][l["target"]]["label"],
                                      l["value"]] for l in d["links"]]), filename="flows.csv")


@bp.route("/dependencies")
@bp.route("/dependencies.<any(json, csv, graphml, gexf):suffix>")
def dependencies(suffix: str | None = None):
    """Projects and their policy documents, filtered by a document (``policy``) or a cluster."""
    from web.data.dependency import dependency_graph_of, dependency_network
    from web.render import GRAPH_FORMATS, graph_response

    fmt = wanted_format(suffix, FLOW_FORMATS)
    if fmt in GRAPH_FORMATS:
        return graph_response(dependency_graph_of(ctx(), department_param(), year_param()), fmt, "dependencies")
    data = dependency_network(ctx(), department_param(), year_param(), iri_param("policy"),
                              int_param("cluster", 0, 0, 10000) or None)
    return respond(data, "dependencies.html", fmt,
                   table=lambda d: (["policy_document", "projects", "in_degree_centrality"],
                                    [[p["label"], p["projects"], p["centrality"]] for p in d["ranking"]]),
                   filename="policy_dependencies.csv")


@bp.route("/audit")
@bp.route("/audit.<any(json, csv):suffix>")
def audit(suffix: str | None = None):
    from web.data.audit import audit_findings

    data = audit_findings(ctx(), bool(current_app.config.get("DOCUMENT_DIRS")))
    return respond(data, "audit.html", wanted_format(suffix),
                   table=lambda d: (["document", "rule", "where", "expected", "printed", "difference"],
                                    [[doc["label"], f["rule"], f["where"], f["expected"], f["printed"],
                                      f["difference"]] for doc in d["documents"] for f in doc["findings"]]),
                   filename="audit.csv")


@bp.route("/audit/page.png")
def audit_page():
    """The PDF page of one finding with its cells outlined (from ``--documents`` folders only)."""
    import tempfile

    from web.data.page_image import PageUnavailable, render

    finding = iri_param("finding")
    if not finding:
        abort(404)
    folders = list(current_app.config.get("DOCUMENT_DIRS") or ())
    if not folders:
        return error_response(404, "no-documents", "服务器未配置文件目录 (serve --documents)")
    cache_dir = current_app.config.get("PAGE_IMAGE_CACHE") or os.path.join(tempfile.gettempdir(), "budgetkg-pages")
    try:
        png = render(ctx(), finding, folders, cache_dir)
    except PageUnavailable as exc:
        return error_response(404, "no-page", str(exc))
    return Response(png, mimetype="image/png", headers={"Cache-Control": "max-age=3600"})
