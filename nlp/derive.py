"""Derived figures: exact ``Decimal`` arithmetic, each result with its formula and inputs.

差 (difference), 占比 (share), 增长率 (growth), 完成率 (决算数 ÷ 预算数), 人均 (per staff member), a
sum over a list, and a previous year derived from a stated change (倒推). Every result says how it
was computed ("项目支出占比 = 396.20 ÷ 2,448.62 = 16.18%") and from which figures, each with its
source; percentages are rounded half up to two decimals, money to two decimals.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

WAN = "万元"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Input:
    """A figure a derived one is computed from."""

    label: str
    value: Decimal
    unit: str = WAN
    department: str | None = None
    year: int | None = None
    source: str | None = None

    def to_json(self) -> dict:
        out = {"label": self.label, "value": show(self.value, self.unit), "unit": self.unit}
        for key in ("department", "year", "source"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass
class Derived:
    """A computed figure: label, exact value, unit, the formula in words and numbers, inputs."""

    label: str
    value: Decimal
    unit: str
    formula: str
    inputs: list[Input] = field(default_factory=list)
    department: str | None = None
    year: int | None = None

    def to_json(self) -> dict:
        return {"label": self.label, "value": show(self.value, self.unit), "unit": self.unit,
                "formula": self.formula, "inputs": [i.to_json() for i in self.inputs]}


def show(value: Decimal, unit: str | None) -> str:
    """A figure as printed: money and percentages with two decimals, counts as integers."""
    if unit in (WAN, "%", "元") or (unit or "").startswith(WAN + "/"):  # money per unit too
        return str(value.quantize(CENT, rounding=ROUND_HALF_UP))
    if value == value.to_integral_value():
        return str(int(value))
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def grouped(value: Decimal, unit: str | None = WAN) -> str:
    """A figure with thousands separators, for formulas (2,448.62)."""
    text = show(value, unit)
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    whole = f"{int(whole):,}"
    return sign + whole + ("." + frac if frac else "")


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole``, two decimals, half up (None when whole is 0)."""
    if not whole:
        return None
    return (part * 100 / whole).quantize(CENT, rounding=ROUND_HALF_UP)


def share(part: Input, whole: Input, label: str | None = None) -> Derived | None:
    """占比: part ÷ whole."""
    value = percent(part.value, whole.value)
    if value is None:
        return None
    label = label or f"{part.label}占比"
    return Derived(label, value, "%", f"{label} = {grouped(part.value)} ÷ {grouped(whole.value)} = {value}%",
                   [part, whole], part.department, part.year)


def difference(a: Input, b: Input, label: str | None = None) -> Derived:
    """差额 of ``a`` against ``b`` in the order the question names them: A比B多 (or 少) |A − B|."""
    value = abs(a.value - b.value)
    label = label or f"{a.label}比{b.label}{'多' if a.value >= b.value else '少'}"
    big, small = (a, b) if a.value >= b.value else (b, a)
    return Derived(label, value, a.unit, f"{label} = {grouped(big.value, big.unit)} − {grouped(small.value, small.unit)} = "
                                         f"{grouped(value, a.unit)}{a.unit}", [a, b], a.department, a.year)


def growth(current: Input, previous: Input, label: str) -> list[Derived]:
    """增减额 and 增长率 of ``current`` against ``previous`` (比上年, or 比2024年 where ``previous`` is of
    an earlier year than the one before)."""
    delta = current.value - previous.value
    word = "增加" if delta >= 0 else "减少"
    than = "上年" if None in (current.year, previous.year) or previous.year == current.year - 1 else f"{previous.year}年"
    out = [Derived(f"{label}比{than}{word}", abs(delta), current.unit,
                   f"{label}比{than}{word} = {grouped(current.value)} − {grouped(previous.value)} = {grouped(delta)}{current.unit}",
                   [current, previous], current.department, current.year)]
    rate = percent(delta, previous.value)
    if rate is not None:
        out.append(Derived(f"{'增长' if delta >= 0 else '下降'}幅度", abs(rate), "%",
                           f"{'增长率' if delta >= 0 else '降幅'} = {grouped(delta)} ÷ {grouped(previous.value)} = {rate}%",
                           [current, previous], current.department, current.year))
    return out


