"""The hand-checked question set of ``tests/questions/dev/hand_checked.json``: every question kind asked many ways
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
from tests.questions.judge import check_hand_checked as check

pytestmark = pytest.mark.shared

QUESTIONS = json.loads((Path(__file__).parent / "questions" / "dev" / "hand_checked.json").read_text(encoding="utf-8"))["questions"]


@pytest.fixture(scope="module")
def ask(nlp_corpus_realdocs_store):
    def _ask(question: str) -> dict:
        return answer(question, nlp_corpus_realdocs_store).to_json()
    return _ask


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
