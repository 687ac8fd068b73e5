"""Template readers for PDF tables of other provinces (no ../shared needed): rows as the PDF
reader hands them over (``Line`` with ``cells``), read by the template-specific readers."""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import Record
from kg.extract.project_sheets import read_project_sheets
from kg.extract.sections import TableSection
from kg.extract.source import Line
from kg.extract.tables.expenditure_grid import read_totals_row
from kg.extract.tables.procurement import parse_procurement
from kg.extract.tables.side_by_side import split_halves
from kg.extract.tables.three_public_grid import read_grid

D = Decimal


def _rows(*cells_rows: tuple, page: int = 1) -> list[Line]:
    return [Line(text=" ".join(c for c in cells if c), lineno=i + 1, page=page, cells=tuple(cells), table=1)
            for i, cells in enumerate(cells_rows)]


def _table(kind: str, lines: list[Line], unit: str = "万元") -> TableSection:
    return TableSection(kind=kind, label="表9", title="", unit=unit, lines=lines)


def test_shanghai_three_public_in_wan_converted_to_yuan() -> None:
    table = _table("three_public", _rows(
        ("“三公”经费预算数", None, None, None, None, None, "机关运行经费预算数"),
        ("合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", None, None, "机关运行经费预算数"),
        ("合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费", "机关运行经费预算数"),
        ("10.81", "0", "0.83", "9.98", "0", "9.98", "217.83"),
    ))
    record = Record(source="x.pdf", unit="元", kind="部门预算")
    assert read_grid(table, record)
    tp = record.totals.three_public
    assert (tp.total, tp.overseas, tp.reception, tp.vehicles, tp.vehicle_purchase, tp.vehicle_operation) == (
        D("108100"), D("0"), D("8300"), D("99800"), D("0"), D("99800"))
    assert record.totals.operating_expenses == D("2178300")
    assert record.totals.provenance["three_public.total"].table == "表9"


def test_jiangsu_three_public_total_is_the_subtotal() -> None:
    table = _table("three_public", _rows(
        ("合计", "“三公”经费", None, None, None, None, None, "会议费", "培训费"),
        ("合计", "小计", "因公出国（境）费", "公务用车购置及运行维护费", None, None, "公务接待费", "会议费", "培训费"),
        ("合计", "小计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费", "会议费", "培训费"),
        ("2,542.60", "833.60", "222.50", "183.60", "0", "183.60", "427.50", "1,305.25", "403.75"),
    ))
    record = Record(source="x.pdf", unit="万元", kind="部门预算")
    assert read_grid(table, record)
    tp = record.totals.three_public
    assert (tp.total, tp.overseas, tp.reception, tp.vehicles, tp.vehicle_purchase, tp.vehicle_operation) == (
        D("833.60"), D("222.50"), D("427.50"), D("183.60"), D("0"), D("183.60"))
    assert {row.key for row in table.rows} >= {"total", "subtotal", "meetings", "training"}


def test_final_account_three_public_reads_the_final_columns() -> None:
    table = _table("three_public", _rows(
        ("财政拨款“三公”经费",) + (None,) * 5,
        ("合计", None, "因公出国（境）费", None, "公务接待费", None),
        ("预算数", "决算数", "预算数", "决算数", "预算数", "决算数"),
        ("0.95", "0.50", None, None, "0.95", "0.50"),
    ))
    final = Record(source="x.pdf", unit="万元", kind="部门决算")
    assert read_grid(table, final)
    assert (final.totals.three_public.total, final.totals.three_public.reception) == (D("0.50"), D("0.50"))
    assert final.totals.three_public.overseas is None
    budget = Record(source="x.pdf", unit="万元", kind="部门预算")
    assert read_grid(_table("three_public", table.lines), budget)
    assert budget.totals.three_public.total == D("0.95")


