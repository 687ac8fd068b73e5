"""The project texts a topic question reads from the store (``nlp.topic_index``).

A topic question over many budgets (有没有做教育方面的项目？) no longer reads every project of the
graph: the ingest keeps, beside the question catalogue, every project's row as the store-wide
project query gives it, and ``_topical`` scores only the projects whose name or description may
hold a word that scores. These tests hold it to what it promises, on the real documents
(../shared/corpus, realdocs and national) ingested by the real ``ingest_paths`` into an oxigraph
store on disk: the stored rows are the graph's rows exactly, in the graph's order; answers are the
same with and without it; the candidate search misses no match; and an index that an ingest left
stale (a write that did not refresh it) is never used.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.graph.ingest import LOADED, IngestOptions, ingest_paths
from kg.store import open_store
from kg.store.base import CATALOG_GRAPH
from nlp import catalog_store, topic_index
from nlp.execute.projects import _python_filters
from nlp.frames import Bound, Frame
from nlp.graph import Graph
from nlp.pieces import pieces, pieces_where, within
from nlp.pipeline import Pipeline
from nlp.sparql import Constraints

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
HELD_OUT = "004_afd15c6fd474ed3f.txt"  # ingested last, by a run that does not refresh the index
REFRESH = (catalog_store.refresh, topic_index.refresh)
# Topic questions naming no department: over every budget, so through the index
QUESTIONS = ["有没有做教育方面的项目？", "有没有做教育方面的项目？分别是哪个单位的、多少钱？",
             "哪些项目跟信息化有关？", "有没有专门做生态环境宣传教育的项目？分别是哪个单位的、多少钱？",
             "有没有和养老服务有关的项目？", "和法律援助相关的项目有哪些？", "有哪些监测方面的项目？"]


def _files() -> list[Path]:
    folders = [SHARED / "corpus", SHARED / "realdocs", SHARED / "national"]
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"{folders} not present")
    files = sorted(p for f in folders for p in f.rglob("*") if p.suffix in (".txt", ".pdf"))
    assert any(p.name == HELD_OUT for p in files)
    return files


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    """corpus + realdocs + national but one file, ingested as ``budgetkg ingest`` does (catalogue and index
    refreshed at the end of the run)."""
    url = f"oxigraph:{tmp_path_factory.mktemp('topic_index') / 'db'}"
    store = open_store(url)
    try:
        files = [str(p) for p in _files() if p.name != HELD_OUT]
        summary = ingest_paths(store, files, IngestOptions(jobs=1, after_run=REFRESH))
        assert summary.ok and summary.count(LOADED) >= 30
    finally:
        store.close()
    return url


def _graph_rows(graph: Graph, budgets) -> list:
    """The projects as the project answer reads them from the graph (``scoped_projects``)."""
    return _python_filters(Frame(focus="projects"), graph.rows("projects", budgets, Constraints(), []))


def _pool_rows(texts: topic_index.ProjectTexts, graph: Graph, budgets) -> list:
    from nlp.execute.projects import _not_an_aggregate

    pool = texts.pool(graph, budgets, _not_an_aggregate)
    assert pool is not None
    return [pool.row(k) for k in range(len(pool))]


def test_stored_rows_are_the_graphs_rows_in_the_graphs_order(store_url):
    store = open_store(store_url, read_only=True)
    try:
        texts = topic_index.stored(store)
        assert texts is not None, "the ingest left no fresh project texts in the store"
        graph = Graph(store)
        budgets = graph.budgets()
        assert len(budgets) >= 8
        rows = _graph_rows(graph, budgets)
        assert len(rows) > 100
        assert _pool_rows(texts, graph, budgets) == rows  # every field: amount, source, funding order, place
        # a part of the budgets still read by one store-wide query: the rows of those budgets only
        some = budgets[1:]
        assert _pool_rows(texts, graph, some) == _graph_rows(graph, some)
        # machinery, not content: not in the union the questions read
        assert store.query(f"ASK {{ <{CATALOG_GRAPH}/project-texts> ?p ?o }}").boolean is False
    finally:
        store.close()


def test_the_candidate_search_misses_no_match(store_url):
    """Every name or description a word matches (as a substring, or as ``within`` reads it, cut
    around a few characters) is among the texts ``Texts`` proposes for it; the pool's answers equal
    a test of every text."""
    store = open_store(store_url, read_only=True)
    try:
        graph = Graph(store)
        rows = _graph_rows(graph, graph.budgets())
    finally:
        store.close()
    pool = topic_index.Pool.of_rows(rows)
    names = [" ".join([r.label, *r.attrs.get("aliases", [])]).lower() for r in rows]
    descriptions = [r.attrs.get("description") or "" for r in rows]
    words: set[str] = {"", "费", "教育", "信息化", "养老服务", "法律援助", "生态环境宣传", "柴油车"}
    for name in names[::3]:
        words |= {name[i:i + n] for n in (2, 3, 4) for i in range(0, max(0, len(name) - n + 1), 2)}
        if len(name) >= 6:
            words |= {name[:2] + name[3:5], name[1:3] + name[5:7]}  # cut around one or two characters
    assert len(words) > 300
    matched = 0
    for w in sorted(words):
        inside = [k for k, t in enumerate(names) if within(w, t)]
        matched += bool(inside)
        assert set(inside) <= set(pool.names.may_hold(w)), w
        assert set(k for k, t in enumerate(descriptions) if within(w, t)) <= set(pool.descriptions.may_hold(w)), w
        assert pool.name_within(w) == bool(inside)
        assert pool.names_within(w) == len({rows[k].iri for k in inside})
        assert pool.name_has(w) == any(w in t for t in names)
        assert pool.description_within(w) == any(within(w, d) for d in descriptions)
        assert pool.description_has(w) == any(w in d for d in descriptions)
        assert pieces_where(w, pool.name_within) == pieces(w, names)
        two = {k for k, t in enumerate(names) if any(within(w[i:j], t) for i in range(len(w))
                                                       for j in range(i + 2, len(w) + 1))}
        assert two <= pool.names.may_hold_piece_of(w), w
    assert matched > 100


# Questions over an amount bound naming no department: the projects kept are read from the index
# (``projects._indexed_bounded``) where that provably gives the bounded query's rows.
BOUNDED = ["预算超过500万元的项目有哪些？", "预算在1000万元以上的项目有哪些？", "超过200万元的项目有哪些？",
           "哪些项目超过3000万元？", "预算超过50万元的项目有几个？", "超过2000万元的项目按金额排个序"]


def test_bounded_rows_are_the_bounded_querys_projects(store_url):
    """A lower amount bound (超过, 以上) keeps, from the stored rows, the projects the bounded query
    keeps with the bounded query's amounts, in its order by amount. Their first locations are not
    always the bounded query's (another evaluation order): only an answer that is the number of
    projects is read from the index, never a list of them."""
    from nlp.execute.projects import _not_an_aggregate

    store = open_store(store_url, read_only=True)
    try:
        texts = topic_index.stored(store)
        assert texts is not None
        graph = Graph(store)
        budgets = graph.budgets()
        checked = 0
        for scope in (budgets, budgets[1:]):
            pool = texts.pool(graph, scope, _not_an_aggregate)
            assert pool is not None
            for op, low in ((">", Decimal("0")), (">", Decimal("50")), (">=", Decimal("500")),
                            (">", Decimal("1000")), (">", Decimal("3000"))):
                bound = Bound(op, low)
                kept = [pool.row(k) for k in range(len(pool)) if bound.admits(pool.amount(k))]
                read = _python_filters(Frame(focus="projects"),
                                       graph.rows("projects", scope, Constraints(bound=(op, low, None)), []))
                assert len(read) > 5
                assert {r.iri: (r.label, r.amount, r.department, r.year) for r in kept} == \
                    {r.iri: (r.label, r.amount, r.department, r.year) for r in read}
                assert [r.amount for r in kept] == [r.amount for r in read]  # DESC(?amount) both
                checked += 1
        assert checked == 10
        # exact figures of the real documents: 112 projects over 500万元, 77 of 1000万元 or more (国家信访局 2024
        # 决算's 绩效评价报告 adds 全国信访信息系统维护费, 1,018.55)
        pool = texts.pool(graph, budgets, _not_an_aggregate)
        assert sum(Bound(">", Decimal("500")).admits(pool.amount(k)) for k in range(len(pool))) == 112
        assert sum(Bound(">=", Decimal("1000")).admits(pool.amount(k)) for k in range(len(pool))) == 77
    finally:
        store.close()


def test_bounded_answers_are_the_same_without_the_index(store_url):
    """The bounded questions' replies (text, rows, sources, SPARQL) with the index and without it."""
    store = open_store(store_url)
    try:
        pipe = Pipeline(store)
        with_index = [pipe(q).to_json() for q in BOUNDED]
        assert topic_index.of_graph(pipe.graph).scopes_read() >= 1, "no bounded question read the index"
        warmed = Pipeline(store)
        warmed.warm()  # as ``budgetkg serve`` at start: the index and its pool of every budget read there
        assert topic_index.of_graph(warmed.graph).scopes_read() == 1
        assert [warmed(q).to_json() for q in BOUNDED] == with_index
        assert topic_index.of_graph(warmed.graph).scopes_read() == 1  # the questions used that pool
        assert with_index[0]["text"].startswith("找到112个项目，太多")
        assert with_index[1]["text"].startswith("找到77个项目，太多")
        store.update(f"DELETE WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{CATALOG_GRAPH}/project-texts> ?p ?o }} }}")
        assert topic_index.stored(store) is None
        pipe = Pipeline(store)
        assert [pipe(q).to_json() for q in BOUNDED] == with_index
    finally:
        assert topic_index.refresh(store) is True  # as the ingest left it, for the tests after
        store.close()


