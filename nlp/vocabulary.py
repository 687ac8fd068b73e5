"""The project's vocabulary as the question service sees it: prefixes, measures and their labels.

Nothing here is declared twice. The namespaces are ``kg.vocabulary.namespaces``; the department-level
figures (``bkg:BudgetItem``: key, Chinese label, the figure it is part of), the columns of the
classification tables (``bkg:ExpenditureKind``), project categories, funding sources, indicator
kinds and the staffing properties (``bkg:authorizedStaff`` …) are read from the ontology the
store holds (the global named graph ``ensure_ontology`` loads) with ONE query, so a label or an
item added to ``ontology/schemes.ttl`` reaches the answers without touching this package. A store
loaded without the ontology falls back to the same files read directly (the same query runs on
an rdflib graph of them).

What this module adds is only what the ontology cannot say: which item a share is taken of when
the question names no base (``share_base``), and the unit each kind of measure is counted in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg.vocabulary.namespaces import BKG, ID, PREFIXES as NAMESPACES

# The PREFIX lines every query of the question service starts with (the project's own prefixes).
PREFIXES = "".join(f"PREFIX {p}: <{NAMESPACES[p]}>\n"
                   for p in ("bkg", "skos", "rdfs", "prov", "dct", "org", "xsd"))
BKG_NS = str(BKG)
ITEM_NS = str(ID) + "item/"
WAN = "万元"

# The staffing counts of 部门概况 (each a property of the budget document), in print order.
STAFF_PROPERTIES = ("authorizedStaff", "actualStaff", "activeStaff", "retiredStaff", "retiredVeteranStaff", "retireeStaff")

_VOCABULARY_QUERY = PREFIXES + """SELECT ?what ?key ?label ?broader ?alt WHERE {
  { ?c a bkg:BudgetItem ; bkg:sourceKey ?key ; skos:prefLabel ?label .
    OPTIONAL { ?c skos:broader/bkg:sourceKey ?broader } BIND("item" AS ?what) }
  UNION { ?c a bkg:ExpenditureKind ; bkg:sourceKey ?key ; skos:prefLabel ?label . BIND("column" AS ?what) }
  UNION { ?c a bkg:ProjectCategory ; bkg:sourceKey ?key ; skos:prefLabel ?label . BIND("category" AS ?what) }
  UNION { ?c a bkg:BudgetPhase ; bkg:sourceKey ?key ; skos:prefLabel ?label . BIND("phase" AS ?what) }
  UNION { ?c a bkg:FundingSource ; bkg:sourceKey ?key ; skos:prefLabel ?label .
          OPTIONAL { ?c skos:broader/bkg:sourceKey ?broader }
          OPTIONAL { ?c skos:altLabel ?alt FILTER(lang(?alt) = "zh") } BIND("funding" AS ?what) }
  UNION { ?c a bkg:IndicatorKind ; bkg:sourceKey ?key ; skos:prefLabel ?label .
          OPTIONAL { ?c skos:broader/bkg:sourceKey ?broader } BIND("indicator_kind" AS ?what) }
  UNION { ?p a <http://www.w3.org/2002/07/owl#DatatypeProperty> ; rdfs:label ?label .
          FILTER(STRSTARTS(STR(?p), STR(bkg:)) && STRENDS(STR(?p), "Staff"))
          BIND(STRAFTER(STR(?p), STR(bkg:)) AS ?key) BIND("staff" AS ?what) }
  FILTER(lang(?label) = "zh")
}"""


@dataclass(frozen=True)
class Measure:
    """One quantity a question can ask for: its key, the ontology's Chinese label, the figure it
    is part of (``broader``) and the unit it is counted in."""

    key: str
    label: str
    kind: str  # item | staff
    broader: str | None = None
    unit: str = WAN

    @property
    def iri(self) -> str | None:
        """The ``bkg:BudgetItem`` of a department-level figure (None for staffing counts)."""
        return ITEM_NS + self.key if self.kind == "item" else None


# The department figures that are a column of the classification tables (基本支出 / 项目支出 of the
# economic and functional rows), by the column's key: one map for the parser (其中 under such a figure)
# and the income answers (a subject's money in that column).
COLUMN_OF_MEASURE = {"basic_expenditure": "basic", "project_expenditure": "project"}
# every figure that is a column of the expenditure tables, 基本支出's own two columns too (公用经费 is the 基本支出's
# 公用 column): the column a part asks the rows of (其中哪项最多), or a unit's table is read in
COLUMN_OF_FIGURE = {**COLUMN_OF_MEASURE, "personnel": "personnel", "public_expenses": "public"}


@dataclass
class Vocabulary:
    """Measures and concept labels, keyed as the ontology keys them."""

    measures: dict[str, Measure] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    funding: dict[str, str] = field(default_factory=dict)
    funding_broader: dict[str, str] = field(default_factory=dict)
    funding_aliases: dict[str, list[str]] = field(default_factory=dict)
    indicator_kinds: dict[str, str] = field(default_factory=dict)
    phases: dict[str, str] = field(default_factory=dict)  # 预算, 年初预算, 调整预算, 决算

    def phase_label(self, key: str) -> str:
        """'预算数', '年初预算数', '决算数': the column a 决算 prints for a phase."""
        return self.phases.get(key, key) + "数"

    def label(self, key: str) -> str:
        """The Chinese label of a measure (a project attribute's name, or a stated word, where the
        ontology has no such measure; never an internal key on screen)."""
        m = self.measures.get(key)
        if m:
            return m.label
        from nlp.frames import PROJECT_ATTRIBUTE_NAMES

        if key in PROJECT_ATTRIBUTE_NAMES:
            return PROJECT_ATTRIBUTE_NAMES[key]
        if key.startswith("word:"):
            return key[len("word:"):]
        # a classification column (合计 / 基本支出 / 项目支出) asked as a department figure; anything else
        # unknown is said as what it is, never as its key
        return self.columns.get(key, "所问的数字")

    def unit(self, key: str) -> str:
        m = self.measures.get(key)
        return m.unit if m else WAN

    def ancestors(self, key: str) -> list[str]:
        """The figures ``key`` is part of, nearest first (基本支出 → 支出总计)."""
        out: list[str] = []
        m = self.measures.get(key)
        while m is not None and m.broader and m.broader not in out:
            out.append(m.broader)
            m = self.measures.get(m.broader)
        return out

    def share_base(self, key: str) -> str | None:
        """What ``key`` is a share of when the question names no base: the nearest figure people
        take shares of (a total, 基本支出, 一般公共预算拨款, 上年结转结余, 三公 and 采购 totals);
        the ontology's own ``skos:broader`` chain says which of them contains the figure."""
        if key == "fiscal_total":  # 财政拨款收入合计 (no ontology measure: the sum of its kinds) is income
            return "income_total"
        for up in self.ancestors(key):
            if up in SHARE_BASES:
                return up
        return None

    def children(self, key: str) -> list[str]:
        """The figures directly part of ``key`` (its ``skos:narrower``), in ontology order."""
        return [k for k, m in self.measures.items() if m.broader == key]

    @classmethod
    def from_rows(cls, rows: list[dict]) -> "Vocabulary":
        vocab = cls()
        for r in rows:
            what, key, label, broader = r["what"], str(r["key"]), str(r["label"]), r.get("broader")
            if what == "item":
                vocab.measures[key] = Measure(key, label, "item", str(broader) if broader else None)
            elif what == "staff" and key in STAFF_PROPERTIES:
                vocab.measures[key] = Measure(key, label, "staff", None, "人")
            elif what == "column":
                vocab.columns[key] = label
            elif what == "category":
                vocab.categories[key] = label
            elif what == "phase":
                vocab.phases[key] = label
            elif what == "funding":
                vocab.funding[key] = label
                if r.get("alt") and r["alt"] not in vocab.funding_aliases.setdefault(key, []):
                    vocab.funding_aliases[key].append(str(r["alt"]))
                if broader:
                    vocab.funding_broader[key] = str(broader)
            elif what == "indicator_kind":
                vocab.indicator_kinds[key] = label
        order = {k: i for i, k in enumerate(ITEM_ORDER + STAFF_PROPERTIES)}
        vocab.measures = dict(sorted(vocab.measures.items(), key=lambda kv: order.get(kv[0], 999)))
        return vocab