def previous_from_change(current: Input, delta: Decimal, label: str, year: int) -> Derived:
    """倒推: the year before = this year's figure − the stated change."""
    value = current.value - delta
    sign = "−" if delta >= 0 else "+"
    return Derived(f"{year}年{label}（推算）", value, current.unit,
                   f"{year}年{label} = {grouped(current.value)} {sign} {grouped(abs(delta))} = {grouped(value)}{current.unit}",
                   [current, Input(f"{current.year}年比上年{'增加' if delta >= 0 else '减少'}", abs(delta), current.unit,
                                   current.department, current.year, current.source)],
                   current.department, year)


def previous_from_rate(current: Input, rate: Decimal, label: str, year: int) -> Derived | None:
    """倒推 from a stated rate only (增长17.66%, no amount printed): the year before = this year's
    figure ÷ (1 + rate), to the cent."""
    factor = 1 + rate / 100
    if factor <= 0:
        return None
    value = (current.value / factor).quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "+" if rate >= 0 else "−"
    return Derived(f"{year}年{label}（推算）", value, current.unit,
                   f"{year}年{label} = {grouped(current.value)} ÷ (1 {sign} {abs(rate)}%) = {grouped(value)}{current.unit}",
                   [current, Input(f"{current.year}年比上年{'增长' if rate >= 0 else '下降'}", abs(rate), "%",
                                   current.department, current.year, current.source)],
                   current.department, year)


def total(inputs: list[Input], label: str) -> Derived:
    """A sum over a list."""
    value = sum((i.value for i in inputs), Decimal(0))
    unit = inputs[0].unit if inputs else WAN
    shown = " + ".join(grouped(i.value, i.unit) for i in inputs[:8]) + (" + …" if len(inputs) > 8 else "")
    return Derived(label, value, unit, f"{label} = {shown} = {grouped(value, unit)}{unit}", list(inputs),
                   inputs[0].department if inputs else None, inputs[0].year if inputs else None)


def completion(final: Input, budget: Input, label: str) -> Derived | None:
    """完成率: 决算数 ÷ 预算数."""
    value = percent(final.value, budget.value)
    if value is None:
        return None
    return Derived(f"{label}完成率", value, "%",
                   f"{label}完成率 = {grouped(final.value)} ÷ {grouped(budget.value)} = {value}%", [final, budget],
                   final.department, final.year)


def ratio(a: Input, b: Input) -> Derived | None:
    """几倍: ``a`` ÷ ``b`` in the order the question names them (A是B的几倍), to two decimals."""
    if not b.value:
        return None
    value = (a.value / b.value).quantize(CENT, rounding=ROUND_HALF_UP)
    label = f"{a.label}是{b.label}的倍数"
    return Derived(label, value, "倍", f"{label} = {grouped(a.value)} ÷ {grouped(b.value)} = {value}倍",
                   [a, b], a.department, a.year)


def per_capita(figure: Input, people: Input) -> Derived | None:
    """人均: a figure ÷ a number of people (万元 per person)."""
    if not people.value:
        return None
    value = (figure.value / people.value).quantize(CENT, rounding=ROUND_HALF_UP)
    label = f"人均{figure.label}（按{people.label}）"
    return Derived(label, value, WAN, f"{label} = {grouped(figure.value)} ÷ {show(people.value, '人')} = {value}万元",
                   [figure, people], figure.department, figure.year)


def average(total: Input, count: Input) -> Derived | None:
    """平均每个: a sum of money over the count of the things it is the sum of (编报绩效目标的项目20个，
    涉及资金7054.05万元: 352.70万元 a project), both as the document prints them."""
    if not count.value:
        return None
    value = (total.value / count.value).quantize(CENT, rounding=ROUND_HALF_UP)
    label = f"{total.label}平均每{count.unit if count.unit and len(count.unit) == 1 else '个'}"  # 每辆, 每个
    return Derived(label, value, WAN, f"{label} = {grouped(total.value)} ÷ {show(count.value, count.unit)}{count.unit}"
                   f" = {value}万元", [total, count], total.department, total.year)


def per_unit(figure: Input, count: int, unit: str) -> Derived | None:
    """平均每辆: a figure ÷ a count the question states (15辆), 万元 per unit."""
    if not count:
        return None
    value = (figure.value / Decimal(count)).quantize(CENT, rounding=ROUND_HALF_UP)
    label = f"平均每{unit}{figure.label}"
    return Derived(label, value, f"{WAN}/{unit}",
                   f"{label} = {grouped(figure.value)} ÷ {count}{unit} = {value}万元",
                   [figure, Input(f"数量（问题所述）", Decimal(count), unit, figure.department, figure.year)],
                   figure.department, figure.year)
