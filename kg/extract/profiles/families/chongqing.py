"""重庆: 表一 … 表十二 20XX年部门…情况表, the number on its own line above the title."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="chongqing",
    description="重庆 部门预算: 表一 部门收支总体情况表 … 表十二",
    numbering=(r"表[一二三四五六七八九十]+",),
    tables=(
        TableSpec("表1", "部门收支总体情况表", "summary"),
        TableSpec("表2", "部门收入总体情况表", "income"),
        TableSpec("表3", "部门支出总体情况表", "expenditure"),
        TableSpec("表4", "财政拨款收支总体情况表", "fiscal_summary"),
        TableSpec("表5", "一般公共预算支出情况表", "general_budget_expenditure"),
        TableSpec("表6", "一般公共预算基本支出情况表", "basic_economic"),
        TableSpec("表7", "政府性基金预算支出情况表", "government_fund"),
        TableSpec("表8", "财政拨款“三公”经费支出情况表", "three_public"),
        TableSpec("表9", "政府采购预算明细表", "procurement"),
        TableSpec("表10", "部门整体绩效目标表", "other"),
    ),
    narrative_anchors=(r"^[一二三四五六七八九十]+、", r"^（[一二三四五六七八九十]+）"),
    signature=("表[一二三四五六七八九十]+$",),
)
