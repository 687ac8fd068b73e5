#!/usr/bin/env python3
"""Load on the web app over loopback: requests/s and latency of the cheap requests, alone and while
N clients send expensive SPARQL; the server's memory before and after; leaked query workers.

    python bench/load.py --store oxigraph:/path/to/store [--seconds 10] [--requests 200]
                         [--expensive-clients 4] [--query-timeout 5] [--url http://127.0.0.1:PORT --pid PID]

Without ``--url`` the script starts ``budgetkg serve`` itself on a free loopback port (and stops
it). Every loop is bounded both in requests and in seconds; only loopback addresses are accepted.
Each client speaks from its own loopback address (127.0.0.x), as distinct clients would, so the
server's per-client limits see them as different clients. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CHEAP_SPARQL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
LOOPBACK = ("127.", "localhost", "::1")
MEASURED_CLIENT = "127.0.0.2"


@dataclass
class Series:
    """Latencies (seconds) and statuses of one request kind in one phase."""

    name: str
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def add(self, status: int, seconds: float) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status == 200:
            self.latencies.append(seconds)

    def row(self) -> list[str]:
        ok = self.latencies
        rps = len(ok) / self.elapsed if self.elapsed else 0.0
        return [self.name, str(sum(self.statuses.values())), f"{rps:.1f}",
                *(f"{pct(ok, p) * 1000:.0f}" if ok else "—" for p in (50, 95, 99)),
                ", ".join(f"{k}×{v}" for k, v in sorted(self.statuses.items()))]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def request(base: str, path: str, source: str, timeout: float = 60.0) -> tuple[int, float]:
    """One GET from loopback address ``source``; (status, seconds). Status 0: connection failed."""
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout, source_address=(source, 0))
    start = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Accept": "*/*"})
        resp = conn.getresponse()
        resp.read()
        return resp.status, time.perf_counter() - start
    except OSError:
        return 0, time.perf_counter() - start
    finally:
        conn.close()


def measure(base: str, name: str, paths: list[str], seconds: float, max_requests: int) -> Series:
    """Sequential requests from the measured client, cycling through ``paths``, bounded by
    ``seconds`` and ``max_requests``."""
    s = Series(name)
    start = time.perf_counter()
    for i in range(max_requests):
        if time.perf_counter() - start > seconds:
            break
        status, took = request(base, paths[i % len(paths)], MEASURED_CLIENT)
        s.add(status, took)
    s.elapsed = time.perf_counter() - start
    return s


def expensive_clients(base: str, n: int, stop: threading.Event, seconds: float,
                      max_requests: int) -> tuple[list[threading.Thread], Series]:
    """``n`` clients (127.0.0.10, .11 …) each sending the expensive query back to back."""
    series = Series("expensive /sparql (all clients)")
    lock = threading.Lock()
    path = "/sparql?" + urllib.parse.urlencode({"query": EXPENSIVE})

    def loop(source: str) -> None:
        start = time.perf_counter()
        for _ in range(max_requests):
            if stop.is_set() or time.perf_counter() - start > seconds:
                break
            status, took = request(base, path, source, timeout=seconds + 60)
            with lock:
                series.add(status, took)
            if status == 503:
                time.sleep(0.2)  # a polite client backs off (the server said Retry-After)

    threads = [threading.Thread(target=loop, args=(f"127.0.0.{10 + i}",), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    return threads, series


def rss_kib(pid: int) -> dict:
    """Resident memory of the server and of its children (query workers), in KiB."""
    def status(p: int) -> dict[str, str]:
        try:
            with open(f"/proc/{p}/status") as fh:
                return dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            return {}

    main = status(pid)
    kids = [int(c) for c in children(pid)]
    return {"server_kib": int(main.get("VmRSS", "0 kB").split()[0]),
            "workers": len(kids),
            "workers_kib": sum(int(status(k).get("VmRSS", "0 kB").split()[0]) for k in kids)}


def children(pid: int) -> list[str]:
    """Live child processes of ``pid`` except multiprocessing's resource tracker."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmd = fh.read()
        except OSError:
            continue
        if int(fields[1]) == pid and b"resource_tracker" not in cmd:
            out.append(entry + ("(zombie)" if fields[0] == "Z" else ""))
    return out


def get_json(base: str, path: str):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120, source_address=(MEASURED_CLIENT, 0))
    try:
        conn.request("GET", path, headers={"Accept": "application/json"})
        return json.loads(conn.getresponse().read())
    finally:
        conn.close()


def sparql_rows(base: str, query: str) -> list[dict]:
    """The query's rows; a few tries, since a server just started is still starting its workers."""
    for _ in range(3):
        data = get_json(base, "/sparql?" + urllib.parse.urlencode({"query": query}))
        if "results" in data:
            return data["results"]["bindings"]
        print(f"discovery query failed ({data.get('error')}), trying again", file=sys.stderr)
        time.sleep(2)
    return []


