"""The question pipeline: registered components that declare what they read and write.

    normalize → link → split → parse → context → resolve → execute → beside → compose

Each component is a factory registered by name with the fields of ``QuestionState`` it reads and
writes (spaCy's ``@Language.component`` is the model); a ``Pipeline`` checks when it is built that
every field a component reads is written by one before it, so a reordering or a missing stage fails
at start-up, not on a user's question. A ``Pipeline`` is built once per store — the catalogue of
names, the vocabulary and the learned scorer weights are read then — and answers any number of
questions; ``answer(question, store)`` keeps one per store.
"""
from __future__ import annotations

import copy
import logging
import os
import re
import sys
import threading
import traceback
import weakref
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from nlp import lexicon as L
from nlp.place_filters import none_there
from nlp.catalog import Catalog
from nlp.catalog_store import start_data
from nlp.execute import EXECUTORS, Context, Result
from nlp.execute.project_sources import (amounts_of_previous_projects, source_of_previous_project,
                                         subjects_of_previous_projects, with_project_source)
from nlp.execute.purchases import named_purchases, with_topic_purchases
from nlp.execute.three_public_columns import three_public_columns
from nlp.execute.subitems import event_items, items_by_class, named_sub_items, sub_items_of_previous
from nlp.execute.documents import counted_kind_named
from nlp.execute.counted_targets import counted_in_projects
from nlp.execute.weights import weights_added_up
from nlp.execute.stated_beside import (change_of_listed_whole, composition_of, income_around_part, stated_change_of, stated_subject_change,
                                       stated_winner_change, whole_of_parts)
from nlp.execute.base import derived_item
from nlp import derive as D
from nlp.execute.named_subjects import named_subject_answer
from kg.rdf.escape import iri
from nlp.frames import Frame, Operation, Ref
from nlp.graph import Graph
from nlp.kept_results import KeepingGraph
from nlp.link import Linked, Linker
from nlp.names import closest_names
from nlp.normalize import MAX_QUESTION_CHARS, RELATIVE_YEAR, NormalizedQuestion, Normalizer, find_years
from nlp.names import split_place
from nlp.parse import Clause, Evidence, Parser, asked_years
from nlp.parts import said_at, share_context, split
from nlp.reply import Answer, Item, Part
from nlp.scorer import Scorer
from nlp.training import learned_weights
from nlp.understand import describe, kind
from nlp.vocabulary import PREFIXES, WAN, Vocabulary, vocabulary_of_rows

log = logging.getLogger(__name__)


@dataclass
class QuestionState:
    """What the components pass along (the pipeline's ``Doc``)."""

    question: str
    normalized: NormalizedQuestion | None = None
    linked: Linked | None = None
    clauses: list[Clause] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    answer: Answer | None = None


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    factory: Callable
    reads: tuple[str, ...]
    writes: tuple[str, ...]


COMPONENTS: dict[str, ComponentSpec] = {}


def component(name: str, reads: tuple[str, ...], writes: tuple[str, ...]):
    """Register a component factory: ``factory(pipeline) -> callable(state)``."""
    def wrap(factory):
        COMPONENTS[name] = ComponentSpec(name, factory, tuple(reads), tuple(writes))
        return factory
    return wrap


# ----------------------------------------------------------------------------- components
@component("normalize", reads=("question",), writes=("normalized",))
def _normalize(pipe: "Pipeline"):
    normalizer = Normalizer(pipe.catalog.latest_year)

    def run(state: QuestionState) -> None:
        state.normalized = normalizer(state.question)
    return run


@component("link", reads=("normalized",), writes=("linked",))
def _link(pipe: "Pipeline"):
    def run(state: QuestionState) -> None:
        state.linked = pipe.linker(state.normalized)
    return run


@component("split", reads=("normalized", "linked"), writes=("clauses",))
def _split(pipe: "Pipeline"):
    def run(state: QuestionState) -> None:
        state.clauses = [pipe.parser.clause(state.linked, s, e) for s, e in split(state.normalized.text)]
    return run


@component("parse", reads=("clauses", "linked"), writes=("frames", "evidence"))
def _parse(pipe: "Pipeline"):
    def run(state: QuestionState) -> None:
        for clause in state.clauses:
            ev = Evidence.of(pipe.parser, state.linked, clause)
            state.evidence.append(ev)
            state.frames.append(pipe.parser.parse(state.linked, clause, ev))
    return run


@component("context", reads=("frames", "evidence"), writes=("frames",))
def _context(pipe: "Pipeline"):
    def run(state: QuestionState) -> None:
        for frame in state.frames:
            frame.open_department = not frame.filters.departments
            pipe.relative_years(frame)
        state.frames = share_context(state.frames, state.evidence, pipe.parser.vocab)
        for frame in state.frames:  # 项目多少钱？财政出吗: a project's money asked by source is its split by columns
            if frame.focus == "projects" and frame.filters.projects and "funding" not in frame.measures \
                    and re.search(L.SOURCE_CHOICE, frame.clause):
                frame.measures = [m for m in frame.measures if m != "description"] + ["funding"]
        for frame in state.frames:  # again after sharing: 去年 of a later part is relative to the department named before
            pipe.relative_years(frame)
    return run


@component("resolve", reads=("frames", "linked", "normalized"), writes=("frames",))
def _resolve(pipe: "Pipeline"):
    def run(state: QuestionState) -> None:
        for frame in state.frames:
            pipe.resolve(frame, state)
    return run


@component("execute", reads=("frames",), writes=("parts",))
def _execute(pipe: "Pipeline"):
    def run(state: QuestionState) -> None:
        previous = None
        results: list[Result | None] = []
        for frame in state.frames:
            if "remainder" in frame.operation.also and len(results) >= 2:
                part, previous = pipe.remainder(frame, results[-2], results[-1])
            else:
                part, previous = pipe.execute(frame, previous)
            results.append(previous)
            state.parts.append(part)
    return run


@component("beside", reads=("frames", "parts"), writes=("parts",))
def _beside(pipe: "Pipeline"):
    """Each looked-up figure with the change its document states (``stated_beside``)."""
    def run(state: QuestionState) -> None:
        for frame, part in zip(state.frames, state.parts):
            if not part.found:
                continue
            ctx = Context(pipe.graph, pipe.catalog, pipe.vocab)
            made_of = (composition_of(frame, state.frames, ctx) or whole_of_parts(frame, state.frames, ctx)) \
                + income_around_part(frame, state.frames, ctx)  # (单位资金: its own parts, then the income around it)
            if made_of:
                part.text += made_of
            stated = stated_change_of(frame, state.frames, ctx) or \
                stated_subject_change(frame, state.frames, ctx, shown=part.items) or change_of_listed_whole(frame, ctx) \
                or stated_winner_change(frame, state.frames, ctx, part.items)
            if stated is None:
                continue
            # (in the sentence only: the part's rows and derived figures stay those of the question asked)
            part.text += "文件说明：" + stated.text + provenance_text(stated.items)
            part.sparql = list(part.sparql) + list(ctx.log)
    return run


@component("compose", reads=("parts", "linked", "frames"), writes=("answer",))
def _compose(pipe: "Pipeline"):
    def run(state: QuestionState) -> None:
        state.answer = pipe.compose(state)
    return run


