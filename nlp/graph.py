"""Typed reads from the store: the only module that runs the SPARQL templates.

Every query run is appended to ``Graph.log`` so the answer can show the SPARQL that produced it.
Rows come back as ``nlp.rows`` dataclasses with money as ``Decimal`` in 万元, and a ``source``
string (file, page or line, table, row) for each figure.
"""
from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from decimal import Decimal
from functools import cached_property

from nlp import sparql_templates as T
from nlp.rows import (Budget, DefinitionRow, Figure, FindingRow, IndicatorRow, PolicyRow,
                      ProfileRow, ProjectRow, SubjectRow)

ITEM_BASE = "https://budgetkg.org/id/item/"
ITEM_LABELS = {
    "income_total": "收入总计", "expenditure_total": "支出总计", "current_year_income": "本年收入合计",
    "general_public_budget": "一般公共预算拨款收入", "upper_level_transfer": "上级转移支付",
    "government_fund": "政府性基金预算拨款收入", "state_capital": "国有资本经营预算拨款收入",
    "unit_funds": "单位资金", "carryover_total": "上年结转结余", "carryover_fiscal": "上年财政拨款结转",
    "carryover_nonfiscal": "上年非财政拨款结转结余", "basic_expenditure": "基本支出", "personnel": "人员经费",
    "public_expenses": "公用经费", "project_expenditure": "项目支出", "operating_expenses": "机关运行经费",
    "three_public.total": "“三公”经费合计", "three_public.overseas": "因公出国(境)费",
    "three_public.reception": "公务接待费", "three_public.vehicles": "公务用车购置及运行费",
    "three_public.vehicle_purchase": "公务用车购置费", "three_public.vehicle_operation": "公务用车运行费",
    "procurement.total": "政府采购预算", "procurement.goods": "政府采购货物类",
    "procurement.works": "政府采购工程类", "procurement.services": "政府采购服务类",
}
# What a 比上年 statement's subject must say for it to be about a figure.
CHANGE_WORDS = {
    "general_public_budget": ("一般公共预算",), "income_total": ("收入总", "收支总", "收入预算"),
    "expenditure_total": ("支出总", "支出预算"), "basic_expenditure": ("基本支出",),
    "project_expenditure": ("项目支出",), "unit_funds": ("单位资金",), "carryover_fiscal": ("财政拨款结转",),
    "carryover_nonfiscal": ("非财政拨款结转",), "operating_expenses": ("机关运行经费",),
    "three_public.total": ("三公",), "three_public.overseas": ("出国",), "three_public.reception": ("接待",),
    "three_public.vehicle_purchase": ("用车购置", "车辆购置", "公车购置"),
    "three_public.vehicle_operation": ("用车运行", "车辆运行", "公车运行"),
    "three_public.vehicles": ("公务用车",), "procurement.total": ("政府采购",),
}
CHANGE_LABELS = {"three_public.total": "“三公”经费", "three_public.overseas": "因公出国(境)费",
                 "three_public.reception": "公务接待费", "three_public.vehicles": "公务用车购置及运行费",
                 "three_public.vehicle_purchase": "公务用车购置费", "three_public.vehicle_operation": "公务用车运行费",
                 "procurement.total": "政府采购预算"}


def _about(subject: str, key: str) -> bool:
    """Whether a 比上年 statement's subject is about the figure ``key`` (``word:培训费``: a
    statement whose subject names that word)."""
    if key.startswith("word:"):
        return key[5:] in subject
    if re.search(r"[（(](类|款|项)[）)]", subject):  # a classification subject's own change
        return False
    words = CHANGE_WORDS.get(key, ())
    if key == "general_public_budget" and "转移支付" in subject:
        return False
    return any(w in subject for w in words)


STAFF = [("authorized", "编制数"), ("actual", "实有人数"), ("active", "在职"), ("retired", "退休"),
         ("veteran", "离休")]


def _py(term):
    """An rdflib term → a Python value (Decimal for xsd:decimal, int, str)."""
    if term is None:
        return None
    from rdflib import Literal
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, float):
            return Decimal(str(term))
        return value if not isinstance(value, Literal) else str(term)
    return str(term)


