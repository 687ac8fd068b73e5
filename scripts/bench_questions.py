#!/usr/bin/env python3
"""Question-service latency: prints the figures, never asserts them (machines differ).

    python scripts/bench_questions.py --store oxigraph:PATH [--questions FILE ...] [--rounds N]
    python scripts/bench_questions.py --build PATH      # ingest corpus + realdocs + national first

Three figures, the ones issue 9 sets targets for:
- warm: every question of the files (default: the public examples, the dev sets and any blind
  batch) answered by one in-process pipeline, ``--rounds`` times: median, p95 and max (target p95
  under 100 ms);
- first question on a freshly started ``budgetkg serve`` (the pipeline is built at start-up):
  the time from the server saying it listens to the first answer, and the start-up itself
  (target: first answer under 1 s);
- ``budgetkg ask "问题"`` as a whole process, start to exit (target under 2 s).

A fourth, for the question *shapes* at scale (``--kinds [FILE]``): questions of every kind of a
questions file (default: ``tests/questions/blind/batch5.json``), generated from a template per
kind (``QUESTION_KINDS``) about the store's own departments, years and projects — so that they
run on any graph, a synthetic one of 1,000 documents included — timed per kind: the first
answer of the kind (cold caches) and the median and p95 of the rest.

    python scripts/bench_questions.py --store oxigraph:PATH --kinds [--per-kind 3] [--only-kinds]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def build(path: str) -> str:
    """corpus + realdocs + national ingested into an oxigraph store at ``path`` (as ``budgetkg ingest``)."""
    url = f"oxigraph:{path}"
    folders = [str(SHARED / d) for d in ("corpus", "realdocs", "national") if (SHARED / d).is_dir()]
    subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "--store", url, *folders], cwd=REPO, check=True)
    return url


def questions_of(files: list[str]) -> list[str]:
    out: list[str] = []
    for name in files:
        data = json.loads(Path(name).read_text(encoding="utf-8"))
        out += [q["question"] for q in (data["questions"] if isinstance(data, dict) else data)]
    return out


def warm(store_url: str, questions: list[str], rounds: int) -> None:
    from kg.store import open_store
    from nlp.pipeline import get_pipeline

    store = open_store(store_url, read_only=True)
    t0 = time.perf_counter()
    pipe = get_pipeline(store)
    built = time.perf_counter() - t0
    times: list[float] = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            pipe(q)
            times.append((time.perf_counter() - t) * 1000)
    store.close()
    print(f"pipeline build (once per store): {built * 1000:.0f} ms")
    print(f"warm: {len(times)} answers ({len(questions)} questions x {rounds} rounds)")
    print(f"  median {statistics.median(times):.1f} ms   p95 {percentile(times, 95):.1f} ms   max {max(times):.1f} ms")


def first_question_on_a_fresh_server(store_url: str, question: str, runs: int = 3) -> None:
    from web.server_process import ServerProcess

    firsts, starts = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        server = ServerProcess(store_url)
        started = time.perf_counter() - t0
        try:
            t = time.perf_counter()
            with urllib.request.urlopen(f"{server.url}/api/ask?q={urllib.parse.quote(question)}", timeout=60) as r:
                json.load(r)
            firsts.append(time.perf_counter() - t)
            starts.append(started)
        finally:
            server.stop()
    print(f"fresh server ({runs} starts): first answer median {statistics.median(firsts) * 1000:.0f} ms, "
          f"max {max(firsts) * 1000:.0f} ms; start-up (catalogue built) median {statistics.median(starts):.2f} s")


def whole_process(store_url: str, question: str, runs: int = 5) -> None:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg.cli", "ask", question, "--store", store_url], cwd=REPO,
                       capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    print(f"budgetkg ask as a process ({runs} runs): median {statistics.median(times):.2f} s, max {max(times):.2f} s")


# One template per question kind of the question sets (``tests/questions``'s ``type``): what the
# benchmarks ask a graph they know nothing about. {dept} {year} {project}: the graph's own.
QUESTION_KINDS = {
    "dept_total": "{dept}{year}年的支出预算里，基本支出和项目支出各是多少？",
    "sangong": "{dept}{year}年的公务用车运行费是多少？",
    "project_amount": "{project}的预算金额是多少？",
    "department_profile": "{dept}的编制数和实有人数各是多少？",
    "top_n": "{dept}{year}年金额最大的两个项目是哪两个？",
    "functional_breakdown": "{dept}{year}年按功能分类的支出各是多少？",
    "economic_breakdown": "{dept}{year}年基本支出按经济分类各是多少？",
    "topic_projects": "有没有做教育方面的项目？分别是哪个单位的、多少钱？",
    "policy_basis": "{project}的设立依据引用了哪些文件？",
    "threshold": "{year}年预算超过500万元的项目有哪些？",
    "count": "{dept}{year}年有多少个项目？",
    "comparison": "按一般公共预算拨款的规模，给各单位从高到低排个序。",
    "carryover": "{dept}{year}年有哪些上年结转的项目？",
    "funding_source": "{project}的资金来源是什么？",
    "indicators": "{project}的绩效指标有哪些？",
    "audit": "{dept}{year}年的预算数字对得上吗？",
    "year_specific": "{dept}去年的收入总额是多少？",
    "no_answer": "{dept}的食堂菜单是什么？",
    "responsible_unit": "{project}由哪个单位负责？负责人是谁？",
}


def kinds_of(path: str) -> list[str]:
    """The question kinds (``type``) of a questions file, in their first order."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data["questions"] if isinstance(data, dict) else data
    return list(dict.fromkeys(q.get("type") or q.get("kind") or "?" for q in items))


