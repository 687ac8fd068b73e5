"""Projects, their 实施单位 and their performance indicators, read from ruled 项目支出绩效目标表
of the national disclosures. Every value below was read off the PDF by hand (page numbers are
the PDF's own pages).

Uses the session's extraction of ../shared/national (``national_extraction`` in conftest.py).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.model import Project
from tests.national_support import the_project

FUZHOU_COMMERCE = "fujian_fuzhou/福州市商务局_2026部门预算.pdf"
FUZHOU_CIVIL = "fujian_fuzhou/福州市民政局本级_2026单位预算.pdf"
YANTAI = "shandong_yantai/烟台市财政局_2026部门预算.pdf"



def _indicators(project: Project) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.target) for i in project.indicators]


def test_fuzhou_commerce_projects_and_units(national):
    """福州市商务局 pp.29–39: eight tables; two carried by 福州市商务发展促进中心 (a wrapped cell)."""
    record = national[FUZHOU_COMMERCE]
    by_name = {p.name: (p.amount, p.responsible_unit) for p in record.projects}
    assert by_name == {
        "办公楼物业": (Decimal("25.89"), "福州市商务局"),
        "办公楼租金": (Decimal("202.17"), "福州市商务局"),
        "菜篮子工程建设专项资金": (Decimal("1800.00"), "福州市商务局"),
        "口岸单位补贴": (Decimal("6200.00"), "福州市商务局"),
        "商务发展资金": (Decimal("11600.00"), "福州市商务局"),
        "商务工作专项经费": (Decimal("290.00"), "福州市商务局"),
        "房屋租金": (Decimal("14.74"), "福州市商务发展促进中心"),
        "物业费": (Decimal("1.89"), "福州市商务发展促进中心"),
    }


def test_fuzhou_commerce_indicators(national):
    """菜篮子工程建设专项资金 (p.32): the unit printed before the sign (``万元 ≤18400``) moves after
    the figure; a unit wrapped around the figure (``平 ≤5137.26 方米``) is joined."""
    record = national[FUZHOU_COMMERCE]
    basket = _indicators(the_project(record, "菜篮子工程建设专项资金"))
    assert basket[:2] == [
        ("成本指标", "经济成本指标", "财政投入控制数", "=1849.5万元"),
        ("产出指标", "数量指标", "冻猪肉储备量", ">=1000吨"),
    ]
    assert ("效益指标", "社会效益指标", "保障城区居民猪肉消费天数", ">=10天") in basket
    development = _indicators(the_project(record, "商务发展资金"))
    assert development[0] == ("成本指标", "经济成本指标", "财政投入控制数", "<=18400万元")
    assert ("产出指标", "时效指标", "补助资金及时发放率", "=100%") in development
    assert _indicators(the_project(record, "办公楼物业"))[1] == ("产出指标", "数量指标", "物业管理面积", "<=5137.26平方米")


def test_fuzhou_civil_affairs_long_titles_and_indicators(national):
    """福州市民政局本级: a title longer than a line (p.35) is still a table; B5-57's project."""
    record = national[FUZHOU_CIVIL]
    long = the_project(record, "困难残疾人生活补贴和重度残疾人护理补贴（省补助市级配套项目）")
    assert long.amount == Decimal("10910.00")
    cataract = the_project(record, "白内障、血友病患者医疗救助费用")
    assert cataract.amount == Decimal("75.00")
    rows = _indicators(cataract)
    assert ("产出指标", "数量指标", "补助个人（家庭）数量", ">=325人、户") in rows
    assert ("效益指标", "社会效益指标", "受益人数", ">=325人、户") in rows
    assert ("满意度指标", "服务对象满意度指标", "受益群体满意度", ">=95%") in rows


def test_yantai_responsible_centres(national):
    """烟台市财政局 pp.32–46: the 实施单位 of each table, four centres beside the 局 itself."""
    record = national[YANTAI]
    carried: dict[str, list[tuple[str, Decimal]]] = {}
    for p in record.projects:
        carried.setdefault(p.responsible_unit, []).append((p.name, p.amount))
    assert sorted(carried["烟台市财政集中支付中心"]) == [("公车统管费用", Decimal("0.50")),
                                                 ("财政工作专项经费", Decimal("49.50"))]
    assert sorted(carried["烟台市财政预算评审中心"]) == [("中介服务费-政府项目审查费", Decimal("800.00")),
                                                 ("财政工作专项经费", Decimal("23.00"))]
    assert carried["烟台市财政预算绩效评价中心"] == [("中介服务费", Decimal("360.00"))]
    assert sorted(carried["烟台市国有资产运营保障中心"]) == [("办公设备购置及质保金尾款", Decimal("28.00")),
                                                  ("网络运行维护费、公务仓维护费", Decimal("482.83"))]
    first = _indicators(the_project(record, "公车统管费用", "0.50"))
    assert first[0] == ("成本指标", "经济成本", "年度车辆统管费用", "<=0.5万元")


