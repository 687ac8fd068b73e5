"""The figure table a comparison across departments reads from the store (``nlp.figure_table``).

A question ranking or comparing departments on one figure over the whole store no longer runs its
store-wide figures query: the ingest keeps, beside the question catalogue, that query's own result
for every measure, and ``Graph.rows`` converts the stored rows as it converts live ones. These
tests hold it to that, on the real documents (../shared/corpus, realdocs and national) ingested
by the real ``ingest_paths`` into an oxigraph store on disk: every stored result is the graph's
result row for row (values, types, order), with exact figures of the documents; answers are the
same with and without the table and at least one was served by it; and a table an ingest left
stale is never used.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.graph.ingest import LOADED, IngestOptions, ingest_paths
from kg.store import open_store
from kg.store.base import CATALOG_GRAPH
from kg.store.results import select_values
from nlp import catalog_store, figure_table, topic_index
from nlp.graph import Graph
from nlp.pipeline import Pipeline

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
HELD_OUT = "004_afd15c6fd474ed3f.txt"  # ingested last, by a run that does not refresh the table
HELD_OUT_DEPARTMENT = "克孜勒苏柯尔克孜自治州生态环境局"
REFRESH = (catalog_store.refresh, topic_index.refresh, figure_table.refresh)
# Comparisons and rankings of every department on one figure: each reads one store-wide figures query
QUESTIONS = ["按一般公共预算拨款的规模，给各单位从高到低排个序。", "哪个部门的三公经费最多？", "哪个部门的支出总额最多？",
             "哪个单位的基本支出最多？", "各部门的财政拨款收入合计从高到低排个序。", "哪个部门的收入总额最少？",
             "项目支出最多的三个部门是哪些？"]


def _files() -> list[Path]:
    folders = [SHARED / "corpus", SHARED / "realdocs", SHARED / "national"]
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"{folders} not present")
    files = sorted(p for f in folders for p in f.rglob("*") if p.suffix in (".txt", ".pdf"))
    assert any(p.name == HELD_OUT for p in files)
    return files


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    """corpus + realdocs + national but one file, ingested as ``budgetkg ingest`` does (catalogue,
    project index and figure table refreshed at the end of the run)."""
    url = f"oxigraph:{tmp_path_factory.mktemp('figure_table') / 'db'}"
    store = open_store(url)
    try:
        files = [str(p) for p in _files() if p.name != HELD_OUT]
        summary = ingest_paths(store, files, IngestOptions(jobs=1, after_run=REFRESH))
        assert summary.ok and summary.count(LOADED) >= 30
    finally:
        store.close()
    return url


def _figure(rows: list[dict], graph: Graph, department: str, year: int) -> list[Decimal]:
    docs = {b.iri for b in graph.budgets() if b.department == department and b.year == year}
    assert docs, f"no budget of {department} {year}"
    return [r["amount"] for r in rows if r["doc"] in docs]


def test_stored_results_are_the_graphs_results(store_url):
    store = open_store(store_url, read_only=True)
    try:
        table = figure_table.stored(store)
        assert table is not None, "the ingest left no fresh figure table in the store"
        graph = Graph(store)
        texts = figure_table.table_queries(graph)
        assert len(texts) >= 30 and all(t in table for t in texts)
        for text in texts:
            live = select_values(store, text)
            kept = table.result(text)
            assert kept is not None and figure_table._same(kept, live), text  # values, their types, the order
        by_key = {t.split("bkg:item ", 1)[1].split(" ", 1)[0]: t for t in texts if "BIND(" in t}
        income = table.result(next(t for k, t in by_key.items() if k.endswith("/income_total>")))
        three = table.result(next(t for k, t in by_key.items() if k.endswith("/three_public.total>")))
        # exact figures printed by the documents (上海市审计局 2026 收入总计, 泉州市公安局 2026 三公经费合计)
        assert Decimal("19577.43") in _figure(income, graph, "上海市审计局", 2026)
        assert Decimal("1700.17") in _figure(three, graph, "泉州市公安局", 2026)
        assert all(isinstance(r["amount"], Decimal) for r in income)
    finally:
        store.close()


def test_several_items_are_joined_on_their_values_with_the_filters_rows(store_url):
    """财政拨款收入合计 (its three kinds) over every budget: a ``VALUES ?item`` join, not a FILTER after
    reading every figure (minutes at 10,000 documents). The same rows as the FILTER gave, and in
    each (document, item, phase) the same rows in the same order — ``Graph._figures`` keeps the first
    of each — and the table keeps that query's result like any other."""
    from nlp.execute.figures import FISCAL_PARTS, fetch_items
    from nlp.sparql import Constraints, build

    store = open_store(store_url, read_only=True)
    try:
        graph = Graph(store)
        budgets = graph.budgets()
        items = fetch_items(["fiscal_total"])
        assert items == list(FISCAL_PARTS)
        (query,) = build("figures", [b.iri for b in budgets], Constraints(items=items), graph_documents=len(budgets))
        terms = [f"<https://budgetkg.org/id/item/{k}>" for k in items]
        values = f"  VALUES ?item {{ {' '.join(terms)} }}\n"
        assert query.doc is None and values in query.text and "FILTER(?item IN" not in query.text
        filtered = query.text.replace(values, f"  FILTER(?item IN ({', '.join(terms)}))\n")
        joined, read = select_values(store, query.text), select_values(store, filtered)
        assert len(joined) >= 60 and sorted(map(repr, joined)) == sorted(map(repr, read))

        def groups(rows: list[dict]) -> dict:
            out: dict = {}
            for r in rows:
                out.setdefault((r["doc"], r["item"], r.get("phase")), []).append(r)
            return out
        assert groups(joined) == groups(read)
        # exact figures printed by the documents: 上海市审计局 2026 一般公共预算 19577.43, 政府性基金 0
        of_audit = [r for r in joined if r["doc"] in {b.iri for b in budgets if b.department == "上海市审计局"
                                                       and b.year == 2026}]
        assert {(r["item"].rsplit("/", 1)[-1], r["amount"]) for r in of_audit} >= {
            ("general_public_budget", Decimal("19577.43"))}
        table = figure_table.stored(store)
        assert table is not None and query.text in figure_table.table_queries(graph)
        assert figure_table._same(table.result(query.text), joined)
        # anchored on one document, the items stay a FILTER (that document's figures are few)
        (one,) = build("figures", [budgets[0].iri], Constraints(items=items))
        assert "FILTER(?item IN" in one.text and "VALUES ?item" not in one.text
    finally:
        store.close()