def _dec(value) -> Decimal | None:
    """A number from a row as ``Decimal`` (never through float)."""
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


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


def display_name(labels: list[str]) -> str:
    """One name among a department's labels: the longest (the full official form)."""
    return max(labels, key=lambda n: (len(n), n))


class Graph:
    """The store seen through the templates. ``log`` holds every SPARQL text run."""

    def __init__(self, store) -> None:
        self.store = store
        self.log: list[str] = []

    def run(self, sparql: str, record: bool = True) -> list[dict]:
        """Run one query; rows as dicts of Python values. Logged unless ``record`` is false."""
        if record:
            self.log.append(sparql)
        result = self.store.query(sparql)
        if hasattr(result, "dicts"):
            rows = result.dicts()
        else:  # a bare backend result: (vars, rows)
            rows = [dict(r) for r in result]
        return [{k: _py(v) for k, v in r.items()} for r in rows]

    # ------------------------------------------------------------------ budgets and names
    @cached_property
    def _budgets(self) -> list[Budget]:
        """Every budget document with its department's display name, read once."""
        rows = self.run(T.PREFIXES + T.BUDGETS, record=False)
        labels: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            labels[r["dept"]].append(r["label"])
        seen: dict[str, Budget] = {}
        for r in rows:
            seen[r["doc"]] = Budget(r["doc"], display_name(labels[r["dept"]]), r["dept"], int(r["year"]),
                                    r.get("kind"), r.get("file"))
        return sorted(seen.values(), key=lambda b: (b.department, b.year))

    def budgets(self) -> list[Budget]:
        """Every budget in the graph, sorted by department and year."""
        return list(self._budgets)

    def _budget(self, doc: str) -> Budget | None:
        """The budget whose document IRI is ``doc``."""
        return next((b for b in self._budgets if b.iri == doc), None)

    # ------------------------------------------------------------------ figures
    def figures(self, budgets: list[Budget], keys: list[str]) -> list[Figure]:
        """Department-level figures (``totals`` items such as ``basic_expenditure``, ``three_public.total``) of the budgets."""
        if not budgets or not keys:
            return []
        q = T.fill(T.FIGURES, doc=[("iri", b.iri) for b in budgets],
                   item=[("iri", ITEM_BASE + k) for k in keys])
        out: dict[tuple[str, str], Figure] = {}  # one figure per budget and item (a figure may have several sources)
        for r in self.run(q):
            b = self._budget(r["doc"])
            key = r["item"][len(ITEM_BASE):] if r["item"].startswith(ITEM_BASE) else r["item"].rsplit("/", 1)[-1]
            if b is None or (b.iri, key) in out:
                continue
            out[(b.iri, key)] = Figure(key, ITEM_LABELS.get(key, key), _dec(r["amount"]), b.department, b.year,
                                       source_of(r))
        order = {k: i for i, k in enumerate(keys)}
        return sorted(out.values(), key=lambda f: (f.department, f.year, order.get(f.key, 99)))

    def subjects(self, budgets: list[Budget], scheme: str) -> list[SubjectRow]:
        """Every row of the functional or economic classification table of the budgets, one per code and column."""
        if not budgets:
            return []
        cls = "bkg:FunctionalSubject" if scheme == "functional" else "bkg:EconomicSubject"
        q = T.fill(T.SUBJECTS, subject_type=cls, doc=[("iri", b.iri) for b in budgets])
        out: dict[tuple, SubjectRow] = {}
        for r in self.run(q):
            b = self._budget(r["doc"])
            if b is None:
                continue
            key = (b.iri, r["code"], r["kind"])
            if key not in out:
                out[key] = SubjectRow(str(r["code"]), r.get("printed") or r.get("name") or "", r["kind"],
                                      _dec(r["amount"]),
                                      b.department, b.year, source_of(r))
        return sorted(out.values(), key=lambda s: (s.department, s.year, s.code))

    # ------------------------------------------------------------------ projects
    def projects(self, budgets: list[Budget] | None, iris: list[str] | None = None) -> list[ProjectRow]:
        """Projects of the budgets (or the projects ``iris``), with amount, category, funding, unit, person, aliases."""
        docs = [("iri", b.iri) for b in budgets] if budgets else []
        if budgets is not None and not budgets:
            return []
        q = T.fill(T.PROJECTS, doc=docs, x=[("iri", i) for i in iris or []])
        out: dict[str, ProjectRow] = {}
        for r in self.run(q):
            b = self._budget(r["doc"])
            if b is None:
                continue
            p = out.get(r["x"])
            if p is None:
                p = out[r["x"]] = ProjectRow(r["x"], r["name"], b.department, b.year, _dec(r.get("amount")),
                                             r.get("category"), [], [], r.get("unit"), r.get("person"),
                                             r.get("code"), r.get("description"), [], source_of(r))
            if r.get("funding") and r["funding"] not in p.funding:
                p.funding.append(r["funding"])
            if r.get("fundingLabel") and r["fundingLabel"] not in p.funding_labels:
                p.funding_labels.append(r["fundingLabel"])
            if not p.source:
                p.source = source_of(r)
        rows = list(out.values())
        if rows:
            q = T.fill(T.PROJECT_ALIASES, x=[("iri", p.iri) for p in rows])
            for r in self.run(q, record=False):
                if r["x"] in out and r["alias"] not in out[r["x"]].aliases:
                    out[r["x"]].aliases.append(r["alias"])
        for p in rows:  # the preferred label first (prefLabel is the longest Chinese one)
            p.funding_labels.sort(key=lambda s: (-len(s)))
        return sorted(rows, key=lambda p: (p.department, p.year, -(p.amount or 0), p.name))

    def topic_projects(self, topics: list[str], budgets: list[Budget]) -> list[str]:
        """IRIs of the budgets' projects that the graph links to the topics (bkg:concerns)."""
        if not topics or not budgets:
            return []
        q = T.fill(T.TOPIC_PROJECTS, doc=[("iri", b.iri) for b in budgets], topic=[("iri", t) for t in topics])
        return [r["x"] for r in self.run(q)]

    def indicators(self, projects: list[str]) -> list[IndicatorRow]:
        """The performance indicators of the projects, in the order of their tables."""
        if not projects:
            return []
        q = T.fill(T.INDICATORS, project=[("iri", p) for p in projects])
        out: dict[str, IndicatorRow] = {}
        order: dict[str, int] = {}
        for r in self.run(q):
            tail = r["x"].rsplit("/", 1)[-1]
            order[r["x"]] = int(tail) if tail.isdigit() else 0
            i = out.get(r["x"])
            if i is None:
                i = out[r["x"]] = IndicatorRow(r["project"], r["name"], r.get("level1"), r.get("level2"),
                                               r.get("target"), _dec(r.get("weight")), [], source=source_of(r))
            if r.get("kind") and r["kind"] not in i.kinds:
                i.kinds.append(r["kind"])
        return [out[x] for x in sorted(out, key=lambda x: (out[x].project, order[x]))]

    def policies_of(self, projects: list[str]) -> dict[str, list[PolicyRow]]:
        """The policy documents each project cites (bkg:basedOn), by project IRI."""
        if not projects:
            return {}
        q = T.fill(T.POLICIES_OF, project=[("iri", p) for p in projects])
        out: dict[str, list[PolicyRow]] = defaultdict(list)
        fit: dict[tuple[str, str], float] = {}
        for r in self.run(q):
            # one 文号 printed under two titles (two notices sharing 克财预[2024]001号) is one node
            # with two titles: each project gets the title closest to its own name
            title, name = r.get("title"), r.get("pname") or ""
            score = SequenceMatcher(None, title or "", name, autojunk=False).ratio() if title else -1.0
            key = (r["project"], r["pol"])
            row = next((x for x in out[r["project"]] if x.iri == r["pol"]), None)
            if row is None:
                out[r["project"]].append(PolicyRow(r["pol"], title, r.get("number")))
                fit[key] = score
            elif score > fit[key]:
                row.title, fit[key] = title, score
        return dict(out)

    def projects_citing(self, policies: list[str], every: bool = False) -> list[ProjectRow]:
        """Projects citing any of ``policies`` (with ``every``: citing any policy document)."""
        if not policies and not every:
            return []
        q = T.fill(T.CITING, pol=[("iri", p) for p in policies])
        iris = [r["x"] for r in self.run(q)]
        return self.projects(None, iris) if iris else []

    # ------------------------------------------------------------------ profile, findings, terms
    def profiles(self, budgets: list[Budget]) -> list[ProfileRow]:
        """Staffing, functions and divisions printed in the budgets' 部门概况."""
        if not budgets:
            return []
        docs = [("iri", b.iri) for b in budgets]
        out: dict[str, ProfileRow] = {}
        for r in self.run(T.fill(T.PROFILE, doc=docs)):
            b = self._budget(r["doc"])
            if b is None:
                continue
            staffing = {label: int(r[k]) for k, label in STAFF if r.get(k) is not None}
            out[b.iri] = ProfileRow(b.department, b.year, staffing, [], r.get("functions"), b.source)
        for r in self.run(T.fill(T.DIVISIONS, doc=docs)):
            if r["doc"] in out and r["name"] not in out[r["doc"]].divisions:
                out[r["doc"]].divisions.append(r["name"])
        for r in self.run(T.fill(T.SUBORDINATES, doc=docs)):
            b = self._budget(r["doc"])
            if b is None:
                continue
            row = out.setdefault(b.iri, ProfileRow(b.department, b.year, {}, [], None, b.source))
            if r["name"] not in row.subordinates:
                row.subordinates.append(r["name"])
        return list(out.values())

    def findings(self, budgets: list[Budget]) -> list[FindingRow]:
        """The budgets' failed arithmetic checks, one per finding."""
        if not budgets:
            return []
        out = []
        seen: set[str] = set()
        for r in self.run(T.fill(T.FINDINGS, doc=[("iri", b.iri) for b in budgets])):
            b = self._budget(r["doc"])
            if b is None or r["x"] in seen:
                continue
            seen.add(r["x"])
            out.append(FindingRow(r.get("rule") or "", r["where"], _dec(r.get("expected")), _dec(r.get("printed")),
                                  b.department, b.year, source_of(r)))
        return out

    def definitions(self, terms: list[str]) -> list[DefinitionRow]:
        """名词解释 texts of the terms, from every budget that defines them."""
        if not terms:
            return []
        out = []
        for r in self.run(T.fill(T.DEFINITIONS, term=list(terms))):
            b = self._budget(r["doc"])
            if b is not None:
                out.append(DefinitionRow(r["term"], r["text"], b.department, b.year, b.source))
        return out

    def changes(self, budgets: list[Budget], metrics: list[str]) -> list[dict]:
        """比上年增加/减少 statements about ``metrics`` (see ``sparql_templates.CHANGES``): each
        with ``label``, ``current`` and signed ``delta`` (Decimal 万元), ``percent``, ``source``."""
        if not budgets:
            return []
        out = []
        for r in self.run(T.fill(T.CHANGES, doc=[("iri", b.iri) for b in budgets])):
            b = self._budget(r["doc"])
            subject = str(r.get("subject") or "")
            key = next((m for m in metrics if _about(subject, m)), None)
            if b is None or key is None or r.get("amount") is None:
                continue
            delta = _dec(r["amount"])
            if str(r.get("direction")) in ("decrease", "减少", "下降"):
                delta = -delta
            label = CHANGE_LABELS.get(key) or ITEM_LABELS.get(key) or re.sub(r"预算支出$|支出$", "", subject)
            out.append({"key": key, "label": label, "subject": subject,
                        "current": _dec(r.get("current")), "delta": delta, "percent": _dec(r.get("percent")),
                        "department": b.department, "year": b.year, "source": source_of(r)})
        return out

    # ------------------------------------------------------------------ catalogue rows
    def catalog_rows(self) -> dict[str, list[dict]]:
        """Every name the linker needs, one query per kind (not logged: not part of an answer)."""
        out = {}
        for kind, q in (("departments", T.DEPARTMENTS), ("projects", T.PROJECT_NAMES),
                        ("subjects", T.SUBJECT_NAMES), ("policies", T.POLICY_NAMES),
                        ("divisions", T.DIVISION_NAMES), ("topics", T.TOPIC_NAMES), ("terms", T.TERM_NAMES)):
            out[kind] = self.run(T.PREFIXES + q, record=False)
        return out

