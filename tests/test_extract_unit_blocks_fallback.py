"""A budget whose 支出总表 prints no subject rows takes its functional subjects from the 一般公共预算支出表;
where that table prints its subjects once per budget unit in blocks (北京 预算05表: 机关 then 事业), each code
is the department's once — the units' rows added up (``kg.extract.tables.unit_rows``), as the same
table's scoped reading already was — never two figures for one code (the graph's observation of a code
took both, and a question read either)."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

pytestmark = pytest.mark.shared

BEIJING = "beijing/北京市财政局_2026部门预算_附件2报表.pdf"


def test_each_code_once_and_summed_over_the_units(national) -> None:
    record = national[BEIJING]
    codes = Counter(s.code for s in record.functional_subjects)
    assert max(codes.values()) == 1
    by_code = {s.code: s for s in record.functional_subjects}
    # 2080505: 834.972288 (机关) + 960.219264 (事业); 2080506: 417.486144 + 480.109632
    assert by_code["2080505"].total == Decimal("1795.191552")
    assert by_code["2080506"].total == Decimal("897.595776")
    assert by_code["2080501"].total == Decimal("536.7446")
    assert "2个单位之和" in by_code["2080505"].provenance.row
    scoped = {s.code: s.total for s in record.scoped_functional["general_public_budget"]}
    assert all(by_code[c].total == t for c, t in scoped.items() if c in by_code)
