"""Counts of units the 部门概况 states (``纳入…编制范围的单位共28个``, ``下辖区县气象局8个``) and the
单位预留机动经费 the 说明 states: read exactly off the real documents, in the graph, and asked.
Values as printed in ../shared/national and ../shared/realdocs (skipped where absent)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.narrative.text import make_span
from kg.extract.narrative.unit_counts import number_of, read_unit_counts
from kg.extract.source import Line


def counts(record) -> dict[tuple[str, bool], int]:
    """The counts of units (the divisions counted apart: ``division_counts``)."""
    return {(c.kind, c.covered): c.count for c in record.profile.unit_counts if not c.division}


def division_counts(record) -> dict[str, int]:
    return {c.kind: c.count for c in record.profile.unit_counts if c.division}


def test_numbers_in_digits_and_chinese():
    assert [number_of(t) for t in ("28", "两", "十", "十二", "二十七", "九十九")] == [28, 2, 10, 12, 27, 99]


def test_a_sentence_with_both_counts_and_no_division_counted():
    """Whatever the template: the covered count, the subordinate count, never the 内设机构."""
    lines = [Line(page=1, lineno=1, text="纳入本部门决算编制范围的单位共5个，包括本级及所属4个二级预算单位。"),
             Line(page=1, lineno=2, text="本部门内设12个机构，下辖区县分局三个，分别为甲、乙、丙。")]
    got = read_unit_counts(make_span(lines), "x.txt")
    assert [(c.kind, c.count, c.covered) for c in got] == [("单位", 5, True), ("二级预算单位", 4, False),
                                                           ("区县分局", 3, False)]
    assert got[0].text == "纳入本部门决算编制范围的单位共5个" and got[2].provenance.line == 2


@pytest.mark.shared
def test_national_unit_counts(national):
    """西安市卫生健康委员会汇总_2022部门决算.pdf p.7: 纳入…决算编制范围的单位共28个，包括本级及所属27个二级预算
    单位; 西安市气象局_2022部门综合预算.pdf p.4-6: 下设直属事业单位6个, 下辖区县气象局8个, 预算单位共有2个;
    重庆市人民政府办公厅: 下设二级预算单位4个，分别是：…办公厅（本级）、…; 国家信访局_2026: 下设1个预算单位，
    为国家信访局本级; 湖州市财政局: …3家参公事业单位."""
    wjw = national["shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"]
    assert counts(wjw) == {("单位", True): 28, ("二级预算单位", False): 27}
    assert [c for c in wjw.profile.unit_counts if not c.division][0].provenance.page == 7
    assert counts(national["shaanxi_xian/西安市气象局_2022部门综合预算.pdf"]) == {
        ("直属事业单位", False): 6, ("区县气象局", False): 8, ("预算单位", True): 2}
    assert counts(national["chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"])[("二级预算单位", True)] == 4
    assert counts(national["central/国家信访局_2026部门预算.pdf"]) == {("预算单位", True): 1}
    assert counts(national["zhejiang_huzhou/湖州市财政局_2026部门预算.pdf"])[("参公事业单位", False)] == 3


@pytest.mark.shared
def test_realdocs_unit_counts(realdocs_records):
    """江苏省高级人民法院2019 p.4-5: 1个下属差额拨款事业单位和1个派出机构; 纳入…预算编制范围的预算单位共2家."""
    court = next(r for r in realdocs_records.values() if "高级人民法院2019" in r.source)
    assert counts(court) == {("下属差额拨款事业单位", False): 1, ("派出机构", False): 1, ("预算单位", True): 2}
    assert next(c for c in court.profile.unit_counts if c.covered).classifier == "家"


@pytest.mark.shared
def test_unit_counts_in_the_graph(national_store):
    rows = national_store.query(
        "PREFIX bkg: <https://budgetkg.org/ontology#> SELECT ?kind ?n ?covered WHERE { ?doc bkg:statesUnitCount ?u . "
        "?u bkg:unitKind ?kind ; bkg:unitCount ?n ; bkg:coversBudget ?covered ; bkg:document ?doc . "
        "GRAPH ?g { ?u <http://www.w3.org/ns/prov#wasDerivedFrom> ?loc . ?loc bkg:page 7 } FILTER(?kind = \"单位\") }")
    got = [(str(r["kind"]), int(str(r["n"])), str(r["covered"]).lower()) for r in _dicts(rows)]
    assert got == [("单位", 28, "true")]


def _dicts(result) -> list[dict]:
    if hasattr(result, "dicts"):
        return list(result.dicts())
    return [dict(zip([str(v) for v in result.vars], row)) for row in result]


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if a.get("value") is not None}


@pytest.mark.shared
def test_asked_counts_of_a_kind_and_of_the_whole(ask_national):
    r = ask_national("西安市气象局下面管着几个区县气象局？直属事业单位又有几个？")
    got = figures(r)
    assert got["区县气象局个数"] == "8" and got["直属事业单位个数"] == "6"
    assert "下辖区县气象局8个" in r["text"]
    r = ask_national("西安市卫健委2022年决算汇总了几个单位？")
    assert figures(r)["单位个数"] == "28"
    r = ask_national("湖州市财政局有几家参公事业单位？")
    assert figures(r)["参公事业单位个数"] == "3"


@pytest.mark.shared
def test_the_budget_units_of_a_court(ask):
    """江苏高院: the document's 预算单位共2家 — never 本级 + every unit listed (3)."""
    r = ask("江苏高院19年部门预算包括几家单位？")
    assert figures(r)["单位个数"] == "2"


