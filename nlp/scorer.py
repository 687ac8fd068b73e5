"""Scores the candidate foci of a clause: a linear model over named evidence.

The evidence of a clause is a set of *atoms* (an entity kind the linker found, a cue the lexicon
found, a few conjunctions such as "an amount word next to a department and no project"), each
with a value. A candidate frame with focus ``f`` has the features ``f|atom``; its score is the sum
of their weights. The weights in ``WEIGHTS`` say how much each atom is evidence for each focus —
so a new measure word is evidence for the figures focus and nothing else, and no rule is ordered
before another. ``nlp.training`` fits corrections to these weights on questions generated from the
graph's own entities (the "overnight" method); ``Scorer`` adds them where they are given.
"""
from __future__ import annotations

import re
from collections import defaultdict

from nlp import lexicon as L

# weight of focus|atom (atoms are listed in ``atoms``); unlisted pairs weigh 0
WEIGHTS: dict[str, float] = {
    # a department's own figures
    "figures|bias": 0.3,
    "figures|measure:item": 3.0,
    "figures|income_breakdown": 3.0,
    "figures|amount_for_department": 1.0,
    "figures|ent:department": 0.5,
    "figures|ent:project_exact": -3.0,
    "figures|ent:project_fuzzy": -1.5,
    "figures|focus:projects": -0.5,
    "figures|ent:subject_exact": -1.5,
    "figures|subject_named_as_measure": 2.0,
    "figures|change_of_expense": 4.0,
    "figures|measure_scope": -2.0,
    "figures|rank_of_project_expenditure": -2.0,
    # departments compared on one figure
    "departments|focus:departments": 1.0,
    "departments|measure_compared": 4.0,
    "departments|measure_bounded": 3.5,
    "departments|no_measure": -4.0,
    "departments|focus:projects": -1.5,
    "departments|measure_over_departments": 3.0,
    # projects
    "projects|ent:project_exact": 3.5,
    "projects|ent:project_fuzzy": 2.5,
    "projects|focus:projects": 1.0,
    "projects|ent:person": 2.0,
    "projects|category": 1.5,
    "projects|funding": 1.5,
    "projects|bound": 1.0,
    "projects|topic_money": 1.5,
    "projects|attribute_of_project": 1.5,
    "projects|item_measure_alone": -2.0,
    "projects|policy_and_projects": 1.5,
    "projects|projects_citing_policy": 6.0,
    "subjects|breakdown_by_classification": 4.0,
    "projects|ent:subject_and_project_word": 0.5,
    "projects|rank_of_project_expenditure": 4.0,
    "projects|economic_subject_items": -3.0,
    "projects|measure_scope": 1.0,
    "projects|projects_under_subject": 3.0,
    "projects|focus:indicators": -3.0,
    "projects|focus:policies": -2.5,
    "projects|focus:persons": -2.5,
    "projects|focus:findings": -4.0,
    "projects|focus:definitions": -2.0,
    "projects|projects_of_subordinates": 3.0,
    # classification subjects
    "subjects|ent:subject_exact": 3.0,
    "subjects|ent:subject_fuzzy": 2.0,
    "subjects|focus:subjects": 1.0,
    "subjects|expenditure_breakdown": 3.0,
    "subjects|level": 1.0,
    "subjects|ent:project_exact": -2.0,
    "subjects|subject_word_is_project_word": -1.5,
    "subjects|subject_named_as_measure": -2.5,
    "subjects|subject_context": 2.0,
    "subjects|change_of_expense": -3.0,
    "subjects|measure_scope": 1.0,
    "subjects|projects_under_subject": -2.0,
    "subjects|subjects_ordered": 3.5,
    "figures|subjects_ordered": -1.5,
    "departments|subjects_ordered": -2.0,
    # the rest: their own words
    "indicators|focus:indicators": 1.0,
    "indicators|ent:project_exact": 0.5,
    "indicators|ent:project_fuzzy": 0.5,
    "policies|focus:policies": 1.0,
    "policies|ent:project_exact": 1.0,
    "policies|ent:project_fuzzy": 1.0,
    "policies|ent:policy": 0.5,
    "policies|policy_and_projects": -1.0,
    "persons|focus:persons": 1.0,
    "persons|ent:project_exact": 1.0,
    "persons|ent:project_fuzzy": 1.0,
    "persons|ent:person": -2.0,
    "divisions|focus:divisions": 1.0,
    "subordinates|focus:subordinates": 1.0,
    "subordinates|ent:project_exact": -2.0,
    "subordinates|projects_of_subordinates": -3.0,
    "subordinates|units_by_money": -3.0,
    "figures|units_by_money": 3.0,
    "subjects|subjects_of_column": 4.0,
    "indicators|indicator_kind_of_project": 4.0,
    "figures|subjects_of_column": -2.0,
    "functions|focus:functions": 1.0,
    "functions|ent:person": -3.0,
    "staff|measure:staff": 4.0,
    "staff|measure_word_of_project": -4.0,  # 调查编制工作: 编制 is the project's word, not its staffing
    "figures|measure_word_of_project": -2.0,
    "staff|measure_compared": -3.0,
    "staff|ent:project_exact": -3.0,
    "assets|focus:assets": 1.5,
    "assets|ent:project_exact": -3.0,
    "findings|focus:findings": 1.0,
    "findings|subject_check": 4.0,  # 商品和服务支出的明细加起来等于合计吗: a check of that subject
    "findings|agreement_asked": 6.0,  # 对得上吗, 是否一致, 到底是A还是B: the check is the question
    "definitions|agreement_asked": -3.0,  # 资金口径跟表里对得上吗: a check of the figure, not a definition
    "definitions|focus:definitions": 1.0,
    "definitions|ent:term": 0.5,
    "definitions|asks_figures": -3.0,
    "definitions|ent:project_exact": -3.0,
}
FOCI = ("figures", "departments", "projects", "subjects", "indicators", "policies", "persons", "divisions",
        "subordinates", "functions", "staff", "assets", "findings", "definitions")


