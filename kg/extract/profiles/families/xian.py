"""陕西 西安: 部门综合预算 表1–表16 in 元 (older years in 万元); 收支总表 with three expenditure
sides (功能 / 部门经济 / 政府经济 按大类); 人员经费 / 公用经费 / 专项业务经费 columns."""
from kg.extract.profiles.model import LabelRule, TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="xian",
    description="西安 部门综合预算: 表1 部门综合预算收支总表 … 表16 专项资金总体绩效目标表",
    numbering=(r"表\d{1,2}",),
    tables=(
        TableSpec("表1", "部门综合预算收支总表", "summary"),
        TableSpec("表2", "部门综合预算收入总表", "income"),
        TableSpec("表3", "部门综合预算支出总表", "expenditure"),
        TableSpec("表4", "部门综合预算财政拨款收支总表", "fiscal_summary"),
        TableSpec("表5", "部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "general_budget_expenditure"),
        TableSpec("表6", "部门综合预算一般公共预算支出明细表（按支出经济分类科目）", "general_budget_economic"),
        TableSpec("表7", "部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）", "basic_functional"),
        TableSpec("表8", "部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）", "basic_economic"),
        TableSpec("表9", "部门综合预算政府性基金收支表", "government_fund"),
        TableSpec("表10", "部门综合预算专项业务经费支出表", "project_expenditure"),
        TableSpec("表11", "部门综合预算财政拨款上年结转资金支出表", "carryover"),
        TableSpec("表12", "部门综合预算政府采购（资产配置、购买服务）预算表", "procurement"),
        TableSpec("表13", "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表", "three_public"),
        TableSpec("表14", "部门专项业务经费绩效目标表", "other"),
        TableSpec("表15", "部门整体支出绩效目标表", "other"),
        TableSpec("表16", "专项资金总体绩效目标表", "other"),
    ),
    unit="元",
    income_labels=(LabelRule(r"部门预算", "current_year_income", None),
                   LabelRule(r"上年实户资金余额", "carryover_nonfiscal", None)),  # printed above 上年结转
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、"),
    signature=("部门综合预算", "专项业务经费", "上年实户资金余额"),
)