# ----------------------------------------------------------------------------- the pipeline
class Pipeline:
    """All components for one store."""

    order = ("normalize", "link", "split", "parse", "context", "resolve", "execute", "beside", "compose")

    def __init__(self, store) -> None:
        self.store = store
        start = start_data(store)  # kept in the store by the ingest; built from the graph where stale
        self.graph = KeepingGraph(store, start.budgets)  # each query text read once a question, kept while the store is unchanged
        self.vocab: Vocabulary = vocabulary_of_rows(start.vocabulary_rows)
        self.catalog: Catalog = start.catalog
        self.linker = Linker(self.catalog)
        self.parser = Parser(self.catalog, self.vocab, self.linker, Scorer(learned_weights()))
        self.components = [(name, COMPONENTS[name].factory(self)) for name in self.order]
        self.check()
        self.lock = threading.Lock()
        self._dropped_projects: frozenset = frozenset()  # (``_projects_of_the_unit``, per question)

    def warm(self, question: str = "某单位2024年的项目支出和基本支出各是多少？") -> None:
        """Read one question up to its execution (nothing is queried): what the components make on
        first use — the linker's index of fuzzy names, the compiled cue patterns — is made now, so
        the first question a freshly started server answers costs what any other does. The stored
        project index (``nlp.topic_index``: its freshness checked, 20 MB read at 10,000 documents,
        0.9 s) is read now too, with its pool of every budget (the scope of a question naming no
        department nor year), not by the first question over many budgets; and the stored figure
        table's freshness and the list of its queries (``nlp.figure_table``), not by the first
        comparison of departments."""
        from nlp import figure_table, topic_index
        from nlp.execute.projects import _not_an_aggregate

        state = QuestionState(question)
        try:
            for name, run in self.components:
                if name == "execute":
                    break
                run(state)
            texts = topic_index.of_graph(self.graph)
            if texts is not None:
                texts.pool(self.graph, self.graph.budgets(), _not_an_aggregate)
            figure_table.served(self.graph).table()
        except Exception:  # noqa: BLE001 - warming is an optimisation, never a failure
            log.warning("warming the question pipeline failed", exc_info=True)

    def check(self) -> None:
        """Every field a component reads is written before it (or is the question itself)."""
        written = {"question"}
        for name in self.order:
            spec = COMPONENTS[name]
            missing = [r for r in spec.reads if r not in written]
            if missing:
                raise ValueError(f"component {name!r} reads {missing} that no earlier component writes")
            written |= set(spec.writes)

    # -------------------------------------------------------------- entry
    def refuse(self, question: str, reason: str) -> Answer:
        return Answer(question=question, intent="refused", text=reason, refused=True)

    def __call__(self, question: str) -> Answer:
        if isinstance(question, str):  # lone surrogates (from undecodable argv bytes) cannot be printed
            question = question.encode("utf-8", "replace").decode("utf-8")
        if not isinstance(question, str) or not question.strip():
            return self.refuse(question or "", "请输入一个问题，例如：“某某局2024年的三公经费是多少？”")
        if len(question) > MAX_QUESTION_CHARS:
            return self.refuse(question[:80] + "…",
                               f"问题太长（{len(question)}个字符），请控制在{MAX_QUESTION_CHARS}个字符以内。")
        if not re.search(r"[\u4e00-\u9fff]", question):
            return self.refuse(question, "只能回答用中文提出的预算问题，没有在问题中找到中文。")
        with self.lock:
            try:
                self._dropped_projects: frozenset = frozenset()
                state = QuestionState(question)
                with self.graph.reading():  # each query text read once; results kept while the store is unchanged
                    for _name, run in self.components:
                        run(state)
                return state.answer
            except Exception:  # noqa: BLE001 - a question must never end in a traceback
                if os.environ.get("BUDGETKG_DEBUG"):
                    traceback.print_exc(file=sys.stderr)
                log.exception("question failed: %r", question[:200])
                return self.refuse(question, "抱歉，这个问题处理时出错，没有得到答案。请换一种问法。")

    # -------------------------------------------------------------- resolve
    def dept_years(self, names: list[str]) -> set[int]:
        return {y for d in names for y in self.catalog.dept_years.get(d, [])}

    def relative_years(self, frame: Frame) -> None:
        """今年/去年 of a department: relative to its own latest budget in the graph (of the whole
        graph where no department is named)."""
        clause = frame.clause
        if frame.year_of_previous:  # 当年 after a part that named its year: that year, not the latest
            return
        if re.search(RELATIVE_YEAR, clause) and not re.search(r"[比较与同跟和]去年|去年同期", clause):
            names = [d.name for d in frame.filters.departments]
            have = self.dept_years(names) if names else \
                {p.year for p in frame.filters.projects if p.year} or set(self.catalog.years)
            if have:
                years = asked_years(clause, max(have))
                if "明年" in clause and years and not set(years) & have:
                    # 明年怎么安排的: a budget is the plan for the year ahead of its writing, so the
                    # year after the latest budget, which no document holds yet, is that budget's own
                    years = [max(have)]
                if years:
                    frame.filters.years = years

    def resolve(self, frame: Frame, state: QuestionState) -> None:
        """Years relative to the department (今年 = its latest budget), the year the graph lacks
        (derived from the next year's statement), names the graph does not hold, and a short name
        several departments share (asked back)."""
        f = frame.filters
        names = [d.name for d in f.departments]
        if frame.focus == "departments" and frame.operation.name == "rank" and len(names) == 1 \
                and frame.measures == ["project_expenditure"]:
            # 项目支出里最大的一块是什么 of one department: its largest project, not a ranking of one department
            frame.focus, frame.measures = "projects", ["amount"]
        if names and frame.focus == "assets" and f.years and re.search(L.STOCK_AT_YEAR_END, state.question):
            have = self.dept_years(names)
            if not set(f.years) & have and all(y + 1 in have for y in f.years):
                # 截至去年底有多少车: what the next budget reports held at that year's end
                f.years = [y + 1 for y in f.years]
        if names and frame.focus == "subjects" and len(f.years) == 2 and re.search(r"(?:是|有|为)?多少", frame.clause):
            # 今年提租补贴555.5万元，去年是多少: the year the graph lacks is the one asked (its figure derived
            # from the stated change, as a subject of that year alone is)
            have = self.dept_years(names)
            lacking = [y for y in f.years if y not in have and y + 1 in have]
            if len(lacking) == 1 and lacking[0] + 1 in f.years:
                f.years = lacking
        if names and frame.focus == "figures":
            have = self.dept_years(names)
            if len(f.years) == 2:  # 从2025年的预算推算2024年的…: the year asked is the one the graph lacks
                lacking = [y for y in f.years if y not in have and y + 1 in have]
                if len(lacking) == 1 and lacking[0] + 1 in f.years:
                    f.years = lacking
                    frame.next_year_asked = True
            if f.years and not set(f.years) & have and all(y + 1 in have for y in f.years):
                frame.derive_previous = True
        if len(names) >= 2 and frame.focus == "departments" and f.years and all(
                not set(f.years) & set(self.catalog.dept_years.get(n, [])) and
                all(y + 1 in self.catalog.dept_years.get(n, []) for y in f.years) for n in names):
            # 去年呢 of departments compared, a year none of them has a budget of: each one's figure derived
            # from its next budget's stated change, and those compared
            frame.focus, frame.derive_previous = "figures", True
            frame.measures = frame.measures[:1] or ["income_total"]
            frame.operation = Operation("change", also=["compare_previous"])
        unknown = list(frame.unknown)
        unknown += self._organisation_of_another_place(frame, state)
        units = self._units_of_named(state.linked.entities("unit", span=_span_of(state, frame)), f.departments)
        kept = _units_not_in_project_names(units, state, f.projects)
        if len(kept) < len(units):  # (the parse took them for the projects' 实施单位 too)
            dropped = {u.iri for u in units} - {u.iri for u in kept}
            f.units = [u for u in f.units if u.iri not in dropped]
            if f.unit is not None and f.unit.iri in dropped:
                f.unit = None
        units = kept
        left_out = self._units_left_out(state, frame)
        if left_out:  # 本级（不含监狱、法援中心）: those units' projects are out of the set, no name missing
            f.without_units = list(dict.fromkeys(f.without_units + [u.name for u in left_out]))
            units = [u for u in units if u not in left_out]
            f.units = [u for u in f.units if u.iri not in {x.iri for x in left_out}]
        if f.units:  # 湖州财政局…国库支付中心有没有项目: the named department's unit, not another city's
            f.units = [u for u in f.units if u.iri in {x.iri for x in units}] or f.units
        # 实施单位是X的有哪些: of a set of projects, one unit named is a condition even where its word is
        # asked (several named with it, 各自承担什么项目, are answered by the units the projects print)
        condition = frame.focus == "projects" and not f.projects and len(units) == 1
        if frame.focus == "projects" and units and not f.projects and re.search(L.ABOUT_WORDS, frame.clause):
            # 跟看守所有关的项目: projects about what the unit's name says, not those it carries out
            about = [split_place(u.name)[1] or u.name for u in units]
            f.keywords = list(dict.fromkeys(f.keywords + about))
            f.keyword_groups = f.keyword_groups + [[w] for w in about]
            units, condition, f.units, f.unit = [], False, [], None
        if units and len(f.departments) <= 1 and (frame.focus == "figures" or (frame.focus == "subjects"
                                                                                 and not f.subjects)):
            # a budget unit of a department's tables by unit (西安市安全生产宣传教育中心支出多少; X和Y支出
            # 各多少, read as subject rows for want of a subject): that department's figure for the
            # unit, read from its row (``nlp.execute.units``)
            parents = self.budget_unit_departments(units[0].iri)
            if len(parents) == 1 and (not f.departments or f.departments[0].iri == parents[0].iri):
                f.departments, f.by_unit, frame.open_department = parents, True, False
                f.budget_unit = Ref("unit", units[0].iri, units[0].name)
                units = [u for u in units if self.budget_unit_departments(u.iri) != parents]
                if frame.focus == "subjects":
                    frame.focus = "figures"
                    frame.measures = frame.measures or ["expenditure_total" if "支出" in frame.clause else "income_total"]
        if len(units) >= 2 and frame.operation.name == "count" and frame.focus in ("figures", "subordinates") \
                and len(f.departments) <= 1 and not f.projects:
            # 有几个口岸分局: the department's units that word names, counted — not a figure of theirs
            frame.focus, frame.measures = "subordinates", []
            f.units, units = [Ref("unit", u.iri, u.name) for u in units], []
        if units and frame.focus not in ("persons", "subordinates") and ("unit" not in frame.measures or condition):
            several = [self.unit_departments(u.iri) for u in units] if frame.focus == "projects" and len(units) >= 2 \
                and not condition else []
            if several and all(several):  # 会议展览局和贸易服务中心各有几个项目: the projects each carries out
                f.units = [Ref("unit", u.iri, u.name) for u in units]
                if not f.departments:
                    f.departments = list({d.iri: d for ds in several for d in ds}.values())
                    frame.open_department = False
                units = []
            carrying = self.unit_departments(units[0].iri) if units and frame.focus in ("projects", "indicators") else []
            if carrying:  # the 实施单位 of projects: those projects, in the budgets that name them
                f.unit, f.units = Ref("unit", units[0].iri, units[0].name), []
                if not f.departments:
                    f.departments, frame.open_department = carrying, False
                units = units[1:]
            if not f.units:  # units named beside projects are answered by the projects each carries out
                unknown += [u.name for u in units]
        if unknown:
            pretty = "、".join(f"“{u}”" for u in dict.fromkeys(unknown))
            near = closest_names(unknown[0], [d.name for d in self.catalog.departments()]) \
                if re.search(r"(局|厅|委|办|院|中心|馆|街道|部)$", unknown[0]) else []
            frame.reply = none_there(unknown) or (f"没有找到：图谱中没有{pretty}的相关信息，不能用其他单位或项目的数字代替。" +
                                                   (f"图谱中相近的单位有：{'、'.join(near)}。" if near else ""))
            return
        ambiguous = self._ambiguous(frame, state)
        if ambiguous:
            frame.candidates = ambiguous
            frame.reply = "您问的是" + "、".join(ambiguous[:-1]) + f"还是{ambiguous[-1]}？请说明是哪一个单位。"

    @staticmethod
    def _units_left_out(state: QuestionState, frame: Frame) -> list:
        """The units the clause names inside what it leaves out (不含…, 除了…以外)."""
        start, end = _span_of(state, frame)
        text = state.normalized.text
        out = []
        for m in re.finditer(L.LEFT_OUT_SPAN, text[start:end]):
            out += [u for u in state.linked.entities("unit", span=(start + m.start(), start + m.end())) if u not in out]
        return out

    def _organisation_of_another_place(self, frame: Frame, state: QuestionState) -> list[str]:
        """广州市财政局 where the graph holds 财政局 of other cities only: the organisation of that place
        is one the graph lacks — never the others' that share its short name."""
        f = frame.filters
        if len(f.departments) < 2 or frame.unknown:
            return []
        places = state.linked.entities("place", exact_only=True, span=_span_of(state, frame))
        stems = [re.sub(r"[省市区县州]$", "", p.name) for p in places]
        if not stems or any(stem and stem in d.name for stem in stems for d in f.departments):
            return []
        if any(d.name in (p.code or "").split("|") for p in places for d in f.departments):
            return []  # 新疆的几个生态环境局: departments lying in the division named (``kg.names.divisions``)
        named = [m.group() for stem in stems if stem
                 for m in [re.search(re.escape(stem) + r"[省市区县州]?[\u4e00-\u9fff]{1,8}?(?:局|委|办|院|厅|中心|所|站)",
                                     frame.clause)] if m]
        if named:
            f.departments, frame.open_department = [], False
        return named

    def _departments_naming(self, unit: str, predicate: str) -> list[Ref]:
        """The departments with a budget in the graph whose facts link ``unit`` (an IRI) by ``predicate``."""
        return self._budget_departments(f"?x {predicate} {iri(unit)} ; bkg:department ?dept .")

    def sub_organisation_departments(self, unit: str) -> list[Ref]:
        """The departments whose budgets name ``unit`` (an IRI) among their subordinate units."""
        return self._budget_departments(f"?dept org:hasSubOrganization {iri(unit)} .")

    def _budget_departments(self, pattern: str) -> list[Ref]:
        """The departments with a budget in the graph that ``pattern`` binds to ``?dept``."""
        rows = self.graph.run(PREFIXES + f"SELECT DISTINCT ?dept WHERE {{ {pattern} }}")
        naming = {str(r["dept"]) for r in rows}
        out = {b.department_iri: Ref("department", b.department_iri, b.department)
               for b in self.graph.budgets() if b.department_iri in naming}
        return list(out.values())

    def _units_of_named(self, units: list, departments: list[Ref]) -> list:
        """Of the units a short name could mean (国库支付中心: 北京's, 深圳's, 湖州's), those of the
        departments the question names (湖州财政局…国库支付中心), where any is; all of them otherwise."""
        if not departments or len(units) < 2:
            return units
        named = {d.iri for d in departments}
        own = [u for u in units if named & {d.iri for d in (self.unit_departments(u.iri) + self.budget_unit_departments(u.iri)
                                                            + self.sub_organisation_departments(u.iri))}]
        return own or units

    def budget_unit_departments(self, unit: str) -> list[Ref]:
        """The departments whose tables by unit print ``unit`` (an IRI) as a row of its own
        (``bkg:budgetUnit``: 收入/支出总表 by 单位名称)."""
        return self._departments_naming(unit, "bkg:budgetUnit")

    def unit_departments(self, unit: str) -> list[Ref]:
        """The departments whose budgets name ``unit`` (an IRI) as a project's 实施单位 / 承担单位:
        a unit with no budget of its own is asked about through them (中心血站的自评项目)."""
        return self._departments_naming(unit, "bkg:responsibleUnit")

    def _ambiguous(self, frame: Frame, state: QuestionState) -> list[str]:
        """The departments a short name could mean, where the question does not say which."""
        # (这几个信访局, 这三家: the set the short name names, every one of them)
        if frame.focus == "departments" or frame.filters.set_size or re.search(
                r"各|分别|都|哪些单位|哪家|所有|全部|哪个单位|(?:这|那)(?:些|几|[两二三四五六七八九十]+)(?:个|家|份)?", frame.clause):
            return []
        places = {e.name.rstrip("市省区县") for o in state.linked.mentions for e in o.entities if e.kind == "place"} - {""}
        named = frame.filters.departments
        placed = [r for r in named if any(p in r.name for p in places)]
        one_name = any({e.name for e in m.entities if e.kind == "department"} >= {r.name for r in named}
                       for m in state.linked.mentions)  # the departments are the readings of one short name
        if one_name and len(named) >= 2 and len(placed) == 1 and \
                len({re.sub(r"（[^）]*）|\([^)]*\)", "", split_place(r.name)[1]) for r in named}) == 1:
            # 深圳承担的…？财政局安排了多少？在哪个项目下: one short name of several places' departments,
            # the place the question names elsewhere says which — in every part
            frame.filters.departments = placed
            return []
        span = _span_of(state, frame)
        for m in state.linked.mentions:
            if not (span[0] <= m.start and m.end <= span[1]):
                continue
            depts = [e for e in m.entities if e.kind == "department"]
            if len(depts) < 2:
                continue
            # 北京、深圳、烟台、湖州四个财政局: the shared word is the head of an enumeration whose
            # places already name the departments meant
            others = {e.name for o in state.linked.mentions if o is not m and span[0] <= o.start and o.end <= span[1]
                      for e in o.entities if e.kind == "department"}
            if len(others & {d.name for d in depts}) >= 2:
                frame.filters.departments = [r for r in frame.filters.departments if r.name in others]
                return []
            if len(depts) != len(frame.filters.departments):
                continue
            if frame.filters.years:  # the year says which
                fitting = [d for d in depts if set(frame.filters.years) & set(self.catalog.dept_years.get(d.name, []))]
                if len(fitting) == 1:
                    frame.filters.departments = [r for r in frame.filters.departments if r.name == fitting[0].name]
                    return []
            return [d.name for d in depts]
        return []

    # -------------------------------------------------------------- execute
    def _projects_of_the_unit(self, frame: Frame, ctx: Context) -> None:
        """西安疾控中心…艾滋病项目: a project named in part beside the unit carrying it out is that unit's
        project of those words — where the nearest name belongs to another unit (中心血站's 艾滋病防治-安全用血),
        the unit's own projects are searched by the words instead."""
        f = frame.filters
        if frame.focus not in ("projects", "indicators") or f.unit is None or not f.projects or not f.keywords:
            return
        budgets, _ = ctx.scope(frame)
        iris = {p.iri for p in f.projects}
        rows = [r for r in ctx.rows("projects", budgets) if r.iri in iris] if budgets else []
        if rows and not any(r.attrs.get("unit") == f.unit.name for r in rows):
            self._dropped_projects = frozenset(iris)
            f.projects = []

    def _projects_found_instead(self, frame: Frame, previous: Result) -> None:
        """A later part about the project a part before named in part (…完成率多少): the one found in its
        unit's projects there, not the other unit's project the words first pointed to."""
        f = frame.filters
        if f.projects and {p.iri for p in f.projects} == self._dropped_projects:
            f.projects = _projects_just_found(previous)

    def _named_subject(self, frame: Frame, ctx: Context) -> Result | None:
        """The code-less subject the clause names with its level word (see ``named_subjects``), in the kind of
        funds the clause names; None where it names none (or the question spans many budgets)."""
        budgets, _note = ctx.scope(frame)
        if not budgets or frame.open_department:
            return None
        asked = copy.deepcopy(frame)
        if asked.filters.amount_scope is None:
            asked.filters.amount_scope = next((key for key, rx in L.AMOUNT_SCOPES if re.search(rx, frame.clause)), None)
        return named_subject_answer(asked, ctx, budgets)

    def _department_of_previous(self, frame: Frame, previous: Result) -> None:
        """那这个协管员补助一共多少钱？协理员那块又是多少 with no department named: the department of the one
        project the part before found, not every department in the graph."""
        f = frame.filters
        if not frame.open_department or f.departments or f.projects:
            return
        found = {(r.department, r.year) for r in previous.rows if "/project/" in str(r.iri or "") and r.department}
        if len(found) != 1:
            return
        (name, year), = found
        dept = next((d for d in self.catalog.departments() if d.name == name), None)
        if dept is None:
            return
        f.departments, frame.open_department = [Ref("department", dept.iri, dept.name)], False
        f.years = f.years or [year]

    def _project_of_previous(self, frame: Frame, previous: Result) -> bool:
        """…协管员补助一共多少钱？协理员那块又是多少: where the part before found one project and this part names
        no figure of its own (its measure guessed) and no whole budget, it asks about that project."""
        f = frame.filters
        if frame.focus != "figures" or not frame.measures_guessed or f.projects or f.subjects or f.keywords \
                or frame.operation.name not in ("lookup", "share") or re.search(L.WHOLE_BUDGET, frame.clause) \
                or re.search(L.TARGET_ASKED, frame.clause):
            return False
        found = {r.iri: r for r in previous.rows if "/project/" in str(r.iri or "")}
        if len(found) != 1:
            return False
        (p,) = found.values()
        frame.focus, frame.measures, frame.measures_guessed = "projects", ["amount"], False
        f.projects = [Ref("project", p.iri, p.label, department=p.department, year=p.year)]
        return True

    def _unit_of_previous(self, frame: Frame, previous: Result) -> None:
        """这个单位还有什么项目 after a project named: the unit that project's table says carries it out
        (one unit, which the graph knows by that name), as the condition on the projects asked."""
        f = frame.filters
        if frame.focus != "projects" or f.unit is not None or f.units or not re.search(L.THIS_UNIT, frame.clause):
            return
        names = {str(r.attrs.get("unit")) for r in previous.rows
                 if "/project/" in str(r.iri or "") and r.attrs.get("unit")}
        units = [e for name in names for e in self.catalog.of_kind("unit") if e.name == name]
        if len(names) == 1 and len(units) == 1:
            f.unit = Ref("unit", units[0].iri, units[0].name)
            f.projects = []

    def execute(self, frame: Frame, previous: Result | None = None) -> tuple[Part, Result | None]:
        ctx = Context(self.graph, self.catalog, self.vocab, previous=previous)
        understood = describe(frame, self.vocab)
        part = Part(frame.clause, kind(frame), frame.to_json(), understood, "")
        run = EXECUTORS.get(frame.focus)
        if frame.reply and frame.candidates and run:
            # a short name several departments share: where only one of them holds an answer, it is that one
            answered = []
            for name in frame.candidates:
                trial = copy.deepcopy(frame)
                trial.filters.departments = [d for d in frame.filters.departments if d.name == name]
                trial.reply = None
                if frame.filters.projects:  # 信访局信息化运行维护项目: the one whose budget has the project named
                    trial.filters.projects = [p for p in frame.filters.projects if p.department == name]
                    if not trial.filters.projects:
                        continue
                trial_ctx = Context(self.graph, self.catalog, self.vocab, previous=previous)
                result = run(trial, trial_ctx)
                if result.items:
                    answered.append((name, trial, trial_ctx, result))
            if len(answered) > 1 and sum(not a[3].relaxed for a in answered) == 1:
                answered = [a for a in answered if not a[3].relaxed]
            if len(answered) == 1:
                name, frame, ctx, result = answered[0]
                result.text = f"（按{name}理解）" + result.text
                part.frame, part.understood = frame.to_json(), describe(frame, self.vocab)
                return self._finish(part, frame, ctx, result)
        if previous is not None:
            self._unit_of_previous(frame, previous)
            self._projects_found_instead(frame, previous)
            self._department_of_previous(frame, previous)
            if self._project_of_previous(frame, previous):
                run = EXECUTORS.get(frame.focus)
                part.kind, part.frame, part.understood = kind(frame), frame.to_json(), describe(frame, self.vocab)
        self._projects_of_the_unit(frame, ctx)
        if frame.reply:
            part.text = frame.reply
            return part, None
        if frame.operation.name == "ratio" and previous is not None:
            computed = _ratio_of_previous(frame, previous)  # 高院是政协的几倍 after both figures
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        if previous is not None and re.search(L.AVERAGE_ASKED, frame.clause):
            computed = _average_of_previous(previous)  # 几个项目？涉及多少钱？平均每个项目多少
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        if "previous_sum" in frame.operation.also and previous is not None:
            computed = _against_previous_sum(frame, ctx, previous)  # 加起来跟项目支出总额一样吗
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        if frame.derived_only and frame.operation.name == "difference" and previous is not None:
            computed = _difference_of_previous(previous)  # 差多少 after two computed figures
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        if frame.operation.name == "share" and frame.focus == "projects" and len(frame.filters.projects) == 1 \
                and previous is not None:
            computed = _share_in_named_project(frame, ctx, previous)  # 贴息多少？占预决算管理业务的比重
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        if frame.operation.name == "share" and previous is not None and (
                frame.focus == "projects" or (frame.focus == "figures" and not frame.operation.base)):
            computed = (_share_of_one_listed(frame, previous) if frame.focus == "projects" else None) \
                or _share_of_a_funds_line(frame, previous)
            # 普查一共多少？其中宣传经费占多少 / 财政拨款和上年结转各多少？(上年)结转占几成: of the project's money
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        if frame.operation.name == "per_capita" and previous is not None:
            computed = _per_head_of_target(frame, ctx, previous)  # 预计补助多少人？人均多少
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        if frame.derived_only and frame.operation.name == "share" and frame.operation.base and previous is not None:
            computed = _share_of_previous_item(frame, ctx, previous)  # X安排了多少？占项目支出几成
            if computed is not None:
                return self._finish(part, frame, ctx, computed)
        # a project's stated items; the meetings or trainings a detail table lists
        inside = counted_in_projects(frame, ctx, previous) or \
            sub_items_of_previous(frame, ctx, previous) or named_sub_items(frame, ctx) or \
            event_items(frame, ctx, previous) or items_by_class(frame, ctx, previous) or \
            counted_kind_named(frame, ctx)  # 有哪些区县气象局: a count of a kind the 部门概况 names its units of
        if inside is not None:
            return self._finish(part, frame, ctx, inside)
        if frame.focus not in ("subjects", "findings") and not frame.filters.subjects and not frame.filters.projects:
            # “监狱”这一款下面分了哪些项 read as another kind of question: a 款/项 a names-only table prints
            named = self._named_subject(frame, ctx)
            if named is not None:
                return self._finish(part, frame, ctx, named)
        weights = weights_added_up(frame, ctx)  # 各指标的分值权重加起来是不是90分
        if weights is not None:
            return self._finish(part, frame, ctx, weights)
        beside = three_public_columns(frame, ctx)  # 会议费 / 培训费 as the 三公 table prints them
        if beside is not None:
            return self._finish(part, frame, ctx, beside)
        fund = source_of_previous_project(frame, ctx, previous) or \
            subjects_of_previous_projects(frame, ctx, previous) or \
            amounts_of_previous_projects(frame, ctx, previous)  # …走的什么预算、什么科目、各多少 of the projects just found
        if fund is not None:
            return self._finish(part, frame, ctx, fund)
        bought = named_purchases(frame, ctx, previous)  # a purchase a 政府采购 table names, or its purchases listed
        if bought is not None:
            return self._finish(part, frame, ctx, bought)
        if frame.focus == "indicators" and not frame.filters.projects and previous is not None \
                and not (frame.operation.name in ("rank", "sort") and frame.operation.nth):
            # (第二是哪个 after a ranking: the next place of that ranking, not the targets of the one just found)
            frame.filters.projects = _projects_just_found(previous)  # 那个项目…？目标是多少: those projects'
        unknown = _words_found_nowhere(frame, ctx)
        if unknown:
            part.text = (f"没有找到：{'、'.join(d.name for d in frame.filters.departments)}的文件里没有“"
                         + "”“".join(unknown) + "”的数，不能用别的数代替。")
            return part, None
        result = with_project_source(frame, ctx, with_topic_purchases(frame, ctx, run(frame, ctx) if run else Result()))
        undisclosed = re.search(L.NOT_DISCLOSED, frame.clause)
        if undisclosed and not re.search(L.NOT_DISCLOSED, result.text or ""):
            # 哪家物业公司中标的？合同金额多少: what the documents print of it (a 说明 may state a 中标价),
            # else said not to be disclosed — never the project's budget in its place
            part.text = (f"没有找到：文件没有公布“{undisclosed.group(0)}”这类信息（预算、决算公开文件一般不列中标结果和"
                         "合同，见政府采购公告），不能用预算数代替。")
            return part, None
        return self._finish(part, frame, ctx, result)

    def remainder(self, frame: Frame, whole: Result | None, part_of_it: Result | None) -> tuple[Part, Result | None]:
        """其余靠什么 after a whole and a part of it (执法办案总共多少？其中一般公共预算给了多少): the whole less
        the part, each the first amount its part answered, where the whole is the larger and both are of one
        department and year. Nothing is said where the two parts do not give such figures."""
        ctx = Context(self.graph, self.catalog, self.vocab)
        part = Part(frame.clause, kind(frame), frame.to_json(), describe(frame, self.vocab), "")
        first = [next((i for i in r.items if i.unit == WAN and i.value is not None), None) if r else None
                 for r in (whole, part_of_it)]
        if None in first or (first[0].department, first[0].year) != (first[1].department, first[1].year):
            return self._finish(part, frame, ctx, Result())
        a, b = (D.Input(i.label, Decimal(i.value), WAN, i.department, i.year, i.source) for i in first)
        if a.value < b.value:  # (the part is larger: not a whole and its part)
            return self._finish(part, frame, ctx, Result())
        d = D.difference(a, b, "其余部分" if a.label == b.label else f"{a.label}中{b.label}以外的部分")
        text = d.formula + "。"
        return self._finish(part, frame, ctx, Result([derived_item(d)], text, [d], []))

    def _finish(self, part: Part, frame: Frame, ctx: Context, result: Result) -> tuple[Part, Result]:
        understood = part.understood
        part.sparql = list(ctx.log)
        part.items = result.items
        part.derived = result.derived
        part.found = bool(result.items)
        if not result.items and not result.text:
            result.text = self._nothing(frame, understood)
        part.text = result.text + (provenance_text(result.items) if result.items else f"（我的理解——{understood}）")
        return part, result

    def _nothing(self, frame: Frame, understood: str = "") -> str:
        """Nothing found: say which department or year the graph lacks, if that is why."""
        f = frame.filters
        names = [d.name for d in f.departments]
        if names and f.years:
            missing = [d for d in names if not set(f.years) & set(self.catalog.dept_years.get(d, []))]
            if missing:
                have = "；".join(f"{d}：{'、'.join(f'{y}年' for y in sorted(self.catalog.dept_years.get(d, [])))}"
                                for d in missing)
                return (f"没有找到：图谱中没有{'、'.join(missing)}{'、'.join(str(y) for y in f.years)}年的预算"
                        f"（图谱中有的年度——{have}）。")
        if understood.startswith("查") and frame.focus in ("figures", "staff", "functions", "divisions", "subordinates"):
            return f"没有找到：图谱中没有{understood[1:].split('，')[0]}的数据。"
        return "没有找到相关信息。"

    # -------------------------------------------------------------- compose
    def compose(self, state: QuestionState) -> Answer:
        parts = _without_repeats(state.parts)
        _rows_once(parts)
        items: list[Item] = [i for p in parts for i in p.items]
        derived = [d for p in parts for d in p.derived]
        if len(parts) == 1:
            text = parts[0].text
        else:
            text = "".join(f"（{i}）{p.text}" for i, p in enumerate(parts, 1))
        first = next((p for p in parts if p.found), parts[0] if parts else None)
        intent = first.kind if first else "unknown"
        understood = {"intent": intent, "parts": [p.understood for p in parts]}
        return Answer(question=state.question, intent=intent, text=text, items=items,
                      entities=entities_json(state.linked), sparql=[s for p in parts for s in p.sparql],
                      understood=understood, parts=parts, derived=derived)