def atoms(ev) -> dict[str, float]:
    """The evidence of a clause (``nlp.parse.Evidence``) as named atoms with values."""
    a: dict[str, float] = defaultdict(float)
    cues = ev.cues
    strongest: dict[str, float] = defaultdict(float)
    for c in cues.cues:  # each focus word adds its weight (several words for one focus: stronger, capped
        if c.kind == "focus":  # at the strongest word's weight or 3, whichever is more — never weaker)
            key = "focus:" + c.value
            strongest[key] = max(strongest[key], c.weight)
            a[key] = min(a[key] + c.weight, max(strongest[key], 3.0))
    project_word = any(re.search(r"项目|专项", c.text) for c in cues.of("focus", "projects"))
    if ev.departments:
        a["ent:department"] = 1
    if len(ev.departments) >= 2:
        a["ent:departments2"] = 1
    if ev.projects:
        a["ent:project_exact" if ev.projects_exact else "ent:project_fuzzy"] = 1
    if ev.subjects:
        a["ent:subject_exact" if ev.subjects_exact else "ent:subject_fuzzy"] = 1
    for kind, ents in (("person", ev.persons), ("policy", ev.policies), ("topic", ev.topics),
                       ("term", ev.terms), ("unit", ev.units)):
        if ents:
            a["ent:" + kind] = 1
    if ev.item_measures:
        a["measure:item"] = 1
    if ev.projects and any(c.text in p.name for c in cues.of("measure") for p in ev.projects):
        a["measure_word_of_project"] = 1
    if ev.staff_measures:
        a["measure:staff"] = 1
    for kind in ("income_breakdown", "expenditure_breakdown", "category", "funding", "level", "set_size"):
        if cues.has(kind):
            a[kind] = 1
    if ev.bound is not None:
        a["bound"] = 1
    ops = set(cues.values("op"))
    measure = bool(ev.item_measures or ev.staff_measures)
    if not measure:
        a["no_measure"] = 1
    # 管猪肉储备的钱, 给X做Y安排钱: the money of what the words name, not the department's own figure
    money_of_words = bool(ev.topics or ev.keywords) and re.search(
        r"的(?:钱|经费|资金)|(?:安排|花|投入|拨)了?(?:多少|几多)?(?:钱|经费|资金)", ev.text)
    if cues.has("amount") and ev.departments and not ev.projects and not ev.subjects and not (money_of_words and not measure):
        a["amount_for_department"] = 1  # not 管猪肉储备的钱: the money of what the words name
    against_year = len(ev.departments) <= 1 and re.search(r"比(?:\d{2,4}|[上去前])年", ev.text)  # 比2023年多了多少: a change
    if measure and ops & {"compare", "sort", "rank"} and (len(ev.departments) != 1 or cues.has("focus", "departments")) \
            and not project_word and not ev.projects and not against_year:
        a["measure_compared"] = 1
    if measure and ev.bound is not None and not project_word and not ev.projects and \
            (cues.has("focus", "departments") or not ev.departments):
        a["measure_bounded"] = 1
    if (ev.topics or ev.keywords) and (project_word or re.search(r"经费|资金|钱|安排|花了|投入", ev.text)):
        a["topic_money"] = 1
    if cues.has("attribute") and ev.projects:
        a["attribute_of_project"] = 1
    if ev.item_measures and not ev.projects and not project_word:
        a["item_measure_alone"] = 1
    if ev.policies and project_word:
        a["policy_and_projects"] = 1
    asks_projects = any(c.weight >= 3.0 for c in cues.of("focus", "projects"))  # 哪些项目, 几个项目
    if re.search(r"按(?:支出)?(?:部门|政府(?:预算)?(?:支出)?)?(?:功能|经济)(?:分类|科目)|按[类款](?!型)|"
                 r"分(?:功能|经济)分类|各个?(?:功能|经济)(?:分类)?科目|(?:功能|经济)(?:分类)?科目之?间", ev.text) and \
            re.search(r"各|分别|哪些|哪几|多少|几大块|几大类|几块|几部分|(?:怎么|如何|怎样)分|分布|构成|组成|结构", ev.text) \
            and not ev.projects:
        a["breakdown_by_classification"] = 1  # 一般公共预算当年拨款按功能分类各类多少: the rows of that scope
    if ev.policies and asks_projects:
        a["projects_citing_policy"] = 1  # 哪些专项的立项依据引用了《X》: the projects, filtered by the document named
    if ev.subjects and asks_projects and any(s.kind == "functional_subject" for s in ev.subjects):
        a["projects_under_subject"] = 1  # 大气科目下有哪些项目: projects classified under that subject
    if ev.subjects and project_word and all(s.kind == "economic_subject" for s in ev.subjects):
        a["economic_subject_items"] = 1  # an economic subject's 项目 are its own items: projects are not classified so
    if ev.subjects and project_word and not cues.has("focus", "subjects"):
        a["ent:subject_and_project_word"] = 1
        a["subject_word_is_project_word"] = 1
    context = re.search(r"经济分类|功能分类|明细|科目|商品和服务|工资福利|对个人和家庭|资本性支出|基本支出中|公用经费中|"
                        r"类级|款级|项级|[类款项]\)", ev.text)
    if ev.subjects and context:
        a["subject_context"] = 1
    if ev.subjects and ev.item_measures and not context and any(
            any(c.start <= ev.text.find(s.name) < c.end or ev.text.find(s.name) <= c.start < ev.text.find(s.name) + len(s.name)
                for c in cues.of("measure")) for s in ev.subjects if s.name in ev.text):
        a["subject_named_as_measure"] = 1
    # a functional subject named by its own name beside the 费 word (审计业务和培训费都砍了) makes the
    # clause about subjects: the 费 word is then a subject of its own, not the narrative's figure
    named_function = any(s.kind == "functional_subject" and s.name in ev.text and "费" not in s.name
                         for s in ev.subjects) and ev.subjects_exact
    if ops & {"change", "growth", "derive"} and re.search(r"[\u4e00-\u9fff]{2,3}费", ev.text) and \
            not ev.projects and not project_word and not cues.has("focus", "findings") and not named_function:
        a["change_of_expense"] = 1  # (算得对吗 is a check)
    if "project_expenditure" in ev.item_measures and len(ev.departments) <= 1 and (
            ops & {"rank"} or ev.bound is not None and re.search(L.ITEMS_ASKED, ev.text)):
        # 项目支出里最大的, 项目支出里超过1000万元的有哪些: the projects inside the figure, ranked or bounded
        a["rank_of_project_expenditure"] = 1
    scope = [c for c in cues.of("measure") if re.match(r"中|里|当中|里面|之中", ev.text[c.end:c.end + 2])]
    functions_after = [x for x in ev.subjects if x.kind == "functional_subject" and x.name[:2] in ev.text]
    functions = [x for x in ev.subjects if x.kind == "functional_subject"]
    if scope and (cues.has("focus", "subjects") or project_word or (
            functions_after and not str(scope[-1].value).startswith(("three_public", "procurement"))
            and scope[-1].end < min(ev.text.find(x.name[:2]) for x in functions_after))
            or (functions and str(scope[-1].value) in ("general_public_budget", "government_fund", "state_capital"))):
        # (公交运营补助为什么从一般公共预算里少了: a subject inside the funds named, before or after them)
        # (一般公共预算里，商业流通和涉外发展各多少: subjects named after the figure that scopes them)
        a["measure_scope"] = 1  # 基本支出中…科目, 项目支出中…项目: the figure is where to look, not what is asked
    if measure and cues.has("focus", "departments") and len(ev.departments) != 1:
        a["measure_over_departments"] = 1
    if re.search(r"科目|分类|按[类款]|按项(?!目)|类级|款级|项级|\([类款项]\)", ev.text) and not project_word \
            and not ev.projects and (ops & {"rank", "sort"} or ev.bound is not None or cues.has("level")):
        a["subjects_ordered"] = 1  # 按经济科目（款）排最大的三项, 哪些科目超过1000万, 按类分各多少: rows of a classification
    # 公用经费211万，花得最多的是哪三项: the figure named first is where the items asked are, comma or no 里
    within = scope or [c for c in cues.of("measure") if re.match(r"[\d.,万元亿]*[，,]", ev.text[c.end:c.end + 12])]
    if within and any(re.fullmatch(L.ECONOMIC_SCOPE, ev.text[c.start:c.end]) for c in within) and not project_word \
            and not ev.projects and (ops & {"rank", "sort"} or ev.bound is not None) and re.search(L.ITEMS_ASKED, ev.text):
        a["subjects_ordered"] = 1  # 机关运行经费里哪三项最多, 基本支出中哪几项超过100万: the economic rows inside it
    if cues.has("focus", "findings") and ev.subjects:
        a["subject_check"] = 1
    if re.search(L.AGREEMENT_ASKED, ev.text):
        a["agreement_asked"] = 1  # 明细加起来和合计对得上吗: whether two places agree, before any breakdown
    if cues.has("focus", "subordinates") and (project_word or cues.has("attribute", "unit")):
        a["projects_of_subordinates"] = 1
    if getattr(ev, "indicator_kinds", None) and ev.projects and re.search(r"哪些|哪几|什么|多少|几", ev.text):
        a["indicator_kind_of_project"] = 1  # 中介服务费数量上要完成哪些任务: that kind of the project's targets
    if re.search(L.SUBJECTS_OF_COLUMN, ev.text) and not ev.projects and not project_word:
        a["subjects_of_column"] = 1  # 项目支出都在哪个科目: the subject rows that column fills, not its total
    if cues.has("focus", "subordinates") and (ops & {"rank", "sort"} or ev.bound is not None) and not project_word \
            and re.search(L.UNIT_MONEY, ev.text):
        a["units_by_money"] = 1  # 下属单位预算最多的三个: the units ranked by their figures, not their names
    if re.search(r"多少|哪些|几个|最大|最小|最多|排名", ev.text):
        a["asks_figures"] = 1
    return dict(a)


class Scorer:
    """focus → score for one clause: ``WEIGHTS`` plus any learned corrections."""

    def __init__(self, learned: dict[str, float] | None = None) -> None:
        self.weights = dict(WEIGHTS)
        for key, value in (learned or {}).items():
            self.weights[key] = self.weights.get(key, 0.0) + value

    def features(self, ev, focus: str) -> dict[str, float]:
        feats = {f"{focus}|{k}": v for k, v in atoms(ev).items()}
        feats[f"{focus}|bias"] = 1.0
        return feats

    def focus_scores(self, ev) -> dict[str, float]:
        out = {}
        for focus in FOCI:
            out[focus] = sum(self.weights.get(k, 0.0) * v for k, v in self.features(ev, focus).items())
        return out
