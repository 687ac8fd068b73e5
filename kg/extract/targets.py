"""What an indicator's target states as a figure: its comparison, value and unit.

A target is kept as printed (``>=160个``, ``满意度>=92%``, ``140万元/年``, ``飞机增雨10次/年；火箭增雨12次/年``);
where it states one figure, that figure is also read apart so a question can compare or add it:
``>=160个`` -> (">=", 160, "个"), ``满意度>=92%`` -> (">=", 92, "%"), ``140万元/年`` -> (None, 140, "万元/年").
Words naming what is measured may lead the figure (西安 ``准确率>=90%``); a target stating two figures,
a date or a sentence states none (the text stays the answer).
"""
from __future__ import annotations

import re
from decimal import Decimal

# a sign, a number and up to six characters after it (the shape records.md normalises targets to)
_TARGET_RE = re.compile(r"^(>=|<=|=|>|<)?(-?\d+(?:\.\d+)?)(\D{0,6})$")
# words naming the measure before the figure; the unit after it must then look like a unit (``%``,
# ``次/年``, ``万元/年``, ``小时``): ``全年366天实时监测`` states no figure of its own
_LED_TARGET_RE = re.compile(r"^(?P<words>[^\d<>=≥≤]{1,16}?)(?P<op>>=|<=|=|>|<)?(?P<number>\d+(?:\.\d+)?)"
                            r"(?P<unit>[%‰]|[^\W\d_]{1,3}(?:/[^\W\d_]{1,2})?)?$")


def parse_target(target: str | None) -> tuple[str | None, Decimal | None, str | None]:
    """(comparison, value, unit) of a target stating one figure; (None, None, None) otherwise."""
    if not target:
        return None, None, None
    text = target.replace(" ", "")
    m = _TARGET_RE.match(text)
    if m:
        op, number, unit = m.groups()
        return op, Decimal(number), (unit or None)
    m = _LED_TARGET_RE.match(text)
    if m and not re.search(r"[年月日]$", m.group("words")):
        return m.group("op"), Decimal(m.group("number")), m.group("unit")
    return None, None, None
