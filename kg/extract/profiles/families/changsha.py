"""湖南 长沙: unnumbered 20XX年部门…情况表; its 收支总体情况表 sets income against 基本支出 /
项目支出 (not against functional 类)."""
from kg.extract.profiles.model import LabelRule, TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="changsha",
    description="长沙 部门预算: 部门收支总体情况表 … 部门整体支出绩效目标表 (no table numbers)",
    numbering=(),
    tables=(
        TableSpec("", "部门收支总体情况表", "summary"),
        TableSpec("", "部门收入总体情况表", "income"),
        TableSpec("", "部门支出总体情况表", "expenditure"),
        TableSpec("", "财政拨款收支总体情况表", "fiscal_summary"),
        TableSpec("", "一般公共预算支出情况表", "general_budget_expenditure"),
        TableSpec("", "一般公共预算基本支出情况表", "basic_economic"),
        TableSpec("", "一般公共预算“三公”经费支出情况表", "three_public"),
        TableSpec("", "政府性基金预算支出情况表", "government_fund"),
        TableSpec("", "项目支出绩效目标表", "other"),
        TableSpec("", "部门整体支出绩效目标表", "other"),
    ),
    income_labels=(LabelRule(r"本级财政拨款(?:收入)?", "general_public_budget", "current"),
                   LabelRule(r"财政专户管理事业收入", "fiscal_special", "current")),
    narrative_anchors=(r"^[一二三四五六七八九十]+、",),
    signature=("本级财政拨款收入", "财政专户管理事业收入", "事业单位经营服务收入"),
)
