"""Department profiles, counts and no-answers over the real documents (../shared/corpus, realdocs,
national): what a department holds (vehicles, equipment, floor space), its divisions and
subordinate units asked together, how many projects are under performance-target management as
the document states it, and staffing facts the document does not print — values as printed."""
from __future__ import annotations

from decimal import Decimal

import pytest



def figures(reply: dict) -> dict[str, str]:
    return {a["label"]: a["value"] for a in reply["answers"] if a.get("value") is not None}


# ------------------------------------------------------------------ assets of several kinds
@pytest.mark.shared
def test_vehicles_equipment_and_floor_space_are_three_parts(ask_national):
    """广州市统计局_2026部门预算.pdf 五、国有资产占有使用情况: 房屋2,411.16平方米，车辆4辆，单价100万元以上
    设备12台 (截至2026年1月31日)."""
    r = ask_national("广州市统计局有几辆车？100万以上设备几台？房屋多大面积？")
    assert [p["frame"]["focus"] for p in r["parts"]] == ["assets", "assets", "assets"]
    got = figures(r)
    assert got["车辆"] == "4" and got["设备"] == "12" and got["房屋"] == "2411.16"
    assert "房屋共2411.16平方米" in r["text"]


@pytest.mark.shared
def test_floor_space_alone_is_an_asset_question(ask_national):
    r = ask_national("广州市统计局房屋多大面积？")
    assert r["parts"][0]["frame"]["focus"] == "assets"
    assert figures(r) == {"房屋": "2411.16"}


@pytest.mark.shared
def test_vehicles_and_equipment_above_a_value(ask_national):
    """深圳市财政局_2026部门预算.pdf: 车辆3辆（机要通信1、应急保障1、其他1）；单价100万元以上设备16台（套）."""
    r = ask_national("深圳市财政局有几辆车？单价100万以上设备多少台？")
    got = figures(r)
    assert got["车辆"] == "3" and got["机要通信用车"] == "1" and got["设备"] == "16"
    assert "单价100万元以上的设备共16台（套）" in r["text"]


# ------------------------------------------------------------------ divisions and subordinate units
@pytest.mark.shared
def test_divisions_and_subordinate_units_asked_together(ask):
    """江苏省高级人民法院2019年度部门预算公开.pdf: 27个内设机构; 下属单位 徐州铁路运输法院、江苏省法官培训学院."""
    r = ask("省高院2019年有多少个内设机构和下属单位？")
    assert [p["frame"]["focus"] for p in r["parts"]] == ["divisions", "subordinates"]
    assert figures(r)["内设科室个数"] == "27"
    assert {"徐州铁路运输法院", "江苏省法官培训学院"} <= {a["label"] for a in r["answers"]}
    assert "有2个下属单位" in r["text"]


@pytest.mark.shared
def test_which_units_a_budget_includes(ask):
    """江苏省高级人民法院2019年度部门预算公开.pdf: 包括哪几家单位 asks for the units, not the subjects."""
    r = ask("省高院2019年部门预算包括哪几家单位？车有多少辆？")
    assert [p["frame"]["focus"] for p in r["parts"]] == ["subordinates", "assets"]
    labels = [a["label"] for a in r["answers"]]
    assert "徐州铁路运输法院" in labels
    assert figures(r)["车辆"] == "66" and figures(r)["执法执勤用车"] == "38"


# ------------------------------------------------------------------ performance-target coverage
@pytest.mark.shared
def test_projects_under_target_management_as_the_document_states(ask_national):
    """湖州市财政局_2026部门预算.pdf: 7个项目实行绩效目标管理，涉及1266.75万元 (bkg:PerformanceCoverage)."""
    r = ask_national("湖州市财政局有几个项目实行绩效目标管理？涉及多少钱？")
    got = figures(r)
    assert got["编报绩效目标的项目个数"] == "7" and got["编报绩效目标的项目涉及资金"] == "1266.75"


@pytest.mark.shared
def test_a_stated_zero_is_an_answer(ask):
    """江苏省政协办公厅2019年度部门预算.pdf 说明十四: 共0个项目实行绩效目标管理，涉及财政性资金合计0万元."""
    r = ask("省政协办公厅2019年有几个项目做了绩效目标管理？")
    got = figures(r)
    assert got["编报绩效目标的项目个数"] == "0" and got["编报绩效目标的项目涉及资金"] == "0.00"
    assert {a["department"] for a in r["answers"]} == {"江苏省政协办公厅"}


