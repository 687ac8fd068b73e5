"""江苏 市级 (苏州, 无锡): 公开01–13表 收支总表 … 政府采购支出表, in 万元; 三公 with 会议费
and 培训费, a 财政拨款支出表（功能科目）and 财政拨款基本支出表（经济科目）."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="suzhou_wuxi",
    description="苏州/无锡 部门预算: 公开01表 收支总表 … 公开13表 政府采购支出表",
    numbering=(r"公开\d{2}表",),
    tables=(
        TableSpec("公开01表", "收支总表", "summary"),
        TableSpec("公开02表", "收入总表", "income"),
        TableSpec("公开03表", "支出总表", "expenditure"),
        TableSpec("公开04表", "财政拨款收支总表", "fiscal_summary"),
        TableSpec("公开05表", "财政拨款支出表（功能科目）", "fiscal_expenditure"),
        TableSpec("公开06表", "财政拨款基本支出表（经济科目）", "fiscal_basic_economic"),
        TableSpec("公开07表", "一般公共预算支出表", "general_budget_expenditure"),
        TableSpec("公开08表", "一般公共预算基本支出表", "basic_economic"),
        TableSpec("公开09表", "一般公共预算“三公”经费、会议费、培训费支出表", "three_public"),
        TableSpec("公开10表", "政府性基金预算支出表", "government_fund"),
        TableSpec("公开11表", "国有资本经营预算支出预算表", "state_capital"),
        TableSpec("公开12表", "一般公共预算机关运行经费支出预算表", "operating_expenses"),
        TableSpec("公开13表", "政府采购支出表", "procurement"),
    ),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、.+说明$"),
    signature=("公开13表", "财政拨款支出表（功能科目）", "政府采购支出表"),
)
