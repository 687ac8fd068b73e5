"""几倍: one figure of two departments over each other, in the order the question names them —
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