@pytest.mark.shared
def test_coverage_in_the_shanghai_wording(ask):
    """上海市普陀区商务委员会25年预算.pdf 四、绩效目标设置情况: 编报绩效目标的项目共25个，涉及项目预算资金11381.60万元
    (the record is kept in 元; the answer is in 万元 as printed)."""
    r = ask("普陀商务委25年有几个项目报了绩效目标？涉及多少钱？")
    got = figures(r)
    assert got["编报绩效目标的项目个数"] == "25" and got["编报绩效目标的项目涉及资金"] == "11381.60"


@pytest.mark.shared
def test_coverage_not_in_the_graph_is_said_not_counted_from_all_projects(ask):
    """江苏省人大办公厅2017年度预算公开.pdf states no performance-target coverage at all: the reply says the
    graph lacks it instead of counting projects."""
    r = ask("省人大办公厅17年有几个项目报了绩效目标？涉及多少钱？")
    assert r["answers"] == []
    assert "图谱中没有江苏省人大常委会办公厅2017年编报绩效目标的项目个数和金额" in r["text"]


# ------------------------------------------------------------------ no answer
@pytest.mark.shared
def test_a_staffing_count_the_document_does_not_print(ask_national):
    """长春市信访局本级_2026部门预算.pdf prints 实有人员72人（在职46、离退休26）and no 编制: 编制 is not 72 or 46."""
    r = ask_national("长春市信访局核定的编制是多少个？")
    assert r["answers"] == []
    assert "未列示编制数" in r["text"]
    assert ask_national("长春市信访局有多少人？")["answers"][0]["value"] == "72"


@pytest.mark.shared
def test_a_branch_office_gets_no_figure_of_its_parent(ask):
    """004 (克州生态环境局2024): 编制数40、实有56 are the whole bureau's; 阿克陶县分局 appears only in a
    project's name, so its staff are not in the graph."""
    r = ask("克州生态环境局阿克陶县分局有多少在编人员？")
    assert r["answers"] == []
    assert "阿克陶县分局" in r["text"]
    assert figures(ask("克州生态环境局有多少在编人员？"))["编制数"] == "40"


# ------------------------------------------------------------------ audit: the narrative against the tables
@pytest.mark.shared
def test_narrative_statements_against_the_tables(ask):
    """上海市普陀区司法局2026年部门预算.pdf 编制说明 (pp.8–9): 第12条 住房公积金（项）2026年预算安排201.50万元, while
    the tables print 2210201 住房公积金 2,087,959.00元 = 208.80万元; 第6条 其他司法支出 3,845.49 比2025年执行数
    43,269.3 增加17.62%; 职业年金 91.97 比77.99 增加17.66% (17.93%). The other statements agree."""
    r = ask("普陀区司法局26年预算说明里的数字有没有前后对不上的？")
    got = figures(r)
    assert got["住房公积金（2210201）"] == "201.50"
    assert got["住房公积金（2210201）表中合计"] == "208.80"
    assert "说明中的数字对不上3处" in r["text"] and "说明写201.50万元" in r["text"]
    assert got["其他司法支出（2040699）上年数"] == "43269.30"
    assert got["机关事业单位职业年金缴费支出（2080506）增减幅度"] == "17.66"


@pytest.mark.shared
def test_one_item_stated_twice_with_different_changes(ask):
    """001 昌吉州环境污染监控中心2023: 说明三 (line 1122) 基本支出320.04万元，比上年预算减少6.9万元, 下降2.11%;
    说明五（一） (lines 1168–1170) 基本支出320.04万元，比上年预算减少1.9万元，下降0.59%. Asked whether the
    narrative says the same twice, the answer is those two statements, not every other finding."""
    r = ask("监控中心23年基本支出比上年少了多少？说明里前后两处说的一致吗？")
    changes = sorted(a["value"] for a in r["answers"] if a["label"] == "基本支出比上年增减")
    assert changes == ["-1.90", "-6.90"]
    assert "前后不一致" in r["text"] and "减少6.90万元" in r["text"] and "减少1.90万元" in r["text"]
    assert not any(a["label"].startswith("行政事业单位医疗") for a in r["answers"])