def _without_repeats(parts: list[Part]) -> list[Part]:
    """The parts without the stated changes an earlier part already shows (三公多少？出国、用车、接待
    各多少 where the first part derived every part's figure from the change the budget states), and
    without a part whose answer is word for word an earlier part's: the answer says each figure once."""
    kept: list[Part] = []
    shown: set[tuple] = set()
    for part in parts:
        keys = {(i.label, i.value, i.department, i.year) for i in part.items} | {("=", d.formula) for d in part.derived}
        if kept and keys and keys <= shown and _asked_before(part.frame, [k.frame for k in kept]) \
                and (not re.search(r"哪", part.clause)
                     or _figures_in(part.text) <= set().union(*(_figures_in(k.text) for k in kept))):
            continue  # (a part whose sentence says figures the earlier ones do not — 哪一块减下来的: its parts — stays)
        if part.found and any(k.text == part.text for k in kept):
            continue  # …安排了多少？具体是哪几项 where the first part's answer already lists them: said once
        shown |= keys
        kept.append(part)
    return kept


def _figures_in(text: str) -> set[str]:
    """The figures a sentence says (1,234.56 and 1234.56 alike), to tell a part that repeats from one that adds."""
    return {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text or "")}


def _rows_once(parts: list[Part]) -> None:
    """Each part's rows as the answer shows them: a count or a sum does not show again the rows an
    earlier part shows (这些项目合计多少 after 多少个项目: the same 25 projects), and a count or a sum of many
    things (多少个项目有绩效目标表, 合计多少钱) shows its figures as rows and names the things in its
    sentence — unless the clause asks for them (哪些, 分别, 列出). The text keeps every name."""
    shown: set[tuple] = set()
    for part in parts:
        op = part.frame.get("operation") or {}
        rows = list(part.items)
        if op.get("name") in ("count", "sum"):  # 这些项目合计多少: the rows just shown, not again
            rows = [i for i in rows if _row_key(i) not in shown or "formula" in i.extra]
        if op.get("name") in ("count", "sum") and "list" not in (op.get("also") or []) \
                and not re.search(L.NAMES_ASKED, part.clause):
            # the things a count or sum lists by name in its sentence (“项目名”), as against its figures
            # (looked for only here: each row's name searched in the text is 5 s for 10,000 rows)
            things = [i for i in rows if "formula" not in i.extra and i.unit == WAN and f"“{i.label}”" in part.text]
            if len(things) > L.COUNT_LISTED:
                rows = [i for i in rows if i not in things]  # (项目支出（印数） and the sum stay rows)
        shown |= {_row_key(i) for i in part.items}
        part.items = rows


