"""What a project holds inside, as its description states it (``预决算管理业务18,808.16万元，主要包括：…
贴息资金10,000.00万元；市本级政府采购业务费3600.00万元…``): a part that asks inside the project the
part before named (里面…占多少, 其中…是多少) is answered from those stated items (``NarrativeFigure``
topic ``subitem``, ``bkg:partOf`` the project's name) — the same concept the records use for a
project's parts, never a figure of the department that shares a word (政府采购服务).

Each piece of the clause (parted by 、, 和, 及, commas) names the item whose label shares the most
two-character runs with it (at least two); 占 in the piece adds the item's share of the project.
"""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import replace

from nlp import derive as D
from nlp import lexicon as L
from nlp.execute.base import Context, Result, derived_item, figure_input, item_of, listed_sum_and_share, who
from nlp.execute.described_targets import shared_runs
from nlp.execute.units import printed_order
from nlp.frames import Frame
from nlp.lexicon import FAMILIES, MEASURE_WORDS
from nlp.patterns import compiled
from nlp.graph import Row
from nlp.sparql import Constraints
from nlp.numbers import chinese_count
from nlp.reply import Item, money

INSIDE_PREVIOUS = (r"^(?:那|那么)?(?:(?:这个项目)?(?:里面|里头|其中|这里面|这其中|当中|其内)"
                   r"|(?P<nth>第[一二三123](?:名|个|位)|排第[一二三123]的?)(?:这个项目)?(?:里面|里头|里|中|当中))")
_ORDINAL = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}
_PIECE_SPLIT = r"[，,、；;]|(?<!贷)和|及|以及|还有|另外"
_ASK_WORDS = r"(?:又|分别|各)?(?:占了?|是|有|安排了?|花了?)?(?:多少(?:钱)?|几成|百分之几|多大比例|比例)?[？?]?$"
_MIN_SHARED = 2
# Words that only weigh the item asked (光北京的房租就要多少: 光, 的, 就要), not name it.
_FILLER = r"^(?:光是?|单是?|仅仅?|只)|(?:就|都|还|也)?(?:要|得|需要)$|的"


def sub_items_of_previous(frame: Frame, ctx: Context, previous: Result | None) -> Result | None:
    """The stated items of the one project the part before answered, where the clause asks inside
    it; ``None`` where it does not ask so or the project states no items the clause names."""
    if previous is None or not re.match(INSIDE_PREVIOUS, frame.clause):
        return None
    projects = [r for r in previous.rows if r.iri and "/project/" in r.iri and r.amount is not None]
    nth = re.match(INSIDE_PREVIOUS, frame.clause).group("nth")
    if nth:  # 最大的三块是什么？第一名里贷款贴息占多少: the project ranked so just now
        n = _ORDINAL[re.search(r"[一二三123]", nth).group()]
        projects = projects[n - 1:n]
    figures = [r for r in previous.rows if r.amount is not None and not (r.iri and "/project/" in r.iri)]
    if len({(r.label, r.department, r.year) for r in projects}) == 1:
        project = projects[0]
        names = {project.label, *project.attrs.get("aliases", [])}  # a performance table names it by an alias
        parent_of = lambda parent: parent in names  # noqa: E731
    elif not projects and len({(r.key, r.department, r.year) for r in figures}) == 1 \
            and figures[0].key in ctx.vocab.measures and len(ctx.vocab.label(figures[0].key)) >= 4:
        # 机关运行经费多少？里面办公费、物业费各多少: the items the narrative lists under that figure
        project = replace(figures[0], label=ctx.vocab.label(figures[0].key))
        parent_of = lambda parent: project.label in (parent or "")  # noqa: E731
    else:
        return None
    budgets = [b for b in ctx.budgets() if (b.department, b.year) == (project.department, project.year)]
    inside = [r for r in ctx.rows("stated", budgets)
              if r.attrs.get("topic") == "subitem" and parent_of(r.attrs.get("parent")) and r.key == "current"]
    if not inside:
        return None
    clause = re.sub(INSIDE_PREVIOUS, "", frame.clause)
    items, derived, parts = [], [], []
    shared_with: dict[str, int] = {}  # item label -> index of its sentence in ``parts``
    for piece in (p for p in re.split(_PIECE_SPLIT, clause) if p.strip()):
        words = re.sub(_FILLER, "", re.sub(_ASK_WORDS, "", piece.strip()))
        if len(words) < 2:
            continue
        best = max(inside, key=lambda r: shared_runs(words, r.label))
        # a two-character word (房租) names an item by its one run
        if shared_runs(words, best.label) < min(_MIN_SHARED, len(words) - 1):
            continue
        if best.label in shared_with:  # 消费贷款和服务业贷款贴息占多少: two words of one item, its share asked
            if "占" in piece and not any(d.label.startswith(best.label) for d in derived):
                d = D.share(figure_input(best, best.label), figure_input(project, project.label),
                            f"{best.label}占{project.label}比例")
                if d is not None:
                    derived.append(d)
                    parts[shared_with[best.label]] += f"，占{project.label}（{money(project.amount)}万元）的{d.value}%"
            continue
        items.append(item_of(best))
        shared_with[best.label] = len(parts)
        said = f"{best.label}{money(best.amount)}万元"
        if "占" in piece:
            d = D.share(figure_input(best, best.label), figure_input(project, project.label),
                        f"{best.label}占{project.label}比例")
            if d is not None:
                derived.append(d)
                said += f"，占{project.label}（{money(project.amount)}万元）的{d.value}%"
        parts.append(said)
    if not items:
        return None
    text = f"{who(project.department, project.year)}“{project.label}”的说明列出：" + "；".join(parts) + "。"
    return Result(items, text, derived, inside)




