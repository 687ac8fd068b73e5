"""A question in parts that share context.

``split``: a question is cut at its sentence and clause marks; a piece that asks nothing of its
own (克州生态环境局2024年用财政拨款安排的5个项目中，…) is context for the next one, a piece that only
adds a condition (单位资金项目也算在内) belongs to the one before.

``share_context``: a part that names no department or year takes the previous part's; a part that
asks only an operation (各占多大比重, 每年涨了多少, 差多少) computes on the previous part's figures
(a derived part); a part that only asks for what the previous one already shows (分别是哪个单位的、
多少钱 after a list of projects; 压减后是多少 after a change) is folded into it; 其中 narrows to the
previous part's scope; parts asking the same thing of the same scope are merged (编制数和实有人数各是
多少？在职、退休各几人？), so 各是多少 distributes over everything named.
"""
from __future__ import annotations

import re

from kg.extract.narrative.vocabulary import side_of
from kg.rdf.mapping import SCOPED_LABELS
from nlp import lexicon as L
from nlp.vocabulary import COLUMN_OF_FIGURE, COLUMN_OF_MEASURE, SHARE_BASES
from nlp.execute.assets import PLANNED_WORDS, kinds_asked
from nlp.frames import COLUMN_BASE, DERIVED_OPERATIONS, SUBJECT_BASE, Frame, Operation
from nlp.normalize import RELATIVE_YEAR, find_years
from nlp.numbers import chinese_count
from nlp.parse import PARTS_ASKED, THREE_PUBLIC_FAMILY, entity_ref, family_rules, family_totals_across_departments, score_bound

_MARKS = re.compile(r"[。？?！!；;，,]")
# A later part's word for the year an earlier part named (2018年…？当年/同年/那年…): not this year.
_THAT_YEAR = re.compile(r"当年|同年|该年|那年|那一年")
# A piece of a question that asks something (a question word, an imperative, an operation); 这几个/那几家
# points at what the question names (北京、烟台、湖州这几个财政局，…), it asks nothing.
_ASKS = re.compile(r"多少|(?<![这那])几|哪|什么|谁|吗|呢|是否|(?<!不)还是|是不是|有没有|有无|怎么|如何|怎样|排序|排个序|排名|排一下|排一排|排下|排个|从大到小|从小到大|从高到低|从低到高|列出|比较|对比(?![表图])|"
                   r"介绍|列举|查询|统计(?![局所站处]|中心|监测|普查|发展)|计算(?!中心)|算出|推算|告诉|占比|比重|比例|合计|总共|一共|构成|分别|各是|各占|"
                   r"差|涨|降|增|减|砍|压缩|压减|超过|以上|以下|最|对得上|对不上|依据|指标|负责|啥|多大|占了|占到|大头|干嘛|干吗|用途|"
                   r"([\u4e00-\u9fff])不\1")  # 买不买, 够不够: a question of its own

# A piece that only sets the scope of what follows (信访综合保障经费的绩效指标里，…; 这些项目中，…):
# a place word ends it and no question word is in it, so 指标 in it asks nothing yet.
_SCOPE_ONLY = re.compile(r"(?:里|里面|中|当中|之中)$")
_QUESTION_WORD = r"多少|几|哪|什么|谁|吗|呢|啥|是否|有没有|怎么|如何|多大"


def split(text: str) -> list[tuple[int, int]]:
    """Spans of the parts of a folded question."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _MARKS.finditer(text):
        if m.start() > start:
            pieces.append((start, m.start()))
        start = m.end()
    if start < len(text):
        pieces.append((start, len(text)))
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces:
        piece = text[s:e]
        if re.search(L.CONDITION_ONLY, piece) and out and not re.search(r"多少|几|哪|什么|谁|吗", piece) \
                or re.fullmatch(L.HOW_MANY_TOLD, piece) and out \
                or re.match(r"而(?:是|且是)", piece) and out and not re.search(_QUESTION_WORD, piece):
            # …涨得最猛？说三个: the count of the rank before; 哪个不是用财政拨款，而是用其他资金安排的: the
            # condition of the question before, said the other way round
            out[-1] = (out[-1][0], e)
        elif not _ASKS.search(piece) or (_SCOPE_ONLY.search(piece) and not re.search(_QUESTION_WORD, piece)):
            pending = s if pending is None else pending
        else:
            out.append((pending if pending is not None else s, e))
            pending = None
    if pending is not None:
        if out:
            out[-1] = (out[-1][0], len(text))
        else:
            out.append((pending, len(text)))
    return [piece for s, e in (out or [(0, len(text))]) for piece in _profile_pieces(text, s, e)
            for piece in _opposite_ranks(text, *piece)]


# 哪个最多、哪个最少: two ranks of opposite directions joined in one clause are two parts (the second
# one continues the first's set); one clause would rank one way only.
_MOST = r"最大|最多|最高|最贵"
_LEAST = r"最小|最少|最低|最便宜"
_OPPOSITE_RANKS = re.compile(rf"(?:{_MOST}|{_LEAST})[^、，和与及还]*?(?P<join>、|和|与|以及|还有|及)(?=[^、]*?(?:{_MOST}|{_LEAST}))")


def _whole_among(measures: list[str], vocab) -> str | None:
    """The one figure of ``measures`` every other one is part of (under ``skos:broader``), if any."""
    if vocab is None or len(measures) < 3:
        return None
    found = next((m for m in measures if all(o == m or m in vocab.ancestors(o) for o in measures)), None)
    if found is None and measures[0] in _WHOLES and not any(o in vocab.ancestors(measures[0]) for o in measures[1:]):
        found = measures[0]  # 本年收入里，财政拨款、事业收入各多少: the total named first holds the rest
    return found


def _common_whole(measures: list[str], vocab) -> str | None:
    """The nearest figure people take shares of that holds every one of ``measures`` (人员经费, 公用经费
    and 项目支出 → 支出总计)."""
    return next((up for up in vocab.ancestors(measures[0]) if up in SHARE_BASES
                 and all(up in vocab.ancestors(m) for m in measures[1:])), None)


# Totals a question names first as the whole its other figures are taken from (本年收入里…).
_WHOLES = ("income_total", "expenditure_total", "current_year_income", "current_year_expenditure")


def _changed_figures(prev: Frame, earlier: list[Frame], vocab, clause: str = "") -> list[str]:
    """The figures a change asked right after ``prev`` is about: a total asked with its parts is the
    total's change (三公多少？为什么比上年多了), and so is one asked after the parts of a total an earlier
    part named (三公多少？出国、接待、公车各多少？比上年降了多少) — unless the change is asked of each
    part (具体每项比去年少多少): then the parts'."""
    measures = list(prev.measures)
    base = _whole_of_share(prev, vocab)
    if base and any(base in f.measures for f in earlier if f.focus == "figures"
                    and f.filters.departments == prev.filters.departments):
        return [base]  # 三公多少，出国占几成？比去年少了多少: the whole the question is about, not its share
    # 各比上年增了多少 of one department and year: 各 has nothing to distribute over but the figure's parts
    each = re.search(L.EACH_PART, clause) or (re.match(r"(?:那|那么)?(?:各自?|分别)", clause)
                                              and len(prev.filters.departments) <= 1 and len(prev.filters.years) <= 1)
    if vocab is not None and len(measures) == 1 and each and vocab.children(measures[0]):
        return [k for k in vocab.children(measures[0]) if k != measures[0]]  # 三公砍了一半多？具体每项…
    if vocab is None or len(measures) < 2:
        return measures
    if all(measures[0] in vocab.ancestors(m) for m in measures[1:]):
        if re.search(L.EACH_PART, clause):
            return measures  # 三公多少？跟去年比各项怎么变: the total's change, then each part's
        return measures[:1]
    if re.search(r"(?:各|分别|各自)(?:都)?(?:比(?:上年|去年|上一年)(?:预算)?)?(?:多|少|增|减|涨|降|变|上涨|下降)", clause):
        return measures  # 买车和养车分别多少，比去年各多了多少: each figure just asked, not their total's
    total = _total_asked_before(measures, earlier, prev, vocab)
    return [total] if total else measures


def _whole_of_share(prev: Frame, vocab) -> str | None:
    """The whole a share just asked was taken of: its base, or — for one figure — the nearest whole
    the vocabulary takes shares of (a 总共多少 or a 比去年少了多少 after it is about that whole)."""
    if prev.operation.name != "share":
        return None
    if prev.operation.base:
        return prev.operation.base
    if vocab is None or len(prev.measures) != 1 or prev.measures[0] not in vocab.measures:
        return None
    return vocab.share_base(prev.measures[0]) or vocab.measures[prev.measures[0]].broader


def _total_asked_before(measures: list[str], earlier: list[Frame], prev: Frame, vocab) -> str | None:
    """The one figure an earlier part of the same scope asked whose parts ``measures`` all are."""
    balanced = ("income_total", "expenditure_total")  # a budget's two grand totals are one sum
    for frame in reversed(earlier):
        if frame.focus != "figures" or frame.filters.departments != prev.filters.departments:
            continue
        if re.search(r"怎么这么|为什么|为啥|咋这么|怎么会", frame.clause) and not re.search(r"多少|几", frame.clause):
            continue  # 三公怎么这么高？公车购置和运行各多少？比上年涨了多少: the total's why, not its amount, was asked
        for key in frame.measures:
            if all(key in vocab.ancestors(m) for m in measures):
                return key
            if key in balanced and all(any(t in vocab.ancestors(m) for t in balanced) for m in measures):
                return key  # 预算总共多少？基本支出和项目支出各多少？比上年少了多少: the total's change
    return None


def _opposite_ranks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause cut between a superlative of one direction and one of the other."""
    piece = text[start:end]
    m = _OPPOSITE_RANKS.search(piece)
    if not m:
        return [(start, end)]
    first, second = piece[:m.start("join")], piece[m.end("join"):]
    if bool(re.search(_MOST, first)) == bool(re.search(_MOST, second)) or not re.search(_LEAST, first + second):
        return [(start, end)]
    return [(start, start + m.start("join")), (start + m.end("join"), end)]


# Focuses of a department's profile that one clause may join (内设机构和直属事业单位有多少个, 几辆车和
# 多少台设备): each is its own part, answered by its own executor.
PROFILE_FOCUSES = ("divisions", "subordinates", "functions", "assets")
_JOIN = re.compile(r"和|及|与|以及|、")


def _profile_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause cut where a conjunction joins the focus words of two different profile focuses."""
    from nlp.cues import find_cues

    piece = text[start:end]
    cues = [c for c in find_cues(piece) if c.kind == "focus" and c.value in PROFILE_FOCUSES]
    for a, b in zip(cues, cues[1:]):
        if a.value == b.value or b.start < a.end:
            continue
        join = _JOIN.search(piece, a.end, b.start)
        if join and b.start - join.end() <= 4:
            cut = start + join.start()
            return [(start, cut)] + _profile_pieces(text, start + join.end(), end)
    return [(start, end)]


def names_no_entity(ev) -> bool:
    """Whether a part names no department, project, subject or figure of its own — the least a part
    must lack to be read as an operation on the parts before it."""
    return not (ev.departments or ev.projects or ev.subjects or ev.item_measures)


def _own_content(frame: Frame, ev) -> bool:
    """Whether a part names something of its own (an entity, a measure, a content word, a focus
    word other than 单位), rather than only an operation on what came before."""
    if ev.departments or ev.projects or ev.subjects or ev.persons or ev.policies or ev.topics or ev.terms \
            or ev.units:  # 其中有几个是统计监测中心的: the unit's own, not the set just counted again
        return True
    if ev.item_measures or ev.staff_measures or ev.keywords or ev.bound is not None:
        return True
    cues = ev.cues
    if any(c.kind == "focus" and c.value not in ("departments",) for c in cues.cues):
        return True
    return any(cues.has(k) for k in ("income_breakdown", "expenditure_breakdown", "category", "funding", "level"))


# Which part of a family changed (跟去年比哪项变了, 哪几项有变化)
_WHICH_PART_CHANGED = r"哪(?:一|几)?(?:项|块|个|些)[^，。？?]{0,4}(?:变|有变化|有增减|不一样|调整|增减)"
# A part setting the figure just asked against a year it names (跟25年比呢, 和上年相比呢)
_AGAINST_YEAR = r"(?:跟|和|与|同|较|比)\s*(?:\d{2,4}\s*年|上年|去年)(?:度)?\s*(?:相?比|比较)?"


# the point of the year a clause names (年底剩那么多, 年初有多少) and the word figures say it with
_YEAR_POINTS = (("年末", r"年底|年末|年终"), ("年初", r"年初|上年结转|上年末"))


def _measures_named_by_time(measures: list[str], clause: str, vocab) -> list[str]:
    """Of the figures just asked, those of the point of the year the clause names (年底 → 年末结转和结余)."""
    for word, rx in _YEAR_POINTS:
        if re.search(rx, clause):
            def label(m: str) -> str:
                return m[5:] if m.startswith("word:") else (vocab.label(m) if vocab is not None and m in vocab.measures else m)
            return [m for m in measures if word in label(m) and not m.startswith("word:")] or \
                [m for m in measures if word in label(m)]
    return []


def _share_of_each(prev: Frame, clause: str) -> None:
    """花在哪两个科目？各占多少: a share merged into the part before asks each row's, not their whole's."""
    if re.search(L.EACH_SHARE, clause) and "share_each" not in prev.operation.also:
        prev.operation.also.append("share_each")


def _two_compared(frame: Frame) -> bool:
    """Whether a part's figure stands for exactly two things to compare: two departments, or one
    department in two years (两家各多少 / 17年和19年各多少)."""
    departments, years = len(frame.filters.departments), len(frame.filters.years)
    return (departments == 2 and years <= 2) or (departments <= 1 and years == 2)


def _only_names(frame: Frame, ev) -> bool:
    """A part that names only another department, place or year (…呢？)."""
    named = bool(ev.departments or ev.places or frame.unknown or ev.years or re.search(RELATIVE_YEAR, frame.clause))
    asks = ev.item_measures or ev.staff_measures or ev.projects or ev.subjects or ev.keywords or ev.topics or \
        any(c.kind in ("focus", "op", "attribute", "income_breakdown", "expenditure_breakdown") for c in ev.cues.cues)
    only_year = bool(re.search(RELATIVE_YEAR, frame.clause)) and not (ev.departments or ev.places or frame.unknown)
    return named and not asks and (only_year or bool(re.search(r"呢|那|又|和|也", frame.clause)))


def _another_year_only(frame: Frame, ev, prev: Frame) -> bool:
    """A part that names another year and asks only an amount of what was just asked (25年这两项各是多少,
    24年分别是多少): no operation, entity or figure of its own — and the part before no change, which
    already shows the year before's figure (比25年少了多少，25年实际是多少)."""
    # a year named relative to the department's own (上一年度有多少 after 今年…) is another year too
    relative = re.search(RELATIVE_YEAR, frame.clause)
    other_relative = bool(relative) and relative.group(0) not in prev.clause
    return (bool(ev.years) or other_relative) and bool(prev.filters.years) \
        and (set(frame.filters.years) != set(prev.filters.years) or other_relative) \
        and frame.operation.name in ("lookup", "list") and not ev.cues.has("op") \
        and prev.focus in ("figures", "subjects", "staff") and bool(prev.measures or prev.filters.subjects) \
        and not ({"change", "growth", "derive"} & {prev.operation.name, *prev.operation.also} or prev.derive_previous)


def _inherit_filters(own, prev) -> None:
    """What a part repeating the previous question of another department or year keeps of it."""
    for key in ("subjects", "scheme", "projects", "topics", "keywords", "categories", "funding", "bound",
                "indicator_kinds", "column", "columns", "level"):
        if not getattr(own, key):
            setattr(own, key, getattr(prev, key))


def _elliptical_measure(frame: Frame, ev) -> bool:
    """A part that names only another figure (公用经费呢？): the same operation on it."""
    return bool(ev.item_measures or ev.staff_measures) and not ev.cues.has("op") and \
        bool(re.search(r"呢$|^那|^又|^再", frame.clause))


