"""福建 (福州, 泉州): 一、…十、 2026年度…预算表 (the ordinal on its own line above the title),
一般公共预算支出经济分类情况表 and 一般公共预算基本支出经济分类情况表."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="fujian",
    description="福州/泉州 部门预算: 一、收支预算总表 … 十、一般公共预算“三公”经费支出预算表",
    numbering=(r"[一二三四五六七八九十]+、",),
    tables=(
        TableSpec("一、", "收支预算总表", "summary"),
        TableSpec("二、", "收入预算总表", "income"),
        TableSpec("三、", "支出预算总表", "expenditure"),
        TableSpec("四、", "财政拨款收支预算总表", "fiscal_summary"),
        TableSpec("五、", "一般公共预算拨款支出预算表", "general_budget_expenditure"),
        TableSpec("六、", "政府性基金预算拨款支出预算表", "government_fund"),
        TableSpec("七、", "国有资本经营预算拨款支出预算表", "state_capital"),
        TableSpec("八、", "一般公共预算支出经济分类情况表", "general_budget_economic"),
        TableSpec("九、", "一般公共预算基本支出经济分类情况表", "basic_economic"),
        TableSpec("十、", "一般公共预算“三公”经费支出预算表", "three_public"),
    ),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、"),
    signature=("一般公共预算拨款支出预算表", "一般公共预算支出经济分类情况表", "部门预算单位构成"),
)
