"""Every intent on the corpus graph (../shared/corpus through the real extractor): exact answers,
taken from the hand-checked gold answers and records (shared/gold, shared/questions), asked in
other words than the example questions and about other entities."""
from __future__ import annotations

import pytest

from nlp import answer
from tests.nlp_support import reply_labels as labels

pytestmark = pytest.mark.shared

CJ = "昌吉回族自治州生态环境局"
KZ = "克孜勒苏柯尔克孜自治州生态环境局"
JK = "昌吉州环境污染监控中心"


@pytest.fixture(scope="module")
def ask(nlp_corpus_store):
    def _ask(question: str) -> dict:
        return answer(question, nlp_corpus_store).to_json()
    return _ask


def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if "value" in a}



# ------------------------------------------------------------------ projects
@pytest.mark.parametrize("question", [
    "有没有专门做生态环境宣传教育的项目？分别是哪个单位的、多少钱？",
    "昌吉州生态环境局有没有跟宣传有关的项目",
    "搞环保宣传的经费有哪些",
])
def test_topic_projects_publicity(ask, question):
    r = ask(question)
    assert r["intent"] == "topic_projects"
    assert labels(r) == ["“美丽昌吉”宣传活动经费"] and r["answers"][0]["value"] == "20.00"
    assert r["answers"][0]["department"] == CJ and r["answers"][0]["year"] == 2025


def test_topic_projects_narrow_synonym(ask):
    r = ask("排污许可相关的经费安排在哪个项目")
    assert labels(r) == ["排污许可证核查与审核"] and figures(r) == {"排污许可证核查与审核": "31.40"}


def test_topic_projects_broad_theme_lists_all(ask):
    r = ask("哪些项目跟大气污染防治有关")
    names = labels(r)
    assert "昌吉州大气污染综合治理能力提升项目" in names and "微型环境空气质量监测体系运维费" in names
    assert "昌吉州空气质量预警预报能力建设（一期）项目" in names and "未指明部门" in r["text"]
    assert not any("宣传" in n or "执法" in n for n in names)


@pytest.mark.parametrize("question, name, amount", [
    ("监控中心实验室计量认证体系建设、标准物质和仪器设备检定那个项目，预算是多少？",
     "开展实验室计量认证体系建设、实验室标准物质、仪器设备检定分等", "16.87"),
    ("昌吉州环境安全隐患排查整治项目多少钱", "昌吉州环境安全隐患排查整治项目", "68.64"),
    ("加密站点那个项目的预算是多少",
     "昌州财建【2024】126号提前下达2025年中央大气污染防治资金（昌吉州大气污染防治重点区域加密空气质量自动监测站点建设项目）",
     "1008.30"),
    ("克州执法能力建设项目安排了多少", "执法能力建设项目", "15.00"),
    ("环境监控运转经费是多少钱？", "环境监控运转经费", "40.00"),
    ("环境监控运转经废是多少钱？", "环境监控运转经费", "40.00"),  # a one-character typo
    ("排污许可证的核查、审核工作有没有安排经费？安排在哪个项目里？", "排污许可证核查与审核", "31.40"),
])
def test_project_amount(ask, question, name, amount):
    r = ask(question)
    assert figures(r) == {name: amount}
    assert r["answers"][0]["unit"] == "万元"


# ------------------------------------------------------------------ department figures
def test_dept_total_with_shares(ask):
    r = ask("昌吉州环境污染监控中心2023年的支出预算里，基本支出和项目支出各是多少？各占多大比重？")
    assert r["intent"] == "dept_total"
    assert figures(r) == {"基本支出": "320.04", "基本支出占比": "27.29", "项目支出": "852.62",
                          "项目支出占比": "72.71"}
    assert JK in r["text"] and "2023" in r["text"]


@pytest.mark.parametrize("question, label, value", [
    ("克州2024年收支总预算是多少", "收入总计", "2448.62"),
    ("克州生态环境局2024年一般公共预算拨款多少", "一般公共预算拨款收入", "2188.62"),
    ("25年昌吉州生态环境局的基本支出", "基本支出", "421.68"),
    ("克州生态环境局2024年的項目支出是多少", "项目支出", "396.20"),  # traditional characters
    ("今年克州的项目支出", "项目支出", "396.20"),  # 今年 = the department's latest budget
])
def test_dept_total_figures(ask, question, label, value):
    assert figures(ask(question)) == {label: value}


