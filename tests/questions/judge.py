"""Judging a reply against a question of ``tests/questions``.

Two layouts live there. Questions in the layout of ``shared/questions/README.md`` (``type`` and
``answer``: entities, numbers, ``expect_empty``) are judged by the shared scorer's own ``judge``
(``../shared/tools/score_answers.py``), so the project measures itself as it is measured. The
hand-checked set of ``dev/hand_checked.json`` (``kind``, ``intent``, ``figures``, ``names``,
``departments``, ``empty``) carries stricter checks — the exact label and value of each row — and is
judged by ``check_hand_checked``.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

SHARED_SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_answers.py"


@lru_cache(maxsize=1)
def shared_scorer():
    """The shared scorer module (``score_answers.py``), loaded from ``../shared/tools``."""
    spec = importlib.util.spec_from_file_location("score_answers", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_hand_checked(case: dict) -> bool:
    return "answer" not in case and any(k in case for k in ("figures", "names", "empty", "intent"))


def kind_of(case: dict) -> str:
    return case.get("type") or case.get("kind") or "?"


def judge(case: dict, reply: dict) -> tuple[bool, str]:
    """(right, why) for a question of either layout."""
    if is_hand_checked(case):
        wrong = check_hand_checked(case, reply)
        return not wrong, "; ".join(wrong)
    return shared_scorer().judge(case, reply)


def check_hand_checked(case: dict, reply: dict) -> list[str]:
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