def _row_key(item: Item) -> tuple:
    return item.label, item.value, item.department, item.year, item.source


def _asked_before(frame: dict, earlier: list[dict]) -> bool:
    """Whether an earlier part asked for the same figures of the same departments and years (its
    measures include this part's): a list filtered or a figure split is a new question."""
    def scope(f: dict) -> tuple:
        flt = f.get("filters", {})
        return (f.get("focus"), str(flt.get("departments")), str(flt.get("years")))
    return frame.get("focus") == "figures" and any(
        scope(e) == scope(frame) and set(frame.get("measures", [])) <= set(e.get("measures", [])) for e in earlier)


def _against_previous_sum(frame: Frame, ctx, previous: Result) -> Result | None:
    """加起来跟项目支出总额一样吗 after rows just summed: the figure named, the sum beside it, and
    whether they agree (their difference, with its formula) — of the same department and year."""
    from nlp import derive as D
    from nlp.execute.base import Constraints, derived_item, figure_input, item_of, money

    whole = next((d for d in reversed(previous.derived) if d.unit == "万元" and "+" in d.formula), None)
    if whole is None or not frame.measures:
        return None
    budget = next((b for b in ctx.budgets() if (b.department, b.year) == (whole.department, whole.year)), None)
    named = ctx.rows("figures", [budget], Constraints(items=frame.measures[:1])) if budget is not None else []
    if not named or named[0].amount is None:
        return None
    label = ctx.vocab.label(frame.measures[0])
    total = D.Input("合计", whole.value, whole.unit, whole.department, whole.year)
    d = D.difference(figure_input(named[0], label), total, f"{label}与合计之差")
    verdict = "一致" if d.value == 0 else f"不一致，{d.formula}"
    text = f"{label}{money(named[0].amount)}万元，上面各项合计{money(whole.value)}万元，二者{verdict}。"
    return Result([item_of(named[0], label), derived_item(d)], text, [d], [named[0]])


