"""Which topics a project concerns, with the evidence and its strength.

Why weighted evidence and not "any keyword anywhere": a project's name and its functional subject
say what the money is for; a description lists everything the money touches (an office budget
mentions 宣传费), and a cited document's title names the policy it serves in general (a water
project may cite an air plan). So the name and the subject decide on their own, while the
description and the cited titles decide only together: the description must name the topic with
at least two different keywords and a cited title must agree. The output targets (产出指标) say
what the money buys: where at least half of them name a topic (宣传次数, 宣传知晓率, 宣传费 …) and
the description names it too, the project concerns it at least in part (evidence "indicator";
shared/questions E01 counts such a project as acceptable, not as the answer — a query wanting
only projects *for* a topic keeps the assignments with name or subject evidence).

Why a context gate: several topics (监测, 执法, 宣传, 统计, 应急, 信息化, 整改 …) are words every
kind of department uses. The scheme is of environmental themes, so those topics (``bkg:needsContext
true`` in ``topics.ttl``) count only where the department or the project shows an environmental
context — a 司法局's 普法宣传 is not 生态环境宣传教育.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.vocabulary.namespaces import BKG
from kg.vocabulary.ontology_files import scheme_graph

# Weight of one piece of evidence, and the strength a topic needs. Name and subject reach the
# threshold alone; the description gives one point per distinct keyword (at most two), the cited
# titles one point together: only a description naming the topic twice *and* a title agreeing
# reach it.
WEIGHT_NAME = Decimal(3)
WEIGHT_SUBJECT = Decimal(3)
WEIGHT_DESCRIPTION_KEYWORD = Decimal(1)
MAX_DESCRIPTION = Decimal(2)
WEIGHT_CITATION = Decimal(1)
WEIGHT_OUTPUT_TARGETS = Decimal(2)
THRESHOLD = Decimal(3)

# Words that show a project or department works on the environment (gate of needsContext topics).
ENVIRONMENT_CONTEXT = ("环境", "生态", "环保", "污染", "排放", "排污", "节能")


@dataclass(frozen=True)
class TopicRule:
    """One topic of the scheme as the matcher uses it."""

    iri: URIRef
    keywords: tuple[str, ...]
    subject_codes: tuple[str, ...]
    needs_context: bool
    serves_group: bool = False  # a group of people the money serves (bkg:servesGroup)


@dataclass(frozen=True)
class TopicEvidence:
    """Why a project concerns a topic: the kinds of evidence found, the keywords, the strength."""

    topic: URIRef
    sources: tuple[str, ...]  # among "name", "subject", "description", "citation", "indicator"
    keywords: tuple[str, ...]
    strength: Decimal

    @property
    def key(self) -> str:
        return str(self.topic).rsplit("/", 1)[-1]


@lru_cache(maxsize=None)
def topic_rules() -> tuple[TopicRule, ...]:
    g = scheme_graph("topics.ttl")
    out = []
    for iri in sorted(g.subjects(RDF.type, BKG.Topic)):
        keywords = tuple(sorted({str(k) for k in g.objects(iri, BKG.keyword)}, key=lambda k: (-len(k), k)))
        codes = tuple(sorted(str(s).rsplit("/", 1)[-1] for s in g.objects(iri, BKG.relatedSubject)))
        needs = any(o == Literal(True) for o in g.objects(iri, BKG.needsContext))
        group = any(o == Literal(True) for o in g.objects(iri, BKG.servesGroup))
        out.append(TopicRule(URIRef(iri), keywords, codes, needs, group))  # type: ignore[arg-type]
    return tuple(out)


_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def normalise(text: str) -> str:
    """Upper case and half-width, so PM2.5, ＰＭ２．５ and pm2.5 meet."""
    return text.translate(_HALF_WIDTH).upper()


def _found(keywords: Iterable[str], text: str) -> list[str]:
    """The keywords in ``text``, a shorter one only where no longer one found covers it."""
    hits: list[str] = []
    for k in keywords:  # longest first
        nk = normalise(k)
        if nk in text and not any(nk in normalise(h) for h in hits):
            hits.append(k)
    return hits


def has_environment_context(texts: Iterable[str | None]) -> bool:
    return any(w in (t or "") for t in texts for w in ENVIRONMENT_CONTEXT)


def topic_evidence(names: Iterable[str | None], functional_code: str | None = None,
                   description: str | None = None, cited_titles: Iterable[str | None] = (),
                   department: str | None = None,
                   output_targets: Iterable[str | None] = ()) -> list[TopicEvidence]:
    """The topics a project concerns (strength >= THRESHOLD), each with its evidence, by topic IRI.

    ``names`` are the project's name and aliases; ``functional_code`` its 功能分类 code (a topic
    related to 2110301 or to 21103 matches 2110301); ``department`` the department's name, used
    only as context; ``output_targets`` the names of the project's 产出指标 (三级指标)."""
    names = [n for n in names if n]
    name_text = normalise(" ".join(names))
    desc_text = normalise(description or "")
    cite_text = normalise(" ".join(t for t in cited_titles if t))
    targets = [normalise(t) for t in output_targets if t]
    code = (functional_code or "").strip()
    context = has_environment_context([department, *names, description])
    out = []
    for rule in topic_rules():
        if rule.needs_context and not context:
            continue
        sources: list[str] = []
        keywords: list[str] = []
        strength = Decimal(0)
        in_name = _found(rule.keywords, name_text)
        if in_name:
            sources.append("name")
            keywords += in_name
            strength += WEIGHT_NAME
        if code and any(code.startswith(c) for c in rule.subject_codes):
            sources.append("subject")
            strength += WEIGHT_SUBJECT
        in_desc = _found(rule.keywords, desc_text)
        if in_desc:
            sources.append("description")
            keywords += [k for k in in_desc if k not in keywords]
            strength += min(MAX_DESCRIPTION, WEIGHT_DESCRIPTION_KEYWORD * len(in_desc))
        in_cite = _found(rule.keywords, cite_text)
        if in_cite:
            sources.append("citation")
            keywords += [k for k in in_cite if k not in keywords]
            strength += WEIGHT_CITATION
        in_targets = [_found(rule.keywords, t) for t in targets]
        if targets and 2 * sum(1 for f in in_targets if f) >= len(targets):
            sources.append("indicator")
            keywords += [k for f in in_targets for k in f if k not in keywords]
            strength += WEIGHT_OUTPUT_TARGETS
        if strength >= THRESHOLD:
            out.append(TopicEvidence(rule.iri, tuple(sources), tuple(keywords), strength))
    return out