XIAN_HEALTH = "shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"
CHANGCHUN = "jilin_changchun/长春市信访局本级_2026部门预算.pdf"
ZHUHAI = "guangdong_zhuhai/珠海市商务局_2026部门预算.pdf"
XIAN_SAFETY = "shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf"


def test_xian_health_self_evaluations(national):
    """西安市卫生健康委员会 决算: the 项目支出绩效自评表 (pp.36–110) — 全年预算数, 全年执行数,
    执行率, 总分 and the 实施单位 of each project."""
    record = national[XIAN_HEALTH]
    figures = {p.name: (p.amount, p.executed, p.execution_rate, p.self_evaluation_score, p.responsible_unit)
               for p in record.projects}
    assert figures["急救车辆更新"] == (Decimal("3195.8"), Decimal("3195.8"), Decimal("100"), Decimal("94.5"),
                                  "西安急救中心")
    assert figures["无偿献血者宣传项目"] == (Decimal("1272.77"), Decimal("1184.56"), Decimal("93.07"),
                                     Decimal("98.44"), "西安市中心血站")
    assert figures["中职免学费补助（市级资金）"] == (Decimal("352.74"), Decimal("352.66"), Decimal("99.98"),
                                         Decimal("90"), "西安市卫生学校")
    assert figures["中职免学费补助（中央资金）"] == (Decimal("235.16"), Decimal("197.09"), Decimal("83.81"),
                                         Decimal("88"), "西安市卫生学校")
    vehicles = _indicators(the_project(record, "急救车辆更新"))
    assert ("产出指标", "数量指标", "更新急救车辆", "100辆") in vehicles


def test_changchun_project_table_by_name(national):
    """长春市信访局 预算表9 (p.14): 一级项目 综合管理 over four 二级项目, each with its 项目单位."""
    record = national[CHANGCHUN]
    assert sorted((p.name, p.amount, p.responsible_unit) for p in record.projects) == [
        ("2026信访专项经费", Decimal("30.00"), "长春市信访局"),
        ("2026信访接待中心运行费", Decimal("116.00"), "长春市信访局"),
        ("2026驻京经费", Decimal("312.00"), "长春市信访局"),
        ("信访局临聘人员经费", Decimal("16.56"), "长春市信访局"),
    ]


def test_changchun_performance_grid_of_every_project(national):
    """长春市信访局 预算表11 (p.16) prints every project's targets in one ruled grid (项目名称 | 年度资金总额 |
    … | 三级指标 | 指标解释 | 指标值 权重): each project gets its own rows, the weight split from the target."""
    record = national[CHANGCHUN]
    special = the_project(record, "2026信访专项经费")
    assert [(i.level1, i.level2, i.name, i.target, i.weight) for i in special.indicators] == [
        ("产出指标", "数量指标", "专家评审", ">=2次", Decimal("40")),
        ("成本指标", "经济成本指标", "信访信息系统运维成本", "<=17万元", Decimal("20")),
        ("效益指标", "社会效益指标", "基层信访工作网络覆盖率", ">=100百分比", Decimal("20")),
        ("满意度指标", "服务对象满意度指标", "上访群众满意度", ">=100百分比", Decimal("10")),
    ]
    beijing_office = the_project(record, "2026驻京经费")
    assert [(i.name, i.target, i.weight) for i in beijing_office.indicators][:2] == [
        ("驻京工作人员人数", "<=18人", Decimal("40")), ("办公用房租赁成本", "<=250万元", Decimal("20"))]
    assert len(record.projects) == 4 and all(len(p.indicators) == 4 for p in record.projects)


def test_zhuhai_projects_under_their_units(national):
    """珠海市商务局 表12 (pp.22–29): the 支出项目类别（资金使用单位） column lists each unit, then
    its projects; a project named like a unit (…-珠海边检总站) stays a project."""
    record = national[ZHUHAI]
    units = {p.name: (p.amount, p.responsible_unit) for p in record.projects}
    assert units["港珠澳大桥珠海公路口岸“一站式”车辆通关系统运维费"] == (Decimal("727.37"), "珠海市商务局")
    assert units["港珠澳大桥珠海公路口岸运营管理费"] == (Decimal("6500.00"), "珠海市商务局")
    assert units["辅助人员补助经费-珠海边检总站"][1] == "珠海市商务局"
    assert units["业务专项经费"] == (Decimal("11.00"), "珠海市贸易服务中心")
    assert units["会展购买服务经费"] == (Decimal("21.73"), "珠海市会议展览局")
    assert "工资和福利支出" not in units  # the 基本支出 table by unit lists no projects


def test_xian_safety_projects_under_coded_units(national):
    """西安市安监局 2019 项目支出表 (pp.25–27): a row with a 单位编码 is a unit over the rows below."""
    record = national[XIAN_SAFETY]
    units = {p.name: (p.amount, p.responsible_unit) for p in record.projects}
    # the 专项资金整体支出绩效目标表's 安全生产专项资金 (1620.98, the table's total) is the 专项 as a whole
    top = max((p for p in record.projects if p.category != "aggregate"), key=lambda p: p.amount or 0)
    assert top.name.startswith("安全生产业务费（含聘请专家费用") and top.amount == Decimal("642.50")
    assert units["安全生产考核表彰专项经费"] == (Decimal("215.80"), "西安市安全生产监督管理局")
    assert units["安全生产考核经费"] == (Decimal("170.20"), "西安市安全生产宣传教育中心")
    assert units["应急救援设备购置"] == (Decimal("43.17"), "西安市安全生产应急救援中心")