def test_row_layout_three_public_is_left_to_the_row_reader() -> None:
    table = _table("three_public", _rows(("项目", "预算数"), ("合计", "6.39"), ("公务接待费", "0.39")))
    assert not read_grid(table, Record(source="x.pdf", unit="万元"))


def test_side_by_side_halves_become_one_column() -> None:
    lines = _rows(
        ("经济分类", None, "科目名称", "决算数", "经济分类", None, "科目名称", "决算数"),
        ("301", None, "工资福利支出", "2,082.85", "302", None, "商品和服务支出", "171.07"),
        ("301", "01", "基本工资", "262.33", "302", "01", "办公费", "21.21"),
        (None, None, None, None, "310", None, "资本性支出", "13.58"),
        ("人员经费合计", None, None, "2,152.26", "公用经费合计", None, None, "184.65"),
    )
    out, totals = split_halves(lines)
    assert [line.cells for line in out] == [
        ("经济分类", None, "科目名称", "决算数"),
        ("301", None, "工资福利支出", "2,082.85"), ("301", "01", "基本工资", "262.33"),
        ("302", None, "商品和服务支出", "171.07"), ("302", "01", "办公费", "21.21"),
        ("310", None, "资本性支出", "13.58"),
    ]
    # each half's 合计 with the sum of that half's 类 rows (a check; here 2,152.26 ≠ 2,082.85)
    assert {k: (v, parts) for k, (v, _, parts) in totals.items()} == {
        "人员经费合计": (D("2152.26"), D("2082.85")), "公用经费合计": (D("184.65"), D("184.65"))}
    single = _rows(("科目编码", "科目名称", "金额"), ("301", "工资福利支出", "10.00"))
    assert split_halves(single) == (single, {})


def test_jiangsu_expenditure_totals_row() -> None:
    table = _table("expenditure", _rows(
        ("合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"),
        ("13,377.11", "6,522.75", "4,968.34", "1,886.02", None),
    ))
    record = Record(source="x.pdf", unit="万元")
    assert read_totals_row(table, record)
    t = record.totals
    assert (t.basic_expenditure, t.project_expenditure, t.expenditure_total) == (
        D("6522.75"), D("4968.34"), D("13377.11"))
    [identity] = table.data.identities
    rule, expected, printed = identity.rule, identity.expected, identity.printed
    assert (rule, expected, printed) == ("children_sum", D("13377.11"), D("13377.11"))
    coded = _table("expenditure", _rows(("类", "款", "项", "名称", "合计"), ("204", None, None, "公共安全支出", "5.00")))
    assert not read_totals_row(coded, Record(source="x.pdf"))


def test_procurement_headings() -> None:
    table = _table("procurement", _rows(
        ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"),
        ("合计", None, None, None, None, "2,247.85"),
        ("一、货物 A", None, None, None, None, "59.00"),
        (None, "办公设备购置费", "办公设备购置", None, None, "59.00"),
        ("三、服务 C", None, None, None, None, "2,188.85"),
    ))
    record = Record(source="x.pdf", unit="万元")
    parse_procurement(table, record, None)
    p = record.totals.procurement
    assert (p.total, p.goods, p.works, p.services) == (D("2247.85"), D("59.00"), None, D("2188.85"))
    assert (table.data.identities[0].expected, table.data.identities[0].printed) == (D("2247.85"), D("2247.85"))


