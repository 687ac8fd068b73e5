"""What a narrative label names: the vocabulary of the 情况说明's figures, as (topic, key).

One ordered list of (topic, key, pattern): the first pattern that matches the whole label wins, so
specific wordings come before general ones (``上级一般公共预算安排的转移支付资金`` before
``一般公共预算``; ``财政拨款结转`` before ``财政拨款``). Patterns allow the filler words every
province adds (``预算``, ``预算数``, ``拨款``, ``资金``, ``合计`` …). A label that names neither 收入
nor 支出 (``一般公共预算 736.38万元`` in a 收入预算情况说明) is read on the side its chapter names.

Keys of ``income`` and ``expenditure`` that are also ``Totals`` fields carry the same name
(``general_public_budget``, ``carryover_total``, ``basic_expenditure`` …) so the narrative fills
the totals without a second mapping (``TOTALS_KEYS``). Templates add wordings with
``register_label`` — an additive edit.
"""
from __future__ import annotations

import re
from functools import lru_cache

# trailing words a province adds to a label without changing what it names
_TAIL = r"(?:预算|预算数|预算安排|安排|数|金额|总额|合计|小计|总计|拨款|资金|财政拨款预算|财政拨款|支出预算|预算支出)*"
_HEAD = r"(?:本年|当年|年初|全年|本部门|部门|单位本级|系统|预算内|安排){0,2}"  # 系统机关运行经费, 预算内政府采购资金

VOCABULARY: list[tuple[str, str, re.Pattern[str]]] = []


def register_label(topic: str, key: str, pattern: str, *, tail: bool = True) -> None:
    """Add a wording: ``pattern`` must match the whole label (with the usual filler tail)."""
    VOCABULARY.append((topic, key, re.compile(_HEAD + "(?:" + pattern + ")" + (_TAIL if tail else "") + "$")))
    if "classify" in globals():  # answers cached before this wording was known are stale
        classify.cache_clear()


