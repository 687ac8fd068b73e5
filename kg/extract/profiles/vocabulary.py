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
    TitleRule("other", ("绩效",)),
    TitleRule("other", ("目录",)),
    TitleRule("other", ("政府购买服务",)),
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