def test_comparison_of_departments(ask):
    r = ask("按一般公共预算拨款的规模，给三家单位从高到低排个序。")
    assert r["intent"] == "comparison"
    assert [(a["label"], a["value"], a["year"], a["rank"]) for a in r["answers"]] == [
        (KZ, "2188.62", 2024, 1), (CJ, "1744.68", 2025, 2), (JK, "405.68", 2023, 3)]
    r = ask("三家单位的项目支出哪家最多")
    assert r["answers"][0]["label"] == CJ and r["answers"][0]["value"] == "4257.03"


def test_sangong(ask):
    r = ask("昌吉州生态环境局2025年的三公经费")
    assert r["intent"] == "sangong"
    assert figures(r)["“三公”经费合计"] == "6.39" and figures(r)["公务接待费"] == "0.39"
    assert figures(ask("克州生态环境局2024年公务用车运行费是多少")) == {"公务用车运行费": "17.00"}


def test_operating_and_procurement(ask):
    assert figures(ask("克州生态环境局2024年机关运行经费是多少")) == {"机关运行经费": "103.53"}
    assert figures(ask("昌吉州生态环境局2025年政府采购预算有多少")) == {
        "政府采购预算": "1592.30", "政府采购货物": "1010.70", "政府采购工程": "0.00", "政府采购服务": "581.60"}


def test_functional_breakdown(ask):
    r = ask("2025年昌吉州生态环境局的社会保障和就业支出由哪几个项级科目构成？各多少？")
    assert r["intent"] == "functional_breakdown"
    assert figures(r) == {"社会保障和就业支出合计（208）": "62.60", "行政单位离退休": "2.70",
                          "机关事业单位基本养老保险缴费支出": "39.93", "机关事业单位职业年金缴费支出": "19.97"}
    r = ask("昌吉州生态环境局2025年的社保和就业支出由哪几项构成")  # 社保: a partial subject name
    assert r["intent"] == "functional_breakdown" and figures(r)["社会保障和就业支出合计（208）"] == "62.60"


def test_economic_breakdown(ask):
    r = ask("克州生态环境局2024年基本支出中的“对个人和家庭的补助”包括哪些明细？各多少？")
    assert figures(r) == {"对个人和家庭的补助合计（303）": "163.26", "退休费": "97.21", "生活补助": "0.58",
                          "奖励金": "0.02", "其他对个人和家庭的补助": "65.45"}


# ------------------------------------------------------------------ indicators, policy, people
def test_indicators_of_kinds(ask):
    r = ask("自治州排放源统计年报审核项目的时效指标和质量指标分别要求什么？")
    assert {a["label"]: (a["target"], a["weight"]) for a in r["answers"]} == {
        "项目完成时限": ("2025年12月10日前", "7"), "技术分析报告验收合格率": ("=100%", "7")}
    r = ask("监控中心信息化运维项目设了哪些数量指标？")
    assert {a["label"]: a["target"] for a in r["answers"]} == {
        "网络核心设备维保台数": "=5台", "全州16个视频点位巡检（次数）": ">=4次", "硬件设备监控个数": "=22个"}


def test_indicators_kind_absent_is_said(ask):
    r = ask("信息化运维项目的满意度指标")
    assert r["answers"] == [] and "没有满意度指标" in r["text"]


def test_policy_basis(ask):
    r = ask("加密空气质量自动监测站点建设项目的设立依据引用了哪些文件？")
    assert r["intent"] == "policy_basis"
    got = {a["label"]: a.get("number") for a in r["answers"]}
    assert got["《关于开展大气污染防治重点区域加密建设空气质量自动监测站点工作的通知》"] == "新环办便函〔2023〕25号"
    assert "《“十四五”生态环境监测规划》" in got
    r = ask("哪些项目依据了新环办便函〔2023〕25号")
    assert len(r["answers"]) == 1 and "加密空气质量自动监测站点建设项目" in r["answers"][0]["label"]


def test_responsible_person(ask):
    r = ask("张汉平是监控中心哪些项目的负责人？")
    assert r["intent"] == "responsible"
    assert figures(r)["项目个数"] == "8"
    assert {"环境监控运转经费", "信息化运维", "机构运行保障经费", "链路及通讯费用"} <= set(labels(r))
    r = ask("“美丽昌吉”宣传活动经费的负责人是谁")
    assert r["answers"][0]["person"] == "白瑜"


def test_funding_source(ask):
    r = ask("监控中心机构运行保障经费的钱出自哪一块收入？")
    assert r["intent"] == "funding_source"
    assert r["answers"][0]["value"] == "32.12"
    assert "非财政拨款结转" in r["text"]