for _topic, _key, _pattern in [
    # both sides at once (收支总预算 is the income and the expenditure total)
    ("total", "income_and_expenditure", r"收支总预算|收支(?:预算)?总(?:计|额|规模)|收支预算(?:总额|总计)?|收支总数|"
                                        r"收入支出(?:决算)?总计|收入、支出总计|收、?支(?:决算)?总计各?"),
    # 三公 and the other 一般性支出
    ("three_public", "vehicle_purchase", r"公务用车购置(?:费用?|支出)?(?:支出)?"),
    ("three_public", "vehicle_operation", r"公务用车运行(?:维护)?费用?(?:支出)?"),
    ("three_public", "vehicles", r"公务用车购置(?:及|和|与)运行(?:维护|维修)?费用?(?:[（(]小计[)）])?|公车购置及运维费"),
    ("three_public", "overseas", r"因公出国[（(]?境[)）]?(?:费用?|经费)(?:支出)?"),
    ("three_public", "reception", r"公务接待费用?(?:支出)?"),
    ("three_public", "total", r"(?:财政拨款|一般公共预算)?(?:拨款)?(?:安排的?)?[“\"]?三公[”\"]?经费(?:财政拨款)?(?:预算)?(?:支出)?"),
    ("meetings", "total", r"(?:一般公共预算|财政拨款)?(?:拨款)?(?:安排的?)?会议费(?:预算)?(?:支出)?"),
    ("training", "total", r"(?:一般公共预算|财政拨款)?(?:拨款)?(?:安排的?)?培训费(?:预算)?(?:支出)?"),
    ("operating_expenses", "total", r"(?:一般公共预算)?(?:财政)?(?:拨款)?(?:安排的?)?(?:机关|机构|单位)?运行经费(?:财政拨款)?(?:支出)?"),
    ("entrusted", "total", r"(?:一般公共预算|财政拨款)?(?:安排的?)?委托业务费(?:涉及)?(?:财政拨款)?"),
    # 政府采购
    ("procurement", "sme_reserved", r"面向中小企业预留政府采购项目(?:预算)?|预留给中小企业(?:的)?政府采购项目"),
    ("procurement", "small_micro_reserved", r"(?:其中[，,]?)?(?:预留给)?小(?:型和)?微(?:型)?企业(?:预留)?(?:的)?政府采购项目"),
    # 决算's 授予中小企业合同金额X万元，占政府采购支出总额的Y%，其中授予小微企业合同金额Z万元
    ("procurement", "sme_awarded", r"授予中小企业(?:的)?(?:采购)?合同(?:金额)?"),
    ("procurement", "small_micro_awarded", r"(?:其中[，,]?)?授予小微企业(?:的)?(?:采购)?合同(?:金额)?"),
    ("procurement", "goods", r"(?:政府采购)?(?:拟)?(?:采购|购买)?货物(?:类)?(?:采购)?(?:项目)?(?:支出)?"),
    ("procurement", "works", r"(?:政府采购)?(?:拟)?(?:采购|购买)?工程(?:类)?(?:采购)?(?:项目)?(?:支出)?"),
    ("procurement", "services", r"(?:政府采购)?(?:拟)?(?:采购|购买)?服务(?:类)?(?:采购)?(?:项目)?(?:支出)?"),
    ("procurement", "total", r"(?:所属各预算单位)?政府采购(?:支出)?(?:项目)?(?:共有)?(?:[（(][^）)]{0,12}[）)])?"),
    # 收入
    ("income", "upper_general", r"上级一般公共预算安排(?:的)?转移支付(?:资金)?(?:收入)?"),
    ("income", "upper_fund", r"上级政府性基金(?:预算)?安排(?:的)?转移支付(?:资金)?(?:收入)?"),
    ("income", "upper_state_capital", r"上级国有资本经营预算安排(?:的)?转移支付(?:资金)?(?:收入)?"),
    ("income", "carryover_nonfiscal", r"非财政拨款结转(?:和)?(?:结余)?"),
    ("income", "carryover_fiscal", r"财政拨款结转(?:和)?(?:结余)?"),
    ("income", "carryover_total", r"上年结转(?:和)?(?:结余)?(?:收入)?|年初结转(?:和)?结余|上年结余"),
    ("income", "general_public_budget", r"一般公共(?:预算|财政)(?:当年)?(?:财政)?(?:拨款)?(?:收入)?(?:当年拨款收入)?"),
    ("income", "government_fund", r"政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入)?"),
    ("income", "state_capital", r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?(?:收入)?"),
    ("income", "fiscal_special", r"财政专户(?:管理)?(?:资金|事业)?(?:收入)?|财政专户拨款|教育收费(?:收入)?"),
    ("income", "service_income", r"事业收入(?:[（(]不含教育收费[)）])?"),
    ("income", "business_income", r"(?:事业单位)?经营(?:服务)?收入"),
    ("income", "upper_grant", r"上级补助收入"),
    ("income", "affiliates", r"附属单位上缴收入"),
    ("income", "other_income", r"其他收入"),
    ("income", "unit_funds", r"单位资金(?:收入)?"),
    ("income", "other_funds", r"其他资金(?:收入)?"),
    ("income", "fiscal_total", r"财政拨款(?:收入)?"),
    ("income", "current_year_income", r"本年收入(?:合计|小计)?"),
    ("income", "income_total", r"(?:预算)?收入(?:预算)?(?:总计|合计|总额|总预算)?|收入总预算"),
    # 支出
    ("expenditure", "reserve", r"(?:单位|部门)?预留机动经费|部门机动经费"),
    ("expenditure", "business_expenditure", r"事业单位经营支出"),
    ("expenditure", "upper_remit", r"上缴上级支出"),
    ("expenditure", "affiliate_subsidy", r"对附属单位补助支出"),
    ("expenditure", "carry_forward", r"(?:年终|结转下年)(?:结转结余)?(?:资金|支出)?|年末结转(?:和)?结余"),
    ("expenditure", "basic_expenditure", r"基本支出"),
    ("expenditure", "project_expenditure", r"项目支出|专项业务经费支出"),
    ("expenditure", "personnel", r"人员经费|在职人员经费|(?<!其他)人员支出"),
    ("expenditure", "public_expenses", r"(?:日常)?公用经费|日常公用支出"),
    ("expenditure", "general_public_budget_expenditure", r"一般公共(?:预算|财政)(?:财政)?(?:拨款)?支出"),
    ("expenditure", "government_fund_expenditure", r"政府性基金(?:预算)?(?:财政)?(?:拨款)?支出"),
    ("expenditure", "state_capital_expenditure", r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出"),
    ("expenditure", "fiscal_expenditure", r"财政拨款支出"),
    ("expenditure", "current_year_expenditure", r"本年支出(?:合计|小计)?"),
    ("expenditure", "expenditure_total", r"(?:预算)?支出(?:预算)?(?:总计|合计|总额)?"),
]:
    register_label(_topic, _key, _pattern)

# labels that name a source of money but no side: read on the side the chapter (or sentence) names
_SIDED = {"general_public_budget", "government_fund", "state_capital", "fiscal_total", "basic_expenditure",
          "project_expenditure"}
_EXPENDITURE_TWIN = {"general_public_budget": "general_public_budget_expenditure",
                     "government_fund": "government_fund_expenditure",
                     "state_capital": "state_capital_expenditure",
                     "fiscal_total": "fiscal_expenditure"}

# vocabulary keys that are ``Totals`` fields of the same meaning (filled from the narrative)
TOTALS_KEYS = {
    ("income", "income_total"): "income_total",
    ("income", "current_year_income"): "current_year_income",
    ("income", "general_public_budget"): "general_public_budget",
    ("income", "upper_general"): "upper_level_transfer",
    ("income", "government_fund"): "government_fund",
    ("income", "state_capital"): "state_capital",
    ("income", "unit_funds"): "unit_funds",
    ("income", "service_income"): "unit_business",
    ("income", "business_income"): "unit_operating",
    ("income", "upper_grant"): "unit_upper",
    ("income", "affiliates"): "unit_affiliated",
    ("income", "other_income"): "unit_other",
    ("income", "carryover_total"): "carryover_total",
    ("income", "carryover_fiscal"): "carryover_fiscal",
    ("income", "carryover_nonfiscal"): "carryover_nonfiscal",
    ("expenditure", "expenditure_total"): "expenditure_total",
    ("expenditure", "basic_expenditure"): "basic_expenditure",
    ("expenditure", "project_expenditure"): "project_expenditure",
    ("expenditure", "personnel"): "personnel",
    ("expenditure", "public_expenses"): "public_expenses",
    ("expenditure", "carry_forward"): "carryover_year_end",
    ("operating_expenses", "total"): "operating_expenses",
}

# The budget's grand totals: a statement about the whole budget speaks of one of these.
BUDGET_TOTALS = ("income_total", "expenditure_total", "income_and_expenditure")

_RECORD_TOPICS = ("three_public", "procurement")


def quantity_of(label: str, side: str | None = None) -> str | None:
    """The record quantity a whole label names — a ``Totals`` field (``income_total``) or a part of
    三公 / 政府采购 (``three_public.reception``) — or None. The question service matches a narrative
    statement's subject (预算收入, 部门预算收入) to the figure asked through this, so a wording the
    extraction knows is known there too."""
    found = classify(label, side)
    if found is None:
        return None
    if found in TOTALS_KEYS:
        return TOTALS_KEYS[found]
    return f"{found[0]}.{found[1]}" if found[0] in _RECORD_TOPICS else None


# the Chinese names of the keys, for people (audit lines, questions)
KEY_NAMES = {
    "income_and_expenditure": "收支总预算", "income_total": "收入总计", "current_year_income": "本年收入",
    "general_public_budget": "一般公共预算拨款收入", "upper_general": "上级一般公共预算转移支付",
    "upper_fund": "上级政府性基金转移支付", "upper_state_capital": "上级国有资本经营预算转移支付",
    "government_fund": "政府性基金预算拨款收入", "state_capital": "国有资本经营预算拨款收入",
    "fiscal_special": "财政专户管理资金收入", "service_income": "事业收入", "business_income": "事业单位经营收入",
    "upper_grant": "上级补助收入", "affiliates": "附属单位上缴收入", "other_income": "其他收入",
    "unit_funds": "单位资金", "other_funds": "其他资金收入", "fiscal_total": "财政拨款收入",
    "carryover_total": "上年结转结余", "carryover_fiscal": "财政拨款结转结余",
    "carryover_nonfiscal": "非财政拨款结转结余", "expenditure_total": "支出总计",
    "current_year_expenditure": "本年支出合计", "basic_expenditure": "基本支出",
    "project_expenditure": "项目支出", "personnel": "人员经费", "public_expenses": "公用经费",
    "reserve": "单位预留机动经费", "business_expenditure": "事业单位经营支出", "upper_remit": "上缴上级支出",
    "affiliate_subsidy": "对附属单位补助支出", "carry_forward": "结转下年",
    "general_public_budget_expenditure": "一般公共预算支出", "government_fund_expenditure": "政府性基金预算支出",
    "state_capital_expenditure": "国有资本经营预算支出", "fiscal_expenditure": "财政拨款支出",
    "overseas": "因公出国（境）费", "reception": "公务接待费", "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行费",
    "goods": "货物", "works": "工程", "services": "服务", "sme_reserved": "面向中小企业预留",
    "small_micro_reserved": "预留给小微企业", "sme_awarded": "授予中小企业合同金额",
    "small_micro_awarded": "授予小微企业合同金额",
}
TOPIC_NAMES = {"total": "收支总预算", "income": "收入", "expenditure": "支出", "three_public": "“三公”经费",
               "meetings": "会议费", "training": "培训费", "operating_expenses": "机关运行经费",
               "entrusted": "委托业务费", "procurement": "政府采购"}


def side_of(text: str) -> str | None:
    """``income`` or ``expenditure`` where a chapter title or sentence names one side only."""
    income, spending = "收入" in text, "支出" in text
    if income and not spending:
        return "income"
    if spending and not income:
        return "expenditure"
    return None


@lru_cache(maxsize=16384)  # a document's readers and checks classify the same labels many times
def classify(label: str, side: str | None = None) -> tuple[str, str] | None:
    """(topic, key) of a label, or None where the vocabulary does not know it. ``side`` is the
    side the context names (``income``/``expenditure``), for labels that name none."""
    text = re.sub(r"[“”\"]", "", label).replace("（类）", "")
    # a remark in brackets at the end (``政府采购金额（以合同签订为准）``) does not change what it names
    text = re.sub(r"[（(](?!小计|类|款|项)[^）)]{2,16}[）)]$", "", text)
    if not text:
        return None
    for topic, key, pattern in VOCABULARY:
        if pattern.match(text):
            if side == "expenditure" and key in _EXPENDITURE_TWIN and "收入" not in text:
                return "expenditure", _EXPENDITURE_TWIN[key]
            return topic, key
    # the units a figure covers, named before it (``本级1家行政单位以及…3家参公事业单位的机关运行经费``)
    whose = _WHOSE_RE.match(text)
    if whose and whose.end() < len(text):
        return classify(text[whose.end():], side)
    return None


_WHOSE_RE = re.compile(r"^.*?(?:单位|部门|机关)的")


def key_name(topic: str, key: str) -> str:
    """The Chinese name of a (topic, key)."""
    if topic in ("meetings", "training", "operating_expenses", "entrusted") or key == "total":
        return TOPIC_NAMES.get(topic, key) if key == "total" else KEY_NAMES.get(key, key)
    return KEY_NAMES.get(key, key)
