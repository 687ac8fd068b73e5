"""The row reader and the column placement on small hand-made table bodies (no shared files)."""
from __future__ import annotations

from decimal import Decimal as D

from kg.extract.source import Line
from kg.extract.tables.classification import FUNCTIONAL
from kg.extract.tables.columns import resolve
from kg.extract.tables.economic import ECONOMIC
from kg.extract.tables.rows import is_figure, read_rows


def lines(*texts: str) -> list[Line]:
    return [Line(text=t, lineno=i + 1, page=1) for i, t in enumerate(texts)]


def test_codes_split_over_lines_are_joined() -> None:
    rows = read_rows(lines("类 款 项", "208 05", "0", "5", "机关事业单位", "基本养老保险", "缴费支出", "7.37 7.37",
                           "21", "1", "03 99", "其他污", "染防治", "支出", "环境监控运转经费", "40.00 40.00",
                           "224灾害防治及应急管理支出 1.00 1.00"))
    assert [(r.code, r.name, r.figures) for r in rows] == [
        ("2080505", "机关事业单位基本养老保险缴费支出", [D("7.37"), D("7.37")]),
        ("2110399", "其他污染防治支出环境监控运转经费", [D("40.00"), D("40.00")]),
        ("224", "灾害防治及应急管理支出", [D("1.00"), D("1.00")]),
    ]


def test_figures_cut_over_lines_and_odd_decimals() -> None:
    rows = read_rows(lines("211 03", "0", "1", "大气", "718.00", "718.0", "0",
                           "合 计 1172.66 405.68", "734.", "86", "32.12",
                           "210 卫生健康支出 3.940 3.940", "211 11 01 生态环境监测与信息 331.38 299.26 32.120000",
                           "211 节能环保支出 1,151.88 1,151.88"))
    assert rows[0].code == "2110301" and rows[0].figures == [D("718.00"), D("718.00")]
    assert rows[1].is_total and rows[1].figures == [D("1172.66"), D("405.68"), D("734.86"), D("32.12")]
    assert rows[2].figures == [D("3.94"), D("3.94")]
    assert rows[3].figures == [D("331.38"), D("299.26"), D("32.12")]
    assert rows[4].figures == [D("1151.88"), D("1151.88")]


def test_repeated_header_page_number_and_note() -> None:
    rows = read_rows(lines("科目 一般公共预算基本支出", "经济分类", "科目编码 经济分类科目名称 合 计 人员经费 公用经费",
                           "类 款", "303 对个人和家庭的补助 163.26 163.26", "303 02 退休费 97.21 97.21", "11",
                           "科目 一般公共预算基本支出", "经济分类", "科目编码 经济分类科目名称 合 计 人员经费 公用经费",
                           "类 款", "303 05 生活补助 0.58 0.58", "编制部门：某局 单位：万元", "※ ※ ※ 1 2 3",
                           "303 09 奖励金 0.02 0.02", "合 计 163.26 163.26", "备注：本表为空表。", "301 不读 1.00"))
    assert [(r.code, r.name) for r in rows] == [("303", "对个人和家庭的补助"), ("30302", "退休费"),
                                                ("30305", "生活补助"), ("30309", "奖励金"), (None, "合计")]
    assert rows[1].figures == [D("97.21"), D("97.21")]


def test_project_codes_are_not_figures() -> None:
    assert not is_figure("04103500") and not is_figure("12100039")
    assert is_figure("1,008.30") and is_figure("718") and is_figure("3.940")
    rows = read_rows(lines("总计 2,934.03 2,904.03 2,904.03 30.00 30.00", "特定目标 04103500 2.00 2.00 2.00",
                           "机关运行补助经费 30.00 30.00 30.00"), coded=False)
    assert [(r.name, len(r.figures)) for r in rows] == [("总计", 5), ("特定目标04103500", 3), ("机关运行补助经费", 3)]