# a count of things rather than money (多少户, 几笔贷款, 多少人): no stated item's amount answers it
_COUNT_NOT_MONEY = r"(?:多少|几)(?:户|笔|人次|人|家|名|位|个(?:人|单位|企业|项目))"
_MIN_NAMED = 4  # two-character runs a clause must share with an item's name to name it without its project
_NAMED_PART = 0.6  # … and that share of the item's own runs


def named_sub_items(frame: Frame, ctx: Context) -> Result | None:
    """A department figure asked with words that name one of its projects' stated items
    (给个人消费贷款和服务业经营主体贷款贴息安排了多少, 市本级政府采购业务费又是多少): that item, said with
    the project it is part of, rather than a total the words do not name (收入总计, 政府采购)."""
    f = frame.filters
    if re.search(_COUNT_NOT_MONEY, frame.clause):
        return None  # 能惠及多少户居民、多少笔贷款: a count of people or loans, which no item's money answers
    by_words = frame.focus == "projects" and bool(f.keywords or f.topics) and frame.operation.name in ("list", "sum")
    # 代理银行手续费安排了多少: a subject named (30204 手续费) with more words that, together with its
    # name, name a project's stated item — the item, not the economic row its name ends in
    by_subject_and_words = frame.focus == "subjects" and len(f.subjects) == 1 and bool(f.keywords) \
        and frame.operation.name in ("list", "lookup") and not f.projects
    # 预决算管理业务里，代理银行手续费和市本级政府采购业务费各多少: items named inside the project named
    inside_named = bool(f.projects) and frame.operation.name in ("list", "lookup", "sum")
    if not inside_named and (frame.focus != "figures" and not by_words and not by_subject_and_words
                             or (f.subjects and not by_subject_and_words) or f.projects):
        return None  # (给X安排了多少钱 read as X's projects: the item of a project X names, where one does)
    budgets, note = ctx.scope(frame)
    if len(budgets) != 1:
        return None
    stated = [r for r in ctx.rows("stated", budgets) if r.attrs.get("topic") == "subitem" and r.key == "current"]
    if not stated:
        return None
    projects = {name: r for r in ctx.rows("projects", budgets) if r.amount is not None
                for name in (r.label, *r.attrs.get("aliases", []))}  # a performance table names it by an alias
    named = []
    within = {p.name for p in f.projects} if inside_named else None
    clause = frame.clause
    for p in f.projects if inside_named else []:  # (the project's own name names none of its items)
        clause = clause.replace(p.name, "|")
    for r in stated:
        if r.attrs.get("parent") not in projects or within is not None and r.attrs.get("parent") not in within:
            continue
        # an item named by several words (个人消费贷款财政贴息、服务业经营主体贷款贴息资金) is named by
        # the question's words for any of them
        for piece in [r.label, *(p for p in r.label.split("、") if p != r.label)]:
            runs = {piece[i:i + 2] for i in range(len(piece) - 1)}
            shared = shared_runs(clause, piece)
            if shared >= _MIN_NAMED and shared >= _NAMED_PART * len(runs):
                named.append(r)
                break
    if by_subject_and_words and not inside_named:  # the item must hold the subject's name and every word left beside it
        subject = f.subjects[0].name
        named = [r for r in named if subject in r.label and all(w in r.label for w in f.keywords)]
    if not named:
        return None
    items, parts, derived = [], [], []
    op = frame.operation
    base_key = op.base if "share" in {op.name, *op.also} and op.base and op.base in ctx.vocab.measures else None
    base = ctx.rows("figures", budgets, Constraints(items=[base_key])) if base_key else []
    for r in named:
        project = projects[r.attrs["parent"]]
        items.append(item_of(r))
        parts.append(f"{r.label}{money(r.amount)}万元（列在“{project.label}”项目{money(project.amount)}万元之内）")
        if base:  # …安排了多少钱？占本级项目支出几成: the item's share of the figure named
            d = D.share(figure_input(r, r.label), figure_input(base[0], ctx.vocab.label(base_key)))
            if d is not None:
                derived.append(d)
                items.append(derived_item(d, of=ctx.vocab.label(base_key)))
                parts[-1] += f"，{d.formula}"
    text = f"{who(named[0].department, named[0].year)}：" + "；".join(parts) + "。"
    return Result(items, text, derived, named + [projects[r.attrs["parent"]] for r in named] + base)


