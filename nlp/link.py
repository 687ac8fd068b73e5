"""Link the question's words to the graph's entities.

Exact names: every catalogue name and alias (``nlp.catalog``: departments with their generated
short forms, projects, subjects, policy documents and 文号, persons, divisions, topics, 名词解释
terms) found in the folded question, longest first, no two overlapping. Short and misspelt
department names (监控中心, 江苏高院, 卫健委, 克州生态环竟局): ``nlp.names.abbreviates`` /
``misspells``. Partial project, policy and subject names (加密站点那个项目, 社保和就业支出) are
ranked by a fuzzy score over common substrings. Places, persons and organisations the question
names that the graph does not hold are reported in ``unknown``, so that the answer says nothing
was found instead of giving another entity's figures.

No tokenizer is needed: the catalogue names are matched as strings, and what is left of a
clause once names, cue words and numbers are taken out is its content (``nlp.parse``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from nlp.catalog import Catalog, Entity
from nlp.lexicon import MEASURE_WORDS
from nlp.patterns import compiled
from nlp.names import abbreviates, misspells, split_place, strip_budget_suffix as strip_scope
from nlp.normalize import NormalizedQuestion, fold, with_synonyms
from nlp.paraphrase import ParaphraseIndex, canonical
from nlp.place_filters import PLACE_GAP, of_kind_named, unheld_divisions
from kg.names.divisions import division as division_named

# What follows words that are a topic or are glossed, not a name said in other words (安全生产考核有关的,
# 环保方面, 商务发展（其他商业流通事务支出）)
_TOPIC_OR_GLOSS_AFTER = r"(?:的)?(?:有关|相关|方面|之类|类的|这块|这一块)|[（(]"

# Words that name no particular project: stripped before fuzzy comparison of project names.
_GENERIC = re.compile(
    r"有没有|有哪些|哪些|哪个|哪几个|那个|这个|多少钱|多少|是多少|什么|项目|经费|资金|专项|专门|费用|工作|"
    r"预算|安排|设立|是否|分别|各是|绩效目标|绩效|指标|目标表|[的了和与及或在里中是有]|"
    r"[\s、,，.。:：;；?？!！\"'()\[\]<>《》“”]")
FUZZY_KINDS = ("project", "policy", "functional_subject", "economic_subject")
# The kinds named by their paraphrases (``nlp.paraphrase``: 公交运营补贴 of 公共交通运营补助); a mention found so
# is ``how="paraphrase"`` and counts as a name said whole (``NAMED_WHOLE``), as an exact one does.
PARAPHRASED_KINDS = ("functional_subject", "economic_subject", "project")
NAMED_WHOLE = ("exact", "paraphrase")
# Mentions a paraphrase never overlaps: who and where the question is about.
_NOT_PARAPHRASED = {"department", "place", "person", "unit", "policy", "division"}
_SUBJECTS = {"functional_subject", "economic_subject"}
# A word for a project or its money said right after the words that name it (菜篮子那笔钱, 两癌筛查那个项目).
_PROJECT_CUE = re.compile(r"(?P<that>那个|这个|那笔|这笔|那项|这项|那块)(?:项目|专项|钱|经费|资金)|的钱|(?:项目|专项)(?!支出|经费)|"
                          r"(?P<money>经费|资金)")
def _names_a_figure(words: str) -> bool:
    """Whether words are a figure's name the vocabulary knows (人员经费, 机关运行经费), not a project's."""
    return any(compiled(rx).search(words) for _key, rx in MEASURE_WORDS)


def _mostly_a_figure(text: str, start: int, end: int) -> bool:
    """Whether a figure's word the vocabulary knows, where it stands in ``text``, makes up most of the stretch
    ``[start, end)`` (因公出国 of 因公出国(境)费, 三公's; not the 运维费 of 信息化运维费, a project's)."""
    for _key, rx in MEASURE_WORDS:
        for m in re.finditer(rx, text):
            if 3 * (min(end, m.end()) - max(start, m.start())) >= 2 * (end - start):
                return True
    return False


def _figure_word_of(words: str, names: tuple[str, ...]) -> bool:
    """Whether the question's words and every name they were matched to hold one figure's word the vocabulary
    knows (因公出国经费 and 因公出国费用: 出国, the 三公 part's): the parser reads such a word as the figure's, as it
    does where the name is printed, so no other wording of the name overrides that reading."""
    return any(re.search(rx, words) and all(re.search(rx, fold(n)) for n in names) for _key, rx in MEASURE_WORDS)


# Runs that name no project in particular, however few names hold them.
_NO_PROJECT_WORDS = re.compile(r"(?:经费|资金|项目|专项|工作|建设|管理|服务|补助|补贴|业务|运行|保障|支出|费用|多少|"
                               r"哪些|哪个|几个|什么|那个|这个|一个|年度|部门|单位|中心|市级|本级|全市|维护|系统|信息|工程|其他|"
                               r"日常|今年|去年|明年|上年|一共|总共|花了|用了|安排|的|了|和|与|及|那|这|个|笔)+")
# Words naming kinds of units a department has (几个直属事业单位, 内设机构): never a project's words, though
# a project's name may hold them (行政事业单位国有资产数据审核服务)
# Words after the stem of a field of spending (气象方面, 气象类, 司法这一款): see ``Linker._subject_area``.
_AREA_CUE = re.compile(r"方面|这一?[类款块]|[类款](?:支出|科目|下|里|的|项级|款级|[,，？?]|$)")
_UNIT_KIND_WORDS = re.compile(r"(?:直属|下属|所属)?事业单位|内设机构")
# The commonest Chinese surnames: a name the question gives for a person must start with one.
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
               "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
               "毛郝龚邵万钱严覃武戴莫孔向汤古阿艾买吐热")
# Department-level figures: words that name a total, never a classification subject.
_FIGURE_WORDS = re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款|基本支出|项目支出|人员经费|公用经费|"
                           r"收入总计|支出总计|收支总|本年收入|上年结转|结转结余|单位资金|三公|机关运行经费|政府采购")
_ORG_END = re.compile(r"(?:分局|中心|局|厅|委员会|委|法院|检察院|院|所|站|办公室|办公厅|办|大队|支队|队|处|馆|部|街道)")
# An organisation named in the question: a few characters ending in an organisation word.
_ORG = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:分局|中心|局|厅|委员会|办公室|法院|检察院|院|所|站|大队|支队|街道|"
                  r"馆|委|办|部|处|队|团|校|园|社(?!会))")
# A place named in the question: a stem and an administrative level.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:自治州|自治县|自治区|地区|省|市|州|县|区|旗|盟|镇|乡)")
# A level character that begins a word with the next one (市民, 市场, 区域, 县域, 省份): no place ends at it.
_LEVEL_IN_A_WORD = re.compile(r"市[民场值面容貌]|区[域间别县]|县[域城区市]|省[份]|乡[村亲镇]")
_NOT_PLACE = re.compile(r"^(?:本|全|各|该|这|那|每|省|市|区|县|州)|[的了和与及是在有给对把从按为向里中年月日钱费局能否推算出说明根据请问查多少哪些个级]|"
                        r"(?:社区|园区|辖区|景区|片区|分区|小区|街区|市区|郊区|城区|管区|校区|库区|矿区|"
                        r"山区|牧区|老区|灾区|湾区|边区|疫区|功能区|保护区|示范区|开发区|新区|试验区|试点区|流域)$|"
                        r".[来到赴进返离][省市区县州]$")  # 接待来市走访群众: coming to the city, no place named
_GENERIC_UNKNOWN = {"中国", "全国", "中央", "国家", "自治区", "全州", "本级", "州级", "省级", "市级", "县级",
                    "各县", "地方", "本市", "全市", "全省", "本省", "本区", "全区", "各区", "各市", "外省"}
_PERSON = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?=负责|是[^，。?？]{0,16}负责人|牵头|主管|分管|经办)|"
                     r"负责人(?:是|为)?([\u4e00-\u9fff]{2,3})(?=$|[，。?？,的吗])")
_ENUMERATED = re.compile(r"(?P<places>(?:[\u4e00-\u9fff]{2,3}[、和与及])+[\u4e00-\u9fff]{2,3}?)"
                         r"(?:这|那|这些|那些)?(?:[一二三四五六七八九十两几\d]+(?:个|家|地|座))?(?:市|省|区|县)?的?"
                         r"(?P<org>[\u4e00-\u9fff]{1,8}?(?:局|厅|委|办|院|中心))")
# The same said the other way round, the places in brackets after the organisation word: 三个信访局（国家、长沙、长春）
_ENUMERATED_AFTER = re.compile(r"(?:[一二三四五六七八九十两几\d]+(?:个|家))?(?P<org>(?:(?![一二三四五六七八九十两几个家])[\u4e00-\u9fff]){1,8}?(?:局|厅|委|办|院|中心))[（(]"
                               r"(?P<places>(?:[\u4e00-\u9fff]{2,3}[、和与及,，])+[\u4e00-\u9fff]{2,3}?)[)）]")


def _enumerations(text: str) -> list[re.Match]:
    """Every enumeration of places with one organisation word (before or after it)."""
    return list(_ENUMERATED.finditer(text)) + list(_ENUMERATED_AFTER.finditer(text))


_LEVEL_START = re.compile(r"[省市州区县旗盟]")
_FUNCTION_CHAR = re.compile(r"[的了和与及是在给对把从按为向]")
_ORG_CHAR = re.compile(r"[局厅委院办室处科所站队部馆心会]$")
# Common names of government departments (a fixed resource of Chinese administration): a span
# ending in one of them names that department, not a misspelling of another (民政局 ≠ 财政局).
COMMON_ORGS = ("民政局", "财政局", "公安局", "教育局", "司法局", "商务局", "审计局", "统计局", "税务局",
               "体育局", "林业局", "水利局", "气象局", "档案局", "粮食局", "地震局", "规划局", "信访局",
               "城管局", "医保局", "交通局", "科技局", "文旅局", "卫健委", "发改委", "国资委", "工信局",
               "住建局", "人社局", "农业局", "环保局", "商务委", "教委", "民委", "侨办", "外办", "法院",
               "检察院", "公安厅", "财政厅", "教育厅", "司法厅", "民政厅", "商务厅", "审计厅", "水利厅",
               "博物馆", "图书馆", "文化馆", "纪念馆", "美术馆", "档案馆")


# A set named by its size and a word its departments' names share: 三份生态环境文件, 这几家公安的预算.
_SET_BY_WORD = re.compile(r"(?:(?:这|那)(?:些|[\d一二两三四五六七八九十几]+)|[\d一二两三四五六七八九十]+)(?:份|家|个)?"
                          r"(?P<w>[\u4e00-\u9fff]{2,6}?)(?:系统|方面|口)?(?:的)?(?:文件|预算|决算|部门|单位)(?:里|中|之中|当中)")


def _income_of_spending_name(text: str, m: "Mention") -> bool:
    """A spending subject said without its 支出 (国有资本经营预算 of 国有资本经营预算支出) right before 收入
    (国有资本经营预算收入多少): the money coming in of that kind, not the subject."""
    return bool(m.entities) and all(e.kind == "functional_subject" and e.name.endswith("支出") for e in m.entities) \
        and not m.key.endswith("支出") and bool(re.match(r"(?:拨款)?收入", text[m.end:]))


@dataclass
class Mention:
    """A span of the folded question linked to one or more entities (same name, several
    budgets or kinds). ``how`` is ``exact``, ``paraphrase`` (a name said in other words of the
    same meaning, ``nlp.paraphrase``) or ``fuzzy``; ``score`` ranks fuzzy candidates."""

    key: str
    entities: list[Entity]
    start: int
    end: int
    score: float = 100.0
    how: str = "exact"

    def kinds(self) -> set[str]:
        """The kinds of the entities this span names."""
        return {e.kind for e in self.entities}


def _kind_word_of_named(text: str, mentions: list[Mention]) -> list[Mention]:
    """A department mention whose words end another department mention of the question names no other
    department than those: 同是信访局，长春市信访局和长沙市信访局… (信访局, the kind the two share, is not 国家信访局
    too) and 苏州水务局和苏州审计局…水务局是审计局的几倍 (审计局 is the one just named, not 上海's or 西安's).
    Its departments are narrowed to those the longer mentions name; where it shares none, it is dropped."""
    named = [(text[m.start:m.end], {e.iri for e in m.entities if e.kind == "department"})
             for m in mentions if "department" in m.kinds()]
    out: list[Mention] = []
    for m in mentions:
        words = text[m.start:m.end]
        longer = [iris for other, iris in named if len(other) > len(words) and other.endswith(words)]
        if "department" not in m.kinds() or not m.kinds() <= {"department", "unit"} or not longer:
            out.append(m)
            continue
        within = set().union(*longer)
        kept = [e for e in m.entities if e.kind != "department" or e.iri in within]
        if any(e.kind == "department" for e in kept):
            out.append(Mention(m.key, kept, m.start, m.end, m.score, m.how))
    return out


def _of_place_before(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """An organisation word several departments share (审计局) right after a place, or after a place
    and 的 (苏州的审计局和水务局): that place's department only, where the graph holds one there. A
    division the department lies in counts as its place (广东省内的财政局 → 深圳市财政局: ``PLACE_GAP``
    between them); where the graph holds no such department in a division named so (江苏的统计局), the
    words are returned as unknown — another place's department never stands in."""
    out: list[Mention] = []
    unknown: list[tuple[int, int, str]] = []
    for i, m in enumerate(mentions):
        depts = [e for e in m.entities if e.kind == "department"]
        place = mentions[i - 1] if i else None
        gap = text[place.end:m.start] if place is not None else ""
        if depts and place is not None and place.kinds() == {"place"} and \
                (gap in ("", "的") or PLACE_GAP.fullmatch(gap)):
            names = {e.name for e in place.entities} | {e.name.rstrip("市区县州省") for e in place.entities}
            located = {d for e in place.entities for d in (e.code or "").split("|") if d}
            division = any(division_named(e.name) for e in place.entities)
            mine = [e for e in depts if e.name in located or len(depts) > 1 and
                    any(n and e.name.startswith(n) for n in names)]
            if mine and len(mine) < len(depts):
                m = Mention(m.key, mine + [e for e in m.entities if e.kind != "department"], m.start, m.end,
                            m.score, m.how)
            elif not mine and division and not any(e.name.startswith(text[m.start:m.end]) for e in depts):
                unknown.append((place.start, m.end, text[place.start:m.end]))
                continue
        out.append(m)
    return out, unknown


@dataclass
class Linked:
    """What the linker found in a question."""

    question: NormalizedQuestion
    mentions: list[Mention] = field(default_factory=list)
    fuzzy: dict[str, list[tuple[float, Entity]]] = field(default_factory=dict)
    unknown: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, text)
    ranked: dict[tuple, dict] = field(default_factory=dict)  # fuzzy rankings per clause span and kinds

    def entities(self, kind: str, exact_only: bool = False, span: tuple[int, int] | None = None) -> list[Entity]:
        """Entities of ``kind`` linked (in question order, optionally inside ``span``), deduplicated."""
        out: list[Entity] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if exact_only and m.how not in NAMED_WHOLE:
                continue
            if span is not None and not (span[0] <= m.start and m.end <= span[1]):
                continue
            for e in m.entities:
                if e.kind == kind and e not in out:
                    out.append(e)
        return out

    def within(self, span: tuple[int, int]) -> list[Mention]:
        return [m for m in self.mentions if span[0] <= m.start and m.end <= span[1]]


