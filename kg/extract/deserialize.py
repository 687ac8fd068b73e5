"""records.md JSON -> ``model.Record``: the inverse of ``serialize.py``, and the gate records
files pass before they reach the graph.

Why: the gold records in ``shared/gold/`` and any saved ``budgetkg extract --json`` output can be
turned back into typed records, so the graph can be built (and tested) from them without running
the extractor. Money strings become ``Decimal`` exactly; unknown keys are ignored.

Why a gate (``read_records_file``): a records file is input like any document and may be
hostile or broken — nested ten thousand levels deep, a list where a name belongs, ``"12,3x"`` as
an amount, ``NaN``, a lone surrogate, a 50 MB name. Each file is checked against the contract
(``shared/spec/records.md``: types, decimals that parse, codes of digits, the fixed vocabularies,
nesting depth and sizes) before any record of it is built; a file that fails is refused with
one ``RecordsError`` line naming where (``records[0].projects[2].amount``) and why, and the other
files of the run are read as usual.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from kg.extract.model import (FUNDS_KEYS, TOTAL_KEYS, AssetHolding, BudgetExecution, DepartmentSelfEvaluation, FunctionalEconomicCell, PreviousFigure, SelfEvaluationTask, Check, EconomicSubject, FunctionalSubject, Indicator, PairedSubject,
                              NarrativeFigure, PerformanceCoverage, PhasedFigure, PolicyDocument, Procurement,
                              Profile, Project, ProjectFunds, StatedCount,
                              Provenance, ProcurementItem, ProcurementItems, PurchasedService, PurchasedServices, Record, Staffing, SubjectIncome, UnitCount, UnitExpenditure, UnitIncome, UnitThreePublic, UnitEconomic, ThreePublic, Totals)


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
                      table=data.get("table"), row=data.get("row"), unit=data.get("unit"))


def _policy(data: dict) -> PolicyDocument:
    return PolicyDocument(title=data.get("title"), number=data.get("number"),
                          provenance=_prov(data.get("provenance")))


def _indicator(data: dict) -> Indicator:
    return Indicator(level1=data.get("level1"), level2=data.get("level2"), name=data["name"],
                     target=data.get("target"), weight=_money(data.get("weight")),
                     basis=data.get("basis"), actual=data.get("actual"), provenance=_prov(data.get("provenance")),
                     nature=data.get("nature"), core=data.get("core"))


def _funds(data: dict | None) -> ProjectFunds | None:
    if not data:
        return None
    return ProjectFunds(**{k: _money(data.get(k)) for k in FUNDS_KEYS})


def _project(data: dict) -> Project:
    return Project(
        name=data["name"], aliases=list(data.get("aliases") or []), amount=_figure(data, "amount"),
        category=data.get("category"), functional_code=data.get("functional_code"),
        funding_source=data.get("funding_source"), responsible_unit=data.get("responsible_unit"),
        responsible_person=data.get("responsible_person"), supervising_department=data.get("supervising_department"),
        policy_documents=[_policy(d) for d in data.get("policy_documents") or []],
        indicators=[_indicator(i) for i in data.get("indicators") or []],
        description=data.get("description"), execution_period=data.get("execution_period"),
        project_code=data.get("project_code"), executed=_figure(data, "executed"),
        execution_rate=_figure(data, "execution_rate"), self_evaluation_score=_figure(data, "self_evaluation_score"),
        initial_budget=_figure(data, "initial_budget"), funds=_funds(data.get("funds")),
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


def _functional(r: dict) -> FunctionalSubject:
    return FunctionalSubject(code=r.get("code"), name=r["name"], total=_figure(r, "total"), basic=_figure(r, "basic"),
                             project=_figure(r, "project"), provenance=_prov(r.get("provenance")),
                             path=tuple(r.get("path") or ()),
                             previous=[_previous(p) for p in r.get("previous") or []],
                             personnel=_figure(r, "personnel"), public=_figure(r, "public"))


def _previous(p: dict) -> PreviousFigure:
    """A row's year before as ``serialize.previous_json`` writes it."""
    return PreviousFigure(amount=_money(p.get("amount")), kind=p.get("kind") or "", year=p.get("year"),
                          current=_money(p.get("current")), change=_money(p.get("change")),
                          percent=_money(p.get("percent")), excluding=p.get("excluding"))


