"""Issue 9 ("every fact askable"), two classes of printed facts and the questions that reach them.

1. Itemised plans of an expense: a 会议费明细表 / 培训费明细表 (西安市审计局 2026 说明十: each meeting or training
   with 时间, 人数, 金额) — each item's date, its people, the items added up against the expense they
   itemise (``item_table_sum``) — and the events a 说明 names in the sentence stating the expense with no
   money each (长沙市信访局 2026: 拟召开全市信访工作联席会议、特护期信访安全保障工作调度会等会议，人数约400人).
2. A department's organisation as its 部门概况 prints it: the units a count counts, by name (西安市气象局 2022:
   下辖区县气象局8个，分别为…; 江苏省高级人民法院 2019: （三）派出机构 1、徐州铁路运输法院), and a staffing
   count's change from the year before (克州生态环境局 2024: 在职 29 人，减少 3 人).

Every value is read off the documents in ../shared by the real pipeline (page or line named beside it).
"""
from __future__ import annotations

import copy
from decimal import Decimal as D
from pathlib import Path

import pytest

from kg.extract.narrative.item_checks import item_table_checks
from kg.extract.rules import grade
from kg.extract.deserialize import record_from_json
from kg.extract.pipeline import extract_paths
from kg.extract.serialize import record_json
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG

pytestmark = pytest.mark.shared

XIAN_AUDIT = "national/shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"
CHANGSHA_PETITIONS = "national/hunan_changsha/长沙市信访局_2026部门预算.pdf"
XIAN_WEATHER = "national/shaanxi_xian/西安市气象局_2022部门综合预算.pdf"
JIANGSU_COURT = "realdocs/jiangsu/江苏省高级人民法院/江苏省高级人民法院2019年度部门预算公开.pdf"
XIAN_HEALTH = "national/shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"
KEZHOU = "corpus/004_afd15c6fd474ed3f.txt"
CHANGJI = "corpus/000_0f1ed1c99506120d.txt"
FILES = (XIAN_AUDIT, CHANGSHA_PETITIONS, XIAN_WEATHER, JIANGSU_COURT, XIAN_HEALTH, KEZHOU, CHANGJI)


@pytest.fixture(scope="module")
def records(shared_dir: Path) -> dict:
    """Each file's record through the real pipeline, by its path under ../shared."""
    missing = [f for f in FILES if not (shared_dir / f).is_file()]
    if missing:
        pytest.skip(f"not present under {shared_dir}: {missing}")
    found, failures = extract_paths([str(shared_dir / f) for f in FILES], combine=False)
    assert failures == []
    by_name = {r.source: r for r in found}
    return {f: by_name[Path(f).name] for f in FILES}


@pytest.fixture(scope="module")
def ask(records):
    """A question to the service over a graph of these seven budgets, its reply text."""
    from nlp import answer
    from tests import nlp_support

    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, list(records.values()))
    return lambda question: answer(question, store).to_json()["text"]


def _items(record, whole: str) -> list:
    return [f for f in record.narrative if f.topic == "subitem" and f.parent == whole]


# --- 1. itemised plans --------------------------------------------------------------------------------

def test_training_table_items_with_date_and_people(records):
    record = records[XIAN_AUDIT]
    # p.18 培训费明细表: "2 全市审计干部能力素质提升培训 2026-09-14 120 8.70"
    trainings = _items(record, "培训费")
    assert [(f.label, f.printed, f.date, [(c.label, c.count, c.unit) for c in f.counts]) for f in trainings] == [
        ("全市审计机关年度综合培训", "3.65", "2026-03-12", [("人数", D(95), "人")]),
        ("全市审计干部能力素质提升培训", "8.70", "2026-09-14", [("人数", D(120), "人")]),
        ("全市经责审计培训", "2.65", "2026-10-19", [("人数", D(50), "人")]),
        ("审计业务相关知识技能培训", "6.00", "2026-12-21", [("人数", D(120), "人")]),
    ]
    assert {(f.provenance.page, f.provenance.table) for f in trainings} == {(18, "培训费明细表")}
    # p.17 会议费明细表: "1 全市审计业务会 2026-3-26 100 2.00" (the date as printed, its month unpadded)
    assert [(f.label, f.date) for f in _items(record, "会议费")] == [("全市审计业务会", "2026-3-26")]
    again = record_from_json(record_json(record))
    assert [f.date for f in _items(again, "培训费")] == ["2026-03-12", "2026-09-14", "2026-10-19", "2026-12-21"]


