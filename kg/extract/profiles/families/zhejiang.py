"""浙江 (杭州, 湖州): 表1–表11 / 表01–表11 市级部门…预算表; 杭州 prints subject names without
codes (类 codes from the national classification)."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="zhejiang",
    description="杭州/湖州 市级部门预算: 表1 收支预算总表 … 表11 项目支出绩效表",
    numbering=(r"表\d{1,2}",),
    tables=(
        TableSpec("表1", "市级部门收支预算总表", "summary"),
        TableSpec("表2", "市级部门收入预算总表", "income"),
        TableSpec("表3", "市级部门支出预算总表", "expenditure"),
        TableSpec("表4", "市级部门财政拨款收支预算总表", "fiscal_summary"),
        TableSpec("表5", "市级部门一般公共预算支出预算表", "general_budget_expenditure"),
        TableSpec("表6", "市级部门一般公共预算基本支出预算表", "basic_economic"),
        TableSpec("表7", "市级部门一般公共预算“三公”经费预算表", "three_public"),
        TableSpec("表8", "市级部门政府性基金预算支出预算表", "government_fund"),
        TableSpec("表9", "市级部门国有资本经营预算支出预算表", "state_capital"),
        TableSpec("表10", "市级部门项目支出预算表", "project_expenditure"),
        TableSpec("表11", "市级部门项目支出绩效表", "project_objectives"),
    ),
    narrative_anchors=(r"^[一二三四五六七八九十]+、", r"^（[一二三四五六七八九十]+）"),
    signature=("市级部门", "项目支出绩效表"),
)
