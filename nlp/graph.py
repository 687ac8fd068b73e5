"""Reads from the store: the catalogue's names, the budgets, and the rows of a frame.

Every query that produces an answer is built by ``nlp.sparql.build`` and appended to the log the
caller passes, so each part of an answer can show the SPARQL it came from. Rows come back as
``Row``: a label, an exact ``Decimal`` amount (万元, or persons, or percent), the department and
year, the source (file, page or line, table, row) and the focus's own attributes.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from kg.store.results import select_values
from kg.extract.places import joined
from nlp.sparql import Constraints, Query, build, joins_items
from kg.vocabulary.namespaces import ID
from nlp.vocabulary import ITEM_NS, PREFIXES, STAFF_PROPERTIES, WAN


@dataclass(frozen=True)
class Budget:
    """One budget document in the graph: a department's budget (or final account) of a year."""

    iri: str
    department: str
    department_iri: str
    year: int
    kind: str | None = None
    source: str | None = None
    collection: str | None = None  # the folder it was ingested with (``bkg:collection``)

    @property
    def final_account(self) -> bool:
        return "决算" in (self.kind or "")

    @property
    def phase(self) -> str:
        """The phase of the document's own figures (the graph's ``bkg:budgetPhase`` key)."""
        return "final_account" if self.final_account else "budget"


@dataclass
class Row:
    """One row of an answer's data: what it is, its figure and where it stands."""

    label: str
    amount: Decimal | None = None
    unit: str | None = WAN
    department: str | None = None
    year: int | None = None
    source: str | None = None
    iri: str | None = None
    key: str | None = None  # a measure key, a subject code, an indicator kind …
    attrs: dict = field(default_factory=dict)


def dec(value) -> Decimal | None:
    """A number from a row as ``Decimal`` (never through float)."""
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _flag(value) -> bool | None:
    """An ``xsd:boolean`` from a row (a store's plain value is a bool, or its lexical form)."""
    if value is None or isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1")


def source_of(row: dict) -> str | None:
    """'file 第N页 表3 2080505' from a row's location variables."""
    if not row.get("file"):
        return None
    parts = [str(row["file"])]
    if row.get("page") is not None:
        parts.append(f"第{row['page']}页")
    if row.get("line") is not None:
        parts.append(f"第{row['line']}行")
    if row.get("table"):
        parts.append(str(row["table"]))
    if row.get("row"):
        parts.append(str(row["row"]))
    return " ".join(parts)


def printed_place(row: dict) -> str | None:
    """Where a row stands as the page prints it, from its location variables: a table's label and
    title (``公开09表 一般公共预算财政拨款三公经费支出决算表``), or the 说明's headings above its line
    (``四、政府采购情况说明``)."""
    if row.get("table") and row.get("tableTitle"):
        return f"{row['table']} {row['tableTitle']}"
    return str(row["section"]) if row.get("section") else None


def _placed(rows: list[Row], raw: list[dict]) -> list[Row]:
    """``rows`` with where each stands as printed, then its figure (``attrs["place"]``: place——figure,
    the table's row or the row's own label), unless the graph keeps a place of its own for it (a
    finding's, a stated change's)."""
    places = {source_of(r): (printed_place(r), r.get("row")) for r in raw if r.get("tableTitle") or r.get("section")}
    for row in rows:
        if row.source in places and not row.attrs.get("place"):
            place, figure = places[row.source]
            if place:
                row.attrs["place"] = joined(place, _figure_in_row(str(figure or ""), row.label or ""))
    return rows


# A row that is a table's total line (合计, 决算数/合计): the cell is named by its column's figure too.
_TOTAL_LINE = re.compile(r"(?:^|/)(?:合计|总计|小计)[:：]?$")


def _figure_in_row(row: str, label: str) -> str:
    """The figure within its printed row: the row, and the figure's own name where the row is a
    total line whose columns hold several figures (预算表3's 合计 row: its 项目支出 column) and the row
    names it in words (a measure's row is labelled by its key here, its words come later)."""
    named = label if re.search(r"[\u4e00-\u9fff]", label or "") else ""
    if not row:
        return named
    return f"{row} {named}" if _TOTAL_LINE.search(row) and named and named not in row else row