def _unit_income(r: dict) -> UnitIncome:
    sources = {key: _money((r.get("exact") or {}).get(key, value)) for key, value in (r.get("sources") or {}).items()}
    return UnitIncome(name=r["name"], own=bool(r.get("own")),
                      sources={k: v for k, v in sources.items() if v is not None}, provenance=_prov(r.get("provenance")))


def _unit_three_public(r: dict) -> UnitThreePublic:
    def figures(key: str, exact_key: str) -> dict:
        read = {k: _money((r.get(exact_key) or {}).get(k, v)) for k, v in (r.get(key) or {}).items()}
        return {k: v for k, v in read.items() if v is not None}

    return UnitThreePublic(name=r["name"], own=bool(r.get("own")), parts=figures("parts", "exact"),
                           provenance=_prov(r.get("provenance")), previous=figures("previous", "exact_previous"),
                           change=figures("change", "exact_change"))


def _unit_economic(r: dict) -> UnitEconomic:
    exact = r.get("exact") or {}
    funds = {key: _money(exact.get(key, value)) for key, value in (r.get("funds") or {}).items()}
    return UnitEconomic(unit=r["unit"], name=r["name"], own=bool(r.get("own")), kind=r.get("kind") or "basic",
                        code=r.get("code"), total=_money(exact.get("total", r.get("total"))),
                        funds={k: v for k, v in funds.items() if v is not None}, provenance=_prov(r.get("provenance")))


def _unit_expenditure(r: dict) -> UnitExpenditure:
    row = _unit_income(r)
    kinds = {key: _money((r.get("exact_kinds") or {}).get(key, value)) for key, value in (r.get("kinds") or {}).items()}
    return UnitExpenditure(name=row.name, own=row.own, sources=row.sources,
                           kinds={k: v for k, v in kinds.items() if v is not None}, provenance=row.provenance)


def _purchased_services(data: dict | None) -> PurchasedServices | None:
    """A 政府购买服务 table as ``serialize.purchased_services_json`` wrote it."""
    if not data:
        return None
    rows = [PurchasedService(name=r["name"], amount=_figure(r, "amount"),
                             classes=[(c.get("code"), c.get("name") or "") for c in r.get("classes") or []],
                             project=r.get("project"), provenance=_prov(r.get("provenance")))
            for r in data.get("rows") or []]
    return PurchasedServices(total=_figure(data, "total"), rows=rows, provenance=_prov(data.get("provenance")))


def _procurement_items(data: dict | None) -> ProcurementItems | None:
    """A 政府采购 table item by item as ``serialize.procurement_items_json`` wrote it."""
    if not data:
        return None
    rows = [ProcurementItem(project=r.get("project"), item=r.get("item"), amount=_figure(r, "amount"),
                            category=r.get("category"), economic=r.get("economic"), method=r.get("method"),
                            unit=r.get("unit"), functional_code=r.get("functional_code"), quantity=r.get("quantity"),
                            funds=_funds(r.get("funds")), provenance=_prov(r.get("provenance")))
            for r in data.get("rows") or []]
    return ProcurementItems(total=_figure(data, "total"), rows=rows, provenance=_prov(data.get("provenance")))


def _self_evaluation(e: dict) -> DepartmentSelfEvaluation:
    """A 部门整体支出绩效自评 as ``serialize.self_evaluation_json`` wrote it."""
    money_keys = ("budget", "budget_fiscal", "budget_other", "executed", "executed_fiscal", "executed_other")
    tasks = [SelfEvaluationTask(name=t["name"], content=t.get("content"), status=t.get("status"),
                                **{k: _figure(t, k) for k in money_keys}, weight=_money(t.get("weight")),
                                rate=_money(t.get("rate")), score=_money(t.get("score")), total=bool(t.get("total")),
                                provenance=_prov(t.get("provenance")))
             for t in e.get("tasks") or []]
    return DepartmentSelfEvaluation(source=e.get("source") or "table", score=_money(e.get("score")),
                                    budget=_figure(e, "budget"), executed=_figure(e, "executed"),
                                    rate=_money(e.get("rate")), tasks=tasks, text=e.get("text") or "",
                                    provenance=_prov(e.get("provenance")))


