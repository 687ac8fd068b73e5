"""What the documents say besides figures: performance indicators (of projects, or of the
department as a whole), cited policy documents, divisions, subordinate units, functions, 名词解释
and the arithmetic checks that failed (audit)."""
from __future__ import annotations

from dataclasses import replace

import re
from difflib import SequenceMatcher
from decimal import Decimal, InvalidOperation

from nlp import derive as D
from kg.extract.narrative.subject_lists import LIST_WHERE
from nlp.execute.narrative_audit import (NARRATIVE_NAMED, NARRATIVE_WORDS, SELF_AGREEMENT_WORDS, audit_narrative,
                                         implied_previous)
from nlp.execute.described_targets import shared_runs, stated_targets, targets_from_text
from nlp.execute.base import (Context, Result, derived_item, executor, figure_input, item_of, project_phrase,
                               rank_phrase, who, with_note)
from nlp.execute import change_sums, vehicle_costs
from nlp.execute.finding_fields import described
from nlp.execute.unit_prices import priced_items
from nlp.execute.places import place_of, seen_at
from nlp.execute.projects import names_own, named_projects, scoped_projects
from nlp.pieces import GENERIC_TOPIC as _GENERIC_TOPIC, pieces as _pieces, within as _within
from nlp import lexicon as L
from nlp.patterns import compiled
from nlp.frames import Frame
from nlp.graph import Row
from nlp.names import split_place
from nlp.numbers import chinese_count, find_amounts
from nlp.reply import Item, money
from nlp.sparql import Constraints
from nlp.vocabulary import WAN

KIND_KEYS = {"数量指标": "quantity", "质量指标": "quality", "时效指标": "timeliness", "成本指标": "cost",
             "经济效益指标": "economic_benefit", "社会效益指标": "social_benefit", "生态效益指标": "ecological_benefit",
             "可持续影响指标": "sustainability", "满意度指标": "satisfaction", "效益指标": "benefit"}


def _projects_of(frame: Frame, ctx: Context) -> list[Row]:
    """The projects a question about targets names: linked by name, else — the name said in part
    (办案业务经费项目 for 公安办案业务经费项目) — the few projects of the department whose names hold a
    word of three or more characters the question typed (never many: that would be a list, not a name)."""
    if frame.filters.projects:
        found = named_projects(frame, ctx)[0]
        inside = [s for s in frame.filters.subjects if any(s.name and s.name in (p.name or "") for p in frame.filters.projects)]
        if not found and inside and len(inside) == len(frame.filters.subjects):
            # a subject read inside the project's own name (应急救援 of 安全生产应急救援演练专项经费) is no filter
            found = named_projects(replace(frame, filters=replace(frame.filters, subjects=[])), ctx)[0]
        return found
    words = [w for w in frame.filters.keywords if len(w) >= 3]
    if not frame.filters.departments or frame.filters.department_level:
        return []
    if not words:
        return _spelled_projects(frame, ctx)
    budgets, _ = ctx.scope(frame)
    found = list({r.iri: r for r in ctx.rows("projects", budgets) if any(w in r.label for w in words)}.values())
    if not 0 < len(found) <= 3:
        return []

    def said(r: Row) -> int:  # the longest run of the name the clause types (办案业务经费项目)
        m = SequenceMatcher(None, frame.clause, r.label).find_longest_match(0, len(frame.clause), 0, len(r.label))
        return m.size
    best = max(said(r) for r in found)
    return [r for r in found if said(r) == best]


# The level a project's name may start with that people leave out (市级困难群众救助补助金 → 困难群众救助补助金).
_NAME_LEVEL = re.compile(r"^(?:省级|市级|州级|县级|区级|本级)")


def _spelled_projects(frame: Frame, ctx: Context) -> list[Row]:
    """The department's projects whose whole name, its leading level (市级) unsaid, the question spells
    out (福州市民政局困难群众救助补助金里…: 市级困难群众救助补助金) — a name of six characters or more, and
    never more than three projects (that would be a topic, not a name)."""
    budgets, _ = ctx.scope(frame)
    text = re.sub(r"[“”\"\s]", "", frame.clause or "")
    found = list({r.iri: r for r in ctx.rows("projects", budgets)
                  if len(_NAME_LEVEL.sub("", r.label or "")) >= 6 and _NAME_LEVEL.sub("", r.label) in text}.values())
    return found if 0 < len(found) <= 3 else []


def _named_by(words: list[str], rows: list[Row], own: str) -> list[Row]:
    """The indicators each question word names best: those holding the most of its characters in
    pieces of 2+ (设备故障恢复时间 names 设备/系统故障恢复时间, not 设备完好率, which holds only 设备);
    pieces that are generic or the project's own name count for none. A row only some of whose words
    name it is dropped where another row is named by all of those and more (驻京工作人员人数 by 驻京 and
    人员, not 临聘人员满意度 by 人员 alone)."""
    named_by: dict[int, set[str]] = {}
    for w in words:
        best, which = 0, []
        for n, i in enumerate(rows):
            covered = sum(len(p) for p in _pieces(w, [i.label])[0]
                          if len(p) >= 2 and not _GENERIC_TOPIC.match(p) and not _within(p, own))
            if covered and covered > best:
                best, which = covered, [n]
            elif covered and covered == best:
                which.append(n)
        for n in which:
            named_by.setdefault(n, set()).add(w)
    dominated = {n for n, ws in named_by.items() if any(ws < other for other in named_by.values())}
    return [i for n, i in enumerate(rows) if n in named_by and n not in dominated]


def _in_unit(target: object, unit: str) -> bool:
    """Whether a target is counted in ``unit``, alone or per a period (``12次``, ``飞机增雨10次/年；火箭增雨12次/年``)."""
    # (≥325人、户: counted in people or households, either asked)
    return re.search(rf"{re.escape(unit)}(?:/[\u4e00-\u9fff]{{1,2}})?(?:、[\u4e00-\u9fff]{{1,2}})*$", str(target or "")) is not None


# a count of the indicators themselves (指标有多少个, 几个指标), not of what a target counts
_INDICATORS_COUNTED = r"指标[^，。？?]{0,4}(?:多少|几)个|(?:多少|几)个[^，。？?]{0,4}指标"


def _by_unit_asked(clause: str, rows: list[Row], chosen: list[Row]) -> list[Row]:
    """Indicators a count word asks by the unit of its target (培训多少人 → a target in 人, 办几次 → 次)
    where no indicator chosen by the question's words has that unit: of those, the ones sharing
    the most of the question's wording (主体培训人数 for …主体培训班、培训多少人)."""
    out: list[Row] = []
    for unit in dict.fromkeys(u for u, pattern in L.UNIT_ASKED if compiled(pattern).search(clause)):
        def counted_in(r: Row) -> bool:  # ≥30个, or 参与审计项目（个） with its target a bare ≥30
            return _in_unit(r.attrs.get("target"), unit) or \
                re.search(rf"[（(]{re.escape(unit)}[)）]$", r.label) is not None
        if any(counted_in(r) for r in chosen):
            continue
        fits = [r for r in rows if counted_in(r) and r not in chosen]
        shared = {id(r): sum(len(p) for p in _pieces(clause, [r.label])[0] if len(p) >= 2) for r in fits}
        best = max(shared.values(), default=0)
        out += [r for r in fits if shared[id(r)] == best]  # (none sharing a word: every one in that unit)
    return out


def _enumerated_names(clause: str) -> list[str]:
    """The names a clause enumerates (培训班次、培训人数、实践锻炼干部人数的目标是多少 → 培训班次, 培训人数,
    实践锻炼干部人数), each of three characters or more once the question's own tail is cut off."""
    head = re.split(r"的?(?:目标|指标|各|分别|这些|等|要求|定[的了]|是多少|多少|达到|完成)", clause)[0]
    return [seg for seg in re.split(r"[、，,和及与]", head) if len(seg) >= 3]


# What makes a target a time target whatever kind its table files it under.
_TIME_TARGET = r"时间|时限|时效|及时|速度|周期|小时|分钟|工作日|天内|日内|月底前|年底前|季度内|按时|准时"


@executor("indicators")
def indicators(frame: Frame, ctx: Context) -> Result:
    """The indicators of the named projects (of the kinds asked), or the department's own
    (部门整体绩效目标), or — for a count — how many projects carry a performance-target table."""
    f = frame.filters
    kinds = [KIND_KEYS[k] for k in f.indicator_kinds if k in KIND_KEYS]
    ranked_projects = frame.operation.name in ("rank", "sort") and not f.projects and not f.keywords
    # (哪个项目金额最大？第二是哪个: a ranking of the projects with target tables, no project spelled in it)
    projects = [] if ranked_projects else _projects_of(frame, ctx)
    if not projects and not f.department_level:
        op = frame.operation
        asks_projects = op.name in ("count", "sum") or {"count", "sum"} & set(op.also) or "项目" in frame.clause
        if f.keywords and not asks_projects and f.bound is None:  # 信访综合保障经费的绩效指标: a project the graph lacks
            named = _indicators_named_by_words(frame, ctx)  # 12345热线咨询一次性解答率定了多少: the indicator itself
            if named is not None:
                return named
            return Result(text=f"没有找到：图谱中没有“{'、'.join(f.keywords[:2])}”这个项目的绩效指标，"
                               f"不能用其他项目的指标代替。")
        covered = _projects_with_targets(frame, ctx)
        if re.search(r"(?:哪些|什么|哪几[个项条]?)[^，。？?]{0,6}指标", frame.clause) and covered.rows and all(r.attrs.get("projects") == 0 for r in covered.rows
                                                      if r.key == "projects"):
            # 项目绩效目标里设了哪些指标 where the document says no project has targets: none, said so
            return Result(text="没有找到：文件说明没有项目编报绩效目标，也就没有项目绩效指标。" + covered.text)
        return covered
    budgets = [b for b in ctx.budgets() if any((b.department, b.year) == (p.department, p.year) for p in projects)] \
        if projects else ctx.scope(frame)[0]
    rows: list[Row] = []
    if projects:
        for p in projects:
            mine = [b for b in budgets if (b.department, b.year) == (p.department, p.year)]
            rows += ctx.rows("indicators", mine, Constraints(indicator_target=p.iri, indicator_kinds=kinds))
    else:
        for b in budgets:
            rows += ctx.rows("indicators", [b], Constraints(indicator_target=b.department_iri, indicator_kinds=kinds))
    if not rows and projects and "timeliness" in kinds:
        # 定了哪些时效方面的指标: a table may file its time targets (响应时间≤10分钟) under 质量指标
        for p in projects:
            mine = [b for b in budgets if (b.department, b.year) == (p.department, p.year)]
            rows += [r for r in ctx.rows("indicators", mine, Constraints(indicator_target=p.iri))
                     if re.search(_TIME_TARGET, f"{r.label} {r.attrs.get('target') or ''}")]
    what = "、".join(f.indicator_kinds) if f.indicator_kinds else "绩效指标"
    own = " ".join(n for p in projects for n in [p.label, *p.attrs.get("aliases", [])])
    words = [w for w in f.keywords if not names_own(w, own)]
    if kinds and re.search(r"哪些|哪几", frame.clause) and not re.search(r"跟|和|与|有关|相关|关于", frame.clause):
        words = []  # 数量上要完成哪些评价任务: every target of that kind (the words describe them, not pick one)
    # 评审项目数量、专家人次这些指标: an indicator the clause names by its whole name, whatever words of
    # it were taken for cues (项目, 数量), is one asked
    every = list(rows)  # the whole table, for the line that names the targets not asked
    literal = [r for r in rows if len(r.label) >= 4 and r.label in frame.clause]
    literal += [r for r in rows if r not in literal and any(seg in r.label for seg in _enumerated_names(frame.clause))]
    # 对12345热线设了什么指标: a number the clause names (not a year) that an indicator's name holds
    codes = [n for n in re.findall(r"(?<![\d.])\d{3,}(?![\d.])", frame.clause)
             if not re.match(r"(?:19|20)\d\d$", n)]
    literal += [r for r in rows if r not in literal and any(n in r.label for n in codes)]
    if (words or literal) and rows:  # 跟无人机有关的指标, 加密空气站要建几个: the indicators about those words
        # (a word inside an indicator named whole names no other: 人员 of 驻京工作人员人数 is not 临聘人员满意度)
        left = [w for w in words if not any(w in r.label for r in literal)]
        about = literal + [r for r in (_named_by(left, rows, own) if left else []) if r not in literal]
        if not re.search(_INDICATORS_COUNTED, frame.clause):
            about += [r for r in _by_unit_asked(frame.clause, rows, about) if r not in about]
        def counts(r: Row) -> bool:
            return bool(re.search(r"\d", str(r.attrs.get("target") or "")))
        if about and re.search(r"多少|几", frame.clause) and not re.search(_INDICATORS_COUNTED, frame.clause):
            # 计划接待多少来访群众: a target that counts something, not a sentence that mentions its words
            counted = [r for r in about if counts(r)] or \
                (_named_by(left, [r for r in rows if counts(r)], own) if left else [])
            if counted:
                about = counted
        relaxed = not about
        if about:
            rows = about
    else:  # 要发几篇稿子: the targets counted in the unit asked, where the words name none (指标有多少个
        # counts the indicators themselves)
        counted = _by_unit_asked(frame.clause, rows, []) if rows and not re.search(_INDICATORS_COUNTED, frame.clause) \
            else []
        rows = counted or rows
        relaxed = False
    weight = re.search(r"(?:权重|分值|分数?)(?:为|是|占)?(\d+(?:\.\d+)?)(?:%|分)?的", frame.clause)
    if weight and any(r.attrs.get("weight") is not None for r in rows):
        # 有哪些权重15%的指标: those the table weighs so (a weight is printed as 15 or 15%)
        rows = [r for r in rows if r.attrs.get("weight") is not None and r.attrs["weight"] == Decimal(weight.group(1))]
        what = f"权重为{weight.group(1)}的指标"
    heaviest = re.search(r"(?:权重|分值)(?:最[高大重]|最多)|(?:最[高大重])的?(?:权重|分值)", frame.clause)
    weighed = [r for r in rows if r.attrs.get("weight") is not None]
    if heaviest and weighed and not weight:
        # 权重最高的那几个指标: every indicator of the top weight (ties kept), per project asked
        top = {}
        for r in weighed:
            top[r.key] = max(top.get(r.key, r.attrs["weight"]), r.attrs["weight"])
        rows = [r for r in weighed if r.attrs["weight"] == top[r.key]]
        what = "权重最高的指标"
    core = f.core if any(r.attrs.get("core") is not None for r in rows) else None
    if core is not None:  # 哪些是核心指标: the rows the table marks 是 (或 否) in its 是否核心 column
        rows = [r for r in rows if r.attrs.get("core") is core]
        what = "核心指标" if core else "非核心指标"
    if not rows:
        if projects:
            described = targets_from_text(projects, frame.clause)  # 杭州 表11: targets said in words
            if described is not None:
                return described
            if f.keywords:
                # 人工增雨作业次数定了多少: a project found by the words has none, an indicator of the department's
                # other tables is named by them (作业次数 of its 部门整体 or another project's table)
                named = _indicators_named_by_words(frame, ctx)
                if named is not None:
                    return named
            return Result(text=_no_indicators(projects, budgets, ctx, what if kinds else "绩效指标"))
        return Result()
    by_project = {p.iri: p for p in projects}
    items: list[Item] = []
    parts: dict[str, list[str]] = {}
    # 实际完成多少 / 完成得怎么样 of a 绩效自评表: each indicator's 实际完成值 beside its target
    asks_actual = bool(re.search(r"实际|完成(?:了|得|情况|值|多少)|做到|达到了", frame.clause))
    for i in rows:
        p = by_project.get(i.key)
        weight = i.attrs.get("weight")
        items.append(Item(i.label, None, None, i.department, i.year, i.source,
                          {"target": i.attrs.get("target"), "weight": format(weight.normalize(), "f") if weight is not None else None,
                           "level2": i.attrs.get("level2"), "project": p.label if p else None,
                           **({"core": "是" if i.attrs["core"] else "否"} if i.attrs.get("core") is not None else {})}))
        notes = [f"权重{format(weight.normalize(), 'f')}"] if weight is not None else []
        if i.attrs.get("core"):
            notes.append("核心指标")
        actual = f"，实际完成{i.attrs['actual']}" if i.attrs.get("actual") and asks_actual else ""
        if actual:
            items[-1].extra["actual"] = i.attrs["actual"]
        parts.setdefault(i.key, []).append(
            f"{i.attrs.get('level2') or ''}“{i.label}”：{i.attrs.get('target') or '未列明'}{actual}" +
            (f"（{'，'.join(notes)}）" if notes else ""))
    # 哪些是核心指标: a set the table marks is said with its size
    count = frame.operation.name == "count" or "count" in frame.operation.also or core is not None
    if count:
        if re.search(r"(?:几|多少)(?:个|项|条)?(?:绩效)?指标|指标(?:有|共|一共)?(?:几|多少)个", frame.clause) \
                and not re.search(r"哪些|哪几|分别|列出|各(?:是|为|自)|是什么|都有", frame.clause):
            items = []  # 一共设了几个指标: the number is the answer; the indicators are named in the sentence
        items.append(Item(f"{what}个数" if core is not None else "指标个数", str(len(rows)), "个",
                          rows[0].department, rows[0].year))
    owners = {p.iri: project_phrase(p) for p in projects}
    for b in budgets:
        owners.setdefault(b.department_iri, f"{who(b.department, b.year)}部门整体")
    text = (f"共{len(rows)}个{what}。" if count else "") + "。".join(
        f"{owners.get(key, '')}的{what}：" + "；".join(ps) for key, ps in parts.items()) + "。"
    rest = [r for r in every if r not in rows]
    if rest and projects and len(rest) <= 12:
        # the targets asked are the answer's rows; the table's others are named after them, for context
        text += "该项目的其他绩效指标：" + "；".join(f"“{r.label}”{r.attrs.get('target') or ''}" for r in rest) + "。"
    if re.search(L.SCORE_ASK, frame.clause):  # 自评多少分: the score its 自评表 gives the project
        for p in projects:
            if p.attrs.get("score") is not None:
                items.append(Item(f"{p.label}自评得分", format(p.attrs["score"].normalize(), "f"), "分", p.department,
                                  p.year, p.source))
                text += f"{project_phrase(p)}自评得分{format(p.attrs['score'].normalize(), 'f')}分。"
    weighed = [r for r in rows if r.attrs.get("weight") is not None]
    if len(weighed) >= 2 and re.search(r"权重|分值", frame.clause) and len({r.department for r in weighed}) == 1:
        # 核心指标的权重各多少: the weights listed, and what they come to together
        total = D.total([D.Input(r.label, Decimal(r.attrs["weight"]), "分", r.department, r.year, r.source)
                         for r in weighed], f"{len(weighed)}个{what}权重合计")
        text += f"{total.formula}。"  # (in the sentence: the rows stay the indicators listed)
    if projects and re.search(r"年度目标|总体目标|目标是什么|目标是啥|达到什么|实现什么", frame.clause) and \
            not [w for w in f.keywords if "目标" not in w and not names_own(w, own)]:  # (生猪储备多少头: below)
        # 要达到什么年度目标: the goals the project's text states in figures, beside its indicators
        said = [(p, t) for p in projects for t in stated_targets(p.attrs.get("description") or "")]
        if said:  # (said in the sentence; the answer's rows stay the indicators the table sets)
            text += "项目说明写明的目标：" + "；".join(f"{n}{v}{u}{b}" for _p, (n, v, u, b) in said) + "。"
    if projects and f.keywords:  # 要储备多少生猪、冻猪肉: a thing no indicator names, stated in the project's text
        missing = [w for w in f.keywords if len(w) >= 2
                   and not any(w in r.label or shared_runs(w, r.label) >= 2 for r in rows)]  # (评审专家 is 专家评审's)
        stated = [(p, t) for p in projects for t in stated_targets(p.attrs.get("description") or "")
                  if any(w in t[0] or shared_runs(w, t[0]) >= 2 for w in missing)]
        for p, (name, value, unit, bound) in stated:
            items.append(Item(name, value, unit, p.department, p.year, p.source,
                              {"project": p.label, "target": f"{value}{unit}{bound}"}))
        if stated:
            text += "项目说明另写明：" + "；".join(f"{n}{v}{u}{b}" for _p, (n, v, u, b) in stated) + "。"
    return Result(items, text, [], rows, relaxed)


