"""The Shanghai district template (``../shared/realdocs/shanghai-putuo``): 9 tables in 元, the
三公 table and every narrative figure in 万元, 编制说明 by 项, 项目经费情况说明 sheets.

As 普陀区 prints its 区级部门预算: the tables in 元 (thousands separators in the two summary
tables, none in the classification tables, zeros printed ``0.00``), the 三公 and 机关运行经费 table
in 万元, the narrative in 万元 with trailing zeros dropped, and one 项目经费情况说明 per project
(立项依据 with its 文号, 实施主体, 实施周期, 年度预算安排). The record is in 元: every 万元 figure
is converted exactly. Nothing is carried over.
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import (EconomicSubject, FunctionalSubject, Procurement, Profile, Project, Record, Staffing,
                              ThreePublic, Totals)
from kg.synth.budget import ZERO, Budget
from kg.synth.layout import Block, Heading, PageBreak, Para, TableBlock, money, split_code
from kg.synth.rows import add_up, economic_rows, functional_rows
from kg.synth.subjects import ECONOMIC_NAMES, FUNCTIONAL_NAMES
from kg.synth.templates import Template
from kg.synth.templates.jiangsu import plain

YUAN = Decimal(10000)
ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


def yuan(value: Decimal | None) -> Decimal | None:
    """A 万元 figure in 元, exactly."""
    return None if value is None else (value * YUAN).quantize(Decimal("0.01"))


def bare(value: Decimal | None) -> str:
    """A 元 figure as the classification tables print it: no separators, ``0.00`` for nothing."""
    return f"{(value if value is not None else ZERO).quantize(Decimal('0.01')):f}"


def _head(b: Budget, title: str, unit: str = "元") -> list[Block]:
    return [PageBreak(), Heading(f"{b.year}年{title}", 2), Para(f"编制部门：{b.department.name} 单位：{unit}")]


def _classes(b: Budget) -> list[tuple[str, Decimal]]:
    return [(c, add_up([x, y]) or ZERO) for c, x, y in functional_rows(b, False) if len(c) == 3]


def table1(b: Budget) -> list[Block]:
    left = [("一、财政拨款收入", yuan(b.total)), ("1. 一般公共预算", yuan(b.total)), ("2. 政府性基金预算", ZERO),
            ("3. 国有资本经营预算", ZERO), ("二、事业收入", ZERO), ("三、事业单位经营收入", ZERO), ("四、其他收入", ZERO)]
    right = [(f"{ORDINALS[i]}、{FUNCTIONAL_NAMES[c]}", yuan(v)) for i, (c, v) in enumerate(_classes(b))]
    body = []
    for i in range(max(len(left), len(right))):
        ln, lv = left[i] if i < len(left) else ("", None)
        rn, rv = right[i] if i < len(right) else ("", None)
        body.append([ln, money(lv), rn, money(rv)])
    body.append(["收入总计", money(yuan(b.total)), "支出总计", money(yuan(b.total))])
    table = TableBlock(header=[["本年收入", "", "本年支出", ""], ["项目", "预算数", "项目", "预算数"]], body=body,
                       widths=[6, 3, 6, 3], spans=[((0, 0), (1, 0)), ((2, 0), (3, 0))], wrap=(0, 2))
    return _head(b, "部门财务收支预算总表") + [table]


def _code_rows(b: Budget, columns) -> list[list[str]]:
    rows = []
    for code, basic, project in functional_rows(b, False):
        rows.append(split_code(code, 3) + [FUNCTIONAL_NAMES[code]] + columns(add_up([basic, project]), basic, project))
    return rows


def table2(b: Budget) -> list[Block]:
    body = _code_rows(b, lambda t, _b, _p: [bare(yuan(t)), bare(yuan(t)), "0.00", "0.00", "0.00"])
    body.append(["合计", "", "", ""] + [bare(yuan(b.total)), bare(yuan(b.total)), "0.00", "0.00", "0.00"])
    header = [["功能分类科目编码", "", "", "功能分类科目名称", "收入预算", "", "", "", ""],
              ["类", "款", "项", "", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"]]
    spans = [((0, 0), (2, 0)), ((3, 0), (3, 1)), ((4, 0), (8, 0)), ((0, len(header) + len(body) - 1),
                                                                   (3, len(header) + len(body) - 1))]
    table = TableBlock(header=header, body=body, widths=[1.2, 1, 1, 7, 3, 3, 2.4, 2.4, 2.4], spans=spans,
                       code_columns=3, wrap=(3,))
    return _head(b, "部门收入预算总表") + [table]


def _expenditure(b: Budget, title: str, head: str) -> list[Block]:
    body = _code_rows(b, lambda t, x, y: [bare(yuan(t)), bare(yuan(x)), bare(yuan(y))])
    body.append(["合计", "", "", "", bare(yuan(b.total)), bare(yuan(b.basic_total)), bare(yuan(b.project_total))])
    header = [["功能分类科目编码", "", "", "功能分类科目名称", head, "", ""],
              ["类", "款", "项", "", "合计", "基本支出", "项目支出"]]
    n = len(header) + len(body) - 1
    table = TableBlock(header=header, body=body, widths=[1.2, 1, 1, 8, 3, 3, 3],
                       spans=[((0, 0), (2, 0)), ((3, 0), (3, 1)), ((4, 0), (6, 0)), ((0, n), (3, n))],
                       code_columns=3, wrap=(3,))
    return _head(b, title) + [table]


def table4(b: Budget) -> list[Block]:
    left = [("一、一般公共预算", yuan(b.total)), ("二、政府性基金预算", ZERO), ("三、国有资本经营预算", ZERO)]
    right = [(f"{ORDINALS[i]}、{FUNCTIONAL_NAMES[c]}", yuan(v)) for i, (c, v) in enumerate(_classes(b))]
    body = []
    for i in range(max(len(left), len(right))):
        ln, lv = left[i] if i < len(left) else ("", None)
        rn, rv = right[i] if i < len(right) else ("", None)
        body.append([ln, money(lv), rn, money(rv), money(rv), "", ""])
    body.append(["收入总计", money(yuan(b.total)), "支出总计", money(yuan(b.total)), money(yuan(b.total)), "", ""])
    header = [["财政拨款收入", "", "财政拨款支出", "", "", "", ""],
              ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]]
    table = TableBlock(header=header, body=body, widths=[5, 3, 5, 3, 3, 3, 3],
                       spans=[((0, 0), (1, 0)), ((2, 0), (6, 0))], wrap=(0, 2))
    return _head(b, "部门财政拨款收支预算总表") + [table]


def _empty_fund(b: Budget, title: str, head: str, fund: str) -> list[Block]:
    header = [["功能分类科目编码", "", "", "功能分类科目名称", head, "", ""],
              ["类", "款", "项", "", "合计", "基本支出", "项目支出"]]
    table = TableBlock(header=header, body=[["无", "", "", "", "", "", ""], ["合计", "", "", "", "", "", ""]],
                       widths=[1.2, 1, 1, 8, 3, 3, 3], spans=[((0, 0), (2, 0)), ((3, 0), (3, 1)), ((4, 0), (6, 0))])
    return _head(b, title) + [table, Para(f"注:本部门{b.year}年无{fund}财政拨款安排的预算，故本表为空表。")]


def table8(b: Budget) -> list[Block]:
    body = [split_code(c, 2) + [ECONOMIC_NAMES[c], bare(yuan(add_up([p, q]))), bare(yuan(p)), bare(yuan(q))]
            for c, p, q in economic_rows(b)]
    body.append(["合计", "", "", bare(yuan(b.basic_total)), bare(yuan(b.personnel)), bare(yuan(b.public_expenses))])
    header = [["部门预算经济分类科目编码", "", "经济分类科目名称", "一般公共预算基本支出", "", ""],
              ["类", "款", "", "合计", "人员经费", "公用经费"]]
    n = len(header) + len(body) - 1
    table = TableBlock(header=header, body=body, widths=[1.4, 1.2, 8, 3, 3, 3],
                       spans=[((0, 0), (1, 0)), ((2, 0), (2, 1)), ((3, 0), (5, 0)), ((0, n), (2, n))],
                       code_columns=2, wrap=(2,))
    return _head(b, "部门一般公共预算基本支出部门预算经济分类预算表") + [table]


def table9(b: Budget) -> list[Block]:
    t = b.three_public
    vehicles = t["vehicle_purchase"] + t["vehicle_operation"]
    row = [b.three_public_total, t["overseas"], t["reception"], vehicles, t["vehicle_purchase"],
           t["vehicle_operation"], b.public_expenses]
    header = [["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
              ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
              ["", "", "", "小计", "购置费", "运行费", ""]]
    spans = [((0, 0), (5, 0)), ((6, 0), (6, 2)), ((0, 1), (0, 2)), ((1, 1), (1, 2)), ((2, 1), (2, 2)),
             ((3, 1), (5, 1))]
    table = TableBlock(header=header, body=[[plain(v) for v in row]], widths=[2.4] * 7, spans=spans)
    return _head(b, "部门“三公”经费和机关运行经费预算表", "万元") + [table]


def _change(current: Decimal, before: Decimal | None) -> str:
    before = before or ZERO
    if before == ZERO:
        return f"比{current and '上年'}预算增加{plain(current)}万元"
    if current == before:
        return "与上年预算持平"
    diff = current - before
    return f"比上年预算{'增加' if diff > 0 else '减少'}{plain(abs(diff))}万元"


def front(b: Budget) -> list[Block]:
    d = b.department
    units = [f"{d.name}本部"] + list(d.subordinate_units)
    out: list[Block] = [Heading(f"上海市{d.place}{b.year}年区级部门预算", 0), Heading(f"预算主管部门：{d.name}", 0),
                        PageBreak(), Heading(f"{d.name}主要职能", 1), Para(d.kind.functions),
                        PageBreak(), Heading(f"{d.name}机构设置", 1),
                        Para(f"{d.name}部门预算是包括{d.name}本部以及下属{len(d.subordinate_units)}家预算单位的综合收支计划。"),
                        Para(f"具体包括： 1. {units[0]}")] + [Para(f"{i}. {u}") for i, u in enumerate(units[1:], start=2)] + [
                        PageBreak(), Heading("名词解释", 1),
                        Para("（一）财政拨款收入：是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共"
                             "预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。"),
                        Para("（二）基本支出预算：是区级预算主管部门及所属预算单位为保障其机构正常运转、完成日常工作任务而编制的"
                             "年度基本支出计划，包括人员经费和公用经费两部分。"),
                        Para("（三）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的"
                             "日常公用经费支出。")]
    prior = b.prior
    out += [PageBreak(), Heading(f"{b.year}年部门预算编制说明", 1),
            Para(f"{b.year}年，{d.name}收入预算{plain(b.total)}万元，其中：财政拨款收入{plain(b.total)}万元，"
                 f"{_change(b.total, prior.total if prior else None)}；事业收入0万元；事业单位经营收入0万元；其他收入0万元。"),
            Para(f"支出预算{plain(b.total)}万元，其中：财政拨款支出预算{plain(b.total)}万元，"
                 f"{_change(b.total, prior.total if prior else None)}。"),
            Para("财政拨款支出主要内容如下：")]
    before = {c: add_up([x, y]) for c, x, y in functional_rows(prior, False)} if prior else {}
    n = 0
    for code, basic, project in functional_rows(b, False):
        if len(code) != 7:
            continue
        n += 1
        value = add_up([basic, project]) or ZERO
        out.append(Para(f"{n}、{FUNCTIONAL_NAMES[code[:3]]}（{code[:3]}类）{FUNCTIONAL_NAMES[code[:5]]}（{code[3:5]}款）"
                        f"{FUNCTIONAL_NAMES[code]}（{code[5:]}项）{plain(value)}万元。主要用于：{FUNCTIONAL_NAMES[code]}方面的支出。"
                        f"{b.year - 1}年当年预算数为{plain(before.get(code) or ZERO)}万元，{b.year}年预算安排{plain(value)}万元。"))
    return out


def others(b: Budget) -> list[Block]:
    t, pr, d = b.three_public, b.procurement, b.department
    return [PageBreak(), Heading("其他相关情况说明", 1),
            Heading(f"一、{b.year}年“三公”经费预算情况说明", 2),
            Para(f"{b.year}年“三公”经费预算数为{plain(b.three_public_total)}万元。其中："),
            Para(f"（一）因公出国（境）费{plain(t['overseas'])}万元。"),
            Para(f"（二）公务用车购置及运行费{plain(t['vehicle_purchase'] + t['vehicle_operation'])}万元。其中：公务用车购置费"
                 f"{plain(t['vehicle_purchase'])}万元；公务用车运行费{plain(t['vehicle_operation'])}万元。"),
            Para(f"（三）公务接待费{plain(t['reception'])}万元。"),
            Heading("二、机关运行经费预算", 2),
            Para(f"{b.year}年{d.name}财政拨款的机关运行经费预算为{plain(b.public_expenses)}万元。"),
            Heading("三、政府采购预算情况", 2),
            Para(f"{b.year}年本部门政府采购预算{plain(pr['goods'] + pr['works'] + pr['services'])}万元，其中：政府采购货物预算"
                 f"{plain(pr['goods'])}万元、政府采购工程预算{plain(pr['works'])}万元、政府采购服务预算{plain(pr['services'])}万元。")]


def sheet_name(name: str) -> str:
    """The project as its 项目经费情况说明 names it: the sheets are titled ``<项目>经费情况说明``."""
    return name if name.endswith("项目") else name + "项目"


def project_sheets(b: Budget) -> list[Block]:
    out: list[Block] = []
    for p in b.current():
        basis = (f"{p.policy.title}（{p.policy.number}）" if p.policy and p.policy.number
                 else (p.policy.title if p.policy else "本部门年度工作计划"))
        out += [PageBreak(), Heading(f"{sheet_name(p.name)}经费情况说明", 1), Heading("一、项目概述", 2), Para(f"{p.purpose}。"),
                Heading("二、立项依据", 2), Para(f"{basis}。"), Heading("三、实施主体", 2), Para(b.department.name),
                Heading("四、实施方案", 2),
                Para("；".join(f"{i}.{item}" for i, (item, _) in enumerate(p.allocations, start=1)) + "。"),
                Heading("五、实施周期", 2), Para(f"{b.year}年1月1日-{b.year}年12月31日"),
                Heading("六、年度预算安排", 2), Para(f"{plain(p.amount)}万元"),
                Heading("七、绩效目标", 2), Para(f"{p.purpose}，确保项目资金使用规范、绩效目标按期实现。")]
    return out


def layout(b: Budget) -> list[Block]:
    return (front(b) + table1(b) + table2(b) + _expenditure(b, "部门支出预算总表", "支出预算") + table4(b)
            + _expenditure(b, "部门一般公共预算支出功能分类预算表", "一般公共预算支出")
            + _empty_fund(b, "部门政府性基金预算支出功能分类预算表", "政府性基金预算支出", "政府性基金预算")
            + _empty_fund(b, "部门国有资本经营预算支出功能分类预算表", "国有资本经营预算支出", "国有资本经营预算")
            + table8(b) + table9(b) + others(b) + project_sheets(b))


def truth(b: Budget, source: str) -> Record:
    """What a Shanghai document promises, in 元 (its 万元 figures converted exactly)."""
    d, t = b.department, b.three_public
    totals = Totals(
        income_total=yuan(b.total), expenditure_total=yuan(b.total),  # no 本年收入合计 line is printed
        general_public_budget=yuan(b.total), government_fund=ZERO, state_capital=ZERO, unit_funds=ZERO,
        # 单位资金's lines the 收支总表 prints (二、事业收入 三、事业单位经营收入 四、其他收入), each 0
        unit_business=ZERO, unit_operating=ZERO, unit_other=ZERO,
        fiscal_total=yuan(b.total),  # 一、财政拨款收入 over its budgets
        basic_expenditure=yuan(b.basic_total), personnel=yuan(b.personnel), public_expenses=yuan(b.public_expenses),
        project_expenditure=yuan(b.project_total), operating_expenses=yuan(b.public_expenses),
        three_public=ThreePublic(total=yuan(b.three_public_total), overseas=yuan(t["overseas"]),
                                 reception=yuan(t["reception"]),
                                 vehicles=yuan(t["vehicle_purchase"] + t["vehicle_operation"]),
                                 vehicle_purchase=yuan(t["vehicle_purchase"]), vehicle_operation=yuan(t["vehicle_operation"])),
        procurement=Procurement(total=yuan(sum(b.procurement.values(), ZERO)), goods=yuan(b.procurement["goods"]),
                                works=yuan(b.procurement["works"]), services=yuan(b.procurement["services"])))
    functional = [FunctionalSubject(c, FUNCTIONAL_NAMES[c], total=yuan(add_up([x, y])), basic=yuan(x) or ZERO,
                                    project=yuan(y) or ZERO) for c, x, y in functional_rows(b, False)]
    economic = [EconomicSubject(c, ECONOMIC_NAMES[c], total=yuan(add_up([p, q])), personnel=yuan(p) or ZERO,
                                public=yuan(q) or ZERO) for c, p, q in economic_rows(b)]
    projects = [Project(name=sheet_name(p.name), amount=yuan(p.amount), category="current", responsible_unit=d.name,
                        policy_documents=[p.policy] if p.policy else []) for p in b.current()]
    policies, seen = [], set()
    for p in b.current():
        if p.policy is not None and p.policy.key() not in seen:
            seen.add(p.policy.key())
            policies.append(p.policy)
    return Record(source=source, department=d.name, year=b.year, kind="部门预算", unit="元",
                  profile=Profile(staffing=Staffing(), subordinate_units=list(d.subordinate_units)),
                  totals=totals, functional_subjects=functional, economic_subjects=economic, projects=projects,
                  policy_documents=policies, files=[source])


TEMPLATE = Template(name="shanghai", title="上海 区级部门预算 (9 表, 元; 三公与说明 万元; 项目经费情况说明)",
                    layout=layout, unit="元", default=True, formats=("pdf",), carryover=False, truth=truth)