# ------------------------------------------------------------------ lists of projects
def test_threshold(ask):
    r = ask("克州生态环境局2024年有哪几个项目的预算规模突破了50万元？单位资金项目也算在内。")
    assert figures(r) == {"其他资金收入经费项目": "230.00", "2024年环保业务经费": "71.00"}
    r = ask("克州生态环境局2024年哪些项目不超过十六万二千元")
    assert set(figures(r)) == {"阿克陶县分局物业费、制冷费项目", "执法能力建设项目", "中央生态环境保护督察整改工作专项经费"}


def test_count(ask):
    r = ask("克州生态环境局2024年有几个项目完全不用财政拨款、只用单位资金？合计多少？")
    assert figures(r) == {"其他资金收入经费项目": "230.00", "2023年结余资金": "30.00", "项目个数": "2",
                          "涉及金额合计": "260.00"}


def test_top_n(ask):
    r = ask("克州生态环境局2024年用财政拨款安排的5个项目中，金额最大的两个是哪两个？")
    assert [(a["label"], a["value"], a["rank"]) for a in r["answers"]] == [
        ("2024年环保业务经费", "71.00", 1), ("“三线一单”生态环境分区管控成果动态更新项目", "24.00", 2)]


def test_carryover(ask):
    r = ask("昌吉州环境安全隐患排查整治项目是2025年新安排的，还是上年结转下来的？有多少钱？")
    assert r["intent"] == "carryover"
    assert r["answers"][0]["category"] == "上年结转" and r["answers"][0]["value"] == "68.64"
    r = ask("昌吉州生态环境局2025年有哪些上年结转项目")
    assert figures(r)["上年结转项目合计"] == "2934.04" and len(r["answers"]) == 12


# ------------------------------------------------------------------ profile, audit, terms
def test_profile(ask):
    r = ask("克州生态环境局内部设了哪几个科室？")
    assert set(labels(r)) == {"办公室", "监督管理科", "污染防治科", "内设科室个数"}
    r = ask("昌吉州生态环境局的编制数和实有人数各是多少？在职、退休各几人？")
    assert figures(r) == {"编制数": "22", "实有人数": "51", "在职人数": "22", "退休人数": "29", "离休人数": "0"}


def test_audit_of_tables(ask):
    r = ask("昌吉州生态环境局2025年预算公开表（表1至表11）中，哪些合计数和分项之和对不上？")
    assert r["intent"] == "audit"
    got = labels(r)
    for label in ("211 节能环保支出（表2、表3）", "21101 环境保护管理事务（表2、表3）",
                  "21011 行政事业单位医疗（表2、表3、表5）"):
        assert label in got
    total = next(a for a in r["answers"] if a["label"].startswith("收支总计"))
    assert (total["printed"], total["expected"]) == ("4678.70", "4678.71")


def test_audit_of_one_project(ask):
    r = ask("监控中心链路及通讯费用的资金分配明细，加起来和预算对得上吗？")
    assert figures(r)["链路及通讯费用"] == "8.00"
    assert any(a.get("expected") == "9.10" for a in r["answers"])


def test_definition(ask):
    r = ask("什么是三公经费")
    assert r["intent"] == "definition" and "公务接待费" in r["answers"][0]["text"]


# ------------------------------------------------------------------ nothing found
@pytest.mark.parametrize("question", [
    "克州生态环境局2024年给阿图什市分局安排了多少物业费和制冷费？",
    "伊犁州生态环境局2024年的三公经费是多少",
    "李明负责哪些项目",
    "喀什地区环保局有哪些项目",
    "昌吉州生态环境局2019年的收入总计",
])
def test_unknown_entities_answer_nothing(ask, question):
    r = ask(question)
    assert r["answers"] == [] and "没有" in r["text"]


def test_no_subordinate_units(ask):
    r = ask("昌吉州生态环境局2025年有哪些项目是交给下属预算单位承担的？")
    assert r["answers"] == [] and "下属" in r["text"]


