"""Combine the records of one budget published as several files (narrative PDF + tables PDF).

Two records are one budget when they name the same department (``kg.names.department``: 中共 /
中国共产党…委员会 forms, 本级/汇总 suffixes, a name without its province), year and kind, and they
complement each other: at most one of them prints the budget's tables (two files that both print
them are two budgets — a 部门 and its 本级 — or one file twice, and stay apart). The combined
record keeps every file in ``files``; a section present in one file only is taken from there;
where both print a figure, the tables' figure is kept and the other one is compared in
``checks`` (rule ``same_figure``).
"""
from __future__ import annotations

from decimal import Decimal

from kg.extract.model import Check, Record, Totals
from kg.extract.text_normalize import compact_name
from kg.names.department import canonical_key, same_department


def budget_key(record: Record) -> tuple:
    return (canonical_key(record.department or record.source), record.year, record.kind)


def _key_name(key: str, sub: str | None = None) -> str:
    """A totals key as the audit line says it (收入总计, “三公”经费 公务接待费), never the key itself."""
    from kg.extract.narrative.vocabulary import KEY_NAMES, TOPIC_NAMES

    if sub is None:
        return KEY_NAMES.get(key, key)
    return f"{TOPIC_NAMES.get(key, key)} {KEY_NAMES.get(sub, '合计' if sub == 'total' else sub)}"


def _merge_totals(into: Totals, other: Totals, checks: list[Check], label: str) -> None:
    for key, value in vars(other).items():
        if key == "provenance" or value is None:
            continue
        if key in ("three_public", "procurement"):
            mine = getattr(into, key)
            for sub, sub_value in vars(value).items():
                if sub_value is None:
                    continue
                current = getattr(mine, sub)
                if current is None:
                    setattr(mine, sub, sub_value)
                    if f"{key}.{sub}" in other.provenance:
                        into.provenance[f"{key}.{sub}"] = other.provenance[f"{key}.{sub}"]
                elif current != sub_value:
                    checks.append(Check("same_figure", f"{label} {_key_name(key, sub)}", current, sub_value, False))
            continue
        current = getattr(into, key)
        if current is None:
            setattr(into, key, value)
            if key in other.provenance:
                into.provenance[key] = other.provenance[key]
        elif isinstance(current, Decimal) and current != value:
            checks.append(Check("same_figure", f"{label} {_key_name(key)}", current, value, False))


def _merge(first: Record, second: Record) -> Record:
    """``first`` wins where both have data (callers order table-rich records first)."""
    first.files = [*first.files, *[f for f in second.files if f not in first.files]]
    first.source = first.files[0]
    if not first.profile.divisions:
        first.profile = second.profile
    _merge_totals(first.totals, second.totals, first.checks, f"{second.source} vs {first.source}")
    for attr in ("functional_subjects", "economic_subjects", "functional_income", "unit_income", "unit_expenditure",
                 "unit_three_public", "unit_economic",
                 "government_economic_subjects", "department_indicators", "scoped_economic", "project_economic",
                 "department_self_evaluation", "functional_economic"):
        if not getattr(first, attr):
            setattr(first, attr, getattr(second, attr))
    for attr in ("purchased_services", "procurement_items"):
        if getattr(first, attr) is None:
            setattr(first, attr, getattr(second, attr))
    known = {compact_name(n) for p in first.projects for n in p.all_names()}
    for project in second.projects:
        if not any(compact_name(n) in known for n in project.all_names()):
            first.projects.append(project)
    seen = {d.key() for d in first.policy_documents}
    first.policy_documents += [d for d in second.policy_documents if d.key() not in seen]
    first.checks += second.checks
    first.tables += second.tables
    first.sections += second.sections
    first.changes += second.changes
    first.narrative += second.narrative  # the narrative's typed figures and assets, from either file
    first.assets += second.assets
    first.phased += second.phased  # a 决算's figures of other phases and its stated 预算 vs 决算
    first.executions += second.executions
    first.performance_coverage = first.performance_coverage or second.performance_coverage
    for term, text in second.definitions.items():
        first.definitions.setdefault(term, text)
    first.warnings += second.warnings
    return first


def prints_tables(record: Record) -> bool:
    """True where the record was read from budget tables (not from a narrative alone)."""
    return any(table.get("kind") not in (None, "other") for table in record.tables)


def same_budget(a: Record, b: Record) -> bool:
    """One budget: same year and kind, names that denote one department (aliases, a dropped
    area prefix as in 省委办公厅 / 中共江苏省委办公厅), and not two sets of tables."""
    return (a.year == b.year and a.kind == b.kind and not (prints_tables(a) and prints_tables(b))
            and (budget_key(a) == budget_key(b) or same_department(a.department, b.department)))


def combine_records(records: list[Record]) -> list[Record]:
    """Group records by budget and merge each group; order of first appearance is kept."""
    groups: list[list[Record]] = []
    for record in records:
        group = next((g for g in groups if same_budget(g[0], record)), None)
        if group is None:
            groups.append([record])
        else:
            group.append(record)
    combined = []
    for group in groups:
        group.sort(key=lambda r: -(len(r.functional_subjects) + len(r.economic_subjects)))
        merged = group[0]
        for other in group[1:]:
            merged = _merge(merged, other)
        combined.append(merged)
    return combined
