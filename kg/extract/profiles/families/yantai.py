"""山东 烟台: 公开表1–公开表12 …情况表, 部门（单位）：X; 基本支出预算情况表, 项目支出预算情况表,
政府采购预算表."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="yantai",
    description="烟台 部门预算: 公开表1 收支总体情况表 … 公开表12 政府采购预算表",
    numbering=(r"公开表\d{1,2}",),
    tables=(
        TableSpec("公开表1", "收支总体情况表", "summary"),
        TableSpec("公开表2", "收入总体情况表", "income"),
        TableSpec("公开表3", "支出总体情况表", "expenditure"),
        TableSpec("公开表4", "财政拨款收支总体情况表", "fiscal_summary"),
        TableSpec("公开表5", "一般公共预算支出情况表", "general_budget_expenditure"),
        TableSpec("公开表6", "一般公共预算基本支出情况表", "basic_economic"),
        TableSpec("公开表7", "一般公共预算“三公”经费支出情况表", "three_public"),
        TableSpec("公开表8", "政府性基金预算支出情况表", "government_fund"),
        TableSpec("公开表9", "国有资本经营预算支出情况表", "state_capital"),
        TableSpec("公开表10", "基本支出预算情况表", "basic_expenditure_economic"),
        TableSpec("公开表11", "项目支出预算情况表", "project_expenditure"),
        TableSpec("公开表12", "政府采购预算表", "procurement"),
    ),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、"),
    signature=("公开表\\d", "部门（单位）："),
)
