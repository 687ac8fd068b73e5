"""Chinese numerals and amounts to exact numbers.

Questions say 一千万, 2.5亿, 三百万元以上, 百分之九十, 1,008.30万元: the pipeline compares them with
the graph's figures, which are ``Decimal`` in 万元, so every amount is turned into an exact
``Decimal`` in 万元 here (never a float), and percentages into a ``Decimal`` of percent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.units import IN_WAN

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
           "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "点"

# An amount: a number (Arabic with optional separators and decimals, or Chinese numerals, or a mix
# such as 2.5亿 / 3千万), then a money unit.
_NUM = r"(?:\d[\d,]*(?:\.\d+)?|[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点]+)"
AMOUNT_RE = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?(?:[十百千万亿]+)?|[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点]+)"
    # a bare 万/亿 before a counting word (10.8万头, 2000万公斤, 5万人次) counts things, not money
    r"\s*(?P<unit>亿元|万元|千元|元|(?:亿|万)(?![头只吨斤公亩人户册份件台套辆次个条张平方千克立米株棵羽尾箱]))")
PERCENT_RE = re.compile(rf"百分之(?P<cn>{_NUM})|(?P<num>\d+(?:\.\d+)?)\s*%")
_UNIT_IN_WAN = IN_WAN  # the units' sizes in 万元 (``kg.units``)


@dataclass(frozen=True)
class Amount:
    """A money amount found in a question: its exact value in 万元 and where it stood."""

    value: Decimal
    start: int
    end: int
    text: str


def chinese_to_decimal(text: str) -> Decimal | None:
    """Parse Chinese numerals (一千二百, 两万五, 三点五, 十二) or a mix (2.5万, 3千) exactly."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text):
        return Decimal(text.replace(",", ""))
    mixed = re.fullmatch(r"(\d+(?:\.\d+)?)([十百千万亿]+)", text)
    if mixed:
        value = Decimal(mixed.group(1))
        for ch in mixed.group(2):
            value *= _SMALL_UNITS.get(ch) or _BIG_UNITS[ch]
        return value
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = chinese_to_decimal(whole) if whole else Decimal(0)
        if head is None or not frac or any(ch not in _DIGITS for ch in frac):
            return None
        return head + Decimal("0." + "".join(str(_DIGITS[ch]) for ch in frac))
    total = Decimal(0)   # finished 亿/万 sections
    section = Decimal(0)  # the current section below 万
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch] if digit is None else digit * 10 + _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (digit if digit is not None else 1) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            digit = None
            unit = _BIG_UNITS[ch]
            total = (total + section) * unit if unit > 10_000 or total == 0 else total + section * unit
            section = Decimal(0)
        else:
            return None
    return total + section + (digit or 0)


def amount_in_wan(number: str, unit: str) -> Decimal | None:
    """The exact value in 万元 of ``number`` printed with ``unit`` (亿元, 万元, 千元, 元, 亿, 万)."""
    value = chinese_to_decimal(number)
    if value is None:
        return None
    try:
        return (value * _UNIT_IN_WAN[unit]).normalize() + Decimal("0.00")
    except (KeyError, InvalidOperation):
        return None


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in ``text`` (a number followed by a money unit), in 万元."""
    out: list[Amount] = []
    for m in AMOUNT_RE.finditer(text):
        number = m.group("num")
        if not re.search(r"[\d一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]", number):
            continue
        value = amount_in_wan(number, m.group("unit"))
        if value is not None:
            out.append(Amount(value, m.start(), m.end(), m.group(0)))
    return out


def find_percents(text: str) -> list[Decimal]:
    """Every percentage (百分之九十, 27.5%) in ``text`` as a ``Decimal`` of percent."""
    out: list[Decimal] = []
    for m in PERCENT_RE.finditer(text):
        value = chinese_to_decimal(m.group("cn")) if m.group("cn") else Decimal(m.group("num"))
        if value is not None:
            out.append(value)
    return out


def chinese_count(text: str) -> int | None:
    """A small count written either way (两, 3, 十) as ``int``; ``None`` when it is not one."""
    value = chinese_to_decimal(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)