# A question about the target tables themselves (设了绩效目标表), not the document's statement of coverage.
TARGET_TABLE = r"绩效目标表|绩效表|目标表"


# what each scope of a coverage statement counts, said to people: (the count's label, the sentence's
# head, its verb phrase)
COVERAGE_WORDS = {"projects": ("编报绩效目标的项目", "绩效目标设置情况说明", "编报（实行）绩效目标管理"),
                  "self_evaluation": ("开展绩效自评的项目", "预算绩效情况说明", "开展绩效自评"),
                  "department_evaluation": ("开展部门评价的项目", "预算绩效情况说明", "开展部门评价")}


def stated_evaluations(frame: Frame, ctx: Context) -> Result:
    """How many projects a 决算 says it evaluated — all of them by 绩效自评 (一级项目7个、二级项目16个),
    a few by 部门评价 — and their money; the kinds the clause names (both where it names neither)."""
    scopes = [s for s, rx in (("self_evaluation", r"自评"), ("department_evaluation", r"部门评价|重点评价|第三方评价"))
              if re.search(rx, frame.clause)] or ["self_evaluation", "department_evaluation"]
    return _stated_coverage(frame, ctx, scopes)


def _numbers_in_name(name: str) -> list[str]:
    """The 文号 a project's printed name holds (粤财工〔2025〕139号…专项资金), as printed."""
    return re.findall(r"[\u4e00-\u9fff]{1,12}[〔\[【(（](?:19|20)\d{2}[〕\]】)）]\d+号", name)


def _stated_coverage(frame: Frame, ctx: Context, scopes: list[str] | None = None) -> Result:
    """How many projects the document says are under performance-target management (编报绩效目标的
    项目共25个，涉及项目预算资金11381.60万元), from its 绩效目标设置情况 (bkg:PerformanceCoverage); with
    ``scopes``, the evaluations a 决算 states instead."""
    budgets, note = ctx.scope(frame)
    scopes = scopes or ["projects"]
    rows = [r for r in ctx.rows("coverage", budgets) if r.key in scopes] if budgets else []
    if not rows:
        return Result()
    items: list[Item] = []
    parts: list[str] = []
    for r in rows:
        label, head, verb = COVERAGE_WORDS[r.key]
        n = r.attrs.get("projects")
        levels = [(w, r.attrs.get(k)) for w, k in (("一级项目", "first_level"), ("二级项目", "second_level"))
                  if r.attrs.get(k) is not None]
        if n is not None:
            items.append(Item(f"{label}个数", str(n), "个", r.department, r.year, r.source))
        for word, count in levels:
            items.append(Item(f"{label}中的{word}个数", str(count), "个", r.department, r.year, r.source))
        if r.amount is not None:
            items.append(item_of(r, f"{label}涉及资金"))
        counted = f"共{n}个项目{verb}" if n is not None else (
            f"{verb}，其中" + "、".join(f"{w}{c}个" for w, c in levels) if levels else f"{verb}，未列项目个数")
        share = r.attrs.get("share")  # 占部门预算项目支出总额的65.9%: as the document states it
        if share is not None:
            items.append(Item(f"{label}涉及资金占比（文件所述）", format(share, "f"), "%", r.department, r.year, r.source))
        named = r.attrs.get("named") or []
        for name in named:  # 对“信息化运行维护费”…等3个项目开展了部门评价: the projects it names
            items.append(Item(name, None, None, r.department, r.year, r.source, {"kind": label}))
        if named:
            counted += "（" + "、".join(f"“{n}”" for n in named) + "）"
        parts.append(f"{who(r.department, r.year)}的{head}：" + counted +
                     (f"，涉及资金{money(r.amount)}万元" if r.amount is not None else "，未列金额") +
                     (f"，文件称占项目支出总额的{format(share, 'f')}%" if share is not None else ""))
    derived: list[D.Derived] = []
    op = frame.operation
    if op.name == "list" and not {"count", "sum", "share"} & set(op.also) and \
            all(r.attrs.get("projects") == 0 for r in rows):
        # 有哪些项目设置了绩效目标: the document says none — nothing to list, and a 0 is not a figure asked
        return Result(text="没有：" + "；".join(parts) + "，所以没有可列的项目和指标。", rows=rows)
    if "share" in {op.name, *op.also}:  # 一共多少钱？占部门预算几成: that money's share of the whole budget
        base_key = op.base or "expenditure_total"
        for r in rows:
            base = next((x for b in budgets if (b.department, b.year) == (r.department, r.year)
                         for x in ctx.rows("figures", [b], Constraints(items=[base_key]))), None)
            if r.amount is None or base is None or not base.amount:
                continue
            d = D.share(figure_input(r, "编报绩效目标的项目涉及资金"), figure_input(base, ctx.vocab.label(base_key)))
            if d is not None:
                derived.append(d)
                items.append(derived_item(d))
                parts.append(d.formula)
    return Result(items, with_note("；".join(parts) + "。", note), derived, rows)


def _coverage_missing(budgets) -> Result:
    """Neither the document's statement of coverage nor its target tables are in the graph: said so,
    with no other count (all its projects) standing in for the one asked."""
    names = "、".join(dict.fromkeys(who(b.department, b.year) for b in budgets))
    return Result(text=f"没有找到：图谱中没有{names}编报绩效目标的项目个数和金额（文件的绩效目标设置情况"
                       f"和绩效目标表都不在图谱中），不能用其他项目的个数和金额代替。")


def _no_indicators(projects: list[Row], budgets, ctx: Context, what: str) -> str:
    """Why a named project shows no indicators: its document's target tables are not in the graph
    at all (none of its projects has one), or this project has none (of the kind asked)."""
    read = {(b.department, b.year) for b in budgets if ctx.rows("indicators", [b])}
    said = []
    for p in projects:
        if (p.department, p.year) in read:
            said.append(f"“{p.label}”（{who(p.department, p.year)}）没有{what}")
        else:
            said.append(f"图谱中没有“{p.label}”（{who(p.department, p.year)}）的绩效指标"
                        f"（该文件的绩效目标表未读入图谱），不能用其他项目的指标代替")
    return "没有找到：" + "；".join(said) + "。"


def _projects_with_targets(frame: Frame, ctx: Context) -> Result:
    """How many projects are under performance-target management — as the document states it (its
    绩效目标设置情况), or as its target tables (绩效目标表) show — and their money."""
    if not re.search(TARGET_TABLE, frame.clause) and frame.operation.name not in ("rank", "sort") \
            and frame.filters.bound is None:
        stated = _stated_coverage(frame, ctx)
        if stated.items or stated.text:
            return stated
    rows, note, budgets = scoped_projects(frame, ctx)
    if not rows:
        return _coverage_missing(budgets) if budgets and re.search(r"项目", frame.clause) else Result()
    have: set[str] = set()
    for b in budgets:
        for i in ctx.rows("indicators", [b]):
            have.add(i.key)
    mine = [r for r in rows if r.iri in have]
    caveat = ""
    if not mine and not have and rows and re.search(r"项目", frame.clause):
        op = frame.operation
        if (op.name in ("count", "sum") or {"count", "sum"} & set(op.also)) and frame.filters.bound is None:
            # how many are under target management: neither the document's statement of coverage nor its
            # target tables are in the graph, and the count of all its projects must not stand in
            return _coverage_missing(budgets)
        # a list (绩效目标表里超过一千万的项目): its projects, said so, rather than nothing
        mine, caveat = rows, "图谱中没有该文件绩效目标表的指标明细，以下按其全部项目计。"
    if frame.filters.bound is not None:  # 绩效目标表里资金超过一千万的项目
        mine = [r for r in mine if frame.filters.bound.admits(r.amount)]
    among = ""
    if frame.operation.name in ("rank", "sort"):
        ranked = sorted(mine, key=lambda r: r.amount or 0, reverse=frame.operation.descending)
        op = frame.operation
        mine = ranked[op.nth - 1: op.nth] if op.nth else ranked[: op.n] if op.n else ranked
        if mine and len(ranked) > len(mine):  # 绩效目标表里哪个项目金额最大: among how many, said
            among = f"在{len(ranked)}个有绩效目标表的项目中，金额{rank_phrase(op, len(mine))}是："
    if not mine:
        return Result(text=f"没有找到：{'、'.join(dict.fromkeys(b.department for b in budgets))}的项目没有绩效目标表。")
    if among:
        items = [item_of(r, None, iri=r.iri) for r in mine]
        return Result(items, with_note(among + "；".join(project_phrase(r) for r in mine) + "。", note), [], mine)
    what = "项目" if caveat else "有绩效目标表的项目"
    total = D.total([D.Input(r.label, r.amount, WAN, r.department, r.year, r.source) for r in mine if r.amount is not None],
                    f"{what}金额合计")
    items = [item_of(r, None, iri=r.iri) for r in mine]
    items += [Item(f"{what}个数", str(len(mine)), "个"),
              Item(total.label, money(total.value), WAN, None, None, None, {"formula": total.formula})]
    bound = f"金额{frame.filters.bound.describe()}的" if frame.filters.bound is not None else ""
    text = caveat + f"共{len(mine)}个{bound}项目" + ("" if caveat else "有绩效目标表") + \
        f"，合计{money(total.value)}万元：" + "；".join(project_phrase(r) for r in mine) + "。"
    return Result(items, with_note(text, note), [total], mine)


# a clause asking which document (哪个文件, 依据什么), not the money a document names
_DOCUMENT_ASKED = r"哪(?:个|些|份)(?:文件|文|依据|政策)|什么(?:文件|依据|政策)|依据是|根据什么|根据哪"


@executor("policies")
def policies(frame: Frame, ctx: Context) -> Result:
    """The documents a project cites; or the projects citing a document (or any document)."""
    f = frame.filters
    projects = _projects_of(frame, ctx)
    if projects and re.search(r"多少|金额|几万|多大", frame.clause) and not re.search(_DOCUMENT_ASKED, frame.clause):
        # 按X号文件安排的资金各多少: the money of the projects the documents name, not their citations
        from nlp.execute.projects import projects as project_executor

        return project_executor(replace(frame, focus="projects", measures=["amount"]), ctx)
    if projects:
        items, parts = [], []
        for p in projects:
            budget = [b for b in ctx.budgets() if (b.department, b.year) == (p.department, p.year)]
            from nlp.sparql import Constraints as C

            cites = ctx.rows("policies", budget, C(projects=[p.iri]))
            for d in cites:
                items.append(Item(d.label, None, None, p.department, p.year, p.source,
                                  {"number": d.attrs.get("number"), "project": p.label}))
            if cites:
                parts.append(f"{project_phrase(p)}的设立依据：" + "；".join(
                    d.label + (f"（{d.attrs['number']}）" if d.attrs.get("number") and d.attrs["number"] != d.label else "")
                    for d in cites))
            elif _numbers_in_name(p.label):  # 粤财工〔2025〕139号2025年…专项资金: the name itself cites the document
                named = _numbers_in_name(p.label)
                items.append(item_of(p))
                parts.append(f"{project_phrase(p)}：项目名称写明依据文号" + "、".join(named))
        if not items:
            return Result(text="没有找到：" + "；".join(f"{project_phrase(p)}没有写明依据文件" for p in projects) + "。")
        derived = []
        priced = [p for p in projects if p.amount is not None]
        if len(priced) >= 2 and len(priced) == len(projects):  # a list says its count and total (两批合计…)
            total = D.total([D.Input(p.label, p.amount, WAN, p.department, p.year, p.source) for p in priced],
                            f"{len(priced)}个项目合计")
            derived.append(total)
            parts.append(f"{len(priced)}个项目合计{money(total.value)}万元（{total.formula}）")
        return Result(items, "。".join(parts) + "。", derived, projects)
    if f.policy is not None:
        from nlp.execute.projects import projects as project_executor

        frame.focus = "projects"
        return project_executor(frame, ctx)
    rows, note, budgets = scoped_projects(frame, ctx)
    citing: list[Row] = []
    for b in budgets:
        cited = {d.key for d in ctx.rows("policies", [b])}
        citing += [r for r in rows if r.iri in cited]
    if not citing and rows and re.search(r"项目|专项", frame.clause):
        # 那几个项目是依据哪些文件立项的 where no project names one: said so — the documents the budget's own
        # text cites are no project's basis
        return Result(text=f"没有找到：{'、'.join(dict.fromkeys(who(b.department, b.year) for b in budgets))}的"
                           f"{len(rows)}个项目都没有写明立项依据文件。")
    if not citing:  # 部门预算是根据哪个批复文件填的: the documents the budget itself cites
        return _documents_cited(ctx, budgets, note)
    return _projects_citing(citing, note)


