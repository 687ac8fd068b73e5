"""leaf_rows: group rows of a project list told apart by their amounts alone (西安 表10)."""
from __future__ import annotations

from decimal import Decimal

from kg.extract.project_hierarchy import leaf_rows


def _d(text: str) -> list[Decimal]:
    return [Decimal(x) for x in text.split()]


def test_xian_audit_levels():
    """西安市审计局 2026 表10 as printed (元): the five projects under 通用项目 and 专用项目."""
    amounts = _d("3650000 150000 150000 3500000 3500000 4840507.50 4840507.50 2858680 1000000 981827.50")
    assert leaf_rows(amounts, Decimal("8490507.50")) == [2, 4, 7, 8, 9]


def test_flat_list_that_adds_up_is_left_alone():
    assert leaf_rows(_d("100 50 50"), Decimal("200")) is None


def test_no_total_or_no_parse_is_left_alone():
    assert leaf_rows(_d("100 50"), None) is None
    assert leaf_rows(_d("58446.21 0.84 0.80"), Decimal("58446.22")) is None


def test_two_parses_are_left_alone():
    """10 over 10 over 10 with a 合计 of 20: which row is the group cannot be told."""
    assert leaf_rows(_d("10 10 10"), Decimal("20")) is None


def test_rows_of_zero_at_the_end_stay_projects():
    assert leaf_rows(_d("30 10 20 0.00 0.00"), Decimal("30")) == [1, 2, 3, 4]
