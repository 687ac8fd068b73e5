"""The question set of ``tests/nlp_questions.json``: every question kind asked many ways
(colloquial and formal, word order changed, 多少钱/几万/预算安排了多少/经费规模, with and without
department or year, short names 克州/监控中心/江苏高院/普陀区司法局, one-character typos,
traditional characters, full-width digits), about the corpus and the real PDFs of
``../shared/realdocs``, and about things the graph does not hold (answered "nothing found").

Each expected figure was checked by hand against the extraction records
(``budgetkg extract FILE --json``) and the documents; 元 documents are converted to 万元 (two
decimals, half up). The graph is corpus + realdocs together, as the project is scored.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nlp import answer

pytestmark = pytest.mark.shared

QUESTIONS = json.loads((Path(__file__).parent / "questions" / "dev" / "hand_checked.json").read_text(encoding="utf-8"))["questions"]


@pytest.fixture(scope="module")
def ask(shared_dir):
    from kg.extract.pipeline import extract_paths
    from tests import nlp_support

    records, _failures = extract_paths([str(shared_dir / "corpus"), str(shared_dir / "realdocs")])
    store = nlp_support.open_memory_store()
    nlp_support.ingest(store, records)

    def _ask(question: str) -> dict:
        return answer(question, store).to_json()
    return _ask


def check(case: dict, reply: dict) -> list[str]:
    """What is wrong with ``reply`` for ``case`` (empty when right)."""
    wrong: list[str] = []
    intents = case["intent"] if isinstance(case["intent"], list) else [case["intent"]]
    if reply["intent"] not in intents:
        wrong.append(f"intent {reply['intent']} not {intents}")
    answers = reply["answers"]
    if case.get("empty"):
        if answers:
            wrong.append(f"expected nothing, got {[a['label'] for a in answers][:5]}")
        if not re.search(r"没有|未找到|不能|无法", reply["text"]):
            wrong.append("the text does not say nothing was found")
        if re.search(r"\d+\.\d{2}万元", reply["text"].split("（我的理解")[0]):
            wrong.append("an empty answer names figures")
        return wrong
    if not answers:
        return wrong + [f"nothing found: {reply['text'][:120]}"]
    for label, value in (case.get("figures") or {}).items():
        rows = [a for a in answers if a["label"] == label]
        if not rows:
            wrong.append(f"no row {label!r}")
        elif value is not None and value not in [a.get("value") for a in rows]:
            wrong.append(f"{label}: {[a.get('value') for a in rows]} != {value}")
    if case.get("max_rows") and len(answers) > case["max_rows"]:
        wrong.append(f"{len(answers)} rows, at most {case['max_rows']} expected")
    labels = [a["label"] for a in answers]
    for name in case.get("names") or []:
        if name not in labels:
            wrong.append(f"no row {name!r}")
    if case.get("departments"):
        others = {a["department"] for a in answers if a.get("department")} - set(case["departments"])
        if others:
            wrong.append(f"other departments {sorted(others)}")
        named = [d for d in case["departments"] if d in reply["text"]]
        if not named:
            wrong.append("the text names no department")
    return wrong


@pytest.mark.parametrize("case", QUESTIONS, ids=[c["id"] for c in QUESTIONS])
def test_question(ask, case):
    reply = ask(case["question"])
    assert not check(case, reply), (case["question"], check(case, reply), reply["text"][:300])


def test_the_set_is_large_and_covers_every_kind():
    kinds = {c["kind"] for c in QUESTIONS}
    assert len(QUESTIONS) >= 150
    assert kinds >= {"topic_projects", "project_amount", "dept_total", "functional_breakdown",
                     "economic_breakdown", "sangong", "indicators", "policy_basis", "threshold", "count",
                     "comparison", "funding_source", "responsible", "top_n", "year_specific",
                     "department_profile", "carryover", "audit", "no_answer"}
