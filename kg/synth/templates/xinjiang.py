"""The Xinjiang template (the corpus' 部门预算公开): 部门概况, 表1–表11, 情况说明, 绩效目标表, 名词解释.

Laid out from a ``Budget`` in the order and wording of ``../shared/corpus/000_*.txt``: the same
table titles and column heads, the same sentences in the 情况说明 (收入/支出 against last year,
一般公共预算当年拨款 by 项 with 比上年 changes, the projects with their policy basis and
allocation, 三公, 上年结转结余, 机关运行经费, 政府采购, the performance tables).
"""
from __future__ import annotations

from decimal import Decimal

from kg.synth.budget import ZERO, Budget, ProjectPlan
from kg.synth.layout import Block, Heading, PageBreak, Para, TableBlock, money, split_code
from kg.synth.rows import add_up, economic_rows, functional_rows
from kg.synth.subjects import ECONOMIC_NAMES, FUNCTIONAL_NAMES, SUMMARY_CLASSES
from kg.synth.templates import Template

NUMERALS = "一二三四五六七八九十"


def numeral(i: int) -> str:
    """1 -> 一 … 10 -> 十, 11 -> 十一 … 19 -> 十九."""
    if i <= 10:
        return NUMERALS[i - 1]
    return "十" + NUMERALS[i - 11]


def _fig(budget: Budget, table: str, row: str, column: str, value: Decimal | None) -> str:
    return money(budget.printed(table, row, column, value))


# --- tables ------------------------------------------------------------------------------------

def _head(budget: Budget, label: str, title: str) -> list[Block]:
    return [PageBreak(), Heading(label, 3), Heading(title, 2),
            Para(f"编制部门：{budget.department.name} 单位：万元")]


def table1(b: Budget) -> list[Block]:
    """表1 部门收支总体情况表: income items on the left, the functional 类 on the right."""
    upper = b.upper_level_transfer or None
    left = [
        ("一、本年收入", b.general_public_budget), ("1.一般公共预算拨款", b.general_public_budget),
        ("其中：一般财力", b.general_public_budget - b.upper_level_transfer),
        ("上级一般公共预算安排转移支付", upper), ("2.政府性基金预算拨款", None), ("其中：政府性基金收入", None),
        ("上级政府性基金安排转移支付", None), ("3.国有资本经营预算拨款", None), ("其中：国有资本经营收入", None),
        ("上级国有资本经营预算安排转移支付", None), ("4.财政专户核拨", None), ("5.单位资金", None),
        ("其中：事业收入", None), ("上级补助收入", None), ("附属单位上缴收入", None), ("事业单位经营收入", None),
        ("其他收入", None),
        ("二、上年结转结余", b.carryover_total or None), ("1.财政拨款结转", b.carryover_fiscal or None),
        ("其中：一般公共预算拨款", b.carryover_fiscal or None), ("政府性基金预算拨款", None),
        ("国有资本经营预算拨款", None), ("2.非财政拨款结转结余", b.carryover_nonfiscal or None),
        ("其中：财政专户核拨", None), ("单位资金", b.carryover_nonfiscal or None),
    ]
    classes = {code: basic_project for code, *basic_project in functional_rows(b, False) if len(code) == 3}
    right = [(f"{code} {name}", add_up(classes[code]) if code in classes else None) for code, name in SUMMARY_CLASSES]
    body = []
    for i in range(max(len(left), len(right))):
        lname, lvalue = left[i] if i < len(left) else ("", None)
        rname, rvalue = right[i] if i < len(right) else ("", None)
        body.append([lname, money(lvalue), rname, money(rvalue)])
    body.append(["收 入 总 计", money(b.total), "支 出 总 计", money(b.total)])
    table = TableBlock(header=[["收入", "", "支出", ""], ["项目", "预算数", "功能分类", "预算数"]],
                       body=body, widths=[9, 3, 9, 3], spans=[((0, 0), (1, 0)), ((2, 0), (3, 0))], wrap=(0, 2))
    return _head(b, "表1", "部门收支总体情况表") + [table]