# The items of a 会议费 / 培训费 its detail table lists (西安 培训费明细表), named by the kind of event and a
# measure word that counts events (几场培训, 哪场, 哪次会议, 第二贵的那期): the whole each item is part of.
EVENT_KINDS = (("培训费", r"培训"), ("会议费", r"会议?"))
EVENT_MEASURE = (r"(?:[几哪每各][一二两三四五六七八九十\d]{0,2}|第[一二三四五六七八九十\d]+)[一]?"
                 r"(?:场|期|次|个(?=培训|会议?)(?![\u4e00-\u9fff]{0,4}项目))")
# the events listed by a word asking which (会议费都开了哪些会, 安排了什么培训): no measure word needed; a bare
# 会 only where nothing follows it (哪些会计服务 asks no meetings)
EVENTS_LISTED = r"(?:哪些|哪几[个场次期]?|什么|啥)(?P<kind>会议|会(?![\u4e00-\u9fff])|培训)(?!费)"
# the people the events count, asked as a whole (培训一共多少人次, 参会多少人): their 人数 added up
PEOPLE_ASKED = r"(?:多少|几)(?:人次|人)|(?:人数|人次)(?:一共|总共|合计|共)?(?:是|有)?多少"
EACH_ASKED = r"[各每](?:个|场|期|次)?(?:花了?|要|是)?多少"
_PEOPLE_KINDS = (("培训费", r"培训|参训"), ("会议费", r"会议|参会"))


def _event_whole(clause: str) -> str | None:
    """The whole (培训费 / 会议费) a clause asks the events of: a measure word of events beside the kind,
    a word asking which events, or the people they count asked beside the kind named in full."""
    if re.search(EVENT_MEASURE, clause):
        return next((whole for whole, rx in EVENT_KINDS if re.search(rx, clause)), None)
    listed = re.search(EVENTS_LISTED, clause)
    if listed:
        return "培训费" if listed.group("kind") == "培训" else "会议费"
    if re.search(PEOPLE_ASKED, clause) and not re.search(r"项目|指标|目标|培养", clause):
        # (信访业务培训项目…培训多少人: a project's target, the indicators' answer)
        return next((whole for whole, rx in _PEOPLE_KINDS if re.search(rx, clause)), None)
    return None


