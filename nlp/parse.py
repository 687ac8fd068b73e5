"""A clause → the best-scoring frame, built from what the linker and the cue words found.

No ordered cascade of rules: every focus collects evidence from the clause (its linked entities
and its cues, ``nlp.cues``), each piece of evidence a named feature with a weight
(``nlp.scorer``), and the focus with the highest score is taken. Adding a word to the lexicon or
a measure to the ontology adds evidence for what it means and reorders nothing else. The
operation, measures and filters are then read off the same cues; numbers, years and names keep
their hand rules (``nlp.numbers``, ``nlp.normalize``, ``nlp.link``).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from decimal import Decimal

from nlp import lexicon as L
from nlp.patterns import compiled
from nlp.pieces import head_named_nowhere
from nlp.catalog import Catalog, Entity
from nlp.cues import CueSet, find_cues
from nlp.frames import EXECUTION_ATTRIBUTES, Bound, Filters, Frame, Operation, Ref
from nlp.link import NAMED_WHOLE, Linked, Linker, Mention
from nlp.normalize import RELATIVE_YEAR, find_years, fiscal_year_text
from nlp.numbers import PERCENT_RE, chinese_count, chinese_to_decimal
from nlp.place_filters import of_kind_named
from nlp.scorer import Scorer
from nlp.vocabulary import Vocabulary

_N = r"[\d一二两三四五六七八九十百]+"
INDICATOR_KINDS = ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
                   "可持续影响指标", "满意度指标", "效益指标"]
# Words that say nothing about a topic (what is left of a clause once names and cues are out).
_STOP = re.compile(
    r"哪些项目|哪个项目|什么项目|有哪些|哪几个|哪几?(?:块|笔|部分|本|渠道)(?:钱)?(?:里|中)?(?:出|来|拿)?|(?<=\|)(?:块|笔|部分|渠道)(?:钱)?(?:里|中)?(?:出|来|拿)?(?=\||$)|有关|相关|有没有|没有|专门|关于|方面|涉及|开展|用于|用在|"
    r"[一二三四五六七八九十两几]+(?:块|笔|行|条|类|家|份|位|名)|(?<=[哪每各几三两])项|(?<=哪)一(?:项|个|类|款|笔|家)|(?:增加|增长|减少|下降|上涨|降低|压减|涨|降|增|减)得|公开(?:了|的)|请问|列出|所有|看看|查询|一下|告诉|知道|可以|能否|是否|内容|情况|清单|列表|名单|一览|名称|全部|具体|"
    r"详细|明细|金额|数额|规模|预算额|多大|几万|万元|分别|安排|工作|预算|项目|经费|资金|专项|支出|部门|单位|"
    r"多少钱|多少|什么|哪个|哪些|哪里|哪儿|里面|其中|一个|这个|那个|两者|二者|两项|这两个|这两项|前者|后者|它们|用来|[那这](?:边|里|儿)|"
    r"另外|此外|除此之外|以外|之外|再者|还有|这些|那些|部分|多出来|剩下|其余|这类|那类|之类|这块|那块|这笔|那笔|几笔|一笔|哪一?笔|活儿|事儿|过来|下来|出来|起来|"
    r"(?:类|款)(?:下|下面|下边|底下)|时候|那时|当时|那会儿?|现在|目前|如今|最后|最终|到底|全用|全部用|全都用|只用|纯用|完全|全靠|全部靠|纯靠|带着|拆成|分成|分为|一级|二级|下面|下边|底下|之下|名下|对应|各自|具体|大概|大约|差不多|实际|主要|重点|改由|为啥|咋回事|咋|干嘛|怎么|如何|为什么|原因|"
    r"哪一?本|一本|几成|几倍|翻了?几番|百分之几|之几|之多少|多大比[例重]|本级|汇总|"  # proportion words; a budget's scope (本级/汇总)
    r"(?<!其)[拿把以用将]?它们?(?:当作?|当成|作为|做|为)?|"  # 哪些项目拿它当依据: the document referred back to
    r"立项依据|立项|根据|依据|按照|依照|引用|援引|当作|当成|作为|看作|视为|设立|出台|"  # a policy basis asked (哪些项目是根据X文设立的, 把X当作依据)
    r"(?<=\|)系统(?!建设|运维|开发|升级|改造|平台|维护|集成)|全系统|"  # 司法局系统哪个项目: the department and its units
    r"负责实施|负责|实施|承担|承办|下属|所属|直属|自己|自身|本身|亲自|"
    r"(?:年度|总体|绩效|预期)?目标(?!值)|[核加合对算][得不](?:上|拢|齐)|动用|使用(?![权费金])|用掉|用去|(?<![费使])用了|各用|据此|由此|照此|[那这哪]?一栏|栏目|怎样|怎么样|(?:请)?(?:换算|折算|换)成?(?=万元|亿元|元|\|)|"  # 哪些项目动用了结转、各用了多少: the verb of money used, not a topic
  # who carries a project out (X负责实施的, 下属的X来实施, X自己承担的)
    # a table named as where to look (绩效表里, 项目表中), a figure taken one by one (单项5000万以上), whether
    # money suffices (装得下吗): how the question is asked, never what the projects are about
    r"(?:绩效(?:目标)?|项目(?:支出)?|支出|收入|明细|预算|三公|汇总|附)表|单项|单个|单笔|每项|每个|逐项|逐个|分项|各项|"
    rf"{L.FITS_WITHIN}|够用|"
    r"(?:(?<=有)|(?<=专门)|(?<=是)|(?<=在)|(?<=\|))管(?![理网道护控廊线制家辖委局所站处])|"  # 有没有管猪肉储备的钱: the verb
    r"都|给|我|想|查(?<!普查)(?<!调查)(?<!检查)(?<!审查)(?<!核查)(?<!巡查)(?<!督查)(?<!抽查)|做|搞|花|"  # 查 the verb, not 普查
    r"中(?!心|央|国|华|医|学|小|介|期)|(?<![费使])用的|"  # 里/中 the place word, not 中心/中央/中介; 给X用的
    r"[的了和与及或在里是有吗呢吧啊呀个这那些年月日元钱哪啥谁跟同被把对从按为向就还也又等由]")


@dataclass
class Clause:
    """One part of the question: its span in the folded text and what was found in it."""

    start: int
    end: int
    text: str
    cues: CueSet = field(default_factory=lambda: CueSet([]))
    mentions: list[Mention] = field(default_factory=list)
    topic_groups: list[list[str]] = field(default_factory=list)  # topic IRIs per enumerated item
    context: str = ""  # the question's text before this clause (see ``find_cues``)


class Parser:
    """Clause → Frame."""

    def __init__(self, catalog: Catalog, vocabulary: Vocabulary, linker: Linker, scorer: Scorer) -> None:
        self.catalog = catalog
        self.vocab = vocabulary
        self.linker = linker
        self.scorer = scorer

    # ------------------------------------------------------------------ evidence
    def clause(self, linked: Linked, start: int, end: int) -> Clause:
        text = linked.question.text[start:end]
        context = linked.question.text[:start]
        mentions = [m for m in linked.mentions if start <= m.start and m.end <= end]
        blocked = [(m.start - start, m.end - start) for m in mentions
                   if m.kinds() & {"project", "policy", "person", "division", "department", "unit", "place"}
                   and not m.kinds() & {"term"}]
        return Clause(start, end, text, CueSet(find_cues(text, blocked, context)), mentions, context=context)

    def parse(self, linked: Linked, clause: Clause, ev: "Evidence | None" = None) -> Frame:
        """The best frame of one clause."""
        ev = ev or Evidence.of(self, linked, clause)
        scores = self.scorer.focus_scores(ev)
        focus = max(scores, key=lambda f: (scores[f], -FOCUS_PRIORITY.index(f)))
        if focus in ("figures", "functions") and ev.cues.has("source") and not ev.projects \
                and not ev.cues.has("column") and re.search(L.SOURCE_USE, ev.text):
            # 哪些科目用了事业收入, 国有资本经营预算那笔钱是干什么的: the subjects of a source, not the
            # department's figure nor its functions
            focus = "subjects"
        fund_asked = [k for k in ev.cues.values("measure") if k in L.FUNDS_BY_SUBJECT]
        if focus == "figures" and len(fund_asked) == 1 and not (ev.projects or ev.subjects) \
                and re.search(r"哪[几两三四些个]*[块个项类]?[^，。？?]{0,4}科目|什么科目", ev.text):
            # 政府性基金支出4.4亿，分别来自哪两块基金科目: the rows of that fund's own spending table
            focus = "subjects"
        else:
            fund_asked = []
        if focus == "policies" and re.search(L.WHICH_PROJECTS + r"|什么(?:项目|专项)", ev.text) \
                and not re.search(r"(?:什么|哪些|哪几个|哪个|哪一个|哪份|哪几份)(?:文件|政策|依据|规定|办法)", ev.text):
            # 挂着“粤财工〔2025〕139号”文号的是什么项目: the thing asked is the projects, the 文号 their condition
            focus = "projects"
        if focus == "projects" and ev.subjects and not ev.projects and re.search(L.ITEMS_OF_CLASS, ev.text):
            # 法院款下哪些项目比上年压减超过15%: the 项 under that 款, which people call 项目 too
            focus = "subjects"
        if focus != "findings" and re.search(L.SUM_CHECKED, ev.text):
            # 基本支出经济分类表的明细加总对吗: whether the table adds up, not the sum again
            focus = "findings"
        if focus == "figures" and ev.keywords and not (ev.item_measures or ev.staff_measures or ev.subjects
                                                       or ev.projects) \
                and re.search(L.MONEY_FOR_A_USE, ev.text):
            # 有没有钱用来请律师、心理咨询师: the projects whose money goes to that use, not a total
            focus = "projects"
        frame = Frame(focus, clause=clause.text, score=scores[focus])
        frame.filters = self.filters(ev, focus)
        if focus == "subjects" and fund_asked and not frame.filters.sources and not ev.subjects:
            frame.filters.sources = list(fund_asked)
        frame.operation = self.operation(ev, focus)
        frame.measures = self.measures(ev, focus, frame)
        if focus == "projects" and re.search(L.MONEY_SPLIT_ASKED, ev.text) and not re.search(L.MONEY_SOURCE_ASKED, ev.text):
            # 钱分成了哪几块: how the project's own text splits its money, not its sources
            frame.measures = [m for m in frame.measures if m != "funding"] + ["description"]
        # (是上年结转的吗 asks the project's category, answered as such — not its funds)
        yes_no_source = "yesno" in {frame.operation.name, *frame.operation.also} and \
            any(s != "carryover" for s in frame.filters.sources)
        if focus == "projects" and "funding" not in frame.measures and (
                ev.projects and yes_no_source or re.search(L.SOURCE_CHOICE, ev.text)):  # (…是财政拨款吗: its split answers)
            # 钱主要是财政拨的还是单位自己的: where the named project's money comes from, split by its columns
            frame.measures = [*frame.measures, "funding"]
        if frame.filters.score_bound is not None and "score" not in frame.measures:
            frame.measures = [m for m in frame.measures if m != "amount"] + ["score"]  # 没拿到100分的: with their scores
        if focus == "figures" and not frame.measures_guessed and ev.subjects and not ev.projects \
                and all("/economic/" in e.iri for e in ev.subjects) \
                and len({e.name for e in ev.subjects}) >= 2 and len(frame.measures) < len({e.name for e in ev.subjects}) \
                and frame.operation.name in ("lookup", "list") \
                and all(self.vocab.measures.get(k) is not None and self.vocab.measures[k].kind == "item"
                        for k in frame.measures):
            # 基本支出里因公出国和维修费各多少: subjects named beside a figure of one of them — the subjects' rows
            focus = "subjects"
            frame = self._refocused(ev, focus, clause, scores)
        if focus == "figures" and frame.measures_guessed and ev.subjects and ev.subjects_exact \
                and not (ev.projects or ev.item_measures or ev.staff_measures) \
                and frame.operation.name in ("growth", "change", "lookup"):
            # 案件审判、案件执行经费比上年少了多少: the subjects named, not a department total guessed for 经费
            focus = "subjects"
            frame = self._refocused(ev, focus, clause, scores)
        if ((focus == "projects" and (ev.projects_exact and frame.operation.name == "count"
                                      or not re.search(r"多少钱|金额|安排了?多少", ev.text))) or focus in ("staff", "assets")) \
                and ev.projects and re.search(L.TARGET_COUNT, ev.text):
            # 扶持老区建设专项资金今年要补助多少个项目、惠及多少人 / 两项补贴要覆盖多少人: the named
            # project's targets, not a count of projects nor the department's staff
            focus = "indicators"
            frame = self._refocused(ev, focus, clause, scores)
        named = _project_named_by_keyword(self.catalog, ev) if focus == "figures" and frame.measures_guessed \
            and not (ev.projects or ev.subjects or ev.item_measures or ev.staff_measures) else []
        if named:
            # 泉州公安的办案业务经费有多少: a word no figure is named by, which the department's own project names
            # (公安办案业务经费) — that project's money, not the department's total
            focus = "projects"
            frame = Frame(focus, ["amount"], self.filters(ev, focus), Operation("list"), clause.text, scores[focus])
        said = _amount_said_for_its_use(ev) if focus == "figures" and frame.measures_guessed and ev.bound is None \
            and not (ev.projects or ev.subjects or ev.item_measures) else None
        if said is not None:
            # 那120万是干嘛用的: the project of that amount (to the precision said), with what it is for
            focus = "projects"
            frame = Frame(focus, ["amount", "description"], self.filters(ev, focus), Operation("list"), clause.text,
                          scores[focus])
            frame.filters.bound = said
        role = re.search(L.ROLE_ASKED, ev.text)
        if role and not ev.projects and focus in ("figures", "persons", "departments", "staff"):
            # 局长是谁: an office-holder no budget names, never the department's totals in their place
            focus = "figures"
            frame = Frame(focus, ["word:" + (role.group("role") or role.group("role2"))], self.filters(ev, focus),
                          Operation("lookup"), clause.text, scores[focus])
        payee = _payee_asked(ev, self.catalog)
        if payee and focus in ("projects", "figures", "subjects", "functions"):
            # 每个中级法院分到多少钱: a split by recipient the budget does not print, never its subjects or a
            # project's whole amount in its place
            focus = "figures"
            frame = Frame(focus, ["word:" + f"按{payee}分配的金额"], self.filters(ev, focus), Operation("lookup"),
                          clause.text, scores[focus])
        if focus == "departments" and frame.measures and all(
                self.vocab.measures.get(k) is not None and self.vocab.measures[k].kind == "staff" for k in frame.measures):
            # 哪家编制多: a count of people compared, which the staffing answers (money has its own tables)
            focus = "staff"
            frame.focus = focus
            if frame.operation.name not in ("rank", "sort", "difference"):
                frame.operation = Operation("compare")
        if focus == "figures" and frame.operation.name == "lookup" and not frame.measures_guessed \
                and frame.named_measures and len(frame.named_measures) == 1 \
                and len(self.vocab.children(frame.named_measures[0])) >= 2 \
                and re.search(r"主要(?:是)?(?:花|用)(?:在|到|于)了?(?:哪|什么)|钱都(?:花|用)(?:在|到)哪", ev.text):
            # 三公经费1700多万，主要花在哪: its largest part, and that part's share of it
            frame.measures = list(frame.named_measures)
            frame.operation = Operation("rank", n=1)
        if focus == "figures" and re.search(L.UNITS_COVERED_COUNT, ev.text) and not (ev.projects or ev.item_measures):
            # 纳入预算的有几家: how many units the budget covers (the document's own count), not a total
            focus = "subordinates"
            frame = Frame(focus, clause=clause.text, score=scores[focus])
            frame.filters = self.filters(ev, focus)
            frame.operation = Operation("count")
            frame.measures = []
        if focus == "figures" and frame.operation.name in ("rank", "sort", "list") and not ev.projects \
                and re.search(r"(?:是|为)(?:哪(?:一)?个|什么)项目|(?:哪(?:一)?个|什么)项目(?:最|金额最|钱最)", ev.text) \
                and set(frame.measures) <= {"carryover_total", "carryover_fiscal", "carryover_nonfiscal"}:
            # 结转下来的钱里，金额最大的是哪个项目: the carried-over projects ranked, not the carry-over's parts
            focus = "projects"
            frame = Frame(focus, clause=clause.text, score=scores[focus])
            frame.filters = self.filters(ev, focus)
            if "carryover" not in frame.filters.categories:
                frame.filters.categories.append("carryover")
            frame.operation = self.operation(ev, focus)
            frame.measures = self.measures(ev, focus, frame)
        if focus == "figures" and len(ev.departments) >= 2 and not (ev.projects or ev.bound) \
                and frame.operation.name in ("lookup", "list") \
                and re.search(r"谁(?:更)?(?:高|多|大|低|少|小)|哪(?:个|家|一家|一个)(?:更|的)?(?:高|多|大|低|少|小)", ev.text):
            # 两家的三公经费和机关运行经费分别是多少，谁高: each figure of the departments compared, in turn
            focus = "departments"
            frame = self._refocused(ev, focus, clause, scores, Operation("compare"))
        if focus == "figures" and len(ev.departments) >= 2 and ev.bound is not None and not ev.projects \
                and re.search(r"哪些|哪个|哪几|哪家|谁", ev.text):
            # 福州商务局、泉州公安局里，三公经费超过50万元的是哪些: the departments named that pass the bound
            focus = "departments"
            frame = self._refocused(ev, focus, clause, scores, Operation("list"))
        if focus in ("subordinates", "divisions") and re.search(L.PER_UNIT_ASKED, ev.text) \
                and not (ev.projects or ev.item_measures):
            frame = _per_unit_frame(self, ev, focus, clause.text, scores)
            focus = frame.focus
        if re.search(L.USE_OF_CHANGE, ev.text) and not (ev.projects or ev.subjects or ev.item_measures):
            # 今年多出来的钱主要花在哪: where an increase went is what the document says of the change (its
            # reason and parts), not the department's whole breakdown
            focus = "figures"
            frame = self._refocused(ev, focus, clause, scores, Operation("change"))
            frame.reason_asked = True
        if focus == "figures" and re.search(L.CLASSIFIED_BY, ev.text) and not (ev.projects or ev.staff_measures) \
                and frame.operation.name in ("lookup", "list"):
            # 一般公共预算，按政府预算经济分类分成哪几块: the rows of that classification, not the appropriation
            focus = "subjects"
            frame = self._refocused(ev, focus, clause, scores)
        detail = re.search(L.UNCOUNTED_THING, ev.text)
        if focus == "projects" and detail and detail.group("detail") and re.search(r"小区|楼盘|地址|平|面积", detail.group("detail")) \
                and not re.search(L.AMOUNT_WORDS, re.sub(L.UNCOUNTED_THING, "|", ev.text)):
            # 驻京经费里租的是哪个小区、多少平米: a place or an area of the project, which no budget prints
            focus = "figures"
            frame = Frame(focus, clause=clause.text, score=scores.get(focus, 0.0))
            frame.filters = self.filters(ev, focus)
            frame.operation = Operation("lookup")
            frame.measures = ["word:" + _detail_word(detail.group("detail"))]
        if focus == "subjects" and detail and detail.group("detail") and not ev.projects and \
                not re.search(L.AMOUNT_WORDS, re.sub(L.UNCOUNTED_THING, "|", ev.text)):
            # 公务接待预算安排接待多少批次: a count the budget does not print, not the 公务接待费 row in its place
            focus = "figures"
            frame = Frame(focus, clause=clause.text, score=scores[focus])
            frame.filters = self.filters(ev, focus)
            frame.operation = self.operation(ev, focus)
            frame.measures = ["word:" + _detail_word(detail.group("detail"))]
        frame.unknown = [u for s, e, u in linked.unknown if clause.start <= s and e <= clause.end]
        group = next((key for key, rx in L.GROUP_WORDS if re.search(rx, ev.text)), None)
        if focus == "projects" and group and frame.operation.name in ("count", "sum", "list") and \
                re.search(r"各|分别", ev.text):
            # 财政拨款项目和非财政拨款项目各有几个: one set split by the two kinds named, not both as filters
            frame.operation.group_by = group
            if frame.operation.name == "list":
                frame.operation.name = "count"
            if group == "funding":
                frame.filters.funding = None
                frame.filters.categories = [c for c in frame.filters.categories if c != "unit_funds"]
            else:
                frame.filters.categories = []
        if focus == "staff":  # 编外聘用人员: a kind of staff the documents do not count
            # (not the words alone: 编制和人员情况 asks the staffing as a whole)
            frame.unknown += [w for w in ev.keywords if re.search(r"(?:人员|人数|员工)$", w)
                              and w not in ("人员", "人数", "员工")]
        if focus in ("staff", "assets", "divisions", "functions"):  # 阿克陶县分局有多少在编人员: a branch the
            # department's document names (in a project) but prints no profile of — never the department's
            frame.unknown += [w for w in ev.keywords if re.search(L.SUB_UNIT, w) and w not in frame.unknown]
        frame.notes = [f"{k}={v:.1f}" for k, v in sorted(scores.items(), key=lambda kv: -kv[1])[:3]]
        return frame

    def _refocused(self, ev: "Evidence", focus: str, clause: Clause, scores: dict[str, float],
                   operation: Operation | None = None) -> Frame:
        """The clause's frame read again for another focus (a rule found the first reading wrong): its filters,
        operation (the one given, else read for that focus) and measures, in the order the first reading takes."""
        frame = Frame(focus, clause=clause.text, score=scores[focus])
        frame.filters = self.filters(ev, focus)
        frame.operation = operation if operation is not None else self.operation(ev, focus)
        frame.measures = self.measures(ev, focus, frame)
        return frame

    # ------------------------------------------------------------------ filters
    def filters(self, ev: "Evidence", focus: str) -> Filters:
        f = Filters()
        f.departments = [entity_ref(e) for e in ev.departments]
        f.years = list(ev.years)
        if focus == "projects" and ev.departments and re.search(L.OWN_OFFICE_NAMED, ev.text):
            f.own_unit = True  # 西安市安监局（局本级）…的项目: those the department carries out itself
        subjects = [e for e in ev.subjects if ev.subjects_exact or focus != "projects"]
        economic = re.search(r"经济分类|经济科目|工资福利|商品和服务|对个人和家庭|资本性支出|"
                             r"(?:基本支出|人员经费|公用经费|机关运行经费)(?:表)?(?:里|中|的|按)|"
                             # 公用经费211万，花得最多的是哪三项: the items of the figure just named
                             r"(?:人员经费|公用经费|机关运行经费)[\d.,万元亿]*[，,][^，。]*(?:哪|前|最)", ev.text)
        if economic and any(e.kind == "economic_subject" for e in subjects):
            subjects = [e for e in subjects if e.kind == "economic_subject"]  # 住房公积金 of 基本支出: 30113
        names = {e.name for e in subjects}
        read_economic = {e.name for e in subjects if e.kind == "economic_subject"}
        read_functional = {e.name for e in subjects if e.kind == "functional_subject"}
        if names and names == read_economic and read_economic - read_functional:
            # 退休费和提租补贴分别多少: 退休费 is an economic row only, so 提租补贴 beside it is its economic row too
            subjects = [e for e in subjects if e.kind == "economic_subject"]
        subjects = government_or_departmental(subjects, ev.text)
        set_aside = [m.group("what") or m.group("what2") for m in re.finditer(L.SET_ASIDE, ev.text)]
        if set_aside:  # 人大事务下面，除了行政运行，钱最多的三个: 行政运行 is left out of the rows, no filter
            out = [e for e in subjects if any(e.name in w for w in set_aside)]
            f.without = list(dict.fromkeys(e.code for e in out if e.code))
            subjects = [e for e in subjects if e not in out]
        within = re.search(L.SHARE_WITHIN, ev.text)
        if within and ev.share_base and len(subjects) > 0:
            # 在公用经费（商品和服务支出）里占多大比例: a subject named as the whole is no row asked of
            subjects = [e for e in subjects if e.name not in within.group(1)]
        f.subjects = list(dict.fromkeys(entity_ref(e) for e in subjects))
        if f.subjects:
            f.scheme = "economic" if subjects[0].kind == "economic_subject" else "functional"
            if f.scheme == "economic" and all(is_government_code(e.code) for e in subjects):
                f.scheme = "government_economic"
        elif re.search(L.GOVERNMENT_ECONOMIC, ev.text):
            f.scheme = "government_economic"
        f.projects = [entity_ref(e) for e in ev.projects if ev.projects_exact
                      or not any(head_named_nowhere(w, self.catalog) and w[:2] not in e.name for w in ev.keywords)]
        if f.projects and re.search(r"哪些|哪几|各|分别|都有", ev.text):
            # 有哪些中介服务费项目: the projects of that name and those it heads (中介服务费-政府项目审查费)
            budgets = {(p.department, p.year) for p in f.projects}
            f.projects += [entity_ref(e) for p in list(f.projects) for e in self.catalog.project_variants(p.name)
                           if (e.department, e.year) in budgets and all(e.iri != q.iri for q in f.projects)]
        named_subjects = {m.key for m in ev.mentions if m.kinds() & {"functional_subject", "economic_subject"}}
        topics_only = [m for m in ev.mentions if "topic" in m.kinds() and not (f.subjects and m.key in named_subjects)]
        f.topics = [entity_ref(e) for m in topics_only for e in m.entities if e.kind == "topic"]
        f.topic_text = [m.key for m in topics_only]
        named = "".join(d.name for d in f.departments)
        f.keywords = [w for w in ev.keywords if w not in named  # 福州民政本级: 民政 is the department's own word
                      and not re.fullmatch(r"[一二两三四五六七八九十半\d]+成", w)]  # 不到八成: a rate, not a topic
        f.keyword_groups = [list(g) for g in ev.keyword_groups]
        left_out = re.search(L.EXCLUDING, ev.text)
        if left_out:  # 扣掉中央基建后: a qualifier of the comparison, no topic of its own
            f.excluding = left_out.group("what")
            f.keywords = [w for w in f.keywords if w not in left_out.group(0) and left_out.group("what") not in w]
            f.keyword_groups = [g for g in ([w for w in g if w in f.keywords] for g in f.keyword_groups) if g]
        f.topic_groups = [list(g) for g in ev.topic_groups]
        left_out_spans = [m.group(0) for m in re.finditer(L.LEFT_OUT_SPAN, ev.text)]
        set_aside_words = [w for w in f.keywords if any(w in span for span in left_out_spans)]
        if set_aside_words and focus == "projects":  # 本级（不含监狱、戒毒所）: kinds of units left out, no topic
            f.without_units = set_aside_words
            f.keywords = [w for w in f.keywords if w not in set_aside_words]
            f.keyword_groups = [g for g in ([w for w in g if w in f.keywords] for g in f.keyword_groups) if g]
        f.person = entity_ref(ev.persons[0]) if ev.persons else None
        f.policy = entity_ref(ev.policies[0]) if ev.policies else None
        if focus == "projects" and ev.units and not ev.projects:
            f.units = [entity_ref(u) for u in ev.units]  # 西安市卫生学校负责实施了哪几个项目: the projects it carries out
        f.terms = [e.name for e in ev.terms]
        cues = ev.cues
        include = cues.has("include")
        # 这个项目是上年结转的吗 / 里面有多少是上年结转的: asked of the project, no condition
        asked_category = (cues.has("attribute", "category") or cues.has("attribute", "funds")) and bool(ev.projects)
        for c in cues.of("category"):
            if asked_category or (include and _near(cues, c, "include")) or c.value in f.categories:
                continue
            f.categories.append(c.value)
        if not f.scheme and economic:
            f.scheme = "economic"
        if focus == "projects" and f.projects and not ev.projects_exact and (ev.keywords or ev.topics) and \
                (re.search(r"哪些|有没有|哪个项目|(?:什么|啥)项目|相关|有关|方面|涉及|哪几个|都有", ev.text)
                 or len(f.projects) == 1 and len(ev.keywords) + len(ev.topics) >= 2
                 and re.search(r"[\u4e00-\u9fff]{2}、[\u4e00-\u9fff]{2}", ev.text)) \
                and not _one_clear(ev):
            # a topic, not a project named in part (搞人工增雨、人工影响天气的钱: two things enumerated, one
            # project like them — where each names a project of its own, those projects)
            f.projects = []
        # 不靠本级财政拨款的项目: the negated words name the category; the 财政拨款 inside them is no funding
        negated = [c for c in cues.of("category") if c.value == "unit_funds"]
        funding = [c.value for c in cues.of("funding")
                   if not (c.value == "fiscal" and any(n.start <= c.start < n.end for n in negated))]
        if funding:
            f.funding = funding[0]
        f.sources = cues.values("source")
        if focus == "projects" and not f.funding and len(f.sources) == 1 and f.sources[0] in L.SPLIT_FUNDING \
                and re.search(r"(?:安排|用|给|花|投)(?:在|给|到|于)?了?(?:哪些|哪几个|哪个|什么)项目", ev.text):
            f.funding = f.sources[0]  # 政府性基金预算97.8万元是安排给哪些项目的: the projects that source pays
        if focus == "projects" and not (ev.projects or ev.units) and re.search(L.OTHER_UNITS, ev.text):
            # 哪些是局属中心自己承担的: the projects a unit other than the department's own office carries out
            f.other_units = True
            said = re.search(L.OTHER_UNITS, ev.text).group(0)
            f.keywords = [w for w in f.keywords if w not in said]
            f.keyword_groups = [g for g in ([w for w in g if w in f.keywords] for g in f.keyword_groups) if g]
        if focus == "projects" and not ev.projects and set(f.sources) & {"unit_other", "unit_funds"} \
                and "unit_funds" not in f.categories and not f.funding and not include \
                and not re.search(r"也算|算在内|算上|一并|包括|包含|含", ev.text):  # (单位资金项目也算在内: no condition)
            f.categories.append("unit_funds")  # 哪些项目是用其他资金安排的: the projects its 其他资金 pays
        if focus in ("figures", "departments") and len(f.departments) <= 1 and re.search(L.UNITS_ASKED, ev.text):
            f.by_unit = True
        if not f.sources and focus == "subjects" and f.subjects and \
                (cues.has("attribute", "funding") or cues.has("income_breakdown")):
            f.sources = ["any"]  # 这个科目的钱从哪来: every source the income table prints for it
        levels = cues.values("level")
        if levels:
            f.level = int(levels[0])
        elif focus == "subjects" and not ev.subjects and not f.sources \
                and re.search(r"主要(?:花|用)在(?:了)?哪[个一些几]?(?:类|个)?功能(?:分类)?(?:科目|方面|领域)", ev.text):
            f.level = 1  # 钱主要花在哪个功能科目上: the classes (类), where the money goes, not every 项 row
        if focus == "subjects":
            masked = ev.text
            for s in ev.subjects:
                masked = masked.replace(s.name, "|")
            names = [s.name for s in ev.subjects]
            cols = [c.value for c in cues.of("column") if ev.text[c.start:c.end] in masked
                    and not _coordinated_with_subject(ev.text, c.start, c.end, names)]
            # 基本支出的公用经费里哪三项: the column named inside another is the one read
            cols = [c for c in cols if not any(L.COLUMN_WITHIN.get(o) == c for o in cols)]
            f.column = cols[0] if cols else None
            f.columns = list(dict.fromkeys(cols))
            if f.column in ("personnel", "public") and not f.scheme and not ev.subjects:
                f.scheme = "economic"  # 机关运行经费花在哪些科目: a 基本支出 column, printed by economic subject only
            f.amount_scope = next((key for key, rx in L.AMOUNT_SCOPES if re.search(rx, masked)), None)
        phases = list(dict.fromkeys(cues.values("phase")))
        if phases:  # a 决算's own column where it is named, else the budget column named
            f.phase = "final_account" if "final_account" in phases else phases[0]
            f.phases = phases
        f.indicator_kinds = ev.indicator_kinds
        # 核心指标 with no project named: the 是否核心 column of the 部门整体绩效目标表
        f.department_level = focus == "indicators" and bool(
            re.search(r"部门整体|部门绩效|整体绩效|部门的?绩效目标|单位整体", ev.text)
            or re.search(L.CORE_INDICATOR, ev.text)) and not ev.projects_exact
        core = re.search(L.CORE_INDICATOR, ev.text) if focus == "indicators" else None
        f.core = (not core.group("not")) if core else None
        if f.department_level:
            f.projects = []
        f.bound = ev.bound
        f.rate_bound = ev.rate_bound
        f.score_bound = score_bound(ev.text) if focus == "projects" else None
        f.self_evaluated = cues.has("self_evaluated")
        sizes = [c for c in cues.of("set_size")]
        if sizes:
            m = re.search(_N, sizes[0].text)
            f.set_size = chinese_count(m.group()) if m else None
            f.set_of_units = bool(re.search(r"家|单位|部门|预算|文件|份", sizes[0].text))
        return f

    # ------------------------------------------------------------------ operation
    def operation(self, ev: "Evidence", focus: str) -> Operation:
        ops = ev.cues.values("op")
        t = ev.text
        op = Operation("list" if focus not in ("figures", "staff") else "lookup")
        chosen = next((o for o in OP_PRIORITY if o in ops), None)
        asks_condition = ev.cues.has("attribute") or ev.cues.has("funding") or ev.cues.has("category")
        if chosen == "yesno" and (focus in ("figures", "staff", "subjects") or ev.projects and focus == "projects"
                                  and not asks_condition):
            chosen = next((o for o in OP_PRIORITY if o in ops and o != "yesno"), None)
        if chosen == "list" and focus in ("figures", "staff"):
            chosen = None
        if focus in ("projects", "subjects", "departments") and "rank" in ops and chosen in ("share", "difference", "sum"):
            chosen = "rank"  # 最大的项目占项目支出的比例: the rank is asked, the share is added to it
        if chosen:
            op.name = chosen
        op.also = [o for o in ops if o != op.name]
        if focus == "subjects" and op.name in ("rank", "sort") and re.search(L.CHANGE_RANKED, t) \
                and "change" not in op.also:
            op.also.append("change")  # 哪一类增加得最多: the rows ranked by the change the document states
        if focus == "subjects" and re.search(L.CHANGE_CHOSEN, t) and "change" not in op.also and op.name != "change":
            op.also.append("change")  # 哪类在减少: the rows chosen by the way their stated change goes
        op.descending = not re.search(r"最小|最少|最低|最便宜|最差|最慢|从低到高|从小到大|倒数|升序", t)
        if op.name in ("rank", "sort", "compare") or "rank" in ops:
            m = re.search(rf"(?:前|最大的|最多的|最高的|最小的|最少的|最低的|top)\s*({_N})", t)
            n = chinese_count(m.group(1)) if m else None
            # (哪三类花钱最多: a few of the kinds; 主要花在哪一类 stays the question of where most of it goes)
            which = re.search(rf"哪({_N})(?:个|项|家|位|名|笔|块)|哪((?!一)[\d两二三四五六七八九十]+)(?:类|种|款|条|所|件)", t)
            if n is None and which and chinese_count(which.group(1) or which.group(2)):
                m, n = which, chinese_count(which.group(1) or which.group(2))  # 7个项目自评，哪两个分最低: the two asked, of the seven
            if n is None:
                # 那4个项目里最低的是哪个: a count after 那/这 names the set ranked, not how many are asked
                # (长沙和长春两个市信访局: a count before departments names the set, not how many are asked)
                m = re.search(rf"(?<![那这])({_N})\s*(?:个|项|名|家)(?!项目中|个项目中|单位中|家单位)"
                              rf"(?![市省区县州]?[\u4e00-\u9fff]{{0,6}}?(?:局|厅|委|院|办)(?![长主]))", t.split("中")[-1])
                n = chinese_count(m.group(1)) if m else None
            if n is None and re.search(r"哪两个|哪两项", t):
                n = 2
            if m is not None and not re.search(r"哪几|哪些|前", t) and re.search(
                    r"(?:最(?:[高低多少大小贵]|便宜)|得分最[高低])的?(?:是)?哪(?:一)?(?:个|项|家|位)|"
                    + (r"哪(?:一)?(?:个|项|位)[^，。？?]{0,8}最(?:[高低多少大小贵]|便宜)" if focus != "departments" else r"(?!)"), t):
                n = 1  # 7个项目自评，得分最低的是哪个: the one asked; the count names the set ranked
            op.explicit_n = n is not None
            if n is None and re.search(L.SUPERLATIVE, t) and re.search(r"哪几|哪些", t):
                n = 3  # 哪几项最多: a few at the top, not the one
            if n is None and re.search(L.SUPERLATIVE, t):
                n = 1
            if n is None and re.search(r"主要(?:花|用)在(?:了)?哪(?:些|几)", t):  # 主要花在哪些科目上: the largest few
                n = 3
            op.n = n
            nth = re.search(rf"第({_N})(?:大|名|位|高|多|的|个|小|少)|排第({_N})|位居第({_N})|倒数第({_N})", t)
            if nth:
                value = chinese_count(next(g for g in nth.groups() if g))
                if value:
                    op.nth = value
                    op.n = value
        if op.name in ("lookup", "list") and "sum" not in op.also and "share" not in op.also and _several_each(ev, focus):
            op.also.append("sum")  # 行政运行和一般行政管理事务各安排多少: each, and what they come to together
        if op.name == "share" or "share" in op.also:
            op.base = ev.share_base
        if op.name == "per_capita":
            op.per_keys = list(ev.staff_measures)
            stated = re.search(L.STATED_COUNT, t)
            if stated and chinese_count(stated.group("n")):
                op.per_count = (chinese_count(stated.group("n")), stated.group("unit"))
        return op

    # ------------------------------------------------------------------ measures
    def measures(self, ev: "Evidence", focus: str, frame: Frame) -> list[str]:
        cues = ev.cues
        if focus in ("figures", "departments"):
            keys = [k for k in cues.values("measure") if k in self.vocab.measures or k == "fiscal_total"]
            if focus == "figures" and frame.operation.name in ("change", "growth", "derive"):
                words = [w for w in re.findall(L.EXPENSE_WORD, ev.text) if not re.search(L.NOT_EXPENSE, w)]
                if words:
                    keys = ["word:" + w[-3:] for w in dict.fromkeys(words)] + keys
            stated = [(label, m) for label, rx in L.STATED_ONLY_FIGURES for m in [re.search(rx, ev.text)] if m]
            if stated:  # 中小企业拿到的采购合同: the figure stated, not the 采购 inside its words
                # (a figure word the stated phrase begins with — 年末结转结余 — is the same figure, kept)
                inside = {c.value for c in cues.of("measure") for _, m in stated if m.start() < c.start < m.end()}
                keys = ["word:" + label for label, _ in stated] + [k for k in keys if k not in inside]
            if "carryover_total" in keys and re.search(r"(?<!非)财政(?:拨款)?(?:的|部分)?[和与、及跟]非财政", ev.text):
                # 结转结余里财政和非财政的各多少: its two parts by kind of funds
                keys += [k for k in ("carryover_fiscal", "carryover_nonfiscal") if k not in keys]
            if frame.operation.name in ("change", "growth") and len(keys) == 1 and \
                    re.search(L.EACH_PART + r"|[两二三四五几]项各", ev.text) and self.vocab.children(keys[0]):
                # 公务用车两项各多少、比上年涨了多少: each part's change, not the whole's
                keys = [k for k in self.vocab.children(keys[0]) if k != keys[0]]
            frame.named_measures = list(keys)
            keys = family_rules(keys, ev.text, frame.operation.name)
            keys = carried_kinds(keys, ev)
            if len(keys) >= 2 and re.search(r"(?:里|中|当中|里面)(?:有没有|有无|是否有|是不是有)", ev.text) and \
                    all(k in self.vocab.measures and keys[0] in self.vocab.ancestors(k) for k in keys[1:]):
                keys = keys[1:]  # 收入预算里有没有上年结转结余: the whole is where to look, not a figure asked
            keys = _parts_asked_within(keys, cues, ev.text, self.vocab.ancestors)
            if focus == "departments" and not keys:
                keys = ["income_total"]
            if focus == "departments":
                # 总盘子、项目支出、三公经费哪个多: several figures of the departments compared, each in turn
                named = [k for k in frame.named_measures if k in self.vocab.measures]
                if len(ev.departments) >= 2 and len(named) >= 2 and frame.operation.name != "share":
                    return named
                return keys[:1] if frame.operation.name != "share" else keys
            if keys == ["income_total"] and cues.has("income_breakdown") and not re.search(L.INCOME_BESIDES, ev.text):
                # 五个多亿的盘子，钱从哪几块来: the income by source, not the total's two halves
                return list(L.INCOME_BY_SOURCE)
            if len(keys) == 1 and re.search(L.PARTS_OF, ev.text) and self.vocab.children(keys[0]):
                return keys + self.vocab.children(keys[0])  # 上年结转结余由哪几部分组成
            if len(keys) == 1 and frame.operation.name == "sum" and self.vocab.children(keys[0]) and \
                    sum(1 for m in ev.mentions if "department" in m.kinds()) <= 1 and not _sum_is_the_name(ev.text):
                return keys + self.vocab.children(keys[0])  # 上年结转结余一共多少: with what it is made of
            spending_split = not keys and bool(re.search(r"支出|用途|花", ev.text)) and \
                not re.search(r"收入|来源|从哪|来自", ev.text)  # 支出分成哪几块: the spending's parts, not income's
            if spending_split and cues.has("income_breakdown"):  # (the spending words win over 哪几块's income reading)
                return ["expenditure_total", "basic_expenditure", "project_expenditure"]
            if (not keys or re.search(L.INCOME_BESIDES, ev.text)) and cues.has("income_breakdown"):
                # 除了财政拨款还有别的收入吗: every source, the named one among them; the rows say whether
                # there is other money (a 是/否 read off the first row would read the total)
                frame.operation.also = [o for o in frame.operation.also if o != "yesno"]
                if frame.operation.name == "yesno":
                    frame.operation.name = "lookup"
                return list(L.INCOME_BY_SOURCE)
            if not keys and cues.has("expenditure_breakdown"):
                return ["expenditure_total", "basic_expenditure", "project_expenditure"]
            detail = re.search(L.UNCOUNTED_THING, ev.text)
            if keys and detail and detail.group("detail") and not re.search(
                    L.AMOUNT_WORDS, re.sub(L.UNCOUNTED_THING, "|", ev.text)):  # 多少批次、多少人次 asks no money
                return ["word:" + _detail_word(detail.group("detail"))]  # 出国团组去的是哪个国家: not the 出国 money
            if not keys:
                thing = re.search(L.UNCOUNTED_THING, ev.text)
                if thing:  # 多少张床位: a count the budget does not hold, never a figure in its place
                    people = thing.group("people")  # 关押多少名罪犯: a count of people, never money spent on them
                    return ["word:" + (thing.group("thing") or _detail_word(thing.group("detail"))
                                       or (people + "人数" if people else None) or thing.group("calling"))]
                counted = re.search(L.COUNT_OF_THING, ev.text)
                if counted and not re.search(r"钱|万|亿|元|金额|经费|资金|预算|支出|收入|拨款|费", ev.text) and not re.search(
                        r"项目|单位|部门|科目|指标|车|编制|人员|人数|团组", counted.group(0)):
                    return ["word:" + (counted.group("thing") or counted.group("what")) + "的数量"]
                frame.measures_guessed = True
                if re.search(r"花|支出|开支|用了", ev.text):
                    return ["expenditure_total"]
                if cues.has("amount") or re.search(r"预算|收入|总共|一共|总额", ev.text):
                    if re.search(r"(?:预算|收支)(?:总共|一共|总额|总计|合计)|总预算|(?:预算|收支)?总盘子", ev.text) or (
                            not ev.keywords and re.search(r"(?:年|今年|去年)的?(?:部门)?预算(?:是|有|为|共)?(?:多少|几)", ev.text)):
                        frame.measures_guessed = False  # 预算总共多少: the budget's total, named as such
                    return ["income_total"]
                return ["income_total", "expenditure_total", "basic_expenditure", "project_expenditure"]
            return keys
        if focus == "staff":
            keys = [k for k in cues.values("measure") if self.vocab.measures.get(k) and self.vocab.measures[k].kind == "staff"]
            return keys or ["authorizedStaff", "actualStaff", "activeStaff", "retiredStaff", "retiredVeteranStaff"]
        if focus == "projects":
            attrs = cues.values("attribute")
            if not ev.projects:  # of a set of projects, a funding source or category is a condition
                attrs = [a for a in attrs if a in ("unit", "person", "funds", *EXECUTION_ATTRIBUTES)]
            elif cues.has("funding") or cues.has("category"):  # 是不是用财政拨款安排的: asked of the project
                attrs = list(dict.fromkeys(attrs + (["funding"] if cues.has("funding") else ["category"])))
            return attrs or ["amount"]
        if focus == "subjects":
            return [frame.filters.column or "total"]
        return []


FOCUS_PRIORITY = ("findings", "definitions", "indicators", "policies", "persons", "divisions", "subordinates",
                  "functions", "staff", "assets", "projects", "subjects", "departments", "figures")
OP_PRIORITY = ("derive", "completion", "per_capita", "ratio", "growth", "change", "share", "difference", "rank", "sort",
               "compare", "count", "sum", "yesno", "list")


_CONJUNCTION = r"(?:和|及|以及|与|跟|、)"


def _coordinated_with_subject(text: str, start: int, end: int, subject_names: list[str]) -> bool:
    """Whether the column word at ``text[start:end]`` stands in one enumeration with a subject the
    question names (机关运行经费和会议费分别是多少, 会议费、公用经费各多少): then it is a figure asked
    beside the subject, not the column the subject's rows are read in (机关运行经费里哪三项最多)."""
    after, before = text[end:], text[:start]
    for name in subject_names:
        if re.match(_CONJUNCTION + re.escape(name), after) or re.search(re.escape(name) + _CONJUNCTION + "$", before):
            return True
    return False


