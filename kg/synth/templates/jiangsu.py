"""The Jiangsu template (``../shared/realdocs/jiangsu``): 公开01表–公开12表 and the 情况说明.

As the province's 部门预算公开 prints it (on landscape pages here; the published ones are
portrait): tables that follow one another without a page break each, so a long one continues on
the next page with its head repeated, the
functional and economic tables with one 金额 column and whole codes (``2040501``), the 三公 table
with 会议费 and 培训费 beside it, 政府采购 by 货物/工程/服务, and a narrative whose figures drop
their trailing zeros (``21968 万元``, ``5011.4 万元``). No project is named and nothing is carried
over; the record of such a document has no projects and its classification rows only totals.
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import (EconomicSubject, FunctionalSubject, PolicyDocument, Procurement, Profile, Record,
                              Staffing, ThreePublic, Totals)
from kg.synth.budget import ZERO, Budget
from kg.synth.layout import Block, Heading, PageBreak, Para, TableBlock, money
from kg.synth.rows import add_up, economic_rows, functional_rows
from kg.synth.subjects import ECONOMIC_NAMES, FUNCTIONAL_NAMES
from kg.synth.templates import Template

# 公开01表's 功能分类 column: the 类 by Chinese ordinal, as the province lists them
SUMMARY_CLASSES = [("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
                   ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"),
                   ("208", "社会保障和就业支出"), ("210", "卫生健康支出"), ("211", "节能环保支出"),
                   ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
                   ("215", "资源勘探信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"),
                   ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"),
                   ("224", "灾害防治及应急管理支出"), ("229", "其他支出")]
ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六",
            "十七", "十八", "十九", "二十", "二十一"]
NOTE = "注：“科目编码”和“科目名称”为必填项。"


def plain(value: Decimal) -> str:
    """A narrative figure as the province prints it: no separators, trailing zeros dropped."""
    text = f"{value.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def approval(b: Budget) -> PolicyDocument:
    """The finance department's approval the narrative cites (苏财预〔2019〕7号)."""
    n = 3 + (b.year * 7 + len(b.department.name)) % 40
    return PolicyDocument(title=f"《江苏省财政厅关于{b.year}年省级部门预算的批复》", number=f"苏财预〔{b.year}〕{n}号")


def _meeting_training(b: Budget) -> tuple[Decimal, Decimal]:
    by_code = {c: q for c, _, q in b.economic if q is not None}
    return by_code.get("30215", ZERO), by_code.get("30216", ZERO)


# --- tables ------------------------------------------------------------------------------------

def _head(b: Budget, label: str, title: str) -> list[Block]:
    return [Heading(label, 3), Heading(title, 2), Para(f"部门名称：{b.department.name} 单位：万元")]


def table01(b: Budget) -> list[Block]:
    classes = {code: add_up([basic, project]) for code, basic, project in functional_rows(b, False) if len(code) == 3}
    left = [("一、财政拨款", b.total), ("1.一般公共预算", b.total), ("2.政府性基金预算", None),
            ("二、财政专户管理资金", None), ("三、其他资金", None)]
    middle = [(f"{ORDINALS[i]}、{name}", classes.get(code)) for i, (code, name) in enumerate(SUMMARY_CLASSES)]
    right = [("一、基本支出", b.basic_total), ("二、项目支出", b.project_total or None), ("三、单位预留机动经费", None)]
    body = []
    for i in range(len(middle)):
        ln, lv = left[i] if i < len(left) else ("", None)
        mn, mv = middle[i]
        rn, rv = right[i] if i < len(right) else ("", None)
        body.append([ln, money(lv), mn, money(mv), rn, money(rv)])
    body += [["当年收入小计", money(b.total), "当年支出小计", money(b.total), "", ""],
             ["上年结转资金", "", "结转下年资金", "", "", ""],
             ["收入合计", money(b.total), "支出合计", money(b.total), "", ""]]
    header = [["收入", "", "支出", "", "", ""], ["", "", "功能分类", "", "支出用途", ""],
              ["项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"]]
    spans = [((0, 0), (1, 1)), ((2, 0), (5, 0)), ((2, 1), (3, 1)), ((4, 1), (5, 1)),
             ((2, len(header) + len(middle)), (5, len(header) + len(middle))),
             ((2, len(header) + len(middle) + 2), (5, len(header) + len(middle) + 2))]
    # the totals rows: 支出 side label and figure span the two expenditure groups
    body[len(middle)] = ["当年收入小计", money(b.total), "当年支出小计", "", "", money(b.total)]
    body[len(middle) + 2] = ["收入合计", money(b.total), "支出合计", "", "", money(b.total)]
    spans = [((0, 0), (1, 1)), ((2, 0), (5, 0)), ((2, 1), (3, 1)), ((4, 1), (5, 1)),
             ((2, len(header) + len(middle)), (4, len(header) + len(middle))),
             ((2, len(header) + len(middle) + 1), (4, len(header) + len(middle) + 1)),
             ((2, len(header) + len(middle) + 2), (4, len(header) + len(middle) + 2))]
    table = TableBlock(header=header, body=body, widths=[4, 2.2, 5, 2.2, 3.6, 2.2], spans=spans, wrap=(0, 2, 4))
    return [PageBreak(), Heading(f"第二部分 {b.year}年度部门预算表", 1)] + _head(b, "公开01表", "收支预算总表") + [table]