def _classification(b: Budget, label: str, title: str, general_only: bool) -> list[Block]:
    total = b.general_public_budget if general_only else b.total
    basic = b.basic_total
    project = b.current_projects_total if general_only else b.project_total
    body = [["总计", "", "", "", money(total), money(basic), money(project or None)]]
    for code, bas, proj in functional_rows(b, general_only):
        tot = add_up([bas, proj])
        codes = split_code(code, 3)
        printed_code = b.printed(label, code, "code", None)
        if printed_code is not None:
            codes = str(printed_code).split() + [""] * (3 - len(str(printed_code).split()))
        body.append(codes + [FUNCTIONAL_NAMES[code], _fig(b, label, code, "total", tot),
                             _fig(b, label, code, "basic", bas), _fig(b, label, code, "project", proj)])
    header = [["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
              ["类", "款", "项", "", "", "", ""],
              ["※", "※", "※", "※", "1", "2", "3"]]
    spans = [((0, 0), (2, 0)), ((3, 0), (3, 1)), ((4, 0), (4, 1)), ((5, 0), (5, 1)), ((6, 0), (6, 1)),
             ((0, 3), (3, 3))]
    text_header = ["科目 " + ("一般公共预算支出" if general_only else "支出预算"), "功能分类科目编码", "类 款 项",
                   "功能分类科目名称 合计 基本支出 项目支出", "※ ※ ※ ※ 1 2 3"]
    table = TableBlock(header=header, body=body, widths=[1.3, 1.1, 1.1, 8, 3, 3, 3], spans=spans,
                       code_columns=3, wrap=(3,), text_header=text_header)
    return _head(b, label, title) + [table]


INCOME_COLUMNS = ["总计", "财政拨款(补助)小计", "一般公共预算", "上级一般公共预算安排的转移支付", "政府性基金预算",
                  "上级政府性基金安排的转移支付", "国有资本经营预算", "上级国有资本经营预算安排的转移支付",
                  "财政专户（教育收费）", "单位资金", "财政拨款结转", "非财政拨款结转结余"]
# 表2's head as the corpus' text extraction prints it (cells broken over lines)
INCOME_TEXT_HEADER = ["功能分类", "科目编码", "财政拨款（补助）", "类 款 项",
                      "功能分类科目名称 总计 财政拨款", "(补助)小", "计", "一般公共", "预算", "上级一般", "公共预算",
                      "安排的转", "移支付", "政府性基", "金预算", "上级政府性", "基金安排的", "转移支付", "国有资本",
                      "经营预算", "上级国有", "资本经营", "预算安排", "的转移支", "付", "财政专户", "（教育收", "费）",
                      "单位资金", "财政拨款", "结转", "非财政拨", "款结转结", "余",
                      "※ ※ ※ ※ 1 2 3 4 5 6 7 8 9 10 11 12"]


def income_rows(b: Budget) -> list[tuple[str, list[Decimal | None]]]:
    """表2's rows: (code or "总计", the 12 columns) — income by functional subject and source."""
    def columns(items: list[str] | None) -> list[Decimal | None]:
        inside = (lambda code: True) if items is None else (lambda code: code in items)
        basic = add_up(v for c, v in b.basic.items() if inside(c))
        by_source = {}
        for p in b.projects:
            if inside(p.item):
                by_source.setdefault(p.funding_source, []).append(p.amount)
        general = add_up([basic] + by_source.get("general_public_budget", []))
        upper = add_up(by_source.get("upper_level_transfer", []))
        fiscal = add_up([general, upper])
        carry = add_up(by_source.get("carryover_fiscal", []))
        nonfiscal = add_up(by_source.get("carryover_nonfiscal", []))
        return [add_up([fiscal, carry, nonfiscal]), fiscal, general, upper, None, None, None, None, None, None,
                carry, nonfiscal]

    rows = [("总计", columns(None))]
    for code, _, _ in functional_rows(b, False):
        rows.append((code, columns([c for c in b.items() if c.startswith(code)])))
    return rows


def table2(b: Budget) -> list[Block]:
    """表2 部门收入总体情况表: each functional row's income by source (一般公共预算 apart from the
    上级转移支付 in it, 财政拨款结转, 非财政拨款结转结余)."""
    body = []
    for code, values in income_rows(b):
        lead = ["总计", "", "", ""] if code == "总计" else split_code(code, 3) + [FUNCTIONAL_NAMES[code]]
        body.append(lead + [money(v) for v in values])
    header = [["功能分类科目编码", "", "", "功能分类科目名称"] + INCOME_COLUMNS,
              ["类", "款", "项", ""] + [""] * 12,
              ["※", "※", "※", "※"] + [str(i) for i in range(1, 13)]]
    spans = [((0, 0), (2, 0)), ((3, 0), (3, 1))] + [((c, 0), (c, 1)) for c in range(4, 16)] + [((0, 3), (3, 3))]
    table = TableBlock(header=header, body=body, widths=[1.1, 1, 1, 5.5] + [2.1] * 12, spans=spans,
                       code_columns=3, wrap=(3,), text_header=INCOME_TEXT_HEADER)
    return _head(b, "表2", "部门收入总体情况表") + [table]


def table3(b: Budget) -> list[Block]:
    """表3 部门支出总体情况表: every functional 类/款/项, 合计 = 基本支出 + 项目支出."""
    return _classification(b, "表3", "部门支出总体情况表", general_only=False)


def table5(b: Budget) -> list[Block]:
    """表5 一般公共预算支出情况表: the same for this year's general public budget alone."""
    return _classification(b, "表5", "一般公共预算支出情况表", general_only=True)


def table6(b: Budget) -> list[Block]:
    """表6 一般公共预算基本支出情况表: economic 类/款, 合计 = 人员经费 + 公用经费."""
    body = [["总计", "", "", money(b.basic_total), money(b.personnel), money(b.public_expenses)]]
    for code, personnel, public in economic_rows(b):
        body.append(split_code(code, 2) + [ECONOMIC_NAMES[code], money(add_up([personnel, public])), money(personnel),
                                           money(public)])
    header = [["经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"],
              ["类", "款", "", "", "", ""],
              ["※", "※", "※", "1", "2", "3"]]
    spans = [((0, 0), (1, 0)), ((2, 0), (2, 1)), ((3, 0), (3, 1)), ((4, 0), (4, 1)), ((5, 0), (5, 1)),
             ((0, 3), (2, 3))]
    text_header = ["科目 一般公共预算基本支出", "经济分类科目编码", "类 款", "经济分类科目名称 合计 人员经费 公用经费",
                   "※ ※ ※ 1 2 3"]
    table = TableBlock(header=header, body=body, widths=[1.3, 1.1, 8, 3, 3, 3], spans=spans, code_columns=2,
                       wrap=(2,), text_header=text_header)
    return _head(b, "表6", "一般公共预算基本支出情况表") + [table]


PROJECT_ECONOMIC_COLUMNS = ["工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "其他支出"]


def table7(b: Budget) -> list[Block]:
    """表7 一般公共预算项目支出情况表: this year's projects under their 项, 类/款 subtotals; a
    project's whole amount under 商品和服务支出 (the column the template fills most)."""
    projects = sorted(b.current(), key=lambda p: p.item)
    width = len(PROJECT_ECONOMIC_COLUMNS)

    def figures(amount: Decimal) -> list[str]:
        return [money(amount), "", money(amount)] + [""] * (width - 2)

    total = sum((p.amount for p in projects), ZERO)
    body = [["总计", "", "", "", ""] + figures(total), [b.department.name, "", "", "", ""] + figures(total)]
    for cls in sorted({p.item[:3] for p in projects}):
        in_class = [p for p in projects if p.item.startswith(cls)]
        body.append([cls, "", "", FUNCTIONAL_NAMES[cls], ""] + figures(sum((p.amount for p in in_class), ZERO)))
        for kuan in sorted({p.item[:5] for p in in_class}):
            in_kuan = [p for p in in_class if p.item.startswith(kuan)]
            body.append([cls, kuan[3:], "", FUNCTIONAL_NAMES[kuan], ""]
                        + figures(sum((p.amount for p in in_kuan), ZERO)))
            for p in in_kuan:
                body.append(split_code(p.item, 3) + [FUNCTIONAL_NAMES[p.item], p.name] + figures(p.amount))
    header = [["科目编码", "", "", "功能分类科目名称", "项目名称", "项目支出", "", "", "", "", ""],
              ["类", "款", "项", "", "", "合计"] + PROJECT_ECONOMIC_COLUMNS,
              ["※", "※", "※", "※", "※", "1", "2", "3", "4", "5", "6"]]
    spans = [((0, 0), (2, 0)), ((3, 0), (3, 1)), ((4, 0), (4, 1)), ((5, 0), (10, 0)),
             ((0, 3), (4, 3)), ((0, 4), (4, 4))]
    text_header = ["科目编码", "类 款 项", "功能分类科目名称 项目名称 项目支出 合计 " + " ".join(PROJECT_ECONOMIC_COLUMNS),
                   "※ ※ ※ ※ ※ 1 2 3 4 5 6"]
    table = TableBlock(header=header, body=body, widths=[1.2, 1, 1, 4.5, 6.5, 2.6, 2.2, 2.2, 2.2, 2.2, 2.2],
                       spans=spans, code_columns=3, wrap=(3, 4), text_header=text_header)
    return _head(b, "表7", "一般公共预算项目支出情况表") + [table]


def empty_fund_table(b: Budget, label: str, title: str, fund: str) -> list[Block]:
    """表8/表9: a department without such money prints the header and one sentence."""
    return _head(b, label, title) + [Para(f"{b.department.name}{b.year}年没有使用{fund}拨款安排的支出，"
                                          f"{title}为空表。")]


def table10(b: Budget) -> list[Block]:
    """表10 财政拨款"三公"经费支出情况表: all of it from the general public budget."""
    t = b.three_public
    vehicles = t["vehicle_purchase"] + t["vehicle_operation"]

    def row(label: str, key: str, value: Decimal) -> list[str]:
        shown = money(b.printed("表10", key, "total", value) if value else None)
        return [label, shown, shown, "", ""]

    body = [row("合计", "total", b.three_public_total), row("因公出国（境）费", "overseas", t["overseas"]),
            row("公务接待费", "reception", t["reception"]), row("公务用车购置及运行费（小计）", "vehicles", vehicles),
            row("其中：公务用车购置费", "vehicle_purchase", t["vehicle_purchase"]),
            row("公务用车运行费", "vehicle_operation", t["vehicle_operation"])]
    header = [["“三公”经费支出内容", "合计", "资金来源", "", ""],
              ["", "", "一般公共预算", "政府性基金", "国有资本经营预算"],
              ["※", "1", "2", "3", "4"]]
    spans = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (4, 0))]
    table = TableBlock(header=header, body=body, widths=[8, 3, 3, 3, 3], spans=spans, wrap=(0,))
    return _head(b, "表10", "财政拨款“三公”经费支出情况表") + [table]