def test_columns_are_placed_by_parent_sums_not_by_counting() -> None:
    rows = read_rows(lines("总计 4,678.70 421.68 4,257.03", "201 一般公共服务支出 20.00 20.00",
                           "208 社会保障和就业支出 62.60 62.60", "211 节能环保支出 4,542.38 305.36 4,237.03",
                           "211 01 环境保护管理事务 552.57 305.36 247.21", "211 01 01 行政运行 305.36 305.36",
                           "211 01 02 一般行政管理事务 117.00 117.00", "211 01 99 其他 130.21 130.21",
                           "211 03 污染防治 3,989.82 3,989.82", "221 住房保障支出 53.72 53.72"))
    resolve(rows, FUNCTIONAL)
    got = {r.label: (r.get("total"), r.get("basic"), r.get("project")) for r in rows}
    assert got["201"] == (D("20.00"), None, D("20.00"))
    assert got["208"] == (D("62.60"), D("62.60"), None)
    assert got["221"] == (D("53.72"), D("53.72"), None)
    assert got["2110101"] == (D("305.36"), D("305.36"), None)
    assert got["2110102"] == (D("117.00"), None, D("117.00"))
    assert got["21103"] == (D("3989.82"), None, D("3989.82"))


def test_a_printed_error_keeps_the_printed_figures() -> None:
    rows = read_rows(lines("301 工资福利支出 10.11 310.11", "301 01 基本工资 310.11 310.11",
                           "302 商品和服务支出 9.93 9.93", "302 01 办公费 9.93 9.93", "合 计 320.04 310.11 9.93"))
    resolve(rows, ECONOMIC)
    assert (rows[0].get("total"), rows[0].get("personnel"), rows[0].get("public")) == (D("10.11"), D("310.11"), None)
    assert (rows[2].get("total"), rows[2].get("personnel"), rows[2].get("public")) == (D("9.93"), None, D("9.93"))


def test_cells_keep_their_columns() -> None:
    row_lines = [Line(text="2010107 人大代表履职能力提升 403.75 403.75", lineno=1, page=1,
                      cells=("2010107", "人大代表履职能力提升", "403.75", None, "403.75"), table=1)]
    rows = read_rows(row_lines)
    assert rows[0].positional and rows[0].code == "2010107"
    assert rows[0].figures == [D("403.75"), None, D("403.75")]
    resolve(rows, FUNCTIONAL)
    assert (rows[0].get("total"), rows[0].get("basic"), rows[0].get("project")) == (D("403.75"), None, D("403.75"))


def test_codes_printed_as_one_group_and_glued_text() -> None:
    rows = read_rows(lines("合计 1,234.56 400.00 834.56", "201 一般公共服务支出 1,234.56 400.00 834.56",
                           "20101 人大事务 1,234.56 400.00 834.56", "2010101 行政运行 400.00 400.00",
                           "2010107人大代表履职能力提升403.75 403.75", "2010108 代表工作 430.81 430.81"))
    assert [(r.code, r.name, r.figures) for r in rows[1:]] == [
        ("201", "一般公共服务支出", [D("1234.56"), D("400.00"), D("834.56")]),
        ("20101", "人大事务", [D("1234.56"), D("400.00"), D("834.56")]),
        ("2010101", "行政运行", [D("400.00"), D("400.00")]),
        ("2010107", "人大代表履职能力提升", [D("403.75"), D("403.75")]),
        ("2010108", "代表工作", [D("430.81"), D("430.81")]),
    ]
    resolve(rows, FUNCTIONAL)
    assert rows[3].get("basic") == D("400.00") and rows[3].get("project") is None
    assert rows[4].get("project") == D("403.75") and rows[5].get("project") == D("430.81")


