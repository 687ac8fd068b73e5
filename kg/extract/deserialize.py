"""records.md JSON -> ``model.Record``: the inverse of ``serialize.py``.

Why: the gold records in ``shared/gold/`` and any saved ``budgetkg extract --json`` output can be
turned back into typed records, so the graph can be built (and tested) from them without running
the extractor. Money strings become ``Decimal`` exactly; unknown keys are ignored.
"""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from kg.extract.model import (TOTAL_KEYS, Check, PhasedFigure, EconomicSubject, FunctionalSubject, Indicator, PolicyDocument,
                              Procurement, Profile, Project, Provenance, Record, Staffing,
                              ThreePublic, Totals)


def _money(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):  # never trust a float's binary value: go through its repr
        return Decimal(repr(value))
    return Decimal(str(value))


def _figure(data: dict, key: str, exact_key: str | None = None) -> Decimal | None:
    """A money key, its every digit taken from ``exact`` where the record keeps it there."""
    exact = data.get("exact") or {}
    return _money(exact.get(exact_key or key, data.get(key)))


def _prov(data: Any) -> Provenance | None:
    if not isinstance(data, dict) or not data.get("file"):
        return None
    return Provenance(file=data["file"], page=data.get("page"), line=data.get("line"),
                      table=data.get("table"), row=data.get("row"))


def _policy(data: dict) -> PolicyDocument:
    return PolicyDocument(title=data.get("title"), number=data.get("number"),
                          provenance=_prov(data.get("provenance")))


def _indicator(data: dict) -> Indicator:
    return Indicator(level1=data.get("level1"), level2=data.get("level2"), name=data["name"],
                     target=data.get("target"), weight=_money(data.get("weight")),
                     basis=data.get("basis"), provenance=_prov(data.get("provenance")))


def _project(data: dict) -> Project:
    return Project(
        name=data["name"], aliases=list(data.get("aliases") or []), amount=_figure(data, "amount"),
        category=data.get("category"), functional_code=data.get("functional_code"),
        funding_source=data.get("funding_source"), responsible_unit=data.get("responsible_unit"),
        responsible_person=data.get("responsible_person"),
        policy_documents=[_policy(d) for d in data.get("policy_documents") or []],
        indicators=[_indicator(i) for i in data.get("indicators") or []],
        description=data.get("description"), execution_period=data.get("execution_period"),
        project_code=data.get("project_code"),
        provenance=[p for p in (_prov(x) for x in data.get("provenance") or []) if p])


def _totals(data: dict) -> Totals:
    t = Totals()
    exact = data.get("exact") or {}
    for key in TOTAL_KEYS:
        setattr(t, key, _figure(data, key))
    tp = data.get("three_public") or {}
    t.three_public = ThreePublic(**{k: _money(exact.get(f"three_public.{k}", tp.get(k)))
                                    for k in ThreePublic.__dataclass_fields__})
    pr = data.get("procurement") or {}
    t.procurement = Procurement(**{k: _money(exact.get(f"procurement.{k}", pr.get(k)))
                                   for k in Procurement.__dataclass_fields__})
    t.provenance = {k: p for k, p in ((k, _prov(v)) for k, v in (data.get("provenance") or {}).items()) if p}
    return t


def record_from_json(data: dict) -> Record:
    """One records.md object -> Record."""
    prof = data.get("profile") or {}
    st = prof.get("staffing") or {}
    profile = Profile(divisions=list(prof.get("divisions") or []),
                      staffing=Staffing(authorized=st.get("编制数"), actual=st.get("实有人数"),
                                        active=st.get("在职"), retired=st.get("退休"),
                                        retired_veteran=st.get("离休")),
                      functions=prof.get("functions"),
                      subordinate_units=list(prof.get("subordinate_units") or []))
    return Record(
        source=data["source"], department=data.get("department"), year=data.get("year"),
        kind=data.get("kind"), unit=data.get("unit"), profile=profile,
        totals=_totals(data.get("totals") or {}),
        functional_subjects=[FunctionalSubject(code=r["code"], name=r["name"], total=_figure(r, "total"),
                                               basic=_figure(r, "basic"), project=_figure(r, "project"),
                                               provenance=_prov(r.get("provenance")))
                             for r in data.get("functional_subjects") or []],
        economic_subjects=[EconomicSubject(code=r["code"], name=r["name"], total=_figure(r, "total"),
                                           personnel=_figure(r, "personnel"), public=_figure(r, "public"),
                                           provenance=_prov(r.get("provenance")))
                           for r in data.get("economic_subjects") or []],
        projects=[_project(p) for p in data.get("projects") or []],
        department_indicators=[_indicator(i) for i in data.get("department_indicators") or []],
        policy_documents=[_policy(d) for d in data.get("policy_documents") or []],
        checks=[Check(rule=c["rule"], where=c["where"], expected=_figure(c, "expected"),
                      printed=_figure(c, "printed"), ok=bool(c.get("ok")),
                      provenance=_prov(c.get("provenance")))
                for c in data.get("checks") or []],
        files=list(data.get("files") or []), tables=list(data.get("tables") or []),
        changes=list(data.get("changes") or []), definitions=dict(data.get("definitions") or {}),
        warnings=list(data.get("warnings") or []), template=data.get("template"),
        phased=[PhasedFigure(key=f["key"], phase=f["phase"], value=_figure(f, "value"),
                             provenance=_prov(f.get("provenance"))) for f in data.get("phased") or []])


def records_from_json(text: str) -> list[Record]:
    """A JSON text holding one record object or a list of them."""
    data = json.loads(text)
    return [record_from_json(d) for d in (data if isinstance(data, list) else [data])]


def load_records(path: str) -> list[Record]:
    with open(path, encoding="utf-8") as fh:
        return records_from_json(fh.read())