@pytest.mark.shared
def test_that_year_in_a_later_part_is_the_year_just_named(ask):
    """江苏省高级人民法院2019 p.17–18: 收支预算总计37188.34万元比上年增加4016.19万元; 基本支出预算数为21968万元，
    与上年相比增加3397.18万元. Asked of 2018 and then of 当年, both parts are 2018's, derived:
    37188.34 − 4016.19 = 33172.15 and 21968 − 3397.18 = 18570.82 — not 2019's 基本支出."""
    r = ask("江苏高院2018年的预算总额是多少？当年基本支出又是多少？")
    got = figures(r)
    assert got["2018年收入总计（推算）"] == "33172.15"
    assert got["2018年基本支出（推算）"] == "18570.82"


@pytest.mark.shared
def test_a_count_answers_with_the_count_and_lists_only_when_asked(ask):
    """000 昌吉州生态环境局2025 上年结转项目表: 11 projects, 2,934.04万元 (gold 000: the 11 projects of category
    carryover). 一共几个 is the count and total (the names in the sentence); 分别是哪些 adds the 11 rows."""
    r = ask("昌吉州生态环境局25年上年结转的项目一共几个？")
    assert figures(r) == {"项目个数": "11", "涉及金额合计": "2934.04"}
    assert "昌吉州生态环境保护监管能力提升建设项目" in r["text"]
    listed = ask("昌吉州生态环境局25年上年结转的项目有几个？分别是哪些？")
    assert len([a for a in listed["answers"] if a["label"] not in ("项目个数", "涉及金额合计")]) == 11
    assert figures(listed)["项目个数"] == "11"


@pytest.mark.shared
def test_indicator_of_a_project_named_without_its_year(ask_national):
    """长春市信访局 预算表9 names the project 2026信访专项经费; 预算表11 (p.16) gives it 专家评审 >=2次, weight 40.
    Asked as 信访专项经费 (the year left out, as people say it), the project is found and its indicator read."""
    r = ask_national("长春信访专项经费的绩效目标里，专家评审要搞几次？")
    assert [a["label"] for a in r["answers"]] == ["专家评审"]
    assert "“专家评审”：>=2次（权重40）" in r["text"] and "2026信访专项经费" in r["text"]


@pytest.mark.shared
def test_one_subject_statement_against_its_table_row(ask):
    """上海市普陀区社会福利院2024年单位预算.pdf: 说明 社会福利事业单位（项）738.66万元; 表 2081005 合计9,584,796元
    (基本支出6,964,796元、项目支出2,620,000元)."""
    r = ask("普陀社会福利院24年预算说明里社会福利事业单位这一项，跟表里的财政拨款数一致吗？")
    got = figures(r)
    assert got["社会福利事业单位（2081005）"] == "738.66"
    stated = next(a for a in r["answers"] if a["label"] == "社会福利事业单位（2081005）")
    assert stated["stated_as"] == "社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）"  # as the 说明 prints it
    assert got["社会福利事业单位（2081005）表中合计"] == "958.48"
    assert got["社会福利事业单位（2081005）表中基本支出"] == "696.48"
    assert "对不上" in r["text"]


@pytest.mark.shared
def test_project_expenditure_against_its_named_projects(ask_national):
    """长春市信访局本级_2026部门预算.pdf: 项目支出474.56万元; 预算表9 prints its four 二级项目 by name
    (驻京经费 312.00, 信访接待中心运行费 116.00, 信访专项经费 30.00, 临聘人员经费 16.56), which add up; the
    说明八 list of the same total (临聘人员经费 15.56) does not, and is told after them (474.56 against 473.56)."""
    r = ask_national("长春信访局的项目支出合计跟明细对得上吗？")
    assert figures(r) == {"2026驻京经费": "312.00", "2026信访接待中心运行费": "116.00", "2026信访专项经费": "30.00",
                          "信访局临聘人员经费": "16.56", "各项目金额之和": "474.56", "项目支出（印数）": "474.56",
                          "说明八 项目支出预算 所列项目": "474.56"}
    assert "与项目支出（印数）474.56万元一致，对得上" in r["text"]


@pytest.mark.shared
def test_project_expenditure_against_its_projects(ask):
    """000 (昌吉州生态环境局2025): 17 projects add up to 4,257.04 against 项目支出 printed 4,257.03."""
    r = ask("昌吉州生态环境局25年项目支出合计跟明细对得上吗？")
    got = figures(r)
    assert got["各项目金额之和"] == "4257.04" and got["项目支出（印数）"] == "4257.03"
    assert "相差0.01万元，对不上" in r["text"]