def table11(b: Budget) -> list[Block]:
    """表11 上年结转结余情况明细表: each carried-over project, 财政拨款 and 非财政拨款 columns."""
    carried = b.carried()
    if not carried:
        return []

    def figures(fiscal: Decimal | None, nonfiscal: Decimal | None) -> list[str]:
        total = add_up([fiscal, nonfiscal])
        return [money(total), money(fiscal), "", "", "", money(fiscal), money(nonfiscal), "", "", "",
                money(nonfiscal)]

    fiscal = b.carryover_fiscal or None
    nonfiscal = b.carryover_nonfiscal or None
    body = [["总计"] + figures(fiscal, nonfiscal), [b.department.name] + figures(fiscal, nonfiscal)]
    for p in carried:
        is_fiscal = p.funding_source == "carryover_fiscal"
        label = f"特定目标 {p.project_code}" if p.project_code else p.name
        body.append([f"  {label}"] + figures(p.amount if is_fiscal else None, None if is_fiscal else p.amount))
    header = [["项目", "合计", "财政拨款", "", "", "", "", "非财政拨款", "", "", "", ""],
              ["", "", "小计", "基本支出", "", "", "项目支出", "小计", "基本支出", "", "", "项目支出"],
              ["", "", "", "合计", "人员经费", "公用经费", "", "", "合计", "人员经费", "公用经费", ""],
              ["※", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]]
    spans = [((0, 0), (0, 2)), ((1, 0), (1, 2)), ((2, 0), (6, 0)), ((7, 0), (11, 0)), ((2, 1), (2, 2)),
             ((3, 1), (5, 1)), ((6, 1), (6, 2)), ((7, 1), (7, 2)), ((8, 1), (10, 1)), ((11, 1), (11, 2))]
    text_header = ["财政拨款 非财政拨款", "基本支出 基本支出项目 合计", "小计", "人员经费 公用经费",
                   "项目支出 小计", "人员经费 公用经费", "项目支出", "※ 1 2 3 4 5 6 7 8 9"]
    table = TableBlock(header=header, body=body, widths=[8, 2.4, 2.4, 2, 2, 2, 2.4, 2.4, 2, 2, 2, 2.4],
                       spans=spans, wrap=(0,), text_header=text_header)
    return _head(b, "表11", "上年结转结余情况明细表") + [table]


