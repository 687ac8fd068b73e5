"""The texts of a project beside its name that say what it is about — its description (年度目标,
主要用于 …) and its performance indicators (三级指标 with 指标值) — and where a question's topic word
stands in them.

Why: people ask for a project by what it does, not by its name. 福州市商务局's 菜篮子工程建设专项资金 is
the project about 生猪 and 冻猪肉储备 only through its 年度目标 (年储备活体生猪10.8万头，冻猪肉储备保持在
1000吨以上) and its indicator 冻猪肉储备量 >=1000吨; 长沙市信访局's 人民来访接待中心业务专项 is the one about
心理咨询、法律咨询 through its indicators (接待群众心理咨询、法律咨询人次, 聘请专业律师和心理咨询师人数). The
topic answer (``nlp.execute.projects._topical``) scores names first; these texts decide where no name
does, and say in the answer the line where the word stands.

Where the texts come from: a project's description is on its row; its indicators are read budget
by budget (one query a budget, only where the scope is read so: never a store-wide scan), or from
the stored project index (``nlp.topic_index``, which keeps each project's indicator texts) where a
topic is looked for over many budgets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from nlp.graph import Budget, Row
from nlp.pieces import GENERIC_TOPIC, pieces
from nlp.sparql import Constraints, build
from nlp.topic_index import INDICATOR_SEP, indicator_text

# The words after which an enumeration's class stands (生猪、冻猪肉储备这类保供的钱; 心理咨询之类的服务):
# the class is what the examples illustrate, said in the question's words, not the documents'.
_CLASS_AFTER = re.compile(r"(?:这类|这种|这些|那类|那种|之类的?|一类的?|等等|等)[“”\"「」『』‘’]*$")


def indicators_by_project(ctx, budgets: list[Budget]) -> dict[str, list[Row]]:
    """The indicator rows of the projects of ``budgets`` by project IRI — read one budget at a time,
    and only where the graph reads these budgets so (a few of them); ``{}`` where that would be one
    query over every document (the stored index holds those texts instead)."""
    if not budgets:
        return {}
    queries = build("indicators", [b.iri for b in budgets], Constraints(), graph_documents=len(ctx.budgets()))
    if any(q.doc is None for q in queries):
        return {}
    out: dict[str, list[Row]] = {}
    for r in ctx.rows("indicators", budgets, Constraints()):
        if r.key and "/project/" in str(r.key):
            out.setdefault(str(r.key), []).append(r)
    return out


def class_words(clause: str, words: list[str]) -> list[str]:
    """The words of ``words`` that name the class of the examples enumerated before them
    (生猪、冻猪肉储备这类保供: 保供; 这类“菜篮子”保供: 菜篮子 and 保供) — what the examples illustrate,
    which no project need print. None where every word is such a class (nothing else to look for)."""
    out = []
    for w in words:
        at = clause.find(w)
        if at < 0:
            continue
        before = clause[max(0, at - 12):at]
        before = re.split(r"[，。？！；,.?!;、]", before)[-1]
        # the class may follow other class words (这类“菜篮子”保供): strip those first
        for other in sorted(out, key=len, reverse=True):
            before = before.replace(other, "")
        if _CLASS_AFTER.search(before.replace("的", "")):
            out.append(w)
    return out if len(out) < len(words) else []


def covered(word: str, text: str) -> list[str]:
    """The pieces of ``word`` (two characters or more, none a generic word) standing in ``text``,
    where they make at least half of the word — as ``_own_pieces`` counts a word for a name; [] else."""
    found, _ = pieces(word, [text])
    found = [p for p in found if len(p) >= 2 and not GENERIC_TOPIC.match(p)]
    # (a word of three characters stands whole: 消费 of 促消费 is not 消费券)
    return found if 2 * sum(len(p) for p in found) >= len(word) and (len(word) > 3 or word in text) else []


@dataclass(frozen=True)
class Said:
    """Where a topic word stands in a project's texts: ``kind`` 说明 (its description) or 绩效指标,
    the line quoted (shortened around the word)."""

    kind: str
    line: str


def _around(text: str, piece: str, width: int = 24) -> str:
    """The sentence of ``text`` holding ``piece``, at most ``width`` characters either side."""
    at = text.find(piece)
    if at < 0:
        return text[:2 * width]
    start = max(0, at - width)
    for stop in "。；;":
        cut = text.rfind(stop, start, at)
        if cut >= 0:
            start = cut + 1
    end = min(len(text), at + len(piece) + width)
    for stop in "。；;":
        cut = text.find(stop, at)
        if 0 <= cut < end:
            end = cut
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def where_said(words: list[str], description: str, indicators: str) -> list[Said]:
    """The lines of a project's texts where the question's words stand: each indicator holding a
    piece of one, else the description's sentence (one line a word, indicators first)."""
    out: list[Said] = []
    for w in words:
        if any(covered(w, s.line) for s in out):
            continue  # a line already quoted says it too
        lines = [ln for ln in indicators.split(INDICATOR_SEP) if ln and covered(w, ln)]
        # the line saying most of them, then the one saying more of their characters (心理咨询师 whole, not 心理咨询)
        lines.sort(key=lambda ln: (-sum(1 for x in words if covered(x, ln)),
                                   -sum(len(p) for x in words for p in covered(x, ln))))
        if lines:
            said = Said("绩效指标", lines[0])
        else:
            found = covered(w, description)
            if not found:
                continue
            said = Said("说明", _around(description, max(found, key=len)))
        if said not in out:
            out.append(said)
    return out


def said_text(rows: list[Row]) -> str:
    """The sentence naming, for each project found by its texts rather than its name, where the
    topic stands (菜篮子工程建设专项资金：绩效指标“冻猪肉储备量 >=1000吨”)."""
    parts = []
    for r in rows:
        said: list[Said] = r.attrs.get("topic_said") or []
        if said:
            parts.append(f"“{r.label}”的" + "，".join(f"{s.kind}写明“{s.line}”" for s in said))
    return "其中" + "；".join(parts) + "。" if parts else ""


def merged(hits: list[Row], found: list[Row]) -> list[Row]:
    """The projects each item of an enumeration found, once each (by IRI), with every line where one
    of the items stands (生猪 in its description, 冻猪肉储备 in its indicators)."""
    out = list(hits)
    for r in found:
        at = next((i for i, h in enumerate(out) if h.iri == r.iri if h.iri), None)
        if at is None:
            if r not in out:
                out.append(r)
            continue
        said = list(out[at].attrs.get("topic_said") or [])
        more = [x for x in r.attrs.get("topic_said") or [] if x not in said]
        if more:
            out[at] = replace(out[at], attrs={**out[at].attrs, "topic_said": said + more})
    return out
