"""The catalogue: every name the linker can recognise, pulled from the graph.

The linker's exact names and its fuzzy matcher are generated from this one list, so a new corpus
needs no hand edits. Loading it is one SPARQL query per kind of entity (``nlp.graph.CATALOG``),
run once when the pipeline of a store is built; the result is plain, immutable data.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from kg.names.divisions import located
from nlp.names import branch_aliases, department_aliases, place_forms, split_place
from nlp.normalize import fold

KINDS = ("department", "place", "project", "functional_subject", "economic_subject", "indicator",
         "policy", "division", "person", "term", "topic", "unit")


@dataclass(frozen=True)
class Entity:
    """One thing the graph names. ``iri`` identifies it in queries; ``department``/``year`` say
    which budget it belongs to (``None`` for things shared by all, such as a subject code)."""

    kind: str
    iri: str
    name: str
    aliases: tuple[str, ...] = ()
    department: str | None = None
    year: int | None = None
    code: str | None = None

    def names(self) -> tuple[str, ...]:
        """The name and every alias: all the strings that may name this entity."""
        return (self.name, *self.aliases)


@dataclass
class Catalog:
    """All entities, indexed by their folded names."""

    entities: list[Entity] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    by_key: dict[str, list[Entity]] = field(default_factory=dict)
    dept_years: dict[str, list[int]] = field(default_factory=dict)
    topic_keywords: dict[str, list[str]] = field(default_factory=dict)

    @property
    def latest_year(self) -> int | None:
        """The latest fiscal year of any budget: what 今年 means when no department is named."""
        return max(self.years) if self.years else None

    def aliases_of(self, iri: str) -> tuple[str, ...]:
        """The other names of the entity ``iri`` (empty when unknown)."""
        index = self.__dict__.setdefault("_by_iri", {e.iri: e for e in self.entities})
        e = index.get(iri)
        return e.aliases if e else ()

    def of_kind(self, kind: str) -> list[Entity]:
        """Entities of one kind (``KINDS``)."""
        return [e for e in self.entities if e.kind == kind]

    def project_variants(self, name: str) -> list[Entity]:
        """The projects named ``name`` followed by a dash or colon and what makes them particular (中介服务费 →
        中介服务费-政府项目审查费): one kind of project a department runs under several names. Indexed once."""
        index = self.__dict__.get("_variants")
        if index is None:
            index = {}
            for e in self.entities:
                m = re.match(r"(.{2,}?)[-—－–:：·]", e.name) if e.kind == "project" else None
                if m:
                    index.setdefault(m.group(1), []).append(e)
            self.__dict__["_variants"] = index
        return index.get(name, [])

    def departments(self) -> list[Entity]:
        """Departments that have a budget in the graph."""
        return self.of_kind("department")

    def lookup(self, text: str) -> list[Entity]:
        """Entities one of whose names folds to ``text``."""
        return self.by_key.get(fold(text), [])

    def mentions_name(self, fragment: str, budget_side: bool = False) -> bool:
        """Whether any name in the catalogue contains ``fragment`` (used to tell an unknown place
        or unit in a question from a known one). With ``budget_side`` the titles of policy
        documents do not count: a unit that only issued a cited document (江苏省财政厅 of a
        财政厅 notice) has no budget in the graph."""
        key = fold(fragment)
        if not budget_side:
            return any(key in k for k in self.by_key)
        return any(key in k for k, ents in self.by_key.items() if any(e.kind != "policy" for e in ents))

    @classmethod
    def build(cls, entities: list[Entity], years: list[int]) -> "Catalog":
        """Index ``entities``, adding generated aliases for departments and place entities for
        the places departments are named after and the divisions those lie in
        (``kg.names.divisions``: 新疆 for 昌吉回族自治州生态环境局, 福建 for 泉州市公安局); a place
        entity's ``code`` lists its departments."""
        out: list[Entity] = []
        places: dict[str, set[str]] = defaultdict(set)
        for e in entities:
            if e.kind == "department":
                aliases = tuple(dict.fromkeys([*e.aliases, *department_aliases(e.name)]))
                e = Entity(e.kind, e.iri, e.name, aliases, e.name, e.year, e.code)
                for place in split_place(e.name)[0]:
                    for form in place_forms(place):
                        places[form].add(e.name)
                for division in located(e.name):  # 新疆 / 福建省 for 昌吉回族自治州… / 泉州市…: where it lies
                    for form in division.forms:
                        places[form].add(e.name)
            out.append(e)
        for form, depts in sorted(places.items()):
            out.append(Entity("place", "place:" + form, form, (), None, None, "|".join(sorted(depts))))
        return cls.index(out, years)

    @classmethod
    def index(cls, entities: list[Entity], years: list[int]) -> "Catalog":
        """The catalogue of entities already built (aliases and places added): indexed by their
        folded names. What loading a stored catalogue does (``nlp.catalog_store``)."""
        out = list(entities)
        by_key: dict[str, list[Entity]] = defaultdict(list)
        seen: set[tuple[str, Entity]] = set()  # (a set: ``e not in by_key[key]`` compared dataclasses pairwise)
        for e in out:
            for name in e.names():
                key = fold(name)
                if len(key) >= 2 and (key, e) not in seen:
                    seen.add((key, e))
                    by_key[key].append(e)
        for key, ents in by_key.items():  # a department's own name names the department (not a table row printed so)
            if any(e.kind == "department" for e in ents):
                by_key[key] = [e for e in ents if e.kind in ("department", "place", "unit", "term")]
        return cls(out, sorted(set(years)), dict(by_key))


