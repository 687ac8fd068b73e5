"""上海 (普陀区, 市级单位): 9 tables, …预算表, tables 1–8 in 元 with thousands separators, the
三公 and 机关运行经费 table in 万元; 部门 and 单位 versions of one budget in one document."""
from kg.extract.profiles.model import LabelRule, TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="shanghai",
    description="上海 部门/单位预算: 财务收支预算总表 … “三公”经费和机关运行经费预算表",
    numbering=(r"\d[.．]",),
    tables=(
        TableSpec("1.", "财务收支预算总表", "summary"),
        TableSpec("2.", "收入预算总表", "income"),
        TableSpec("3.", "支出预算总表", "expenditure"),
        TableSpec("4.", "财政拨款收支预算总表", "fiscal_summary"),
        TableSpec("5.", "一般公共预算支出功能分类预算表", "general_budget_expenditure"),
        TableSpec("6.", "政府性基金预算支出功能分类预算表", "government_fund"),
        TableSpec("7.", "国有资本经营预算支出功能分类预算表", "state_capital"),
        TableSpec("8.", "一般公共预算基本支出部门预算经济分类预算表", "basic_economic"),
        TableSpec("9.", "“三公”经费和机关运行经费预算表", "three_public"),
    ),
    unit="元",
    table_units=(("three_public", "万元"),),
    income_labels=(LabelRule(r"一般公共预算资金", "general_public_budget", "current"),),
    narrative_anchors=(r"^[一二三四五六七八九十]+、", r"项目经费情况说明$"),
    signature=("财务收支预算总表", "部门预算经济分类预算表", "机关运行经费预算表", "功能分类预算表"),
)
