"""Learned corrections to the scorer's weights, from questions generated over the graph's own entities.

The "overnight" method (Wang, Berant & Liang, ACL 2015): a grammar enumerates what can be asked
of *this* graph — a department's figure, a project's amount, a subject's breakdown, an indicator
kind, a person's projects … — each realised in many wordings, each with the focus it asks for.
A structured perceptron (seeded shuffling, averaged weights, CPU, a fraction of a second) then
learns corrections to the hand weights of ``nlp.scorer`` wherever those rank a wrong focus first
on the generated questions. The corrections are small by construction (they start at zero and
move only on mistakes) and are kept only when the hand-checked questions lose nothing
(``tests/test_nlp_training.py`` measures both).

``learned_weights()`` is what the pipeline uses: the corrections cached for the current grammar
and hand weights (``$BUDGETKG_CACHE`` or ``~/.cache/budgetkg``), none where nothing was trained —
training needs a graph, and a question must never wait for it. ``train(pipeline)`` trains on the
pipeline's graph and writes the cache; ``budgetkg`` users run it once with
``python -m nlp.training --store URL``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from nlp.scorer import FOCI, WEIGHTS

SEED = 20151026  # the overnight paper's conference date; any fixed seed makes training repeatable
EPOCHS = 8

# Wordings per focus: {dept} {year} {measure} {project} {subject} {person} {kind} {term} {topic} {n}
TEMPLATES: dict[str, list[str]] = {
    "figures": ["{dept}{year}年的{measure}是多少", "{dept}{year}年{measure}有多少", "{year}年{dept}{measure}多少钱",
                "{dept}的{measure}", "请问{dept}{year}年{measure}安排了多少", "{dept}{year}年{measure}预算是多少万元"],
    "departments": ["哪个单位的{measure}最多", "各单位的{measure}从高到低排序", "{dept}和{dept2}的{measure}哪个多",
                    "{measure}最少的是哪个部门", "按{measure}给各部门排个序"],
    "projects": ["{project}多少钱", "{project}的预算是多少", "{dept}{year}年有哪些项目", "{dept}{year}年有几个项目",
                 "{dept}{year}年金额最大的{n}个项目", "{person}负责哪些项目", "有没有关于{topic}的项目",
                 "{dept}{year}年超过{amount}万元的项目有哪些", "{project}是上年结转的吗", "{project}的资金来源是什么"],
    "subjects": ["{dept}{year}年{subject}由哪些科目构成", "{dept}{year}年{subject}包括哪些明细",
                 "{dept}{year}年{subject}下面有哪些项级科目", "{dept}{year}年功能分类的类级科目有哪些"],
    "indicators": ["{project}的{kind}有哪些", "{project}设了哪些绩效指标", "{project}的绩效目标是什么",
                   "{project}的{kind}要达到多少"],
    "policies": ["{project}的依据是什么文件", "{project}引用了哪些政策文件", "{project}依据哪些文件设立"],
    "persons": ["{project}的负责人是谁", "{project}谁负责", "{dept}{year}年的项目负责人都有谁"],
    "divisions": ["{dept}有哪些科室", "{dept}内设了哪几个处室", "{dept}有几个内设机构"],
    "staff": ["{dept}的编制数是多少", "{dept}有多少人", "{dept}的在职人数和退休人数", "{dept}实有人数多少"],
    "subordinates": ["{dept}有哪些下属单位", "{dept}的所属单位有哪些"],
    "functions": ["{dept}的主要职能是什么", "{dept}的职责有哪些"],
    "findings": ["{dept}{year}年的预算表有没有对不上的地方", "{dept}{year}年哪些合计数和分项之和对不上",
                 "{dept}{year}年预算有没有算错"],
    "definitions": ["什么是{term}", "{term}是什么意思", "{term}指的是什么"],
}


@dataclass(frozen=True)
class Example:
    question: str
    focus: str


def generate(pipeline, per_template: int = 6, seed: int = SEED) -> list[Example]:
    """Questions over the pipeline's graph: each template realised with entities the graph holds."""
    rnd = random.Random(seed)
    cat = pipeline.catalog
    budgets = pipeline.graph.budgets()
    depts = [(b.department, b.year) for b in budgets]
    projects = cat.of_kind("project")
    subjects = [e for e in cat.of_kind("functional_subject") + cat.of_kind("economic_subject") if len(e.code or "") <= 5]
    persons = cat.of_kind("person")
    topics = cat.of_kind("topic")
    terms = cat.of_kind("term")
    measures = [m.label for m in pipeline.vocab.measures.values() if m.kind == "item"]
    kinds = ["数量指标", "质量指标", "时效指标", "成本指标", "满意度指标", "效益指标"]
    out: list[Example] = []
    for focus, templates in TEMPLATES.items():
        for template in templates:
            for _ in range(per_template):
                dept, year = rnd.choice(depts) if depts else ("", 2025)
                dept2 = rnd.choice(depts)[0] if depts else ""
                values = {"dept": dept, "dept2": dept2, "year": year, "measure": rnd.choice(measures) if measures else "",
                          "project": rnd.choice(projects).name if projects else "",
                          "subject": rnd.choice(subjects).name if subjects else "",
                          "person": rnd.choice(persons).name if persons else "",
                          "topic": rnd.choice(topics).name if topics else "",
                          "term": rnd.choice(terms).name if terms else "", "kind": rnd.choice(kinds),
                          "n": rnd.choice(["两", "三", "5"]), "amount": rnd.choice(["50", "100", "1000"])}
                needed = [k for k in ("project", "subject", "person", "topic", "term", "measure")
                          if "{" + k + "}" in template]
                if any(not values[k] for k in needed):
                    continue
                out.append(Example(template.format(**values), focus))
    return list(dict.fromkeys(out))