# Every project of many budgets, nothing added to the store-wide query: read from the index's rows
EVERY = ["金额最大的三个项目是哪些？", "2026年金额最大的三个项目是哪些？", "哪个项目的预算最多？", "一共有多少个项目？"]


def test_every_project_answers_are_the_same_without_the_index(store_url):
    """A ranking, a listing or a count of every project of many budgets (2026年金额最大的三个项目) is
    answered from the index's rows (``_indexed_rows``): the same replies (text, rows, sources,
    SPARQL) as reading the graph, with the documents' own figures."""
    store = open_store(store_url)
    try:
        pipe = Pipeline(store)
        with_index = [pipe(q).to_json() for q in EVERY]
        assert topic_index.of_graph(pipe.graph).scopes_read() >= 2, "the questions did not read the index"
        store.update(f"DELETE WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{CATALOG_GRAPH}/project-texts> ?p ?o }} }}")
        assert topic_index.stored(store) is None
        pipe = Pipeline(store)
        assert [pipe(q).to_json() for q in EVERY] == with_index
        assert "西安市红会医院高铁新城院区（二期）" in with_index[0]["text"]
        assert "预决算管理业务" in with_index[1]["text"] and "深圳市财政局" in with_index[1]["text"]
    finally:
        assert topic_index.refresh(store) is True  # as the ingest left it, for the tests after
        store.close()