def _elliptical_subject(frame: Frame, ev) -> bool:
    """A part that names only another subject (行政运行呢？): the question just asked, of it."""
    return bool(ev.subjects) and frame.focus == "subjects" and not (ev.cues.has("op") or ev.item_measures) \
        and bool(re.search(r"呢$", frame.clause))


def _about_the_same(frame: Frame, ev, prev: Frame | None = None) -> bool:
    """A part that names no department, project, subject or figure of its own (its words are about
    the thing just named; a topic word of the project just named, 执法 of 执法能力建设项目, is its own)."""
    named = "".join(p.name for p in prev.filters.projects) if prev is not None else ""
    own_topics = ev.topics and (not named or any(t not in named for t in frame.filters.topic_text))
    if ev.departments or ev.places or ev.projects or ev.subjects or own_topics or frame.unknown:
        return False
    if (ev.item_measures or ev.staff_measures) and not ev.cues.has("attribute", "funds"):
        return False  # …多少是上年结转的 after a project: its own 其中 lines, not the department's carry-over
    return not any(c.kind == "focus" and c.value in ("departments", "divisions", "subordinates", "functions",
                                                       "definitions") for c in ev.cues.cues)


def _partly_another_project(frame: Frame, ev, prev: Frame) -> bool:
    """A part after one that named a project, whose own project is only a partial (fuzzy) likeness
    and which names no department or place of its own: where that project belongs to another
    department than the one in scope, or the part asks a target (要达到多少, 上限多少, 几次), its
    words are about the project just named — an indicator's name shares words with many projects'."""
    if not ev.projects or ev.projects_exact or ev.departments or ev.places or frame.unknown:
        return False
    own = {p.iri for p in frame.filters.projects}
    if not own or own == {p.iri for p in prev.filters.projects}:
        return False
    scope = {d.name for d in frame.filters.departments}
    elsewhere = bool(scope) and all(p.department not in scope for p in frame.filters.projects)
    return elsewhere or bool(re.search(L.TARGET_ASK, frame.clause) and not re.search(L.MONEY_ASK, frame.clause))


# the carry-over figures and the year's new money they are set against (both parts of 收入总计)
CARRIED_FIGURES = ("carryover_total", "carryover_fiscal", "carryover_nonfiscal")
NEW_MONEY = ("current_year_income", "fiscal_total", "fiscal_current_year", "general_public_budget")


def _new_money_beside_carried(frame: Frame, prev: Frame) -> bool:
    """A part asking the year's new money (本年收入, 财政拨款, 一般公共预算) right after one asking the
    carry-over: the question sets the two against each other, so the whole they make is said too."""
    return frame.focus == "figures" and prev.focus == "figures" and bool(prev.measures) \
        and all(m in CARRIED_FIGURES for m in prev.measures) and bool(frame.measures) \
        and all(m in NEW_MONEY for m in frame.measures) and frame.operation.name == "lookup" \
        and bool(re.search(L.NEW_MONEY_WORDS, frame.clause))


def _column_narrowed(frame: Frame, ev, prev: Frame, narrows: bool) -> str | None:
    """A part that narrows (其中) a 基本支出 or 项目支出 figure just asked to subjects it names: the
    subjects' rows in that column, not their totals (项目支出多少？其中商品和服务支出多少 is the 商品和服务支出
    row's 项目支出 column). None where the part names a column or a figure of its own."""
    if not (narrows and frame.focus == "subjects" and ev.subjects and prev.focus == "figures"
            and len(prev.measures) == 1 and prev.measures[0] in COLUMN_OF_MEASURE):
        return None
    if ev.item_measures or ev.cues.values("column") or set(frame.measures) - {"total"}:
        return None
    return COLUMN_OF_MEASURE[prev.measures[0]]


def _grown_by_times(frame: Frame) -> bool:
    """涨了几倍 / 翻了几番 said of a figure alone: how much it grew (a rate), not one figure over another."""
    return frame.operation.name == "ratio" and ("growth" in frame.operation.also or bool(
        re.search(r"翻了?(?:好)?(?:几|多少)(?:倍|番)|(?:涨|增长?|多|高)了?(?:好)?(?:几|多少)倍", frame.clause)))


def _another_count_of_units(frame: Frame, prev: Frame) -> bool:
    """几家单位？其中二级单位几家: a second count of units is a count of its own (the kind it names),
    not the first one asked again."""
    return frame.focus == prev.focus == "subordinates" and frame.operation.name == prev.operation.name == "count"


def _counts_the_projects_just_found(frame: Frame, ev, prev: Frame) -> bool:
    """A part counting projects (分几个项目, 一共几个) with no condition of its own, after a part that
    found projects by a topic or words: those projects, counted."""
    f = frame.filters
    return prev.focus == frame.focus == "projects" and bool(prev.filters.topics or prev.filters.keywords) \
        and ("count" in {frame.operation.name, *frame.operation.also}
             or frame.operation.name == "list" and re.search(r"哪(?:几|些)|分(?:哪|几)|是哪", frame.clause)) \
        and not (ev.projects or ev.topics or ev.keywords or ev.departments or ev.subjects or ev.units
                 or f.categories or f.funding or f.sources or ev.bound is not None)


def _side(key: str, vocab) -> str | None:
    """Which side of the budget a figure is on: income (收入总计 and its parts) or expenditure."""
    if vocab is None or key not in vocab.measures:
        return None
    lineage = {key, *vocab.ancestors(key)}
    return "income" if "income_total" in lineage else "expenditure" if "expenditure_total" in lineage else None


def _other_side(measures: list[str], prev: Frame, vocab) -> bool:
    """收支总预算多少？其中其他收入有多少？项目支出占多少: an expenditure is no share of an income line
    just narrowed to (nor the other way round): its share is of its own whole. (一般公共预算拨款多少？基本
    支出占多大比例 sets the spending against the appropriation asked: a share of it.)"""
    if not re.search(L.NARROW_WORDS, prev.clause):
        return False
    side = _side(prev.measures[0], vocab)
    return side is not None and any(_side(m, vocab) not in (None, side) for m in measures)


def _rows_inside(frame: Frame, prev: Frame) -> bool:
    """Whether every subject a part names is a row inside a subject the part before named (its code
    begins with the other's)."""
    codes = [s.code for s in frame.filters.subjects]
    above = [s.code for s in prev.filters.subjects]
    return frame.focus == prev.focus == "subjects" and bool(codes) and bool(above) and all(
        c and any(a and c != a and c.startswith(a) for a in above) for c in codes)


def _change_of_the_share_just_said(ev, prev: Frame) -> bool:
    """公务接待费占多少，比上年少了多少: a change asked in the same sentence as one figure's share is that
    figure's change (a new sentence after the share asks of the whole: 三公多少，出国占几成？比去年少了多少)."""
    return ev.same_sentence and prev.operation.name == "share" and len(prev.measures) == 1 and not prev.measures_guessed


def _same(a: Frame, b: Frame) -> bool:
    return a.focus == b.focus and a.filters == b.filters and a.operation.name == b.operation.name


# The department-level figures a part may continue with after a part of each focus: after the
# vehicles a department holds or plans to buy, 购置费 and 运行费 are the 公务用车 figures.
RELATED_FIGURES: dict[str, tuple[str, ...]] = {"figures": (), "departments": (), "assets": ("three_public.vehicles",)}


def distinctive_label(key: str, vocab) -> str:
    """The words of a figure's label that tell it from its siblings (the figures of the same
    ``skos:broader``): 政府采购服务 among 政府采购货物/工程 is 服务, 公务用车购置费 beside 公务用车运行费
    is 购置费, so "服务类占多少" after the procurement total names it."""
    m = vocab.measures.get(key)
    if m is None:
        return ""
    siblings = [vocab.measures[k].label for k in vocab.children(m.broader)] if m.broader else []
    others = [lab for lab in siblings if lab != m.label] or \
        ([vocab.measures[m.broader].label] if m.broader in vocab.measures else [])
    n = 0
    while others and n < len(m.label) and all(n < len(o) and o[n] == m.label[n] for o in others):
        n += 1
    return m.label[n:]


def parts_of_previous(frame: Frame, ev, prev: Frame, vocab) -> list[str]:
    """The figures a part names only by what tells them apart from their siblings, among the figures
    the part before asked and the figures those are made of (政府采购预算多少？货物和服务各占几成 →
    政府采购货物, 政府采购服务). Empty when the part names a figure, project or subject of its own."""
    # 其中财政拨款的是多少 after 结转结余: a word that names a figure of its own (财政拨款) narrows the
    # figures just asked to their part of that name
    narrowing = bool(re.search(L.NARROW_WORDS, frame.clause))
    if vocab is None or prev.focus not in RELATED_FIGURES or frame.focus not in ("figures",) \
            or ev.staff_measures or ev.projects or ev.subjects or ev.departments:
        return []
    if ev.item_measures and not narrowing:
        # 上年结转多少？财政拨款和非财政拨款各多少: the parts of the figure just asked, enumerated by
        # the words that tell them apart, narrow it like 其中 does
        found = _named_parts(frame, ev, prev, vocab, True)
        parts = [k for k in found if vocab.measures.get(k) and vocab.measures[k].broader in prev.measures]
        own = set(parts) & set(frame.measures)  # 基本支出、项目支出、机动经费各占多少: named as themselves
        # (财政拨款结转和非财政拨款各多少: one named as itself, the other by its distinctive words — both)
        return parts if len(parts) >= 2 and len(parts) == len(found) and (
            not own or own != set(parts) and "非" in frame.clause) else []
    found = _named_parts(frame, ev, prev, vocab, narrowing)
    if narrowing and ev.item_measures and len(frame.measures) > len(found) \
            and all(m in _descendants(prev.measures, vocab) for m in frame.measures):
        # 总额多少？其中一般公共预算拨款、其他收入和上年结转各多少: figures named as themselves, each inside
        # the whole just asked (some a level down: 一般公共预算拨款 under 财政拨款), stay what they are
        return []
    return found