def _documents_cited(ctx: Context, budgets, note: str) -> Result:
    """The documents a budget cites in its own words (its narrative's 《…》 and 文号), none of its
    projects citing any. Empty where it cites none."""
    cited = ctx.rows("document_policies", budgets) if budgets else []
    if not cited:
        return Result()
    items = [Item(d.label, None, None, d.department, d.year, d.source, {"number": d.attrs.get("number")})
             for d in cited]
    parts = [f"{who(b.department, b.year)}的文件引用：" + "；".join(
        d.label + (f"（{d.attrs['number']}）" if d.attrs.get("number") and d.attrs["number"] != d.label else "")
        for d in cited if (d.department, d.year) == (b.department, b.year)) for b in budgets
        if any((d.department, d.year) == (b.department, b.year) for d in cited)]
    return Result(items, with_note("。".join(parts) + "。", note), [], cited)


def _projects_citing(citing: list[Row], note: str) -> Result:
    """The projects that cite documents, named."""
    text = f"共{len(citing)}个项目写明了政策依据：" + "；".join(project_phrase(r) for r in citing) + "。"
    return Result([item_of(r, None, iri=r.iri) for r in citing], with_note(text, note), [], citing)


@executor("divisions", "subordinates")
def units(frame: Frame, ctx: Context) -> Result:
    """Divisions (内设科室) or subordinate units of the departments in scope."""
    budgets, note = ctx.scope(frame)
    focus = frame.focus
    rows = ctx.rows(focus, budgets)
    stated = ctx.rows("unit_counts", budgets) if focus == "subordinates" else []
    if focus == "divisions" and not rows:  # 32个机关行政科室: a count the document states without a list
        return _division_count(frame, ctx, budgets, note)
    if not rows and not stated:
        if focus == "subordinates" and budgets:
            return Result(text=f"没有找到：图谱中没有{'、'.join(dict.fromkeys(b.department for b in budgets))}的下属单位。")
        return Result()
    items: list[Item] = []
    parts: list[str] = []
    word = "内设科室" if focus == "divisions" else _common_kind(frame.filters.units) or "下属单位"
    whole = focus == "subordinates" and bool(re.search(L.UNITS_COVERED, frame.clause))
    named = {u.name for u in frame.filters.units} if focus == "subordinates" else set()
    for b in budgets:
        mine = [r for r in rows if (r.department, r.year) == (b.department, b.year)
                and (not named or r.label in named)]  # 有几个口岸分局: the units that word names
        money_asked = bool(re.search(r"钱|经费|资金|金额|万元|补助|补贴|拨[了给款付]", frame.clause))
        asks_count = (frame.operation.name == "count" or "count" in frame.operation.also or
                      bool(re.search(r"几|多少", frame.clause))) and not re.search(r"钱|经费|资金|金额|万元", frame.clause)
        own_counts = [r for r in stated if (r.department, r.year) == (b.department, b.year)]
        count = _stated_count(own_counts, frame.clause, whole) if asks_count or money_asked else None
        if count is not None and not count.amount and money_asked:
            # 给下属单位拨了多少补助 of a body the document says has none: nothing to answer — said, no figure
            sentence = count.attrs.get("sentence")
            parts.append(f"没有找到：{who(b.department, b.year)}没有{count.label}" + (f"（原文：{sentence}）" if sentence else "")
                         + "，文件中没有给下属单位的经费")
            continue
        for other in (_other_counts_named(own_counts, frame.clause, count) if count is not None else []):
            # 多少直属事业单位和区县气象局: each kind named, its own count
            items.append(Item(f"{other.label}个数", str(int(other.amount)), other.unit, b.department, b.year, other.source))
            sentence = other.attrs.get("sentence")
            parts.append(f"{who(b.department, b.year)}：{other.label}{int(other.amount)}{other.unit}"
                         + (f"（原文：{sentence}）" if sentence else "")
                         + (_names_said(other, items, frame) if _names_wanted(other.attrs.get("names") or [], frame) else ""))
        if count is not None:  # 下辖区县气象局8个, 纳入…编制范围的单位共28个: the document's own count
            # every unit the budget covers is the 单位个数 a list would give; a kind is named by its kind
            label = "单位个数" if count.key == "covered" else f"{count.label}个数"
            items.append(Item(label, str(int(count.amount)), count.unit, b.department, b.year, count.source))
            sentence = count.attrs.get("sentence")
            parts.append(f"{who(b.department, b.year)}：{count.label}{int(count.amount)}{count.unit}"
                         + (f"（原文：{sentence}）" if sentence else ""))
            # the department's make-up as its 部门概况 states it: its 内设机构 beside the units below it
            inside = [r for r in ctx.rows("division_counts", [b]) if r.amount] if focus == "subordinates" else []
            inside_said = "（部门另设" + "、".join(f"{r.label}{int(r.amount)}{r.unit}" for r in inside) + "）" if inside else ""
            counted = count.attrs.get("names") or []
            if not _names_wanted(counted, frame):
                counted = []
            if counted:
                # 下辖区县气象局8个，分别为…: the units counted, as the document lists them
                parts[-1] += _names_said(count, items, frame)
            parts[-1] += inside_said
            if counted and count.key == "covered":
                continue
            listed = [r for r in mine if not _is_itself(r.label, b.department) and r.label not in counted]
            if count.key == "kind":  # the units of that kind where their names tell it (区县气象局 by 气象局);
                # a kind of relation (派出机构, 直属事业单位) names none of its members: the units listed
                named = [r for r in listed if _kind_core(count.label) in r.label]
                listed = named or (listed if re.search(r"(?:单位|机构)$", count.label) else [])
            if listed and (len(listed) <= L.COUNT_LISTED or re.search(L.NAMES_ASKED, frame.clause)
                           or "list" in frame.operation.also):  # the names beside the count, as a list gives them
                if count.key == "covered":
                    places, org = split_place(b.department)
                    items.append(Item(f"{places[-1] if places else ''}{org}本级", None, None, b.department, b.year,
                                      b.source))
                items += [Item(r.label, None, None, r.department, r.year, r.source) for r in listed]
            continue
        none = [c for c in stated if (c.department, c.year) == (b.department, b.year) and c.amount == 0] \
            if focus == "subordinates" else []
        if none and (asks_count or re.search(L.EXISTENCE, frame.clause)):
            for c in none:  # 只有本级，没有其他二级预算单位: the document's own word that there is none of that kind
                items.append(Item(f"{c.label}个数", "0", c.unit, b.department, b.year, c.source))
        else:
            none = []
        if focus == "subordinates":  # the department's own unit in its list of units is 本级, not a subordinate
            mine = [r for r in mine if not _is_itself(r.label, b.department)]
            # one unit named twice, once with a bracket of what it is (…保障中心（地方机构）, the income table's
            # …保障中心): one unit
            mine = [r for i, r in enumerate(mine) if all(_bare(o.label) != _bare(r.label) for o in mine[:i])]
            if none and not mine:
                parts.append(f"{who(b.department, b.year)}没有{none[0].label}"
                             + (f"（原文：{none[0].attrs['sentence']}）" if none[0].attrs.get("sentence") else ""))
                continue
            kind = re.search(L.UNIT_KIND_COUNT, frame.clause)
            if kind:  # 管着几个监狱: the units of that kind, by their names
                mine = [r for r in mine if kind.group("kind") in r.label]
                if not mine:
                    parts.append(f"图谱中{who(b.department, b.year)}的下属单位里没有名称含“{kind.group('kind')}”的单位")
                    continue
            named_counts = [c for c in own_counts if c.key == "kind" and c.attrs.get("names")]
            if not mine and not kind and named_counts:
                # 下属单位有哪些 where the 部门概况 names them only in a count's list (西安 卫健委 2022 决算's 序号 单位名称
                # table under 所属27个二级预算单位): each such count with its units
                for c in named_counts:
                    sentence = c.attrs.get("sentence")
                    items.append(Item(f"{c.label}个数", str(int(c.amount)), c.unit, b.department, b.year, c.source))
                    parts.append(f"{who(b.department, b.year)}：{c.label}{int(c.amount)}{c.unit}"
                                 + (f"（原文：{sentence}）" if sentence else "") + _names_said(c, items, frame))
                continue
        if not mine:
            continue
        counting = frame.operation.name == "count" or "count" in frame.operation.also or \
            bool(re.search(r"(?:几|多少)(?:个|家)?(?:内设|处室|科室|机构|部门|单位|直属|下属|所属)", frame.clause))
        if whole:  # 部门预算包括几个单位: the department itself and its subordinate units
            places, org = split_place(b.department)
            own = Item(f"{places[-1] if places else ''}{org}本级", None, None, b.department, b.year, b.source)
            items.append(own)
        looked_for = _named_among(frame.filters.looked_for, mine)
        if looked_for is not None:  # 有没有电子数据审计处: the ones asked for, said found or not
            items += [Item(r.label, None, None, r.department, r.year, r.source) for r in looked_for[0]]
        elif not counting or len(mine) <= L.COUNT_LISTED or re.search(L.NAMES_ASKED, frame.clause) or \
                "list" in frame.operation.also:  # 有几个？: the count, the names in the sentence
            items += [Item(r.label, None, None, r.department, r.year, r.source) for r in mine]
        if focus == "divisions":
            items.append(Item("内设科室个数", str(len(mine)), "个", b.department, b.year, b.source))
        elif counting or whole:
            items.append(Item("单位个数", str(len(mine) + whole), "个", b.department, b.year, b.source))
        parts.append(f"{who(b.department, b.year)}有{len(mine)}个{word}：" + "、".join(r.label for r in mine) +
                     (_kinds_of(own_counts, mine) if focus == "subordinates" else "") +
                     (f"；部门预算包括本级和{len(mine)}个下属单位，共{len(mine) + 1}个" if whole else "") +
                     "".join(f"（文件称：{c.attrs.get('sentence') or '没有' + c.label}）" for c in none) +
                     (f"；{'；'.join(looked_for[1])}" if looked_for else ""))
    if not parts:  # units listed, none of them of what the clause asks: said so, never an empty answer
        return Result(text=f"没有找到：图谱中没有{'、'.join(dict.fromkeys(b.department for b in budgets))}"
                           f"符合所问的{word}。")
    return Result(items, with_note("；".join(parts) + "。", note), [], rows)


def _bare(name: str) -> str:
    """A unit's name without a closing bracket saying what it is (（地方机构）, （本级）)."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", name)


def counted_kind_named(frame: Frame, ctx: Context) -> Result | None:
    """有哪些区县气象局 / 区县气象局有几个, read as another focus (气象局 is a department word): the count of
    units the 部门概况 states of the kind the clause names as printed, with its units by name where it
    lists them. ``None`` unless the clause names such a kind whole (4 characters or more, not ending in
    单位/机构, which the parser reads as units already) of a count that names its units, and asks which or
    how many, not money."""
    if frame.focus in ("divisions", "subordinates") or not re.search(L.NAMES_ASKED + r"|几|多少", frame.clause) \
            or re.search(r"钱|经费|资金|金额|万元|预算|决算|支出|收入|最|排", frame.clause):
        return None  # (下属单位预算最多的三个: money of units, the units executor's)
    budgets, note = ctx.scope(frame)
    if not budgets or len(budgets) > 4:
        return None
    counts = [c for c in ctx.rows("unit_counts", budgets) if c.key == "kind" and c.attrs.get("names")
              and len(c.label) >= 4 and c.label in frame.clause
              and not re.search(r"(?:单位|机构)$", c.label)]  # a kind by a unit word is the subordinates focus's
    if not counts:
        return None
    items: list[Item] = []
    parts = []
    for c in counts:
        sentence = c.attrs.get("sentence")
        items.append(Item(f"{c.label}个数", str(int(c.amount)), c.unit, c.department, c.year, c.source))
        parts.append(f"{who(c.department, c.year)}：{c.label}{int(c.amount)}{c.unit}"
                     + (f"（原文：{sentence}）" if sentence else "") + _names_said(c, items, frame))
    return Result(items, with_note("；".join(parts) + "。", note), [], counts)


def _names_wanted(names: list[str], frame: Frame) -> bool:
    """Whether a count's units are said by name beside it: as a list gives names beside a count — a
    short list, or names asked (有哪些, 分别是)."""
    return bool(names) and (len(names) <= L.COUNT_LISTED or re.search(L.NAMES_ASKED, frame.clause) is not None
                            or "list" in frame.operation.also)


def _names_said(count: Row, items: list[Item], frame: Frame | None = None) -> str:
    """``，分别为A、B`` — the units a stated count counts, as the document lists them after it; each an item
    of the answer where names are asked (有哪些, 分别是) or no frame is given — a count asked (有多少直属事业单位)
    says them in its sentence only, its rows the counts; "" where it lists none."""
    names = count.attrs.get("names") or []
    as_rows = frame is None or re.search(L.NAMES_ASKED, frame.clause) is not None or "list" in frame.operation.also \
        or len(names) <= L.COUNT_LISTED // 2  # (a count's few units are rows; a long list stays in the sentence)
    if as_rows:
        items += [Item(n, None, None, count.department, count.year, count.source, {"kind": count.label}) for n in names]
    return "" if not names else f"，即{names[0]}" if len(names) == 1 else f"，分别为{'、'.join(names)}"


def _kinds_of(counts: list[Row], listed: list[Row]) -> str:
    """``（其中下属差额拨款事业单位1个：江苏省法官培训学院；派出机构1个：徐州铁路运输法院）`` — the kind each
    listed unit is of, where the 部门概况 counts a kind and names its members; "" where it names none."""
    labels = {_bare(r.label) for r in listed}
    said = [f"{c.label}{int(c.amount)}{c.unit}：{'、'.join(c.attrs['names'])}" for c in counts
            if c.key == "kind" and c.attrs.get("names") and {_bare(n) for n in c.attrs["names"]} & labels]
    return f"（其中{'；'.join(said)}）" if said else ""


def _named_among(names: list[str], rows: list) -> tuple[list, list[str]] | None:
    """The rows a question looks for by name among a department's divisions or units (有没有电子数据审计处),
    and a sentence for each name: found (有) or not (没有). None when it names none."""
    if not names:
        return None
    found, said = [], []
    for name in names:
        hits = [r for r in rows if name in r.label or (len(r.label) >= 3 and r.label in name)]
        found += [r for r in hits if r not in found]
        said.append(f"有{'、'.join(r.label for r in hits)}" if hits else f"其中没有名为“{name}”的")
    return found, said


def _division_count(frame: Frame, ctx: Context, budgets, note: str) -> Result:
    """How many divisions a department has, as its 部门概况 states where it lists none of them."""
    rows = ctx.rows("division_counts", budgets) if budgets else []
    if not rows:
        return Result()
    items = [Item(f"{r.label}个数", str(int(r.amount)), r.unit, r.department, r.year, r.source) for r in rows]
    text = "；".join(f"{who(r.department, r.year)}：{r.label}{int(r.amount)}{r.unit}" +
                    (f"（原文：{r.attrs['sentence']}）" if r.attrs.get("sentence") else "") for r in rows) + \
        "。文件没有列出各科室的名称。"
    return Result(items, with_note(text, note), [], rows)


def _stated_count(counts: list[Row], clause: str, whole: bool) -> Row | None:
    """The count of units the document states that the clause asks: the kind it names (区县气象局,
    直属事业单位, 参公事业单位 — the longest named), else, where it asks how many units the budget covers
    (部门预算包括几家单位, 决算汇总了几个单位), the count of every unit covered."""
    named = [c for c in counts if _kind_core(c.label) and _kind_core(c.label) in clause]
    # 二级单位多少: a kind said without the 预算/决算 its count prints (所属27个二级预算单位)
    named = named or [c for c in counts if re.sub(r"^(?:预算|决算)?单位$", "", _plain_kind(c.label))
                      and _plain_kind(c.label) in clause]
    # 有几个二级预算单位: the kind as printed, whole (all its words are ones _kind_core leaves out)
    named = named or [c for c in counts if len(c.label) >= 4 and c.label in clause]
    if named:
        return max(named, key=lambda c: (len(_kind_core(c.label)), len(c.label), c.key == "covered"))
    if whole:
        return next((c for c in counts if c.key == "covered"), None)
    return None


def _other_counts_named(counts: list[Row], clause: str, chosen: Row) -> list[Row]:
    """The stated counts of other kinds the clause names beside the one ``_stated_count`` chose (直属事业单位
    和区县气象局): each kind whose name stands in the clause apart from the chosen one's."""
    core = _kind_core(chosen.label)
    out: list[Row] = []
    for c in counts:
        name = _kind_core(c.label)
        if c is chosen or not name or not _kind_named(name, clause) or name in core or core in name \
                or any(name in _kind_core(o.label) or _kind_core(o.label) in name for o in out):
            continue
        out.append(c)
    return out


