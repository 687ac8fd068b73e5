"""Performance-target tables filled for a 专项 as a whole (西安's template): ``专项（项目）名称`` over the
project's money, indicators under 一级指标 | 二级指标 | 指标内容 | 指标值 with each name numbered
``指标 1：``, and the department's own 部门整体支出绩效目标表 in the same columns. Every value below was
read off the PDF by hand (page numbers are the PDF's own pages).

Uses the session's extraction of ../shared/national (``national`` in conftest.py) and its graph.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.serialize import indicator_json
from kg.extract.targets import parse_target
from tests.national_support import the_project

pytestmark = pytest.mark.shared

WEATHER = "shaanxi_xian/西安市气象局_2022部门综合预算.pdf"
SAFETY = "shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf"
HEALTH = "shaanxi_xian/西安市卫生健康委员会汇总_2022部门决算.pdf"



def _rows(indicators) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.target) for i in indicators]


def test_weather_special_fund_table_is_a_project(national):
    """西安市气象局 2022 p.31 表14 2022年部门预算专项业务经费绩效目标表: 专项（项目）名称 其他履职经费,
    主管部门 西安市气象局, 实施期资金总额 1715.97 (万元; the record is in 元), 其中：财政拨款 1715.97;
    32 indicators (two names wrapped onto a row of their own: ``…治污减霾工`` / ``作``)."""
    record = national[WEATHER]
    project = the_project(record, "其他履职经费")
    assert record.unit == "元"
    assert project.amount == Decimal("17159700.00")  # 1715.97 万元, exactly
    assert project.funds is not None and project.funds.fiscal == Decimal("17159700.00")
    assert project.supervising_department == "西安市气象局"
    where = project.provenance[0]
    assert (where.file, where.page, where.table, where.row) == (
        "西安市气象局_2022部门综合预算.pdf", 31, "绩效目标表", "其他履职经费")
    rows = _rows(project.indicators)
    assert len(rows) == 32
    # the numbering (``指标 2：``) is no part of a name; the target stays as printed
    assert rows[1] == ("产出指标", "数量指标", "作业次数", "飞机增雨10次/年；火箭增雨12次/年")
    assert ("产出指标", "成本指标", "增雨作业飞机租赁", "140万元/年") in rows
    assert ("产出指标", "成本指标", "增雨作业火箭弹及碘化银烟条", "200万元/年") in rows
    # the words naming the measure stay before the sign (not read as a unit printed first)
    assert ("满意度指标", "服务对象满意度指标", "公共气象服务满意度", "满意度>=92%") in rows
    # a name wrapped onto a row of its own is one indicator; 效益指标, printed mid-span, reaches the
    # rows above it whose 二级 is a 效益 kind
    assert ("效益指标", "经济效益指标", "做好抗旱减灾、森林防火及治污减霾工作", "减少公共财政支出") in rows
    assert ("效益指标", "经济效益指标", "最大限度地减轻气象灾害造成的损失", "保护人民群众生命财产安全") in rows
    first = project.indicators[0].provenance
    assert (first.page, first.line, first.table, first.row) == (31, 504, "绩效目标表", "其他履职经费")


def test_weather_department_table(national):
    """p.32 表15 2022年部门整体支出绩效目标表, the same columns: 32 rows (one name wrapped onto the next
    row: ``指标 3：完成李家河水库人工增雨作业能`` / ``期国家突发事件预警发布平台建设``, both 460 万元/年)."""
    rows = _rows(national[WEATHER].department_indicators)
    assert len(rows) == 32
    assert rows[0] == ("产出指标", None, "区域自动气象站运行正常", "每月站点正常运行率>=95%")
    assert ("产出指标", "成本指标", "人影常态化作业火箭弹及碘化银", "575万元/年") in rows
    assert ("满意度指标", "服务对象满意度指标", "决策气象服务满意度", "满意度>=95%") in rows


def test_safety_special_fund_under_a_text_header(national):
    """西安市安全生产监督管理局 2019 p.39 表16 2019年专项资金整体支出绩效目标表: the name and 主管部门 cells
    are filled the other way round (``专项（项目）名称 西安市安全生产监督管理局`` / ``主管部门 安全生产专项资金``);
    资金金额 1620.98 万元; its indicator header (p.40 ``一级指标 二级指标 指标内容 指标值``) is a text line
    over ruled rows of three cells. 100 rows, pp.40–45. The 部门整体支出绩效目标表 (pp.33–38): 107 rows."""
    record = national[SAFETY]
    project = the_project(record, "安全生产专项资金")
    assert project.amount == Decimal("1620.98")
    assert project.supervising_department == "西安市安全生产监督管理局"
    rows = _rows(project.indicators)
    assert len(rows) == 100
    assert rows[0] == (None, "数量指标", "开展安全生产日常监督检查", ">=80%")
    assert (None, "数量指标", "管理人员考核特种作业人员考核", "9000人") in rows
    assert project.indicators[0].provenance.page == 40 and project.indicators[-1].provenance.page == 45
    department = _rows(record.department_indicators)
    assert len(department) == 107
    assert department[0] == (None, "数量指标", "保障完成情况", "100%")


def test_numbered_names_of_self_evaluations(national):
    """西安市卫生健康委员会 2022 决算 p.55 病媒生物防制项目绩效自评表: ``指标1：消杀覆盖区县（开发区）数量``
    is the indicator 消杀覆盖区县（开发区）数量 (16个, 实际 16个)."""
    project = the_project(national[HEALTH], "2022年病媒生物防制")
    first = project.indicators[0]
    assert (first.name, first.target, first.actual) == ("消杀覆盖区县（开发区）数量", "16个", "16个")


@pytest.mark.parametrize("target, expected", [
    ("满意度>=92%", (">=", Decimal("92"), "%")),
    ("140万元/年", (None, Decimal("140"), "万元/年")),
    (">3万条/年", (">", Decimal("3"), "万条/年")),
    ("一般天气过程提前量>=72小时", (">=", Decimal("72"), "小时")),
    (">=160个", (">=", Decimal("160"), "个")),
    ("飞机增雨10次/年；火箭增雨12次/年", (None, None, None)),  # two figures: the text is the answer
    ("全年366天实时监测", (None, None, None)),
    ("12月31日前", (None, None, None)),
])
def test_target_figures(target, expected):
    assert parse_target(target) == expected


def test_target_figure_in_the_record(national):
    """The record states the figure beside the printed target (records.md: extra keys)."""
    project = the_project(national[WEATHER], "其他履职经费")
    satisfaction = next(i for i in project.indicators if i.name == "公共气象服务满意度")
    out = indicator_json(satisfaction)
    assert (out["target"], out["comparison"], out["value"], out["unit"]) == ("满意度>=92%", ">=", "92", "%")
    assert "value" not in indicator_json(project.indicators[1])  # 飞机增雨10次/年；火箭增雨12次/年


def test_special_fund_indicators_answered(ask_national):
    """A count asked of a 专项's targets finds the target counted per year (次/年); the money asked of
    飞机租赁 is its 成本指标."""
    reply = ask_national("西安气象局其他履职经费的绩效指标里，人工增雨作业多少次？飞机租赁多少钱？")
    targets = {a["label"]: a.get("target") for a in reply["answers"]}
    assert targets["作业次数"] == "飞机增雨10次/年；火箭增雨12次/年"
    assert targets["增雨作业飞机租赁"] == "140万元/年"
    assert "10次/年" in reply["text"] and "12次/年" in reply["text"] and "140万元/年" in reply["text"]
    reply = ask_national("西安市气象局其他履职经费有哪些成本指标")
    targets = {a["label"]: a.get("target") for a in reply["answers"]}
    assert targets == {"增雨作业飞机租赁": "140万元/年", "增雨作业火箭弹及碘化银烟条": "200万元/年",
                       "防雷安全监管": "30万元/年"}


BEIJING = "beijing/北京市财政局_2026部门预算_附件2报表.pdf"
AUDIT = "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"


def test_department_table_with_levels_in_the_name(national):
    """北京市财政局 预算13表 部门整体支出绩效目标表 pp.44–47: 活动 | 绩效指标 | 指标性质 | 指标值 | 度量单位,
    each 绩效指标 cell printing 一级, 二级 and 三级 as one text (``产出指标数量指标财政评审项目数量``); 69 rows."""
    indicators = national[BEIJING].department_indicators
    assert len(indicators) == 69
    first = indicators[0]
    assert (first.level1, first.level2, first.name, first.target, first.nature) == (
        "产出指标", "数量指标", "财政评审项目数量", ">=420个", "≥")
    assert (first.provenance.page, first.provenance.line) == (44, 1037)
    assert ("效益指标", "社会效益指标", "提高财政资金使用效益，节约财政资金、规范项目预算申报、推动支出标准建设", "优") in \
        _rows(indicators)
    last = indicators[-1]
    assert (last.level1, last.level2, last.target, last.provenance.page) == ("产出指标", "时效指标", "<=20日", 47)


def test_department_table_read_from_its_cells(national):
    """西安市审计局 2026 p.42 表15 部门整体支出绩效目标表: the text reading glued rows whose 一级/二级 cells
    were printed apart (``市内外勤经费标准（元/人/天）353区县外勤…``); the cells hold 22 rows, pp.42–43."""
    indicators = national[AUDIT].department_indicators
    assert len(indicators) == 22
    rows = [(i.name, i.target, i.weight) for i in indicators]
    assert rows[0] == ("市内外勤经费标准（元/人/天）", "35", 3)
    assert rows[1] == ("区县外勤经费标准（元/人/天）", "130", 3)
    assert ("审计培训人次", ">=250", 4) in rows
    assert ("政府及被审计单位满意度", ">=95%", 6) in rows


def test_aggregate_special_fund_is_no_further_project(national):
    """The 专项 as a whole (其他履职经费 1715.97 万元 = the six projects of the 专项业务经费支出表, p.27;
    安全生产专项资金 1620.98 = 表10's total) is category aggregate; the projects of the tables are not."""
    weather = national[WEATHER]
    assert the_project(weather, "其他履职经费").category == "aggregate"
    parts = [p for p in weather.projects if p.category != "aggregate"]
    assert sum(p.amount for p in parts) == Decimal("17159700.00") and len(parts) == 6
    assert the_project(national[SAFETY], "安全生产专项资金").category == "aggregate"


def test_aggregate_special_fund_not_ranked(ask_national):
    reply = ask_national("西安气象局2022年专项业务经费里，金额最大的两个项目是什么？")
    assert [a["label"] for a in reply["answers"]][:2] == ["气象灾害、空气质量、气象影视、农业气象等业务运维",
                                                          "西安市人工影响天气常年作业项目维持业务费"]