# --- narrative -----------------------------------------------------------------------------------

def change(current: Decimal, before: Decimal | None) -> str:
    """``比上年预算增加 X万元，增长 Y%`` (or 减少/下降; 增长 100.00% where last year had none)."""
    before = before or ZERO
    diff = current - before
    if before == ZERO:
        pct = Decimal("100.00") if current else ZERO
    else:
        pct = (abs(diff) / before * 100).quantize(Decimal("0.01"))
    if diff >= 0:
        return f"比上年预算增加{money(diff)}万元，增长{pct:.2f}%"
    return f"比上年预算减少{money(-diff)}万元，下降{pct:.2f}%"


def _reason(current: Decimal, before: Decimal | None, what: str) -> str:
    before = before or ZERO
    if current > before:
        return f"主要原因是{what}较上年增加。"
    if current < before:
        return f"主要原因是{what}较上年减少。"
    return "主要原因是与上年持平，未发生变化。"


def profile(b: Budget) -> list[Block]:
    d, s, year = b.department, b.staffing, b.year
    office = "科室" if d.is_unit else "处室"
    if d.subordinate_units:
        setup = (f"{d.name}共有下属预算单位{len(d.subordinate_units)}个，分别是：{'、'.join(d.subordinate_units)}。"
                 f"{d.name}机关下设{len(d.divisions)}个{office}，分别是：{'、'.join(d.divisions)}。")
    else:
        setup = f"{d.name}无下属预算单位，下设{len(d.divisions)}个{office}，分别是：{'、'.join(d.divisions)}。"
    return [Heading(f"{d.name}{year}年部门预算公开", 0), PageBreak(),
            Heading(f"第一部分 {year}年部门概况", 1), Heading("一、主要职能", 2), Para(d.kind.functions),
            Heading("二、机构设置及人员情况", 2),
            Para(setup),
            Para(f"{d.name}编制数{s.authorized}，实有人数{s.actual}人，其中：在职{s.active}人；退休{s.retired}人；"
                 f"离休{s.retired_veteran}人。"),
            PageBreak(), Heading(f"第二部分 {year}年部门预算公开表", 1)]