# One more item of an enumeration of short names (、政协 of 江苏人大、政协、高院).
_ENUM_ITEM = re.compile(r"[、和及与,](?P<item>[\u4e00-\u9fff]{2,5}?)(?=[、和及与,]|这|那|的|等|几|各|三|两|四|$)")


def abbreviated_in(text: str, name: str) -> bool:
    """Whether ``text`` holds a short form of ``name`` (5+ characters): its first and last
    characters, the rest in order (职工医保缴费 of 职工基本医疗保险缴费), or for a name of at most six
    characters its first two and its last (物业费 of 物业管理费)."""
    if len(name) < 5:
        return False
    first, last = name[0], name[-1]
    for i, ch in enumerate(text):
        if ch != first:
            continue
        if len(name) <= 6 and text[i:i + 2] == name[:2] and text[i + 2:i + 3] == last:
            return True  # 物业费 of 物业管理费: the name's first word and its last character
        for j in range(i + 3, min(len(text), i + len(name) - 1)):
            if text[j] == last:
                span = text[i:j + 1]
                it = iter(name)
                if all(c in it for c in span) and len(span) >= max(4, len(name) // 2):
                    return True
    return False


# The most characters of a project's name a short form may leave out between two it keeps (运维 of
# 运行维护 leaves one: 行).
_ABBREVIATION_GAP = 2


def short_form_in(question: str, name: str) -> bool:
    """Whether a stretch of ``question`` (four characters or more, starting with the name's first two)
    is a short form of ``name`` shorter than it (:func:`short_form_of`)."""
    head = name[:2]
    if len(name) < 5 or len(head) < 2:
        return False
    at = question.find(head)
    while at >= 0:
        for end in range(min(len(question), at + len(name) - 1), at + 3, -1):
            if short_form_of(question[at:end], name):
                return True
        at = question.find(head, at + 1)
    return False


def short_form_of(short: str, name: str) -> bool:
    """Whether ``short`` is a short form of a stretch of ``name``: its characters in order, starting
    where the stretch starts, with at most ``_ABBREVIATION_GAP`` characters left out between two kept
    ones, and at least two thirds of the stretch kept (信息化运维 of 信息化运行维护: 运维 is how
    people say 运行维护)."""
    if len(short) < 4:
        return False
    for start in (i for i, ch in enumerate(name) if ch == short[0]):
        at, kept = start, 0
        for ch in short:
            j = name.find(ch, at, at + _ABBREVIATION_GAP + 1 if kept else at + 1)
            if j < 0:
                break
            at, kept = j + 1, kept + 1
        if kept == len(short) and len(short) * 3 >= (at - start) * 2:
            return True
    return False


# Numbers that tell like-named things apart: a document's number (粤财工〔2025〕139号) and a batch
# or phase (第三批, 二期).
_IDENTITY_MARK = re.compile(r"(\d+)号|第([一二三四五六七八九十\d]+)[批期]|([一二三四五六七八九十\d]+)期")


def _identity_marks(text: str) -> dict[str, set[str]]:
    """The identity numbers a text says, by kind: {"号": {"139"}, "批": {"三"}}."""
    marks: dict[str, set[str]] = {}
    for m in _IDENTITY_MARK.finditer(text):
        kind = "号" if m.group(1) else "批" if m.group(2) else "期"
        marks.setdefault(kind, set()).add(m.group(1) or m.group(2) or m.group(3))
    return marks


def _other_marks(asked: dict[str, set[str]], names: tuple[str, ...]) -> bool:
    """Whether a thing's names carry identity numbers of a kind the question says, none of them the
    ones said: another document's, batch's or phase's thing."""
    own = _identity_marks(" ".join(names))
    return any(kind in own and not (own[kind] & values) for kind, values in asked.items())


def core(text: str) -> str:
    """A name or question with the words that name nothing removed."""
    return _GENERIC.sub("", text)


def fuzzy_score(question_core: str, name: str, matcher: SequenceMatcher | None = None) -> tuple[float, float]:
    """(score, coverage) of a name against the question: long common runs count more than
    scattered characters (the root of the summed squares of runs of 2+ characters); coverage is
    the share of the name's own characters found. ``matcher`` is a SequenceMatcher already holding
    the name's core as its second sequence (its index built once per name, not per question)."""
    name_core = matcher.b if matcher is not None else core(name.lower())  # the question is lower case
    if not name_core or not question_core:
        return 0.0, 0.0
    if matcher is None:
        matcher = SequenceMatcher(None, question_core, name_core, autojunk=False)
    else:
        matcher.set_seq1(question_core)
    blocks = matcher.get_matching_blocks()
    sizes = [b.size for b in blocks if b.size >= 2]
    matched = sum(sizes)
    if sizes and max(sizes) < 4 and matched / len(name_core) < 0.5:
        return 0.0, 0.0  # only scattered pairs of characters: not a name
    return math.sqrt(sum(s * s for s in sizes)), matched / len(name_core)



class _Matcher:
    """A ``SequenceMatcher`` indexed on one name's core, made the first time a question shares a
    character pair with the name: indexing all of them when the first question came cost 0.3 s at
    1,000 documents (4,000 project names), most of them never compared."""

    __slots__ = ("core", "_matcher")

    def __init__(self, core_text: str) -> None:
        self.core = core_text
        self._matcher: SequenceMatcher | None = None

    def get(self) -> SequenceMatcher:
        if self._matcher is None:
            self._matcher = SequenceMatcher(None, "", self.core, autojunk=False)
        return self._matcher


class _Candidates:
    """The entities of one kind that can score in ``Linker.rank``, found by what they share with the
    question instead of testing every one (at 10,000 documents a comparison's ranking of 100,000+
    project names was ~80 % of its answer). ``rank`` gives an entity a score only where one of its
    names (with a core) shares a character pair with the question (the fuzzy score), starts with
    two characters the question holds (``short_form_in`` finds the name's first two first), or starts
    with a character the question holds (``abbreviated_in`` begins at the name's first): so the
    entities indexed under the question's pairs, pairs and characters are all that can score, and
    ``rank`` runs its own tests on those, in the catalogue's order — the same ranking."""

    __slots__ = ("by_pair", "by_head", "by_first")

    def __init__(self, names_of: list[tuple[Entity, list[tuple[str, "_Matcher", set[str]]]]]) -> None:
        self.by_pair: dict[str, list[int]] = {}
        self.by_head: dict[str, list[int]] = {}  # a name of 5+ characters by its first two
        self.by_first: dict[str, list[int]] = {}  # a name of 5+ characters by its first
        for at, (_e, names) in enumerate(names_of):
            pairs: set[str] = set()
            heads: set[str] = set()
            for name, _matcher, name_pairs in names:
                pairs |= name_pairs
                if len(name) >= 5:
                    heads.add(name[:2])
            for p in pairs:
                self.by_pair.setdefault(p, []).append(at)
            for h in heads:
                self.by_head.setdefault(h, []).append(at)
            for f in {h[0] for h in heads}:
                self.by_first.setdefault(f, []).append(at)

    def of(self, pairs: set[str], heads: set[str], firsts: set[str]) -> list[int]:
        """The positions of the entities sharing a pair of ``pairs``, whose name starts with one of
        ``heads`` or with one of ``firsts``, ascending."""
        out: set[int] = set()
        for index, keys in ((self.by_pair, pairs), (self.by_head, heads), (self.by_first, firsts)):
            for k in keys:
                out.update(index.get(k, ()))
        return sorted(out)


def _pairs(text: str) -> set[str]:
    """The character pairs of ``text``."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


class Linker:
    """``NormalizedQuestion`` → ``Linked``."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        # each name as it stands in a normalised question: 公车统管费用 is read as 公务用车统管费用 there
        # (the everyday words are rewritten before linking), so a name is looked for in that form
        self.needles = sorted(((with_synonyms(key), key) for key in catalog.by_key), key=lambda p: -len(p[0]))
        # departments, and units without a budget of their own (linked so that the answer says the
        # graph holds no budget of theirs, never their parent's figures)
        self.department_names = [(d, d.names()) for d in catalog.departments() + catalog.of_kind("unit")]
        self._department_chars = [set("".join(names)) for _d, names in self.department_names]
        self._fuzzy_names: dict[str, list[tuple[Entity, list[tuple[str, _Matcher, set[str]]]]]] = {}
        self._candidates: dict[str, _Candidates] = {}
        self._functional: list[Entity] | None = None
        self._paraphrases: tuple[ParaphraseIndex, dict[str, list[Entity]]] | None = None
        self._reordered: dict[tuple[int, str], list[Entity]] | None = None

    def __call__(self, nq: NormalizedQuestion) -> Linked:
        nq.text = self._place_typos(nq.text)
        text = nq.text
        spans: list[tuple[int, int, str]] = []
        for needle, key in self.needles:
            start = text.find(needle)
            while start >= 0:
                spans.append((start, start + len(needle), key))
                start = text.find(needle, start + 1)
        self._text = text
        linked = Linked(nq, [m for m in self._select(spans) if not _income_of_spending_name(text, m)])
        enumerated = self._enumerated(text, linked.mentions)
        found = self._fuzzy_departments(text, linked.mentions) + enumerated
        if enumerated:  # 北京、深圳…这几个财政局: the organisation word is each place's, not a department of its own
            tails = [(m.start("org"), m.end("org")) for m in _enumerations(text)]
            inside = lambda x: any(s <= x.start and x.end <= e for s, e in tails)  # noqa: E731
            found = [f for f in found if f in enumerated or not inside(f)]
            linked.mentions = [x for x in linked.mentions if not (inside(x) and x.kinds() & {"department", "unit"})]
        for f in found:  # the short form replaces a bare place inside it (江苏 in 江苏高院)
            # and a unit's name the words of a subject or topic inside it (应急救援 in 应急救援中心)
            inner = {"place"} | ({"functional_subject", "economic_subject", "topic"} if "unit" in f.kinds() else set())
            linked.mentions = [m for m in linked.mentions if not (f.start <= m.start and m.end <= f.end)
                               or m.kinds() - inner]
        if found:
            linked.mentions = sorted(linked.mentions + found, key=lambda m: m.start)
        shared = self._place_shared(text, linked.mentions)
        if shared:
            linked.mentions = sorted([m for m in linked.mentions if not any(
                s.start < m.end and m.start < s.end for s in shared)] + shared, key=lambda m: m.start)
        placed, unplaced = _of_place_before(text, linked.mentions)
        linked.mentions = _kind_word_of_named(text, placed)
        area = self._subject_area(text, linked.mentions)
        if area:
            linked.mentions = sorted(linked.mentions + area, key=lambda m: m.start)
        of_a_kind = self._set_named_by_word(text, linked.mentions)
        if of_a_kind:  # 三份生态环境文件: the departments of that word, not the subject the word also names
            linked.mentions = sorted([m for m in linked.mentions if not any(
                k.start < m.end and m.start < k.end for k in of_a_kind)] + of_a_kind, key=lambda m: m.start)
        said = self._paraphrased(text, linked.mentions)
        if said:  # a name said in other words replaces the shorter names of things inside it (公交 …)
            linked.mentions = sorted([m for m in linked.mentions if not any(
                p.start <= m.start and m.end <= p.end for p in said)] + said, key=lambda m: m.start)
        reordered = self._reordered_subjects(text, linked.mentions)
        if reordered:  # 一般行政事务管理 for 一般行政管理事务: the subject, replacing the shorter names inside it
            linked.mentions = sorted([m for m in linked.mentions if not any(
                r.start <= m.start and m.end <= r.end for r in reordered)] + reordered, key=lambda m: m.start)
        linked.fuzzy = self._fuzzy(text, linked)
        linked.unknown = sorted(set(self._unknown(text, linked.mentions) + unplaced + self._unheld(text, linked)))
        return linked

    def _unheld(self, text: str, linked: Linked) -> list[tuple[int, int, str]]:
        """Divisions the question names that no department of the graph lies in (河北的部门, 内蒙古), and
        a division's departments of a kind it holds none of (新疆的公安部门): unknown, so the answer says
        the graph holds none there."""
        taken = [(m.start, m.end) for m in linked.mentions]
        # (a division's name inside a name the graph holds — a project's, a policy's — is no place asked)
        out = [(s, e, text[s:e]) for s, e, _d in unheld_divisions(text, taken) if not self.catalog.mentions_name(text[s:e])]
        graph = [d.name for d in self.catalog.departments()]
        for m in linked.mentions:
            places = [e for e in m.entities if e.kind == "place" and division_named(e.name)]
            if not places or m.kinds() - {"place"} or m.how != "exact":
                continue
            mine = [d for e in places for d in (e.code or "").split("|") if d]
            window = text[m.end:m.end + 14]
            nxt = next((x.start for x in linked.mentions if x.start >= m.end), None)
            if nxt is not None:
                window = window[:max(0, nxt - m.end)] or window
            kept, named = of_kind_named(window, mine, graph)
            if named and not kept:
                out.append((m.start, m.end + named[1], text[m.start:m.end + named[1]]))
        return out

    def _paraphrased(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Subjects and projects named in other words of the same meaning (公交运营补贴 for 公共交通运营补助,
        办公楼房租 for 办公楼租金, 人大立法的钱 for 人大立法: ``nlp.paraphrase``). A stretch is kept only where
        no name the question prints as it stands covers it as long or longer (the printed name wins), where it
        is not that printed name itself, and where it overlaps no department, place, person or unit; it names
        every entity of the names said so (several budgets' projects, or 离休费 and 退休费 for 离退休费)."""
        if self._paraphrases is None:
            by_name: dict[str, list[Entity]] = {}
            for kind in PARAPHRASED_KINDS:
                for e in self.catalog.of_kind(kind):
                    for name in e.names():
                        by_name.setdefault(name, []).append(e)
            self._paraphrases = (ParaphraseIndex(list(by_name)), by_name)
        index, by_name = self._paraphrases
        out: list[Mention] = []
        for f in index.find(text):
            words = text[f.start:f.end]
            if words in f.names or _mostly_a_figure(text, f.start, f.end) or _figure_word_of(words, f.names):
                continue  # the printed name itself (the exact names have it); a figure's word (因公出国(境)费: 三公's)
            if re.match(_TOPIC_OR_GLOSS_AFTER, text[f.end:f.end + 4]):
                continue  # 跟安全生产考核有关的专项: a topic, not one name; 商务发展（其他商业流通事务支出）: the gloss names it
            over = [m for m in mentions if m.start < f.end and f.start < m.end]
            ents = list(dict.fromkeys(e for name in f.names for e in by_name[name]))
            printed = next((m for m in over if (m.start, m.end) == (f.start, f.end) and m.kinds() <= _SUBJECTS), None)
            if printed is not None and {e.kind for e in ents} <= _SUBJECTS:
                # one subject's printed name and others said by the same words (离退休费: 50905 printed; 离休费 and
                # 退休费 said): all are candidates, as for a name several codes print (the parser takes the
                # departmental classification's unless the government's is asked)
                printed.entities += [e for e in ents if e not in printed.entities]
                continue
            if any(m.kinds() & _NOT_PARAPHRASED or m.end - m.start >= f.end - f.start for m in over):
                continue
            if over and {e.iri for m in over for e in m.entities} >= {e.iri for e in ents}:
                continue  # the same things already named by their printed words
            same = next((m for m in out if (m.start, m.end) == (f.start, f.end)), None)
            if same is not None:
                same.entities += [e for e in ents if e not in same.entities]
                continue
            if any(m.start < f.end and f.start < m.end for m in out):
                continue
            out.append(Mention(words, ents, f.start, f.end, score=float(len(f.form)), how="paraphrase"))
        return sorted(out, key=lambda m: m.start)

    def _reordered_subjects(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A subject's name with its words in another order (一般行政事务管理 for 一般行政管理事务, as a 说明
        prints the row of its table): the same characters, none more, none fewer, of a name of six or more —
        long enough that no other name of the graph shares them by chance. Only stretches no mention covers
        as long or longer, and only where exactly one name's characters match."""
        if self._reordered is None:
            by_chars: dict[tuple[int, str], list[Entity]] = {}
            for kind in ("functional_subject", "economic_subject"):
                for e in self.catalog.of_kind(kind):
                    for name in e.names():
                        if len(name) >= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", name):
                            by_chars.setdefault((len(name), "".join(sorted(name))), []).append(e)
            self._reordered = by_chars
        sizes = sorted({n for n, _ in self._reordered}, reverse=True)
        out: list[Mention] = []
        for size in sizes:
            for start in range(0, len(text) - size + 1):
                end = start + size
                words = text[start:end]
                ents = self._reordered.get((size, "".join(sorted(words))))
                if not ents or any(words in e.names() for e in ents) or len({e.name for e in ents}) != 1:
                    continue
                if any(m.start < end and start < m.end and m.end - m.start >= size for m in mentions + out):
                    continue
                out.append(Mention(words, list(ents), start, end, score=float(size), how="paraphrase"))
        return out

    def _subject_area(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A field people name by its stem before 方面/类/款 (气象方面的几个项级科目, 气象类支出, 司法这一款,
        环保方面: the stem said in the words of ``nlp.paraphrase``):
        the functional subject whose name starts with that stem, the highest level of those (气象事务 22005,
        not 气象服务 2200509) — the field whose rows the question asks about. Only where no other mention
        covers the stem, and only a stem some functional subject's name starts with."""
        out: list[Mention] = []
        taken = [(m.start, m.end) for m in mentions]
        for cue in _AREA_CUE.finditer(text):
            end = cue.start() - (1 if cue.start() and text[cue.start() - 1] in "\"”'」" else 0)  # “财政事务”这一款
            after = text[cue.end():cue.end() + 8]
            if "项目" in after.split("科目")[0] or re.match(r"的?(?:工作|政策|文件|指标|事|人)", after):
                continue  # 教育方面的项目: a topic of projects, not a field of the subject table
            for size in range(min(6, end), 1, -1):
                start = end - size
                stem = text[start:end]
                if not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or any(s < end and start < e for s, e in taken):
                    continue
                said = canonical(stem)[0]  # 环保方面: the field printed 环境保护 (``nlp.paraphrase``)
                named = [e for e in self._functional_subjects() if e.code and (
                    e.name.startswith(stem) or canonical(e.name)[0].startswith(said))]
                if not named:
                    continue
                top = min(len(e.code or "") for e in named)
                out.append(Mention(stem, [e for e in named if len(e.code or "") == top], start, end))
                taken.append((start, end))
                break
        return out

    def _functional_subjects(self) -> list[Entity]:
        if self._functional is None:
            self._functional = self.catalog.of_kind("functional_subject")
        return self._functional

    def _select(self, spans: list[tuple[int, int, str]]) -> list[Mention]:
        """Longest spans first, no overlaps."""
        taken: list[tuple[int, int]] = []
        out: list[Mention] = []
        text = self._text
        for start, end, key in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
            if any(start < e and s < end for s, e in taken):
                continue
            if _LEVEL_START.match(key) and start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1]) and \
                    not _FUNCTION_CHAR.match(text[start - 1]) and \
                    all(e.kind in ("department", "unit", "place") for e in self.catalog.by_key[key]):
                continue  # 市生态环境局 inside 白云市生态环境局: the tail of another place's department
            taken.append((start, end))
            out.append(Mention(key, list(self.catalog.by_key[key]), start, end))
        return sorted(out, key=lambda m: m.start)

    def _place_typos(self, text: str) -> str:
        """A place's level character typed as its homophone (克洲 for 克州): corrected where the
        corrected form is a place the graph holds."""
        if "洲" not in text:
            return text
        places = {e.name for e in self.catalog.of_kind("place")}
        chars = list(text)
        for i, ch in enumerate(chars):
            if ch == "洲" and any(text[max(0, i - k):i] + "州" in places for k in (1, 2, 3, 4)):
                chars[i] = "州"
        return "".join(chars)

    def _place_shared(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Departments of an enumeration whose first item carries the place for all (江苏人大、政协、
        高院 → 江苏人大, 江苏政协, 江苏高院): each later item with that place, where the graph holds it."""
        out: list[Mention] = []
        for m in mentions:
            if "department" not in m.kinds():
                continue
            name = text[m.start:m.end]
            place = next((name[:k] for k in range(min(4, len(name) - 2), 1, -1) if any(
                e.kind == "place" for e in self.catalog.by_key.get(name[:k], []))), None)
            if place is None:
                continue
            at = m.end
            while True:
                item = _ENUM_ITEM.match(text, at)
                if not item:
                    break
                word = item.group("item")
                depts = [e for e in self.catalog.by_key.get(place + word, []) if e.kind == "department"]
                if not depts or word.startswith(place):
                    break
                out.append(Mention(place + word, depts, item.start("item"), item.end("item"), how="fuzzy"))
                at = item.end("item")
        return out

    def _enumerated(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Departments named by an enumeration of places before one organisation word (上海、苏州、
        西安三个市审计局): each place with that organisation, where the graph holds it."""
        out: list[Mention] = []
        for m in _enumerations(text):
            org = m.group("org")
            stems = re.split(r"[、和与及,，]", m.group("places"))
            start = m.start("places")
            for stem in stems:
                s = text.find(stem, start)
                start = s + len(stem)
                if s < 0 or any(x.start < s + len(stem) and s < x.end for x in mentions if x.kinds() & {"department"}):
                    continue
                depts = [d for d, names in self.department_names if d.kind == "department" and any(
                    n.startswith(stem) and strip_scope(n).endswith(org) for n in names)]
                if depts:
                    out.append(Mention(stem, depts, s, s + len(stem), score=float(len(stem)), how="fuzzy"))
        return out

    def _set_named_by_word(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A set of departments named by a word of their names and the set's size (三份生态环境文件, 这几家
        公安的预算, 这两个信访部门): every department whose name holds the word, where two or more do and
        no department is named there already."""
        out: list[Mention] = []
        for m in _SET_BY_WORD.finditer(text):
            word = m.group("w")
            if any(x.start < m.end("w") and m.start("w") < x.end for x in mentions
                   if x.kinds() & {"department", "unit", "place"}):
                continue
            depts = [d for d, names in self.department_names if d.kind == "department"
                     and any(word in strip_scope(n) for n in names)]
            if len(depts) >= 2:
                out.append(Mention(word, depts, m.start("w"), m.end("w"), score=float(len(word)), how="fuzzy"))
        return out

    def _fuzzy_departments(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A department named by a short form (监控中心, 江苏高院, 人大办公厅, 普陀区商务委, 卫健委)
        or with one wrong character: the longest span ending in an organisation word. Ties name
        several departments."""
        best: list[tuple[int, Entity, int, int]] = []
        blocked = [(m.start, m.end) for m in mentions if m.kinds() & {"project", "policy", "department", "unit"}]
        ends = sorted({m.end() for m in _ORG_END.finditer(text)})
        for end in ends:
            for start in range(max(0, end - 16), end - 2):
                span = text[start:end]
                if any(s < end and start < e for s, e in blocked) or re.search(r"[^\u4e00-\u9fff]", span):
                    continue
                if _LEVEL_START.match(span) and start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1]) \
                        and not _FUNCTION_CHAR.match(text[start - 1]):
                    continue  # the tail of a longer place name (伊犁|州生态环境局) is not a short form
                single = re.sub(r"(.)\1", r"\1", span)  # a character typed twice (监控中中心)
                for (dept, names), chars in zip(self.department_names, self._department_chars):
                    if sum(ch not in chars for ch in single) > 1:
                        continue  # a short form's characters all stand in the name (one may be mistyped)
                    if any(abbreviates(span, name) or misspells(span, name, COMMON_ORGS) or
                           (single != span and (single == name or abbreviates(single, name))) for name in names):
                        best.append((len(span), dept, start, end))
        out: list[Mention] = []
        for length, _dept, start, end in sorted(best, key=lambda b: (-b[0], b[2])):
            if any(m.start < end and start < m.end for m in out):
                continue
            ents = list(dict.fromkeys(b[1] for b in best if (b[2], b[3]) == (start, end)))
            out.append(Mention(text[start:end], ents, start, end, score=float(length), how="fuzzy"))
        return sorted(out, key=lambda m: m.start)

    def _names_of(self, kind: str) -> list[tuple[Entity, list[tuple[str, "_Matcher", set[str]]]]]:
        """The entities of a kind with, per name, its core, a matcher indexed on it and its
        character pairs (a name sharing no pair with the question cannot score)."""
        if kind not in self._fuzzy_names:
            out = []
            for e in self.catalog.of_kind(kind):
                names = []
                for name in e.names():
                    c = core(name.lower())
                    if c:
                        names.append((name, _Matcher(c), {c[i:i + 2] for i in range(len(c) - 1)}))
                out.append((e, names))
            self._fuzzy_names[kind] = out
        return self._fuzzy_names[kind]

    def _candidates_of(self, kind: str) -> _Candidates:
        if kind not in self._candidates:
            self._candidates[kind] = _Candidates(self._names_of(kind))
        return self._candidates[kind]

    def _fuzzy(self, text: str, linked: Linked) -> dict[str, list[tuple[float, Entity]]]:
        return self.rank(linked, (0, len(text)))

    def rank(self, linked: Linked, span: tuple[int, int],
             kinds: tuple[str, ...] = FUZZY_KINDS) -> dict[str, list[tuple[float, Entity]]]:
        """Rank projects, policy documents and subjects by partial-name similarity to what remains
        of the clause ``span`` once departments, places, years and amounts are taken out."""
        text = linked.question.text
        key = (span[0], span[1], kinds)
        cache = linked.ranked
        if key in cache:
            return cache[key]
        masked = ["|" if not (span[0] <= i < span[1]) else ch for i, ch in enumerate(text)]
        for m in linked.mentions:
            if m.kinds() & {"department", "place", "person", "division", "unit", "policy"} and \
                    not m.kinds() & {"project"}:
                for i in range(m.start, m.end):
                    masked[i] = "|"
        for a in linked.question.amounts:
            for i in range(a.start, min(a.end, len(masked))):
                masked[i] = "|"
        unnamed = "".join(masked)  # the clause without the departments, places, persons and amounts it names
        q = core(re.sub(r"\d{2,4}年度?", "|", unnamed))
        q_project = core(_UNIT_KIND_WORDS.sub("|", re.sub(r"\d{2,4}年度?", "|", "".join(masked))))
        depts = {e.name for e in linked.entities("department")}
        for m in linked.mentions:  # subjects: named projects, documents and topics are out of the comparison
            if m.kinds() == {"project"} and depts and not any(e.department in depts for e in m.entities):
                continue  # 物业费 of another department's project list is still a subject word here
            if m.kinds() & {"project", "policy", "topic"}:
                for i in range(m.start, m.end):
                    masked[i] = "|"
        q_subject = core(_FIGURE_WORDS.sub("|", re.sub(r"\d{2,4}年度?", "|", "".join(masked))))
        marks = _identity_marks(text[span[0]:span[1]])
        out: dict[str, list[tuple[float, Entity]]] = {}
        pairs = {kind: None for kind in FUZZY_KINDS}
        for kind in kinds:
            ranked: list[tuple[float, Entity]] = []
            question = q_subject if kind.endswith("subject") else q_project if kind == "project" else q
            pairs[kind] = _pairs(question)
            spoken = _FIGURE_WORDS.sub("|", question)  # where a project's short form is looked for
            entries = self._names_of(kind)
            # only the entities that can score (``_Candidates``): the tests below on those alone
            candidates = self._candidates_of(kind).of(
                pairs[kind], _pairs(spoken) if kind == "project" else set(),
                set(q_subject) if kind.endswith("subject") else set())
            for e, names in (entries[at] for at in candidates):
                if depts and e.department and e.department not in depts:
                    continue
                if marks and kind == "project" and _other_marks(marks, e.names()):
                    continue  # 139号 is not the project of 105号, nor 第三批 the 第四批's
                best = 0.0
                for n, (name, matcher, name_pairs) in enumerate(names):
                    if name_pairs & pairs[kind]:
                        score, coverage = fuzzy_score(question, name, matcher.get())
                        if score >= 4:
                            best = max(best, score + coverage)
                            continue
                    if kind == "project" and best < 4.5 and short_form_in(spoken, name):
                        best = 4.5  # 信息化运维 of 信息化运行维护: a short form people say for the name
                    if kind.endswith("subject") and abbreviated_in(q_subject, name):
                        # 职工医保缴费 of 职工基本医疗保险缴费; a code's own name before a name some
                        # document printed under it
                        best = max(best, 5.0 if n else 5.1)
                if best:
                    if kind == "economic_subject" and (e.code or "").startswith("5") and "政府" not in text:
                        best -= 0.01  # a name both classifications print: the departmental (30x) row unless 政府经济分类 is said
                    ranked.append((best, e))
            if kind == "project" and not any(s >= 4 for s, _ in ranked):  # (only where no name stands out already)
                ranked += [(4.6, e) for e in self._by_fragment(unnamed, span, depts)]
            ranked.sort(key=lambda p: -p[0])
            out[kind] = ranked
        cache[key] = out
        return out

    def _by_fragment(self, text: str, span: tuple[int, int], depts: set[str]) -> list[Entity]:
        """The one project whose name holds the words said right before a word for a project or its money
        (菜篮子那笔钱 → 菜篮子工程建设专项资金, 两癌筛查那个项目 → 妇女健康促进项目暨两癌项目): people name a
        project by its most telling words. Only words no other project's name (of the departments named, or
        of the graph) holds, and never words of no particular project (经费, 工作, 建设)."""
        clause = text[span[0]:span[1]]
        names = [(e, e.names()) for e, _ in self._names_of("project")
                 if not depts or not e.department or e.department in depts]
        found: list[Entity] = []
        for cue in _PROJECT_CUE.finditer(clause):
            window = re.search(r"[\u4e00-\u9fff]{2,12}$", clause[:cue.start()])
            if window is None:
                continue
            words = window.group(0)
            # the longest run ending within three characters of the cue that one project's name alone holds
            for size in range(min(len(words), 8), 1, -1):
                hits: list[Entity] = []
                for end in range(len(words), max(len(words) - 3, size - 1), -1):
                    frag = words[end - size:end]
                    if _NO_PROJECT_WORDS.fullmatch(frag) or (size == 2 and end != len(words) and not cue.group("that")):
                        continue
                    if cue.group("money") and (size < 4 or end != len(words) or _names_a_figure(frag + cue.group(0))):
                        continue  # 项目评审经费 names a project; 人员经费, 机关运行经费 name figures
                    owners = [e for e, ns in names if any(frag in n for n in ns)]
                    if owners and len({e.name for e in owners}) == 1:
                        hits = owners
                        break
                if hits:
                    found += [e for e in hits if e not in found]
                    break
        return found

    def _names_a_project(self, words: str) -> bool:
        """Whether ``words`` (after a place: 昌吉州加密空气质量自动监测站点建设) begin a project the graph
        holds — its first six characters stand in a project's name, or a short form of them does
        (港珠澳大桥公路 of 港珠澳大桥珠海公路口岸…) — so they are no unknown organisation."""
        head = words[:6]
        return len(head) >= 4 and any(head in e.name or short_form_of(head, e.name)
                                      for e in self.catalog.of_kind("project"))

    def _unknown(self, text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
        """Places, persons and organisations the question names that no catalogue name holds:
        a place stem with its level (伊犁州, 喀什地区, 阿图什市), a person's name before 负责 (李明负责…),
        an organisation right after a known place (上海市普陀区教育局) or with its own place."""
        out: list[tuple[int, int, str]] = []

        def covered(s: int, e: int) -> bool:
            return any(m.start <= s and e <= m.end for m in mentions)

        def add(s: int, e: int) -> None:
            name = text[s:e]
            if name not in _GENERIC_UNKNOWN and not any(o[2] == name for o in out):
                out.append((s, e, name))

        def overlaps(s: int, e: int) -> bool:
            return any(m.start < e and s < m.end for m in mentions)

        for end_match in _PLACE.finditer(text):
            end = end_match.end()
            if _LEVEL_IN_A_WORD.match(text, end - 1):
                continue  # 保障市民, 农贸市场, 区域: the level character starts a word, no place ends there
            for start in range(max(0, end - 7), end - 2):  # the longest plausible place first
                name = text[start:end]
                if _NOT_PLACE.search(name) or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
                    continue
                if covered(start, end) or self.catalog.mentions_name(name):
                    break
                if overlaps(start, end):
                    continue
                add(start, end)
                break
        for m in re.finditer(r"分局", text):  # a branch office the graph does not name (喀什分局)
            end = m.end()
            for start in range(max(0, m.start() - 5), m.start() - 1):
                name = text[start:end]
                if not re.fullmatch(r"[\u4e00-\u9fff]+", name) or _NOT_PLACE.search(name[:-2]) or overlaps(start, end):
                    continue
                if not self.catalog.mentions_name(name):
                    add(start, end)
                break
        for m in _PERSON.finditer(text):
            g = 1 if m.group(1) else 2
            s, e = m.start(g), m.end(g)
            name = m.group(g)
            while name and name[0] not in SURNAMES and len(name) > 2:  # 由李明负责: the name starts at its surname
                s, name = s + 1, name[1:]
            if not name or name[0] not in SURNAMES or _ORG_CHAR.search(name) or covered(s, e):
                continue
            if not self.catalog.lookup(name) and not self.catalog.mentions_name(name):
                add(s, e)
        for m in mentions:  # an organisation right after a known place that the graph does not hold
            if m.how != "exact" or "place" not in m.kinds() or m.kinds() & {"department", "project"}:
                continue
            org = _ORG.match(text, m.end)
            if org and not covered(org.start(), org.end()) and not re.search(r"[的了和与是在给]|[那这](?:边|里|儿)", org.group()):
                name = text[m.start:org.end()]
                if not self.catalog.mentions_name(name, budget_side=True) and not self._names_a_project(org.group()):
                    add(m.start, org.end())
        if not any(m.kinds() & {"department"} for m in mentions):  # an organisation named first, unknown (区府办)
            head = re.match(r"^(?:\d{2,4}年度?)?([\u4e00-\u9fff]{2,8}?(?:局|厅|委|办|院|馆|中心|街道|分局))", text)
            if head and not covered(head.start(1), head.end(1)) and not overlaps(head.start(1), head.end(1)) and \
                    not re.search(r"[的了和与是在给有哪几多少什么]", head.group(1)) and \
                    not self.catalog.mentions_name(head.group(1), budget_side=True):
                add(head.start(1), head.end(1))
        for org in _ORG.finditer(text):  # a whole organisation name with its own unknown place
            s, e = org.start(), org.end()
            name = org.group()
            places, rest = split_place(name)
            if not places or covered(s, e) or overlaps(s, e) or re.search(r"[的了和与是在给年为从由把向将]", name):
                continue
            if not self.catalog.mentions_name(name, budget_side=True) and not any(o[0] <= s < o[1] for o in out):
                add(s, e)
        return sorted(out)