XIAN_AUDIT = "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"
XIAN_WEATHER = "shaanxi_xian/西安市气象局_2022部门综合预算.pdf"
GUANGZHOU_STATS = "guangdong_guangzhou/广州市统计局_2026部门预算.pdf"


def test_xian_audit_group_rows_are_not_projects(national):
    """西安市审计局 表10 (p.32, 元): 通用项目 3,650,000 = 大型活动 (= 审计培训) + 购买服务 (= 购买中介机构审计服务);
    专用项目 = 审计业务经费 = the last three. Only the five projects count: their sum is the 合计 8,490,507.50."""
    record = national[XIAN_AUDIT]
    assert sorted((p.name, p.amount) for p in record.projects) == sorted([
        ("审计培训", Decimal("150000.00")), ("购买中介机构审计服务", Decimal("3500000.00")),
        ("审计事务", Decimal("2858680.00")), ("审计专项补助经费", Decimal("1000000.00")),
        ("审计专项补助经费（结转）", Decimal("981827.50"))])


def test_xian_weather_spilled_name_and_group_rows(national):
    """西安市气象局 表10 (p.27, 元): 全额 / 专用项目 / 其他履职尽责专项业务费 (17,159,700 each) are groups;
    row 9's name runs into the code and amount cells ('气' | '象灾害…业务运' | '维 6540000')."""
    record = national[XIAN_WEATHER]
    # the group 其他履职尽责专项业务费 has its own target table (p.31, 其他履职经费): the 专项 as a whole,
    # category aggregate, no seventh project
    amounts = {p.name: p.amount for p in record.projects if p.category != "aggregate"}
    assert amounts["气象灾害、空气质量、气象影视、农业气象等业务运维"] == Decimal("6540000")
    assert len(amounts) == 6 and sum(amounts.values()) == Decimal("17159700")


def test_guangzhou_unit_row_with_bracketed_alias(national):
    """广州市统计局 表12 (p.22): '广州市统计监测中心（广州市统计发展中心）' 7.00 is a unit over 其他运行经费 7.00."""
    record = national[GUANGZHOU_STATS]
    units = {p.name: (p.amount, p.responsible_unit) for p in record.projects}
    assert "广州市统计监测中心（广州市统计发展中心）" not in units
    assert units["其他运行经费"] == (Decimal("7.00"), "广州市统计监测中心（广州市统计发展中心）")
    assert sum(p.amount for p in record.projects) == Decimal("1082.05")


def test_fuzhou_civil_affairs_target_table_printed_twice_is_one_project(national):
    """福州市民政局本级 prints e福州留守困境儿童关爱帮扶专栏's 绩效目标表 on p.28 and again on p.52."""
    record = national[FUZHOU_CIVIL]
    same = [p for p in record.projects if p.name == "e福州留守困境儿童关爱帮扶专栏"]
    assert len(same) == 1 and same[0].amount == Decimal("21.50") and len(same[0].provenance) == 2


PETITIONS_2026 = "central/国家信访局_2026部门预算.pdf"


def test_performance_tables_titled_by_their_project_alone(national):
    """国家信访局 2026 prints each target table under its project's own name (p.32 信访业务培训绩效目标表,
    no 项目 in the title): a table of its own — not rows appended to the table before it (p.31)."""
    record = national[PETITIONS_2026]
    training = the_project(record, "信访业务培训")
    assert training.amount == Decimal("118.01")
    assert len(training.indicators) == 9
    assert _indicators(training)[:2] == [("成本指标", "经济成本指标", "项目成本控制", "<=118.01万元"),
                                         ("产出指标", "数量指标", "信访业务主体培训班次", ">=3次")]
    assert {i.provenance.page for i in training.indicators} == {32}
    general = the_project(record, "信访综合保障经费")
    assert len(general.indicators) == 11 and {i.provenance.page for i in general.indicators} == {31}


def test_xian_audit_special_business_target_tables(national):
    """西安市审计局 表14 部门专项业务经费绩效目标表 (p.36): 审计事务 285.87万元 — 促进财政增收节支 ≥10亿元 (15),
    促进被审计单位建立完善制度措施 ≥18 (15)."""
    record = national[XIAN_AUDIT]
    audit = the_project(record, "审计事务")
    assert ("效益指标", "经济效益指标", "促进财政增收节支", ">=10亿元") in _indicators(audit)
    assert ("效益指标", "社会效益指标", "促进被审计单位建立完善制度措施", ">=18") in _indicators(audit)
    assert [i.weight for i in audit.indicators if i.name == "促进财政增收节支"] == [Decimal("15")]
    assert len(audit.indicators) == 10