def test_items_added_up_against_the_expense(records):
    record = records[XIAN_AUDIT]
    checks = {c.where: c for c in record.checks if c.rule == "item_table_sum"}
    # 3.65 + 8.70 + 2.65 + 6.00 = 21.00 = 本部门当年一般公共预算培训费预算支出21.00万元 (p.17); the record is in 元
    training = checks["说明 培训费明细表 合计 vs 说明培训费"]
    assert (training.expected, training.printed, training.ok, training.severity) == (
        D("210000.00"), D("210000.00"), True, "ok")
    meeting = checks["说明 会议费明细表 合计 vs 说明会议费"]
    assert (meeting.expected, meeting.printed, meeting.ok) == (D("20000.00"), D("20000.00"), True)
    # one item misread by 1.00万元: the sum no longer holds, and the gap is no rounding
    broken = copy.deepcopy(record)
    item = next(f for f in broken.narrative if f.label == "全市经责审计培训")
    item.value += D("10000.00")
    failed = next(c for c in item_table_checks(None, broken) if "培训费" in c.where)
    assert (failed.ok, failed.expected, grade(failed)) == (False, D("220000.00"), "material")


def test_events_named_in_the_sentence(records):
    record = records[CHANGSHA_PETITIONS]
    # p.8-9: "会议费预算 5.6 万元，拟召开全市信访工作联席会议、特护期信访安全保障工作调度会等会议，人数约 400 人"
    stated = {f.topic: f for f in record.narrative if f.topic in ("meetings", "training") and f.key == "total"}
    assert stated["meetings"].events == ["全市信访工作联席会议", "特护期信访安全保障工作调度会"]
    assert [(c.label, c.count) for c in stated["meetings"].counts] == [("人数", D(400))]
    assert stated["training"].events == ["信访业务培训", "全市范围内信访法治化大讲堂"]
    assert record_from_json(record_json(record)).narrative[record.narrative.index(stated["training"])].events == \
        ["信访业务培训", "全市范围内信访法治化大讲堂"]


def test_ask_trainings_ranked_listed_and_added_up(ask):
    text = ask("西安市审计局2026年哪两个培训花钱最多？各多少钱、多少人？")
    assert "第1：全市审计干部能力素质提升培训8.70万元，人数120人，时间2026-09-14" in text
    assert "第2：审计业务相关知识技能培训6.00万元，人数120人" in text
    assert "全市经责审计培训" not in text and "编制数" not in text  # 多少人 asks the trainings' people here
    text = ask("西安市审计局2026年培训一共多少人次")
    assert "列出4场培训，合计21.00万元，人数合计385人" in text
    text = ask("西安市审计局2026年会议费都开了哪些会")
    assert "全市审计业务会2.00万元，人数100人，时间2026-3-26" in text


def test_ask_events_named_without_money(ask):
    text = ask("长沙市信访局2026年会议费都开了哪些会")
    assert "全市信访工作联席会议、特护期信访安全保障工作调度会" in text and "人数400人" in text
    assert "未逐项列出" in text


# --- 2. the department's organisation -------------------------------------------------------------------

def test_units_counted_by_name(records):
    weather = {c.kind: c for c in records[XIAN_WEATHER].profile.unit_counts}
    # p.4: "下辖区县气象局8个，分别为阎良区气象局、灞桥区气象局、…、周至县气象局。"
    assert weather["区县气象局"].names == ["阎良区气象局", "灞桥区气象局", "长安区气象局", "临潼区气象局", "高陵区气象局",
                                        "鄠邑区气象局", "蓝田县气象局", "周至县气象局"]
    assert len(weather["直属事业单位"].names) == 6 and weather["直属事业单位"].names[0] == "西安市气象台"
    assert weather["处室"].names == []  # the divisions are the profile's own list, not a count's
    # the 人影中心 printed with （地方机构） among the 直属事业单位 is one unit
    assert [u for u in records[XIAN_WEATHER].profile.subordinate_units if u.startswith("西安市人工影响天气")] == \
        ["西安市人工影响天气服务保障中心（地方机构）"]
    court = {c.kind: c for c in records[JIANGSU_COURT].profile.unit_counts}
    # p.5: "（二）下属差额拨款事业单位 1、江苏省法官培训学院 （三）派出机构 1、徐州铁路运输法院"
    assert court["派出机构"].names == ["徐州铁路运输法院"]
    assert court["下属差额拨款事业单位"].names == ["江苏省法官培训学院"]
    assert court["预算单位"].names == ["江苏省高级人民法院机关（本级）", "徐州铁路运输法院"]
    assert record_from_json(record_json(records[JIANGSU_COURT])).profile.unit_counts[2].names == ["徐州铁路运输法院"]


