"""The question pipeline: normalise → segment → link → intent → SPARQL → answer.

Stages are small classes registered by name (spaCy style) and pass plain data along. A
``Pipeline`` is built once per store (the catalogue, jieba dictionary and spaCy patterns come from
the graph) and then answers any number of questions; ``answer(question, store)`` keeps one per
store so the web app and ``budgetkg ask --json -`` load the models once.
"""
from __future__ import annotations

import logging
import os
import re
import sys
import threading
import traceback
import weakref
from typing import Callable

from nlp.reply import Answer
from nlp.catalog import Catalog, catalog_from_graph
from nlp.graph import Graph
from nlp.handlers import HANDLERS, Context, Result
from nlp.intents import Intent, IntentClassifier
from nlp.link import Linked, Linker
from nlp.normalize import MAX_QUESTION_CHARS, Normalizer
from nlp.segment import Segmenter

log = logging.getLogger(__name__)

STAGES: dict[str, Callable] = {}


def register_stage(name: str):
    """Register a stage factory under ``name`` (the pipeline's ``order`` names them)."""
    def wrap(factory):
        STAGES[name] = factory
        return factory
    return wrap


register_stage("normalize")(lambda p: Normalizer(p.catalog.latest_year))
register_stage("segment")(lambda p: Segmenter(p.catalog))
register_stage("link")(lambda p: Linker(p.catalog, p.stages["segment"]))
register_stage("intent")(lambda p: IntentClassifier())

INTENT_NAMES = {
    "topic_projects": "按主题找项目", "project_amount": "项目金额", "dept_total": "部门收支总额",
    "functional_breakdown": "功能分类科目构成", "economic_breakdown": "经济分类科目构成",
    "sangong": "“三公”经费", "operating": "机关运行经费", "procurement": "政府采购",
    "indicators": "绩效指标", "policy_basis": "政策依据", "threshold": "按金额筛选项目",
    "top_n": "金额排名", "count": "项目计数", "comparison": "比较", "funding_source": "资金来源",
    "responsible": "承担单位与负责人", "profile": "部门概况", "carryover": "上年结转",
    "change": "与上年比较", "audit": "勾稽核对", "definition": "名词解释", "unknown": "未识别",
}


