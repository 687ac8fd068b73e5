"""北京 市级: 预算01表–预算14表 in 万元 printed to six decimals; narrative (附件1) and tables
(附件2) published as two files; 支出总表 crosses functional × economic codes (``2010601-行政运行``)."""
from kg.extract.profiles.model import TableSpec, TemplateProfile

PROFILE = TemplateProfile(
    name="beijing",
    description="北京 部门预算: 预算01表 收支总表 … 预算14表 专项转移支付绩效目标表",
    numbering=(r"预算\d{2}表",),
    tables=(
        TableSpec("预算01表", "收支总表", "summary"),
        TableSpec("预算02表", "收入总表", "income"),
        TableSpec("预算03表", "支出总表", "expenditure"),
        TableSpec("预算04表", "财政拨款收支总表", "fiscal_summary"),
        TableSpec("预算05表", "一般公共预算支出表", "general_budget_expenditure"),
        TableSpec("预算06表", "一般公共预算基本支出表", "basic_economic"),
        TableSpec("预算07表", "政府性基金预算支出表", "government_fund"),
        TableSpec("预算08表", "国有资本经营预算支出表", "state_capital"),
        TableSpec("预算09表", "财政拨款“三公”经费支出表", "three_public"),
        TableSpec("预算10表", "政府采购预算明细表", "procurement"),
        TableSpec("预算11表", "财政拨款政府购买服务明细表", "purchased_services"),
        TableSpec("预算12表", "项目支出绩效目标表", "other"),
        TableSpec("预算13表", "部门整体支出绩效目标表", "other"),
        TableSpec("预算14表", "专项转移支付绩效目标表", "other"),
    ),
    narrative_anchors=(r"^[一二三四五六七八九十]+、.+情况说明$", r"^第[一二三四五六七八九十]+部分"),
    signature=("预算\\d{2}表", "财政拨款政府购买服务明细表", "专项转移支付绩效目标表"),
)