def _descendants(keys: list[str], vocab) -> set[str]:
    """The figures inside ``keys`` under ``skos:broader``, at any depth."""
    out: set[str] = set()
    todo = list(keys)
    while todo:
        for child in vocab.children(todo.pop()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def _named_parts(frame: Frame, ev, prev: Frame, vocab, narrowing: bool) -> list[str]:
    """The figures among those the part before asked (and their parts and siblings) whose
    distinctive words the clause names, in the order it names them."""
    candidates: list[str] = []
    for key in prev.measures or RELATED_FIGURES[prev.focus]:
        m = vocab.measures.get(key)
        for k in [key, *vocab.children(key), *(vocab.children(m.broader) if m and m.broader else [])]:
            if k not in candidates:
                candidates.append(k)
    found: list[tuple[int, str]] = []
    named = [ev.text[c.start:c.end] for c in ev.cues.of("measure")] if narrowing else []
    for key in candidates:
        word = distinctive_label(key, vocab)
        at = frame.clause.find(word) if len(word) >= 2 else -1
        if at < 0 and len(word) >= 2:  # 其中财政拨款的: the part whose distinctive words begin with the word named
            at = next((frame.clause.find(w) for w in named if len(w) >= 2 and word.startswith(w)), -1)
        if at < 0 and len(word) >= 5:  # 非财政的 for 非财政拨款结转和结余: its words said short, from their start
            at = frame.clause.find(word[:3])
        if at < 0 and len(word) >= 4:  # 财政和非财政各多少: the first of two said by two words, before 和
            short = re.search(rf"(?<!非){re.escape(word[:2])}(?=(?:的|部分|那块)?[和与、及跟]非?{re.escape(word[:2])})", frame.clause)
            at = short.start() if short else -1
        if at >= 0 and key not in (k for _, k in found):
            found.append((at, key))
    return [k for _, k in sorted(found)]


# The projects' funding (Filters.funding) an income source names (其他资金 → the 单位资金 projects).
_FUNDING_OF_SOURCE = {"unit_other": "unit_funds", "unit_funds": "unit_funds", "fiscal": "fiscal",
                      **{k: k for k in L.SPLIT_FUNDING}}


def _funding_named(frame: Frame) -> str | None:
    """The one kind of projects' funding a figures part names, by its figure (单位资金) or, where it names no
    figure, by its one source (用的是其他资金的)."""
    if len(frame.measures) == 1 and not frame.measures_guessed:
        key = frame.measures[0]
        return FUNDING_OF_MEASURE.get(key) or (key if key in L.SPLIT_FUNDING else None)
    if frame.measures_guessed and len(frame.filters.sources) == 1:
        return _FUNDING_OF_SOURCE.get(frame.filters.sources[0])
    return None


# A funding figure asked before a list of projects names the projects' funding (Filters.funding).
FUNDING_OF_MEASURE = {"upper_level_transfer": "transfer", "fiscal_total": "fiscal", "unit_funds": "unit_funds"}


def difference_with_earlier(frame: Frame, out: list[Frame]) -> Frame | None:
    """差多少 against a year an earlier part asked (24年决算多少？26年预算又是多少，比24年实际多多少):
    the difference of the figure the part before asked and the one that earlier part asked, each
    read from its own document (the 决算's 决算数, the budget's 预算数). None where no earlier part
    asked the same figure of the same departments in that year."""
    if frame.operation.name != "difference" or len(out) < 2:
        return None
    m = re.search(r"[比较]([^，。,?？]{1,8}?年)", frame.clause)
    years = find_years(m.group(1), None)[0] if m else []
    prev = out[-1]
    if len(years) != 1 or prev.focus != "figures" or not prev.measures or years[0] in prev.filters.years:
        return None
    earlier = next((p for p in reversed(out[:-1]) if p.focus == "figures" and p.measures == prev.measures
                    and p.filters.years == years and p.filters.departments == prev.filters.departments), None)
    if earlier is None:
        return None
    filters = prev.filters.copy()
    filters.years = list(prev.filters.years) + years
    filters.phase, filters.phases = None, []
    derived = Frame("figures", list(prev.measures), filters, Operation("difference"), frame.clause, frame.score,
                    prev.open_department)
    derived.derived_only = True
    return derived


def difference_with_named_year(frame: Frame, prev: Frame) -> Frame | None:
    """差多少 naming the other year itself (24年三公实际花了多少？跟26年的三公预算比差多少): the figure the
    part before asked, in its year and in the year this part names, each read from its own document
    (the 决算's 决算数, the budget's 预算数), and their difference. None where the part names another
    figure or no other year."""
    if frame.operation.name != "difference" or prev.focus != "figures" or not prev.measures:
        return None
    own = find_years(frame.clause, max(prev.filters.years) if prev.filters.years else None)[0]
    if len(own) != 1 or own[0] in prev.filters.years or not prev.filters.years:
        return None
    if frame.measures and not set(frame.measures) & set(prev.measures):
        return None
    named = [m for m in prev.measures if m in prev.named_measures]
    filters = prev.filters.copy()
    filters.years = list(prev.filters.years) + own
    filters.phase, filters.phases = None, []
    return Frame("figures", named[:1] or prev.measures[:1], filters, Operation("difference"), frame.clause,
                 frame.score, prev.open_department)


def difference_between_named(frame: Frame, ev, prev: Frame) -> Frame | None:
    """差多少 between departments the part before asked, named again by their places only (上海市审计局和
    西安市审计局的三公各多少？上海比西安多出多少): the previous figure's difference between those two —
    not every department of 上海 and 西安. None where the places do not pick out two of them, or the
    part names a figure of its own."""
    if frame.operation.name != "difference" or prev.focus != "figures" or not prev.measures \
            or len(prev.filters.departments) < 2 or not ev.places or (ev.item_measures and not frame.measures_guessed):
        return None
    picked = []
    for place in ev.places:
        mine = [d for d in prev.filters.departments if place.name in d.name]
        if len(mine) != 1:
            return None
        picked.append(mine[0])
    if len(picked) != 2:
        return None
    named = [m for m in prev.measures if m in prev.named_measures]
    filters = prev.filters.copy()
    filters.departments = picked
    derived = Frame("figures", named[:1] or prev.measures[:1], filters, Operation("difference"), frame.clause,
                    frame.score, prev.open_department)
    derived.derived_only = True
    return derived


# A count of parts standing for them (三项各是多少, 这几块分别多少, 各项呢).
_COUNTED_PARTS = re.compile(r"^(?:\d{2,4}年|今年|去年|上年|前年|明年)?(?:的)?(?:这|那)?(?P<n>[两二三四五六七八九几各])"
                            r"(?:大)?(?:项|块|部分|个部分|类|大类|个)(?:都|又|分别|各)")


# Which kind of money a figure just asked is (是哪类资金, 属于什么性质的钱, 来自哪本预算).
_KIND_ASKED = r"(?:都|主要|分别)?(?:是|属于|来自|出自)?(?:哪|什么|哪一|哪几)(?:类|种|块|本|一类)?(?:性质)?的?(?:资金|钱|预算|经费|款)[？?吗呢]?"


def _counted_parts(frame: Frame, ev, prev: Frame, vocab) -> list[str]:
    """The figures a part counts without naming (三项各是多少 after 三公经费): the parts the figure just
    asked is made of, or the parts just asked again (去年三项分别是多少) — where their number is the
    count said. Empty where the part names anything of its own."""
    m = _COUNTED_PARTS.match(frame.clause)
    kind = re.fullmatch(_KIND_ASKED, frame.clause)
    if not (m or kind) or vocab is None or not (frame.measures_guessed or kind) or frame.focus not in ("figures", "projects") \
            or prev.focus != "figures" or not prev.measures or ev.item_measures or ev.subjects or ev.projects \
            or ev.departments:
        return []
    if kind:  # 上年结转有多少？是哪类资金: its parts by kind of funds (财政拨款结转 says its own kinds)
        parts = vocab.children(prev.measures[0])
        return parts if len(prev.measures) == 1 and parts else []
    n = chinese_count(m.group("n")) if m.group("n") not in "几各" else None
    if len(prev.measures) > 1 and n in (None, len(prev.measures)):
        return list(prev.measures)
    parts = vocab.children(prev.measures[0])
    return parts if len(parts) > 1 and n in (None, len(parts)) else []


# One quantity at the two ends of a year (年初 / 年末 结转和结余): asked in turn, 增加了多少 is their gap.
_YEAR_ENDS = {frozenset({"carryover_total", "carryover_year_end"}),
              frozenset({"carryover_fiscal", "carryover_year_end_fiscal"}),
              frozenset({"carryover_nonfiscal", "carryover_year_end_nonfiscal"})}


def _years_asked_before(out: list[Frame], frame: Frame | None = None) -> list[int]:
    """The years a part that names none inherits: those of the part before, unless that part compared
    its figure with a baseline year (比2018年多多少 holds 2019 and 2018) — then the years asked before the
    comparison (基本支出、项目支出各占多少 after it is 2019's share, not a comparison of two years) — or
    that part asked the same figure a year before (增了多少？去年只有多少？钱用来干什么: the money of the
    year the question is about, where the part asks something else than the part before)."""
    prev = out[-1]
    # (上年是多少？降幅多少: a change is the later year's, whatever figure it is of)
    if frame is not None and ((frame.focus, frame.measures) != (prev.focus, prev.measures)
                              or frame.operation.name in ("growth", "change")) and len(out) >= 2 and \
            not re.search(r"呢|那|同期|也|又", frame.clause) and \
            re.search(r"去年|上年|前年|上一年", prev.clause) and not re.search(r"\d{2,4}\s*年", prev.clause):
        earlier = out[-2]  # (its years may be none named: the latest, as resolved later)
        if earlier.filters.years != prev.filters.years:
            return list(earlier.filters.years)
    comparing = {"difference", "change", "growth"} & {prev.operation.name, *prev.operation.also}
    if comparing and len(prev.filters.years) > 1:
        earlier = next((p for p in reversed(out[:-1]) if p.filters.years
                        and set(p.filters.years) < set(prev.filters.years)), None)
        if earlier is not None:
            return list(earlier.filters.years)
        # 2026年三公经费比2025年少了多少？车辆购置安排了多少: the year compared with is no year asked
        baseline = set(find_years(" ".join(re.findall(r"(?<=比)(?:\d{4}|\d{2}|[〇零一二三四五六七八九]{2,4})年",
                                                      prev.clause)), None)[0])
        asked = [y for y in prev.filters.years if y not in baseline]
        if baseline and asked:
            return asked
    return list(prev.filters.years)


def change_of_subjects(frame: Frame, prev: Frame) -> Frame:
    """A change asked after subjects (会议费、培训费各多少？比上年各减了多少): the change the narrative
    states for each of them. An expense of the economic classification is stated by its own word
    (会议费预算 … 比上年减少9.66万元), as the figures' change reads it; a functional subject by its
    class (住房保障（类）支出 … 增加747.78万元), as the subjects' own rows read it."""
    subjects = prev.filters.subjects
    if all(sub.kind == "economic_subject" for sub in subjects):
        words = list(dict.fromkeys("word:" + re.sub(r"(?:预算)?支出$", "", sub.name) for sub in subjects))
        return Frame("figures", words, prev.filters.copy(), Operation("change", also=list(frame.operation.also)),
                     frame.clause, frame.score, prev.open_department)
    return Frame("subjects", list(prev.measures), prev.filters.copy(), Operation("list", also=["change"]),
                 frame.clause, frame.score, prev.open_department)


# Department-level figures that may stand in one enumeration with expense subjects (三公、会议费、培训费各多少).
ENUMERATED_FIGURES = ("three_public.", "procurement.", "operating_expenses", "personnel", "public_expenses",
                      "basic_expenditure", "project_expenditure")


def figures_beside_subjects(frames: list[Frame], evidence: list) -> tuple[list[Frame], list]:
    """A clause that enumerates a department-level figure together with expense subjects (三公、会议费、
    培训费各多少) asks both: the figure (with its parts, as the figure alone would be read) becomes a part
    of its own before the subjects' part, sharing its department and year."""
    out_frames, out_evidence = [], []
    for frame, ev in zip(frames, evidence):
        figures = [k for k in ev.item_measures if k.startswith(ENUMERATED_FIGURES)]
        if frame.focus == "subjects" and frame.filters.subjects and figures and \
                re.search(r"[、和及与]", frame.clause) and (not frame.filters.column or _columns_enumerated(ev)):
            filters = frame.filters.copy()
            filters.subjects, filters.scheme = [], None
            measures = family_rules(list(dict.fromkeys(figures)), ev.text, frame.operation.name)
            out_frames.append(Frame("figures", measures, filters, Operation("lookup"), frame.clause, frame.score,
                                    frame.open_department))
            out_evidence.append(ev)
        out_frames.append(frame)
        out_evidence.append(ev)
        others = [r for r in frame.filters.subjects if r.kind == "economic_subject" and not any(
            re.search(rx, r.name) for key, rx in L.MEASURE_WORDS
            if key in frame.measures or key.startswith(ENUMERATED_FIGURES))]  # (公务用车购置 is a 三公 figure's own name)
        if frame.focus == "figures" and frame.measures and others and re.search(r"[、和及与]", frame.clause) \
                and all(k.startswith(ENUMERATED_FIGURES) for k in frame.measures):
            # 公务接待费、会议费和培训费各多少: the expense subjects enumerated beside a figure, a part of their own
            filters = frame.filters.copy()
            filters.subjects, filters.scheme = others, "economic"
            frame.filters.subjects = [r for r in frame.filters.subjects if r not in others]
            out_frames.append(Frame("subjects", ["total"], filters, Operation("list"), frame.clause, frame.score,
                                    frame.open_department))
            out_evidence.append(ev)
    return out_frames, out_evidence


def expenses_beside_functions(frames: list[Frame], evidence: list) -> tuple[list[Frame], list]:
    """A change asked of a functional subject and an expense together (审计业务和培训费都砍了，去年多少):
    each is stated in its own place — the subject's in the subjects' statements, the expense's by its
    own word (培训费预算支出 … 比上年减少17.60万元) — so the expenses become a part of their own, read
    as ``change_of_subjects`` reads economic subjects, after the functional subjects' part."""
    out_frames, out_evidence = [], []
    for frame, ev in zip(frames, evidence):
        subjects = frame.filters.subjects
        functional = [s for s in subjects if s.kind == "functional_subject"]
        expenses = [s for s in subjects if s.kind == "economic_subject" and s.name.endswith("费")
                    and not any(s.name in f.name for f in functional)]
        changing = {"change", "growth", "derive"} & {frame.operation.name, *frame.operation.also}
        if frame.focus != "subjects" or not (functional and expenses and changing):
            out_frames.append(frame)
            out_evidence.append(ev)
            continue
        frame.filters.subjects = functional
        words = list(dict.fromkeys("word:" + s.name for s in expenses))
        filters = frame.filters.copy()
        filters.subjects, filters.scheme = [], None
        out_frames += [frame, Frame("figures", words, filters, Operation("change", also=list(frame.operation.also)),
                                    frame.clause, frame.score, frame.open_department)]
        out_evidence += [ev, ev]
    return out_frames, out_evidence


def _projects_the_carry_over_pays(frame: Frame, ev, prev: Frame) -> Frame | None:
    """A follow-up asking where a carry-over just given goes, as the projects it pays for: 用在基本支出还是项目支出
    (the carry-over's projects with their part of it — what no project carries is the basic expenditure's), 非财政那部分
    用在哪 (the 单位资金 projects). None where the part asks anything else."""
    if prev.focus != "figures" or ev.departments or ev.projects:
        return None
    if set(prev.measures) & {"carryover_total", "carryover_fiscal"} and re.search(r"基本支出", frame.clause) \
            and re.search(r"项目支出", frame.clause) and re.search(L.SOURCE_USE + r"|还是", frame.clause):
        sources, categories = ["carryover"], list(prev.filters.categories)
    elif "carryover_nonfiscal" in prev.measures and re.search(r"非财政", frame.clause) \
            and re.search(L.SOURCE_USE + r"|哪", frame.clause):
        sources, categories = ["unit_funds"], ["unit_funds"]
    else:
        return None
    used = Frame("projects", ["amount"], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                 prev.open_department)
    used.filters.sources, used.filters.categories, used.filters.keywords, used.filters.terms = sources, categories, [], []
    return used


def _columns_of_the_subject_before(frame: Frame, ev, prev: Frame) -> list[str]:
    """The columns (基本支出, 项目支出, 人员经费, 公用经费) a part names alone, after a part about one named
    subject's figure: that subject's columns asked — not the department's totals of those names."""
    if prev.focus != "subjects" or not prev.filters.subjects or frame.focus != "figures" or \
            ev.departments or ev.subjects or ev.projects or frame.filters.years != prev.filters.years:
        return []
    columns = [COLUMN_OF_FIGURE.get(m) for m in frame.measures]
    if len(columns) < 2 or None in columns or not re.search(r"里|中|各|分别", frame.clause):
        return []
    return list(dict.fromkeys(columns))


def _columns_enumerated(ev) -> bool:
    """Column words (人员经费, 公用经费) that stand in an enumeration (人员经费、公用经费、对个人和家庭
    补助各多少) name figures beside the subjects, not a column of them."""
    columns = [c for c in ev.cues.cues if c.kind == "column"]
    text = ev.text
    return bool(columns) and all(re.match(r"[、和及与]", text[c.end:c.end + 1]) or
                                 re.search(r"[、和及与]$", text[:c.start]) for c in columns)


def source_asked(prev: Frame) -> str | None:
    """The one income source (a key of ``lexicon.INCOME_SOURCE_WORDS``) whose amount the part
    ``prev`` asked (事业收入有多少 → unit_business, 政府性基金 → government_fund), else None: a
    following part asking what that money is used for asks the subjects it pays for."""
    if prev.focus != "figures" or len(prev.measures) != 1:
        return None
    if prev.measures[0] in CARRIED_FIGURES:
        return "carryover"  # 有多少财政拨款结转: 财政拨款 says which carry-over, the money is carried over
    if len(prev.filters.sources) == 1:
        return prev.filters.sources[0]  # the word the question used (事业收入), finer than its measure
    return L.SOURCE_OF_MEASURE.get(prev.measures[0])


def _continued(frame: Frame, ev, prev: Frame, out: list[Frame], vocab) -> list[Frame] | None:
    """A part that carries on the parts before it by what it asks of them rather than by anything it
    names (扣掉基建以后呢, 目标是审多少, 增加了多少 after a year's two ends, 两者差多少 after two projects, 几分
    after a score ranking, 和部门整体目标一样吗, 年初才多少, 三项各是多少, 加起来跟项目支出总额一样吗): the
    frames it stands for (none where the part before already shows it), or None where it is no such part."""
    f = frame.filters
    if prev.focus == "projects" and prev.filters.projects and names_no_entity(ev) \
            and re.search(L.MONEY_SPLIT_ASKED, frame.clause) and not re.search(L.MONEY_SOURCE_ASKED, frame.clause):
        # 生命健康专项多少？钱分成了哪几块: the parts that project's own text lists, not its sources
        return [Frame("projects", ["amount", "description"], prev.filters.copy(), Operation("list"), frame.clause,
                      frame.score, prev.open_department)]
    if f.excluding and frame.measures_guessed and not prev.filters.excluding and names_no_entity(ev) and (
            prev.focus == "figures" and prev.measures and {"change", "growth"} & {prev.operation.name, *prev.operation.also}
            or prev.focus == "subjects" and prev.filters.subjects):
        # 比上年少了多少？扣掉基建以后呢: the same change, the one stated with that left out; 其他信访事务支出
        # 2025年执行了多少？扣掉中央基建投资以后呢: that row's figure with it left out
        again = Frame(prev.focus, list(prev.measures), prev.filters.copy(),
                      Operation(prev.operation.name, also=list(prev.operation.also)), frame.clause, frame.score,
                      prev.open_department)
        again.filters.excluding = f.excluding
        return [again]
    if prev.focus == "projects" and prev.filters.projects and frame.focus == "figures" and frame.measures \
            and all(m in L.SOURCE_OF_MEASURE and not m.startswith("carryover") for m in frame.measures) \
            and not (ev.departments or ev.projects or ev.subjects):  # (里面上年结转多少: its carry-over line, below)
        # 日常保障运行的钱怎么来的？一般公共预算和单位资金各出多少: that project's money by source, not the
        # department's income
        return [Frame("projects", ["funding"], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                      prev.open_department)]
    column = COLUMN_OF_FIGURE.get(prev.measures[0]) if prev.focus == "figures" and len(prev.measures) == 1 else None
    if column and frame.operation.name in ("rank", "sort") and frame.measures_guessed and names_no_entity(ev) \
            and re.search(L.NARROW_WORDS + r"|^(?:那|这)?(?:里面|里头|当中|其中)", frame.clause):
        # 公用经费一共多少？里面哪项最多: the economic rows of that column, ranked
        rows = Frame("subjects", [column], prev.filters.copy(), Operation(frame.operation.name, n=frame.operation.n,
                                                                      descending=frame.operation.descending),
                     frame.clause, frame.score, prev.open_department)
        rows.filters.column, rows.filters.scheme = column, "economic"
        return [rows]
    if prev.focus in ("figures", "departments") and len(prev.filters.departments) == 2 and frame.measures_guessed \
            and prev.measures \
            and re.search(L.MORE_BY_RATE, frame.clause) and not (ev.projects or ev.subjects or ev.item_measures):
        # 两家预算谁大？烟台比湖州多百分之几: the gap of the figure just compared, and its rate of the second named
        gap = Frame("figures", list(prev.measures[:1]), prev.filters.copy(), Operation("difference"), frame.clause,
                    frame.score, prev.open_department)
        gap.filters.departments = sorted(prev.filters.departments, key=lambda d: said_at(frame.clause, d.name))
        gap.derived_only = True
        return [gap]
    if prev.focus == "indicators" and re.search(r"呢[？?]?$", frame.clause) and ev.keywords \
            and not (ev.departments or ev.projects or ev.subjects or ev.item_measures or ev.units):
        # 12345热线咨询一次性解答率定了多少？网络可用率呢: another target named by its words, of the same budget
        other = Frame("indicators", [], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                      prev.open_department)
        other.filters.keywords, other.filters.keyword_groups = list(ev.keywords), [list(ev.keywords)]
        return [other]
    if frame.focus == "figures" and frame.measures_guessed and frame.operation.name == "rank" \
            and not frame.operation.nth and not re.search(r"第\s*[二三四五六七八九十\d]", frame.clause) \
            and prev.focus in ("projects", "subjects") and prev.operation.name in ("rank", "sort") \
            and names_no_entity(ev) and not (ev.item_measures or ev.subjects or ev.projects):
        # 四个项目里哪个最贵、哪个最便宜: the other end of the same ranking
        return [Frame(prev.focus, list(prev.measures), prev.filters.copy(),
                      Operation("rank", n=frame.operation.n or 1, descending=frame.operation.descending),
                      frame.clause, frame.score, prev.open_department)]
    ordinals = _ordinals_only(frame.clause)
    if ordinals and prev.operation.name in ("rank", "sort") and names_no_entity(ev):
        # 哪个项目钱最多？第二第三呢: the same ranking, its places asked
        return [Frame(prev.focus, list(prev.measures), prev.filters.copy(),
                      Operation("rank", n=k, explicit_n=True, nth=k,  # 倒数第二呢: from the bottom
                                descending=prev.operation.descending and "倒数" not in frame.clause),
                      frame.clause, frame.score, prev.open_department) for k in ordinals]
    if prev.focus == "indicators" and (frame.focus == "indicators" or frame.focus == "figures" and frame.measures_guessed) \
            and re.search(L.THOSE_JUST_NAMED, frame.clause) and names_no_entity(ev):
        # 审计报告要交多少篇？促进财政增收节支目标多少？这两项权重各几分: the indicators the parts before named
        # (their words), not the whole table again
        named = [p for p in out if p.focus == "indicators" and p.filters.projects == prev.filters.projects]
        again = Frame("indicators", list(frame.measures), prev.filters.copy(), frame.operation,
                      "；".join([p.clause for p in named[-_counted_back(frame.clause):]] + [frame.clause]),
                      frame.score, prev.open_department)
        again.filters.keywords = list(dict.fromkeys(w for p in named[-_counted_back(frame.clause):]
                                                    for w in p.filters.keywords))
        return [again]
    if prev.focus == "subjects" and prev.filters.subjects and frame.focus == "figures" and len(frame.measures) == 1 \
            and frame.measures[0] in (*COLUMN_OF_MEASURE, *SCOPED_LABELS) and not (ev.departments or ev.projects
                                                                              or ev.subjects or ev.units) \
            and frame.operation.name in ("lookup", "yesno") and not re.search(L.WHOLE_BUDGET, frame.clause):
        # 其他商贸事务支出多少？在一般公共预算支出表里又是多少？有基本支出吗: the subject just asked, in that
        # table or that column — not the department's appropriation or its 基本支出
        again = Frame("subjects", list(prev.measures), prev.filters.copy(),
                      Operation(frame.operation.name, also=list(frame.operation.also)), frame.clause, frame.score,
                      prev.open_department)
        key = frame.measures[0]
        if key in COLUMN_OF_MEASURE:
            again.measures, again.filters.column = [COLUMN_OF_MEASURE[key]], COLUMN_OF_MEASURE[key]
        else:
            again.filters.amount_scope = key
        return [again]
    if prev.focus == "projects" and len(prev.filters.projects) == 1 and frame.focus == "figures" \
            and frame.operation.name == "lookup" and not (ev.departments or ev.projects or ev.subjects) \
            and not frame.measures_guessed and re.fullmatch(L.PROJECT_MONEY_ASKED, frame.clause) \
            and not re.search(L.WHOLE_BUDGET, frame.clause):
        # 生命健康专项是谁来实施的？25年总预算多少，支持企业规模化发展占多少: the project just named stays what
        # is asked about where the part names only its money (总预算, 金额), no figure of a department's own (a
        # part naming no figure at all is the project's already, below)
        return [Frame("projects", ["amount", "description"], prev.filters.copy(), Operation(frame.operation.name),
                      frame.clause, frame.score, prev.open_department)]
    if prev.focus == "projects" and (frame.focus == "figures" and frame.measures_guessed
                                     or frame.focus == "staff" and re.search(L.TARGET_COUNT, frame.clause)
                                     # 评审工作经费多少钱？要评审多少个项目: the count its targets set, no set of projects
                                     or frame.focus == "projects" and len(prev.filters.projects) == 1
                                     and re.search(L.TARGET_COUNT, frame.clause)) \
            and re.search(L.TARGET_ASKED, frame.clause) and names_no_entity(ev):
        # (预计补助多少人 after a project: the people its targets count, not the department's staff)
        # 那个预算评审项目是谁在做？目标是审多少: the targets of the project just found
        return [Frame("indicators", [], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                      prev.open_department)]
    figures_before = [p for p in out[-2:] if p.focus == "figures" and p.operation.name == "lookup"
                      and len([m for m in p.measures if not m.startswith("word:")]) == 1] if len(out) >= 2 else []
    plain_before = [[m for m in p.measures if not m.startswith("word:")][0] for p in figures_before]
    if len(figures_before) == 2 and frame.operation.name in ("difference", "growth", "change") \
            and frame.measures_guessed and frozenset(plain_before) in _YEAR_ENDS \
            and figures_before[0].filters.departments == figures_before[1].filters.departments \
            and figures_before[0].filters.years == figures_before[1].filters.years \
            and names_no_entity(ev) and not ev.years:
        # 年初结转和结余多少？年末又是多少？增加了多少: the second figure against the first
        both = Frame("figures", [plain_before[1], plain_before[0]],
                     figures_before[1].filters.copy(), Operation("difference"), frame.clause, frame.score,
                     prev.open_department)
        both.derived_only = True
        return [both]
    named_before = [p for p in out[-2:] if p.focus == "projects" and len(p.filters.projects) == 1] \
        if len(out) >= 2 else []
    if len(named_before) == 2 and frame.operation.name in ("difference", "ratio", "sum", "compare") \
            and names_no_entity(ev) \
            and named_before[0].filters.projects[0].iri != named_before[1].filters.projects[0].iri:
        # A安排多少？B呢？两者差多少: the two projects just asked, together
        both = Frame("projects", ["amount"], named_before[0].filters.copy(), Operation(frame.operation.name),
                     frame.clause, frame.score, prev.open_department)
        both.filters.projects = [named_before[0].filters.projects[0], named_before[1].filters.projects[0]]
        both.derived_only = True
        return [both]
    if prev.focus == "projects" and frame.measures_guessed and re.fullmatch(
            r"(?:自评)?(?:得|是|打了?|拿了?)?(?:几|多少)分(?:呢)?", frame.clause):
        if "score" not in prev.measures:  # 得分最低的是哪个？几分: the score, shown with the project
            prev.measures = list(prev.measures) + ["score"]
        return []
    if prev.focus == "indicators" and prev.filters.projects and f.keywords and frame.focus == "projects" \
            and names_no_entity(ev):
        # 人工增雨要作业多少次？飞机租赁和火箭弹各多少钱: more of the same project's targets, by their words
        more = Frame("indicators", [], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                     prev.open_department)
        more.filters.keywords, more.filters.keyword_groups = list(f.keywords), [list(g) for g in f.keyword_groups]
        return [more]
    if prev.focus == "indicators" and re.search(r"部门整体|整体(?:绩效)?目标", frame.clause) \
            and names_no_entity(ev):
        # 办案经费项目的破案率目标多少？和部门整体目标一样吗: the department's own indicators of the same
        whole = Frame("indicators", [], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                      prev.open_department)
        whole.filters.projects, whole.filters.department_level = [], True
        return [whole]
    end = re.match(r"^(?:那|而)?(年初|年末|年底|年终)", frame.clause)
    if end and frame.measures_guessed and prev.focus == "figures" \
            and any(p.focus == "figures" and set(p.measures) & {"carryover_total", "carryover_year_end"} for p in [prev, *out]) \
            and names_no_entity(ev):  # (年初年末各多少？财政拨款的呢？年末为啥暴涨: the year-end asked first)
        # 年末结转结余涨到多少？年初才多少: the carry-over at the other end of the year
        frame.focus, frame.measures_guessed = "figures", False
        frame.measures = ["carryover_total" if end.group(1) == "年初" else "carryover_year_end"]
        return [frame]
    counted = _counted_parts(frame, ev, prev, vocab)
    if counted:  # 三公压了多少？三项各是多少，去年三项分别是多少: the parts of the figure just asked
        frame.focus, frame.measures, frame.measures_guessed = "figures", counted, False
        frame.named_measures = list(counted)
        return [frame]
    named_totals = [k for k in ev.item_measures if k in ("project_expenditure", "basic_expenditure",
                                                       "expenditure_total", "income_total", "general_public_budget")]
    if frame.focus == "findings" and prev.focus in ("subjects", "projects") and named_totals \
            and "sum" in {prev.operation.name, *prev.operation.also} and not (ev.subjects or ev.projects) \
            and not re.search(r"说明", prev.clause):  # (说明里列的几个项目加起来: the narrative's own list, checked)
        # 这几项各多少？加起来跟项目支出总额一样吗: the total named beside the sum just made
        return [Frame("figures", named_totals[:1], prev.filters.copy(), Operation("lookup", also=["previous_sum"]),
                      frame.clause, frame.score, prev.open_department)]
    return None


# 其余靠什么 / 剩下的呢 / 其他部分是什么钱: the rest of a whole after the part just asked
_REMAINDER = (r"(?:那|而)?(?:其余|剩下|剩余|余下|差额)(?:的|那)?(?:部分|块|钱|资金)?(?:靠|从|是|来自|用|由|呢)?"
              r"(?:什么|哪里|哪儿|哪|啥|多少)?(?:钱|来|资金|出|的)?(?:呢|的)?")


# a part asking every row of a breakdown (怎么分, 分别多少, 有哪些): a ranking asked after it keeps the rows
_BREAKDOWN_ASKED = r"怎么分|如何分|分到|分成|分为|分别|各(?:是|为|自)?多少|构成|明细|结构"


def share_context(frames: list[Frame], evidence: list, vocab=None) -> list[Frame]:
    """The parts after context is shared between them (see the module docstring). ``vocab`` (the
    question service's ``Vocabulary``) lets a part name a figure by the words that tell it from its
    siblings (see ``parts_of_previous``)."""
    out: list[Frame] = []
    frames, evidence = figures_beside_subjects(frames, evidence)
    frames, evidence = expenses_beside_functions(frames, evidence)
    for frame, ev in zip(frames, evidence):
        prev = out[-1] if out else None
        if prev is None:
            out.append(frame)
            continue
        f = frame.filters
        narrows = bool(re.search(L.NARROW_WORDS, frame.clause))
        if not f.departments and not frame.unknown:
            f.departments = list(prev.filters.departments)
            frame.open_department = prev.open_department
        if _THAT_YEAR.search(frame.clause) and not re.search(r"\d{2,4}\s*年", frame.clause) and prev.filters.years:
            f.years = list(prev.filters.years)  # 2018年…？当年基本支出又是多少: the year just named
            frame.year_of_previous = True
        if not f.years:
            f.years = _years_asked_before(out, frame)
        if frame.focus == "figures" and frame.measures_guessed and {"change", "growth"} & {frame.operation.name, *frame.operation.also} \
                and re.search(r"分别|各自|^各|两项|两个|都", frame.clause) and not (ev.departments or ev.projects or ev.subjects):
            # 买公务车花多少？养车呢？分别比上年涨了多少: the change of each figure the parts before asked one by one
            asked_before = []
            for p in reversed(out):
                if p.focus != "figures" or p.filters.departments != prev.filters.departments:
                    break
                asked_before = [k for k in p.measures if k not in asked_before] + asked_before
            if len(asked_before) >= 2:
                frame.measures, frame.measures_guessed = asked_before, False
                frame.filters.years = list(prev.filters.years)
                out.append(frame)
                continue
        if frame.focus == "figures" and ev.cues.has("income_breakdown") and re.search(L.INCOME_BESIDES, frame.clause) \
                and not ev.departments:
            # 上年结转结余有多少？收入还有哪些非财政拨款: the income's sources, not the carry-over just asked split
            out.append(frame)
            continue
        if frame.operation.name == "completion" and prev.focus == "subjects" and prev.filters.subjects \
                and re.search(r"去年|上年|上一年", frame.clause) and prev.filters.years \
                and not (ev.departments or ev.projects or ev.subjects or ev.years):
            # 信息化建设今年多少？去年实际执行了多少: the subject's year before (the 执行数 its statement gives), not
            # a completion rate of this year's budget
            before = Frame("subjects", list(prev.measures), prev.filters.copy(), Operation("list"), frame.clause,
                           frame.score, prev.open_department)
            before.filters.years = [min(prev.filters.years) - 1]
            out.append(before)
            continue
        if frame.focus == "projects" and prev.focus == "figures" and "project_expenditure" in prev.measures \
                and "share" in (frame.operation.name, *frame.operation.also) \
                and not (ev.projects or ev.departments or f.keywords or f.topics):
            # 基本支出和专项业务经费各多少？专项占多大比例: the 项目支出 just named, its share — not a list of projects
            share = Frame("figures", ["project_expenditure"], prev.filters.copy(), Operation("share"), frame.clause,
                          frame.score, prev.open_department)
            out.append(share)
            continue
        if prev.focus == "figures" and prev.measures and all(k.startswith("three_public.") for k in prev.measures) \
                and re.search(_WHICH_PART_CHANGED, frame.clause) and not (ev.departments or ev.projects or ev.subjects):
            # 三公经费里出国经费多少？跟去年比哪项变了: every part of the family with the change it states
            changed = Frame("figures", list(THREE_PUBLIC_FAMILY), prev.filters.copy(), Operation("change"),
                            frame.clause, frame.score, prev.open_department)
            out.append(changed)
            continue
        if frame.focus == prev.focus == "subjects" and f.amount_scope is None and prev.filters.amount_scope \
                and f.scheme in (None, prev.filters.scheme) and not ev.departments:
            f.amount_scope = prev.filters.amount_scope  # 一般公共预算按经济分类怎么分？工资福利占多少: that table's
        if re.search(r"这个项目|该项目|这个专项|此项目|这一项目", frame.clause) and not f.projects and not ev.projects:
            # 占这个项目的几成: the project the question named before
            named = next((p.filters.projects for p in reversed(out) if len(p.filters.projects) == 1), [])
            f.projects = list(named)
        if prev.focus == "indicators" and frame.focus in ("indicators", "figures") and not ev.indicator_kinds \
                and not ev.projects and not ev.departments and not ev.item_measures \
                and (re.match(r"(?:那|这些|它们)?(?:各|分别|都)", frame.clause) or re.fullmatch(
                    r"(?:其|它们的|这些指标的)?(?:目标值|指标值|权重|分值|目标|标准)(?:[和、与及](?:目标值|指标值|权重|分值|目标|标准))*"
                    r"(?:各|分别|都)?(?:是|为|定了?|占)?(?:多少|几)?(?:分|个点)?(?:呢|啊|吗)?", frame.clause)):
            prev.clause = f"{prev.clause}；{frame.clause}"  # (what it asks of them — 权重 — read with the list)
            continue  # 数量指标有哪些？各定了多少 / 目标值和权重各是多少: the targets and weights the list just gave
        if prev.focus == "indicators" and prev.filters.projects and frame.focus == "staff" \
                and not (ev.projects or ev.departments or ev.staff_measures and not re.search(r"多少人次|几人次", frame.clause)) \
                and re.search(r"人次|户次|场次|多少次|几次", frame.clause):
            # …各要求多少次？心理法律咨询多少人次: a target of the project just asked, not the department's headcount
            target = Frame("indicators", [], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                           prev.open_department)
            target.filters.keywords = list(f.keywords)
            out.append(target)
            continue
        if prev.focus == "figures" and len(prev.measures) == 1 and vocab is not None and vocab.children(prev.measures[0]) \
                and prev.operation.name == "completion" and not (ev.departments or ev.projects or ev.item_measures) \
                and re.search(r"哪(?:一)?(?:项|个|块)|[两二三四五几]项(?:里|中|当中)?", frame.clause) \
                and re.search(r"最(?:低|高|少|多|差|好|慢|快)", frame.clause) \
                and not (ev.subjects or re.search(r"科目|[类款项]级", frame.clause)):  # (哪个项级科目: the subjects')
            # 三公完成率多少？三项里哪项执行得最低: each part's completion, the lowest (or highest) named
            parts_done = Frame("figures", [k for k in vocab.children(prev.measures[0]) if k != prev.measures[0]],
                               prev.filters.copy(), Operation("completion", also=["rank"],
                                                              descending=not re.search(r"最(?:低|少|差|慢)", frame.clause)),
                               frame.clause, frame.score, prev.open_department)
            out.append(parts_done)
            continue
        if prev.focus in ("figures", "subjects") and len(out) >= 2 and not (ev.departments or ev.projects or ev.item_measures) \
                and re.fullmatch(_REMAINDER, frame.clause):
            # 总共多少？其中财政一般公共预算给了多少，其余靠什么: the whole less the part, of the two figures just asked
            rest = Frame(prev.focus, list(prev.measures), prev.filters.copy(), Operation("difference", also=["remainder"]),
                         frame.clause, frame.score, prev.open_department)
            rest.derived_only = True
            out.append(rest)
            continue
        if re.fullmatch(r"(?:那)?(?:能|可以|可不可以|能不能|能否)(?:从|根据|用|按|由|拿)?[^，,。？?]{0,16}?(?:算|推|倒推|推算|得|看)出(?:来)?(?:吗|么|嘛|不)?",
                        frame.clause) and not (ev.departments or ev.projects or ev.item_measures):
            # …2023年是多少？能从2024年的说明里算出来吗: whether the figure just asked is derived — the part
            # before answers it with its formula, nothing more is asked
            prev.clause = f"{prev.clause}；{frame.clause}"
            continue
        if prev.measures and all(m.startswith("word:") for m in prev.measures) and not (ev.projects or ev.departments) \
                and re.fullmatch(r"(?:那)?(?:每家|每个|每户|每人|每所|各家|各自|分别|各)(?:企业|单位|学校)?(?:各)?(?:是|有|给了?|补了?|拿了?|分了?)?"
                                 r"多少(?:钱|万元|万)?", frame.clause):
            continue  # 补给了哪些企业，每家多少: the same detail the part before found the documents do not hold
        if prev.focus == "projects" and ("score" in prev.measures or prev.filters.self_evaluated) \
                and score_bound(frame.clause) is not None and not (ev.projects or ev.departments) \
                and re.search(r"几个|多少个|几项|多少项|哪些|哪几", frame.clause):
            # 哪个分数最低？几个满分: a count of the projects just ranked whose score is in that bound
            counted = Frame("projects", ["score"], prev.filters.copy(), Operation("list", also=["count"]),
                            frame.clause, frame.score, prev.open_department)
            counted.filters.score_bound = score_bound(frame.clause)
            out.append(counted)
            continue
        if prev.focus == "subordinates" and frame.focus in ("subordinates", "figures") and frame.measures_guessed \
                and not (ev.departments or ev.projects or ev.item_measures) \
                and re.search(r"(?:每家|各家|每个单位|各单位|每一家|各自)[^，。？?]{0,4}(?:多少钱|钱|经费|预算|金额)", frame.clause):
            # 包括几个单位？各单位多少钱: the money of each unit just counted (its 收入总计), not the count again
            unit_money = Frame("figures", ["income_total"], f.copy(), Operation("lookup"), frame.clause, frame.score,
                               prev.open_department)
            unit_money.filters.by_unit = True
            out.append(unit_money)
            continue
        continued = _continued(frame, ev, prev, out, vocab)
        if continued is not None:
            out.extend(continued)
            continue
        if prev.focus == "projects" and "funding" in prev.measures and not (ev.projects or ev.departments or ev.subjects) \
                and re.search(r"(?:记|列|放|归|算)在哪(?:个|些|一)?(?:类|款|项)?(?:科目)?|哪个科目|什么科目", frame.clause):
            continue  # 用的是什么钱？记在哪个科目: the funding answer says the subject that money is listed under
        if prev.focus == "findings" and re.match(r"(?:比如|例如|譬如|像是?|诸如|包括)", frame.clause) \
                and not ev.departments:
            # 有没有算不拢的地方？比如财政拨款总额、委托业务费增幅: the check's examples, not figures asked anew
            prev.clause = f"{prev.clause}；{frame.clause}"
            continue
        paid = _projects_the_carry_over_pays(frame, ev, prev)
        if paid is not None:
            out.append(paid)
            continue
        columns = _columns_of_the_subject_before(frame, ev, prev)
        if columns:
            # 委托业务费一共多少？基本支出和项目支出里各有多少: the subject just asked, column by column
            again = Frame("subjects", list(prev.measures), prev.filters.copy(), Operation("list"), frame.clause,
                          frame.score, prev.open_department)
            again.filters.columns, again.filters.column = columns, columns[0]
            out.append(again)
            continue
        if frame.focus == "findings" and prev.focus == "findings" and prev.filters.departments == f.departments \
                and (names_no_entity(ev) and not (ev.years or ev.amounts)):
            # 对得上吗？哪里写错了: the same check, its findings already named by the part before; a figure
            # it states (加起来是不是474.56) is the check's too
            prev.clause = f"{prev.clause}；{frame.clause}"
            continue
        if frame.focus == "findings" and prev.focus in ("projects", "subjects", "indicators") and re.search(L.AUDIT_SUM, prev.clause) \
                and any(re.search(rx, prev.clause) for _, rx in L.AUDIT_PARTS) and re.search(L.AGREEMENT_ASKED, frame.clause):
            # 按功能分类几类支出相加，与本年支出合计有没有出入: the first piece names the parts added up, the
            # second what they are checked against — one check, not a breakdown beside it
            frame.clause = f"{prev.clause}；{frame.clause}"
            out[-1] = frame
            continue
        if frame.focus == "findings" and prev.focus in ("figures", "subjects") and \
                not (ev.item_measures or ev.subjects or ev.projects) and not re.search(r"前后|两处|矛盾", frame.clause):
            # 财政拨款收支总计写的是多少？和表里对得上吗: the check is of the figure the part before named
            frame.clause = f"{prev.clause}；{frame.clause}"
        if frame.focus == "findings" and prev.focus == "projects" and not prev.filters.projects \
                and not (ev.projects or ev.subjects) and not prev.derived_only:
            # 说明里列的几个项目钱数，加起来对得上项目支出总额吗: the first piece says what is checked; it
            # asks no list of projects of its own
            frame.clause = f"{prev.clause}；{frame.clause}"
            out[-1] = frame
            continue
        if frame.operation.name == "share" and prev.focus == "indicators" and not prev.filters.projects \
                and {"count", "sum"} & {prev.operation.name, *prev.operation.also} and names_no_entity(ev) \
                and not (ev.item_measures or ev.subjects or ev.projects) and frame.measures_guessed:
            # 纳入绩效目标管理的项目有多少个？涉及多少资金，覆盖比例多少: the share of that money, not of a
            # figure the part did not name
            prev.operation.also = list(dict.fromkeys(prev.operation.also + ["share"]))
            prev.clause = f"{prev.clause}；{frame.clause}"
            continue
        if prev.focus == "projects" and re.search(L.FITS_WITHIN, frame.clause) and not (ev.projects or ev.subjects):
            # 这些钱在本级预算里装得下吗: the budget's own totals beside the projects' sum just given
            within = prev.filters.copy()
            within.bound, within.topics, within.keywords, within.keyword_groups = None, [], [], []
            out.append(Frame("figures", ["expenditure_total", "project_expenditure"], within, Operation("lookup"),
                             frame.clause, frame.score, prev.open_department))
            continue
        if prev.focus == "projects" and {"count", "sum"} & {prev.operation.name, *prev.operation.also} \
                and "count" in {frame.operation.name, *frame.operation.also} and re.search(L.OWN_OFFICE, frame.clause) \
                and not (ev.projects or ev.subjects or ev.units):
            # 一共几个项目？局本级自己占了几个: of those projects, the ones the department carries out itself
            own = Frame("projects", list(prev.measures), prev.filters.copy(), Operation("count", also=["sum"]),
                        frame.clause, frame.score, prev.open_department)
            own.filters.own_unit = True
            out.append(own)
            continue
        if prev.focus == "projects" and {"count", "sum"} & {prev.operation.name, *prev.operation.also} \
                and re.search(L.OTHER_UNITS, frame.clause) and not (ev.projects or ev.subjects or ev.units):
            # 一共几个项目？其中几个是下属中心承担的，合计多少: of those projects, the ones its units carry out
            others = Frame("projects", list(prev.measures), prev.filters.copy(), Operation("count", also=["sum", "list"]),
                           frame.clause, frame.score, prev.open_department)
            others.filters.other_units = True
            out.append(others)
            continue
        if frame.focus == "figures" and prev.focus in PROFILE_FOCUSES and re.fullmatch(L.VEHICLES_HELD, frame.clause):
            # 有没有下属单位和公车: the cars held, asked beside the units, not their 三公 money
            frame.focus, frame.measures, frame.operation = "assets", [], Operation("list")
            out.append(frame)
            continue
        if f.phase is None:
            f.phase = prev.filters.phase
        if not f.phases:
            f.phases = list(prev.filters.phases)
        funded = [m for m in prev.measures if m in L.SPLIT_FUNDING] if prev.focus == "figures" else []
        if frame.focus == "projects" and funded and len(funded) == len(prev.measures) and not f.funding \
                and not (ev.projects or ev.subjects or f.topics or f.keywords):
            # 政府性基金和国有资本经营预算各安排了多少？分别用于什么项目: the projects those funds pay for,
            # each kind in turn (none where the kind is nil — never every project in their place)
            for key in funded:
                of_kind = Frame("projects", list(frame.measures), f.copy(), frame.operation, frame.clause, frame.score,
                                frame.open_department)
                of_kind.filters.funding = key
                out.append(of_kind)
            continue
        base = frame.operation.base or (frame.measures[0] if frame.measures and not frame.measures_guessed
                                        and re.search(r"占", frame.clause) else None)
        if frame.focus == "figures" and {"share", "sum"} & {frame.operation.name, *frame.operation.also} and base \
                and (prev.focus == "subjects" and (prev.filters.subjects or prev.operation.name == "rank")
                     or prev.focus == "projects" and prev.operation.name == "rank") \
                and not (ev.subjects or ev.projects) and re.search(L.SUM_OF_THOSE + r"|^合计|^总共|^一共", frame.clause):
            # 商业流通和涉外发展各多少？两项合起来占一般公共预算多少 (最大的两个项级科目是什么？合起来占…;
            # 最多的两个项目是啥？合计占项目支出多少): the rows' sum — the ones named, or the ones just
            # ranked — as a share of the base
            ranked = prev.operation.name == "rank"
            together = Frame(prev.focus, list(prev.measures), prev.filters.copy(),
                             Operation("rank" if ranked else "sum", n=prev.operation.n,
                                       explicit_n=prev.operation.explicit_n, descending=prev.operation.descending,
                                       also=["sum", "share"] if ranked else ["share"], base=base),
                             frame.clause, frame.score, prev.open_department)
            out.append(together)
            continue
        if frame.focus == "figures" and prev.focus == "projects" and prev.filters.projects and frame.measures \
                and all(m in CARRIED_FIGURES for m in frame.measures) and not (ev.departments or ev.projects) \
                and re.search(r"里面|其中|这笔|这个项目|该项目|有没有|有[^，。？?]{0,8}吗|多少是", frame.clause):
            # 信访综合保障经费一共多少？里面有上年结转吗: that project's own carry-over line, not the department's
            out.append(Frame("projects", ["funding"], prev.filters.copy(), Operation("list"), frame.clause, frame.score,
                             prev.open_department))
            continue
        if frame.focus == "figures" and f.sources and prev.focus == "subjects" and prev.filters.subjects \
                and not f.subjects and not ev.departments \
                and (prev.filters.sources or re.search(r"各|分别|其中|出了?多少|占", frame.clause)):
            # …这一项一共多少钱？财政拨款和事业收入各出多少 (污染防治里财政拨款多少，上年结转多少): the
            # sources of the subject just asked
            frame.focus, f.subjects, f.scheme = "subjects", list(prev.filters.subjects), prev.filters.scheme
            out.append(frame)
            continue
        if frame.focus == "subjects" and frame.operation.name == "share" and prev.focus == "subjects" \
                and prev.filters.amount_scope and not f.amount_scope and not frame.operation.base \
                and not (ev.departments or ev.share_base or ev.item_measures):
            # 财政拨款按功能分类怎么分？一般公共服务占多少: the row's share of the same table's whole (财政拨款's), not
            # of the all-funds 支出总计
            f.amount_scope = prev.filters.amount_scope
        if frame.operation.name == "share" and not frame.operation.base and prev.focus == "figures" \
                and prev.operation.name == "rank" and len(prev.measures) == 1 and names_no_entity(ev) \
                and vocab is not None and len(vocab.children(prev.measures[0])) >= 2 \
                and not (ev.item_measures or ev.subjects or ev.projects or ev.share_base):
            # 三公经费大头是哪块？占多少: the share of the part just ranked first, which that answer says
            continue
        if prev.focus == "subordinates" and frame.focus == "figures" and not (ev.departments or ev.projects) \
                and re.search(r"每家|各家|每个单位|各单位|每一家|各自|分别", frame.clause):
            f.by_unit = True  # 由哪几家单位组成？每家收入多少: the figure of each of those units
        if frame.focus == "subordinates" and prev.focus == "figures" and prev.measures \
                and {"share", "sum"} & {frame.operation.name, *frame.operation.also} \
                and not (ev.item_measures or ev.departments):
            # 上年结转结余多少？两个下属单位和本级各占多少: the figure just asked, of each budget unit
            f.by_unit = True
            frame.focus, frame.measures_guessed = "figures", True
        if f.by_unit and frame.measures_guessed and prev.focus == "figures" and prev.measures \
                and not (ev.item_measures or ev.departments):
            # …上年结转结余多少？分别落在哪几个单位: the figure just asked, of each budget unit
            frame.measures, frame.operation = list(prev.measures[:1]), Operation("list")
            out.append(frame)
            continue
        source = source_asked(prev)
        if source and frame.focus == "figures" and not (f.subjects or f.projects or ev.subjects or ev.projects) \
                and set(f.sources) <= {source} and re.search(L.SOURCE_USE, frame.clause):
            # 事业收入多少？这笔钱列在哪个科目、是基本支出还是项目支出 / 多少、干什么用、比上年多了多少:
            # the subjects that source pays for, then what else the clause asks of the figure
            uses = Frame("subjects", [], f.copy(), Operation("list"), frame.clause, frame.score, frame.open_department)
            uses.filters.sources = [source]
            out.append(uses)
        against = difference_with_earlier(frame, out) or difference_with_named_year(frame, prev) \
            or difference_between_named(frame, ev, prev)
        if against is not None:  # …26年预算又是多少，比24年实际多多少: this year's figure against that part's
            out.append(against)
            continue
        named = parts_of_previous(frame, ev, prev, vocab)
        if named:
            frame.measures = named
            f.keywords, f.keyword_groups = [], []
            if frame.operation.name == "share" and not frame.operation.base:
                frame.operation.base = vocab.share_base(named[0]) or vocab.measures[named[0]].broader
            out.append(frame)
            continue
        if frame.measures_guessed and frame.operation.name in ("lookup", "list") and prev.focus == "figures" \
                and prev.measures and re.search(L.EXACT_FIGURE, frame.clause) \
                and not (ev.departments or ev.projects or ev.subjects or ev.years):
            # 有上年结转结余吗？报表里精确到多少: the figure just asked, as the table prints it
            prev.exact_asked = True
            continue
        if frame.measures_guessed and _grown_by_times(frame) and not ev.departments and (
                (prev.focus == "figures" and prev.measures) or (prev.focus == "subjects" and prev.filters.subjects)):
            frame.operation = Operation("growth")  # 年末结转结余多少，涨了几倍: its change, as a rate
        if frame.measures_guessed and frame.operation.name in ("lookup", "list", "change") and re.search(L.REASON_ASKED, frame.clause) \
                and prev.focus == "subjects" and prev.filters.subjects and (ev.years or re.search(RELATIVE_YEAR, frame.clause)) \
                and not (ev.departments or ev.projects or ev.subjects):
            # 公共交通运营补助多少？为什么今年少这么多: the subject just asked, its stated change and why (a year
            # said in the why keeps it from the plain follow-up below, which takes a clause naming none)
            why = Frame("subjects", list(prev.measures), prev.filters.copy(), Operation("change"), frame.clause,
                        frame.score, prev.open_department)
            why.filters.years = [y + 1 for y in prev.filters.years] if prev.of_previous or prev.derive_previous \
                else list(prev.filters.years)
            out.append(why)
            continue
        if frame.focus == "projects" and prev.focus == "figures" and prev.measures \
                and {"change", "growth"} & {prev.operation.name, *prev.operation.also} \
                and re.search(r"(?:因为|由于|原因是?|归因于)[^，。？?]{0,4}(?:什么|哪个|哪些|哪几个|哪一个)(?:项目|专项)", frame.clause) \
                and not (ev.departments or ev.projects or ev.subjects):
            # 比2025年多了多少？增加主要因为什么项目: the reason the change just asked states (which names it)
            prev.reason_asked = True
            continue
        if frame.measures_guessed and frame.operation.name in ("lookup", "list", "change") and re.search(L.REASON_ASKED, frame.clause) \
                and prev.focus == "figures" and prev.measures and not (ev.departments or ev.projects or ev.subjects):
            # 年初、年末结转结余各多少？为什么年底剩那么多: why that figure is what it is — its stated change
            measures = _measures_named_by_time(prev.measures, frame.clause, vocab) or \
                _changed_figures(prev, out[:-1], vocab, frame.clause)
            if {"change", "growth"} & {prev.operation.name, *prev.operation.also} and measures == prev.measures:
                prev.reason_asked = True  # 比上年少了多少？主要少在哪: the change just asked says its why
                continue
            why = Frame("figures", measures, prev.filters.copy(), Operation("change"), frame.clause, frame.score,
                        prev.open_department)
            why.reason_asked = True
            out.append(why)
            continue
        if frame.measures_guessed and frame.operation.name == "completion" and prev.focus == "figures" \
                and prev.measures and not ev.departments and _own_content(frame, ev):
            # 财政拨款支出决算多少？完成年初预算的百分之多少: the completion of the figure just asked (a clause
            # that names its base, 年初预算, has content of its own; one that does not is derived below)
            frame.measures, frame.filters = list(prev.measures), prev.filters.copy()
            out.append(frame)
            continue
        if frame.measures_guessed and frame.operation.name in ("growth", "change") and prev.focus == "figures" \
                and {"carryover_total", "carryover_year_end"} <= set(prev.measures) and not ev.departments \
                and not re.search(r"比上年|较上年|同比|去年|上年", frame.clause):
            # 年初结转结余多少？年末呢？增加了多少: the year's two ends against each other, not a stated change
            ends = Frame("figures", ["carryover_year_end", "carryover_total"], prev.filters.copy(), Operation("difference"),
                         frame.clause, frame.score, prev.open_department)
            ends.derived_only = True
            out.append(ends)
            continue
        if frame.measures_guessed and frame.operation.name in ("growth", "change") and prev.focus == "figures" \
                and prev.measures and not ev.departments:  # 三公多少？为啥比上年增加: the change of the figure just asked
            measures = list(prev.measures) if _change_of_the_share_just_said(ev, prev) \
                else _changed_figures(prev, out[:-1], vocab, frame.clause)
            later = list(f.years) if re.search(r"去年|上年|前年|上一年", prev.clause) and not ev.years else []
            frame.measures, frame.filters = measures, prev.filters.copy()  # 比25年: the baseline, not the year asked
            if later:  # 三公多少？上年是多少？降幅多少: the change of the year asked first, its own document's
                frame.filters.years = later
            frame.filters.excluding = f.excluding  # 扣掉中央基建后又是增是减: that comparison of the same figure
            out.append(frame)
            continue
        if frame.measures_guessed and frame.operation.name in ("growth", "change") and prev.focus == "subjects" \
                and prev.filters.subjects and not ev.departments and ev.years in ([], prev.filters.years) \
                and not {"growth", "change"} & {prev.operation.name, *prev.operation.also}:
            # 会议费、培训费各多少？比上年各减了多少 (26年比它涨了多少 after 25年's figure is that part's own)
            out.append(change_of_subjects(frame, prev))
            continue
        if frame.operation.name in ("compare", "rank", "sort") and re.search(L.CHANGE_COMPARED, frame.clause) \
                and not (ev.departments or ev.item_measures or ev.subjects or ev.projects) \
                and prev.focus in ("figures", "departments") and prev.measures:
            # 各多少？谁压得多 / 比上年各减了多少？哪个减得多: the changes compared, not the figures
            if prev.operation.name in ("change", "growth") and prev.focus == "figures":
                prev.operation.also.append("compare")
                continue
            # a whole asked with its parts is compared on the whole's change (三公各是多少，谁降得多)
            measures = prev.measures[:1] if prev.focus == "departments" else \
                _changed_figures(prev, out[:-1], vocab, frame.clause)
            out.append(Frame("figures", measures, prev.filters.copy(), Operation("change", also=["compare"]),
                             frame.clause, frame.score, prev.open_department))
            continue
        if frame.measures_guessed and prev.focus in ("assets", "staff") and not (ev.departments or ev.years):
            if prev.focus == "staff" and frame.operation.name == "difference":
                prev.operation = Operation("difference")  # 编制多少？实有多少？还空着几个编: 编制 less 实有
            if prev.focus == "assets" and not re.search(PLANNED_WORDS, frame.clause):  # …特种用车多少，占比多少
                prev.clause = f"{prev.clause}；{frame.clause}"
            elif prev.focus == "assets" and not re.search(PLANNED_WORDS, prev.clause):
                # 有几辆车、多少台设备？今年买不买: the purchases planned of the same kinds, a part of its own
                frame.focus, frame.clause = "assets", f"{prev.clause}；{frame.clause}"
                frame.operation = Operation("list")
                out.append(frame)
            continue  # 啥类型的 / 哪家车多 after the vehicles: the previous part already shows it
        if _only_names(frame, ev) and prev.focus == "figures" and prev.measures and f.years and prev.filters.years \
                and f.years != prev.filters.years and re.search(_AGAINST_YEAR, frame.clause):
            # 收入预算多少？…跟25年比呢: the change of the figure just asked against that year
            frame.focus, frame.measures = "figures", prev.measures[:1]
            frame.operation = Operation("change")
            named = [y for y in f.years if y not in prev.filters.years]
            if named and (re.search(r"实际|决算|花(?:了|的|掉)|用(?:了|掉)", frame.clause)
                          or all(y != min(prev.filters.years) - 1 for y in named)):
                # 2026年三公经费…？跟2024年实际花的比呢: not the change the budget states against its year
                # before, but the figure of the question's first part in each year, the gap between them
                first = next((p for p in out if p.focus == "figures" and p.measures
                              and p.filters.departments == prev.filters.departments), prev)
                frame.measures = first.measures[:1]
                frame.operation = Operation("difference", also=["compare"])
                f.years = list(prev.filters.years) + named
                f.phase, f.phases = None, []
                out.append(frame)
                continue
            f.years = list(prev.filters.years)
            out.append(frame)
            continue
        if prev.focus == "subjects" and prev.filters.subjects and frame.measures_guessed \
                and re.search(L.UNITS_GETTING, frame.clause) \
                and (names_no_entity(ev) and not ev.units):
            # 其他财政事务支出分给了哪几块？局属几个中心各拿多少: the subject's stated parts, which name the
            # units they go to (the part before shows them), not every unit's income
            continue
        if prev.focus == "projects" and ev.units and re.search(r"呢$", frame.clause) and not (
                ev.projects or ev.subjects or ev.item_measures or ev.cues.has("op", "attribute")):
            # …有几个项目？统计监测中心呢: the same question of the projects that unit carries out
            frame.focus, frame.measures = prev.focus, list(prev.measures)
            frame.operation = prev.operation
            _inherit_filters(f, prev.filters)
            f.units, f.own_unit = [entity_ref(u) for u in ev.units], False
            out.append(frame)
            continue
        if not _own_content(frame, ev) and len(out) >= 2 and prev.focus == "subjects" and prev.operation.name == "list" \
                and not prev.filters.subjects and out[-2].focus == "figures" and out[-2].operation.name == "lookup" \
                and _another_year_only(frame, ev, out[-2]):
            # 政府性基金支出多少？用在哪个科目？2025年是多少: the figure asked first, of that year — the subjects
            # just listed were where it goes, not what the year is asked of
            prev = out[-2]
        if _only_names(frame, ev):  # 阿克苏地区生态环境局呢？: the same question of another department or year
            frame.focus, frame.measures = prev.focus, list(prev.measures)
            if tuple(prev.measures) == THREE_PUBLIC_FAMILY and not (ev.departments or ev.places) \
                    and not PARTS_ASKED.search(frame.clause):
                frame.measures = ["three_public.total"]  # 三公多少？上年是多少: the year before's total
            elif len(frame.measures) == 1 and vocab is not None and vocab.children(frame.measures[0]) \
                    and PARTS_ASKED.search(frame.clause):  # 去年多少？三项去年各是多少: its parts too
                frame.measures = [frame.measures[0], *[k for k in vocab.children(frame.measures[0]) if k != frame.measures[0]]]
            frame.operation = prev.operation
            frame.side_named = prev.side_named or side_of(prev.clause)
            _inherit_filters(f, prev.filters)
            out.append(frame)
            continue
        if prev.focus == "subjects" and prev.filters.subjects and re.search(r"细分|往下|下一级|再下", frame.clause) \
                and not (ev.subjects or ev.projects or ev.departments or ev.item_measures):
            # …各多少，再往下细分是哪些: the rows under the subjects just asked
            out.append(Frame("subjects", list(prev.measures), prev.filters.copy(), Operation("list"),
                             frame.clause, frame.score, prev.open_department))
            continue
        if _elliptical_subject(frame, ev) and "change" in {prev.operation.name, *prev.operation.also} \
                and prev.filters.subjects and prev.focus in ("subjects", "figures"):
            # 审计业务多少？比去年少了多少？行政运行呢: the other subject's figure and its change, as just asked
            subjects = Frame("subjects", ["total"], prev.filters.copy(), Operation("list"), frame.clause,
                             frame.score, prev.open_department)
            subjects.filters.subjects, subjects.filters.scheme = list(f.subjects), f.scheme
            out.append(change_of_subjects(frame, subjects))
            continue
        if _elliptical_measure(frame, ev) and prev.focus in ("figures", "staff") and frame.focus == prev.focus:
            frame.operation = Operation(prev.operation.name, base=prev.operation.base, also=list(prev.operation.also))
        share_of = re.search(r"占", frame.clause)
        if frame.focus == "subjects" and ev.cues.has("expenditure_breakdown") and prev.focus == "figures" \
                and prev.measures and prev.measures[0].startswith(("three_public.", "procurement.")) \
                and not (ev.subjects or ev.projects or ev.departments or ev.item_measures or ev.keywords or ev.topics):
            # 三公经费实际花了多少？花在哪: the family's own parts, not the department's functional subjects
            if vocab is not None and len(prev.measures) == 1:
                prev.measures += [k for k in vocab.children(prev.measures[0]) if k not in prev.measures]
            if "stated_use" not in prev.operation.also:
                prev.operation.also.append("stated_use")  # and what the narrative says each was spent on
            continue
        if frame.operation.name == "share" and prev.focus == "subjects" and prev.operation.name in ("rank", "sort") \
                and frame.focus == "subjects" and not (ev.projects or ev.departments) and share_of \
                and not ev.share_base and not re.sub(r"^(?:那|这|它|其|分别|各|大概|大约)+", "", frame.clause[:share_of.start()]) \
                and (not f.subjects or not prev.filters.subjects or f.subjects == prev.filters.subjects):
            # 公用经费里最大的一笔是什么？占整个公用经费（商品和服务支出）的百分之几: the rows just ranked,
            # each a share of the class the part names (the class they are rows of)
            if f.subjects and not prev.filters.subjects:
                prev.filters.subjects, prev.filters.scheme = list(f.subjects), f.scheme
            if "share" not in prev.operation.also:
                prev.operation.also.append("share")
            if re.search(L.LISTED_SUM, frame.clause) and "sum" not in prev.operation.also:
                prev.operation.also.append("sum")  # 合计占多少: the rows' sum, as a share
            continue
        if prev.focus in ("subjects", "projects") and prev.operation.name in ("rank", "sort") \
                and "share" in {frame.operation.name, *frame.operation.also} and re.search(L.RANKED_ROW, frame.clause) \
                and not (ev.projects or ev.departments or ev.subjects or ev.keywords or ev.topics) \
                and set(ev.item_measures) <= {ev.share_base}:
            # 支出最多的三个科目？最大那个占总支出多少: the rows just ranked, each a share of the base named
            # (第一名里贷款贴息占多少 names a part inside the first: asked of it, below)
            if "share" not in prev.operation.also:
                prev.operation.also.append("share")
            if re.search(L.LISTED_SUM, frame.clause) and "sum" not in prev.operation.also:
                prev.operation.also.append("sum")  # 合计占多少: the rows' sum, as a share
            prev.operation.base = ev.share_base or frame.operation.base or "expenditure_total"
            continue
        if frame.operation.name == "share" and ev.share_base and set(ev.item_measures) <= {ev.share_base}:
            if prev.focus in ("projects", "subjects") and not (ev.subjects or ev.projects):
                prev.operation.also.append("share")  # 占项目支出的比重 of the total just listed
                _share_of_each(prev, frame.clause)
                prev.operation.base = ev.share_base
                continue
            if prev.focus == "figures" and (prev.operation.name == "difference" or "difference" in prev.operation.also):
                derived = Frame("figures", [ev.share_base], prev.filters.copy(),
                                Operation("share", base=ev.share_base), frame.clause, frame.score, prev.open_department)
                derived.derived_only = derived.of_previous = True  # 多出来的部分占支出总计的多少
                out.append(derived)
                continue
            if prev.focus in ("indicators", "findings", "policies"):
                # 纳入绩效目标管理的项目几个、涉及多少钱？占总支出几成: the money that part stated, of the base
                derived = Frame("figures", [ev.share_base], prev.filters.copy(),
                                Operation("share", base=ev.share_base), frame.clause, frame.score, prev.open_department)
                derived.derived_only = derived.of_previous = True
                out.append(derived)
                continue
            if prev.focus == "figures":  # 上年结转结余一共多少？占全部收入多大比重？
                derived = Frame("figures", list(prev.measures), prev.filters.copy(),
                                Operation("share", base=ev.share_base), frame.clause, frame.score, prev.open_department)
                derived.derived_only = True
                out.append(derived)
                continue
        if frame.operation.name == "share" and not frame.operation.base and not ev.share_base and vocab is not None \
                and frame.focus == "figures" and len(frame.measures) == 1 and prev.focus == "figures" \
                and frame.measures[0] in prev.measures and len(prev.measures) >= 2:
            # 人员支出、日常公用、项目支出各多少？人员支出占多大比例: of the whole the figures listed make up
            # together (支出总计), not of the nearest whole of the one figure (基本支出)
            listed_whole = _whole_among(prev.measures, vocab)
            if listed_whole is not None and listed_whole in vocab.ancestors(frame.measures[0]):
                # 基本支出中人员经费和公用经费各多少？人员经费占几成: of the whole listed with them
                frame.operation.base = listed_whole
            common = _common_whole(prev.measures, vocab) if frame.operation.base is None else None
            if common is not None and common != vocab.share_base(frame.measures[0]):
                frame.operation.base = common
        if frame.operation.name == "share" and not frame.operation.base and not ev.share_base \
                and frame.focus in ("figures", "subjects") and prev.focus == "figures" \
                and (len(prev.measures) == 1 or prev.measures[0] in _WHOLES) \
                and prev.operation.name in ("lookup", "sum") and prev.measures[0] not in frame.measures \
                and not _other_side(frame.measures, prev, vocab):
            whole = re.match(r"^(?:其中)?(?:总)?(支出|收入)(?:里|中|当中|里面)", frame.clause)
            # X多少？Y占多大比例: Y's share of the X just asked — or of the whole the part names (支出里机动经费占多少)
            frame.operation.base = {"支出": "expenditure_total", "收入": "income_total"}[whole.group(1)] if whole \
                else prev.measures[0]
            if not whole and vocab is not None and len(prev.measures) >= 2:
                # 收入和支出总共多少？基本支出和项目支出各占多少: of the total on their own side, of the two asked
                own_side = [w for w in prev.measures if w in _WHOLES
                            and all(w in vocab.ancestors(m) for m in frame.measures)]
                if own_side:
                    frame.operation.base = own_side[0]
            frame.operation.base_of_context = not whole
            sibling = None if whole or vocab is None or not frame.measures or \
                prev.measures[0] in vocab.ancestors(frame.measures[0]) else \
                _common_whole([prev.measures[0], frame.measures[0]], vocab)
            if sibling is not None:  # 基本支出多少？项目支出占比多少: of the whole the two make up, not of the other
                frame.operation.base, frame.operation.base_of_context = sibling, False
        if prev.focus == "indicators" and prev.filters.department_level and frame.focus in ("indicators", "figures") \
                and _about_the_same(frame, ev):  # 这个指标权重多少 after a department's own targets
            frame.focus, f.department_level = "indicators", True
            if not re.search(L.OTHERS_ASKED, frame.clause):  # 还有哪些核心指标: the others, not the one just named
                f.keywords, f.keyword_groups = list(prev.filters.keywords), [list(g) for g in prev.filters.keyword_groups]
            f.core = prev.filters.core if f.core is None else f.core  # 目标值和权重各是多少 after 哪些是核心指标
            frame.operation = Operation("list")
            out.append(frame)
            continue
        if prev.focus == "indicators" and (frame.focus == "indicators" or frame.measures_guessed) \
                and not ([w for w in ev.keywords if not re.fullmatch(r"权重|目标值?|指标值", w)]
                         or ev.projects or ev.departments) \
                and not f.indicator_kinds and re.fullmatch(r"(?:那|这些|它们的?|其|各自的?)?(?:目标值?|指标值|权重)"
                                                           r"(?:和(?:目标值?|权重|实际完成(?:值|情况)?|实际))?"
                                                           r"(?:各|分别)?(?:是|定的?|为|占|完成了?)?(?:多少|几|多大|多高|多重|怎样|如何)(?:分)?",
                                                           frame.clause):
            # 质量指标有哪些？目标值各是多少: the indicators just listed say their targets and weights (and
            # what was achieved, asked so: 目标值和实际完成了多少)
            prev.clause = f"{prev.clause}，{frame.clause}"
            continue
        if prev.filters.projects and prev.focus == "projects" and re.search(r"目标|指标", frame.clause) \
                and frame.focus in ("figures", "staff", "indicators") and ev.keywords \
                and not (ev.projects or ev.departments or ev.subjects or ev.item_measures):
            # X项目多少钱？培训班次、培训人数的目标是多少: the targets of the project just named, not the
            # department's 人数
            frame.focus, f.projects = "indicators", list(prev.filters.projects)
            frame.measures = []
            frame.operation = Operation("list")
            out.append(frame)
            continue
        if prev.focus == "indicators" and prev.filters.projects and re.search(L.TARGET_ASK, frame.clause) \
                and not (ev.projects or ev.departments or ev.subjects or ev.item_measures) \
                and (ev.topics or any(re.sub(L.TARGET_ASK + r"|指标|各|分别", "", w) for w in ev.keywords)) \
                and (frame.focus in ("figures", "indicators")
                     or (frame.focus == "staff" and re.search(L.TARGET_COUNT, frame.clause))):
            # …的绩效目标里，专家评审要搞几次？信息系统运维成本上限多少 / 受益的有多少人: another target of the
            # project just named (not the staff of every department)
            frame.focus, f.projects = "indicators", list(prev.filters.projects)
            frame.operation = Operation("list")
            out.append(frame)
            continue
        if prev.filters.projects and _partly_another_project(frame, ev, prev):
            # 信息系统运维成本上限多少 / 关爱帮扶率要达到多少 right after a project was named: words only
            # like another project's name are the named project's own (its indicators), not that project
            f.projects = list(prev.filters.projects)
        if prev.filters.projects and _about_the_same(frame, ev, prev):
            # 钱具体怎么分的？整个合同多少钱？去年实际完成多少？: still the project just named
            f.projects = list(prev.filters.projects)
            if frame.score < 2.0 and prev.focus in ("indicators", "policies", "persons", "findings") \
                    and frame.operation.name != "per_capita" \
                    and not ev.cues.has("attribute", "description"):  # 金额怎么算出来的: the project itself
                # (人均多少 after a target in people: the project's money per head, computed)
                frame.focus = prev.focus  # 分别是啥 after the indicators asked: those indicators
                if not ev.keywords:  # 《人民信访》发行量各定了多少 names indicators of its own
                    f.keywords, f.keyword_groups = list(prev.filters.keywords), [list(g) for g in prev.filters.keyword_groups]
                f.indicator_kinds = f.indicator_kinds or list(prev.filters.indicator_kinds)
                f.department_level = prev.filters.department_level
                frame.operation = Operation("list")
            elif frame.focus not in ("indicators", "policies", "persons", "findings"):
                frame.focus = "projects"
                attrs = ev.cues.values("attribute")
                if ev.cues.has("income_breakdown") and "funding" not in attrs and "description" not in attrs:
                    attrs.append("funding")
                frame.measures = attrs or (["amount"] if frame.operation.name in ("sum", "count")
                                           else ["amount", "description"])  # 加起来多少: the amounts
            out.append(frame)
            continue
        if prev.focus == "projects" and frame.focus == "projects" and (prev.filters.categories or prev.filters.funding) \
                and not (f.categories or f.funding or f.projects or ev.projects or ev.topics or ev.keywords) \
                and re.search(r"哪(?:个|些|几个)项目|是哪(?:个|些|几)", frame.clause):
            # 有没有不靠财政拨款的项目？是哪个项目、多少: the projects of the set just asked about
            f.categories, f.funding = list(prev.filters.categories), prev.filters.funding
        if prev.focus == "projects" and frame.focus == "projects" and (prev.filters.keywords or prev.filters.topics) \
                and not (f.categories or f.funding or f.projects or ev.projects or ev.topics or ev.keywords
                         or ev.departments or ev.units) \
                and re.search(r"哪(?:个|些|几个)项目|是哪(?:个|些|几)|分(?:哪|几|成)", frame.clause):
            # 有没有农业普查的钱？分哪几个项目、合计多少: the projects of the topic just asked about
            f.keywords, f.keyword_groups = list(prev.filters.keywords), [list(g) for g in prev.filters.keyword_groups]
            f.topics, f.topic_text = list(prev.filters.topics), list(prev.filters.topic_text)
        if prev.focus == "projects" and frame.focus == "figures" and frame.measures_guessed and ev.units \
                and "count" in {frame.operation.name, *frame.operation.also} and not (ev.projects or ev.departments):
            # 一共几个项目？统计监测中心承担的有几个: the projects that unit carries out, counted
            frame.focus, frame.measures = "projects", list(prev.measures)
        if _counts_the_projects_just_found(frame, ev, prev):
            # 在口岸安检上花了多少钱？分几个项目，各多少: the projects of that topic counted, not every project
            prev.operation.also = list(dict.fromkeys(prev.operation.also + ["count", "sum"]))
            continue
        group = next((key for key, rx in L.GROUP_WORDS if re.search(rx, frame.clause)), None)
        if group and prev.focus == "projects" and (prev.operation.name in ("count", "sum") or
                                                   {"count", "sum"} & set(prev.operation.also)) \
                and not ev.projects and not ev.topics and frame.operation.name in ("count", "sum", "lookup"):
            prev.operation.group_by = group  # 一共几个？财政拨款的几个、非财政的几个: the same set, split
            continue
        if prev.focus == "findings" and re.search(L.STATED_FIGURE, frame.clause) \
                and not (ev.departments or ev.projects or ev.subjects or ev.years):
            # 对得上吗？加起来是不是474.56: a check of the figure stated, a part of its own
            out.append(Frame("findings", [], prev.filters.copy(), Operation("lookup"), frame.clause, frame.score,
                             prev.open_department))
            continue
        if prev.focus == "figures" and len(prev.measures) == 1 and vocab is not None \
                and "difference" in {prev.operation.name, *prev.operation.also} and vocab.children(prev.measures[0]) \
                and re.search(L.WHERE_IT_DIFFERS, frame.clause) and not (ev.departments or ev.item_measures):
            # 三公差多少？主要差在哪: each department's parts of that figure, side by side
            measures = [k for k in vocab.children(prev.measures[0]) if k != prev.measures[0]]
            out.append(Frame("figures", measures, prev.filters.copy(), Operation("lookup"), frame.clause, frame.score,
                             prev.open_department))
            continue
        if not _own_content(frame, ev) and prev.focus == "figures" and len(prev.measures) == 1 and vocab is not None \
                and prev.operation.name in ("change", "growth") and vocab.children(prev.measures[0]) \
                and re.search(L.EACH_PART + r"|^(?:那)?(?:各|分别)(?:是)?(?:多少|几)", frame.clause) \
                and not re.search(L.CHANGE_WORDS, frame.clause):
            # 三公为啥翻了一倍多？各项是多少: the amounts of the parts of the figure whose change was asked
            measures = [prev.measures[0], *[k for k in vocab.children(prev.measures[0]) if k != prev.measures[0]]]
            out.append(Frame("figures", measures, prev.filters.copy(), Operation("lookup"), frame.clause, frame.score,
                             prev.open_department))
            continue
        if not _own_content(frame, ev) and prev.focus == "figures" and prev.measures and vocab is not None \
                and re.search(RELATIVE_YEAR, frame.clause) and not re.search(RELATIVE_YEAR, prev.clause) \
                and re.search(L.EACH_PART + "|" + L.PARTS_OF + r"|怎么分|如何分", frame.clause):
            # 2025年的三公经费是多少？今年各项怎么分的: the figure just asked and its parts, of the year this
            # part names (resolved from 今年 like any relative year), not the year before's again
            measures = list(prev.measures) if len(prev.measures) > 1 else [prev.measures[0], *vocab.children(prev.measures[0])]
            of_year = Frame("figures", measures, prev.filters.copy(), Operation("lookup"), frame.clause, frame.score,
                            prev.open_department)
            of_year.filters.years = []
            out.append(of_year)
            continue
        if not _own_content(frame, ev) and _another_year_only(frame, ev, prev):
            # 三公多少？…25年这两项各是多少: the question just asked, of the year this part names (上年是多少
            # after the 三公 family: its total — the year before's parts are seldom stated)
            frame.focus, frame.measures = prev.focus, list(prev.measures)
            frame.side_named = prev.side_named or side_of(prev.clause)
            if tuple(prev.measures) == THREE_PUBLIC_FAMILY and not PARTS_ASKED.search(frame.clause):
                frame.measures = ["three_public.total"]
            elif len(frame.measures) == 1 and vocab is not None and vocab.children(frame.measures[0]) \
                    and PARTS_ASKED.search(frame.clause):  # 三公去年多少？三项去年各是多少: its parts, of that year
                frame.measures = [frame.measures[0], *[k for k in vocab.children(frame.measures[0]) if k != frame.measures[0]]]
            frame.operation = Operation(prev.operation.name, base=prev.operation.base, also=list(prev.operation.also))
            _inherit_filters(f, prev.filters)
            out.append(frame)
            continue
        other_funding = _funding_named(frame) if prev.focus == "projects" and prev.filters.funding \
            and frame.focus == "figures" and re.match(r"^(?:那|还有|另外)?(?:哪些|哪几个|哪几项|哪个|哪项)", frame.clause) \
            and not (ev.projects or ev.subjects or ev.topics or ev.keywords) else None
        if other_funding:
            # 哪些项目是政府性基金安排的？哪些用的是财政拨款以外的其他资金: the projects of the other funding
            f.funding, f.sources = other_funding, []
            frame.focus, frame.measures = "projects", ["amount"]
            frame.operation = Operation("list")
            out.append(frame)
            continue
        if prev.focus == "figures" and "carryover_year_end" in prev.measures and "carryover_total" in prev.measures \
                and re.search(L.AGAINST_YEAR_START, frame.clause) and not (ev.departments or ev.projects):
            # 年初和年末各多少？为什么年末比年初多: the year's end against its start, a part of its own
            out.append(Frame("figures", ["carryover_year_end"], prev.filters.copy(), Operation("change"), frame.clause,
                             frame.score, prev.open_department))
            continue
        if not _own_content(frame, ev):
            op = frame.operation.name
            if op == "derive" and prev.filters.years and frame.filters.years and \
                    set(frame.filters.years) == {y + 1 for y in prev.filters.years}:
                continue  # 2025年是多少？能从2026年的预算里推出来吗: the year it is derived from; the part before derives it
            if op == "derive" and (ev.years or re.search(RELATIVE_YEAR, frame.clause)) and prev.focus in ("subjects", "figures") and prev.filters.years \
                    and set(frame.filters.years) != set(prev.filters.years):
                # 2026年安排多少？能推出2025年是多少吗: what was just asked, of the year to derive (the year the
                # graph lacks is derived from the next budget's stated change by the executor)
                again = Frame(prev.focus, list(prev.measures), prev.filters.copy(), Operation(prev.operation.name),
                              frame.clause, frame.score, prev.open_department)
                again.filters.years = list(frame.filters.years)
                out.append(again)
                continue
            if op == "compare" and prev.focus == "figures" and prev.operation.name == "lookup" and _two_compared(prev):
                family_totals_across_departments([prev])  # 两家三公各多少？谁多: on the totals
            if op == "compare" and prev.focus == "figures" and prev.operation.name == "lookup" \
                    and len(prev.measures) == 1 and _two_compared(prev):
                # 两家各多少？哪个高: which is higher is said by the difference of the two figures
                frame.operation, op = Operation("difference"), "difference"
            elif op == "compare" and prev.focus == "figures" and prev.operation.name == "lookup" \
                    and 2 <= len([m for m in prev.named_measures if m in prev.measures]) <= 4 and _two_compared(prev) \
                    and names_no_entity(ev):
                # 两家的三公经费和机关运行经费分别是多少？谁高: the two compared on each figure named, in turn
                prev.measures = [m for m in prev.named_measures if m in prev.measures]
                prev.focus, prev.operation = "departments", Operation("compare")
                continue
            if frame.operation.explicit_n and not prev.operation.explicit_n and \
                    "rank" in {prev.operation.name, *prev.operation.also}:
                prev.operation.n, prev.operation.explicit_n = frame.operation.n, True  # 哪几个最低？列最低的三个
            if op == "rank" and prev.operation.name == "rank" and prev.focus in ("subjects", "projects", "departments") \
                    and frame.operation.descending != prev.operation.descending:
                # 哪个最多？哪个最少: the same rows ranked the other way, a part of its own
                other = Frame(prev.focus, list(prev.measures), prev.filters.copy(), frame.operation,
                              frame.clause, frame.score, prev.open_department)
                if not frame.operation.explicit_n:
                    other.operation.n, other.operation.explicit_n = prev.operation.n, prev.operation.explicit_n
                other.operation.also = [o for o in prev.operation.also if o not in ("count",)]
                out.append(other)
                continue
            if op in ("rank", "sort") and prev.focus == "figures" and len(prev.filters.departments) >= 2 \
                    and prev.measures:  # 几家的机关运行经费？谁最多: the departments just asked, ranked on it
                # (on each figure the part names where it names several: 总额和三公经费各多少？谁最高)
                named = [m for m in prev.named_measures if m in prev.measures]
                prev.focus, prev.measures, prev.operation = "departments", named if len(named) >= 2 else prev.measures[:1], \
                    frame.operation
                continue
            if op in ("rank", "sort") and prev.focus in ("projects", "subjects") and prev.operation.name == "list" \
                    and re.search(r"哪些|哪几|各|分别", prev.clause):
                # 哪几个项目做了自评？哪个得分最低 / 三项各多少？哪项涨得最多: the list asked, then the same rows ranked
                measures = prev.measures + (ev.cues.values("attribute") if prev.focus == "projects" else [])
                ranked = Frame(prev.focus, list(dict.fromkeys(measures)), prev.filters.copy(), frame.operation,
                               frame.clause, frame.score, prev.open_department)
                if prev.focus == "subjects" and re.search(L.CHANGE_VERBS, frame.clause) \
                        and "change" not in ranked.operation.also:
                    ranked.operation.also.append("change")  # ranked by their stated change
                out.append(ranked)
                continue
            if op in ("rank", "sort") and prev.focus in ("subjects", "projects") and prev.operation.name not in ("rank", "sort"):
                # 商品和服务支出多少？最大的两项是啥: the rows just asked for, ranked (the total still said)
                ranked = frame.operation
                if prev.operation.name not in ("lookup", "list") and prev.operation.name not in ranked.also:
                    ranked.also.append(prev.operation.name)
                if prev.focus == "subjects" and prev.operation.name == "list" and re.search(_BREAKDOWN_ASKED, prev.clause) \
                        and not re.search(r"最|前[\d一二两三四五六七八九十几]|排", prev.clause) and "breakdown" not in ranked.also:
                    ranked.also.append("breakdown")  # 按项级科目怎么分？最大的是哪个: every row, the largest named
                if prev.focus == "subjects" and re.search(L.CHANGE_VERBS, frame.clause) \
                        and "change" not in ranked.also:
                    ranked.also.append("change")  # 三项各多少？哪项涨得最多: ranked by their stated change
                ranked.also += [o for o in prev.operation.also if o not in ranked.also]
                prev.operation = ranked
                if prev.focus == "projects":  # 哪个得分最低，执行率多少: ranked by that figure, which is shown
                    prev.measures = list(dict.fromkeys(prev.measures + ev.cues.values("attribute")))
                continue
            if op in ("growth", "change") and prev.operation.name in ("growth", "change", "derive"):
                continue  # 压减后是多少 after a change: the change already shows the figure after it
            if op in ("difference", "ratio") and prev.focus in ("departments", "figures") and (
                    prev.operation.name in ("compare", "rank", "sort") or re.search(L.EXTREMES, prev.clause)) \
                    and (op == "difference" or prev.focus == "departments"):
                # 哪个多？差多少 / 谁最多、谁最少？差多少 / 最高的是最低的多少倍: the first and the last of
                # the ranking just made
                if op not in prev.operation.also:
                    prev.operation.also.append(op)
                continue
            whole = _whole_of_share(prev, vocab) if op == "sum" and prev.focus == "figures" and len(prev.measures) == 1 \
                else None
            if whole is not None and vocab is not None and whole in vocab.measures:
                # 出国费占了多少？总共多少: the whole the share was taken of, with its parts — not a sum of
                # the one figure just shown
                out.append(Frame("figures", [whole, *vocab.children(whole)], prev.filters.copy(), Operation("lookup"),
                                 frame.clause, frame.score, prev.open_department))
                out[-1].filters.subjects, out[-1].filters.scheme = [], None
                continue
            if op == "ratio" and prev.focus in ("figures", "departments") and prev.measures \
                    and len(prev.filters.departments) == 2:
                # 两家三公各是多少？差了多少倍: one's figure over the other's, a part of its own
                frame.filters = prev.filters.copy()
                out.append(frame)
                continue
            if op in DERIVED_OPERATIONS or op in ("growth", "change"):
                if prev.focus in ("figures", "departments", "staff") or \
                        (op == "difference" and prev.operation.name == "per_capita"):
                    measures = _changed_figures(prev, out[:-1], vocab, frame.clause) if op in ("growth", "change") \
                        else list(prev.measures)
                    whole = _whole_among(measures, vocab) if op == "share" and not frame.operation.base else None
                    if whole is not None:  # 本年收入、财政拨款、事业收入各多少？各占多少: shares of the whole named
                        frame.operation.base = whole
                        measures = [m for m in measures if m != whole]
                    focus = prev.focus
                    if op in ("growth", "change") and focus == "departments":
                        focus = "figures"  # 排个序，各比上年降了多少: each department's own change, not the ranking again
                    if frame.operation.base in measures:  # 其他收入有多少，占比多少: of its own whole, not itself
                        frame.operation.base, frame.operation.base_of_context = None, False
                    derived = Frame(focus, measures, prev.filters.copy(), frame.operation,
                                    frame.clause, frame.score, prev.open_department, False)
                    derived.derived_only = op in DERIVED_OPERATIONS
                    if op in ("growth", "change"):
                        derived.derived_only = False
                        # 三公多少？上年是多少？降幅多少: the change is the later year's, stated in its document
                        derived.filters.years = list(frame.filters.years) or derived.filters.years
                        if len(derived.filters.years) >= 2:
                            derived.operation.name = "growth"
                    if prev.operation.name == "share" and op == "share":
                        continue
                    out.append(derived)
                    continue
                if op in ("growth", "change") and prev.focus == "subjects" and not prev.filters.subjects \
                        and prev.filters.sources and len(out) >= 2 and out[-2].focus == "figures" and out[-2].measures:
                    # 政府性基金安排了多少，用在哪个科目？比上年涨了多少: the money's change, not its subjects'
                    source_part = out[-2]
                    out.append(Frame("figures", _changed_figures(source_part, out[:-2], vocab, frame.clause),
                                     source_part.filters.copy(), frame.operation, frame.clause, frame.score,
                                     source_part.open_department, False))
                    continue
                if op in ("growth", "change") and prev.focus == "subjects" and not prev.filters.subjects \
                        and len(prev.filters.sources) == 1 and vocab is not None \
                        and prev.filters.sources[0] in vocab.measures and re.search(L.SOURCE_USE, prev.clause) \
                        and not re.search(r"各|分别|每", frame.clause):
                    # 有1800万政府性基金，是干什么用的？比上年多了多少: that fund's change, not its subjects'
                    changed = Frame("figures", [prev.filters.sources[0]], prev.filters.copy(), frame.operation,
                                    frame.clause, frame.score, prev.open_department, False)
                    changed.filters.sources = []
                    out.append(changed)
                    continue
                if op not in prev.operation.also:
                    prev.operation.also.append(op)
                if op == "share" and prev.focus == "subjects" and len(prev.filters.subjects) >= 2 \
                        and re.search(L.LISTED_SUM, frame.clause) and "sum_share" not in prev.operation.also:
                    # 两项各多少？两者合计占多少: their sum, as a share too
                    prev.operation.also += [o for o in ("sum", "sum_share") if o not in prev.operation.also]
                if op == "share" and prev.operation.name in ("rank", "sort") and re.search(L.LISTED_SUM, frame.clause) \
                        and "sum" not in prev.operation.also:
                    prev.operation.also.append("sum")  # 最大的两个是什么？合计占多少: the rows' sum, as a share
                if op == "share":
                    _share_of_each(prev, frame.clause)
                if op == "share" and ev.share_base and not prev.operation.base:
                    prev.operation.base = ev.share_base  # 占部门预算几成 of what the part before counted
                continue
            named = re.search(L.EXISTENCE_OF_NAMED, frame.clause) if prev.focus in ("divisions", "subordinates") else None
            if named:  # 有多少个内设机构？有没有电子数据审计处: that one looked for among them, not the whole list
                prev.filters.looked_for.append(named.group("thing"))
                continue
            if "list" not in prev.operation.also and prev.operation.name == "count":
                prev.operation.also.append("list")  # 几个？分别是哪些: the count's rows are asked for too
            if prev.focus == "projects":  # 有没有培训的项目？多少钱，谁来办: the found projects' unit too
                prev.measures = list(dict.fromkeys(prev.measures + ev.cues.values("attribute")))
            prev.reason_asked = prev.reason_asked or bool(re.search(L.REASON_ASKED, frame.clause))
            continue  # it asks for what the previous part already shows (原因是什么: the change's why)
        if narrows and frame.focus == prev.focus == "subjects" and prev.filters.subjects and not _rows_inside(frame, prev):
            # 工资福利支出多少？其中住房公积金多少: the 住房公积金 inside 301 (30113), not the functional 2210201
            inside = [s for s in ev.subjects if s.code and any(
                p.code and s.code != p.code and s.code.startswith(p.code) for p in prev.filters.subjects)]
            if inside:
                f.subjects, f.scheme = [entity_ref(s) for s in inside], prev.filters.scheme
        if narrows and _rows_inside(frame, prev) and prev.operation.name in ("list", "lookup") \
                and not re.search(L.PARTS_OF + r"|明细|哪些|哪几|分别|各", prev.clause):
            prev.own_figure = True  # 工资福利支出多少？其中奖金多少: the class's own figure, then the row inside it
        if frame.focus == prev.focus == "subjects" and not f.column and prev.filters.column == "basic" \
                and prev.filters.scheme == "economic" and f.scheme in (None, "economic") and not f.amount_scope \
                and not ev.cues.values("column") and not ev.item_measures:
            # 基本支出里对个人和家庭的补助有多少？工资福利支出多少: the next economic 类 of that 基本支出 too, not
            # the whole general budget's (泉州 表8 beside 表9)
            f.column = "basic"
        column = _column_narrowed(frame, ev, prev, narrows)
        if column:
            # 专项业务经费多少？其中商品和服务支出、资本性支出各多少: the subjects' rows in that figure's column
            frame.focus, frame.measures, f.column = "subjects", [column], column
        elif narrows and not (ev.item_measures or ev.staff_measures) and frame.focus != prev.focus:
            frame.focus = prev.focus
        if frame.focus == prev.focus == "subjects" and not (f.subjects or prev.filters.subjects or f.level) \
                and frame.operation.name in ("rank", "sort") and prev.operation.name == "list":
            f.level = prev.filters.level or 1  # 钱主要花在哪几类？排前三的是哪些: of the classes just listed
        if not f.subjects and frame.focus == prev.focus == "subjects":
            f.subjects, f.scheme = list(prev.filters.subjects), prev.filters.scheme
        if frame.focus == prev.focus == "subjects" and frame.operation.name == "share" and not frame.operation.base:
            # 工资福利支出多少？其中基本工资占几成: the share of the subject just asked, the one it is part of
            broader = [p.code for p in prev.filters.subjects for s in f.subjects
                       if p.code and s.code and s.code != p.code and s.code.startswith(p.code)]
            if broader:
                frame.operation.base = SUBJECT_BASE + broader[0]
            elif prev.operation.name == "list" and not prev.filters.subjects and prev.filters.column \
                    and f.column in (None, prev.filters.column) and frame.measures in ([], ["total"]):
                # 基本支出按经济分类各多少？工资福利支出占多大比重: a row of the breakdown just listed, of that
                # breakdown's whole (the column it was read from), not of 支出总计
                f.column, frame.measures = prev.filters.column, [prev.filters.column]
                frame.operation.base = COLUMN_BASE + prev.filters.column
        if not f.projects and frame.focus in ("projects", "indicators", "policies", "persons", "findings") and prev.filters.projects \
                and not (ev.topics or ev.keywords):
            f.projects = list(prev.filters.projects)
        elif (frame.focus == prev.focus == "projects" and re.search(r"哪(?:一)?(?:个|些)(?:项目|专项)", frame.clause)
              or frame.focus == "policies" and prev.focus == "projects" and not ev.policies) \
                and not (f.projects or ev.topics or ev.keywords or ev.projects) and (prev.filters.topics or prev.filters.keywords):
            # (冬季促消费的钱有几笔？依据哪些文件: the documents those projects cite, not every project's)
            # 有没有安排贴息的钱？放在哪个项目里: the projects that part found by its topic, not every project
            for name in ("topics", "topic_text", "keywords", "keyword_groups", "topic_groups"):
                setattr(f, name, list(getattr(prev.filters, name)))
        funding = FUNDING_OF_MEASURE.get(prev.measures[0]) if prev.focus == "figures" and len(prev.measures) == 1 else None
        if funding and frame.focus == "projects" and not (f.funding or f.projects or ev.topics or ev.keywords):
            f.funding = funding  # 上级转移支付有多少？花在哪个项目上: the projects that money funds
        source = source_asked(prev)
        if source and frame.focus == "subjects" and not (f.subjects or f.sources) \
                and re.search(L.SOURCE_USE, frame.clause):
            f.sources = [source]  # 政府性基金有多少？用在什么科目上: the subjects that source pays for
        if _new_money_beside_carried(frame, prev):
            # 用了多少上年结转？本年新拨的财政拨款又是多少: the two parts of 收入总计, the whole said beside —
            # of 财政拨款 where the question set the carry-over inside it (财政拨款里有多少是上年结转的)
            inside_fiscal = re.search(r"财政拨款(?:里|中|当中|里面)", prev.clause) and prev.measures == ["carryover_fiscal"]
            frame.measures = [*frame.measures, "fiscal_total" if inside_fiscal else "income_total"]
        if source == "carryover" and frame.focus == "projects" and not (f.sources or f.projects or ev.topics) \
                and re.search(L.SOURCE_USE + "|" + L.WHICH_PROJECTS, frame.clause):
            # (有多少财政拨款结转？是哪几个项目: the projects that carry-over is, not every project)
            f.sources = [source]  # 上年结转多少？放在哪个项目上: the projects the carry-over pays for
        if (_same(frame, prev) and not _another_count_of_units(frame, prev)
                and not (frame.focus == "projects" and ev.units)) or (frame.focus == prev.focus and frame.focus in ("staff", "assets")
                                  and f.departments == prev.filters.departments
                                  and not (frame.focus == "assets" and kinds_asked(frame.clause) - kinds_asked(prev.clause))
                                  # (有多少辆车？…要买几辆: the holdings, then the purchases — two parts)
                                  and not (frame.focus == "assets" and bool(re.search(PLANNED_WORDS, frame.clause))
                                           != bool(re.search(PLANNED_WORDS, prev.clause)))):
            prev.measures = list(dict.fromkeys(prev.measures + frame.measures))
            prev.named_measures = list(dict.fromkeys(prev.named_measures + frame.named_measures))
            prev.reason_asked = prev.reason_asked or bool(re.search(L.REASON_ASKED, frame.clause))
            if frame.focus == "assets" and prev.focus == "assets" and not re.search(PLANNED_WORDS, frame.clause):
                prev.clause = f"{prev.clause}；{frame.clause}"  # 一共多少辆车？特种用车多少，占比多少
            continue
        out.append(frame)
    return out


def _counted_back(clause: str) -> int:
    """How many parts back 这两项 / 这三个 / 这几项 reaches (几: all of the run)."""
    m = re.search(r"(?:这|那)?([两二三四五几])(?:项|个|条|者)", clause)
    return {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}.get(m.group(1), 10) if m else 10


_ORDINAL_ONLY = re.compile(r"^(?:那|那么)?(?:(?:排(?:在)?|位列|位居|倒数)?第[二三四五六七八九十\d]+(?:名|个|位|大|多|高)?[、和及与,，]?)+"
                           r"(?:的)?(?:项目|那个|那项)?(?:呢|是哪个|是哪些|是什么|是谁|分别是(?:哪个|哪些|什么)?|各是(?:哪个|什么)|"
                           r"又是(?:哪个|谁|什么))?[？?]?$")


def _ordinals_only(clause: str) -> list[int]:
    """The places a part asks and nothing else (第二第三呢, 排第二的是哪个): [2, 3]; [] for any other part."""
    if not _ORDINAL_ONLY.match(clause.strip()):
        return []
    return [n for n in (chinese_count(m) for m in re.findall(r"第([二三四五六七八九十\d]+)", clause)) if n]



def said_at(clause: str, label: str) -> int:
    """Where the clause names a thing by its label or the label's first characters (津贴 of 津贴补贴, 烟台 of
    烟台市财政局); far past the end where it does not."""
    label = re.sub(r"^\d+\s*", "", label)  # (a subject's code before its name)
    for size in range(len(label), 1, -1):
        at = clause.find(label[:size])
        if at >= 0:
            return at
    return len(clause) + 1