class Pipeline:
    """All stages for one store."""

    order = ("normalize", "segment", "link", "intent")

    def __init__(self, store) -> None:
        self.store = store
        self.graph = Graph(store)
        self.catalog: Catalog = catalog_from_graph(self.graph)
        self.stages: dict[str, object] = {}
        for name in self.order:
            self.stages[name] = STAGES[name](self)
        self.lock = threading.Lock()

    def refuse(self, question: str, reason: str) -> Answer:
        """A clear refusal (empty, too long, no Chinese): no query is run."""
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
        with self.lock:  # one graph log per question
            try:
                return self._answer(question)
            except Exception:  # noqa: BLE001 - a question must never end in a traceback
                if os.environ.get("BUDGETKG_DEBUG"):
                    traceback.print_exc(file=sys.stderr)
                log.exception("question failed: %r", question[:200])
                return self.refuse(question, "抱歉，这个问题处理时出错，没有得到答案。请换一种问法。")

    def _answer(self, question: str) -> Answer:
        """The stages in order; an unknown place, person or unit ends in 'nothing found'."""
        nq = self.stages["normalize"](question)
        linked: Linked = self.stages["link"](nq)
        intent: Intent = self.stages["intent"](linked)
        if nq.relative_year and intent.departments:
            # 今年/去年 of a department: relative to its own latest budget in the graph
            latest = max((y for d in intent.departments for y in self.catalog.dept_years.get(d, [])), default=None)
            if latest:
                from nlp.normalize import find_years
                intent.years = find_years(nq.text, latest)[0]
        if len(intent.years) == 2 and intent.departments and \
                intent.name in ("dept_total", "sangong", "operating", "change"):
            # 从2025年的预算推算2024年的…: the year asked is the one the graph lacks
            have = {y for d in intent.departments for y in self.catalog.dept_years.get(d, [])}
            lacking = [y for y in intent.years if y not in have and y + 1 in have]
            if len(lacking) == 1 and lacking[0] + 1 in intent.years:
                intent.years = lacking
        if intent.name == "dept_total" and intent.departments and intent.years:
            # a year the graph has no budget of, right before one it has: derived from the
            # next year's 比上年 statement (the change handler says so)
            have = {y for d in intent.departments for y in self.catalog.dept_years.get(d, [])}
            if not set(intent.years) & have and any(y + 1 in have for y in intent.years):
                intent.name = "change"
                intent.details["derive_only"] = True  # nothing to derive from: nothing found
        if intent.name in ("sangong", "operating") and intent.departments and intent.years:
            # 去年的三公经费 of a budget the graph lacks: the next year's budget and its 比上年 statement
            have = {y for d in intent.departments for y in self.catalog.dept_years.get(d, [])}
            if not set(intent.years) & have and all(y + 1 in have for y in intent.years):
                intent.years = [y + 1 for y in intent.years]
                intent.change = True
                intent.details["derive_only"] = True
        intent.details["topics"] = linked.entities("topic")
        intent.details["topic_text"] = [m.key for m in linked.mentions if "topic" in m.kinds()]
        intent.details["terms"] = [e.name for e in linked.entities("term")]
        intent.details["project_exact"] = bool(linked.entities("project", exact_only=True))
        self.graph.log = []
        understood = {"intent": intent.name, "intent_label": INTENT_NAMES.get(intent.name, intent.name),
                      **intent.slots()}
        entities = entities_json(linked, intent)
        base = dict(question=question, intent=intent.name, entities=entities, understood=understood)
        units = [m.key for m in linked.mentions if m.kinds() == {"unit"}]
        if units and intent.name != "responsible":  # a unit without a budget of its own in the graph
            intent.unknown = list(dict.fromkeys(intent.unknown + units))
        if intent.unknown:
            names = "、".join(f"“{u}”" for u in intent.unknown)
            return Answer(**base, text=f"没有找到：图谱中没有{names}的相关信息，不能用其他单位或项目的数字代替。"
                                        f"{understood_text(intent)}")
        handler = HANDLERS.get(intent.name)
        result = handler(intent, Context(self.graph, self.catalog)) if handler else Result()
        sparql = list(self.graph.log)
        if not result.items and not result.text and intent.details.get("elsewhere"):
            other = "；".join(f"{p.name}（{p.department}{p.year}年）" for p in intent.details["elsewhere"][:5])
            asked = "、".join(intent.departments) + "".join(f"{y}年" for y in intent.years)
            result = Result(text=f"没有找到：{asked}没有这个项目；图谱中的同名或相近项目属于其他单位或年度：{other}。")
        if not result.items and not result.text and intent.departments and intent.years:
            missing = [d for d in intent.departments
                       if not set(intent.years) & set(self.catalog.dept_years.get(d, []))]
            if missing:
                have = "；".join(f"{d}：{'、'.join(f'{y}年' for y in sorted(self.catalog.dept_years.get(d, [])))}"
                                for d in missing)
                result = Result(text=f"没有找到：图谱中没有{'、'.join(missing)}"
                                     f"{'、'.join(str(y) for y in intent.years)}年的预算（图谱中有的年度——{have}）。")
        if not result.items:
            text = result.text or f"没有找到相关信息。{understood_text(intent)}"
            if result.text:
                text = result.text + understood_text(intent)
            return Answer(**base, text=text, sparql=sparql)
        return Answer(**base, text=result.text + provenance_text(result.items), items=result.items, sparql=sparql)


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
        spots = pages if len(pages) > 1 or not lines else lines  # one page only: its lines say more
        docs.append(doc + (f"（{'、'.join(spots[:6])}{'等' if len(spots) > 6 else ''}）" if spots else ""))
    return "出处：" + "；".join(docs) + ("等" if len(where) > 4 else "") + "。"


def understood_text(intent: Intent) -> str:
    """What was understood, for a reply that found nothing (so the user can rephrase)."""
    parts = [f"问题类型：{INTENT_NAMES.get(intent.name, intent.name)}"]
    if intent.departments:
        parts.append("部门：" + "、".join(intent.departments))
    if intent.years:
        parts.append("年度：" + "、".join(str(y) for y in intent.years))
    if intent.projects:
        parts.append("项目：" + "、".join(p.name for p in intent.projects[:3]))
    if intent.subjects:
        parts.append("科目：" + "、".join(s.name for s in intent.subjects))
    if intent.person:
        parts.append("人员：" + intent.person.name)
    if intent.amount is not None:
        parts.append(f"金额：{intent.op or ''}{intent.amount}万元")
    return "（我的理解——" + "；".join(parts) + "）"


def entities_json(linked: Linked, intent: Intent) -> list[dict]:
    """The entities understood, for ``--json`` and the web page's links."""
    out: list[dict] = []
    seen: set[tuple] = set()
    for m in linked.mentions:
        for e in m.entities:
            key = (e.kind, e.iri)
            if key in seen:
                continue
            seen.add(key)
            out.append({"kind": e.kind, "name": e.name, "iri": e.iri, "text": m.key, "how": m.how})
    for p in intent.projects:
        if ("project", p.iri) not in seen:
            seen.add(("project", p.iri))
            out.append({"kind": "project", "name": p.name, "iri": p.iri, "how": "fuzzy",
                        "department": p.department, "year": p.year})
    return out


_PIPELINES: "weakref.WeakKeyDictionary[object, Pipeline]" = weakref.WeakKeyDictionary()
_BY_ID: dict[int, Pipeline] = {}
_LOCK = threading.Lock()


def get_pipeline(store) -> Pipeline:
    """The pipeline of ``store``, built on first use."""
    with _LOCK:
        try:
            pipe = _PIPELINES.get(store)
        except TypeError:  # not weak-referenceable
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