def table02(b: Budget) -> list[Block]:
    t = money(b.total)
    body = [["收入总计", "", t], ["一般公共预算资金", "小计", t], ["", "公共财政拨款（补助）资金", t],
            ["", "专项收入", ""], ["政府性基金", "小计", ""], ["财政专户管理资金", "小计", ""],
            ["", "专户管理教育收费", ""], ["", "其他非税收入", ""], ["其他资金", "小计", ""], ["", "事业收入", ""],
            ["", "经营收入", ""], ["", "其他收入", ""], ["债务资金（银行贷款）", "", ""],
            ["上年结转和结余资金", "小计", ""], ["", "其中：动用上年结转和结余资金", ""]]
    table = TableBlock(header=[["项目名称", "", "金额"]], body=body, widths=[5, 6, 3],
                       spans=[((0, 0), (1, 0)), ((0, 1), (1, 1))], wrap=(0, 1))
    return [PageBreak()] + _head(b, "公开02表", "收入预算总表") + [table]


def table03(b: Budget) -> list[Block]:
    table = TableBlock(header=[["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"]],
                       body=[[money(b.total), money(b.basic_total), money(b.project_total or None), "", ""]],
                       widths=[3, 3, 3, 3, 3])
    return _head(b, "公开03表", "支出预算总表") + [table]


def table04(b: Budget) -> list[Block]:
    body = [["一、一般公共预算", money(b.total), "一、基本支出", money(b.basic_total)],
            ["二、政府性基金预算", "", "二、项目支出", money(b.project_total or None)],
            ["", "", "三、单位预留机动经费", ""],
            ["收入合计", money(b.total), "支出合计", money(b.total)]]
    header = [["收入", "", "支出", ""], ["", "", "支出用途", ""], ["项目名称", "金额", "项目名称", "金额"]]
    table = TableBlock(header=header, body=body, widths=[5, 3, 5, 3],
                       spans=[((0, 0), (1, 1)), ((2, 0), (3, 0)), ((2, 1), (3, 1))], wrap=(0, 2))
    return [PageBreak()] + _head(b, "公开04表", "财政拨款收支预算总表") + [table]


def _functional_table(b: Budget, label: str, title: str) -> list[Block]:
    body = [["合计", "", money(b.total)]]
    body += [[code, FUNCTIONAL_NAMES[code], money(add_up([basic, project]))]
             for code, basic, project in functional_rows(b, False)]
    table = TableBlock(header=[["功能科目编码", "功能科目名称", "金 额"]], body=body, widths=[3, 9, 3],
                       spans=[((0, 1), (1, 1))], wrap=(1,))
    return _head(b, label, title) + [table, Para(NOTE)]


