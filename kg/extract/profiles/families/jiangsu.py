"""江苏 省级 (省人大办公厅, 省政协办公厅, 省高级人民法院): 公开01–12表 …预算表, in 万元; the
三公 table adds 会议费 and 培训费 (its 合计 is not the 三公 total); 说明 and 表 often two PDFs."""
from kg.extract.profiles.model import LabelRule, TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="jiangsu",
    description="江苏 省级部门预算: 公开01表 收支预算总表 … 公开12表 政府采购支出预算表",
    numbering=(r"公开\d{2}表",),
    tables=(
        TableSpec("公开01表", "收支预算总表", "summary"),
        TableSpec("公开02表", "收入预算总表", "income"),
        TableSpec("公开03表", "支出预算总表", "expenditure"),
        TableSpec("公开04表", "财政拨款收支预算总表", "fiscal_summary"),
        TableSpec("公开05表", "财政拨款支出预算表", "fiscal_expenditure"),
        TableSpec("公开06表", "财政拨款基本支出预算表", "fiscal_basic_economic"),
        TableSpec("公开07表", "一般公共预算支出预算表", "general_budget_expenditure"),
        TableSpec("公开08表", "一般公共预算基本支出预算表", "basic_economic"),
        TableSpec("公开09表", "一般公共预算“三公”经费、会议费、培训费支出预算表", "three_public"),
        TableSpec("公开10表", "政府性基金财政拨款支出预算表", "government_fund"),
        TableSpec("公开11表", "一般公共预算机关运行经费支出预算表", "operating_expenses"),
        TableSpec("公开12表", "政府采购支出预算表", "procurement"),
    ),
    income_labels=(LabelRule(r"其他资金", "unit_funds", "current"),),
    narrative_anchors=(r"^第[一二三四五六七八九十]+部分", r"^[一二三四五六七八九十]+、.+(?:情况)?说明$"),
    signature=("收支预算总表", "会议费、培训费", "单位预留机动经费", "公开\\d{2}表"),
)