def test_units_counted_by_a_table_of_names(records):
    health = {c.kind: c for c in records[XIAN_HEALTH].profile.unit_counts}
    # p.7: "纳入2022年度本部门决算编制范围的单位共28个，包括本级及所属27个二级预算单位。" + 序号 单位名称 1 … 28
    assert health["单位"].covered and len(health["单位"].names) == 28
    assert health["单位"].names[0] == "西安市卫生健康委员会本级（机关）"
    assert health["二级预算单位"].names == health["单位"].names[1:]  # the 27 under it: its own row left out
    assert health["二级预算单位"].names[-1] == "西安市公共卫生中心（西安市应急医疗中心）"
    weather = {c.kind: c for c in records[XIAN_WEATHER].profile.unit_counts}
    # p.6: "…预算单位共有 2 个，详细情况见下表：序号 单位名称 拟变动情况 1 西安市气象局（本级） / 2 …"
    assert weather["预算单位"].names == ["西安市气象局（本级）", "西安市人工影响天气服务保障中心"]


def test_staff_changes(records):
    # 004 line 105: "在职 29 人，减少 3 人；退休 27 人，增加 11 人；离休 0 人，增加 0 人。"
    staffing = records[KEZHOU].profile.staffing
    assert (staffing.active, staffing.changes) == (29, {"在职": -3, "退休": 11, "离休": 0})
    assert staffing.provenance["在职.变动"].line == 105
    # 000: "在职 22人，增加 2人；退休 29人，增加 2人"
    assert records[CHANGJI].profile.staffing.changes == {"在职": 2, "退休": 2, "离休": 0}
    assert record_from_json(record_json(records[KEZHOU])).profile.staffing.changes == {"在职": -3, "退休": 11, "离休": 0}


def test_organisation_in_the_graph(records):
    _doc, graph = record_to_graph(records[KEZHOU])
    changes = {str(graph.value(n, BKG.staffCategory)): int(graph.value(n, BKG.headcountChange))
               for n in graph.subjects(BKG.headcountChange, None)}
    assert changes == {"在职": -3, "退休": 11, "离休": 0}
    _doc, graph = record_to_graph(records[XIAN_WEATHER])
    named = {str(graph.value(n, BKG.unitKind)): str(graph.value(n, BKG.unitNames))
             for n in graph.subjects(BKG.unitNames, None)}
    assert named["区县气象局"].split("、")[-1] == "周至县气象局"
    _doc, graph = record_to_graph(records[XIAN_AUDIT])
    assert sorted(str(o) for o in graph.objects(None, BKG.eventDate))[:2] == ["2026-03-12", "2026-09-14"]


def test_ask_department_profile(ask):
    text = ask("西安市气象局2022年有多少个内设机构？下属单位有哪些？部门预算包括几家单位？在职、离退休各多少？")
    assert "4个内设科室" in text and "预算单位2个" in text and "在职人数145人" in text and "离退休人数67人" in text
    assert "有6个下属单位" in text and "（其中直属事业单位6个：西安市气象台" in text
    text = ask("西安市气象局2022年下辖几个区县气象局？分别是哪些？")
    assert "区县气象局8个" in text and "分别为阎良区气象局、灞桥区气象局" in text and "周至县气象局" in text
    text = ask("西安市气象局2022年有哪些区县气象局？")  # 气象局 a department word: still the count's units
    assert "区县气象局8个" in text and "蓝田县气象局" in text and "收入总计" not in text
    text = ask("江苏省高级人民法院2019年下属单位有哪些？")
    assert "派出机构1个：徐州铁路运输法院" in text and "下属差额拨款事业单位1个：江苏省法官培训学院" in text
    text = ask("西安市卫健委2022年下属单位有哪些？")
    assert "二级预算单位27个" in text and "西安市卫生统计信息中心" in text and "西安市阎良铁路医院" in text
    text = ask("西安市卫健委2022年有几个二级预算单位？")
    assert "二级预算单位27个" in text and "单位28个" not in text
    text = ask("克州生态环境局2024年在职多少人？")
    assert "在职人数29人，比上年减少3人" in text