def _policy_text(p: ProjectPlan) -> str:
    if p.policy is None:
        return f"为保障{p.name}顺利实施，按照年度工作计划安排。"
    cited = p.policy.title + (f"（{p.policy.number}）" if p.policy.number else "")
    return f"依据{cited}要求，结合本部门年度工作任务安排此项目。"


def narrative(b: Budget) -> list[Block]:
    d, year, prior = b.department, b.year, b.prior
    name = d.name
    out: list[Block] = [PageBreak(), Heading(f"第三部分 {year}年部门预算情况说明", 1),
                        Heading(f"一、关于{name}{year}年收支预算情况总体说明", 2),
                        Para(f"按照全口径预算的原则，{name}{year}年所有收入和支出均纳入部门预算管理。"
                             f"收支总预算{money(b.total)}万元。")]
    # 二 收入
    out.append(Heading(f"二、关于{name}{year}年收入预算情况说明", 2))
    out.append(Para(f"{name}部门收入预算{money(b.total)}万元，其中："))
    own, own_before = b.general_public_budget - b.upper_level_transfer, (
        prior.general_public_budget - prior.upper_level_transfer if prior else None)
    out.append(Para(f"一般公共预算{money(own)}万元，{change(own, own_before)}，"
                    f"{_reason(own, own_before, '一般公共预算安排的项目资金')}"))
    if b.upper_level_transfer:
        before = prior.upper_level_transfer if prior else None
        out.append(Para(f"上级一般公共预算安排的转移支付资金{money(b.upper_level_transfer)}万元，"
                        f"{change(b.upper_level_transfer, before)}，{_reason(b.upper_level_transfer, before, '上级转移支付资金')}"))
    out.append(Para("政府性基金预算未安排。"))
    out.append(Para("国有资本经营预算未安排。"))
    for label, value, before in (("财政拨款结转", b.carryover_fiscal, prior.carryover_fiscal if prior else None),
                                 ("非财政拨款结转结余", b.carryover_nonfiscal, prior.carryover_nonfiscal if prior else None)):
        if value:
            out.append(Para(f"{label}{money(value)}万元，{change(value, before)}，{_reason(value, before, '上年结转资金')}"))
    # 三 支出
    out.append(Heading(f"三、关于{name}{year}年支出预算情况说明", 2))
    out.append(Para(f"{name}{year}年支出预算{money(b.total)}万元，其中："))
    basic_before = prior.basic_total if prior else None
    out.append(Para(f"基本支出{money(b.basic_total)}万元，{change(b.basic_total, basic_before)}，"
                    f"{_reason(b.basic_total, basic_before, '人员经费')}"))
    project_before = prior.project_total if prior else None
    out.append(Para(f"项目支出{money(b.project_total)}万元，{change(b.project_total, project_before)}，"
                    f"{_reason(b.project_total, project_before, '项目资金')}"))
    # 五 一般公共预算当年拨款
    out.append(Heading(f"五、关于{name}{year}年一般公共预算当年拨款情况说明", 2))
    out.append(Heading("（一）一般公共预算当年拨款规模变化情况", 2))
    out.append(Para(f"{name}{year}年一般公共预算拨款合计{money(b.general_public_budget)}万元，其中："))
    out.append(Para(f"基本支出{money(b.basic_total)}万元，{change(b.basic_total, basic_before)}，"
                    f"{_reason(b.basic_total, basic_before, '人员经费')}"))
    current_before = prior.current_projects_total if prior else None
    out.append(Para(f"项目支出{money(b.current_projects_total)}万元，"
                    f"{change(b.current_projects_total, current_before)}，"
                    f"{_reason(b.current_projects_total, current_before, '当年项目资金')}"))
    out.append(Heading("（三）一般公共预算当年拨款具体使用情况", 2))
    before_rows = {c: add_up([bb, pp]) for c, bb, pp in functional_rows(prior, True)} if prior else {}
    n = 0
    for code, bas, proj in functional_rows(b, True):
        if len(code) != 7:
            continue
        n += 1
        value = add_up([bas, proj]) or ZERO
        before = before_rows.get(code)
        out.append(Para(f"{n}、{FUNCTIONAL_NAMES[code[:3]]}（类）{FUNCTIONAL_NAMES[code[:5]]}（款）"
                        f"{FUNCTIONAL_NAMES[code]}（项）：{year}年预算数为{money(value)}万元，{change(value, before)}，"
                        f"{_reason(value, before, '该科目资金')}"))
    # 六 基本支出
    out.append(Heading(f"六、关于{name}{year}年一般公共预算基本支出情况说明", 2))
    personnel_names = "、".join(ECONOMIC_NAMES[c] for c, p, _ in b.economic if p is not None)
    public_names = "、".join(ECONOMIC_NAMES[c] for c, _, q in b.economic if q is not None)
    out.append(Para(f"{name}{year}年一般公共预算基本支出{money(b.basic_total)}万元，其中："))
    out.append(Para(f"人员经费{money(b.personnel)}万元，主要包括：{personnel_names}。"))
    out.append(Para(f"公用经费{money(b.public_expenses)}万元，主要包括：{public_names}。"))
    # 七 项目
    out.append(Heading(f"七、关于{name}{year}年一般公共预算项目支出情况说明", 2))
    for i, p in enumerate(b.current(), start=1):
        allocation = "；".join(f"{item}{money(v)}万元" for item, v in p.allocations)
        out += [Para(f"（{numeral(i)}）项目名称：{p.name}"), Para(f"设立的政策依据：{_policy_text(p)}"),
                Para(f"预算安排规模：{money(p.amount)}万元"), Para(f"项目承担单位：{name}"),
                Para(f"资金分配情况：{allocation}。"), Para(f"资金执行时间：{year}年1月1日-{year}年12月31日")]
    # 八 九
    out.append(Heading(f"八、关于{name}{year}年政府性基金预算拨款情况说明", 2))
    out.append(Para(f"{name}{year}年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。"))
    out.append(Heading(f"九、关于{name}{year}年国有资本经营预算拨款情况说明", 2))
    out.append(Para(f"{name}{year}年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。"))
    # 十 三公
    t = b.three_public
    said = {k: b.printed("说明十", k, "total", v) for k, v in t.items()}
    total_said = b.printed("说明十", "total", "total", b.three_public_total)
    out.append(Heading(f"十、关于{name}{year}年财政拨款“三公”经费预算情况说明", 2))
    out.append(Para(f"{name}{year}年财政拨款“三公”经费数为{money(total_said)}万元，其中：因公出国（境）费"
                    f"{money(said['overseas'])}万元，公务用车购置费{money(said['vehicle_purchase'])}万元，公务用车运行费"
                    f"{money(said['vehicle_operation'])}万元，公务接待费{money(said['reception'])}万元。"))
    tp_before = prior.three_public_total if prior else None
    out.append(Para(f"{year}年财政拨款“三公”经费预算{change(b.three_public_total, tp_before)}，"
                    f"{_reason(b.three_public_total, tp_before, '公务用车运行和公务接待需求')}"))
    # 十一 结转
    out.append(Heading(f"十一、关于{name}{year}年上年结转结余预算情况说明", 2))
    if b.carried():
        out.append(Para(f"{name}{year}年上年结转结余{money(b.carryover_total)}万元，包括：财政拨款"
                        f"{money(b.carryover_fiscal)}万元，非财政拨款{money(b.carryover_nonfiscal)}万元，其中："))
        for i, p in enumerate(b.carried(), start=1):
            out.append(Para(f"{i}．{p.name}  {money(p.amount)}万元，主要用于：{p.purpose}。"))
    else:
        out.append(Para(f"{name}{year}年无上年结转结余预算的支出，结转结余预算支出情况表为空表。"))
    # 十二 其他
    out.append(Heading("十二、其他重要事项的情况说明", 2))
    out.append(Heading("(一) 单位运行经费情况", 2))
    op_before = prior.public_expenses if prior else None
    out.append(Para(f"{name}{year}年的机关运行经费财政拨款预算{money(b.public_expenses)}万元，"
                    f"{change(b.public_expenses, op_before)}，{_reason(b.public_expenses, op_before, '日常公用经费')}"))
    pr = b.procurement
    out.append(Heading("(二) 政府采购情况", 2))
    out.append(Para(f"{year}年，{name}政府采购预算{money(pr['goods'] + pr['works'] + pr['services'])}万元，其中："
                    f"政府采购货物预算{money(pr['goods'])}万元，政府采购工程预算{money(pr['works'])}万元，"
                    f"政府采购服务预算{money(pr['services'])}万元。"))
    out.append(Heading("(四) 预算绩效情况", 2))
    out.append(Para(f"{year}年，本部门预算绩效管理整体预算绩效目标1个，涉及预算金额{money(b.total)}万元；当年预算安排项目共"
                    f"{len(b.current())}个，其中：财政拨款项目涉及预算金额{money(b.current_projects_total)}万元。"
                    f"具体情况见下表："))
    out += department_performance(b)
    for p in b.current():
        out += project_performance(b, p)
    out.append(Heading("(五) 其他需说明的事项", 2))
    out.append(Para("本部门无其他需说明事项。"))
    return out


