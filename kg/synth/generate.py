"""Draw departments and their budgets, year after year, from a seed.

Determinism: department *i* of a corpus depends only on the seed and *i* (its own
``random.Random``), and its budget of year *y* only on the seed, *i*, *y* and its budget of the
year before — so a corpus can be generated one document at a time (streaming), in any size, and
the same seed gives the same documents byte for byte.

Continuity: a department keeps most of its projects from one year to the next (same name, amount
changed by up to a third), carries part of last year's money over (上年结转, the same project
names), and its narrative states every change against last year's figures (比上年).
"""
from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator

from kg.extract.model import Indicator, PolicyDocument, Staffing
from kg.synth.budget import CENT, ZERO, Budget, Department, ProjectPlan
from kg.synth.departments import GIVEN, KINDS, SURNAMES, DepartmentKind, ProjectStem
from kg.synth.places import PROVINCES, Prefecture, Province
from kg.synth.templates import template

# Which template each province publishes in (data: a province added here needs its template).
PROVINCE_TEMPLATE = {"xinjiang": "xinjiang", "jiangsu": "jiangsu", "shanghai": "shanghai"}
# Provinces whose own (省级) departments are generated too (江苏省生态环境厅)
PROVINCE_LEVEL = {"jiangsu": True}


def money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def _share(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(str(round(rng.uniform(low, high), 4)))


# --- departments -----------------------------------------------------------------------------

def _slots(templates: tuple[str, ...]) -> list[tuple[str, Prefecture, str | None, str, int]]:
    """Every (province key, prefecture, county or None, kind key, unit index or -1) there is."""
    out = []
    for key, province in PROVINCES.items():
        if PROVINCE_TEMPLATE[key] not in templates:
            continue
        places = [(None, None)] if PROVINCE_LEVEL.get(key) else []
        places += [(pref, county) for pref in province.prefectures for county in (None,) + pref.counties]
        for pref, county in places:
            for kind_key, kind in KINDS.items():
                for unit in range(-1, len(kind.unit_suffixes)):
                    out.append((key, pref, county, kind_key, unit))
    return out


def departments(count: int, seed: int, templates: tuple[str, ...]) -> list[Department]:
    """``count`` distinct departments, shuffled by ``seed`` over every place × kind × unit."""
    slots = _slots(templates)
    if count > len(slots):
        raise ValueError(f"at most {len(slots)} distinct departments with templates {', '.join(templates)}; "
                         f"{count} asked")
    random.Random(f"departments:{seed}").shuffle(slots)
    return [make_department(*slot, seed=seed) for slot in slots[:count]]


# Characters the extractor cuts a 文号 prefix at (it reads ``和政发〔2021〕5号`` as ``政发…``, see
# the report of issue 12): a place whose prefix holds one cites the level above's documents.
_CUT_CHARACTERS = set("和与及在对经厅局室府会的据为是")


def _place_names(province: Province, pref: Prefecture | None, county: str | None) -> tuple[str, str, str]:
    """(full prefix of a department name, short place for project names, 文号 prefix)."""
    if pref is None:
        return province.name, province.name, province.doc_prefix
    if province.name == "上海市":
        return (f"上海市{county}" if county else "上海市"), (county or "上海市"), "沪"
    prefixes = [pref.doc_prefix, province.doc_prefix]
    if county is None:
        name, place = pref.name, pref.short
    else:
        name = (pref.name if province.name == "江苏省" and not county.endswith("市") else "") + county
        place = county
        prefixes.insert(0, county[0])  # a county's 文号 prefix is its first character (玛政发)
    doc_prefix = next(p for p in prefixes if not set(p) & _CUT_CHARACTERS)
    return name, place, doc_prefix


def make_department(province_key: str, pref: Prefecture | None, county: str | None, kind_key: str, unit: int,
                    seed: int) -> Department:
    province = PROVINCES[province_key]
    kind = KINDS[kind_key]
    rng = random.Random(f"department:{seed}:{province_key}:{pref.name if pref else ''}:{county}:{kind_key}:{unit}")
    prefix, place, doc_prefix = _place_names(province, pref, county)
    parent_name = prefix + (kind.provincial_suffix if pref is None and kind.provincial_suffix else kind.suffix)
    # a unit is named after its place as people there say it: 昌吉州环境监测站, 玛纳斯县…, but
    # 南京市玄武区… / 上海市普陀区… (a district alone is not a place name)
    short_place = prefix if province.name in ("江苏省", "上海市") else (place if county or pref is None else pref.short)
    if unit >= 0:
        short = short_place
        name, parent = short + kind.unit_suffixes[unit], parent_name
        divisions = tuple(rng.sample(("办公室", "业务科", "综合科", "技术科", "财务科", "监测科"), rng.randint(2, 4)))
        subordinate = ()
    else:
        name, parent = parent_name, None
        divisions = tuple(rng.sample(kind.divisions, rng.randint(4, len(kind.divisions))))
        units = [short_place + s for s in kind.unit_suffixes]
        subordinate = tuple(units[: rng.randint(0, len(units))])
    return Department(name=name, kind=kind, province=province, prefecture=pref, county=county, place=place,
                      doc_prefix=doc_prefix, parent=parent, divisions=divisions, subordinate_units=subordinate,
                      template=PROVINCE_TEMPLATE[province_key])


# --- one year's budget -----------------------------------------------------------------------

def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _staffing(rng: random.Random, prior: Budget | None) -> Staffing:
    if prior is None:
        authorized = rng.randint(6, 60)
        active = max(3, authorized - rng.randint(0, 3))
        retired = rng.randint(0, authorized)
    else:
        s = prior.staffing
        authorized = s.authorized
        active = max(3, min(authorized, s.active + rng.randint(-2, 2)))
        retired = max(0, s.retired + rng.randint(-1, 3))
    return Staffing(authorized=authorized, actual=active + retired, active=active, retired=retired, retired_veteran=0)


def _economic(rng: random.Random, staffing: Staffing, is_unit: bool) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """The basic expenditure by economic 款: salaries from head count, contributions as shares."""
    n = staffing.active
    wage = money(n * rng.uniform(2.6, 4.2))
    allowance = money(n * rng.uniform(2.0, 3.6))
    bonus = money(n * rng.uniform(0.6, 1.4))
    performance = money(n * rng.uniform(1.5, 3.0)) if is_unit else None
    base = wage + allowance + bonus + (performance or ZERO)
    personnel = [("30101", wage), ("30102", allowance), ("30103", bonus)]
    if performance is not None:
        personnel.append(("30107", performance))
    personnel += [("30108", money(float(base) * 0.16)), ("30109", money(float(base) * 0.08)),
                  ("30110", money(float(base) * rng.uniform(0.07, 0.09)))]
    if not is_unit:
        personnel.append(("30111", money(float(base) * rng.uniform(0.005, 0.012))))
    personnel += [("30112", money(float(base) * rng.uniform(0.002, 0.006))), ("30113", money(float(base) * 0.12))]
    if staffing.retired:
        personnel.append(("30302", money(staffing.retired * rng.uniform(0.05, 0.3))))
    if rng.random() < 0.4:
        personnel.append(("30309", money(n * rng.uniform(0.1, 0.3))))
    public = [("30201", money(n * rng.uniform(0.08, 0.3))), ("30205", money(rng.uniform(0.3, 2.0))),
              ("30206", money(rng.uniform(1.0, 8.0))), ("30207", money(rng.uniform(0.5, 3.5))),
              ("30211", money(n * rng.uniform(0.1, 0.4)))]
    if rng.random() < 0.7:
        public.append(("30208", money(rng.uniform(3.0, 20.0))))
    public.append(("30217", money(rng.uniform(0.2, 2.0))))  # every department receives someone
    public += [("30228", money(float(wage + allowance) * 0.02)), ("30229", money(n * rng.uniform(0.1, 0.25)))]
    if rng.random() < 0.7:
        public.append(("30231", money(rng.uniform(2.0, 12.0))))
    public.append(("30299", money(rng.uniform(1.0, 9.0))))
    rows: list[tuple[str, Decimal | None, Decimal | None]] = [(c, v, None) for c, v in personnel]
    rows += [(c, None, v) for c, v in public]
    return sorted(rows, key=lambda r: r[0])


def _basic_by_item(kind: DepartmentKind, economic, is_unit: bool) -> dict[str, Decimal]:
    """表3's 基本支出 by 项: the social contributions under their own 项, the rest 行政运行."""
    by_code = {code: (p or ZERO) + (q or ZERO) for code, p, q in economic}
    linked = {"2080505": "30108", "2080506": "30109", "2101102" if is_unit else "2101101": "30110",
              "2101103": "30111", "2210201": "30113", "2080502" if is_unit else "2080501": "30302"}
    basic = {item: by_code[code] for item, code in linked.items() if by_code.get(code)}
    basic[kind.admin_item] = sum(by_code.values(), ZERO) - sum(basic.values(), ZERO)
    return basic


def _amount(rng: random.Random) -> Decimal:
    """A project amount: log-uniform 5–1,500 万元, often round (20.00, 63.70, 1,008.30)."""
    value = 10 ** rng.uniform(0.7, 3.2)
    roll = rng.random()
    if roll < 0.35:
        return money(round(value))
    if roll < 0.6:
        return money(round(value, 1))
    return money(value)


def _split(rng: random.Random, amount: Decimal, parts: int) -> list[Decimal]:
    """``amount`` in ``parts`` positive pieces that add up to it exactly."""
    if parts == 1 or amount < Decimal("0.10"):
        return [amount]
    first = (amount * _share(rng, 0.3, 0.7)).quantize(CENT)
    return [first, amount - first]


def _fill(text: str, rng: random.Random, dept: Department, year: int) -> str:
    return text.format(place=dept.place, year=year, local=dept.doc_prefix, n=rng.randint(2, 60))


def _policy(rng: random.Random, stem: ProjectStem, dept: Department, year: int) -> PolicyDocument | None:
    if stem.policy is None:
        return None
    title = _fill(stem.policy.title, rng, dept, year)
    number = _fill(stem.policy.number, rng, dept, year - rng.randint(1, 3)) if stem.policy.number else None
    return PolicyDocument(title=title, number=number)


def _indicators(rng: random.Random, stem: ProjectStem, allocations, dept: Department, year: int) -> list[Indicator]:
    out = []
    weights = iter((25, 25))
    for level2, name, target in stem.outputs:
        out.append(Indicator("产出指标", level2, name, _fill(target, rng, dept, year), Decimal(next(weights)), "计划标准"))
    for (name, value) in allocations:
        out.append(Indicator("成本指标", "经济成本指标", name, f"<={value}万元", Decimal(10), "计划标准"))
    level2, name, target = stem.benefit
    out.append(Indicator("效益指标", level2, name, target, Decimal(20), "计划标准"))
    out.append(Indicator("满意度指标", "满意度指标", stem.satisfaction, ">=90%", Decimal(10), "计划标准"))
    return out


def _plan_current(rng: random.Random, stem: ProjectStem, dept: Department, year: int, amount: Decimal,
                  source: str, person: str, policy: PolicyDocument | None) -> ProjectPlan:
    name = _fill(stem.name, rng, dept, year)
    parts = _split(rng, amount, len(stem.costs))
    allocations = list(zip(stem.costs, parts))
    return ProjectPlan(name=name, amount=amount, item=stem.item, category="current", funding_source=source,
                       person=person, policy=policy, allocations=allocations,
                       indicators=_indicators(rng, stem, allocations, dept, year),
                       purpose=f"保障{name}按计划实施，完成年度工作任务", stem=stem.name)


def _projects(rng: random.Random, dept: Department, year: int, prior: Budget | None) -> list[ProjectPlan]:
    kind = dept.kind
    stems = {s.name: s for s in kind.projects}
    chosen: list[ProjectStem] = []
    previous = {p.stem: p for p in prior.current()} if prior else {}
    for stem_name in previous:
        if rng.random() < 0.8:
            chosen.append(stems[stem_name])
    fresh = [s for s in kind.projects if s not in chosen]
    rng.shuffle(fresh)
    want = rng.randint(2, min(5, len(kind.projects)))
    chosen += fresh[: max(0, want - len(chosen))]
    chosen.sort(key=lambda s: (s.item, s.name))
    person = _person(rng)
    out: list[ProjectPlan] = []
    upper = rng.random() < 0.4
    for stem in chosen:
        before = previous.get(stem.name)
        if before is not None:  # a continuing project: same name, same policy, new amount
            amount = money(float(before.amount) * rng.uniform(0.7, 1.35))
            plan = _plan_current(rng, stem, dept, year, amount, before.funding_source, before.person or person,
                                 before.policy)
            plan.name = before.name
        else:
            source = "upper_level_transfer" if upper else "general_public_budget"
            upper = False
            plan = _plan_current(rng, stem, dept, year, _amount(rng), source,
                                 person if rng.random() < 0.6 else _person(rng), _policy(rng, stem, dept, year))
        out.append(plan)
    # 上年结转: part of last year's money for some of last year's projects, under their old names
    if prior is not None and template(dept.template).carryover:
        for p in prior.current():
            if rng.random() < 0.35:
                left = (p.amount * _share(rng, 0.1, 0.6)).quantize(CENT)
                if left <= ZERO:
                    continue
                code = f"{rng.randint(10, 99)}{rng.randint(100000, 999999)}"
                fiscal_yet = any(q.funding_source == "carryover_fiscal" for q in out)
                # a text extraction cannot tell a 表11 total of non-fiscal money alone from a fiscal
                # one (the same three figures): non-fiscal money comes after fiscal money here
                source = "carryover_nonfiscal" if fiscal_yet and rng.random() < 0.3 else "carryover_fiscal"
                out.append(ProjectPlan(name=p.name, amount=left, item=p.item, category="carryover",
                                       funding_source=source, policy=None, project_code=code, stem=p.stem,
                                       purpose=f"完成{prior.year}年未完成的{p.name}相关工作"))
    return out


def _three_public(rng: random.Random, economic) -> dict[str, Decimal]:
    by_code = {code: q for code, _, q in economic if q is not None}
    reception = by_code.get("30217", ZERO)
    operation = by_code.get("30231", ZERO)
    return {"overseas": ZERO, "reception": reception, "vehicle_purchase": ZERO, "vehicle_operation": operation}


def _procurement(rng: random.Random, projects: list[ProjectPlan]) -> dict[str, Decimal]:
    pool = sum((p.amount for p in projects if p.category == "current"), ZERO)
    goods = (pool * _share(rng, 0.05, 0.4)).quantize(CENT)
    services = (pool * _share(rng, 0.05, 0.4)).quantize(CENT)
    works = (pool * _share(rng, 0.0, 0.2)).quantize(CENT) if rng.random() < 0.3 else ZERO
    return {"goods": goods, "works": works, "services": services}


def _department_goals(rng: random.Random, dept: Department, year: int) -> list[Indicator]:
    goals = dept.kind.department_goals
    weights = [40, 30, 30][: len(goals)]
    basis = f"{dept.place}{year}年工作计划"
    return [Indicator("履职效能", "数量指标" if "率" not in name else "质量指标", name,
                      _fill(target, rng, dept, year), Decimal(w), basis)
            for (name, target), w in zip(goals, weights)]


def make_budget(dept: Department, year: int, seed: int, prior: Budget | None) -> Budget:
    """The department's budget of ``year``, continuing ``prior`` (its budget of the year before)."""
    rng = random.Random(f"budget:{seed}:{dept.name}:{year}")
    staffing = _staffing(rng, prior)
    economic = _economic(rng, staffing, dept.is_unit)
    projects = _projects(rng, dept, year, prior)
    return Budget(department=dept, year=year, staffing=staffing,
                  basic=_basic_by_item(dept.kind, economic, dept.is_unit), economic=economic, projects=projects,
                  three_public=_three_public(rng, economic), procurement=_procurement(rng, projects),
                  department_goals=_department_goals(rng, dept, year), contact=_person(rng), prior=prior)


def budget_series(dept: Department, years: range, seed: int) -> Iterator[Budget]:
    """The department's budgets of ``years``, each knowing the one before (the year before the
    first is drawn too, so the first document also has carried-over projects and changes)."""
    prior = make_budget(dept, years.start - 1, seed, None)
    for year in years:
        budget = make_budget(dept, year, seed, prior)
        prior.prior = None  # keep one year of history in memory, not the whole series
        yield budget
        prior = budget