# ------------------------------------------------------------------ indicators the graph does not hold
@pytest.mark.shared
def test_targets_of_a_project_read_from_its_ruled_table(ask_national):
    """福州市民政局本级_2026单位预算.pdf prints 市级困难群众救助补助金's target table as a ruled grid (p. 44):
    数量指标 补助人数 >=23000人, 补助县区数 >=8个."""
    r = ask_national("福州民政局市级困难群众救助补助金，数量指标定的是多少？")
    assert [a["label"] for a in r["answers"]] == ["补助人数", "补助县区数"]
    assert "“补助人数”：>=23000人" in r["text"] and "“补助县区数”：>=8个" in r["text"]


@pytest.mark.shared
def test_a_projects_cost_indicators_against_its_budget(ask):
    """000 (昌吉州生态环境局2025) 州生态环境局尾款项目 (生态环保项目尾款, 144.00): its target table lists five
    成本指标 尾款 <=37、<=43、<=19、<=45、<=63.70万元 = 207.70, not 144.00. The project is named by its
    amount and a word of its name (那个144万的尾款项目)."""
    r = ask("昌吉州生态环境局那个144万的尾款项目，绩效表里列的尾款明细加起来是144吗？")
    got = figures(r)
    assert got["生态环保项目尾款"] == "144.00"
    assert got["“生态环保项目尾款”绩效目标表成本指标合计"] == "207.70"
    assert "与项目预算144.00万元不符，相差63.70万元" in r["text"]


@pytest.mark.shared
def test_a_growth_rate_on_a_base_of_zero(ask_national):
    """佛山市轨道交通局_2019部门决算.pdf 四（一）: 机关运行经费支出97.19万元，比预算数增加97.19万元，增长0% — a
    rate on a base of 0 cannot be computed, and 0% contradicts the 97.19 increase."""
    r = ask_national("佛山市轨道交通局2019年机关运行经费比预算多了多少？增长率写的对不对？")
    got = figures(r)
    assert got["机关运行经费支出"] == "97.19" and got["机关运行经费支出增减幅度"] == "0"
    assert "增长率无法计算，写0%与增加97.19万元矛盾" in r["text"]


@pytest.mark.shared
def test_the_department_in_its_own_list_of_units_is_itself(ask_national):
    """烟台市财政局_2026部门预算.pdf lists 烟台市财政局 among its budget units: it is 本级, not a subordinate
    counted twice."""
    r = ask_national("烟台市财政局部门预算里都包括哪些单位？")
    labels = [a["label"] for a in r["answers"]]
    assert "烟台市财政局" not in labels and "烟台市财政局本级" in labels
    assert "烟台市财政集中支付中心" in labels
    assert figures(r)["单位个数"] == str(len(labels) - 1)


@pytest.mark.shared
def test_second_level_budget_units_count_the_department_itself(ask_national):
    """重庆市人民政府办公厅_2026部门预算情况说明.pdf: 二级预算单位 are 本级 and its three units."""
    r = ask_national("重庆市政府办公厅下面有几个二级预算单位？")
    assert figures(r)["单位个数"] == "4"
    assert "重庆市人民政府电子政务中心" in [a["label"] for a in r["answers"]]


@pytest.mark.shared
def test_a_check_of_a_cost_indicator_against_the_projects_money(ask_national):
    """福州市商务局_2026部门预算.pdf 菜篮子工程建设专项资金 (1800.00): its target table's 成本指标 add up to
    1849.50, not the 1800.00 printed as its money — reported as a finding with both figures."""
    r = ask_national("福州商务局菜篮子工程那个项目，绩效表里的成本指标和资金总额对得上吗？")
    assert [a["label"] for a in r["answers"]] == ["绩效目标表 菜篮子工程建设专项资金 成本指标"]
    assert "印1800.00，应为1849.50" in r["text"]


@pytest.mark.shared
def test_a_count_of_units_of_one_kind(ask):
    """江苏省高级人民法院2019: of its units 徐州铁路运输法院 is a court, 江苏省法官培训学院 is not."""
    r = ask("省高院2019年下面有几个法院？")
    assert r["parts"][0]["frame"]["focus"] == "subordinates"
    assert [a["label"] for a in r["answers"]] == ["徐州铁路运输法院", "单位个数"]
    assert figures(r)["单位个数"] == "1"