def event_items(frame: Frame, ctx: Context, previous: Result | None) -> Result | None:
    """Meetings or trainings a budget lists one by one, ranked, the Nth, or added up: 哪场培训最贵,
    第二贵的呢, 一共多少钱 (the same items as the part before, where it answered them). ``None`` where the
    clause asks no such thing or the budget lists no such items."""
    whole = _event_whole(frame.clause)
    of_before = False
    again: list[Row] = []
    before = [r for r in (previous.rows if previous is not None else [])
              if r.attrs.get("topic") == "subitem" and r.attrs.get("parent") in dict(EVENT_KINDS)]
    op = frame.operation
    said_nth = re.search(r"第([一二三四五六七八九十\d]+)(?:贵|便宜|大|多|高|少|小|名)", frame.clause)
    nth = op.nth or (chinese_count(said_nth.group(1)) if said_nth else None)
    if whole is not None:
        budgets, _note = ctx.scope(frame)
        if len(budgets) != 1:
            return None
        rows = [r for r in ctx.rows("stated", budgets)
                if r.attrs.get("topic") == "subitem" and r.attrs.get("parent") == whole and r.key == "current"
                and r.amount is not None]
    elif before and (op.name in ("rank", "sum") or nth is not None or "sum" in op.also
                     or re.search(PEOPLE_ASKED + "|" + EACH_ASKED, frame.clause)):
        # 第二贵的呢 / 一共多少 / 各多少钱、多少人 after the items: the same items
        rows, whole = [replace(r, attrs={k: v for k, v in r.attrs.items() if k != "picked"}) for r in before], \
            before[0].attrs["parent"]
        of_before = True
        again = [r for r, b in zip(rows, before) if b.attrs.get("picked")]
    else:
        return None
    if not rows:
        return _events_named(whole, ctx, budgets) if not of_before else None
    ranked = sorted(rows, key=lambda r: r.amount, reverse=op.descending)
    total = D.total([figure_input(r, r.label) for r in rows], f"{whole}明细合计")
    event = "培训" if whole == "培训费" else "会议"
    head = f"{who(rows[0].department, rows[0].year)}{whole}明细表列出{len(rows)}场{event}，合计{money(total.value)}万元"
    if nth is not None:
        picked = ranked[nth - 1:nth]
    elif op.name == "rank":
        picked = ranked[:op.n or 1]
    elif "sum" in (op.name, *op.also) and of_before:
        picked = []  # 一共多少: the total alone
    elif of_before and again:
        picked = again  # 各多少钱、多少人 after 哪两个培训最贵: those two again
    else:
        picked = ranked
    items = []
    parts = []
    for r in picked:
        rank = ranked.index(r) + 1
        items.append(item_of(r, rank=rank, **({"date": r.attrs["date"]} if r.attrs.get("date") else {})))
        people = "".join(f"，{label}{count.normalize():f}{unit}" for label, count, unit in r.attrs.get("counts") or [])
        if r.attrs.get("date"):  # 时间 as the table prints it
            people += f"，时间{r.attrs['date']}"
        parts.append(f"第{rank}：{r.label}{money(r.amount)}万元{people}")
    items.append(item_of(Row(f"{whole}明细合计", total.value, None, rows[0].department, rows[0].year,
                             rows[0].source, None, "current", {})))
    if again and len(again) < len(rows) and re.search(PEOPLE_ASKED, frame.clause):
        said = _people_total(again, items)  # 各多少钱、多少人 after 哪两个: those two's people added up
        head += f"，其中这{len(again)}场{event}" + said.lstrip("，") if said else ""
    elif not picked or len(picked) == len(rows) or re.search(PEOPLE_ASKED, frame.clause):
        # 总共多少人次、花多少钱 / every event listed: the people each item counts, added up too
        head += _people_total(rows, items)
    text = head + "（" + total.formula + "）" + ("；按金额" + ("从高到低" if op.descending else "从低到高") + "：" if picked
                                              else "") + "；".join(parts) + "。"
    # the rows keep the whole ranking (第二贵的呢 picks from it), the ones said marked for a part asking
    # 各多少 of them
    return Result(items, text, [total], [replace(r, attrs={**r.attrs, "picked": True}) if r in picked else r
                                         for r in ranked])


