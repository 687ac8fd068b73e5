"""Issue 9 (the weakest question kinds of batches 10–11): what an income source pays for, the other
income beside a source, topic words qualified by an aim, projects a named unit carries out and what a
决算 spent of its projects — through the real extractor, the real graph and the question service.

Every figure was read off the PDFs (page numbers of the printed documents):
- 苏州市水务局_2026单位预算.pdf p.17 (政府性基金预算支出表): 2120803 城市建设支出 31,003.26,
  2121401 污水处理设施建设和运营 13,000.00;
- 福州市商务局_2026部门预算.pdf p.13: 2120815 农村社会事业支出 1800.00 (政府性基金);
- 泉州市公安局_2026部门预算.pdf p.10–11: 一般公共预算拨款收入 69059.36, 其他收入 4547.20,
  上年结转 7600.00, 收入合计 81206.56;
- 上海市普陀区社会福利院2024年单位预算.pdf p.8: 2081005 社会福利事业单位 事业收入 2,620,000 元;
- 西安市卫生健康委员会汇总_2022部门决算.pdf p.65–66, 70–71 (项目支出绩效自评表): 无偿献血者宣传项目
  1272.77 (执行 1184.56, 93.07%), 无偿献血者用血返还报销项目 350 (执行 322.15, 92.04%); 实施单位
  西安市卫生学校: 中职免学费补助（市级资金）352.74 (执行 352.66), （中央资金）235.16 (执行 197.09);
- 广州市统计局_2026部门预算.pdf p.21–22: 全国1%人口抽样调查经费 15.00, 第四次全国农业普查经费
  534.72, 普查宣传经费 76.30;
- 上海市普陀区商务委员会25年预算.pdf p.24: 生命健康专项（政策资金）.
"""
from __future__ import annotations

import pytest

from nlp import lexicon as L
from nlp.parse import _STOP

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _rows(reply: dict) -> list[dict]:
    return [a for p in reply["parts"] for a in p["answers"]] if reply.get("parts") else reply["answers"]


def _codes(reply: dict) -> dict[str, str]:
    return {a["code"]: a["value"] for a in _rows(reply) if a.get("code")}


# ------------------------------------------------------------------ words (no graph needed)
def test_source_use_words_and_other_income():
    import re
    for said in ("干什么用", "是干什么的", "列在哪个科目", "用在哪些科目", "来自哪两类基金"):
        assert re.search(L.SOURCE_USE, said), said
    assert re.search(L.INCOME_BESIDES, "除了财政拨款还有别的收入吗")
    assert re.search(L.INCOME_BESIDES, "除财政拨款以外，还有其他收入吗")
    assert not re.search(L.INCOME_BESIDES, "其他收入有多少")  # the source itself, not the others


def test_census_words_are_content_not_the_verb():
    assert _STOP.sub("|", "普查") == "普查"
    assert _STOP.sub("|", "人口抽样调查") == "人口抽样调查"
    assert _STOP.sub("|", "帮我查一下") != "帮我查一下"


# ------------------------------------------------------------------ what a source pays for
def test_fund_classes_of_a_stated_fund_total(ask_national):
    reply = ask_national("苏州市水务局2026年政府性基金44003.26万元分别来自哪几类基金？")
    assert _codes(reply) == {"2120803": "31003.26", "2121401": "13000.00"}


def test_what_a_fund_is_used_for_after_its_amount(ask_national):
    reply = ask_national("福州市商务局2026年政府性基金有多少？是干什么用的？")
    parts = reply["parts"]
    assert parts[0]["answers"][0]["value"] == "1800.00"
    assert _codes({"answers": parts[1]["answers"]}) == {"2120815": "1800.00"}


def test_what_a_named_source_is_for_is_not_the_functions(ask_national):
    reply = ask_national("福州市商务局2026年的政府性基金那笔钱是干什么的？")
    assert reply["parts"][0]["kind"] != "profile"
    assert _codes(reply) == {"2120815": "1800.00"}


def test_where_business_income_is_listed(ask):
    reply = ask("上海市普陀区社会福利院2024年事业收入多少？这笔钱放在哪个科目？")
    assert _codes({"answers": reply["parts"][1]["answers"]}) == {"2081005": "262.00"}


def test_other_income_beside_fiscal(ask_national):
    reply = ask_national("泉州市公安局2026年除了财政拨款以外还有别的收入吗？")
    values = {a["label"]: a["value"] for a in _rows(reply)}
    assert values["收入总计"] == "81206.56"
    assert values["一般公共预算拨款收入"] == "69059.36"
    assert values["单位资金"] == "4547.20"  # printed as 其他收入
    assert values["上年结转结余"] == "7600.00"
    assert not reply["text"].startswith("是")  # the rows answer, not a 是 read off the total


# ------------------------------------------------------------------ projects
def test_topic_qualified_by_an_aim(ask):
    reply = ask("普陀区商务委2025年有没有支持生命健康产业的专项？")
    assert [a["label"] for a in _rows(reply)] == ["生命健康专项（政策资金）"]


def test_census_topics_enumerated(ask_national):
    reply = ask_national("广州市统计局2026年和普查、人口抽样调查有关的项目有哪些？")
    got = {a["label"]: a["value"] for a in _rows(reply) if a.get("iri")}
    assert got == {"广州市第四次全国农业普查经费": "534.72", "广州市第四次全国农业普查宣传经费": "76.30",
                   "广州市全国1%人口抽样调查经费": "15.00"}


def test_final_account_projects_show_what_was_spent(ask_national):
    reply = ask_national("西安市卫生健康委员会2022年决算中与无偿献血有关的项目有哪些？")
    got = {a["label"]: (a["value"], a.get("executed")) for a in _rows(reply) if a.get("iri")}
    assert got["无偿献血者宣传项目"] == ("1272.77", "1184.56")
    assert got["无偿献血者用血返还报销项目"] == ("350.00", "322.15")
    assert "执行率93.07%" in reply["text"]


def test_projects_a_named_unit_carries_out(ask_national):
    reply = ask_national("西安市卫生健康委员会2022年决算里，西安市卫生学校承担了哪些项目？")
    got = {a["label"]: (a["value"], a.get("executed")) for a in _rows(reply) if a.get("iri")}
    assert got == {"中职免学费补助（市级资金）": ("352.74", "352.66"),
                   "中职免学费补助（中央资金）": ("235.16", "197.09")}
    assert "没有找到" not in reply["text"]


def test_projects_named_in_part_beside_an_exact_one(ask_national):
    # 西安市安全生产监督管理局_2019部门综合预算公开报表.pdf p.26 (表10): 安全生产考核表彰专项经费 215.80,
    # 安全生产月活动 50.00
    reply = ask_national("西安市安全生产监督管理局2019年安全生产月活动和安全生产考核表彰分别安排多少钱？")
    got = {a["label"]: a["value"] for a in _rows(reply) if a.get("iri")}
    assert got == {"安全生产月活动": "50.00", "安全生产考核表彰专项经费": "215.80"}
    assert reply["parts"][0]["kind"] != "indicators"  # 考核 inside a name asks no indicator


def test_a_persons_projects_with_amounts(ask):
    # corpus 000 (昌吉州生态环境局 2025): 项目负责人 周燕 — 1008.30, 144.00, 63.70 (合计 1216.00)
    reply = ask("昌吉州生态环境局2025年周燕负责的项目有哪些？")
    got = sorted(a["value"] for a in _rows(reply) if a.get("iri"))
    assert got == ["1008.30", "144.00", "63.70"]
    assert "合计1216.00万元" in reply["text"]
