"""Facts the national tables print beside their main figures, and the questions that reach them:

* a 三公 table printing the year before beside this year (重庆 表八 and 烟台 公开表7: ``2025年预算数`` |
  ``2026年预算数``; 深圳 表9: a row per year; 西安 表13: ``上年`` | ``当年`` or ``2018年`` | ``2019年``)
  gives each item's previous figure as a change statement (``stated_in`` ``table``);
* a ruled 部门整体绩效目标表 without 一级/二级 headers (重庆 表十: 指标名称 | 指标性质 | 指标值 | 计量单位 |
  指标权重 | 是否核心) is read row by row;
* a grid's 年度绩效目标 column (长春 预算表11) is each project's description, its named costs the
  project's stated items;
* the 派出机构 the 部门概况 lists (珠海 口岸分局) are the department's subordinate units.

Every figure is read off the printed page (each test's docstring); the real parsers on the real
PDFs, and the question service over the session's national graph.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.shared

CHONGQING = "chongqing/重庆市人民政府办公厅_2026部门预算情况说明.pdf"
CHANGCHUN = "jilin_changchun/长春市信访局本级_2026部门预算.pdf"
ZHUHAI = "guangdong_zhuhai/珠海市商务局_2026部门预算.pdf"


def table_years(record) -> dict[str, tuple]:
    """The change statements a table gives: key -> (baseline, current, direction, amount, year)."""
    return {c["key"]: (c["baseline"], c["current"], c["direction"], c["amount"], c["baseline_year"])
            for c in record.changes if c.get("stated_in") == "table"}


def test_chongqing_three_public_of_the_year_before(national) -> None:
    """重庆 p.20 表八: 2025年预算数 396.97 | 184.49 | 202.48 | (购置费 blank) | 202.48 | 10.00 beside
    2026年预算数 394.49 | 184.49 | 200.00 | (blank) | 200.00 | 10.00. A blank pair gives nothing."""
    record = national[CHONGQING]
    assert table_years(record) == {
        "total": ("396.97", "394.49", "decrease", "2.48", 2025),
        "overseas": ("184.49", "184.49", "flat", "0.00", 2025),
        "vehicles": ("202.48", "200.00", "decrease", "2.48", 2025),
        "vehicle_operation": ("202.48", "200.00", "decrease", "2.48", 2025),
        "reception": ("10.00", "10.00", "flat", "0.00", 2025),
    }
    total = next(c for c in record.changes if c.get("stated_in") == "table" and c["key"] == "total")
    assert (total["subject"], total["baseline_kind"]) == ("“三公”经费", "上年预算")
    assert {k: total["provenance"][k] for k in ("page", "table", "row")} == \
        {"page": 20, "table": "表8", "row": "2025年预算数/合计"}


def test_yantai_blank_previous_cell_gives_no_statement(national) -> None:
    """烟台 公开表7: 2025年预算数 10.40 | (出国 blank) | 5.40 | (blank) | 5.40 | 5.00; 2026年预算数 23.40 |
    13.00 | 5.40 | (blank) | 5.40 | 5.00: 出国 has no printed 2025 figure, so no statement."""
    record = next(r for k, r in national.items() if "烟台市财政局" in k)
    years = table_years(record)
    assert years["total"] == ("10.40", "23.40", "increase", "13.00", 2025)
    assert years["reception"] == ("5.00", "5.00", "flat", "0.00", 2025)
    assert "overseas" not in years and "vehicle_purchase" not in years


def test_shenzhen_row_of_the_year_before(national) -> None:
    """深圳 表9: 深圳市财政局（本级） 2025年 59.66 (总计) … 41.60 (出国) … 9.46 (接待) … 8.60 (公务用车) …
    0.00 (购置) … 8.60 (运行); 2026年 58.46 … 41.60 … 9.46 … 7.40 … 0.00 … 7.40 (each with 政府性基金 and
    国有资本经营 0.00)."""
    record = next(r for k, r in national.items() if "深圳市财政局" in k)
    assert table_years(record) == {
        "total": ("59.66", "58.46", "decrease", "1.20", 2025),
        "overseas": ("41.60", "41.60", "flat", "0.00", 2025),
        "reception": ("9.46", "9.46", "flat", "0.00", 2025),
        "vehicles": ("8.60", "7.40", "decrease", "1.20", 2025),
        "vehicle_purchase": ("0.00", "0.00", "flat", "0.00", 2025),
        "vehicle_operation": ("8.60", "7.40", "decrease", "1.20", 2025),
    }


def test_xian_last_year_group_beside_meetings_and_training(national) -> None:
    """西安市审计局 表13 (元): 上年 合计 526,000.00 | 三公 小计 120,000.00 | 接待 20,000.00 | 公务用车 小计
    100,000.00 | 运行 100,000.00; 当年 386,000.00 | 102,000.00 | 20,000.00 | 82,000.00 | 82,000.00. The 三公
    total is the 小计 (the 合计 adds 会议费 and 培训费)."""
    record = next(r for k, r in national.items() if "西安市审计局" in k)
    years = table_years(record)
    assert years["total"] == ("120000.00", "102000.00", "decrease", "18000.00", 2025)
    assert years["reception"] == ("20000.00", "20000.00", "flat", "0.00", 2025)
    assert years["vehicle_operation"] == ("100000.00", "82000.00", "decrease", "18000.00", 2025)


def test_xian_earlier_year_column_kept_as_printed(national) -> None:
    """西安市安全生产监督管理局 2019 表13 (万元): 2018年 小计 2.86 (its parts print 2.86 + 21.22: the
    document's own figure, kept), 2019年 28.38; 接待 2.86 → 4.38."""
    record = next(r for k, r in national.items() if "西安市安全生产监督管理局" in k)
    years = table_years(record)
    assert years["total"] == ("2.86", "28.38", "increase", "25.52", 2018)
    assert years["reception"] == ("2.86", "4.38", "increase", "1.52", 2018)


def test_chongqing_department_targets_by_row(national) -> None:
    """重庆 p.22 表十 2026年部门整体绩效目标表: 10 rows, e.g. 市政府门户网站优化整改次数 ≥ 4 次 10 是 …
    市政府网络可用率 ≥ 99.5 % 5 否; six 是, four 否."""
    indicators = national[CHONGQING].department_indicators
    assert len(indicators) == 10
    first, last = indicators[0], indicators[-1]
    assert (first.name, first.target, first.weight, first.nature, first.core) == \
        ("市政府门户网站优化整改次数", ">=4次", 10, "≥", True)
    assert (last.name, last.target, last.weight, last.nature, last.core) == \
        ("市政府网络可用率", ">=99.5%", 5, "≥", False)
    assert [i.core for i in indicators].count(True) == 6
    assert indicators[3].target == "=100%" and indicators[3].nature == "＝"
    assert (first.provenance.page, first.provenance.row) == (22, "部门整体绩效目标表")


def test_changsha_and_quanzhou_department_targets(national) -> None:
    """长沙 pp.30–32 2026年部门整体支出绩效目标表 (ruled, its title on each page): 成本指标 | 经济成本指标 | 基本支出不超预算（不含年中调整数）|
    ≤ | 1517.95 | 万元 (指标值类型 | 指标值 | 计量单位) …; 泉州 p.52 部门整体支出绩效目标表: 9 rows, 一般性支出情况 |
    一般性支出情况 | “三公”经费控制率 | ≤100% … 满意度指标 | 服务对象满意度指标 | … | ≥94%."""
    changsha = next(r for k, r in national.items() if "长沙市信访局" in k).department_indicators
    first = changsha[0]
    assert (first.level1, first.level2, first.name, first.target, first.nature) == \
        ("成本指标", "经济成本指标", "基本支出不超预算（不含年中调整数）", "<=1517.95万元", "≤")
    assert changsha[4].target == ">=10000件"
    # the title printed again on pp.31–32: the same table's rows, 25 in all
    assert len(changsha) == 25
    assert (changsha[-1].level1, changsha[-1].name, changsha[-1].target) == \
        ("满意度指标", "信访事项处理群众参评满意率", ">=90%")
    quanzhou = next(r for k, r in national.items() if "泉州市公安局" in k).department_indicators
    assert len(quanzhou) == 9
    assert (quanzhou[0].level1, quanzhou[0].name, quanzhou[0].target) == ("一般性支出情况", "“三公”经费控制率", "<=100%")
    assert (quanzhou[-1].level1, quanzhou[-1].target) == ("满意度指标", ">=94%")
    beijing = next(r for k, r in national.items() if "附件2报表" in k).department_indicators
    # 预算13表 (pp.44–47, each 绩效指标 cell printing its levels and name as one text) is read; 预算14表's
    # 专项转移支付 rows (p.48) are no department targets
    assert len(beijing) == 69 and {i.provenance.page for i in beijing} == {44, 45, 46, 47}


def test_changchun_grid_objective_whole(national) -> None:
    """长春 p.16 预算表11: 2026年驻京经费 312.00, 年度绩效目标 ``1、支付2026年驻京房租费 249.8万元。 2、报销
    驻京人员差旅费26万元。3、在京租赁车辆29万元。 4、购买办公用品4万元。5、会事期间在京开会2次。6、降低我市
    进京上访量，维护我市良好形象。`` — the objective whole, the amount the table's."""
    record = national[CHANGCHUN]
    project = next(p for p in record.projects if p.name == "2026驻京经费")
    assert project.amount == 312
    assert project.description == ("1、支付2026年驻京房租费249.8万元。2、报销驻京人员差旅费26万元。3、在京租赁车辆29万元。"
                                   "4、购买办公用品4万元。5、会事期间在京开会2次。6、降低我市进京上访量，维护我市良好形象。")
    items = {f.label: f.value for f in record.narrative if f.topic == "subitem" and f.parent == "2026年驻京经费"}
    assert items == {"驻京房租费": Decimal("249.8"), "驻京人员差旅费": 26, "在京租赁车辆": 29, "办公用品": 4}
    # the objective names some costs, not the project's parts: no sum of them is checked
    assert not [c for c in record.checks if "项目总体目标" in c.where]


def test_zhuhai_dispatched_offices(national) -> None:
    """珠海 p.3 二、部门机构设置: ``拱北口岸分局、九洲港口岸分局、高栏港口岸分局、湾仔口岸分局、香洲口岸分局、
    港珠澳大桥珠海公路口岸分局、青茂口岸分局，为珠海市商务局派出机构。``"""
    units = national[ZHUHAI].profile.subordinate_units
    assert units[-7:] == ["拱北口岸分局", "九洲港口岸分局", "高栏港口岸分局", "湾仔口岸分局", "香洲口岸分局",
                          "港珠澳大桥珠海公路口岸分局", "青茂口岸分局"]
    assert units[:2] == ["珠海市贸易服务中心", "珠海市会议展览局"]


def derived(reply: dict) -> dict[str, str]:
    return {d["label"]: d["value"] for d in reply["derived"]}


def test_question_last_years_item_from_the_table(ask_national) -> None:
    reply = ask_national("重庆市政府办公厅25年因公出国费多少？比上年少多少")
    assert derived(reply) == {"2025年因公出国（境）费（推算）": "184.49"}
    assert "与上年持平" in reply["text"]


def test_question_core_department_targets(ask_national) -> None:
    reply = ask_national("重庆市政府办公厅26年部门整体绩效目标里，哪些是核心指标？目标值和权重各是多少？")
    core = {a["label"]: a["core"] for a in reply["answers"] if "core" in a}
    assert len(core) == 6 and set(core.values()) == {"是"}
    assert {a["label"]: a["value"] for a in reply["answers"] if "value" in a} == {"核心指标个数": "6"}
    assert "市政府门户网站优化整改次数" in core and "市政府网络可用率" not in core
    assert reply["text"].count("核心指标）") == 6


def test_question_dispatched_offices(ask_national) -> None:
    reply = ask_national("珠海商务局有哪些派出机构？")
    assert "港珠澳大桥珠海公路口岸分局" in reply["text"]


def test_question_an_item_inside_a_grid_project(ask_national) -> None:
    reply = ask_national("长春信访局驻京经费今年多少？里面房租占多少钱？")
    assert derived(reply) == {"驻京房租费占2026驻京经费比例": "80.06"}
    assert "驻京房租费249.80万元" in reply["text"]