# a year opening a project's name (2026信访专项经费, 2026年驻京经费, 2025年度…)
_YEAR_LEAD = re.compile(r"^(?:19|20)\d{2}(?:年度?)?")


# The economic classes people name by one word (工资、商品服务、资本性支出各多少): by the class's code, which
# every province prints alike.
SPOKEN_CLASSES: dict[str, tuple[str, ...]] = {}  # (工资 alone also asks a person's pay: not a class by itself)


def _spoken_subject(label: str) -> list[str]:
    """A subject as people say it: without its 支出 ending, with or without the 和 inside (商品和服务支出 → 商品服务,
    商品和服务, 工资福利支出 → 工资福利), without its 的 and 和 (对个人家庭补助), without its 的 (对个人和家庭的补助 → 对个人和家庭补助), with 给 for its 对
    (给个人和家庭的补助), without a bracketed qualifier (中医（民族）医院 → 中医医院), where that
    leaves a name of its own (four characters at least, not 其他…)."""
    forms = [re.sub(r"支出$", "", re.sub(r"[和与及]", "", label)), label.replace("的", ""),
             re.sub(r"支出$", "", label),  # 商品和服务支出 → 商品和服务
             re.sub(r"支出$", "", re.sub(r"[和与及的]", "", label)),  # 对个人和家庭的补助 → 对个人家庭补助
             re.sub(r"^对", "给", label),  # 对个人和家庭的补助 → 给个人和家庭的补助
             re.sub(r"[（(][^（）()]{1,6}[）)]", "", label),  # 中医（民族）医院 → 中医医院: the qualifier unsaid
             re.sub(r"等(?=支出$)", "", label), re.sub(r"等支出$", "", label)]  # 商业服务业等支出 → 商业服务业支出
    # (其他… only where what follows 其他 is a name of its own: 其他商业服务业支出, not 其他支出)
    return [form for form in forms if len(form) >= 4 and (not form.startswith("其他") or len(form) >= 8)]


def _bracketed_forms(name: str) -> list[str]:
    """A unit printed with its second name in brackets (广州市统计监测中心（广州市统计发展中心）) is said by
    either name alone: the name before the brackets and the one inside, each where it is a name (≥5
    characters), not a qualifier (（本级）)."""
    m = re.fullmatch(r"(.+?)[（(]([^（）()]+)[）)]", name)
    # (only where the bracket holds a name of its own: 西安市人工影响天气服务保障中心（地方机构） is one unit's name
    # with a note, and its bare form may name a budget unit row the graph links otherwise)
    if not m or len(m.group(2)) < 5 or not re.search(r"(?:中心|局|院|所|站|队|会|室|处|馆|部|办|委|社|厅)$", m.group(2)):
        return []
    return [form for form in (m.group(1), m.group(2)) if len(form) >= 5]