def _events_named(whole: str, ctx: Context, budgets: list) -> Result | None:
    """The meetings or trainings the 说明 names in the sentence stating the 会议费 / 培训费 with no money
    each (长沙: 拟召开全市信访工作联席会议、特护期信访安全保障工作调度会等会议，人数约400人): the figure, the
    events as printed and the counts printed with them; said to list no money per event. ``None`` where
    the budget names none."""
    topic = {"培训费": "training", "会议费": "meetings"}[whole]
    figure = next((r for r in ctx.rows("stated", budgets) if r.attrs.get("topic") == topic and r.key == "current"
                   and r.attrs.get("events") and r.amount is not None), None)
    if figure is None:
        return None
    event = "培训" if whole == "培训费" else "会议"
    counts = "".join(f"，{label}{count.normalize():f}{unit}" for label, count, unit in figure.attrs.get("counts") or [])
    items = [item_of(figure, whole)] + [Item(name, None, None, figure.department, figure.year, figure.source,
                                             {"kind": event}) for name in figure.attrs["events"]]
    items += [Item(f"{whole}{label}", f"{count.normalize():f}", unit, figure.department, figure.year, figure.source)
              for label, count, unit in figure.attrs.get("counts") or []]
    text = (f"{who(figure.department, figure.year)}{whole}{money(figure.amount)}万元，说明列出的{event}："
            + "、".join(figure.attrs["events"]) + f"等{counts}（文件未逐项列出每个{event}的金额）。")
    return Result(items, text, [], [figure])


def _people_total(rows: list[Row], items: list) -> str:
    """The counts the items print (人数, 天数), added up label by label where every item prints one."""
    said = []
    for label in dict.fromkeys(c[0] for r in rows for c in (r.attrs.get("counts") or [])):
        counts = [next((c for c in (r.attrs.get("counts") or []) if c[0] == label), None) for r in rows]
        if any(c is None for c in counts):
            continue
        value = sum((c[1] for c in counts), Decimal(0))
        unit = counts[0][2]
        items.append(Item(f"{label}合计", f"{value.normalize():f}", unit, rows[0].department, rows[0].year, rows[0].source))
        said.append(f"{label}合计{value.normalize():f}{unit}")
    return ("，" + "，".join(said)) if said else ""


# A figure's stated items asked by class (政府购买服务…按类别分别多少, 各类服务各多少), one by one (明细,
# 有哪些服务) or ranked (金额最大的三类, 哪一类花钱最多, then 第二、第三是什么 / 占多大比例): the items a
# detail table lists under that figure (北京 预算11表's services, each with the 指导性目录 class it stands
# under, ``bkg:serviceClass``). A rank is of the items themselves — the rows the table prints figures
# for; a class's figure is only their sum.
CLASSES_ASKED = r"按(?:服务)?(?:类别|类|分类|大类|目录)|(?:各|每|哪几|哪些|几)(?:个)?(?:类别|大类)|分(?:类别|类)"
ITEMS_ASKED = r"明细|每项|每一项|各项|具体(?:有|是|包括)?哪些|有哪些|哪些服务|哪几项|都买了?(?:什么|哪些)"
RANK_ASKED = r"最大|最多|最高|最贵|排名|排前|前[一二三四五六七八九十\d]+"
_NTH_RE = re.compile(r"第([一二三四五六七八九十\d])")
SHARE_ASKED = r"占|比例|比重|几成"


def _classed(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r.attrs.get("class") and r.attrs.get("topic") == "subitem"]