def _functional_economic(c: dict) -> FunctionalEconomicCell:
    return FunctionalEconomicCell(functional_code=c["functional_code"], functional_name=c.get("functional_name") or "",
                                  economic_code=c["economic_code"], economic_name=c.get("economic_name") or "",
                                  government_code=c.get("government_code"), government_name=c.get("government_name"),
                                  total=_figure(c, "total"), basic=_figure(c, "basic"), project=_figure(c, "project"),
                                  provenance=_prov(c.get("provenance")))


def _economic(r: dict) -> EconomicSubject:
    government = [PairedSubject(code=g.get("code"), name=g.get("name") or "", total=_money(g.get("total")))
                  for g in r.get("government_subjects") or []]
    return EconomicSubject(code=r["code"], name=r["name"], total=_figure(r, "total"), personnel=_figure(r, "personnel"),
                           public=_figure(r, "public"), provenance=_prov(r.get("provenance")),
                           project=_figure(r, "project"), basic=_figure(r, "basic"), government=government)


def _income(r: dict) -> SubjectIncome:
    sources = {key: _money((r.get("exact") or {}).get(key, value)) for key, value in (r.get("sources") or {}).items()}
    return SubjectIncome(code=r["code"], name=r["name"], sources={k: v for k, v in sources.items() if v is not None},
                         provenance=_prov(r.get("provenance")))


def record_from_json(data: dict) -> Record:
    """One records.md object -> Record."""
    prof = data.get("profile") or {}
    st = prof.get("staffing") or {}
    profile = Profile(divisions=list(prof.get("divisions") or []),
                      staffing=Staffing(authorized=st.get("编制数"), actual=st.get("实有人数"),
                                        active=st.get("在职"), retired=st.get("退休"),
                                        retired_veteran=st.get("离休"), retirees=st.get("离退休"),
                                        by_kind={k: dict(v) for k, v in (st.get("分类") or {}).items()},
                                        changes={k: int(v) for k, v in (st.get("变动") or {}).items()},
                                        provenance={k: p for k, p in ((k, _prov(v)) for k, v in
                                                                      (st.get("provenance") or {}).items()) if p}),
                      functions=prof.get("functions"),
                      subordinate_units=list(prof.get("subordinate_units") or []),
                      unit_counts=[UnitCount(kind=c["kind"], count=int(c["count"]), classifier=c.get("classifier") or "个",
                                             covered=bool(c.get("covered")), text=c.get("text") or "",
                                             provenance=_prov(c.get("provenance")), division=bool(c.get("division")),
                                             names=list(c.get("names") or []))
                                   for c in prof.get("unit_counts") or []])
    return Record(
        source=data["source"], department=data.get("department"), year=data.get("year"),
        kind=data.get("kind"), unit=data.get("unit"), profile=profile,
        totals=_totals(data.get("totals") or {}),
        functional_subjects=[_functional(r) for r in data.get("functional_subjects") or []],
        scoped_functional={scope: [_functional(r) for r in rows]
                           for scope, rows in (data.get("scoped_functional_subjects") or {}).items()},
        scoped_economic={scope: [_economic(r) for r in rows]
                         for scope, rows in (data.get("scoped_economic_subjects") or {}).items()},
        project_economic=[_economic(r) for r in data.get("project_economic_subjects") or []],
        functional_income=[_income(r) for r in data.get("functional_income") or []],
        unit_income=[_unit_income(r) for r in data.get("unit_income") or []],
        unit_expenditure=[_unit_expenditure(r) for r in data.get("unit_expenditure") or []],
        unit_three_public=[_unit_three_public(r) for r in data.get("unit_three_public") or []],
        unit_economic=[_unit_economic(r) for r in data.get("unit_economic") or []],
        purchased_services=_purchased_services(data.get("purchased_services")),
        procurement_items=_procurement_items(data.get("procurement_items")),
        economic_subjects=[_economic(r) for r in data.get("economic_subjects") or []],
        government_economic_subjects=[_economic(r) for r in data.get("government_economic_subjects") or []],
        projects=[_project(p) for p in data.get("projects") or []],
        department_indicators=[_indicator(i) for i in data.get("department_indicators") or []],
        policy_documents=[_policy(d) for d in data.get("policy_documents") or []],
        checks=[Check(rule=c["rule"], where=c["where"], expected=_figure(c, "expected"),
                      printed=_figure(c, "printed"), ok=bool(c.get("ok")),
                      provenance=_prov(c.get("provenance")), severity=c.get("severity"),
                      tolerance=_money(c.get("tolerance")), unit=c.get("unit"), note=c.get("note"),
                      place=c.get("place"))
                for c in data.get("checks") or []],
        narrative=[NarrativeFigure(topic=f["topic"], key=f["key"], label=f.get("label") or f["key"],
                                   value=_figure(f, "value"), printed=f.get("printed") or "",
                                   printed_unit=f.get("printed_unit") or "", period=f.get("period") or "current",
                                   scope=f.get("scope"), share=_money(f.get("share")), parent=f.get("parent"),
                                   provenance=_prov(f.get("provenance")), date=f.get("date"),
                                   events=list(f.get("events") or []),
                                   counts=[StatedCount(label=c.get("label") or "", count=Decimal(str(c["count"])),
                                                       unit=c.get("unit") or "", provenance=_prov(c.get("provenance")))
                                           for c in f.get("counts") or [] if c.get("count") is not None])
                   for f in data.get("narrative") or [] if f.get("value") is not None],
        assets=[AssetHolding(kind=a["kind"], count=_money(a.get("count")), count_unit=a.get("count_unit"),
                             value=_figure(a, "value"), planned=bool(a.get("planned")),
                             threshold=a.get("threshold"), as_of=a.get("as_of"),
                             share=_money(a.get("share")), provenance=_prov(a.get("provenance")))
                for a in data.get("assets") or []],
        performance_coverage=[PerformanceCoverage(scope=c["scope"], projects=c.get("projects"),
                                                  amount=_figure(c, "amount"), text=c.get("text") or "",
                                                  provenance=_prov(c.get("provenance")),
                                                  first_level=c.get("first_level"), second_level=c.get("second_level"),
                                                  share=_money(c.get("share")), named=list(c.get("named") or []))
                              for c in data.get("performance_coverage") or []],
        department_self_evaluation=[_self_evaluation(e) for e in data.get("department_self_evaluation") or []],
        functional_economic=[_functional_economic(c) for c in data.get("functional_economic") or []],
        files=list(data.get("files") or []), tables=list(data.get("tables") or []),
        sections=list(data.get("sections") or []),
        changes=list(data.get("changes") or []), definitions=dict(data.get("definitions") or {}),
        warnings=list(data.get("warnings") or []), template=data.get("template"),
        phased=[PhasedFigure(key=f["key"], phase=f["phase"], value=_figure(f, "value"),
                             provenance=_prov(f.get("provenance"))) for f in data.get("phased") or []],
        executions=[BudgetExecution(subject=e["subject"], code=e.get("code"), scope=e.get("scope") or "fiscal",
                                    budget_phase=e.get("budget_phase") or "initial_budget",
                                    budget=_money(e.get("budget")), final=_money(e.get("final")),
                                    rate=_money(e.get("rate")), reason=e.get("reason"),
                                    provenance=_prov(e.get("provenance"))) for e in data.get("executions") or []])