def _target(text: str) -> str:
    """Comparison signs as the template prints them (full-width ＞/＜ before ``=``)."""
    return text.replace(">=", "＞=").replace("<=", "＜=")


_INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重",
                     "指标赋分规则", "佐证资料"]


def _indicator_rows(indicators) -> tuple[list[list[str]], list]:
    """Rows of indicators with 一级/二级 printed once per run (merged cells), and their spans."""
    rows, spans = [], []
    first = {}
    for i, ind in enumerate(indicators):
        l1 = ind.level1 if (i == 0 or indicators[i - 1].level1 != ind.level1) else ""
        l2 = ind.level2 if (i == 0 or indicators[i - 1].level2 != ind.level2 or l1) else ""
        rule = "满意度赋分" if ind.level1 == "满意度指标" else (
            "按评判等级赋分" if ind.level1 == "效益指标" else "按照完成比例赋分")
        evidence = "原始凭证" if ind.level1 == "成本指标" else "工作资料"
        rows.append([l1, l2, ind.name, _target(ind.target or ""), ind.basis or "计划标准", "/",
                     f"{ind.weight:.0f}", rule, evidence])
        first.setdefault(("1", ind.level1), i)
        first.setdefault(("2", ind.level1, ind.level2), i)
    return rows, spans