def test_a_total_row_missing_a_figure_is_placed_by_its_classes() -> None:
    # 合计 prints 100.00 and 40.00 only (its 基本支出 cell lost): which column 40.00 is, the rows below say
    rows = read_rows(lines("合 计 100.00 40.00", "201 一般公共服务支出 60.00 60.00", "211 节能环保支出 40.00 40.00",
                           "211 01 环境保护管理事务 40.00 40.00", "211 01 02 一般行政管理事务 40.00 40.00"))
    resolve(rows, FUNCTIONAL)
    root = rows[0]
    assert (root.get("total"), root.get("basic"), root.get("project")) in (
        (D("100.00"), D("40.00"), None), (D("100.00"), None, D("40.00")))
    col = "basic" if root.get("basic") is not None else "project"
    assert rows[2].get(col) == D("40.00") and rows[4].get(col) == D("40.00")
    assert rows[1].get(col) is None


def test_a_table_continued_under_its_title_again_is_one_table() -> None:
    from kg.extract.model import Record
    from kg.extract.sections import split
    from kg.extract.source import SourceDocument

    texts = ["表 3", "部门支出总体情况表", "编制部门：某局 单位：万元", "科目 合计 基本支出 项目支出",
             "合计 30.00 10.00 20.00", "201 一般公共服务支出 10.00 10.00", "部门支出总体情况表（续）",
             "编制部门：某局 单位：万元", "211 节能环保支出 20.00 20.00", "第三部分 情况说明",
             "一、关于收支预算总体情况：收支总预算 30.00万元。"]
    doc = SourceDocument(path="x", name="x", format="text",
                         lines=[Line(text=t, lineno=i + 1, page=1) for i, t in enumerate(texts)])
    parts = split(doc, Record(source="x"))
    assert [(t.label, t.kind) for t in parts.tables] == [("表3", "expenditure")]
    rows = read_rows(parts.tables[0].lines)
    assert [r.label for r in rows] == ["合计", "201", "211"]


# --- the same table in 元: the column resolution's tolerances follow the table's unit ------------------

def test_a_table_in_yuan_is_placed_as_the_same_table_in_wan() -> None:
    """The rows of ``test_columns_are_placed_by_parent_sums_not_by_counting`` ×10000 in a 元 table,
    with the printed 0.01 万元 gap of 221 as a 100 元 gap: the same columns."""
    texts = ("总计 46,787,000.00 4,216,800.00 42,570,300.00", "201 一般公共服务支出 200,000.00 200,000.00",
             "208 社会保障和就业支出 626,000.00 626,000.00", "211 节能环保支出 45,423,800.00 3,053,600.00 42,370,300.00",
             "211 01 环境保护管理事务 5,525,700.00 3,053,600.00 2,472,100.00", "211 01 01 行政运行 3,053,600.00 3,053,600.00",
             "211 01 02 一般行政管理事务 1,170,000.00 1,170,000.00", "211 01 99 其他 1,302,100.00 1,302,100.00",
             "211 03 污染防治 39,898,200.00 39,898,200.00", "221 住房保障支出 537,200.00 537,200.00")
    rows = read_rows(lines(*texts))
    resolve(rows, FUNCTIONAL, unit="元")
    got = {r.label: (r.get("total"), r.get("basic"), r.get("project")) for r in rows}
    assert got["201"] == (D("200000.00"), None, D("200000.00"))
    assert got["208"] == (D("626000.00"), D("626000.00"), None)
    assert got["2110102"] == (D("1170000.00"), None, D("1170000.00"))
    assert got["21103"] == (D("39898200.00"), None, D("39898200.00"))


# --- a misprinted code (福利院 ``7 11 02``) placed by its 款 digits and its parent's sum ------------------

def _cells(cells: tuple, lineno: int) -> Line:
    return Line(text=" ".join(c for c in cells if c), lineno=lineno, page=9, cells=cells, table=1)