# ------------------------------------------------------------------ other wordings, other entities
@pytest.mark.parametrize("question, intent, label, value", [
    ("三个单位的基本支出谁最多", "comparison", KZ, "2052.42"),
    ("哪个单位的三公经费最多", "comparison", KZ, "32.00"),
    ("克州2024年的一般公共预算收入占总收入的比重", "dept_total", "一般公共预算拨款收入占比", "89.38"),
    ("昌吉州生态环境局2025年的项目中哪些是用上级转移支付安排的", "count", "项目个数", "1"),
    ("三线一单项目多少钱", "project_amount", "“三线一单”生态环境分区管控成果动态更新项目", "24.00"),
    ("昌吉州环境保护监管能力提升建设项目多少钱", "project_amount", "昌吉州生态环境保护监管能力提升建设项目", "1791.74"),
    ("监控中心2023年有几个非财政拨款项目", "count", "项目个数", "1"),
    ("監控中心的三公經費", "sangong", "“三公”经费合计", "4.60"),
    ("克州生态环境局2024年预算总额是多少", "dept_total", "收入总计", "2448.62"),
    ("监控中心23年支出里基本支出、项目支出分别多少，占比多少", "dept_total", "项目支出占比", "72.71"),
    ("昌吉州生态环境局2025年卫生健康支出包括哪些项级科目", "functional_breakdown", "行政单位医疗", "19.97"),
    ("克州生态环境局2024年公务接待费是多少", "sangong", "公务接待费", "15.00"),
    ("昌吉州生态环境局2025年上年结转结余多少", "dept_total", "上年结转结余", "2934.03"),
])
def test_other_wordings(ask, question, intent, label, value):
    r = ask(question)
    assert r["intent"] == intent
    assert figures(r)[label] == value


def test_top_three_and_audit_in_other_words(ask):
    r = ask("昌吉州生态环境局预算金额最大的三个项目是什么？")
    assert [a["value"] for a in r["answers"]] == ["1791.74", "1008.30", "488.50"]
    r = ask("克州生态环境局2024年的预算表有没有算错的地方")
    assert r["intent"] == "audit" and len(r["answers"]) == 2


def test_a_unit_the_documents_do_not_name(ask):
    r = ask("昌吉州生态环境局2025年给呼图壁县分局安排了多少经费")
    assert r["answers"] == [] and "呼图壁县" in r["text"]


def test_change_derives_the_year_before_or_says_it_cannot(ask):
    r = ask("从2023年的预算说明能否推算出监控中心2022年的一般公共预算是多少？")
    assert r["intent"] == "change"
    got = figures(r)
    if any("推算" in label for label in got):  # the graph holds the narrative's 比上年 statements
        assert got["2022年一般公共预算拨款收入（推算）"] == "409.94"
        assert got["2023年一般公共预算拨款收入比上年减少"] == "4.26"
    else:
        assert "没有" in r["text"] and got == {"2023年一般公共预算拨款收入": "405.68"}


def test_department_typed_with_one_wrong_character(ask):
    r = ask("克州生态环竟局2024年的三公经费")
    assert figures(r)["“三公”经费合计"] == "32.00" and r["answers"][0]["department"] == KZ


def test_a_project_of_another_department_is_not_this_departments(ask):
    r = ask("克州生态环境局的信息化运维项目多少钱")
    assert r["answers"] == [] and JK in r["text"]  # says where the project of that name is


def test_breakdown_of_one_column_difference_and_persons(ask):
    r = ask("克州生态环境局2024年节能环保支出中项目支出多少")
    assert figures(r) == {"节能环保支出合计（211）": "396.20", "行政运行": "260.00",
                          "其他环境保护管理事务支出": "136.20"}
    r = ask("昌吉州生态环境局2025年的项目支出比基本支出多多少")
    assert figures(r)["项目支出比基本支出多"] == "3835.35"
    r = ask("监控中心的项目负责人都有谁")
    assert [(a["label"], a["value"]) for a in r["answers"]] == [("张汉平", "8")]
    r = ask("三家单位一共有多少个项目")
    assert figures(r)["项目个数"] == "34" and len(r["answers"]) == 5


def test_ranks_shares_and_inclusive_bounds(ask):
    r = ask("克州生态环境局2024年金额第三大的项目")
    assert [(a["label"], a["rank"]) for a in r["answers"]] == [("2023年结余资金", 3)]
    r = ask("昌吉州生态环境局2025年最大的项目占项目支出的比例")
    assert figures(r)["昌吉州生态环境保护监管能力提升建设项目占项目支出比重"] == "42.09"
    r = ask("克州生态环境局2024年七十一万元以上的项目")  # 以上 includes the amount itself
    assert set(figures(r)) == {"其他资金收入经费项目", "2024年环保业务经费"}
    r = ask("克州生态环境局2024年超过七十一万元的项目")
    assert set(figures(r)) == {"其他资金收入经费项目"}
