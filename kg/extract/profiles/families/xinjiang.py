"""新疆 (the corpus's 昌吉州 / 克州 budgets): 表1–表11, 部门…总体情况表, in 万元."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="xinjiang",
    description="新疆 部门预算公开: 表1 部门收支总体情况表 … 表11 上年结转结余情况明细表",
    numbering=(r"表\d{1,2}",),
    tables=(
        TableSpec("表1", "部门收支总体情况表", "summary"),
        TableSpec("表2", "部门收入总体情况表", "income"),
        TableSpec("表3", "部门支出总体情况表", "expenditure"),
        TableSpec("表4", "财政拨款收支总体情况表", "fiscal_summary"),
        TableSpec("表5", "一般公共预算支出情况表", "general_budget_expenditure"),
        TableSpec("表6", "一般公共预算基本支出情况表", "basic_economic"),
        TableSpec("表7", "一般公共预算项目支出情况表", "project_expenditure"),
        TableSpec("表8", "政府性基金预算支出情况表", "government_fund"),
        TableSpec("表9", "国有资本经营预算支出情况表", "state_capital"),
        TableSpec("表10", "财政拨款“三公”经费支出情况表", "three_public"),
        TableSpec("表11", "上年结转结余情况明细表", "carryover"),
    ),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、关于.+说明$"),
    signature=("部门收支总体情况表", "上年结转结余情况明细表", "一般公共预算项目支出情况表"),
)
