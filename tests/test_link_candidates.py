"""The linker's candidate index (``nlp.link._Candidates``): ``Linker.rank`` tests only the entities
that share a character pair, a name's first two characters or its first character with the question,
instead of every entity of a kind (at 10,000 documents most of a comparison's time). Held to giving
the very rankings of testing every entity — scores, entities and order — for the questions of the
blind batches over the corpus + realdocs graph through the real extractor, short forms of project
and subject names included (信息化运维, 职工医保缴费), while testing far fewer entities."""
from __future__ import annotations

import json
from pathlib import Path

from nlp.catalog import catalog_from_graph
from nlp.graph import Graph
from nlp.link import FUZZY_KINDS, Linker
from nlp.normalize import Normalizer

REPO = Path(__file__).resolve().parent.parent
QUESTION_FILES = sorted((REPO / "tests" / "questions" / "blind").glob("batch*.json"))[:8]
SHORT_FORMS = ["信息化运维的预算是多少？", "职工医保缴费是多少？", "物业费花了多少？", "加密站点那个项目多少钱？"]


class _Exhaustive(Linker):
    """The reference: every entity of a kind tested, as ``rank`` did before the index."""

    def _candidates_of(self, kind: str):
        everything = list(range(len(self._names_of(kind))))

        class _All:
            @staticmethod
            def of(*_keys) -> list[int]:
                return everything
        return _All()


def _questions() -> list[str]:
    out = list(SHORT_FORMS)
    for f in QUESTION_FILES:
        data = json.loads(f.read_text(encoding="utf-8"))
        items = data["questions"] if isinstance(data, dict) else data
        out += [q["question"] for q in items if isinstance(q, dict) and isinstance(q.get("question"), str)]
    return out


def _rankings(linker: Linker, normalizer: Normalizer, question: str) -> dict:
    linked = linker(normalizer(question))
    n = len(linked.question.text)
    out = {"all": linked.fuzzy}
    for a, b in ((0, n // 2), (n // 2, n)):
        out[(a, b)] = linker.rank(linked, (a, b), FUZZY_KINDS)
    return {span: {k: [(s, e.iri) for s, e in ranked] for k, ranked in r.items()} for span, r in out.items()}


def test_candidates_rank_as_testing_every_entity(nlp_corpus_realdocs_store):
    catalog = catalog_from_graph(Graph(nlp_corpus_realdocs_store))
    normalizer = Normalizer(catalog.latest_year)
    indexed, exhaustive = Linker(catalog), _Exhaustive(catalog)
    questions = _questions()
    assert len(questions) > 500
    ranked_projects = 0
    for q in questions:
        got = _rankings(indexed, normalizer, q)
        assert got == _rankings(exhaustive, normalizer, q), q
        ranked_projects += bool(got["all"]["project"])
    assert ranked_projects > 50  # the rankings compared are not empty ones

    short = {q: _rankings(indexed, normalizer, q)["all"] for q in SHORT_FORMS}
    names = {e.iri: e.name for e in catalog.entities}
    top = {q: {k: [names[i] for _s, i in v[:3]] for k, v in r.items()} for q, r in short.items()}
    assert "职工基本医疗保险缴费" in top["职工医保缴费是多少？"]["economic_subject"]  # abbreviated_in
    assert "物业管理费" in top["物业费花了多少？"]["economic_subject"]  # its first word and last character
    assert any("加密空气质量自动监测站点建设" in n for n in top["加密站点那个项目多少钱？"]["project"])

    # a project said by a short form (a character left out after its first two: short_form_in)
    import re

    project = next(e for e in catalog.of_kind("project") if re.fullmatch(r"[\u4e00-\u9fff]{8,}", e.name))
    said = f"{project.name[:2]}{project.name[3:]}的预算是多少？"
    got = _rankings(indexed, normalizer, said)
    assert got == _rankings(exhaustive, normalizer, said)
    assert project.iri in [i for _s, i in got["all"]["project"]], said

    # the index tests a small part of the projects for a question naming one
    text = normalizer("信息化运维的预算是多少？").text
    every = len(indexed._names_of("project"))
    tested = indexed._candidates_of("project").of({text[i:i + 2] for i in range(len(text) - 1)}, set(), set())
    assert 0 < len(tested) < every / 2