def records_from_json(text: str) -> list[Record]:
    """A JSON text holding one record object or a list of them, checked against the contract
    (``RecordsError`` where it does not follow it)."""
    data = parse_records_json(text)
    return [record_from_json(d) for d in data]


def load_records(path: str) -> list[Record]:
    """The records of a records file (``read_records_file`` with the default limits)."""
    return read_records_file(path)


# ----------------------------------------------------------------------------- the contract gate

MAX_DEPTH = 12               # records.md nests 6 deep (record > projects > [i] > indicators > [i] > provenance)
MAX_STRING = 100_000         # characters in one string (a 主要职能 text is a few thousand)
MAX_ITEMS = 200_000          # entries in one list or object
MAX_DIGITS = 20              # significant digits of an amount (10^15 元 is more than any budget)
KINDS = ("部门预算", "单位预算", "部门决算", "单位决算")
UNITS = ("万元", "元")
_CODE_RE = re.compile(r"^[0-9]{3}(?:[0-9]{2}){0,2}$")   # 类 211, 款 21103, 项 2110301
_ECONOMIC_CODE_RE = re.compile(r"^[0-9]{3}(?:[0-9]{2}){0,2}$")  # 类 301, 款 30101, a local sub-item 3010201 (重庆, 烟台)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RecordsError(ValueError):
    """A records file that cannot be read or does not follow records.md; the message is one line."""