# a kind of unit as a question says it (下属事业单位, 派出机构, 直属单位)
_KIND_SAID = re.compile(r"(?:下属|直属|所属|下辖|派出)[\u4e00-\u9fff]{0,6}?(?:单位|机构)")


def _kind_named(kind: str, clause: str) -> bool:
    """Whether the clause names a counted kind: whole, or said short with the qualifiers inside it left
    out (下属事业单位 for 下属差额拨款事业单位: ``pieces.within``)."""
    return kind in clause or any(_within(m.group(0), kind) for m in _KIND_SAID.finditer(clause))


def _plain_kind(kind: str) -> str:
    """A counted kind as people say it, without the 预算/决算 before 单位 (二级预算单位 → 二级单位)."""
    return re.sub(r"(?:预算|决算)(?=单位$)", "", kind)


def _kind_core(kind: str) -> str:
    """A counted kind without the words of governing (下属/所属/直属 stay: 直属事业单位 is asked so)."""
    return re.sub(r"^(?:二级)?(?:预算|决算)?单位$", "", kind)


def _is_itself(unit: str, department: str) -> bool:
    """Whether a unit listed under a department is the department itself (烟台市财政局 in 烟台市财政局's
    list of budget units; 本级 / 机关 / brackets aside)."""
    def core(name: str) -> str:
        return re.sub(r"[（(](?:本级|机关|汇总)[)）]|本级$|机关$", "", name)
    return core(unit) == core(department)


@executor("functions")
def functions(frame: Frame, ctx: Context) -> Result:
    budgets, note = ctx.scope(frame)
    rows = ctx.rows("functions", budgets)
    if not rows:
        return Result()
    items = [Item("主要职能", None, None, r.department, r.year, r.source, {"text": r.attrs["text"]}) for r in rows]
    text = "；".join(f"{who(r.department, r.year)}的主要职能：{r.attrs['text']}" for r in rows)
    return Result(items, with_note(text, note), [], rows)


@executor("definitions")
def definitions(frame: Frame, ctx: Context) -> Result:
    """名词解释 texts of the terms, from every budget that defines them."""
    terms = frame.filters.terms
    if not terms:
        return Result()
    rows = ctx.rows("definitions", ctx.budgets(), Constraints(terms=terms))
    if not rows:
        return Result()
    first: dict[str, Row] = {}
    for r in rows:
        first.setdefault(r.label, r)
    items = [Item(r.label, None, None, r.department, r.year, r.source, {"text": r.attrs["text"]}) for r in first.values()]
    text = "；".join(f"{r.label}：{r.attrs['text']}（{who(r.department, r.year)}预算的名词解释）" for r in first.values())
    return Result(items, text, [], rows)


# ----------------------------------------------------------------------------- audit
_TOTAL_ROWS = re.compile(r"^(收入总计|支出总计|总计|收支总计)$")


def _table_no(table: str) -> int:
    m = re.search(r"\d+", table or "")
    return int(m.group()) if m else 0


def _finding_groups(findings: list[Row]) -> list[tuple[tuple, list]]:
    """Failed checks grouped by the figure they are about: the same subject code or total in
    several tables is one finding naming every table."""
    groups: dict[tuple, list] = {}
    for f in findings:
        m = re.match(r"^(表\d+)\s+(.*)$", f.label)
        table, rest = (m.group(1), m.group(2)) if m else ("", f.label)
        code = re.match(r"^(\d{3,7})(?:\s|$)", rest)
        printed = str(f.attrs.get("printed"))
        if f.key in _YEAR_RULES:  # one slip of the year in a section's every sentence: one finding
            key = ("year", rest.split(" ")[0] if not table else table, printed)
        elif code and rest.strip() == code.group(1):
            key = ("code", code.group(1), printed)
        elif _TOTAL_ROWS.match(rest.replace("收入方", "").strip()):
            key = ("total", "收支总计", printed)
        else:
            key = ("other", f.label, printed)
        groups.setdefault(key, []).append((table, f))
    return list(groups.items())


# The words of a finding's ``where`` that say in which table or section it was found, not which figure.
_WHERE_NOISE = re.compile(r"(?:部门公开|公开|预算|决算)?表\s*[0-9一二三四五六七八九十]+|^说明|（类）|（款）|（项）|\s+")


def finding_figure(where: str) -> str:
    """The figure a finding is about, without its tables and codes (``表1 208 社会保障和就业支出 vs 表3
    208`` → 社会保障和就业支出; ``说明 一般公共服务支出（类） 占比`` → 一般公共服务支出占比): what a
    question names when it asks about one finding."""
    first = re.split(r"\s+vs\s+", where or "")[0]
    first = re.sub(r"^\S*说明[一二三四五六七八九十（）()\d]*\s+", "", first)  # its section (部门预算编制说明, 说明八)
    first = re.sub(r"(?:^|\s)\d{3,7}(?=\s|$)", " ", first)
    return _WHERE_NOISE.sub("", first)


def _short(text: str) -> str:
    """A figure's name in the short form people and documents both use (财政拨款收入支出总计 → 财政拨款收支总计)."""
    return text.replace("收入支出", "收支").replace("收、支", "收支")


def _named_findings(groups: list, clause: str, only: bool = False) -> list:
    """The groups whose figure the question names (说明里的“财政拨款收入支出总计”对吗), or all of them
    (none with ``only``)."""
    text = _short(re.sub(r"[“”\"\s]", "", clause or ""))
    named = [g for g in groups if len(finding_figure(g[1][0][1].label)) >= 4
             and _short(finding_figure(g[1][0][1].label)) in text]
    if not named:  # 住房公积金…说明和报表一致吗: the finding of the row its path ends in (…住房公积金（01项） 增减幅度)
        named = [g for g in groups if (_leaf_named(finding_figure(g[1][0][1].label)) or "") in text
                 and _leaf_named(finding_figure(g[1][0][1].label))]
    return named if named or only else groups


def _in_table_named(rows: list[Row], clause: str) -> list[Row]:
    """收支总表里…加起来等于合计吗: the findings made in the table the question names, where it names one
    (its words in the printed title in order: 收支总表 in 部门收支预算总表) and some findings are of it —
    every finding otherwise."""
    asked = [w[:-1] for w in re.findall(r"([\u4e00-\u9fff]{2,10}表)", re.sub(r"[“”\"\s]", "", clause or ""))
             if not w.endswith(("报表", "图表", "代表", "发表", "列表"))]
    if not asked:
        return rows

    def in_order(word: str, title: str) -> bool:
        rest = iter(title)
        return all(ch in rest for ch in word)

    def title(r: Row) -> str:  # a table's printed title (表1 市级部门收支预算总表), "" for a 说明's section
        name = str(place_of(r) or "").split("——")[0]
        return name if re.match(r"表\s*\d", name) else ""
    kept = [r for r in rows if title(r) and any(in_order(w + "表", title(r)) for w in asked if len(w) >= 2)]
    if not kept:
        return rows
    # (收支总表: 表1 收支预算总表, not 表4 财政拨款收支预算总表 — the title with the fewest words beside those said)
    tightest = min(len(title(r)) for r in kept)
    return [r for r in kept if len(title(r)) == tightest]


def _leaf_named(figure: str) -> str | None:
    """The last subject a finding's figure walks down to (住房公积金 of 住房保障支出（221类）住房改革支出（02款）
    住房公积金（01项）增减幅度), where the figure is such a path of two or more levels and the name is long enough
    (four characters or more) not to be part of another name by chance."""
    names = re.findall(r"([\u4e00-\u9fff]{2,})（\d*[类款项]）", figure or "")
    return names[-1] if len(names) >= 2 and len(names[-1]) >= 4 else None


def _named_by_words(findings: list[Row], clause: str) -> list[Row]:
    """The findings whose figure the question names word by word (``部门整体绩效目标表 资金总额`` for
    部门整体绩效目标表里的资金总额…对吗): every word of the finding's place and figure, before ``vs``, is in
    the question, one of them a table's or a section's name and one a figure's."""
    text = _short(re.sub(r"[“”\"\s]", "", clause or ""))
    out = []
    for f in findings:
        words = [w for w in re.split(r"\s+vs\s+", f.label or "")[0].split(" ") if w]
        if len(words) >= 2 and all(len(w) >= 4 and _said_in(_short(w), text) for w in words):
            out.append(f)
    # and the other figures found wrong in the same place (the table's 基本支出 beside its 资金总额)
    places = {re.split(r"\s+vs\s+", f.label or "")[0].split(" ")[0] for f in out}
    return out + [f for f in findings if f not in out and (f.label or "").split(" ")[0] in places
                  and len((f.label or "").split(" ")) >= 2]


def _said_in(word: str, text: str) -> bool:
    """Whether the question says ``word``: as it is, or — a long name — with a word more or less
    inside it (部门整体支出绩效目标表 for the finding's 部门整体绩效目标表)."""
    if word in text:
        return True
    if len(word) < 6:
        return False
    from difflib import SequenceMatcher

    return any(SequenceMatcher(None, word, text[i:i + n]).ratio() >= 0.85
               for n in range(len(word) - 2, len(word) + 4) for i in range(0, max(len(text) - n, 0) + 1))


# A finding of the 说明 against another place of the 说明 (``说明二（七） 公务用车购置辆数 vs 说明二（十） 购置车辆``).
_NARRATIVE_VS_NARRATIVE = re.compile(r"^\S*说明\S*\s.*\svs\s\S*说明")


def _narrative_twice(findings: list[Row], clause: str) -> list[Row]:
    """The findings where the 说明 says one thing twice differently, where the question asks whether
    the document agrees with itself (前后说法一致吗, 两处矛盾吗) and names no table and no sum (加起来)."""
    if not re.search(SELF_AGREEMENT_WORDS, clause or "") or re.search(L.AUDIT_SUM + r"|表", clause or ""):
        return []
    return [f for f in findings if _NARRATIVE_VS_NARRATIVE.match(f.label or "")]


def _with_purchase_money(listed: Result, findings: list[Row], ctx: Context, budgets) -> Result:
    """A count of vehicles to buy said twice differently (购置5辆 / 购置车辆6辆) comes with the money the 三公
    sets for buying them (公务用车购置费151.68万元): what the two counts are about."""
    if not listed.items or not any(f.key == "vehicle_count" for f in findings):
        return listed
    mine = [b for b in budgets if any((b.department, b.year) == (f.department, f.year) for f in findings
                                      if f.key == "vehicle_count")]
    money_rows = [r for r in ctx.rows("figures", mine, Constraints(items=["three_public.vehicle_purchase"]))
                  if r.amount]
    if not money_rows:
        return listed
    extra = [item_of(r, ctx.vocab.label(r.key)) for r in money_rows]
    said = "；".join(f"{who(r.department, r.year)}“三公”经费中{ctx.vocab.label(r.key)}{money(r.amount)}万元" for r in money_rows)
    return Result(listed.items + extra, listed.text.rstrip("。") + f"；{said}。", listed.derived, listed.rows)


def _table_findings(frame: Frame, ctx: Context) -> Result:
    """The findings of a table the 说明 prints that the question names (``_in_narrative_table``), the
    misprinted cell first."""
    budgets, note = ctx.scope(frame)
    if not budgets:
        return Result()
    chosen = _in_narrative_table(ctx.rows("findings", budgets), frame.clause)
    return _list_findings(chosen, frame, ctx, budgets, note) if chosen else Result()


def _project_amount_places(findings: list[Row], clause: str) -> list[Row]:
    """The findings of a project's amount printed differently in two places (项目支出表 against the 说明's
    重点项目 list), where the question asks whether the projects' amounts in two tables agree."""
    if not (re.search(r"项目", clause or "") and len(re.findall(r"表", clause or "")) >= 2):
        return []
    return [f for f in findings if f.key == "project_amount_places"]


def _narrative_table(finding: Row) -> tuple[str, str] | None:
    """(the table's word, the figure) of a finding in a table the 说明 prints among its text
    (``说明 对比表 2022年专项业务费`` → 对比表, 2022年专项业务费), None for any other finding."""
    words = re.split(r"\s+vs\s+", finding.label or "")[0].split(" ")
    if len(words) < 3 or "说明" not in words[0] or not re.fullmatch(r"\S{2,}表", words[1]):
        return None
    return words[1], " ".join(words[2:])


def _in_narrative_table(findings: list[Row], clause: str) -> list[Row]:
    """The findings of a 说明's own table the question names, by its kind (那张对比表, 对比图表) or by a
    figure of it (专项业务费的数对吗); a misprinted cell first, then the sums and changes it breaks."""
    text = re.sub(r"[“”\"\s]", "", clause or "")
    out = []
    for f in findings:
        table = _narrative_table(f)
        if table is None:
            continue
        stem = table[0][:-1]
        figure = re.sub(r"^\d{4}年|变化$", "", table[1])
        if re.search(re.escape(stem) + r"\S{0,2}[表图]", text) or (len(figure) >= 4 and figure in text):
            out.append(f)
    return sorted(out, key=lambda f: f.key != "year_table_cell")


# A finding of a figure the 说明 states against a table (``说明六 “三公”经费 vs 表13``): the figure's words.
_STATED_VS_TABLE = re.compile(r"^\S*说明\S*\s+(.+?)\s+vs\s+\S*表\S*$")


def _narrative_against_table(findings: list[Row], clause: str) -> list[Row]:
    """The findings of the figures the 说明 states against a table, where the question names the 说明
    (说明里写的…, 文字) and a table, and the figure by its word (三公 of “三公”经费, 会议费, 培训费)."""
    if not (re.search(NARRATIVE_WORDS, clause or "") and "表" in (clause or "")):
        return []
    text = re.sub(r"[“”\"\s]", "", clause)
    out = []
    for f in findings:
        m = _STATED_VS_TABLE.match(f.label or "")
        core = re.sub(r"(?:经费|费用|支出)$", "", re.sub(r"[“”\"]", "", m.group(1))) if m else ""
        if len(core) >= 2 and core in text:
            out.append(f)
    # and the section's other figures found different from the same table (会议费、培训费 beside 三公)
    tables = {re.split(r"\s+vs\s+", f.label)[1] for f in out}
    return out + [f for f in _same_section(out, findings) if _STATED_VS_TABLE.match(f.label or "")
                  and re.split(r"\s+vs\s+", f.label)[1] in tables]


def _against_named_table(findings: list[Row], clause: str) -> list[Row]:
    """The findings that compare a figure with the table the question names (``说明八 信访局临聘人员经费
    vs 项目支出表`` for 说明和项目支出表对得上吗), where the question also names the narrative."""
    if not re.search(NARRATIVE_WORDS, clause or ""):
        return []
    text = re.sub(r"[“”\"\s]", "", clause)
    out = []
    for f in findings:
        parts = re.split(r"\s+vs\s+", f.label or "")
        table = re.sub(r"\s.*$", "", parts[1]) if len(parts) == 2 else ""
        if len(table) >= 4 and not re.fullmatch(r"表\d+|预算表\d+", table) and table in text:
            out.append(f)
    # and the other findings of the same 说明 section (its list of projects not adding up to the total
    # the figure found different belongs to): the section is checked as a whole
    return out + _same_section(out, findings)


