"""Functional tables printed with subject names only, the level shown by indentation (issue 9).

杭州市司法局 2026 表3 支出预算总表 and 表5 一般公共预算支出预算表 print no codes: 公共安全支出 at the cell's
margin, 司法 / 监狱 / 强制隔离戒毒 one step in, 行政运行 … two steps in. Every 款/项 row is kept, code-less,
with its path of names; its parent is checked against the sum of its children; the graph gives it a
concept of the ``functional-named`` scheme under its 类. Expected values read by hand off pages 26–27
and 30–31 of the PDF.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Namespace
from rdflib.namespace import SKOS

from kg.extract.deserialize import RecordsError, parse_records_json, record_from_json
from kg.extract.model import Record
from kg.extract.serialize import record_json
from kg.extract.source import Line
from kg.extract.tables.indented_subjects import place_indented
from kg.extract.tables.rows import read_rows
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG

D = Decimal
QB = Namespace("http://purl.org/linked-data/cube#")
HANGZHOU = Path(__file__).resolve().parent.parent.parent / "shared" / "national" / "zhejiang_hangzhou" / \
    "杭州市司法局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def hangzhou() -> Record:
    if not HANGZHOU.is_file():
        pytest.skip(f"{HANGZHOU} not present (the names-only 杭州 tables)")
    from kg.extract.pipeline import extract_file

    return extract_file(str(HANGZHOU))


def test_the_pdf_reader_keeps_how_far_each_name_stands_in() -> None:
    """表3's name cells: the 类 at the cell's margin, the 款 10 pt in, the 项 20 pt in (p.26)."""
    if not HANGZHOU.is_file():
        pytest.skip(f"{HANGZHOU} not present")
    from kg.extract.pdf_reader import read_pdf

    lines = [line for line in read_pdf(str(HANGZHOU)).lines if line.page == 26 and line.cells]
    indent = {line.cells[0]: line.indents[0] for line in lines if line.cells[0] in ("公共安全支出", "司法", "监狱")}
    indent["行政运行"] = next(line.indents[0] for line in lines if line.cells[0] == "行政运行")
    assert indent["司法"] == indent["监狱"]
    assert 8 <= indent["司法"] - indent["公共安全支出"] <= 12
    assert 8 <= indent["行政运行"] - indent["司法"] <= 12


def _row(rows, *path):
    found = [s for s in rows if (*s.path, s.name) == path]
    assert len(found) == 1, (path, found)
    return found[0]


def test_every_row_of_the_expenditure_table_is_kept(hangzhou: Record) -> None:
    rows = hangzhou.functional_subjects
    prison = _row(rows, "公共安全支出", "监狱")
    assert (prison.code, prison.level) == (None, 2)
    # 监狱 59,935.35 = 人员 38,589.84 + 公用 9,785.43 (基本 48,375.27) + 项目 11,560.08
    assert (prison.total, prison.basic, prison.project) == (D("59935.35"), D("48375.27"), D("11560.08"))
    assert (prison.provenance.page, prison.provenance.table, prison.provenance.row) == (26, "表3", "公共安全支出/监狱")
    rehab = _row(rows, "公共安全支出", "强制隔离戒毒")
    assert (rehab.total, rehab.basic, rehab.project) == (D("4282.07"), D("3901.76"), D("380.31"))
    food = _row(rows, "公共安全支出", "监狱", "罪犯生活及医疗卫生")
    assert (food.code, food.level, food.total, food.basic, food.project) == (None, 3, D("4250.62"), None, D("4250.62"))
    # one name under three 款: three rows, each under its own parent
    running = [s for s in rows if s.name == "行政运行"]
    assert [(s.path[-1], s.total) for s in running] == [
        ("司法", D("8553.80")), ("监狱", D("48375.27")), ("强制隔离戒毒", D("3901.76"))]
    assert _row(rows, "公共安全支出", "强制隔离戒毒", "其他强制隔离戒毒支出").provenance.page == 27
    # the 类 keep their national codes, and nothing else gets one
    assert [(s.code, s.name) for s in rows if s.code] == [
        ("201", "一般公共服务支出"), ("204", "公共安全支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出")]
    assert len(rows) == 40  # every printed row: 4 类, 7 款, 29 项


def test_the_general_budget_table_is_read_the_same_way(hangzhou: Record) -> None:
    rows = hangzhou.scoped_functional["general_public_budget"]
    prison = _row(rows, "公共安全支出", "监狱")
    assert (prison.total, prison.basic, prison.project) == (D("53706.39"), D("48375.27"), D("5331.12"))
    admin = _row(rows, "公共安全支出", "监狱", "一般行政管理事务")
    assert (admin.total, admin.provenance.table) == (D("1214.90"), "表5")
    assert _row(rows, "公共安全支出", "强制隔离戒毒", "一般行政管理事务").total == D("143.47")


def test_parents_are_checked_against_their_children(hangzhou: Record) -> None:
    def check(where: str):
        found = [c for c in hangzhou.checks if c.rule == "children_sum" and c.where == where]
        assert len(found) == 1, where
        return found[0]

    prison = check("表3 公共安全支出/监狱")
    assert (prison.expected, prison.printed, prison.ok) == (D("59935.35"), D("59935.35"), True)
    assert check("表3 公共安全支出/监狱 基本支出 人员经费").printed == D("38589.84")
    # 司法's 项 add up to 12,251.40 against 12,251.39 printed: a rounding of the print, reported
    justice = check("表3 公共安全支出/司法")
    assert (justice.expected, justice.printed, justice.severity) == (D("12251.40"), D("12251.39"), "rounding")
    assert check("表5 公共安全支出/监狱").expected == D("53706.39")


def test_the_record_keeps_the_path_through_json(hangzhou: Record) -> None:
    data = record_json(hangzhou)
    row = next(r for r in data["functional_subjects"] if r["name"] == "罪犯生活及医疗卫生")
    assert (row["code"], row["path"], row["level"], row["total"]) == (None, ["公共安全支出", "监狱"], 3, "4250.62")
    text = json.dumps(data, ensure_ascii=False)
    again = record_from_json(parse_records_json(text)[0])  # checked against the contract first
    assert _row(again.functional_subjects, "公共安全支出", "监狱", "罪犯生活及医疗卫生").project == D("4250.62")
    # a code-less row must name its path
    broken = dict(data, functional_subjects=[{k: v for k, v in row.items() if k != "path"}])
    with pytest.raises(RecordsError, match="functional_subjects"):
        parse_records_json(json.dumps(broken, ensure_ascii=False))


def test_the_graph_places_the_rows_under_their_class(hangzhou: Record) -> None:
    _doc, graph = record_to_graph(hangzhou)
    prison = iris.named_subject("functional", "204", "公共安全支出/监狱")
    assert str(graph.value(prison, SKOS.prefLabel)) == "监狱"
    assert graph.value(prison, SKOS.broader) == iris.functional_subject("204")
    assert graph.value(prison, BKG.level).toPython() == 2
    assert graph.value(prison, SKOS.notation) is None  # no code is known: none is given
    assert graph.value(prison, SKOS.inScheme) == iris.scheme("functional-named")
    food = iris.named_subject("functional", "204", "公共安全支出/监狱/罪犯生活及医疗卫生")
    assert graph.value(food, SKOS.broader) == prison
    own = iris.inside(_doc, "dataset", "classification")  # the 支出总表's rows, not a scoped table's
    amounts = {(graph.value(o, BKG.expenditureKind), graph.value(o, BKG.amount).toPython())
               for o in graph.subjects(BKG.subject, prison) if graph.value(o, QB.dataSet) == own}
    assert (iris.expenditure_kind("total"), D("59935.35")) in amounts
    assert (iris.expenditure_kind("project"), D("11560.08")) in amounts


def _line(n: int, name: str, indent: float, total: str) -> Line:
    return Line(text=f"{name} {total}", lineno=n, page=1, cells=(name, total), table=1, indents=(indent, 30.0))


def _table(*rows: tuple[str, float, str]) -> list:
    header = Line(text="科目名称 合计", lineno=1, page=1, cells=("科目名称", "合计"), table=1, indents=(40.0, 10.0))
    return read_rows([header] + [_line(i + 2, *row) for i, row in enumerate(rows)])


def test_a_tree_is_taken_only_under_national_classes() -> None:
    good = _table(("合计", 5.0, "30.00"), ("教育支出", 5.0, "30.00"), ("普通教育", 15.0, "30.00"),
                  ("小学教育", 25.0, "10.00"), ("初中教育", 25.0, "20.00"))
    assert place_indented(good)
    assert [(r.code, r.extra.get("subject_path")) for r in good[1:]] == [
        ("205", None), (None, ("教育支出", "普通教育")), (None, ("教育支出", "普通教育", "小学教育")),
        (None, ("教育支出", "普通教育", "初中教育"))]
    # a row at the margin that is no national 类 (a unit's name): no tree, rows untouched
    units = _table(("合计", 5.0, "30.00"), ("某某局本级", 5.0, "30.00"), ("教育支出", 15.0, "30.00"))
    assert not place_indented(units) and all(r.code is None for r in units)
    # a level skipped (a 项 straight under its 类) is no tree either
    skipped = _table(("教育支出", 5.0, "30.00"), ("小学教育", 25.0, "30.00"), ("普通教育", 15.0, "30.00"))
    assert not place_indented(skipped)


@pytest.fixture(scope="module")
def hangzhou_store(hangzhou: Record):
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [hangzhou])
    return store


def test_a_question_reaches_the_code_less_rows(hangzhou_store) -> None:
    from nlp import answer

    from tests.nlp_support import reply_labels, reply_numbers

    reply = answer("杭州市司法局支出按功能分类，监狱这一款下面各项科目分别多少？", hangzhou_store).to_json()
    assert reply_labels(reply)[:7] == ["行政运行", "一般行政管理事务", "罪犯生活及医疗卫生", "监狱业务及罪犯改造",
                                       "狱政设施建设", "信息化建设", "其他监狱支出"]
    # the 项 as printed, added up against the 款's own 59,935.35
    assert {D("48375.27"), D("4250.62"), D("131.00"), D("59935.35")} <= reply_numbers(reply)
    assert "表3 公共安全支出/监狱/行政运行" in reply["answers"][0]["source"]
    rehab = answer("杭州市司法局2026年功能分类里强制隔离戒毒款的项目支出明细？", hangzhou_store).to_json()
    assert "行政运行" not in reply_labels(rehab)  # 行政运行 prints no 项目支出
    assert {D("178.17"), D("147.00"), D("380.31")} <= reply_numbers(rehab)