def _features(pipeline, question: str) -> dict[str, dict[str, float]] | None:
    """The features of each candidate focus for the question's first clause."""
    from nlp.parse import Evidence
    from nlp.parts import split

    nq = pipeline.components[0][1]  # normalize
    from nlp.pipeline import QuestionState

    state = QuestionState(question)
    nq(state)
    pipeline.components[1][1](state)  # link
    spans = split(state.normalized.text)
    clause = pipeline.parser.clause(state.linked, *spans[0])
    ev = Evidence.of(pipeline.parser, state.linked, clause)
    scorer = pipeline.parser.scorer
    return {focus: scorer.features(ev, focus) for focus in FOCI}


def train(pipeline, examples: list[Example] | None = None, epochs: int = EPOCHS, seed: int = SEED) -> dict[str, float]:
    """Averaged-perceptron corrections to the hand weights on the generated examples."""
    examples = examples or generate(pipeline)
    rnd = random.Random(seed)
    featurised = [(ex, _features(pipeline, ex.question)) for ex in examples]
    base = dict(WEIGHTS)
    corr: dict[str, float] = {}
    total: dict[str, float] = {}
    steps = 0

    def score(feats: dict[str, float]) -> float:
        return sum((base.get(k, 0.0) + corr.get(k, 0.0)) * v for k, v in feats.items())

    for _ in range(epochs):
        rnd.shuffle(featurised)
        for ex, feats in featurised:
            steps += 1
            guess = max(FOCI, key=lambda f: (score(feats[f]), f == ex.focus))
            if guess != ex.focus:
                for k, v in feats[ex.focus].items():
                    corr[k] = corr.get(k, 0.0) + 0.1 * v
                for k, v in feats[guess].items():
                    corr[k] = corr.get(k, 0.0) - 0.1 * v
            for k, v in corr.items():
                total[k] = total.get(k, 0.0) + v
    return {k: round(v / steps, 4) for k, v in total.items() if abs(v / steps) >= 0.001}


def accuracy(pipeline, examples: list[Example], corrections: dict[str, float] | None = None) -> float:
    """Share of examples whose first clause the scorer gives the right focus."""
    from nlp.scorer import Scorer

    scorer = Scorer(corrections)
    right = 0
    for ex in examples:
        feats = _features(pipeline, ex.question)
        scores = {f: sum(scorer.weights.get(k, 0.0) * v for k, v in feats[f].items()) for f in FOCI}
        right += max(scores, key=scores.get) == ex.focus
    return right / len(examples) if examples else 0.0


def fingerprint() -> str:
    """What the learned corrections depend on: the grammar and the hand weights."""
    text = json.dumps([TEMPLATES, WEIGHTS, SEED, EPOCHS], ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def cache_path() -> Path:
    root = Path(os.environ.get("BUDGETKG_CACHE") or Path.home() / ".cache" / "budgetkg")
    return root / f"scorer-{fingerprint()}.json"


def learned_weights() -> dict[str, float]:
    """The cached corrections for the current grammar and weights (none where not trained)."""
    path = cache_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))["corrections"]
    except (OSError, ValueError, KeyError):
        return {}


def save(corrections: dict[str, float], note: dict) -> Path:
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"fingerprint": fingerprint(), **note, "corrections": corrections},
                               ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description="Train the scorer's corrections on questions generated from a graph.")
    parser.add_argument("--store", required=True)
    parser.add_argument("--save", action="store_true", help="write the corrections to the cache the pipeline reads")
    args = parser.parse_args()
    from kg.store import open_store
    from nlp.pipeline import Pipeline

    pipeline = Pipeline(open_store(args.store))
    examples = generate(pipeline)
    held_out = generate(pipeline, per_template=3, seed=SEED + 1)
    corrections = train(pipeline, examples)
    before, after = accuracy(pipeline, held_out), accuracy(pipeline, held_out, corrections)
    print(f"{len(examples)} generated questions; held-out focus accuracy {before:.3f} -> {after:.3f}; "
          f"{len(corrections)} corrections")
    if args.save:
        print(save(corrections, {"examples": len(examples), "held_out_before": before, "held_out_after": after}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
