"""Asset classes the 国有资产 chapter states by their value alone (issue 9, every fact askable).

A 固定资产 total, 房屋和构筑物 / 设备 / 家具和用具 / 无形资产 with their share of it, 办公家具 and 其他资产 —
printed with a value and no count, so the count reader never held them — read into the record's
``assets`` (value in the record's unit, the chapter's 截至 date, provenance), mapped to the graph and
answered by the assets executor. Every expected value was read by hand off the documents' text:

- corpus/000 lines 1492–1503 (page 26): 截至2024年底 … 3.办公家具价值 53.23万元。4.其他资产价值 5,248.80万元。
  部门价值 50万元以上大型设备 0台，部门价值 100万元以上大型设备 5台.
- 长春市信访局本级_2026部门预算.pdf page 19 (十一、国有资产占用情况): 截止2025年12月31日 … 本单位固定资产总量为
  4295.98万元，房屋和构筑物3773.63万元，占固定资产总额的87.84%；设备335.24万元，…7.90%；家具和用具172.11万元，
  …4%;无形资产15万元占固定资产总额的0.26%.
- 广州市统计局_2026部门预算.pdf page 24 (五、国有资产占有使用情况): 截至2026年1月31日，本部门固定资产金额
  10,884.06万元，…单价在100万元以上的设备12台等。本年度拟购置固定资产9万元.
- 深圳市财政局_2026部门预算.pdf page 13: 2026 年计划购置车辆 0 辆、0.00 万元 … 单价 100 万元以上设备 0 台（套）、0.00 万元.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.model import AssetHolding, Record

pytestmark = pytest.mark.shared

D = Decimal
CORPUS_000 = "corpus/000_0f1ed1c99506120d.txt"
CHANGCHUN = "national/jilin_changchun/长春市信访局本级_2026部门预算.pdf"
GUANGZHOU = "national/guangdong_guangzhou/广州市统计局_2026部门预算.pdf"
SHENZHEN = "national/guangdong_shenzhen/深圳市财政局_2026部门预算.pdf"


@pytest.fixture(scope="module")
def records(shared_dir) -> dict[str, Record]:
    """The four documents read by the real pipeline (skipped where ../shared lacks one)."""
    from kg.extract.pipeline import extract_file

    out = {}
    for rel in (CORPUS_000, CHANGCHUN, GUANGZHOU, SHENZHEN):
        path = Path(shared_dir) / rel
        if not path.exists():
            pytest.skip(f"{rel} is not in ../shared")
        out[rel] = extract_file(str(path))
    return out


def _valued(record: Record) -> list[AssetHolding]:
    return [a for a in record.assets if a.count is None]


def test_furniture_and_other_assets_of_a_xinjiang_budget(records):
    record = records[CORPUS_000]
    got = [(a.kind, a.value, a.planned, a.as_of, a.provenance.page, a.provenance.line) for a in _valued(record)]
    assert got == [("办公家具", D("53.23"), False, "2024年底", 26, 1501),
                   ("其他资产", D("5248.80"), False, "2024年底", 26, 1503)]
    # the chapter's date is every holding's, not the first sentence's only
    vehicles = {a.kind: a.as_of for a in record.assets if a.count_unit == "辆" and not a.planned}
    assert set(vehicles.values()) == {"2024年底"}


def test_fixed_assets_and_their_classes_with_shares(records):
    got = [(a.kind, a.value, a.share, a.as_of) for a in _valued(records[CHANGCHUN])]
    assert got == [("固定资产", D("4295.98"), None, "2025年12月31日"),
                   ("房屋和构筑物", D("3773.63"), D("87.84"), "2025年12月31日"),
                   ("设备", D("335.24"), D("7.90"), "2025年12月31日"),
                   ("家具和用具", D("172.11"), D("4"), "2025年12月31日"),
                   ("无形资产", D("15"), D("0.26"), "2025年12月31日")]
    assert {a.provenance.page for a in _valued(records[CHANGCHUN])} == {19}


def test_fixed_assets_held_and_planned(records):
    record = records[GUANGZHOU]
    got = [(a.kind, a.value, a.planned, a.as_of) for a in _valued(record)]
    assert got == [("固定资产", D("10884.06"), False, "2026年1月31日"), ("固定资产", D("9"), True, None)]
    equipment = next(a for a in record.assets if a.kind == "设备")
    assert (equipment.count, equipment.threshold) == (D(12), "单价在100万元以上")


def test_a_planned_purchase_with_its_amount_beside_the_count(records):
    planned = [(a.kind, a.count, a.value) for a in records[SHENZHEN].assets if a.planned]
    assert planned == [("车辆", D(0), D("0.00")), ("设备", D(0), D("0.00"))]


def test_the_record_round_trips_through_json(records):
    from kg.extract.deserialize import record_from_json
    from kg.extract.serialize import record_json

    record = records[CHANGCHUN]
    again = record_from_json(record_json(record))
    assert [(a.kind, a.value, a.share) for a in _valued(again)] == [(a.kind, a.value, a.share) for a in _valued(record)]


@pytest.fixture(scope="module")
def ask(records):
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, list(records.values()))

    def _ask(question: str) -> dict:
        return answer(question, store).to_json()
    return _ask


def _figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if a.get("value") is not None}


def test_total_assets_asked(ask):
    r = ask("长春市信访局资产总额多少？")
    assert _figures(r) == {"固定资产价值": "4295.98"}
    assert "固定资产共4295.98万元（截至2025年12月31日）" in r["text"]
    assert "第267行" in r["text"]


def test_buildings_worth_with_its_share(ask):
    r = ask("长春市信访局房屋价值多少？")
    assert _figures(r) == {"房屋和构筑物价值": "3773.63"}
    assert "占87.84%" in r["text"]


def test_furniture_worth(ask):
    assert _figures(ask("长春市信访局家具值多少钱？")) == {"家具和用具价值": "172.11"}
    r = ask("昌吉州生态环境局2025年家具值多少钱？")
    assert _figures(r) == {"办公家具价值": "53.23"}
    assert "截至2024年底" in r["text"]


def test_vehicles_worth(ask):
    got = _figures(ask("昌吉州生态环境局2025年车辆原值多少？"))
    assert got["车辆价值"] == "31.56"


def test_equipment_above_the_limit_asked(ask):
    """000 counts equipment above two limits: 百万元以上 is the 100万 count, 50万 the other."""
    assert _figures(ask("昌吉州生态环境局2025年有几台百万元以上设备？")) == {"设备": "5"}
    assert _figures(ask("昌吉州生态环境局2025年50万元以上设备有几台？")) == {"设备": "0"}


def test_fixed_assets_beside_the_counts(ask):
    r = ask("广州市统计局固定资产有多少？房屋面积、车辆、100万以上设备各多少？")
    got = _figures(r)
    assert got == {"固定资产价值": "10884.06", "房屋": "2411.16", "车辆": "4", "设备": "12"}


def test_planned_fixed_assets(ask):
    assert _figures(ask("广州市统计局今年拟购置多少固定资产？")) == {"计划购置固定资产价值": "9.00"}


def test_a_worth_not_printed_is_said_missing(ask):
    r = ask("长春市信访局车辆价值多少？")
    assert _figures(r) == {}
    assert "没有找到" in r["text"]


def test_each_printed_share_is_checked_against_the_whole(records):
    """长春 page 19: 设备335.24 ÷ 4295.98 = 7.80% (printed 7.90%), 无形资产15 ÷ 4295.98 = 0.35% (printed 0.26%);
    房屋和构筑物 87.84% and 家具和用具 4% are right."""
    got = {c.where.split()[1]: (c.expected, c.printed, c.severity) for c in records[CHANGCHUN].checks
           if c.rule == "share_percent" and "固定资产" in c.where}
    assert got == {"房屋和构筑物": (D("87.84"), D("87.84"), "ok"), "设备": (D("7.80"), D("7.90"), "material"),
                   "家具和用具": (D("4"), D("4"), "ok"), "无形资产": (D("0.35"), D("0.26"), "material")}


def test_whether_the_shares_are_right_is_a_check(ask):
    r = ask("长春信访局国有资产那段，各类资产占固定资产总额的百分比算得对吗？")
    assert "印7.90%，应为7.80%" in r["text"] and "应为0.35" in r["text"]
