"""The narrative's figures as typed facts (``NarrativeFigure``), and the totals they state.

Every amount of the 情况说明 whose label the vocabulary knows becomes a ``NarrativeFigure``: each
income line (一般公共预算, 政府性基金, 国有资本经营, 财政专户, 事业收入, 经营收入, 上级补助, 附属单位
上缴, 其他收入, 上年结转), each expenditure part (基本/项目支出, 人员/公用经费, 单位预留机动经费 …),
三公 and its parts, 会议费, 培训费, 机关运行经费, 政府采购 and its parts, 委托业务费 — with its period
(this budget, or a 上年 baseline, or a 决算's 年初预算/决算), its scope (the whole department, or a
财政拨款 chapter), the 占 Y% printed with it, and where it stands.

``fill_totals`` then fills the record's ``Totals`` the tables left empty from the department-scope
figures of this budget, so a narrative published without its tables (Beijing's 附件1, a Jiangsu
说明, Chongqing's 情况说明) still yields every total it states. Tables take precedence: a figure a
table printed is never replaced (``narrative.audit`` compares the two).
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.model import NarrativeFigure, Provenance, Record
from kg.extract.narrative.counts import attach_counts
from kg.extract.narrative.statements import Narrative, Stated
from kg.extract.narrative.vocabulary import TOTALS_KEYS, classify, side_of
from kg.units import convert

# period words inside a label: removed before the label is classified, kept as the figure's period
_PERIOD_WORDS = [
    ("adjusted_budget", re.compile(r"(?:调整(?:后)?预算|全年预算)(?:数)?")),
    ("initial_budget", re.compile(r"年初预算(?:数)?")),
    ("final", re.compile(r"(?:支出)?决算(?:数)?")),
    ("execution", re.compile(r"(?:预算)?执行数|实际执行")),
]
_YEAR_IN_RAW = re.compile(r"(\d{4})年")
_PRIOR_RE = re.compile(r"上(?:一)?年(?:度)?的?(?:年初)?(?:预算|执行|决算)")
_FINAL_BUDGET_RE = re.compile(r"支出预算数?$|(?<![共金营])预算数$")
_FISCAL_LABEL_RE = re.compile(r"财政拨款|一般公共预算")
_SCOPE_FREE = {"personnel", "public_expenses"}  # 一般公共预算基本支出's parts, whatever the chapter


def in_record_unit(value: Decimal, unit: str, record_unit: str | None) -> Decimal | None:
    """A printed amount in the record's unit, exactly (``None`` for a unit the project cannot
    convert: 亿元 figures are kept in the statements, not as facts)."""
    if unit not in ("元", "万元"):
        return None
    return convert(value, unit, record_unit or "万元")


def _period(stated: Stated, label: str, record: Record) -> tuple[str, str]:
    """(period, label without its period words)."""
    if stated.role == "baseline":
        raw = stated.raw
        if "执行" in raw:
            return "prior_execution", label
        if "决算" in raw:
            return "prior_final", label
        return "prior_budget", label
    period = "current"
    final_kind = (record.kind or "").endswith("决算")
    for name, pattern in _PERIOD_WORDS:
        if pattern.search(label):
            stripped = pattern.sub("", label)
            if name == "execution":
                years = [int(y) for y in _YEAR_IN_RAW.findall(stated.raw)]
                earlier = "上年" in stated.raw or (record.year is not None and any(y < record.year for y in years))
                return ("prior_execution" if earlier else "current"), stripped
            if name == "final" and final_kind:
                return "current", stripped
            if name == "initial_budget" and not final_kind:
                return "current", stripped  # a budget's own 年初预算数 is this budget
            return name, stripped
    if final_kind and _FINAL_BUDGET_RE.search(label):
        # a 决算's ``“三公”经费财政拨款支出预算为76.43万元``: the budget column, not the 决算数
        return "budget", _FINAL_BUDGET_RE.sub("", label) + "支出"
    if _PRIOR_RE.search(stated.raw) and not final_kind:
        period = "prior_budget"  # ``上年预算数为 X 万元`` (not 上年结转结余, this year's income)
    return period, label


def provenance_of(stated: Stated, file: str, row: str | None = None) -> Provenance:
    line = stated.line
    return Provenance(file=file, page=line.page, line=line.lineno,
                      table=stated.context.label if stated.context else None, row=row or stated.label)


def read_facts(narrative: Narrative, record: Record) -> list[NarrativeFigure]:
    """The typed figures of the narrative (see the module docstring), in document order."""
    out: list[NarrativeFigure] = []
    pairs: list[tuple[Stated, NarrativeFigure]] = []
    subject: tuple[int, str] | None = None  # (sentence, subject) of the last figure with a period word
    for stated in narrative.amounts:
        if stated.role not in ("figure", "baseline"):
            continue
        period, label = _period(stated, stated.label, record)
        if label != stated.label and label not in ("支出", "收入", ""):
            subject = (stated.sentence, label)
        elif label in ("支出", "收入", "") and subject is not None and subject[0] == stated.sentence:
            # ``…支出年初预算为2993.92万元，支出决算为2940.05万元``: the same subject, another stage
            label = subject[1]
        context = stated.context
        side = side_of(label) or (side_of(context.sub) or side_of(context.chapter) if context else None)
        found = classify(label, side)
        if found is None:
            continue
        value = in_record_unit(stated.value, stated.unit, record.unit)
        if value is None:
            continue
        topic, key = found
        scope = context.scope if context else None
        if topic in ("income", "expenditure") and _FISCAL_LABEL_RE.search(label):
            scope = "fiscal"
        if key in _SCOPE_FREE and context is not None and "基本支出" in context.chapter + context.sub:
            scope = "basic"  # the 一般公共预算基本支出 statement's 人员经费/公用经费
        out.append(NarrativeFigure(topic=topic, key=key, label=stated.label, value=value, printed=stated.printed,
                                   printed_unit=stated.unit, period=period, scope=scope, share=stated.share,
                                   provenance=provenance_of(stated, record.source)))
        pairs.append((stated, out[-1]))
    attach_counts(narrative, pairs, record.source)  # 人数, 批次, 人次 … printed with a figure
    return out


def fill_totals(facts: list[NarrativeFigure], record: Record) -> None:
    """Fill the totals the tables left empty from this budget's department-scope figures (the
    first statement of each); 三公 parts from the first 三公 statement block."""
    totals = record.totals
    done: set[str] = set()
    for fact in facts:
        if fact.period != "current":
            continue
        fields: list[str] = []
        if (fact.topic, fact.key) == ("total", "income_and_expenditure"):
            fields = ["income_total", "expenditure_total"]
        elif (fact.topic, fact.key) in TOTALS_KEYS:
            if fact.scope == "fiscal" and fact.topic == "expenditure" and fact.key not in _SCOPE_FREE:
                continue  # a 财政拨款 chapter's 基本/项目支出 are not the department's
            if fact.key in _SCOPE_FREE and fact.scope != "basic":
                continue  # 人员/公用经费 of the 基本支出 statement, not of a subject's description
            fields = [TOTALS_KEYS[(fact.topic, fact.key)]]
        for name in fields:
            if name in done:
                continue
            done.add(name)
            if getattr(totals, name) is None:
                setattr(totals, name, fact.value)
                totals.provenance.setdefault(name, fact.provenance)
    _fill_parts(facts, record, "three_public", ("total", "overseas", "reception", "vehicles", "vehicle_purchase",
                                                "vehicle_operation"))
    _fill_parts(facts, record, "procurement", ("total", "goods", "works", "services"))


def _fill_parts(facts: list[NarrativeFigure], record: Record, topic: str, keys: tuple[str, ...]) -> None:
    """A group (三公, 政府采购) the tables did not print at all, from its first narrative block."""
    group = getattr(record.totals, topic)
    # a table that printed the group keeps its blank cells blank (a 决算 table's blank 决算数 column);
    # where it printed parts but its total was not read, the narrative's total fills that one
    from_table = any(key.startswith(f"{topic}.") and not (where.table or "").startswith("说明")
                     for key, where in record.totals.provenance.items())
    if from_table:
        read_parts = any(getattr(group, k) is not None for k in keys if k != "total")
        keys = ("total",) if group.total is None and read_parts else ()
    seen: set[str] = set()
    for fact in facts:
        if fact.topic != topic or fact.period != "current" or fact.key not in keys or fact.key in seen:
            continue
        seen.add(fact.key)
        if getattr(group, fact.key) is None:
            setattr(group, fact.key, fact.value)
            record.totals.provenance.setdefault(f"{topic}.{fact.key}", fact.provenance)
    if topic == "three_public" and not from_table and group.vehicles is None and group.vehicle_purchase is not None \
            and group.vehicle_operation is not None:
        group.vehicles = group.vehicle_purchase + group.vehicle_operation