def _difference_of_previous(previous: Result) -> Result | None:
    """差多少 after two computed figures (two departments' per-capita figures …): the difference of
    the last two derived figures of the same unit."""
    from nlp import derive as D
    from nlp.execute.base import derived_item

    same = [d for d in previous.derived if d.unit == previous.derived[-1].unit] if previous.derived else []
    if len(same) < 2:
        return None
    a, b = same[-2], same[-1]
    la = a.department if a.department != b.department else a.label
    lb = b.department if a.department != b.department else b.label
    d = D.difference(D.Input(la, a.value, a.unit, a.department, a.year), D.Input(lb, b.value, b.unit, b.department, b.year))
    return Result([derived_item(d)], d.formula + "。", [d], [])


def _named_at(frame: Frame, name: str, other: str) -> int:
    """Where a part names a department rather than the other one: its full name, or the first two
    characters of the part standing in order in its name and not in the other's (高院 of 江苏省高级人民法院
    against 江苏省政协办公厅; 水务 of 苏州市水务局 against 苏州市审计局); the clause's end where it is not named."""
    clause = frame.clause
    if name in clause:
        return clause.find(name)

    def within(word: str, whole: str) -> bool:
        it = iter(whole)
        return all(ch in it for ch in word)
    for i in range(len(clause) - 1):
        pair = clause[i:i + 2]
        if within(pair, name) and not within(pair, other):
            return i
    return len(clause)


