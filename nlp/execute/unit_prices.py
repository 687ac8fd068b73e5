"""Quantity × unit price, as a project's own text states them (1个点，1500元/月，一年3.6万元; 租用面积5137.26平方米，
年物业费每平米50.4元): each item the text prices is recomputed with ``Decimal`` — quantity × price × the months
of a year where the price is monthly and the amount yearly — and set against the amount the text gives it
(or, for a text pricing one item and stating no amount, the project's own). Rounding is allowed to the
printed amount's last place, so 258,917.90元 is 25.89万元.

Nothing here names a project or a kind of cost: any budget of any province whose project texts price
their items (links, rents, property fees, wages per head) is checked the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from nlp.numbers import find_amounts

# An item's own numbering (1、 2. （3）), where a text lists several priced items.
_NUMBERED = re.compile(r"(?:(?<![\d.])\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）])")
# A price per period and per unit (400元/月/点, 1500元/月, 30元/月/平) or per unit with its period before it
# (年物业费每平米50.4元, 每人每月800元).
_PRICE = re.compile(r"(?P<price>\d+(?:\.\d+)?)\s*元\s*/\s*(?P<per>月|年|天|日)(?:\s*/\s*(?P<each>[点个人平台辆户]|平米|平方米))?")
_PRICE_EACH = re.compile(r"(?P<period>[年月日天])?[^，,；;。\d]{0,6}?每(?P<each>平米|平方米|㎡|人|点|个|台|辆|户)(?:每(?P<per>[年月日天]))?"
                         r"\s*(?P<price>\d+(?:\.\d+)?)\s*元(?!\s*/)")
# A quantity of the units priced (共8个点, 1个点, 5137.26平方米, 3人).
_QUANTITY = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>个点|个|点|人|台|辆|户|平方米|平米|㎡)")
# Words saying the amount is a year's (一年3.84万, 全年, 年房租).
_YEARLY = re.compile(r"一年|全年|每年|年度|年[^月]{0,4}费|年房租")
_MONTHS = {"月": Decimal(12), "年": Decimal(1)}


@dataclass
class PricedItem:
    """One item a text prices: its name and words as printed, the recomputation and the amount stated."""

    name: str
    printed: str  # the quantity and price as the text prints them (1个点，1500元/月)
    quantity: Decimal
    price: Decimal  # 元
    months: Decimal  # the periods the price is paid for in the amount (12 for a monthly price of a year)
    computed: Decimal  # 万元, exact
    stated: Decimal | None  # 万元, as printed
    places: int  # decimals of the stated amount as printed

    @property
    def formula(self) -> str:
        periods = f" × {self.months.normalize():f}个月" if self.months != 1 else ""
        yuan = self.quantity * self.price * self.months
        return (f"{self.quantity.normalize():f} × {self.price.normalize():f}元{periods} = {yuan.normalize():,f}元 = "
                f"{self.computed.normalize():f}万元")

    @property
    def agrees(self) -> bool:
        """Whether the stated amount is the recomputed one to its printed last place."""
        if self.stated is None:
            return True
        return abs(self.computed - self.stated) <= Decimal(5) * Decimal(10) ** -(self.places + 1)


def _segments(text: str) -> list[str]:
    """The text cut at each item's numbering and at sentence ends."""
    pieces: list[str] = []
    for part in re.split(r"[；;。]", text or ""):
        starts = [m.start() for m in _NUMBERED.finditer(part)]
        bounds = [0] + starts + [len(part)]
        pieces += [part[a:b] for a, b in zip(bounds, bounds[1:]) if part[a:b].strip()]
    return pieces


def _name(segment: str, end: int) -> str:
    """The item's name: the words before its quantity and price, its numbering and 包含/共 left out."""
    head = _NUMBERED.sub("", segment[:end], count=1)
    head = re.split(r"[，,：:]", head)[0]
    return re.sub(r"^(?:包含|包括|其中)|^根据\S*[》）)]", "", head).strip(" ，,、")


def priced_items(text: str, amount: Decimal | None = None) -> list[PricedItem]:
    """Every item ``text`` prices with a quantity and a unit price; a text of one such item and no amount
    of its own is set against ``amount`` (the project's)."""
    items: list[PricedItem] = []
    segments = _segments(text)
    for seg in segments:
        m = _PRICE.search(seg)
        if m:
            per = m.group("per")
        else:
            m = _PRICE_EACH.search(seg)
            if not m:
                continue
            per = m.group("per") or m.group("period") or ("年" if _YEARLY.search(seg[:m.start() + 4]) else None)
        if per not in _MONTHS:
            continue
        quantities = [q for q in _QUANTITY.finditer(seg) if not (m.start() <= q.start() < m.end())]
        if not quantities:
            continue
        q = next((q for q in quantities if seg[max(0, q.start() - 1):q.start()] == "共"), quantities[0])
        price = Decimal(m.group("price"))
        after = [a for a in find_amounts(seg[m.end():]) if not re.match(r"\s*/", seg[m.end() + a.end:m.end() + a.end + 2])]
        yearly = bool(_YEARLY.search(seg)) or bool(after)
        months = _MONTHS[per] if yearly else Decimal(1)
        computed = Decimal(q.group("n")) * price * months / Decimal(10000)
        if after:
            stated, printed_amount = after[-1].value, after[-1].text
        elif amount is not None and len(segments) == 1:
            stated, printed_amount = amount, f"{amount}"
        else:
            stated, printed_amount = None, ""
        number = re.search(r"\d+(?:\.(\d+))?", printed_amount)
        places = len(number.group(1) or "") if number else 2
        if printed_amount.endswith("元") and not printed_amount.endswith("万元"):
            places += 4  # an amount printed in 元 is exact to the 元 (or cent)
        words = "，".join(x for x in (seg[q.start():q.end()], seg[m.start():m.end()]) if x)
        items.append(PricedItem(_name(seg, min(q.start(), m.start())), words, Decimal(q.group("n")), price, months,
                                computed, stated, places))
    return items