def display_name(labels: list[str]) -> str:
    """One name among a department's labels: the longest (the full official form)."""
    return max(labels, key=lambda n: (len(n), n))


BUDGETS = PREFIXES + """SELECT ?doc ?dept ?label ?year ?kind (SAMPLE(?f) AS ?file) (SAMPLE(?c) AS ?collection) WHERE {
  ?doc a bkg:BudgetDocument ; bkg:department ?dept ; bkg:fiscalYear/bkg:year ?year .
  ?dept rdfs:label ?label .  # before the OPTIONALs: after them Oxigraph joins by scanning every label (2-3 s)
  OPTIONAL { ?doc bkg:documentKind ?kind }
  OPTIONAL { ?doc bkg:sourceFile ?f }
  OPTIONAL { ?doc bkg:collection ?c }
} GROUP BY ?doc ?dept ?label ?year ?kind"""

LOCAL_SUBJECT_SCHEME = str(ID) + "scheme/economic-local"

# The catalogue: every name the linker matches, one query per kind (not part of any answer).
CATALOG = {
    "departments": """SELECT DISTINCT ?dept ?label WHERE {
  ?dept a bkg:Department ; (rdfs:label|skos:prefLabel|skos:altLabel) ?label . }""",
    "projects": """SELECT DISTINCT ?p ?label ?dept ?year ?person WHERE {
  ?p a bkg:Project ; (rdfs:label|skos:altLabel) ?label .
  OPTIONAL { ?p bkg:department ?dept } OPTIONAL { ?p bkg:fiscalYear/bkg:year ?year }
  OPTIONAL { ?p bkg:responsiblePerson ?person } }""",
    # a unit's own subjects (kg/rdf/subject_schemes.py: its 30203 is 水费) would teach the linker
    # a wrong national code for a name: the national schemes' concepts, and a unit's own only where
    # its code has no national concept at all (重庆's 3010303 年终一次性奖金, a subdivision of 30103)
    "subjects": """SELECT DISTINCT ?s ?code ?label ?type WHERE {
  ?s a ?type ; skos:notation ?code ; skos:prefLabel ?label .
  FILTER(?type IN (bkg:FunctionalSubject, bkg:EconomicSubject, bkg:GovernmentEconomicSubject))
  FILTER(NOT EXISTS { ?s skos:inScheme <""" + LOCAL_SUBJECT_SCHEME + """> }
         || NOT EXISTS { ?n a ?type ; skos:notation ?code .
                         FILTER NOT EXISTS { ?n skos:inScheme <""" + LOCAL_SUBJECT_SCHEME + """> } }) }""",
    "policies": """SELECT DISTINCT ?pol ?title ?number WHERE {
  ?pol a bkg:PolicyDocument . OPTIONAL { ?pol dct:title ?title } OPTIONAL { ?pol bkg:documentNumber ?number } }""",
    "divisions": """SELECT DISTINCT ?u ?label ?dept WHERE { ?u a bkg:Division ; rdfs:label ?label ; org:unitOf ?dept . }""",
    "topics": """SELECT DISTINCT ?t ?pref ?label ?keyword WHERE {
  ?t a bkg:Topic ; skos:prefLabel ?pref ; (skos:prefLabel|skos:altLabel) ?label .
  FILTER((lang(?label) = "zh" || lang(?label) = "") && (lang(?pref) = "zh" || lang(?pref) = ""))
  OPTIONAL { ?t bkg:keyword ?keyword } }""",
    "terms": """SELECT DISTINCT ?term WHERE { ?d a bkg:Definition ; bkg:term ?term . }""",
}