def _sums_given(previous: Result) -> list[Item]:
    """The sums of money (万元) the part before answered, in its order: what a derived part after it
    (几倍, 占…几成) computes on."""
    return [i for i in previous.items if i.value is not None and i.unit == WAN]


def _ratio_of_previous(frame: Frame, previous: Result) -> Result | None:
    """几倍 after a part that gave one figure of two departments (or two figures of one): the first
    named over the second — the departments in the order this part names them (高院是政协的几倍), else
    in the order the part before gave them."""
    from nlp import derive as D
    from nlp.execute.base import derived_item

    money_items = _sums_given(previous)
    if not money_items:
        return None
    first = money_items[0].label
    same = [i for i in money_items if i.label == first]
    given = {i.department for i in same}  # a short name may link more departments than the part before gave
    names = [d.name for d in frame.filters.departments if d.name in given]
    order = sorted(names, key=lambda n: _named_at(frame, n, next(o for o in names if o != n))) \
        if len(names) == 2 else names
    if len(order) == 2 and len({i.department for i in same}) >= 2:
        pair = [next((i for i in same if i.department == name), None) for name in order]
    else:
        pair = same[:2] if len(same) == 2 else money_items[:2]
    if len(pair) != 2 or None in pair:
        return None
    a, b = pair
    if a.department == b.department and said_at(frame.clause, b.label) < said_at(frame.clause, a.label):
        a, b = b, a  # 津贴是基本工资的几倍: the figure the clause names first over the other, whatever the order given
    if re.search(r"差|相差", frame.clause) and Decimal(a.value) < Decimal(b.value):
        a, b = b, a  # 差了几倍: the larger over the smaller, whichever was named first
    la, lb = (a.department, b.department) if a.department != b.department else (a.label, b.label)
    d = D.ratio(D.Input(la, Decimal(a.value), WAN, a.department, a.year, a.source),
                D.Input(lb, Decimal(b.value), WAN, b.department, b.year, b.source))
    if d is None:
        return None
    if "difference" in frame.operation.also and re.search(r"差|相差|多|少", frame.clause):
        # 差几倍: how far apart in 万元 as well as in times — the gap said before the multiple
        gap = D.difference(D.Input(la, Decimal(a.value), WAN, a.department, a.year, a.source),
                           D.Input(lb, Decimal(b.value), WAN, b.department, b.year, b.source))
        if gap is not None:
            return Result([derived_item(gap), derived_item(d)], gap.formula + "；" + d.formula + "。", [gap, d], [])
    return Result([derived_item(d)], d.formula + "。", [d], [])