def question_samples(store, per_kind: int, kinds: list[str] | None = None) -> dict[str, list[str]]:
    """Questions of every kind (``kinds``, default all of ``QUESTION_KINDS``) about departments,
    years and projects of the graph in ``store``; a kind without a template gets none."""
    from kg.vocabulary.namespaces import sparql_prefixes

    depts = [(str(r[0]), int(r[1].toPython())) for r in store.query(sparql_prefixes() + """
SELECT ?name (MAX(?y) AS ?year) WHERE { ?d a bkg:Department ; skos:prefLabel ?name .
  ?doc bkg:department ?d ; bkg:fiscalYear ?fy . ?fy bkg:year ?y } GROUP BY ?name ORDER BY ?name LIMIT 50""").rows]
    projects = [str(r[0]) for r in store.query(sparql_prefixes() + """
SELECT DISTINCT ?l WHERE { ?p a bkg:Project ; rdfs:label ?l } ORDER BY ?l LIMIT 50""").rows]
    out = {}
    for kind in kinds or list(QUESTION_KINDS):
        template = QUESTION_KINDS.get(kind)
        qs = []
        for i in range(per_kind if template else 0):
            dept, year = depts[(i * 7) % len(depts)] if depts else ("某单位", 2024)
            project = projects[(i * 11) % len(projects)] if projects else "某项目"
            qs.append(template.format(dept=dept, year=year, project=project))
        out[kind] = list(dict.fromkeys(qs))
    return out


def time_questions(store_url: str, per_kind: int, budget_s: float = 600.0, kinds: list[str] | None = None) -> dict:
    """Build the pipeline of ``store_url`` and answer ``per_kind`` questions of every kind: the
    build with the first answer, then per kind its first answer (the kind's shapes met cold) and
    the median and p95 of all its answers; stops starting new questions after ``budget_s``."""
    from kg.store import open_store
    from nlp.pipeline import Pipeline

    store = open_store(store_url, read_only=True)
    try:
        samples = question_samples(store, per_kind, kinds)
        started = time.perf_counter()
        pipe = Pipeline(store)
        built = time.perf_counter() - started
        first_q = next(q for qs in samples.values() for q in qs)
        pipe(first_q)
        build = time.perf_counter() - started
        result, all_times = {}, []
        deadline = time.monotonic() + budget_s
        for kind, questions in samples.items():
            times, answer = [], None
            for q in questions:
                if time.monotonic() > deadline:
                    break
                t = time.perf_counter()
                answer = pipe(q)
                times.append(time.perf_counter() - t)
            all_times += times
            result[kind] = {"n": len(times), "first_ms": round(times[0] * 1000, 1) if times else None,
                            "median_ms": round(statistics.median(times) * 1000, 1) if times else None,
                            "p95_ms": round(percentile(times, 95) * 1000, 1) if times else None,
                            "intent": getattr(answer, "intent", None) if times else None,
                            "example": questions[0] if questions else None}
        return {"pipeline_build_s": round(built, 2), "build_and_first_answer_s": round(build, 2), "kinds": result,
                "n": len(all_times),
                "median_ms": round(statistics.median(all_times) * 1000, 1) if all_times else None,
                "p95_ms": round(percentile(all_times, 95) * 1000, 1) if all_times else None}
    finally:
        store.close()


def print_kinds(result: dict) -> None:
    print(f"pipeline build {result['pipeline_build_s']} s; build + first answer {result['build_and_first_answer_s']} s")
    print(f"{'kind':22} {'n':>2} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}  intent")
    for kind, k in result["kinds"].items():
        if not k["n"]:
            print(f"{kind:22}  0  (no template for this kind)")
            continue
        print(f"{kind:22} {k['n']:>2} {k['first_ms']:>9} {k['median_ms']:>10} {k['p95_ms']:>8}  {k['intent']}")
    print(f"all kinds: {result['n']} answers, median {result['median_ms']} ms, p95 {result['p95_ms']} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="a store URL")
    parser.add_argument("--build", help="ingest corpus + realdocs + national into an oxigraph store at this path")
    parser.add_argument("--questions", nargs="*")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kinds", nargs="?", const=str(REPO / "tests" / "questions" / "blind" / "batch5.json"),
                        metavar="FILE", help="also time generated questions of every kind of FILE (default batch5)")
    parser.add_argument("--parts", default="warm,server,process",
                        help="which of the three figures to measure (comma-separated: warm, server, process)")
    parser.add_argument("--per-kind", type=int, default=3, help="questions per kind with --kinds")
    parser.add_argument("--question", default="克州生态环境局2024年的三公经费是多少？",
                        help="the question of the fresh-server and whole-process figures")
    parser.add_argument("--only-kinds", action="store_true", help="with --kinds: only the kinds' figures")
    parser.add_argument("--json", dest="json_out", metavar="OUT", help="with --kinds: write the kinds' figures")
    args = parser.parse_args()
    url = build(args.build) if args.build else args.store
    if not url:
        parser.error("give --store URL or --build PATH")
    if args.kinds:
        result = time_questions(url, args.per_kind, kinds=kinds_of(args.kinds))
        print_kinds(result)
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        if args.only_kinds:
            return 0
    files = args.questions or [str(SHARED / "questions" / "examples.json"),
                               *map(str, sorted((REPO / "tests" / "questions").glob("*/*.json")))]
    questions = questions_of(files)
    question = args.question
    parts = {p.strip() for p in args.parts.split(",")}
    if "warm" in parts:
        warm(url, questions, args.rounds)
    if "server" in parts:
        first_question_on_a_fresh_server(url, question)
    if "process" in parts:
        whole_process(url, question)
    return 0


if __name__ == "__main__":
    sys.exit(main())