def project_performance(b: Budget, p: ProjectPlan) -> list[Block]:
    rows, _ = _indicator_rows(p.indicators)
    amount = money(p.amount)
    meta = [["预算单位", b.department.name, "", "", "", "", "", "", ""],
            ["项目名称", p.name, "", "", "", "", "项目负责人", p.person or "", ""],
            ["项目资金(万元)", "年度预算总额", amount, "", "", "", "", "", ""],
            ["", "其中：财政拨款", amount, "其他资金", "0.00", "", "", "", ""],
            ["项目总体目标", f"{b.year}年{p.purpose}，确保项目资金使用规范、绩效目标按期实现。", "", "", "", "", "", "", ""],
            _INDICATOR_HEADER]
    spans = [((1, 0), (8, 0)), ((1, 1), (5, 1)), ((7, 1), (8, 1)), ((2, 2), (8, 2)), ((5, 3), (8, 3)),
             ((1, 4), (8, 4)), ((0, 2), (0, 3))]
    table = TableBlock(header=[], body=meta + rows, widths=[2, 2, 5, 2.4, 2.6, 1.8, 1.6, 2.6, 2], spans=spans,
                       wrap=(1, 2, 4, 7))
    return [PageBreak(), Heading("项目支出绩效目标表", 2), Para(f"（{b.year}年）"), table]


