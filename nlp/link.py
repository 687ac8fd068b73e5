"""Stage 3: link the question's words to the graph's entities.

Exact names come from a spaCy pipeline (``spacy.blank("zh")`` whose tokenizer is our jieba
segmenter, plus an EntityRuler whose phrase patterns are every catalogue name) and from a scan
of the raw string (文号 and long titles hold punctuation that jieba splits). Partial names
(加密站点那个项目, 监控中心) are ranked by a fuzzy score over common substrings. A place or person
the question names that the graph does not know is reported in ``unknown``: the answer then says
nothing was found instead of giving another entity's figures.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from nlp.catalog import Catalog, Entity
from nlp.normalize import NormalizedQuestion
from nlp.segment import Segmenter, Token

# Words that name no particular project: stripped before fuzzy comparison of project names.
_GENERIC = re.compile(
    r"有没有|有哪些|哪些|哪个|哪几个|那个|这个|多少钱|多少|是多少|什么|项目|经费|资金|专项|费用|工作|"
    r"预算|安排|设立|是否|分别|各是|[的了和与及或在里中是有]|[\s、,，.。:：;；?？!！\"'()\[\]<>《》“”]")
_GENERIC_UNKNOWN = {"中国", "全国", "中央", "国家", "自治区", "全州", "本级", "州级", "省级", "市级",
                    "县级", "各县", "地方"}
FUZZY_KINDS = ("project", "policy", "functional_subject", "economic_subject")
# The commonest Chinese surnames: a word jieba tags as a person's name (nr) is taken for one only
# when it starts with one of them (jieba tags many ordinary words nr).
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
               "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
               "毛郝龚邵万钱严覃武戴莫孔向汤古阿艾买吐热")
# An organisation named in the question: a few characters ending in an organisation word.
_ORG = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:分局|中心|局|厅|委员会|办公室|院|所|站|大队|支队)")
# Department-level figures: words that name a total, never a classification subject.
_FIGURE_WORDS = re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款|基本支出|项目支出|人员经费|公用经费|"
                           r"收入总计|支出总计|收支总|本年收入|上年结转|结转结余|单位资金|三公|机关运行经费|政府采购")
_ORG_END = re.compile(r"(?:分局|中心|局|厅|委员会|委|法院|院|所|站|办公室|办|大队|支队|队|处|馆)")


def _subsequence(short: str, long: str) -> bool:
    """Whether every character of ``short`` appears in ``long`` in order (an abbreviation)."""
    it = iter(long)
    return all(ch in it for ch in short)


# Common names of government departments (a fixed resource of Chinese administration): a span
# ending in one of them names that department, not a misspelling of another (民政局 ≠ 财政局).
COMMON_ORGS = ("民政局", "财政局", "公安局", "教育局", "司法局", "商务局", "审计局", "统计局", "税务局",
               "体育局", "林业局", "水利局", "气象局", "档案局", "粮食局", "地震局", "规划局", "信访局",
               "城管局", "医保局", "交通局", "科技局", "文旅局", "卫健委", "发改委", "国资委", "工信局",
               "住建局", "人社局", "农业局", "环保局", "商务委", "教委", "民委", "侨办", "外办", "法院",
               "检察院", "公安厅", "财政厅", "教育厅", "司法厅", "民政厅", "商务厅", "审计厅", "水利厅")


def _misspells(span: str, name: str) -> bool:
    """A name typed with one wrong character (克州生态环竟局): same length, one character off,
    and not the name of another common department (普陀区民政局 is not 普陀区财政局)."""
    if not (len(span) == len(name) >= 5 and sum(a != b for a, b in zip(span, name)) == 1):
        return False
    return not any(span.endswith(org) and not name.endswith(org) for org in COMMON_ORGS)


def _abbreviates(span: str, name: str) -> bool:
    """Whether ``span`` is a short form of the organisation ``name``: its characters in order, its
    organisation word among the name's last characters (商务委 → 商务委员会), and either the same
    first character or the name's own ending (监控中心 of 昌吉州环境污染监控中心)."""
    if len(span) < 3 or span == name or not _subsequence(span, name) or span[-1] not in name[-3:]:
        return False
    return name[0] == span[0] or name.endswith(span)


_ORG_GENERIC = {"本局", "该局", "分局", "中心", "单位", "部门"}


@dataclass
class Mention:
    """A span of the folded question linked to one or more entities (same name, several
    budgets or kinds). ``how`` is ``exact`` or ``fuzzy``; ``score`` ranks fuzzy candidates."""

    key: str
    entities: list[Entity]
    start: int
    end: int
    score: float = 100.0
    how: str = "exact"

    def kinds(self) -> set[str]:
        """The kinds of the entities this span names."""
        return {e.kind for e in self.entities}