def _one_clear(ev: "Evidence") -> bool:
    """One fuzzy project stands out clearly from the others."""
    r = ev.project_candidates
    return bool(r) and r[0][0] >= 8 and (len(r) == 1 or r[1][0] < r[0][0] - 2)


def _near(cues: CueSet, c, kind: str, gap: int = 6) -> bool:
    return any(abs(o.start - c.end) <= gap or abs(c.start - o.end) <= gap for o in cues.of(kind))


def is_government_code(code: str | None) -> bool:
    """A code of the 政府预算支出经济分类 (501 … 599), not of the departmental one (30x)."""
    return bool(code) and code.startswith("5")


def government_or_departmental(subjects: list[Entity], text: str) -> list[Entity]:
    """One name in both economic classifications (对个人和家庭的补助: 303 and 509) is the government
    classification's where the question names it (政府预算支出经济分类, 政府经济分类), else the
    departmental one's; a name only one of them has stays as linked."""
    economic = [e for e in subjects if e.kind == "economic_subject"]
    government = [e for e in economic if is_government_code(e.code)]
    if not government or len(government) == len(economic):
        return subjects
    if re.search(L.GOVERNMENT_ECONOMIC, text):
        return [e for e in subjects if e.kind != "economic_subject" or is_government_code(e.code)]
    return [e for e in subjects if not is_government_code(e.code)]


