"""吉林 长春: 收支总表（预算表 1）… with the number after the title, 本年预算 = 编制预算 + 上年结转
columns, 预算单位：X."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="changchun",
    description="长春 部门预算: 收支总表（预算表 1）… 项目支出绩效目标表（预算表 11）",
    numbering=(r"[（(]预算表\s*\d+[)）]",),
    tables=(
        TableSpec("预算表1", "收支总表", "summary"),
        TableSpec("预算表2", "收入总表", "income"),
        TableSpec("预算表3", "支出总表", "expenditure"),
        TableSpec("预算表4", "财政拨款收支总表", "fiscal_summary"),
        TableSpec("预算表5", "本年一般公共预算支出表", "general_budget_expenditure"),
        TableSpec("预算表6", "本年一般公共预算基本支出表", "basic_economic"),
        TableSpec("预算表7", "本年一般公共预算“三公”经费支出表", "three_public"),
        TableSpec("预算表8", "本年政府性基金预算支出表", "government_fund"),
        TableSpec("预算表9", "项目支出表", "project_expenditure"),
        TableSpec("预算表10", "国有资本经营预算支出明细表", "state_capital"),
        TableSpec("预算表11", "项目支出绩效目标表", "other"),
    ),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、.+情况说明$"),
    signature=("预算表\\s*\\d", "编制预算", "本年一般公共预算"),
)