def _share_in_named_project(frame: Frame, ctx, previous: Result) -> Result | None:
    """占X的比重 naming a project after a part that gave one sum of money inside it (贴息资金10000.00万元
    inside 预决算管理业务): that sum's share of the project's amount."""
    from nlp import derive as D
    from nlp.execute.base import derived_item, figure_input

    money_items = _sums_given(previous)
    project = frame.filters.projects[0]
    if len(money_items) != 1 or money_items[0].label == project.name:
        return None
    row = _project_row(ctx, project.iri, project.department, project.year)
    one = money_items[0]
    if row is None or Decimal(one.value) > row.amount:
        return None  # a sum larger than the project is no part of it (a department's total guessed)
    d = D.share(D.Input(one.label, Decimal(one.value), WAN, one.department, one.year, one.source),
                figure_input(row, project.name), f"{one.label}占{project.name}比重")
    if d is None:
        return None
    return Result([derived_item(d)], d.formula + "。", [d], [row])


def _project_row(ctx, iri: str, department: str | None, year: int | None):
    """A project's own row (with its amount) from its budget, by IRI; ``None`` where there is none."""
    from nlp.execute.base import Constraints

    budget = next((b for b in ctx.budgets() if (b.department, b.year) == (department, year)), None)
    if budget is None:
        return None
    return next((r for r in ctx.rows("projects", [budget], Constraints(projects=[iri]))
                 if r.iri == iri and r.amount is not None), None)


def _average_of_previous(previous: Result) -> Result | None:
    """平均每个 after a part that gave a count and one sum of money (项目20个，涉及资金7054.05万元): the sum
    over the count."""
    from nlp import derive as D
    from nlp.execute.base import derived_item

    counts = [i for i in previous.items if i.unit == "个" and i.value is not None]
    sums = _sums_given(previous)
    if len(counts) != 1 or len(sums) != 1:
        return None
    c, s = counts[0], sums[0]
    d = D.average(D.Input(s.label, Decimal(s.value), WAN, s.department, s.year, s.source),
                  D.Input(c.label, Decimal(c.value), "个", c.department, c.year, c.source))
    if d is None:
        return None
    return Result([derived_item(d)], d.formula + "。", [d], [])


def _per_head_of_target(frame: Frame, ctx, previous: Result) -> Result | None:
    """人均 after a part that gave a project's target counted in people or households (补助个人（家庭）数量
    ≥325人、户): the project's amount over that count — an upper bound where the target is a floor (≥)."""
    from nlp import derive as D
    from nlp.execute.base import derived_item, figure_input

    for row in previous.rows:
        counted = re.search(r"(\d+(?:\.\d+)?)\s*(?:人|户)", str(row.attrs.get("target") or ""))
        if counted is None or "/project/" not in str(row.key or ""):
            continue
        project = _project_row(ctx, row.key, row.department, row.year)
        if project is None:
            return None
        people = D.Input(row.label, Decimal(counted.group(1)), "人", row.department, row.year, row.source)
        d = D.per_capita(figure_input(project, project.label), people)
        if d is None:
            return None
        floor = re.match(r"\s*(?:>=|≥|＞=|不少于|不低于)", str(row.attrs.get("target")))
        note = "（指标值是下限，人均数是上限）" if floor else ""
        return Result([derived_item(d)], d.formula + note + "。", [d], [project])
    return None


def _share_of_previous_item(frame: Frame, ctx, previous: Result) -> Result | None:
    """占…几成 after a part that answered one sum of money other than the figures its frame names
    (a part of a project's money its description states: 贴息资金10000.00万元 inside 预决算管理业务):
    that sum's share of the base named, of the same department and year — not the guessed figure's."""
    from nlp import derive as D
    from nlp.execute.base import Constraints, derived_item, figure_input

    money_items = _sums_given(previous)
    if len(money_items) != 1 or not frame.measures:
        return None
    one = money_items[0]
    if one.label in {ctx.vocab.label(m) for m in frame.measures}:
        return None  # the part before answered its own figure: the share is of that, as usual
    budget = next((b for b in ctx.budgets() if (b.department, b.year) == (one.department, one.year)), None)
    base = ctx.rows("figures", [budget], Constraints(items=[frame.operation.base])) if budget is not None else []
    if not base:
        return None
    label = ctx.vocab.label(frame.operation.base)
    d = D.share(D.Input(one.label, Decimal(one.value), WAN, one.department, one.year, one.source),
                figure_input(base[0], label), f"{one.label}占{label}比重")
    if d is None:
        return None
    return Result([derived_item(d)], d.formula + "。", [d], [])


