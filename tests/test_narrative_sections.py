"""部门概况, 项目说明 blocks, 上年结转结余 list, 三公/运行经费/采购 figures, 名词解释 and changes,
read from the corpus text extractions."""
from __future__ import annotations

from decimal import Decimal

from kg.extract.narrative import carryover, projects
from kg.extract.narrative.changes import read_changes
from kg.extract.narrative.definitions import read_definitions
from kg.extract.narrative.figures import read_figures
from kg.extract.narrative.profile import read_profile
from tests.narrative_support import corpus_doc


def test_profile_000_joins_wrapped_lines(shared_dir):
    profile = read_profile(corpus_doc(str(shared_dir), "000").lines)
    assert profile.divisions == ["办公室", "组织人事宣教科", "科技与水生态环境科", "大气环境科",
                                 "自然生态保护与土壤生态环境科", "环境影响评价与排放管理科", "生态环境监测和应急管理科"]
    s = profile.staffing
    assert (s.authorized, s.actual, s.active, s.retired, s.retired_veteran) == (22, 51, 22, 29, 0)
    assert profile.subordinate_units == []
    assert profile.functions.startswith("落实国家环境保护基本制度。")


def test_profile_001_004(shared_dir):
    p1 = read_profile(corpus_doc(str(shared_dir), "001").lines)
    assert p1.divisions == ["应急监控科", "机动车排污监督管理科", "辐射安全监督管理科", "网络管理科", "办公室"]
    assert (p1.staffing.authorized, p1.staffing.actual, p1.staffing.active) == (5, 4, 4)
    p4 = read_profile(corpus_doc(str(shared_dir), "004").lines)
    assert p4.divisions == ["办公室", "监督管理科", "污染防治科"]
    assert (p4.staffing.authorized, p4.staffing.actual, p4.staffing.active, p4.staffing.retired) == (40, 56, 29, 27)


def test_project_blocks_000(shared_dir):
    items = projects.read_narrative_projects(corpus_doc(str(shared_dir), "000").lines)
    assert [(i.name, i.amount) for i in items] == [
        ("机关运行补助经费", Decimal("57.00")), ("“美丽昌吉”宣传活动经费", Decimal("20.00")),
        ("自治州排放源统计年报审核", Decimal("30.00")), ("微型环境空气质量监测体系运维费", Decimal("63.70")),
        ("生态环保项目尾款", Decimal("144.00")),
        ("昌州财建【2024】126号提前下达2025年中央大气污染防治资金（昌吉州大气污染防治重点区域加密空气质量自动监测站点建设项目）",
         Decimal("1008.30"))]
    assert {i.chapter for i in items} == {"说明七"}
    assert items[0].unit == "昌吉回族自治州生态环境局"
    assert items[0].period == "2025年1月1日-2025年12月31日"
    assert sum(projects.allocation_parts(items[0].allocation)) == Decimal("57.000")
    assert projects.allocation_parts(items[3].allocation) == []  # a single restated figure
    project = projects.to_project(items[5], "000.txt", "dept")
    assert [(d.title, d.number) for d in project.policy_documents] == [
        (None, "昌州财建【2024】126号"),
        ("《关于开展大气污染防治重点区域加密建设空气质量自动监测站点工作的通知》", "新环办便函〔2023〕25号"),
        ("《“十四五”生态环境监测规划》", None)]


def test_project_blocks_001_rates_are_not_parts(shared_dir):
    items = projects.read_narrative_projects(corpus_doc(str(shared_dir), "001").lines)
    assert [(i.name, i.amount) for i in items] == [
        ("环境监控运转经费", Decimal("40")), ("重型柴油车OBD远程在线监控", Decimal("10.5")),
        ("污染源监控系统运行维护（2年运维，2023年-2024年）", Decimal("10")), ("链路及通讯费用", Decimal("8")),
        ("信息化运维", Decimal("17.14"))]
    assert all(projects.allocation_parts(i.allocation) == [] for i in items)


def test_amount_in_yuan_record(shared_dir):
    items = projects.read_narrative_projects(corpus_doc(str(shared_dir), "004").lines)
    project = projects.to_project(items[0], "004.txt", None, unit="元")
    assert project.amount == Decimal("240000")


def test_carryover_000(shared_dir):
    section = carryover.read_carryover(corpus_doc(str(shared_dir), "000").lines)
    assert (section.total, section.fiscal, section.nonfiscal) == (Decimal("2934.03"), Decimal("2904.03"), Decimal("30.00"))
    assert section.chapter == "说明十一"
    assert len(section.items) == 11
    assert sum(i.amount for i in section.items) == Decimal("2934.04")  # the document's own rounding gap
    made = carryover.to_projects(section, "000.txt", "dept")
    assert made[0].name == "昌吉州160套环境空气微型站点设备运行维护技术服务项目"
    assert made[5].name.startswith("昌州财建【2024】143号关于追加拨付2024年自治区“乌-昌-石”区域")
    assert [(d.title, d.number) for d in made[5].policy_documents] == [
        ("关于追加拨付2024年自治区“乌-昌-石”区域大气环境整治奖补资金预算的通知", "昌州财建【2024】143号")]
    assert [(p.name, p.funding_source) for p in made if p.funding_source == "carryover_nonfiscal"] == [
        ("机关运行补助经费", "carryover_nonfiscal")]
    assert carryover.read_carryover(corpus_doc(str(shared_dir), "004").lines).items == []