@dataclass
class Linked:
    """Plain data out of stage 3."""

    question: NormalizedQuestion
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)
    fuzzy: dict[str, list[tuple[float, Entity]]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)

    def entities(self, kind: str, exact_only: bool = False) -> list[Entity]:
        """Entities of ``kind`` linked exactly (in question order), deduplicated."""
        out: list[Entity] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if exact_only and m.how != "exact":
                continue
            for e in m.entities:
                if e.kind == kind and e not in out:
                    out.append(e)
        return out


def core(text: str) -> str:
    """A name or question with the words that name nothing removed."""
    return _GENERIC.sub("", text)


def fuzzy_score(question_core: str, name: str) -> tuple[float, float]:
    """(score, coverage) of a name against the question: long common runs count more than
    scattered characters (the score is the root of the summed squares of runs of 2+ characters);
    coverage is the share of the name's own characters found."""
    name_core = core(name.lower())  # the question is folded to lower case (OBD → obd)
    if not name_core or not question_core:
        return 0.0, 0.0
    blocks = SequenceMatcher(None, question_core, name_core, autojunk=False).get_matching_blocks()
    sizes = [b.size for b in blocks if b.size >= 2]
    matched = sum(sizes)
    if sizes and max(sizes) < 4 and matched / len(name_core) < 0.5:
        return 0.0, 0.0  # only scattered pairs of characters: not a name
    return math.sqrt(sum(s * s for s in sizes)), matched / len(name_core)