def entity_ref(e: Entity) -> Ref:
    """A linked entity as a frame's reference (also read by the parts that name only a unit)."""
    return Ref(e.kind, e.iri, e.name, e.code, e.department, e.year)


def carried_kinds(keys: list[str], ev: "Evidence") -> list[str]:
    """The kinds of funds a clause names after the carry-over it asks inside (结转里财政拨款和单位资金各多少)
    are those kinds' carry-over, not their income; the carry-over as a whole is then not asked. A kind
    the carry-over is asked inside (一般公共预算拨款里有多少是上年结转) stays, beside its carry-over."""
    inside = re.search(L.CARRIED_INSIDE, ev.text)
    if inside is not None:
        # 一般公共预算拨款里有多少是上年结转: the kind before it, and that kind's carry-over as its part
        before = [c.value for c in ev.cues.of("measure") if c.end <= inside.start() and c.value in L.CARRIED_KIND]
        if before:
            kept = [k for k in keys if k != "carryover_total"]
            return list(dict.fromkeys(kept + [L.CARRIED_KIND[k] for k in before]))
    m = re.search(L.CARRIED_CONTAINER, ev.text)
    if m is None:
        return keys
    after = {c.value for c in ev.cues.of("measure") if c.start >= m.end()}
    mapped = [L.CARRIED_KIND[k] if k in after and k in L.CARRIED_KIND else k for k in keys]
    if mapped == keys:
        return keys
    return [k for k in dict.fromkeys(mapped) if k != "carryover_total"]


