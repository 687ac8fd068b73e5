"""Hostile questions get a clear answer or a clear refusal: never a traceback, never an injected
query. Run through the Python API on the small graph and through the real CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp import answer

REPO = Path(__file__).resolve().parent.parent

HOSTILE = [
    "",
    "   ",
    "SELECT * WHERE { ?s ?p ?o }",
    '青山市生态环境局" } ; DROP ALL ; SELECT * WHERE { ?s ?p "的三公经费',
    "青山市生态环境局' } UNION { ?s ?p ?o } # 的基本支出",
    "青山市生态环境局> } DELETE WHERE { ?s ?p ?o } # 的项目",
    "INSERT DATA { GRAPH <x> { <a> <b> <c> } } 青山市生态环境局有哪些项目",
    "😀😀😀",
    "青山市生态环境局😀2025年的三公经费😀",
    "三公" * 5000,
    "青山市生态环境局\n2025年\t的\r三公经费",
    "\x00\x01青山市生态环境局",
    "？？？？",
    "的了吗呢",
    "1234567890",
]


@pytest.mark.parametrize("question", HOSTILE)
def test_api_answers_or_refuses(nlp_small_store, question):
    before = nlp_small_store.count()
    reply = answer(question, nlp_small_store).to_json()
    assert isinstance(reply["text"], str) and reply["text"]
    assert isinstance(reply["answers"], list)
    assert "Traceback" not in reply["text"]
    assert nlp_small_store.count() == before  # nothing was written
    for q in reply["sparql"].split("\n\n"):
        assert "DROP" not in q.upper().split("WHERE")[0] and "DELETE" not in q.upper() \
            and "INSERT" not in q.upper()


def test_long_question_is_refused_clearly(nlp_small_store):
    reply = answer("三公" * 5000, nlp_small_store)
    assert reply.refused and "太长" in reply.text


def test_injection_text_is_only_a_question(nlp_small_store):
    reply = answer('青山市生态环境局" } ; DROP ALL ; SELECT * WHERE { ?s ?p "的三公经费', nlp_small_store)
    assert reply.to_json()["answers"]  # understood as the 三公 question it also is
    assert all("DROP ALL" not in q for q in reply.sparql)


def test_cli_json_lines_never_trace(tmp_path):
    """``budgetkg ask --json -`` on an empty store: one JSON object per line, exit 0."""
    questions = "\n".join(q.replace("\n", " ") for q in HOSTILE) + "\n"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "ask", "--json", "-", "--store", "memory"],
                          input=questions, capture_output=True, text=True, cwd=REPO, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == len(HOSTILE)
    for reply in lines:
        assert {"question", "intent", "entities", "sparql", "answers", "text"} <= set(reply)
        assert reply["answers"] == []  # an empty graph knows nothing


def test_cli_one_question_human_output(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "ask", "青山市的三公经费", "--store", "memory"],
                          capture_output=True, text=True, cwd=REPO, timeout=600)
    assert proc.returncode == 0 and proc.stdout.strip() and "Traceback" not in proc.stderr


def test_cli_undecodable_bytes_on_stdin():
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "ask", "--json", "-", "--store", "memory"],
                          input=b"\xff\xfe\xc3 question\n\x80\n", capture_output=True, cwd=REPO, timeout=600)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert len(proc.stdout.decode("utf-8").splitlines()) == 2