def test_a_misprinted_code_is_placed_and_reported() -> None:
    from kg.extract.tables.code_repair import place_misprinted_codes

    body = [_cells(("210", None, None, "卫生健康支出", "503,724", "503,724", None), 1),
            _cells(("210", "11", None, "行政事业单位医疗", "503,724", "503,724", None), 2),
            _cells(("7", "11", "02", "事业单位医疗", "503,724", "503,724", None), 3)]
    rows = read_rows(body)
    assert rows[2].code is None and rows[2].extra["code_groups"] == ["7", "11", "02"]
    assert rows[2].name == "事业单位医疗"
    findings = place_misprinted_codes(rows, "表3", "福利院.pdf")
    resolve(rows, FUNCTIONAL)
    assert rows[2].code == "2101102" and rows[2].get("total") == D("503724")
    assert [(f.rule, f.expected, f.printed, f.ok, f.provenance.line) for f in findings] == [
        ("code_misprint", D("503724"), D("0"), False, 3)]
    assert "“7 11 02”" in findings[0].where


def test_a_misprinted_code_that_does_not_add_up_stays_unplaced() -> None:
    from kg.extract.tables.code_repair import place_misprinted_codes

    body = [_cells(("210", "11", None, "行政事业单位医疗", "503,724", "503,724", None), 1),
            _cells(("210", "11", "01", "行政单位医疗", "3,724", "3,724", None), 2),
            _cells(("7", "11", "02", "事业单位医疗", "400,000", "400,000", None), 3)]
    rows = read_rows(body)
    assert place_misprinted_codes(rows, "表3", "x.pdf") == [] and rows[2].code is None


# --- page furniture -------------------------------------------------------------------------------

def test_page_numbers_and_running_headers_are_dropped_but_not_bare_figures() -> None:
    from kg.extract.page_furniture import drop_page_furniture

    header = "青山市水务局2025年部门预算"
    texts = [header, "301 工资福利支出", "- 9 -", header, "365.48 365.48", "第 10 页", header, "302 办公费",
             "7", "第 3 页 共 20 页"]
    kept = [line.text for line in drop_page_furniture(lines(*texts))]
    assert kept == [header, "301 工资福利支出", "365.48 365.48", "302 办公费", "7"]
    # printed twice only (a cover and a title page): both stay
    assert [line.text for line in drop_page_furniture(lines(header, "x", header))] == [header, "x", header]


def test_a_misprinted_code_in_a_text_extraction_is_a_row_of_its_own() -> None:
    """Text: ``7 11 02 事业单位医疗`` starts a row (not the previous row's continuation)."""
    from kg.extract.tables.code_repair import place_misprinted_codes

    rows = read_rows(lines("210 卫生健康支出 503,724 503,724", "210 11 行政事业单位医疗 503,724 503,724",
                           "7 11 02 事业单位医疗 503,724 503,724", "221 住房保障支出 335,816 335,816"))
    assert [(r.code, r.name) for r in rows] == [("210", "卫生健康支出"), ("21011", "行政事业单位医疗"),
                                                (None, "事业单位医疗"), ("221", "住房保障支出")]
    assert [f.rule for f in place_misprinted_codes(rows, "表3", "x.txt")] == ["code_misprint"]
    resolve(rows, FUNCTIONAL)
    assert (rows[2].code, rows[2].get("total"), rows[2].get("basic")) == ("2101102", D("503724"), D("503724"))


def test_percentages_among_the_figures_are_dropped_not_named() -> None:
    """A text row of a table with 增减额 | 增减(%) columns (国家信访局 部门公开表5 as text): the
    percentages end neither in the name nor among the amounts."""
    rows = read_rows(lines("201 一般公共服务支出 33,586.67 10,044.47 13,144.37 -20,442.30 -60.86% 3,099.90 30.86%",
                           "2014002 一般行政管理事务 66.44 737.29 670.85 1009.71%"))
    assert [(r.code, r.name, r.figures) for r in rows] == [
        ("201", "一般公共服务支出",
         [D("33586.67"), D("10044.47"), D("13144.37"), D("-20442.30"), D("3099.90")]),
        ("2014002", "一般行政管理事务", [D("66.44"), D("737.29"), D("670.85")]),
    ]