def _same_section(chosen: list[Row], findings: list[Row]) -> list[Row]:
    """The findings of the 说明 sections the chosen findings stand in (``说明八 …``), not chosen yet."""
    sections = {(f.label or "").split(" ")[0] for f in chosen if re.match(r"说明", f.label or "")}
    return [f for f in findings if f not in chosen and (f.label or "").split(" ")[0] in sections]


def _narrative_lists(findings: list[Row], clause: str) -> list[Row]:
    """The narrative_sum findings of the lists the question asks about, where it asks about the
    narrative's own list (说明里列的几个项目…加起来): of projects where it names projects, else those whose
    total it names."""
    if not (re.search(NARRATIVE_WORDS, clause or "") and re.search(L.AUDIT_SUM, clause or "")):
        return []
    lists = [f for f in findings if f.key == "narrative_sum"]
    if "项目" in clause:
        lists = [f for f in lists if "所列项目" in (f.label or "")]
    else:
        text = _short(re.sub(r"[“”\"\s]", "", clause))
        # 说明里列的各科目加起来…: the lists of functional subjects, whatever total the question names
        subjects = re.search(dict(L.AUDIT_PARTS)["functional_classes"] + r"|各项", clause)
        lists = [f for f in lists if (len(finding_figure(f.label)) >= 2 and _short(finding_figure(f.label)) in text)
                 or (subjects and LIST_WHERE.search(f.label or ""))]
    # and which listed item is off: the other findings of the same section (说明八 X vs 项目支出表)
    sections = {(f.label or "").split(" ")[0] for f in lists}
    return lists + [f for f in findings if f not in lists and (f.label or "").split(" ")[0] in sections
                    and re.match(r"说明", f.label or "")]


# Findings whose working (the parts added up, the two places compared) the answer shows with them.
_WORKING_SHOWN = {"narrative_sum", "same_figure", "year_table_sum", "year_table_change", "year_table_cell"}


def _listed_subjects(listed: Result, rows: list[Row], ctx: Context, budgets) -> Result:
    """A list of functional subjects that does not add up, and which listed subject is off: the
    narrative's statements of those subjects against the tables' rows (``audit_narrative``), the
    mismatches added after the list's own finding."""
    lists = [r for r in rows if r.key == "narrative_sum" and LIST_WHERE.search(r.label or "")]
    if not lists:
        return listed
    # the sum the list makes, as a derived figure with its inputs (说明所列6项之和 = 53.84 + … = 991.59)
    sums = []
    for r in lists:
        count = re.match(r"(\d+)个", str(r.attrs.get("working") or ""))
        if count and r.attrs.get("expected") is not None:
            sums.append(Item(f"说明所列{count.group(1)}项之和", money(r.attrs["expected"]), WAN, r.department, r.year,
                             r.source, {"formula": str(r.attrs.get("working")), "rule": "narrative_sum"}))
    mine = [b for b in budgets if any((b.department, b.year) == (r.department, r.year) for r in lists)]
    against = audit_narrative(ctx, mine)
    off = [i for i in against.items if i.extra.get("rule") == "narrative_table" or
           (i.extra.get("rule") is None and "表中" in i.label)]
    # only the subjects the list itself names (a list of 类 says nothing of the 项 stated elsewhere)
    working = "".join(str(r.attrs.get("working") or "") for r in lists)
    off = [i for i in off if re.split(r"[（(]", i.label)[0] in working]
    if not off:
        return Result(listed.items + sums, listed.text, listed.derived, listed.rows)
    said = "；".join(f"{i.label}：说明写{i.value}万元，表中为{i.extra['expected']}" for i in off
                    if i.extra.get("rule") == "narrative_table")
    return Result(listed.items + sums + off, listed.text + "所列科目中与表中不一致的：" + said + "。",
                  listed.derived + against.derived, listed.rows)


# 和项目支出总额对得上吗: the figure the part before gave, checked against a total the question names.
_AGAINST_NAMED = re.compile(r"^(?:和|与|跟|同)(?P<what>[^，。？?]{2,16}?)(?:能)?(?:对得上|对上|一致|相符|相等|一样)")


def _against_previous_figure(frame: Frame, ctx: Context, budgets) -> Result:
    """The last money figure of the previous part against the figure this part names."""
    m = _AGAINST_NAMED.match(frame.clause or "")
    previous = ctx.previous
    if not m or previous is None or len(budgets) != 1:
        return Result()
    from nlp.cues import find_cues

    key = next((c.value for c in find_cues(m.group("what")) if c.kind == "measure" and c.value in ctx.vocab.measures),
               None)
    said = next((i for i in reversed(previous.items) if i.unit == WAN and i.value and not i.extra.get("formula")), None)
    if key is None or said is None:
        return Result()
    rows = [r for r in ctx.rows("figures", budgets, Constraints(items=[key])) if r.amount is not None]
    if not rows:
        return Result()
    row, value = rows[0], Decimal(said.value)
    label = ctx.vocab.label(key)
    d = D.difference(D.Input(said.label, value, WAN, said.department, said.year, said.source),
                     figure_input(row, label))
    agrees = value == row.amount
    text = (f"{said.label}{money(value)}万元与{who(row.department, row.year)}{label}{money(row.amount)}万元"
            + ("一致，对得上。" if agrees else f"不一致，{d.formula}。"))
    return Result([item_of(row, label), derived_item(d)], text, [d], [row])


@executor("findings")
def findings(frame: Frame, ctx: Context) -> Result:
    """Failed checks of the budgets (or a named project's own arithmetic), one item per figure, each
    row with the item it checks and its 说明 section as fields (``finding_fields.described``)."""
    frame = _compared_year(frame, ctx)
    result = _findings(frame, ctx)
    halves = frame.clause.split("；")
    if len(halves) > 1 and result.items and all(re.search(L.AGREEMENT_ASKED, h) for h in halves):
        # 各类支出加起来等于总数吗；增减额对得上吗: two checks read as one part — the first one's too, where the
        # whole answered another
        first = _findings(replace(frame, clause=halves[0]), ctx)
        said = {(i.label, i.value) for i in result.items}
        if first.items and not any((i.label, i.value) in said for i in first.items) and first.text != result.text:
            result = Result(first.items + result.items, first.text + result.text, first.derived + result.derived,
                            first.rows + result.rows, result.relaxed)
    _with_own_check(result, frame, ctx)
    result = _with_lists_of_same_total(result, frame, ctx)
    described(result.items)
    return result


def _rates_of_subjects(rows: list[Row], frame: Frame) -> list[Row]:
    """The percentage findings (占比, 增减幅度) of the subjects the question names, where it asks a rate."""
    if not re.search(r"占|" + L.PERCENT_ASKED, frame.clause or ""):
        return []
    names = [s.name for s in frame.filters.subjects if s.name and len(s.name) >= 4]
    return [r for r in rows if r.key in _PERCENT_RULES and any(n in (r.label or "") for n in names)]


def _with_lists_naming(stated: Result, rows: list[Row], names: list[str], frame: Frame, ctx: Context, budgets,
                       note: str) -> Result:
    """A subject's statement checked, and the narrative's lists that name it and do not add up (说明所列6项
    之和991.59 against 950.12, 社会福利事业单位 738.66 among them), after it."""
    if not stated.items:
        return stated
    lists = [r for r in rows if r.key == "narrative_sum"
             and any(n and len(n) >= 4 and n in str(r.attrs.get("working") or "") for n in names)]
    if not lists:
        return stated
    more = _list_findings(lists, frame, ctx, budgets, note)
    return Result(stated.items + more.items, stated.text + "另外，" + more.text, stated.derived + more.derived,
                  stated.rows + more.rows)


def _with_lists_of_same_total(result: Result, frame: Frame, ctx: Context) -> Result:
    """A recomputed sum that agrees with the printed total (the project table's four projects make
    474.56), and the 说明's own list of the same total that does not (its four items make 473.56): the
    list's finding is told after it, so "对得上" is not said of the whole document."""
    if not result.items or any(i.extra.get("rule") for i in result.items):
        return result
    printed = {i.value for i in result.items if i.value and re.search(r"[（(]印数[)）]$", i.label or "")}
    if not printed:
        return result
    budgets, note = ctx.scope(frame)
    values = {i.value for i in result.items if i.value}
    lists = [f for f in (ctx.rows("findings", budgets) if budgets else [])
             if f.key == "narrative_sum" and money(f.attrs.get("printed")) in printed
             and money(f.attrs.get("expected")) not in values  # a sum the answer has not made already
             and str(f.attrs.get("severity") or "") != "notice"]
    if not lists:
        return result
    more = _list_findings(lists, frame, ctx, budgets, note)
    return Result(result.items + more.items, result.text + "另外，" + more.text, result.derived + more.derived,
                  result.rows + more.rows)


def _compared_year(frame: Frame, ctx: Context) -> Frame:
    """A check asked of the year a document compares with (各科目跟2025年执行数的比较有没有写错的), where the
    graph holds no budget of that year but the next one's: the next year's budget, whose 说明 makes the
    comparison, is the one checked."""
    years = frame.filters.years
    if len(years) != 1 or ctx.scope(frame)[0]:
        return frame
    y = years[0]
    said = rf"(?:比|较|跟|与|和|同){y}年|{y}年度?的?(?:当年)?(?:预算)?(?:执行|决算|实际)"
    if not re.search(said, re.sub(r"\s", "", frame.clause or "")):
        return frame
    nxt = replace(frame, filters=replace(frame.filters, years=[y + 1]))
    return nxt if ctx.scope(nxt)[0] else frame


def _with_own_check(result: Result, frame: Frame, ctx: Context) -> None:
    """A sum recomputed from the graph's rows (有绩效目标表的项目金额之和 = 286.91 against 417.41) that the
    document's own check also made: the sum's row gets the check's place and ``where`` (the table as the
    page titles it), so the recomputation is tied to where the document prints the figures."""
    if not result.items or any(i.extra.get("rule") for i in result.items):
        return
    budgets, _ = ctx.scope(frame)
    values = {i.value for i in result.items if i.value}
    for f in ctx.rows("findings", budgets) if budgets else []:
        printed, expected = money(f.attrs.get("printed")), money(f.attrs.get("expected"))
        if printed not in values or expected not in values or not place_of(f):
            continue
        for i in result.items:
            if i.value == expected and i.extra.get("formula") and not i.extra.get("place"):
                i.extra.update({"place": place_of(f), "where": f.label})
                return