def _share_of_one_listed(frame: Frame, previous: Result) -> Result | None:
    """其中X占多少 after a part that listed projects and added them up (第四次全国农业普查一共安排了多少钱？其中
    宣传经费占多少): the one listed project the clause's words name, as a share of that sum."""
    from nlp import derive as D
    from nlp.execute.base import derived_item, figure_input

    rows = [r for r in previous.rows if r.key is None and r.amount is not None] if previous.rows else []
    total = next((d for d in previous.derived if d.formula and "+" in d.formula), None)
    if len(rows) < 2 or total is None or not re.search(r"其中|里面|当中", frame.clause):
        return None
    # what tells each listed name from the others (宣传 of …普查宣传经费 beside …普查经费), named in the clause
    labels = [r.label for r in rows]
    head = len(os.path.commonprefix(labels))
    tail = len(os.path.commonprefix([x[::-1] for x in labels]))
    named = [r for r in rows if len(r.label[head:len(r.label) - tail]) >= 2
             and r.label[head:len(r.label) - tail] in frame.clause]
    if len(named) != 1:
        return None
    one = named[0]
    d = D.share(figure_input(one, one.label), D.Input(total.label, total.value, total.unit, one.department, one.year),
                f"{one.label}占{total.label}比重")
    if d is None:
        return None
    return Result([derived_item(d)], d.formula + "。", [d], [one])


def _share_of_a_funds_line(frame: Frame, previous: Result) -> Result | None:
    """结转占几成 after a part that gave one project's money by its 其中 lines: that line's share."""
    from nlp.execute.base import derived_item
    from nlp.execute.projects import funds_line_share

    projects = [r for r in previous.rows if r.key is None and r.attrs.get("funds")]
    if len({r.iri for r in projects}) != 1:
        return None
    d = funds_line_share(frame.clause, projects[0])
    if d is None:
        return None
    return Result([derived_item(d)], d.formula + "。", [d], [projects[0]])


def _units_not_in_project_names(units: list, state: QuestionState, projects: list) -> list:
    """Units linked only by words of a project's name the question gives (那个财政业务应急保障中心建设项目:
    保障中心 is part of the project's name, not 烟台's or 西安's 保障中心 — a project linked holds the words,
    or they run on into 项目/工程): dropped, so the project is answered rather than the question refused
    for naming units the graph holds elsewhere."""
    if not units:
        return units
    text = getattr(state.normalized, "text", "") or ""
    inside = {e.iri for m in state.linked.mentions if m.how != "exact"
              for e in m.entities if e.kind == "unit" and (
                  any(m.key in p.name for p in projects)
                  # 那个应急保障中心建设项目: the words run on into a project's name
                  or re.match(r"(?:建设|改造|运维|运行)?(?:项目|工程|专项)", text[m.end:]))}
    return [u for u in units if u.iri not in inside]


def _span_of(state: QuestionState, frame: Frame) -> tuple[int, int]:
    """The span of the clause a frame was read from (the whole question where it is merged)."""
    for clause in state.clauses:
        if clause.text == frame.clause:
            return clause.start, clause.end
    return 0, len(state.normalized.text)


def provenance_text(items) -> str:
    """Where the figures come from, for the sentence: each document once, with its pages or lines."""
    where: dict[str, list[str]] = {}
    for item in items:
        if not item.source:
            continue
        for one in str(item.source).split("；"):
            words = one.split()
            if not words:
                continue
            spots = where.setdefault(words[0], [])
            for w in words[1:3]:
                if re.fullmatch(r"第\d+[页行]", w) and w not in spots:
                    spots.append(w)
    if not where:
        return ""
    docs = []
    for doc, spots in list(where.items())[:4]:
        pages = [s for s in spots if s.endswith("页")]
        lines = [s for s in spots if s.endswith("行")]
        spots = pages if len(pages) > 1 or not lines else lines
        docs.append(doc + (f"（{'、'.join(spots[:6])}{'等' if len(spots) > 6 else ''}）" if spots else ""))
    return "出处：" + "；".join(docs) + ("等" if len(where) > 4 else "") + "。"


def entities_json(linked: Linked | None) -> list[dict]:
    """The entities understood, for ``--json`` and the web page's links."""
    out: list[dict] = []
    seen: set[tuple] = set()
    if linked is None:
        return out
    for m in linked.mentions:
        for e in m.entities:
            key = (e.kind, e.iri)
            if key in seen:
                continue
            seen.add(key)
            out.append({"kind": e.kind, "name": e.name, "iri": e.iri, "text": m.key, "how": m.how})
    return out


_PIPELINES: "weakref.WeakKeyDictionary[object, Pipeline]" = weakref.WeakKeyDictionary()
_BY_ID: dict[int, Pipeline] = {}
_LOCK = threading.Lock()


# A word that names a sum of money by what it pays for (房租, 飞机票, 加班费, 奖金): a figure asked by it.
_MONEY_THING = r"^[\u4e00-\u9fff]{1,12}(?:费|租|金|款|票|补贴|补助|工资|薪酬|投资|造价|成本|单价|价格)$"


def _projects_just_found(previous: Result) -> list[Ref]:
    """The projects the part before found (by topic, amount or unit; at most three), as references a
    part about their targets names them by — never more than a handful, which would be a list, not
    the project just talked about."""
    found = {r.iri: r for r in previous.rows if "/project/" in str(r.iri or "")}
    if not 0 < len(found) <= 3:
        return []
    return [Ref("project", str(r.iri), r.label, None, r.department, r.year) for r in found.values()]


def _words_found_nowhere(frame: Frame, ctx: Context) -> list[str]:
    """The words of a figure asked by no figure word the graph knows (北京办公用房的房租是多少) that
    none of the named departments' projects, subjects or figures print: the department has no such
    figure, and its 收入总计 must not stand in for it. Empty where any of them is printed."""
    f = frame.filters
    if frame.focus != "figures" or not frame.measures_guessed or not f.keywords or not f.departments \
                or f.subjects or f.projects:
        return []
    words = [w for w in f.keywords if re.search(_MONEY_THING, w)]
    # a keyword the clause says as the head of a money thing (驻京工作经费 → 驻京): the thing is asked by it
    words += [w for w in f.keywords if w not in words and len(w) >= 2 and re.search(
        re.escape(w) + r"[\u4e00-\u9fff]{0,4}?(?:经费|费用|资金|补助|补贴)(?:是|有|为|安排了?)?(?:多少|几)", frame.clause)]
    budgets, _ = ctx.scope(frame) if words else ([], "")
    if not budgets:
        return []
    texts = [" ".join([r.label, r.attrs.get("description") or ""]) for focus in ("projects", "subjects", "figures")
             for r in ctx.rows(focus, budgets)]
    return [w for w in words if not any(w in t for t in texts)]


def get_pipeline(store) -> Pipeline:
    """The pipeline of ``store``, built on first use."""
    with _LOCK:
        try:
            pipe = _PIPELINES.get(store)
        except TypeError:
            pipe = _BY_ID.get(id(store))
        if pipe is None:
            pipe = Pipeline(store)
            try:
                _PIPELINES[store] = pipe
            except TypeError:
                _BY_ID[id(store)] = pipe
        return pipe


def reset(store=None) -> None:
    """Forget cached pipelines (after the graph changed)."""
    with _LOCK:
        if store is None:
            _PIPELINES.clear()
            _BY_ID.clear()
        else:
            _PIPELINES.pop(store, None)
            _BY_ID.pop(id(store), None)


def answer(question: str, store) -> Answer:
    """Answer one Chinese question from the graph in ``store`` (the web app's entry point)."""
    return get_pipeline(store)(question)
