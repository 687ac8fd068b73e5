"""中央部门 部门预算: 部门公开表1–9 部门收支总表 … 财政拨款预算“三公”经费支出表."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="central",
    description="中央部门预算: 部门公开表1 部门收支总表 … 部门公开表9",
    numbering=(r"部门公开表\s*\d",),
    tables=(
        TableSpec("部门公开表1", "部门收支总表", "summary"),
        TableSpec("部门公开表2", "部门收入总表", "income"),
        TableSpec("部门公开表3", "部门支出总表", "expenditure"),
        TableSpec("部门公开表4", "财政拨款收支总表", "fiscal_summary"),
        TableSpec("部门公开表5", "一般公共预算支出表", "general_budget_expenditure"),
        TableSpec("部门公开表6", "一般公共预算基本支出表", "basic_economic"),
        TableSpec("部门公开表7", "政府性基金预算支出表", "government_fund"),
        TableSpec("部门公开表8", "国有资本经营预算支出表", "state_capital"),
        TableSpec("部门公开表9", "财政拨款预算“三公”经费支出表", "three_public"),
    ),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、"),
    signature=("部门公开表", "财政拨款预算“三公”经费支出表"),
)
