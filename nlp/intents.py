"""Stage 4: classify the intent and fill its slots.

Rules, not a trained model: each intent is recognised by the words budget analysts use for it
(the genre's vocabulary, fixed across corpora) and by what the linker found (a project, a
subject, a person, a policy document). The first rule that fires wins, so the order below goes
from the most specific request to the most general. Slots are plain values: department names,
years, entities, the indicator kind, an amount threshold, a top-N, the metrics asked for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from nlp.catalog import Entity
from nlp.link import Linked
from nlp.numbers import chinese_count

# The department-level figures (records.md ``totals``) and the words that ask for each.
METRICS: list[tuple[str, str, str]] = [  # (key, label, regex)
    ("income_total", "收入总计", r"收支总预算|收支总计|收入总计|收入总预算|收支预算总|总收入|收支总额|收入合计|"
                                 r"预算总额|总预算|预算规模|预算总规模|收入预算"),
    ("expenditure_total", "支出总计", r"支出总计|支出合计|总支出|支出总预算|(?<!项目)(?<!基本)支出预算(?!里|中)"),
    ("current_year_income", "本年收入", r"本年收入|当年收入"),
    ("general_public_budget", "一般公共预算拨款", r"一般公共预算"),
    ("upper_level_transfer", "上级转移支付", r"转移支付"),
    ("government_fund", "政府性基金预算拨款", r"政府性基金"),
    ("state_capital", "国有资本经营预算拨款", r"国有资本"),
    ("unit_funds", "单位资金", r"单位资金|其他收入|事业收入"),
    ("carryover_total", "上年结转结余", r"(?<!财政拨款)(?<!非财政拨款)(?:上年结转结余|上年结转(?!.*项目)|结转结余(?!项目)|年初结转(?:和结余)?)"),
    ("carryover_fiscal", "财政拨款结转结余", r"财政拨款结转"),
    ("carryover_nonfiscal", "非财政拨款结转结余", r"非财政拨款结转"),
    ("basic_expenditure", "基本支出", r"基本支出"),
    ("personnel", "人员经费", r"人员经费"),
    ("public_expenses", "公用经费", r"公用经费"),
    ("project_expenditure", "项目支出", r"项目支出|项目经费(?=一共|总|合计|共|是多少|有多少|多少)"),
    ("fiscal_total", "财政拨款", r"财政拨款(?!结转)"),
    ("income_side", "收入", r"收入"),
    ("expenditure_side", "支出", r"支出"),
]
THREE_PUBLIC = [("total", "“三公”经费合计", r"三公"), ("overseas", "因公出国(境)费", r"出国|出境"),
                ("reception", "公务接待费", r"接待"),
                ("vehicles", "公务用车购置及运行费", r"公务用车(?!运行|购置)|车辆"),
                ("vehicle_purchase", "公务用车购置费", r"购置|购车|买车"),
                ("vehicle_operation", "公务用车运行费", r"运行(维护)?费|用车运行")]
PROCUREMENT = [("total", "政府采购预算合计", r"政府采购|采购"), ("goods", "货物类", r"货物"),
               ("works", "工程类", r"工程"), ("services", "服务类", r"服务")]
INDICATOR_KINDS = ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
                   "生态效益指标", "可持续影响指标", "满意度指标", "效益指标"]
ECON_WORDS = r"经济分类|工资福利|商品和服务|对个人和家庭|资本性支出"
CHANGE_WORDS = r"比上年|较上年|同比|与上年|压减|增加了|减少了|增加多少|减少多少|增长|下降|变化|增减|多了|少了|推算|算出|倒推|反推"

_CN_NUM = r"[\d一二两三四五六七八九十]+"


@dataclass
class Intent:
    """The intent name and its slots (plain data)."""

    name: str
    departments: list[str] = field(default_factory=list)
    department_open: bool = True  # no department named: answer for all
    years: list[int] = field(default_factory=list)
    projects: list[Entity] = field(default_factory=list)
    subjects: list[Entity] = field(default_factory=list)
    indicator_kinds: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    share: bool = False
    change: bool = False
    op: str | None = None
    amount: Decimal | None = None
    amount_high: Decimal | None = None
    top_n: int | None = None
    descending: bool = True
    category: str | None = None
    person: Entity | None = None
    policy: Entity | None = None
    level: int | None = None
    keywords: list[str] = field(default_factory=list)
    aspect: str | None = None
    unknown: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def slots(self) -> dict:
        """The slots as JSON-ready data (for ``--json`` and the web page)."""
        out: dict = {}
        for key, value in self.__dict__.items():
            if key in ("name", "details", "department_open") or value in (None, [], {}, False):
                continue
            if isinstance(value, Entity):
                value = value.name
            elif isinstance(value, list):
                value = [v.name if isinstance(v, Entity) else (str(v) if isinstance(v, Decimal) else v)
                         for v in value]
            elif isinstance(value, Decimal):
                value = str(value)
            out[key] = value
        return out


def _has(pattern: str, text: str) -> bool:
    """Whether ``pattern`` occurs in ``text``."""
    return re.search(pattern, text) is not None


def strong_projects(linked: Linked) -> list[Entity]:
    """Projects named exactly, else the best fuzzy candidates that clearly stand out."""
    exact = linked.entities("project", exact_only=True)
    if exact:
        return exact
    ranked = linked.fuzzy.get("project", [])
    if not ranked:
        return []
    top = ranked[0][0]
    if top < 5.5:
        # a short but distinctive name (三线一单): only when no other project comes close
        if top >= 4 and (len(ranked) == 1 or ranked[1][0] < top - 1.5):
            return [ranked[0][1]]
        return []
    return [e for s, e in ranked if s >= top - 0.5]


class IntentClassifier:
    """Stage ``intent``: ``Linked`` → ``Intent``."""

    name = "intent"

    def __call__(self, linked: Linked) -> Intent:
        text = linked.question.text
        intent = Intent("unknown")
        self._fill_common(intent, linked)
        intent.name = self._classify(text, intent, linked)
        self._fill_specific(intent, text, linked)
        return intent

    # -- slots shared by every intent ------------------------------------------------------
    def _fill_common(self, intent: Intent, linked: Linked) -> None:
        """Slots every intent uses: departments (or a place's), years, projects, subjects, person, policy."""
        depts = [e.name for e in linked.entities("department")]
        projects = strong_projects(linked)
        if not depts:  # a bare place names every department of that place (not 昌吉 of 美丽昌吉…)
            text = linked.question.text
            for m in linked.mentions:
                if m.how != "exact" or "place" not in m.kinds() or m.kinds() & {"department"}:
                    continue
                place = next(e for e in m.entities if e.kind == "place")
                if any(place.name in p.name for p in projects):
                    continue
                mine = [d for d in (place.code or "").split("|") if d]
                # the words right after the place narrow it (江苏省政协 → 江苏省政协办公厅)
                for k in range(6, 1, -1):
                    frag = text[m.end: m.end + k]
                    if len(frag) < k or re.search(r"[^\u4e00-\u9fff]", frag):
                        continue
                    narrow = [d for d in mine if frag in d]
                    if narrow:
                        if len(narrow) < len(mine):
                            mine = narrow
                        break
                depts += mine
        intent.departments = list(dict.fromkeys(depts))
        intent.department_open = not intent.departments
        intent.years = list(linked.question.years)
        intent.projects = projects
        intent.subjects = (linked.entities("functional_subject") + linked.entities("economic_subject"))
        if not intent.subjects and not intent.projects:  # a subject named partly (社保和就业支出)
            for kind in ("functional_subject", "economic_subject"):
                ranked = linked.fuzzy.get(kind, [])
                if ranked and ranked[0][0] >= 4.5 and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
                    intent.subjects.append(ranked[0][1])
                    break
        persons = linked.entities("person")
        intent.person = persons[0] if persons else None
        policies = linked.entities("policy", exact_only=True)
        intent.policy = policies[0] if policies else None
        intent.unknown = list(linked.unknown)

    # -- which intent ------------------------------------------------------------------------
    def _classify(self, t: str, intent: Intent, linked: Linked) -> str:
        """The intent: the first rule that fires, most specific first."""
        has_project = bool(intent.projects)
        exact_project = bool(linked.entities("project", exact_only=True))
        ranked = linked.fuzzy.get("project", [])
        one_clear = bool(ranked) and ranked[0][0] >= 8 and (len(ranked) == 1 or ranked[1][0] < ranked[0][0] - 2)
        many_units = _has(r"哪家|哪个单位|哪个部门|哪一家|[几两三四五六七八九十\d]+(个|家)(单位|部门)|各单位|各部门|"
                          r"各个单位|单位之间|部门之间|谁", t)
        terms = linked.entities("term")
        if (_has(r"名词解释|是什么意思|什么意思|指的是什么|指什么|含义|定义|什么是|何为|口径|什么叫|啥是|啥叫|"
                 r"怎么理解|如何理解|解释一下|是指", t) or
                (terms and _has(r"是什么\?*$|是啥", t))) \
                and not has_project and not _has(r"多少|哪些|几个|最大|最小|最多|排名", t):
            return "definition"
        if _has(r"对不上|对得上|不一致|不相符|相符|勾稽|加起来|之和|不平|算错|差错|核对|对不对|不匹配|"
                r"校验|审计|有误|错误|出错|错漏|有问题|问题吗|准不准|对吗", t):
            return "audit"
        if _has(r"负责人|承担单位|谁负责|负责|承担|实施单位|执行单位", t) or intent.person or \
                (_has(r"下属", t) and _has(r"项目", t)):
            return "responsible"
        if _has(r"科室|内设|处室|编制|实有人数|在职|退休|离休|人员情况|职能|职责|机构设置|下属|人数|"
                r"多少人|几个人|几人|多少名", t) \
                and not has_project:
            return "profile"
        if _has(r"依据|引用|文件|政策|文号|印发|通知|规划|办法", t) and (
                has_project or intent.policy or linked.fuzzy.get("policy") or _has(r"哪些项目", t)):
            return "policy_basis"
        if _has(r"指标|绩效目标", t) or (has_project and _has(r"要达到|达到什么|什么效果|效果|产出|考核", t)):
            return "indicators"
        if _has(r"来源|出自|哪一块|哪块|哪类资金|什么钱|资金性质|从哪|哪部分|资金渠道|哪项收入|什么资金", t) \
                and has_project:
            return "funding_source"
        if len(linked.entities("department")) >= 2 and not has_project and \
                _has(r"排序|排个序|排名|比较|对比|哪个多|哪个少|哪个高|哪个大|谁多|谁少|谁的|谁高|高低|相比|哪家|"
                     r"比[^，。,?？]{1,15}(多|少|高|低|大|小)", t):
            return "comparison"
        if many_units and not has_project and "项目" not in t.replace("项目支出", "") and \
                not _has(r"分别|各是多少|各多少", t):
            return "comparison"
        if _has(r"三公|公务用车|公务接待|因公出国|出国\(境\)|买车|购车|公车|车辆购置|购置车辆", t):
            return "sangong"
        if _has(r"机关运行经费", t):
            return "operating"
        if _has(r"政府采购|采购预算|采购", t) and not has_project and \
                not (_has(r"项目", t) and _has(r"有没有|哪些|什么|哪个|哪几个", t) and not _has(r"政府采购", t)):
            return "procurement"
        if _has(r"新安排|新增的|结转下来|上年结转|结转项目|结转的|结转结余项目|还是.*结转|结转资金|结余资金", t) and (
                has_project or _has(r"项目", t)):
            return "carryover"
        if not exact_project and not (one_clear and not _has(r"哪些|哪几个|有哪|都有", t)) and \
                _has(r"哪些项目|哪个项目|有没有|什么项目|相关的?项目|有关的?项目|方面的?项目|涉及|项目(都)?有哪些|项目有什么", t) \
                and not _has(r"超过|以上|以下|低于|高于|最大|最小|最多|最少|最高|最低|几个|多少个", t) \
                and not linked.question.amounts and not self._category(t) and \
                not any(len(s.name) >= 4 and s.name.endswith("支出") for s in
                        linked.entities("functional_subject", exact_only=True) +
                        linked.entities("economic_subject", exact_only=True)):
            return "topic_projects"
        if _has(rf"最大|最多|最高|最小|最少|最低|最贵|最便宜|前{_CN_NUM}(个|名|位)|排名前|top|第{_CN_NUM}(大|名|位|高|多|的|个)", t) \
                and not _has(r"排序|排个序", t):
            return "top_n"
        if linked.question.amounts and _has(r"以上|超过|突破|大于|高于|不低于|不少于|以下|低于|不足|少于|"
                                            r"小于|不超过|不到|之间|至|多于|过", t):
            if "项目" not in t.replace("项目支出", "") and not has_project and \
                    (_has(r"单位|部门|哪家", t) or not intent.departments) and \
                    any(_has(rx, t) for k, _, rx in METRICS if k not in ("income_side", "expenditure_side")):
                return "comparison"  # departments whose figure passes the bound (一般公共预算超过1亿元的单位)
            return "threshold"
        if _has(r"(?<!哪)几个|多少个|多少项|(?<!哪)几项|数量|个数", t) and _has(r"项目|科目|单位", t):
            return "count"
        if _has(r"哪些|哪几个|有哪|列出|分别|各是|各多少|都是|是哪", t) and _has(r"项目", t) and self._category(t):
            return "count"  # a list of projects of one kind of funding: listed and counted
        if _has(r"推算|倒推|算出|反推", t) and not has_project:
            return "change"
        explicit = linked.entities("department")
        if len(intent.years) == 2 and not has_project and len(explicit) <= 1 and \
                abs(intent.years[0] - intent.years[1]) == 1 and \
                _has(CHANGE_WORDS + r"|比\d{4}年|较\d{4}年|多了|少了|多多少|少多少|差多少", t):
            return "change"  # one department, this year against the one before
        if _has(r"排序|排个序|排名|比较|对比|从高到低|从低到高|从大到小|从小到大|哪个多|谁多|高低", t) \
                or (len(explicit) >= 2 and not has_project) or (len(intent.years) >= 2 and not has_project):
            return "comparison"
        if not has_project and not intent.subjects and _has(r"花在哪|用在哪|用到哪|都花在|花到哪|主要用于|主要用在|"
                                                             r"支出结构|支出构成|支出方向|钱都用", t) \
                and not _has(ECON_WORDS + r"|经济分类", t):
            return "functional_breakdown"  # where the money goes: the 类 of the functional table
        if linked.entities("topic") and not has_project and not intent.subjects and \
                _has(r"项目|经费|资金|钱|安排|花了|投入", t) and \
                not any(_has(rx, t) for k, _, rx in METRICS if k not in ("income_side", "expenditure_side")):
            return "topic_projects"  # 给宣传安排了多少钱
        if not has_project and _has(r"比上年|较上年|比去年|较去年|同比|与上年相比|和上年相比", t) and \
                _has(r"[\u4e00-\u9fff]费", t) and not _has(r"哪些|哪几|构成|明细", t):
            return "change"  # 培训费比上年增加多少: the narrative's statement about that expense
        if intent.subjects and not has_project and _has(r"(?<!哪些)项目(?!支出)(多少钱|预算|经费|资金|是多少|有多少|多少|有哪些|吗|[?？。]?$)", t) \
                and not _has(r"科目|分类|类级|款级|项级|明细|构成", t):
            return "topic_projects"  # 水污染防治项目多少钱: a project about it, not the subject's row
        kinds = {e.kind for e in intent.subjects}
        if _has(ECON_WORDS, t) or "economic_subject" in kinds:
            return "economic_breakdown"
        if _has(r"功能分类|科目|类级|款级|项级", t) or "functional_subject" in kinds:
            return "functional_breakdown"
        if has_project and _has(r"多少|金额|预算|资金|规模|钱|安排", t):
            return "project_amount"
        if _has(r"比上年|较上年|比去年|较去年|同比|增加|减少|增长|下降|压减", t) and not has_project:
            return "change"
        if any(_has(rx, t) for _, _, rx in METRICS) and not has_project:
            return "dept_total"
        if has_project:
            return "project_amount"
        if intent.departments and _has(r"多少钱|总共|一共|预算是多少|预算多少|预算有多少|总额|多少预算", t) \
                and not _has(r"项目", t):
            return "dept_total"
        if _has(r"项目|经费|资金|钱|安排", t):
            return "topic_projects"
        if intent.departments:  # a department and nothing else asked: its main figures
            return "dept_total"
        return "unknown"

    # -- slots of one intent -----------------------------------------------------------------
    def _fill_specific(self, intent: Intent, t: str, linked: Linked) -> None:
        """Slots of the chosen intent only."""
        name = intent.name
        intent.share = _has(r"占比|比重|比例|占多少|各占|百分之|%", t)
        intent.change = _has(CHANGE_WORDS, t)
        if name in ("dept_total", "comparison", "change"):
            intent.metrics = self._metrics(t)
            if name == "change":  # an expense the narrative states a change of (培训费, 会议费)
                words = [w for w in re.findall(r"[\u4e00-\u9fff]{2,3}费", t)
                         if not _has(r"经费|三公|公务|出国|运行费|购置费", w)]
                if words:
                    intent.metrics = ["word:" + w[-3:] for w in dict.fromkeys(words)] + \
                        [m for m in intent.metrics if any(_has(rx, t) for k, _, rx in METRICS if k == m)
                         and m not in ("income_side", "expenditure_side")]
            if name in ("comparison", "change"):
                if _has(r"三公|公务用车|公务接待|因公出国", t):
                    found = [k for k, _, rx in THREE_PUBLIC[1:] if _has(rx, t)]
                    intent.metrics = ["three_public." + k for k in (found or ["total"])]
                elif _has(r"机关运行经费", t):
                    intent.metrics = ["operating_expenses"]
                elif _has(r"政府采购", t):
                    intent.metrics = ["procurement.total"]
        if name == "sangong":
            found = [k for k, _, rx in THREE_PUBLIC[1:] if _has(rx, t)]
            if "vehicle_operation" in found or "vehicle_purchase" in found:
                found = [k for k in found if k != "vehicles"]
            if _has(r"购置[及和与、]?运行|购置及运行维护|用车费用", t):
                found = [k for k in found if k not in ("vehicle_purchase", "vehicle_operation")] + ["vehicles"]
            if found and _has(r"三公", t) and _has(r"总共|合计|一共|总额|总数|其中", t):
                found = ["total", *found]  # 三公经费总共多少？其中公务用车运行费多少？
            intent.metrics = found or ["total", "overseas", "reception", "vehicles",
                                       "vehicle_purchase", "vehicle_operation"]
        if name == "procurement":
            found = [k for k, _, rx in PROCUREMENT[1:] if _has(rx, t)]
            intent.metrics = ["total", *found] if found else ["total", "goods", "works", "services"]
        if name == "indicators":
            scan = t
            for p in linked.mentions:  # a project's own name (…空气质量…) names no indicator kind
                if p.kinds() & {"project"}:
                    scan = scan[:p.start] + "|" * (p.end - p.start) + scan[p.end:]
            intent.indicator_kinds = [k for k in INDICATOR_KINDS
                                      if _has(k[:-2] + r"(?=指标|[和、与及,，]|方面|类)", scan)
                                      and (k != "效益指标" or not _has(r"(经济|社会|生态)效益", scan))]
            intent.indicator_kinds = [k for k in intent.indicator_kinds
                                      if not (k == "效益指标" and len(intent.indicator_kinds) > 1 and
                                              any(x.endswith("效益指标") and x != k for x in intent.indicator_kinds))]
            if _has(r"产出指标", scan):  # 一级指标 产出: its four kinds
                intent.indicator_kinds = list(dict.fromkeys(
                    intent.indicator_kinds + ["数量指标", "质量指标", "时效指标", "成本指标"]))
        if name == "threshold" or (name == "comparison" and linked.question.amounts):
            self._threshold(intent, t, linked)
        if name in ("top_n", "comparison"):
            intent.descending = not _has(r"最小|最少|最低|最便宜|从低到高|从小到大|倒数", t)
            m = re.search(rf"(?:前|最大的|最多的|最高的|最小的|最少的|最低的|top)\s*({_CN_NUM})", t)
            n = chinese_count(m.group(1)) if m else None
            if n is None and name == "top_n":  # 三家单位 in a comparison names the set, not a cut
                m = re.search(rf"({_CN_NUM})\s*(?:个|项|名|家)(?!项目中|个项目中)", t.split("中")[-1])
                n = chinese_count(m.group(1)) if m else None
            if n is None and name == "top_n" and _has(r"哪两个|两个", t):
                n = 2
            intent.top_n = n or (1 if name == "top_n" and _has(r"最大|最多|最高|最小|最少|最低|最贵|最便宜", t) else None)
            nth = re.search(rf"第({_CN_NUM})(?:大|名|位|高|多|的|个)", t)
            if nth and chinese_count(nth.group(1)):
                intent.details["nth"] = chinese_count(nth.group(1))
                intent.top_n = intent.details["nth"]
        if name in ("top_n", "threshold", "count", "topic_projects", "carryover"):
            intent.category = self._category(t)
        intent.details["difference"] = _has(r"多多少|少多少|差多少|相差|差额|差距|高出|低了多少", t)
        intent.details["sum"] = _has(r"合计|总共|一共|加起来|总和|之和|共计", t)
        intent.details["how_many"] = _has(r"几个|多少个|多少项|几项|多少条|几条", t)
        if name == "functional_breakdown":
            scan = t
            for sub in intent.subjects:  # a subject's own name (…项目支出) names no column
                scan = scan.replace(sub.name, "")
            intent.details["column"] = "project" if "项目支出" in scan else "basic" if "基本支出" in scan else "total"
        if name == "functional_breakdown" or name == "economic_breakdown":
            intent.level = 3 if _has(r"项级|明细|具体", t) else 2 if _has(r"款级", t) else \
                1 if _has(r"类级", t) else None
        if name == "profile":
            intent.aspect = ("staffing" if _has(r"编制|人数|在职|退休|离休|人员|多少人|几个人|几人|多少名", t) else
                             "functions" if _has(r"职能|职责", t) else
                             "subordinate" if _has(r"下属", t) else "divisions")
        if name == "responsible":
            intent.aspect = "subordinate" if _has(r"下属", t) else None
        if name == "topic_projects":
            intent.keywords = topic_keywords(linked)

    @staticmethod
    def _metrics(t: str) -> list[str]:
        """The ``totals`` keys a question asks for, each phrase used once (longest first)."""
        found: list[str] = []
        rest = t
        for key, _, rx in METRICS:
            if re.search(rx, rest):
                found.append(key)
                rest = re.sub(rx, "|", rest)
        if "income_side" in found and len(found) > 1:
            found.remove("income_side")
        if "expenditure_side" in found and len(found) > 1:
            found.remove("expenditure_side")
        if found == ["income_side"]:
            found = ["income_total"]
        if found == ["expenditure_side"]:
            found = ["expenditure_total"]
        if _has(r"收入来源|收入构成|收入结构|来源构成|收入由哪|钱从哪|资金来源", t):
            return ["income_total", "general_public_budget", "upper_level_transfer", "government_fund",
                    "state_capital", "unit_funds", "carryover_total"]
        return found or ["income_total", "expenditure_total", "basic_expenditure", "project_expenditure"]

    @staticmethod
    def _category(t: str) -> str | None:
        """The funding category a list of projects is restricted to, if the question says one."""
        if _has(r"只用单位资金|完全不用财政拨款|非财政拨款|单位资金项目(?!也)", t) and not _has(r"也算|也包括|含", t):
            return "unit_funds"
        if _has(r"财政拨款安排|用财政拨款|财政拨款的?项目|一般公共预算项目|表7", t):
            return "fiscal"
        if _has(r"转移支付", t) and _has(r"项目", t):
            return "transfer"
        if _has(r"结转项目|上年结转", t):
            return "carryover"
        if _has(r"当年|新安排|本年", t):
            return "current"
        return None

    @staticmethod
    def _threshold(intent: Intent, t: str, linked: Linked) -> None:
        """Operator and bound(s) of an amount threshold. As in Chinese rules, 以上/以下/以内
        include the amount itself; 超过/高于/低于/不足 do not."""
        amounts = linked.question.amounts
        intent.amount = amounts[0].value
        after = t[amounts[0].end: amounts[0].end + 4]
        before = t[max(0, amounts[0].start - 5): amounts[0].start]
        if len(amounts) >= 2 and _has(r"之间|至|到|-|~", t):
            intent.op, intent.amount_high = "between", amounts[1].value
        elif _has(r"不超过|不高于|不多于", before) or _has(r"^(?:及|或)?(?:以下|以内|之内)", after):
            intent.op = "<="
        elif _has(r"低于|不足|少于|小于|不到|未达|未超过", before):
            intent.op = "<"
        elif _has(r"不低于|不少于", before) or _has(r"^(?:及|或)?以上", after):
            intent.op = ">="
        else:
            intent.op = ">"


_STOP = re.compile(r"^(哪些项目|哪个项目|什么项目|有哪些|哪几个|有关|跟|同|与|内容|情况|有没有|有|没有|专门|做|的|项目|经费|资金|分别|是|哪个|哪些|单位|多少钱|多少|钱|"
                   r"安排|在|里|中|工作|预算|了|吗|呢|和|与|及|或|用于|用在|关于|方面|相关|什么|"
                   r"都|哪|个|这|那|些|一下|请问|列出|所有|给|我|看看|查询|查|一个|涉及|专项|开展|"
                   r"支出|部门|局|年|清单|列表|名单|一览|名称|全部|具体|详细|明细|哪|啥|呢|吧|金额|数额|规模|"
                   r"预算额|多大|几万|万元|元|是否|能否|可以|告诉|想|知道)$")


def topic_keywords(linked: Linked) -> list[str]:
    """Content words of a topic question: tokens that are not question words, not linked
    departments, places or topics, not punctuation."""
    out: list[str] = []
    covered = [(m.start, m.end) for m in linked.mentions if m.kinds() & {"department", "place", "topic"}]
    for tok in linked.tokens:
        w = tok.text
        if any(s <= tok.start < e for s, e in covered):
            continue
        numeral = re.fullmatch(r"[\d.,%零〇一二两三四五六七八九十百千万亿个年月日]+", w)
        if len(w) < 2 or _STOP.match(w) or re.fullmatch(r"[\W\d_]+", w) or numeral or \
                tok.tag in ("x", "uj", "r", "p", "c", "d"):
            continue
        out.append(w)
    return list(dict.fromkeys(out))