def test_project_sheet_amount_in_record_unit() -> None:
    texts = ["科技创新专项经费情况说明", "一、项目概述", "加快推动本区企业创新驱动发展。", "二、立项依据",
             "1、《普陀区支持科技创新实施意见》（普科合规范〔2023〕3号）。", "三、实施主体", "上海市普陀区商务委员会",
             "五、实施周期", "2025.1.1-2025.12.31", "六、年度预算安排",
             "2025年度项目总预算1720.00万，其中各级企业技术中心认定1720.00万。", "七、绩效目标", "详见绩效目标表",
             "一、2025年“三公”经费预算情况说明"]
    lines = [Line(text=t, lineno=i + 1, page=23) for i, t in enumerate(texts)]
    [project] = read_project_sheets(lines, "x.pdf", "元")
    assert project.name == "科技创新专项"
    assert project.amount == D("17200000")
    assert project.responsible_unit == "上海市普陀区商务委员会"
    assert project.execution_period == "2025.1.1-2025.12.31"
    assert [d.number for d in project.policy_documents] == ["普科合规范〔2023〕3号"]
    assert project.provenance[0].page == 23
    [in_wan] = read_project_sheets(lines, "x.pdf", "万元")
    assert in_wan.amount == D("1720.00")


def test_row_cut_by_a_page_break_is_joined() -> None:
    from kg.extract.pdf_columns import join_wrapped_row
    from kg.extract.pdf_tables import PageTable, TableRow

    def table(*rows: tuple) -> PageTable:
        return PageTable(top=0, bottom=0, x0=0, x1=0, rows=[TableRow(0, 0, tuple(r)) for r in rows])

    before = table(("七、文化体育与传媒支出", None), ("八、社会保障和就", "1,608.51"))
    after = table(("业支出", None), ("九、医疗卫生与计划生育支出", None))
    assert join_wrapped_row(before, after)
    assert before.rows[-1].cells == ("八、社会保障和就业支出", "1,608.51")
    assert [r.cells for r in after.rows] == [("九、医疗卫生与计划生育支出", None)]
    # a row of its own is never glued to the row above
    complete = table(("本年收入合计", "2,946.25"))
    own = table(("使用非财政拨款结余（含专用结余）", None))
    assert not join_wrapped_row(complete, own) and len(own.rows) == 1
    numbered = table(("八、社会保障和就业支出", "1.00"))
    assert not join_wrapped_row(numbered, table(("九、卫生健康支出", None)))


def test_project_sheet_keeps_the_parts_its_budget_is_split_into() -> None:
    # realdocs 上海市普陀区商务委员会25年预算.pdf p.25, 商业创新专项（政策资金）经费情况说明 (lines as printed)
    texts = ["商业创新专项（政策资金）经费情况说明", "一、项目概述",
             "通过专项资金的撬动，加强商旅文体展联动，鼓励企业引进更多高能级的首店和首展首秀项目。", "三、实施主体",
             "上海市普陀区商务委员会", "六、年度预算安排",
             "2025年度项目总预算1410.00万，其中支持引进品牌集聚340.00万，支持打造示范地标120.00万，支持促消费提质提升800.00万，支",
             "持商业数字化创新70.00万，支持商业综合服务能力提升80.00万元，合计1410.00万。", "七、绩效目标"]
    lines = [Line(text=t, lineno=i + 1, page=25) for i, t in enumerate(texts)]
    [project] = read_project_sheets(lines, "x.pdf", "元")
    assert project.amount == D("14100000")
    assert project.description == (
        "通过专项资金的撬动，加强商旅文体展联动，鼓励企业引进更多高能级的首店和首展首秀项目。年度预算安排：2025年度项目总预算"
        "1410.00万，其中支持引进品牌集聚340.00万，支持打造示范地标120.00万，支持促消费提质提升800.00万，支持商业数字化创新"
        "70.00万，支持商业综合服务能力提升80.00万元，合计1410.00万。")


def test_project_sheet_with_one_part_keeps_its_overview_only() -> None:
    texts = ["科技创新专项经费情况说明", "一、项目概述", "加快推动本区企业创新驱动发展。", "六、年度预算安排",
             "2025年度项目总预算1720.00万，其中各级企业技术中心认定1720.00万。", "七、绩效目标"]
    lines = [Line(text=t, lineno=i + 1, page=23) for i, t in enumerate(texts)]
    [project] = read_project_sheets(lines, "x.pdf", "元")
    assert project.description == "加快推动本区企业创新驱动发展。"
