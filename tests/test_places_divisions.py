"""Places as people say them: China's divisions (``kg.names.divisions``) and a division named in a question
as a filter on departments (``nlp.place_filters``, ``nlp.catalog``, ``nlp.link``, ``nlp.parse``).

The resource is checked against the GB/T 2260 counts and against the departments of the 36 documents of
../shared (corpus, realdocs, national); the questions run through the real service on one graph of all 36
documents, their figures read off the documents themselves (昌吉州 000: 自治州中央环保督察整改工作项目 23.60万元,
line 1450; 克州 004: 中央生态环境保护督察整改工作专项经费 预算安排规模 10.00万元, line 1093; the 三公 tables'
合计 of 福州市商务局 p.24 84.10, 福州市民政局本级 p.23 25.05, 泉州市公安局 p.19 1700.17; 深圳市财政局 p.18
支出总计 37,385.88).
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from kg.names.divisions import COUNTIES, PREFECTURES, PROVINCES, division, located, prefecture_of, province_of

# --- the resource ----------------------------------------------------------------------------------


def test_counts_are_those_of_gb_t_2260():
    assert len(PROVINCES) == 34
    assert len({d.name for d in PROVINCES}) == 34
    assert len(PREFECTURES) == 333 and len({d.name for d in PREFECTURES}) == 333
    kinds = Counter("地区" if d.name.endswith("地区") else d.name[-3:] if d.name.endswith("自治州") else d.name[-1]
                    for d in PREFECTURES)
    assert kinds == {"市": 293, "自治州": 30, "地区": 7, "盟": 3}
    # every autonomous prefecture the department-identity module knows is a prefecture here
    from kg.names.department import AUTONOMOUS_PREFECTURES
    assert {d.name for d in PREFECTURES if d.name.endswith("自治州")} == set(AUTONOMOUS_PREFECTURES)
    assert {d.parent for d in COUNTIES} <= {d.name for d in PREFECTURES} | {"新疆维吾尔自治区"}


@pytest.mark.parametrize("word, official, level, province", [
    ("新疆", "新疆维吾尔自治区", 1, "新疆"), ("新疆维吾尔自治区", "新疆维吾尔自治区", 1, "新疆"),
    ("内蒙古", "内蒙古自治区", 1, "内蒙古"), ("广西", "广西壮族自治区", 1, "广西"), ("宁夏", "宁夏回族自治区", 1, "宁夏"),
    ("福建省", "福建省", 1, "福建"), ("福建", "福建省", 1, "福建"), ("上海", "上海市", 1, "上海"),
    ("香港", "香港特别行政区", 1, "香港"), ("吉林", "吉林省", 1, "吉林"), ("吉林市", "吉林市", 2, "吉林"),
    ("海南", "海南省", 1, "海南"), ("海南州", "海南藏族自治州", 2, "青海"), ("克州", "克孜勒苏柯尔克孜自治州", 2, "新疆"),
    ("昌吉州", "昌吉回族自治州", 2, "新疆"), ("巴州", "巴音郭楞蒙古自治州", 2, "新疆"), ("喀什", "喀什地区", 2, "新疆"),
    ("泉州", "泉州市", 2, "福建"), ("锡林郭勒盟", "锡林郭勒盟", 2, "内蒙古"), ("且末县", "且末县", 3, "新疆"),
])
def test_short_forms(word, official, level, province):
    d = division(word)
    assert d is not None and (d.name, d.level, d.province) == (official, level, province)


def test_a_county_has_no_bare_stem_and_unknown_words_are_none():
    assert division("和田").name == "和田地区"  # the prefecture, not 和田县
    assert division("木垒县").name == "木垒哈萨克自治县"
    assert division("长三角") is None and division("普陀区") is None


# The departments of the 36 documents (as the graph names them) and the province each lies in.
GRAPH_DEPARTMENTS = {
    "昌吉回族自治州生态环境局": "新疆", "昌吉州环境污染监控中心": "新疆", "克孜勒苏柯尔克孜自治州生态环境局": "新疆",
    "江苏省人大常委会办公厅": "江苏", "江苏省政协办公厅": "江苏", "江苏省高级人民法院": "江苏",
    "苏州市审计局": "江苏", "苏州市水务局": "江苏", "无锡市交通运输局（本级）": "江苏",
    "上海市普陀区司法局": "上海", "上海市普陀区商务委员会": "上海", "上海市普陀区社会福利院": "上海",
    "上海市普陀区财政局": "上海", "上海市审计局": "上海", "北京市财政局": "北京", "重庆市人民政府办公厅": "重庆",
    "国家信访局": None, "福州市商务局": "福建", "福州市民政局(本级)": "福建", "泉州市公安局": "福建",
    "佛山市轨道交通局": "广东", "广州市统计局": "广东", "深圳市财政局（本级）": "广东", "珠海市商务局": "广东",
    "长沙市信访局": "湖南", "长春市信访局（本级）": "吉林", "西安市卫生健康委员会（汇总）": "陕西",
    "西安市安全生产监督管理局": "陕西", "西安市审计局（汇总）": "陕西", "西安市气象局": "陕西",
    "烟台市财政局": "山东", "杭州市司法局": "浙江", "湖州市财政局": "浙江",
}


@pytest.mark.parametrize("name, province", sorted(GRAPH_DEPARTMENTS.items()))
def test_province_of_the_graphs_departments(name, province):
    assert province_of(name) == province


def test_places_of_other_spellings_and_levels():
    assert [d.name for d in located("昌吉州生态环境局")] == ["新疆维吾尔自治区", "昌吉回族自治州"]
    assert prefecture_of("克州生态环境局") == "克孜勒苏柯尔克孜自治州"
    assert province_of("中共江苏省委办公厅") == "江苏"
    assert province_of("中国人民政治协商会议江苏省委员会办公厅") == "江苏"
    assert [d.name for d in located("且末县人民政府")] == ["新疆维吾尔自治区", "巴音郭楞蒙古自治州", "且末县"]
    assert [d.name for d in located("新疆维吾尔自治区昌吉回族自治州生态环境局")] == ["新疆维吾尔自治区", "昌吉回族自治州"]
    assert province_of("海南藏族自治州财政局") == "青海"
    assert prefecture_of("上海市普陀区社会福利院") is None
    assert province_of("普陀区司法局") is None  # a district alone: 上海's or 舟山's, unsaid
    assert province_of("长治久安促进会") is None  # a prefecture's bare stem (长治) starts no department's place


# --- questions on the graph of the 36 documents ------------------------------------------------------


@pytest.fixture(scope="module")
def ask_all(shared_records, national_extraction):
    """A question to the service over one graph of every document of ../shared (corpus, realdocs, national)."""
    from nlp import answer
    from tests import nlp_support

    by_file, failures = national_extraction
    assert failures == []
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, [*shared_records, *(by_file[k] for k in sorted(by_file))])

    def _ask(question: str) -> dict:
        return answer(question, store).to_json()
    return _ask


def _departments(reply: dict) -> set[str]:
    return {a["department"] for a in reply["answers"] if a.get("department")}


def test_xinjiang_departments_with_an_inspection_project(ask_all):
    reply = ask_all("这几个新疆生态环境单位里，谁安排了中央环保督察整改的项目？金额多少？")
    projects = {(a["department"], a["label"], Decimal(a["value"])) for a in reply["answers"]
                if a.get("iri", "").startswith("https://budgetkg.org/id/project/")}
    assert projects == {("昌吉回族自治州生态环境局", "自治州中央环保督察整改工作项目", Decimal("23.60")),
                        ("克孜勒苏柯尔克孜自治州生态环境局", "中央生态环境保护督察整改工作专项经费", Decimal("10.00"))}
    frame = reply["parts"][0]["frame"]
    assert "新疆" not in frame["filters"].get("keywords", [])


def test_fujian_departments_three_public(ask_all):
    reply = ask_all("福建的几个部门三公经费各多少")
    totals = {a["department"]: Decimal(a["value"]) for a in reply["answers"] if a["label"].startswith("“三公”经费合计")}
    assert totals == {"福州市商务局": Decimal("84.10"), "福州市民政局(本级)": Decimal("25.05"),
                      "泉州市公安局": Decimal("1700.17")}
    assert _departments(reply) == set(totals)


def test_a_kind_of_department_inside_a_province(ask_all):
    reply = ask_all("广东省内的财政局2026年支出总计多少")
    assert [(a["department"], Decimal(a["value"])) for a in reply["answers"]] == \
        [("深圳市财政局（本级）", Decimal("37385.88"))]


def test_every_department_of_a_province(ask_all):
    reply = ask_all("江苏的单位支出总计各多少")
    assert _departments(reply) == {name for name, p in GRAPH_DEPARTMENTS.items() if p == "江苏"}


@pytest.mark.parametrize("question, said", [
    ("河北的部门三公经费多少", "河北省的单位"),
    ("内蒙古的单位有哪些项目", "内蒙古自治区的单位"),
    ("新疆的公安部门有哪些项目", "“新疆的公安部门”"),
    ("江苏的统计局2026年支出总计多少", "“江苏的统计局”"),
])
def test_a_place_the_graph_holds_no_such_department_of(ask_all, question, said):
    reply = ask_all(question)
    assert reply["answers"] == []
    assert said in reply["text"] and "没有" in reply["text"]
