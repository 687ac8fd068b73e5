"""项目支出绩效目标表 and 部门整体绩效目标表 read from the corpus text extractions (real documents)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.narrative.performance import read_performance_tables
from kg.extract.source import Line
from tests.narrative_support import corpus_doc


def _tables(shared_dir, key):
    doc = corpus_doc(str(shared_dir), key)
    return read_performance_tables(doc.lines, doc.name)


def _row(ind):
    return (ind.level1, ind.level2, ind.name, ind.target, ind.weight)


def test_000_project_tables(shared_dir):
    tables = _tables(shared_dir, "000")
    projects = [t for t in tables if t.kind == "project"]
    assert [t.name for t in projects] == [
        "“美丽昌吉”宣传活动", "昌吉州160套环境空气微型站点设备运行维护技术服务项目",
        "昌吉州加密建设空气质量自动监测站点项目（昌吉回族自治州大气污染防治重点区域加密站点建设项目）",
        "机关运行补助经费", "州生态环境局尾款项目", "自治州排放源统计年报审核"]
    assert [t.person for t in projects] == ["白瑜", "周燕", "周燕", "马淑娟", "周燕", "凯楠"]
    assert [t.budget for t in projects] == [Decimal(x) for x in ("20.00", "63.70", "1008.30", "57.00", "144.00", "30.00")]
    assert [len(t.indicators) for t in projects] == [10, 8, 9, 11, 11, 10]
    first = projects[0].indicators
    assert _row(first[1]) == ("产出指标", "数量指标", "征订《中国环境报》及购买业务书籍", "=60本（份）", Decimal(8))
    assert _row(first[5]) == ("产出指标", "时效指标", "开展六五环境日宣传活动", "2025年11月30日前", Decimal(5))
    assert _row(first[6]) == ("成本指标", "经济成本指标", "报纸版面宣传、新媒体宣传、制作宣传品", "<=16.66万元", Decimal(15))
    assert first[6].basis == "计划标准"
    tail = projects[4].indicators  # a row cut by a tall merged label: its tail printed below it
    assert _row(tail[9]) == ("效益指标", "社会效益指标", "防范财政风险，提升政府公信力", "有效防范", Decimal(10))
    assert _row(tail[10]) == ("满意度指标", "满意度指标", "受益企业满意度", ">=90%", Decimal(10))
    office = projects[3].indicators
    assert [i.target for i in office if i.level1 == "成本指标"] == [
        "<=7.26万元", "<=26.30万元", "<=15万元", "<=8.44万元", "<=30万元"]


def test_000_department_table(shared_dir):
    dept = [t for t in _tables(shared_dir, "000") if t.kind == "department"]
    assert len(dept) == 1
    assert dept[0].funding == {"上级安排": Decimal("1008.30"), "本级安排": Decimal("3640.40"), "其他": Decimal("30.00")}
    assert [_row(i) for i in dept[0].indicators] == [
        ("履职效能", "数量指标", "出具排放改造帮扶指导意见表", ">=15份", Decimal(20)),
        ("履职效能", "数量指标", "出具昌吉州管控尺度PM2.5精准溯源项目报告", ">=1份", Decimal(25)),
        ("履职效能", "数量指标", "建设加密空气质量自动监测站点数量", ">=10个", Decimal(35)),
        ("履职效能", "数量指标", "完成第二轮中央生态环境保护督察整改任务数量", ">=6项", Decimal(10))]
    # the phone number printed beside the contact person is not read anywhere
    assert "18999550160" not in repr(dept[0])


def test_004_tables(shared_dir):
    tables = _tables(shared_dir, "004")
    dept = [t for t in tables if t.kind == "department"][0]
    assert dept.indicators[0].name == "5条河流湖（库）国控、区控11个断面水质达标率（%）"
    assert [i.target for i in dept.indicators] == ["=100%", "=100%", ">=75%", "<=0.5%"]
    projects = {t.name: t for t in tables if t.kind == "project"}
    assert len(projects) == 7
    assert (projects["2023年结余资金"].fiscal, projects["2023年结余资金"].other) == (Decimal("0.00"), Decimal("30.00"))
    cool = projects["阿克陶县分局物业费、制冷费项目"].indicators
    assert _row(cool[6]) == ("成本指标", "经济成本指标", "制冷费（元)", "<=65509.84元", Decimal(10))
    assert cool[6].basis == "预算支出标准"
    # rows cut by a page break: the name's tail is printed on the next page
    supervise = [i.name for i in projects["中央生态环境保护督察整改工作专项经费"].indicators]
    assert "中央环保督察信访投诉案件整改完成率（%）" in supervise
    business = [i.name for i in projects["2024年环保业务经费"].indicators]
    assert "开展执法行动监察经费（万元）" in business
    three = projects["“三线一单”生态环境分区管控成果动态更新项目"].indicators
    assert three[9].name == "提高克州“三线一单”广泛应用，推动克州经济高质量发展。"
    assert sum(len(t.indicators) for t in projects.values()) == 90


def test_001_spaced_title_and_other_layouts(shared_dir):
    tables = _tables(shared_dir, "001")
    projects = [t for t in tables if t.kind == "project"]
    assert len(projects) == 10
    assert [len(t.indicators) for t in projects] == [9, 10, 10, 9, 10, 11, 9, 9, 9, 8]
    by_name = {t.name: t for t in projects}
    power = by_name["昌吉州涉气企业重污染天气用电量监控平台及监控实施建设项目"].indicators
    assert _row(power[5]) == ("产出指标", "质量指标", "验收符合标准", "GB/T39786-2021", Decimal(5))
    # a row printed across lines with fragments of every column on each line
    assert _row(power[9]) == ("效益指标", "生态效益指标", "持续提升监管能力", "提升", Decimal(15))
    lab = by_name["开展实验室计量认证体系建设、实验室标准物质、仪器设备检定分等"].indicators
    assert lab[7].target == "=2023年8月30日"
    # the four-column layout without weights (部门预算项目支出绩效目标表)
    obd = by_name["重型柴油车OBD远程在线监控"]
    assert obd.person is None and obd.budget == Decimal("10.5")
    assert [(i.name, i.target, i.weight) for i in obd.indicators[:2]] == [
        ("网络链路费", "3年", None), ("昌吉州重型柴油车安装OBD数量", "<=36套", None)]
    forecast = by_name["昌吉州空气质量预警预报能力建设（一期）项目"].indicators
    assert _row(forecast[-1]) == ("满意度指标", "满意度指标", "服务对象满意度指标", ">=95%", None)


def test_no_table_no_output():
    lines = [Line("项目支出情况说明", 1), Line("项目名称：测试", 2)]
    assert read_performance_tables(lines, "x.txt") == []


@pytest.mark.parametrize("text", ["项目支出绩效目标表", "项 目 支 出 绩 效 目 标 表"])
def test_title_without_body_is_harmless(text):
    tables = read_performance_tables([Line(text, 1), Line("项目名称 某项目 项目负责人 张三", 2)], "x.txt")
    assert len(tables) == 1 and tables[0].name == "某项目" and tables[0].indicators == []


def _lines(text: str) -> list[Line]:
    return [Line(t, i) for i, t in enumerate(text.strip().splitlines(), start=1)]


_HEADER = "一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 分值权重 指标赋分规则 佐证资料"


def test_labels_printed_before_the_last_row_of_their_group():
    """Rows stand before the first label: each label closes its group (pdftotext's order)."""
    text = f"""
项目支出绩效目标表
项目名称 测试项目 项目负责人 张三
年度预算总额 10.00
项目总体目标
完成任务。
{_HEADER}
甲任务 ＞=1 次 计划标准 1 10 按照完成比例赋分 工作资料
数量指标
乙任务 =2个 计划标准 / 10 直接赋分 工作资料
产出指标
时效指标
完成时限 2025 年 12 月 计划标准 / 10 直接赋分 工作资料
成本指标
经济成本指标
费用 ＜=10 万元 计划标准 / 20 直接赋分 原始凭证
"""
    (table,) = read_performance_tables(_lines(text), "t.txt")
    assert (table.name, table.person, table.budget, table.goal) == ("测试项目", "张三", Decimal("10.00"), "完成任务。")
    assert [_row(i) for i in table.indicators] == [
        ("产出指标", "数量指标", "甲任务", ">=1次", Decimal(10)),
        ("产出指标", "数量指标", "乙任务", "=2个", Decimal(10)),
        ("产出指标", "时效指标", "完成时限", "2025年12月", Decimal(10)),
        ("成本指标", "经济成本指标", "费用", "<=10万元", Decimal(20))]


def test_labels_printed_before_the_first_row_of_their_group():
    text = f"""
项目支出绩效目标表
项目名称 测试项目 项目负责人 张三
年度预算总额 10.00
{_HEADER}
产出指标
数量指标
甲任务 ＞=1 次 计划标准 1 10 按照完成比例赋分 工作资料
乙任务 =2个 计划标准 / 10 直接赋分 工作资料
满意度指标
满意度指标
服务对象满意度 ＞=90% 计划标准 / 10 满意度赋分 工作资料
"""
    (table,) = read_performance_tables(_lines(text), "t.txt")
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == [
        ("产出指标", "数量指标", "甲任务"), ("产出指标", "数量指标", "乙任务"),
        ("满意度指标", "满意度指标", "服务对象满意度")]
