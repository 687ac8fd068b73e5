"""Audit questions, second round: checks a document of any province needs, on the real documents
(exact figures as printed; skipped without ../shared)."""
from __future__ import annotations

import pytest


def rows(reply: dict, label: str) -> list[str]:
    return [a["value"] for a in reply["answers"] if a["label"] == label and "value" in a]


# ------------------------------------------------------------------ one subject, two stated changes
@pytest.mark.shared
def test_a_statement_without_its_current_figure_joins_the_one_its_rate_implies(ask_national):
    """国家信访局_2026部门预算.pdf 说明五 (p.19): 2014099其他信访事务支出 …比2025年执行减少21,519.26万元，减少
    85.59% (the extraction keeps no current figure for it); 说明五（三）6 (p.21): 其他信访事务支出（项）3,623.98万元，
    比2025年执行数增加2,022.94万元，增幅126.35%. 21,519.26 ÷ 85.59% − 21,519.26 = 3,622.76, within the rate's
    rounding of 3,623.98: one subject, two changes — each with the previous year it implies."""
    r = ask_national("国家信访局26年预算说明里，“其他信访事务支出”跟2025年执行数比到底是增还是减？前后说法一致吗？")
    assert sorted(rows(r, "其他信访事务支出比上年增减")) == ["-21519.26", "2022.94"]
    assert sorted(rows(r, "其他信访事务支出按此说法的上年数")) == ["1601.04", "25143.24"]
    assert rows(r, "其他信访事务支出") == ["3623.98"]
    assert "前后不一致" in r["text"]