# The figures a share is taken of (see ``Vocabulary.share_base``): what 占比 means in a budget.
SHARE_BASES = ("income_total", "expenditure_total", "basic_expenditure", "general_public_budget",
               "carryover_total", "three_public.total", "procurement.total")
# The order department-level figures are printed in (the summary table's order).
ITEM_ORDER = ("income_total", "expenditure_total", "current_year_income", "fiscal_current_year", "general_public_budget",
              "upper_level_transfer", "government_fund", "state_capital", "unit_funds", "unit_business", "unit_operating",
              "unit_upper", "unit_affiliated", "unit_other", "carryover_total",
              "carryover_fiscal", "carryover_nonfiscal", "carryover_general_public_budget",
              "carryover_government_fund", "carryover_state_capital", "carryover_fiscal_special",
              "carryover_unit_funds", "basic_expenditure", "personnel",
              "public_expenses", "project_expenditure", "reserve", "operating_expenses", "fiscal_expenditure",
              "general_budget_expenditure", "current_year_expenditure",
              "carryover_year_end", "carryover_year_end_fiscal", "carryover_year_end_nonfiscal",
              "surplus_distribution", "three_public.total",
              "three_public.overseas", "three_public.reception", "three_public.vehicles",
              "three_public.vehicle_purchase", "three_public.vehicle_operation", "procurement.total",
              "procurement.goods", "procurement.works", "procurement.services",
              "purchased_services")