# The 三公 figures a clause that names only the family is answered with: the total and its parts.
THREE_PUBLIC_FAMILY = ("three_public.total", "three_public.overseas", "three_public.reception", "three_public.vehicles",
                       "three_public.vehicle_purchase", "three_public.vehicle_operation")
# Words that ask for a family's parts even where several departments are compared (各项、明细、分项).
PARTS_ASKED = re.compile(r"各项|每项|每一项|明细|分项|构成|组成|细分|分别是哪|都有哪|[两二三四五六几]项[^，,。？?]{0,4}?(?:各|分别|都)")


def family_totals_across_departments(frames: list[Frame]) -> None:
    """A part that names only the 三公 family of two or more departments, compared (各多少？谁多),
    is compared on each one's total: six rows a department would bury the figures compared. Its
    parts stay where the clause asks for them."""
    for frame in frames:
        if tuple(frame.measures) == THREE_PUBLIC_FAMILY and len(frame.filters.departments) >= 2 \
                and not PARTS_ASKED.search(frame.clause):
            frame.measures = ["three_public.total"]


def family_rules(keys: list[str], t: str, op: str = "lookup") -> list[str]:
    """Which of the 三公 and 采购 parts a clause asks for: the parts it names, with the total where
    it says 总共/合计/其中; all parts where it names only the family (only its total where the
    family is compared or changed)."""
    tp = [k for k in keys if k.startswith("three_public.")]
    if tp:
        parts = [k for k in tp if k != "three_public.total"]
        if {"three_public.vehicle_operation", "three_public.vehicle_purchase"} & set(parts):
            parts = [k for k in parts if k != "three_public.vehicles"]
        # 公务用车购置及运行费 is one figure; 购置和运行维护各多少 asks each of the two
        if re.search(r"购置及?运行|用车费用", t) or (re.search(r"购置[和与、]运行", t) and not re.search(r"各|分别", t)):
            parts = [k for k in parts if k not in ("three_public.vehicle_purchase", "three_public.vehicle_operation")] \
                + ["three_public.vehicles"]
        # (三公经费和公车运行费各多少: the whole enumerated beside its part is asked too)
        if parts and "three_public.total" in tp and re.search(r"总共|合计|一共|总额|总数|其中|三公(?:经费)?[”\"]?[和、及与跟]|"
                                                               r"[和、及与跟][“\"]?三公", t):
            parts = ["three_public.total", *parts]
        if not parts and (op in ("change", "growth", "derive", "compare", "sort", "rank", "difference")
                          or op == "completion" and not re.search(r"各|分别", t)):
            parts = ["three_public.total"]  # (三公经费完成预算的比例: the family's own rate; 各多少…完成率: each)
        if not parts and any(k in ("income_total", "expenditure_total") for k in keys):
            parts = ["three_public.total"]  # 总预算和三公经费各多少: the total beside the whole budget, not its parts
        if not parts:
            parts = list(THREE_PUBLIC_FAMILY)
        keys = [k for k in keys if not k.startswith("three_public.")] + list(dict.fromkeys(parts))
    pr = [k for k in keys if k.startswith("procurement.")]
    if pr:
        parts = [k for k in pr if k != "procurement.total"]
        parts = ["procurement.total", *parts] if parts else ["procurement.total"] \
            if op in ("change", "growth", "derive", "compare", "sort", "rank", "difference") else \
            ["procurement.total", "procurement.goods", "procurement.works", "procurement.services"]
        keys = [k for k in keys if not k.startswith("procurement.")] + parts
    if {"fiscal_total", "carryover_total"} <= set(keys) and re.search(r"财政拨款(?:里|中|当中|里面|中间)", t):
        # 财政拨款里有多少是上年结转过来的: the 财政拨款's own carry-over, not the two totals
        keys = ["carryover_fiscal" if k == "carryover_total" else k for k in keys if k != "fiscal_total"]
    return list(dict.fromkeys(keys))


