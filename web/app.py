"""The Flask app factory: configuration, the query executor, the three blueprints.

``create_app(config)`` takes a plain dict so ``budgetkg serve``, the tests and a WSGI server's
entry point build the same app. The store is reached only through ``app.extensions["budgetkg"]``
(:class:`web.context.WebContext`), never through globals, so two apps can live in one process.
"""
from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, request

DEFAULTS: dict[str, Any] = {
    "STORE_URL": "oxigraph:./data/store",  # where the graph lives (see README: --store)
    "STORE": None,  # an in-process store object instead of STORE_URL (tests, memory stores)
    "QUERY_TIMEOUT": 10.0,  # seconds a SPARQL query may run before it is stopped (504)
    "QUERY_MEMORY_MB": 1024,  # memory one query may use in its worker (507 beyond); 0: no limit
    "ROW_CAP": 10000,  # rows (or triples) a result holds at most; results say when truncated
    "QUERY_WORKERS": 2,  # the pages' and JSON API's queries running at once; more wait, then 503
    "QUEUE_WAIT": 5.0,  # seconds a page's query waits for a free worker
    "SPARQL_WORKERS": 2,  # /sparql queries running at once (their own pool: pages never wait for it)
    "SPARQL_QUEUE": 4,  # /sparql requests that may wait for one of those workers
    "SPARQL_PER_CLIENT": 2,  # /sparql requests one client (remote address) may have running or waiting
    "SPARQL_NICE": 5,  # the /sparql workers' CPU niceness: pages' queries get ≈ 3× their CPU share
    "MAX_QUERY_DEPTH": 64,  # deepest nesting of { ( [ a query may have (400 beyond)
    "SERVICE_ALLOWLIST": (),  # endpoints SERVICE/LOAD may name; none: no outbound request ever
    "MAX_QUERY_BYTES": 64 * 1024,  # longest query or question accepted (413 beyond)
    "DOCUMENT_DIRS": (),  # folders holding the ingested PDFs: the audit page draws their pages from them
    "PAGE_IMAGE_CACHE": None,  # where drawn pages are kept (default: a folder under the system's temp dir)
    "UPDATES_ENABLED": False,  # SPARQL UPDATE is refused (403) unless enabled …
    "UPDATE_TOKEN": None,  # … and the request carries "Authorization: Bearer <token>"
    # The store keeps its default graph as the set union of the documents' graphs (kg.store.base);
    # True would ask oxigraph for its own union of named graphs instead (a bag: duplicate rows).
    "UNION_DEFAULT_GRAPH": False,
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides :data:`DEFAULTS` (and any Flask setting)."""
    from web.context import WebContext
    from web.views_api import bp as api_bp
    from web.views_pages import bp as pages_bp
    from web.views_sparql import bp as sparql_bp

    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    # form posts and bodies: a little more than the longest query, so the 413 is ours, not a crash
    app.config.setdefault("MAX_CONTENT_LENGTH", app.config["MAX_QUERY_BYTES"] * 2 + 4096)
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_QUERY_BYTES"] * 2 + 4096
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.jinja_env.autoescape = True  # also for non-.html templates
    app.extensions["budgetkg"] = WebContext(app.config)

    app.register_blueprint(pages_bp)
    app.register_blueprint(api_bp, url_prefix="/api")
    app.register_blueprint(sparql_bp)

    from web.render import register_template_helpers

    register_template_helpers(app)

    @app.errorhandler(413)
    def too_large(_e):
        return jsonify(error="request-too-large",
                       message=f"请求过大 (request larger than {app.config['MAX_CONTENT_LENGTH']} bytes)",
                       status=413), 413

    @app.after_request
    def security_headers(resp):
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        if resp.mimetype == "text/html":
            # scripts and data only from this server: an injected tag could not run or call out
            resp.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
        if not request.path.startswith("/static/"):
            resp.vary.add("Accept")  # pages answer HTML, JSON or Turtle by the Accept header
        if request.path.startswith("/sparql") or request.path.startswith("/api/"):
            resp.headers.setdefault("Access-Control-Allow-Origin", "*")
        return resp

    return app
