"""深圳: 表1–表11 收支总表 … with the 预算单位 named on the first column of each table, 基本支出总表
and 项目支出总表 by source of funds."""
from kg.extract.profiles.model import LabelRule, TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="shenzhen",
    description="深圳 部门预算: 表1 收支总表 … 表11 国有资本经营预算支出表",
    numbering=(r"表\d{1,2}",),
    tables=(
        TableSpec("表1", "收支总表", "summary"),
        TableSpec("表2", "收入总表", "income"),
        TableSpec("表3", "支出总表", "expenditure"),
        TableSpec("表4", "基本支出总表", "basic_expenditure_economic"),
        TableSpec("表5", "项目支出总表", "project_expenditure"),
        TableSpec("表6", "财政拨款收支总表", "fiscal_summary"),
        TableSpec("表7", "一般公共预算支出表（按功能分类）", "general_budget_expenditure"),
        TableSpec("表8", "一般公共预算支出表（按经济分类）", "general_budget_economic"),
        TableSpec("表9", "财政拨款“三公”经费支出表", "three_public"),
        TableSpec("表10", "政府性基金预算支出表", "government_fund"),
        TableSpec("表11", "国有资本经营预算支出表", "state_capital"),
    ),
    income_labels=(LabelRule(r"上年结余、?结转", "carryover_total"),
                   LabelRule(r"财政拨款结余、?结转", "carryover_fiscal", "carryover"),
                   LabelRule(r"非财政拨款结余、?结转", "carryover_nonfiscal", "carryover")),
    narrative_anchors=(r"^[一二三四五六七八九十]+、", r"^（[一二三四五六七八九十]+）"),
    signature=("基本支出总表", "项目支出总表", "上年结余、结转"),
)