# 各/分别 over things named one by one: each is asked, and their total is said with them.
_EACH = re.compile(r"各|分别")


def _several_each(ev: "Evidence", focus: str) -> bool:
    """Two or more subjects or projects named one by one with 各/分别."""
    if not _EACH.search(ev.text):
        return False
    if focus == "subjects":
        codes = {s.code for s in ev.subjects if s.code}
        nested = any(a != b and b.startswith(a) for a in codes for b in codes)  # 工资福利支出，其中基本工资、奖金
        return len({s.name for s in ev.subjects}) >= 2 and not nested
    if focus == "projects":
        return len({p.name for p in ev.projects}) >= 2
    return False


@dataclass
class Evidence:
    """What one clause offers the scorer and the frame builders."""

    text: str
    cues: CueSet
    departments: list[Entity]
    places: list[Entity]
    projects: list[Entity]
    projects_exact: bool
    project_candidates: list[tuple[float, Entity]]
    subjects: list[Entity]
    subjects_exact: bool
    persons: list[Entity]
    policies: list[Entity]
    topics: list[Entity]
    terms: list[Entity]
    units: list[Entity]
    divisions: list[Entity]
    years: list[int]
    amounts: list
    bound: Bound | None
    keywords: list[str]
    indicator_kinds: list[str]
    share_base: str | None
    item_measures: list[str]
    staff_measures: list[str]
    mentions: list = field(default_factory=list)
    keyword_groups: list = field(default_factory=list)
    topic_groups: list = field(default_factory=list)
    rate_bound: Bound | None = None  # 完成率不到80%: a bound on a percentage, not an amount
    same_sentence: bool = False  # the clause goes on the sentence before it (after a comma), not a new one

    @classmethod
    def of(cls, parser: Parser, linked: Linked, clause: Clause) -> "Evidence":
        t = clause.text
        span = (clause.start, clause.end)
        cues = clause.cues
        vocab = parser.vocab
        depts = linked.entities("department", span=span)
        places = linked.entities("place", exact_only=True, span=span)
        ranked = parser.linker.rank(linked, span)
        projects, exact = strong_projects(linked, span, ranked.get("project", []))
        if projects and not exact and _only_figure_words(t, projects, cues):
            projects = []  # 政府采购预算多少: the figure's own words, not a project (政府采购管理服务) that shares them
        if exact:
            partial = _enumerated_partial_projects(parser, linked, clause, projects)
            if partial:
                projects += [e for e, _span in partial]
                # the words of a name named in part are no cue (安全生产考核表彰: not 考核 indicators)
                blocked = [(m.start - clause.start, m.end - clause.start) for m in clause.mentions
                           if m.kinds() & {"project", "policy", "person", "division", "department", "unit", "place"}
                           and not m.kinds() & {"term"}]
                blocked += [(a - clause.start, b - clause.start) for _e, (a, b) in partial]
                clause.cues = cues = CueSet(find_cues(t, blocked, clause.context))
        subjects = linked.entities("functional_subject", span=span) + linked.entities("economic_subject", span=span)
        if projects and depts and (re.search(L.ECONOMIC_SCOPE, t) or subjects) and \
                not {p.department for p in projects} & {d.name for d in depts}:
            # 公用经费里物业费…, 上海审计局审计事务下面…: a subject of the department named, not another
            # department's project of the same name
            projects, exact = [], False
        if projects and not exact and any(len(s.name) >= 6 and s.name in t for s in subjects) \
                and not re.search(r"项目", t):
            # 突发公共卫生事件应急处理这一项，年初预算多少: a subject named whole, not a project (公共卫生事业
            # 发展资金) whose name only shares some of its words
            projects = []
        subjects_exact = bool(subjects)
        if not projects:  # subjects named in part (社保和就业支出, 职工医保缴费), one per enumerated item
            for seg in _segments(clause):
                if any(seg[0] < m.end and m.start < seg[1] and m.kinds() & {"functional_subject", "economic_subject"}
                       for m in clause.mentions):
                    continue
                seg_ranked = parser.linker.rank(linked, seg, ("functional_subject", "economic_subject")) \
                    if seg != span else ranked
                order = ("economic_subject", "functional_subject") if re.search(
                    r"经济分类|经济科目|基本支出|人员经费|公用经费", t) else ("functional_subject", "economic_subject")
                # the kind the words name far better wins over the usual order (给事业单位的经常性补助: 对事业单位
                # 经常性补助 9.9, not 事业单位医疗 4.7); within a point the order the clause suggests decides
                best = {k: seg_ranked.get(k, [])[0][0] for k in order if seg_ranked.get(k)}
                if len(best) == 2 and best[order[1]] > best[order[0]] + 2:
                    order = order[::-1]
                for kind in order:
                    r = seg_ranked.get(kind, [])
                    if r and r[0][0] >= 4.5 and (len(r) == 1 or r[1][0] < r[0][0]) and r[0][1] not in subjects:
                        subjects.append(r[0][1])
                        break
        subjects = _under_parent_named(subjects, linked.question.text, clause, parser.catalog)
        subjects = _class_over_its_namesake_rows(subjects)
        if projects and not exact and re.search(L.WHO_OF_SEVERAL, t):
            # 这几个新疆生态环境单位里谁安排了中央环保督察整改: the project each of them has on it, not the
            # one best name of them all
            several = depts or _departments_of_places(parser.catalog, linked, clause, places, [])
            projects = _best_of_each(ranked.get("project", []), several) or projects
        if not depts and places:  # a bare place names every department of that place (not 昌吉 of 美丽昌吉…)
            depts = _departments_of_places(parser.catalog, linked, clause, places, projects)
        elif depts and len(places) >= 2:
            depts = _kind_of_the_places(parser.catalog, linked, clause, places, projects, depts)
        amounts = [a for a in linked.question.amounts if clause.start <= a.start and a.end <= clause.end]
        bound = _bound(t, [(a.start - clause.start, a.end - clause.start, a.value) for a in amounts])
        # a source named as a condition on projects (项目里有哪些是用政府性基金安排的) is no figure asked
        conditions = [(c.start, c.end) for c in cues.of("funding")] + \
            [(c.start, c.end) for c in cues.of("category", "unit_funds") if t[c.start] == "不"]  # 不是财政拨款的
        item_measures = list(dict.fromkeys(
            c.value for c in cues.of("measure") if not any(s <= c.start < e for s, e in conditions)
            and (c.value == "fiscal_total" or (vocab.measures.get(c.value) and vocab.measures[c.value].kind == "item"))))
        staff_measures = [k for k in cues.values("measure") if vocab.measures.get(k) and vocab.measures[k].kind == "staff"]
        persons = linked.entities("person", span=span)
        policies = linked.entities("policy", exact_only=True, span=span)
        ev = cls(t, cues, depts, places, projects, exact, ranked.get("project", []), subjects, subjects_exact,
                 persons, policies, linked.entities("topic", span=span), linked.entities("term", span=span),
                 linked.entities("unit", span=span), linked.entities("division", span=span),
                 asked_years(t), amounts, bound, [], [], None, item_measures, staff_measures)
        ev.rate_bound = _bound(t, [(m.start(), m.end(), v) for m, v in _percents(t)])
        beyond = re.search(L.FINAL_AGAINST_BUDGET, t)
        if ev.rate_bound is None and beyond:
            # 决算超过了年初预算: a completion rate above 100% (没达到年初预算: below it)
            ev.rate_bound = Bound(">" if beyond.group("dir") in L.BEYOND_WORDS else "<", Decimal(100))
        ev.keyword_groups = content_words(clause, linked)
        ev.keywords = list(dict.fromkeys(w for g in ev.keyword_groups for w in g))
        ev.topic_groups = list(clause.topic_groups)
        ev.mentions = clause.mentions
        ev.indicator_kinds = _indicator_kinds(t, clause)
        ev.same_sentence = bool(re.search(r"[,，、;；]\s*$", clause.context))
        ev.share_base = _share_base(t, cues, vocab)
        return ev