@pytest.mark.shared
def test_reserve_funds_are_a_measure_with_their_share(ask):
    """江苏省人大办公厅2017 说明: 单位预留机动经费128.43万元 (0.94%) of 支出合计13,649.07万元."""
    r = ask("江苏省人大常委会办公厅2017年支出预算怎么构成的？基本、项目、机动经费各多少、各占几成？")
    got = figures(r)
    assert got["单位预留机动经费"] == "128.43"
    derived = {d["label"]: d["value"] for d in r["derived"]}
    assert Decimal(derived["单位预留机动经费占比"]) == Decimal("0.94")


@pytest.mark.shared
def test_items_inside_the_project_asked_before(ask_national):
    """深圳市财政局_2026部门预算.pdf 第三部分（五）1: 预决算管理业务18,808.16万元，主要包括：…贴息资金10,000.00
    万元；市本级政府采购业务费3600.00万元 — the project's stated items, not the department's 政府采购服务."""
    r = ask_national("深圳市财政局的预决算管理业务项目26年多少钱？里面消费贷款和服务业贷款贴息占多少、政府采购业务费又是多少？")
    got = figures(r)
    assert got["预决算管理业务"] == "18808.16" and got["市本级政府采购业务费"] == "3600.00"
    assert got["深圳市承担的个人消费贷款财政贴息、服务业经营主体贷款贴息资金"] == "10000.00"
    derived = {d["label"]: d["value"] for d in r["derived"]}
    assert Decimal(derived["深圳市承担的个人消费贷款财政贴息、服务业经营主体贷款贴息资金占预决算管理业务比例"]) == Decimal("53.17")
    assert "政府采购服务" not in got


@pytest.mark.shared
def test_an_item_named_without_its_project(ask_national):
    """The same items asked by their own words: the item and the project it is listed in, never 收入总计
    or 政府采购服务; a figure its words do not name (政府采购) stays the department's."""
    r = ask_national("深圳财政局今年给个人消费贷款和服务业经营主体贷款贴息安排了多少钱？市本级政府采购业务费又是多少？")
    got = figures(r)
    assert got == {"深圳市承担的个人消费贷款财政贴息、服务业经营主体贷款贴息资金": "10000.00", "市本级政府采购业务费": "3600.00"}
    assert "列在“预决算管理业务”项目18808.16万元之内" in r["text"]
    assert "procurement.total" in ask_national("深圳市财政局26年政府采购预算多少？")["parts"][0]["frame"]["measures"]


def test_divisions_are_counted_apart_from_units():
    """包括32个机关行政科室及7个下属单位: the divisions a count of their own, never a count of units."""
    lines = [Line(page=1, lineno=1, text="从预算单位构成看，某某局包括32个机关行政科室及7个下属单位。"),
             Line(page=1, lineno=2, text="（二）机构设置 某某局内设处室15个。")]
    got = read_unit_counts(make_span(lines), "x.txt")
    assert [(c.kind, c.count, c.division) for c in got] == [("机关行政科室", 32, True), ("下属单位", 7, False),
                                                            ("内设处室", 15, True)]


@pytest.mark.shared
def test_national_division_counts(national):
    """泉州市公安局_2026 p.5: 包括32个机关行政科室及7个下属单位; 北京市财政局 附件1 p.5: 共32个内设机构、12个直属事业单位;
    西安市审计局汇总_2026 p.6: 市审计局内设处室15个."""
    assert division_counts(national["fujian_quanzhou/泉州市公安局_2026部门预算.pdf"]) == {"机关行政科室": 32}
    assert division_counts(national["beijing/北京市财政局_2026部门预算_附件1情况说明.pdf"]) == {"内设机构": 32}
    assert division_counts(national["shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"]) == {"内设处室": 15}