def _economic_table(b: Budget, label: str, title: str, column: str) -> list[Block]:
    body = [["合计", "", money(b.basic_total)]]
    body += [[code, ECONOMIC_NAMES[code], money(add_up([p, q]))] for code, p, q in economic_rows(b)]
    table = TableBlock(header=[["科目编码", "科目名称", column]], body=body, widths=[3, 9, 3],
                       spans=[((0, 1), (1, 1))], wrap=(1,))
    return _head(b, label, title) + [table, Para(NOTE)]


def table09(b: Budget) -> list[Block]:
    t = b.three_public
    meeting, training = _meeting_training(b)
    vehicles = t["vehicle_purchase"] + t["vehicle_operation"]
    row = [b.three_public_total + meeting + training, b.three_public_total, t["overseas"], vehicles,
           t["vehicle_purchase"], t["vehicle_operation"], t["reception"], meeting, training]
    header = [["合计", "“三公”经费", "", "", "", "", "", "会议费", "培训费"],
              ["", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费", "", ""],
              ["", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""]]
    spans = [((0, 0), (0, 2)), ((1, 0), (6, 0)), ((7, 0), (7, 2)), ((8, 0), (8, 2)), ((1, 1), (1, 2)),
             ((2, 1), (2, 2)), ((3, 1), (5, 1)), ((6, 1), (6, 2))]
    table = TableBlock(header=header, body=[[money(v) for v in row]], widths=[2.2] * 9, spans=spans)
    return [PageBreak()] + _head(b, "公开09表", "“三公”经费、会议费、培训费支出预算表") + [table]


def table10(b: Budget) -> list[Block]:
    table = TableBlock(header=[["功能科目编码", "功能科目名称", "金 额"]], body=[["合 计", "", "0"]],
                       widths=[3, 9, 3], spans=[((0, 1), (1, 1))])
    return _head(b, "公开10表", "政府性基金预算财政拨款支出预算表") + [table, Para(NOTE)]


def table11(b: Budget) -> list[Block]:
    public = [(c, q) for c, _, q in b.economic if q is not None]
    body = [["合计", "", money(b.public_expenses)], ["302", ECONOMIC_NAMES["302"], money(b.public_expenses)]]
    body += [[c, ECONOMIC_NAMES[c], money(q)] for c, q in public]
    table = TableBlock(header=[["科目编码", "科目名称", "机关运行经费支出"]], body=body, widths=[3, 9, 3],
                       spans=[((0, 1), (1, 1))], wrap=(1,))
    return [PageBreak()] + _head(b, "公开11表", "一般公共预算机关运行经费支出预算表") + [table]


def table12(b: Budget) -> list[Block]:
    pr = b.procurement
    total = pr["goods"] + pr["works"] + pr["services"]
    body = [["合计", "", "", "", "", money(total)]]
    for label, key, item, form in (("一、货物A", "goods", "办公设备购置", "政府集中采购"),
                                   ("二、工程B", "works", "修缮工程", "部门集中采购"),
                                   ("三、服务C", "services", "运行维护服务", "分散自行组织")):
        body.append([label, "", "", "", "", money(pr[key])])
        if not pr[key]:
            continue
        body.append(["", "商品和服务支出", "维修（护）费" if key != "goods" else "办公设备购置", item, form,
                     money(pr[key])])
    header = [["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"]]
    table = TableBlock(header=header, body=body, widths=[2.6, 3.4, 3, 3.4, 3, 2.6], wrap=(0, 1, 2, 3, 4))
    return [PageBreak()] + _head(b, "公开12表", "政府采购支出预算表") + [table]


# --- narrative -----------------------------------------------------------------------------------

def _change(current: Decimal, before: Decimal | None) -> str:
    before = before or ZERO
    diff = current - before
    if before == ZERO:
        return f"与上年相比增加{plain(diff)}万元，增长100%"
    pct = (abs(diff) / before * 100).quantize(Decimal("0.01"))
    if diff >= 0:
        return f"与上年相比增加{plain(diff)}万元，增长{pct}%"
    return f"与上年相比减少{plain(-diff)}万元，减少{pct}%"


def profile(b: Budget) -> list[Block]:
    d = b.department
    out: list[Block] = [Heading(d.name, 0), Heading(f"{b.year}年度部门预算公开", 0), PageBreak(),
                        Heading("第一部分 部门概况", 1), Heading("一、主要职能", 2), Para(d.kind.functions),
                        Heading("二、部门机构设置和预算单位构成情况", 2)]
    units = d.subordinate_units
    out.append(Para(f"根据部门职责分工，本部门包括{len(d.divisions)}个内设机构" +
                    (f"、{len(units)}个下属事业单位" if units else "") + "，具体包括："))
    out.append(Para("（一）机关内设机构"))
    out += [Para(f"{i}、{name}") for i, name in enumerate(d.divisions, start=1)]
    if units:
        out.append(Para("（二）下属事业单位"))
        out += [Para(f"{i}、{name}") for i, name in enumerate(units, start=1)]
    members = "、".join([f"{d.name}机关（本级）"] + list(units))
    out.append(Para(f"从预算单位构成看，纳入本部门{b.year}年度部门汇总预算编制范围的预算单位共{len(units) + 1}家，"
                    f"具体包括：{members}。"))
    out += [Heading(f"三、{b.year}年部门主要工作任务及目标", 2),
            Para(f"{b.year}年，{d.name}将认真贯彻落实省委、省政府决策部署，全面履行部门职责，"
                 f"扎实推进各项重点工作，努力完成年度目标任务。")]
    return out


def narrative(b: Budget) -> list[Block]:
    d, year, prior = b.department, b.year, b.prior
    name = d.name
    before_total = prior.total if prior else None
    doc = approval(b)
    out: list[Block] = [PageBreak(), Heading(f"第三部分 {year}年度部门预算情况说明", 1),
                        Heading("一、收支预算总体情况说明", 2),
                        Para(f"反映部门年度总体收支预算情况。根据{doc.title}（{doc.number}）填列。"),
                        Para(f"{name}{year}年度收入、支出预算总计{plain(b.total)}万元，与上年相比收、支预算总计各"
                             f"{_change(b.total, before_total)[5:]}。其中："),
                        Para(f"（一）收入预算总计{plain(b.total)}万元。包括："),
                        Para(f"1．财政拨款收入预算总计{plain(b.total)}万元。"),
                        Para(f"一般公共预算收入预算{plain(b.total)}万元，{_change(b.total, before_total)}。"
                             f"主要原因是人员经费和项目经费安排变化。"),
                        Para(f"（二）支出预算总计{plain(b.total)}万元。包括：")]
    prior_classes = {c: add_up([x, y]) for c, x, y in functional_rows(prior, False)} if prior else {}
    n = 0
    for code, basic, project in functional_rows(b, False):
        if len(code) != 3:
            continue
        n += 1
        value = add_up([basic, project]) or ZERO
        out.append(Para(f"{n}．{FUNCTIONAL_NAMES[code].removesuffix('支出')}（类）支出{plain(value)}万元，主要用于"
                        f"人员支出、日常公用支出和项目支出。{_change(value, prior_classes.get(code))}。"))
    basic_before = prior.basic_total if prior else None
    project_before = prior.project_total if prior else None
    out.append(Para(f"此外，基本支出预算数为{plain(b.basic_total)}万元。{_change(b.basic_total, basic_before)}。"
                    f"主要原因是人员经费变化。"))
    out.append(Para(f"项目支出预算数为{plain(b.project_total)}万元。{_change(b.project_total, project_before)}。"
                    f"主要原因是项目经费安排变化。"))
    share = lambda v: (v / b.total * 100).quantize(Decimal("0.01")) if b.total else ZERO  # noqa: E731
    out += [Heading("二、收入预算情况说明", 2), Para(f"反映{name}{year}年度总体收入预算情况。"),
            Para(f"{name}本年收入预算合计{plain(b.total)}万元，其中："),
            Para(f"一般公共预算收入{plain(b.total)}万元，占100%；"),
            Heading("三、支出预算情况说明", 2), Para(f"反映{name}{year}年度总体支出预算情况。"),
            Para(f"{name}本年支出预算合计{plain(b.total)}万元，其中："),
            Para(f"基本支出{plain(b.basic_total)}万元，占{share(b.basic_total)}%；"),
            Para(f"项目支出{plain(b.project_total)}万元，占{share(b.project_total)}%；"),
            Heading("四、财政拨款收支预算总体情况说明", 2),
            Para(f"{name}{year}年度财政拨款收、支总预算{plain(b.total)}万元。"),
            Heading("五、财政拨款支出预算情况说明", 2),
            Para(f"{name}{year}年财政拨款预算支出{plain(b.total)}万元，占本年支出合计的100%。其中：")]
    prior_items = {c: add_up([x, y]) for c, x, y in functional_rows(prior, False) if len(c) == 7} if prior else {}
    rows = [r for r in functional_rows(b, False)]
    for cls in [c for c, _, _ in rows if len(c) == 3]:
        out.append(Para(f"（{ORDINALS[[c for c, _, _ in rows if len(c) == 3].index(cls)]}）{FUNCTIONAL_NAMES[cls]}（类）"))
        k = 0
        for code, basic, project in rows:
            if len(code) != 7 or not code.startswith(cls):
                continue
            k += 1
            value = add_up([basic, project]) or ZERO
            out.append(Para(f"{k}．{FUNCTIONAL_NAMES[code[:5]]}（款）{FUNCTIONAL_NAMES[code]}（项）支出{plain(value)}万元，"
                            f"{_change(value, prior_items.get(code))}。主要原因是该科目资金安排变化。"))
    personnel_names = "、".join(ECONOMIC_NAMES[c] for c, p, _ in b.economic if p is not None)
    public_names = "、".join(ECONOMIC_NAMES[c] for c, _, q in b.economic if q is not None)
    for number, kind in (("六", "财政拨款基本支出"), ("八", "一般公共预算基本支出")):
        if number == "八":
            out += [Heading("七、一般公共预算支出预算情况说明", 2),
                    Para(f"{name}{year}年一般公共预算财政拨款支出预算{plain(b.total)}万元，"
                         f"{_change(b.total, before_total)}。")]
        out += [Heading(f"{number}、{kind}预算情况说明", 2),
                Para(f"{name}{year}年度{kind}预算{plain(b.basic_total)}万元，其中："),
                Para(f"（一）人员经费{plain(b.personnel)}万元。主要包括：{personnel_names}。"),
                Para(f"（二）公用经费{plain(b.public_expenses)}万元。主要包括：{public_names}。")]
    t = b.three_public
    meeting, training = _meeting_training(b)
    out += [Heading("九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明", 2),
            Para(f"{name}{year}年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出"
                 f"{plain(t['overseas'])}万元；公务用车购置及运行维护费支出"
                 f"{plain(t['vehicle_purchase'] + t['vehicle_operation'])}万元；公务接待费支出{plain(t['reception'])}万元。"
                 f"具体情况如下："),
            Para(f"1．因公出国（境）费预算支出{plain(t['overseas'])}万元。"),
            Para(f"2．公务用车购置及运行费预算支出{plain(t['vehicle_purchase'] + t['vehicle_operation'])}万元。其中："),
            Para(f"（1）公务用车购置预算支出{plain(t['vehicle_purchase'])}万元。"),
            Para(f"（2）公务用车运行维护费预算支出{plain(t['vehicle_operation'])}万元。"),
            Para(f"3．公务接待费预算支出{plain(t['reception'])}万元。"),
            Para(f"{name}{year}年度一般公共预算拨款安排的会议费预算支出{plain(meeting)}万元。"),
            Para(f"{name}{year}年度一般公共预算拨款安排的培训费预算支出{plain(training)}万元。"),
            Heading("十、政府性基金预算支出预算情况说明", 2),
            Para(f"{name}{year}年政府性基金支出预算支出0万元。"),
            Heading("十一、一般公共预算机关运行经费支出预算情况说明", 2),
            Para(f"{year}年本部门一般公共预算机关运行经费预算支出{plain(b.public_expenses)}万元，"
                 f"{_change(b.public_expenses, prior.public_expenses if prior else None)}。"),
            Heading("十二、政府采购支出预算情况说明", 2)]
    pr = b.procurement
    out += [Para(f"{year}年政府采购预算总金额为{plain(pr['goods'] + pr['works'] + pr['services'])}万元。其中拟采购货物"
                 f"支出{plain(pr['goods'])}万元；拟采购工程支出{plain(pr['works'])}万元；拟采购服务支出"
                 f"{plain(pr['services'])}万元。"),
            Heading("十三、国有资产占用情况", 2),
            Para(f"本部门共有车辆{2 + len(name) % 5}辆，其中，一般公务用车{1 + len(name) % 3}辆。"),
            Heading("十四、预算绩效目标设置情况说明", 2),
            Para(f"{year}年本部门实行整体支出绩效目标管理，涉及财政性资金合计{plain(b.total)}万元。"),
            Heading("第四部分 名词解释", 1),
            Para("一、财政拨款：指一般公共预算财政拨款和政府性基金预算财政拨款。"),
            Para("二、基本支出：指为保障机构正常运转、完成工作任务而发生的人员支出和公用支出。"),
            Para("三、项目支出：指在基本支出之外为完成特定工作任务和事业发展目标所发生的支出。")]
    return out


def layout(b: Budget) -> list[Block]:
    return (profile(b) + table01(b) + table02(b) + table03(b) + table04(b)
            + [PageBreak()] + _functional_table(b, "公开05表", "财政拨款支出预算表（功能科目）")
            + _economic_table(b, "公开06表", "财政拨款基本支出预算表（经济科目）", "金额")
            + _functional_table(b, "公开07表", "一般公共预算支出预算表（功能科目）")
            + _economic_table(b, "公开08表", "一般公共预算基本支出预算表（经济科目）", "金额")
            + table09(b) + table10(b) + table11(b) + table12(b) + narrative(b))


def truth(b: Budget, source: str) -> Record:
    """What a Jiangsu document promises: its tables' single 金额 column, no project, no carryover."""
    d, t = b.department, b.three_public
    meeting, training = _meeting_training(b)
    totals = Totals(
        income_total=b.total, expenditure_total=b.total, current_year_income=b.total, general_public_budget=b.total,
        fiscal_total=b.total,  # 一、财政拨款 over its budgets
        carryover_total=ZERO, basic_expenditure=b.basic_total, personnel=b.personnel,
        public_expenses=b.public_expenses, project_expenditure=b.project_total, operating_expenses=b.public_expenses,
        three_public=ThreePublic(total=b.three_public_total, overseas=t["overseas"], reception=t["reception"],
                                 vehicles=t["vehicle_purchase"] + t["vehicle_operation"],
                                 vehicle_purchase=t["vehicle_purchase"], vehicle_operation=t["vehicle_operation"]),
        procurement=Procurement(total=sum(b.procurement.values(), ZERO), goods=b.procurement["goods"],
                                works=b.procurement["works"], services=b.procurement["services"]))
    functional = [FunctionalSubject(c, FUNCTIONAL_NAMES[c], total=add_up([x, y])) for c, x, y in functional_rows(b, False)]
    economic = [EconomicSubject(c, ECONOMIC_NAMES[c], total=add_up([p, q])) for c, p, q in economic_rows(b)]
    return Record(source=source, department=d.name, year=b.year, kind="部门预算", unit="万元",
                  profile=Profile(divisions=list(d.divisions), staffing=Staffing(),
                                  subordinate_units=list(d.subordinate_units)),
                  totals=totals, functional_subjects=functional, economic_subjects=economic,
                  policy_documents=[approval(b)], files=[source])


TEMPLATE = Template(name="jiangsu", title="江苏 部门预算公开 (公开01表–公开12表, 情况说明)", layout=layout, unit="万元",
                    default=True, formats=("pdf",), carryover=False, truth=truth)