def _under_parent_named(subjects: list[Entity], text: str, clause: Clause, catalog: Catalog) -> list[Entity]:
    """A 项 whose name many 款 share (行政运行, 一般行政管理事务) said right after its 款's name (监狱行政
    运行, 审计业务下的…): only the one under that 款. Where no 款 is named before it, all stay."""
    names = {e.code: e.name for e in catalog.of_kind("functional_subject") if e.code and len(e.code) == 5}
    out = list(subjects)
    for m in clause.mentions:
        shared = [e for e in m.entities if e.kind == "functional_subject" and e.code and len(e.code) == 7]
        if len(shared) < 2:
            continue
        before = text[max(0, m.start - 12):m.start]
        under = [e for e in shared if names.get(e.code[:5]) and
                 any(before.endswith(form) for form in _short_forms(names[e.code[:5]]))]
        if under:
            out = [e for e in out if e not in shared or e in under]
    return out


def _class_over_its_namesake_rows(subjects: list[Entity]) -> list[Entity]:
    """A subject whose name one of its own rows repeats (30301 离休费 over 3030101 离休费, 30201 办公费
    over 3020101 办公费): the name said is the class — its rows, the namesake among them, are what
    it is made of (离休费100.46万元是怎么构成的 lists 3030101…3030104). Subjects named otherwise stay."""
    def nested_below(e: Entity) -> bool:
        return any(o is not e and o.kind == e.kind and o.name == e.name and o.code and e.code
                   and e.code != o.code and e.code.startswith(o.code) for o in subjects)
    return [e for e in subjects if not nested_below(e)]


def _short_forms(name: str) -> list[str]:
    """A 款's name as said before its 项 (监狱, 司法, 审计事务 → 审计事务, 审计): whole, and without
    a trailing 事务/支出/管理事务."""
    forms = [name, re.sub(r"(?:管理)?事务$|支出$", "", name)]
    return [f for f in dict.fromkeys(forms) if len(f) >= 2]


def _segments(clause: Clause) -> list[tuple[int, int]]:
    """The spans of a clause's enumerated items (住房公积金、职工医保缴费各多少 → two), absolute."""
    out, start = [], 0
    inside = [(m.start - clause.start, m.end - clause.start) for m in clause.mentions]
    for m in re.finditer(r"[、/]|和|及|与", clause.text):
        if any(s <= m.start() < e for s, e in inside):
            continue  # 商品和服务支出: one name
        out.append((clause.start + start, clause.start + m.start()))
        start = m.end()
    out.append((clause.start + start, clause.end))
    return [s for s in out if s[1] - s[0] >= 2]


def _enumerated_partial_projects(parser: "Parser", linked: Linked, clause: Clause,
                                 named: list[Entity]) -> list[tuple[Entity, tuple[int, int]]]:
    """Projects named in part beside one named exactly (安全生产月活动和安全生产考核表彰各多少: the
    second is 安全生产考核表彰专项经费): each enumerated item that holds no exact project name is
    ranked alone, and its clear best project of the same department joins the named ones."""
    inside = [(m.start, m.end) for m in clause.mentions if "project" in m.kinds() and m.how in NAMED_WHOLE]
    owners = {p.department for p in named}
    out: list[tuple[Entity, tuple[int, int]]] = []
    text = linked.question.text
    for seg in _segments(clause):
        if any(seg[0] < e and s < seg[1] for s, e in inside):
            continue
        ranked = [(sc, e) for sc, e in parser.linker.rank(linked, seg, ("project",)).get("project", [])
                  if e.department in owners and e not in named]
        # one name of several years (信息化运行维护 of 2024 and of 2026) is one candidate: the years asked choose
        first = [(sc, e) for n, (sc, e) in enumerate(ranked) if all(e.name != o.name for _s, o in ranked[:n])]
        best, _exact = strong_projects(linked, (seg[1], seg[1]), first)  # no exact one in an empty span
        best = [e for sc, e in ranked if best and e.name == best[0].name]
        if best and all(b is not e for b in best for e, _ in out):
            m = SequenceMatcher(None, text[seg[0]:seg[1]], best[0].name, autojunk=False)
            run = m.find_longest_match(0, seg[1] - seg[0], 0, len(best[0].name))
            out += [(b, (seg[0] + run.a, seg[0] + run.a + run.size)) for b in best]  # one name, each year
    return out


def _only_figure_words(text: str, projects: list[Entity], cues: CueSet) -> bool:
    """Whether fuzzy projects match the clause only through a figure's own words (政府采购 of
    政府采购管理服务 in 政府采购预算多少), nothing else of their names standing in it (普惠金融 does)."""
    words = [c.text for c in cues.of("measure") if len(c.text) >= 4]
    if not words:
        return False
    rest = text
    for w in words:
        rest = rest.replace(w, "|")
    for p in projects:
        name = p.name
        if not any(w in name for w in words):
            return False
        for w in words:
            name = name.replace(w, "|")
        if any(name[i:i + 2] in rest for i in range(len(name) - 1) if "|" not in name[i:i + 2]):
            return False
    return True


def strong_projects(linked: Linked, span: tuple[int, int], ranked: list[tuple[float, Entity]]) -> tuple[list[Entity], bool]:
    """Projects named exactly, else the best fuzzy candidates that clearly stand out."""
    exact = linked.entities("project", exact_only=True, span=span)
    if exact:
        return exact, True
    if not ranked:
        return [], False
    # “公安办案业务经费”项目: a name quoted in part is the projects whose names hold it whole (not
    # 台商公安办案业务及其他经费补助, which only shares its words)
    other = {linked.question.text[m.start:m.end] for m in linked.within(span) if m.kinds() - {"project", "topic"}}
    quoted = [m.group(1) for m in re.finditer(r'["“]([^"“”]{4,40})["”](项目|专项)?', linked.question.text[span[0]:span[1]])
              if m.group(1) not in other and (m.group(2) or re.search(r"(?:费|资金|项目|专项|工程|补助|补贴)$", m.group(1)))]
    # (“财政事务”这一款: a subject's name quoted, not part of a project's)
    holding = [e for s, e in ranked if s >= 4 and any(q in e.name for q in quoted)]
    if holding:
        return holding, False
    top = ranked[0][0]
    if top < 5.5:
        if top >= 4 and (len(ranked) == 1 or ranked[1][0] < top - 1.5):
            return [ranked[0][1]], False
        return [], False
    return [e for s, e in ranked if s >= top - 0.5], False


