"""Audit answers name their places as the page prints them (``kg.extract.places``,
``nlp.execute.places``): a table by its number and printed title, a figure of the 情况说明 by the
chapter and nearest heading above it, then the figure, joined by ——.

Real documents of ../shared/national through the real pipeline; the places below were read off the
pages (the table titles as the tables print them, the 说明's numbered headings); skips where
../shared is absent.
"""
from __future__ import annotations

import pytest

from kg.extract.pipeline import extract_paths

CENTRAL = "national/central"
XF_2024 = f"{CENTRAL}/国家信访局_2024部门决算.pdf"
XF_2026 = f"{CENTRAL}/国家信访局_2026部门预算.pdf"
CHANGCHUN = "national/jilin_changchun/长春市信访局本级_2026部门预算.pdf"


@pytest.fixture(scope="module")
def placed(shared_dir) -> dict:
    """The records of three national documents (a 决算 and two 预算 of two templates), by path."""
    paths = [shared_dir / p for p in (XF_2024, XF_2026, CHANGCHUN)]
    for p in paths:
        if not p.is_file():
            pytest.skip(f"{p} not present")
    records, failures = extract_paths([str(p) for p in paths], combine=False, jobs=1)
    assert not failures
    return {r.source: r for r in records}


def _place(record, where: str) -> str | None:
    return next(c.place for c in record.checks if c.where == where)


def test_a_table_finding_names_the_tables_title(placed):
    """公开09表's total is named by the table's printed title, then its row."""
    record = placed["国家信访局_2024部门决算.pdf"]
    assert _place(record, "公开09表 决算数/合计") == "公开09表 一般公共预算财政拨款三公经费支出决算表——决算数/合计"
    assert _place(record, "公开01表 本年支出合计") == "公开01表 收入支出决算总表——本年支出合计"


def test_a_table_finding_of_another_template(placed):
    """长春's 预算表6: its own label and title (本年一般公共预算基本支出表), and the row named as the
    table prints it beside its code (302 商品和服务支出)."""
    record = placed["长春市信访局本级_2026部门预算.pdf"]
    assert _place(record, "预算表6 302") == "预算表6 本年一般公共预算基本支出表——302 商品和服务支出"


def test_a_narrative_finding_names_its_chapter(placed):
    """A 说明 figure is named by the chapter heading above it (四、…), not by 说明四; the other side
    of the comparison stays in ``where``."""
    xf = placed["国家信访局_2026部门预算.pdf"]
    assert _place(xf, "说明四 财政拨款收支总预算 vs 部门公开表4 财政拨款收支总表") == \
        "四、关于财政拨款收支总表的说明——财政拨款收支总预算"
    cc = placed["长春市信访局本级_2026部门预算.pdf"]
    assert _place(cc, "说明八 信访局临聘人员经费 vs 项目支出表") == "八、项目支出情况说明——信访局临聘人员经费"


def test_a_narrative_finding_under_a_subsection(placed):
    """Under a （三） heading: the chapter, then the nearest heading."""
    xf = placed["国家信访局_2026部门预算.pdf"]
    assert _place(xf, "说明八（三） 委托业务费财政拨款预算 增减幅度") == \
        "八、其他事项说明 （三）委托业务费情况——委托业务费财政拨款预算 增减幅度"


def test_a_stated_change_keeps_its_headings(placed):
    """A 比上年 statement: the headings above it; an item titled by its subject is not named twice."""
    xf = placed["国家信访局_2026部门预算.pdf"]
    places = {c["subject"]: c.get("place") for c in xf.changes}
    assert places["一般公共预算当年财政拨款"] == \
        "五、关于一般公共预算支出表的说明 （一）一般公共预算当年拨款规模变化情况——一般公共预算当年财政拨款"
    assert places["一般公共服务支出（类）信访事务（款）行政运行（项）"] == \
        "五、关于一般公共预算支出表的说明 1.一般公共服务支出（类）信访事务（款）行政运行（项）"


def test_places_survive_the_records_json(placed):
    """A saved record reads back with its places (``budgetkg ingest`` of a records file)."""
    import json

    from kg.extract.deserialize import record_from_json
    from kg.extract.serialize import record_json

    record = placed["国家信访局_2024部门决算.pdf"]
    again = record_from_json(json.loads(json.dumps(record_json(record), ensure_ascii=False)))
    assert [c.place for c in again.checks] == [c.place for c in record.checks]


def test_a_stated_change_keeps_what_it_compares_with(shared_dir):
    """普陀区司法局: ``2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加
    17.62%`` — the earlier figure by the words that print it; a comparator alone where no figure is
    printed before (``比2025年执行数``)."""
    path = shared_dir / "realdocs/shanghai-putuo/上海市普陀区司法局2026年部门预算.pdf"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    records, _ = extract_paths([str(path)], combine=False, jobs=1)
    other = next(c for c in records[0].changes if c["subject"].endswith("其他司法支出（99项）"))
    assert other["compared_with"] == "2025年当年预算执行数"


# --- the answers (the national graph) ------------------------------------------------------------

def _placed_rows(reply: dict) -> dict[str, dict]:
    return {a["place"]: a for a in reply["answers"] if a.get("place")}


def test_a_narrative_total_against_its_table_is_named_by_its_chapter(ask_national):
    """The 说明's 财政拨款收支总预算 (18,728.91) against 部门公开表4 (18,728.94): the row and the sentence
    name the chapter that prints it."""
    reply = ask_national("国家信访局2026年预算的情况说明中，财政拨款收支总预算这个数跟表4一致吗？")
    place = "四、关于财政拨款收支总表的说明——财政拨款收支总预算"
    row = _placed_rows(reply)[place]
    assert (row["printed"], row["expected"]) == ("18728.91", "18728.94")
    assert place in reply["text"]


def test_parts_against_a_printed_total_name_the_tables_title(ask_national):
    """三公's three parts against the total the table prints (46.20 against 46.21)."""
    reply = ask_national("国家信访局24年决算的三公经费，出国、接待、公车三项相加和合计对得上吗？")
    place = "公开09表 一般公共预算财政拨款三公经费支出决算表——决算数/合计"
    assert _placed_rows(reply)[place]["value"] == "46.21"
    assert place in reply["text"]


def test_a_listed_project_is_named_by_its_chapter(ask_national):
    """长春's 说明八 lists 信访局临聘人员经费 at 15.56 where the project table prints 16.56."""
    reply = ask_national("长春市信访局2026年说明里列的项目金额加起来，和项目支出对得上吗？")
    row = _placed_rows(reply)["八、项目支出情况说明——信访局临聘人员经费"]
    assert (row["printed"], row["expected"]) == ("15.56", "16.56")