class Linker:
    """Stage ``link``: ``NormalizedQuestion`` → ``Linked``."""

    name = "link"

    def __init__(self, catalog: Catalog, segmenter: Segmenter) -> None:
        self.catalog = catalog
        self.segmenter = segmenter
        self.nlp = self._build_spacy()
        self.keys = sorted(catalog.by_key, key=len, reverse=True)

    def _build_spacy(self):
        """``spacy.blank("zh")`` segmenting with our jieba tokenizer (built with the ``char``
        segmenter first so spaCy does not load jieba's global dictionary a second time), plus an
        EntityRuler with one pattern per catalogue name: every name is one word of the jieba
        dictionary, so a one-token ORTH pattern finds it."""
        import spacy

        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
        nlp.tokenizer.jieba_seg = self.segmenter  # our dictionary, not the global one
        nlp.tokenizer.segmenter = "jieba"
        ruler = nlp.add_pipe("entity_ruler")
        patterns = [{"label": entities[0].kind.upper(), "pattern": [{"ORTH": key}], "id": key}
                    for key, entities in self.catalog.by_key.items()]
        ruler.add_patterns(patterns)
        return nlp

    def __call__(self, nq: NormalizedQuestion) -> Linked:
        text = nq.text
        tokens = self.segmenter(text)
        spans: list[tuple[int, int, str]] = []
        doc = self.nlp(text)
        for ent in doc.ents:  # token-aligned exact matches from the EntityRuler
            spans.append((ent.start_char, ent.end_char, ent.ent_id_ or ent.text))
        for key in self.keys:  # the raw string: names holding punctuation jieba split
            start = text.find(key)
            while start >= 0:
                spans.append((start, start + len(key), key))
                start = text.find(key, start + 1)
        mentions = self._select(spans)
        linked = Linked(nq, tokens, mentions)
        found = self._fuzzy_departments(text, mentions)
        for f in found:  # the short form replaces a bare place inside it (江苏 in 江苏高院)
            linked.mentions = [m for m in linked.mentions if not (f.start <= m.start and m.end <= f.end)
                               or m.kinds() - {"place"}]
        if found:
            linked.mentions = sorted(linked.mentions + found, key=lambda m: m.start)
        linked.fuzzy = self._fuzzy(text, linked)
        linked.unknown = self._unknown(tokens, linked.mentions, text)
        return linked

    def _select(self, spans: list[tuple[int, int, str]]) -> list[Mention]:
        """Longest spans first, no overlaps."""
        taken: list[tuple[int, int]] = []
        out: list[Mention] = []
        for start, end, key in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
            if key not in self.catalog.by_key:
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            out.append(Mention(key, list(self.catalog.by_key[key]), start, end))
        return sorted(out, key=lambda m: m.start)

    def _fuzzy_departments(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A department named by a short form (监控中心, 江苏高院, 人大办公厅, 普陀区商务委): the
        longest span ending in an organisation word whose characters appear, in order, in a
        department's name ending with the same word. Ties name several departments."""
        best: list[tuple[int, Entity, int, int]] = []
        blocked = [(m.start, m.end) for m in mentions if m.kinds() & {"project", "policy", "department"}]
        ends = [m.end() for m in _ORG_END.finditer(text)]
        for end in ends:
            for start in range(max(0, end - 16), end - 2):
                span = text[start:end]
                if any(s < end and start < e for s, e in blocked) or re.search(r"[^\u4e00-\u9fff]", span):
                    continue
                for dept in self.catalog.departments():
                    if any(_abbreviates(span, name) or _misspells(span, name) for name in dept.names()):
                        best.append((len(span), dept, start, end))
        out: list[Mention] = []
        # the longest spans first; one mention per span (ties name several departments)
        for length, _dept, start, end in sorted(best, key=lambda b: (-b[0], b[2])):
            if any(m.start < end and start < m.end for m in out):
                continue
            ents = list(dict.fromkeys(b[1] for b in best if (b[2], b[3]) == (start, end)))
            out.append(Mention(text[start:end], ents, start, end, score=float(length), how="fuzzy"))
        return sorted(out, key=lambda m: m.start)

    def _fuzzy(self, text: str, linked: Linked) -> dict[str, list[tuple[float, Entity]]]:
        """Rank projects and policy documents by partial-name similarity to what remains of the
        question once departments, places, years and amounts are taken out."""
        masked = list(text)
        for m in linked.mentions:
            if m.kinds() & {"department", "place", "person", "division"}:
                for i in range(m.start, m.end):
                    masked[i] = "|"
        for a in linked.question.amounts:
            for i in range(a.start, min(a.end, len(masked))):
                masked[i] = "|"
        q = core(re.sub(r"\d{2,4}年度?", "|", "".join(masked)))
        for m in linked.mentions:  # subjects: named projects and documents are out of the comparison
            if m.kinds() & {"project", "policy"}:
                for i in range(m.start, m.end):
                    masked[i] = "|"
        q_subject = core(_FIGURE_WORDS.sub("|", re.sub(r"\d{2,4}年度?", "|", "".join(masked))))
        depts = {e.name for e in linked.entities("department")}
        out: dict[str, list[tuple[float, Entity]]] = {}
        for kind in FUZZY_KINDS:
            ranked: list[tuple[float, Entity]] = []
            for e in self.catalog.of_kind(kind):
                if depts and e.department and e.department not in depts:
                    continue
                best = 0.0
                for name in e.names():
                    score, coverage = fuzzy_score(q_subject if kind.endswith("subject") else q, name)
                    if score >= 4:
                        best = max(best, score + coverage)
                if best:
                    ranked.append((best, e))
            ranked.sort(key=lambda p: -p[0])
            out[kind] = ranked
        return out

    def _unknown(self, tokens: list[Token], mentions: list[Mention], text: str = "") -> list[str]:
        """Places, persons and organisations the question names that no catalogue name holds:
        jieba POS ns / nr (a person only when the word starts with a surname), and words ending
        in an organisation word (局, 中心 …) right after a known place (昌吉州环境污染监控中心
        when only 昌吉州's other departments are in the graph)."""
        out: list[str] = []
        for t in tokens:
            if t.tag not in ("ns", "nr", "nrfg", "nt") or len(t.text) < 2 or t.text in _GENERIC_UNKNOWN:
                continue
            if t.tag.startswith("nr") and (t.text[0] not in SURNAMES or len(t.text) > 4):
                continue
            if any(m.start <= t.start and t.end <= m.end for m in mentions):
                continue
            if not self.catalog.mentions_name(t.text):
                out.append(t.text)
        suffixes = ("分局", "中心", "局", "厅", "委员会", "办公室", "大队", "支队")
        for i, t in enumerate(tokens):
            if not t.text.endswith(suffixes) or t.text in _ORG_GENERIC and i == 0:
                continue
            start = t.start
            if t.text in suffixes and i > 0 and tokens[i - 1].tag[:1] in ("n", "v", "l", "j") \
                    and tokens[i - 1].end == t.start:
                start = tokens[i - 1].start
            name = text[start:t.end]
            if len(name) < 3 or name in _ORG_GENERIC:
                continue
            if any(m.start < t.end and start < m.end for m in mentions
                   if m.kinds() & {"department", "project", "policy", "division", "person"}):
                continue
            if not self.catalog.mentions_name(name, budget_side=True) and name not in out:
                out.append(name)
        for m in mentions:
            if m.how != "exact" or "place" not in m.kinds() or m.kinds() & {"department", "project"}:
                continue
            org = _ORG.match(text, m.end)
            if org and not any(x.start < org.end() and org.start() < x.end for x in mentions if x is not m):
                name = text[m.start:org.end()]
                if not self.catalog.mentions_name(name, budget_side=True) and not re.search(r"[的了和与是在]", name):
                    out.append(name)
        return out