def _best_of_each(ranked: list[tuple[float, Entity]], departments: list[Entity]) -> list[Entity]:
    """Of several departments asked which of them has a project (谁安排了…), each one's best fuzzy candidates
    that would stand out on their own (``strong_projects``' bar); none where fewer than two departments."""
    if len(departments) < 2:
        return []
    out: list[Entity] = []
    for d in departments:
        own = [(s, e) for s, e in ranked if e.department == d.name]
        if own and own[0][0] >= 5.5:
            out += [e for s, e in own if s >= own[0][0] - 0.5]
    return out


# What a place names where it is glued to it (北京办公用房, 驻京办事处): a location, not its departments.
_THING_IN_A_PLACE = r"(?:的)?(?:办公(?:用房|场所|室|楼)?|用房|房租|租金|租房|租赁|办事处|联络处|出差|差旅)"


def _departments_of_places(catalog: Catalog, linked: Linked, clause: Clause, places: list[Entity],
                           projects: list[Entity]) -> list[Entity]:
    """The departments of the places a clause names; the words right after the place narrow them
    (江苏省政协 → 江苏省政协办公厅)."""
    text = linked.question.text
    out: list[Entity] = []
    placed: list[tuple[Mention, list[Entity]]] = []
    by_name = {d.name: d for d in catalog.departments()}
    for m in clause.mentions:
        if m.how != "exact" or "place" not in m.kinds() or m.kinds() & {"department"}:
            continue
        place = next(e for e in m.entities if e.kind == "place")
        if any(place.name in p.name for p in projects):
            continue
        if re.match(_THING_IN_A_PLACE, text[m.end:]):
            continue  # 北京办公用房的房租: where a thing is, not the departments of that place
        mine = [d for d in (place.code or "").split("|") if d]
        owners = [d for d in dict.fromkeys(p.department for p in projects)
                  if d and (d in mine or d.startswith(place.name))]
        if owners:  # 昌吉那个生态环保项目尾款: the place's department that holds the project named
            out += [by_name[d] for d in owners if d in by_name]
            continue
        for k in range(6, 1, -1):
            frag = text[m.end: m.end + k]
            if len(frag) < k or re.search(r"[^\u4e00-\u9fff]", frag):
                continue
            narrow = [d for d in mine if frag in d]
            if narrow:
                if len(narrow) < len(mine):
                    mine = narrow
                break
        # the words naming a kind of department in the clause (新疆的几个生态环境单位): those of that kind
        kind, said = of_kind_named(text[m.end:clause.end], mine, list(by_name))
        if said and kind:
            mine = kind
        placed.append((m, [by_name[d] for d in mine if d in by_name]))
    for (a, of_a), (b, of_b) in zip(placed, placed[1:]):
        # 新疆昌吉州…: a place inside the one named before it is the one asked
        if re.fullmatch(r"的?", text[a.end:b.start]) and set(of_b) <= set(of_a):
            of_a[:] = [d for d in of_a if d in of_b]
    for _m, depts in placed:
        out += depts
    return list(dict.fromkeys(out))


# 八成, 七成半: tenths people say for a rate (not 成本, 成立 …)
_TENTHS = re.compile(r"(?P<t>[一二三四五六七八九])成(?P<h>半)?(?![本立员果效绩功为交型])")


# 超过50倍: a rate said in times (a completion of 5,000%), where a bound word stands before it
_TIMES = re.compile(r"(?<=超过|高于|大于|不到|低于|不足|达到)(?P<n>\d+(?:\.\d+)?|[一二三四五六七八九十]+)倍")


def _percents(t: str) -> list[tuple[re.Match, Decimal]]:
    """Every percentage of ``t`` with its span (80%, 百分之九十, 八成, 超过50倍)."""
    out = []
    for m in _TIMES.finditer(t):
        times = Decimal(m.group("n")) if m.group("n")[0].isdigit() else chinese_to_decimal(m.group("n"))
        if times is not None:
            out.append((m, times * 100))
    for m in PERCENT_RE.finditer(t):
        value = chinese_to_decimal(m.group("cn")) if m.group("cn") else Decimal(m.group("num"))
        if value is not None:
            out.append((m, value))
    for m in _TENTHS.finditer(t):
        value = chinese_to_decimal(m.group("t"))
        if value is not None:
            out.append((m, value * 10 + (5 if m.group("h") else 0)))
    return sorted(out, key=lambda p: p[0].start())


def asked_years(t: str, latest: int | None = None) -> list[int]:
    """The years a clause asks of (今年/去年 relative to ``latest``, where given). A year the money was carried over from (2026年财政拨款里有多少是2025年
    结转过来的) names where the carry-over came from, not a budget asked, where another year is named."""
    years = find_years(fiscal_year_text(t), latest)[0]
    origin = set(_years_before(t, r"(?=(?:上年)?(?:结转|结余))"))
    # 今年财政拨款里有多少是2025年结转过来的 / 年末结转结余比2023年多了多少: the money came from (or is
    # compared with) that year; the budget asked is the next year's, whose carry-over or stated change it is
    moved = set(_years_before(t, r"(?=结转过来)")) | \
        set(_years_before(t, r"(?=(?:的)?(?:预算|决算|实际)?(?:数)?(?:多|少|增|减|涨|降|高|低|上升|下降))", after="比"))
    kept = [y for y in years if y not in origin]
    if kept and not all(y in moved for y in kept):
        return kept  # 26年预算比24年实际多了多少: both years named are asked
    if years and all(y in moved or y in origin for y in years) and any(y in moved for y in years):
        return sorted({y + 1 for y in years if y in moved})
    return kept or years


def _years_before(t: str, lookahead: str, after: str = "") -> list[int]:
    """The years of a clause written right before what ``lookahead`` matches (and right after
    ``after``, where given)."""
    rx = (f"(?<={after})" if after else "") + r"(?:\d{4}|\d{2}|[〇零一二三四五六七八九]{2,4})年度?(?:的)?" + lookahead
    return find_years(" ".join(m.group(0) for m in re.finditer(rx, t)), None)[0]


def _sum_is_the_name(t: str) -> bool:
    """Whether every sum word of a clause is the 合计 of a figure's printed name (本年收入合计多少: the row
    asked, not a sum of its parts)."""
    found = list(re.finditer(L.SUM_WORDS, t))
    return bool(found) and all(m.group() == "合计" and re.search(r"(?:收入|支出|拨款|经费|预算)$", t[:m.start()])
                               for m in found)


def score_bound(t: str) -> Bound | None:
    """A bound on a 绩效自评 score (没拿到100分, 低于95分, 90分以上, 满分的): points, not money."""
    m = re.search(L.SCORE_BOUND, t)
    if m is None:
        return None
    if m.group("full"):  # (没拿到满分: the negation said before the verb, as well as 没满分 before the word)
        negated = m.group("neg") or re.search(r"没|不|未|低于|少于", m.group("before") or "")
        return Bound(">=", Decimal(100)) if not negated else Bound("<", Decimal(100))
    value = Decimal(m.group("n"))
    before, after = m.group("before") or "", m.group("after") or ""
    if re.search(r"没|不|未|低于|少于", before) or re.search(r"以下|以内", after):
        return Bound("<=" if re.search(r"以下|以内", after) else "<", value)
    if re.search(r"超过|高于|以上", before + after):
        return Bound(">=" if "以上" in after else ">", value)
    return Bound("between", value, value) if re.search(r"拿|得|是", before) else None


def _bound(t: str, amounts: list[tuple[int, int, Decimal]]) -> Bound | None:
    """An amount bound: 超过50万元, 不超过二十万, 10万到30万之间, 500万元以上. 以上/以下/以内 include
    the amount itself; 超过/低于/不足 do not."""
    if not amounts:
        return None
    s, e, value = amounts[0]
    # 100万（含）以上 / 50万(不含)以下: the inclusion said in brackets before the bound word
    inclusive = re.match(r"[（(](不?)含[)）]", t[e:])
    after, before = t[e + (inclusive.end() if inclusive else 0): e + 4 + (inclusive.end() if inclusive else 0)], t[max(0, s - 5): s]
    if inclusive and inclusive.group(1):  # （不含）: the bound excludes the amount itself
        for op, rx in L.BOUND_AFTER[:2]:
            if re.search(rx, after):
                return Bound(op.rstrip("="), value)
    if len(amounts) >= 2 and re.search(L.BETWEEN, t[e: amounts[1][0]] + t[amounts[1][1]: amounts[1][1] + 3]):
        return Bound("between", value, amounts[1][2])
    if re.search(L.BOUND_MAGNITUDE[0], before) and re.match(L.BOUND_MAGNITUDE[1], t[s:e]):
        return Bound(">=", value)
    for op, rx in L.BOUND_AFTER:
        if re.search(rx, after):
            if op == ">" and (re.search(L.FIGURE_STATED_BEFORE, t[max(0, s - 8): s])
                              or re.search(L.FIGURE_STATED_AFTER, t[e:e + 10])):
                return None  # 上年结转2254万多都用在哪些项目上: that figure said roughly, no bound on the rows
            return Bound(op, value)
    for op, rx in L.BOUND_BEFORE:
        if re.search(rf"(?:{rx})[^，。,]{{0,3}}$", before):
            return Bound(op, value)
    wide = t[max(0, s - 14): s]  # 不到年初预算的80%: the base a rate is of, between the bound word and it
    for op, rx in L.BOUND_BEFORE:
        if re.search(rf"(?:{rx})(?:年初|调整|全年)?(?:预算|决算)(?:数)?的?$", wide):
            return Bound(op, value)
    return None


# where a kind word standing alone begins: not inside a longer noun (项目数量, 考核质量)
_KIND_WORD_START = r"(?:(?<![\u4e00-\u9fff])|(?<=[的和与及、里中其些看是有个])|(?<=产出))"


def _indicator_kinds(t: str, clause: Clause) -> list[str]:
    """The indicator kinds a clause names (a project's own name names none)."""
    scan = t
    for m in clause.mentions:
        if m.kinds() & {"project"}:
            s, e = m.start - clause.start, m.end - clause.start
            scan = scan[:s] + "|" * (e - s) + scan[e:]
    # 数量、质量指标 / 成本方面 name kinds; 评审项目数量、专家人次 names indicators whose names end in 数量
    kinds = [k for k in INDICATOR_KINDS if compiled(k[:-2] + r"(?=指标|目标)|" + _KIND_WORD_START + k[:-2] +
                                                    r"(?=[和、与及,，]|方面|类|上(?!年))").search(scan)
             and (k != "效益指标" or not re.search(r"(经济|社会|生态)效益", scan))]
    kinds = [k for k in kinds if not (k == "效益指标" and len(kinds) > 1 and
                                      any(x.endswith("效益指标") and x != k for x in kinds))]
    if re.search(r"产出指标", scan):
        kinds = list(dict.fromkeys(kinds + ["数量指标", "质量指标", "时效指标", "成本指标"]))
    if re.search(r"(?:费用|收费|开支|支出|价格|单价|花费)标准|单价(?:上限|多少|是多少)", scan) and "成本指标" not in kinds:
        kinds.append("成本指标")  # 各类人员的费用标准怎么设的: what the table's 成本指标 rows cap
    return kinds


