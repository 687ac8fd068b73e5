"""A Chinese question answered by ``nlp.answer`` (H6), shaped for the answer page and ``/api/ask``.

The JSON is exactly ``Answer.to_json()`` (the ``budgetkg ask --json`` object) plus ``links``: the
entity pages of every IRI it names. Where the question pipeline is not installed yet, or fails,
the page says so plainly instead of failing.
"""
from __future__ import annotations

import threading
from typing import Any

from web.cache import cached
from web.render import entity_url

EXAMPLE_QUESTIONS = [
    "昌吉回族自治州生态环境局2025年的收入总计是多少？",
    "克孜勒苏柯尔克孜自治州生态环境局2024年“三公”经费是多少？",
    "有哪些与大气污染防治有关的项目？",
    "昌吉州生态环境局预算金额最大的三个项目是什么？",
    "微型环境空气质量监测体系运维费的绩效指标有哪些？",
    "哪些项目依据了政策文件？",
]


def example_questions(ctx: Any) -> list[str]:
    """Example questions about what this graph really holds (its latest department and year, its
    largest project), so a click on one finds an answer; the fixed list where the graph is empty
    or the query failed (examples are a help, never a reason for the page to fail)."""
    try:
        return _graph_examples(ctx)
    except Exception:  # noqa: BLE001 - not cached: the next request tries again
        return EXAMPLE_QUESTIONS


@cached
def _graph_examples(ctx: Any) -> list[str]:
    rows = ctx.select("""
SELECT ?dl ?year ?pl WHERE {
  ?doc a bkg:BudgetDocument ; bkg:department ?d ; bkg:fiscalYear/bkg:year ?year .
  ?d rdfs:label ?dl .
  OPTIONAL { ?p a bkg:Project ; bkg:mentionedIn ?doc ; rdfs:label ?pl ; bkg:amount ?amount ; bkg:basedOn ?pol }
} ORDER BY DESC(?year) DESC(?amount) LIMIT 1""")
    if not rows:
        return EXAMPLE_QUESTIONS
    r = rows[0]
    dept, year = r["dl"][1], r["year"][1]
    out = [f"{dept}{year}年的收入总计是多少？", f"{dept}{year}年“三公”经费是多少？",
           f"{dept}{year}年预算金额最大的三个项目是什么？"]
    if r.get("pl"):
        out += [f"{r['pl'][1]}的绩效指标有哪些？", f"{r['pl'][1]}的政策依据是什么？"]
    out.append("有哪些与大气污染防治有关的项目？")
    return out


class AnswerUnavailable(Exception):
    """The question pipeline is missing or failed; ``message`` says which, in Chinese."""


def _iris_in(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, str):
        if value.startswith(("http://", "https://")) and " " not in value:
            found.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            found += _iris_in(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            found += _iris_in(v)
    return found


def answer(ctx: Any, question: str, timeout: float | None = None) -> dict:
    """Answer ``question``; raises :class:`AnswerUnavailable` with a Chinese reason. Answers are
    kept until the graph changes (``web.cache``); failures are not."""
    cache = getattr(ctx, "cache", None)
    if cache is None:
        return _answer(ctx, question, timeout)
    return cache.get(("answer", question), lambda: _answer(ctx, question, timeout))


def question_pipeline(ctx: Any):
    """The question pipeline of the app's store, built on first use (vocabulary and catalogue
    of names read from the graph: about two seconds, once per graph generation). Not under the per-question
    time limit: building it is not answering, and ``budgetkg serve`` builds it at start-up."""
    from nlp.pipeline import get_pipeline

    try:
        return get_pipeline(ctx.answer_store())
    except Exception as exc:  # noqa: BLE001 - reported to the page
        raise AnswerUnavailable(f"问答模块无法启动：{type(exc).__name__}: {exc}") from None


def _answer(ctx: Any, question: str, timeout: float | None) -> dict:
    pipe = question_pipeline(ctx)
    box: dict = {}

    def work() -> None:
        try:
            box["answer"] = pipe(question)
        except BaseException as exc:  # noqa: BLE001 - reported to the page
            box["error"] = exc

    limit = float(timeout if timeout is not None else ctx.config["QUERY_TIMEOUT"]) * 3
    t = threading.Thread(target=work, daemon=True, name="budgetkg-ask")
    t.start()
    t.join(limit)
    if t.is_alive():
        raise AnswerUnavailable(f"回答超过时间限制 {limit:g} 秒 (the question took too long)")
    if "error" in box:
        err = box["error"]
        raise AnswerUnavailable(f"回答问题时出错：{type(err).__name__}: {err}")
    result = box["answer"]
    data = result.to_json() if hasattr(result, "to_json") else dict(result)
    if isinstance(data, str):
        import json

        data = json.loads(data)
    iris = list(dict.fromkeys(_iris_in(data.get("entities")) + _iris_in(data.get("answers"))))
    try:
        from web.data.common import labels_for

        labels = labels_for(ctx, iris)
    except Exception:  # noqa: BLE001 - labels are a nicety; the links stand without them
        labels = {}
    links = [{"iri": iri, "url": entity_url(iri), "label": labels.get(iri)} for iri in iris]
    data = dict(data)
    data["links"] = links
    return data


# What each field of an answer row is called on the page and in the CSV (never the JSON key).
COLUMN_NAMES = {"label": "名称", "value": "数值", "unit": "单位", "department": "部门", "year": "年度",
                "source": "出处", "category": "类别", "rank": "名次", "code": "科目编码", "target": "指标值",
                "weight": "权重", "level2": "二级指标", "number": "文号", "project": "所属项目", "printed": "印出数",
                "expected": "应为", "formula": "算式", "person": "负责人", "responsible_unit": "承担单位",
                "funding": "资金来源", "also_called": "又称", "description": "资金用途", "metric": "口径",
                "of": "占比的基数", "text": "内容", "projects": "项目", "period": "执行时间",
                "where": "位置", "figure": "所涉数字", "against": "对照", "stated_in": "出自", "stated_as": "说明原文",
                "severity": "性质", "working": "算法", "place": "所在位置", "executed": "执行数",
                "signed_value": "带符号数值", "row": "所在表行"}
HIDDEN_COLUMNS = ("iri", "rule", "label_amount")
KIND_NAMES = {"department": "部门", "unit": "单位", "place": "地区", "project": "项目", "functional_subject": "功能分类科目",
              "economic_subject": "经济分类科目", "policy": "政策文件", "person": "人员", "division": "内设机构",
              "topic": "主题", "term": "名词", "indicator": "绩效指标"}


def answer_table(data: dict) -> tuple[list[str], list[list]]:
    """The rows behind the answer as columns + rows (answer page table and CSV), the columns by
    their Chinese names."""
    rows = data.get("answers") or []
    if rows and isinstance(rows[0], dict):
        keys: list[str] = []
        for r in rows:
            for k in r:
                # a field without a Chinese name stays in the JSON only: the page never shows a raw key
                if k not in keys and k not in HIDDEN_COLUMNS and k in COLUMN_NAMES:
                    keys.append(k)
        return [COLUMN_NAMES.get(k, k) for k in keys], [[r.get(k) for k in keys] for r in rows]
    return ["回答"], [[r] for r in rows]


def part_tables(data: dict) -> list[dict]:
    """Each part of the answer with its own table (for the answer page)."""
    out = []
    for part in data.get("parts") or []:
        columns, rows = answer_table(part)
        out.append({**part, "columns": columns, "rows": rows})
    return out