def test_figures(shared_dir):
    f0 = read_figures(corpus_doc(str(shared_dir), "000").lines, "000.txt")
    t = f0.three_public
    assert (t.total, t.overseas, t.reception, t.vehicles, t.vehicle_purchase, t.vehicle_operation) == tuple(
        Decimal(x) for x in ("6.39", "0.00", "0.39", "6.00", "0.00", "6.00"))
    assert f0.operating_expenses == Decimal("49.86")
    p = f0.procurement
    assert (p.total, p.goods, p.works, p.services) == tuple(Decimal(x) for x in ("1592.30", "1010.70", "0.00", "581.60"))
    assert f0.where["procurement"].table == "说明十二（二）"
    f1 = read_figures(corpus_doc(str(shared_dir), "001").lines, "001.txt")
    assert f1.operating_expenses == Decimal("9.93")  # printed as 机构运行经费
    assert f1.procurement.works == Decimal("0.2")


def test_definitions_and_changes(shared_dir):
    doc = corpus_doc(str(shared_dir), "000")
    terms = read_definitions(doc.lines)
    assert terms["财政拨款"] == "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"
    assert "机关运行经费" in terms and "“三公”经费" in terms
    assert terms["机关运行经费"].endswith("公务用车运行维护费及其他费用。")
    changes = read_changes(doc.lines, doc.name)
    first = changes[0]
    assert (first["subject"], first["current"], first["amount"], first["direction"], first["percent"]) == (
        "一般公共预算", "736.38", "78.20", "increase", "11.88")
    assert first["reason"].startswith("2025年一般公共预算中项目资金安排较上年增加")
    assert first["provenance"]["table"] == "说明二"
    item = next(c for c in changes if c["subject"] == "一般公共服务支出（类）宣传事务（款）宣传管理（项）")
    assert (item["current"], item["amount"], item["direction"]) == ("20.00", "30.00", "decrease")


# --- the profile in other provinces' wording (hand-made lines, no shared files) ------------------------

def _lines(*texts: str):
    from kg.extract.source import Line

    return [Line(text=t, lineno=i + 1, page=1) for i, t in enumerate(texts)]


def test_profile_shanghai_wording() -> None:
    profile = read_profile(_lines(
        "青山区商务委员会主要职能", "青山区商务委员会是主管全区产业经济的区政府工作部门，主要职责是：",
        "青山区商务委员会机构设置", "青山区商务委员会部门预算是包括商务委本部以及下属1家预算单位的综合收支计划。",
        "本部门中，行政单位1家，事业单位1家，具体包括：",
        "1. 商务委本部，青山区商务委员会机关设3个内设机构，包括：办公室、市场秩序科（粮食和物资",
        "储备科）、贸易发展科。", "2. 青山区中小企业服务中心，不单列预算。", "名词解释"))
    assert profile.divisions == ["办公室", "市场秩序科（粮食和物资储备科）", "贸易发展科"]
    assert profile.subordinate_units == ["青山区中小企业服务中心"]
    assert profile.functions.startswith("青山区商务委员会是主管全区产业经济的区政府工作部门")


def test_profile_jiangsu_numbered_lists_and_staffing() -> None:
    profile = read_profile(_lines(
        "第一部分 部门概况", "一、主要职能", "青山省高级人民法院是国家审判机关。",
        "二、部门机构设置和预算单位构成情况", "根据部门职责分工，本部门包括 3 个内设机构、1 个下属差额",
        "拨款事业单位，具体包括：", "（一）机关内设机构", "1、办公室", "2、立案庭", "4", "3、审判管理处",
        "（二）下属差额拨款事业单位", "1、青山省法官培训学院", "机关编制 120名，实际在编在职人员 98 名，离退休人员 40名。",
        "第二部分 2019 年度部门预算表"))
    assert profile.divisions == ["办公室", "立案庭", "审判管理处"]
    assert profile.subordinate_units == ["青山省法官培训学院"]
    s = profile.staffing
    assert (s.authorized, s.active, s.retired, s.retired_veteran) == (120, 98, None, None)


def test_profile_inline_lists_drop_the_department_itself() -> None:
    profile = read_profile(_lines(
        "省人大常委会下设办公厅、研究室和3 个专门委员会，现有38 个处室。",
        "从预算单位构成看，纳入本部门 2019 年度部门汇总预算编制范",
        "围的预算单位共 2 家，具体包括：青山省人大机关（本级）、", "青山省人大培训中心。"))
    assert profile.divisions == ["办公厅", "研究室", "3个专门委员会"]
    assert profile.subordinate_units == ["青山省人大培训中心"]


# --- a narrative printed in 元 -------------------------------------------------------------------

def test_a_narrative_in_yuan_is_restated_in_wan_exactly() -> None:
    from kg.extract.narrative.units import in_wan

    texts = ("机关运行经费财政拨款预算 498,600.00", "元。", "三公经费 63900元，公务接待费 3,900.50 元。",
             "政府采购预算 1592300.00元。")
    got = [line.text for line in in_wan(_lines(*texts))]
    assert got == ["机关运行经费财政拨款预算 49.86万", "元。", "三公经费 6.39万元，公务接待费 0.39005 万元。",
                   "政府采购预算 159.23万元。"]
    figures = read_figures(in_wan(_lines(*texts)), "x.txt")
    assert figures.operating_expenses == Decimal("49.86")


def test_a_narrative_in_wan_with_a_few_yuan_amounts_is_left_as_printed() -> None:
    from kg.extract.narrative.units import in_wan

    texts = ("机关运行经费 49.86万元。", "差旅费标准 500元/人。", "三公经费 6.39万元。")
    assert [line.text for line in in_wan(_lines(*texts))] == list(texts)