def _findings(frame: Frame, ctx: Context) -> Result:
    rates = _stated_rates_checked(frame, ctx)
    if rates.items:  # 财政拨款支出完成率、信访业务项完成率算得对吗: each rate the 决算 states, recomputed
        return rates
    in_table = _table_findings(frame, ctx)
    if in_table.items:  # 说明里那张对比表的专项业务费对吗: before a project whose name holds 业务费
        return in_table
    projects = _projects_of(frame, ctx) or _projects_described(frame, ctx)
    if projects:
        return _audit_projects(projects, ctx, frame.clause)
    budgets, note = ctx.scope(frame)
    if not budgets:
        return Result()
    admitted = _admitted_slips(frame, ctx, budgets)
    if admitted.items:
        return admitted
    against_previous = _against_previous_figure(frame, ctx, budgets)
    if against_previous.items:
        return against_previous
    two_tables = _three_public_against_subjects(frame, ctx, budgets)
    if two_tables.items:
        return two_tables
    if re.search(r"三公", frame.clause) and re.search(r"增减|增长率|增幅|降幅|增加额|减少额", frame.clause) \
            and "表" not in frame.clause:
        # 三公经费说明里的增减数和增长率对得上吗: the family's statements, each recomputed, the members against the whole
        family = change_sums.audit_family_changes(ctx, budgets, "three_public.total")
        if family.items:
            return family
    kinds = tuple(k for k in change_sums.FUND_KINDS if k in frame.clause)
    if kinds and re.search(r"收入", frame.clause) and re.search(r"支出", frame.clause):
        # 政府性基金：收入说增加125,999万元，支出却说只增加31,183.05万元，对得上吗: the two sides of one kind of funds
        sides = change_sums.audit_fund_sides(ctx, budgets, kinds)
        if sides.items:
            return sides
    if re.search(vehicle_costs.ASKED, frame.clause):
        # 一辆车都没有，那公务用车运行费28万元是怎么回事: no vehicle held beside the money for running one
        cars = vehicle_costs.audit_vehicle_costs(ctx, budgets)
        if cars.items:
            return cars
    if change_sums.asked(frame.clause):
        # 各类科目的增减加起来对得上吗: the classes' stated changes against the total's (the 项 against their class)
        summed = change_sums.audit_change_sums(ctx, budgets, frame.clause, [a.value for a in find_amounts(frame.clause)])
        if summed.items:
            return summed
    rows = ctx.rows("findings", budgets)
    places = _project_amount_places(rows, frame.clause)
    if places:  # 重点项目绩效表里的金额跟项目表一致吗: the projects whose amount two places print differently
        return _list_findings(places, frame, ctx, budgets, note)
    twice = _narrative_twice(rows, frame.clause)
    if twice:  # 说明里…前后说法一致吗: the findings of the 说明 against itself, not every table's
        return _with_purchase_money(_list_findings(twice, frame, ctx, budgets, note), twice, ctx, budgets)
    family = next((key for key, rx in L.AUDIT_PARTS if re.search(rx, frame.clause)), None)
    stated_vs_table = _narrative_against_table(rows, frame.clause) if family else []
    if stated_vs_table:  # 说明里的三公、会议费、培训费和三公经费表一致吗: the 说明's figures against that table
        return _list_findings(stated_vs_table, frame, ctx, budgets, note)
    if family in _FIGURE_PARTS and not re.search(L.PERCENT_ASKED, frame.clause):
        # 三公46.21万元，三项加起来是多少: a figure family's printed parts, their sum and the printed
        # total (and the amount the question states), whether or not a check failed
        parts_checked = _audit_parts(frame, ctx, budgets)
        if parts_checked.items:
            return parts_checked
    rate_stated = _stated_rate_checked(frame, ctx, budgets)
    if rate_stated.items:  # 说…增加1668.14万元、增长0%，这个说法对吗: that statement recomputed, before the tables'
        return rate_stated
    said = [Decimal(x.replace(",", "")) for x in re.findall(L.STATED_FIGURE, frame.clause)]
    stated = [r for r in rows if said and any(_same_amount(r.attrs.get(k), v) for v in said
                                              for k in ("printed", "expected"))]
    if stated and re.search(L.AUDIT_SUM + r"|是不是|对不对|对吗|哪个对|" + L.AGREEMENT_ASKED, frame.clause):
        # 加起来是不是474.56: the checks of the figure the question states (printed or added up), and
        # which listed figure is off (the other findings of the same narrative section)
        sections = {(r.label or "").split(" ")[0] for r in stated}
        stated += [r for r in rows if r not in stated and (r.label or "").split(" ")[0] in sections
                   and re.match(r"说明", r.label or "")]
        return _listed_subjects(_list_findings(stated, frame, ctx, budgets, note), stated, ctx, budgets)
    if re.search(L.PERCENT_ASKED, frame.clause):  # 各项占三公的百分比对吗: the narrative's percentages
        percents = [r for r in rows if r.key in _PERCENT_RULES]
        named_rates = [r for r in percents if len((r.label or "").split(" ")) >= 2
                       and len((r.label or "").split(" ")[1]) >= 3 and (r.label or "").split(" ")[1] in frame.clause]
        if named_rates:  # 说明里收入总计的增幅对吗: the rate of the figure named, found wrong by the checks
            return _list_findings(named_rates, frame, ctx, budgets, note)
        if percents and re.search(NARRATIVE_WORDS, frame.clause) and all(r.key == "change_percent" for r in percents):
            # 说明里各科目的增幅有没有写错: the statements recomputed from their own figures and the tables',
            # which tells the wrong rate from a wrong figure beside it
            recomputed = audit_narrative(ctx, budgets, clause=frame.clause)
            if recomputed.items:
                return recomputed
        if percents and re.search(r"报表|表里|表中|跟表|和表|与表", frame.clause) and re.search(NARRATIVE_WORDS, frame.clause):
            # 说明中的数字跟报表、跟自己给的增幅核得上吗: the 说明's figures against the tables too
            percents = percents + [r for r in rows if _in_narrative(r) and r not in percents]
        if percents:
            listed = _list_findings(percents, frame, ctx, budgets, note)
            return _with_share_sums(listed, percents, frame.clause) if re.search(L.AUDIT_SUM + r"|100", frame.clause) \
                else listed
        # no percentage found wrong by the tables' checks: the narrative's stated rates recomputed from their
        # own figures (增长100% on a base of 0; the 三公's 125% asked beside it, shown agreeing)
        recomputed = audit_narrative(ctx, budgets, clause=frame.clause)
        if recomputed.items:
            return recomputed
    if re.search(r"年份|年度|哪一?年|基期", frame.clause):  # 比较的年份写对了吗: the statements compared with the wrong year
        years = [r for r in rows if r.key == "baseline_year"]
        if years:
            return _list_findings(years, frame, ctx, budgets, note)
    against = _against_named_table(rows, frame.clause)
    if against:  # 项目支出的文字说明和项目支出表能对上吗: the narrative's figures found to differ from that table
        return _list_findings(against, frame, ctx, budgets, note)
    if frame.filters.subjects:
        shares = _rates_of_subjects(rows, frame)
        if shares:  # 其他信访事务支出占部门支出总额22%算得对吗: that subject's share found wrong
            return _list_findings(shares, frame, ctx, budgets, note)
        checked = _audit_subjects(frame, ctx, budgets)
        if checked.items or not (re.search(NARRATIVE_WORDS, frame.clause) or said):
            return checked
        # 说明里社会福利事业单位这一项跟表里一致吗: that subject's statement against its table row, and the
        # narrative's list it is printed in where that list does not add up (its figure is one of the parts)
        stated = audit_narrative(ctx, budgets, [s.code for s in frame.filters.subjects if s.code], frame.clause)
        return _with_lists_naming(stated, rows, [s.name for s in frame.filters.subjects], frame, ctx, budgets, note)
    table = re.search(r"(基本支出|经济分类|功能分类|支出)(?:预算|决算)?表", frame.clause)
    if table:  # 基本支出决算表分项加总和合计对得上吗: every class of that table against its parts
        scheme = "functional" if table.group(1) in ("功能分类", "支出") else "economic"
        rows = ctx.rows("subjects", budgets, Constraints(scheme=scheme, code_length=3, columns=["total"]))
        classes = list(dict.fromkeys(r.key for r in rows))
        if classes:
            from nlp.frames import Ref

            frame.filters.subjects = [Ref(f"{scheme}_subject", "", r.label, r.key) for r in rows
                                      if r.key in classes and r is next(x for x in rows if x.key == r.key)]
            frame.filters.scheme = scheme
            checked = _audit_subjects(frame, ctx, budgets)
            whole = _classes_against_total(scheme, rows, ctx, budgets) if re.search(L.CLASSES_ASKED, frame.clause) \
                else Result()
            if checked.items or whole.items:
                return Result(checked.items + whole.items, " ".join(t for t in (checked.text, whole.text) if t),
                              checked.derived + whole.derived, [])
    listed = _narrative_lists(rows, frame.clause)
    if listed:  # 说明里列的几个项目加起来对得上项目支出吗: the narrative's own list against its total
        return _listed_subjects(_list_findings(listed, frame, ctx, budgets, note), listed, ctx, budgets)
    worded = _named_by_words(rows, frame.clause)
    if worded:  # 部门整体绩效目标表的资金总额和基本支出对吗: the findings every word of whose figure is asked
        return _list_findings(worded, frame, ctx, budgets, note)
    parts_checked = _audit_parts(frame, ctx, budgets)
    if parts_checked.items:
        return parts_checked
    of_fund = [r for r in rows if any(k in frame.clause and k in (r.label or "") for k in change_sums.FUND_KINDS)]
    if of_fund:  # 政府性基金的数字各表一致吗: the findings about that kind of funds, notices included
        return _list_findings(of_fund, frame, ctx, budgets, note)
    named = _named_findings(_finding_groups(rows), frame.clause, only=True)
    if named:  # 说明里的“财政拨款收入支出总计”对吗: that figure's finding, before any other check
        return _list_findings([f for _, members in named for _, f in members], frame, ctx, budgets, note)
    asks_narrative = re.search(NARRATIVE_WORDS, frame.clause)
    narrative = audit_narrative(ctx, budgets, clause=frame.clause) if asks_narrative else Result()
    if narrative.items:  # 说明里的数字前后对不上吗: the narrative's statements against the tables
        return _with_narrative_findings(narrative, rows, frame, ctx, budgets, note)
    in_narrative = [r for r in rows if _in_narrative(r)] if re.search(NARRATIVE_NAMED, frame.clause) else []
    if in_narrative:  # 说明里有没有写错的: the findings made in the 说明, not every table's
        return _list_findings(in_narrative, frame, ctx, budgets, note, narrative.text)
    # (公用经费和机关运行经费对得上吗 names its figures: the cars held against their money is another matter)
    names_figures = any(compiled(rx).search(frame.clause) for _key, rx in L.MEASURE_WORDS)
    if not rows:  # no check failed in the tables: two places that do not fit each other are still an answer
        cars = vehicle_costs.audit_vehicle_costs(ctx, budgets) \
            if not names_figures or re.search(vehicle_costs.ASKED, frame.clause) else Result()
        if cars.items:
            return cars
        if re.search(SELF_AGREEMENT_WORDS, frame.clause):  # 前后说法一致吗: one kind of funds' two sides
            sides = change_sums.audit_fund_sides(ctx, budgets)
            if sides.items:
                return sides
    return _list_findings(rows, frame, ctx, budgets, note, narrative.text)


# A rate of change the question quotes (增长0%, 下降12.5%): the statement it checks prints that rate.
_QUOTED_RATE = re.compile(r"(?:增长|下降|增加|减少|降低|提高|增幅|降幅|减幅)(?:了|为|是)?\s*(\d+(?:\.\d+)?)\s*[%％]")


def _stated_rate_checked(frame: Frame, ctx: Context, budgets) -> Result:
    """A change the question quotes with its rate (说财政拨款支出比年初预算增加1668.14万元、增长0%，对吗): the
    narrative's statements recomputed (``audit_narrative``), answered where one of the statements found wrong
    prints the rate quoted — a rate on a base of 0, a rate that does not follow from its own figures."""
    quoted = {Decimal(x) for x in _QUOTED_RATE.findall(frame.clause or "")}
    if not quoted:
        return Result()
    recomputed = audit_narrative(ctx, budgets, clause=frame.clause)
    for it in recomputed.items:
        printed = str(it.extra.get("printed") or "")
        if it.extra.get("rule") == "narrative_rate" and printed.endswith("%"):
            try:
                if abs(Decimal(printed.rstrip("%"))) in quoted:
                    return recomputed
            except InvalidOperation:
                continue
    return Result()


# The rules ``audit_narrative`` recomputes itself from the statements (their findings would be told twice).
_RECOMPUTED = {"change_percent", "change_amount"}


def _in_narrative(finding: Row) -> bool:
    """A finding made in the 说明 (``部门预算编制说明 …``, ``说明四 …``), not in a table (``表3 …``)."""
    return "说明" in (finding.label or "").split(" ")[0]


def _with_narrative_findings(narrative: Result, rows: list[Row], frame: Frame, ctx: Context, budgets,
                             note: str) -> Result:
    """The narrative's statements against the tables, and the graph's other findings in the 说明 (a
    comparison with the wrong year, a share, a total against its table): 说明里有没有写错的 asks for all."""
    others = [r for r in rows if r.key not in _RECOMPUTED and _in_narrative(r)]
    named = [s.name for s in frame.filters.subjects if s.name and len(s.name) >= 2]
    if named:  # 其他信访事务支出…前后说法一致吗: the subject's own findings only, not every slip of the 说明
        others = [r for r in others if any(n in (r.label or "") for n in named)]
    if not others:
        return narrative
    more = _list_findings(others, frame, ctx, budgets, note)
    if not more.items:
        return narrative
    return Result(narrative.items + more.items, narrative.text + "另外，" + more.text, narrative.derived, more.rows)


# Rules whose figures are percentages (the narrative's 占比, 增减幅度, 完成率), not money.
_PERCENT_RULES = {"share_percent", "change_percent", "completion_rate"}
# Rules whose figures are counts (the vehicles bought, said twice), with their unit.
_COUNT_RULES = {"vehicle_count": "辆"}
# Rules whose figures are years (a statement compared with the wrong year).
_YEAR_RULES = {"baseline_year"}


def _same_amount(figure, said: Decimal) -> bool:
    try:
        return figure is not None and Decimal(str(figure)) == said
    except (InvalidOperation, ValueError):
        return False


def _gap(printed, expected) -> Decimal | None:
    """How far a printed figure is from the one it should be (an auditor's first question: 差多少)."""
    try:
        gap = abs(Decimal(str(printed)) - Decimal(str(expected)))
    except (InvalidOperation, TypeError, ValueError):
        return None
    return gap if gap else None


def _implied_by_rate(finding: Row, ctx: Context, items: list[Item]) -> str:
    """A stated rate that does not fit its figures: the previous year's figure the rate implies
    (current ÷ (1 + rate)) — which of the printed figures is wrong (43269.3 for 3269.42)."""
    budgets = [b for b in ctx.budgets() if (b.department, b.year) == (finding.department, finding.year)]
    for c in ctx.rows("changes", budgets):
        name = (c.label or "").strip("“”\"")
        current, percent, previous = c.attrs.get("current"), c.attrs.get("percent"), c.attrs.get("previous")
        if not name or name not in (finding.label or "") or current is None or percent is None:
            continue
        implied = implied_previous(current, percent)
        if implied is None:
            return ""
        items.append(Item(f"{name}按所写增幅倒推的上年数", money(implied), WAN, finding.department, finding.year,
                          c.source, {"formula": f"{money(current)} ÷ (1 + {percent}%) = {money(implied)}"}))
        return (f"；按所写增幅倒推，上年应为{money(implied)}万元" +
                (f"（说明写{money(previous)}万元）" if previous is not None else ""))
    return ""


# A finding's grade (``kg.extract.rules``) in the words an answer says it with.
_SEVERITY_WORDS = {"material": "实质性问题", "rounding": "尾差", "notice": "提示"}
_GRADED = {"rounding": "（尾差）", "notice": "（提示）"}
# A share named by the total it is of (占“三公”经费的比例), as a finding's figure ends.
_SHARE_NAMED = re.compile(r"占[^占]+的?比例$")


def _working_said(working: str) -> str:
    """A check's working in words (``222.5÷833.60（占“三公”经费）`` → 按222.5÷833.60计算，占“三公”经费)."""
    working, _, implied = working.partition("；")  # and the total the printed figure fits (所印8.75%与…相符)
    m = re.match(r"^(.*?)（(.*)）$", working)
    said = f"按{m.group(1)}计算，{m.group(2)}" if m else f"按{working}计算"
    return f"{said}；{implied}" if implied else said


def _list_findings(rows: list[Row], frame: Frame, ctx: Context, budgets, note: str, lead: str = "") -> Result:
    """The graph's failed checks, one item per figure (a figure printed in several tables is one),
    each with where it was found, the printed and the expected figure, its rule and its document;
    only those whose figure the question names where it names one."""
    names = {r.key: r.label for r in ctx.rows("subjects", budgets, Constraints(scheme="functional", columns=["total"]))}
    items, parts = [], []
    rows = _in_table_named(rows, frame.clause)
    for key, members in _named_findings(_finding_groups(rows), frame.clause):
        f0 = members[0][1]
        members.sort(key=lambda m: _table_no(m[0]))
        tables = "、".join(dict.fromkeys(t for t, _ in members if t))
        if key[0] == "code":
            label = f"{key[1]} {names.get(key[1], '')}（{tables}）".replace(" （", "（")
        elif key[0] == "total" and len(members) > 1:
            label = "收支总计（" + "、".join(dict.fromkeys(f.label.replace(" ", "") for _, f in members)) + "）"
        else:
            label = f0.label
        printed, expected = f0.attrs.get("printed"), f0.attrs.get("expected")
        place = place_of(f0)  # as the page prints it: the table's title, the 说明's heading
        if f0.key in _YEAR_RULES:  # 比较年度: 印2026年，应为2025年
            items.append(Item(label, f"{printed}年", None, f0.department, f0.year, f0.source,
                              {"printed": f"{printed}年", "expected": f"{expected}年", "rule": f0.key,
                               "where": f0.label, "place": place}))
            also = [finding_figure(f.label).replace("比较年度", "") for _, f in members[1:]]
            parts.append(f"{label}：印{printed}年，应为{expected}年（{f0.year}年的预算应与上年{expected}年比较）"
                         + (f"，同样写{printed}年的还有{len(also)}处：{'、'.join(also)}" if also else "")
                         + seen_at(place, label))
            continue
        if f0.key in _COUNT_RULES:  # a count said twice: both places and both counts, no figure is "right"
            word, working = _COUNT_RULES[f0.key], f0.attrs.get("working")
            said, other = (f"{Decimal(str(v)).normalize():f}" for v in (printed, expected))
            places = re.split(r"\s+vs\s+", f0.label)
            items.append(Item(label, said, word, f0.department, f0.year, f0.source,
                              {"printed": f"{said}{word}", "expected": f"{other}{word}", "rule": f0.key,
                               "figure": finding_figure(f0.label), "where": f0.label, "working": working,
                               "against": finding_figure(places[-1]), "place": place}))
            parts.append(f"{places[0]}写{said}{word}，{places[-1]}写{other}{word}，前后不一致"
                         + (f"（{working}）" if working else ""))
            continue
        unit = "%" if f0.key in _PERCENT_RULES else WAN
        figure = finding_figure(f0.label)
        working = f0.attrs.get("working")
        items.append(Item(label, money(printed) if printed is not None else None, unit if printed is not None else None,
                          f0.department, f0.year, f0.source,
                          {"printed": money(printed), "expected": money(expected), "rule": f0.key,
                           "figure": figure, "where": f0.label, "place": place,
                           # a share named by its total (占“三公”经费的比例) is also asked as X占比
                           "short": _SHARE_NAMED.sub("占比", figure) if _SHARE_NAMED.search(figure) else None,
                           "working": str(working) if working else None,
                           "against": finding_figure((re.split(r"\s+vs\s+", f0.label) + [""])[1])}))
        shown = "%" if unit == "%" else ""
        gap = _gap(printed, expected)
        severity = str(f0.attrs.get("severity") or "")
        graded = _GRADED.get(severity, "")  # a notice or a rounding gap is said as such, not as a wrong figure
        items[-1].extra["severity"] = _SEVERITY_WORDS.get(severity)
        parts.append(f"{label}{graded}：{'印' + money(printed) + shown if printed is not None else '未印数'}，"
                     + ("分项之和为" if f0.key == "children_sum" else "应为") + f"{money(expected)}{shown}"
                     + (f"（{_working_said(str(working))}）" if working and unit == "%" else "")
                     + (f"（{working}）" if working and unit != "%" and
                        (severity == "notice" or f0.key in _WORKING_SHOWN) else "")
                     + (f"，相差{money(gap)}{shown or WAN}" if gap is not None else "")
                     + (_implied_by_rate(f0, ctx, items) if f0.key == "change_percent" else "")
                     + seen_at(place, label))  # where the page prints it, after the clause
    tables = "决算" if budgets and all(b.final_account for b in budgets) else "预算"
    if not items:
        return Result(text=lead + f"{'、'.join(who(b.department, b.year) for b in budgets)}的{tables}中没有发现"
                                  f"对不上的地方（图谱中没有核对未通过的记录）。")
    head = "、".join(who(d, y) for d, y in sorted({(i.department, i.year) for i in items}))
    return Result(items, with_note(lead + f"{head}的{tables}中有{len(parts)}处对不上：" + "；".join(parts) + "。", note),
                  [], rows)