def _rows(result) -> list[dict]:
    """Rows of a store result or an rdflib result as plain dicts of strings."""
    if hasattr(result, "dicts"):
        return [{k: (str(v) if v is not None else None) for k, v in r.items()} for r in result.dicts()]
    return [{str(k): (str(v) if v is not None else None) for k, v in r.asdict().items()} for r in result]


def vocabulary_from_store(store) -> Vocabulary:
    """The vocabulary as the store's ontology graph holds it (the files where it holds none)."""
    return vocabulary_of_rows(vocabulary_rows(store))


def vocabulary_rows(store) -> list[dict]:
    """The rows the vocabulary is made of, as the store holds them (plain strings: what the stored
    question catalogue keeps, ``nlp.catalog_store``)."""
    return _rows(store.query(_VOCABULARY_QUERY))


def vocabulary_of_rows(rows: list[dict]) -> Vocabulary:
    """The vocabulary of ``rows`` (of the ontology files where the rows hold no item)."""
    if not any(r["what"] == "item" for r in rows):
        return vocabulary_from_files()
    return Vocabulary.from_rows(rows)


@lru_cache(maxsize=1)
def vocabulary_from_files() -> Vocabulary:
    """The vocabulary read from ``ontology/*.ttl`` (the same query on an rdflib graph)."""
    from kg.vocabulary.ontology_files import global_graph

    return Vocabulary.from_rows(_rows(global_graph().query(_VOCABULARY_QUERY)))


# Amount scopes (``kg.rdf.mapping.SCOPED_LABELS``) whose table prints some subjects only: the
# 财政拨款收支总表 prints the 类 of the appropriated spending, never a 款 or 项. A subject question of
# that scope about a subject the table does not print reads the document's own rows (``nlp.graph``).
BROAD_SCOPES = frozenset({"fiscal"})
# the table a scope's rows come from, where it is not the scope's own 支出表 (一般公共预算支出表): said with them
SCOPE_TABLES = {"fiscal": "财政拨款收支总表"}