def test_a_catalogue_refresh_keeps_the_project_index_and_the_figure_table(store_url):
    """``nlp.catalog_store.refresh`` run alone rewrites the catalogue's own triples: the project
    index and the figure table beside it in the same graph stay, fresh (it dropped the whole graph)."""
    store = open_store(store_url)
    try:
        assert topic_index.stored(store) is not None and figure_table.stored(store) is not None
        assert catalog_store.refresh(store) is True
        assert catalog_store.stored(store) is not None
        assert topic_index.stored(store) is not None, "the catalogue's refresh dropped the project index"
        assert figure_table.stored(store) is not None, "the catalogue's refresh dropped the figure table"
    finally:
        store.close()


def _answers(store) -> list[dict]:
    pipe = Pipeline(store)
    return [pipe(q).to_json() for q in QUESTIONS]


def test_answers_are_the_same_without_the_table_and_a_stale_one_is_not_used(store_url):
    store = open_store(store_url)
    try:
        assert figure_table.stored(store) is not None
        pipe = Pipeline(store)
        served = [pipe(q).to_json() for q in QUESTIONS]
        view = figure_table.served(pipe.graph)
        assert view.table() is not None and len(view.table()._results) >= 5, "the questions did not go through the table"
        assert all(a["answers"] for a in served), "a comparison found nothing: the test tests nothing"

        # the same store without the table: the graph is read, the replies are the same (SPARQL too)
        store.update(f"DELETE WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ <{CATALOG_GRAPH}/figure-table> ?p ?o }} }}")
        assert figure_table.stored(store) is None
        assert _answers(store) == served

        # refreshed, then an ingest that does not refresh it: stale, so not used — the held-out
        # document's department is ranked in the answers read from the graph
        assert figure_table.refresh(store) is True
        assert figure_table.stored(store) is not None
        held = [str(p) for p in _files() if p.name == HELD_OUT]
        summary = ingest_paths(store, held, IngestOptions(jobs=1))
        assert summary.count(LOADED) == 1
        assert figure_table.stored(store) is None
        graph_read = _answers(store)
        assert any(HELD_OUT_DEPARTMENT in a["text"] for a in graph_read)
        assert graph_read != served

        # refreshed again: fresh, holds the new document, and answers as the graph does
        assert figure_table.refresh(store) is True
        assert figure_table.stored(store) is not None
        pipe = Pipeline(store)
        assert [pipe(q).to_json() for q in QUESTIONS] == graph_read
        assert len(figure_table.served(pipe.graph).table()._results) >= 5
    finally:
        store.close()