def _share_base(t: str, cues: CueSet, vocab: Vocabulary) -> str | None:
    """The figure a share is taken of when the clause names it (占支出总计的比重, 占总收入)."""
    found = [re.search(r"占(?:了)?([^，。,?？]{1,12}?)(?:的)?(?:多大|多少|几)?(?:比重|比例|百分比|百分之(?:几|多少)|多少|几成|%)", t),
             re.search(L.SHARE_WITHIN, t)]  # 在项目支出里占多大比例
    for m in (m for m in found if m):
        for key, rx in L.MEASURE_WORDS:
            if compiled(rx).search(m.group(1)) and (key in vocab.measures or key == "fiscal_total"):
                return key  # (财政拨款: the sum of its three kinds, a figure of the graph's totals too)
        for key, rx in L.SHARE_BASE_WORDS:
            if re.search(rx, m.group(1)) and key in vocab.measures:
                return key
    return None


# A number that names a service (12345热线, 12315, “110”): three to six digits standing as a word — not a year
# (2024), not a figure with its unit or classifier after it, not a decimal.
_SERVICE_NUMBER = r"(?<![\d.])(?!(?:19|20)\d\d(?!\d))\d{3,6}(?![\d.]|\s*(?:多|余|来)?\s*(?:万|亿|元|千|百|年|%|个|项|辆|人|名|次|家|条|件|台|套|天|月|日|号|分|倍|所|座|户|份|批|期|届|平|米|公里|吨|册|本|张|间))"


def content_words(clause: Clause, linked: Linked) -> list[list[str]]:
    """What is left of a clause once names, cue words, numbers and function words are out: the
    words of a topic (柴油车, 物业费, 垃圾焚烧发电, pm2.5), grouped by the enumeration they stand in
    (柴油车尾气、OBD在线监控: two groups, each a topic of its own)."""
    t = list(clause.text)
    for m in clause.mentions:
        if m.kinds() & {"department", "place", "topic", "person", "unit", "policy", "project", "division", "term",
                        "functional_subject", "economic_subject"}:
            for i in range(m.start - clause.start, m.end - clause.start):
                t[i] = "|"
    for c in clause.cues.cues:
        for i in range(c.start, c.end):
            t[i] = "|"
    for a in linked.question.amounts:
        for i in range(max(a.start, clause.start), min(a.end, clause.end)):
            t[i - clause.start] = "|"
    for s, e, _name in linked.unknown:  # a name the graph lacks is not a topic
        for i in range(max(s, clause.start), min(e, clause.end)):
            t[i - clause.start] = "|"
    text = "".join(t)
    text = re.sub(f"(?:{RELATIVE_YEAR})度?", lambda m: "|" * len(m.group(0)), text)  # 上一年度有多少: a year, not a topic
    text = re.sub(L.SCORE_BOUND, lambda m: "|" * len(m.group(0)), text)  # 没拿到100分: a bound on scores
    text = re.sub(L.BOUND_WORDS, "|", text)
    text = re.sub("|".join(k[:-2] + "指标|" + _KIND_WORD_START + k[:-2] for k in INDICATOR_KINDS), "|", text)
    groups: list[list[str]] = []
    cuts = [0] + [p for m in re.finditer(r"[、/]|以及|或者|和|(?<![涉普危顾])及(?!时|格)|与|或", text)  # not 涉及/及时
                  for p in (m.start(), m.end())] + [len(text)]
    topic_spans = [(m.start - clause.start, m.end - clause.start, [e.iri for e in m.entities if e.kind == "topic"])
                   for m in clause.mentions if "topic" in m.kinds()]
    clause.topic_groups = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        piece = text[start:end]
        topics = [iri for s, e, iris in topic_spans if start <= s < end for iri in iris]
        latin = re.findall(r"[a-z][a-z0-9.]*[a-z0-9]|[a-z]{2,}", piece)  # pm2.5, obd
        latin += re.findall(_SERVICE_NUMBER, piece)  # 12345热线, “12315”: a name, not a figure
        piece = re.sub(r"[a-z][a-z0-9.]*", "|", piece)
        piece = re.sub(r"\d+(?:\.\d+)?(?:多|余|来)?(?:万元|万|亿元|亿|元|年度?|%)?", "|", piece)  # 那2100多万
        piece = _STOP.sub("|", piece)
        words = [re.sub(r"(?<=..)[各都共还也]$", "", w) for w in re.split(r"[|\W\d_]+", piece)]  # 改扩建各(安排)
        words = [w for w in words if len(w) >= 2] + [w for w in latin if len(w) >= 2]
        if words or topics:  # one enumerated item: its own topics and words
            groups.append(list(dict.fromkeys(words)))
            clause.topic_groups.append(topics)
    return groups


_WITHIN_THEN_EACH = r"(?:里|中|当中|里面|中间)(?:的)?[^，。？?]*?(?:各|分别)"


def _parts_asked_within(keys: list[str], cues: "CueSet", text: str, vocab_ancestors) -> list[str]:
    """一般公共预算基本支出里人员经费和公用经费各多少: the figures named before 里 …各 say where to look (the
    whole), the ones after it are asked; without figures named on both sides nothing changes."""
    m = re.search(_WITHIN_THEN_EACH, text)
    if not m or len(keys) < 2:
        return keys
    after = {c.value for c in cues.of("measure") if c.start >= m.start()}
    asked = [k for k in keys if k in after]
    if not asked or len(asked) == len(keys):
        return keys
    # the whole they are parts of stays (基本支出里人员经费和公用经费各多少: 基本支出 too); a figure that only
    # qualifies the whole (一般公共预算 of 一般公共预算基本支出) is not asked
    return [k for k in keys if k in after or any(k in vocab_ancestors(a) for a in asked)]


def _per_unit_frame(parser: "Parser", ev: "Evidence", focus: str, clause: str, scores: dict[str, float]) -> Frame:
    """A figure asked of each unit or division in turn (``L.PER_UNIT_ASKED``). Money of each budget unit is the
    department's table by unit (``filters.by_unit``; where it prints none, the answer says so rather than give the
    department's total). What no budget table splits — money by 内设处室, 编制 or people by unit — is a figure the
    graph does not hold, said as such, never the list of names in its place."""
    staff = bool(re.search(L.PER_UNIT_STAFF, ev.text))
    if focus == "subordinates" and not staff:
        frame = Frame("figures", clause=clause, score=scores.get("figures", 0.0))
        frame.filters = parser.filters(ev, "figures")
        frame.filters.by_unit = True
        frame.operation = Operation("list")
        frame.measures = parser.measures(ev, "figures", frame)
        return frame
    kind = "内设机构" if focus == "divisions" else "下属单位"
    what = "编制（人数）" if staff else "预算"
    frame = Frame("figures", ["word:" + f"按{kind}分列的{what}"], parser.filters(ev, "figures"), Operation("lookup"),
                  clause, scores.get("figures", 0.0))
    frame.filters.by_unit = False  # (no table by unit holds it: the figure is missing, not the table)
    return frame


def _project_named_by_keyword(catalog: Catalog, ev: "Evidence") -> list[str]:
    """The keywords (three characters or more) that stand inside a project name of the one department the clause
    names: a figure asked by a word of the department's own project (办案业务经费 of 公安办案业务经费)."""
    if len(ev.departments) != 1:
        return []
    dept = ev.departments[0].name
    names = [e.name for e in catalog.of_kind("project") if e.department == dept]
    return [w for w in ev.keywords if len(w) >= 3 and any(w in n for n in names)]


def _detail_word(detail: str | None) -> str | None:
    """A detail no table prints, as the answer names it: a date or a duration asked (什么时候, 多久) is 时间."""
    if detail and re.fullmatch(r"什么时候|何时|哪天|几月份?|工期|多长时间|多久", detail):
        return "时间安排（日期或工期）"
    if detail and re.fullmatch(r"哪个小区|哪个楼盘|什么地址|具体地址|地址在哪", detail):
        return "地址"
    if detail and re.search(r"平|面积", detail):
        return "面积"
    return detail


def _payee_asked(ev: "Evidence", catalog: Catalog | None = None) -> str | None:
    """The kind of recipient a clause asks money split by (中级法院, 口岸单位, 区), where it is none of the budget's
    own kinds, no unit the graph holds is named, and no budget unit of the department is of that kind (各分局分了多少
    of a 公安局 whose table by unit prints its 分局: that table answers)."""
    m = re.search(L.RECIPIENT_SPLIT, ev.text)
    if not m or ev.units:
        return None
    who = (m.group("who") or m.group("who2") or m.group("who3") or m.group("who4") or "").strip()
    if not who or re.fullmatch(rf"(?:下属|所属|二级|基层|预算)?(?:{L.BUDGET_OWN_KINDS})", who):
        return None
    if catalog is not None and ev.departments:
        mine = {d.name for d in ev.departments}
        # (a unit carries no department of its own in the catalogue: it is the department's where named after it)
        if any(who in e.name for e in catalog.of_kind("unit")
               if e.department in mine or any(e.name.startswith(d) for d in mine)):
            return None
    return who


def _amount_said_for_its_use(ev: "Evidence") -> Bound | None:
    """那6200万是干嘛用的: the amount a clause states when it asks what money is for — as a bound of the amounts
    that round to it as said (6200万 is 6199.5–6200.5万元, 4.4亿 is 43,500–44,500万元)."""
    if len(ev.amounts) != 1 or not re.search(L.USE_OF_AMOUNT, ev.text):
        return None
    a = ev.amounts[0]
    printed = re.search(r"(\d+(?:\.(\d+))?)\s*(亿|万|元)?", a.text)
    decimals = len(printed.group(2) or "") if printed else 0
    scale = {"亿": Decimal(10000), "元": Decimal("0.0001")}.get(printed.group(3) if printed else None, Decimal(1))
    half = Decimal(5).scaleb(-(decimals + 1)) * scale
    return Bound("between", a.value - half, a.value + half, said=a.value)


def _kind_of_the_places(catalog: Catalog, linked: Linked, clause: Clause, places: list[Entity],
                        projects: list[Entity], depts: list[Entity]) -> list[Entity]:
    """两个信访局（长沙、长春）: a kind of department named once beside the places it is of — that kind's
    department of each place, not the one the kind's words name alone (国家信访局). The departments found
    as they were where the places hold no such department."""
    text = linked.question.text
    named = [m for m in clause.mentions if "department" in m.kinds()]
    # (a department spelled in full — 国家信访局 — is itself, not the kind word 信访局)
    spelled = {text[m.start:m.end] for m in named if any(e.name == text[m.start:m.end] for e in m.entities)}
    words = {text[m.start:m.end] for m in named
             if not any(p.name[:2] in text[m.start:m.end] for p in places)} - spelled  # (信访局, not 长沙市信访局)
    if not words:
        return depts
    of_places = _departments_of_places(catalog, linked, clause, places, projects)
    same = [d for d in of_places if any(w in d.name for w in words)]
    places_held = {p.name for p in places if any(p.name[:2] in d.name for d in same)}
    if len(places_held) >= 2:
        # (a department named in full beside them — 这几个信访局（国家信访局、长沙、长春） — is one of them too)
        return same + [d for d in depts if d not in same and (not any(w in d.name for w in words) or d.name in spelled)]
    return depts