def _whole_items(frame: Frame, ctx: Context, previous: Result | None) -> tuple[Row, list[Row]] | None:
    """The department figure the clause is about — the one the part before answered, else the one
    the clause names — and the items listed under it by class (``bkg:partOf`` its label)."""
    figures = [r for r in (previous.rows if previous is not None else [])
               if r.amount is not None and r.key in ctx.vocab.measures and not (r.iri and "/project/" in r.iri)]
    candidates: list[Row] = []
    if len({(r.key, r.department, r.year) for r in figures}) == 1:
        candidates = figures[:1]
    if not candidates:  # the figure the clause names by its words (a class word may have turned the focus)
        budgets, _note = ctx.scope(frame)
        named = [key for key, rx in MEASURE_WORDS if key in ctx.vocab.measures and compiled(rx).search(frame.clause)
                 and compiled(FAMILIES.get(key, "")).search(frame.clause)]
        if len(budgets) == 1 and named:
            candidates = [r for r in ctx.rows("figures", budgets) if r.key in named and r.amount is not None]
    found = []
    for whole in candidates:
        label = ctx.vocab.label(whole.key)
        budgets = [b for b in ctx.budgets() if (b.department, b.year) == (whole.department, whole.year)]
        inside = [r for r in ctx.rows("stated", budgets) if r.attrs.get("topic") == "subitem" and r.key == "current"
                  and r.attrs.get("parent") == label and r.amount is not None]
        if inside and len(_classed(inside)) == len(inside):  # only a detail table's items, each under its class
            inside.sort(key=lambda r: printed_order(r.source))
            found.append((replace(whole, label=label), inside))
    return found[0] if len(found) == 1 else None


def _ordinals(clause: str) -> list[int]:
    """第二、第三 -> [2, 3]."""
    out = [chinese_count(m.group(1)) for m in _NTH_RE.finditer(clause)]
    return [n for n in out if n]


def items_by_class(frame: Frame, ctx: Context, previous: Result | None) -> Result | None:
    """The items a detail table lists under a figure, each under its class: added up by class
    (按类别分别多少), listed (明细), ranked with each one's share of the figure (最大的三类), the Nth of
    the ranking just given (第二、第三是什么) or the share of the first (占多大比例) — every sum with its
    formula, the items' sum against the printed total. ``None`` where the clause asks none of these
    or the figure lists no classed items (a 说明's stated items keep their own readers)."""
    clause = frame.clause
    before = _classed(previous.rows) if previous is not None else []
    nth = _ordinals(clause)
    if before and (nth or re.search(SHARE_ASKED, clause)) and not re.search(CLASSES_ASKED, clause):
        whole = previous.rows[0]  # a ranking of the items just given: its figure first, then its items
        ranked = sorted(before, key=lambda r: r.amount, reverse=True)
        shown = sum(1 for i in previous.items if i.extra.get("rank"))
        if not nth and shown >= 2 and re.search(L.LISTED_SUM, clause):
            # 最大的三项是什么？合计占多少: the items just ranked, added up and taken as a share of the figure
            return _ranked(whole, ranked, ranked[:shown], frame)
        picked = [ranked[n - 1] for n in nth if 0 < n <= len(ranked)] or ranked[:1]
        return _ranked(whole, ranked, picked, frame)
    by_class = re.search(CLASSES_ASKED, clause) is not None
    rank = frame.operation.name == "rank" or re.search(RANK_ASKED, clause) is not None
    if not (by_class or rank or re.search(ITEMS_ASKED, clause)):
        return None
    found = _whole_items(frame, ctx, previous)
    if found is None:
        return None
    whole, inside = found
    if frame.filters.bound is not None and not rank:
        by_class = False  # 哪些服务类别超过1000万元: the listed items within the bound, not their classes
    if rank and not by_class:
        ranked = sorted(inside, key=lambda r: r.amount, reverse=frame.operation.descending)
        n = frame.operation.n or 1
        return _ranked(whole, ranked, ranked[:n], frame)
    head = f"{who(whole.department, whole.year)}{whole.label}{money(whole.amount)}万元"
    items, derived, parts = [], [], []
    if by_class:
        groups: dict[str, list[Row]] = {}
        for r in inside:
            groups.setdefault(str(r.attrs["class"]), []).append(r)
        for name, rows in groups.items():
            d = D.total([figure_input(r, r.label) for r in rows], name)
            derived.append(d)
            items.append(derived_item(d))
            parts.append(f"{name}{money(d.value)}万元（{len(rows)}项：" +
                         "、".join(f"{r.label}{money(r.amount)}万元" for r in rows) + "）")
        text = head + "，按类别：" + "；".join(parts) + "。"
    elif frame.filters.bound is not None:  # 哪些服务类别超过1000万元: the items within the bound, of all listed
        kept = [r for r in inside if frame.filters.bound.admits(r.amount)]
        items = [item_of(r) for r in kept]
        text = head + f"，明细{len(inside)}项，其中{frame.filters.bound.describe()}的{len(kept)}项" + \
            ("：" + "；".join(f"{r.label}{money(r.amount)}万元" for r in kept) if kept else "") + "。"
    else:
        items = [item_of(r) for r in inside]
        text = head + f"，明细{len(inside)}项：" + "；".join(f"{r.label}{money(r.amount)}万元" for r in inside) + "。"
    summed = D.total([figure_input(r, r.label) for r in inside], f"{whole.label}各项合计")
    derived.append(summed)
    agree = "与合计一致" if summed.value == whole.amount else \
        f"与表中合计{money(whole.amount)}万元相差{money(abs(summed.value - whole.amount))}万元"
    text += f"各项相加{money(summed.value)}万元，{agree}。"
    return Result([item_of(whole)] + items, text, derived, [whole] + inside)