def catalog_from_graph(graph) -> Catalog:
    """The catalogue of everything the graph names (``graph`` is an ``nlp.graph.Graph``)."""
    from nlp.graph import display_name

    rows = graph.catalog_rows()
    entities: list[Entity] = []
    dept_labels: dict[str, list[str]] = defaultdict(list)
    for r in rows["departments"]:
        if r.get("label"):
            dept_labels[r["dept"]].append(r["label"])
    dept_name = {iri: display_name(labels) for iri, labels in dept_labels.items()}
    budget_depts = {b.department_iri for b in graph.budgets()}
    dept_name.update({b.department_iri: b.department for b in graph.budgets()})
    for iri, labels in dept_labels.items():
        if iri not in budget_depts:  # a unit with no budget of its own (下属单位, 承担单位)
            name = display_name(labels)
            if len(name) >= 5:  # linked so that it is not read as its parent's place or name
                aliases = [a for a in dict.fromkeys(labels + branch_aliases(name) + _bracketed_forms(name)) if a != name]
                entities.append(Entity("unit", iri, name, tuple(aliases)))
            continue
        name = dept_name[iri]
        aliases = tuple(a for a in dict.fromkeys(labels) if a != name)
        entities.append(Entity("department", iri, name, aliases))
    projects: dict[str, dict] = {}
    persons: dict[str, set] = defaultdict(set)
    for r in rows["projects"]:
        p = projects.setdefault(r["p"], {"labels": [], "dept": dept_name.get(r.get("dept") or ""),
                                         "year": r.get("year")})
        if r["label"] not in p["labels"]:
            p["labels"].append(r["label"])
        if r.get("person"):
            persons[r["person"]].add(dept_name.get(r.get("dept") or "") or "")
    for iri, p in projects.items():
        labels = p["labels"]
        # 2026信访专项经费 is asked for as 信访专项经费: the name without the year it opens with
        labels += [bare for bare in (_YEAR_LEAD.sub("", label) for label in list(labels))
                   if len(bare) >= 4 and bare not in labels]
        year = int(p["year"]) if p["year"] is not None else None
        entities.append(Entity("project", iri, labels[0], tuple(labels[1:]), p["dept"], year))
    for person, depts in persons.items():
        entities.append(Entity("person", "person:" + person, person, (), "|".join(sorted(depts))))
    subj: dict[str, tuple[str, str, list[str]]] = {}
    for r in rows["subjects"]:  # a code printed under several names (by several documents): all of them
        kind = "functional_subject" if r["type"].endswith("FunctionalSubject") else "economic_subject"
        labels = subj.setdefault(r["s"], (kind, str(r["code"]), []))[2]
        if r["label"] not in labels:
            labels.append(r["label"])
    printed = {label for _kind, _code, labels in subj.values() for label in labels}
    for iri, (kind, code, labels) in subj.items():
        labels.sort(key=lambda x: (len(x), x))
        # a spoken form that is another subject's printed name (资本性支出 of 资本性支出（基本建设）) is that one's
        spoken = [form for form in dict.fromkeys([f for label in labels for f in _spoken_subject(label)] +
                                                 list(SPOKEN_CLASSES.get(code, ())))
                  if form and form not in labels and form not in printed]
        entities.append(Entity(kind, iri, labels[0], tuple(labels[1:] + spoken), None, None, code))
    for r in rows["policies"]:
        title, number = r.get("title"), r.get("number")
        names = [n for n in (title, number) if n]
        if title and title.startswith("《") and title.endswith("》"):
            names.append(title[1:-1])
        if names:
            entities.append(Entity("policy", r["pol"], names[0], tuple(names[1:]), None, None, number))
    for r in rows["divisions"]:
        entities.append(Entity("division", r["u"], r["label"], (), dept_name.get(r["dept"])))
    topics: dict[str, list[str]] = defaultdict(list)
    keywords: dict[str, list[str]] = defaultdict(list)
    for r in rows["topics"]:
        if not topics[r["t"]]:
            topics[r["t"]].append(r["pref"])
        if r["label"] not in topics[r["t"]]:
            topics[r["t"]].append(r["label"])
        if r.get("keyword") and r["keyword"] not in keywords[r["t"]]:
            keywords[r["t"]].append(r["keyword"])
    for iri, labels in topics.items():
        entities.append(Entity("topic", iri, labels[0], tuple(labels[1:])))
    for r in rows["terms"]:  # 名词解释 terms; the stray quotes of “三公”经费 dropped for matching
        bare = re.sub(r"[“”\"'「」]", "", r["term"])
        entities.append(Entity("term", "term:" + r["term"], r["term"], (bare,) if bare != r["term"] else ()))
    years = [b.year for b in graph.budgets()]
    catalog = Catalog.build(entities, years)
    for b in graph.budgets():
        catalog.dept_years.setdefault(b.department, []).append(b.year)
    catalog.topic_keywords = dict(keywords)
    return catalog
