"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (query and, when enabled, update).

GET and POST (form-encoded or ``application/sparql-query`` / ``application/sparql-update``).
Queries run in the endpoint's own worker pool behind a fair, per-client admission
(:mod:`web.admission`); ``SERVICE``/``LOAD`` and deep nesting are refused (:mod:`kg.store.guard`).
SELECT/ASK as JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD — chosen by
``format=`` or ``Accept``. Errors are JSON ``{"error", "message", "status"}`` with the status.
"""
from __future__ import annotations

import hmac

from flask import Blueprint, Response, current_app, jsonify, redirect, request, url_for

from web.admission import AdmissionRefused
from web.executor import QueryError
from web.results import FORMAT_ALIASES, GRAPH_FORMATS, SELECT_FORMATS, serialize_graph
from web.vocab import prefixes, with_prologue

bp = Blueprint("sparql", __name__)

SELECT_MIMES = [m for m, _ in SELECT_FORMATS.values()] + ["application/json", "text/xml", "application/xml"]
GRAPH_MIMES = list(GRAPH_FORMATS.values()) + ["text/plain"]


def error(status: int, kind: str, message: str) -> Response:
    resp = jsonify(error=kind, message=message, status=status)
    resp.status_code = status
    return resp


def _read_request() -> tuple[str | None, str | None]:
    """(query, update) from any of the protocol's request forms."""
    if request.method == "GET":
        return request.args.get("query"), request.args.get("update")
    ctype = (request.mimetype or "").lower()
    if ctype == "application/sparql-query":
        return request.get_data(as_text=True), None
    if ctype == "application/sparql-update":
        return None, request.get_data(as_text=True)
    return request.form.get("query"), request.form.get("update")


def _update_allowed() -> bool:
    cfg = current_app.config
    token = cfg.get("UPDATE_TOKEN")
    if not cfg.get("UPDATES_ENABLED") or not token:
        return False
    auth = request.headers.get("Authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    return bool(given) and hmac.compare_digest(given.encode(), str(token).encode())


def negotiate(kind: str) -> str | None:
    """The output format key for a result kind, from ``format=`` or ``Accept``; ``None``: 406."""
    wanted = request.values.get("format") or request.values.get("output")
    allowed = SELECT_FORMATS if kind in ("select", "ask") else GRAPH_FORMATS
    if wanted:
        key = FORMAT_ALIASES.get(wanted.strip().lower())
        return key if key in allowed else None
    mimes = SELECT_MIMES if kind in ("select", "ask") else GRAPH_MIMES
    if not request.accept_mimetypes or request.accept_mimetypes.best in ("*/*", None):
        return "json" if kind in ("select", "ask") else "turtle"
    best = request.accept_mimetypes.best_match(mimes)
    if best is None:
        return None
    return FORMAT_ALIASES[best]


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint():
    cfg = current_app.config
    ctx = current_app.extensions["budgetkg"]
    query, update = _read_request()
    limit = int(cfg["MAX_QUERY_BYTES"])
    text = query if query is not None else update
    if text is not None and len(text.encode("utf-8")) > limit:
        return error(413, "request-too-large", f"查询过长 (query longer than {limit} bytes)")
    if update is not None:
        if not _update_allowed():
            return error(403, "update-forbidden",
                         "此端点只读：更新需要服务以 --allow-updates 启动并携带令牌 (updates are disabled or the token is missing)")
        try:
            ctx.update(with_prologue(update))
        except QueryError as exc:
            return error(exc.status, exc.kind, exc.message)
        return Response(status=204)
    if query is None or not query.strip():
        if request.method == "GET" and request.accept_mimetypes.accept_html and not request.args:
            return redirect(url_for("pages.editor"))
        return error(400, "missing-query", "缺少 query 参数 (no query given)")
    try:
        result = ctx.public_query(with_prologue(query), request.remote_addr or "")
    except QueryError as exc:
        return error(exc.status, exc.kind, exc.message)
    except AdmissionRefused as exc:  # this client is over its share, or every place is taken
        resp = error(503, exc.kind, exc.message)
        resp.headers["Retry-After"] = str(exc.retry_after)
        return resp
    fmt = negotiate(result.kind)
    if fmt is None:
        return error(406, "not-acceptable", "不支持请求的结果格式 (no acceptable result format)")
    headers = {"Vary": "Accept"}
    if result.truncated:
        headers["X-Result-Truncated"] = f"row cap {result.row_cap}"
    if result.kind in ("select", "ask"):
        mime, fn = SELECT_FORMATS[fmt]
        body = fn(result)
    else:
        mime = GRAPH_FORMATS[fmt]
        body = serialize_graph(result, fmt, prefixes())
    if request.values.get("download"):
        ext = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "ttl",
               "ntriples": "nt", "jsonld": "jsonld"}[fmt]
        headers["Content-Disposition"] = f'attachment; filename="results.{ext}"'
        if fmt == "csv" and isinstance(body, str):
            body = "\ufeff" + body  # a person downloads it: Excel on Chinese Windows needs the BOM
    return Response(body, mimetype=mime, headers=headers, content_type=f"{mime}; charset=utf-8")