@pytest.mark.shared
def test_a_count_of_units_read_off_the_table_by_unit(ask_national):
    """杭州市司法局_2026部门预算.pdf p.25 表2 收入预算总表 prints one row per unit: 东郊, 西郊, 南郊, 北郊监狱
    (lines 564–567) beside 富春强制隔离戒毒所 and 法律援助中心 — four prisons."""
    r = ask_national("杭州市司法局管着几个监狱？")
    assert figures(r)["单位个数"] == "4"
    assert sorted(a["label"] for a in r["answers"] if a["label"] != "单位个数") == \
        ["杭州市东郊监狱", "杭州市北郊监狱", "杭州市南郊监狱", "杭州市西郊监狱"]


# ------------------------------------------------------------------ counts worded in other ways
@pytest.mark.shared
def test_divisions_counted_in_chinese_numerals_and_a_fleet_called_motor_vehicles(national) -> None:
    """长春市信访局本级_2026部门预算.pdf p.5: ``长春市信访局内设十个机构，分别是：办公室、来信受理处、…、
    机关党总支、综合处。``; p.19: ``截止2025年12月31日，固定资产账上共有机动车3辆。``"""
    record = national["jilin_changchun/长春市信访局本级_2026部门预算.pdf"]
    assert record.profile.divisions[0] == "办公室" and record.profile.divisions[-1] == "综合处"
    assert len(record.profile.divisions) == 10
    vehicles = [a for a in record.assets if a.kind == "车辆"]
    assert [(a.count, a.count_unit, a.as_of) for a in vehicles] == [(Decimal("3"), "辆", "2025年12月31日")]


@pytest.fixture(scope="module")
def beijing_store(shared_dir):
    """北京市财政局's two files (附件1 情况说明, 附件2 报表) read as one budget, as ``budgetkg ingest``
    combines them, in a memory store."""
    from kg.extract.pipeline import extract_paths
    from tests import nlp_support

    folder = shared_dir / "national" / "beijing"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    records, failures = extract_paths([str(folder)])
    assert failures == [] and len(records) == 1
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, records)
    return store


@pytest.mark.shared
def test_vehicles_counted_in_tai_are_vehicles(beijing_store):
    """北京市财政局_2026部门预算_附件1情况说明.pdf p.9: ``截至 2025 年底，北京市财政局共有车辆 27 台``."""
    from nlp import answer

    r = answer("北京财政局现在有多少辆车？", beijing_store).to_json()
    assert figures(r) == {"车辆": "27"}


@pytest.mark.shared
def test_a_project_described_under_its_own_heading(beijing_store):
    """附件1 p.9 ``（四）市对区专项转移支付项目绩效目标情况说明``: 根据《普惠金融发展专项转移支付管理办法》
    （京财金融〔2021〕850号）和《北京市财政局关于〈普惠金融发展专项资金管理办法〉的补充通知》（京财金融〔2025〕
    1767号），已安排专项转移支付资金5612.00万元 — a project paid out to the districts, not money from above."""
    from nlp import answer

    r = answer("北京市财政局的市对区专项转移支付是依据哪些文件安排的？", beijing_store).to_json()
    text = r["text"]
    assert "京财金融〔2021〕850号" in text and "京财金融〔2025〕1767号" in text and "5612.00万元" in text


@pytest.mark.shared
def test_how_many_departments_set_up_inside_is_a_division_question(ask):
    """上海市普陀区社会福利院2024年单位预算.pdf p.4: ``设5个内设机构，包括：院长室、办公室、财务室、后勤部、护理部。``"""
    r = ask("普陀福利院下面设了几个部门？")
    assert r["parts"][0]["frame"]["focus"] == "divisions"
    assert "5个" in r["text"] and all(name in r["text"] for name in ("院长室", "财务室", "护理部"))


@pytest.mark.shared
def test_share_of_one_kind_of_vehicle(ask_national):
    """西安市卫生健康委员会汇总_2022部门决算.pdf p.23: 共有车辆517辆，其中…特种专业技术用车375辆 (375 ÷ 517 = 72.53%)."""
    r = ask_national("西安卫健委22年底一共多少辆车？特种专业技术用车多少，占比多少？")
    assert figures(r)["车辆"] == "517" and figures(r)["特种专业技术用车"] == "375"
    assert [(d["label"], d["value"]) for d in r["derived"]] == [("特种专业技术用车占比", "72.53")]
