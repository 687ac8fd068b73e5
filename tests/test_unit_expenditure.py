"""Tables that were printed but not read (issue 10): the expenditure table by unit (西安 表3
部门综合预算支出总表: 单位编码 | 单位名称 | 合计 | the funds that pay …) as ``unit_expenditure``; the
收支总表's 政府预算支出经济分类 side (501 机关工资福利支出 …) as ``government_economic_subjects``, kept
apart from the departmental 30x rows; the 主管部门 of a project's performance sheet as
``supervising_department``. Each mapped to the graph and reached by questions.

Every figure below is read off the PDF itself (page and line of the text extraction named beside
it), not taken from the system's output. The 西安 2026/2022 documents print 元: their figures are
kept in 元, every digit, in the record, and converted exactly to 万元 in the graph."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from rdflib.namespace import ORG

from kg.extract.deserialize import record_from_json
from kg.extract.serialize import record_json
from kg.rdf import iris
from kg.rdf.mapping import record_to_graph
from kg.vocabulary.namespaces import BKG, QB

pytestmark = pytest.mark.shared

XIAN_2019 = "shaanxi_xian/西安市安全生产监督管理局_2019部门综合预算公开报表.pdf"
XIAN_2022 = "shaanxi_xian/西安市气象局_2022部门综合预算.pdf"
XIAN_2026 = "shaanxi_xian/西安市审计局汇总_2026部门预算.pdf"


def test_expenditure_by_unit_2019(national):
    # p.5 表3 2019年部门综合预算支出总表 (万元), lines 88–91: 总计 | 合计 | 公共预算拨款小计 | … |
    # 上年实户资金余额 | 其他收入 | 上年结转; line 88 "125001 西安市安全生产监督管理局 2,123.93 2,123.93
    # 2,080.32 32.00 11.61", line 90 "125003 西安市安全生产执法监察支队 837.77 837.77 830.27 7.50"
    rec = national[XIAN_2019]
    assert [(u.name, u.own, u.sources["total"]) for u in rec.unit_expenditure] == [
        ("西安市安全生产监督管理局", True, D("2123.93")), ("西安市安全生产宣传教育中心", False, D("463.23")),
        ("西安市安全生产执法监察支队", False, D("837.77")), ("西安市安全生产应急救援中心", False, D("270.98"))]
    own = rec.unit_expenditure[0]
    assert own.sources == {"total": D("2123.93"), "general_public_budget": D("2080.32"),
                           "carryover_nonfiscal": D("32.00"), "carryover_fiscal": D("11.61")}
    assert (own.provenance.page, own.provenance.line, own.provenance.table) == (5, 88, "表3")
    assert rec.unit_expenditure[2].sources == {"total": D("837.77"), "general_public_budget": D("830.27"),
                                               "carryover_nonfiscal": D("7.50")}
    assert rec.unit_expenditure[0].kinds == {}  # the table splits by funds, not by 基本/项目
    # the four units add up to the 合计 row (line 87: 3,695.91)
    assert sum(u.sources["total"] for u in rec.unit_expenditure) == D("3695.91")
    back = record_from_json(record_json(rec))
    assert back.unit_expenditure == rec.unit_expenditure


def test_numbered_tables_by_unit_2022(national):
    # p.19 表2 / p.20 表3 print a 序号 column before 单位编码 | 单位名称 (元): line 281/291 "2 234 西安市气象局
    # 18999011.66 …" is the department's sum printed again, line 282/292 "3 234001 西安市气象局
    # 17159700 …" its 本级, line 283/293 "4 234002 西安市人工影响天气服务保障中心 1839311.66 …"
    rec = national[XIAN_2022]
    for rows, line in ((rec.unit_income, 282), (rec.unit_expenditure, 292)):
        assert [(u.name, u.own, u.sources["total"]) for u in rows] == [
            ("西安市气象局", True, D("17159700")), ("西安市人工影响天气服务保障中心", False, D("1839311.66"))]
        assert rows[0].provenance.line == line
        assert rows[1].sources["general_public_budget"] == D("1839311.66")


def test_department_alone_lists_no_units(national):
    # 西安市审计局 2026 p.24 表3: "117 西安市审计局" and "117001 西安市审计局", one unit: no unit rows;
    # the tables by subject of every other document have none either
    assert national[XIAN_2026].unit_expenditure == []
    assert national["zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"].unit_expenditure == []


def test_government_economic_classes(national):
    # p.22 表1 部门综合预算收支总表 (元), its 政府预算支出经济分类科目（按大类） side: line 261
    # "1、机关工资福利支出 29,812,828.40", 262 "2、机关商品和服务支出 11,545,891.18", 263 "3、机关资本性支出
    # 100,000.00", 269 "9、对个人和家庭的补助 576,004.00"; 支出总计 42,034,723.58 (line 291)
    rec = national[XIAN_2026]
    rows = [(s.code, s.name, s.total, s.provenance.line) for s in rec.government_economic_subjects]
    assert rows == [("501", "机关工资福利支出", D("29812828.40"), 261),
                    ("502", "机关商品和服务支出", D("11545891.18"), 262),
                    ("503", "机关资本性支出", D("100000.00"), 263),
                    ("509", "对个人和家庭的补助", D("576004.00"), 269)]
    assert sum(s.total for s in rec.government_economic_subjects) == rec.totals.expenditure_total
    # kept apart: the departmental rows stay 30x, their 301 the 表6/表8 row (29,812,828.40, p.30 line 440)
    assert all(s.code.startswith("3") for s in rec.economic_subjects)
    assert record_from_json(record_json(rec)).government_economic_subjects == rec.government_economic_subjects


def test_government_economic_classes_of_an_overlapping_header(national):
    # 2019 p.3 表1 (万元): its header's words overlap in print ("政府预算支数 出经济分类科目"), the side is
    # known by its rows: line 30 "1、机关工资福利支出 1,470.72", 31 "2、机关商品和服务支出 1,333.23",
    # 32 "3、机关资本性支出（一） 104.31", 34 "5、对事业单位经常性补助 730.29", 38 "9、对个人和家庭的补助 4.82"
    rec = national[XIAN_2019]
    assert [(s.code, s.total) for s in rec.government_economic_subjects] == [
        ("501", D("1470.72")), ("502", D("1333.23")), ("503", D("104.31")), ("505", D("730.29")), ("509", D("4.82"))]
    # 2022 p.18: the classes printed with 0.00 are kept as printed; 505 对事业单位经常性补助 1839311.66 (line 242)
    codes = {s.code: s.total for s in national[XIAN_2022].government_economic_subjects}
    assert (codes["501"], codes["502"], codes["505"], codes["599"]) == (
        D("3055700.00"), D("14104000.00"), D("1839311.66"), D("0.00"))


def test_supervising_department(national):
    # 福州市商务局 p.38 line 658 "主管部门 福州市商务局 实施单位 福州市商务发展促进中心" (房屋租金);
    # 国家信访局 2026 p.30 line 475 "主管部门及代码 [292]国家信访局 实施单位 国家信访局本级"
    fuzhou = {p.name: p for p in national["fujian_fuzhou/福州市商务局_2026部门预算.pdf"].projects}
    rent = fuzhou["房屋租金"]
    assert (rent.supervising_department, rent.responsible_unit) == ("福州市商务局", "福州市商务发展促进中心")
    central = {p.name: p for p in national["central/国家信访局_2026部门预算.pdf"].projects}
    assert central["信息化运行维护"].supervising_department == "国家信访局"
    # a sheet that prints no 主管部门 leaves it empty
    assert all(p.supervising_department is None
               for p in national["zhejiang_hangzhou/杭州市司法局_2026部门预算.pdf"].projects)


def test_graph(national):
    rec = national[XIAN_2019]
    doc, graph = record_to_graph(rec)
    cells = iris.inside(doc, "dataset", "unit-expenditure")
    assert graph.value(cells, QB.structure) == BKG.unitExpenditureStructure
    team = iris.department("西安市安全生产执法监察支队")
    assert (iris.department("西安市安全生产监督管理局"), ORG.hasSubOrganization, team) in graph
    obs = iris.inside(doc, "obs", "unit-expenditure", iris.department_key("西安市安全生产执法监察支队"),
                      "general_public_budget", "total")
    assert graph.value(obs, BKG.amount).toPython() == D("830.27")
    assert graph.value(obs, BKG.budgetUnit) == team
    assert graph.value(obs, BKG.expenditureKind) == iris.expenditure_kind("total")
    assert graph.value(obs, BKG.incomeSource) == iris.funding_source("general_public_budget")
    assert graph.value(obs, BKG.subject) is None  # never a classification row
    doc26, graph26 = record_to_graph(national[XIAN_2026])
    o501 = iris.inside(doc26, "obs", "government-economic", "501", "total")
    assert graph26.value(o501, BKG.amount).toPython() == D("2981.28284")  # 29,812,828.40 元, exactly
    subj = graph26.value(o501, BKG.subject)
    assert subj == iris.government_economic_subject("501")
    assert (subj, None, BKG.EconomicSubject) not in graph26  # another classification, never added to 30x
    assert graph26.value(o501, QB.dataSet) == iris.inside(doc26, "dataset", "government-economic")


def test_questions_reach_the_units_spending(ask_national):
    # p.5 line 90: 执法监察支队 837.77, line 91: 应急救援中心 270.98 — named without the department's own words
    text = ask_national("西安市安全生产监督管理局2019年执法监察支队和应急救援中心支出各多少？")["text"]
    assert "837.77" in text and "270.98" in text and "按单位列示的支出表" in text
    assert "2123.93" not in text.split("共有")[0]  # only the two units named are listed
    one = ask_national("西安市气象局2022年人工影响天气服务保障中心支出多少？")["text"]
    assert "183.93" in one  # 1,839,311.66 元 (p.20 line 293)


def test_a_figure_the_unit_row_does_not_print(ask_national):
    # 表3 by unit splits by funds only: the unit's 项目支出 is not printed there; the department's (p.3 line 35:
    # 专项业务经费支出 1,620.98) never stands in for it — the unit's own projects (表10: 安全生产考核经费 170.20 +
    # 安全生产执法宣传经费 15.00 = 185.20) do, since the projects add up to the printed 1,620.98, said so
    text = ask_national("西安安全生产宣传教育中心2019年项目支出多少？")["text"]
    assert "宣传教育中心的项目支出185.20万元" in text and "各项目按承担单位相加" in text
    assert "宣传教育中心的项目支出1620.98" not in text


def test_questions_reach_the_government_classification(ask_national):
    # p.22 line 261: 机关工资福利支出 29,812,828.40 元 = 2981.28 万元; 502: 11,545,891.18 元 = 1154.59 万元
    reply = ask_national("西安市审计局2026年机关工资福利支出多少？")
    assert "501" in reply["text"] and "2981.28" in reply["text"]
    listed = ask_national("西安市审计局2026年按政府经济分类各类支出多少？")["text"]
    assert "502 机关商品和服务支出1154.59" in listed and "301" not in listed
    # the departmental classification's own row stays its own (表8 301 工资福利支出)
    assert "301" in ask_national("西安市审计局2026年工资福利支出多少？")["text"]


def test_questions_reach_the_supervising_department(ask_national):
    # 福州市商务局 p.38 line 658: 房屋租金 — 主管部门 福州市商务局, 实施单位 福州市商务发展促进中心
    reply = ask_national("福州市商务局2026年房屋租金项目的主管部门是哪个？")
    assert "主管部门是福州市商务局" in reply["text"] and "福州市商务发展促进中心" in reply["text"]
    # 杭州's 项目支出表 prints no 主管部门: said so, never another field in its place
    none = ask_national("杭州市司法局北郊监狱日常保障运行项目的主管部门是谁？")["text"]
    assert "文件未列明主管部门" in none