def _answers(store) -> list[dict]:
    pipe = Pipeline(store)
    return [pipe(q).to_json() for q in QUESTIONS]


def test_answers_are_the_same_without_the_index_and_a_stale_one_is_not_used(store_url):
    store = open_store(store_url)
    try:
        assert topic_index.stored(store) is not None
        pipe = Pipeline(store)
        assert topic_index.of_graph(pipe.graph) is not None
        indexed = [pipe(q).to_json() for q in QUESTIONS]
        assert any(a["answers"] for a in indexed), "no topic question found a project: the test tests nothing"
        assert topic_index.of_graph(pipe.graph).scopes_read() >= 1, "no question went through the index"

        # the same store without the index: the graph is read, the replies are the same (SPARQL too)
        store.update(f"DELETE WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{CATALOG_GRAPH}/project-texts> ?p ?o }} }}")
        assert topic_index.stored(store) is None
        assert _answers(store) == indexed

        # refreshed, then an ingest that does not refresh it: stale, so not used — the held-out
        # document's projects are in the answers read from the graph
        assert topic_index.refresh(store) is True
        before = topic_index.stored(store)
        assert before is not None
        budgets_before = len(Graph(store).budgets())
        held = [str(p) for p in _files() if p.name == HELD_OUT]
        summary = ingest_paths(store, held, IngestOptions(jobs=1))
        assert summary.count(LOADED) == 1 and len(Graph(store).budgets()) == budgets_before + 1
        assert topic_index.stored(store) is None
        pipe = Pipeline(store)
        assert topic_index.of_graph(pipe.graph) is None
        graph_read = [pipe(q).to_json() for q in QUESTIONS]

        # refreshed again: fresh, holds the new document, and answers as the graph does
        assert topic_index.refresh(store) is True
        after = topic_index.stored(store)
        assert after is not None and len(after.entries) > len(before.entries)
        assert _answers(store) == graph_read
    finally:
        store.close()