def _ranked(whole: Row, ranked: list[Row], picked: list[Row], frame: Frame | None = None) -> Result:
    """The picked items of a ranking, each with its rank, amount, class and share of the figure; the
    result keeps the whole ranking so a later part can ask its Nth."""
    items, derived, parts = [], [], []
    for r in picked:
        rank = ranked.index(r) + 1
        items.append(item_of(r, rank=rank))
        share = D.share(figure_input(r, r.label), figure_input(whole, whole.label), f"{r.label}占{whole.label}比例")
        said = f"第{rank}：{r.label}{money(r.amount)}万元（{r.attrs.get('class')}）"
        if share is not None:
            derived.append(share)
            items.append(derived_item(share))
            said += f"，占{share.value}%"
        parts.append(said)
    summed = listed_sum_and_share(frame, [figure_input(r, r.label) for r in picked], figure_input(whole, whole.label),
                                  items, derived) if frame is not None else ""
    text = (f"{who(whole.department, whole.year)}{whole.label}{money(whole.amount)}万元，共{len(ranked)}项，"
            f"按金额：" + "；".join(parts) + summed + "。")
    return Result([item_of(whole)] + items, text, derived, [whole] + ranked)


def ranked_sub_items(frame: Frame, ctx: Context, rows: list[Row]) -> Result | None:
    """最大的三块 asked of one named project (预决算管理业务那1.88亿里，最大的三块是什么): the items its
    description states (``NarrativeFigure`` topic ``subitem``), ranked by amount — what a rank over one
    project can only mean. ``None`` where several projects are named, the operation ranks nothing or
    the project states fewer than two items."""
    op = frame.operation
    if op.name not in ("rank", "sort") or len({(r.label, r.department, r.year) for r in rows}) != 1 \
            or set(frame.measures) - {"amount"}:
        return None  # (a project's own 自评得分 or execution asked is no rank of its items)
    project = rows[0]
    names = {project.label, *project.attrs.get("aliases", [])}
    budgets = [b for b in ctx.budgets() if (b.department, b.year) == (project.department, project.year)]
    inside = [r for r in ctx.rows("stated", budgets) if r.attrs.get("topic") == "subitem" and r.key == "current"
              and r.attrs.get("parent") in names and r.amount is not None]
    if len(inside) < 2:
        return None
    ranked = sorted(inside, key=lambda r: r.amount, reverse=op.descending)
    shown = ranked[:op.n] if op.n else ranked
    items = [item_of(r, rank=i) for i, r in enumerate(shown, 1)]
    word = "最大" if op.descending else "最小"
    text = (f"{who(project.department, project.year)}“{project.label}”（{money(project.amount)}万元）的说明列出"
            f"{len(inside)}项，金额{word}的{len(shown)}项：" +
            "；".join(f"{i}. {r.label}{money(r.amount)}万元" for i, r in enumerate(shown, 1)) + "。")
    listed = sum((r.amount for r in inside), Decimal(0))
    if project.amount is not None and listed != project.amount:
        text += (f"（所列各项合计{money(listed)}万元，" + ("少于" if listed < project.amount else "多于") +
                 f"项目金额{money(project.amount)}万元。）")
    return Result(items, text, [], [project] + shown)
