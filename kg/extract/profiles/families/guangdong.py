"""广东 (广州, 珠海): 表1–表12 …情况表, 收入 with a 财政专户拨款 column, subject codes printed in
brackets (``[201]一般公共服务支出``), 三公 with 行政经费; 表7 is 项目支出 by economic subject."""
from kg.extract.profiles.model import LabelRule, TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="guangdong",
    description="广州/珠海 部门预算: 表1 收支总体情况表 … 表12 部门预算项目支出及其他支出预算表",
    numbering=(r"表\d{1,2}",),
    tables=(
        TableSpec("表1", "收支总体情况表", "summary"),
        TableSpec("表2", "收入总体情况表", "income"),
        TableSpec("表3", "本年支出总体情况表", "expenditure"),
        TableSpec("表4", "财政拨款收支总体情况表", "fiscal_summary"),
        TableSpec("表5", "一般公共预算支出情况表（按功能分类科目）", "general_budget_expenditure"),
        TableSpec("表6", "一般公共预算基本支出情况表（按经济分类科目）", "basic_economic"),
        TableSpec("表7", "一般公共预算项目支出情况表（按经济分类科目）", "project_economic"),
        TableSpec("表8", "财政拨款安排的行政经费及“三公”经费预算表", "three_public"),
        TableSpec("表9", "政府性基金预算支出情况表", "government_fund"),
        TableSpec("表10", "国有资本经营预算支出情况表", "state_capital"),
        TableSpec("表11", "部门预算基本支出预算表", "basic_expenditure_economic"),
        TableSpec("表12", "部门预算项目支出及其他支出预算表", "project_expenditure"),
    ),
    # ``一、预算拨款`` is the whole 财政拨款 (表1's note: 一般公共预算、政府性基金预算、国有资本经营预算);
    # 表4 splits it
    income_labels=(LabelRule(r"财政专户(?:拨款|核拨)(?:收入)?", "fiscal_special", "current"),
                   LabelRule(r"预算拨款(?:收入)?", "fiscal_total", "current")),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、"),
    signature=("财政专户拨款", "行政经费及“三公”经费", "部门预算项目支出及其他支出预算表"),
)