def discover(base: str) -> dict[str, list[str]]:
    """The requests to measure, from what the graph holds. "same" series repeat one URL (what a
    cache serves); "distinct" series never repeat one (each request is computed)."""
    from web.render import entity_url

    data = get_json(base, "/index.json")
    dept = next((d["department"]["iri"] for d in data.get("documents", []) if d.get("department")), None)
    prefix = "PREFIX bkg: <https://budgetkg.org/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    projects = [r["l"]["value"] for r in sparql_rows(
        base, prefix + "SELECT DISTINCT ?l WHERE { ?p a bkg:Project ; rdfs:label ?l } ORDER BY ?l LIMIT 400")]
    nodes = [r["s"]["value"] for r in sparql_rows(
        base, "SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(isIRI(?s)) } LIMIT 600")]
    ask = "/api/ask?" + urllib.parse.urlencode({"q": (data.get("examples") or ["有哪些项目？"])[0]})
    paths = {"/": ["/"], "/api/ask (same question)": [ask],
             "/api/ask (distinct questions)": ["/api/ask?" + urllib.parse.urlencode({"q": f"{p}的预算金额是多少？"})
                                               for p in projects] or [ask],
             "/sparql (cheap)": ["/sparql?" + urllib.parse.urlencode({"query": CHEAP_SPARQL})],
             "/static/app.css": ["/static/app.css"]}
    if dept:
        paths["entity page (same: a department)"] = [entity_url(dept)]
    if nodes:
        paths["entity pages (distinct)"] = [entity_url(n) for n in nodes]
    return paths


def table(title: str, rows: list[Series]) -> str:
    head = ["request", "n", "ok req/s", "p50 ms", "p95 ms", "p99 ms", "statuses"]
    lines = [f"**{title}**", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(s.row()) + " |" for s in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", help="store to serve (oxigraph:PATH); not needed with --url")
    ap.add_argument("--url", help="an already running server on loopback (with --pid for memory figures)")
    ap.add_argument("--pid", type=int, help="the running server's process id")
    ap.add_argument("--seconds", type=float, default=10.0, help="seconds per measured series (default 10)")
    ap.add_argument("--requests", type=int, default=200, help="requests per measured series at most")
    ap.add_argument("--expensive-clients", type=int, default=4)
    ap.add_argument("--query-timeout", type=float, default=5.0, help="server's --query-timeout when started here")
    ap.add_argument("--serve-arg", action="append", default=[], help="extra `budgetkg serve` argument")
    args = ap.parse_args(argv)

    server = None
    if args.url:
        host = urllib.parse.urlsplit(args.url).hostname or ""
        if not host.startswith(LOOPBACK):
            ap.error("only loopback servers are measured (127.0.0.0/8, localhost, ::1)")
        base, pid = args.url.rstrip("/"), args.pid
    else:
        if not args.store:
            ap.error("--store or --url is needed")
        from web.server_process import ServerProcess

        server = ServerProcess(args.store, "--query-timeout", str(args.query_timeout), *args.serve_arg)
        base, pid = server.url, server.proc.pid
    try:
        paths = discover(base)
        for name, urls in paths.items():  # warm up the "same" series: worker start-up, question pipeline
            request(base, urls[0], MEASURED_CLIENT)
        before = rss_kib(pid) if pid else {}
        half = {name: urls[: len(urls) // 2] or urls for name, urls in paths.items()}
        rest = {name: urls[len(urls) // 2:] or urls for name, urls in paths.items()}
        alone = [measure(base, name, urls, args.seconds, args.requests) for name, urls in half.items()]

        stop = threading.Event()
        budget = args.seconds * len(paths) + 10
        threads, heavy = expensive_clients(base, args.expensive_clients, stop, budget, args.requests)
        time.sleep(1.0)  # let the expensive clients fill the server
        # the distinct series go on with URLs not requested yet, so they stay uncached
        loaded = [measure(base, name, urls, args.seconds, args.requests) for name, urls in rest.items()]
        stop.set()
        heavy.elapsed = budget
        for t in threads:
            t.join(budget + 70)
        time.sleep(2.0)
        after = rss_kib(pid) if pid else {}
        leaked = children(pid) if pid else []
    finally:
        if server is not None:
            server.stop()

    print(table("alone (one client, sequential)", alone))
    print()
    print(table(f"while {args.expensive_clients} clients send expensive SPARQL", loaded + [heavy]))
    print()
    if pid:
        print(f"server RSS before: {before['server_kib'] / 1024:.0f} MiB, after: {after['server_kib'] / 1024:.0f} MiB; "
              f"query workers before: {before['workers']} ({before['workers_kib'] / 1024:.0f} MiB), "
              f"after: {after['workers']} ({after['workers_kib'] / 1024:.0f} MiB)")
        print(f"child processes after the load (query workers; the server's default pools hold 2 + 2): "
              f"{len(leaked)} {' '.join(leaked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