# The figure each family of parts adds up to (lexicon.AUDIT_PARTS), by measure key.
# The functional classes add up to the year's spending (本年支出合计), which 支出总计 exceeds by what is
# carried to the next year (a 决算's 年末结转和结余): the year's figure where the budget prints it.
_PARTS_TOTAL = {"projects": ("project_expenditure",), "functional_classes": ("current_year_expenditure", "expenditure_total"),
                "three_public": ("three_public.total",), "procurement": ("procurement.total",),
                "basic": ("basic_expenditure",)}
# The printed parts of a total the tables or the narrative give as one figure family (三公: 出国、接待、
# 公车; 政府采购: 货物、工程、服务), in the order they are printed, and what they are called together.
_FIGURE_PARTS = {"three_public": (("three_public.overseas", "three_public.reception", "three_public.vehicles"),
                                  "“三公”经费各项"),
                 "procurement": (("procurement.goods", "procurement.works", "procurement.services"),
                                 "政府采购各类"),
                 "basic": (("personnel", "public_expenses"), "人员经费和公用经费")}


def _audit_parts(frame: Frame, ctx: Context, budgets) -> Result:
    """Parts added up against the total the document prints for them, recomputed with Decimal
    (几个项目加起来和项目支出总额对得上吗, 支出按功能分类几类加起来等于总数吗, 三公几项加起来等于合计吗):
    the parts, their sum with its formula, the printed total and the difference, said plainly;
    and the sum against an amount the question states (加起来是417.41吗)."""
    text = frame.clause
    family = next((key for key, rx in L.AUDIT_PARTS if re.search(rx, text)), None)
    stated = [a.value for a in find_amounts(text)]
    count = re.search(L.STATED_PARTS_COUNT, text)
    stated_count = chinese_count(count.group("n")) if count else None
    if family is None or not (re.search(L.AUDIT_SUM, text) or (family == "projects" and (stated or stated_count))
                              or (family in _FIGURE_PARTS and re.search(L.AGREEMENT_ASKED, text))):
        return Result()  # 说财政拨款项目10个、852.62万，这数对吗: a stated count and sum of projects, checked
    items: list[Item] = []
    parts: list[str] = []
    derived: list[D.Derived] = []
    for b in budgets:
        members, what, caveat = _parts_of(family, frame, ctx, b)
        if not members:
            if family == "projects":  # 项目支出合计跟明细对得上吗: the parts are not in the graph, said so
                parts.append(_parts_missing(family, ctx, b, items))
            continue
        d = D.total([D.Input(r.label, r.amount, WAN, r.department, r.year, r.source) for r in members],
                    f"{what}之和")
        derived.append(d)
        items += [item_of(r, code=r.key) if family == "functional_classes" else item_of(r) for r in members]
        items.append(derived_item(d))
        sentence = f"{who(b.department, b.year)}{what}共{len(members)}项" + (f"（{caveat}）" if caveat else "") + \
            f"，{d.formula}"
        if stated_count is not None:
            noun = what.replace("金额", "")
            items.append(Item(f"{noun}个数", str(len(members)), "个", b.department, b.year))
            sentence += (f"；问题所说的{stated_count}个与图谱中的{len(members)}个一致" if stated_count == len(members)
                         else f"；问题所说的是{stated_count}个，图谱中是{len(members)}个，对不上")
        key, totals = _printed_total(family, ctx, b)
        checks = [(f"{ctx.vocab.label(key)}（印数）", totals[0].amount, totals[0])] if totals else []
        checks += [("问题所说的数", v, None) for v in stated]
        for label, value, row in checks:
            items.append(item_of(row, label, place=place_of(row)) if row is not None
                         else Item(label, money(value), WAN, b.department, b.year))
            seen = seen_at(place_of(row), label)  # the total as the page prints it: its table's title
            if value == d.value:
                sentence += f"；与{label}{money(value)}万元一致，对得上{seen}"
                continue
            gap = D.difference(D.Input(f"{what}之和", d.value, WAN, b.department, b.year),
                               D.Input(label, value, WAN, b.department, b.year), f"{what}之和与{label}相差")
            derived.append(gap)
            items.append(derived_item(gap))
            sentence += f"；{label}为{money(value)}万元，相差{money(gap.value)}万元，对不上" + \
                ("（差额在各项四舍五入的范围内，属尾差）" if _rounding_gap(gap.value, members) else "") + seen
        if not checks:
            sentence += "；图谱中没有可对照的合计数"
        parts.append(sentence)
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", derived, [])


# The figure the classes of a table add up to: an economic table's is the basic expenditure (人员经费
# and 公用经费), a functional table's the year's spending (本年支出合计, else 支出总计).
_CLASSES_TOTAL = {"economic": ("basic_expenditure",), "functional": ("current_year_expenditure", "expenditure_total")}


def _classes_against_total(scheme: str, rows: list[Row], ctx: Context, budgets) -> Result:
    """The classes of a table (四大类) added up against the table's own total (合计), with Decimal:
    the formula, the printed total and whether they agree."""
    items: list[Item] = []
    parts: list[str] = []
    derived: list = []
    for b in budgets:
        first: dict[str, Row] = {}
        for r in rows:
            if (r.department, r.year) == (b.department, b.year) and len(r.key) == 3 and r.amount is not None:
                first.setdefault(r.key, r)
        if len(first) < 2:
            continue
        members = sorted(first.values(), key=lambda r: r.key)
        totals = [r for r in ctx.rows("figures", [b], Constraints(items=list(_CLASSES_TOTAL[scheme])))
                  if r.attrs.get("phase") in (None, b.phase) and r.amount is not None]
        total = next((r for key in _CLASSES_TOTAL[scheme] for r in totals if r.key == key), None)
        if total is None:
            continue
        d = D.total([D.Input(f"{r.key} {r.label}", r.amount, WAN, r.department, r.year, r.source) for r in members],
                    f"{len(members)}类之和")
        derived.append(d)
        label = f"{ctx.vocab.label(total.key)}（印数）"
        items += [item_of(r, code=r.key) for r in members] + [derived_item(d), item_of(total, label, place=place_of(total))]
        gap = d.value - total.amount
        parts.append(f"{who(b.department, b.year)}各类加起来：{d.formula}；{label}{money(total.amount)}万元，" +
                     ("二者一致，对得上" if not gap else f"相差{money(abs(gap))}万元，对不上" +
                      ("（属尾差）" if _rounding_gap(gap, members) else "")) + seen_at(place_of(total), label))
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", derived, [])


_SHARE_WORKING = re.compile(r"^(?P<part>[\d,]+(?:\.\d+)?)÷(?P<base>[\d,]+(?:\.\d+)?)")


def _with_share_sums(listed: Result, percents: list[Row], clause: str) -> Result:
    """各项占比加起来是100%吗: the printed shares of one list added up, where the list is whole — its
    parts' amounts add up to the total they are shares of (222.5 + 183.6 + 427.5 = 833.60), so the printed
    shares should make 100% (within their rounding) — with the formula; a list the graph holds only some
    shares of (the others agreeing) is not summed."""
    groups: dict[tuple, list[tuple[Row, Decimal]]] = {}
    for r in percents:
        m = _SHARE_WORKING.match(str(r.attrs.get("working") or ""))
        if r.key != "share_percent" or not m or r.attrs.get("printed") is None:
            continue
        base = Decimal(m.group("base").replace(",", ""))
        groups.setdefault((r.department, r.year, base), []).append((r, Decimal(m.group("part").replace(",", ""))))
    items, parts, derived = list(listed.items), [], list(listed.derived)
    for (department, year, base), members in groups.items():
        if len(members) < 2 or abs(sum(p for _, p in members) - base) > Decimal("0.01") * len(members):
            continue
        d = D.total([D.Input(f"{finding_figure(r.label or '')}（所印）", r.attrs["printed"], "%", department, year, r.source)
                     for r, _ in members], f"所印{len(members)}项比重之和")
        derived.append(d)
        items.append(Item(d.label, money(d.value), "%", department, year, None, {"formula": d.formula}))
        whole = abs(d.value - 100) <= Decimal("0.01") * len(members)
        parts.append(f"各项金额之和{money(base)}即为比重的分母，所印比重应加起来为100%；{d.formula.replace('万元', '%')}，" +
                     ("与100%相符" if whole else f"不是100%，相差{money(abs(d.value - 100))}个百分点"))
    if not parts:
        return listed
    return Result(items, listed.text.rstrip("。") + "。" + "；".join(parts) + "。", derived, listed.rows)


_RATE_CHECK_ASKED = r"(?:完成率|执行率|完成(?:了)?(?:年初)?预算的?)[^。？?]{0,12}(?:对吗|对不对|算得对|算对|算错|准确|有没有错|有错|是否正确|核对|没错)"


def _stated_rates_checked(frame: Frame, ctx: Context) -> Result:
    """完成率算得对吗: each completion rate a 决算's 说明 states (决算数 ÷ 年初预算数), recomputed from the two
    figures it prints beside it and said to agree or not — the rates of the subjects the question names, or
    every stated rate where it names none. Nothing where the question asks no such check or no rate is stated."""
    clause = re.sub(r"\s", "", frame.clause or "")
    if not re.search(_RATE_CHECK_ASKED, clause):
        return Result()
    budgets, note = ctx.scope(frame)
    stated = [r for b in budgets for r in ctx.rows("executions", [b])
              if r.attrs.get("rate") is not None and r.attrs.get("budget") and r.amount is not None]

    def leaf(r: Row) -> str:  # 一般公共服务（类）信访事务（款）信访业务（项）: 信访业务 (the statement's own subject)
        return change_sums.bare(r.label)
    named = [r for r in stated if len(leaf(r)) >= 2 and leaf(r) in clause]
    chosen = named or stated
    if not chosen:
        return Result()
    items: list[Item] = []
    said: list[str] = []
    wrong = 0
    for r in chosen:
        computed = D.percent(r.amount, r.attrs["budget"])
        agrees = computed is not None and abs(computed - r.attrs["rate"]) <= Decimal("0.01")
        wrong += not agrees
        items.append(Item(f"{leaf(r)}完成率", str(computed), "%", r.department, r.year, r.source,
                          {"printed": f"{r.attrs['rate']}%", "expected": f"{computed}%",
                           "formula": f"{money(r.amount)} ÷ {money(r.attrs['budget'])} = {computed}%"}))
        said.append(f"{leaf(r)}：决算数{money(r.amount)}万元 ÷ 年初预算数{money(r.attrs['budget'])}万元 = {computed}%，"
                    f"文件写{r.attrs['rate']}%，" + ("一致" if agrees else "对不上"))
    head = f"{who(chosen[0].department, chosen[0].year)}说明所列完成率核对（{len(chosen)}个）："
    tail = "全部一致，没有算错。" if not wrong else f"其中{wrong}个对不上。"
    return Result(items, with_note(head + "；".join(said) + "。" + tail, note), [], chosen)


def _admitted_slips(frame: Frame, ctx: Context, budgets) -> Result:
    """The slips a document admits in its own words (有没有哪笔钱科目用错了): the narrative's 预算 vs 决算
    statements whose reason says a subject was used wrongly and what it should have been, each with
    both figures and the reason as printed. No such statement: nothing (the other checks answer)."""
    if not re.search(L.ADMITTED_SLIP_ASKED, frame.clause or ""):
        return Result()
    items: list[Item] = []
    parts: list[str] = []
    for b in budgets:
        for r in ctx.rows("executions", [b]):
            reason = str(r.attrs.get("reason") or "")
            if not re.search(L.ADMITTED_SLIP, reason):
                continue
            budget = r.attrs.get("budget")
            items.append(item_of(r, r.label, reason=reason, measure="支出决算"))  # the subject, its 决算数
            if budget is not None:
                items.append(Item(f"{r.label}（年初预算）", money(budget), WAN, b.department, b.year, r.source))
            parts.append(f"{who(b.department, b.year)}说明自述：{r.label}" +
                         (f"年初预算{money(budget)}万元，" if budget is not None else "") +
                         f"支出决算{money(r.amount)}万元，原因是“{reason}”")
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", [], [])


def _rounding_gap(gap: Decimal, members: list[Row]) -> bool:
    """Whether a sum's difference from its printed total is within what rounding the parts and the
    total to the printed cent allows (half a cent each: 三项相加46.20 against 46.21 is 尾差)."""
    return abs(gap) <= Decimal("0.005") * (len(members) + 1)


def _printed_total(family: str, ctx: Context, b) -> tuple[str, list[Row]]:
    """The key of the total a family of parts adds up to and its rows in one budget: the first of the
    family's keys (``_PARTS_TOTAL``) the budget prints."""
    keys = _PARTS_TOTAL[family]
    rows = [r for r in ctx.rows("figures", [b], Constraints(items=list(keys)))
            if r.attrs.get("phase") in (None, b.phase) and r.amount is not None]
    for key in keys:
        mine = [r for r in rows if r.key == key]
        if mine:
            return key, mine
    return keys[-1], []


def _parts_missing(family: str, ctx: Context, b, items: list[Item]) -> str:
    """The sentence for a budget whose parts the graph does not hold: the printed total (as an item)
    and that the check cannot be made — never "对得上" on no parts."""
    key, totals = _printed_total(family, ctx, b)
    label = ctx.vocab.label(key)
    if totals:
        items.append(item_of(totals[0], f"{label}（印数）"))
    printed = f"{label}印{money(totals[0].amount)}万元，" if totals else ""
    return f"{who(b.department, b.year)}{printed}图谱中没有它的各项目明细（项目表未读入），无法逐项核对"


def _parts_of(family: str, frame: Frame, ctx: Context, b) -> tuple[list[Row], str, str]:
    """The rows of one family of parts in one budget, what they are called, and a note where
    the rows are not exactly the ones asked for."""
    if family == "projects":
        rows = [r for r in ctx.rows("projects", [b]) if r.amount is not None]
        if frame.filters.funding == "fiscal":  # 财政拨款项目: funded (at least in part) by 财政拨款
            from nlp.execute.projects import NONFISCAL

            rows = [r for r in rows if r.attrs.get("funding") and not all(x in NONFISCAL for x in r.attrs["funding"])]
            return rows, "财政拨款项目金额", ""
        if frame.filters.categories:
            rows = [r for r in rows if r.attrs.get("category") in frame.filters.categories] or rows
        if re.search(r"绩效目标|绩效表", frame.clause):  # the projects that carry a performance-target table
            have = {i.key for i in ctx.rows("indicators", [b])}
            if any(r.iri in have for r in rows):
                return [r for r in rows if r.iri in have], "有绩效目标表的项目金额", ""
            return rows, "各项目金额", "图谱中没有这些项目的绩效指标明细，按全部项目计"
        return rows, "各项目金额", ""
    if family == "functional_classes":
        rows = ctx.rows("subjects", [b], Constraints(scheme="functional", code_length=3, columns=["total"]))
        first: dict[str, Row] = {}
        for r in rows:
            if r.attrs.get("column") == "total" and len(r.key) == 3:
                first.setdefault(r.key, r)
        return sorted(first.values(), key=lambda r: r.key), "按支出功能分类各类支出", ""
    keys, what = _FIGURE_PARTS[family]
    rows = ctx.rows("figures", [b], Constraints(items=list(keys)))
    rows = [r for r in rows if r.attrs.get("phase") in (None, b.phase) and r.amount is not None]
    rows = [Row(ctx.vocab.label(r.key), r.amount, r.unit, r.department, r.year, r.source, r.iri, r.key, r.attrs)
            for r in sorted(rows, key=lambda r: keys.index(r.key))]
    return rows, what, ""