class Graph:
    """The store seen through the builder."""

    def __init__(self, store, budgets: list[Budget] | None = None) -> None:
        """``budgets``: the budgets as already read (the stored question catalogue keeps them),
        so that the first question does not read them again."""
        self.store = store
        if budgets is not None:
            self.__dict__["_budgets"] = sorted(budgets, key=lambda b: (b.department, b.year))

    def run(self, sparql: str, log: list[str] | None = None) -> list[dict]:
        """Run one query; rows as dicts of Python values. Appended to ``log`` when one is given."""
        if log is not None:
            log.append(sparql)
        return select_values(self.store, sparql)  # the project's plain-value rows (kg.store.results)

    @cached_property
    def _budgets(self) -> list[Budget]:
        rows = self.run(BUDGETS)
        labels: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            labels[r["dept"]].append(r["label"])
        seen: dict[str, Budget] = {}
        for r in rows:
            seen[r["doc"]] = Budget(r["doc"], display_name(labels[r["dept"]]), r["dept"], int(r["year"]),
                                    r.get("kind"), r.get("file"), r.get("collection"))
        return sorted(seen.values(), key=lambda b: (b.department, b.year))

    def budgets(self) -> list[Budget]:
        """Every budget in the graph, sorted by department and year."""
        return list(self._budgets)

    def budget(self, doc: str | None) -> Budget | None:
        """The budget of the document ``doc`` (``None`` when the graph has none), by its IRI.

        A dictionary, not a search of the list: ``rows`` asks it once per row, and a question
        over every budget (a topic's projects) read 178,000 rows at 10,000 documents, each
        searched through 10,000 budgets — 25 s of a 135 s answer (issue 12m)."""
        return self._by_iri.get(doc)

    @cached_property
    def _by_iri(self) -> dict[str, Budget]:
        index: dict[str, Budget] = {}
        for b in self._budgets:
            index.setdefault(b.iri, b)  # the first in the sorted list, as the search found it
        return index

    @cached_property
    def _document_order(self) -> dict[str, int]:
        """Each budget document's place in the order the store lists its documents — the order a
        pattern over every document's figures reads them in. Rows of several items joined on their
        values come grouped by item; sorted (stably) by this, each item's rows stand in the order of
        their documents as when a FILTER read the items document by document, so that ties among
        equal figures of several departments are ranked as they were (one light query, not logged)."""
        return {r["doc"]: i for i, r in enumerate(self.run(PREFIXES + "SELECT ?doc WHERE { ?doc a bkg:BudgetDocument }"))}

    def catalog_rows(self) -> dict[str, list[dict]]:
        """Every name the linker needs, one query per kind."""
        return {kind: self.run(PREFIXES + q) for kind, q in CATALOG.items()}

    # ------------------------------------------------------------------ the rows of a frame
    def rows(self, focus: str, budgets: list[Budget], c: Constraints | None, log: list[str]) -> list[Row]:
        """The rows of ``focus`` in ``budgets`` under the constraints (see ``nlp.sparql``)."""
        convert = getattr(self, "_" + focus)
        wanted = {b.iri for b in budgets}
        out: list[Row] = []
        for q in build(focus, [b.iri for b in budgets], c, graph_documents=len(self._budgets)):
            rows = self.run(q.text, log)
            if q.doc is None and wanted:  # one query over many documents: the rows of those asked
                rows = [r for r in rows if r.get("doc") in wanted]
            if joins_items(focus, c, q.doc):  # several items joined on their values: by document again
                order = self._document_order
                rows = sorted(rows, key=lambda r: order.get(r.get("doc"), -1))
            out += _placed(convert(q, rows), rows)
        # a 决算 prints 预算数 columns beside its own: those only where the constraints ask for them
        also = set(c.phases) if c else set()
        return [r for r in out if r.attrs.get("phase") in (None, r.attrs.get("own_phase")) or r.attrs["phase"] in also]

    @staticmethod
    def _phase(b: Budget, r: dict) -> dict:
        phase = str(r["phase"]).rsplit("/", 1)[-1] if r.get("phase") else b.phase
        return {"phase": phase, "own_phase": b.phase}

    def _owner(self, q: Query, r: dict) -> Budget | None:
        return self.budget(q.doc or r.get("doc"))

    def _figures(self, q: Query, rows: list[dict]) -> list[Row]:
        out: dict[tuple, Row] = {}  # a figure printed in several places: its first source
        for r in rows:
            b = self._owner(q, r)
            key = str(r["item"])[len(ITEM_NS):]
            if b is None or (b.iri, key, r.get("phase")) in out:
                continue
            out[(b.iri, key, r.get("phase"))] = Row(key, dec(r["amount"]), WAN, b.department, b.year, source_of(r),
                                                    r.get("x"), key, self._phase(b, r))
        return list(out.values())

    def _subjects(self, q: Query, rows: list[dict]) -> list[Row]:
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            # one code printed on two rows (长春 30208 取暖费 and 30208 物业管理费): each row by its printed name
            key = (b.iri, str(r["code"]), r["column"], r.get("phase"), str(r.get("printed") or ""))
            if key not in out:
                out[key] = Row(r.get("printed") or r.get("name") or "", dec(r["amount"]), WAN, b.department, b.year,
                               source_of(r), None, str(r["code"]), {"column": r["column"], **self._phase(b, r)})
        return list(out.values())

    def _income(self, q: Query, rows: list[dict]) -> list[Row]:
        """Cells of the income table by subject: the subject code as key, the source as an attribute."""
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            key = (b.iri, str(r["code"]), str(r["source"]), r.get("phase"))
            if key not in out:
                out[key] = Row(r.get("printed") or r.get("name") or "", dec(r["amount"]), WAN, b.department, b.year,
                               source_of(r), None, str(r["code"]), {"source": str(r["source"]), **self._phase(b, r)})
        return list(out.values())

    def _units(self, q: Query, rows: list[dict]) -> list[Row]:
        """Cells of the tables by unit: the unit's printed name as label, the source as key,
        ``own`` where the unit is the department itself (its 本级 row), ``kind`` the kind of
        spending of a cell of the expenditure table by unit (empty for the income table's)."""
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            kind = str(r.get("kind") or "")
            key = (b.iri, str(r["u"]), str(r["source"]), kind, r.get("phase"))
            if key not in out:
                own = str(r.get("own")).lower() in ("true", "1")
                out[key] = Row(r.get("printed") or r.get("unitName") or "", dec(r["amount"]), WAN, b.department,
                               b.year, source_of(r), str(r["u"]), str(r["source"]),
                               {"own": own, "kind": kind, **self._phase(b, r)})
        return list(out.values())

    def _unit_items(self, q: Query, rows: list[dict]) -> list[Row]:
        """Cells of the tables by unit whose columns are items (三公 by unit): the unit's printed name
        as label, the item key (``three_public.total`` …) as key, ``own`` as in ``_units``."""
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            item = str(r["item"])[len(ITEM_NS):]
            key = (b.iri, str(r["u"]), item, r.get("phase"))
            if key not in out:
                own = str(r.get("own")).lower() in ("true", "1")
                out[key] = Row(r.get("printed") or r.get("unitName") or "", dec(r["amount"]), WAN, b.department,
                               b.year, source_of(r), str(r["u"]), item, {"own": own, **self._phase(b, r)})
                if r.get("previous") is not None:  # the year before, printed beside the year (西安 表13)
                    out[key].attrs["previous"] = dec(r["previous"])
                if r.get("change") is not None:  # the printed change, signed by its direction
                    change = dec(r["change"])
                    out[key].attrs["change"] = -change if str(r.get("direction")) == "decrease" else change
        return list(out.values())

    def _unit_economic(self, q: Query, rows: list[dict]) -> list[Row]:
        """A unit's economic 类 row of a table by unit (广东 表11): the 类 as printed as label, its
        code (None where the name is no national 类) as key; the unit, its kind of spending and ``own``
        as attributes."""
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            key = (b.iri, str(r["u"]), str(r.get("kind")), r.get("code") or r.get("name"))
            if key not in out:
                out[key] = Row(str(r.get("name") or ""), dec(r["amount"]), WAN, b.department, b.year, source_of(r),
                               str(r["u"]), str(r["code"]) if r.get("code") else None,
                               {"unit": str(r.get("unitName") or ""), "own": str(r.get("own")).lower() in ("true", "1"),
                                "kind": str(r.get("kind") or "")})
        return list(out.values())

    def _scoped(self, q: Query, rows: list[dict]) -> list[Row]:
        """Rows of the tables of one kind of funds: the subject code as key, column and scope as attributes."""
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            key = (b.iri, str(r["code"]), r["column"], str(r["scope"]), r.get("phase"))
            if key not in out:
                out[key] = Row(r.get("printed") or r.get("name") or "", dec(r["amount"]), WAN, b.department, b.year,
                               source_of(r), None, str(r["code"]),
                               {"column": r["column"], "scope": str(r["scope"]), **self._phase(b, r)})
        return list(out.values())

    def _projects(self, q: Query, rows: list[dict]) -> list[Row]:
        out: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            p = out.get(r["x"])
            if p is None:
                p = out[r["x"]] = Row(r["name"], dec(r.get("amount")), WAN, b.department, b.year, source_of(r),
                                      r["x"], None, {"category": r.get("category"), "funding": [],
                                                     "unit": r.get("unit"), "person": r.get("person"),
                                                     "supervisor": r.get("supervisor"),
                                                     "code": r.get("code"), "description": r.get("description"),
                                                     "period": r.get("period"), "aliases": [],
                                                     "initial_budget": dec(r.get("initial")),
                                                     "executed": dec(r.get("executed")),
                                                     "execution_rate": dec(r.get("rate")),
                                                     "score": dec(r.get("score")), "funds": {}})
            if r.get("fundsSource") is not None and r.get("fundsAmount") is not None:
                p.attrs["funds"][str(r["fundsSource"])] = dec(r["fundsAmount"])
            if r.get("funding") and r["funding"] not in p.attrs["funding"]:
                p.attrs["funding"].append(r["funding"])
            if r.get("alias") and r["alias"] not in p.attrs["aliases"] and r["alias"] != p.label:
                p.attrs["aliases"].append(r["alias"])
            if not p.source:
                p.source = source_of(r)
        return list(out.values())

    def _indicators(self, q: Query, rows: list[dict]) -> list[Row]:
        """Performance indicators as rows: the name as label, the target as printed (a money target printed in
        元 said in 万元 beside it, exactly), the weight, the levels and kinds as attributes."""
        out: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            i = out.get(r["x"])
            if i is None:
                i = out[r["x"]] = Row(r["name"], None, None, b.department if b else None, b.year if b else None,
                                      source_of(r), r["x"], r.get("target"),
                                      {"level1": r.get("level1"), "level2": r.get("level2"),
                                       "target": _with_wan(r.get("goal")),
                                       "weight": dec(r.get("weight")), "kinds": [],
                                       "core": _flag(r.get("core")), "actual": r.get("actual")})
            if r.get("kind") and r["kind"] not in i.attrs["kinds"]:
                i.attrs["kinds"].append(r["kind"])

        def order(x: str) -> tuple:
            tail = x.rsplit("/", 1)[-1]
            return (out[x].key or "", int(tail) if tail.isdigit() else 0)
        return [out[x] for x in sorted(out, key=order)]

    def _policies(self, q: Query, rows: list[dict]) -> list[Row]:
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            key = (r["x"], r["pol"])
            # one 文号 printed under two titles is one node with two titles: the project's own citation wins
            title = r.get("cited") or r.get("title")
            if key in out:
                if r.get("cited") and out[key].attrs.get("cited") is None:
                    out[key].label = r["cited"]
                    out[key].attrs["cited"] = r["cited"]
                continue
            out[key] = Row(title or r.get("number") or "", None, None, b.department if b else None,
                           b.year if b else None, b.source if b else None, r["pol"], r["x"],
                           {"number": r.get("number"), "project": r.get("project"), "cited": r.get("cited"),
                            "title": r.get("title")})
        return list(out.values())

    def _document_policies(self, q: Query, rows: list[dict]) -> list[Row]:
        """Each document a budget cites, once (at the first place it is cited), titled as cited."""
        out: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            key = (b.iri if b else None, r["pol"])
            if key not in out:
                out[key] = Row(r.get("cited") or r.get("title") or r.get("number") or "", None, None,
                               b.department if b else None, b.year if b else None, source_of(r), r["pol"], r.get("x"),
                               {"number": r.get("number"), "title": r.get("title")})
        return list(out.values())

    def _staff(self, q: Query, rows: list[dict]) -> list[Row]:
        out: list[Row] = []
        seen: set[str] = set()
        for r in rows:  # one row per document (the first of its files)
            b = self._owner(q, r)
            if b is None or b.iri in seen:
                continue
            seen.add(b.iri)
            for key in STAFF_PROPERTIES:
                if r.get(key) is not None:
                    out.append(Row(key, Decimal(int(r[key])), "人", b.department, b.year, r.get("file"), None, key))
        return out

    def _assets(self, q: Query, rows: list[dict]) -> list[Row]:
        """Vehicles and equipment: one row per holding (its kind, count, unit; held or planned); a class stated
        by its value alone (固定资产, 办公家具) has no count and no unit."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None or r["x"] in seen:
                continue
            planned = str(r.get("planned")).lower() in ("true", "1")
            unit = r.get("countUnit")
            seen[r["x"]] = Row(str(r["name"]), dec(r.get("count")), str(unit) if unit is not None else None,
                               b.department, b.year, source_of(r) or b.source, r["x"], str(r["kind"]),
                               {"planned": planned, "as_of": r.get("asOf"), "threshold": r.get("threshold"),
                                "value": dec(r.get("value")), "share": dec(r.get("share"))})
        return list(seen.values())

    def _unit_counts(self, q: Query, rows: list[dict]) -> list[Row]:
        """Counts of units the 部门概况 states: one row per count (its kind as printed, the number, 个/家;
        ``key`` is ``covered`` for every unit the budget covers, else ``kind``)."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None or r["x"] in seen:
                continue
            covered = str(r.get("covered")).lower() in ("true", "1")
            seen[r["x"]] = Row(str(r["kind"]), dec(r["count"]), str(r["countUnit"]), b.department, b.year,
                               source_of(r) or b.source, r["x"], "covered" if covered else "kind",
                               {"sentence": r.get("sentence"),
                                "names": str(r["names"]).split("、") if r.get("names") else []})
        return list(seen.values())

    _division_counts = _unit_counts  # the same statement of a count, of the department's divisions

    def _staff_kinds(self, q: Query, rows: list[dict]) -> list[Row]:
        """Staffing counts by kind of post: one row per count (its category — 编制数, 实有人数, 在职 —
        as the key, its kind — 行政, 事业 … — as an attribute)."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is not None and r["x"] not in seen:
                seen[r["x"]] = Row(str(r["name"]), Decimal(int(r["n"])), "人", b.department, b.year,
                                   source_of(r) or b.source, r["x"], str(r["category"]), {"kind": str(r["kind"])})
        return list(seen.values())

    def _staff_changes(self, q: Query, rows: list[dict]) -> list[Row]:
        """A staffing count's change from the year before: one row per count (its category — 在职, 退休 —
        as the key, the signed change as the amount)."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is not None and r["x"] not in seen:
                seen[r["x"]] = Row(str(r["name"]), Decimal(int(r["n"])), "人", b.department, b.year,
                                   source_of(r) or b.source, r["x"], str(r["category"]), {})
        return list(seen.values())

    def _stated(self, q: Query, rows: list[dict]) -> list[Row]:
        """Figures the narrative states: label, amount, and its period (current / previous) as key."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is not None and r["x"] not in seen:
                seen[r["x"]] = Row(str(r["name"]), dec(r["amount"]), WAN, b.department, b.year,
                                   source_of(r) or b.source, r["x"], str(r.get("period") or "current"),
                                   {"topic": r.get("topic"), "figure_key": r.get("figureKey"), "counts": [],
                                    "parent": r.get("parent"), "class": r.get("serviceClass"),
                                    "share": dec(r["share"]) if r.get("share") is not None else None,
                                    "date": str(r["date"]) if r.get("date") is not None else None,
                                    "events": str(r["events"]).split("、") if r.get("events") else []})
            if b is not None and r.get("count") is not None:  # the counts printed with it (one row each)
                seen[r["x"]].attrs["counts"].append((str(r.get("countLabel") or ""), dec(r["count"]),
                                                     str(r.get("countUnit") or "")))
        return list(seen.values())

    def _purchases(self, q: Query, rows: list[dict]) -> list[Row]:
        """The purchases of a 政府采购 table: what each is for as label, its amount, the item, category and
        method, and its money by source (``funds``: funding concept -> amount) as attributes."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            if r["x"] not in seen:
                seen[r["x"]] = Row(str(r["name"]), dec(r["amount"]), WAN, b.department, b.year, source_of(r) or b.source,
                                   r["x"], "purchase", {"item": r.get("item"), "category": r.get("category"),
                                                        "method": r.get("method"), "funds": {}})
            if r.get("fundsSource") is not None:
                seen[r["x"]].attrs["funds"][str(r["fundsSource"])] = dec(r["fundsAmount"])
        return list(seen.values())

    def _executions(self, q: Query, rows: list[dict]) -> list[Row]:
        """The narrative's 预算 vs 决算 statements: the subject as label, the 决算数 as amount, the 预算数
        and the reason as attributes."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is not None and r["x"] not in seen:
                seen[r["x"]] = Row(str(r["name"]), dec(r["amount"]), WAN, b.department, b.year, source_of(r) or b.source,
                                   r["x"], "execution", {"budget": dec(r.get("budget")), "reason": r.get("reason"),
                                                         "rate": dec(r.get("rate"))})
        return list(seen.values())

    def _coverage(self, q: Query, rows: list[dict]) -> list[Row]:
        """Performance-target coverage statements: scope (projects / department) as key, the money
        as amount, the count of projects (where stated) as an attribute."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is not None and r["x"] not in seen:
                n = r.get("n")
                seen[r["x"]] = Row(str(r.get("name") or ""), dec(r.get("amount")), WAN, b.department, b.year,
                                   source_of(r) or b.source, r["x"], str(r["scope"]),
                                   {"projects": int(n) if n is not None else None,
                                    "first_level": int(r["first"]) if r.get("first") is not None else None,
                                    "second_level": int(r["second"]) if r.get("second") is not None else None,
                                    "share": dec(r.get("share")),
                                    "named": [n for n in str(r.get("named") or "").split("、") if n]})
        return list(seen.values())

    def _self_evaluation(self, q: Query, rows: list[dict]) -> list[Row]:
        """A 部门整体支出绩效自评 and its task rows: the 全年预算数 as amount, the place (table /
        narrative) as key; executed, rate, score, weight, status, ``task`` and ``total`` as attributes."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None or r["x"] in seen:
                continue
            seen[r["x"]] = Row(str(r.get("name") or ""), dec(r.get("amount")), WAN, b.department, b.year,
                               source_of(r) or b.source, r["x"], str(r["source"]),
                               {"executed": dec(r.get("executed")), "rate": dec(r.get("rate")),
                                "score": dec(r.get("score")), "weight": dec(r.get("weight")),
                                "status": str(r["status"]) if r.get("status") else None,
                                "task": r.get("t") is not None, "total": bool(_flag(r.get("total")))})
        return list(seen.values())

    def _cross_cells(self, q: Query, rows: list[dict]) -> list[Row]:
        """Cells of a functional × economic table: the economic subject's name as label, its code as
        key; the functional subject, the 50x code and the column as attributes."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None or r["x"] in seen:
                continue
            seen[r["x"]] = Row(str(r.get("ename") or r["ecode"]), dec(r["amount"]), WAN, b.department, b.year,
                               source_of(r) or b.source, r["x"], str(r["ecode"]),
                               {"functional_code": str(r["fcode"]), "functional_name": str(r.get("fname") or ""),
                                "government_code": str(r["gcode"]) if r.get("gcode") else None,
                                "column": str(r["column"])})
        return list(seen.values())

    def _functions(self, q: Query, rows: list[dict]) -> list[Row]:
        out: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is not None and b.iri not in out:
                out[b.iri] = Row("主要职能", None, None, b.department, b.year, r.get("file"), None, "functions",
                                 {"text": r["functions"]})
        return list(out.values())

    def _divisions(self, q: Query, rows: list[dict]) -> list[Row]:
        seen: dict[tuple, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is not None:
                seen.setdefault((b.iri, r["name"]), Row(r["name"], None, None, b.department, b.year, b.source, r["x"]))
        return list(seen.values())

    _subordinates = _divisions

    def _findings(self, q: Query, rows: list[dict]) -> list[Row]:
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            seen.setdefault(r["x"], Row(r["where"], dec(r.get("printed")), WAN, b.department, b.year, source_of(r),
                                        r["x"], r.get("rule"), {"expected": dec(r.get("expected")),
                                                                "printed": dec(r.get("printed")),
                                                                "working": r.get("working"),
                                                                "severity": r.get("severity"),
                                                                "place": r.get("place")}))
        return list(seen.values())

    def _changes(self, q: Query, rows: list[dict]) -> list[Row]:
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None:
                continue
            down = str(r.get("direction")) in ("decrease", "减少", "下降")
            delta = dec(r.get("amount"))  # None: the statement gives only a rate (增长17.66%)
            if delta is not None and down:
                delta = -delta
            percent = dec(r.get("percent"))
            if percent is not None and down:
                percent = -percent
            seen.setdefault(r["x"], Row(str(r["subject"]), delta, WAN, b.department, b.year, source_of(r), r["x"],
                                        None, {"current": dec(r.get("current")), "percent": percent,
                                               "reason": r.get("reason"), "previous": dec(r.get("previous")),
                                               "printed_previous": dec(r.get("printedPrevious")),
                                               "direction": str(r.get("direction") or ""),
                                               "whole": str(r["whole"]) if r.get("whole") else None,
                                               "place": r.get("place"), "compared_with": r.get("comparedWith")}))
        return list(seen.values())

    def _previous(self, q: Query, rows: list[dict]) -> list[Row]:
        """A subject row's printed year before (``bkg:PreviousYearFigure``): the subject code as key, the
        change as amount — signed, as printed, else current − previous (a blank cell is 0) —, the rate
        signed as printed, the two figures, their kind, year, scope and what they leave out."""
        seen: dict[str, Row] = {}
        for r in rows:
            b = self._owner(q, r)
            if b is None or r["x"] in seen:
                continue
            down = str(r.get("direction")) == "decrease"
            current, previous = dec(r.get("current")), dec(r.get("previous"))
            delta = dec(r.get("amount"))
            delta = (-delta if down else delta) if delta is not None else (current or Decimal(0)) - (previous or Decimal(0))
            percent = dec(r.get("percent"))
            if percent is not None and down:
                percent = -percent
            seen[r["x"]] = Row(str(r.get("name") or ""), delta, WAN, b.department, b.year, source_of(r), r["x"],
                               str(r["code"]), {"current": current, "previous": previous, "percent": percent,
                                                "direction": "decrease" if delta < 0 else "increase" if delta > 0 else "flat",
                                                "kind": str(r["kind"]), "previous_year": int(r["previousYear"]) if r.get("previousYear") else None,
                                                "excluding": r.get("excluding"), "scope": r.get("scope"),
                                                "printed_change": r.get("amount") is not None, "table": True,
                                                "reason": None})
        return list(seen.values())

    def _definitions(self, q: Query, rows: list[dict]) -> list[Row]:
        out = []
        for r in rows:
            b = self._owner(q, r)
            if b is not None:
                out.append(Row(r["term"], None, None, b.department, b.year, b.source, None, "definition",
                               {"text": r["text"]}))
        return out


def words_of(text: str) -> str:
    """Text without spaces (for comparing names)."""
    return re.sub(r"\s+", "", text or "")


_YUAN_TARGET = re.compile(r"^\s*(?:[<>=≤≥]=?|不超过|不高于|不低于|约)?\s*(\d[\d,]*(?:\.\d+)?)\s*元\s*$")


def _with_wan(goal: str | None) -> str | None:
    """物业费 ≤96478.13元: the target as printed, with its amount in 万元 beside it (（合9.647813万元）), exactly —
    every other figure of an answer is in 万元. Any other target as printed."""
    if not goal:
        return goal
    m = _YUAN_TARGET.match(str(goal))
    if m is None:
        return goal
    wan = (Decimal(m.group(1).replace(",", "")) / 10000).normalize()
    return f"{goal}（合{format(wan, 'f')}万元）"
