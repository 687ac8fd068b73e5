"""Two figures set against each other — 几倍 in the order the question names them, a 决算 year against a
budget year —
through the real parsers on the realdocs and the real question service."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def test_how_many_times_one_departments_figure_is_anothers(ask) -> None:
    """江苏省政协办公厅 2019 公开12表: 政府采购 合计 1,624.42; 江苏省高级人民法院 2019 公开12表: 合计 5,227.59;
    5,227.59 ÷ 1,624.42 = 3.2181… → 3.22倍 (高院 named first)."""
    reply = ask("江苏省政协办公厅和省高院19年的政府采购预算各多少？高院是政协的几倍？")
    derived = reply["derived"]
    assert [(d["value"], d["unit"]) for d in derived] == [("3.22", "倍")]
    assert [i["department"] for i in derived[0]["inputs"]] == ["江苏省高级人民法院", "江苏省政协办公厅"]


def test_a_final_account_year_against_a_budget_year(ask_national) -> None:
    """国家信访局 2024年决算 公开09表 (p.15): 三公 决算 46.21; 2026年预算 (p.24): 三公 112.61. ``24年实际花的`` is
    read off the 决算, ``26年预算`` off the budget (no 决算 of 2026 exists): 112.61 − 46.21 = 66.40."""
    reply = ask_national("国家信访局24年三公实际花的和26年三公预算比，差了多少？")
    assert [(d["label"], d["value"]) for d in reply["derived"]] == [("2026年比2024年多", "66.40")]


def test_the_order_of_a_ratio_named_by_short_names(ask_national) -> None:
    """苏州市水务局 2026 公开01表 (p.11): 收入总计 92,596.24; 苏州市审计局 2026 公开01表 (p.9): 4,651.67;
    ``水务局是审计局的多少倍`` (审计局 alone also names other cities' offices): 92,596.24 ÷ 4,651.67 = 19.91倍."""
    reply = ask_national("苏州水务局和苏州审计局26年预算各多少？水务局是审计局的多少倍？")
    assert [(d["value"], d["unit"]) for d in reply["derived"]] == [("19.91", "倍")]
    assert [i["department"] for i in reply["derived"][0]["inputs"]] == ["苏州市水务局", "苏州市审计局"]