def read_records_file(path: str, limits=None) -> list[Record]:
    """Read and check one records ``.json`` file; ``RecordsError`` with a one-line reason when the
    file cannot be read (a FIFO, a device, larger than ``max_text_mb``, not UTF-8) or breaks the
    contract. It is parsed in this process, so its size is what bounds its memory."""
    from kg.extract.errors import ExtractionError
    from kg.extract.limits import DEFAULT_LIMITS, MB, check_path, check_text_size

    limits = limits or DEFAULT_LIMITS
    try:
        check_text_size(path, check_path(path, limits), limits)  # JSON is text: --max-text-mb
    except ExtractionError as exc:
        raise RecordsError(exc.reason) from None
    bound = int(limits.max_text_mb * MB)
    try:
        with open(path, "rb") as handle:
            data = handle.read(bound + 1)
    except OSError as exc:
        raise RecordsError(f"cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordsError(f"not UTF-8 JSON: invalid byte at offset {exc.start}") from None
    data = parse_records_json(text)
    return [record_from_json(d) for d in data]


def parse_records_json(text: str) -> list[dict]:
    """JSON text -> the list of record objects it holds, each checked against the contract."""
    depth = json_depth(text)
    if depth > MAX_DEPTH:
        raise RecordsError(f"JSON nested more than {MAX_DEPTH} levels deep (records.md needs at most {MAX_DEPTH})")
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except RecordsError:
        raise
    except (ValueError, RecursionError) as exc:
        raise RecordsError(f"not valid JSON: {' '.join(str(exc).split())[:160]}") from None
    items = data if isinstance(data, list) else [data]
    errors: list[str] = []
    for i, item in enumerate(items):
        RECORD(item, f"records[{i}]" if isinstance(data, list) else "record", errors)
    if not items:
        errors.append("no record in the file")
    if errors:
        more = f"; … and {len(errors) - 3} more" if len(errors) > 3 else ""
        raise RecordsError("does not follow the records contract (records.md): " + "; ".join(errors[:3]) + more)
    return items


def json_depth(text: str) -> int:
    """How deep the brackets of a JSON text nest (strings skipped), without parsing it: a
    hostile file ten thousand levels deep would exhaust the parser's recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif ch in "]}":
            depth -= 1
    return deepest


def _no_constant(name: str):
    raise RecordsError(f"not valid JSON for records: {name} is not a number")


# A checker takes (value, where, errors) and appends "where: why" for what is wrong.
Checker = Callable[[Any, str, list], None]


def _text(value: Any, where: str, errors: list) -> None:
    if not isinstance(value, str):
        errors.append(f"{where}: expected text, found {_kind(value)}")
        return
    if len(value) > MAX_STRING:
        errors.append(f"{where}: text of {len(value)} characters (at most {MAX_STRING})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        errors.append(f"{where}: not valid Unicode (a lone surrogate)")
        return
    bad = _CONTROL_RE.search(value)
    if bad:
        errors.append(f"{where}: control character U+{ord(bad.group()):04X}")


def _decimal(value: Any, where: str, errors: list) -> None:
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal, float)):
        errors.append(f"{where}: expected a decimal (string or number), found {_kind(value)}")
        return
    text = str(value).strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        errors.append(f"{where}: {_short(text)} is not a decimal")
        return
    if not number.is_finite():
        errors.append(f"{where}: {_short(text)} is not a finite decimal")
    elif len(number.as_tuple().digits) > MAX_DIGITS or abs(number.as_tuple().exponent) > MAX_DIGITS:
        errors.append(f"{where}: {_short(text)} has more than {MAX_DIGITS} digits")


def _integer(low: int, high: int) -> Checker:
    def check(value: Any, where: str, errors: list) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(f"{where}: expected a whole number, found {_kind(value)}")
        elif not low <= value <= high:
            errors.append(f"{where}: {value} is not between {low} and {high}")
    return check


def _boolean(value: Any, where: str, errors: list) -> None:
    if not isinstance(value, bool):
        errors.append(f"{where}: expected true or false, found {_kind(value)}")


def _pattern(regex: re.Pattern, description: str) -> Checker:
    def check(value: Any, where: str, errors: list) -> None:
        if not isinstance(value, str):
            errors.append(f"{where}: expected {description}, found {_kind(value)}")
        elif not regex.match(value):
            errors.append(f"{where}: {_short(value)} is not {description}")
    return check


def _one_of(values: Callable[[], tuple[str, ...]] | tuple[str, ...]) -> Checker:
    def check(value: Any, where: str, errors: list) -> None:
        allowed = values() if callable(values) else values
        if not isinstance(value, str) or value not in allowed:
            errors.append(f"{where}: {_short(value)} is not one of {', '.join(allowed)}")
    return check


def _optional(checker: Checker) -> Checker:
    def check(value: Any, where: str, errors: list) -> None:
        if value is not None:
            checker(value, where, errors)
    return check


def _money_or_blank(value: Any, where: str, errors: list) -> None:
    if value is not None and value != "":
        _decimal(value, where, errors)


def _container(value: Any, kind: type, label: str, where: str, errors: list) -> bool:
    """True where ``value`` is a ``kind`` of at most ``MAX_ITEMS`` entries (its entries then get
    checked); otherwise the error is recorded. ``None`` is an absent value: nothing to check."""
    if value is None:
        return False
    if not isinstance(value, kind):
        errors.append(f"{where}: expected {label}, found {_kind(value)}")
        return False
    if len(value) > MAX_ITEMS:
        errors.append(f"{where}: {len(value)} entries (at most {MAX_ITEMS})")
        return False
    return True


def _list_of(checker: Checker) -> Checker:
    def check(value: Any, where: str, errors: list) -> None:
        if _container(value, list, "a list", where, errors):
            for i, item in enumerate(value):
                checker(item, f"{where}[{i}]", errors)
    return check


def _map_of(checker: Checker) -> Checker:
    def check(value: Any, where: str, errors: list) -> None:
        if _container(value, dict, "an object", where, errors):
            for key, item in value.items():
                _text(key, f"{where} key", errors)
                checker(item, f"{where}.{_short(key, 40)}", errors)
    return check


def _object(fields: dict[str, Checker], required: tuple[str, ...] = ()) -> Checker:
    """An object whose known keys are checked (unknown keys are allowed: records.md says "add
    keys freely") and whose ``required`` keys are present and not null."""
    def check(value: Any, where: str, errors: list) -> None:
        if not isinstance(value, dict):
            errors.append(f"{where}: expected an object, found {_kind(value)}")
            return
        if len(value) > MAX_ITEMS:
            errors.append(f"{where}: {len(value)} keys (at most {MAX_ITEMS})")
            return
        for key in required:
            if value.get(key) is None:
                errors.append(f"{where}.{key}: missing")
        for key, checker in fields.items():
            if key in value and not (key in required and value[key] is None):
                checker(value[key], f"{where}.{key}", errors)
    return check


def _nullable_object(fields: dict[str, Checker], required: tuple[str, ...] = ()) -> Checker:
    return _optional(_object(fields, required))


def _any(value: Any, where: str, errors: list) -> None:
    """Free content (depth and size are bounded for the whole file)."""


def _vocabulary(kind: str) -> Callable[[], tuple[str, ...]]:
    """The keys of a fixed concept scheme (ontology/schemes.ttl), read once: the one definition
    of the funding sources and project categories the graph knows."""
    def keys() -> tuple[str, ...]:
        from kg.vocabulary.ontology_files import scheme_keys

        return scheme_keys(kind)
    return keys


_TEXT = _optional(_text)
_PROVENANCE = _nullable_object({"file": _TEXT, "page": _optional(_integer(0, 1_000_000)),
                                "line": _optional(_integer(0, 100_000_000)), "table": _TEXT, "row": _TEXT})
_POLICY = _object({"title": _TEXT, "number": _TEXT, "provenance": _PROVENANCE})
_INDICATOR = _object({"level1": _TEXT, "level2": _TEXT, "name": _text, "target": _TEXT,
                      "weight": _money_or_blank, "basis": _TEXT, "actual": _TEXT, "provenance": _PROVENANCE,
                      "nature": _TEXT, "core": _optional(_boolean)}, required=("name",))
_PROJECT = _object({
    "name": _text, "aliases": _list_of(_text), "amount": _money_or_blank,
    "category": _optional(_one_of(_vocabulary("ProjectCategory"))),
    "functional_code": _optional(_pattern(_CODE_RE, "a functional subject code (3, 5 or 7 digits)")),
    "funding_source": _optional(_one_of(_vocabulary("FundingSource"))),
    "responsible_unit": _TEXT, "responsible_person": _TEXT, "supervising_department": _TEXT,
    "policy_documents": _list_of(_POLICY), "indicators": _list_of(_INDICATOR),
    "description": _TEXT, "execution_period": _TEXT, "project_code": _TEXT,
    "executed": _money_or_blank, "execution_rate": _money_or_blank, "self_evaluation_score": _money_or_blank,
    "initial_budget": _money_or_blank,
    "funds": _nullable_object({k: _money_or_blank for k in FUNDS_KEYS}),
    "provenance": _list_of(_PROVENANCE)}, required=("name",))
_MONEY_FIELDS = ("income_total", "expenditure_total", "current_year_income", "general_public_budget",
                 "upper_level_transfer", "government_fund", "state_capital", "unit_funds",
                 "carryover_total", "carryover_fiscal", "carryover_nonfiscal", "basic_expenditure",
                 "personnel", "public_expenses", "project_expenditure", "operating_expenses")
_TOTALS = _nullable_object({
    **{k: _money_or_blank for k in _MONEY_FIELDS},
    "three_public": _nullable_object({k: _money_or_blank for k in ThreePublic.__dataclass_fields__}),
    "procurement": _nullable_object({k: _money_or_blank for k in Procurement.__dataclass_fields__}),
    "provenance": _map_of(_PROVENANCE)})
_HEADCOUNT = _optional(_integer(0, 10_000_000))
_PROFILE = _nullable_object({
    "divisions": _list_of(_text), "functions": _TEXT, "subordinate_units": _list_of(_text),
    "staffing": _nullable_object({k: _HEADCOUNT for k in ("编制数", "实有人数", "在职", "退休", "离休")})})
_FUNCTIONAL_FIELDS = {"code": _optional(_pattern(_CODE_RE, "a functional subject code (3, 5 or 7 digits)")),
                      "name": _text, "total": _money_or_blank, "basic": _money_or_blank,
                      "project": _money_or_blank, "provenance": _PROVENANCE, "path": _list_of(_text),
                      "personnel": _money_or_blank, "public": _money_or_blank,
                      "previous": _list_of(_object({"amount": _money_or_blank, "kind": _text,
                                                    "year": _optional(_integer(1900, 2200)),
                                                    "current": _money_or_blank, "change": _money_or_blank,
                                                    "percent": _money_or_blank, "excluding": _TEXT},
                                                   required=("kind",)))}
_FUNCTIONAL_CODED = _object(_FUNCTIONAL_FIELDS, required=("code", "name"))
# a row printed without a code (a names-only table, its level by indentation) names its ancestors
_FUNCTIONAL_PLACED = _object(_FUNCTIONAL_FIELDS, required=("name", "path"))


def _FUNCTIONAL(value: Any, where: str, errors: list) -> None:
    """A functional subject row: coded, or code-less (``code`` null) with its ``path``."""
    placed = isinstance(value, dict) and value.get("code") is None and value.get("path")
    (_FUNCTIONAL_PLACED if placed else _FUNCTIONAL_CODED)(value, where, errors)


_INCOME = _object({"code": _pattern(_CODE_RE, "a functional subject code (3, 5 or 7 digits)"),
                   "name": _text, "sources": _map_of(_money_or_blank), "exact": _map_of(_text),
                   "provenance": _PROVENANCE}, required=("code", "name"))
_UNIT_INCOME = _object({"name": _text, "own": _optional(_boolean), "sources": _map_of(_money_or_blank),
                        "exact": _map_of(_text), "provenance": _PROVENANCE}, required=("name",))
_UNIT_EXPENDITURE = _object({"name": _text, "own": _optional(_boolean), "sources": _map_of(_money_or_blank),
                              "kinds": _map_of(_money_or_blank), "exact": _map_of(_text), "exact_kinds": _map_of(_text),
                              "provenance": _PROVENANCE}, required=("name",))
_UNIT_THREE_PUBLIC = _object({"name": _text, "own": _optional(_boolean), "parts": _map_of(_money_or_blank),
                               "exact": _map_of(_text), "provenance": _PROVENANCE,
                               "previous": _map_of(_money_or_blank), "exact_previous": _map_of(_text),
                               "change": _map_of(_money_or_blank), "exact_change": _map_of(_text)},
                              required=("name",))
_UNIT_ECONOMIC = _object({"unit": _text, "name": _text, "own": _optional(_boolean), "kind": _TEXT, "code": _TEXT,
                          "total": _money_or_blank, "funds": _map_of(_money_or_blank), "exact": _map_of(_text),
                          "provenance": _PROVENANCE}, required=("unit", "name"))
_PURCHASED_SERVICE = _object({"name": _text, "amount": _money_or_blank, "project": _TEXT,
                              "classes": _list_of(_object({"code": _TEXT, "name": _text})),
                              "exact": _map_of(_text), "provenance": _PROVENANCE}, required=("name",))
_PURCHASED_SERVICES = _object({"total": _money_or_blank, "exact": _map_of(_text), "provenance": _PROVENANCE,
                               "rows": _list_of(_PURCHASED_SERVICE)})
_PROCUREMENT_ITEM = _object({"project": _TEXT, "item": _TEXT, "amount": _money_or_blank, "category": _TEXT,
                             "economic": _TEXT, "method": _TEXT, "unit": _TEXT, "functional_code": _TEXT,
                             "quantity": _optional(_integer(0, 10**9)), "funds": _map_of(_money_or_blank),
                             "exact": _map_of(_text), "provenance": _PROVENANCE})
_PROCUREMENT_ITEMS = _object({"total": _money_or_blank, "exact": _map_of(_text), "provenance": _PROVENANCE,
                              "rows": _list_of(_PROCUREMENT_ITEM)})
_ECONOMIC = _object({"code": _pattern(_ECONOMIC_CODE_RE, "an economic subject code (3, 5 or 7 digits)"),
                     "name": _text, "total": _money_or_blank, "personnel": _money_or_blank,
                     "public": _money_or_blank, "provenance": _PROVENANCE}, required=("code", "name"))
# 政府预算支出经济分类: 501 … 599 (类), 50101 … (款)
_GOVERNMENT_ECONOMIC = _object({"code": _pattern(re.compile(r"^5\d{2}(?:\d{2})?$"), "a government economic subject code (5xx, 5xxxx)"),
                                "name": _text, "total": _money_or_blank, "personnel": _money_or_blank,
                                "public": _money_or_blank, "provenance": _PROVENANCE}, required=("code", "name"))
_CHECK = _object({"rule": _text, "where": _text, "expected": _money_or_blank, "printed": _money_or_blank,
                  "ok": _optional(_boolean), "provenance": _PROVENANCE, "place": _TEXT},
                 required=("rule", "where"))
_CHANGE = _object({"subject": _TEXT, "direction": _TEXT, "reason": _TEXT, "amount": _money_or_blank,
                   "percent": _money_or_blank, "current": _money_or_blank, "provenance": _PROVENANCE,
                   "place": _TEXT})
RECORD = _object({
    "source": _text, "department": _TEXT, "year": _optional(_integer(1900, 2200)),
    "kind": _optional(_one_of(KINDS)), "unit": _optional(_one_of(UNITS)),
    "profile": _PROFILE, "totals": _TOTALS,
    "functional_subjects": _list_of(_FUNCTIONAL), "scoped_functional_subjects": _map_of(_list_of(_FUNCTIONAL)),
    "scoped_economic_subjects": _map_of(_list_of(_ECONOMIC)), "project_economic_subjects": _list_of(_ECONOMIC),
    "economic_subjects": _list_of(_ECONOMIC), "functional_income": _list_of(_INCOME),
    "unit_income": _list_of(_UNIT_INCOME), "unit_expenditure": _list_of(_UNIT_EXPENDITURE),
    "unit_three_public": _list_of(_UNIT_THREE_PUBLIC),
    "unit_economic": _list_of(_UNIT_ECONOMIC),
    "purchased_services": _optional(_PURCHASED_SERVICES),
    "procurement_items": _optional(_PROCUREMENT_ITEMS),
    "government_economic_subjects": _list_of(_GOVERNMENT_ECONOMIC),
    "projects": _list_of(_PROJECT), "department_indicators": _list_of(_INDICATOR),
    "policy_documents": _list_of(_POLICY), "checks": _list_of(_CHECK),
    "files": _list_of(_text), "tables": _list_of(_map_of(_any)), "changes": _list_of(_CHANGE),
    "sections": _list_of(_map_of(_any)),
    "definitions": _map_of(_text), "warnings": _list_of(_text)}, required=("source",))


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, (int, float, Decimal)) else type(value).__name__)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
