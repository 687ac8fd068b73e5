"""The question sets of ``tests/questions`` in the shared layout, judged by the shared scorer's own
``judge`` on the graph the project is scored on (corpus + realdocs): every question of the issue-9
failure classes (several questions in one, derived figures, operations composed with filters,
names as people say them, facts the records hold, counting words, another entity's figures)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp import answer
from tests.questions.judge import judge

pytestmark = pytest.mark.shared

DEV = Path(__file__).parent / "questions" / "dev"
SETS = {path.name: json.loads(path.read_text(encoding="utf-8"))["questions"]
        for path in sorted(DEV.glob("*.json")) if path.name != "hand_checked.json"}
CASES = [(name, case) for name, cases in SETS.items() for case in cases if case.get("graph", "corpus+realdocs")
         == "corpus+realdocs"]


@pytest.mark.parametrize("name, case", CASES, ids=[f"{n}:{c['id']}" for n, c in CASES])
def test_question(nlp_corpus_realdocs_store, name, case):
    reply = answer(case["question"], nlp_corpus_realdocs_store).to_json()
    ok, why = judge(case, reply)
    assert ok, (case["question"], why, reply["text"][:300])


def test_every_failure_class_is_covered():
    classes = {c.get("class", "").split("+")[0] for _, c in CASES}
    assert classes >= {"multi-part", "derived", "compose", "names", "facts", "counting", "wrong-entity"}
