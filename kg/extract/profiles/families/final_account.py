"""The finance ministry's 部门决算 template (中央部门, 上海, 佛山, 西安): 收入支出决算总表 …
“三公”经费支出决算表, numbered 公开01–09表 or 表1–表8 or not at all; 行次/栏次 numbering
columns and rows, 预算数/决算数 columns in the 三公 table, 年初/年末结转和结余, 结余分配."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="final_account",
    description="部门决算 (财政部统一格式): 收入支出决算总表 … 财政拨款“三公”经费支出决算表",
    numbering=(r"公开\s*\d{2}\s*表", r"表\s*\d"),
    tables=(
        TableSpec("公开01表", "收入支出决算总表", "summary"),
        TableSpec("公开02表", "收入决算表", "income"),
        TableSpec("公开03表", "支出决算表", "expenditure"),
        TableSpec("公开04表", "财政拨款收入支出决算总表", "fiscal_summary"),
        TableSpec("公开05表", "一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        TableSpec("公开06表", "一般公共预算财政拨款基本支出决算表", "basic_economic"),
        TableSpec("公开07表", "政府性基金预算财政拨款收入支出决算表", "government_fund"),
        TableSpec("公开08表", "国有资本经营预算财政拨款支出决算表", "state_capital"),
        TableSpec("公开09表", "财政拨款“三公”经费支出决算表", "three_public"),
    ),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、.+决算情况说明$"),
    signature=("收入支出决算总表", "决算数", "栏次", "年末结转和结余", "结余分配"),
    phases="final",
)
