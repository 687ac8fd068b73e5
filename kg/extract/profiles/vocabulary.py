"""The vocabulary every family shares: how tables are numbered, what a title's words say about
the table, the national classification's 类 names, and the marks of column numbering.

All Chinese disclosures follow the finance ministry's pattern, so most of what identifies a
table is common to every family: a title with 三公 is the 三公 table whatever it is numbered; a
table whose rows carry 3xx codes is by economic subject. A family's profile adds only what is
its own (``TemplateProfile.tables``, ``income_labels``, ``header_words``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# --- table numbers ---------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
# A table's number printed before its title: 表3, 表 3, 表三, 表03, 预算03表, 公开03表, 公开表3,
# 部门公开表3, 附表3, 三、, （三）, 3., 3、, and the separators after it (表1：, 表1.).
LEADING_NUMBER_RE = re.compile(
    rf"^(?:(?:部门)?公开\s*表\s*\d+|(?:预算|公开)\s*\d+\s*表|附?表\s*(?:\d+|[{_CN}]+)"
    rf"|[（(][{_CN}\d]+[)）]|[{_CN}]+[、.．]|\d+[.．、](?!\d))\s*[：:.．、\-—]?")
# A number printed after the title: 收支总表（预算表 1）, 收支总表(表1)
TRAILING_NUMBER_RE = re.compile(r"[（(]\s*(?:预算)?表\s*[\d一二三四五六七八九十]+\s*[)）]$")
# A line that is only a table number (printed above the title): 表1, 公开01表, 公开 01 表, 表一
NUMBER_LINE_RE = re.compile(rf"^(?:(?:部门)?公开\s*表\s*\d+|(?:预算|公开)\s*\d+\s*表|附?表\s*(?:\d+|[{_CN}]+))$")


def number_key(label: str) -> str:
    """A printed table number in one spelling: 表十一 -> 表11, 公开 01 表 -> 公开01表,
    预算03表 -> 预算03表 (a number's own digits are kept: 03 stays 03)."""
    text = re.sub(r"\s+", "", label)
    if "表" not in text:
        return text.rstrip("：:-—") if re.search(r"[、.．]$", text) else text.rstrip("：:.．、-—")
    text = text.rstrip("：:.．、-—")
    if not text.startswith(("表", "附表")):
        return text

    def convert(m: re.Match[str]) -> str:
        digits = m.group(0)
        if "十" not in digits:
            return "".join(str(_CN.index(c) + 1) for c in digits)
        tens, _, ones = digits.partition("十")
        return str((_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0))

    return re.sub(rf"[{_CN}]+", convert, text)


# --- what a title says ------------------------------------------------------------------------

@dataclass(frozen=True)
class TitleRule:
    """``all`` words must stand in the bare title, ``none`` must not; first rule that holds wins."""

    kind: str
    all: tuple[str, ...]
    none: tuple[str, ...] = ()
    any: tuple[str, ...] = ()

    def holds(self, title: str) -> bool:
        return (all(re.search(w, title) for w in self.all)
                and not any(re.search(w, title) for w in self.none)
                and (not self.any or any(re.search(w, title) for w in self.any)))


# Ordered: the most specific words first. ``经济分类`` / ``功能分类`` qualifiers (printed in the
# title or decided from the rows, ``kg.extract.sections``) turn a table into its other shape.
TITLE_RULES: tuple[TitleRule, ...] = (
    TitleRule("project_objectives", ("项目支出绩效表",)),  # 浙江 表11: projects with their objectives
    TitleRule("other", ("绩效",)),
    TitleRule("other", ("目录",)),
    TitleRule("purchased_services", ("政府购买服务",)),
    TitleRule("other", ("(?:会议|培训)(?:费)?明细",)),
    TitleRule("three_public", ("三公",)),
    TitleRule("operating_expenses", ("机关运行经费",)),
    TitleRule("procurement", ("政府采购",)),
    TitleRule("carryover", ("结转",), none=("收支", "收入支出")),
    TitleRule("fiscal_summary", ("财政拨款",), none=("政府性基金", "国有资本"), any=("收支", "收入支出")),
    TitleRule("government_fund", ("政府性基金",)),
    TitleRule("state_capital", ("国有资本经营",)),
    TitleRule("summary", ("收支|收入支出",)),
    TitleRule("income", ("收入",)),
    TitleRule("project_economic", ("项目支出", "经济(?:分类|科目)")),
    TitleRule("project_expenditure", ("项目(?:支出|经费)|专项(?:业务)?经费",)),
    TitleRule("basic_functional", ("基本支出", "功能(?:分类|科目)")),
    TitleRule("basic_economic", ("一般公共预算", "基本支出")),
    TitleRule("fiscal_basic_economic", ("财政拨款", "基本支出")),
    TitleRule("basic_expenditure_economic", ("基本支出",)),
    TitleRule("general_budget_economic", ("一般公共预算", "经济(?:分类|科目)")),
    TitleRule("general_budget_expenditure", ("一般公共预算", "支出")),
    TitleRule("fiscal_expenditure", ("财政拨款", "支出")),
    TitleRule("expenditure", ("支出",)),
)

# A table title ends with one of these (after its qualifiers and 续 are cut off).
TITLE_END_RE = re.compile(r"(?:表|明细|情况)$")
# Qualifiers after a title: （按功能分类科目）, (按支出经济分类科目), （功能科目）, （续）, (续表)
QUALIFIER_RE = re.compile(r"[（(][^（）()]{0,14}[)）]$")
CONTINUED_RE = re.compile(r"(?:[（(]续表?[一二三四五六七八九十\d]*[)）]|续表)$")


def kind_of_title(bare: str) -> str | None:
    """The table kind a bare title (no number, year, department; qualifiers kept) names."""
    for rule in TITLE_RULES:
        if rule.holds(bare):
            return rule.kind
    return None


# --- the national classification ---------------------------------------------------------------

# 政府收支分类科目: the 类 of the functional classification (支出功能分类), with the older names
# that earlier years print. A table that prints only names (杭州, 北京's 收支总表) is given its 类
# codes from here; 款 and 项 names are too many and too ambiguous to be looked up.
FUNCTIONAL_CLASSES: dict[str, str] = {
    "一般公共服务支出": "201", "外交支出": "202", "国防支出": "203", "公共安全支出": "204",
    "教育支出": "205", "科学技术支出": "206", "文化旅游体育与传媒支出": "207",
    "文化体育与传媒支出": "207", "社会保障和就业支出": "208", "社会保险基金支出": "209",
    "卫生健康支出": "210", "医疗卫生与计划生育支出": "210", "医疗卫生支出": "210",
    "节能环保支出": "211", "城乡社区支出": "212", "农林水支出": "213", "交通运输支出": "214",
    "资源勘探工业信息等支出": "215", "资源勘探信息等支出": "215", "资源勘探电力信息等支出": "215",
    "商业服务业等支出": "216", "金融支出": "217", "援助其他地区支出": "219",
    "自然资源海洋气象等支出": "220", "国土海洋气象等支出": "220", "住房保障支出": "221",
    "粮油物资储备支出": "222", "国有资本经营预算支出": "223", "灾害防治及应急管理支出": "224",
    "预备费": "227", "其他支出": "229", "转移性支出": "230", "债务还本支出": "231",
    "债务付息支出": "232", "债务发行费用支出": "233", "抗疫特别国债安排的支出": "234",
}
# 部门预算支出经济分类 类
ECONOMIC_CLASSES: dict[str, str] = {
    "工资福利支出": "301", "商品和服务支出": "302", "对个人和家庭的补助": "303",
    "债务利息及费用支出": "307", "资本性支出（基本建设）": "309", "资本性支出": "310",
    "对企业补助（基本建设）": "311", "对企业补助": "312", "对社会保障基金补助": "313", "其他支出": "399",
}

# 部门预算支出经济分类 款, per 类: a names-only 基本支出表 (杭州 表6) is given its codes from here.
# Unlike the functional classification, the economic one is short and its 款 names are unique
# within their 类 (the same name under 309 and 310 is told apart by the 类 printed above it).
_CAPITAL_ITEMS = {"房屋建筑物购建": "01", "办公设备购置": "02", "专用设备购置": "03", "基础设施建设": "05",
                  "大型修缮": "06", "信息网络及软件购置更新": "07", "物资储备": "08", "公务用车购置": "13",
                  "其他交通工具购置": "19", "文物和陈列品购置": "21", "无形资产购置": "22"}
ECONOMIC_ITEMS: dict[str, dict[str, str]] = {
    "301": {"基本工资": "01", "津贴补贴": "02", "奖金": "03", "伙食补助费": "06", "绩效工资": "07",
            "机关事业单位基本养老保险缴费": "08", "职业年金缴费": "09", "职工基本医疗保险缴费": "10",
            "公务员医疗补助缴费": "11", "其他社会保障缴费": "12", "住房公积金": "13", "医疗费": "14",
            "其他工资福利支出": "99"},
    "302": {"办公费": "01", "印刷费": "02", "咨询费": "03", "手续费": "04", "水费": "05", "电费": "06",
            "邮电费": "07", "取暖费": "08", "物业管理费": "09", "差旅费": "11", "因公出国（境）费用": "12",
            "维修（护）费": "13", "租赁费": "14", "会议费": "15", "培训费": "16", "公务接待费": "17",
            "专用材料费": "18", "被装购置费": "24", "专用燃料费": "25", "劳务费": "26", "委托业务费": "27",
            "工会经费": "28", "福利费": "29", "公务用车运行维护费": "31", "其他交通费用": "39",
            "税金及附加费用": "40", "其他商品和服务支出": "99"},
    "303": {"离休费": "01", "退休费": "02", "退职（役）费": "03", "抚恤金": "04", "生活补助": "05",
            "救济费": "06", "医疗费补助": "07", "助学金": "08", "奖励金": "09", "个人农业生产补贴": "10",
            "代缴社会保险费": "11", "其他对个人和家庭的补助": "99"},
    "307": {"国内债务付息": "01", "国外债务付息": "02", "国内债务发行费用": "03", "国外债务发行费用": "04"},
    "309": {**_CAPITAL_ITEMS, "其他基本建设支出": "99"},
    "310": {**_CAPITAL_ITEMS, "土地补偿": "09", "安置补助": "10", "地上附着物和青苗补偿": "11",
            "拆迁补偿": "12", "其他资本性支出": "99"},
    "399": {"赠与": "06", "国家赔偿费用支出": "07", "对民间非营利组织和群众性自治组织补贴": "08",
            "经常性赠与": "09", "资本性赠与": "10", "其他支出": "99"},
}


def _economic_key(name: str) -> str:
    """An economic subject's name compared without spaces, with full-width brackets, without 的 and
    和 (珠海 prints 工资和福利支出 for 工资福利支出; 商品和服务支出 compares the same either way)."""
    bare = re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")
    return bare.replace("的", "").replace("和", "")


_ECONOMIC_CLASS_KEYS = {_economic_key(k): v for k, v in ECONOMIC_CLASSES.items()}
_ECONOMIC_ITEM_KEYS = {c: {_economic_key(k): v for k, v in items.items()} for c, items in ECONOMIC_ITEMS.items()}


def economic_class_code(name: str) -> str | None:
    """The 类 code of an economic 类 name as printed (``对个人和家庭补助`` = ``…的补助``)."""
    return _ECONOMIC_CLASS_KEYS.get(_economic_key(name))


# 政府预算支出经济分类 类 (the government-budget classification a 收支总表 may print beside the
# departmental 30x one: 西安's 政府预算支出经济分类科目（按大类）). 503/504 are printed as
# 机关资本性支出（一）/（二）, or as 机关资本性支出 / 机关资本性支出（基本建设）.
GOVERNMENT_ECONOMIC_CLASSES: dict[str, str] = {
    "机关工资福利支出": "501", "机关商品和服务支出": "502", "机关资本性支出（一）": "503", "机关资本性支出": "503",
    "机关资本性支出（二）": "504", "机关资本性支出（基本建设）": "504", "对事业单位经常性补助": "505",
    "对事业单位资本性补助": "506", "对企业补助": "507", "对企业资本性支出": "508", "对个人和家庭的补助": "509",
    "对社会保障基金补助": "510", "债务利息及费用支出": "511", "债务还本支出": "512", "转移性支出": "513",
    "预备费及预留": "514", "其他支出": "599",
}
_GOVERNMENT_CLASS_KEYS = {_economic_key(k): v for k, v in GOVERNMENT_ECONOMIC_CLASSES.items()}


def government_economic_class_code(name: str) -> str | None:
    """The 类 code of a 政府预算支出经济分类 name as printed (its ordinal ``1、`` removed)."""
    bare = re.sub(rf"^(?:[{_CN}]+[、.．]|\d+[、.．])", "", name)
    return _GOVERNMENT_CLASS_KEYS.get(_economic_key(bare))


def economic_item_code(class_code: str, name: str) -> str | None:
    """The 款 code of an economic 款 name under its 类 (``维修(护)费`` under 302 -> ``30213``)."""
    suffix = _ECONOMIC_ITEM_KEYS.get(class_code, {}).get(_economic_key(name))
    return class_code + suffix if suffix else None


def functional_class_code(name: str) -> str | None:
    """The 类 code of a functional 类 name as printed (its ordinal 一、 and spaces removed)."""
    bare = re.sub(rf"^(?:[{_CN}]+[、.．]|[（(][{_CN}]+[)）]|\d+[、.．])", "", re.sub(r"\s+", "", name))
    # 西安's 收支总表 prints the 类 without 支出 (``8、社会保障和就业``)
    return FUNCTIONAL_CLASSES.get(bare) or (FUNCTIONAL_CLASSES.get(bare + "支出") if not bare.endswith("支出") else None)


# --- phases ------------------------------------------------------------------------------------

# The header words that say which phase a column (or a row) holds: a 决算 prints 年初预算数,
# 调整预算数 / 全年预算数 and 决算数 side by side; a plain 预算数 beside 决算数 is the budget.
PHASE_WORDS: dict[str, str] = {"budget": r"^预算数?$", "initial_budget": r"^年初预算数?$",
                               "adjusted_budget": r"^(?:全年|调整|调整后)预算数?$", "final": r"^决算数?$"}
_YEAR_PREFIX_RE = re.compile(r"^(20\d\d)\s*年度?")


def without_year(word: str) -> str:
    """``2026年预算数`` -> ``预算数`` (a column's year is checked on its own)."""
    return _YEAR_PREFIX_RE.sub("", word) or word


def phase_of(words) -> str | None:
    """The phase the first phase word among ``words`` names, or None."""
    for word in words:
        bare = without_year(word)
        for phase, pattern in PHASE_WORDS.items():
            if re.match(pattern, bare):
                return phase
    return None


# --- column numbering ----------------------------------------------------------------------------

# A header cell that marks a row or a column as numbering, never amounts.
NUMBERING_WORDS_RE = re.compile(r"^(?:栏次|行次|序号|编号|\*+|※+)$")