def _audit_subjects(frame: Frame, ctx: Context, budgets) -> Result:
    """A subject's printed total against the sum of its printed parts (商品和服务支出的明细加起来等于
    合计吗), recomputed with Decimal arithmetic from the rows the graph holds."""
    f = frame.filters
    scheme = f.scheme or ("economic" if f.subjects[0].kind == "economic_subject" else "functional")
    items, parts, derived = [], [], []
    for subject in f.subjects:
        code = subject.code or ""
        rows = ctx.rows("subjects", budgets, Constraints(scheme=scheme, code_prefix=code, columns=["total"]))
        for b in budgets:
            mine = [r for r in rows if (r.department, r.year) == (b.department, b.year)]
            top = next((r for r in mine if r.key == code), None)
            children = [r for r in mine if len(r.key) == len(code) + 2]
            if top is None or not children:
                continue
            d = D.total([D.Input(r.label, r.amount, WAN, r.department, r.year, r.source) for r in children],
                        f"{top.label}明细之和")
            derived.append(d)
            ok = d.value == top.amount
            items.append(Item(f"{code} {top.label}", money(top.amount), WAN, b.department, b.year, top.source,
                              {"printed": money(top.amount), "expected": money(d.value)}))
            items.append(derived_item(d))
            parts.append(f"{who(b.department, b.year)}{code} {top.label}印{money(top.amount)}万元，明细之和为"
                         f"{money(d.value)}万元（{d.formula}），" + ("二者一致" if ok else
                                                               f"相差{money(abs(d.value - top.amount))}万元，对不上"))
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", derived, [])


def _three_public_against_subjects(frame: Frame, ctx: Context, budgets) -> Result:
    """三公 parts (表“三公”经费) against the economic subjects of the same name in the basic
    expenditure table (30217 公务接待费, 30231 公务用车运行维护费): money the department prints
    twice, compared; a subject the table does not list counts as 0."""
    from difflib import SequenceMatcher

    text = frame.clause
    keys = [k for k, rx in L.MEASURE_WORDS if k.startswith("three_public.") and k not in
            ("three_public.total", "three_public.vehicles") and compiled(rx).search(text)]
    if not keys or not re.search(r"三公", text) or not re.search(r"基本支出|经济分类|公用经费|商品和服务", text):
        return Result()
    items, parts, derived = [], [], []
    for b in budgets:
        rows = [r for r in ctx.rows("subjects", [b], Constraints(scheme="economic", columns=["total"]))
                if r.attrs.get("column") == "total" and r.key.startswith("3")]
        for key in dict.fromkeys(keys):
            figures = ctx.rows("figures", [b], Constraints(items=[key]))
            if not figures or figures[0].amount is None:
                continue
            fig, label = figures[0], ctx.vocab.label(key)
            scored = sorted(((SequenceMatcher(None, r.label, label).ratio(), r.key, r) for r in rows),
                            key=lambda t: (t[0], t[1]), reverse=True)
            row = scored[0][2] if scored and scored[0][0] >= 0.7 else None
            printed = row.amount if row is not None else Decimal(0)
            items.append(item_of(fig, f"{label}（“三公”经费表）", figure=label))
            if row is not None:
                items.append(item_of(row, f"{row.key} {row.label}（基本支出表）", code=row.key))
                where = f"基本支出表{row.key} {row.label}{money(printed)}万元"
            else:
                items.append(Item(f"{label}（基本支出表中没有这一科目）", "0.00", WAN, b.department, b.year))
                where = f"基本支出表没有列出{label}的科目（按0计）"
            if fig.amount == printed:
                parts.append(f"{who(b.department, b.year)}“三公”经费表{label}{money(fig.amount)}万元，{where}，二者一致")
                continue
            gap = D.difference(D.Input(f"“三公”经费表{label}", fig.amount, WAN, b.department, b.year, fig.source),
                               D.Input(f"基本支出表{row.label if row is not None else label}", printed, WAN,
                                       b.department, b.year), f"{label}两表相差")
            derived.append(gap)
            items.append(derived_item(gap))
            parts.append(f"{who(b.department, b.year)}“三公”经费表{label}{money(fig.amount)}万元，{where}，"
                         f"相差{money(gap.value)}万元，对不上")
    if not items:
        return Result()
    return Result(items, "；".join(parts) + "。", derived, [])


def _projects_described(frame: Frame, ctx: Context) -> list[Row]:
    """A project named by its amount and a word of its name (那个144万的尾款项目): the projects in scope
    whose amount is one the question states and whose name holds one of its content words."""
    stated = {a.value for a in find_amounts(frame.clause)}
    words = [w for w in frame.filters.keywords if len(w) >= 2]
    if not stated or not words:
        return []
    budgets, _note = ctx.scope(frame)
    return [r for r in ctx.rows("projects", budgets) if r.amount in stated and any(w in r.label for w in words)]


def _cost_targets(p: Row, ctx: Context, budgets) -> tuple[list[tuple[str, Decimal]], object]:
    """The money a project's cost indicators (成本指标) list — (indicator, amount in 万元) — and the first source."""
    mine = [b for b in budgets if (b.department, b.year) == (p.department, p.year)]
    seen: dict[str, tuple[str, Decimal]] = {}
    source = None
    for i in ctx.rows("indicators", mine, Constraints(indicator_target=p.iri, indicator_kinds=["cost"])):
        target = str(i.attrs.get("target") or "")
        # a standard per month, per person or per time (>=750元/月) is a price, not money the project spends
        amounts = [a for a in find_amounts(target) if not re.match(r"\s*(/|每|一次|一人)", target[a.end:a.end + 3])]
        if len(amounts) == 1 and i.label not in seen:
            seen[i.label] = (i.label, amounts[0].value)
            source = source or i.source
    return list(seen.values()), source


def _audit_projects(rows: list[Row], ctx: Context, clause: str = "") -> Result:
    """A project's own arithmetic: the amounts its allocation details list, added up, against its
    budget; where the question names its performance table, the money its cost indicators list,
    added up, against its budget; plus any failed check of the document that names it."""
    items, parts, derived = [], [], []
    budgets = [b for b in ctx.budgets() if any((b.department, b.year) == (p.department, p.year) for p in rows)]
    findings = ctx.rows("findings", budgets)
    for p in rows:
        asks_table = bool(re.search(r"绩效|成本指标|指标", clause))
        costs, source = _cost_targets(p, ctx, budgets) if asks_table else ([], None)
        named = [f for f in findings
                 if p.label in f.label or any(a in f.label for a in p.attrs.get("aliases", []) if len(a) >= 4)]
        if named and re.search(L.AUDIT_SUM, clause):
            # 临聘人员经费说明里写的对吗？项目支出加起来对得上吗: the 说明 section naming the project is
            # checked as a whole — its list of projects against the total (474.56 against 473.56) too
            named = [f for f in _same_section(named, findings) if f.key == "narrative_sum"] + named
        if asks_table and not costs and not any(ctx.rows("indicators", [b]) for b in budgets
                                                if (b.department, b.year) == (p.department, p.year)):
            if not named:  # (the document's own checks naming the project are still told, below)
                parts.append(f"图谱中没有{project_phrase(p)}的绩效目标表（该文件的绩效目标表未读入图谱），无法核对")
                continue
        if p.amount is not None and len(costs) >= 2:
            d = D.total([D.Input(name, value, WAN, p.department, p.year, source) for name, value in costs],
                        f"“{p.label}”绩效目标表成本指标合计")
            derived.append(d)
            items.append(item_of(p, None, label_amount="年度预算"))
            items += [Item(name, money(value), WAN, p.department, p.year, source) for name, value in costs]
            items.append(derived_item(d))
            ok = d.value == p.amount
            parts.append(f"{project_phrase(p)}的绩效目标表列了{len(costs)}项成本指标，{d.formula}，" +
                         ("与项目预算一致" if ok else f"与项目预算{money(p.amount)}万元不符，相差"
                          f"{money(abs(d.value - p.amount))}万元（加起来不是{money(p.amount)}万元）"))
            continue
        text = p.attrs.get("description") or ""
        amounts = [a.value for a in find_amounts(text)
                   if not re.search(r"(共计|合计|总计|总额|共|预算)[为是:：]?$", text[max(0, a.start - 4):a.start])
                   and not re.match(r"\s*(/|每|一次|一人)", text[a.end:a.end + 3])
                   and not re.search(r"(每|单价|标准)[^，,。；;]{0,4}$", text[max(0, a.start - 6):a.start])]
        if p.amount is not None and len(amounts) >= 2:
            detail = "+".join(f"{a.normalize():f}" for a in amounts)
            d = D.total([D.Input(f"明细{i}", a, WAN, p.department, p.year, p.source) for i, a in enumerate(amounts, 1)],
                        f"资金分配明细合计（{detail}）")
            derived.append(d)
            ok = d.value == p.amount
            items.append(item_of(p, None, label_amount="预算安排规模"))
            items.append(Item(d.label, money(d.value), WAN, p.department, p.year, p.source,
                              {"description": p.attrs.get("description"), "formula": d.formula}))
            parts.append(f"{project_phrase(p)}的资金分配明细合计{money(d.value)}万元（{detail}），"
                         + ("与预算一致" if ok else f"与预算{money(p.amount)}万元不符，相差"
                            f"{money(abs(d.value - p.amount))}万元（加起来不是{money(p.amount)}万元）"))
        _priced(p, text, items, parts)
        requested = _requested(text)
        if p.amount is not None and requested is not None and len(amounts) < 2:
            # 项目所需资金：申请市财政预算拨款105万元 against the 30.00 the table lists for it
            gap = requested[0] - p.amount
            items.append(item_of(p, None, label_amount="表列金额"))
            items.append(Item(f"{p.label} 项目简介所写申请金额", money(requested[0]), WAN, p.department, p.year,
                              p.source, {"printed": money(requested[0]), "expected": money(p.amount),
                                         "rule": "description_amount", "stated_as": requested[1]}))
            if gap:
                items.append(Item(f"{p.label} 项目简介与表列金额相差", money(abs(gap)), WAN, p.department, p.year,
                                  p.source, {"formula": f"{money(max(requested[0], p.amount))} − "
                                                        f"{money(min(requested[0], p.amount))} = {money(abs(gap))}"}))
            subtotal = _unit_subtotal(p, ctx.rows("projects", [b for b in budgets
                                                              if (b.department, b.year) == (p.department, p.year)]))
            parts.append(f"{project_phrase(p)}的项目简介写“{requested[1]}”，表中列{money(p.amount)}万元，" +
                         (f"相差{money(abs(gap))}万元，不一致" if gap else "一致") +
                         (f"；表中{subtotal.formula}，计入的是表列的{money(p.amount)}万元"
                          if subtotal is not None else ""))
            if subtotal is not None:
                derived.append(subtotal)
                items.append(derived_item(subtotal))
        for f in named:  # the document's own checks that name the project
            items.append(Item(f.label, None, None, f.department, f.year, f.source,
                              {"printed": money(f.attrs.get("printed")), "expected": money(f.attrs.get("expected")),
                               "rule": f.key, "figure": finding_figure(f.label), "where": f.label,
                               "place": place_of(f)}))
            gap = _gap(f.attrs.get("printed"), f.attrs.get("expected"))
            parts.append(f"{f.label}：印{money(f.attrs.get('printed'))}，应为{money(f.attrs.get('expected'))}"
                         + (f"，相差{money(gap)}万元" if gap is not None else "") + seen_at(place_of(f), f.label))
    if not items:
        return Result(text="没有找到：" + "；".join(parts) + "。") if parts else Result()
    return Result(items, "；".join(parts) + "。", derived, rows)


def _priced(p: Row, text: str, items: list[Item], parts: list[str]) -> None:
    """The items a project's text prices (1个点，1500元/月，一年3.6万元), quantity × unit price recomputed against
    the amount it states for each (``unit_prices``): each as an item with both figures, the sentence saying
    which agree."""
    priced = [i for i in priced_items(text, p.amount) if i.stated is not None]
    said = []
    for i in priced:
        # a text pricing the project's one item against the project's own amount: the item is the project
        name = p.label if (len(priced) == 1 and i.stated == p.amount) or not i.name else i.name
        extra = {"formula": i.formula, "printed": money(i.stated), "expected": money(i.computed),
                 "stated_as": i.printed}
        if not i.agrees:
            extra["rule"] = "unit_price"
        items.append(Item(f"{name}（{i.printed}）", money(i.computed), WAN, p.department, p.year, p.source, extra))
        said.append(f"{name}：{i.formula}，" + (f"与所写{money(i.stated)}万元相符" if i.agrees else
                                               f"所写{money(i.stated)}万元，相差{money(abs(i.stated - i.computed))}万元，对不上"))
    if said:
        parts.append(f"{project_phrase(p)}按数量×单价重算：" + "；".join(said))


def _unit_subtotal(p: Row, projects: list[Row]) -> D.Derived | None:
    """The projects of the unit carrying ``p`` out in the same table of its budget, added up (应急救援中心：
    35.00 + 40.00 + 30.00 + 43.17 = 148.17): the table's own arithmetic the listed amount stands in, beside
    the amount a description states for it. None where the unit carries no other project there."""
    unit = p.attrs.get("unit")
    if not unit:
        return None
    mine = [r for r in projects if r.attrs.get("unit") == unit and r.amount is not None
            and r.attrs.get("category") == p.attrs.get("category")]
    if len(mine) < 2 or not any(r.iri == p.iri for r in mine):
        return None
    return D.total([D.Input(r.label, r.amount, WAN, r.department, r.year, r.source) for r in mine],
                   f"{unit}项目合计")


# The money a project's description says it asks for (项目所需资金：申请市财政预算拨款105万元).
_REQUESTED = re.compile(r"(?:所需资金|资金需求|需要资金|申请)[^。；;，,]{0,16}?(\d+(?:\.\d+)?)万元")


def _requested(description: str) -> tuple[Decimal, str] | None:
    """The one amount a project's description requests, with the words that say it; None where it
    states none or several (a list of items is added up instead)."""
    found = list(_REQUESTED.finditer(description or ""))
    if len({m.group(1) for m in found}) != 1:
        return None
    return Decimal(found[0].group(1)), found[0].group(0)


def _zero() -> Decimal:
    return Decimal(0)


def _common_kind(units) -> str | None:
    """The kind several units named by one word share, as their names end (拱北口岸分局, 湾仔口岸分局 → 口岸分局)."""
    names = [u.name for u in units]
    if len(names) < 2:
        return None
    k = 0
    while k < min(map(len, names)) and len({n[-1 - k] for n in names}) == 1:
        k += 1
    return names[0][-k:] if k >= 2 else None


def _indicators_named_by_words(frame: Frame, ctx: Context) -> Result | None:
    """The indicators of the budgets asked whose names the clause's words name (12345热线咨询一次性解答率 →
    民呼我为（“12345”）咨询一次性解答率), with their targets, weights and projects: a target asked by its own
    name, no project named. None where no indicator shares three runs of characters with the words, or too
    many do to be the one meant."""
    budgets, note = ctx.scope(frame)
    if not budgets or len(budgets) > 4:
        return None
    rows = [r for b in budgets for r in ctx.rows("indicators", [b])]
    # 12345热线和“互联网+督查”: each enumerated item names its own indicators
    groups = [g for g in frame.filters.keyword_groups if g] or [frame.filters.keywords]
    found: list[Row] = []
    for group in groups:
        words = "".join(group)
        # (the indicator the words cover most of its name: 作业次数 of 人工增雨作业次数, not a long name sharing more)
        scored = [((shared_runs(words, r.label) / max(1, len(r.label) - 1), shared_runs(words, r.label)), r)
                  for r in rows if shared_runs(words, r.label) >= 3]
        best = max((s for s, _ in scored), default=None)
        of_group = [r for s, r in scored if s == best]
        if len(of_group) > 3:
            return None
        found += [r for r in of_group if r not in found]
    if not found:
        return None
    owners = {p.iri: p for b in budgets for p in ctx.rows("projects", [b]) if p.iri in {r.key for r in found}}
    items, said = [], []
    for r in found:
        weight = r.attrs.get("weight")
        owner = owners.get(r.key)
        items.append(Item(r.label, None, None, r.department, r.year, r.source,
                          {"target": r.attrs.get("target"), "project": owner.label if owner else None,
                           "weight": format(weight.normalize(), "f") if weight is not None else None}))
        said.append((f"{project_phrase(owner)}的" if owner else f"{who(r.department, r.year)}的") +
                    f"绩效指标“{r.label}”：{r.attrs.get('target') or '未列明'}" +
                    (f"（权重{format(weight.normalize(), 'f')}）" if weight is not None else ""))
    return Result(items, with_note("；".join(said) + "。", note), [], found)