def department_performance(b: Budget) -> list[Block]:
    upper = b.upper_level_transfer
    own = b.general_public_budget - upper + b.carryover_fiscal
    other = b.carryover_nonfiscal
    rows = []
    for i, ind in enumerate(b.department_goals):
        rows.append([ind.level1 if i == 0 else "", ind.level2, ind.name, _target(ind.target or ""), ind.basis or "",
                     f"{ind.weight:.0f}"])
    meta = [["部门名称（盖章）", b.department.name, "", "", "", ""],
            ["部门联系人", b.contact or "", "联系电话", "", "", ""],
            ["年度绩效目标", f"{b.year}年全面履行部门职责，完成年度重点工作任务，提升财政资金使用效益。", "", "", "", ""],
            ["年度预算(万元)", "资金来源", "", "资金总额（万元）", "", ""],
            ["", "财政资金（万元）", "上级安排", money(upper), "", ""],
            ["", "", "本级安排", money(own), "", ""],
            ["", "其他资金（万元）", "其他", money(other), "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重"]]
    table = TableBlock(header=[], body=meta + rows, widths=[2.4, 2.4, 6, 2.4, 4, 1.6],
                       spans=[((1, 0), (5, 0)), ((1, 2), (5, 2))], wrap=(1, 2, 4))
    return [PageBreak(), Heading("部门整体绩效目标表", 2), Para(f"（{b.year}年）"), table]


def definitions() -> list[Block]:
    return [PageBreak(), Heading("第四部分 名词解释", 1),
            Para("一、财政拨款:指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"),
            Para("二、基本支出:包括人员经费、公用经费（定额）。其中，人员经费包括工资福利支出、对个人和家庭的补助。"),
            Para("三、项目支出:部门（单位）支出预算的组成部分，是各部门（单位）为完成其特定的行政任务或事业发展目标，"
                 "在基本支出预算之外编制的年度项目支出计划。"),
            Para("四、“三公”经费:指部门（单位）因公出国（境）费、公务用车购置及运行维护费和公务接待费。"),
            Para("五、机关运行经费:指行政单位（含参照公务员法管理事业单位）的公用经费。")]


def layout(b: Budget) -> list[Block]:
    """The whole disclosure."""
    return (profile(b) + table1(b) + table2(b) + table3(b) + table5(b) + table6(b) + table7(b)
            + empty_fund_table(b, "表8", "政府性基金预算支出情况表", "政府性基金预算")
            + empty_fund_table(b, "表9", "国有资本经营预算支出情况表", "国有资本经营预算")
            + table10(b) + table11(b) + narrative(b) + definitions()
            + [Para(b.department.name), Para(f"{b.year - 1}年12月{10 + b.year % 18}日")])


TEMPLATE = Template(name="xinjiang", title="新疆 部门预算公开 (表1–表11, 情况说明, 绩效目标表)", layout=layout,
                    unit="万元", default=True, carryover=True,
                    error_kinds=("rounding_gap", "code_misprint", "narrative_three_public"))
