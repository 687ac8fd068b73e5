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
    p.add_argument("--threads", type=int, default=8,
                   help="waitress threads for pages, the JSON API and static files (default 8); the "
                        "SPARQL endpoint's admitted requests get threads of their own on top")
    p.add_argument("--query-timeout", type=float, default=10.0,
                   help="seconds a SPARQL query may run before it is stopped (default 10)")
    p.add_argument("--query-memory", type=int, default=1024, metavar="MB",
                   help="memory one query may use in its worker process (default 1024; 0: no limit)")
    p.add_argument("--row-cap", type=int, default=10000, help="rows a result holds at most (default 10000)")
    p.add_argument("--query-workers", type=int, default=2,
                   help="worker processes for the pages' and JSON API's queries (default 2)")
    p.add_argument("--sparql-workers", type=int, default=2,
                   help="worker processes for /sparql queries, a pool of their own (default 2)")
    p.add_argument("--sparql-queue", type=int, default=4,
                   help="/sparql requests that may wait for a worker (default 4)")
    p.add_argument("--sparql-per-client", type=int, default=2,
                   help="/sparql requests one client address may have running or waiting (default 2)")
    p.add_argument("--sparql-nice", type=int, default=5,
                   help="CPU niceness of the /sparql workers (default 5: the pages' queries get about three "
                        "times their share of the CPU; 10 or more starves them whenever the machine is busy)")
    p.add_argument("--max-query-depth", type=int, default=64,
                   help="deepest nesting of { ( [ accepted in a query (default 64)")
    p.add_argument("--allow-service", action="append", default=[], metavar="IRI",
                   help="an endpoint SERVICE (or an authorised LOAD) may name; repeatable. None by "
                        "default: the server never makes a request a caller asks for")
    p.add_argument("--documents", action="append", default=[], metavar="DIR",
                   help="a folder holding the ingested PDFs (repeatable): the audit page then shows a "
                        "finding's page with the offending cells outlined; nothing else is read from it")
    p.add_argument("--allow-updates", action="store_true",
                   help="accept SPARQL UPDATE from requests carrying 'Authorization: Bearer TOKEN', the "
                        "token read from $BUDGETKG_UPDATE_TOKEN")
    p.set_defaults(run=run)


def build_config(args: argparse.Namespace) -> dict:
    token = os.environ.get("BUDGETKG_UPDATE_TOKEN") or None
    return {"STORE_URL": args.store, "QUERY_TIMEOUT": args.query_timeout, "ROW_CAP": args.row_cap,
            "QUERY_WORKERS": args.query_workers, "UPDATES_ENABLED": bool(args.allow_updates and token),
            "UPDATE_TOKEN": token, "QUERY_MEMORY_MB": args.query_memory,
            "SPARQL_WORKERS": args.sparql_workers, "SPARQL_QUEUE": args.sparql_queue,
            "SPARQL_PER_CLIENT": args.sparql_per_client, "SPARQL_NICE": args.sparql_nice,
            "MAX_QUERY_DEPTH": args.max_query_depth,
            "SERVICE_ALLOWLIST": tuple(args.allow_service),
            "DOCUMENT_DIRS": tuple(os.path.abspath(d) for d in args.documents)}


def warm_question_service(app) -> None:
    """Build the question pipeline (catalogue of names, vocabulary, scorer) before the first
    request, so that the first question is answered as fast as any other. A failure here is not
    fatal: the page says so when a question arrives."""
    from web.data.answer import AnswerUnavailable, question_pipeline

    try:
        question_pipeline(app.extensions["budgetkg"]).warm()
    except AnswerUnavailable as exc:  # noqa: BLE001 - the server still serves pages and SPARQL
        print(f"budgetkg serve: the question service is not ready ({exc})", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from waitress import create_server

    from web import create_app

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
    try:
        app = create_app(config)
    except ValueError as exc:  # a bad limit or allow-list entry
        print(f"budgetkg serve: {exc}", file=sys.stderr)
        return 2
    ctx = app.extensions["budgetkg"]
    warm_question_service(app)  # before listening: the first question is answered as fast as any other
    import threading

    threading.Thread(target=ctx.warm_up, daemon=True, name="budgetkg-warm-up").start()
    # threads of their own for every /sparql request the gate admits (running or waiting), so
    # waiting SPARQL requests can never take the threads pages and static files need
    server = create_server(app, host=args.host, port=args.port, threads=args.threads + ctx.gate.capacity,
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
