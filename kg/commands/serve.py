"""``budgetkg serve``: the web app and the SPARQL endpoint through waitress (never Flask's
development server), on 127.0.0.1:8000 unless told otherwise."""
from __future__ import annotations

import argparse
import os
import signal
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the web app and the SPARQL endpoint (waitress)",
                       description="Serve the question box, entity pages, funding-flow pictures, the "
                                   "SPARQL editor and the SPARQL 1.1 endpoint (/sparql, read-only "
                                   "unless --allow-updates) through the waitress WSGI server.")
    from kg.store import add_store_argument

    add_store_argument(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: "
                                                        "this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--threads", type=int, default=8, help="waitress worker threads (default 8)")
    p.add_argument("--query-timeout", type=float, default=10.0,
                   help="seconds a SPARQL query may run before it is stopped (default 10)")
    p.add_argument("--row-cap", type=int, default=10000, help="rows a result holds at most (default 10000)")
    p.add_argument("--query-workers", type=int, default=2, help="queries running at once (default 2)")
    p.add_argument("--allow-updates", action="store_true",
                   help="accept SPARQL UPDATE from requests carrying 'Authorization: Bearer TOKEN', the "
                        "token read from $BUDGETKG_UPDATE_TOKEN")
    p.set_defaults(run=run)


def build_config(args: argparse.Namespace) -> dict:
    token = os.environ.get("BUDGETKG_UPDATE_TOKEN") or None
    return {"STORE_URL": args.store, "QUERY_TIMEOUT": args.query_timeout, "ROW_CAP": args.row_cap,
            "QUERY_WORKERS": args.query_workers, "UPDATES_ENABLED": bool(args.allow_updates and token),
            "UPDATE_TOKEN": token}


def warm_question_service(app) -> None:
    """Build the question pipeline (catalogue of names, vocabulary, scorer) before the first
    request, so that the first question is answered as fast as any other. A failure here is not
    fatal: the page says so when a question arrives."""
    try:
        from nlp.pipeline import get_pipeline

        get_pipeline(app.extensions["budgetkg"].answer_store())
    except Exception as exc:  # noqa: BLE001 - the server still serves pages and SPARQL
        print(f"budgetkg serve: the question service is not ready ({type(exc).__name__}: {exc})", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    try:
        from waitress import create_server

        from web import create_app
    except ImportError as exc:
        print(f"budgetkg serve: missing dependency ({exc.name}); run `make setup`", file=sys.stderr)
        return 1
    if args.allow_updates and not os.environ.get("BUDGETKG_UPDATE_TOKEN"):
        print("budgetkg serve: --allow-updates needs $BUDGETKG_UPDATE_TOKEN; updates stay disabled",
              file=sys.stderr)
    from kg.store import store_url

    args.store = store_url(args.store)
    config = build_config(args)
    if config["STORE_URL"].startswith("oxigraph:"):
        path = config["STORE_URL"].split(":", 1)[1]
        if not os.path.isdir(path):
            print(f"budgetkg serve: no store at {path}; create it with `budgetkg ingest FOLDER`",
                  file=sys.stderr)
            return 1
    app = create_app(config)
    warm_question_service(app)
    server = create_server(app, host=args.host, port=args.port, threads=args.threads,
                           max_request_body_size=app.config["MAX_CONTENT_LENGTH"],
                           ident="budgetkg", clear_untrusted_proxy_headers=True)
    host, port = server.effective_host, server.effective_port

    def stop(_signum, _frame):  # SIGTERM (systemd, docker, the tests) stops as cleanly as Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    print(f"budgetkg: serving http://{host}:{port}/ (SPARQL at /sparql, store {args.store})", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        app.extensions["budgetkg"].close()
    return 0
